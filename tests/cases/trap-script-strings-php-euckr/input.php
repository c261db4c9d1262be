<?php
// 주문서 (orderform.php) - 배송/결제 안내
header("Content-Type: text/html; charset=euc-kr");
include_once("./_common.php");
$ship_extra = 3000; // 제주/도서산간 추가 배송비
?>
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=euc-kr">
<title>바다향기 수산 - 주문서</title>
<script type="text/javascript">
// 2013.04.15 제주카드 안전결제 전환
// guide += "<strong>안심클릭 : 삼성, 현대, 신한, 제주</strong><br>";
function payGuide() {
	var guide = "";
	guide += "<strong>안심클릭 : 삼성, 현대, 신한</strong><br>";
	guide += "<strong>안전결제 : 국민, 비씨, 우리, 제주</strong>";
	/* guide += "<p>안심클릭 : 삼성, 현대, 제주</p>"; */
	document.getElementById("payGuide").innerHTML = guide;
}

function shipNotice(zip) {
	var msg = "";
	if (zip.substring(0, 2) == "63") {
		msg += "<p class='notice'>제주/도서산간 지역은 추가 배송비 <?=number_format($ship_extra)?>원이 부과됩니다.</p>";
		msg += "<p>제주도 배송은 2~3일 더 걸립니다.</p>";
	}
	document.getElementById("shipNotice").innerHTML = msg;
}

function shopInfo() {
	var info = "<span>본사 : 제주특별자치도 제주시 연동 123-4</span>";
	info += "<span>안심클릭 결제 문의 : 1588-0000</span>";
	alert("제주 지역 고객님께서는 배송 일정을 확인해 주세요.");
	return info;
}
</script>
</head>
<body onload="payGuide();">
<form name="forderform" method="post" action="./orderformupdate.php">
<table width="100%">
<tr><td>우편번호</td><td><input type="text" name="od_zip" size="7" onblur="shipNotice(this.value);"></td></tr>
</table>
<div id="shipNotice"></div>
<div id="payGuide"></div>
</form>
</body>
</html>
