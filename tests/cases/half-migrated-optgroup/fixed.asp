<%@ Language="VBScript" CodePage="65001" %>
<%
Option Explicit
Response.Charset = "utf-8"
'-----------------------------------------------------------------
' 카드결제 - 카드사 선택 (2013.04.03 제주카드 안전결제 추가)
'-----------------------------------------------------------------
Dim ordNo, ordAmt, ordGoods, ordName, ordEmail, ordHp
ordNo    = Request.Form("ordNo")
ordAmt   = Request.Form("ordAmt")
ordGoods = Request.Form("ordGoods")
ordName  = Request.Form("ordName")
ordEmail = Request.Form("ordEmail")
ordHp    = Request.Form("ordHp")
%>
<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>청솔약초 - 결제</title>
<link rel="stylesheet" href="/css/common.css" type="text/css">
<script type="text/javascript">
function submitISP(f) {
	f.certitype.value = "I";
	f.action = "/pay/KSPayCreditFormI.asp";
}
function submitV3d(f) {
	f.certitype.value = "M";
	f.action = "/pay/KSPayCreditFormM.asp";
}
function checkPay(f) {
	var o = f.selectcard.options[f.selectcard.selectedIndex];
	if (o.value == "") {
		alert("카드사를 선택하세요.");
		return false;
	}
	if (o.parentNode.label.indexOf("ISP") > -1) submitISP(f);
	else submitV3d(f);
	return true;
}
</script>
</head>
<body>
<!--#include virtual="/include/header.asp"-->
<div id="contents">
<form name="KSPayForm" method="post" onsubmit="return checkPay(this);">
<input type="hidden" name="sndStoreid" value="2999199999">
<input type="hidden" name="sndOrdernumber" value="<%=ordNo%>">
<input type="hidden" name="sndGoodname" value="<%=ordGoods%>">
<input type="hidden" name="sndAmount" value="<%=ordAmt%>">
<input type="hidden" name="sndOrdername" value="<%=ordName%>">
<input type="hidden" name="sndEmail" value="<%=ordEmail%>">
<input type="hidden" name="sndMobile" value="<%=ordHp%>">
<input type="hidden" name="certitype" value="">
<table width="640" border="0" cellpadding="5" cellspacing="0" class="order_tbl">
	<tr>
		<th width="130" align="left">결제금액</th>
		<td><b style="color:#C00"><%=FormatNumber(ordAmt, 0)%></b>원</td>
	</tr>
	<tr>
		<th align="left">카드사</th>
		<td>
			<select name="selectcard">
				<option value="">카드사 선택</option>
				<optgroup label="안심클릭(MPI)">
					<option value="01">외환카드</option>
					<option value="03">삼성카드</option>
					<option value="04">현대카드</option>
					<option value="05">신한카드</option>
					<option value="06">롯데카드</option>
					<option value="07">하나SK카드</option>
					<option value="08">씨티카드</option>
				</optgroup>
				<optgroup label="안전결제(ISP)">
					<option value="0100">BC카드</option>
					<option value="0204">국민카드</option>
					<option value="1800">수협카드</option>
					<option value="1600">전북카드</option>
					<option value="1500">광주카드</option>
					<option value="13">제주카드</option>
				</optgroup>
			</select>
		</td>
	</tr>
</table>
<p align="center"><input type="submit" value="결제하기" class="btn_pay"></p>
</form>
</div>
<!--#include virtual="/include/footer.asp"-->
</body>
</html>
