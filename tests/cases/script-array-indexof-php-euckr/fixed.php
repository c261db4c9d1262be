<?php
/*
 * 신용카드 선택 (KSPayCreditFormIM.php) - 안전결제/안심클릭 통합
 * 2011.09.14 최초작성 / 2012.08.02 광주카드 추가
 */
header('Content-Type: text/html; charset=euc-kr');
include_once $_SERVER['DOCUMENT_ROOT']."/shop/lib/common.php";
include_once $_SERVER['DOCUMENT_ROOT']."/kspay/KSPayCfg.inc";

$od_id    = isset($_POST['od_id'])    ? preg_replace('/[^0-9]/', '', $_POST['od_id']) : '';
$od_name  = isset($_POST['od_name'])  ? trim($_POST['od_name'])  : '';
$it_name  = isset($_POST['it_name'])  ? trim($_POST['it_name'])  : '';
$od_price = isset($_POST['od_price']) ? (int)$_POST['od_price']  : 0;
$od_email = isset($_POST['od_email']) ? trim($_POST['od_email']) : '';

if (!$od_id || $od_price < 1000) {
	alert('주문정보가 올바르지 않습니다.', '/shop/cart.php');
}
?>
<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN" "http://www.w3.org/TR/html4/loose.dtd">
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=euc-kr">
<title>푸른들농장 :: 신용카드 결제</title>
<link rel="stylesheet" type="text/css" href="/shop/css/default.css">
<script type="text/javascript" src="<?=$KSPAY_ISP_JS?>"></script>
<script type="text/javascript">
// IE8 이하 Array.indexOf 지원
if (!Array.prototype.indexOf) {
	Array.prototype.indexOf = function (item) {
		for (var i = 0; i < this.length; i++) {
			if (this[i] === item) return i;
		}
		return -1;
	};
}

// ISP(안전결제) 카드사 코드
var ispCards = ["0100", "0204", "1800", "1600", "1500", "13"];

function next()
{
	var frm  = document.KSPayAuthForm;
	var code = frm.selectcard.options[frm.selectcard.selectedIndex].value;

	if (code == "") {
		alert("결제하실 카드를 선택해 주세요.");
		frm.selectcard.focus();
		return;
	}
	if (ispCards.indexOf(code) != -1) {
		submitISP();
	} else {
		submitV3d();
	}
}

function submitISP()
{
	var frm = document.KSPayAuthForm;
	frm.certitype.value    = "I";
	frm.KVP_CARDCODE.value = frm.selectcard.value;
	if (MakePayMessage(frm)) {
		frm.action = "./KSPayCreditPost.php";
		frm.submit();
	}
}

function submitV3d()
{
	var frm = document.KSPayAuthForm;
	frm.certitype.value = "M";
	frm.cardcode.value  = frm.selectcard.value;
	window.open("", "KSPAY_V3D", "width=420,height=480,scrollbars=no");
	frm.target = "KSPAY_V3D";
	frm.action = "https://kspay.ksnet.to/store/mb2/V3DAuth.jsp";
	frm.submit();
}
</script>
</head>
<body leftmargin="0" topmargin="0">
<?php include $_SERVER['DOCUMENT_ROOT']."/shop/inc/head.php"; ?>
<div id="container">
<h3><img src="/shop/img/title_card.gif" alt="신용카드 결제"></h3>
<form name="KSPayAuthForm" method="post" action="">
<input type="hidden" name="certitype"      value="">
<input type="hidden" name="cardcode"       value="">
<input type="hidden" name="KVP_CARDCODE"   value="">
<input type="hidden" name="sndStoreid"     value="<?=$KSPAY_STOREID?>">
<input type="hidden" name="sndOrdernumber" value="<?=$od_id?>">
<input type="hidden" name="sndOrdername"   value="<?=htmlspecialchars($od_name)?>">
<input type="hidden" name="sndGoodname"    value="<?=htmlspecialchars($it_name)?>">
<input type="hidden" name="sndAmount"      value="<?=$od_price?>">
<input type="hidden" name="sndEmail"       value="<?=$od_email?>">
<table width="560" border="0" cellpadding="5" cellspacing="1" bgcolor="#cfd8c4">
  <tr bgcolor="#ffffff">
    <td width="120" bgcolor="#f2f6ec">주문번호</td>
    <td><?=$od_id?></td>
  </tr>
  <tr bgcolor="#ffffff">
    <td bgcolor="#f2f6ec">상품명</td>
    <td><?=htmlspecialchars($it_name)?></td>
  </tr>
  <tr bgcolor="#ffffff">
    <td bgcolor="#f2f6ec">결제금액</td>
    <td><b><?=number_format($od_price)?></b>원</td>
  </tr>
  <tr bgcolor="#ffffff">
    <td bgcolor="#f2f6ec">카드선택</td>
    <td>
      <select name="selectcard" style="width:160px">
        <option value="">:: 카드사 선택 ::</option>
        <option value="0100">비씨카드</option>
        <option value="0204">국민카드</option>
        <option value="0300">외환카드</option>
        <option value="0400">삼성카드</option>
        <option value="0500">현대카드</option>
        <option value="0600">신한카드</option>
        <option value="0800">롯데카드</option>
        <option value="1800">수협카드</option>
        <option value="1600">전북카드</option>
        <option value="1500">광주카드</option>
        <option value="13">제주카드</option>
        <option value="0900">하나SK카드</option>
        <option value="1100">NH농협카드</option>
      </select>
    </td>
  </tr>
  <tr bgcolor="#ffffff">
    <td bgcolor="#f2f6ec">할부기간</td>
    <td>
      <select name="sndInstallmenttype">
        <option value="0">일시불</option>
        <option value="2">2개월</option>
        <option value="3">3개월</option>
        <option value="6">6개월</option>
      </select>
    </td>
  </tr>
</table>
<p align="center" style="margin-top:15px">
  <a href="javascript:next();"><img src="/shop/img/btn_pay.gif" border="0" alt="결제하기"></a>
  <a href="/shop/cart.php"><img src="/shop/img/btn_cancel.gif" border="0" alt="취소"></a>
</p>
</form>
</div>
<?php include $_SERVER['DOCUMENT_ROOT']."/shop/inc/tail.php"; ?>
</body>
</html>
