<%@ page contentType="text/html;charset=utf-8" pageEncoding="utf-8" %>
<%@ page import="java.text.DecimalFormat" %>
<%
	// 주문서 작성 (order_form.jsp) - 배송지 입력 + 카드 결제
	request.setCharacterEncoding("utf-8");
	String orderNo   = (String)request.getAttribute("orderNo");
	String goodName  = (String)request.getAttribute("goodName");
	int    payAmount = ((Integer)request.getAttribute("payAmount")).intValue();
	String memName   = (String)session.getAttribute("memName");
	DecimalFormat df = new DecimalFormat("#,###");
	if (memName == null) memName = "";
%>
<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN" "http://www.w3.org/TR/html4/loose.dtd">
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>다온티하우스 - 주문서 작성</title>
<link rel="stylesheet" type="text/css" href="/css/common.css">
<link rel="stylesheet" type="text/css" href="/css/order.css">
<script type="text/javascript" src="/js/jquery-1.7.2.min.js"></script>
<script type="text/javascript">
function chkOrder(f) {
	if (f.rcv_name.value == "") { alert("받는분 성함을 입력해 주세요."); f.rcv_name.focus(); return false; }
	if (f.sido.selectedIndex < 1) { alert("시/도를 선택해 주세요."); f.sido.focus(); return false; }
	if (f.card_m.value == "" && f.card_i.value == "") { alert("결제하실 카드사를 선택해 주세요."); return false; }
	f.certitype.value = (f.card_i.value != "") ? "I" : "M";
	f.selectcard.value = (f.card_i.value != "") ? f.card_i.value : f.card_m.value;
	return true;
}
</script>
</head>
<body>
<div id="header">
	<h1><a href="/"><img src="/images/logo_daon.gif" alt="다온티하우스"></a></h1>
	<ul class="gnb"><li><a href="/goods/list.jsp?cate=01">녹차</a></li><li><a href="/goods/list.jsp?cate=02">홍차</a></li><li><a href="/goods/list.jsp?cate=03">다구</a></li></ul>
</div>
<div id="container">
<form name="orderForm" method="post" action="/order/KSPayCreditForm.jsp" onsubmit="return chkOrder(this);">
<input type="hidden" name="orderNo"    value="<%=orderNo%>">
<input type="hidden" name="goodName"   value="<%=goodName%>">
<input type="hidden" name="amount"     value="<%=payAmount%>">
<input type="hidden" name="certitype"  value="">
<input type="hidden" name="selectcard" value="">
<fieldset class="addr">
	<legend>배송지 정보</legend>
	<p><label for="rcv_name">받는분</label> <input type="text" name="rcv_name" id="rcv_name" value="<%=memName%>" size="15"></p>
	<p><label for="sido">시/도</label>
		<select name="sido" id="sido">
			<option value="">선택하세요</option>
			<option value="11">서울특별시</option>
			<option value="26">부산광역시</option>
			<option value="27">대구광역시</option>
			<option value="28">인천광역시</option>
			<option value="29">광주광역시</option>
			<option value="30">대전광역시</option>
			<option value="31">울산광역시</option>
			<option value="41">경기도</option>
			<option value="42">강원도</option>
			<option value="43">충청북도</option>
			<option value="44">충청남도</option>
			<option value="45">전라북도</option>
			<option value="46">전라남도</option>
			<option value="47">경상북도</option>
			<option value="48">경상남도</option>
			<option value="50">제주특별자치도</option>
		</select>
		<input type="text" name="addr1" size="40" placeholder="나머지 주소">
	</p>
	<p><label for="dlv_area">희망 출고 물류센터</label>
		<select name="dlv_area" id="dlv_area">
			<option>서울</option>
			<option>부산</option>
			<option>대구</option>
			<option>광주</option>
			<option>대전</option>
			<option>제주</option>
		</select>
		<span class="help">※ 가까운 물류센터에서 출고됩니다.</span>
	</p>
</fieldset>
<fieldset class="pay">
	<legend>안심클릭 결제</legend>
	<select name="card_m" id="card_m">
		<option value="">카드사 선택</option>
		<option value="0300">외환카드</option>
		<option value="0400">삼성카드</option>
		<option value="0500">현대카드</option>
		<option value="0600">신한카드</option>
		<option value="0700">롯데카드</option>
		<option value="0800">하나SK카드</option>
		<option value="1100">NH농협카드</option>
	</select>
</fieldset>
<fieldset class="pay">
	<legend>안전결제(ISP)</legend>
	<select name="card_i" id="card_i">
		<option value="">카드사 선택</option>
		<option value="0100">BC카드</option>
		<option value="0204">KB국민카드</option>
		<option value="1800">수협카드</option>
		<option value="1600">전북카드</option>
		<option value="1500">광주카드</option>
		<option value="1300">제주카드</option>
	</select>
</fieldset>
<table class="tbl_sum" summary="결제금액">
	<tr><th>상품명</th><td><%=goodName%></td></tr>
	<tr><th>결제금액</th><td><strong><%=df.format(payAmount)%></strong>원</td></tr>
</table>
<div class="btn_area">
	<input type="image" src="/images/btn_order.gif" alt="주문하기">
	<a href="/cart/cart.jsp"><img src="/images/btn_cancel.gif" alt="취소"></a>
</div>
</form>
</div>
<div id="footer">
	<p>다온티하우스 | 대표 : 윤다온 | 사업자등록번호 : 214-00-00000 | 고객센터 : 02-000-0000</p>
	<p>Copyright &copy; 2012 DAON TEA HOUSE. All rights reserved.</p>
</div>
</body>
</html>
