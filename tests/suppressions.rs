//! In-source suppressions as merchants write them: `kspay-migrate: ignore` comments in ASP, PHP,
//! JSP, HTML and JavaScript, what each form covers, what `fix` does around them, and the
//! `unused-suppression` findings for directives that silence nothing, name an unknown rule or
//! cannot be read.

mod common;
mod report_schema;
mod sarif_schema;
use common::{root, tool};
use report_schema::assert_valid_report;

use std::fs;
use std::path::Path;

use serde_json::Value;
use tempfile::TempDir;

/// A page as a Korean shop's server stores it: EUC-KR bytes with CRLF line ends.
fn euc_kr_crlf(text: &str) -> Vec<u8> {
    let crlf = text.replace('\n', "\r\n");
    let (bytes, _, unmappable) = encoding_rs::EUC_KR.encode(&crlf);
    assert!(!unmappable, "test page has characters EUC-KR lacks");
    bytes.into_owned()
}

/// A folder holding the given files.
fn site(files: &[(&str, Vec<u8>)]) -> TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes) in files {
        let path = dir.path().join(name);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, bytes).unwrap();
    }
    dir
}

/// `check --format json .` run inside `dir`: the exit code and the document.
fn check_json(dir: &Path, extra: &[&str]) -> (i32, Value) {
    let output = tool()
        .current_dir(dir)
        .args(["check", "--format", "json", "."])
        .args(extra)
        .output()
        .unwrap();
    let json: Value = serde_json::from_slice(&output.stdout).unwrap_or_else(|e| {
        panic!(
            "not JSON ({e}): {}\n{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        )
    });
    assert_valid_report(&json);
    assert_eq!(json["errors"], Value::Array(Vec::new()), "{json:#}");
    (output.status.code().unwrap(), json)
}

/// Each reported finding as `PATH:LINE:COLUMN RULE KIND`.
fn reported(json: &Value) -> Vec<String> {
    json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            format!(
                "{}:{}:{} {} {}",
                f["path"].as_str().unwrap(),
                f["line"],
                f["column"],
                f["rule"].as_str().unwrap(),
                f["kind"].as_str().unwrap()
            )
        })
        .collect()
}

/// Each suppressed finding as `PATH:LINE:COLUMN RULE KIND (REASON)`.
fn suppressed(json: &Value) -> Vec<String> {
    json["suppressed"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            format!(
                "{}:{}:{} {} {} ({})",
                f["path"].as_str().unwrap(),
                f["line"],
                f["column"],
                f["rule"].as_str().unwrap(),
                f["kind"].as_str().unwrap(),
                f["reason"].as_str().unwrap_or("no reason")
            )
        })
        .collect()
}

/// The messages of the `unused-suppression` findings.
fn directive_messages(json: &Value) -> Vec<String> {
    json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == "unused-suppression")
        .map(|f| f["message"].as_str().unwrap().to_string())
        .collect()
}

/// KSPAY's MPI card page, kept as a copy for a 2012 corporate-card trial: the server code and
/// the card select are suppressed, the installment select needs no suppression.
const ASP_FORM_M: &str = r##"<%@ Language=VBScript CodePage=949 %>
<%
'=============================================================================
' KSPayCreditFormM.asp : 안심클릭(MPI / Visa3D) 카드선택 및 인증요청
'  - 2012년 제주은행 법인카드 시험 계약용 사본 (운영 결제창은 /kspay/)
'=============================================================================
Dim certitype, cardcode
certitype = Request("certitype")
cardcode  = Request("cardcode")
Select Case cardcode
	Case "13"	' 제주카드
		certitype = "M"	' kspay-migrate: ignore jeju-mpi-to-isp -- 법인카드 시험 계약은 안심클릭 유지
End Select
%>
<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=euc-kr">
<title>::: 안심클릭 결제 (시험) :::</title>
</head>
<body>
<form name="KSPayWeb" method="post" action="KSPayCreditPost.asp">
<table width="500" border="0" cellspacing="1" cellpadding="6" bgcolor="#CCCCCC">
<tr bgcolor="#FFFFFF">
	<td width="140" bgcolor="#F3F3F3"><b>카드선택</b></td>
	<td>
<% If certitype = "M" Then %>
	<% ' kspay-migrate: ignore -- 시험 계약 카드 목록, 2013-06 계약 종료 후 삭제 %>
		<select name="selectcard" style="width:160px">
			<option value="">카드를 선택하세요</option>
			<option value="03">외환카드</option>
			<option value="04">삼성카드</option>
			<option value="13">제주카드</option>
			<option value="17">농협카드</option>
		</select>
