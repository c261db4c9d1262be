//! The run's data model: what a scan finds and a fix changes, shared by every stage and every
//! report. It depends on no other module of the crate, so any stage can use it without pulling
//! in another (Ruff keeps the same split in `ruff_diagnostics`).
//!
//! A detector makes [`Finding`]s with their [`Edit`]s on the decoded page; the scan places each
//! in its file as a [`Located`]; a file's findings, its [`Change`] and its [`FileError`] make its
//! [`FileReport`], which is what the reports render.

use std::collections::HashSet;
use std::fmt;
use std::fs::Metadata;
use std::ops::Range;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};

use encoding_rs::Encoding;
use serde::{Deserialize, Serialize};

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        })
    }
}

/// Where on the page a finding was made; reported as the finding's `kind`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// Text after a scheme radio button (the KSPAY entry page), or a card's radio button in a
    /// scheme's section.
    RadioLabel,
    /// A card's checkbox in a scheme's section.
    CheckboxLabel,
    /// An `<option>` of a scheme's select or optgroup.
    SelectOption,
    /// A card list under a scheme's heading, in a scheme's container, or after its title.
    TextList,
    /// A card list in a table row whose other cell names the scheme.
    TableRow,
    /// A card logo in a scheme's block.
    Image,
    /// Script code that routes the card's code to a scheme's submit function.
    Script,
    /// Help or notice text that names the card as a card of the scheme it left.
    Prose,
    /// Server code that picks the scheme for the card.
    ServerCode,
    /// A suppression comment that suppresses nothing or cannot be read (see `scan::suppress`).
    Suppression,
}

impl Kind {
    /// The name used in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::RadioLabel => "radio-label",
            Kind::CheckboxLabel => "checkbox-label",
            Kind::SelectOption => "select-option",
            Kind::TextList => "text-list",
            Kind::TableRow => "table-row",
            Kind::Image => "image",
            Kind::Script => "script",
            Kind::Prose => "prose",
            Kind::ServerCode => "server-code",
            Kind::Suppression => "suppression",
        }
    }
}

/// Whether `fix` may apply a finding's fix.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Applicability {
    /// Applied by `fix`.
    Safe,
    /// Applied only with `--unsafe-fixes`.
    Unsafe,
    /// No automatic fix.
    None,
}

impl Applicability {
    /// Whether `fix` applies a fix of this applicability (`unsafe_fixes`: with
    /// `--unsafe-fixes`). The one place that says it, for the fixer, the scanner and the reports.
    pub fn applies(self, unsafe_fixes: bool) -> bool {
        match self {
            Applicability::Safe => true,
            Applicability::Unsafe => unsafe_fixes,
            Applicability::None => false,
        }
    }

    /// This applicability, lowered to `Unsafe` when it was `Safe`.
    pub fn min_unsafe(self) -> Applicability {
        match self {
            Applicability::Safe => Applicability::Unsafe,
            other => other,
        }
    }
}

/// Replace `range` of the decoded page with `replacement`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Edit {
    pub range: Range<usize>,
    pub replacement: String,
}

/// One problem on a page, with its fix.
#[derive(Debug, Clone)]
pub struct Finding {
    pub rule: String,
    /// The card's token in the decoded page.
    pub span: Range<usize>,
    pub kind: Kind,
    pub severity: Severity,
    pub message: String,
    pub applicability: Applicability,
    pub edits: Vec<Edit>,
}

impl Finding {
    /// Whether `other` offers the same fix, wherever the page's other edits moved it: the same
    /// standing and the same text for each edit. A fix that changes another finding's fix
    /// changed what the rest of the page reads.
    pub fn same_fix(&self, other: &Finding) -> bool {
        self.applicability == other.applicability
            && self.edits.len() == other.edits.len()
            && self
                .edits
                .iter()
                .zip(&other.edits)
                .all(|(a, b)| a.replacement == b.replacement)
    }
}

/// The pseudo-rule that reports suppression comments that suppress nothing, name an unknown
/// rule, or cannot be read (Ruff's RUF100). Its findings come from the run itself, not from a
/// rule file, and every report, `[severity]` and `explain` knows it by this id.
pub const UNUSED_SUPPRESSION_ID: &str = "unused-suppression";

