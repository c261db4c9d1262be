<%
Session.CodePage = 949
Response.Charset = "euc-kr"
'*****************************************************************************
'* KSPayCreditFormM.asp : 안심클릭(Visa3D) 카드 선택 및 인증 요청
'* 인증 후 KSPayCreditPostM.asp 로 승인요청
'*****************************************************************************
Dim storeid, storenm, ordername, ordernumber, amount, goodname, email, phoneno, certitype
storeid     = Request("storeid")
storenm     = Request("storenm")
ordername   = Request("ordername")
ordernumber = Request("ordernumber")
amount      = Request("amount")
goodname    = Request("goodname")
email       = Request("email")
phoneno     = Request("phoneno")
certitype   = Request("certitype")
%>
<html>
<head>
<title>KSPay</title>
<meta http-equiv="Content-Type" content="text/html; charset=euc-kr">
<style type="text/css">
	TABLE { BORDER-RIGHT: #dddddd 1px solid; BORDER-TOP: #dddddd 1px solid; FONT-SIZE: 9pt; BORDER-LEFT: #dddddd 1px solid; BORDER-BOTTOM: #dddddd 1px solid; }
	TD { FONT-SIZE: 9pt; }
</style>
<script language="javascript">
<!--
function submitV3d()
{
	var frm = document.KSPayAuthForm;
	if (frm.selectcard.selectedIndex == 0) {
		alert("카드를 선택하십시오.");
		return;
	}
	frm.cardcode.value = frm.selectcard.options[frm.selectcard.selectedIndex].value;
	frm.target = "_self";
	frm.action = "./mpi/Visa3d_Request.asp";
	frm.submit();
}
//-->
</script>
</head>
<body topmargin="0" leftmargin="0" marginwidth="0" marginheight="0">
<form name="KSPayAuthForm" method="post">
<input type="hidden" name="storeid"     value="<%=storeid%>">
<input type="hidden" name="storenm"     value="<%=storenm%>">
<input type="hidden" name="ordername"   value="<%=ordername%>">
<input type="hidden" name="ordernumber" value="<%=ordernumber%>">
<input type="hidden" name="amount"      value="<%=amount%>">
<input type="hidden" name="goodname"    value="<%=goodname%>">
<input type="hidden" name="email"       value="<%=email%>">
<input type="hidden" name="phoneno"     value="<%=phoneno%>">
<input type="hidden" name="certitype"   value="<%=certitype%>">
<input type="hidden" name="cardcode"    value="">
<table border="0" width="100%">
<tr>
	<td>
	<table border="0" width="100%">
	<tr>
		<td><b>KSPay 안심클릭 결제</b></td>
	</tr>
	<tr>
		<td>상품명 : <%=goodname%></td>
	</tr>
	<tr>
		<td>결제금액 : <%=amount%> 원</td>
	</tr>
<% If certitype = "M" Then %>
	<tr>
		<td>카드종류 :
			<select name="selectcard">
				<option value="">카드선택</option>
				<option value="01">외환카드</option>
				<option value="03">삼성카드</option>
				<option value="04">현대카드</option>
				<option value="05">신한카드</option>
				<option value="06">롯데카드</option>
				<option value="07">하나SK카드</option>
				<option value="08">씨티카드</option>
				<option value="13">제주카드</option>
				<option value="11">농협카드</option>
			</select>
		</td>
	</tr>
	<tr>
		<td>할부 :
			<select name="installment">
				<option value="00">일시불</option>
				<option value="02">2개월</option>
				<option value="03">3개월</option>
			</select>
		</td>
	</tr>
	<tr>
		<td align="center"><input type="button" value="안심클릭 인증" onclick="javascript:submitV3d();"></td>
	</tr>
<% End If %>
	</table>
	</td>
</tr>
</table>
</form>
</body>
</html>
