//! Finding the files to scan under the PATH arguments.
//!
//! Directories are walked in file-name order so every run reports in the same order. Version
//! control folders are never entered: `.svn/pristine` holds old copies of pages that are not
//! served. Symbolic links are not followed unless asked for.
//!
//! The walk goes through folder handles ([`crate::source::pinned`]): each folder is opened from its
//! parent's handle without following links, and each file is handed out as its folder's
//! handle plus its name, so a tenant who swaps a folder for a link while the run goes on
//! cannot lead the walk, or the read, anywhere else.
//!
//! Inside a git repository, `.gitignore` and `.ignore` files leave files and folders out, as
//! git does; outside one (a hosting tree) they leave nothing out, since a tenant's file must
//! not hide the tenant's pages from the hoster's run. Only their matcher comes from the
//! `ignore` crate, built from the file's bytes read through its folder's handle; the walk stays
//! this one. A folder without such files reuses its parent's matchers, so a tree without any
//! costs a name comparison per entry.

use std::collections::HashMap;
use std::ffi::{OsStr, OsString};
use std::fs::{File, Metadata};
use std::os::fd::{AsFd, BorrowedFd, OwnedFd};
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use globset::{Glob, GlobSet, GlobSetBuilder};
use ignore::Match;
use ignore::gitignore::{Gitignore, GitignoreBuilder};
use rayon::prelude::*;

use crate::diagnostics::FileId;
use crate::source::pinned::{self, Entry, Kind, OpenError, Root};
use crate::source::tenant::{Shard, Tenancy};

/// Extensions of the template and script files Korean shops serve pages from.
pub const TEMPLATE_EXTENSIONS: &[&str] = &[
    "html", "htm", "php", "php3", "phtml", "inc", "jsp", "jspf", "asp", "aspx", "ascx", "js", "tpl",
];

/// Folders that hold version-control copies, never live pages.
const SKIPPED_DIRS: &[&str] = &[".git", ".svn", ".hg", ".bzr", "CVS"];

/// Folders nested deeper than this under a PATH are not entered: no site is that deep, and
/// each level holds a folder handle and a stack frame.
pub const MAX_DEPTH: usize = 256;

/// A `.gitignore` or `.ignore` larger than this is not read (and leaves nothing out).
const MAX_IGNORE_FILE: u64 = 1 << 20;

/// Which files a walk yields.
#[derive(Debug, Default)]
pub struct WalkOptions {
    /// When set, only files matching one of these globs are scanned (instead of the template
    /// extensions).
    pub include: Option<GlobSet>,
    /// Files and folders matching these globs are left out.
    pub exclude: Option<GlobSet>,
    pub follow_symlinks: bool,
    /// `--no-ignore`: `.gitignore` and `.ignore` files leave nothing out.
    pub no_ignore: bool,
    /// `--shard K/N`: only the tenants of this shard are walked (tenants as the tenancy says).
    pub shard: Option<(Shard, Tenancy)>,
}

/// A file to scan: its folder's open handle and its name there.
#[derive(Debug)]
pub struct FileAt<'a> {
    folder: BorrowedFd<'a>,
    name: &'a OsStr,
    /// Followed when it is a link (`--follow-symlinks`).
    follow: bool,
    /// The path to show: the PATH argument joined with the file's place under it.
    pub path: PathBuf,
    /// Which PATH argument the file was found under.
    pub root: usize,
    /// Reached through a followed link to somewhere outside every PATH: read, never written.
    pub outside_roots: bool,
}

impl FileAt<'_> {
    /// Opens the file for reading, refusing links (unless followed), FIFOs and devices, and
    /// a hard link that may be to another user's file (its owner is not its folder's, or
    /// anyone may write the folder): where hard links to files one does not own are allowed
    /// (`fs.protected_hardlinks=0`), a tenant could link a root-only file into its folder for a
    /// run as root to read and print.
    pub fn open(&self) -> Result<(File, Metadata), OpenError> {
        let (file, meta) = pinned::open_file_at(self.folder, self.name, self.follow)?;
        if meta.nlink() > 1 {
            // A folder anyone may write to (a sticky `tmp`) is no owner's word on its files.
            let foreign = pinned::metadata(self.folder)
                .ok()
                .is_none_or(|folder| folder.uid() != meta.uid() || folder.mode() & 0o002 != 0);
            if foreign {
                return Err(OpenError::ForeignHardLink {
                    links: meta.nlink(),
                    owner: meta.uid(),
                });
            }
        }
        Ok((file, meta))
    }

    /// The open folder that holds the file.
    pub fn folder(&self) -> BorrowedFd<'_> {
        self.folder
    }

    /// The file's name in its folder.
    pub fn name(&self) -> &OsStr {
        self.name
    }
}

