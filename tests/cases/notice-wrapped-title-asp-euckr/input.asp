<%@ Language="VBScript" CodePage="949" %>
<%
	Option Explicit
	Response.Expires = -1
	Response.CharSet = "euc-kr"
	'===========================================================
	' 결제 안내 팝업 (/popup/pay_guide.asp)
	' 2010.02.08 최초작성 / 2012.11.20 인증방식 안내 문구 변경
	'===========================================================
	Dim shopName
	shopName = Application("SHOP_NAME")
%>
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=euc-kr">
<title><%=shopName%> - 카드결제 안내</title>
<style type="text/css">
body { margin:0; font-size:12px; font-family:돋움, Dotum; }
.pop_tit { background:#3b5998; color:#fff; padding:8px 12px; font-weight:bold; }
.guide_txt { padding:6px 12px; line-height:18px; color:#555; }
</style>
</head>
<body>
<div class="pop_tit">카드결제 인증방식 안내</div>
<p class="guide_txt">
	결제하실 카드사에 따라 인증방식이 다릅니다.<br>
	안심 클릭 결제?
	&nbsp;(삼성카드/현대카드/외환카드/제주카드)<br>
	안전 결제 :
	&nbsp;(국민/BC/우리카드)<br>
</p>
<p class="guide_txt">
	※ 안전 결제를 위해 결제 진행 중에는 새로고침을 하지 마십시오.<br>
	※ 문의 : <%=Application("CS_TEL")%> (평일 09:00~18:00)
</p>
<p align="center"><a href="javascript:self.close();"><img src="/images/btn_close.gif" alt="닫기" border="0"></a></p>
</body>
</html>
