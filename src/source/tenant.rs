//! Which tenant a file belongs to, and which shard of a split run scans it.
//!
//! A tenant is the first `--tenant-depth` folders under the PATH a file was found in
//! (`/home/USER` for `check /home`, `/var/www/vhosts/DOMAIN` for `check /var/www/vhosts`). A file
//! nearer the PATH than that belongs to the folder it is in. A file named on its own (as a PATH,
//! or in `--files-from`) has no PATH above it: its tenant is the first `--tenant-depth` folders
//! of its path as written (`find /home … | check --files-from - --tenant-depth 2` names
//! `/home/USER`).
//!
//! `--shard K/N` keeps the tenants whose key hashes to K: the key is the tenant's path below its
//! PATH, so the same tenant lands in the same shard on every machine, wherever the tree is
//! mounted. The hash is SHA-256, which is the same on every platform and every build.

use std::ffi::OsStr;
use std::fmt;
use std::os::unix::ffi::OsStrExt;
use std::path::{Component, Path, PathBuf};

use sha2::{Digest, Sha256};

/// How deep tenants sit under each PATH.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tenancy {
    depth: usize,
}

impl Default for Tenancy {
    fn default() -> Tenancy {
        Tenancy { depth: 1 }
    }
}

impl Tenancy {
    /// Tenants `depth` folders under each PATH (at least 1).
    pub fn new(depth: usize) -> Tenancy {
        Tenancy {
            depth: depth.max(1),
        }
    }

    pub fn depth(self) -> usize {
        self.depth
    }

    /// The tenant's key of a file at `relative` below a folder PATH: its first `depth` folders
    /// (the file's own name is never part of it).
    pub fn key_below(self, relative: &Path) -> &Path {
        // Every file a run finds asks this: the walk's paths are names joined by single
        // slashes, whose folders can be counted by their slashes without `Components`.
        let bytes = relative.as_os_str().as_bytes();
        if is_plain(bytes) {
            let end = memchr::memchr_iter(b'/', bytes)
                .nth(self.depth - 1)
                .or_else(|| memchr::memrchr(b'/', bytes))
                .unwrap_or(0);
            return Path::new(OsStr::from_bytes(&bytes[..end]));
        }
        let folders = relative.components().count().saturating_sub(1);
        prefix(relative, self.depth.min(folders))
    }

    /// The tenant's key of a file named on its own: the first `depth` folders of its path as
    /// written, leaving out `.` and a leading `/`.
    pub fn key_of_named(self, path: &Path) -> PathBuf {
        let folders: Vec<&OsStr> = path
            .parent()
            .into_iter()
            .flat_map(Path::components)
            .filter_map(|component| match component {
                Component::Normal(name) => Some(name),
                Component::ParentDir => Some(OsStr::new("..")),
                _ => None,
            })
            .collect();
        folders.iter().take(self.depth).collect()
    }

    /// The tenant of a file found at `path` under the folder PATH `root`, as reports name it.
    pub fn of_found(self, root: &Path, path: &Path) -> PathBuf {
        // The walk joins names to the PATH as written: below it byte for byte.
        let below = (path.as_os_str().as_bytes())
            .strip_prefix(root.as_os_str().as_bytes())
            .and_then(|rest| match rest.strip_prefix(b"/") {
                Some(rest) => Some(rest),
                None => root.as_os_str().as_bytes().ends_with(b"/").then_some(rest),
            })
            .filter(|rest| is_plain(rest));
        if let Some(relative) = below {
            return root.join(self.key_below(Path::new(OsStr::from_bytes(relative))));
        }
        match path.strip_prefix(root) {
            Ok(relative) => root.join(self.key_below(relative)),
            // Not below its PATH (a walk error about the PATH itself): the PATH.
            Err(_) => root.to_path_buf(),
        }
    }

    /// The tenant of a folder found at `path` under the folder PATH `root` (a walk error names
    /// a folder): the folder itself when it is a tenant's or above, else its tenant.
    pub fn of_folder(self, root: &Path, path: &Path) -> PathBuf {
        match path.strip_prefix(root) {
            Ok(relative) => root.join(prefix(relative, self.depth)),
            Err(_) => root.to_path_buf(),
        }
    }

