//! JUnit XML, as Jenkins' JUnit plugin reads it: one test suite with a test case per scanned
//! file, failed by the file's findings (one `<failure>` listing them all), in error when the
//! file could not be read or decoded, skipped when the file was not scanned.
//!
//! The XML is small and flat, so it is written here directly; [`escape`] keeps it well-formed
//! whatever a message or path holds. Names and messages are read by people in the CI's pages:
//! they are shown through [`visible`] first, as in the text report.

use std::io::{self, Write};
use std::path::{Component, Path};

use std::os::unix::ffi::OsStrExt;

use super::{Run, notes, text, visible};
use crate::diagnostics::{FileError, FileReport, Skip};

/// Writes the whole run as one JUnit XML document.
pub fn write(out: &mut (impl Write + ?Sized), run: &Run) -> io::Result<()> {
    let cases: Vec<Case> = run.reports.iter().filter_map(Case::of).collect();
    let count = |outcome: fn(&Case) -> bool| cases.iter().filter(|c| outcome(c)).count();
    let counts = format!(
        r#"tests="{}" failures="{}" errors="{}" skipped="{}" time="{:.3}""#,
        cases.len(),
        count(|c| !c.report.findings.is_empty()),
        count(|c| c.report.error.is_some()),
        count(|c| c.skipped.is_some()),
        run.summary.elapsed_ms as f64 / 1000.0
    );
    let name = env!("CARGO_PKG_NAME");
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(out, r#"<testsuites name="{name}" {counts}>"#)?;
    writeln!(out, r#"  <testsuite name="{name}" {counts}>"#)?;
    for case in &cases {
        case.write(out)?;
    }
    // Notes about the whole run (nothing scanned, the baseline) show in the suite's output.
    let notes = notes(run);
    if !notes.is_empty() {
        let lines: Vec<String> = notes
            .iter()
            .map(|note| {
                let label = note.level.as_str();
                format!("{label}: {}", escape_text(&visible::text(&note.message)))
            })
            .collect();
        writeln!(out, "    <system-out>{}</system-out>", lines.join("\n"))?;
    }
    writeln!(out, "  </testsuite>")?;
    writeln!(out, "</testsuites>")
}

/// One file as a test case.
struct Case<'a> {
    report: &'a FileReport,
    /// Why the file was not scanned.
    skipped: Option<String>,
}

impl<'a> Case<'a> {
    /// The test case of a file; `None` for what is no page (a temporary file a killed run left).
    fn of(report: &'a FileReport) -> Option<Case<'a>> {
        let skipped = match &report.skipped {
            None => None,
            Some(Skip::Binary) => Some("binary file (a NUL byte in its first 8 KiB)".to_string()),
            Some(Skip::TooLarge(size)) => Some(format!("{size} bytes is over --max-filesize")),
            Some(Skip::LeftoverTemp(_)) => return None,
        };
        Some(Case { report, skipped })
    }

    fn write(&self, out: &mut (impl Write + ?Sized)) -> io::Result<()> {
        let report = self.report;
        let path = visible::path(&report.path);
        write!(
            out,
            r#"    <testcase name="{}" classname="{}""#,
            escape_attribute(&path),
            escape_attribute(&class_name(&report.path))
        )?;
        if report.findings.is_empty() && report.error.is_none() && self.skipped.is_none() {
            return writeln!(out, "/>");
        }
        writeln!(out, ">")?;
        if let Some(reason) = &self.skipped {
            writeln!(
                out,
                r#"      <skipped message="{}"/>"#,
                escape_attribute(reason)
            )?;
        }
        if !report.findings.is_empty() {
            let count = report.findings.len();
            let mut rules: Vec<&str> = report
                .findings
                .iter()
                .map(|f| f.finding.rule.as_str())
                .collect();
            rules.sort_unstable();
            rules.dedup();
            writeln!(
                out,
                r#"      <failure message="{count} finding{}" type="{}">{}</failure>"#,
                if count == 1 { "" } else { "s" },
                escape_attribute(&visible::text(&rules.join(","))),
                escape_text(&finding_lines(report)?)
            )?;
        }
        if let Some(FileError { message, .. }) = &report.error {
            writeln!(
                out,
                r#"      <error message="{}" type="file-error">{}: {}</error>"#,
                escape_attribute(&visible::text(message)),
                escape_text(&path),
                escape_text(&visible::text(message))
            )?;
        }
        writeln!(out, "    </testcase>")
    }
}

/// A file's findings, one line each as the text report's quiet form writes them:
/// `path:line:col: severity[rule] message [kind, fix: ...]`.
fn finding_lines(report: &FileReport) -> io::Result<String> {
    // The text report styles its lines; the stream drops the styling.
    let mut lines = anstream::StripStream::new(Vec::new());
    for located in &report.findings {
        text::finding(&mut lines, &report.path, located, text::Detail::Quiet)?;
        text::dropped_fix(&mut lines, &report.path, located)?;
    }
    Ok(String::from_utf8_lossy(&lines.into_inner()).into_owned())
}

/// The file's folder with `.` between its names (`shop/pay/a.php` → `shop.pay`), which
/// Jenkins shows as packages; the tool's name for a file without a folder.
fn class_name(path: &Path) -> String {
    let folders: Vec<String> = path
        .parent()
        .into_iter()
        .flat_map(Path::components)
        .filter_map(|component| match component {
            Component::Normal(name) => Some(visible::bytes(name.as_bytes()).into_owned()),
            _ => None,
        })
        .collect();
    if folders.is_empty() {
        env!("CARGO_PKG_NAME").to_string()
    } else {
        folders.join(".")
    }
}

/// Escapes text content.
fn escape_text(text: &str) -> String {
    escape(text, false)
}

/// Escapes an attribute value; line breaks and tabs are kept as references, since a parser
/// turns them into spaces in attributes.
fn escape_attribute(text: &str) -> String {
    escape(text, true)
}

/// Escapes the markup characters and shows what XML 1.0 cannot hold at all (control
/// characters other than tab, CR and LF; U+FFFE and U+FFFF) as [`visible`] escapes. A CR is
/// written as a reference so that parsers do not fold CRLF into LF.
fn escape(text: &str, attribute: bool) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            '\'' => escaped.push_str("&apos;"),
            '\r' => escaped.push_str("&#13;"),
            '\n' if attribute => escaped.push_str("&#10;"),
            '\t' if attribute => escaped.push_str("&#9;"),
            '\n' | '\t' => escaped.push(c),
            c if is_xml_char(c) => escaped.push(c),
            _ => {
                // `<U+FFFE>`: its own markup characters are escaped in turn.
                let mut shown = String::new();
                visible::push_escape(&mut shown, c);
                escaped.push_str(&escape(&shown, attribute));
            }
        }
    }
    escaped
}

