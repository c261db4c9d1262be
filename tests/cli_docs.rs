//! The tool's own documentation of its command line (not the payment help pages of
//! `help_pages.rs`): `--help` with its exit statuses and examples, the shell completions and the
//! man page generated from the clap definition, and the README's options table, which must list
//! every option of `check` and `fix` and nothing else.

mod common;
use common::{root, tool};

use std::collections::BTreeMap;
use std::fs;
use std::process::{Command as Process, Stdio};

use clap::{CommandFactory, Parser};
use kspay_migrate::cli::Cli;
use kspay_migrate::cli::help::{self, Page};

fn stdout_of(args: &[&str]) -> String {
    let output = tool()
        .args(args)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    String::from_utf8(output).unwrap()
}

fn installed(program: &str) -> bool {
    Process::new("sh")
        .args(["-c", &format!("command -v {program}")])
        .stdout(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

// --- --help --------------------------------------------------------------------------------

#[test]
fn help_shows_the_exit_statuses_and_two_examples() {
    for (args, examples) in [
        (
            &["--help"][..],
            [
                "kspay-migrate check sites/",
                "kspay-migrate fix --patch jeju.patch sites/",
            ],
        ),
        (
            &["check", "--help"][..],
            [
                "kspay-migrate check sites/",
                "kspay-migrate check --baseline kspay-baseline.json sites/",
            ],
        ),
        (
            &["fix", "--help"][..],
            [
                "kspay-migrate fix sites/",
                "kspay-migrate fix --patch jeju.patch sites/",
            ],
        ),
    ] {
        let help = stdout_of(args);
        let after = help
            .split_once("\nExit status:\n")
            .unwrap_or_else(|| panic!("`{}` shows no exit status:\n{help}", args.join(" ")))
            .1;
        for code in ["  0  ", "  1  ", "  2  an error: bad arguments"] {
            assert!(
                after.lines().any(|line| line.starts_with(code)),
                "`{}` does not explain exit status {code:?}:\n{help}",
                args.join(" ")
            );
        }
        let examples_text = after.split_once("\nExamples:\n").unwrap().1;
        for example in examples {
            assert!(
                examples_text.contains(&format!("  {example}\n")),
                "`{}` lacks the example {example:?}:\n{help}",
                args.join(" ")
            );
        }
        for line in help.lines() {
            assert!(
                line.chars().count() <= 100,
                "too wide for the help: {line:?}"
            );
        }
    }
    // -h shows the same text after the options.
    assert!(stdout_of(&["fix", "-h"]).contains(&help::after_help(Page::Fix)));
}

#[test]
fn the_help_means_what_the_tool_does() {
    let tool_help = stdout_of(&["--help"]);
    assert!(tool_help.contains("0  nothing found (check), nothing to change (fix), all fixed"));
    assert!(tool_help.contains("1  findings (check), changes pending (fix), findings left"));
    assert!(
        stdout_of(&["fix", "--help"])
            .contains("1  changes pending; with --write or --interactive: findings left")
    );
    // Every example is a command line the tool accepts.
    for page in [Page::Tool, Page::Check, Page::Fix] {
        for example in help::examples(page) {
            let words: Vec<&str> = example.command.split_whitespace().collect();
            if let Err(e) = Cli::try_parse_from(&words) {
                panic!("the example {:?} does not parse: {e}", example.command);
            }
        }
    }
}

// --- completions ---------------------------------------------------------------------------

#[test]
fn bash_completions_are_a_bash_script_with_every_command_and_option() {
    let script = stdout_of(&["completions", "bash"]);
    assert!(
        script.lines().any(|line| {
            let line = line.trim_start();
            line.starts_with("complete -F _kspay__migrate ") && line.ends_with(" kspay-migrate")
        }),
        "not a bash completion for kspay-migrate:\n{script}"
    );
    for word in [
        "check",
        "fix",
        "rules",
        "explain",
        "completions",
        "man",
        "--max-filesize",
        "--unsafe-fixes",
        "--write-baseline",
        "--patch",
    ] {
        assert!(script.contains(word), "bash completion lacks {word}");
    }
    if installed("bash") {
        let file = tempfile::NamedTempFile::new().unwrap();
        fs::write(file.path(), &script).unwrap();
        let out = Process::new("bash")
            .arg("-n")
            .arg(file.path())
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "bash -n rejects the completion: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

#[test]
fn other_shells_get_completions_naming_the_commands() {
    for (shell, option, check) in [
        ("zsh", "--max-filesize", Some(["zsh", "-n"])),
        ("fish", "-l max-filesize", Some(["fish", "--no-execute"])),
        ("powershell", "--max-filesize", None),
        ("elvish", "--max-filesize", None),
    ] {
        let script = stdout_of(&["completions", shell]);
        assert!(
            script.contains("check") && script.contains("fix"),
            "{shell}:\n{script}"
        );
        assert!(
            script.contains(option),
            "{shell} completion lacks {option}:\n{script}"
        );
        if let Some([program, flag]) = check
            && installed(program)
        {
            let file = tempfile::NamedTempFile::new().unwrap();
            fs::write(file.path(), &script).unwrap();
            let out = Process::new(program)
                .arg(flag)
                .arg(file.path())
                .output()
                .unwrap();
            assert!(
                out.status.success(),
                "{program} {flag} rejects the completion: {}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
    }
    tool().args(["completions", "tcsh"]).assert().code(2);
}

// --- man -----------------------------------------------------------------------------------

#[test]
fn man_page_is_roff_with_every_command_and_option() {
    let page = stdout_of(&["man"]);
    assert!(
        page.starts_with(".TH") || page.starts_with(".ie"),
        "not roff:\n{page}"
    );
    assert!(page.contains("\n.TH kspay-migrate 1 "));
    // Roff escapes the dashes of text: `\-\-unsafe\-fixes`.
    let text = page.replace("\\-", "-");
    for heading in [
        ".SH SYNOPSIS",
        ".SH COMMANDS",
        ".SS \"kspay-migrate check\"",
        ".SS \"kspay-migrate fix\"",
        ".SH \"EXIT STATUS\"",
        ".SH EXAMPLES",
    ] {
        assert!(
            text.contains(heading),
            "the man page lacks {heading}:\n{page}"
        );
    }
    for (command, options) in options_of_check_and_fix() {
        for long in options.keys() {
            let spelled = format!("\\fB--{long}\\fR");
            let section = text
                .split(&format!(".SS \"kspay-migrate {command}\""))
                .nth(1)
                .and_then(|rest| rest.split(".SS ").next())
                .unwrap();
            assert!(
                section.contains(&spelled),
                "the man page's {command} section lacks --{long}"
            );
        }
    }
    assert!(text.contains("kspay-migrate fix --patch jeju.patch sites/"));
    // Rendered by groff where it is installed (.ci/run installs it): no warning at all.
    if installed("groff") {
        let file = tempfile::NamedTempFile::new().unwrap();
        fs::write(file.path(), &page).unwrap();
        let out = Process::new("groff")
            .args(["-k", "-man", "-Tutf8", "-ww"])
            .arg(file.path())
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success() && stderr.is_empty(), "groff: {stderr}");
        // Without the overstrikes a terminal turns into bold (`E\x08E`).
        let mut shown = String::new();
        for c in String::from_utf8_lossy(&out.stdout).chars() {
            match c {
                '\x08' => drop(shown.pop()),
                c => shown.push(c),
            }
        }
        assert!(
            shown.contains("EXIT STATUS") && shown.contains("Jeju"),
            "{shown}"
        );
    }
}

// --- README's options table ----------------------------------------------------------------

/// What clap knows of an option: its short flag, the values it accepts if it lists them, and a
/// table row for it.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Known {
    short: Option<char>,
    values: Vec<String>,
    /// `-j, --threads N`, as a row would spell it.
    spelled: String,
    /// The first line of its help.
    help: String,
}

/// The long options of `check` and `fix`, by command, without `--help` and `--version`.
fn options_of_check_and_fix() -> BTreeMap<&'static str, BTreeMap<String, Known>> {
    let cli = Cli::command();
    ["check", "fix"]
        .into_iter()
        .map(|name| {
            let command = cli.find_subcommand(name).unwrap();
            let options = command
                .get_arguments()
                .filter(|a| !a.is_positional() && !a.is_hide_set())
                .filter_map(|a| Some((a.get_long()?.to_owned(), a)))
                .filter(|(long, _)| long != "help" && long != "version")
                .map(|(long, a)| {
                    let values = a
                        .get_possible_values()
                        .iter()
                        .filter(|v| !v.is_hide_set())
                        .map(|v| v.get_name().to_owned())
                        .collect();
                    let short = a.get_short();
                    let mut spelled = short.map_or(String::new(), |c| format!("-{c}, "));
                    spelled.push_str(&format!("--{long}"));
                    if a.get_action().takes_values() {
                        let name = a.get_value_names().and_then(|names| names.first());
                        let name =
                            name.map_or(a.get_id().as_str().to_uppercase(), |n| n.to_string());
                        spelled.push_str(&format!(" {name}"));
                    }
                    let help = a.get_help().map(|h| h.to_string()).unwrap_or_default();
                    let help = help.lines().next().unwrap_or_default().to_owned();
                    let known = Known {
                        short,
                        values,
                        spelled,
                        help,
                    };
                    (long, known)
                })
                .collect();
            (name, options)
        })
        .collect()
}

/// One row of the README's options table.
#[derive(Debug)]
struct Row {
    line: usize,
    long: String,
    short: Option<char>,
    /// `(check)` or `(fix)` after the option; `None`: both commands.
    only: Option<String>,
    /// The values the row lists (`--color auto\|always\|never`), if it lists them.
    values: Vec<String>,
}

/// The rows of the table that follows the line `Options:` in `readme`.
fn readme_rows(readme: &str) -> Result<Vec<Row>, String> {
    let lines: Vec<&str> = readme.lines().collect();
    let start = lines
        .iter()
        .position(|l| l.trim() == "Options:")
        .ok_or("README.md has no line `Options:` before its options table")?;
    let mut table = lines
        .iter()
        .enumerate()
        .skip(start + 1)
        .skip_while(|(_, l)| l.trim().is_empty())
        .take_while(|(_, l)| l.starts_with('|'));
    let header = table.next().map(|(_, l)| l.replace(' ', ""));
    if header.as_deref() != Some("|option|meaning|") {
        return Err(format!(
            "README.md: the table after `Options:` must start `| option | meaning |`, not {header:?}"
        ));
    }
    table.next(); // | --- | --- |
    table
        .map(|(index, line)| parse_row(index + 1, line))
        .collect()
}

fn parse_row(line: usize, text: &str) -> Result<Row, String> {
    // The first cell: up to the first `|` not escaped as `\|`.
    let cell = text.trim_start_matches('|');
    let end = cell
        .char_indices()
        .find(|&(i, c)| c == '|' && !cell[..i].ends_with('\\'))
        .map_or(cell.len(), |(i, _)| i);
    let cell = cell[..end].trim();
    let (spelled, after) = cell
        .strip_prefix('`')
        .and_then(|rest| rest.split_once('`'))
        .ok_or_else(|| format!("README.md:{line}: the option is not in backquotes: {cell:?}"))?;
    let only = match after.trim() {
        "" => None,
        "(check)" => Some("check".to_owned()),
        "(fix)" => Some("fix".to_owned()),
        other => {
            return Err(format!(
                "README.md:{line}: after `{spelled}` only (check) or (fix) may stand, not {other:?}"
            ));
        }
    };
    let mut long = None;
    let mut short = None;
    let mut values = Vec::new();
    for word in spelled.split([' ', ',']).filter(|w| !w.is_empty()) {
        if let Some(name) = word.strip_prefix("--") {
            let name: String = name
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
                .collect();
            if long.replace(name).is_some() {
                return Err(format!("README.md:{line}: one option per row: `{spelled}`"));
            }
        } else if let Some(flag) = word.strip_prefix('-').filter(|f| f.chars().count() == 1) {
            short = flag.chars().next();
        } else if word.contains("\\|") {
            values = word.split("\\|").map(str::to_owned).collect();
        }
    }
    let long = long.ok_or_else(|| format!("README.md:{line}: no --option in `{spelled}`"))?;
    Ok(Row {
        line,
        long,
        short,
        only,
        values,
    })
}

/// Where the README's table and clap disagree, one sentence each, naming the option.
fn table_problems(readme: &str) -> Vec<String> {
    let rows = match readme_rows(readme) {
        Ok(rows) => rows,
        Err(problem) => return vec![problem],
    };
    let by_command = options_of_check_and_fix();
    // Each option with the commands that have it, and what clap knows of it.
    let mut clap_options: BTreeMap<&str, (Vec<&str>, &Known)> = BTreeMap::new();
    for (command, options) in &by_command {
        for (long, known) in options {
            clap_options
                .entry(long)
                .or_insert((vec![], known))
                .0
                .push(command);
        }
    }
    let scope = |commands: &[&str]| match commands {
        [one] => format!(" ({one})"),
        _ => String::new(),
    };
    let of = |commands: &[&str]| match commands {
        [one] => format!("{one} only"),
        _ => commands.join(" and "),
    };
    let mut problems = Vec::new();
    let mut seen = BTreeMap::new();
    for row in &rows {
        if let Some(first) = seen.insert(row.long.as_str(), row.line) {
            problems.push(format!(
                "README.md:{}: `--{}` has a second row (the first is line {first})",
                row.line, row.long
            ));
        }
        let Some((commands, known)) = clap_options.get(row.long.as_str()) else {
            problems.push(format!(
                "README.md:{}: `--{}` is in the options table, but neither check nor fix has \
                 such an option: remove the row or fix its spelling",
                row.line, row.long
            ));
            continue;
        };
        let says: Vec<&str> = match &row.only {
            Some(only) => vec![only.as_str()],
            None => vec!["check", "fix"],
        };
        if &says != commands {
            problems.push(format!(
                "README.md:{}: `--{}`{} is an option of {}: write `--{}`{}",
                row.line,
                row.long,
                scope(&says),
                of(commands),
                row.long,
                scope(commands)
            ));
        }
        if row.short != known.short {
            let spell = |s: Option<char>| s.map_or("no short flag".to_owned(), |c| format!("-{c}"));
            problems.push(format!(
                "README.md:{}: `--{}` has {} in the table but {} in --help",
                row.line,
                row.long,
                spell(row.short),
                spell(known.short)
            ));
        }
        if !row.values.is_empty() && row.values != known.values {
            problems.push(format!(
                "README.md:{}: `--{}` lists the values {} but takes {}",
                row.line,
                row.long,
                row.values.join("|"),
                known.values.join("|")
            ));
        }
    }
    for (long, (commands, known)) in &clap_options {
        if !seen.contains_key(long) {
            problems.push(format!(
                "README.md: `--{long}`, an option of {}, is missing from the options table; add \
                 a row like: | `{}`{} | {} |",
                of(commands),
                known.spelled,
                scope(commands),
                known.help
            ));
        }
    }
    problems
}

#[test]
fn readme_options_table_lists_every_option_of_check_and_fix() {
    let readme = fs::read_to_string(root().join("README.md")).unwrap();
    let problems = table_problems(&readme);
    assert!(
        problems.is_empty(),
        "README.md's options table and `check --help`/`fix --help` disagree:\n  {}",
        problems.join("\n  ")
    );
}

/// The comparison itself: a row taken out, one made up, one given the wrong command, and a
/// short flag changed are each named.
#[test]
fn readme_table_check_names_what_is_missing_or_extra() {
    let readme = fs::read_to_string(root().join("README.md")).unwrap();
    let doctored = readme
        .replace(
            "| `--select RULE` | run only this rule (repeatable) |\n",
            "",
        )
        .replace(
            "| `--isolated` |",
            "| `--frobnicate` (check) | not an option |\n| `--isolated` |",
        )
        .replace("| `--patch FILE` (fix) |", "| `--patch FILE` (check) |")
        .replace("| `-j, --threads N` |", "| `-t, --threads N` |")
        .replace("`--color auto\\|always\\|never`", "`--color auto\\|never`");
    let problems = table_problems(&doctored).join("\n");
    for expected in [
        "`--select`, an option of check and fix, is missing from the options table; add a row \
         like: | `--select RULE` | Run only this rule (repeatable) |",
        "`--frobnicate` is in the options table, but neither check nor fix has such an option",
        "`--patch` (check) is an option of fix only: write `--patch` (fix)",
        "`--threads` has -t in the table but -j in --help",
        "`--color` lists the values auto|never but takes auto|always|never",
    ] {
        assert!(
            problems.contains(expected),
            "{expected:?} not in:\n{problems}"
        );
    }
    assert_eq!(problems.lines().count(), 5, "{problems}");
}
