//! The JSON report: one document on stdout, as SPEC.md's schema (version 1) defines it.

use std::io::{self, Write};

use serde::Serialize;

use super::baseline::Comparison;
use super::{Note, Run, Summary, notes, skip_reason};
use crate::diagnostics::{Applicability, FileError, Kind, Located, Severity};
use crate::source::names::display_path;

/// Bump when a field is renamed or removed; adding fields keeps the version.
const SCHEMA_VERSION: u32 = 1;

/// A file not scanned.
#[derive(Serialize)]
struct JsonSkipped {
    path: String,
    /// `binary`, `too-large` or `leftover-temp`.
    reason: &'static str,
    message: String,
}

#[derive(Serialize)]
struct Document<'a> {
    version: u32,
    tool: Tool,
    /// The config file the settings came from (`null`: none).
    config: Option<String>,
    findings: Vec<JsonFinding<'a>>,
    /// Findings that suppression comments silenced, each with the directive's reason.
    suppressed: Vec<JsonSuppressed<'a>>,
    errors: Vec<JsonError>,
    /// Files not scanned, and why.
    skipped: Vec<JsonSkipped>,
    /// Remarks about the whole run: nothing scanned, a baseline that could shrink or matched
    /// nothing.
    notes: Vec<Note>,
    summary: &'a Summary,
    /// Present with `--baseline`: the file, how many findings it set aside, and its entries
    /// that match nothing any more.
    #[serde(skip_serializing_if = "Option::is_none")]
    baseline: Option<&'a Comparison>,
}

#[derive(Serialize)]
struct Tool {
    name: &'static str,
    version: &'static str,
}

#[derive(Serialize)]
struct JsonFinding<'a> {
    rule: &'a str,
    path: String,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    kind: Kind,
    severity: Severity,
    message: &'a str,
    fix: Applicability,
    /// Why `fix --unsafe-fixes` left this finding's fix out (`null`: it did not).
    fix_dropped: Option<&'a str>,
    /// Stable across runs and line shifts; what baselines and code scanning match on.
    fingerprint: &'a str,
}

#[derive(Serialize)]
struct JsonSuppressed<'a> {
    #[serde(flatten)]
    finding: JsonFinding<'a>,
    /// What the directive gives after `--`; `null` when it gives none.
    reason: Option<&'a str>,
    /// The line of the directive that suppressed it.
    directive_line: usize,
}

impl<'a> JsonFinding<'a> {
    fn of(path: &str, located: &'a Located) -> JsonFinding<'a> {
        JsonFinding {
            rule: &located.finding.rule,
            path: path.to_string(),
            line: located.line,
            column: located.column,
            end_line: located.end_line,
            end_column: located.end_column,
            kind: located.finding.kind,
            severity: located.finding.severity,
            message: &located.finding.message,
            fix: located.finding.applicability,
            fix_dropped: located.fix_dropped.as_deref(),
            fingerprint: &located.fingerprint,
        }
    }
}

#[derive(Serialize)]
struct JsonError {
    path: String,
    message: String,
}

/// Writes the whole run as one JSON document.
pub fn write(out: &mut (impl Write + ?Sized), run: &Run) -> io::Result<()> {
    let (reports, summary) = (run.reports, run.summary);
    let mut findings = Vec::new();
    let mut suppressed = Vec::new();
    let mut errors = Vec::new();
    let mut skipped = Vec::new();
    for report in reports {
        let path = display_path(&report.path);
        for located in &report.findings {
            findings.push(JsonFinding::of(&path, located));
        }
        for silenced in &report.suppressed {
            suppressed.push(JsonSuppressed {
                finding: JsonFinding::of(&path, &silenced.located),
                reason: silenced.suppression.reason.as_deref(),
                directive_line: silenced.suppression.line,
            });
        }
        if let Some(FileError { message, .. }) = &report.error {
            errors.push(JsonError {
                path: path.clone(),
                message: message.clone(),
            });
        }
        if let Some(skip) = &report.skipped {
            let (reason, message) = skip_reason(skip, run.max_filesize);
            skipped.push(JsonSkipped {
                path: path.clone(),
                reason,
                message,
            });
        }
    }
    let document = Document {
        version: SCHEMA_VERSION,
        tool: Tool {
            name: env!("CARGO_PKG_NAME"),
            version: env!("CARGO_PKG_VERSION"),
        },
        config: run.config.map(display_path),
        findings,
        suppressed,
        errors,
        skipped,
        notes: notes(run),
        summary,
        baseline: run.baseline,
    };
    serde_json::to_writer_pretty(&mut *out, &document)?;
    writeln!(out)
}