/// Whether XML 1.0 allows the character (its `Char` production).
fn is_xml_char(c: char) -> bool {
    matches!(c,
        '\t' | '\n' | '\r'
        | '\u{20}'..='\u{D7FF}'
        | '\u{E000}'..='\u{FFFD}'
        | '\u{10000}'..='\u{10FFFF}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_characters_are_escaped() {
        assert_eq!(
            escape_text(r#"<a href="x">&'제주'</a>"#),
            "&lt;a href=&quot;x&quot;&gt;&amp;&apos;제주&apos;&lt;/a&gt;"
        );
    }

    #[test]
    fn characters_xml_forbids_are_shown_as_escapes() {
        assert_eq!(
            escape_text("a\u{0}b\u{1b}[31mc\u{8}\u{b}\u{c}\u{7f}\u{fffe}"),
            "a\\x00b\\x1b[31mc\\x08\\x0b\\x0c\u{7f}&lt;U+FFFE&gt;"
        );
    }

    #[test]
    fn line_breaks_survive_in_attributes_and_text() {
        assert_eq!(escape_attribute("a\r\nb\tc"), "a&#13;&#10;b&#9;c");
        assert_eq!(escape_text("a\r\nb\tc"), "a&#13;\nb\tc");
    }

    #[test]
    fn folders_become_class_names() {
        assert_eq!(class_name(Path::new("./shop/pay/a.php")), "shop.pay");
        assert_eq!(class_name(Path::new("/var/www/a.php")), "var.www");
        assert_eq!(class_name(Path::new("a.php")), "kspay-migrate");
    }
}
