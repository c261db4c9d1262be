//! The config file as a team keeps it in its repository: `kspay-migrate.toml` found from the
//! working folder upward, `--config`, `--isolated`, command-line precedence, bad keys and values,
//! and `[severity]` overrides, on a small shop tree made in a temporary folder.

mod common;
mod report_schema;
use common::{root, tool};
use report_schema::assert_valid_report;

use std::fs;
use std::path::{Path, PathBuf};

use predicates::prelude::*;

/// The shop's live card page: ASP in EUC-KR with CRLF, 제주 still listed under 안심클릭 and 수협
/// under 안전결제 (the test rule `suhyup-isp-to-mpi` moves 수협 the other way).
const STALE_PAGE: &str = r##"<%@ Language=VBScript CodePage=949 %>
<!-- #include virtual="/inc/dbconn.asp" -->
<%
' 한라상회 신용카드 결제 (KSPayForm.asp)
Dim orderno, amount, certitype
orderno   = Trim(Request.Form("orderno"))
amount    = Trim(Request.Form("amount"))
certitype = Request("certitype")
If certitype = "" Then certitype = "M"
%>
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=euc-kr">
<title>한라상회 - 신용카드 결제</title>
</head>
<body>
<form name="KSPayForm" method="post" action="KSPayCreditForm.asp">
<input type="hidden" name="ordernumber" value="<%=orderno%>">
<input type="hidden" name="amount" value="<%=amount%>">
<table width="600" border="0" cellspacing="1" cellpadding="4">
<tr>
	<td bgcolor="#F4F4F4">&nbsp;거래종류</td>
	<td bgcolor="#FFFFFF">
		<input type="radio" name="certitype" value="M" <%if certitype="M" then%>checked<%end if%>>안심클릭(M-Visa3D인증승인)<br>
		&nbsp;&nbsp;&nbsp;&nbsp;외환,삼성,현대,신한,롯데,하나,씨티,농협,제주<br>
		<input type="radio" name="certitype" value="I" <%if certitype="I" then%>checked<%end if%>>안전결제(ISP인증승인)<br>
		&nbsp;&nbsp;&nbsp;&nbsp;비씨,국민,수협,전북,광주<br>
	</td>
</tr>
</table>
<input type="submit" value="결제하기">
</form>
</body>
</html>
"##;

/// Line and column of 제주 in [`STALE_PAGE`], as reports print them.
const JEJU_AT: &str = ":25:51:";

/// The order-complete page: names 제주 only in the shipping address, so it passes the
/// prefilter and must still report nothing.
const CLEAN_PAGE: &str = r##"<%@ Language=VBScript CodePage=949 %>
<%
Dim orderno
orderno = Trim(Request("orderno"))
%>
<html>
<head><meta http-equiv="Content-Type" content="text/html; charset=euc-kr"></head>
<body>
<h3>주문이 완료되었습니다</h3>
<p>주문번호 : <%=orderno%></p>
<p>배송지 : 제주특별자치도 제주시 중앙로 100</p>
</body>
</html>
"##;

/// Text as a Korean shop's server stores it: CRLF line ends, EUC-KR bytes.
fn euc_kr_crlf(text: &str) -> Vec<u8> {
    let crlf = text.replace('\n', "\r\n");
    let (bytes, _, unmappable) = encoding_rs::EUC_KR.encode(&crlf);
    assert!(!unmappable, "the page must be EUC-KR text");
    bytes.into_owned()
}

/// A shop repository in a temporary folder:
///
/// ```text
/// shop/kspay-migrate.toml          (written by each test)
/// shop/www/pay/KSPayForm.asp       stale
/// shop/www/pay/order_ok.asp        clean
/// shop/www/pay/old/KSPayForm.asp   a stale copy nobody serves any more
/// ```
struct Shop {
    _temp: tempfile::TempDir,
    top: PathBuf,
}

