//! Turns a selection's lists into findings: the card in a `from` list is reported, and its fix
//! removes it there and adds it once to the first `to` list, in that list's style.

use super::{CardList, Moving, Selection};
use crate::diagnostics::{Applicability, Edit, Finding, Kind, Severity};
use crate::rules::{Rule, Side};
use crate::scan::page::Page;

/// What the fix of a selection will do about the `to` side.
enum Target<'s> {
    /// Add the card to this list.
    Add(&'s CardList, String),
    /// The card is already listed under `to`: only remove it from `from`.
    AlreadyListed,
    /// The page offers no `to` list here: only remove (an MPI-only card page).
    NoList,
    /// A `to` list exists but its style cannot be copied (server code in it, unknown code).
    Manual(usize),
}

pub(super) fn findings(page: &Page, rule: &Rule, selection: &Selection) -> Vec<Finding> {
    let from_entries: Vec<_> = selection
        .lists
        .iter()
        .filter(|list| list.side == Side::From)
        .flat_map(|list| list.entries.iter().map(move |entry| (list.kind, entry)))
        .collect();
    let to_lists: Vec<&CardList> = selection
        .lists
        .iter()
        .filter(|list| list.side == Side::To)
        .collect();
    if from_entries.is_empty() {
        return missing_from_both(page, rule, selection, &to_lists)
            .into_iter()
            .collect();
    }

    let first = from_entries.first().map(|(_, entry)| *entry);
    let name = first.map(|entry| &page.text[entry.token.clone()]);
    let moving = Moving {
        code: from_entries
            .iter()
            .find_map(|(_, entry)| entry.code.as_deref())
            .or(rule.card.codes.first().map(String::as_str)),
        element: first.map(|entry| &page.text[entry.element.clone()]),
        name,
        bare_name: name.map(|name| {
            let suffix = rule.card.suffix_of(name).map_or(0, str::len);
            name[..name.len() - suffix].trim_end()
        }),
        label: from_entries
            .iter()
            .find_map(|(_, entry)| Some(&page.text[entry.label.clone()?])),
    };
    let target = if to_lists.iter().any(|list| !list.entries.is_empty()) {
        Target::AlreadyListed
    } else if let Some(list) = to_lists.iter().find(|list| list.insertion.is_some()) {
        let insertion = list.insertion.as_ref().expect("filtered above");
        match insertion.render(moving) {
            Some(text) => Target::Add(list, text),
            None => Target::Manual(insertion.at),
        }
    } else if let Some(list) = to_lists.first() {
        Target::Manual(list.extent.start)
    } else {
        Target::NoList
    };

    let (from, to) = (&rule.from.name, &rule.to.name);
    let line_of = |offset: usize| page.lines.position(&page.text, offset).0;
    let (advice, applicability) = match &target {
        Target::Add(list, _) => {
            let insertion = list.insertion.as_ref().expect("Add has an insertion");
            if insertion.in_sentence {
                (
                    format!(
                        "fix (unsafe): remove it here and add it to the cards named in the {to} sentence (line {})",
                        line_of(insertion.at)
                    ),
                    Applicability::Unsafe,
                )
            } else {
                (
                    format!(
                        "fix: remove it here and add it to the {to} list (line {})",
                        line_of(insertion.at)
                    ),
                    Applicability::Safe,
                )
            }
        }
        Target::AlreadyListed => (
            format!("it is also listed under {to}; fix: remove it from {from}"),
            Applicability::Safe,
        ),
        Target::NoList if selection.to_offered_without_list => (
            format!(
                "this page has no {to} list; fix: remove it here ({to} cardholders are served by the {to} page)"
            ),
            Applicability::Safe,
        ),
        // Removing the card with no list to take it would leave its holders no way to pay:
        // a reviewer must find (or make) the page's other list.
        Target::NoList => (
            format!(
                "no {to} list was found beside it; fix (unsafe): remove it here, then list it under {to} by hand"
            ),
            Applicability::Unsafe,
        ),
        Target::Manual(at) => (
            format!(
                "the {to} list (line {}) cannot be extended automatically; move it there by hand",
                line_of(*at)
            ),
            Applicability::None,
        ),
    };

    from_entries
        .iter()
        .map(|(kind, entry)| {
            // A card named in a sentence is prose wherever the sentence stands: rewording it
            // is the author's call, so its fix is never applied without `--unsafe-fixes`.
            let (kind, severity, applicability, message) = if entry.in_sentence {
                let advice = match applicability {
                    Applicability::None => "reword this text".to_string(),
                    _ => format!("{advice}, or reword the text"),
                };
                (
                    Kind::Prose,
                    Severity::Warning,
                    applicability.min_unsafe(),
                    prose_message(rule, &advice),
                )
            } else {
                (
                    *kind,
                    rule.severity,
                    applicability,
                    format!("{}; {advice}", rule.message),
                )
            };
            let mut edits = Vec::new();
            if applicability != Applicability::None {
                edits.push(Edit {
                    range: entry.removal.clone(),
                    replacement: String::new(),
                });
                // Every finding's fix adds the card (`fix::apply` writes an identical edit
                // once), so that fixing only some of a selection's findings (the others
                // suppressed or declined) never drops the card from both lists.
                if let Target::Add(list, text) = &target {
                    let at = list.insertion.as_ref().expect("Add has an insertion").at;
                    edits.push(Edit {
                        range: at..at,
                        replacement: text.clone(),
                    });
                }
            }
            Finding {
                rule: rule.id.clone(),
                span: entry.token.clone(),
                kind,
                severity,
                message,
                applicability,
                edits,
            }
        })
        .collect()
}

