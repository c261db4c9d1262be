<%@ page contentType="text/html;charset=euc-kr" %>
<%@ page import="java.util.*, java.net.*" %>
<%
/*****************************************************************************
 * KSPayCreditFormM.jsp : 안심클릭 카드선택
 *****************************************************************************/
	request.setCharacterEncoding("euc-kr");

	String storeid     = request.getParameter("storeid");
	String storenm     = request.getParameter("storenm");
	String ordername   = request.getParameter("ordername");
	String ordernumber = request.getParameter("ordernumber");
	String amount      = request.getParameter("amount");
	String goodname    = request.getParameter("goodname");
	String email       = request.getParameter("email");
	String phoneno     = request.getParameter("phoneno");
	String certitype   = request.getParameter("certitype");

	if (certitype == null) certitype = "";
	if (goodname  == null) goodname  = "";
%>
<html>
<head>
<title>KSPay - 안심클릭</title>
<meta http-equiv="Content-Type" content="text/html; charset=euc-kr">
<link rel="stylesheet" href="./css/kspay.css" type="text/css">
<script language="javascript">
<!--
	function submitV3d()
	{
		var frm = document.KSPayAuthForm;
		if (frm.selectcard.value == "") {
			alert("카드를 선택하세요.");
			frm.selectcard.focus();
			return;
		}
		frm.action = "./mpi/veri_host.jsp";
		frm.submit();
	}
//-->
</script>
</head>
<body>
<form name="KSPayAuthForm" method="post">
<input type=hidden name=storeid     value="<%=storeid%>">
<input type=hidden name=storenm     value="<%=storenm%>">
<input type=hidden name=ordername   value="<%=ordername%>">
<input type=hidden name=ordernumber value="<%=ordernumber%>">
<input type=hidden name=amount      value="<%=amount%>">
<input type=hidden name=goodname    value="<%=goodname%>">
<input type=hidden name=email       value="<%=email%>">
<input type=hidden name=phoneno     value="<%=phoneno%>">
<input type=hidden name=certitype   value="<%=certitype%>">
<table width=400 border=0 cellspacing=1 cellpadding=3 bgcolor=#CCCCCC>
<tr bgcolor=#FFFFFF>
	<td width=100>상품명</td>
	<td><%=goodname%></td>
</tr>
<tr bgcolor=#FFFFFF>
	<td>결제금액</td>
	<td><%=amount%> 원</td>
</tr>
<% if ("M".equals(certitype)) { %>
<tr bgcolor=#FFFFFF>
	<td>카드선택</td>
	<td>
		<select name=selectcard>
			<option value="">선택하세요
			<option value="01">외환카드
			<option value="03">삼성카드
			<option value="04">현대카드
			<option value="05">신한카드
			<option value="06">롯데카드
			<option value="07">하나SK카드
			<option value="08">씨티카드
		</select>
	</td>
</tr>
<tr bgcolor=#FFFFFF>
	<td>할부개월</td>
	<td>
		<select name=installment>
			<option value="00">일시불
			<option value="02">2개월
			<option value="03">3개월
		</select>
	</td>
</tr>
<tr bgcolor=#FFFFFF>
	<td colspan=2 align=center><input type=button value="결제" onclick="javascript:submitV3d();"></td>
</tr>
<% } %>
</table>
</form>
</body>
</html>
