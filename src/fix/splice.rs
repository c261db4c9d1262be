//! Applying fixes: splicing edits into the file's original bytes.
//!
//! Edits are computed on the decoded text; only their replacement text is encoded. Every byte
//! outside an edit is copied from the original file, so encoding, BOM, line endings and server
//! code stay identical by construction. The result is decoded again and compared with the
//! decoded text with the edits applied: a mismatch is an error and nothing is written.

use std::ops::Range;

use crate::diagnostics::{Edit, Finding};
use crate::source::encoding::{self, Decoded};

/// The new bytes of a file and which findings they fix.
#[derive(Debug)]
pub struct Fixed {
    pub bytes: Vec<u8>,
    /// Indices into the findings passed to [`apply`] whose fixes were applied.
    pub applied: Vec<usize>,
}

/// Why a file's fixes could not be applied.
#[derive(Debug, thiserror::Error)]
pub enum FixError {
    #[error("the fix text {0:?} cannot be written in {1}")]
    Unencodable(String, &'static str),
    #[error(
        "internal check failed: the spliced file does not decode to the fixed text; not written"
    )]
    Verification,
}

/// Applies the fixes of `findings` that `allow_unsafe` permits; `None` when nothing changes.
/// A fix whose edits overlap an earlier accepted fix is left out.
pub fn apply(
    source: &[u8],
    decoded: &Decoded,
    findings: &[Finding],
    allow_unsafe: bool,
) -> Result<Option<Fixed>, FixError> {
    let mut edits: Vec<Edit> = Vec::new();
    let mut kept = Kept::default();
    let mut applied = Vec::new();
    for (index, finding) in findings.iter().enumerate() {
        if !finding.applicability.applies(allow_unsafe) || finding.edits.is_empty() {
            continue;
        }
        let new: Vec<&Edit> = finding
            .edits
            .iter()
            .filter(|edit| !kept.edits.contains(*edit))
            .collect();
        // A detector confused by broken markup can propose edits that overlap each other;
        // splicing them would tear the file, so such a fix is left out like a conflicting one.
        let mut added = Vec::new();
        let mut conflicts = false;
        for edit in &new {
            if kept.conflicts_with(&edit.range) {
                conflicts = true;
                break;
            }
            kept.add(&edit.range);
            added.push(edit.range.clone());
        }
        if conflicts {
            for range in &added {
                kept.remove(range);
            }
            continue;
        }
        kept.edits.extend(new.iter().map(|edit| (*edit).clone()));
        edits.extend(new.into_iter().cloned());
        applied.push(index);
    }
    if edits.is_empty() {
        return Ok(None);
    }
    edits.sort_by_key(|e| (e.range.start, e.range.end));
    let bytes = splice(source, decoded, &edits)?;
    verify(&bytes, decoded, &edits)?;
    Ok(Some(Fixed { bytes, applied }))
}

/// The edits accepted so far, indexed so that whether a new one conflicts with one of them is a
/// look at its neighbours: a page with thousands of fixes made the pairwise check quadratic.
#[derive(Default)]
struct Kept {
    edits: std::collections::HashSet<Edit>,
    /// Removals and replacements, by start; they never share a byte, so their ends grow with
    /// their starts.
    spans: std::collections::BTreeMap<usize, usize>,
    /// Insertion points, with how many insertions stand at each.
    points: std::collections::BTreeMap<usize, usize>,
}

impl Kept {
    /// Whether `range` conflicts with a kept edit, as `conflict` says (the pairwise rule, kept for the tests).
    fn conflicts_with(&self, range: &Range<usize>) -> bool {
        if range.is_empty() {
            let point = range.start;
            return self
                .spans
                .range(..point)
                .next_back()
                .is_some_and(|(_, &end)| point < end);
        }
        let shares_a_byte = self
            .spans
            .range(..range.end)
            .next_back()
            .is_some_and(|(_, &end)| range.start < end);
        shares_a_byte
            || self
                .points
                .range(range.start + 1..range.end)
                .next()
                .is_some()
    }

    fn add(&mut self, range: &Range<usize>) {
        match range.is_empty() {
            true => *self.points.entry(range.start).or_default() += 1,
            false => {
                self.spans.insert(range.start, range.end);
            }
        }
    }

    fn remove(&mut self, range: &Range<usize>) {
        if !range.is_empty() {
            self.spans.remove(&range.start);
        } else if let Some(count) = self.points.get_mut(&range.start) {
            *count -= 1;
            if *count == 0 {
                self.points.remove(&range.start);
            }
        }
    }
}

/// Two ranges share a byte, or an insertion falls strictly inside a removal: the rule [`Kept`]
/// answers for a whole set at once, kept here to test it against.
#[cfg(test)]
fn conflict(a: &Range<usize>, b: &Range<usize>) -> bool {
    if a.is_empty() || b.is_empty() {
        let (point, other) = if a.is_empty() {
            (a.start, b)
        } else {
            (b.start, a)
        };
        return other.start < point && point < other.end;
    }
    a.start < b.end && b.start < a.end
}

