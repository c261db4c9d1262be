<%@ page contentType="text/html; charset=UTF-8" pageEncoding="UTF-8" %>
<%@ taglib prefix="c" uri="http://java.sun.com/jsp/jstl/core" %>
<%@ taglib prefix="fmt" uri="http://java.sun.com/jsp/jstl/fmt" %>
<%@ page import="com.soopmarket.order.vo.OrderVO" %>
<%@ page import="com.soopmarket.common.util.StringUtil" %>
<%
    /*
     * 결제하기 (payment.jsp)
     *  - 주문서(OrderController.orderForm) 에서 forward
     *  - 카드사 선택 -> 안심클릭(MPI) / 안전결제(ISP) 인증 후 KSPAY 소켓 승인
     *  - 2012.04.10 KSPAY 소켓방식으로 변경 (기존 결제창 방식 폐기)
     */
    request.setCharacterEncoding("UTF-8");
    OrderVO order = (OrderVO) request.getAttribute("order");
    String orderNo   = StringUtil.nvl(request.getParameter("orderNo"), order.getOrderNo());
    String storeId   = (String) application.getAttribute("KSPAY_STOREID");
    String replyUrl  = request.getScheme() + "://" + request.getServerName() + request.getContextPath() + "/order/kspayReply.do";
    String userAgent = StringUtil.nvl(request.getHeader("User-Agent"), "");
    boolean isMobile = userAgent.indexOf("iPhone") > -1 || userAgent.indexOf("Android") > -1;
%>
<c:set var="ctx" value="${pageContext.request.contextPath}" />
<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml" lang="ko" xml:lang="ko">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=UTF-8" />
<title>결제하기 | 숲속마켓</title>
<link rel="stylesheet" type="text/css" href="${ctx}/static/css/order.css" />
<script type="text/javascript" src="${ctx}/static/js/jquery-1.7.2.min.js"></script>
<script type="text/javascript" src="${ctx}/static/js/pay.js"></script>
<script type="text/javascript" src="${ctx}/kspay/isp/kvp_plugin.js"></script>
<script type="text/javascript">
//<![CDATA[
$(function() {
    $('#btnPay').click(function() {
        var $sel = $('#cardCode');
        if ($sel.val() == '') {
            alert('결제하실 카드사를 선택해 주세요.');
            $sel.focus();
            return false;
        }
        // 선택한 카드가 속한 optgroup 으로 인증방식 결정
        var group = $sel.find('option:selected').parent().attr('label') || '';
        var f = document.payForm;
        f.cardcode.value = $sel.val();
        if (group.indexOf('ISP') > -1) {
            f.certitype.value = 'I';
            f.KVP_CARDCODE.value = $sel.val();
            if (!PayUtil.pluginReady()) return false;
            if (MakePayMessage(f)) {
                PayUtil.lockButton('#btnPay');
                f.action = '${ctx}/order/kspayApprove.do';
                f.submit();
            }
        } else {
            f.certitype.value = 'M';
            PayUtil.openPopup('', 'KSPAY_V3D', 420, 480);
            f.target = 'KSPAY_V3D';
            f.action = '${ctx}/kspay/v3d/KSPayV3dReq.jsp';
            f.submit();
        }
        return false;
    });
});
//]]>
</script>
</head>
<body>
<div id="wrap">
<jsp:include page="/WEB-INF/jsp/common/header.jsp" />
<div id="container">
    <h2 class="tit_order"><img src="${ctx}/static/images/order/tit_payment.gif" alt="결제하기" /></h2>
    <form name="payForm" method="post" action="">
    <input type="hidden" name="certitype"      value="" />
    <input type="hidden" name="cardcode"       value="" />
    <input type="hidden" name="sndStoreid"     value="<%= storeId %>" />
    <input type="hidden" name="sndOrdernumber" value="<%= orderNo %>" />
    <input type="hidden" name="sndGoodname"    value="<c:out value="${order.goodsName}" />" />
    <input type="hidden" name="sndAmount"      value="${order.payAmount}" />
    <input type="hidden" name="sndOrdername"   value="<c:out value="${order.ordererName}" />" />
    <input type="hidden" name="sndEmail"       value="<c:out value="${order.ordererEmail}" />" />
    <input type="hidden" name="sndMobile"      value="${order.ordererMobile}" />
    <input type="hidden" name="sndReply"       value="<%= replyUrl %>" />
    <input type="hidden" name="KVP_PGID"       value="A0029" />
    <input type="hidden" name="KVP_GOODNAME"   value="<c:out value="${order.goodsName}" />" />
    <input type="hidden" name="KVP_PRICE"      value="${order.payAmount}" />
    <input type="hidden" name="KVP_CURRENCY"   value="WON" />
    <input type="hidden" name="KVP_CARDCODE"   value="" />
    <input type="hidden" name="KVP_SESSIONKEY" value="" />
    <input type="hidden" name="KVP_ENCDATA"    value="" />
    <table class="tbl_form" summary="결제정보 입력">
    <colgroup><col width="150" /><col width="*" /></colgroup>
    <tbody>
    <tr>
        <th scope="row">주문번호</th>
        <td><%= orderNo %></td>
    </tr>
    <tr>
        <th scope="row">결제금액</th>
        <td><strong class="price"><fmt:formatNumber value="${order.payAmount}" pattern="#,###" /></strong>원</td>
    </tr>
    <tr>
        <th scope="row"><label for="cardCode">카드사 선택</label></th>
        <td>
            <select name="cardCode" id="cardCode" title="카드사 선택">
                <option value="">카드사를 선택하세요</option>
                <optgroup label="안심클릭(MPI)">
                    <option value="03">외환카드</option>
                    <option value="04">삼성카드</option>
                    <option value="08">현대카드</option>
                    <option value="05">신한카드</option>
                    <option value="09">롯데카드</option>
                    <option value="24">하나SK카드</option>
                    <option value="11">씨티카드</option>
                    <option value="13">제주카드</option>
                    <option value="17">NH농협카드</option>
                </optgroup>
                <optgroup label="안전결제(ISP)">
                    <option value="0100">BC카드</option>
                    <option value="0204">KB국민카드</option>
                    <option value="1800">수협카드</option>
                    <option value="1600">전북카드</option>
                    <option value="1500">광주카드</option>
                    <option value="0700">우리카드</option>
                </optgroup>
            </select>
        </td>
    </tr>
    <tr>
        <th scope="row"><label for="installment">할부기간</label></th>
        <td>
            <select name="installment" id="installment">
                <option value="00">일시불</option>
                <c:if test="${order.payAmount >= 50000}">
                <c:forEach var="m" begin="2" end="12">
                <option value="<fmt:formatNumber value="${m}" pattern="00" />">${m}개월</option>
                </c:forEach>
                </c:if>
            </select>
        </td>
    </tr>
    </tbody>
    </table>
    <% if (isMobile) { %>
    <p class="txt_notice">※ 모바일 기기에서는 일부 카드의 결제가 제한될 수 있습니다.</p>
    <% } %>
    <p class="txt_notice">※ 인증창이 새 창으로 열리니 팝업차단을 해제해 주세요.</p>
    <div class="btn_area">
        <a href="#" id="btnPay"><img src="${ctx}/static/images/order/btn_pay.gif" alt="결제하기" /></a>
        <a href="${ctx}/order/cart.do"><img src="${ctx}/static/images/order/btn_cancel.gif" alt="취소" /></a>
    </div>
    </form>
</div>
<%@ include file="/common/footer.jspf" %>
</div>
</body>
</html>
