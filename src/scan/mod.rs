//! One page's findings: the [`prefilter`] gates, decoding, parsing into a [`page`], the
//! detectors of each rule ([`detect`], each safe fix proven there), the page's suppression
//! comments ([`suppress`]), and each finding placed by line ([`mod@locate`]) and given a stable
//! [`fingerprint`]. Which fixes a page then takes is the next stage's business (`crate::fix`).

pub mod detect;
pub mod fingerprint;
pub mod locate;
pub mod page;
pub mod prefilter;
pub mod suppress;

use std::collections::HashMap;
use std::path::Path;

use crate::diagnostics::{
    ErrorKind, FileError, FileReport, Finding, Located, Severity, Skip, Suppressed,
};
use crate::rules::Rule;
use crate::source::encoding::{self, Decoded, EncodingChoice};
use crate::source::read::is_binary;
use detect::Rewritten;
use locate::locate;
use page::{Page, PageKind};
use prefilter::Prefilter;
use suppress::{Judged, RuleIds, Suppressions};

/// Findings a file may have before the run stops reporting and fixing them: a real page lists
/// Jeju a handful of times; a page with thousands is made to cost the run (each finding keeps
/// a window of its line, its fix and its proof), and is reported as an error instead.
pub const MAX_FINDINGS_PER_FILE: usize = 1000;

/// How much of a large file [`Scanner::bytes_worth_reading`] reads at a time: what a thread
/// holds of a file it rules out.
const GATE_CHUNK: usize = 64 * 1024;

/// Settings of the scan stage, the same for every file of a run.
#[derive(Debug, Clone)]
pub struct ScanOptions {
    pub encoding: EncodingChoice,
    /// A file with more findings is reported with this many and not fixed
    /// ([`MAX_FINDINGS_PER_FILE`] in a run).
    pub max_findings: usize,
}

/// A scanned page: its report, and, when its findings may be fixed, the bytes and decoded text
/// the fix stage splices into.
pub struct Scanned {
    pub report: FileReport,
    pub fixable: Option<FixInput>,
}

/// What the fix stage needs of a scanned page besides its report.
pub struct FixInput {
    pub bytes: Vec<u8>,
    pub decoded: Decoded,
    /// The pages the proofs rewrote with every safe fix of a rule, for the fix stage's rescan
    /// ([`Scanner::rescan_reusing`]).
    pub rewrites: Vec<Rewritten>,
}

/// Scans pages with a fixed set of rules.
pub struct Scanner {
    rules: Vec<Rule>,
    prefilter: Prefilter,
    options: ScanOptions,
    /// Rule id to the severity its findings get instead of the detector's (a config's
    /// `[severity]`).
    severity_overrides: HashMap<String, Severity>,
    /// Ids of the rules that run.
    selected_ids: Vec<String>,
    /// Ids of every loaded rule, selected or not: what suppression comments may name.
    loaded_ids: Vec<String>,
    /// Whether pages the text gate rules out go unparsed (always, but in the test that shows
    /// the gate loses no finding).
    text_gate: bool,
}

impl Scanner {
    pub fn new(rules: Vec<Rule>, options: ScanOptions) -> Scanner {
        let selected_ids: Vec<String> = rules.iter().map(|rule| rule.id.clone()).collect();
        Scanner {
            prefilter: Prefilter::new(&rules),
            rules,
            options,
            severity_overrides: HashMap::new(),
            loaded_ids: selected_ids.clone(),
            selected_ids,
            text_gate: true,
        }
    }

    /// Parses every page the byte search passes, as if the text gate let all through: what
    /// `tests/gate.rs` compares the gate against.
    pub fn without_text_gate(mut self) -> Scanner {
        self.text_gate = false;
        self
    }

    /// Gives every finding of the named rules this severity instead of its own. Applied here,
    /// where findings are made, so every report format shows the same severity.
    pub fn with_severity_overrides(mut self, overrides: HashMap<String, Severity>) -> Scanner {
        self.severity_overrides = overrides;
        self
    }

    /// Tells the scanner the ids of every loaded rule when `--select` ran only some: a
    /// suppression comment naming a loaded rule that did not run is then neither unknown nor
    /// unused. Without it, the loaded rules are the ones the scanner applies.
    pub fn with_loaded_rules(mut self, ids: Vec<String>) -> Scanner {
        self.loaded_ids = ids;
        self
    }

    /// The rules this scanner applies.
    pub fn rules(&self) -> &[Rule] {
        &self.rules
    }

    /// The first gate of [`Scanner::scan`] over a file too large to hold whole only to learn
    /// that it names nothing: whether any word of the rules occurs in what `reader` gives,
    /// searched a chunk of [`GATE_CHUNK`] bytes at a time. A file it rules out is one `scan`
    /// reports clean.
    pub fn bytes_worth_reading(&self, reader: &mut dyn std::io::Read) -> std::io::Result<bool> {
        self.prefilter.reader_names_a_word(reader, GATE_CHUNK)
    }

