<%@ page contentType="text/html; charset=UTF-8" pageEncoding="UTF-8" %>
<%@ include file="/WEB-INF/jsp/common/taglib.jspf" %>
<%
	String orderNo = request.getParameter("orderNo");
	long amount = ((Long) request.getAttribute("amount")).longValue();
%>
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=UTF-8">
<title>북스토리 - 카드 결제</title>
</head>
<body>
<form name="payForm" method="post" action="/order/kspay/authorize.do">
<input type="hidden" name="orderNo" value="<%= orderNo %>">
<input type="hidden" name="certitype" value="">
<table class="pay">
	<tr>
		<th>결제금액</th>
		<td><%= String.format("%,d", amount) %>원</td>
	</tr>
</table>
<div class="cardGuide">
	<dl>
		<dt>안심클릭</dt>
		<dd>외환카드</dd>
		<dd>삼성카드</dd>
		<dd>현대카드</dd>
		<dt>안전결제(ISP)</dt>
		<dd>BC카드</dd>
		<dd>국민카드</dd>
		<dd>제주카드</dd>
	</dl>
</div>
<p class="btn"><input type="submit" value="결제하기"></p>
</form>
</body>
</html>
