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
//! from the original file by `crate::fix::splice`, which checks that too before anything is written.
//!
//! A page with more groups than [`PROVEN_ONE_BY_ONE`] (only a generated or hostile page has
//! that many) cannot afford a rescan per group: its groups are proven together, and only a
//! batch that fails is split in halves and proven again, within a fixed number of rescans
//! ([`BATCH_RESCANS`]). A batch proves that its fixes read right applied together, which is
//! how `fix` applies them; the scan of `fix` checks again that the whole page converges.
//!
//! A fix that fails is offered as `unsafe`, with the reason in its message: a reviewer decides.
//! Every page the forms read is proven on its own: markup built in script strings is proven
//! on the page those strings build, before its findings are placed in the script.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use super::{Detection, ListView};
use crate::diagnostics::{Applicability, Edit, Finding, Kind};
use crate::rules::Side;
use crate::scan::page::Page;

/// How a rewritten page is scanned again: the same forms that made the findings.
pub(super) type Rescan<'r> = dyn Fn(&Page) -> Detection + 'r;

/// A page rewritten with a group's edits, parsed, and what [`Rescan`] read on it.
pub(super) type Rewritten = (Page, Detection);

/// Up to this many groups, each is proven alone (every hand-written page has a few).
const PROVEN_ONE_BY_ONE: usize = 8;

/// How many rescans the batched proof of a page with more groups may spend: one proves every
/// group when they all hold; a failing group costs about two per halving that isolates it.
const BATCH_RESCANS: usize = 16;

/// Checks every safe fix of `detection` (made on `page`) and downgrades to
/// `unsafe` the ones that cannot be shown right. Returns the rewritten page of the proof that
/// applied every safe fix at once (a page with one group, or a batch), whatever its verdict:
/// `fix` applies the same fixes and rescans that very page.
pub(super) fn prove_safe_fixes(
    page: &Page,
    detection: &mut Detection,
    rescan: &Rescan,
) -> Option<Rewritten> {
    // Every group is proven against the findings as detected: a rescan does not know of
    // another group's downgrade, so downgrading between proofs would fail the next group.
    let groups = safe_groups(&detection.findings);
    let mut with_every_fix = None;
    let failed: Vec<(Vec<usize>, &str)> = if groups.len() <= PROVEN_ONE_BY_ONE {
        let alone = groups.len() == 1;
        groups
            .into_iter()
            .filter_map(|group| {
                let (verdict, rewritten) = prove(page, detection, &group, rescan);
                if alone {
                    with_every_fix = rewritten;
                }
                Some((group, verdict.err()?))
            })
            .collect()
    } else {
        let mut failed = Vec::new();
        let mut rescans = BATCH_RESCANS;
        with_every_fix = prove_batch(page, detection, &groups, rescan, &mut rescans, &mut failed);
        failed
    };
    for (group, reason) in failed {
        for index in group {
            let finding = &mut detection.findings[index];
            finding.applicability = Applicability::Unsafe;
            finding.message.push_str(&format!(
                "; the fix could not be proven safe ({reason}), so it is offered as unsafe"
            ));
        }
    }
    with_every_fix
}