    /// Scans a page's bytes; `path` names the file (and tells a script file from markup).
    pub fn scan(&self, path: &Path, bytes: Vec<u8>) -> Scanned {
        let done = |report| Scanned {
            report,
            fixable: None,
        };
        let failed = |kind, message: String| done(FileReport::error(path, kind, message));
        if is_binary(&bytes) {
            return done(FileReport::skipped(path, Skip::Binary));
        }
        let Some(hit) = self.prefilter.search_bytes(&bytes) else {
            return done(FileReport::new(path));
        };
        let decoded = match encoding::decode(&bytes, self.options.encoding) {
            Ok(decoded) => decoded,
            Err(e) => return failed(ErrorKind::Decode, e.to_string()),
        };
        let kind = PageKind::of_path(path);
        if self.text_gate
            && !self
                .prefilter
                .worth_parsing(hit, &self.rules, &decoded.text, kind)
        {
            return done(FileReport::new(path));
        }
        let page = match Page::parse_as(&decoded.text, kind) {
            Ok(page) => page,
            Err(e) => return failed(ErrorKind::Parse, e.to_string()),
        };
        let (findings, rewrites) = self.detect(&page);
        let mut judged = self.judge(&page, findings);
        let total = judged.reported.len() + judged.suppressed.len();
        let cap = self.options.max_findings;
        let over_cap = total > cap;
        if over_cap {
            judged.reported.truncate(cap);
            judged.suppressed.truncate(cap - judged.reported.len());
        }
        let mut report = FileReport::new(path);
        report.findings = judged
            .reported
            .into_iter()
            .map(|finding| locate(&page, finding))
            .collect();
        report.suppressed = judged
            .suppressed
            .into_iter()
            .map(|(finding, suppression)| Suppressed {
                located: locate(&page, finding),
                suppression,
            })
            .collect();
        self.override_severities(&mut report.findings);
        // One pass over all of them in page order, so that suppressing a finding never changes
        // the fingerprint of another one on a repeated line.
        let mut all: Vec<&mut Located> = report
            .findings
            .iter_mut()
            .chain(report.suppressed.iter_mut().map(|s| &mut s.located))
            .collect();
        all.sort_by_key(|located| (located.line, located.column));
        fingerprint::assign(path, all);

        if over_cap {
            report.error = Some(FileError::new(
                ErrorKind::TooManyFindings,
                format!(
                    "{total} findings, over the limit of {cap} per file: only the first {cap} are reported and the file is not fixed (no payment page lists a card that often; look at it by hand)"
                ),
            ));
            return done(report);
        }
        Scanned {
            report,
            fixable: Some(FixInput {
                bytes,
                decoded,
                rewrites,
            }),
        }
    }

    fn override_severities(&self, findings: &mut [Located]) {
        if self.severity_overrides.is_empty() {
            return;
        }
        for located in findings {
            if let Some(severity) = self.severity_overrides.get(&located.finding.rule) {
                located.finding.severity = *severity;
            }
        }
    }

    /// The page's findings with its suppression comments applied.
    fn judge(&self, page: &Page, findings: Vec<Finding>) -> Judged {
        let ids = RuleIds {
            loaded: &self.loaded_ids,
            selected: &self.selected_ids,
        };
        Suppressions::of(page).judge(page, findings, ids)
    }

    /// Every rule's findings on the page, in page order, and the rewrites the proofs made.
    fn detect(&self, page: &Page) -> (Vec<Finding>, Vec<Rewritten>) {
        self.detect_with(|rule| detect::detect(page, rule))
    }

    fn detect_with(
        &self,
        detect: impl Fn(&Rule) -> detect::Detected,
    ) -> (Vec<Finding>, Vec<Rewritten>) {
        let mut findings = Vec::new();
        let mut rewrites = Vec::new();
        for rule in &self.rules {
            let detected = detect(rule);
            findings.extend(detected.findings);
            rewrites.extend(detected.rewritten);
        }
        findings.sort_by(|a, b| (a.span.start, &a.rule).cmp(&(b.span.start, &b.rule)));
        (findings, rewrites)
    }

    /// The findings a fixed page still reports, placed and fingerprinted like a first scan's;
    /// `None` when the page no longer decodes or parses. The fix stage's convergence check.
    pub fn rescan(&self, path: &Path, bytes: &[u8]) -> Option<Vec<Located>> {
        self.rescan_reusing(path, bytes, &[])
    }

    /// [`Scanner::rescan`], reusing the parse and the detection of a page a proof rewrote
    /// (`rewrites`, from the first scan) when the fixed page is that very text.
    pub fn rescan_reusing(
        &self,
        path: &Path,
        bytes: &[u8],
        rewrites: &[Rewritten],
    ) -> Option<Vec<Located>> {
        let decoded = encoding::decode(bytes, self.options.encoding).ok()?;
        let kind = PageKind::of_path(path);
        let proven = rewrites
            .iter()
            .find(|rewritten| rewritten.page.kind == kind && rewritten.page.text == decoded.text);
        let parsed;
        let (page, (findings, _)) = match proven {
            Some(rewritten) => (
                &rewritten.page,
                self.detect_with(|rule| detect::detect_rewritten(rewritten, rule)),
            ),
            None => {
                parsed = Page::parse_as(&decoded.text, kind).ok()?;
                (&parsed, self.detect(&parsed))
            }
        };
        let mut findings: Vec<Located> = self
            .judge(page, findings)
            .reported
            .into_iter()
            .map(|finding| locate(page, finding))
            .collect();
        fingerprint::assign(path, findings.iter_mut());
        Some(findings)
    }
}
