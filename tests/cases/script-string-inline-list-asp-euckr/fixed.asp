<%@ Language="VBScript" CodePage="949" %>
<!-- #include virtual="/inc/config.asp" -->
<%
	'---------------------------------------------------------------
	' 주문서 결제수단 선택 (order_pay.asp)
	' 2011.03.02 카드사별 인증방식 안내 레이어 추가
	'---------------------------------------------------------------
	Dim orderNo, totalPrice
	orderNo    = Request("order_no")
	totalPrice = Request("total_price")
	If orderNo = "" Then Response.Redirect "/order/cart.asp"
%>
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=euc-kr">
<title>늘푸른몰 - 결제하기</title>
<link rel="stylesheet" type="text/css" href="/css/order.css">
<script type="text/javascript">
// 카드 인증방식 안내 레이어
function showCardGuide(obj) {
	var guide = "";
	guide += "<div class='card_guide'>";
	guide += "<p class='guide_tit'>카드사별 인증방식 안내</p>";
	guide += "<strong>안심클릭 : 삼성, 현대, 신한, 롯데, 외환</strong><br>";
	guide += "<strong>안전결제 : 국민, 비씨, 우리, 수협, 제주</strong>";
	guide += "<p class='guide_txt'>결제금액 30만원 이상은 공인인증서가 필요합니다.</p>";
	guide += "</div>";
	document.getElementById("cardGuide").innerHTML = guide;
	document.getElementById("cardGuide").style.display = "block";
}

function hideCardGuide() {
	document.getElementById("cardGuide").style.display = "none";
}

function goPay() {
	var f = document.orderForm;
	if (!f.agree.checked) {
		alert("구매조건 확인 및 결제진행에 동의해 주세요.");
		return;
	}
	f.action = "/kspay/KSPayForm.asp";
	f.submit();
}
</script>
</head>
<body>
<!-- #include virtual="/inc/top.asp" -->
<form name="orderForm" method="post">
<input type="hidden" name="order_no" value="<%=orderNo%>">
<input type="hidden" name="total_price" value="<%=totalPrice%>">
<table class="pay_table" width="100%" cellpadding="0" cellspacing="0">
<tr>
	<th>결제금액</th>
	<td><strong><%=FormatNumber(totalPrice, 0)%></strong>원</td>
</tr>
<tr>
	<th>결제수단</th>
	<td>
		<input type="radio" name="paymethod" value="card" checked> 신용카드
		<a href="#" onclick="showCardGuide(this); return false;">[카드 인증방식 안내]</a>
		<div id="cardGuide" style="display:none" onclick="hideCardGuide();"></div>
	</td>
</tr>
</table>
<p><input type="checkbox" name="agree" value="Y"> 주문 상품정보 및 결제에 동의합니다.</p>
<p align="center"><a href="javascript:goPay();"><img src="/images/btn_pay.gif" alt="결제하기" border="0"></a></p>
</form>
<!-- #include virtual="/inc/bottom.asp" -->
</body>
</html>
