//! Card lists written as plain text: `외환,삼성,현대,제주`, `BC카드, 국민카드`, `안심클릭 : 삼성 / 제주`,
//! or one card per line between `<br>`s.
//!
//! A list is a run of items split by one separator (`,` `，` `、` `·` `/` `|`, else spaces),
//! within one line and one sentence of a text node and after any title ending in `:` or `(`; or
//! the text nodes of an element that holds nothing but them and `<br>`s. It is a card list only
//! when another item is a card the rule names as a peer, so a shipping note such as
//! `제주/도서산간 추가 배송비` is never taken for one.
//!
//! A sentence is not a list: in `국민, 비씨, 우리카드가 시행하는 …` the cards are a run inside
//! the sentence, whose edges carry the words around it. Such a run is cut down to its card
//! names and marked, so that its edits stay inside the run and are never applied as safe.

use std::ops::Range;

use super::{CardList, Entry, Insertion, Piece};
use crate::diagnostics::Kind;
use crate::rules::{Rule, Side};
use crate::scan::page::Page;
use crate::scan::page::tree::{NodeId, NodeKind};

const SEPARATORS: &[char] = &[',', '，', '、', '·', '/', '|'];
const NBSP: &[u8] = b"&nbsp;";
const SEGMENT_BREAKS: &[char] = &[
    '\n', ':', '：', '(', ')', '[', ']', '（', '）', '.', '。', '!', '?', '？',
];

/// A text list: its items, trimmed, as page ranges.
struct TextList {
    items: Vec<Range<usize>>,
    /// The items are a run of cards inside a sentence, cut down to the card names.
    in_sentence: bool,
    /// The scheme the sentence itself names (`… 참여하는 안심클릭 서비스입니다`): its run
    /// belongs to that scheme wherever the sentence stands.
    sentence_side: Option<Side>,
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
    card_list_of(page, rule, side, kind, lists_in(page, rule, text_nodes))
}

/// The card list in one range of text (the part of a line after a title).
pub(super) fn card_list_in(
    page: &Page,
    rule: &Rule,
    side: Side,
    kind: Kind,
    range: Range<usize>,
) -> Option<CardList> {
    let lists = lists_in_range(page, rule, range).collect();
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
    lists_in_range(page, rule, range).find_map(|mut list| {
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
        Some(list.removal(page, rule, index, token))
    })
}

/// The text lists that `text_nodes` show: one per `<br>`-separated element, and one per
/// segment of every other text node.
fn lists_in(page: &Page, rule: &Rule, text_nodes: &[NodeId]) -> Vec<TextList> {
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
        lists.extend(lists_in_range(page, rule, range));
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
    (items.len() >= 2).then_some(TextList {
        items,
        in_sentence: false,
        sentence_side: None,
    })
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
    let mut extent: Option<Range<usize>> = None;
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
        // A sentence under an ISP heading that says `… 안심클릭 서비스입니다` lists MPI cards.
        let other_scheme = list.sentence_side.is_some_and(|own| own != side);
        if (!is_card_list && !lone_card) || other_scheme {
            continue;
        }
        let list_end = list.items.last().expect("a list has items").end;
        extent.get_or_insert(list.items[0].start..list_end).end = list_end;
        for (index, token) in card_items {
            entries.push(Entry {
                element: token.clone(),
                removal: list.removal(page, rule, index, &token),
                token,
                code: None,
                label: None,
                in_sentence: list.in_sentence,
            });
        }
        // The card joins the section's last list (a list wrapped over `<br>` lines continues
        // there), and a list rather than a sentence wherever the section has one.
        let better = insertion
            .as_ref()
            .is_none_or(|i: &Insertion| i.in_sentence || !list.in_sentence);
        if better && is_card_list {
            insertion = Some(list.insertion(page, rule, &labels));
        }
    }
    Some(CardList {
        side,
        kind,
        extent: extent?,
        entries,
        insertion,
    })
}

/// The lists in a range of text: one per line and sentence, split at titles and brackets.
fn lists_in_range<'p>(
    page: &'p Page,
    rule: &'p Rule,
    range: Range<usize>,
) -> impl Iterator<Item = TextList> + 'p {
    page.split_at(range, SEGMENT_BREAKS)
        .flat_map(|segment| parse(page, rule, segment))
}