<% End If %>
	</td>
</tr>
<tr bgcolor="#FFFFFF">
	<td bgcolor="#F3F3F3"><b>할부개월</b></td>
	<td>
<% REM kspay-migrate: ignore %>
		<select name="installment" style="width:160px">
			<option value="00">일시불</option>
			<option value="03">3개월</option>
		</select>
	</td>
</tr>
</table>
</form>
</body>
</html>
"##;

#[test]
fn asp_quote_comments_suppress_their_line_and_the_select_below_and_an_idle_rem_is_reported() {
    let dir = site(&[("KSPayCreditFormM.asp", euc_kr_crlf(ASP_FORM_M))]);
    let (code, json) = check_json(dir.path(), &[]);
    assert_eq!(
        suppressed(&json),
        [
            "KSPayCreditFormM.asp:12:15 jeju-mpi-to-isp server-code (법인카드 시험 계약은 안심클릭 유지)",
            "KSPayCreditFormM.asp:33:23 jeju-mpi-to-isp select-option (시험 계약 카드 목록, 2013-06 계약 종료 후 삭제)",
        ],
        "{json:#}"
    );
    assert_eq!(json["suppressed"][1]["directive_line"], 28);
    // The REM directive stands before a select that lists no card: nothing to silence.
    assert_eq!(
        reported(&json),
        ["KSPayCreditFormM.asp:42:8 unused-suppression suppression"]
    );
    assert_eq!(
        directive_messages(&json),
        ["unused suppression: no finding in the <select> below (lines 43-46); remove the comment"]
    );
    assert_eq!(json["findings"][0]["severity"], "warning");
    assert_eq!(json["findings"][0]["fix"], "none");
    assert_eq!(json["summary"]["findings"], 1);
    assert_eq!(json["summary"]["suppressed"], 2);
    assert_eq!(code, 1, "an unused suppression fails the check");

    // People see the count of what comments silenced.
    let text = tool()
        .current_dir(dir.path())
        .args(["check", "."])
        .output()
        .unwrap();
    let stdout = String::from_utf8(text.stdout).unwrap();
    assert!(
        stdout.contains("1 finding in 1 file of 1 scanned file; 2 suppressed by comments"),
        "{stdout}"
    );
    assert!(
        stdout.contains("warning[unused-suppression]") && !stdout.contains("jeju-mpi-to-isp]"),
        "{stdout}"
    );
}

/// KSPAY's entry page (PHP): the certitype radios in table rows, with a test shop's MPI row
/// kept as it is.
const PHP_ENTRY: &str = r##"<?php
header('Content-Type: text/html; charset=euc-kr');
include "./KSPayConfig.inc";
$certitype   = isset($_POST['certitype']) ? $_POST['certitype'] : "M";
$ordernumber = isset($_POST['sndOrdernumber']) ? $_POST['sndOrdernumber'] : "";
?>
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=euc-kr">
<title>KSPAY 결제 (시험 상점)</title>
</head>
<body>
<form name="KSPayForm" method="post" action="KSPayCreditForm.php">
	<table width="100%" border="0" cellpadding="6" cellspacing="1" bgcolor="#D5D5D5">
	<tr bgcolor="#FFFFFF">
		<td width="130" bgcolor="#F7F7F7"><b>주문번호</b></td>
		<td colspan="2"><?=htmlspecialchars($ordernumber)?></td>
	</tr>
	<?php // kspay-migrate: ignore jeju-mpi-to-isp -- 시험 상점 2999199999, 운영 전환 전까지 유지 ?>
	<tr bgcolor="#FFFFFF">
		<td bgcolor="#F7F7F7" rowspan="2"><b>거래종류</b></td>
		<td width="170"><input type="radio" name="certitype" value="M" <? if ($certitype == "M") echo "checked"; ?>>안심클릭(MPI)</td>
		<td>외환카드, 삼성카드, 현대카드, 신한카드, 롯데카드, 제주카드</td>
	</tr>
	<tr bgcolor="#FFFFFF">
		<td><input type="radio" name="certitype" value="I" <? if ($certitype == "I") echo "checked"; ?>>안전결제(ISP)</td>
		<td>BC카드, 국민카드, 수협카드, 전북카드, 광주카드</td>
	</tr>
	</table>
</form>
</body>
</html>
"##;

