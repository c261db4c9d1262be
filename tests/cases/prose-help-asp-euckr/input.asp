<%@ Language="VBScript" %>
<%
Session.CodePage = 949
Response.Charset = "euc-kr"
Response.Buffer = True
%>
<!--#include virtual="/inc/config.asp"-->
<%
'***************************************************
'* 결제 도움말 (help/payment.asp)
'* 주문서의 [결제가 안될 때] 링크에서 팝업으로 연다
'***************************************************
Dim isPopup
isPopup = (Request.QueryString("popup") = "Y")
%>
<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=euc-kr">
<title>한라봉농원 - 결제 도움말</title>
<link rel="stylesheet" type="text/css" href="/css/style.css">
<style type="text/css">
#helpBox { width:600px; margin:0 auto; padding:15px; font-size:12px; line-height:19px; color:#555555; }
#helpBox .q { margin-top:14px; padding:4px 8px; background:#fff3e0; font-weight:bold; color:#d2691e; }
#helpBox .a { padding:6px 8px 0 20px; }
#helpFoot { width:600px; margin:20px auto 0 auto; padding-top:8px; border-top:1px solid #e5e5e5; font-size:11px; color:#999999; }
</style>
<script type="text/javascript">
function closeHelp() {
	if (opener) self.close();
	else history.back();
}
</script>
</head>
<body>
<% If Not isPopup Then %>
<!--#include virtual="/inc/top.asp"-->
<% End If %>
<div id="helpBox">
	<h3><img src="/images/help/tit_payment_help.gif" alt="결제 도움말"></h3>
	<p>한라봉농원에서 카드 결제가 되지 않을 때 아래 내용을 먼저 확인해 주세요.</p>

	<div class="q">Q. 결제 버튼을 눌러도 아무 창이 뜨지 않아요.</div>
	<div class="a">
		인터넷 익스플로러의 팝업 차단을 해제한 뒤 다시 시도해 주세요.<br>
		도구 &gt; 팝업 차단 &gt; 팝업 차단 끄기를 선택하시면 됩니다.
	</div>

	<div class="q">Q. 카드 비밀번호는 어디에 입력하나요?</div>
	<div class="a">
		안심클릭 결제는 카드사 홈페이지에서 미리 등록하신 안심클릭 비밀번호로 인증합니다.<br>
		제주카드 고객님은 결제 시 안심클릭 인증 창에서 카드 비밀번호를 입력해 주세요.<br>
		비씨카드와 국민카드는 안전결제(ISP) 프로그램에 등록하신 비밀번호를 사용합니다.
	</div>

	<div class="q">Q. 공인인증서를 요구합니다.</div>
	<div class="a">
		30만원 이상 결제하실 때에는 전자금융감독규정에 따라 공인인증서가 필요합니다.<br>
		인증서가 없으시면 무통장입금으로 주문해 주시기 바랍니다.
	</div>

	<div class="q">Q. 배송은 얼마나 걸리나요?</div>
	<div class="a">
		제주 한라봉은 주문 다음날 수확하여 택배로 보내 드리며, 도착까지 2~3일 정도 걸립니다.<br>
		제주도 내 지역은 다음날 받아보실 수 있습니다.
	</div>

	<p style="text-align:center; margin-top:20px;">
		<a href="javascript:closeHelp();"><img src="/images/common/btn_close.gif" alt="닫기" border="0"></a>
	</p>
</div>
<div id="helpFoot">
	상호 : 한라봉농원 | 대표 : 고한라 | 사업자등록번호 : 616-81-23456<br>
	주소 : 제주 서귀포시 남원읍 태위로 523 | 전화 : 064-764-0000 | 팩스 : 064-764-0001
</div>
<% If Not isPopup Then %>
<!--#include virtual="/inc/bottom.asp"-->
<% End If %>
</body>
</html>
