<%@ page contentType="text/html;charset=utf-8" pageEncoding="utf-8" %>
<%@ page import="java.util.*, java.text.*" %>
<%
	/*
	 * 결제수단 선택 (pay_select.jsp) - 바다향수산
	 * 2013.04.22 KSNET 공지에 따라 제주카드 인증방식 변경
	 */
	request.setCharacterEncoding("utf-8");
	String ordNo   = request.getParameter("ordNo");
	String ordNm   = request.getParameter("ordNm");
	String goodsNm = request.getParameter("goodsNm");
	long   ordAmt  = Long.parseLong(request.getParameter("ordAmt") == null ? "0" : request.getParameter("ordAmt"));
	NumberFormat nf = NumberFormat.getInstance(Locale.KOREA);
%>
<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<title>바다향수산 | 결제수단 선택</title>
<link rel="stylesheet" type="text/css" href="/resources/css/shop.css" />
<script type="text/javascript">
function goNext(f) {
	var c = f.certitype.value;
	if (c == "") { alert("인증방식을 선택하세요."); return false; }
	f.action = (c == "I") ? "/pay/KSPayCreditFormI.jsp" : "/pay/KSPayCreditFormM.jsp";
	return true;
}
</script>
</head>
<body>
<jsp:include page="/WEB-INF/views/common/header.jsp" flush="true" />
<div id="contents">
	<h2 class="page_tit">결제수단 선택</h2>
	<form name="payForm" method="post" onsubmit="return goNext(this);">
	<input type="hidden" name="ordNo"   value="<%=ordNo%>" />
	<input type="hidden" name="ordNm"   value="<%=ordNm%>" />
	<input type="hidden" name="goodsNm" value="<%=goodsNm%>" />
	<input type="hidden" name="ordAmt"  value="<%=ordAmt%>" />
	<table class="tbl_order" summary="주문정보">
		<tr><th>주문번호</th><td><%=ordNo%></td></tr>
		<tr><th>상품명</th><td><%=goodsNm%></td></tr>
		<tr><th>결제금액</th><td><em><%=nf.format(ordAmt)%></em>원</td></tr>
	</table>
	<h3>카드사별 인증방식</h3>
	<table class="tbl_card" summary="카드사별 인증방식 안내">
		<colgroup><col width="140" /><col width="*" /></colgroup>
		<tr>
			<th>인증방식</th>
			<th>카드사</th>
		</tr>
<%--
		<tr><td>안심클릭</td><td>삼성, 현대, 제주</td></tr>
		2013.04.22 제주카드 안전결제 전환으로 삭제
--%>
		<tr>
			<td>안심클릭</td>
			<td>외환, 삼성, 현대, 신한, 롯데, 하나SK, 씨티, NH농협</td>
		</tr>
		<!-- <tr><td>안심클릭</td><td>삼성, 현대, 제주</td></tr> -->
		<tr>
			<td>안전결제(ISP)</td>
			<td>BC, KB국민, 수협, 전북, 광주, 제주</td>
		</tr>
	</table>
	<p class="sel_certi">
		<label for="certitype">인증방식 선택</label>
		<select name="certitype" id="certitype">
			<option value="">선택하세요</option>
			<option value="M">안심클릭</option>
			<option value="I">안전결제(ISP)</option>
		</select>
	</p>
	<div class="btn_center">
		<input type="image" src="/resources/images/btn/btn_next.gif" alt="다음 단계" />
	</div>
	</form>
</div>
<jsp:include page="/WEB-INF/views/common/footer.jsp" flush="true" />
</body>
</html>
