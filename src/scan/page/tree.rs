//! A light element tree with byte ranges, built from lol_html's token locations.
//!
//! lol_html locates start tags, end tags, text and comments in the original bytes but keeps no
//! tree, and it does not close the end tags HTML lets a page omit (`<option>` without
//! `</option>`, `<td>` without `</td>`). This module builds the tree and closes those elements
//! where the next sibling (or the parent's end) implies it.

use std::cell::RefCell;
use std::ops::Range;
use std::rc::Rc;

use lol_html::html_content::{EndTag, TextType};
use lol_html::{HandlerResult, HtmlRewriter, Settings, doc_comments, doc_text, element};

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

impl Tree {
    /// Parses `masked` (the page with server code blanked out) into a tree.
    pub fn parse(masked: &str) -> Result<Tree, lol_html::errors::RewritingError> {
        // About two tokens (a tag and the text after it) for each `<`: one allocation.
        let tags = memchr::memchr_iter(b'<', masked.as_bytes()).count();
        let tokens = Rc::new(RefCell::new(Vec::with_capacity(2 * tags + 1)));
        {
            let on_element = Rc::clone(&tokens);
            let on_text = Rc::clone(&tokens);
            let on_comment = Rc::clone(&tokens);
            let mut text_start: Option<usize> = None;
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
                    on_element.borrow_mut().push(Token::Start {
                        name: el.tag_name(),
                        attrs,
                        range: el.source_location().bytes(),
                        is_void: !el.can_have_content(),
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
                .append_document_content_handler(doc_text!(move |chunk| {
                    let range = chunk.source_location().bytes();
                    let start = *text_start.get_or_insert(range.start);
                    if chunk.last_in_text_node() {
                        text_start = None;
                        if range.end > start {
                            let raw = matches!(
                                chunk.text_type(),
                                TextType::ScriptData | TextType::RawText | TextType::PlainText
                            );
                            on_text.borrow_mut().push(Token::Text {
                                range: start..range.end,
                                raw,
                            });
                        }
                    }
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
        // A node per token at most (end tags make none), and the document.
        let mut nodes = Vec::with_capacity(tokens.len() + 1);
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

    #[test]
    fn script_text_is_raw_and_comments_are_not_text() {
        let tree = Tree::parse("<div><!-- 제주 --><script>var a='<b>';</script>x</div>").unwrap();
        let div = tree.elements("div").next().unwrap();
        let texts = tree.text_nodes(div);
        assert_eq!(texts.len(), 1);
    }
}
