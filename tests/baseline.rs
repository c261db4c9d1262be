//! Baselines as a CI gate uses them: record today's findings, then fail only on new ones, even
//! after the pages were edited above the accepted findings; say which entries went stale.

mod common;
mod report_schema;
use common::{copy_tree, root, tool};
use report_schema::assert_valid_report;

use std::ffi::OsStr;
use std::fs;
use std::os::unix::ffi::OsStrExt;
use std::path::Path;

use encoding_rs::EUC_KR;
use serde_json::Value;

/// A shop tree (the samples) in a temp folder, with its baseline recorded there.
fn shop_with_baseline() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&root().join("samples"), &dir.path().join("samples"));
    tool()
        .current_dir(dir.path())
        .args(["check", "samples", "--write-baseline", "baseline.json"])
        .assert()
        .code(0)
        .stderr(predicates::str::contains(
            "Wrote baseline baseline.json with 11 finding(s).",
        ));
    dir
}

fn check_json(dir: &Path, args: &[&str]) -> (i32, Value) {
    let output = tool()
        .current_dir(dir)
        .args(["check", "--format", "json"])
        .args(args)
        .output()
        .unwrap();
    let json = serde_json::from_slice(&output.stdout).unwrap_or_else(|e| {
        panic!(
            "not JSON ({e}): {}",
            String::from_utf8_lossy(&output.stdout)
        )
    });
    assert_valid_report(&json);
    (output.status.code().unwrap(), json)
}

/// Inserts EUC-KR CRLF lines at the top of a page, as an editor adding a server include would.
fn insert_lines_on_top(page: &Path, lines: &str) {
    let (head, _, _) = EUC_KR.encode(lines);
    let mut bytes = head.into_owned();
    bytes.extend(fs::read(page).unwrap());
    fs::write(page, bytes).unwrap();
}

