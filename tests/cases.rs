//! Runs every folder under `tests/cases/`: an input page, the expected page after `fix`
//! (absent when the page must not change), optionally the expected page after
//! `fix --unsafe-fixes` (`fixed-unsafe.*`), and the expected findings. A new case is a new
//! folder; this runner needs no change.
//!
//! Each folder also holds `report.snap`, an [insta] snapshot of the text report
//! `kspay-migrate check --color never --isolated input.*` prints when run inside the folder
//! (findings with their source lines, and the summary; the elapsed time is redacted). The
//! expected pages stay hand-written; the snapshot is what users read, so a change to it shows
//! up in review. After a change to the report, or for a new case, write the snapshots with
//! `INSTA_UPDATE=always cargo test --test cases` and review the difference with `git diff`.
//!
//! [insta]: https://insta.rs

mod common;

use std::cell::Cell;
use std::fs;
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use kspay_migrate::diagnostics::FileReport;
use kspay_migrate::pipeline::{Mode, Options, Pipeline};
use kspay_migrate::rules;
use kspay_migrate::source::encoding::EncodingChoice;

fn scanner(mode: Mode) -> Pipeline {
    scanner_with(mode, false)
}

fn scanner_with(mode: Mode, unsafe_fixes: bool) -> Pipeline {
    Pipeline::new(
        rules::embedded().expect("built-in rules load"),
        Options {
            encoding: EncodingChoice::Auto,
            max_filesize: 8 << 20,
            unsafe_fixes,
            mode,
            max_findings: kspay_migrate::scan::MAX_FINDINGS_PER_FILE,
        },
    )
}

/// The one file in `dir` whose name starts with `stem.`.
fn file_named(dir: &Path, stem: &str) -> Option<PathBuf> {
    let prefix = format!("{stem}.");
    fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with(&prefix)
        })
}

fn findings_lines(report: &FileReport) -> Vec<String> {
    report
        .findings
        .iter()
        .map(|f| {
            format!(
                "{}:{} {} {} {}",
                f.line,
                f.column,
                f.finding.kind.as_str(),
                f.finding.severity,
                serde_json::to_value(f.finding.applicability)
                    .unwrap()
                    .as_str()
                    .unwrap()
            )
        })
        .collect()
}

fn case_dirs() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases");
    let mut dirs: Vec<PathBuf> = fs::read_dir(root)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    dirs
}

/// Checks one case; returns a description of every way it fails.
fn run_case(dir: &Path) -> Vec<String> {
    let mut problems = Vec::new();
    let name = dir.file_name().unwrap().to_string_lossy().to_string();
    let input_path = file_named(dir, "input").unwrap_or_else(|| panic!("{name}: no input.*"));
    let input = fs::read(&input_path).unwrap();
    let expected_findings: Vec<String> = fs::read_to_string(dir.join("findings.txt"))
        .unwrap_or_else(|_| panic!("{name}: no findings.txt"))
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(String::from)
        .collect();

    let report = scanner(Mode::Fix).process_bytes(&input_path, input.clone());
    if let Some(error) = &report.error {
        problems.push(format!("{name}: error: {error}"));
    }
    let found = findings_lines(&report);
    if found != expected_findings {
        problems.push(format!(
            "{name}: findings differ\n  expected: {expected_findings:?}\n  found:    {found:?}"
        ));
    }

    let fixed = report
        .change
        .as_ref()
        .map_or(input.clone(), |c| c.fixed.clone());
    match file_named(dir, "fixed") {
        Some(expected_path) => {
            let expected = fs::read(&expected_path).unwrap();
            if fixed != expected {
                problems.push(format!(
                    "{name}: fixed page differs from {}\n--- expected\n{}\n--- got\n{}",
                    expected_path.display(),
                    String::from_utf8_lossy(&expected),
                    String::from_utf8_lossy(&fixed)
                ));
            }
        }
        None if fixed != input => problems.push(format!("{name}: page changed but must not")),
        None => {}
    }

    // With `--unsafe-fixes`: the page as `fixed-unsafe.*` says, when the case has one.
    if let Some(expected_path) = file_named(dir, "fixed-unsafe") {
        let report = scanner_with(Mode::Fix, true).process_bytes(&input_path, input.clone());
        let fixed = report.change.map_or(input.clone(), |c| c.fixed);
        if fixed != fs::read(&expected_path).unwrap() {
            problems.push(format!(
                "{name}: the page fixed with unsafe fixes differs from {}\n--- got\n{}",
                expected_path.display(),
                String::from_utf8_lossy(&fixed)
            ));
        }
    }

    // Idempotence: the fixed page has nothing left to fix, and fixing it again changes nothing.
    let again = scanner(Mode::Fix).process_bytes(&input_path, fixed.clone());
    if again.change.is_some() {
        problems.push(format!("{name}: a second fix changes the page again"));
    }
    if again
        .findings
        .iter()
        .any(|f| f.finding.applicability.applies(false))
    {
        problems.push(format!("{name}: fixable findings remain after the fix"));
    }
    problems
}

