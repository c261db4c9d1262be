//! Which codes are card codes on a page, and which of them is the rule's card.
//!
//! A code is tied to a card by the page itself: an `<option value="13">제주카드</option>` of a
//! card select, a code-to-name pair in a script (`"13": "제주카드"`, `"13" => "제주"`), a
//! comment beside the code (`"13",  // 제주카드`), or a comment about an array that pairs one
//! of its codes with the card (`var MPI_CARDS = ["1", "16"]; // 1: 삼성, 16: 제주`). The
//! rule's own codes count too.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::Scripts;
use super::literals::Literal;
use crate::rules::Rule;
use crate::scan::page::Page;
use crate::scan::page::comments::{self, Syntax};

/// The codes a page ties to cards.
pub(super) struct Codes {
    /// The rule's card's codes, the page's first.
    pub jeju: Vec<String>,
    /// Every code the page ties to a card (the rule's card included).
    pub card: Vec<String>,
}

impl Codes {
    pub fn of(page: &Page, rule: &Rule, scripts: &Scripts, literals: &[Literal]) -> Codes {
        // Every option of a card select is a card; a script pair or comment names a card only
        // when its label is the card or one of its peers.
        let options = card_options(page, rule)
            .into_iter()
            .map(|pair| (pair, true));
        let mut pairs: Vec<((String, String), bool)> = options.collect();
        for range in &scripts.ranges {
            let script_pairs = script_pairs(&scripts.code[range.clone()])
                .into_iter()
                .chain(commented_codes(&page.masked[range.clone()]));
            pairs.extend(script_pairs.map(|pair| (pair, false)));
        }
        pairs.extend(
            commented_arrays(page, rule, scripts, literals)
                .into_iter()
                .map(|pair| (pair, false)),
        );
        let mut codes = Codes {
            jeju: Vec::new(),
            card: Vec::new(),
        };
        for ((code, label), from_card_select) in pairs {
            let is_jeju = !rule.card.tokens(&label).is_empty();
            if !is_jeju && !from_card_select && !rule.card.is_peer(&label) {
                continue;
            }
            if is_jeju && !codes.jeju.contains(&code) {
                codes.jeju.push(code.clone());
            }
            if !codes.card.contains(&code) {
                codes.card.push(code);
            }
        }
        for code in &rule.card.codes {
            for list in [&mut codes.jeju, &mut codes.card] {
                if !list.contains(code) {
                    list.push(code.clone());
                }
            }
        }
        codes
    }

    /// Whether `code` can be a card code here: one the page ties to a card, or any code when
    /// the page ties none (a `.js` file that only knows the rule's codes).
    pub fn is_card(&self, code: &str) -> bool {
        let ties_other_cards = self.card.iter().any(|c| !self.jeju.contains(c));
        !ties_other_cards || self.card.iter().any(|c| c == code)
    }

    pub fn is_jeju(&self, code: &str) -> bool {
        self.jeju.iter().any(|c| c == code)
    }
}

/// `(code, label)` of the options of the page's selects that list cards (not banks, regions
/// or months), with a literal code.
fn card_options(page: &Page, rule: &Rule) -> Vec<(String, String)> {
    let tree = &page.tree;
    let mut out = Vec::new();
    for select in tree.elements("select") {
        let options: Vec<(String, String)> = tree
            .descendants(select)
            .into_iter()
            .filter(|&id| tree.name(id) == "option")
            .filter_map(|id| {
                let value = tree.attr(id, "value")?;
                let literal = value
                    .value_range
                    .as_ref()
                    .is_some_and(|r| !page.has_server_code(r));
                let code = value.value.trim();
                (literal && !code.is_empty()).then(|| {
                    let label = page.visible(tree.content_range(id)).trim().to_string();
                    (code.to_string(), label)
                })
            })
            .collect();
        let labels: Vec<&str> = options.iter().map(|(_, label)| label.as_str()).collect();
        if rule.card.is_card_list(&labels) {
            out.extend(options);
        }
    }
    out
}

/// `"13": "제주카드"` and `'13' => '제주'` pairs.
fn script_pairs(code: &str) -> Vec<(String, String)> {
    static PAIR: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r#"["']([\w-]{1,10})["']\s*(?::|=>)\s*["']([^"'\n]{1,30})["']"#)
            .expect("valid regex")
    });
    PAIR.captures_iter(code)
        .map(|caps| (caps[1].to_string(), caps[2].trim().to_string()))
        .collect()
}

