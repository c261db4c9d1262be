//! A `check` or `fix` run's settings, resolved once: the command line and the config file
//! become one [`Settings`] value before anything runs (ripgrep's `HiArgs` idea). It builds what
//! the run is made of (the walk's options, the per-file [`Pipeline`], the thread pool, the
//! writer's options) so that no later step reads the arguments again or has to know which
//! setting a config file may override.

use std::ffi::OsString;
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};

use crate::cli::args::{CheckArgs, ColorWhen, FixArgs, OutputTarget, ScanArgs};
use crate::cli::config::Merged;
use crate::cli::emit::{Sink, Sinks};
use crate::cli::output::Outputs;
use crate::diagnostics::FileReport;
use crate::fix::write::WriteOptions;
use crate::pipeline::{self, Mode, Pipeline};
use crate::report::baseline::{self, Baseline, RecordedFiles};
use crate::report::text::Detail;
use crate::report::{FixOutcome, Format};
use crate::scan::MAX_FINDINGS_PER_FILE;
use crate::source::names::{STDOUT, display_path, is_stdout};
use crate::source::tenant::Tenancy;
use crate::source::walk::{self, WalkOptions};

/// Writer threads per worker thread for `fix --write`: measured on the 100k-file bench tree,
/// 4 per worker cut the writing time by about a third against 1 (BENCHMARKS.md).
const WRITERS_PER_WORKER: usize = 4;

/// Stack of each scanning thread (see [`Settings::pool`]).
const WORKER_STACK_BYTES: usize = 16 << 20;

/// Everything a `check` or `fix` run needs to know.
pub struct Settings {
    /// The PATH arguments.
    pub paths: Vec<PathBuf>,
    /// The page's name when the run reads one page from stdin (PATH `-`) instead of walking.
    pub stdin: Option<PathBuf>,
    /// The config file the settings came from, if any (shown in reports).
    pub config: Option<PathBuf>,
    pub walk: WalkOptions,
    /// Which tenant each file belongs to (`--tenant-depth`).
    pub tenancy: Tenancy,
    /// How each file is read, scanned and fixed.
    pub file: pipeline::Options,
    /// Reads, scans and fixes each file: the selected rules, with the config's `[severity]`
    /// and every loaded rule's id (suppression comments may name any).
    pub pipeline: Pipeline,
    pub threads: Option<usize>,
    pub format: Format,
    /// Where the `--format` report goes.
    pub main_report: Sink,
    /// `--output FORMAT=FILE`: more formats of the same run, each to its file or stdout.
    pub more_reports: Vec<(Format, PathBuf)>,
    pub detail: Detail,
    pub color: ColorWhen,
    pub job: Job,
}

/// What the run does after the scan.
pub enum Job {
    Check {
        /// The baseline to compare against (`--baseline`, else the config's), read before
        /// the scan: a missing or broken one should not cost a whole run.
        baseline: Option<(Baseline, PathBuf)>,
        /// `--write-baseline FILE`: record the findings there instead of reporting them.
        write_baseline: Option<PathBuf>,
    },
    Fix {
        /// `--write`, or `--interactive` (which writes the accepted fixes).
        write: bool,
        interactive: bool,
        patch: Option<PathBuf>,
        backup: Option<OsString>,
        /// `--show-fixes`: the text report lists the fixed findings.
        show_fixes: bool,
        /// `--journal FILE`: record each write there, originals in `FILE.d/`.
        journal: Option<PathBuf>,
    },
}

impl Settings {
    /// The settings of `check`.
    pub fn for_check(args: &CheckArgs) -> Result<Settings, String> {
        let merged = Merged::resolve(&args.scan)?;
        let baseline = match &args.write_baseline {
            Some(_) => None,
            None => match args.baseline.as_ref().or(merged.baseline.as_ref()) {
                Some(path) => Some((baseline::load(path)?, path.clone())),
                None => None,
            },
        };
        let job = Job::Check {
            baseline,
            write_baseline: args.write_baseline.clone(),
        };
        Settings::new(&args.scan, merged, job)
    }

    /// The settings of `fix`.
    pub fn for_fix(args: &FixArgs) -> Result<Settings, String> {
        let merged = Merged::resolve(&args.scan)?;
        let job = Job::Fix {
            write: args.write,
            interactive: args.interactive,
            patch: args.patch.clone(),
            backup: args.backup.clone(),
            show_fixes: args.show_fixes,
            journal: args.journal.clone(),
        };
        if args.show_fixes && merged.format != Format::Text {
            return Err(format!(
                "--show-fixes lists the fixes for people, with --format text; --format {} carries each finding's fix as edits",
                merged.format.name()
            ));
        }
        Settings::new(&args.scan, merged, job)
    }

