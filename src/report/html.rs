//! The HTML report (`--format html`, `--output html=FILE.html`): one self-contained page that
//! a support person opens in a browser: the run's counts, a tenants table, a findings table,
//! the files not checked, and per-file details (each finding's decoded source line and its fix,
//! or the diff a `fix` run made).
//!
//! Everything in it but the tool's own text comes from tenants (paths, folder names, page
//! lines), so nothing of it may act in the browser:
//! - what the page shows in markup goes through [`escape`] (after [`visible`], so control and
//!   bidi characters show as escapes here as on a terminal);
//! - the tables' rows are a JSON block (`<script type="application/json">`, never run) whose
//!   `<`, `>` and `&` are `\u` escapes ([`script_json`]), so no `</script>` or `<!--` in a name
//!   can end or bend it; the page's script puts its values in with `textContent`;
//! - a Content-Security-Policy forbids every load and allows only the page's own style sheet
//!   and script, by their hashes: markup that slipped through could run nothing and fetch
//!   nothing, and the page works from a file, offline.
//!
//! A hosting run has tens of thousands of tenants and may have thousands of findings: the
//! script shows the tables [a page of rows at a time](`report.js`), and the details are
//! embedded for the first files only ([`DETAIL_FILES`], [`DETAIL_BYTES`]); the rest are listed
//! in the findings table, and the JSON report has everything.

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt::Write as _;
use std::io::{self, Write};

use serde::Serialize;
use sha2::{Digest, Sha256};

use super::tenants::{TenantRow, stale_line};
use super::{FixOutcome, Run, diff, fix_status, notes, skip_reason, text, visible};
use crate::diagnostics::{Applicability, FileReport, Located, LocatedEdit, Severity};
use crate::source::patch_base::PatchBases;

/// The page's script and style sheet, allowed by their hashes and nothing else.
const SCRIPT: &str = include_str!("html/report.js");
const STYLE: &str = include_str!("html/report.css");

/// At most this many files get their findings and diff embedded: each costs a few KiB, and a
/// page of tens of MiB opens slowly and is not read in full anyway.
pub const DETAIL_FILES: usize = 100;
/// Details stop once they take this many bytes (a file's details are embedded whole, or not).
pub const DETAIL_BYTES: usize = 1 << 20;
/// A file's details show at most this many findings; the findings table lists them all.
const FINDINGS_PER_FILE: usize = 50;
/// A file's diff shows at most this many lines.
const DIFF_LINES: usize = 400;
/// How many stale baseline entries are named; the JSON report has them all.
const STALE_ENTRIES: usize = 50;

/// Writes the run as one HTML page.
pub fn write(out: &mut (impl Write + ?Sized), run: &Run) -> io::Result<()> {
    let details = Details::of(run);
    let data = Data::of(run, &details.anchors);
    let title = match run.fix {
        None => "kspay-migrate check report",
        Some(_) => "kspay-migrate fix report",
    };
    let mut page = String::with_capacity(64 * 1024 + details.section.len());
    head(&mut page, title);
    page.push_str("<body>\n");
    let _ = writeln!(page, "<header><h1>{title}</h1>");
    let mut meta = format!("{} {}", env!("CARGO_PKG_NAME"), env!("CARGO_PKG_VERSION"));
    if let Some(config) = run.config {
        let _ = write!(meta, " \u{b7} settings from {}", visible::path(config));
    }
    let _ = writeln!(page, "<p class=\"meta\">{}</p></header>", escape(&meta));
    page.push_str(
        "<noscript><p>The tenants, findings and files-not-checked tables are built by this \
         page's script: allow JavaScript for this file to see them. The summary and the \
         details below need no script.</p></noscript>\n\
         <ul id=\"script-errors\" hidden></ul>\n",
    );
    summary(&mut page, run);
    run_notes(&mut page, run);
    tables(&mut page, run, &data);
    page.push_str(&details.section);
    page.push_str("<script type=\"application/json\" id=\"report-data\">");
    page.push_str(&script_json(&data)?);
    page.push_str("</script>\n</body>\n</html>\n");
    out.write_all(page.as_bytes())
}

