//! Issue 15's engines: the README's `## Hosting fleets` runs the tool's shards with GNU
//! parallel, Ansible and Kubernetes instead of a scheduler of its own. These tests run what the
//! README shows, as it shows it, with the built binary first on PATH and a generated tree (the
//! `fleet` profile of `gen_corpus`) where the README says `/home`; each engine's merged report
//! must equal one `check` over the same tree, timing aside.
//!
//! - GNU parallel: both one-liners run in bash. Across hosts, `ssh` is replaced by a stand-in
//!   (`PARALLEL_SSH`, which parallel reads) that runs each host's commands here, in a folder of
//!   that host's own, so `--return` and `--cleanup` really copy the reports back with rsync and
//!   remove them from the "hosts".
//! - Ansible: the README's `ansible-playbook` line with an inventory of two hosts on this
//!   machine (`ansible_connection=local`), each with its own tenant root.
//! - Kubernetes: no cluster here. The manifests are parsed, checked against each other (the
//!   shard count, the volumes), and each pod's command line is run with its index, the volumes'
//!   mount paths pointing to temporary folders.
//!
//! `parallel`, `ansible-playbook` and `rsync` must be installed (`.ci/run` installs them): a
//! missing one fails its test rather than skipping it.

mod common;
use common::same_run::{assert_same_report, text_without_timing};
#[path = "common/corpus.rs"]
mod corpus;
mod report_schema;

use std::fs;
use std::os::unix::fs::{PermissionsExt, symlink};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde::Deserialize;
use serde_json::Value;

use common::root;

/// The built binary's folder, put first on PATH so that `kspay-migrate` in a README line is it.
fn tool_path() -> String {
    let bin = Path::new(env!("CARGO_BIN_EXE_kspay-migrate"));
    let folder = bin.parent().unwrap().display().to_string();
    format!("{folder}:{}", std::env::var("PATH").unwrap_or_default())
}

/// A command with the built tool on PATH, colour off, run from `cwd` (with `PWD` set as a shell
/// sets it: the Ansible playbook reads it).
fn command(program: &str, cwd: &Path) -> Command {
    let mut cmd = Command::new(program);
    cmd.current_dir(cwd)
        .env("PATH", tool_path())
        .env("PWD", cwd)
        .env("NO_COLOR", "1");
    cmd
}

/// Fails unless `program` is installed: these engines are what the tests are about.
fn require(program: &str, package: &str) {
    let found = Command::new("sh")
        .args(["-c", &format!("command -v {program}")])
        .output()
        .is_ok_and(|out| out.status.success());
    assert!(
        found,
        "`{program}` is not installed: `apt-get install {package}` (.ci/run installs it)"
    );
}

/// The code blocks of the README's `### {section}`, in order.
fn readme_blocks(section: &str) -> Vec<String> {
    let readme = fs::read_to_string(root().join("README.md")).unwrap();
    let heading = format!("\n### {section}\n");
    let start = readme
        .find(&heading)
        .unwrap_or_else(|| panic!("README.md has no `### {section}`"));
    let body = &readme[start + heading.len()..];
    let body = &body[..body.find("\n## ").unwrap_or(body.len())];
    let body = &body[..body.find("\n### ").unwrap_or(body.len())];
    let mut blocks = Vec::new();
    let mut rest = body;
    while let Some(open) = rest.find("```") {
        let after = &rest[open + 3..];
        let code_start = after.find('\n').unwrap() + 1;
        let close = after[code_start..].find("```").unwrap();
        blocks.push(after[code_start..code_start + close].to_string());
        rest = &after[code_start + close + 3..];
    }
    blocks
}

/// The README's code block of `section` that holds `needle`.
fn readme_block(section: &str, needle: &str) -> String {
    let blocks = readme_blocks(section);
    blocks
        .iter()
        .find(|block| block.contains(needle))
        .unwrap_or_else(|| panic!("README.md's `### {section}` shows no `{needle}`: {blocks:#?}"))
        .clone()
}

/// Replaces the README's `/home` (the PATH of its examples) with the generated tree.
fn on_tree(block: &str, home: &Path) -> String {
    assert!(block.contains(" /home"), "no ` /home` in {block}");
    block.replace(" /home", &format!(" {}", home.display()))
}