    fn new(args: &ScanArgs, merged: Merged, job: Job) -> Result<Settings, String> {
        let mode = match job {
            Job::Check { .. } => Mode::Check,
            Job::Fix { .. } => Mode::Fix,
        };
        let file = pipeline::Options {
            encoding: args.encoding,
            max_filesize: args.max_filesize,
            unsafe_fixes: args.unsafe_fixes,
            mode,
            max_findings: MAX_FINDINGS_PER_FILE,
        };
        args.report.check_statistics(merged.format)?;
        let stdin = stdin_page(args, &job)?;
        let tenancy = Tenancy::new(args.tenant_depth.into());
        Ok(Settings {
            paths: distinct_paths(&given_paths(args)?),
            main_report: main_report(&args.report.output, merged.format, &job, stdin.is_some())?,
            stdin,
            config: merged.config,
            walk: WalkOptions {
                include: walk::glob_set(&merged.include)?,
                exclude: walk::glob_set(&merged.exclude)?,
                follow_symlinks: args.follow_symlinks,
                no_ignore: args.no_ignore,
                shard: args.shard.map(|shard| (shard, tenancy)),
            },
            tenancy,
            file: file.clone(),
            pipeline: Pipeline::new(merged.rules, file)
                .with_severity_overrides(merged.severity)
                .with_loaded_rules(merged.loaded_rule_ids),
            threads: args.threads,
            format: merged.format,
            more_reports: args.report.more_reports(),
            detail: args.report.detail(),
            color: args.report.color,
            job,
        })
    }

    /// The run's own output files, each checked against the walk: a report or patch written
    /// where the scan reads pages could replace one.
    pub fn outputs(&self) -> Result<Outputs, String> {
        let outputs = Outputs::new(&self.paths);
        if let Sink::File(path) = &self.main_report {
            outputs.check("--output", path, &self.walk)?;
        }
        for (_, path) in &self.more_reports {
            outputs.check("--output", path, &self.walk)?;
        }
        match &self.job {
            Job::Fix {
                patch: Some(patch), ..
            } => outputs.check("--patch", patch, &self.walk)?,
            Job::Check {
                write_baseline: Some(path),
                ..
            } => outputs.check("--write-baseline", path, &self.walk)?,
            _ => {}
        }
        if let Some(journal) = self.journal() {
            // The originals are the tenants' page sources: a web server must not serve them.
            outputs.check_outside("--journal", journal)?;
            outputs.check_outside("--journal", &crate::fix::journal::originals_folder(journal))?;
        }
        Ok(outputs)
    }

    /// `fix --journal FILE`.
    pub fn journal(&self) -> Option<&Path> {
        match &self.job {
            Job::Fix {
                journal: Some(journal),
                ..
            } => Some(journal),
            _ => None,
        }
    }

    /// The pool the walk and the scan run on: `--threads`, else (and with `-j0`) one thread
    /// per core.
    pub fn pool(&self) -> Result<rayon::ThreadPool, String> {
        // The walk recurses once per folder level (at most walk::MAX_DEPTH) and rayon may
        // stack stolen work on top: a stack ample for that, reserved but not touched until used.
        let mut pool = rayon::ThreadPoolBuilder::new().stack_size(WORKER_STACK_BYTES);
        // rayon takes 0 for one per core, as `-j0` means.
        if let Some(threads) = self.threads {
            pool = pool.num_threads(threads);
        }
        pool.build()
            .map_err(|e| format!("cannot start threads: {e}"))
    }

