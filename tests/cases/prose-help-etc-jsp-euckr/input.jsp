<%@ page contentType="text/html;charset=euc-kr" pageEncoding="euc-kr" %>
<%@ include file="/common/include/taglib.jsp" %>
<%
	/* 결제 안내 팝업 (/order/popPayGuide.jsp)
	 * 2011.05.30 신규 / 2012.10.11 ISP 안내 문구 수정 */
	String shopName = (String) application.getAttribute("SHOP_NAME");
	String ordNo = request.getParameter("ordNo");
%>
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=euc-kr">
<title><%= shopName %> 결제 안내</title>
<link href="/css/pop.css" rel="stylesheet" type="text/css">
<style type="text/css">
	.guide { margin:15px; font-size:12px; color:#555; line-height:19px; }
	.guide .subject { margin-top:14px; padding:3px 0 3px 8px; border-left:3px solid #c0392b; font-weight:bold; color:#333; }
	.guide .txt { padding:5px 0 0 11px; }
	.pop_foot { margin:20px 15px 10px; padding-top:8px; border-top:1px solid #ddd; font-size:11px; color:#999; }
</style>
</head>
<body>
<div class="guide">
	<h3>신용카드 결제 안내</h3>
	<div class="subject">안심클릭</div>
	<div class="txt">외환, 삼성, 현대, 신한, 롯데, 제주 등의 카드사 회원님은 카드사에서 제공하는 안심클릭 인증 후 결제됩니다.</div>
	<div class="subject">안전결제(ISP)</div>
	<div class="txt">비씨, 국민카드 회원님은 안전결제(ISP)로 결제하시게 됩니다. 처음 이용하실 때에는 ISP 등록 화면이 열립니다.</div>
	<div class="subject">주문번호</div>
	<div class="txt">결제 중 문의하실 때에는 주문번호 <b><%= ordNo %></b>를 알려 주세요.</div>
	<p align="center"><a href="javascript:self.close();"><img src="/images/btn/btn_close.gif" border="0" alt="닫기"></a></p>
</div>
<div class="pop_foot">
	<%= shopName %> | 강원도 춘천시 중앙로 00 | 대표 : 김춘천 | 사업자등록번호 221-00-00000 | 통신판매업 제2011-강원춘천-000호
</div>
</body>
</html>
