//! Unified diffs of a file's original and fixed bytes.
//!
//! Lines are split at `\n` only, as git and patch do (a lone `\r` is part of a line), and each
//! line keeps its own bytes: a patch of an EUC-KR CRLF file is itself EUC-KR with CRLF lines,
//! so `git apply` and `patch -p1` accept it. Its path headers are quoted as git quotes them
//! when a name holds anything but plain printable characters. For people, the same hunks are
//! shown decoded, with control and bidi characters shown as escapes.

use std::io::{self, Write};
use std::ops::Range;

use anstyle::{AnsiColor, Style};
use encoding_rs::Encoding;
use similar::{Algorithm, DiffTag, capture_diff_slices, group_diff_ops};

use crate::diagnostics::Change;
use crate::report::visible;

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

/// A path after `a/` or `b/` in a patch header: as is when it holds only printable characters
/// and no space, `"`, or `\\`; else in double quotes with C escapes, as git writes it (with
/// `core.quotePath` off: other UTF-8 stays as is), which `git apply` and GNU patch 2.7 read
/// back byte for byte. Control and bidi characters and bytes that are not UTF-8 are written as
/// octal escapes, so a name cannot end a header line or reorder it. Unlike git, a name with a
/// space is quoted too: GNU patch would end the name at the space, or drop a trailing one.
fn patch_name(side: &str, path: &[u8]) -> Vec<u8> {
    let mut quoted = Vec::with_capacity(path.len() + 4);
    let mut needs_quotes = false;
    let octal = |quoted: &mut Vec<u8>, bytes: &[u8]| {
        for byte in bytes {
            quoted.extend(format!("\\{byte:03o}").bytes());
        }
    };
    for chunk in path.utf8_chunks() {
        for c in chunk.valid().chars() {
            let escape: Option<&[u8]> = match c {
                '"' => Some(b"\\\""),
                '\\' => Some(b"\\\\"),
                '\t' => Some(b"\\t"),
                '\n' => Some(b"\\n"),
                '\r' => Some(b"\\r"),
                '\x07' => Some(b"\\a"),
                '\x08' => Some(b"\\b"),
                '\x0b' => Some(b"\\v"),
                '\x0c' => Some(b"\\f"),
                _ => None,
            };
            let mut utf8 = [0; 4];
            let encoded = c.encode_utf8(&mut utf8).as_bytes();
            if let Some(escape) = escape {
                quoted.extend(escape);
            } else if visible::is_dangerous(c) {
                octal(&mut quoted, encoded);
            } else {
                needs_quotes |= c == ' ';
                quoted.extend(encoded);
                continue;
            }
            needs_quotes = true;
        }
        if !chunk.invalid().is_empty() {
            octal(&mut quoted, chunk.invalid());
            needs_quotes = true;
        }
    }
    if needs_quotes {
        [b"\"", side.as_bytes(), b"/", &quoted, b"\""].concat()
    } else {
        [side.as_bytes(), b"/", &quoted].concat()
    }
}

