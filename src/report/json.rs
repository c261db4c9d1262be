//! The JSON report: one document (on stdout, or where `--output json=FILE` sends it), as
//! `schemas/report-v1.json` (version 1) defines it.
//! A field added, renamed or removed here is a change to that schema too: the tests validate
//! every report they read against it, and the schema refuses fields it does not name.

use std::io::{self, Write};

use serde::Serialize;

use super::baseline::{Comparison, Entry};
use super::{Note, Run, Summary, notes, skip_reason};
use crate::diagnostics::{Applicability, FileError, Kind, Located, LocatedEdit, Severity};
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
    baseline: Option<JsonBaseline<'a>>,
}

/// How the findings compare with `check --baseline`'s file.
#[derive(Serialize)]
struct JsonBaseline<'a> {
    /// The file, named as reports name files: serde refuses a path that is not UTF-8, which
    /// cost the whole report.
    path: String,
    matched: usize,
    stale: &'a [Entry],
}

impl<'a> JsonBaseline<'a> {
    fn of(comparison: &'a Comparison) -> JsonBaseline<'a> {
        JsonBaseline {
            path: display_path(&comparison.path),
            matched: comparison.matched,
            stale: &comparison.stale,
        }
    }
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
    /// The fix as edits of the page as it was read, in page order (empty: no fix).
    edits: Vec<JsonEdit<'a>>,
}

/// One edit of a finding's fix: replace the characters from `line`:`column` up to
/// `end_line`:`end_column` (1-based, columns in characters of the decoded line, as the
/// finding's own) with `replacement`. An empty range inserts; an empty replacement removes.
#[derive(Serialize)]
struct JsonEdit<'a> {
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    replacement: &'a str,
}

impl<'a> JsonEdit<'a> {
    /// A finding's edits in page order (an insertion before a removal that starts where it
    /// inserts), each placed in the page as read: applied from the last back, each leaves the
    /// places of those before it as given. None for a finding without a fix, as in SARIF.
    fn of(located: &'a Located) -> Vec<JsonEdit<'a>> {
        if located.finding.applicability == Applicability::None {
            return Vec::new();
        }
        let mut edits: Vec<&LocatedEdit> = located.edits.iter().collect();
        edits.sort_by_key(|e| (e.line, e.column, e.end_line, e.end_column));
        edits
            .into_iter()
            .map(|edit| JsonEdit {
                line: edit.line,
                column: edit.column,
                end_line: edit.end_line,
                end_column: edit.end_column,
                replacement: &edit.replacement,
            })
            .collect()
    }
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
            edits: JsonEdit::of(located),
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
        baseline: run.baseline.map(JsonBaseline::of),
    };
    serde_json::to_writer_pretty(&mut *out, &document)?;
    writeln!(out)
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use serde_json::Value;

    use super::*;

    /// The schema the report follows, as the project ships it.
    fn schema() -> Value {
        serde_json::from_str(include_str!("../../schemas/report-v1.json")).unwrap()
    }

    /// The values the schema allows for a field given as an `enum`.
    fn allowed(field: &Value) -> BTreeSet<String> {
        field["enum"]
            .as_array()
            .unwrap_or_else(|| panic!("not an enum: {field}"))
            .iter()
            .map(|value| value.as_str().unwrap().to_string())
            .collect()
    }

    /// How serde writes each value into the report.
    fn written<T: Serialize>(values: &[T]) -> BTreeSet<String> {
        values
            .iter()
            .map(|value| {
                serde_json::to_value(value)
                    .unwrap()
                    .as_str()
                    .unwrap()
                    .to_string()
            })
            .collect()
    }

    /// The kind after `kind`, in declaration order: the match makes a new kind a compile error
    /// here until it joins the chain (and so the schema's list).
    fn next_kind(kind: Kind) -> Option<Kind> {
        match kind {
            Kind::RadioLabel => Some(Kind::CheckboxLabel),
            Kind::CheckboxLabel => Some(Kind::SelectOption),
            Kind::SelectOption => Some(Kind::TextList),
            Kind::TextList => Some(Kind::TableRow),
            Kind::TableRow => Some(Kind::Image),
            Kind::Image => Some(Kind::Script),
            Kind::Script => Some(Kind::Prose),
            Kind::Prose => Some(Kind::ServerCode),
            Kind::ServerCode => Some(Kind::Suppression),
            Kind::Suppression => None,
        }
    }

    #[test]
    fn the_schema_allows_exactly_the_kinds_severities_and_fixes_written() {
        let schema = schema();
        let defs = &schema["$defs"];
        let fields = &defs["findingFields"]["properties"];

        let kinds: Vec<Kind> =
            std::iter::successors(Some(Kind::RadioLabel), |&kind| next_kind(kind)).collect();
        assert_eq!(allowed(&defs["kind"]), written(&kinds));
        for kind in kinds {
            assert_eq!(serde_json::to_value(kind).unwrap(), kind.as_str());
        }

        // Each match fails to compile when a variant is added, until it is listed here.
        let severities = match Severity::Error {
            Severity::Error | Severity::Warning => [Severity::Error, Severity::Warning],
        };
        assert_eq!(allowed(&fields["severity"]), written(&severities));

        let fixes = match Applicability::Safe {
            Applicability::Safe | Applicability::Unsafe | Applicability::None => [
                Applicability::Safe,
                Applicability::Unsafe,
                Applicability::None,
            ],
        };
        assert_eq!(allowed(&fields["fix"]), written(&fixes));
    }

    #[test]
    fn the_schema_names_the_version_written() {
        assert_eq!(schema()["properties"]["version"]["const"], SCHEMA_VERSION);
    }
}
