//! A rule of the second shape, `retire` (tests/rules/retire/oehwan-retired.toml: 외환카드 merged
//! into 하나카드 and leaves every card list), routed to its own detector, prefilter words and
//! `explain` text, next to the built-in `move` rule. The fixed pages beside the fixtures are
//! written by hand: the 외환 entry taken out of each card list, nothing else changed.

mod common;
mod report_schema;

use std::fs;
use std::path::{Path, PathBuf};

use common::{root, tool};
use predicates::prelude::*;
use report_schema::assert_valid_report;
use serde_json::Value;

fn retire_rules() -> PathBuf {
    root().join("tests/rules/retire")
}

fn fixture(name: &str) -> PathBuf {
    root().join("tests/fixtures").join(name)
}

/// `check --format json` of one page with the rules in `rules`.
fn findings(rules: &Path, page: &Path) -> Vec<Value> {
    let out = tool()
        .args(["check", "--isolated", "--format", "json", "--rules"])
        .arg(rules)
        .arg(page)
        .output()
        .unwrap();
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_valid_report(&report);
    report["findings"].as_array().unwrap().clone()
}

/// `(rule, line, kind, fix)` of each finding.
fn summary(findings: &[Value]) -> Vec<(String, u64, String, String)> {
    findings
        .iter()
        .map(|f| {
            (
                f["rule"].as_str().unwrap().to_string(),
                f["line"].as_u64().unwrap(),
                f["kind"].as_str().unwrap().to_string(),
                f["fix"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn the_retire_rule_is_listed_and_explained_by_its_shape() {
    tool()
        .args(["rules", "--rules"])
        .arg(retire_rules())
        .assert()
        .success()
        .stdout(predicate::str::contains("oehwan-retired"));
    tool()
        .args(["explain", "oehwan-retired", "--rules"])
        .arg(retire_rules())
        .assert()
        .success()
        .stdout(predicate::str::contains("shape: retire"))
        .stdout(predicate::str::contains(
            "removed from the card lists of: MPI",
        ))
        .stdout(predicate::str::contains("moves from").not())
        // A retired card is looked for in the markup forms only.
        .stdout(predicate::str::contains("prose").not());
    tool()
        .args(["explain", "jeju-mpi-to-isp"])
        .assert()
        .success()
        .stdout(predicate::str::contains("shape: move"))
        .stdout(predicate::str::contains("moves to:   ISP"))
        .stdout(predicate::str::contains("prose (prose)"));
}

#[test]
fn a_retired_card_is_reported_in_every_list_and_nowhere_else() {
    // EUC-KR, CRLF, PHP: 외환 in the MPI radio's card list; 외환은행 in a bank select and 외환카드
    // in a merger notice are not card lists.
    let euc_kr = findings(&retire_rules(), &fixture("oehwan-retire.php"));
    assert_eq!(
        summary(&euc_kr),
        [(
            "oehwan-retired".to_string(),
            24,
            "radio-label".to_string(),
            "unsafe".to_string()
        )],
        "{euc_kr:#?}"
    );
    // One select, the card under both schemes' optgroups; 제주 only in a shipping note.
    let optgroup = findings(&retire_rules(), &fixture("oehwan-retire-optgroup.html"));
    let lines: Vec<u64> = summary(&optgroup).iter().map(|f| f.1).collect();
    assert_eq!(lines, [13, 19], "{optgroup:#?}");
    assert!(
        optgroup[0]["message"]
            .as_str()
            .unwrap()
            .ends_with("remove it from this MPI list")
    );
    assert!(
        optgroup[1]["message"]
            .as_str()
            .unwrap()
            .ends_with("remove it from this ISP list")
    );
}

#[test]
fn unsafe_fixes_take_the_retired_card_out_and_change_nothing_else() {
    for (page, fixed) in [
        ("oehwan-retire.php", "oehwan-retire.fixed.php"),
        (
            "oehwan-retire-optgroup.html",
            "oehwan-retire-optgroup.fixed.html",
        ),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join(page);
        fs::copy(fixture(page), &target).unwrap();
        // Without --unsafe-fixes nothing is written: every retire fix is unsafe.
        tool()
            .args(["fix", "--isolated", "--write", "--rules"])
            .arg(retire_rules())
            .arg(&target)
            .assert()
            .code(1);
        assert_eq!(fs::read(&target).unwrap(), fs::read(fixture(page)).unwrap());
        tool()
            .args(["fix", "--isolated", "--write", "--unsafe-fixes", "--rules"])
            .arg(retire_rules())
            .arg(&target)
            .assert()
            .success();
        assert_eq!(
            fs::read(&target).unwrap(),
            fs::read(fixture(fixed)).unwrap(),
            "{page}"
        );
    }
}

#[test]
fn a_page_without_the_retired_card_has_nothing_to_retire() {
    // The page names both scheme titles and lists cards: for a `move` rule a list that leaves
    // its card out is a finding; a `retire` rule has nothing to find without its card (its
    // prefilter does not even pass the page: scan::prefilter's tests).
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("pay.html");
    fs::write(
        &page,
        "<p><b>안심클릭</b>: 삼성, 현대, 신한</p>\n<p><b>안전결제</b>: 비씨, 국민, 제주</p>\n",
    )
    .unwrap();
    assert!(findings(&retire_rules(), &page).is_empty());
}

#[test]
fn rules_of_both_shapes_run_together_each_by_its_own_detector() {
    let rules = tempfile::tempdir().unwrap();
    fs::copy(
        root().join("rules/jeju-mpi-to-isp.toml"),
        rules.path().join("jeju-mpi-to-isp.toml"),
    )
    .unwrap();
    fs::copy(
        retire_rules().join("oehwan-retired.toml"),
        rules.path().join("oehwan-retired.toml"),
    )
    .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("pay.html");
    fs::write(
        &page,
        "<ul>\n<li><b>안심클릭</b>: 외환, 삼성, 제주</li>\n<li><b>안전결제</b>: 비씨, 국민</li>\n</ul>\n",
    )
    .unwrap();
    let found = findings(rules.path(), &page);
    let mut rules_found: Vec<&str> = found.iter().map(|f| f["rule"].as_str().unwrap()).collect();
    rules_found.sort_unstable();
    assert_eq!(
        rules_found,
        ["jeju-mpi-to-isp", "oehwan-retired"],
        "{found:#?}"
    );
}
