//! Card lists made of one element per card: `<option>`s of a scheme's select or optgroup,
//! `<li>`/`<dd>` items, card logos and card radio buttons.
//!
//! Removing an item takes its whole line when it stands alone there. Adding one either copies
//! the list's last item (indentation, quoting, attribute order, line ending) with the card's
//! label and code in place of that item's, so the new line looks like its neighbours, or, for
//! items whose markup is the card's own (a logo's `src`, a radio's `value` and server code),
//! moves the removed item there.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::{CardList, Entry, Insertion, Piece};
use crate::diagnostics::Kind;
use crate::rules::{Rule, Side};
use crate::scan::page::Page;
use crate::scan::page::tree::{NodeId, NodeKind};

/// One item: where it is and where its label is.
pub(super) struct Item {
    pub node: NodeId,
    /// From `<option` to `</option>`, or to the end of its label when the end tag is implied.
    pub extent: Range<usize>,
    /// The label, trimmed (for a logo, its `alt`).
    pub label: Range<usize>,
}

/// How the card joins the `to` list.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Joining {
    /// A copy of the list's last item with the card's label and code.
    Copy,
    /// The item removed from the `from` list, as it was written.
    Move,
}

/// The card list formed by `items`, which belong to one scheme; `None` when the items are not
/// a list of cards (a bank list in the same server branch, say).
pub(super) fn card_list(
    page: &Page,
    rule: &Rule,
    side: Side,
    kind: Kind,
    items: Vec<Item>,
    joining: Joining,
) -> Option<CardList> {
    let labels: Vec<&str> = items
        .iter()
        .map(|o| page.visible(o.label.clone()))
        .collect();
    if !rule.card.is_card_list(&labels) {
        return None;
    }
    let entries = items
        .iter()
        .filter_map(|item| {
            let token = rule
                .card
                .tokens(page.visible(item.label.clone()))
                .first()?
                .clone();
            let code = page
                .tree
                .attr(item.node, "value")
                .filter(|attr| {
                    attr.value_range
                        .as_ref()
                        .is_none_or(|r| !page.has_server_code(r))
                })
                .map(|attr| attr.value.clone());
            Some(Entry {
                token: item.label.start + token.start..item.label.start + token.end,
                removal: whole_lines_or(page, item.extent.clone()),
                element: item.extent.clone(),
                code,
                label: (!page.has_server_code(&item.label)).then(|| item.label.clone()),
                in_sentence: false,
            })
        })
        .collect();
    let insertion = items.last().and_then(|last| match joining {
        Joining::Copy => copy_after(page, last, &rule.card.styled_like(&labels)),
        Joining::Move => Some(place_after(page, last, vec![Piece::Moved])),
    });
    Some(CardList {
        side,
        kind,
        extent: match (items.first(), items.last()) {
            (Some(first), Some(last)) => {
                whole_lines_or(page, first.extent.clone()).start
                    ..whole_lines_or(page, last.extent.clone()).end
            }
            _ => 0..0,
        },
        entries,
        insertion,
    })
}

/// An element item whose label is its text (`<option>`, `<li>`, `<dd>`).
pub(super) fn element(page: &Page, id: NodeId) -> Item {
    let node = &page.tree.nodes[id];
    let content = page.tree.content_range(id);
    let text = page.visible(content.clone());
    let label_start = content.start + (text.len() - text.trim_start().len());
    let label_end = content.start + text.trim_end().len();
    let label = label_start..label_end.max(label_start);
    let explicit_end = matches!(
        &node.kind,
        NodeKind::Element {
            end_tag: Some(_),
            ..
        }
    );
    let extent_end = if explicit_end {
        node.range.end
    } else {
        label.end.max(content.start)
    };
    Item {
        node: id,
        extent: node.range.start..extent_end,
        label,
    }
}

/// `range` widened to whole lines (with the line ending) when nothing else is on them.
pub(super) fn whole_lines_or(page: &Page, range: Range<usize>) -> Range<usize> {
    let first = page.lines.line_of(range.start);
    let last = page
        .lines
        .line_of(range.end.saturating_sub(1).max(range.start));
    let before = page.visible(first.start..range.start);
    let after = page.visible(range.end..last.end);
    if before.trim().is_empty() && after.trim().is_empty() {
        first.start..last.end
    } else {
        range
    }
}

/// A copy of `last` placed after it, with the removed item's label (else `styled`) and the
/// card's code; `None` when the option holds server code, whose copy could change what the
/// page does.
fn copy_after(page: &Page, last: &Item, styled: &str) -> Option<Insertion> {
    static SELECTED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r#"(?i)\s+selected(?:\s*=\s*(?:"selected"|'selected'|selected))?"#)
            .expect("valid regex")
    });
    if page.has_server_code(&last.extent) {
        return None;
    }
    let value = page
        .tree
        .attr(last.node, "value")
        .and_then(|attr| attr.value_range.clone());
    let text = |range: Range<usize>| page.text[range].to_string();
    let mut pieces = Vec::new();
    let head_end = value.as_ref().map_or(last.label.start, |v| v.start);
    pieces.push(Piece::Text(
        SELECTED
            .replace_all(&text(last.extent.start..head_end), "")
            .into(),
    ));
    if let Some(value) = &value {
        pieces.push(Piece::Code);
        let between = text(value.end..last.label.start);
        pieces.push(Piece::Text(SELECTED.replace_all(&between, "").into()));
    }
    pieces.push(Piece::Label(styled.to_string()));
    pieces.push(Piece::Text(text(last.label.end..last.extent.end)));
    Some(place_after(page, last, pieces))
}

/// Places an item's `pieces` after `last`: on a new line in the same style when `last` stands
/// alone on its line, else right after it.
fn place_after(page: &Page, last: &Item, pieces: Vec<Piece>) -> Insertion {
    let text = |range: Range<usize>| page.text[range].to_string();
    let lines = whole_lines_or(page, last.extent.clone());
    if lines == last.extent {
        // Shares its line with other markup: the copy goes right after it.
        return Insertion {
            at: last.extent.end,
            pieces,
            in_sentence: false,
        };
    }
    let indent = text(lines.start..last.extent.start);
    let line_text = &page.text[lines.clone()];
    let (at, lead, ending) = if line_text.ends_with('\n') {
        let ending = if line_text.ends_with("\r\n") {
            "\r\n"
        } else {
            "\n"
        };
        (lines.end, String::new(), ending)
    } else {
        // The last line of the file: start a new line in the page's own style.
        let ending = if page.text.contains("\r\n") {
            "\r\n"
        } else {
            "\n"
        };
        (lines.end, ending.to_string(), "")
    };
    let mut line = vec![Piece::Text(lead + &indent)];
    line.extend(pieces);
    line.push(Piece::Text(ending.to_string()));
    Insertion {
        at,
        pieces: line,
        in_sentence: false,
    }
}
