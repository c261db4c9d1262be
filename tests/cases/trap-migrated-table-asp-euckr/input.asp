<%@ CodePage=949 Language="VBScript" %>
<!-- #include virtual="/common/dbopen.asp" -->
<%
	Session.CodePage = 949
	Response.ContentType = "text/html"
	Response.Charset = "euc-kr"

	'// 신용카드 결제 안내 (card_guide.asp) - 온누리건강
	'// 2013.04.19 : 제주카드 안전결제(ISP) 전환 반영
	Dim ordNo, ordAmt, rs
	ordNo = Trim(Request("ord_no"))
	Set rs = Server.CreateObject("ADODB.Recordset")
	rs.Open "SELECT ord_amt, goods_nm FROM TB_ORDER WHERE ord_no = '" & Replace(ordNo, "'", "''") & "'", dbCon, 1
	If rs.EOF Then
		Response.Write "<script>alert('주문정보가 없습니다.');history.back();</script>"
		Response.End
	End If
	ordAmt = rs("ord_amt")
%>
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=ks_c_5601-1987">
<title>온누리건강 - 신용카드 결제</title>
<link href="/css/onnuri.css" rel="stylesheet" type="text/css">
<script language="JavaScript">
<!--
function goPay(t) {
	var f = document.KSPayForm;
	f.certitype.value = t;
	f.action = (t == "I") ? "/kspay/KSPayCreditFormI.asp" : "/kspay/KSPayCreditFormM.asp";
	f.submit();
}
//-->
</script>
</head>
<body topmargin="0" leftmargin="0">
<!-- #include virtual="/include/top.asp" -->
<table width="760" border="0" cellspacing="0" cellpadding="0" align="center">
<tr><td height="35"><img src="/images/sub/tit_card.gif" alt="신용카드 결제"></td></tr>
</table>
<form name="KSPayForm" method="post">
<input type="hidden" name="sndStoreid"     value="2999199999">
<input type="hidden" name="sndOrdernumber" value="<%=ordNo%>">
<input type="hidden" name="sndGoodname"    value="<%=rs("goods_nm")%>">
<input type="hidden" name="sndAmount"      value="<%=ordAmt%>">
<input type="hidden" name="certitype"      value="">
<table width="760" border="0" cellspacing="1" cellpadding="5" bgcolor="#C9D6C0" align="center">
	<tr bgcolor="#EEF4EA" align="center">
		<td width="440"><b>카드사</b></td>
		<td width="150"><b>인증방식</b></td>
		<td><b>비고</b></td>
	</tr>
	<tr bgcolor="#FFFFFF">
		<td>외환, 삼성, 현대, 신한, 롯데, 하나SK, 씨티, NH농협</td>
		<td align="center">안심클릭</td>
		<td>결제창에서 비밀번호 입력</td>
	</tr>
	<tr bgcolor="#FFFFFF">
		<td>비씨, 국민, 수협, 전북, 광주, 우리, 제주</td>
		<td align="center">안전결제(ISP)</td>
		<td>최초 1회 프로그램 설치</td>
	</tr>
</table>
<table width="760" border="0" cellspacing="0" cellpadding="10" align="center">
	<tr>
		<td align="center">
			결제금액 : <font color="#D2691E"><b><%=FormatNumber(ordAmt, 0)%></b></font>원<br><br>
			<a href="javascript:goPay('M');"><img src="/images/btn/btn_pay_mpi.gif" alt="안심클릭 결제" border="0"></a>
			<a href="javascript:goPay('I');"><img src="/images/btn/btn_pay_isp.gif" alt="안전결제 결제" border="0"></a>
		</td>
	</tr>
</table>
</form>
<%
	rs.Close
	Set rs = Nothing
%>
<!-- #include virtual="/common/dbclose.asp" -->
<!-- #include virtual="/include/bottom.asp" -->
</body>
</html>