/// A file to scan, a path that could not be walked, or a temporary file that a killed run
/// left behind (recognised by its name, whatever `--include` says).
#[derive(Debug)]
pub enum Found<'a> {
    File(FileAt<'a>),
    /// A folder (or a PATH) that could not be walked, with why, and the index of the PATH it
    /// was under.
    Error(PathBuf, String, usize),
    LeftoverTemp(FileAt<'a>),
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

/// Walks `roots` and hands everything found to `visit`, walking and visiting on every thread
/// of the current rayon pool, and keeps what `visit` returns: in walk order all the same (each
/// root in turn, entries sorted by name), so output stays deterministic. What `visit` drops is
/// never held, so memory follows what is kept, not the size of the tree.
///
/// Every folder's entries are visited in parallel, and its subfolders walked in parallel: a
/// hosting tree of thousands of tenant folders keeps both cores busy. A folder's handle stays
/// open while its entries are visited, so the open handles are at most the folders being
/// walked at once, never the size of the tree.
pub fn filter_map_parallel<T, F>(roots: &[PathBuf], options: &WalkOptions, visit: F) -> Vec<T>
where
    T: Send,
    F: Fn(Found) -> Option<T> + Sync + Send,
{
    let walk = Walk {
        options,
        visit: &visit,
        named_files: named_files(roots),
        real_roots: if options.follow_symlinks {
            roots
                .iter()
                .filter_map(|root| std::fs::canonicalize(root).ok())
                .collect()
        } else {
            Vec::new()
        },
    };
    roots
        .par_iter()
        .enumerate()
        .flat_map_iter(|(index, root)| walk.root(index, root))
        .collect()
}

/// One walk's settings and visitor.
struct Walk<'w, F> {
    options: &'w WalkOptions,
    visit: &'w F,
    /// With `--follow-symlinks`, the PATHs' real places: a followed link leading elsewhere
    /// marks what lies behind it as outside the roots.
    real_roots: Vec<PathBuf>,
    /// The files named as PATHs (name, identity): each is scanned as its own PATH, so a
    /// folder PATH holding it passes it over (`check site site/pay.php` scans it once, and
    /// `fix --write` writes it once).
    named_files: HashMap<OsString, Vec<FileId>>,
}

/// The PATHs that are regular files: their identities by file name (a --files-from list may
/// name thousands, and every file a folder walk finds is looked up here).
fn named_files(roots: &[PathBuf]) -> HashMap<OsString, Vec<FileId>> {
    let mut named: HashMap<OsString, Vec<FileId>> = HashMap::new();
    for root in roots {
        if let (Ok(meta), Some(name)) = (std::fs::symlink_metadata(root), root.file_name())
            && meta.is_file()
        {
            named
                .entry(name.to_os_string())
                .or_default()
                .push(FileId::of(&meta));
        }
    }
    named
}

/// Where a folder being walked is.
struct Place<'p> {
    path: PathBuf,
    /// Relative to the PATH, for `--include` / `--exclude`.
    relative: PathBuf,
    root: usize,
    depth: usize,
    outside_roots: bool,
    /// The folders above, by identity, to tell a followed link that loops back.
    ancestors: &'p [FileId],
    /// The ignore files in force in the folder above (the folder's own are added when it is
    /// listed).
    ignores: Ignores,
}

/// The ignore files in force in a folder.
#[derive(Clone, Default)]
struct Ignores {
    /// A `.git` folder or file is in this folder or one above: `.gitignore` files count.
    in_git: bool,
    /// The innermost folder with ignore files; `None` when no ignore file applies.
    top: Option<Arc<Layer>>,
}

