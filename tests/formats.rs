//! The machine formats as CI gates and code-scanning services read them: JSON validated against
//! the project's schema, SARIF against the OASIS schema, its regions and fixes checked against
//! the files themselves,
//! GitHub workflow commands line by line, JUnit XML parsed as Jenkins would, and several
//! reports from one run.

mod common;
mod report_schema;
mod sarif_schema;
use common::{copy_tree, root, snapshot, tool};
use report_schema::assert_valid_report;
use sarif_schema::{assert_valid_sarif, sarif_validator, schema_errors};

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

use encoding_rs::EUC_KR;
use serde_json::Value;

/// Runs the tool in `dir`: exit code, stdout, stderr.
fn run(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let output = tool().current_dir(dir).args(args).output().unwrap();
    (
        output.status.code().unwrap(),
        String::from_utf8(output.stdout).unwrap(),
        String::from_utf8(output.stderr).unwrap(),
    )
}

/// Runs the tool in `dir`, expects exit code `code` and parses stdout as JSON.
fn json_run(dir: &Path, args: &[&str], code: i32) -> Value {
    let (status, stdout, stderr) = run(dir, args);
    assert_eq!(
        status, code,
        "{args:?}\nstdout:\n{stdout}\nstderr:\n{stderr}"
    );
    serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("{e}:\n{stdout}"))
}

/// [`json_run`] of a `--format json` run: the report, valid against its schema.
fn report_run(dir: &Path, args: &[&str], code: i32) -> Value {
    let report = json_run(dir, &[args, &["--format", "json"]].concat(), code);
    assert_valid_report(&report);
    report
}

/// Text as EUC-KR bytes.
fn euc_kr(text: &str) -> Vec<u8> {
    let (bytes, _, unmappable) = EUC_KR.encode(text);
    assert!(!unmappable, "{text:?} has characters EUC-KR lacks");
    bytes.into_owned()
}

/// A page's text: UTF-8 (a BOM dropped) when it is valid UTF-8, else strict EUC-KR.
fn decode(bytes: &[u8]) -> String {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_string(),
        Err(_) => EUC_KR
            .decode_without_bom_handling_and_without_replacement(bytes)
            .expect("the page is EUC-KR")
            .into_owned(),
    }
}

/// Whether a page's bytes are EUC-KR (not UTF-8) with CRLF line ends.
fn is_euc_kr_crlf(bytes: &[u8]) -> bool {
    std::str::from_utf8(bytes).is_err() && bytes.windows(2).any(|w| w == b"\r\n")
}

/// The path a relative URI reference names.
fn uri_path(uri: &str) -> PathBuf {
    let mut bytes = Vec::new();
    let mut rest = uri.as_bytes();
    while let Some((&byte, tail)) = rest.split_first() {
        if byte == b'%' {
            let hex = std::str::from_utf8(&tail[..2]).unwrap();
            bytes.push(u8::from_str_radix(hex, 16).unwrap());
            rest = &tail[2..];
        } else {
            bytes.push(byte);
            rest = tail;
        }
    }
    PathBuf::from(String::from_utf8(bytes).unwrap())
}

/// A 1-based line and column (columns in characters, lines ending at `\n`) as a character
/// index into `text`.
fn char_index(text: &[char], line: u64, column: u64) -> usize {
    let mut start = 0;
    for _ in 1..line {
        let end = text[start..]
            .iter()
            .position(|&c| c == '\n')
            .unwrap_or_else(|| panic!("no line {line}"));
        start += end + 1;
    }
    start + column as usize - 1
}

/// A SARIF region's start and end as character indices into `text`.
fn region_range(text: &[char], region: &Value) -> (usize, usize) {
    let number = |key: &str| {
        region[key]
            .as_u64()
            .unwrap_or_else(|| panic!("{key}: {region}"))
    };
    (
        char_index(text, number("startLine"), number("startColumn")),
        char_index(text, number("endLine"), number("endColumn")),
    )
}

fn results(sarif: &Value) -> &Vec<Value> {
    sarif["runs"][0]["results"].as_array().unwrap()
}

fn physical_location(result: &Value) -> &Value {
    &result["locations"][0]["physicalLocation"]
}

/// Every sample finding, with the text its region must cover: the card's name, its code, or
/// (where a script's ISP condition lacks the code) the condition the fix extends.
const SAMPLE_TOKENS: &[(&str, u64, &str)] = &[
    (
        "samples/asp-shop/kspay/KSPayCreditFormM.asp",
        117,
        "제주카드",
    ),
    ("samples/asp-shop/kspay/KSPayForm.asp", 103, "제주"),
    ("samples/asp-shop/order/pay_help.asp", 51, "제주카드"),
    ("samples/asp-shop/order/pay_help.asp", 64, "제주카드"),
    ("samples/html-shop/pay/card_info.html", 52, "제주"),
    ("samples/html-shop/pay/card_select.html", 90, "제주카드"),
    (
        "samples/jsp-shop/WEB-INF/jsp/order/payment.jsp",
        114,
        "제주카드",
    ),
    ("samples/jsp-shop/static/js/kspay_route.js", 20, "\"13\""),
    (
        "samples/php-shop/pay/KSPayCreditFormIM.php",
        44,
        "code == \"1500\"",
    ),
    ("samples/php-shop/pay/KSPayForm.php", 81, "제주카드"),
    ("samples/php-shop/pay/card_guide.php", 49, "제주카드"),
];