#[test]
fn php_comment_before_a_row_suppresses_the_whole_row() {
    let dir = site(&[("pay/KSPayForm.php", euc_kr_crlf(PHP_ENTRY))]);
    let (code, json) = check_json(dir.path(), &[]);
    assert_eq!(
        suppressed(&json),
        [
            "pay/KSPayForm.php:23:37 jeju-mpi-to-isp radio-label (시험 상점 2999199999, 운영 전환 전까지 유지)"
        ],
        "{json:#}"
    );
    assert_eq!(reported(&json), Vec::<String>::new());
    assert_eq!(code, 0);

    // The same page without the comment: the row's finding is reported.
    let plain = PHP_ENTRY.replace(
        "\t<?php // kspay-migrate: ignore jeju-mpi-to-isp -- 시험 상점 2999199999, 운영 전환 전까지 유지 ?>\n",
        "",
    );
    let dir = site(&[("pay/KSPayForm.php", euc_kr_crlf(&plain))]);
    let (code, json) = check_json(dir.path(), &[]);
    assert_eq!(
        reported(&json),
        ["pay/KSPayForm.php:22:37 jeju-mpi-to-isp radio-label"]
    );
    assert_eq!(code, 1);
}

/// The KSPAY entry page in ASP: each scheme's card list is a line of text after its radio.
const ASP_ENTRY: &str = r##"<%@ Language="VBScript" CodePage="949" %>
<%
Dim certitype : certitype = Request.Form("certitype")
If certitype = "" Then certitype = "M"
%>
<html>
<head><meta http-equiv="Content-Type" content="text/html; charset=euc-kr"><title>KSPAY 결제</title></head>
<body>
<form name="KSPayForm" method="post" action="KSPayCreditForm.asp">
<table width="600" border="0" cellspacing="1" cellpadding="5">
<tr>
	<td valign="top"><b>거래종류(certitype)</b></td>
	<td>
	<input type="radio" name="certitype" value="M" <% If certitype = "M" Then Response.Write "checked" %>>안심클릭 (M-Visa3D인증승인)<br>
	<!-- kspay-migrate: ignore -- 제주은행 요청으로 2013-05 까지 안심클릭 병행 -->
	&nbsp;&nbsp;&nbsp;&nbsp;외환,삼성,현대,신한,롯데,하나,씨티,제주<br>
	<input type="radio" name="certitype" value="I" <% If certitype = "I" Then Response.Write "checked" %>>안전결제 (ISP인증승인)<br>
	&nbsp;&nbsp;&nbsp;&nbsp;비씨,국민,수협,전북,광주,우리<br>
	</td>
</tr>
</table>
</form>
</body>
</html>
"##;

#[test]
fn html_comment_alone_before_text_covers_the_next_line_and_before_a_tag_only_that_element() {
    let dir = site(&[("KSPayForm.asp", euc_kr_crlf(ASP_ENTRY))]);
    let (code, json) = check_json(dir.path(), &[]);
    assert_eq!(
        suppressed(&json),
        [
            "KSPayForm.asp:16:47 jeju-mpi-to-isp radio-label (제주은행 요청으로 2013-05 까지 안심클릭 병행)"
        ],
        "{json:#}"
    );
    assert_eq!(reported(&json), Vec::<String>::new());
    assert_eq!(code, 0);

    // Above the radio, the comment covers the radio element alone, not the list after it.
    let moved = ASP_ENTRY.replace(
        "\t<input type=\"radio\" name=\"certitype\" value=\"M\" <% If certitype = \"M\" Then Response.Write \"checked\" %>>안심클릭 (M-Visa3D인증승인)<br>\n\t<!-- kspay-migrate: ignore -- 제주은행 요청으로 2013-05 까지 안심클릭 병행 -->\n",
        "\t<!-- kspay-migrate: ignore -- 제주은행 요청으로 2013-05 까지 안심클릭 병행 -->\n\t<input type=\"radio\" name=\"certitype\" value=\"M\" <% If certitype = \"M\" Then Response.Write \"checked\" %>>안심클릭 (M-Visa3D인증승인)<br>\n",
    );
    assert_ne!(moved, ASP_ENTRY);
    let dir = site(&[("KSPayForm.asp", euc_kr_crlf(&moved))]);
    let (code, json) = check_json(dir.path(), &[]);
    assert_eq!(suppressed(&json), Vec::<String>::new());
    assert_eq!(
        reported(&json),
        [
            "KSPayForm.asp:14:7 unused-suppression suppression",
            "KSPayForm.asp:16:47 jeju-mpi-to-isp radio-label",
        ]
    );
    assert_eq!(
        directive_messages(&json),
        ["unused suppression: no finding in the <input> below (line 15); remove the comment"]
    );
    assert_eq!(code, 1);
}

