<%@ Language=VBScript CodePage=949 %>
<%
Option Explicit
Session.CodePage = 949
Response.Charset = "euc-kr"
Response.Expires = -1
Response.AddHeader "Cache-Control", "no-cache"
%>
<!-- #include virtual="/common/dbopen.asp" -->
<!-- #include virtual="/common/func.asp" -->
<%
'----------------------------------------------------------------
' 카드결제 안내 및 결제창 호출 (card_pay.asp)
' 2011.08.22 최초작성  2012.03.05 로고 이미지 교체
'----------------------------------------------------------------
Dim orderNo, payAmt, buyerName, goodsName

orderNo   = Trim(Request.Form("orderNo"))
payAmt    = Trim(Request.Form("payAmt"))
buyerName = Trim(Request.Form("buyerName"))
goodsName = Trim(Request.Form("goodsName"))

If orderNo = "" Or Not IsNumeric(payAmt) Then
	Response.Write "<script type='text/javascript'>alert('주문 정보가 올바르지 않습니다.');history.back();</script>"
	Response.End
End If
%>
<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=euc-kr">
<title>동해바다수산 - 카드결제</title>
<link rel="stylesheet" type="text/css" href="/css/default.css">
<style type="text/css">
.payTbl { width:640px; border-top:2px solid #1d5a8c; border-collapse:collapse; }
.payTbl th { width:130px; padding:8px; background:#f3f7fa; text-align:left; border-bottom:1px solid #dde5ec; }
.payTbl td { padding:8px; border-bottom:1px solid #dde5ec; }
.logoRow { margin:3px 0; }
.logoRow img { margin-right:4px; border:1px solid #cccccc; vertical-align:middle; }
.note { color:#888888; font-size:11px; }
</style>
<script type="text/javascript">
<!--
function openPay() {
	var f = document.frmPay;
	var win = window.open("", "KSPayWin", "width=420,height=520,scrollbars=no");
	if (win == null) {
		alert("팝업 차단을 해제하신 후 다시 시도해 주세요.");
		return;
	}
	f.target = "KSPayWin";
	f.action = "/kspay/KSPayForm.asp";
	f.submit();
}
//-->
</script>
</head>
<body>
<!-- #include virtual="/common/top.asp" -->
<div id="content">
<h3><img src="/images/order/tit_cardpay.gif" alt="신용카드 결제"></h3>
<form name="frmPay" method="post">
<input type="hidden" name="orderNo" value="<%=orderNo%>">
<input type="hidden" name="payAmt" value="<%=payAmt%>">
<input type="hidden" name="buyerName" value="<%=Server.HTMLEncode(buyerName)%>">
<input type="hidden" name="goodsName" value="<%=Server.HTMLEncode(goodsName)%>">
<table class="payTbl">
<tr>
	<th>주문번호</th>
	<td><%=orderNo%></td>
</tr>
<tr>
	<th>결제금액</th>
	<td><b><%=FormatNumber(payAmt, 0)%></b>원</td>
</tr>
<tr>
	<th>결제가능카드</th>
	<td>
		<div id="mpiLogos" class="logoRow">
		<img src="/images/card/logo_keb.gif" width="70" height="26" alt="외환카드">
		<img src="/images/card/logo_samsung.gif" width="70" height="26" alt="삼성카드">
		<img src="/images/card/logo_hyundai.gif" width="70" height="26" alt="현대카드">
		<img src="/images/card/logo_shinhan.gif" width="70" height="26" alt="신한카드">
		<img src="/images/card/logo_lotte.gif" width="70" height="26" alt="롯데카드">
		<img src="/images/card/logo_hana.gif" width="70" height="26" alt="하나SK카드">
		<img src="/images/card/logo_nh.gif" width="70" height="26" alt="NH농협카드">
		</div>
		<div id="ispLogos" class="logoRow">
		<img src="/images/card/logo_bc.gif" width="70" height="26" alt="비씨카드">
		<img src="/images/card/logo_kb.gif" width="70" height="26" alt="국민카드">
		<img src="/images/card/logo_suhyup.gif" width="70" height="26" alt="수협카드">
		<img src="/images/card/logo_jeju.gif" width="70" height="26" alt="제주카드">
		</div>
		<p class="note">* 윗줄의 카드는 안심클릭, 아랫줄의 카드는 안전결제(ISP)로 인증합니다.</p>
	</td>
</tr>
</table>
<p style="width:640px; text-align:center; margin-top:15px;">
	<a href="javascript:openPay();"><img src="/images/order/btn_cardpay.gif" alt="카드결제" border="0"></a>
	<a href="/order/order_form.asp"><img src="/images/order/btn_back.gif" alt="이전단계" border="0"></a>
</p>
</form>
</div>
<!-- #include virtual="/common/bottom.asp" -->
</body>
</html>
<!-- #include virtual="/common/dbclose.asp" -->
