<?
//////////////////////////////////////////////////////////////////
// KSPayForm.php - 거래종류 선택 (KSNET 샘플 수정본)
// 2012.09.03 : 하나SK, 씨티 안심클릭 목록에 추가
//////////////////////////////////////////////////////////////////
header("Content-Type: text/html; charset=euc-kr");
include "../conf/shop_conf.php";

$ordno     = $_POST[ordno];
$settle    = $_POST[settle_price];
$buyer     = $_POST[nameOrder];
$buyermail = $_POST[email];
$buyertel  = $_POST[mobileOrder];
$goodsnm   = $_POST[goodsnm];
$delivery  = $_POST[delivery];

if (!$ordno) {
	echo "<script>alert('주문번호가 없습니다.');location.replace('/shop/goods/cart.php');</script>";
	exit;
}
?>
<html>
<head>
<title>KSPAY - 달콤베이커리</title>
<meta http-equiv="Content-Type" content="text/html; charset=euc-kr">
<style type="text/css">
<!--
td { font-size:9pt; font-family:굴림; color:#333333; }
.line { background-color:#cccccc; }
.cardtxt { color:#888888; }
-->
</style>
<script language="javascript">
<!--
function _submit(_frm)
{
	var certi = "";
	for (var i = 0; i < _frm.certitype.length; i++) {
		if (_frm.certitype[i].checked) certi = _frm.certitype[i].value;
	}
	if (certi == "I") _frm.action = "./KSPayCreditFormI.php";
	else _frm.action = "./KSPayCreditFormN.php";
	_frm.submit();
}
//-->
</script>
</head>
<body topmargin="0" leftmargin="0">
<form name="KSPayAuthForm" method="post">
<input type="hidden" name="sndStoreid" value="<?=$cfg_kspay[storeid]?>">
<input type="hidden" name="sndOrdernumber" value="<?=$ordno?>">
<input type="hidden" name="sndOrdername" value="<?=$buyer?>">
<input type="hidden" name="sndEmail" value="<?=$buyermail?>">
<input type="hidden" name="sndMobile" value="<?=$buyertel?>">
<input type="hidden" name="sndGoodname" value="<?=$goodsnm?>">
<input type="hidden" name="sndAmount" value="<?=$settle?>">
<table width="500" border="0" cellspacing="1" cellpadding="4" class="line" align="center">
<tr>
	<td bgcolor="#f4f4f4" width="110">주문번호</td>
	<td bgcolor="#ffffff"><?=$ordno?></td>
</tr>
<tr>
	<td bgcolor="#f4f4f4">결제금액</td>
	<td bgcolor="#ffffff"><b><?=number_format($settle)?></b>원 (배송비 <?=number_format($delivery)?>원 포함)</td>
</tr>
<tr>
	<td bgcolor="#f4f4f4">배송안내</td>
	<td bgcolor="#ffffff">케이크류는 당일 발송하며, 제주/도서산간 지역은 배송이 불가합니다.</td>
</tr>
<tr>
	<td bgcolor="#f4f4f4">거래종류</td>
	<td bgcolor="#ffffff">
		<input type="radio" name="certitype" value="M" checked> 안심클릭<br>
		<span class="cardtxt">외환,삼성,현대,신한,롯데,하나,씨티</span><br>
		<input type="radio" name="certitype" value="I"> 안전결제(ISP)<br>
		<span class="cardtxt">비씨,국민,수협,전북,광주,제주</span><br>
		<input type="radio" name="certitype" value="N"> 일반인증<br>
		<span class="cardtxt">해외카드</span>
	</td>
</tr>
<tr>
	<td colspan="2" bgcolor="#ffffff" align="center" height="40">
		<input type="button" value="결 제" onclick="_submit(document.KSPayAuthForm);">
		<input type="button" value="취 소" onclick="history.go(-1);">
	</td>
</tr>
</table>
</form>
<br>
<table width="500" align="center"><tr><td align="center" style="color:#999999">
달콤베이커리 | 대표 최달콤 | 사업자등록번호 312-15-70021 | 충남 천안시 동남구 신부동 455-2 | 041-551-7788
</td></tr></table>
</body>
</html>
