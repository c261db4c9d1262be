//! Writing a fixed file in place, atomically and without surprises.
//!
//! Everything goes through the handle of the file's folder, opened again from the PATH one
//! folder at a time without following links ([`crate::source::pinned`]): a tenant who swaps a folder
//! for a link to somewhere else between the scan and the write gets an error, not a file
//! written there. The file must still be the very file that was read (same device and inode,
//! same bytes). The new content goes to a hidden temporary file created beside it (`O_EXCL`,
//! a random name no web server runs as a script), takes the original's owner, extended
//! attributes (POSIX ACLs are some) and then mode (after the owner, which would clear
//! setuid/setgid), is synced, and is renamed over the original. A symbolic link, a file with
//! other hard links, a read-only file or one outside the folders the run was given (reached
//! through a followed link) is not written: each is reported instead. With a backup suffix
//! the original is kept beside the file under that suffix: it is hard-linked there just before
//! the rename, so the backup is the very file that was read, with its mode, owner and times.
//!
//! [`replace_with`] lets a caller act at the last moment before the rename (a journal records
//! the write there, see [`crate::fix::journal`]) and give the new file another owner and mode
//! than the replaced one's (a revert restores those the original had).

use std::collections::HashMap;
use std::ffi::{OsStr, OsString};
use std::fs::File;
use std::io::{Read, Seek, SeekFrom, Write};
use std::os::fd::{AsFd, AsRawFd, BorrowedFd, OwnedFd};
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};

use rayon::prelude::*;

use rustix::fs::{Access, AtFlags, CWD, Mode, OFlags, XattrFlags};
use rustix::io::Errno;

use crate::diagnostics::FileId;
use crate::source::leftover::{TEMP_PREFIX, TEMP_RANDOM_CHARS, TEMP_SUFFIX, temp_mark};
use crate::source::pinned::{self, OpenError, attribute_bytes};

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
    #[error(
        "has the extended attribute {name} (an ACL, label or capability) that cannot be kept: {why}; not written"
    )]
    Attribute { name: String, why: String },
    #[error("mode {0:o} could not be kept on the new file; not written")]
    ModeNotKept(u32),
    #[error("cannot record the write in the journal: {0}; not written")]
    NotRecorded(String),
    #[error("{error}; its temporary file {temp} could not be removed ({why}): remove it by hand")]
    TempLeft {
        error: Box<WriteError>,
        temp: PathBuf,
        why: String,
    },
    #[error("cannot write: {0}")]
    Io(String),
}

fn io(error: std::io::Error) -> WriteError {
    WriteError::Io(crate::source::pinned::describe_io(&error))
}

fn errno(errno: Errno) -> WriteError {
    io(errno.into())
}

impl From<OpenError> for WriteError {
    fn from(error: OpenError) -> WriteError {
        match error {
            OpenError::Symlink => WriteError::Symlink,
            other => WriteError::Io(other.to_string()),
        }
    }
}

/// What a write may do besides replacing the file.
#[derive(Debug, Default, Clone)]
pub struct WriteOptions {
    /// `None`: the folder is synced right after the rename. `Some`: a batch of writes syncs
    /// each folder once when it is done ([`FolderSyncs::sync`]).
    pub folder_syncs: Option<Arc<FolderSyncs>>,
    /// Keep the original as `<file><suffix>`.
    pub backup_suffix: Option<OsString>,
    /// Follow links on the way down (`--follow-symlinks`); then the file's folder must still
    /// lie under one of `roots`.
    pub follow_symlinks: bool,
    /// The real (canonical) folders and files the run was given.
    pub roots: Vec<PathBuf>,
}

/// The file to replace: where the walk found it, and which file it was.
#[derive(Debug, Clone, Copy)]
pub struct Target<'a> {
    /// The PATH argument it was found under.
    pub root: &'a Path,
    /// Its place under `root` (empty when `root` is the file).
    pub relative: &'a Path,
    /// The file that was read.
    pub id: FileId,
}

impl Target<'_> {
    fn path(&self) -> PathBuf {
        if self.relative.as_os_str().is_empty() {
            self.root.to_path_buf()
        } else {
            self.root.join(self.relative)
        }
    }
}

/// Who owns a file and its permission bits (`mode & 0o7777`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Owner {
    pub uid: u32,
    pub gid: u32,
    pub mode: u32,
}

impl Owner {
    /// The owner and mode of a file, from its metadata.
    pub fn of(meta: &std::fs::Metadata) -> Owner {
        Owner {
            uid: meta.uid(),
            gid: meta.gid(),
            mode: meta.mode() & 0o7777,
        }
    }
}

