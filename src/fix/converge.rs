//! Which fixes of a page `fix` applies, in two stages.
//!
//! The safe fixes go first, exactly as a run without `--unsafe-fixes` applies them, so the
//! flag can never cost a page its safe fixes. Each unsafe fix is then added on top only when
//! the page still splices and converges with it: its own finding must go away and no new one
//! may appear. A fix that fails is left out alone, and the finding says why; `check` works
//! the same out, so that no report offers a fix `fix` would refuse. Safe fixes are proven one
//! selection at a time by the detectors; should they still not hold together, they too join
//! one by one, so a page is never refused whole for one bad fix.

use crate::diagnostics::{Applicability, Change, FileReport, Located};
use crate::fix::splice::{self, FixError, Fixed};
use crate::scan::{FixInput, Scanner};

/// The page with the fixes kept so far: its bytes and which findings they fix.
#[derive(Clone)]
struct Kept {
    /// `None` while no fix is kept (the original page).
    fixed: Option<Vec<u8>>,
    /// Indices into the report's findings, in page order.
    findings: Vec<usize>,
    /// What the page reports once the kept fixes are applied.
    leftover: Vec<Located>,
}

impl Kept {
    /// The page as read: no fix kept yet.
    fn original(report: &FileReport) -> Kept {
        Kept {
            fixed: None,
            findings: Vec::new(),
            leftover: report.findings.clone(),
        }
    }
}

/// Why one fix could not join the kept ones.
enum Refusal {
    Splice(FixError),
    Overlap,
    Remains,
    NewFinding(Box<Located>),
    Restands(Box<Located>),
    Unreadable,
}

impl Refusal {
    fn reason(&self, card: &str, applicability: Applicability) -> String {
        let why = match self {
            Refusal::Splice(e) => e.to_string(),
            Refusal::Overlap => {
                "its edits overlap (each other, or another fix of this page)".to_string()
            }
            Refusal::Remains => format!("the page would still list {card} there after it"),
            Refusal::NewFinding(new) => format!(
                "after it the page would have a new finding at line {} of the fixed page ({}: {})",
                new.line,
                new.finding.kind.as_str(),
                new.finding
                    .message
                    .split(';')
                    .next()
                    .unwrap_or(&new.finding.message)
            ),
            Refusal::Restands(other) => format!(
                "it changes how the finding at line {} of the fixed page would be fixed",
                other.line
            ),
            Refusal::Unreadable => "the page would no longer decode after it".to_string(),
        };
        match applicability {
            Applicability::Unsafe => format!("unsafe fix left out: {why}"),
            _ => format!("fix left out: {why}"),
        }
    }
}

/// What fixing a page comes to.
struct Plan {
    /// The accepted safe fixes: what a run without `--unsafe-fixes` writes.
    safe: Kept,
    /// The safe fixes and every accepted unsafe fix that holds on top of them.
    with_unsafe: Kept,
    /// The unsafe fixes that do not hold (indices into the report's findings) and why.
    dropped: Vec<(usize, String)>,
}

/// Decides the fixes of scanned pages, rescanning them with the scanner that found them.
pub struct Fixer<'s> {
    scanner: &'s Scanner,
    /// `--unsafe-fixes`: unsafe fixes are applied too.
    unsafe_fixes: bool,
}

