//! JavaScript routing by card code: the merged KSPAY card page (certitype `IM`).
//!
//! ```js
//! if (code == "0100" || code == "0204" || code == "1800") { submitISP(); } else { submitV3d(); }
//! ```
//! One select lists every card; the script sends the listed codes to one scheme's submit
//! function and the rest to the other's. Which function serves which scheme comes from the
//! rule's identifiers (`submitISP` → ISP, `submitV3d` → MPI). The card's code is known only
//! where the page ties it to the card's label (an `<option>`) or the rule lists it.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::{Applicability, Edit, Finding, Kind};
use crate::page::Page;
use crate::page::branches::matching_bracket;
use crate::page::tree::NodeKind;
use crate::rules::{Rule, Side};

/// One `x == "code"` test of an `||` chain.
struct Comparison {
    range: Range<usize>,
    /// The quoted code, without quotes.
    code: Range<usize>,
}

/// An `if` whose condition is an `||` chain of code tests.
struct Route {
    comparisons: Vec<Comparison>,
    /// The scheme the `if` body submits to.
    then_side: Option<Side>,
    /// The scheme the `else` body submits to.
    else_side: Option<Side>,
}

pub(super) fn findings(page: &Page, rule: &Rule) -> Vec<Finding> {
    let options = card_options(page, rule);
    let mut codes: Vec<String> = options
        .iter()
        .filter(|option| !rule.card.tokens(&option.label).is_empty())
        .map(|option| option.value.clone())
        .collect();
    for code in &rule.card.codes {
        if !codes.contains(code) {
            codes.push(code.clone());
        }
    }
    if codes.is_empty() {
        return Vec::new();
    }
    // A route tests the codes the page's card options submit; a test of anything else (an
    // optgroup label, a payment method name, a bank code) is not routing by card.
    let routes_by_card_code = |route: &Route| {
        route.comparisons.iter().all(|c| {
            options
                .iter()
                .any(|o| o.value == page.masked[c.code.clone()])
        })
    };
    let mut findings = Vec::new();
    for node in &page.tree.nodes {
        if matches!(node.kind, NodeKind::Text { raw: true }) {
            for route in routes(page, rule, node.range.clone()) {
                if routes_by_card_code(&route) {
                    findings.extend(check(page, rule, &route, &codes));
                }
            }
        }
    }
    findings
}

/// An option of a card select: its trimmed label and its code.
struct CardOption {
    label: String,
    value: String,
}

/// Options of the page's selects that list cards (not banks, regions or months), with a
/// literal code: the card's code on this page is the value of its option here.
fn card_options(page: &Page, rule: &Rule) -> Vec<CardOption> {
    let tree = &page.tree;
    let mut out = Vec::new();
    for select in tree.elements("select") {
        let options: Vec<CardOption> = tree
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
                (literal && !code.is_empty()).then(|| CardOption {
                    label: page.visible(tree.content_range(id)).trim().to_string(),
                    value: code.to_string(),
                })
            })
            .collect();
        let labels: Vec<&str> = options.iter().map(|o| o.label.as_str()).collect();
        if rule.card.is_card_list(&labels) {
            out.extend(options);
        }
    }
    out
}

