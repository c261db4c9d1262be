//! The text gate loses no finding (issue 16): a page the gate rules out before parsing has no
//! finding when it is parsed in full. Checked on trap-heavy pages made of what Korean shop
//! pages really say about 제주 and 안심클릭 (shipping notes, addresses, region pickers, bank
//! lists, payment guides), mixed with the pieces that do make findings (card lists under a
//! scheme, scripts and server code choosing a scheme, suppression comments), in every encoding
//! and stack; and on every sample and case page.

#[path = "common/corpus.rs"]
mod corpus;

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use proptest::prelude::*;
use rand::SeedableRng;
use rand_xorshift::XorShiftRng;

use corpus::{Content, Stack, Style};
use kspay_migrate::diagnostics::FileReport;
use kspay_migrate::rules;
use kspay_migrate::scan::page::{self, PageKind};
use kspay_migrate::scan::prefilter::Prefilter;
use kspay_migrate::scan::{MAX_FINDINGS_PER_FILE, ScanOptions, Scanner};
use kspay_migrate::source::encoding::{self, EncodingChoice};

fn scanner() -> Scanner {
    Scanner::new(
        rules::embedded().unwrap(),
        ScanOptions {
            encoding: EncodingChoice::Auto,
            max_findings: MAX_FINDINGS_PER_FILE,
        },
    )
}

static GATED: LazyLock<Scanner> = LazyLock::new(scanner);
static UNGATED: LazyLock<Scanner> = LazyLock::new(|| scanner().without_text_gate());
static PREFILTER: LazyLock<Prefilter> =
    LazyLock::new(|| Prefilter::new(&rules::embedded().unwrap()));

/// What a report says: each finding and suppressed finding by place, rule, kind and fix.
fn said(report: &FileReport) -> Vec<String> {
    report
        .findings
        .iter()
        .chain(report.suppressed.iter().map(|s| &s.located))
        .map(|l| {
            format!(
                "{}:{} {} {} {:?}",
                l.line,
                l.column,
                l.finding.rule,
                l.finding.kind.as_str(),
                l.finding.applicability
            )
        })
        .collect()
}

/// What a page's detection says, the gates aside, by byte offsets in the decoded page (a
/// blanked comment keeps its bytes, not its characters, so columns after it move).
fn detected(path: &Path, bytes: Vec<u8>) -> Vec<String> {
    UNGATED
        .rescan(path, &bytes)
        .unwrap()
        .iter()
        .map(|l| {
            let finding = &l.finding;
            format!(
                "{:?} {} {} {:?} {:?}",
                finding.span,
                finding.rule,
                finding.kind.as_str(),
                finding.applicability,
                finding.edits
            )
        })
        .collect()
}

/// Whether the gate lets the page through to the parser.
fn parsed(bytes: &[u8]) -> bool {
    let Some(hit) = PREFILTER.search_bytes(bytes) else {
        return false;
    };
    let text = encoding::decode(bytes, EncodingChoice::Auto).unwrap().text;
    PREFILTER.worth_parsing(hit, &rules::embedded().unwrap(), &text, PageKind::Markup)
}

fn assert_gate_keeps_findings(path: &Path, bytes: &[u8]) {
    let gated = GATED.scan(path, bytes.to_vec()).report;
    let full = UNGATED.scan(path, bytes.to_vec()).report;
    assert_eq!(
        said(&gated),
        said(&full),
        "{}: the gate changed what the page reports:\n{}",
        path.display(),
        String::from_utf8_lossy(bytes)
    );
}

/// What shop pages say about 제주 and the schemes where nothing is wrong, beyond the
/// generator's traps.
const MORE_TRAPS: &[&str] = &[
    "<select name=\"sido\"><option>서울특별시</option><option>부산광역시</option><option>제주특별자치도</option></select>",
    "<p>결제 안내: 안심클릭 결제창에서 카드 비밀번호를 입력하세요. 안전결제(ISP)는 별도 인증서가 필요합니다.</p>",
    "<p>안심 클릭 결제 시 팝업 차단을 해제해 주세요.</p>",
    "<div style=\"display:none\" class=\"display-box\">제주 감귤 특가</div>",
    "<p>&#51228;&#51452; 지역 배송 안내</p>",
    "<p>Free shipping except Jeju Island and remote areas.</p>",
    "<input type=\"hidden\" name=\"ispcheck\" value=\"Y\"><p>제주/울릉도 추가 배송비</p>",
    "<li>제주은행 123-45-678901 (예금주: 한라상사)</li>",
];

