//! Command-line arguments.

use std::path::PathBuf;

use clap::{ArgGroup, Args, Parser, Subcommand, ValueEnum, ValueHint};

use crate::cli::help::{Page, after_help};
use crate::report::Format;
use crate::report::text::Detail;
use crate::source::encoding::EncodingChoice;
use crate::source::tenant::Shard;

/// Finds payment pages that still list Jeju card under MPI (안심클릭) and moves it to ISP (안전결제).
#[derive(Debug, Parser)]
#[command(
    name = "kspay-migrate",
    version,
    about,
    max_term_width = 100,
    after_help = after_help(Page::Tool)
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Report findings; change nothing. Exit 1 when anything is found.
    #[command(after_help = after_help(Page::Check))]
    Check(CheckArgs),
    /// Show the fixes as a diff (dry run), write them (--write) or save a patch (--patch).
    #[command(after_help = after_help(Page::Fix))]
    Fix(FixArgs),
    /// Join JSON reports (the shards of a `--shard K/N` run, or many hosts' reports) into one
    /// run, and report it in any format. Exit statuses as the joined run's command.
    #[command(after_help = after_help(Page::Merge))]
    Merge(MergeArgs),
    /// List the loaded rules.
    Rules(RulesArgs),
    /// Show a rule's documentation.
    Explain(ExplainArgs),
    /// Undo the writes a `fix --write --journal FILE` recorded, file by file, leaving alone
    /// files changed since.
    #[command(after_help = after_help(Page::Revert))]
    Revert(RevertArgs),
    /// Print a completion script for SHELL on stdout.
    Completions(CompletionsArgs),
    /// Print the man page (roff, every command's options) on stdout.
    Man,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete in.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

/// Options shared by `check` and `fix`.
#[derive(Debug, Args)]
pub struct ScanArgs {
    /// Files or folders to scan (default: the current folder, unless --files-from gives
    /// them); `-` reads one page from stdin.
    pub paths: Vec<PathBuf>,
    /// Also scan the files and folders listed in FILE, one per line (`-`: stdin), as `find
    /// ... | kspay-migrate check --files-from -` gives them.
    #[arg(long, value_name = "FILE")]
    pub files_from: Option<PathBuf>,
    /// The --files-from list is NUL-separated, as `find -print0` writes it.
    #[arg(short = '0', long = "null", requires = "files_from")]
    pub null: bool,
    /// The name of the page read from stdin (PATH `-`): what reports call it, and whether it
    /// is a script (`.js`) or markup. `fix --write -` prints the fixed page on stdout, and
    /// the text report on stderr.
    #[arg(long, value_name = "NAME")]
    pub stdin_filename: Option<PathBuf>,
    #[command(flatten)]
    pub rules: RuleSource,
    /// Run only this rule (repeatable).
    #[arg(long, value_name = "RULE")]
    pub select: Vec<String>,
    /// Output format (default: the config's `format`, else text).
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    #[command(flatten)]
    pub report: ReportArgs,
    /// Read this config file instead of looking for `kspay-migrate.toml`.
    #[arg(long, value_name = "FILE", value_hint = ValueHint::FilePath, conflicts_with = "isolated")]
    pub config: Option<PathBuf>,
    /// Ignore every config file.
    #[arg(long)]
    pub isolated: bool,
    /// Scan only files matching this glob, instead of the template extensions (repeatable).
    #[arg(long, value_name = "GLOB")]
    pub include: Vec<String>,
    /// Leave out files and folders matching this glob (repeatable).
    #[arg(long, value_name = "GLOB")]
    pub exclude: Vec<String>,
    /// Follow symbolic links while walking folders.
    #[arg(long)]
    pub follow_symlinks: bool,
    /// Scan what .gitignore and .ignore files leave out too.
    #[arg(long)]
    pub no_ignore: bool,
    /// Skip files larger than this (bytes, or with K, M, G suffix).
    #[arg(long, value_name = "SIZE", default_value = "8M", value_parser = parse_size)]
    pub max_filesize: u64,
    /// How to decode pages.
    #[arg(long, value_enum, default_value_t = EncodingChoice::Auto)]
    pub encoding: EncodingChoice,
    /// How many folders under each PATH name a tenant: 1 for `/home/USER` under `/home`, 2
    /// for `/srv/www/HOST/SITE` under `/srv/www`. Reports count and name files by tenant.
    #[arg(long, value_name = "N", default_value_t = 1, value_parser = clap::value_parser!(u16).range(1..))]
    pub tenant_depth: u16,
    /// Scan only the tenants of shard K of N (1/4 .. 4/4): each tenant is in one shard, the
    /// same on every machine; `kspay-migrate merge` joins the shards' JSON reports.
    #[arg(long, value_name = "K/N", value_parser = Shard::parse)]
    pub shard: Option<Shard>,
    /// Worker threads (default, and 0: one per core; at most 256).
    #[arg(short = 'j', long, value_name = "N", value_parser = parse_threads)]
    pub threads: Option<usize>,
    /// Also apply fixes marked unsafe.
    #[arg(long)]
    pub unsafe_fixes: bool,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub scan: ScanArgs,
    /// Report only findings that this baseline file does not record.
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,
    /// Record the current findings in FILE as the baseline, and exit 0.
    #[arg(long, value_name = "FILE", conflicts_with = "baseline")]
    pub write_baseline: Option<PathBuf>,
}

