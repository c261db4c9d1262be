//! Migration rules: loading `rules/*.toml` and the vocabulary each rule gives the detectors.
//!
//! A rule names one card and two schemes: the scheme the card left (`from`) and the one it
//! joined (`to`). Detectors ask the rule whether a piece of text is the card, which side a
//! label, identifier, field value or server condition names; they hold no vocabulary of their own.

use std::borrow::Cow;
use std::ops::Range;
use std::path::{Path, PathBuf};

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind};
use regex::Regex;
use serde::Deserialize;

pub mod charref;
mod lazy_regex;

pub use lazy_regex::LazyRegex;

pub use crate::diagnostics::Severity;
use crate::diagnostics::line_column;

/// Rule files compiled into the binary from `rules/` (file name, contents).
const EMBEDDED: &[(&str, &str)] = include!(concat!(env!("OUT_DIR"), "/embedded_rules.rs"));

/// Which of a rule's two schemes something belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// The scheme the card left (MPI for the Jeju rule).
    From,
    /// The scheme the card joined (ISP for the Jeju rule).
    To,
}

/// The shape of a migration: what it asks of a page. Each shape has its own detector and
/// planner (`scan::detect`), prefilter words (`scan::prefilter`) and `explain` text; a new
/// shape is a new variant, routed in those places.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Shape {
    /// The card left the `from` scheme for the `to` scheme: it is taken out of every `from`
    /// list and added to the page's `to` list.
    #[default]
    Move,
    /// The card is withdrawn (its issuer merged into another): it is taken out of the card
    /// lists of both schemes and added nowhere. `from` and `to` only name the schemes whose
    /// lists are read.
    Retire,
}

