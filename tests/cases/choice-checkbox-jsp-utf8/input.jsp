<%@ page contentType="text/html;charset=utf-8" pageEncoding="utf-8" %>
<%@ page import="java.util.*, com.bluemall.admin.PayConfig" %>
<%@ include file="/admin/inc/admin_check.jsp" %>
<%!
	/* 저장된 허용 카드 목록에 코드가 있으면 checked */
	private String chk(Set<String> codes, String code) {
		return codes.contains(code) ? "checked" : "";
	}
%>
<%
	request.setCharacterEncoding("utf-8");
	PayConfig conf = PayConfig.load(application);
	Set<String> useCards = conf.getUseCardCodes();
	String storeId = conf.getKspayStoreId();
	String msg = request.getParameter("msg");
%>
<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>블루몰 관리자 - 결제 설정</title>
<link rel="stylesheet" type="text/css" href="/admin/css/admin.css">
<style type="text/css">
	fieldset { width:680px; margin:0 0 12px 0; padding:8px 12px; border:1px solid #c5ccd6; }
	legend { padding:0 6px; font-weight:bold; color:#2b4a73; }
	fieldset label { display:inline-block; width:150px; line-height:24px; }
</style>
<script type="text/javascript">
function saveConf(f) {
	var n = 0;
	for (var i = 0; i < f.useCard.length; i++) {
		if (f.useCard[i].checked) n++;
	}
	if (n == 0) {
		alert("허용할 카드를 하나 이상 선택하세요.");
		return false;
	}
	return confirm("결제 허용 카드 설정을 저장하시겠습니까?");
}
function checkAll(box, fs) {
	var inputs = document.getElementById(fs).getElementsByTagName("input");
	for (var i = 0; i < inputs.length; i++) inputs[i].checked = box.checked;
}
</script>
</head>
<body>
<jsp:include page="/admin/inc/top_menu.jsp" flush="true" />
<div id="adminBody">
	<div class="location">HOME &gt; 결제관리 &gt; 결제 허용 카드</div>
	<h2 class="pageTitle">결제 허용 카드 설정</h2>
<% if ("saved".equals(msg)) { %>
	<p class="msgOk">설정이 저장되었습니다.</p>
<% } %>
	<form name="confForm" method="post" action="pay_card_save.jsp" onsubmit="return saveConf(this);">
	<input type="hidden" name="storeId" value="<%= storeId %>">
	<p class="desc">KSPAY 상점아이디 : <b><%= storeId %></b> / 체크한 카드만 주문서의 카드 선택에 노출됩니다.</p>
	<fieldset id="fsMpi">
		<legend>안심클릭(MPI)</legend>
		<label><input type="checkbox" name="useCard" value="01" <%= chk(useCards, "01") %>> 외환카드</label>
		<label><input type="checkbox" name="useCard" value="03" <%= chk(useCards, "03") %>> 삼성카드</label>
		<label><input type="checkbox" name="useCard" value="04" <%= chk(useCards, "04") %>> 현대카드</label>
		<label><input type="checkbox" name="useCard" value="05" <%= chk(useCards, "05") %>> 신한카드</label>
		<label><input type="checkbox" name="useCard" value="06" <%= chk(useCards, "06") %>> 롯데카드</label>
		<label><input type="checkbox" name="useCard" value="07" <%= chk(useCards, "07") %>> 하나SK카드</label>
		<label><input type="checkbox" name="useCard" value="08" <%= chk(useCards, "08") %>> 씨티카드</label>
		<label><input type="checkbox" name="useCard" value="11" <%= chk(useCards, "11") %>> NH농협카드</label>
		<label><input type="checkbox" name="useCard" value="13" <%= chk(useCards, "13") %>> 제주카드</label>
	</fieldset>
	<fieldset id="fsIsp">
		<legend>안전결제(ISP)</legend>
		<label><input type="checkbox" name="useCard" value="0100" <%= chk(useCards, "0100") %>> 비씨카드</label>
		<label><input type="checkbox" name="useCard" value="0204" <%= chk(useCards, "0204") %>> KB국민카드</label>
		<label><input type="checkbox" name="useCard" value="1800" <%= chk(useCards, "1800") %>> 수협카드</label>
		<label><input type="checkbox" name="useCard" value="1600" <%= chk(useCards, "1600") %>> 전북카드</label>
		<label><input type="checkbox" name="useCard" value="1500" <%= chk(useCards, "1500") %>> 광주카드</label>
	</fieldset>
	<div class="btnArea">
		<input type="submit" value="저장" class="btnBlue">
		<input type="button" value="취소" class="btnGray" onclick="location.href='pay_config.jsp';">
	</div>
	</form>
</div>
<jsp:include page="/admin/inc/footer.jsp" flush="true" />
</body>
</html>
