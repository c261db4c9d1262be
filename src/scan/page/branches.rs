//! Server-side branches: which parts of a page are shown only under some condition.
//!
//! KSPAY's card pages wrap the MPI card list in `<% If certitype = "M" Then %> ... <% End If %>`
//! (or the PHP/JSP equivalent). This module reads just enough of the server code to know the
//! regions those branches cover and the condition of each. It does not evaluate anything.

use std::ops::Range;

use super::mask::{Dialect, ServerBlock};

/// A region of the page shown only when `condition` holds (`""` for an `else` branch).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Branch {
    pub region: Range<usize>,
    pub condition: String,
}

struct Frame {
    condition: Option<String>,
    start: usize,
    /// PHP's `if (...):` ... `endif;` form rather than braces.
    alternative_syntax: bool,
}

/// Finds the branches opened and closed by the page's server code.
/// `percent_is_c_like`: the page's `<% %>` blocks are JSP rather than ASP's VBScript.
pub fn find(text: &str, blocks: &[ServerBlock], percent_is_c_like: bool) -> Vec<Branch> {
    let code_blocks: Vec<&ServerBlock> = blocks.iter().filter(|b| !b.is_comment).collect();
    let mut branches = Vec::new();
    let mut c_like = CLikeScanner::default();
    let mut vb = VbScanner::default();
    for block in code_blocks {
        let c_syntax = block.dialect == Dialect::Php || percent_is_c_like;
        if c_syntax {
            c_like.scan(text, block.code.clone(), block.dialect, &mut branches);
        } else {
            vb.scan(text, block.code.clone(), &mut branches);
        }
    }
    branches
}

/// Whether the page's `<% %>` blocks are JSP (C-like): any block has braces or a directive.
/// Otherwise they are ASP's VBScript.
pub fn percent_is_c_like(text: &str, blocks: &[ServerBlock]) -> bool {
    blocks.iter().filter(|b| !b.is_comment).any(|b| {
        b.dialect == Dialect::Percent && {
            let code = &text[b.code.clone()];
            code.contains('{') || code.contains('}') || code.trim_start().starts_with("@ page")
        }
    })
}

#[derive(Default)]
struct CLikeScanner {
    frames: Vec<Frame>,
    /// Condition of an `if`/`else` waiting for its `{` or `:`.
    pending: Option<String>,
}

impl CLikeScanner {
    fn scan(&mut self, text: &str, code: Range<usize>, dialect: Dialect, out: &mut Vec<Branch>) {
        let bytes = text.as_bytes();
        let mut i = code.start;
        while i < code.end {
            let b = bytes[i];
            match b {
                b'"' | b'\'' => i = skip_string(bytes, i, code.end),
                b'/' if bytes.get(i + 1) == Some(&b'/') => i = skip_line(bytes, i, code.end),
                b'#' if dialect == Dialect::Php => i = skip_line(bytes, i, code.end),
                b'/' if bytes.get(i + 1) == Some(&b'*') => {
                    i = find_from(bytes, i + 2, code.end, b"*/").map_or(code.end, |e| e + 2);
                }
                b'{' => {
                    self.frames.push(Frame {
                        condition: self.pending.take(),
                        start: i + 1,
                        alternative_syntax: false,
                    });
                    i += 1;
                }
                b'}' => {
                    self.close(i, out, false);
                    i += 1;
                }
                b':' if self.pending.is_some() && bytes.get(i + 1) != Some(&b':') => {
                    self.frames.push(Frame {
                        condition: self.pending.take(),
                        start: i + 1,
                        alternative_syntax: true,
                    });
                    i += 1;
                }
                _ if b.is_ascii_alphabetic() && (i == 0 || !is_ident_byte(bytes[i - 1])) => {
                    let word_end = (i..code.end)
                        .find(|&j| !is_ident_byte(bytes[j]))
                        .unwrap_or(code.end);
                    let word = text[i..word_end].to_ascii_lowercase();
                    i = self.keyword(text, &word, i, word_end, code.end, out);
                }
                _ => i += 1,
            }
        }
    }

