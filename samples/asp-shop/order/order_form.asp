<%@ Language=VBScript CodePage=949 %>
<!-- #include virtual="/include/dbcon.asp" -->
<!-- #include virtual="/include/func.asp" -->
<%
'=============================================================================
' order_form.asp : 주문서 작성
'  - 장바구니 상품 목록 / 배송지 입력 / 결제수단 선택
'  - 신용카드 -> /kspay/KSPayForm.asp , 무통장/가상계좌 -> order_vbank.asp
'=============================================================================
Response.Expires = -1
Response.CacheControl = "no-cache"

Dim userid, sql, rs, totalPrice, delivFee, ordernumber, goodname, goodsCnt
userid = Session("userid")
If userid = "" Then
	Response.Redirect "/member/login.asp?reurl=" & Server.URLEncode("/order/order_form.asp")
End If

' 주문번호 : HM + 년월일시분초 + 난수3자리
Randomize
ordernumber = "HM" & Year(Now) & Right("0" & Month(Now), 2) & Right("0" & Day(Now), 2) _
	& Right("0" & Hour(Now), 2) & Right("0" & Minute(Now), 2) & Right("0" & Second(Now), 2) _
	& Right("00" & Int(Rnd * 1000), 3)

sql = "SELECT c.idx, g.goodsname, g.price, c.qty FROM tb_cart c INNER JOIN tb_goods g ON c.goodsidx = g.idx " _
	& "WHERE c.userid = '" & Replace(userid, "'", "''") & "' ORDER BY c.idx"
Set rs = dbcon.Execute(sql)
totalPrice = 0
goodsCnt = 0
%>
<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=euc-kr">
<title>::: 행복한마켓 - 주문서 작성 :::</title>
<link rel="stylesheet" href="/css/style.css" type="text/css">
<script language="javascript" src="/js/common.js"></script>
<script language="javascript">
<!--
function chgPayMethod(v) {
	document.getElementById("vbank_area").style.display = (v == "vbank") ? "" : "none";
}

function goOrder() {
	var frm = document.orderForm;
	if (frm.rcv_name.value == "") { alert("받으시는 분 성함을 입력하세요."); frm.rcv_name.focus(); return; }
	if (frm.rcv_addr1.value == "") { alert("배송지 주소를 입력하세요."); return; }
	if (frm.paymethod[1].checked && frm.vbank_code.value == "") {
		alert("입금하실 은행을 선택하세요.");
		frm.vbank_code.focus();
		return;
	}
	if (frm.paymethod[0].checked) {
		frm.action = "/kspay/KSPayForm.asp";
	} else {
		frm.action = "/order/order_vbank.asp";
	}
	frm.submit();
}
//-->
</script>
</head>
<body topmargin="0" leftmargin="0" marginwidth="0" marginheight="0">
<!-- #include virtual="/include/top.asp" -->
<table width="760" border="0" cellspacing="0" cellpadding="0" align="center">
<tr>
	<td height="40" align="right"><font color="#999999">01 장바구니 &gt; <b><font color="#FF6600">02 주문서작성</font></b> &gt; 03 결제주문 &gt; 04 주문완료</font></td>
</tr>
<tr>
	<td>
	<form name="orderForm" method="post" action="">
	<input type="hidden" name="ordernumber" value="<%=ordernumber%>">
	<table width="100%" border="0" cellspacing="1" cellpadding="5" bgcolor="#DDDDDD">
	<tr bgcolor="#F3F3F3" align="center">
		<td>상품명</td><td width="90">판매가</td><td width="60">수량</td><td width="100">합계</td>
	</tr>
<%
Do Until rs.EOF
	goodsCnt = goodsCnt + 1
	If goodsCnt = 1 Then goodname = rs("goodsname")
	totalPrice = totalPrice + CLng(rs("price")) * CLng(rs("qty"))
	Response.Write "	<tr bgcolor=""#FFFFFF"">" & vbCrLf
	Response.Write "		<td>" & Server.HTMLEncode(rs("goodsname")) & "</td>" & vbCrLf
	Response.Write "		<td align=""right"">" & FormatNumber(rs("price"), 0) & "원</td>" & vbCrLf
	Response.Write "		<td align=""center"">" & rs("qty") & "</td>" & vbCrLf
	Response.Write "		<td align=""right"">" & FormatNumber(CLng(rs("price")) * CLng(rs("qty")), 0) & "원</td>" & vbCrLf
	Response.Write "	</tr>" & vbCrLf
	rs.MoveNext
