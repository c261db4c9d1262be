<?php
// guide/card_help.php : 카드 결제 도움말 (PC 주문서 > "결제가 안 되나요?" 링크)
// 2012.08.21 카드사 인증 안내 문구 정리 - park
header('Content-Type: text/html; charset=UTF-8');
include_once('../common.php');
$g5['title'] = '카드 결제 도움말';
include_once(G5_PATH.'/head.sub.php');
?>
<style>
#card_help { padding: 20px 25px; font-size: 12px; line-height: 1.7em; color: #555; }
#card_help .help_item { margin-bottom: 16px; }
#card_help .help_item h4 { margin: 0 0 4px; padding: 4px 8px; background: #f2f6fb; color: #2a5ea8; font-size: 13px; }
#card_help .help_item div { padding: 0 8px; }
#card_help address { margin-top: 25px; padding-top: 10px; border-top: 1px dotted #ccc; font-style: normal; font-size: 11px; color: #999; }
</style>
<div id="card_help">
	<div class="help_item">
		<h4>안심클릭 결제 안내</h4>
		<div>본 서비스는 제주, 외환, 삼성, 현대, 신한카드 회원님을 위한 카드사 인증 서비스입니다. 결제창에서 안심클릭 비밀번호를 입력해 주세요.</div>
	</div>
	<div class="help_item">
		<h4>안전결제(ISP) 안내</h4>
		<div>안전결제(ISP)는 BC, 국민, 우리카드 회원님이 이용하시는 결제 방식입니다. 최초 1회 ISP 등록이 필요합니다.</div>
	</div>
	<div class="help_item">
		<h4>결제 후 주문 확인</h4>
		<div>결제가 끝나면 <a href="<?php echo G5_SHOP_URL; ?>/orderinquiry.php">주문조회</a>에서 주문 내역을 확인하실 수 있습니다.</div>
	</div>
	<address>
		<?php echo $default['de_admin_company_name']; ?> | 부산광역시 해운대구 센텀중앙로 00, 1203호 | 사업자등록번호 617-00-00000 | 대표 최해운
	</address>
</div>
<?php
include_once(G5_PATH.'/tail.sub.php');
?>
