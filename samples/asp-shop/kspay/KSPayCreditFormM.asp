<%@ Language=VBScript CodePage=949 %>
<%
'=============================================================================
' KSPayCreditFormM.asp : 안심클릭(MPI / Visa3D) 카드선택 및 인증요청
'  - KSPayForm.asp 에서 certitype = "M" 으로 넘어옴
'  - 인증 완료 후 setV3dResult() 에서 KSPayCreditPost.asp 로 승인요청
'=============================================================================
Response.Expires = -1
Response.CacheControl = "no-cache"
%>
<!-- #include file="KSPayCfg.inc" -->
<%
Dim certitype, sndStoreid, sndOrdernumber, sndGoodname, sndAmount
Dim sndOrdername, sndEmail, sndMobile, sndReply

certitype      = Request("certitype")
sndStoreid     = Request("sndStoreid")
sndOrdernumber = Request("sndOrdernumber")
sndGoodname    = Request("sndGoodname")
sndAmount      = KSPayCleanAmount(Request("sndAmount"))
sndOrdername   = Request("sndOrdername")
sndEmail       = Request("sndEmail")
sndMobile      = Request("sndMobile")
sndReply       = Request("sndReply")

If sndStoreid = "" Then sndStoreid = KSPAY_STOREID
If sndOrdernumber = "" Then
	Response.Redirect "/order/order_form.asp"
End If
%>
<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=euc-kr">
<title>::: <%=KSPAY_SHOPNAME%> - 안심클릭 결제 :::</title>
<link rel="stylesheet" href="/css/style.css" type="text/css">
<script language="javascript">
<!--
// 안심클릭(Visa3D) 인증창 호출
function submitV3d() {
	var frm = document.KSPayAuthForm;
	if (frm.selectcard.selectedIndex == 0) {
		alert("결제하실 카드를 선택하여 주십시오.");
		frm.selectcard.focus();
		return false;
	}
	frm.cardcode.value = frm.selectcard.options[frm.selectcard.selectedIndex].value;
	var win = window.open("", "KSPAY_V3D", "width=420,height=480,scrollbars=no,status=yes");
	if (win == null) {
		alert("팝업차단을 해제하신 후 다시 시도하여 주십시오.");
		return false;
	}
	frm.target = "KSPAY_V3D";
	frm.action = "<%=KSPAY_V3D_URL%>";
	frm.submit();
	return true;
}

// 인증창에서 호출 : 인증결과 받아서 승인요청
function setV3dResult(xid, eci, cavv, cardno, expdt) {
	var frm = document.KSPayAuthForm;
	frm.xid.value    = xid;
	frm.eci.value    = eci;
	frm.cavv.value   = cavv;
	frm.cardno.value = cardno;
	frm.expdt.value  = expdt;
	frm.target = "_self";
	frm.action = "KSPayCreditPost.asp";
	frm.submit();
}
//-->
</script>
</head>
<body topmargin="0" leftmargin="0" marginwidth="0" marginheight="0">
<!-- #include virtual="/include/top.asp" -->
<form name="KSPayAuthForm" method="post" action="">
<input type="hidden" name="certitype"      value="<%=certitype%>">
<input type="hidden" name="sndStoreid"     value="<%=sndStoreid%>">
<input type="hidden" name="sndOrdernumber" value="<%=sndOrdernumber%>">
<input type="hidden" name="sndGoodname"    value="<%=sndGoodname%>">
<input type="hidden" name="sndAmount"      value="<%=sndAmount%>">
<input type="hidden" name="sndOrdername"   value="<%=sndOrdername%>">
<input type="hidden" name="sndEmail"       value="<%=sndEmail%>">
<input type="hidden" name="sndMobile"      value="<%=sndMobile%>">
<input type="hidden" name="sndReply"       value="<%=sndReply%>">
<!-- 안심클릭 인증결과 (인증창에서 채움) -->
<input type="hidden" name="cardcode" value="">
<input type="hidden" name="xid"      value="">
<input type="hidden" name="eci"      value="">
<input type="hidden" name="cavv"     value="">
<input type="hidden" name="cardno"   value="">
<input type="hidden" name="expdt"    value="">
<table width="600" border="0" cellspacing="0" cellpadding="0" align="center">
<tr>
	<td height="50"><img src="/images/pay/title_ansim.gif" alt="안심클릭 결제" border="0"></td>
</tr>
<tr>
	<td>
	<table width="100%" border="0" cellspacing="1" cellpadding="6" bgcolor="#CCCCCC">
	<tr bgcolor="#FFFFFF">
		<td width="140" bgcolor="#F3F3F3"><b>결제금액</b></td>
		<td><font color="#FF6600"><b><%=FormatNumber(sndAmount, 0)%></b></font>&nbsp;원</td>
	</tr>
	<tr bgcolor="#FFFFFF">
		<td bgcolor="#F3F3F3"><b>카드선택</b></td>
		<td>
<% If certitype = "M" Then %>
		<select name="selectcard" style="width:160px">
			<option value="">카드를 선택하세요</option>
			<option value="03">외환카드</option>
			<option value="04">삼성카드</option>
			<option value="08">현대카드</option>
			<option value="05">신한카드</option>
			<option value="09">롯데카드</option>
			<option value="24">하나카드</option>
			<option value="11">씨티카드</option>
			<option value="13">제주카드</option>
			<option value="17">농협카드</option>
		</select>
<% End If %>
		</td>
	</tr>
	<tr bgcolor="#FFFFFF">
		<td bgcolor="#F3F3F3"><b>할부개월</b></td>
		<td>
		<select name="installment" style="width:160px">
			<option value="00">일시불</option>
<%
Dim q
If CLng(sndAmount) >= 50000 Then
	For q = 2 To 12
		Response.Write "			<option value=""" & KSPayLPad(q, 2) & """>" & q & "개월</option>" & vbCrLf
	Next
End If
%>
		</select>
		<font color="#888888" style="font-size:11px">(5만원 이상 할부가능)</font>
		</td>
	</tr>
	</table>
	</td>
</tr>
<tr>
	<td height="60" align="center">
		<a href="javascript:submitV3d();"><img src="/images/pay/btn_pay.gif" alt="결제하기" border="0"></a>
		&nbsp;
		<a href="javascript:history.back();"><img src="/images/pay/btn_prev.gif" alt="이전" border="0"></a>
	</td>
</tr>
</table>
</form>
<!-- #include virtual="/include/bottom.asp" -->
</body>
</html>
