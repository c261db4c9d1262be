//! Finding the card where a rule says it must not be, one module per markup form.
//!
//! Every form module reads the page and returns [`Selection`]s: the card lists a buyer chooses
//! from, each tagged with the scheme it belongs to, where the card sits in it, and how a new
//! entry would be written in that list's own style. [`forms`] is the registry of forms, in
//! precedence order. Each rule shape then has its planner: [`plan`] turns a `move` rule's
//! selections into findings and fixes the same way for every form (with script routing, server
//! code and prose beside the forms, and [`proof`] proving each safe fix); [`retire`] does the
//! same for a `retire` rule. Helpers shared by the forms ([`items`], [`text_list`],
//! [`sections`]) are not forms themselves.

mod choice;
mod forms;
mod image;
mod inline;
mod items;
mod lists;
mod plan;
mod proof;
mod prose;
mod radio;
mod retire;
mod script;
mod sections;
mod select;
mod server_code;
mod table;
mod text_list;

use std::ops::Range;

use crate::diagnostics::{Finding, Kind};
use crate::rules::{Rule, Shape, Side};
use crate::scan::page::{Page, PageKind};

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
    /// The label of an element item (an option's or `<li>`'s text) when it holds no server
    /// code: what a copy added to the `to` list carries.
    label: Option<Range<usize>>,
    /// The entry is an item of a run of cards inside a sentence (`국민, 비씨, 우리카드가
    /// 시행하는 …`): prose, whose rewording needs a person's eye.
    in_sentence: bool,
}

/// A piece of text to insert.
#[derive(Debug, Clone)]
enum Piece {
    Text(String),
    /// The card's code on this page.
    Code,
    /// The markup of the entry removed from the `from` list (a moved logo or radio button).
    Moved,
    /// The card's name: the removed entry's token as the page wrote it, or `styled` when
    /// nothing is removed. Without its suffix when `bare` (the list's last item carries a
    /// suffix for the whole run, `우리카드`); with the list's `suffix` when it has none.
    Name {
        styled: String,
        bare: bool,
        suffix: Option<String>,
    },
    /// The label of the element item (option, `<li>`, `<dd>`) removed from the `from` list, as
    /// written there; this styled name when none was removed (the card listed in no list).
    Label(String),
}

/// What a fix takes from the `from` list: pieces of it reappear in the `to` list.
#[derive(Debug, Clone, Copy, Default)]
struct Moving<'p> {
    /// The card's code on this page.
    code: Option<&'p str>,
    /// The removed entry's markup.
    element: Option<&'p str>,
    /// The removed entry's card token, and the token without its suffix.
    name: Option<&'p str>,
    bare_name: Option<&'p str>,
    /// The removed element item's label.
    label: Option<&'p str>,
}

/// How to add the card to a list: at `at`, insert the pieces.
#[derive(Debug, Clone)]
struct Insertion {
    at: usize,
    pieces: Vec<Piece>,
    /// The insertion joins a run of cards inside a sentence.
    in_sentence: bool,
}