/// Proves `groups` together; when that fails, each half again while `rescans` last. A batch
/// left unproven when they run out fails whole. Returns the page rewritten with the whole
/// batch, unless it had to be split (the halves' pages are not kept: on a page this large,
/// holding one per level of the split would multiply its memory).
fn prove_batch(
    page: &Page,
    detection: &Detection,
    groups: &[Vec<usize>],
    rescan: &Rescan,
    rescans: &mut usize,
    failed: &mut Vec<(Vec<usize>, &'static str)>,
) -> Option<Rewritten> {
    if *rescans == 0 {
        failed.push((
            groups.concat(),
            "too many fixes on this page to prove each one",
        ));
        return None;
    }
    *rescans -= 1;
    let batch = groups.concat();
    let (verdict, rewritten) = prove(page, detection, &batch, rescan);
    let Err(reason) = verdict else {
        return rewritten;
    };
    if groups.len() == 1 {
        failed.push((batch, reason));
        return rewritten;
    }
    drop(rewritten);
    let (first, second) = groups.split_at(groups.len() / 2);
    prove_batch(page, detection, first, rescan, rescans, failed);
    prove_batch(page, detection, second, rescan, rescans, failed);
    None
}

/// The safe fixes grouped by the edit that adds the card (one selection's findings share
/// it); a fix that adds nothing is a group of its own.
fn safe_groups(findings: &[Finding]) -> Vec<Vec<usize>> {
    let mut groups: Vec<Vec<usize>> = Vec::new();
    // A hash of the insertions met so far: a page may have thousands of groups.
    let mut by_insertion: HashMap<&Edit, usize> = HashMap::new();
    for (index, finding) in findings.iter().enumerate() {
        if finding.applicability != Applicability::Safe || finding.edits.is_empty() {
            continue;
        }
        let insertion = finding.edits.iter().find(|edit| edit.range.is_empty());
        match insertion.and_then(|edit| by_insertion.get(edit)) {
            Some(&group) => groups[group].push(index),
            None => {
                if let Some(edit) = insertion {
                    by_insertion.insert(edit, groups.len());
                }
                groups.push(vec![index]);
            }
        }
    }
    groups
}

/// Whether the fixes of `group` read right, and the page rewritten with them (`None` when
/// the edits were refused before any rewrite).
fn prove(
    page: &Page,
    detection: &Detection,
    group: &[usize],
    rescan: &Rescan,
) -> (Result<(), &'static str>, Option<Rewritten>) {
    let edits = match edits_inside_lists(detection, group) {
        Ok(edits) => edits,
        Err(reason) => return (Err(reason), None),
    };
    let rewrite = Rewrite::new(&page.text, &edits);
    let Ok(fixed_page) = Page::parse_as(&rewrite.text, page.kind) else {
        return (Err("the fixed page does not parse"), None);
    };
    let read = rescan(&fixed_page);
    let verdict = reads_right(detection, group, &rewrite, &read);
    (verdict, Some((fixed_page, read)))
}

/// The distinct edits of `group` in page order, when they do not overlap and (for markup
/// forms) each stays inside its list.
fn edits_inside_lists<'d>(
    detection: &'d Detection,
    group: &[usize],
) -> Result<Vec<&'d Edit>, &'static str> {
    let findings = &detection.findings;
    let mut seen: HashSet<&Edit> = HashSet::new();
    let mut edits: Vec<&Edit> = group
        .iter()
        .flat_map(|&i| &findings[i].edits)
        .filter(|edit| seen.insert(edit))
        .collect();
    edits.sort_by_key(|edit| (edit.range.start, edit.range.end));
    if edits
        .windows(2)
        .any(|pair| pair[1].range.start < pair[0].range.end)
    {
        return Err("its edits overlap");
    }
    if lists_matter(detection, group) {
        stays_inside_lists(&edits, &detection.lists)?;
    }
    Ok(edits)
}

/// Script routing has no lists to point at: there the rescan is the whole proof.
fn lists_matter(detection: &Detection, group: &[usize]) -> bool {
    group
        .iter()
        .all(|&i| detection.findings[i].kind != Kind::Script)
}