/// A replacement about to happen, as [`replace_with`]'s caller sees it just before the rename:
/// every check has passed and the new content is synced under a temporary name.
pub struct Replacing<'a> {
    /// The pinned folder the rename happens in.
    pub folder: BorrowedFd<'a>,
    /// The file's name in it.
    pub name: &'a OsStr,
    /// The file being replaced: the very file that was read.
    pub replaced: &'a std::fs::Metadata,
}

/// Replaces the target's content with `new`, provided it is still the file that was read
/// and still holds `expected`. The new file keeps the replaced file's owner and mode.
pub fn replace(
    target: &Target,
    expected: &[u8],
    new: &[u8],
    options: &WriteOptions,
) -> Result<(), WriteError> {
    replace_with(target, expected, new, options, None, |_| Ok(()))
}

/// [`replace`], giving the new file `owner` instead of the replaced file's owner and mode
/// when it is given, and calling `before_rename` once the new file is ready, at the last
/// moment before it takes the name. An error from `before_rename` stops the write: nothing
/// is renamed, and the error is [`WriteError::NotRecorded`].
pub fn replace_with(
    target: &Target,
    expected: &[u8],
    new: &[u8],
    options: &WriteOptions,
    owner: Option<Owner>,
    before_rename: impl FnOnce(&Replacing) -> Result<(), String>,
) -> Result<(), WriteError> {
    let file_name = target.relative.file_name().or(target.root.file_name());
    crate::race_hook::pause("write", file_name.unwrap_or_default());
    let (folder, name) =
        pinned::open_parent(target.root, target.relative, options.follow_symlinks)?;
    let folder = folder.as_fd();
    if options.follow_symlinks {
        // The file's own real path: a PATH may be the file itself.
        let real = pinned::real_path(folder).unwrap_or_default().join(&name);
        if !options.roots.iter().any(|root| real.starts_with(root)) {
            return Err(WriteError::OutsideRoots(real));
        }
    }
    let (mut file, meta) = pinned::open_file_at(folder, &name, false)?;
    if FileId::of(&meta) != target.id {
        return Err(WriteError::Changed);
    }
    if meta.nlink() > 1 {
        return Err(WriteError::HardLinked(meta.nlink()));
    }
    // A rename would replace a read-only file as easily as any other (and root may write
    // anything): a file its owner made read-only is left as it is.
    if meta.mode() & 0o200 == 0 {
        return Err(WriteError::ReadOnly(meta.mode() & 0o7777));
    }
    rustix::fs::accessat(
        folder,
        name.as_os_str(),
        Access::WRITE_OK,
        AtFlags::SYMLINK_NOFOLLOW | AtFlags::EACCESS,
    )
    .map_err(errno)?;
    if !holds(&mut file, expected)? {
        return Err(WriteError::Changed);
    }
    let backup = options.backup_suffix.as_ref().map(|suffix| {
        let mut backup = name.clone();
        backup.push(suffix);
        backup
    });
    if let Some(backup) = &backup
        && rustix::fs::statat(folder, backup.as_os_str(), AtFlags::SYMLINK_NOFOLLOW).is_ok()
    {
        return Err(WriteError::BackupExists(sibling(target, backup)));
    }

    let mut temp = create_temp(folder)?;
    let owner = owner.unwrap_or(Owner::of(&meta));
    let result = fill_temp(&temp.file, &file, owner, new).and_then(|()| {
        crate::race_hook::pause("rename", &name);
        // Last look before the rename: the name must still hold the file that was read, and
        // the file still the bytes.
        let now = rustix::fs::statat(folder, name.as_os_str(), AtFlags::SYMLINK_NOFOLLOW)
            .map_err(errno)?;
        let same = now.st_dev == meta.dev() && now.st_ino == meta.ino();
        if !same || !holds(&mut file, expected)? {
            return Err(WriteError::Changed);
        }
        before_rename(&Replacing {
            folder,
            name: &name,
            replaced: &meta,
        })
        .map_err(WriteError::NotRecorded)?;
        let temp_name = temp.named(folder)?;
        rename_keeping_backup(folder, &temp_name, &name, backup.as_deref(), target)
    });
    if let Err(error) = result {
        // An unnamed temporary file vanishes with its handle; a named one is removed here.
        let Some(temp_name) = &temp.name else {
            return Err(error);
        };
        return Err(
            match rustix::fs::unlinkat(folder, temp_name.as_os_str(), AtFlags::empty()) {
                Ok(()) => error,
                Err(why) => WriteError::TempLeft {
                    error: Box::new(error),
                    temp: sibling(target, temp_name),
                    why: crate::source::pinned::describe_io(&why.into()),
                },
            },
        );
    }
    // The file is in place: the mark was for a leftover, and must not stay on a page. Done
    // after the rename, so that a run killed before it leaves only marked leftovers.
    let _ = rustix::fs::fremovexattr(&temp.file, temp_mark());
    // Make the rename itself durable; a failure here leaves a correct file behind.
    match &options.folder_syncs {
        Some(syncs) => syncs.defer(folder),
        None => {
            let _ = rustix::fs::fsync(folder);
        }
    }
    Ok(())
}

