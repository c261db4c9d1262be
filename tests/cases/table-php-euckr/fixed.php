<?php
/*
 * KSPAY 결제요청 (KSPayForm.php)
 * 2011.03.14 최초작성 / 2012.09.03 카드사별 인증방식 안내표 추가
 */
header('Content-Type: text/html; charset=euc-kr');
session_start();
include_once "../lib/dbconn.php";
include_once "../lib/shop_config.php";

$od_id = isset($_GET['od_id']) ? preg_replace('/[^0-9]/', '', $_GET['od_id']) : '';
$od    = sql_fetch("select * from shop_order where od_id = '$od_id'");
if (!$od['od_id']) {
    alert("주문정보가 존재하지 않습니다.", "/shop/cart.php");
}
$goodname = $od['od_goods_name'];
$amount   = (int)$od['od_receipt_amount'];
?>
<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=euc-kr">
<title>초록마당 유기농 :: 결제하기</title>
<link rel="stylesheet" href="/css/default.css" type="text/css">
<script type="text/javascript" src="/js/common.js"></script>
<script type="text/javascript">
function goPay(f) {
    var method = "";
    for (var i = 0; i < f.paymethod.length; i++) {
        if (f.paymethod[i].checked) method = f.paymethod[i].value;
    }
    if (method == "") {
        alert("결제수단을 선택하세요.");
        return false;
    }
    f.action = (method == "card") ? "./KSPayCreditForm.php" : "./KSPayBankForm.php";
    return true;
}
</script>
</head>
<body topmargin="0" leftmargin="0">
<?php include "../inc/head.php"; ?>
<div id="container">
<h3 class="sub_title"><img src="/img/sub/tit_order_pay.gif" alt="결제하기"></h3>
<form name="KSPayForm" method="post" onsubmit="return goPay(this);">
<input type="hidden" name="sndStoreid" value="<?=$default['de_kspay_mid']?>">
<input type="hidden" name="sndOrdernumber" value="<?=$od['od_id']?>">
<input type="hidden" name="sndGoodname" value="<?=htmlspecialchars($goodname)?>">
<input type="hidden" name="sndAmount" value="<?=$amount?>">
<input type="hidden" name="sndOrdername" value="<?=htmlspecialchars($od['od_name'])?>">
<input type="hidden" name="sndEmail" value="<?=$od['od_email']?>">
<input type="hidden" name="sndMobile" value="<?=$od['od_hp']?>">
<table width="640" border="0" cellpadding="6" cellspacing="1" bgcolor="#d9d9d9">
    <tr bgcolor="#ffffff">
        <td width="130" bgcolor="#f4f4f4">주문번호</td>
        <td><?=$od['od_id']?></td>
    </tr>
    <tr bgcolor="#ffffff">
        <td bgcolor="#f4f4f4">상품명</td>
        <td><?=$goodname?></td>
    </tr>
    <tr bgcolor="#ffffff">
        <td bgcolor="#f4f4f4">결제금액</td>
        <td><b><?=number_format($amount)?></b>원</td>
    </tr>
    <tr bgcolor="#ffffff">
        <td bgcolor="#f4f4f4">결제수단</td>
        <td>
            <input type="radio" name="paymethod" value="card" checked> 신용카드
            <input type="radio" name="paymethod" value="bank"> 실시간 계좌이체
        </td>
    </tr>
</table>
<p style="margin:15px 0 5px 0;"><b>카드사별 인증방식 안내</b></p>
<table width="640" border="0" cellpadding="6" cellspacing="1" bgcolor="#d9d9d9">
    <tr bgcolor="#ffffff">
        <td width="130" bgcolor="#f4f4f4">안심클릭</td>
        <td>외환, 삼성, 현대, 신한, 롯데, 하나, 씨티</td>
    </tr>
    <tr bgcolor="#ffffff">
        <td bgcolor="#f4f4f4">안전결제(ISP)</td>
        <td>비씨, 국민, 수협, 전북, 광주, 제주</td>
    </tr>
    <tr bgcolor="#ffffff">
        <td bgcolor="#f4f4f4">배송안내</td>
        <td>제주/도서산간 지역은 3,000원의 추가 배송비가 부과됩니다.</td>
    </tr>
</table>
<p class="pay_notice">
    ※ 결제주문 완료 후에는 마이페이지 &gt; 주문내역에서 확인하실 수 있습니다.<br>
    ※ 30만원 이상 결제시에는 공인인증서가 필요합니다.
</p>
<div class="btn_area">
    <input type="image" src="/img/btn/btn_pay.gif" alt="결제하기">
    <a href="/shop/orderform.php?od_id=<?=$od_id?>"><img src="/img/btn/btn_cancel.gif" alt="취소" border="0"></a>
</div>
</form>
</div>
<div id="footer">
    <p>상호 : 초록마당 | 대표 : 김영희 | 사업자등록번호 : 616-81-00000</p>
    <p>주소 : 제주특별자치도 제주시 연동 123-4 | 고객센터 : 064-000-0000</p>
    <p>Copyright &copy; 2012 초록마당. All rights reserved.</p>
</div>
</body>
</html>
