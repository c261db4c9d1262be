//! Writing a fixed file in place, atomically and without surprises.
//!
//! The new content goes to a hidden temporary file in the same folder (a name no web server
//! runs as a script), takes the original's mode and owner, is synced, and is renamed over the
//! original. A file that changed since it was read, a symbolic link, or a file with other hard
//! links is not written: each is reported instead.

use std::fs::{self, File, Permissions};
use std::io::Write;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::Path;

/// Prefix of the temporary files; a later run can recognise leftovers by it.
pub const TEMP_PREFIX: &str = ".kspay-migrate-";

/// Why a file was not written.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    #[error("is a symbolic link; not written through (fix the file it points to directly)")]
    Symlink,
    #[error(
        "has {0} hard links; not written, because replacing it would split the links (fix it by hand)"
    )]
    HardLinked(u64),
    #[error("changed on disk since it was read; not written (run again)")]
    Changed,
    #[error("cannot write: {0}")]
    Io(String),
}

fn io(error: std::io::Error) -> WriteError {
    WriteError::Io(crate::walk::describe_io(&error))
}

/// Replaces `path`'s content with `new`, provided it still holds `expected`.
pub fn replace(path: &Path, expected: &[u8], new: &[u8]) -> Result<(), WriteError> {
    let meta = fs::symlink_metadata(path).map_err(io)?;
    if meta.file_type().is_symlink() {
        return Err(WriteError::Symlink);
    }
    if meta.nlink() > 1 {
        return Err(WriteError::HardLinked(meta.nlink()));
    }
    let dir = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let mut temp = tempfile::Builder::new()
        .prefix(TEMP_PREFIX)
        .suffix(".tmp")
        .permissions(Permissions::from_mode(0o600))
        .tempfile_in(dir)
        .map_err(io)?;
    temp.write_all(new).map_err(io)?;
    let file: &File = temp.as_file();
    file.set_permissions(Permissions::from_mode(meta.mode() & 0o7777))
        .map_err(io)?;
    let temp_meta = file.metadata().map_err(io)?;
    if (temp_meta.uid(), temp_meta.gid()) != (meta.uid(), meta.gid()) {
        // Running as root over a tenant's files: the file stays the tenant's.
        std::os::unix::fs::fchown(file, Some(meta.uid()), Some(meta.gid())).map_err(io)?;
    }
    file.sync_all().map_err(io)?;

    // Last look before the rename: the file must still be what was read.
    let now = fs::symlink_metadata(path).map_err(io)?;
    if now.ino() != meta.ino() || now.len() != expected.len() as u64 {
        return Err(WriteError::Changed);
    }
    if fs::read(path).map_err(io)? != expected {
        return Err(WriteError::Changed);
    }
    temp.persist(path).map_err(|e| io(e.error))?;
    if let Ok(dir) = File::open(dir) {
        // Make the rename itself durable; a failure here leaves a correct file behind.
        let _ = dir.sync_all();
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_content_keeps_mode_and_leaves_no_temp_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("pay.php");
        fs::write(&path, b"old").unwrap();
        fs::set_permissions(&path, Permissions::from_mode(0o640)).unwrap();
        replace(&path, b"old", b"new").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"new");
        assert_eq!(fs::metadata(&path).unwrap().mode() & 0o777, 0o640);
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn refuses_changed_symlinked_and_hard_linked_files() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("pay.php");
        fs::write(&path, b"edited meanwhile").unwrap();
        assert!(matches!(
            replace(&path, b"old", b"new"),
            Err(WriteError::Changed)
        ));
        assert_eq!(fs::read(&path).unwrap(), b"edited meanwhile");

        let link = dir.path().join("link.php");
        std::os::unix::fs::symlink(&path, &link).unwrap();
        assert!(matches!(
            replace(&link, b"edited meanwhile", b"new"),
            Err(WriteError::Symlink)
        ));

        let hard = dir.path().join("hard.php");
        fs::hard_link(&path, &hard).unwrap();
        assert!(matches!(
            replace(&path, b"edited meanwhile", b"new"),
            Err(WriteError::HardLinked(2))
        ));
        assert_eq!(fs::read(&path).unwrap(), b"edited meanwhile");
    }
}
