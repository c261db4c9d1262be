<?php
header('Content-Type: text/html; charset=euc-kr');
require_once("../config/shop_config.php");
require_once("../lib/order.lib.php");

// 주문정보 조회
$ordernumber = $_REQUEST['ordernumber'];
$order = get_order($ordernumber);
if (!$order) {
	echo "<script>alert('존재하지 않는 주문입니다.'); history.back();</script>";
	exit;
}
$amount   = $order['total_price'];
$goodname = $order['goods_name'];
?>
<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=euc-kr">
<title>새봄꽃배달 - 카드결제</title>
<link rel="stylesheet" type="text/css" href="/css/shop.css">
<script type="text/javascript">
// 안심클릭 카드 결제
function submitV3d() {
	var f = document.payForm;
	if (f.mpi_card.value == "") { alert("안심클릭 카드사를 선택하세요."); return; }
	f.certitype.value  = "M";
	f.selectcard.value = f.mpi_card.value;
	f.action = "KSPayCreditFormM.php";
	f.submit();
}
// 안전결제(ISP) 카드 결제
function submitISP() {
	var f = document.payForm;
	if (f.isp_card.value == "") { alert("안전결제 카드사를 선택하세요."); return; }
	f.certitype.value  = "I";
	f.selectcard.value = f.isp_card.value;
	f.action = "KSPayCreditFormI.php";
	f.submit();
}
</script>
</head>
<body>
<?php include "../inc/header.php"; ?>
<form name="payForm" method="post">
<input type="hidden" name="sndStoreid"     value="<?php echo $shop_config['kspay_storeid']; ?>">
<input type="hidden" name="sndOrdernumber" value="<?php echo $ordernumber; ?>">
<input type="hidden" name="sndGoodname"    value="<?php echo $goodname; ?>">
<input type="hidden" name="sndAmount"      value="<?php echo $amount; ?>">
<input type="hidden" name="sndOrdername"   value="<?php echo $order['order_name']; ?>">
<input type="hidden" name="sndEmail"       value="<?php echo $order['order_email']; ?>">
<input type="hidden" name="sndMobile"      value="<?php echo $order['order_hp']; ?>">
<input type="hidden" name="certitype"      value="">
<input type="hidden" name="selectcard"     value="">
<table width="650" cellpadding="6" cellspacing="1" border="0" bgcolor="#D9D9D9" align="center">
	<tr bgcolor="#FFFFFF">
		<td width="140" bgcolor="#FAF5EF"><b>결제금액</b></td>
		<td colspan="2"><font color="#D2451E"><b><?php echo number_format($amount); ?></b></font> 원</td>
	</tr>
	<tr bgcolor="#FFFFFF">
		<td bgcolor="#FAF5EF"><b>안심클릭</b></td>
		<td>
			<select name="mpi_card" style="width:160px">
				<option value="">카드선택</option>
				<option value="01">외환카드</option>
				<option value="03">삼성카드</option>
				<option value="04">현대카드</option>
				<option value="05">신한카드</option>
				<option value="06">롯데카드</option>
				<option value="07">하나SK카드</option>
				<option value="08">씨티카드</option>
				<option value="11">NH농협카드</option>
			</select>
		</td>
		<td width="90" align="center"><a href="javascript:submitV3d();"><img src="/img/btn_pay_s.gif" border="0" alt="결제"></a></td>
	</tr>
	<tr bgcolor="#FFFFFF">
		<td bgcolor="#FAF5EF"><b>안전결제(ISP)</b></td>
		<td>
			<select name="isp_card" style="width:160px">
				<option value="">카드선택</option>
				<option value="0100">BC카드</option>
				<option value="0204">KB국민카드</option>
				<option value="1800">수협카드</option>
				<option value="1600">전북카드</option>
				<option value="1500">광주카드</option>
				<option value="0700">우리카드</option>
				<option value="13">제주카드</option>
			</select>
		</td>
		<td align="center"><a href="javascript:submitISP();"><img src="/img/btn_pay_s.gif" border="0" alt="결제"></a></td>
	</tr>
</table>
<table width="650" align="center"><tr><td style="padding:10px 0; color:#777777; font-size:11px;">
	* 결제가 완료되면 주문완료 페이지로 자동 이동합니다.<br>
	* 결제 진행 중 창을 닫으시면 결제가 취소될 수 있습니다.
</td></tr></table>
</form>
<?php include "../inc/footer.php"; ?>
</body>
</html>
