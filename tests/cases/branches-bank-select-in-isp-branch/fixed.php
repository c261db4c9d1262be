<?php
/*
 * KSPayCreditForm.php - 거래종류(certitype)에 따른 카드 선택
 * M : 안심클릭(submitV3d), I : 안전결제 ISP(submitISP)
 */
header('Content-Type: text/html; charset=utf-8');
require_once "./kspay_conf.php";

$storeid     = $_POST["storeid"];
$ordername   = $_POST["ordername"];
$ordernumber = $_POST["ordernumber"];
$amount      = $_POST["amount"];
$goodname    = $_POST["goodname"];
$email       = $_POST["email"];
$phoneno     = $_POST["phoneno"];
$certitype   = $_POST["certitype"];
?>
<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>KSPay 신용카드 결제</title>
<link rel="stylesheet" type="text/css" href="./css/kspay.css">
<script type="text/javascript">
function submitV3d() {
	var frm = document.KSPayAuthForm;
	if (frm.selectcard.value == "") { alert("카드를 선택하세요."); return; }
	frm.action = "./mpi/veri_host.php";
	frm.submit();
}
function submitISP() {
	var frm = document.KSPayAuthForm;
	if (frm.selectcard.value == "") { alert("카드를 선택하세요."); return; }
	frm.KVP_CARDCODE.value = frm.selectcard.value;
	frm.action = "./isp/KSPayISP_Request.php";
	frm.submit();
}
</script>
</head>
<body>
<form name="KSPayAuthForm" method="post">
<input type="hidden" name="storeid"      value="<?php echo $storeid; ?>">
<input type="hidden" name="ordername"    value="<?php echo $ordername; ?>">
<input type="hidden" name="ordernumber"  value="<?php echo $ordernumber; ?>">
<input type="hidden" name="amount"       value="<?php echo $amount; ?>">
<input type="hidden" name="goodname"     value="<?php echo $goodname; ?>">
<input type="hidden" name="email"        value="<?php echo $email; ?>">
<input type="hidden" name="phoneno"      value="<?php echo $phoneno; ?>">
<input type="hidden" name="certitype"    value="<?php echo $certitype; ?>">
<input type="hidden" name="KVP_CARDCODE" value="">
<table width="450" border="0" cellspacing="1" cellpadding="4" bgcolor="#BBBBBB">
<tr bgcolor="#FFFFFF">
	<td width="110">상품명</td>
	<td><?php echo $goodname; ?></td>
</tr>
<tr bgcolor="#FFFFFF">
	<td>결제금액</td>
	<td><?php echo number_format($amount); ?> 원</td>
</tr>
<?php if ($certitype == "M") { ?>
<tr bgcolor="#FFFFFF">
	<td>안심클릭 카드</td>
	<td>
		<select name="selectcard">
			<option value="">카드를 선택하세요</option>
			<option value="01">외환카드</option>
			<option value="03">삼성카드</option>
			<option value="04">현대카드</option>
			<option value="05">신한카드</option>
			<option value="06">롯데카드</option>
			<option value="07">하나SK카드</option>
			<option value="08">씨티카드</option>
		</select>
		<input type="button" value="결제" onclick="submitV3d();">
	</td>
</tr>
<?php } else if ($certitype == "I") { ?>
	<tr>
		<td class="label">환불계좌 은행</td>
		<td>
		<select name="refund_bank">
			<option value="04">국민은행</option>
			<option value="35">제주은행</option>
			<option value="11">농협</option>
		</select>
		</td>
	</tr>
<tr bgcolor="#FFFFFF">
	<td>안전결제 카드</td>
	<td>
		<select name="selectcard">
			<option value="">카드를 선택하세요</option>
			<option value="0100">BC카드</option>
			<option value="0204">국민카드</option>
			<option value="1800">수협카드</option>
			<option value="1600">전북카드</option>
			<option value="1500">광주카드</option>
			<option value="13">제주카드</option>
		</select>
		<input type="button" value="결제" onclick="submitISP();">
	</td>
</tr>
<?php } ?>
</table>
</form>
</body>
</html>
