//! A light element tree with byte ranges, built from lol_html's token locations.
//!
//! lol_html locates start tags, end tags, text and comments in the original bytes but keeps no
//! tree, and it does not close the end tags HTML lets a page omit (`<option>` without
//! `</option>`, `<td>` without `</td>`). This module builds the tree and closes those elements
//! where the next sibling (or the parent's end) implies it. The text between the tokens is
//! read here too, outside SVG and MathML (see [`with_text`]).

use std::cell::RefCell;
use std::ops::Range;
use std::rc::Rc;

use lol_html::html_content::{EndTag, TextType};
use lol_html::{HandlerResult, HtmlRewriter, Settings, doc_comments, doc_text, doctype, element};

/// Index of a node in [`Tree::nodes`].
pub type NodeId = usize;

/// An attribute with its value's location in the page.
#[derive(Debug, Clone)]
pub struct Attr {
    /// Lowercase name.
    pub name: String,
    /// The value as written (entities not decoded).
    pub value: String,
    pub value_range: Option<Range<usize>>,
}

/// What a node is.
#[derive(Debug)]
pub enum NodeKind {
    Element {
        /// Lowercase tag name.
        name: String,
        attrs: Vec<Attr>,
        start_tag: Range<usize>,
        /// The explicit end tag, if the page wrote one.
        end_tag: Option<Range<usize>>,
    },
    Text {
        /// Script or style content, which is code rather than visible text.
        raw: bool,
    },
    Comment,
}

/// One node: its kind, its place in the tree and the bytes it spans.
#[derive(Debug)]
pub struct Node {
    pub kind: NodeKind,
    pub parent: Option<NodeId>,
    pub children: Vec<NodeId>,
    /// From the start of the start tag to the end of the end tag, or to where the element
    /// implicitly ends.
    pub range: Range<usize>,
}

/// The element tree of a page. Node 0 is the document.
#[derive(Debug)]
pub struct Tree {
    pub nodes: Vec<Node>,
    /// By node: whether an ancestor is a control or the page's title (`select`, `option`,
    /// `textarea`, `title`), whose text a buyer does not read as text. Kept as nodes are
    /// added, so asking costs nothing however deep the tree.
    in_control: Vec<bool>,
}

/// A token as lol_html reports it, in document order.
enum Token {
    Start {
        name: String,
        attrs: Vec<Attr>,
        range: Range<usize>,
        is_void: bool,
        /// How the parser reads what follows the start tag up to the next tag.
        content: Content,
    },
    End {
        name: String,
        range: Range<usize>,
    },
    Text {
        range: Range<usize>,
        raw: bool,
    },
    Comment {
        range: Range<usize>,
    },
    /// A doctype: markup that makes no node.
    Doctype {
        range: Range<usize>,
    },
}

impl Token {
    fn range(&self) -> &Range<usize> {
        match self {
            Token::Start { range, .. }
            | Token::End { range, .. }
            | Token::Text { range, .. }
            | Token::Comment { range }
            | Token::Doctype { range } => range,
        }
    }
}

/// How the HTML parser reads the text after a start tag.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Content {
    /// Markup: text up to the next tag.
    Markup,
    /// Text alone up to the element's end tag: script or style code (`raw`), or a
    /// `textarea`'s or `title`'s text.
    TextOnly { raw: bool },
}

impl Content {
    /// What follows an HTML start tag named `name`.
    fn after(name: &str) -> Content {
        match name {
            "script" | "style" | "iframe" | "xmp" | "noembed" | "noframes" | "noscript"
            | "plaintext" => Content::TextOnly { raw: true },
            "textarea" | "title" => Content::TextOnly { raw: false },
            _ => Content::Markup,
        }
    }
}

/// How deep elements nest at most, as in Blink's HTML parser (its DOM tree depth limit): an
/// element opened deeper closes the innermost open one and takes its place, becoming its
/// sibling. Forms read a section's whole subtree, so on a page nesting thousands of elements
/// that are never closed (a hostile page) every element would cost its depth; no real page
/// nests anywhere near this deep.
const MAX_DEPTH: usize = 512;