impl Shape {
    /// The name rule files and `explain` use.
    pub fn as_str(self) -> &'static str {
        match self {
            Shape::Move => "move",
            Shape::Retire => "retire",
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleFile {
    id: String,
    /// `move` when absent: every rule written before shapes existed moves a card.
    #[serde(default)]
    shape: Shape,
    title: String,
    severity: Severity,
    message: String,
    references: Vec<String>,
    explanation: String,
    card: CardFile,
    from: SchemeFile,
    to: SchemeFile,
    field: FieldFile,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct CardFile {
    name: String,
    latin_name: String,
    aliases: Vec<String>,
    #[serde(default)]
    suffixes: Vec<String>,
    #[serde(default)]
    codes: Vec<String>,
    #[serde(default)]
    shared_suffixes: Vec<String>,
    #[serde(default)]
    bank_suffixes: Vec<String>,
    #[serde(default)]
    peers: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SchemeFile {
    name: String,
    labels: Vec<String>,
    #[serde(default)]
    identifiers: Vec<String>,
    #[serde(default)]
    codes: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct FieldFile {
    names: Vec<String>,
}

/// The longest word (alias, title, identifier, suffix, peer, code, field name) a rule may give.
/// Real ones are under 25 characters (`Internet Secure Payment`); one of thousands made
/// building the rule's automata take minutes before a run read its first file.
const MAX_WORD_CHARS: usize = 64;

/// A loaded, validated migration rule.
#[derive(Debug)]
pub struct Rule {
    pub id: String,
    pub shape: Shape,
    pub title: String,
    pub severity: Severity,
    pub message: String,
    pub references: Vec<String>,
    pub explanation: String,
    /// Where the rule was loaded from (`embedded:NAME` or a path).
    pub origin: String,
    pub card: Card,
    pub from: Scheme,
    pub to: Scheme,
    field_names: Vec<String>,
    /// `certitype = "M"`: the scheme field assigned a `from` code; `None` when the rule names
    /// no `from` code. Compiled when a page with server code first asks for it: its Unicode
    /// classes made it the costliest part of a run's start (BENCHMARKS.md, session 10).
    from_assignment: Option<LazyRegex>,
}

/// The card a rule moves: how to find it in text and how to write it into a list.
#[derive(Debug)]
pub struct Card {
    pub name: String,
    pub latin_name: String,
    pub aliases: Vec<String>,
    pub suffixes: Vec<String>,
    pub codes: Vec<String>,
    shared_suffixes: Vec<String>,
    bank_suffixes: Vec<String>,
    peers: Vec<String>,
    token: Regex,
}

/// The vocabulary of one payment scheme.
#[derive(Debug)]
pub struct Scheme {
    pub name: String,
    pub labels: Vec<String>,
    /// Finds every Latin label in one pass, in any case; detection asks of every sentence and
    /// heading whether it names the scheme.
    latin_finder: AhoCorasick,
    /// The other labels, each as people type it (spaces between two Hangul syllables allowed);
    /// `None` when every label is Latin.
    typed_finder: Option<Regex>,
    identifiers: Vec<String>,
    codes: Vec<String>,
}

/// A rule file that could not be loaded; the message names the file and the problem.
#[derive(Debug, thiserror::Error)]
#[error("{origin}: {message}")]
pub struct RuleError {
    pub origin: String,
    pub message: String,
}

impl Rule {
    /// Parses and validates one rule file's text; `origin` names it in errors.
    pub fn from_toml(origin: &str, text: &str) -> Result<Rule, RuleError> {
        let error = |message: String| RuleError {
            origin: origin.to_string(),
            message,
        };
        // One line, `FILE:LINE:COL: what`, as config errors read: not TOML's excerpt.
        let file: RuleFile = toml::from_str(text).map_err(|e| match e.span() {
            Some(span) => {
                let (line, column) = line_column(text, span.start);
                RuleError {
                    origin: format!("{origin}:{line}:{column}"),
                    message: e.message().trim_end().to_string(),
                }
            }
            None => error(e.message().trim_end().to_string()),
        })?;

        let id_ok = !file.id.is_empty()
            && file
                .id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        if !id_ok {
            return Err(error(format!(
                "id {:?} must be non-empty lowercase ASCII letters, digits and '-'",
                file.id
            )));
        }
        let non_empty = |list: &[String], what: &str| {
            if list.is_empty() || list.iter().any(|s| s.trim().is_empty()) {
                Err(error(format!(
                    "{what} must be a non-empty list of non-empty strings"
                )))
            } else {
                Ok(())
            }
        };
        non_empty(&file.card.aliases, "card.aliases")?;
        non_empty(&file.from.labels, "from.labels")?;
        non_empty(&file.to.labels, "to.labels")?;
        non_empty(&file.field.names, "field.names")?;
        let words: [(&str, &[String]); 15] = [
            ("card.name", std::slice::from_ref(&file.card.name)),
            (
                "card.latin_name",
                std::slice::from_ref(&file.card.latin_name),
            ),
            ("card.aliases", &file.card.aliases),
            ("card.suffixes", &file.card.suffixes),
            ("card.codes", &file.card.codes),
            ("card.shared_suffixes", &file.card.shared_suffixes),
            ("card.bank_suffixes", &file.card.bank_suffixes),
            ("card.peers", &file.card.peers),
            ("from.labels", &file.from.labels),
            ("from.identifiers", &file.from.identifiers),
            ("from.codes", &file.from.codes),
            ("to.labels", &file.to.labels),
            ("to.identifiers", &file.to.identifiers),
            ("to.codes", &file.to.codes),
            ("field.names", &file.field.names),
        ];
        for (what, list) in words {
            if let Some(word) = list.iter().find(|w| w.chars().count() > MAX_WORD_CHARS) {
                let start: String = word.chars().take(12).collect();
                return Err(error(format!(
                    "{what}: \"{start}...\" is {} characters long; a rule's words are at most {MAX_WORD_CHARS}",
                    word.chars().count()
                )));
            }
        }
        if file.card.name.trim().is_empty() || file.card.latin_name.trim().is_empty() {
            return Err(error(
                "card.name and card.latin_name must not be empty".into(),
            ));
        }

        let token = card_token_regex(&file.card.aliases, &file.card.suffixes);
        let from_assignment =
            assignment_pattern(&file.field.names, &file.from.codes).map(LazyRegex::new);
        Ok(Rule {
            id: file.id,
            shape: file.shape,
            title: file.title,
            severity: file.severity,
            message: file.message,
            references: file.references,
            explanation: file.explanation.trim().to_string(),
            origin: origin.to_string(),
            card: Card {
                name: file.card.name,
                latin_name: file.card.latin_name,
                aliases: file.card.aliases,
                suffixes: file.card.suffixes,
                codes: file.card.codes,
                shared_suffixes: file.card.shared_suffixes,
                bank_suffixes: file.card.bank_suffixes,
                // Longest first, so `하나SK` is tried before `하나` (see `leading_name`).
                peers: {
                    let mut peers = file.card.peers;
                    peers.sort_by_key(|p| std::cmp::Reverse(p.len()));
                    peers
                },
                token,
            },
            from: Scheme::new(file.from),
            to: Scheme::new(file.to),
            field_names: file.field.names,
            from_assignment,
        })
    }

    /// The vocabulary of one side.
    pub fn scheme(&self, side: Side) -> &Scheme {
        match side {
            Side::From => &self.from,
            Side::To => &self.to,
        }
    }

    /// Which side a visible title names (`안심클릭(MPI)` → From), if exactly one.
    pub fn side_of_label(&self, text: &str) -> Option<Side> {
        let text = charref::decode(text);
        one_side(self.from.names_label(&text), self.to.names_label(&text))
    }

    /// Whether a text names both schemes' titles (`안심클릭/안전결제`): a comparison, not a title.
    pub fn names_both_labels(&self, text: &str) -> bool {
        let text = charref::decode(text);
        self.from.names_label(&text) && self.to.names_label(&text)
    }

    /// Which side an attribute or script identifier names (`mpi_card`, `ispCard`), if one.
    pub fn side_of_identifier(&self, identifier: &str) -> Option<Side> {
        let parts = identifier_parts(identifier);
        let names = |scheme: &Scheme| {
            parts.iter().any(|part| {
                scheme
                    .identifiers
                    .iter()
                    .any(|i| i.eq_ignore_ascii_case(part))
            })
        };
        one_side(names(&self.from), names(&self.to))
    }

    /// Whether an identifier names either scheme (`mpi_card`, `ispCard`, even both): a part
    /// of it is a scheme identifier, as [`Rule::side_of_identifier`] reads it.
    pub fn identifier_names_a_scheme(&self, identifier: &str) -> bool {
        identifier_parts(identifier).iter().any(|part| {
            self.from
                .identifiers
                .iter()
                .chain(&self.to.identifiers)
                .any(|i| i.eq_ignore_ascii_case(part))
        })
    }

    /// The identifier words of both schemes (`mpi`, `isp`).
    pub fn scheme_identifiers(&self) -> impl Iterator<Item = &str> {
        self.from
            .identifiers
            .iter()
            .chain(&self.to.identifiers)
            .map(String::as_str)
    }

    /// The names of the scheme field (`certitype`).
    pub fn field_names(&self) -> &[String] {
        &self.field_names
    }

    /// Which side a scheme-field value selects (`M` → From), if one.
    pub fn side_of_code(&self, value: &str) -> Option<Side> {
        let value = value.trim();
        one_side(
            self.from.codes.iter().any(|c| c == value),
            self.to.codes.iter().any(|c| c == value),
        )
    }

    /// Matches an assignment of a `from` code to the scheme field (`$certitype = "M"`,
    /// `certitype = 'M'`) with groups `field` and `value` (the quoted code); `None` when the
    /// rule names no `from` code, or when its field names are too many to compile. Compiled on
    /// the first call.
    pub fn from_assignment(&self) -> Option<&Regex> {
        self.from_assignment.as_ref()?.get().ok()
    }

    /// Whether a form field or variable name is the scheme field (`certitype`).
    pub fn is_scheme_field(&self, name: &str) -> bool {
        let name = name.trim().trim_start_matches('$');
        self.field_names
            .iter()
            .any(|f| f.eq_ignore_ascii_case(name))
    }

    /// Which side a server-side condition selects: it must test the scheme field for equality
    /// with one side's quoted code (`certitype = "M"`, `"M".equals(certitype)`).
    pub fn side_of_condition(&self, condition: &str) -> Option<Side> {
        let lower = condition.to_ascii_lowercase();
        let tests_field = self
            .field_names
            .iter()
            .any(|f| lower.contains(&f.to_ascii_lowercase()));
        let negated = condition.contains("!=")
            || condition.contains("<>")
            || lower.contains(" not ")
            || condition.contains("!\"")
            || condition.contains("!(");
        if !tests_field || negated {
            return None;
        }
        let quoted = |code: &String| {
            ['"', '\'']
                .iter()
                .any(|q| condition.contains(&format!("{q}{code}{q}")))
        };
        one_side(
            self.from.codes.iter().any(quoted),
            self.to.codes.iter().any(quoted),
        )
    }
}

impl Scheme {
    fn new(file: SchemeFile) -> Scheme {
        // A DFA without a prefilter: the labels' letters (`isp` in `display`) fill every
        // page's markup, where the prefilter stops at nearly every byte and gains nothing.
        let latin_finder = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .kind(Some(AhoCorasickKind::DFA))
            .prefilter(false)
            .build(file.labels.iter().filter(|label| label.is_ascii()))
            .expect("scheme labels form a valid automaton");
        let typed: Vec<String> = file
            .labels
            .iter()
            .filter(|label| !label.is_ascii())
            .map(|label| typed_pattern(label))
            .collect();
        let typed_finder = (!typed.is_empty()).then(|| {
            Regex::new(&format!("(?i){}", typed.join("|"))).expect("escaped labels form a regex")
        });
        Scheme {
            name: file.name,
            latin_finder,
            typed_finder,
            labels: file.labels,
            identifiers: file.identifiers,
            codes: file.codes,
        }
    }

    /// The scheme field's values that select this scheme (`M`).
    pub fn codes(&self) -> &[String] {
        &self.codes
    }

    /// Whether `text` contains one of this scheme's titles. Hangul titles match anywhere
    /// (`안심클릭결제`), and as people type them, with spaces between their syllables (`안심 클릭
    /// 결제`, `안전 결제`); Latin ones as whole words in any case (`ISP인증`, `ISP 인증`), so `ISP`
    /// does not match inside `display`.
    pub fn names_label(&self, text: &str) -> bool {
        // The typed forms are searched in the text as it is: joining the words of every
        // Korean sentence first copied it whole, and cost more than the search.
        self.typed_finder
            .as_ref()
            .is_some_and(|finder| finder.is_match(text))
            || self
                .latin_finder
                .find_overlapping_iter(text)
                .any(|found| is_latin_word(text, found.start(), found.end()))
    }
}

/// A label as a pattern matching it as people type it: with any run of spaces between two of
/// its Hangul syllables (`안심 클릭`, `안전` and `결제` with a no-break space between), which is
/// what matching it in the text with those spaces taken out would find.
fn typed_pattern(label: &str) -> String {
    let mut pattern = String::new();
    let mut after_syllable = false;
    for c in label.chars() {
        let syllable = is_hangul_syllable(c);
        if syllable && after_syllable {
            // Whitespace and no-break spaces, as people put them between syllables.
            pattern.push_str(r"[\s\u{a0}]*");
        }
        pattern.push_str(&regex::escape(c.encode_utf8(&mut [0; 4])));
        after_syllable = syllable;
    }
    pattern
}

fn is_hangul_syllable(c: char) -> bool {
    ('\u{AC00}'..='\u{D7A3}').contains(&c)
}

impl Card {
    /// Byte ranges of every whole-word token naming the card (`제주`, `제주카드`, `Jeju Card`).
    ///
    /// After a suffix, a particle may follow (`제주카드로`, `제주카드는`): with the suffix the
    /// token is already unambiguous, while a bare `제주도` is the island.
    pub fn tokens(&self, text: &str) -> Vec<Range<usize>> {
        self.token
            .find_iter(text)
            .filter(|m| {
                let suffixed = self
                    .suffixes
                    .iter()
                    .any(|s| !s.is_ascii() && charref::decode(m.as_str()).ends_with(s.as_str()));
                let before = charref::char_before(text, m.start());
                let after = charref::char_at(text, m.end());
                !before.is_some_and(char::is_alphanumeric)
                    && (suffixed || !after.is_some_and(char::is_alphanumeric))
            })
            .map(|m| m.range())
            .collect()
    }

    /// The card's usual list companions (`삼성`, `KB Kookmin`), longest first.
    pub fn peers(&self) -> &[String] {
        &self.peers
    }

    /// Whether a list item is one of the card's usual list companions: a peer name, alone or
    /// with one of the card suffixes (`삼성카드`, `KB Kookmin Card`). Latin letters compare in
    /// any case and runs of whitespace (`&nbsp;` included) as one space, as English pages
    /// write `SAMSUNG CARD` or `KB Kookmin&nbsp;Card`.
    pub fn is_peer(&self, item: &str) -> bool {
        // Every word of a sentence is asked: copy it only when there is something to fold.
        let needs_folding = item.contains('&')
            || item.contains(|c: char| c.is_whitespace() && c != ' ')
            || item.contains("  ");
        let item: Cow<str> = if needs_folding {
            let item = charref::decode(item).replace("&nbsp;", " ");
            Cow::Owned(item.split_whitespace().collect::<Vec<_>>().join(" "))
        } else {
            Cow::Borrowed(item.trim())
        };
        self.peers.iter().any(|peer| {
            strip_prefix_ignore_ascii_case(&item, peer).is_some_and(|rest| {
                let rest = rest.trim();
                rest.is_empty()
                    || self
                        .suffixes
                        .iter()
                        .any(|s| rest.eq_ignore_ascii_case(s.trim()))
            })
        })
    }

    /// The length of the card name `text` starts with: the rule's card or a peer, with an
    /// optional suffix (`우리카드`, `신한 카드`, `BC Card`), when a particle or a word break
    /// follows it (`우리카드가 시행하는`, `제주 등`, `비씨로`). `None` when `text` does not start
    /// with a card name (`삼성전자`, `국민연금`).
    pub fn leading_name(&self, text: &str) -> Option<usize> {
        if let Some(token) = self.tokens(text).first().filter(|t| t.start == 0) {
            return Some(token.end);
        }
        // Peers are sorted longest first when the rule is loaded.
        self.peers.iter().find_map(|peer| {
            let rest = strip_prefix_ignore_ascii_case(text, peer)?;
            let end = peer.len() + self.suffix_after(rest).unwrap_or(0);
            let after = &text[end..];
            let word_ends = !charref::char_at(text, end).is_some_and(char::is_alphanumeric);
            (word_ends || starts_with_particle(after)).then_some(end)
        })
    }

    /// The length of the card suffix `rest` starts with, after at most one space (`카드`,
    /// ` 카드`, ` Card`).
    fn suffix_after(&self, rest: &str) -> Option<usize> {
        let spaced = rest.trim_start();
        let gap = rest.len() - spaced.len();
        self.suffixes.iter().find_map(|suffix| {
            let suffix = suffix.trim_start();
            (gap <= 1 && strip_prefix_ignore_ascii_case(spaced, suffix).is_some())
                .then_some(gap + suffix.len())
        })
    }

    /// Whether the card token at `token` in `text` names a card by its own form: it carries a
    /// suffix (`제주카드`, `Jeju Card`) or one follows it after a space (`제주 카드사`). A bare
    /// `제주` is as often the island (`제주 지역은 배송이 …`).
    pub fn is_suffixed(&self, text: &str, token: Range<usize>) -> bool {
        self.suffix_of(&text[token.clone()]).is_some()
            || self.suffix_after(&text[token.end..]).is_some()
    }

    /// Where the card name that `text` ends with starts: the rule's card or a peer, with an
    /// optional suffix, after a word break (`본 서비스는 외환` → the offset of `외환`).
    pub fn trailing_name(&self, text: &str) -> Option<usize> {
        let start = text
            .char_indices()
            .rev()
            .find(|(_, c)| c.is_whitespace() || *c == '\u{a0}')
            .map_or(0, |(i, c)| i + c.len_utf8());
        let word = &text[start..];
        (self.leading_name(word) == Some(word.len())).then_some(start)
    }

    /// Whether a trimmed list item is a card name and nothing else (`BC카드`, `제주`, `KB 국민`).
    pub fn is_name(&self, item: &str) -> bool {
        self.leading_name(item) == Some(item.len()) || self.is_peer(item)
    }

    /// The suffix (`카드`, `은행`, ` Card`) a card name ends with, if any, as the page wrote
    /// it (characters or references).
    pub fn suffix_of<'n>(&self, name: &'n str) -> Option<&'n str> {
        name.char_indices().skip(1).find_map(|(at, _)| {
            let tail = charref::decode(&name[at..]);
            self.suffixes
                .iter()
                .any(|suffix| tail == suffix.as_str())
                .then(|| &name[at..])
        })
    }

    /// Whether a suffix may stand once, on a run's last item, for the whole run (`카드`).
    pub fn is_shared_suffix(&self, suffix: &str) -> bool {
        let suffix = charref::decode(suffix);
        self.shared_suffixes.iter().any(|s| *s == suffix)
    }

    /// Whether list items (trimmed labels) are a list of cards: one of them is a peer card,
    /// and they are not mostly bank names (a virtual-account bank list holds 제주은행 too).
    pub fn is_card_list(&self, items: &[&str]) -> bool {
        let banks = items
            .iter()
            .filter(|item| {
                let item = charref::decode(item);
                self.bank_suffixes
                    .iter()
                    .any(|s| ends_with_ignore_ascii_case(item.trim(), s))
            })
            .count();
        items.iter().any(|item| self.is_peer(item)) && banks * 2 <= items.len()
    }

    /// The card's name written in the style of a list's other items: the Latin name in a
    /// Latin list, the suffix (such as `카드`) that most of the items carry, and character
    /// references when most items are written with them.
    pub fn styled_like(&self, items: &[&str]) -> String {
        let by_reference =
            items.iter().filter(|item| item.contains("&#")).count() * 2 > items.len();
        let latin = majority(items, |item| charref::decode(item).is_ascii());
        let base = if latin { &self.latin_name } else { &self.name };
        let name = format!("{base}{}", self.list_suffix(items).unwrap_or(""));
        if by_reference {
            charref::encode(&name)
        } else {
            name
        }
    }

    /// The suffix (such as `카드`) that most of a list's items carry.
    pub fn list_suffix(&self, items: &[&str]) -> Option<&str> {
        self.suffixes
            .iter()
            .find(|suffix| {
                majority(items, |item| {
                    let item = charref::decode(item);
                    item.len() > suffix.len() && item.ends_with(suffix.as_str())
                })
            })
            .map(String::as_str)
    }
}

/// Whether most `items` satisfy `pred`.
fn majority(items: &[&str], pred: impl Fn(&str) -> bool) -> bool {
    let hits = items.iter().filter(|item| pred(item)).count();
    !items.is_empty() && hits * 2 > items.len()
}

/// Particles that may follow a card name inside a sentence (`우리카드가`, `비씨로`, `제주 등`):
/// Korean grammar, not migration vocabulary, so they live here rather than in rule files.
const PARTICLES: &[&str] = &[
    "으로", "에서", "이나", "와", "과", "가", "이", "는", "은", "로", "의", "를", "을", "도", "만",
    "나",
];

/// Whether `text` starts with a particle that ends its word.
fn starts_with_particle(text: &str) -> bool {
    PARTICLES.iter().any(|p| {
        text.strip_prefix(p)
            .is_some_and(|rest| !charref::char_at(rest, 0).is_some_and(char::is_alphanumeric))
    })
}

/// `text` without `prefix`, Latin letters compared in any case.
fn strip_prefix_ignore_ascii_case<'t>(text: &'t str, prefix: &str) -> Option<&'t str> {
    let head = text.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &text[prefix.len()..])
}

