//! Per-tenant counts: what a hosting company reads to know which tenants have stale pages.
//! [`table`] counts a run's reports by tenant; [`write_csv`] writes the rows as
//! `--output tenants=FILE.csv` gives them; the JSON report carries the same rows, so `merge`
//! adds up shards' rows without the files.

use std::collections::BTreeMap;
use std::collections::HashMap;
use std::io::{self, Write};

use serde::{Deserialize, Serialize};

use crate::diagnostics::FileReport;

/// How reports name the tenant of a page read from stdin.
pub const STDIN_TENANT: &str = "-";

/// One tenant's counts over a run.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TenantRow {
    pub tenant: String,
    pub files_scanned: usize,
    pub files_with_findings: usize,
    pub findings: usize,
    /// Findings whose fix `fix` applies (with `--unsafe-fixes`, unsafe ones too).
    pub fixable: usize,
    /// Findings fixed in files the run wrote.
    pub fixed: usize,
    pub errors: usize,
    pub skipped: usize,
}

impl TenantRow {
    /// The counts in the order the CSV's and the HTML table's columns give them.
    pub fn counts(&self) -> [usize; 7] {
        [
            self.files_scanned,
            self.files_with_findings,
            self.findings,
            self.fixable,
            self.fixed,
            self.errors,
            self.skipped,
        ]
    }

    /// Adds another count of the same tenant (a shard's, in `merge`).
    pub fn add(&mut self, other: &TenantRow) {
        self.files_scanned += other.files_scanned;
        self.files_with_findings += other.files_with_findings;
        self.findings += other.findings;
        self.fixable += other.fixable;
        self.fixed += other.fixed;
        self.errors += other.errors;
        self.skipped += other.skipped;
    }

    /// Whether the tenant had pages that list the card under the scheme it left, or (after
    /// `fix --write`, `written`) still has.
    pub fn is_stale(&self, written: bool) -> bool {
        match written {
            true => self.findings > self.fixed,
            false => self.findings > 0,
        }
    }
}

/// The run's rows, one per tenant, in tenant order. `clean_files` counts, by tenant, the clean
/// files the run did not keep a report of; `wrote` says whether the run's changes were written
/// (only then do they count as fixed).
pub fn table(
    reports: &[FileReport],
    clean_files: &HashMap<String, usize>,
    unsafe_fixes: bool,
    wrote: bool,
) -> Vec<TenantRow> {
    let mut rows: BTreeMap<&str, TenantRow> = BTreeMap::new();
    for (tenant, count) in clean_files {
        rows.entry(tenant).or_default().files_scanned += count;
    }
    for report in reports {
        let row = rows
            .entry(report.tenant.as_deref().unwrap_or(STDIN_TENANT))
            .or_default();
        if report.error.is_some() {
            row.errors += 1;
        }
        if report.skipped.is_some() {
            row.skipped += 1;
        } else if report.error.is_none() {
            row.files_scanned += 1;
        }
        if !report.findings.is_empty() {
            row.files_with_findings += 1;
        }
        row.findings += report.findings.len();
        row.fixable += report
            .findings
            .iter()
            .filter(|f| f.finding.applicability.applies(unsafe_fixes) && f.fix_dropped.is_none())
            .count();
        if let (true, Some(change)) = (wrote, &report.change) {
            row.fixed += report.findings.iter().filter(|f| change.fixes(f)).count();
        }
    }
    rows.into_iter()
        .map(|(tenant, row)| TenantRow {
            tenant: tenant.to_string(),
            ..row
        })
        .collect()
}

/// Adds up rows of disjoint runs (shards) by tenant, in tenant order.
pub fn combine<'r>(rows: impl IntoIterator<Item = &'r TenantRow>) -> Vec<TenantRow> {
    let mut combined: BTreeMap<&str, TenantRow> = BTreeMap::new();
    for row in rows {
        combined
            .entry(&row.tenant)
            .or_insert_with(|| TenantRow {
                tenant: row.tenant.clone(),
                ..TenantRow::default()
            })
            .add(row);
    }
    combined.into_values().collect()
}