/// The folders a batch of writes renamed files in, each synced once when the batch is done
/// ([`FolderSyncs::sync`]) instead of once per file. Each file's new content is still synced
/// before its rename, so a power loss at any moment leaves every file wholly old or wholly
/// new; what waits for the batch is only that the renames themselves are on disk. A folder
/// written in twice is synced once, and the syncs run together at the end, where a
/// journalling filesystem commits many renames with one of them, instead of one after each
/// file.
#[derive(Debug)]
pub struct FolderSyncs {
    /// Open handles of the folders waiting, by device and inode.
    pending: Mutex<HashMap<(u64, u64), OwnedFd>>,
    /// How many may wait: past it the ones waiting are synced and closed, so that a batch
    /// over thousands of tenants holds a bounded number of folders open.
    capacity: usize,
}

impl Default for FolderSyncs {
    fn default() -> FolderSyncs {
        FolderSyncs::with_capacity(256)
    }
}

impl FolderSyncs {
    fn with_capacity(capacity: usize) -> FolderSyncs {
        FolderSyncs {
            pending: Mutex::default(),
            capacity,
        }
    }

    /// Notes that a file was renamed in `folder`. A folder that cannot be kept open is synced
    /// at once.
    fn defer(&self, folder: BorrowedFd) {
        match self.hold(folder) {
            Some(due) => sync_all(&due),
            None => {
                let _ = rustix::fs::fsync(folder);
            }
        }
    }

    /// Keeps `folder` open to be synced with the batch. Returns the folders to sync now (the
    /// ones waiting, when there are already as many as may wait), or `None` when `folder`
    /// cannot be kept.
    fn hold(&self, folder: BorrowedFd) -> Option<Vec<OwnedFd>> {
        let stat = rustix::fs::fstat(folder).ok()?;
        let key = (stat.st_dev, stat.st_ino);
        let mut pending = self.pending.lock().unwrap_or_else(PoisonError::into_inner);
        if pending.contains_key(&key) {
            return Some(Vec::new());
        }
        let handle = rustix::io::fcntl_dupfd_cloexec(folder, 0).ok()?;
        let due = match pending.len() >= self.capacity {
            true => std::mem::take(&mut *pending).into_values().collect(),
            false => Vec::new(),
        };
        pending.insert(key, handle);
        Some(due)
    }

    /// Syncs every folder waiting, in parallel on the current thread pool; returns how many
    /// there were.
    pub fn sync(&self) -> usize {
        let waiting: Vec<OwnedFd> =
            std::mem::take(&mut *self.pending.lock().unwrap_or_else(PoisonError::into_inner))
                .into_values()
                .collect();
        sync_all(&waiting);
        waiting.len()
    }
}

/// Syncs folders in parallel: each sync mostly waits on the disk. A failure leaves correct
/// files behind, as with a single file's folder.
fn sync_all(folders: &[OwnedFd]) {
    folders.par_iter().for_each(|folder| {
        let _ = rustix::fs::fsync(folder);
    });
}

/// Writes `bytes` as the file `name` in `folder`, replacing whatever file had that name
/// rather than writing into it (a tenant's hard link or own file under that name is left
/// alone): how the run's own outputs are written.
pub fn create_or_replace(folder: BorrowedFd, name: &OsStr, bytes: &[u8]) -> Result<(), WriteError> {
    // Reports and patches are for reading, as a plain new file would be.
    put(folder, name, bytes, 0o644, false)
}

/// Writes `bytes` as the file `name` in `folder` as [`create_or_replace`] does, but readable by
/// the running user only and synced before it takes the name, so that the name never holds
/// less than all of `bytes`, even after a power loss: how a journal keeps the originals it
/// promises to restore (a tenant's page source may hold passwords).
pub fn keep(folder: BorrowedFd, name: &OsStr, bytes: &[u8]) -> Result<(), WriteError> {
    put(folder, name, bytes, 0o600, true)
}

