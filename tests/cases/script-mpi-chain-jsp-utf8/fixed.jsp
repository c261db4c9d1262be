<%@ page contentType="text/html;charset=UTF-8" pageEncoding="UTF-8" %>
<%@ page import="java.text.DecimalFormat" %>
<%
	// 카드 결제 선택 (통합형) - 2012.11 개편
	String sndOrdernumber = request.getParameter("sndOrdernumber");
	String sndAmount      = request.getParameter("sndAmount");
	if (sndAmount == null) sndAmount = "0";
	DecimalFormat df = new DecimalFormat("#,###");
%>
<!DOCTYPE html>
<html lang="ko">
<head>
<meta charset="UTF-8">
<title>카드 결제</title>
<link rel="stylesheet" href="/css/order.css">
<script src="/js/jquery-1.8.3.min.js"></script>
<script>
var MPI_ROUTE = true;
function next() {
	var code = document.payForm.selectcard.value;
	if (code === "") {
		alert("카드를 선택해 주세요.");
		return false;
	}
	/* 안심클릭 카드사 코드 */
	if (code === "03" || code === "04" || code === "08") {
		submitV3d();
	} else {
		submitISP();
	}
	return false;
}
function submitISP() { document.payForm.certitype.value = "I"; payIsp(document.payForm); }
function submitV3d() { document.payForm.certitype.value = "M"; openV3d(document.payForm); }
</script>
</head>
<body>
<div id="wrap">
	<h2 class="tit">신용카드 결제</h2>
	<form name="payForm" method="post" action="/order/KSPayCreditPost.jsp" onsubmit="return next();">
		<input type="hidden" name="certitype" value="">
		<input type="hidden" name="sndOrdernumber" value="<%= sndOrdernumber %>">
		<input type="hidden" name="sndAmount" value="<%= sndAmount %>">
		<table class="tbl_pay">
			<tr>
				<th>결제금액</th>
				<td><strong><%= df.format(Long.parseLong(sndAmount)) %></strong>원</td>
			</tr>
			<tr>
				<th>카드사</th>
				<td>
					<select name="selectcard">
						<option value="">선택</option>
						<option value="0100">BC카드</option>
						<option value="0204">KB국민카드</option>
						<option value="03">외환카드</option>
						<option value="04">삼성카드</option>
						<option value="08">현대카드</option>
						<option value="13">제주카드</option>
					</select>
				</td>
			</tr>
		</table>
		<p class="btn"><button type="submit">결제하기</button></p>
	</form>
	<p class="info">※ 결제주문 후 취소는 마이페이지에서 가능합니다.</p>
</div>
<%@ include file="/WEB-INF/jsp/common/footer.jspf" %>
</body>
</html>
