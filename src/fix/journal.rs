//! The journal of `fix --write --journal FILE`: one JSON line per write, and a copy of every
//! original in `FILE.d/`, so that `kspay-migrate revert FILE` can undo a batch
//! ([`crate::fix::revert`]).
//!
//! The journal must stay true whenever the run stops, SIGKILL or power loss included: a line
//! never claims a write that did not happen, and no page is replaced that the journal cannot
//! undo. So each write goes through three steps, each on disk before the next:
//!
//! 1. before any page is replaced, the original bytes of every page the run will write are
//!    kept in `FILE.d/`, named by their SHA-256, each synced, then the folder
//!    ([`Journal::keep_originals`]);
//! 2. an `intent` line naming the file, its SHA-256 before and after, its size, owner and
//!    mode is appended and synced, at the last moment before the rename (the writer calls
//!    back, [`write::replace_with`]);
//! 3. the page is renamed into place (synced by the writer), then a `written` line (or a
//!    `failed` one, when the rename did not happen) is appended.
//!
//! A run stopped between 2 and 3 leaves an `intent` line whose file holds either the before
//! or the after bytes: `revert` tells which by the file's hash, and restores it or leaves it.
//! Lines are whole `write()`s to a file opened with `O_APPEND` and locked for the run, so a
//! killed run leaves whole lines; a power loss may cut the last, unsynced line, which the next
//! run removes before it appends ([`Journal::open`]) and `revert` passes over.

use std::ffi::{OsStr, OsString};
use std::fs::File;
use std::io::{BufRead, BufReader, Read, Write};
use std::os::fd::{AsFd, OwnedFd};
use std::os::unix::ffi::{OsStrExt, OsStringExt};
use std::os::unix::fs::{FileExt, MetadataExt};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{SystemTime, UNIX_EPOCH};

use rayon::prelude::*;
use rustix::fs::{FlockOperation, Mode, OFlags};
use rustix::io::Errno;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::fix::write::{self, Owner, Replacing, Target, WriteError, WriteOptions};
use crate::source::pinned::{self, describe_io};

/// The version of the line format. A reader refuses lines of a later version; fields may be
/// added within a version, so a reader passes over fields it does not know.
pub const VERSION: u32 = 1;

/// The longest line a reader takes: a line holds two paths and a message, never a page.
const MAX_LINE_BYTES: u64 = 1 << 20;

/// Where one write stood when its line was appended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum State {
    /// About to be renamed into place: the file holds the before or the after bytes.
    Intent,
    /// Renamed into place: the file held the after bytes.
    Written,
    /// Not renamed after all (the file changed, a rename failed): the file was left as it was.
    Failed,
}

/// A file's content as a line names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Content {
    /// Lowercase hex.
    pub sha256: String,
    pub size: u64,
}

impl Content {
    pub fn of(bytes: &[u8]) -> Content {
        Content {
            sha256: sha256_hex(bytes),
            size: bytes.len() as u64,
        }
    }
}

/// The SHA-256 of `bytes`, in lowercase hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    format!("{:x}", Sha256::digest(bytes))
}

/// One line of the journal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub state: State,
    /// The run that wrote it (random hex): a journal may hold several batches.
    pub run: String,
    /// When it was appended (RFC 3339, UTC).
    pub time: String,
    /// Where the file lies, as the kernel named the folder the write went through: absolute,
    /// with no symbolic link on the way.
    pub path: PathBuf,
    /// Its tenant (`--tenant-depth`), as reports name it.
    pub tenant: Option<String>,
    pub before: Content,
    pub after: Content,
    /// The replaced file's owner and mode: what a revert gives the restored file.
    pub owner: Owner,
    /// Where the original is kept, from the journal's folder (`FILE.d/SHA256`).
    pub original: String,
    /// Why a `failed` write did not happen.
    pub error: Option<String>,
}

