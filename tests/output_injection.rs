//! Tenant-controlled file names and page contents must not forge, hide or reorder what people
//! read (text report, displayed diffs, messages), must not break a `--patch` file, and must not
//! break or forge the machine formats.

mod common;
mod report_schema;
use common::{copy_tree, root, snapshot, tool};
use report_schema::assert_valid_report;

use std::ffi::OsStr;
use std::fs;
use std::os::unix::ffi::OsStrExt;
use std::path::Path;
use std::process::Command as Process;

/// A file name holding a line break that forges a finding line, an ESC sequence, a bidi
/// override and a CR.
const HOSTILE: &[u8] =
    b"pay\nforged.html:1:1: error[jeju-mpi-to-isp] forged\x1b[2K\xe2\x80\xaelmth.\rx.html";
/// How the text output shows it.
const HOSTILE_SHOWN: &str =
    r"pay\nforged.html:1:1: error[jeju-mpi-to-isp] forged\x1b[2K<U+202E>lmth.\rx.html";

/// A small stale page (one finding at 69:28).
fn stale_page() -> Vec<u8> {
    fs::read(root().join("tests/cases/english-labels-html-utf8/input.html")).unwrap()
}

fn hostile_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join(OsStr::from_bytes(HOSTILE)), stale_page()).unwrap();
    dir
}

/// No byte that would act on a terminal or reorder text: C0 controls but TAB and LF, DEL, C1
/// and bidi controls.
fn assert_inert(output: &[u8], what: &str) {
    let text = String::from_utf8_lossy(output);
    let bad: Vec<char> = text
        .chars()
        .filter(|&c| {
            (c.is_control() && c != '\t' && c != '\n')
                || matches!(c, '\u{61c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
        })
        .collect();
    assert!(bad.is_empty(), "{what} holds raw {bad:?}:\n{text}");
}

#[test]
fn a_hostile_file_name_is_shown_visibly_and_forges_no_finding_line() {
    let dir = hostile_dir();
    let output = tool()
        .current_dir(dir.path())
        .args(["check", "."])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let shown = String::from_utf8(output.stdout.clone()).unwrap();
    assert_inert(&output.stdout, "check");
    let finding_lines: Vec<&str> = shown.lines().filter(|l| l.contains(": error[")).collect();
    assert_eq!(finding_lines.len(), 1, "{shown}");
    assert!(
        finding_lines[0].starts_with(&format!("{HOSTILE_SHOWN}:69:28: error[")),
        "{shown}"
    );
}

#[test]
fn dry_run_and_interactive_diffs_show_a_hostile_file_name_visibly() {
    let dir = hostile_dir();
    let dry = tool()
        .current_dir(dir.path())
        .args(["fix", "."])
        .output()
        .unwrap();
    assert_eq!(dry.status.code(), Some(1));
    assert_inert(&dry.stdout, "dry-run stdout");
    assert_inert(&dry.stderr, "dry-run stderr");
    let shown = String::from_utf8(dry.stdout).unwrap();
    assert!(
        shown.contains(&format!("--- a/{HOSTILE_SHOWN}\n")),
        "{shown}"
    );
    assert!(
        shown.contains(&format!("+++ b/{HOSTILE_SHOWN}\n")),
        "{shown}"
    );

    let review = tool()
        .current_dir(dir.path())
        .args(["fix", "--interactive", "."])
        .write_stdin("n\n")
        .output()
        .unwrap();
    assert_inert(&review.stdout, "fix --interactive");
    let shown = String::from_utf8(review.stdout).unwrap();
    assert!(
        shown.contains(&format!("--- a/{HOSTILE_SHOWN}\n")),
        "{shown}"
    );
    assert!(
        shown.contains(&format!("{HOSTILE_SHOWN}:69:28: error[")),
        "{shown}"
    );
    assert_eq!(
        fs::read(dir.path().join(OsStr::from_bytes(HOSTILE))).unwrap(),
        stale_page()
    );
}

/// The stale page with a lone CR hiding an item and an OSC sequence wrapping PHP, both on lines
/// the diff shows.
fn page_with_hidden_content() -> Vec<u8> {
    let page = String::from_utf8(stale_page()).unwrap();
    let page = page
        .replace(
            "<h4>3-D Secure</h4>",
            "<h4>3-D Secure</h4>\r<li>HIDDEN card</li>",
        )
        .replace(
            "<h4>Internet Secure Payment (ISP)</h4>",
            "<h4>Internet Secure Payment (ISP)</h4>\x1b]0;<?php system('id') ?>\x07",
        );
    page.into_bytes()
}

#[test]
fn a_lone_cr_and_an_osc_sequence_in_a_page_are_shown_in_the_diffs() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("card.html"), page_with_hidden_content()).unwrap();
    let dry = tool()
        .current_dir(dir.path())
        .args(["fix", "."])
        .output()
        .unwrap();
    let review = tool()
        .current_dir(dir.path())
        .args(["fix", "--interactive", "."])
        .write_stdin("n\n")
        .output()
        .unwrap();
    for (what, stdout) in [("dry run", dry.stdout), ("interactive", review.stdout)] {
        assert_inert(&stdout, what);
        let shown = String::from_utf8(stdout).unwrap();
        assert!(
            shown.contains(r"<h4>3-D Secure</h4>\r<li>HIDDEN card</li>"),
            "{what}: {shown}"
        );
        assert!(
            shown.contains(r"(ISP)</h4>\x1b]0;<?php system('id') ?>\x07"),
            "{what}: {shown}"
        );
    }
}

