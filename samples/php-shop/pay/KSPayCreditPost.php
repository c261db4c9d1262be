<?php
/*
 * KSPayCreditPost.php : 신용카드 승인요청 (소켓방식)
 *  - KSNET 승인전문 송수신. 전문 구성은 KSNET 샘플 그대로 사용 (수정 금지)
 */
include_once "../lib/kspay_config.inc";
include_once "./KSPayApprovalCancel.inc";    // KSNET 제공 모듈
kspay_header();

$certitype   = $_POST["certitype"];
$storeid     = $_POST["sndStoreid"];
$ordernumber = $_POST["sndOrdernumber"];
$goodname    = $_POST["sndGoodname"];
$amount      = kspay_amount($_POST["sndAmount"]);
$ordername   = $_POST["sndOrdername"];
$email       = $_POST["sndEmail"];
$mobile      = $_POST["sndMobile"];
$installment = $_POST["installment"] != "" ? $_POST["installment"] : "00";

$authty = "";
$xid = $eci = $cavv = $cardno = $expdt = "";
$kvp_sessionkey = $kvp_encdata = $kvp_cardcode = "";

if ($certitype == "I") {
	// 안전결제(ISP)
	$authty         = "I000";
	$kvp_sessionkey = $_POST["KVP_SESSIONKEY"];
	$kvp_encdata    = $_POST["KVP_ENCDATA"];
	$kvp_cardcode   = $_POST["KVP_CARDCODE"];
	$installment    = sprintf("%02d", $_POST["KVP_QUOTA"]);
} else if ($certitype == "M") {
	// 안심클릭(Visa3D)
	$xid    = $_POST["xid"];
	$eci    = $_POST["eci"];
	$cavv   = $_POST["cavv"];
	$cardno = $_POST["cardno"];
	$expdt  = $_POST["expdt"];
} else {
	echo "<script>alert('지원하지 않는 거래종류입니다.');history.back();</script>";
	exit;
}

kspay_log("REQ " . $certitype . " " . $ordernumber . " " . $amount);

$ipg = new KSPayApprovalCancel($KSPAY_IPADDR, $KSPAY_PORT);
$ipg->HeadMessage("0603", "K", $storeid, $ordernumber, $ordername, "", $email, $mobile, "", "", "");
if ($certitype == "I") {
	$ipg->CreditDataMessage("1", $authty, "", "", $installment, $amount, $goodname, $kvp_sessionkey, $kvp_encdata, $kvp_cardcode, "", "", "");
} else {
	$ipg->CreditDataMessage("1", $authty, $cardno, $expdt, $installment, $amount, $goodname, "", "", "", $xid, $eci, $cavv);
}

$rStatus = "X";
$rMessage1 = "승인서버 연결 실패";
$rMessage2 = "";
if ($ipg->SendSocket("1")) {
	$rApprovalType  = $ipg->ApprovalType;
	$rTransactionNo = $ipg->TransactionNo;
	$rStatus        = $ipg->Status;
	$rTradeDate     = $ipg->TradeDate;
	$rTradeTime     = $ipg->TradeTime;
	$rIssCode       = $ipg->IssCode;
	$rAuthNo        = $ipg->AuthNo;
	$rMessage1      = $ipg->Message1;
	$rMessage2      = $ipg->Message2;
}

kspay_log("RES " . $ordernumber . " " . $rStatus . " " . $rTransactionNo . " " . $rMessage1);

if ($rStatus == "O") {
	// 결제완료 처리 후 주문완료 페이지로
	header("Location: /order/order_complete.php?ordernumber=" . urlencode($ordernumber) . "&trno=" . $rTransactionNo);
	exit;
}
?>
<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=euc-kr">
<title><?=$KSPAY_SHOPNAME?> :: 결제결과</title>
<link rel="stylesheet" type="text/css" href="/css/common.css">
</head>
<body leftmargin="0" topmargin="0">
<? include $_SERVER["DOCUMENT_ROOT"] . "/inc/top.php"; ?>
<table width="620" border="0" cellpadding="0" cellspacing="0" align="center">
<tr>
	<td style="padding:20px 0 10px 0"><font color="#CC0000" size="3"><b>결제가 완료되지 않았습니다.</b></font></td>
</tr>
<tr>
	<td>
	<table width="100%" border="0" cellpadding="6" cellspacing="1" bgcolor="#D5D5D5">
	<tr bgcolor="#FFFFFF">
		<td width="130" bgcolor="#F7F7F7">주문번호</td>
		<td><?=kspay_h($ordernumber)?></td>
	</tr>
	<tr bgcolor="#FFFFFF">
		<td bgcolor="#F7F7F7">처리결과</td>
		<td><?=kspay_status_msg($rStatus)?></td>
	</tr>
	<tr bgcolor="#FFFFFF">
		<td bgcolor="#F7F7F7">메시지</td>
		<td><font color="#CC0000"><?=kspay_h($rMessage1)?>&nbsp;<?=kspay_h($rMessage2)?></font></td>
	</tr>
	</table>
	</td>
</tr>
<tr>
	<td style="padding:20px 0;text-align:center">
		<a href="/order/cart.php"><img src="/img/pay/btn_retry.gif" alt="다시 결제" border="0"></a>
	</td>
</tr>
</table>
<? include $_SERVER["DOCUMENT_ROOT"] . "/inc/bottom.php"; ?>
</body>
</html>
