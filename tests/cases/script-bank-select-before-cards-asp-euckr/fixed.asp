<%@ Language="VBScript" CodePage=949 %>
<!-- #include virtual="/kspay/KSPayCfg.inc" -->
<%
'******************************************************************
'* KSPayCreditFormIM.asp : 신용카드 선택 (안전결제/안심클릭 통합)
'******************************************************************
Session.CodePage = 949
Response.Charset = "euc-kr"
Dim sndStoreid, sndOrdernumber, sndGoodname, sndAmount
sndStoreid     = Request("sndStoreid")
sndOrdernumber = Request("sndOrdernumber")
sndGoodname    = Request("sndGoodname")
sndAmount      = Request("sndAmount")
%>
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=euc-kr">
<title>카드 선택</title>
<script language="javascript" src="<%=KSPAY_ISP_JS%>"></script>
<script language="javascript">
<!--
function next() {
	var frm = document.KSPayAuthForm;
	var cardcode = frm.selectcard.value;
	if (cardcode == '') { alert('카드를 선택하세요.'); return; }
	// ISP 카드는 안전결제로, 나머지는 안심클릭으로
	if (cardcode == '0100' || cardcode == '0204' || cardcode == '1800' || cardcode == '1600' || cardcode == '13') submitISP();
	else submitV3d();
}
function submitISP() {
	var frm = document.KSPayAuthForm;
	frm.certitype.value = 'I';
	frm.KVP_CARDCODE.value = frm.selectcard.value;
	if (MakePayMessage(frm)) { frm.action = 'KSPayCreditPost.asp'; frm.submit(); }
}
function submitV3d() {
	var frm = document.KSPayAuthForm;
	frm.certitype.value = 'M';
	frm.cardcode.value = frm.selectcard.value;
	window.open('', 'KSPAY_V3D', 'width=420,height=480');
	frm.target = 'KSPAY_V3D';
	frm.action = 'https://kspay.ksnet.to/store/mb2/V3DAuth.jsp';
	frm.submit();
}
//-->
</script>
</head>
<body topmargin="0" leftmargin="0">
<form name="KSPayAuthForm" method="post">
<input type="hidden" name="certitype" value="">
<input type="hidden" name="cardcode" value="">
<input type="hidden" name="KVP_CARDCODE" value="">
<input type="hidden" name="sndStoreid" value="<%=sndStoreid%>">
<input type="hidden" name="sndOrdernumber" value="<%=sndOrdernumber%>">
<input type="hidden" name="sndGoodname" value="<%=sndGoodname%>">
<input type="hidden" name="sndAmount" value="<%=sndAmount%>">
<table width="480" cellpadding="4" cellspacing="1" bgcolor="#D5D5D5">
<tr bgcolor="#FFFFFF">
	<td width="110" bgcolor="#F3F3F3"><font size="2"><b>환불은행</b></font></td>
	<td>
	<select name="refund_bank">
		<option value="35">제주은행</option>
		<option value="04">국민은행</option>
		<option value="20">우리은행</option>
	</select>
	</td>
</tr>
<tr bgcolor="#FFFFFF">
	<td width="110" bgcolor="#F3F3F3"><font size="2"><b>카드선택</b></font></td>
	<td>
	<select name="selectcard">
		<option value="">선택하세요</option>
		<option value="0100">비씨카드</option>
		<option value="0204">국민카드</option>
		<option value="03">외환카드</option>
		<option value="04">삼성카드</option>
		<option value="08">현대카드</option>
		<option value="1800">수협카드</option>
		<option value="1600">전북카드</option>
		<option value="13">제주카드</option>
		<option value="11">씨티카드</option>
	</select>
	</td>
</tr>
<tr bgcolor="#FFFFFF">
	<td bgcolor="#F3F3F3"><font size="2"><b>결제금액</b></font></td>
	<td><font size="2"><%=FormatNumber(sndAmount, 0)%>원</font></td>
</tr>
</table>
<p align="center"><a href="javascript:next();"><img src="/images/btn_pay.gif" border="0" alt="결제하기"></a></p>
</form>
<!-- #include virtual="/common/footer.asp" -->
</body>
</html>
