<%@ page contentType="text/html;charset=UTF-8" pageEncoding="UTF-8" %>
<%@ page import="java.text.NumberFormat" %>
<%
	/*
	 * 카드 결제 인증방식 결정 (payCard.jsp)
	 * 2011.03.14 최초 작성 / 2012.09.02 하나SK카드 추가
	 */
	request.setCharacterEncoding("UTF-8");
	String cardCode  = request.getParameter("cardCode");
	String orderNo   = request.getParameter("orderNo");
	String amount    = request.getParameter("amount");
	String certitype = "";

	if (cardCode == null) cardCode = "";
	// 안전결제(ISP) 카드사: 비씨, 국민, 수협, 전북, 광주
	if ("0100".equals(cardCode) || "0204".equals(cardCode) || "1800".equals(cardCode)) {
		certitype = "I";
	} else if ("13".equals(cardCode)) {
		certitype = "M";
	} else if (!"".equals(cardCode)) {
		certitype = "M";
	}
	NumberFormat nf = NumberFormat.getInstance();
%>
<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml" lang="ko">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=UTF-8" />
<title>카드결제 | 바다향 수산</title>
<link rel="stylesheet" type="text/css" href="/css/order.css" />
<script type="text/javascript">
	function goPay() {
		var frm = document.payForm;
		if (frm.cardCode.value == "") {
			alert("카드사를 선택해 주세요.");
			return false;
		}
		frm.submit();
		return true;
	}
</script>
</head>
<body>
<div id="wrap">
	<div id="header"><h1><a href="/"><img src="/img/logo.gif" alt="바다향 수산" /></a></h1></div>
	<div id="content">
		<h2>카드 결제</h2>
		<form name="payForm" method="post" action="/order/payCard.jsp">
		<input type="hidden" name="orderNo" value="<%= orderNo %>" />
		<input type="hidden" name="amount" value="<%= amount %>" />
		<input type="hidden" name="certitype" value="<%= certitype %>" />
		<table class="tbl_order" summary="결제 정보">
			<tr>
				<th>결제금액</th>
				<td><strong><%= nf.format(Long.parseLong(amount == null ? "0" : amount)) %></strong>원</td>
			</tr>
			<tr>
				<th>카드사</th>
				<td>
					<select name="cardCode">
						<option value="">선택하세요</option>
						<option value="0100">BC카드</option>
						<option value="0204">국민카드</option>
						<option value="1800">수협카드</option>
						<option value="0300">외환카드</option>
						<option value="0400">삼성카드</option>
						<option value="0500">현대카드</option>
						<option value="13">제주카드</option>
					</select>
				</td>
			</tr>
			<tr>
				<th>배송안내</th>
				<td>제주/도서산간 지역은 추가 배송비 3,000원이 부과됩니다.</td>
			</tr>
		</table>
		<p class="btn"><a href="#" onclick="return goPay();"><img src="/img/btn_pay.gif" alt="결제하기" /></a></p>
		</form>
	</div>
	<div id="footer">바다향 수산 | 제주특별자치도 서귀포시 중앙로 12 | 사업자등록번호 616-81-00000</div>
</div>
</body>
</html>
