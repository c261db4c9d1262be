/*****************************************************************
 * pay_card.js - 신용카드 결제 스크립트 (KSPAY 소켓 모듈)
 * 한울스포츠 쇼핑몰 / 카드결제 페이지(card_pay.asp)에서 사용
 * 작성: 2010.07.12  수정: 2012.02.08 (광주카드 추가)
 *****************************************************************/

// 카드사 코드표
var cardName = {
	"0100": "비씨",
	"0204": "국민",
	"1800": "수협",
	"1600": "전북",
	"1500": "광주",
	"0300": "외환",
	"0400": "삼성",
	"0500": "현대",
	"0600": "신한",
	"0800": "롯데",
	"13": "제주",
	"1100": "NH농협"
};

// 할부 가능 최소 금액
var MIN_QUOTA_AMOUNT = 50000;

function trim(str) {
	return str.replace(/^\s+|\s+$/g, "");
}

function setQuota(frm) {
	var amount = parseInt(frm.sndAmount.value, 10);
	var sel = frm.sndInstallmenttype;
	sel.disabled = (amount < MIN_QUOTA_AMOUNT);
	if (sel.disabled) {
		sel.selectedIndex = 0;
	}
}

function cardPay() {
	var frm = document.KSPayAuthForm;
	var cardCode = trim(frm.selectcard.value);

	if (cardCode == "") {
		alert("카드사를 선택해 주십시오.");
		frm.selectcard.focus();
		return;
	}
	if (!frm.agree.checked) {
		alert("결제대행 서비스 약관에 동의해 주십시오.");
		return;
	}
	frm.sndCardname.value = cardName[cardCode] + "카드";

	// 카드사별 인증방식
	switch (cardCode) {
	case "0100":
	case "0204":
	case "1800":
		submitISP();
		break;
	default:
		submitV3d();
		break;
	}
}

function submitISP() {
	var frm = document.KSPayAuthForm;
	frm.certitype.value = "I";
	frm.KVP_CARDCODE.value = frm.selectcard.value;
	if (MakePayMessage(frm) == true) {
		frm.target = "_self";
		frm.action = "/kspay/KSPayCreditPost.asp";
		frm.submit();
	} else {
		alert("안전결제 인증이 취소되었습니다.");
	}
}

function submitV3d() {
	var frm = document.KSPayAuthForm;
	frm.certitype.value = "M";
	frm.cardcode.value = frm.selectcard.value;
	var win = window.open("", "KSPAY_V3D", "width=420,height=480,toolbar=no,status=no");
	if (win == null) {
		alert("팝업 차단을 해제한 후 다시 시도해 주십시오.");
		return;
	}
	frm.target = "KSPAY_V3D";
	frm.action = "https://kspay.ksnet.to/store/mb2/V3DAuth.jsp";
	frm.submit();
}