#[test]
fn trailing_html_comment_covers_its_own_line() {
    let trailing = ASP_ENTRY
        .replace(
            "\t<!-- kspay-migrate: ignore -- 제주은행 요청으로 2013-05 까지 안심클릭 병행 -->\n",
            "",
        )
        .replace(
            "씨티,제주<br>\n",
            "씨티,제주<br> <!-- kspay-migrate: ignore jeju-mpi-to-isp -->\n",
        );
    let dir = site(&[("KSPayForm.asp", euc_kr_crlf(&trailing))]);
    let (code, json) = check_json(dir.path(), &[]);
    assert_eq!(
        suppressed(&json),
        ["KSPayForm.asp:15:47 jeju-mpi-to-isp radio-label (no reason)"],
        "{json:#}"
    );
    assert_eq!(json["suppressed"][0]["reason"], Value::Null);
    assert_eq!(reported(&json), Vec::<String>::new());
    assert_eq!(code, 0);
}

/// A JSP order page (UTF-8, LF) with an optgroup select and a card guide.
const JSP_PAYMENT: &str = r##"<%@ page contentType="text/html; charset=UTF-8" pageEncoding="UTF-8" %>
<%@ taglib prefix="c" uri="http://java.sun.com/jsp/jstl/core" %>
<%
    String certitype = request.getParameter("certitype");
    if (certitype == null) certitype = "IM";
%>
<html>
<head><title>결제수단 선택</title></head>
<body>
<form id="payForm" method="post" action="${pageContext.request.contextPath}/order/kspay/next.do">
<fieldset>
<legend>카드 결제</legend>
<%-- kspay-migrate: ignore jeju-mpi-to-isp -- 2012 보관용 구 결제창, 운영 미사용 --%>
<select name="cardCode" id="cardCode">
    <option value="">카드사를 선택하세요</option>
    <optgroup label="안심클릭(MPI)">
        <option value="0300">외환카드</option>
        <option value="0400">삼성카드</option>
        <option value="13">제주카드</option>
    </optgroup>
    <optgroup label="안전결제(ISP)">
        <option value="0100">BC카드</option>
        <option value="0204">국민카드</option>
    </optgroup>
</select>
</fieldset>
<p class="guide">안심클릭 : 외환, 삼성, 현대, 제주</p>
</form>
</body>
</html>
"##;

#[test]
fn jsp_comment_before_a_select_suppresses_all_its_options_and_nothing_after() {
    let dir = site(&[("order/payment.jsp", JSP_PAYMENT.as_bytes().to_vec())]);
    let (code, json) = check_json(dir.path(), &[]);
    assert_eq!(
        suppressed(&json),
        [
            "order/payment.jsp:19:28 jeju-mpi-to-isp select-option (2012 보관용 구 결제창, 운영 미사용)"
        ],
        "{json:#}"
    );
    assert_eq!(
        reported(&json),
        ["order/payment.jsp:27:37 jeju-mpi-to-isp text-list"]
    );
    assert_eq!(code, 1);
}

#[test]
fn jsp_line_comment_ignore_file_suppresses_every_finding_of_the_file() {
    let page = JSP_PAYMENT
        .replace(
            "<%-- kspay-migrate: ignore jeju-mpi-to-isp -- 2012 보관용 구 결제창, 운영 미사용 --%>\n",
            "",
        )
        .replace(
            "<%\n    String certitype",
            "<%\n    // kspay-migrate: ignore-file -- 관리자 미리보기 화면, 실제 결제 불가\n    String certitype",
        );
    let dir = site(&[
        ("order/preview.jsp", page.as_bytes().to_vec()),
        // Another page of the same site is not affected.
        (
            "order/payment.jsp",
            JSP_PAYMENT
                .replace(
                    "<%-- kspay-migrate: ignore jeju-mpi-to-isp -- 2012 보관용 구 결제창, 운영 미사용 --%>\n",
                    "",
                )
                .into_bytes(),
        ),
    ]);
    let (code, json) = check_json(dir.path(), &[]);
    assert_eq!(
        suppressed(&json),
        [
            "order/preview.jsp:19:28 jeju-mpi-to-isp select-option (관리자 미리보기 화면, 실제 결제 불가)",
            "order/preview.jsp:27:37 jeju-mpi-to-isp text-list (관리자 미리보기 화면, 실제 결제 불가)",
        ],
        "{json:#}"
    );
    assert_eq!(
        reported(&json),
        [
            "order/payment.jsp:18:28 jeju-mpi-to-isp select-option",
            "order/payment.jsp:26:37 jeju-mpi-to-isp text-list",
        ]
    );
    assert_eq!(code, 1);
}

