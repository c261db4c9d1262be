<?php
// 결제 안내 페이지 (guide/payment.php) - 2013.04.22 제주카드 ISP 전환 반영
header('Content-Type: text/html; charset=euc-kr');
require_once $_SERVER['DOCUMENT_ROOT'].'/inc/common.php';
$free_ship = 50000;
?>
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=euc-kr">
<title>청정미역 - 결제/배송 안내</title>
<link rel="stylesheet" href="/css/guide.css" type="text/css">
</head>
<body>
<?php include $_SERVER['DOCUMENT_ROOT'].'/inc/top.php'; ?>
<div class="guide_wrap">
	<h3>결제 안내</h3>
	<h4>안심 클릭 결제</h4>
	<p>삼성, 현대, 신한, 롯데, 하나SK</p>
	<p class="small">카드사 안심클릭 비밀번호로 결제합니다. <?=number_format($free_ship)?>원 이상 무료배송 (제주/도서산간 지역 제외)</p>
	<p class="small">제주/도서산간 지역은 추가 배송비가 있습니다.</p>
	<h4>안전 결제 (ISP)</h4>
	<p>비씨, 국민, 우리, 수협, 제주</p>
	<p class="small">ISP 인증서를 발급받은 카드로 결제합니다.</p>
	<h4>배송 안내</h4>
	<p>오후 3시 이전 결제 완료 시 당일 발송 (제주/도서산간 지역 1~2일 추가)</p>
</div>
<?php include $_SERVER['DOCUMENT_ROOT'].'/inc/bottom.php'; ?>
</body>
</html>
