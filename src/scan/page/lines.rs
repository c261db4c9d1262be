//! Byte offset to line and column, computed once per page.

use std::ops::Range;

/// The start offset of every line of a text.
#[derive(Debug)]
pub struct LineIndex {
    starts: Vec<usize>,
    len: usize,
    /// Inside long lines, every [`MARK_STEP`] bytes or so: a byte offset and its 0-based column.
    /// A column is counted from the nearest mark before it instead of from the line's start,
    /// so placing N findings on one line of L bytes costs N × MARK_STEP, not N × L.
    marks: Vec<(usize, usize)>,
}

/// How far apart the column marks of a long line are, in bytes.
const MARK_STEP: usize = 1024;

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
        let marks = column_marks(text, &starts);
        LineIndex {
            starts,
            len: text.len(),
            marks,
        }
    }

    /// An index whose line `n` starts at `starts[n - 1]`: for a text assembled from pieces of
    /// another one (markup built in script strings), so that lines are those of the source.
    /// `starts` must begin with 0 and never decrease; lines may be empty.
    pub fn from_starts(starts: Vec<usize>, len: usize) -> LineIndex {
        debug_assert!(starts.first() == Some(&0) && starts.is_sorted());
        // No marks: the text these lines index is not at hand (columns count from line starts).
        LineIndex {
            starts,
            len,
            marks: Vec::new(),
        }
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
        let line_start = self.starts[line];
        let (from, counted) = match self.marks.partition_point(|&(at, _)| at <= offset) {
            0 => (line_start, 0),
            n => match self.marks[n - 1] {
                (at, column) if at >= line_start => (at, column),
                _ => (line_start, 0),
            },
        };
        let column = counted + text[from..offset].chars().count() + 1;
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

/// Column marks for the lines of `text` longer than [`MARK_STEP`] (see [`LineIndex::marks`]).
fn column_marks(text: &str, starts: &[usize]) -> Vec<(usize, usize)> {
    let mut marks = Vec::new();
    for (i, &start) in starts.iter().enumerate() {
        let end = starts.get(i + 1).copied().unwrap_or(text.len());
        if end - start <= MARK_STEP {
            continue;
        }
        let mut next = start + MARK_STEP;
        for (column, (at, _)) in text[start..end].char_indices().enumerate() {
            if start + at >= next {
                marks.push((start + at, column));
                next = start + at + MARK_STEP;
            }
        }
    }
    marks
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
    fn columns_on_long_lines_count_from_marks_the_same() {
        let text = format!("x\n{}\n{}", "외환,제주 ".repeat(700), "ab ".repeat(900));
        let lines = LineIndex::new(&text);
        assert!(!lines.marks.is_empty());
        for offset in (0..text.len()).filter(|&o| text.is_char_boundary(o)) {
            let line = lines.starts.partition_point(|&start| start <= offset) - 1;
            let column = text[lines.starts[line]..offset].chars().count() + 1;
            assert_eq!(
                lines.position(&text, offset),
                (line + 1, column),
                "{offset}"
            );
        }
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
