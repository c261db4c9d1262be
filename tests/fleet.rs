//! Issue 15's "Done when": on a generated tree of 20,000 tenants (`gen_corpus --profile fleet`,
//! `home/userNNNNN/public_html/`), `--shard 1/2` and `--shard 2/2` run at the same time and
//! `merge`d give the run over the whole tree: the same JSON report but for its timing, the same
//! text report, SARIF and tenants CSV. And every tenant is scanned by exactly one shard, the one
//! its SHA-256 names, so shards run on different machines split a fleet the same way.
//!
//! The shards and the merges are the README's own lines (`### Tenants, shards and merge`), run
//! with sh from the reports' folder, the built binary first on PATH and the tree where they say
//! `/home`. The tree and the runs are made once per test binary (about 27,000 small files; the
//! runs take seconds each in a debug build) and shared by the tests below. The timings are
//! printed (`cargo test --test fleet -- --nocapture`), not asserted: the machine is shared.

mod common;
use common::same_run::{assert_same_report, text_without_timing};
#[path = "common/corpus.rs"]
mod corpus;
mod report_schema;

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use serde_json::Value;
use sha2::{Digest, Sha256};

use common::root;

const TENANTS: usize = 20_000;
const SEED: u64 = 15;

/// What was run over the generated tree. The tree itself (about 290 MB of folders and pages) is
/// removed once the runs are done: the tests read only the reports, kept here by file name.
struct Fleet {
    /// `TREE/home`: the PATH every run was given, so all name files the same way.
    home: PathBuf,
    /// `whole.json`, `shard-1.json`, `merged.txt` (the README's merge line's output) ...: every
    /// report the runs wrote.
    reports: BTreeMap<String, String>,
    whole: Duration,
    shards: Duration,
    merge: Duration,
}

impl Fleet {
    fn report(&self, name: &str) -> &str {
        self.reports
            .get(name)
            .unwrap_or_else(|| panic!("no report {name} among {:?}", self.reports.keys()))
    }
}

static FLEET: OnceLock<Fleet> = OnceLock::new();

/// The lines of the README's example of shards and merge, `/home` replaced by `home`.
fn readme_lines(home: &Path) -> Vec<String> {
    let readme = fs::read_to_string(root().join("README.md")).unwrap();
    let section = readme
        .split_once("\n### Tenants, shards and merge\n")
        .expect("README.md has `### Tenants, shards and merge`")
        .1;
    let section = &section[..section.find("\n### ").unwrap_or(section.len())];
    let block = section
        .split_once("```sh\n")
        .and_then(|(_, rest)| rest.split_once("```"))
        .expect("the section shows its commands in a ```sh block")
        .0;
    block
        .lines()
        .map(|line| {
            assert!(
                line.contains(" /home") || line.contains(" merge "),
                "{line}"
            );
            line.replace(" /home", &format!(" {}", home.display()))
        })
        .collect()
}

/// A README line, run with sh from `cwd` with the built binary first on PATH.
fn readme_line(line: &str, cwd: &Path) -> Command {
    let bin = Path::new(env!("CARGO_BIN_EXE_kspay-migrate"))
        .parent()
        .unwrap();
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let mut cmd = Command::new("sh");
    cmd.arg("-c")
        .arg(line)
        .current_dir(cwd)
        .env("PATH", path)
        .env("NO_COLOR", "1");
    cmd
}

/// Starts `cmd` as `output()` would run it: no stdin, stdout and stderr kept for the checks.
fn spawn(mut cmd: Command) -> Child {
    cmd.stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

fn tool() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_kspay-migrate"));
    cmd.env("NO_COLOR", "1");
    cmd
}

