<%@ Language="VBScript" CodePage="949" %>
<!-- #include virtual="/common/dbopen.asp" -->
<!-- #include virtual="/kspay/KSPayCfg.inc" -->
<%
	'===========================================================
	' 카드결제 (card_pay.asp)
	' 2013.04.22 제주카드 안전결제(ISP) 전환 반영 - 웹팀 김과장
	'===========================================================
	Dim orderNo, payAmt
	orderNo = Request.Form("order_no")
	payAmt  = Request.Form("pay_amt")
%>
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=euc-kr">
<title>한라봉농원 - 카드결제</title>
<script language="javascript" src="<%=KSPAY_ISP_JS%>"></script>
<script language="javascript">
<!--
var mpiCards = new Array(
	"1", "2", "6"	// 1: 삼성, 2: 현대, 6: 신한 (16: 제주 -> ISP 이동)
);
var ispCards = new Array("3", "4", "7", "16");	// 16: 제주카드

function next() {
	var frm = document.KSPayAuthForm;
	var code = frm.selectcard.value;
	if (code == "") { alert("카드사를 선택하세요."); return; }
	if (ispCards.indexOf(code) > -1) submitISP();
	else submitV3d();
}

function submitISP() {
	var frm = document.KSPayAuthForm;
	frm.certitype.value = "I";
	frm.KVP_CARDCODE.value = frm.selectcard.value;
	if (MakePayMessage(frm)) { frm.action = "/kspay/KSPayCreditPost.asp"; frm.submit(); }
}

function submitV3d() {
	var frm = document.KSPayAuthForm;
	frm.certitype.value = "M";
	frm.cardcode.value = frm.selectcard.value;
	window.open("", "KSPAY_V3D", "width=420,height=480");
	frm.target = "KSPAY_V3D";
	frm.action = "https://kspay.ksnet.to/store/mb2/V3DAuth.jsp";
	frm.submit();
}
//-->
</script>
</head>
<body>
<form name="KSPayAuthForm" method="post">
<input type="hidden" name="certitype" value="">
<input type="hidden" name="cardcode" value="">
<input type="hidden" name="KVP_CARDCODE" value="">
<input type="hidden" name="sndOrdernumber" value="<%=orderNo%>">
<input type="hidden" name="sndAmount" value="<%=payAmt%>">
<p>제주 한라봉 산지직송 / 제주도 배송은 1~2일 더 걸립니다.</p>
<select name="selectcard">
	<option value="">카드사 선택</option>
<%
	Set rs = dbcon.Execute("SELECT card_code, card_name FROM tb_card WHERE use_yn = 'Y' ORDER BY sort_no")
	Do Until rs.EOF
%>
	<option value="<%=rs("card_code")%>"><%=rs("card_name")%></option>
<%
		rs.MoveNext
	Loop
	rs.Close
%>
</select>
<a href="javascript:next();"><img src="/images/btn_pay.gif" border="0" alt="결제하기"></a>
</form>
</body>
</html>