/// The `<head>`: the policy first, before anything it governs.
fn head(page: &mut String, title: &str) {
    let _ = write!(
        page,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"{}\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"{} {}\">\n\
         <title>{title}</title>\n<style>{STYLE}</style>\n<script>{SCRIPT}</script>\n</head>\n",
        content_security_policy(),
        env!("CARGO_PKG_NAME"),
        env!("CARGO_PKG_VERSION"),
    );
}

/// No network, no other script or style than the page's own: `default-src 'none'` covers
/// every fetch (images, fonts, frames, connections); `base-uri` and `form-action` are not
/// fetches and are closed separately.
pub fn content_security_policy() -> String {
    format!(
        "default-src 'none'; script-src 'sha256-{}'; style-src 'sha256-{}'; base-uri 'none'; form-action 'none'",
        base64(&Sha256::digest(SCRIPT.as_bytes())),
        base64(&Sha256::digest(STYLE.as_bytes())),
    )
}

/// The run's counts, each marked with the JSON summary's name for it (`data-count`), so that
/// what the page says can be checked against the JSON report of the same run.
fn summary(page: &mut String, run: &Run) {
    let summary = run.summary;
    let skipped = run
        .reports
        .iter()
        .filter(|report| report.skipped.is_some())
        .count();
    // Tenants with findings, as found (a summary line says what `fix --write` left).
    let stale = run.tenants.iter().filter(|row| row.is_stale(false)).count();
    let mut counts: Vec<(&str, &str, usize, bool)> = vec![
        ("tenants", "Tenants", run.tenants.len(), false),
        ("stale_tenants", "Tenants with findings", stale, stale > 0),
        (
            "files_scanned",
            "Files scanned",
            summary.files_scanned,
            false,
        ),
        (
            "files_with_findings",
            "Files with findings",
            summary.files_with_findings,
            summary.files_with_findings > 0,
        ),
        (
            "findings",
            "Findings",
            summary.findings,
            summary.findings > 0,
        ),
        ("fixable", "Fixable", summary.fixable, false),
    ];
    if let Some(fix) = run.fix {
        let (fixed, changed) = match fix.wrote {
            true => ("Fixed", "Files changed"),
            false => ("Would fix", "Files to change"),
        };
        counts.push(("fixed_findings", fixed, fix.fixed_findings, false));
        counts.push(("changed_files", changed, fix.changed_files, false));
    }
    counts.extend([
        ("errors", "Errors", summary.errors, summary.errors > 0),
        ("skipped", "Skipped", skipped, false),
        ("suppressed", "Suppressed", summary.suppressed, false),
        ("baselined", "Baselined", summary.baselined, false),
        (
            "fixes_dropped",
            "Fixes dropped",
            summary.fixes_dropped,
            summary.fixes_dropped > 0,
        ),
        (
            "elapsed_ms",
            "Time (ms)",
            summary.elapsed_ms as usize,
            false,
        ),
    ]);
    page.push_str("<section id=\"summary\">\n<h2>Summary</h2>\n<dl class=\"counts\">\n");
    for (key, label, count, alert) in counts {
        let class = if alert { " class=\"alert\"" } else { "" };
        let _ = writeln!(
            page,
            "<div{class}><dt>{label}</dt><dd data-count=\"{key}\">{count}</dd></div>"
        );
    }
    page.push_str("</dl>\n");
    let mut closing = Vec::new();
    let _ = match run.fix {
        None => text::check_summary(&mut closing, summary),
        Some(fix) => text::fix_summary(&mut closing, fix, summary),
    };
    let _ = writeln!(
        page,
        "<p class=\"closing\">{}</p>",
        escape(String::from_utf8_lossy(&closing).trim())
    );
    if !run.tenants.is_empty() {
        let _ = writeln!(
            page,
            "<p class=\"meta\">{}.</p>",
            escape(&stale_line(
                run.tenants,
                run.fix.is_some_and(|fix| fix.wrote)
            ))
        );
    }
    page.push_str("</section>\n");
}

