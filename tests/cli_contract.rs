//! The edges of the command-line contract a newcomer and a CI gate rely on (issue 14): no
//! silent surprises. Each test here failed before the contract was kept: a misspelt format
//! became a file name, a gate that scanned nothing passed in silence, a baseline only matched
//! from the folder it was written in, and errors came in three styles.

mod common;
mod report_schema;

use std::fs;
use std::path::Path;
use std::process::Output;

use common::{copy_tree, root, tool};
use report_schema::assert_valid_report;
use serde_json::Value;

/// The sample shops copied into a temp folder.
fn shops() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&root().join("samples"), &dir.path().join("samples"));
    dir
}

fn run(dir: &Path, args: &[&str]) -> Output {
    tool().current_dir(dir).args(args).output().unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn json(output: &Output) -> Value {
    serde_json::from_slice(&output.stdout).unwrap_or_else(|e| {
        panic!(
            "not JSON ({e}): {}",
            String::from_utf8_lossy(&output.stdout)
        )
    })
}

/// A `--format json` report, checked against the shipped schema.
fn report(output: &Output) -> Value {
    let report = json(output);
    assert_valid_report(&report);
    report
}

/// One line on stderr, in the one error style, naming `names`, with no `(os error N)`.
fn assert_one_line_error(output: &Output, names: &str) {
    assert_eq!(output.status.code(), Some(2), "{}", stderr(output));
    let text = stderr(output);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 1, "one line: {text}");
    assert!(lines[0].starts_with("kspay-migrate: error: "), "{text}");
    assert!(lines[0].contains(names), "names {names}: {text}");
    assert!(!text.contains("os error"), "{text}");
}

#[test]
fn a_misspelt_report_format_is_an_error_not_a_file_name() {
    let dir = shops();
    let output = run(
        dir.path(),
        &["check", "--output", "sariff=x.sarif", "samples"],
    );
    assert_one_line_error(&output, "unknown report format \"sariff\"");
    assert!(stderr(&output).contains("text, json, sarif, github, junit"));
    assert!(!dir.path().join("sariff=x.sarif").exists());
    // A file whose name holds `=` is still reachable, through its folder.
    let output = run(dir.path(), &["check", "--output", "./a=b.txt", "samples"]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(dir.path().join("a=b.txt").exists());
}

#[test]
fn a_dash_is_stdout_for_reports_and_patches() {
    let dir = shops();
    // The JSON report on stdout while the text report goes to a file.
    let output = run(
        dir.path(),
        &[
            "check",
            "--output",
            "report.txt",
            "--output",
            "json=-",
            "samples",
        ],
    );
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert_eq!(report(&output)["summary"]["findings"], 11);
    assert!(
        fs::read_to_string(dir.path().join("report.txt"))
            .unwrap()
            .contains("11 findings")
    );
    // Two documents would run together on stdout: refused before the run.
    let output = run(
        dir.path(),
        &[
            "check", "--format", "sarif", "--output", "json=-", "samples",
        ],
    );
    assert_one_line_error(&output, "would all go to stdout");
    assert!(output.stdout.is_empty());

    // `--patch -`: the patch alone on stdout (it applies), the text report on stderr.
    let output = run(dir.path(), &["fix", "--patch", "-", "samples"]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(output.stdout.starts_with(b"diff --git a/"));
    assert!(stderr(&output).contains("patch written to stdout"));
    fs::write(dir.path().join("jeju.patch"), &output.stdout).unwrap();
    let applied = std::process::Command::new("patch")
        .current_dir(dir.path())
        .args(["-p1", "--dry-run", "-i", "jeju.patch"])
        .output()
        .unwrap();
    assert!(
        applied.status.success(),
        "{}",
        String::from_utf8_lossy(&applied.stdout)
    );
    let no_file = dir.path().join("-");
    assert!(!no_file.exists(), "no file named -");
}

#[test]
fn a_max_filesize_of_zero_is_an_argument_error() {
    let dir = shops();
    let output = run(dir.path(), &["check", "--max-filesize", "0", "samples"]);
    assert_one_line_error(&output, "--max-filesize");
}

#[test]
fn scanning_nothing_is_a_warning_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("static")).unwrap();
    fs::write(dir.path().join("static/logo.png"), b"\x89PNG\r\n").unwrap();
    let warning = "no file was scanned";

    let text = run(dir.path(), &["check", "static"]);
    assert_eq!(text.status.code(), Some(0));
    assert!(
        stderr(&text).contains(&format!("warning: {warning}")),
        "{}",
        stderr(&text)
    );
    let quiet = run(dir.path(), &["check", "-q", "static"]);
    assert!(stderr(&quiet).contains(warning), "even with -q");

    let report = report(&run(dir.path(), &["check", "--format", "json", "static"]));
    let notes = report["notes"].as_array().unwrap();
    assert_eq!(notes.len(), 1, "{report:#}");
    assert_eq!(notes[0]["level"], "warning");
    assert!(notes[0]["message"].as_str().unwrap().contains(warning));

    let github = run(dir.path(), &["check", "--format", "github", "static"]);
    assert!(
        String::from_utf8_lossy(&github.stdout).contains(&format!("::warning::{warning}")),
        "{}",
        String::from_utf8_lossy(&github.stdout)
    );
    // A person at the terminal sees it too.
    assert!(stderr(&github).contains(warning));

    let sarif = json(&run(dir.path(), &["check", "--format", "sarif", "static"]));
    let notifications = &sarif["runs"][0]["invocations"][0]["toolExecutionNotifications"];
    assert_eq!(notifications[0]["level"], "warning", "{sarif:#}");

    let junit = run(dir.path(), &["check", "--format", "junit", "static"]);
    let xml = String::from_utf8(junit.stdout).unwrap();
    roxmltree::Document::parse(&xml).unwrap();
    assert!(
        xml.contains(&format!("<system-out>warning: {warning}")),
        "{xml}"
    );

    // A tree with pages scans them and warns of nothing.
    let shops = shops();
    let output = run(shops.path(), &["check", "samples"]);
    assert!(!stderr(&output).contains(warning));
}

