<?php
/*
 * KSPAY 인증방식 선택 (KSpayAuth.php)
 * 작성 : 2010.11.02 / 수정 : 2012.06.20 우리카드 추가
 */
header('Content-Type: text/html; charset=euc-kr');
header('Cache-Control: no-cache, must-revalidate');
include_once "./lib/config.inc.php";
include_once "./lib/db.inc.php";

$ordernumber = isset($_POST['ordernumber']) ? trim($_POST['ordernumber']) : '';
$ordername   = isset($_POST['ordername'])   ? trim($_POST['ordername'])   : '';
$goodname    = isset($_POST['goodname'])    ? trim($_POST['goodname'])    : '';
$amount      = isset($_POST['amount'])      ? (int)$_POST['amount']       : 0;
$email       = isset($_POST['email'])       ? trim($_POST['email'])       : '';
$mobile      = isset($_POST['mobile'])      ? trim($_POST['mobile'])      : '';

if ($ordernumber == '' || $amount <= 0) {
	echo "<script type='text/javascript'>alert('잘못된 접근입니다.'); location.href='/shop/cart.php';</script>";
	exit;
}
?>
<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=euc-kr" />
<title>한빛문구 :: 결제하기</title>
<link href="/shop/css/style.css" rel="stylesheet" type="text/css" />
<script type="text/javascript">
function goAuth()
{
	var frm = document.KSpayAuth;
	var certi = "";
	for (var i = 0; i < frm.certitype.length; i++) {
		if (frm.certitype[i].checked) certi = frm.certitype[i].value;
	}
	if (certi == "") { alert("인증방식을 선택해 주세요."); return; }
	frm.action = (certi == "I") ? "./KSPayCreditFormI.php" : "./KSPayCreditFormM.php";
	frm.submit();
}
</script>
</head>
<body>
<div id="wrap">
<?php include "./inc/top.inc.php"; ?>
<form name="KSpayAuth" method="post" action="">
<input type="hidden" name="sndStoreid"     value="<?=$KSPAY_STOREID?>" />
<input type="hidden" name="sndOrdernumber" value="<?=$ordernumber?>" />
<input type="hidden" name="sndOrdername"   value="<?=htmlspecialchars($ordername)?>" />
<input type="hidden" name="sndGoodname"    value="<?=htmlspecialchars($goodname)?>" />
<input type="hidden" name="sndAmount"      value="<?=$amount?>" />
<input type="hidden" name="sndEmail"       value="<?=$email?>" />
<input type="hidden" name="sndMobile"      value="<?=$mobile?>" />
<table width="100%" border="0" cellspacing="0" cellpadding="0" class="tbl_pay">
	<tr>
		<th width="120" height="28" bgcolor="#f7f7f7">주문번호</th>
		<td>&nbsp;<?=$ordernumber?></td>
	</tr>
	<tr>
		<th height="28" bgcolor="#f7f7f7">결제금액</th>
		<td>&nbsp;<b><?=number_format($amount)?></b>원</td>
	</tr>
	<tr>
		<th bgcolor="#f7f7f7">인증방식</th>
		<td style="padding:8px; line-height:18px;">
			<input type="radio" name="certitype" value="M" checked="checked" /><b>안심클릭 결제</b><br />
			<font color="#777777">외환, 삼성, 현대, 신한, 롯데, 하나SK, 씨티, NH농협</font><br />
			<input type="radio" name="certitype" value="I" /><b>안전결제(ISP)</b><br />
			<font color="#777777">비씨, 국민, 수협, 전북, 광주, 우리, 제주</font><br />
			<input type="radio" name="certitype" value="N" /><b>일반인증</b><br />
			<font color="#777777">해외발급카드</font><br />
		</td>
	</tr>
</table>
<?php if ($amount >= 300000) { ?>
<p class="notice"><font color="#cc0000">※ 30만원 이상 결제시 공인인증서가 필요합니다.</font></p>
<?php } ?>
<div style="text-align:center; padding:15px 0;">
	<a href="javascript:goAuth();"><img src="/shop/img/btn_next.gif" alt="다음단계" border="0" /></a>
	<a href="/shop/order.php"><img src="/shop/img/btn_prev.gif" alt="이전" border="0" /></a>
</div>
</form>
<?php include "./inc/bottom.inc.php"; ?>
</div>
</body>
</html>
