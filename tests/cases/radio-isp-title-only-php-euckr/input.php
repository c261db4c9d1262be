<?php
/* KSPayForm.php : 결제 방법 선택 (2011.06 수정) */
header('Content-Type: text/html; charset=euc-kr');
include "../lib/kspay_config.inc";
$certitype = isset($_POST["certitype"]) ? $_POST["certitype"] : "M";
$sndAmount = $_POST["sndAmount"];
?>
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=euc-kr">
<title>결제 방법 선택</title>
<script language="javascript">
function goPay() {
	var f = document.KSPayWeb;
	for (var i = 0; i < f.certitype.length; i++) {
		if (f.certitype[i].checked) { f.action = "KSPayCreditForm" + f.certitype[i].value + ".php"; }
	}
	f.submit();
}
</script>
</head>
<body>
<form name="KSPayWeb" method="post">
<input type="hidden" name="sndAmount" value="<?=$sndAmount?>">
<table width="460" border="0" cellpadding="4" cellspacing="1" bgcolor="#CCCCCC">
<tr bgcolor="#FFFFFF">
	<td width="100"><font size="2"><b>거래종류</b></font></td>
	<td><font size="2">
	<input type="radio" name="certitype" value="M" <? if ($certitype == "M") echo "checked"; ?>>안심클릭<br>
	&nbsp;&nbsp;외환,삼성,현대,신한,롯데,하나,제주<br>
	<input type="radio" name="certitype" value="I" <? if ($certitype == "I") echo "checked"; ?>>안전결제(ISP)<br>
	<input type="radio" name="certitype" value="N">일반인증승인<br>
	</font></td>
</tr>
</table>
<p align="center"><a href="javascript:goPay();"><img src="/img/btn_next.gif" border="0" alt="다음"></a></p>
</form>
</body>
</html>
