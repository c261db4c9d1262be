//! Files and folders reached through open folder handles, never through a path twice.
//!
//! A hosting company runs `fix --write` as root over folders that tenants control while the
//! run goes on: any name there can become a symbolic link, a FIFO or another file between two
//! system calls. So a PATH is opened once, one component at a time; every folder under it is
//! opened from its parent's handle with `O_NOFOLLOW | O_DIRECTORY`, and every file from its
//! folder's handle with `O_NOFOLLOW | O_NONBLOCK` and checked to be a regular file on the
//! handle itself. What a name held when it was opened is what is read and written, wherever
//! the name points later. Links are followed only where the run was told to follow them.
//!
//! The tool's own files go through here too, by the same reasoning: configs, rules and
//! baselines are read without blocking and bounded ([`read_bounded`]), and the place of an
//! output is reached through trusted links only ([`output_place`]).
//!
//! `rustix` gives the `*at` system calls safely typed (and is already what `tempfile` is
//! built on); metadata comes from `std` on the opened handles.

use std::ffi::{OsStr, OsString};
use std::fs::{File, Metadata};
use std::os::fd::{AsFd, AsRawFd, BorrowedFd, OwnedFd};
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::MetadataExt;
use std::path::{Component, Path, PathBuf};

use rustix::fs::{CWD, FileType, Mode, OFlags};
use rustix::io::Errno;

use crate::diagnostics::FileId;

/// Links followed while opening one PATH before giving up (the kernel's own limit).
const MAX_LINKS: usize = 40;

/// Why a name could not be opened, in the tool's words.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OpenError {
    #[error("is a symbolic link; not followed (pass --follow-symlinks to follow it)")]
    Symlink,
    #[error(
        "goes through the symbolic link {link}, owned by uid {owner} (neither root nor you); not followed"
    )]
    UntrustedLink { link: PathBuf, owner: u32 },
    #[error("not a regular file or folder (a FIFO, socket or device); not read")]
    NotRegular,
    #[error(
        "has {links} hard links and belongs to uid {owner} in a folder of another owner or one anyone may write; not read (a hard link can bring another user's file into a folder)"
    )]
    ForeignHardLink { links: u64, owner: u32 },
    #[error("{0}")]
    Io(String),
}

impl From<Errno> for OpenError {
    fn from(errno: Errno) -> OpenError {
        OpenError::Io(describe_io(&errno.into()))
    }
}

/// What a PATH named on the command line turned out to be.
#[derive(Debug)]
pub enum Root {
    Folder(OwnedFd),
    /// A file, with its folder's handle: files are always opened from their folder.
    File {
        folder: OwnedFd,
        name: OsString,
    },
}

/// What an entry of a folder is, as its folder listed it (links are not looked through).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    File,
    Folder,
    Symlink,
    /// A FIFO, socket or device.
    Other,
}

/// One entry of a folder.
#[derive(Debug)]
pub struct Entry {
    pub name: OsString,
    pub kind: Kind,
}

/// Opens a PATH named on the command line.
///
/// The rule for links on the way: the PATH itself, when it is a link, is followed only with
/// `follow` (`public_html` is the tenant's to swap); a link in a folder above it is followed
/// when root or the running user owns it (`/var/www -> /srv/www` set up by the admin), and
/// refused otherwise, since a tenant could have made it. With `follow` every link is followed.
pub fn open_root(path: &Path, follow: bool) -> Result<Root, OpenError> {
    resolve(path, follow, false)
}

/// Opens a folder the tool writes an output into, following only links that root or the
/// running user owns, the last one included.
pub fn open_output_folder(path: &Path) -> Result<OwnedFd, OpenError> {
    match resolve(path, false, true)? {
        Root::Folder(folder) => Ok(folder),
        Root::File { .. } => Err(OpenError::Io("is not a folder".into())),
    }
}