#[test]
fn sarif_of_the_samples_validates_and_matches_the_json_findings() {
    let sarif = json_run(&root(), &["check", "samples/", "--format", "sarif"], 1);
    assert_valid_sarif(&sarif);
    assert_eq!(sarif["version"], "2.1.0");
    let run = &sarif["runs"][0];
    assert_eq!(run["columnKind"], "unicodeCodePoints");
    assert_eq!(run["invocations"][0]["executionSuccessful"], true);
    let driver = &run["tool"]["driver"];
    assert_eq!(driver["name"], "kspay-migrate");
    assert_eq!(driver["version"], env!("CARGO_PKG_VERSION"));
    // Cargo.toml names no homepage: no made-up one either.
    assert!(driver.get("informationUri").is_none());
    let rule = &driver["rules"][0];
    assert_eq!(rule["id"], "jeju-mpi-to-isp");
    assert_eq!(rule["defaultConfiguration"]["level"], "error");
    assert!(
        rule["shortDescription"]["text"]
            .as_str()
            .unwrap()
            .contains("MPI")
    );
    assert!(
        rule["help"]["text"]
            .as_str()
            .unwrap()
            .contains("2013-04-01")
    );
    assert_eq!(
        rule["properties"]["tags"],
        serde_json::json!(["Jeju", "MPI", "ISP"])
    );

    let json = report_run(&root(), &["check", "samples/"], 1);
    let findings = json["findings"].as_array().unwrap();
    let results = results(&sarif);
    assert_eq!(results.len(), findings.len());
    for (result, finding) in results.iter().zip(findings) {
        let index = result["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(driver["rules"][index]["id"], result["ruleId"]);
        assert_eq!(result["ruleId"], finding["rule"]);
        assert_eq!(result["level"], finding["severity"]);
        assert_eq!(
            physical_location(result)["artifactLocation"]["uri"],
            finding["path"]
        );
        assert_eq!(
            result["partialFingerprints"]["kspayMigrate/v1"],
            finding["fingerprint"]
        );
        assert_eq!(result["properties"]["kind"], finding["kind"]);
        assert_eq!(result["properties"]["applicability"], finding["fix"]);
        let message = result["message"]["text"].as_str().unwrap();
        let expected = format!(
            "{} [{}, {}]",
            finding["message"].as_str().unwrap(),
            finding["kind"].as_str().unwrap(),
            match finding["fix"].as_str().unwrap() {
                "none" => "no automatic fix".to_string(),
                fix => format!("fix: {fix}"),
            }
        );
        assert_eq!(message, expected);
        let fixes = result["fixes"].as_array().map_or(0, Vec::len);
        assert_eq!(fixes, usize::from(finding["fix"] != "none"), "{result}");
        // The JSON edits are SARIF's replacements, in page order where SARIF lists them from
        // the end back.
        let replacements: Vec<Value> = result["fixes"][0]["artifactChanges"][0]["replacements"]
            .as_array()
            .map_or(Vec::new(), Clone::clone)
            .iter()
            .rev()
            .map(|r| {
                let region = &r["deletedRegion"];
                serde_json::json!({
                    "line": region["startLine"],
                    "column": region["startColumn"],
                    "end_line": region["endLine"],
                    "end_column": region["endColumn"],
                    "replacement": r["insertedContent"]["text"],
                })
            })
            .collect();
        assert_eq!(finding["edits"], Value::Array(replacements), "{result}");
    }
}

#[test]
fn the_schema_check_rejects_broken_sarif() {
    let validator = sarif_validator();
    let sarif = json_run(&root(), &["check", "samples/", "--format", "sarif"], 1);
    assert!(schema_errors(&validator, &sarif).is_empty());
    let mut bad_column_kind = sarif.clone();
    bad_column_kind["runs"][0]["columnKind"] = "bytes".into();
    assert!(!schema_errors(&validator, &bad_column_kind).is_empty());
    let mut line_zero = sarif.clone();
    line_zero["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] =
        0.into();
    assert!(!schema_errors(&validator, &line_zero).is_empty());
    let mut bad_uri = sarif;
    bad_uri["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] =
        "pay page/결제.php".into();
    assert!(!schema_errors(&validator, &bad_uri).is_empty());
}

/// Asserts that the schema refuses `report`, naming `at` (a JSON pointer) among the places.
fn assert_rejected(report: &Value, at: &str, what: &str) {
    let errors = report_schema::report_errors(report);
    assert!(
        errors.iter().any(|e| e.ends_with(&format!(" at {at}"))),
        "{what}: the schema should refuse it at {at}, refused {errors:?}"
    );
}

#[test]
fn the_schema_rejects_broken_json_reports() {
    let report = report_run(&root(), &["check", "samples/"], 1);
    let edited = |change: &dyn Fn(&mut Value)| {
        let mut copy = report.clone();
        change(&mut copy);
        copy
    };
    // Wrong types and values.
    let bad = edited(&|r| r["findings"][0]["line"] = "117".into());
    assert_rejected(&bad, "/findings/0/line", "a line as a string");
    let bad = edited(&|r| r["findings"][0]["column"] = 0.into());
    assert_rejected(&bad, "/findings/0/column", "a column 0");
    let bad = edited(&|r| r["summary"]["findings"] = (-1).into());
    assert_rejected(&bad, "/summary/findings", "a negative count");
    let bad = edited(&|r| r["findings"][0]["kind"] = "radio".into());
    assert_rejected(&bad, "/findings/0/kind", "an unknown kind");
    let bad = edited(&|r| r["findings"][0]["severity"] = "info".into());
    assert_rejected(&bad, "/findings/0/severity", "an unknown severity");
    let bad = edited(&|r| r["findings"][0]["fix"] = "maybe".into());
    assert_rejected(&bad, "/findings/0/fix", "an unknown applicability");
    let bad = edited(&|r| r["findings"][0]["fingerprint"] = "3F91".into());
    assert_rejected(&bad, "/findings/0/fingerprint", "a short fingerprint");
    let bad = edited(&|r| r["version"] = 3.into());
    assert_rejected(&bad, "/version", "another version");
    let bad = edited(&|r| r["config"] = false.into());
    assert_rejected(&bad, "/config", "a config that is no path");
    // Unknown fields, on the document and on a finding.
    let bad = edited(&|r| r["warnings"] = Value::Array(Vec::new()));
    assert_rejected(&bad, "", "an unknown top-level field");
    let bad = edited(&|r| r["findings"][0]["url"] = "https://example.com".into());
    assert_rejected(&bad, "/findings/0", "an unknown finding field");
    let bad = edited(&|r| r["summary"]["skipped"] = 0.into());
    assert_rejected(&bad, "/summary", "an unknown count");
    // A renamed field is both: the old name missing, the new one unknown.
    let bad = edited(&|r| {
        let finding = r["findings"][0].as_object_mut().unwrap();
        let dropped = finding.remove("fix_dropped").unwrap();
        finding.insert("fixDropped".into(), dropped);
    });
    assert_eq!(
        report_schema::report_errors(&bad).len(),
        2,
        "a renamed field"
    );
    // Missing required fields.
    let bad = edited(&|r| {
        r["summary"].as_object_mut().unwrap().remove("elapsed_ms");
    });
    assert_rejected(&bad, "/summary", "a count missing");
    let bad = edited(&|r| {
        r.as_object_mut().unwrap().remove("suppressed");
    });
    assert_rejected(&bad, "", "the suppressed list missing");
    let bad = edited(&|r| {
        r["errors"] = serde_json::json!([{ "path": "x.php" }]);
    });
    assert_rejected(&bad, "/errors/0", "an error without its message");

    // A suppressed finding: a finding's fields, its reason and its directive's line, nothing
    // else; a finding does not take a suppressed one's fields.
    let mut suppressed = report["findings"][0].clone();
    suppressed["reason"] = Value::Null;
    suppressed["directive_line"] = 116.into();
    let ok = edited(&|r| r["suppressed"] = Value::Array(vec![suppressed.clone()]));
    assert_valid_report(&ok);
    let bad = edited(&|r| {
        let mut entry = suppressed.clone();
        entry.as_object_mut().unwrap().remove("directive_line");
        r["suppressed"] = Value::Array(vec![entry]);
    });
    assert_rejected(
        &bad,
        "/suppressed/0",
        "a suppressed finding without its directive",
    );
    let bad = edited(&|r| {
        let mut entry = suppressed.clone();
        entry.as_object_mut().unwrap().remove("rule");
        r["suppressed"] = Value::Array(vec![entry]);
    });
    assert_rejected(
        &bad,
        "/suppressed/0",
        "a suppressed finding without its rule",
    );
    let bad = edited(&|r| r["findings"][0] = suppressed.clone());
    assert_rejected(&bad, "/findings/0", "a finding with a directive");

    // The baseline comparison: optional, closed like the rest.
    let baseline = serde_json::json!({"path": "b.json", "matched": 0, "stale": [], "entries": 0, "names_a_scanned_file": false, "paths_from": "its folder"});
    let ok = edited(&|r| r["baseline"] = baseline.clone());
    assert_valid_report(&ok);
    let bad = edited(&|r| {
        r["baseline"] = baseline.clone();
        r["baseline"]["stale"] = serde_json::json!([{"fingerprint": "x", "rule": "r"}]);
    });
    assert_rejected(&bad, "/baseline/stale/0", "a stale entry missing fields");

    // A fix's edits: closed, complete, and none for a finding without a fix.
    assert!(
        !report["findings"][0]["edits"]
            .as_array()
            .unwrap()
            .is_empty()
    );
    let bad = edited(&|r| r["findings"][0]["edits"][0]["text"] = "".into());
    assert_rejected(&bad, "/findings/0/edits/0", "an unknown edit field");
    let bad = edited(&|r| {
        let edit = r["findings"][0]["edits"][0].as_object_mut().unwrap();
        edit.remove("replacement");
    });
    assert_rejected(
        &bad,
        "/findings/0/edits/0",
        "an edit without its replacement",
    );
    let bad = edited(&|r| r["findings"][0]["edits"][0]["end_column"] = 0.into());
    assert_rejected(
        &bad,
        "/findings/0/edits/0/end_column",
        "an edit ending at column 0",
    );
    let bad = edited(&|r| r["findings"][0]["fix"] = "none".into());
    assert_rejected(
        &bad,
        "/findings/0/edits",
        "edits on a finding without a fix",
    );
}

#[test]
fn help_and_readme_point_at_the_shipped_json_schema() {
    let schema = report_schema::report_schema();
    assert_eq!(
        schema["$schema"], "https://json-schema.org/draft/2020-12/schema",
        "the draft the validator compiles it as"
    );
    for command in ["check", "fix"] {
        let (code, help, _) = run(&root(), &[command, "--help"]);
        assert_eq!(code, 0);
        assert!(help.contains(report_schema::REPORT_SCHEMA), "{help}");
        assert!(!help.contains("SPEC.md"), "{help}");
    }
    let readme = fs::read_to_string(root().join("README.md")).unwrap();
    let json_section = readme
        .split("\n### JSON\n")
        .nth(1)
        .and_then(|rest| rest.split("\n### ").next())
        .expect("README has a JSON section");
    assert!(
        json_section.contains(&format!("({})", report_schema::REPORT_SCHEMA)),
        "README's JSON section links the schema:\n{json_section}"
    );
    // Its example is a report the schema takes.
    let example = json_section
        .split("```json\n")
        .nth(1)
        .and_then(|rest| rest.split("```").next())
        .expect("README's JSON section has an example");
    let example: Value = serde_json::from_str(example)
        .unwrap_or_else(|e| panic!("README's JSON example is not JSON ({e}):\n{example}"));
    assert_valid_report(&example);
}

/// Every property the schema names has a one-line description, for readers of the schema.
#[test]
fn every_field_of_the_json_schema_is_described() {
    fn walk(schema: &Value, at: &str, missing: &mut Vec<String>) {
        if let Some(properties) = schema["properties"].as_object() {
            for (name, property) in properties {
                let here = format!("{at}/{name}");
                match property["description"].as_str() {
                    Some(text) if !text.is_empty() && !text.contains('\n') => {}
                    _ => missing.push(here.clone()),
                }
                walk(property, &here, missing);
            }
        }
        if let Some(definitions) = schema["$defs"].as_object() {
            for (name, definition) in definitions {
                walk(definition, &format!("$defs/{name}"), missing);
            }
        }
    }
    let mut missing = Vec::new();
    walk(&report_schema::report_schema(), "", &mut missing);
    assert!(missing.is_empty(), "no one-line description: {missing:?}");
}

#[test]
fn sarif_regions_point_at_the_card_token_in_the_file() {
    let sarif = json_run(&root(), &["check", "samples/", "--format", "sarif"], 1);
    let mut seen = Vec::new();
    for result in results(&sarif) {
        let location = physical_location(result);
        let uri = location["artifactLocation"]["uri"].as_str().unwrap();
        assert_eq!(location["artifactLocation"]["uriBaseId"], "%SRCROOT%");
        let bytes = fs::read(root().join(uri_path(uri))).unwrap();
        let text: Vec<char> = decode(&bytes).chars().collect();
        let region = &location["region"];
        let (start, end) = region_range(&text, region);
        let covered: String = text[start..end].iter().collect();
        let line = region["startLine"].as_u64().unwrap();
        let expected = SAMPLE_TOKENS
            .iter()
            .find(|(path, l, _)| *path == uri && *l == line)
            .unwrap_or_else(|| panic!("unexpected result at {uri}:{line}"))
            .2;
        assert_eq!(covered, expected, "{uri}:{line}");
        assert_eq!(region["snippet"]["text"], expected, "{uri}:{line}");
        // The context is the whole line, without its line end.
        let line_start = char_index(&text, line, 1);
        let line_text: String = text[line_start..]
            .iter()
            .take_while(|&&c| c != '\n')
            .collect();
        let context = &location["contextRegion"];
        assert_eq!(context["startLine"], line);
        assert_eq!(context["snippet"]["text"], line_text.trim_end_matches('\r'));
        seen.push((uri.to_string(), line));
    }
    assert_eq!(seen.len(), SAMPLE_TOKENS.len(), "{seen:?}");
    assert!(
        seen.iter()
            .any(|(uri, _)| { is_euc_kr_crlf(&fs::read(root().join(uri)).unwrap()) }),
        "an EUC-KR CRLF page among the checked regions"
    );
}

/// One replacement of a SARIF fix, as character indices into the original text.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Replacement {
    start: usize,
    end: usize,
    text: String,
}

/// Applies every SARIF fix of the given applicabilities to the decoded pages, and compares
/// each page with what `fix --write` wrote (`extra` are its extra arguments).
fn sarif_fixes_match_fix_write(applicabilities: &[&str], extra: &[&str]) {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&root().join("samples"), &dir.path().join("samples"));
    // Every case page too: moved options, insertions into lists, several fixes in one page.
    for case in fs::read_dir(root().join("tests/cases")).unwrap() {
        let case = case.unwrap().path();
        for file in fs::read_dir(&case).unwrap() {
            let file = file.unwrap().path();
            if file.file_stem().unwrap() == "input" {
                let target = dir.path().join("cases").join(case.file_name().unwrap());
                fs::create_dir_all(&target).unwrap();
                fs::copy(&file, target.join(file.file_name().unwrap())).unwrap();
            }
        }
    }
    let sarif = json_run(dir.path(), &["check", ".", "--format", "sarif"], 1);
    assert_valid_sarif(&sarif);
    let before = snapshot(dir.path());

    let mut fixes: BTreeMap<PathBuf, BTreeSet<Replacement>> = BTreeMap::new();
    for result in results(&sarif) {
        let applicability = result["properties"]["applicability"].as_str().unwrap();
        if !applicabilities.contains(&applicability) {
            continue;
        }
        let Some(fix) = result["fixes"].get(0) else {
            continue;
        };
        let change = &fix["artifactChanges"][0];
        let path = uri_path(change["artifactLocation"]["uri"].as_str().unwrap());
        let original = &before.iter().find(|(p, _)| *p == path).unwrap().1;
        let text: Vec<char> = decode(original).chars().collect();
        let replacements: Vec<Replacement> = change["replacements"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| {
                let (start, end) = region_range(&text, &r["deletedRegion"]);
                // Given even when empty (a removal): reviewdog drops a replacement without it.
                let text = r["insertedContent"]["text"].as_str().unwrap();
                Replacement {
                    start,
                    end,
                    text: text.to_string(),
                }
            })
            .collect();
        // Listed from the end of the file back, so applying them one by one in order works.
        assert!(
            replacements.windows(2).all(|w| w[0] > w[1]),
            "{replacements:?}"
        );
        // Two results may carry the same edit (both add the card to one ISP list).
        fixes.entry(path).or_default().extend(replacements);
    }
    assert!(fixes.len() >= 10, "fixes in only {} files", fixes.len());

    let (code, stdout, stderr) = run(dir.path(), &[&["fix", "--write", "."], extra].concat());
    assert!(code < 2, "{stdout}{stderr}");
    let after = snapshot(dir.path());
    assert_eq!(before.len(), after.len());
    let mut euc_kr_crlf_fixed = false;
    for ((path, original), (written_path, written)) in before.iter().zip(&after) {
        assert_eq!(path, written_path);
        let mut expected: Vec<char> = decode(original).chars().collect();
        if let Some(replacements) = fixes.get(path) {
            for replacement in replacements.iter().rev() {
                expected.splice(replacement.start..replacement.end, replacement.text.chars());
            }
            euc_kr_crlf_fixed |= is_euc_kr_crlf(original);
        }
        let expected: String = expected.into_iter().collect();
        assert_eq!(decode(written), expected, "{}", path.display());
    }
    assert!(
        euc_kr_crlf_fixed,
        "an EUC-KR CRLF page among the fixed ones"
    );
}

#[test]
fn safe_sarif_fixes_give_what_fix_write_writes() {
    sarif_fixes_match_fix_write(&["safe"], &[]);
}

#[test]
fn safe_and_unsafe_sarif_fixes_give_what_fix_write_unsafe_fixes_writes() {
    sarif_fixes_match_fix_write(&["safe", "unsafe"], &["--unsafe-fixes"]);
}

#[test]
fn json_edits_of_safe_fixes_give_what_fix_write_writes() {
    // The UTF-8 shops (samples/README.md): a moved option taking whole lines, list entries
    // removed and inserted, a script array, and two pages with a BOM.
    let dir = tempfile::tempdir().unwrap();
    for shop in ["jsp-shop", "html-shop"] {
        copy_tree(&root().join("samples").join(shop), &dir.path().join(shop));
    }
    let report = report_run(dir.path(), &["check", "."], 1);
    let before = snapshot(dir.path());

    let mut fixes: BTreeMap<PathBuf, BTreeSet<Replacement>> = BTreeMap::new();
    for finding in report["findings"].as_array().unwrap() {
        assert_eq!(finding["fix"], "safe", "{finding}");
        let path = PathBuf::from(finding["path"].as_str().unwrap());
        let original = &before.iter().find(|(p, _)| *p == path).unwrap().1;
        assert!(
            std::str::from_utf8(original).is_ok(),
            "{}: UTF-8",
            path.display()
        );
        let text: Vec<char> = decode(original).chars().collect();
        let edits = finding["edits"].as_array().unwrap();
        assert!(!edits.is_empty(), "{finding}");
        let number = |edit: &Value, key: &str| edit[key].as_u64().unwrap();
        let replacements: Vec<Replacement> = edits
            .iter()
            .map(|edit| Replacement {
                start: char_index(&text, number(edit, "line"), number(edit, "column")),
                end: char_index(&text, number(edit, "end_line"), number(edit, "end_column")),
                text: edit["replacement"].as_str().unwrap().to_string(),
            })
            .collect();
        // In page order, none overlapping another.
        assert!(
            replacements.windows(2).all(|w| w[0].end <= w[1].start),
            "{replacements:?}"
        );
        // Two findings may carry the same edit (both add the card to one ISP list).
        fixes.entry(path).or_default().extend(replacements);
    }
    assert_eq!(fixes.len(), 4, "{fixes:?}");

    let (code, stdout, stderr) = run(dir.path(), &["fix", "--write", "."]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    let after = snapshot(dir.path());
    assert_eq!(before.len(), after.len());
    for ((path, original), (written_path, written)) in before.iter().zip(&after) {
        assert_eq!(path, written_path);
        let mut expected: Vec<char> = decode(original).chars().collect();
        for replacement in fixes.get(path).into_iter().flatten().rev() {
            expected.splice(replacement.start..replacement.end, replacement.text.chars());
        }
        let expected: String = expected.into_iter().collect();
        assert_eq!(decode(written), expected, "{}", path.display());
        assert_eq!(
            written.starts_with(b"\xEF\xBB\xBF"),
            original.starts_with(b"\xEF\xBB\xBF"),
            "{}: the BOM is kept",
            path.display()
        );
    }
}

/// A folder holding a stale EUC-KR CRLF page in a folder whose name needs escaping, and a
/// page whose bytes do not decode as the EUC-KR it declares.
fn site_with_a_broken_page() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("결제 페이지");
    fs::create_dir(&folder).unwrap();
    fs::copy(
        root().join("samples/php-shop/pay/KSPayForm.php"),
        folder.join("KSPayForm.php"),
    )
    .unwrap();
    let mut broken = euc_kr(
        "<?php\r\n$certitype = $_POST['certitype'];\r\n?>\r\n\
         <meta http-equiv=\"Content-Type\" content=\"text/html; charset=euc-kr\">\r\n\
         <p>안심클릭 : 외환, 삼성, 제주</p>\r\n",
    );
    // Two bytes EUC-KR leaves undefined, as a truncated upload leaves them.
    broken.extend_from_slice(b"<p>\xC9\xA1\xFE\xFF</p>\r\n");
    fs::write(dir.path().join("주문,결제.php"), broken).unwrap();
    dir
}

#[test]
fn sarif_with_a_file_error_still_validates() {
    let dir = site_with_a_broken_page();
    let sarif = json_run(dir.path(), &["check", ".", "--format", "sarif"], 2);
    assert_valid_sarif(&sarif);
    let invocation = &sarif["runs"][0]["invocations"][0];
    assert_eq!(invocation["executionSuccessful"], true);
    let notifications = invocation["toolExecutionNotifications"].as_array().unwrap();
    assert_eq!(notifications.len(), 1, "{notifications:?}");
    let notification = &notifications[0];
    assert_eq!(notification["level"], "error");
    assert_eq!(
        notification["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "%EC%A3%BC%EB%AC%B8%2C%EA%B2%B0%EC%A0%9C.php"
    );
    assert!(!notification["message"]["text"].as_str().unwrap().is_empty());
    // The other page is still reported, its folder name escaped.
    let results = results(&sarif);
    assert_eq!(results.len(), 1);
    assert_eq!(
        physical_location(&results[0])["artifactLocation"]["uri"],
        "%EA%B2%B0%EC%A0%9C%20%ED%8E%98%EC%9D%B4%EC%A7%80/KSPayForm.php"
    );
}

#[test]
fn json_with_a_file_error_still_validates() {
    let dir = site_with_a_broken_page();
    let report = report_run(dir.path(), &["check", "."], 2);
    let errors = report["errors"].as_array().unwrap();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0]["path"], "주문,결제.php");
    assert_eq!(report["summary"]["errors"], 1);
    assert_eq!(report["findings"][0]["path"], "결제 페이지/KSPayForm.php");
}

