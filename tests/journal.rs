//! `fix --write --journal FILE` and `revert FILE` over hosting trees of real pages (the samples'
//! EUC-KR, CRLF ASP and PHP shops): a revert gives back every byte, mode and owner; files a
//! tenant changed since are refused; a second revert does nothing; a run killed at any moment
//! leaves a journal that is true about the disk and still undoes every write; a journal is
//! never kept where the run scans.

mod common;
use common::{is_root, root, temp_files, tool};

use std::collections::{BTreeMap, HashMap};
use std::fs;
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;
use sha2::{Digest, Sha256};

/// The shops each tenant runs: EUC-KR with CRLF, as old Korean shops were written.
const SHOPS: [&str; 2] = ["samples/asp-shop", "samples/php-shop"];

/// The stale page most tests copy: KSPAY's own entry page, EUC-KR and CRLF.
const STALE_PAGE: &str = "samples/asp-shop/kspay/KSPayForm.asp";

fn sha256(bytes: &[u8]) -> String {
    format!("{:x}", Sha256::digest(bytes))
}

/// A hosting tree: `home/<tenant>/public_html/` holding the shops, outside it a folder for
/// the journal. Pages get mode 0640 (the web server reads them by group); as root, each
/// tenant's files belong to the tenant's own uid and gid.
struct Host {
    dir: tempfile::TempDir,
}

impl Host {
    fn new(tenants: &[(&str, u32)]) -> Host {
        let host = Host {
            dir: tempfile::tempdir().unwrap(),
        };
        fs::create_dir(host.dir.path().join("admin")).unwrap();
        for (tenant, uid) in tenants {
            let www = host.home().join(tenant).join("public_html");
            for shop in SHOPS {
                let to = www.join(Path::new(shop).file_name().unwrap());
                common::copy_tree(&root().join(shop), &to);
            }
            for file in files(&www) {
                fs::set_permissions(&file, fs::Permissions::from_mode(0o640)).unwrap();
                if is_root() {
                    std::os::unix::fs::chown(&file, Some(*uid), Some(*uid)).unwrap();
                }
            }
        }
        host
    }

    fn home(&self) -> PathBuf {
        self.dir.path().join("home")
    }

    fn journal(&self) -> PathBuf {
        self.dir.path().join("admin/jeju.jsonl")
    }
}

/// Every file under `dir`, sorted.
fn files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = walkdir::WalkDir::new(dir)
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_type().is_file())
        .map(|e| e.into_path())
        .collect();
    files.sort();
    files
}

/// A file as a revert must give it back: every byte, the mode, the owner and group.
#[derive(Clone, PartialEq, Eq)]
struct Kept {
    bytes: Vec<u8>,
    mode: u32,
    uid: u32,
    gid: u32,
}

impl std::fmt::Debug for Kept {
    // A failed comparison names what differs, not a page's worth of bytes.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "sha256 {} ({} bytes), mode {:04o}, {}:{}",
            &sha256(&self.bytes)[..12],
            self.bytes.len(),
            self.mode,
            self.uid,
            self.gid
        )
    }
}

/// Every file under `dir` as it is now.
fn state(dir: &Path) -> BTreeMap<PathBuf, Kept> {
    files(dir)
        .into_iter()
        .map(|file| {
            let meta = fs::metadata(&file).unwrap();
            let kept = Kept {
                bytes: fs::read(&file).unwrap(),
                mode: meta.mode() & 0o7777,
                uid: meta.uid(),
                gid: meta.gid(),
            };
            (file, kept)
        })
        .collect()
}

fn run(args: &[&std::ffi::OsStr]) -> Output {
    tool().args(args).output().unwrap()
}

fn text(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned() + &String::from_utf8_lossy(&output.stderr)
}

/// Runs `fix --write --journal` over `paths` and expects `code`.
fn fix(journal: &Path, paths: &[&Path], more: &[&str], code: i32) -> String {
    let mut args: Vec<&std::ffi::OsStr> = vec!["fix".as_ref(), "--write".as_ref()];
    args.extend(more.iter().map(std::ffi::OsStr::new));
    args.extend(["--journal".as_ref(), journal.as_os_str()]);
    args.extend(paths.iter().map(|path| path.as_os_str()));
    let output = run(&args);
    let shown = text(&output);
    assert_eq!(output.status.code(), Some(code), "{shown}");
    shown
}

