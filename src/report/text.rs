//! The text report: `path:line:col`, rule, message, and the source line with the span marked.

use std::io::{self, Write};

use anstyle::{AnsiColor, Style};
use unicode_width::UnicodeWidthStr;

use super::{Run, Summary, visible};
use crate::diagnostics::{FileError, Located, Severity, Skip};
use crate::source::names::is_stdout;
use crate::source::patch_base::PatchBases;

/// How much to print.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Detail {
    /// One line per finding, nothing else.
    Quiet,
    /// Findings with source snippets, notes and a summary.
    Full,
    /// A count per rule, kind and fix instead of the findings (`--statistics`), with the notes
    /// and the summary.
    Statistics,
}

const BOLD: Style = Style::new().bold();
const BLUE: Style = Style::new().fg_color(Some(anstyle::Color::Ansi(AnsiColor::Blue)));
const RED: Style = Style::new()
    .fg_color(Some(anstyle::Color::Ansi(AnsiColor::Red)))
    .bold();
const YELLOW: Style = Style::new()
    .fg_color(Some(anstyle::Color::Ansi(AnsiColor::Yellow)))
    .bold();

/// Writes a whole run for people: `check` lists findings on `out`; `fix` shows its diffs
/// (dry run) on `out` and lists on `err` what it leaves for a person to do. File errors and
/// notes go to `err`, the closing line to `out` (`check`) or `err` (`fix`).
pub fn write_run(
    out: &mut dyn Write,
    err: &mut dyn Write,
    run: &Run,
    detail: Detail,
) -> io::Result<()> {
    if detail == Detail::Statistics {
        return write_statistics(out, err, run);
    }
    if let (Some(config), Detail::Full) = (run.config, detail) {
        writeln!(err, "note: using settings from {}", visible::path(config))?;
    }
    // A dry run's diffs name files as `--patch` would, so they show what the patch would say.
    let mut names = PatchBases::new();
    for report in run.reports {
        if let Some(FileError { message, .. }) = &report.error {
            error(err, &report.path, message)?;
        }
        if let (Some(skip), Detail::Full) = (&report.skipped, detail) {
            skipped(err, &report.path, skip, run.max_filesize)?;
        }
        let Some(fix) = run.fix else {
            for located in &report.findings {
                finding(out, &report.path, located, detail)?;
            }
            continue;
        };
        if let (true, Some(change)) = (fix.dry_run, &report.change) {
            crate::report::diff::write_change(out, &names.shown_name(&report.path), change)?;
        }
        for located in &report.findings {
            let fixed = report
                .change
                .as_ref()
                .is_some_and(|change| change.fixes(located));
            if !fixed {
                finding(err, &report.path, located, detail)?;
            }
        }
    }
    // A warning (nothing scanned) shows even in quiet mode: a gate must not pass in silence.
    for remark in super::notes(run) {
        if detail == Detail::Full || remark.level == super::Level::Warning {
            note(err, &remark)?;
        }
    }
    if detail == Detail::Quiet {
        return Ok(());
    }
    if let Some(baseline) = run.baseline {
        stale_entries(err, baseline)?;
    }
    if let (Some(fix), true) = (run.fix, run.show_fixes) {
        fixed_findings(err, run, fix)?;
    }
    closing_lines(out, err, run)
}

/// `fix --show-fixes`: every finding the run's fixes fix (or would fix), one line each.
fn fixed_findings(out: &mut dyn Write, run: &Run, fix: &super::FixOutcome) -> io::Result<()> {
    let fixed = run.reports.iter().flat_map(|report| {
        report.change.iter().flat_map(move |change| {
            report
                .findings
                .iter()
                .filter(|located| change.fixes(located))
                .map(move |located| (&report.path, located))
        })
    });
    let mut fixed = fixed.peekable();
    if fixed.peek().is_none() {
        return Ok(());
    }
    let heading = if fix.wrote { "Fixed" } else { "Would fix" };
    writeln!(out, "{heading}:")?;
    for (path, located) in fixed {
        writeln!(
            out,
            "  {}:{}:{}: {} [{}]",
            visible::path(path),
            located.line,
            located.column,
            visible::text(&located.finding.rule),
            located.finding.kind.as_str()
        )?;
    }
    Ok(())
}

