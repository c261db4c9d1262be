//! Forms 2-4: `<select>` card lists.
//!
//! - a select whose `<optgroup label="안심클릭(MPI)">` / `label="안전결제(ISP)"` groups name the
//!   schemes (each select is its own selection);
//! - selects told apart by name/id/class (`mpi_card`, `ispCard`), by the `<legend>` of their
//!   fieldset, or by the server-side branch they sit in (`<% If certitype = "M" Then %>`, the
//!   KSPAY MPI card page). All such selects of a page form one selection.

use super::Selection;
use super::items::{self, Joining};
use crate::diagnostics::Kind;
use crate::rules::{Rule, Side};
use crate::scan::page::Page;
use crate::scan::page::tree::NodeId;

pub(super) fn selections(page: &Page, rule: &Rule) -> Vec<Selection> {
    let tree = &page.tree;
    let mut selections = Vec::new();
    let mut page_selects = Selection::default();
    for select in tree.elements("select") {
        let optgroups: Vec<(NodeId, Side)> = tree
            .descendants(select)
            .into_iter()
            .filter(|&id| tree.name(id) == "optgroup")
            .filter_map(|id| {
                let label = tree.attr(id, "label")?;
                Some((id, rule.side_of_label(&label.value)?))
            })
            .collect();
        if !optgroups.is_empty() {
            let lists = optgroups
                .into_iter()
                .filter_map(|(group, side)| options_list(page, rule, side, group))
                .collect();
            selections.push(Selection::of(lists));
        } else if let Some((side, by_branch)) = side_of_select(page, rule, select) {
            page_selects.to_offered_without_list |= by_branch;
            page_selects
                .lists
                .extend(options_list(page, rule, side, select));
        }
    }
    if !page_selects.lists.is_empty() {
        selections.push(page_selects);
    }
    selections
}

/// The card list of the options in `parent` (a select or optgroup).
fn options_list(page: &Page, rule: &Rule, side: Side, parent: NodeId) -> Option<super::CardList> {
    let options = page
        .tree
        .descendants(parent)
        .into_iter()
        .filter(|&id| page.tree.name(id) == "option")
        .map(|id| items::element(page, id))
        .collect();
    items::card_list(page, rule, side, Kind::SelectOption, options, Joining::Copy)
}

/// The scheme of a select without scheme optgroups: its name/id/class, its fieldset's legend,
/// or the server-side branch around it (then `true`: KSPAY's per-scheme card pages).
fn side_of_select(page: &Page, rule: &Rule, select: NodeId) -> Option<(Side, bool)> {
    let tree = &page.tree;
    let by_identifier = ["name", "id", "class"]
        .iter()
        .filter_map(|attr| tree.attr(select, attr))
        .find_map(|attr| rule.side_of_identifier(&attr.value));
    let by_legend = || {
        let fieldset = tree
            .ancestors(select)
            .find(|&a| tree.name(a) == "fieldset")?;
        let legend = tree.nodes[fieldset]
            .children
            .iter()
            .copied()
            .find(|&c| tree.name(c) == "legend")?;
        let text: String = tree
            .text_nodes(legend)
            .into_iter()
            .map(|t| page.visible(tree.nodes[t].range.clone()))
            .collect();
        rule.side_of_label(&text)
    };
    by_identifier
        .or_else(by_legend)
        .map(|side| (side, false))
        .or_else(|| {
            Some((
                page.innermost_branch(tree.nodes[select].range.start, |condition| {
                    rule.side_of_condition(condition)
                })?,
                true,
            ))
        })
}
