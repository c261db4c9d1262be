/*
 * pay.js : 결제 화면 공통 함수 (숲속마켓)
 *  - jQuery 1.7 이상 필요
 *  - 2012.04.10 KSPAY 소켓방식 전환 시 작성
 */
var PayUtil = (function($) {

    var locked = false;

    /** 숫자에 천단위 콤마 */
    function formatNumber(n) {
        var s = String(n).replace(/[^0-9\-]/g, '');
        return s.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    }

    /** 콤마 제거 후 숫자로 */
    function toNumber(s) {
        var n = parseInt(String(s).replace(/,/g, ''), 10);
        return isNaN(n) ? 0 : n;
    }

    /** 숫자만 입력 (onkeyup) */
    function onlyNumber(el) {
        el.value = el.value.replace(/[^0-9]/g, '');
    }

    /** 이메일 형식 확인 */
    function isEmail(s) {
        return /^[_a-zA-Z0-9\-\.]+@[a-zA-Z0-9\-]+(\.[a-zA-Z0-9\-]+)+$/.test(s);
    }

    /** 휴대폰 번호 형식 확인 (010-1234-5678, 0101234567) */
    function isMobile(s) {
        return /^01[016789]-?\d{3,4}-?\d{4}$/.test(s);
    }

    /** 문자열 바이트 길이 (한글 2바이트 기준, KSPAY 상품명 제한 확인용) */
    function byteLength(s) {
        var len = 0;
        for (var i = 0; i < s.length; i++) {
            len += (s.charCodeAt(i) > 127) ? 2 : 1;
        }
        return len;
    }

    /** 가운데 정렬 팝업 */
    function openPopup(url, name, w, h) {
        var left = (screen.width - w) / 2;
        var top = (screen.height - h) / 2;
        var win = window.open(url, name, 'width=' + w + ',height=' + h + ',left=' + left + ',top=' + top + ',scrollbars=no,status=yes');
        if (win == null) {
            alert('팝업이 차단되어 있습니다.\n팝업차단을 해제한 후 다시 시도해 주세요.');
            return null;
        }
        win.focus();
        return win;
    }

    /** ISP 플러그인 로드 확인 */
    function pluginReady() {
        if (typeof window.MakePayMessage === 'undefined') {
            alert('안전결제(ISP) 프로그램이 설치되어 있지 않습니다.\n설치 후 다시 시도해 주세요.');
            return false;
        }
        return true;
    }

    /** 중복 클릭 방지 */
    function lockButton(sel) {
        if (locked) return false;
        locked = true;
        $(sel).css('opacity', 0.5).attr('disabled', 'disabled');
        return true;
    }

    function unlockButton(sel) {
        locked = false;
        $(sel).css('opacity', 1).removeAttr('disabled');
    }

    return {
        formatNumber: formatNumber,
        toNumber: toNumber,
        onlyNumber: onlyNumber,
        isEmail: isEmail,
        isMobile: isMobile,
        byteLength: byteLength,
        openPopup: openPopup,
        pluginReady: pluginReady,
        lockButton: lockButton,
        unlockButton: unlockButton
    };
})(jQuery);
