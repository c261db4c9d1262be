<%@ page contentType="text/html;charset=euc-kr" %>
<%@ page import="java.util.*, com.shop.order.*" %>
<%
	/*
	 * KSPAY 신용카드 결제 요청 (card_request.jsp)
	 * 2008-10-01 최초 작성 / 2011-04-18 인증 안내 영역 추가
	 */
	request.setCharacterEncoding("euc-kr");
	OrderBean order = (OrderBean) session.getAttribute("ORDER");
	if (order == null) {
		response.sendRedirect("/order/cart.jsp");
		return;
	}
%>
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=euc-kr">
<title>한빛문구 - 신용카드 결제</title>
<link rel="stylesheet" href="/css/shop.css" type="text/css">
</head>
<body>
<%@ include file="/include/top.jsp" %>
<table width="700" border="0" cellspacing="0" cellpadding="0" align="center">
<tr>
	<td class="box">
		<p><strong>안심 클릭 인증</strong></p>
		<p>삼성 · 현대 · 제주 · 신한</p>
		<p><strong>ISP 인증</strong></p>
		<p>비씨 · 국민 · 우리</p>
		<p class="gray">※ 결제금액 30만원 이상은 공인인증서가 추가로 필요합니다.</p>
	</td>
</tr>
<tr>
	<td align="center" style="padding-top:12px">
		<form name="KSPayWeb" method="post" action="/kspay/KSPayCreditForm.jsp">
		<input type="hidden" name="sndOrdernumber" value="<%=order.getOrderNo()%>">
		<input type="hidden" name="sndAmount" value="<%=order.getTotalPrice()%>">
		<input type="submit" value=" 결제하기 " class="btn">
		</form>
	</td>
</tr>
</table>
<%@ include file="/include/bottom.jsp" %>
</body>
</html>
