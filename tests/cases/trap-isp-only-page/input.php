<?php
/*****************************************************************************
 * KSPayCreditFormI.php : 안전결제(ISP) 카드 선택 및 KVP 인증 요청
 *****************************************************************************/
header('Content-Type: text/html; charset=euc-kr');
include "./kspay_config.php";

$storeid     = $_POST["storeid"];
$storenm     = $_POST["storenm"];
$ordername   = $_POST["ordername"];
$ordernumber = $_POST["ordernumber"];
$amount      = $_POST["amount"];
$goodname    = $_POST["goodname"];
$email       = $_POST["email"];
$phoneno     = $_POST["phoneno"];
$certitype   = $_POST["certitype"];
$installment = $_POST["installment"];
?>
<html>
<head>
<title>KSPay - 안전결제(ISP)</title>
<meta http-equiv="Content-Type" content="text/html; charset=euc-kr">
<link rel="stylesheet" href="./css/kspay.css" type="text/css">
<script language="javascript" src="https://www.vpay.co.kr/KVPplugin_ssl.js"></script>
<script language="javascript">
<!--
StartSmartUpdate();

function submitISP()
{
	var frm = document.KSPayAuthForm;
	if (frm.selectcard.value == "") {
		alert("카드를 선택하십시오.");
		return;
	}
	frm.KVP_CARDCODE.value = frm.selectcard.value;
	frm.KVP_QUOTA.value    = frm.installment.value;
	if (MakePayMessage(frm) == true) {
		frm.action = "./KSPayCreditPostI.php";
		frm.submit();
	} else {
		alert("ISP 인증이 취소되었습니다.");
	}
}
//-->
</script>
</head>
<body>
<form name="KSPayAuthForm" method="post">
<input type="hidden" name="storeid"        value="<?=$storeid?>">
<input type="hidden" name="storenm"        value="<?=$storenm?>">
<input type="hidden" name="ordername"      value="<?=$ordername?>">
<input type="hidden" name="ordernumber"    value="<?=$ordernumber?>">
<input type="hidden" name="amount"         value="<?=$amount?>">
<input type="hidden" name="goodname"       value="<?=$goodname?>">
<input type="hidden" name="email"          value="<?=$email?>">
<input type="hidden" name="phoneno"        value="<?=$phoneno?>">
<input type="hidden" name="certitype"      value="<?=$certitype?>">
<input type="hidden" name="KVP_PGID"       value="A0029">
<input type="hidden" name="KVP_CURRENCY"   value="WON">
<input type="hidden" name="KVP_NOINT"      value="0">
<input type="hidden" name="KVP_QUOTA"      value="">
<input type="hidden" name="KVP_CARDCODE"   value="">
<input type="hidden" name="KVP_SESSIONKEY" value="">
<input type="hidden" name="KVP_ENCDATA"    value="">
<table border="0" width="100%">
<tr>
	<td><b>KSPay 안전결제(ISP)</b></td>
</tr>
<tr>
	<td>상품명 : <?=$goodname?></td>
</tr>
<tr>
	<td>결제금액 : <?=number_format($amount)?> 원</td>
</tr>
<?php if ($certitype == "I") { ?>
<tr>
	<td>카드종류 :
		<select name="selectcard">
			<option value="">카드선택</option>
			<option value="0100">BC카드</option>
			<option value="0204">국민카드</option>
			<option value="1800">수협카드</option>
			<option value="1600">전북카드</option>
			<option value="1500">광주카드</option>
			<option value="13">제주카드</option>
		</select>
	</td>
</tr>
<tr>
	<td>할부 :
		<select name="installment">
			<option value="00">일시불</option>
			<option value="02">2개월</option>
			<option value="03">3개월</option>
		</select>
	</td>
</tr>
<tr>
	<td align="center"><input type="button" value="ISP 결제" onclick="javascript:submitISP();"></td>
</tr>
<?php } else { ?>
<tr>
	<td><font color="red">잘못된 접근입니다. (거래종류 오류)</font></td>
</tr>
<?php } ?>
</table>
</form>
</body>
</html>