#[test]
fn github_annotations_for_a_sample_page() {
    let (code, stdout, stderr) = run(
        &root(),
        &[
            "check",
            "samples/asp-shop/order/pay_help.asp",
            "--format",
            "github",
        ],
    );
    assert_eq!(code, 1, "{stderr}");
    assert_eq!(stderr, "");
    let expected = [
        "::warning file=samples/asp-shop/order/pay_help.asp,line=51,col=33,endLine=51,endColumn=37,\
         title=kspay-migrate jeju-mpi-to-isp (prose)::this text names 제주 among the MPI cards, \
         but it pays by ISP now; fix (unsafe): remove it from this list of cards, or reword the \
         text [fix: unsafe]",
        "::error file=samples/asp-shop/order/pay_help.asp,line=64,col=42,endLine=64,endColumn=46,\
         title=kspay-migrate jeju-mpi-to-isp (image)::제주카드 (Jeju) is listed under MPI/안심클릭; \
         since April 2013 Jeju cards pay by ISP/안전결제; fix: remove it here and add it to the ISP \
         list (line 71) [fix: safe]",
    ];
    assert_eq!(stdout.lines().collect::<Vec<_>>(), expected);
}

#[test]
fn github_file_errors_name_the_file_escaped() {
    let dir = site_with_a_broken_page();
    let (code, stdout, _) = run(dir.path(), &["check", ".", "--format", "github"]);
    assert_eq!(code, 2);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{stdout}");
    assert!(
        lines.iter().any(|l| l.starts_with(
            "::error file=결제 페이지/KSPayForm.php,line=81,col=51,endLine=81,endColumn=55,"
        )),
        "{stdout}"
    );
    // The comma in the file name would end the property: escaped as the toolkit does.
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("::error file=주문%2C결제.php::")),
        "{stdout}"
    );
}

