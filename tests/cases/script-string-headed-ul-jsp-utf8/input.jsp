<%@ page contentType="text/html; charset=UTF-8" pageEncoding="UTF-8" %>
<%@ include file="/WEB-INF/jsp/common/taglibs.jsp" %>
<%
    String orderId = request.getParameter("orderId");
    String shopName = (String) application.getAttribute("shopName");
%>
<!DOCTYPE html>
<html lang="ko">
<head>
<meta charset="UTF-8">
<title><%= shopName %> - 카드 결제 안내</title>
<link rel="stylesheet" href="${ctx}/css/order.css">
<script src="${ctx}/js/jquery-1.11.3.min.js"></script>
<script>
    // 결제 안내 팝업: 카드사별 인증 방식
    function openCardInfo() {
        var html = '';
        html += '<div class="card_info">';
        html += '<p class="info_tit"><%= shopName %> 카드 결제 안내</p>';
        html += '<h4>안심클릭 결제 카드</h4><ul class="card_list">';
        html += '<li>삼성카드</li>';
        html += '<li>현대카드</li>';
        html += '<li>신한카드</li>';
        html += '<li>제주카드</li>';
        html += '</ul>';
        html += '<h4>안전결제(ISP) 결제 카드</h4><ul class="card_list">';
        html += '<li>국민카드</li>';
        html += '<li>비씨카드</li>';
        html += '<li>우리카드</li>';
        html += '</ul>';
        html += '</div>';
        $('#cardInfoLayer').html(html).show();
    }

    $(function () {
        $('#btnCardInfo').on('click', function (e) {
            e.preventDefault();
            openCardInfo();
        });
        $('#cardInfoLayer').on('click', function () {
            $(this).hide();
        });
    });
</script>
</head>
<body>
<jsp:include page="/WEB-INF/jsp/common/header.jsp" />
<div id="content">
    <h3 class="sub_tit">결제하기</h3>
    <form name="payForm" method="post" action="${ctx}/order/pay.do">
        <input type="hidden" name="orderId" value="<%= orderId %>">
        <p>
            <label><input type="radio" name="payMethod" value="CARD" checked> 신용카드</label>
            <a href="#" id="btnCardInfo">카드 결제 안내</a>
        </p>
        <div id="cardInfoLayer" style="display:none"></div>
        <p class="btn_area"><button type="submit">결제하기</button></p>
    </form>
</div>
<jsp:include page="/WEB-INF/jsp/common/footer.jsp" />
</body>
</html>
