//! Inline lists: a scheme's title and its cards on one line of text.
//!
//! ```html
//! <p>안심클릭 : 외환, 삼성, 현대, 제주<br>안전결제(ISP) : 비씨, 국민, 수협</p>
//! ```
//! The title is what comes before the line's first `:`; it must name one scheme and no card.
//! Every such line of a page forms one selection.

use super::sections::title_side;
use super::{Kind, Selection, text_list};
use crate::page::Page;
use crate::rules::Rule;

const COLONS: &[char] = &[':', '：'];

pub(super) fn selections(page: &Page, rule: &Rule) -> Vec<Selection> {
    let tree = &page.tree;
    let mut lists = Vec::new();
    for (id, node) in tree.nodes.iter().enumerate() {
        if !page.is_shown_text(id) {
            continue;
        }
        let text = page.visible(node.range.clone());
        let mut line_start = 0;
        for line in text.split_inclusive('\n') {
            let start = node.range.start + line_start;
            line_start += line.len();
            let Some(colon) = line.find(COLONS) else {
                continue;
            };
            let Some(side) = title_side(rule, &line[..colon]) else {
                continue;
            };
            let after = line[colon..].chars().next().map_or(1, char::len_utf8);
            let list = start + colon + after..start + line.len();
            lists.extend(text_list::card_list_in(
                page,
                rule,
                side,
                Kind::TextList,
                list,
            ));
        }
    }
    vec![Selection::of(lists)]
}
