//! Turns a selection's lists into findings: the card in a `from` list is reported, and its fix
//! removes it there and adds it once to the first `to` list, in that list's style.

use super::{Applicability, CardList, Edit, Finding, Removed, Selection, items};
use crate::page::Page;
use crate::rules::{Rule, Severity, Side};

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
        return missing_from_both(rule, selection, &to_lists)
            .into_iter()
            .collect();
    }

    let code = from_entries
        .iter()
        .find_map(|(_, entry)| entry.code.as_deref())
        .or(rule.card.codes.first().map(String::as_str));
    let removed = Removed {
        code,
        element: from_entries
            .first()
            .map(|(_, entry)| &page.text[entry.element.clone()]),
        label: from_entries
            .iter()
            .find_map(|(_, entry)| items::removed_label(page, entry)),
    };
    let target = if to_lists.iter().any(|list| !list.entries.is_empty()) {
        Target::AlreadyListed
    } else if let Some(list) = to_lists.iter().find(|list| list.insertion.is_some()) {
        let insertion = list.insertion.as_ref().expect("filtered above");
        match insertion.render(&removed) {
            Some(text) => Target::Add(list, text),
            None => Target::Manual(insertion.at),
        }
    } else if let Some(list) = to_lists.first() {
        Target::Manual(list.start)
    } else {
        Target::NoList
    };

    let (from, to) = (&rule.from.name, &rule.to.name);
    let line_of = |offset: usize| page.lines.position(page.text, offset).0;
    let (advice, applicability) = match &target {
        Target::Add(list, _) => {
            let at = list.insertion.as_ref().expect("Add has an insertion").at;
            (
                format!(
                    "fix: remove it here and add it to the {to} list (line {})",
                    line_of(at)
                ),
                Applicability::Safe,
            )
        }
        Target::AlreadyListed => (
            format!("it is also listed under {to}; fix: remove it from {from}"),
            Applicability::Safe,
        ),
        Target::NoList => (
            format!(
                "this page has no {to} list; fix: remove it here ({to} cardholders are served by the {to} page)"
            ),
            Applicability::Safe,
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
                kind: *kind,
                severity: rule.severity,
                message: format!("{}; {advice}", rule.message),
                applicability,
                edits,
            }
        })
        .collect()
}

/// A selection with a `from` list and a `to` list that both leave the card out: its
/// cardholders have no way to pay. Reported once, at the first `to` list; adding the card
/// there is left to `--unsafe-fixes`, since the shop may have dropped the card on purpose.
fn missing_from_both(
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
    let removed = Removed {
        code: rule.card.codes.first().map(String::as_str),
        ..Removed::default()
    };
    let edit = to_lists.iter().find_map(|list| {
        let insertion = list.insertion.as_ref()?;
        Some(Edit {
            range: insertion.at..insertion.at,
            replacement: insertion.render(&removed)?,
        })
    });
    let (from, to) = (&rule.from.name, &rule.to.name);
    let card = &rule.card.name;
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
        span: first_to.start..first_to.start,
        kind: first_to.kind,
        severity: Severity::Warning,
        message: format!(
            "{card} is listed under neither {from} nor {to}: its cardholders have no way to pay; {advice}"
        ),
        applicability,
        edits: edit.into_iter().collect(),
    })
}
