//! Where a patch of the run's fixes applies from, and how it names each file from there.
//!
//! A patch names a file by its path from the folder it is applied in (`git apply`,
//! `patch -p1`), not from wherever the tool ran: that folder is the top of the git repository
//! holding the file, as `git diff` names it (so `git -C REPO apply` works from anywhere), else
//! the current folder. A file that lies under neither has no name a patch could use.
//! [`crate::source::names::portable_path`] stays the name of fingerprints, SARIF and baselines.

use std::collections::HashMap;
use std::fmt;
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};

use crate::source::names::{display_bytes, display_path};

/// The folder a patch is applied in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Base {
    /// Its canonical path.
    pub folder: PathBuf,
    /// The top of a git repository (else the current folder).
    pub repository: bool,
}

impl fmt::Display for Base {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let what = if self.repository {
            "the git repository"
        } else {
            "the current folder"
        };
        write!(f, "{what} {}", display_path(&self.folder))
    }
}

/// A file as a patch names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PatchPath {
    pub base: Base,
    /// The path from [`Base::folder`], with `/`, in the name's own bytes.
    pub name: Vec<u8>,
}

/// Finds the [`Base`] of files as the walk reported them. Each folder is resolved and looked
/// up once: a patch may hold thousands of files in a few folders.
#[derive(Debug)]
pub struct PatchBases {
    /// The current folder, canonical; `None` when it cannot be read (removed under the run).
    cwd: Option<PathBuf>,
    /// A folder as reported → its canonical path, or why it has none.
    canonical: HashMap<PathBuf, Result<PathBuf, String>>,
    /// A canonical folder → the top of the git repository holding it, if any.
    tops: HashMap<PathBuf, Option<PathBuf>>,
}

impl Default for PatchBases {
    fn default() -> Self {
        Self::new()
    }
}

impl PatchBases {
    /// Resolves paths against the process's current folder.
    pub fn new() -> PatchBases {
        let cwd = std::env::current_dir().and_then(std::fs::canonicalize).ok();
        PatchBases::with_cwd(cwd)
    }

    /// Resolves paths against `cwd` (a canonical path), or against no current folder.
    pub fn with_cwd(cwd: Option<PathBuf>) -> PatchBases {
        PatchBases {
            cwd,
            canonical: HashMap::new(),
            tops: HashMap::new(),
        }
    }

    /// Where a patch naming `path` (as the walk reported it) applies from, and the name it
    /// gives the file there. The folders on the way are resolved (links, `..`); the file's own
    /// name is kept, so the patch names the entry the run read.
    pub fn locate(&mut self, path: &Path) -> Result<PatchPath, String> {
        let Some(file_name) = path.file_name() else {
            return Err(format!(
                "{}: names no file a patch could name",
                display_path(path)
            ));
        };
        let parent = match path.parent() {
            Some(parent) if !parent.as_os_str().is_empty() => parent,
            _ => Path::new("."),
        };
        let folder = self
            .canonical
            .entry(parent.to_path_buf())
            .or_insert_with(|| std::fs::canonicalize(parent).map_err(|e| e.to_string()))
            .clone()
            .map_err(|e| {
                format!(
                    "{}: cannot find the folder it lies in, to name it in a patch: {e}",
                    display_path(path)
                )
            })?;
        let base = match self.repository_top(&folder) {
            Some(top) => Base {
                folder: top,
                repository: true,
            },
            None => match &self.cwd {
                Some(cwd) if folder.starts_with(cwd) => Base {
                    folder: cwd.clone(),
                    repository: false,
                },
                _ => {
                    return Err(format!(
                        "{}: not inside a git repository or the current folder; a patch could not name it (run from a folder above it)",
                        display_path(path)
                    ));
                }
            },
        };
        let relative = folder
            .strip_prefix(&base.folder)
            .expect("a base is an ancestor of the folder");
        let mut name = Vec::new();
        for part in relative.iter() {
            name.extend_from_slice(part.as_bytes());
            name.push(b'/');
        }
        name.extend_from_slice(file_name.as_bytes());
        Ok(PatchPath { base, name })
    }

    /// The name a diff shown to people gives `path`: what a patch would name it, so a dry run
    /// shows what `--patch` would write. A file no patch could name is shown as the walk
    /// reached it instead: a dry run is for reading, and one file that a patch could not name
    /// should not hide the diffs of the others (`--patch` fails on it, naming it).
    pub fn shown_name(&mut self, path: &Path) -> Vec<u8> {
        match self.locate(path) {
            Ok(located) => located.name,
            Err(_) => display_bytes(path).to_vec(),
        }
    }

    /// The nearest ancestor of `folder` (canonical; itself included) holding a `.git` folder,
    /// or a `.git` file as worktrees and submodules have.
    fn repository_top(&mut self, folder: &Path) -> Option<PathBuf> {
        let mut visited = Vec::new();
        let mut found = None;
        for ancestor in folder.ancestors() {
            if let Some(known) = self.tops.get(ancestor) {
                found = known.clone();
                break;
            }
            visited.push(ancestor.to_path_buf());
            if std::fs::symlink_metadata(ancestor.join(".git"))
                .is_ok_and(|m| m.is_dir() || m.is_file())
            {
                found = Some(ancestor.to_path_buf());
                break;
            }
        }
        for folder in visited {
            self.tops.insert(folder, found.clone());
        }
        found
    }
}

