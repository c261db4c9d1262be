//! Running a command: load rules, walk, scan in parallel, report, and write or patch.

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use rayon::prelude::*;

use crate::cli::{Cli, ColorWhen, Command, ExplainArgs, FixArgs, Format, RuleSource, ScanArgs};
use crate::report::{self, Summary, display_path, text::Detail};
use crate::rules::{self, Rule, RuleError};
use crate::scan::{FileReport, Mode, ScanOptions, Scanner, Skip};
use crate::walk::{self, Found, WalkOptions};
use crate::write::WriteOptions;
use crate::{diff, write};

/// Exit status: nothing found / nothing to change / everything fixed.
const CLEAN: u8 = 0;
/// Exit status: findings, pending changes, or findings left after `fix --write`.
const FOUND: u8 = 1;
/// Exit status: an error (bad arguments, rule file, or any file that could not be handled).
const ERROR: u8 = 2;

/// Runs the parsed command line and returns the process's exit status.
pub fn run(cli: Cli) -> ExitCode {
    let result = match cli.command {
        Command::Check(args) => scan_command(&args, None),
        Command::Fix(args) => scan_command(&args.scan, Some(&args)),
        Command::Rules(args) => list_rules(&args.rules),
        Command::Explain(args) => explain(&args),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(message) => {
            let _ = writeln!(anstream::stderr(), "kspay-migrate: error: {message}");
            ExitCode::from(ERROR)
        }
    }
}

fn load_rules(source: &RuleSource) -> Result<Vec<Rule>, RuleError> {
    match &source.dir {
        Some(dir) => rules::load_dir(dir),
        None => rules::embedded(),
    }
}

fn set_color(when: ColorWhen) {
    let choice = match when {
        ColorWhen::Auto => anstream::ColorChoice::Auto,
        ColorWhen::Always => anstream::ColorChoice::Always,
        ColorWhen::Never => anstream::ColorChoice::Never,
    };
    choice.write_global();
}

/// `check` and `fix`.
fn scan_command(args: &ScanArgs, fix: Option<&FixArgs>) -> Result<u8, String> {
    set_color(args.color);
    let started = Instant::now();
    let rules = rules::select(
        load_rules(&args.rules).map_err(|e| e.to_string())?,
        &args.select,
    )
    .map_err(|e| e.to_string())?;
    let walk_options = WalkOptions {
        include: walk::glob_set(&args.include)?,
        exclude: walk::glob_set(&args.exclude)?,
        follow_symlinks: args.follow_symlinks,
    };
    let scanner = Scanner::new(
        rules,
        ScanOptions {
            encoding: args.encoding,
            max_filesize: args.max_filesize,
            unsafe_fixes: args.unsafe_fixes,
            mode: if fix.is_some() {
                Mode::Fix
            } else {
                Mode::Check
            },
        },
    );
    let mut pool = rayon::ThreadPoolBuilder::new();
    if let Some(threads) = args.threads {
        pool = pool.num_threads(threads.max(1));
    }
    let pool = pool
        .build()
        .map_err(|e| format!("cannot start threads: {e}"))?;

    let mut reports: Vec<FileReport> = pool.install(|| {
        let found = walk::files(&args.paths, &walk_options);
        found
            .into_par_iter()
            .map(|found| match found {
                Found::File(path) => scanner.scan_path(&path),
                Found::Error(path, message) => FileReport::error(&path, message),
                Found::LeftoverTemp(path) => leftover_temp(&path, fix.is_some_and(|f| f.write)),
            })
            .collect()
    });

    let outcome = match fix {
        Some(fix) => apply_fixes(fix, &args.paths, &mut reports)?,
        None => FixOutcome::default(),
    };
    let summary = Summary::of(&reports, args.unsafe_fixes, started.elapsed().as_millis());
    match print_report(args, fix, &reports, &summary, &outcome) {
        // A reader such as `head` closing the pipe early is not an error of ours.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {}
        result => result.map_err(|e| e.to_string())?,
    }

    let findings_left = reports
        .iter()
        .flat_map(|r| &r.findings)
        .count()
        .saturating_sub(outcome.fixed_findings);
    Ok(if summary.errors > 0 {
        ERROR
    } else {
        match fix {
            None if summary.findings > 0 => FOUND,
            Some(fix) if fix.write && findings_left > 0 => FOUND,
            Some(fix) if !fix.write && outcome.changed_files > 0 => FOUND,
            _ => CLEAN,
        }
    })
}