/// A generated fleet of `tenants` users; returns its `home` folder.
fn fleet(under: &Path, tenants: usize, seed: u64) -> PathBuf {
    let counts = corpus::write_fleet(under, tenants, seed);
    assert!(counts.stale > 0, "seed {seed} gives the fleet stale pages");
    under.join("home")
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

fn assert_exit(what: &str, output: &Output, code: i32) {
    assert_eq!(
        output.status.code(),
        Some(code),
        "{what}\n--- stdout\n{}\n--- stderr\n{}",
        stdout(output),
        String::from_utf8_lossy(&output.stderr)
    );
}

/// What one `check` over `paths` reports, in the three forms the engines' merges are compared
/// in: the JSON report, the text report, the tenants CSV.
struct Reports {
    json: Value,
    text: String,
    tenants: String,
    html: String,
}

/// `check` from `cwd`, the folder the engine ran its shards from: a fingerprint names its file
/// relative to the current folder when the file is below it, so only a run from the same
/// folder gives the same fingerprints.
fn single_run(paths: &[&Path], cwd: &Path, out: &Path) -> Reports {
    let json = out.join("single.json");
    let tenants = out.join("single.csv");
    let html = out.join("single.html");
    let output = command(env!("CARGO_BIN_EXE_kspay-migrate"), cwd)
        .args(["check", "--isolated", "--no-ignore", "--output"])
        .arg(format!("json={}", json.display()))
        .arg("--output")
        .arg(format!("tenants={}", tenants.display()))
        .arg("--output")
        .arg(format!("html={}", html.display()))
        .args(paths)
        .output()
        .unwrap();
    assert_exit("check over the whole tree", &output, 1);
    Reports {
        json: json_report(&json),
        text: stdout(&output),
        tenants: fs::read_to_string(tenants).unwrap(),
        html: fs::read_to_string(html).unwrap(),
    }
}

/// `merge --format json` of shards' reports, for a comparison with one run.
fn merged_json(reports: &[PathBuf], cwd: &Path) -> Value {
    let out = cwd.join("merged-by-test.json");
    let output = command(env!("CARGO_BIN_EXE_kspay-migrate"), cwd)
        .args(["merge", "--format", "json", "--output"])
        .arg(&out)
        .args(reports)
        .output()
        .unwrap();
    assert_exit("merge --format json", &output, 1);
    json_report(&out)
}

fn json_report(path: &Path) -> Value {
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let report: Value = serde_json::from_str(&text)
        .unwrap_or_else(|e| panic!("{} is not JSON: {e}", path.display()));
    report_schema::assert_valid_report(&report);
    report
}

/// The HTML report without its timing (the summary's `elapsed_ms` and the closing line's).
fn html_without_timing(html: &str) -> String {
    let timing = regex::Regex::new(r#"data-count="elapsed_ms">\d+<|\(\d+ ms\)\."#).unwrap();
    assert_eq!(timing.find_iter(html).count(), 2, "{html}");
    timing.replace_all(html, "N").into_owned()
}

/// Fails unless a merged HTML report is the one run's, timing aside.
fn assert_same_html(engine: &str, merged: &Path, single: &Reports) {
    let merged = fs::read_to_string(merged).unwrap();
    assert!(
        html_without_timing(&merged) == html_without_timing(&single.html),
        "{engine}: the merged HTML report differs from one run over the same tree"
    );
}

fn assert_same_run(engine: &str, merged_json: Value, merged_text: &str, single: &Reports) {
    assert!(
        single.json["summary"]["findings"].as_u64() > Some(0),
        "the tree has findings to merge"
    );
    assert_same_report(engine, merged_json, single.json.clone());
    assert_eq!(
        text_without_timing(merged_text),
        text_without_timing(&single.text),
        "{engine}: the merged text report differs from one run over the same tree"
    );
}

// --- GNU parallel --------------------------------------------------------------------------

/// A stand-in for `ssh HOST COMMAND...` (as GNU parallel and rsync call it): runs COMMAND with
/// sh, as sshd runs it with the login shell, in `$FAKE_SSH_HOSTS/HOST` (the host's home
/// folder), and notes each call in `$FAKE_SSH_HOSTS/calls.log`. Like sshd, it sets `SHELL` to
/// the user's login shell: parallel's remote worker runs each job with `$SHELL`, and a CI runner
/// may start the tests without it (the job then silently never ran, and no report came back).
const FAKE_SSH: &str = r#"#!/bin/sh
echo "$*" >> "$FAKE_SSH_HOSTS/calls.log"
SHELL=$(getent passwd "$(id -u)" | cut -d: -f7)
export SHELL="${SHELL:-/bin/sh}"
while [ $# -gt 0 ]; do
    case "$1" in
        -l|-p|-o|-S|-i|-F|-J) shift 2 ;;
        --) shift; break ;;
        -*) shift ;;
        *) break ;;
    esac
