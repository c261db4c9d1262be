//! Byte offset to line and column, computed once per page.

use std::ops::Range;

/// The start offset of every line of a text.
#[derive(Debug)]
pub struct LineIndex {
    starts: Vec<usize>,
    len: usize,
}

impl LineIndex {
    /// Indexes the line starts of `text` (lines end at `\n`; a `\r` before it belongs to the line end).
    pub fn new(text: &str) -> LineIndex {
        let mut starts = vec![0];
        starts.extend(
            text.bytes()
                .enumerate()
                .filter(|&(_, b)| b == b'\n')
                .map(|(i, _)| i + 1),
        );
        LineIndex {
            starts,
            len: text.len(),
        }
    }

    /// An index whose line `n` starts at `starts[n - 1]`: for a text assembled from pieces of
    /// another one (markup built in script strings), so that lines are those of the source.
    /// `starts` must begin with 0 and never decrease; lines may be empty.
    pub fn from_starts(starts: Vec<usize>, len: usize) -> LineIndex {
        debug_assert!(starts.first() == Some(&0) && starts.is_sorted());
        LineIndex { starts, len }
    }

    /// Byte offset where each line starts, in order.
    pub fn starts(&self) -> &[usize] {
        &self.starts
    }

    /// 1-based line and 1-based column in characters of the byte `offset`.
    pub fn position(&self, text: &str, offset: usize) -> (usize, usize) {
        // An offset inside a character (a range's last byte, say) is placed at that character.
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&start| start <= offset) - 1;
        let column = text[self.starts[line]..offset].chars().count() + 1;
        (line + 1, column)
    }

    /// Byte range of a 1-based line, with its line ending.
    pub fn line_with_ending(&self, line: usize) -> Range<usize> {
        let start = self.starts[line - 1];
        let end = self.starts.get(line).copied().unwrap_or(self.len);
        start..end
    }

    /// The line (with ending) that holds byte `offset`.
    pub fn line_of(&self, offset: usize) -> Range<usize> {
        let line = self.starts.partition_point(|&start| start <= offset);
        self.line_with_ending(line)
    }
}

/// The line without its `\n` or `\r\n` ending.
pub fn without_ending(text: &str) -> &str {
    text.strip_suffix('\n')
        .map(|t| t.strip_suffix('\r').unwrap_or(t))
        .unwrap_or(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_characters() {
        let text = "ab\r\n외환,제주\n";
        let lines = LineIndex::new(text);
        let jeju = text.find("제주").unwrap();
        assert_eq!(lines.position(text, jeju), (2, 4));
        assert_eq!(&text[lines.line_of(jeju)], "외환,제주\n");
        assert_eq!(without_ending(&text[lines.line_with_ending(1)]), "ab");
    }

    #[test]
    fn an_offset_inside_a_character_is_placed_at_that_character() {
        // A range's last byte (`end - 1`) lies inside a multibyte character.
        let text = "ab\n외환,제주\n";
        let lines = LineIndex::new(text);
        let inside_ju = text.find("주").unwrap() + 2;
        assert_eq!(lines.position(text, inside_ju), (2, 5));
    }
}