/// The pieces that make findings (or look close to it), as shops wrote them.
const SCHEME_PIECES: &[&str] = &[
    "<p>안심클릭 : 외환, 삼성, 현대, 신한, 제주<br />안전결제(ISP) : 비씨, 국민, 우리</p>",
    "<p>안심클릭 : 외환, 삼성, 현대<br />안전결제(ISP) : 비씨, 국민, 우리</p>",
    "<select name=\"mpi_card\"><option value=\"03\">외환카드</option><option value=\"13\">제주카드</option></select>",
    "<select name=\"isp_card\"><option value=\"01\">비씨카드</option><option value=\"02\">국민카드</option></select>",
    "<ul class=\"mpiCards\"><li>외환</li><li>삼성</li><li>제주</li></ul>",
    "<select name=\"mpi_card\"><option>농협카드</option></select><select name=\"isp_card\"><option>광주카드</option></select>",
    "<ul class=\"ispCards\"><li>비씨</li><li>국민</li></ul>",
    "<ul class=\"ispCards\"><li>비씨</li><li>국민</li><li>제주</li></ul>",
    "<script>var MPI_CARDS = [\"0300\", \"0400\", \"13\"]; // 13: 제주카드\nvar ISP_CARDS = [\"0100\", \"0204\"];\n</script>",
    "<script>var ISP_CARDS = [\"0100\", \"0204\"];\nfunction route(code) { if (ISP_CARDS.indexOf(code) >= 0) { isp(); } else { mpi(); } }</script>",
    "<?php if ($cardcode == \"13\") { $certitype = \"M\"; } // 제주카드 ?>",
    "<?php\nif ($cardname == \"제주카드\") {\n\t$certitype = \"M\";\n} else if ($cardname == \"비씨카드\") {\n\t$certitype = \"I\";\n} else {\n\t$certitype = \"M\";\n}\n?>",
    "<% If cardcode = \"13\" Then certitype = \"M\" ' 제주카드 %>",
    "<!-- kspay-migrate: ignore jeju-mpi-to-isp -- 시험 상점 -->",
    "<!-- kspay-migrate: ignore -->",
    "<p>제주카드 회원님은 안심클릭으로 결제하시게 됩니다.</p>",
    "<p>MPI: Samsung, Hyundai, Jeju</p><p>ISP: BC, KB Kookmin</p>",
    "<input type=\"radio\" name=\"certitype\" value=\"M\">&#50504;&#49900;&#53364;&#47533; 외환, 삼성, 제주",
    // Titles broken by markup or server code, which detection reads as one.
    "<table><tr><th>안심<br>클릭</th><td>외환, 삼성, 제주</td></tr><tr><th>안전<br>결제</th><td>비씨, 국민</td></tr></table>",
    "<dl><dt>안심<?= $sep ?>클릭</dt><dd>외환, 삼성, 제주</dd></dl>",
    // Peers with the suffix glued on, in a list that leaves the card out.
    "<b>안심클릭</b>: Samsungcard, Hyundaicard<br><b>안전결제</b>: BCcard, KBcard",
];

