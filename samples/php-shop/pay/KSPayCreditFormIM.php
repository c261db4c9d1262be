<?php
/*
 * KSPayCreditFormIM.php : 신용카드 통합 결제 (certitype IM)
 *  - 카드를 먼저 선택하면 카드사에 따라 ISP(KVP) 또는 안심클릭(Visa3D) 인증으로 분기
 *  - KSNET 샘플 KSPayCreditFormIM.php 기반 (2011.05 수정)
 */
include_once "../lib/kspay_config.inc";
kspay_header();

$certitype      = isset($_POST["certitype"]) && $_POST["certitype"] != "" ? $_POST["certitype"] : "IM";
$sndStoreid     = $_POST["sndStoreid"] != "" ? $_POST["sndStoreid"] : $KSPAY_STOREID;
$sndOrdernumber = $_POST["sndOrdernumber"];
$sndGoodname    = $_POST["sndGoodname"];
$sndAmount      = kspay_amount($_POST["sndAmount"]);
$sndOrdername   = $_POST["sndOrdername"];
$sndEmail       = $_POST["sndEmail"];
$sndMobile      = $_POST["sndMobile"];
$sndReply       = $_POST["sndReply"];

if ($sndOrdernumber == "" || $sndAmount == "") {
	header("Location: /order/cart.php");
	exit;
}
?>
<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=euc-kr">
<title><?=$KSPAY_SHOPNAME?> :: 카드 선택</title>
<link rel="stylesheet" type="text/css" href="/css/common.css">
<script type="text/javascript" src="<?=$KSPAY_ISP_JS?>"></script>
<script type="text/javascript">
<!--
// 카드 선택 후 [결제하기]
function next()
{
	var frm  = document.KSPayAuthForm;
	var code = frm.selectcard.options[frm.selectcard.selectedIndex].value;
	if (code == "") {
		alert("결제하실 카드를 선택하세요.");
		frm.selectcard.focus();
		return;
	}
	if (code == "0100" || code == "0204" || code == "1800" || code == "1600" || code == "1500") {
		submitISP();
	} else {
		submitV3d();
	}
}

// ISP(KVP) 인증
function submitISP()
{
	var frm = document.KSPayAuthForm;
	frm.certitype.value    = "I";
	frm.KVP_CARDCODE.value = frm.selectcard.options[frm.selectcard.selectedIndex].value;
	frm.KVP_QUOTA.value    = frm.installment.value;
	if (typeof(MakePayMessage) == "undefined") {
		alert("안전결제(ISP) 프로그램을 설치한 후 다시 시도하세요.");
		return;
	}
	if (MakePayMessage(frm)) {
		frm.target = "_self";
		frm.action = "KSPayCreditPost.php";
		frm.submit();
	}
}

// 안심클릭(Visa3D) 인증
function submitV3d()
{
	var frm = document.KSPayAuthForm;
	frm.certitype.value = "M";
	frm.cardcode.value  = frm.selectcard.options[frm.selectcard.selectedIndex].value;
	var win = window.open("", "KSPAY_V3D", "width=420,height=480,status=yes");
	if (win == null) {
		alert("팝업차단을 해제한 후 다시 시도하세요.");
		return;
	}
	frm.target = "KSPAY_V3D";
	frm.action = "<?=$KSPAY_V3D_URL?>";
	frm.submit();
}

