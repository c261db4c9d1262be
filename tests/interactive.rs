//! `fix --interactive` driven through stdin as a reviewer answers it: each fix is shown as a
//! diff, and only the accepted ones reach the files.

mod common;
use common::{copy_tree, root, temp_files, tool};

use std::fs;
use std::path::Path;

/// The stale sample pages in the order the review asks about them (path order).
const ASKED: &[&str] = &[
    "asp-shop/kspay/KSPayCreditFormM.asp",
    "asp-shop/kspay/KSPayForm.asp",
    "asp-shop/order/pay_help.asp",
    "html-shop/pay/card_info.html",
];

fn samples_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&root().join("samples"), dir.path());
    dir
}

/// What `fix --write` makes of one page on its own.
fn fixed_alone(page: &str, extra: &[&str]) -> Vec<u8> {
    let dir = samples_copy();
    tool()
        .current_dir(dir.path())
        .args(["fix", "--write", page])
        .args(extra)
        .assert()
        .code(predicates::ord::lt(2));
    fs::read(dir.path().join(page)).unwrap()
}

fn original(page: &str) -> Vec<u8> {
    fs::read(root().join("samples").join(page)).unwrap()
}

fn review(dir: &Path, answers: &str, extra: &[&str]) -> (i32, String) {
    let output = tool()
        .current_dir(dir)
        .args(["fix", "--interactive", "."])
        .args(extra)
        .write_stdin(answers)
        .output()
        .unwrap();
    (
        output.status.code().unwrap(),
        String::from_utf8(output.stdout).unwrap(),
    )
}

#[test]
fn only_accepted_fixes_are_written_and_quit_keeps_them() {
    let dir = samples_copy();
    let (code, shown) = review(dir.path(), "y\nn\nmaybe\nq\n", &[]);
    assert_eq!(code, 1, "findings are left");
    // Each question shows the finding and the diff of its fix, decoded from EUC-KR.
    assert!(
        shown.contains("--- a/asp-shop/kspay/KSPayCreditFormM.asp (EUC-KR, shown as UTF-8)"),
        "{shown}"
    );
    assert!(shown.contains("-\t\t\t<option value=\"13\">제주카드</option>"));
    assert!(shown.contains("+\t\t&nbsp;&nbsp;&nbsp;&nbsp;비씨,국민,수협,전북,광주,우리,제주<br>"));
    assert!(
        shown.contains("stop asking"),
        "an unclear answer shows the help"
    );
    assert_eq!(shown.matches("Apply this fix?").count(), 4);

    let dir = dir.path();
    assert_eq!(
        fs::read(dir.join(ASKED[0])).unwrap(),
        fixed_alone(ASKED[0], &[]),
        "y"
    );
    assert_eq!(
        fs::read(dir.join(ASKED[1])).unwrap(),
        original(ASKED[1]),
        "n"
    );
    assert_eq!(
        fs::read(dir.join(ASKED[2])).unwrap(),
        original(ASKED[2]),
        "q"
    );
    assert_eq!(
        fs::read(dir.join(ASKED[3])).unwrap(),
        original(ASKED[3]),
        "after q"
    );
    let leftovers = temp_files(dir);
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn all_accepts_the_rest_without_asking() {
    let dir = samples_copy();
    let (code, shown) = review(dir.path(), "n\na\n", &[]);
    // Only the prose warning (an unsafe fix, not offered without --unsafe-fixes) is left.
    assert_eq!(code, 1);
    assert_eq!(shown.matches("Apply this fix?").count(), 2);
    assert_eq!(
        fs::read(dir.path().join(ASKED[0])).unwrap(),
        original(ASKED[0])
    );
    let everything = samples_copy();
    tool()
        .current_dir(everything.path())
        .args(["fix", "--write", "."])
        .assert()
        .code(1);
    for page in &ASKED[1..] {
        assert_eq!(
            fs::read(dir.path().join(page)).unwrap(),
            fs::read(everything.path().join(page)).unwrap(),
            "{page}"
        );
    }
}

#[test]
fn one_of_two_fixes_on_a_page_can_be_rejected() {
    // pay_help.asp has two fixes: the prose sentence (unsafe) and the logo list (safe).
    let page = "asp-shop/order/pay_help.asp";
    let dir = samples_copy();
    let output = tool()
        .current_dir(dir.path())
        .args(["fix", "--interactive", "--unsafe-fixes", page])
        .write_stdin("n\ny\n")
        .output()
        .unwrap();
    let shown = String::from_utf8(output.stdout).unwrap();
    assert!(
        shown.contains("(an unsafe fix: read it closely)"),
        "{shown}"
    );
    assert_eq!(output.status.code(), Some(1), "the rejected prose is left");
    // The logo fix alone is what `fix --write` without unsafe fixes makes of the page.
    assert_eq!(
        fs::read(dir.path().join(page)).unwrap(),
        fixed_alone(page, &[])
    );
    assert_ne!(
        fixed_alone(page, &[]),
        fixed_alone(page, &["--unsafe-fixes"])
    );
}

#[test]
fn interactive_conflicts_with_patch_and_write() {
    tool()
        .args(["fix", "--interactive", "--write", "samples"])
        .assert()
        .code(2);
    tool()
        .args(["fix", "--interactive", "--patch", "x.patch", "samples"])
        .assert()
        .code(2);
}