#[test]
fn skipped_files_are_noted_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    fs::create_dir(&site).unwrap();
    // A template that is really a binary (an uploaded file renamed), and a page over the limit.
    fs::write(
        site.join("upload.php"),
        b"GIF89a\x00\x01<?php system($_GET['c']); ?>",
    )
    .unwrap();
    fs::write(
        site.join("big.html"),
        format!("<p>{}</p>\n", "안심클릭 ".repeat(400)),
    )
    .unwrap();
    fs::write(site.join("index.html"), "<p>welcome</p>\n").unwrap();
    let args = ["--max-filesize", "1K", "site"];

    let report = report(&run(
        dir.path(),
        &[&["check", "--format", "json"][..], &args].concat(),
    ));
    let mut skipped: Vec<(String, String)> = report["skipped"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["path"].as_str().unwrap().to_string(),
                s["reason"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    skipped.sort();
    assert_eq!(
        skipped,
        [
            ("site/big.html".to_string(), "too-large".to_string()),
            ("site/upload.php".to_string(), "binary".to_string()),
        ]
    );

    let github = run(
        dir.path(),
        &[&["check", "--format", "github"][..], &args].concat(),
    );
    let annotations = String::from_utf8_lossy(&github.stdout).into_owned();
    assert!(
        annotations.contains("::notice file=site/upload.php::skipped: binary"),
        "{annotations}"
    );
    assert!(annotations.contains("::notice file=site/big.html::skipped: "));

    let sarif = json(&run(
        dir.path(),
        &[&["check", "--format", "sarif"][..], &args].concat(),
    ));
    let notes = sarif["runs"][0]["invocations"][0]["toolExecutionNotifications"]
        .as_array()
        .unwrap();
    assert_eq!(notes.len(), 2, "{sarif:#}");

    let text = run(dir.path(), &[&["check"][..], &args].concat());
    assert!(stderr(&text).contains("site/upload.php: note: skipped: binary"));
    assert!(stderr(&text).contains("site/big.html: note: skipped: "));
}

/// `check --format json` from `dir` with a baseline.
fn baseline_run(dir: &Path, baseline: &str, path: &str) -> (i32, Value) {
    let output = run(
        dir,
        &["check", "--format", "json", "--baseline", baseline, path],
    );
    (output.status.code().unwrap(), report(&output))
}

#[test]
fn a_baseline_matches_from_any_folder() {
    let dir = shops();
    let output = run(
        dir.path(),
        &["check", "--write-baseline", "baseline.json", "samples"],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let recorded: Value =
        serde_json::from_slice(&fs::read(dir.path().join("baseline.json")).unwrap()).unwrap();
    assert_eq!(recorded["version"], 2);
    assert!(
        recorded["findings"]
            .as_array()
            .unwrap()
            .iter()
            .all(|e| e["path"].as_str().unwrap().starts_with("samples/"))
    );

    // From the shop's own folder, from the tree's top, and from outside the tree.
    let php_shop = dir.path().join("samples/php-shop");
    let (code, report) = baseline_run(&php_shop, "../../baseline.json", ".");
    assert_eq!((code, &report["findings"]), (0, &Value::Array(Vec::new())));
    assert!(report["summary"]["baselined"].as_u64().unwrap() > 0);
    assert_eq!(report["notes"], Value::Array(Vec::new()), "{report:#}");

    let (code, report) = baseline_run(dir.path(), "baseline.json", "samples/php-shop");
    assert_eq!((code, report["summary"]["findings"].as_u64()), (0, Some(0)));

    let outside = tempfile::tempdir().unwrap();
    let baseline = dir.path().join("baseline.json");
    let shop = dir.path().join("samples");
    let (code, report) = baseline_run(
        outside.path(),
        baseline.to_str().unwrap(),
        shop.to_str().unwrap(),
    );
    assert_eq!((code, report["summary"]["findings"].as_u64()), (0, Some(0)));
}

#[test]
fn a_baseline_that_matches_nothing_says_why_and_stale_entries_reach_every_format() {
    let dir = shops();
    run(
        dir.path(),
        &["check", "--write-baseline", "baseline.json", "samples"],
    );
    // A baseline moved away from the tree it names: every finding is new, and a note says why.
    fs::create_dir(dir.path().join("ci")).unwrap();
    fs::rename(
        dir.path().join("baseline.json"),
        dir.path().join("ci/baseline.json"),
    )
    .unwrap();
    let (code, report) = baseline_run(dir.path(), "ci/baseline.json", "samples");
    assert_eq!(code, 1);
    let notes = report["notes"].as_array().unwrap();
    assert_eq!(notes.len(), 1, "{report:#}");
    assert_eq!(notes[0]["level"], "warning");
    assert!(
        notes[0]["message"]
            .as_str()
            .unwrap()
            .contains("none of its 11 entries names a file this run scanned"),
        "{notes:?}"
    );
    fs::rename(
        dir.path().join("ci/baseline.json"),
        dir.path().join("baseline.json"),
    )
    .unwrap();

    // Fix one page: its entry goes stale, in the singular, in every format.
    let page = "samples/php-shop/pay/KSPayForm.php";
    let output = run(dir.path(), &["fix", "--write", page]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let stale = "1 baseline entry no longer matches a finding";
    let text = run(
        dir.path(),
        &["check", "--baseline", "baseline.json", "samples"],
    );
    assert!(stderr(&text).contains(stale), "{}", stderr(&text));
    let (_, report) = baseline_run(dir.path(), "baseline.json", "samples");
    assert!(
        report["notes"][0]["message"]
            .as_str()
            .unwrap()
            .contains(stale)
    );
    // From the shop's own folder, where the fixed page is clean and would be dropped unless
    // named as the baseline names it.
    let (code, report) = baseline_run(
        &dir.path().join("samples/php-shop"),
        "../../baseline.json",
        ".",
    );
    assert_eq!(code, 0);
    let notes = report["notes"].as_array().unwrap();
    assert_eq!(notes.len(), 1, "{report:#}");
    assert!(notes[0]["message"].as_str().unwrap().contains(stale));
    let github = run(
        dir.path(),
        &[
            "check",
            "--format",
            "github",
            "--baseline",
            "baseline.json",
            "samples",
        ],
    );
    assert!(String::from_utf8_lossy(&github.stdout).contains("::notice::"));
    assert!(String::from_utf8_lossy(&github.stdout).contains(stale));
    let sarif = run(
        dir.path(),
        &[
            "check",
            "--format",
            "sarif",
            "--baseline",
            "baseline.json",
            "samples",
        ],
    );
    assert!(String::from_utf8_lossy(&sarif.stdout).contains(stale));
}

#[test]
fn errors_come_in_one_style() {
    let dir = shops();
    // --rules given a file, a missing folder, a broken rule file.
    let output = run(
        dir.path(),
        &["check", "--rules", "samples/README.md", "samples"],
    );
    assert_one_line_error(&output, "samples/README.md: not a folder");
    let output = run(
        dir.path(),
        &["check", "--rules", "no-such-rules", "samples"],
    );
    assert_one_line_error(&output, "no-such-rules: no such folder");
    fs::create_dir(dir.path().join("rules")).unwrap();
    fs::write(
        dir.path().join("rules/broken.toml"),
        "id = \"broken\"\ntitle = 3\n",
    )
    .unwrap();
    let output = run(dir.path(), &["check", "--rules", "rules", "samples"]);
    assert_one_line_error(&output, "rules/broken.toml:2:9: ");
    // Arguments clap rejects read the same way, tips kept.
    let output = run(dir.path(), &["chek", "samples"]);
    assert_one_line_error(&output, "tip: a similar subcommand exists: 'check'");
    let output = run(dir.path(), &["check", "--baseline", "nope.json", "samples"]);
    assert_one_line_error(&output, "nope.json");
}

#[test]
fn the_bare_command_shows_its_help_and_fails() {
    let output = tool().output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("Usage: kspay-migrate <COMMAND>"));
    assert!(!stderr(&output).contains("kspay-migrate: error:"));
}

#[test]
fn every_id_a_report_prints_is_explainable() {
    let dir = tempfile::tempdir().unwrap();
    let output = run(dir.path(), &["explain", "unused-suppression"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.starts_with("unused-suppression: A suppression comment suppresses nothing"));
    assert!(text.contains("[severity]"));
    let output = run(dir.path(), &["explain", "no-such-rule"]);
    assert_one_line_error(&output, "known ids: jeju-mpi-to-isp, unused-suppression");
}

#[test]
fn a_page_on_stdin_is_checked_and_fixed_for_editors_and_pre_commit() {
    let dir = shops();
    let page = "samples/php-shop/pay/KSPayForm.php";
    let bytes = fs::read(dir.path().join(page)).unwrap();
    let output = tool()
        .current_dir(dir.path())
        .args(["check", "--stdin-filename", "pay/KSPayForm.php", "-"])
        .write_stdin(bytes.clone())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(
        String::from_utf8_lossy(&output.stdout)
            .starts_with("pay/KSPayForm.php:81:51: error[jeju-mpi-to-isp]")
    );
    // `fix --write -` prints the page `fix --write` writes, and nothing else, on stdout.
    let output = tool()
        .current_dir(dir.path())
        .args(["fix", "--write", "--stdin-filename", "KSPayForm.php", "-"])
        .write_stdin(bytes.clone())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    run(dir.path(), &["fix", "--write", page]);
    assert_eq!(output.stdout, fs::read(dir.path().join(page)).unwrap());
    assert_ne!(output.stdout, bytes);
    // A clean page comes back as it went in.
    let output = tool()
        .current_dir(dir.path())
        .args(["fix", "--write", "-"])
        .write_stdin("<p>제주 지역 추가 배송비 3,000원</p>\n")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(
        output.stdout,
        "<p>제주 지역 추가 배송비 3,000원</p>\n".as_bytes()
    );

    // A page over the limit is an error, never an empty "fixed page" on stdout.
    let output = tool()
        .current_dir(dir.path())
        .args(["fix", "--write", "--max-filesize", "1K", "-"])
        .write_stdin(bytes.clone())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    assert!(output.stdout.is_empty());
    assert!(stderr(&output).contains("over --max-filesize"));
    // A patch must name the file it changes.
    let output = tool()
        .current_dir(dir.path())
        .args(["fix", "--patch", "p.patch", "-"])
        .write_stdin(bytes.clone())
        .output()
        .unwrap();
    assert_one_line_error(&output, "--stdin-filename");

    let output = run(dir.path(), &["check", "-", "samples"]);
    assert_one_line_error(&output, "PATH - reads one page from stdin");
    let output = run(
        dir.path(),
        &["check", "--stdin-filename", "x.php", "samples"],
    );
    assert_one_line_error(&output, "--stdin-filename x.php");
}

#[test]
fn statistics_count_findings_per_rule_kind_and_fix() {
    let dir = shops();
    let output = run(dir.path(), &["check", "--statistics", "samples"]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let text = String::from_utf8(output.stdout).unwrap();
    let rows: Vec<&str> = text.lines().filter(|line| line.contains("jeju")).collect();
    // Most first; the counts add up to the run's findings, and no finding line is printed.
    assert_eq!(
        rows[0], "3  jeju-mpi-to-isp  select-option  fix: safe",
        "{text}"
    );
    let total: usize = rows
        .iter()
        .map(|row| {
            row.split_whitespace()
                .next()
                .unwrap()
                .parse::<usize>()
                .unwrap()
        })
        .sum();
    assert_eq!(total, 11, "{text}");
    assert!(text.contains("11 findings in 10 files"));
    assert!(!text.contains("error[jeju-mpi-to-isp]"));
    let output = run(
        dir.path(),
        &["check", "--statistics", "--format", "json", "samples"],
    );
    assert_one_line_error(&output, "--statistics prints a table for people");
}

#[test]
fn show_fixes_lists_every_finding_the_fixes_fix() {
    let dir = shops();
    let output = run(dir.path(), &["fix", "--write", "--show-fixes", "samples"]);
    assert_eq!(output.status.code(), Some(1), "one unsafe fix is left");
    let text = stderr(&output);
    let listed: Vec<&str> = text
        .lines()
        .skip_while(|line| *line != "Fixed:")
        .skip(1)
        .take_while(|line| line.starts_with("  "))
        .collect();
    assert_eq!(listed.len(), 10, "{text}");
    assert!(
        listed
            .contains(&"  samples/php-shop/pay/KSPayForm.php:81:51: jeju-mpi-to-isp [radio-label]")
    );
    // Without the flag, no list.
    let again = run(dir.path(), &["fix", "samples"]);
    assert!(!stderr(&again).contains("Would fix:"));
    let output = run(
        dir.path(),
        &["fix", "--show-fixes", "--format", "json", "samples"],
    );
    assert_one_line_error(&output, "--show-fixes lists the fixes for people");
}

#[test]
fn overlapping_paths_are_scanned_and_written_once() {
    let dir = shops();
    // A folder twice, a folder inside another, and a file inside both.
    let args = [
        "samples",
        "samples/php-shop",
        "./samples",
        "samples/php-shop/pay/KSPayForm.php",
    ];
    let report = report(&run(
        dir.path(),
        &[&["check", "--format", "json"][..], &args].concat(),
    ));
    assert_eq!(report["summary"]["findings"], 11, "{report:#}");
    assert_eq!(report["summary"]["files_scanned"], 24);
    let output = run(dir.path(), &[&["fix", "--write"][..], &args].concat());
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(
        !stderr(&output).contains("changed on disk"),
        "{}",
        stderr(&output)
    );
    assert!(stderr(&output).contains("Fixed 10 finding(s) in 10 file(s)"));
}

#[test]
fn input_lists_name_what_to_scan_once() {
    let dir = shops();
    // `find -print0`, as a hosting script pipes it: only the PHP pages.
    let mut list = Vec::new();
    for page in [
        "samples/php-shop/pay/KSPayForm.php",
        "samples/php-shop/pay/card_guide.php",
        "samples/php-shop/pay/KSPayCreditFormIM.php",
    ] {
        list.extend_from_slice(page.as_bytes());
        list.push(0);
    }
    let output = tool()
        .current_dir(dir.path())
        .args(["check", "--format", "json", "--files-from", "-", "-0"])
        .write_stdin(list)
        .output()
        .unwrap();
    let found = report(&output);
    assert_eq!(found["summary"]["files_scanned"], 3, "{found:#}");
    assert_eq!(found["summary"]["findings"], 3);
    // A newline list written on Windows, with a folder and one inside it, and a PATH beside.
    fs::write(
        dir.path().join("tenants.txt"),
        "samples/php-shop\r\nsamples/php-shop/pay\r\n\r\nsamples/asp-shop\r\n",
    )
    .unwrap();
    let found = report(&run(
        dir.path(),
        &[
            "check",
            "--format",
            "json",
            "--files-from",
            "tenants.txt",
            "samples/jsp-shop",
        ],
    ));
    assert_eq!(found["summary"]["findings"], 9, "{found:#}");
    let output = run(dir.path(), &["check", "--files-from", "missing.txt"]);
    assert_one_line_error(&output, "missing.txt: cannot read the file list");
    // An empty list scans nothing (not the current folder), and says so.
    fs::write(dir.path().join("empty.txt"), "").unwrap();
    let output = run(dir.path(), &["check", "--files-from", "empty.txt"]);
    assert_eq!(output.status.code(), Some(0));
    assert!(stderr(&output).contains("no file was scanned"));
}

/// `-j0` is one thread per core, as in ripgrep (it used to mean one thread), and a thread
/// count past any machine's use is refused before a thread starts (100,000 threads once ran
/// for 12 minutes).
#[test]
fn thread_counts_zero_means_every_core_and_absurd_is_refused() {
    let dir = shops();
    let default = run(dir.path(), &["check", "--format", "json", "samples"]);
    let zero = run(dir.path(), &["check", "-j0", "--format", "json", "samples"]);
    assert_eq!(zero.status.code(), Some(1), "{}", stderr(&zero));
    assert_eq!(json(&zero)["findings"], json(&default)["findings"]);

    let started = std::time::Instant::now();
    let absurd = run(dir.path(), &["check", "-j", "100000", "samples"]);
    assert_eq!(absurd.status.code(), Some(2));
    assert!(started.elapsed() < std::time::Duration::from_secs(10));
    let message = stderr(&absurd);
    assert_eq!(message.lines().count(), 1, "{message}");
    assert!(
        message.starts_with("kspay-migrate: error: invalid value '100000' for '--threads <N>': 100000 threads is more than 256"),
        "{message}"
    );
    assert!(absurd.stdout.is_empty());
}