#[derive(Debug, Args)]
#[command(group(ArgGroup::new("writes").args(["write", "interactive"])))]
pub struct FixArgs {
    #[command(flatten)]
    pub scan: ScanArgs,
    /// Apply the fixes to the files in place.
    #[arg(long, conflicts_with = "patch")]
    pub write: bool,
    /// Show each fix and ask whether to apply it (y/n/a/q), then write the accepted ones.
    #[arg(long, conflicts_with_all = ["patch", "write"])]
    pub interactive: bool,
    /// Write the fixes as a patch to FILE, with paths from the top of the files' git repository
    /// (else the current folder): apply it there with `git apply` or `patch -p1`. `-` is
    /// stdout, and the text report then goes to stderr.
    #[arg(long, value_name = "FILE")]
    pub patch: Option<PathBuf>,
    /// List every finding the fixes fix (or would fix), one line each (text format).
    #[arg(long, conflicts_with_all = ["quiet", "statistics"])]
    pub show_fixes: bool,
    /// With --write, keep each original as FILE<SUFFIX> (default suffix `.orig`).
    #[arg(
        long,
        value_name = "SUFFIX",
        num_args = 0..=1,
        require_equals = true,
        default_missing_value = ".orig",
        requires = "write",
        value_parser = backup_suffix
    )]
    pub backup: Option<std::ffi::OsString>,
    /// With --write, record each written file in FILE (JSON lines) and keep its original in
    /// FILE.d/, so that `kspay-migrate revert FILE` can undo the run. Appends to FILE.
    #[arg(long, value_name = "FILE", value_hint = ValueHint::FilePath, requires = "writes")]
    pub journal: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct RevertArgs {
    /// The journal a `fix --write --journal FILE` run wrote.
    #[arg(value_name = "FILE", value_hint = ValueHint::FilePath)]
    pub journal: PathBuf,
    /// Say what would be restored and what refused; change nothing.
    #[arg(long)]
    pub dry_run: bool,
}

/// A backup suffix names a file beside the page: with a `/` it would name one in another
/// folder, reached through whatever the tenant put there.
fn backup_suffix(value: &str) -> Result<std::ffi::OsString, String> {
    if value.is_empty() || value.contains('/') {
        return Err("a backup suffix is a non-empty ending without '/', like .orig".into());
    }
    Ok(value.into())
}