done
host=$1; shift
[ "$1" = "--" ] && shift
mkdir -p "$FAKE_SSH_HOSTS/$host" && cd "$FAKE_SSH_HOSTS/$host" && exec sh -c "$*"
"#;

/// The shards' reports a GNU parallel line left in `run` (`shard-1.json` ...), in shard order.
fn shard_reports(run: &Path) -> Vec<PathBuf> {
    let mut reports: Vec<(u32, PathBuf)> = fs::read_dir(run)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter_map(|path| {
            let name = path.file_name()?.to_str()?;
            let k = name.strip_prefix("shard-")?.strip_suffix(".json")?;
            Some((k.parse().ok()?, path))
        })
        .collect();
    reports.sort();
    reports.into_iter().map(|(_, path)| path).collect()
}

/// The jobs parallel's `--joblog` recorded: (shard, host, exit value).
fn joblog(run: &Path) -> Vec<(String, String, String)> {
    let log = fs::read_to_string(run.join("jobs.log")).unwrap();
    let mut jobs: Vec<(String, String, String)> = log
        .lines()
        .skip(1)
        .map(|line| {
            let fields: Vec<&str> = line.split('\t').collect();
            let shard = fields[8].split("--shard ").nth(1).unwrap();
            let shard = shard.split_whitespace().next().unwrap().to_string();
            (shard, fields[1].to_string(), fields[6].to_string())
        })
        .collect();
    jobs.sort();
    jobs
}

/// Runs a README block of `### GNU parallel` in bash from `work`; returns the output.
fn run_parallel_block(block: &str, work: &Path, env: &[(&str, &Path)]) -> Output {
    let mut cmd = command("bash", work);
    cmd.arg("-c").arg(block);
    for (name, value) in env {
        cmd.env(name, value);
    }
    cmd.output().unwrap()
}

#[test]
fn gnu_parallel_on_one_host_as_the_readme_shows() {
    require("parallel", "parallel");
    let dir = tempfile::tempdir().unwrap();
    let home = fleet(&dir.path().join("tree"), 400, 31);
    let work = dir.path().join("work");
    fs::create_dir(&work).unwrap();

    let block = readme_block("GNU parallel", "parallel --joblog");
    assert!(!block.contains("--sshlogin"), "{block}");
    let output = run_parallel_block(&on_tree(&block, &home), &work, &[]);
    // The line's status is merge's: 1, findings.
    assert_exit("the README's GNU parallel line", &output, 1);

    let run = work.join("kspay-run");
    let jobs = joblog(&run);
    assert_eq!(jobs.len(), 8, "{jobs:?}");
    assert!(jobs.iter().all(|(_, _, exit)| exit == "0"), "{jobs:?}");
    let shards = shard_reports(&run);
    assert_eq!(shards.len(), 8, "one report per shard: {shards:?}");

    let single = single_run(&[&home], &run, dir.path());
    assert_same_run(
        "GNU parallel",
        merged_json(&shards, &run),
        &stdout(&output),
        &single,
    );
}

