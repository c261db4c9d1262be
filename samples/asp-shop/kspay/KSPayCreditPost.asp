<%@ Language=VBScript CodePage=949 %>
<!-- #include file="KSPayCfg.inc" -->
<%
'=============================================================================
' KSPayCreditPost.asp : 신용카드 승인요청 (소켓방식)
'  - 거래종류별 인증값을 받아 KSNET 승인서버로 전문 송신
'  - ※ 전문 구성은 KSNET 샘플 그대로 사용할 것 (임의 수정 금지)
'=============================================================================
Response.Expires = -1
Response.CacheControl = "no-cache"

Dim certitype, storeid, ordernumber, goodname, amount, ordername, email, mobile
Dim installment, xid, eci, cavv, cardno, expdt
Dim kvp_sessionkey, kvp_encdata, kvp_cardcode, authty
Dim ipg, ret

certitype   = Request.Form("certitype")
storeid     = Request.Form("sndStoreid")
ordernumber = Request.Form("sndOrdernumber")
goodname    = Request.Form("sndGoodname")
amount      = KSPayCleanAmount(Request.Form("sndAmount"))
ordername   = Request.Form("sndOrdername")
email       = Request.Form("sndEmail")
mobile      = Request.Form("sndMobile")
installment = Request.Form("installment")
If installment = "" Then installment = "00"

Select Case certitype
	Case "I"    ' 안전결제(ISP) : KVP 암호화 데이터
		authty         = "I000"
		kvp_sessionkey = Request.Form("KVP_SESSIONKEY")
		kvp_encdata    = Request.Form("KVP_ENCDATA")
		kvp_cardcode   = Request.Form("KVP_CARDCODE")
		installment    = KSPayLPad(Request.Form("KVP_QUOTA"), 2)
	Case "M"    ' 안심클릭 : Visa3D 인증값으로 전송
		authty = ""
		xid    = Request.Form("xid")
		eci    = Request.Form("eci")
		cavv   = Request.Form("cavv")
		cardno = Request.Form("cardno")
		expdt  = Request.Form("expdt")
	Case Else
		Response.Write "<script>alert('지원하지 않는 거래종류입니다.');history.back();</script>"
		Response.End
End Select

Call KSPayWriteLog("REQ " & certitype & " " & ordernumber & " " & amount)

'--- 승인 전문 송신 -----------------------------------------------------------
Set ipg = Server.CreateObject("KSPayApprovalCancel.KSPayApprovalCancelBean")
ipg.IPAddr  = KSPAY_IPADDR
ipg.Port    = KSPAY_PORT
ipg.Timeout = KSPAY_TIMEOUT

ret = ipg.HeadMessage("0603", "K", storeid, ordernumber, ordername, "", email, mobile, "", "", "")
If certitype = "I" Then
	ret = ipg.CreditDataMessage("1", authty, "", "", installment, amount, goodname, kvp_sessionkey, kvp_encdata, kvp_cardcode, "", "", "")
Else
	ret = ipg.CreditDataMessage("1", authty, cardno, expdt, installment, amount, goodname, "", "", "", xid, eci, cavv)
End If
ret = ipg.SendSocket("1")

Dim rApprovalType, rTransactionNo, rStatus, rTradeDate, rTradeTime
Dim rIssCode, rAquCode, rAuthNo, rMessage1, rMessage2, rCardNo, rInstallment
rApprovalType  = ipg.ApprovalType
rTransactionNo = ipg.TransactionNo
rStatus        = ipg.Status
rTradeDate     = ipg.TradeDate
rTradeTime     = ipg.TradeTime
rIssCode       = ipg.IssCode
rAquCode       = ipg.AquCode
rAuthNo        = ipg.AuthNo
rMessage1      = ipg.Message1
rMessage2      = ipg.Message2
rCardNo        = ipg.CardNo
rInstallment   = ipg.Installment
Set ipg = Nothing

Call KSPayWriteLog("RES " & ordernumber & " " & rStatus & " " & rTransactionNo & " " & rMessage1)

If rStatus = "O" Then
	' 주문 결제완료 처리
	Response.Redirect "/order/order_complete.asp?ordernumber=" & Server.URLEncode(ordernumber) & "&trno=" & rTransactionNo
End If
%>
<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=euc-kr">
<title>::: <%=KSPAY_SHOPNAME%> - 결제결과 :::</title>
<link rel="stylesheet" href="/css/style.css" type="text/css">
</head>
<body topmargin="0" leftmargin="0" marginwidth="0" marginheight="0">
<!-- #include virtual="/include/top.asp" -->
<table width="600" border="0" cellspacing="0" cellpadding="0" align="center">
<tr>
	<td height="50"><font size="3" color="#CC0000"><b>결제가 정상적으로 처리되지 않았습니다.</b></font></td>
</tr>
<tr>
	<td>
	<table width="100%" border="0" cellspacing="1" cellpadding="6" bgcolor="#CCCCCC">
	<tr bgcolor="#FFFFFF">
		<td width="140" bgcolor="#F3F3F3"><b>주문번호</b></td>
		<td><%=ordernumber%></td>
	</tr>
	<tr bgcolor="#FFFFFF">
		<td bgcolor="#F3F3F3"><b>처리결과</b></td>
		<td><%=KSPayStatusMsg(rStatus)%>&nbsp;(<%=rApprovalType%>)</td>
	</tr>
	<tr bgcolor="#FFFFFF">
		<td bgcolor="#F3F3F3"><b>메시지</b></td>
		<td><font color="#CC0000"><%=rMessage1%>&nbsp;<%=rMessage2%></font></td>
	</tr>
	<tr bgcolor="#FFFFFF">
		<td bgcolor="#F3F3F3"><b>거래일시</b></td>
		<td><%=rTradeDate%>&nbsp;<%=rTradeTime%></td>
	</tr>
	</table>
	</td>
</tr>
<tr>
	<td height="60" align="center">
		<a href="/order/order_form.asp"><img src="/images/pay/btn_retry.gif" alt="다시 결제하기" border="0"></a>
	</td>
</tr>
</table>
<!-- #include virtual="/include/bottom.asp" -->
</body>
</html>
