//! Detecting a page's encoding, decoding it strictly, and encoding edits back.
//!
//! Order: BOM, then the charset the page declares (meta, JSP, PHP header(), ASP CodePage),
//! then valid UTF-8, then chardetng with the Korean hint. A page is only ever decoded
//! strictly: bytes that do not decode are an error, so such a file is never rewritten.

use std::sync::LazyLock;

use encoding_rs::{EUC_KR, Encoding, UTF_8};
use regex::bytes::Regex;

/// How the user asked for pages to be decoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum EncodingChoice {
    /// Detect from BOM, declaration and content.
    Auto,
    /// Decode every page as UTF-8.
    #[value(name = "utf-8", alias = "utf8")]
    Utf8,
    /// Decode every page as EUC-KR (CP949).
    #[value(name = "euc-kr", alias = "cp949")]
    EucKr,
}

/// A page's text and what it takes to write it back byte for byte.
#[derive(Debug)]
pub struct Decoded {
    pub text: String,
    pub encoding: &'static Encoding,
    /// Length of the UTF-8 BOM the file starts with (0 or 3); kept on write.
    pub bom_len: usize,
}

/// Why a page could not be decoded.
#[derive(Debug, thiserror::Error)]
pub enum DecodeError {
    #[error("bytes at line {line} are not valid {encoding}")]
    Invalid { encoding: &'static str, line: usize },
    #[error(
        "declares charset {declared} but its bytes are not valid {encoding} (line {line}){hint}"
    )]
    Contradiction {
        declared: String,
        encoding: &'static str,
        line: usize,
        hint: &'static str,
    },
    #[error("{0} files are not supported")]
    Unsupported(&'static str),
}

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// Detects the encoding of `bytes` (or uses the forced one) and decodes strictly.
pub fn decode(bytes: &[u8], choice: EncodingChoice) -> Result<Decoded, DecodeError> {
    let bom_len = if bytes.starts_with(UTF8_BOM) { 3 } else { 0 };
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return Err(DecodeError::Unsupported("UTF-16"));
    }
    let body = &bytes[bom_len..];
    let forced = match choice {
        EncodingChoice::Auto => None,
        EncodingChoice::Utf8 => Some(UTF_8),
        EncodingChoice::EucKr => Some(EUC_KR),
    };
    // Each branch decodes once and keeps the text: a check that decodes and a second decode
    // for the result cost every page that passed the prefilter twice.
    let (encoding, text) = if let Some(encoding) = forced {
        (encoding, strict_decode(encoding, body))
    } else if bom_len > 0 {
        (UTF_8, strict_decode(UTF_8, body))
    } else if let Some((declared, encoding)) = declared_charset(body) {
        let Some(text) = strict_decode(encoding, body) else {
            let line = first_invalid_line(encoding, body);
            let hint = if std::str::from_utf8(body).is_ok() {
                "; the file is valid UTF-8: fix its declaration or pass --encoding utf-8"
            } else {
                ""
            };
            return Err(DecodeError::Contradiction {
                declared,
                encoding: encoding.name(),
                line,
                hint,
            });
        };
        (encoding, Some(text))
    } else if let Ok(text) = std::str::from_utf8(body) {
        (UTF_8, Some(text.to_owned()))
    } else {
        guess(body)
    };
    match text {
        Some(text) => Ok(Decoded {
            text,
            encoding,
            bom_len,
        }),
        None => Err(DecodeError::Invalid {
            encoding: encoding.name(),
            line: first_invalid_line(encoding, body),
        }),
    }
}

/// Encodes `text` in `encoding`; `None` if a character has no representation there.
pub fn encode(encoding: &'static Encoding, text: &str) -> Option<Vec<u8>> {
    let (bytes, _, had_errors) = encoding.encode(text);
    (!had_errors).then(|| bytes.into_owned())
}

/// Decodes without replacement characters; `None` on any malformed byte.
pub fn strict_decode(encoding: &'static Encoding, bytes: &[u8]) -> Option<String> {
    encoding
        .decode_without_bom_handling_and_without_replacement(bytes)
        .map(|text| text.into_owned())
}

/// chardetng with the Korean hint; falls back to EUC-KR when its guess does not decode. The
/// encoding, with the text when it decodes.
fn guess(body: &[u8]) -> (&'static Encoding, Option<String>) {
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(body, true);
    let guessed = detector.guess(Some(b"kr"), chardetng::Utf8Detection::Allow);
    if guessed.is_ascii_compatible()
        && let Some(text) = strict_decode(guessed, body)
    {
        return (guessed, Some(text));
    }
    (EUC_KR, strict_decode(EUC_KR, body))
}

