<?php
header('Content-Type: text/html; charset=utf-8');
include_once("../common.php");

// 주문 확인 및 결제 (order_settle.php)
$od_id     = $_POST['od_id'];
$od        = sql_fetch(" select * from shop_order where od_id = '$od_id' ");
$send_cost = (int)$od['od_send_cost'];
$add_cost  = (int)$od['od_send_cost2']; // 추가배송비
$tot_price = (int)$od['od_cart_amount'] + $send_cost + $add_cost;
?>
<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>바다랑수산 - 주문결제</title>
<link rel="stylesheet" type="text/css" href="/css/shop.css">
<script type="text/javascript">
function submitV3d() {
	var f = document.settleForm;
	if (f.mpi_card.value == "") { alert("카드사를 선택하세요."); return; }
	f.certitype.value = "M";
	f.selectcard.value = f.mpi_card.value;
	f.action = "/kspay/KSPayCreditFormM.php";
	f.submit();
}
function submitISP() {
	var f = document.settleForm;
	if (f.isp_card.value == "") { alert("카드사를 선택하세요."); return; }
	f.certitype.value = "I";
	f.selectcard.value = f.isp_card.value;
	f.action = "/kspay/KSPayCreditFormI.php";
	f.submit();
}
</script>
</head>
<body>
<?php include_once("./_head.php"); ?>
<!-- 배송안내 -->
<table width="720" cellpadding="6" cellspacing="0" border="0" align="center" class="deli_info">
<tr>
	<td bgcolor="#F0F7FB">
		<b>배송안내</b><br>
		- 기본 배송비 2,500원 (5만원 이상 무료배송)<br>
		- 제주/도서산간 지역 추가 배송비 4,000원이 부과됩니다.<br>
		- 제주도 배송은 2~3일 정도 더 소요될 수 있습니다.<br>
		- 활어/냉동 상품은 금요일 발송하지 않습니다.
	</td>
</tr>
</table>
<form name="settleForm" method="post">
<input type="hidden" name="sndStoreid"     value="<?php echo $default['de_kspay_mid']; ?>">
<input type="hidden" name="sndOrdernumber" value="<?php echo $od_id; ?>">
<input type="hidden" name="sndGoodname"    value="<?php echo $od['od_goods_name']; ?>">
<input type="hidden" name="sndAmount"      value="<?php echo $tot_price; ?>">
<input type="hidden" name="sndOrdername"   value="<?php echo $od['od_name']; ?>">
<input type="hidden" name="sndEmail"       value="<?php echo $od['od_email']; ?>">
<input type="hidden" name="sndMobile"      value="<?php echo $od['od_hp']; ?>">
<input type="hidden" name="certitype"      value="">
<input type="hidden" name="selectcard"     value="">
<table width="720" cellpadding="6" cellspacing="1" border="0" bgcolor="#CCCCCC" align="center">
<tr bgcolor="#FFFFFF">
	<td width="140" bgcolor="#F7F7F7">상품금액</td>
	<td><?php echo number_format($od['od_cart_amount']); ?>원</td>
</tr>
<tr bgcolor="#FFFFFF">
	<td bgcolor="#F7F7F7">배송비</td>
	<td><?php echo number_format($send_cost); ?>원
	<?php if ($add_cost > 0) { ?> + 추가배송비 <?php echo number_format($add_cost); ?>원 (제주/도서산간)<?php } ?></td>
</tr>
<tr bgcolor="#FFFFFF">
	<td bgcolor="#F7F7F7">총 결제금액</td>
	<td><b><font color="#0066CC"><?php echo number_format($tot_price); ?></font></b>원</td>
</tr>
<tr bgcolor="#FFFFFF">
	<td bgcolor="#F7F7F7">안심클릭</td>
	<td>
		<select name="mpi_card">
			<option value="">선택</option>
			<option value="01">외환카드</option>
			<option value="03">삼성카드</option>
			<option value="04">현대카드</option>
			<option value="05">신한카드</option>
			<option value="06">롯데카드</option>
			<option value="07">하나SK카드</option>
		</select>
		<input type="button" value="안심클릭 결제" onclick="submitV3d();">
	</td>
</tr>
<tr bgcolor="#FFFFFF">
	<td bgcolor="#F7F7F7">안전결제(ISP)</td>
	<td>
		<select name="isp_card">
			<option value="">선택</option>
			<option value="0100">BC카드</option>
			<option value="0204">국민카드</option>
			<option value="1800">수협카드</option>
			<option value="13">제주카드</option>
		</select>
		<input type="button" value="안전결제 결제" onclick="submitISP();">
	</td>
</tr>
</table>
</form>
<?php include_once("./_tail.php"); ?>
</body>
</html>
