//! The per-file pipeline: read, prefilter, decode, parse, detect, and (for `fix`) splice.

use std::collections::{HashMap, HashSet};
use std::io::Read as _;
use std::ops::Range;
use std::path::{Path, PathBuf};

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use encoding_rs::{EUC_KR, Encoding};

use crate::detect::{self, Finding};
use crate::encoding::{self, EncodingChoice};
use crate::page::lines::without_ending;
use crate::page::{Page, PageKind};
use crate::pinned::FileId;
use crate::rules::{Rule, Severity};
use crate::suppress::{RuleIds, Suppression, Suppressions};
use crate::walk::FileAt;

mod fixing;

/// What a scan is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Report findings only.
    Check,
    /// Also compute each file's fixed bytes.
    Fix,
}

/// Settings shared by every file of a run.
#[derive(Debug, Clone)]
pub struct ScanOptions {
    pub encoding: EncodingChoice,
    pub max_filesize: u64,
    pub unsafe_fixes: bool,
    pub mode: Mode,
    /// A file with more findings is reported with this many and not fixed
    /// ([`MAX_FINDINGS_PER_FILE`] in a run).
    pub max_findings: usize,
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
    /// only a window around the finding, with [`CLIPPED`] marking each end that goes on.
    pub source_line: String,
    /// Character range of the span within `source_line` (to the line's end if it spans lines).
    pub line_span: Range<usize>,
    /// The fix's edits placed by line and column (empty when the finding has no fix).
    pub edits: Vec<LocatedEdit>,
    /// Identifies the finding across runs without depending on its line number (see
    /// [`crate::fingerprint`]).
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
            fixed_index,
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
    LeftoverTemp(crate::write::Leftover),
}

/// Everything a run learned about one file.
#[derive(Debug)]
pub struct FileReport {
    pub path: PathBuf,
    pub findings: Vec<Located>,
    /// Findings a baseline records (`check --baseline`): set aside, not reported as new.
    pub baselined: Vec<Located>,
    /// Findings that suppression comments silenced, in page order.
    pub suppressed: Vec<Suppressed>,
    pub skipped: Option<Skip>,
    pub error: Option<String>,
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

    fn new(path: &Path) -> FileReport {
        FileReport {
            path: path.to_path_buf(),
            findings: Vec::new(),
            baselined: Vec::new(),
            suppressed: Vec::new(),
            skipped: None,
            error: None,
            change: None,
            origin: None,
        }
    }

    /// Whether the report has nothing to show but its path: a clean file, or a binary one.
    pub fn is_unremarkable(&self) -> bool {
        self.findings.is_empty()
            && self.suppressed.is_empty()
            && self.baselined.is_empty()
            && self.error.is_none()
            && self.change.is_none()
            && matches!(self.skipped, None | Some(Skip::Binary))
    }

    fn with_origin(mut self, origin: Origin) -> FileReport {
        self.origin = Some(origin);
        self
    }

    /// A report holding only an error about this path.
    pub fn error(path: &Path, message: impl Into<String>) -> FileReport {
        FileReport {
            error: Some(message.into()),
            ..FileReport::new(path)
        }
    }
}

/// Scans files with a fixed set of rules.
pub struct Scanner {
    rules: Vec<Rule>,
    prefilter: AhoCorasick,
    /// Which prefilter patterns are scheme titles rather than card aliases.
    title_patterns: Vec<bool>,
    /// Every rule's [`Rule::from_side_words`].
    from_side_words: AhoCorasick,
    options: ScanOptions,
    /// Rule id to the severity its findings get instead of the detector's (a config's
    /// `[severity]`).
    severity_overrides: HashMap<String, Severity>,
    /// Ids of the rules that run.
    selected_ids: Vec<String>,
    /// Ids of every loaded rule, selected or not: what suppression comments may name.
    loaded_ids: Vec<String>,
}

