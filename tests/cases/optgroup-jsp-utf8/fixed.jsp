<%@ page contentType="text/html;charset=utf-8" pageEncoding="utf-8" %>
<%@ page import="java.util.*" %>
<%
	/* ---------------------------------------------------------------
	 * KSPAY 신용카드 결제 (통합) - KSPayCreditForm.jsp
	 * 카드사 선택에 따라 안심클릭(submitV3d) / 안전결제(submitISP) 분기
	 * --------------------------------------------------------------- */
	request.setCharacterEncoding("utf-8");
	String storeid     = "2999199999";
	String ordernumber = request.getParameter("ordernumber");
	String ordername   = request.getParameter("ordername");
	String goodname    = request.getParameter("goodname");
	String amount      = request.getParameter("amount");
	String email       = request.getParameter("email");
	String phoneno     = request.getParameter("phoneno");
	if (ordernumber == null) ordernumber = "";
	if (amount == null) amount = "0";
%>
<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>KSPAY 신용카드 결제</title>
<style type="text/css">
	body, td { font-family:"돋움", Dotum; font-size:12px; color:#333333; }
	.tit { background-color:#EEF3F8; font-weight:bold; }
</style>
<script language="javascript">
function submitV3d() {
	var f = document.KSPayWeb;
	f.certitype.value = "M";
	f.action = "./mpi/veri_host.jsp";
	f.submit();
}
function submitISP() {
	var f = document.KSPayWeb;
	f.certitype.value = "I";
	f.action = "./isp/KSPayISP.jsp";
	f.submit();
}
function next() {
	var sel = document.KSPayWeb.selectcard;
	if (sel.selectedIndex < 1) {
		alert("카드사를 선택해 주세요.");
		return;
	}
	var grp = sel.options[sel.selectedIndex].parentNode;
	if (grp.label.indexOf("ISP") >= 0) submitISP();
	else submitV3d();
}
</script>
</head>
<body bgcolor="#FFFFFF">
<form name="KSPayWeb" method="post">
<input type="hidden" name="storeid"     value="<%=storeid%>">
<input type="hidden" name="ordernumber" value="<%=ordernumber%>">
<input type="hidden" name="ordername"   value="<%=ordername%>">
<input type="hidden" name="goodname"    value="<%=goodname%>">
<input type="hidden" name="amount"      value="<%=amount%>">
<input type="hidden" name="email"       value="<%=email%>">
<input type="hidden" name="phoneno"     value="<%=phoneno%>">
<input type="hidden" name="certitype"   value="">
<table width="500" border="0" cellspacing="1" cellpadding="5" bgcolor="#B5C7DB" align="center">
	<tr>
		<td class="tit" width="120">주문번호</td>
		<td bgcolor="#FFFFFF"><%=ordernumber%></td>
	</tr>
	<tr>
		<td class="tit">결제금액</td>
		<td bgcolor="#FFFFFF"><font color="#E05A00"><b><%=amount%></b></font> 원</td>
	</tr>
	<tr>
		<td class="tit">카드선택</td>
		<td bgcolor="#FFFFFF">
			<select name="selectcard" style="width:200px;">
				<option value="">::: 카드사 선택 :::</option>
				<optgroup label="안심클릭(MPI)">
					<option value="01">외환카드</option>
					<option value="03">삼성카드</option>
					<option value="04">현대카드</option>
					<option value="05">신한카드</option>
					<option value="06">롯데카드</option>
					<option value="07">하나SK카드</option>
					<option value="08">씨티카드</option>
					<option value="11">NH농협카드</option>
				</optgroup>
				<optgroup label="안전결제(ISP)">
					<option value="0100">BC카드</option>
					<option value="0204">KB국민카드</option>
					<option value="1800">수협카드</option>
					<option value="1600">전북카드</option>
					<option value="1500">광주카드</option>
					<option value="13">제주카드</option>
				</optgroup>
			</select>
		</td>
	</tr>
	<tr>
		<td class="tit">할부</td>
		<td bgcolor="#FFFFFF">
			<select name="installment">
				<option value="00">일시불</option>
				<option value="03">3개월</option>
				<option value="06">6개월</option>
			</select>
		</td>
	</tr>
	<tr>
		<td colspan="2" align="center" bgcolor="#FFFFFF" height="40">
			<input type="button" value=" 결 제 " onclick="next();">
			<input type="button" value=" 취 소 " onclick="history.back();">
		</td>
	</tr>
</table>
</form>
</body>
</html>