/// [`open_root`], where `trust_last` lets the last link pass by the rule for the links above.
fn resolve(path: &Path, follow: bool, trust_last: bool) -> Result<Root, OpenError> {
    let trusted = [0, rustix::process::geteuid().as_raw()];
    let (absolute, names) = components(path);
    // A stack: the next name to open is on top.
    let mut pending: Vec<OsString> = names.into_iter().rev().collect();
    let mut folder = start(absolute)?;
    let mut walked = PathBuf::from(if path.is_absolute() { "/" } else { "." });
    let mut links = 0;
    while let Some(name) = pending.pop() {
        let last = pending.is_empty();
        let handle = rustix::fs::openat(
            &folder,
            name.as_os_str(),
            OFlags::PATH | OFlags::NOFOLLOW | OFlags::CLOEXEC,
            Mode::empty(),
        )?;
        let meta = metadata(handle.as_fd())?;
        walked.push(&name);
        if meta.file_type().is_symlink() {
            if !follow {
                if last && !trust_last {
                    return Err(OpenError::Symlink);
                }
                if !trusted.contains(&meta.uid()) {
                    return Err(OpenError::UntrustedLink {
                        link: walked,
                        owner: meta.uid(),
                    });
                }
            }
            links += 1;
            if links > MAX_LINKS {
                return Err(Errno::LOOP.into());
            }
            let target = rustix::fs::readlinkat(&handle, "", Vec::new())?;
            let target = Path::new(OsStr::from_bytes(target.as_bytes()));
            walked.pop();
            let (absolute, names) = components(target);
            if absolute {
                folder = start(true)?;
                walked = PathBuf::from("/");
            }
            // The link's names come next, before what followed the link in the PATH.
            pending.extend(names.into_iter().rev());
            continue;
        }
        if !last {
            folder = handle;
            continue;
        }
        if meta.is_dir() {
            return Ok(Root::Folder(reopen_folder(&handle)?));
        }
        if meta.is_file() {
            return Ok(Root::File { folder, name });
        }
        return Err(OpenError::NotRegular);
    }
    // `/` or `.`: nothing to resolve.
    Ok(Root::Folder(reopen_folder(&folder)?))
}

/// A path's components, to open one by one: whether it starts at `/`, and its names.
fn components(path: &Path) -> (bool, Vec<OsString>) {
    let mut names = Vec::new();
    let mut absolute = false;
    for component in path.components() {
        match component {
            Component::RootDir => absolute = true,
            Component::CurDir | Component::Prefix(_) => {}
            Component::ParentDir => names.push(OsString::from("..")),
            Component::Normal(name) => names.push(name.to_os_string()),
        }
    }
    (absolute, names)
}

/// A path-only handle on `/` or on the current folder, where a resolution starts.
fn start(absolute: bool) -> Result<OwnedFd, OpenError> {
    let from = if absolute { "/" } else { "." };
    Ok(rustix::fs::openat(
        CWD,
        from,
        OFlags::PATH | OFlags::DIRECTORY | OFlags::CLOEXEC,
        Mode::empty(),
    )?)
}

/// A readable handle on the folder a path-only handle pins (no name is looked up again).
fn reopen_folder(handle: &OwnedFd) -> Result<OwnedFd, OpenError> {
    Ok(rustix::fs::openat(
        handle,
        ".",
        OFlags::RDONLY | OFlags::DIRECTORY | OFlags::CLOEXEC,
        Mode::empty(),
    )?)
}

/// The metadata of what a handle (of any kind, path-only too) refers to.
pub fn metadata(handle: BorrowedFd) -> Result<Metadata, OpenError> {
    let file = File::from(
        handle
            .try_clone_to_owned()
            .map_err(|e| OpenError::Io(describe_io(&e)))?,
    );
    file.metadata().map_err(|e| OpenError::Io(describe_io(&e)))
}

/// Opens the folder `name` inside `folder`; a link is refused unless `follow`.
pub fn open_folder_at(
    folder: BorrowedFd,
    name: &OsStr,
    follow: bool,
) -> Result<OwnedFd, OpenError> {
    let mut flags = OFlags::RDONLY | OFlags::DIRECTORY | OFlags::CLOEXEC;
    if !follow {
        flags |= OFlags::NOFOLLOW;
    }
    rustix::fs::openat(folder, name, flags, Mode::empty()).map_err(|errno| match errno {
        Errno::LOOP if !follow => OpenError::Symlink,
        // `O_DIRECTORY | O_NOFOLLOW` on a link says "not a folder"; say what it is.
        Errno::NOTDIR => match kind_at(folder, name) {
            Ok(Kind::Symlink) if !follow => OpenError::Symlink,
            _ => OpenError::Io("is no longer a folder".into()),
        },
        errno => errno.into(),
    })
}

/// A path-only handle on the folder above `folder`, opened as its `..` (never a link), for
/// looking up what holds the PATHs without resolving a path again.
pub fn parent_folder(folder: BorrowedFd) -> Result<OwnedFd, OpenError> {
    Ok(rustix::fs::openat(
        folder,
        "..",
        OFlags::PATH | OFlags::DIRECTORY | OFlags::CLOEXEC,
        Mode::empty(),
    )?)
}

