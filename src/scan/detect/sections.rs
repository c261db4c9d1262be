//! Scheme sections: the parts of a page that a visible title or a container's name assigns to
//! one scheme. Several forms read their card lists from them (headed lists, logos, card radio
//! buttons, table rows), each in its own module.
//!
//! - a heading (`<h4>안심클릭</h4>`, `<strong>`, `<legend>`, `<dt>`, a `<label>`, `class="tit"`) rules the
//!   siblings after it, up to the next sibling that is or holds a heading;
//! - a container whose class or id names a scheme (`<div class="isp-cards">`) holds its section;
//! - a table row with one cell titled by a scheme holds the row's other cells, but not the rows
//!   of tables nested in them that a scheme titles too: those speak for their own cells.

use std::collections::HashMap;

use crate::rules::{Rule, Side};
use crate::scan::page::Page;
use crate::scan::page::tree::{NodeId, NodeKind, Tree};

/// What made a section.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Origin {
    Heading,
    Container,
    TableRow,
}

/// Part of a page given to one scheme.
#[derive(Debug)]
pub(super) struct Section {
    pub side: Side,
    pub origin: Origin,
    /// The section's top-level nodes, in page order.
    pub nodes: Vec<NodeId>,
    /// Subtrees under `nodes` that are not the section's, sorted: titled rows nested in a
    /// titled row's cells.
    pub excluded: Vec<NodeId>,
}

/// Elements that are headings by their tag.
const HEADING_TAGS: &[&str] = &[
    "h1", "h2", "h3", "h4", "h5", "h6", "legend", "caption", "dt", "strong", "b", "th", "label",
];
/// Class words that make any element a title.
const TITLE_CLASSES: &[&str] = &["title", "tit", "subject", "head", "heading"];
/// Inline or block wrappers a heading can sit alone in (`<p><strong>안심클릭</strong></p>`).
const WRAPPERS: &[&str] = &[
    "p", "div", "span", "font", "a", "b", "strong", "center", "em",
];
/// Elements that can be a scheme's container by class or id.
const CONTAINERS: &[&str] = &[
    "div", "ul", "ol", "dl", "p", "span", "section", "fieldset", "table", "tbody", "td",
];
/// Longest text (in characters) still read as a title rather than a sentence.
const TITLE_MAX_CHARS: usize = 40;

impl Section {
    /// Every node of the section, in page order.
    pub fn all_nodes(&self, tree: &Tree) -> Vec<NodeId> {
        self.walk(tree, None)
            .into_iter()
            .map(|(id, _)| id)
            .collect()
    }

    /// Visible text nodes of the section, leaving out other controls' text (options,
    /// textareas) and anything under `skip`.
    pub fn text_nodes(&self, page: &Page, skip: &dyn Fn(NodeId) -> bool) -> Vec<NodeId> {
        self.walk(&page.tree, Some(skip))
            .into_iter()
            .filter(|&(id, skipped)| !skipped && page.is_shown_text(id))
            .map(|(id, _)| id)
            .collect()
    }

    /// The section's nodes in page order, each with whether one of its ancestors (up to the
    /// document) is under `skip`. One walk down from the top nodes, each asked once: asking
    /// every node's ancestors cost each node its depth, on every section holding it.
    fn walk(&self, tree: &Tree, skip: Option<&dyn Fn(NodeId) -> bool>) -> Vec<(NodeId, bool)> {
        let mut out = Vec::new();
        for &top in &self.nodes {
            let above = skip.is_some_and(|skip| tree.ancestors(top).any(skip));
            let mut stack = vec![(top, above)];
            while let Some((id, skipped)) = stack.pop() {
                out.push((id, skipped));
                let inner = skipped || skip.is_some_and(|skip| skip(id));
                stack.extend(
                    tree.nodes[id]
                        .children
                        .iter()
                        .rev()
                        .filter(|child| self.excluded.binary_search(child).is_err())
                        .map(|&child| (child, inner)),
                );
            }
        }
        out
    }
}