/// `check` reports what `fix` reports, and changes nothing.
fn check_mode_agrees(dir: &Path) -> Vec<String> {
    let input_path = file_named(dir, "input").unwrap();
    let input = fs::read(&input_path).unwrap();
    let check = scanner(Mode::Check).process_bytes(&input_path, input.clone());
    let fix = scanner(Mode::Fix).process_bytes(&input_path, input);
    let mut problems = Vec::new();
    if findings_lines(&check) != findings_lines(&fix) {
        problems.push(format!(
            "check reports other findings than fix\n  check: {:?}\n  fix:   {:?}",
            findings_lines(&check),
            findings_lines(&fix)
        ));
    }
    if check.change.is_some() {
        problems.push("check computed a change".into());
    }
    problems
}

/// The summary line ends with the time the run took, `(103 ms).`, which differs run to run.
static ELAPSED: LazyLock<regex::Regex> =
    LazyLock::new(|| regex::Regex::new(r"(?m) \(\d+ ms\)\.$").unwrap());

/// The text report `check` prints for the case's page. It runs the built binary inside the
/// case folder on the bare file name, so the paths in the report are the same on every
/// machine, and the elapsed time is redacted (`[elapsed] ms`).
fn check_report(dir: &Path, input_name: &str) -> Result<String, String> {
    let output = common::tool()
        .current_dir(dir)
        .args(["check", "--color", "never", "--isolated", input_name])
        .output()
        .map_err(|e| format!("could not run kspay-migrate check: {e}"))?;
    let text = String::from_utf8(output.stdout)
        .map_err(|e| format!("the text report is not UTF-8: {e}"))?;
    Ok(ELAPSED.replace_all(&text, " ([elapsed] ms).").into_owned())
}

thread_local! {
    /// Set while this thread compares a report with its snapshot (see [`quiet_snapshot_panics`]).
    static IN_SNAPSHOT: Cell<bool> = const { Cell::new(false) };
}

/// insta reports a mismatch by printing its diff and then panicking; the panic is caught and
/// becomes one of the case's problems, so the panic hook's own message (and backtrace, under
/// `RUST_BACKTRACE`) would only bury the diff. Every other panic is printed as before.
fn quiet_snapshot_panics() {
    let print = panic::take_hook();
    panic::set_hook(Box::new(move |info| {
        if !IN_SNAPSHOT.get() {
            print(info);
        }
    }));
}

/// The text report matches `report.snap` in the case folder. insta panics on a mismatch (after
/// printing its diff); the panic is caught here so it becomes one of the case's problems.
fn report_matches_snapshot(dir: &Path) -> Vec<String> {
    let name = dir.file_name().unwrap().to_string_lossy().to_string();
    let input_path = file_named(dir, "input").unwrap();
    let input_name = input_path
        .file_name()
        .unwrap()
        .to_string_lossy()
        .to_string();
    let text = match check_report(dir, &input_name) {
        Ok(text) => text,
        Err(problem) => return vec![format!("{name}: {problem}")],
    };
    IN_SNAPSHOT.set(true);
    let outcome = panic::catch_unwind(AssertUnwindSafe(|| {
        insta::with_settings!({
            snapshot_path => dir,
            prepend_module_to_snapshot => false,
            input_file => &input_path,
            description => format!("kspay-migrate check --color never --isolated {input_name}"),
            omit_expression => true,
        }, {
            insta::assert_snapshot!("report", text);
        });
    }));
    IN_SNAPSHOT.set(false);
    let Err(panic) = outcome else {
        return Vec::new();
    };
    let message = panic
        .downcast_ref::<String>()
        .map(String::as_str)
        .or_else(|| panic.downcast_ref::<&str>().copied())
        .unwrap_or("insta panicked");
    vec![format!(
        "{name}: the text report differs from {} ({message}; insta printed the difference \
         above). If the change is meant, write it with `INSTA_UPDATE=always cargo test --test \
         cases -- --exact {name}` and review it with `git diff`.",
        dir.strip_prefix(env!("CARGO_MANIFEST_DIR"))
            .unwrap_or(dir)
            .join("report.snap")
            .display()
    )]
}

/// One test per case folder, named after it (`cargo test --test cases -- NAME` runs one), so
/// a failing case is named in the summary and can be run alone.
fn main() {
    let args = libtest_mimic::Arguments::from_args();
    quiet_snapshot_panics();
    let dirs = case_dirs();
    let mut trials = vec![libtest_mimic::Trial::test("the_case_folders_are_there", {
        let count = dirs.len();
        move || match count >= 20 {
            true => Ok(()),
            false => Err(format!("expected the case folders, found {count}").into()),
        }
    })];
    trials.extend(dirs.into_iter().map(|dir| {
        let name = dir.file_name().unwrap().to_string_lossy().into_owned();
        libtest_mimic::Trial::test(name, move || {
            let mut problems = run_case(&dir);
            problems.extend(check_mode_agrees(&dir));
            problems.extend(report_matches_snapshot(&dir));
            match problems.is_empty() {
                true => Ok(()),
                false => Err(problems.join("\n\n").into()),
            }
        })
    }));
    libtest_mimic::run(&args, trials).exit();
}