/// The run's notes and the baseline's stale entries.
fn run_notes(page: &mut String, run: &Run) {
    let notes = notes(run);
    let stale = run.baseline.map_or(&[][..], |baseline| &baseline.stale[..]);
    if notes.is_empty() && stale.is_empty() {
        return;
    }
    page.push_str("<section id=\"notes\">\n<h2>Notes</h2>\n<ul class=\"notes\">\n");
    for note in &notes {
        let _ = writeln!(
            page,
            "<li class=\"{level}\"><strong>{level}:</strong> {}</li>",
            shown(&note.message),
            level = note.level.as_str(),
        );
    }
    page.push_str("</ul>\n");
    if !stale.is_empty() {
        page.push_str(
            "<p>Baseline entries that match nothing any more:</p>\n<ul class=\"mono\">\n",
        );
        for entry in stale.iter().take(STALE_ENTRIES) {
            let _ = writeln!(
                page,
                "<li>{}: {} [{}] (line {} when recorded)</li>",
                shown(&entry.path),
                shown(&entry.rule),
                shown(&entry.kind),
                entry.line
            );
        }
        page.push_str("</ul>\n");
        if stale.len() > STALE_ENTRIES {
            let _ = writeln!(
                page,
                "<p class=\"hint\">and {} more: the JSON report lists them all.</p>",
                stale.len() - STALE_ENTRIES
            );
        }
    }
    page.push_str("</section>\n");
}

/// The sections whose tables the script builds from the data block.
fn tables(page: &mut String, run: &Run, data: &Data) {
    let _ = writeln!(
        page,
        "<section id=\"tenants\">\n<h2>Tenants</h2>\n<p class=\"hint\">Counts by tenant \
         (<code>--tenant-depth</code>), most findings first; click a column to sort by it.</p>\n\
         <div class=\"table\" id=\"tenants-table\" data-total=\"{}\"></div>\n</section>",
        run.tenants.len()
    );
    let _ = writeln!(
        page,
        "<section id=\"findings\">\n<h2>Findings</h2>\n<p class=\"hint\">Every finding of \
         the run; a file's name links to its details when they are embedded below.</p>\n\
         <div class=\"table\" id=\"findings-table\" data-total=\"{}\"></div>\n</section>",
        data.findings.len()
    );
    if !data.problems.is_empty() {
        let _ = writeln!(
            page,
            "<section id=\"problems\">\n<h2>Files not checked</h2>\n<p class=\"hint\">Files \
             that could not be read, decoded, parsed or written, and files skipped (binary, \
             over <code>--max-filesize</code>).</p>\n\
             <div class=\"table\" id=\"problems-table\" data-total=\"{}\"></div>\n</section>",
            data.problems.len()
        );
    }
}

