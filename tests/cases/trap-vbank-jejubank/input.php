<?php
header('Content-Type: text/html; charset=euc-kr');
include "./_common.php";

// 결제수단 선택 (신용카드 / 가상계좌 / 계좌이체)
$ordernumber = $_POST['ordernumber'];
$amount      = (int)$_POST['amount'];
$goodname    = $_POST['goodname'];
$ordername   = $_POST['ordername'];
?>
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=euc-kr">
<title>늘푸른몰 - 결제수단 선택</title>
<link rel="stylesheet" href="./css/pay.css" type="text/css">
<script language="javascript">
function chgMethod(v) {
	document.getElementById("box_card").style.display  = (v == "card")  ? "block" : "none";
	document.getElementById("box_vbank").style.display = (v == "vbank") ? "block" : "none";
}
function goSettle(f) {
	if (f.paymethod[0].checked) {
		var o = f.selectcard.options[f.selectcard.selectedIndex];
		if (o.value == "") { alert("카드사를 선택하세요."); return false; }
		f.certitype.value = (o.parentNode.label == "안전결제(ISP)") ? "I" : "M";
		f.action = (f.certitype.value == "I") ? "KSPayCreditFormI.php" : "KSPayCreditFormM.php";
	} else {
		if (f.bankcode.value == "") { alert("입금은행을 선택하세요."); return false; }
		f.action = "KSPayVbankPost.php";
	}
	return true;
}
</script>
</head>
<body>
<form name="KSPayForm" method="post" onsubmit="return goSettle(this);">
<input type="hidden" name="sndStoreid"     value="2999199999">
<input type="hidden" name="sndOrdernumber" value="<?=$ordernumber?>">
<input type="hidden" name="sndGoodname"    value="<?=$goodname?>">
<input type="hidden" name="sndAmount"      value="<?=$amount?>">
<input type="hidden" name="sndOrdername"   value="<?=$ordername?>">
<input type="hidden" name="certitype"      value="">
<table width="600" border="0" cellpadding="5" cellspacing="1" bgcolor="#CCCCCC">
<tr bgcolor="#FFFFFF">
	<td width="120" bgcolor="#F3F3F3">결제금액</td>
	<td><b><?=number_format($amount)?></b>원</td>
</tr>
<tr bgcolor="#FFFFFF">
	<td bgcolor="#F3F3F3">결제수단</td>
	<td>
		<input type="radio" name="paymethod" value="card" checked onclick="chgMethod(this.value)">신용카드&nbsp;
		<input type="radio" name="paymethod" value="vbank" onclick="chgMethod(this.value)">가상계좌(무통장입금)
	</td>
</tr>
</table>
<div id="box_card">
<table width="600" border="0" cellpadding="5" cellspacing="1" bgcolor="#CCCCCC">
<tr bgcolor="#FFFFFF">
	<td width="120" bgcolor="#F3F3F3">카드사</td>
	<td>
		<select name="selectcard">
			<option value="">카드사 선택</option>
			<optgroup label="안심클릭(MPI)">
				<option value="01">외환카드</option>
				<option value="03">삼성카드</option>
				<option value="04">현대카드</option>
				<option value="05">신한카드</option>
				<option value="06">롯데카드</option>
				<option value="07">하나SK카드</option>
			</optgroup>
			<optgroup label="안전결제(ISP)">
				<option value="0100">BC카드</option>
				<option value="0204">국민카드</option>
				<option value="1800">수협카드</option>
				<option value="13">제주카드</option>
			</optgroup>
		</select>
	</td>
</tr>
</table>
</div>
<div id="box_vbank" style="display:none">
<table width="600" border="0" cellpadding="5" cellspacing="1" bgcolor="#CCCCCC">
<tr bgcolor="#FFFFFF">
	<td width="120" bgcolor="#F3F3F3">입금은행</td>
	<td>
		<select name="bankcode">
			<option value="">은행 선택</option>
			<option value="03">기업은행</option>
			<option value="04">국민은행</option>
			<option value="11">농협</option>
			<option value="20">우리은행</option>
			<option value="26">신한은행</option>
			<option value="35">제주은행</option>
			<option value="81">하나은행</option>
		</select>
		<br><font color="#888888">※ 가상계좌는 발급일로부터 3일 이내에 입금하셔야 합니다.</font>
	</td>
</tr>
</table>
</div>
<p align="center"><input type="submit" value="결제하기"></p>
</form>
</body>
</html>
