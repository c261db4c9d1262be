//! The SARIF 2.1.0 report, for code-scanning services (GitHub code scanning, reviewdog).
//!
//! One run: the rules that ran, a result per finding with its fix as SARIF `fixes`, and the
//! files that could not be read as tool notifications. Columns count Unicode code points, as
//! in every report of this tool, and the run says so (`columnKind`).

use std::io::{self, Write};
use std::path::Path;

use serde_json::{Value, json};

use super::{Run, fix_status, notes, skip_reason};
use crate::diagnostics::{
    Applicability, FileError, Located, LocatedEdit, Severity, UNUSED_SUPPRESSION_HELP,
    UNUSED_SUPPRESSION_ID, UNUSED_SUPPRESSION_TITLE,
};
use crate::rules::Rule;
use crate::source::names::portable_path;

/// The schema the output is validated against (its `$id`).
const SCHEMA: &str = "https://raw.githubusercontent.com/oasis-tcs/sarif-spec/master/Schemata/sarif-schema-2.1.0.json";

/// Result locations are relative to the checkout the scan ran in; code scanning resolves this
/// base to the repository's root.
const SOURCE_ROOT: &str = "%SRCROOT%";

/// Names the fingerprint's recipe ([`crate::scan::fingerprint`]); bump it when the recipe changes, so
/// services do not match old alerts against new identities.
const FINGERPRINT_KEY: &str = "kspayMigrate/v1";

/// Writes the whole run as one SARIF log.
pub fn write(out: &mut (impl Write + ?Sized), run: &Run) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &log(run))?;
    writeln!(out)
}

/// The SARIF log of a run.
///
/// Files that could not be read or decoded are error notifications, and the execution is
/// still successful: the tool ran to the end and every other file's results are complete, so
/// a service must not discard them. (A failure of the tool itself, such as a bad rule file,
/// ends the run before any report is written.)
fn log(run: &Run) -> Value {
    let mut results = Vec::new();
    let mut notifications = Vec::new();
    for report in run.reports {
        let uri = artifact_uri(&report.path);
        let tenant = report.tenant.as_deref();
        for located in &report.findings {
            let mut result = result(run.rules, &uri, tenant, located);
            if run.baseline.is_some() {
                result["baselineState"] = json!("new");
            }
            results.push(result);
        }
        // Findings silenced in the page stay in the log as suppressed in source, with the
        // reason written in the comment, as code-scanning services expect.
        for suppressed in &report.suppressed {
            let mut result = result(run.rules, &uri, tenant, &suppressed.located);
            let mut suppression = json!({ "kind": "inSource" });
            if let Some(reason) = &suppressed.suppression.reason {
                suppression["justification"] = json!(reason);
            }
            result["suppressions"] = json!([suppression]);
            results.push(result);
        }
        // Findings the baseline accepts stay in the log, marked, as code-scanning services
        // expect: they show as known rather than disappearing.
        for located in &report.baselined {
            let mut result = result(run.rules, &uri, tenant, located);
            result["baselineState"] = json!("unchanged");
            results.push(result);
        }
        if let Some(FileError { message, .. }) = &report.error {
            notifications.push(notification("error", &uri, message));
        }
        if let Some(skip) = &report.skipped {
            let (_, message) = skip_reason(skip, run.max_filesize);
            notifications.push(notification("note", &uri, &message));
        }
    }
    for note in notes(run) {
        let level = note.level.as_str();
        notifications.push(json!({ "level": level, "message": { "text": note.message } }));
    }
    let mut invocation = json!({ "executionSuccessful": true });
    if !notifications.is_empty() {
        invocation["toolExecutionNotifications"] = Value::Array(notifications);
    }
    json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": driver(run.rules) },
            "invocations": [invocation],
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    })
}