/// The tables' rows, as the script reads them. Rows are arrays rather than objects, and each
/// message is stored once (`texts`): with 20,000 tenants, field names repeated in every row
/// would be most of the page.
#[derive(Serialize)]
struct Data {
    /// `[tenant, files_scanned, files_with_findings, findings, fixable, fixed, errors,
    /// skipped]`, as the tenants CSV, without its trailing zeros ([`TenantCells`]).
    tenants: Vec<TenantCells>,
    /// `[path, tenant, details]`: `details` numbers the file's `<details id="file-N">`, or is
    /// `null` when its details were left out.
    files: Vec<(String, String, Option<usize>)>,
    findings: Vec<FindingCells>,
    /// `[file, reason, message]`: errors (`error`) and skipped files (`binary`, ...).
    problems: Vec<(usize, &'static str, usize)>,
    texts: Vec<String>,
}

/// A finding's row: `[file, line, column, severity, rule, kind, fix, message]`; `file`
/// indexes [`Data::files`], `message` [`Data::texts`].
type FindingCells = (
    usize,
    usize,
    usize,
    &'static str,
    String,
    &'static str,
    String,
    usize,
);

impl Data {
    fn of(run: &Run, anchors: &HashMap<usize, usize>) -> Data {
        let mut data = Data {
            tenants: run.tenants.iter().map(tenant_row).collect(),
            files: Vec::new(),
            findings: Vec::new(),
            problems: Vec::new(),
            texts: Vec::new(),
        };
        let mut texts: HashMap<String, usize> = HashMap::new();
        let mut intern = |texts_out: &mut Vec<String>, text: String| {
            *texts.entry(text).or_insert_with_key(|text| {
                texts_out.push(text.clone());
                texts_out.len() - 1
            })
        };
        for (index, report) in run.reports.iter().enumerate() {
            if report.findings.is_empty() && report.error.is_none() && report.skipped.is_none() {
                continue;
            }
            let file = data.files.len();
            data.files.push((
                visible::path(&report.path),
                tenant_name(report),
                anchors.get(&index).copied(),
            ));
            for located in &report.findings {
                let finding = &located.finding;
                let message = intern(&mut data.texts, visible::text(&finding.message).into());
                data.findings.push((
                    file,
                    located.line,
                    located.column,
                    severity(finding.severity),
                    visible::text(&finding.rule).into_owned(),
                    finding.kind.as_str(),
                    fix_cell(run.fix, report, located),
                    message,
                ));
            }
            if let Some(error) = &report.error {
                let message = intern(&mut data.texts, visible::text(&error.message).into());
                data.problems.push((file, "error", message));
            }
            if let Some(skip) = &report.skipped {
                let (reason, why) = skip_reason(skip, run.max_filesize);
                let message = intern(&mut data.texts, why);
                data.problems.push((file, reason, message));
            }
        }
        data
    }
}

/// A tenant's row for the script. Nearly every tenant of a hosting run is clean (files
/// scanned, then zeros), so the zeros at its end are left out and read as 0: that halves the
/// data of a 20,000-tenant page.
struct TenantCells {
    name: String,
    counts: [usize; 7],
}

impl Serialize for TenantCells {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeSeq;
        let kept = self
            .counts
            .iter()
            .rposition(|&count| count != 0)
            .map_or(0, |last| last + 1);
        let mut seq = serializer.serialize_seq(Some(1 + kept))?;
        seq.serialize_element(&self.name)?;
        for count in &self.counts[..kept] {
            seq.serialize_element(count)?;
        }
        seq.end()
    }
}

fn tenant_row(row: &TenantRow) -> TenantCells {
    TenantCells {
        name: visible::text(&row.tenant).into_owned(),
        counts: row.counts(),
    }
}

fn tenant_name(report: &FileReport) -> String {
    visible::text(
        report
            .tenant
            .as_deref()
            .unwrap_or(super::tenants::STDIN_TENANT),
    )
    .into_owned()
}

