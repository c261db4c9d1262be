//! Where `fix --patch` names files from: the top of their git repository (as `git diff` does),
//! else the current folder; the patch applies there with `git apply` and `patch -p1` whatever
//! PATH and current folder the run had, and a file no patch could name is an error, never a
//! broken patch. Dry-run and interactive diffs name files as the patch would.

mod common;
use common::{copy_tree, root, snapshot, tool};

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command as Process;

use predicates::prelude::*;

/// The first stale sample in path order, as its repository names it.
const FIRST: &str = "samples/asp-shop/kspay/KSPayCreditFormM.asp";

/// Runs `program` in `dir` and fails the test, with its output, unless it succeeds.
fn run(dir: &Path, program: &str, args: &[&str]) {
    let output = Process::new(program)
        .current_dir(dir)
        .args(args)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{program} {args:?} in {}: {}{}",
        dir.display(),
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}

/// `dir` as a git repository holding a committed copy of `samples/`.
fn samples_repo(dir: &Path) {
    copy_tree(&root().join("samples"), &dir.join("samples"));
    run(dir, "git", &["init", "-q"]);
    run(dir, "git", &["add", "-A"]);
    run(
        dir,
        "git",
        &[
            "-c",
            "user.name=t",
            "-c",
            "user.email=t@example.com",
            "-c",
            "commit.gpgsign=false",
            "commit",
            "-qm",
            "samples",
        ],
    );
}

fn folder(path: PathBuf) -> PathBuf {
    fs::create_dir_all(&path).unwrap();
    path
}

/// The `diff --git` lines of a patch.
fn headers(patch: &Path) -> Vec<String> {
    String::from_utf8_lossy(&fs::read(patch).unwrap())
        .lines()
        .filter(|line| line.starts_with("diff --git "))
        .map(String::from)
        .collect()
}

fn header(path: &str) -> String {
    format!("diff --git a/{path} b/{path}")
}

/// What `fix --write` makes of the samples.
fn written_samples() -> Vec<(PathBuf, Vec<u8>)> {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&root().join("samples"), dir.path());
    tool()
        .current_dir(dir.path())
        .args(["fix", "--write", "."])
        .assert()
        .code(1);
    snapshot(dir.path())
}

#[test]
fn a_patch_of_another_repository_names_files_from_its_top_and_applies_there() {
    let work = tempfile::tempdir().unwrap();
    let [by_git, by_patch] = ["git-repo", "patch-repo"].map(|name| folder(work.path().join(name)));
    samples_repo(&by_git);
    samples_repo(&by_patch);
    let original = snapshot(&by_git.join("samples"));
    let elsewhere = folder(work.path().join("elsewhere"));

    tool()
        .current_dir(&elsewhere)
        .args(["fix", "--patch", "p.patch", "../git-repo/samples"])
        .assert()
        .code(1);
    let patch_file = elsewhere.join("p.patch");
    let headers = headers(&patch_file);
    assert_eq!(headers[0], header(FIRST), "{headers:#?}");
    assert!(
        headers
            .iter()
            .all(|h| h.starts_with("diff --git a/samples/")),
        "{headers:#?}"
    );
    assert_eq!(snapshot(&by_git.join("samples")), original);

    // `git -C REPO apply` from where the patch was made, and `patch -p1` at the repository top.
    let patch_arg = patch_file.to_str().unwrap();
    let from_elsewhere = ["-C", "../git-repo", "apply", "--whitespace=nowarn"];
    run(
        &elsewhere,
        "git",
        &[&from_elsewhere[..], &["--check", patch_arg]].concat(),
    );
    run(
        &elsewhere,
        "git",
        &[&from_elsewhere[..], &[patch_arg]].concat(),
    );
    run(
        &by_patch,
        "patch",
        &["-p1", "--quiet", "--no-backup-if-mismatch", "-i", patch_arg],
    );
    let written = written_samples();
    assert_ne!(written, original);
    assert_eq!(snapshot(&by_git.join("samples")), written);
    assert_eq!(snapshot(&by_patch.join("samples")), written);
}

#[test]
fn an_absolute_path_a_run_inside_the_repository_or_a_worktree_names_files_from_its_top() {
    let work = tempfile::tempdir().unwrap();
    let repo = folder(work.path().join("repo"));
    samples_repo(&repo);
    let elsewhere = tempfile::tempdir().unwrap();
    let patch_file = elsewhere.path().join("abs.patch");
    tool()
        .current_dir(elsewhere.path())
        .args(["fix", "--patch"])
        .arg(&patch_file)
        .arg(repo.join("samples/php-shop"))
        .assert()
        .code(1);
    let abs = headers(&patch_file);
    assert_eq!(
        abs[0],
        header("samples/php-shop/pay/KSPayCreditFormIM.php"),
        "{abs:#?}"
    );
    run(
        &repo,
        "git",
        &[
            "apply",
            "--check",
            "--whitespace=nowarn",
            patch_file.to_str().unwrap(),
        ],
    );

    // From a folder inside the repository, as `git diff` there would name them.
    let inside = repo.join("samples/php-shop");
    let patch_file = elsewhere.path().join("inside.patch");
    tool()
        .current_dir(&inside)
        .args(["fix", "--patch"])
        .arg(&patch_file)
        .arg(".")
        .assert()
        .code(1);
    assert_eq!(headers(&patch_file), abs);

    // A worktree's top holds a `.git` file, not a folder.
    run(&repo, "git", &["worktree", "add", "-q", "../worktree"]);
    let patch_file = elsewhere.path().join("worktree.patch");
    tool()
        .current_dir(work.path())
        .args(["fix", "--patch"])
        .arg(&patch_file)
        .arg("worktree/samples/php-shop")
        .assert()
        .code(1);
    assert_eq!(headers(&patch_file), abs);
    run(
        &work.path().join("worktree"),
        "git",
        &["apply", "--whitespace=nowarn", patch_file.to_str().unwrap()],
    );
}