impl Shop {
    fn new() -> Shop {
        let temp = tempfile::tempdir().unwrap();
        let top = temp.path().join("shop");
        let pay = top.join("www/pay");
        fs::create_dir_all(pay.join("old")).unwrap();
        fs::write(pay.join("KSPayForm.asp"), euc_kr_crlf(STALE_PAGE)).unwrap();
        fs::write(pay.join("order_ok.asp"), euc_kr_crlf(CLEAN_PAGE)).unwrap();
        fs::write(pay.join("old/KSPayForm.asp"), euc_kr_crlf(STALE_PAGE)).unwrap();
        Shop { _temp: temp, top }
    }

    /// A shop whose top folder holds `kspay-migrate.toml` with `config`.
    fn with_config(config: &str) -> Shop {
        let shop = Shop::new();
        shop.write("kspay-migrate.toml", config);
        shop
    }

    fn write(&self, relative: &str, text: &str) -> PathBuf {
        let path = self.top.join(relative);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(&path, text).unwrap();
        path
    }

    /// The folder two levels below the config, where a developer works.
    fn pay(&self) -> PathBuf {
        self.top.join("www/pay")
    }

    fn config(&self) -> PathBuf {
        self.top.join("kspay-migrate.toml")
    }

    /// A `rules/` folder beside the config with the Jeju rule and the Suhyup test rule.
    fn with_two_rules(self) -> Shop {
        for (from, name) in [
            ("rules/jeju-mpi-to-isp.toml", "jeju-mpi-to-isp.toml"),
            (
                "tests/rules/suhyup-isp-to-mpi.toml",
                "suhyup-isp-to-mpi.toml",
            ),
        ] {
            let text = fs::read_to_string(root().join(from)).unwrap();
            self.write(&format!("rules/{name}"), &text);
        }
        self
    }
}

/// Runs `kspay-migrate ARGS...` in `cwd`; returns (exit code, stdout, stderr).
fn run(cwd: &Path, args: &[&str]) -> (i32, String, String) {
    let output = tool().current_dir(cwd).args(args).output().unwrap();
    (
        output.status.code().unwrap(),
        String::from_utf8(output.stdout).unwrap(),
        String::from_utf8(output.stderr).unwrap(),
    )
}

/// The findings of a JSON report as `path:line:column: severity rule`.
fn json_findings(stdout: &str) -> Vec<String> {
    let document: serde_json::Value = serde_json::from_str(stdout)
        .unwrap_or_else(|e| panic!("stdout is not one JSON document ({e}):\n{stdout}"));
    assert_valid_report(&document);
    document["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            format!(
                "{}:{}:{}: {} {}",
                f["path"].as_str().unwrap(),
                f["line"],
                f["column"],
                f["severity"].as_str().unwrap(),
                f["rule"].as_str().unwrap()
            )
        })
        .collect()
}

#[test]
fn a_config_two_folders_up_applies_its_exclude_and_format() {
    let shop =
        Shop::with_config("# the team's settings\nformat = \"json\"\nexclude = [\"**/old/**\"]\n");
    let (code, stdout, stderr) = run(&shop.pay(), &["check"]);
    assert_eq!(code, 1, "{stderr}");
    assert_eq!(
        json_findings(&stdout),
        ["KSPayForm.asp:25:51: error jeju-mpi-to-isp"]
    );
    let document: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(
        document["config"].as_str().map(PathBuf::from),
        Some(shop.config())
    );
    assert_eq!(document["summary"]["files_scanned"], 2);

    // The same run without the config sees the stale copy, and speaks text.
    let (code, stdout, _) = run(&shop.pay(), &["check", "--isolated", "-q"]);
    assert_eq!(code, 1);
    assert!(
        stdout.contains(&format!("old/KSPayForm.asp{JEJU_AT}")),
        "{stdout}"
    );
}

