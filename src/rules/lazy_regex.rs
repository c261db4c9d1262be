//! A regex whose pattern is made when its rule loads and compiled when a page first needs it.
//!
//! Some of a rule's regexes cost more to compile than most files cost to scan (Unicode classes
//! give them large automata) and only some pages need them. Compiled at start, every run waits on
//! them before its second thread has any work; compiled on first use, a run that meets no such
//! page never pays, and one that does pays on a worker while the other goes on.

use std::sync::OnceLock;

use regex::Regex;

#[derive(Debug)]
pub struct LazyRegex {
    pattern: String,
    compiled: OnceLock<Result<Regex, regex::Error>>,
}

impl LazyRegex {
    pub fn new(pattern: String) -> LazyRegex {
        LazyRegex {
            pattern,
            compiled: OnceLock::new(),
        }
    }

    /// The regex, compiled by the first caller (others wait for it). An error is a pattern past
    /// the regex crate's size limits, which a rule's escaped words reach only when they are huge:
    /// each caller decides what that means for its page.
    pub fn get(&self) -> Result<&Regex, &regex::Error> {
        self.compiled
            .get_or_init(|| Regex::new(&self.pattern))
            .as_ref()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compiles_once_and_matches_as_its_pattern() {
        let lazy = LazyRegex::new(r"(?i)certitype\s*=".to_string());
        let first = lazy.get().expect("a valid pattern") as *const Regex;
        assert!(lazy.get().unwrap().is_match("CertiType ="));
        assert_eq!(first, lazy.get().unwrap() as *const Regex);
    }

    #[test]
    fn a_pattern_past_the_size_limit_is_an_error_not_a_panic() {
        let huge = format!("(?:{})", vec![r"\w{100}"; 200].join("|"));
        assert!(LazyRegex::new(huge).get().is_err());
    }
}
