//! The command line as users and CI gates drive it: exit codes, formats, dry runs, writes,
//! patches applied by `git apply` and `patch -p1`, rule loading.

mod common;
mod report_schema;
use common::{copy_tree, root, snapshot, tool};
use report_schema::assert_valid_report;

use std::fs;
use std::process::Command as Process;

use predicates::prelude::*;

const STALE_SAMPLES: &[&str] = &[
    "samples/asp-shop/kspay/KSPayCreditFormM.asp:117:23",
    "samples/asp-shop/kspay/KSPayForm.asp:103:48",
    "samples/asp-shop/order/pay_help.asp:51:33",
    "samples/asp-shop/order/pay_help.asp:64:42",
    "samples/html-shop/pay/card_info.html:52:32",
    "samples/html-shop/pay/card_select.html:90:36",
    "samples/jsp-shop/WEB-INF/jsp/order/payment.jsp:114:40",
    "samples/jsp-shop/static/js/kspay_route.js:20:42",
    "samples/php-shop/pay/KSPayCreditFormIM.php:44:78",
    "samples/php-shop/pay/KSPayForm.php:81:51",
    "samples/php-shop/pay/card_guide.php:49:51",
];

/// The one sample finding without a safe fix: stale help prose (a warning).
const PROSE_SAMPLE: &str = "samples/asp-shop/order/pay_help.asp:51:33";

#[test]
fn check_samples_lists_the_stale_pages_and_exits_1() {
    let output = tool()
        .current_dir(root())
        .args(["check", "samples/", "-q"])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let stdout = String::from_utf8(output).unwrap();
    let located: Vec<&str> = stdout
        .lines()
        .map(|l| l.split(": ").next().unwrap())
        .collect();
    for stale in STALE_SAMPLES {
        assert!(located.contains(stale), "{stale} missing from:\n{stdout}");
    }
    for clean in [
        "order_form.asp",
        "card_select_migrated.html",
        "2013_jeju.html",
        "footer.jspf",
        "delivery.html",
        "pay_method.php",
    ] {
        assert!(
            !stdout.contains(clean),
            "{clean} must not be flagged:\n{stdout}"
        );
    }
}

#[test]
fn clean_page_exits_0_and_text_output_has_snippet_and_summary() {
    tool()
        .current_dir(root())
        .args(["check", "samples/html-shop/pay/card_select_migrated.html"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("No findings in 1 file"));
    tool()
        .current_dir(root())
        .args(["check", "samples/asp-shop/kspay/KSPayForm.asp"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "103 |         &nbsp;&nbsp;&nbsp;&nbsp;외환,삼성,현대,신한,롯데,하나,씨티,제주<br>",
        ))
        .stdout(predicate::str::contains("^^^^"))
        .stdout(predicate::str::contains(
            "1 finding in 1 file of 1 scanned file",
        ));
}

#[test]
fn errors_exit_2_name_the_file_and_other_files_are_still_checked() {
    let dir = tempfile::tempdir().unwrap();
    let broken = dir.path().join("broken.php");
    // Declares EUC-KR, but holds a byte sequence that is not EUC-KR.
    fs::write(
        &broken,
        b"<meta charset=\"euc-kr\">\r\n<p>\xC1\xA6\xC1\xD6 \x80\x80</p>\r\n",
    )
    .unwrap();
    let missing = dir.path().join("missing");
    tool()
        .current_dir(root())
        .arg("check")
        .arg(&broken)
        .arg(&missing)
        .arg("samples/php-shop/pay/KSPayForm.php")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("broken.php"))
        .stderr(predicate::str::contains("not valid EUC-KR (line 2)"))
        .stderr(predicate::str::contains(
            "missing: error: no such file or directory",
        ))
        .stdout(predicate::str::contains(
            "samples/php-shop/pay/KSPayForm.php:81:51",
        ));

    // An undecodable file is never rewritten.
    let before = fs::read(&broken).unwrap();
    tool()
        .arg("fix")
        .arg("--write")
        .arg(&broken)
        .assert()
        .code(2);
    assert_eq!(fs::read(&broken).unwrap(), before);
}

#[test]
fn bad_arguments_and_bad_rules_exit_2() {
    tool().args(["check", "--format", "xml"]).assert().code(2);
    tool()
        .args(["check", "--max-filesize", "8X", "."])
        .assert()
        .code(2);
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("bad.toml"),
        "id = \"x\"\nseverity = \"fatal\"\n",
    )
    .unwrap();
    tool()
        .args(["check", "--rules"])
        .arg(dir.path())
        .arg(root().join("samples"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("bad.toml"));
    tool()
        .args(["check", "--select", "no-such-rule"])
        .arg(root().join("samples"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no rule \"no-such-rule\""));
}

