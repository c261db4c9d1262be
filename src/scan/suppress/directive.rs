//! Reading what a suppression directive says: `kspay-migrate: ignore [RULE[, RULE...]] [-- reason]`
//! or `kspay-migrate: ignore-file [RULE...] [-- reason]`.
//!
//! [`parse`] gets the directive's text after the `kspay-migrate:` marker, up to the end of its
//! line or comment. Rule ids are separated by commas or spaces; the keyword is read without
//! regard to case, rule ids exactly as the rules spell them.

use std::fmt;

/// What a directive silences and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Directive {
    pub scope: Scope,
    /// The rule ids it names; empty means every rule.
    pub rules: Vec<String>,
    /// Why, as written after `--`.
    pub reason: Option<String>,
}

/// How far a directive reaches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// `ignore`: the element or line the comment stands before, or the line it ends.
    Here,
    /// `ignore-file`: the whole file.
    File,
}

/// Why a directive's text could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Malformed {
    /// Nothing follows the marker.
    NoKeyword,
    /// A word other than `ignore` or `ignore-file` follows the marker.
    UnknownKeyword(String),
}

impl fmt::Display for Malformed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let found = match self {
            Malformed::NoKeyword => "nothing".to_string(),
            Malformed::UnknownKeyword(word) => format!("`{word}`"),
        };
        write!(
            f,
            "expected `ignore` or `ignore-file` after `kspay-migrate:`, found {found}"
        )
    }
}

impl Directive {
    /// Whether the directive names this rule, or names none and so covers every rule.
    pub fn applies_to(&self, rule: &str) -> bool {
        self.rules.is_empty() || self.rules.iter().any(|r| r == rule)
    }
}

/// Reads a directive from the text that follows its `kspay-migrate:` marker.
pub fn parse(text: &str) -> Result<Directive, Malformed> {
    let (words, reason) = match text.split_once("--") {
        Some((words, reason)) => (words, Some(reason.trim())),
        None => (text, None),
    };
    let mut words = words
        .split(|c: char| c == ',' || c.is_whitespace())
        .filter(|w| !w.is_empty());
    let scope = match words.next() {
        None => return Err(Malformed::NoKeyword),
        Some(word) if word.eq_ignore_ascii_case("ignore") => Scope::Here,
        Some(word) if word.eq_ignore_ascii_case("ignore-file") => Scope::File,
        Some(word) => return Err(Malformed::UnknownKeyword(word.to_string())),
    };
    Ok(Directive {
        scope,
        rules: words.map(str::to_string).collect(),
        reason: reason.filter(|r| !r.is_empty()).map(str::to_string),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn directive(scope: Scope, rules: &[&str], reason: Option<&str>) -> Directive {
        Directive {
            scope,
            rules: rules.iter().map(|r| r.to_string()).collect(),
            reason: reason.map(str::to_string),
        }
    }

    #[test]
    fn bare_ignore_covers_every_rule() {
        let parsed = parse(" ignore ").unwrap();
        assert_eq!(parsed, directive(Scope::Here, &[], None));
        assert!(parsed.applies_to("jeju-mpi-to-isp"));
        assert!(parsed.applies_to("suhyup-isp-to-mpi"));
    }

    #[test]
    fn rules_are_split_by_commas_or_spaces() {
        assert_eq!(
            parse(" ignore jeju-mpi-to-isp, suhyup-isp-to-mpi").unwrap(),
            directive(Scope::Here, &["jeju-mpi-to-isp", "suhyup-isp-to-mpi"], None)
        );
        assert_eq!(
            parse("ignore jeju-mpi-to-isp,suhyup-isp-to-mpi")
                .unwrap()
                .rules,
            ["jeju-mpi-to-isp", "suhyup-isp-to-mpi"]
        );
        assert_eq!(
            parse("ignore jeju-mpi-to-isp suhyup-isp-to-mpi")
                .unwrap()
                .rules,
            ["jeju-mpi-to-isp", "suhyup-isp-to-mpi"]
        );
        let named = parse("ignore jeju-mpi-to-isp").unwrap();
        assert!(named.applies_to("jeju-mpi-to-isp"));
        assert!(!named.applies_to("suhyup-isp-to-mpi"));
    }

    #[test]
    fn the_reason_follows_two_dashes() {
        assert_eq!(
            parse(" ignore jeju-mpi-to-isp -- 2012년 결제창, 보관용 ").unwrap(),
            directive(
                Scope::Here,
                &["jeju-mpi-to-isp"],
                Some("2012년 결제창, 보관용")
            )
        );
        assert_eq!(
            parse("ignore-file -- test page").unwrap(),
            directive(Scope::File, &[], Some("test page"))
        );
        assert_eq!(parse("ignore --  ").unwrap().reason, None);
    }

    #[test]
    fn the_keyword_ignores_case_and_needs_no_space_after_the_marker() {
        assert_eq!(parse("IGNORE").unwrap().scope, Scope::Here);
        assert_eq!(parse("Ignore-File").unwrap().scope, Scope::File);
        assert_eq!(parse("ignore-file").unwrap().scope, Scope::File);
    }

    #[test]
    fn other_keywords_are_malformed() {
        assert_eq!(
            parse(" ingore jeju-mpi-to-isp"),
            Err(Malformed::UnknownKeyword("ingore".into()))
        );
        assert_eq!(
            parse(" ignore-next-line"),
            Err(Malformed::UnknownKeyword("ignore-next-line".into()))
        );
        assert_eq!(parse("   "), Err(Malformed::NoKeyword));
        assert_eq!(parse(" -- why"), Err(Malformed::NoKeyword));
        assert_eq!(
            Malformed::UnknownKeyword("ingore".into()).to_string(),
            "expected `ignore` or `ignore-file` after `kspay-migrate:`, found `ingore`"
        );
    }
}
