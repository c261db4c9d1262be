//! Placing a finding in its file: line and column of its span and of each edit, and the part
//! of its source line a report shows.

use std::ops::Range;

use crate::diagnostics::{Finding, Located, LocatedEdit};
use crate::scan::page::Page;
use crate::scan::page::lines::without_ending;

/// The finding placed by line and column, with its line; its fingerprint is filled in later.
pub fn locate(page: &Page, finding: Finding) -> Located {
    let (line, column) = page.lines.position(&page.text, finding.span.start);
    let (end_line, end_column) = page.lines.position(&page.text, finding.span.end);
    let line_range = page.lines.line_of(finding.span.start);
    let whole_line = without_ending(&page.text[line_range.clone()]);
    // The span within its line, in bytes (to the line's end if it spans lines).
    let span_start = (finding.span.start - line_range.start).min(whole_line.len());
    let span_end = match end_line == line {
        true => finding.span.end - line_range.start,
        false => whole_line.len(),
    };
    let (source_line, line_span) = clip_line(whole_line, span_start..span_end.max(span_start));
    let edits = finding
        .edits
        .iter()
        .map(|edit| {
            let (line, column) = page.lines.position(&page.text, edit.range.start);
            let (end_line, end_column) = page.lines.position(&page.text, edit.range.end);
            LocatedEdit {
                line,
                column,
                end_line,
                end_column,
                replacement: edit.replacement.clone(),
            }
        })
        .collect();
    Located {
        edits,
        fingerprint: String::new(),
        fix_dropped: None,
        line_span,
        finding,
        line,
        column,
        end_line,
        end_column,
        source_line,
    }
}

/// How many characters of a finding's line are kept on each side of it, and of the finding
/// itself: a line of a few hundred characters is kept whole, while N findings on one line of
/// megabytes (a hostile page) cost N windows, not N copies of the line.
const LINE_CONTEXT_CHARS: usize = 300;

/// What marks a clipped end of a kept line, so that nothing is hidden silently.
pub const CLIPPED: char = '…';

/// The part of `line` around the byte range `span` (on character boundaries) that a finding
/// keeps: at most [`LINE_CONTEXT_CHARS`] characters on each side and of the span itself, with
/// [`CLIPPED`] where the line goes on. Returns the kept text and the span's character range
/// in it.
fn clip_line(line: &str, span: Range<usize>) -> (String, Range<usize>) {
    let floor = |mut at: usize| {
        while !line.is_char_boundary(at) {
            at -= 1;
        }
        at
    };
    let (start, end) = (floor(span.start), floor(span.end.min(line.len())));
    let forward = |from: usize, chars: usize| {
        line[from..]
            .char_indices()
            .nth(chars)
            .map_or(line.len(), |(at, _)| from + at)
    };
    let end = end.min(forward(start, LINE_CONTEXT_CHARS));
    let kept_start = line[..start]
        .char_indices()
        .rev()
        .nth(LINE_CONTEXT_CHARS - 1)
        .map_or(0, |(at, _)| at);
    let kept_end = forward(end, LINE_CONTEXT_CHARS);
    let mut kept = String::with_capacity(kept_end - kept_start + 8);
    if kept_start > 0 {
        kept.push(CLIPPED);
    }
    kept.push_str(&line[kept_start..kept_end]);
    if kept_end < line.len() {
        kept.push(CLIPPED);
    }
    let before = usize::from(kept_start > 0) + line[kept_start..start].chars().count();
    let span_chars = line[start..end].chars().count();
    (kept, before..before + span_chars)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_lines_are_kept_whole_and_long_ones_clipped_around_the_finding() {
        let line = "안심클릭 : 외환, 제주";
        let at = line.find("제주").unwrap();
        let (kept, span) = clip_line(line, at..at + "제주".len());
        assert_eq!(kept, line);
        assert_eq!(
            kept.chars()
                .skip(span.start)
                .take(span.len())
                .collect::<String>(),
            "제주"
        );

        let long = format!("{}제주{}", "삼성, ".repeat(1000), "현대, ".repeat(1000));
        let at = long.find("제주").unwrap();
        let (kept, span) = clip_line(&long, at..at + "제주".len());
        assert!(kept.starts_with(CLIPPED) && kept.ends_with(CLIPPED));
        assert_eq!(kept.chars().count(), 2 * LINE_CONTEXT_CHARS + 2 + 2);
        assert_eq!(
            kept.chars()
                .skip(span.start)
                .take(span.len())
                .collect::<String>(),
            "제주"
        );
    }
}