/// `"13",  // 제주카드` and `'13' /* 제주 */`: a quoted code with a comment beside it. A
/// comment written as code-name pairs (`"2", // 2: 현대, 16: 제주`) names only the pair of
/// the code it is beside.
fn commented_codes(text: &str) -> Vec<(String, String)> {
    static COMMENTED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r#"["']([\w-]{1,10})["']\s*[,;)\]]?\s*(?://|/\*)\s*([^\n*]{1,40})"#)
            .expect("valid regex")
    });
    COMMENTED
        .captures_iter(text)
        .filter_map(|caps| {
            let (code, comment) = (&caps[1], caps[2].trim());
            let pairs = named_codes(comment);
            let label = if pairs.is_empty() {
                comment
            } else {
                pairs.iter().find(|(c, _)| *c == code)?.1
            };
            Some((code.to_string(), label.to_string()))
        })
        .collect()
}

/// `(code, name)` for each code of an array that a comment about the array pairs with the
/// card: the comment trailing the array's statement, or the comment lines right above it.
fn commented_arrays(
    page: &Page,
    rule: &Rule,
    scripts: &Scripts,
    literals: &[Literal],
) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for script in &scripts.ranges {
        let in_script: Vec<&Literal> = literals
            .iter()
            .filter(|l| script.contains(&l.range.start))
            .collect();
        if in_script.is_empty() {
            continue;
        }
        let comments: Vec<Range<usize>> =
            comments::ranges(&page.masked, script.clone(), Syntax::CLike { hash: false }).collect();
        for literal in in_script {
            let inners: Vec<&str> = literal.elements.iter().map(|e| e.inner(page)).collect();
            for comment in comments_about(page, literal.range.clone(), &comments) {
                for (code, name) in named_codes(&page.masked[comment]) {
                    let names_card = rule.card.tokens(name).first().is_some_and(|t| t.start == 0);
                    if names_card && inners.contains(&code) {
                        out.push((code.to_string(), name.to_string()));
                    }
                }
            }
        }
    }
    out
}

/// The comments about a statement at `statement` of the page's masked text: the one trailing
/// it on its last line (after nothing but `;` and spaces), and the run of comment lines right
/// above its first line.
fn comments_about(
    page: &Page,
    statement: Range<usize>,
    comments: &[Range<usize>],
) -> Vec<Range<usize>> {
    let text = page.masked.as_str();
    let line_start = |offset: usize| page.lines.line_of(offset).start;
    let mut about = Vec::new();
    let trailing = comments.iter().find(|c| {
        c.start >= statement.end
            && text[statement.end..c.start]
                .chars()
                .all(|ch| ch == ';' || ch == ' ' || ch == '\t')
    });
    about.extend(trailing.cloned());
    let mut above = line_start(statement.start);
    if !text[above..statement.start]
        .chars()
        .all(|ch| ch.is_alphanumeric() || ch == '_' || ch == '$' || ch == '.' || ch.is_whitespace())
    {
        // Code before the array on its line (`f(); var MPI = [...]`): the comment above is
        // about that code.
        return about;
    }
    let first_line = above;
    for comment in comments.iter().rev().skip_while(|c| c.end > first_line) {
        let gap = &text[comment.end..above];
        let own_line = text[line_start(comment.start)..comment.start]
            .trim()
            .is_empty();
        if !gap.trim().is_empty() || gap.matches('\n').count() > 1 || !own_line {
            break;
        }
        about.push(comment.clone());
        above = line_start(comment.start);
    }
    about
}

