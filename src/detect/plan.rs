//! Turns a selection's lists into findings: the card in a `from` list is reported, and its fix
//! removes it there and adds it once to the first `to` list, in that list's style.

use super::{Applicability, CardList, Edit, Finding, Selection};
use crate::page::Page;
use crate::rules::{Rule, Side};

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
    if from_entries.is_empty() {
        return Vec::new();
    }
    let to_lists: Vec<&CardList> = selection
        .lists
        .iter()
        .filter(|list| list.side == Side::To)
        .collect();

    let code = from_entries
        .iter()
        .find_map(|(_, entry)| entry.code.as_deref())
        .or(rule.card.codes.first().map(String::as_str));
    let target = if to_lists.iter().any(|list| !list.entries.is_empty()) {
        Target::AlreadyListed
    } else if let Some(list) = to_lists.iter().find(|list| list.insertion.is_some()) {
        let insertion = list.insertion.as_ref().expect("filtered above");
        match insertion.render(code) {
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
        .enumerate()
        .map(|(index, (kind, entry))| {
            let mut edits = Vec::new();
            if applicability != Applicability::None {
                edits.push(Edit {
                    range: entry.removal.clone(),
                    replacement: String::new(),
                });
                // The card is added once per selection, with its first finding.
                if let (0, Target::Add(list, text)) = (index, &target) {
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