/// A new file of the tool's own, renamed over `name` once written (and synced, with `sync`).
fn put(
    folder: BorrowedFd,
    name: &OsStr,
    bytes: &[u8],
    mode: u32,
    sync: bool,
) -> Result<(), WriteError> {
    let mut temp = create_temp(folder)?;
    let result = (|| {
        (&temp.file).write_all(bytes).map_err(io)?;
        rustix::fs::fchmod(&temp.file, Mode::from_raw_mode(mode)).map_err(errno)?;
        if sync {
            temp.file.sync_all().map_err(io)?;
        }
        let temp_name = temp.named(folder)?;
        rustix::fs::renameat(folder, temp_name.as_os_str(), folder, name).map_err(errno)
    })();
    if result.is_err()
        && let Some(temp_name) = &temp.name
    {
        let _ = rustix::fs::unlinkat(folder, temp_name.as_os_str(), AtFlags::empty());
    }
    result?;
    let _ = rustix::fs::fremovexattr(&temp.file, temp_mark());
    Ok(())
}

/// A name beside the target, as a path to show.
fn sibling(target: &Target, name: &OsStr) -> PathBuf {
    target.path().with_file_name(name)
}

/// Whether the open file holds exactly `expected` (read again from its start).
fn holds(file: &mut File, expected: &[u8]) -> Result<bool, WriteError> {
    file.seek(SeekFrom::Start(0)).map_err(io)?;
    let mut now = Vec::with_capacity(expected.len());
    // One byte more than expected tells a file that grew.
    file.take(expected.len() as u64 + 1)
        .read_to_end(&mut now)
        .map_err(io)?;
    Ok(now == expected)
}

/// The new content's file until it is renamed over the original.
struct Temp {
    file: File,
    /// Its name in the folder; `None` while it has none (`O_TMPFILE`), so that a run killed
    /// while filling it leaves nothing behind.
    name: Option<OsString>,
}

impl Temp {
    /// Gives an unnamed temporary file a name in `folder` (a random one, never a name that
    /// exists), and returns the name.
    fn named(&mut self, folder: BorrowedFd) -> Result<OsString, WriteError> {
        if let Some(name) = &self.name {
            return Ok(name.clone());
        }
        loop {
            let name = temp_name()?;
            // Linking an open file by its handle needs a privilege root has; anyone may link
            // it through /proc.
            let linked = rustix::fs::linkat(
                &self.file,
                "",
                folder,
                name.as_os_str(),
                AtFlags::EMPTY_PATH,
            )
            .or_else(|_| {
                let by_proc = format!("/proc/self/fd/{}", self.file.as_raw_fd());
                rustix::fs::linkat(
                    CWD,
                    by_proc.as_str(),
                    folder,
                    name.as_os_str(),
                    AtFlags::SYMLINK_FOLLOW,
                )
            });
            match linked {
                Ok(()) => {
                    self.name = Some(name.clone());
                    return Ok(name);
                }
                Err(Errno::EXIST) => continue,
                Err(e) => return Err(errno(e)),
            }
        }
    }
}

/// Creates a new temporary file in the folder, owner-only until it is ready and marked as the
/// tool's own: unnamed where the filesystem allows (`O_TMPFILE`), else under a random name
/// with `O_EXCL` (never a file that exists, whoever made it).
fn create_temp(folder: BorrowedFd) -> Result<Temp, WriteError> {
    let mode = Mode::from_raw_mode(0o600);
    let temp = match rustix::fs::openat(
        folder,
        ".",
        OFlags::TMPFILE | OFlags::WRONLY | OFlags::CLOEXEC,
        mode,
    ) {
        Ok(handle) => Temp {
            file: File::from(handle),
            name: None,
        },
        // Not every filesystem has unnamed files (NFS, older kernels).
        Err(_) => loop {
            let name = temp_name()?;
            match rustix::fs::openat(
                folder,
                name.as_os_str(),
                OFlags::WRONLY | OFlags::CREATE | OFlags::EXCL | OFlags::NOFOLLOW | OFlags::CLOEXEC,
                mode,
            ) {
                Ok(handle) => {
                    break Temp {
                        file: File::from(handle),
                        name: Some(name),
                    };
                }
                Err(Errno::EXIST) => continue,
                Err(e) => return Err(errno(e)),
            }
        },
    };
    // Without the mark (a filesystem without extended attributes), a leftover is reported but
    // never removed.
    let _ = rustix::fs::fsetxattr(&temp.file, temp_mark(), b"1", XattrFlags::empty());
    Ok(temp)
}