/// The message of a finding in help or notice text.
pub(super) fn prose_message(rule: &Rule, advice: &str) -> String {
    format!(
        "this text names {} among the {} cards, but it pays by {} now; {advice}",
        rule.card.name, rule.from.name, rule.to.name
    )
}

/// A selection with a `from` list and a `to` list that both leave the card out: its
/// cardholders have no way to pay. Reported once, at the first `to` list; adding the card
/// there is left to `--unsafe-fixes`, since the shop may have dropped the card on purpose.
fn missing_from_both(
    page: &Page,
    rule: &Rule,
    selection: &Selection,
    to_lists: &[&CardList],
) -> Option<Finding> {
    let has_from_list = selection.lists.iter().any(|list| list.side == Side::From);
    let first_to = to_lists.first()?;
    if !has_from_list || to_lists.iter().any(|list| !list.entries.is_empty()) {
        return None;
    }
    // Nothing was removed: the list's styled name, and the rule's code if it has one.
    let moving = Moving {
        code: rule.card.codes.first().map(String::as_str),
        ..Moving::default()
    };
    let edit = to_lists.iter().find_map(|list| {
        let insertion = list.insertion.as_ref()?;
        Some(Edit {
            range: insertion.at..insertion.at,
            replacement: insertion.render(moving)?,
        })
    });
    let (from, to) = (&rule.from.name, &rule.to.name);
    let card = &rule.card.name;
    // The extent may start with a line's indentation: the finding stands at the first item.
    let list = &page.text[first_to.extent.clone()];
    let first_item = first_to.extent.start + list.len() - list.trim_start().len();
    let first_item = first_item..first_item;
    let (advice, applicability) = match &edit {
        Some(_) => (
            format!("fix (unsafe): add it to the {to} list"),
            Applicability::Unsafe,
        ),
        None => (
            format!("add it to the {to} list by hand"),
            Applicability::None,
        ),
    };
    Some(Finding {
        rule: rule.id.clone(),
        span: first_item,
        kind: first_to.kind,
        severity: Severity::Warning,
        message: format!(
            "{card} is listed under neither {from} nor {to}: its cardholders have no way to pay; {advice}"
        ),
        applicability,
        edits: edit.into_iter().collect(),
    })
}