    /// The tenant of a file named on its own, as reports name it: the folders of
    /// [`Tenancy::key_of_named`], from `/` when the path starts there.
    pub fn of_named(self, path: &Path) -> PathBuf {
        let key = self.key_of_named(path);
        match path.has_root() {
            true => Path::new("/").join(key),
            false if key.as_os_str().is_empty() => PathBuf::from("."),
            false => key,
        }
    }
}

/// Whether `relative` is names joined by single slashes, as the walk writes paths below a
/// PATH: no `.` or `..`, no empty name, no slash at either end.
fn is_plain(relative: &[u8]) -> bool {
    !relative.is_empty()
        && relative
            .split(|&b| b == b'/')
            .all(|name| !matches!(name, b"" | b"." | b".."))
}

/// The first `count` components of `path`, borrowed from it.
fn prefix(path: &Path, count: usize) -> &Path {
    let mut rest = path.components();
    for _ in 0..count {
        rest.next();
    }
    let kept = path.as_os_str().len() - rest.as_path().as_os_str().len();
    let bytes = &path.as_os_str().as_bytes()[..kept];
    // Leaves out the separator before the rest.
    let bytes = bytes.strip_suffix(b"/").unwrap_or(bytes);
    Path::new(OsStr::from_bytes(bytes))
}

/// `--shard K/N`: the K-th of N parts of a run, by tenant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    /// 1-based, at most `count`.
    index: u64,
    count: u64,
}

impl Shard {
    /// Parses `K/N` (1 ≤ K ≤ N).
    pub fn parse(text: &str) -> Result<Shard, String> {
        let bad = || format!("{text:?} is not a shard K/N such as 1/4 (1 <= K <= N)");
        let (index, count) = text.split_once('/').ok_or_else(bad)?;
        let index: u64 = index.trim().parse().map_err(|_| bad())?;
        let count: u64 = count.trim().parse().map_err(|_| bad())?;
        if index == 0 || count == 0 || index > count {
            return Err(bad());
        }
        Ok(Shard { index, count })
    }

    /// K, from 1.
    pub fn index(self) -> u64 {
        self.index
    }

    /// N, how many shards.
    pub fn count(self) -> u64 {
        self.count
    }

    /// Whether this shard scans the tenant of this key.
    pub fn holds(self, key: &Path) -> bool {
        let digest = Sha256::digest(key.as_os_str().as_bytes());
        let mut first = [0u8; 8];
        first.copy_from_slice(&digest[..8]);
        u64::from_be_bytes(first) % self.count == self.index - 1
    }
}