#[test]
fn fix_write_leaves_the_excluded_copy_alone() {
    let shop = Shop::with_config("exclude = [\"**/old/**\"]\n");
    let (code, _, stderr) = run(&shop.pay(), &["fix", "--write"]);
    assert_eq!(code, 0, "{stderr}");
    assert_ne!(
        fs::read(shop.pay().join("KSPayForm.asp")).unwrap(),
        euc_kr_crlf(STALE_PAGE)
    );
    assert_eq!(
        fs::read(shop.pay().join("old/KSPayForm.asp")).unwrap(),
        euc_kr_crlf(STALE_PAGE)
    );
}

#[test]
fn the_text_report_names_the_config_it_used() {
    let shop = Shop::with_config("exclude = [\"**/old/**\"]\n");
    let (code, stdout, stderr) = run(&shop.pay(), &["check"]);
    assert_eq!(code, 1);
    assert!(
        stderr.contains(&format!(
            "note: using settings from {}",
            shop.config().display()
        )),
        "{stderr}"
    );
    assert!(stdout.contains(&format!("KSPayForm.asp{JEJU_AT} error[jeju-mpi-to-isp]")));
    // No note when no config applies.
    let (_, _, stderr) = run(&shop.pay(), &["check", "--isolated"]);
    assert!(!stderr.contains("settings from"), "{stderr}");
}

#[test]
fn config_option_reads_another_file_and_isolated_reads_none() {
    let shop = Shop::with_config("format = \"json\"\nexclude = [\"**/old/**\"]\n");
    let other = shop.write(
        "ci/kspay-ci.toml",
        "exclude = [\"order_ok.asp\"]\n[severity]\njeju-mpi-to-isp = \"warning\"\n",
    );

    // `--config`: the other file alone counts: text (its default), the old copy is scanned,
    // its severity applies.
    let (code, stdout, stderr) = run(
        &shop.pay(),
        &["check", "-q", "--config", other.to_str().unwrap()],
    );
    assert_eq!(code, 1, "{stderr}");
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{stdout}");
    assert!(lines[0].starts_with(&format!("KSPayForm.asp{JEJU_AT} warning[jeju-mpi-to-isp]")));
    assert!(lines[1].starts_with(&format!("old/KSPayForm.asp{JEJU_AT} warning[")));

    // `--isolated`: nothing from either file.
    let (code, stdout, _) = run(&shop.pay(), &["check", "-q", "--isolated"]);
    assert_eq!(code, 1);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{stdout}");
    assert!(
        lines.iter().all(|l| l.contains(" error[jeju-mpi-to-isp]")),
        "{stdout}"
    );

    // A `--config` file that is not there is an error naming it, not a silent default.
    tool()
        .current_dir(shop.pay())
        .args(["check", "--config", "../../ci/missing.toml"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "cannot read config file ../../ci/missing.toml: ",
        ))
        .stdout("");
    tool()
        .current_dir(shop.pay())
        .args(["check", "--isolated", "--config"])
        .arg(&other)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("cannot be used with"));
}

#[test]
fn command_line_options_override_config_keys() {
    let shop = Shop::with_config(
        "format = \"json\"\nrules = \"rules\"\nselect = [\"suhyup-isp-to-mpi\"]\nexclude = [\"**/old/**\"]\n",
    )
    .with_two_rules();

    let (code, stdout, stderr) = run(&shop.pay(), &["check"]);
    assert_eq!(code, 1, "{stderr}");
    assert_eq!(
        json_findings(&stdout),
        ["KSPayForm.asp:27:33: error suhyup-isp-to-mpi"]
    );

    // `--select` replaces `select`; `--format text` replaces `format`.
    let (code, stdout, stderr) = run(
        &shop.pay(),
        &[
            "check",
            "-q",
            "--select",
            "jeju-mpi-to-isp",
            "--format",
            "text",
        ],
    );
    assert_eq!(code, 1, "{stderr}");
    assert_eq!(
        stdout.lines().collect::<Vec<_>>().len(),
        1,
        "one finding expected:\n{stdout}"
    );
    assert!(stdout.starts_with(&format!("KSPayForm.asp{JEJU_AT} error[jeju-mpi-to-isp]")));

    // `--exclude` replaces `exclude`: the old copy is back, the clean page is left out.
    let (_, stdout, _) = run(&shop.pay(), &["check", "--exclude", "order_ok.asp"]);
    assert_eq!(
        json_findings(&stdout),
        [
            "KSPayForm.asp:27:33: error suhyup-isp-to-mpi",
            "old/KSPayForm.asp:27:33: error suhyup-isp-to-mpi"
        ]
    );

    // `rules` lists what `check` would load from here: the config's rule folder.
    tool()
        .current_dir(shop.pay())
        .arg("rules")
        .assert()
        .code(0)
        .stdout(predicate::str::contains("suhyup-isp-to-mpi"))
        .stdout(predicate::str::contains("jeju-mpi-to-isp"));
}

