<%@ Language="VBScript" CodePage="949" %>
<%
Option Explicit
Session.CodePage = 949
Response.Charset = "euc-kr"
Response.Expires = -1
%>
<!-- #include virtual="/common/dbopen.asp" -->
<!-- #include virtual="/common/function.asp" -->
<%
Dim ordNo, ordName, goodName, payAmt, rs, sql
ordNo = Trim(Request("ord_no"))
If ordNo = "" Then
	Call AlertBack("주문번호가 없습니다.")
End If
Set rs = Server.CreateObject("ADODB.Recordset")
sql = "SELECT ord_name, good_name, pay_amt FROM tb_order WHERE ord_no = '" & Replace(ordNo, "'", "''") & "'"
rs.Open sql, dbCon, 1
If rs.EOF Then
	Call AlertBack("주문 정보를 찾을 수 없습니다.")
End If
ordName  = rs("ord_name")
goodName = rs("good_name")
payAmt   = rs("pay_amt")
rs.Close
Set rs = Nothing
%>
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=euc-kr">
<title>하늘가구 - 주문결제</title>
<link rel="stylesheet" type="text/css" href="/css/shop.css">
<style type="text/css">
.card_tbl { border-top:2px solid #6b4f3a; }
.card_tbl td { padding:5px 8px; border-bottom:1px solid #e5e5e5; }
.card_tbl td.tit { width:130px; background:#f6f3ef; font-weight:bold; text-align:center; }
</style>
<script language="javascript">
function fnPay() {
	var f = document.frmPay;
	if (f.paytype[0].checked) {
		f.action = "/kspay/KSPayCreditForm.asp";
	} else {
		f.action = "/kspay/KSPayBankForm.asp";
	}
	f.submit();
}
</script>
</head>
<body>
<!-- #include virtual="/include/top.asp" -->
<div id="sub_contents">
	<h3><img src="/images/sub/title_payment.gif" alt="주문결제"></h3>
	<form name="frmPay" method="post">
	<input type="hidden" name="sndOrdernumber" value="<%=ordNo%>">
	<input type="hidden" name="sndOrdername" value="<%=ordName%>">
	<input type="hidden" name="sndGoodname" value="<%=goodName%>">
	<input type="hidden" name="sndAmount" value="<%=payAmt%>">
	<p class="order_info">
		주문번호 : <b><%=ordNo%></b> &nbsp; 결제금액 : <b><%=FormatNumber(payAmt, 0)%></b>원
	</p>
	<p class="paytype">
		<input type="radio" name="paytype" value="card" checked> 신용카드 &nbsp;
		<input type="radio" name="paytype" value="bank"> 실시간 계좌이체
	</p>
	<table class="card_tbl" width="600" cellspacing="0" cellpadding="0" border="0">
		<tr>
			<td>외환/삼성/현대/신한/롯데</td>
			<td class="tit">안심클릭 결제</td>
		</tr>
		<tr>
			<td>BC/국민/수협/전북/광주/제주</td>
			<td class="tit">안전결제(ISP)</td>
		</tr>
		<tr>
			<td>해외발급카드/법인카드</td>
			<td class="tit">일반결제</td>
		</tr>
		<tr>
			<td>국민/신한/우리/농협/제주은행</td>
			<td class="tit">계좌이체</td>
		</tr>
	</table>
	<p class="desc">
		※ 가구 특성상 제주 및 도서산간 지역은 배송이 불가합니다.<br>
		※ 결제주문 후 주문취소는 배송 전까지만 가능합니다.
	</p>
	<div class="btn">
		<a href="javascript:fnPay();"><img src="/images/btn/btn_payment.gif" alt="결제하기" border="0"></a>
		<a href="/order/cart.asp"><img src="/images/btn/btn_back.gif" alt="이전" border="0"></a>
	</div>
	</form>
</div>
<!-- #include virtual="/include/bottom.asp" -->
<div id="copyright">
	하늘가구 | 경기도 포천시 가산면 000-0 | 사업자등록번호 127-00-00000 | 대표 박철수
</div>
</body>
</html>
<!-- #include virtual="/common/dbclose.asp" -->
