//! Baselines: the findings a team has accepted for now, so that a CI gate fails only on new ones.
//!
//! `check --write-baseline FILE` records every current finding by its fingerprint (which does
//! not depend on line numbers, so lines inserted above a finding do not make it new).
//! `check --baseline FILE` then sets the recorded findings aside. Entries that match nothing any
//! more (the page was fixed) are reported, so the baseline can shrink; entries for files this
//! run did not scan are left alone, since a run over part of a tree says nothing about them.
//!
//! Paths in a baseline (version 2) are relative to the baseline file's folder, and entries are
//! fingerprinted with those paths, so a run from any folder matches the same entries. Version 1
//! files, whose paths were relative to the folder the run started in, are still read that way.

use std::collections::{HashMap, HashSet};
use std::path::{Component, Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::{Level, Note};
use crate::diagnostics::{FileReport, Located};
use crate::scan::fingerprint;
use crate::source::names::portable_path;

/// Bump when an entry's meaning changes; a file of another version is refused, not misread.
const BASELINE_VERSION: u32 = 2;

/// The version whose paths were relative to the run's folder: still read, never written.
const CWD_RELATIVE_VERSION: u32 = 1;

/// A baseline file.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    pub version: u32,
    pub findings: Vec<Entry>,
}

/// One accepted finding. Only the fingerprint is matched; the rest tells a reader (and a
/// reviewer of the baseline's diff) what was accepted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    pub fingerprint: String,
    pub rule: String,
    pub path: String,
    /// The line when the entry was recorded; informative only.
    pub line: usize,
    pub kind: String,
    pub message: String,
}

/// How a run's findings compare with a baseline.
#[derive(Debug)]
pub struct Comparison {
    /// The baseline file, as given.
    pub path: PathBuf,
    /// Findings the baseline records, set aside.
    pub matched: usize,
    /// Entries of scanned files that no finding matches any more.
    pub stale: Vec<Entry>,
    /// How many entries the baseline holds.
    entries: usize,
    /// Whether any entry names a file this run scanned.
    names_a_scanned_file: bool,
    /// Where the baseline's paths start from, for the note when none of them was scanned.
    paths_from: String,
}

impl Comparison {
    /// A comparison as reports recorded it: `merge` joins the shards' (each names only the
    /// files its shard scanned).
    pub fn recorded(
        path: PathBuf,
        matched: usize,
        stale: Vec<Entry>,
        entries: usize,
        names_a_scanned_file: bool,
        paths_from: String,
    ) -> Comparison {
        Comparison {
            path,
            matched,
            stale,
            entries,
            names_a_scanned_file,
            paths_from,
        }
    }

    /// How many entries the baseline holds.
    pub fn entries(&self) -> usize {
        self.entries
    }

    /// Whether any entry names a file the run scanned.
    pub fn names_a_scanned_file(&self) -> bool {
        self.names_a_scanned_file
    }

    /// Where the baseline's paths start from, in words.
    pub fn paths_from(&self) -> &str {
        &self.paths_from
    }

    /// What the comparison tells a reader beyond the counts: entries that could go, or a
    /// baseline whose paths name none of the files scanned (the wrong file, or moved files).
    pub fn notes(&self) -> Vec<Note> {
        let mut notes = Vec::new();
        if self.entries > 0 && !self.names_a_scanned_file {
            notes.push(Note {
                level: Level::Warning,
                message: format!(
                    "baseline {}: none of its {} entr{} names a file this run scanned (its paths are relative to {}); every finding counts as new",
                    self.path.display(),
                    self.entries,
                    if self.entries == 1 { "y" } else { "ies" },
                    self.paths_from,
                ),
            });
        }
        if !self.stale.is_empty() {
            let one = self.stale.len() == 1;
            notes.push(Note {
                level: Level::Note,
                message: format!(
                    "baseline {}: {} baseline entr{} no longer match{} a finding (fixed?); record the baseline again with --write-baseline to drop {}",
                    self.path.display(),
                    self.stale.len(),
                    if one { "y" } else { "ies" },
                    if one { "es" } else { "" },
                    if one { "it" } else { "them" },
                ),
            });
        }
        notes
    }
}

