//! Joining JSON reports into one run: the shards of a run split with `--shard K/N`, or the
//! reports of many hosts. A JSON report carries everything the other formats show, so the
//! joined run renders in any format as one run over the whole tree would (minus its timing,
//! and in path order where the run would follow its PATHs' order).

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::baseline::Comparison;
use super::json::{Document, JsonFinding, RunSettings};
use super::tenants::{self, TenantRow};
use super::{FixOutcome, Level, Note, Summary};
use crate::diagnostics::{
    Change, FileError, FileReport, Finding, Located, LocatedEdit, Suppressed, Suppression,
};
use crate::source::tenant::Shard;

/// One run made of several reports.
#[derive(Debug)]
pub struct Merged {
    /// The settings every report shares (`shard` is `None`: the joined run is whole).
    pub settings: RunSettings,
    pub config: Option<PathBuf>,
    pub reports: Vec<FileReport>,
    pub summary: Summary,
    pub tenants: Vec<TenantRow>,
    pub fix: Option<FixOutcome>,
    pub baseline: Option<Comparison>,
    /// What the joining found worth saying (shards missing).
    pub remarks: Vec<Note>,
}

/// Joins reports, each named by the file it came from (for messages). Refuses reports of
/// different runs (settings that differ), a shard given twice, shards of different splits,
/// and a file two reports both name.
pub fn merge(documents: Vec<(PathBuf, Document)>) -> Result<Merged, String> {
    let Some((first_name, first)) = documents.first() else {
        return Err("no report to merge".into());
    };
    let settings = RunSettings {
        shard: None,
        ..first.run.clone()
    };
    for (name, document) in &documents[1..] {
        same_run(first_name, &first.run, name, &document.run)?;
    }
    given_once(&documents)?;
    let remarks = check_shards(&documents)?;

    let mut files = Files::default();
    let mut summary = Summary::default();
    let mut fix: Option<FixOutcome> = None;
    let mut baseline: Option<Comparison> = None;
    let mut config = None;
    let mut rows = Vec::new();
    for (name, document) in documents {
        files.add(&name, &document)?;
        summary.add(&document.summary);
        rows.extend(document.tenants);
        config = config.or(document.config.map(PathBuf::from));
        if let Some(shard_fix) = document.fix {
            let joined = fix.get_or_insert(FixOutcome {
                wrote: shard_fix.wrote,
                dry_run: shard_fix.dry_run,
                ..FixOutcome::default()
            });
            joined.wrote &= shard_fix.wrote;
            joined.dry_run &= shard_fix.dry_run;
            joined.changed_files += shard_fix.changed_files;
            joined.fixed_findings += shard_fix.fixed_findings;
        }
        if let Some(shard_baseline) = document.baseline {
            // Each shard reports the stale entries of the files it scanned: together, all.
            let (mut stale, matched, names) = match baseline.take() {
                Some(joined) => (
                    joined.stale.clone(),
                    joined.matched,
                    joined.names_a_scanned_file(),
                ),
                None => (Vec::new(), 0, false),
            };
            stale.extend(shard_baseline.stale);
            baseline = Some(Comparison::recorded(
                PathBuf::from(shard_baseline.path),
                matched + shard_baseline.matched,
                stale,
                shard_baseline.entries,
                names || shard_baseline.names_a_scanned_file,
                shard_baseline.paths_from,
            ));
        }
    }
    if let Some(baseline) = &mut baseline {
        baseline.stale.sort_by(|a, b| {
            (&a.path, a.line, &a.fingerprint).cmp(&(&b.path, b.line, &b.fingerprint))
        });
    }
    Ok(Merged {
        settings,
        config,
        reports: files.into_reports(),
        summary,
        tenants: tenants::combine(&rows),
        fix,
        baseline,
        remarks,
    })
}

/// Refuses a report given twice (its findings would count twice): the same file, however
/// it is named.
fn given_once(documents: &[(PathBuf, Document)]) -> Result<(), String> {
    let mut seen: HashMap<PathBuf, &Path> = HashMap::new();
    for (name, _) in documents {
        let Ok(real) = std::fs::canonicalize(name) else {
            continue; // stdin, or a report read and then removed: nothing to compare
        };
        if let Some(earlier) = seen.insert(real, name) {
            return Err(format!(
                "{}: is also given as {}; give each report once",
                name.display(),
                earlier.display()
            ));
        }
    }
    Ok(())
}