// 안심클릭 인증창에서 호출
function setV3dResult(xid, eci, cavv, cardno, expdt)
{
	var frm = document.KSPayAuthForm;
	frm.xid.value = xid;   frm.eci.value = eci;     frm.cavv.value = cavv;
	frm.cardno.value = cardno;   frm.expdt.value = expdt;
	frm.target = "_self";
	frm.action = "KSPayCreditPost.php";
	frm.submit();
}
//-->
</script>
</head>
<body leftmargin="0" topmargin="0">
<? include $_SERVER["DOCUMENT_ROOT"] . "/inc/top.php"; ?>
<form name="KSPayAuthForm" method="post" action="">
<input type="hidden" name="certitype"      value="<?=$certitype?>">
<input type="hidden" name="sndStoreid"     value="<?=$sndStoreid?>">
<input type="hidden" name="sndOrdernumber" value="<?=kspay_h($sndOrdernumber)?>">
<input type="hidden" name="sndGoodname"    value="<?=kspay_h($sndGoodname)?>">
<input type="hidden" name="sndAmount"      value="<?=$sndAmount?>">
<input type="hidden" name="sndOrdername"   value="<?=kspay_h($sndOrdername)?>">
<input type="hidden" name="sndEmail"       value="<?=kspay_h($sndEmail)?>">
<input type="hidden" name="sndMobile"      value="<?=kspay_h($sndMobile)?>">
<input type="hidden" name="sndReply"       value="<?=kspay_h($sndReply)?>">
<!-- ISP(KVP) -->
<input type="hidden" name="KVP_PGID"       value="A0029">
<input type="hidden" name="KVP_GOODNAME"   value="<?=kspay_h($sndGoodname)?>">
<input type="hidden" name="KVP_PRICE"      value="<?=$sndAmount?>">
<input type="hidden" name="KVP_CURRENCY"   value="WON">
<input type="hidden" name="KVP_CONAME"     value="<?=$KSPAY_SHOPNAME?>">
<input type="hidden" name="KVP_CARDCODE"   value="">
<input type="hidden" name="KVP_QUOTA"      value="">
<input type="hidden" name="KVP_SESSIONKEY" value="">
<input type="hidden" name="KVP_ENCDATA"    value="">
<!-- 안심클릭(Visa3D) -->
<input type="hidden" name="cardcode" value="">
<input type="hidden" name="xid"      value="">
<input type="hidden" name="eci"      value="">
<input type="hidden" name="cavv"     value="">
<input type="hidden" name="cardno"   value="">
<input type="hidden" name="expdt"    value="">
<table width="620" border="0" cellpadding="6" cellspacing="1" bgcolor="#D5D5D5" align="center">
<tr bgcolor="#FFFFFF">
	<td width="130" bgcolor="#F7F7F7"><b>결제금액</b></td>
	<td><font color="#E05000"><b><?=number_format($sndAmount)?></b></font>&nbsp;원</td>
</tr>
<tr bgcolor="#FFFFFF">
	<td bgcolor="#F7F7F7"><b>카드선택</b></td>
	<td>
	<select name="selectcard" style="width:170px">
		<option value="">카드를 선택하세요</option>
		<option value="0100">BC카드</option>
		<option value="0204">KB국민카드</option>
		<option value="03">외환카드</option>
		<option value="04">삼성카드</option>
		<option value="08">현대카드</option>
		<option value="05">신한카드</option>
		<option value="09">롯데카드</option>
		<option value="24">하나SK카드</option>
		<option value="11">씨티카드</option>
		<option value="1800">수협카드</option>
		<option value="1600">전북카드</option>
		<option value="1500">광주카드</option>
		<option value="13">제주카드</option>
		<option value="17">NH농협카드</option>
	</select>
	</td>
</tr>
<tr bgcolor="#FFFFFF">
	<td bgcolor="#F7F7F7"><b>할부개월</b></td>
	<td>
	<select name="installment" style="width:170px">
		<option value="00">일시불</option>
<? if ($sndAmount >= 50000) { for ($i = 2; $i <= 12; $i++) { ?>
		<option value="<?=sprintf("%02d", $i)?>"><?=$i?>개월</option>
<? } } ?>
	</select>
	</td>
</tr>
</table>
<div style="padding:20px 0;text-align:center">
	<a href="javascript:next();"><img src="/img/pay/btn_pay.gif" alt="결제하기" border="0"></a>
	&nbsp;<a href="javascript:history.back();"><img src="/img/pay/btn_prev.gif" alt="이전" border="0"></a>
</div>
</form>
<? include $_SERVER["DOCUMENT_ROOT"] . "/inc/bottom.php"; ?>
</body>
</html>
