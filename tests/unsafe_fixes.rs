//! `--unsafe-fixes` never costs a page its safe fixes: an unsafe fix that would not hold is
//! left out alone, the reports say which and why, and the run is not an error.

mod common;
mod report_schema;
use common::{copy_tree, root, tool};
use report_schema::assert_valid_report;

use std::fs;
use std::path::Path;

/// A JSP order page (EUC-KR, CRLF) with a safe optgroup fix, and card radio buttons broken by a
/// botched JSP comment edit (` --%>` left inside a `<label>` tag): the unsafe fix there tears
/// its own edits, and the unsafe "listed under neither" fix beside it would turn that broken
/// fix safe on the next run. Both are left out; the safe fix is written.
const CASE: &str = "tests/cases/unsafe-dropped-botched-label-jsp-euckr";

#[test]
fn an_unsafe_fix_that_would_not_converge_is_left_out_and_the_safe_fix_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("pay.jsp");
    fs::copy(root().join(CASE).join("input.jsp"), &page).unwrap();

    let output = tool()
        .current_dir(dir.path())
        .args([
            "fix",
            "--write",
            "--unsafe-fixes",
            "--format",
            "json",
            "pay.jsp",
        ])
        .assert()
        .code(1) // two findings are left: not everything is fixed, and nothing failed
        .get_output()
        .clone();
    assert_eq!(
        fs::read(&page).unwrap(),
        fs::read(root().join(CASE).join("fixed.jsp")).unwrap(),
        "the safe fix is written, the unsafe ones are not"
    );
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_valid_report(&report);
    assert_eq!(report["errors"], serde_json::json!([]));
    let findings = report["findings"].as_array().unwrap();
    let reason_of = |kind: &str| {
        let finding = findings.iter().find(|f| f["kind"] == kind).unwrap();
        finding["fix_dropped"].as_str().unwrap().to_string()
    };
    let torn = reason_of("radio-label");
    assert!(
        torn.starts_with("unsafe fix left out: its edits overlap"),
        "{torn}"
    );
    let neither = reason_of("text-list");
    assert_eq!(
        neither,
        "unsafe fix left out: it changes how the finding at line 38 of the fixed page would be fixed"
    );
    let option = findings
        .iter()
        .find(|f| f["kind"] == "select-option")
        .unwrap();
    assert_eq!(option["fix_dropped"], serde_json::Value::Null);
    assert_eq!(report["summary"]["fixes_dropped"], 2);
    assert_eq!(
        report["summary"]["fixable"], 1,
        "the left-out fixes are not fixable"
    );

    // The text report names the place and the reason; the closing line counts it.
    fs::copy(root().join(CASE).join("input.jsp"), &page).unwrap();
    let output = tool()
        .current_dir(dir.path())
        .args(["fix", "--unsafe-fixes", "pay.jsp"])
        .assert()
        .code(1)
        .get_output()
        .clone();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains("pay.jsp:41:83: note: unsafe fix left out: it changes how"),
        "{stderr}"
    );
    assert!(
        stderr.contains("Would fix 1 finding(s) in 1 file(s); 2 unsafe fix(es) left out"),
        "{stderr}"
    );
    assert!(!stderr.contains("internal check failed"), "{stderr}");
}

#[test]
fn sarif_does_not_offer_a_fix_that_was_left_out() {
    let dir = tempfile::tempdir().unwrap();
    fs::copy(
        root().join(CASE).join("input.jsp"),
        dir.path().join("pay.jsp"),
    )
    .unwrap();
    let output = tool()
        .current_dir(dir.path())
        .args(["fix", "--unsafe-fixes", "--format", "sarif", "pay.jsp"])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let sarif: serde_json::Value = serde_json::from_slice(&output).unwrap();
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    let neither = results
        .iter()
        .find(|r| r["properties"]["kind"] == "text-list")
        .unwrap();
    assert!(neither.get("fixes").is_none(), "{neither}");
    assert!(
        neither["properties"]["fixDropped"]
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
        fs::read(cases.join("unsafe-dropped-botched-label-jsp-euckr.jsp")).unwrap()
            == fs::read(Path::new(&root()).join(CASE).join("fixed-unsafe.jsp")).unwrap()
    );
}
