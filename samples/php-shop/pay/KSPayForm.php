<?php
/*
 * KSPayForm.php : 신용카드 결제 - 거래종류 선택
 *  - KSNET KSPAY PHP 샘플(KSPayForm.php) 을 쇼핑몰 주문서에 맞게 수정
 *  - certitype : M(안심클릭) / I(ISP) / IM(카드선택 후 자동분기, 기본값)
 */
include_once "../lib/kspay_config.inc";
kspay_header();

kspay_require($_POST, array("ordernumber", "amount"));

$ordernumber = trim($_POST["ordernumber"]);
$goodname    = trim($_POST["goodname"]);
$amount      = kspay_amount($_POST["amount"]);
$ordername   = trim($_POST["ordername"]);
$email       = trim($_POST["email"]);
$mobile      = preg_replace("/[^0-9]/", "", $_POST["mobile"]);
$certitype   = isset($_POST["certitype"]) ? $_POST["certitype"] : "IM";

kspay_log("KSPayForm " . $ordernumber . " " . $amount);
?>
<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=euc-kr">
<title><?=$KSPAY_SHOPNAME?> :: 신용카드 결제</title>
<link rel="stylesheet" type="text/css" href="/css/common.css">
<script type="text/javascript">
<!--
function goCard()
{
	var frm = document.KSPayForm;
	var checked = false;
	for (var i = 0; i < frm.certitype.length; i++) {
		if (frm.certitype[i].checked) checked = true;
	}
	if (!checked) {
		alert("거래종류를 선택하세요.");
		return false;
	}
	frm.action = "KSPayCreditFormIM.php";
	frm.submit();
	return true;
}
//-->
</script>
</head>
<body leftmargin="0" topmargin="0">
<? include $_SERVER["DOCUMENT_ROOT"] . "/inc/top.php"; ?>
<table width="620" border="0" cellpadding="0" cellspacing="0" align="center">
<tr>
	<td style="padding:20px 0 10px 0"><img src="/img/pay/tit_card.gif" alt="신용카드 결제"></td>
</tr>
<tr>
	<td>
	<form name="KSPayForm" method="post" action="" onsubmit="return goCard();">
	<input type="hidden" name="sndStoreid"     value="<?=$KSPAY_STOREID?>">
	<input type="hidden" name="sndOrdernumber" value="<?=kspay_h($ordernumber)?>">
	<input type="hidden" name="sndGoodname"    value="<?=kspay_h($goodname)?>">
	<input type="hidden" name="sndAmount"      value="<?=$amount?>">
	<input type="hidden" name="sndOrdername"   value="<?=kspay_h($ordername)?>">
	<input type="hidden" name="sndEmail"       value="<?=kspay_h($email)?>">
	<input type="hidden" name="sndMobile"      value="<?=$mobile?>">
	<input type="hidden" name="sndReply"       value="<?=$KSPAY_REPLY_URL?>">
	<table width="100%" border="0" cellpadding="6" cellspacing="1" bgcolor="#D5D5D5">
	<tr bgcolor="#FFFFFF">
		<td width="130" bgcolor="#F7F7F7"><font color="#555555"><b>주문번호</b></font></td>
		<td colspan="2"><?=kspay_h($ordernumber)?></td>
	</tr>
	<tr bgcolor="#FFFFFF">
		<td bgcolor="#F7F7F7"><font color="#555555"><b>상품명</b></font></td>
		<td colspan="2"><?=kspay_h($goodname)?></td>
	</tr>
	<tr bgcolor="#FFFFFF">
		<td bgcolor="#F7F7F7"><font color="#555555"><b>결제금액</b></font></td>
		<td colspan="2"><font color="#E05000"><b><?=number_format($amount)?></b></font>&nbsp;원</td>
	</tr>
	<tr bgcolor="#FFFFFF">
		<td bgcolor="#F7F7F7" rowspan="3"><font color="#555555"><b>거래종류</b></font></td>
		<td width="170"><input type="radio" name="certitype" value="M" <? if ($certitype == "M") echo "checked"; ?>>안심클릭(MPI)</td>
		<td>외환카드, 삼성카드, 현대카드, 신한카드, 롯데카드, 하나SK카드, 씨티카드, 제주카드</td>
	</tr>
	<tr bgcolor="#FFFFFF">
		<td><input type="radio" name="certitype" value="I" <? if ($certitype == "I") echo "checked"; ?>>안전결제(ISP)</td>
		<td>BC카드, 국민카드, 수협카드, 전북카드, 광주카드</td>
	</tr>
	<tr bgcolor="#FFFFFF">
		<td><input type="radio" name="certitype" value="IM" <? if ($certitype == "IM") echo "checked"; ?>>통합(카드 선택 시 자동)</td>
		<td>모든 카드 (선택하신 카드에 맞는 인증방식으로 자동 연결)</td>
	</tr>
	<tr bgcolor="#FFFFFF">
		<td colspan="3" style="font-size:11px;color:#888888">
		※ 인증창이 새 창으로 열립니다. 팝업차단을 해제하여 주세요.<br>
		※ 30만원 이상 결제 시 공인인증서가 필요합니다.
		</td>
	</tr>
	</table>
	<div style="padding:20px 0;text-align:center">
		<input type="image" src="/img/pay/btn_next.gif" alt="다음">
		&nbsp;<a href="/order/cart.php"><img src="/img/pay/btn_cancel.gif" alt="취소" border="0"></a>
	</div>
	</form>
	</td>
</tr>
</table>
<? include $_SERVER["DOCUMENT_ROOT"] . "/inc/bottom.php"; ?>
</body>
</html>
