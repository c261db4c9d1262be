//! `kspay-migrate merge`: the JSON reports of one run's shards (or of many hosts) read back,
//! joined into one run ([`crate::report::merge`]) and reported in any format, as `check` or
//! `fix` would have reported a run over the whole tree.

use std::io::Read as _;
use std::path::Path;

use crate::cli::args::MergeArgs;
use crate::cli::config;
use crate::cli::emit::{self, Sinks};
use crate::cli::exit;
use crate::cli::output::Outputs;
use crate::cli::settings::{self, Job};
use crate::report::Run;
use crate::report::json::{self, Document};
use crate::report::merge::{self, Merged};
use crate::rules::{self, Rule};
use crate::source::names::is_stdout;
use crate::source::pinned::describe_io;
use crate::source::tenant::Tenancy;

/// Runs `merge` and returns its exit status: the joined run's, as its command would give it.
pub fn merge_command(args: &MergeArgs) -> Result<u8, String> {
    emit::set_color(args.report.color);
    let documents = args
        .reports
        .iter()
        .map(|path| Ok((path.clone(), read_report(path)?)))
        .collect::<Result<Vec<_>, String>>()?;
    let merged = merge::merge(documents)?;
    let rules = rules_of(args, &merged)?;
    args.report.check_statistics(args.format)?;
    let no_baseline = Job::Check {
        baseline: None,
        write_baseline: None,
    };
    let main = settings::main_report(&args.report.output, args.format, &no_baseline, false)?;
    let more = args.report.more_reports();
    let sinks = Sinks {
        format: args.format,
        main: &main,
        more: &more,
        detail: args.report.detail(),
    };
    let run = Run {
        reports: &merged.reports,
        summary: &merged.summary,
        tenants: &merged.tenants,
        rules: &rules,
        unsafe_fixes: merged.settings.unsafe_fixes,
        max_filesize: merged.settings.max_filesize,
        fix: merged.fix.as_ref(),
        baseline: merged.baseline.as_ref(),
        config: merged.config.as_deref(),
        show_fixes: false,
        tenant_depth: Tenancy::new(merged.settings.tenant_depth).depth(),
        shard: None,
        remarks: &merged.remarks,
    };
    emit::emit_reports(&sinks, &run, &Outputs::default())?;
    Ok(exit::status(&merged.summary, merged.fix.as_ref()))
}

/// Reads one report (`-`: stdin); the error names the file and what is wrong with it.
fn read_report(path: &Path) -> Result<Document, String> {
    let named = |message: String| format!("{}: {message}", path.display());
    let mut text = String::new();
    let read = match is_stdout(path) {
        true => std::io::stdin().read_to_string(&mut text),
        false => std::fs::File::open(path).and_then(|mut file| file.read_to_string(&mut text)),
    };
    read.map_err(|e| named(format!("cannot read the report: {}", describe_io(&e))))?;
    json::read(&text).map_err(named)
}

/// The rules the reports were made with, as loaded here (SARIF describes each).
fn rules_of(args: &MergeArgs, merged: &Merged) -> Result<Vec<Rule>, String> {
    let loaded = config::listed_rules(&args.rules)?;
    rules::select(loaded, &merged.settings.rules).map_err(|e| {
        format!("{e}; the reports were made with rules this kspay-migrate does not load here (give their folder with --rules DIR)")
    })
}
