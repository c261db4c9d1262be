//! Finding the files to scan under the PATH arguments.
//!
//! Directories are walked in file-name order so every run reports in the same order. Version
//! control folders are never entered: `.svn/pristine` holds old copies of pages that are not
//! served. Symbolic links are not followed unless asked for.

use std::path::{Path, PathBuf};

use globset::{Glob, GlobSet, GlobSetBuilder};
use rayon::prelude::*;
use walkdir::WalkDir;

/// Extensions of the template and script files Korean shops serve pages from.
pub const TEMPLATE_EXTENSIONS: &[&str] = &[
    "html", "htm", "php", "php3", "phtml", "inc", "jsp", "jspf", "asp", "aspx", "ascx", "js", "tpl",
];

/// Folders that hold version-control copies, never live pages.
const SKIPPED_DIRS: &[&str] = &[".git", ".svn", ".hg", ".bzr", "CVS"];

/// Which files a walk yields.
#[derive(Debug, Default)]
pub struct WalkOptions {
    /// When set, only files matching one of these globs are scanned (instead of the template
    /// extensions).
    pub include: Option<GlobSet>,
    /// Files and folders matching these globs are left out.
    pub exclude: Option<GlobSet>,
    pub follow_symlinks: bool,
}

/// A file to scan, a path that could not be walked, or a temporary file that a killed run
/// left behind (recognised by its name, whatever `--include` says).
#[derive(Debug)]
pub enum Found {
    File(PathBuf),
    Error(PathBuf, String),
    LeftoverTemp(PathBuf),
}

/// Compiles `--include` / `--exclude` patterns; the error names the bad pattern.
pub fn glob_set(patterns: &[String]) -> Result<Option<GlobSet>, String> {
    if patterns.is_empty() {
        return Ok(None);
    }
    let mut builder = GlobSetBuilder::new();
    for pattern in patterns {
        let glob = Glob::new(pattern).map_err(|e| format!("bad glob {pattern:?}: {e}"))?;
        builder.add(glob);
    }
    builder
        .build()
        .map(Some)
        .map_err(|e| format!("bad globs: {e}"))
}

/// Every file to scan under `roots`, in order: each root in turn, its entries sorted by name.
pub fn files(roots: &[PathBuf], options: &WalkOptions) -> Vec<Found> {
    filter_map_parallel(roots, options, Some)
}

/// Walks `roots` and hands everything found to `visit`, walking and visiting on every thread
/// of the current rayon pool, and keeps what `visit` returns: in walk order all the same (each
/// root in turn, entries sorted by name), so output stays deterministic. What `visit` drops is
/// never held, so memory follows what is kept, not the size of the tree.
///
/// A hosting tree is thousands of tenant folders: each folder at the top of a root is walked as
/// its own task, so the walk no longer runs on one core while the other waits, and a tenant's
/// files are scanned as soon as its folder has been read. With `--follow-symlinks` a root is
/// walked whole by one walker, which alone can tell a link loop (its files are still visited
/// in parallel).
pub fn filter_map_parallel<T, F>(roots: &[PathBuf], options: &WalkOptions, visit: F) -> Vec<T>
where
    T: Send,
    F: Fn(Found) -> Option<T> + Sync + Send,
{
    let tasks: Vec<Task> = roots.iter().flat_map(|root| tasks(root, options)).collect();
    tasks
        .into_par_iter()
        .flat_map(|task| {
            let found = match task {
                Task::Found(found) => vec![found],
                Task::Folder { root, folder } => walk_folder(&root, &folder, options),
            };
            found.into_par_iter().filter_map(&visit)
        })
        .collect()
}

/// A piece of a walk that can run on its own.
enum Task {
    /// Something already found (a file named on the command line, an error, a top-level file).
    Found(Found),
    /// A folder to walk whole; paths are matched relative to `root`, the PATH argument.
    Folder { root: PathBuf, folder: PathBuf },
}

