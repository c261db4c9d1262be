//! Presenting a run's results: text for people, JSON for machines.

pub mod json;
pub mod text;

use serde::Serialize;

use crate::detect::Applicability;
use crate::scan::FileReport;

/// Counts over a whole run.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Summary {
    pub files_scanned: usize,
    pub files_with_findings: usize,
    pub findings: usize,
    pub fixable: usize,
    pub errors: usize,
    pub elapsed_ms: u128,
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
            summary.fixable += report
                .findings
                .iter()
                .filter(|f| is_fixable(f.finding.applicability, unsafe_fixes))
                .count();
        }
        summary
    }
}

/// Whether `fix` would apply a fix of this applicability.
pub fn is_fixable(applicability: Applicability, unsafe_fixes: bool) -> bool {
    match applicability {
        Applicability::Safe => true,
        Applicability::Unsafe => unsafe_fixes,
        Applicability::None => false,
    }
}

/// A path as it goes into reports and patches: as reached from the PATH argument, with `/`.
pub fn display_path(path: &std::path::Path) -> String {
    let text = path.to_string_lossy();
    text.strip_prefix("./").unwrap_or(&text).to_string()
}
