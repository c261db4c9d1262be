//! `if` routes: the condition tests the card's code and the bodies submit to the schemes.
//!
//! ```js
//! if (code == "0100" || code == "0204" || code == "1800") { submitISP(); } else { submitV3d(); }
//! if (ispCards.indexOf(code) != -1) submitISP(); else submitV3d();
//! ```
//! The listed codes (in the chain or in the tested array) go to the `then` body's scheme, the
//! rest to the `else` body's.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::arrays::Array;
use super::codes::Codes;
use super::{Scripts, finding, last_separator, removal_in_run, side_of_body};
use crate::diagnostics::{Edit, Finding};
use crate::rules::{Rule, Side};
use crate::scan::page::Page;
use crate::scan::page::branches::matching_bracket;

/// The codes an `if` tests: one `x == "code"` per item of an `||` chain, or an array's elements.
enum Listed<'a> {
    /// Each comparison's range and its quoted code's range (without quotes).
    Chain(Vec<(Range<usize>, Range<usize>)>),
    Array(&'a Array<'a>),
}

struct Route<'a> {
    listed: Listed<'a>,
    then_side: Option<Side>,
    else_side: Option<Side>,
}

pub(super) fn findings(
    page: &Page,
    rule: &Rule,
    scripts: &Scripts,
    codes: &Codes,
    arrays: &[Array],
) -> Vec<Finding> {
    let Some(code) = codes.jeju.first() else {
        return Vec::new();
    };
    let mut findings = Vec::new();
    for range in &scripts.ranges {
        for route in routes(rule, &scripts.code, range.clone(), arrays) {
            let (items, item_codes): (Vec<Range<usize>>, Vec<&str>) = match &route.listed {
                Listed::Chain(comparisons) => comparisons
                    .iter()
                    .map(|(c, code)| (c.clone(), &scripts.code[code.clone()]))
                    .unzip(),
                Listed::Array(array) => array
                    .elements
                    .iter()
                    .map(|e| (e.range.clone(), e.inner(page)))
                    .unzip(),
            };
            // A route tests card codes; a test of anything else (a payment method, a bank
            // code) is not routing by card.
            if item_codes.is_empty() || !item_codes.iter().all(|c| codes.is_card(c)) {
                continue;
            }
            let listed = item_codes.iter().position(|c| codes.is_jeju(c));
            findings.extend(check(page, rule, &route, &items, listed, code));
        }
    }
    findings
}

fn check(
    page: &Page,
    rule: &Rule,
    route: &Route,
    items: &[Range<usize>],
    listed: Option<usize>,
    code: &str,
) -> Option<Finding> {
    let (from, to) = (&rule.from.name, &rule.to.name);
    match (route.then_side, route.else_side, listed) {
        // Only the listed codes go to `to`; the card is not listed, so it falls to `from`.
        (Some(Side::To), Some(Side::From), None) => {
            let last = items.last()?.clone();
            let copy = match &route.listed {
                Listed::Chain(comparisons) => {
                    let (comparison, quoted) = comparisons.last()?;
                    format!(
                        "{}{code}{}",
                        &page.text[comparison.start..quoted.start],
                        &page.text[quoted.end..comparison.end]
                    )
                }
                Listed::Array(array) => array.elements.last()?.with_inner(page, code),
            };
            let default = match route.listed {
                Listed::Chain(_) => " || ",
                Listed::Array(_) => ", ",
            };
            let separator = last_separator(page, items, default);
            Some(finding(
                rule,
                last.clone(),
                format!(
                    "code {code} is not among the codes this script sends to {to}, so it goes to {from}; fix: add it"
                ),
                vec![Edit {
                    range: last.end..last.end,
                    replacement: format!("{separator}{copy}"),
                }],
            ))
        }
        // The card's code is listed among those sent to `from`.
        (Some(Side::From), else_side, Some(index)) => {
            let (advice, edits) = match removal_in_run(items, index) {
                Some(range) if else_side == Some(Side::To) => (
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
            Some(finding(rule, items[index].clone(), advice, edits))
        }
        _ => None,
    }
}

/// Every `if (...) ... else ...` of a script whose condition lists codes.
fn routes<'a>(
    rule: &Rule,
    code: &str,
    script: Range<usize>,
    arrays: &'a [Array<'a>],
) -> Vec<Route<'a>> {
    static IF: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\bif\s*\(").expect("valid regex"));
    let bytes = code.as_bytes();
    let mut routes = Vec::new();
    for found in IF.find_iter(&code[script.clone()]) {
        let open = script.start + found.end() - 1;
        let Some(close) = matching_bracket(bytes, open, script.end) else {
            continue;
        };
        let condition = open + 1..close - 1;
        let listed = match comparisons(code, condition.clone()) {
            Some(chain) => Listed::Chain(chain),
            None => match membership(&code[condition], arrays) {
                Some(array) => Listed::Array(array),
                None => continue,
            },
        };
        let (then_body, after_then) = body(code, close, script.end);
        let rest = code[after_then..script.end].trim_start();
        let else_side = rest
            .strip_prefix("else")
            .filter(|r| !r.trim_start().starts_with("if"))
            .map(|r| script.end - r.len())
            .and_then(|at| side_of_body(rule, &code[body(code, at, script.end).0]));
        routes.push(Route {
            listed,
            then_side: side_of_body(rule, &code[then_body]),
            else_side,
        });
    }
    routes
}

