<%@ page contentType="text/html;charset=utf-8" pageEncoding="utf-8" %>
<%@ page import="java.text.DecimalFormat" %>
<%
	/*
	 * 주문서 작성 > 결제수단 선택 (order_pay.jsp)
	 * 2012-05-21 KSPAY 소켓모듈 연동
	 */
	request.setCharacterEncoding("utf-8");
	String ordernumber = request.getParameter("ordernumber");
	String goodname    = request.getParameter("goodname");
	String amount      = request.getParameter("amount");
	String ordername   = (String)session.getAttribute("mem_name");
	if (ordernumber == null || amount == null) {
		response.sendRedirect("/cart/cart_list.jsp");
		return;
	}
	DecimalFormat df = new DecimalFormat("#,###");
%>
<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<title>꼬마숲 아동복 | 결제하기</title>
<link rel="stylesheet" type="text/css" href="/css/layout.css" />
<link rel="stylesheet" type="text/css" href="/css/order.css" />
<script type="text/javascript">
function fnSubmit() {
	var f = document.payForm;
	if (!f.agree.checked) {
		alert("구매조건 확인 및 결제진행에 동의해 주세요.");
		f.agree.focus();
		return;
	}
	f.action = "/kspay/KSPayCreditForm.jsp";
	f.submit();
}
</script>
</head>
<body>
<jsp:include page="/include/header.jsp" flush="true" />
<div id="container">
	<div class="location">HOME &gt; 장바구니 &gt; 주문서작성 &gt; <strong>결제하기</strong></div>
	<form name="payForm" method="post" action="">
	<input type="hidden" name="sndOrdernumber" value="<%=ordernumber%>" />
	<input type="hidden" name="sndGoodname" value="<%=goodname%>" />
	<input type="hidden" name="sndAmount" value="<%=amount%>" />
	<input type="hidden" name="sndOrdername" value="<%=ordername%>" />
	<table class="tbl_order" cellspacing="0" cellpadding="0" summary="결제정보">
		<tr>
			<th>주문번호</th>
			<td><%=ordernumber%></td>
		</tr>
		<tr>
			<th>상품명</th>
			<td><%=goodname%></td>
		</tr>
		<tr>
			<th>결제금액</th>
			<td><em class="price"><%=df.format(Long.parseLong(amount))%></em>원</td>
		</tr>
	</table>
	<div class="help_box">
		<p class="help_tit">신용카드 결제 안내</p>
		<p>
			안심클릭 : 외환, 삼성, 현대, 신한, 롯데, 제주<br />
			안전결제(ISP) : 비씨, 국민, 수협, 전북<br />
			일반결제 : 해외발급 카드 (VISA, MASTER, JCB)<br />
		</p>
		<p class="help_etc">
			결제창이 뜨지 않으면 브라우저의 팝업 차단을 해제해 주세요.<br />
			결제주문 완료 후 주문내역은 마이페이지에서 확인하실 수 있습니다.
		</p>
	</div>
	<p class="agree">
		<input type="checkbox" name="agree" id="agree" value="Y" />
		<label for="agree">주문하실 상품의 상품정보 및 가격을 확인하였으며, 구매진행에 동의합니다.</label>
	</p>
	<div class="btn_center">
		<a href="javascript:fnSubmit();"><img src="/images/btn/btn_pay.gif" alt="결제하기" /></a>
		<a href="/cart/cart_list.jsp"><img src="/images/btn/btn_cancel.gif" alt="취소하기" /></a>
	</div>
	</form>
</div>
<div id="footer">
	<p class="addr">
		(주)꼬마숲 | 대표이사 : 정미경 | 주소 : 제주특별자치도 제주시 노형동 000-00<br />
		제주/도서산간 지역 추가 배송비 3,000원 | 고객센터 : 1544-0000
	</p>
</div>
</body>
</html>
