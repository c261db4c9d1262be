//! The cheap gates a file passes before it is decoded and parsed. Most files of a web root
//! never name the card: one vectorised search over their bytes rules them out. Of those that
//! pass, most name it where no scheme is in sight: a shipping note (`제주/도서산간 추가
//! 배송비`), an address, a region picker, a bank list, or a payment guide that names 안심클릭
//! but lists no card. The second gate looks at the decoded text for what every finding needs:
//!
//! - something that ties a list to a scheme (a title, an identifier part such as `mpi_card`,
//!   the scheme field `certitype`), and the card or one of its peers (a list on one side, a
//!   script or server code choosing a side for the card, or lists that leave the card out);
//! - or a suppression directive (a directive that suppresses nothing is a finding).
//!
//! On a page that names no peer, a bare `제주` counts only where it could be a list of its own
//! (`<li>제주</li>`, `안심클릭: 제주`, `"제주"`): detection takes a list of several items for
//! cards only when one of them is a peer, and a sentence for a card list only with two card
//! names or the card's suffix (`제주카드`). So `제주/도서산간 추가 배송비` and `제주 및 도서산간
//! 지역은 …`, the shipping notes of nearly every Korean shop page, do not make a page worth
//! parsing, while `제주카드` and `제주 카드사` always do.
//!
//! None of this counts inside an HTML comment, which no detector reads: shops kept the
//! 2012 list in a comment when the card moved (`<!-- 안심클릭: 외환, …, 제주 -->`). Where the
//! comments are is the parser's call (a `<!--` inside a script or an attribute opens none), so a
//! page naming the card inside what looks like a comment is read again without them, the
//! comments found by the parser alone (see [`page::blank_comment_contents`]).
//!
//! A page with none of these has no finding when parsed in full (`tests/gate.rs` checks this
//! property on generated trap-heavy pages and on every sample and case page).

use std::cell::OnceCell;
use std::io::{self, Read};
use std::ops::Range;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, Input, MatchKind};
use encoding_rs::EUC_KR;
use memchr::memmem;

use crate::rules::{LazyRegex, Rule, Shape, charref, is_latin_word};
use crate::scan::page::{self, PageKind};
use crate::source::encoding;

/// What suppression comments start with: a page holding one is parsed, so that a directive
/// that suppresses nothing is reported (see `scan::suppress`).
const DIRECTIVE: &str = "kspay-migrate";

/// The searches of a run's rules, built once.
pub struct Prefilter {
    /// Every card alias, and every Hangul scheme title, in each byte form pages write them.
    bytes: AhoCorasick,
    /// Which patterns of `bytes` are scheme titles rather than card aliases.
    title_patterns: Vec<bool>,
    /// Which pattern of `bytes` is the suppression directive.
    directive_pattern: usize,
    /// For each rule, in the run's order, what ties its lists to a scheme (`None`: a `retire`
    /// rule, which needs only its card).
    scheme_words: Vec<Option<SchemeWords>>,
}

/// The words that tie a `move` rule's lists to a scheme, and the names of the card's peers.
struct SchemeWords {
    /// The Latin words that tie a list to a scheme, in lower case, all found in one pass over
    /// the text in lower case: what each pattern is is in `tie_kinds`.
    ties: Words,
    tie_kinds: Vec<TieWord>,
    /// The card's peers (`삼성`, `KB`), in lower case, found in the text in lower case; a Latin
    /// one counts as a word of its own or with a card suffix glued on (`KB`, `KBcard`; not
    /// inside `SKB` or `script`).
    peers: Words,
    /// The card's suffixes, trimmed and in lower case (`card`, `카드`).
    suffixes: Vec<String>,
    /// The card's aliases and both schemes' titles, in lower case: the words that may stand
    /// beside a bare card token that is a list of its own (`안심클릭 제주`, `MPI Jeju`).
    aliases: Vec<String>,
    titles: Vec<String>,
    /// The card's own codes (`1800`), which scripts may use without naming it.
    codes: Option<AhoCorasick>,
    /// The Hangul titles of both schemes with markup, server code or spaces between their
    /// syllables (`안심<br>클릭`): detection reads an element's text pieces together, and
    /// server code as blanks. Compiled when a page whose words tie nothing first needs it.
    split_titles: Option<LazyRegex>,
}

