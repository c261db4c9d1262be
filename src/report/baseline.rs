//! Baselines: the findings a team has accepted for now, so that a CI gate fails only on new ones.
//!
//! `check --write-baseline FILE` records every current finding by its fingerprint (which does
//! not depend on line numbers, so lines inserted above a finding do not make it new).
//! `check --baseline FILE` then sets the recorded findings aside. Entries that match nothing any
//! more (the page was fixed) are reported, so the baseline can shrink; entries for files this
//! run did not scan are left alone, since a run over part of a tree says nothing about them.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::diagnostics::FileReport;
use crate::source::names::portable_path;

/// Bump when an entry's meaning changes; a file of another version is refused, not misread.
const BASELINE_VERSION: u32 = 1;

/// A baseline file.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    pub version: u32,
    pub findings: Vec<Entry>,
}

/// One accepted finding. Only the fingerprint is matched; the rest tells a reader (and a
/// reviewer of the baseline's diff) what was accepted.
#[derive(Debug, Clone, Serialize, Deserialize)]
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
}

/// Records the findings of `reports` as a baseline.
pub fn record(reports: &[FileReport]) -> Baseline {
    let findings = reports
        .iter()
        .flat_map(|report| {
            let path = portable_path(&report.path);
            report.findings.iter().map(move |located| Entry {
                fingerprint: located.fingerprint.clone(),
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
    if baseline.version != BASELINE_VERSION {
        return Err(format!(
            "baseline {} has version {}; this kspay-migrate reads version {BASELINE_VERSION} (write it anew with --write-baseline)",
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
    let mut unmatched: HashMap<&str, usize> = HashMap::new();
    for entry in &baseline.findings {
        *unmatched.entry(entry.fingerprint.as_str()).or_default() += 1;
    }
    let mut matched = 0;
    let mut scanned_paths = HashSet::new();
    for report in reports.iter_mut() {
        if report.error.is_none() && report.skipped.is_none() {
            scanned_paths.insert(portable_path(&report.path));
        }
        let (known, new): (Vec<_>, Vec<_>) = std::mem::take(&mut report.findings)
            .into_iter()
            .partition(
                |located| match unmatched.get_mut(located.fingerprint.as_str()) {
                    Some(count) if *count > 0 => {
                        *count -= 1;
                        true
                    }
                    _ => false,
                },
            );
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
    }
}
