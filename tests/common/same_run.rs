//! Comparing the reports of a joined run (`merge`, an engine's shards) with one run's: the same
//! but for the timing, with the differences named for a readable failure.
#![allow(dead_code)] // each test binary uses its own subset

use serde_json::Value;

/// Where two JSON values differ, one line per difference (at most 20), for a readable failure.
pub fn json_differences(left: &Value, right: &Value) -> Vec<String> {
    fn walk(left: &Value, right: &Value, at: &str, out: &mut Vec<String>) {
        match (left, right) {
            (Value::Object(l), Value::Object(r)) => {
                for key in l.keys().chain(r.keys().filter(|k| !l.contains_key(*k))) {
                    let here = format!("{at}/{key}");
                    match (l.get(key), r.get(key)) {
                        (Some(a), Some(b)) => walk(a, b, &here, out),
                        (a, b) => out.push(format!("{here}: {a:?} | {b:?}")),
                    }
                }
            }
            (Value::Array(l), Value::Array(r)) if l.len() == r.len() => {
                for (i, (a, b)) in l.iter().zip(r).enumerate() {
                    walk(a, b, &format!("{at}/{i}"), out);
                }
            }
            (a, b) if a != b => {
                let show = |v: &Value| v.to_string().chars().take(300).collect::<String>();
                out.push(format!("{at}: {} | {}", show(a), show(b)));
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(left, right, "", &mut out);
    out.truncate(20);
    out
}

/// Fails unless two reports are the same but for their timing, naming where they differ.
pub fn assert_same_report(what: &str, merged: Value, single: Value) {
    let differences = json_differences(&without_timing(merged), &without_timing(single));
    assert!(
        differences.is_empty(),
        "{what}: the merged JSON report (left) differs from one run (right):\n{}",
        differences.join("\n")
    );
}

/// The report without what differs from run to run: how long it took.
pub fn without_timing(mut report: Value) -> Value {
    let summary = report["summary"].as_object_mut().expect("a summary");
    assert!(summary.remove("elapsed_ms").is_some(), "summary.elapsed_ms");
    report
}

/// The text report without its timing (`... (812 ms).` closes the summary line).
pub fn text_without_timing(text: &str) -> String {
    let timing = regex::Regex::new(r" \(\d+ ms\)\.$").unwrap();
    assert!(text.lines().any(|line| timing.is_match(line)), "{text}");
    text.lines()
        .map(|line| timing.replace(line, " (N ms).").into_owned() + "\n")
        .collect()
}
