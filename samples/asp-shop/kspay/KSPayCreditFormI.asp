<%@ Language=VBScript CodePage=949 %>
<%
'=============================================================================
' KSPayCreditFormI.asp : 안전결제(ISP) 카드선택 및 KVP 인증
'  - KSPayForm.asp 에서 certitype = "I" 로 넘어옴
'  - KVP 플러그인이 KVP_SESSIONKEY / KVP_ENCDATA 를 채운 뒤 승인요청
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

If certitype <> "I" Then
	Response.Redirect "KSPayForm.asp?ordernumber=" & Server.URLEncode(sndOrdernumber)
End If
If sndStoreid = "" Then sndStoreid = KSPAY_STOREID
%>
<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=euc-kr">
<title>::: <%=KSPAY_SHOPNAME%> - 안전결제(ISP) :::</title>
<link rel="stylesheet" href="/css/style.css" type="text/css">
<script language="javascript" src="<%=KSPAY_ISP_JS%>"></script>
<script language="javascript">
<!--
// ISP 인증 (KVP 플러그인 호출)
function submitISP() {
	var frm = document.KSPayAuthForm;
	if (frm.selectcard.selectedIndex == 0) {
		alert("결제하실 카드를 선택하여 주십시오.");
		frm.selectcard.focus();
		return false;
	}
	frm.KVP_CARDCODE.value = frm.selectcard.options[frm.selectcard.selectedIndex].value;
	frm.KVP_QUOTA.value    = frm.installment.options[frm.installment.selectedIndex].value;
	if (typeof(MakePayMessage) == "undefined") {
		alert("안전결제(ISP) 프로그램이 설치되지 않았습니다.\n설치 후 다시 시도하여 주십시오.");
		return false;
	}
	if (MakePayMessage(frm)) {
		frm.action = "KSPayCreditPost.asp";
		frm.submit();
	} else {
		alert("ISP 인증이 취소되었습니다.");
	}
	return false;
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
<!-- KVP(ISP) 전송항목 -->
<input type="hidden" name="KVP_PGID"       value="A0029">
<input type="hidden" name="KVP_GOODNAME"   value="<%=sndGoodname%>">
<input type="hidden" name="KVP_PRICE"      value="<%=sndAmount%>">
<input type="hidden" name="KVP_CURRENCY"   value="WON">
<input type="hidden" name="KVP_NOINT_INF"  value="NONE">
<input type="hidden" name="KVP_QUOTA_INF"  value="0:2:3:4:5:6:7:8:9:10:11:12">
<input type="hidden" name="KVP_CONAME"     value="<%=KSPAY_SHOPNAME%>">
<input type="hidden" name="KVP_CARDCODE"   value="">
<input type="hidden" name="KVP_QUOTA"      value="">
<input type="hidden" name="KVP_NOINT"      value="">
<input type="hidden" name="KVP_SESSIONKEY" value="">
<input type="hidden" name="KVP_ENCDATA"    value="">
<table width="600" border="0" cellspacing="0" cellpadding="0" align="center">
<tr>
	<td height="50"><img src="/images/pay/title_isp.gif" alt="안전결제(ISP)" border="0"></td>
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
		<select name="selectcard" style="width:160px">
			<option value="">카드를 선택하세요</option>
			<option value="0100">BC카드</option>
			<option value="0204">국민카드</option>
			<option value="1800">수협카드</option>
			<option value="1600">전북카드</option>
			<option value="1500">광주카드</option>
			<option value="0700">우리카드</option>
		</select>
		</td>
	</tr>
	<tr bgcolor="#FFFFFF">
		<td bgcolor="#F3F3F3"><b>할부개월</b></td>
		<td>
		<select name="installment" style="width:160px">
			<option value="00">일시불</option>
<% If CLng(sndAmount) >= 50000 Then %>
			<option value="03">3개월</option>
			<option value="06">6개월</option>
			<option value="12">12개월</option>
<% End If %>
		</select>
		</td>
	</tr>
	<tr bgcolor="#FFFFFF">
		<td colspan="2"><font color="#888888" style="font-size:11px">※ 최초 이용 시 안전결제(ISP) 프로그램 설치 및 카드 등록이 필요합니다.</font></td>
	</tr>
	</table>
	</td>
</tr>
<tr>
	<td height="60" align="center">
		<a href="javascript:submitISP();"><img src="/images/pay/btn_pay.gif" alt="결제하기" border="0"></a>
		&nbsp;
		<a href="javascript:history.back();"><img src="/images/pay/btn_prev.gif" alt="이전" border="0"></a>
	</td>
</tr>
</table>
</form>
<!-- #include virtual="/include/bottom.asp" -->
</body>
</html>
