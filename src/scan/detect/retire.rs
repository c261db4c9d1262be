//! The `retire` shape: a withdrawn card (its issuer merged into another) must leave every card
//! list a buyer chooses from. Each entry of the card in a list of the markup forms is reported,
//! and its fix takes the entry out. The fix is unsafe: nothing proves that the list reads well
//! without it (it may have been the list's only card), so a person reviews it. Script routing,
//! server code and prose are not read: a withdrawn card there harms no buyer's choice.

use super::{Reported, forms};
use crate::diagnostics::{Applicability, Edit, Finding};
use crate::rules::Rule;
use crate::scan::page::Page;

/// Every entry of the rule's card in a card list of the page, in page order; where two forms
/// read the same token, the first form's finding stands.
pub(super) fn findings(page: &Page, rule: &Rule) -> Vec<Finding> {
    let mut reported = Reported::default();
    let mut findings = Vec::new();
    for selection in forms::selections(page, rule) {
        for list in &selection.lists {
            for entry in &list.entries {
                if !reported.insert_new(&entry.token) {
                    continue;
                }
                findings.push(Finding {
                    rule: rule.id.clone(),
                    span: entry.token.clone(),
                    kind: list.kind,
                    severity: rule.severity,
                    message: format!(
                        "{}; fix (unsafe): remove it from this {} list",
                        rule.message,
                        rule.scheme(list.side).name
                    ),
                    applicability: Applicability::Unsafe,
                    edits: vec![Edit {
                        range: entry.removal.clone(),
                        replacement: String::new(),
                    }],
                });
            }
        }
    }
    findings.sort_by_key(|finding| finding.span.start);
    findings
}
