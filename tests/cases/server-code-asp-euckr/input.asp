<%@ Language="VBScript" CodePage="949" %>
<%
Option Explicit
Session.CodePage = 949
Response.Charset = "euc-kr"
Response.Expires = -1
%>
<!-- #include file="./KSPayConfig.inc" -->
<%
'=============================================================
' 카드사 선택 -> 인증방식 결정 (KSPayCardSelect.asp)
' 카드사 코드로 certitype 을 정해서 결제 페이지로 보낸다.
'   I : 안전결제(ISP)  -> KSPayCreditFormI.asp
'   M : 안심클릭(V3D)  -> KSPayCreditFormM.asp
'=============================================================
Dim cardcode, certitype, nextPage
Dim orderno, amount, goodname

orderno  = Request("orderno")
amount   = Request("amount")
goodname = Request("goodname")
cardcode = Trim(Request.Form("cardcode"))

If cardcode <> "" Then
	Select Case cardcode
		Case "0100", "0204", "1800", "1600", "1500"	' 비씨,국민,수협,전북,광주
			certitype = "I"
		Case "13"	' 제주카드
			certitype = "M"
		Case Else	' 외환,삼성,현대,신한,롯데,하나,씨티,농협
			certitype = "M"
	End Select

	If certitype = "I" Then
		nextPage = "KSPayCreditFormI.asp"
	Else
		nextPage = "KSPayCreditFormM.asp"
	End If
	Session("ks_certitype") = certitype
	Response.Redirect nextPage & "?orderno=" & Server.URLEncode(orderno) & "&cardcode=" & cardcode
	Response.End
End If
%>
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=euc-kr">
<title>[그린피아 골프] 신용카드 결제</title>
<link href="/css/golf.css" rel="stylesheet" type="text/css">
<script language="JavaScript">
<!--
function sendCard() {
	var f = document.cardForm;
	if (f.cardcode.value == "") {
		alert("카드사를 선택하십시오.");
		f.cardcode.focus();
		return;
	}
	f.submit();
}
//-->
</script>
</head>
<body leftmargin="0" topmargin="0">
<!-- #include virtual="/include/top_menu.asp" -->
<table width="600" border="0" cellspacing="0" cellpadding="0" align="center">
<tr>
	<td height="40"><img src="/images/order/title_card.gif" alt="신용카드 결제"></td>
</tr>
<tr>
	<td>
	<form name="cardForm" method="post" action="KSPayCardSelect.asp">
	<input type="hidden" name="orderno" value="<%=orderno%>">
	<input type="hidden" name="amount" value="<%=amount%>">
	<input type="hidden" name="goodname" value="<%=goodname%>">
	<table width="100%" border="0" cellspacing="1" cellpadding="5" bgcolor="#c9d6c0">
	<tr>
		<td width="120" bgcolor="#eef4ea">결제금액</td>
		<td bgcolor="#ffffff"><b><%=FormatNumber(amount, 0)%></b> 원</td>
	</tr>
	<tr>
		<td bgcolor="#eef4ea">카드사 선택</td>
		<td bgcolor="#ffffff">
			<select name="cardcode" style="width:160px">
				<option value="">-- 카드사 선택 --</option>
				<option value="0300">외환카드</option>
				<option value="0400">삼성카드</option>
				<option value="0500">현대카드</option>
				<option value="0600">신한카드</option>
				<option value="0800">롯데카드</option>
				<option value="13">제주카드</option>
				<option value="0100">비씨카드</option>
				<option value="0204">국민카드</option>
				<option value="1800">수협카드</option>
			</select>
		</td>
	</tr>
	</table>
	<p align="center">
		<a href="javascript:sendCard();"><img src="/images/order/btn_pay.gif" border="0" alt="결제하기"></a>
	</p>
	</form>
	</td>
</tr>
</table>
<!-- #include virtual="/include/bottom.asp" -->
</body>
</html>
