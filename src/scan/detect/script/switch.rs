//! `switch` routes: case labels grouped over a body that submits to a scheme.
//!
//! ```js
//! switch (code) {
//!     case "0100":
//!     case "0204":
//!         submitISP(); break;
//!     default:
//!         submitV3d();
//! }
//! ```
//! The card's label in a group that submits to `from` is moved to the group that submits to
//! `to` when it shares its body with other labels (removing a label with its own body would
//! leave that body behind). A card with no label that falls to a `from` default gets a label
//! in the `to` group.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::codes::Codes;
use super::{Scripts, finding, side_of_body};
use crate::diagnostics::{Edit, Finding};
use crate::rules::{Rule, Side};
use crate::scan::detect::items::whole_lines_or;
use crate::scan::page::Page;
use crate::scan::page::branches::matching_bracket;

/// `case "x":` or `default:`.
struct Label {
    range: Range<usize>,
    /// The quoted code's range without quotes; `None` for `default`.
    code: Option<Range<usize>>,
}

/// Labels that share one body, and the scheme that body submits to.
struct Group {
    labels: Vec<Label>,
    side: Option<Side>,
}

pub(super) fn findings(page: &Page, rule: &Rule, scripts: &Scripts, codes: &Codes) -> Vec<Finding> {
    static SWITCH: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\bswitch\s*\(").expect("valid regex"));
    let Some(jeju) = codes.jeju.first() else {
        return Vec::new();
    };
    let code = &scripts.code;
    let bytes = code.as_bytes();
    let mut findings = Vec::new();
    for script in &scripts.ranges {
        for found in SWITCH.find_iter(&code[script.clone()]) {
            let open = script.start + found.end() - 1;
            let Some(close) = matching_bracket(bytes, open, script.end) else {
                continue;
            };
            let rest = &code[close..script.end];
            let Some(brace) = rest
                .find(|c: char| !c.is_whitespace())
                .filter(|&i| rest[i..].starts_with('{'))
            else {
                continue;
            };
            let body_open = close + brace;
            let Some(body_close) = matching_bracket(bytes, body_open, script.end) else {
                continue;
            };
            let groups = groups(rule, code, body_open + 1..body_close - 1);
            let tested: Vec<&str> = groups
                .iter()
                .flat_map(|g| &g.labels)
                .filter_map(|l| l.code.clone())
                .map(|r| &code[r])
                .collect();
            if tested.is_empty() || !tested.iter().all(|c| codes.is_card(c)) {
                continue;
            }
            findings.extend(check(page, rule, &groups, codes, jeju));
        }
    }
    findings
}

fn groups(rule: &Rule, code: &str, body: Range<usize>) -> Vec<Group> {
    static LABEL: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r#"\bcase\s+(?:"([^"\n]*)"|'([^'\n]*)')\s*:|\bdefault\s*:"#)
            .expect("valid regex")
    });
    let mut groups: Vec<Group> = Vec::new();
    let mut labels: Vec<Label> = Vec::new();
    let mut last_end = body.start;
    let found: Vec<Label> = LABEL
        .captures_iter(&code[body.clone()])
        .map(|caps| {
            let whole = caps.get(0).expect("match");
            Label {
                range: body.start + whole.start()..body.start + whole.end(),
                code: caps
                    .get(1)
                    .or_else(|| caps.get(2))
                    .map(|m| body.start + m.start()..body.start + m.end()),
            }
        })
        .collect();
    for label in found {
        let between = &code[last_end..label.range.start];
        if !labels.is_empty() && !between.trim().is_empty() {
            groups.push(Group {
                side: side_of_body(rule, between),
                labels: std::mem::take(&mut labels),
            });
        }
        last_end = label.range.end;
        labels.push(label);
    }
    if !labels.is_empty() {
        groups.push(Group {
            side: side_of_body(rule, &code[last_end..body.end]),
            labels,
        });
    }
    groups
}

fn check(page: &Page, rule: &Rule, groups: &[Group], codes: &Codes, jeju: &str) -> Option<Finding> {
    let (from, to) = (&rule.from.name, &rule.to.name);
    let mut to_groups = groups.iter().filter(|g| g.side == Some(Side::To));
    let target = match (to_groups.next(), to_groups.next()) {
        (Some(only), None) => only.labels.iter().rev().find(|l| l.code.is_some()),
        _ => None,
    };
    let is_jeju = |l: &Label| l.code.clone().is_some_and(|r| codes.is_jeju(&page.text[r]));
    let holder = groups.iter().find(|g| g.labels.iter().any(is_jeju));
    match holder {
        Some(group) if group.side == Some(Side::From) => {
            let label = group.labels.iter().find(|l| is_jeju(l))?;
            let shares_body = group.labels.len() >= 2;
            let edits = match (target, shares_body) {
                (Some(target), true) => vec![
                    Edit {
                        range: label_removal(page, label),
                        replacement: String::new(),
                    },
                    label_copy(page, target, jeju),
                ],
                _ => Vec::new(),
            };
            let advice = if edits.is_empty() {
                format!(
                    "this switch sends its code to {from}; move its case to the {to} group by hand"
                )
            } else {
                format!(
                    "this switch sends its code to {from}; fix: move its case to the {to} group"
                )
            };
            Some(finding(rule, label.range.clone(), advice, edits))
        }
        Some(_) => None,
        None => {
            let default = groups
                .iter()
                .find(|g| g.labels.iter().any(|l| l.code.is_none()))?;
            let target = target?;
            (default.side == Some(Side::From)).then(|| {
                finding(
                    rule,
                    target.range.clone(),
                    format!(
                        "code {jeju} has no case in this switch, so it falls to the default that sends it to {from}; fix: add it to the {to} group"
                    ),
                    vec![label_copy(page, target, jeju)],
                )
            })
        }
    }
}

/// A label's own line when it stands alone there, else the label and the spaces after it.
fn label_removal(page: &Page, label: &Label) -> Range<usize> {
    let lines = whole_lines_or(page, label.range.clone());
    if lines != label.range {
        return lines;
    }
    let rest = &page.text[label.range.end..];
    let spaces = rest.len() - rest.trim_start_matches([' ', '\t']).len();
    label.range.start..label.range.end + spaces
}

/// A copy of `target` with the card's code, on its own line like `target` or right after it.
fn label_copy(page: &Page, target: &Label, code: &str) -> Edit {
    let quoted = target.code.clone().expect("targets have codes");
    let copy = format!(
        "{}{code}{}",
        &page.text[target.range.start..quoted.start],
        &page.text[quoted.end..target.range.end]
    );
    let lines = whole_lines_or(page, target.range.clone());
    if lines == target.range || !page.text[lines.clone()].ends_with('\n') {
        return Edit {
            range: target.range.end..target.range.end,
            replacement: format!(" {copy}"),
        };
    }
    let indent = &page.text[lines.start..target.range.start];
    let ending = if page.text[lines.clone()].ends_with("\r\n") {
        "\r\n"
    } else {
        "\n"
    };
    Edit {
        range: lines.end..lines.end,
        replacement: format!("{indent}{copy}{ending}"),
    }
}
