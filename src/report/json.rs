//! The JSON report: one document (on stdout, or where `--output json=FILE` sends it), as
//! `schemas/report-v2.json` (version 2) defines it. It is also what `kspay-migrate merge` reads
//! back ([`read`]): a report carries everything the other formats show (each finding's source
//! line, each change's diff, the counts by tenant), so shards' reports make one run again.
//! A field added, renamed or removed here is a change to that schema too: the tests validate
//! every report they read against it, and the schema refuses fields it does not name.
//!
//! [`write`] does not build a [`Document`]: it writes the run's lists item by item as each
//! file's report gives them, so a run over a million files holds no second copy of its
//! findings and diffs (that copy was the peak of such a run's memory, BENCHMARKS.md). The
//! items are the types [`read`] gives back, borrowing the run's strings where they can.

use std::borrow::Cow;
use std::cell::RefCell;
use std::io::{self, Write};

use serde::ser::SerializeStruct;
use serde::{Deserialize, Serialize, Serializer};

use super::baseline::{Comparison, Entry};
use super::tenants::TenantRow;
use super::{FixOutcome, Note, Run, Summary, notes, skip_reason};
use crate::diagnostics::{
    Applicability, ErrorKind, FileError, FileReport, Kind, Leftover, Located, LocatedEdit,
    Severity, Skip,
};
use crate::source::names::{display_name, display_path};
use crate::source::patch_base::PatchBases;

/// Bump when a field is renamed or removed, or its meaning changes; adding fields keeps the
/// version. Version 2 added tenants, the run's settings, source lines and changes; every
/// field of version 1 is kept as it was.
pub const SCHEMA_VERSION: u32 = 2;

/// The whole report, as [`read`] gives it back. [`write`] writes the same fields in the same
/// order without making one (`tests/merge.rs` checks that a report read back writes the same
/// bytes).
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Document {
    pub version: u32,
    pub tool: Tool,
    /// The config file the settings came from (`null`: none).
    pub config: Option<String>,
    /// How the run was made: what `merge` needs to render it again.
    pub run: RunSettings,
    pub findings: Vec<JsonFinding<'static>>,
    /// Findings that suppression comments silenced, each with the directive's reason.
    pub suppressed: Vec<JsonSuppressed<'static>>,
    /// Findings `check --baseline`'s file records: set aside, not counted in `findings`.
    pub baselined: Vec<JsonFinding<'static>>,
    pub errors: Vec<JsonError<'static>>,
    /// Files not scanned, and why.
    pub skipped: Vec<JsonSkipped<'static>>,
    /// What `fix` changed (or would change), file by file; empty for `check`.
    pub changes: Vec<JsonChange<'static>>,
    /// The run's counts by tenant, in tenant order.
    pub tenants: Vec<TenantRow>,
    /// Remarks about the whole run: nothing scanned, a baseline that could shrink or matched
    /// nothing.
    pub notes: Vec<Note>,
    pub summary: Summary,
    /// What `fix` did (`null` for `check`).
    pub fix: Option<JsonFix>,
    /// Present with `--baseline`: the file, how many findings it set aside, and its entries
    /// that match nothing any more.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub baseline: Option<JsonBaseline>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tool {
    pub name: String,
    pub version: String,
}

impl Tool {
    fn this() -> Tool {
        Tool {
            name: env!("CARGO_PKG_NAME").into(),
            version: env!("CARGO_PKG_VERSION").into(),
        }
    }
}

/// The run's settings that shape its report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RunSettings {
    /// `check` or `fix`.
    pub command: String,
    /// The ids of the rules that ran.
    pub rules: Vec<String>,
    pub unsafe_fixes: bool,
    pub max_filesize: u64,
    pub tenant_depth: usize,
    /// `--shard K/N` (`null`: the whole tree).
    pub shard: Option<String>,
}

impl RunSettings {
    fn of(run: &Run) -> RunSettings {
        RunSettings {
            command: if run.fix.is_some() { "fix" } else { "check" }.into(),
            rules: run.rules.iter().map(|rule| rule.id.clone()).collect(),
            unsafe_fixes: run.unsafe_fixes,
            max_filesize: run.max_filesize,
            tenant_depth: run.tenant_depth,
            shard: run.shard.map(|shard| shard.to_string()),
        }
    }
}

