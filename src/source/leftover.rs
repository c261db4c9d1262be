//! Temporary files a `fix --write` killed before its rename leaves behind: their names, the
//! mark that says a file is the tool's own ([`crate::fix::write`] makes them with both), and
//! what a later run does with one the walk finds.

use std::ffi::OsStr;
use std::os::fd::BorrowedFd;

use rustix::fs::AtFlags;

use crate::diagnostics::Leftover;
use crate::source::pinned::{self, attribute_bytes};

/// Prefix of the temporary files; a later run can recognise leftovers by it.
pub const TEMP_PREFIX: &str = ".kspay-migrate-";
/// Suffix of the temporary files: no web server runs `.tmp` as a script.
pub const TEMP_SUFFIX: &str = ".tmp";
/// Random characters in a temporary file's name: a tenant cannot guess it ahead of the run.
pub const TEMP_RANDOM_CHARS: usize = 16;

/// The extended attribute that marks a temporary file as this tool's own, so that a later
/// run removes only its own leftovers, never a tenant's file that merely has such a name.
/// Root's mark is in the `trusted` namespace, which only root can write; another user's run
/// only ever removes files that user could remove anyway.
pub fn temp_mark() -> &'static str {
    if rustix::process::geteuid().is_root() {
        "trusted.kspay-migrate.temp"
    } else {
        "user.kspay-migrate.temp"
    }
}

/// Looks at a file named like a temporary file in `folder`, and removes it when `remove`
/// and it carries the tool's mark.
pub fn leftover(folder: BorrowedFd, name: &OsStr, remove: bool) -> Result<Leftover, String> {
    let Ok((file, _)) = pinned::open_file_at(folder, name, false) else {
        // A link, FIFO or folder with that name was never a file of ours.
        return Ok(Leftover::Unmarked);
    };
    let marked = attribute_bytes(|buf| rustix::fs::fgetxattr(&file, temp_mark(), buf)).is_ok();
    match (marked, remove) {
        (false, _) => Ok(Leftover::Unmarked),
        (true, false) => Ok(Leftover::Kept),
        (true, true) => rustix::fs::unlinkat(folder, name, AtFlags::empty())
            .map(|()| Leftover::Removed)
            .map_err(|e| pinned::describe_io(&e.into())),
    }
}

/// Whether a file name is one of this tool's temporary files.
pub fn is_temp_name(name: &str) -> bool {
    name.starts_with(TEMP_PREFIX) && name.ends_with(TEMP_SUFFIX)
}