fn temp_name() -> Result<OsString, WriteError> {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    let mut random = [0u8; TEMP_RANDOM_CHARS];
    rustix::rand::getrandom(&mut random, rustix::rand::GetRandomFlags::empty()).map_err(errno)?;
    let mut name = TEMP_PREFIX.as_bytes().to_vec();
    name.extend(
        random
            .iter()
            .map(|byte| ALPHABET[usize::from(*byte) % ALPHABET.len()]),
    );
    name.extend(TEMP_SUFFIX.as_bytes());
    Ok(OsStr::from_bytes(&name).to_os_string())
}

/// Writes the new content and gives the temporary file everything of the original's that
/// a web server or the tenant relies on: `owner` (the original's, unless a revert restores
/// recorded ones), the original's extended attributes, then `owner`'s mode.
fn fill_temp(temp: &File, original: &File, owner: Owner, new: &[u8]) -> Result<(), WriteError> {
    (&*temp).write_all(new).map_err(io)?;
    let temp_meta = temp.metadata().map_err(io)?;
    if (temp_meta.uid(), temp_meta.gid()) != (owner.uid, owner.gid) {
        // Running as root over a tenant's files: the file stays the tenant's.
        std::os::unix::fs::fchown(temp, Some(owner.uid), Some(owner.gid)).map_err(io)?;
    }
    copy_attributes(original, temp)?;
    // After the owner: changing the owner clears setuid and setgid. An ACL's mask follows the
    // group bits, which are the original's.
    let mode = owner.mode;
    rustix::fs::fchmod(temp, Mode::from_raw_mode(mode)).map_err(errno)?;
    if temp.metadata().map_err(io)?.mode() & 0o7777 != mode {
        return Err(WriteError::ModeNotKept(mode));
    }
    temp.sync_all().map_err(io)
}

/// Copies every extended attribute of `from` that `to` does not already hold the same.
fn copy_attributes(from: &File, to: &File) -> Result<(), WriteError> {
    let names = match attribute_bytes(|buf| rustix::fs::flistxattr(from, buf)) {
        Ok(names) => names,
        // A filesystem without extended attributes has none to keep.
        Err(Errno::NOTSUP) => return Ok(()),
        Err(e) => return Err(errno(e)),
    };
    let mark = temp_mark().as_bytes();
    for name in names
        .split(|byte| *byte == 0)
        .filter(|name| !name.is_empty() && *name != mark)
    {
        let shown = String::from_utf8_lossy(name).into_owned();
        let failed = |e: Errno| WriteError::Attribute {
            name: shown.clone(),
            why: crate::source::pinned::describe_io(&e.into()),
        };
        let value =
            attribute_bytes(|buf| rustix::fs::fgetxattr(from, name, buf)).map_err(failed)?;
        // The new file may hold it already, as a security label given at creation.
        if attribute_bytes(|buf| rustix::fs::fgetxattr(to, name, buf)).ok() == Some(value.clone()) {
            continue;
        }
        rustix::fs::fsetxattr(to, name, &value, XattrFlags::empty()).map_err(failed)?;
    }
    Ok(())
}

