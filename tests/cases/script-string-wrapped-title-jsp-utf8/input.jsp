<%@ page contentType="text/html; charset=UTF-8" pageEncoding="UTF-8" %>
<%
	// 주문서 - 결제수단 레이어 (order/payLayer.jsp) 2013.01.09
	String ctx = request.getContextPath();
	String memberId = (String) session.getAttribute("MEMBER_ID");
%>
<!DOCTYPE html>
<html lang="ko">
<head>
<meta charset="UTF-8">
<title>오가닉팜 - 결제수단 선택</title>
<link rel="stylesheet" href="<%=ctx%>/css/pay.css">
<script type="text/javascript">
var PayGuide = {
	open: function (target) {
		var html = '';
		html += '<div class="layer_guide">';
		html += '<h5>카드 결제 안내</h5>';
		html += '<ul>';
		html += '<li>안심 클릭 결제?<br>';
		html += '(삼성카드/현대카드/롯데카드/제주카드)</li>';
		html += '<li>안전결제(ISP)? (BC카드/국민카드)</li>';
		html += '<li>무료배송?<br>(제주/도서산간 지역 제외)</li>';
		html += '</ul>';
		html += '</div>';
		$(target).html(html).show();
	},
	close: function (target) {
		$(target).hide().empty();
	}
};
</script>
</head>
<body>
<div class="pay_method">
	<label><input type="radio" name="payMethod" value="CARD" checked="checked"> 신용카드</label>
	<a href="#guide" onclick="PayGuide.open('#payGuide'); return false;" class="btn_s">카드 결제 안내</a>
	<div id="payGuide" style="display:none;"></div>
	<% if (memberId != null) { %>
	<p class="point">보유 적립금을 사용하시려면 적립금 사용 버튼을 눌러 주세요.</p>
	<% } %>
</div>
</body>
</html>