/// Elements that a start tag of the given name implicitly closes, and where the search stops.
fn implied_closes(name: &str) -> (&'static [&'static str], &'static [&'static str]) {
    const TABLE: &[&str] = &["table"];
    const LIST: &[&str] = &["ul", "ol", "menu"];
    const SELECT: &[&str] = &["select", "datalist"];
    match name {
        "option" => (&["option"], SELECT),
        "optgroup" => (&["option", "optgroup"], SELECT),
        "li" => (&["li"], LIST),
        "dt" | "dd" => (&["dt", "dd"], &["dl"]),
        "td" | "th" => (&["td", "th"], &["tr", "table"]),
        "tr" => (&["tr", "td", "th"], TABLE),
        "thead" | "tbody" | "tfoot" => (&["thead", "tbody", "tfoot", "tr", "td", "th"], TABLE),
        "p" | "div" | "ul" | "ol" | "dl" | "table" | "form" | "fieldset" | "h1" | "h2" | "h3"
        | "h4" | "h5" | "h6" | "pre" | "blockquote" | "hr" | "address" | "section" => {
            (&["p"], &["td", "th", "li", "div", "table", "body"])
        }
        _ => (&[], &[]),
    }
}

/// The parser's settings: it reads on through markup it finds ambiguous (a shop page is
/// read as a browser reads it, never refused).
fn lenient<'h>() -> Settings<'h, 'static> {
    Settings::new().with_strict(false)
}

/// Runs the parser over `masked` with `settings`' handlers; what it would write is dropped.
fn rewrite(masked: &str, settings: Settings) -> Result<(), lol_html::errors::RewritingError> {
    let mut rewriter = HtmlRewriter::new(settings, |_: &[u8]| {});
    // One write: a chunk boundary inside a multibyte character would shift offsets.
    rewriter.write(masked.as_bytes())?;
    rewriter.end()
}

/// How many `<` the page holds, and whether one opens SVG or MathML (`<svg`, `<math`, in any
/// case).
fn tags_and_foreign_content(masked: &str) -> (usize, bool) {
    let bytes = masked.as_bytes();
    let mut foreign = false;
    let mut tags = 0;
    for lt in memchr::memchr_iter(b'<', bytes) {
        tags += 1;
        let name = &bytes[lt + 1..];
        foreign = foreign
            || name
                .get(..3)
                .is_some_and(|n| n.eq_ignore_ascii_case(b"svg"))
            || name
                .get(..4)
                .is_some_and(|n| n.eq_ignore_ascii_case(b"math"));
    }
    (tags, foreign)
}

/// `tokens` (of a page without SVG or MathML) with the page's text between them: what lies
/// between two tags, comments or a doctype is text, but for what the parser reads there and
/// reports to no handler (an end tag that closes nothing, `</>`, a tag cut off by the end of
/// the page). Asking the parser for its text cost a fifth of the parse: it decodes every piece
/// for a handler that only needs where it lies. The tests compare both ways on generated
/// markup and on every sample and case page.
fn with_text(tokens: Vec<Token>, masked: &str) -> Vec<Token> {
    let mut out = Vec::with_capacity(tokens.len() * 2 + 1);
    let mut read_to = 0;
    let mut content = Content::Markup;
    for token in tokens {
        let start = token.range().start;
        if start > read_to {
            push_text(&mut out, masked, read_to..start, content);
        }
        read_to = read_to.max(token.range().end);
        content = match &token {
            Token::Start { content, .. } => *content,
            _ => Content::Markup,
        };
        out.push(token);
    }
    if masked.len() > read_to {
        push_text(&mut out, masked, read_to..masked.len(), content);
    }
    out
}

/// The text nodes of `gap`, which lies between two tokens and is read as `content`.
fn push_text(out: &mut Vec<Token>, masked: &str, gap: Range<usize>, content: Content) {
    if let Content::TextOnly { raw } = content {
        out.push(Token::Text { range: gap, raw });
        return;
    }
    let bytes = masked.as_bytes();
    let mut start = gap.start;
    let mut at = gap.start;
    while let Some(found) = memchr::memchr(b'<', &bytes[at..gap.end]) {
        let lt = at + found;
        let next = bytes.get(lt + 1).copied().unwrap_or(0);
        let after = bytes.get(lt + 2).copied().unwrap_or(0);
        // Markup no handler saw: an end tag closing nothing, `</>`, or (what every other
        // `<` and a letter, `<!` or `<?` would start) a tag the page's end cuts off.
        let markup_end = match (next, after) {
            (b'/', b'>') => Some(lt + 3),
            (b'/', c) if c.is_ascii_alphabetic() => tag_end(&bytes[..gap.end], lt + 2),
            (c, _) if c.is_ascii_alphabetic() || c == b'!' || c == b'?' => None,
            _ => {
                at = lt + 1;
                continue;
            }
        };
        if lt > start {
            out.push(Token::Text {
                range: start..lt,
                raw: false,
            });
        }
        match markup_end {
            Some(end) => (start, at) = (end, end),
            None => return,
        }
    }
    if gap.end > start {
        out.push(Token::Text {
            range: start..gap.end,
            raw: false,
        });
    }
}

