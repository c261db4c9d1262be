<%@ Language="VBScript" %>
<%
Session.CodePage = 949
Response.Charset = "euc-kr"
%>
<!--#include virtual="/inc/config.asp"-->
<%
'=========================================================
' help/pay_help.asp - 결제 도움말 (FAQ > 카드결제)
' 2010.11.02 최초 작성 / 2012.03.05 ISP 설명 보완
'=========================================================
Dim helpTab
helpTab = Request.QueryString("tab")
If helpTab = "" Then helpTab = "card"
%>
<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=euc-kr">
<title>바른농산 - 결제 도움말</title>
<link rel="stylesheet" type="text/css" href="/css/common.css">
<style type="text/css">
.helpCont { width:640px; padding:10px 20px; font-size:12px; line-height:20px; color:#666; }
.helpCont h3 { margin:20px 0 5px 0; padding-left:12px; background:url(/images/help/bul_q.gif) no-repeat 0 4px; font-size:13px; color:#2f6b1f; }
.helpCont p { margin:0 0 0 12px; }
.helpTab a.on { font-weight:bold; color:#2f6b1f; }
</style>
</head>
<body>
<!--#include virtual="/inc/top.asp"-->
<div class="helpTab">
	<a href="?tab=card"<% If helpTab = "card" Then %> class="on"<% End If %>>카드결제</a> |
	<a href="?tab=bank"<% If helpTab = "bank" Then %> class="on"<% End If %>>무통장입금</a>
</div>
<div class="helpCont">
	<h3>안심클릭 서비스란?</h3>
	<p>외환, 삼성, 현대, 신한, 롯데, 하나SK, 씨티 카드사가 시행하는 온라인 결제 인증 서비스로, 카드사 홈페이지에서 미리 등록한 안심클릭 비밀번호로 결제합니다.</p>

	<h3>ISP인증(안전결제) 서비스란?</h3>
	<p>국민, 비씨, 우리, 제주카드가 시행하는 인터넷 안전결제 서비스입니다. 처음 결제하실 때 ISP 프로그램을 설치하고 카드를 등록하시면 다음부터는 비밀번호만으로 결제하실 수 있습니다.</p>

	<h3>공인인증서는 언제 필요한가요?</h3>
	<p>30만원 이상 결제하실 때에는 카드사 인증과 함께 공인인증서가 필요합니다.</p>
</div>
<!--#include virtual="/inc/bottom.asp"-->
<div id="copyright">
	바른농산 | 전라남도 나주시 금천면 000-0 | 사업자등록번호 412-00-00000 | 대표 정바른 | 고객센터 061-000-0000
</div>
</body>
</html>
