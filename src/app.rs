//! Running a command: load rules, walk, scan in parallel, report, and write or patch.

use std::collections::HashSet;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use rayon::prelude::*;

use crate::cli::{
    CheckArgs, Cli, ColorWhen, Command, ExplainArgs, FixArgs, Format, RuleSource, ScanArgs,
};
use crate::config::{self, Settings};
use crate::output::Outputs;
use crate::progress::Progress;
use crate::report::{self, FixOutcome, Run, Summary, portable_path, text::Detail, visible};
use crate::rules;
use crate::scan::{FileReport, Mode, ScanOptions, Scanner, Skip};
use crate::walk::{self, FileAt, Found, WalkOptions};
use crate::write::WriteOptions;
use crate::{baseline, diff, interactive, write};

/// Writer threads per worker thread for `fix --write`: measured on the 100k-file bench tree,
/// 4 per worker cut the writing time by about a third against 1 (BENCHMARKS.md).
const WRITERS_PER_WORKER: usize = 4;

/// Stack of each scanning thread (see where the pool is built).
const WORKER_STACK_BYTES: usize = 16 << 20;

/// Exit status: nothing found / nothing to change / everything fixed.
const CLEAN: u8 = 0;
/// Exit status: findings, pending changes, or findings left after `fix --write`.
const FOUND: u8 = 1;
/// Exit status: an error (bad arguments, rule file, or any file that could not be handled).
const ERROR: u8 = 2;

