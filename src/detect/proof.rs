//! Proving each safe fix before it is offered as safe.
//!
//! A fix is `safe` only when the code shows it right, page by page. The findings of one
//! selection share the edit that adds the card to its `to` list, so they are proved together:
//! the page is rewritten with their edits alone, parsed and scanned again, and the fix stays
//! `safe` only when
//! - every edit stays inside the list it changes: a removal inside a `from` list, an insertion
//!   inside or at the end of a `to` list;
//! - the rewritten page shows the card in a `to` list, at the inserted text;
//! - the rescan reports exactly the page's other findings: the card is in no `from` list any
//!   more, and nothing new appears (the card listed nowhere, a list that no longer reads as one).
//!
//! Script routing has no lists to point at; there the rescan is the proof, since the script
//! form reports an ISP array or chain that lacks the card. Bytes outside the edits are copied
//! from the original file by `crate::fix`, which checks that too before anything is written.
//!
//! A fix that fails is offered as `unsafe`, with the reason in its message: a reviewer decides.
//! Every page the forms read is proven on its own: markup built in script strings is proven
//! on the page those strings build, before its findings are placed in the script.

use std::ops::Range;

use super::{Applicability, Detection, Edit, Finding, Kind, ListView};
use crate::page::Page;
use crate::rules::Side;

/// How a rewritten page is scanned again: the same forms that made the findings.
pub(super) type Rescan<'r> = dyn Fn(&Page) -> Detection + 'r;

/// Checks every safe fix of `detection` (made on `page`) and downgrades to
/// `unsafe` the ones that cannot be shown right.
pub(super) fn prove_safe_fixes(page: &Page, detection: &mut Detection, rescan: &Rescan) {
    // Every group is proven against the findings as detected: a rescan does not know of
    // another group's downgrade, so downgrading between proofs would fail the next group.
    let failed: Vec<(Vec<usize>, &str)> = safe_groups(&detection.findings)
        .into_iter()
        .filter_map(|group| {
            let reason = prove(page, detection, &group, rescan).err()?;
            Some((group, reason))
        })
        .collect();
    for (group, reason) in failed {
        for index in group {
            let finding = &mut detection.findings[index];
            finding.applicability = Applicability::Unsafe;
            finding.message.push_str(&format!(
                "; the fix could not be proven safe ({reason}), so it is offered as unsafe"
            ));
        }
    }
}

/// The safe fixes grouped by the edit that adds the card (one selection's findings share
/// it); a fix that adds nothing is a group of its own.
fn safe_groups(findings: &[Finding]) -> Vec<Vec<usize>> {
    let mut groups: Vec<(Option<&Edit>, Vec<usize>)> = Vec::new();
    for (index, finding) in findings.iter().enumerate() {
        if finding.applicability != Applicability::Safe || finding.edits.is_empty() {
            continue;
        }
        let insertion = finding.edits.iter().find(|edit| edit.range.is_empty());
        match groups
            .iter_mut()
            .find(|(key, _)| insertion.is_some() && *key == insertion)
        {
            Some((_, members)) => members.push(index),
            None => groups.push((insertion, vec![index])),
        }
    }
    groups.into_iter().map(|(_, members)| members).collect()
}

