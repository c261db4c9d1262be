//! Card lists written as plain text: `외환,삼성,현대,제주`, `BC카드, 국민카드`, `안심클릭 : 삼성 / 제주`,
//! or one card per line between `<br>`s.
//!
//! A list is a run of items split by one separator (`,` `，` `、` `·` `/` `|`, else spaces),
//! within one line of a text node and after any title ending in `:` or `(`; or the text nodes of
//! an element that holds nothing but them and `<br>`s. It is a card list only when another item
//! is a card the rule names as a peer, so a shipping note such as `제주/도서산간 추가 배송비` is
//! never taken for one.

use std::ops::Range;

use super::{CardList, Entry, Insertion, Kind, Piece};
use crate::page::Page;
use crate::page::tree::{NodeId, NodeKind};
use crate::rules::{Rule, Side};

const SEPARATORS: &[char] = &[',', '，', '、', '·', '/', '|'];
const NBSP: &[u8] = b"&nbsp;";
const SEGMENT_BREAKS: &[char] = &['\n', ':', '：', '(', ')', '[', ']', '（', '）'];

/// A text list: its items, trimmed, as page ranges.
struct TextList {
    items: Vec<Range<usize>>,
}

/// The card list of one scheme section made of text nodes (radio sections, headed lists,
/// table cells); `None` when the section shows no card list.
pub(super) fn card_list(
    page: &Page,
    rule: &Rule,
    side: Side,
    kind: Kind,
    text_nodes: &[NodeId],
) -> Option<CardList> {
    card_list_of(page, rule, side, kind, lists_in(page, text_nodes))
}

/// The card list in one range of text (the part of a line after a title).
pub(super) fn card_list_in(
    page: &Page,
    rule: &Rule,
    side: Side,
    kind: Kind,
    range: Range<usize>,
) -> Option<CardList> {
    let lists = lists_in_range(page, range).collect();
    card_list_of(page, rule, side, kind, lists)
}

/// What removes the card `token` from the card list it is an item of in `range`, if it is
/// one (with a peer beside it).
pub(super) fn item_removal(
    page: &Page,
    rule: &Rule,
    range: Range<usize>,
    token: &Range<usize>,
) -> Option<Range<usize>> {
    lists_in_range(page, range).find_map(|mut list| {
        let index = list
            .items
            .iter()
            .position(|item| item.start <= token.start && token.end <= item.end)?;
        let labels: Vec<&str> = list.items.iter().map(|i| page.visible(i.clone())).collect();
        if list.items.len() < 2 || !rule.card.is_card_list(&labels) {
            return None;
        }
        // In a sentence the first and last items carry the words around the run
        // (`대상은 제주`, `제주카드 회원님은 …`): only the card and its separator go.
        list.items[index] = token.clone();
        Some(list.removal(index))
    })
}

/// The text lists that `text_nodes` show: one per `<br>`-separated element, and one per
/// segment of every other text node.
fn lists_in(page: &Page, text_nodes: &[NodeId]) -> Vec<TextList> {
    let tree = &page.tree;
    let mut lists = Vec::new();
    let mut broken_parents: Vec<NodeId> = Vec::new();
    for &id in text_nodes {
        let parent = tree.nodes[id].parent;
        if let Some(parent) = parent {
            if broken_parents.contains(&parent) {
                continue;
            }
            if let Some(list) = between_breaks(page, parent) {
                broken_parents.push(parent);
                lists.push(list);
                continue;
            }
        }
        let range = tree.nodes[id].range.clone();
        lists.extend(lists_in_range(page, range));
    }
    lists
}

/// The list of an element that holds only text and `<br>`s, one item per line, when it has at
/// least two items and none is itself a separated list.
fn between_breaks(page: &Page, parent: NodeId) -> Option<TextList> {
    let tree = &page.tree;
    let mut items = Vec::new();
    let mut breaks_since_item = true;
    for &child in &tree.nodes[parent].children {
        match &tree.nodes[child].kind {
            NodeKind::Text { raw: false } => {
                let range = tree.nodes[child].range.clone();
                let text = page.visible(range.clone());
                let item = trim(text, 0..text.len());
                if item.is_empty() {
                    continue;
                }
                let item_text = &text[item.clone()];
                if !breaks_since_item || item_text.contains(SEPARATORS) || item_text.contains('\n')
                {
                    return None;
                }
                items.push(range.start + item.start..range.start + item.end);
                breaks_since_item = false;
            }
            NodeKind::Element { name, .. } if name == "br" => breaks_since_item = true,
            NodeKind::Comment => {}
            _ => return None,
        }
    }
    (items.len() >= 2).then_some(TextList { items })
}

