//! Reading one file the walk found: its size first, then a small sniff for binary content,
//! and only then the rest. Images and archives are a third of a web root; they cost one small
//! read each. A large file (a log, a data dump saved as `.html`) is first searched a chunk at a
//! time by the caller's gate, and read whole only when the gate lets it through: a thread
//! never holds megabytes of a file that names nothing.

use std::io::{Read, Seek as _};

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

/// Above this size a file meets the caller's gate before it is read whole. Below it, the one
/// read is cheaper than a search and a second read, and the buffer is small.
const HELD_WHOLE_UP_TO: u64 = 256 * 1024;

/// A file as read: its bytes, or why they were not read whole.
pub enum Content {
    Page(Vec<u8>),
    Skipped(Skip),
    /// A file larger than [`HELD_WHOLE_UP_TO`] that the gate ruled out: nothing in it concerns
    /// the run, and it was never held whole.
    RuledOut,
}

/// The first gate on a file's bytes, given as a reader: whether they are worth reading whole.
pub type Gate<'g> = &'g dyn Fn(&mut dyn Read) -> std::io::Result<bool>;

/// Opens and reads a file the walk found, skipping it when it is larger than `max_filesize`
/// or binary, and passing a large one through `gate` first. Returns the content with the
/// identity of the very file read (a write must replace that file, not whatever holds its name
/// later).
pub fn read(file: &FileAt, max_filesize: u64, gate: Gate) -> Result<(Content, FileId), FileError> {
    let cannot_read = |why: String| FileError::new(ErrorKind::Read, format!("cannot read: {why}"));
    let (handle, meta) = file.open().map_err(|e| cannot_read(e.to_string()))?;
    let content = read_open(handle, meta.len(), max_filesize, gate)
        .map_err(|e| cannot_read(pinned::describe_io(&e)))?;
    Ok((content, FileId::of(&meta)))
}

/// Reads an open file of `size` bytes (as its handle gave the size).
fn read_open(
    mut file: std::fs::File,
    size: u64,
    max_filesize: u64,
    gate: Gate,
) -> std::io::Result<Content> {
    if size > max_filesize {
        return Ok(Content::Skipped(Skip::TooLarge(size)));
    }
    // Reads are bounded by the size just taken, so no read is spent finding the end,
    // and a file growing meanwhile is read no further than its size.
    let sniff = size.min(BINARY_SNIFF as u64);
    let held_whole = size <= HELD_WHOLE_UP_TO;
    let mut bytes = Vec::with_capacity(if held_whole { size } else { sniff } as usize);
    (&mut file).take(sniff).read_to_end(&mut bytes)?;
    if is_binary(&bytes) {
        return Ok(Content::Skipped(Skip::Binary));
    }
    if !held_whole {
        let rest = (&mut file).take(size - bytes.len() as u64);
        if !gate(&mut bytes.as_slice().chain(rest))? {
            return Ok(Content::RuledOut);
        }
        file.rewind()?;
        bytes = Vec::with_capacity(size as usize);
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

#[cfg(test)]
mod tests {
    use std::cell::Cell;
    use std::io::Write as _;

    use super::*;

    /// An open file holding `bytes`, at its start, and its size.
    fn open(bytes: &[u8]) -> (std::fs::File, u64) {
        let mut file = tempfile::tempfile().unwrap();
        file.write_all(bytes).unwrap();
        file.rewind().unwrap();
        (file, bytes.len() as u64)
    }

    /// An access log saved as a page, `size` bytes long: what fills a large file in a web root.
    fn access_log(size: usize) -> Vec<u8> {
        let line = b"10.0.0.200 - - [12/Mar/2013:10:00:00 +0900] \"GET /shop/goods_000.php HTTP/1.1\" 200 6034\r\n";
        let mut log = b"<html><body><pre>\r\n".to_vec();
        log.extend(line.iter().cycle().take(size - log.len()));
        log
    }

    /// A gate that reads what it is given to the end and answers `pass`; it keeps the bytes.
    fn gate_keeping(
        seen: &Cell<Vec<u8>>,
        pass: bool,
    ) -> impl Fn(&mut dyn Read) -> std::io::Result<bool> {
        move |reader| {
            let mut bytes = Vec::new();
            reader.read_to_end(&mut bytes)?;
            seen.set(bytes);
            Ok(pass)
        }
    }

    fn no_gate(_: &mut dyn Read) -> std::io::Result<bool> {
        panic!("the gate is for large files that are not binary")
    }

    #[test]
    fn a_large_file_the_gate_rules_out_is_given_to_it_whole_and_ruled_out() {
        let log = access_log(HELD_WHOLE_UP_TO as usize + 9000);
        let (file, size) = open(&log);
        let seen = Cell::new(Vec::new());
        let content = read_open(file, size, 8 << 20, &gate_keeping(&seen, false)).unwrap();
        assert!(matches!(content, Content::RuledOut));
        assert!(
            seen.take() == log,
            "the gate reads the file from its start to its end"
        );
    }

    #[test]
    fn a_large_file_the_gate_lets_through_is_read_whole_from_its_start() {
        let mut page = access_log(HELD_WHOLE_UP_TO as usize * 2);
        page.extend_from_slice("<p>안심클릭: 제주</p>\r\n".as_bytes());
        let (file, size) = open(&page);
        let seen = Cell::new(Vec::new());
        let content = read_open(file, size, 8 << 20, &gate_keeping(&seen, true)).unwrap();
        assert!(matches!(content, Content::Page(bytes) if bytes == page));
        assert!(seen.take() == page);
    }

    #[test]
    fn small_and_binary_files_never_meet_the_gate() {
        let page = access_log(HELD_WHOLE_UP_TO as usize);
        let (file, size) = open(&page);
        let content = read_open(file, size, 8 << 20, &no_gate).unwrap();
        assert!(matches!(content, Content::Page(bytes) if bytes == page));

        let mut archive = b"PK\x03\x04\x14\x00\x00\x00".to_vec();
        archive.extend(access_log(HELD_WHOLE_UP_TO as usize * 2));
        let (file, size) = open(&archive);
        let content = read_open(file, size, 8 << 20, &no_gate).unwrap();
        assert!(matches!(content, Content::Skipped(Skip::Binary)));

        let (file, size) = open(&archive);
        let content = read_open(file, size, 64 << 10, &no_gate).unwrap();
        assert!(matches!(content, Content::Skipped(Skip::TooLarge(s)) if s == size));
    }
}
