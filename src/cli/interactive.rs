//! `fix --interactive`: a reviewer sees each fix as a diff and accepts or rejects it, like
//! fastmod. Nothing is written while the questions run; the accepted fixes are then written
//! file by file, each atomically, by the same writer as `fix --write`.

use std::collections::HashSet;
use std::io::{self, BufRead, Write};

use crate::diagnostics::{Applicability, FileReport, Located};
use crate::pipeline::Pipeline;
use crate::report::diff;
use crate::report::text;
use crate::source::patch_base::PatchBases;

/// A reviewer's answer to one fix.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Answer {
    Yes,
    No,
    /// This fix and every remaining one, without asking.
    All,
    /// No more questions; the fixes accepted so far are still written.
    Quit,
}

const PROMPT: &str = "Apply this fix? [y]es, [n]o, [a]ll remaining, [q]uit: ";
const HELP: &str = "  y: apply this fix\n  n: leave it\n  a: apply this fix and all remaining ones\n  q: stop asking; the fixes accepted so far are written\n";

fn parse_answer(line: &str) -> Option<Answer> {
    match line.trim().to_ascii_lowercase().as_str() {
        "y" | "yes" => Some(Answer::Yes),
        "n" | "no" => Some(Answer::No),
        "a" | "all" => Some(Answer::All),
        "q" | "quit" => Some(Answer::Quit),
        _ => None,
    }
}

/// Asks until the reviewer gives an answer; the end of input counts as `q`.
fn ask(input: &mut dyn BufRead, out: &mut dyn Write) -> io::Result<Answer> {
    loop {
        write!(out, "{PROMPT}")?;
        out.flush()?;
        let mut line = String::new();
        if input.read_line(&mut line)? == 0 {
            writeln!(out)?;
            return Ok(Answer::Quit);
        }
        match parse_answer(&line) {
            Some(answer) => return Ok(answer),
            None => write!(out, "{HELP}")?,
        }
    }
}

/// Asks about every fix of `reports` (whose changes hold all fixes) and leaves in each report
/// the change of only the accepted ones, or none.
pub fn review(
    pipeline: &Pipeline,
    reports: &mut [FileReport],
    input: &mut dyn BufRead,
    out: &mut dyn Write,
) -> io::Result<()> {
    let mut accept_rest = false;
    let mut quit = false;
    // The diffs name files as a dry run and `--patch` do.
    let mut names = PatchBases::new();
    for report in reports.iter_mut() {
        let Some(change) = &report.change else {
            continue;
        };
        let candidates: Vec<&Located> = report
            .findings
            .iter()
            .filter(|located| change.fixes(located))
            .collect();
        let mut accepted: HashSet<&str> = HashSet::new();
        for located in &candidates {
            if quit {
                break;
            }
            if !accept_rest {
                show(pipeline, &mut names, report, located, out)?;
                match ask(input, out)? {
                    Answer::Yes => {}
                    Answer::No => continue,
                    Answer::All => accept_rest = true,
                    Answer::Quit => {
                        quit = true;
                        break;
                    }
                }
            }
            accepted.insert(&located.fingerprint);
        }
        if accepted.len() == candidates.len() {
            continue;
        }
        let accepted: HashSet<String> = accepted.into_iter().map(String::from).collect();
        let original = change.original.clone();
        report.change = if accepted.is_empty() {
            None
        } else {
            let rescan = pipeline.process_selected(&report.path, original, &|located| {
                accepted.contains(&located.fingerprint)
            });
            report.error = rescan.error;
            // An accepted unsafe fix may not hold without a declined one: say so on its finding.
            for located in report.findings.iter_mut() {
                located.fix_dropped = rescan
                    .findings
                    .iter()
                    .find(|again| again.fingerprint == located.fingerprint)
                    .and_then(|again| again.fix_dropped.clone());
            }
            rescan.change
        };
    }
    Ok(())
}

/// Shows one finding and the diff of its fix alone.
fn show(
    pipeline: &Pipeline,
    names: &mut PatchBases,
    report: &FileReport,
    located: &Located,
    out: &mut dyn Write,
) -> io::Result<()> {
    let Some(change) = &report.change else {
        return Ok(());
    };
    writeln!(out)?;
    text::finding(out, &report.path, located, text::Detail::Quiet)?;
    if located.finding.applicability == Applicability::Unsafe {
        writeln!(out, "  (an unsafe fix: read it closely)")?;
    }
    let name = names.shown_name(&report.path);
    let alone = pipeline.process_selected(&report.path, change.original.clone(), &|other| {
        other.fingerprint == located.fingerprint
    });
    match alone.change {
        Some(single) => {
            diff::write_decoded(out, &name, &single.original, &single.fixed, single.encoding)
        }
        // Fixes of one page can depend on each other; then only the whole page's diff says
        // what accepting means.
        None => diff::write_decoded(out, &name, &change.original, &change.fixed, change.encoding),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers() {
        assert_eq!(parse_answer("y\n"), Some(Answer::Yes));
        assert_eq!(parse_answer(" N "), Some(Answer::No));
        assert_eq!(parse_answer("all"), Some(Answer::All));
        assert_eq!(parse_answer("q\r\n"), Some(Answer::Quit));
        assert_eq!(parse_answer("maybe"), None);
        assert_eq!(parse_answer(""), None);
    }

    #[test]
    fn unclear_answers_are_asked_again_and_the_end_of_input_quits() {
        let mut input = io::Cursor::new("maybe\nn\n");
        let mut out = Vec::new();
        assert_eq!(ask(&mut input, &mut out).unwrap(), Answer::No);
        let shown = String::from_utf8(out).unwrap();
        assert_eq!(shown.matches(PROMPT).count(), 2);
        assert!(shown.contains("stop asking"));
        let mut out = Vec::new();
        assert_eq!(ask(&mut input, &mut out).unwrap(), Answer::Quit);
    }
}
