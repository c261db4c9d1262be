//! Running a command: load rules, walk, scan in parallel, report, and write or patch.

use std::collections::HashMap;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Instant;

use rayon::prelude::*;

use clap::Parser as _;

use crate::cli::args::{Cli, Command, ExplainArgs, RuleSource};
use crate::cli::config;
use crate::cli::exit::{CLEAN, ERROR};
use crate::cli::generate;
use crate::cli::interactive;
use crate::cli::output::Outputs;
use crate::cli::progress::Progress;
use crate::cli::settings::{self, Job, Settings};
use crate::cli::{emit, exit, merge, revert};
use crate::diagnostics::{
    ErrorKind, FileError, FileReport, Skip, UNUSED_SUPPRESSION_HELP, UNUSED_SUPPRESSION_ID,
    UNUSED_SUPPRESSION_TITLE,
};
use crate::fix::journal::Journal;
use crate::fix::write::{self, FolderSyncs, WriteOptions};
use crate::report::{self, FixOutcome, Run, Summary, baseline, diff, visible};
use crate::rules::{self, Shape};
use crate::scan::detect;
use crate::source::leftover;
use crate::source::names::STDOUT;
use crate::source::patch_base::{OnePatch, PatchBases};
use crate::source::pinned::describe_io;
use crate::source::read;
use crate::source::walk::{self, FileAt, Found};

/// Parses the command line and runs it. A bad argument is one line in the style of every other
/// error (`kspay-migrate: error: ...`), with clap's tips kept, and exit status 2; `--help` and
/// `--version` print as clap prints them.
pub fn main() -> ExitCode {
    match Cli::try_parse() {
        Ok(cli) => run(cli),
        // `kspay-migrate` alone: the help, as clap prints it, and the status of a bad call.
        Err(e) if e.kind() == clap::error::ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            let _ = e.print();
            ExitCode::from(ERROR)
        }
        Err(e) if !e.use_stderr() => {
            let _ = e.print();
            ExitCode::SUCCESS
        }
        Err(e) => {
            let _ = writeln!(
                anstream::stderr(),
                "kspay-migrate: error: {}",
                argument_error(&e)
            );
            ExitCode::from(ERROR)
        }
    }
}

/// Clap's message on one line: what it says before its usage, without the `error: ` it starts
/// with; listed arguments follow the message, `tip:` lines follow after `; `.
fn argument_error(error: &clap::Error) -> String {
    let text = error.render().to_string();
    let mut message = String::new();
    let mut tips = Vec::new();
    for line in text
        .lines()
        .map(str::trim)
        .take_while(|line| !line.starts_with("Usage:") && !line.starts_with("For more information"))
        .filter(|line| !line.is_empty())
    {
        if line.starts_with("tip:") {
            tips.push(line);
        } else if message.is_empty() {
            message = line.strip_prefix("error: ").unwrap_or(line).to_string();
        } else {
            message.push(' ');
            message.push_str(line);
        }
    }
    let mut parts = vec![message.as_str()];
    parts.extend(tips);
    parts.push("see --help");
    parts.join("; ")
}

