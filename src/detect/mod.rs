//! Finding the card in the wrong scheme's list, one module per markup form.
//!
//! Every form module reads the page and returns [`Selection`]s: the card lists a buyer chooses
//! from, each tagged with the scheme it belongs to, where the card sits in it, and how a new
//! entry would be written in that list's own style. [`plan`] then turns each selection into
//! findings and fixes the same way for every form.

mod options;
mod plan;
mod radio;
mod script;
mod select;
mod text_list;

use std::ops::Range;

use serde::Serialize;

use crate::page::Page;
use crate::rules::{Rule, Severity, Side};

/// Where on the page a finding was made; reported as the finding's `kind`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// Text after a scheme radio button (the KSPAY entry page).
    RadioLabel,
    /// An `<option>` of a scheme's select or optgroup.
    SelectOption,
    /// Script code that routes the card's code to a scheme's submit function.
    Script,
}

impl Kind {
    /// The name used in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::RadioLabel => "radio-label",
            Kind::SelectOption => "select-option",
            Kind::Script => "script",
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
    /// The code the page gives this entry (an option's value), if any.
    code: Option<String>,
}

/// A piece of text to insert; [`Piece::Code`] is the card's code on this page.
#[derive(Debug, Clone)]
enum Piece {
    Text(String),
    Code,
}

/// How to add the card to a list: at `at`, insert the pieces.
#[derive(Debug, Clone)]
struct Insertion {
    at: usize,
    pieces: Vec<Piece>,
}

impl Insertion {
    /// The text to insert, or `None` when it needs a code and none is known.
    fn render(&self, code: Option<&str>) -> Option<String> {
        let mut out = String::new();
        for piece in &self.pieces {
            match piece {
                Piece::Text(text) => out.push_str(text),
                Piece::Code => out.push_str(code?),
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
pub fn detect(page: &Page, rule: &Rule) -> Vec<Finding> {
    let selections = radio::selections(page, rule)
        .into_iter()
        .chain(select::selections(page, rule));
    let mut findings: Vec<Finding> = selections
        .flat_map(|selection| plan::findings(page, rule, &selection))
        .chain(script::findings(page, rule))
        .collect();
    findings.sort_by_key(|f| f.span.start);
    findings
}
