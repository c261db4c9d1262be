<?
	// 결제하기 - 카드결제 안내 (order_settle.php)
	// 2010.08.17 KSPAY 소켓 모듈 적용, 2011.12.05 안내문구 수정
	header("Content-Type: text/html; charset=euc-kr");
	include "../common.php";
	include "../lib/order.lib.php";

	if (!$member[mb_id] && !$_SESSION[ss_guest_order]) {
		goto_url("../member/login.php?url=".urlencode($_SERVER[REQUEST_URI]));
	}
	$row = sql_fetch(" select * from $g4[yc4_order_table] where od_id = '$od_id' ");
	$tot_amount = $row[od_temp_card];
?>
<html>
<head>
<meta http-equiv="content-type" content="text/html; charset=euc-kr">
<title>다온티하우스 - 주문결제</title>
<link rel="stylesheet" href="../style.css" type="text/css">
<script language="JavaScript">
<!--
function pay_submit(f)
{
	if (f.installment.value == "") {
		alert("할부기간을 선택하십시오.");
		return false;
	}
	f.action = "./kspay/KSPayCreditForm.php";
	return true;
}
//-->
</script>
</head>
<body leftmargin="0" topmargin="0">
<? include "../head.php"; ?>
<table width="750" align="center" cellpadding="0" cellspacing="0">
<tr>
	<td><img src="../img/sub/title_settle.gif" alt="주문결제"></td>
</tr>
<tr>
	<td style="padding:10px 0;">
	<form name="settle" method="post" onsubmit="return pay_submit(this);">
	<input type="hidden" name="sndStoreid" value="<?=$default[de_kspay_id]?>">
	<input type="hidden" name="sndOrdernumber" value="<?=$od_id?>">
	<input type="hidden" name="sndAmount" value="<?=$tot_amount?>">
	<input type="hidden" name="sndGoodname" value="<?=$row[od_goods_name]?>">
	<table width="100%" cellpadding="5" cellspacing="1" bgcolor="#cccccc">
	<tr bgcolor="#ffffff">
		<td width="120" bgcolor="#f5f1e8">주문번호</td>
		<td><?=$od_id?></td>
	</tr>
	<tr bgcolor="#ffffff">
		<td bgcolor="#f5f1e8">결제금액</td>
		<td><b><?=display_amount($tot_amount)?></b></td>
	</tr>
	<tr bgcolor="#ffffff">
		<td bgcolor="#f5f1e8">할부기간</td>
		<td>
			<select name="installment">
				<option value="">선택하세요</option>
				<option value="00">일시불</option>
				<option value="02">2개월</option>
				<option value="03">3개월</option>
			</select>
			<span class="small">(5만원 이상 결제시 할부 가능)</span>
		</td>
	</tr>
	</table>
	<div class="notice_box">
		<p class="notice_title"><img src="../img/sub/icon_notice.gif" alt=""> 카드결제 유의사항</p>
		<ul>
			<li>안심클릭 : 삼성 · 현대 · 신한 · 롯데</li>
			<li>안전결제 : 비씨 · 국민 · 수협 · 제주</li>
			<li>30만원 이상 결제시 공인인증서가 필요합니다.</li>
			<li>제주/도서산간 지역은 택배비 2,500원이 추가됩니다.</li>
		</ul>
	</div>
	<p align="center" style="padding-top:15px;">
		<input type="image" src="../img/btn/btn_settle.gif" alt="결제하기">
		<a href="./cart.php"><img src="../img/btn/btn_prev.gif" border="0" alt="이전"></a>
	</p>
	</form>
	</td>
</tr>
</table>
<div class="footer">
	다온티하우스 | 대표 : 한다온 | 주소 : 제주특별자치도 서귀포시 안덕면 000 | 전화 : 064-000-0000<br>
	결제주문 관련 문의는 고객센터 운영시간(평일 10:00~17:00)에 연락 주십시오.
</div>
<? include "../tail.php"; ?>
</body>
</html>
