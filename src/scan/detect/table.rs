//! Form 5: table rows where one cell names the scheme and another lists its cards.
//!
//! ```html
//! <tr><th>안심클릭</th><td>외환, 삼성, 현대, 제주</td></tr>
//! <tr><td>비씨/국민/수협</td><td class="tit">안전결제(ISP)</td></tr>
//! ```
//! The title cell may come before or after the list; lists may be split by `<br>`. Every such
//! row of a page forms one selection.

use super::sections::{Origin, Section};
use super::{Selection, text_list};
use crate::diagnostics::Kind;
use crate::rules::Rule;
use crate::scan::page::Page;

pub(super) fn selections(page: &Page, rule: &Rule, sections: &[Section]) -> Vec<Selection> {
    let lists = sections
        .iter()
        .filter(|section| section.origin == Origin::TableRow)
        .filter_map(|section| {
            let texts = section.text_nodes(page, &|_| false);
            text_list::card_list(page, rule, section.side, Kind::TableRow, &texts)
        })
        .collect();
    vec![Selection::of(lists)]
}
