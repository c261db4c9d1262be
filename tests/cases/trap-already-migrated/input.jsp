<%@ page contentType="text/html;charset=euc-kr" %>
<%@ page import="java.util.*" %>
<%
/*******************************************************************
 * KSPayForm.jsp - 거래종류 선택
 * 2013.04.20 제주카드 결제방식 변경 적용 (안심클릭 -> 안전결제)
 *******************************************************************/
	request.setCharacterEncoding("euc-kr");
	String ordernumber = request.getParameter("ordernumber");
	String ordername   = request.getParameter("ordername");
	String goodname    = request.getParameter("goodname");
	String amount      = request.getParameter("amount");
	String email       = request.getParameter("email");
	String phoneno     = request.getParameter("phoneno");
	if (ordernumber == null) ordernumber = "";
	if (ordername   == null) ordername   = "";
	if (goodname    == null) goodname    = "";
	if (amount      == null) amount      = "0";
	if (email       == null) email       = "";
	if (phoneno     == null) phoneno     = "";
%>
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=euc-kr">
<title>KSPay</title>
<link rel="stylesheet" href="./css/kspay.css" type="text/css">
<script language="javascript">
<!--
	function submitAuth()
	{
		var frm = document.KSPayForm;
		var certitype = "";
		for (var i = 0; i < frm.certitype.length; i++) {
			if (frm.certitype[i].checked) certitype = frm.certitype[i].value;
		}
		if (certitype == "I")
			frm.action = "KSPayCreditFormI.jsp";
		else if (certitype == "M")
			frm.action = "KSPayCreditFormM.jsp";
		else
			frm.action = "KSPayCreditFormN.jsp";
		frm.submit();
	}
//-->
</script>
</head>
<body>
<form name="KSPayForm" method="post">
<input type="hidden" name="storeid"     value="2999199999">
<input type="hidden" name="storenm"     value="KSNET">
<input type="hidden" name="ordernumber" value="<%=ordernumber%>">
<input type="hidden" name="ordername"   value="<%=ordername%>">
<input type="hidden" name="goodname"    value="<%=goodname%>">
<input type="hidden" name="amount"      value="<%=amount%>">
<input type="hidden" name="email"       value="<%=email%>">
<input type="hidden" name="phoneno"     value="<%=phoneno%>">
<table border="0" width="500" cellspacing="1" cellpadding="3" bgcolor="#CCCCCC">
<tr bgcolor="#FFFFFF">
	<td width="120">상품명</td>
	<td><%=goodname%></td>
</tr>
<tr bgcolor="#FFFFFF">
	<td>금액</td>
	<td><%=amount%></td>
</tr>
<tr bgcolor="#FFFFFF">
	<td>거래종류</td>
	<td>
		<input type="radio" name="certitype" value="M" checked>M-Visa3D인증승인(안심클릭)<br>
		외환,삼성,현대,신한,롯데,하나,씨티,농협<br>
		<input type="radio" name="certitype" value="I">ISP인증승인(안전결제)<br>
		비씨,국민,수협,전북,광주,제주<br>
		<input type="radio" name="certitype" value="N">일반인증승인<br>
		<input type="radio" name="certitype" value="A">인증없는승인<br>
	</td>
</tr>
<tr bgcolor="#FFFFFF">
	<td colspan="2" align="center"><input type="button" value="다음" onclick="javascript:submitAuth();"></td>
</tr>
</table>
</form>
</body>
</html>
