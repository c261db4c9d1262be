<?php
/* 주문결제 - 카드사 선택 (KSPAY 소켓 모듈) */
include_once "../_common.php";
$od_id   = $_GET['od_id'];
$od      = sql_fetch("select * from g4_order where od_id = '$od_id'");
$amount  = $od['od_receipt_card'];
?>
<!DOCTYPE html>
<html lang="ko">
<head>
<meta charset="utf-8">
<title>우리동네 꽃배달 - 카드결제</title>
<link rel="stylesheet" href="/css/shop.css">
<script>
function card_submit(f) {
	var opt = f.cardcode.options[f.cardcode.selectedIndex];
	if (!opt.value) { alert("카드사를 선택해 주세요."); return false; }
	f.certitype.value = opt.parentNode.id == "grp_isp" ? "I" : "M";
	return true;
}
</script>
</head>
<body>
<div id="order_pay">
	<h2>카드결제</h2>
	<form name="fpay" method="post" action="./kspay_card.php" onsubmit="return card_submit(this);">
	<input type="hidden" name="od_id" value="<?php echo $od_id; ?>">
	<input type="hidden" name="certitype" value="">
	<p>결제금액 : <strong><?php echo number_format($amount); ?>원</strong></p>
	<label for="cardcode">카드사</label>
	<select name="cardcode" id="cardcode">
		<option value="">선택하세요</option>
		<optgroup id="grp_mpi" label="&#50504;&#49900;&#53364;&#47533;">
			<option value="03">외환카드</option>
			<option value="04">삼성카드</option>
			<option value="06">현대카드</option>
		</optgroup>
		<optgroup id="grp_isp" label="&#50504;&#51204;&#44208;&#51228;(ISP)">
			<option value="01">BC카드</option>
			<option value="02">국민카드</option>
			<option value="13">&#51228;&#51452;</option>
		</optgroup>
	</select>
	<button type="submit">결제하기</button>
	</form>
</div>
<?php include_once "../tail.php"; ?>
</body>
</html>
