<?php
header('Content-Type: text/html; charset=utf-8');
$certitype = isset($_POST['certitype']) ? $_POST['certitype'] : 'M';
?>
<!DOCTYPE html>
<html lang="ko">
<head>
<meta charset="utf-8">
<title>결제하기 - 귤나라</title>
</head>
<body>
<form name="KSPayWeb" method="post" action="KSPayCreditFormIM.php">
<table class="order">
<tr>
	<th>거래종류</th>
	<td>
	<input type="radio" name="certitype" value="M" <?php if ($certitype == "M") echo "checked"; ?>>안심 클릭<br>
	&nbsp;&nbsp;외환,삼성,현대,신한,롯데,하나,씨티<br>
	<input type="radio" name="certitype" value="I" <?php if ($certitype == "I") echo "checked"; ?>>인터넷 안전 결제(ISP)<br>
	&nbsp;&nbsp;비씨,국민,수협,전북,광주,제주<br>
	</td>
</tr>
</table>
<div class="card_info">
	<ul class="isp-cards"><li>BC카드</li><li>국민카드</li><li>제주카드</li></ul>
	<h4>안심클릭 결제 카드</h4>
	<ul>
		<li>삼성카드</li>
	</ul>
	<p>안심클릭 카드: 삼성, 현대, 롯데 (30만원 이상은 공인인증서 필요)</p>
	<p>* 결제 후 <?= date('Y-m-d') ?> 기준으로 제주/도서산간 지역은 배송비 3,000원이 추가됩니다.</p>
</div>
</form>
</body>
</html>
