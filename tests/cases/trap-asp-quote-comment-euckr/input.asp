<%@ Language="VBScript" %>
<%
Session.CodePage = 949
Response.Charset = "euc-kr"
Response.Expires = -1
REM ------------------------------------------------------------
REM  KSPayCreditForm.asp - 카드사 선택 (하늘꽃배달)
REM  2010.05.12 최초작성 / 2013.04.15 제주카드 ISP 전환
REM ------------------------------------------------------------
Dim certitype, ordernumber, goodname, amount, ordername
certitype   = Request.Form("certitype")
ordernumber = Request.Form("sndOrdernumber")
goodname    = Request.Form("sndGoodname")
amount      = Request.Form("sndAmount")
ordername   = Request.Form("sndOrdername")
If certitype = "" Then certitype = "M"

' 안심클릭 : 외환,삼성,현대,제주 (2013.04 이전)
' If Request.Form("selectcard") = "13" Then certitype = "M"  ' 제주카드는 안심클릭
REM 안심클릭 카드목록(구) : 외환,삼성,현대,신한,롯데,하나,씨티,농협,제주
%>
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=euc-kr">
<title>하늘꽃배달 - 신용카드 결제</title>
<link rel="stylesheet" type="text/css" href="/css/flower.css">
<script language="javascript">
<!--
function submitV3d() {
	document.KSPayWeb.action = "./mpi/KSPayMPI.asp";
	document.KSPayWeb.submit();
}
function submitISP() {
	document.KSPayWeb.action = "./isp/KSPayISP.asp";
	document.KSPayWeb.submit();
}
function next() {
	if (document.KSPayWeb.selectcard.selectedIndex < 1) {
		alert("카드사를 선택해 주십시오.");
		return;
	}
	if (document.KSPayWeb.certitype.value == "I") submitISP();
	else submitV3d();
}
//-->
</script>
</head>
<body>
<!-- #include virtual="/inc/top.asp" -->
<form name="KSPayWeb" method="post">
<input type="hidden" name="certitype"      value="<%=certitype%>">
<input type="hidden" name="sndOrdernumber" value="<%=ordernumber%>">
<input type="hidden" name="sndGoodname"    value="<%=goodname%>">
<input type="hidden" name="sndAmount"      value="<%=amount%>">
<input type="hidden" name="sndOrdername"   value="<%=ordername%>">
<table width="520" border="0" cellpadding="4" cellspacing="1" bgcolor="#E5C8D2" align="center">
<tr bgcolor="#FFFFFF">
	<td width="110" bgcolor="#FBEFF3">상품명</td>
	<td><%=goodname%></td>
</tr>
<tr bgcolor="#FFFFFF">
	<td bgcolor="#FBEFF3">결제금액</td>
	<td><b><%=FormatNumber(amount, 0)%></b> 원</td>
</tr>
<tr bgcolor="#FFFFFF">
	<td bgcolor="#FBEFF3">카드사 선택</td>
	<td>
<% If certitype = "M" Then %>
		<select name="selectcard">
			<option value="">- 카드사 선택 -</option>
			<option value="0300">외환카드</option>
			<option value="0400">삼성카드</option>
			<option value="0500">현대카드</option>
			<option value="0600">신한카드</option>
			<option value="0700">롯데카드</option>
			<option value="0800">하나SK카드</option>
			<option value="0900">씨티카드</option>
			<option value="1100">농협카드</option>
<%		' <option value="13">제주카드</option> : 2013.04.15 안전결제로 이동 %>
		</select>
<% ElseIf certitype = "I" Then %>
		<select name="selectcard">
			<option value="">- 카드사 선택 -</option>
			<option value="0100">비씨카드</option>
			<option value="0204">국민카드</option>
			<option value="1800">수협카드</option>
			<option value="1600">전북카드</option>
			<option value="1500">광주카드</option>
			<option value="13">제주카드</option>
		</select>
<% End If %>
	</td>
</tr>
<tr bgcolor="#FFFFFF">
	<td colspan="2" align="center" height="40">
		<input type="button" value="다음" onclick="next();">
		<input type="button" value="취소" onclick="history.go(-1);">
	</td>
</tr>
</table>
</form>
<%
REM Response.Write "<p>안심클릭 : 외환, 삼성, 현대, 신한, 롯데, 하나, 씨티, 제주</p>"
	' Response.Write "<option value=""13"">제주카드</option>"
%>
<!-- #include virtual="/inc/bottom.asp" -->
</body>
</html>