/// Splits a segment into trimmed items, cut to the runs of cards when the segment is a
/// sentence; empty when it holds nothing.
fn parse(page: &Page, rule: &Rule, segment: Range<usize>) -> Vec<TextList> {
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
    if items.is_empty() {
        return Vec::new();
    }
    let sentence_side = || rule.side_of_label(text);
    let lists: Vec<TextList> = if separator.is_none() {
        let in_sentence = cut_to_card_words(page, rule, &mut items);
        vec![TextList {
            items,
            in_sentence,
            sentence_side: in_sentence.then(sentence_side).flatten(),
        }]
    } else {
        let runs = clause_runs(page, rule, items);
        let clauses = runs.len() > 1;
        runs.into_iter()
            .map(|mut items| {
                let in_sentence = cut_sentence_edges(page, rule, &mut items) || clauses;
                TextList {
                    items,
                    in_sentence,
                    sentence_side: in_sentence.then(sentence_side).flatten(),
                }
            })
            .collect()
    };
    // A section may list one card alone (`<p>제주</p>`), but a sentence or clause cut down to
    // one card name (`제주/도서산간 지역 제외`, `비씨 회원님은 …`, `Jeju Island delivery`) names a
    // card without listing any.
    lists
        .into_iter()
        .filter(|list| list.items.len() >= if list.in_sentence { 2 } else { 1 })
        .collect()
}

/// A separated sentence can hold clauses between its items (`삼성, 현대, 신한카드는 무이자
/// 할부가 가능하며, 제주 지역은 배송이 …`): the cards of one clause are no list with the words
/// of the next. Splits the items at every inner item that holds words and is not a card name;
/// that item ends the run before it and starts the run after it, and each run's edge cut
/// ([`cut_sentence_edges`]) keeps of it only the card name on its side, if any.
fn clause_runs(page: &Page, rule: &Rule, items: Vec<Range<usize>>) -> Vec<Vec<Range<usize>>> {
    let is_clause = |item: &Range<usize>| {
        let text = page.visible(item.clone());
        holds_words(text) && !rule.card.is_name(text)
    };
    let mut runs = Vec::new();
    let mut start = 0;
    for inner in 1..items.len().saturating_sub(1) {
        if is_clause(&items[inner]) {
            runs.push(items[start..=inner].to_vec());
            start = inner;
        }
    }
    runs.push(items[start..].to_vec());
    runs
}

/// In a separated list, the first item may end a sentence's opening words (`본 서비스는 외환`)
/// and the last may start its predicate (`우리카드가 시행하는 …`, `제주 등`): cuts both edges
/// to their card names (dropping an edge item that holds words but no card name), and says
/// whether the list was a sentence.
fn cut_sentence_edges(page: &Page, rule: &Rule, items: &mut Vec<Range<usize>>) -> bool {
    if items.len() < 2 {
        return false;
    }
    let mut in_sentence = false;
    let last = items.last().expect("two items").clone();
    let text = page.visible(last.clone());
    match rule.card.leading_name(text) {
        Some(len) if len < text.len() => {
            *items.last_mut().expect("two items") = last.start..last.start + len;
            in_sentence = true;
        }
        None if holds_words(text) && !rule.card.is_name(text) => {
            items.pop();
            in_sentence = true;
        }
        _ => {}
    }
    let first = items[0].clone();
    let text = page.visible(first.clone());
    match rule.card.trailing_name(text) {
        Some(start) if start > 0 && !rule.card.is_name(text) => {
            items[0] = first.start + start..first.end;
            in_sentence = true;
        }
        None if holds_words(text) && !rule.card.is_name(text) => {
            items.remove(0);
            in_sentence = true;
        }
        _ => {}
    }
    in_sentence
}

/// In a list split by spaces, words around the cards (`삼성 현대 제주 카드로 결제하세요`) make
/// it a sentence: keeps the card names from the first to the last, and says whether anything
/// else was there. A sentence naming one card (`비씨 회원님은 …`) is a sentence too, and no list.
fn cut_to_card_words(page: &Page, rule: &Rule, items: &mut Vec<Range<usize>>) -> bool {
    // Every word of every sentence comes here: each is looked up once.
    let cards: Vec<bool> = items
        .iter()
        .map(|item| rule.card.is_name(page.visible(item.clone())))
        .collect();
    let (Some(first), Some(last)) = (
        cards.iter().position(|&c| c),
        cards.iter().rposition(|&c| c),
    ) else {
        return false;
    };
    let all = items.len();
    items.truncate(last + 1);
    items.drain(..first);
    items.len() != all || !cards[first..=last].iter().all(|&c| c)
}

/// Whether a trimmed item holds more than one word.
fn holds_words(text: &str) -> bool {
    text.contains(|c: char| c.is_whitespace() || c == '\u{a0}')
}