/// Runs the parsed command line and returns the process's exit status.
pub fn run(cli: Cli) -> ExitCode {
    let result = match cli.command {
        Command::Check(args) => scan_command(&args.scan, Job::Check(&args)),
        Command::Fix(args) => scan_command(&args.scan, Job::Fix(&args)),
        Command::Rules(args) => list_rules(&args.rules),
        Command::Explain(args) => explain(&args),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(message) => {
            // Messages may name files and quote config files: shown, never acted on.
            let _ = writeln!(
                anstream::stderr(),
                "kspay-migrate: error: {}",
                visible::lines(&message)
            );
            ExitCode::from(ERROR)
        }
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

/// The scanning commands.
#[derive(Clone, Copy)]
enum Job<'a> {
    #[allow(
        dead_code,
        reason = "the baseline options of check read it; not merged yet"
    )]
    Check(&'a CheckArgs),
    Fix(&'a FixArgs),
}

/// `check` and `fix`.
fn scan_command(args: &ScanArgs, job: Job) -> Result<u8, String> {
    set_color(args.color);
    let started = Instant::now();
    let fix = match job {
        Job::Fix(fix) => Some(fix),
        Job::Check(_) => None,
    };
    // The config file and the command line, merged: read these, not `args`, for the
    // settings a config may hold.
    let settings = Settings::resolve(args)?;
    // Read before the scan: a missing or broken baseline should not cost a whole run.
    let accepted = match job {
        Job::Check(check) if check.write_baseline.is_none() => {
            match check.baseline.as_ref().or(settings.baseline.as_ref()) {
                Some(path) => Some((baseline::load(path)?, path)),
                None => None,
            }
        }
        _ => None,
    };
    let walk_options = WalkOptions {
        include: walk::glob_set(&settings.include)?,
        exclude: walk::glob_set(&settings.exclude)?,
        follow_symlinks: args.follow_symlinks,
    };
    let outputs = Outputs::new(&args.paths);
    for target in &args.output {
        outputs.check("--output", &target.path, &walk_options)?;
    }
    if let Some(patch) = fix.and_then(|fix| fix.patch.as_ref()) {
        outputs.check("--patch", patch, &walk_options)?;
    }
    if let Job::Check(CheckArgs {
        write_baseline: Some(path),
        ..
    }) = job
    {
        outputs.check("--write-baseline", path, &walk_options)?;
    }
    let scanner = Scanner::new(
        settings.rules,
        ScanOptions {
            encoding: args.encoding,
            max_filesize: args.max_filesize,
            unsafe_fixes: args.unsafe_fixes,
            mode: if fix.is_some() {
                Mode::Fix
            } else {
                Mode::Check
            },
            max_findings: crate::scan::MAX_FINDINGS_PER_FILE,
        },
    )
    .with_severity_overrides(settings.severity)
    // Suppression comments may name any loaded rule, selected or not.
    .with_loaded_rules(settings.loaded_rule_ids);
    raise_open_files_limit();
    // The walk recurses once per folder level (at most walk::MAX_DEPTH) and rayon may stack
    // stolen work on top: a stack ample for that, reserved but not touched until used.
    let mut pool = rayon::ThreadPoolBuilder::new().stack_size(WORKER_STACK_BYTES);
    if let Some(threads) = args.threads {
        pool = pool.num_threads(threads.max(1));
    }
    let pool = pool
        .build()
        .map_err(|e| format!("cannot start threads: {e}"))?;

    // A hosting tree is millions of files, nearly all clean: their reports are counted, not
    // kept, so memory follows the findings rather than the tree. JUnit lists every scanned
    // file, and a baseline must know which of its files were scanned: those keep theirs.
    let lists_every_file = settings.format == Format::Junit
        || args.output.iter().any(|o| o.format == Some(Format::Junit));
    let baseline_paths: HashSet<&str> = accepted
        .iter()
        .flat_map(|(recorded, _)| recorded.findings.iter().map(|e| e.path.as_str()))
        .collect();
    let writing = fix.is_some_and(|f| f.write || f.interactive);
    let clean_files_dropped = AtomicUsize::new(0);
    let progress = Progress::new(args.quiet);
    let mut reports: Vec<FileReport> = pool.install(|| {
        walk::filter_map_parallel(&args.paths, &walk_options, |found| {
            let report = match found {
                Found::File(file) => scanner.scan_file(&file),
                Found::Error(path, message) => FileReport::error(&path, message),
                Found::LeftoverTemp(file) => leftover_temp(&file, writing),
            };
            progress.tick();
            let keep = lists_every_file
                || !report.is_unremarkable()
                || (!baseline_paths.is_empty()
                    && baseline_paths.contains(portable_path(&report.path).as_str()));
            if !keep && report.skipped.is_none() {
                clean_files_dropped.fetch_add(1, Ordering::Relaxed);
            }
            keep.then_some(report)
        })
    });
    progress.finish();

    let outcome = match job {
        Job::Fix(fix) => {
            if fix.interactive {
                let mut out = anstream::stdout().lock();
                interactive::review(&scanner, &mut reports, &mut io::stdin().lock(), &mut out)
                    .map_err(|e| format!("interactive review failed: {e}"))?;
            }
            Some(pool.install(|| {
                apply_fixes(
                    fix,
                    &args.paths,
                    args.follow_symlinks,
                    &outputs,
                    &mut reports,
                )
            })?)
        }
        Job::Check(check) => {
            if let Some(path) = &check.write_baseline {
                return write_baseline(path, &outputs, &reports);
            }
            None
        }
    };
    let comparison =
        accepted.map(|(recorded, path)| baseline::apply(&recorded, path, &mut reports));
    let mut summary = Summary::of(&reports, args.unsafe_fixes, started.elapsed().as_millis());
    summary.files_scanned += clean_files_dropped.into_inner();
    let run = Run {
        reports: &reports,
        summary: &summary,
        rules: scanner.rules(),
        unsafe_fixes: args.unsafe_fixes,
        max_filesize: args.max_filesize,
        fix: outcome.as_ref(),
        baseline: comparison.as_ref(),
        config: settings.config.as_deref(),
    };
    emit_reports(args, settings.format, &run, &outputs)?;

    let fixed_findings = outcome.as_ref().map_or(0, |o| o.fixed_findings);
    let findings_left = summary.findings.saturating_sub(fixed_findings);
    Ok(if summary.errors > 0 {
        ERROR
    } else {
        match outcome {
            None if summary.findings > 0 => FOUND,
            Some(outcome) if outcome.wrote && findings_left > 0 => FOUND,
            Some(outcome) if !outcome.wrote && outcome.changed_files > 0 => FOUND,
            _ => CLEAN,
        }
    })
}

/// Each folder being walked holds a handle (up to [`walk::MAX_DEPTH`] per thread, a tenant
/// can make them that deep): the soft limit on open files goes up to the hard one, as far as
/// the system allows, so deep trees cost no "too many open files".
fn raise_open_files_limit() {
    use rustix::process::{Resource, getrlimit, setrlimit};
    let limit = getrlimit(Resource::Nofile);
    if limit.current < limit.maximum {
        let raised = rustix::process::Rlimit {
            current: limit.maximum,
            maximum: limit.maximum,
        };
        let _ = setrlimit(Resource::Nofile, raised);
    }
}

/// `check --write-baseline`: records the findings instead of reporting them. File errors are
/// still reported (and make the exit status 2): a file that could not be read is not in the
/// baseline, and would show up as new later.
fn write_baseline(path: &Path, outputs: &Outputs, reports: &[FileReport]) -> Result<u8, String> {
    let recorded = baseline::record(reports);
    outputs
        .write(path, baseline::to_text(&recorded).as_bytes())
        .map_err(|e| format!("cannot write baseline {}: {e}", path.display()))?;
    let mut err = anstream::stderr().lock();
    let mut errors = 0;
    for report in reports {
        if let Some(message) = &report.error {
            errors += 1;
            report::text::error(&mut err, &report.path, message).map_err(|e| e.to_string())?;
        }
    }
    writeln!(
        err,
        "Wrote baseline {} with {} finding(s).",
        visible::path(path),
        recorded.findings.len()
    )
    .map_err(|e| e.to_string())?;
    Ok(if errors > 0 { ERROR } else { CLEAN })
}

/// Writes the run's report where the options send it: the main format to stdout (or to the
/// one `--output FILE` without a format), and each `--output FORMAT=FILE` to its file.
fn emit_reports(
    args: &ScanArgs,
    format: Format,
    run: &Run,
    outputs: &Outputs,
) -> Result<(), String> {
    let detail = if args.quiet {
        Detail::Quiet
    } else {
        Detail::Full
    };
    let mut main_files = args.output.iter().filter(|o| o.format.is_none());
    let main_file = main_files.next();
    if let Some(extra) = main_files.next() {
        return Err(format!(
            "two reports for --format {}: --output {} and --output {} (name a format for one: --output json={})",
            format_name(format),
            main_file.map_or(String::new(), |o| o.path.display().to_string()),
            extra.path.display(),
            extra.path.display()
        ));
    }
    let mut stdout = anstream::stdout().lock();
    let mut stderr = anstream::stderr().lock();
    match main_file {
        None => {
            let result = report::write(format, &mut stdout, &mut stderr, run, detail);
            match result {
                // A reader such as `head` closing the pipe early is not an error of ours.
                Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {}
                result => result.map_err(|e| format!("cannot write the report: {e}"))?,
            }
        }
        Some(target) => write_report_file(&target.path, format, run, detail, outputs)?,
    }
    for target in &args.output {
        if let Some(format) = target.format {
            write_report_file(&target.path, format, run, detail, outputs)?;
        }
    }
    // Machine formats carry file errors inside; a person watching the terminal sees them too.
    if format != Format::Text || main_file.is_some() {
        for report in run.reports {
            if let Some(message) = &report.error {
                report::text::error(&mut stderr, &report.path, message)
                    .map_err(|e| e.to_string())?;
            }
        }
    }
    Ok(())
}

/// Writes one report to a file, text without colours and with its stderr part included.
fn write_report_file(
    path: &Path,
    format: Format,
    run: &Run,
    detail: Detail,
    outputs: &Outputs,
) -> Result<(), String> {
    let mut out = anstream::StripStream::new(Vec::new());
    let mut err = anstream::StripStream::new(Vec::new());
    report::write(format, &mut out, &mut err, run, detail)
        .map_err(|e| format!("cannot write the {} report: {e}", format_name(format)))?;
    let mut bytes = err.into_inner();
    bytes.extend(out.into_inner());
    outputs.write(path, &bytes).map_err(|e| {
        format!(
            "cannot write the {} report to {}: {e}",
            format_name(format),
            path.display(),
        )
    })
}

fn format_name(format: Format) -> String {
    use clap::ValueEnum;
    format
        .to_possible_value()
        .map_or_else(|| format!("{format:?}"), |v| v.get_name().to_string())
}

/// A temporary file a killed `fix --write` left: only a writing `fix` removes it (a run that
/// only reads must not delete anything), and only when the tool's own mark is on it; every
/// run mentions it.
fn leftover_temp(file: &FileAt, writing: bool) -> FileReport {
    match write::leftover(file.folder(), file.name(), writing) {
        Ok(leftover) => FileReport::skipped(&file.path, Skip::LeftoverTemp(leftover)),
        Err(e) => FileReport::error(
            &file.path,
            format!("cannot remove a temporary file left by an interrupted run: {e}"),
        ),
    }
}

fn apply_fixes(
    fix: &FixArgs,
    roots: &[PathBuf],
    follow_symlinks: bool,
    outputs: &Outputs,
    reports: &mut [FileReport],
) -> Result<FixOutcome, String> {
    let writing = fix.write || fix.interactive;
    let mut outcome = FixOutcome {
        wrote: writing,
        dry_run: !fix.write && fix.patch.is_none() && !fix.interactive,
        ..FixOutcome::default()
    };
    // Files are written only inside the real folders the run was given, even when a followed
    // link led the walk elsewhere.
    let write_options = WriteOptions {
        backup_suffix: fix.backup.clone(),
        follow_symlinks,
        roots: roots
            .iter()
            .filter_map(|root| std::fs::canonicalize(root).ok())
            .collect(),
    };
    // A file reached through a followed link to outside every PATH is read and reported, but
    // its fix is offered nowhere: not written, not in a patch, not shown as a pending change.
    for report in reports.iter_mut() {
        if let (Some(_), Some(origin)) = (&report.change, report.origin)
            && origin.outside_roots
        {
            report.error = Some(
                "lies outside the given folders (reached through a symbolic link); not fixed"
                    .into(),
            );
            report.change = None;
        }
    }
    if let Some(patch_path) = &fix.patch {
        let mut patch = Vec::new();
        for report in reports.iter() {
            if let Some(change) = &report.change {
                diff::write_patch(
                    &mut patch,
                    &report::portable_bytes(&report.path),
                    &change.original,
                    &change.fixed,
                )
                .map_err(|e| e.to_string())?;
            }
        }
        outputs
            .write(patch_path, &patch)
            .map_err(|e| format!("cannot write patch {}: {e}", patch_path.display()))?;
        outcome.patch = Some(patch_path.clone());
    }
    // Each write mostly waits on the disk (fsync of the file and its folder), not the CPU:
    // more writers than workers keep the device busy. Each file is written atomically as before.
    if writing {
        let writers = rayon::current_num_threads() * WRITERS_PER_WORKER;
        let writers = rayon::ThreadPoolBuilder::new()
            .num_threads(writers)
            .build()
            .map_err(|e| format!("cannot start threads: {e}"))?;
        writers.install(|| {
            reports.par_iter_mut().for_each(|report| {
                let (Some(change), Some(origin)) = (&report.change, report.origin) else {
                    return;
                };
                let root = &roots[origin.root];
                let target = write::Target {
                    root,
                    relative: report.path.strip_prefix(root).unwrap_or(Path::new("")),
                    id: origin.id,
                };
                if let Err(e) =
                    write::replace(&target, &change.original, &change.fixed, &write_options)
                {
                    report.error = Some(e.to_string());
                    report.change = None;
                }
            })
        });
    }
    for change in reports.iter().filter_map(|report| report.change.as_ref()) {
        outcome.changed_files += 1;
        outcome.fixed_findings += change.fixed_findings.len();
    }
    Ok(outcome)
}

fn list_rules(source: &RuleSource) -> Result<u8, String> {
    let rules = config::listed_rules(source)?;
    rules::select(rules, &[])
        .map_err(|e| e.to_string())
        .and_then(|rules| {
            let mut out = anstream::stdout().lock();
            for rule in &rules {
                writeln!(
                    out,
                    "{:<24} {:<8} {}  ({})",
                    visible::text(&rule.id),
                    rule.severity,
                    visible::text(&rule.title),
                    visible::text(&rule.origin)
                )
                .map_err(|e| e.to_string())?;
            }
            Ok(CLEAN)
        })
}

fn explain(args: &ExplainArgs) -> Result<u8, String> {
    let rules = config::listed_rules(&args.rules)?;
    let Some(rule) = rules.iter().find(|r| r.id == args.rule) else {
        let known: Vec<&str> = rules.iter().map(|r| r.id.as_str()).collect();
        return Err(format!(
            "no rule {:?} (loaded: {})",
            args.rule,
            known.join(", ")
        ));
    };
    let mut out = anstream::stdout().lock();
    // Rule files are text a person may not have read: their fields are shown, not acted on.
    let list = |items: &[String]| visible::text(&items.join(", ")).into_owned();
    let text = format!(
        "{id}: {title}\n\nseverity: {severity}\ncard: {card} ({latin}); aliases: {aliases}\nmoves from: {from} ({from_labels})\nmoves to:   {to} ({to_labels})\nsource: {origin}\n\n{explanation}\n\nReferences:\n{references}\n",
        id = visible::text(&rule.id),
        title = visible::text(&rule.title),
        severity = rule.severity,
        card = visible::text(&rule.card.name),
        latin = visible::text(&rule.card.latin_name),
        aliases = list(&rule.card.aliases),
        from = visible::text(&rule.from.name),
        from_labels = list(&rule.from.labels),
        to = visible::text(&rule.to.name),
        to_labels = list(&rule.to.labels),
        origin = visible::text(&rule.origin),
        explanation = visible::lines(&rule.explanation),
        references = rule
            .references
            .iter()
            .map(|r| format!("  - {}", visible::text(r)))
            .collect::<Vec<_>>()
            .join("\n"),
    );
    out.write_all(text.as_bytes()).map_err(|e| e.to_string())?;
    Ok(CLEAN)
}
