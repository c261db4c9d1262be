//! Properties over generated help and notice pages: scheme headings (`<h3>`, `<p class="tit">`,
//! `<p><strong>`) typed as people type them, card lists under them as text or `<li>` items,
//! sentences that carry a run of cards (`국민, 비씨, 우리카드가 시행하는 …`), payment-guide tables
//! titled per row, and shipping notes, in UTF-8 or EUC-KR with LF or CRLF.
//!
//! The generator knows where every list and every run of cards stands, and which paragraphs are
//! sentences. Whatever the page:
//! 1. no safe fix edits a sentence;
//! 2. no edit of any fix lands outside a generated list or run of cards;
//! 3. `--unsafe-fixes` fixes every finding the safe run fixes, and the safe run's page is the
//!    input with exactly its fixes' edits applied;
//! 4. `fix` is idempotent, and finds nothing left to fix on the page `--unsafe-fixes` leaves.

use std::ops::Range;
use std::path::Path;
use std::sync::LazyLock;

use encoding_rs::{EUC_KR, Encoding, UTF_8};
use proptest::prelude::*;

use kspay_migrate::diagnostics::{Applicability, Edit};
use kspay_migrate::diagnostics::{FileReport, Located};
use kspay_migrate::pipeline::{Mode, Options, Pipeline};
use kspay_migrate::rules;
use kspay_migrate::source::encoding::EncodingChoice;

/// Cards the rule names as Jeju's peers.
const PEERS: &[&str] = &[
    "외환", "삼성", "현대", "신한", "롯데", "하나", "농협", "비씨", "국민", "수협", "전북", "광주",
    "우리",
];
const MPI_TITLES: &[&str] = &[
    "안심클릭",
    "안심 클릭",
    "안심 클릭 결제",
    "안심클릭 결제 카드",
    "안심클릭(MPI)",
];
const ISP_TITLES: &[&str] = &[
    "안전결제",
    "안전 결제",
    "ISP 인증",
    "ISP인증",
    "안전결제(ISP)",
    "ISP(안전결제) 카드",
];
const SEPARATORS: &[&str] = &[", ", ",", "/", " · ", "、"];
/// Openings of a sentence before its run of cards.
const PREFIXES: &[&str] = &["", "본 서비스는 ", "※ 무이자 할부 카드는 "];
/// Text on the page that names Jeju (or the schemes) without listing the card.
const NOTES: &[&str] = &[
    "<p class=\"small\">5만원 이상 무료배송 (제주/도서산간 지역 제외)</p>",
    "<p>제주/도서산간 지역은 추가 배송비 3,000원이 부과됩니다.</p>",
    "<p>안전 결제를 위해 결제가 끝날 때까지 창을 닫지 마세요.</p>",
    "<p class=\"tit\">무료배송? (제주/도서산간 지역 제외)</p>",
    "<div class=\"addr\">제주특별자치도 제주시 연동 000 | 결제주문 문의 064-000-0000</div>",
];