/// Runs `revert` with `more` options and expects `code`; returns stdout and stderr.
fn revert(journal: &Path, more: &[&str], code: i32) -> (String, String) {
    let mut args: Vec<&std::ffi::OsStr> = vec!["revert".as_ref()];
    args.extend(more.iter().map(std::ffi::OsStr::new));
    args.push(journal.as_os_str());
    let output = run(&args);
    assert_eq!(output.status.code(), Some(code), "{}", text(&output));
    (
        String::from_utf8(output.stdout).unwrap(),
        String::from_utf8(output.stderr).unwrap(),
    )
}

/// The journal's lines, parsed.
fn lines(journal: &Path) -> Vec<Value> {
    fs::read_to_string(journal)
        .unwrap()
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect()
}

/// A line's path, exactly (`path_hex` when the name is not UTF-8).
fn path_of(line: &Value) -> PathBuf {
    match line["path_hex"].as_str() {
        Some(hex) => {
            let bytes: Vec<u8> = (0..hex.len())
                .step_by(2)
                .map(|i| u8::from_str_radix(&hex[i..i + 2], 16).unwrap())
                .collect();
            PathBuf::from(std::ffi::OsStr::from_bytes(&bytes))
        }
        None => PathBuf::from(line["path"].as_str().unwrap()),
    }
}

/// Checks that every line of the journal is true about the disk as a run (perhaps killed)
/// left it, with no later change: a `written` file holds its after bytes, an `intent`
/// without outcome its before or after bytes, a `failed` one its before bytes; every kept
/// original hashes to its name; and every page under `tree` that differs from `originals`
/// has a line (no write the journal cannot undo). Returns the paths of the writes.
fn assert_journal_true(journal: &Path, tree: &Path, originals: &BTreeMap<PathBuf, Vec<u8>>) {
    let mut outcome: HashMap<PathBuf, (Value, Option<String>)> = HashMap::new();
    for line in lines(journal) {
        assert_eq!(line["version"], 1, "{line}");
        let path = path_of(&line);
        let state = line["state"].as_str().unwrap().to_owned();
        match state.as_str() {
            "intent" => {
                assert!(outcome.insert(path, (line, None)).is_none(), "two intents");
            }
            "written" | "failed" => {
                let entry = outcome.get_mut(&path).expect("an outcome after its intent");
                assert_eq!(entry.0["after"], line["after"]);
                assert!(entry.1.replace(state).is_none(), "two outcomes");
            }
            other => panic!("state {other}"),
        }
    }
    let kept = PathBuf::from(format!("{}.d", journal.display()));
    for (path, (line, state)) in &outcome {
        let now = sha256(&fs::read(path).unwrap());
        let (before, after) = (
            line["before"]["sha256"].as_str().unwrap(),
            line["after"]["sha256"].as_str().unwrap(),
        );
        match state.as_deref() {
            Some("written") => assert_eq!(now, after, "{}: written", path.display()),
            Some("failed") => assert_eq!(now, before, "{}: failed", path.display()),
            _ => assert!(now == before || now == after, "{}: torn", path.display()),
        }
        let original = fs::read(kept.join(before)).unwrap();
        assert_eq!(sha256(&original), before);
        let page = originals.get(path).unwrap_or_else(|| {
            panic!("{}: a journal line for no page of the tree", path.display())
        });
        assert_eq!(&original, page, "{}", path.display());
    }
    // A run killed between writing a page's temporary file and renaming it leaves that file
    // (the next writing run removes it); it is no page.
    let pages = files(tree).into_iter().filter(|file| {
        !kspay_migrate::source::leftover::is_temp_name(&file.file_name().unwrap().to_string_lossy())
    });
    for file in pages {
        if fs::read(&file).unwrap() != originals[&file] {
            assert!(
                outcome.contains_key(&file),
                "{} changed with no journal line",
                file.display()
            );
        }
    }
}