/// The text nodes as the parser reports them (the pieces of one node joined).
fn parser_text(masked: &str) -> Result<Vec<Token>, lol_html::errors::RewritingError> {
    let mut texts = Vec::new();
    let mut start = None;
    let settings = lenient().append_document_content_handler(doc_text!(|chunk| {
        let range = chunk.source_location().bytes();
        let from = *start.get_or_insert(range.start);
        if chunk.last_in_text_node() {
            start = None;
            if range.end > from {
                let raw = matches!(
                    chunk.text_type(),
                    TextType::ScriptData | TextType::RawText | TextType::PlainText
                );
                texts.push(Token::Text {
                    range: from..range.end,
                    raw,
                });
            }
        }
        Ok(())
    }));
    rewrite(masked, settings)?;
    Ok(texts)
}

/// Where the tag whose name starts at `at` ends (past its `>`), read as the HTML tokenizer
/// reads a tag: a `>` inside a quoted attribute value does not end it. `None`: the page ends
/// first.
fn tag_end(bytes: &[u8], mut at: usize) -> Option<usize> {
    let is_space = |b: u8| matches!(b, b'\t' | b'\n' | b'\r' | 0x0C | b' ');
    let ends_a_name = |b: u8| is_space(b) || b == b'/' || b == b'>';
    let skip = |at: &mut usize, while_: &dyn Fn(u8) -> bool| {
        while bytes.get(*at).is_some_and(|&b| while_(b)) {
            *at += 1;
        }
    };
    skip(&mut at, &|b| !ends_a_name(b));
    loop {
        skip(&mut at, &|b| is_space(b) || b == b'/');
        match *bytes.get(at)? {
            b'>' => return Some(at + 1),
            // An attribute's name: its first character may be anything, even `=`.
            _ => at += 1,
        }
        skip(&mut at, &|b| !ends_a_name(b) && b != b'=');
        skip(&mut at, &is_space);
        if bytes.get(at) != Some(&b'=') {
            continue;
        }
        at += 1;
        skip(&mut at, &is_space);
        match *bytes.get(at)? {
            quote @ (b'"' | b'\'') => at += 2 + memchr::memchr(quote, &bytes[at + 1..])?,
            b'>' => return Some(at + 1),
            _ => skip(&mut at, &|b| !is_space(b) && b != b'>'),
        }
    }
}