/// Whether `text` ends with `suffix`, Latin letters compared in any case.
fn ends_with_ignore_ascii_case(text: &str, suffix: &str) -> bool {
    text.len() >= suffix.len()
        && text
            .get(text.len() - suffix.len()..)
            .is_some_and(|tail| tail.eq_ignore_ascii_case(suffix))
}

fn one_side(from: bool, to: bool) -> Option<Side> {
    match (from, to) {
        (true, false) => Some(Side::From),
        (false, true) => Some(Side::To),
        _ => None,
    }
}

/// One regex for every alias with up to two suffixes; Latin letters match in any case.
fn card_token_regex(aliases: &[String], suffixes: &[String]) -> Regex {
    let alternation = |words: &[String]| {
        let mut words: Vec<&String> = words.iter().collect();
        // Longest first, so `제주카드` is not cut to `제주` by leftmost-first matching.
        words.sort_by_key(|w| std::cmp::Reverse(w.len()));
        words
            .iter()
            .map(|w| charref::pattern(w))
            .collect::<Vec<_>>()
            .join("|")
    };
    let pattern = if suffixes.is_empty() {
        format!("(?i:{})", alternation(aliases))
    } else {
        format!(
            "(?i:{})(?i:{}){{0,2}}",
            alternation(aliases),
            alternation(suffixes)
        )
    };
    Regex::new(&pattern).expect("escaped alternation is a valid regex")
}