/// What a pattern of [`SchemeWords::ties`] is.
#[derive(Clone, Copy, PartialEq, Eq)]
enum TieWord {
    /// A name of the scheme field (`certitype`): a hit counts.
    Field,
    /// A scheme's identifier word (`mpi`, `isp`): a hit counts when it is a whole part of the
    /// identifier around it (`mpi_card`, `ispCard`; not `display`).
    Identifier,
    /// A scheme's Latin title (`ISP`, `3-D Secure`): a hit counts as a word of its own.
    LatinTitle,
}

/// The longest identifier a gate reads around a hit: past it (a blob of letters, a hostile
/// page) the page is taken to name a scheme, which only costs a parse.
const MAX_IDENTIFIER: usize = 256;

/// The longest stretch a gate reads on each side of a bare card token for the words written
/// with it: past it (a hostile page) the token is taken to stand alone, which only costs a
/// parse.
const MAX_ITEM: usize = 256;

/// What ends the text written with a card token, as detection splits text into items: markup
/// (tags, server code), quotes (attribute values, script strings), and what ends a line, a
/// sentence or a title (`text_list`'s segment breaks). List separators do not: `제주/도서산간`
/// is one list of two items.
fn ends_an_item(c: char) -> bool {
    matches!(
        c,
        '<' | '>'
            | '"'
            | '\''
            | '\n'
            | '\r'
            | ':'
            | '：'
            | '('
            | ')'
            | '['
            | ']'
            | '（'
            | '）'
            | '.'
            | '。'
            | '!'
            | '?'
            | '？'
    )
}