/// A line as JSON: the field names and their order on disk.
#[derive(Serialize, Deserialize)]
struct Raw {
    version: u32,
    state: State,
    run: String,
    time: String,
    /// The path, exact when it is UTF-8 (else with U+FFFD, and `path_hex` exact).
    path: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    path_hex: Option<String>,
    tenant: Option<String>,
    before: Content,
    after: Content,
    /// Octal, four digits (`"0640"`, `"2755"`).
    mode: String,
    uid: u32,
    gid: u32,
    original: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    error: Option<String>,
}

impl Line {
    /// The line as it goes into the journal, `\n` included.
    pub fn to_json(&self) -> String {
        let bytes = self.path.as_os_str().as_bytes();
        let raw = Raw {
            version: VERSION,
            state: self.state,
            run: self.run.clone(),
            time: self.time.clone(),
            path: String::from_utf8_lossy(bytes).into_owned(),
            // Tenants name files in EUC-KR too; JSON strings cannot hold those bytes.
            path_hex: std::str::from_utf8(bytes).is_err().then(|| hex(bytes)),
            tenant: self.tenant.clone(),
            before: self.before.clone(),
            after: self.after.clone(),
            mode: format!("{:04o}", self.owner.mode),
            uid: self.owner.uid,
            gid: self.owner.gid,
            original: self.original.clone(),
            error: self.error.clone(),
        };
        let mut text = serde_json::to_string(&raw).expect("a line serializes");
        text.push('\n');
        text
    }

    /// Reads one line; the error says what is wrong with it, without its place.
    pub fn parse(text: &str) -> Result<Line, String> {
        let value: serde_json::Value =
            serde_json::from_str(text).map_err(|e| format!("not a JSON journal line ({e})"))?;
        // The version first: a later format may lack the fields this one requires.
        match value.get("version").and_then(serde_json::Value::as_u64) {
            None => return Err("has no version field; not a kspay-migrate journal line".into()),
            Some(version) if version > u64::from(VERSION) => {
                return Err(format!(
                    "is of journal version {version}; this kspay-migrate reads version {VERSION} (use a newer one)"
                ));
            }
            Some(_) => {}
        }
        let raw: Raw = serde_json::from_value(value).map_err(|e| e.to_string())?;
        let path = match &raw.path_hex {
            Some(hex) => PathBuf::from(OsString::from_vec(
                unhex(hex).ok_or("path_hex is not hexadecimal")?,
            )),
            None => PathBuf::from(&raw.path),
        };
        if !path.is_absolute() {
            return Err(format!("path {:?} is not absolute", raw.path));
        }
        for (which, content) in [("before", &raw.before), ("after", &raw.after)] {
            if !is_sha256(&content.sha256) {
                return Err(format!(
                    "{which}.sha256 {:?} is not a SHA-256 in lowercase hex",
                    content.sha256
                ));
            }
        }
        let mode = u32::from_str_radix(&raw.mode, 8)
            .ok()
            .filter(|mode| *mode <= 0o7777)
            .ok_or_else(|| format!("mode {:?} is not an octal mode such as 0640", raw.mode))?;
        Ok(Line {
            state: raw.state,
            run: raw.run,
            time: raw.time,
            path,
            tenant: raw.tenant,
            before: raw.before,
            after: raw.after,
            owner: Owner {
                uid: raw.uid,
                gid: raw.gid,
                mode,
            },
            original: raw.original,
            error: raw.error,
        })
    }
}

fn is_sha256(text: &str) -> bool {
    text.len() == 64 && text.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn unhex(text: &str) -> Option<Vec<u8>> {
    if !text.len().is_multiple_of(2) {
        return None;
    }
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(text.get(i..i + 2)?, 16).ok())
        .collect()
}

/// The folder that keeps a journal's originals: `FILE.d` beside `FILE`.
pub fn originals_folder(journal: &Path) -> PathBuf {
    let mut name = journal.as_os_str().to_os_string();
    name.push(".d");
    PathBuf::from(name)
}