    /// Handles `if`, `elseif`, `else if`, `else`, `endif`; returns where to continue.
    fn keyword(
        &mut self,
        text: &str,
        word: &str,
        start: usize,
        end: usize,
        limit: usize,
        out: &mut Vec<Branch>,
    ) -> usize {
        let bytes = text.as_bytes();
        match word {
            "if" | "elseif" => {
                if word == "elseif" {
                    self.close(start, out, true);
                }
                let open = skip_spaces(bytes, end, limit);
                if bytes.get(open) == Some(&b'(') {
                    let Some(close) = matching_bracket(bytes, open, limit) else {
                        // An unclosed condition runs to the end of the block.
                        self.pending = Some(text[open + 1..limit].to_string());
                        return limit;
                    };
                    self.pending = Some(text[open + 1..close - 1].to_string());
                    return close;
                }
                end
            }
            "else" => {
                self.close(start, out, true);
                let next = skip_spaces(bytes, end, limit);
                let followed_by_if = text[next..limit].get(..2).is_some_and(|w| w == "if")
                    && !bytes.get(next + 2).copied().is_some_and(is_ident_byte);
                if !followed_by_if {
                    self.pending = Some(String::new());
                }
                end
            }
            "endif" => {
                self.close(start, out, true);
                end
            }
            _ => end,
        }
    }

    /// Ends the innermost frame at `at`; with `alternative_only`, only a `:` frame.
    fn close(&mut self, at: usize, out: &mut Vec<Branch>, alternative_only: bool) {
        let Some(frame) = self.frames.last() else {
            return;
        };
        if alternative_only && !frame.alternative_syntax {
            return;
        }
        let frame = self.frames.pop().expect("checked above");
        if let Some(condition) = frame.condition {
            out.push(Branch {
                region: frame.start..at,
                condition,
            });
        }
    }
}

#[derive(Default)]
struct VbScanner {
    frames: Vec<Frame>,
}

impl VbScanner {
    fn scan(&mut self, text: &str, code: Range<usize>, out: &mut Vec<Branch>) {
        for statement in vb_statements(text, code) {
            let source = &text[statement.clone()];
            let lower = source.trim().to_ascii_lowercase();
            let opens_block = lower.ends_with("then");
            if lower.starts_with("elseif") && opens_block {
                self.close(statement.start, out);
                self.open(source, "elseif", statement.end);
            } else if (lower.starts_with("if ") || lower.starts_with("if(")) && opens_block {
                self.open(source, "if", statement.end);
            } else if lower == "else" {
                self.close(statement.start, out);
                self.frames.push(Frame {
                    condition: Some(String::new()),
                    start: statement.end,
                    alternative_syntax: false,
                });
            } else if lower.starts_with("end if") || lower == "endif" {
                self.close(statement.start, out);
            }
        }
    }

    fn open(&mut self, statement: &str, keyword: &str, region_start: usize) {
        let trimmed = statement.trim();
        let condition = &trimmed[keyword.len()..trimmed.len() - "then".len()];
        self.frames.push(Frame {
            condition: Some(condition.trim().to_string()),
            start: region_start,
            alternative_syntax: false,
        });
    }

    fn close(&mut self, at: usize, out: &mut Vec<Branch>) {
        if let Some(Frame {
            condition: Some(condition),
            start,
            ..
        }) = self.frames.pop()
        {
            out.push(Branch {
                region: start..at,
                condition,
            });
        }
    }
}

/// VBScript statements of a block: split at line ends and `:`, with `'` comments cut off.
fn vb_statements(text: &str, code: Range<usize>) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut statements = Vec::new();
    let mut start = code.start;
    let mut i = code.start;
    let mut in_comment = false;
    let mut comment_start = code.end;
    while i < code.end {
        match bytes[i] {
            b'"' if !in_comment => {
                i += 1;
                while i < code.end && bytes[i] != b'"' {
                    i += 1;
                }
            }
            b'\'' if !in_comment => {
                in_comment = true;
                comment_start = i;
            }
            b'\n' | b':' if !in_comment || bytes[i] == b'\n' => {
                statements.push(start..i.min(comment_start));
                start = i + 1;
                in_comment = false;
                comment_start = code.end;
            }
            _ => {}
        }
        i += 1;
    }
    statements.push(start..code.end.min(comment_start));
    statements
        .into_iter()
        .map(|r| trim_range(text, r))
        .filter(|r| !r.is_empty())
        .collect()
}