/// A bare card name with no peer on the page: a list of its own where nothing but titles
/// stand beside it, and a shipping note where other words do; both under every kind of scheme
/// title, so that the gate's reading of "beside it" is checked against every form's.
const LONE_CARDS: &[&str] = &[
    "<h4>안심클릭 결제 카드</h4><ul><li>제주</li></ul>",
    "<h4>안심클릭 결제 카드</h4><ul><li>&nbsp;제주&nbsp;</li></ul>",
    "<h4>안심클릭</h4><p>제주</p>",
    "<h4>안심클릭</h4><p>제주<br>도서산간</p>",
    "<h4>안심클릭</h4><p>제주/도서산간 5,000원</p>",
    "<h4>안심클릭</h4><p>제주 및 도서산간 지역</p>",
    "<table><tr><th>안심클릭</th><td>제주</td></tr><tr><th>안전결제</th><td>도서산간</td></tr></table>",
    "<table><tr><th>안심클릭</th><td>제주/도서산간</td></tr></table>",
    "<table><tr><td>제주</td><td>안심클릭</td></tr></table>",
    "<table><tr><td>제주 지역</td><td>안심클릭</td></tr></table>",
    "<p>안심클릭: 제주</p>",
    "<p>안심클릭 : 제주 / 도서산간</p>",
    "<p>안심클릭(제주)</p>",
    "<p>안심클릭 제주</p>",
    "<p>안심 클릭 제주</p>",
    "<p>&#50504;&#49900;&#53364;&#47533; &#51228;&#51452;</p>",
    "<p>안심클릭 결제 시 제주 지역은 배송이 늦습니다.</p>",
    "<p>제주 카드사가 시행하는 안심클릭 서비스입니다.</p>",
    "<p>제주 은행 안심클릭</p>",
    "<p>MPI: Jeju</p>",
    "<p>MPI (3-D Secure) Jeju</p>",
    "<p>3-D Secure: Jeju Island delivery</p>",
    "<select><optgroup label=\"안심클릭\"><option>제주</option></optgroup></select>",
    "<select name=\"mpi_card\"><option value=\"jeju\">제주</option></select>",
    "<div class=\"mpi-cards\">제주</div>",
    "<div class=\"mpi-cards\">제주/도서산간</div>",
    "<div class=\"ansim\"><img src=\"jeju.gif\" alt=\"제주\"></div>",
    "<fieldset><legend>안심클릭</legend><input type=\"radio\" name=\"card\" value=\"jeju\">제주</fieldset>",
    "<fieldset><legend>안심클릭</legend><label><input type=\"checkbox\" name=\"card\">제주 지역</label></fieldset>",
    "<script>if (card == \"제주\") { certitype = \"M\"; }</script>",
    "<script>html += \"안심클릭: \" + \"제주\";</script>",
    "<?php if ($card == '제주') $certitype = 'M'; ?>",
    "<% If card = \"제주\" Then certitype = \"M\" %>",
];

/// Comments around card lists: lists shops commented out when the card moved, which no buyer
/// sees (the first ones, parsed by nobody), and live lists and code beside, inside or around a
/// comment, which the gate must still let through.
const COMMENTED: &[&str] = &[
    "<!--\n<select name=\"mpi_card\"><option value=\"13\">제주카드</option><option value=\"03\">외환카드</option></select>\n-->",
    "<!--<tr><th>안심클릭</th><td>외환, 삼성, 현대, 제주</td></tr>-->",
    "<!-- 2013.04 제주카드 안전결제(ISP)로 변경\n<li>안심클릭: 삼성, 외환, 제주</li> -->",
    "<!-- MPI: Samsung, Hyundai, Jeju -->",
    // Live.
    "<table><tr><th>안심클릭</th><td>외환, 삼성<!-- , 제주 --></td></tr><tr><th>안전결제</th><td>비씨, 국민</td></tr></table>",
    "<p>안심클릭 : 외환, 삼성<!-- 2012 -->, 제주</p>",
    "<p>안심<!-- x -->클릭 : 외환, 삼성, 제주</p>",
    "<script><!--\nvar MPI_CARDS = [\"0300\", \"0400\", \"13\"]; // 13: 제주카드\n//--></script>",
    "<script type=\"text/javascript\">\n<!--\nif (card == \"제주\") { certitype = \"M\"; }\n// -->\n</script>",
    "<!-- <?php if ($cardcode == \"13\") { $certitype = \"M\"; } // 제주카드 ?> -->",
    "<!-- <% If card = \"제주\" Then certitype = \"M\" %> -->",
    "<input type=\"hidden\" name=\"memo\" value=\"<!-- 안심클릭: 삼성, 제주 -->\">",
    "<textarea name=\"notice\"><!-- 안심클릭: 삼성, 제주 --></textarea>",
    "<!-- 안심클릭: 삼성, 제주 --!><p>안심클릭: 외환, 제주</p>",
    "<!-->안심클릭: 외환, 삼성, 제주<!-- -->",
];