/// `--statistics`: file errors, then how many findings of each rule, kind and fix the run
/// found (most first, as Ruff counts them), then the notes and the closing line.
fn write_statistics(out: &mut dyn Write, err: &mut dyn Write, run: &Run) -> io::Result<()> {
    // (rule, kind, fix) → count.
    type Row<'r> = ((&'r str, &'r str, &'r str), usize);
    let mut counts: std::collections::BTreeMap<(&str, &str, &str), usize> = Default::default();
    for report in run.reports {
        if let Some(FileError { message, .. }) = &report.error {
            error(err, &report.path, message)?;
        }
        for located in &report.findings {
            let finding = &located.finding;
            let fix = super::fix_label(finding.applicability);
            *counts
                .entry((&finding.rule, finding.kind.as_str(), fix))
                .or_default() += 1;
        }
    }
    let mut rows: Vec<Row> = counts.into_iter().collect();
    rows.sort_by(|(a_key, a), (b_key, b)| b.cmp(a).then(a_key.cmp(b_key)));
    let width = |column: fn(&Row) -> usize| rows.iter().map(column).max().unwrap_or(0);
    let count_width = width(|(_, count)| count.to_string().len());
    let rule_width = width(|((rule, _, _), _)| rule.chars().count());
    let kind_width = width(|((_, kind, _), _)| kind.len());
    for ((rule, kind, fix), count) in &rows {
        writeln!(
            out,
            "{count:>count_width$}  {:<rule_width$}  {kind:<kind_width$}  {fix}",
            visible::text(rule)
        )?;
    }
    for remark in super::notes(run) {
        note(err, &remark)?;
    }
    closing_lines(out, err, run)
}

/// Lists the baseline entries that match nothing any more (the note before says how many),
/// so the baseline can shrink.
fn stale_entries(
    out: &mut dyn Write,
    baseline: &crate::report::baseline::Comparison,
) -> io::Result<()> {
    for entry in &baseline.stale {
        writeln!(
            out,
            "  {}: {} [{}] (line {} when recorded)",
            visible::text(&entry.path),
            visible::text(&entry.rule),
            visible::text(&entry.kind),
            entry.line
        )?;
    }
    Ok(())
}

/// Writes the closing line (on `out` for `check`, on `err` for `fix`), and, over more than one
/// tenant, how many have stale pages: the line a hosting company reads first.
fn closing_lines<'w>(out: &'w mut dyn Write, err: &'w mut dyn Write, run: &Run) -> io::Result<()> {
    let out = match run.fix {
        None => {
            check_summary(out, run.summary)?;
            out
        }
        Some(fix) => {
            fix_summary(err, fix, run.summary)?;
            err
        }
    };
    if run.tenants.len() > 1 {
        let wrote = run.fix.is_some_and(|fix| fix.wrote);
        writeln!(out, "{}.", super::tenants::stale_line(run.tenants, wrote))?;
    }
    Ok(())
}

/// Writes the closing line of `fix`.
pub fn fix_summary(
    out: &mut dyn Write,
    fix: &super::FixOutcome,
    summary: &Summary,
) -> io::Result<()> {
    let verb = if fix.wrote { "Fixed" } else { "Would fix" };
    write!(
        out,
        "{verb} {} finding(s) in {} file(s)",
        fix.fixed_findings, fix.changed_files
    )?;
    if let Some(patch) = &fix.patch {
        match is_stdout(patch) {
            true => write!(out, "; patch written to stdout")?,
            false => write!(out, "; patch written to {}", visible::path(patch))?,
        }
    }
    if let Some(journal) = &fix.journal {
        write!(out, "; journal {}", visible::path(journal))?;
    }
    if summary.fixes_dropped > 0 {
        write!(
            out,
            "; {} unsafe fix(es) left out (see the notes)",
            summary.fixes_dropped
        )?;
    }
    if summary.errors > 0 {
        write!(out, "; {} error(s)", summary.errors)?;
    }
    writeln!(out, " ({} ms).", summary.elapsed_ms)
}

/// Writes why `fix` left a finding's unsafe fix out, if it did.
pub fn dropped_fix(
    out: &mut (impl Write + ?Sized),
    path: &std::path::Path,
    located: &Located,
) -> io::Result<()> {
    let Some(reason) = &located.fix_dropped else {
        return Ok(());
    };
    writeln!(
        out,
        "{BOLD}{}:{}:{}:{BOLD:#} note: {}",
        visible::path(path),
        located.line,
        located.column,
        visible::text(reason)
    )
}

