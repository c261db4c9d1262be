<?php
//==========================================================
// 결제수단 선택 > 신용카드 (pay_card.php)
// KSPAY 소켓 결제모듈 연동 - 2011.06.08
//==========================================================
header("Content-Type: text/html; charset=euc-kr");
include_once("./_common.php");

$order_no = $_REQUEST['order_no'];
$res = mysql_query("SELECT * FROM tbl_order WHERE order_no = '".mysql_real_escape_string($order_no)."'");
$order = mysql_fetch_array($res);
if (!$order) {
	echo "<script>alert('주문정보가 없습니다.'); history.go(-1);</script>";
	exit;
}
$pay_price = $order['total_price'] + $order['delivery_fee'];
?>
<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=euc-kr" />
<title>햇살농원 - 신용카드 결제</title>
<link rel="stylesheet" type="text/css" href="/skin/default/css/style.css" />
<style type="text/css">
	.pay_guide { width:600px; margin:15px 0; padding:12px; background:#fffbe8; border:1px solid #eadb9c; }
	.pay_guide p { margin:0 0 4px 0; }
	.pay_guide strong { color:#b36b00; }
</style>
<script type="text/javascript">
//<![CDATA[
function send_pay() {
	var f = document.getElementById("payform");
	if (!confirm("<?=number_format($pay_price)?>원을 결제하시겠습니까?")) return;
	f.submit();
}
//]]>
</script>
</head>
<body>
<?php include_once("./head.php"); ?>
<div id="contents">
	<h2 class="tit_sub">신용카드 결제</h2>
	<form id="payform" name="payform" method="post" action="./kspay/KSPayCreditForm.php">
		<input type="hidden" name="sndOrdernumber" value="<?=$order['order_no']?>" />
		<input type="hidden" name="sndGoodname" value="<?=htmlspecialchars($order['goods_name'])?>" />
		<input type="hidden" name="sndAmount" value="<?=$pay_price?>" />
		<input type="hidden" name="sndOrdername" value="<?=htmlspecialchars($order['order_name'])?>" />
		<input type="hidden" name="sndMobile" value="<?=$order['order_hp']?>" />
		<table class="tbl_view" cellspacing="0" cellpadding="0">
			<tr>
				<th>주문상품</th>
				<td><?=$order['goods_name']?></td>
			</tr>
			<tr>
				<th>상품금액</th>
				<td><?=number_format($order['total_price'])?>원</td>
			</tr>
			<tr>
				<th>배송비</th>
				<td><?=number_format($order['delivery_fee'])?>원 (제주/도서산간 추가요금 포함)</td>
			</tr>
			<tr>
				<th>결제금액</th>
				<td><strong><?=number_format($pay_price)?></strong>원</td>
			</tr>
		</table>
	</form>
	<div class="pay_guide">
		<p><strong>안심클릭</strong></p>
		<p>삼성, 현대, 신한, 제주</p>
		<p><strong>안전결제</strong></p>
		<p>비씨, 국민, 수협</p>
	</div>
	<p class="info">※ 결제주문 완료 후 입력하신 휴대폰으로 주문확인 문자가 발송됩니다.</p>
	<div class="btn_c">
		<a href="javascript:send_pay();"><img src="/skin/default/img/btn_pay.gif" alt="결제하기" /></a>
		<a href="./cart.php"><img src="/skin/default/img/btn_back.gif" alt="돌아가기" /></a>
	</div>
</div>
<div id="footer">
	<p>햇살농원 | 대표자 : 고은별 | 주소 : 제주특별자치도 서귀포시 남원읍 위미리 000</p>
	<p>사업자등록번호 : 652-00-00000 | 통신판매업신고 : 제2011-제주남원-0000호 | 전화 : 064-000-0000</p>
</div>
<?php include_once("./tail.php"); ?>
</body>
</html>
