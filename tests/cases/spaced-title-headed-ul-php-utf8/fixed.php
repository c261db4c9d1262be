<?php
	// 결제 안내 (shop/pay_info.php) - 2012.03.14 카드사별 인증 안내 추가
	include_once('./_common.php');
	$g5['title'] = '결제 안내';
	include_once(G5_SHOP_PATH.'/_head.php');
	$cs_tel = $default['de_admin_company_tel'];
?>
<div id="sit_pay_info">
	<h2>신용카드 결제 안내</h2>
	<p class="info_txt">카드사마다 결제 인증 방식이 다르니 아래 안내를 참고해 주세요.</p>

	<div class="card_box">
		<h4 class="card_tit">안심 클릭 결제 카드</h4>
		<ul class="card_list">
			<li>삼성카드</li>
			<li>현대카드</li>
			<li>신한카드</li>
			<li>롯데카드</li>
			<li>하나SK카드</li>
		</ul>
		<p class="card_desc">카드사 안심클릭 비밀번호 또는 공인인증서로 인증합니다.</p>

		<h4 class="card_tit">안전 결제 카드</h4>
		<ul class="card_list">
			<li>BC카드</li>
			<li>KB국민카드</li>
			<li>우리카드</li>
			<li>제주카드</li>
		</ul>
		<p class="card_desc">ISP 프로그램에 등록된 카드로 결제합니다.</p>

		<h4 class="card_tit">배송 안내</h4>
		<ul class="card_list">
			<li>제주/도서산간 지역은 3,000원이 추가됩니다.</li>
		</ul>
	</div>
	<p class="cs_txt">결제 관련 문의 : <?php echo $cs_tel; ?></p>
</div>
<?php
include_once(G5_SHOP_PATH.'/_tail.php');
?>