/// A routing script of an integrated (certitype IM) card page.
const JS_ROUTE: &str = r##"/*
 * kspay_route.js : 카드사 코드별 인증방식 분기
 *  - 카드 선택 -> 안심클릭(MPI) 이면 submitV3d(), 안전결제(ISP) 이면 submitISP()
 */

// 카드코드 -> 카드사명
var CARD_NAMES = {
    "0100": "BC카드",
    "0204": "국민카드",
    "0300": "외환카드",
    "0400": "삼성카드",
    "13": "제주카드"
};

// 인증방식별 카드코드
// kspay-migrate: ignore jeju-mpi-to-isp -- 구 모바일 앱(1.x)이 이 배열을 읽음, 앱 종료 후 정리
var MPI_CARDS = ["0300", "0400", "13"];
var ISP_CARDS = ["0100", "0204"];

function getCertType(code) {
    if ($.inArray(code, ISP_CARDS) > -1) {
        return "I";
    }
    if ($.inArray(code, MPI_CARDS) > -1) {
        return "M";
    }
    return "";
}
"##;

#[test]
fn js_line_comment_suppresses_the_next_line() {
    let dir = site(&[("js/kspay_route.js", euc_kr_crlf(JS_ROUTE))]);
    let (code, json) = check_json(dir.path(), &[]);
    assert_eq!(
        suppressed(&json),
        [
            "js/kspay_route.js:17:34 jeju-mpi-to-isp script (구 모바일 앱(1.x)이 이 배열을 읽음, 앱 종료 후 정리)"
        ],
        "{json:#}"
    );
    assert_eq!(reported(&json), Vec::<String>::new());
    assert_eq!(code, 0);
}

#[test]
fn the_words_outside_a_comment_are_not_a_directive() {
    // In a JavaScript string.
    let js = JS_ROUTE.replace(
        "// kspay-migrate: ignore jeju-mpi-to-isp -- 구 모바일 앱(1.x)이 이 배열을 읽음, 앱 종료 후 정리\n",
        "var HELP = \"kspay-migrate: ignore\";\n",
    );
    // In a PHP string that prints an HTML comment, in visible text, and in an attribute.
    let php = PHP_ENTRY
        .replace(
            "\t<?php // kspay-migrate: ignore jeju-mpi-to-isp -- 시험 상점 2999199999, 운영 전환 전까지 유지 ?>\n",
            "\t<?php echo \"<!-- kspay-migrate: ignore -->\"; ?>\n",
        )
        .replace(
            "<td>외환카드, 삼성카드",
            "<td title=\"kspay-migrate: ignore\">외환카드, 삼성카드",
        )
        .replace(
            "</form>\n",
            "</form>\n<p>관리자 메모: 예외 처리는 kspay-migrate: ignore 주석으로</p>\n",
        );
    let dir = site(&[
        ("js/kspay_route.js", euc_kr_crlf(&js)),
        ("pay/KSPayForm.php", euc_kr_crlf(&php)),
    ]);
    let (code, json) = check_json(dir.path(), &[]);
    assert_eq!(
        reported(&json),
        [
            "js/kspay_route.js:17:34 jeju-mpi-to-isp script",
            "pay/KSPayForm.php:23:67 jeju-mpi-to-isp radio-label",
        ],
        "{json:#}"
    );
    assert_eq!(suppressed(&json), Vec::<String>::new());
    assert_eq!(code, 1);
}

