<%@ Language="VBScript" CodePage="949" %>
<%
	Option Explicit
	Session.CodePage = 949
	Response.Charset = "euc-kr"
	Response.Expires = -1
%>
<!-- #include virtual="/inc/dbcon.asp" -->
<!-- #include virtual="/kspay/KSPayCfg.inc" -->
<%
	'---------------------------------------------------------------
	' 카드결제 선택 (order_card.asp) - 안전결제/안심클릭 통합
	'---------------------------------------------------------------
	Dim ordNo, ordName, goodName, ordAmt
	ordNo    = Trim(Request.Form("ord_no"))
	ordName  = Trim(Request.Form("ord_name"))
	goodName = Trim(Request.Form("good_name"))
	ordAmt   = Trim(Request.Form("ord_amt"))
	If ordNo = "" Or Not IsNumeric(ordAmt) Then
		Response.Redirect "/order/cart.asp"
	End If
%>
<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=euc-kr">
<title>다온가구 - 카드결제</title>
<link href="/css/shop.css" rel="stylesheet" type="text/css">
<script language="javascript" src="<%=KSPAY_ISP_JS%>"></script>
<script language="javascript">
<!--
// 카드사 코드 (KSPAY)
var cardCodes = new Array(
	"0100",	// 비씨카드
	"0204",	// 국민카드
	"1800",	// 수협카드
	"0300",	// 외환카드
	"0400",	// 삼성카드
	"0500",	// 현대카드
	"0600",	// 신한카드
	"13",	// 제주카드
	"1100"	// 농협카드
);
var cardNames = new Array("비씨카드", "국민카드", "수협카드", "외환카드", "삼성카드", "현대카드", "신한카드", "제주카드", "농협카드");

function initCard() {
	var sel = document.KSPayAuthForm.selectcard;
	for (var i = 0; i < cardCodes.length; i++) {
		sel.options[sel.options.length] = new Option(cardNames[i], cardCodes[i]);
	}
}

function next() {
	var frm = document.KSPayAuthForm;
	var code = frm.selectcard.value;
	if (code == "") {
		alert("카드를 선택하세요.");
		return;
	}
	if (code == "0100" || code == "0204" || code == "1800") submitISP();
	else submitV3d();
}

function submitISP() {
	var frm = document.KSPayAuthForm;
	frm.certitype.value = "I";
	frm.KVP_CARDCODE.value = frm.selectcard.value;
	if (MakePayMessage(frm)) {
		frm.action = "/kspay/KSPayCreditPost.asp";
		frm.submit();
	}
}

function submitV3d() {
	var frm = document.KSPayAuthForm;
	frm.certitype.value = "M";
	frm.cardcode.value = frm.selectcard.value;
	window.open("", "KSPAY_V3D", "width=420,height=480");
	frm.target = "KSPAY_V3D";
	frm.action = "https://kspay.ksnet.to/store/mb2/V3DAuth.jsp";
	frm.submit();
}
//-->
</script>
</head>
<body onload="initCard();">
<!-- #include virtual="/inc/top.asp" -->
<table width="900" align="center" border="0" cellpadding="0" cellspacing="0">
<tr>
	<td style="padding:20px 0">
	<img src="/images/order/tit_card.gif" alt="카드결제">
	<form name="KSPayAuthForm" method="post">
	<input type="hidden" name="certitype" value="">
	<input type="hidden" name="cardcode" value="">
	<input type="hidden" name="KVP_CARDCODE" value="">
	<input type="hidden" name="sndStoreid" value="<%=KSPAY_STOREID%>">
	<input type="hidden" name="sndOrdernumber" value="<%=ordNo%>">
	<input type="hidden" name="sndOrdername" value="<%=Server.HTMLEncode(ordName)%>">
	<input type="hidden" name="sndGoodname" value="<%=Server.HTMLEncode(goodName)%>">
	<input type="hidden" name="sndAmount" value="<%=ordAmt%>">
	<table width="100%" border="0" cellpadding="6" cellspacing="1" bgcolor="#dddddd">
	<tr bgcolor="#ffffff">
		<td width="140" bgcolor="#f8f8f8">주문번호</td>
		<td><%=ordNo%></td>
	</tr>
	<tr bgcolor="#ffffff">
		<td bgcolor="#f8f8f8">결제금액</td>
		<td><b><%=FormatNumber(ordAmt, 0)%></b> 원</td>
	</tr>
	<tr bgcolor="#ffffff">
		<td bgcolor="#f8f8f8">카드선택</td>
		<td>
			<select name="selectcard">
				<option value="">카드사 선택</option>
			</select>
		</td>
	</tr>
	</table>
	<p align="center"><a href="javascript:next();"><img src="/images/order/btn_pay.gif" border="0" alt="결제하기"></a></p>
	</form>
	</td>
</tr>
</table>
<!-- #include virtual="/inc/bottom.asp" -->
</body>
</html>
