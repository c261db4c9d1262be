<?php
	// 마이페이지 > 주문내역 (mypage/order_list.php)
	// 2012.11.05 예약상품 예약결제주문번호 컬럼 추가
	header("Content-Type: text/html; charset=euc-kr");
	session_start();
	include "../common/dbconn.php";
	include "../common/func.php";

	if (!$_SESSION['mem_id']) {
		alert_go("로그인 후 이용해 주세요.", "/member/login.php?ret=/mypage/order_list.php");
	}
	$mem_id = $_SESSION['mem_id'];
	$res = mysql_query("SELECT * FROM shop_order WHERE mem_id='".addslashes($mem_id)."' ORDER BY reg_date DESC LIMIT 20");
	$del_cnt = mysql_result(mysql_query("SELECT COUNT(*) FROM shop_order WHERE mem_id='".addslashes($mem_id)."' AND del_yn='Y'"), 0);
?>
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=euc-kr">
<title>초록마당 - 마이페이지 주문내역</title>
<link rel="stylesheet" href="/css/mypage.css" type="text/css">
<script language="JavaScript">
function delOrder(no) {
	if (confirm("선택하신 주문을 삭제하시겠습니까?\n삭제주문은 [삭제주문 보기]에서 확인할 수 있습니다.")) {
		location.href = "order_del.php?ono=" + no;
	}
}
function payOrder() {
	var f = document.payForm;
	if (!f.ono.value) { alert("결제할 주문을 선택해 주세요."); return; }
	f.submit();
}
</script>
</head>
<body leftmargin="0" topmargin="0">
<? include "../include/top.php"; ?>
<table width="900" border="0" cellspacing="0" cellpadding="0" align="center">
<tr>
	<td><img src="/img/mypage/tit_order_list.gif" alt="주문내역"></td>
	<td align="right"><a href="order_del_list.php">삭제주문 보기 (<?=$del_cnt?>건)</a></td>
</tr>
</table>
<table width="900" border="0" cellspacing="1" cellpadding="4" bgcolor="#D8E4C8" align="center" class="order_list">
<tr bgcolor="#F3F8EC" align="center">
	<th width="30">선택</th>
	<th width="130">주문번호</th>
	<th width="130">예약결제주문번호</th>
	<th>상품명</th>
	<th width="90">결제금액</th>
	<th width="90">상태</th>
	<th width="60">관리</th>
</tr>
<? while ($row = mysql_fetch_array($res)) { ?>
<tr bgcolor="#FFFFFF" align="center">
	<td><? if ($row['state'] == "W") { ?><input type="radio" name="sel_ono" value="<?=$row['ono']?>" onclick="document.payForm.ono.value=this.value;"><? } ?></td>
	<td><a href="order_view.php?ono=<?=$row['ono']?>"><?=$row['ono']?></a></td>
	<td><?=$row['rsv_ono'] ? $row['rsv_ono'] : "-"?></td>
	<td align="left"><?=$row['goods_name']?></td>
	<td align="right"><?=number_format($row['amount'])?>원</td>
	<td><?=$row['state'] == "W" ? "결제주문 대기" : "결제완료"?></td>
	<td><a href="javascript:delOrder('<?=$row['ono']?>');">삭제</a></td>
</tr>
<? } ?>
</table>
<p align="center" style="color:#888888;">
	※ 결제주문 대기 상태의 주문은 7일 이내 결제하지 않으면 자동으로 삭제주문 처리됩니다.<br>
	※ 예약결제주문번호는 예약상품 입고 후 결제시 사용됩니다.
</p>
<form name="payForm" method="post" action="/shop/pay/KSPayCreditForm.php">
<input type="hidden" name="ono" value="">
<input type="hidden" name="sndStoreid" value="<?=$KSPAY_STOREID?>">
<table width="900" border="0" cellspacing="1" cellpadding="6" bgcolor="#D8E4C8" align="center">
<tr>
	<td width="130" bgcolor="#F3F8EC" align="center">결제주문 인증방식</td>
	<td bgcolor="#FFFFFF">
		<input type="radio" name="certitype" value="M" checked> 안심클릭<br>
		&nbsp;&nbsp;&nbsp;&nbsp;외환·삼성·현대·신한·롯데·하나SK·씨티·농협<br>
		<input type="radio" name="certitype" value="I"> 안전결제(ISP)<br>
		&nbsp;&nbsp;&nbsp;&nbsp;비씨·국민·수협·전북·광주·우리·제주<br>
		<input type="radio" name="certitype" value="N"> 일반인증승인 (해외카드)<br>
	</td>
</tr>
<tr>
	<td colspan="2" bgcolor="#FFFFFF" align="center" height="40">
		<a href="javascript:payOrder();"><img src="/img/mypage/btn_pay_order.gif" alt="선택 주문 결제주문하기" border="0"></a>
	</td>
</tr>
</table>
</form>
<? include "../include/bottom.php"; ?>
</body>
</html>