fn splice(source: &[u8], decoded: &Decoded, edits: &[Edit]) -> Result<Vec<u8>, FixError> {
    let encoding = decoded.encoding;
    let encoded_len = |text: &str| -> Result<usize, FixError> {
        if encoding == encoding_rs::UTF_8 {
            return Ok(text.len());
        }
        encoding::encode(encoding, text)
            .map(|bytes| bytes.len())
            .ok_or_else(|| FixError::Unencodable(text.into(), encoding.name()))
    };
    let mut out = Vec::with_capacity(source.len() + 64);
    let mut source_pos = decoded.bom_len;
    let mut text_pos = 0;
    out.extend_from_slice(&source[..source_pos]);
    for edit in edits {
        let kept = encoded_len(&decoded.text[text_pos..edit.range.start])?;
        out.extend_from_slice(&source[source_pos..source_pos + kept]);
        source_pos += kept + encoded_len(&decoded.text[edit.range.clone()])?;
        let replacement = encoding::encode(encoding, &edit.replacement)
            .ok_or_else(|| FixError::Unencodable(edit.replacement.clone(), encoding.name()))?;
        out.extend_from_slice(&replacement);
        text_pos = edit.range.end;
    }
    out.extend_from_slice(&source[source_pos..]);
    Ok(out)
}

fn verify(bytes: &[u8], decoded: &Decoded, edits: &[Edit]) -> Result<(), FixError> {
    let mut expected = String::with_capacity(decoded.text.len() + 64);
    let mut pos = 0;
    for edit in edits {
        expected.push_str(&decoded.text[pos..edit.range.start]);
        expected.push_str(&edit.replacement);
        pos = edit.range.end;
    }
    expected.push_str(&decoded.text[pos..]);
    let body = bytes.get(decoded.bom_len..).ok_or(FixError::Verification)?;
    match encoding::strict_decode(decoded.encoding, body) {
        Some(text) if text == expected => Ok(()),
        _ => Err(FixError::Verification),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kept_edits_conflict_as_the_pairwise_rule_says() {
        // Every small range against every set built by adding ranges that fit.
        let ranges: Vec<Range<usize>> = (0..6)
            .flat_map(|start| (start..6).map(move |end| start..end))
            .collect();
        for first in &ranges {
            for second in &ranges {
                let mut kept = Kept::default();
                let mut added: Vec<&Range<usize>> = Vec::new();
                for range in [first, second] {
                    if !added.iter().any(|a| conflict(a, range)) {
                        kept.add(range);
                        added.push(range);
                    }
                }
                for query in &ranges {
                    let pairwise = added.iter().any(|a| conflict(a, query));
                    assert_eq!(kept.conflicts_with(query), pairwise, "{added:?} {query:?}");
                }
            }
        }
    }

    use crate::diagnostics::{Applicability, Kind, Severity};

    fn finding(edits: Vec<Edit>) -> Finding {
        Finding {
            rule: "r".into(),
            span: 0..0,
            kind: Kind::RadioLabel,
            severity: Severity::Error,
            message: String::new(),
            applicability: Applicability::Safe,
            edits,
        }
    }

    #[test]
    fn euc_kr_splice_keeps_other_bytes() {
        let page = "외환,삼성,제주<br>\r\n비씨,국민<br>\r\n";
        let source = encoding::encode(encoding_rs::EUC_KR, page).unwrap();
        let decoded = crate::source::encoding::decode(
            &source,
            crate::source::encoding::EncodingChoice::EucKr,
        )
        .unwrap();
        let jeju = page.find(",제주").unwrap();
        let isp_end = page.find("국민").unwrap() + "국민".len();
        let findings = [finding(vec![
            Edit {
                range: jeju..jeju + ",제주".len(),
                replacement: String::new(),
            },
            Edit {
                range: isp_end..isp_end,
                replacement: ",제주".into(),
            },
        ])];
        let fixed = apply(&source, &decoded, &findings, false).unwrap().unwrap();
        let expected = encoding::encode(
            encoding_rs::EUC_KR,
            "외환,삼성<br>\r\n비씨,국민,제주<br>\r\n",
        )
        .unwrap();
        assert_eq!(fixed.bytes, expected);
        assert_eq!(fixed.applied, [0]);
    }

    #[test]
    fn a_fix_whose_own_edits_overlap_is_left_out() {
        let source = b"abcdef".to_vec();
        let decoded =
            crate::source::encoding::decode(&source, crate::source::encoding::EncodingChoice::Utf8)
                .unwrap();
        let edit = |range: Range<usize>, replacement: &str| Edit {
            range,
            replacement: replacement.into(),
        };
        let findings = [
            finding(vec![edit(1..3, ""), edit(2..4, "x")]),
            finding(vec![edit(5..6, "F")]),
        ];
        let fixed = apply(&source, &decoded, &findings, false).unwrap().unwrap();
        assert_eq!(fixed.bytes, b"abcdeF");
        assert_eq!(fixed.applied, [1]);
    }

    #[test]
    fn overlapping_fixes_are_left_out() {
        let source = b"abcdef".to_vec();
        let decoded =
            crate::source::encoding::decode(&source, crate::source::encoding::EncodingChoice::Utf8)
                .unwrap();
        let remove = |range: Range<usize>| Edit {
            range,
            replacement: String::new(),
        };
        let findings = [finding(vec![remove(1..3)]), finding(vec![remove(2..4)])];
        let fixed = apply(&source, &decoded, &findings, false).unwrap().unwrap();
        assert_eq!(fixed.bytes, b"adef");
        assert_eq!(fixed.applied, [0]);
    }
}