/// One folder's ignore files, and the layers of the folders above it.
struct Layer {
    /// How many folders below the PATH the folder is: the patterns match paths from there.
    depth: usize,
    /// For a folder above the PATH: where the PATH lies under it, put before the paths.
    above: Option<PathBuf>,
    /// `.ignore` before `.gitignore`: in one folder, `.ignore` wins (as in ripgrep).
    matchers: Vec<Gitignore>,
    parent: Option<Arc<Layer>>,
}

impl Ignores {
    /// Whether the ignore files leave out `relative` (under the PATH). The deepest file that
    /// says anything decides, and a `!pattern` keeps what a shallower file leaves out.
    fn ignores(&self, relative: &Path, is_dir: bool) -> bool {
        let mut layer = self.top.as_deref();
        while let Some(here) = layer {
            let joined;
            let mut below = relative.components();
            for _ in 0..here.depth {
                below.next();
            }
            let path = match &here.above {
                Some(prefix) => {
                    joined = prefix.join(relative);
                    joined.as_path()
                }
                None => below.as_path(),
            };
            for matcher in &here.matchers {
                match matcher.matched(path, is_dir) {
                    Match::Ignore(_) => return true,
                    Match::Whitelist(_) => return false,
                    Match::None => {}
                }
            }
            layer = here.parent.as_deref();
        }
        false
    }

    /// The ignores of a folder whose entries are `entries`, at `depth` under the PATH. Only
    /// the names are compared unless the folder holds `.git`, `.gitignore` or `.ignore`.
    fn for_folder(&self, folder: BorrowedFd, entries: &[Entry], depth: usize) -> Ignores {
        let (mut git, mut gitignore, mut ignore) = (false, false, false);
        for entry in entries {
            match entry.name.as_bytes() {
                b".git" => git = matches!(entry.kind, Kind::Folder | Kind::File),
                b".gitignore" => gitignore = true,
                b".ignore" => ignore = true,
                _ => {}
            }
        }
        let in_git = self.in_git || git;
        let mut matchers = Vec::new();
        if ignore && in_git {
            matchers.extend(read_ignore_file(folder, ".ignore"));
        }
        if gitignore && in_git {
            matchers.extend(read_ignore_file(folder, ".gitignore"));
        }
        if matchers.is_empty() {
            return Ignores {
                in_git,
                top: self.top.clone(),
            };
        }
        Ignores {
            in_git,
            top: Some(Arc::new(Layer {
                depth,
                above: None,
                matchers,
                parent: self.top.clone(),
            })),
        }
    }
}

/// The patterns of an ignore file, read through its folder's handle: never through a link,
/// never a FIFO or device, at most [`MAX_IGNORE_FILE`] bytes. A file that cannot be read so
/// leaves nothing out, silently: it is not a page, the run scans more rather than less, and
/// a tenant's link or FIFO named `.gitignore` is no reason to fail a hosting-wide run.
/// Patterns that do not compile are dropped, as git and ripgrep drop them.
fn read_ignore_file(folder: BorrowedFd, name: &str) -> Option<Gitignore> {
    let (file, meta) = pinned::open_file_at(folder, OsStr::new(name), false).ok()?;
    let bytes = pinned::read_open(file, &meta, MAX_IGNORE_FILE).ok()?;
    let mut builder = GitignoreBuilder::new(".");
    for line in String::from_utf8_lossy(&bytes).lines() {
        let _ = builder.add_line(None, line);
    }
    builder.build().ok().filter(|matcher| !matcher.is_empty())
}

