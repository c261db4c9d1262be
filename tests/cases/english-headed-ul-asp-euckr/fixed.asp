<%@ Language="VBScript" CodePage="949" %>
<%
' 해외 고객용 결제 안내 (영문) - 주문번호 확인 후 결제창 호출
Dim orderNo : orderNo = Request("ord")
If orderNo = "" Then Response.Redirect "/eng/cart.asp"
%>
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=euc-kr">
<title>Insadong Tea House - Payment Guide</title>
<link rel="stylesheet" type="text/css" href="/eng/css/style.css">
</head>
<body>
<div id="guide">
	<h3>How to pay with a Korean credit card</h3>
	<p>Order No. <b><%=orderNo%></b> (주문번호)</p>
	<h4>MPI (3-D Secure)</h4>
	<ul class="cards">
		<li>KEB Card</li>
		<li>Samsung Card</li>
		<li>Hyundai Card</li>
		<li>Shinhan Card</li>
		<li>Lotte Card</li>
	</ul>
	<h4>ISP (Internet Secure Payment)</h4>
	<ul class="cards">
		<li>BC Card</li>
		<li>KB Kookmin Card</li>
		<li>NH Nonghyup Card</li>
		<li>Jeju Card</li>
	</ul>
	<h4>Delivery</h4>
	<p>Jeju Island and other islands: 3,000 KRW extra. 제주/도서산간 추가 배송비 3,000원.</p>
	<p class="btn"><a href="KSPayForm.asp?ord=<%=orderNo%>">Continue to payment (결제하기)</a></p>
</div>
</body>
</html>