/// The attributes of JUnit's `<testsuite>` as numbers.
fn suite_count(suite: roxmltree::Node, name: &str) -> u64 {
    suite.attribute(name).unwrap().parse().unwrap()
}

#[test]
fn junit_counts_match_the_json_summary() {
    let (code, xml, _) = run(&root(), &["check", "samples/", "--format", "junit"]);
    assert_eq!(code, 1);
    let document = roxmltree::Document::parse(&xml).unwrap();
    let suites = document.root_element();
    assert_eq!(suites.tag_name().name(), "testsuites");
    let suite = suites
        .children()
        .find(|n| n.has_tag_name("testsuite"))
        .unwrap();
    assert_eq!(suite.attribute("name"), Some("kspay-migrate"));

    let json = report_run(&root(), &["check", "samples/"], 1);
    let summary = &json["summary"];
    let number = |key: &str| summary[key].as_u64().unwrap();
    let cases: Vec<roxmltree::Node> = suite
        .children()
        .filter(|n| n.has_tag_name("testcase"))
        .collect();
    assert_eq!(suite_count(suite, "tests"), cases.len() as u64);
    assert_eq!(
        suite_count(suite, "failures"),
        number("files_with_findings")
    );
    assert_eq!(suite_count(suite, "errors"), number("errors"));
    assert_eq!(
        suite_count(suite, "tests") - suite_count(suite, "skipped") - suite_count(suite, "errors"),
        number("files_scanned")
    );
    for attribute in ["tests", "failures", "errors", "skipped"] {
        assert_eq!(suites.attribute(attribute), suite.attribute(attribute));
    }

    let mut expected: BTreeMap<&str, usize> = BTreeMap::new();
    for finding in json["findings"].as_array().unwrap() {
        *expected
            .entry(finding["path"].as_str().unwrap())
            .or_default() += 1;
    }
    let mut failed: BTreeMap<&str, usize> = BTreeMap::new();
    for case in &cases {
        let name = case.attribute("name").unwrap();
        if name == "samples/php-shop/pay/KSPayForm.php" {
            assert_eq!(case.attribute("classname"), Some("samples.php-shop.pay"));
        }
        let Some(failure) = case.children().find(|n| n.has_tag_name("failure")) else {
            continue;
        };
        let lines: Vec<&str> = failure.text().unwrap().lines().collect();
        let count = lines.len();
        assert_eq!(
            failure.attribute("message"),
            Some(format!("{count} finding{}", if count == 1 { "" } else { "s" }).as_str())
        );
        assert_eq!(failure.attribute("type"), Some("jeju-mpi-to-isp"));
        for line in lines {
            assert!(line.starts_with(&format!("{name}:")), "{line}");
            assert!(line.contains("[jeju-mpi-to-isp] "), "{line}");
        }
        failed.insert(name, count);
    }
    assert_eq!(failed, expected);
}