/// What the byte search saw in a file that passed it.
#[derive(Debug, Clone, Copy)]
pub struct BytesHit {
    /// A scheme title occurs (not only a card alias).
    names_title: bool,
    /// A suppression directive occurs.
    names_directive: bool,
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
        let directive_pattern = patterns.len();
        patterns.push(DIRECTIVE.as_bytes().to_vec());
        title_patterns.push(false);
        let bytes = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostFirst)
            .build(&patterns)
            .expect("card aliases form a valid automaton");
        Prefilter {
            bytes,
            title_patterns,
            directive_pattern,
            scheme_words: rules
                .iter()
                .map(|rule| (rule.shape == Shape::Move).then(|| SchemeWords::of(rule)))
                .collect(),
        }
    }

    /// The first gate, on the file's bytes: `None` when no word of any rule occurs in them.
    pub fn search_bytes(&self, bytes: &[u8]) -> Option<BytesHit> {
        let mut hit: Option<BytesHit> = None;
        for found in self.bytes.find_iter(bytes) {
            let pattern = found.pattern().as_usize();
            let seen = hit.get_or_insert(BytesHit {
                names_title: false,
                names_directive: false,
            });
            seen.names_title |= self.title_patterns[pattern];
            seen.names_directive |= pattern == self.directive_pattern;
            if seen.names_title && seen.names_directive {
                break;
            }
        }
        hit
    }

    /// The first gate over a file read a chunk at a time: whether any word of any rule occurs
    /// in what `reader` gives, as [`Prefilter::search_bytes`] would find in the whole. Each
    /// chunk is searched behind the last bytes of the one before it, as many as the longest
    /// word but one, so a word that a chunk's end cuts is found in the next search.
    pub fn reader_names_a_word(&self, reader: &mut dyn Read, chunk: usize) -> io::Result<bool> {
        let overlap = self.bytes.max_pattern_len() - 1;
        let mut window = vec![0; overlap + chunk.max(1)];
        let mut carried = 0;
        loop {
            let read = match reader.read(&mut window[carried..]) {
                Ok(0) => return Ok(false),
                Ok(read) => read,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            let filled = carried + read;
            if self.search_bytes(&window[..filled]).is_some() {
                return Ok(true);
            }
            carried = filled.min(overlap);
            window.copy_within(filled - carried..filled, 0);
        }
    }

    /// The second gate, on the decoded text of a file that passed the first: whether it holds
    /// what any finding needs (see the module's documentation), outside the comments of a
    /// markup page. Without it there is nothing to report, and no need to parse.
    pub fn worth_parsing(&self, hit: BytesHit, rules: &[Rule], text: &str, kind: PageKind) -> bool {
        if hit.names_directive {
            return true;
        }
        if !self.names_what_a_finding_needs(hit, rules, text) {
            return false;
        }
        // Shops kept the old list in a comment when the card moved (`<!-- 안심클릭: 외환, …,
        // 제주 -->`); the page is read again without its comments only then, since finding
        // them takes the parser (about a seventh of a full parse).
        if kind == PageKind::Markup && names_a_card_in_a_comment(rules, text) {
            return match page::blank_comment_contents(text) {
                Ok(shown) => self.names_what_a_finding_needs(hit, rules, &shown),
                // The full parse reports what went wrong.
                Err(_) => true,
            };
        }
        true
    }

    /// Whether `text` holds what any finding needs, comments included.
    fn names_what_a_finding_needs(&self, hit: BytesHit, rules: &[Rule], text: &str) -> bool {
        // Titles, identifiers and peers may be written as character references.
        let decoded = charref::decode(text);
        let decoded = Text {
            decoded: &decoded,
            lower: OnceCell::new(),
        };
        rules
            .iter()
            .zip(&self.scheme_words)
            .any(|(rule, words)| match words {
                None => !rule.card.tokens(text).is_empty(),
                Some(words) => {
                    // Cheapest first: most pages that pass the bytes name no scheme at all.
                    (hit.names_title || words.tie_a_list_to_a_scheme(rule, &decoded))
                        && (words
                            .codes
                            .as_ref()
                            .is_some_and(|codes| codes.is_match(text))
                            // The card's few tokens before the peers' search of the page.
                            || rule.card.tokens(text).into_iter().any(|token| {
                                rule.card.is_suffixed(text, token.clone())
                                    || words.stands_alone(text, token)
                            })
                            || words.name_a_peer(&decoded))
                }
            })
    }
}

impl SchemeWords {
    fn of(rule: &Rule) -> SchemeWords {
        let any_case = |words: Vec<&str>| {
            AhoCorasickBuilder::new()
                .ascii_case_insensitive(true)
                .build(words)
                .expect("rule words form a valid automaton")
        };
        let latin_titles = rule
            .from
            .labels
            .iter()
            .chain(&rule.to.labels)
            .filter(|label| label.is_ascii())
            .map(String::as_str);
        let ties: Vec<(&str, TieWord)> = (rule.field_names().iter())
            .map(|field| (field.as_str(), TieWord::Field))
            .chain(rule.scheme_identifiers().map(|i| (i, TieWord::Identifier)))
            .chain(latin_titles.map(|title| (title, TieWord::LatinTitle)))
            .collect();
        SchemeWords {
            ties: Words::new(ties.iter().map(|(word, _)| *word)),
            tie_kinds: ties.iter().map(|(_, kind)| *kind).collect(),
            peers: Words::new(rule.card.peers().iter().map(String::as_str)),
            suffixes: rule
                .card
                .suffixes
                .iter()
                .map(|suffix| suffix.trim().to_lowercase())
                .collect(),
            aliases: lower_case(&rule.card.aliases),
            titles: lower_case(rule.from.labels.iter().chain(&rule.to.labels)),
            codes: (!rule.card.codes.is_empty())
                .then(|| any_case(rule.card.codes.iter().map(String::as_str).collect())),
            split_titles: split_titles(rule),
        }
    }

