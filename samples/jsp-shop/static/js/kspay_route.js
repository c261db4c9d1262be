/*
 * kspay_route.js : 카드사 코드별 인증방식 분기 (숲속마켓)
 *  - 카드 선택 -> 안심클릭(MPI) 이면 submitV3d(), 안전결제(ISP) 이면 submitISP()
 *  - 카드코드는 KSNET 2012.03 카드코드표 기준
 *  - pay.js (PayUtil) 이후에 로드할 것
 */

// 카드코드 -> 카드사명 (결제확인 문구, 로그용)
var CARD_NAMES = {
    "0100": "BC카드",
    "0204": "국민카드",
    "1800": "수협카드",
    "0300": "외환카드",
    "0400": "삼성카드",
    "0500": "현대카드",
    "13": "제주카드"
};

// 인증방식별 카드코드
var MPI_CARDS = ["0300", "0400", "0500", "13"];
var ISP_CARDS = ["0100", "0204", "1800"];

/** 카드코드로 인증방식(certitype) 결정 : I(ISP) / M(안심클릭) / "" */
function getCertType(code) {
    if ($.inArray(code, ISP_CARDS) > -1) {
        return "I";
    }
    if ($.inArray(code, MPI_CARDS) > -1) {
        return "M";
    }
    return "";
}

/** 카드사명 (없으면 코드 그대로) */
function getCardName(code) {
    return CARD_NAMES[code] ? CARD_NAMES[code] : code;
}

/** 카드 선택 select 채우기 (인증방식별 optgroup) */
function buildCardSelect(sel) {
    var groups = [
        { label: "안심클릭(MPI)", codes: MPI_CARDS },
        { label: "안전결제(ISP)", codes: ISP_CARDS }
    ];
    sel.options.length = 0;
    sel.options[0] = new Option("카드사를 선택하세요", "");
    for (var g = 0; g < groups.length; g++) {
        var og = document.createElement("optgroup");
        og.label = groups[g].label;
        for (var i = 0; i < groups[g].codes.length; i++) {
            var code = groups[g].codes[i];
            var opt = document.createElement("option");
            opt.value = code;
            opt.text = getCardName(code);
            og.appendChild(opt);
        }
        sel.appendChild(og);
    }
}

/** 결제 버튼 : 선택한 카드의 인증방식으로 분기 */
function routePay(frm) {
    var code = frm.cardCode.value;
    if (code == "") {
        alert("결제하실 카드를 선택해 주세요.");
        frm.cardCode.focus();
        return false;
    }
    if (!PayUtil.lockButton("#btnPay")) {
        return false;
    }
    var certType = getCertType(code);
    frm.certitype.value = certType;
    if (certType == "I") {
        if (!PayUtil.pluginReady()) {
            PayUtil.unlockButton("#btnPay");
            return false;
        }
        submitISP(frm);
    } else if (certType == "M") {
        submitV3d(frm);
    } else {
        alert(getCardName(code) + " 은(는) 온라인 결제를 지원하지 않습니다.");
        PayUtil.unlockButton("#btnPay");
        return false;
    }
    return true;
}