fn prove(
    page: &Page,
    detection: &Detection,
    group: &[usize],
    rescan: &Rescan,
) -> Result<(), &'static str> {
    let findings = &detection.findings;
    let mut edits: Vec<&Edit> = Vec::new();
    for edit in group.iter().flat_map(|&i| &findings[i].edits) {
        if !edits.contains(&edit) {
            edits.push(edit);
        }
    }
    edits.sort_by_key(|edit| (edit.range.start, edit.range.end));
    if edits
        .windows(2)
        .any(|pair| pair[1].range.start < pair[0].range.end)
    {
        return Err("its edits overlap");
    }
    let lists_matter = group.iter().all(|&i| findings[i].kind != Kind::Script);
    if lists_matter {
        stays_inside_lists(&edits, &detection.lists)?;
    }

    let rewritten = Rewrite::new(page.text, &edits);
    let fixed_page =
        Page::parse_as(&rewritten.text, page.kind).map_err(|_| "the fixed page does not parse")?;
    let rescan = rescan(&fixed_page);

    if lists_matter {
        for added in rewritten.inserted() {
            // The card's token starts in the inserted text; it may end past it, in the suffix
            // the run shares and already wrote (`우리카드` → `우리, 제주카드`).
            let listed = rescan.lists.iter().any(|list| {
                list.side == Side::To && list.tokens.iter().any(|t| added.contains(&t.start))
            });
            if !listed {
                return Err("the added card is not read as an item of the ISP list");
            }
        }
    }

    // A finding is the same when it stands at the same token, of the same kind, with the same
    // fix: a fix that changes another finding's fix changed what the rest of the page reads,
    // and a second run would act on it.
    let others: Vec<(usize, &Finding)> = findings
        .iter()
        .enumerate()
        .filter(|(i, _)| !group.contains(i))
        .map(|(_, f)| (f.span.start, f))
        .collect();
    let mut matched = vec![false; others.len()];
    for finding in &rescan.findings {
        let start = rewritten
            .original_offset(finding.span.start)
            .ok_or("the fixed page reports the added text")?;
        let same_token =
            |other: &(usize, &Finding)| other.0 == start && other.1.kind == finding.kind;
        let same = others
            .iter()
            .enumerate()
            .find(|(i, other)| !matched[*i] && same_token(other) && other.1.same_fix(finding));
        match same {
            Some((i, _)) => matched[i] = true,
            None if others.iter().any(same_token) => {
                return Err("it changes how another finding of the page would be fixed");
            }
            None => {
                return Err(
                    "the fixed page still lists the card under MPI or reports something new",
                );
            }
        }
    }
    if matched.contains(&false) {
        return Err("the fixed page no longer reads another finding's list");
    }
    Ok(())
}

/// Every removal inside a `from` list, every insertion inside or at the end of a `to` list.
fn stays_inside_lists(edits: &[&Edit], lists: &[ListView]) -> Result<(), &'static str> {
    for edit in edits {
        let range = &edit.range;
        let inside = lists.iter().any(|list| {
            let within = list.extent.start <= range.start && range.end <= list.extent.end;
            match range.is_empty() {
                true => list.side == Side::To && within,
                false => list.side == Side::From && within,
            }
        });
        if !inside {
            return Err(if range.is_empty() {
                "the card would be added outside the ISP list"
            } else {
                "the removal reaches outside the MPI list"
            });
        }
    }
    Ok(())
}

/// The page's text with some edits applied, and the way back to the original's offsets.
struct Rewrite {
    text: String,
    /// Each edit's range in the rewritten text, with the original range it replaced.
    spans: Vec<(Range<usize>, Range<usize>)>,
}

impl Rewrite {
    /// Applies `edits` (sorted, disjoint) to `original`.
    fn new(original: &str, edits: &[&Edit]) -> Rewrite {
        let mut text = String::with_capacity(original.len() + 64);
        let mut spans = Vec::with_capacity(edits.len());
        let mut pos = 0;
        for edit in edits {
            text.push_str(&original[pos..edit.range.start]);
            let start = text.len();
            text.push_str(&edit.replacement);
            spans.push((start..text.len(), edit.range.clone()));
            pos = edit.range.end;
        }
        text.push_str(&original[pos..]);
        Rewrite { text, spans }
    }

