//! Writing a run's reports where the command line sends them: the main format to stdout, to
//! stderr or to its file, and each `--output FORMAT=FILE` to its own; `check`, `fix` and
//! `merge` all end here.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::cli::args::ColorWhen;
use crate::cli::output::Outputs;
use crate::diagnostics::FileError;
use crate::report::{self, Format, Run};
use crate::source::names::is_stdout;
use crate::source::pinned::describe_io;

/// Where a report goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Sink {
    Stdout,
    /// The text report when stdout holds the patch (`--patch -`) or the fixed page (`fix
    /// --write -`): people still read it on the terminal.
    Stderr,
    File(PathBuf),
}

/// Where a run's reports go.
pub struct Sinks<'s> {
    /// `--format`.
    pub format: Format,
    /// Where the `--format` report goes.
    pub main: &'s Sink,
    /// `--output FORMAT=FILE`: more formats of the same run, each to its file or stdout.
    pub more: &'s [(Format, PathBuf)],
    pub detail: report::text::Detail,
}

/// Writes the run's report where the sinks send it: the main format to stdout, to stderr
/// (the text report beside `--patch -`) or to its file, and each `--output FORMAT=FILE` to its
/// file or stdout.
pub fn emit_reports(sinks: &Sinks, run: &Run, outputs: &Outputs) -> Result<(), String> {
    let (format, detail) = (sinks.format, sinks.detail);
    match sinks.main {
        Sink::Stdout => write_report_to_terminal(format, run, detail, false)?,
        Sink::Stderr => write_report_to_terminal(format, run, detail, true)?,
        Sink::File(path) => write_report_file(path, format, run, detail, outputs)?,
    }
    for (format, path) in sinks.more {
        match is_stdout(path) {
            true => write_report_to_terminal(*format, run, detail, false)?,
            false => write_report_file(path, *format, run, detail, outputs)?,
        }
    }
    // Machine formats carry file errors and warnings inside; a person watching the terminal
    // sees them too.
    let text_on_terminal = (format == Format::Text && !matches!(sinks.main, Sink::File(_)))
        || sinks
            .more
            .iter()
            .any(|(format, path)| *format == Format::Text && is_stdout(path));
    if !text_on_terminal {
        let mut stderr = anstream::stderr().lock();
        for report in run.reports {
            if let Some(FileError { message, .. }) = &report.error {
                report::text::error(&mut stderr, &report.path, message)
                    .map_err(|e| e.to_string())?;
            }
        }
        for note in report::notes(run) {
            if note.level == report::Level::Warning {
                report::text::note(&mut stderr, &note).map_err(|e| e.to_string())?;
            }
        }
    }
    Ok(())
}

/// Writes one report to stdout (its notes to stderr), or all of it to stderr.
fn write_report_to_terminal(
    format: Format,
    run: &Run,
    detail: report::text::Detail,
    to_stderr: bool,
) -> Result<(), String> {
    let mut stderr = anstream::stderr().lock();
    let result = if to_stderr {
        let mut out = anstream::stderr().lock();
        write_to_stream(format, &mut out, &mut stderr, run, detail)
    } else {
        let mut out = anstream::stdout().lock();
        write_to_stream(format, &mut out, &mut stderr, run, detail)
    };
    match result {
        // A reader such as `head` closing the pipe early is not an error of ours.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        result => result.map_err(|e| format!("cannot write the report: {}", describe_io(&e))),
    }
}

/// Writes one report to a standard stream. A machine format goes through a buffer: stdout
/// flushes at every line, and a report of a million files has a million lines, each a system
/// call. Text keeps its lines as they come, in order with what it sends to stderr.
fn write_to_stream(
    format: Format,
    out: &mut dyn Write,
    err: &mut dyn Write,
    run: &Run,
    detail: report::text::Detail,
) -> io::Result<()> {
    if format == Format::Text {
        return report::write(format, out, err, run, detail);
    }
    let mut buffered = io::BufWriter::new(out);
    report::write(format, &mut buffered, err, run, detail)?;
    buffered.flush()
}

/// Writes one report to a file, text without colours and with its stderr part included.
fn write_report_file(
    path: &Path,
    format: Format,
    run: &Run,
    detail: report::text::Detail,
    outputs: &Outputs,
) -> Result<(), String> {
    let mut out = anstream::StripStream::new(Vec::new());
    let mut err = anstream::StripStream::new(Vec::new());
    report::write(format, &mut out, &mut err, run, detail)
        .map_err(|e| format!("cannot write the {} report: {e}", format.name()))?;
    let mut bytes = err.into_inner();
    bytes.extend(out.into_inner());
    outputs.write(path, &bytes).map_err(|e| {
        format!(
            "cannot write the {} report to {}: {e}",
            format.name(),
            path.display(),
        )
    })
}

pub fn set_color(when: ColorWhen) {
    let choice = match when {
        ColorWhen::Auto => anstream::ColorChoice::Auto,
        ColorWhen::Always => anstream::ColorChoice::Always,
        ColorWhen::Never => anstream::ColorChoice::Never,
    };
    choice.write_global();
}