/// What the pseudo-rule is about, for rule listings such as SARIF's.
pub const UNUSED_SUPPRESSION_TITLE: &str =
    "A suppression comment suppresses nothing, names an unknown rule, or cannot be read";

/// How to act on the pseudo-rule's findings: SARIF's help text and `explain`'s advice.
pub const UNUSED_SUPPRESSION_HELP: &str = "Write `kspay-migrate: ignore [RULE, ...] [-- reason]` in a comment right before the element or line it silences; remove it once nothing is left to silence.";

/// Which directive silenced a finding, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suppression {
    /// The reason written after `--`, if any.
    pub reason: Option<String>,
    /// The 1-based line of the directive.
    pub line: usize,
}

/// A finding placed in its file for reporting.
#[derive(Debug, Clone)]
pub struct Located {
    pub finding: Finding,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    /// The decoded source line holding the finding, without its line ending; on a long line,
    /// only a window around the finding, with `scan::locate::CLIPPED` marking each end that goes on.
    pub source_line: String,
    /// Character range of the span within `source_line` (to the line's end if it spans lines).
    pub line_span: Range<usize>,
    /// The fix's edits placed by line and column (empty when the finding has no fix).
    pub edits: Vec<LocatedEdit>,
    /// Identifies the finding across runs without depending on its line number (see
    /// `scan::fingerprint`).
    pub fingerprint: String,
    /// Why `fix --unsafe-fixes` left this finding's unsafe fix out of the page (it would not
    /// have converged or could not be spliced); `None` when it was applied or not attempted.
    pub fix_dropped: Option<String>,
}

impl Located {
    /// The finding's text on its line: the card token, or the part of it on the first line.
    pub fn span_text(&self) -> String {
        self.source_line
            .chars()
            .skip(self.line_span.start)
            .take(self.line_span.len())
            .collect()
    }
}

/// One edit of a fix, placed by 1-based line and column (columns count characters); an empty
/// span is an insertion point.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocatedEdit {
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    pub replacement: String,
}

/// A finding that a comment in the page suppressed: not reported as a finding, not fixed.
#[derive(Debug, Clone)]
pub struct Suppressed {
    pub located: Located,
    /// The directive that suppressed it, and its reason.
    pub suppression: Suppression,
}

/// A file's fixed content next to its original.
#[derive(Debug)]
pub struct Change {
    pub original: Vec<u8>,
    pub fixed: Vec<u8>,
    pub encoding: &'static Encoding,
    /// The fingerprints of the findings the change fixes.
    pub fixed_findings: Vec<String>,
    /// The change's diff as a JSON report recorded it, decoded (`merge` reads changes back
    /// from reports, without the pages' bytes: `original` and `fixed` are then empty).
    pub recorded_diff: Option<String>,
    /// The same fingerprints, hashed: reports ask [`Change::fixes`] of every finding, and a
    /// page with many fixes made that a quadratic search.
    fixed_index: HashSet<String>,
}

impl Change {
    /// The change from `original` to `fixed`, which fixes the findings of these fingerprints.
    pub fn new(
        original: Vec<u8>,
        fixed: Vec<u8>,
        encoding: &'static Encoding,
        fixed_findings: Vec<String>,
    ) -> Change {
        let fixed_index = fixed_findings.iter().cloned().collect();
        Change {
            original,
            fixed,
            encoding,
            fixed_findings,
            recorded_diff: None,
            fixed_index,
        }
    }

    /// A change as a JSON report recorded it: its decoded diff and the fingerprints it fixes.
    pub fn recorded(diff: String, fixed_findings: Vec<String>) -> Change {
        Change {
            recorded_diff: Some(diff),
            ..Change::new(Vec::new(), Vec::new(), encoding_rs::UTF_8, fixed_findings)
        }
    }

    /// Whether the change fixes this finding.
    pub fn fixes(&self, located: &Located) -> bool {
        self.fixed_index.contains(&located.fingerprint)
    }
}

/// Why a file was not scanned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Skip {
    /// A NUL byte in the first 8 KiB.
    Binary,
    /// Larger than `--max-filesize` (the size in bytes).
    TooLarge(u64),
    /// A temporary file of a run that was killed before its rename.
    LeftoverTemp(Leftover),
}

