//! Where a page's suppression directives are, and what each one covers.
//!
//! A directive counts only inside a comment, as the page model already knows them: an HTML
//! comment node, a server block that is a comment (`<%-- --%>`), a comment in a server block's
//! code (read by [`comments::ranges`] in the block's own syntax), or a `//`/`/* */` comment in a
//! `.js` file or an inline `<script>`. The same words in visible text, an attribute or a string
//! literal are not a directive.

use std::ops::Range;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder};

use crate::scan::page::comments::{self, Syntax};
use crate::scan::page::mask::{Dialect, ServerBlock};
use crate::scan::page::tree::NodeKind;
use crate::scan::page::{Page, PageKind};

/// What starts a directive; matched without regard to ASCII case.
pub const MARKER: &str = "kspay-migrate:";

/// Script comments: JavaScript's `//` and `/* */`.
const SCRIPT: Syntax = Syntax::CLike { hash: false };

/// A directive found in a comment.
#[derive(Debug)]
pub struct Placed {
    /// From the marker to the end of the directive's text: what a report points at.
    pub span: Range<usize>,
    /// The directive's text after the marker, to the end of its line or comment.
    pub text: Range<usize>,
    /// What an `ignore` (not `ignore-file`) directive here covers.
    pub here: Coverage,
}

/// The part of a page a directive covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Coverage {
    /// The whole file (`ignore-file`).
    File,
    /// The element that follows the comment, from its start tag to its end tag or implied end.
    Element { name: String, range: Range<usize> },
    /// The next non-blank line after a comment alone on its line(s).
    NextLine(Range<usize>),
    /// The line(s) of a comment that shares its line with other content.
    Line(Range<usize>),
    /// A comment alone at the end of the file: there is nothing below it.
    Nothing,
}

impl Coverage {
    /// Whether a finding starting at byte `offset` lies in the covered part.
    pub fn covers(&self, offset: usize) -> bool {
        match self {
            Coverage::File => true,
            Coverage::Element { range, .. } | Coverage::NextLine(range) | Coverage::Line(range) => {
                range.contains(&offset)
            }
            Coverage::Nothing => false,
        }
    }

    /// How many bytes it covers: the directive with the smallest extent is the most specific.
    pub fn extent(&self) -> usize {
        match self {
            Coverage::File => usize::MAX,
            Coverage::Element { range, .. } | Coverage::NextLine(range) | Coverage::Line(range) => {
                range.len()
            }
            Coverage::Nothing => 0,
        }
    }

    /// Where it looks, for messages: `in the <select> below (lines 12-20)`.
    pub fn describe(&self, page: &Page) -> String {
        let line = |offset: usize| page.lines.position(&page.text, offset).0;
        match self {
            Coverage::File => "in this file".to_string(),
            Coverage::Element { name, range } => {
                let (first, last) = (line(range.start), line(range.end.max(range.start + 1) - 1));
                if first == last {
                    format!("in the <{name}> below (line {first})")
                } else {
                    format!("in the <{name}> below (lines {first}-{last})")
                }
            }
            Coverage::NextLine(range) => format!("on the next line (line {})", line(range.start)),
            Coverage::Line(_) => "on its line".to_string(),
            Coverage::Nothing => "below it (the file ends)".to_string(),
        }
    }
}

/// A directive's comment: where the directive's text must stop, and the span that decides
/// whether the comment stands alone on its line.
struct Comment {
    /// Before the comment's closer (`-->`, `--%>`, `*/`).
    body_end: usize,
    /// The comment, or the whole server block when the block holds nothing but comments
    /// (`<% ' kspay-migrate: ignore %>` stands alone as a block).
    holder: Range<usize>,
}

/// A directive before its coverage is known.
struct Site {
    span: Range<usize>,
    text: Range<usize>,
    holder: Range<usize>,
}

