<%@ Language=VBScript CodePage=949 %>
<%
Option Explicit
Response.Charset = "euc-kr"
'=====================================================================
' KSPayForm.asp (통합본) - 1단계 거래종류 선택 / 2단계 카드 선택
'  certitype 이 없으면 거래종류 선택, 있으면 해당 카드목록 출력
'=====================================================================
Dim certitype, ordernumber, goodname, amount, ordername, email, phoneno
certitype   = Request.Form("certitype")
ordernumber = Request.Form("ordernumber")
goodname    = Request.Form("goodname")
amount      = Request.Form("amount")
ordername   = Request.Form("ordername")
email       = Request.Form("email")
phoneno     = Request.Form("phoneno")
%>
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=euc-kr">
<title>KSPay 신용카드 결제</title>
<link rel="stylesheet" href="./css/kspay.css" type="text/css">
<script language="javascript">
<!--
function submitV3d() {
	var frm = document.KSPayForm;
	if (frm.selectcard.value == "") { alert("카드를 선택하세요."); return; }
	frm.action = "./mpi/Visa3d_Request.asp";
	frm.submit();
}
function submitISP() {
	var frm = document.KSPayForm;
	if (frm.selectcard.value == "") { alert("카드를 선택하세요."); return; }
	frm.action = "./isp/KSPayISP_Request.asp";
	frm.submit();
}
//-->
</script>
</head>
<body>
<form name="KSPayForm" method="post" action="KSPayForm.asp">
<input type="hidden" name="storeid"     value="2999199999">
<input type="hidden" name="ordernumber" value="<%=ordernumber%>">
<input type="hidden" name="goodname"    value="<%=goodname%>">
<input type="hidden" name="amount"      value="<%=amount%>">
<input type="hidden" name="ordername"   value="<%=ordername%>">
<input type="hidden" name="email"       value="<%=email%>">
<input type="hidden" name="phoneno"     value="<%=phoneno%>">
<table width="500" border="0" cellspacing="1" cellpadding="4" bgcolor="#CCCCCC">
<tr bgcolor="#FFFFFF">
	<td width="110">상품명</td>
	<td><%=goodname%></td>
</tr>
<tr bgcolor="#FFFFFF">
	<td>결제금액</td>
	<td><%=FormatNumber(amount, 0)%> 원</td>
</tr>
<% If certitype = "M" Then %>
<input type="hidden" name="certitype" value="M">
<tr bgcolor="#FFFFFF">
	<td>안심클릭 카드</td>
	<td>
		<select name="selectcard">
			<option value="">카드선택</option>
			<option value="01">외환카드</option>
			<option value="03">삼성카드</option>
			<option value="04">현대카드</option>
			<option value="05">신한카드</option>
			<option value="06">롯데카드</option>
			<option value="07">하나SK카드</option>
			<option value="08">씨티카드</option>
			<option value="11">농협카드</option>
		</select>
		<input type="button" value="결제" onclick="submitV3d();">
	</td>
</tr>
<% ElseIf certitype = "I" Then %>
<input type="hidden" name="certitype" value="I">
<tr bgcolor="#FFFFFF">
	<td>안전결제 카드</td>
	<td>
		<select name="selectcard">
			<option value="">카드선택</option>
			<option value="0100">BC카드</option>
			<option value="0204">국민카드</option>
			<option value="1800">수협카드</option>
			<option value="1600">전북카드</option>
			<option value="1500">광주카드</option>
			<option value="13">제주카드</option>
		</select>
		<input type="button" value="결제" onclick="submitISP();">
	</td>
</tr>
<% Else %>
<tr bgcolor="#FFFFFF">
	<td>거래종류</td>
	<td>
		<input type="radio" name="certitype" value="M" checked>안심클릭<br>
		외환,삼성,현대,신한,롯데,하나,씨티,농협<br>
		<input type="radio" name="certitype" value="I">안전결제(ISP)<br>
		비씨,국민,수협,전북,광주,제주<br>
		<input type="radio" name="certitype" value="N">일반인증승인<br>
	</td>
</tr>
<tr bgcolor="#FFFFFF">
	<td colspan="2" align="center"><input type="submit" value="다음"></td>
</tr>
<% End If %>
</table>
</form>
</body>
</html>
