//! Numeric character references (`&#51228;`, `&#xC81C;`): pages written by editors that could not
//! store Hangul in the page's encoding carry card and scheme names this way, and they must count
//! exactly like the characters.

use std::borrow::Cow;

/// `text` with every numeric character reference replaced by its character; borrowed when
/// there is none. Used to classify text (labels, peers), never to compute positions.
pub fn decode(text: &str) -> Cow<'_, str> {
    if !text.contains("&#") {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("&#") {
        out.push_str(&rest[..at]);
        match parse(&rest[at..]) {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[at + len..];
            }
            None => {
                out.push_str("&#");
                rest = &rest[at + 2..];
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// The reference at the start of `text`: its character and its length in bytes.
fn parse(text: &str) -> Option<(char, usize)> {
    let body = text.strip_prefix("&#")?;
    let (digits, radix, lead) = match body.strip_prefix(['x', 'X']) {
        Some(hex) => (hex, 16, 3),
        None => (body, 10, 2),
    };
    let len = digits.find(|c: char| !c.is_digit(radix))?;
    if len == 0 || len > 8 || !digits[len..].starts_with(';') {
        return None;
    }
    let c = char::from_u32(u32::from_str_radix(&digits[..len], radix).ok()?)?;
    Some((c, lead + len + 1))
}

/// The character just before `end`, reading a reference that ends there as its character.
pub fn char_before(text: &str, end: usize) -> Option<char> {
    let head = &text[..end];
    let reference = head
        .ends_with(';')
        .then(|| head.rfind("&#"))
        .flatten()
        .and_then(|at| parse(&head[at..]).filter(|(_, len)| at + len == end));
    reference
        .map(|(c, _)| c)
        .or_else(|| head.chars().next_back())
}

/// The character at `start`, reading a reference there as its character.
pub fn char_at(text: &str, start: usize) -> Option<char> {
    let tail = &text[start..];
    parse(tail).map(|(c, _)| c).or_else(|| tail.chars().next())
}

/// A regex fragment matching `word` with any of its non-ASCII characters written as a decimal
/// or hexadecimal reference.
pub fn pattern(word: &str) -> String {
    word.chars()
        .map(|c| {
            let literal = regex::escape(c.encode_utf8(&mut [0; 4]));
            if c.is_ascii() {
                literal
            } else {
                format!(
                    "(?:{literal}|&#0*{};|&#[xX]0*(?i:{:x});)",
                    c as u32, c as u32
                )
            }
        })
        .collect()
}

/// `word` written as decimal references, for lists whose items are written that way.
pub fn encode(word: &str) -> String {
    word.chars()
        .map(|c| {
            if c.is_ascii() {
                c.to_string()
            } else {
                format!("&#{};", c as u32)
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex::Regex;

    #[test]
    fn decodes_decimal_and_hex_and_leaves_the_rest() {
        assert_eq!(decode("&#51228;&#xC8FC;카드"), "제주카드");
        assert_eq!(decode("a &# b &#xZZ; &#12"), "a &# b &#xZZ; &#12");
        assert!(matches!(decode("no refs"), Cow::Borrowed(_)));
    }

    #[test]
    fn pattern_matches_every_spelling() {
        let re = Regex::new(&format!("^{}$", pattern("제주"))).unwrap();
        for text in ["제주", "&#51228;&#51452;", "&#xC81C;&#xc8fc;", "제&#51452;"] {
            assert!(re.is_match(text), "{text}");
        }
        assert!(!re.is_match("&#51228;&#51453;"));
    }

    #[test]
    fn neighbours_read_through_references() {
        let text = "&#44208;&#51228;&#51452;&#47928;";
        assert_eq!(char_before(text, 8), Some('결'));
        assert_eq!(char_at(text, 24), Some('문'));
        assert_eq!(encode("제주"), "&#51228;&#51452;");
    }
}
