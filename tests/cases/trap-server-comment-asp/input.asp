<%@ Language=VBScript CodePage=949 %>
<%
Option Explicit
Response.Charset = "euc-kr"
Dim ordernumber, goodname, amount, ordername, email, phoneno
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
<title>KSPay 결제</title>
<link rel="stylesheet" href="/css/kspay.css" type="text/css">
<script language="javascript">
<!--
function submitAuth(frm)
{
	var c = "";
	for (var i = 0; i < frm.certitype.length; i++) {
		if (frm.certitype[i].checked) c = frm.certitype[i].value;
	}
	if (c == "") { alert("거래종류를 선택하세요."); return false; }
	frm.action = (c == "I") ? "KSPayCreditFormI.asp" : "KSPayCreditFormM.asp";
	return true;
}
//-->
</script>
</head>
<body>
<form name="KSPayForm" method="post" onsubmit="return submitAuth(this);">
<input type="hidden" name="storeid"     value="2999199999">
<input type="hidden" name="ordernumber" value="<%=ordernumber%>">
<input type="hidden" name="goodname"    value="<%=goodname%>">
<input type="hidden" name="amount"      value="<%=amount%>">
<input type="hidden" name="ordername"   value="<%=ordername%>">
<input type="hidden" name="email"       value="<%=email%>">
<input type="hidden" name="phoneno"     value="<%=phoneno%>">
<table width="500" border="0" cellspacing="1" cellpadding="4" bgcolor="#CCCCCC">
<tr bgcolor="#FFFFFF">
	<td width="100">상품명</td>
	<td><%=goodname%></td>
</tr>
<tr bgcolor="#FFFFFF">
	<td>결제금액</td>
	<td><%=FormatNumber(amount, 0)%> 원</td>
</tr>
<tr bgcolor="#FFFFFF">
	<td>거래종류</td>
	<td>
		<input type="radio" name="certitype" value="M" checked>안심클릭(M-Visa3D인증승인)<br>
<%
' --------------------------------------------------------------
' 2013.04.22 제주카드 결제방식 변경 (안심클릭 -> 안전결제)
' 변경전 : 외환,삼성,현대,신한,롯데,하나,씨티,농협,제주
' --------------------------------------------------------------
%>
		외환,삼성,현대,신한,롯데,하나,씨티,농협<br>
		<input type="radio" name="certitype" value="I">안전결제(ISP인증승인)<br>
<% ' 변경전 : 비씨,국민,수협,전북,광주 %>
		비씨,국민,수협,전북,광주,제주<br>
		<input type="radio" name="certitype" value="N">일반인증승인<br>
		<input type="radio" name="certitype" value="A">인증없는승인<br>
	</td>
</tr>
<tr bgcolor="#FFFFFF">
	<td colspan="2" align="center"><input type="submit" value="다음단계"></td>
</tr>
</table>
</form>
<%
' Response.Write "<font color=gray>안심클릭 : 외환,삼성,현대,신한,롯데,하나,씨티,제주</font>"
%>
</body>
</html>
