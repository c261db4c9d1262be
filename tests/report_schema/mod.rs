//! The JSON report's schema (`schemas/report-v2.json`, shipped with the project) as a
//! validator: every test that reads a JSON report checks it against the schema first, so a
//! field renamed, retyped or added without the schema fails the test that meets it.
#![allow(dead_code)] // each test binary uses its own subset

use std::fs;
use std::sync::LazyLock;

use serde_json::Value;

use crate::common::root;

/// The schema's place in the project, as `--help` and the README name it.
pub const REPORT_SCHEMA: &str = "schemas/report-v2.json";

/// The schema file, parsed.
pub fn report_schema() -> Value {
    let text = fs::read_to_string(root().join(REPORT_SCHEMA)).unwrap();
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{REPORT_SCHEMA} is not JSON: {e}"))
}

/// The schema compiled as draft 2020-12 (which it declares), checked against the draft's
/// meta-schema that comes with the crate; no network.
pub fn report_validator() -> jsonschema::Validator {
    jsonschema::options()
        .with_draft(jsonschema::Draft::Draft202012)
        .offline()
        .should_validate_formats(true)
        .build(&report_schema())
        .unwrap_or_else(|e| panic!("{REPORT_SCHEMA} does not compile: {e}"))
}

static VALIDATOR: LazyLock<jsonschema::Validator> = LazyLock::new(report_validator);

/// Every way `report` breaks the schema, with where (empty: it is valid).
pub fn report_errors(report: &Value) -> Vec<String> {
    VALIDATOR
        .iter_errors(report)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect()
}

/// Fails unless `report` is a valid JSON report.
pub fn assert_valid_report(report: &Value) {
    let errors = report_errors(report);
    assert!(
        errors.is_empty(),
        "the JSON report breaks {REPORT_SCHEMA}:\n{}",
        errors.join("\n")
    );
}