/// A journal open for a `fix --write` run to append to.
pub struct Journal {
    /// As the user named it, for messages.
    path: PathBuf,
    /// Opened with `O_APPEND` and locked (`flock`) for the run.
    file: File,
    /// One line at a time: each is one `write()`, never interleaved with another's.
    appending: Mutex<()>,
    /// `FILE.d`, opened without following links.
    originals: OwnedFd,
    /// `FILE.d` as lines name it, from the journal's folder.
    originals_name: String,
    run: String,
}

/// What opening a journal found.
pub struct Opened {
    pub journal: Journal,
    /// The journal ended in a cut-off line (a run stopped by a power loss while appending it),
    /// which was removed.
    pub cut_line_removed: bool,
}

impl Journal {
    /// Opens `path` for appending, creating it (mode 0600) and its originals' folder `path.d`
    /// (mode 0700) when absent. The way there follows only links root or the running user
    /// made, as for every output; the journal must be a regular file of the running user with
    /// one link (a tenant's link or hard link under that name would have root append to
    /// another file), and the folder a folder of the running user that no one else may write.
    /// The journal stays locked until the run ends: two runs never append to one journal.
    pub fn open(path: &Path) -> Result<Opened, String> {
        let cannot = |why: String| format!("{}: cannot open the journal: {why}", path.display());
        let (folder, name) = pinned::output_place(path).map_err(|e| cannot(e.to_string()))?;
        let handle = rustix::fs::openat(
            &folder,
            name.as_os_str(),
            OFlags::RDWR
                | OFlags::APPEND
                | OFlags::CREATE
                | OFlags::NOFOLLOW
                | OFlags::NONBLOCK
                | OFlags::NOCTTY
                | OFlags::CLOEXEC,
            Mode::from_raw_mode(0o600),
        )
        .map_err(|e| cannot(errno_text(e)))?;
        let file = File::from(handle);
        let meta = file.metadata().map_err(|e| cannot(describe_io(&e)))?;
        let me = rustix::process::geteuid().as_raw();
        if !meta.is_file() {
            return Err(cannot("not a regular file".into()));
        }
        if meta.uid() != me || meta.nlink() != 1 {
            return Err(cannot(format!(
                "belongs to uid {} and has {} link(s); a journal is a file of the running user (uid {me}) with one link",
                meta.uid(),
                meta.nlink()
            )));
        }
        lock(&file, FlockOperation::NonBlockingLockExclusive)
            .map_err(|why| format!("{}: {why}", path.display()))?;
        let cut_line_removed = remove_cut_line(&file).map_err(cannot)?;

        let mut folder_name = name.clone();
        folder_name.push(".d");
        let originals = open_originals(folder.as_fd(), &folder_name, true).map_err(|why| {
            format!(
                "{}: cannot keep the originals there: {why}",
                originals_folder(path).display()
            )
        })?;
        Ok(Opened {
            journal: Journal {
                path: path.to_path_buf(),
                file,
                appending: Mutex::new(()),
                originals,
                originals_name: String::from_utf8_lossy(folder_name.as_bytes()).into_owned(),
                run: random_run_id().map_err(cannot)?,
            },
            cut_line_removed,
        })
    }

    /// The journal as the user named it.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Keeps each of `originals` in `FILE.d/`, named by its SHA-256 (a copy already there
    /// stays), each synced, then the folder: once this returns, every original is on disk
    /// under its name, whatever happens next. Runs on the current rayon pool.
    pub fn keep_originals(&self, originals: &[&[u8]]) -> Result<(), String> {
        let mut unique: Vec<(String, &[u8])> = originals
            .par_iter()
            .map(|bytes| (sha256_hex(bytes), *bytes))
            .collect();
        // Hosting trees hold many copies of one page: each is kept once.
        unique.sort_by(|a, b| a.0.cmp(&b.0));
        unique.dedup_by(|a, b| a.0 == b.0);
        let folder = self.originals.as_fd();
        unique.par_iter().try_for_each(|(sha256, bytes)| {
            if read_original(folder, sha256, bytes.len() as u64).is_ok() {
                return Ok(());
            }
            write::keep(folder, OsStr::new(sha256), bytes).map_err(|e| {
                format!(
                    "{}/{sha256}: cannot keep the original: {e}",
                    originals_folder(&self.path).display()
                )
            })
        })?;
        rustix::fs::fsync(folder).map_err(|e| {
            format!(
                "{}: cannot sync: {}",
                originals_folder(&self.path).display(),
                errno_text(e)
            )
        })
    }