/// What `fix` did.
#[derive(Debug, Default)]
struct FixOutcome {
    changed_files: usize,
    fixed_findings: usize,
    patch: Option<PathBuf>,
}

/// A temporary file a killed `fix --write` left: only `fix --write` removes it (a run that
/// only reads must not delete anything), every run mentions it.
fn leftover_temp(path: &Path, writing: bool) -> FileReport {
    if !writing {
        return FileReport::skipped(path, Skip::LeftoverTemp { removed: false });
    }
    match std::fs::remove_file(path) {
        Ok(()) => FileReport::skipped(path, Skip::LeftoverTemp { removed: true }),
        Err(e) => FileReport::error(
            path,
            format!(
                "cannot remove a temporary file left by an interrupted run: {}",
                walk::describe_io(&e)
            ),
        ),
    }
}

fn apply_fixes(
    fix: &FixArgs,
    roots: &[PathBuf],
    reports: &mut [FileReport],
) -> Result<FixOutcome, String> {
    let mut outcome = FixOutcome::default();
    // Files are written only inside the real folders the run was given, even when a followed
    // link led the walk elsewhere.
    let write_options = WriteOptions {
        backup_suffix: fix.backup.clone(),
        roots: roots
            .iter()
            .filter_map(|root| std::fs::canonicalize(root).ok())
            .collect(),
    };
    if let Some(patch_path) = &fix.patch {
        let mut patch = Vec::new();
        for report in reports.iter() {
            if let Some(change) = &report.change {
                diff::write_patch(
                    &mut patch,
                    &patch_display_path(&report.path),
                    &change.original,
                    &change.fixed,
                )
                .map_err(|e| e.to_string())?;
            }
        }
        std::fs::write(patch_path, patch).map_err(|e| {
            format!(
                "cannot write patch {}: {}",
                patch_path.display(),
                walk::describe_io(&e)
            )
        })?;
        outcome.patch = Some(patch_path.clone());
    }
    for report in reports.iter_mut() {
        let Some(change) = &report.change else {
            continue;
        };
        if fix.write
            && let Err(e) = write::replace(
                &report.path,
                &change.original,
                &change.fixed,
                &write_options,
            )
        {
            report.error = Some(e.to_string());
            report.change = None;
            continue;
        }
        outcome.changed_files += 1;
        outcome.fixed_findings += change.fixes;
    }
    Ok(outcome)
}

/// Patch paths must resolve from where the user applies the patch: the current folder.
fn patch_display_path(path: &Path) -> String {
    if path.is_absolute() {
        if let Ok(cwd) = std::env::current_dir()
            && let Ok(relative) = path.strip_prefix(cwd)
        {
            return display_path(relative);
        }
        return display_path(path).trim_start_matches('/').to_string();
    }
    display_path(path)
}

