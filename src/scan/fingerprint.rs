//! Stable identities for findings, for baselines and code-scanning services.
//!
//! A fingerprint must survive edits elsewhere in the file: lines inserted above a finding move
//! its line number, so the number is left out. It hashes what a person would call "the same
//! finding": the rule, the file, the form it was found in, the text of its line (whitespace
//! collapsed, so re-indenting does not count as a change), the card token, and which
//! occurrence of that same line in the file it is (a page may repeat a line verbatim).

use std::collections::HashMap;
use std::path::Path;

use sha2::{Digest, Sha256};

use crate::diagnostics::Located;
use crate::source::names::portable_path;

/// Fills in the fingerprint of every finding of one file, given in page order, named by its
/// portable path.
pub fn assign<'a>(path: &Path, findings: impl IntoIterator<Item = &'a mut Located>) {
    let path = portable_path(path);
    let mut findings: Vec<&mut Located> = findings.into_iter().collect();
    let prints = compute(&path, findings.iter().map(|located| &**located));
    for (located, print) in findings.iter_mut().zip(prints) {
        located.fingerprint = print;
    }
}

/// The fingerprints of one file's findings, given in page order, with `path` as the file's
/// name: a baseline names files from its own folder and fingerprints them that way.
pub fn compute<'a>(path: &str, findings: impl IntoIterator<Item = &'a Located>) -> Vec<String> {
    let mut seen: HashMap<String, usize> = HashMap::new();
    findings
        .into_iter()
        .map(|located| {
            let line: Vec<&str> = located.source_line.split_whitespace().collect();
            let token = located.span_text();
            let key = format!(
                "{}\0{}\0{}\0{}\0{}",
                located.finding.rule,
                path,
                located.finding.kind.as_str(),
                line.join(" "),
                token
            );
            let occurrence = seen.entry(key.clone()).or_default();
            let mut hasher = Sha256::new();
            hasher.update(key.as_bytes());
            hasher.update(occurrence.to_le_bytes());
            *occurrence += 1;
            let digest = hasher.finalize();
            digest[..16].iter().map(|b| format!("{b:02x}")).collect()
        })
        .collect()
}