impl fmt::Display for Shard {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.index, self.count)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tenant by `Components`, as the walk's plain paths are read in bytes.
    fn by_components(tenancy: Tenancy, root: &Path, path: &Path) -> PathBuf {
        match path.strip_prefix(root) {
            Ok(relative) => {
                let folders = relative.components().count().saturating_sub(1);
                root.join(prefix(relative, tenancy.depth.min(folders)))
            }
            Err(_) => root.to_path_buf(),
        }
    }

    #[test]
    fn plain_paths_read_in_bytes_name_the_tenant_components_do() {
        let cases = [
            (
                "/var/www/vhosts",
                "/var/www/vhosts/shop.kr/httpdocs/pay/order.php",
            ),
            (
                "/var/www/vhosts/",
                "/var/www/vhosts/shop.kr/httpdocs/pay/order.php",
            ),
            ("/var/www/vhosts", "/var/www/vhosts/index.php"),
            ("/var/www/vhosts", "/var/www/vhosts2/a/index.php"),
            ("/", "/home/alice/www/a.php"),
            (".", "./alice/www/a.php"),
            ("./sites", "./sites/alice/a.php"),
            ("sites", "sites/alice/./www/a.php"),
            ("sites", "sites/alice//www/a.php"),
            ("sites", "sites/../sites/alice/a.php"),
            ("sites", "sites"),
            ("sites", "sites/"),
        ];
        for depth in 1..=4 {
            let tenancy = Tenancy::new(depth);
            for (root, path) in cases {
                let (root, path) = (Path::new(root), Path::new(path));
                let expected = by_components(tenancy, root, path);
                let found = tenancy.of_found(root, path);
                assert_eq!(
                    found.as_os_str(),
                    expected.as_os_str(),
                    "{root:?} {path:?} {depth}"
                );
            }
        }
    }

    #[test]
    fn a_tenant_is_the_first_folders_under_the_path() {
        let one = Tenancy::default();
        let two = Tenancy::new(2);
        let root = Path::new("/var/www/vhosts");
        let page = Path::new("/var/www/vhosts/shop.kr/httpdocs/pay/order.php");
        assert_eq!(
            one.of_found(root, page),
            Path::new("/var/www/vhosts/shop.kr")
        );
        assert_eq!(
            two.of_found(root, page),
            Path::new("/var/www/vhosts/shop.kr/httpdocs")
        );
        // A file nearer the PATH belongs to its folder.
        let index = Path::new("/var/www/vhosts/index.php");
        assert_eq!(one.of_found(root, index), root);
        assert_eq!(
            two.of_found(root, Path::new("/var/www/vhosts/a/x.php")),
            Path::new("/var/www/vhosts/a")
        );
        assert_eq!(
            one.key_below(Path::new("shop.kr/httpdocs/x.php")),
            Path::new("shop.kr")
        );
        assert_eq!(one.key_below(Path::new("x.php")), Path::new(""));
        // A folder that could not be walked is its own tenant's, or the tenant it is in.
        assert_eq!(
            one.of_folder(root, Path::new("/var/www/vhosts/shop.kr")),
            Path::new("/var/www/vhosts/shop.kr")
        );
        assert_eq!(
            one.of_folder(root, Path::new("/var/www/vhosts/shop.kr/httpdocs/old")),
            Path::new("/var/www/vhosts/shop.kr")
        );
        assert_eq!(
            two.of_folder(root, Path::new("/var/www/vhosts/a")),
            Path::new("/var/www/vhosts/a")
        );
    }

    #[test]
    fn a_named_file_takes_its_first_folders() {
        let two = Tenancy::new(2);
        assert_eq!(
            two.of_named(Path::new("/home/alice/www/pay.php")),
            Path::new("/home/alice")
        );
        assert_eq!(
            two.key_of_named(Path::new("/home/alice/www/pay.php")),
            Path::new("home/alice")
        );
        assert_eq!(
            Tenancy::default().of_named(Path::new("./alice/www/pay.php")),
            Path::new("alice")
        );
        assert_eq!(
            Tenancy::default().of_named(Path::new("pay.php")),
            Path::new(".")
        );
    }

    #[test]
    fn shards_split_tenants_stably_and_completely() {
        assert!(Shard::parse("0/2").is_err());
        assert!(Shard::parse("3/2").is_err());
        assert!(Shard::parse("2").is_err());
        assert!(Shard::parse("1/0").is_err());
        let shards: Vec<Shard> = (1..=3)
            .map(|k| Shard::parse(&format!("{k}/3")).unwrap())
            .collect();
        let mut sizes = [0; 3];
        for i in 0..3000 {
            let key = PathBuf::from(format!("tenant{i}"));
            let holders: Vec<usize> = (0..3).filter(|&s| shards[s].holds(&key)).collect();
            assert_eq!(holders.len(), 1, "every tenant is in exactly one shard");
            sizes[holders[0]] += 1;
        }
        assert!(sizes.iter().all(|&n| n > 900), "{sizes:?}");
        // The hash is fixed: this tenant is in shard 2 of 3 on every machine and build.
        let fixed = (1..=3)
            .find(|&k| shards[k - 1].holds(Path::new("alice")))
            .unwrap();
        // SHA-256("alice") starts 2b d8 06 c9 7f 0e 00 af; 0x2bd806c97f0e00af % 3 = 2.
        assert_eq!(fixed, 3);
    }
}
