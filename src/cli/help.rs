//! What `--help` says after the options: the exit statuses and two examples, for the tool and for
//! `check`, `fix` and `revert`. The man page (`generate`) reads the same tables.

use crate::cli::exit::{ERROR_MEANS, MEANINGS};

/// Which help page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Page {
    Tool,
    Check,
    Fix,
    Merge,
    Revert,
}

/// A command line and what it does.
pub struct Example {
    pub command: &'static str,
    pub does: &'static str,
}

/// Two examples per page: the first run most people make, then the next step.
pub fn examples(page: Page) -> [Example; 2] {
    let check = Example {
        command: "kspay-migrate check sites/",
        does: "report the stale payment pages, change nothing",
    };
    let patch = Example {
        command: "kspay-migrate fix --patch jeju.patch sites/",
        does: "save the fixes as a patch to review and apply",
    };
    match page {
        Page::Tool => [check, patch],
        Page::Check => [
            check,
            Example {
                command: "kspay-migrate check --baseline kspay-baseline.json sites/",
                does: "CI gate: fail only on findings not in the baseline",
            },
        ],
        Page::Fix => [
            Example {
                command: "kspay-migrate fix sites/",
                does: "dry run: show the diff of every fix",
            },
            patch,
        ],
        Page::Merge => [
            Example {
                command: "kspay-migrate merge shard-1.json shard-2.json",
                does: "the shards of `check --shard K/2 --format json` as one run",
            },
            Example {
                command: "kspay-migrate merge --output html=fleet.html --output tenants=fleet.csv host-*.json",
                does: "one HTML report and one tenants CSV for every host's report",
            },
        ],
        Page::Revert => [
            Example {
                command: "kspay-migrate revert --dry-run jeju.jsonl",
                does: "say which files the journal's run wrote would be restored, and which refused",
            },
            Example {
                command: "kspay-migrate revert jeju.jsonl",
                does: "undo `fix --write --journal jeju.jsonl`, leaving files changed since alone",
            },
        ],
    }
}

/// How the baseline options change what `check` counts.
pub const BASELINE_NOTE: &str =
    "With --baseline only findings not in the baseline count; --write-baseline counts none.";

/// The exit statuses as the page's command sees them: `(code, meaning)`.
pub fn exit_statuses(page: Page) -> Vec<(u8, String)> {
    MEANINGS
        .iter()
        .map(|m| {
            let text = if m.check == m.fix_dry && m.check == m.fix_write && m.check == m.revert {
                format!("{}: {ERROR_MEANS}", m.check)
            } else {
                match page {
                    Page::Tool => format!(
                        "{} (check), {} (fix), {} (fix --write), {} (revert)",
                        m.check, m.fix_dry, m.fix_write, m.revert
                    ),
                    Page::Check => m.check.to_owned(),
                    Page::Merge => format!(
                        "{} (check reports), {} (fix), {} (fix --write)",
                        m.check, m.fix_dry, m.fix_write
                    ),
                    Page::Fix => format!(
                        "{}; with --write or --interactive: {}",
                        m.fix_dry, m.fix_write
                    ),
                    Page::Revert => m.revert.to_owned(),
                }
            };
            (m.code, text)
        })
        .collect()
}

/// The text clap shows after the options (`after_help`). clap would wrap long lines without
/// their indent, so they are wrapped here to fit 80 columns.
pub fn after_help(page: Page) -> String {
    let mut text = String::from("Exit status:\n");
    for (code, meaning) in exit_statuses(page) {
        wrap(&mut text, &format!("{code}  "), "     ", &meaning);
    }
    if page == Page::Check {
        wrap(&mut text, "", "  ", BASELINE_NOTE);
    }
    text.push_str("\nExamples:\n");
    for Example { command, does } in examples(page) {
        text.push_str(&format!("  {command}\n"));
        wrap(&mut text, "    ", "      ", does);
    }
    text.pop();
    text
}

/// Appends `words` as lines of at most [`WIDTH`] columns: the first after two spaces and
/// `first`, the others after `rest`.
fn wrap(text: &mut String, first: &str, rest: &str, words: &str) {
    let mut line = format!("  {first}");
    let mut empty = true;
    for word in words.split(' ') {
        if !empty && line.chars().count() + 1 + word.chars().count() > WIDTH {
            text.push_str(&line);
            text.push('\n');
            line = rest.to_owned();
            empty = true;
        }
        if !empty {
            line.push(' ');
        }
        line.push_str(word);
        empty = false;
    }
    text.push_str(&line);
    text.push('\n');
}

/// The help's widest line: an 80-column terminal shows it whole.
const WIDTH: usize = 78;