/// Every directive of a page, in page order. One search for the marker; pages without it cost
/// nothing more.
pub fn find(page: &Page) -> Vec<Placed> {
    static FINDER: LazyLock<AhoCorasick> = LazyLock::new(|| {
        AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .build([MARKER])
            .expect("one literal pattern")
    });
    let markers: Vec<Range<usize>> = FINDER.find_iter(&page.text).map(|m| m.range()).collect();
    if markers.is_empty() {
        return Vec::new();
    }
    let sites: Vec<Site> = markers
        .iter()
        .enumerate()
        .filter_map(|(i, marker)| {
            let next_marker = markers.get(i + 1).map_or(page.text.len(), |m| m.start);
            site(page, marker.clone(), next_marker)
        })
        .collect();
    let holders: Vec<Range<usize>> = sites.iter().map(|s| s.holder.clone()).collect();
    sites
        .into_iter()
        .map(|site| Placed {
            here: coverage_here(page, &site.holder, &holders),
            span: site.span,
            text: site.text,
        })
        .collect()
}

/// The directive at `marker`, if the marker lies in a comment. Its text ends at the comment's
/// closer, the line's end or the next marker, whichever comes first.
fn site(page: &Page, marker: Range<usize>, next_marker: usize) -> Option<Site> {
    let comment = comment_at(page, marker.start)?;
    let end = comment
        .body_end
        .min(line_end(&page.text, marker.end))
        .min(next_marker)
        .max(marker.end);
    let written = page.text[marker.end..end].trim_end().len();
    Some(Site {
        span: marker.start..marker.end + written,
        text: marker.end..end,
        holder: comment.holder,
    })
}

/// The comment holding byte `at`, if any.
fn comment_at(page: &Page, at: usize) -> Option<Comment> {
    if page.kind == PageKind::Script {
        return code_comment(&page.text, 0..page.text.len(), SCRIPT, at);
    }
    // Blocks are disjoint and in page order.
    let first = page.blocks.partition_point(|b| b.range.end <= at);
    if let Some(block) = page.blocks.get(first).filter(|b| b.range.start <= at) {
        if block.is_comment {
            return Some(Comment {
                body_end: block.code.end,
                holder: block.range.clone(),
            });
        }
        let syntax = page.comment_syntax(block);
        let comment = code_comment(&page.text, block.code.clone(), syntax, at)?;
        let holder = if holds_only_comments(&page.text, block, syntax) {
            block.range.clone()
        } else {
            comment.holder
        };
        return Some(Comment {
            body_end: comment.body_end,
            holder,
        });
    }
    let tree = &page.tree;
    let node = tree.nodes.iter().find(|node| {
        node.range.contains(&at) && matches!(node.kind, NodeKind::Comment | NodeKind::Text { .. })
    })?;
    match node.kind {
        NodeKind::Comment => {
            let range = node.range.clone();
            let closer = if page.text[range.clone()].ends_with("-->") {
                3
            } else {
                0
            };
            Some(Comment {
                body_end: range.end - closer,
                holder: range,
            })
        }
        NodeKind::Text { raw: true } if node.parent.is_some_and(|p| tree.name(p) == "script") => {
            // The masked text, as the script readers see it: server code inside is blanked.
            code_comment(&page.masked, node.range.clone(), SCRIPT, at)
        }
        _ => None,
    }
}

/// Whether a server block's code is nothing but comments and blanks (after the `php` of
/// `<?php`, which the block's code starts with).
fn holds_only_comments(text: &str, block: &ServerBlock, syntax: Syntax) -> bool {
    let code = block.code.clone();
    let opens_with_php = text[code.clone()]
        .get(..3)
        .is_some_and(|word| word.eq_ignore_ascii_case("php"));
    let lead = if block.dialect == Dialect::Php && opens_with_php {
        3
    } else {
        0
    };
    comments::ranges(text, code.clone(), syntax)
        .try_fold(code.start + lead, |from, c| {
            text[from..c.start].trim().is_empty().then_some(c.end)
        })
        .is_some_and(|last| text[last..code.end].trim().is_empty())
}