fn severity(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

/// What became of a finding's fix: its standing for `check`; for `fix`, whether the change
/// fixes it.
fn fix_cell(fix: Option<&FixOutcome>, report: &FileReport, located: &Located) -> String {
    let Some(fix) = fix else {
        return fix_status(located);
    };
    match report.change.as_ref().is_some_and(|c| c.fixes(located)) {
        true if fix.wrote => "fixed".into(),
        true => "would fix".into(),
        false => format!("not fixed ({})", fix_status(located)),
    }
}

/// The embedded per-file details: their section's markup and, by report index, the number of
/// each file's `<details>`.
struct Details {
    section: String,
    anchors: HashMap<usize, usize>,
}

impl Details {
    fn of(run: &Run) -> Details {
        let mut names = PatchBases::new();
        let mut html = String::new();
        let mut anchors = HashMap::new();
        let with_findings: Vec<(usize, &FileReport)> = run
            .reports
            .iter()
            .enumerate()
            .filter(|(_, report)| !report.findings.is_empty() || report.change.is_some())
            .collect();
        // Few files: open them all, the page is short; many: let the reader pick.
        let open = with_findings.len() <= 20;
        for &(index, report) in &with_findings {
            if anchors.len() == DETAIL_FILES || html.len() >= DETAIL_BYTES {
                break;
            }
            let anchor = anchors.len();
            file_details(&mut html, run, report, anchor, open, &mut names);
            anchors.insert(index, anchor);
        }
        let mut section = String::new();
        if !with_findings.is_empty() {
            section.push_str("<section id=\"details\">\n<h2>Details by file</h2>\n");
            section.push_str(&html);
            let left = with_findings.len() - anchors.len();
            if left > 0 {
                let _ = writeln!(
                    section,
                    "<p class=\"capped\" id=\"details-capped\" data-left=\"{left}\">The details \
                     of {left} more file(s) with findings are left out to keep this page small \
                     (at most {DETAIL_FILES} files or {} KiB of details): the findings table \
                     lists every finding, and the JSON report (<code>--output \
                     json=FILE.json</code>) or the text report has them in full.</p>",
                    DETAIL_BYTES / 1024
                );
            }
            section.push_str("</section>\n");
        }
        Details { section, anchors }
    }
}

/// One file's `<details>`: its findings with their source lines and fixes, and its diff.
fn file_details(
    html: &mut String,
    run: &Run,
    report: &FileReport,
    anchor: usize,
    open: bool,
    names: &mut PatchBases,
) {
    let count = report.findings.len();
    let _ = write!(
        html,
        "<details class=\"file\" id=\"file-{anchor}\"{}><summary><span class=\"path\">{}</span>\
         <span class=\"tag\">{count} finding{}</span><span class=\"tag\">tenant {}</span>",
        if open { " open" } else { "" },
        escape(&visible::path(&report.path)),
        if count == 1 { "" } else { "s" },
        escape(&tenant_name(report)),
    );
    if let (Some(fix), Some(_)) = (run.fix, &report.change) {
        let _ = write!(
            html,
            "<span class=\"tag\">{}</span>",
            if fix.wrote { "fixed" } else { "would change" }
        );
    }
    html.push_str("</summary>\n<div>\n<ol class=\"findings\">\n");
    for located in report.findings.iter().take(FINDINGS_PER_FILE) {
        finding(html, run, report, located);
    }
    html.push_str("</ol>\n");
    if count > FINDINGS_PER_FILE {
        let _ = writeln!(
            html,
            "<p class=\"hint\">and {} more findings: the findings table lists them.</p>",
            count - FINDINGS_PER_FILE
        );
    }
    if let Some(change) = &report.change {
        let verb = match run.fix.is_some_and(|fix| fix.wrote) {
            true => "The change written",
            false => "The change <code>fix --write</code> would make",
        };
        let _ = writeln!(html, "<p>{verb}:</p>");
        diff_block(
            html,
            &diff::plain_text(&names.shown_name(&report.path), change),
        );
    }
    html.push_str("</div>\n</details>\n");
}

/// One finding: where, what, its source line with the finding marked, and its fix.
fn finding(html: &mut String, run: &Run, report: &FileReport, located: &Located) {
    let finding = &located.finding;
    let level = severity(finding.severity);
    let _ = writeln!(
        html,
        "<li class=\"finding\"><p><span class=\"where\">{}:{}</span> \
         <span class=\"sev-{level}\">{level}[{}]</span> <span class=\"message\">{}</span> \
         <span class=\"hint\">[{}, {}]</span></p>",
        located.line,
        located.column,
        shown(&finding.rule),
        shown(&finding.message),
        finding.kind.as_str(),
        shown(&fix_status(located)),
    );
    source_line(html, located);
    let fixed = report
        .change
        .as_ref()
        .is_some_and(|change| change.fixes(located));
    match (run.fix, fixed) {
        (Some(fix), true) => {
            let verb = if fix.wrote { "Fixed" } else { "Would be fixed" };
            let _ = writeln!(html, "<p class=\"hint\">{verb}: see the diff below.</p>");
        }
        _ => edits(html, located),
    }
    html.push_str("</li>\n");
}

/// The finding's line as decoded, its span in `<mark>`.
fn source_line(html: &mut String, located: &Located) {
    let chars: Vec<char> = located.source_line.chars().collect();
    let start = located.line_span.start.min(chars.len());
    let end = located.line_span.end.clamp(start, chars.len());
    let part = |range: std::ops::Range<usize>| shown(&chars[range].iter().collect::<String>());
    let _ = writeln!(
        html,
        "<pre class=\"source\"><span class=\"ln\">{}</span>{}<mark>{}</mark>{}</pre>",
        located.line,
        part(0..start),
        part(start..end),
        part(end..chars.len()),
    );
}

/// A finding's fix as its edits, by line and column of the page as read: what `check` can
/// show without a diff.
fn edits(html: &mut String, located: &Located) {
    if located.finding.applicability == Applicability::None || located.edits.is_empty() {
        return;
    }
    let mut edits: Vec<&LocatedEdit> = located.edits.iter().collect();
    edits.sort_by_key(|e| (e.line, e.column, e.end_line, e.end_column));
    html.push_str("<p>The fix:</p>\n<ul class=\"edits\">\n");
    for edit in edits {
        let place = match (edit.line, edit.column) == (edit.end_line, edit.end_column) {
            true => format!("{}:{}", edit.line, edit.column),
            false => format!(
                "{}:{}\u{2013}{}:{}",
                edit.line, edit.column, edit.end_line, edit.end_column
            ),
        };
        let removed = removed_text(located, edit);
        let action = match (removed, edit.replacement.is_empty()) {
            (None, true) if place.contains('\u{2013}') => "remove".to_string(),
            (None, true) => "nothing".to_string(),
            (Some(old), true) => format!("remove <q>{}</q>", shown(&old)),
            (None, false) if !place.contains('\u{2013}') => {
                format!("insert <q>{}</q>", shown(&edit.replacement))
            }
            (None, false) => format!("replace with <q>{}</q>", shown(&edit.replacement)),
            (Some(old), false) => format!(
                "replace <q>{}</q> with <q>{}</q>",
                shown(&old),
                shown(&edit.replacement)
            ),
        };
        let _ = writeln!(
            html,
            "<li><span class=\"where\">{place}</span> {action}</li>"
        );
    }
    html.push_str("</ul>\n");
}

/// The text an edit removes, when it lies on the finding's line and that line was kept whole
/// (a long line keeps only a window around the finding, whose columns are not the line's).
fn removed_text(located: &Located, edit: &LocatedEdit) -> Option<String> {
    let whole = located.column == located.line_span.start + 1
        && !located
            .source_line
            .starts_with(crate::scan::locate::CLIPPED)
        && !located.source_line.ends_with(crate::scan::locate::CLIPPED);
    let on_line = edit.line == located.line && edit.end_line == located.line;
    if !whole || !on_line || edit.end_column <= edit.column {
        return None;
    }
    let text: String = located
        .source_line
        .chars()
        .skip(edit.column - 1)
        .take(edit.end_column - edit.column)
        .collect();
    (text.chars().count() == edit.end_column - edit.column).then_some(text)
}

/// A decoded diff, each line classed by its first character, at most [`DIFF_LINES`] lines.
fn diff_block(html: &mut String, diff: &str) {
    html.push_str("<pre class=\"diff\">");
    let total = diff.lines().count();
    for line in diff.lines().take(DIFF_LINES) {
        let class = match line.as_bytes().first() {
            _ if line.starts_with("--- ") || line.starts_with("+++ ") => "head",
            Some(b'@') => "hunk",
            Some(b'-') => "del",
            Some(b'+') => "add",
            _ => "ctx",
        };
        let _ = writeln!(html, "<span class=\"{class}\">{}</span>", shown(line));
    }
    html.push_str("</pre>\n");
    if total > DIFF_LINES {
        let _ = writeln!(
            html,
            "<p class=\"hint\">and {} more lines: <code>kspay-migrate fix</code> or \
             <code>--patch</code> shows the whole diff.</p>",
            total - DIFF_LINES
        );
    }
}

/// Tenant text for the page: control and bidi characters as escapes, then HTML-escaped.
fn shown(text: &str) -> String {
    escape(&visible::text(text)).into_owned()
}

/// `text` with the characters that mean something in HTML markup or a quoted attribute as
/// character references.
pub fn escape(text: &str) -> Cow<'_, str> {
    if !text.contains(['&', '<', '>', '"', '\'']) {
        return Cow::Borrowed(text);
    }
    let mut escaped = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            '\'' => escaped.push_str("&#39;"),
            c => escaped.push(c),
        }
    }
    Cow::Owned(escaped)
}

