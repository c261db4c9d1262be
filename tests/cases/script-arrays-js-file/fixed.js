/**
 * kspay_route.js
 * KSPAY 통합 카드결제창(certitype IM) - 카드사별 인증방식 분기
 *
 * 사용: /order/pay_card.php 에서
 *   <script type="text/javascript" src="/js/kspay_route.js"></script>
 * 필요: jQuery 1.7 이상, KSPAY ISP 스크립트(MakePayMessage)
 *
 * 2012-03-05 최초 작성
 * 2012-10-17 수협카드 ISP 추가
 */

// 카드사 코드 -> 카드사명
var CARD_NAMES = {
    '0100': 'BC카드',
    '0204': '국민카드',
    '0300': '외환카드',
    '0400': '삼성카드',
    '0500': '현대카드',
    '13': '제주카드',
    '1800': '수협카드'
};

// 안심클릭(MPI) 인증 카드사
var MPI_CARDS = ['0300', '0400', '0500'];
// 안전결제(ISP) 인증 카드사
var ISP_CARDS = ['0100', '0204', '1800', '13'];

var V3D_URL = 'https://kspay.ksnet.to/store/mb2/V3DAuth.jsp';
var POST_URL = '/order/kspay/KSPayCreditPost.php';

function getCardName(code) {
    return CARD_NAMES[code] || '';
}

// 카드사 선택 목록 채우기
function fillCardSelect(sel) {
    var code;
    sel.options.length = 0;
    sel.options[0] = new Option('카드사를 선택하세요', '');
    for (code in CARD_NAMES) {
        if (CARD_NAMES.hasOwnProperty(code)) {
            sel.options[sel.options.length] = new Option(CARD_NAMES[code], code);
        }
    }
}

function submitISP(frm) {
    frm.certitype.value = 'I';
    frm.KVP_CARDCODE.value = frm.selectcard.value;
    if (!MakePayMessage(frm)) {
        return false;
    }
    frm.target = '';
    frm.action = POST_URL;
    frm.submit();
    return true;
}

function submitV3d(frm) {
    frm.certitype.value = 'M';
    frm.cardcode.value = frm.selectcard.value;
    window.open('', 'KSPAY_V3D', 'width=420,height=480,status=no,scrollbars=no');
    frm.target = 'KSPAY_V3D';
    frm.action = V3D_URL;
    frm.submit();
    return true;
}

// 결제하기 버튼
function next(frm) {
    var code = $(frm.selectcard).val();

    if (code == '') {
        alert('결제하실 카드사를 선택해 주세요.');
        frm.selectcard.focus();
        return false;
    }
    if ($.inArray(code, MPI_CARDS) > -1) {
        return submitV3d(frm);
    } else if ($.inArray(code, ISP_CARDS) > -1) {
        return submitISP(frm);
    } else {
        alert(getCardName(code) + '는 현재 결제하실 수 없습니다.\n다른 카드를 선택해 주세요.');
        return false;
    }
}

$(function () {
    var frm = document.payForm;
    if (!frm || !frm.selectcard) {
        return;
    }
    fillCardSelect(frm.selectcard);
    $('#btnPay').click(function () {
        next(frm);
        return false;
    });
});