#[test]
fn severity_override_shows_in_json_and_text() {
    let shop = Shop::with_config(
        "exclude = [\"**/old/**\"]\n\n[severity]\njeju-mpi-to-isp = \"warning\"\n",
    );
    let (code, stdout, _) = run(&shop.pay(), &["check", "--format", "json"]);
    assert_eq!(code, 1);
    assert_eq!(
        json_findings(&stdout),
        ["KSPayForm.asp:25:51: warning jeju-mpi-to-isp"]
    );
    let (_, stdout, _) = run(&shop.pay(), &["check"]);
    assert!(
        stdout.contains(&format!("KSPayForm.asp{JEJU_AT} warning[jeju-mpi-to-isp]")),
        "{stdout}"
    );
    // Without the override the rule's own severity stands.
    let (_, stdout, _) = run(&shop.pay(), &["check", "--isolated", "--format", "json"]);
    assert!(json_findings(&stdout).contains(&"KSPayForm.asp:25:51: error jeju-mpi-to-isp".into()));
}

/// Runs `check` under a config holding `config`; asserts exit 2 and nothing on stdout, and
/// returns stderr.
fn config_error(config: &str) -> (Shop, String) {
    let shop = Shop::with_config(config);
    let (code, stdout, stderr) = run(&shop.pay(), &["check"]);
    assert_eq!(code, 2, "{stderr}");
    assert_eq!(stdout, "");
    (shop, stderr)
}

#[test]
fn an_unknown_key_is_an_error_naming_the_key_the_file_and_the_line() {
    let (shop, stderr) = config_error("format = \"json\"\nexlcude = [\"**/old/**\"]\n");
    assert!(
        stderr.contains(&format!(
            "{}:2:1: unknown field `exlcude`, expected one of",
            shop.config().display()
        )),
        "{stderr}"
    );
}

#[test]
fn a_value_of_the_wrong_type_is_an_error_naming_the_file_and_the_line() {
    let (shop, stderr) = config_error("exclude = \"**/old/**\"\n");
    assert!(
        stderr.contains(&format!(
            "{}:1:11: invalid type: string \"**/old/**\", expected a sequence",
            shop.config().display()
        )),
        "{stderr}"
    );
    let (shop, stderr) = config_error("format = \"sarif2\"\n");
    assert!(
        stderr.contains(&format!(
            "{}:1:10: unknown format \"sarif2\"",
            shop.config().display()
        )),
        "{stderr}"
    );
    let (_, stderr) = config_error("[severity]\njeju-mpi-to-isp = \"info\"\n");
    assert!(stderr.contains("unknown variant `info`"), "{stderr}");
}

#[test]
fn an_unknown_rule_in_severity_or_select_is_named() {
    let (shop, stderr) = config_error("[severity]\njeju-mpi-isp = \"warning\"\n");
    assert!(
        stderr.contains(&format!(
            "{}:2:1: [severity]: no rule \"jeju-mpi-isp\" (loaded: jeju-mpi-to-isp",
            shop.config().display()
        )),
        "{stderr}"
    );
    let (shop, stderr) = config_error("select = [\"jeju\"]\n");
    assert!(
        stderr.contains(&format!(
            "{}:1:11: select: no rule \"jeju\"",
            shop.config().display()
        )),
        "{stderr}"
    );
}
