//! Form 10: server code that picks the scheme for the card.
//!
//! ```php
//! if ($cardname == "제주카드") { $certitype = "M"; }
//! ```
//! ```vb
//! Case "13"   ' 제주카드
//!     certitype = "M"
//! ```
//! The assignment of the `from` code to the scheme field, in the body of a condition that tests
//! the card's name or code, is an error with no automatic fix: what the code should do instead
//! is the merchant's to decide, and the message says what to assign.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::diagnostics::{Applicability, Finding, Kind};
use crate::rules::Rule;
use crate::scan::page::Page;
use crate::scan::page::branches::matching_bracket;
use crate::scan::page::comments;

/// `jeju_codes`: the card's codes on this page.
pub(super) fn findings(page: &Page, rule: &Rule, jeju_codes: &[String]) -> Vec<Finding> {
    if page.blocks.iter().all(|b| b.is_comment) {
        return Vec::new();
    }
    let Some(assignment) = rule.from_assignment() else {
        return Vec::new();
    };
    let code = code_view(page);
    let mut findings = Vec::new();
    for caps in assignment.captures_iter(&code) {
        let whole = caps.get(0).expect("match");
        let value = caps.name("value").expect("group");
        let at = whole.start();
        if in_condition(&code, at) {
            continue;
        }
        let Some(condition) = governing_condition(&code, at) else {
            continue;
        };
        if !names_card(rule, &code[condition], jeju_codes) {
            continue;
        }
        let to_code = rule.to.codes().first().map_or("", String::as_str);
        let quote = &code[value.start()..value.start() + 1];
        findings.push(Finding {
            rule: rule.id.clone(),
            span: value.range(),
            kind: Kind::ServerCode,
            severity: rule.severity,
            message: format!(
                "{}; this server code sets {} to {} ({}) for it: assign {quote}{to_code}{quote} ({}) instead",
                rule.message,
                &code[caps.name("field").expect("group").range()],
                value.as_str(),
                rule.from.name,
                rule.to.name
            ),
            applicability: Applicability::None,
            edits: Vec::new(),
        });
    }
    findings
}

/// The page with everything but live server code blanked: markup, comments in the code.
fn code_view(page: &Page) -> String {
    let mut out: Vec<u8> = page
        .text
        .bytes()
        .map(|b| if b == b'\n' || b == b'\r' { b } else { b' ' })
        .collect();
    for block in page.blocks.iter().filter(|b| !b.is_comment) {
        let syntax = page.comment_syntax(block);
        comments::blank_into(&page.text, block.code.clone(), syntax, &mut out);
    }
    // Blanking keeps whole characters: multi-byte ones are either kept or turned into spaces
    // byte for byte, so the result is still UTF-8.
    String::from_utf8(out).unwrap_or_default()
}

/// Whether the `=` at `at` is a comparison inside a condition (`If certitype = "M" Then`).
fn in_condition(code: &str, at: usize) -> bool {
    static CONDITION: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\b(?:if|elseif|case|while|until|and|or)\b|\(\s*$").expect("valid regex")
    });
    static STATEMENT_START: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?i)\bthen\b|\belse\b|[;{}:\n]").expect("valid regex"));
    let head = &code[..at + 1];
    let start = STATEMENT_START
        .find_iter(head)
        .last()
        .map_or(0, |m| m.end());
    CONDITION.is_match(&head[start..])
}

/// The condition of the nearest `if`/`elseif`/`case` before `at` whose body has not been
/// closed before `at`.
fn governing_condition(code: &str, at: usize) -> Option<Range<usize>> {
    static KEYWORD: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?i)\b(?:else\s*if|if|case)\b").expect("valid regex"));
    static CLOSER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\}|\bbreak\b|\bdefault\b|\belse\b|\bend\s+(?:if|select)\b")
            .expect("valid regex")
    });
    let keyword = KEYWORD.find_iter(&code[..at]).last()?;
    let bytes = code.as_bytes();
    let after = keyword.end();
    let rest = &code[after..at];
    let lead = rest.len() - rest.trim_start().len();
    let condition = if bytes.get(after + lead) == Some(&b'(') {
        let open = after + lead;
        let close = matching_bracket(bytes, open, at)?;
        open + 1..close - 1
    } else {
        // `If x Then`, `case "13":`, `Case "13"`: to `then`, `:` or the line end.
        static END: LazyLock<Regex> =
            LazyLock::new(|| Regex::new(r"(?i)\bthen\b|:|\n").expect("valid regex"));
        let end = END.find(rest).map_or(at, |m| after + m.start());
        after..end
    };
    let body = &code[condition.end..at];
    let body = body.trim_start_matches(|c: char| c == ')' || c.is_whitespace());
    let body = body.strip_prefix('{').unwrap_or(body);
    (!CLOSER.is_match(body)).then_some(condition)
}

/// Whether a condition tests the card: a quoted string naming it, or one of its codes.
fn names_card(rule: &Rule, condition: &str, codes: &[String]) -> bool {
    static QUOTED: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r#""([^"]*)"|'([^']*)'"#).expect("valid regex"));
    QUOTED.captures_iter(condition).any(|caps| {
        let inner = caps
            .get(1)
            .or_else(|| caps.get(2))
            .map_or("", |m| m.as_str());
        !rule.card.tokens(inner).is_empty() || codes.iter().any(|c| c == inner.trim())
    })
}
