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
use super::{CardList, Selection, text_list};
use crate::diagnostics::Kind;
use crate::rules::Rule;
use crate::scan::page::Page;
use crate::scan::page::tree::NodeId;

/// Markup that belongs to other forms: logos, radio buttons, selects.
const OTHER_FORMS: &[&str] = &["img", "input", "select"];

pub(super) fn selections(page: &Page, rule: &Rule, sections: &[Section]) -> Vec<Selection> {
    // A table row titled by a scheme decides for its cells (form 5), even in the section of a
    // heading above the table that names the other scheme.
    let row_cells: Vec<NodeId> = sections
        .iter()
        .filter(|section| section.origin == Origin::TableRow)
        .flat_map(|section| section.nodes.iter().copied())
        .collect();
    let lists = sections
        .iter()
        .filter(|section| section.origin != Origin::TableRow)
        .flat_map(|section| section_lists(page, rule, section, &row_cells))
        .collect();
    vec![Selection::of(lists)]
}

/// A section's lists: its `<li>`/`<dd>` items when they are cards, and the text lists outside
/// them (`<p>안심클릭 카드: 삼성, 현대, 제주</p>` under the same heading as a `<ul>`); never the
/// cells of a row titled by a scheme (`row_cells`).
fn section_lists(
    page: &Page,
    rule: &Rule,
    section: &Section,
    row_cells: &[NodeId],
) -> Vec<CardList> {
    let tree = &page.tree;
    let in_titled_row = |id: NodeId| tree.ancestors(id).any(|a| row_cells.contains(&a));
    let elements: Vec<_> = sections::outermost(tree, section, &["li", "dd"])
        .into_iter()
        .filter(|&id| !sections::holds(tree, id, OTHER_FORMS) && !in_titled_row(id))
        .collect();
    let element_list = (elements.len() >= 2)
        .then(|| {
            let items = elements
                .iter()
                .map(|&id| items::element(page, id))
                .collect();
            items::card_list(
                page,
                rule,
                section.side,
                Kind::TextList,
                items,
                Joining::Copy,
            )
        })
        .flatten();
    // Text inside the items is theirs; a lone `<li>` (one card left) is read as text.
    let read_as_items = |id| element_list.is_some() && elements.contains(&id);
    let texts = section.text_nodes(page, &|id| {
        OTHER_FORMS.contains(&tree.name(id)) || read_as_items(id) || row_cells.contains(&id)
    });
    let text_list = text_list::card_list(page, rule, section.side, Kind::TextList, &texts);
    element_list.into_iter().chain(text_list).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::{self, Side};

    #[test]
    fn a_titled_table_row_under_another_schemes_heading_keeps_its_own_scheme() {
        let rule = rules::embedded().unwrap().remove(0);
        let text = "<h3>안심클릭</h3><p>삼성, 광주</p>\
                    <table><tr><td>안전결제</td><td>공인인증서</td><td>제주, 현대</td></tr></table>";
        let page = Page::parse(text).unwrap();
        let found = sections::find(&page, &rule);
        let lists: Vec<(Side, &str)> = selections(&page, &rule, &found)
            .into_iter()
            .flat_map(|selection| selection.lists)
            .map(|list| (list.side, &text[list.extent]))
            .collect();
        // The MPI heading lists its paragraph only; the ISP row is the table form's.
        assert_eq!(lists, vec![(Side::From, "삼성, 광주")]);
    }
}