#[test]
fn fix_then_revert_gives_back_every_byte_mode_and_owner() {
    let host = Host::new(&[("alice", 1001), ("bob", 1002)]);
    let before = state(&host.home());
    let journal = host.journal();
    let shown = fix(&journal, &[&host.home()], &["--tenant-depth", "1"], 1);
    assert!(shown.contains("; journal "), "{shown}");

    let written: Vec<PathBuf> = before
        .keys()
        .filter(|file| fs::read(file).unwrap() != before[*file].bytes)
        .cloned()
        .collect();
    // Both shops of both tenants hold stale pages.
    assert!(written.len() >= 8, "{written:?}");
    let lines = lines(&journal);
    assert_eq!(
        lines.len(),
        2 * written.len(),
        "an intent and an outcome per write"
    );
    let run = lines[0]["run"].as_str().unwrap();
    assert_eq!(run.len(), 16);
    for line in &lines {
        let path = path_of(line);
        assert!(written.contains(&path), "{line}");
        let Kept {
            bytes,
            mode,
            uid,
            gid,
        } = &before[&path];
        let tenant = if path.starts_with(host.home().join("alice")) {
            "alice"
        } else {
            "bob"
        };
        assert_eq!(line["run"], run);
        assert!(["intent", "written"].contains(&line["state"].as_str().unwrap()));
        assert!(line["time"].as_str().unwrap().ends_with('Z'));
        assert_eq!(
            line["tenant"].as_str().unwrap(),
            format!("{}/{tenant}", host.home().display())
        );
        assert_eq!(line["before"]["sha256"], sha256(bytes));
        assert_eq!(line["before"]["size"], bytes.len());
        let now = fs::read(&path).unwrap();
        assert_eq!(line["after"]["sha256"], sha256(&now));
        assert_eq!(line["after"]["size"], now.len());
        assert_eq!(line["mode"], format!("{mode:04o}"));
        assert_eq!(
            (&line["uid"], &line["gid"]),
            (&Value::from(*uid), &Value::from(*gid))
        );
        assert_eq!(
            line["original"],
            format!("jeju.jsonl.d/{}", sha256(bytes)),
            "{line}"
        );
        assert_eq!(
            &fs::read(journal.with_extension("jsonl.d").join(sha256(bytes))).unwrap(),
            bytes
        );
    }
    // The originals are page sources (passwords in kspay_config.inc): the admin's alone.
    let kept = fs::metadata(journal.with_extension("jsonl.d")).unwrap();
    assert_eq!(kept.mode() & 0o777, 0o700);
    assert_eq!(fs::metadata(&journal).unwrap().mode() & 0o777, 0o600);

    // An admin's chmod (and chown) since the fix does not change the content: the revert
    // gives back the mode and owner the journal recorded.
    fs::set_permissions(&written[0], fs::Permissions::from_mode(0o666)).unwrap();
    if is_root() {
        std::os::unix::fs::chown(&written[0], Some(4242), Some(4242)).unwrap();
    }
    let (out, err) = revert(&journal, &[], 0);
    for file in &written {
        assert!(
            out.contains(&format!("{}: restored\n", file.display())),
            "{out}"
        );
    }
    assert!(
        err.contains(&format!("Reverted {} file(s); 0 already", written.len())),
        "{err}"
    );
    assert_eq!(
        state(&host.home()),
        before,
        "every byte, mode and owner back"
    );
    assert!(temp_files(host.dir.path()).is_empty());
}

#[test]
fn files_changed_since_the_fix_are_refused_and_the_others_restored() {
    let host = Host::new(&[("alice", 1001)]);
    let before = state(&host.home());
    let journal = host.journal();
    fix(&journal, &[&host.home()], &[], 1);
    let www = host.home().join("alice/public_html");
    // The tenant edits one fixed page and deletes another.
    let edited = www.join("asp-shop/kspay/KSPayForm.asp");
    let mut bytes = fs::read(&edited).unwrap();
    bytes.extend_from_slice(b"<!-- \xc5\xd7\xbd\xba\xc6\xae -->\r\n");
    fs::write(&edited, &bytes).unwrap();
    let deleted = www.join("php-shop/pay/KSPayForm.php");
    fs::remove_file(&deleted).unwrap();
    let after_edit = state(&host.home());

    let (dry, _) = revert(&journal, &["--dry-run"], 1);
    assert!(dry.contains(": would be restored\n"), "{dry}");
    assert_eq!(state(&host.home()), after_edit, "a dry run changes nothing");

    let (out, err) = revert(&journal, &[], 1);
    assert!(
        out.contains(&format!(
            "{}: changed since the fix (sha256 {}); not reverted\n",
            edited.display(),
            sha256(&bytes)
        )),
        "{out}"
    );
    assert!(
        out.contains(&format!(
            "{}: missing (deleted or moved since the fix); not reverted\n",
            deleted.display()
        )),
        "{out}"
    );
    assert!(
        err.contains("; 2 refused (changed since the fix, or missing)."),
        "{err}"
    );
    let now = state(&host.home());
    assert_eq!(fs::read(&edited).unwrap(), bytes, "the tenant's edit stays");
    for (file, kept) in &before {
        if file != &edited && file != &deleted {
            assert_eq!(&now[file], kept, "{}", file.display());
        }
    }
}

