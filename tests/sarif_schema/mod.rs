//! The SARIF 2.1.0 schema as a validator, for the tests that check SARIF output.
#![allow(dead_code)] // each test binary uses its own subset

use std::fs;

use serde_json::Value;

use crate::common::root;

/// The `language` pattern of the OASIS schema (on `run` and `toolComponent`) has a lone `]`,
/// which ECMA-262 reads as a literal only in its web-compatibility grammar (Annex B).
/// `jsonschema` checks patterns strictly when it checks a schema against the draft-07
/// meta-schema, and refuses the schema for it.
const LANGUAGE_PATTERN: &str = r"^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$";
/// The same pattern with the `]` escaped: it matches exactly what the original does.
const LANGUAGE_PATTERN_ESCAPED: &str = r"^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}\]?$";

/// The SARIF 2.1.0 schema compiled as draft-07, formats (`uri`, `uri-reference`) asserted.
/// The crate is built without its HTTP resolver and told to stay offline: the draft-07
/// meta-schema it checks the schema against comes with it.
pub fn sarif_validator() -> jsonschema::Validator {
    let mut schema: Value = serde_json::from_str(
        &fs::read_to_string(root().join("tests/schemas/sarif-schema-2.1.0.json")).unwrap(),
    )
    .unwrap();
    for definition in ["run", "toolComponent"] {
        let language = &mut schema["definitions"][definition]["properties"]["language"]["pattern"];
        assert_eq!(language, LANGUAGE_PATTERN, "the schema file changed");
        *language = LANGUAGE_PATTERN_ESCAPED.into();
    }
    jsonschema::options()
        .with_draft(jsonschema::Draft::Draft7)
        .offline()
        .should_validate_formats(true)
        .build(&schema)
        .expect("the SARIF schema compiles without a network")
}

pub fn schema_errors(validator: &jsonschema::Validator, sarif: &Value) -> Vec<String> {
    validator
        .iter_errors(sarif)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

pub fn assert_valid_sarif(sarif: &Value) {
    let errors = schema_errors(&sarif_validator(), sarif);
    assert!(errors.is_empty(), "invalid SARIF:\n{}", errors.join("\n"));
}
