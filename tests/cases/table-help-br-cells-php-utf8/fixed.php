<?php
/**
 * shop/pay_help.php - 결제 도움말 (주문서 > "카드 결제 안내" 레이어 팝업)
 * 2012-02-08 kim : 카드사 목록 표로 변경
 */
header('Content-Type: text/html; charset=utf-8');
require_once $_SERVER['DOCUMENT_ROOT'] . '/lib/config.php';
$shop = get_shop_info();
$popup = isset($_GET['popup']) && $_GET['popup'] === 'y';
?>
<!DOCTYPE html>
<html lang="ko">
<head>
<meta charset="utf-8">
<title>카드 결제 안내 - <?php echo htmlspecialchars($shop['name']); ?></title>
<link rel="stylesheet" href="/css/layout.css?v=20120208">
<style>
	.pay-help { width: 540px; margin: 0 auto; font-size: 12px; color: #444; }
	.pay-help h3 { font-size: 13px; color: #1d5fa8; margin: 18px 0 6px; }
	.pay-help table { width: 100%; border-collapse: collapse; }
	.pay-help th, .pay-help td { border: 1px solid #d9d9d9; padding: 7px 6px; text-align: center; }
	.pay-help th { background: #eef3f9; }
	.pay-help td.card_list { text-align: left; line-height: 18px; }
	.pay-help .foot { margin-top: 20px; padding-top: 8px; border-top: 1px solid #e5e5e5; color: #999; font-size: 11px; }
</style>
</head>
<body<?php if ($popup) { ?> class="popup"<?php } ?>>
<?php if (!$popup) include $_SERVER['DOCUMENT_ROOT'] . '/inc/header.php'; ?>
<div class="pay-help">
	<h3>카드사별 결제 인증</h3>
	<table>
		<colgroup><col width="34%"><col width="33%"><col width="33%"></colgroup>
		<thead>
		<tr>
			<th>카드사</th>
			<th>30만원 미만</th>
			<th>30만원 이상</th>
		</tr>
		</thead>
		<tbody>
		<tr>
			<td class="card_list">
				외환카드<br />
				삼성카드<br />
				현대카드<br />
				신한카드<br />
				롯데카드
			</td>
			<td>안심클릭</td>
			<td>안심클릭 + 공인인증서</td>
		</tr>
		<tr>
			<td class="card_list">
				BC카드<br />
				국민카드<br />
				우리카드<br />
				제주카드
			</td>
			<td>안전결제(ISP)</td>
			<td>안전결제(ISP) + 공인인증서</td>
		</tr>
		<tr>
			<td class="card_list">
				법인카드<br />
				해외발급카드
			</td>
			<td colspan="2">인증없음</td>
		</tr>
		</tbody>
	</table>
	<h3>무이자 할부</h3>
	<p>무이자 할부 행사는 <?php echo $shop['nointerest_text']; ?> 기간 동안 적용됩니다.</p>
	<p class="foot">
		<?php echo htmlspecialchars($shop['name']); ?> · 대표 이민지 · 서울특별시 마포구 월드컵북로 000, 3층 · 사업자등록번호 105-00-00000 · 고객센터 02-000-0000
	</p>
</div>
<?php if (!$popup) include $_SERVER['DOCUMENT_ROOT'] . '/inc/footer.php'; ?>
</body>
</html>
