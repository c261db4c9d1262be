<%@ Language="VBScript" CodePage=949 %>
<%
Option Explicit
Response.Charset = "euc-kr"
%>
<!--#include file="../include/common.asp"-->
<%
	'// 결제 정보
	Dim oNum, oAmount, oGoods, oName, oMail, oHp
	oNum    = Request("oNum")
	oAmount = Request("oAmount")
	oGoods  = Request("oGoods")
	oName   = Request("oName")
	oMail   = Request("oMail")
	oHp     = Request("oHp")

	If oNum = "" Then
		Call AlertBack("주문번호가 없습니다.")
	End If
%>
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=euc-kr">
<title>아이맘 유아용품 - 신용카드 결제</title>
<link href="/css/default.css" rel="stylesheet" type="text/css">
<style type="text/css">
fieldset { border:1px solid #D5D5D5; padding:8px; margin-bottom:10px; }
legend { font-weight:bold; color:#3A6EA5; padding:0 5px; }
</style>
<script language="javascript">
function goPay(kind) {
	var f = document.frmPay;
	if (kind == "M") {
		if (f.cardcode_a.value == "") { alert("카드를 선택하세요."); return; }
		f.selectcard.value = f.cardcode_a.value;
		f.action = "KSPayCreditFormM.asp";
	} else {
		if (f.cardcode_b.value == "") { alert("카드를 선택하세요."); return; }
		f.selectcard.value = f.cardcode_b.value;
		f.action = "KSPayCreditFormI.asp";
	}
	f.certitype.value = kind;
	f.submit();
}
</script>
</head>
<body>
<!--#include file="../include/top.asp"-->
<table width="700" border="0" cellspacing="0" cellpadding="0" align="center">
<tr>
	<td style="padding:20px 0">
	<form name="frmPay" method="post">
	<input type="hidden" name="sndStoreid"     value="<%=KSPAY_STOREID%>">
	<input type="hidden" name="sndOrdernumber" value="<%=oNum%>">
	<input type="hidden" name="sndGoodname"    value="<%=oGoods%>">
	<input type="hidden" name="sndAmount"      value="<%=oAmount%>">
	<input type="hidden" name="sndOrdername"   value="<%=oName%>">
	<input type="hidden" name="sndEmail"       value="<%=oMail%>">
	<input type="hidden" name="sndMobile"      value="<%=oHp%>">
	<input type="hidden" name="certitype"      value="">
	<input type="hidden" name="selectcard"     value="">
	<p><img src="/images/order/tit_card.gif" alt="신용카드 결제"></p>
	<p>결제금액 : <font color="#FF3300"><b><%=FormatNumber(oAmount, 0)%></b></font>원</p>
	<fieldset>
		<legend>안심클릭 결제</legend>
		<select name="cardcode_a" style="width:150px">
			<option value="">카드사 선택</option>
			<option value="01">외환카드</option>
			<option value="03">삼성카드</option>
			<option value="04">현대카드</option>
			<option value="05">신한카드</option>
			<option value="06">롯데카드</option>
			<option value="07">하나SK카드</option>
			<option value="08">씨티카드</option>
		</select>
		<a href="javascript:goPay('M');"><img src="/images/btn/btn_pay.gif" border="0" align="absmiddle" alt="결제"></a>
	</fieldset>
	<fieldset>
		<legend>안전결제(ISP)</legend>
		<select name="cardcode_b" style="width:150px">
			<option value="">카드사 선택</option>
			<option value="0100">BC카드</option>
			<option value="0204">국민카드</option>
			<option value="1800">수협카드</option>
			<option value="1600">전북카드</option>
			<option value="1500">광주카드</option>
			<option value="13">제주카드</option>
		</select>
		<a href="javascript:goPay('I');"><img src="/images/btn/btn_pay.gif" border="0" align="absmiddle" alt="결제"></a>
	</fieldset>
	</form>
	</td>
</tr>
</table>
<!--#include file="../include/bottom.asp"-->
</body>
</html>
