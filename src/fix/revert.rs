//! `kspay-migrate revert FILE`: undoes the writes a journal records ([`crate::fix::journal`]),
//! deciding each file by what it holds now, so that a revert is safe to run again and again.
//!
//! For each journaled file, its writes newest first: a file that holds a write's after bytes
//! gets that write's original back (through the same writer as `fix`, with the owner and mode
//! the original had); one that holds its before bytes, or a state an older write of it
//! recorded, has that write undone already; anything else is a tenant's edit since the fix,
//! and the file is left as it is, the older writes too. Writes recorded as `failed` never
//! happened and are passed over; an `intent` with no outcome (a run that was stopped) is
//! judged like any other by the file's content.

use std::collections::{BTreeMap, HashMap};
use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use sha2::{Digest, Sha256};

use crate::diagnostics::FileId;
use crate::fix::journal::{Line, Recorded, State};
use crate::fix::write::{self, Target, WriteOptions};
use crate::source::pinned::{self, OpenError};

/// What became of one journaled file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Its original is back (in a dry run: would be); `writes` of its writes were undone.
    Restored { writes: usize },
    /// It already held what it held before the journal's writes: nothing to do.
    AlreadyReverted,
    /// It holds content no journaled write left there (SHA-256 given): changed since the fix,
    /// and not reverted. `restored` later writes of it were undone first.
    Changed { sha256: String, restored: usize },
    /// It is gone (deleted or moved since the fix).
    Missing,
    /// It could not be read or restored.
    Failed { why: String, restored: usize },
}

impl Outcome {
    /// Whether the file was refused because someone changed it since the fix.
    pub fn is_refused(&self) -> bool {
        matches!(self, Outcome::Changed { .. } | Outcome::Missing)
    }
}

/// One journaled file and what became of it.
#[derive(Debug)]
pub struct Reverted {
    pub path: PathBuf,
    pub outcome: Outcome,
}

/// Reverts every file the journal names (with `dry_run`, only says what it would do), on the
/// current rayon pool. Sorted by path.
pub fn revert(recorded: &Recorded, dry_run: bool) -> Vec<Reverted> {
    let files: Vec<(&Path, Vec<&Line>)> = writes_by_path(&recorded.lines).into_iter().collect();
    files
        .par_iter()
        .map(|(path, writes)| Reverted {
            path: path.to_path_buf(),
            outcome: revert_file(recorded, path, writes, dry_run),
        })
        .collect()
}

/// Each file's writes that may have happened, oldest first: one per run, from its first
/// line, unless the run recorded it as failed.
fn writes_by_path(lines: &[Line]) -> BTreeMap<&Path, Vec<&Line>> {
    let mut by_path: BTreeMap<&Path, Vec<(&Line, bool)>> = BTreeMap::new();
    let mut seen: HashMap<(&str, &Path), usize> = HashMap::new();
    for line in lines {
        let path = line.path.as_path();
        let failed = line.state == State::Failed;
        let writes = by_path.entry(path).or_default();
        match seen.get(&(line.run.as_str(), path)) {
            Some(&index) => writes[index].1 |= failed,
            None => {
                seen.insert((line.run.as_str(), path), writes.len());
                writes.push((line, failed));
            }
        }
    }
    by_path
        .into_iter()
        .map(|(path, writes)| {
            let happened = writes
                .into_iter()
                .filter(|(_, failed)| !failed)
                .map(|(line, _)| line)
                .collect();
            (path, happened)
        })
        .filter(|(_, writes): &(_, Vec<&Line>)| !writes.is_empty())
        .collect()
}

fn revert_file(recorded: &Recorded, path: &Path, writes: &[&Line], dry_run: bool) -> Outcome {
    // Nothing a write recorded is larger: a larger file is no state of theirs.
    let limit = writes
        .iter()
        .map(|write| write.before.size.max(write.after.size))
        .max()
        .unwrap_or(0);
    let mut current = match Current::read(path, limit) {
        Ok(Some(current)) => current,
        Ok(None) => return Outcome::Missing,
        Err(why) => return Outcome::Failed { why, restored: 0 },
    };
    let mut restored = 0;
    for (index, write) in writes.iter().enumerate().rev() {
        let older = &writes[..index];
        if current.sha256 == write.after.sha256 {
            let failed = |why: String| Outcome::Failed { why, restored };
            let original = match recorded.original(write) {
                Ok(original) => original,
                Err(why) => return failed(why),
            };
            current = match dry_run {
                true => Current {
                    sha256: write.before.sha256.clone(),
                    bytes: Some(original),
                    id: current.id,
                },
                false => {
                    if let Err(e) = current.restore(path, &original, write) {
                        return failed(format!("cannot restore: {e}"));
                    }
                    // A new file holds the name now; an older write may need it restored too.
                    match Current::read(path, limit) {
                        Ok(Some(now)) => now,
                        Ok(None) => return Outcome::Missing,
                        Err(why) => return failed(why),
                    }
                }
            };
            restored += 1;
        } else if current.sha256 == write.before.sha256
            || older.iter().any(|older| {
                older.before.sha256 == current.sha256 || older.after.sha256 == current.sha256
            })
        {
            // Undone already: the file is back at this write's start or earlier.
            continue;
        } else {
            return Outcome::Changed {
                sha256: current.sha256,
                restored,
            };
        }
    }
    match restored {
        0 => Outcome::AlreadyReverted,
        writes => Outcome::Restored { writes },
    }
}

