//! Reading one file the walk found: its size first, then a small sniff for binary content,
//! and only then the rest. Images and archives are a third of a web root; they cost one small
//! read each.

use std::io::Read as _;

use crate::diagnostics::{ErrorKind, FileError, FileId, Skip};
use crate::source::pinned;
use crate::source::walk::FileAt;

/// How much of a file's start is looked at for a NUL byte, the mark of a binary file.
const BINARY_SNIFF: usize = 8192;

/// Whether a file's first bytes mark it as binary (a NUL byte). Asked of every file, so with
/// memchr's vectorised search rather than the standard library's word-at-a-time one.
pub fn is_binary(bytes: &[u8]) -> bool {
    memchr::memchr(0, &bytes[..bytes.len().min(BINARY_SNIFF)]).is_some()
}

/// A file as read: its bytes, or why they were not read whole.
pub enum Content {
    Page(Vec<u8>),
    Skipped(Skip),
}

/// Opens and reads a file the walk found, skipping it when it is larger than `max_filesize`
/// or binary. Returns the content with the identity of the very file read (a write must
/// replace that file, not whatever holds its name later).
pub fn read(file: &FileAt, max_filesize: u64) -> Result<(Content, FileId), FileError> {
    let cannot_read = |why: String| FileError::new(ErrorKind::Read, format!("cannot read: {why}"));
    let (handle, meta) = file.open().map_err(|e| cannot_read(e.to_string()))?;
    let content = read_open(handle, meta.len(), max_filesize)
        .map_err(|e| cannot_read(pinned::describe_io(&e)))?;
    Ok((content, FileId::of(&meta)))
}

/// Reads an open file of `size` bytes (as its handle gave the size).
fn read_open(mut file: std::fs::File, size: u64, max_filesize: u64) -> std::io::Result<Content> {
    if size > max_filesize {
        return Ok(Content::Skipped(Skip::TooLarge(size)));
    }
    // Reads are bounded by the size just taken, so no read is spent finding the end,
    // and a file growing meanwhile is read no further than its size.
    let mut bytes = Vec::with_capacity(size as usize);
    let sniff = size.min(BINARY_SNIFF as u64);
    (&mut file).take(sniff).read_to_end(&mut bytes)?;
    if is_binary(&bytes) {
        return Ok(Content::Skipped(Skip::Binary));
    }
    file.take(size - bytes.len() as u64)
        .read_to_end(&mut bytes)?;
    Ok(Content::Page(bytes))
}

/// Reads stdin to its end, but no more than `limit` bytes: a page piped in by an editor, or
/// a list of paths piped in by `find`.
pub fn read_stdin(limit: u64) -> std::io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    std::io::stdin()
        .lock()
        .take(limit)
        .read_to_end(&mut bytes)?;
    Ok(bytes)
}