impl<'s> Fixer<'s> {
    pub fn new(scanner: &'s Scanner, unsafe_fixes: bool) -> Fixer<'s> {
        Fixer {
            scanner,
            unsafe_fixes,
        }
    }

    /// Fills in `report.change` with the fixes of the findings `accept` picks (unsafe ones
    /// with `--unsafe-fixes`), and the reason of each fix that would not hold.
    pub fn fix_page(
        &self,
        report: &mut FileReport,
        input: FixInput,
        accept: &dyn Fn(&Located) -> bool,
    ) {
        let plan = self.plan(report, &input, accept);
        mark_dropped(report, plan.dropped);
        let kept = if self.unsafe_fixes {
            plan.with_unsafe
        } else {
            plan.safe
        };
        if let Some(fixed) = kept.fixed {
            let fixed_findings = kept
                .findings
                .iter()
                .map(|&i| report.findings[i].fingerprint.clone())
                .collect();
            let encoding = input.decoded.encoding;
            report.change = Some(Change::new(input.bytes, fixed, encoding, fixed_findings));
        }
    }

    /// For `check`: marks the unsafe fixes that `fix --unsafe-fixes` would leave out, so no
    /// report offers a fix the tool itself would refuse. Costs a few scans, and only on a page
    /// with an unsafe fix.
    pub fn mark_dropped_fixes(&self, report: &mut FileReport, input: &FixInput) {
        // Only unsafe fixes are left out in practice: safe ones are proven alone by the
        // detectors, and a page whose safe fixes still fail together is rare enough to be told
        // by `fix` alone rather than cost every stale page of a `check` a rescan.
        let has_unsafe = report.findings.iter().any(|l| {
            l.finding.applicability == Applicability::Unsafe && !l.finding.edits.is_empty()
        });
        if !has_unsafe {
            return;
        }
        let plan = self.plan(report, input, &|_| true);
        mark_dropped(report, plan.dropped);
    }

    /// The safe fixes, then the unsafe ones on top, of the findings `accept` picks.
    fn plan(
        &self,
        report: &FileReport,
        input: &FixInput,
        accept: &dyn Fn(&Located) -> bool,
    ) -> Plan {
        let accepted: Vec<bool> = report.findings.iter().map(accept).collect();
        let with = |applicability: Applicability| -> Vec<usize> {
            (0..report.findings.len())
                .filter(|&i| {
                    accepted[i] && report.findings[i].finding.applicability == applicability
                })
                .filter(|&i| !report.findings[i].finding.edits.is_empty())
                .collect()
        };
        let (safe, risky) = (with(Applicability::Safe), with(Applicability::Unsafe));
        let mut refused = Vec::new();
        let safe = match self.apply_safe(report, input, &safe, &accepted) {
            Some(kept) => kept,
            // The safe fixes do not hold together, though each was proven alone: each joins
            // only when the page still converges with it, so one bad fix costs the page no
            // other. Never expected; a safety net under the proof.
            None => {
                let mut kept = Kept::original(report);
                for &index in &safe {
                    if let Err(refusal) = self.try_keep(report, input, &mut kept, &[index]) {
                        refused.push((index, refusal));
                    }
                }
                kept
            }
        };
        let mut with_unsafe = safe.clone();
        if !risky.is_empty() {
            refused.extend(self.add_unsafe(report, input, &mut with_unsafe, &risky));
        }
        let dropped = refused
            .into_iter()
            .map(|(index, refusal)| {
                let finding = &report.findings[index].finding;
                let card = self
                    .scanner
                    .rules()
                    .iter()
                    .find(|r| r.id == finding.rule)
                    .map_or("the card", |r| r.card.name.as_str());
                (index, refusal.reason(card, finding.applicability))
            })
            .collect();
        Plan {
            safe,
            with_unsafe,
            dropped,
        }
    }

    /// What the page reports with some fixes applied (`fixed`): the convergence check.
    fn rescan(&self, report: &FileReport, fixed: &[u8], input: &FixInput) -> Option<Vec<Located>> {
        self.scanner
            .rescan_reusing(&report.path, fixed, &input.rewrites)
    }

    /// Stage one, the safe run: every accepted safe fix. A page fixed this way must have
    /// nothing left to fix (counting safe fixes only) but the ones a reviewer left out: this
    /// guards against a fix that undoes itself or keeps growing on each run. `None` when the
    /// fixes do not splice or converge together.
    fn apply_safe(
        &self,
        report: &FileReport,
        input: &FixInput,
        safe: &[usize],
        accepted: &[bool],
    ) -> Option<Kept> {
        let findings: Vec<_> = safe
            .iter()
            .map(|&i| report.findings[i].finding.clone())
            .collect();
        let Some(fixed) = splice::apply(&input.bytes, &input.decoded, &findings, false).ok()?
        else {
            return Some(Kept::original(report));
        };
        let may_remain = report
            .findings
            .iter()
            .zip(accepted)
            .filter(|(l, accepted)| !**accepted && l.finding.applicability.applies(false))
            .count();
        let leftover = self.rescan(report, &fixed.bytes, input)?;
        let still_fixable = leftover
            .iter()
            .filter(|l| l.finding.applicability.applies(false))
            .count();
        (still_fixable <= may_remain).then(|| Kept {
            findings: fixed.applied.iter().map(|&i| safe[i]).collect(),
            fixed: Some(fixed.bytes),
            leftover,
        })
    }

    /// Stage two: the unsafe fixes on top of the kept ones. All at once first (the usual
    /// case: one more scan); when that fails, one at a time in page order, keeping each that
    /// holds. Returns the ones left out and why.
    fn add_unsafe(
        &self,
        report: &FileReport,
        input: &FixInput,
        kept: &mut Kept,
        risky: &[usize],
    ) -> Vec<(usize, Refusal)> {
        if self.try_keep(report, input, kept, risky).is_ok() {
            return Vec::new();
        }
        risky
            .iter()
            .filter_map(|&index| {
                self.try_keep(report, input, kept, &[index])
                    .err()
                    .map(|refusal| (index, refusal))
            })
            .collect()
    }

    /// Adds the fixes of `candidates` to `kept` when the page then splices, every candidate
    /// applies, and the page reports at least one fixable finding fewer per candidate and no
    /// finding that was not there before.
    fn try_keep(
        &self,
        report: &FileReport,
        input: &FixInput,
        kept: &mut Kept,
        candidates: &[usize],
    ) -> Result<(), Refusal> {
        let mut order: Vec<usize> = kept.findings.clone();
        // Kept fixes first: on an overlap, `splice::apply` keeps the earlier one.
        order.extend_from_slice(candidates);
        let findings: Vec<_> = order
            .iter()
            .map(|&i| report.findings[i].finding.clone())
            .collect();
        let Fixed {
            bytes: fixed,
            applied,
        } = splice::apply(&input.bytes, &input.decoded, &findings, true)
            .map_err(Refusal::Splice)?
            .ok_or(Refusal::Overlap)?;
        if applied.len() < order.len() {
            return Err(Refusal::Overlap);
        }
        let leftover = self
            .rescan(report, &fixed, input)
            .ok_or(Refusal::Unreadable)?;
        let fixable = |findings: &[Located]| {
            findings
                .iter()
                .filter(|l| l.finding.applicability.applies(true))
                .count()
        };
        // A fix that changes another finding's fix (turns it safe or unsafe, or makes it edit
        // something else) changed what the rest of the page reads: a second run would then
        // apply what this one left out, so it is refused.
        let restanding = leftover.iter().find(|l| {
            kept.leftover
                .iter()
                .any(|k| k.fingerprint == l.fingerprint && !k.finding.same_fix(&l.finding))
        });
        if let Some(other) = restanding {
            return Err(Refusal::Restands(Box::new(other.clone())));
        }
        if fixable(&leftover) + candidates.len() > fixable(&kept.leftover) {
            let before: Vec<&str> = kept
                .leftover
                .iter()
                .map(|l| l.fingerprint.as_str())
                .collect();
            let new = leftover.iter().find(|l| {
                l.finding.applicability.applies(true) && !before.contains(&l.fingerprint.as_str())
            });
            return Err(new.map_or(Refusal::Remains, |new| {
                Refusal::NewFinding(Box::new(new.clone()))
            }));
        }
        let mut findings: Vec<usize> = applied.iter().map(|&i| order[i]).collect();
        findings.sort_unstable();
        *kept = Kept {
            fixed: Some(fixed),
            findings,
            leftover,
        };
        Ok(())
    }
}

/// Notes on each finding whose unsafe fix does not hold why it does not.
fn mark_dropped(report: &mut FileReport, dropped: Vec<(usize, String)>) {
    for (index, reason) in dropped {
        report.findings[index].fix_dropped = Some(reason);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::{Edit, Finding, Kind, Severity};
    use crate::scan::FixInput;
    use crate::scan::locate::locate;
    use crate::scan::page::{Page, PageKind};
    use crate::scan::{MAX_FINDINGS_PER_FILE, ScanOptions};
    use crate::source::encoding::{self, EncodingChoice};
    use std::path::Path;

    /// A KSPAY entry page in EUC-KR whose one real finding has a safe fix.
    const PAGE: &str = "<input type=\"radio\" name=\"certitype\" value=\"M\">안심클릭<br>\r\n\
        외환,삼성,제주<br>\r\n\
        <input type=\"radio\" name=\"certitype\" value=\"I\">안전결제<br>\r\n\
        비씨,국민<br>\r\n";

    fn scanner() -> Scanner {
        Scanner::new(
            crate::rules::embedded().unwrap(),
            ScanOptions {
                encoding: EncodingChoice::Auto,
                max_findings: MAX_FINDINGS_PER_FILE,
            },
        )
    }

    /// An unsafe finding made up for the test: its fix is `edit`.
    fn made_up(page: &Page, at: usize, edit: Edit) -> Located {
        made_up_as(page, at, edit, Applicability::Unsafe)
    }

    fn made_up_as(page: &Page, at: usize, edit: Edit, applicability: Applicability) -> Located {
        locate(
            page,
            Finding {
                rule: "jeju-mpi-to-isp".into(),
                span: at..at,
                kind: Kind::Prose,
                severity: Severity::Warning,
                message: "made up".into(),
                applicability,
                edits: vec![edit],
            },
        )
    }

    /// The page in EUC-KR as `check` reports it: its one real finding, with a safe fix.
    fn checked_page() -> (&'static Path, FixInput, FileReport) {
        let path = Path::new("KSPayForm.php");
        let bytes = encoding::encode(encoding_rs::EUC_KR, PAGE).unwrap();
        let scanned = scanner().scan(path, bytes);
        assert_eq!(scanned.report.findings.len(), 1, "the real, safe finding");
        (path, scanned.fixable.unwrap(), scanned.report)
    }

    /// The page's bytes with only its real, safe fix applied.
    fn page_with_the_safe_fix() -> Vec<u8> {
        let expected = PAGE
            .replace("외환,삼성,제주", "외환,삼성")
            .replace("비씨,국민", "비씨,국민,제주");
        encoding::encode(encoding_rs::EUC_KR, &expected).unwrap()
    }

    #[test]
    fn the_proof_keeps_the_page_with_every_safe_fix_for_the_rescan() {
        let (_, input, _) = checked_page();
        let expected = encoding::decode(&page_with_the_safe_fix(), EncodingChoice::Auto).unwrap();
        let texts: Vec<&str> = input
            .rewrites
            .iter()
            .map(|r| r.page.text.as_str())
            .collect();
        assert_eq!(texts, [expected.text.as_str()]);
    }

    /// The rescan that reuses a proof's page reports what a rescan from the bytes reports, on
    /// every sample and case page, with their safe fixes and with every fix applied.
    #[test]
    fn rescans_reusing_a_proofs_page_report_what_fresh_ones_do() {
        let scanner = scanner();
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let (mut reused, mut with_leftovers) = (0, 0);
        for dir in ["samples", "tests/cases"] {
            for entry in walkdir::WalkDir::new(root.join(dir)).sort_by_file_name() {
                let entry = entry.unwrap();
                if !entry.file_type().is_file() || entry.path().extension() == Some("md".as_ref()) {
                    continue;
                }
                let path = entry.path();
                let scanned = scanner.scan(path, std::fs::read(path).unwrap());
                let Some(input) = scanned.fixable else {
                    continue;
                };
                let findings: Vec<_> = (scanned.report.findings.iter())
                    .map(|l| l.finding.clone())
                    .collect();
                for allow_unsafe in [false, true] {
                    let Ok(Some(fixed)) =
                        splice::apply(&input.bytes, &input.decoded, &findings, allow_unsafe)
                    else {
                        continue;
                    };
                    let fresh = format!("{:?}", scanner.rescan(path, &fixed.bytes));
                    let reusing = scanner.rescan_reusing(path, &fixed.bytes, &input.rewrites);
                    assert_eq!(format!("{reusing:?}"), fresh, "{}", path.display());
                    let text = encoding::decode(&fixed.bytes, EncodingChoice::Auto)
                        .unwrap()
                        .text;
                    if input.rewrites.iter().any(|r| r.page.text == text) {
                        reused += 1;
                        with_leftovers += usize::from(reusing.is_some_and(|l| !l.is_empty()));
                    }
                }
            }
        }
        assert!(reused > 50, "{reused} rescans reused a proof's page");
        assert!(with_leftovers > 0, "no reused page had findings left");
    }

    #[test]
    fn a_safe_fix_that_breaks_the_page_is_left_out_and_the_others_are_written() {
        let (path, input, mut report) = checked_page();
        let page = Page::parse_as(&input.decoded.text, PageKind::of_path(path)).unwrap();
        // A safe fix as a detector's mistake could make it: it puts Jeju back under MPI.
        let after_samsung = PAGE.find("삼성").unwrap() + "삼성".len();
        let bad = Edit {
            range: after_samsung..after_samsung,
            replacement: ",제주".into(),
        };
        report
            .findings
            .push(made_up_as(&page, after_samsung, bad, Applicability::Safe));
        crate::scan::fingerprint::assign(path, report.findings.iter_mut());

        Fixer::new(&scanner(), true).fix_page(&mut report, input, &|_| true);

        assert_eq!(report.error, None, "the page is not refused whole");
        let fixed = report
            .change
            .as_ref()
            .expect("the good safe fix is applied");
        assert_eq!(fixed.fixed, page_with_the_safe_fix());
        assert_eq!(report.findings[0].fix_dropped, None);
        let reason = report.findings[1].fix_dropped.as_deref().unwrap_or("-");
        assert!(reason.starts_with("fix left out: "), "{reason}");
    }

    #[test]
    fn each_unsafe_fix_that_fails_is_left_out_alone_with_its_reason() {
        let (path, input, mut report) = checked_page();
        let page = Page::parse_as(&input.decoded.text, PageKind::of_path(path)).unwrap();

        let after_samsung = PAGE.find("삼성").unwrap() + "삼성".len();
        let jeju = PAGE.find(",제주").unwrap();
        let end = PAGE.find("국민").unwrap() + "국민".len();
        let insert = |at: usize, text: &str| Edit {
            range: at..at,
            replacement: text.into(),
        };
        // Puts Jeju back into the MPI list the safe fix takes it out of.
        report.findings.push(made_up(
            &page,
            after_samsung,
            insert(after_samsung, ",제주"),
        ));
        // Cuts into the safe fix's removal.
        report.findings.push(made_up(
            &page,
            jeju,
            Edit {
                range: jeju + 1..jeju + 4,
                replacement: String::new(),
            },
        ));
        // Text EUC-KR cannot hold.
        report
            .findings
            .push(made_up(&page, end, insert(end, ",제주\u{1F600}")));
        crate::scan::fingerprint::assign(path, report.findings.iter_mut());

        Fixer::new(&scanner(), true).fix_page(&mut report, input, &|_| true);

        assert_eq!(report.error, None);
        let fixed = report.change.as_ref().expect("the safe fix is applied");
        assert_eq!(fixed.fixed, page_with_the_safe_fix());
        assert_eq!(
            fixed.fixed_findings,
            [report.findings[0].fingerprint.clone()]
        );
        let reasons: Vec<&str> = report
            .findings
            .iter()
            .map(|l| l.fix_dropped.as_deref().unwrap_or("-"))
            .collect();
        assert_eq!(reasons[0], "-");
        assert!(
            reasons[1].starts_with(
                "unsafe fix left out: after it the page would have a new finding at line 2"
            ),
            "{}",
            reasons[1]
        );
        assert_eq!(
            reasons[2],
            "unsafe fix left out: its edits overlap (each other, or another fix of this page)"
        );
        assert!(
            reasons[3].starts_with("unsafe fix left out: the fix text")
                && reasons[3].contains("EUC-KR"),
            "{}",
            reasons[3]
        );
    }
}