#[test]
fn unknown_rules_and_malformed_directives_are_reported_where_they_are_written() {
    let page = ASP_ENTRY
        .replace(
            "<!-- kspay-migrate: ignore -- 제주은행",
            "<!-- kspay-migrate: ignore jeju-mpi-to-ips -- 제주은행",
        )
        .replace(
            "\t&nbsp;&nbsp;&nbsp;&nbsp;비씨,국민",
            "\t<% ' kspay-migrate: ingore %>\n\t&nbsp;&nbsp;&nbsp;&nbsp;비씨,국민",
        );
    let dir = site(&[("KSPayForm.asp", euc_kr_crlf(&page))]);
    let (code, json) = check_json(dir.path(), &[]);
    assert_eq!(
        reported(&json),
        [
            "KSPayForm.asp:15:7 unused-suppression suppression",
            "KSPayForm.asp:16:47 jeju-mpi-to-isp radio-label",
            "KSPayForm.asp:18:7 unused-suppression suppression",
        ],
        "{json:#}"
    );
    assert_eq!(
        directive_messages(&json),
        [
            "suppression names unknown rule `jeju-mpi-to-ips` (loaded rules: jeju-mpi-to-isp); correct the id, or write a reason after `--`",
            "malformed suppression: expected `ignore` or `ignore-file` after `kspay-migrate:`, found `ingore`; write `kspay-migrate: ignore [RULE, ...] [-- reason]`",
        ]
    );
    // The finding spans the directive's text (reason included), not the comment's `-->`.
    let directive =
        "kspay-migrate: ignore jeju-mpi-to-ips -- 제주은행 요청으로 2013-05 까지 안심클릭 병행";
    assert_eq!(
        json["findings"][0]["end_column"],
        7 + directive.chars().count()
    );
    assert_eq!(suppressed(&json), Vec::<String>::new());
    assert_eq!(code, 1);
}

/// An integrated card select (PHP, EUC-KR): the corporate group's Jeju is kept on MPI on
/// purpose, the personal group's is stale.
const PHP_CARD_SELECT: &str = r##"<?php
header('Content-Type: text/html; charset=euc-kr');
$amount = isset($_POST['amount']) ? (int)$_POST['amount'] : 0;
?>
<html>
<head><meta http-equiv="Content-Type" content="text/html; charset=euc-kr"><title>카드 결제</title></head>
<body>
<form name="payForm" method="post" action="/pay/kspay_next.php">
<input type="hidden" name="amount" value="<?=$amount?>">
<select name="cardcode">
	<option value="">카드사를 선택하세요</option>
	<optgroup label="안심클릭(MPI) 법인카드">
		<option value="0401">삼성카드</option>
		<?php # kspay-migrate: ignore jeju-mpi-to-isp -- 법인 제주카드는 2013-06 까지 안심클릭 시험 ?>
		<option value="13">제주카드</option>
	</optgroup>
	<optgroup label="안심클릭(MPI)">
		<option value="0300">외환카드</option>
		<option value="0400">삼성카드</option>
		<option value="13">제주카드</option>
	</optgroup>
	<optgroup label="안전결제(ISP)">
		<option value="0100">BC카드</option>
		<option value="0204">국민카드</option>
	</optgroup>
</select>
</form>
</body>
</html>
"##;

#[test]
fn fix_write_leaves_the_suppressed_option_and_fixes_the_other_one_completely() {
    let dir = site(&[("pay/card.php", euc_kr_crlf(PHP_CARD_SELECT))]);
    let (_, json) = check_json(dir.path(), &[]);
    assert_eq!(
        suppressed(&json),
        [
            "pay/card.php:15:22 jeju-mpi-to-isp select-option (법인 제주카드는 2013-06 까지 안심클릭 시험)"
        ],
        "{json:#}"
    );
    assert_eq!(
        reported(&json),
        ["pay/card.php:20:22 jeju-mpi-to-isp select-option"]
    );

    tool()
        .current_dir(dir.path())
        .args(["fix", "--write", "."])
        .assert()
        .code(0);
    // The suppressed option stays byte for byte; the stale one moves to ISP. The fix of the
    // second finding adds the card by itself, though the first finding (suppressed) is the
    // one a full run would have added it with.
    let expected = PHP_CARD_SELECT
        .replace(
            "\t\t<option value=\"0400\">삼성카드</option>\n\t\t<option value=\"13\">제주카드</option>\n",
            "\t\t<option value=\"0400\">삼성카드</option>\n",
        )
        .replace(
            "\t\t<option value=\"0204\">국민카드</option>\n",
            "\t\t<option value=\"0204\">국민카드</option>\n\t\t<option value=\"13\">제주카드</option>\n",
        );
    let written = fs::read(dir.path().join("pay/card.php")).unwrap();
    assert_eq!(
        String::from_utf8_lossy(&written),
        String::from_utf8_lossy(&euc_kr_crlf(&expected))
    );
    assert_eq!(written, euc_kr_crlf(&expected));

    // Afterwards the suppression still holds, and is in use.
    let (code, json) = check_json(dir.path(), &[]);
    assert_eq!(reported(&json), Vec::<String>::new(), "{json:#}");
    assert_eq!(json["summary"]["suppressed"], 1);
    assert_eq!(code, 0);
}

