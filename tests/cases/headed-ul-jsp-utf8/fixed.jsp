<%@ page contentType="text/html;charset=utf-8" pageEncoding="utf-8" %>
<%@ page import="java.util.*, com.shop.order.OrderDAO, com.shop.order.OrderVO" %>
<%
	// KSPAY 신용카드 결제 준비 페이지 - pay_card.jsp
	// 작성: 2011.10.04 (웹팀)
	request.setCharacterEncoding("utf-8");
	String orderNo = request.getParameter("order_no");
	OrderVO order = new OrderDAO().getOrder(orderNo);
	if (order == null) {
		out.println("<script>alert('주문 정보가 없습니다.'); history.back();</script>");
		return;
	}
%>
<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="ko" lang="ko">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<title>그린캠핑몰 - 신용카드 결제</title>
<link rel="stylesheet" type="text/css" href="/resources/css/base.css" />
<style type="text/css">
	.card_guide { margin-top:20px; padding:15px 20px; border:1px solid #d5e3c8; background:#f8fbf5; }
	.card_guide h4 { margin:10px 0 5px; color:#3d7a1e; font-size:12px; }
	.card_guide ul { overflow:hidden; }
	.card_guide li { float:left; width:100px; line-height:22px; }
</style>
<script type="text/javascript" src="/resources/js/jquery-1.6.4.min.js"></script>
<script type="text/javascript">
	function goPay() {
		var frm = document.frmKSPay;
		frm.target = "_self";
		frm.action = "/kspay/KSPayCreditForm.jsp";
		frm.submit();
	}
</script>
</head>
<body>
<%@ include file="/WEB-INF/include/top.jsp" %>
<div id="content">
	<h3 class="page_tit">신용카드 결제</h3>
	<form name="frmKSPay" method="post">
		<input type="hidden" name="sndOrdernumber" value="<%=order.getOrderNo()%>" />
		<input type="hidden" name="sndGoodname" value="<%=order.getGoodsName()%>" />
		<input type="hidden" name="sndAmount" value="<%=order.getPayAmount()%>" />
		<input type="hidden" name="sndOrdername" value="<%=order.getOrderName()%>" />
		<input type="hidden" name="sndEmail" value="<%=order.getEmail()%>" />
		<p class="pay_sum">결제하실 금액 : <strong><%=String.format("%,d", order.getPayAmount())%></strong>원</p>
	</form>
	<div class="card_guide">
		<h4>안심클릭 결제 가능 카드</h4>
		<ul>
			<li>외환카드</li>
			<li>삼성카드</li>
			<li>현대카드</li>
			<li>신한카드</li>
			<li>롯데카드</li>
			<li>하나SK카드</li>
			<li>씨티카드</li>
		</ul>
		<h4>안전결제(ISP) 결제 가능 카드</h4>
		<ul>
			<li>비씨카드</li>
			<li>KB국민카드</li>
			<li>수협카드</li>
			<li>전북카드</li>
			<li>광주카드</li>
			<li>제주카드</li>
		</ul>
	</div>
	<div class="delivery_info">
		<h4>배송 안내</h4>
		<ul>
			<li>제주/도서산간 지역은 추가 배송비 5,000원</li>
			<li>텐트/타프 등 대형상품은 화물 배송</li>
		</ul>
	</div>
	<div class="btn_area">
		<a href="javascript:goPay();"><img src="/resources/images/btn_pay.gif" alt="결제하기" /></a>
		<a href="/order/cart.do"><img src="/resources/images/btn_cancel.gif" alt="취소" /></a>
	</div>
</div>
<div id="footer">
	<p>그린캠핑몰 | 대표 : 오상민 | 제주특별자치도 제주시 애월읍 000-0 | Tel. 064-000-0000</p>
	<p>결제주문 및 배송 문의 : help@greencamping.co.kr</p>
</div>
</body>
</html>
