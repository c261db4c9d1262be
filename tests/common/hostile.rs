//! Hostile pages (issue 12): pages a tenant can plant to make a scan of a shared web root slow
//! or memory-hungry. Shared by the scaling tests (tests/hostile_pages.rs) and the bench corpus
//! generator (`gen_corpus --hostile KIND --size BYTES`), so both measure the same pages.
//!
//! Every kind repeats one unit until the page reaches the asked size, so a page twice as large
//! holds twice as many units: what a scan of it costs should then grow at most about twice.
#![allow(dead_code)] // the tests and the generator each use a part

/// A kind of hostile page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// One line of `삼성, 현대, 제주, ` repeated under an 안심클릭 title: many findings on one
    /// long line.
    LongLine,
    /// `<table><tr><th>안심클릭</th><td>` repeated and never closed: each table nests in the
    /// previous one's cell.
    NestedTables,
    /// Many radio card lists under scheme titles.
    RadioLists,
    /// One card select with a great many options in its MPI group, and an ISP group after it.
    Options,
    /// Many `<div>`s opened and never closed, each naming the card under a title.
    OpenDivs,
}

impl Kind {
    /// Every kind, in a fixed order.
    pub const ALL: [Kind; 5] = [
        Kind::LongLine,
        Kind::NestedTables,
        Kind::RadioLists,
        Kind::Options,
        Kind::OpenDivs,
    ];

    /// The kind's name on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Kind::LongLine => "long-line",
            Kind::NestedTables => "nested-tables",
            Kind::RadioLists => "radio-lists",
            Kind::Options => "options",
            Kind::OpenDivs => "open-divs",
        }
    }

    /// The kind named `name`.
    pub fn from_name(name: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|kind| kind.name() == name)
    }

    /// What comes before the repeated units.
    fn head(self) -> &'static str {
        match self {
            Kind::LongLine => "<html><body>\n<h3>안심클릭</h3>\n<p>",
            Kind::Options => {
                "<html><body>\n<select name=\"selectcard\">\n<optgroup label=\"안심클릭\">\n"
            }
            _ => "<html><body>\n",
        }
    }

    /// The unit repeated; `i` counts units, so names and values can differ between them.
    fn unit(self, i: usize, out: &mut String) {
        use std::fmt::Write as _;
        match self {
            Kind::LongLine => out.push_str("삼성, 현대, 제주, "),
            Kind::NestedTables => out.push_str("<table><tr><th>안심클릭</th><td>제주 "),
            Kind::RadioLists => {
                let _ = write!(
                    out,
                    "<p><input type=\"radio\" name=\"certi{i}\" value=\"M\"> 안심클릭 : 삼성/현대/제주<br>\n\
                     <input type=\"radio\" name=\"certi{i}\" value=\"I\"> 안전결제(ISP) : 비씨/국민<br></p>\n"
                );
            }
            Kind::Options => {
                let card = ["삼성카드", "현대카드", "제주카드"][i % 3];
                let _ = writeln!(out, "<option value=\"{:02}\">{card}</option>", i % 100);
            }
            Kind::OpenDivs => out.push_str("<div class=\"pay\">안심클릭 : 삼성, 현대, 제주\n"),
        }
    }

    /// What comes after the units (unclosed kinds leave their elements open).
    fn tail(self) -> &'static str {
        match self {
            Kind::LongLine => "</p>\n</body></html>\n",
            Kind::Options => {
                "</optgroup>\n<optgroup label=\"안전결제\">\n<option value=\"0100\">비씨카드</option>\n</optgroup>\n</select>\n</body></html>\n"
            }
            Kind::RadioLists => "</body></html>\n",
            Kind::NestedTables | Kind::OpenDivs => "\n",
        }
    }
}

/// A UTF-8 page of the kind, `size` bytes or just over (whole units only).
pub fn page(kind: Kind, size: usize) -> Vec<u8> {
    let mut out = String::with_capacity(size + 256);
    out.push_str(kind.head());
    let tail = kind.tail();
    let mut i = 0;
    while out.len() + tail.len() < size {
        kind.unit(i, &mut out);
        i += 1;
    }
    out.push_str(tail);
    out.into_bytes()
}
