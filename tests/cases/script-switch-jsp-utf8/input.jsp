<%@ page language="java" contentType="text/html; charset=UTF-8" pageEncoding="UTF-8" %>
<%@ page import="java.text.NumberFormat" %>
<%@ include file="/WEB-INF/jsp/kspay/KSPayCfg.jsp" %>
<%
	/* ------------------------------------------------------------
	 * 카드결제 (안전결제/안심클릭 통합) - card_pay.jsp
	 * 2012.05.21 리뉴얼
	 * ------------------------------------------------------------ */
	request.setCharacterEncoding("UTF-8");
	String orderNo   = request.getParameter("orderNo");
	String goodsName = request.getParameter("goodsName");
	String buyerName = request.getParameter("buyerName");
	String amountStr = request.getParameter("amount");
	long amount = 0;
	try {
		amount = Long.parseLong(amountStr);
	} catch (Exception e) {
		response.sendRedirect("/cart/list.jsp");
		return;
	}
	NumberFormat nf = NumberFormat.getInstance();
%>
<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml" lang="ko">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=UTF-8" />
<title>결제하기 | 모아키친</title>
<link rel="stylesheet" type="text/css" href="/resources/css/common.css" />
<link rel="stylesheet" type="text/css" href="/resources/css/order.css" />
<script type="text/javascript" src="/resources/js/jquery-1.7.2.min.js"></script>
<script type="text/javascript" src="<%= KSPAY_ISP_JS %>"></script>
<script type="text/javascript">
	function next() {
		var frm = document.KSPayAuthForm;
		var code = frm.selectcard.value;

		if (code == "") {
			alert("카드사를 선택해 주세요.");
			return false;
		}
		switch (code) {
			case "0100":
			case "0204":
			case "1800":
				submitISP();
				break;
			case "0300":
			case "13":
			case "0400":
			case "0500":
			case "0600":
				submitV3d();
				break;
			default:
				alert("선택하신 카드는 현재 결제가 불가능합니다.");
				return false;
		}
		return false;
	}

	function submitISP() {
		var frm = document.KSPayAuthForm;
		frm.certitype.value = "I";
		frm.KVP_CARDCODE.value = frm.selectcard.value;
		if (MakePayMessage(frm)) {
			frm.action = "/order/kspay/KSPayCreditPost.jsp";
			frm.submit();
		}
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
</script>
</head>
<body>
<div id="wrap">
	<jsp:include page="/WEB-INF/jsp/common/header.jsp" />
	<div id="content" class="order">
		<h2 class="page_tit">신용카드 결제</h2>
		<form name="KSPayAuthForm" method="post" action="" onsubmit="return next();">
			<input type="hidden" name="certitype" value="" />
			<input type="hidden" name="cardcode" value="" />
			<input type="hidden" name="KVP_CARDCODE" value="" />
			<input type="hidden" name="sndStoreid" value="<%= KSPAY_STOREID %>" />
			<input type="hidden" name="sndOrdernumber" value="<%= orderNo %>" />
			<input type="hidden" name="sndGoodname" value="<%= goodsName %>" />
			<input type="hidden" name="sndOrdername" value="<%= buyerName %>" />
			<input type="hidden" name="sndAmount" value="<%= amount %>" />
			<table class="tbl_form" summary="카드 결제 정보">
				<colgroup><col width="130" /><col /></colgroup>
				<tr>
					<th scope="row">주문번호</th>
					<td><%= orderNo %></td>
				</tr>
				<tr>
					<th scope="row">결제금액</th>
					<td><strong class="price"><%= nf.format(amount) %></strong>원</td>
				</tr>
				<tr>
					<th scope="row">카드사 선택</th>
					<td>
						<select name="selectcard" id="selectcard">
							<option value="">카드사를 선택하세요</option>
							<option value="0100">BC카드</option>
							<option value="0204">KB국민카드</option>
							<option value="1800">수협카드</option>
							<option value="0300">외환카드</option>
							<option value="0400">삼성카드</option>
							<option value="0500">현대카드</option>
							<option value="0600">신한카드</option>
							<option value="13">제주카드</option>
						</select>
					</td>
				</tr>
			</table>
			<p class="btn_area">
				<input type="image" src="/resources/images/btn/btn_pay.gif" alt="결제하기" />
				<a href="/cart/list.jsp"><img src="/resources/images/btn/btn_cancel.gif" alt="취소" /></a>
			</p>
		</form>
	</div>
	<jsp:include page="/WEB-INF/jsp/common/footer.jsp" />
</div>
</body>
</html>