impl Tree {
    /// Parses `masked` (the page with server code blanked out) into a tree.
    pub fn parse(masked: &str) -> Result<Tree, lol_html::errors::RewritingError> {
        let (tags, foreign) = tags_and_foreign_content(masked);
        // About a token for each `<` (text is read between them afterwards): one allocation.
        let tokens = Rc::new(RefCell::new(Vec::with_capacity(tags + 1)));
        {
            let on_element = Rc::clone(&tokens);
            let on_comment = Rc::clone(&tokens);
            let on_doctype = Rc::clone(&tokens);
            let settings = lenient()
                .append_element_content_handler(element!("*", move |el| {
                    let attrs = el
                        .attributes()
                        .iter()
                        .map(|a| Attr {
                            name: a.name(),
                            value: a.value(),
                            value_range: a.value_source_location().map(|l| l.bytes()),
                        })
                        .collect();
                    let name = el.tag_name();
                    let content = Content::after(&name);
                    on_element.borrow_mut().push(Token::Start {
                        name,
                        attrs,
                        range: el.source_location().bytes(),
                        is_void: !el.can_have_content(),
                        content,
                    });
                    if let Some(handlers) = el.end_tag_handlers() {
                        let on_end = Rc::clone(&on_element);
                        let handler: Box<
                            dyn for<'a, 'b> FnOnce(&'a mut EndTag<'b>) -> HandlerResult,
                        > = Box::new(move |end| {
                            on_end.borrow_mut().push(Token::End {
                                name: end.name(),
                                range: end.source_location().bytes(),
                            });
                            Ok(())
                        });
                        handlers.push(handler);
                    }
                    Ok(())
                }))
                .append_document_content_handler(doctype!(move |doctype| {
                    on_doctype.borrow_mut().push(Token::Doctype {
                        range: doctype.source_location().bytes(),
                    });
                    Ok(())
                }))
                .append_document_content_handler(doc_comments!(move |comment| {
                    on_comment.borrow_mut().push(Token::Comment {
                        range: comment.source_location().bytes(),
                    });
                    Ok(())
                }));
            rewrite(masked, settings)?;
        }
        let tokens = Rc::try_unwrap(tokens)
            .ok()
            .expect("handlers are dropped with the rewriter")
            .into_inner();
        // In SVG or MathML the parser reads text its own way (CDATA sections, a `<title>` that
        // holds markup): there it is asked for the text, in a second pass.
        let tokens = match foreign {
            true => {
                let mut tokens = tokens;
                tokens.extend(parser_text(masked)?);
                // Stable: end tags reported at one place keep their order.
                tokens.sort_by_key(|token| token.range().start);
                tokens
            }
            false => with_text(tokens, masked),
        };
        Ok(Tree::build(tokens, masked.len()))
    }

    /// The byte range of every comment in `masked` (the page with server code blanked out),
    /// as [`Tree::parse`] places them: the same parser, asked for comments alone, which costs
    /// a small part of a full parse (about 160,000 instructions against 1.2 million on a 4 KB
    /// shop page). For the gate, which needs no tree.
    pub fn comments(masked: &str) -> Result<Vec<Range<usize>>, lol_html::errors::RewritingError> {
        let mut comments = Vec::new();
        let settings = lenient().append_document_content_handler(doc_comments!(|comment| {
            comments.push(comment.source_location().bytes());
            Ok(())
        }));
        rewrite(masked, settings)?;
        Ok(comments)
    }

    fn build(tokens: Vec<Token>, len: usize) -> Tree {
        // A node per token but end tags, and the document: one allocation.
        let ends = (tokens.iter())
            .filter(|token| matches!(token, Token::End { .. }))
            .count();
        let mut nodes = Vec::with_capacity(tokens.len() - ends + 1);
        nodes.push(Node {
            kind: NodeKind::Element {
                name: "#document".into(),
                attrs: Vec::new(),
                start_tag: 0..0,
                end_tag: None,
            },
            parent: None,
            children: Vec::new(),
            range: 0..len,
        });
        let mut in_control = Vec::with_capacity(nodes.capacity());
        in_control.push(false);
        let mut tree = Tree { nodes, in_control };
        let mut open: Vec<NodeId> = vec![0];
        let mut last_end: Option<Range<usize>> = None;
        for token in tokens {
            match token {
                Token::Start {
                    name,
                    attrs,
                    range,
                    is_void,
                    ..
                } => {
                    let (closes, boundary) = implied_closes(&name);
                    tree.close_implied(&mut open, closes, boundary, range.start);
                    if open.len() > MAX_DEPTH {
                        let innermost = open.pop().expect("the document is always open");
                        tree.nodes[innermost].range.end = range.start;
                    }
                    let id = tree.push(
                        open[open.len() - 1],
                        NodeKind::Element {
                            name,
                            attrs,
                            start_tag: range.clone(),
                            end_tag: None,
                        },
                        range,
                    );
                    if !is_void {
                        open.push(id);
                    }
                }
                Token::End { name, range } => {
                    // lol_html reports one end tag once per element it pops.
                    if last_end.as_ref() == Some(&range) {
                        continue;
                    }
                    last_end = Some(range.clone());
                    if let Some(depth) = open.iter().rposition(|&id| tree.name(id) == name) {
                        if depth == 0 {
                            continue;
                        }
                        for &id in &open[depth + 1..] {
                            tree.nodes[id].range.end = range.start;
                        }
                        let matched = open[depth];
                        tree.nodes[matched].range.end = range.end;
                        if let NodeKind::Element { end_tag, .. } = &mut tree.nodes[matched].kind {
                            *end_tag = Some(range);
                        }
                        open.truncate(depth);
                    }
                }
                Token::Text { range, raw } => {
                    tree.push(open[open.len() - 1], NodeKind::Text { raw }, range);
                }
                Token::Comment { range } => {
                    tree.push(open[open.len() - 1], NodeKind::Comment, range);
                }
                Token::Doctype { .. } => {}
            }
        }
        for &id in &open[1..] {
            tree.nodes[id].range.end = len;
        }
        tree
    }