/// The closing line's tenant count: `37 of 4,812 tenants have stale pages` (after `fix
/// --write`, `written`: `still have`).
pub fn stale_line(rows: &[TenantRow], written: bool) -> String {
    let stale = rows.iter().filter(|row| row.is_stale(written)).count();
    let verb = match (stale == 1, written) {
        (true, false) => "has",
        (false, false) => "have",
        (true, true) => "still has",
        (false, true) => "still have",
    };
    let noun = if rows.len() == 1 { "tenant" } else { "tenants" };
    format!(
        "{} of {} {noun} {verb} stale pages",
        thousands(stale),
        thousands(rows.len())
    )
}

/// A count with commas between thousands, as the summary line shows it.
fn thousands(count: usize) -> String {
    let digits = count.to_string();
    let mut shown = String::new();
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            shown.push(',');
        }
        shown.push(digit);
    }
    shown
}

/// The CSV header, as spreadsheets show it.
const HEADER: [&str; 8] = [
    "tenant",
    "files_scanned",
    "files_with_findings",
    "findings",
    "fixable",
    "fixed",
    "errors",
    "skipped",
];

/// Writes one row per tenant as CSV (RFC 4180). A tenant's name is its folder's, which the
/// tenant chose: one that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR at
/// its start) gets a `'` before it, as OWASP advises for CSV exports.
pub fn write_csv(out: &mut (impl Write + ?Sized), rows: &[TenantRow]) -> io::Result<()> {
    let mut csv = csv::Writer::from_writer(out);
    csv.write_record(HEADER)?;
    for row in rows {
        let mut record = vec![defuse_formula(&row.tenant)];
        record.extend(row.counts().iter().map(usize::to_string));
        csv.write_record(&record)?;
    }
    csv.flush()
}

/// The tenant's name as a spreadsheet cell that cannot start a formula.
fn defuse_formula(name: &str) -> String {
    match name.starts_with(['=', '+', '-', '@', '\t', '\r']) && name != STDIN_TENANT {
        true => format!("'{name}"),
        false => name.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(tenant: &str, findings: usize) -> TenantRow {
        TenantRow {
            tenant: tenant.into(),
            files_scanned: 3,
            findings,
            files_with_findings: usize::from(findings > 0),
            ..TenantRow::default()
        }
    }

    #[test]
    fn the_summary_line_counts_stale_tenants_with_thousands_marked() {
        let mut rows: Vec<TenantRow> = (0..4812).map(|i| row(&format!("t{i}"), 0)).collect();
        for row in rows.iter_mut().take(37) {
            row.findings = 2;
        }
        assert_eq!(
            stale_line(&rows, false),
            "37 of 4,812 tenants have stale pages"
        );
        assert_eq!(
            stale_line(&rows[..1], false),
            "1 of 1 tenant has stale pages"
        );
        rows[0].fixed = 2;
        assert_eq!(
            stale_line(&rows, true),
            "36 of 4,812 tenants still have stale pages"
        );
        assert_eq!(thousands(1_000_000), "1,000,000");
        assert_eq!(thousands(999), "999");
    }

    #[test]
    fn csv_quotes_names_and_defuses_formulas() {
        let rows = [
            row("/home/a,b", 1),
            row("/home/=cmd|' /C calc'!A0", 0),
            row("/home/\"q\"\nx", 0),
        ];
        let mut out = Vec::new();
        write_csv(&mut out, &rows).unwrap();
        let text = String::from_utf8(out).unwrap();
        let mut lines = text.lines();
        assert_eq!(
            lines.next(),
            Some("tenant,files_scanned,files_with_findings,findings,fixable,fixed,errors,skipped")
        );
        assert_eq!(lines.next(), Some("\"/home/a,b\",3,1,1,0,0,0,0"));
        // Only a name starting with a formula character is changed.
        assert!(text.contains("/home/=cmd|' /C calc'!A0,3,0,0,"), "{text}");
        assert_eq!(defuse_formula("=1+1"), "'=1+1");
        assert_eq!(defuse_formula("-x"), "'-x");
        assert!(text.contains("\"/home/\"\"q\"\"\nx\""), "{text}");
    }

    #[test]
    fn combining_adds_each_tenants_counts() {
        let combined = combine(&[row("b", 1), row("a", 0), row("b", 2)]);
        assert_eq!(combined.len(), 2);
        assert_eq!(combined[0].tenant, "a");
        assert_eq!(combined[1].findings, 3);
        assert_eq!(combined[1].files_scanned, 6);
    }
}