/// Refuses a report whose run was made with other settings than the first's.
fn same_run(
    first_name: &Path,
    first: &RunSettings,
    name: &Path,
    run: &RunSettings,
) -> Result<(), String> {
    let differs = |what: &str, theirs: String, ours: String| {
        Err(format!(
            "{}: made with {what} {theirs}, but {} with {ours}; merge joins the reports of one run (its shards, or the same command on many hosts)",
            name.display(),
            first_name.display()
        ))
    };
    if run.command != first.command {
        return differs(
            "`kspay-migrate",
            format!("{}`", run.command),
            format!("`{}`", first.command),
        );
    }
    let mut rules = run.rules.clone();
    let mut first_rules = first.rules.clone();
    rules.sort();
    first_rules.sort();
    if rules != first_rules {
        return differs("rules", rules.join(","), first_rules.join(","));
    }
    if run.unsafe_fixes != first.unsafe_fixes {
        return differs(
            "--unsafe-fixes",
            run.unsafe_fixes.to_string(),
            first.unsafe_fixes.to_string(),
        );
    }
    if run.max_filesize != first.max_filesize {
        return differs(
            "--max-filesize",
            run.max_filesize.to_string(),
            first.max_filesize.to_string(),
        );
    }
    if run.tenant_depth != first.tenant_depth {
        return differs(
            "--tenant-depth",
            run.tenant_depth.to_string(),
            first.tenant_depth.to_string(),
        );
    }
    if run.shard.is_some() != first.shard.is_some() {
        return differs(
            "--shard",
            run.shard.clone().unwrap_or_else(|| "none".into()),
            first.shard.clone().unwrap_or_else(|| "none".into()),
        );
    }
    Ok(())
}

/// How many missing shards the warning names.
const MISSING_NAMED: usize = 10;

/// Checks the shards: one split (the same N), each part once. A part missing is not an error
/// (a host may be down), but the joined run says which tenants it lacks.
fn check_shards(documents: &[(PathBuf, Document)]) -> Result<Vec<Note>, String> {
    let mut seen: HashMap<u64, &Path> = HashMap::new();
    let mut count = None;
    for (name, document) in documents {
        let Some(shard) = &document.run.shard else {
            continue;
        };
        let parsed = Shard::parse(shard).map_err(|e| format!("{}: {e}", name.display()))?;
        let (index, of) = (parsed.index(), parsed.count());
        match count {
            Some(n) if n != of => {
                return Err(format!(
                    "{}: shard {shard} is of a split into {of}, the others into {n}; merge the shards of one split",
                    name.display()
                ));
            }
            _ => count = Some(of),
        }
        if let Some(earlier) = seen.insert(index, name) {
            return Err(format!(
                "{}: shard {shard} is also {}; give each shard once",
                name.display(),
                earlier.display()
            ));
        }
    }
    let Some(count) = count else {
        return Ok(Vec::new());
    };
    let absent = count - seen.len() as u64;
    // A split into very many shards would make a very long list: the first few say enough.
    let mut missing: Vec<String> = (1..=count)
        .filter(|k| !seen.contains_key(k))
        .take(MISSING_NAMED)
        .map(|k| format!("{k}/{count}"))
        .collect();
    if absent > MISSING_NAMED as u64 {
        missing.push(format!("and {} more", absent - MISSING_NAMED as u64));
    }
    Ok(match missing.is_empty() {
        true => Vec::new(),
        false => vec![Note {
            level: Level::Warning,
            message: format!(
                "the merged reports lack shard{} {}: the tenants of {} were not scanned",
                if absent == 1 { "" } else { "s" },
                missing.join(", "),
                if absent == 1 { "it" } else { "them" }
            ),
        }],
    })
}

/// The file reports being rebuilt, by path.
#[derive(Default)]
struct Files {
    reports: Vec<FileReport>,
    by_path: HashMap<String, usize>,
    /// Which report first named each path, to refuse a file two reports both name.
    named_by: HashMap<String, PathBuf>,
}

impl Files {
    /// The report of `path`, made on first use; a path another report named is refused.
    fn report(
        &mut self,
        source: &Path,
        path: &str,
        tenant: Option<&str>,
    ) -> Result<&mut FileReport, String> {
        if let Some(earlier) = self.named_by.get(path)
            && earlier != source
        {
            return Err(format!(
                "{}: names {path}, which {} names too; were the reports made over overlapping trees?",
                source.display(),
                earlier.display()
            ));
        }
        let index = match self.by_path.get(path) {
            Some(&index) => index,
            None => {
                let mut report = FileReport::new(Path::new(path));
                report.tenant = tenant.map(str::to_string);
                self.reports.push(report);
                self.by_path
                    .insert(path.to_string(), self.reports.len() - 1);
                self.named_by.insert(path.to_string(), source.to_path_buf());
                self.reports.len() - 1
            }
        };
        Ok(&mut self.reports[index])
    }