/// What a PATH starts with, as ripgrep reads it: whether a folder above it holds `.git` (the
/// PATH is then inside a git repository), and (in git) the `.ignore` and `.gitignore` files of
/// the folders above it. Climbs by `..` from the PATH's handle, so it sees where the PATH
/// really is, and reads each file through its folder's handle.
fn above_root(folder: &OwnedFd) -> Ignores {
    // The folders from the PATH's parent up to `/`, nearest first.
    let mut chain: Vec<OwnedFd> = Vec::new();
    let mut below = identity(folder);
    let mut next = pinned::parent_folder(folder.as_fd()).ok();
    while let Some(here) = next {
        let id = identity(&here);
        if id == below || chain.len() >= MAX_DEPTH {
            break; // `/`: its `..` is itself.
        }
        below = id;
        next = pinned::parent_folder(here.as_fd()).ok();
        chain.push(here);
    }
    // The PATH's real place names the way back down from each folder above.
    let names: Vec<OsString> = pinned::real_path(folder.as_fd())
        .map(|real| real.iter().skip(1).map(OsStr::to_os_string).collect())
        .unwrap_or_default();
    let mut ignores = Ignores::default();
    for (up, here) in chain.iter().enumerate().rev() {
        ignores.in_git |= matches!(
            pinned::kind_at(here.as_fd(), OsStr::new(".git")),
            Ok(Kind::Folder | Kind::File)
        );
        // Without the way down (a folder deleted under the run) the files above cannot be
        // matched: only whether the PATH is in git is kept.
        let Some(way_down) = names.len().checked_sub(up + 1).map(|cut| &names[cut..]) else {
            continue;
        };
        let mut matchers = Vec::new();
        if ignores.in_git {
            matchers.extend(read_ignore_file(here.as_fd(), ".ignore"));
            matchers.extend(read_ignore_file(here.as_fd(), ".gitignore"));
        }
        if !matchers.is_empty() {
            ignores.top = Some(Arc::new(Layer {
                depth: 0,
                above: Some(way_down.iter().collect()),
                matchers,
                parent: ignores.top.take(),
            }));
        }
    }
    ignores
}

