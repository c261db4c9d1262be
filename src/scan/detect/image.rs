//! Form 7: card logos in a scheme's block.
//!
//! ```html
//! <h4>안심클릭</h4>
//! <ul class="card-logos"><li><img src="/img/card/jeju.gif" alt="제주카드"></li></ul>
//! ```
//! A logo counts by its `alt` or `title`, never by its file name alone. The card's logo is
//! moved, not copied: its `src` is its own.

use std::ops::Range;

use super::Selection;
use super::items::{self, Item, Joining};
use super::sections::Section;
use crate::diagnostics::Kind;
use crate::rules::Rule;
use crate::scan::page::Page;
use crate::scan::page::tree::NodeId;

/// Wrappers that move with a logo when the logo is all they hold.
const WRAPPERS: &[&str] = &["li", "span", "a", "p", "div", "td"];

pub(super) fn selections(page: &Page, rule: &Rule, sections: &[Section]) -> Vec<Selection> {
    let lists = sections
        .iter()
        .filter_map(|section| {
            let logos: Vec<Item> = section
                .all_nodes(&page.tree)
                .into_iter()
                .filter(|&id| page.tree.name(id) == "img")
                .filter_map(|id| logo(page, id))
                .collect();
            items::card_list(page, rule, section.side, Kind::Image, logos, Joining::Move)
        })
        .collect();
    vec![Selection::of(lists)]
}

/// A logo item: the image, or the wrapper that holds nothing else, labelled by `alt`/`title`.
fn logo(page: &Page, img: NodeId) -> Option<Item> {
    let tree = &page.tree;
    let label = ["alt", "title"]
        .iter()
        .filter_map(|name| tree.attr(img, name))
        .find(|attr| !attr.value.trim().is_empty())?
        .value_range
        .clone()?;
    let label = trimmed(page, label);
    let mut node = img;
    while let Some(parent) = tree.nodes[node].parent {
        let only_child = tree.nodes[parent]
            .children
            .iter()
            .all(|&c| c == node || page.visible(tree.nodes[c].range.clone()).trim().is_empty());
        if WRAPPERS.contains(&tree.name(parent)) && only_child {
            node = parent;
        } else {
            break;
        }
    }
    Some(Item {
        node,
        extent: tree.nodes[node].range.clone(),
        label,
    })
}

fn trimmed(page: &Page, range: Range<usize>) -> Range<usize> {
    let text = page.visible(range.clone());
    let start = range.start + (text.len() - text.trim_start().len());
    start..start + text.trim().len()
}
