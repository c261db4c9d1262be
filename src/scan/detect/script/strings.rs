//! Markup built in script string literals, read by the markup forms.
//!
//! ```js
//! guide += "<strong>안심클릭 : 삼성, 현대, 신한, 제주</strong><br>";
//! guide += "<strong>안전결제 : 국민, 비씨, 우리</strong>";
//! ```
//! The contents of a script's literals that hold a `<`, joined in source order, are the HTML
//! the browser will be given. They are parsed as a page of their own ([`Built`]) and every
//! markup form reads it, so a form taught to the markup detectors is found in scripts too.
//! Findings and edits are then placed back in the script; an edit that does not fit inside
//! one literal, or would need an escape there, leaves its finding without a fix.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::Scripts;
use crate::diagnostics::{Applicability, Edit, Finding};
use crate::rules::Rule;
use crate::scan::page::Page;
use crate::scan::page::branches::skip_string;
use crate::scan::page::lines::{LineIndex, without_ending};

/// The markup findings of the strings of every script on the page, placed in the script.
pub(super) fn findings(page: &Page, rule: &Rule, scripts: &Scripts) -> Vec<Finding> {
    let mut findings = Vec::new();
    for script in &scripts.ranges {
        let literals = markup_literals(page, &scripts.code, script.clone());
        // Parsing is for scripts whose markup can make a finding: one naming the card or a
        // scheme (a list that leaves the card out still names its scheme).
        let worth_reading = literals.iter().any(|l| {
            let content = &page.text[l.content.clone()];
            !rule.card.tokens(content).is_empty() || rule.side_of_label(content).is_some()
        });
        if !worth_reading {
            continue;
        }
        let built = Built::new(page, literals);
        let Ok(mut markup) = Page::parse(&built.text) else {
            continue;
        };
        markup.lines = built.lines(page);
        findings.extend(
            crate::scan::detect::markup_findings(&markup, rule)
                .into_iter()
                .filter_map(|finding| built.place(page, finding)),
        );
    }
    findings
}

/// A `'…'` or `"…"` literal of a script.
#[derive(Debug, Clone)]
struct Literal {
    /// Between the quotes, in the page.
    content: Range<usize>,
    quote: char,
}

/// The literals of `script` that hold markup (a `<`), in source order. `code` is the page
/// with comments blanked, so a commented-out line gives none; template literals are skipped.
fn markup_literals(page: &Page, code: &str, script: Range<usize>) -> Vec<Literal> {
    let bytes = code.as_bytes();
    let mut literals = Vec::new();
    let mut i = script.start;
    while i < script.end {
        match bytes[i] {
            quote @ (b'"' | b'\'') => {
                let end = skip_string(bytes, i, script.end).min(script.end);
                let content = i + 1..end.saturating_sub(1).max(i + 1);
                let closed = end > i + 1 && bytes[end - 1] == quote;
                // A string runs to its line's end at most: past it the quote was not one
                // (a regular expression, a quote in a server block's text).
                if closed && !page.text[content.clone()].contains(['\n', '\r']) {
                    if page.text[content.clone()].contains('<') {
                        literals.push(Literal {
                            content,
                            quote: quote as char,
                        });
                    }
                    i = end;
                } else {
                    i = code[i + 1..script.end]
                        .find('\n')
                        .map_or(script.end, |n| i + 1 + n);
                }
            }
            b'`' => i = skip_string(bytes, i, script.end).min(script.end),
            _ => i += 1,
        }
    }
    literals
}

/// The markup the literals build: their contents joined, and where each one came from.
struct Built {
    text: String,
    /// Each literal with the offset of its content in `text`, in order.
    pieces: Vec<(usize, Literal)>,
}

impl Built {
    fn new(page: &Page, literals: Vec<Literal>) -> Built {
        let mut text = String::new();
        let mut pieces = Vec::new();
        for literal in literals {
            pieces.push((text.len(), literal.clone()));
            text.push_str(&page.text[literal.content]);
        }
        Built { text, pieces }
    }