    /// Replaces a file as [`write::replace`] does, and records it: an `intent` line synced
    /// just before the rename, then a `written` or `failed` line. The original must have been
    /// kept ([`Journal::keep_originals`]).
    pub fn replace(
        &self,
        target: &Target,
        tenant: Option<&str>,
        original: &[u8],
        fixed: &[u8],
        options: &WriteOptions,
    ) -> Result<(), WriteError> {
        let (before, after) = (Content::of(original), Content::of(fixed));
        let mut intent: Option<Line> = None;
        let result = write::replace_with(target, original, fixed, options, None, |replacing| {
            let line = self.intent_line(replacing, tenant, &before, &after)?;
            self.append(&line, true)?;
            crate::race_hook::pause("journal", replacing.name);
            intent = Some(line);
            Ok(())
        });
        // No intent line: the writer stopped before it, and nothing was renamed.
        let Some(intent) = intent else {
            return result;
        };
        if let Some(name) = intent.path.file_name() {
            crate::race_hook::pause("written", name);
        }
        let outcome = Line {
            state: if result.is_ok() {
                State::Written
            } else {
                State::Failed
            },
            time: now(),
            error: result.as_ref().err().map(ToString::to_string),
            ..intent
        };
        match (self.append(&outcome, false), result) {
            (Ok(()), result) => result,
            // The page is written and its intent line holds: `revert` still undoes it.
            (Err(why), Ok(())) => Err(WriteError::Io(format!(
                "written, but the journal could not record it as done ({why}); its intent line lets revert undo it"
            ))),
            (Err(_), Err(error)) => Err(error),
        }
    }

    fn intent_line(
        &self,
        replacing: &Replacing,
        tenant: Option<&str>,
        before: &Content,
        after: &Content,
    ) -> Result<Line, String> {
        // The folder the rename happens in, as the kernel knows it: what a revert walks down
        // again, link by link refused, whatever the PATH was.
        let folder = pinned::real_path(replacing.folder)
            .filter(|folder| folder.is_absolute())
            .ok_or("cannot tell where the file's folder is (is /proc mounted?)")?;
        Ok(Line {
            state: State::Intent,
            run: self.run.clone(),
            time: now(),
            path: folder.join(replacing.name),
            tenant: tenant.map(str::to_owned),
            before: before.clone(),
            after: after.clone(),
            owner: Owner::of(replacing.replaced),
            original: format!("{}/{}", self.originals_name, before.sha256),
            error: None,
        })
    }

    /// Appends one line in one `write()`; with `durable`, syncs it before returning.
    fn append(&self, line: &Line, durable: bool) -> Result<(), String> {
        let text = line.to_json();
        {
            let _one_at_a_time = self
                .appending
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            (&self.file)
                .write_all(text.as_bytes())
                .map_err(|e| describe_io(&e))?;
        }
        // Outside the lock: writers syncing together share one flush.
        if durable {
            self.file.sync_data().map_err(|e| describe_io(&e))?;
        }
        Ok(())
    }
}

/// Takes an advisory lock on a journal, without waiting: a busy journal is an error.
fn lock(file: &File, operation: FlockOperation) -> Result<(), String> {
    match rustix::fs::flock(file, operation) {
        Ok(()) => Ok(()),
        Err(Errno::WOULDBLOCK) => {
            Err("the journal is in use by another kspay-migrate run; wait for it to end".into())
        }
        Err(e) => Err(format!("cannot lock the journal: {}", errno_text(e))),
    }
}

