<%@ Language=VBScript %>
<%
	Session.CodePage = 949
	Response.Charset = "euc-kr"
	Response.Buffer = True
	'-----------------------------------------------------------
	' 신용카드 결제 (KSPAY) - /shop/order/card_pay.asp
	' 2010-04-12 최초 작성, 2012-02-20 카드사 안내 추가
	'-----------------------------------------------------------
%>
<!--#include file="../../inc/config.asp"-->
<%
	Dim oid, oname, ogoods, oprice
	oid    = Request.Form("oid")
	oname  = Request.Form("oname")
	ogoods = Request.Form("ogoods")
	oprice = Request.Form("oprice")
	If oid = "" Or Not IsNumeric(oprice) Then
		Response.Write "<script>alert('잘못된 주문입니다.');location.href='/shop/cart.asp';</script>"
		Response.End
	End If
%>
<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
<HTML>
<HEAD>
<META http-equiv="Content-Type" content="text/html; charset=euc-kr">
<TITLE>미소한복 :: 신용카드 결제</TITLE>
<LINK rel="stylesheet" href="/css/style.css" type="text/css">
<STYLE type="text/css">
dl.card_info { margin:10px 0; padding:10px 15px; border:1px dotted #c9a0a0; }
dl.card_info dt { float:left; clear:left; width:90px; font-weight:bold; color:#a33; }
dl.card_info dd { margin-left:100px; line-height:20px; }
</STYLE>
<SCRIPT language="JavaScript">
function chkForm(f) {
	if (f.sndEmail.value == "") {
		alert("이메일 주소를 입력해 주세요.");
		f.sndEmail.focus();
		return false;
	}
	return true;
}
</SCRIPT>
</HEAD>
<BODY>
<!--#include virtual="/inc/top_menu.asp"-->
<div id="sub_wrap">
	<div class="sub_title"><img src="/images/sub/stit_card.gif" alt="신용카드 결제"></div>
	<form name="KSPayWeb" method="post" action="/kspay/KSPayCreditForm.asp" onsubmit="return chkForm(this);">
	<input type="hidden" name="sndOrdernumber" value="<%=oid%>">
	<input type="hidden" name="sndOrdername" value="<%=oname%>">
	<input type="hidden" name="sndGoodname" value="<%=ogoods%>">
	<input type="hidden" name="sndAmount" value="<%=oprice%>">
	<table width="620" cellpadding="4" cellspacing="0" border="0" class="order_tbl">
		<tr>
			<th width="110">상품명</th>
			<td><%=ogoods%></td>
		</tr>
		<tr>
			<th>결제금액</th>
			<td><b><%=FormatNumber(oprice, 0)%></b>원</td>
		</tr>
		<tr>
			<th>이메일</th>
			<td><input type="text" name="sndEmail" size="30" maxlength="50"></td>
		</tr>
	</table>
	<dl class="card_info">
		<dt>안심클릭</dt>
		<dd>외환, 삼성, 현대, 제주</dd>
		<dt>안전결제</dt>
		<dd>비씨, 국민, 수협</dd>
	</dl>
	<dl class="deli_info">
		<dt>배송안내</dt>
		<dd>맞춤 한복은 주문 후 7~10일 이내 발송되며, 제주 및 도서산간 지역은 2~3일 더 걸립니다.</dd>
	</dl>
	<p align="center">
		<input type="image" src="/images/btn/btn_pay.gif" alt="결제하기">
		<a href="/shop/cart.asp"><img src="/images/btn/btn_cancel.gif" alt="취소" border="0"></a>
	</p>
	</form>
</div>
<!--#include virtual="/inc/footer.asp"-->
<div class="copy">
	미소한복 | 대표 : 윤미소 | 서울특별시 종로구 예지동 000 | 결제주문 문의 02-000-0000
</div>
</BODY>
</HTML>
