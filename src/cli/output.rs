//! Writing the run's own files: reports, patches and baselines.
//!
//! Outputs go where the admin names them, but the way there may cross a tenant's folder: only
//! links root or the running user made are followed, and an existing file is replaced, never
//! emptied and written through (root would write wherever a tenant's link or hard link
//! points). Inside a folder the run scans, an output must not be a page the scan reads (a
//! patch written over a page would replace it).

use std::io::Write as _;
use std::os::fd::AsFd;
use std::path::{Path, PathBuf};

use crate::fix::write;
use crate::source::names::is_stdout;
use crate::source::pinned;
use crate::source::walk::{self, WalkOptions};

/// The folders a run scans, as the kernel knows them.
#[derive(Debug, Default)]
pub struct Outputs {
    scanned: Vec<PathBuf>,
}

impl Outputs {
    pub fn new(paths: &[PathBuf]) -> Outputs {
        Outputs {
            scanned: paths
                .iter()
                .filter(|path| path.is_dir())
                .filter_map(|path| std::fs::canonicalize(path).ok())
                .collect(),
        }
    }

    /// Where `path` lies under a scanned folder, if it does.
    fn inside(&self, path: &Path) -> Option<PathBuf> {
        let folder = match path.parent() {
            Some(parent) if !parent.as_os_str().is_empty() => parent,
            _ => Path::new("."),
        };
        let real = std::fs::canonicalize(folder).ok()?.join(path.file_name()?);
        self.scanned
            .iter()
            .find_map(|root| real.strip_prefix(root).ok().map(Path::to_path_buf))
    }

    /// Refuses, before the run, an output the walk would scan as a page. `what` names the
    /// option (`--patch`).
    pub fn check(&self, what: &str, path: &Path, options: &WalkOptions) -> Result<(), String> {
        if is_stdout(path) {
            return Ok(());
        }
        match self.inside(path) {
            Some(relative) if walk::selects(&relative, options) => Err(format!(
                "{what} {}: is a page the run scans; write it outside the scanned folders or under a name the scan skips (for example .patch or .json)",
                path.display()
            )),
            _ => Ok(()),
        }
    }

    /// Refuses, before the run, an output anywhere inside a scanned folder, whatever its name:
    /// for what must not lie in a web root at all (a journal's copies of page sources).
    pub fn check_outside(&self, what: &str, path: &Path) -> Result<(), String> {
        match self.inside(path) {
            Some(_) => Err(format!(
                "{what} {}: lies inside a folder the run scans; keep it outside the scanned folders (a web server could serve what it holds)",
                path.display()
            )),
            None => Ok(()),
        }
    }

    /// Writes an output file whole; the error says what went wrong, without the path. The
    /// system's own device paths (`/dev/stdout`, `/dev/null`) are written as they are; any
    /// other output is reached only through links root or the running user made, and an
    /// existing file is replaced, never written through (it may be a tenant's link or hard
    /// link to something else).
    pub fn write(&self, path: &Path, bytes: &[u8]) -> Result<(), String> {
        if is_stdout(path) {
            let mut out = std::io::stdout().lock();
            return out
                .write_all(bytes)
                .and_then(|()| out.flush())
                .map_err(|e| pinned::describe_io(&e));
        }
        if path.starts_with("/dev") || path.starts_with("/proc/self/fd") {
            return std::fs::write(path, bytes).map_err(|e| pinned::describe_io(&e));
        }
        let (folder, name) = pinned::output_place(path).map_err(|e| e.to_string())?;
        write::create_or_replace(folder.as_fd(), &name, bytes).map_err(|e| e.to_string())
    }
}
