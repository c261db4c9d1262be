<!--#include virtual="/common/lib/dbcon.asp"-->
<%
	Session.CodePage = 949
	Response.ContentType = "text/html"
	Response.Charset = "euc-kr"
	'---------------------------------------------------------
	' 주문결제 2단계 - 카드 선택 (/order/step2_card.asp)
	' 2011-06-27 인증방식 안내(dl) 추가
	'---------------------------------------------------------
	Dim ordNo, rs
	ordNo = Trim(Request("ord_no"))
	Set rs = Dbcon.Execute("SELECT ord_price, ord_name FROM TB_ORDER WHERE ord_no = '" & Replace(ordNo, "'", "''") & "'")
	If rs.EOF Then
		Response.Write "<script>alert('주문 정보가 없습니다.');history.back();</script>"
		Response.End
	End If
%>
<html>
<head>
<title>행복한 꽃배달 - 카드결제</title>
<link href="/css/common.css" rel="stylesheet" type="text/css">
</head>
<body>
<!--#include virtual="/common/inc/header.asp"-->
<div class="sub_cont">
	<p class="loc">HOME &gt; 주문하기 &gt; <b>카드결제</b></p>
	<table class="tbl_pay" cellpadding="0" cellspacing="0">
		<tr><th>주문자</th><td><%=rs("ord_name")%></td></tr>
		<tr><th>결제금액</th><td><%=FormatNumber(rs("ord_price"), 0)%>원</td></tr>
	</table>
	<dl class="auth_info">
		<dt>안심 클릭</dt>
		<dd>외환카드</dd>
		<dd>삼성카드</dd>
		<dd>현대카드</dd>
		<dt>ISP인증</dt>
		<dd>비씨카드</dd>
		<dd>국민카드</dd>
		<dd>수협카드</dd>
		<dd>제주카드</dd>
		<dt>당일 배송</dt>
		<dd>오후 2시 이전 주문 (제주/도서산간 지역 제외)</dd>
	</dl>
	<p class="btns"><a href="/kspay/KSPayWeb.asp?ord_no=<%=ordNo%>"><img src="/images/btn/btn_card.gif" alt="카드결제"></a></p>
</div>
<%
	rs.Close : Set rs = Nothing
%>
<!--#include virtual="/common/inc/footer.asp"-->
</body>
</html>
