<%@ page contentType="text/html;charset=utf-8" pageEncoding="utf-8" %>
<%
	// 주문서 작성 + 결제 (order.jsp)
	request.setCharacterEncoding("utf-8");
	String ordernumber = (String)request.getAttribute("ordernumber");
	String goodname    = (String)request.getAttribute("goodname");
	String amount      = (String)request.getAttribute("amount");
	if (ordernumber == null) ordernumber = "";
%>
<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>한라농원 - 주문서 작성</title>
<link rel="stylesheet" type="text/css" href="/css/order.css">
<script type="text/javascript">
function next() {
	var f = document.orderForm;
	if (f.rcv_name.value == "") { alert("받으시는 분 성함을 입력하세요."); f.rcv_name.focus(); return; }
	if (f.sido.value == "") { alert("시/도를 선택하세요."); return; }
	var o = f.selectcard.options[f.selectcard.selectedIndex];
	if (o.value == "") { alert("카드사를 선택하세요."); return; }
	f.certitype.value = (o.parentNode.label.indexOf("ISP") >= 0) ? "I" : "M";
	f.action = (f.certitype.value == "I") ? "/kspay/KSPayCreditFormI.jsp" : "/kspay/KSPayCreditFormM.jsp";
	f.submit();
}
</script>
</head>
<body>
<div id="wrap">
<jsp:include page="/inc/top.jsp" />
<form name="orderForm" method="post">
<input type="hidden" name="sndStoreid"     value="2999199999">
<input type="hidden" name="sndOrdernumber" value="<%=ordernumber%>">
<input type="hidden" name="sndGoodname"    value="<%=goodname%>">
<input type="hidden" name="sndAmount"      value="<%=amount%>">
<input type="hidden" name="certitype"      value="">
<h3>배송지 정보</h3>
<table class="tbl_order" cellpadding="0" cellspacing="0">
	<tr>
		<th>받으시는 분</th>
		<td><input type="text" name="rcv_name" size="15" maxlength="20"></td>
	</tr>
	<tr>
		<th>지역</th>
		<td>
			<select name="sido">
				<option value="">시/도 선택</option>
				<option value="서울">서울특별시</option>
				<option value="부산">부산광역시</option>
				<option value="경기">경기도</option>
				<option value="강원">강원도</option>
				<option value="전남">전라남도</option>
				<option value="경남">경상남도</option>
				<option value="제주">제주특별자치도</option>
			</select>
			<input type="text" name="rcv_addr" size="50">
		</td>
	</tr>
	<tr>
		<th>휴대폰</th>
		<td><input type="text" name="sndMobile" size="15"></td>
	</tr>
</table>
<h3>결제 정보</h3>
<table class="tbl_order" cellpadding="0" cellspacing="0">
	<tr>
		<th>결제금액</th>
		<td><strong><%=amount%></strong>원</td>
	</tr>
	<tr>
		<th>카드사 선택</th>
		<td>
			<select name="selectcard">
				<option value="">선택하세요</option>
				<optgroup label="안심클릭(MPI)">
					<option value="01">외환카드</option>
					<option value="03">삼성카드</option>
					<option value="04">현대카드</option>
					<option value="05">신한카드</option>
					<option value="06">롯데카드</option>
				</optgroup>
				<optgroup label="안전결제(ISP)">
					<option value="0100">BC카드</option>
					<option value="0204">국민카드</option>
					<option value="1800">수협카드</option>
					<option value="13">제주카드</option>
				</optgroup>
			</select>
		</td>
	</tr>
</table>
<p class="btn"><a href="javascript:next();"><img src="/images/btn_order.gif" alt="주문하기"></a></p>
</form>
<div id="footer">
	<p>상호명 : 한라농원 | 대표 : 고한라 | 사업자등록번호 : 616-00-00000 | 통신판매업 : 제2011-제주시-0000호</p>
	<p>주소 : 제주특별자치도 제주시 애월읍 000 | 전화 : 064-000-0000 | 팩스 : 064-000-0001</p>
	<p>Copyright (c) 2012 HALLA FARM. All rights reserved.</p>
</div>
</div>
</body>
</html>
