<%@ Language="VBScript" CodePage="949" %>
<%
Session.CodePage = 949
Response.Charset = "euc-kr"
'------------------------------------------------------------
' /guide/pay_compare.asp : 안심클릭 / 안전결제 비교 안내 (이용안내 > 결제방법)
'------------------------------------------------------------
Dim siteName
siteName = "맑은샘물산"
%>
<!--#include virtual="/include/header.asp"-->
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=euc-kr">
<title><%=siteName%> :: 결제방법 안내</title>
<link rel="stylesheet" type="text/css" href="/css/guide.css">
<style type="text/css">
.cmpTbl { width:620px; border-collapse:collapse; margin:10px 0; }
.cmpTbl th { background:#eaf1f8; border:1px solid #c9d6e3; padding:6px; font-size:12px; }
.cmpTbl td { border:1px solid #c9d6e3; padding:6px; font-size:12px; text-align:center; }
.cmpTbl td.l { text-align:left; }
.event { margin-top:12px; font-size:12px; color:#c0392b; }
</style>
</head>
<body>
<div id="guide">
	<h3>결제방법 안내</h3>
	<table class="cmpTbl">
		<tr>
			<th width="120">구분</th>
			<th>안심클릭</th>
			<th>안전결제(ISP)</th>
		</tr>
		<tr>
			<td>해당 카드</td>
			<td class="l">삼성, 현대, 신한, 롯데, 하나SK, 씨티</td>
			<td class="l">BC, 국민, 우리, 수협, 제주</td>
		</tr>
		<tr>
			<td>인증 방법</td>
			<td>안심클릭 비밀번호 입력</td>
			<td>ISP 등록 비밀번호 입력</td>
		</tr>
		<tr>
			<td>안심클릭/안전결제</td>
			<td class="l" colspan="2">30만원 이상은 공인인증서 필요 (삼성, 현대, 국민, BC, 제주 등 국내 전 카드)</td>
		</tr>
	</table>
	<p class="event">
		삼성, 현대, 국민 카드 무이자 할부 3개월 (5만원 이상, ~2012.12.31). 제주도 배송은 2~3일이 더 걸립니다.<br>
		신한, 롯데, 하나SK 카드 2~5개월 무이자, 제주 지역은 항공 운임으로 배송비 4,000원이 추가됩니다.
	</p>
</div>
<!--#include virtual="/include/footer.asp"-->
<div class="copy"><%=siteName%> | 충청북도 청주시 상당구 상당로 000 | 사업자등록번호 301-00-00000 | 대표 한맑음</div>
</body>
</html>
