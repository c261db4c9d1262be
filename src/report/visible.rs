//! Showing untrusted text to people. File names and page contents come from tenants: a control
//! character in them could end a report line early, move the cursor over what was printed,
//! start a terminal escape sequence (which a colour-stripping stream then removes along with
//! what it wraps), or reorder what is shown (bidi controls). Everything written for people goes
//! through here first, so such characters are shown as escapes (`\n`, `\r`, `\x1b`,
//! `<U+202E>`) and no byte is dropped.
//!
//! Machine formats have their own escaping (JSON strings, XML, workflow commands); patches keep
//! page bytes raw and quote paths as git does (see `diff`).

use std::borrow::Cow;
use std::fmt::Write as _;
use std::path::Path;

/// Whether `c` must not reach a terminal as is: C0 controls but TAB, DEL, C1 controls, and the
/// bidi controls. Line feeds count: where one really ends a line of output, see [`lines`].
pub fn is_dangerous(c: char) -> bool {
    matches!(c,
        '\0'..='\x08' | '\n'..='\x1f' | '\x7f' | '\u{80}'..='\u{9f}'
        | '\u{61c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// `text` with every dangerous character, line feeds included, shown as an escape.
pub fn text(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_dangerous) {
        return Cow::Borrowed(text);
    }
    let mut shown = String::with_capacity(text.len() + 8);
    push_text(&mut shown, text);
    Cow::Owned(shown)
}

/// Text of several lines (a rule's explanation): as [`text`], but a line feed, or a CR right
/// before one, ends a line of output and stays.
pub fn lines(text: &str) -> String {
    let mut shown = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        let (body, ending) = split_ending(line);
        push_text(&mut shown, body);
        shown.push_str(ending);
    }
    shown
}

/// Splits a line's ending (`\n` or `\r\n`) off; a CR not followed by a line feed is no ending.
pub fn split_ending(line: &str) -> (&str, &str) {
    let body = line.strip_suffix('\n').unwrap_or(line);
    let body = if body.len() < line.len() {
        body.strip_suffix('\r').unwrap_or(body)
    } else {
        body
    };
    line.split_at(body.len())
}

/// Bytes that should be UTF-8 but need not be (a file name): as [`text`], and each byte that is
/// not part of valid UTF-8 shown as `\xNN`.
pub fn bytes(bytes: &[u8]) -> Cow<'_, str> {
    if let Ok(valid) = std::str::from_utf8(bytes) {
        return text(valid);
    }
    let mut shown = String::with_capacity(bytes.len() + 8);
    for chunk in bytes.utf8_chunks() {
        push_text(&mut shown, chunk.valid());
        for byte in chunk.invalid() {
            let _ = write!(shown, "\\x{byte:02x}");
        }
    }
    Cow::Owned(shown)
}

/// A path as the text report names it ([`crate::source::names::display_path`]'s form), escaped.
pub fn path(path: &Path) -> String {
    bytes(crate::source::names::display_bytes(path)).into_owned()
}

fn push_text(shown: &mut String, text: &str) {
    for c in text.chars() {
        if is_dangerous(c) {
            push_escape(shown, c);
        } else {
            shown.push(c);
        }
    }
}

/// Writes `c` as its escape: `\n`, `\r`, `\xNN` for the other ASCII characters, `<U+NNNN>`
/// beyond (for formats that cannot hold a character at all, such as XML and U+FFFE).
pub fn push_escape(shown: &mut String, c: char) {
    let _ = match c {
        '\n' => write!(shown, "\\n"),
        '\r' => write!(shown, "\\r"),
        c if c.is_ascii() => write!(shown, "\\x{:02x}", u32::from(c)),
        c => write!(shown, "<U+{:04X}>", u32::from(c)),
    };
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::ffi::OsStrExt;

    #[test]
    fn plain_text_tabs_and_hangul_stay() {
        assert!(matches!(
            text("제주\t카드 <li>"),
            Cow::Borrowed("제주\t카드 <li>")
        ));
    }

    #[test]
    fn controls_and_bidi_become_escapes() {
        assert_eq!(
            text("a\nb\r\x1b]0;x\x07\x7f\u{85}\u{202e}\u{2066}\u{200f}\u{61c}\0"),
            r"a\nb\r\x1b]0;x\x07\x7f<U+0085><U+202E><U+2066><U+200F><U+061C>\x00"
        );
    }

    #[test]
    fn lines_keep_their_endings_but_not_a_lone_cr() {
        assert_eq!(lines("a\r\nb\rc\n\x1bd"), "a\r\nb\\rc\n\\x1bd");
        assert_eq!(split_ending("x\r\n"), ("x", "\r\n"));
        assert_eq!(split_ending("x\r"), ("x\r", ""));
        assert_eq!(split_ending("x\r\r\n"), ("x\r", "\r\n"));
    }

    #[test]
    fn invalid_utf8_bytes_are_shown_not_replaced() {
        assert_eq!(bytes(b"a\xff\n\xc1b.php"), r"a\xff\n\xc1b.php");
        assert_eq!(
            path(Path::new(std::ffi::OsStr::from_bytes(b"./x\xe2\x80\xaey"))),
            "x<U+202E>y"
        );
    }
}