/// Where rules come from.
#[derive(Debug, Args)]
pub struct RuleSource {
    /// Load rules from the *.toml files in DIR instead of the built-in ones.
    #[arg(long = "rules", value_name = "DIR", value_hint = ValueHint::DirPath)]
    pub dir: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct MergeArgs {
    /// JSON reports (`--format json`, or `--output json=FILE`) of one run's shards or hosts;
    /// `-` reads one from stdin.
    #[arg(required = true, value_name = "REPORT")]
    pub reports: Vec<PathBuf>,
    /// Output format (default: text).
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    #[command(flatten)]
    pub report: ReportArgs,
    /// Where the rules the reports name are described (SARIF lists them): the *.toml files
    /// of DIR instead of the built-in rules.
    #[command(flatten)]
    pub rules: RuleSource,
}

/// How a run's report is shown and where it goes: the same for `check`, `fix` and `merge`.
#[derive(Debug, Args)]
pub struct ReportArgs {
    /// Write the report to FILE instead of stdout, or one format to a file with FORMAT=FILE
    /// (repeatable: `--output sarif=results.sarif --output json=report.json`); `-` is stdout.
    #[arg(long, value_name = "[FORMAT=]FILE", value_parser = parse_output)]
    pub output: Vec<OutputTarget>,
    /// When to color the output.
    #[arg(long, value_enum, default_value_t = ColorWhen::Auto)]
    pub color: ColorWhen,
    /// Print findings one line each, without snippets, notes or summary.
    #[arg(short, long)]
    pub quiet: bool,
    /// Print how many findings of each rule, kind and fix the run found, instead of the
    /// findings (text format).
    #[arg(long, conflicts_with = "quiet")]
    pub statistics: bool,
}

impl ReportArgs {
    /// How much the text report says.
    pub fn detail(&self) -> Detail {
        match (self.quiet, self.statistics) {
            (true, _) => Detail::Quiet,
            (_, true) => Detail::Statistics,
            _ => Detail::Full,
        }
    }

    /// `--output FORMAT=FILE`: the reports besides the `--format` one, each to its file.
    pub fn more_reports(&self) -> Vec<(Format, PathBuf)> {
        self.output
            .iter()
            .filter_map(|target| Some((target.format?, target.path.clone())))
            .collect()
    }

    /// Refuses `--statistics` with a format other than text, which carries every finding.
    pub fn check_statistics(&self, format: Format) -> Result<(), String> {
        match self.statistics && format != Format::Text {
            true => Err(format!(
                "--statistics prints a table for people, with --format text; --format {} carries every finding to count",
                format.name()
            )),
            false => Ok(()),
        }
    }
}

#[derive(Debug, Args)]
pub struct RulesArgs {
    #[command(flatten)]
    pub rules: RuleSource,
}

#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// The rule id, as `kspay-migrate rules` lists it.
    pub rule: String,
    #[command(flatten)]
    pub rules: RuleSource,
}

/// Where one report goes: `format` (or `--format`'s) to `path`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputTarget {
    /// `None`: the run's `--format`.
    pub format: Option<Format>,
    pub path: PathBuf,
}