    /// Which file reports the run keeps after the scan. A hosting tree is millions of files,
    /// nearly all clean: their reports are counted, not kept, so memory follows the findings
    /// rather than the tree. JUnit lists every scanned file, and a baseline must know which of
    /// its files were scanned: those keep theirs.
    pub fn keeps(&self) -> impl Fn(&FileReport) -> bool + Sync + '_ {
        let lists_every_file = self.format == Format::Junit
            || self
                .more_reports
                .iter()
                .any(|(format, _)| *format == Format::Junit);
        // Named as the baseline names them (from its own folder), not as the run does.
        let recorded = match &self.job {
            Job::Check {
                baseline: Some((baseline, path)),
                ..
            } => Some(RecordedFiles::of(baseline, path)),
            _ => None,
        };
        move |report| {
            lists_every_file
                || !report.is_unremarkable()
                || recorded
                    .as_ref()
                    .is_some_and(|recorded| recorded.contains(report))
        }
    }

    /// The tenant of a file the walk found at `path` under the PATH of index `root`, as reports
    /// name it; `folder`: the path is a folder the walk could not go through.
    pub fn tenant_of(&self, root: usize, path: &Path, folder: bool) -> String {
        let root = &self.paths[root];
        let tenant = if path == root.as_path() && !root.is_dir() {
            self.tenancy.of_named(path)
        } else if folder {
            self.tenancy.of_folder(root, path)
        } else {
            self.tenancy.of_found(root, path)
        };
        display_path(&tenant)
    }

    /// Where the run's reports go.
    pub fn sinks(&self) -> Sinks<'_> {
        Sinks {
            format: self.format,
            main: &self.main_report,
            more: &self.more_reports,
            detail: self.detail,
        }
    }

    /// Whether the run changes files: `fix --write` and `fix --interactive`. Only such a run
    /// removes a temporary file an interrupted one left.
    pub fn writes(&self) -> bool {
        matches!(
            self.job,
            Job::Fix { write: true, .. }
                | Job::Fix {
                    interactive: true,
                    ..
                }
        )
    }

    /// `fix --show-fixes`.
    pub fn shows_fixes(&self) -> bool {
        matches!(
            self.job,
            Job::Fix {
                show_fixes: true,
                ..
            }
        )
    }

    /// How `fix` writes files back.
    pub fn write_options(&self) -> WriteOptions {
        let backup_suffix = match &self.job {
            Job::Fix { backup, .. } => backup.clone(),
            Job::Check { .. } => None,
        };
        WriteOptions {
            // The batch that writes the run's files sets its own (`app::write_files`).
            folder_syncs: None,
            backup_suffix,
            follow_symlinks: self.walk.follow_symlinks,
            // Files are written only inside the real folders the run was given, even when a
            // followed link led the walk elsewhere.
            roots: self
                .paths
                .iter()
                .filter_map(|root| std::fs::canonicalize(root).ok())
                .collect(),
        }
    }

    /// What `fix` is about to do, before any file is written.
    pub fn fix_outcome(&self) -> FixOutcome {
        match &self.job {
            Job::Fix {
                write,
                interactive,
                patch,
                ..
            } => FixOutcome {
                wrote: *write || *interactive,
                dry_run: !*write && patch.is_none() && !*interactive,
                ..FixOutcome::default()
            },
            Job::Check { .. } => FixOutcome::default(),
        }
    }
}

/// Where the `--format` report goes, checked before the run: one `--output FILE` at most, and
/// stdout holding one thing only (a report, or the patch of `--patch -`, or one
/// `--output FORMAT=-`), so what a pipe reads is never two documents run together.
pub fn main_report(
    outputs: &[OutputTarget],
    format: Format,
    job: &Job,
    stdin: bool,
) -> Result<Sink, String> {
    let mut main_files = outputs.iter().filter(|o| o.format.is_none());
    let main_file = main_files.next();
    if let Some(extra) = main_files.next() {
        return Err(format!(
            "two reports for --format {}: --output {} and --output {} (name a format for one: --output json={})",
            format.name(),
            main_file.map_or(String::new(), |o| o.path.display().to_string()),
            extra.path.display(),
            extra.path.display()
        ));
    }
    let main = match main_file {
        Some(target) if !is_stdout(&target.path) => Sink::File(target.path.clone()),
        _ => Sink::Stdout,
    };
    let patch_to_stdout = matches!(job, Job::Fix { patch: Some(patch), .. } if is_stdout(patch));
    let mut on_stdout: Vec<String> = outputs
        .iter()
        .filter(|o| o.format.is_some() && is_stdout(&o.path))
        .map(|o| format!("--output {}=-", o.format.expect("filtered").name()))
        .collect();
    if patch_to_stdout {
        on_stdout.push("--patch -".into());
    }
    let page_to_stdout = stdin && matches!(job, Job::Fix { write: true, .. });
    if page_to_stdout {
        on_stdout.push("the fixed page of `fix --write -`".into());
    }
    let main = match main {
        // A person reads the text report; with the patch on stdout, on stderr.
        Sink::Stdout
            if (patch_to_stdout || page_to_stdout)
                && format == Format::Text
                && on_stdout.len() == 1 =>
        {
            Sink::Stderr
        }
        Sink::Stdout => {
            on_stdout.push(format!("the --format {} report", format.name()));
            Sink::Stdout
        }
        other => other,
    };
    if on_stdout.len() > 1 {
        return Err(format!(
            "{} would all go to stdout; send all but one to files (--output FORMAT=FILE, --patch FILE)",
            on_stdout.join(" and ")
        ));
    }
    Ok(main)
}

/// A --files-from list is a list of paths, not a tree's worth of pages.
const MAX_FILE_LIST_BYTES: u64 = 1 << 30;

