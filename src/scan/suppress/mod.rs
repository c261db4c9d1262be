//! In-source suppressions: a comment in the page silences findings a person has judged.
//!
//! ```html
//! <!-- kspay-migrate: ignore jeju-mpi-to-isp -- kept for the 2012 archive -->
//! <select name="selectcard"> ... </select>
//! ```
//! A directive alone on its line(s) covers the element that follows (its whole range) or, when
//! no start tag follows, the next non-blank line; one that shares its line with other content
//! covers that line; `ignore-file` covers the file wherever it is written. A suppressed finding
//! is neither reported nor fixed, but kept with the directive's reason. A directive that
//! silences nothing, names an unknown rule, or cannot be read is itself reported, as the
//! pseudo-rule [`UNUSED_SUPPRESSION_ID`] (Ruff's RUF100).

mod directive;
mod placement;

use std::ops::Range;

pub use directive::{Directive, Malformed, Scope, parse};
pub use placement::{Coverage, MARKER};

use crate::diagnostics::{
    Applicability, Finding, Kind, Severity, Suppression, UNUSED_SUPPRESSION_ID,
};
use crate::scan::page::Page;

/// The rule ids of a run: every loaded rule is a valid directive target, but only the
/// selected ones ran, so only those can make a directive "unused".
#[derive(Debug, Clone, Copy)]
pub struct RuleIds<'a> {
    pub loaded: &'a [String],
    pub selected: &'a [String],
}

/// A page's findings after its directives have been applied.
#[derive(Debug, Default)]
pub struct Judged {
    /// What to report (and fix): the findings no directive covers, and a [`UNUSED_SUPPRESSION_ID`] finding
    /// for each directive problem, in page order.
    pub reported: Vec<Finding>,
    /// The findings a directive covers, in page order.
    pub suppressed: Vec<(Finding, Suppression)>,
}

/// One directive of a page.
#[derive(Debug)]
struct Entry {
    span: Range<usize>,
    parsed: Result<Directive, Malformed>,
    coverage: Coverage,
}

/// The suppression directives of one page.
#[derive(Debug)]
pub struct Suppressions {
    entries: Vec<Entry>,
}

impl Suppressions {
    /// Finds and reads the page's directives.
    pub fn of(page: &Page) -> Suppressions {
        let entries = placement::find(page)
            .into_iter()
            .map(|placed| {
                let parsed = parse(&page.text[placed.text]);
                let coverage = match &parsed {
                    Ok(Directive {
                        scope: Scope::File, ..
                    }) => Coverage::File,
                    _ => placed.here,
                };
                Entry {
                    span: placed.span,
                    parsed,
                    coverage,
                }
            })
            .collect();
        Suppressions { entries }
    }

    /// Whether the page has no directive at all.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Splits `findings` (in page order) into reported and suppressed ones, and reports the
    /// directives that suppress nothing, name unknown rules, or cannot be read.
    pub fn judge(&self, page: &Page, findings: Vec<Finding>, ids: RuleIds) -> Judged {
        if self.entries.is_empty() {
            return Judged {
                reported: findings,
                suppressed: Vec::new(),
            };
        }
        // The rules each directive actually silenced a finding of.
        let mut used: Vec<Vec<String>> = vec![Vec::new(); self.entries.len()];
        let mut judged = Judged::default();
        for finding in findings {
            let mut most_specific: Option<usize> = None;
            for (index, entry) in self.entries.iter().enumerate() {
                let Ok(directive) = &entry.parsed else {
                    continue;
                };
                if !directive.applies_to(&finding.rule)
                    || !entry.coverage.covers(finding.span.start)
                {
                    continue;
                }
                if !used[index].contains(&finding.rule) {
                    used[index].push(finding.rule.clone());
                }
                if most_specific
                    .is_none_or(|m| entry.coverage.extent() < self.entries[m].coverage.extent())
                {
                    most_specific = Some(index);
                }
            }
            match most_specific {
                Some(index) => {
                    let entry = &self.entries[index];
                    let reason = entry.parsed.as_ref().ok().and_then(|d| d.reason.clone());
                    let line = page.lines.position(&page.text, entry.span.start).0;
                    judged
                        .suppressed
                        .push((finding, Suppression { reason, line }));
                }
                None => judged.reported.push(finding),
            }
        }
        for (entry, used) in self.entries.iter().zip(&used) {
            for message in problems(page, entry, used, ids) {
                judged.reported.push(Finding {
                    rule: UNUSED_SUPPRESSION_ID.to_string(),
                    span: entry.span.clone(),
                    kind: Kind::Suppression,
                    severity: Severity::Warning,
                    message,
                    applicability: Applicability::None,
                    edits: Vec::new(),
                });
            }
        }
        judged
            .reported
            .sort_by(|a, b| (a.span.start, &a.rule).cmp(&(b.span.start, &b.rule)));
        judged
    }
}

