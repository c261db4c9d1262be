<%@ Language=VBScript CodePage=949 %>
<!-- #include virtual="/include/func.asp" -->
<%
'=============================================================================
' pay_help.asp : 결제 도움말 (주문서 작성 화면의 "결제안내" 링크)
'  - 신용카드 인증방식 안내 / 카드사 로고 / 자주 묻는 질문
'  - 2011.03.14 작성 (웹팀 김대리)
'=============================================================================
Response.Expires = -1
Dim helpTab
helpTab = Request("tab")
If helpTab = "" Then helpTab = "card"
%>
<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=euc-kr">
<title>::: 행복한마켓 - 결제 도움말 :::</title>
<link rel="stylesheet" href="/css/style.css" type="text/css">
<style type="text/css">
.help_box { border:1px solid #DDDDDD; padding:15px; line-height:20px; }
.help_box h4 { margin:15px 0 5px 0; font-size:12px; color:#FF6600; }
.card_logo { margin:0; padding:0; list-style:none; overflow:hidden; }
.card_logo li { float:left; margin:0 5px 5px 0; }
.faq .q { margin:10px 0 0 0; font-weight:bold; color:#333333; }
.faq .a { margin:3px 0 0 0; color:#666666; }
</style>
<script language="javascript">
<!--
function showTab(id) {
	document.getElementById("tab_card").style.display = (id == "card") ? "" : "none";
	document.getElementById("tab_faq").style.display = (id == "faq") ? "" : "none";
}
//-->
</script>
</head>
<body topmargin="0" leftmargin="0" marginwidth="0" marginheight="0" onload="showTab('<%=helpTab%>');">
<!-- #include virtual="/include/top.asp" -->
<table width="760" border="0" cellspacing="0" cellpadding="0" align="center">
<tr>
	<td height="40"><img src="/images/help/tit_pay_help.gif" alt="결제 도움말"></td>
</tr>
<tr>
	<td>
	<a href="javascript:showTab('card');"><img src="/images/help/tab_card.gif" alt="신용카드 결제" border="0"></a>
	<a href="javascript:showTab('faq');"><img src="/images/help/tab_faq.gif" alt="자주 묻는 질문" border="0"></a>

	<div id="tab_card" class="help_box">
		<p>
		신용카드 결제는 카드사별로 인증방식이 다릅니다.
		외환, 삼성, 현대, 신한, 롯데, 하나SK, 씨티, 제주카드 회원님은 카드사에서 시행하는 안심클릭 서비스로 결제하시게 됩니다.
		결제창에서 카드번호와 안심클릭 비밀번호(또는 공인인증서)를 입력하시면 됩니다.
		</p>
		<div class="card_area">
			<h4>안심클릭</h4>
			<ul class="card_logo">
				<li><img src="/img/card/ke.gif" alt="외환카드"></li>
				<li><img src="/img/card/ss.gif" alt="삼성카드"></li>
				<li><img src="/img/card/hd.gif" alt="현대카드"></li>
				<li><img src="/img/card/sh.gif" alt="신한카드"></li>
				<li><img src="/img/card/lt.gif" alt="롯데카드"></li>
				<li><img src="/img/card/hn.gif" alt="하나SK카드"></li>
				<li><img src="/img/card/ct.gif" alt="씨티카드"></li>
				<li><img src="/img/card/jj.gif" alt="제주카드"></li>
			</ul>
			<h4>안전결제(ISP)</h4>
			<ul class="card_logo">
				<li><img src="/img/card/bc.gif" alt="BC카드"></li>
				<li><img src="/img/card/kb.gif" alt="국민카드"></li>
				<li><img src="/img/card/sj.gif" alt="수협카드"></li>
			</ul>
		</div>
		<p>
		BC, 국민, 수협카드는 안전결제(ISP) 프로그램을 처음 한 번 설치하고 카드를 등록하신 뒤 결제하실 수 있습니다.
		</p>
	</div>

	<div id="tab_faq" class="help_box faq" style="display:none">
		<p class="q">Q. 결제 버튼을 눌러도 인증창이 뜨지 않아요.</p>
		<p class="a">A. 브라우저의 팝업차단을 해제하시고, ActiveX 설치 안내가 나오면 설치를 허용해 주세요.</p>
		<p class="q">Q. 결제가 완료되었는데 주문내역에 없어요.</p>
		<p class="a">A. 결제주문 처리에 1~2분이 걸릴 수 있습니다. 잠시 후 마이페이지에서 다시 확인해 주세요.</p>
		<p class="q">Q. 무통장입금은 어떤 은행으로 하나요?</p>
		<p class="a">A. 주문서에서 가상계좌를 선택하시면 주문마다 전용 계좌번호가 발급됩니다.</p>
		<p class="q">Q. 30만원 이상 결제 시 무엇이 필요한가요?</p>
		<p class="a">A. 전자금융거래법에 따라 공인인증서가 필요합니다. 인증서를 미리 준비해 주세요.</p>
	</div>
	</td>
</tr>
<tr>
	<td height="60" align="center">
		<a href="/order/order_form.asp"><img src="/images/btn/btn_back_order.gif" alt="주문서로 돌아가기" border="0"></a>
	</td>
</tr>
</table>
<!-- #include virtual="/include/bottom.asp" -->
</body>
</html>