/// How many of [`COMMENTED`] are lists in a comment, which no buyer sees.
const COMMENTED_OUT: usize = 4;

fn style(stack: u8, euc_kr: bool, crlf: bool) -> Style {
    Style {
        stack: match stack % 4 {
            0 => Stack::Php,
            1 => Stack::Asp,
            2 => Stack::Jsp,
            _ => Stack::Html,
        },
        euc_kr,
        crlf,
    }
}

/// A shop page (the generator's, with its goods, notices and server code) with `pieces`
/// written into its body.
fn page(seed: u64, style: Style, pieces: &[&str]) -> Vec<u8> {
    let mut rng = XorShiftRng::seed_from_u64(seed);
    let mut text = corpus::page_of(&mut rng, style, Content::Plain, 1..4);
    let at = text.find("</div>").unwrap_or(text.len());
    text.insert_str(at, &pieces.join("\n"));
    corpus::encode(style, &text)
}

fn piece() -> impl Strategy<Value = &'static str> {
    let traps: Vec<&'static str> = corpus::TRAPS.iter().chain(MORE_TRAPS).copied().collect();
    prop_oneof![
        3 => proptest::sample::select(traps),
        1 => proptest::sample::select(SCHEME_PIECES.to_vec()),
        1 => proptest::sample::select(LONE_CARDS.to_vec()),
        1 => proptest::sample::select(COMMENTED.to_vec()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(
        std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(400)
    ))]

    #[test]
    fn pages_the_gate_skips_have_no_finding_when_parsed_in_full(
        seed in any::<u64>(),
        stack in 0u8..4,
        euc_kr in any::<bool>(),
        crlf in any::<bool>(),
        pieces in proptest::collection::vec(piece(), 0..4),
    ) {
        let style = style(stack, euc_kr, crlf);
        let bytes = page(seed, style, &pieces);
        let path = PathBuf::from(format!("shop/page.{}", style.stack.extension()));
        assert_gate_keeps_findings(&path, &bytes);
        assert_comments_are_not_read(&path, &bytes);
    }
}

/// The gate reads a page without its comments' contents; this is sound only if detection
/// never reads inside a comment: with every comment's content blanked, the page reports the
/// same. Suppression directives live in comments, so a page holding one is left out (the gate
/// lets it through before looking at comments).
fn assert_comments_are_not_read(path: &Path, bytes: &[u8]) {
    let Ok(decoded) = encoding::decode(bytes, EncodingChoice::Auto) else {
        return;
    };
    if decoded.text.contains("kspay-migrate") || PageKind::of_path(path) != PageKind::Markup {
        return;
    }
    let shown = page::blank_comment_contents(&decoded.text).unwrap();
    let mut blanked = bytes[..decoded.bom_len].to_vec();
    blanked.extend(encoding::encode(decoded.encoding, &shown).unwrap());
    assert_eq!(
        detected(path, blanked),
        detected(path, bytes.to_vec()),
        "{}: a finding depends on what a comment says:\n{}",
        path.display(),
        decoded.text
    );
}

/// Lists commented out are skipped, alone on a page or beside a payment guide; every piece
/// keeps its findings behind the gate, and none depends on a comment's content.
#[test]
fn lists_in_comments_are_skipped_and_live_lists_around_comments_are_read() {
    let guide = "<li>안심클릭 결제창이 뜨지 않으면 팝업 차단을 해제해 주세요.</li>";
    let note = "<li>※ 제주 및 도서산간 지역은 배송이 2~3일 더 걸립니다.</li>";
    for (index, piece) in COMMENTED.iter().enumerate() {
        for body in [piece.to_string(), format!("{guide}\n{note}\n{piece}")] {
            let text = format!(
                "<html><head><meta charset=\"euc-kr\"></head><body>\n{body}\n</body></html>\n"
            );
            let bytes = corpus::encode(style(3, true, true), &text);
            let path = Path::new("shop/pay.html");
            assert_gate_keeps_findings(path, &bytes);
            assert_comments_are_not_read(path, &bytes);
            let live = !said(&UNGATED.scan(path, bytes.clone()).report).is_empty();
            if index < COMMENTED_OUT {
                assert!(!parsed(&bytes) && !live, "{body}");
            }
            if live {
                assert!(parsed(&bytes), "{body}");
            }
        }
    }
}

