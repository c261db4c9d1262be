<?php
	// 카드결제 (안전결제/안심클릭 통합) - card_form.php
	// 2011.04.11 작성, 2013.04.22 제주카드 안전결제 전환 (KSNET 공지)
	header("Content-Type: text/html; charset=euc-kr");
	require_once("../config/shop_config.php");
	require_once("../kspay/KSPayCfg.inc");

	$ordernum  = $_REQUEST["ordernum"];
	$orderer   = $_REQUEST["orderer"];
	$goodsname = $_REQUEST["goodsname"];
	$price     = intval($_REQUEST["price"]);

	if (empty($ordernum) || $price <= 0) {
		echo "<script>alert('주문 정보가 없습니다.'); history.back();</script>";
		exit;
	}
?>
<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=euc-kr" />
<title>별빛아이 유아용품 - 카드결제</title>
<link rel="stylesheet" type="text/css" href="../css/style.css" />
<script type="text/javascript" src="<?php echo $KSPAY_ISP_JS; ?>"></script>
<script type="text/javascript">
/* 변경 전 (2013.04 이전)
var MPI_CARDS = ["13", "0300"];
*/
function next()
{
	var frm  = document.KSPayAuthForm;
	var code = frm.selectcard.value;

	if (code == "") {
		alert("카드를 선택해 주세요.");
		return;
	}
	// if (code == "0100" || code == "0204") submitISP(); else submitV3d();
	if (code == "0100" || code == "0204" || code == "1800" || code == "13") submitISP();
	else submitV3d();
}

function submitISP()
{
	var frm = document.KSPayAuthForm;
	frm.certitype.value = "I";
	frm.KVP_CARDCODE.value = frm.selectcard.value;
	if (MakePayMessage(frm)) {
		frm.action = "../kspay/KSPayCreditPost.php";
		frm.submit();
	}
}

function submitV3d()
{
	var frm = document.KSPayAuthForm;
	frm.certitype.value = "M";
	frm.cardcode.value = frm.selectcard.value;
	window.open("", "KSPAY_V3D", "width=420,height=480");
	frm.target = "KSPAY_V3D";
	frm.action = "https://kspay.ksnet.to/store/mb2/V3DAuth.jsp";
	frm.submit();
}
</script>
</head>
<body>
<div id="wrap">
	<?php include("../include/header.php"); ?>
	<div class="sub_title">신용카드 결제</div>
	<form name="KSPayAuthForm" method="post" action="">
		<input type="hidden" name="certitype" value="" />
		<input type="hidden" name="cardcode" value="" />
		<input type="hidden" name="KVP_CARDCODE" value="" />
		<input type="hidden" name="sndStoreid" value="<?php echo $KSPAY_STOREID; ?>" />
		<input type="hidden" name="sndOrdernumber" value="<?php echo $ordernum; ?>" />
		<input type="hidden" name="sndOrdername" value="<?php echo htmlspecialchars($orderer); ?>" />
		<input type="hidden" name="sndGoodname" value="<?php echo htmlspecialchars($goodsname); ?>" />
		<input type="hidden" name="sndAmount" value="<?php echo $price; ?>" />
		<table class="order_table" cellpadding="0" cellspacing="0">
			<tr>
				<th>주문번호</th>
				<td><?php echo $ordernum; ?></td>
			</tr>
			<tr>
				<th>결제금액</th>
				<td><strong><?php echo number_format($price); ?></strong>원</td>
			</tr>
			<tr>
				<th>카드선택</th>
				<td>
					<select name="selectcard">
						<option value="">카드를 선택하세요</option>
						<option value="0100">비씨카드</option>
						<option value="0204">국민카드</option>
						<option value="1800">수협카드</option>
						<option value="13">제주카드</option>
						<option value="0300">외환카드</option>
						<option value="0400">삼성카드</option>
						<option value="0500">현대카드</option>
						<option value="0600">신한카드</option>
						<option value="0800">롯데카드</option>
					</select>
				</td>
			</tr>
		</table>
		<div class="btn_area">
			<a href="javascript:next();"><img src="../images/btn_payment.gif" alt="결제하기" /></a>
		</div>
	</form>
	<?php include("../include/footer.php"); ?>
</div>
</body>
</html>
