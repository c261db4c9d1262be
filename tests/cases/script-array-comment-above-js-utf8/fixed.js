/*
 * order_pay.js - 주문서 카드결제 (KSPAY 소켓 모듈 연동)
 * 사용처: /order/orderform.jsp, /order/re_pay.jsp
 * 수정이력
 *   2011-07-04 신규
 *   2012-06-18 농협카드 분리(11 -> 11, 12)
 */
var PAY = PAY || {};

// 안심클릭(MPI) 인증 카드사
// 1 삼성, 2 현대, 6 신한, 8 롯데, 16(제주)
PAY.mpiCodes = new Array('1', '2', '6', '8');
// 안전결제(ISP) 인증 카드사: 3 국민, 4 비씨, 7 우리, 11 농협, 12 NH농협
PAY.ispCodes = new Array('3', '4', '7', '11', '12', '16');

PAY.submitISP = function (frm) {
    frm.certitype.value = 'I';
    frm.KVP_CARDCODE.value = frm.selectcard.value;
    if (!MakePayMessage(frm)) {
        return false;
    }
    frm.target = '_self';
    frm.action = '/order/kspay/KSPayCreditPost.jsp';
    frm.submit();
    return true;
};

PAY.submitV3d = function (frm) {
    frm.certitype.value = 'M';
    frm.cardcode.value = frm.selectcard.value;
    window.open('', 'KSPAY_V3D', 'width=420,height=480,scrollbars=no');
    frm.target = 'KSPAY_V3D';
    frm.action = 'https://kspay.ksnet.to/store/mb2/V3DAuth.jsp';
    frm.submit();
    return true;
};

PAY.next = function (frm) {
    var code = $(frm.selectcard).val();
    if (!code) {
        alert('결제하실 카드사를 선택해 주세요.');
        return false;
    }
    if ($.inArray(code, PAY.ispCodes) > -1) {
        return PAY.submitISP(frm);
    } else {
        return PAY.submitV3d(frm);
    }
};

$(document).ready(function () {
    $('#btnCardPay').on('click', function () {
        return PAY.next(document.orderForm);
    });
});
