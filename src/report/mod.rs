//! Presenting a run's results: text for people; JSON, SARIF, GitHub annotations and JUnit XML
//! for machines; diffs and patches of the fixes ([`diff`]); baselines that set known findings
//! aside ([`baseline`]). Everything from a page is escaped for the terminal by [`visible`].

pub mod baseline;
pub mod diff;
pub mod github;
pub mod json;
pub mod junit;
pub mod sarif;
pub mod text;
pub mod visible;

use std::io::{self, Write};
use std::path::PathBuf;

use serde::Serialize;

use crate::diagnostics::{Applicability, FileReport, Located};
use crate::rules::Rule;
use baseline::Comparison;

/// The report formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// For people: findings with source lines (diffs for `fix`).
    Text,
    /// One JSON document, as `schemas/report-v1.json` in the project defines it.
    Json,
    /// SARIF 2.1.0, for code scanning (GitHub, reviewdog).
    Sarif,
    /// GitHub Actions workflow commands (annotations).
    Github,
    /// JUnit XML (Jenkins): a test case per scanned file.
    Junit,
}

/// Everything a report shows about a run, whatever its format.
pub struct Run<'a> {
    pub reports: &'a [FileReport],
    pub summary: &'a Summary,
    /// The rules that ran (their metadata goes into SARIF).
    pub rules: &'a [Rule],
    pub unsafe_fixes: bool,
    pub max_filesize: u64,
    /// What `fix` did; `None` for `check`.
    pub fix: Option<&'a FixOutcome>,
    /// How the findings compare with `check --baseline`'s file.
    pub baseline: Option<&'a Comparison>,
    /// The config file the run's settings came from, if any.
    pub config: Option<&'a std::path::Path>,
}

/// What `fix` did, or would do in a dry run.
#[derive(Debug, Default)]
pub struct FixOutcome {
    /// Whether the files were written (`--write`, or accepted in `--interactive`).
    pub wrote: bool,
    /// A dry run: the diffs are the report.
    pub dry_run: bool,
    pub changed_files: usize,
    pub fixed_findings: usize,
    pub patch: Option<PathBuf>,
}

/// Writes a run's report in `format`. `err` takes what text output sends to stderr (file
/// errors, notes, what `fix` leaves undone); machine formats put everything into `out`.
pub fn write(
    format: Format,
    out: &mut dyn Write,
    err: &mut dyn Write,
    run: &Run,
    detail: text::Detail,
) -> io::Result<()> {
    match format {
        Format::Text => text::write_run(out, err, run, detail),
        Format::Json => json::write(out, run),
        Format::Sarif => sarif::write(out, run),
        Format::Github => github::write(out, run),
        Format::Junit => junit::write(out, run),
    }
}

/// Counts over a whole run.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Summary {
    pub files_scanned: usize,
    pub files_with_findings: usize,
    pub findings: usize,
    pub fixable: usize,
    pub errors: usize,
    /// Findings a baseline records, not counted in `findings`.
    pub baselined: usize,
    pub elapsed_ms: u128,
    /// Findings that suppression comments silenced (not counted in `findings`).
    pub suppressed: usize,
    /// Unsafe fixes `fix --unsafe-fixes` left out because the page would not converge with
    /// them (not counted in `fixable`).
    pub fixes_dropped: usize,
}

impl Summary {
    /// Counts the reports of a run. `unsafe_fixes` makes unsafe fixes count as fixable.
    pub fn of(reports: &[FileReport], unsafe_fixes: bool, elapsed_ms: u128) -> Summary {
        let mut summary = Summary {
            elapsed_ms,
            ..Summary::default()
        };
        for report in reports {
            if report.error.is_some() {
                summary.errors += 1;
            }
            if report.skipped.is_none() && report.error.is_none() {
                summary.files_scanned += 1;
            }
            if !report.findings.is_empty() {
                summary.files_with_findings += 1;
            }
            summary.findings += report.findings.len();
            summary.baselined += report.baselined.len();
            summary.suppressed += report.suppressed.len();
            summary.fixable += report
                .findings
                .iter()
                .filter(|f| f.finding.applicability.applies(unsafe_fixes))
                .filter(|f| f.fix_dropped.is_none())
                .count();
            summary.fixes_dropped += report
                .findings
                .iter()
                .filter(|f| f.fix_dropped.is_some())
                .count();
        }
        summary
    }
}

/// How reports name a finding's fix applicability: `fix: safe`, `fix: unsafe`, `no automatic fix`.
pub fn fix_label(applicability: Applicability) -> &'static str {
    match applicability {
        Applicability::Safe => "fix: safe",
        Applicability::Unsafe => "fix: unsafe",
        Applicability::None => "no automatic fix",
    }
}

/// A finding's fix as the one-line reports name it: [`fix_label`], and why `fix` left it out
/// when it did.
pub fn fix_status(located: &Located) -> String {
    let label = fix_label(located.finding.applicability);
    match &located.fix_dropped {
        Some(reason) => format!("{label}; {reason}"),
        None => label.to_string(),
    }
}