/// `value` as JSON to go between `<script type="application/json">` and `</script>`. Inside a
/// script element the HTML parser looks for `</script` and, after `<!--`, for `<script`: with
/// every `<` (and `>`, `&`) written as a `\u` escape, which JSON reads as the same character,
/// no string in the data can end the element early or keep it from ending.
pub fn script_json(value: &impl Serialize) -> io::Result<String> {
    let json = serde_json::to_string(value)?;
    let mut escaped = String::with_capacity(json.len() + json.len() / 16);
    for c in json.chars() {
        match c {
            '<' => escaped.push_str("\\u003c"),
            '>' => escaped.push_str("\\u003e"),
            '&' => escaped.push_str("\\u0026"),
            c => escaped.push(c),
        }
    }
    Ok(escaped)
}

/// Standard base64 with padding, as CSP hash sources are written.
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut encoded = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let group = chunk.iter().enumerate().fold(0u32, |group, (i, &byte)| {
            group | u32::from(byte) << (16 - 8 * i)
        });
        for i in 0..4 {
            match i <= chunk.len() {
                true => encoded.push(char::from(ALPHABET[(group >> (18 - 6 * i)) as usize & 63])),
                false => encoded.push('='),
            }
        }
    }
    encoded
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_characters_become_references() {
        assert_eq!(
            escape("<img src=x onerror='a()'> & \"제주\""),
            "&lt;img src=x onerror=&#39;a()&#39;&gt; &amp; &quot;제주&quot;"
        );
        assert!(matches!(escape("제주카드, 삼성"), Cow::Borrowed(_)));
        // Control and bidi characters show as escapes, as on a terminal.
        assert_eq!(shown("a\u{202e}<b>\x1b"), "a&lt;U+202E&gt;&lt;b&gt;\\x1b");
    }

    #[test]
    fn json_in_a_script_element_cannot_end_it_or_open_a_comment() {
        let hostile = [
            "</script><img src=x onerror=alert(1)>",
            "<!--<script>",
            "a&b",
        ];
        let json = script_json(&hostile).unwrap();
        assert!(
            !json.contains('<') && !json.contains('>') && !json.contains('&'),
            "{json}"
        );
        let back: Vec<String> = serde_json::from_str(&json).unwrap();
        assert_eq!(back, hostile);
    }

    #[test]
    fn a_tenants_trailing_zeros_are_left_out() {
        let row = |[
            files_scanned,
            files_with_findings,
            findings,
            fixable,
            fixed,
            errors,
            skipped,
        ]: [usize; 7]| TenantRow {
            tenant: "/home/<a>".into(),
            files_scanned,
            files_with_findings,
            findings,
            fixable,
            fixed,
            errors,
            skipped,
        };
        let clean = script_json(&tenant_row(&row([3, 0, 0, 0, 0, 0, 0]))).unwrap();
        assert_eq!(clean, r#"["/home/\u003ca\u003e",3]"#);
        let skipped = script_json(&tenant_row(&row([0, 0, 0, 0, 0, 0, 2]))).unwrap();
        assert_eq!(skipped, r#"["/home/\u003ca\u003e",0,0,0,0,0,0,2]"#);
        let empty = script_json(&tenant_row(&row([0; 7]))).unwrap();
        assert_eq!(empty, r#"["/home/\u003ca\u003e"]"#);
    }

    #[test]
    fn base64_matches_the_standard_alphabet_and_padding() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foobar"), "Zm9vYmFy");
        assert_eq!(
            base64(&Sha256::digest(b"")),
            "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="
        );
    }

    #[test]
    fn the_script_and_style_cannot_end_their_elements() {
        // The page embeds them raw: a `</script` or `</style` in them would end the element.
        assert!(!SCRIPT.to_ascii_lowercase().contains("</script"));
        assert!(!SCRIPT.contains("<!--"));
        assert!(!STYLE.to_ascii_lowercase().contains("</style"));
        // The browser hashes the element's text after turning CR LF into LF: a checkout with
        // CRLF line ends would make the policy block the page's own script and style.
        assert!(!SCRIPT.contains('\r') && !STYLE.contains('\r'));
    }

    #[test]
    fn the_policy_forbids_every_load_and_names_the_scripts_hash() {
        let policy = content_security_policy();
        assert!(policy.starts_with("default-src 'none'; script-src 'sha256-"));
        assert!(!policy.contains("unsafe"));
        assert!(policy.contains(&base64(&Sha256::digest(SCRIPT.as_bytes()))));
    }
}