/// Every scheme section of the page.
pub(super) fn find(page: &Page, rule: &Rule) -> Vec<Section> {
    let tree = &page.tree;
    let titled_rows = titled_rows(page, rule);
    let mut sections = Vec::new();
    for id in 0..tree.nodes.len() {
        if tree.name(id) == "tr" {
            sections.extend(row_section(page, rule, id, &titled_rows));
        } else if let Some(side) = heading_side(page, rule, id).filter(|_| tree.name(id) != "th") {
            sections.extend(heading_section(page, rule, id, side));
        }
    }
    // A container inside a heading's section is ruled by the heading.
    let mut in_headed = vec![false; tree.nodes.len()];
    for section in &sections {
        if section.origin == Origin::Heading {
            for id in section.all_nodes(tree) {
                in_headed[id] = true;
            }
        }
    }
    let named_side = |id: NodeId| {
        if !CONTAINERS.contains(&tree.name(id)) {
            return None;
        }
        ["class", "id"]
            .iter()
            .filter_map(|name| tree.attr(id, name))
            .find_map(|attr| rule.side_of_identifier(&attr.value))
    };
    let mut containers = Vec::new();
    for (id, &headed) in in_headed.iter().enumerate() {
        if headed {
            continue;
        }
        let Some(side) = named_side(id) else {
            continue;
        };
        // The innermost named container wins (an outer one only wraps it), and headings inside
        // a container decide for themselves.
        let decided_inside = tree
            .descendants(id)
            .into_iter()
            .any(|d| named_side(d).is_some() || heading_side(page, rule, d).is_some());
        if !decided_inside {
            containers.push(Section {
                side,
                origin: Origin::Container,
                nodes: tree.nodes[id].children.clone(),
                excluded: Vec::new(),
            });
        }
    }
    sections.extend(containers);
    sections
}

/// The scheme a heading element names, if it is a heading and its text is a short title that
/// names exactly one scheme and no card.
pub(super) fn heading_side(page: &Page, rule: &Rule, id: NodeId) -> Option<Side> {
    let tree = &page.tree;
    let by_tag = HEADING_TAGS.contains(&tree.name(id));
    let by_class = tree.attr(id, "class").is_some_and(|class| {
        class
            .value
            .split(|c: char| !c.is_ascii_alphanumeric())
            .any(|word| TITLE_CLASSES.iter().any(|t| t.eq_ignore_ascii_case(word)))
    });
    if !by_tag && !by_class {
        return None;
    }
    // A label around a radio button names that choice, not a section after it.
    if tree.name(id) == "label" && holds(tree, id, &["input"]) {
        return None;
    }
    element_title_side(page, rule, id)
}

/// The scheme a short title names: one scheme, no card, not a sentence.
pub(super) fn title_side(rule: &Rule, text: &str) -> Option<Side> {
    let text = text.trim();
    if text.is_empty() || text.chars().count() > TITLE_MAX_CHARS {
        return None;
    }
    // Most texts name no scheme: that one search comes first.
    let side = rule.side_of_label(text)?;
    let names_card = !rule.card.tokens(text).is_empty()
        || text
            .split(|c: char| !c.is_alphanumeric() && c != '&' && c != '#' && c != ';')
            .any(|word| rule.card.is_peer(word));
    (!names_card).then_some(side)
}

/// The scheme an element's text names as a title ([`title_side`]).
fn element_title_side(page: &Page, rule: &Rule, id: NodeId) -> Option<Side> {
    title_side(rule, &title_text(page, id)?)
}

/// The visible text of an element, its text nodes joined, when it is short enough to be a
/// title: `None` as soon as its trimmed text is longer than [`TITLE_MAX_CHARS`]. Read only
/// that far, so an element holding a whole page (nested or never-closed markup) costs what a
/// title does, not its size.
fn title_text(page: &Page, id: NodeId) -> Option<String> {
    let tree = &page.tree;
    let mut text = String::new();
    // Characters from the first non-blank one to the last, and blanks after the last.
    let (mut core, mut blanks, mut started) = (0usize, 0usize, false);
    let texts = tree
        .descendants_lazy(id)
        .filter(|&n| matches!(tree.nodes[n].kind, NodeKind::Text { raw: false }));
    for t in texts {
        let piece = page.visible(tree.nodes[t].range.clone());
        for c in piece.chars() {
            if c.is_whitespace() {
                blanks += usize::from(started);
            } else {
                core += blanks + 1;
                blanks = 0;
                started = true;
                if core > TITLE_MAX_CHARS {
                    return None;
                }
            }
        }
        text.push_str(piece);
    }
    Some(text)
}

