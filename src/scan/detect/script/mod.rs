//! Form 8: JavaScript that routes cards to a scheme's submit function, in inline `<script>`s and
//! `.js` files.
//!
//! ```js
//! if (code == "0100" || code == "0204") { submitISP(); } else { submitV3d(); }   // routes
//! var ISP_CARDS = ["0100", "0204", "1800"];                                      // arrays
//! switch (code) { case "0100": submitISP(); break; default: submitV3d(); }        // switch
//! ```
//! Which function or array serves which scheme comes from the rule's identifiers (`submitISP`,
//! `ISP_CARDS` → ISP; `submitV3d`, `mpiCards` → MPI). The card's code is known only where the
//! page ties it to the card's label or the rule lists it ([`Codes`]). Comments are blanked
//! before anything is read, so a commented-out route is never reported.
//!
//! Scripts also build card lists as HTML in strings (`html += '<li>제주카드</li>';`): those are
//! read by the markup forms ([`strings`]).

mod arrays;
mod codes;
mod literals;
mod routes;
mod strings;
mod switch;

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::diagnostics::{Applicability, Edit, Finding, Kind};
use crate::rules::{Rule, Side};
use crate::scan::page::comments::{self, Syntax};
use crate::scan::page::tree::NodeKind;
use crate::scan::page::{Page, PageKind};
use codes::Codes;

/// The page's scripts with their comments blanked, ready to be read as code.
struct Scripts {
    /// The page (masked) with comments in script ranges blanked; offsets are the page's.
    code: String,
    ranges: Vec<Range<usize>>,
}

impl Scripts {
    fn of(page: &Page) -> Scripts {
        let ranges: Vec<Range<usize>> = match page.kind {
            PageKind::Script => std::iter::once(0..page.text.len()).collect(),
            PageKind::Markup => page
                .tree
                .nodes
                .iter()
                .filter(|node| {
                    matches!(node.kind, NodeKind::Text { raw: true })
                        && node.parent.is_some_and(|p| page.tree.name(p) == "script")
                })
                .map(|node| node.range.clone())
                .collect(),
        };
        if ranges.is_empty() {
            // Most pages have no inline script: no copy of the page for them.
            return Scripts {
                code: String::new(),
                ranges,
            };
        }
        let mut code = page.masked.as_bytes().to_vec();
        for range in &ranges {
            comments::blank_into(
                &page.masked,
                range.clone(),
                Syntax::CLike { hash: false },
                &mut code,
            );
        }
        Scripts {
            code: String::from_utf8(code).expect("blanking keeps UTF-8"),
            ranges,
        }
    }
}

/// A page's scripts and the card codes it ties to labels: read once per page and rule, and
/// shared with the server-code reader, which needs the card's codes too.
pub(super) struct ScriptView {
    scripts: Scripts,
    /// Every literal array of the scripts: read for the codes their comments name, then for
    /// the cards they list.
    literals: Vec<literals::Literal>,
    codes: Codes,
}

impl ScriptView {
    pub fn of(page: &Page, rule: &Rule) -> ScriptView {
        let scripts = Scripts::of(page);
        let literals = literals::literals(&scripts);
        let codes = Codes::of(page, rule, &scripts, &literals);
        ScriptView {
            scripts,
            literals,
            codes,
        }
    }

    /// The rule's card's codes on this page.
    pub fn card_codes(&self) -> &[String] {
        &self.codes.jeju
    }
}

pub(super) fn findings(page: &Page, rule: &Rule, view: &ScriptView) -> Vec<Finding> {
    let ScriptView {
        scripts,
        literals,
        codes,
    } = view;
    if scripts.ranges.is_empty() {
        return Vec::new();
    }
    let arrays = arrays::find(page, rule, literals, codes);
    let mut findings = routes::findings(page, rule, scripts, codes, &arrays);
    findings.extend(switch::findings(page, rule, scripts, codes));
    findings.extend(arrays::findings(page, rule, &arrays, codes));
    // An array element can be reported both as a routed code and as a listed one: keep the
    // finding that fixes the most (an MPI array's fix also adds the card to the ISP array,
    // where the route's only removes it).
    findings.sort_by_key(|f| (f.span.start, std::cmp::Reverse(f.edits.len())));
    findings.dedup_by_key(|f| f.span.start);
    findings
}

/// The findings of the markup forms in the HTML that the page's scripts build in strings.
pub(super) fn markup_in_strings(page: &Page, rule: &Rule, view: &ScriptView) -> Vec<Finding> {
    strings::findings(page, rule, &view.scripts)
}

/// A script finding; safe when it carries edits.
fn finding(rule: &Rule, span: Range<usize>, advice: String, edits: Vec<Edit>) -> Finding {
    Finding {
        rule: rule.id.clone(),
        span,
        kind: Kind::Script,
        severity: rule.severity,
        message: format!("{}; {advice}", rule.message),
        applicability: if edits.is_empty() {
            Applicability::None
        } else {
            Applicability::Safe
        },
        edits,
    }
}

/// The scheme the functions called in a body serve, if exactly one.
fn side_of_body(rule: &Rule, body: &str) -> Option<Side> {
    static CALL: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"([A-Za-z_$][\w$]*)\s*\(").expect("valid regex"));
    let mut sides = CALL
        .captures_iter(body)
        .filter_map(|caps| rule.side_of_identifier(&caps[1]));
    let first = sides.next()?;
    sides.all(|s| s == first).then_some(first)
}

/// What removes item `index` of a separated run: the separator before it, or after it when
/// it is first; `None` when it is the only item.
fn removal_in_run(items: &[Range<usize>], index: usize) -> Option<Range<usize>> {
    match (index, items.len()) {
        (_, 1) => None,
        (0, _) => Some(items[0].start..items[1].start),
        (i, _) => Some(items[i - 1].end..items[i].end),
    }
}

/// The separator written between the last two items of a run, or `default`.
fn last_separator(page: &Page, items: &[Range<usize>], default: &str) -> String {
    match items.len() {
        n if n >= 2 => page.text[items[n - 2].end..items[n - 1].start].to_string(),
        _ => default.to_string(),
    }
}