/// The tool and its rules.
fn driver(rules: &[Rule]) -> Value {
    let version = env!("CARGO_PKG_VERSION");
    let mut driver = json!({
        "name": env!("CARGO_PKG_NAME"),
        "version": version,
        "semanticVersion": version,
        "rules": rules
            .iter()
            .map(rule_descriptor)
            .chain([suppression_rule_descriptor()])
            .collect::<Vec<_>>(),
    });
    // Only a page that really exists: Cargo.toml names none yet.
    let homepage = [env!("CARGO_PKG_HOMEPAGE"), env!("CARGO_PKG_REPOSITORY")]
        .into_iter()
        .find(|uri| !uri.is_empty());
    if let Some(uri) = homepage {
        driver["informationUri"] = json!(uri);
    }
    driver
}

/// A rule's metadata: what code scanning shows beside each alert.
fn rule_descriptor(rule: &Rule) -> Value {
    let mut help = rule.explanation.clone();
    if !rule.references.is_empty() {
        help.push_str("\n\nReferences:");
        for reference in &rule.references {
            help.push_str("\n- ");
            help.push_str(reference);
        }
    }
    json!({
        "id": rule.id,
        "name": pascal_case(&rule.id),
        "shortDescription": { "text": rule.title },
        "fullDescription": { "text": rule.explanation },
        "help": { "text": help },
        "defaultConfiguration": { "level": level(rule.severity) },
        "properties": {
            "tags": [rule.card.latin_name, rule.from.name, rule.to.name],
            "card": rule.card.name,
            "from": rule.from.name,
            "to": rule.to.name,
            "references": rule.references,
        },
    })
}

/// The pseudo-rule for suppression comments that suppress nothing or cannot be read.
fn suppression_rule_descriptor() -> Value {
    json!({
        "id": UNUSED_SUPPRESSION_ID,
        "name": pascal_case(UNUSED_SUPPRESSION_ID),
        "shortDescription": { "text": UNUSED_SUPPRESSION_TITLE },
        "help": { "text": UNUSED_SUPPRESSION_HELP },
        "defaultConfiguration": { "level": "warning" },
    })
}

