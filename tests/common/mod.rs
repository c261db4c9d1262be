//! Helpers shared by the integration tests that drive the binary.
#![allow(dead_code)] // each test binary uses its own subset

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
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}