#[test]
fn a_second_revert_does_nothing() {
    let host = Host::new(&[("alice", 1001)]);
    let before = state(&host.home());
    let journal = host.journal();
    fix(&journal, &[&host.home()], &[], 1);
    revert(&journal, &[], 0);
    let inodes = |dir: &Path| -> Vec<u64> {
        files(dir)
            .iter()
            .map(|file| fs::metadata(file).unwrap().ino())
            .collect()
    };
    let reverted = inodes(&host.home());
    let (out, err) = revert(&journal, &[], 0);
    assert!(!out.is_empty());
    for line in out.lines() {
        assert!(
            line.ends_with(": already as before the fix; nothing to do"),
            "{line}"
        );
    }
    assert!(err.starts_with("Reverted 0 file(s); "), "{err}");
    assert_eq!(inodes(&host.home()), reverted, "no file rewritten");
    assert_eq!(state(&host.home()), before);
}

#[test]
fn batches_appended_to_one_journal_are_undone_newest_first() {
    let host = Host::new(&[("alice", 1001)]);
    let before = state(&host.home());
    let journal = host.journal();
    // The first batch applies the safe fixes; the second, the same week, the unsafe ones of
    // the same help page: one file written twice.
    fix(&journal, &[&host.home()], &[], 1);
    let first = lines(&journal).len();
    let help = host
        .home()
        .join("alice/public_html/asp-shop/order/pay_help.asp");
    let after_first = fs::read(&help).unwrap();
    assert_ne!(after_first, before[&help].bytes);
    fix(&journal, &[&help], &["--unsafe-fixes"], 0);
    let lines = lines(&journal);
    assert_eq!(lines.len(), first + 2, "appended, not replaced");
    assert_ne!(lines[first]["run"], lines[0]["run"]);
    assert_eq!(lines[first]["before"]["sha256"], sha256(&after_first));

    let (out, _) = revert(&journal, &[], 0);
    assert!(
        out.contains(&format!("{}: restored (2 writes undone)\n", help.display())),
        "{out}"
    );
    assert_eq!(state(&host.home()), before);
    revert(&journal, &[], 0);
}

/// A tree of `count` copies of the stale page, one per tenant.
fn stale_tree(count: usize) -> (tempfile::TempDir, BTreeMap<PathBuf, Vec<u8>>) {
    let dir = tempfile::tempdir().unwrap();
    let stale = fs::read(root().join(STALE_PAGE)).unwrap();
    let mut originals = BTreeMap::new();
    for i in 0..count {
        let www = dir.path().join(format!("home/tenant{i:03}/public_html"));
        fs::create_dir_all(&www).unwrap();
        let page = www.join(format!("KSPayForm{i}.asp"));
        fs::write(&page, &stale).unwrap();
        fs::set_permissions(&page, fs::Permissions::from_mode(0o640)).unwrap();
        originals.insert(page, stale.clone());
    }
    fs::create_dir(dir.path().join("admin")).unwrap();
    (dir, originals)
}

/// Starts `fix --write --journal` over `tree` (debug build: pausing at `pause` if given).
fn spawn_fix(journal: &Path, tree: &Path, pause: Option<(&str, &Path)>) -> std::process::Child {
    let mut command = Command::new(assert_cmd::cargo::cargo_bin("kspay-migrate"));
    command
        .args(["fix", "--write", "-j1", "--journal"])
        .arg(journal)
        .arg(tree)
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    if let Some((stage, signals)) = pause {
        command
            .env("KSPAY_MIGRATE_TEST_PAUSE", stage)
            .env("KSPAY_MIGRATE_TEST_PAUSE_DIR", signals);
    }
    command.spawn().unwrap()
}

fn wait_for(what: &str, child: &mut std::process::Child, done: impl Fn() -> bool) {
    let started = Instant::now();
    while !done() {
        assert!(
            child.try_wait().unwrap().is_none(),
            "the run ended before {what}"
        );
        assert!(started.elapsed() < Duration::from_secs(120), "never {what}");
        std::thread::sleep(Duration::from_millis(1));
    }
}

