<%@ Language="VBScript" CodePage="949" %>
<%
Option Explicit
Session.CodePage = 949
Response.Charset = "euc-kr"
Response.Expires = -1
'---------------------------------------------------------------
' /popup/card_guide.asp : 신용카드 결제안내 팝업 (주문서 [결제안내] 버튼)
' 2011.03.14 작성 / 2012.06.20 무이자 할부 안내 추가
'---------------------------------------------------------------
Dim shopName, csTel
shopName = "다온침구"
csTel = "1588-0000"
%>
<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=euc-kr">
<title><%=shopName%> - 신용카드 결제안내</title>
<style type="text/css">
body { margin:0; padding:0; font-family:돋움, Dotum; font-size:12px; color:#555; }
#popWrap { width:520px; padding:15px; }
#popWrap h2 { margin:0 0 10px 0; padding-bottom:6px; border-bottom:2px solid #8a6d3b; font-size:14px; color:#8a6d3b; }
.guideTbl { width:100%; border-collapse:collapse; border-top:2px solid #8a6d3b; }
.guideTbl th { padding:6px; background:#f5f0e8; border:1px solid #ddd; font-size:11px; }
.guideTbl td { padding:6px; border:1px solid #ddd; text-align:center; line-height:17px; }
.guideTbl td.cards { text-align:left; }
.note { margin-top:8px; font-size:11px; color:#888; line-height:17px; }
#popFoot { margin-top:15px; padding-top:8px; border-top:1px solid #ddd; font-size:11px; color:#999; }
</style>
<script type="text/javascript">
function fnClose() {
	if (window.opener) window.opener.focus();
	window.close();
}
</script>
</head>
<body>
<div id="popWrap">
	<h2>신용카드 결제안내</h2>
	<p>카드사별 인증 방식은 아래와 같습니다. 결제 금액에 따라 공인인증서가 필요할 수 있습니다.</p>
	<table class="guideTbl" cellspacing="0" cellpadding="0" summary="카드사별 결제 인증 방식">
		<tr>
			<th width="46%">카드사</th>
			<th>30만원 미만</th>
			<th>30만원 이상</th>
		</tr>
		<tr>
			<td class="cards">외환, 삼성, 현대, 신한, 롯데, 하나SK, 씨티, 농협</td>
			<td>안심클릭인증</td>
			<td>공인인증</td>
		</tr>
		<tr>
			<td class="cards">국민, 비씨, 우리, 제주</td>
			<td>ISP인증(안전결제)</td>
			<td>ISP인증(안전결제) + 공인인증</td>
		</tr>
		<tr>
			<td class="cards">해외발급카드 (VISA, MASTER, JCB)</td>
			<td>인증없음</td>
			<td>인증없음</td>
		</tr>
	</table>
	<p class="note">
		※ 안심클릭 비밀번호는 각 카드사 홈페이지에서 등록하실 수 있습니다.<br>
		※ 결제 오류 시 고객센터(<%=csTel%>)로 연락 주시면 친절히 안내해 드리겠습니다.
	</p>
	<p style="text-align:center; margin-top:12px;">
		<a href="javascript:fnClose();"><img src="/images/btn/btn_close.gif" alt="닫기" border="0"></a>
	</p>
	<div id="popFoot">
		<%=shopName%> | 대구광역시 수성구 동대구로 000 | 사업자등록번호 502-00-00000 | 통신판매업신고 제2010-대구수성-0000호
	</div>
</div>
</body>
</html>
