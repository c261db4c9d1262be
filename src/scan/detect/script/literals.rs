//! Literal arrays of quoted strings in the page's scripts, read before anything is known of
//! what they list: [`super::codes`] reads the comments beside them, [`super::arrays`] the card
//! lists among them.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::Scripts;
use crate::scan::page::Page;
use crate::scan::page::branches::matching_bracket;

/// One quoted element.
pub(super) struct Element {
    /// The literal with its quotes.
    pub range: Range<usize>,
}

impl Element {
    /// The text between the quotes.
    pub fn inner<'p>(&self, page: &'p Page) -> &'p str {
        &page.text[self.range.start + 1..self.range.end - 1]
    }

    /// This literal with other text between its quotes.
    pub fn with_inner(&self, page: &Page, inner: &str) -> String {
        let quote = &page.text[self.range.start..self.range.start + 1];
        format!("{quote}{inner}{quote}")
    }
}

/// A literal array of quoted strings assigned to a name, before anything is known of what it
/// lists: what array comments are read beside .
pub(super) struct Literal {
    /// The name it is assigned to (the last part of `obj.name`).
    pub name: String,
    /// From the name to the closing bracket.
    pub range: Range<usize>,
    pub elements: Vec<Element>,
}

/// Every literal array of quoted strings assigned to a name in the scripts.
pub(super) fn literals(scripts: &Scripts) -> Vec<Literal> {
    static ASSIGNED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"([A-Za-z_$][\w$]*)\s*=\s*(?:\[|new\s+Array\s*\()").expect("valid regex")
    });
    let code = &scripts.code;
    let mut literals = Vec::new();
    for script in &scripts.ranges {
        for caps in ASSIGNED.captures_iter(&code[script.clone()]) {
            let whole = caps.get(0).expect("match");
            let open = script.start + whole.end() - 1;
            let Some(close) = matching_bracket(code.as_bytes(), open, script.end) else {
                continue;
            };
            let Some(elements) = elements(code, open + 1..close - 1) else {
                continue;
            };
            if elements.is_empty() {
                continue;
            }
            literals.push(Literal {
                name: caps[1].to_string(),
                range: script.start + whole.start()..close,
                elements,
            });
        }
    }
    literals
}

/// The quoted elements between brackets; `None` when any element is not a quoted literal.
fn elements(code: &str, inside: Range<usize>) -> Option<Vec<Element>> {
    static LITERAL: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r#"^\s*("[^"\n]*"|'[^'\n]*')\s*$"#).expect("valid regex"));
    let mut out = Vec::new();
    let mut start = inside.start;
    let text = &code[inside.clone()];
    if text.trim().is_empty() {
        return Some(out);
    }
    for part in text.split(',') {
        let range = start..start + part.len();
        start = range.end + 1;
        let literal = LITERAL.captures(part)?.get(1)?;
        out.push(Element {
            range: range.start + literal.start()..range.start + literal.end(),
        });
    }
    Some(out)
}