fn assignment_pattern(fields: &[String], codes: &[String]) -> Option<String> {
    let alternation = |words: &[String]| {
        words
            .iter()
            .map(|w| regex::escape(w))
            .collect::<Vec<_>>()
            .join("|")
    };
    if codes.is_empty() {
        return None;
    }
    Some(format!(
        r#"(?i)(?:^|[^\w$.])\$?(?P<field>{})\s*=\s*(?P<value>"(?:{codes})"|'(?:{codes})')"#,
        alternation(fields),
        codes = alternation(codes),
    ))
}

/// A Latin title is a word of its own when no Latin letter or digit touches it: Korean writes
/// `ISP인증` as one word, but `display` holds no `ISP`.
pub fn is_latin_word(text: &str, start: usize, end: usize) -> bool {
    let before = charref::char_before(text, start);
    let after = charref::char_at(text, end);
    !before.is_some_and(|c| c.is_ascii_alphanumeric())
        && !after.is_some_and(|c| c.is_ascii_alphanumeric())
}

/// Splits `mpi_card`, `ispCard`, `ISPCard`, `card-v3d` into lowercase words.
fn identifier_parts(identifier: &str) -> Vec<String> {
    let mut parts = Vec::new();
    for chunk in identifier.split(|c: char| !c.is_alphanumeric()) {
        let chars: Vec<char> = chunk.chars().collect();
        let mut current = String::new();
        for (i, &c) in chars.iter().enumerate() {
            let prev = i.checked_sub(1).map(|p| chars[p]);
            let next = chars.get(i + 1).copied();
            let lower_to_upper = prev.is_some_and(|p| p.is_lowercase()) && c.is_uppercase();
            let acronym_end = prev.is_some_and(char::is_uppercase)
                && c.is_uppercase()
                && next.is_some_and(char::is_lowercase);
            if (lower_to_upper || acronym_end) && !current.is_empty() {
                parts.push(std::mem::take(&mut current).to_lowercase());
            }
            current.push(c);
        }
        if !current.is_empty() {
            parts.push(current.to_lowercase());
        }
    }
    parts
}