    /// Where the inserted texts stand in the rewritten text.
    fn inserted(&self) -> impl Iterator<Item = Range<usize>> + '_ {
        self.spans
            .iter()
            .filter(|(new, _)| !new.is_empty())
            .map(|(new, _)| new.clone())
    }

    /// The original offset of a rewritten offset; `None` inside inserted text.
    fn original_offset(&self, offset: usize) -> Option<usize> {
        let mut shift: isize = 0;
        for (new, old) in &self.spans {
            if offset < new.start {
                break;
            }
            if offset < new.end {
                return None;
            }
            shift = old.end as isize - new.end as isize;
        }
        Some((offset as isize + shift) as usize)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edit(range: Range<usize>, replacement: &str) -> Edit {
        Edit {
            range,
            replacement: replacement.into(),
        }
    }

    #[test]
    fn the_same_fix_is_the_same_standing_and_texts_wherever_it_moved() {
        let finding = |applicability, edits| Finding {
            rule: "r".into(),
            span: 0..0,
            kind: Kind::TextList,
            severity: crate::rules::Severity::Error,
            message: String::new(),
            applicability,
            edits,
        };
        let fix = finding(
            Applicability::Unsafe,
            vec![edit(3..9, ""), edit(20..20, ", 제주")],
        );
        let moved = finding(
            Applicability::Unsafe,
            vec![edit(13..19, ""), edit(30..30, ", 제주")],
        );
        assert!(fix.same_fix(&moved));
        let now_safe = finding(
            Applicability::Safe,
            vec![edit(3..9, ""), edit(20..20, ", 제주")],
        );
        assert!(!fix.same_fix(&now_safe));
        let removal_only = finding(Applicability::Unsafe, vec![edit(3..9, "")]);
        assert!(!fix.same_fix(&removal_only));
    }

    #[test]
    fn offsets_map_back_around_removals_and_insertions() {
        let original = "ab,cd|ef";
        let remove = edit(2..5, "");
        let insert = edit(8..8, ",xy");
        let rewrite = Rewrite::new(original, &[&remove, &insert]);
        assert_eq!(rewrite.text, "ab|ef,xy");
        assert_eq!(rewrite.original_offset(0), Some(0));
        assert_eq!(rewrite.original_offset(2), Some(5));
        assert_eq!(rewrite.original_offset(4), Some(7));
        assert_eq!(rewrite.original_offset(6), None);
        let inserted: Vec<Range<usize>> = rewrite.inserted().collect();
        assert_eq!(inserted, vec![5..8]);
    }

    #[test]
    fn a_card_added_before_the_runs_shared_suffix_is_proven() {
        let rule = crate::rules::embedded().unwrap().remove(0);
        // `, 제주` goes in before `카드`: the added token `제주카드` ends past the insertion.
        let text =
            "<h4>안심클릭</h4><p>삼성, 현대, 제주</p><h4>안전결제</h4><p>국민, 비씨, 우리카드</p>";
        let page = Page::parse(text).unwrap();
        let detect = |page: &Page| {
            crate::detect::settle(page, &rule, crate::detect::form_detection(page, &rule))
        };
        let mut detection = detect(&page);
        assert_eq!(detection.findings.len(), 1);
        let at = text.find("우리").unwrap() + "우리".len();
        assert_eq!(detection.findings[0].edits[1], edit(at..at, ", 제주"));
        prove_safe_fixes(&page, &mut detection, &detect);
        let finding = &detection.findings[0];
        assert_eq!(
            finding.applicability,
            Applicability::Safe,
            "{}",
            finding.message
        );
    }

    #[test]
    fn an_insertion_outside_every_isp_list_is_not_proven() {
        let rule = crate::rules::embedded().unwrap().remove(0);
        // An ISP list the detectors cannot see: the card would be removed and added nowhere.
        let text = "<h4>안심클릭</h4><p>삼성, 현대, 제주</p>";
        let page = Page::parse(text).unwrap();
        let detect = |page: &Page| {
            crate::detect::settle(page, &rule, crate::detect::form_detection(page, &rule))
        };
        let mut detection = detect(&page);
        let jeju = text.find("제주").unwrap();
        detection.findings = vec![Finding {
            rule: rule.id.clone(),
            span: jeju..jeju + "제주".len(),
            kind: Kind::TextList,
            severity: rule.severity,
            message: String::new(),
            applicability: Applicability::Safe,
            edits: vec![
                edit(jeju - ", ".len()..jeju + "제주".len(), ""),
                edit(text.len()..text.len(), "<p>제주</p>"),
            ],
        }];
        prove_safe_fixes(&page, &mut detection, &detect);
        let finding = &detection.findings[0];
        assert_eq!(finding.applicability, Applicability::Unsafe);
        assert!(
            finding.message.contains("outside the ISP list"),
            "{}",
            finding.message
        );
    }
}
