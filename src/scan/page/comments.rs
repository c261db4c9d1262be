//! Comments inside code, blanked so that code readers never take a commented-out line for a
//! live one (`// if (code == "13") submitV3d();`, `' certitype = "M"`). Like masking, blanking
//! keeps every byte offset: comments become spaces, line breaks stay.

use std::ops::Range;

use super::branches::skip_string;

/// How comments are written in a piece of code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Syntax {
    /// `//` and `/* */` (JavaScript, Java, PHP); `#` too when `hash` is set (PHP).
    CLike { hash: bool },
    /// VBScript: `'` and `REM` to the end of the line.
    Vb,
}

/// Writes `text[range]` into `out[range]` with its comments replaced by spaces.
pub fn blank_into(text: &str, range: Range<usize>, syntax: Syntax, out: &mut [u8]) {
    let bytes = text.as_bytes();
    let mut keep_from = range.start;
    for comment in ranges(text, range.clone(), syntax) {
        out[keep_from..comment.start].copy_from_slice(&bytes[keep_from..comment.start]);
        for (o, &b) in out[comment.clone()].iter_mut().zip(&bytes[comment.clone()]) {
            *o = if b == b'\n' || b == b'\r' { b } else { b' ' };
        }
        keep_from = comment.end;
    }
    out[keep_from..range.end].copy_from_slice(&bytes[keep_from..range.end]);
}

/// The byte range of every comment in `text[range]`, in order: from its opener (`//`, `/*`,
/// `#`, `'`, `REM`) to the end of its line, or through its `*/`.
pub fn ranges(text: &str, range: Range<usize>, syntax: Syntax) -> Ranges<'_> {
    Ranges {
        text,
        at: range.start,
        end: range.end,
        syntax,
    }
}

/// The comments of a piece of code; see [`ranges`].
pub struct Ranges<'t> {
    text: &'t str,
    at: usize,
    end: usize,
    syntax: Syntax,
}

impl Iterator for Ranges<'_> {
    type Item = Range<usize>;

    fn next(&mut self) -> Option<Range<usize>> {
        let (text, syntax, limit) = (self.text, self.syntax, self.end);
        let bytes = text.as_bytes();
        while self.at < limit {
            let i = self.at;
            let b = bytes[i];
            let next = bytes.get(i + 1).copied();
            let comment_end = match (syntax, b) {
                (_, b'"') | (Syntax::CLike { .. }, b'\'') => {
                    self.at = match syntax {
                        Syntax::Vb => vb_string_end(bytes, i, limit),
                        Syntax::CLike { .. } => skip_string(bytes, i, limit),
                    };
                    continue;
                }
                (Syntax::CLike { .. }, b'/') if next == Some(b'/') => {
                    Some(line_end(bytes, i, limit))
                }
                (Syntax::CLike { hash: true }, b'#') => Some(line_end(bytes, i, limit)),
                (Syntax::CLike { .. }, b'/') if next == Some(b'*') => Some(
                    text[i + 2..limit]
                        .find("*/")
                        .map_or(limit, |e| i + 2 + e + 2),
                ),
                (Syntax::Vb, b'\'') => Some(line_end(bytes, i, limit)),
                (Syntax::Vb, b'R' | b'r') if is_rem(bytes, i, limit) => {
                    Some(line_end(bytes, i, limit))
                }
                _ => None,
            };
            match comment_end {
                Some(end) => {
                    self.at = end;
                    return Some(i..end);
                }
                None => self.at = i + 1,
            }
        }
        None
    }
}

fn line_end(bytes: &[u8], from: usize, limit: usize) -> usize {
    bytes[from..limit]
        .iter()
        .position(|&b| b == b'\n' || b == b'\r')
        .map_or(limit, |p| from + p)
}

/// VBScript strings double their quotes (`"say ""hi"""`) and end at the line.
fn vb_string_end(bytes: &[u8], start: usize, limit: usize) -> usize {
    let mut i = start + 1;
    while i < limit {
        match bytes[i] {
            b'"' if bytes.get(i + 1) == Some(&b'"') => i += 2,
            b'"' => return i + 1,
            b'\n' => return i,
            _ => i += 1,
        }
    }
    limit
}

/// `REM` as a statement: at a statement start and followed by a space or the line end.
fn is_rem(bytes: &[u8], i: usize, limit: usize) -> bool {
    let word = bytes
        .get(i..i + 3)
        .is_some_and(|w| w.eq_ignore_ascii_case(b"rem"));
    let after_ok = bytes
        .get(i + 3)
        .is_none_or(|&b| i + 3 >= limit || b == b' ' || b == b'\t' || b == b'\r' || b == b'\n');
    let before = bytes[..i]
        .iter()
        .rev()
        .find(|&&b| b != b' ' && b != b'\t')
        .copied();
    word && after_ok && matches!(before, None | Some(b'\n' | b'\r' | b':' | b'%'))
}

/// `text` with the comments of `range` blanked and everything outside `range` kept.
pub fn blank(text: &str, range: Range<usize>, syntax: Syntax) -> String {
    let mut out = text.as_bytes().to_vec();
    blank_into(text, range, syntax, &mut out);
    String::from_utf8(out).expect("blanking replaces whole characters by ASCII spaces")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blanks_c_like_comments_but_not_strings() {
        let code = "a = \"//x\"; // 제주\n/* b\n c */ d # e";
        let out = blank(code, 0..code.len(), Syntax::CLike { hash: true });
        assert_eq!(out.len(), code.len());
        assert!(out.starts_with("a = \"//x\"; "));
        assert!(!out.contains("제주") && !out.contains('b') && out.contains(" d "));
        assert!(!out.contains('e'));
        assert_eq!(out.matches('\n').count(), 2);
    }

    #[test]
    fn blanks_vb_quote_and_rem_comments() {
        let code = "x = \"it's\" ' 제주\r\nREM old\r\ncertitype = \"M\"";
        let out = blank(code, 0..code.len(), Syntax::Vb);
        assert!(out.contains("x = \"it's\""));
        assert!(!out.contains("제주") && !out.contains("old"));
        assert!(out.ends_with("certitype = \"M\""));
    }

    #[test]
    fn ranges_span_each_comment_and_skip_strings() {
        let code = "$a = \"# no\"; # one\r\n/* two\n */ $b; // three";
        let found: Vec<&str> = ranges(code, 0..code.len(), Syntax::CLike { hash: true })
            .map(|r| &code[r])
            .collect();
        assert_eq!(found, ["# one", "/* two\n */", "// three"]);
        let vb = "x = \"a'b\" ' four\r\nREM five";
        let found: Vec<&str> = ranges(vb, 0..vb.len(), Syntax::Vb)
            .map(|r| &vb[r])
            .collect();
        assert_eq!(found, ["' four", "REM five"]);
    }
}
