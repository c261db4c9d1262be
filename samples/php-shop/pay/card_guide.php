<?php
/*
 * pay/card_guide.php : 카드사별 결제 안내 (주문서 "결제안내" 팝업)
 *  - 카드사별 인증방식 / 무이자 할부 / 배송 안내
 *  - 2011.09.05 작성, 2012.07.02 무이자 할부 행사 갱신
 */
header('Content-Type: text/html; charset=euc-kr');
include_once "../lib/kspay_config.inc";

$nointerest_month = "2~3개월";
$nointerest_until = "2012-09-30";
?>
<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=euc-kr">
<title><?=$KSPAY_SHOPNAME?> :: 카드사별 결제 안내</title>
<link rel="stylesheet" type="text/css" href="/css/common.css">
<style type="text/css">
.guide_tbl td { font-size:12px; line-height:18px; }
.guide_txt { font-size:11px; color:#888888; line-height:18px; }
</style>
<script type="text/javascript">
<!--
function closeWin()
{
	if (opener) opener.focus();
	self.close();
}
//-->
</script>
</head>
<body leftmargin="0" topmargin="0" marginwidth="0" marginheight="0">
<table width="560" border="0" cellpadding="0" cellspacing="0" align="center">
<tr>
	<td style="padding:15px 0 10px 0"><img src="/img/pay/tit_card_guide.gif" alt="카드사별 결제 안내"></td>
</tr>
<tr>
	<td>
	<b><font color="#3C8C28">■ 카드사별 결제 방식</font></b>
	<table width="100%" border="0" cellpadding="6" cellspacing="1" bgcolor="#D5D5D5" class="guide_tbl" style="margin-top:5px">
	<tr bgcolor="#F7F7F7" align="center">
		<td width="110"><b>인증방식</b></td>
		<td><b>결제 가능 카드</b></td>
		<td width="150"><b>비고</b></td>
	</tr>
	<tr bgcolor="#FFFFFF">
		<td bgcolor="#F7F7F7" align="center">안심클릭</td>
		<td>외환카드, 삼성카드, 현대카드, 신한카드, 롯데카드, 하나SK카드, 씨티카드, 제주카드</td>
		<td>카드사 인증창에서 비밀번호 입력</td>
	</tr>
	<tr bgcolor="#FFFFFF">
		<td bgcolor="#F7F7F7" align="center">안전결제(ISP)</td>
		<td>BC카드, 국민카드, 수협카드, 전북카드, 광주카드</td>
		<td>최초 1회 프로그램 설치 및 카드 등록</td>
	</tr>
	</table>
	<p class="guide_txt">
	※ 30만원 이상 결제 시에는 공인인증서가 필요합니다.<br>
	※ 인증창이 뜨지 않으면 팝업차단을 해제하신 후 다시 시도해 주세요.<br>
	※ 해외발행 카드(VISA, MASTER, JCB)는 고객센터로 문의해 주세요.
	</p>

	<b><font color="#3C8C28">■ 무이자 할부 안내</font></b>
	<table width="100%" border="0" cellpadding="6" cellspacing="1" bgcolor="#D5D5D5" class="guide_tbl" style="margin-top:5px">
	<tr bgcolor="#F7F7F7" align="center">
		<td width="160"><b>대상 카드</b></td>
		<td width="120"><b>할부 개월</b></td>
		<td><b>기간 / 조건</b></td>
	</tr>
	<tr bgcolor="#FFFFFF" align="center">
		<td>삼성, 현대, 신한</td>
		<td><?=$nointerest_month?></td>
		<td>~ <?=$nointerest_until?> / 5만원 이상</td>
	</tr>
	<tr bgcolor="#FFFFFF" align="center">
		<td>BC, 국민</td>
		<td>2~5개월</td>
		<td>~ <?=$nointerest_until?> / 5만원 이상</td>
	</tr>
	</table>
	<p class="guide_txt">
	※ 법인카드, 체크카드, 기프트카드는 무이자 할부 대상에서 제외됩니다.
	</p>

	<b><font color="#3C8C28">■ 배송 안내</font></b>
	<table width="100%" border="0" cellpadding="6" cellspacing="1" bgcolor="#D5D5D5" class="guide_tbl" style="margin-top:5px">
	<tr bgcolor="#FFFFFF">
		<td width="110" bgcolor="#F7F7F7" align="center">배송비</td>
		<td>3만원 이상 무료 (3만원 미만 2,500원)</td>
	</tr>
	<tr bgcolor="#FFFFFF">
		<td bgcolor="#F7F7F7" align="center">추가 배송비</td>
		<td>제주/도서산간 지역은 3,000원이 추가됩니다.</td>
	</tr>
	<tr bgcolor="#FFFFFF">
		<td bgcolor="#F7F7F7" align="center">배송 기간</td>
		<td>결제 완료 후 2~3일 (제주도 및 도서지역은 1~2일 더 걸릴 수 있습니다)</td>
	</tr>
	</table>
	</td>
</tr>
<tr>
	<td height="60" align="center">
		<a href="javascript:closeWin();"><img src="/img/pay/btn_close.gif" alt="닫기" border="0"></a>
	</td>
</tr>
</table>
</body>
</html>