#[test]
fn gnu_parallel_across_hosts_as_the_readme_shows() {
    require("parallel", "parallel");
    require("rsync", "rsync");
    let dir = tempfile::tempdir().unwrap();
    let home = fleet(&dir.path().join("tree"), 400, 32);
    let work = dir.path().join("work");
    let hosts = dir.path().join("hosts");
    fs::create_dir(&work).unwrap();
    fs::create_dir(&hosts).unwrap();
    let ssh = dir.path().join("fake-ssh");
    fs::write(&ssh, FAKE_SSH).unwrap();
    fs::set_permissions(&ssh, fs::Permissions::from_mode(0o755)).unwrap();

    let block = readme_block("GNU parallel", "--sshlogin");
    let output = run_parallel_block(
        &on_tree(&block, &home),
        &work,
        &[("PARALLEL_SSH", &ssh), ("FAKE_SSH_HOSTS", &hosts)],
    );
    assert_exit("the README's GNU parallel line across hosts", &output, 1);

    let run = work.join("kspay-run");
    let jobs = joblog(&run);
    assert_eq!(jobs.len(), 8, "{jobs:?}");
    assert!(jobs.iter().all(|(_, _, exit)| exit == "0"), "{jobs:?}");
    // Both hosts ran shards (parallel gives each as many jobs at once as it has cores).
    for host in ["web1", "web2"] {
        assert!(
            jobs.iter().any(|(_, h, _)| h == host),
            "no shard ran on {host}: {jobs:?}"
        );
        // --return copied each report back, --cleanup removed it from the host.
        let left: Vec<_> = fs::read_dir(hosts.join(host))
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert!(left.is_empty(), "{host} still holds {left:?}");
    }
    let shards = shard_reports(&run);
    assert_eq!(shards.len(), 8, "every report came back: {shards:?}");

    let single = single_run(&[&home], &run, dir.path());
    assert_same_run(
        "GNU parallel across hosts",
        merged_json(&shards, &run),
        &stdout(&output),
        &single,
    );
}

// --- Ansible -------------------------------------------------------------------------------

/// Runs the README's `ansible-playbook` line from a controller folder under `dir` whose
/// inventory lists `hosts` (name, extra inventory variables) as hosts on this machine. Returns
/// the controller folder and the run's output.
fn run_playbook(dir: &Path, hosts: &[(&str, String)]) -> (PathBuf, Output) {
    // The README's command names the playbook from a checkout of this repository, and writes
    // the reports under the folder it runs from.
    let controller = dir.join("controller");
    fs::create_dir(&controller).unwrap();
    symlink(root().join("deploy"), controller.join("deploy")).unwrap();
    let mut inventory = String::from("# Hosts that are this machine.\n[web]\n");
    for (host, vars) in hosts {
        inventory += &format!("{host} ansible_connection=local {vars}\n");
    }
    fs::write(controller.join("inventory.ini"), inventory).unwrap();

    let block = readme_block("Ansible", "ansible-playbook");
    let line = block
        .lines()
        .find(|line| line.starts_with("ansible-playbook "))
        .unwrap();
    let output = command("sh", &controller)
        .arg("-c")
        .arg(line)
        // Ansible's own files in the test's folder, its interpreter found without a warning.
        .env("ANSIBLE_LOCAL_TEMP", dir.join("ansible-local"))
        .env("ANSIBLE_REMOTE_TEMP", dir.join("ansible-remote"))
        .env("ANSIBLE_PYTHON_INTERPRETER", "auto_silent")
        .env("ANSIBLE_NOCOLOR", "1")
        .output()
        .unwrap();
    (controller, output)
}

fn paths_var(home: &Path) -> String {
    format!("kspay_paths='[\"{}\"]'", home.display())
}

#[test]
fn ansible_playbook_over_two_hosts_as_the_readme_shows() {
    require("ansible-playbook", "ansible");
    let dir = tempfile::tempdir().unwrap();
    let home_a = fleet(&dir.path().join("a"), 300, 41);
    let home_b = fleet(&dir.path().join("b"), 300, 42);
    let (controller, output) = run_playbook(
        dir.path(),
        &[
            ("host-a", paths_var(&home_a)),
            ("host-b", paths_var(&home_b)),
        ],
    );
    assert_exit("the README's ansible-playbook line", &output, 0);

    let reports = controller.join("kspay-reports");
    for host in ["host-a", "host-b"] {
        assert!(reports.join(format!("{host}.json")).is_file(), "{host}");
    }
    let single = single_run(&[&home_a, &home_b], &controller, dir.path());
    let merged_text = fs::read_to_string(reports.join("merged.txt")).unwrap();
    assert_same_run(
        "Ansible",
        json_report(&reports.join("merged.json")),
        &merged_text,
        &single,
    );
    assert_eq!(
        fs::read_to_string(reports.join("tenants.csv")).unwrap(),
        single.tenants,
        "Ansible: the merged tenants CSV differs from one run"
    );
    assert_same_html("Ansible", &reports.join("merged.html"), &single);
    // The play shows the merged run's summary line.
    let summary = merged_text.lines().last().unwrap();
    assert!(stdout(&output).contains(summary), "{}", stdout(&output));
}

