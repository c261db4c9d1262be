<%@ Language=VBScript CodePage=949 %>
<%
'=============================================================================
' KSPayForm.asp : 신용카드 결제 - 거래종류 선택 (KSPAY 소켓방식 샘플 수정본)
'  - 원본 : KSNET KSPAY ASP 샘플 (2009.06)
'  - 수정 : 2011.03.15 웹팀 - 주문서 연동, 디자인 적용, 일반/인증없는 승인 막음
'=============================================================================
Response.Expires = -1
Response.CacheControl = "no-cache"
Response.AddHeader "Pragma", "no-cache"
%>
<!-- #include file="KSPayCfg.inc" -->
<%
Dim ordernumber, goodname, amount, ordername, email, mobile, certitype

ordernumber = Trim(Request("ordernumber"))
goodname    = Trim(Request("goodname"))
amount      = KSPayCleanAmount(Request("amount"))
ordername   = Trim(Request("ordername"))
email       = Trim(Request("email"))
mobile      = Trim(Request("mobile"))
certitype   = Trim(Request("certitype"))
If certitype = "" Then certitype = "M"

If ordernumber = "" Or amount = "" Or Not IsNumeric(amount) Then
	Response.Write "<script language='javascript'>alert('주문정보가 올바르지 않습니다.');history.back();</script>"
	Response.End
End If

Call KSPayWriteLog("KSPayForm " & ordernumber & " " & amount)
%>
<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=euc-kr">
<title>::: <%=KSPAY_SHOPNAME%> - 신용카드 결제 :::</title>
<link rel="stylesheet" href="/css/style.css" type="text/css">
<script language="javascript">
<!--
// 거래종류에 따라 카드선택 페이지로 이동
function goNext() {
	var frm = document.KSPayForm;
	var certitype = "";
	for (var i = 0; i < frm.certitype.length; i++) {
		if (frm.certitype[i].checked) certitype = frm.certitype[i].value;
	}
	if (certitype == "") {
		alert("거래종류를 선택하여 주십시오.");
		return;
	}
	if (certitype == "M") {
		frm.action = "KSPayCreditFormM.asp";
	} else if (certitype == "I") {
		frm.action = "KSPayCreditFormI.asp";
	} else {
		alert("일반인증/인증없는 승인은 별도 계약 후 이용하실 수 있습니다.");
		return;
	}
	frm.submit();
}
//-->
</script>
</head>
<body topmargin="0" leftmargin="0" marginwidth="0" marginheight="0">
<!-- #include virtual="/include/top.asp" -->
<table width="600" border="0" cellspacing="0" cellpadding="0" align="center">
<tr>
	<td height="50"><img src="/images/pay/title_card.gif" alt="신용카드 결제" border="0"></td>
</tr>
<tr>
	<td>
	<form name="KSPayForm" method="post" action="">
	<!-- KSPAY 공통 전송항목 -->
	<input type="hidden" name="sndStoreid"     value="<%=KSPAY_STOREID%>">
	<input type="hidden" name="sndOrdernumber" value="<%=ordernumber%>">
	<input type="hidden" name="sndGoodname"    value="<%=Server.HTMLEncode(goodname)%>">
	<input type="hidden" name="sndAmount"      value="<%=amount%>">
	<input type="hidden" name="sndOrdername"   value="<%=Server.HTMLEncode(ordername)%>">
	<input type="hidden" name="sndEmail"       value="<%=email%>">
	<input type="hidden" name="sndMobile"      value="<%=mobile%>">
	<input type="hidden" name="sndReply"       value="<%=KSPAY_REPLY_URL%>">
	<table width="100%" border="0" cellspacing="1" cellpadding="6" bgcolor="#CCCCCC">
	<tr bgcolor="#FFFFFF">
		<td width="140" bgcolor="#F3F3F3"><font color="#333333"><b>주문번호</b></font></td>
		<td><font color="#333333"><%=ordernumber%></font></td>
	</tr>
	<tr bgcolor="#FFFFFF">
		<td bgcolor="#F3F3F3"><font color="#333333"><b>상품명</b></font></td>
		<td><%=Server.HTMLEncode(goodname)%></td>
	</tr>
	<tr bgcolor="#FFFFFF">
		<td bgcolor="#F3F3F3"><font color="#333333"><b>결제금액</b></font></td>
		<td><font color="#FF6600"><b><%=FormatNumber(amount, 0)%></b></font>&nbsp;원</td>
	</tr>
	<tr bgcolor="#FFFFFF">
		<td bgcolor="#F3F3F3"><font color="#333333"><b>주문자</b></font></td>
		<td><%=Server.HTMLEncode(ordername)%>&nbsp;(<%=email%>)</td>
	</tr>
	<tr bgcolor="#FFFFFF">
		<td bgcolor="#F3F3F3" valign="top"><font color="#333333"><b>거래종류(certitype)</b></font></td>
		<td>
		<input type="radio" name="certitype" value="M" <% If certitype = "M" Then Response.Write "checked" %>>안심클릭 (M-Visa3D인증승인)<br>
		&nbsp;&nbsp;&nbsp;&nbsp;외환,삼성,현대,신한,롯데,하나,씨티,제주<br>
		<input type="radio" name="certitype" value="I" <% If certitype = "I" Then Response.Write "checked" %>>안전결제 (ISP인증승인)<br>
		&nbsp;&nbsp;&nbsp;&nbsp;비씨,국민,수협,전북,광주,우리<br>
		<input type="radio" name="certitype" value="N" disabled>일반인증승인 (계약 후 사용)<br>
		&nbsp;&nbsp;&nbsp;&nbsp;국민,비씨,외환,삼성,현대,신한,롯데<br>
		<input type="radio" name="certitype" value="A" disabled>인증없는승인 (계약 후 사용)<br>
		&nbsp;&nbsp;&nbsp;&nbsp;VISA,MASTER,JCB,AMEX<br>
		</td>
	</tr>
	<tr bgcolor="#FFFFFF">
		<td colspan="2">
		<font color="#888888" style="font-size:11px">
		※ 카드사 인증창이 새 창으로 열립니다. 팝업차단을 해제하여 주십시오.<br>
		※ 30만원 이상 결제 시 공인인증서가 필요합니다.
		</font>
		</td>
	</tr>
	</table>
	</form>
	</td>
</tr>
<tr>
	<td height="60" align="center">
		<a href="javascript:goNext();"><img src="/images/pay/btn_next.gif" alt="다음단계" border="0"></a>
		&nbsp;
		<a href="/order/order_form.asp"><img src="/images/pay/btn_cancel.gif" alt="취소" border="0"></a>
	</td>
</tr>
</table>
<!-- #include virtual="/include/bottom.asp" -->
</body>
</html>