/// The charset a page declares in its first 4 KiB, with the label as written.
fn declared_charset(body: &[u8]) -> Option<(String, &'static Encoding)> {
    static DECLARATION: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r#"(?i)(?:charset\s*=\s*["']?\s*|pageEncoding\s*=\s*["']\s*|<\?xml[^>]*encoding\s*=\s*["']\s*)([a-z0-9_.:-]+)|codepage\s*=\s*["']?\s*(\d+)"#,
        )
        .expect("valid declaration regex")
    });
    let head = &body[..body.len().min(4096)];
    DECLARATION.captures_iter(head).find_map(|caps| {
        let label = caps.get(1).or_else(|| caps.get(2))?;
        let label = String::from_utf8_lossy(label.as_bytes()).into_owned();
        let encoding = encoding_for_label(&label)?;
        Some((label, encoding))
    })
}

/// Maps a charset label or Windows code page as written in pages to an encoding.
///
/// encoding_rs knows the WHATWG labels; Korean pages also use names it lacks.
pub fn encoding_for_label(label: &str) -> Option<&'static Encoding> {
    let normalized = label.trim().to_ascii_lowercase();
    let encoding = match normalized.as_str() {
        "cp949" | "ms949" | "x-windows-949" | "windows-949" | "949" | "51949" | "uhc"
        | "euc_kr" | "euckr" | "ksc5601" | "ks_c_5601" | "ksc_5601" => EUC_KR,
        "65001" | "utf8" | "utf_8" => UTF_8,
        _ => Encoding::for_label(normalized.as_bytes())?,
    };
    // Only ASCII-compatible encodings can be parsed as markup byte for byte.
    encoding.is_ascii_compatible().then_some(encoding)
}

/// 1-based line of the first byte that does not decode.
fn first_invalid_line(encoding: &'static Encoding, body: &[u8]) -> usize {
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let mut scratch = String::with_capacity(body.len() * 3 + 16);
    let (result, consumed) = decoder.decode_to_string_without_replacement(body, &mut scratch, true);
    let offset = match result {
        encoding_rs::DecoderResult::Malformed(bad, pending) => {
            consumed.saturating_sub(bad as usize + pending as usize)
        }
        _ => consumed,
    };
    body[..offset.min(body.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    fn euc_kr(text: &str) -> Vec<u8> {
        encode(EUC_KR, text).unwrap()
    }

    #[test]
    fn declared_euc_kr_labels_are_recognised() {
        for label in [
            "euc-kr",
            "ks_c_5601-1987",
            "cp949",
            "MS949",
            "x-windows-949",
        ] {
            let page = euc_kr(&format!(
                "<meta http-equiv=\"Content-Type\" content=\"text/html; charset={label}\">제주"
            ));
            let decoded = decode(&page, EncodingChoice::Auto).unwrap();
            assert_eq!(decoded.encoding, EUC_KR, "{label}");
            assert!(decoded.text.ends_with("제주"));
        }
        let asp = euc_kr("<%@ CodePage=949 %>\r\n<% Session.CodePage = 949 %>똠방각하");
        assert_eq!(decode(&asp, EncodingChoice::Auto).unwrap().encoding, EUC_KR);
    }

    #[test]
    fn undeclared_korean_is_detected_and_bom_is_kept_apart() {
        let page = euc_kr("<p>안심클릭 결제 카드: 외환, 삼성, 현대, 제주</p>");
        assert_eq!(
            decode(&page, EncodingChoice::Auto).unwrap().encoding,
            EUC_KR
        );
        let mut bom = UTF8_BOM.to_vec();
        bom.extend_from_slice("<p>제주</p>".as_bytes());
        let decoded = decode(&bom, EncodingChoice::Auto).unwrap();
        assert_eq!((decoded.encoding, decoded.bom_len), (UTF_8, 3));
        assert_eq!(decoded.text, "<p>제주</p>");
    }

    #[test]
    fn contradicting_declaration_is_an_error_with_a_line() {
        let page = "<meta charset=\"euc-kr\">\n<p>제주</p>".as_bytes();
        let err = decode(page, EncodingChoice::Auto).unwrap_err();
        let message = err.to_string();
        assert!(message.contains("declares charset euc-kr"), "{message}");
        assert!(message.contains("line 2"), "{message}");
        assert!(message.contains("valid UTF-8"), "{message}");
    }

    #[test]
    fn invalid_bytes_are_reported_not_replaced() {
        let mut page = euc_kr("<meta charset=euc-kr>\r\n제주\r\n");
        page.extend_from_slice(b"\x80\xFF\r\n");
        let err = decode(&page, EncodingChoice::EucKr).unwrap_err();
        assert_eq!(err.to_string(), "bytes at line 3 are not valid EUC-KR");
    }
}