fn trim_range(text: &str, range: Range<usize>) -> Range<usize> {
    let slice = &text[range.clone()];
    let start = range.start + (slice.len() - slice.trim_start().len());
    let end = range.end - (slice.len() - slice.trim_end().len());
    start..end.max(start)
}

fn is_ident_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b == b'$'
}

fn skip_spaces(bytes: &[u8], mut i: usize, limit: usize) -> usize {
    while i < limit && bytes[i].is_ascii_whitespace() {
        i += 1;
    }
    i
}

/// Index just past the string literal that starts at `start` (quote at `start`).
pub(crate) fn skip_string(bytes: &[u8], start: usize, limit: usize) -> usize {
    let quote = bytes[start];
    let mut i = start + 1;
    while i < limit && bytes[i] != quote {
        if bytes[i] == b'\\' {
            i += 1;
        }
        i += 1;
    }
    i + 1
}

fn skip_line(bytes: &[u8], start: usize, limit: usize) -> usize {
    (start..limit).find(|&i| bytes[i] == b'\n').unwrap_or(limit)
}

fn find_from(bytes: &[u8], from: usize, limit: usize, needle: &[u8]) -> Option<usize> {
    bytes
        .get(from..limit)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|i| i + from)
}

/// Index just past the bracket that closes the `(`, `{` or `[` at `open`, skipping string
/// literals; `None` when it is not closed before `limit` (a truncated or broken page).
pub(crate) fn matching_bracket(bytes: &[u8], open: usize, limit: usize) -> Option<usize> {
    let (opening, closing) = match bytes[open] {
        b'{' => (b'{', b'}'),
        b'[' => (b'[', b']'),
        _ => (b'(', b')'),
    };
    let mut depth = 0usize;
    let mut i = open;
    while i < limit {
        match bytes[i] {
            b'"' | b'\'' => {
                i = skip_string(bytes, i, limit);
                continue;
            }
            b if b == opening => depth += 1,
            b if b == closing => {
                depth -= 1;
                if depth == 0 {
                    return Some(i + 1);
                }
            }
            _ => {}
        }
        i += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scan::page::mask::mask;

    fn branches(page: &str) -> Vec<(String, String)> {
        // Regions run between the blocks' code; what a reader sees there is the masked text.
        let (masked, blocks) = mask(page);
        find(page, &blocks, percent_is_c_like(page, &blocks))
            .into_iter()
            .map(|b| (b.condition, masked[b.region].trim().to_string()))
            .collect()
    }

    #[test]
    fn asp_if_elseif_else() {
        let page = "<% If certitype = \"M\" Then ' MPI\r\n%>mpi<% ElseIf certitype = \"I\" Then %>isp<% Else %>other<% End If %><% If a Then b %>";
        assert_eq!(
            branches(page),
            [
                ("certitype = \"M\"".into(), "mpi".into()),
                ("certitype = \"I\"".into(), "isp".into()),
                (String::new(), "other".into()),
            ]
        );
    }

    #[test]
    fn php_braces_alternative_syntax_and_jsp() {
        let php = "<?php if ($certitype == \"M\") { ?>mpi<?php } else if ($certitype == 'I') { ?>isp<?php } ?><?php if ($x): ?>alt<?php endif; ?>";
        assert_eq!(
            branches(php),
            [
                ("$certitype == \"M\"".into(), "mpi".into()),
                ("$certitype == 'I'".into(), "isp".into()),
                ("$x".into(), "alt".into()),
            ]
        );
        let jsp =
            "<%@ page contentType=\"text/html\" %><% if (\"M\".equals(certitype)) { %>mpi<% } %>";
        assert_eq!(
            branches(jsp),
            [("\"M\".equals(certitype)".into(), "mpi".into())]
        );
    }
}