    /// Whether `text` holds something that puts a list, a script or server code on one of the
    /// rule's schemes: the scheme field, an identifier one of whose parts is a scheme's, or a
    /// title as detection matches titles (Latin ones as words; Hangul ones also typed with
    /// spaces or split by markup, which [`split_titles`] covers).
    fn tie_a_list_to_a_scheme(&self, rule: &Rule, text: &Text) -> bool {
        let (lower, text) = (text.lower(), text.decoded);
        let mut read_until = 0;
        self.ties
            .any_place(lower, |word, found| match self.tie_kinds[word] {
                TieWord::Field => true,
                TieWord::LatinTitle => is_latin_word(text, found.start, found.end),
                TieWord::Identifier if found.start < read_until => false,
                TieWord::Identifier => {
                    let (identifier, ties) = self.identifier_around(rule, text, found);
                    read_until = identifier.end;
                    ties
                }
            })
            || self.split_titles.as_ref().is_some_and(|titles| {
                // Titles too long to compile: the page is taken to name a scheme, which only
                // costs a parse.
                titles.get().ok().is_none_or(|titles| titles.is_match(text))
            })
    }

    /// The identifier around a hit of an identifier word (the letters and digits around it, as
    /// detection reads an attribute or a script name), and whether it names a scheme.
    fn identifier_around(
        &self,
        rule: &Rule,
        text: &str,
        hit: Range<usize>,
    ) -> (Range<usize>, bool) {
        let is_word = |c: char| c.is_alphanumeric();
        let before = text[..hit.start]
            .char_indices()
            .rev()
            .take_while(|&(_, c)| is_word(c))
            .last()
            .map_or(hit.start, |(at, _)| at);
        let after = text[hit.end..]
            .char_indices()
            .find(|&(_, c)| !is_word(c))
            .map_or(text.len(), |(at, _)| hit.end + at);
        let ties =
            after - before > MAX_IDENTIFIER || rule.identifier_names_a_scheme(&text[before..after]);
        (before..after, ties)
    }

    /// Whether the bare card token at `token` in `text` may be a list of its own: every other
    /// word written with it (up to what [`ends_an_item`]) is a scheme's title or part of one,
    /// or the card again. With another word beside it (`제주/도서산간`, `제주 및 도서산간 지역은`,
    /// `Jeju Island`) it is an item of a longer list or of a sentence, which detection reads
    /// as cards only beside a peer.
    fn stands_alone(&self, text: &str, token: Range<usize>) -> bool {
        let start = text[..token.start]
            .char_indices()
            .rev()
            .take_while(|&(at, _)| token.start - at <= MAX_ITEM)
            .find(|&(_, c)| ends_an_item(c))
            .map(|(at, c)| at + c.len_utf8());
        let end = text[token.end..]
            .char_indices()
            .take_while(|&(at, _)| at <= MAX_ITEM)
            .find(|&(_, c)| ends_an_item(c))
            .map(|(at, _)| token.end + at);
        let start = match start {
            Some(start) => start,
            None if token.start <= MAX_ITEM => 0,
            None => return true,
        };
        let end = match end {
            Some(end) => end,
            None if text.len() - token.end <= MAX_ITEM => text.len(),
            None => return true,
        };
        let beside = format!("{} {}", &text[start..token.start], &text[token.end..end]);
        let beside = charref::decode(&beside).replace("&nbsp;", " ");
        beside
            .split(|c: char| !c.is_alphanumeric())
            .filter(|word| !word.is_empty())
            .all(|word| {
                let word = word.to_lowercase();
                self.titles.iter().any(|title| title.contains(&word))
                    || self
                        .aliases
                        .iter()
                        .any(|alias| word.starts_with(alias.as_str()))
                    || self.suffixes.contains(&word)
            })
    }