/// Whether the page rewritten with `group`'s edits reads as the fix promises: the added card
/// in an ISP list, and exactly the page's other findings (`rescan` is what the forms read on
/// the rewritten page).
fn reads_right(
    detection: &Detection,
    group: &[usize],
    rewritten: &Rewrite,
    rescan: &Detection,
) -> Result<(), &'static str> {
    let findings = &detection.findings;
    if lists_matter(detection, group) {
        let mut to_tokens: Vec<usize> = rescan
            .lists
            .iter()
            .filter(|list| list.side == Side::To)
            .flat_map(|list| list.tokens.iter().map(|t| t.start))
            .collect();
        to_tokens.sort_unstable();
        for added in rewritten.inserted() {
            // The card's token starts in the inserted text; it may end past it, in the suffix
            // the run shares and already wrote (`우리카드` → `우리, 제주카드`).
            let first = to_tokens.partition_point(|&start| start < added.start);
            let listed = to_tokens.get(first).is_some_and(|&start| start < added.end);
            if !listed {
                return Err("the added card is not read as an item of the ISP list");
            }
        }
    }

    // A finding is the same when it stands at the same token, of the same kind, with the same
    // fix: a fix that changes another finding's fix changed what the rest of the page reads,
    // and a second run would act on it.
    let mut in_group = vec![false; findings.len()];
    for &i in group {
        in_group[i] = true;
    }
    // In page order (findings are), so a rescan's finding looks only at those at its token.
    let others: Vec<(usize, &Finding)> = findings
        .iter()
        .enumerate()
        .filter(|(i, _)| !in_group[*i])
        .map(|(_, f)| (f.span.start, f))
        .collect();
    debug_assert!(others.is_sorted_by_key(|other| other.0));
    let mut matched = vec![false; others.len()];
    for finding in &rescan.findings {
        let start = rewritten
            .original_offset(finding.span.start)
            .ok_or("the fixed page reports the added text")?;
        let same_token =
            |other: &(usize, &Finding)| other.0 == start && other.1.kind == finding.kind;
        let at = others.partition_point(|other| other.0 < start);
        let same = others[at..]
            .iter()
            .take_while(|other| other.0 == start)
            .enumerate()
            .map(|(i, other)| (at + i, other))
            .find(|(i, other)| !matched[*i] && same_token(other) && other.1.same_fix(finding));
        match same {
            Some((i, _)) => matched[i] = true,
            None if others[at..]
                .iter()
                .take_while(|other| other.0 == start)
                .any(same_token) =>
            {
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
    let from = Extents::of(lists, Side::From);
    let to = Extents::of(lists, Side::To);
    for edit in edits {
        let range = &edit.range;
        let inside = match range.is_empty() {
            true => to.hold(range),
            false => from.hold(range),
        };
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

/// The extents of one side's lists, by start, each with the furthest end of the lists that
/// start no later: whether some list holds a range is then one binary search, however many
/// lists and edits a page has.
struct Extents {
    starts: Vec<usize>,
    furthest_end: Vec<usize>,
}

impl Extents {
    fn of(lists: &[ListView], side: Side) -> Extents {
        let mut extents: Vec<&Range<usize>> = lists
            .iter()
            .filter(|list| list.side == side)
            .map(|list| &list.extent)
            .collect();
        extents.sort_by_key(|extent| extent.start);
        let mut furthest = 0;
        Extents {
            starts: extents.iter().map(|extent| extent.start).collect(),
            furthest_end: extents
                .iter()
                .map(|extent| {
                    furthest = furthest.max(extent.end);
                    furthest
                })
                .collect(),
        }
    }

    /// Whether one of the lists starts at or before `range` and ends at or after it.
    fn hold(&self, range: &Range<usize>) -> bool {
        match self.starts.partition_point(|&start| start <= range.start) {
            0 => false,
            n => self.furthest_end[n - 1] >= range.end,
        }
    }
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
        // Spans are disjoint and in order: only the last one starting at or before `offset`
        // can hold it, and the shift is the one after that span.
        let shift = match self.spans.partition_point(|(new, _)| new.start <= offset) {
            0 => 0,
            n => {
                let (new, old) = &self.spans[n - 1];
                if offset < new.end {
                    return None;
                }
                old.end as isize - new.end as isize
            }
        };
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
            crate::scan::detect::settle(
                page,
                &rule,
                crate::scan::detect::form_detection(page, &rule),
            )
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
            crate::scan::detect::settle(
                page,
                &rule,
                crate::scan::detect::form_detection(page, &rule),
            )
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