/// The comment of `code` (in `text`) that holds byte `at`.
fn code_comment(text: &str, code: Range<usize>, syntax: Syntax, at: usize) -> Option<Comment> {
    let comment = comments::ranges(text, code, syntax)
        .take_while(|c| c.start <= at)
        .find(|c| c.contains(&at))?;
    let block = &text[comment.clone()];
    let closer = if block.len() >= 4 && block.starts_with("/*") && block.ends_with("*/") {
        2
    } else {
        0
    };
    Some(Comment {
        body_end: comment.end - closer,
        holder: comment,
    })
}

/// What an `ignore` directive whose comment spans `holder` covers. `holders` are the spans of
/// every directive comment of the page: stacked directive comments are passed over, so each
/// of them covers the element or line below the stack.
fn coverage_here(page: &Page, holder: &Range<usize>, holders: &[Range<usize>]) -> Coverage {
    let text = page.text.as_str();
    let alone = text[line_start(text, holder.start)..holder.start]
        .trim()
        .is_empty()
        && text[holder.end..line_end(text, holder.end)]
            .trim()
            .is_empty();
    if !alone {
        return Coverage::Line(line_start(text, holder.start)..line_end(text, holder.end));
    }
    let mut at = holder.end;
    loop {
        at = text.len() - text[at..].trim_start().len();
        match holders.iter().find(|h| h.start == at) {
            Some(stacked) => at = stacked.end,
            None => break,
        }
    }
    if at == text.len() {
        return Coverage::Nothing;
    }
    // Node 0 is the document, which starts nowhere on the page.
    let element = page
        .tree
        .nodes
        .iter()
        .skip(1)
        .find_map(|node| match &node.kind {
            NodeKind::Element {
                name, start_tag, ..
            } if start_tag.start == at => Some((name.clone(), node.range.clone())),
            _ => None,
        });
    match element {
        Some((name, range)) => Coverage::Element { name, range },
        None => Coverage::NextLine(line_start(text, at)..line_end(text, at)),
    }
}

/// Where the line holding byte `at` starts.
fn line_start(text: &str, at: usize) -> usize {
    text[..at].rfind('\n').map_or(0, |i| i + 1)
}

