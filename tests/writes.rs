//! The write path under faults: backups, links out of the tree, interrupted runs. Every fault
//! is made in a temporary folder.

mod common;
use common::{is_root, root, temp_files, tool};

use std::fs;
use std::process::{Command as Process, Stdio};
use std::time::Duration;

use predicates::prelude::*;

const STALE_PAGE: &str = "samples/asp-shop/kspay/KSPayForm.asp";

fn stale_bytes() -> Vec<u8> {
    fs::read(root().join(STALE_PAGE)).unwrap()
}

/// The page as `fix --write` leaves it, computed on a copy.
fn fixed_bytes() -> Vec<u8> {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("KSPayForm.asp");
    fs::write(&page, stale_bytes()).unwrap();
    tool().args(["fix", "--write"]).arg(&page).assert().code(0);
    let fixed = fs::read(&page).unwrap();
    assert_ne!(fixed, stale_bytes());
    fixed
}

#[test]
fn backup_keeps_the_original_beside_the_file_and_requires_write() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("KSPayForm.asp");
    fs::write(&page, stale_bytes()).unwrap();

    tool()
        .args(["fix", "--backup"])
        .arg(dir.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--write"));

    tool()
        .args(["fix", "--write", "--backup=.bak"])
        .arg(dir.path())
        .assert()
        .code(0);
    assert_eq!(
        fs::read(dir.path().join("KSPayForm.asp.bak")).unwrap(),
        stale_bytes()
    );
    assert_eq!(fs::read(&page).unwrap(), fixed_bytes());

    // A stale page whose `.orig` name is taken: not written, the old backup kept.
    let second = dir.path().join("second.asp");
    fs::write(&second, stale_bytes()).unwrap();
    fs::write(dir.path().join("second.asp.orig"), b"an earlier backup").unwrap();
    tool()
        .args(["fix", "--write", "--backup"])
        .arg(&second)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("second.asp.orig already exists"));
    assert_eq!(fs::read(&second).unwrap(), stale_bytes());
    assert_eq!(
        fs::read(dir.path().join("second.asp.orig")).unwrap(),
        b"an earlier backup"
    );
}

#[test]
fn followed_links_never_lead_a_write_outside_the_given_folders() {
    let dir = tempfile::tempdir().unwrap();
    let (site, outside) = (dir.path().join("site"), dir.path().join("outside"));
    fs::create_dir_all(&site).unwrap();
    fs::create_dir_all(&outside).unwrap();
    fs::write(site.join("KSPayForm.asp"), stale_bytes()).unwrap();
    fs::write(outside.join("KSPayForm.asp"), stale_bytes()).unwrap();
    std::os::unix::fs::symlink(&outside, site.join("linked")).unwrap();
    std::os::unix::fs::symlink(&site, site.join("loop")).unwrap();

    // Not followed by default: only the page inside is seen.
    tool()
        .args(["check", "-q"])
        .arg(&site)
        .assert()
        .code(1)
        .stdout(predicate::str::contains("linked").not());

    // Followed: the loop is reported, the outside page is read but never written.
    tool()
        .args(["fix", "--write", "--follow-symlinks"])
        .arg(&site)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("lies outside the given folders"))
        .stderr(predicate::str::contains("symbolic link loop"));
    assert_eq!(
        fs::read(outside.join("KSPayForm.asp")).unwrap(),
        stale_bytes()
    );
    assert_eq!(fs::read(site.join("KSPayForm.asp")).unwrap(), fixed_bytes());
}

/// The mark `fix --write` puts on its temporary files (root's cannot be set by a tenant).
fn temp_mark() -> &'static str {
    if is_root() {
        "trusted.kspay-migrate.temp"
    } else {
        "user.kspay-migrate.temp"
    }
}

