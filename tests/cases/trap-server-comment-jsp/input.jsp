<%@ page contentType="text/html;charset=euc-kr" %>
<%
/*****************************************************************************
 * KSPayCreditForm.jsp : 거래종류별 카드 선택
 *****************************************************************************/
	request.setCharacterEncoding("euc-kr");
	String storeid     = request.getParameter("storeid");
	String ordernumber = request.getParameter("ordernumber");
	String ordername   = request.getParameter("ordername");
	String goodname    = request.getParameter("goodname");
	String amount      = request.getParameter("amount");
	String certitype   = request.getParameter("certitype");
	if (certitype == null) certitype = "M";
%>
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=euc-kr">
<title>KSPay 카드선택</title>
<script language="javascript">
<!--
function submitV3d() {
	document.KSPayAuthForm.action = "./mpi/veri_host.jsp";
	document.KSPayAuthForm.submit();
}
function submitISP() {
	document.KSPayAuthForm.action = "./isp/KSPayISP.jsp";
	document.KSPayAuthForm.submit();
}
//-->
</script>
</head>
<body>
<form name="KSPayAuthForm" method="post">
<input type="hidden" name="storeid"     value="<%=storeid%>">
<input type="hidden" name="ordernumber" value="<%=ordernumber%>">
<input type="hidden" name="ordername"   value="<%=ordername%>">
<input type="hidden" name="goodname"    value="<%=goodname%>">
<input type="hidden" name="amount"      value="<%=amount%>">
<input type="hidden" name="certitype"   value="<%=certitype%>">
<table width="420" border="0" cellspacing="1" cellpadding="4" bgcolor="#CCCCCC">
<tr bgcolor="#FFFFFF">
	<td width="100">상품명</td>
	<td><%=goodname%></td>
</tr>
<tr bgcolor="#FFFFFF">
	<td>결제금액</td>
	<td><%=amount%> 원</td>
</tr>
<% if ("M".equals(certitype)) { %>
<tr bgcolor="#FFFFFF">
	<td>안심클릭</td>
	<td>
		<select name="selectcard">
			<option value="">카드선택</option>
			<option value="01">외환카드</option>
			<option value="03">삼성카드</option>
			<option value="04">현대카드</option>
			<option value="05">신한카드</option>
			<option value="06">롯데카드</option>
<%-- 2013.04.22 제주카드 안전결제(ISP) 전환으로 제외
			<option value="13">제주카드</option>
--%>
			<option value="07">하나SK카드</option>
			<option value="08">씨티카드</option>
		</select>
		<input type="button" value="결제" onclick="submitV3d();">
	</td>
</tr>
<% } else if ("I".equals(certitype)) { %>
<tr bgcolor="#FFFFFF">
	<td>안전결제</td>
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
<% } %>
<%
	// 구버전 안심클릭 카드목록 : 외환,삼성,현대,신한,롯데,하나,씨티,제주 (사용안함)
%>
</table>
</form>
</body>
</html>