/// The files a baseline has entries for, to tell which reports a run must keep for it: a file
/// whose findings were all fixed still has entries to report as stale.
pub struct RecordedFiles {
    naming: Naming,
    paths: HashSet<String>,
    /// The entries' last path parts: a file of another name is passed over without the cost
    /// of naming it from the baseline's folder (most files of a tree).
    file_names: HashSet<String>,
}

impl RecordedFiles {
    /// The files `baseline`, read from `path`, has entries for.
    pub fn of(baseline: &Baseline, path: &Path) -> RecordedFiles {
        let paths: HashSet<String> = baseline.findings.iter().map(|e| e.path.clone()).collect();
        RecordedFiles {
            naming: Naming::of(path, baseline.version),
            file_names: paths
                .iter()
                .map(|path| path.rsplit('/').next().unwrap_or(path).to_string())
                .collect(),
            paths,
        }
    }

    /// Whether the baseline has entries for the file of `report`.
    pub fn contains(&self, report: &FileReport) -> bool {
        let file_name = report.path.file_name().map(|name| name.to_string_lossy());
        file_name.is_some_and(|name| self.file_names.contains(name.as_ref()))
            && self.paths.contains(&self.naming.name(report))
    }
}

/// How a baseline names files and keys findings.
enum Naming {
    /// Version 2: paths from the baseline's folder (given as the real path).
    FromFolder(PathBuf),
    /// Version 1: paths and fingerprints as the run named them.
    AsRun,
}

impl Naming {
    fn of(baseline_path: &Path, version: u32) -> Naming {
        match version {
            CWD_RELATIVE_VERSION => Naming::AsRun,
            _ => Naming::FromFolder(real_folder_of(baseline_path)),
        }
    }

    /// Where the paths start from, in words.
    fn describe(&self) -> String {
        match self {
            Naming::FromFolder(folder) => format!("its folder, {}", folder.display()),
            Naming::AsRun => "the folder the run starts in (a version 1 baseline)".into(),
        }
    }

    /// The file's name in the baseline.
    fn name(&self, report: &FileReport) -> String {
        match self {
            Naming::AsRun => portable_path(&report.path),
            Naming::FromFolder(folder) => relative_name(folder, &report.path),
        }
    }

    /// The file's name in the baseline, and the key of each of its findings (by index).
    fn keys(&self, report: &FileReport) -> (String, Vec<String>) {
        match self {
            Naming::AsRun => (
                portable_path(&report.path),
                report
                    .findings
                    .iter()
                    .map(|l| l.fingerprint.clone())
                    .collect(),
            ),
            Naming::FromFolder(_) => {
                let name = self.name(report);
                // Fingerprinted in page order with the suppressed findings, as the scan does,
                // so suppressing one finding never changes another's key.
                let mut all: Vec<(Option<usize>, &Located)> = report
                    .findings
                    .iter()
                    .enumerate()
                    .map(|(i, located)| (Some(i), located))
                    .chain(report.suppressed.iter().map(|s| (None, &s.located)))
                    .collect();
                all.sort_by_key(|(_, located)| (located.line, located.column));
                let prints = fingerprint::compute(&name, all.iter().map(|(_, l)| *l));
                let mut keys = vec![String::new(); report.findings.len()];
                for ((index, _), print) in all.iter().zip(prints) {
                    if let Some(index) = index {
                        keys[*index] = print;
                    }
                }
                (name, keys)
            }
        }
    }
}

/// The real folder a baseline file is in (or will be written to).
fn real_folder_of(baseline_path: &Path) -> PathBuf {
    let folder = match baseline_path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    std::fs::canonicalize(folder).unwrap_or_else(|_| absolute(folder))
}

/// `path` named from `folder` (both made real first), with `/` and `..` where it lies outside.
fn relative_name(folder: &Path, path: &Path) -> String {
    let real = std::fs::canonicalize(path).unwrap_or_else(|_| absolute(path));
    let base: Vec<Component> = folder.components().collect();
    let target: Vec<Component> = real.components().collect();
    let shared = base.iter().zip(&target).take_while(|(a, b)| a == b).count();
    let mut parts: Vec<String> = vec!["..".into(); base.len() - shared];
    parts.extend(
        target[shared..]
            .iter()
            .map(|part| part.as_os_str().to_string_lossy().into_owned()),
    );
    parts.join("/")
}

