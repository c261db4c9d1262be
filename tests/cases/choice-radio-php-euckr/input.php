<?php
/* =========================================================
 *  카드사 선택 (card_select.php)
 *  - 선택한 카드사 코드(cardcode)를 KSPayCreditForm.php 로 넘긴다
 *  - 2011-05-10 kimjh : 카드사 라디오 버튼으로 변경
 * ========================================================= */
header("Content-Type: text/html; charset=euc-kr");
session_start();
include_once($_SERVER['DOCUMENT_ROOT']."/lib/common.php");

$ordno    = $_SESSION['ordno'];
$settleprice = (int)$_SESSION['settleprice'];
$cardcode = isset($_REQUEST['cardcode']) ? $_REQUEST['cardcode'] : "";

if (!$ordno || $settleprice <= 0) {
	msg("주문 정보가 없습니다. 다시 주문해 주세요.", "/shop/goods/goods_cart.php");
	exit;
}
?>
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=euc-kr">
<title>타임스퀘어 시계 - 카드사 선택</title>
<link rel="stylesheet" type="text/css" href="/shop/data/skin/default/style.css">
<style type="text/css">
.cardSelect { width:520px; margin:10px auto; padding:10px 15px; border:1px solid #d8d8d8; background:#fbfbfb; line-height:22px; }
.cardSelect h4 { margin:8px 0 2px 0; padding-left:8px; border-left:3px solid #9c1f2e; font-size:12px; }
.cardSelect label { cursor:pointer; }
</style>
<script type="text/javascript">
function chkForm(f)
{
	var checked = false;
	for (var i = 0; i < f.cardcode.length; i++) {
		if (f.cardcode[i].checked) { checked = true; break; }
	}
	if (!checked) {
		alert("결제하실 카드사를 선택해 주세요.");
		return false;
	}
	return true;
}
</script>
</head>
<body>
<?php include $_SERVER['DOCUMENT_ROOT']."/shop/outline/header.php"; ?>
<form name="frmCard" method="post" action="./KSPayCreditForm.php" onsubmit="return chkForm(this);">
<input type="hidden" name="ordno" value="<?php echo $ordno; ?>">
<input type="hidden" name="settleprice" value="<?php echo $settleprice; ?>">
<table width="550" align="center" cellpadding="4" cellspacing="0">
<tr>
	<td style="font-size:14px; font-weight:bold; color:#9c1f2e;">결제하실 카드사를 선택하세요</td>
</tr>
<tr>
	<td>주문번호 : <?php echo $ordno; ?> / 결제금액 : <b><?php echo number_format($settleprice); ?>원</b></td>
</tr>
</table>
<div class="cardSelect">
	<h4>안심클릭</h4>
	<label><input type="radio" name="cardcode" value="0300" <?php if($cardcode=="0300") echo "checked"; ?>> 외환카드</label><br>
	<label><input type="radio" name="cardcode" value="0400" <?php if($cardcode=="0400") echo "checked"; ?>> 삼성카드</label><br>
	<label><input type="radio" name="cardcode" value="0500" <?php if($cardcode=="0500") echo "checked"; ?>> 현대카드</label><br>
	<label><input type="radio" name="cardcode" value="0600" <?php if($cardcode=="0600") echo "checked"; ?>> 신한카드</label><br>
	<label><input type="radio" name="cardcode" value="0800" <?php if($cardcode=="0800") echo "checked"; ?>> 롯데카드</label><br>
	<label><input type="radio" name="cardcode" value="13" <?php if($cardcode=="13") echo "checked"; ?>> 제주카드</label><br>
	<label><input type="radio" name="cardcode" value="1100" <?php if($cardcode=="1100") echo "checked"; ?>> 농협카드</label><br>
	<label><input type="radio" name="cardcode" value="1200" <?php if($cardcode=="1200") echo "checked"; ?>> 씨티카드</label><br>
	<h4>안전결제</h4>
	<label><input type="radio" name="cardcode" value="0100" <?php if($cardcode=="0100") echo "checked"; ?>> 비씨카드</label><br>
	<label><input type="radio" name="cardcode" value="0204" <?php if($cardcode=="0204") echo "checked"; ?>> 국민카드</label><br>
	<label><input type="radio" name="cardcode" value="1800" <?php if($cardcode=="1800") echo "checked"; ?>> 수협카드</label><br>
</div>
<div style="width:550px; margin:0 auto; text-align:center;">
	<input type="image" src="/shop/data/skin/default/img/btn_next.gif" alt="다음">
	<a href="/shop/order/order.php"><img src="/shop/data/skin/default/img/btn_prev.gif" alt="이전" border="0"></a>
</div>
</form>
<?php include $_SERVER['DOCUMENT_ROOT']."/shop/outline/footer.php"; ?>
</body>
</html>
