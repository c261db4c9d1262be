//! GitHub Actions workflow commands: one `::error` or `::warning` line per finding, which the
//! runner turns into an annotation on the file and line.
//!
//! Nothing else is written: any other line would only be log noise between the annotations.
//! Values are escaped as GitHub documents (`%`, CR and LF; in properties also `:` and `,`), so
//! a file name cannot end a command and start another. The `file` property keeps the path's
//! characters (GitHub matches it against the repository); messages go through [`visible`].

use std::io::{self, Write};

use super::{Level, Run, fix_status, notes, skip_reason, visible};
use crate::diagnostics::{FileError, Located, Severity};
use crate::source::names::portable_path;

/// Writes a workflow command for every finding, file error and skipped file of the run, and
/// for each of its notes.
pub fn write(out: &mut (impl Write + ?Sized), run: &Run) -> io::Result<()> {
    for report in run.reports {
        // Annotations attach to paths from the repository's top, where the workflow runs.
        let path = portable_path(&report.path);
        for located in &report.findings {
            finding(out, &path, located)?;
        }
        if let Some(FileError { message, .. }) = &report.error {
            writeln!(
                out,
                "::error file={}::{}",
                escape_property(&path),
                escape_data(&visible::text(message))
            )?;
        }
        if let Some(skip) = &report.skipped {
            let (_, message) = skip_reason(skip, run.max_filesize);
            writeln!(
                out,
                "::notice file={}::{}",
                escape_property(&path),
                escape_data(&visible::text(&message))
            )?;
        }
    }
    for note in notes(run) {
        let command = match note.level {
            Level::Warning => "warning",
            Level::Note => "notice",
        };
        writeln!(
            out,
            "::{command}::{}",
            escape_data(&visible::text(&note.message))
        )?;
    }
    Ok(())
}

/// `::error file=PATH,line=L,col=C,endLine=L2,endColumn=C2,title=...::MESSAGE [fix: ...]`.
fn finding(out: &mut (impl Write + ?Sized), path: &str, located: &Located) -> io::Result<()> {
    let finding = &located.finding;
    let command = match finding.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    // GitHub takes columns only for a span on one line.
    let position = if located.line == located.end_line {
        format!(
            "line={},col={},endLine={},endColumn={}",
            located.line, located.column, located.end_line, located.end_column
        )
    } else {
        format!("line={},endLine={}", located.line, located.end_line)
    };
    let title = format!(
        "{} {} ({})",
        env!("CARGO_PKG_NAME"),
        finding.rule,
        finding.kind.as_str()
    );
    // The annotation is read by people: shown, never acted on, like the text report.
    let message =
        visible::text(&format!("{} [{}]", finding.message, fix_status(located))).into_owned();
    writeln!(
        out,
        "::{command} file={},{position},title={}::{}",
        escape_property(path),
        escape_property(&title),
        escape_data(&message)
    )
}

/// Escapes a command's message as the Actions toolkit does (`escapeData`).
fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a command's property value as the Actions toolkit does (`escapeProperty`): the
/// message's escapes, and `:` and `,`, which end a value.
fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_escapes_percent_and_line_breaks_only() {
        assert_eq!(
            escape_data("100% 제주, a:b\r\nnext\nline %0A"),
            "100%25 제주, a:b%0D%0Anext%0Aline %250A"
        );
    }

    #[test]
    fn properties_also_escape_colon_and_comma() {
        assert_eq!(
            escape_property("shop,1/pay:2/100%.php\nx"),
            "shop%2C1/pay%3A2/100%25.php%0Ax"
        );
        // `%` goes first, so an escape already in the text is not taken for one of ours.
        assert_eq!(escape_property("%2C,"), "%252C%2C");
    }
}