impl Scanner {
    /// Builds the prefilter from every card alias of every rule, in each encoding's bytes.
    ///
    /// Hangul scheme titles (`안심클릭`, `안전결제`) pass a page too: a page whose lists leave the
    /// card out altogether never names it, and is still reported. Latin titles (`ISP` is in
    /// every `display:`) would let nearly every file through, so they do not.
    pub fn new(rules: Vec<Rule>, options: ScanOptions) -> Scanner {
        let mut patterns: Vec<Vec<u8>> = Vec::new();
        let mut title_patterns = Vec::new();
        for rule in &rules {
            let titles = rule.from.labels.iter().chain(&rule.to.labels);
            for (word, is_title) in rule
                .card
                .aliases
                .iter()
                .map(|alias| (alias, false))
                .chain(titles.filter(|label| !label.is_ascii()).map(|t| (t, true)))
            {
                for form in alias_forms(word) {
                    patterns.push(form);
                    title_patterns.push(is_title);
                }
            }
        }
        let prefilter = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostFirst)
            .build(&patterns)
            .expect("card aliases form a valid automaton");
        let from_side_words = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .build(rules.iter().flat_map(Rule::from_side_words))
            .expect("scheme words form a valid automaton");
        let selected_ids: Vec<String> = rules.iter().map(|rule| rule.id.clone()).collect();
        Scanner {
            rules,
            prefilter,
            title_patterns,
            from_side_words,
            options,
            severity_overrides: HashMap::new(),
            loaded_ids: selected_ids.clone(),
            selected_ids,
        }
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

    /// Reads and scans one file the walk found.
    pub fn scan_file(&self, file: &FileAt) -> FileReport {
        crate::race_hook::pause("read", file.name());
        match file.open() {
            Err(e) => FileReport::error(&file.path, format!("cannot read: {e}")),
            Ok((handle, meta)) => match self.read(handle, meta.len()) {
                Ok(Read::Page(bytes)) => self.scan_bytes(&file.path, bytes),
                Ok(Read::Skipped(skip)) => FileReport::skipped(&file.path, skip),
                Err(e) => FileReport::error(
                    &file.path,
                    format!("cannot read: {}", crate::walk::describe_io(&e)),
                ),
            }
            .with_origin(Origin {
                root: file.root,
                id: FileId::of(&meta),
                outside_roots: file.outside_roots,
            }),
        }
    }

    /// Reads an open file: its size as the handle gave it, then the first [`BINARY_SNIFF`]
    /// bytes, and the rest only when those hold no NUL. Images and archives are a third of a
    /// web root; they cost one small read each.
    fn read(&self, mut file: std::fs::File, size: u64) -> std::io::Result<Read> {
        if size > self.options.max_filesize {
            return Ok(Read::Skipped(Skip::TooLarge(size)));
        }
        // Reads are bounded by the size just taken, so no read is spent finding the end,
        // and a file growing meanwhile is read no further than its size.
        let mut bytes = Vec::with_capacity(size as usize);
        let sniff = size.min(BINARY_SNIFF as u64);
        (&mut file).take(sniff).read_to_end(&mut bytes)?;
        if is_binary(&bytes) {
            return Ok(Read::Skipped(Skip::Binary));
        }
        file.take(size - bytes.len() as u64)
            .read_to_end(&mut bytes)?;
        Ok(Read::Page(bytes))
    }

    /// Scans a file's bytes; `path` is only used to name the file.
    pub fn scan_bytes(&self, path: &Path, bytes: Vec<u8>) -> FileReport {
        self.scan_selected(path, bytes, &|_| true)
    }

