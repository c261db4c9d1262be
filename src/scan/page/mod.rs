//! A decoded page made ready for detection: server code masked, markup parsed into a tree,
//! server-side branches located, lines indexed. Built once per file and shared by every rule.

pub mod branches;
pub mod comments;
pub mod lines;
pub mod mask;
pub mod tree;

use std::ops::Range;

use branches::Branch;
use lines::LineIndex;
use mask::ServerBlock;
use tree::Tree;

/// A parsed page. All ranges are byte offsets into `text` (the decoded page).
///
/// The page owns its text (one copy beside the masked one), so that a page parsed once can be
/// kept and read again: the fix stage reuses the page a proof parsed (see
/// `scan::detect::Rewritten`).
#[derive(Debug)]
pub struct Page {
    /// The decoded page as written.
    pub text: String,
    /// The page with server code replaced by spaces; what the detectors read.
    pub masked: String,
    pub blocks: Vec<ServerBlock>,
    pub tree: Tree,
    pub branches: Vec<Branch>,
    pub lines: LineIndex,
    /// What kind of file the page is.
    pub kind: PageKind,
    /// Whether the page's `<% %>` blocks are JSP (C-like) rather than ASP's VBScript.
    percent_is_c_like: bool,
}

/// Markup (with server code and inline scripts) or a script file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageKind {
    Markup,
    /// A `.js` file: all of it is script.
    Script,
}

impl PageKind {
    /// The kind a file's name implies.
    pub fn of_path(path: &std::path::Path) -> PageKind {
        let is_js = path
            .extension()
            .is_some_and(|ext| ext.eq_ignore_ascii_case("js"));
        if is_js {
            PageKind::Script
        } else {
            PageKind::Markup
        }
    }
}

/// A page that the HTML parser gave up on.
#[derive(Debug, thiserror::Error)]
#[error("cannot parse the markup: {0}")]
pub struct ParseError(#[from] lol_html::errors::RewritingError);

impl Page {
    /// Masks, parses and indexes a decoded page.
    pub fn parse(text: &str) -> Result<Page, ParseError> {
        Page::parse_as(text, PageKind::Markup)
    }

    /// Parses a page of a given kind; a script file gets an empty element tree.
    pub fn parse_as(text: &str, kind: PageKind) -> Result<Page, ParseError> {
        let (masked, blocks) = match kind {
            PageKind::Markup => mask::mask(text),
            PageKind::Script => (text.to_string(), Vec::new()),
        };
        let tree = match kind {
            PageKind::Markup => Tree::parse(&masked)?,
            PageKind::Script => Tree::parse("")?,
        };
        let percent_is_c_like = branches::percent_is_c_like(text, &blocks);
        let branches = branches::find(text, &blocks, percent_is_c_like);
        Ok(Page {
            text: text.to_string(),
            lines: LineIndex::new(text),
            masked,
            blocks,
            tree,
            branches,
            kind,
            percent_is_c_like,
        })
    }

    /// The masked text of a range (server code blanked).
    pub fn visible(&self, range: Range<usize>) -> &str {
        &self.masked[range]
    }

    /// Whether a text node is text a buyer reads as such: visible (not script or style) and
    /// not the content of another control (an option, a textarea) or of the page's `<title>`.
    pub fn is_shown_text(&self, id: tree::NodeId) -> bool {
        matches!(
            self.tree.nodes[id].kind,
            tree::NodeKind::Text { raw: false }
        ) && !self.tree.in_control(id)
    }

    /// `range` of the masked text split at each of `breaks` (which belong to no piece), in
    /// order; made as they are read, since the callers read every text node this way.
    pub fn split_at<'p>(
        &'p self,
        range: Range<usize>,
        breaks: &'p [char],
    ) -> impl Iterator<Item = Range<usize>> + 'p {
        let base = range.start;
        let text = self.visible(range);
        let mut start = base;
        (text.match_indices(breaks))
            .map(|(at, found)| (at, at + found.len()))
            .chain(std::iter::once((text.len(), text.len())))
            .map(move |(end, next)| {
                let piece = start..base + end;
                start = base + next;
                piece
            })
    }

    /// How comments are written in a server block of this page.
    pub fn comment_syntax(&self, block: &ServerBlock) -> comments::Syntax {
        match block.dialect {
            mask::Dialect::Php => comments::Syntax::CLike { hash: true },
            mask::Dialect::Percent if self.percent_is_c_like => {
                comments::Syntax::CLike { hash: false }
            }
            mask::Dialect::Percent => comments::Syntax::Vb,
        }
    }

    /// Whether any server code lies inside `range`.
    pub fn has_server_code(&self, range: &Range<usize>) -> bool {
        holds_server_code(&self.blocks, range)
    }

    /// What `judge` makes of the condition of the innermost server branch around `offset`
    /// among those it makes something of (a detector asks which scheme a branch selects).
    pub fn innermost_branch<T>(
        &self,
        offset: usize,
        judge: impl Fn(&str) -> Option<T>,
    ) -> Option<T> {
        self.branches
            .iter()
            .filter(|b| b.region.contains(&offset))
            .filter_map(|b| Some((b.region.len(), judge(&b.condition)?)))
            .min_by_key(|(len, _)| *len)
            .map(|(_, judged)| judged)
    }
}