/// How the findings compare with `check --baseline`'s file.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct JsonBaseline {
    /// The file, named as reports name files: serde refuses a path that is not UTF-8, which
    /// cost the whole report.
    pub path: String,
    pub matched: usize,
    pub stale: Vec<Entry>,
    /// How many entries the baseline holds.
    pub entries: usize,
    /// Whether any entry names a file the run scanned.
    pub names_a_scanned_file: bool,
    /// Where the baseline's paths start from.
    pub paths_from: String,
}

impl JsonBaseline {
    fn of(comparison: &Comparison) -> JsonBaseline {
        JsonBaseline {
            path: display_path(&comparison.path),
            matched: comparison.matched,
            stale: comparison.stale.clone(),
            entries: comparison.entries(),
            names_a_scanned_file: comparison.names_a_scanned_file(),
            paths_from: comparison.paths_from().to_string(),
        }
    }
}

/// A file as each item about it names it: its path, and the tenant it belongs to (`None`: a
/// page read from stdin).
fn file_of(report: &FileReport) -> (Cow<'_, str>, Option<Cow<'_, str>>) {
    (
        display_name(&report.path),
        report.tenant.as_deref().map(Cow::Borrowed),
    )
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct JsonFinding<'a> {
    pub rule: Cow<'a, str>,
    pub path: Cow<'a, str>,
    /// The tenant the file belongs to (`null`: a page read from stdin).
    pub tenant: Option<Cow<'a, str>>,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    pub kind: Kind,
    pub severity: Severity,
    pub message: Cow<'a, str>,
    pub fix: Applicability,
    /// Why `fix --unsafe-fixes` left this finding's fix out (`null`: it did not).
    pub fix_dropped: Option<Cow<'a, str>>,
    /// Whether the run's change of the file fixes it (always false for `check`).
    pub fixed: bool,
    /// Stable across runs and line shifts; what baselines and code scanning match on.
    pub fingerprint: Cow<'a, str>,
    /// The fix as edits of the page as it was read, in page order (empty: no fix).
    pub edits: Vec<JsonEdit<'a>>,
    /// The line holding the finding, decoded.
    pub source: JsonSource<'a>,
}

/// A finding's line as reports show it.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct JsonSource<'a> {
    /// The decoded line without its ending; a long line is cut to a window around the finding,
    /// with a mark at each end that goes on.
    pub text: Cow<'a, str>,
    /// The finding's characters in `text`: from `start` up to `end` (0-based).
    pub start: usize,
    pub end: usize,
}

/// One edit of a finding's fix: replace the characters from `line`:`column` up to
/// `end_line`:`end_column` (1-based, columns in characters of the decoded line, as the
/// finding's own) with `replacement`. An empty range inserts; an empty replacement removes.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct JsonEdit<'a> {
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    pub replacement: Cow<'a, str>,
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
                replacement: Cow::Borrowed(&edit.replacement),
            })
            .collect()
    }
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct JsonSuppressed<'a> {
    #[serde(flatten)]
    pub finding: JsonFinding<'a>,
    /// What the directive gives after `--`; `null` when it gives none.
    pub reason: Option<Cow<'a, str>>,
    /// The line of the directive that suppressed it.
    pub directive_line: usize,
}

impl<'a> JsonFinding<'a> {
    /// `located` of the file `report`; `fixed`: whether the run's change of the file fixes it.
    fn of(report: &'a FileReport, located: &'a Located, fixed: bool) -> JsonFinding<'a> {
        let (path, tenant) = file_of(report);
        JsonFinding {
            rule: Cow::Borrowed(&located.finding.rule),
            path,
            tenant,
            line: located.line,
            column: located.column,
            end_line: located.end_line,
            end_column: located.end_column,
            kind: located.finding.kind,
            severity: located.finding.severity,
            message: Cow::Borrowed(&located.finding.message),
            fix: located.finding.applicability,
            fix_dropped: located.fix_dropped.as_deref().map(Cow::Borrowed),
            fixed,
            fingerprint: Cow::Borrowed(&located.fingerprint),
            edits: JsonEdit::of(located),
            source: JsonSource {
                text: Cow::Borrowed(&located.source_line),
                start: located.line_span.start,
                end: located.line_span.end,
            },
        }
    }
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct JsonError<'a> {
    pub path: Cow<'a, str>,
    pub tenant: Option<Cow<'a, str>>,
    /// Which stage gave up on the file.
    pub kind: ErrorKind,
    pub message: Cow<'a, str>,
}

/// A file not scanned.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct JsonSkipped<'a> {
    pub path: Cow<'a, str>,
    pub tenant: Option<Cow<'a, str>>,
    /// `binary`, `too-large` or `leftover-temp`.
    pub reason: String,
    pub message: String,
    /// For `too-large`: the file's size in bytes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub size: Option<u64>,
    /// For `leftover-temp`: `removed`, `kept` or `unmarked`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub leftover: Option<String>,
}

