<?php
/*
 * mypage/order_list.php : 마이페이지 - 주문/배송 조회
 *  - 최근 3개월 주문내역, 예약결제 주문, 주문삭제
 */
header('Content-Type: text/html; charset=euc-kr');
session_start();
include_once $_SERVER["DOCUMENT_ROOT"] . "/inc/dbconn.php";

if (!isset($_SESSION["member_id"]) || $_SESSION["member_id"] == "") {
	echo "<script>alert('로그인 후 이용하세요.');location.href='/member/login.php';</script>";
	exit;
}
$member_id = mysql_real_escape_string($_SESSION["member_id"]);

// 삭제주문 처리 (입금대기 건만)
if (isset($_POST["mode"]) && $_POST["mode"] == "delete") {
	$del_no = mysql_real_escape_string($_POST["order_no"]);
	mysql_query("UPDATE tb_order SET del_yn = 'Y', del_date = NOW() WHERE order_no = '$del_no' AND member_id = '$member_id' AND status = '10'");
	echo "<script>alert('삭제주문 처리되었습니다.');location.href='order_list.php';</script>";
	exit;
}

$sql = "SELECT order_no, reserve_no, goods_name, amount, status, rcv_addr, reg_date
          FROM tb_order
         WHERE member_id = '$member_id' AND del_yn = 'N'
           AND reg_date >= DATE_SUB(NOW(), INTERVAL 3 MONTH)
         ORDER BY reg_date DESC";
$result = mysql_query($sql);

$status_name = array("10" => "입금대기", "20" => "결제완료", "30" => "배송중", "40" => "배송완료", "90" => "주문취소");
?>
<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=euc-kr">
<title>초록장터 :: 주문/배송조회</title>
<link rel="stylesheet" type="text/css" href="/css/common.css">
<script type="text/javascript">
<!--
function delOrder(no)
{
	if (!confirm("입금대기 중인 주문을 삭제하시겠습니까?")) return;
	var frm = document.listForm;
	frm.mode.value = "delete";
	frm.order_no.value = no;
	frm.submit();
}
//-->
</script>
</head>
<body leftmargin="0" topmargin="0">
<? include $_SERVER["DOCUMENT_ROOT"] . "/inc/top.php"; ?>
<table width="900" border="0" cellpadding="0" cellspacing="0" align="center">
<tr>
	<td width="180" valign="top"><? include $_SERVER["DOCUMENT_ROOT"] . "/mypage/left_menu.php"; ?></td>
	<td valign="top" style="padding-left:20px">
	<h3 style="margin:20px 0 10px 0"><img src="/img/mypage/tit_order.gif" alt="주문/배송조회"></h3>
	<form name="listForm" method="post" action="order_list.php">
	<input type="hidden" name="mode" value="">
	<input type="hidden" name="order_no" value="">
	<table width="100%" border="0" cellpadding="5" cellspacing="1" bgcolor="#D5D5D5">
	<tr bgcolor="#F7F7F7" align="center">
		<td width="130">주문번호</td>
		<td width="130">예약결제주문번호</td>
		<td>상품명 / 배송지</td>
		<td width="80">결제금액</td>
		<td width="70">상태</td>
		<td width="60">관리</td>
	</tr>
<?
if (mysql_num_rows($result) == 0) {
	echo "	<tr bgcolor=\"#FFFFFF\"><td colspan=\"6\" align=\"center\" height=\"60\">주문내역이 없습니다.</td></tr>\r\n";
}
while ($row = mysql_fetch_assoc($result)) {
?>
	<tr bgcolor="#FFFFFF">
		<td align="center"><a href="order_view.php?order_no=<?=$row["order_no"]?>"><?=$row["order_no"]?></a></td>
		<td align="center"><?=$row["reserve_no"] != "" ? $row["reserve_no"] : "-"?></td>
		<td><?=htmlspecialchars($row["goods_name"])?><br><font color="#888888" style="font-size:11px"><?=htmlspecialchars($row["rcv_addr"])?></font></td>
		<td align="right"><?=number_format($row["amount"])?>원</td>
		<td align="center"><?=$status_name[$row["status"]]?></td>
		<td align="center">
		<? if ($row["status"] == "10") { ?>
			<a href="javascript:delOrder('<?=$row["order_no"]?>');"><img src="/img/mypage/btn_del.gif" alt="삭제주문" border="0"></a>
		<? } else { ?>-<? } ?>
		</td>
	</tr>
<?
}
?>
	</table>
	</form>
	<!-- 예시 주문 (디자인 확인용, 퍼블리싱 시안) -->
	<table width="100%" border="0" cellpadding="5" cellspacing="1" bgcolor="#EEEEEE" style="margin-top:10px;display:none" id="sample_row">
	<tr bgcolor="#FFFFFF">
		<td width="130" align="center">G20120815-0032</td>
		<td width="130" align="center">R20120815-0007</td>
		<td>유기농 한라봉 5kg<br><font color="#888888" style="font-size:11px">제주특별자치도 제주시 연동 312-5 (받는분: 홍길동)</font></td>
		<td width="80" align="right">39,000원</td>
		<td width="70" align="center">배송중</td>
		<td width="60" align="center">-</td>
	</tr>
	</table>
	<div style="margin-top:10px;font-size:11px;color:#888888;line-height:18px">
	· 입금대기 상태의 주문만 삭제주문이 가능합니다.<br>
	· 예약결제주문번호는 정기배송(예약결제) 상품에만 표시됩니다.<br>
	· 배송조회는 주문번호를 클릭하신 후 상세화면에서 확인하세요.
	</div>
	<div style="margin-top:20px;border:1px solid #D5D5D5;padding:10px;background:#F5FAFF">
	<a href="/event/jeju_trip.php"><img src="/img/banner/jejuair_201208.jpg" alt="제주항공 특가 항공권 이벤트" border="0" align="left" style="margin-right:10px"></a>
	<b><font color="#FF6600">제주항공 x 초록장터 여름 이벤트</font></b><br>
	8월 한 달간 5만원 이상 구매 고객 중 추첨을 통해 제주항공 왕복 항공권과 제주도 숙박권을 드립니다.
	</div>
	</td>
</tr>
</table>
<? include $_SERVER["DOCUMENT_ROOT"] . "/inc/bottom.php"; ?>
</body>
</html>
