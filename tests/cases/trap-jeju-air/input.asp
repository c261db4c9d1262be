<%
Session.CodePage = 949
Response.Charset = "euc-kr"
'// 여행상품 결제 (tour_pay.asp)
Dim pkgCode, pkgName, payAmt, resvNo
pkgCode = Request("pkgCode")
pkgName = Request("pkgName")
payAmt  = Request("payAmt")
resvNo  = Request("resvNo")
%>
<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=euc-kr">
<title>해피투어 - 예약결제</title>
<link rel="stylesheet" type="text/css" href="/css/tour.css">
<script language="javascript">
function payCheck(f) {
	var c = "";
	for (var i = 0; i < f.certitype.length; i++) {
		if (f.certitype[i].checked) c = f.certitype[i].value;
	}
	if (c == "") { alert("거래종류를 선택해 주세요."); return false; }
	f.action = (c == "I") ? "/pay/KSPayCreditFormI.asp" : "/pay/KSPayCreditFormM.asp";
	return true;
}
</script>
</head>
<body>
<!--#include virtual="/include/header.asp"-->
<table width="700" border="0" cellpadding="0" cellspacing="0" align="center">
<tr>
	<td style="padding:10px; border:1px solid #D6E4F0; background:#F5FAFF;">
		<b><font color="#1B5E9E">[제주항공] 김포-제주 왕복 항공 + 호텔 2박3일</font></b><br>
		&nbsp;- 출발 : 김포공항 국내선 07:30 (제주항공 7C101)<br>
		&nbsp;- 숙박 : 서귀포 중문관광단지 호텔 2박<br>
		&nbsp;- 포함 : 제주 올레길 7코스 가이드 투어, 렌터카 48시간<br>
		&nbsp;- 제주항공 사정에 따라 출발 시간이 변경될 수 있습니다.
	</td>
</tr>
</table>
<br>
<form name="KSPayForm" method="post" onsubmit="return payCheck(this);">
<input type="hidden" name="sndStoreid"     value="2999199999">
<input type="hidden" name="sndOrdernumber" value="<%=resvNo%>">
<input type="hidden" name="sndGoodname"    value="<%=pkgName%>">
<input type="hidden" name="sndAmount"      value="<%=payAmt%>">
<input type="hidden" name="sndOrdername"   value="<%=Session("memName")%>">
<input type="hidden" name="sndEmail"       value="<%=Session("memEmail")%>">
<input type="hidden" name="sndMobile"      value="<%=Session("memHp")%>">
<table width="700" border="0" cellpadding="6" cellspacing="1" bgcolor="#BFD3E6" align="center">
<tr bgcolor="#FFFFFF">
	<td width="130" bgcolor="#EEF4FA">예약번호</td>
	<td><%=resvNo%></td>
</tr>
<tr bgcolor="#FFFFFF">
	<td bgcolor="#EEF4FA">결제금액</td>
	<td><font color="#D03A00"><b><%=FormatNumber(payAmt, 0)%></b></font>원 (유류할증료 포함)</td>
</tr>
<tr bgcolor="#FFFFFF">
	<td bgcolor="#EEF4FA">거래종류</td>
	<td>
		<input type="radio" name="certitype" value="M" checked>안심클릭<br>
		외환,삼성,현대,신한,롯데,하나,씨티,농협<br>
		<input type="radio" name="certitype" value="I">안전결제(ISP)<br>
		비씨,국민,수협,전북,광주,제주<br>
	</td>
</tr>
</table>
<p align="center"><input type="image" src="/images/btn_reserve_pay.gif" alt="예약결제"></p>
</form>
<table width="700" border="0" cellpadding="5" cellspacing="0" align="center">
<tr>
	<td style="color:#777777; font-size:11px; line-height:17px;">
	※ 항공권 발권 후 취소시 제주항공 규정에 따른 취소수수료가 부과됩니다.<br>
	※ 제주 현지 사정(태풍 등)으로 일정이 변경될 수 있습니다.<br>
	해피투어 | 관광사업자등록 제2009-000호 | 서울특별시 중구 세종대로 000 | 예약문의 1588-0000
	</td>
</tr>
</table>
<!--#include virtual="/include/footer.asp"-->
</body>
</html>
