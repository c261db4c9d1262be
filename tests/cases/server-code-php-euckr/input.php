<?php
//----------------------------------------------------------------------
// KSPAY 신용카드 결제 요청 (KSPayCreditForm.php)
// 주문서(order_form.php)에서 고른 카드명으로 인증방식(certitype)을 정한 뒤
// 안심클릭(KSPayV3D) 또는 안전결제(KSPayISP) 페이지로 넘긴다.
//----------------------------------------------------------------------
header("Content-Type: text/html; charset=euc-kr");
include "./kspay_config.php";

$cardname    = isset($_POST["cardname"])    ? trim($_POST["cardname"])    : "";
$ordernumber = isset($_POST["ordernumber"]) ? trim($_POST["ordernumber"]) : "";
$ordername   = isset($_POST["ordername"])   ? trim($_POST["ordername"])   : "";
$goodname    = isset($_POST["goodname"])    ? trim($_POST["goodname"])    : "";
$amount      = isset($_POST["amount"])      ? (int)$_POST["amount"]       : 0;
$quota       = isset($_POST["quota"])       ? $_POST["quota"]             : "00";

if ($cardname == "" || $ordernumber == "" || $amount <= 0) {
	echo "<script>alert('결제 정보가 올바르지 않습니다.'); history.back();</script>";
	exit;
}

// 카드사별 인증방식 결정
if ($cardname == "제주카드") {
	$certitype = "M";	// 안심클릭
} else if ($cardname == "비씨카드" || $cardname == "국민카드" || $cardname == "수협카드" || $cardname == "전북카드" || $cardname == "광주카드") {
	$certitype = "I";	// 안전결제(ISP)
} else {
	$certitype = "M";	// 안심클릭
}

$actionUrl = ($certitype == "I") ? "./isp/KSPayISP.php" : "./mpi/KSPayV3D.php";
$certname  = ($certitype == "I") ? "안전결제(ISP)" : "안심클릭";
?>
<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=euc-kr">
<title>우리집밥상 :: 카드결제</title>
<link rel="stylesheet" href="/css/shop.css" type="text/css">
<script type="text/javascript">
<!--
function goNext() {
	var f = document.KSPayForm;
	f.action = "<?php echo $actionUrl; ?>";
	f.submit();
}
//-->
</script>
</head>
<body onload="document.getElementById('btnNext').focus();">
<?php include "../include/header.php"; ?>
<form name="KSPayForm" method="post">
<input type="hidden" name="sndStoreid"     value="<?php echo $KSPAY_STORE_ID; ?>">
<input type="hidden" name="sndOrdernumber" value="<?php echo $ordernumber; ?>">
<input type="hidden" name="sndOrdername"   value="<?php echo htmlspecialchars($ordername); ?>">
<input type="hidden" name="sndGoodname"    value="<?php echo htmlspecialchars($goodname); ?>">
<input type="hidden" name="sndAmount"      value="<?php echo $amount; ?>">
<input type="hidden" name="sndInstallmenttype" value="<?php echo $quota; ?>">
<input type="hidden" name="certitype"      value="<?php echo $certitype; ?>">
<table width="480" border="0" cellpadding="6" cellspacing="1" bgcolor="#d6cfc4" align="center" style="margin-top:30px;">
	<tr>
		<td width="110" bgcolor="#f6f1ea">주문번호</td>
		<td bgcolor="#ffffff"><?php echo $ordernumber; ?></td>
	</tr>
	<tr>
		<td bgcolor="#f6f1ea">상품명</td>
		<td bgcolor="#ffffff"><?php echo htmlspecialchars($goodname); ?></td>
	</tr>
	<tr>
		<td bgcolor="#f6f1ea">결제금액</td>
		<td bgcolor="#ffffff"><b><?php echo number_format($amount); ?></b>원</td>
	</tr>
	<tr>
		<td bgcolor="#f6f1ea">선택카드</td>
		<td bgcolor="#ffffff"><?php echo $cardname; ?></td>
	</tr>
	<tr>
		<td bgcolor="#f6f1ea">인증방식</td>
		<td bgcolor="#ffffff"><?php echo $certname; ?></td>
	</tr>
</table>
<p align="center">
	<input type="button" id="btnNext" value="결제창 열기" onclick="goNext();">
	<input type="button" value="주문서로 돌아가기" onclick="history.back();">
</p>
</form>
<?php include "../include/footer.php"; ?>
</body>
</html>
