//! The complete list of findings over `samples/` and every case folder (inputs and expected
//! fixed pages), compared with `tests/expected-findings.txt`: a new false alarm, a lost
//! finding or a changed kind, severity or fix anywhere fails here, not only in the one case
//! that was meant to test it.

mod common;
mod report_schema;
use common::root;
use report_schema::assert_valid_report;

use std::fs;

use assert_cmd::Command;

#[test]
fn findings_over_samples_and_cases_match_the_expected_list() {
    let output = Command::cargo_bin("kspay-migrate")
        .unwrap()
        .current_dir(root())
        .args(["check", "--format", "json", "samples", "tests/cases"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1), "findings exist, no errors");
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_valid_report(&report);
    assert_eq!(report["errors"].as_array().unwrap().len(), 0);
    let mut found: Vec<String> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            format!(
                "{}:{}:{} {} {} {}",
                f["path"].as_str().unwrap().replace('\\', "/"),
                f["line"],
                f["column"],
                f["kind"].as_str().unwrap(),
                f["severity"].as_str().unwrap(),
                f["fix"].as_str().unwrap()
            )
        })
        .collect();
    found.sort();

    let expected_text = fs::read_to_string(root().join("tests/expected-findings.txt")).unwrap();
    let mut expected: Vec<String> = expected_text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(String::from)
        .collect();
    expected.sort();

    let extra: Vec<&String> = found.iter().filter(|f| !expected.contains(f)).collect();
    let missing: Vec<&String> = expected.iter().filter(|e| !found.contains(e)).collect();
    assert!(
        extra.is_empty() && missing.is_empty(),
        "findings differ from tests/expected-findings.txt\n  not expected: {extra:#?}\n  missing: {missing:#?}"
    );
}
