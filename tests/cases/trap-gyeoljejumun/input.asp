<%@ CodePage=949 %>
<%
Option Explicit
Response.Charset = "euc-kr"
%>
<!-- #include virtual="/inc/config.asp" -->
<%
'------------------------------------------------------------
' 결제주문서 (order_pay.asp)
' 예약상품은 예약결제주문번호(rsvNo)를 함께 넘긴다
'------------------------------------------------------------
Dim orderNo, rsvNo, totalAmt, goodsNm, buyerNm, buyerEmail, buyerHp
orderNo    = Request("orderNo")
rsvNo      = Request("rsvNo")
totalAmt   = Request("totalAmt")
goodsNm    = Request("goodsNm")
buyerNm    = Request("buyerNm")
buyerEmail = Request("buyerEmail")
buyerHp    = Request("buyerHp")
%>
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=euc-kr">
<title>미소베이커리 - 결제주문</title>
<link rel="stylesheet" href="/css/shop.css" type="text/css">
<script language="javascript">
<!--
function goPay(f) {
	var certi = "";
	for (var i = 0; i < f.certitype.length; i++) {
		if (f.certitype[i].checked) certi = f.certitype[i].value;
	}
	if (certi == "") { alert("거래종류를 선택하세요."); return false; }
	if (!confirm("결제주문을 진행하시겠습니까?")) return false;
	f.action = (certi == "I") ? "KSPayCreditFormI.asp" : "KSPayCreditFormM.asp";
	return true;
}
//-->
</script>
</head>
<body>
<!-- #include virtual="/inc/top.asp" -->
<table width="760" border="0" cellpadding="0" cellspacing="0" align="center">
<tr>
	<td height="40"><img src="/images/order/tit_pay.gif" alt="결제주문"></td>
	<td align="right"><a href="/mypage/order_list.asp">주문내역</a> | <a href="/mypage/order_del_list.asp">삭제주문 보기</a></td>
</tr>
</table>
<form name="KSPayForm" method="post" onsubmit="return goPay(this);">
<input type="hidden" name="sndStoreid"     value="2999199999">
<input type="hidden" name="sndOrdernumber" value="<%=orderNo%>">
<input type="hidden" name="sndGoodname"    value="<%=goodsNm%>">
<input type="hidden" name="sndAmount"      value="<%=totalAmt%>">
<input type="hidden" name="sndOrdername"   value="<%=buyerNm%>">
<input type="hidden" name="sndEmail"       value="<%=buyerEmail%>">
<input type="hidden" name="sndMobile"      value="<%=buyerHp%>">
<input type="hidden" name="rsvNo"          value="<%=rsvNo%>">
<table width="760" border="0" cellpadding="5" cellspacing="1" bgcolor="#E1D7C6" align="center">
<tr bgcolor="#FFFFFF">
	<td width="150" bgcolor="#FBF8F2">&nbsp;주문번호</td>
	<td>&nbsp;<%=orderNo%></td>
</tr>
<% If rsvNo <> "" Then %>
<tr bgcolor="#FFFFFF">
	<td bgcolor="#FBF8F2">&nbsp;예약결제주문번호</td>
	<td>&nbsp;<%=rsvNo%> <font color="#999999">(예약상품은 수령일 전날 발송됩니다)</font></td>
</tr>
<% End If %>
<tr bgcolor="#FFFFFF">
	<td bgcolor="#FBF8F2">&nbsp;결제금액</td>
	<td>&nbsp;<b><%=FormatNumber(totalAmt, 0)%></b>원</td>
</tr>
<tr bgcolor="#FFFFFF">
	<td bgcolor="#FBF8F2">&nbsp;거래종류</td>
	<td>
		<input type="radio" name="certitype" value="M" checked>안심클릭<br>
		&nbsp;&nbsp;외환,삼성,현대,신한,롯데,하나,씨티,농협<br>
		&nbsp;&nbsp;<font color="#888888">결제주문 전 안심클릭 등록 여부를 확인해 주세요.</font><br>
		<input type="radio" name="certitype" value="I">안전결제(ISP)<br>
		&nbsp;&nbsp;비씨,국민,수협,전북,광주,제주<br>
		<input type="radio" name="certitype" value="N">일반인증승인<br>
	</td>
</tr>
</table>
<table width="760" border="0" cellpadding="10" cellspacing="0" align="center">
<tr>
	<td align="center">
		<input type="image" src="/images/btn/btn_order_pay.gif" alt="결제주문하기">
		<a href="/order/cart.asp"><img src="/images/btn/btn_back.gif" border="0" alt="장바구니"></a>
	</td>
</tr>
<tr>
	<td style="line-height:18px; color:#666666;">
		※ 결제주문이 완료된 후에는 주문내역 수정이 불가합니다.<br>
		※ 삭제주문은 30일이 지나면 자동으로 정리됩니다.
	</td>
</tr>
</table>
</form>
<!-- #include virtual="/inc/bottom.asp" -->
</body>
</html>