impl<T, F> Walk<'_, F>
where
    T: Send,
    F: Fn(Found) -> Option<T> + Sync + Send,
{
    fn root(&self, index: usize, root: &Path) -> Vec<T> {
        // A file named as a PATH is a tenant of its own, and a PATH that cannot be opened is
        // reported once: both go to the shard of the PATH's own key (see `tenant`).
        let another_shards = self
            .options
            .shard
            .is_some_and(|(shard, tenancy)| !shard.holds(&tenancy.key_of_named(root)));
        match pinned::open_root(root, self.options.follow_symlinks) {
            Err(_) | Ok(Root::File { .. }) if another_shards => Vec::new(),
            Err(e) => self.error(root.to_path_buf(), e.to_string(), index),
            // A file named on the command line is scanned whatever its extension.
            Ok(Root::File { folder, name }) => (self.visit)(Found::File(FileAt {
                folder: folder.as_fd(),
                name: &name,
                follow: self.options.follow_symlinks,
                path: root.to_path_buf(),
                root: index,
                outside_roots: false,
            }))
            .into_iter()
            .collect(),
            Ok(Root::Folder(folder)) => {
                let ancestors = self.ancestry(&[], &folder);
                let place = Place {
                    path: root.to_path_buf(),
                    relative: PathBuf::new(),
                    root: index,
                    depth: 0,
                    outside_roots: false,
                    ancestors: &ancestors,
                    ignores: if self.options.no_ignore {
                        Ignores::default()
                    } else {
                        above_root(&folder)
                    },
                };
                self.folder(&folder, &place)
            }
        }
    }

    fn error(&self, path: PathBuf, message: String, root: usize) -> Vec<T> {
        (self.visit)(Found::Error(path, message, root))
            .into_iter()
            .collect()
    }

    fn folder(&self, folder: &OwnedFd, place: &Place) -> Vec<T> {
        let entries = match pinned::list(folder.as_fd()) {
            Ok(entries) => entries,
            // A folder above the tenants is reported by one shard: the one of its files.
            Err(_) if self.outside_shard_above_tenants(place) => return Vec::new(),
            Err(e) => return self.error(place.path.clone(), e.to_string(), place.root),
        };
        let ignores = if self.options.no_ignore {
            Ignores::default()
        } else {
            place
                .ignores
                .for_folder(folder.as_fd(), &entries, place.depth)
        };
        entries
            .par_iter()
            .flat_map_iter(|entry| self.entry(folder, place, &ignores, entry))
            .collect()
    }

    fn entry(&self, folder: &OwnedFd, place: &Place, ignores: &Ignores, entry: &Entry) -> Vec<T> {
        let path = place.path.join(&entry.name);
        let relative = place.relative.join(&entry.name);
        if is_excluded(&relative, self.options) {
            return Vec::new();
        }
        let ignored = |is_dir| ignores.top.is_some() && ignores.ignores(&relative, is_dir);
        match entry.kind {
            Kind::Folder => {
                if is_vcs_dir(&entry.name)
                    || ignored(true)
                    || self.outside_shard(&relative, place.depth + 1)
                {
                    return Vec::new();
                }
                match pinned::open_folder_at(folder.as_fd(), &entry.name, false) {
                    Ok(sub) => {
                        self.subfolder(&sub, place, ignores, path, relative, place.outside_roots)
                    }
                    Err(_) if self.above_tenants_of_another_shard(&relative, place.depth + 1) => {
                        Vec::new()
                    }
                    Err(e) => self.error(path, e.to_string(), place.root),
                }
            }
            Kind::File if self.ignores_file(ignores, &relative) => Vec::new(),
            Kind::File => self.file(folder, place, &entry.name, path, &relative, false),
            Kind::Symlink if self.options.follow_symlinks => {
                self.link(folder, place, ignores, &entry.name, path, relative)
            }
            Kind::Symlink | Kind::Other => Vec::new(),
        }
    }

    fn subfolder(
        &self,
        sub: &OwnedFd,
        place: &Place,
        ignores: &Ignores,
        path: PathBuf,
        relative: PathBuf,
        outside_roots: bool,
    ) -> Vec<T> {
        // A folder above the tenants that cannot be walked is one shard's error, not each's.
        if self.above_tenants_of_another_shard(&relative, place.depth + 1) {
            return Vec::new();
        }
        if place.depth + 1 > MAX_DEPTH {
            return self.error(
                path,
                format!("more than {MAX_DEPTH} folders deep; not walked further"),
                place.root,
            );
        }
        let ancestors = self.ancestry(place.ancestors, sub);
        let id = ancestors.last();
        if let Some(looped) = id.and_then(|id| place.ancestors.iter().position(|a| a == id)) {
            let back = place
                .path
                .ancestors()
                .nth(place.ancestors.len() - 1 - looped)
                .unwrap_or(&place.path);
            return self.error(
                path,
                format!(
                    "symbolic link loop back to {}; not followed",
                    back.display()
                ),
                place.root,
            );
        }
        let inner = Place {
            path,
            relative,
            root: place.root,
            depth: place.depth + 1,
            outside_roots,
            ancestors: &ancestors,
            ignores: ignores.clone(),
        };
        self.folder(sub, &inner)
    }

    /// A link met with `--follow-symlinks`: walked or scanned as what it points to.
    fn link(
        &self,
        folder: &OwnedFd,
        place: &Place,
        ignores: &Ignores,
        name: &OsStr,
        path: PathBuf,
        relative: PathBuf,
    ) -> Vec<T> {
        let ignored = |is_dir| ignores.top.is_some() && ignores.ignores(&relative, is_dir);
        match pinned::open_folder_at(folder.as_fd(), name, true) {
            Ok(_) if ignored(true) || self.outside_shard(&relative, place.depth + 1) => Vec::new(),
            Ok(sub) => {
                let outside = place.outside_roots || !self.is_inside_roots(sub.as_fd());
                self.subfolder(&sub, place, ignores, path, relative, outside)
            }
            Err(_) if self.ignores_file(ignores, &relative) => Vec::new(),
            // Not a folder: a file, or a link to nothing (reported when opened).
            Err(_) => self.file(folder, place, name, path, &relative, true),
        }
    }

    /// Whether the ignore files leave out a file the walk would scan. Files it would not scan
    /// (images, styles) are not matched: most of a shop, and the ignore patterns' whole cost.
    fn ignores_file(&self, ignores: &Ignores, relative: &Path) -> bool {
        ignores.top.is_some()
            && is_included(relative, self.options)
            && ignores.ignores(relative, false)
    }

    /// The identities of the folders down to `folder`, to tell a followed link that loops
    /// back. Without followed links a folder cannot be its own ancestor: none are taken.
    fn ancestry(&self, above: &[FileId], folder: &OwnedFd) -> Vec<FileId> {
        if !self.options.follow_symlinks {
            return Vec::new();
        }
        let mut ancestors = above.to_vec();
        ancestors.push(identity(folder));
        ancestors
    }

    fn is_inside_roots(&self, handle: BorrowedFd) -> bool {
        pinned::real_path(handle)
            .is_some_and(|real| self.real_roots.iter().any(|root| real.starts_with(root)))
    }

    fn file(
        &self,
        folder: &OwnedFd,
        place: &Place,
        name: &OsStr,
        path: PathBuf,
        relative: &Path,
        through_link: bool,
    ) -> Vec<T> {
        let is_temp = crate::source::leftover::is_temp_name(&name.to_string_lossy());
        if !is_temp && !is_included(relative, self.options) {
            return Vec::new();
        }
        if self.is_named_file(folder, name) || self.outside_shard_above_tenants(place) {
            return Vec::new();
        }
        let outside_roots =
            place.outside_roots || (through_link && !self.is_inside_roots_by_name(folder, name));
        let file = FileAt {
            folder: folder.as_fd(),
            name,
            follow: through_link,
            path,
            root: place.root,
            outside_roots,
        };
        let found = if is_temp {
            Found::LeftoverTemp(file)
        } else {
            Found::File(file)
        };
        (self.visit)(found).into_iter().collect()
    }

    /// Whether `--shard` leaves out the folder at `relative`, `depth` folders under its PATH:
    /// a tenant's folder of another shard. Folders below a tenant's are its own.
    fn outside_shard(&self, relative: &Path, depth: usize) -> bool {
        self.options
            .shard
            .is_some_and(|(shard, tenancy)| depth == tenancy.depth() && !shard.holds(relative))
    }

    /// Whether `--shard` leaves out what lies right in `place`, a folder above the tenants'
    /// (its files are the tenant of the folder itself), when it is another shard's.
    fn outside_shard_above_tenants(&self, place: &Place) -> bool {
        self.above_tenants_of_another_shard(&place.relative, place.depth)
    }

    /// Whether the folder at `relative`, `depth` folders under its PATH and above the tenants'
    /// folders, is another shard's to report on (each such folder goes to the shard of its
    /// own key, so its errors are reported once over all shards).
    fn above_tenants_of_another_shard(&self, relative: &Path, depth: usize) -> bool {
        self.options
            .shard
            .is_some_and(|(shard, tenancy)| depth < tenancy.depth() && !shard.holds(relative))
    }

    /// Whether this entry is a file named as a PATH of its own. Costs a name comparison per
    /// file, and a stat only for a file of a named file's name.
    fn is_named_file(&self, folder: &OwnedFd, name: &OsStr) -> bool {
        let Some(ids) = self.named_files.get(name) else {
            return false;
        };
        let Ok(stat) = rustix::fs::statat(folder, name, rustix::fs::AtFlags::SYMLINK_NOFOLLOW)
        else {
            return false;
        };
        ids.iter()
            .any(|id| id.dev == stat.st_dev && id.ino == stat.st_ino)
    }

    /// Whether the file a link names lies under a PATH (a link to nothing is not outside:
    /// opening it reports the error).
    fn is_inside_roots_by_name(&self, folder: &OwnedFd, name: &OsStr) -> bool {
        match pinned::open_file_at(folder.as_fd(), name, true) {
            Ok((file, _)) => self.is_inside_roots(file.as_fd()),
            Err(_) => true,
        }
    }
}