/// The code-name pairs a comment writes: `1: 삼성, 2: 현대, 16: 제주`, `16=제주카드`,
/// `16 - 제주`, `16(제주)`, `16 제주`. A code is a whole word of ASCII letters and digits
/// holding a digit; its name runs to the next `,` `;` `/` `|` `(` `)` `*` or the next pair.
fn named_codes(comment: &str) -> Vec<(&str, &str)> {
    static CODE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\b([0-9A-Za-z]*[0-9][0-9A-Za-z]*)(?:\s*(?:=>|[:=(-])\s*|\s+)")
            .expect("valid regex")
    });
    // `\b` is Unicode-aware: the `2013` of `2013년` is no code.
    let found: Vec<(Range<usize>, usize)> = CODE
        .captures_iter(comment)
        .filter_map(|caps| Some((caps.get(1)?.range(), caps.get(0)?.end())))
        .collect();
    found
        .iter()
        .enumerate()
        .filter_map(|(i, (code, name_start))| {
            let limit = found
                .get(i + 1)
                .map_or(comment.len(), |(next, _)| next.start);
            let rest = &comment[*name_start..limit.max(*name_start)];
            let name = rest
                .split([',', ';', '/', '|', '(', ')', '*'])
                .next()?
                .trim();
            (!name.is_empty()).then_some((&comment[code.clone()], name))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scan::page::PageKind;

    #[test]
    fn comments_name_codes_in_every_pair_style() {
        for (comment, code, name) in [
            ("// 16: 제주", "16", "제주"),
            ("// 16=제주카드", "16", "제주카드"),
            ("// 16 - 제주", "16", "제주"),
            ("// 16(제주)", "16", "제주"),
            ("// 16 제주", "16", "제주"),
            ("/* 16 => 제주 */", "16", "제주"),
            ("// 1: 삼성, 2: 현대, 16: 제주", "16", "제주"),
            ("// 1: 삼성 2: 현대 16: 제주", "16", "제주"),
        ] {
            let pairs = named_codes(comment);
            assert!(pairs.contains(&(code, name)), "{comment}: {pairs:?}");
        }
        let pairs = named_codes("// 1: 삼성, 2: 현대, 16: 제주");
        assert_eq!(pairs, [("1", "삼성"), ("2", "현대"), ("16", "제주")]);
        assert!(named_codes("// 2013년 제주카드 추가").is_empty());
        assert!(named_codes("// 제주카드").is_empty());
    }

    fn jeju_codes(script: &str) -> Vec<String> {
        let rule = &crate::rules::embedded().unwrap()[0];
        let page = Page::parse_as(script, crate::scan::page::PageKind::Script).unwrap();
        let scripts = Scripts::of(&page);
        let literals = super::super::literals::literals(&scripts);
        Codes::of(&page, rule, &scripts, &literals).jeju
    }

    #[test]
    fn an_array_comment_names_the_card_only_for_the_array_s_own_codes() {
        assert_eq!(
            jeju_codes("var MPI = [\"1\", \"16\"]; // 1: 삼성, 16: 제주\n"),
            ["16"]
        );
        assert_eq!(
            jeju_codes("// 16=제주카드\nvar MPI = [\"1\", \"16\"];\n"),
            ["16"]
        );
        // 13 is not in the array; 16 is another card; 16 is the island.
        assert!(jeju_codes("var MPI = [\"1\", \"16\"]; // 13: 제주\n").is_empty());
        assert!(jeju_codes("var MPI = [\"1\", \"16\"]; // 16: 신한, 제주\n").is_empty());
        assert!(jeju_codes("var MPI = [\"1\", \"16\"]; // 16: 제주도\n").is_empty());
        // A comment two lines up, past a blank line, is about something else.
        assert!(jeju_codes("// 16: 제주\n\nvar MPI = [\"1\", \"16\"];\n").is_empty());
        // Beside one element, a pair list names only that element.
        assert!(jeju_codes("var MPI = [\n  \"2\", // 2: 현대, 16: 제주\n  \"6\"\n];\n").is_empty());
    }

    #[test]
    fn comments_about_an_array_are_on_its_line_or_right_above() {
        let text = "var a = 1; // 9: 삼성\n// 1: 삼성\n// 16: 제주\nvar MPI = [\"1\", \"16\"]; // 2: 현대\nx(); // 3: 롯데\n";
        let comments: Vec<Range<usize>> =
            comments::ranges(text, 0..text.len(), Syntax::CLike { hash: false }).collect();
        let start = text.find("MPI").unwrap();
        let end = text.find("];").unwrap() + 1;
        let page = Page::parse_as(text, PageKind::Script).unwrap();
        let mut about: Vec<&str> = comments_about(&page, start..end, &comments)
            .into_iter()
            .map(|r| &text[r])
            .collect();
        about.sort();
        assert_eq!(about, ["// 16: 제주", "// 1: 삼성", "// 2: 현대"]);

        let gap = "// 16: 제주\n\nvar MPI = [\"16\"];\n";
        let comments: Vec<Range<usize>> =
            comments::ranges(gap, 0..gap.len(), Syntax::CLike { hash: false }).collect();
        let start = gap.find("MPI").unwrap();
        let page = Page::parse_as(gap, PageKind::Script).unwrap();
        assert!(comments_about(&page, start..gap.len() - 2, &comments).is_empty());
    }
}
