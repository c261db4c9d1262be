//! Bad input of every kind in one tree: each is reported with its path, the run goes on, the
//! good pages are still fixed, nothing is written where it must not be, and nothing blocks.
//! Permission faults only mean something to an unprivileged user: when the tests run as root,
//! the tool runs as `nobody` (through `setpriv`) over files that user owns or cannot touch.

mod common;
mod report_schema;
use common::{is_root, root, temp_files};
use report_schema::assert_valid_report;

use std::ffi::OsString;
use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const NOBODY: u32 = 65534;

fn chmod(path: &Path, mode: u32) {
    fs::set_permissions(path, fs::Permissions::from_mode(mode)).unwrap();
}

/// Gives `path` to the user the tool runs as.
fn give(path: &Path, as_root: bool) {
    if as_root {
        std::os::unix::fs::chown(path, Some(NOBODY), Some(NOBODY)).unwrap();
    }
}

/// Runs the tool (as `nobody` when we are root), failing the test if it does not end in 60 s.
/// The binary is copied into `holder` first: `nobody` may not reach the build folder (a
/// checkout under `/root`).
fn run(holder: &Path, args: &[&std::ffi::OsStr], as_root: bool) -> (i32, String) {
    let binary = holder.join("kspay-migrate");
    fs::copy(assert_cmd::cargo::cargo_bin("kspay-migrate"), &binary).unwrap();
    chmod(&binary, 0o755);
    let mut command = if as_root {
        let mut c = Command::new("setpriv");
        c.args(["--reuid=65534", "--regid=65534", "--clear-groups"])
            .arg(&binary);
        c
    } else {
        Command::new(&binary)
    };
    let mut child = command
        .args(args)
        .env("NO_COLOR", "1")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let started = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > Duration::from_secs(60) {
            child.kill().unwrap();
            panic!("the run blocked");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let output = child.wait_with_output().unwrap();
    let text = String::from_utf8_lossy(&output.stdout).to_string()
        + &String::from_utf8_lossy(&output.stderr);
    (output.status.code().unwrap(), text)
}

#[test]
fn every_bad_input_is_named_and_the_run_goes_on() {
    let as_root = is_root();
    let stale = fs::read(root().join("samples/asp-shop/kspay/KSPayForm.asp")).unwrap();
    let holder = tempfile::tempdir().unwrap();
    chmod(holder.path(), 0o755);
    let site = holder.path().join("site");
    fs::create_dir(&site).unwrap();
    give(&site, as_root);
    let page = |name: &str, bytes: &[u8]| {
        let path = site.join(name);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(&path, bytes).unwrap();
        give(&path, as_root);
        path
    };

    let good = page("good/KSPayForm.asp", &stale);
    give(&site.join("good"), as_root);
    let read_only = page("readonly.asp", &stale);
    chmod(&read_only, 0o444);
    let in_locked_dir = page("locked/KSPayForm.asp", &stale);
    give(&site.join("locked"), as_root);
    chmod(&site.join("locked"), 0o555);
    page("empty.php", b"");
    page("banner.php", b"GIF89a\x00\x00\xC1\xA6\xC1\xD6");
    let big = page("big.php", &[stale.as_slice(); 4].concat());
    page(
        "undecodable.php",
        b"<meta charset=\"euc-kr\">\r\n<p>\xC1\xA6\xC1\xD6 \x80\x80</p>\r\n",
    );
    // Declares EUC-KR, holds UTF-8.
    page(
        "contradicts.php",
        "<meta charset=\"euc-kr\">\n<p>안심클릭 제주</p>\n".as_bytes(),
    );
    page("dir.php/KSPayForm.asp", &stale);
    give(&site.join("dir.php"), as_root);
    Command::new("mkfifo")
        .arg(site.join("fifo.php"))
        .status()
        .unwrap();
    let _socket = std::os::unix::net::UnixListener::bind(site.join("socket.php")).unwrap();
    if as_root {
        Command::new("mknod")
            .arg(site.join("device.php"))
            .args(["c", "1", "3"])
            .status()
            .unwrap();
    }
    // Permission faults the unprivileged user meets: a page and a folder it cannot read.
    if as_root {
        let secret = page("unreadable.asp", &stale);
        std::os::unix::fs::chown(&secret, Some(0), Some(0)).unwrap();
        chmod(&secret, 0o600);
        let closed = site.join("closed");
        fs::create_dir(&closed).unwrap();
        fs::write(closed.join("KSPayForm.asp"), &stale).unwrap();
        chmod(&closed, 0o700);
    }
    let missing = holder.path().join("no-such-site");
    // The JSON report of the same run, in a folder the tool may write.
    let reports = holder.path().join("reports");
    fs::create_dir(&reports).unwrap();
    give(&reports, as_root);
    let json = reports.join("run.json");
    let mut json_output = OsString::from("json=");
    json_output.push(&json);

    let (code, output) = run(
        holder.path(),
        &[
            "fix".as_ref(),
            "--write".as_ref(),
            "--max-filesize".as_ref(),
            "20K".as_ref(),
            "--output".as_ref(),
            &json_output,
            site.as_os_str(),
            missing.as_os_str(),
            site.join("fifo.php").as_os_str(),
        ],
        as_root,
    );
    assert_eq!(code, 2, "{output}");
    let expect =
        |needle: &str| assert!(output.contains(needle), "missing {needle:?} in:\n{output}");
    expect("readonly.asp: error: is read-only (mode 444)");
    expect("locked/KSPayForm.asp: error: cannot write: permission denied");
    expect("undecodable.php: error:");
    expect("contradicts.php: error:");
    expect("big.php: note: skipped:");
    expect("no-such-site: error: no such file or directory");
    expect("fifo.php: error: not a regular file or folder");
    if as_root {
        expect("unreadable.asp: error: cannot read: permission denied");
        expect("closed: error: permission denied");
    }
    assert!(!output.contains("panicked"), "{output}");

    // The JSON report names the same files, and its schema holds for every kind of error.
    let report: serde_json::Value = serde_json::from_slice(&fs::read(&json).unwrap()).unwrap();
    assert_valid_report(&report);
    let errors: Vec<&str> = report["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["path"].as_str().unwrap())
        .collect();
    assert_eq!(report["summary"]["errors"], errors.len(), "{report:#}");
    for name in [
        "readonly.asp",
        "locked/KSPayForm.asp",
        "undecodable.php",
        "contradicts.php",
        "no-such-site",
        "fifo.php",
    ] {
        assert!(
            errors.iter().any(|p| p.ends_with(name)),
            "{name}: {errors:?}"
        );
    }

    // The good pages were fixed; nothing else was written; no temporary file is left.
    assert_ne!(fs::read(&good).unwrap(), stale);
    assert_ne!(fs::read(site.join("dir.php/KSPayForm.asp")).unwrap(), stale);
    assert_eq!(fs::read(&read_only).unwrap(), stale);
    assert_eq!(fs::read(&in_locked_dir).unwrap(), stale);
    assert_eq!(fs::read(&big).unwrap().len(), stale.len() * 4);
    let leftovers = temp_files(&site);
    assert!(leftovers.is_empty(), "{leftovers:?}");
    chmod(&site.join("locked"), 0o755);
}