    /// Lines of the built text numbered as the script's: line `n` starts where the first
    /// content from the page's line `n` (or later) was put, so messages cite the page's lines
    /// and a literal alone on its line is a line of its own.
    fn lines(&self, page: &Page) -> LineIndex {
        let last_page_line = self
            .pieces
            .last()
            .map_or(1, |(_, l)| page.lines.position(&page.text, l.content.end).0);
        let starts = page.lines.starts()[..last_page_line]
            .iter()
            .map(|&line_start| {
                self.pieces
                    .iter()
                    .find(|(_, l)| l.content.end > line_start)
                    .map_or(self.text.len(), |(at, l)| {
                        at + line_start.saturating_sub(l.content.start)
                    })
            })
            .collect();
        LineIndex::from_starts(starts, self.text.len())
    }

    /// The piece holding `range` of the built text whole (an empty range at a piece's end
    /// belongs to that piece), and `range` in the page.
    fn locate(&self, range: &Range<usize>) -> Option<(&Literal, Range<usize>)> {
        self.pieces.iter().find_map(|(at, literal)| {
            let end = at + literal.content.len();
            let inside = if range.is_empty() {
                *at < range.start && range.start <= end || *at == range.start
            } else {
                *at <= range.start && range.end <= end
            };
            inside.then(|| {
                let page_start = literal.content.start + range.start - at;
                (literal, page_start..page_start + range.len())
            })
        })
    }

    /// `finding` of the built page placed in the script; `None` when its token is not inside
    /// one literal. A fix that cannot be written into the literals is dropped with a reason.
    fn place(&self, page: &Page, mut finding: Finding) -> Option<Finding> {
        finding.span = self.locate(&finding.span)?.1;
        let edits: Result<Vec<Edit>, &str> = finding
            .edits
            .iter()
            .map(|edit| self.place_edit(page, edit))
            .collect();
        match edits {
            Ok(edits) => finding.edits = edits,
            Err(reason) => {
                finding.message = format!(
                    "{}; not applied here: {reason}, so change the script by hand",
                    finding.message
                );
                finding.applicability = Applicability::None;
                finding.edits.clear();
            }
        }
        Some(finding)
    }

    fn place_edit(&self, page: &Page, edit: &Edit) -> Result<Edit, &'static str> {
        let (literal, range) = self
            .locate(&edit.range)
            .ok_or("the edit spans more than one string")?;
        let content = &page.text[literal.content.clone()];
        let text = &edit.replacement;
        if content.contains('\\') {
            return Err("the string holds escape sequences");
        }
        if text.contains(['\\', '\n', '\r', literal.quote]) {
            return Err("the text to add would need escaping in the string");
        }
        let statement = Statement::of(page, literal);
        let whole = range == literal.content;
        let at_end = range.is_empty() && range.start == literal.content.end;
        Ok(match statement {
            Some(s) if whole && text.is_empty() => Edit {
                range: s.line,
                replacement: String::new(),
            },
            Some(s) if at_end && text.starts_with('<') && s.ending.is_some() => Edit {
                range: s.line.end..s.line.end,
                replacement: format!(
                    "{}{q}{text}{q};{}",
                    s.head,
                    s.ending.unwrap_or_default(),
                    q = literal.quote
                ),
            },
            _ => Edit {
                range,
                replacement: text.clone(),
            },
        })
    }
}

/// A `name += '…';` statement alone on its line, whose whole right side is one literal.
struct Statement<'p> {
    /// The line with its ending.
    line: Range<usize>,
    /// The indentation and `name += `.
    head: &'p str,
    ending: Option<&'static str>,
}