impl<'a> JsonSkipped<'a> {
    fn of(report: &'a FileReport, skip: &Skip, max_filesize: u64) -> JsonSkipped<'a> {
        let (path, tenant) = file_of(report);
        let (reason, message) = skip_reason(skip, max_filesize);
        JsonSkipped {
            path,
            tenant,
            reason: reason.to_string(),
            message,
            size: match skip {
                Skip::TooLarge(size) => Some(*size),
                _ => None,
            },
            leftover: match skip {
                Skip::LeftoverTemp(leftover) => Some(leftover_name(*leftover).to_string()),
                _ => None,
            },
        }
    }

    /// The skip as the run knew it; `None` for a reason this version does not know.
    pub fn skip(&self) -> Option<Skip> {
        match (self.reason.as_str(), self.size, self.leftover.as_deref()) {
            ("binary", _, _) => Some(Skip::Binary),
            ("too-large", Some(size), _) => Some(Skip::TooLarge(size)),
            ("leftover-temp", _, Some(name)) => {
                [Leftover::Removed, Leftover::Kept, Leftover::Unmarked]
                    .into_iter()
                    .find(|leftover| leftover_name(*leftover) == name)
                    .map(Skip::LeftoverTemp)
            }
            _ => None,
        }
    }
}

fn leftover_name(leftover: Leftover) -> &'static str {
    match leftover {
        Leftover::Removed => "removed",
        Leftover::Kept => "kept",
        Leftover::Unmarked => "unmarked",
    }
}

/// A file's change: its diff, decoded, as the text report shows it.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct JsonChange<'a> {
    pub path: Cow<'a, str>,
    pub tenant: Option<Cow<'a, str>>,
    pub diff: String,
}

/// What `fix` did, or would do in a dry run.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct JsonFix {
    /// The files were written (`--write`, or accepted in `--interactive`).
    pub wrote: bool,
    /// A dry run: the diffs are the report.
    pub dry_run: bool,
    pub changed_files: usize,
    pub fixed_findings: usize,
    /// Where `--patch` wrote the patch (`-`: stdout).
    pub patch: Option<String>,
}

impl JsonFix {
    fn of(fix: &FixOutcome) -> JsonFix {
        JsonFix {
            wrote: fix.wrote,
            dry_run: fix.dry_run,
            changed_files: fix.changed_files,
            fixed_findings: fix.fixed_findings,
            patch: fix.patch.as_deref().map(display_path),
        }
    }
}

/// Writes the whole run as one JSON document, the one [`read`] gives back as a [`Document`].
pub fn write(out: &mut (impl Write + ?Sized), run: &Run) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &Streamed(run))?;
    writeln!(out)
}

/// The run as a [`Document`] has it, each list made while it is written.
struct Streamed<'r, 'a>(&'r Run<'a>);

impl Serialize for Streamed<'_, '_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let run = self.0;
        let reports = run.reports;
        // Diffs name files as `--patch` would, as the text report's do.
        let names = RefCell::new(PatchBases::new());
        let mut document = serializer.serialize_struct("Document", 15)?;
        document.serialize_field("version", &SCHEMA_VERSION)?;
        document.serialize_field("tool", &Tool::this())?;
        document.serialize_field("config", &run.config.map(display_path))?;
        document.serialize_field("run", &RunSettings::of(run))?;
        let findings = per_file(reports, |report| {
            let fixes = |located| report.change.as_ref().is_some_and(|c| c.fixes(located));
            (report.findings.iter())
                .map(move |located| JsonFinding::of(report, located, fixes(located)))
        });
        document.serialize_field("findings", &findings)?;
        let suppressed = per_file(reports, |report| {
            report
                .suppressed
                .iter()
                .map(move |silenced| JsonSuppressed {
                    finding: JsonFinding::of(report, &silenced.located, false),
                    reason: silenced.suppression.reason.as_deref().map(Cow::Borrowed),
                    directive_line: silenced.suppression.line,
                })
        });
        document.serialize_field("suppressed", &suppressed)?;
        let baselined = per_file(reports, |report| {
            (report.baselined.iter()).map(move |accepted| JsonFinding::of(report, accepted, false))
        });
        document.serialize_field("baselined", &baselined)?;
        let errors = per_file(reports, |report| {
            report.error.as_ref().map(|FileError { kind, message }| {
                let (path, tenant) = file_of(report);
                JsonError {
                    path,
                    tenant,
                    kind: *kind,
                    message: Cow::Borrowed(message),
                }
            })
        });
        document.serialize_field("errors", &errors)?;
        let skipped = per_file(reports, |report| {
            (report.skipped.as_ref()).map(|skip| JsonSkipped::of(report, skip, run.max_filesize))
        });
        document.serialize_field("skipped", &skipped)?;
        let changes = per_file(reports, |report| {
            report.change.as_ref().map(|change| {
                let (path, tenant) = file_of(report);
                let name = names.borrow_mut().shown_name(&report.path);
                JsonChange {
                    path,
                    tenant,
                    diff: super::diff::plain_text(&name, change),
                }
            })
        });
        document.serialize_field("changes", &changes)?;
        document.serialize_field("tenants", run.tenants)?;
        document.serialize_field("notes", &notes(run))?;
        document.serialize_field("summary", run.summary)?;
        document.serialize_field("fix", &run.fix.map(JsonFix::of))?;
        match run.baseline {
            Some(comparison) => {
                document.serialize_field("baseline", &JsonBaseline::of(comparison))?
            }
            None => document.skip_field("baseline")?,
        }
        document.end()
    }
}

