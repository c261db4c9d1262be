//! A pause point for the tests of races against a tenant who swaps files while a run goes on.
//!
//! Only debug builds (what `cargo test` runs) have it: with `KSPAY_MIGRATE_TEST_PAUSE` set to
//! `STAGE:NAME` (stages: `read`, `write`, `rename`; with a journal, `journal` once the intent
//! line is synced and before the rename, `written` after the rename and before its outcome
//! line), the run stops when it reaches that stage for the file named NAME, creates
//! `$KSPAY_MIGRATE_TEST_PAUSE_DIR/paused`, and goes on once the test has created `go` there. The test swaps things in between: the race's window,
//! made wide and certain instead of hit by chance (or kills the run there: the journal's tests).

use std::ffi::OsStr;

#[cfg(debug_assertions)]
pub fn pause(stage: &str, name: &OsStr) {
    use std::path::PathBuf;
    use std::time::{Duration, Instant};

    let Some(wanted) = std::env::var_os("KSPAY_MIGRATE_TEST_PAUSE") else {
        return;
    };
    let mut at = stage.as_bytes().to_vec();
    at.push(b':');
    at.extend(name.as_encoded_bytes());
    if wanted.as_encoded_bytes() != at.as_slice() {
        return;
    }
    let dir = PathBuf::from(std::env::var_os("KSPAY_MIGRATE_TEST_PAUSE_DIR").unwrap_or_default());
    let _ = std::fs::write(dir.join("paused"), b"");
    let started = Instant::now();
    while !dir.join("go").exists() && started.elapsed() < Duration::from_secs(60) {
        std::thread::sleep(Duration::from_millis(2));
    }
}

#[cfg(not(debug_assertions))]
#[inline(always)]
pub fn pause(_stage: &str, _name: &OsStr) {}
