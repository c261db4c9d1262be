//! Exit statuses: the values the commands return and what each means, in one place for the code
//! that chooses them (`app`) and the help and man page that explain them (`help`, `generate`).

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