/// The rules compiled into the binary.
pub fn embedded() -> Result<Vec<Rule>, RuleError> {
    EMBEDDED
        .iter()
        .map(|(name, text)| Rule::from_toml(&format!("embedded:rules/{name}"), text))
        .collect()
}

/// A rule file is a page of TOML; anything much larger is not one.
const MAX_RULE_FILE_BYTES: u64 = 1 << 20;

/// Every `*.toml` rule in `dir`, in file-name order.
pub fn load_dir(dir: &Path) -> Result<Vec<Rule>, RuleError> {
    let dir_error = |message: String| RuleError {
        origin: dir.display().to_string(),
        message,
    };
    let entries = std::fs::read_dir(dir).map_err(|e| {
        dir_error(match e.kind() {
            std::io::ErrorKind::NotFound => {
                "no such folder; --rules takes a folder of *.toml rule files".into()
            }
            std::io::ErrorKind::NotADirectory => {
                "not a folder; --rules takes a folder of *.toml rule files, such as the one holding this file".into()
            }
            _ => format!(
                "cannot read the folder: {}",
                crate::source::pinned::describe_io(&e)
            ),
        })
    })?;
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "toml"))
        .collect();
    paths.sort();
    if paths.is_empty() {
        return Err(dir_error("no *.toml rule files in this folder".into()));
    }
    paths
        .iter()
        .map(|path| {
            let origin = path.display().to_string();
            let text =
                crate::source::pinned::read_text(path, MAX_RULE_FILE_BYTES).map_err(|message| {
                    RuleError {
                        origin: origin.clone(),
                        message,
                    }
                })?;
            Rule::from_toml(&origin, &text)
        })
        .collect()
}