#[test]
fn a_tree_in_no_repository_is_named_from_the_current_folder() {
    let [by_patch, by_write] = [(); 2].map(|_| tempfile::tempdir().unwrap());
    for dir in [&by_patch, &by_write] {
        copy_tree(&root().join("samples"), &dir.path().join("site"));
    }
    let site = by_patch.path().join("site");
    tool()
        .current_dir(by_patch.path())
        .args(["fix", "--patch", "p.patch"])
        .arg(&site)
        .assert()
        .code(1);
    let patch_file = by_patch.path().join("p.patch");
    assert_eq!(
        headers(&patch_file)[0],
        header("site/asp-shop/kspay/KSPayCreditFormM.asp")
    );
    // The dry run shows the names the patch has, not the absolute PATH.
    tool()
        .current_dir(by_patch.path())
        .arg("fix")
        .arg(&site)
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "--- a/site/asp-shop/kspay/KSPayCreditFormM.asp (EUC-KR, shown as UTF-8)\n+++ b/site/asp-shop/kspay/KSPayCreditFormM.asp\n",
        ));

    run(
        by_patch.path(),
        "patch",
        &["-p1", "--quiet", "--no-backup-if-mismatch", "-i", "p.patch"],
    );
    tool()
        .current_dir(by_write.path())
        .args(["fix", "--write", "site"])
        .assert()
        .code(1);
    assert_eq!(
        snapshot(&by_patch.path().join("site")),
        snapshot(&by_write.path().join("site"))
    );
}

#[test]
fn a_file_outside_the_current_folder_and_every_repository_is_an_error_and_no_patch_is_written() {
    let work = tempfile::tempdir().unwrap();
    let site = work.path().join("site");
    copy_tree(&root().join("samples"), &site);
    let original = snapshot(&site);
    let here = folder(work.path().join("here"));
    tool()
        .current_dir(&here)
        .args(["fix", "--patch", "p.patch", "../site"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "kspay-migrate: error: ../site/asp-shop/kspay/KSPayCreditFormM.asp: not inside a git repository or the current folder; a patch could not name it (run from a folder above it)",
        ));
    assert_eq!(snapshot(&here), vec![], "no patch, not even part of one");
    assert_eq!(snapshot(&site), original);

    // The dry run still shows every diff, naming such a file as the PATH reached it.
    tool()
        .current_dir(&here)
        .args(["fix", "../site"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "--- a/../site/asp-shop/kspay/KSPayCreditFormM.asp (EUC-KR, shown as UTF-8)",
        ));
}

#[test]
fn files_of_two_repositories_are_not_put_in_one_patch() {
    let work = tempfile::tempdir().unwrap();
    let [one, two] = ["one", "two"].map(|name| folder(work.path().join(name)));
    samples_repo(&one);
    samples_repo(&two);
    let output = tool()
        .current_dir(work.path())
        .args(["fix", "--patch", "p.patch", "one/samples", "two/samples"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2), "{output:?}");
    let stderr = String::from_utf8_lossy(&output.stderr);
    let canonical = |dir: &Path| fs::canonicalize(dir).unwrap().display().to_string();
    for repo in [&one, &two] {
        assert!(
            stderr.contains(&format!("the git repository {}", canonical(repo))),
            "{stderr}"
        );
    }
    assert!(!work.path().join("p.patch").exists());
}

#[test]
fn dry_run_and_interactive_diffs_name_files_as_the_patch_does() {
    let work = tempfile::tempdir().unwrap();
    let repo = folder(work.path().join("repo"));
    samples_repo(&repo);
    let elsewhere = folder(work.path().join("elsewhere"));
    let first = format!("--- a/{FIRST} (EUC-KR, shown as UTF-8)\n+++ b/{FIRST}\n");
    tool()
        .current_dir(&elsewhere)
        .args(["fix", "../repo/samples"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains(first.as_str()))
        .stdout(predicate::str::contains("a/../").not());
    tool()
        .current_dir(&elsewhere)
        .args(["fix", "--interactive", "../repo/samples"])
        .write_stdin("q\n")
        .assert()
        .code(1)
        .stdout(predicate::str::contains(first.as_str()));
}