/// Everything a run learned about one file.
#[derive(Debug)]
pub struct FileReport {
    pub path: PathBuf,
    /// The tenant the file belongs to (`--tenant-depth`: the first folders under its PATH), as
    /// reports name it; `None` for a page read from stdin.
    pub tenant: Option<String>,
    pub findings: Vec<Located>,
    /// Findings a baseline records (`check --baseline`): set aside, not reported as new.
    pub baselined: Vec<Located>,
    /// Findings that suppression comments silenced, in page order.
    pub suppressed: Vec<Suppressed>,
    pub skipped: Option<Skip>,
    pub error: Option<FileError>,
    pub change: Option<Change>,
    /// Where the file was read from, for writing it back: absent for pages scanned from
    /// memory.
    pub origin: Option<Origin>,
}

/// Which file on disk a report's bytes came from.
#[derive(Debug, Clone, Copy)]
pub struct Origin {
    /// The index of the PATH argument it was found under.
    pub root: usize,
    /// The file read: a write must replace this very file, not whatever holds its name later.
    pub id: FileId,
    /// Reached through a followed link to outside every PATH: never written.
    pub outside_roots: bool,
}

impl FileReport {
    /// A file that was not scanned, and why.
    pub fn skipped(path: &Path, skip: Skip) -> FileReport {
        FileReport {
            skipped: Some(skip),
            ..FileReport::new(path)
        }
    }

    /// A report with nothing in it yet.
    pub fn new(path: &Path) -> FileReport {
        FileReport {
            path: path.to_path_buf(),
            tenant: None,
            findings: Vec::new(),
            baselined: Vec::new(),
            suppressed: Vec::new(),
            skipped: None,
            error: None,
            change: None,
            origin: None,
        }
    }

    /// Whether the report has nothing to show but its path: a clean file. A skipped one is
    /// noted in every format (a binary page or one over the size limit was not checked).
    pub fn is_unremarkable(&self) -> bool {
        self.findings.is_empty()
            && self.suppressed.is_empty()
            && self.baselined.is_empty()
            && self.error.is_none()
            && self.change.is_none()
            && self.skipped.is_none()
    }

    /// The report, with where its bytes came from.
    pub fn with_origin(mut self, origin: Origin) -> FileReport {
        self.origin = Some(origin);
        self
    }

    /// A report holding only an error about this path.
    pub fn error(path: &Path, kind: ErrorKind, message: impl Into<String>) -> FileReport {
        FileReport {
            error: Some(FileError::new(kind, message)),
            ..FileReport::new(path)
        }
    }
}

/// Why a file could not be handled in full. Reports show it as `PATH: message`; the kind says
/// which stage gave up, for code that must tell them apart.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileError {
    pub kind: ErrorKind,
    pub message: String,
}

impl FileError {
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> FileError {
        FileError {
            kind,
            message: message.into(),
        }
    }
}

impl fmt::Display for FileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

/// The stage at which a file was given up on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ErrorKind {
    /// The walk could not open or list it: a link not followed, a FIFO, a permission.
    Walk,
    /// Its bytes could not be read.
    Read,
    /// Its bytes do not decode in the chosen or detected encoding.
    Decode,
    /// The markup parser gave up on it.
    Parse,
    /// More findings than a page plausibly has: reported in part and not fixed.
    TooManyFindings,
    /// A temporary file of an interrupted run that could not be looked at or removed.
    LeftoverTemp,
    /// Reached through a followed link to outside every PATH: reported, not fixed.
    OutsideRoots,
    /// Writing its fix failed; the file is as it was.
    Write,
}

/// What became of a file named like this tool's temporary files.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Leftover {
    /// Marked as the tool's own, and removed by this run.
    Removed,
    /// Marked as the tool's own; a writing run would remove it.
    Kept,
    /// Not marked as the tool's own: left alone, whoever made it.
    Unmarked,
}

/// The 1-based line and column (counting characters) of a byte offset in `text`: how every
/// message names a place in a page, a config or a rule file.
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line_start = before.rfind('\n').map_or(0, |newline| newline + 1);
    (
        before.matches('\n').count() + 1,
        before[line_start..].chars().count() + 1,
    )
}

/// A file's identity on its filesystem: the same pair is the same file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileId {
    pub dev: u64,
    pub ino: u64,
}

impl FileId {
    pub fn of(meta: &Metadata) -> FileId {
        FileId {
            dev: meta.dev(),
            ino: meta.ino(),
        }
    }
}