    fn push(&mut self, parent: NodeId, kind: NodeKind, range: Range<usize>) -> NodeId {
        let id = self.nodes.len();
        let in_control = self.in_control[parent]
            || matches!(
                self.name(parent),
                "select" | "option" | "textarea" | "title"
            );
        self.in_control.push(in_control);
        self.nodes.push(Node {
            kind,
            parent: Some(parent),
            children: Vec::new(),
            range,
        });
        self.nodes[parent].children.push(id);
        id
    }

    /// Closes the innermost open element named in `closes`, unless a `boundary` element is
    /// met first; everything above it closes at `at` too.
    fn close_implied(
        &mut self,
        open: &mut Vec<NodeId>,
        closes: &[&str],
        boundary: &[&str],
        at: usize,
    ) {
        if closes.is_empty() {
            return;
        }
        for depth in (1..open.len()).rev() {
            let name = self.name(open[depth]);
            if closes.contains(&name) {
                for &id in &open[depth..] {
                    self.nodes[id].range.end = at;
                }
                open.truncate(depth);
                return;
            }
            if boundary.contains(&name) {
                return;
            }
        }
    }

    /// Whether the node lies inside a `select`, `option`, `textarea` or `title` element.
    pub fn in_control(&self, id: NodeId) -> bool {
        self.in_control[id]
    }

    /// The tag name of an element node, `""` for other nodes.
    pub fn name(&self, id: NodeId) -> &str {
        match &self.nodes[id].kind {
            NodeKind::Element { name, .. } => name,
            _ => "",
        }
    }

    /// An attribute of an element node.
    pub fn attr(&self, id: NodeId, name: &str) -> Option<&Attr> {
        match &self.nodes[id].kind {
            NodeKind::Element { attrs, .. } => attrs.iter().find(|a| a.name == name),
            _ => None,
        }
    }

    /// Every element with this tag name, in document order.
    pub fn elements<'a>(&'a self, name: &'a str) -> impl Iterator<Item = NodeId> + 'a {
        (0..self.nodes.len()).filter(move |&id| self.name(id) == name)
    }