/// The PATH arguments and the paths of `--files-from`; the current folder when neither gives
/// any (an empty list scans nothing, and the run warns of it).
fn given_paths(args: &ScanArgs) -> Result<Vec<PathBuf>, String> {
    let mut paths = args.paths.clone();
    let Some(list) = &args.files_from else {
        if paths.is_empty() {
            paths.push(PathBuf::from("."));
        }
        return Ok(paths);
    };
    let cannot_read = |why: String| format!("{}: cannot read the file list: {why}", list.display());
    let bytes = if is_stdout(list) {
        if args.paths.iter().any(|path| is_stdout(path)) {
            return Err("--files-from - and PATH - would both read stdin; give the list or the page in a file".into());
        }
        crate::source::read::read_stdin(MAX_FILE_LIST_BYTES)
            .map_err(|e| cannot_read(crate::source::pinned::describe_io(&e)))?
    } else {
        crate::source::pinned::read_bounded(list, MAX_FILE_LIST_BYTES).map_err(cannot_read)?
    };
    let separator = if args.null { b'\0' } else { b'\n' };
    paths.extend(
        bytes
            .split(|&byte| byte == separator)
            // A list written on Windows ends its lines with CRLF.
            .map(|line| match args.null {
                true => line,
                false => line.strip_suffix(b"\r").unwrap_or(line),
            })
            .filter(|line| !line.is_empty())
            .map(|line| PathBuf::from(std::ffi::OsStr::from_bytes(line))),
    );
    Ok(paths)
}

/// The page's name when the run reads stdin: PATH `-` alone, named by `--stdin-filename`
/// (else `-`). Stdin holds one page, so `-` beside other PATHs, a name without `-`, and
/// `fix --interactive` (which reads its answers there) are errors.
fn stdin_page(args: &ScanArgs, job: &Job) -> Result<Option<PathBuf>, String> {
    let dash = args.paths.iter().any(|path| is_stdout(path));
    if dash && args.paths.len() > 1 {
        return Err("PATH - reads one page from stdin: give it alone, without other PATHs".into());
    }
    if !dash {
        return match &args.stdin_filename {
            Some(name) => Err(format!(
                "--stdin-filename {}: names the page read from stdin; give - as the PATH",
                name.display()
            )),
            None => Ok(None),
        };
    }
    if let Job::Fix {
        interactive: true, ..
    } = job
    {
        return Err("fix --interactive reads its answers from stdin, so it cannot read the page there; give the page's path".into());
    }
    if let (Job::Fix { patch: Some(_), .. }, None) = (job, &args.stdin_filename) {
        return Err(
            "a patch names the file it changes: give the page's name with --stdin-filename".into(),
        );
    }
    if let Job::Fix {
        backup: Some(_), ..
    } = job
    {
        return Err("--backup keeps the original beside a file; a page from stdin has none (the original is what you piped in)".into());
    }
    if let Job::Fix {
        journal: Some(_), ..
    } = job
    {
        return Err("--journal records the files --write replaces; a page from stdin is printed, not written back (the original is what you piped in)".into());
    }
    Ok(Some(
        args.stdin_filename
            .clone()
            .unwrap_or_else(|| PathBuf::from(STDOUT)),
    ))
}

/// The PATHs with every folder dropped that another one already covers: the same folder given
/// twice, or a folder inside another given one (`check a/ a/sub`). Each file is then scanned
/// once, and `fix --write` never rewrites a file a second time under another PATH (which it
/// refused as "changed on disk"). Folders are compared by their real places; a PATH that is
/// a symbolic link, or that does not exist, is kept as given, for the walk to judge.
fn distinct_paths(paths: &[PathBuf]) -> Vec<PathBuf> {
    // Folders only: a file named on the command line is scanned even where the walk of a
    // folder would leave it out (`--include`, ignore files), and the walk scans it once.
    let real = |path: &PathBuf| {
        let folder = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_dir());
        folder.then(|| std::fs::canonicalize(path).ok()).flatten()
    };
    // In sorted order a folder's descendants follow it, before any other folder: one pass
    // against the last folder kept finds every covered one (a --files-from list may name
    // thousands of tenant folders).
    let mut places: Vec<(PathBuf, usize)> = paths
        .iter()
        .enumerate()
        .filter_map(|(index, path)| Some((real(path)?, index)))
        .collect();
    places.sort();
    let mut covered = vec![false; paths.len()];
    let mut kept: Option<&PathBuf> = None;
    for (place, index) in &places {
        match kept {
            // Also an equal place given later: the first given stays (it sorts first).
            Some(folder) if place.starts_with(folder) => covered[*index] = true,
            _ => kept = Some(place),
        }
    }
    paths
        .iter()
        .zip(covered)
        .filter(|(_, covered)| !covered)
        .map(|(path, _)| path.clone())
        .collect()
}

/// Threads for writing files: each write mostly waits on the disk (fsync of the file and its
/// folder), not the CPU, so more writers than workers keep the device busy. Each file is
/// written atomically as before.
pub fn writer_pool(workers: usize) -> Result<rayon::ThreadPool, String> {
    rayon::ThreadPoolBuilder::new()
        .num_threads(workers * WRITERS_PER_WORKER)
        .build()
        .map_err(|e| format!("cannot start threads: {e}"))
}
