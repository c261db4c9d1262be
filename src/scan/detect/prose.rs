//! Form 9: help and notice text that names the card as a card of the scheme it left.
//!
//! ```text
//! 외환, 삼성, 현대, 신한, 롯데, 수협, 제주, 조흥 카드사가 시행하는 안심클릭 서비스를 …
//! ```
//! Prose is stale but not a choice a buyer acts on, so it is a `warning`. A sentence that also
//! names the new scheme (a migration notice) is not stale. When the card is an item of a
//! comma-separated run of cards, removing it is offered as an unsafe fix: rewording is the
//! author's call. A bare `제주` outside a run of cards (`… 안심클릭 … , 제주 지역은 배송이 …`) is
//! the island, not the card: only `제주카드` (a suffix) or a place among other cards names it.

use std::ops::Range;

use super::{Reported, text_list};
use crate::diagnostics::{Applicability, Edit, Finding, Kind, Severity};
use crate::rules::Rule;
use crate::scan::page::Page;

const SENTENCE_ENDS: &[char] = &['.', '。', '!', '?', '\n'];

/// Whether two ranges share a byte (an empty range shares none).
fn strictly_overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

/// Prose findings for tokens no other form has reported (`reported` holds their spans).
pub(super) fn findings(page: &Page, rule: &Rule, reported: &Reported) -> Vec<Finding> {
    let tree = &page.tree;
    let mut findings = Vec::new();
    for (id, node) in tree.nodes.iter().enumerate() {
        if !page.is_shown_text(id) {
            continue;
        }
        for sentence in page.split_at(node.range.clone(), SENTENCE_ENDS) {
            findings.extend(sentence_findings(page, rule, sentence, reported));
        }
    }
    findings
}

fn sentence_findings(
    page: &Page,
    rule: &Rule,
    sentence: Range<usize>,
    reported: &Reported,
) -> Vec<Finding> {
    let text = page.visible(sentence.clone());
    // Most sentences name no card: look for the card before decoding for scheme titles.
    let tokens = rule.card.tokens(text);
    if tokens.is_empty() {
        return Vec::new();
    }
    let decoded = crate::rules::charref::decode(text);
    if !rule.from.names_label(&decoded) || rule.to.names_label(&decoded) {
        return Vec::new();
    }
    tokens
        .into_iter()
        .map(|t| sentence.start + t.start..sentence.start + t.end)
        .filter(|token| !reported.overlaps_any(token, strictly_overlaps))
        .filter_map(|token| {
            let removal = text_list::item_removal(page, rule, sentence.clone(), &token);
            // A bare `제주` outside a run of cards is as often the island as the card: the
            // sentence names the card only by its suffix (`제주카드`) or among other cards.
            let in_sentence = token.start - sentence.start..token.end - sentence.start;
            if removal.is_none() && !rule.card.is_suffixed(text, in_sentence) {
                return None;
            }
            let (advice, applicability, edits) = match removal {
                Some(range) => (
                    "fix (unsafe): remove it from this list of cards, or reword the text",
                    Applicability::Unsafe,
                    vec![Edit {
                        range,
                        replacement: String::new(),
                    }],
                ),
                None => (
                    "it is not an item of a run of card names here, so reword this text by hand",
                    Applicability::None,
                    Vec::new(),
                ),
            };
            Some(Finding {
                rule: rule.id.clone(),
                span: token,
                kind: Kind::Prose,
                severity: Severity::Warning,
                message: super::plan::prose_message(rule, advice),
                applicability,
                edits,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules;

    fn finding_count(html: &str) -> usize {
        let rule = rules::embedded().unwrap().remove(0);
        let page = Page::parse(html).unwrap();
        findings(&page, &rule, &Reported::default()).len()
    }

    #[test]
    fn a_bare_jeju_outside_a_card_run_is_the_island() {
        assert_eq!(
            finding_count(
                "<p>안심클릭 비밀번호를 틀리면 카드사에 문의하시고, 제주/도서산간 지역은 배송비가 추가됩니다.</p>"
            ),
            0
        );
        assert_eq!(
            finding_count("<p>안심클릭 결제 후 제주 지역은 출고가 하루 늦어질 수 있습니다.</p>"),
            0
        );
    }

    #[test]
    fn jeju_named_as_a_card_or_among_cards_is_reported() {
        assert_eq!(
            finding_count("<p>제주카드 고객님은 안심클릭 창에서 비밀번호를 입력해 주세요.</p>"),
            1
        );
        assert_eq!(
            finding_count("<p>제주 카드사 회원님은 안심클릭으로 결제합니다.</p>"),
            1
        );
        assert_eq!(
            finding_count("<p>외환, 삼성, 제주 카드사가 시행하는 안심클릭 서비스입니다.</p>"),
            1
        );
    }
}