/// Opens the file `name` inside `folder` for reading: never a link unless `follow`, never
/// blocking (a FIFO opens at once and is refused), and only a regular file.
pub fn open_file_at(
    folder: BorrowedFd,
    name: &OsStr,
    follow: bool,
) -> Result<(File, Metadata), OpenError> {
    let flags = OFlags::RDONLY | OFlags::CLOEXEC | OFlags::NOCTTY | OFlags::NONBLOCK;
    if !follow {
        return open_regular_at(folder, name, flags | OFlags::NOFOLLOW, Mode::empty());
    }
    // A followed link may lead to a device, and opening some devices does something (a
    // watchdog starts, a tape rewinds): look at what it leads to through a path-only handle,
    // and open that very file for reading only when it is a regular one.
    let path_only =
        rustix::fs::openat(folder, name, OFlags::PATH | OFlags::CLOEXEC, Mode::empty())?;
    let meta = metadata(path_only.as_fd())?;
    if !meta.is_file() {
        return Err(OpenError::NotRegular);
    }
    let by_handle = format!("/proc/self/fd/{}", path_only.as_raw_fd());
    let (file, opened) = open_regular_at(CWD, OsStr::new(&by_handle), flags, Mode::empty())?;
    if FileId::of(&opened) != FileId::of(&meta) {
        return Err(OpenError::Io("changed while it was opened".into()));
    }
    Ok((file, opened))
}

/// Opens `name` in `folder` with `flags`, and keeps the handle only if it is a regular file. A
/// link met under `O_NOFOLLOW` is [`OpenError::Symlink`].
fn open_regular_at(
    folder: BorrowedFd,
    name: &OsStr,
    flags: OFlags,
    mode: Mode,
) -> Result<(File, Metadata), OpenError> {
    let handle = rustix::fs::openat(folder, name, flags, mode).map_err(|errno| match errno {
        Errno::LOOP if flags.contains(OFlags::NOFOLLOW) => OpenError::Symlink,
        errno => errno.into(),
    })?;
    regular(handle)
}

/// Keeps an open handle only if it is a regular file.
fn regular(handle: OwnedFd) -> Result<(File, Metadata), OpenError> {
    let file = File::from(handle);
    let meta = file
        .metadata()
        .map_err(|e| OpenError::Io(describe_io(&e)))?;
    if !meta.is_file() {
        return Err(OpenError::NotRegular);
    }
    Ok((file, meta))
}

/// Opens the folder that holds `relative` under the PATH `root` (or `root`'s own folder when
/// `relative` is empty), walking down one handle at a time, and gives the file's name in it.
pub fn open_parent(
    root: &Path,
    relative: &Path,
    follow: bool,
) -> Result<(OwnedFd, OsString), OpenError> {
    let names: Vec<&OsStr> = relative.iter().collect();
    match open_root(root, follow)? {
        Root::File { folder, name } if names.is_empty() => Ok((folder, name)),
        Root::File { .. } => Err(OpenError::Io("is no longer a folder".into())),
        Root::Folder(mut folder) => {
            let Some((file, above)) = names.split_last() else {
                return Err(OpenError::Io("is a folder, not a file".into()));
            };
            for name in above {
                folder = open_folder_at(folder.as_fd(), name, follow)?;
            }
            Ok((folder, file.to_os_string()))
        }
    }
}

/// The entries of a folder, sorted by name, without `.` and `..`. Read from the handle
/// itself (`getdents64`), so listing costs no second handle.
pub fn list(folder: BorrowedFd) -> Result<Vec<Entry>, OpenError> {
    // Room for dozens of entries per system call; an entry is at most about 280 bytes.
    let mut buf = Vec::with_capacity(16 << 10);
    let mut dir = rustix::fs::RawDir::new(folder, buf.spare_capacity_mut());
    let mut entries = Vec::new();
    while let Some(entry) = dir.next() {
        let entry = entry?;
        let name = entry.file_name().to_bytes();
        if name == b"." || name == b".." {
            continue;
        }
        let name = OsStr::from_bytes(name).to_os_string();
        let kind = match entry.file_type() {
            FileType::RegularFile => Kind::File,
            FileType::Directory => Kind::Folder,
            FileType::Symlink => Kind::Symlink,
            FileType::Unknown => kind_at(folder, &name)?,
            _ => Kind::Other,
        };
        entries.push(Entry { name, kind });
    }
    entries.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(entries)
}

