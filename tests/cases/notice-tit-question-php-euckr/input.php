<?php
/*
 * 주문서 > 결제하기 (order_pay.php)
 * 2009.11.03 KSPAY 소켓모듈 연동 / 2012.07.16 카드사별 결제방식 안내 추가
 */
header("Content-Type: text/html; charset=euc-kr");
include_once("../_common.php");
include_once("../lib/shop.lib.php");

$od_id = $_GET['od_id'];
$od = sql_fetch("select * from {$g5['g5_shop_order_table']} where od_id = '$od_id' ");
if (!$od['od_id']) alert("주문정보가 존재하지 않습니다.", "./cart.php");
$settle_amount = $od['od_cart_price'] + $od['od_send_cost'];
?>
<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=euc-kr">
<title>바다향기 수산 - 결제하기</title>
<link rel="stylesheet" type="text/css" href="../css/order.css">
<script type="text/javascript">
function fnPay(f) {
	if (!f.agree_pay.checked) {
		alert("결제 진행에 동의해 주세요.");
		return false;
	}
	f.action = "./kspay/KSPayWeb.php";
	return true;
}
</script>
</head>
<body>
<?php include_once("../head.php"); ?>
<div id="order_wrap">
	<h2 class="sub_tit">주문 결제</h2>
	<form name="payForm" method="post" onsubmit="return fnPay(this);">
	<input type="hidden" name="sndOrdernumber" value="<?=$od_id?>">
	<input type="hidden" name="sndAmount" value="<?=$settle_amount?>">
	<input type="hidden" name="sndGoodname" value="<?=htmlspecialchars($od['od_goods_name'])?>">
	<table class="order_tbl" cellspacing="0" cellpadding="0">
	<tr>
		<th scope="row">주문번호</th>
		<td><?=$od_id?></td>
	</tr>
	<tr>
		<th scope="row">결제금액</th>
		<td><strong class="price"><?=number_format($settle_amount)?></strong>원 (배송비 <?=number_format($od['od_send_cost'])?>원 포함)</td>
	</tr>
	</table>

	<div class="pay_notice">
		<p class="tit">안전결제(ISP)? (국민카드/BC카드/우리카드)</p>
		<p class="txt">ISP 프로그램 설치 후 결제 비밀번호를 입력하시면 됩니다.</p>
		<p class="tit">안심 클릭 결제? (삼성카드/현대카드/신한카드/롯데카드/제주은행)</p>
		<p class="txt">카드사 홈페이지에서 안심클릭 비밀번호를 등록하신 후 이용해 주세요.</p>
		<p class="txt">안전 결제를 위해 결제가 끝날 때까지 창을 닫지 마십시오.</p>
		<p class="tit">무료배송 (제주/도서산간 지역 제외)</p>
		<p class="txt">5만원 이상 구매시 무료배송 됩니다.</p>
	</div>

	<p class="agree"><input type="checkbox" name="agree_pay" id="agree_pay" value="1"> <label for="agree_pay">주문 내용을 확인하였으며 결제에 동의합니다.</label></p>
	<div class="btn_area">
		<input type="image" src="../img/btn_pay.gif" alt="결제하기">
		<a href="./cart.php"><img src="../img/btn_back.gif" alt="돌아가기"></a>
	</div>
	</form>
</div>
<?php include_once("../tail.php"); ?>
</body>
</html>