/// The visible text of an element, its text nodes joined, without the rows in `excluded`.
fn text_without(page: &Page, id: NodeId, excluded: &HashMap<NodeId, Vec<Option<Side>>>) -> String {
    let tree = &page.tree;
    let mut text = String::new();
    let mut stack = vec![id];
    while let Some(next) = stack.pop() {
        if next != id && excluded.contains_key(&next) {
            continue;
        }
        if matches!(tree.nodes[next].kind, NodeKind::Text { raw: false }) {
            text.push_str(page.visible(tree.nodes[next].range.clone()));
        }
        stack.extend(tree.nodes[next].children.iter().rev());
    }
    text
}

/// The siblings after a heading (or after the wrapper it is alone in), up to the next sibling
/// that is or holds a heading.
fn heading_section(page: &Page, rule: &Rule, heading: NodeId, side: Side) -> Option<Section> {
    let tree = &page.tree;
    let mut block = heading;
    while let Some(parent) = tree.nodes[block].parent {
        if WRAPPERS.contains(&tree.name(parent)) && meaningful_children(page, parent) == [block] {
            block = parent;
        } else {
            break;
        }
    }
    let parent = tree.nodes[block].parent?;
    let siblings = &tree.nodes[parent].children;
    let at = siblings.iter().position(|&s| s == block)?;
    let is_boundary = |id: NodeId| {
        std::iter::once(id)
            .chain(tree.descendants(id))
            .any(|d| is_structural_heading(tree, d) || heading_side(page, rule, d).is_some())
    };
    let nodes: Vec<NodeId> = siblings[at + 1..]
        .iter()
        .copied()
        .take_while(|&s| !is_boundary(s))
        .collect();
    (!nodes.is_empty()).then_some(Section {
        side,
        origin: Origin::Heading,
        nodes,
        excluded: Vec::new(),
    })
}

fn is_structural_heading(tree: &Tree, id: NodeId) -> bool {
    matches!(
        tree.name(id),
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "dt" | "legend" | "caption" | "hr"
    )
}

/// Children that show something: elements and non-blank text.
fn meaningful_children(page: &Page, id: NodeId) -> Vec<NodeId> {
    let tree = &page.tree;
    tree.nodes[id]
        .children
        .iter()
        .copied()
        .filter(|&c| match &tree.nodes[c].kind {
            NodeKind::Element { .. } => true,
            NodeKind::Text { .. } => !page.visible(tree.nodes[c].range.clone()).trim().is_empty(),
            NodeKind::Comment => false,
        })
        .collect()
}

/// The rows of the page that a scheme titles: rows (not of `<th>` cells only) with a cell whose
/// text is a title ([`title_side`]), each with the side of each of its cells' titles.
fn titled_rows(page: &Page, rule: &Rule) -> HashMap<NodeId, Vec<Option<Side>>> {
    let tree = &page.tree;
    tree.elements("tr")
        .filter_map(|row| {
            let cells = row_cells(tree, row);
            if cells.iter().all(|&c| tree.name(c) == "th") {
                return None;
            }
            let sides: Vec<Option<Side>> = cells
                .iter()
                .map(|&cell| element_title_side(page, rule, cell))
                .collect();
            sides.iter().any(Option::is_some).then_some((row, sides))
        })
        .collect()
}

fn row_cells(tree: &Tree, row: NodeId) -> Vec<NodeId> {
    tree.nodes[row]
        .children
        .iter()
        .copied()
        .filter(|&c| matches!(tree.name(c), "td" | "th"))
        .collect()
}