/// Runs the parsed command line and returns the process's exit status.
pub fn run(cli: Cli) -> ExitCode {
    let result = match cli.command {
        Command::Check(args) => Settings::for_check(&args).and_then(scan_command),
        Command::Fix(args) => Settings::for_fix(&args).and_then(scan_command),
        Command::Merge(args) => merge::merge_command(&args),
        Command::Rules(args) => list_rules(&args.rules),
        Command::Explain(args) => explain(&args),
        Command::Revert(args) => revert::revert_command(&args),
        Command::Completions(args) => print(&generate::completions(args.shell)),
        Command::Man => print(generate::man().as_bytes()),
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

/// `check` and `fix`: walk → scan (and plan the fixes) → fix → report.
fn scan_command(settings: Settings) -> Result<u8, String> {
    emit::set_color(settings.color);
    let started = Instant::now();
    let outputs = settings.outputs()?;
    // Opened before the scan: a journal that cannot be written should not cost a whole scan.
    let journal = settings.journal().map(open_journal).transpose()?;
    let pipeline = &settings.pipeline;
    raise_open_files_limit();
    let pool = settings.pool()?;
    let (mut reports, clean_files, stdin_page) = match &settings.stdin {
        Some(name) => {
            let page = read_stdin(settings.file.max_filesize)?;
            let report = match &page {
                StdinPage::Page(bytes) => pipeline.process_bytes(name, bytes.clone()),
                // An error, not a skip: `fix --write -` would otherwise print no page at all,
                // which an editor takes for the fixed page.
                StdinPage::TooLarge => FileReport::error(
                    name,
                    ErrorKind::Read,
                    format!(
                        "the page on stdin is over --max-filesize ({} bytes); not read, nothing written",
                        settings.file.max_filesize
                    ),
                ),
            };
            (vec![report], HashMap::new(), Some(page))
        }
        None => {
            let (reports, clean_files) = pool.install(|| scan_tree(&settings));
            (reports, clean_files, None)
        }
    };

    let outcome = match &settings.job {
        Job::Fix { interactive, .. } => {
            if *interactive {
                let mut out = anstream::stdout().lock();
                interactive::review(pipeline, &mut reports, &mut io::stdin().lock(), &mut out)
                    .map_err(|e| format!("interactive review failed: {}", describe_io(&e)))?;
            }
            let outcome =
                pool.install(|| apply_fixes(&settings, &outputs, journal.as_ref(), &mut reports))?;
            // `fix --write -` writes the page back where it came from: the pipe.
            if let (Some(StdinPage::Page(original)), true) = (&stdin_page, outcome.wrote) {
                let page = reports[0].change.as_ref().map_or(original, |c| &c.fixed);
                outputs
                    .write(Path::new(STDOUT), page)
                    .map_err(|e| format!("cannot write the fixed page to stdout: {e}"))?;
            }
            Some(outcome)
        }
        Job::Check {
            write_baseline: Some(path),
            ..
        } => return write_baseline(path, &outputs, &reports),
        Job::Check { .. } => None,
    };
    let comparison = match &settings.job {
        Job::Check {
            baseline: Some((recorded, path)),
            ..
        } => Some(baseline::apply(recorded, path, &mut reports)),
        _ => None,
    };
    let unsafe_fixes = settings.file.unsafe_fixes;
    let mut summary = Summary::of(&reports, unsafe_fixes, started.elapsed().as_millis());
    summary.files_scanned += clean_files.values().sum::<usize>();
    let wrote = outcome.as_ref().is_some_and(|outcome| outcome.wrote);
    let tenants = report::tenants::table(&reports, &clean_files, unsafe_fixes, wrote);
    let run = Run {
        reports: &reports,
        summary: &summary,
        tenants: &tenants,
        rules: pipeline.rules(),
        unsafe_fixes,
        max_filesize: settings.file.max_filesize,
        fix: outcome.as_ref(),
        baseline: comparison.as_ref(),
        config: settings.config.as_deref(),
        show_fixes: settings.shows_fixes(),
        tenant_depth: settings.tenancy.depth(),
        shard: settings.walk.shard.map(|(shard, _)| shard),
        remarks: &[],
    };
    emit::emit_reports(&settings.sinks(), &run, &outputs)?;
    Ok(exit::status(&summary, outcome.as_ref()))
}

/// Walks the PATHs and runs every file found through the pipeline, in parallel, naming each
/// report's tenant. Returns the reports the run keeps ([`Settings::keeps`]) and, by tenant, how
/// many clean files were only counted.
fn scan_tree(settings: &Settings) -> (Vec<FileReport>, HashMap<String, usize>) {
    let pipeline = &settings.pipeline;
    let keeps = settings.keeps();
    let writing = settings.writes();
    let clean_files_dropped: Mutex<HashMap<String, usize>> = Mutex::default();
    let progress = Progress::new(settings.detail == report::text::Detail::Quiet);
    let visit = |found: Found| {
        // The walk's errors name folders (or a PATH); everything else, files.
        let (mut report, root, folder) = match found {
            Found::File(file) => (pipeline.process_file(&file), file.root, false),
            Found::Error(path, message, root) => (
                FileReport::error(&path, ErrorKind::Walk, message),
                root,
                true,
            ),
            Found::LeftoverTemp(file) => (leftover_temp(&file, writing), file.root, false),
        };
        progress.tick();
        let tenant = settings.tenant_of(root, &report.path, folder);
        let keep = keeps(&report);
        if !keep && report.skipped.is_none() {
            let mut counts = clean_files_dropped
                .lock()
                .unwrap_or_else(PoisonError::into_inner);
            match counts.get_mut(&tenant) {
                Some(count) => *count += 1,
                None => {
                    counts.insert(tenant, 1);
                }
            }
            return None;
        }
        report.tenant = Some(tenant);
        keep.then_some(report)
    };
    // The count ahead gives the bar its length; it stops when the walk is done.
    let reports = std::thread::scope(|scope| {
        scope.spawn(|| progress.count_ahead(&settings.paths, &settings.walk));
        let reports = walk::filter_map_parallel(&settings.paths, &settings.walk, visit);
        progress.finish();
        reports
    });
    let clean = clean_files_dropped
        .into_inner()
        .unwrap_or_else(PoisonError::into_inner);
    (reports, clean)
}

/// The page of a run over stdin.
enum StdinPage {
    Page(Vec<u8>),
    /// Over `--max-filesize`: not read further.
    TooLarge,
}

/// Reads the page on stdin, no further than one byte past `max_filesize`.
fn read_stdin(max_filesize: u64) -> Result<StdinPage, String> {
    // One byte past the limit tells a page over it from one just at it.
    let bytes = read::read_stdin(max_filesize.saturating_add(1))
        .map_err(|e| format!("-: cannot read the page from stdin: {}", describe_io(&e)))?;
    Ok(match bytes.len() as u64 > max_filesize {
        true => StdinPage::TooLarge,
        false => StdinPage::Page(bytes),
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
    let recorded = baseline::record(reports, path);
    outputs
        .write(path, baseline::to_text(&recorded).as_bytes())
        .map_err(|e| format!("cannot write baseline {}: {e}", path.display()))?;
    let mut err = anstream::stderr().lock();
    let mut errors = 0;
    for report in reports {
        if let Some(FileError { message, .. }) = &report.error {
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

/// A temporary file a killed `fix --write` left: only a writing `fix` removes it (a run that
/// only reads must not delete anything), and only when the tool's own mark is on it; every
/// run mentions it.
fn leftover_temp(file: &FileAt, writing: bool) -> FileReport {
    match leftover::leftover(file.folder(), file.name(), writing) {
        Ok(leftover) => FileReport::skipped(&file.path, Skip::LeftoverTemp(leftover)),
        Err(e) => FileReport::error(
            &file.path,
            ErrorKind::LeftoverTemp,
            format!("cannot remove a temporary file left by an interrupted run: {e}"),
        ),
    }
}

/// Opens `fix --journal FILE` for appending, and says so when a power loss had cut its last
/// line off.
fn open_journal(path: &Path) -> Result<Journal, String> {
    let opened = Journal::open(path)?;
    if opened.cut_line_removed {
        let _ = writeln!(
            anstream::stderr(),
            "note: {}: its last line was cut off (a run stopped while appending it) and is removed (a cut intent's write never happened; a cut outcome's intent line stands)",
            visible::path(path)
        );
    }
    Ok(opened.journal)
}

/// The fix stage's last step: drops the fixes of files outside the PATHs, writes the patch,
/// and writes the fixed files (`--write`, or the accepted fixes of `--interactive`), recording
/// them in the journal when there is one.
fn apply_fixes(
    settings: &Settings,
    outputs: &Outputs,
    journal: Option<&Journal>,
    reports: &mut [FileReport],
) -> Result<FixOutcome, String> {
    let mut outcome = settings.fix_outcome();
    // A file reached through a followed link to outside every PATH is read and reported, but
    // its fix is offered nowhere: not written, not in a patch, not shown as a pending change.
    for report in reports.iter_mut() {
        if let (Some(_), Some(origin)) = (&report.change, report.origin)
            && origin.outside_roots
        {
            report.error = Some(FileError::new(
                ErrorKind::OutsideRoots,
                "lies outside the given folders (reached through a symbolic link); not fixed",
            ));
            report.change = None;
        }
    }
    if let Job::Fix {
        patch: Some(patch_path),
        ..
    } = &settings.job
    {
        // Built whole before anything is written: a file no patch could name fails the run
        // with no patch file, rather than leaving a part of one.
        let mut patch = Vec::new();
        let mut names = OnePatch::new(PatchBases::new());
        for report in reports.iter() {
            if let Some(change) = &report.change {
                diff::write_patch(
                    &mut patch,
                    &names.name(&report.path)?,
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
    if outcome.wrote {
        write_files(&settings.paths, &settings.write_options(), journal, reports)?;
        outcome.journal = journal.map(|journal| journal.path().to_path_buf());
    }
    for change in reports.iter().filter_map(|report| report.change.as_ref()) {
        outcome.changed_files += 1;
        outcome.fixed_findings += change.fixed_findings.len();
    }
    Ok(outcome)
}

/// Writes each report's change over its file; a file that cannot be written keeps its
/// content, loses its change and gets the error. With a journal, every original is kept in
/// it before the first file is written (a journal that cannot keep them stops the run with
/// nothing written), and each write is recorded as it happens. Returns once every rename is
/// on disk: the folders written in are synced once each at the end, before the run reports
/// any page fixed.
fn write_files(
    roots: &[PathBuf],
    options: &WriteOptions,
    journal: Option<&Journal>,
    reports: &mut [FileReport],
) -> Result<(), String> {
    let folder_syncs = Arc::new(FolderSyncs::default());
    let options = &WriteOptions {
        folder_syncs: Some(Arc::clone(&folder_syncs)),
        ..options.clone()
    };
    let writers = settings::writer_pool(rayon::current_num_threads())?;
    writers.install(|| {
        if let Some(journal) = journal {
            let originals: Vec<&[u8]> = reports
                .iter()
                .filter(|report| report.origin.is_some())
                .filter_map(|report| Some(report.change.as_ref()?.original.as_slice()))
                .collect();
            journal
                .keep_originals(&originals)
                .map_err(|e| format!("{e}; nothing written"))?;
        }
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
            let written = match journal {
                Some(journal) => journal.replace(
                    &target,
                    report.tenant.as_deref(),
                    &change.original,
                    &change.fixed,
                    options,
                ),
                None => write::replace(&target, &change.original, &change.fixed, options),
            };
            if let Err(e) = written {
                report.error = Some(FileError::new(ErrorKind::Write, e.to_string()));
                report.change = None;
            }
        });
        folder_syncs.sync();
        Ok(())
    })
}

/// `completions` and `man`: what they generate, on stdout.
fn print(text: &[u8]) -> Result<u8, String> {
    let mut out = io::stdout().lock();
    match out.write_all(text).and_then(|()| out.flush()) {
        // `kspay-migrate man | head` closing the pipe early is not an error of ours.
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => Err(format!("cannot write: {e}")),
        _ => Ok(CLEAN),
    }
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
    // Every id a report can print is explainable, the run's own pseudo-rule too.
    if args.rule == UNUSED_SUPPRESSION_ID {
        return explain_unused_suppression();
    }
    let rules = config::listed_rules(&args.rules)?;
    let Some(rule) = rules.iter().find(|r| r.id == args.rule) else {
        let known: Vec<&str> = rules
            .iter()
            .map(|r| r.id.as_str())
            .chain([UNUSED_SUPPRESSION_ID])
            .collect();
        return Err(format!(
            "no rule {:?}; known ids: {} (see `kspay-migrate rules`)",
            args.rule,
            known.join(", ")
        ));
    };
    let mut out = anstream::stdout().lock();
    // Rule files are text a person may not have read: their fields are shown, not acted on.
    let list = |items: &[String]| visible::text(&items.join(", ")).into_owned();
    let (from, to) = (visible::text(&rule.from.name), visible::text(&rule.to.name));
    let (from_labels, to_labels) = (list(&rule.from.labels), list(&rule.to.labels));
    let what = match rule.shape {
        Shape::Move => {
            format!("moves from: {from} ({from_labels})\nmoves to:   {to} ({to_labels})")
        }
        Shape::Retire => {
            format!("removed from the card lists of: {from} ({from_labels}) and {to} ({to_labels})")
        }
    };
    let reads = detect::detectors(rule.shape)
        .iter()
        .map(|(name, kinds)| {
            let kinds: Vec<&str> = kinds.iter().map(|kind| kind.as_str()).collect();
            format!("{name} ({})", kinds.join(", "))
        })
        .collect::<Vec<_>>()
        .join(", ");
    let text = format!(
        "{id}: {title}\n\nshape: {shape}\nseverity: {severity}\ncard: {card} ({latin}); aliases: {aliases}\n{what}\nlooks in, first match wins: {reads}\nsource: {origin}\n\n{explanation}\n\nReferences:\n{references}\n",
        id = visible::text(&rule.id),
        shape = rule.shape.as_str(),
        title = visible::text(&rule.title),
        severity = rule.severity,
        card = visible::text(&rule.card.name),
        latin = visible::text(&rule.card.latin_name),
        aliases = list(&rule.card.aliases),
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

/// `explain unused-suppression`: the pseudo-rule the run reports about suppression comments.
fn explain_unused_suppression() -> Result<u8, String> {
    let text = format!(
        "{UNUSED_SUPPRESSION_ID}: {UNUSED_SUPPRESSION_TITLE}\n\n\
         severity: warning (change it with `[severity]` in kspay-migrate.toml)\n\
         kind: suppression; no automatic fix\n\
         source: built in (not a rule file)\n\n\
         A suppression comment (`kspay-migrate: ignore [RULE, ...] [-- reason]`, or `ignore-file`)\n\
         silences the findings of what follows it. One that is of no use is reported here, at\n\
         the comment:\n\
         \x20 - it suppresses nothing in this run (the page was fixed, or the comment stands before\n\
         \x20   the wrong element); a rule named but not run (--select) does not count;\n\
         \x20 - it names a rule no loaded rule has (a typo: the finding it meant is not silenced);\n\
         \x20 - it cannot be read (`kspay-migrate: ingore`).\n\n\
         {UNUSED_SUPPRESSION_HELP}\n"
    );
    anstream::stdout()
        .lock()
        .write_all(text.as_bytes())
        .map_err(|e| e.to_string())?;
    Ok(CLEAN)
}
