//! Which codes are card codes on a page, and which of them is the rule's card.
//!
//! A code is tied to a card by the page itself: an `<option value="13">제주카드</option>` of a
//! card select, a code-to-name pair in a script (`"13": "제주카드"`, `"13" => "제주"`), or a
//! comment beside the code (`"13",  // 제주카드`). The rule's own codes count too.

use std::sync::LazyLock;

use regex::Regex;

use super::Scripts;
use crate::page::Page;
use crate::rules::Rule;

/// The codes a page ties to cards.
pub(super) struct Codes {
    /// The rule's card's codes, the page's first.
    pub jeju: Vec<String>,
    /// Every code the page ties to a card (the rule's card included).
    pub card: Vec<String>,
}

impl Codes {
    pub fn of(page: &Page, rule: &Rule, scripts: &Scripts) -> Codes {
        // Every option of a card select is a card; a script pair or comment names a card only
        // when its label is the card or one of its peers.
        let options = card_options(page, rule)
            .into_iter()
            .map(|pair| (pair, true));
        let mut pairs: Vec<((String, String), bool)> = options.collect();
        for range in &scripts.ranges {
            let script_pairs = script_pairs(&scripts.code[range.clone()])
                .into_iter()
                .chain(commented_codes(&page.masked[range.clone()]));
            pairs.extend(script_pairs.map(|pair| (pair, false)));
        }
        let mut codes = Codes {
            jeju: Vec::new(),
            card: Vec::new(),
        };
        for ((code, label), from_card_select) in pairs {
            let is_jeju = !rule.card.tokens(&label).is_empty();
            if !is_jeju && !from_card_select && !rule.card.is_peer(&label) {
                continue;
            }
            if is_jeju && !codes.jeju.contains(&code) {
                codes.jeju.push(code.clone());
            }
            if !codes.card.contains(&code) {
                codes.card.push(code);
            }
        }
        for code in &rule.card.codes {
            for list in [&mut codes.jeju, &mut codes.card] {
                if !list.contains(code) {
                    list.push(code.clone());
                }
            }
        }
        codes
    }

    /// Whether `code` can be a card code here: one the page ties to a card, or any code when
    /// the page ties none (a `.js` file that only knows the rule's codes).
    pub fn is_card(&self, code: &str) -> bool {
        let ties_other_cards = self.card.iter().any(|c| !self.jeju.contains(c));
        !ties_other_cards || self.card.iter().any(|c| c == code)
    }

    pub fn is_jeju(&self, code: &str) -> bool {
        self.jeju.iter().any(|c| c == code)
    }
}

/// `(code, label)` of the options of the page's selects that list cards (not banks, regions
/// or months), with a literal code.
fn card_options(page: &Page, rule: &Rule) -> Vec<(String, String)> {
    let tree = &page.tree;
    let mut out = Vec::new();
    for select in tree.elements("select") {
        let options: Vec<(String, String)> = tree
            .descendants(select)
            .into_iter()
            .filter(|&id| tree.name(id) == "option")
            .filter_map(|id| {
                let value = tree.attr(id, "value")?;
                let literal = value
                    .value_range
                    .as_ref()
                    .is_some_and(|r| !page.has_server_code(r));
                let code = value.value.trim();
                (literal && !code.is_empty()).then(|| {
                    let label = page.visible(tree.content_range(id)).trim().to_string();
                    (code.to_string(), label)
                })
            })
            .collect();
        let labels: Vec<&str> = options.iter().map(|(_, label)| label.as_str()).collect();
        if rule.card.is_card_list(&labels) {
            out.extend(options);
        }
    }
    out
}

/// `"13": "제주카드"` and `'13' => '제주'` pairs.
fn script_pairs(code: &str) -> Vec<(String, String)> {
    static PAIR: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r#"["']([\w-]{1,10})["']\s*(?::|=>)\s*["']([^"'\n]{1,30})["']"#)
            .expect("valid regex")
    });
    PAIR.captures_iter(code)
        .map(|caps| (caps[1].to_string(), caps[2].trim().to_string()))
        .collect()
}

/// `"13",  // 제주카드` and `'13' /* 제주 */`: a quoted code with a comment beside it.
fn commented_codes(text: &str) -> Vec<(String, String)> {
    static COMMENTED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r#"["']([\w-]{1,10})["']\s*[,;)\]]?\s*(?://|/\*)\s*([^\n*]{1,40})"#)
            .expect("valid regex")
    });
    COMMENTED
        .captures_iter(text)
        .map(|caps| (caps[1].to_string(), caps[2].trim().to_string()))
        .collect()
}