impl<'p> Statement<'p> {
    fn of(page: &'p Page, literal: &Literal) -> Option<Statement<'p>> {
        static APPEND: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r#"^(\s*[A-Za-z_$][\w$.]*\s*\+=\s*)(?:"[^"]*"|'[^']*')\s*;\s*$"#)
                .expect("valid regex")
        });
        let line = page.lines.line_of(literal.content.start);
        let text = without_ending(&page.text[line.clone()]);
        let head = APPEND.captures(text)?.get(1)?;
        // The literal must be the one the statement appends (no other quote on the line).
        (line.start + head.end() + 1 == literal.content.start).then_some(())?;
        let ending = match &page.text[line.start + text.len()..line.end] {
            "\r\n" => Some("\r\n"),
            "\n" => Some("\n"),
            _ => None,
        };
        Some(Statement {
            head: &page.text[line.start..line.start + head.end()],
            line,
            ending,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scan::page::PageKind;

    fn literals_of(script: &str) -> Vec<String> {
        let page = Page::parse_as(script, PageKind::Script).unwrap();
        let scripts = Scripts::of(&page);
        markup_literals(&page, &scripts.code, 0..script.len())
            .into_iter()
            .map(|l| page.text[l.content].to_string())
            .collect()
    }

    #[test]
    fn markup_literals_skip_comments_templates_and_plain_strings() {
        let script = concat!(
            "var a = \"<b>안심클릭</b>\"; // b += \"<i>x</i>\";\n",
            "/* c += '<u>y</u>'; */ alert('제주/도서산간 추가 배송비');\n",
            "var t = `<p class=\"x\">${a}</p>`; d += '<li>제주카드</li>';\n",
        );
        assert_eq!(
            literals_of(script),
            ["<b>안심클릭</b>", "<li>제주카드</li>"]
        );
    }

    fn findings_of(script: &str) -> Vec<Finding> {
        let rule = &crate::rules::embedded().unwrap()[0];
        let page = Page::parse_as(script, PageKind::Script).unwrap();
        crate::scan::detect::detect(&page, rule).findings
    }

    #[test]
    fn a_fix_that_needs_escaping_in_the_string_is_left_to_a_person() {
        let head = "h += '<h4>안심클릭</h4><ul>';\nh += '<li>삼성</li>';\n";
        let isp = "h += '</ul><h4>안전결제</h4><ul>';\nh += '<li>국민</li>';\n";
        // The card's own string holds an escape: its removal is not written.
        let escaped = format!("{head}h += '<li>제주<\\/li>';\n{isp}");
        let found = findings_of(&escaped);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].applicability, Applicability::None);
        assert!(found[0].edits.is_empty() && found[0].message.contains("escape sequences"));
        // The logo moved to the ISP list would hold that string's own quote.
        let logos = concat!(
            "h += '<h4>안심클릭</h4><p>';\n",
            "h += '<img src=\"/img/ss.gif\" alt=\"삼성카드\">';\n",
            "h += \"<img src='/img/jj.gif' alt='제주카드'>\";\n",
            "h += '</p><h4>안전결제</h4><p>';\n",
            "h += '<img src=\"/img/kb.gif\" alt=\"국민카드\">';\n",
            "h += '<img src=\"/img/bc.gif\" alt=\"비씨카드\">';\n",
            "h += '</p>';\n",
        );
        let found = findings_of(logos);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].applicability, Applicability::None);
        assert!(
            found[0].message.contains("escaping"),
            "{}",
            found[0].message
        );
        // Both written plainly: the fix applies, and names the page's line.
        let plain = format!("{head}h += '<li>제주</li>';\n{isp}");
        let found = findings_of(&plain);
        assert_eq!(found[0].applicability, Applicability::Safe);
        assert_eq!(
            found[0].span,
            plain.find("제주").unwrap()..plain.find("제주").unwrap() + 6
        );
    }

    #[test]
    fn a_fix_across_two_strings_is_left_to_a_person() {
        let script = concat!(
            "g += '<p>안심클릭 : 삼성, 현대, ';\n",
            "g += '제주</p>';\n",
            "g += '<p>안전결제 : 국민, 비씨</p>';\n",
        );
        let found = findings_of(script);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].span.start, script.find("제주").unwrap());
        assert_eq!(found[0].applicability, Applicability::None);
        assert!(found[0].message.contains("more than one string"));
    }

    #[test]
    fn built_lines_follow_the_script_lines() {
        let script = "var h = '';\nh += '<ul>';\n\nh += '<li>삼성</li>';\n";
        let page = Page::parse_as(script, PageKind::Script).unwrap();
        let scripts = Scripts::of(&page);
        let built = Built::new(
            &page,
            markup_literals(&page, &scripts.code, 0..script.len()),
        );
        assert_eq!(built.text, "<ul><li>삼성</li>");
        let lines = built.lines(&page);
        let li = built.text.find("<li>").unwrap();
        assert_eq!(lines.position(&built.text, li).0, 4);
        assert_eq!(&built.text[lines.line_of(li)], "<li>삼성</li>");
        assert_eq!(lines.position(&built.text, 0).0, 2);
    }
}
