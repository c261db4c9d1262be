//! Form 9: help and notice text that names the card as a card of the scheme it left.
//!
//! ```text
//! 외환, 삼성, 현대, 신한, 롯데, 수협, 제주, 조흥 카드사가 시행하는 안심클릭 서비스를 …
//! ```
//! Prose is stale but not a choice a buyer acts on, so it is a `warning`. A sentence that also
//! names the new scheme (a migration notice) is not stale. When the card is an item of a
//! comma-separated run of cards, removing it is offered as an unsafe fix: rewording is the
//! author's call.

use std::ops::Range;

use super::{Applicability, Edit, Finding, Kind, text_list};
use crate::page::Page;
use crate::rules::{Rule, Severity};

const SENTENCE_ENDS: &[char] = &['.', '。', '!', '?', '\n'];

/// Prose findings for tokens no other form has reported (`reported` holds their spans).
pub(super) fn findings(page: &Page, rule: &Rule, reported: &[Range<usize>]) -> Vec<Finding> {
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
    reported: &[Range<usize>],
) -> Vec<Finding> {
    let text = page.visible(sentence.clone());
    // Most sentences name no card: look for the card before decoding for scheme titles.
    let tokens = rule.card.tokens(text);
    if tokens.is_empty() {
        return Vec::new();
    }
    let decoded = crate::charref::decode(text);
    if !rule.from.names_label(&decoded) || rule.to.names_label(&decoded) {
        return Vec::new();
    }
    tokens
        .into_iter()
        .map(|t| sentence.start + t.start..sentence.start + t.end)
        .filter(|token| {
            !reported
                .iter()
                .any(|r| r.start < token.end && token.start < r.end)
        })
        .filter_map(|token| {
            let removal = text_list::item_removal(page, rule, sentence.clone(), &token);
            // A bare `제주` outside a run of cards is the place as often as the card (`제주
            // 지역은 배송이 …` beside an 안심클릭 tip): only a named card (`제주카드`) or a run
            // item says the text lists the card.
            let names_card = rule.card.suffix_of(&page.text[token.clone()]).is_some();
            if removal.is_none() && !names_card {
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
