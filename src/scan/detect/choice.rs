//! Card radio buttons and checkboxes in a scheme's section.
//!
//! ```html
//! <h4>안심클릭</h4>
//! <label><input type="radio" name="cardcode" value="13" <?php if($c=="13") echo "checked"; ?>> 제주카드</label><br>
//! ```
//! Each choice is a card; its markup (value, id, server code) is its own, so the card's choice
//! is moved to the other scheme's section, not rewritten. A choice is a `<label>` holding the
//! input, or the input with the text after it up to the next `<br>` (which goes with it) or input.

use std::ops::Range;

use super::Selection;
use super::items::{self, Item, Joining};
use super::sections::Section;
use crate::diagnostics::Kind;
use crate::rules::Rule;
use crate::scan::page::Page;
use crate::scan::page::tree::{NodeId, NodeKind};

pub(super) fn selections(page: &Page, rule: &Rule, sections: &[Section]) -> Vec<Selection> {
    let tree = &page.tree;
    let lists = sections
        .iter()
        .filter_map(|section| {
            let inputs: Vec<NodeId> = section
                .all_nodes(tree)
                .into_iter()
                .filter(|&id| choice_kind(page, id).is_some())
                .filter(|&id| {
                    tree.attr(id, "name")
                        .is_none_or(|name| !rule.is_scheme_field(&name.value))
                })
                .collect();
            let kind = choice_kind(page, *inputs.first()?)?;
            let choices = inputs
                .iter()
                .enumerate()
                .filter_map(|(i, &input)| choice(page, input, inputs.get(i + 1).copied()))
                .collect();
            items::card_list(page, rule, section.side, kind, choices, Joining::Move)
        })
        .collect();
    vec![Selection::of(lists)]
}

/// The kind a card choice is reported as: its input's type, if a radio or a checkbox.
fn choice_kind(page: &Page, id: NodeId) -> Option<Kind> {
    if page.tree.name(id) != "input" {
        return None;
    }
    let kind = page
        .tree
        .attr(id, "type")?
        .value
        .trim()
        .to_ascii_lowercase();
    match kind.as_str() {
        "radio" => Some(Kind::RadioLabel),
        "checkbox" => Some(Kind::CheckboxLabel),
        _ => None,
    }
}

/// The choice an input makes: the `<label>` around it or the input with its trailing text.
fn choice(page: &Page, input: NodeId, next_input: Option<NodeId>) -> Option<Item> {
    let tree = &page.tree;
    if let Some(label) = tree.ancestors(input).find(|&a| tree.name(a) == "label") {
        let texts = tree.text_nodes(label);
        let extent = with_trailing_break(page, label, tree.nodes[label].range.clone());
        return Some(Item {
            node: label,
            extent,
            label: text_span(page, &texts)?,
        });
    }
    let parent = tree.nodes[input].parent?;
    let siblings = &tree.nodes[parent].children;
    let at = siblings.iter().position(|&s| s == input)?;
    let mut texts = Vec::new();
    let mut end = tree.nodes[input].range.end;
    for &sibling in &siblings[at + 1..] {
        if Some(sibling) == next_input || tree.name(sibling) == "input" {
            break;
        }
        end = tree.nodes[sibling].range.end;
        if tree.name(sibling) == "br" {
            break;
        }
        texts.extend(
            std::iter::once(sibling)
                .chain(tree.descendants(sibling))
                .filter(|&d| matches!(tree.nodes[d].kind, NodeKind::Text { raw: false })),
        );
    }
    Some(Item {
        node: input,
        extent: tree.nodes[input].range.start..end,
        label: text_span(page, &texts)?,
    })
}

/// A `<br>` right after `node` on the same line goes with it.
fn with_trailing_break(page: &Page, node: NodeId, extent: Range<usize>) -> Range<usize> {
    let tree = &page.tree;
    let Some(parent) = tree.nodes[node].parent else {
        return extent;
    };
    let siblings = &tree.nodes[parent].children;
    let Some(at) = siblings.iter().position(|&s| s == node) else {
        return extent;
    };
    for &sibling in &siblings[at + 1..] {
        let range = tree.nodes[sibling].range.clone();
        if tree.name(sibling) == "br" {
            return extent.start..range.end;
        }
        let text = &page.text[range];
        if !matches!(tree.nodes[sibling].kind, NodeKind::Text { .. })
            || !text.trim().is_empty()
            || text.contains('\n')
        {
            break;
        }
    }
    extent
}

/// From the first visible character of `texts` to the last.
fn text_span(page: &Page, texts: &[NodeId]) -> Option<Range<usize>> {
    let ranges: Vec<Range<usize>> = texts
        .iter()
        .map(|&t| page.tree.nodes[t].range.clone())
        .filter(|r| !page.visible(r.clone()).trim().is_empty())
        .collect();
    let first = ranges.first()?;
    let last = ranges.last()?;
    let head = page.visible(first.clone());
    let tail = page.visible(last.clone());
    Some(first.start + (head.len() - head.trim_start().len())..last.start + tail.trim_end().len())
}