/// Removes what follows the journal's last newline, if it is not a whole line: a line a power
/// loss cut off before it was synced. Its write was then never renamed into place (an intent
/// is synced first), or it was a `written`/`failed` line whose intent line stands. A last line
/// that lacks only its newline gets one.
fn remove_cut_line(file: &File) -> Result<bool, String> {
    let len = file.metadata().map_err(|e| describe_io(&e))?.len();
    if len == 0 {
        return Ok(false);
    }
    // Lines are short: the tail after the last newline lies in the last MAX_LINE_BYTES.
    let start = len.saturating_sub(MAX_LINE_BYTES);
    let mut tail = vec![0; (len - start) as usize];
    file.read_exact_at(&mut tail, start)
        .map_err(|e| describe_io(&e))?;
    if tail.last() == Some(&b'\n') {
        return Ok(false);
    }
    let cut = tail.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
    let last = &tail[cut..];
    if std::str::from_utf8(last).is_ok_and(|text| Line::parse(text).is_ok()) {
        (&*file).write_all(b"\n").map_err(|e| describe_io(&e))?;
        return Ok(false);
    }
    if cut == 0 && start > 0 {
        return Err("its last line is longer than any journal line; not a journal".into());
    }
    file.set_len(start + cut as u64)
        .map_err(|e| describe_io(&e))?;
    Ok(true)
}

/// Opens (with `create`, makes) the folder of a journal's originals, refusing a link, a
/// folder of another user and one others may write (they could swap an original).
fn open_originals(
    folder: std::os::fd::BorrowedFd,
    name: &OsStr,
    create: bool,
) -> Result<OwnedFd, String> {
    if create {
        match rustix::fs::mkdirat(folder, name, Mode::from_raw_mode(0o700)) {
            Ok(()) | Err(Errno::EXIST) => {}
            Err(e) => return Err(errno_text(e)),
        }
    }
    let handle = pinned::open_folder_at(folder, name, false).map_err(|e| e.to_string())?;
    let meta = pinned::metadata(handle.as_fd()).map_err(|e| e.to_string())?;
    let me = rustix::process::geteuid().as_raw();
    if meta.uid() != me || meta.mode() & 0o022 != 0 {
        return Err(format!(
            "belongs to uid {} with mode {:04o}; it must be the running user's (uid {me}) and writable by no one else",
            meta.uid(),
            meta.mode() & 0o7777
        ));
    }
    Ok(handle)
}

/// Reads the kept original named `sha256` in the originals' folder, no more than `size`
/// bytes, and checks that it still hashes to its name.
fn read_original(
    folder: std::os::fd::BorrowedFd,
    sha256: &str,
    size: u64,
) -> Result<Vec<u8>, String> {
    let (file, meta) =
        pinned::open_file_at(folder, OsStr::new(sha256), false).map_err(|e| e.to_string())?;
    if meta.len() != size {
        return Err(format!(
            "holds {} bytes, not the {size} recorded; not used",
            meta.len()
        ));
    }
    let bytes = pinned::read_open(file, &meta, size).map_err(|e| e.to_string())?;
    if sha256_hex(&bytes) != sha256 {
        return Err("its content no longer hashes to its name; not used".into());
    }
    Ok(bytes)
}

/// A journal as `revert` reads it: every line, checked, and the folder of its originals.
pub struct Recorded {
    /// The lines, in the order they were appended.
    pub lines: Vec<Line>,
    /// `FILE.d`, if there is one.
    originals: Option<OwnedFd>,
    originals_path: PathBuf,
    /// Held for as long as the journal is in use: no `fix` appends meanwhile.
    _locked: File,
    /// The last line was cut off (a power loss while it was appended) and passed over.
    pub cut_line: Option<usize>,
}

