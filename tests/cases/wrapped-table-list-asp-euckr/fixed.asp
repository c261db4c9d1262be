<%@ Language=VBScript CodePage=949 %>
<%
Option Explicit
Session.CodePage = 949
Response.Charset = "euc-kr"
Dim shopName : shopName = "한라봉농원"
%>
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=euc-kr">
<title><%=shopName%> - 카드 결제 안내</title>
<style type="text/css">
.guide_tbl { border-collapse:collapse; width:600px; }
.guide_tbl th, .guide_tbl td { border:1px solid #ccc; padding:5px; font-size:12px; }
</style>
</head>
<body>
<div id="pop_wrap">
	<h2>신용카드 결제 안내</h2>
	<table class="guide_tbl">
		<tr>
			<th>인증 방식</th>
			<th>카드사</th>
			<th>비고</th>
		</tr>
		<tr>
			<td>안심클릭</td>
			<td>외환, 삼성,<br />
				현대, 신한,<br />
				롯데, 하나</td>
			<td>카드사 홈페이지에서 비밀번호 등록</td>
		</tr>
		<tr>
			<td>ISP(안전결제)</td>
			<td>국민, 비씨,<br />
				우리, 수협, 제주</td>
			<td>ISP 프로그램 설치 필요</td>
		</tr>
	</table>
	<dl class="pay_tip">
		<dt>안심 클릭 결제</dt>
		<dd>삼성/현대/신한</dd>
		<dt>안전 결제</dt>
		<dd>국민/BC/우리/제주은행</dd>
	</dl>
	<p class="copy">(주)<%=shopName%> | 제주특별자치도 서귀포시 남원읍 태위로 100 | 064-000-0000</p>
</div>
</body>
</html>
