//! The progress bar as a person at a terminal and a CI log see it: the tool runs under a
//! pseudo-terminal made by util-linux `script`.

mod common;
use common::{copy_tree, root};

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

/// Runs `check` on `dir` with stderr on a pseudo-terminal of type `term` (as a terminal
/// emulator sets `TERM`; a CI runner may start the tests without it); returns what the terminal
/// showed.
fn check_at_terminal(dir: &Path, term: &str, ci: bool) -> String {
    let tool = assert_cmd::cargo::cargo_bin("kspay-migrate");
    let command = format!("{} check -j1 . > /dev/null", tool.display());
    let mut script = Command::new("script");
    script
        .current_dir(dir)
        .args(["-qec", &command, "/dev/null"])
        .env("TERM", term)
        .env_remove("CI");
    if ci {
        script.env("CI", "true");
    }
    let output = script
        .output()
        .expect("util-linux `script` runs the tool on a pseudo-terminal");
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// A tree of sample copies big enough that a plain `check -j1` takes over 1.5 s on this build
/// and machine (debug and release builds differ tenfold).
fn slow_tree() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let mut copies = 0;
    let mut batch = 10;
    loop {
        for n in copies..copies + batch {
            copy_tree(
                &root().join("samples"),
                &dir.path().join(format!("tenant{n:05}")),
            );
        }
        copies += batch;
        let started = Instant::now();
        let status = assert_cmd::Command::cargo_bin("kspay-migrate")
            .unwrap()
            .current_dir(dir.path())
            .args(["check", "-j1", "-q", "."])
            .output()
            .unwrap()
            .status;
        assert_eq!(status.code(), Some(1));
        if started.elapsed() > Duration::from_millis(1500) {
            return dir;
        }
        assert!(copies < 20_000, "the tool got too fast for this test");
        batch = copies;
    }
}

#[test]
fn a_long_run_at_a_terminal_shows_progress_and_ci_does_not() {
    let tree = slow_tree();
    let shown = check_at_terminal(tree.path(), "xterm-256color", false);
    assert!(shown.contains(" files "), "no progress bar: {shown:?}");
    let in_ci = check_at_terminal(tree.path(), "xterm-256color", true);
    assert!(!in_ci.contains(" files "), "progress bar in CI: {in_ci:?}");
    // A dumb terminal cannot redraw a line: no bar rather than a scroll of them.
    let dumb = check_at_terminal(tree.path(), "dumb", false);
    assert!(
        !dumb.contains(" files "),
        "progress bar on a dumb terminal: {dumb:?}"
    );
}

#[test]
fn a_short_run_at_a_terminal_stays_quiet() {
    let shown = check_at_terminal(&root().join("samples"), "xterm-256color", false);
    assert!(!shown.contains(" files "), "{shown:?}");
    assert!(!shown.contains('\r'), "{shown:?}");
}
