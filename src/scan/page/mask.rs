//! Hides server-side code from the HTML parser without moving a single byte.
//!
//! `<?php if ($a > 1) ?>` would end a bogus comment at its first `>`, and
//! `<% Response.Write "<td>" %>` would open a real cell. Each block is replaced by spaces of the
//! same byte length (line breaks kept), so every offset in the masked text is an offset in the
//! page. The blocks themselves are kept: their code tells which scheme a branch serves.

use std::ops::Range;

/// The server-side language family of a block, which decides how its code is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialect {
    /// `<?php ... ?>`, `<? ... ?>`, `<?= ... ?>`.
    Php,
    /// `<% ... %>` as used by ASP (VBScript) and JSP; told apart from the code itself.
    Percent,
}

/// One server-side block found in the page.
#[derive(Debug, Clone)]
pub struct ServerBlock {
    /// The whole block including its delimiters.
    pub range: Range<usize>,
    /// The code between the delimiters.
    pub code: Range<usize>,
    pub dialect: Dialect,
    /// `<%-- --%>` JSP comments and the like: never code.
    pub is_comment: bool,
}

/// Returns the page with server code blanked out, and the blocks that were blanked.
pub fn mask(text: &str) -> (String, Vec<ServerBlock>) {
    let bytes = text.as_bytes();
    let mut blocks = Vec::new();
    let mut pos = 0;
    while let Some(found) = memchr_lt(bytes, pos) {
        let rest = &bytes[found..];
        let block = if rest.starts_with(b"<%--") {
            let end = find(bytes, found + 4, b"--%>").map_or(bytes.len(), |e| e + 4);
            Some(ServerBlock {
                range: found..end,
                code: found + 4..code_end(bytes, found + 4, end, b"--%>"),
                dialect: Dialect::Percent,
                is_comment: true,
            })
        } else if rest.starts_with(b"<%") {
            let end = find(bytes, found + 2, b"%>").map_or(bytes.len(), |e| e + 2);
            Some(ServerBlock {
                range: found..end,
                code: found + 2..code_end(bytes, found + 2, end, b"%>"),
                dialect: Dialect::Percent,
                is_comment: false,
            })
        } else if rest.starts_with(b"<?") && !is_xml_declaration(rest) {
            let code_start = found + 2;
            let end = php_block_end(bytes, code_start);
            Some(ServerBlock {
                range: found..end,
                code: code_start..code_end(bytes, code_start, end, b"?>"),
                dialect: Dialect::Php,
                is_comment: false,
            })
        } else {
            None
        };
        match block {
            Some(block) => {
                pos = block.range.end;
                blocks.push(block);
            }
            None => pos = found + 1,
        }
    }

    let mut masked = bytes.to_vec();
    for block in &blocks {
        for byte in &mut masked[block.range.clone()] {
            if *byte != b'\n' && *byte != b'\r' {
                *byte = b' ';
            }
        }
    }
    // Only whole UTF-8 sequences were replaced, by ASCII, so the result is still UTF-8.
    let masked = String::from_utf8(masked).expect("masking replaces whole blocks with ASCII");
    (masked, blocks)
}

/// Where a block's code ends: before its closer, or at the block's end when the page ends
/// without one (a truncated page; cutting a closer's length there could split a character).
fn code_end(bytes: &[u8], code_start: usize, end: usize, closer: &[u8]) -> usize {
    if end >= code_start + closer.len() && bytes[..end].ends_with(closer) {
        end - closer.len()
    } else {
        end.max(code_start)
    }
}

fn memchr_lt(bytes: &[u8], from: usize) -> Option<usize> {
    bytes[from..]
        .iter()
        .position(|&b| b == b'<')
        .map(|i| i + from)
}

fn find(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    bytes
        .get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|i| i + from)
}

fn is_xml_declaration(rest: &[u8]) -> bool {
    rest.len() >= 5 && rest[2..5].eq_ignore_ascii_case(b"xml")
}

/// End of a PHP block: the first `?>` outside string literals and block comments (a `?>`
/// inside a `//` or `#` comment still ends the block, as in PHP itself).
fn php_block_end(bytes: &[u8], from: usize) -> usize {
    let mut i = from;
    while i < bytes.len() {
        match bytes[i] {
            b'?' if bytes.get(i + 1) == Some(&b'>') => return i + 2,
            quote @ (b'\'' | b'"') => {
                i += 1;
                while i < bytes.len() && bytes[i] != quote {
                    if bytes[i] == b'\\' {
                        i += 1;
                    }
                    i += 1;
                }
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                i = find(bytes, i + 2, b"*/").map_or(bytes.len(), |e| e + 1);
            }
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    if bytes[i] == b'?' && bytes.get(i + 1) == Some(&b'>') {
                        return i + 2;
                    }
                    i += 1;
                }
            }
            _ => {}
        }
        i += 1;
    }
    bytes.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_become_same_length_filler() {
        let page = "<td><?php if ($a > 1) { echo \"?>\"; } ?>x<% Response.Write \"<td>\" %>\r\n<%-- 제주 --%></td>";
        let (masked, blocks) = mask(page);
        assert_eq!(masked.len(), page.len());
        assert_eq!(blocks.len(), 3);
        assert!(blocks[2].is_comment);
        assert!(masked.starts_with("<td>   "));
        assert!(masked.contains("x"));
        assert!(!masked.contains("Response"));
        assert!(!masked.contains("제주"));
        let comment_len = "<%-- 제주 --%>".len();
        assert!(masked.ends_with(&format!("\r\n{}</td>", " ".repeat(comment_len))));
    }

    #[test]
    fn xml_declarations_and_unterminated_blocks() {
        let (masked, blocks) = mask("<?xml version=\"1.0\"?><a><% unterminated");
        assert_eq!(blocks.len(), 1);
        assert!(masked.starts_with("<?xml"));
        assert_eq!(blocks[0].range.end, masked.len());
    }

    #[test]
    fn a_truncated_block_keeps_its_code_to_the_end() {
        // Found by the fuzz harness: cutting a missing `?>` off the end split the last
        // character, and reading the code panicked.
        for page in ["<p><?php $a = '택", "<p><% a = \"택", "<%-- 택"] {
            let (_, blocks) = mask(page);
            assert_eq!(blocks[0].code.end, page.len(), "{page}");
            assert!(page.is_char_boundary(blocks[0].code.end));
        }
    }
}
