//! Unified diffs of a file's original and fixed bytes.
//!
//! Lines are split at `\n` only, as git and patch do (a lone `\r` is part of a line), and each
//! line keeps its own bytes: a patch of an EUC-KR CRLF file is itself EUC-KR with CRLF lines,
//! so `git apply` and `patch -p1` accept it. For people, the same hunks are shown decoded.

use std::io::{self, Write};
use std::ops::Range;

use anstyle::{AnsiColor, Style};
use encoding_rs::Encoding;
use similar::{Algorithm, DiffTag, capture_diff_slices, group_diff_ops};

/// Lines of context around each change.
const CONTEXT: usize = 3;

/// One line of a hunk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineTag {
    Context,
    Removed,
    Added,
}

/// A hunk: the 1-based start and length on each side, and its lines.
#[derive(Debug)]
pub struct Hunk<'a> {
    pub old: Range<usize>,
    pub new: Range<usize>,
    pub lines: Vec<(LineTag, &'a [u8])>,
}

/// Splits at `\n`, keeping each line's ending.
fn lines(bytes: &[u8]) -> Vec<&[u8]> {
    bytes.split_inclusive(|&b| b == b'\n').collect()
}

/// The hunks turning `old` into `new`.
pub fn hunks<'a>(old: &'a [u8], new: &'a [u8]) -> Vec<Hunk<'a>> {
    let old_lines = lines(old);
    let new_lines = lines(new);
    let ops = capture_diff_slices(Algorithm::Myers, &old_lines, &new_lines);
    group_diff_ops(ops, CONTEXT)
        .into_iter()
        .map(|group| {
            let mut hunk_lines = Vec::new();
            for op in &group {
                let (tag, old_range, new_range) = op.as_tag_tuple();
                match tag {
                    DiffTag::Equal => hunk_lines
                        .extend(old_lines[old_range].iter().map(|l| (LineTag::Context, *l))),
                    DiffTag::Delete => hunk_lines
                        .extend(old_lines[old_range].iter().map(|l| (LineTag::Removed, *l))),
                    DiffTag::Insert => {
                        hunk_lines.extend(new_lines[new_range].iter().map(|l| (LineTag::Added, *l)))
                    }
                    DiffTag::Replace => {
                        hunk_lines
                            .extend(old_lines[old_range].iter().map(|l| (LineTag::Removed, *l)));
                        hunk_lines
                            .extend(new_lines[new_range].iter().map(|l| (LineTag::Added, *l)));
                    }
                }
            }
            let first = group.first().expect("a group has ops").as_tag_tuple();
            let last = group.last().expect("a group has ops").as_tag_tuple();
            Hunk {
                old: first.1.start..last.1.end,
                new: first.2.start..last.2.end,
                lines: hunk_lines,
            }
        })
        .collect()
}

/// `start,len` of one side of a hunk header; an empty side names the line before it.
fn header_side(range: &Range<usize>) -> String {
    let start = if range.is_empty() {
        range.start
    } else {
        range.start + 1
    };
    format!("{start},{}", range.len())
}

/// The `@@ -a,b +c,d @@` line of a hunk.
fn hunk_header(hunk: &Hunk) -> String {
    format!(
        "@@ -{} +{} @@",
        header_side(&hunk.old),
        header_side(&hunk.new)
    )
}

/// Writes a git-style patch for one file, in the file's own bytes.
pub fn write_patch(out: &mut impl Write, path: &str, old: &[u8], new: &[u8]) -> io::Result<()> {
    writeln!(out, "diff --git a/{path} b/{path}")?;
    writeln!(out, "--- a/{path}")?;
    writeln!(out, "+++ b/{path}")?;
    for hunk in hunks(old, new) {
        writeln!(out, "{}", hunk_header(&hunk))?;
        for (tag, line) in &hunk.lines {
            out.write_all(match tag {
                LineTag::Context => b" ",
                LineTag::Removed => b"-",
                LineTag::Added => b"+",
            })?;
            out.write_all(line)?;
            if !line.ends_with(b"\n") {
                out.write_all(b"\n\\ No newline at end of file\n")?;
            }
        }
    }
    Ok(())
}

/// Writes the diff decoded to UTF-8 for a terminal, with line endings shown as plain ends.
pub fn write_decoded(
    out: &mut (impl Write + ?Sized),
    path: &str,
    old: &[u8],
    new: &[u8],
    encoding: &'static Encoding,
) -> io::Result<()> {
    let bold = Style::new().bold();
    let cyan = Style::new().fg_color(Some(AnsiColor::Cyan.into()));
    let red = Style::new().fg_color(Some(AnsiColor::Red.into()));
    let green = Style::new().fg_color(Some(AnsiColor::Green.into()));
    let note = if encoding == encoding_rs::UTF_8 {
        String::new()
    } else {
        format!(" ({}, shown as UTF-8)", encoding.name())
    };
    writeln!(out, "{bold}--- a/{path}{note}{bold:#}")?;
    writeln!(out, "{bold}+++ b/{path}{bold:#}")?;
    for hunk in hunks(old, new) {
        writeln!(out, "{cyan}{}{cyan:#}", hunk_header(&hunk))?;
        for (tag, line) in &hunk.lines {
            let (decoded, _) = encoding.decode_without_bom_handling(line);
            let text = decoded.trim_end_matches(['\n', '\r']);
            match tag {
                LineTag::Context => writeln!(out, " {text}")?,
                LineTag::Removed => writeln!(out, "{red}-{text}{red:#}")?,
                LineTag::Added => writeln!(out, "{green}+{text}{green:#}")?,
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patch_keeps_bytes_and_marks_missing_newline() {
        let old = b"a\r\nb\r\n\xC1\xA6\xC1\xD6\r\nd";
        let new = b"a\r\nb\r\nd";
        let mut patch = Vec::new();
        write_patch(&mut patch, "x.asp", old, new).unwrap();
        let expected: &[u8] = b"diff --git a/x.asp b/x.asp\n--- a/x.asp\n+++ b/x.asp\n@@ -1,4 +1,3 @@\n a\r\n b\r\n-\xC1\xA6\xC1\xD6\r\n d\n\\ No newline at end of file\n";
        assert_eq!(patch, expected);
    }

    #[test]
    fn lone_carriage_return_is_not_a_line_end() {
        assert_eq!(lines(b"a\rb\nc").len(), 2);
    }
}
