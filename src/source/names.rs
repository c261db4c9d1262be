//! How the run names a file it read: as reached from the PATH argument for people, and in a
//! form that means the same from wherever the tool ran for patches, fingerprints and
//! code-scanning services.

use std::os::unix::ffi::OsStrExt;

/// A path as it goes into reports and patches: as reached from the PATH argument, with `/`.
/// Bytes that are not UTF-8 become U+FFFD; [`display_bytes`] keeps them.
pub fn display_path(path: &std::path::Path) -> String {
    display_name(path).into_owned()
}

/// [`display_path`], borrowed from the path when its bytes are UTF-8.
pub fn display_name(path: &std::path::Path) -> std::borrow::Cow<'_, str> {
    String::from_utf8_lossy(display_bytes(path))
}

/// [`display_path`] in the name's own bytes.
pub fn display_bytes(path: &std::path::Path) -> &[u8] {
    let raw = path.as_os_str().as_bytes();
    raw.strip_prefix(b"./").unwrap_or(raw)
}

/// A path that means the same from wherever the tool ran: relative to the current folder when
/// it lies under it, never starting with `/` (patches, fingerprints and code-scanning URIs
/// resolve paths from the repository's top, where CI runs). Bytes that are not UTF-8 become
/// U+FFFD; [`portable_bytes`] keeps them.
pub fn portable_path(path: &std::path::Path) -> String {
    String::from_utf8_lossy(&portable_bytes(path)).into_owned()
}

/// [`portable_path`] in the name's own bytes (a patch must name the very file).
pub fn portable_bytes(path: &std::path::Path) -> Vec<u8> {
    if path.is_absolute() {
        if let Ok(cwd) = std::env::current_dir()
            && let Ok(relative) = path.strip_prefix(cwd)
        {
            return display_bytes(relative).to_vec();
        }
        let bytes = display_bytes(path);
        let start = bytes.iter().take_while(|&&b| b == b'/').count();
        return bytes[start..].to_vec();
    }
    display_bytes(path).to_vec()
}

/// The name that sends an output to stdout (and reads a page from stdin), as every Unix tool
/// reads it.
pub const STDOUT: &str = "-";

/// Whether a path is [`STDOUT`].
pub fn is_stdout(path: &std::path::Path) -> bool {
    path.as_os_str() == STDOUT
}
