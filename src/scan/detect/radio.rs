//! Form 1: scheme radio buttons, each followed by its title and card list as sibling text.
//!
//! ```html
//! <input type="radio" name="certitype" value="M">안심클릭<br>
//! 외환,삼성,현대,신한,롯데,하나,씨티,제주<br>
//! <input type="radio" name="certitype" value="I">안전결제<br>
//! 비씨,국민,수협,전북,광주<br>
//! ```
//! Sections are not containers: a radio's section runs to the next radio of its group (the
//! last one to the end of the element holding the whole group).

use std::collections::HashMap;
use std::ops::Range;

use super::{Selection, text_list};
use crate::diagnostics::Kind;
use crate::rules::{Rule, Side};
use crate::scan::page::Page;
use crate::scan::page::tree::{NodeId, NodeKind};

/// One selection per radio group that has a section for the rule's `from` scheme.
pub(super) fn selections(page: &Page, rule: &Rule) -> Vec<Selection> {
    let tree = &page.tree;
    let mut groups: Vec<(String, Vec<NodeId>)> = Vec::new();
    // Where each name's group is in `groups`: a page of many groups must not compare each
    // radio's name with every group's.
    let mut group_of: HashMap<String, usize> = HashMap::new();
    for input in tree.elements("input") {
        let is_radio = tree
            .attr(input, "type")
            .is_some_and(|t| t.value.trim().eq_ignore_ascii_case("radio"));
        let Some(name) = tree.attr(input, "name").map(|n| n.value.trim().to_string()) else {
            continue;
        };
        if !is_radio {
            continue;
        }
        match group_of.get(&name) {
            Some(&at) => groups[at].1.push(input),
            None => {
                group_of.insert(name.clone(), groups.len());
                groups.push((name, vec![input]));
            }
        }
    }

    let mut selections = Vec::new();
    for (name, radios) in groups.into_iter().filter(|(_, radios)| radios.len() >= 2) {
        let container = common_ancestor(page, &radios);
        let container_end = tree.content_range(container).end;
        // Read once per group: each radio's section is a run of them.
        let container_texts = tree.text_nodes(container);
        let mut selection = Selection::default();
        for (i, &radio) in radios.iter().enumerate() {
            let start = tree.nodes[radio].range.end;
            let end = radios
                .get(i + 1)
                .map_or(container_end, |&next| tree.nodes[next].range.start);
            let texts = section_texts(page, &container_texts, start..end);
            let Some(side) = side_of(page, rule, &name, radio, &texts) else {
                continue;
            };
            let list = text_list::card_list(page, rule, side, Kind::RadioLabel, &texts);
            selection.to_offered_without_list |= side == Side::To && list.is_none();
            selection.lists.extend(list);
        }
        if selection.lists.iter().any(|list| list.side == Side::From) {
            selections.push(selection);
        }
    }
    selections
}

/// The scheme a radio stands for: its value when the group is the scheme field
/// (`certitype`), else the title written after it.
fn side_of(page: &Page, rule: &Rule, group: &str, radio: NodeId, texts: &[NodeId]) -> Option<Side> {
    let by_code = rule
        .is_scheme_field(group)
        .then(|| page.tree.attr(radio, "value"))
        .flatten()
        .and_then(|value| rule.side_of_code(&value.value));
    by_code.or_else(|| {
        let title = texts
            .iter()
            .map(|&id| page.visible(page.tree.nodes[id].range.clone()).trim())
            .find(|t| !t.is_empty())?;
        rule.side_of_label(title)
    })
}

/// Visible text nodes of the container (`texts`: its text nodes, in page order) inside
/// `section`, leaving out text that belongs to other controls (options of a select, a
/// textarea).
fn section_texts(page: &Page, texts: &[NodeId], section: Range<usize>) -> Vec<NodeId> {
    let tree = &page.tree;
    // Text nodes never overlap and come in page order: their starts and ends both grow, so
    // those inside the section are one run of them, found by binary search.
    let first = texts.partition_point(|&id| tree.nodes[id].range.start < section.start);
    let last = texts.partition_point(|&id| tree.nodes[id].range.end <= section.end);
    texts[first..last.max(first)]
        .iter()
        .copied()
        .filter(|&id| page.is_shown_text(id))
        .collect()
}

/// The innermost element that holds every radio of the group.
fn common_ancestor(page: &Page, radios: &[NodeId]) -> NodeId {
    let tree = &page.tree;
    let chain: Vec<NodeId> = tree.ancestors(radios[0]).collect();
    chain
        .into_iter()
        .find(|&candidate| {
            matches!(tree.nodes[candidate].kind, NodeKind::Element { .. })
                && radios[1..]
                    .iter()
                    .all(|&r| tree.ancestors(r).any(|a| a == candidate))
        })
        .unwrap_or(0)
}
