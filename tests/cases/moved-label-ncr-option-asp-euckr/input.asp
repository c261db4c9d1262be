<%@ Language=VBScript CodePage=949 %>
<!-- #include virtual="/shop/inc/dbcon.asp" -->
<%
	Dim certitype : certitype = Request("certitype")
	If certitype = "" Then certitype = "M"
%>
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=euc-kr">
<title>&#54620;&#46972;&#48393; &#45453;&#50896; - &#52852;&#46300;&#44208;&#51228;</title>
</head>
<body>
<form name="KSPayForm" method="post" action="KSPayCreditPost.asp">
<table width="500" border="0" cellspacing="1" cellpadding="3">
<tr>
	<td class="tit">카드 선택</td>
	<td>
	<select name="selectcard" class="inp">
		<optgroup label="&#50504;&#49900;&#53364;&#47533;">
		<option value="03">&#50808;&#54872;</option>
		<option value="04">&#49340;&#49457;</option>
		<option value="13">&#51228;&#51452;</option>
		<option value="06">&#54788;&#45824;</option>
		</optgroup>
		<optgroup label="&#50504;&#51204;&#44208;&#51228;(ISP)">
		<option value="0100">&#48708;&#50472;</option>
		<option value="0204">&#44397;&#48124;</option>
		</optgroup>
	</select>
	</td>
</tr>
</table>
<input type="hidden" name="certitype" value="<%=certitype%>">
</form>
</body>
</html>
