//! Properties over generated pages: every markup form, both encodings, BOM, CRLF or LF, with
//! trap text and server code around the card lists.
//!
//! - a stale page gets exactly one finding per Jeju entry under MPI, and its fix is idempotent;
//! - everything outside the two card lists is byte-identical after the fix;
//! - encoding, BOM and line endings are preserved;
//! - a page without Jeju under MPI gets no finding and no change.

use std::path::Path;

use encoding_rs::{EUC_KR, Encoding, UTF_8};
use proptest::prelude::*;

use kspay_migrate::diagnostics::Applicability;
use kspay_migrate::diagnostics::FileReport;
use kspay_migrate::pipeline::{Mode, Options, Pipeline};
use kspay_migrate::rules::{self, Severity};
use kspay_migrate::source::encoding::EncodingChoice;

const MPI_PEERS: &[&str] = &[
    "외환", "삼성", "현대", "신한", "롯데", "하나", "씨티", "농협",
];
const ISP_PEERS: &[&str] = &["비씨", "국민", "수협", "전북", "광주", "우리"];

/// Text around the lists: traps where Jeju appears but nothing is wrong, and server code.
const FILLER: &[&str] = &[
    "<p class=\"notice\">결제주문 전 주문내역을 확인하세요. 삭제주문은 복구되지 않습니다.</p>",
    "<p>제주/도서산간 지역은 추가 배송비 3,000원이 부과됩니다. 제주도 배송은 2~3일 소요.</p>",
    "<div class=\"addr\">제주특별자치도 제주시 연동 123-4 (주)한라상사</div>",
    "<select name=\"bankcode\"><option value=\"35\">제주은행</option><option value=\"04\">국민은행</option></select>",
    "<!-- 안심클릭: 외환,삼성,현대,제주 (2013년 이전 목록) -->",
    "<% ' 예전 목록: 안심클릭 외환,삼성,제주\nDim amount : amount = Request(\"sndAmount\") %>",
    "<?php $note = \"<td>제주 안심클릭</td>\"; if ($a > 1) { echo $note; } ?>",
    "<script type=\"text/javascript\">\nfunction submitV3d() { document.KSPayWeb.submit(); } // 제주\n</script>",
    "<p>제주항공 마일리지 적립 이벤트 진행중</p>",
    "<input type=\"hidden\" name=\"sndOrdernumber\" value=\"<%=orderNo%>\">",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Form {
    Radio,
    Optgroup,
    TwoSelects,
    Branches,
}

#[derive(Debug, Clone)]
struct Spec {
    form: Form,
    euc_kr: bool,
    bom: bool,
    crlf: bool,
    separator: &'static str,
    card_suffix: bool,
    mpi: Vec<&'static str>,
    jeju_at: Option<usize>,
    isp: Vec<&'static str>,
    isp_has_jeju: bool,
    filler: [Vec<&'static str>; 3],
}

/// A generated page: the three filler parts (which a fix must not touch) and the whole text.
struct Generated {
    fillers: [String; 3],
    text: String,
}

fn card(name: &str, suffix: bool) -> String {
    if suffix {
        format!("{name}카드")
    } else {
        name.to_string()
    }
}

fn mpi_cards(spec: &Spec) -> Vec<String> {
    let mut cards: Vec<String> = spec.mpi.iter().map(|c| card(c, spec.card_suffix)).collect();
    if let Some(at) = spec.jeju_at {
        cards.insert(at.min(cards.len()), card("제주", spec.card_suffix));
    }
    cards
}

fn isp_cards(spec: &Spec) -> Vec<String> {
    let mut cards: Vec<String> = spec.isp.iter().map(|c| card(c, spec.card_suffix)).collect();
    if spec.isp_has_jeju {
        cards.push(card("제주", spec.card_suffix));
    }
    cards
}

fn options(cards: &[String], indent: &str) -> String {
    cards
        .iter()
        .enumerate()
        .map(|(i, c)| format!("{indent}<option value=\"{:02}\">{c}</option>\n", i + 1))
        .collect()
}

fn generate(spec: &Spec) -> Generated {
    let mpi = mpi_cards(spec);
    let isp = isp_cards(spec);
    let (mpi_block, isp_block) = match spec.form {
        Form::Radio => (
            format!(
                "<input type=\"radio\" name=\"certitype\" value=\"M\" <%if certitype=\"M\" then%>checked<%end if%>>안심클릭<br>\n&nbsp;&nbsp;{}<br>\n",
                mpi.join(spec.separator)
            ),
            format!(
                "<input type=\"radio\" name=\"certitype\" value=\"I\">안전결제(ISP)<br>\n&nbsp;&nbsp;{}<br>\n<input type=\"radio\" name=\"certitype\" value=\"N\">일반인증승인<br>\n",
                isp.join(spec.separator)
            ),
        ),
        Form::Optgroup => (
            format!(
                "<select name=\"cardCode\">\n  <optgroup label=\"안심클릭(MPI)\">\n{}  </optgroup>\n",
                options(&mpi, "    ")
            ),
            format!(
                "  <optgroup label=\"안전결제(ISP)\">\n{}  </optgroup>\n</select>\n",
                options(&isp, "    ")
            ),
        ),
        Form::TwoSelects => (
            format!(
                "<select name=\"mpi_card\">\n{}</select>\n",
                options(&mpi, "\t")
            ),
            format!(
                "<select name=\"isp_card\">\n{}</select>\n",
                options(&isp, "\t")
            ),
        ),
        Form::Branches => (
            format!(
                "<% If certitype = \"M\" Then %>\n<select name=\"selectcard\">\n{}</select>\n<% ElseIf certitype = \"I\" Then %>\n",
                options(&mpi, "  ")
            ),
            format!(
                "<select name=\"selectcard\">\n{}</select>\n<% End If %>\n",
                options(&isp, "  ")
            ),
        ),
    };
    let head = if spec.euc_kr {
        "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=euc-kr\">\n"
    } else {
        "<html><head><meta charset=\"utf-8\">\n"
    };
    let fillers = spec
        .filler
        .clone()
        .map(|parts| parts.iter().map(|p| format!("{p}\n")).collect::<String>());
    let fillers = [
        format!(
            "{head}</head><body><form name=\"KSPayWeb\">\n{}",
            fillers[0]
        ),
        fillers[1].clone(),
        format!("{}</form></body></html>\n", fillers[2]),
    ];
    let text = format!(
        "{}{mpi_block}{}{isp_block}{}",
        fillers[0], fillers[1], fillers[2]
    );
    Generated { fillers, text }
}

fn encoding_of(spec: &Spec) -> &'static Encoding {
    if spec.euc_kr { EUC_KR } else { UTF_8 }
}

fn to_bytes(spec: &Spec, text: &str) -> Vec<u8> {
    let text = if spec.crlf {
        text.replace('\n', "\r\n")
    } else {
        text.to_string()
    };
    let (bytes, _, errors) = encoding_of(spec).encode(&text);
    assert!(!errors);
    let mut out = if spec.bom && !spec.euc_kr {
        b"\xEF\xBB\xBF".to_vec()
    } else {
        Vec::new()
    };
    out.extend_from_slice(&bytes);
    out
}

fn scan(bytes: &[u8]) -> FileReport {
    let scanner = Pipeline::new(
        rules::embedded().unwrap(),
        Options {
            encoding: EncodingChoice::Auto,
            max_filesize: 8 << 20,
            unsafe_fixes: false,
            mode: Mode::Fix,
            max_findings: kspay_migrate::scan::MAX_FINDINGS_PER_FILE,
        },
    );
    scanner.process_bytes(Path::new("generated.asp"), bytes.to_vec())
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() {
        return Some(0);
    }
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn spec_strategy() -> impl Strategy<Value = Spec> {
    let form = prop_oneof![
        Just(Form::Radio),
        Just(Form::Optgroup),
        Just(Form::TwoSelects),
        Just(Form::Branches)
    ];
    let filler = || proptest::sample::subsequence(FILLER.to_vec(), 0..4);
    (
        form,
        any::<(bool, bool, bool, bool)>(),
        prop_oneof![Just(","), Just(", "), Just(" / "), Just("·")],
        proptest::sample::subsequence(MPI_PEERS.to_vec(), 1..6),
        proptest::option::weighted(0.85, 0usize..8),
        proptest::sample::subsequence(ISP_PEERS.to_vec(), 1..5),
        proptest::bool::weighted(0.15),
        (filler(), filler(), filler()),
    )
        .prop_map(
            |(
                form,
                (euc_kr, bom, crlf, card_suffix),
                separator,
                mpi,
                jeju_at,
                isp,
                isp_has_jeju,
                (a, b, c),
            )| Spec {
                form,
                euc_kr,
                bom,
                crlf,
                separator,
                card_suffix,
                mpi,
                jeju_at,
                isp,
                isp_has_jeju,
                filler: [a, b, c],
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 192, ..ProptestConfig::default() })]

    #[test]
    fn fixes_touch_only_the_lists_and_keep_encoding_and_line_endings(spec in spec_strategy()) {
        let page = generate(&spec);
        let input = to_bytes(&spec, &page.text);
        let report = scan(&input);
        prop_assert!(report.error.is_none(), "error: {:?}", report.error);

        let stale = spec.jeju_at.is_some();
        // Listed under neither scheme: one warning whose fix (adding it) is left to
        // `--unsafe-fixes`, so plain `fix` changes nothing.
        // Only pages that pass the prefilter are read: they name the card or a Hangul scheme
        // title somewhere (pages told apart by `mpi_card`/`isp_card` alone may do neither).
        let read = ["제주", "안심클릭", "안전결제"].iter().any(|word| page.text.contains(word));
        let in_neither = !stale && !spec.isp_has_jeju && read;
        prop_assert_eq!(report.findings.len(), usize::from(stale || in_neither));
        if in_neither {
            let finding = &report.findings[0].finding;
            prop_assert_eq!(finding.severity, Severity::Warning);
            // An option needs the card's code, which a page that never lists the card lacks.
            let expected = if spec.form == Form::Radio { Applicability::Unsafe } else { Applicability::None };
            prop_assert_eq!(finding.applicability, expected);
        }
        let Some(change) = &report.change else {
            prop_assert!(!stale, "a stale page must get a fix");
            return Ok(());
        };
        let output = &change.fixed;

        // Filler parts are byte-identical and in order.
        let mut from = 0;
        for filler in &page.fillers {
            let bytes = to_bytes(&Spec { bom: false, ..spec.clone() }, filler);
            let at = find(&output[from..], &bytes);
            prop_assert!(at.is_some(), "filler changed or moved: {:?}", filler);
            from += at.unwrap() + bytes.len();
        }

        // Encoding, BOM and line endings.
        let bom = spec.bom && !spec.euc_kr;
        prop_assert_eq!(output.starts_with(b"\xEF\xBB\xBF"), bom);
        let body = &output[if bom { 3 } else { 0 }..];
        let decoded = encoding_of(&spec)
            .decode_without_bom_handling_and_without_replacement(body);
        prop_assert!(decoded.is_some(), "output does not decode in the page's encoding");
        let decoded = decoded.unwrap();
        let bare_lf = decoded.matches('\n').count() - decoded.matches("\r\n").count();
        if spec.crlf {
            prop_assert_eq!(bare_lf, 0, "a bare LF in a CRLF page");
        } else {
            prop_assert!(!decoded.contains('\r'), "a CR in an LF page");
        }

        // Jeju is now listed exactly once, under ISP; the MPI peers are all still there.
        prop_assert_eq!(decoded.matches(&card("제주", spec.card_suffix)).count()
            - page.fillers.iter().map(|f| f.matches(&card("제주", spec.card_suffix)).count()).sum::<usize>(), 1);
        for peer in &spec.mpi {
            prop_assert!(decoded.contains(&card(peer, spec.card_suffix)));
        }

        // Idempotent: nothing left to fix, and a second fix changes nothing.
        let again = scan(output);
        prop_assert!(again.change.is_none());
        prop_assert!(!again.findings.iter().any(|f| f.finding.applicability.applies(false)));
    }

    #[test]
    fn clean_pages_have_no_finding_and_no_change(spec in spec_strategy()) {
        let clean = Spec { jeju_at: None, isp_has_jeju: true, ..spec };
        let input = to_bytes(&clean, &generate(&clean).text);
        let report = scan(&input);
        prop_assert!(report.error.is_none());
        prop_assert!(report.findings.is_empty(), "{:?}", report.findings.first().map(|f| &f.source_line));
        prop_assert!(report.change.is_none());
    }
}