/// The condition as comparisons of one variable with quoted codes, or `None`.
fn comparisons(code: &str, condition: Range<usize>) -> Option<Vec<(Range<usize>, Range<usize>)>> {
    static TEST: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r#"^\s*[\w$.\[\]]+\s*===?\s*(?:"([^"]*)"|'([^']*)')\s*$"#).expect("valid regex")
    });
    let mut out = Vec::new();
    let mut start = condition.start;
    for part in code[condition].split("||") {
        let range = start..start + part.len();
        start = range.end + 2;
        let caps = TEST.captures(part)?;
        let quoted = caps.get(1).or_else(|| caps.get(2))?;
        let lead = part.len() - part.trim_start().len();
        out.push((
            range.start + lead..range.start + lead + part.trim().len(),
            range.start + quoted.start()..range.start + quoted.end(),
        ));
    }
    (!out.is_empty()).then_some(out)
}

/// The array a membership test reads: `a.indexOf(x) != -1` (or `>= 0`, `> -1`, `!== -1`),
/// `a.includes(x)`, `$.inArray(x, a) ...`.
fn membership<'a>(condition: &str, arrays: &'a [Array<'a>]) -> Option<&'a Array<'a>> {
    static TEST: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(concat!(
            r"^\s*(?:(?P<a>[\w$]+)\.indexOf\([^()]*\)\s*(?:!==?\s*-1|>=\s*0|>\s*-1)",
            r"|(?P<b>[\w$]+)\.includes\([^()]*\)",
            r"|(?:\$|jQuery)\.inArray\([^(),]*,\s*(?P<c>[\w$]+)\s*\)\s*(?:!==?\s*-1|>=\s*0|>\s*-1))\s*$",
        ))
        .expect("valid regex")
    });
    let caps = TEST.captures(condition)?;
    let name = caps
        .name("a")
        .or_else(|| caps.name("b"))
        .or_else(|| caps.name("c"))?
        .as_str();
    let mut named = arrays.iter().filter(|a| a.name == name);
    let array = named.next()?;
    // Two arrays of the same name: which one the test reads is not clear.
    named.next().is_none().then_some(array)
}

/// The body after a condition or `else` at `from`: a `{ }` block or one statement; returns it
/// and where it ends.
fn body(code: &str, from: usize, limit: usize) -> (Range<usize>, usize) {
    let bytes = code.as_bytes();
    let start = from + (code[from..limit].len() - code[from..limit].trim_start().len());
    if bytes.get(start) == Some(&b'{') {
        let end = matching_bracket(bytes, start, limit).unwrap_or(limit);
        (start..end, end)
    } else {
        let end = code[start..limit]
            .find(';')
            .map_or(limit, |i| start + i + 1);
        (start..end, end)
    }
}