/// Where the line holding byte `at` ends (before its `\n`).
fn line_end(text: &str, at: usize) -> usize {
    text[at..].find('\n').map_or(text.len(), |i| at + i)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each directive's text and what an `ignore` there covers, as page text.
    fn placed(page: &str, kind: PageKind) -> Vec<(String, String)> {
        let page = Page::parse_as(page, kind).unwrap();
        find(&page)
            .into_iter()
            .map(|p| {
                let covered = match &p.here {
                    Coverage::Element { range, .. }
                    | Coverage::NextLine(range)
                    | Coverage::Line(range) => page.text[range.clone()].to_string(),
                    other => format!("{other:?}"),
                };
                (page.text[p.span].to_string(), covered)
            })
            .collect()
    }

    fn markup(page: &str) -> Vec<(String, String)> {
        placed(page, PageKind::Markup)
    }

    #[test]
    fn a_comment_alone_covers_the_next_element_or_else_the_next_line() {
        let page = "<ul>\r\n  <!-- kspay-migrate: ignore -->\r\n\r\n  <li>외환, 제주\r\n  <li>비씨\r\n</ul>\r\n<!-- kspay-migrate: ignore -- 안내 -->\r\n  안심클릭: 제주<br>\r\n";
        assert_eq!(
            markup(page),
            [
                (
                    "kspay-migrate: ignore".into(),
                    "<li>외환, 제주\r\n  ".into()
                ),
                (
                    "kspay-migrate: ignore -- 안내".into(),
                    "  안심클릭: 제주<br>\r".into()
                ),
            ]
        );
    }

    #[test]
    fn a_comment_after_or_before_content_covers_its_line() {
        let page = "<p>제주 <!-- kspay-migrate: ignore --></p>\n<!-- kspay-migrate: ignore --> <b>제주</b>\n";
        let found = markup(page);
        assert_eq!(found[0].1, "<p>제주 <!-- kspay-migrate: ignore --></p>");
        assert_eq!(found[1].1, "<!-- kspay-migrate: ignore --> <b>제주</b>");
    }

    #[test]
    fn stacked_directives_all_cover_what_follows_the_stack() {
        let page = "<!-- kspay-migrate: ignore a -->\n<%-- kspay-migrate: ignore b --%>\n<select><option>제주</select>\n";
        let found = markup(page);
        assert_eq!(found.len(), 2);
        for (_, covered) in found {
            assert_eq!(covered, "<select><option>제주</select>");
        }
    }

    #[test]
    fn a_server_block_holding_only_a_comment_stands_alone() {
        for block in [
            "<?php // kspay-migrate: ignore ?>",
            "<?PHP # kspay-migrate: ignore ?>",
            "<? /* kspay-migrate: ignore */ ?>",
            "<% ' kspay-migrate: ignore %>",
            "<% REM kspay-migrate: ignore %>",
        ] {
            let page = format!("<table>\r\n\t{block}\r\n\t<tr><td>제주</td></tr>\r\n</table>");
            assert_eq!(markup(&page)[0].1, "<tr><td>제주</td></tr>", "{block}");
        }
        // With code beside it, the comment is trailing: it covers its own line.
        let page = "<?php $certitype = \"M\"; // kspay-migrate: ignore ?>\n<p>x</p>";
        assert_eq!(
            markup(page)[0].1,
            "<?php $certitype = \"M\"; // kspay-migrate: ignore ?>"
        );
    }

    #[test]
    fn the_directive_text_stops_at_the_comment_closer_or_line_end() {
        // A JSP page (`<%@ page`), so `/* */` is a comment in its `<% %>` blocks.
        let page = "<%@ page contentType=\"text/html\" %><%-- kspay-migrate: ignore-file -- 보관용 --%>\n<% /* kspay-migrate: ignore */ %>\n<script>\n// kspay-migrate: ignore x\r\nvar a = 1; /* kspay-migrate: ignore y\n second line */\n</script>";
        let texts: Vec<String> = markup(page).into_iter().map(|(text, _)| text).collect();
        assert_eq!(
            texts,
            [
                "kspay-migrate: ignore-file -- 보관용",
                "kspay-migrate: ignore",
                "kspay-migrate: ignore x",
                "kspay-migrate: ignore y",
            ]
        );
    }

    #[test]
    fn words_outside_comments_are_not_directives() {
        let page = "<p>kspay-migrate: ignore</p>\n<input value=\"kspay-migrate: ignore\">\n<?php echo '<!-- kspay-migrate: ignore -->'; ?>\n<% x = \"' kspay-migrate: ignore\" %>\n<script>var s = \"// kspay-migrate: ignore\";</script>\n<style>/* kspay-migrate: ignore */</style>\n<textarea>kspay-migrate: ignore</textarea>";
        assert_eq!(markup(page), []);
        let script = "var s = '/* kspay-migrate: ignore */';\nvar t = 1;";
        assert_eq!(placed(script, PageKind::Script), []);
    }

    #[test]
    fn script_files_cover_the_next_line_and_the_file_end_covers_nothing() {
        let script = "// KSPAY-MIGRATE: ignore\r\nvar MPI_CARDS = ['13'];\r\n// kspay-migrate: ignore\r\n\r\n";
        let page = Page::parse_as(script, PageKind::Script).unwrap();
        let found = find(&page);
        assert_eq!(
            found.iter().map(|p| &p.here).collect::<Vec<_>>(),
            [&Coverage::NextLine(26..50), &Coverage::Nothing]
        );
        assert_eq!(&script[26..50], "var MPI_CARDS = ['13'];\r");
    }

    #[test]
    fn an_unterminated_comment_runs_to_the_end_of_the_page() {
        for page in [
            "<p>a</p><!-- kspay-migrate: ignore",
            "<%-- kspay-migrate: ignore",
            "<?php /* kspay-migrate: ignore",
        ] {
            let found = markup(page);
            assert_eq!(found.len(), 1, "{page}");
            assert_eq!(found[0].0, "kspay-migrate: ignore");
        }
    }
}