/// A row whose title cells name one scheme: the other cells are that scheme's section.
///
/// Help pages title a row in several cells (`ISP인증(안전결제)` | `ISP인증(안전결제) + 공인인증`,
/// one per amount band): every titled cell must name the same scheme, and a row naming both
/// schemes compares them rather than listing one's cards. A row of `<th>` cells only is a
/// header and titles columns, not itself. Rows nested in the cells that a scheme titles too
/// (`titled`) speak for their own cells: the row reads around them, so each part of a page of
/// nested tables is read by one row, not by every row around it.
fn row_section(
    page: &Page,
    rule: &Rule,
    row: NodeId,
    titled: &HashMap<NodeId, Vec<Option<Side>>>,
) -> Option<Section> {
    let tree = &page.tree;
    let sides = titled.get(&row)?;
    let cells = row_cells(tree, row);
    let mut side = None;
    for cell_side in sides.iter().flatten() {
        if side.is_some_and(|s| s != *cell_side) {
            return None;
        }
        side = Some(*cell_side);
    }
    let nodes: Vec<NodeId> = cells
        .iter()
        .zip(sides)
        .filter(|(_, side)| side.is_none())
        .map(|(&cell, _)| cell)
        .collect();
    if nodes
        .iter()
        .any(|&cell| rule.names_both_labels(&text_without(page, cell, titled)))
    {
        return None;
    }
    let mut excluded: Vec<NodeId> = nodes
        .iter()
        .flat_map(|&cell| outermost_titled(tree, cell, titled))
        .collect();
    excluded.sort_unstable();
    (!nodes.is_empty()).then_some(Section {
        side: side?,
        origin: Origin::TableRow,
        nodes,
        excluded,
    })
}

/// The titled rows under `cell` that no other titled row under it holds.
fn outermost_titled(
    tree: &Tree,
    cell: NodeId,
    titled: &HashMap<NodeId, Vec<Option<Side>>>,
) -> Vec<NodeId> {
    let mut found = Vec::new();
    let mut stack: Vec<NodeId> = tree.nodes[cell].children.clone();
    while let Some(next) = stack.pop() {
        if titled.contains_key(&next) {
            found.push(next);
        } else {
            stack.extend(&tree.nodes[next].children);
        }
    }
    found
}

/// Elements of the section that each hold one item: the outermost `<li>`/`<dd>` (or `tag`)
/// elements, not nested in another.
pub(super) fn outermost(tree: &Tree, section: &Section, tags: &[&str]) -> Vec<NodeId> {
    section
        .all_nodes(tree)
        .into_iter()
        .filter(|&id| tags.contains(&tree.name(id)))
        .filter(|&id| !tree.ancestors(id).any(|a| tags.contains(&tree.name(a))))
        .collect()
}

/// Whether an element holds any of `tags` (an item that is really a logo or a radio button).
pub(super) fn holds(tree: &Tree, id: NodeId, tags: &[&str]) -> bool {
    tree.descendants(id)
        .into_iter()
        .any(|d| tags.contains(&tree.name(d)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules;

    #[test]
    fn a_titled_row_nested_in_a_titled_row_is_read_by_itself_alone() {
        let rule = rules::embedded().unwrap().remove(0);
        let text = "<table><tr><th>안심클릭</th><td>삼성, 제주\
                    <table><tr><th>안전결제</th><td>비씨, 국민</td></tr></table></td></tr></table>";
        let page = Page::parse(text).unwrap();
        let found = find(&page, &rule);
        let rows: Vec<&Section> = found
            .iter()
            .filter(|s| s.origin == Origin::TableRow)
            .collect();
        assert_eq!(rows.len(), 2, "{rows:?}");
        let texts = |section: &Section| -> String {
            section
                .text_nodes(&page, &|_| false)
                .into_iter()
                .map(|t| page.visible(page.tree.nodes[t].range.clone()))
                .collect()
        };
        assert_eq!(
            (rows[0].side, texts(rows[0]).as_str()),
            (Side::From, "삼성, 제주")
        );
        assert_eq!(
            (rows[1].side, texts(rows[1]).as_str()),
            (Side::To, "비씨, 국민")
        );
    }

    #[test]
    fn the_innermost_named_container_is_the_section() {
        let rule = rules::embedded().unwrap().remove(0);
        let text = "<div class=\"mpi-area\"><p>안내</p><ul class=\"mpi-cards\"><li>삼성</li><li>제주</li></ul></div>\
                    <div id=\"ispBox\"><h4>안전결제</h4><ul><li>비씨</li></ul></div>";
        let page = Page::parse(text).unwrap();
        let found = find(&page, &rule);
        let containers: Vec<&Section> = found
            .iter()
            .filter(|s| s.origin == Origin::Container)
            .collect();
        assert_eq!(containers.len(), 1, "{found:?}");
        assert_eq!(containers[0].side, Side::From);
        let first = containers[0].nodes[0];
        assert_eq!(page.tree.name(first), "li");
        // The ISP box holds a heading: the heading, not the box, makes the section.
        assert!(
            found
                .iter()
                .any(|s| s.origin == Origin::Heading && s.side == Side::To)
        );
    }
}