    /// Whether `text` names one of the card's peers: a Hangul one anywhere, a Latin one as a
    /// word of its own or with a card suffix glued on (`Samsungcard`).
    fn name_a_peer(&self, text: &Text) -> bool {
        let (lower, text) = (text.lower(), text.decoded);
        let word_ends = |at: usize| {
            let rest = &text[at..];
            !rest
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_alphanumeric())
                || self.suffixes.iter().any(|suffix| {
                    rest.get(..suffix.len())
                        .is_some_and(|glued| glued.eq_ignore_ascii_case(suffix))
                })
        };
        self.peers.any_place(lower, |_, found| {
            !text[found.clone()].is_ascii()
                || (!text[..found.start]
                    .chars()
                    .next_back()
                    .is_some_and(|c| c.is_ascii_alphanumeric())
                    && word_ends(found.end))
        })
    }
}

/// Whether a card token of any rule lies between a `<!--` and the next `-->`: a cheap first
/// look, which only decides whether the parser is asked where the comments really are.
fn names_a_card_in_a_comment(rules: &[Rule], text: &str) -> bool {
    let mut comments = Vec::new();
    let mut from = 0;
    while let Some(open) = memmem::find(&text.as_bytes()[from..], b"<!--") {
        let start = from + open;
        let end =
            memmem::find(&text.as_bytes()[start..], b"-->").map_or(text.len(), |at| start + at);
        comments.push(start..end);
        from = end;
    }
    !comments.is_empty()
        && rules.iter().any(|rule| {
            rule.card.tokens(text).iter().any(|token| {
                comments
                    .iter()
                    .any(|comment| comment.start < token.start && token.end <= comment.end)
            })
        })
}

/// Words in lower case, to find in a text in lower case wherever they start, overlapping or
/// not (`KB` inside `KB Kookmin`).
///
/// An overlapping search in any case was most of the gate's time: it cannot skip ahead with
/// the automaton's vectorised prefilter, and these letters fill every page's markup
/// (`display`). A leftmost search in lower case can; each place it stops at is then read for
/// every word that starts there, and the search goes on from the next byte.
///
/// Words shorter than [`SHORT_WORD`] bytes (`KB`, `SC`) are searched apart, each on its own:
/// beside them the automaton's prefilter could only tell words apart by their first two bytes,
/// which half a Korean page's syllables and most of its markup's letter pairs share with one of
/// them; it then stopped everywhere (this was two thirds of the peers' search).
struct Words {
    /// Finds where a word of [`SHORT_WORD`] bytes or more starts.
    long: AhoCorasick,
    /// Each shorter word, by its index in `words`.
    short: Vec<(usize, memmem::Finder<'static>)>,
    words: Vec<String>,
}

/// The length from which a word is found by [`Words::long`].
const SHORT_WORD: usize = 3;

impl Words {
    fn new<'w>(words: impl IntoIterator<Item = &'w str>) -> Words {
        let words: Vec<String> = words.into_iter().map(str::to_ascii_lowercase).collect();
        let long = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostFirst)
            .build(words.iter().filter(|word| word.len() >= SHORT_WORD))
            .expect("rule words form a valid automaton");
        let short = (words.iter().enumerate())
            .filter(|(_, word)| word.len() < SHORT_WORD)
            .map(|(index, word)| (index, memmem::Finder::new(word.as_bytes()).into_owned()))
            .collect();
        Words { long, short, words }
    }

    /// Whether `check` holds at some place of `lower` where one of the words starts, given the
    /// word's index and where it is. Places are read in page order.
    fn any_place(&self, lower: &str, mut check: impl FnMut(usize, Range<usize>) -> bool) -> bool {
        let mut short_places: Vec<(usize, usize)> = (self.short.iter())
            .flat_map(|(index, finder)| finder.find_iter(lower.as_bytes()).map(|at| (at, *index)))
            .collect();
        short_places.sort_unstable();
        let mut short_places = short_places.into_iter().peekable();
        let mut from = 0;
        loop {
            let stop = (self.long)
                .find(Input::new(lower).span(from..lower.len()))
                .map(|found| found.start());
            while let Some((at, index)) =
                short_places.next_if(|&(at, _)| stop.is_none_or(|stop| at < stop))
            {
                if check(index, at..at + self.words[index].len()) {
                    return true;
                }
            }
            let Some(start) = stop else {
                return false;
            };
            let rest = &lower.as_bytes()[start..];
            for (index, word) in self.words.iter().enumerate() {
                if word.len() >= SHORT_WORD
                    && rest.starts_with(word.as_bytes())
                    && check(index, start..start + word.len())
                {
                    return true;
                }
            }
            from = start + 1;
        }
    }
}

