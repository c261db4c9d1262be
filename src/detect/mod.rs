//! Finding the card in the wrong scheme's list, one module per markup form.
//!
//! Every form module reads the page and returns [`Selection`]s: the card lists a buyer chooses
//! from, each tagged with the scheme it belongs to, where the card sits in it, and how a new
//! entry would be written in that list's own style. [`plan`] then turns each selection into
//! findings and fixes the same way for every form.

mod choice;
mod image;
mod inline;
mod items;
mod lists;
mod plan;
mod prose;
mod radio;
mod script;
mod sections;
mod select;
mod server_code;
mod table;
mod text_list;

use std::ops::Range;

use serde::Serialize;

use crate::page::{Page, PageKind};
use crate::rules::{Rule, Severity, Side};

/// Where on the page a finding was made; reported as the finding's `kind`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// Text after a scheme radio button (the KSPAY entry page), or a card's radio button in a
    /// scheme's section.
    RadioLabel,
    /// A card's checkbox in a scheme's section.
    CheckboxLabel,
    /// An `<option>` of a scheme's select or optgroup.
    SelectOption,
    /// A card list under a scheme's heading, in a scheme's container, or after its title.
    TextList,
    /// A card list in a table row whose other cell names the scheme.
    TableRow,
    /// A card logo in a scheme's block.
    Image,
    /// Script code that routes the card's code to a scheme's submit function.
    Script,
    /// Help or notice text that names the card as a card of the scheme it left.
    Prose,
    /// Server code that picks the scheme for the card.
    ServerCode,
    /// A suppression comment that suppresses nothing or cannot be read (see [`crate::suppress`]).
    Suppression,
}

impl Kind {
    /// The name used in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::RadioLabel => "radio-label",
            Kind::CheckboxLabel => "checkbox-label",
            Kind::SelectOption => "select-option",
            Kind::TextList => "text-list",
            Kind::TableRow => "table-row",
            Kind::Image => "image",
            Kind::Script => "script",
            Kind::Prose => "prose",
            Kind::ServerCode => "server-code",
            Kind::Suppression => "suppression",
        }
    }
}

/// Whether `fix` may apply a finding's fix.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Applicability {
    /// Applied by `fix`.
    Safe,
    /// Applied only with `--unsafe-fixes`.
    Unsafe,
    /// No automatic fix.
    None,
}

/// Replace `range` of the decoded page with `replacement`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    pub range: Range<usize>,
    pub replacement: String,
}

/// One problem on a page, with its fix.
#[derive(Debug, Clone)]
pub struct Finding {
    pub rule: String,
    /// The card's token in the decoded page.
    pub span: Range<usize>,
    pub kind: Kind,
    pub severity: Severity,
    pub message: String,
    pub applicability: Applicability,
    pub edits: Vec<Edit>,
}

/// A card entry in a list, and what removing it takes.
#[derive(Debug, Clone)]
struct Entry {
    /// The card's name token.
    token: Range<usize>,
    /// What to delete to take the entry out of its list, separator or line included.
    removal: Range<usize>,
    /// The entry's own markup, for lists whose entries are moved rather than rewritten.
    element: Range<usize>,
    /// The code the page gives this entry (an option's value), if any.
    code: Option<String>,
}

/// A piece of text to insert.
#[derive(Debug, Clone)]
enum Piece {
    Text(String),
    /// The card's code on this page.
    Code,
    /// The markup of the entry removed from the `from` list (a moved logo or radio button).
    Moved,
    /// The label of the element item (option, `<li>`, `<dd>`) removed from the `from` list, as
    /// written there; this styled name when none was removed (the card listed in no list).
    Label(String),
}

/// What an insertion copies from the card's entry removed from the `from` list.
#[derive(Debug, Default, Clone, Copy)]
struct Removed<'p> {
    /// The card's code on this page.
    code: Option<&'p str>,
    /// The removed entry's markup.
    element: Option<&'p str>,
    /// The removed element item's label.
    label: Option<&'p str>,
}

/// How to add the card to a list: at `at`, insert the pieces.
#[derive(Debug, Clone)]
struct Insertion {
    at: usize,
    pieces: Vec<Piece>,
}

impl Insertion {
    /// The text to insert, or `None` when it needs a code or a moved entry and has none.
    fn render(&self, removed: &Removed) -> Option<String> {
        let mut out = String::new();
        for piece in &self.pieces {
            match piece {
                Piece::Text(text) => out.push_str(text),
                Piece::Code => out.push_str(removed.code?),
                Piece::Moved => out.push_str(removed.element?),
                Piece::Label(styled) => out.push_str(removed.label.unwrap_or(styled)),
            }
        }
        Some(out)
    }
}

/// The cards one markup element offers under one scheme.
#[derive(Debug)]
struct CardList {
    side: Side,
    kind: Kind,
    /// Where the list starts on the page (for messages).
    start: usize,
    /// Where the rule's card appears in this list.
    entries: Vec<Entry>,
    /// How to add the card; `None` when the list's style cannot be copied safely.
    insertion: Option<Insertion>,
}

/// The lists a buyer chooses from in one place (a radio group, a select, a page's selects).
#[derive(Debug, Default)]
struct Selection {
    lists: Vec<CardList>,
}

/// Every finding of `rule` on `page`, in page order.
///
/// Forms are asked in order from the most specific markup to the least: where two forms read
/// the same token (a table cell that is also under a heading), the first one's finding stands.
pub fn detect(page: &Page, rule: &Rule) -> Vec<Finding> {
    let scripts = script::ScriptView::of(page, rule);
    if page.kind == PageKind::Script {
        return script::findings(page, rule, &scripts);
    }
    let sections = sections::find(page, rule);
    let selections = [
        radio::selections(page, rule),
        select::selections(page, rule),
        table::selections(page, rule, &sections),
        choice::selections(page, rule, &sections),
        image::selections(page, rule, &sections),
        lists::selections(page, rule, &sections),
        inline::selections(page, rule),
    ];
    let mut findings: Vec<Finding> = selections
        .iter()
        .flatten()
        .flat_map(|selection| plan::findings(page, rule, selection))
        .chain(script::findings(page, rule, &scripts))
        .chain(server_code::findings(page, rule, scripts.card_codes()))
        .collect();
    let mut reported: Vec<Range<usize>> = Vec::new();
    findings.retain(|finding| {
        let new = !reported.iter().any(|r| overlaps(r, &finding.span));
        if new {
            reported.push(finding.span.clone());
        }
        new
    });
    let prose = prose::findings(page, rule, &reported);
    findings.extend(prose);
    findings.sort_by_key(|f| f.span.start);
    findings
}

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end.max(b.start + 1) && b.start < a.end.max(a.start + 1)
}
