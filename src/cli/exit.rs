//! Exit statuses: the values the commands return and what each means, in one place for the code
//! that chooses them (`app`) and the help and man page that explain them (`help`, `generate`).

use crate::report::{FixOutcome, Summary};

/// Nothing found / nothing to change / everything fixed.
pub const CLEAN: u8 = 0;
/// Findings, pending changes, or findings left after `fix --write`.
pub const FOUND: u8 = 1;
/// An error: bad arguments (clap's usage errors exit 2 too), a bad rule or config file, or any
/// file that could not be handled.
pub const ERROR: u8 = 2;

/// What a status means to each command: the README's "Exit codes" table, in short.
pub struct Meaning {
    pub code: u8,
    pub check: &'static str,
    /// `fix` as a dry run or with `--patch`: nothing is written.
    pub fix_dry: &'static str,
    /// `fix --write`, and `fix --interactive` once it writes the accepted fixes.
    pub fix_write: &'static str,
    /// `revert`.
    pub revert: &'static str,
}

pub const MEANINGS: [Meaning; 3] = [
    Meaning {
        code: CLEAN,
        check: "nothing found",
        fix_dry: "nothing to change",
        fix_write: "all fixed",
        revert: "nothing left to revert",
    },
    Meaning {
        code: FOUND,
        check: "findings",
        fix_dry: "changes pending",
        fix_write: "findings left",
        revert: "files changed since the fix left as they are",
    },
    Meaning {
        code: ERROR,
        check: "an error",
        fix_dry: "an error",
        fix_write: "an error",
        revert: "an error",
    },
];

/// What "an error" covers, for every command.
pub const ERROR_MEANS: &str = "bad arguments, a bad rule, config file or journal, or a file that \
                               could not be read, decoded, parsed or written";

/// The exit status of a `check`, `fix` or `merge` run ([`CLEAN`], [`FOUND`], [`ERROR`]).
pub fn status(summary: &Summary, outcome: Option<&FixOutcome>) -> u8 {
    let fixed_findings = outcome.map_or(0, |o| o.fixed_findings);
    let findings_left = summary.findings.saturating_sub(fixed_findings);
    if summary.errors > 0 {
        return ERROR;
    }
    match outcome {
        None if summary.findings > 0 => FOUND,
        Some(outcome) if outcome.wrote && findings_left > 0 => FOUND,
        Some(outcome) if !outcome.wrote && outcome.changed_files > 0 => FOUND,
        _ => CLEAN,
    }
}