/// A page's text with character references decoded, and the same in lower case (Latin letters
/// only, so every offset is the same in both), made when first asked for.
struct Text<'t> {
    decoded: &'t str,
    lower: OnceCell<String>,
}

impl Text<'_> {
    fn lower(&self) -> &str {
        self.lower.get_or_init(|| self.decoded.to_ascii_lowercase())
    }
}

fn lower_case<'w>(words: impl IntoIterator<Item = &'w String>) -> Vec<String> {
    words.into_iter().map(|word| word.to_lowercase()).collect()
}

/// What may stand between two syllables of a title that detection still reads as one
/// (`안심<br>클릭`, `안심&nbsp;클릭`, `안심<?= $sep ?>클릭`): anything but another Hangul syllable,
/// and tags, comments and server code whatever they hold. A wider net than detection's (it
/// only costs a parse), and a pattern without counted repetition, so it stays small and
/// linear on any page.
const TITLE_GAP: &str = r"(?:[^\u{AC00}-\u{D7A3}]|<[^>]*>)*";

/// The Hangul titles of both schemes, each syllable apart from the next by a [`TITLE_GAP`].
fn split_titles(rule: &Rule) -> Option<LazyRegex> {
    let titles: Vec<String> = rule
        .from
        .labels
        .iter()
        .chain(&rule.to.labels)
        .filter(|label| !label.is_ascii())
        .map(|label| {
            label
                .chars()
                .map(|c| regex::escape(c.encode_utf8(&mut [0; 4])))
                .collect::<Vec<_>>()
                .join(TITLE_GAP)
        })
        .collect();
    (!titles.is_empty()).then(|| LazyRegex::new(titles.join("|")))
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
    fn words_are_found_wherever_they_start_as_an_overlapping_search_would() {
        let words = Words::new(["KB Kookmin", "KB", "M-Visa3D", "Visa3D", "isp", "SC"]);
        let places = |text: &str| {
            let mut seen = Vec::new();
            words.any_place(&text.to_ascii_lowercase(), |word, at| {
                seen.push((words.words[word].clone(), at));
                false
            });
            seen
        };
        // A longer word that starts at the same place, or one that holds another, hides
        // neither from the caller.
        assert_eq!(
            places("KB Kookminx"),
            [("kb kookmin".to_string(), 0..10), ("kb".to_string(), 0..2)]
        );
        assert_eq!(
            places("xM-VISA3D display"),
            [
                ("m-visa3d".to_string(), 1..9),
                ("visa3d".to_string(), 3..9),
                ("isp".to_string(), 11..14)
            ]
        );
        // Short words, found apart, are read in page order with the others.
        assert_eq!(
            places("sc: KB, ISP; desc"),
            [
                ("sc".to_string(), 0..2),
                ("kb".to_string(), 4..6),
                ("isp".to_string(), 8..11),
                ("sc".to_string(), 15..17)
            ]
        );
    }

    /// Gives at most `step` bytes a read, as a pipe or a slow disk may.
    struct Trickle<'a> {
        bytes: &'a [u8],
        step: usize,
    }

    impl Read for Trickle<'_> {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            let given = self.step.min(buf.len()).min(self.bytes.len());
            buf[..given].copy_from_slice(&self.bytes[..given]);
            self.bytes = &self.bytes[given..];
            Ok(given)
        }
    }

    #[test]
    fn a_file_searched_a_chunk_at_a_time_passes_as_its_whole_bytes_do() {
        let retire = Rule::from_toml(
            "oehwan-retired.toml",
            include_str!("../../tests/rules/retire/oehwan-retired.toml"),
        )
        .unwrap();
        // The embedded rules' longest words hold shorter ones (`인터넷안전결제`); the retire
        // rule's do not, so a word cut one byte too late is missed there.
        for rules in [crate::rules::embedded().unwrap(), vec![retire]] {
            passes_in_chunks_as_whole(&rules);
        }
    }

    /// Every form of every word `rules` search for (a card in UTF-8, EUC-KR and character
    /// references; Hangul scheme titles), at every place against chunks smaller than most, so
    /// that chunks cut each form everywhere, passes; a page without them does not.
    fn passes_in_chunks_as_whole(rules: &[Rule]) {
        let prefilter = Prefilter::new(rules);
        let log = b"10.0.0.200 - - [12/Mar/2013:10:00:00 +0900] \"GET /shop/goods_000.php HTTP/1.1\" 200 6034\r\n";
        let words: Vec<Vec<u8>> = rules
            .iter()
            .flat_map(|rule| {
                let titles = match rule.shape {
                    Shape::Move => rule.from.labels.iter().chain(&rule.to.labels).collect(),
                    Shape::Retire => Vec::new(),
                };
                (rule.card.aliases.iter()).chain(titles.into_iter().filter(|t| !t.is_ascii()))
            })
            .flat_map(|word| alias_forms(word))
            .collect();
        let longest = words.iter().map(Vec::len).max().unwrap();
        assert_eq!(longest, prefilter.bytes.max_pattern_len());
        for word in &words {
            for at in 0..=longest + 2 {
                let mut page = log.repeat(2)[..at].to_vec();
                page.extend_from_slice(word);
                page.extend_from_slice(log);
                assert!(prefilter.search_bytes(&page).is_some());
                for (chunk, step) in [(1, 1), (3, 2), (5, usize::MAX), (7, 3), (16, 5)] {
                    let mut reader = Trickle { bytes: &page, step };
                    assert!(
                        prefilter.reader_names_a_word(&mut reader, chunk).unwrap(),
                        "{:?} at {at}, chunks of {chunk}, reads of {step}",
                        String::from_utf8_lossy(word)
                    );
                }
            }
        }
        let clean = log.repeat(40);
        assert!(prefilter.search_bytes(&clean).is_none());
        for (chunk, step) in [(1, 1), (7, 3), (64, usize::MAX)] {
            let mut reader = Trickle {
                bytes: &clean,
                step,
            };
            assert!(!prefilter.reader_names_a_word(&mut reader, chunk).unwrap());
        }
    }

    #[test]
    fn a_read_error_of_a_chunked_search_is_the_callers() {
        struct Failing;
        impl Read for Failing {
            fn read(&mut self, _: &mut [u8]) -> io::Result<usize> {
                Err(io::Error::other("the disk went away"))
            }
        }
        let prefilter = Prefilter::new(&crate::rules::embedded().unwrap());
        let error = prefilter.reader_names_a_word(&mut Failing, 64).unwrap_err();
        assert_eq!(error.to_string(), "the disk went away");
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
        assert!(by_move.worth_parsing(hit, &moves, page, PageKind::Markup));
    }

    #[test]
    fn split_titles_that_do_not_compile_let_the_page_through_rather_than_panic() {
        // A card named in a list of its own, with no scheme's title, field or identifier.
        let page = "<p>제주카드, 삼성카드</p>";
        let rules = crate::rules::embedded().unwrap();
        let mut prefilter = Prefilter::new(&rules);
        let hit = prefilter
            .search_bytes(page.as_bytes())
            .expect("the card passes");
        assert!(!prefilter.worth_parsing(hit, &rules, page, PageKind::Markup));

        // What a rule's titles past the regex crate's size limits give: an error from the
        // first page that needs them, here from a pattern that is no regex at all.
        let words = prefilter.scheme_words[0].as_mut().expect("a move rule");
        words.split_titles = Some(LazyRegex::new("(".to_string()));
        assert!(prefilter.worth_parsing(hit, &rules, page, PageKind::Markup));
    }
}