/// Checks that rule ids are unique and keeps the ones `select` names (all when empty).
pub fn select(rules: Vec<Rule>, select: &[String]) -> Result<Vec<Rule>, RuleError> {
    for (i, rule) in rules.iter().enumerate() {
        if let Some(other) = rules[..i].iter().find(|r| r.id == rule.id) {
            return Err(RuleError {
                origin: rule.origin.clone(),
                message: format!(
                    "rule id {:?} is already defined in {}",
                    rule.id, other.origin
                ),
            });
        }
    }
    if let Some(unknown) = select.iter().find(|id| !rules.iter().any(|r| &r.id == *id)) {
        let known: Vec<&str> = rules.iter().map(|r| r.id.as_str()).collect();
        return Err(RuleError {
            origin: "--select".into(),
            message: format!("no rule {unknown:?} (loaded: {})", known.join(", ")),
        });
    }
    Ok(rules
        .into_iter()
        .filter(|rule| select.is_empty() || select.contains(&rule.id))
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn jeju() -> Rule {
        embedded().unwrap().remove(0)
    }

    fn tokens<'t>(rule: &Rule, text: &'t str) -> Vec<&'t str> {
        rule.card
            .tokens(text)
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    #[test]
    fn card_tokens_are_whole_words() {
        let rule = jeju();
        let text = "결제주문 삭제주문 제주도 제주항공 제주특별자치도 제주카드, 제주은행,제주/도서 JEJU Card jejudo";
        assert_eq!(
            tokens(&rule, text),
            ["제주카드", "제주은행", "제주", "JEJU Card"]
        );
    }

    #[test]
    fn particles_may_follow_a_suffixed_name_and_references_count() {
        let rule = jeju();
        let text = "제주카드로 결제, 제주는 맑음, 제주도민, &#51228;&#xC8FC;카드, &#44208;&#51228;&#51452;&#47928;";
        assert_eq!(tokens(&rule, text), ["제주카드", "&#51228;&#xC8FC;카드"]);
        assert_eq!(
            rule.side_of_label("&#50504;&#49900;&#53364;&#47533;"),
            Some(Side::From)
        );
        assert!(rule.card.is_peer("&#49340;&#49457;"));
        assert_eq!(
            rule.card
                .styled_like(&["&#48708;&#50472;", "&#44397;&#48124;"]),
            "&#51228;&#51452;"
        );
    }

    #[test]
    fn labels_identifiers_codes_and_conditions_pick_a_side() {
        let rule = jeju();
        assert_eq!(rule.side_of_label("안심클릭(MPI)"), Some(Side::From));
        assert_eq!(rule.side_of_label("안전결제(ISP)"), Some(Side::To));
        assert_eq!(rule.side_of_label("display"), None);
        assert_eq!(rule.side_of_label("안심클릭/안전결제"), None);
        // Titles as people type them: spaces (no-break ones too) and line breaks between the
        // syllables, but not other syllables.
        for typed in [
            "안심 클릭",
            "안심  클릭 결제",
            "안전\u{a0}결제",
            "안심\r\n클릭",
            "인터넷 안전 결제",
        ] {
            assert!(rule.side_of_label(typed).is_some(), "{typed:?}");
        }
        assert_eq!(rule.side_of_label("안심하고 클릭하세요"), None);
        assert_eq!(rule.side_of_label("안심 x 클릭"), None);
        assert_eq!(rule.side_of_label("ISP 인증"), Some(Side::To));
        assert_eq!(rule.side_of_label("M-Visa3D인증"), Some(Side::From));
        assert_eq!(rule.side_of_identifier("mpi_card"), Some(Side::From));
        assert_eq!(rule.side_of_identifier("ISPCard"), Some(Side::To));
        assert_eq!(rule.side_of_identifier("selV3D"), Some(Side::From));
        assert_eq!(rule.side_of_identifier("selectcard"), None);
        assert_eq!(rule.side_of_code("M"), Some(Side::From));
        assert_eq!(
            rule.side_of_condition(r#" certitype = "M" "#),
            Some(Side::From)
        );
        assert_eq!(
            rule.side_of_condition(r#"("I".equals(certitype))"#),
            Some(Side::To)
        );
        assert_eq!(rule.side_of_condition(r#"$certitype != "M""#), None);
        assert_eq!(rule.side_of_condition(r#"paytype = "M""#), None);
    }

    #[test]
    fn bank_lists_are_not_card_lists() {
        let rule = jeju();
        assert!(rule.card.is_card_list(&["외환", "삼성", "제주"]));
        assert!(rule.card.is_card_list(&["BC카드", "국민카드", "제주은행"]));
        assert!(!rule.card.is_card_list(&["제주은행", "국민은행", "농협"]));
        assert!(
            !rule
                .card
                .is_card_list(&["제주", "도서산간 지역 추가 배송비"])
        );
    }

    #[test]
    fn english_card_names_are_peers_in_any_case_and_with_several_words() {
        let rule = jeju();
        for item in [
            "Samsung Card",
            "KB Kookmin Card",
            "KB  Kookmin&nbsp;Card",
            "SAMSUNG CARD",
            "hyundai card",
            "NH Nonghyup",
            "Citibank",
            "KB국민카드",
        ] {
            assert!(rule.card.is_peer(item), "{item}");
        }
        for item in [
            "KB Kookmin Bank",
            "Samsung Electronics",
            "Hanaro Mart",
            "Korea Post",
            "Island",
        ] {
            assert!(!rule.card.is_peer(item), "{item}");
        }
        assert!(
            rule.card
                .is_card_list(&["Samsung Card", "Hyundai Card", "Jeju Card"])
        );
        assert!(
            !rule
                .card
                .is_card_list(&["Citibank", "Kookmin Bank", "Jeju Bank"]),
            "an English bank list"
        );
        assert!(
            !rule
                .card
                .is_card_list(&["Jeju", "Island", "delivery", "by", "Korea", "Post"])
        );
    }

    #[test]
    fn styled_name_follows_the_list() {
        let rule = jeju();
        assert_eq!(rule.card.styled_like(&["비씨", "국민", "수협"]), "제주");
        assert_eq!(rule.card.styled_like(&["BC카드", "국민카드"]), "제주카드");
        assert_eq!(rule.card.styled_like(&["BC Card", "KB Card"]), "Jeju Card");
    }

    #[test]
    fn malformed_rules_name_the_problem() {
        // One line, `FILE:LINE:COL: what`, as config errors read.
        let err = Rule::from_toml("x.toml", "id = 3").unwrap_err();
        assert!(err.to_string().starts_with("x.toml:1:6: "), "{err}");
        assert_eq!(err.to_string().lines().count(), 1, "{err}");
        let text = include_str!("../../rules/jeju-mpi-to-isp.toml").replace("[field]", "[feild]");
        let err = Rule::from_toml("y.toml", &text).unwrap_err();
        assert!(err.to_string().contains("feild"), "{err}");
    }

    #[test]
    fn a_word_too_long_to_search_for_is_refused_at_load() {
        let with_label = |label: &str| {
            include_str!("../../rules/jeju-mpi-to-isp.toml").replace(
                r#"labels = ["안심클릭","#,
                &format!(r#"labels = ["{label}", "안심클릭","#),
            )
        };
        let longest = "안심".repeat(MAX_WORD_CHARS / 2);
        assert!(Rule::from_toml("ok.toml", &with_label(&longest)).is_ok());
        let err = Rule::from_toml("long.toml", &with_label(&"안심".repeat(4000))).unwrap_err();
        assert_eq!(
            err.to_string(),
            "long.toml: from.labels: \"안심안심안심안심안심안심...\" is 8000 characters long; \
             a rule's words are at most 64"
        );
    }
}
