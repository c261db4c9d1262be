//! One file through the stages: read it ([`crate::source::read`]), scan it ([`crate::scan`]),
//! and decide its fixes ([`crate::fix`]). Every command runs files through a [`Pipeline`]; what
//! becomes of the reports (written files, patches, formats) is up to the command.

use std::collections::HashMap;
use std::path::Path;

use crate::diagnostics::{FileReport, Located, Origin, Severity};
use crate::fix::Fixer;
use crate::rules::Rule;
use crate::scan::{ScanOptions, Scanned, Scanner};
use crate::source::encoding::EncodingChoice;
use crate::source::read::{self, Content};
use crate::source::walk::FileAt;

/// What a run does with the findings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Report them; work out only which offered unsafe fixes `fix` would leave out.
    Check,
    /// Also compute each file's fixed bytes.
    Fix,
}

/// The per-file settings of a run.
#[derive(Debug, Clone)]
pub struct Options {
    pub encoding: EncodingChoice,
    pub max_filesize: u64,
    pub unsafe_fixes: bool,
    pub mode: Mode,
    /// A file with more findings is reported with this many and not fixed
    /// ([`crate::scan::MAX_FINDINGS_PER_FILE`] in a run).
    pub max_findings: usize,
}

/// Reads, scans and fixes files with one set of rules and options.
pub struct Pipeline {
    scanner: Scanner,
    max_filesize: u64,
    unsafe_fixes: bool,
    mode: Mode,
}

impl Pipeline {
    pub fn new(rules: Vec<Rule>, options: Options) -> Pipeline {
        let scan = ScanOptions {
            encoding: options.encoding,
            max_findings: options.max_findings,
        };
        Pipeline {
            scanner: Scanner::new(rules, scan),
            max_filesize: options.max_filesize,
            unsafe_fixes: options.unsafe_fixes,
            mode: options.mode,
        }
    }

    /// See [`Scanner::with_severity_overrides`].
    pub fn with_severity_overrides(mut self, overrides: HashMap<String, Severity>) -> Pipeline {
        self.scanner = self.scanner.with_severity_overrides(overrides);
        self
    }

    /// See [`Scanner::with_loaded_rules`].
    pub fn with_loaded_rules(mut self, ids: Vec<String>) -> Pipeline {
        self.scanner = self.scanner.with_loaded_rules(ids);
        self
    }

    /// The rules the run applies.
    pub fn rules(&self) -> &[Rule] {
        self.scanner.rules()
    }

    /// Reads, scans and (in fix mode) fixes one file the walk found.
    pub fn process_file(&self, file: &FileAt) -> FileReport {
        crate::race_hook::pause("read", file.name());
        let gate = |bytes: &mut dyn std::io::Read| self.scanner.bytes_worth_reading(bytes);
        let (content, id) = match read::read(file, self.max_filesize, &gate) {
            Ok(read) => read,
            Err(error) => {
                let mut report = FileReport::new(&file.path);
                report.error = Some(error);
                return report;
            }
        };
        let report = match content {
            Content::Page(bytes) => self.process_bytes(&file.path, bytes),
            Content::Skipped(skip) => FileReport::skipped(&file.path, skip),
            Content::RuledOut => FileReport::new(&file.path),
        };
        report.with_origin(Origin {
            root: file.root,
            id,
            outside_roots: file.outside_roots,
        })
    }

    /// Scans and (in fix mode) fixes a page's bytes; `path` only names the file.
    pub fn process_bytes(&self, path: &Path, bytes: Vec<u8>) -> FileReport {
        self.process_selected(path, bytes, &|_| true)
    }

    /// Scans a page's bytes and, in fix mode, applies only the fixes of the findings `accept`
    /// picks: a reviewer's choice in `fix --interactive`. The change then counts the picked
    /// fixes, and the fixed page may keep the findings left out.
    pub fn process_selected(
        &self,
        path: &Path,
        bytes: Vec<u8>,
        accept: &dyn Fn(&Located) -> bool,
    ) -> FileReport {
        let Scanned {
            mut report,
            fixable,
        } = self.scanner.scan(path, bytes);
        if let Some(input) = fixable {
            let fixer = Fixer::new(&self.scanner, self.unsafe_fixes);
            match self.mode {
                Mode::Fix => fixer.fix_page(&mut report, input, accept),
                Mode::Check => fixer.mark_dropped_fixes(&mut report, &input),
            }
        }
        report
    }
}