/// How the words after a run of cards meet its last card.
#[derive(Debug, Clone, Copy)]
enum Predicate {
    /// `카드가 시행하는 …`: the run's cards are bare and its last one takes the shared `카드`.
    SharedSuffix(&'static str),
    /// `로 결제 시 …`: a particle right after the last card, written with its `카드`.
    Particle(&'static str),
    /// ` 등 …`: a word after a space.
    Spaced(&'static str),
}

const PREDICATES: &[Predicate] = &[
    Predicate::SharedSuffix("카드가 시행하는 안심클릭 서비스입니다."),
    Predicate::SharedSuffix("카드가 시행하는 안전결제(ISP) 서비스입니다."),
    Predicate::Particle("로 결제 시 3개월 무이자 할부가 됩니다."),
    Predicate::Particle("는 안전 결제 창에서 비밀번호를 입력합니다."),
    Predicate::Spaced(" 등 주요 카드사가 참여하는 안심클릭 서비스입니다."),
    Predicate::Spaced(" 회원님은 결제 전 카드사 인증서를 확인하세요."),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Scheme {
    Mpi,
    Isp,
}

#[derive(Debug, Clone, Copy)]
enum HeadingTag {
    H3,
    TitleClass,
    Strong,
}

/// Card names in order, Jeju among them or not.
#[derive(Debug, Clone)]
struct Cards {
    names: Vec<&'static str>,
    /// Jeju's place and form (`제주`, `제주카드`, `제주은행`), if listed.
    jeju: Option<(usize, &'static str)>,
    /// Each name written with `카드`.
    suffixed: bool,
    separator: &'static str,
}

impl Cards {
    fn items(&self) -> Vec<String> {
        let mut items: Vec<String> = self
            .names
            .iter()
            .map(|name| match self.suffixed {
                true => format!("{name}카드"),
                false => name.to_string(),
            })
            .collect();
        if let Some((at, jeju)) = self.jeju {
            items.insert(at.min(items.len()), jeju.to_string());
        }
        items
    }
}

#[derive(Debug, Clone)]
enum Body {
    /// `<p>삼성, 현대, 제주</p>`
    Text(Cards),
    /// `<ul>` with one `<li>` per card.
    Items(Cards),
    /// A paragraph that is a sentence holding a run of cards.
    Sentence(Run),
    Note(&'static str),
}

#[derive(Debug, Clone)]
struct Run {
    prefix: &'static str,
    cards: Cards,
    predicate: Predicate,
}

#[derive(Debug, Clone)]
struct Row {
    scheme: Scheme,
    title: usize,
    /// The title cell comes after the list cell.
    title_after: bool,
    /// A second title cell for the larger amounts (`… + 공인인증서`).
    banded: bool,
    cards: Cards,
}

#[derive(Debug, Clone)]
enum Block {
    Headed {
        tag: HeadingTag,
        scheme: Scheme,
        title: usize,
        body: Vec<Body>,
    },
    Table(Vec<Row>),
    Sentence(Run),
    Note(&'static str),
}

#[derive(Debug, Clone)]
struct Spec {
    euc_kr: bool,
    crlf: bool,
    blocks: Vec<Block>,
}

/// A generated page and what the generator knows of it.
#[derive(Default)]
struct Generated {
    text: String,
    /// Where a fix may edit: every list of cards, every run of cards in a sentence.
    card_extents: Vec<Range<usize>>,
    /// Paragraphs generated as sentences.
    sentences: Vec<Range<usize>>,
}

/// Writes a page, recording the ranges of what it writes.
struct Writer {
    page: Generated,
    nl: &'static str,
}

impl Writer {
    fn push(&mut self, text: &str) -> Range<usize> {
        let start = self.page.text.len();
        self.page.text.push_str(text);
        start..self.page.text.len()
    }

    fn line(&mut self, text: &str) {
        self.push(text);
        self.push(self.nl);
    }

    /// The items joined by the separator; the list's extent is recorded.
    fn list(&mut self, cards: &Cards) {
        let extent = self.push(&cards.items().join(cards.separator));
        self.page.card_extents.push(extent);
    }

    /// One `<li>` per card; the extent is their lines, line endings included.
    fn items(&mut self, cards: &Cards) {
        self.line("<ul class=\"card_list\">");
        let start = self.page.text.len();
        for item in cards.items() {
            self.line(&format!("\t<li>{item}</li>"));
        }
        self.page.card_extents.push(start..self.page.text.len());
        self.line("</ul>");
    }

    /// `<p>` + sentence + `</p>`: the run of cards is recorded, and the sentence.
    fn sentence(&mut self, run: &Run) {
        self.push("<p>");
        let sentence_start = self.push(run.prefix).start;
        let items = run.cards.items();
        let run_range = self.push(&items.join(run.cards.separator));
        let mut run_end = run_range.end;
        let predicate = match run.predicate {
            Predicate::SharedSuffix(words) => {
                run_end += "카드".len();
                words
            }
            Predicate::Particle(words) | Predicate::Spaced(words) => words,
        };
        let sentence_end = self.push(predicate).end;
        self.page.card_extents.push(run_range.start..run_end);
        self.page.sentences.push(sentence_start..sentence_end);
        self.line("</p>");
    }

    fn body(&mut self, body: &Body) {
        match body {
            Body::Text(cards) => {
                self.push("<p>");
                self.list(cards);
                self.line("</p>");
            }
            Body::Items(cards) => self.items(cards),
            Body::Sentence(run) => self.sentence(run),
            Body::Note(note) => self.line(note),
        }
    }

    fn heading(&mut self, tag: HeadingTag, title: &str) {
        self.line(&match tag {
            HeadingTag::H3 => format!("<h3>{title}</h3>"),
            HeadingTag::TitleClass => format!("<p class=\"tit\">{title}</p>"),
            HeadingTag::Strong => format!("<p><strong>{title}</strong></p>"),
        });
    }

    fn table(&mut self, rows: &[Row]) {
        self.line("<table class=\"pay_guide\" border=\"1\">");
        self.line("<tr><th>카드사</th><th>30만원 미만</th><th>30만원 이상</th></tr>");
        for row in rows {
            let title = title_of(row.scheme, row.title);
            let titles = match row.banded {
                true => format!("<td>{title}</td><td>{title} + 공인인증서</td>"),
                false => format!("<td>{title}</td><td>공인인증서</td>"),
            };
            self.push("<tr>");
            if row.title_after {
                self.push("<td>");
                self.list(&row.cards);
                self.push("</td>");
                self.push(&titles);
            } else {
                self.push(&titles);
                self.push("<td>");
                self.list(&row.cards);
                self.push("</td>");
            }
            self.line("</tr>");
        }
        self.line("</table>");
    }
}

fn title_of(scheme: Scheme, index: usize) -> &'static str {
    let titles = match scheme {
        Scheme::Mpi => MPI_TITLES,
        Scheme::Isp => ISP_TITLES,
    };
    titles[index % titles.len()]
}

fn generate(spec: &Spec) -> Generated {
    let mut w = Writer {
        page: Generated::default(),
        nl: if spec.crlf { "\r\n" } else { "\n" },
    };
    let charset = if spec.euc_kr { "euc-kr" } else { "utf-8" };
    w.line("<html>");
    w.line(&format!(
        "<head><meta http-equiv=\"Content-Type\" content=\"text/html; charset={charset}\"><title>결제 안내</title></head>"
    ));
    w.line("<body>");
    w.line("<div class=\"guide\">");
    w.line("<h2>신용카드 결제 안내</h2>");
    for block in &spec.blocks {
        match block {
            Block::Headed {
                tag,
                scheme,
                title,
                body,
            } => {
                w.heading(*tag, title_of(*scheme, *title));
                for part in body {
                    w.body(part);
                }
            }
            Block::Table(rows) => w.table(rows),
            Block::Sentence(run) => w.sentence(run),
            Block::Note(note) => w.line(note),
        }
    }
    w.line("</div>");
    w.line("</body>");
    w.line("</html>");
    w.page
}

fn encoding_of(spec: &Spec) -> &'static Encoding {
    if spec.euc_kr { EUC_KR } else { UTF_8 }
}

fn encode(spec: &Spec, text: &str) -> Vec<u8> {
    let (bytes, _, errors) = encoding_of(spec).encode(text);
    assert!(!errors, "the generated page is not encodable");
    bytes.into_owned()
}

fn scanner(unsafe_fixes: bool) -> Pipeline {
    Pipeline::new(
        rules::embedded().unwrap(),
        Options {
            encoding: EncodingChoice::Auto,
            max_filesize: 8 << 20,
            unsafe_fixes,
            mode: Mode::Fix,
            max_findings: kspay_migrate::scan::MAX_FINDINGS_PER_FILE,
        },
    )
}

/// Scanners are built once: loading the rules and their automata costs more than a page.
static SCANNERS: LazyLock<[Pipeline; 2]> = LazyLock::new(|| [scanner(false), scanner(true)]);

fn scan(bytes: &[u8], unsafe_fixes: bool) -> FileReport {
    SCANNERS[usize::from(unsafe_fixes)].process_bytes(Path::new("guide.html"), bytes.to_vec())
}

/// The page a report's change leaves (the input when there is none).
fn fixed_bytes(report: &FileReport, input: &[u8]) -> Vec<u8> {
    report
        .change
        .as_ref()
        .map_or(input.to_vec(), |c| c.fixed.clone())
}

/// The findings a report's change fixes.
fn fixed_findings(report: &FileReport) -> Vec<&Located> {
    report
        .findings
        .iter()
        .filter(|f| report.change.as_ref().is_some_and(|c| c.fixes(f)))
        .collect()
}

/// `text` with the edits applied; findings of one list share their insertion, applied once.
fn apply(text: &str, findings: &[&Located]) -> String {
    let mut edits: Vec<&Edit> = Vec::new();
    for edit in findings.iter().flat_map(|f| &f.finding.edits) {
        if !edits.contains(&edit) {
            edits.push(edit);
        }
    }
    edits.sort_by_key(|e| (e.range.start, e.range.end));
    let mut out = String::new();
    let mut pos = 0;
    for edit in edits {
        out.push_str(&text[pos..edit.range.start]);
        out.push_str(&edit.replacement);
        pos = edit.range.end;
    }
    out.push_str(&text[pos..]);
    out
}

fn within(inner: &Range<usize>, outer: &Range<usize>) -> bool {
    outer.start <= inner.start && inner.end <= outer.end
}

/// Whether an edit touches a range: overlaps it, or (an insertion) stands inside or at its edge.
fn touches(edit: &Range<usize>, range: &Range<usize>) -> bool {
    edit.start <= range.end && range.start <= edit.end
}

fn cards_strategy(suffixed: impl Strategy<Value = bool>) -> impl Strategy<Value = Cards> {
    (
        proptest::sample::subsequence(PEERS.to_vec(), 1..5),
        proptest::option::weighted(0.5, (0usize..6, 0usize..6)),
        suffixed,
        proptest::sample::select(SEPARATORS.to_vec()),
        Just(PEERS.to_vec()).prop_shuffle(),
    )
        .prop_map(|(picked, jeju, suffixed, separator, shuffled)| {
            // Lists keep no issuer order: shuffle the picked peers.
            let names: Vec<&'static str> = shuffled
                .into_iter()
                .filter(|n| picked.contains(n))
                .collect();
            let jeju = jeju.map(|(at, form)| {
                let name = match (suffixed, form) {
                    (false, _) => "제주",
                    (true, 0) => "제주은행",
                    (true, _) => "제주카드",
                };
                (at, name)
            });
            Cards {
                names,
                jeju,
                suffixed,
                separator,
            }
        })
}

fn run_strategy() -> impl Strategy<Value = Run> {
    (
        proptest::sample::select(PREFIXES.to_vec()),
        proptest::sample::select(PREDICATES.to_vec()),
        any::<bool>(),
    )
        .prop_flat_map(|(prefix, predicate, suffixed)| {
            // A shared `카드` follows bare names; a particle follows a name with its `카드`.
            let suffixed = match predicate {
                Predicate::SharedSuffix(_) => false,
                Predicate::Particle(_) => true,
                Predicate::Spaced(_) => suffixed,
            };
            cards_strategy(Just(suffixed)).prop_map(move |cards| Run {
                prefix,
                cards,
                predicate,
            })
        })
}

fn scheme_strategy() -> impl Strategy<Value = Scheme> {
    prop_oneof![Just(Scheme::Mpi), Just(Scheme::Isp)]
}

fn body_strategy() -> impl Strategy<Value = Body> {
    prop_oneof![
        3 => cards_strategy(any::<bool>()).prop_map(Body::Text),
        2 => cards_strategy(any::<bool>()).prop_map(Body::Items),
        3 => run_strategy().prop_map(Body::Sentence),
        1 => proptest::sample::select(NOTES.to_vec()).prop_map(Body::Note),
    ]
}

fn row_strategy() -> impl Strategy<Value = Row> {
    (
        scheme_strategy(),
        0usize..6,
        any::<(bool, bool)>(),
        cards_strategy(any::<bool>()),
    )
        .prop_map(|(scheme, title, (title_after, banded), cards)| Row {
            scheme,
            title,
            title_after,
            banded,
            cards,
        })
}

fn block_strategy() -> impl Strategy<Value = Block> {
    let tag = prop_oneof![
        Just(HeadingTag::H3),
        Just(HeadingTag::TitleClass),
        Just(HeadingTag::Strong)
    ];
    prop_oneof![
        5 => (tag, scheme_strategy(), 0usize..6, proptest::collection::vec(body_strategy(), 1..3))
            .prop_map(|(tag, scheme, title, body)| Block::Headed { tag, scheme, title, body }),
        2 => proptest::collection::vec(row_strategy(), 1..4).prop_map(Block::Table),
        2 => run_strategy().prop_map(Block::Sentence),
        1 => proptest::sample::select(NOTES.to_vec()).prop_map(Block::Note),
    ]
}

fn spec_strategy() -> impl Strategy<Value = Spec> {
    (
        any::<bool>(),
        proptest::collection::vec(block_strategy(), 1..6),
    )
        .prop_map(|(euc_kr, blocks)| Spec {
            // EUC-KR pages are CRLF, as KSPAY's samples; UTF-8 pages LF.
            euc_kr,
            crlf: euc_kr,
            blocks,
        })
}

proptest! {
    #[test]
    fn fixes_keep_to_card_lists_and_never_edit_a_sentence_safely(spec in spec_strategy()) {
        let page = generate(&spec);
        let input = encode(&spec, &page.text);
        let safe = scan(&input, false);
        prop_assert!(safe.error.is_none(), "error: {:?}", safe.error);

        for located in &safe.findings {
            let finding = &located.finding;
            for edit in &finding.edits {
                // (2) Every edit of every fix stays inside a list or a run of cards.
                prop_assert!(
                    page.card_extents.iter().any(|extent| within(&edit.range, extent)),
                    "{:?} fix edits {:?} ({:?}) outside every card list: {}\n{}",
                    finding.kind, edit.range, &page.text[edit.range.clone()], finding.message, page.text
                );
                // (1) A safe fix never edits a sentence.
                if finding.applicability == Applicability::Safe {
                    prop_assert!(
                        !page.sentences.iter().any(|s| touches(&edit.range, s)),
                        "a safe {:?} fix edits a sentence at {:?}: {}\n{}",
                        finding.kind, edit.range, finding.message, page.text
                    );
                }
            }
        }

        // (3) The safe page is the input with exactly the safe fixes' edits applied.
        let safe_fixed = fixed_bytes(&safe, &input);
        let safe_fixes = fixed_findings(&safe);
        prop_assert!(safe_fixes.iter().all(|f| f.finding.applicability == Applicability::Safe));
        prop_assert_eq!(&safe_fixed, &encode(&spec, &apply(&page.text, &safe_fixes)));

        // (3) `--unsafe-fixes` fixes everything the safe run fixes, and more only when unsafe.
        let unsafe_run = scan(&input, true);
        prop_assert!(unsafe_run.error.is_none(), "error: {:?}", unsafe_run.error);
        let unsafe_fixes = fixed_findings(&unsafe_run);
        for fixed in &safe_fixes {
            prop_assert!(
                unsafe_fixes.iter().any(|f| f.fingerprint == fixed.fingerprint),
                "--unsafe-fixes leaves out the safe fix at {}:{}", fixed.line, fixed.column
            );
        }
        let unsafe_fixed = fixed_bytes(&unsafe_run, &input);
        prop_assert_eq!(&unsafe_fixed, &encode(&spec, &apply(&page.text, &unsafe_fixes)));

        // (4) Idempotent: `fix` leaves nothing for a second `fix`, on its own page or on the
        // page `--unsafe-fixes` left. (A second `--unsafe-fixes` run may still find an unsafe
        // fix the first one refused: it converges per fix, not to a fixed point.)
        for (fixed, what) in [(&safe_fixed, "fix"), (&unsafe_fixed, "fix --unsafe-fixes")] {
            let again = scan(fixed, false);
            prop_assert!(again.error.is_none(), "error: {:?}", again.error);
            prop_assert!(
                again.change.is_none(),
                "fix changes the page {} left:\n{}\n--- after {}:\n{}",
                what, page.text, what, String::from_utf8_lossy(fixed)
            );
            prop_assert!(
                !again.findings.iter().any(|f| f.finding.applicability.applies(false)),
                "a safe fix remains after {}", what
            );
        }
    }
}