/// After a kill: the journal is true, a revert restores every page, and its second run has
/// nothing left to do.
fn revert_after_kill(journal: &Path, dir: &Path, originals: &BTreeMap<PathBuf, Vec<u8>>) {
    let tree = dir.join("home");
    assert_journal_true(journal, &tree, originals);
    revert(journal, &[], 0);
    for (page, bytes) in originals {
        assert_eq!(&fs::read(page).unwrap(), bytes, "{}", page.display());
        let mode = fs::metadata(page).unwrap().mode() & 0o7777;
        assert_eq!(mode, 0o640, "{}", page.display());
    }
    let (out, _) = revert(journal, &[], 0);
    assert!(!out.contains(": restored"), "{out}");
}

#[test]
fn a_run_killed_between_intent_and_rename_or_rename_and_outcome_is_undone() {
    for stage in ["journal", "written"] {
        let (dir, originals) = stale_tree(30);
        let journal = dir.path().join("admin/j.jsonl");
        let signals = tempfile::tempdir().unwrap();
        let pause = format!("{stage}:KSPayForm17.asp");
        let mut child = spawn_fix(
            &journal,
            &dir.path().join("home"),
            Some((&pause, signals.path())),
        );
        wait_for(&pause, &mut child, || {
            signals.path().join("paused").exists()
        });
        child.kill().unwrap(); // SIGKILL, at the pause point
        child.wait().unwrap();

        let paused = dir
            .path()
            .join("home/tenant017/public_html/KSPayForm17.asp");
        let paused_lines: Vec<Value> = lines(&journal)
            .into_iter()
            .filter(|line| path_of(line) == paused)
            .collect();
        assert_eq!(paused_lines.len(), 1, "{stage}: the intent alone");
        assert_eq!(paused_lines[0]["state"], "intent");
        let now = fs::read(&paused).unwrap();
        match stage {
            "journal" => assert_eq!(now, originals[&paused], "not renamed yet"),
            _ => assert_eq!(
                sha256(&now),
                paused_lines[0]["after"]["sha256"].as_str().unwrap(),
                "renamed, no outcome line"
            ),
        }
        revert_after_kill(&journal, dir.path(), &originals);
    }
}

#[test]
fn a_run_killed_at_any_moment_leaves_a_true_journal_that_undoes_it() {
    // Kills land while lines are being appended and pages renamed, at moments chosen by how
    // far the journal got.
    for after_lines in [1, 9, 40] {
        let (dir, originals) = stale_tree(60);
        let journal = dir.path().join("admin/j.jsonl");
        let mut child = spawn_fix(&journal, &dir.path().join("home"), None);
        wait_for("journal lines", &mut child, || {
            fs::read(&journal)
                .is_ok_and(|bytes| bytes.iter().filter(|&&b| b == b'\n').count() >= after_lines)
        });
        child.kill().unwrap();
        child.wait().unwrap();
        let written = originals
            .iter()
            .filter(|(page, bytes)| &fs::read(page).unwrap() != *bytes)
            .count();
        eprintln!(
            "killed after {after_lines} line(s): {} lines, {written} of {} pages written",
            lines(&journal).len(),
            originals.len()
        );
        assert!(written < originals.len(), "not killed mid-run");
        revert_after_kill(&journal, dir.path(), &originals);
    }
}

#[test]
fn a_journal_inside_the_scanned_tree_is_refused_before_anything_is_written() {
    let host = Host::new(&[("alice", 1001)]);
    let home = host.home();
    let before = state(&home);
    for journal in [
        host.home().join("alice/public_html/jeju.jsonl"),
        host.home().join("jeju.jsonl"),
    ] {
        let mut args: Vec<&std::ffi::OsStr> =
            vec!["fix".as_ref(), "--write".as_ref(), "--journal".as_ref()];
        args.extend([journal.as_os_str(), home.as_os_str()]);
        let output = run(&args);
        let shown = text(&output);
        assert_eq!(output.status.code(), Some(2), "{shown}");
        assert_eq!(
            shown,
            format!(
                "kspay-migrate: error: --journal {}: lies inside a folder the run scans; keep it outside the scanned folders (a web server could serve what it holds)\n",
                journal.display()
            )
        );
        assert!(!journal.exists());
        assert!(!journal.with_extension("jsonl.d").exists());
        assert_eq!(state(&host.home()), before);
    }
}