/// Writes a git-style patch for one file, in the file's own bytes; `path` is the file's name
/// in its own bytes from where the patch applies, as
/// [`crate::source::patch_base::OnePatch::name`] gives it.
pub fn write_patch(out: &mut impl Write, path: &[u8], old: &[u8], new: &[u8]) -> io::Result<()> {
    let (a, b) = (patch_name("a", path), patch_name("b", path));
    out.write_all(&[b"diff --git ", &a[..], b" ", &b, b"\n"].concat())?;
    out.write_all(&[b"--- ", &a[..], b"\n"].concat())?;
    out.write_all(&[b"+++ ", &b[..], b"\n"].concat())?;
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

/// Writes the diff decoded to UTF-8 for a terminal, with line endings (`\n`, `\r\n`) shown as
/// plain ends, and the name and lines through [`visible`]: a CR that ends no line shows as `\r`,
/// an escape sequence as `\x1b...`. `name` is the file's name in its own bytes, as
/// [`crate::source::patch_base::PatchBases::shown_name`] gives it (what a patch would say).
pub fn write_decoded(
    out: &mut (impl Write + ?Sized),
    name: &[u8],
    old: &[u8],
    new: &[u8],
    encoding: &'static Encoding,
) -> io::Result<()> {
    let Styles {
        bold,
        cyan,
        red,
        green,
    } = Styles::new();
    let note = if encoding == encoding_rs::UTF_8 {
        String::new()
    } else {
        format!(" ({}, shown as UTF-8)", encoding.name())
    };
    let path = visible::bytes(name);
    writeln!(out, "{bold}--- a/{path}{note}{bold:#}")?;
    writeln!(out, "{bold}+++ b/{path}{bold:#}")?;
    for hunk in hunks(old, new) {
        writeln!(out, "{cyan}{}{cyan:#}", hunk_header(&hunk))?;
        for (tag, line) in &hunk.lines {
            let (decoded, _) = encoding.decode_without_bom_handling(line);
            let text = visible::text(visible::split_ending(&decoded).0);
            match tag {
                LineTag::Context => writeln!(out, " {text}")?,
                LineTag::Removed => writeln!(out, "{red}-{text}{red:#}")?,
                LineTag::Added => writeln!(out, "{green}+{text}{green:#}")?,
            }
        }
    }
    Ok(())
}

/// Writes a change's diff for people: computed from its bytes, or, for a change read back from
/// a JSON report (`merge`), the diff it recorded, coloured as [`write_decoded`] colours one.
pub fn write_change(
    out: &mut (impl Write + ?Sized),
    name: &[u8],
    change: &Change,
) -> io::Result<()> {
    let Some(recorded) = &change.recorded_diff else {
        return write_decoded(out, name, &change.original, &change.fixed, change.encoding);
    };
    let styles = Styles::new();
    for line in recorded.lines() {
        let style = match line.as_bytes().first() {
            _ if line.starts_with("--- ") || line.starts_with("+++ ") => styles.bold,
            Some(b'@') => styles.cyan,
            Some(b'-') => styles.red,
            Some(b'+') => styles.green,
            _ => Style::new(),
        };
        writeln!(out, "{style}{line}{style:#}")?;
    }
    Ok(())
}

/// A change's diff as plain decoded text, without colours: what JSON reports record and HTML
/// reports show.
pub fn plain_text(name: &[u8], change: &Change) -> String {
    let mut plain = anstream::StripStream::new(Vec::new());
    write_change(&mut plain, name, change).expect("writing to memory cannot fail");
    String::from_utf8_lossy(&plain.into_inner()).into_owned()
}

/// The colours of a decoded diff.
struct Styles {
    bold: Style,
    cyan: Style,
    red: Style,
    green: Style,
}

impl Styles {
    fn new() -> Styles {
        Styles {
            bold: Style::new().bold(),
            cyan: Style::new().fg_color(Some(AnsiColor::Cyan.into())),
            red: Style::new().fg_color(Some(AnsiColor::Red.into())),
            green: Style::new().fg_color(Some(AnsiColor::Green.into())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patch_keeps_bytes_and_marks_missing_newline() {
        let old = b"a\r\nb\r\n\xC1\xA6\xC1\xD6\r\nd";
        let new = b"a\r\nb\r\nd";
        let mut patch = Vec::new();
        write_patch(&mut patch, b"x.asp", old, new).unwrap();
        let expected: &[u8] = b"diff --git a/x.asp b/x.asp\n--- a/x.asp\n+++ b/x.asp\n@@ -1,4 +1,3 @@\n a\r\n b\r\n-\xC1\xA6\xC1\xD6\r\n d\n\\ No newline at end of file\n";
        assert_eq!(patch, expected);
    }

    #[test]
    fn plain_names_stay_and_others_are_quoted_as_git_does() {
        assert_eq!(
            patch_name("a", "shop/제주.php".as_bytes()),
            "a/shop/제주.php".as_bytes()
        );
        assert_eq!(
            patch_name("b", b"x\nb \"q\\\t\x07\x1b\xff.php"),
            br#""b/x\nb \"q\\\t\a\033\377.php""#
        );
        assert_eq!(
            patch_name("a", "\u{202e}제주\u{85}".as_bytes()),
            r#""a/\342\200\256제주\302\205""#.as_bytes()
        );
    }

    #[test]
    fn decoded_lines_show_a_lone_cr_but_not_crlf_endings() {
        // As the terminal gets it without colours: what escaping missed would be stripped here.
        let mut shown = anstream::StripStream::new(Vec::new());
        let old = b"a\r\nb\rc\r\nd\r\n";
        let new = b"a\r\nb\rC\x1b]0;x\x07\r\nd\r\n";
        write_decoded(&mut shown, b"p", old, new, encoding_rs::UTF_8).unwrap();
        let shown = String::from_utf8(shown.into_inner()).unwrap();
        assert!(
            shown.contains("\n-b\\rc\n+b\\rC\\x1b]0;x\\x07\n"),
            "{shown}"
        );
        assert!(!shown.contains('\r'), "{shown}");
    }

    #[test]
    fn a_recorded_diff_is_shown_as_the_computed_one() {
        let old = "a\r\n제주\r\nc\r\n".as_bytes();
        let new = "a\r\nc\r\n".as_bytes();
        let computed = Change::new(old.to_vec(), new.to_vec(), encoding_rs::UTF_8, Vec::new());
        let mut coloured = Vec::new();
        write_change(&mut coloured, b"p.php", &computed).unwrap();
        let recorded = Change::recorded(plain_text(b"p.php", &computed), Vec::new());
        let mut again = Vec::new();
        write_change(&mut again, b"p.php", &recorded).unwrap();
        assert_eq!(
            String::from_utf8(again).unwrap(),
            String::from_utf8(coloured).unwrap()
        );
        assert!(plain_text(b"p.php", &recorded).contains("\n-제주\n"));
    }

    #[test]
    fn lone_carriage_return_is_not_a_line_end() {
        assert_eq!(lines(b"a\rb\nc").len(), 2);
    }
}