    /// Ancestors from the parent up to the document.
    pub fn ancestors(&self, id: NodeId) -> impl Iterator<Item = NodeId> + '_ {
        std::iter::successors(self.nodes[id].parent, |&p| self.nodes[p].parent)
    }

    /// Descendants in document order, one at a time: for a caller that may stop early.
    pub fn descendants_lazy(&self, id: NodeId) -> impl Iterator<Item = NodeId> + '_ {
        let mut stack: Vec<NodeId> = self.nodes[id].children.iter().rev().copied().collect();
        std::iter::from_fn(move || {
            let next = stack.pop()?;
            stack.extend(self.nodes[next].children.iter().rev());
            Some(next)
        })
    }

    /// Descendants in document order.
    pub fn descendants(&self, id: NodeId) -> Vec<NodeId> {
        let mut out = Vec::new();
        let mut stack: Vec<NodeId> = self.nodes[id].children.iter().rev().copied().collect();
        while let Some(next) = stack.pop() {
            out.push(next);
            stack.extend(self.nodes[next].children.iter().rev());
        }
        out
    }

    /// Visible text nodes under `id` (no script/style content), in document order.
    pub fn text_nodes(&self, id: NodeId) -> Vec<NodeId> {
        self.descendants(id)
            .into_iter()
            .filter(|&n| matches!(self.nodes[n].kind, NodeKind::Text { raw: false }))
            .collect()
    }

    /// The element's content: after its start tag, up to its end tag or implied end.
    pub fn content_range(&self, id: NodeId) -> Range<usize> {
        let node = &self.nodes[id];
        match &node.kind {
            NodeKind::Element {
                start_tag, end_tag, ..
            } => start_tag.end..end_tag.as_ref().map_or(node.range.end, |e| e.start),
            _ => node.range.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn implied_ends_close_options_cells_and_paragraphs() {
        let page = "<table><tr><td>a<td><select><option value=1>x\r\n<option value=2>제주카드\r\n</select></table><p>a<p>b";
        let tree = Tree::parse(page).unwrap();
        let options: Vec<NodeId> = tree.elements("option").collect();
        assert_eq!(options.len(), 2);
        let second = &tree.nodes[options[1]];
        assert_eq!(&page[second.range.clone()], "<option value=2>제주카드\r\n");
        let cells: Vec<NodeId> = tree.elements("td").collect();
        assert_eq!(&page[tree.nodes[cells[0]].range.clone()], "<td>a");
        let paragraphs: Vec<NodeId> = tree.elements("p").collect();
        assert_eq!(&page[tree.nodes[paragraphs[0]].range.clone()], "<p>a");
        assert_eq!(tree.attr(options[1], "value").unwrap().value, "2");
    }

    #[test]
    fn elements_nest_at_most_max_depth() {
        let page = "<div>".repeat(MAX_DEPTH + 10);
        let tree = Tree::parse(&page).unwrap();
        let deepest = tree.nodes.len() - 1;
        assert_eq!(tree.ancestors(deepest).count(), MAX_DEPTH);
        assert_eq!(tree.nodes.len(), MAX_DEPTH + 11);
    }

    /// The gate's comments-only pass must place comments exactly where the full parse does:
    /// a `<!--` in a script, an attribute, a textarea or a title opens none.
    #[test]
    fn the_comments_pass_finds_the_comments_of_the_full_parse() {
        let pages = [
            "<div><!-- 안심클릭: 삼성, 제주 --><p>x</p><!----><!-->y<!--->z</div>",
            "<script><!--\nvar MPI = ['제주']; // <!-- x -->\n//--></script><p><!-- a --></p>",
            "<script>document.write('<!-- a -->');</script><!-- b -->",
            "<input value=\"<!-- 제주 -->\" title='-->'><!-- c --!><!-- d",
            "<textarea><!-- 제주 --></textarea><title><!-- t --></title><style><!-- s --></style>",
            "<svg><![CDATA[ <!-- ]]></svg><!DOCTYPE html><!x y><?xml z?><!-- e -- -->",
            "<table><tr><td><!-- 안심클릭 <tr><td>제주</td></tr> --></td></tr></table>",
        ];
        for page in pages {
            let tree = Tree::parse(page).unwrap();
            let parsed: Vec<Range<usize>> = tree
                .nodes
                .iter()
                .filter(|node| matches!(node.kind, NodeKind::Comment))
                .map(|node| node.range.clone())
                .collect();
            assert_eq!(Tree::comments(page).unwrap(), parsed, "{page}");
        }
        let first = "<div><!-- 안심클릭: 삼성, 제주 -->";
        assert_eq!(
            Tree::comments(first).unwrap(),
            vec![Range {
                start: 5,
                end: first.len()
            }]
        );
        assert!(Tree::comments(pages[4]).unwrap().is_empty());
    }

    /// The text nodes as the parser itself reports them: what the tree's text, read between
    /// the tokens, must equal.
    fn reported_text(masked: &str) -> Vec<(Range<usize>, bool)> {
        (parser_text(masked).unwrap().into_iter())
            .filter_map(|token| match token {
                Token::Text { range, raw } => Some((range, raw)),
                _ => None,
            })
            .collect()
    }

    fn tree_text(masked: &str) -> Vec<(Range<usize>, bool)> {
        let tree = Tree::parse(masked).unwrap();
        (tree.nodes.iter())
            .filter_map(|node| match node.kind {
                NodeKind::Text { raw } => Some((node.range.clone(), raw)),
                _ => None,
            })
            .collect()
    }

    /// Markup pieces that change how the parser reads what follows.
    const MARKUP: &[&str] = &[
        "<p>",
        "</p>",
        "<div class=\"a>b\">",
        "</div>",
        "</b>",
        "</ b>",
        "</>",
        "</3>",
        "<br/>",
        "<!-- c -->",
        "<!-->",
        "<!x y>",
        "<?xml v?>",
        "<!DOCTYPE html>",
        "<script>",
        "</script>",
        "<script/>",
        "<style>",
        "</style>",
        "<textarea>",
        "</textarea>",
        "<title>",
        "</title>",
        "<xmp>",
        "</xmp>",
        "<noscript>",
        "</noscript>",
        "<svg>",
        "</svg>",
        "<svg><style>",
        "<math>",
        "<![CDATA[ x ]]>",
        "<select><option>",
        "<table><tr><td>",
        "</td></tr></table>",
        "<a href='x'>",
        "</a foo=\">\">",
        "</a x='>' y>",
        "</b =\">\">",
        "</i/ z>",
        "</u a=b>",
        "<input value=\"<b>\">",
        "<",
        "< b",
        "<3",
        "a<b",
        "&lt;",
        "&amp;",
        "\r\n",
        "제주",
        "안심클릭",
        " ",
        "x",
        "<plaintext>",
        "<!-- cut",
        "<div",
        "</div",
        "<iframe>",
        "</iframe>",
        "<noembed>",
        "<noframes>",
        "<font color=red>",
    ];

    #[test]
    fn text_between_tokens_is_the_text_the_parser_reports() {
        let pages = [
            "<p>a</b>c</p>",
            "a</>b",
            "<script>if (a < b) { x = '</div>'; }</script>t",
            "<script><!-- document.write('<script>x</script>'); --></script>t",
            "<textarea><b>x</b></textarea>y",
            "<title>a</b>c</title>d",
            "<svg><style>a<b>c</b></style></svg>d",
            "<p>x<div",
            "<p>x</div",
            "<!x y>a<?z?>b</3>c",
            "<!DOCTYPE html><html><body>x</body></html>",
            "<plaintext>a</plaintext><b>",
            "<p>a<!-- cut",
            "<script/>a</script>b",
        ];
        for page in pages {
            assert_eq!(tree_text(page), reported_text(page), "{page}");
        }
        // In SVG the parser's own text is put in its place among the tags.
        let page = "<svg><title>a<b>c</b></title></svg>d";
        let tree = Tree::parse(page).unwrap();
        let bold = tree.elements("b").next().unwrap();
        let texts: Vec<&str> = (tree.nodes[bold].children.iter())
            .map(|&child| &page[tree.nodes[child].range.clone()])
            .collect();
        assert_eq!(texts, ["c"]);
    }

    /// Every sample and case page: shop pages in every stack, with server code masked.
    #[test]
    fn text_between_tokens_is_the_text_the_parser_reports_on_every_sample_and_case_page() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut pages = 0;
        for dir in ["samples", "tests/cases", "tests/fixtures"] {
            for entry in walkdir::WalkDir::new(root.join(dir)) {
                let entry = entry.unwrap();
                if !entry.file_type().is_file() {
                    continue;
                }
                let bytes = std::fs::read(entry.path()).unwrap();
                let auto = crate::source::encoding::EncodingChoice::Auto;
                let Ok(decoded) = crate::source::encoding::decode(&bytes, auto) else {
                    continue;
                };
                let (masked, _) = super::super::mask::mask(&decoded.text);
                assert_eq!(
                    tree_text(&masked),
                    reported_text(&masked),
                    "{}",
                    entry.path().display()
                );
                pages += 1;
            }
        }
        assert!(pages > 200, "{pages} pages");
    }

    proptest::proptest! {
        #[test]
        fn text_between_tokens_is_the_text_the_parser_reports_on_any_markup(
            pieces in proptest::collection::vec(proptest::sample::select(MARKUP), 0..40)
        ) {
            let page = pieces.concat();
            proptest::prop_assert_eq!(tree_text(&page), reported_text(&page), "{}", page);
        }
    }

    #[test]
    fn script_text_is_raw_and_comments_are_not_text() {
        let tree = Tree::parse("<div><!-- 제주 --><script>var a='<b>';</script>x</div>").unwrap();
        let div = tree.elements("div").next().unwrap();
        let texts = tree.text_nodes(div);
        assert_eq!(texts.len(), 1);
    }
}