/// A folder's identity; a handle whose metadata cannot be read never matches a real folder.
fn identity(folder: &OwnedFd) -> FileId {
    pinned::metadata(folder.as_fd())
        .map(|meta| FileId::of(&meta))
        .unwrap_or(FileId { dev: 0, ino: 0 })
}

fn is_vcs_dir(name: &OsStr) -> bool {
    SKIPPED_DIRS.contains(&name.to_string_lossy().as_ref())
}

/// Counts, ahead of the walk, the files it will find: the total of a progress bar. `counted`
/// gets the count so far every [`COUNT_STEP`] files and at the end. The same selection and
/// shards as the walk, but neither ignore files nor links are read: an estimate, cheap enough
/// to run beside the scan. Returns `None` when `stop` is set before the count is done.
pub fn count_ahead(
    roots: &[PathBuf],
    options: &WalkOptions,
    stop: &std::sync::atomic::AtomicBool,
    counted: &dyn Fn(usize),
) -> Option<usize> {
    use std::sync::atomic::Ordering;
    let mut count: usize = 0;
    for root in roots {
        if stop.load(Ordering::Relaxed) {
            return None;
        }
        if !root.is_dir() {
            let another_shards = options
                .shard
                .is_some_and(|(shard, tenancy)| !shard.holds(&tenancy.key_of_named(root)));
            count += usize::from(!another_shards);
            continue;
        }
        let mut entries = walkdir::WalkDir::new(root).follow_links(false).into_iter();
        while let Some(entry) = entries.next() {
            if stop.load(Ordering::Relaxed) {
                return None;
            }
            let Ok(entry) = entry else { continue };
            let relative = entry.path().strip_prefix(root).unwrap_or(entry.path());
            let shard = options.shard;
            if entry.file_type().is_dir() {
                let other_tenant = shard.is_some_and(|(shard, tenancy)| {
                    entry.depth() == tenancy.depth() && !shard.holds(relative)
                });
                if entry.depth() > 0
                    && (is_vcs_dir(entry.file_name())
                        || is_excluded(relative, options)
                        || other_tenant)
                {
                    entries.skip_current_dir();
                }
                continue;
            }
            let above_tenants_of_another_shard = shard.is_some_and(|(shard, tenancy)| {
                entry.depth() <= tenancy.depth()
                    && !shard.holds(relative.parent().unwrap_or(Path::new("")))
            });
            if entry.file_type().is_file()
                && selects(relative, options)
                && !above_tenants_of_another_shard
            {
                count += 1;
                if count.is_multiple_of(COUNT_STEP) {
                    counted(count);
                }
            }
        }
    }
    counted(count);
    Some(count)
}