/// The lone-card pieces on a page of their own, with no peer anywhere (the generator's pages
/// may name one, which would let any page through): the gate keeps every finding, and it
/// skips the shipping notes.
#[test]
fn a_bare_card_with_no_peer_is_parsed_where_it_may_be_a_list_of_its_own() {
    let guide = "<li>안심클릭 결제창이 뜨지 않으면 팝업 차단을 해제해 주세요.</li>";
    for piece in LONE_CARDS {
        for body in [piece.to_string(), format!("{guide}\n{piece}")] {
            let text = format!(
                "<html><head><meta charset=\"euc-kr\"></head><body>\n{body}\n</body></html>\n"
            );
            let bytes = corpus::encode(style(3, true, true), &text);
            assert_gate_keeps_findings(Path::new("shop/pay.html"), &bytes);
        }
    }
    for note in [
        "<td class=\"ship\">기본 2,500원 (제주/도서산간 5,000원)</td>",
        "<li>※ 제주 및 도서산간 지역은 배송이 2~3일 더 걸립니다.</li>",
        "<h4>안심클릭</h4><p>제주/도서산간 5,000원</p>",
        "<p>3-D Secure: Jeju Island delivery</p>",
    ] {
        let page = format!("<html><body>{guide}{note}</body></html>");
        assert!(!parsed(page.as_bytes()), "{note}");
    }
}

#[test]
fn the_gate_skips_trap_pages_and_parses_scheme_pages() {
    let style = style(0, true, true);
    for trap in corpus::TRAPS.iter().chain(MORE_TRAPS) {
        let bytes = page(1, style, &[trap]);
        assert!(!parsed(&bytes), "{trap}");
    }
    // What names the card, a title or a directive is parsed; a script that names neither
    // never passes the byte search.
    for piece in SCHEME_PIECES {
        let bytes = page(1, style, &[piece]);
        let names = ["제주", "Jeju", "&#", "안심클릭", "kspay-migrate"]
            .iter()
            .any(|word| piece.contains(word));
        assert_eq!(parsed(&bytes), names, "{piece}");
    }
}

/// A rule with card codes: a script may route the card by its code alone, with no name of it
/// (or of any other card) on the page.
#[test]
fn a_rules_card_codes_pass_the_gate() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let rules = rules::load_dir(&root.join("tests/rules")).unwrap();
    let options = || ScanOptions {
        encoding: EncodingChoice::Auto,
        max_findings: MAX_FINDINGS_PER_FILE,
    };
    let gated = Scanner::new(
        rules::load_dir(&root.join("tests/rules")).unwrap(),
        options(),
    );
    let full = Scanner::new(rules, options()).without_text_gate();
    let page =
        "// 안전결제 카드\nvar ISP_CARDS = [\"0100\", \"1800\"];\nvar MPI_CARDS = [\"0300\"];\n";
    let path = Path::new("js/route.js");
    let found = said(&full.scan(path, page.as_bytes().to_vec()).report);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(
        said(&gated.scan(path, page.as_bytes().to_vec()).report),
        found
    );
}

#[test]
fn every_sample_and_case_page_reports_the_same_behind_the_gate() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut pages = 0;
    for dir in ["samples", "tests/cases", "tests/fixtures"] {
        for entry in walkdir::WalkDir::new(root.join(dir)).sort_by_file_name() {
            let entry = entry.unwrap();
            let name = entry.file_name().to_string_lossy();
            let page = [".md", ".txt", ".snap"]
                .iter()
                .all(|suffix| !name.ends_with(suffix));
            if entry.file_type().is_file() && page {
                let bytes = fs::read(entry.path()).unwrap();
                assert_gate_keeps_findings(entry.path(), &bytes);
                assert_comments_are_not_read(entry.path(), &bytes);
                pages += 1;
            }
        }
    }
    assert!(pages > 200, "{pages} pages");
}
