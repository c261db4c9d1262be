//! Helpers shared by the integration tests that drive the binary.
#![allow(dead_code)] // each test binary uses its own subset

pub mod same_run;

use std::fs;
use std::path::{Path, PathBuf};

/// The project folder (samples, cases and rules are found from it).
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The built binary, with colour off.
pub fn tool() -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::cargo_bin("kspay-migrate").unwrap();
    cmd.env("NO_COLOR", "1");
    cmd
}

/// Whether the tests run as root (permission faults then need another user).
pub fn is_root() -> bool {
    let out = std::process::Command::new("id").arg("-u").output().unwrap();
    String::from_utf8_lossy(&out.stdout).trim() == "0"
}

/// Copies a folder tree (files only) into `to`.
pub fn copy_tree(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let target = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            fs::create_dir_all(&target).unwrap();
        } else {
            fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// Every file under `dir` with its bytes, by relative path.
pub fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut files: Vec<(PathBuf, Vec<u8>)> = walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            (
                e.path().strip_prefix(dir).unwrap().to_path_buf(),
                fs::read(e.path()).unwrap(),
            )
        })
        .collect();
    files.sort();
    files
}

/// The temporary files a write left under `dir` (none should be left). Folders the tests made
/// unreadable are passed over.
pub fn temp_files(dir: &Path) -> Vec<PathBuf> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| {
            e.file_name()
                .to_string_lossy()
                .starts_with(".kspay-migrate-")
        })
        .map(|e| e.into_path())
        .collect()
}