/// SARIF's `name` of a rule is an identifier in PascalCase: `jeju-mpi-to-isp` → `JejuMpiToIsp`.
fn pascal_case(id: &str) -> String {
    id.split('-')
        .flat_map(|word| {
            let mut chars = word.chars();
            chars
                .next()
                .map(|first| first.to_ascii_uppercase())
                .into_iter()
                .chain(chars)
        })
        .collect()
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

/// One finding.
fn result(rules: &[Rule], uri: &str, tenant: Option<&str>, located: &Located) -> Value {
    let finding = &located.finding;
    let mut result = json!({
        "ruleId": finding.rule,
        "level": level(finding.severity),
        "message": {
            "text": format!(
                "{} [{}, {}]",
                finding.message,
                finding.kind.as_str(),
                fix_status(located)
            ),
        },
        "locations": [{ "physicalLocation": physical_location(uri, located) }],
        "partialFingerprints": { FINGERPRINT_KEY: located.fingerprint },
        "properties": {
            "kind": finding.kind.as_str(),
            "applicability": finding.applicability,
        },
    });
    // The pseudo-rule's descriptor follows the rules' in the driver.
    let index = rules
        .iter()
        .position(|rule| rule.id == finding.rule)
        .or((finding.rule == UNUSED_SUPPRESSION_ID).then_some(rules.len()));
    if let Some(index) = index {
        result["ruleIndex"] = json!(index);
    }
    if let Some(tenant) = tenant {
        result["properties"]["tenant"] = json!(tenant);
    }
    // A fix `fix` left out would not hold on this page: it is not offered to apply either.
    if let Some(reason) = &located.fix_dropped {
        result["properties"]["fixDropped"] = json!(reason);
    } else if let Some(fix) = fix(uri, located) {
        result["fixes"] = json!([fix]);
    }
    result
}

/// Where a finding is: its span as the region (with the span's text as the region's snippet, as
/// SARIF defines it) and, when the span is on one line, that whole line as the context region.
fn physical_location(uri: &str, located: &Located) -> Value {
    let mut location = json!({
        "artifactLocation": artifact_location(uri),
        "region": {
            "startLine": located.line,
            "startColumn": located.column,
            "endLine": located.end_line,
            "endColumn": located.end_column,
        },
    });
    if located.end_line == located.line {
        location["region"]["snippet"] = json!({ "text": located.span_text() });
        location["contextRegion"] = json!({
            "startLine": located.line,
            "endLine": located.line,
            "snippet": { "text": located.source_line },
        });
    }
    location
}

/// A finding's fix, when it has one.
fn fix(uri: &str, located: &Located) -> Option<Value> {
    let description = match located.finding.applicability {
        Applicability::Safe => "safe: applied by `kspay-migrate fix`",
        Applicability::Unsafe => "unsafe: applied only with --unsafe-fixes",
        Applicability::None => return None,
    };
    if located.edits.is_empty() {
        return None;
    }
    // From the end of the file back: each replacement leaves the positions of those after it
    // in the list untouched, so a consumer that applies them one by one and one that places
    // them all in the original text get the same file. A removal comes before an insertion at
    // its start, for the same reason.
    let mut edits: Vec<&LocatedEdit> = located.edits.iter().collect();
    edits.sort_by(|a, b| {
        let key = |e: &LocatedEdit| (e.line, e.column, e.end_line, e.end_column);
        key(b).cmp(&key(a))
    });
    Some(json!({
        "description": { "text": description },
        "artifactChanges": [{
            "artifactLocation": artifact_location(uri),
            "replacements": edits.into_iter().map(replacement).collect::<Vec<_>>(),
        }],
    }))
}

/// One edit: an insertion deletes an empty region, a removal inserts empty text. The inserted
/// text is always given, even empty: reviewdog drops a replacement without it.
fn replacement(edit: &LocatedEdit) -> Value {
    json!({
        "deletedRegion": {
            "startLine": edit.line,
            "startColumn": edit.column,
            "endLine": edit.end_line,
            "endColumn": edit.end_column,
        },
        "insertedContent": { "text": edit.replacement },
    })
}

/// A file the tool could not read or chose not to scan.
fn notification(level: &str, uri: &str, message: &str) -> Value {
    json!({
        "level": level,
        "message": { "text": message },
        "locations": [{ "physicalLocation": { "artifactLocation": artifact_location(uri) } }],
    })
}

fn artifact_location(uri: &str) -> Value {
    json!({ "uri": uri, "uriBaseId": SOURCE_ROOT })
}

/// A file's path as a relative URI reference: the portable path with every byte other than
/// an unreserved character or `/` percent-encoded (spaces, `%`, `#`, `?`, `:`, Hangul, ...).
fn artifact_uri(path: &Path) -> String {
    percent_encode(&portable_path(path))
}

fn percent_encode(text: &str) -> String {
    let mut uri = String::with_capacity(text.len());
    for &byte in text.as_bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~/".contains(&byte) {
            uri.push(char::from(byte));
        } else {
            uri.push_str(&format!("%{byte:02X}"));
        }
    }
    uri
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_escape_what_a_uri_reference_cannot_hold() {
        assert_eq!(
            percent_encode("shop 1/pay/결제.php"),
            "shop%201/pay/%EA%B2%B0%EC%A0%9C.php"
        );
        // `%` itself, and `:` that would read as a scheme in a relative reference.
        assert_eq!(percent_encode("a:b/100%#?.asp"), "a%3Ab/100%25%23%3F.asp");
        assert_eq!(
            percent_encode("KSPay_Form-v1.2~.asp"),
            "KSPay_Form-v1.2~.asp"
        );
    }

    #[test]
    fn rule_names_are_pascal_case() {
        assert_eq!(pascal_case("jeju-mpi-to-isp"), "JejuMpiToIsp");
        assert_eq!(pascal_case("x"), "X");
    }
}