#[test]
fn fix_dry_run_shows_a_decoded_diff_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&root().join("samples"), dir.path());
    let before = snapshot(dir.path());
    tool()
        .current_dir(dir.path())
        .args(["fix", "."])
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "-\t\t&nbsp;&nbsp;&nbsp;&nbsp;외환,삼성,현대,신한,롯데,하나,씨티,제주<br>",
        ))
        .stdout(predicate::str::contains(
            "+\t\t&nbsp;&nbsp;&nbsp;&nbsp;외환,삼성,현대,신한,롯데,하나,씨티<br>",
        ))
        .stdout(predicate::str::contains("(EUC-KR, shown as UTF-8)"));
    assert_eq!(snapshot(dir.path()), before);
}

#[test]
fn patch_applied_by_git_and_by_patch_equals_write_and_a_second_fix_changes_nothing() {
    let work = tempfile::tempdir().unwrap();
    let [by_write, by_git, by_patch] = ["write", "git", "patch"].map(|name| work.path().join(name));
    for dir in [&by_write, &by_git, &by_patch] {
        copy_tree(&root().join("samples"), dir);
    }
    let original = snapshot(&by_git);

    let patch_file = work.path().join("jeju.patch");
    tool()
        .current_dir(&by_git)
        .args(["fix", "--patch"])
        .arg(&patch_file)
        .arg(".")
        .assert()
        .code(1);
    assert_eq!(
        snapshot(&by_git),
        original,
        "--patch must not write the pages"
    );
    let patch = fs::read(&patch_file).unwrap();
    assert!(
        patch.windows(2).any(|w| w == b"\r\n"),
        "CRLF lines kept in the patch"
    );
    assert!(
        patch.windows(4).any(|w| w == b"\xC1\xA6\xC1\xD6"),
        "EUC-KR bytes kept"
    );

    let git = Process::new("git")
        .current_dir(&by_git)
        .args(["apply", "--whitespace=nowarn"])
        .arg(&patch_file)
        .output()
        .unwrap();
    assert!(
        git.status.success(),
        "git apply: {}",
        String::from_utf8_lossy(&git.stderr)
    );
    let patch_run = Process::new("patch")
        .current_dir(&by_patch)
        .args(["-p1", "--quiet", "--no-backup-if-mismatch", "-i"])
        .arg(&patch_file)
        .output()
        .unwrap();
    assert!(
        patch_run.status.success(),
        "patch -p1: {}",
        String::from_utf8_lossy(&patch_run.stdout)
    );
    // The help page's prose keeps its warning: its fix is unsafe, so findings are left (1).
    tool()
        .current_dir(&by_write)
        .args(["fix", "--write", "."])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "Fixed 10 finding(s) in 10 file(s)",
        ));

    let written = snapshot(&by_write);
    assert_ne!(written, original);
    assert_eq!(snapshot(&by_git), written);
    assert_eq!(snapshot(&by_patch), written);

    // After the fix: only the prose warning is left, and a second fix changes nothing.
    let left = tool()
        .current_dir(&by_write)
        .args(["check", "-q", "."])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let left = String::from_utf8(left).unwrap();
    let prose = PROSE_SAMPLE.trim_start_matches("samples/");
    assert_eq!(left.lines().count(), 1, "{left}");
    assert!(
        left.starts_with(&format!("./{prose}")) || left.starts_with(prose),
        "{left}"
    );
    tool()
        .current_dir(&by_write)
        .args(["fix", "--write", "."])
        .assert()
        .code(1);
    assert_eq!(snapshot(&by_write), written);

    // Reversing the patch restores every byte.
    let reverse = Process::new("git")
        .current_dir(&by_git)
        .args(["apply", "-R", "--whitespace=nowarn"])
        .arg(&patch_file)
        .output()
        .unwrap();
    assert!(reverse.status.success());
    assert_eq!(snapshot(&by_git), original);
}

#[test]
fn json_output_follows_the_schema() {
    let output = tool()
        .current_dir(root())
        .args(["check", "--format", "json", "samples/"])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let doc: serde_json::Value = serde_json::from_slice(&output).unwrap();
    assert_valid_report(&doc);
    assert_eq!(doc["version"], 2);
    assert_eq!(doc["tool"]["name"], "kspay-migrate");
    assert_eq!(doc["tool"]["version"], env!("CARGO_PKG_VERSION"));
    let findings = doc["findings"].as_array().unwrap();
    assert_eq!(findings.len(), STALE_SAMPLES.len());
    let first = &findings[0];
    let keys: Vec<&str> = first
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    for key in [
        "rule",
        "path",
        "line",
        "column",
        "end_line",
        "end_column",
        "kind",
        "severity",
        "message",
        "fix",
    ] {
        assert!(keys.contains(&key), "finding lacks {key}: {first}");
    }
    assert_eq!(first["path"], "samples/asp-shop/kspay/KSPayCreditFormM.asp");
    assert_eq!(
        (&first["line"], &first["column"], &first["end_column"]),
        (&117.into(), &23.into(), &27.into())
    );
    assert_eq!(first["kind"], "select-option");
    assert_eq!(first["severity"], "error");
    assert_eq!(first["fix"], "safe");
    assert_eq!(doc["errors"], serde_json::json!([]));
    let summary = &doc["summary"];
    assert_eq!(summary["findings"], 11);
    assert_eq!(summary["files_with_findings"], 10);
    assert_eq!(summary["fixable"], 10, "all but the prose warning");
    assert_eq!(summary["errors"], 0);
    assert!(summary["files_scanned"].as_u64().unwrap() >= 18);
    assert!(summary["elapsed_ms"].is_u64());
}

