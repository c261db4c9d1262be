<%@ Language="VBScript" CodePage="949" %>
<%
Response.Charset = "euc-kr"
Dim orderNo : orderNo = Request("order_no")
%>
<!-- #include virtual="/inc/dbopen.asp" -->
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=euc-kr">
<title>청정한우 직판장 - 결제 안내</title>
<link rel="stylesheet" type="text/css" href="/css/common.css">
</head>
<body>
<div id="payGuide">
	<h3>신용카드 결제 안내</h3>
	<p>주문번호 <b><%=orderNo%></b> 의 결제를 진행합니다. 아래 카드사별 인증 방식을 확인해 주세요.</p>
	<h4>안심클릭 결제 카드</h4>
	<ul class="cardList">
		<li>외환카드</li>
		<li>삼성카드</li>
		<li>현대카드</li>
		<li>신한카드</li>
		<li>제주은행</li>
	</ul>
	<h4>안전결제(ISP) 카드</h4>
	<ul class="cardList">
		<li>BC카드</li>
		<li>국민카드</li>
		<li>수협카드</li>
	</ul>
	<h4>배송 안내</h4>
	<p>제주/도서산간 지역은 추가 배송비 5,000원이 부과됩니다.</p>
	<p class="btn"><a href="KSPayForm.asp?order_no=<%=orderNo%>"><img src="/img/btn_pay.gif" alt="결제하기" border="0"></a></p>
</div>
</body>
</html>
<!-- #include virtual="/inc/dbclose.asp" -->
