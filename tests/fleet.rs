//! Issue 15's "Done when": on a generated tree of 20,000 tenants (`gen_corpus --profile fleet`,
//! `home/userNNNNN/public_html/`), `--shard 1/2` and `--shard 2/2` run at the same time and
//! `merge`d give the run over the whole tree: the same JSON report but for its timing, the same
//! text report, the same tenants CSV. And every tenant is scanned by exactly one shard, the one
//! its SHA-256 names, so shards run on different machines split a fleet the same way.
//!
//! The tree and the three runs are made once per test binary (about 30,000 small files; the
//! runs take seconds each in a debug build) and shared by the tests below. The timings are
//! printed (`cargo test --test fleet -- --nocapture`), not asserted: the machine is shared.

mod common;
#[path = "common/corpus.rs"]
mod corpus;
mod report_schema;

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use serde_json::Value;
use sha2::{Digest, Sha256};

const TENANTS: usize = 20_000;
const SEED: u64 = 15;

/// What was run over the generated tree. The tree itself (about 290 MB of folders and pages) is
/// removed once the runs are done: the tests read only the reports, kept here by file name.
struct Fleet {
    /// `TREE/home`: the PATH every run was given, so all name files the same way.
    home: PathBuf,
    /// `whole.json`, `shard-1.csv`, ...: every report the runs wrote.
    reports: BTreeMap<String, String>,
    whole: Duration,
    shards: Duration,
}

impl Fleet {
    fn report(&self, name: &str) -> &str {
        &self.reports[name]
    }
}

static FLEET: OnceLock<Fleet> = OnceLock::new();

fn tool() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_kspay-migrate"));
    cmd.env("NO_COLOR", "1");
    cmd
}

/// `check`: a scan of the tree, and its reports written to files under `out`.
fn check(fleet_home: &Path, out: &Path, shard: Option<&str>) -> Command {
    let name = shard.map_or("whole".to_string(), |k| format!("shard-{}", &k[..1]));
    let mut cmd = tool();
    // --isolated: no config file from above the temporary folder.
    cmd.args(["check", "--isolated"])
        .args(["--format", "json", "--output"])
        .arg(out.join(format!("{name}.json")))
        .arg("--output")
        .arg(format!(
            "text={}",
            out.join(format!("{name}.txt")).display()
        ))
        .arg("--output")
        .arg(format!(
            "tenants={}",
            out.join(format!("{name}.csv")).display()
        ));
    if let Some(shard) = shard {
        cmd.args(["--shard", shard]);
    }
    cmd.arg(fleet_home);
    cmd
}

/// A scan exits 1: the tree has stale pages, and nothing in it is an error.
fn assert_found(what: &str, output: Output) {
    assert_eq!(
        output.status.code(),
        Some(1),
        "{what} should exit 1 (findings, no error):\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

fn fleet() -> &'static Fleet {
    FLEET.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let started = Instant::now();
        let counts = corpus::write_fleet(dir.path(), TENANTS, SEED);
        let generated = started.elapsed();
        let home = dir.path().join("home");
        let out = dir.path().join("reports");
        fs::create_dir(&out).unwrap();

        let started = Instant::now();
        assert_found("check", check(&home, &out, None).output().unwrap());
        let whole = started.elapsed();

        // Both shards at once, as two machines (or two `parallel` jobs) would run them.
        let started = Instant::now();
        let shards: Vec<Child> = ["1/2", "2/2"]
            .into_iter()
            .map(|shard| check(&home, &out, Some(shard)).spawn().unwrap())
            .collect();
        for (k, child) in shards.into_iter().enumerate() {
            assert_found(
                &format!("check --shard {}/2", k + 1),
                child.wait_with_output().unwrap(),
            );
        }
        let shards = started.elapsed();
        eprintln!(
            "fleet: {} files ({:.1} MiB, {} stale) in {TENANTS} tenants generated in {:.1} s; \
             one run {:.1} s; shards 1/2 and 2/2 at once {:.1} s",
            counts.files,
            counts.bytes as f64 / f64::from(1 << 20),
            counts.stale,
            generated.as_secs_f64(),
            whole.as_secs_f64(),
            shards.as_secs_f64()
        );
        let reports = fs::read_dir(&out)
            .unwrap()
            .map(|entry| {
                let path = entry.unwrap().path();
                let name = path.file_name().unwrap().to_str().unwrap().to_string();
                (name, read(&path))
            })
            .collect();
        dir.close().unwrap();
        Fleet {
            home,
            reports,
            whole,
            shards,
        }
    })
}

