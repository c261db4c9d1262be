//! Inline lists: a scheme's title and its cards on one line of text, or a title line and its
//! bracketed list on the next.
//!
//! ```html
//! <p>안심클릭 : 외환, 삼성, 현대, 제주<br>안전결제(ISP) : 비씨, 국민, 수협</p>
//! <p class="tit">안전결제(ISP)? (국민카드/BC카드/우리카드)</p>
//! <li>안심 클릭 결제?<br>
//!     (삼성/현대/신한/롯데/제주은행)</li>
//! ```
//! The title is what comes before a `:` or a `(` of the line; it must name one scheme and no
//! card, and what follows it must hold a card list. A line that is only a title (`안심 클릭
//! 결제?`) takes its list from the next line of text when that line is a bracketed list. Every
//! such line of a page forms one selection.

use std::ops::Range;

use super::sections::title_side;
use super::{CardList, Selection, text_list};
use crate::diagnostics::Kind;
use crate::rules::{Rule, Side};
use crate::scan::page::Page;
use crate::scan::page::tree::{NodeId, NodeKind};

/// Where a title may end and its list begin.
const TITLE_ENDS: &[char] = &[':', '：', '(', '（'];
/// What a title line may end with (`안심 클릭 결제?`, `안전결제 :`).
const TITLE_MARKS: &[char] = &['?', '？', ':', '：'];

pub(super) fn selections(page: &Page, rule: &Rule) -> Vec<Selection> {
    let tree = &page.tree;
    let mut lists = Vec::new();
    for (id, node) in tree.nodes.iter().enumerate() {
        if !page.is_shown_text(id) {
            continue;
        }
        let lines = lines_of(page, node.range.clone());
        for (i, line) in lines.iter().enumerate() {
            if let Some(list) = titled_list(page, rule, line.clone()) {
                lists.push(list);
            } else if let Some(side) = title_line_side(page, rule, line.clone()) {
                let next = match lines.get(i + 1) {
                    Some(next) => Some(next.clone()),
                    None => first_line_after_breaks(page, id),
                };
                lists.extend(next.and_then(|next| bracketed_list(page, rule, side, next)));
            }
        }
    }
    vec![Selection::of(lists)]
}

/// The card list of a line that starts with a title: after the first `:` or `(` whose text
/// before it is a title and whose text after it holds a card list.
fn titled_list(page: &Page, rule: &Rule, line: Range<usize>) -> Option<CardList> {
    let text = page.visible(line.clone());
    text.match_indices(TITLE_ENDS).find_map(|(at, mark)| {
        let side = title_side(rule, &text[..at])?;
        // A `(` opens the list's bracket; a `:` is passed over.
        let list_start = if mark.starts_with(['(', '（']) {
            at
        } else {
            at + mark.len()
        };
        text_list::card_list_in(
            page,
            rule,
            side,
            Kind::TextList,
            line.start + list_start..line.end,
        )
    })
}

/// The scheme a line names when it is a title and nothing else (`안심 클릭 결제?`).
fn title_line_side(page: &Page, rule: &Rule, line: Range<usize>) -> Option<Side> {
    let text = page.visible(line).trim();
    let title = text.trim_end_matches(TITLE_MARKS).trim_end();
    title_side(rule, title)
}

/// The card list of a line that is a bracketed list, `(삼성/현대/제주은행)`; pages indent it
/// with spaces or `&nbsp;`, which the browser shows alike.
fn bracketed_list(page: &Page, rule: &Rule, side: Side, line: Range<usize>) -> Option<CardList> {
    let text = page.visible(line.clone());
    let start = text_list::trim(text, 0..text.len()).start;
    if !text[start..].starts_with(['(', '（']) {
        return None;
    }
    text_list::card_list_in(page, rule, side, Kind::TextList, line)
}

/// The lines of a text node, without their line breaks; blank lines left out.
fn lines_of(page: &Page, range: Range<usize>) -> Vec<Range<usize>> {
    page.split_at(range, &['\n'])
        .filter(|line| !page.visible(line.clone()).trim().is_empty())
        .collect()
}

/// The first line of text after a text node when only `<br>`s (and blank text) come between,
/// as in `안심 클릭 결제?<br>(삼성/현대/제주은행)`.
fn first_line_after_breaks(page: &Page, text_node: NodeId) -> Option<Range<usize>> {
    let tree = &page.tree;
    let parent = tree.nodes[text_node].parent?;
    let siblings = &tree.nodes[parent].children;
    let at = siblings.iter().position(|&s| s == text_node)?;
    for &next in &siblings[at + 1..] {
        match &tree.nodes[next].kind {
            NodeKind::Element { name, .. } if name == "br" => continue,
            NodeKind::Text { raw: false } => {
                if let Some(line) = lines_of(page, tree.nodes[next].range.clone()).first() {
                    return Some(line.clone());
                }
            }
            _ => return None,
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules;

    fn lists(text: &str) -> Vec<(Side, String)> {
        let rule = rules::embedded().unwrap().remove(0);
        let page = Page::parse(text).unwrap();
        selections(&page, &rule)
            .into_iter()
            .flat_map(|selection| selection.lists)
            .map(|list| (list.side, text[list.extent].to_string()))
            .collect()
    }

    #[test]
    fn a_wrapped_list_indented_with_nbsp_belongs_to_the_title_above() {
        let text = "<p>안심 클릭 결제?\n&nbsp;(삼성/현대/제주)<br>\n안전 결제 :\n\t&nbsp;&nbsp;(국민/BC)</p>";
        assert_eq!(
            lists(text),
            vec![
                (Side::From, "삼성/현대/제주".to_string()),
                (Side::To, "국민/BC".to_string())
            ]
        );
    }
}
