//! The cheap gates a file passes before it is decoded and parsed. Most files of a web root
//! never name the card: one vectorised search over their bytes rules them out. Of those that
//! pass, most name it only inside other words (결제주문, 제주도 배송): a look at the decoded
//! text for a card token, a scheme title or a word that puts a list on the `from` side rules
//! those out before the parser runs.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use encoding_rs::EUC_KR;

use crate::rules::{Rule, Shape};
use crate::source::encoding;

/// The searches of a run's rules, built once.
pub struct Prefilter {
    /// Every card alias, and every Hangul scheme title, in each byte form pages write them.
    bytes: AhoCorasick,
    /// Which patterns of `bytes` are scheme titles rather than card aliases.
    title_patterns: Vec<bool>,
    /// Every `move` rule's [`Rule::from_side_words`].
    from_side_words: AhoCorasick,
}

/// What the byte search saw in a file that passed it.
#[derive(Debug, Clone, Copy)]
pub struct BytesHit {
    /// A scheme title occurs (not only a card alias).
    names_title: bool,
}

impl Prefilter {
    /// Builds the byte search from every card alias of every rule, in each encoding's bytes.
    ///
    /// For a `move` rule, Hangul scheme titles (`안심클릭`, `안전결제`) pass a page too: a page
    /// whose lists leave the card out altogether never names it, and is still reported. Latin
    /// titles (`ISP` is in every `display:`) would let nearly every file through, so they do
    /// not. A `retire` rule has nothing to find on a page that does not name its card.
    pub fn new(rules: &[Rule]) -> Prefilter {
        let mut patterns: Vec<Vec<u8>> = Vec::new();
        let mut title_patterns = Vec::new();
        for rule in rules {
            let titles: Vec<&String> = match rule.shape {
                Shape::Move => rule.from.labels.iter().chain(&rule.to.labels).collect(),
                Shape::Retire => Vec::new(),
            };
            for (word, is_title) in rule.card.aliases.iter().map(|alias| (alias, false)).chain(
                titles
                    .into_iter()
                    .filter(|t| !t.is_ascii())
                    .map(|t| (t, true)),
            ) {
                for form in alias_forms(word) {
                    patterns.push(form);
                    title_patterns.push(is_title);
                }
            }
        }
        let bytes = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostFirst)
            .build(&patterns)
            .expect("card aliases form a valid automaton");
        let from_side_words = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .build(
                rules
                    .iter()
                    .filter(|rule| rule.shape == Shape::Move)
                    .flat_map(Rule::from_side_words),
            )
            .expect("scheme words form a valid automaton");
        Prefilter {
            bytes,
            title_patterns,
            from_side_words,
        }
    }

    /// The first gate, on the file's bytes: `None` when no word of any rule occurs in them.
    pub fn search_bytes(&self, bytes: &[u8]) -> Option<BytesHit> {
        let mut hits = self.bytes.find_iter(bytes);
        let first = hits.next()?;
        let names_title = self.title_patterns[first.pattern().as_usize()]
            || hits.any(|hit| self.title_patterns[hit.pattern().as_usize()]);
        Some(BytesHit { names_title })
    }

    /// The second gate, on the decoded text of a file that passed the first: whether it holds
    /// anything to detect. Without a card token, a scheme title, or a word that can put a list
    /// on a `move` rule's `from` side, there is nothing (not even a list that leaves the card out), and no
    /// need to parse.
    pub fn worth_parsing(&self, hit: BytesHit, rules: &[Rule], text: &str) -> bool {
        hit.names_title
            || rules.iter().any(|rule| !rule.card.tokens(text).is_empty())
            || self.from_side_words.is_match(text)
    }
}

/// The byte forms a word takes in pages: UTF-8, EUC-KR and numeric character references.
///
/// Latin words and hexadecimal references come in the cases pages write them (`Jeju`, `jeju`,
/// `JEJU`; `&#xc81c;`, `&#xC81C;`, `&#XC81C;`) rather than through a case-insensitive search:
/// exact literals let the prefilter use its vectorised search, which is most of a run's time
/// on a tree where few files name the card.
fn alias_forms(word: &str) -> Vec<Vec<u8>> {
    let mut forms = if word.is_ascii() {
        vec![
            word.to_string(),
            word.to_ascii_lowercase(),
            word.to_ascii_uppercase(),
        ]
    } else {
        let hex = |prefix: &str, upper: bool| -> String {
            word.chars()
                .map(|c| match upper {
                    true => format!("{prefix}{:X};", c as u32),
                    false => format!("{prefix}{:x};", c as u32),
                })
                .collect()
        };
        vec![
            word.to_string(),
            crate::rules::charref::encode(word),
            hex("&#x", false),
            hex("&#x", true),
            hex("&#X", true),
        ]
    };
    forms.sort();
    forms.dedup();
    let mut bytes: Vec<Vec<u8>> = forms.into_iter().map(String::into_bytes).collect();
    if !word.is_ascii()
        && let Some(euc_kr) = encoding::encode(EUC_KR, word)
    {
        bytes.push(euc_kr);
    }
    bytes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_prefilter_knows_every_form_pages_write_a_word_in() {
        let forms: Vec<Vec<u8>> = alias_forms("제주");
        for form in [
            "제주".as_bytes(),
            b"\xC1\xA6\xC1\xD6",
            b"&#51228;&#51452;",
            b"&#xc81c;&#xc8fc;",
            b"&#xC81C;&#xC8FC;",
            b"&#XC81C;&#XC8FC;",
        ] {
            assert!(
                forms.contains(&form.to_vec()),
                "{:?}",
                String::from_utf8_lossy(form)
            );
        }
        let latin = alias_forms("Jeju");
        for form in ["Jeju", "jeju", "JEJU"] {
            assert!(latin.contains(&form.as_bytes().to_vec()), "{form}");
        }
    }

    #[test]
    fn a_move_rule_passes_scheme_titles_and_a_retire_rule_only_its_card() {
        let page = "<p><b>안심클릭</b>: 삼성, 현대</p><p><b>안전결제</b>: 비씨, 국민</p>";
        let card_page = "<p><b>안심클릭</b>: 외환, 삼성</p>";
        let retire = Rule::from_toml(
            "oehwan-retired.toml",
            include_str!("../../tests/rules/retire/oehwan-retired.toml"),
        )
        .unwrap();
        assert_eq!(retire.shape, Shape::Retire);
        let moves = crate::rules::embedded().unwrap();
        assert!(moves.iter().all(|rule| rule.shape == Shape::Move));

        let by_retire = Prefilter::new(std::slice::from_ref(&retire));
        assert!(by_retire.search_bytes(page.as_bytes()).is_none());
        assert!(by_retire.search_bytes(card_page.as_bytes()).is_some());
        // A page whose lists leave a `move` rule's card out is still read.
        let by_move = Prefilter::new(&moves);
        let hit = by_move.search_bytes(page.as_bytes()).expect("titles pass");
        assert!(by_move.worth_parsing(hit, &moves, page));
    }
}
