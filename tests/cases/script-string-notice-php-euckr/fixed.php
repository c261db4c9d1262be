<?
	// 장바구니 > 결제방법 선택 (order_form.php)
	// 2012.04.02 카드 인증방식 툴팁 추가 (guide 레이어)
	header("Content-Type: text/html; charset=euc-kr");
	include "../lib/config.php";
	include "../lib/db.php";
	$cart = get_cart($_COOKIE['cart_id']);
	if (!count($cart)) { echo "<script>alert('장바구니가 비어 있습니다.');location.href='/';</script>"; exit; }
?>
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=euc-kr">
<title>별빛캠핑 - 주문서 작성</title>
<link rel="stylesheet" href="/css/order.css" type="text/css">
<script type="text/javascript">
function showGuide() {
	var guide = "";
	guide += "<div class=\"tooltip\">";
	guide += "<strong>안전 결제? (국민/BC/우리/제주은행)</strong><br>";
	guide += "<strong>안심 클릭 결제? (삼성/현대/신한)</strong><br>";
	guide += "<span class='etc'>안전 결제를 위해 팝업 차단을 해제해 주세요.</span>";
	guide += "</div>";
	document.getElementById("guide").innerHTML = guide;
}
function checkForm(f) {
	if (f.o_name.value == "") { alert("주문자 이름을 입력하세요."); f.o_name.focus(); return false; }
	// alert("제주/도서산간 지역은 추가 배송비가 있습니다.");
	return true;
}
</script>
</head>
<body>
<? include "../inc/top.php"; ?>
<form name="orderForm" method="post" action="/kspay/KSPayWeb.php" onsubmit="return checkForm(this);">
<table class="order_tbl" width="100%">
<tr><th>주문자</th><td><input type="text" name="o_name" value="<?=$member['name']?>"></td></tr>
<tr><th>결제금액</th><td><?=number_format($cart['total'])?>원</td></tr>
<tr><th>결제방법</th><td><input type="radio" name="paymethod" value="card" checked> 신용카드 <a href="javascript:showGuide();">[인증방식 안내]</a><div id="guide"></div></td></tr>
</table>
<p class="ship_note">* 제주/도서산간 지역은 추가 배송비 3,000원이 부과됩니다.</p>
<p align="center"><input type="image" src="/img/btn_order.gif" alt="주문하기"></p>
</form>
<? include "../inc/bottom.php"; ?>
</body>
</html>
