//! Script arrays of card codes or names, named after the scheme they serve.
//!
//! ```js
//! var MPI_CARDS = ['0300', '0400', '13'];
//! var ISP_CARDS = new Array("0100", "0204", "1800");
//! ```
//! The card in an array named for the `from` scheme is reported; the fix removes it there and,
//! when the page has exactly one array named for the `to` scheme, adds it there in that array's
//! quoting. Arrays are also what membership routes (`ISP_CARDS.indexOf(code)`) read.

use std::ops::Range;

use super::codes::Codes;
use super::literals::{Element, Literal};
use super::{finding, last_separator, removal_in_run};
use crate::diagnostics::{Edit, Finding};
use crate::rules::{Rule, Side};
use crate::scan::page::Page;

/// A literal array of card codes or card names.
pub(super) struct Array<'l> {
    /// The name it is assigned to (the last part of `obj.name`).
    pub name: &'l str,
    pub side: Option<Side>,
    pub elements: &'l [Element],
    /// Whether it lists the rule's card (by code or name).
    pub has_card: bool,
}

/// The literal arrays that list card codes or card names, with the scheme their name serves.
pub(super) fn find<'l>(
    page: &Page,
    rule: &Rule,
    literals: &'l [Literal],
    codes: &Codes,
) -> Vec<Array<'l>> {
    let mut arrays = Vec::new();
    for literal in literals {
        let inners: Vec<&str> = literal.elements.iter().map(|e| e.inner(page)).collect();
        let of_codes = inners.iter().all(|i| codes.is_card(i));
        let of_names = rule.card.is_card_list(&inners);
        if !(of_codes || of_names) {
            continue;
        }
        let has_card = inners
            .iter()
            .any(|i| codes.is_jeju(i) || !rule.card.tokens(i).is_empty());
        arrays.push(Array {
            side: rule.side_of_identifier(&literal.name),
            name: &literal.name,
            elements: &literal.elements,
            has_card,
        });
    }
    arrays
}

/// The card in an array named for the `from` scheme.
pub(super) fn findings(page: &Page, rule: &Rule, arrays: &[Array], codes: &Codes) -> Vec<Finding> {
    let mut to_arrays = arrays.iter().filter(|a| a.side == Some(Side::To));
    let target = match (to_arrays.next(), to_arrays.next()) {
        (Some(only), None) => Some(only),
        _ => None,
    };
    let needs_card = target.filter(|t| !t.has_card);
    // Every finding's fix adds the card with the same edit (`fix::apply` writes it once), so
    // that fixing only some of the findings (the others suppressed or declined) never drops
    // the card from both arrays.
    let mut shared_addition: Option<Edit> = None;
    let (from, to) = (&rule.from.name, &rule.to.name);
    let mut findings = Vec::new();
    for array in arrays.iter().filter(|a| a.side == Some(Side::From)) {
        let items: Vec<Range<usize>> = array.elements.iter().map(|e| e.range.clone()).collect();
        for (index, element) in array.elements.iter().enumerate() {
            let inner = element.inner(page);
            let is_card = !rule.card.tokens(inner).is_empty() || codes.is_jeju(inner);
            if !is_card {
                continue;
            }
            let mut edits = Vec::new();
            if let Some(range) = removal_in_run(&items, index) {
                edits.push(Edit {
                    range,
                    replacement: String::new(),
                });
                if let Some(target) = needs_card {
                    let edit = shared_addition
                        .get_or_insert_with(|| addition(page, rule, target, inner))
                        .clone();
                    edits.push(edit);
                }
            }
            let advice = match edits.len() {
                2 => format!(
                    "this script lists it for {from}; fix: move it to {}",
                    target.map_or("", |t| t.name)
                ),
                1 => format!("this script lists it for {from}; fix: remove it here"),
                _ => format!("this script lists it for {from}; list it for {to} by hand"),
            };
            findings.push(finding(rule, element.range.clone(), advice, edits));
        }
    }
    findings
}

/// Adds the card to `target` after its last element, in its quoting and separator.
fn addition(page: &Page, rule: &Rule, target: &Array, from_inner: &str) -> Edit {
    let items: Vec<Range<usize>> = target.elements.iter().map(|e| e.range.clone()).collect();
    let last = target.elements.last().expect("arrays have elements");
    let inners: Vec<&str> = target.elements.iter().map(|e| e.inner(page)).collect();
    let inner = if rule.card.tokens(from_inner).is_empty() {
        from_inner.to_string()
    } else {
        rule.card.styled_like(&inners)
    };
    Edit {
        range: last.range.end..last.range.end,
        replacement: format!(
            "{}{}",
            last_separator(page, &items, ", "),
            last.with_inner(page, &inner)
        ),
    }
}
