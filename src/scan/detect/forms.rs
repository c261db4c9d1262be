//! The registry of markup forms: every way a page lays out card lists a buyer chooses from,
//! in the order they are asked. Where two forms read the same card token (a table cell that is
//! also under a heading), the first one's finding stands, so the order runs from the most
//! specific markup to the least. A new form is a module with a `selections` function and one
//! line in [`FORMS`].
//!
//! The other detectors are not forms: script routing ([`super::script`]) and server code
//! ([`super::server_code`]) read code rather than lists, and prose ([`super::prose`]) reads only
//! the card tokens no form reported.

use super::sections::Section;
use super::{Selection, choice, image, inline, lists, radio, select, table};
use crate::diagnostics::Kind;
use crate::rules::Rule;
use crate::scan::page::Page;

/// What every form reads a page with.
pub(super) struct Input<'i> {
    pub page: &'i Page,
    pub rule: &'i Rule,
    /// The page's scheme sections (headings, titled containers), found once for all forms.
    pub sections: &'i [Section],
}

/// One markup form.
pub(super) struct Form {
    /// The module that reads it.
    pub name: &'static str,
    /// The kinds its findings are reported as.
    pub kinds: &'static [Kind],
    /// Reads the form's selections on a page.
    pub selections: fn(&Input) -> Vec<Selection>,
}

/// Every markup form, in precedence order (the first form to read a token reports it).
pub(super) const FORMS: &[Form] = &[
    Form {
        name: "radio",
        kinds: &[Kind::RadioLabel],
        selections: |input| radio::selections(input.page, input.rule),
    },
    Form {
        name: "select",
        kinds: &[Kind::SelectOption],
        selections: |input| select::selections(input.page, input.rule),
    },
    Form {
        name: "table",
        kinds: &[Kind::TableRow],
        selections: |input| table::selections(input.page, input.rule, input.sections),
    },
    Form {
        name: "choice",
        kinds: &[Kind::RadioLabel, Kind::CheckboxLabel],
        selections: |input| choice::selections(input.page, input.rule, input.sections),
    },
    Form {
        name: "image",
        kinds: &[Kind::Image],
        selections: |input| image::selections(input.page, input.rule, input.sections),
    },
    Form {
        name: "lists",
        kinds: &[Kind::TextList],
        selections: |input| lists::selections(input.page, input.rule, input.sections),
    },
    Form {
        name: "inline",
        kinds: &[Kind::TextList],
        selections: |input| inline::selections(input.page, input.rule),
    },
];

/// The selections of every form on `page`, in [`FORMS`] order.
pub(super) fn selections(page: &Page, rule: &Rule) -> Vec<Selection> {
    let sections = super::sections::find(page, rule);
    let input = Input {
        page,
        rule,
        sections: &sections,
    };
    FORMS
        .iter()
        .flat_map(|form| (form.selections)(&input))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_form_is_named_once_and_reports_a_list_kind() {
        let mut names: Vec<&str> = FORMS.iter().map(|form| form.name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), FORMS.len(), "a form is registered twice");
        for form in FORMS {
            assert!(!form.kinds.is_empty(), "{} names no kind", form.name);
            for kind in form.kinds {
                assert!(
                    !matches!(
                        kind,
                        Kind::Script | Kind::Prose | Kind::ServerCode | Kind::Suppression
                    ),
                    "{}: {kind:?} is not a markup form's kind",
                    form.name
                );
            }
        }
    }
}