#[test]
fn a_second_rule_from_a_file_works_without_code_changes() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("KSPayForm.asp");
    fs::copy(root().join("tests/fixtures/suhyup-radio.asp"), &page).unwrap();
    // The built-in Jeju rule has nothing to say about this page (Jeju is under ISP).
    tool().arg("check").arg(&page).assert().code(0);
    tool()
        .args(["check", "-q", "--rules"])
        .arg(root().join("tests/rules"))
        .arg(&page)
        .assert()
        .code(1)
        .stdout(predicate::str::contains(":24:25: error[suhyup-isp-to-mpi]"));
    tool()
        .args(["fix", "--write", "--rules"])
        .arg(root().join("tests/rules"))
        .arg(&page)
        .assert()
        .code(0);
    assert_eq!(
        fs::read(&page).unwrap(),
        fs::read(root().join("tests/fixtures/suhyup-radio.fixed.asp")).unwrap()
    );
    tool()
        .args(["rules", "--rules"])
        .arg(root().join("tests/rules"))
        .assert()
        .code(0)
        .stdout(predicate::str::contains("suhyup-isp-to-mpi"));
}

#[test]
fn rules_and_explain() {
    tool()
        .arg("rules")
        .assert()
        .code(0)
        .stdout(predicate::str::contains("jeju-mpi-to-isp"))
        .stdout(predicate::str::contains(
            "embedded:rules/jeju-mpi-to-isp.toml",
        ));
    tool()
        .args(["explain", "jeju-mpi-to-isp"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("2013-05-01"))
        .stdout(predicate::str::contains("moves from: MPI"));
    tool()
        .args(["explain", "nope"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no rule \"nope\""));
}

#[test]
fn version_control_copies_and_binaries_with_template_names_are_never_reported() {
    let dir = tempfile::tempdir().unwrap();
    let stale = fs::read(root().join("samples/asp-shop/kspay/KSPayForm.asp")).unwrap();
    // Old copies of a stale page kept by Subversion and Git, and a live copy of it.
    for copy in [
        ".svn/pristine/3f/KSPayForm.asp",
        ".svn/text-base/KSPayForm.asp",
        ".git/old/KSPayForm.asp",
        "www/kspay/KSPayForm.asp",
    ] {
        let path = dir.path().join(copy);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, &stale).unwrap();
    }
    // A GIF uploaded as `.php`: a NUL byte and the EUC-KR bytes of 제주 inside.
    let mut gif = b"GIF89a\x01\x00\x01\x00\x00\x00\x00".to_vec();
    gif.extend_from_slice(b"\xC1\xA6\xC1\xD6 \xBE\xC8\xBD\xC9\xC5\xAC\xB8\xAF");
    fs::write(dir.path().join("www/banner.php"), &gif).unwrap();

    let output = tool()
        .args(["check", "--format", "json"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_valid_report(&report);
    let paths: Vec<&str> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap())
        .collect();
    assert_eq!(paths.len(), 1, "{paths:?}");
    assert!(paths[0].ends_with("www/kspay/KSPayForm.asp"), "{paths:?}");
    assert_eq!(report["summary"]["errors"], 0);
}

/// A reader that stops early (`| head`) is not an error of the run: the exit code is still the
/// findings', and nothing is said about the pipe. Each report of three copies of the case pages
/// is larger than a pipe holds (64 KiB), so the run is still writing (buffered or line by line)
/// when the reader goes.
#[test]
fn a_reader_closing_the_pipe_early_leaves_the_exit_code_to_the_findings() {
    use std::io::Read as _;
    use std::process::Stdio;
    let dir = tempfile::tempdir().unwrap();
    for copy in ["a", "b", "c"] {
        copy_tree(&root().join("tests/cases"), &dir.path().join(copy));
    }
    for format in ["json", "sarif", "text"] {
        let mut child = Process::new(assert_cmd::cargo::cargo_bin("kspay-migrate"))
            .current_dir(dir.path())
            .env("NO_COLOR", "1")
            .args(["check", "--format", format, "."])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut first = [0; 16];
        child.stdout.take().unwrap().read_exact(&mut first).unwrap();
        let output = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(1), "--format {format}: {stderr}");
        assert!(
            !stderr.contains("cannot write"),
            "--format {format}: {stderr}"
        );
    }
}