/// Whether any of `blocks` (a page's server code, in page order) lies inside `range`.
fn holds_server_code(blocks: &[ServerBlock], range: &Range<usize>) -> bool {
    // Blocks are disjoint and in page order: only the first one ending after `range.start`
    // can overlap it.
    let first = blocks.partition_point(|b| b.range.end <= range.start);
    blocks.get(first).is_some_and(|b| b.range.start < range.end)
}

/// `text`, a markup page, with the content of its HTML comments replaced by spaces (`<!--`
/// and `-->` kept, so every offset and every boundary around a comment stays): the page as
/// detection reads it, for no form reads inside a comment (a list a shop commented out when
/// the card moved is shown to no buyer). A comment holding server code is kept whole, since
/// the code still runs, and so is one the parser ends otherwise than with `-->`.
pub fn blank_comment_contents(text: &str) -> Result<String, ParseError> {
    let (masked, blocks) = mask::mask(text);
    let mut shown = text.as_bytes().to_vec();
    for comment in Tree::comments(&masked)? {
        let written = &masked[comment.clone()];
        if comment.len() < "<!---->".len()
            || !written.starts_with("<!--")
            || !written.ends_with("-->")
        {
            continue;
        }
        let content = comment.start + "<!--".len()..comment.end - "-->".len();
        if !holds_server_code(&blocks, &content) {
            shown[content].fill(b' ');
        }
    }
    // Only whole characters between two ASCII delimiters became spaces.
    Ok(String::from_utf8(shown).expect("blanking whole characters keeps UTF-8"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comment_contents_are_blanked_where_the_parser_reads_comments() {
        let page = concat!(
            "<p>안심클릭</p><!-- 안심클릭: 외환, 삼성, 제주 (2012) -->\r\n",
            "<script><!--\nvar MPI = ['제주'];\n//--></script>",
            "<input value=\"<!-- 제주 -->\">",
            "<!-- <?php if ($card == '제주') $certitype = 'M'; ?> -->",
            "<!-- <% If card = \"제주\" Then certitype = \"M\" %> -->",
            "<!-- 제주 --!><!-- 제주",
        );
        let shown = blank_comment_contents(page).unwrap();
        assert_eq!(shown.len(), page.len());
        let blanked = "<!--".to_string()
            + &" ".repeat("<!-- 안심클릭: 외환, 삼성, 제주 (2012) -->".len() - 7)
            + "-->";
        let expected = page.replacen("<!-- 안심클릭: 외환, 삼성, 제주 (2012) -->", &blanked, 1);
        assert_eq!(shown, expected);
    }

    #[test]
    fn server_code_overlap_at_block_boundaries() {
        let text = "<a><% x %>b<?php y ?>c";
        let page = Page::parse(text).unwrap();
        let asp = text.find("<%").unwrap();
        let php = text.find("<?php").unwrap();
        assert!(!page.has_server_code(&(0..asp)));
        assert!(page.has_server_code(&(0..asp + 1)));
        let between = text.find("b<?php").unwrap();
        assert!(!page.has_server_code(&(between..between + 1)));
        assert!(page.has_server_code(&(php + 3..php + 4)));
        assert!(!page.has_server_code(&(text.len() - 1..text.len())));
    }
}