/// A scan or merge exits 1: the tree has stale pages, and nothing in it is an error.
fn assert_found(what: &str, output: &Output) {
    assert_eq!(
        output.status.code(),
        Some(1),
        "{what} should exit 1 (findings, no error):\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// A folder for the tree: in memory (a tmpfs) where the machine has one. On a disk mounted with
/// `discard` (as this project's machines are), creating and removing the tree's 75,000 files and
/// folders took longer than all the runs over it (a minute to remove it).
fn scratch() -> tempfile::TempDir {
    let shm = Path::new("/dev/shm");
    shm.is_dir()
        .then(|| tempfile::tempdir_in(shm).ok())
        .flatten()
        .unwrap_or_else(|| tempfile::tempdir().unwrap())
}

fn fleet() -> &'static Fleet {
    FLEET.get_or_init(|| {
        let dir = scratch();
        let started = Instant::now();
        let counts = corpus::write_fleet(dir.path(), TENANTS, SEED);
        let generated = started.elapsed();
        let home = dir.path().join("home");
        let out = dir.path().join("reports");
        fs::create_dir(&out).unwrap();
        let lines = readme_lines(&home);
        let [shard_1, shard_2, merge, merge_any] = &lines[..] else {
            panic!("the README's example has two shards and two merges: {lines:#?}")
        };
        assert!(shard_1.contains("--shard 1/2") && shard_2.contains("--shard 2/2"));

        // The run over the whole tree, in every form the merges are compared in.
        let started = Instant::now();
        let output = tool()
            .args(["check", "--format", "json", "--output", "whole.json"])
            .args([
                "--output",
                "text=whole.txt",
                "--output",
                "tenants=whole.csv",
            ])
            .args(["--output", "sarif=whole.sarif"])
            .arg(&home)
            .current_dir(&out)
            .output()
            .unwrap();
        assert_found("check over the whole tree", &output);
        let whole = started.elapsed();

        // Both shards at once, as two machines (or two `parallel` jobs) would run them.
        let started = Instant::now();
        let shards: Vec<Child> = [shard_1, shard_2]
            .into_iter()
            .map(|line| spawn(readme_line(line, &out)))
            .collect();
        for (line, child) in [shard_1, shard_2].into_iter().zip(shards) {
            assert_found(line, &child.wait_with_output().unwrap());
        }
        let shards = started.elapsed();

        let started = Instant::now();
        let output = readme_line(merge, &out).output().unwrap();
        let merge_time = started.elapsed();
        assert_found(merge, &output);
        fs::write(out.join("merged.txt"), &output.stdout).unwrap();
        let output = readme_line(merge_any, &out).output().unwrap();
        assert_found(merge_any, &output);
        fs::write(out.join("merged.sarif"), &output.stdout).unwrap();
        // And the JSON report of the merge, to compare field by field.
        let output = tool()
            .args([
                "merge",
                "--output",
                "json=merged.json",
                "shard-1.json",
                "shard-2.json",
            ])
            .current_dir(&out)
            .output()
            .unwrap();
        assert_found("merge --output json=merged.json", &output);

        eprintln!(
            "fleet: {} files ({:.1} MiB, {} stale) in {TENANTS} tenants generated in {:.1} s; \
             one run {:.1} s; shards 1/2 and 2/2 at once {:.1} s; merge {:.1} s",
            counts.files,
            counts.bytes as f64 / f64::from(1 << 20),
            counts.stale,
            generated.as_secs_f64(),
            whole.as_secs_f64(),
            shards.as_secs_f64(),
            merge_time.as_secs_f64(),
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
            merge: merge_time,
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

/// A JSON report's `tenants` counts, by tenant.
fn tenant_rows(report: &Value) -> BTreeMap<String, Value> {
    report["tenants"]
        .as_array()
        .expect("a version 2 report counts by tenant")
        .iter()
        .map(|row| (row["tenant"].as_str().unwrap().to_string(), row.clone()))
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

/// The user folder a reported path is in: `user00042` for `HOME/user00042/public_html/...`.
fn user_of<'p>(fleet: &Fleet, path: &'p str) -> &'p str {
    let below = path
        .strip_prefix(&format!("{}/", fleet.home.display()))
        .unwrap_or_else(|| panic!("{path} is not under the tree"));
    below.split('/').next().unwrap()
}

#[test]
fn every_tenant_lands_in_exactly_one_shard() {
    let fleet = fleet();
    let whole_json = json_report("whole.json", fleet.report("whole.json"));
    let shards_json = [1, 2].map(|k| {
        let name = format!("shard-{k}.json");
        json_report(&name, fleet.report(&name))
    });
    let whole = tenant_rows(&whole_json);
    let shards = [0, 1].map(|k| tenant_rows(&shards_json[k]));

    let all: BTreeSet<String> = (1..=TENANTS)
        .map(|n| fleet.home.join(corpus::fleet_user(n)).display().to_string())
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

    // Every finding of the whole run is in the shard of its tenant, and only there.
    let shard_paths: Vec<BTreeSet<&str>> = shards_json
        .iter()
        .map(|report| {
            report["findings"]
                .as_array()
                .unwrap()
                .iter()
                .map(|f| f["path"].as_str().unwrap())
                .collect()
        })
        .collect();
    let findings = whole_json["findings"].as_array().unwrap();
    assert!(findings.len() > 100, "the fleet has stale pages");
    for finding in findings {
        let path = finding["path"].as_str().unwrap();
        let k = expected_shard(user_of(fleet, path));
        assert!(shard_paths[k - 1].contains(path), "{path} not in shard {k}");
        assert!(
            !shard_paths[2 - k].contains(path),
            "{path} also in the other shard"
        );
    }
    assert_eq!(
        shard_paths.iter().map(BTreeSet::len).sum::<usize>(),
        findings.len()
    );
}

#[test]
fn two_shards_at_once_merged_equal_one_run() {
    let fleet = fleet();
    eprintln!(
        "fleet: one run {:.1} s; shards at once {:.1} s; merge {:.1} s",
        fleet.whole.as_secs_f64(),
        fleet.shards.as_secs_f64(),
        fleet.merge.as_secs_f64()
    );
    assert_same_report(
        "two shards",
        json_report("merged.json", fleet.report("merged.json")),
        json_report("whole.json", fleet.report("whole.json")),
    );
    let whole_text = fleet.report("whole.txt");
    assert!(
        whole_text.contains("error[jeju-mpi-to-isp]"),
        "{whole_text}"
    );
    assert_eq!(
        text_without_timing(fleet.report("merged.txt")),
        text_without_timing(whole_text),
        "the merged text report differs from the run over the whole tree"
    );
    assert_eq!(
        fleet.report("merged.sarif"),
        fleet.report("whole.sarif"),
        "the merged SARIF report differs from the run over the whole tree"
    );
    assert_eq!(
        fleet.report("fleet.csv"),
        fleet.report("whole.csv"),
        "the merged tenants CSV differs from the run over the whole tree"
    );
}
