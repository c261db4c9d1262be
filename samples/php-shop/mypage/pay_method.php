<?php
/*
 * mypage/pay_method.php : 마이페이지 - 결제수단 안내 / 환불계좌 등록
 *  - 2012.05.14 작성
 *  - 2013.03.28 KSNET 공지 반영 : 제주카드 안심클릭 -> 안전결제(ISP) 이동
 *
 * 변경 전 카드 안내 (보관용)
 *   안심클릭 : 외환, 삼성, 현대, 신한, 롯데, 하나SK, 씨티, 제주
 *   안전결제 : 비씨, 국민, 수협, 전북, 광주
 */
header('Content-Type: text/html; charset=euc-kr');
session_start();
include_once $_SERVER["DOCUMENT_ROOT"] . "/inc/dbconn.php";

if (!isset($_SESSION["member_id"]) || $_SESSION["member_id"] == "") {
	echo "<script>alert('로그인 후 이용하세요.');location.href='/member/login.php';</script>";
	exit;
}
$member_id = mysql_real_escape_string($_SESSION["member_id"]);

// 환불계좌 은행 목록 (금융결제원 은행코드)
$bank_list = array("04" => "국민은행", "11" => "농협", "20" => "우리은행", "88" => "신한은행",
                   "81" => "하나은행", "03" => "기업은행", "31" => "대구은행", "32" => "부산은행",
                   "35" => "제주은행", "71" => "우체국");

if (isset($_POST["mode"]) && $_POST["mode"] == "refund") {
	$bank_code = mysql_real_escape_string($_POST["bank_code"]);
	$bank_acct = preg_replace("/[^0-9]/", "", $_POST["bank_acct"]);
	$bank_name = mysql_real_escape_string($_POST["bank_owner"]);
	mysql_query("UPDATE tb_member SET refund_bank = '$bank_code', refund_acct = '$bank_acct', refund_owner = '$bank_name' WHERE member_id = '$member_id'");
	echo "<script>alert('환불계좌가 등록되었습니다.');location.href='pay_method.php';</script>";
	exit;
}
$row = mysql_fetch_assoc(mysql_query("SELECT refund_bank, refund_acct, refund_owner FROM tb_member WHERE member_id = '$member_id'"));
?>
<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=euc-kr">
<title>초록장터 :: 결제수단 안내</title>
<link rel="stylesheet" type="text/css" href="/css/common.css">
<style type="text/css">
dl.pay_card { margin:5px 0 0 0; line-height:20px; }
dl.pay_card dt { float:left; width:110px; font-weight:bold; color:#3C8C28; }
dl.pay_card dd { margin:0 0 0 110px; }
</style>
<script type="text/javascript">
<!--
function saveRefund()
{
	var frm = document.refundForm;
	if (frm.bank_code.value == "") { alert("은행을 선택하세요."); frm.bank_code.focus(); return false; }
	if (frm.bank_acct.value == "") { alert("계좌번호를 입력하세요."); frm.bank_acct.focus(); return false; }
	if (frm.bank_owner.value == "") { alert("예금주를 입력하세요."); frm.bank_owner.focus(); return false; }
	return true;
}
//-->
</script>
</head>
<body leftmargin="0" topmargin="0">
<? include $_SERVER["DOCUMENT_ROOT"] . "/inc/top.php"; ?>
<table width="900" border="0" cellpadding="0" cellspacing="0" align="center">
<tr>
	<td width="180" valign="top"><? include $_SERVER["DOCUMENT_ROOT"] . "/mypage/left_menu.php"; ?></td>
	<td valign="top" style="padding-left:20px">
	<h3 style="margin:20px 0 10px 0"><img src="/img/mypage/tit_pay_method.gif" alt="결제수단 안내"></h3>

	<b><font color="#3C8C28">■ 신용카드</font></b>
	<dl class="pay_card">
		<dt>안심클릭</dt>
		<dd>외환, 삼성, 현대, 신한, 롯데, 하나SK, 씨티</dd>
		<dt>안전결제(ISP)</dt>
		<dd>비씨, 국민, 수협, 전북, 광주, 제주</dd>
	</dl>
<!--
	<dl class="pay_card">
		<dt>안심클릭</dt>
		<dd>외환, 삼성, 현대, 신한, 롯데, 하나SK, 씨티, 제주</dd>
		<dt>안전결제(ISP)</dt>
		<dd>비씨, 국민, 수협, 전북, 광주</dd>
	</dl>
-->
	<div style="margin-top:5px;font-size:11px;color:#888888;line-height:18px">
	· 안전결제(ISP)는 최초 1회 ISP 프로그램 설치 및 카드 등록이 필요합니다.<br>
	· 30만원 이상 결제 시 공인인증서가 필요합니다.
	</div>

	<b><font color="#3C8C28">■ 무통장입금</font></b>
	<table width="100%" border="0" cellpadding="5" cellspacing="1" bgcolor="#D5D5D5" style="margin-top:5px">
	<tr bgcolor="#F7F7F7" align="center">
		<td width="150">은행</td>
		<td>계좌번호</td>
		<td width="150">예금주</td>
	</tr>
	<tr bgcolor="#FFFFFF" align="center">
		<td>국민은행</td><td>000000-00-000000</td><td>(주)초록장터</td>
	</tr>
	<tr bgcolor="#FFFFFF" align="center">
		<td>농협</td><td>000-0000-0000-00</td><td>(주)초록장터</td>
	</tr>
	<tr bgcolor="#FFFFFF" align="center">
		<td>제주은행</td><td>00-00-000000</td><td>(주)초록장터</td>
	</tr>
	</table>

	<form name="refundForm" method="post" action="pay_method.php" onsubmit="return saveRefund();" style="margin-top:20px">
	<input type="hidden" name="mode" value="refund">
	<b><font color="#3C8C28">■ 환불계좌 등록</font></b>
	<table width="100%" border="0" cellpadding="5" cellspacing="1" bgcolor="#D5D5D5" style="margin-top:5px">
	<tr bgcolor="#FFFFFF">
		<td width="150" bgcolor="#F7F7F7">은행</td>
		<td>
		<select name="bank_code">
			<option value="">은행선택</option>
<? foreach ($bank_list as $code => $name) { ?>
			<option value="<?=$code?>" <?=($row["refund_bank"] == $code) ? "selected" : ""?>><?=$name?></option>
<? } ?>
		</select>
		</td>
	</tr>
	<tr bgcolor="#FFFFFF">
		<td bgcolor="#F7F7F7">계좌번호 / 예금주</td>
		<td><input type="text" name="bank_acct" value="<?=$row["refund_acct"]?>" size="20"> / <input type="text" name="bank_owner" value="<?=htmlspecialchars($row["refund_owner"])?>" size="10"></td>
	</tr>
	</table>
	<div style="padding:15px 0;text-align:center"><input type="image" src="/img/mypage/btn_save.gif" alt="저장"></div>
	</form>
	</td>
</tr>
</table>
<? include $_SERVER["DOCUMENT_ROOT"] . "/inc/bottom.php"; ?>
</body>
</html>