    /// Scans a file's bytes and, in fix mode, applies only the fixes of the findings `accept`
    /// picks: a reviewer's choice in `fix --interactive`. The change then counts the picked
    /// fixes, and the fixed page may keep the findings left out.
    pub fn scan_selected(
        &self,
        path: &Path,
        bytes: Vec<u8>,
        accept: &dyn Fn(&Located) -> bool,
    ) -> FileReport {
        let mut report = FileReport::new(path);
        if is_binary(&bytes) {
            report.skipped = Some(Skip::Binary);
            return report;
        }
        let mut hits = self.prefilter.find_iter(&bytes);
        let Some(first) = hits.next() else {
            return report;
        };
        let names_title = self.title_patterns[first.pattern().as_usize()]
            || hits.any(|hit| self.title_patterns[hit.pattern().as_usize()]);
        let decoded = match encoding::decode(&bytes, self.options.encoding) {
            Ok(decoded) => decoded,
            Err(e) => return FileReport::error(path, e.to_string()),
        };
        // Most pages that pass on the card's bytes alone name it only inside other words
        // (결제주문, 제주도 배송) or straddle two EUC-KR characters. Without a card token, a
        // scheme title, or a word that can put a list on the `from` side, there is nothing to
        // detect (not even a list that leaves the card out) and no need to parse.
        if !names_title
            && self
                .rules
                .iter()
                .all(|rule| rule.card.tokens(&decoded.text).is_empty())
            && !self.from_side_words.is_match(&decoded.text)
        {
            return report;
        }
        let page = match Page::parse_as(&decoded.text, PageKind::of_path(path)) {
            Ok(page) => page,
            Err(e) => return FileReport::error(path, e.to_string()),
        };
        let mut judged = self.judge(&page);
        let total = judged.reported.len() + judged.suppressed.len();
        let cap = self.options.max_findings;
        let over_cap = total > cap;
        if over_cap {
            judged.reported.truncate(cap);
            judged.suppressed.truncate(cap - judged.reported.len());
        }
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
        crate::fingerprint::assign(path, all);

        if over_cap {
            report.error = Some(format!(
                "{total} findings, over the limit of {cap} per file: only the first {cap} are reported and the file is not fixed (no payment page lists a card that often; look at it by hand)"
            ));
            return report;
        }
        match self.options.mode {
            Mode::Fix => self.fix_page(&mut report, bytes, &decoded, accept),
            Mode::Check => self.mark_dropped_fixes(&mut report, &bytes, &decoded),
        }
        report
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
    fn judge(&self, page: &Page) -> crate::suppress::Judged {
        let ids = RuleIds {
            loaded: &self.loaded_ids,
            selected: &self.selected_ids,
        };
        Suppressions::of(page).judge(page, self.detect(page), ids)
    }

    fn detect(&self, page: &Page) -> Vec<Finding> {
        let mut findings: Vec<Finding> = self
            .rules
            .iter()
            .flat_map(|rule| detect::detect(page, rule))
            .collect();
        findings.sort_by(|a, b| (a.span.start, &a.rule).cmp(&(b.span.start, &b.rule)));
        findings
    }

    /// The findings a fixed page still reports, placed and fingerprinted like a first scan's;
    /// `None` when the page no longer decodes or parses.
    fn rescan(&self, path: &Path, bytes: &[u8]) -> Option<Vec<Located>> {
        let decoded = encoding::decode(bytes, self.options.encoding).ok()?;
        let page = Page::parse_as(&decoded.text, PageKind::of_path(path)).ok()?;
        let mut findings: Vec<Located> = self
            .judge(&page)
            .reported
            .into_iter()
            .map(|finding| locate(&page, finding))
            .collect();
        crate::fingerprint::assign(path, findings.iter_mut());
        Some(findings)
    }
}

/// How much of a file's start is looked at for a NUL byte, the mark of a binary file.
const BINARY_SNIFF: usize = 8192;

/// Whether a file's first bytes mark it as binary (a NUL byte).
fn is_binary(bytes: &[u8]) -> bool {
    bytes[..bytes.len().min(BINARY_SNIFF)].contains(&0)
}

/// A file as read: its bytes, or why they were not read whole.
enum Read {
    Page(Vec<u8>),
    Skipped(Skip),
}

/// The byte forms a word takes in pages: UTF-8, EUC-KR and numeric character references.
///
/// Latin words and hexadecimal references come in the cases pages write them (`Jeju`, `jeju`,
/// `JEJU`; `&#xc81c;`, `&#xC81C;`, `&#XC81C;`) rather than through a case-insensitive search:
/// exact literals let the prefilter use its vectorised search, which is most of a run's time
/// on a tree where few files name the card.
fn alias_forms(word: &str) -> Vec<Vec<u8>> {
    let mut forms = if word.is_ascii() {
        vec![
            word.to_string(),
            word.to_ascii_lowercase(),
            word.to_ascii_uppercase(),
        ]
    } else {
        let hex = |prefix: &str, upper: bool| -> String {
            word.chars()
                .map(|c| match upper {
                    true => format!("{prefix}{:X};", c as u32),
                    false => format!("{prefix}{:x};", c as u32),
                })
                .collect()
        };
        vec![
            word.to_string(),
            crate::charref::encode(word),
            hex("&#x", false),
            hex("&#x", true),
            hex("&#X", true),
        ]
    };
    forms.sort();
    forms.dedup();
    let mut bytes: Vec<Vec<u8>> = forms.into_iter().map(String::into_bytes).collect();
    if !word.is_ascii()
        && let Some(euc_kr) = encoding::encode(EUC_KR, word)
    {
        bytes.push(euc_kr);
    }
    bytes
}

fn locate(page: &Page, finding: Finding) -> Located {
    let (line, column) = page.lines.position(page.text, finding.span.start);
    let (end_line, end_column) = page.lines.position(page.text, finding.span.end);
    let line_range = page.lines.line_of(finding.span.start);
    let whole_line = without_ending(&page.text[line_range.clone()]);
    // The span within its line, in bytes (to the line's end if it spans lines).
    let span_start = (finding.span.start - line_range.start).min(whole_line.len());
    let span_end = match end_line == line {
        true => finding.span.end - line_range.start,
        false => whole_line.len(),
    };
    let (source_line, line_span) = clip_line(whole_line, span_start..span_end.max(span_start));
    let edits = finding
        .edits
        .iter()
        .map(|edit| {
            let (line, column) = page.lines.position(page.text, edit.range.start);
            let (end_line, end_column) = page.lines.position(page.text, edit.range.end);
            LocatedEdit {
                line,
                column,
                end_line,
                end_column,
                replacement: edit.replacement.clone(),
            }
        })
        .collect();
    Located {
        edits,
        fingerprint: String::new(),
        fix_dropped: None,
        line_span,
        finding,
        line,
        column,
        end_line,
        end_column,
        source_line,
    }
}

/// Findings a file may have before the run stops reporting and fixing them: a real page lists
/// Jeju a handful of times; a page with thousands is made to cost the run (each finding keeps
/// a window of its line, its fix and its proof), and is reported as an error instead.
pub const MAX_FINDINGS_PER_FILE: usize = 1000;

/// How many characters of a finding's line are kept on each side of it, and of the finding
/// itself: a line of a few hundred characters is kept whole, while N findings on one line of
/// megabytes (a hostile page) cost N windows, not N copies of the line.
const LINE_CONTEXT_CHARS: usize = 300;

/// What marks a clipped end of a kept line, so that nothing is hidden silently.
pub const CLIPPED: char = '…';

/// The part of `line` around the byte range `span` (on character boundaries) that a finding
/// keeps: at most [`LINE_CONTEXT_CHARS`] characters on each side and of the span itself, with
/// [`CLIPPED`] where the line goes on. Returns the kept text and the span's character range
/// in it.
fn clip_line(line: &str, span: Range<usize>) -> (String, Range<usize>) {
    let floor = |mut at: usize| {
        while !line.is_char_boundary(at) {
            at -= 1;
        }
        at
    };
    let (start, end) = (floor(span.start), floor(span.end.min(line.len())));
    let forward = |from: usize, chars: usize| {
        line[from..]
            .char_indices()
            .nth(chars)
            .map_or(line.len(), |(at, _)| from + at)
    };
    let end = end.min(forward(start, LINE_CONTEXT_CHARS));
    let kept_start = line[..start]
        .char_indices()
        .rev()
        .nth(LINE_CONTEXT_CHARS - 1)
        .map_or(0, |(at, _)| at);
    let kept_end = forward(end, LINE_CONTEXT_CHARS);
    let mut kept = String::with_capacity(kept_end - kept_start + 8);
    if kept_start > 0 {
        kept.push(CLIPPED);
    }
    kept.push_str(&line[kept_start..kept_end]);
    if kept_end < line.len() {
        kept.push(CLIPPED);
    }
    let before = usize::from(kept_start > 0) + line[kept_start..start].chars().count();
    let span_chars = line[start..end].chars().count();
    (kept, before..before + span_chars)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_prefilter_knows_every_form_pages_write_a_word_in() {
        let forms: Vec<Vec<u8>> = alias_forms("제주");
        for form in [
            "제주".as_bytes(),
            b"\xC1\xA6\xC1\xD6",
            b"&#51228;&#51452;",
            b"&#xc81c;&#xc8fc;",
            b"&#xC81C;&#xC8FC;",
            b"&#XC81C;&#XC8FC;",
        ] {
            assert!(
                forms.contains(&form.to_vec()),
                "{:?}",
                String::from_utf8_lossy(form)
            );
        }
        let latin = alias_forms("Jeju");
        for form in ["Jeju", "jeju", "JEJU"] {
            assert!(latin.contains(&form.as_bytes().to_vec()), "{form}");
        }
    }

    #[test]
    fn short_lines_are_kept_whole_and_long_ones_clipped_around_the_finding() {
        let line = "안심클릭 : 외환, 제주";
        let at = line.find("제주").unwrap();
        let (kept, span) = clip_line(line, at..at + "제주".len());
        assert_eq!(kept, line);
        assert_eq!(
            kept.chars()
                .skip(span.start)
                .take(span.len())
                .collect::<String>(),
            "제주"
        );

        let long = format!("{}제주{}", "삼성, ".repeat(1000), "현대, ".repeat(1000));
        let at = long.find("제주").unwrap();
        let (kept, span) = clip_line(&long, at..at + "제주".len());
        assert!(kept.starts_with(CLIPPED) && kept.ends_with(CLIPPED));
        assert_eq!(kept.chars().count(), 2 * LINE_CONTEXT_CHARS + 2 + 2);
        assert_eq!(
            kept.chars()
                .skip(span.start)
                .take(span.len())
                .collect::<String>(),
            "제주"
        );
    }
}