impl Recorded {
    /// Reads the journal at `path`, reached as outputs are (through links root or the running
    /// user made). A line that is not a journal line is an error naming `path:LINE`; a cut-off
    /// last line (no newline, not JSON) is passed over.
    pub fn read(path: &Path) -> Result<Recorded, String> {
        let cannot = |why: String| format!("{}: cannot read the journal: {why}", path.display());
        let (folder, name) = pinned::output_place(path).map_err(|e| cannot(e.to_string()))?;
        let (file, _) = pinned::open_file_at(folder.as_fd(), &name, false)
            .map_err(|e| cannot(e.to_string()))?;
        lock(&file, FlockOperation::NonBlockingLockExclusive)
            .map_err(|why| format!("{}: {why}", path.display()))?;
        let mut lines = Vec::new();
        let mut cut_line = None;
        let mut reader = BufReader::new(&file);
        let mut buf = Vec::new();
        for number in 1.. {
            buf.clear();
            (&mut reader)
                .take(MAX_LINE_BYTES + 1)
                .read_until(b'\n', &mut buf)
                .map_err(|e| cannot(describe_io(&e)))?;
            if buf.is_empty() {
                break;
            }
            let whole = buf.last() == Some(&b'\n');
            let at = |why: String| format!("{}:{number}: {why}", path.display());
            if buf.len() as u64 > MAX_LINE_BYTES {
                return Err(at("longer than any journal line; not a journal".into()));
            }
            let parsed = std::str::from_utf8(&buf)
                .map_err(|_| "is not UTF-8 text".to_string())
                .and_then(|text| Line::parse(text.trim_end_matches(['\n', '\r'])));
            match parsed {
                Ok(line) => lines.push(line),
                Err(_) if !whole => {
                    cut_line = Some(number);
                    break;
                }
                Err(why) => return Err(at(why)),
            }
        }
        let mut folder_name = name.clone();
        folder_name.push(".d");
        let originals = match pinned::kind_at(folder.as_fd(), &folder_name) {
            Err(_) => None,
            Ok(_) => Some(
                open_originals(folder.as_fd(), &folder_name, false)
                    .map_err(|why| format!("{}: {why}", originals_folder(path).display()))?,
            ),
        };
        Ok(Recorded {
            lines,
            originals,
            originals_path: originals_folder(path),
            _locked: file,
            cut_line,
        })
    }

    /// The original a line recorded, from `FILE.d`, checked against the line's `before`.
    pub fn original(&self, line: &Line) -> Result<Vec<u8>, String> {
        let place = self.originals_path.join(&line.before.sha256);
        let folder = self.originals.as_ref().ok_or_else(|| {
            format!(
                "the originals' folder {} is missing",
                self.originals_path.display()
            )
        })?;
        read_original(folder.as_fd(), &line.before.sha256, line.before.size)
            .map_err(|why| format!("the kept original {}: {why}", place.display()))
    }
}

fn errno_text(errno: Errno) -> String {
    describe_io(&errno.into())
}

/// A run's id: 16 random hex digits.
fn random_run_id() -> Result<String, String> {
    let mut random = [0u8; 8];
    rustix::rand::getrandom(&mut random, rustix::rand::GetRandomFlags::empty())
        .map_err(errno_text)?;
    Ok(hex(&random))
}

/// The time now, as lines carry it.
fn now() -> String {
    let seconds = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |elapsed| elapsed.as_secs());
    rfc3339(seconds)
}