/// An entry's kind from its own metadata (a link is a link, not what it leads to).
pub fn kind_at(folder: BorrowedFd, name: &OsStr) -> Result<Kind, OpenError> {
    let stat = rustix::fs::statat(folder, name, rustix::fs::AtFlags::SYMLINK_NOFOLLOW)?;
    Ok(match FileType::from_raw_mode(stat.st_mode) {
        FileType::RegularFile => Kind::File,
        FileType::Directory => Kind::Folder,
        FileType::Symlink => Kind::Symlink,
        _ => Kind::Other,
    })
}

/// Reads a file the tool reads for itself (a config, a rule file, a baseline): never blocking
/// (a FIFO is refused, not waited on), only a regular file, and at most `limit` bytes (a
/// file that grows while it is read, or `/dev/zero`, cannot fill the memory). The error says
/// what is wrong, without the path.
pub fn read_bounded(path: &Path, limit: u64) -> Result<Vec<u8>, String> {
    let (file, meta) = open_regular_at(
        CWD,
        path.as_os_str(),
        OFlags::RDONLY | OFlags::CLOEXEC | OFlags::NOCTTY | OFlags::NONBLOCK,
        Mode::empty(),
    )
    .map_err(|e| e.to_string())?;
    read_open(file, &meta, limit)
}

/// Reads an open regular file of the tool's own, at most `limit` bytes.
pub fn read_open(file: File, meta: &Metadata, limit: u64) -> Result<Vec<u8>, String> {
    let too_large = || format!("larger than {} MiB; not read", limit >> 20);
    if meta.len() > limit {
        return Err(too_large());
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    std::io::Read::read_to_end(&mut std::io::Read::take(file, limit + 1), &mut bytes)
        .map_err(|e| describe_io(&e))?;
    if bytes.len() as u64 > limit {
        return Err(too_large());
    }
    Ok(bytes)
}

/// Opens a file the tool looks for (a config found by the upward search) without following a
/// link, without blocking, as a regular file: `None` when there is none.
pub fn open_if_present(path: &Path) -> Result<Option<(File, Metadata)>, OpenError> {
    let flags =
        OFlags::RDONLY | OFlags::CLOEXEC | OFlags::NOCTTY | OFlags::NONBLOCK | OFlags::NOFOLLOW;
    match rustix::fs::openat(CWD, path, flags, Mode::empty()) {
        Err(Errno::NOENT | Errno::NOTDIR) => Ok(None),
        Err(Errno::LOOP) => Err(OpenError::Symlink),
        Err(errno) => Err(errno.into()),
        Ok(handle) => regular(handle).map(Some),
    }
}

/// [`read_bounded`] for a text file: it must be UTF-8.
pub fn read_text(path: &Path, limit: u64) -> Result<String, String> {
    String::from_utf8(read_bounded(path, limit)?).map_err(|_| "is not UTF-8 text".to_string())
}

/// Where an output file goes: the folder that holds it and its name there. Every link on the
/// way, the last one included, must be root's or the running user's ([`open_output_folder`]);
/// an existing output must be a regular file, which the caller replaces rather than writes
/// through.
pub fn output_place(path: &Path) -> Result<(OwnedFd, OsString), OpenError> {
    let name = path
        .file_name()
        .ok_or_else(|| OpenError::Io("names no file".into()))?;
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => open_output_folder(parent)?,
        _ => open_output_folder(Path::new("."))?,
    };
    match rustix::fs::statat(&folder, name, rustix::fs::AtFlags::SYMLINK_NOFOLLOW) {
        Err(Errno::NOENT) => Ok((folder, name.to_os_string())),
        Err(errno) => Err(errno.into()),
        Ok(_) => match resolve(path, false, true)? {
            Root::File { folder, name } => Ok((folder, name)),
            Root::Folder(_) => Err(OpenError::Io("is a folder".into())),
        },
    }
}

/// Where a handle really is, as the kernel knows it (for the "outside the roots" rule when
/// links are followed).
pub fn real_path(handle: BorrowedFd) -> Option<PathBuf> {
    std::fs::read_link(format!("/proc/self/fd/{}", handle.as_raw_fd())).ok()
}

/// Reads a variable-size attribute list or value into a buffer sized by a first call.
pub fn attribute_bytes(read: impl Fn(&mut [u8]) -> Result<usize, Errno>) -> Result<Vec<u8>, Errno> {
    let mut buf = vec![0u8; 256];
    loop {
        match read(&mut buf) {
            Ok(len) => {
                buf.truncate(len);
                return Ok(buf);
            }
            // Larger than the buffer: the kernel's limit is 64 KiB per value.
            Err(Errno::RANGE) if buf.len() < 1 << 17 => buf.resize(buf.len() * 4, 0),
            Err(e) => return Err(e),
        }
    }
}