#[test]
fn junit_errors_skips_and_odd_file_names_stay_well_formed() {
    let dir = site_with_a_broken_page();
    // `&`, `<`, quotes and a control character in a file name, all of which must be escaped
    // or replaced.
    let odd = "KSPay<&\"'\u{1}>.asp";
    fs::copy(
        root().join("samples/asp-shop/kspay/KSPayForm.asp"),
        dir.path().join(odd),
    )
    .unwrap();
    fs::write(
        dir.path().join("big.php"),
        "<p>안심클릭 : 제주</p>\r\n".repeat(5000),
    )
    .unwrap();
    let (code, xml, _) = run(
        dir.path(),
        &["check", ".", "--format", "junit", "--max-filesize", "64K"],
    );
    assert_eq!(code, 2);
    let document = roxmltree::Document::parse(&xml).unwrap_or_else(|e| panic!("{e}:\n{xml}"));
    let suite = document
        .descendants()
        .find(|n| n.has_tag_name("testsuite"))
        .unwrap();
    assert_eq!(
        (
            suite_count(suite, "tests"),
            suite_count(suite, "failures"),
            suite_count(suite, "errors"),
            suite_count(suite, "skipped")
        ),
        (4, 2, 1, 1)
    );
    let case = |name: &str| {
        suite
            .children()
            .find(|n| n.attribute("name") == Some(name))
            .unwrap_or_else(|| panic!("no test case {name:?} in\n{xml}"))
    };
    let child = |case: roxmltree::Node<'_, '_>, tag: &str| {
        case.children().find(|n| n.has_tag_name(tag)).is_some()
    };
    // The control character XML cannot hold is shown as an escape, as in the text report.
    let odd_case = case(r#"KSPay<&"'\x01>.asp"#);
    assert!(child(odd_case, "failure"));
    let error = case("주문,결제.php")
        .children()
        .find(|n| n.has_tag_name("error"))
        .unwrap();
    assert!(!error.attribute("message").unwrap().is_empty());
    assert!(child(case("big.php"), "skipped"));
    assert!(child(case("결제 페이지/KSPayForm.php"), "failure"));
}

#[test]
fn one_run_writes_several_reports_and_text_to_stdout() {
    let out = tempfile::tempdir().unwrap();
    let file = |name: &str| out.path().join(name).to_str().unwrap().to_string();
    let (sarif, json, junit) = (file("r.sarif"), file("j.json"), file("x.xml"));
    let (code, stdout, _) = run(
        &root(),
        &[
            "check",
            "samples/",
            "--output",
            &format!("sarif={sarif}"),
            "--output",
            &format!("json={json}"),
            "--output",
            &format!("junit={junit}"),
        ],
    );
    assert_eq!(code, 1);
    assert!(
        stdout.contains("samples/asp-shop/kspay/KSPayForm.asp:103:48: error[jeju-mpi-to-isp]"),
        "{stdout}"
    );
    let sarif: Value = serde_json::from_str(&fs::read_to_string(&sarif).unwrap()).unwrap();
    assert_valid_sarif(&sarif);
    let json: Value = serde_json::from_str(&fs::read_to_string(&json).unwrap()).unwrap();
    assert_valid_report(&json);
    assert_eq!(
        json["findings"].as_array().unwrap().len(),
        SAMPLE_TOKENS.len()
    );
    assert_eq!(results(&sarif).len(), SAMPLE_TOKENS.len());
    let junit = fs::read_to_string(&junit).unwrap();
    let document = roxmltree::Document::parse(&junit).unwrap();
    assert_eq!(
        document
            .descendants()
            .filter(|n| n.has_tag_name("failure"))
            .count(),
        json["summary"]["files_with_findings"].as_u64().unwrap() as usize
    );
}

#[test]
fn a_bare_output_file_takes_the_format_instead_of_stdout() {
    let out = tempfile::tempdir().unwrap();
    let report = out.path().join("report.sarif");
    let (code, stdout, _) = run(
        &root(),
        &[
            "check",
            "samples/",
            "--format",
            "sarif",
            "--output",
            report.to_str().unwrap(),
        ],
    );
    assert_eq!(code, 1);
    assert_eq!(stdout, "");
    let sarif: Value = serde_json::from_str(&fs::read_to_string(&report).unwrap()).unwrap();
    assert_valid_sarif(&sarif);
    assert_eq!(results(&sarif).len(), SAMPLE_TOKENS.len());
}

#[test]
fn sarif_marks_findings_new_or_unchanged_against_a_baseline() {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&root().join("samples"), &dir.path().join("samples"));
    let (code, _, _) = run(
        dir.path(),
        &["check", "samples", "--write-baseline", "base.json"],
    );
    assert_eq!(code, 0);
    // A new stale page appears after the baseline was recorded.
    fs::copy(
        dir.path().join("samples/php-shop/pay/KSPayForm.php"),
        dir.path().join("samples/php-shop/pay/KSPayForm_new.php"),
    )
    .unwrap();
    let sarif = json_run(
        dir.path(),
        &[
            "check",
            "samples",
            "--baseline",
            "base.json",
            "--format",
            "sarif",
        ],
        1,
    );
    assert_valid_sarif(&sarif);
    let states: BTreeMap<String, Vec<String>> =
        results(&sarif).iter().fold(BTreeMap::new(), |mut map, r| {
            map.entry(r["baselineState"].as_str().unwrap().to_string())
                .or_default()
                .push(
                    physical_location(r)["artifactLocation"]["uri"]
                        .as_str()
                        .unwrap()
                        .to_string(),
                );
            map
        });
    assert_eq!(
        states["new"],
        ["samples/php-shop/pay/KSPayForm_new.php"],
        "{states:?}"
    );
    assert_eq!(states["unchanged"].len(), 11);
}