#[test]
fn fix_write_with_an_unused_suppression_left_exits_1() {
    let dir = site(&[("KSPayCreditFormM.asp", euc_kr_crlf(ASP_FORM_M))]);
    let before = fs::read(dir.path().join("KSPayCreditFormM.asp")).unwrap();
    let output = tool()
        .current_dir(dir.path())
        .args(["fix", "--write", "."])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains("KSPayCreditFormM.asp:42:8: warning[unused-suppression]"),
        "{stderr}"
    );
    // Both findings on the page are suppressed: nothing is written.
    assert_eq!(
        fs::read(dir.path().join("KSPayCreditFormM.asp")).unwrap(),
        before
    );
}

/// A folder with the Jeju rule and the test rule that moves Suhyup card from ISP to MPI.
fn two_rules() -> TempDir {
    let rules = tempfile::tempdir().unwrap();
    for rule in [
        "rules/jeju-mpi-to-isp.toml",
        "tests/rules/suhyup-isp-to-mpi.toml",
    ] {
        let from = root().join(rule);
        fs::copy(&from, rules.path().join(from.file_name().unwrap())).unwrap();
    }
    rules
}

#[test]
fn a_directive_naming_one_rule_leaves_other_rules_findings_reported() {
    let rules = two_rules();
    let rules_dir = rules.path().to_str().unwrap();
    let page = PHP_ENTRY
        .replace(
            "<?php // kspay-migrate: ignore jeju-mpi-to-isp -- 시험 상점 2999199999, 운영 전환 전까지 유지 ?>",
            "<?php // kspay-migrate: ignore suhyup-isp-to-mpi ?>",
        )
        .replace(
            "\t<tr bgcolor=\"#FFFFFF\">\n\t\t<td><input type=\"radio\" name=\"certitype\" value=\"I\"",
            "\t<!-- kspay-migrate: ignore -- 수협 ISP 는 본사 지시 전까지 유지 -->\n\t<tr bgcolor=\"#FFFFFF\">\n\t\t<td><input type=\"radio\" name=\"certitype\" value=\"I\"",
        );
    let dir = site(&[("pay/KSPayForm.php", euc_kr_crlf(&page))]);
    let (code, json) = check_json(dir.path(), &["--rules", rules_dir]);
    // The Suhyup directive does not cover the Jeju finding below it, and has nothing of its
    // own rule to silence; the directive for every rule silences Suhyup in the ISP row.
    assert_eq!(
        reported(&json),
        [
            "pay/KSPayForm.php:19:11 unused-suppression suppression",
            "pay/KSPayForm.php:23:37 jeju-mpi-to-isp radio-label",
        ],
        "{json:#}"
    );
    assert_eq!(
        directive_messages(&json),
        [
            "unused suppression: no suhyup-isp-to-mpi finding in the <tr> below (lines 20-24); remove the comment"
        ]
    );
    assert_eq!(
        suppressed(&json),
        [
            "pay/KSPayForm.php:28:19 suhyup-isp-to-mpi radio-label (수협 ISP 는 본사 지시 전까지 유지)"
        ]
    );
    assert_eq!(code, 1);
}

#[test]
fn select_of_another_rule_does_not_make_a_suppression_unused() {
    let rules = two_rules();
    let rules_dir = rules.path().to_str().unwrap();
    // The Jeju directive silences the MPI row; a directive for every rule sits before a row
    // with nothing to silence.
    let page = PHP_ENTRY.replace(
        "\t<tr bgcolor=\"#FFFFFF\">\n\t\t<td width=\"130\"",
        "\t<!-- kspay-migrate: ignore -->\n\t<tr bgcolor=\"#FFFFFF\">\n\t\t<td width=\"130\"",
    );
    let dir = site(&[("pay/KSPayForm.php", euc_kr_crlf(&page))]);

    // All rules run: the Suhyup finding is reported and the idle directive is unused.
    let (_, json) = check_json(dir.path(), &["--rules", rules_dir]);
    assert_eq!(
        reported(&json),
        [
            "pay/KSPayForm.php:15:7 unused-suppression suppression",
            "pay/KSPayForm.php:28:19 suhyup-isp-to-mpi radio-label",
        ],
        "{json:#}"
    );

    // Only Suhyup runs: the Jeju directive is not unused (its rule did not run), and neither
    // is the directive for every rule (the Jeju rule might have had a finding there).
    let (code, json) = check_json(
        dir.path(),
        &["--rules", rules_dir, "--select", "suhyup-isp-to-mpi"],
    );
    assert_eq!(
        reported(&json),
        ["pay/KSPayForm.php:28:19 suhyup-isp-to-mpi radio-label"],
        "{json:#}"
    );
    assert_eq!(suppressed(&json), Vec::<String>::new());
    assert_eq!(code, 1);

    // Only Jeju runs: its directive is in use, and the idle one is not called unused either.
    let (code, json) = check_json(
        dir.path(),
        &["--rules", rules_dir, "--select", "jeju-mpi-to-isp"],
    );
    assert_eq!(reported(&json), Vec::<String>::new(), "{json:#}");
    assert_eq!(suppressed(&json).len(), 1);
    assert_eq!(code, 0);
}