#[test]
fn a_folder_swapped_for_a_link_before_the_revert_is_not_written_through() {
    let host = Host::new(&[("alice", 1001)]);
    let journal = host.journal();
    fix(&journal, &[&host.home()], &[], 1);
    let kspay = host.home().join("alice/public_html/asp-shop/kspay");
    let elsewhere = host.dir.path().join("root-only");
    // The tenant moves the folder away and links its name to a copy (the fixed pages, hash
    // and all) in a place of another's.
    fs::rename(&kspay, host.dir.path().join("moved")).unwrap();
    common::copy_tree(&host.dir.path().join("moved"), &elsewhere);
    std::os::unix::fs::symlink(&elsewhere, &kspay).unwrap();
    let untouched = state(&elsewhere);
    let (_, err) = revert(&journal, &[], 2);
    assert!(
        err.contains(&format!(
            "{}: error: cannot read it: its path now goes through a symbolic link; not followed\n",
            kspay.join("KSPayForm.asp").display()
        )),
        "{err}"
    );
    assert_eq!(state(&elsewhere), untouched);
}

#[test]
fn a_korean_file_name_is_journaled_and_restored_exactly() {
    let dir = tempfile::tempdir().unwrap();
    let www = dir.path().join("www");
    fs::create_dir(&www).unwrap();
    // 결제.asp, named in EUC-KR as the shop's Windows tools saved it.
    let page = www.join(std::ffi::OsStr::from_bytes(b"\xb0\xe1\xc1\xa6.asp"));
    let stale = fs::read(root().join(STALE_PAGE)).unwrap();
    fs::write(&page, &stale).unwrap();
    let journal = dir.path().join("j.jsonl");
    fix(&journal, &[&www], &[], 0);
    let lines = lines(&journal);
    assert_eq!(path_of(&lines[0]), fs::canonicalize(&page).unwrap());
    assert!(lines[0]["path_hex"].is_string());
    revert(&journal, &[], 0);
    assert_eq!(fs::read(&page).unwrap(), stale);
}

#[test]
fn bad_journals_are_one_line_errors_and_a_cut_off_last_line_is_passed_over() {
    let host = Host::new(&[("alice", 1001)]);
    let before = state(&host.home());
    let journal = host.journal();
    fix(&journal, &[&host.home()], &[], 1);
    let whole = fs::read_to_string(&journal).unwrap();
    let fixed = state(&host.home());

    // A line in the middle that is no journal line: nothing is done.
    let (first, rest) = whole.split_once('\n').unwrap();
    fs::write(
        &journal,
        format!("{first}\n{{\"version\":1,\"state\":\"intent\"}}\n{rest}"),
    )
    .unwrap();
    let (out, err) = revert(&journal, &[], 2);
    assert_eq!(out, "");
    assert!(
        err.starts_with(&format!(
            "kspay-migrate: error: {}:2: missing field",
            journal.display()
        )),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1, "{err}");
    fs::write(
        &journal,
        whole.replacen("\"version\":1", "\"version\":2", 1),
    )
    .unwrap();
    let (_, err) = revert(&journal, &[], 2);
    assert!(err.contains(":1: is of journal version 2"), "{err}");
    assert_eq!(state(&host.home()), fixed);

    // A power loss cut the last line: it is passed over, and the next fix removes it.
    let cut = format!("{whole}{}", &whole[..50]);
    fs::write(&journal, &cut).unwrap();
    let (_, err) = revert(&journal, &["--dry-run"], 0);
    let count = whole.lines().count() + 1;
    assert!(
        err.contains(&format!(
            "note: {}:{count}: the last line was cut off",
            journal.display()
        )),
        "{err}"
    );
    let shown = fix(&journal, &[&host.home()], &[], 1);
    assert!(shown.contains("its last line was cut off"), "{shown}");
    assert_eq!(fs::read_to_string(&journal).unwrap(), whole);
    revert(&journal, &[], 0);
    assert_eq!(state(&host.home()), before);

    let missing = host.dir.path().join("admin/none.jsonl");
    let (_, err) = revert(&missing, &[], 2);
    assert_eq!(
        err,
        format!(
            "kspay-migrate: error: {}: cannot read the journal: no such file or directory\n",
            missing.display()
        )
    );
}
