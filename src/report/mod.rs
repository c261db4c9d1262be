//! Presenting a run's results: text for people; JSON, SARIF, GitHub annotations and JUnit XML
//! for machines.

pub mod github;
pub mod json;
pub mod junit;
pub mod sarif;
pub mod text;
pub mod visible;

use std::io::{self, Write};
use std::os::unix::ffi::OsStrExt;
use std::path::PathBuf;

use serde::Serialize;

use crate::baseline::Comparison;
use crate::cli::Format;
use crate::detect::Applicability;
use crate::rules::Rule;
use crate::scan::{FileReport, Located};

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

/// A path as it goes into reports and patches: as reached from the PATH argument, with `/`.
/// Bytes that are not UTF-8 become U+FFFD; [`display_bytes`] keeps them.
pub fn display_path(path: &std::path::Path) -> String {
    String::from_utf8_lossy(display_bytes(path)).into_owned()
}

/// [`display_path`] in the name's own bytes.
pub fn display_bytes(path: &std::path::Path) -> &[u8] {
    let raw = path.as_os_str().as_bytes();
    raw.strip_prefix(b"./").unwrap_or(raw)
}

/// A path that means the same from wherever the tool ran: relative to the current folder when
/// it lies under it, never starting with `/` (patches, fingerprints and code-scanning URIs
/// resolve paths from the repository's top, where CI runs). Bytes that are not UTF-8 become
/// U+FFFD; [`portable_bytes`] keeps them.
pub fn portable_path(path: &std::path::Path) -> String {
    String::from_utf8_lossy(&portable_bytes(path)).into_owned()
}

/// [`portable_path`] in the name's own bytes (a patch must name the very file).
pub fn portable_bytes(path: &std::path::Path) -> Vec<u8> {
    if path.is_absolute() {
        if let Ok(cwd) = std::env::current_dir()
            && let Ok(relative) = path.strip_prefix(cwd)
        {
            return display_bytes(relative).to_vec();
        }
        let bytes = display_bytes(path);
        let start = bytes.iter().take_while(|&&b| b == b'/').count();
        return bytes[start..].to_vec();
    }
    display_bytes(path).to_vec()
}