/// Trims spaces, no-break spaces and `&nbsp;` from both ends.
pub(super) fn trim(text: &str, mut range: Range<usize>) -> Range<usize> {
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
    /// What to delete to take item `index` (holding the card's `token`) out: with the
    /// separator before it, or after it when it is first. The last item keeps a suffix the
    /// run shares (`국민, 비씨, 제주카드가` → `국민, 비씨카드가`).
    fn removal(
        &self,
        page: &Page,
        rule: &Rule,
        index: usize,
        token: &Range<usize>,
    ) -> Range<usize> {
        let item = &self.items[index];
        if index > 0 {
            let shared = self.shared_suffix(page, rule).unwrap_or("");
            let end = if index + 1 == self.items.len() && token.end == item.end {
                item.end - shared.len()
            } else {
                item.end
            };
            self.items[index - 1].end..end
        } else if let Some(next) = self.items.get(1) {
            item.start..next.start
        } else {
            item.clone()
        }
    }

    /// The suffix (`카드`) the last item carries for the whole run (`국민, 비씨, 우리카드`):
    /// one the rule lets a run share, and no other item carries a suffix.
    fn shared_suffix<'p>(&self, page: &'p Page, rule: &Rule) -> Option<&'p str> {
        let (last, others) = self.items.split_last()?;
        let suffix = rule
            .card
            .suffix_of(page.visible(last.clone()))
            .filter(|suffix| rule.card.is_shared_suffix(suffix))?;
        let alone = !others.is_empty()
            && others
                .iter()
                .all(|item| rule.card.suffix_of(page.visible(item.clone())).is_none());
        alone.then_some(suffix)
    }

    /// Appends the card after the last item, with the separator the list uses between its
    /// last two items; before the last item's suffix when the run shares it.
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
        let shared = self.shared_suffix(page, rule);
        Insertion {
            at: last.end - shared.map_or(0, str::len),
            pieces: vec![
                Piece::Text(separator),
                Piece::Name {
                    styled: rule.card.styled_like(labels),
                    bare: shared.is_some(),
                    suffix: rule.card.list_suffix(labels).map(str::to_string),
                },
            ],
            in_sentence: self.in_sentence,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules;

    /// What `item_removal` deletes for the first Jeju token of a one-paragraph page.
    fn removed(html: &str) -> Option<String> {
        let rule = rules::embedded().unwrap().remove(0);
        let page = Page::parse(html).unwrap();
        let token = rule.card.tokens(&page.text).into_iter().next().unwrap();
        item_removal(&page, &rule, 0..page.text.len(), &token).map(|r| page.text[r].to_string())
    }

    #[test]
    fn a_run_ends_at_a_clause_even_when_the_sentence_goes_on_after_a_comma() {
        // The item after the card holds the rest of the sentence; the card's own item carries
        // the predicate: only `, 제주` goes, never the words after it.
        let html = "<p>외환, 삼성, 씨티, 제주 카드사가 시행하는 인증 서비스로, 카드사 홈페이지에서 등록한 비밀번호로 결제합니다.</p>";
        assert_eq!(removed(html).as_deref(), Some(", 제주"));
    }

    #[test]
    fn a_card_alone_in_a_later_clause_is_not_an_item_of_the_run_before() {
        // `제주 지역은 …` is a shipping clause after the cards' clause, not a fourth card.
        let html = "<p>삼성, 현대, 신한카드는 2~3개월 무이자 할부가 가능하며, 제주 지역은 배송이 1~2일 더 걸립니다.</p>";
        assert_eq!(removed(html), None);
        // Two cards after the clause are a run of their own.
        let html = "<p>삼성카드는 무이자 할부가 가능하며, 국민, 제주카드는 일시불만 됩니다.</p>";
        assert_eq!(removed(html).as_deref(), Some(", 제주"));
    }

    /// The entries of the card list read from every text node of `text`.
    fn entries(text: &str) -> Option<Vec<String>> {
        let rule = rules::embedded().unwrap().remove(0);
        let page = Page::parse(text).unwrap();
        let nodes: Vec<NodeId> = (0..page.tree.nodes.len())
            .filter(|&id| page.is_shown_text(id))
            .collect();
        let list = card_list(&page, &rule, Side::From, Kind::TextList, &nodes)?;
        Some(
            list.entries
                .iter()
                .map(|e| text[e.token.clone()].to_string())
                .collect(),
        )
    }

    #[test]
    fn a_sentence_cut_to_one_card_name_is_no_list() {
        assert_eq!(
            entries("<p>5만원 이상 무료배송 (제주/도서산간 지역 제외)</p>"),
            None
        );
        assert_eq!(
            entries("<p>제주/도서산간 지역은 추가 배송비가 있습니다.</p>"),
            None
        );
        assert_eq!(entries("<p>제주카드 회원님은 ISP로 결제하세요</p>"), None);
        // Nor is a sentence naming another card: Jeju could not be added to it.
        assert_eq!(
            entries("<p>비씨 회원님은 결제 전 인증서를 확인하세요</p>"),
            None
        );
        // One card alone is still a list of one, and a run of cards in a sentence a run.
        assert_eq!(entries("<p>제주</p>"), Some(vec!["제주".to_string()]));
        assert_eq!(
            entries("<p>삼성, 제주카드로 결제 시 할인</p>"),
            Some(vec!["제주카드".to_string()])
        );
    }
}
