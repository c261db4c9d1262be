//! Writing a fixed file in place, atomically and without surprises.
//!
//! The new content goes to a hidden temporary file in the same folder (a name no web server
//! runs as a script), takes the original's mode and owner, is synced, and is renamed over the
//! original. A file that changed since it was read, a symbolic link, a file with other hard
//! links, or a file whose real place lies outside the folders the run was given (reached
//! through a followed link) is not written: each is reported instead. With a backup suffix the
//! original is kept beside the file under that suffix: it is hard-linked there just before the
//! rename, so the backup is the very file that was read, with its mode, owner and times.

use std::ffi::OsString;
use std::fs::{self, File, Permissions};
use std::io::Write;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};

/// Prefix of the temporary files; a later run can recognise leftovers by it.
pub const TEMP_PREFIX: &str = ".kspay-migrate-";
/// Suffix of the temporary files: no web server runs `.tmp` as a script.
pub const TEMP_SUFFIX: &str = ".tmp";

/// Whether a file name is one of this tool's temporary files.
pub fn is_temp_name(name: &str) -> bool {
    name.starts_with(TEMP_PREFIX) && name.ends_with(TEMP_SUFFIX)
}

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
    #[error("is read-only (mode {0:o}); not written (make it writable to have it fixed)")]
    ReadOnly(u32),
    #[error("lies outside the given folders (at {0}, through a symbolic link); not written")]
    OutsideRoots(PathBuf),
    #[error("backup {0} already exists; not written (move the old backup away first)")]
    BackupExists(PathBuf),
    #[error("cannot write: {0}")]
    Io(String),
}

fn io(error: std::io::Error) -> WriteError {
    WriteError::Io(crate::walk::describe_io(&error))
}

/// What a write may do besides replacing the file.
#[derive(Debug, Default, Clone)]
pub struct WriteOptions {
    /// Keep the original as `<file><suffix>`.
    pub backup_suffix: Option<OsString>,
    /// The real (canonical) folders and files the run was given; a file whose real path is
    /// under none of them is not written. Empty: no limit.
    pub roots: Vec<PathBuf>,
}

/// Replaces `path`'s content with `new`, provided it still holds `expected`.
pub fn replace(
    path: &Path,
    expected: &[u8],
    new: &[u8],
    options: &WriteOptions,
) -> Result<(), WriteError> {
    let meta = fs::symlink_metadata(path).map_err(io)?;
    if meta.file_type().is_symlink() {
        return Err(WriteError::Symlink);
    }
    if !options.roots.is_empty() {
        let real = fs::canonicalize(path).map_err(io)?;
        if !options.roots.iter().any(|root| real.starts_with(root)) {
            return Err(WriteError::OutsideRoots(real));
        }
    }
    let backup = options.backup_suffix.as_ref().map(|suffix| {
        let mut name = path.as_os_str().to_owned();
        name.push(suffix);
        PathBuf::from(name)
    });
    if let Some(backup) = &backup
        && fs::symlink_metadata(backup).is_ok()
    {
        return Err(WriteError::BackupExists(backup.clone()));
    }
    if meta.nlink() > 1 {
        return Err(WriteError::HardLinked(meta.nlink()));
    }
    // A rename would replace a read-only file as easily as any other (and root may write
    // anything): a file its owner made read-only is left as it is.
    if meta.mode() & 0o200 == 0 {
        return Err(WriteError::ReadOnly(meta.mode() & 0o7777));
    }
    fs::OpenOptions::new().write(true).open(path).map_err(io)?;
    let dir = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let mut temp = tempfile::Builder::new()
        .prefix(TEMP_PREFIX)
        .suffix(TEMP_SUFFIX)
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
    if let Some(backup) = &backup {
        // Fails if the name was taken meanwhile: an old backup is never overwritten.
        fs::hard_link(path, backup).map_err(|e| match e.kind() {
            std::io::ErrorKind::AlreadyExists => WriteError::BackupExists(backup.clone()),
            _ => io(e),
        })?;
    }
    if let Err(e) = temp.persist(path) {
        if let Some(backup) = &backup {
            let _ = fs::remove_file(backup);
        }
        return Err(io(e.error));
    }
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
        replace(&path, b"old", b"new", &WriteOptions::default()).unwrap();
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
            replace(&path, b"old", b"new", &WriteOptions::default()),
            Err(WriteError::Changed)
        ));
        assert_eq!(fs::read(&path).unwrap(), b"edited meanwhile");

        let link = dir.path().join("link.php");
        std::os::unix::fs::symlink(&path, &link).unwrap();
        assert!(matches!(
            replace(&link, b"edited meanwhile", b"new", &WriteOptions::default()),
            Err(WriteError::Symlink)
        ));

        let hard = dir.path().join("hard.php");
        fs::hard_link(&path, &hard).unwrap();
        assert!(matches!(
            replace(&path, b"edited meanwhile", b"new", &WriteOptions::default()),
            Err(WriteError::HardLinked(2))
        ));
        assert_eq!(fs::read(&path).unwrap(), b"edited meanwhile");
    }

    #[test]
    fn backup_is_the_original_file_and_is_never_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("pay.php");
        fs::write(&path, b"old").unwrap();
        fs::set_permissions(&path, Permissions::from_mode(0o604)).unwrap();
        let options = WriteOptions {
            backup_suffix: Some(".orig".into()),
            roots: Vec::new(),
        };
        replace(&path, b"old", b"new", &options).unwrap();
        let backup = dir.path().join("pay.php.orig");
        assert_eq!(fs::read(&backup).unwrap(), b"old");
        assert_eq!(fs::metadata(&backup).unwrap().mode() & 0o777, 0o604);
        assert_eq!(fs::metadata(&path).unwrap().nlink(), 1);
        // A second run must not replace the real original with the first run's output.
        assert!(matches!(
            replace(&path, b"new", b"newer", &options),
            Err(WriteError::BackupExists(_))
        ));
        assert_eq!(fs::read(&path).unwrap(), b"new");
        assert_eq!(fs::read(&backup).unwrap(), b"old");
    }

    #[test]
    fn files_outside_the_roots_are_not_written() {
        let dir = tempfile::tempdir().unwrap();
        let (site, outside) = (dir.path().join("site"), dir.path().join("outside"));
        fs::create_dir_all(&site).unwrap();
        fs::create_dir_all(&outside).unwrap();
        fs::write(outside.join("pay.php"), b"old").unwrap();
        std::os::unix::fs::symlink(&outside, site.join("linked")).unwrap();
        let options = WriteOptions {
            backup_suffix: None,
            roots: vec![fs::canonicalize(&site).unwrap()],
        };
        let through_link = site.join("linked/pay.php");
        assert!(matches!(
            replace(&through_link, b"old", b"new", &options),
            Err(WriteError::OutsideRoots(_))
        ));
        assert_eq!(fs::read(outside.join("pay.php")).unwrap(), b"old");
    }
}