/// `path` from the current folder, when it cannot be made real (a file gone since the scan).
fn absolute(path: &Path) -> PathBuf {
    std::env::current_dir().map_or_else(|_| path.to_path_buf(), |cwd| cwd.join(path))
}

/// Records the findings of `reports` as a baseline to be written to `baseline_path`.
pub fn record(reports: &[FileReport], baseline_path: &Path) -> Baseline {
    let naming = Naming::of(baseline_path, BASELINE_VERSION);
    let findings = reports
        .iter()
        .flat_map(|report| {
            let (path, keys) = naming.keys(report);
            report
                .findings
                .iter()
                .zip(keys)
                .map(move |(located, fingerprint)| Entry {
                    fingerprint,
                    rule: located.finding.rule.clone(),
                    path: path.clone(),
                    line: located.line,
                    kind: located.finding.kind.as_str().to_string(),
                    message: located.finding.message.clone(),
                })
        })
        .collect();
    Baseline {
        version: BASELINE_VERSION,
        findings,
    }
}
/// A baseline file's text.
pub fn to_text(baseline: &Baseline) -> String {
    let mut text = serde_json::to_string_pretty(baseline).expect("a baseline is plain data");
    text.push('\n');
    text
}

/// A baseline of a million findings is about 300 MB of JSON; a file past this is not one.
const MAX_BASELINE_BYTES: u64 = 1 << 30;

/// Reads a baseline file; the error names the file and what is wrong with it.
pub fn load(path: &Path) -> Result<Baseline, String> {
    let text = crate::source::pinned::read_text(path, MAX_BASELINE_BYTES)
        .map_err(|e| format!("cannot read baseline {}: {e}", path.display()))?;
    let baseline: Baseline = serde_json::from_str(&text).map_err(|e| {
        format!(
            "baseline {} is not a kspay-migrate baseline: {e}",
            path.display()
        )
    })?;
    if baseline.version != BASELINE_VERSION && baseline.version != CWD_RELATIVE_VERSION {
        return Err(format!(
            "baseline {} has version {}; this kspay-migrate reads versions {CWD_RELATIVE_VERSION} and {BASELINE_VERSION} (write it anew with --write-baseline)",
            path.display(),
            baseline.version
        ));
    }
    Ok(baseline)
}

/// Moves the findings the baseline records from each report's `findings` to its `baselined`,
/// and says which entries match nothing any more. Each entry matches one finding: a page that
/// gains a second copy of an accepted line has one new finding.
pub fn apply(baseline: &Baseline, path: &Path, reports: &mut [FileReport]) -> Comparison {
    let naming = Naming::of(path, baseline.version);
    let mut unmatched: HashMap<&str, usize> = HashMap::new();
    for entry in &baseline.findings {
        *unmatched.entry(entry.fingerprint.as_str()).or_default() += 1;
    }
    let mut matched = 0;
    let mut scanned_paths = HashSet::new();
    for report in reports.iter_mut() {
        let (name, keys) = naming.keys(report);
        if report.error.is_none() && report.skipped.is_none() {
            scanned_paths.insert(name);
        }
        let mut known = Vec::new();
        let mut new = Vec::new();
        for (located, key) in std::mem::take(&mut report.findings).into_iter().zip(keys) {
            match unmatched.get_mut(key.as_str()) {
                Some(count) if *count > 0 => {
                    *count -= 1;
                    known.push(located);
                }
                _ => new.push(located),
            }
        }
        matched += known.len();
        report.findings = new;
        report.baselined = known;
    }
    // Entries left over are stale when their file was scanned in this run.
    let mut stale = Vec::new();
    for entry in &baseline.findings {
        if let Some(count) = unmatched.get_mut(entry.fingerprint.as_str())
            && *count > 0
            && scanned_paths.contains(&entry.path)
        {
            *count -= 1;
            stale.push(entry.clone());
        }
    }
    Comparison {
        path: path.to_path_buf(),
        matched,
        stale,
        entries: baseline.findings.len(),
        names_a_scanned_file: baseline
            .findings
            .iter()
            .any(|entry| scanned_paths.contains(&entry.path)),
        paths_from: naming.describe(),
    }
}