/// Links the backup (if any) to the original, then renames the temporary file over it; the
/// backup link is undone if the rename fails.
fn rename_keeping_backup(
    folder: BorrowedFd,
    temp: &OsStr,
    name: &OsStr,
    backup: Option<&OsStr>,
    target: &Target,
) -> Result<(), WriteError> {
    if let Some(backup) = backup {
        // Fails if the name was taken meanwhile: an old backup is never overwritten.
        rustix::fs::linkat(folder, name, folder, backup, AtFlags::empty()).map_err(
            |e| match e {
                Errno::EXIST => WriteError::BackupExists(sibling(target, backup)),
                e => errno(e),
            },
        )?;
    }
    if let Err(e) = rustix::fs::renameat(folder, temp, folder, name) {
        if let Some(backup) = backup {
            let _ = rustix::fs::unlinkat(folder, backup, AtFlags::empty());
        }
        return Err(errno(e));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::leftover::is_temp_name;
    use std::fs::{self, Permissions};
    use std::os::unix::fs::PermissionsExt;

    /// Replaces `dir/name` as a run that found it under `dir` would.
    fn replace_in(
        dir: &Path,
        name: &str,
        expected: &[u8],
        new: &[u8],
        options: &WriteOptions,
    ) -> Result<(), WriteError> {
        let id = FileId::of(&fs::symlink_metadata(dir.join(name)).unwrap());
        let target = Target {
            root: dir,
            relative: Path::new(name),
            id,
        };
        replace(&target, expected, new, options)
    }

    fn is_root() -> bool {
        rustix::process::geteuid().is_root()
    }

    #[test]
    fn replaces_content_keeps_mode_and_leaves_no_temp_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("pay.php");
        fs::write(&path, b"old").unwrap();
        fs::set_permissions(&path, Permissions::from_mode(0o640)).unwrap();
        replace_in(
            dir.path(),
            "pay.php",
            b"old",
            b"new",
            &WriteOptions::default(),
        )
        .unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"new");
        assert_eq!(fs::metadata(&path).unwrap().mode() & 0o777, 0o640);
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn a_batch_syncs_each_folder_it_wrote_in_once_and_holds_few_open() {
        let dir = tempfile::tempdir().unwrap();
        let folders = ["a", "b", "c"].map(|name| dir.path().join(name));
        for folder in &folders {
            fs::create_dir(folder).unwrap();
            for page in ["pay.php", "order.php"] {
                fs::write(folder.join(page), b"old").unwrap();
            }
        }
        let write_all = |syncs: &Arc<FolderSyncs>| {
            let options = WriteOptions {
                folder_syncs: Some(Arc::clone(syncs)),
                ..WriteOptions::default()
            };
            for folder in &folders {
                for page in ["pay.php", "order.php"] {
                    replace_in(folder, page, b"old", b"new", &options).unwrap();
                    fs::write(folder.join(page), b"old").unwrap();
                }
            }
        };

        let syncs = Arc::new(FolderSyncs::default());
        write_all(&syncs);
        assert_eq!(syncs.sync(), 3, "three folders, each synced once");
        assert_eq!(syncs.sync(), 0, "nothing waits after a sync");

        // Past its capacity the folders waiting are synced on the spot.
        let syncs = Arc::new(FolderSyncs::with_capacity(2));
        write_all(&syncs);
        assert_eq!(syncs.sync(), 1, "a and b were synced when c came");
    }

    #[test]
    fn the_hook_runs_last_before_the_rename_and_its_error_stops_the_write() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("pay.php");
        fs::write(&path, b"old").unwrap();
        fn target(dir: &Path) -> Target<'_> {
            Target {
                root: dir,
                relative: Path::new("pay.php"),
                id: FileId::of(&fs::metadata(dir.join("pay.php")).unwrap()),
            }
        }
        let options = WriteOptions::default();
        let refused = replace_with(&target(dir.path()), b"old", b"new", &options, None, |_| {
            Err("disk full".into())
        });
        assert!(
            matches!(&refused, Err(WriteError::NotRecorded(why)) if why == "disk full"),
            "{refused:?}"
        );
        assert_eq!(fs::read(&path).unwrap(), b"old");
        assert_eq!(
            fs::read_dir(dir.path()).unwrap().count(),
            1,
            "no temp file left"
        );

        let mut seen = None;
        replace_with(
            &target(dir.path()),
            b"old",
            b"new",
            &options,
            None,
            |replacing| {
                // Still the original under the name: the rename comes after.
                seen = Some((
                    replacing.name.to_owned(),
                    FileId::of(replacing.replaced),
                    fs::read(&path).unwrap(),
                ));
                Ok(())
            },
        )
        .unwrap();
        let (name, id, bytes) = seen.unwrap();
        assert_eq!(
            (name.as_os_str(), bytes.as_slice()),
            (OsStr::new("pay.php"), &b"old"[..])
        );
        assert_ne!(id, FileId::of(&fs::metadata(&path).unwrap()));
        assert_eq!(fs::read(&path).unwrap(), b"new");
    }

    #[test]
    fn a_given_owner_and_mode_replace_the_files_own() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("pay.php");
        fs::write(&path, b"new").unwrap();
        fs::set_permissions(&path, Permissions::from_mode(0o666)).unwrap();
        let me = fs::metadata(&path).unwrap();
        let owner = Owner {
            // Another owner needs root; the mode is tested for anyone.
            uid: if is_root() { 65534 } else { me.uid() },
            gid: if is_root() { 65534 } else { me.gid() },
            mode: 0o640,
        };
        let target = Target {
            root: dir.path(),
            relative: Path::new("pay.php"),
            id: FileId::of(&me),
        };
        replace_with(
            &target,
            b"new",
            b"old",
            &WriteOptions::default(),
            Some(owner),
            |_| Ok(()),
        )
        .unwrap();
        let after = fs::metadata(&path).unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"old");
        assert_eq!(Owner::of(&after), owner);
    }

    #[test]
    fn kept_files_are_the_running_users_alone() {
        let dir = tempfile::tempdir().unwrap();
        let folder = File::open(dir.path()).unwrap();
        fs::write(dir.path().join("kept"), b"a tenant's link target").unwrap();
        keep(
            folder.as_fd(),
            OsStr::new("kept"),
            b"<?php $db_pass = 'x'; ?>",
        )
        .unwrap();
        let kept = dir.path().join("kept");
        assert_eq!(fs::read(&kept).unwrap(), b"<?php $db_pass = 'x'; ?>");
        assert_eq!(fs::metadata(&kept).unwrap().mode() & 0o777, 0o600);
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn refuses_changed_replaced_symlinked_and_hard_linked_files() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("pay.php");
        fs::write(&path, b"edited meanwhile").unwrap();
        let options = WriteOptions::default();
        assert!(matches!(
            replace_in(dir.path(), "pay.php", b"old", b"new", &options),
            Err(WriteError::Changed)
        ));
        assert_eq!(fs::read(&path).unwrap(), b"edited meanwhile");

        // Same bytes, but another file under the name: not the file that was read.
        // The file read is kept under another name, so its inode cannot be reused by the new
        // file (under load, a freed inode number comes back at once).
        let id = FileId::of(&fs::metadata(&path).unwrap());
        fs::rename(&path, dir.path().join("other.php")).unwrap();
        fs::write(&path, b"edited meanwhile").unwrap();
        let target = Target {
            root: dir.path(),
            relative: Path::new("pay.php"),
            id,
        };
        assert!(matches!(
            replace(&target, b"edited meanwhile", b"new", &options),
            Err(WriteError::Changed)
        ));

        let link = dir.path().join("link.php");
        std::os::unix::fs::symlink(&path, &link).unwrap();
        let target = Target {
            relative: Path::new("link.php"),
            id: FileId::of(&fs::metadata(&path).unwrap()),
            ..target
        };
        assert!(matches!(
            replace(&target, b"edited meanwhile", b"new", &options),
            Err(WriteError::Symlink)
        ));

        fs::hard_link(&path, dir.path().join("hard.php")).unwrap();
        assert!(matches!(
            replace_in(dir.path(), "pay.php", b"edited meanwhile", b"new", &options),
            Err(WriteError::HardLinked(2))
        ));
        assert_eq!(fs::read(&path).unwrap(), b"edited meanwhile");
    }

    #[test]
    fn a_folder_swapped_for_a_link_after_the_scan_is_not_written_through() {
        let dir = tempfile::tempdir().unwrap();
        let (site, elsewhere) = (dir.path().join("site"), dir.path().join("root-only"));
        fs::create_dir_all(site.join("www")).unwrap();
        fs::create_dir_all(&elsewhere).unwrap();
        fs::write(site.join("www/index.php"), b"old").unwrap();
        let id = FileId::of(&fs::metadata(site.join("www/index.php")).unwrap());
        // The tenant's swap, between the scan and the write.
        fs::rename(site.join("www"), site.join("www.old")).unwrap();
        fs::copy(site.join("www.old/index.php"), elsewhere.join("index.php")).unwrap();
        std::os::unix::fs::symlink(&elsewhere, site.join("www")).unwrap();
        let target = Target {
            root: &site,
            relative: Path::new("www/index.php"),
            id,
        };
        assert!(matches!(
            replace(&target, b"old", b"new", &WriteOptions::default()),
            Err(WriteError::Symlink)
        ));
        assert_eq!(fs::read(elsewhere.join("index.php")).unwrap(), b"old");
        assert_eq!(fs::read_dir(&elsewhere).unwrap().count(), 1);
    }

    #[test]
    fn backup_is_the_original_file_and_is_never_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("pay.php");
        fs::write(&path, b"old").unwrap();
        fs::set_permissions(&path, Permissions::from_mode(0o604)).unwrap();
        let options = WriteOptions {
            backup_suffix: Some(".orig".into()),
            ..WriteOptions::default()
        };
        replace_in(dir.path(), "pay.php", b"old", b"new", &options).unwrap();
        let backup = dir.path().join("pay.php.orig");
        assert_eq!(fs::read(&backup).unwrap(), b"old");
        assert_eq!(fs::metadata(&backup).unwrap().mode() & 0o777, 0o604);
        assert_eq!(fs::metadata(&path).unwrap().nlink(), 1);
        // A second run must not replace the real original with the first run's output.
        assert!(matches!(
            replace_in(dir.path(), "pay.php", b"new", b"newer", &options),
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
            follow_symlinks: true,
            roots: vec![fs::canonicalize(&site).unwrap()],
            ..WriteOptions::default()
        };
        assert!(matches!(
            replace_in(&site, "linked/pay.php", b"old", b"new", &options),
            Err(WriteError::OutsideRoots(_))
        ));
        assert_eq!(fs::read(outside.join("pay.php")).unwrap(), b"old");
    }

    /// A POSIX ACL as Linux stores it in `system.posix_acl_access`: version 2, then entries
    /// of tag, permissions and id. This one lets uid 33 (www-data on Debian) read a page
    /// nobody else but its owner may read: the web server's only way in.
    fn acl_www_data_reads() -> Vec<u8> {
        let mut acl = 2u32.to_le_bytes().to_vec();
        for (tag, perm, id) in [
            (0x01u16, 6u16, u32::MAX), // owner: rw
            (0x02, 4, 33),             // user www-data: r
            (0x04, 0, u32::MAX),       // owning group: none
            (0x10, 4, u32::MAX),       // mask: r
            (0x20, 0, u32::MAX),       // others: none
        ] {
            acl.extend(tag.to_le_bytes());
            acl.extend(perm.to_le_bytes());
            acl.extend(id.to_le_bytes());
        }
        acl
    }

    #[test]
    fn acls_extended_attributes_and_setuid_bits_are_kept() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("pay.php");
        fs::write(&path, b"old").unwrap();
        let original = File::open(&path).unwrap();
        rustix::fs::fchmod(&original, Mode::from_raw_mode(0o640)).unwrap();
        rustix::fs::fsetxattr(
            &original,
            "system.posix_acl_access",
            &acl_www_data_reads(),
            XattrFlags::empty(),
        )
        .unwrap();
        rustix::fs::fsetxattr(&original, "user.origin", b"tenant", XattrFlags::empty()).unwrap();
        let mode = fs::metadata(&path).unwrap().mode() & 0o7777;
        if is_root() {
            // As root over a tenant's file: chown clears these bits unless they are set last.
            std::os::unix::fs::chown(&path, Some(65534), Some(65534)).unwrap();
            rustix::fs::fchmod(&original, Mode::from_raw_mode(0o6750)).unwrap();
        }
        let before = fs::metadata(&path).unwrap();
        let read = |file: &File, name: &str| {
            attribute_bytes(|buf| rustix::fs::fgetxattr(file, name, buf)).unwrap()
        };
        let acl = read(&original, "system.posix_acl_access");
        drop(original);

        replace_in(
            dir.path(),
            "pay.php",
            b"old",
            b"new",
            &WriteOptions::default(),
        )
        .unwrap();
        let after = fs::metadata(&path).unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"new");
        assert_ne!(after.ino(), before.ino(), "replaced, not edited in place");
        assert_eq!(after.mode() & 0o7777, before.mode() & 0o7777);
        assert_eq!((after.uid(), after.gid()), (before.uid(), before.gid()));
        let file = File::open(&path).unwrap();
        assert_eq!(read(&file, "system.posix_acl_access"), acl);
        assert_eq!(read(&file, "user.origin"), b"tenant");
        assert_eq!(mode, 0o640);
    }

    #[test]
    fn a_temporary_file_that_cannot_be_removed_is_reported() {
        if !is_root() {
            eprintln!("skipped: making a folder append-only needs root");
            return;
        }
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("www");
        fs::create_dir(&folder).unwrap();
        fs::write(folder.join("pay.php"), b"old").unwrap();
        let handle = File::open(&folder).unwrap();
        let flags = rustix::fs::ioctl_getflags(&handle).unwrap();
        if rustix::fs::ioctl_setflags(&handle, flags | rustix::fs::IFlags::APPEND).is_err() {
            eprintln!("skipped: this filesystem has no append-only folders");
            return;
        }
        let result = replace_in(&folder, "pay.php", b"old", b"new", &WriteOptions::default());
        let left: Vec<_> = fs::read_dir(&folder)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .filter(|name| is_temp_name(&name.to_string_lossy()))
            .collect();
        rustix::fs::ioctl_setflags(&handle, flags).unwrap();
        let Err(WriteError::TempLeft { temp, .. }) = result else {
            panic!("expected the left temporary file to be reported, got {result:?}")
        };
        assert_eq!(left.len(), 1);
        assert_eq!(temp.file_name().unwrap(), left[0]);
        assert_eq!(fs::read(folder.join("pay.php")).unwrap(), b"old");
    }
}