    /// Adds everything one report says about its files.
    fn add(&mut self, source: &Path, document: &Document) -> Result<(), String> {
        let mut fixed: HashMap<&str, Vec<String>> = HashMap::new();
        for finding in &document.findings {
            if finding.fixed {
                fixed
                    .entry(&finding.path)
                    .or_default()
                    .push(finding.fingerprint.to_string());
            }
            self.report(source, &finding.path, finding.tenant.as_deref())?
                .findings
                .push(located(source, finding)?);
        }
        for silenced in &document.suppressed {
            let finding = &silenced.finding;
            self.report(source, &finding.path, finding.tenant.as_deref())?
                .suppressed
                .push(Suppressed {
                    located: located(source, finding)?,
                    suppression: Suppression {
                        reason: silenced.reason.as_deref().map(str::to_string),
                        line: silenced.directive_line,
                    },
                });
        }
        for accepted in &document.baselined {
            self.report(source, &accepted.path, accepted.tenant.as_deref())?
                .baselined
                .push(located(source, accepted)?);
        }
        for error in &document.errors {
            self.report(source, &error.path, error.tenant.as_deref())?
                .error = Some(FileError::new(error.kind, error.message.to_string()));
        }
        for skipped in &document.skipped {
            let skip = skipped.skip().ok_or_else(|| {
                format!(
                    "{}: {}: skipped for a reason this version does not know ({:?})",
                    source.display(),
                    skipped.path,
                    skipped.reason
                )
            })?;
            self.report(source, &skipped.path, skipped.tenant.as_deref())?
                .skipped = Some(skip);
        }
        for change in &document.changes {
            let fingerprints = fixed.remove(&*change.path).unwrap_or_default();
            self.report(source, &change.path, change.tenant.as_deref())?
                .change = Some(Change::recorded(change.diff.clone(), fingerprints));
        }
        Ok(())
    }

    /// The reports in path order (folder by folder, names compared as bytes, as the walk
    /// goes), stable for reports of one path.
    fn into_reports(mut self) -> Vec<FileReport> {
        self.reports.sort_by(|a, b| a.path.cmp(&b.path));
        self.reports
    }
}

/// A finding as a report gave it. The byte spans and edits of the decoded page are not in the
/// report; nothing that renders a run reads them. Places are checked, since every format
/// counts on them (1-based lines and columns, the span inside its line).
fn located(source: &Path, finding: &JsonFinding) -> Result<Located, String> {
    let places = std::iter::once((
        finding.line,
        finding.column,
        finding.end_line,
        finding.end_column,
    ))
    .chain(
        finding
            .edits
            .iter()
            .map(|e| (e.line, e.column, e.end_line, e.end_column)),
    );
    let span = &finding.source;
    let in_line = span.start <= span.end && span.end <= span.text.chars().count();
    if !in_line
        || places
            .clone()
            .any(|(l, c, el, ec)| l == 0 || c == 0 || el == 0 || ec == 0)
    {
        return Err(format!(
            "{}: {}:{}: a finding whose place is not one a report can hold (lines and columns start at 1, the span lies in its line)",
            source.display(),
            finding.path,
            finding.line
        ));
    }
    Ok(Located {
        finding: Finding {
            rule: finding.rule.to_string(),
            span: 0..0,
            kind: finding.kind,
            severity: finding.severity,
            message: finding.message.to_string(),
            applicability: finding.fix,
            edits: Vec::new(),
        },
        line: finding.line,
        column: finding.column,
        end_line: finding.end_line,
        end_column: finding.end_column,
        source_line: finding.source.text.to_string(),
        line_span: finding.source.start..finding.source.end,
        edits: finding
            .edits
            .iter()
            .map(|edit| LocatedEdit {
                line: edit.line,
                column: edit.column,
                end_line: edit.end_line,
                end_column: edit.end_column,
                replacement: edit.replacement.to_string(),
            })
            .collect(),
        fingerprint: finding.fingerprint.to_string(),
        fix_dropped: finding.fix_dropped.as_deref().map(str::to_string),
    })
}
