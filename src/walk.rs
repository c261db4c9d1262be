//! Finding the files to scan under the PATH arguments.
//!
//! Directories are walked in file-name order so every run reports in the same order. Version
//! control folders are never entered: `.svn/pristine` holds old copies of pages that are not
//! served. Symbolic links are not followed unless asked for.

use std::path::{Path, PathBuf};

use globset::{Glob, GlobSet, GlobSetBuilder};
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
    let mut found = Vec::new();
    for root in roots {
        let meta = match std::fs::metadata(root) {
            Ok(meta) => meta,
            Err(e) => {
                found.push(Found::Error(root.clone(), describe_io(&e)));
                continue;
            }
        };
        if meta.is_file() {
            // A file named on the command line is scanned whatever its extension.
            found.push(Found::File(root.clone()));
            continue;
        }
        if !meta.is_dir() {
            // Reading a FIFO would block the run; a device or socket holds no page.
            found.push(Found::Error(
                root.clone(),
                "not a regular file or folder (a FIFO, socket or device); not read".into(),
            ));
            continue;
        }
        let walker = WalkDir::new(root)
            .follow_links(options.follow_symlinks)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|entry| {
                if entry.depth() == 0 {
                    return true;
                }
                let name = entry.file_name().to_string_lossy();
                let is_vcs_dir =
                    entry.file_type().is_dir() && SKIPPED_DIRS.contains(&name.as_ref());
                let relative = entry.path().strip_prefix(root).unwrap_or(entry.path());
                !is_vcs_dir && !is_excluded(relative, options)
            });
        for entry in walker {
            match entry {
                Ok(entry) if entry.file_type().is_file() => {
                    let relative = entry.path().strip_prefix(root).unwrap_or(entry.path());
                    if crate::write::is_temp_name(&entry.file_name().to_string_lossy()) {
                        found.push(Found::LeftoverTemp(entry.into_path()));
                    } else if is_included(relative, options) {
                        found.push(Found::File(entry.into_path()));
                    }
                }
                Ok(_) => {}
                Err(e) => {
                    let path = e.path().unwrap_or(root).to_path_buf();
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
