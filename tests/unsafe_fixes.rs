//! `--unsafe-fixes` never costs a page its safe fixes: an unsafe fix that would not hold is
//! left out alone, the reports say which and why, and the run is not an error.

mod common;
use common::{copy_tree, root, tool};

use std::fs;
use std::path::Path;

/// A card-select page (EUC-KR, CRLF) whose footnote's unsafe prose fix would leave the guide's
/// heading lists with Jeju in neither: a new finding, so that fix is left out.
const CASE: &str = "tests/cases/unsafe-dropped-prose-php-euckr";

#[test]
fn an_unsafe_fix_that_would_not_converge_is_left_out_and_the_safe_fix_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("pay.php");
    fs::copy(root().join(CASE).join("input.php"), &page).unwrap();

    let output = tool()
        .current_dir(dir.path())
        .args([
            "fix",
            "--write",
            "--unsafe-fixes",
            "--format",
            "json",
            "pay.php",
        ])
        .assert()
        .code(1) // the prose finding is left: not everything is fixed, and nothing failed
        .get_output()
        .clone();
    assert_eq!(
        fs::read(&page).unwrap(),
        fs::read(root().join(CASE).join("fixed.php")).unwrap(),
        "the safe fix is written, the unsafe one is not"
    );
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(report["errors"], serde_json::json!([]));
    let findings = report["findings"].as_array().unwrap();
    let prose = findings.iter().find(|f| f["kind"] == "prose").unwrap();
    let reason = prose["fix_dropped"].as_str().unwrap();
    assert!(
        reason.starts_with(
            "unsafe fix left out: after it the page would have a new finding at line 60"
        ),
        "{reason}"
    );
    assert!(reason.contains("listed under neither"), "{reason}");
    let option = findings
        .iter()
        .find(|f| f["kind"] == "select-option")
        .unwrap();
    assert_eq!(option["fix_dropped"], serde_json::Value::Null);
    assert_eq!(report["summary"]["fixes_dropped"], 1);
    assert_eq!(
        report["summary"]["fixable"], 1,
        "the left-out fix is not fixable"
    );

    // The text report names the place and the reason; the closing line counts it.
    fs::copy(root().join(CASE).join("input.php"), &page).unwrap();
    let output = tool()
        .current_dir(dir.path())
        .args(["fix", "--unsafe-fixes", "pay.php"])
        .assert()
        .code(1)
        .get_output()
        .clone();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains("pay.php:61:33: note: unsafe fix left out: after it the page"),
        "{stderr}"
    );
    assert!(
        stderr.contains("Would fix 1 finding(s) in 1 file(s); 1 unsafe fix(es) left out"),
        "{stderr}"
    );
    assert!(!stderr.contains("internal check failed"), "{stderr}");
}

#[test]
fn sarif_does_not_offer_a_fix_that_was_left_out() {
    let dir = tempfile::tempdir().unwrap();
    fs::copy(
        root().join(CASE).join("input.php"),
        dir.path().join("pay.php"),
    )
    .unwrap();
    let output = tool()
        .current_dir(dir.path())
        .args(["fix", "--unsafe-fixes", "--format", "sarif", "pay.php"])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let sarif: serde_json::Value = serde_json::from_slice(&output).unwrap();
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    let prose = results
        .iter()
        .find(|r| r["properties"]["kind"] == "prose")
        .unwrap();
    assert!(prose.get("fixes").is_none(), "{prose}");
    assert!(
        prose["properties"]["fixDropped"]
            .as_str()
            .unwrap()
            .starts_with("unsafe fix left out:")
    );
    let option = results
        .iter()
        .find(|r| r["properties"]["kind"] == "select-option")
        .unwrap();
    assert!(option.get("fixes").is_some());
}

#[test]
fn unsafe_fixes_over_every_sample_and_case_page_never_fail_a_page() {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&root().join("samples"), &dir.path().join("samples"));
    let cases = dir.path().join("cases");
    fs::create_dir(&cases).unwrap();
    let mut copied = 0;
    for case in fs::read_dir(root().join("tests/cases")).unwrap() {
        let case = case.unwrap().path();
        for file in fs::read_dir(&case).unwrap() {
            let file = file.unwrap().path();
            let name = file.file_name().unwrap().to_string_lossy().to_string();
            if let Some(extension) = name.strip_prefix("input.") {
                let case_name = case.file_name().unwrap().to_string_lossy();
                fs::copy(&file, cases.join(format!("{case_name}.{extension}"))).unwrap();
                copied += 1;
            }
        }
    }
    assert!(copied >= 70, "{copied} case pages");

    let output = tool()
        .current_dir(dir.path())
        .args(["fix", "--write", "--unsafe-fixes", "."])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        matches!(output.status.code(), Some(0 | 1)),
        "exit {:?}:\n{stderr}",
        output.status.code()
    );
    assert!(!stderr.contains("error:"), "{stderr}");
    assert!(
        fs::read(cases.join("unsafe-dropped-prose-php-euckr.php")).unwrap()
            == fs::read(Path::new(&root()).join(CASE).join("fixed-unsafe.php")).unwrap()
    );
}
