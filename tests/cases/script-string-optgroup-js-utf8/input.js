/**
 * card_select.js
 * 주문서 카드사 선택 상자 (인증방식별 그룹)
 * 사용: <div id="cardSelectArea"></div> 에 buildCardSelect() 결과를 넣는다.
 * 2010-11-08 작성 / 2012-04-02 NH농협카드 추가
 */
(function (window, $) {
    'use strict';

    function buildCardSelect() {
        var sel = '<select name="selectcard" id="selectcard">';
        sel += '<option value="">카드사를 선택하세요</option>';
        sel += '<optgroup label="안심클릭(MPI)">';
        sel += '<option value="03">외환카드</option>';
        sel += '<option value="04">삼성카드</option>';
        sel += '<option value="05">현대카드</option>';
        sel += '<option value="13">제주카드</option>';
        sel += '</optgroup>';
        sel += '<optgroup label="안전결제(ISP)">';
        sel += '<option value="01">비씨카드</option>';
        sel += '<option value="02">국민카드</option>';
        sel += '<option value="11">NH농협카드</option>';
        sel += '</optgroup>';
        sel += '</select>';
        return sel;
    }

    window.CardSelect = {
        render: function (target) {
            $(target).html(buildCardSelect());
        },
        value: function () {
            return $('#selectcard').val();
        }
    };
}(window, jQuery));