/// What is wrong with one directive, given the rules it silenced findings of.
fn problems(page: &Page, entry: &Entry, used: &[String], ids: RuleIds) -> Vec<String> {
    let directive = match &entry.parsed {
        Ok(directive) => directive,
        Err(malformed) => {
            return vec![format!(
                "malformed suppression: {malformed}; write `{MARKER} ignore [RULE, ...] [-- reason]`"
            )];
        }
    };
    let mut problems = Vec::new();
    let is_loaded = |id: &String| ids.loaded.contains(id);
    let unknown: Vec<&String> = directive.rules.iter().filter(|r| !is_loaded(r)).collect();
    if !unknown.is_empty() {
        problems.push(format!(
            "suppression names unknown {} {} (loaded rules: {}); correct the id, or write a reason after `--`",
            if unknown.len() == 1 { "rule" } else { "rules" },
            quoted(&unknown),
            ids.loaded.join(", ")
        ));
    }
    let place = entry.coverage.describe(page);
    if directive.rules.is_empty() {
        // A directive for every rule can only be called unused when every rule ran.
        let all_ran = ids.loaded.iter().all(|id| ids.selected.contains(id));
        if used.is_empty() && all_ran {
            problems.push(format!(
                "unused suppression: no finding {place}; remove the comment"
            ));
        }
        return problems;
    }
    let named: Vec<&String> = directive.rules.iter().filter(|r| is_loaded(r)).collect();
    let unused: Vec<&String> = named
        .iter()
        .copied()
        .filter(|r| ids.selected.contains(r) && !used.contains(r))
        .collect();
    if !unused.is_empty() {
        let advice = if unused.len() == named.len() && unknown.is_empty() {
            "remove the comment".to_string()
        } else {
            format!("remove {} from it", quoted(&unused))
        };
        problems.push(format!(
            "unused suppression: no {} finding {place}; {advice}",
            unused
                .iter()
                .map(|r| r.as_str())
                .collect::<Vec<_>>()
                .join(" or ")
        ));
    }
    problems
}

fn quoted(ids: &[&String]) -> String {
    ids.iter()
        .map(|id| format!("`{id}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finding(rule: &str, span: Range<usize>) -> Finding {
        Finding {
            rule: rule.into(),
            span,
            kind: Kind::TextList,
            severity: Severity::Error,
            message: String::new(),
            applicability: Applicability::Safe,
            edits: Vec::new(),
        }
    }

    fn ids(list: &[&str]) -> Vec<String> {
        list.iter().map(|id| id.to_string()).collect()
    }

    #[test]
    fn the_most_specific_directive_gives_the_reason_and_idle_rules_are_named() {
        let text = "<!-- kspay-migrate: ignore-file -- 보관용 -->\n<p>제주, 수협</p> <!-- kspay-migrate: ignore a, b -- 시험 -->\n";
        let page = Page::parse(text).unwrap();
        let jeju = text.find("제주").unwrap();
        let loaded = ids(&["a", "b"]);
        let judged = Suppressions::of(&page).judge(
            &page,
            vec![finding("a", jeju..jeju + 6)],
            RuleIds {
                loaded: &loaded,
                selected: &loaded,
            },
        );
        assert_eq!(judged.suppressed.len(), 1);
        assert_eq!(
            judged.suppressed[0].1,
            Suppression {
                reason: Some("시험".into()),
                line: 2
            }
        );
        let messages: Vec<&str> = judged.reported.iter().map(|f| f.message.as_str()).collect();
        assert_eq!(
            messages,
            ["unused suppression: no b finding on its line; remove `b` from it"]
        );
        assert_eq!(judged.reported[0].rule, UNUSED_SUPPRESSION_ID);
        assert_eq!(judged.reported[0].kind, Kind::Suppression);
    }

    #[test]
    fn a_page_without_directives_keeps_its_findings_as_they_are() {
        let page = Page::parse("<p>제주</p>").unwrap();
        let suppressions = Suppressions::of(&page);
        assert!(suppressions.is_empty());
        let loaded = ids(&["a"]);
        let judged = suppressions.judge(
            &page,
            vec![finding("a", 3..9)],
            RuleIds {
                loaded: &loaded,
                selected: &loaded,
            },
        );
        assert_eq!(judged.reported.len(), 1);
        assert!(judged.suppressed.is_empty());
    }
}