/// An I/O error in words, without Rust's `(os error N)` noise.
pub fn describe_io(error: &std::io::Error) -> String {
    match error.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => {
            let text = error.to_string();
            match text.find(" (os error") {
                Some(cut) => text[..cut].to_string(),
                None => text,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::symlink;

    fn tree() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("site/pay")).unwrap();
        std::fs::write(dir.path().join("site/pay/order.php"), "x").unwrap();
        dir
    }

    #[test]
    fn the_tools_own_files_are_read_bounded_and_never_waited_on() {
        let dir = tree();
        let file = dir.path().join("base.json");
        std::fs::write(&file, "0123456789abcdef").unwrap();
        assert_eq!(read_bounded(&file, 16).unwrap().len(), 16);
        assert_eq!(
            read_bounded(&file, 15).unwrap_err(),
            "larger than 0 MiB; not read"
        );
        let fifo = dir.path().join("base.fifo");
        rustix::fs::mknodat(
            CWD,
            fifo.as_path(),
            FileType::Fifo,
            Mode::from_raw_mode(0o644),
            0,
        )
        .unwrap();
        let not_regular = OpenError::NotRegular.to_string();
        assert_eq!(read_bounded(&fifo, 1 << 20).unwrap_err(), not_regular);
        assert_eq!(
            read_bounded(Path::new("/dev/zero"), 1 << 20).unwrap_err(),
            not_regular
        );
    }

    #[test]
    fn a_root_that_is_a_link_is_followed_only_when_asked() {
        let dir = tree();
        let link = dir.path().join("public_html");
        symlink(dir.path().join("site"), &link).unwrap();
        assert_eq!(open_root(&link, false).unwrap_err(), OpenError::Symlink);
        assert!(matches!(open_root(&link, true), Ok(Root::Folder(_))));
        // A link above the PATH that root or the running user owns is the admin's: followed.
        let inside = link.join("pay");
        assert!(matches!(open_root(&inside, false), Ok(Root::Folder(_))));
        let file = link.join("pay/order.php");
        assert!(matches!(open_root(&file, false), Ok(Root::File { .. })));
    }

    #[test]
    fn folders_and_files_below_are_never_links_and_never_fifos() {
        let dir = tree();
        let site = dir.path().join("site");
        symlink(site.join("pay"), site.join("linked")).unwrap();
        symlink(site.join("pay/order.php"), site.join("pay/linked.php")).unwrap();
        rustix::fs::mknodat(
            CWD,
            site.join("pay/fifo.php").as_path(),
            FileType::Fifo,
            Mode::from_raw_mode(0o644),
            0,
        )
        .unwrap();
        let Root::Folder(root) = open_root(&site, false).unwrap() else {
            panic!("a folder")
        };
        assert_eq!(
            open_folder_at(root.as_fd(), OsStr::new("linked"), false).unwrap_err(),
            OpenError::Symlink
        );
        let pay = open_folder_at(root.as_fd(), OsStr::new("pay"), false).unwrap();
        assert_eq!(
            open_file_at(pay.as_fd(), OsStr::new("linked.php"), false).unwrap_err(),
            OpenError::Symlink
        );
        // Opening a FIFO without O_NONBLOCK would wait forever for a writer.
        assert_eq!(
            open_file_at(pay.as_fd(), OsStr::new("fifo.php"), false).unwrap_err(),
            OpenError::NotRegular
        );
        let kinds: Vec<(String, Kind)> = list(pay.as_fd())
            .unwrap()
            .into_iter()
            .map(|e| (e.name.to_string_lossy().into_owned(), e.kind))
            .collect();
        assert_eq!(
            kinds,
            [
                ("fifo.php".to_string(), Kind::Other),
                ("linked.php".to_string(), Kind::Symlink),
                ("order.php".to_string(), Kind::File),
            ]
        );
        let (folder, name) = open_parent(&site, Path::new("pay/order.php"), false).unwrap();
        assert_eq!(name, "order.php");
        assert!(open_file_at(folder.as_fd(), &name, false).is_ok());
        assert_eq!(
            open_parent(&site, Path::new("linked/order.php"), false).unwrap_err(),
            OpenError::Symlink
        );
    }
}
