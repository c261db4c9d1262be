<%@ page contentType="text/html; charset=UTF-8" pageEncoding="UTF-8" %>
<%@ taglib prefix="c" uri="http://java.sun.com/jsp/jstl/core" %>
<%@ taglib prefix="fmt" uri="http://java.sun.com/jsp/jstl/fmt" %>
<%@ page import="com.soopmarket.order.vo.PayResultVO" %>
<%
    /*
     * 주문완료 (complete.jsp)
     *  - KSPAY 승인 성공 후 OrderController.complete 에서 forward
     */
    PayResultVO payResult = (PayResultVO) request.getAttribute("payResult");
    String orderNo = request.getParameter("orderNo");
    if (payResult == null) {
        response.sendRedirect(request.getContextPath() + "/mypage/orderList.do");
        return;
    }
%>
<c:set var="ctx" value="${pageContext.request.contextPath}" />
<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml" lang="ko" xml:lang="ko">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=UTF-8" />
<title>주문완료 | 숲속마켓</title>
<link rel="stylesheet" type="text/css" href="${ctx}/static/css/order.css" />
<script type="text/javascript" src="${ctx}/static/js/jquery-1.7.2.min.js"></script>
<script type="text/javascript">
//<![CDATA[
// 뒤로가기 방지 (중복결제 예방)
if (window.history && window.history.forward) {
    window.history.forward(1);
}
function printReceipt(trNo) {
    window.open('${ctx}/order/receipt.do?trNo=' + trNo, 'receipt', 'width=420,height=600,scrollbars=yes');
}
//]]>
</script>
</head>
<body>
<div id="wrap">
<jsp:include page="/WEB-INF/jsp/common/header.jsp" />
<div id="container">
    <ol class="order_step">
        <li>01 장바구니</li>
        <li>02 주문서작성</li>
        <li>03 결제하기</li>
        <li class="on">04 주문완료</li>
    </ol>
    <div class="complete_box">
        <h2>결제주문 완료</h2>
        <p>고객님의 결제주문이 정상적으로 완료되었습니다. 이용해 주셔서 감사합니다.</p>
    </div>
    <table class="tbl_view" summary="결제 내역">
    <colgroup><col width="150" /><col width="*" /></colgroup>
    <tbody>
    <tr>
        <th scope="row">주문번호</th>
        <td><strong><%= orderNo %></strong></td>
    </tr>
    <tr>
        <th scope="row">결제금액</th>
        <td><fmt:formatNumber value="${payResult.amount}" pattern="#,###" />원</td>
    </tr>
    <tr>
        <th scope="row">결제카드</th>
        <td><c:out value="${payResult.cardName}" />
            <c:if test="${payResult.installment ne '00'}">(${payResult.installment}개월 할부)</c:if>
            <c:if test="${payResult.installment eq '00'}">(일시불)</c:if>
        </td>
    </tr>
    <tr>
        <th scope="row">승인번호 / 승인일시</th>
        <td>${payResult.authNo} / ${payResult.tradeDate} ${payResult.tradeTime}</td>
    </tr>
    </tbody>
    </table>
    <h3 class="tit_sub">배송 안내</h3>
    <table class="tbl_view" summary="배송 정보">
    <colgroup><col width="150" /><col width="*" /></colgroup>
    <tbody>
    <tr>
        <th scope="row">받으시는 분</th>
        <td><c:out value="${payResult.rcvName}" /></td>
    </tr>
    <tr>
        <th scope="row">배송지</th>
        <td>(<c:out value="${payResult.rcvZip}" />) <c:out value="${payResult.rcvAddr}" /></td>
    </tr>
    </tbody>
    </table>
    <ul class="txt_notice">
        <li>결제완료 후 1~2일 이내에 출고됩니다. (주말/공휴일 제외)</li>
        <li>제주/도서산간 지역은 추가 배송비 3,000원이 발생하며, 제주도 배송은 2~3일 더 소요됩니다.</li>
        <li>주문 내역은 마이페이지 &gt; 주문/배송조회에서 확인하실 수 있습니다.</li>
    </ul>
    <div class="btn_area">
        <a href="javascript:printReceipt('${payResult.transactionNo}');"><img src="${ctx}/static/images/order/btn_receipt.gif" alt="카드 영수증 출력" /></a>
        <a href="${ctx}/mypage/orderList.do"><img src="${ctx}/static/images/order/btn_orderlist.gif" alt="주문내역 보기" /></a>
        <a href="${ctx}/main.do"><img src="${ctx}/static/images/order/btn_shopping.gif" alt="쇼핑 계속하기" /></a>
    </div>
</div>
<%@ include file="/common/footer.jspf" %>
</div>
</body>
</html>