/// Seconds since 1970 as `YYYY-MM-DDTHH:MM:SSZ`, by the proleptic Gregorian calendar (days
/// counted in 400-year eras of 146097 days, from a year that starts in March so that the leap
/// day ends it).
fn rfc3339(seconds: u64) -> String {
    let (days, of_day) = (seconds / 86_400, seconds % 86_400);
    // Days since 0000-03-01.
    let days = days + 719_468;
    let era = days / 146_097;
    let of_era = days % 146_097;
    let year_of_era = (of_era - of_era / 1460 + of_era / 36_524 - of_era / 146_096) / 365;
    let of_year = of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_from_march = (5 * of_year + 2) / 153;
    let day = of_year - (153 * month_from_march + 2) / 5 + 1;
    let month = if month_from_march < 10 {
        month_from_march + 3
    } else {
        month_from_march - 9
    };
    let year = era * 400 + year_of_era + u64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        of_day / 3600,
        of_day / 60 % 60,
        of_day % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line() -> Line {
        Line {
            state: State::Intent,
            run: "0123456789abcdef".into(),
            time: "2013-05-01T09:00:00Z".into(),
            path: PathBuf::from("/srv/www/alice/pay/KSPayForm.php"),
            tenant: Some("alice".into()),
            before: Content::of(b"old"),
            after: Content::of(b"new"),
            owner: Owner {
                uid: 1001,
                gid: 33,
                mode: 0o2640,
            },
            original: "j.jsonl.d/abc".into(),
            error: None,
        }
    }

    #[test]
    fn a_line_reads_back_as_written() {
        let line = line();
        let text = line.to_json();
        assert!(text.ends_with("}\n") && text.matches('\n').count() == 1);
        assert!(
            text.starts_with(r#"{"version":1,"state":"intent","#),
            "{text}"
        );
        assert!(
            text.contains(r#""mode":"2640","uid":1001,"gid":33"#),
            "{text}"
        );
        assert!(
            !text.contains("path_hex") && !text.contains("error"),
            "{text}"
        );
        assert_eq!(Line::parse(text.trim_end()).unwrap(), line);
    }

    #[test]
    fn a_name_that_is_not_utf8_is_kept_exactly() {
        let mut line = line();
        // 결제.php in EUC-KR.
        line.path = PathBuf::from(OsStr::from_bytes(b"/srv/www/alice/\xb0\xe1\xc1\xa6.php"));
        line.state = State::Failed;
        line.error = Some("changed on disk".into());
        let text = line.to_json();
        assert!(text.contains(r#""path_hex":"2f7372762f7777772f616c6963652fb0e1c1a62e706870""#));
        assert_eq!(Line::parse(text.trim_end()).unwrap(), line);
    }

    #[test]
    fn bad_lines_say_what_is_wrong() {
        let text = line().to_json();
        let cases = [
            ("{", "not a JSON journal line"),
            (r#"{"state":"intent"}"#, "has no version field"),
            (r#"{"version":2}"#, "is of journal version 2"),
            (
                &text.replace(r#""state":"intent""#, r#""state":"maybe""#),
                "unknown variant `maybe`",
            ),
            (
                &text.replace(&Content::of(b"old").sha256, "abc"),
                "before.sha256 \"abc\" is not a SHA-256",
            ),
            (&text.replace("\"2640\"", "\"rw-r\""), "mode \"rw-r\""),
            (&text.replace("\"/srv", "\"srv"), "is not absolute"),
        ];
        for (text, expected) in cases {
            let error = Line::parse(text.trim_end()).unwrap_err();
            assert!(error.contains(expected), "{text}: {error}");
        }
        // A later release may add fields to version 1.
        let more = text.replacen('{', r#"{"host":"web1","#, 1);
        assert!(Line::parse(more.trim_end()).is_ok());
    }

    #[test]
    fn times_are_rfc3339_utc() {
        assert_eq!(rfc3339(0), "1970-01-01T00:00:00Z");
        assert_eq!(rfc3339(951_782_400), "2000-02-29T00:00:00Z");
        assert_eq!(rfc3339(1_367_398_861), "2013-05-01T09:01:01Z");
        assert_eq!(rfc3339(4_107_542_399), "2100-02-28T23:59:59Z");
        assert_eq!(rfc3339(4_107_542_400), "2100-03-01T00:00:00Z");
    }

    #[test]
    fn a_cut_off_last_line_is_removed_and_a_whole_one_kept() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("j.jsonl");
        let whole = line().to_json();
        std::fs::write(&path, format!("{whole}{}", &whole[..40])).unwrap();
        let file = File::options().read(true).append(true).open(&path).unwrap();
        assert!(remove_cut_line(&file).unwrap());
        assert_eq!(std::fs::read_to_string(&path).unwrap(), whole);
        // A whole line that lacks its newline only gets one.
        std::fs::write(&path, whole.trim_end()).unwrap();
        assert!(!remove_cut_line(&file).unwrap());
        assert_eq!(std::fs::read_to_string(&path).unwrap(), whole);
    }
}
