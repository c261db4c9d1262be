<%@ page contentType="text/html;charset=utf-8" pageEncoding="utf-8" %>
<%@ page import="java.text.DecimalFormat" %>
<%@ include file="/common/session_check.jsp" %>
<%
	// KSPAY 거래종류 선택 페이지 (KSPayForm.jsp)
	request.setCharacterEncoding("utf-8");

	String ordernumber = request.getParameter("ordernumber");
	String ordername   = request.getParameter("ordername");
	String goodname    = request.getParameter("goodname");
	String amount      = request.getParameter("amount");
	String email       = request.getParameter("email");
	String mobile      = request.getParameter("mobile");

	if (ordernumber == null || amount == null) {
		response.sendRedirect("/order/cart.jsp");
		return;
	}
	if (ordername == null) ordername = "";
	if (goodname  == null) goodname  = "";
	if (email     == null) email     = "";
	if (mobile    == null) mobile    = "";

	DecimalFormat df = new DecimalFormat("#,##0");
	String amountStr = df.format(Long.parseLong(amount));
%>
<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>그린팜 직거래장터 - 카드결제</title>
<link rel="stylesheet" type="text/css" href="/css/order.css">
<script type="text/javascript" src="/js/common.js"></script>
<script type="text/javascript">
	function submitForm() {
		var f = document.KSPayForm;
		var checked = false;
		for (var i = 0; i < f.certitype.length; i++) {
			if (f.certitype[i].checked) { checked = true; break; }
		}
		if (!checked) {
			alert("거래종류를 선택하세요.");
			return false;
		}
		f.action = "/kspay/KSPayCreditForm.jsp";
		f.submit();
	}
</script>
</head>
<body>
<jsp:include page="/common/header.jsp" flush="true" />
<div class="order_step"><img src="/images/order/step03.gif" alt="결제하기"></div>
<form name="KSPayForm" method="post">
<input type="hidden" name="storeid"     value="2999199999">
<input type="hidden" name="ordernumber" value="<%=ordernumber%>">
<input type="hidden" name="ordername"   value="<%=ordername%>">
<input type="hidden" name="goodname"    value="<%=goodname%>">
<input type="hidden" name="amount"      value="<%=amount%>">
<input type="hidden" name="email"       value="<%=email%>">
<input type="hidden" name="phoneno"     value="<%=mobile%>">
<table width="620" cellpadding="0" cellspacing="0" border="0" class="pay_table">
	<colgroup><col width="130"><col width="*"></colgroup>
	<tr>
		<th>상품명</th>
		<td><%=goodname%></td>
	</tr>
	<tr>
		<th>결제금액</th>
		<td><strong class="price"><%=amountStr%></strong>원</td>
	</tr>
	<tr>
		<th>거래종류</th>
		<td>
			<input type="radio" name="certitype" value="M" checked> 안심클릭 : 외환/삼성/현대/신한/롯데/하나SK/씨티/제주<br>
			<input type="radio" name="certitype" value="I"> 안전결제(ISP) : 비씨/국민/수협/전북/광주<br>
			<input type="radio" name="certitype" value="N"> 일반인증승인<br>
			<input type="radio" name="certitype" value="A"> 인증없는승인 (법인카드)<br>
		</td>
	</tr>
	<tr>
		<th>할부개월</th>
		<td>
			<select name="installment">
				<option value="00" selected>일시불</option>
				<option value="02">2개월</option>
				<option value="03">3개월</option>
				<option value="06">6개월</option>
				<option value="12">12개월</option>
			</select>
			<span class="help">(5만원 이상 할부 가능)</span>
		</td>
	</tr>
</table>
<div class="btn_area">
	<a href="javascript:submitForm();"><img src="/images/btn/btn_pay.gif" alt="결제하기"></a>
	<a href="/order/cart.jsp"><img src="/images/btn/btn_cancel.gif" alt="취소"></a>
</div>
</form>
<jsp:include page="/common/footer.jsp" flush="true" />
</body>
</html>