/// Writes one finding.
pub fn finding(
    out: &mut (impl Write + ?Sized),
    path: &std::path::Path,
    located: &Located,
    detail: Detail,
) -> io::Result<()> {
    let finding = &located.finding;
    let severity_style = match finding.severity {
        Severity::Error => RED,
        Severity::Warning => YELLOW,
    };
    let fix = super::fix_label(finding.applicability);
    writeln!(
        out,
        "{BOLD}{}:{}:{}:{BOLD:#} {severity_style}{}[{}]{severity_style:#} {} [{}, {fix}]",
        visible::path(path),
        located.line,
        located.column,
        finding.severity,
        visible::text(&finding.rule),
        visible::text(&finding.message),
        finding.kind.as_str(),
    )?;
    if detail == Detail::Quiet {
        return Ok(());
    }
    dropped_fix(out, path, located)?;
    // Tabs would make the marker drift; show them as four spaces on both lines. Control and
    // bidi characters are shown as escapes on the line, so the marker is measured on those.
    let line = visible::text(&located.source_line).replace('\t', "    ");
    let chars: Vec<char> = located.source_line.chars().collect();
    let prefix: String = chars[..located.line_span.start.min(chars.len())]
        .iter()
        .collect();
    let span: String = chars
        [located.line_span.start.min(chars.len())..located.line_span.end.min(chars.len())]
        .iter()
        .collect();
    let pad = visible::text(&prefix).replace('\t', "    ").width();
    let marks = visible::text(&span).width().max(1);
    let number = located.line.to_string();
    let gutter = " ".repeat(number.len());
    writeln!(out, "{BLUE}{gutter} |{BLUE:#}")?;
    writeln!(out, "{BLUE}{number} |{BLUE:#} {line}")?;
    writeln!(
        out,
        "{BLUE}{gutter} |{BLUE:#} {}{severity_style}{}{severity_style:#}",
        " ".repeat(pad),
        "^".repeat(marks)
    )?;
    writeln!(out)
}

/// Writes a file-level error.
pub fn error(
    out: &mut (impl Write + ?Sized),
    path: &std::path::Path,
    message: &str,
) -> io::Result<()> {
    writeln!(
        out,
        "{BOLD}{}:{BOLD:#} {RED}error:{RED:#} {}",
        visible::path(path),
        visible::text(message)
    )
}

/// Writes why a file was not scanned.
pub fn skipped(
    out: &mut (impl Write + ?Sized),
    path: &std::path::Path,
    skip: &Skip,
    max_filesize: u64,
) -> io::Result<()> {
    let (_, why) = super::skip_reason(skip, max_filesize);
    writeln!(
        out,
        "{BOLD}{}:{BOLD:#} note: {}",
        visible::path(path),
        visible::text(&why)
    )
}

/// Writes a note about the whole run.
pub fn note(out: &mut (impl Write + ?Sized), note: &super::Note) -> io::Result<()> {
    let style = match note.level {
        super::Level::Warning => YELLOW,
        super::Level::Note => BOLD,
    };
    let label = note.level.as_str();
    writeln!(
        out,
        "{style}{label}:{style:#} {}",
        visible::text(&note.message)
    )
}

/// Writes the closing line of `check`.
pub fn check_summary(out: &mut (impl Write + ?Sized), summary: &Summary) -> io::Result<()> {
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    if summary.findings == 0 {
        write!(
            out,
            "No findings in {}",
            plural(summary.files_scanned, "file")
        )?;
    } else {
        write!(
            out,
            "{} in {} of {}",
            plural(summary.findings, "finding"),
            plural(summary.files_with_findings, "file"),
            plural(summary.files_scanned, "scanned file")
        )?;
        if summary.fixable > 0 {
            write!(
                out,
                "; {} fixable with `kspay-migrate fix`",
                summary.fixable
            )?;
        }
    }
    if summary.baselined > 0 {
        write!(out, "; {} set aside by the baseline", summary.baselined)?;
    }
    if summary.suppressed > 0 {
        write!(out, "; {} suppressed by comments", summary.suppressed)?;
    }
    if summary.errors > 0 {
        write!(out, "; {}", plural(summary.errors, "error"))?;
    }
    writeln!(out, " ({} ms).", summary.elapsed_ms)
}
