<%@ Language=VBScript %>
<%
Option Explicit
Session.CodePage = 949
Response.Charset = "euc-kr"
Response.Expires = -1
Response.AddHeader "Pragma", "no-cache"
%>
<!-- #include virtual="/shop/inc/dbconn.asp" -->
<!-- #include virtual="/shop/inc/function.asp" -->
<%
'==========================================================
' KSPAY 결제 요청 페이지 (KSPayForm.asp)
' 주문서에서 넘어온 값으로 거래종류를 선택한다
' 2011.03.15 수정 - 휴대폰번호 필드 추가
'==========================================================
Dim orderno, ordername, goodname, amount, email, mobile, certitype

orderno   = Trim(Request.Form("orderno"))
ordername = Trim(Request.Form("ordername"))
goodname  = Trim(Request.Form("goodname"))
amount    = Trim(Request.Form("amount"))
email     = Trim(Request.Form("email"))
mobile    = Trim(Request.Form("mobile"))
certitype = Request("certitype")
If certitype = "" Then certitype = "M"

If orderno = "" Or amount = "" Then
	Response.Write "<script>alert('주문정보가 올바르지 않습니다.');history.back();</script>"
	Response.End
End If
%>
<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=euc-kr">
<title>:: 다온몰 - 신용카드 결제 ::</title>
<link rel="stylesheet" href="/shop/css/common.css" type="text/css">
<script language="javascript">
<!--
function submitPay(frm)
{
	var i, certi = "";
	for (i = 0; i < frm.certitype.length; i++) {
		if (frm.certitype[i].checked) certi = frm.certitype[i].value;
	}
	if (certi == "") {
		alert("거래종류를 선택하여 주십시오.");
		return false;
	}
	if (certi == "I") {
		frm.action = "KSPayCreditFormI.asp";
	} else if (certi == "M") {
		frm.action = "KSPayCreditFormM.asp";
	} else {
		frm.action = "KSPayCreditFormN.asp";
	}
	return true;
}
//-->
</script>
</head>
<body leftmargin="0" topmargin="0" marginwidth="0" marginheight="0">
<!-- 상단 로고 -->
<table width="600" border="0" cellspacing="0" cellpadding="0" align="center">
<tr>
	<td height="60"><a href="/"><img src="/shop/images/logo.gif" border="0" alt="다온몰"></a></td>
</tr>
</table>
<form name="KSPayForm" method="post" onsubmit="return submitPay(this);">
<input type="hidden" name="storeid"      value="2999199999">
<input type="hidden" name="storenm"      value="다온몰">
<input type="hidden" name="ordernumber"  value="<%=orderno%>">
<input type="hidden" name="ordername"    value="<%=ordername%>">
<input type="hidden" name="goodname"     value="<%=goodname%>">
<input type="hidden" name="amount"       value="<%=amount%>">
<input type="hidden" name="email"        value="<%=email%>">
<input type="hidden" name="phoneno"      value="<%=mobile%>">
<input type="hidden" name="currencytype" value="WON">
<table width="600" border="0" cellspacing="1" cellpadding="4" bgcolor="#CCCCCC" align="center">
<tr>
	<td colspan="2" bgcolor="#F4F4F4" height="30"><b><font color="#3366CC">신용카드 결제</font></b></td>
</tr>
<tr>
	<td width="130" bgcolor="#F4F4F4">&nbsp;주문번호</td>
	<td bgcolor="#FFFFFF">&nbsp;<%=orderno%></td>
</tr>
<tr>
	<td bgcolor="#F4F4F4">&nbsp;상품명</td>
	<td bgcolor="#FFFFFF">&nbsp;<%=goodname%></td>
</tr>
<tr>
	<td bgcolor="#F4F4F4">&nbsp;결제금액</td>
	<td bgcolor="#FFFFFF">&nbsp;<font color="#FF6600"><b><%=FormatNumber(amount, 0)%></b></font>원</td>
</tr>
<tr>
	<td bgcolor="#F4F4F4">&nbsp;거래종류</td>
	<td bgcolor="#FFFFFF">
		<input type="radio" name="certitype" value="M" <%if certitype="M" then%>checked<%end if%>>안심클릭(M-Visa3D인증승인)<br>
		&nbsp;&nbsp;&nbsp;&nbsp;외환,삼성,현대,신한,롯데,하나,씨티,농협,제주<br>
		<input type="radio" name="certitype" value="I" <%if certitype="I" then%>checked<%end if%>>안전결제(ISP인증승인)<br>
		&nbsp;&nbsp;&nbsp;&nbsp;비씨,국민,수협,전북,광주<br>
		<input type="radio" name="certitype" value="N" <%if certitype="N" then%>checked<%end if%>>일반인증승인<br>
		<input type="radio" name="certitype" value="A" <%if certitype="A" then%>checked<%end if%>>인증없는승인<br>
	</td>
</tr>
<tr>
	<td colspan="2" bgcolor="#FFFFFF" align="center" height="50">
		<input type="image" src="/shop/images/btn_pay.gif" border="0" alt="결제하기">
		&nbsp;<a href="javascript:history.back();"><img src="/shop/images/btn_cancel.gif" border="0" alt="취소"></a>
	</td>
</tr>
</table>
</form>
<!-- 하단 -->
<table width="600" border="0" cellspacing="0" cellpadding="10" align="center">
<tr>
	<td align="center"><font color="#999999" style="font-size:11px">
	상호 : 다온몰 | 대표 : 김다온 | 사업자등록번호 : 214-86-00000<br>
	주소 : 서울특별시 강남구 테헤란로 000 | 고객센터 : 02-000-0000<br>
	Copyright (c) 2011 DAONMALL. All rights reserved.</font></td>
</tr>
</table>
</body>
</html>
<%
Call DBClose()
%>