#[test]
fn ansible_playbook_fails_naming_a_host_it_could_not_check() {
    require("ansible-playbook", "ansible");
    let dir = tempfile::tempdir().unwrap();
    let home_a = fleet(&dir.path().join("a"), 100, 43);
    // host-b has no tool where the inventory says.
    let broken = format!(
        "{} kspay_migrate=/nonexistent/kspay-migrate",
        paths_var(&home_a)
    );
    let (controller, output) = run_playbook(
        dir.path(),
        &[("host-a", paths_var(&home_a)), ("host-b", broken)],
    );
    assert!(!output.status.success(), "{}", stdout(&output));
    assert!(
        stdout(&output).contains("the merged report leaves out host-b"),
        "{}",
        stdout(&output)
    );
    // The hosts that were checked are still merged, for whoever reads the reports.
    let reports = controller.join("kspay-reports");
    assert!(!reports.join("host-b.json").exists());
    let single = single_run(&[&home_a], &controller, dir.path());
    assert_same_report(
        "Ansible, one host down",
        json_report(&reports.join("merged.json")),
        single.json,
    );
}

// --- Kubernetes ----------------------------------------------------------------------------

/// Every document of a YAML file of `deploy/k8s/`.
fn manifests(name: &str) -> Vec<Value> {
    let path = root().join("deploy/k8s").join(name);
    let text = fs::read_to_string(&path).unwrap();
    serde_norway::Deserializer::from_str(&text)
        .map(|document| {
            Value::deserialize(document)
                .unwrap_or_else(|e| panic!("{}: not YAML: {e}", path.display()))
        })
        .collect()
}

fn of_kind<'m>(documents: &'m [Value], kind: &str) -> Vec<&'m Value> {
    documents.iter().filter(|d| d["kind"] == kind).collect()
}

/// A Job's one container, and its command line as `sh -c SCRIPT`.
fn job_script(job: &Value) -> (&Value, String) {
    let containers = job["spec"]["template"]["spec"]["containers"]
        .as_array()
        .unwrap();
    assert_eq!(containers.len(), 1, "{job}");
    let command: Vec<&str> = containers[0]["command"]
        .as_array()
        .expect("the container names its command")
        .iter()
        .map(|part| part.as_str().unwrap())
        .collect();
    assert_eq!(command[..2], ["/bin/sh", "-c"], "{command:?}");
    assert_eq!(command.len(), 3, "{command:?}");
    (&containers[0], command[2].to_string())
}

/// The claim each mount of `container` reads, by mount path, with whether it is read-only.
fn mounts(job: &Value, container: &Value) -> Vec<(String, String, bool)> {
    let volumes = job["spec"]["template"]["spec"]["volumes"]
        .as_array()
        .unwrap();
    container["volumeMounts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|mount| {
            let volume = volumes
                .iter()
                .find(|v| v["name"] == mount["name"])
                .unwrap_or_else(|| panic!("no volume {}", mount["name"]));
            let claim = volume["persistentVolumeClaim"]["claimName"]
                .as_str()
                .expect("the volume is a PVC")
                .to_string();
            let path = mount["mountPath"].as_str().unwrap().to_string();
            (path, claim, mount["readOnly"] == true)
        })
        .collect()
}

