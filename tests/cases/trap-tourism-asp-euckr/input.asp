<%@ Language=VBScript CodePage=949 %>
<%
Option Explicit
Session.CodePage = 949
Response.Charset = "euc-kr"
'==========================================================
' 여행상품 결제 (tour_pay.asp) - 한라투어
'==========================================================
Dim pkgCode, pkgName, adultCnt, childCnt, totPrice, rsvNo
pkgCode  = Request("pkg")
rsvNo    = Request("rsvno")
adultCnt = CInt(Request("adult"))
childCnt = CInt(Request("child"))
pkgName  = "[제주항공] 제주도 봄꽃여행 2박3일"
totPrice = adultCnt * 289000 + childCnt * 219000
%>
<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=euc-kr">
<title>한라투어 :: 여행상품 결제</title>
<link rel="stylesheet" type="text/css" href="/css/tour.css">
<script type="text/javascript">
function goPay() {
	var f = document.tourPay;
	if (!f.agree.checked) { alert("여행약관에 동의해 주세요."); return; }
	f.submit();
}
</script>
</head>
<body>
<div id="top">
	<a href="/"><img src="/images/logo_halla.gif" alt="한라투어"></a>
	<a href="/event/jeju_spring.asp"><img src="/images/banner/bn_jeju_spring.jpg" alt="제주도 여행" width="728" height="90"></a>
</div>
<div id="content">
	<div class="pkg_info">
		<p class="pkg_title"><%=pkgName%></p>
		<ul>
			<li>항공 : 제주항공 7C105 김포 08:10 출발 / 7C118 제주 19:40 출발</li>
			<li>숙박 : 제주도 서귀포 중문관광단지 리조트 2박</li>
			<li>포함 : 왕복항공료, 숙박, 렌터카 48시간, 제주도 여행자보험</li>
			<li>불포함 : 유류할증료, 개인경비, 관광지 입장료</li>
		</ul>
		<p class="note">※ 제주항공 운항 사정에 따라 출발 시간이 변경될 수 있습니다.</p>
	</div>
	<form name="tourPay" method="post" action="/pay/KSPayCreditForm.asp">
	<input type="hidden" name="sndOrdernumber" value="<%=rsvNo%>">
	<input type="hidden" name="sndGoodname"    value="<%=pkgName%>">
	<input type="hidden" name="sndAmount"      value="<%=totPrice%>">
	<input type="hidden" name="sndStoreid"     value="2999199999">
	<table class="tbl_pay" cellspacing="0" cellpadding="0">
		<tr><th>예약번호</th><td><%=rsvNo%></td></tr>
		<tr><th>인원</th><td>성인 <%=adultCnt%>명 / 소아 <%=childCnt%>명</td></tr>
		<tr><th>결제금액</th><td><strong><%=FormatNumber(totPrice, 0)%></strong>원</td></tr>
	</table>
	<div class="card_guide">
		<h3>신용카드 인증방식 안내</h3>
		<h4>안심클릭</h4>
		<p>외환, 삼성, 현대, 신한, 롯데, 하나SK, 씨티, NH농협</p>
		<h4>안전결제</h4>
		<p>BC, 국민, 수협, 전북, 광주, 제주</p>
		<p class="small">※ 30만원 이상 결제시 공인인증서가 필요합니다.</p>
	</div>
	<p><input type="checkbox" name="agree" id="agree" value="Y"> <label for="agree">국내여행 표준약관 및 취소수수료 규정에 동의합니다.</label></p>
	<div class="btn"><a href="javascript:goPay();"><img src="/images/btn_pay.gif" alt="결제하기"></a></div>
	</form>
</div>
<div id="footer">
	한라투어 | 대표 : 강한결 | 관광사업자등록 : 제2009-000001호 | 서울특별시 중구 다동 00 한라빌딩 3층 | TEL 02-000-0000
</div>
</body>
</html>
