<?
header('Content-Type: text/html; charset=euc-kr');
session_start();
include $_SERVER['DOCUMENT_ROOT']."/lib/common.php";

// 장바구니 -> 주문서 -> 결제 (카드결제)
$ordno   = $_POST['ordno'];
$settle  = $_POST['settleprice'];
$nameOrd = $_POST['nameOrder'];
$email   = $_POST['email'];
$mobile  = $_POST['mobileOrder'];
$goodnm  = $_POST['goodnm'];

if (!$ordno) msg("주문번호가 없습니다.", -1);
?>
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=euc-kr">
<title>해오름가구 - 카드결제</title>
<link rel="stylesheet" href="/css/style.css">
<script language="JavaScript">
<!--
// 선택한 카드사의 그룹(label)으로 인증방식 결정
function chkCard(fm)
{
	var sel = fm.cardcode;
	var opt = sel.options[sel.selectedIndex];
	if (opt.value == "") {
		alert("결제하실 카드를 선택해 주세요");
		sel.focus();
		return false;
	}
	if (opt.parentNode.label.indexOf("안전결제") != -1) {
		fm.certitype.value = "I";
		fm.action = "KSPayCreditFormI.php";
	} else {
		fm.certitype.value = "M";
		fm.action = "KSPayCreditFormM.php";
	}
	return true;
}
//-->
</script>
</head>
<body topmargin="0" leftmargin="0">
<? include "../inc/top.php"; ?>
<table width="900" align="center" cellpadding="0" cellspacing="0" border="0">
<tr>
	<td valign="top" width="180"><? include "../inc/left.php"; ?></td>
	<td valign="top" style="padding-left:20px">
	<img src="/img/order/title_settle.gif"><br><br>
	<form name="frmSettle" method="post" onsubmit="return chkCard(this)">
	<input type="hidden" name="sndStoreid" value="<?=$cfg['kspay_id']?>">
	<input type="hidden" name="sndOrdernumber" value="<?=$ordno?>">
	<input type="hidden" name="sndGoodname" value="<?=$goodnm?>">
	<input type="hidden" name="sndAmount" value="<?=$settle?>">
	<input type="hidden" name="sndOrdername" value="<?=$nameOrd?>">
	<input type="hidden" name="sndEmail" value="<?=$email?>">
	<input type="hidden" name="sndMobile" value="<?=$mobile?>">
	<input type="hidden" name="certitype" value="">
	<table width="100%" cellpadding="5" cellspacing="1" bgcolor="#DDDDDD">
	<tr bgcolor="#FFFFFF">
		<td width="120" bgcolor="#F6F6F6"><font class="small"><b>결제금액</b></font></td>
		<td><font color="#FF4E00"><b><?=number_format($settle)?></b></font>원</td>
	</tr>
	<tr bgcolor="#FFFFFF">
		<td bgcolor="#F6F6F6"><font class="small"><b>카드선택</b></font></td>
		<td>
		<select name="cardcode">
		<option value="">카드를 선택하세요</option>
		<optgroup label="안심클릭 결제">
			<option value="01">외환</option>
			<option value="03">삼성</option>
			<option value="04">현대</option>
			<option value="05">신한</option>
			<option value="06">롯데</option>
			<option value="07">하나SK</option>
			<option value="08">씨티</option>
			<option value="11">농협</option>
		</optgroup>
		<optgroup label="안전결제(ISP) 결제">
			<option value="0100">비씨</option>
			<option value="0204">국민</option>
			<option value="1800">수협</option>
			<option value="1600">전북</option>
			<option value="1500">광주</option>
			<option value="0700">우리</option>
			<option value="13">제주</option>
		</optgroup>
		</select>
		<font class="small" color="#888888">※ 안전결제(ISP)는 ISP 인증서가 필요합니다.</font>
		</td>
	</tr>
	</table>
	<div align="center" style="padding:20px"><input type="image" src="/img/btn/btn_settle.gif"></div>
	</form>
	</td>
</tr>
</table>
<? include "../inc/bottom.php"; ?>
</body>
</html>