/// Parses `FILE` or `FORMAT=FILE`; `-` as the file is stdout. A word before `=` is taken for
/// a format, so a misspelt one (`sariff=x.sarif`) is an error rather than a file of that name;
/// a file whose name holds `=` is given with a folder (`./a=b.json`).
fn parse_output(text: &str) -> Result<OutputTarget, String> {
    if let Some((name, path)) = text.split_once('=')
        && !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    {
        let format = Format::from_str(name, true).map_err(|_| {
            format!(
                "unknown report format {name:?}; formats: {} (a file whose name holds '=' is given as ./{text})",
                Format::names()
            )
        })?;
        if path.is_empty() {
            return Err(format!(
                "{text:?} names no file after `=` (use - for stdout)"
            ));
        }
        return Ok(OutputTarget {
            format: Some(format),
            path: PathBuf::from(path),
        });
    }
    Ok(OutputTarget {
        format: None,
        path: PathBuf::from(text),
    })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorWhen {
    Auto,
    Always,
    Never,
}

/// The most worker threads a run starts. A scan is bound by the cores and the disk: past a
/// few threads per core more only cost memory and switching (100,000 once ran for 12 minutes
/// before scanning anything).
pub const MAX_THREADS: usize = 256;

/// Parses `--threads`: 0 means one per core, as ripgrep takes it; more than [`MAX_THREADS`]
/// is an error.
fn parse_threads(text: &str) -> Result<usize, String> {
    let threads: usize = text
        .trim()
        .parse()
        .map_err(|_| format!("{text:?} is not a number of threads"))?;
    match threads {
        n if n > MAX_THREADS => Err(format!(
            "{n} threads is more than {MAX_THREADS}; a scan is bound by the cores and the disk (0 or no -j: one per core)"
        )),
        n => Ok(n),
    }
}

/// Parses `8388608`, `512K`, `8M`, `8MiB`, `1G`.
fn parse_size(text: &str) -> Result<u64, String> {
    let text = text.trim();
    let digits_end = text
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len());
    let (number, unit) = text.split_at(digits_end);
    let number: u64 = number
        .parse()
        .map_err(|_| format!("{text:?} is not a size such as 8M or 500000"))?;
    let factor: u64 = match unit.trim().to_ascii_uppercase().as_str() {
        "" | "B" => 1,
        "K" | "KB" | "KIB" => 1 << 10,
        "M" | "MB" | "MIB" => 1 << 20,
        "G" | "GB" | "GIB" => 1 << 30,
        other => return Err(format!("unknown size unit {other:?} (use K, M or G)")),
    };
    match number.checked_mul(factor) {
        None => Err(format!("{text:?} is too large")),
        // Every page would be skipped, and the run would pass with nothing scanned.
        Some(0) => Err("0 would skip every file; give a size such as 8M".into()),
        Some(size) => Ok(size),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes() {
        assert_eq!(parse_size("8M"), Ok(8 << 20));
        assert_eq!(parse_size("512k"), Ok(512 << 10));
        assert_eq!(parse_size("100"), Ok(100));
        assert!(parse_size("8X").is_err());
        assert!(parse_size("M").is_err());
        assert!(parse_size("0").is_err(), "0 would skip every file");
        assert!(parse_size("0K").is_err());
    }

    #[test]
    fn threads() {
        assert_eq!(parse_threads("0"), Ok(0), "one per core");
        assert_eq!(parse_threads("4"), Ok(4));
        assert_eq!(parse_threads("256"), Ok(256));
        assert!(parse_threads("257").unwrap_err().contains("more than 256"));
        assert!(parse_threads("100000").is_err());
        assert!(parse_threads("-1").is_err());
    }

    #[test]
    fn outputs() {
        let sarif = parse_output("sarif=out/results.sarif").unwrap();
        assert_eq!(sarif.format, Some(Format::Sarif));
        assert_eq!(sarif.path, PathBuf::from("out/results.sarif"));
        // A word before `=` is a format: a misspelt one is an error, not a file name.
        let err = parse_output("sariff=x.sarif").unwrap_err();
        assert!(err.contains("unknown report format \"sariff\""), "{err}");
        // A file whose name holds `=` is given through its folder.
        let plain = parse_output("./a=b.txt").unwrap();
        assert_eq!(
            (plain.format, plain.path),
            (None, PathBuf::from("./a=b.txt"))
        );
        assert!(parse_output("json=").is_err());
        let stdout = parse_output("json=-").unwrap();
        assert_eq!(stdout.path, PathBuf::from("-"));
    }

    #[test]
    fn arguments_are_consistent() {
        use clap::CommandFactory;
        Cli::command().debug_assert();
    }
}