#[test]
fn a_crlf_page_is_shown_without_cr_noise() {
    let dir = tempfile::tempdir().unwrap();
    let page = String::from_utf8(stale_page())
        .unwrap()
        .replace('\n', "\r\n");
    fs::write(dir.path().join("card.html"), page).unwrap();
    let dry = tool()
        .current_dir(dir.path())
        .args(["fix", "."])
        .output()
        .unwrap();
    assert_eq!(dry.status.code(), Some(1));
    let shown = String::from_utf8(dry.stdout).unwrap();
    assert!(!shown.contains(r"\r"), "{shown}");
    assert!(
        shown.contains("-\t\t\t\t<p>외환, 삼성, 현대, 신한, 롯데, 제주, 하나SK, 씨티</p>\n"),
        "{shown}"
    );
}

fn run(dir: &Path, program: &str, args: &[&str], stdin: Option<&Path>) {
    let mut command = Process::new(program);
    command.current_dir(dir).args(args);
    if let Some(file) = stdin {
        command.stdin(fs::File::open(file).unwrap());
    }
    let output = command.output().unwrap();
    assert!(
        output.status.success(),
        "{program} {args:?}: {}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
fn a_patch_of_files_with_hostile_names_applies_with_git_and_patch() {
    let work = tempfile::tempdir().unwrap();
    let names: [&[u8]; 5] = [
        b"not utf-8 \xff\xfe.html",
        HOSTILE,
        b"with space.html",
        b"trailing space.html ",
        b"q\"uote\\back\t\x01\x7f\xc2\x85.html",
    ];
    // Named on the command line, so the walker's extension filter does not matter.
    let names_args = names.map(OsStr::from_bytes);
    let site = work.path().join("site");
    fs::create_dir(&site).unwrap();
    for name in names {
        fs::write(
            site.join(OsStr::from_bytes(name)),
            page_with_hidden_content(),
        )
        .unwrap();
    }
    let [by_write, by_git, by_patch] = ["write", "git", "patch"].map(|name| work.path().join(name));
    for dir in [&by_write, &by_git, &by_patch] {
        copy_tree(&site, dir);
    }
    let patch_file = work.path().join("jeju.patch");
    let output = tool()
        .current_dir(&by_git)
        .args(["fix", "--patch"])
        .arg(&patch_file)
        .args(names_args)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    assert_inert(&output.stderr, "fix --patch stderr");
    let patch = fs::read(&patch_file).unwrap();
    // Headers are quoted as git quotes them; page bytes stay raw.
    assert!(
        patch.starts_with(b"diff --git \"a/not utf-8 \\377\\376.html\" \"b/not utf-8 \\377\\376.html\"\n--- \"a/not utf-8 \\377\\376.html\"\n+++ \"b/not utf-8 \\377\\376.html\"\n"),
        "{}",
        String::from_utf8_lossy(&patch)
    );
    assert!(
        patch.windows(3).any(|w| w == b"\r<l"),
        "a lone CR stays raw in the content"
    );
    let headers = patch
        .split(|&b| b == b'\n')
        .filter(|line| line.starts_with(b"diff --git"))
        .count();
    assert_eq!(headers, names.len());

    tool()
        .current_dir(&by_write)
        .args(["fix", "--write"])
        .args(names_args)
        .assert()
        .code(0);
    let written = snapshot(&by_write);
    run(&by_git, "git", &["init", "-q"], None);
    run(
        &by_git,
        "git",
        &["apply", patch_file.to_str().unwrap()],
        None,
    );
    fs::remove_dir_all(by_git.join(".git")).unwrap();
    assert_eq!(snapshot(&by_git), written);
    run(&by_patch, "patch", &["-p1", "--batch"], Some(&patch_file));
    assert_eq!(snapshot(&by_patch), written);
}

#[test]
fn github_annotations_cannot_be_forged_by_a_file_name() {
    let dir = tempfile::tempdir().unwrap();
    let name = "a.html\n::error file=forged.php,line=1::forged%0A.html";
    fs::write(dir.path().join(name), stale_page()).unwrap();
    let output = tool()
        .current_dir(dir.path())
        .args(["check", "--format", "github", "."])
        .output()
        .unwrap();
    let shown = String::from_utf8(output.stdout).unwrap();
    let lines: Vec<&str> = shown.lines().collect();
    assert_eq!(lines.len(), 1, "{shown}");
    assert!(
        lines[0].starts_with(
            "::error file=a.html%0A%3A%3Aerror file=forged.php%2Cline=1%3A%3Aforged%250A.html,line=69,"
        ),
        "{shown}"
    );
}

#[test]
fn junit_names_hostile_files_visibly_in_well_formed_xml() {
    let dir = tempfile::tempdir().unwrap();
    let name = b"x\x01y\x1b[31m\xe2\x80\xae\xef\xbf\xbe&<\r.html";
    fs::write(dir.path().join(OsStr::from_bytes(name)), stale_page()).unwrap();
    let output = tool()
        .current_dir(dir.path())
        .args(["check", "--format", "junit", "."])
        .output()
        .unwrap();
    let xml = String::from_utf8(output.stdout).unwrap();
    let document = roxmltree::Document::parse(&xml).unwrap_or_else(|e| panic!("{e}:\n{xml}"));
    let case = document
        .descendants()
        .find(|n| n.has_tag_name("testcase"))
        .unwrap();
    assert_eq!(
        case.attribute("name"),
        Some("x\\x01y\\x1b[31m<U+202E><U+FFFE>&<\\r.html")
    );
    let failure = case.children().find(|n| n.has_tag_name("failure")).unwrap();
    assert!(
        failure
            .text()
            .unwrap()
            .starts_with("x\\x01y\\x1b[31m<U+202E><U+FFFE>&<\\r.html:69:28: error["),
        "{xml}"
    );
}

#[test]
fn error_messages_show_hostile_names_visibly() {
    let dir = tempfile::tempdir().unwrap();
    // Declares EUC-KR, but is not: a file error.
    let broken = dir
        .path()
        .join(OsStr::from_bytes(b"broken\n\x1b]0;x\x07.php"));
    fs::write(
        &broken,
        b"<meta charset=\"euc-kr\">\r\n<p>\xC1\xA6\xC1\xD6 \x80\x80</p>\r\n",
    )
    .unwrap();
    let missing = dir.path().join(OsStr::from_bytes(b"gone\r\xe2\x81\xa6"));
    for format in ["text", "json"] {
        let output = tool()
            .args(["check", "--format", format])
            .arg(&broken)
            .arg(&missing)
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(2));
        assert_inert(&output.stderr, "stderr");
        let err = String::from_utf8(output.stderr).unwrap();
        assert!(err.contains(r"broken\n\x1b]0;x\x07.php: error: "), "{err}");
        assert!(err.contains(r"gone\r<U+2066>: error: "), "{err}");
        if format == "json" {
            // The errors are in the document too, the names in JSON's own escapes.
            let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
            assert_valid_report(&report);
            let paths: Vec<&str> = report["errors"]
                .as_array()
                .unwrap()
                .iter()
                .map(|e| e["path"].as_str().unwrap())
                .collect();
            assert_eq!(paths.len(), 2, "{report:#}");
            for name in ["broken\n\u{1b}]0;x\u{7}.php", "gone\r\u{2066}"] {
                assert!(paths.iter().any(|p| p.ends_with(name)), "{paths:?}");
            }
        }
    }
}
