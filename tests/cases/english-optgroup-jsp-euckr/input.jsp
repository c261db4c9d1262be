<%@ page contentType="text/html;charset=euc-kr" pageEncoding="euc-kr" %>
<%@ include file="/WEB-INF/jsp/common/session.jspf" %>
<%
	String orderNo = (String) session.getAttribute("orderNo");
	if (orderNo == null) { response.sendRedirect("/en/cart.jsp"); return; }
%>
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=euc-kr">
<title>Hallasan Tea | Checkout</title>
</head>
<body>
<div class="checkout">
	<h3>Payment (결제)</h3>
	<p class="ship">Free shipping over KRW 30,000 (Jeju and islands: +3,000 KRW)</p>
	<form name="payForm" method="post" action="/en/kspay/KSPayForm.jsp">
	<input type="hidden" name="orderNo" value="<%= orderNo %>">
	<select name="cardCode">
		<optgroup label="3-D Secure (MPI)">
		<option value="04">SAMSUNG CARD</option>
		<option value="06">HYUNDAI CARD</option>
		<option value="16">JEJU CARD</option>
		<option value="08">LOTTE CARD</option>
		</optgroup>
		<optgroup label="ISP (Internet Secure Payment)">
		<option value="01">BC CARD</option>
		<option value="02">KB KOOKMIN CARD</option>
		<option value="11" selected>NH NONGHYUP CARD</option>
		</optgroup>
	</select>
	<input type="submit" value="Pay">
	</form>
</div>
<div class="footer">Hallasan Tea Co. | 제주특별자치도 제주시 1100로 2070</div>
</body>
</html>
