<?php
/* KSPayForm.php : 거래종류 선택 (KSNET 샘플 수정본)
 * 2010.04.12 sample v1.4 적용, 2011.09.01 ISP 안내 문구 변경 */
header('Content-Type: text/html; charset=euc-kr');
include "./kspay_config.inc";
$ordno  = $_POST['ordno'];
$amount = (int) $_POST['amount'];
?>
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=euc-kr">
<title>KSPAY 결제 - 거래종류 선택</title>
<style type="text/css">
td { font-size:9pt; font-family:굴림; }
.cardlist { color:#666666; }
</style>
<script language="javascript">
function goNext(f) {
	f.action = "./KSPayCreditForm.php";
	f.submit();
}
</script>
</head>
<body bgcolor="#FFFFFF">
<form name="KSPayForm" method="post" onsubmit="goNext(this); return false;">
<input type="hidden" name="sndOrdernumber" value="<?=$ordno?>">
<input type="hidden" name="sndAmount" value="<?=$amount?>">
<table width="480" border="0" cellpadding="4" cellspacing="0">
<tr>
	<td width="100" bgcolor="#EEEEEE"><b>거래종류</b></td>
	<td>
		<input type="radio" name="certitype" value="M" checked>안심클릭<br>
		<span class="cardlist">외환,삼성,현대,신한,롯데,하나SK,씨티</span><br>
		<input type="radio" name="certitype" value="I">안전결제(ISP)<br>
		<span class="cardlist">비씨, 국민, 우리, 제주카드 회원님은 최초 1회 ISP 등록 후 이용하실 수 있습니다.</span><br>
		<input type="radio" name="certitype" value="N">일반인증<br>
	</td>
</tr>
<tr>
	<td colspan="2" align="center"><input type="submit" value="다음 단계"></td>
</tr>
</table>
</form>
<p style="font-size:8pt; color:#999999;">㈜한빛전자 | 경기도 성남시 분당구 판교로 000 | 사업자등록번호 129-00-00000</p>
</body>
</html>
