<%@ page contentType="text/html;charset=euc-kr" pageEncoding="euc-kr" %>
<%
	String orderNo = request.getParameter("ordernumber");
	if (orderNo == null) orderNo = "";
%>
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=euc-kr">
<title>주문결제 - 솔향기 도자기</title>
</head>
<body>
<div id="order">
	<h2>결제 수단 선택</h2>
	<form name="payform" method="post" action="/order/kspay/KSPayAuth.jsp">
	<input type="hidden" name="ordernumber" value="<%= orderNo %>">
	<table class="pay">
	<tr>
		<th>카드 선택</th>
		<td>
			<select name="selectcard">
			<optgroup label="안심클릭">
			<option value="03">외환카드</option>
			<option value="04">삼성카드</option>
			</optgroup>
			<optgroup label="안전결제(ISP)">
			<option value="01">BC카드</option>
			<option value="02">국민카드</option>
			<option value="13">제주카드</option>
			</optgroup>
			</select>
		</td>
	</tr>
	</table>
	<div class="card_group">
		<label>안심클릭 결제 카드사</label><br>
		<input type="radio" name="cardcode" id="c0300" value="0300"> <label for="c0300">외환카드</label><br>
		<input type="radio" name="cardcode" id="c0400" value="0400"> <label for="c0400">삼성카드</label><br>
		<input type="radio" name="cardcode" id="c13" value="13"> <lab --%>el for="c13">제주카드</label><br>
		<input type="radio" name="cardcode" id="c0600" value="0600"> <label for="c0600">신한카드</label><br>
		<label>안전결제(ISP) 카드사</label><br>
		<input type="radio" name="cardcode" id="c0100" value="0100"> <label for="c0100">비씨카드</label><br>
		<input type="radio" name="cardcode" id="c0204" value="0204"> <label for="c0204">국민카드</label><br>
		<input type="radio" name="cardcode" id="c1800" value="1800"> <label for="c1800">수협카드</label><br>
	</div>
	<p class="btn"><input type="image" src="/img/btn_pay.gif" alt="결제하기"></p>
	</form>
</div>
<div id="footer">솔향기 도자기 | 제주특별자치도 제주시 한림읍 한림로 55</div>
</body>
</html>
