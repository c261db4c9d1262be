<%@ page language="java" contentType="text/html; charset=UTF-8" pageEncoding="UTF-8"%>
<%@ taglib prefix="c" uri="http://java.sun.com/jsp/jstl/core" %>
<%@ taglib prefix="fmt" uri="http://java.sun.com/jsp/jstl/fmt" %>
<%
	// 주문/결제 > 결제수단 (orderPayment.jsp)
	// 2012.09.03 카드 결제 안내 문구 수정 - 웹디자인팀
	String orderNo = (String) request.getAttribute("orderNo");
	long payAmount = ((Long) request.getAttribute("payAmount")).longValue();
%>
<!DOCTYPE html>
<html lang="ko">
<head>
<meta charset="UTF-8">
<title>숲속향기 | 주문/결제</title>
<link rel="stylesheet" href="/resources/css/order.css?v=20120903">
<script src="/resources/js/jquery-1.7.2.min.js"></script>
<script>
$(function () {
	$("#btnPay").click(function () {
		if (!$("#agreeAll").is(":checked")) {
			alert("필수 약관에 동의해 주세요.");
			return false;
		}
		$("#orderForm").attr("action", "/kspay/KSPayWeb.jsp").submit();
	});
});
</script>
</head>
<body>
<jsp:include page="/WEB-INF/views/common/header.jsp" />
<div class="order_step"><span>01 장바구니</span> &gt; <span>02 주문서 작성</span> &gt; <strong>03 결제</strong></div>
<form id="orderForm" name="orderForm" method="post">
<input type="hidden" name="sndOrdernumber" value="<%= orderNo %>">
<input type="hidden" name="sndAmount" value="<%= payAmount %>">
<div class="pay_box">
	<h3>결제 금액 <em><fmt:formatNumber value="${payAmount}" pattern="#,###" />원</em></h3>
	<div class="card_guide">
		<h4>신용카드 결제 안내</h4>
		<ul class="guide_list">
			<li>안심 클릭 결제?<br>
				(삼성/현대/신한/롯데/하나SK/제주은행)</li>
			<li>안전결제(ISP)?<br>
				(국민/BC/우리/수협/광주)</li>
			<li>무료배송?<br>
				(제주/도서산간 지역 제외)</li>
			<li>30만원 이상 결제 시 공인인증서가 필요합니다.</li>
		</ul>
	</div>
	<c:if test="${not empty coupon}">
	<p class="coupon">적용 쿠폰 : ${coupon.name}</p>
	</c:if>
	<p class="agree"><input type="checkbox" id="agreeAll"> <label for="agreeAll">주문 상품 정보 및 결제 대행 서비스 이용약관에 모두 동의합니다.</label></p>
	<p class="btn"><a href="#" id="btnPay" class="btn_pay">결제하기</a></p>
</div>
</form>
<jsp:include page="/WEB-INF/views/common/footer.jsp" />
</body>
</html>
