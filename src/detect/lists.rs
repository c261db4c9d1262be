//! Form 6: card lists under a scheme's heading or in a container named after the scheme.
//!
//! ```html
//! <h4>안심클릭 결제 가능 카드</h4>
//! <ul><li>외환카드</li><li>제주카드</li></ul>
//! <dl><dt>안전결제</dt><dd>비씨, 국민, 수협</dd></dl>
//! <p><strong>안심클릭</strong></p><p>삼성, 현대, 제주</p>
//! ```
//! `<li>`/`<dd>` elements that each name one card are items (removed and copied like options);
//! any other text is read as text lists. Logos and card radio buttons have their own forms.

use super::items::{self, Joining};
use super::sections::{self, Origin, Section};
use super::{CardList, Kind, Selection, text_list};
use crate::page::Page;
use crate::rules::Rule;

/// Markup that belongs to other forms: logos, radio buttons, selects.
const OTHER_FORMS: &[&str] = &["img", "input", "select"];

pub(super) fn selections(page: &Page, rule: &Rule, sections: &[Section]) -> Vec<Selection> {
    let lists = sections
        .iter()
        .filter(|section| section.origin != Origin::TableRow)
        .filter_map(|section| section_list(page, rule, section))
        .collect();
    vec![Selection::of(lists)]
}

fn section_list(page: &Page, rule: &Rule, section: &Section) -> Option<CardList> {
    let tree = &page.tree;
    let elements: Vec<_> = sections::outermost(tree, section, &["li", "dd"])
        .into_iter()
        .filter(|&id| !sections::holds(tree, id, OTHER_FORMS))
        .collect();
    if elements.len() >= 2 {
        let items = elements
            .iter()
            .map(|&id| items::element(page, id))
            .collect();
        if let Some(list) = items::card_list(
            page,
            rule,
            section.side,
            Kind::TextList,
            items,
            Joining::Copy,
        ) {
            return Some(list);
        }
    }
    let texts = section.text_nodes(page, &|id| OTHER_FORMS.contains(&tree.name(id)));
    text_list::card_list(page, rule, section.side, Kind::TextList, &texts)
}
