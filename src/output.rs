//! Writing the run's own files: reports, patches and baselines.
//!
//! Most outputs go where the admin names them. One inside a folder the run scans lies in a
//! tenant's reach: there the file must not be a page the scan reads (a patch written over a
//! page would replace it), and a link a tenant put under its name is not followed (root would
//! empty whatever it points to).

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::pinned;
use crate::walk::{self, WalkOptions};

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
        match self.inside(path) {
            Some(relative) if walk::selects(&relative, options) => Err(format!(
                "{what} {}: is a page the run scans; write it outside the scanned folders or under a name the scan skips (for example .patch or .json)",
                path.display()
            )),
            _ => Ok(()),
        }
    }

    /// Writes an output file whole; the error says what went wrong, without the path.
    pub fn write(&self, path: &Path, bytes: &[u8]) -> Result<(), String> {
        if self.inside(path).is_none() {
            return std::fs::write(path, bytes).map_err(|e| walk::describe_io(&e));
        }
        let mut file = pinned::create_output_inside(path).map_err(|e| match e {
            pinned::OpenError::Symlink => {
                "is a symbolic link inside the scanned folders; not written through".to_string()
            }
            e => e.to_string(),
        })?;
        file.write_all(bytes).map_err(|e| walk::describe_io(&e))
    }
}
