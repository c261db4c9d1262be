<?php
header('Content-Type: text/html; charset=euc-kr');
session_start();
include $_SERVER['DOCUMENT_ROOT']."/shop/lib/library.php";

$ordno  = $_POST['ordno'];
$settle = (int)$_POST['settleprice'];
if (!$ordno) { go("/shop/order/cart.php"); exit; }
?>
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=euc-kr">
<title>한라농원 - 신용카드 결제</title>
<link rel="stylesheet" href="/shop/css/order.css">
<script type="text/javascript">
function goPay(fm) {
	var opt = fm.cardcode.options[fm.cardcode.selectedIndex];
	if (opt.value == "") { alert("결제하실 카드를 선택해 주세요."); return false; }
	fm.certitype.value = (opt.parentNode.label.indexOf("안전결제") != -1) ? "I" : "M";
	fm.action = (fm.certitype.value == "I") ? "KSPayCreditFormI.php" : "KSPayCreditFormM.php";
	return true;
}
</script>
</head>
<body>
<? include "../inc/header.php"; ?>
<div id="contents">
	<h3 class="subtit">신용카드 결제</h3>
	<form name="frmPay" method="post" onsubmit="return goPay(this);">
	<input type="hidden" name="ordno" value="<?=$ordno?>">
	<input type="hidden" name="certitype" value="">
	<table class="payTbl" cellpadding="0" cellspacing="0">
	<tr>
		<th>결제금액</th>
		<td><b><?=number_format($settle)?></b>원</td>
	</tr>
	<tr>
		<th>카드선택</th>
		<td>
			<select name="cardcode" class="sel">
				<option value="">카드사를 선택하세요</option>
				<optgroup label="안심클릭">
				<option value="04">삼성카드</option>
				<option value="06">현대카드</option>
				<option value="07">신한카드</option>
				</optgroup>
				<optgroup label="안전결제(ISP)">
				<option value="01">BC카드</option>
				<option value="02">국민카드</option>
				<option value="13">제주카드</option>
				</optgroup>
			</select>
		</td>
	</tr>
	</table>
	<div class="cardGuide">
		<h4>안심클릭 결제</h4>
		<p>외환, 삼성, 현대, 신한, 롯데, 하나SK, 씨티</p>
		<h4>안전결제(ISP)</h4>
		<p>비씨, 국민, 우리, 수협, 전북, 광주, 제주</p>
		<p class="note">※ 삼성, 현대, 신한카드는 결제창에서 안심클릭 비밀번호를 입력하셔야 합니다.</p>
	</div>
	<p class="btn"><input type="image" src="/shop/img/btn_pay.gif" alt="결제하기"></p>
	</form>
</div>
<? include "../inc/footer.php"; ?>
</body>
</html>