fn read(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// A JSON report, checked against the schema.
fn json_report(name: &str, text: &str) -> Value {
    let report: Value =
        serde_json::from_str(text).unwrap_or_else(|e| panic!("{name} is not JSON: {e}"));
    report_schema::assert_valid_report(&report);
    report
}

/// The report without what differs from run to run: how long it took.
fn without_timing(mut report: Value) -> Value {
    let summary = report["summary"].as_object_mut().expect("a summary");
    assert!(summary.remove("elapsed_ms").is_some(), "summary.elapsed_ms");
    report
}

/// The text report without its timing (`... with \`kspay-migrate fix\` (812 ms).`).
fn text_without_timing(text: &str) -> String {
    let timing = regex::Regex::new(r" \(\d+ ms\)\.$").unwrap();
    text.lines()
        .map(|line| timing.replace(line, " (N ms).").into_owned() + "\n")
        .collect()
}

/// The tenants CSV's rows by tenant (the header left out).
fn tenant_rows(name: &str, csv: &str) -> BTreeMap<String, String> {
    let mut lines = csv.lines();
    assert_eq!(
        lines.next(),
        Some("tenant,files_scanned,files_with_findings,findings,fixable,fixed,errors,skipped"),
        "{name}"
    );
    lines
        .map(|line| {
            let (tenant, counts) = line.split_once(',').unwrap();
            (tenant.to_string(), counts.to_string())
        })
        .collect()
}

/// The shard (1 or 2) of the tenant `user` when split in two, computed here as `--shard`
/// documents it: the first 8 bytes of the SHA-256 of the tenant's path below its PATH, big
/// endian, modulo the shard count.
fn expected_shard(user: &str) -> usize {
    let digest = Sha256::digest(user.as_bytes());
    let first = u64::from_be_bytes(digest[..8].try_into().unwrap());
    (first % 2) as usize + 1
}

#[test]
fn every_tenant_lands_in_exactly_one_shard() {
    let fleet = fleet();
    let whole = tenant_rows("whole.csv", fleet.report("whole.csv"));
    let shards = [1, 2].map(|k| {
        let name = format!("shard-{k}.csv");
        tenant_rows(&name, fleet.report(&name))
    });

    let all: BTreeSet<String> = (1..=TENANTS)
        .map(|n| fleet.home.join(corpus::fleet_user(n)))
        .map(|tenant| tenant.display().to_string())
        .collect();
    assert_eq!(
        whole.keys().cloned().collect::<BTreeSet<_>>(),
        all,
        "the run over the whole tree names every generated tenant"
    );
    for tenant in &all {
        let user = tenant.rsplit('/').next().unwrap();
        let holders: Vec<usize> = (1..=2)
            .filter(|k| shards[k - 1].contains_key(tenant))
            .collect();
        assert_eq!(
            holders,
            [expected_shard(user)],
            "{tenant} is scanned by shard(s) {holders:?}; its SHA-256 names shard {}",
            expected_shard(user)
        );
        // And the shard counts it as the whole run does: all of its files, nothing of others.
        assert_eq!(shards[holders[0] - 1][tenant], whole[tenant], "{tenant}");
    }
    // A split in two that leaves one shard nearly idle would not halve the time.
    for (k, shard) in shards.iter().enumerate() {
        let share = shard.len() as f64 / TENANTS as f64;
        assert!(
            (0.45..0.55).contains(&share),
            "shard {}/2 holds {:.1}% of the tenants",
            k + 1,
            share * 100.0
        );
    }

    // The JSON reports agree: every finding of the whole run is in the shard of its tenant.
    let whole_json = json_report("whole.json", fleet.report("whole.json"));
    let shard_paths: Vec<BTreeSet<String>> = [1, 2]
        .map(|k| {
            let name = format!("shard-{k}.json");
            json_report(&name, fleet.report(&name))["findings"]
                .as_array()
                .unwrap()
                .iter()
                .map(|f| f["path"].as_str().unwrap().to_string())
                .collect()
        })
        .into();
    let findings = whole_json["findings"].as_array().unwrap();
    assert!(findings.len() > 100, "the fleet has stale pages");
    for finding in findings {
        let path = finding["path"].as_str().unwrap();
        let user = Path::new(path)
            .strip_prefix(&fleet.home)
            .unwrap()
            .iter()
            .next()
            .unwrap()
            .to_str()
            .unwrap();
        let k = expected_shard(user);
        assert!(shard_paths[k - 1].contains(path), "{path} not in shard {k}");
        assert!(
            !shard_paths[2 - k].contains(path),
            "{path} also in the other shard"
        );
    }
}

#[test]
fn two_shards_at_once_merged_equal_one_run() {
    let fleet = fleet();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path();
    for name in ["shard-1.json", "shard-2.json"] {
        fs::write(out.join(name), fleet.report(name)).unwrap();
    }
    let started = Instant::now();
    let merged = tool()
        .arg("merge")
        .arg(out.join("shard-1.json"))
        .arg(out.join("shard-2.json"))
        .args(["--format", "json", "--output"])
        .arg(out.join("merged.json"))
        .arg("--output")
        .arg(format!("text={}", out.join("merged.txt").display()))
        .arg("--output")
        .arg(format!("tenants={}", out.join("merged.csv").display()))
        .output()
        .unwrap();
    eprintln!(
        "fleet: merge of the two shards' reports {:.1} s (one run {:.1} s, shards {:.1} s)",
        started.elapsed().as_secs_f64(),
        fleet.whole.as_secs_f64(),
        fleet.shards.as_secs_f64()
    );
    assert_found("merge", merged);

    assert_eq!(
        without_timing(json_report("merged.json", &read(&out.join("merged.json")))),
        without_timing(json_report("whole.json", fleet.report("whole.json"))),
        "the merged JSON report differs from the run over the whole tree"
    );
    let whole_text = fleet.report("whole.txt");
    assert!(
        whole_text.contains("error[jeju-mpi-to-isp]"),
        "{whole_text}"
    );
    assert_eq!(
        text_without_timing(&read(&out.join("merged.txt"))),
        text_without_timing(whole_text),
        "the merged text report differs from the run over the whole tree"
    );
    assert_eq!(
        read(&out.join("merged.csv")),
        fleet.report("whole.csv"),
        "the merged tenants CSV differs from the run over the whole tree"
    );
}