/// Every `if (a == "x" || a == "y") ... else ...` in a script.
fn routes(page: &Page, rule: &Rule, script: Range<usize>) -> Vec<Route> {
    static IF: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\bif\s*\(").expect("valid regex"));
    let text = &page.masked;
    let bytes = text.as_bytes();
    let source = &text[script.clone()];
    let mut routes = Vec::new();
    for found in IF.find_iter(source) {
        let open = script.start + found.end() - 1;
        let close = matching_bracket(bytes, open, script.end);
        let Some(comparisons) = comparisons(text, open + 1..close.saturating_sub(1)) else {
            continue;
        };
        let (then_body, after_then) = body(text, close, script.end);
        let rest = text[after_then..script.end].trim_start();
        let else_side = rest
            .strip_prefix("else")
            .filter(|r| !r.trim_start().starts_with("if"))
            .map(|r| script.end - r.len())
            .and_then(|at| side_of_body(rule, &text[body(text, at, script.end).0]));
        routes.push(Route {
            comparisons,
            then_side: side_of_body(rule, &text[then_body]),
            else_side,
        });
    }
    routes
}

/// The condition as comparisons of one variable with quoted codes, or `None`.
fn comparisons(text: &str, condition: Range<usize>) -> Option<Vec<Comparison>> {
    static TEST: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r#"^\s*[\w$.\[\]]+\s*===?\s*(?:"([^"]*)"|'([^']*)')\s*$"#).expect("valid regex")
    });
    let mut out = Vec::new();
    let mut start = condition.start;
    let parts = text[condition.clone()].split("||");
    for part in parts {
        let range = start..start + part.len();
        start = range.end + 2;
        let caps = TEST.captures(part)?;
        let code = caps.get(1).or_else(|| caps.get(2))?;
        let trimmed = part.trim();
        let lead = part.len() - part.trim_start().len();
        out.push(Comparison {
            range: range.start + lead..range.start + lead + trimmed.len(),
            code: range.start + code.start()..range.start + code.end(),
        });
    }
    (!out.is_empty()).then_some(out)
}

/// The body after a condition or `else` at `from`: a `{ }` block or one statement; returns it
/// and where it ends.
fn body(text: &str, from: usize, limit: usize) -> (Range<usize>, usize) {
    let bytes = text.as_bytes();
    let start = from + (text[from..limit].len() - text[from..limit].trim_start().len());
    if bytes.get(start) == Some(&b'{') {
        let end = matching_bracket(bytes, start, limit);
        (start..end, end)
    } else {
        let end = text[start..limit]
            .find(';')
            .map_or(limit, |i| start + i + 1);
        (start..end, end)
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

fn check(page: &Page, rule: &Rule, route: &Route, codes: &[String]) -> Option<Finding> {
    let listed = route.comparisons.iter().position(|c| {
        codes
            .iter()
            .any(|code| *code == page.masked[c.code.clone()])
    });
    let (from, to) = (&rule.from.name, &rule.to.name);
    let finding = |span: Range<usize>, advice: String, edits: Vec<Edit>| Finding {
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
    };
    match (route.then_side, route.else_side, listed) {
        // Only the listed codes go to `to`; the card is not listed, so it falls to `from`.
        (Some(Side::To), Some(Side::From), None) => {
            let last = route.comparisons.last()?;
            let code = &codes[0];
            let copy = format!(
                "{}{code}{}",
                &page.text[last.range.start..last.code.start],
                &page.text[last.code.end..last.range.end]
            );
            let separator = match route.comparisons.len() {
                n if n >= 2 => {
                    page.text[route.comparisons[n - 2].range.end..last.range.start].to_string()
                }
                _ => " || ".to_string(),
            };
            Some(finding(
                last.range.clone(),
                format!(
                    "code {code} is not among the codes this script sends to {to}, so it goes to {from}; fix: add it"
                ),
                vec![Edit {
                    range: last.range.end..last.range.end,
                    replacement: format!("{separator}{copy}"),
                }],
            ))
        }
        // The card's code is listed among those sent to `from`.
        (Some(Side::From), else_side, Some(index)) => {
            let comparisons = &route.comparisons;
            let removal = if comparisons.len() == 1 {
                None
            } else if index > 0 {
                Some(comparisons[index - 1].range.end..comparisons[index].range.end)
            } else {
                Some(comparisons[0].range.start..comparisons[1].range.start)
            };
            let safe = else_side == Some(Side::To);
            let (advice, edits) = match removal {
                Some(range) if safe => (
                    format!(
                        "this script sends its code to {from}; fix: remove it here so it goes to {to}"
                    ),
                    vec![Edit {
                        range,
                        replacement: String::new(),
                    }],
                ),
                _ => (
                    format!("this script sends its code to {from}; route it to {to} by hand"),
                    Vec::new(),
                ),
            };
            Some(finding(comparisons[index].range.clone(), advice, edits))
        }
        _ => None,
    }
}