/// The names of one patch's files, which must all apply from one [`Base`].
#[derive(Debug, Default)]
pub struct OnePatch {
    bases: PatchBases,
    /// The first file's base, and that file.
    first: Option<(Base, PathBuf)>,
}

impl OnePatch {
    pub fn new(bases: PatchBases) -> OnePatch {
        OnePatch { bases, first: None }
    }

    /// The name the patch gives `path`; an error when no patch could name it, or when it
    /// applies from another folder than the patch's earlier files.
    pub fn name(&mut self, path: &Path) -> Result<Vec<u8>, String> {
        let located = self.bases.locate(path)?;
        match &self.first {
            None => self.first = Some((located.base, path.to_path_buf())),
            Some((base, first)) if *base != located.base => {
                return Err(format!(
                    "{}: lies in {}, but {} lies in {}; a patch applies from one folder (make one patch per repository)",
                    display_path(path),
                    located.base,
                    display_path(first),
                    base
                ));
            }
            Some(_) => {}
        }
        Ok(located.name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    fn canonical(dir: &tempfile::TempDir) -> PathBuf {
        fs::canonicalize(dir.path()).unwrap()
    }

    #[test]
    fn a_file_in_a_repository_is_named_from_its_top_wherever_the_run_is() {
        let dir = tempfile::tempdir().unwrap();
        let top = canonical(&dir).join("repo");
        fs::create_dir_all(top.join(".git")).unwrap();
        fs::create_dir_all(top.join("a/b")).unwrap();
        let elsewhere = canonical(&dir).join("elsewhere");
        fs::create_dir(&elsewhere).unwrap();
        let mut bases = PatchBases::with_cwd(Some(elsewhere.clone()));
        let located = bases.locate(&top.join("a/b/x.asp")).unwrap();
        assert_eq!(located.name, b"a/b/x.asp");
        assert_eq!(
            located.base,
            Base {
                folder: top.clone(),
                repository: true
            }
        );
        // `..` and the cache give the same answer.
        let roundabout = elsewhere.join("../repo/a/../a/b/y.asp");
        assert_eq!(bases.locate(&roundabout).unwrap().name, b"a/b/y.asp");
        assert_eq!(bases.locate(&top.join("z.asp")).unwrap().name, b"z.asp");
    }

    #[test]
    fn a_git_file_marks_a_worktree_or_submodule_top() {
        let dir = tempfile::tempdir().unwrap();
        let outer = canonical(&dir);
        fs::create_dir(outer.join(".git")).unwrap();
        let inner = outer.join("modules/shop");
        fs::create_dir_all(inner.join("pay")).unwrap();
        fs::write(inner.join(".git"), "gitdir: ../../.git/modules/shop\n").unwrap();
        let mut bases = PatchBases::with_cwd(None);
        let located = bases.locate(&inner.join("pay/card.php")).unwrap();
        assert_eq!(located.name, b"pay/card.php");
        assert_eq!(located.base.folder, inner);
    }

    #[test]
    fn outside_a_repository_the_current_folder_is_the_base_and_nothing_above_it_is_named() {
        let dir = tempfile::tempdir().unwrap();
        let cwd = canonical(&dir).join("here");
        fs::create_dir_all(cwd.join("site")).unwrap();
        let mut bases = PatchBases::with_cwd(Some(cwd.clone()));
        let name = bases
            .locate(&cwd.join("site/\u{c81c}\u{c8fc}.php"))
            .unwrap();
        assert_eq!(name.name, "site/\u{c81c}\u{c8fc}.php".as_bytes());
        assert!(!name.base.repository);
        let above = cwd.join("../above.php");
        let error = bases.locate(&above).unwrap_err();
        assert!(
            error.contains("not inside a git repository or the current folder"),
            "{error}"
        );
        assert_eq!(bases.shown_name(&above), display_bytes(&above));
    }

    #[test]
    fn names_keep_bytes_that_are_not_utf8() {
        use std::ffi::OsStr;
        let dir = tempfile::tempdir().unwrap();
        let cwd = canonical(&dir);
        let folder = cwd.join(OsStr::from_bytes(b"\xff\xfe"));
        fs::create_dir(&folder).unwrap();
        let mut bases = PatchBases::with_cwd(Some(cwd));
        let name = bases.locate(&folder.join("x.asp")).unwrap().name;
        assert_eq!(name, b"\xff\xfe/x.asp");
    }

    #[test]
    fn one_patch_refuses_a_second_base() {
        let dir = tempfile::tempdir().unwrap();
        let root = canonical(&dir);
        for repo in ["one", "two"] {
            fs::create_dir_all(root.join(repo).join(".git")).unwrap();
        }
        let mut patch = OnePatch::new(PatchBases::with_cwd(Some(root.clone())));
        assert_eq!(patch.name(&root.join("one/a.asp")).unwrap(), b"a.asp");
        assert_eq!(patch.name(&root.join("one/b.asp")).unwrap(), b"b.asp");
        let error = patch.name(&root.join("two/c.asp")).unwrap_err();
        assert!(error.contains(&display_path(&root.join("one"))), "{error}");
        assert!(error.contains(&display_path(&root.join("two"))), "{error}");
    }
}