/// A list of the report, made from each file's report in turn as it is written.
struct PerFile<'r, F>(&'r [FileReport], F);

/// `items` gives the list's items from one file's report.
fn per_file<'r, F, I>(reports: &'r [FileReport], items: F) -> PerFile<'r, F>
where
    F: Fn(&'r FileReport) -> I,
    I: IntoIterator<Item: Serialize>,
{
    PerFile(reports, items)
}

impl<'r, F, I> Serialize for PerFile<'r, F>
where
    F: Fn(&'r FileReport) -> I,
    I: IntoIterator<Item: Serialize>,
{
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.iter().flat_map(&self.1))
    }
}

/// Reads a JSON report back; the error says what is wrong, without the file's name.
pub fn read(text: &str) -> Result<Document, String> {
    #[derive(Deserialize)]
    struct Versioned {
        version: u32,
    }
    let versioned: Versioned =
        serde_json::from_str(text).map_err(|e| format!("not a kspay-migrate JSON report: {e}"))?;
    if versioned.version != SCHEMA_VERSION {
        return Err(format!(
            "a version {} report; this kspay-migrate reads version {SCHEMA_VERSION} (run the shards with the same release)",
            versioned.version
        ));
    }
    serde_json::from_str(text).map_err(|e| format!("not a kspay-migrate JSON report: {e}"))
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use serde_json::Value;

    use super::*;

    /// The schema the report follows, as the project ships it.
    fn schema() -> Value {
        serde_json::from_str(include_str!("../../schemas/report-v2.json")).unwrap()
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
    fn the_schema_allows_exactly_the_error_kinds_and_leftovers_written() {
        use ErrorKind::*;
        // Fails to compile when a kind is added, until it is listed here (and in the schema).
        let kinds = match Walk {
            Walk | Read | Decode | Parse | TooManyFindings | LeftoverTemp | OutsideRoots
            | Write => [
                Walk,
                Read,
                Decode,
                Parse,
                TooManyFindings,
                LeftoverTemp,
                OutsideRoots,
                Write,
            ],
        };
        let defs = &schema()["$defs"];
        assert_eq!(
            allowed(&defs["error"]["properties"]["kind"]),
            written(&kinds)
        );
        let leftovers: BTreeSet<String> = [Leftover::Removed, Leftover::Kept, Leftover::Unmarked]
            .map(|leftover| leftover_name(leftover).to_string())
            .into();
        assert_eq!(
            allowed(&defs["skipped"]["properties"]["leftover"]),
            leftovers
        );
    }

    #[test]
    fn a_skip_reads_back_as_it_was_written() {
        let skips = [
            Skip::Binary,
            Skip::TooLarge(9 << 20),
            Skip::LeftoverTemp(Leftover::Removed),
            Skip::LeftoverTemp(Leftover::Kept),
            Skip::LeftoverTemp(Leftover::Unmarked),
        ];
        for skip in skips {
            let mut report = FileReport::new(std::path::Path::new("a.php"));
            report.tenant = Some("t".into());
            let written = JsonSkipped::of(&report, &skip, 8 << 20);
            assert_eq!(written.skip(), Some(skip));
        }
    }

    #[test]
    fn the_schema_names_the_version_written() {
        assert_eq!(schema()["properties"]["version"]["const"], SCHEMA_VERSION);
    }
}