/// Splits one PATH argument into tasks: its top-level entries, in name order.
fn tasks(root: &Path, options: &WalkOptions) -> Vec<Task> {
    let meta = match std::fs::metadata(root) {
        Ok(meta) => meta,
        Err(e) => {
            return vec![Task::Found(Found::Error(
                root.to_path_buf(),
                describe_io(&e),
            ))];
        }
    };
    if meta.is_file() {
        // A file named on the command line is scanned whatever its extension.
        return vec![Task::Found(Found::File(root.to_path_buf()))];
    }
    if !meta.is_dir() {
        // Reading a FIFO would block the run; a device or socket holds no page.
        return vec![Task::Found(Found::Error(
            root.to_path_buf(),
            "not a regular file or folder (a FIFO, socket or device); not read".into(),
        ))];
    }
    let whole = || {
        vec![Task::Folder {
            root: root.to_path_buf(),
            folder: root.to_path_buf(),
        }]
    };
    if options.follow_symlinks {
        return whole();
    }
    let mut entries: Vec<std::fs::DirEntry> = match std::fs::read_dir(root) {
        Ok(entries) => match entries.collect() {
            Ok(entries) => entries,
            // Let the walker report the folder's error in its own words.
            Err(_) => return whole(),
        },
        Err(_) => return whole(),
    };
    entries.sort_by_key(|entry| entry.file_name());
    entries
        .into_iter()
        .filter_map(|entry| {
            let path = entry.path();
            let relative = PathBuf::from(entry.file_name());
            let relative = relative.as_path();
            let file_type = match entry.file_type() {
                Ok(file_type) => file_type,
                Err(e) => return Some(Task::Found(Found::Error(path, describe_io(&e)))),
            };
            if file_type.is_dir() {
                let name = entry.file_name();
                let is_vcs_dir = SKIPPED_DIRS.contains(&name.to_string_lossy().as_ref());
                return (!is_vcs_dir && !is_excluded(relative, options)).then(|| Task::Folder {
                    root: root.to_path_buf(),
                    folder: path,
                });
            }
            if !file_type.is_file() || is_excluded(relative, options) {
                return None;
            }
            found_file(path, relative, options).map(Task::Found)
        })
        .collect()
}

/// What a regular file is to the run: a page to scan, a leftover temporary file, or nothing.
fn found_file(path: PathBuf, relative: &Path, options: &WalkOptions) -> Option<Found> {
    let is_temp = path
        .file_name()
        .is_some_and(|name| crate::write::is_temp_name(&name.to_string_lossy()));
    if is_temp {
        Some(Found::LeftoverTemp(path))
    } else if is_included(relative, options) {
        Some(Found::File(path))
    } else {
        None
    }
}

/// Walks one folder whole, in name order.
fn walk_folder(root: &Path, folder: &Path, options: &WalkOptions) -> Vec<Found> {
    let mut found = Vec::new();
    let walker = WalkDir::new(folder)
        .follow_links(options.follow_symlinks)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|entry| {
            if entry.depth() == 0 {
                return true;
            }
            let name = entry.file_name().to_string_lossy();
            let is_vcs_dir = entry.file_type().is_dir() && SKIPPED_DIRS.contains(&name.as_ref());
            let relative = entry.path().strip_prefix(root).unwrap_or(entry.path());
            !is_vcs_dir && !is_excluded(relative, options)
        });
    for entry in walker {
        match entry {
            Ok(entry) if entry.file_type().is_file() => {
                let path = entry.into_path();
                let relative = path.strip_prefix(root).unwrap_or(&path).to_path_buf();
                found.extend(found_file(path, &relative, options));
            }
            Ok(_) => {}
            Err(e) => {
                let path = e.path().unwrap_or(folder).to_path_buf();
                let message = match (e.loop_ancestor(), e.io_error()) {
                    (Some(ancestor), _) => format!(
                        "symbolic link loop back to {}; not followed",
                        ancestor.display()
                    ),
                    (None, Some(io)) => describe_io(io),
                    (None, None) => e.to_string(),
                };
                found.push(Found::Error(path, message));
            }
        }
    }
    found
}

fn is_excluded(relative: &Path, options: &WalkOptions) -> bool {
    options
        .exclude
        .as_ref()
        .is_some_and(|set| set.is_match(relative))
}

fn is_included(relative: &Path, options: &WalkOptions) -> bool {
    match &options.include {
        Some(set) => set.is_match(relative),
        None => relative
            .extension()
            .and_then(|ext| ext.to_str())
            .is_some_and(|ext| {
                TEMPLATE_EXTENSIONS
                    .iter()
                    .any(|known| known.eq_ignore_ascii_case(ext))
            }),
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

    fn names(found: &[Found], root: &Path) -> Vec<String> {
        found
            .iter()
            .map(|found| match found {
                Found::File(path) => format!("file {}", path.strip_prefix(root).unwrap().display()),
                Found::LeftoverTemp(path) => {
                    format!("temp {}", path.strip_prefix(root).unwrap().display())
                }
                Found::Error(path, message) => format!("error {}: {message}", path.display()),
            })
            .collect()
    }

    #[test]
    fn the_parallel_walk_keeps_name_order_and_the_filters() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for file in [
            "a.php",
            "b/index.php",
            "b/img/logo.gif",
            "b/.svn/pristine/old.php",
            "b/pay/.kspay-migrate-x1Y2z3.tmp",
            "c.asp",
            "d/old/KSPayForm.asp",
            "d/z.jsp",
            "d/a.jsp",
            "e.txt",
        ] {
            let path = root.join(file);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, "x").unwrap();
        }
        let options = WalkOptions {
            exclude: glob_set(&["**/old".into()]).unwrap(),
            ..WalkOptions::default()
        };
        let found = files(&[root.to_path_buf()], &options);
        assert_eq!(
            names(&found, root),
            [
                "file a.php",
                "file b/index.php",
                "temp b/pay/.kspay-migrate-x1Y2z3.tmp",
                "file c.asp",
                "file d/a.jsp",
                "file d/z.jsp",
            ]
        );
    }
}
