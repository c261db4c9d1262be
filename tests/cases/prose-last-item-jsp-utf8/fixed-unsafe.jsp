<%@ page contentType="text/html;charset=UTF-8" pageEncoding="UTF-8" %>
<%
	// 결제 도움말 (help/payment.jsp) - 2012.11.05 카드사 목록 갱신
	String shopName = "한라봉농원";
%>
<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml" lang="ko">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=UTF-8" />
<title>결제 도움말 | <%= shopName %></title>
<link rel="stylesheet" type="text/css" href="/css/help.css" />
<script type="text/javascript">
	function openFaq(no) {
		window.open("/help/faq.jsp?no=" + no, "faq", "width=520,height=600,scrollbars=yes");
	}
</script>
</head>
<body>
<div id="wrap">
	<div id="header"><h1><a href="/"><img src="/img/logo.gif" alt="<%= shopName %>" /></a></h1></div>
	<div id="content" class="help">
		<h2>신용카드 결제 안내</h2>
		<div class="help_box">
			<p>신용카드 결제 시 카드사별 인증 방식에 따라 인증 창이 열립니다.</p>
			<p>안심클릭 서비스 대상은 외환, 삼성, 현대, 신한 카드이며 결제 시 안심클릭 비밀번호가 필요합니다.</p>
			<p>외환, 삼성, 현대, 신한, 롯데카드 회원님은 카드사에서 시행하는 안심클릭 서비스로 결제하시게 됩니다.</p>
			<p>결제주문 후 주문 내역은 마이페이지에서 확인하실 수 있습니다.</p>
		</div>
		<ul class="faq">
			<li><a href="#" onclick="openFaq(12); return false;">안심클릭 비밀번호를 잊어버렸어요</a></li>
			<li><a href="#" onclick="openFaq(15); return false;">제주/도서산간 지역 배송비는 얼마인가요?</a></li>
		</ul>
	</div>
	<div id="footer">
		<p><%= shopName %> | 제주특별자치도 서귀포시 남원읍 태위로 100 | 대표 : 고영수 | 사업자등록번호 616-90-00000</p>
	</div>
</div>
</body>
</html>
