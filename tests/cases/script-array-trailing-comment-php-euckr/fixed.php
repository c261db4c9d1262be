<?php
/*
 * 카드결제 (pay_card.php)
 * 카드사별 인증방식 분기: 안심클릭(V3D) / 안전결제(ISP)
 * 2010.05.11 최초작성, 2012.02.20 카드사 코드 DB화
 */
header('Content-Type: text/html; charset=euc-kr');
include_once("./_common.php");
include_once($g4['path']."/kspay/KSPayCfg.inc");

$od = sql_fetch(" select * from {$g4['yc4_order_table']} where od_id = '$od_id' ");
if (!$od['od_id']) alert("주문정보가 존재하지 않습니다.");
$card_result = sql_query(" select cd_code, cd_name from shop_card_code where cd_use = '1' order by cd_sort ");
?>
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=euc-kr">
<title><?=$default['de_admin_company_name']?> - 카드결제</title>
<link rel="stylesheet" href="<?=$g4['path']?>/style.css" type="text/css">
<script type="text/javascript" src="<?=$KSPAY_ISP_JS?>"></script>
<script type="text/javascript">
// 카드사 코드는 shop_card_code 테이블 참고
var MPI_CARDS = ["1", "2", "6"]; // 16: 제주
var ISP_CARDS = ["3", "4", "7", "16"];

function next()
{
	var f = document.payform;
	var code = f.selectcard.value;

	if (code == "") {
		alert("카드사를 선택하십시오.");
		f.selectcard.focus();
		return;
	}
	if (MPI_CARDS.indexOf(code) != -1) submitV3d();
	else submitISP();
}

function submitISP()
{
	var f = document.payform;
	f.certitype.value = "I";
	f.KVP_CARDCODE.value = f.selectcard.value;
	if (MakePayMessage(f)) {
		f.action = "./kspay_result.php";
		f.submit();
	}
}

function submitV3d()
{
	var f = document.payform;
	f.certitype.value = "M";
	f.cardcode.value = f.selectcard.value;
	window.open("", "KSPAY_V3D", "width=420,height=480");
	f.target = "KSPAY_V3D";
	f.action = "https://kspay.ksnet.to/store/mb2/V3DAuth.jsp";
	f.submit();
}
</script>
</head>
<body>
<? include_once("./_head.php"); ?>
<form name="payform" method="post">
<input type="hidden" name="certitype" value="">
<input type="hidden" name="cardcode" value="">
<input type="hidden" name="KVP_CARDCODE" value="">
<input type="hidden" name="sndStoreid" value="<?=$KSPAY_STOREID?>">
<input type="hidden" name="sndOrdernumber" value="<?=$od['od_id']?>">
<input type="hidden" name="sndAmount" value="<?=$od['od_receipt_card']?>">
<table width="100%" cellpadding="4" cellspacing="1" bgcolor="#dddddd">
<tr bgcolor="#ffffff">
	<td width="120" bgcolor="#f7f7f7">주문번호</td>
	<td><?=$od['od_id']?></td>
</tr>
<tr bgcolor="#ffffff">
	<td bgcolor="#f7f7f7">결제금액</td>
	<td><b><?=number_format($od['od_receipt_card'])?></b>원</td>
</tr>
<tr bgcolor="#ffffff">
	<td bgcolor="#f7f7f7">카드선택</td>
	<td>
		<select name="selectcard">
			<option value="">카드사를 선택하세요</option>
<? while ($row = sql_fetch_array($card_result)) { ?>
			<option value="<?=$row['cd_code']?>"><?=$row['cd_name']?></option>
<? } ?>
		</select>
	</td>
</tr>
</table>
<p align="center"><input type="image" src="<?=$g4['shop_img_path']?>/btn_pay.gif" onclick="next(); return false;"></p>
</form>
<? include_once("./_tail.php"); ?>
</body>
</html>