Loop
rs.Close
Set rs = Nothing
If goodsCnt > 1 Then goodname = goodname & " 외 " & (goodsCnt - 1) & "건"
If totalPrice < 30000 Then delivFee = 2500 Else delivFee = 0
%>
	<tr bgcolor="#FFFFFF">
		<td colspan="4" align="right">
		상품합계 <b><%=FormatNumber(totalPrice, 0)%></b>원 + 배송비 <b><%=FormatNumber(delivFee, 0)%></b>원
		= <font color="#FF6600" size="3"><b><%=FormatNumber(totalPrice + delivFee, 0)%></b></font>원
		</td>
	</tr>
	</table>
	<input type="hidden" name="goodname" value="<%=Server.HTMLEncode(goodname)%>">
	<input type="hidden" name="amount" value="<%=totalPrice + delivFee%>">
	<br>
	<table width="100%" border="0" cellspacing="1" cellpadding="5" bgcolor="#DDDDDD">
	<tr bgcolor="#FFFFFF">
		<td width="130" bgcolor="#F3F3F3">주문하시는 분</td>
		<td><input type="text" name="ordername" value="<%=Session("username")%>" size="15" class="input"></td>
	</tr>
	<tr bgcolor="#FFFFFF">
		<td bgcolor="#F3F3F3">이메일 / 휴대폰</td>
		<td><input type="text" name="email" size="25" class="input"> / <input type="text" name="mobile" size="15" class="input"></td>
	</tr>
	<tr bgcolor="#FFFFFF">
		<td bgcolor="#F3F3F3">받으시는 분</td>
		<td><input type="text" name="rcv_name" size="15" class="input"></td>
	</tr>
	<tr bgcolor="#FFFFFF">
		<td bgcolor="#F3F3F3">배송지 주소</td>
		<td>
		<input type="text" name="rcv_zip" size="7" class="input" readonly> <a href="javascript:openZipcode('orderForm');"><img src="/images/btn_zip.gif" alt="우편번호" border="0" align="absmiddle"></a><br>
		<input type="text" name="rcv_addr1" size="50" class="input" readonly><br>
		<input type="text" name="rcv_addr2" size="50" class="input"><br>
		<font color="#CC0000" style="font-size:11px">※ 제주/도서산간 지역 추가 배송비 3,000원은 상품 수령 시 별도 부과됩니다.</font>
		</td>
	</tr>
	<tr bgcolor="#FFFFFF">
		<td bgcolor="#F3F3F3">결제수단</td>
		<td>
		<input type="radio" name="paymethod" value="card" onclick="chgPayMethod(this.value);" checked>신용카드&nbsp;&nbsp;
		<input type="radio" name="paymethod" value="vbank" onclick="chgPayMethod(this.value);">가상계좌(무통장입금)
		<div id="vbank_area" style="display:none;padding-top:5px">
		입금은행 :
		<select name="vbank_code">
			<option value="">은행선택</option>
			<option value="04">국민은행</option>
			<option value="11">농협</option>
			<option value="20">우리은행</option>
			<option value="88">신한은행</option>
			<option value="81">하나은행</option>
			<option value="03">기업은행</option>
			<option value="32">부산은행</option>
			<option value="35">제주은행</option>
			<option value="71">우체국</option>
		</select>
		&nbsp;입금자명 <input type="text" name="vbank_name" size="10" class="input">
		</div>
		</td>
	</tr>
	</table>
	</form>
	</td>
</tr>
<tr>
	<td height="70" align="center">
		<input type="button" value="결제주문" onclick="goOrder();" class="btn_order" style="width:140px;height:36px">
		&nbsp;
		<input type="button" value="장바구니로" onclick="location.href='/order/cart.asp';" style="width:100px;height:36px">
	</td>
</tr>
</table>
<!-- #include virtual="/include/bottom.asp" -->
</body>
</html>
<%
dbcon.Close
Set dbcon = Nothing
%>
