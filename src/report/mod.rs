//! Presenting a run's results: text and an HTML page ([`html`]) for people; JSON, SARIF,
//! GitHub annotations and JUnit XML for machines; diffs and patches of the fixes ([`diff`]);
//! baselines that set known findings aside ([`baseline`]). Everything from a page is escaped
//! for the terminal by [`visible`], and for the browser by [`html`] too.

pub mod baseline;
pub mod diff;
pub mod github;
pub mod html;
pub mod json;
pub mod junit;
pub mod merge;
pub mod sarif;
pub mod tenants;
pub mod text;
pub mod visible;

use std::io::{self, Write};
use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::diagnostics::{Applicability, FileReport, Leftover, Located, Skip};
use crate::rules::Rule;
use baseline::Comparison;

/// The report formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// For people: findings with source lines (diffs for `fix`).
    Text,
    /// One JSON document, as `schemas/report-v2.json` in the project defines it.
    Json,
    /// SARIF 2.1.0, for code scanning (GitHub, reviewdog).
    Sarif,
    /// GitHub Actions workflow commands (annotations).
    Github,
    /// JUnit XML (Jenkins): a test case per scanned file.
    Junit,
    /// CSV, one row per tenant (`--tenant-depth`): files scanned, files with findings,
    /// findings, fixable, fixed, errors, skipped.
    Tenants,
    /// One self-contained HTML page for a support person: the counts, tenants and findings
    /// tables (paged, sortable, filtered), each file's findings and fixes.
    Html,
}

impl Format {
    /// The name `--format`, `FORMAT=` and the config's `format` take.
    pub fn name(self) -> String {
        use clap::ValueEnum;
        self.to_possible_value()
            .map_or_else(|| format!("{self:?}"), |v| v.get_name().to_string())
    }

    /// Every format's name, comma-separated, for messages that list them.
    pub fn names() -> String {
        use clap::ValueEnum;
        let names: Vec<String> = Format::value_variants()
            .iter()
            .map(|format| format.name())
            .collect();
        names.join(", ")
    }
}

/// Everything a report shows about a run, whatever its format.
pub struct Run<'a> {
    pub reports: &'a [FileReport],
    pub summary: &'a Summary,
    /// The run's counts by tenant, in tenant order.
    pub tenants: &'a [tenants::TenantRow],
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
    /// `fix --show-fixes`: the text report lists every finding the fixes fix.
    pub show_fixes: bool,
    /// How the run named tenants (`--tenant-depth`).
    pub tenant_depth: usize,
    /// `--shard K/N`: the part of the tenants the run scanned (`None`: all of them).
    pub shard: Option<crate::source::tenant::Shard>,
    /// Notes the command adds about the run (`merge`: shards missing).
    pub remarks: &'a [Note],
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
    /// `fix --journal FILE`: where the writes were recorded.
    pub journal: Option<PathBuf>,
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
        Format::Tenants => tenants::write_csv(out, run.tenants),
        Format::Html => html::write(out, run),
    }
}

/// Counts over a whole run.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
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
    /// Adds the counts of another part of the same run (a shard, in `merge`); the run took as
    /// long as its slowest part.
    pub fn add(&mut self, part: &Summary) {
        self.files_scanned += part.files_scanned;
        self.files_with_findings += part.files_with_findings;
        self.findings += part.findings;
        self.fixable += part.fixable;
        self.errors += part.errors;
        self.baselined += part.baselined;
        self.suppressed += part.suppressed;
        self.fixes_dropped += part.fixes_dropped;
        self.elapsed_ms = self.elapsed_ms.max(part.elapsed_ms);
    }

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

/// How much a [`Note`] asks of the reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// The run may not have checked what was meant (nothing scanned).
    Warning,
    /// Worth knowing (a baseline that could shrink).
    Note,
}

impl Level {
    /// The word every format labels the note with.
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Warning => "warning",
            Level::Note => "note",
        }
    }
}

/// A remark about the run as a whole, carried by every format (text on stderr, JSON `notes`,
/// SARIF notifications, GitHub `::warning`/`::notice`, JUnit `<system-out>`).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Note {
    pub level: Level,
    pub message: String,
}

/// The run's notes: a warning when nothing was scanned (a gate that checked nothing must not
/// pass in silence, as Ruff warns "No Python files found"), and what the baseline says.
pub fn notes(run: &Run) -> Vec<Note> {
    let mut notes = Vec::new();
    // With file errors the run already fails (exit 2), and names why.
    if run.summary.files_scanned == 0 && run.summary.errors == 0 {
        let message = match run.reports.iter().any(|report| report.skipped.is_some()) {
            true => {
                "no file was scanned: every page found was skipped (binary, or over --max-filesize); nothing was checked"
            }
            false => {
                "no file was scanned: the PATHs hold no page the scan selects (the template extensions, --include/--exclude, or in a git repository its .gitignore/.ignore files: --no-ignore); nothing was checked"
            }
        };
        notes.push(Note {
            level: Level::Warning,
            message: message.into(),
        });
    }
    if let Some(baseline) = run.baseline {
        notes.extend(baseline.notes());
    }
    notes.extend(run.remarks.iter().cloned());
    notes
}

/// Why a file was not scanned, in the words every format uses; `reason` is the short name
/// machine formats carry (`binary`, `too-large`, `leftover-temp`).
pub fn skip_reason(skip: &Skip, max_filesize: u64) -> (&'static str, String) {
    match skip {
        Skip::Binary => (
            "binary",
            "skipped: binary (a NUL byte in its first 8 KiB)".into(),
        ),
        Skip::TooLarge(size) => (
            "too-large",
            format!("skipped: {size} bytes is over --max-filesize ({max_filesize} bytes)"),
        ),
        Skip::LeftoverTemp(Leftover::Removed) => (
            "leftover-temp",
            "removed a temporary file left by an interrupted run".into(),
        ),
        Skip::LeftoverTemp(Leftover::Kept) => (
            "leftover-temp",
            "temporary file left by an interrupted run; `fix --write` removes it".into(),
        ),
        Skip::LeftoverTemp(Leftover::Unmarked) => (
            "leftover-temp",
            "named like a temporary file of this tool, but not marked as one of its own; left alone (check it, then remove it by hand)".into(),
        ),
    }
}
