<?
	/*--------------------------------------------------
	 * 주문서 확인 (order_confirm.php) - 해담한과
	 *--------------------------------------------------*/
	header("Content-Type: text/html; charset=euc-kr");
	include "../lib/_common.php";

	$ordno   = $_POST['ordno'];
	$cart    = get_cart_list($_SESSION['sess_id']);
	$goods_amt = 0;
	foreach ($cart as $c) $goods_amt += $c['price'] * $c['ea'];
	$dlv_amt   = ($goods_amt >= 50000) ? 0 : 2500;
	if (is_island_zip($_POST['rcv_zip'])) $dlv_amt += 3000;
	$tot_amt   = $goods_amt + $dlv_amt;
?>
<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=euc-kr">
<title>해담한과 - 주문서 확인</title>
<link rel="stylesheet" href="/css/style.css" type="text/css">
<style type="text/css">
	.tbl_confirm th { width:120px; background:#FAF6EE; text-align:left; padding:6px 10px; }
	.tbl_confirm td { padding:6px 10px; }
</style>
<script type="text/javascript">
function order_submit(f) {
	var chk = false;
	for (var i = 0; i < f.paymethod.length; i++) if (f.paymethod[i].checked) chk = true;
	if (!chk) { alert("결제수단을 선택해 주세요."); return false; }
	return confirm("주문하시겠습니까?");
}
</script>
</head>
<body>
<? include "../inc/header.php"; ?>
<div id="order">
<h3><img src="/img/order/h3_confirm.gif" alt="주문서 확인"></h3>
<form name="frmOrder" method="post" action="order_pay.php" onsubmit="return order_submit(this);">
<input type="hidden" name="ordno"   value="<?=$ordno?>">
<input type="hidden" name="tot_amt" value="<?=$tot_amt?>">
<table class="tbl_confirm" width="100%" border="0" cellspacing="0" cellpadding="0">
	<tr>
		<th>주문번호</th>
		<td><?=$ordno?></td>
	</tr>
	<tr>
		<th>상품금액</th>
		<td><?=number_format($goods_amt)?>원</td>
	</tr>
	<tr>
		<th>배송비</th>
		<td>기본 2,500원 / 제주, 도서산간 3,000원 추가</td>
	</tr>
	<tr>
		<th>총 결제금액</th>
		<td><b style="color:#B8860B"><?=number_format($tot_amt)?>원</b></td>
	</tr>
	<tr>
		<th>결제수단</th>
		<td>신용카드, 계좌이체, 무통장입금</td>
	</tr>
	<tr>
		<th>선택</th>
		<td>
			<input type="radio" name="paymethod" value="card" id="pm_card"><label for="pm_card">신용카드</label>
			<input type="radio" name="paymethod" value="iche" id="pm_iche"><label for="pm_iche">계좌이체</label>
			<input type="radio" name="paymethod" value="bank" id="pm_bank"><label for="pm_bank">무통장입금</label>
		</td>
	</tr>
</table>
<p class="sub_tit">신용카드 인증방식 안내</p>
<table class="tbl_confirm" width="100%" border="0" cellspacing="0" cellpadding="0">
	<tr>
		<th>안심클릭</th>
		<td>외환 / 삼성 / 현대 / 신한 / 롯데 / 하나SK / 씨티 / 농협</td>
	</tr>
	<tr>
		<th>안전결제(ISP)</th>
		<td>비씨 / 국민 / 수협 / 전북 / 광주 / 제주</td>
	</tr>
</table>
<p class="info">
	※ 주문 후 3일 이내 미입금시 자동 취소됩니다.<br>
	※ 명절 기간에는 배송이 2~3일 지연될 수 있습니다.
</p>
<div class="btn_area">
	<input type="image" src="/img/order/btn_order.gif" alt="주문하기">
	<a href="cart.php"><img src="/img/order/btn_cart.gif" alt="장바구니"></a>
</div>
</form>
</div>
<? include "../inc/footer.php"; ?>
</body>
</html>