#[test]
fn kubernetes_indexed_job_shards_and_merge_run_as_the_pods_would() {
    let shards_yaml = manifests("shards.yaml");
    let merge_yaml = manifests("merge.yaml");

    let claims = of_kind(&shards_yaml, "PersistentVolumeClaim");
    assert_eq!(claims.len(), 1, "shards.yaml defines the reports' claim");
    let reports_claim = claims[0]["metadata"]["name"].as_str().unwrap();
    assert!(
        claims[0]["spec"]["accessModes"]
            .as_array()
            .unwrap()
            .contains(&Value::from("ReadWriteMany")),
        "pods on several nodes write the reports"
    );

    let jobs = of_kind(&shards_yaml, "Job");
    assert_eq!(jobs.len(), 1);
    let shards_job = jobs[0];
    let spec = &shards_job["spec"];
    assert_eq!(spec["completionMode"], "Indexed");
    let count = spec["completions"].as_u64().unwrap();
    assert!(count >= 2, "a split in shards");
    assert!(spec["parallelism"].as_u64().unwrap() <= count);
    assert_eq!(spec["template"]["spec"]["restartPolicy"], "Never");

    let merge_jobs = of_kind(&merge_yaml, "Job");
    assert_eq!(merge_jobs.len(), 1);
    let merge_job = merge_jobs[0];
    assert!(merge_job["spec"]["completionMode"].is_null());

    // The volumes: the tenants' homes read-only for the shards, the reports' claim shared by
    // both Jobs at the same path.
    let (container, shard_script) = job_script(shards_job);
    let shard_mounts = mounts(shards_job, container);
    let (merge_container, merge_script) = job_script(merge_job);
    let merge_mounts = mounts(merge_job, merge_container);
    let homes: Vec<_> = shard_mounts
        .iter()
        .filter(|m| m.1 != reports_claim)
        .collect();
    assert_eq!(homes.len(), 1, "{shard_mounts:?}");
    assert!(homes[0].2, "the tenants' homes are mounted read-only");
    let reports_at = |mounts: &[(String, String, bool)]| {
        let found: Vec<_> = mounts.iter().filter(|m| m.1 == reports_claim).collect();
        assert_eq!(found.len(), 1, "{mounts:?}");
        assert!(!found[0].2, "the reports volume is written");
        found[0].0.clone()
    };
    let reports_path = reports_at(&shard_mounts);
    assert_eq!(reports_at(&merge_mounts), reports_path);

    // The pods' command lines, run here: the mount paths point to a generated tree and a
    // reports folder; JOB_COMPLETION_INDEX is what Kubernetes sets in each pod.
    let dir = tempfile::tempdir().unwrap();
    let home = fleet(&dir.path().join("tree"), 300, 51);
    let reports = dir.path().join("reports");
    fs::create_dir(&reports).unwrap();
    let local = |script: &str| {
        script
            .replace(&homes[0].0, &home.display().to_string())
            .replace(&reports_path, &reports.display().to_string())
    };
    let pod = |script: &str, index: Option<u64>| {
        let mut cmd = command("/bin/sh", dir.path());
        cmd.arg("-c").arg(local(script));
        if let Some(index) = index {
            cmd.env("JOB_COMPLETION_INDEX", index.to_string());
        }
        cmd
    };
    // A report of an earlier run is not taken for this one's.
    fs::write(reports.join("shard-1.json"), "{}").unwrap();
    let pods: Vec<_> = (0..count)
        .map(|index| {
            pod(&shard_script, Some(index))
                .stdin(Stdio::null())
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for (index, pod) in pods.into_iter().enumerate() {
        let output = pod.wait_with_output().unwrap();
        assert_exit(&format!("the shard pod of index {index}"), &output, 0);
    }
    // An index past the Job's completions has no shard: its pod fails.
    let output = pod(&shard_script, Some(count)).output().unwrap();
    assert!(!output.status.success(), "index {count} of {count} passed");

    let output = pod(&merge_script, None).output().unwrap();
    assert_exit("the merge pod", &output, 0);
    let single = single_run(&[&home], dir.path(), dir.path());
    assert_same_run(
        "Kubernetes",
        json_report(&reports.join("merged.json")),
        &stdout(&output),
        &single,
    );
    assert_eq!(
        fs::read_to_string(reports.join("tenants.csv")).unwrap(),
        single.tenants,
        "Kubernetes: the merged tenants CSV differs from one run"
    );
    assert_same_html("Kubernetes", &reports.join("merged.html"), &single);
}