#[test]
fn leftover_temporary_files_are_reported_and_only_marked_ones_removed_by_write() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("KSPayForm.asp"), stale_bytes()).unwrap();
    let leftover = dir.path().join(".kspay-migrate-Ab12Cd.tmp");
    fs::write(&leftover, &stale_bytes()[..100]).unwrap();
    let marked = fs::File::open(&leftover).unwrap();
    rustix::fs::fsetxattr(&marked, temp_mark(), b"1", rustix::fs::XattrFlags::empty()).unwrap();
    // A tenant's file that only has the name: a later run must not delete it.
    let bait = dir.path().join(".kspay-migrate-mine.tmp");
    fs::write(&bait, b"the tenant's own file").unwrap();

    tool()
        .arg("check")
        .arg(dir.path())
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            ".kspay-migrate-Ab12Cd.tmp: note: temporary file left by an interrupted run",
        ));
    assert!(leftover.exists(), "check must not delete anything");

    tool()
        .args(["fix", "--write"])
        .arg(dir.path())
        .assert()
        .code(0)
        .stderr(predicate::str::contains(
            ".kspay-migrate-Ab12Cd.tmp: note: removed a temporary file",
        ))
        .stderr(predicate::str::contains(
            ".kspay-migrate-mine.tmp: note: named like a temporary file of this tool, but not marked",
        ));
    assert!(!leftover.exists());
    assert_eq!(fs::read(&bait).unwrap(), b"the tenant's own file");
    assert_eq!(temp_files(dir.path()), [bait]);
}

/// A tree of `count` copies of the stale page, spread over tenant folders.
fn stale_tree(count: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..count {
        let sub = dir.path().join(format!("tenant{:03}", i % 50));
        fs::create_dir_all(&sub).unwrap();
        fs::write(sub.join(format!("KSPayForm{i}.asp")), stale_bytes()).unwrap();
    }
    dir
}

#[test]
fn a_killed_write_leaves_every_file_wholly_old_or_wholly_new() {
    const FILES: usize = 300;
    let (stale, fixed) = (stale_bytes(), fixed_bytes());
    let binary = assert_cmd::cargo::cargo_bin("kspay-migrate");
    // Files are written in walk order: once the first one is new, the run is writing. Kill it
    // then, and at later moments, so that kills land between and during file writes.
    for (round, after_first_write) in [0u64, 3, 15, 40].into_iter().enumerate() {
        let dir = stale_tree(FILES);
        let first = walkdir::WalkDir::new(dir.path())
            .sort_by_file_name()
            .into_iter()
            .map(Result::unwrap)
            .find(|e| e.file_type().is_file())
            .unwrap()
            .into_path();
        let mut child = Process::new(&binary)
            .args(["fix", "--write", "-j2"])
            .arg(dir.path())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        while fs::read(&first).unwrap() != fixed {
            assert!(child.try_wait().unwrap().is_none(), "the run ended unseen");
            std::thread::sleep(Duration::from_micros(200));
        }
        std::thread::sleep(Duration::from_millis(after_first_write));
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();

        let mut new_files = 0;
        for entry in walkdir::WalkDir::new(dir.path()) {
            let entry = entry.unwrap();
            let name = entry.file_name().to_string_lossy().to_string();
            if entry.file_type().is_file() && name.ends_with(".asp") {
                let bytes = fs::read(entry.path()).unwrap();
                assert!(
                    bytes == stale || bytes == fixed,
                    "round {round}: {} is torn",
                    entry.path().display()
                );
                new_files += usize::from(bytes == fixed);
            }
        }
        eprintln!(
            "round {round}: killed {after_first_write} ms after the first write: {new_files} of {FILES} new, {} temp files left",
            temp_files(dir.path()).len()
        );
        assert!(
            (1..FILES).contains(&new_files),
            "round {round}: not killed mid-run"
        );
        // The next run finishes the job and clears whatever the kill left.
        tool()
            .args(["fix", "--write"])
            .arg(dir.path())
            .assert()
            .success();
        assert!(temp_files(dir.path()).is_empty(), "round {round}");
        tool().arg("check").arg(dir.path()).assert().code(0);
    }
}

#[test]
fn a_tenant_owned_file_keeps_its_owner_group_and_mode() {
    if !is_root() {
        eprintln!("not root: a file of another owner cannot be made here");
        return;
    }
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("KSPayForm.asp");
    fs::write(&page, stale_bytes()).unwrap();
    std::os::unix::fs::chown(&page, Some(65534), Some(65534)).unwrap();
    fs::set_permissions(&page, fs::Permissions::from_mode(0o640)).unwrap();
    tool().args(["fix", "--write"]).arg(&page).assert().code(0);
    let meta = fs::metadata(&page).unwrap();
    assert_eq!(fs::read(&page).unwrap(), fixed_bytes());
    assert_eq!((meta.uid(), meta.gid()), (65534, 65534));
    assert_eq!(meta.mode() & 0o7777, 0o640);
}
