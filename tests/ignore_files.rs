//! In a git repository, `.gitignore` and `.ignore` files leave pages out of a scan, as in
//! ripgrep and git (outside one, in a hosting tree, they leave nothing out); the
//! matchers come from the files' bytes read through folder handles, so an ignore file that is
//! a link or a FIFO is never followed or waited on.

mod common;

use std::fs;
use std::path::Path;
use std::process::Command;
use std::time::Duration;

use common::{root, tool};

/// A page that still lists Jeju card under MPI: one finding wherever it lies.
fn stale() -> Vec<u8> {
    fs::read(root().join("samples/asp-shop/kspay/KSPayForm.asp")).unwrap()
}

fn write(dir: &Path, file: &str, bytes: &[u8]) {
    let path = dir.join(file);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, bytes).unwrap();
}

/// A shop in git: its `.gitignore` leaves out `vendor/` and backups but keeps one backup, and
/// `uploads/` ignores everything in it. Every page is stale.
fn shop(dir: &Path) {
    fs::create_dir_all(dir.join("shop/.git/objects")).unwrap();
    write(dir, "shop/.git/HEAD", b"ref: refs/heads/main\n");
    write(
        dir,
        "shop/.gitignore",
        b"# dependencies\nvendor/\n*.bak.php\n!keep.bak.php\n",
    );
    write(dir, "shop/uploads/.gitignore", b"*\n");
    for page in [
        "shop/pay/order.php",
        "shop/pay/old.bak.php",
        "shop/pay/keep.bak.php",
        "shop/vendor/kspay/KSPayForm.php",
        "shop/uploads/evil.php",
    ] {
        write(dir, page, &stale());
    }
}

/// The files `check -q` reports, one per finding line, sorted.
fn reported(cwd: &Path, args: &[&str]) -> Vec<String> {
    let output = tool()
        .current_dir(cwd)
        .args(["check", "-q"])
        .args(args)
        .timeout(Duration::from_secs(60))
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    assert!(
        output.status.code() == Some(1) || output.status.code() == Some(0),
        "exit {:?}\n{stdout}\n{}",
        output.status.code(),
        String::from_utf8_lossy(&output.stderr)
    );
    let mut files: Vec<String> = stdout
        .lines()
        .filter_map(|line| line.split(':').next())
        .map(str::to_string)
        .collect();
    files.sort();
    files
}

#[test]
fn pages_a_repositorys_gitignore_leaves_out_are_not_reported() {
    let dir = tempfile::tempdir().unwrap();
    shop(dir.path());
    assert_eq!(
        reported(dir.path(), &["shop"]),
        ["shop/pay/keep.bak.php", "shop/pay/order.php"]
    );
}

#[test]
fn no_ignore_reports_the_ignored_pages_too() {
    let dir = tempfile::tempdir().unwrap();
    shop(dir.path());
    assert_eq!(
        reported(dir.path(), &["--no-ignore", "shop"]),
        [
            "shop/pay/keep.bak.php",
            "shop/pay/old.bak.php",
            "shop/pay/order.php",
            "shop/uploads/evil.php",
            "shop/vendor/kspay/KSPayForm.php",
        ]
    );
}

#[test]
fn outside_git_neither_a_gitignore_nor_an_ignore_leaves_anything_out() {
    let dir = tempfile::tempdir().unwrap();
    // A hosting tree without git: a tenant's ignore files are no word on what is served, and
    // must not hide the tenant's pages from the hoster's run.
    write(dir.path(), "www/.gitignore", b"vendor/\n");
    write(dir.path(), "www/.ignore", b"cache/\n");
    write(dir.path(), "www/vendor/pay.php", &stale());
    write(dir.path(), "www/cache/pay.php", &stale());
    write(dir.path(), "www/index.php", &stale());
    assert_eq!(
        reported(dir.path(), &["www"]),
        ["www/cache/pay.php", "www/index.php", "www/vendor/pay.php"]
    );
    // The same tree made a repository: both apply.
    fs::create_dir(dir.path().join("www/.git")).unwrap();
    assert_eq!(reported(dir.path(), &["www"]), ["www/index.php"]);
}

#[test]
fn a_folder_inside_a_repository_knows_it_is_in_git() {
    let dir = tempfile::tempdir().unwrap();
    shop(dir.path());
    write(dir.path(), "shop/pay/.gitignore", b"/old/\n");
    write(dir.path(), "shop/pay/old/order.php", &stale());
    // `.git` lies above the PATH: the PATH is in git, and the `.gitignore` above it counts
    // as well as the PATH's own (as ripgrep reads them).
    assert_eq!(
        reported(dir.path(), &["shop/pay"]),
        ["shop/pay/keep.bak.php", "shop/pay/order.php"]
    );
}

#[test]
fn an_ignored_file_named_on_the_command_line_is_scanned_once() {
    let dir = tempfile::tempdir().unwrap();
    shop(dir.path());
    assert_eq!(
        reported(
            dir.path(),
            &[
                "shop",
                "shop/vendor/kspay/KSPayForm.php",
                "shop/pay/old.bak.php"
            ]
        ),
        [
            "shop/pay/keep.bak.php",
            "shop/pay/old.bak.php",
            "shop/pay/order.php",
            "shop/vendor/kspay/KSPayForm.php",
        ]
    );
}

#[test]
fn a_gitignore_that_is_a_link_or_a_fifo_is_not_read() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join("site/.git")).unwrap();
    // A link to a file that would ignore everything, and a FIFO no one writes to: followed
    // or opened blocking, they would hide every page or hang the run.
    write(dir.path(), "everything", b"*\n");
    std::os::unix::fs::symlink(
        dir.path().join("everything"),
        dir.path().join("site/.gitignore"),
    )
    .unwrap();
    fs::create_dir_all(dir.path().join("site/pay")).unwrap();
    let fifo = dir.path().join("site/pay/.gitignore");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    fs::create_dir_all(dir.path().join("site/shop")).unwrap();
    std::os::unix::fs::symlink(
        dir.path().join("everything"),
        dir.path().join("site/shop/.ignore"),
    )
    .unwrap();
    // An ignore file past 1 MiB is not read either.
    let mut huge = b"*\n".to_vec();
    huge.resize((1 << 20) + 1, b'\n');
    write(dir.path(), "site/big/.ignore", &huge);
    write(dir.path(), "site/big/pay.php", &stale());
    // A real ignore file beside them still counts.
    write(dir.path(), "site/.ignore", b"cache/\n");
    for page in [
        "site/index.php",
        "site/pay/order.php",
        "site/shop/cart.php",
        "site/cache/x.php",
    ] {
        write(dir.path(), page, &stale());
    }
    assert_eq!(
        reported(dir.path(), &["site"]),
        [
            "site/big/pay.php",
            "site/index.php",
            "site/pay/order.php",
            "site/shop/cart.php"
        ]
    );
}