impl Insertion {
    /// The text to insert, or `None` when it needs a code or a moved entry and has none.
    fn render(&self, moving: Moving) -> Option<String> {
        let mut out = String::new();
        for piece in &self.pieces {
            match piece {
                Piece::Text(text) => out.push_str(text),
                Piece::Code => out.push_str(moving.code?),
                Piece::Moved => out.push_str(moving.element?),
                Piece::Name {
                    styled,
                    bare,
                    suffix,
                } => match (moving.name, moving.bare_name) {
                    (Some(_), Some(bare_name)) if *bare => out.push_str(bare_name),
                    (Some(name), Some(bare_name)) => {
                        out.push_str(name);
                        if name == bare_name {
                            out.push_str(suffix.as_deref().unwrap_or(""));
                        }
                    }
                    _ => out.push_str(styled),
                },
                Piece::Label(styled) => out.push_str(moving.label.unwrap_or(styled)),
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
    /// From the list's first item to its last (whole lines for items alone on their lines):
    /// every edit of a fix stays inside it.
    extent: Range<usize>,
    /// Where the rule's card appears in this list.
    entries: Vec<Entry>,
    /// How to add the card; `None` when the list's style cannot be copied safely.
    insertion: Option<Insertion>,
}

/// The lists a buyer chooses from in one place (a radio group, a select, a page's selects).
#[derive(Debug, Default)]
struct Selection {
    lists: Vec<CardList>,
    /// The `to` scheme is offered without a card list here: an ISP radio with only its title
    /// (open to every card), or KSPAY's per-scheme card pages chosen by a server branch on the
    /// scheme field (the ISP list is on the ISP page). Taking the card out of the `from` list
    /// is then the whole fix. Elsewhere a missing `to` list means the detector did not
    /// recognise it, and removing the card alone would strand its holders.
    to_offered_without_list: bool,
}

impl Selection {
    /// A selection whose `to` list, if any, is on this page.
    fn of(lists: Vec<CardList>) -> Selection {
        Selection {
            lists,
            to_offered_without_list: false,
        }
    }
}

/// A card list as the detectors read it: which scheme it serves, where it stands, and where
/// the rule's card appears in it. What a fix's result is checked against ([`proof`]).
#[derive(Debug, Clone)]
struct ListView {
    side: Side,
    /// From the list's first item to its last (whole lines for items alone on their lines).
    extent: Range<usize>,
    /// The card's tokens in the list.
    tokens: Vec<Range<usize>>,
}

/// What the forms found on one page for one rule.
#[derive(Debug, Default, Clone)]
struct Detection {
    /// Every finding, in page order.
    findings: Vec<Finding>,
    /// Every card list of the markup forms (script routing has none).
    lists: Vec<ListView>,
}

/// The findings of one rule on one page.
pub struct Detected {
    /// Every finding, in page order.
    pub findings: Vec<Finding>,
    /// The page as the proof rewrote it with every safe fix of these findings, when one proof
    /// applied them all (see [`Rewritten`]).
    pub rewritten: Option<Rewritten>,
}

/// A page rewritten with every safe fix one rule found on it, parsed by the proof, with what
/// that rule's detectors read there before any proof. `fix` applies the same fixes and scans
/// the result again to see that it converges; when the fixed page is this very text, both are
/// reused ([`detect_rewritten`]): they are what a parse and a detection of that text give, and
/// every fixed page would otherwise be parsed and read twice over.
pub struct Rewritten {
    pub page: Page,
    /// The id of the rule whose fixes made it.
    rule: String,
    detection: Detection,
}

/// Every finding of `rule` on `page`, in page order, by the detector of the rule's shape.
pub fn detect(page: &Page, rule: &Rule) -> Detected {
    match rule.shape {
        Shape::Move => detect_move(page, rule, None),
        Shape::Retire => Detected {
            findings: retire::findings(page, rule),
            rewritten: None,
        },
    }
}

/// [`detect`] on a page a proof rewrote: when the proof was `rule`'s, what its detectors read
/// there is taken as read.
pub fn detect_rewritten(rewritten: &Rewritten, rule: &Rule) -> Detected {
    match rule.shape {
        Shape::Move if rewritten.rule == rule.id => {
            detect_move(&rewritten.page, rule, Some(&rewritten.detection))
        }
        _ => detect(&rewritten.page, rule),
    }
}

/// Where a rule of this shape looks, in precedence order: each detector's name and the kinds
/// its findings are reported as.
pub fn detectors(shape: Shape) -> Vec<(&'static str, &'static [Kind])> {
    let forms = forms::FORMS.iter().map(|form| (form.name, form.kinds));
    match shape {
        Shape::Move => forms
            .chain([
                ("script", &[Kind::Script][..]),
                ("server-code", &[Kind::ServerCode][..]),
                ("prose", &[Kind::Prose][..]),
            ])
            .collect(),
        Shape::Retire => forms.collect(),
    }
}

/// The `move` shape's findings, each safe fix proven ([`proof`]); `read` is what
/// [`page_detection`] gives on this page, when it is known.
fn detect_move(page: &Page, rule: &Rule, read: Option<&Detection>) -> Detected {
    let scripts = script::ScriptView::of(page, rule);
    let mut detection = match read {
        Some(read) => read.clone(),
        None => page_detection(page, rule, &scripts),
    };
    let rewritten = proof::prove_safe_fixes(page, &mut detection, &|fixed: &Page| {
        page_detection(fixed, rule, &script::ScriptView::of(fixed, rule))
    });
    let mut findings = detection.findings;
    // Markup built in script strings is its own page, whose fixes were proven there.
    findings.extend(script::markup_in_strings(page, rule, &scripts));
    findings.sort_by_key(|f| f.span.start);
    Detected {
        findings,
        rewritten: rewritten.map(|(page, detection)| Rewritten {
            page,
            rule: rule.id.clone(),
            detection,
        }),
    }
}

/// The findings of the markup forms alone (no script or server code), each safe fix proven:
/// what a page of markup built in script strings is read for.
fn markup_findings(page: &Page, rule: &Rule) -> Vec<Finding> {
    let mut detection = settle(page, rule, form_detection(page, rule));
    // A page built in script strings is never written as such: its rewrite is not kept.
    proof::prove_safe_fixes(page, &mut detection, &|fixed: &Page| {
        settle(fixed, rule, form_detection(fixed, rule))
    });
    detection.findings
}

/// What the page's own markup, scripts and server code show, before any proof.
fn page_detection(page: &Page, rule: &Rule, scripts: &script::ScriptView) -> Detection {
    let mut detection = match page.kind {
        PageKind::Markup => form_detection(page, rule),
        PageKind::Script => Detection::default(),
    };
    detection
        .findings
        .extend(script::findings(page, rule, scripts));
    if page.kind == PageKind::Markup {
        detection
            .findings
            .extend(server_code::findings(page, rule, scripts.card_codes()));
    }
    settle(page, rule, detection)
}

/// The findings of the markup forms ([`forms::FORMS`], in precedence order) and the lists
/// they read.
fn form_detection(page: &Page, rule: &Rule) -> Detection {
    let selections = forms::selections(page, rule);
    Detection {
        findings: selections
            .iter()
            .flat_map(|selection| plan::findings(page, rule, selection))
            .collect(),
        lists: selections
            .iter()
            .flat_map(|selection| &selection.lists)
            .map(|list| ListView {
                side: list.side,
                extent: list.extent.clone(),
                tokens: list.entries.iter().map(|e| e.token.clone()).collect(),
            })
            .collect(),
    }
}

/// Keeps the first finding of each token, adds prose findings for the tokens no form
/// reported, and puts them in page order.
fn settle(page: &Page, rule: &Rule, mut detection: Detection) -> Detection {
    let findings = &mut detection.findings;
    let mut reported = Reported::default();
    findings.retain(|finding| reported.insert_new(&finding.span));
    if page.kind == PageKind::Markup {
        let prose = prose::findings(page, rule, &reported);
        findings.extend(prose);
    }
    findings.sort_by_key(|f| f.span.start);
    detection
}

/// Two finding spans claim the same place on the page: they share a byte, an empty span
/// counting as the byte it stands before. (Edits conflict by another rule: `fix::splice`.)
fn same_place(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end.max(b.start + 1) && b.start < a.end.max(a.start + 1)
}

/// The spans of the findings kept so far, which never overlap one another, by start: whether
/// a span overlaps one of them is then a look at its neighbours, not at all of them.
#[derive(Debug, Default)]
struct Reported {
    spans: std::collections::BTreeMap<usize, Range<usize>>,
}

impl Reported {
    /// Keeps `span` and says so when it overlaps no kept span ([`same_place`]).
    fn insert_new(&mut self, span: &Range<usize>) -> bool {
        if self.overlaps_any(span, same_place) {
            return false;
        }
        self.spans.insert(span.start, span.clone());
        true
    }

    /// Whether a kept span overlaps `span` by `test` ([`same_place`] or a stricter one). Kept
    /// spans are disjoint even read as at least one byte long, so their ends grow with their
    /// starts: of those starting before `span` ends (read so), the last reaches furthest and
    /// is the only one that can overlap it.
    fn overlaps_any(
        &self,
        span: &Range<usize>,
        test: fn(&Range<usize>, &Range<usize>) -> bool,
    ) -> bool {
        let end = span.end.max(span.start + 1);
        self.spans
            .range(..end)
            .next_back()
            .is_some_and(|(_, kept)| test(kept, span))
    }
}