/// A journaled file as it is now.
struct Current {
    sha256: String,
    /// Its bytes, when no larger than any state its writes recorded.
    bytes: Option<Vec<u8>>,
    id: FileId,
}

impl Current {
    /// Reads the file at the absolute `path` from `/` down, one folder handle at a time,
    /// refusing every link on the way: a journal names the real place it wrote. `None` when it
    /// is gone.
    fn read(path: &Path, limit: u64) -> Result<Option<Current>, String> {
        let cannot = |why: String| format!("cannot read it: {why}");
        let relative = path.strip_prefix("/").unwrap_or(path);
        let opened =
            pinned::open_parent(Path::new("/"), relative, false).and_then(|(folder, name)| {
                use std::os::fd::AsFd;
                pinned::open_file_at(folder.as_fd(), &name, false)
            });
        let (file, meta) = match opened {
            Ok(opened) => opened,
            // Looked up by name only to choose the message: what is read is the handle.
            Err(_)
                if std::fs::symlink_metadata(path)
                    .is_err_and(|e| e.kind() == std::io::ErrorKind::NotFound) =>
            {
                return Ok(None);
            }
            // The journal named a path without links: one now is a tenant's doing.
            Err(OpenError::Symlink) => {
                return Err(cannot(
                    "its path now goes through a symbolic link; not followed".into(),
                ));
            }
            Err(e) => return Err(cannot(e.to_string())),
        };
        let (sha256, bytes) = hash(file, limit).map_err(|e| cannot(pinned::describe_io(&e)))?;
        Ok(Some(Current {
            sha256,
            bytes,
            id: FileId::of(&meta),
        }))
    }

    /// Replaces the file (still this very file, still these bytes) with `original`, giving
    /// it the owner and mode `write` recorded.
    fn restore(&self, path: &Path, original: &[u8], write: &Line) -> Result<(), String> {
        let expected = self
            .bytes
            .as_deref()
            .ok_or("it is larger than the journal recorded")?;
        let target = Target {
            root: Path::new("/"),
            relative: path.strip_prefix("/").unwrap_or(path),
            id: self.id,
        };
        write::replace_with(
            &target,
            expected,
            original,
            &WriteOptions::default(),
            Some(write.owner),
            |_| Ok(()),
        )
        .map_err(|e| e.to_string())
    }
}

/// The SHA-256 of an open file, and its bytes when it holds no more than `limit`.
fn hash(mut file: File, limit: u64) -> std::io::Result<(String, Option<Vec<u8>>)> {
    let mut hasher = Sha256::new();
    let mut kept = Some(Vec::new());
    let mut buf = vec![0u8; 64 << 10];
    loop {
        let read = file.read(&mut buf)?;
        if read == 0 {
            break;
        }
        hasher.update(&buf[..read]);
        if let Some(bytes) = &mut kept {
            bytes.extend_from_slice(&buf[..read]);
            if bytes.len() as u64 > limit {
                kept = None;
            }
        }
    }
    Ok((format!("{:x}", hasher.finalize()), kept))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fix::journal::Content;
    use crate::fix::write::Owner;

    fn write(run: &str, state: State, before: &[u8], after: &[u8]) -> Line {
        Line {
            state,
            run: run.into(),
            time: "2013-05-01T09:00:00Z".into(),
            path: PathBuf::from("/srv/www/alice/pay.php"),
            tenant: Some("alice".into()),
            before: Content::of(before),
            after: Content::of(after),
            owner: Owner {
                uid: 0,
                gid: 0,
                mode: 0o644,
            },
            original: String::new(),
            error: None,
        }
    }

    #[test]
    fn a_write_is_its_first_line_unless_its_run_says_it_failed() {
        let lines = [
            write("r1", State::Intent, b"a", b"b"),
            write("r1", State::Written, b"a", b"b"),
            write("r2", State::Intent, b"b", b"c"),
            write("r2", State::Failed, b"b", b"c"),
            // A stopped run: an intent alone may have happened.
            write("r3", State::Intent, b"b", b"d"),
        ];
        let writes = writes_by_path(&lines);
        let runs: Vec<&str> = writes[Path::new("/srv/www/alice/pay.php")]
            .iter()
            .map(|line| line.run.as_str())
            .collect();
        assert_eq!(runs, ["r1", "r3"]);
        let only_failed = [write("r2", State::Failed, b"b", b"c")];
        assert!(writes_by_path(&only_failed).is_empty());
    }
}