/// How often [`count_ahead`] reports its count so far.
const COUNT_STEP: usize = 1000;

/// Whether the walk scans a file at `relative` under a PATH (as a page, by its name).
pub fn selects(relative: &Path, options: &WalkOptions) -> bool {
    !is_excluded(relative, options) && is_included(relative, options)
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

#[cfg(test)]
mod tests {
    use super::*;

    fn names(roots: &[PathBuf], options: &WalkOptions, root: &Path) -> Vec<String> {
        filter_map_parallel(roots, options, |found| {
            Some(match found {
                Found::File(file) => {
                    format!("file {}", file.path.strip_prefix(root).unwrap().display())
                }
                Found::LeftoverTemp(file) => {
                    format!("temp {}", file.path.strip_prefix(root).unwrap().display())
                }
                Found::Error(path, message, _) => format!("error {}: {message}", path.display()),
            })
        })
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
        std::os::unix::fs::symlink(root.join("b"), root.join("b2")).unwrap();
        let options = WalkOptions {
            exclude: glob_set(&["**/old".into()]).unwrap(),
            ..WalkOptions::default()
        };
        assert_eq!(
            names(&[root.to_path_buf()], &options, root),
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

    #[test]
    fn followed_links_are_walked_and_loops_reported() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("site");
        let outside = dir.path().join("outside");
        std::fs::create_dir_all(root.join("pay")).unwrap();
        std::fs::create_dir_all(&outside).unwrap();
        std::fs::write(root.join("pay/a.php"), "x").unwrap();
        std::fs::write(outside.join("b.php"), "x").unwrap();
        std::os::unix::fs::symlink("..", root.join("pay/up")).unwrap();
        std::os::unix::fs::symlink(&outside, root.join("shared")).unwrap();
        let options = WalkOptions {
            follow_symlinks: true,
            ..WalkOptions::default()
        };
        let found = filter_map_parallel(std::slice::from_ref(&root), &options, |found| {
            Some(match found {
                Found::File(file) => format!(
                    "file {} outside={}",
                    file.path.strip_prefix(&root).unwrap().display(),
                    file.outside_roots
                ),
                Found::LeftoverTemp(file) => format!("temp {}", file.path.display()),
                Found::Error(path, message, _) => format!(
                    "error {}: {message}",
                    path.strip_prefix(&root).unwrap().display()
                ),
            })
        });
        assert_eq!(
            found,
            [
                "file pay/a.php outside=false",
                "error pay/up: symbolic link loop back to site; not followed"
                    .replace("site", &root.display().to_string())
                    .as_str(),
                "file shared/b.php outside=true",
            ]
        );
    }
}