#[test]
fn js_fix_of_the_array_left_unsuppressed_still_moves_the_card_to_isp() {
    // Two MPI arrays list Jeju; the one an old app reads is kept on purpose (trailing `//`).
    let js = JS_ROUTE.replace(
        "// kspay-migrate: ignore jeju-mpi-to-isp -- 구 모바일 앱(1.x)이 이 배열을 읽음, 앱 종료 후 정리\nvar MPI_CARDS = [\"0300\", \"0400\", \"13\"];\n",
        "var MPI_CARDS = [\"0300\", \"0400\", \"13\"]; // kspay-migrate: ignore -- 구 모바일 앱(1.x)이 읽음\nvar V3D_MOBILE_CARDS = [\"0300\", \"13\"];\n",
    );
    assert_ne!(js, JS_ROUTE);
    let dir = site(&[("js/kspay_route.js", euc_kr_crlf(&js))]);
    let (_, json) = check_json(dir.path(), &[]);
    assert_eq!(
        suppressed(&json),
        ["js/kspay_route.js:16:34 jeju-mpi-to-isp script (구 모바일 앱(1.x)이 읽음)"],
        "{json:#}"
    );
    assert_eq!(
        reported(&json),
        ["js/kspay_route.js:17:33 jeju-mpi-to-isp script"]
    );

    tool()
        .current_dir(dir.path())
        .args(["fix", "--write", "."])
        .assert()
        .code(0);
    let expected = js
        .replace(
            "var V3D_MOBILE_CARDS = [\"0300\", \"13\"];",
            "var V3D_MOBILE_CARDS = [\"0300\"];",
        )
        .replace(
            "var ISP_CARDS = [\"0100\", \"0204\"];",
            "var ISP_CARDS = [\"0100\", \"0204\", \"13\"];",
        );
    assert_eq!(
        fs::read(dir.path().join("js/kspay_route.js")).unwrap(),
        euc_kr_crlf(&expected)
    );
}

#[test]
fn sarif_keeps_suppressed_findings_with_their_reason_and_describes_the_pseudo_rule() {
    let dir = site(&[("KSPayCreditFormM.asp", euc_kr_crlf(ASP_FORM_M))]);
    let output = tool()
        .current_dir(dir.path())
        .args(["check", "--format", "sarif", "."])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let sarif: Value = serde_json::from_slice(&output.stdout).unwrap();
    sarif_schema::assert_valid_sarif(&sarif);
    let run = &sarif["runs"][0];
    let results = run["results"].as_array().unwrap();
    let justifications: Vec<&str> = results
        .iter()
        .filter_map(|r| r["suppressions"][0]["justification"].as_str())
        .collect();
    assert_eq!(
        justifications,
        [
            "법인카드 시험 계약은 안심클릭 유지",
            "시험 계약 카드 목록, 2013-06 계약 종료 후 삭제"
        ]
    );
    assert!(
        results
            .iter()
            .filter(|r| r.get("suppressions").is_some())
            .all(|r| r["suppressions"][0]["kind"] == "inSource")
    );
    let unused = results
        .iter()
        .find(|r| r["ruleId"] == "unused-suppression")
        .expect("the idle REM directive is a result");
    let index = unused["ruleIndex"].as_u64().unwrap() as usize;
    assert_eq!(
        run["tool"]["driver"]["rules"][index]["id"],
        "unused-suppression"
    );
    assert!(unused.get("suppressions").is_none());
}
