<?php
/**
 * 신용카드 결제 - 카드사 선택 (card_select.php)
 * 누리전자몰 / KSPAY 소켓모듈 연동
 */
header('Content-Type: text/html; charset=euc-kr');
require_once $_SERVER['DOCUMENT_ROOT'] . '/lib/shop.lib.php';
require_once $_SERVER['DOCUMENT_ROOT'] . '/pay/kspay/kspay.config.php';

$od_id    = preg_replace('/[^0-9]/', '', $_GET['od_id']);
$od       = sql_fetch("SELECT * FROM g_order WHERE od_id = '$od_id'");
$od_price = (int)$od['od_receipt_card'];

/*
 * 2013.04.18 제주카드 안심클릭 -> 안전결제 전환 (KSNET 공지)
 * 변경전 안심클릭 카드 : 외환, 삼성, 현대, 신한, 롯데, 하나, 씨티, 농협, 제주
 * 변경전 안전결제 카드 : 비씨, 국민, 수협, 전북, 광주
 */
?>
<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=euc-kr" />
<title>누리전자몰 - 카드결제</title>
<link rel="stylesheet" href="/css/default.css" type="text/css" />
<script type="text/javascript">
function fnCardPay(f) {
	if (f.mpi_card.value == "" && f.isp_card.value == "") {
		alert("카드사를 선택하세요.");
		return false;
	}
	if (f.isp_card.value != "") {
		f.certitype.value = "I";
		f.action = "./KSPayCreditFormI.php";
	} else {
		f.certitype.value = "M";
		f.action = "./KSPayCreditFormM.php";
	}
	return true;
}
</script>
</head>
<body>
<?php include_once $_SERVER['DOCUMENT_ROOT'] . '/head.php'; ?>
<div class="pay_wrap">
<h2>신용카드 결제</h2>
<form name="fcard" method="post" action="" onsubmit="return fnCardPay(this);">
<input type="hidden" name="certitype"      value="" />
<input type="hidden" name="sndStoreid"     value="<?php echo KSPAY_STOREID; ?>" />
<input type="hidden" name="sndOrdernumber" value="<?php echo $od_id; ?>" />
<input type="hidden" name="sndAmount"      value="<?php echo $od_price; ?>" />
<table class="frm_tbl">
<tr>
	<th scope="row">주문번호</th>
	<td><?php echo $od_id; ?></td>
</tr>
<tr>
	<th scope="row">결제금액</th>
	<td><strong><?php echo number_format($od_price); ?></strong>원</td>
</tr>
<tr>
	<th scope="row">카드사 선택</th>
	<td>
		<select name="mpi_card">
			<option value="">안심클릭 카드</option>
			<option value="0300">외환카드</option>
			<option value="0400">삼성카드</option>
			<option value="0500">현대카드</option>
			<option value="0600">신한카드</option>
			<option value="0700">롯데카드</option>
			<option value="0800">하나SK카드</option>
			<option value="0900">씨티카드</option>
			<option value="1100">NH농협카드</option>
<?php
// <option value="13">제주카드</option>  (2013.04.18 안전결제로 이동)
# 안심클릭 카드목록(구) : 외환,삼성,현대,신한,롯데,하나,씨티,농협,제주
?>
		</select>
		<select name="isp_card">
			<option value="">안전결제(ISP) 카드</option>
			<option value="0100">BC카드</option>
			<option value="0204">KB국민카드</option>
			<option value="1800">수협카드</option>
			<option value="1600">전북카드</option>
			<option value="1500">광주카드</option>
			<option value="13">제주카드</option>
		</select>
	</td>
</tr>
</table>
<?php
/* 구버전 카드 선택 (사용안함)
<select name="selectcard">
	<optgroup label="안심클릭">
		<option value="03">삼성카드</option>
		<option value="04">현대카드</option>
		<option value="13">제주카드</option>
	</optgroup>
</select>
*/
// echo '<p class="guide">안심클릭 : 외환, 삼성, 현대, 신한, 롯데, 하나, 씨티, 농협, 제주</p>';
# echo "<p>안심클릭 가능 카드 : 삼성, 현대, 제주</p>";
?>
<p class="guide">※ 안전결제(ISP)는 BC, 국민, 수협, 전북, 광주, 제주 카드 이용 고객님께서 선택해 주세요.</p>
<div class="btn_confirm">
	<input type="submit" value="결제하기" class="btn_submit" />
	<a href="/shop/orderform.php" class="btn_cancel">취소</a>
</div>
</form>
</div>
<?php include_once $_SERVER['DOCUMENT_ROOT'] . '/tail.php'; ?>
</body>
</html>