#[test]
fn recorded_findings_survive_lines_inserted_above_and_only_new_ones_fail() {
    let dir = shop_with_baseline();
    let shop = dir.path().join("samples");
    // Every stale page gets lines inserted above its findings.
    for page in [
        "asp-shop/kspay/KSPayForm.asp",
        "asp-shop/order/pay_help.asp",
        "php-shop/pay/KSPayForm.php",
    ] {
        insert_lines_on_top(
            &shop.join(page),
            "<%\r\n' 2013-03 결제모듈 점검: 주문 로그 추가\r\nCall WriteOrderLog(ordernumber)\r\n%>\r\n",
        );
    }
    let (code, json) = check_json(dir.path(), &["samples", "--baseline", "baseline.json"]);
    assert_eq!(code, 0, "{json:#}");
    assert_eq!(json["summary"]["findings"], 0);
    assert_eq!(json["summary"]["baselined"], 11);
    assert_eq!(json["baseline"]["matched"], 11);
    assert_eq!(json["baseline"]["stale"].as_array().unwrap().len(), 0);

    // A new stale page (a copy of the entry page under another name) is new: exit 1, and only
    // its finding is reported.
    fs::copy(
        shop.join("asp-shop/kspay/KSPayForm.asp"),
        shop.join("asp-shop/kspay/KSPayForm_event.asp"),
    )
    .unwrap();
    let (code, json) = check_json(dir.path(), &["samples", "--baseline", "baseline.json"]);
    assert_eq!(code, 1);
    let findings = json["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 1, "{json:#}");
    assert_eq!(
        findings[0]["path"],
        "samples/asp-shop/kspay/KSPayForm_event.asp"
    );
    assert_eq!(findings[0]["line"], 107, "the four inserted lines count");
}

#[test]
fn a_second_copy_of_an_accepted_line_is_new() {
    let dir = shop_with_baseline();
    let page = dir.path().join("samples/html-shop/pay/card_info.html");
    let text = fs::read_to_string(&page).unwrap();
    let stale_line = text
        .lines()
        .find(|line| line.contains("제주") && line.contains("안심클릭"))
        .expect("card_info.html lists Jeju under 안심클릭 inline")
        .to_string();
    // The shop pastes the same notice paragraph again further down.
    let doubled = text.replacen(
        "</body>",
        &format!("<p>{}</p>\n</body>", stale_line.trim()),
        1,
    );
    fs::write(&page, doubled).unwrap();
    let (code, json) = check_json(dir.path(), &["samples", "--baseline", "baseline.json"]);
    assert_eq!(code, 1, "{json:#}");
    let findings = json["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 1, "{json:#}");
    assert_eq!(findings[0]["path"], "samples/html-shop/pay/card_info.html");
    assert_eq!(json["summary"]["baselined"], 11);
}

#[test]
fn entries_whose_findings_were_fixed_are_reported_so_the_baseline_can_shrink() {
    let dir = shop_with_baseline();
    tool()
        .current_dir(dir.path())
        .args(["fix", "--write", "samples/php-shop/pay/KSPayForm.php"])
        .assert()
        .code(0);
    let output = tool()
        .current_dir(dir.path())
        .args(["check", "samples", "--baseline", "baseline.json"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr
            .contains("note: baseline baseline.json: 1 baseline entry no longer matches a finding")
            && stderr.contains("samples/php-shop/pay/KSPayForm.php: jeju-mpi-to-isp [radio-label]"),
        "{stderr}"
    );
    let (_, json) = check_json(dir.path(), &["samples", "--baseline", "baseline.json"]);
    let stale = json["baseline"]["stale"].as_array().unwrap();
    assert_eq!(stale.len(), 1);
    assert_eq!(stale[0]["path"], "samples/php-shop/pay/KSPayForm.php");

    // A run over one shop says nothing about the entries of the others.
    let (code, json) = check_json(
        dir.path(),
        &["samples/asp-shop", "--baseline", "baseline.json"],
    );
    assert_eq!(code, 0);
    assert_eq!(json["baseline"]["stale"].as_array().unwrap().len(), 0);
    assert_eq!(json["baseline"]["matched"], 4);
}

#[test]
fn a_missing_or_broken_baseline_is_an_error_naming_the_file() {
    let dir = shop_with_baseline();
    tool()
        .current_dir(dir.path())
        .args(["check", "samples", "--baseline", "nope.json"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "cannot read baseline nope.json: no such file or directory",
        ));
    fs::write(dir.path().join("report.json"), "{\"findings\": []}").unwrap();
    tool()
        .current_dir(dir.path())
        .args(["check", "samples", "--baseline", "report.json"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "baseline report.json is not a kspay-migrate baseline",
        ));
}

#[test]
fn the_config_file_names_the_baseline_for_the_gate() {
    let dir = shop_with_baseline();
    // Recorded where the config will name it: its paths are relative to its own folder.
    fs::create_dir(dir.path().join("ci")).unwrap();
    tool()
        .current_dir(dir.path())
        .args([
            "check",
            "samples",
            "--write-baseline",
            "ci/kspay-baseline.json",
        ])
        .assert()
        .code(0);
    // Relative to the config file's folder, wherever the gate runs from.
    fs::write(
        dir.path().join("kspay-migrate.toml"),
        "baseline = \"ci/kspay-baseline.json\"\n",
    )
    .unwrap();
    let (code, json) = check_json(dir.path(), &["samples"]);
    assert_eq!(code, 0, "{json:#}");
    assert_eq!(json["summary"]["baselined"], 11);
    let (code, _) = check_json(dir.path(), &["samples", "--isolated"]);
    assert_eq!(code, 1, "without the config there is no baseline");
}

#[test]
fn a_baseline_whose_name_is_not_utf8_is_named_in_the_json_report() {
    let dir = shop_with_baseline();
    let name = OsStr::from_bytes(b"baseline-\xff.json");
    fs::rename(dir.path().join("baseline.json"), dir.path().join(name)).unwrap();
    let output = tool()
        .current_dir(dir.path())
        .args(["check", "--format", "json", "samples", "--baseline"])
        .arg(name)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    let json: Value = serde_json::from_slice(&output.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {stderr}"));
    assert_valid_report(&json);
    // Named as reports name files: bytes that are not UTF-8 as U+FFFD.
    assert_eq!(json["baseline"]["path"], "baseline-\u{fffd}.json");
    assert_eq!(json["baseline"]["matched"], 11);
}

#[test]
fn quiet_runs_list_findings_only_not_the_stale_note() {
    let dir = shop_with_baseline();
    tool()
        .current_dir(dir.path())
        .args(["fix", "--write", "samples/php-shop/pay/KSPayForm.php"])
        .assert()
        .code(0);
    tool()
        .current_dir(dir.path())
        .args(["check", "-q", "samples", "--baseline", "baseline.json"])
        .assert()
        .code(0)
        .stdout("")
        .stderr("");
}