fn card_list_of(
    page: &Page,
    rule: &Rule,
    side: Side,
    kind: Kind,
    lists: Vec<TextList>,
) -> Option<CardList> {
    let mut entries = Vec::new();
    let mut insertion = None;
    let mut start = None;
    for list in lists {
        let labels: Vec<&str> = list.items.iter().map(|i| page.visible(i.clone())).collect();
        let is_card_list = rule.card.is_card_list(&labels);
        let mut card_items = Vec::new();
        for (index, item) in list.items.iter().enumerate() {
            if let Some(token) = rule.card.tokens(labels[index]).first() {
                card_items.push((index, item.start + token.start..item.start + token.end));
            }
        }
        let lone_card = list.items.len() == 1 && !card_items.is_empty();
        if !is_card_list && !lone_card {
            continue;
        }
        start.get_or_insert(list.items[0].start);
        for (index, token) in card_items {
            entries.push(Entry {
                element: token.clone(),
                token,
                removal: list.removal(index),
                code: None,
            });
        }
        if insertion.is_none() && is_card_list {
            insertion = Some(list.insertion(page, rule, &labels));
        }
    }
    Some(CardList {
        side,
        kind,
        start: start?,
        entries,
        insertion,
    })
}

/// The lists in a range of text: one per line, split at titles and brackets.
fn lists_in_range<'p>(page: &'p Page, range: Range<usize>) -> impl Iterator<Item = TextList> + 'p {
    page.split_at(range, SEGMENT_BREAKS)
        .into_iter()
        .filter_map(|segment| parse(page, segment))
}

/// Splits a segment into trimmed items; `None` when it holds nothing.
fn parse(page: &Page, segment: Range<usize>) -> Option<TextList> {
    let text = page.visible(segment.clone());
    let separator = SEPARATORS.iter().copied().find(|&s| text.contains(s));
    let mut items = Vec::new();
    let mut push = |start: usize, end: usize| {
        let item = trim(text, start..end);
        if !item.is_empty() {
            items.push(segment.start + item.start..segment.start + item.end);
        }
    };
    let mut start = 0;
    for (i, c) in text.char_indices() {
        let splits = match separator {
            Some(s) => c == s,
            None => c.is_whitespace() || c == '\u{a0}',
        };
        if splits {
            push(start, i);
            start = i + c.len_utf8();
        }
    }
    push(start, text.len());
    (!items.is_empty()).then_some(TextList { items })
}

/// Trims spaces, no-break spaces and `&nbsp;` from both ends.
fn trim(text: &str, mut range: Range<usize>) -> Range<usize> {
    loop {
        let slice = &text[range.clone()];
        let trimmed = slice.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{a0}');
        if trimmed.len() != slice.len() {
            range.start += slice.len() - trimmed.len();
        } else if slice
            .as_bytes()
            .get(..6)
            .is_some_and(|b| b.eq_ignore_ascii_case(NBSP))
        {
            range.start += 6;
        } else {
            break;
        }
    }
    loop {
        let slice = &text[range.clone()];
        let trimmed = slice.trim_end_matches(|c: char| c.is_whitespace() || c == '\u{a0}');
        if trimmed.len() != slice.len() {
            range.end -= slice.len() - trimmed.len();
        } else if slice.len() >= 6 && slice.as_bytes()[slice.len() - 6..].eq_ignore_ascii_case(NBSP)
        {
            range.end -= 6;
        } else {
            break;
        }
    }
    range
}

impl TextList {
    /// What to delete to take item `index` out: with the separator before it, or after it
    /// when it is first.
    fn removal(&self, index: usize) -> Range<usize> {
        let item = &self.items[index];
        if index > 0 {
            self.items[index - 1].end..item.end
        } else if let Some(next) = self.items.get(1) {
            item.start..next.start
        } else {
            item.clone()
        }
    }

    /// Appends the card after the last item, with the separator the list uses between its
    /// last two items and the name styled like the other items.
    fn insertion(&self, page: &Page, rule: &Rule, labels: &[&str]) -> Insertion {
        let last = self.items.last().expect("a list has items");
        let separator = match self.items.len() {
            n if n >= 2 => {
                let between = self.items[n - 2].end..last.start;
                if page.has_server_code(&between) {
                    ",".to_string()
                } else {
                    page.text[between].to_string()
                }
            }
            _ => ",".to_string(),
        };
        Insertion {
            at: last.end,
            pieces: vec![Piece::Text(format!(
                "{separator}{}",
                rule.card.styled_like(labels)
            ))],
        }
    }
}