fn print_report(
    args: &ScanArgs,
    fix: Option<&FixArgs>,
    reports: &[FileReport],
    summary: &Summary,
    outcome: &FixOutcome,
) -> io::Result<()> {
    let mut out = anstream::stdout().lock();
    let mut err = anstream::stderr().lock();
    if args.format == Format::Json {
        report::json::write(&mut out, reports, summary)?;
        for report in reports {
            if let Some(message) = &report.error {
                report::text::error(&mut err, &report.path, message)?;
            }
        }
        return Ok(());
    }
    let detail = if args.quiet {
        Detail::Quiet
    } else {
        Detail::Full
    };
    let dry_run = fix.is_some_and(|f| !f.write && f.patch.is_none());
    for report in reports {
        if let Some(message) = &report.error {
            report::text::error(&mut err, &report.path, message)?;
        }
        if let (Some(skip), Detail::Full) = (&report.skipped, detail) {
            report::text::skipped(&mut err, &report.path, skip, args.max_filesize)?;
        }
        if fix.is_none() {
            for located in &report.findings {
                report::text::finding(&mut out, &report.path, located, detail)?;
            }
            continue;
        }
        if let (true, Some(change)) = (dry_run, &report.change) {
            diff::write_decoded(
                &mut out,
                &display_path(&report.path),
                &change.original,
                &change.fixed,
                change.encoding,
            )?;
        }
        // `fix` lists only what it leaves for a person to do.
        for located in &report.findings {
            let fixed = report.change.is_some()
                && report::is_fixable(located.finding.applicability, args.unsafe_fixes);
            if !fixed {
                report::text::finding(&mut err, &report.path, located, detail)?;
            }
        }
    }
    if detail == Detail::Quiet {
        return Ok(());
    }
    match fix {
        None => report::text::check_summary(&mut out, summary),
        Some(fix) => {
            let verb = if fix.write { "Fixed" } else { "Would fix" };
            write!(
                err,
                "{verb} {} finding(s) in {} file(s)",
                outcome.fixed_findings, outcome.changed_files
            )?;
            if let Some(patch) = &outcome.patch {
                write!(err, "; patch written to {}", patch.display())?;
            }
            if summary.errors > 0 {
                write!(err, "; {} error(s)", summary.errors)?;
            }
            writeln!(err, " ({} ms).", summary.elapsed_ms)
        }
    }
}

fn list_rules(source: &RuleSource) -> Result<u8, String> {
    let rules = load_rules(source).map_err(|e| e.to_string())?;
    rules::select(rules, &[])
        .map_err(|e| e.to_string())
        .and_then(|rules| {
            let mut out = anstream::stdout().lock();
            for rule in &rules {
                writeln!(
                    out,
                    "{:<24} {:<8} {}  ({})",
                    rule.id, rule.severity, rule.title, rule.origin
                )
                .map_err(|e| e.to_string())?;
            }
            Ok(CLEAN)
        })
}

fn explain(args: &ExplainArgs) -> Result<u8, String> {
    let rules = load_rules(&args.rules).map_err(|e| e.to_string())?;
    let Some(rule) = rules.iter().find(|r| r.id == args.rule) else {
        let known: Vec<&str> = rules.iter().map(|r| r.id.as_str()).collect();
        return Err(format!(
            "no rule {:?} (loaded: {})",
            args.rule,
            known.join(", ")
        ));
    };
    let mut out = anstream::stdout().lock();
    let text = format!(
        "{id}: {title}\n\nseverity: {severity}\ncard: {card} ({latin}); aliases: {aliases}\nmoves from: {from} ({from_labels})\nmoves to:   {to} ({to_labels})\nsource: {origin}\n\n{explanation}\n\nReferences:\n{references}\n",
        id = rule.id,
        title = rule.title,
        severity = rule.severity,
        card = rule.card.name,
        latin = rule.card.latin_name,
        aliases = rule.card.aliases.join(", "),
        from = rule.from.name,
        from_labels = rule.from.labels.join(", "),
        to = rule.to.name,
        to_labels = rule.to.labels.join(", "),
        origin = rule.origin,
        explanation = rule.explanation,
        references = rule
            .references
            .iter()
            .map(|r| format!("  - {r}"))
            .collect::<Vec<_>>()
            .join("\n"),
    );
    out.write_all(text.as_bytes()).map_err(|e| e.to_string())?;
    Ok(CLEAN)
}
