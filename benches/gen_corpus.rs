//! Generates a hosting-like tree of tenant sites for benchmarks, the same for the same seed.
//!
//! ```sh
//! cargo run --release --example gen_corpus -- --files 100000 --seed 1 /tmp/kspay-corpus
//! ```
//!
//! Each tenant is `tenantNNNNN/www/` with what a small Korean shop of 2010-2013 served: PHP, ASP
//! or JSP pages (EUC-KR and CRLF mostly, UTF-8 and LF some), includes, scripts, style sheets,
//! images and other binaries, a log or dump file now and then. About 1% of the pages still list
//! Jeju card under MPI (the KSPAY entry page, a card select, a card guide table); a few % are
//! traps that name Jeju for other reasons (shipping notes, 결제주문, 제주은행 accounts, a Jeju
//! address) or are already migrated. Some files are large (up to a few MiB). A summary of what
//! was written goes to stdout; nothing here is committed.
//!
//! `--hostile KIND --size BYTES OUT_FILE` writes one hostile page instead (issue 12: long-line,
//! nested-tables, radio-lists, options, open-divs), the same page the scaling tests scan.

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

use encoding_rs::EUC_KR;
use rand::{RngExt, SeedableRng};
use rand_xorshift::XorShiftRng;

#[path = "../tests/common/hostile.rs"]
mod hostile;

/// The server language of a tenant's shop.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Stack {
    Php,
    Asp,
    Jsp,
    Html,
}

impl Stack {
    fn extension(self) -> &'static str {
        match self {
            Stack::Php => "php",
            Stack::Asp => "asp",
            Stack::Jsp => "jsp",
            Stack::Html => "html",
        }
    }
}

/// How a tenant writes its files.
#[derive(Clone, Copy)]
struct Style {
    stack: Stack,
    euc_kr: bool,
    crlf: bool,
}

/// What kind of page to write.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Content {
    Plain,
    Stale,
    Migrated,
    Trap,
}

#[derive(Default)]
struct Counts {
    files: usize,
    bytes: u64,
    stale: usize,
    migrated: usize,
    traps: usize,
    binaries: usize,
    large: usize,
}

struct Options {
    files: usize,
    seed: u64,
    out: PathBuf,
    /// `--hostile KIND --size BYTES`: one hostile page of that size instead of a tree.
    hostile: Option<(hostile::Kind, usize)>,
}

const USAGE: &str = "usage: gen_corpus [--files N] [--seed S] OUT_DIR | gen_corpus --hostile KIND --size BYTES OUT_FILE";

fn parse_args() -> Result<Options, String> {
    let mut files = 10_000;
    let mut seed = 1;
    let mut out = None;
    let mut kind = None;
    let mut size = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = |name: &str| args.next().ok_or_else(|| format!("{name} needs a value"));
        match arg.as_str() {
            "--files" => {
                files = value("--files")?
                    .replace('_', "")
                    .parse()
                    .map_err(|e| format!("--files: {e}"))?
            }
            "--seed" => {
                seed = value("--seed")?
                    .parse()
                    .map_err(|e| format!("--seed: {e}"))?
            }
            "--hostile" => {
                let name = value("--hostile")?;
                let names: Vec<&str> = hostile::Kind::ALL.iter().map(|k| k.name()).collect();
                kind = Some(hostile::Kind::from_name(&name).ok_or_else(|| {
                    format!("--hostile {name}: choose one of {}", names.join(", "))
                })?)
            }
            "--size" => {
                size = Some(
                    value("--size")?
                        .replace('_', "")
                        .parse()
                        .map_err(|e| format!("--size: {e}"))?,
                )
            }
            "-h" | "--help" => return Err(USAGE.into()),
            _ if out.is_none() && !arg.starts_with('-') => out = Some(PathBuf::from(arg)),
            _ => return Err(format!("unexpected argument {arg:?}")),
        }
    }
    let out = out.ok_or(USAGE)?;
    let hostile = match (kind, size) {
        (Some(kind), Some(size)) => Some((kind, size)),
        (None, None) => None,
        _ => return Err("--hostile and --size go together".into()),
    };
    if hostile.is_none() && !(1_000..=1_000_000).contains(&files) {
        return Err(format!("--files {files}: choose between 1000 and 1000000"));
    }
    Ok(Options {
        files,
        seed,
        out,
        hostile,
    })
}

fn main() {
    let options = match parse_args() {
        Ok(options) => options,
        Err(message) => {
            eprintln!("gen_corpus: {message}");
            std::process::exit(2);
        }
    };
    if options.out.exists() {
        eprintln!(
            "gen_corpus: {} exists; remove it or choose another folder",
            options.out.display()
        );
        std::process::exit(2);
    }
    if let Some((kind, size)) = options.hostile {
        let page = hostile::page(kind, size);
        if let Err(e) = fs::write(&options.out, &page) {
            eprintln!("gen_corpus: {}: {e}", options.out.display());
            std::process::exit(1);
        }
        println!(
            "{} page of {} bytes in {}",
            kind.name(),
            page.len(),
            options.out.display()
        );
        return;
    }
    let mut rng = XorShiftRng::seed_from_u64(options.seed);
    let mut counts = Counts::default();
    let mut tenant = 0;
    while counts.files < options.files {
        let left = options.files - counts.files;
        let root = options.out.join(format!("tenant{tenant:05}/www"));
        write_tenant(&mut rng, &root, left, &mut counts);
        tenant += 1;
    }
    println!(
        "{} files ({:.1} MiB) in {} tenants under {}: {} stale pages, {} migrated, {} traps, {} binaries, {} large files (seed {})",
        counts.files,
        counts.bytes as f64 / (1 << 20) as f64,
        tenant,
        options.out.display(),
        counts.stale,
        counts.migrated,
        counts.traps,
        counts.binaries,
        counts.large,
        options.seed
    );
}

/// Writes one tenant's site, at most `budget` files.
fn write_tenant(rng: &mut XorShiftRng, root: &Path, budget: usize, counts: &mut Counts) {
    let stack = match rng.random_range(0..10) {
        0..=4 => Stack::Php,
        5..=6 => Stack::Asp,
        7 => Stack::Jsp,
        _ => Stack::Html,
    };
    // Shops of the time were EUC-KR and CRLF (edited on Windows); a third moved to UTF-8.
    let euc_kr = rng.random_bool(0.65);
    let style = Style {
        stack,
        euc_kr,
        crlf: if euc_kr {
            rng.random_bool(0.85)
        } else {
            rng.random_bool(0.3)
        },
    };
    let ext = stack.extension();
    let mut planned: Vec<(String, FileKind)> = vec![
        (format!("index.{ext}"), FileKind::Page),
        (
            format!("include/top.{}", include_ext(stack)),
            FileKind::Include,
        ),
        (
            format!("include/bottom.{}", include_ext(stack)),
            FileKind::Include,
        ),
        ("css/style.css".into(), FileKind::Css),
        ("js/common.js".into(), FileKind::Script),
        ("images/logo.gif".into(), FileKind::Binary),
    ];
    for n in 0..rng.random_range(3..12) {
        planned.push((format!("shop/goods_{n:03}.{ext}"), FileKind::Page));
    }
    for n in 0..rng.random_range(2..8) {
        planned.push((format!("board/list_{n:02}.{ext}"), FileKind::Page));
    }
    for n in 0..rng.random_range(4..16) {
        let image_ext = ["gif", "jpg", "png"][rng.random_range(0..3)];
        planned.push((format!("images/goods/{n:04}.{image_ext}"), FileKind::Binary));
    }
    planned.push((format!("order/order_form.{ext}"), FileKind::Page));
    planned.push((format!("order/cart.{ext}"), FileKind::Page));
    // One tenant in five runs KSNET's socket-mode module: the payment pages.
    if rng.random_bool(0.2) {
        planned.push((format!("kspay/KSPayForm.{ext}"), FileKind::Payment));
        planned.push((format!("kspay/KSPayCreditPost.{ext}"), FileKind::Page));
        planned.push((format!("kspay/card_guide.{ext}"), FileKind::Payment));
    }
    if rng.random_bool(0.05) {
        planned.push(("data/backup.zip".into(), FileKind::Binary));
    }
    if rng.random_bool(0.01) {
        planned.push(("logs/access_log.html".into(), FileKind::Large));
    }
    planned.truncate(budget);
    for (relative, kind) in planned {
        let path = root.join(&relative);
        let bytes = match kind {
            FileKind::Binary => binary(rng, &relative),
            FileKind::Large => large_page(rng, style),
            FileKind::Css => encode(style, &css(rng)),
            FileKind::Script => encode(style, &script(rng)),
            FileKind::Include => encode(style, &include(rng, style)),
            FileKind::Page | FileKind::Payment => {
                let content = pick_content(rng, kind);
                match content {
                    Content::Stale => counts.stale += 1,
                    Content::Migrated => counts.migrated += 1,
                    Content::Trap => counts.traps += 1,
                    Content::Plain => {}
                }
                encode(style, &page(rng, style, content))
            }
        };
        match kind {
            FileKind::Binary => counts.binaries += 1,
            FileKind::Large => counts.large += 1,
            _ => {}
        }
        fs::create_dir_all(path.parent().expect("a file has a folder")).expect("create folder");
        fs::write(&path, &bytes).expect("write file");
        counts.files += 1;
        counts.bytes += bytes.len() as u64;
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum FileKind {
    Page,
    Payment,
    Include,
    Script,
    Css,
    Binary,
    Large,
}

fn include_ext(stack: Stack) -> &'static str {
    match stack {
        Stack::Php | Stack::Asp => "inc",
        Stack::Jsp => "jspf",
        Stack::Html => "html",
    }
}

/// Payment pages are stale a quarter of the time; other pages rarely name Jeju at all.
fn pick_content(rng: &mut XorShiftRng, kind: FileKind) -> Content {
    let roll: f64 = rng.random();
    match kind {
        FileKind::Payment if roll < 0.25 => Content::Stale,
        FileKind::Payment if roll < 0.6 => Content::Migrated,
        FileKind::Payment => Content::Trap,
        _ if roll < 0.005 => Content::Stale,
        _ if roll < 0.045 => Content::Trap,
        _ => Content::Plain,
    }
}

/// Text in the tenant's encoding and line endings.
fn encode(style: Style, text: &str) -> Vec<u8> {
    let text = if style.crlf {
        text.replace('\n', "\r\n")
    } else {
        text.to_string()
    };
    if style.euc_kr {
        let (bytes, _, unmappable) = EUC_KR.encode(&text);
        assert!(!unmappable, "generated text fits EUC-KR");
        bytes.into_owned()
    } else {
        text.into_bytes()
    }
}

const GOODS: &[&str] = &[
    "유기농 감귤 5kg",
    "한라봉 선물세트",
    "수제 쿠키 20입",
    "무선 마우스",
    "면 티셔츠 (남여공용)",
    "등산화 경량형",
    "녹차 티백 100입",
    "국산 참기름 350ml",
    "아동 운동화",
    "스테인리스 텀블러",
];

const NOTICES: &[&str] = &[
    "주문하신 상품은 결제 확인 후 2~3일 이내에 발송됩니다.",
    "교환 및 반품은 상품 수령 후 7일 이내에 가능합니다.",
    "무통장 입금은 주문 후 3일 이내에 입금하셔야 합니다.",
    "회원 가입 시 적립금 2,000원을 드립니다.",
    "고객센터 운영시간: 평일 09:00 ~ 18:00 (점심 12:00 ~ 13:00)",
];

/// What a trap page says about Jeju: nothing wrong with any of it.
const TRAPS: &[&str] = &[
    "<p class=\"notice\">제주/도서산간 지역은 추가 배송비 3,000원이 부과됩니다.</p>",
    "<td>결제주문번호</td><td><input type=\"text\" name=\"ordno\"></td>",
    "<p>제주도 배송은 2~3일이 더 걸릴 수 있습니다.</p>",
    "<select name=\"bank\"><option value=\"04\">국민은행</option><option value=\"35\">제주은행</option><option value=\"20\">우리은행</option></select>",
    "<div class=\"footer\">(주)한라상사 | 제주특별자치도 제주시 중앙로 123 | 사업자등록번호 616-81-00000</div>",
    "<p>제주항공 마일리지 적립 이벤트 진행 중</p>",
    "<!-- 안심클릭: 외환,삼성,현대,신한,롯데,하나,씨티,제주 (2012 이전 목록) -->",
];

fn page(rng: &mut XorShiftRng, style: Style, content: Content) -> String {
    let mut out = String::with_capacity(8 * 1024);
    out.push_str(&head(style));
    out.push_str("<body>\n");
    out.push_str(&server_include(style, "top"));
    out.push_str("<div id=\"container\">\n<table width=\"900\" border=\"0\" cellspacing=\"0\" cellpadding=\"0\">\n");
    for _ in 0..rng.random_range(4..30) {
        let goods = GOODS[rng.random_range(0..GOODS.len())];
        let price = rng.random_range(5..200) * 1000;
        let _ = writeln!(
            out,
            "<tr>\n\t<td class=\"goods\"><a href=\"goods_view.{ext}?no={no}\">{goods}</a></td>\n\t<td class=\"price\">{price}원</td>\n\t<td>{code}</td>\n</tr>",
            ext = style.stack.extension(),
            no = rng.random_range(1000..99999),
            code = server_echo(style, "goods_cnt"),
        );
    }
    out.push_str("</table>\n");
    for _ in 0..rng.random_range(1..4) {
        let _ = writeln!(
            out,
            "<p>{}</p>",
            NOTICES[rng.random_range(0..NOTICES.len())]
        );
    }
    match content {
        Content::Plain => {}
        Content::Trap => {
            out.push_str(TRAPS[rng.random_range(0..TRAPS.len())]);
            out.push('\n');
        }
        Content::Stale | Content::Migrated => {
            out.push_str(&card_selection(rng, style, content == Content::Stale))
        }
    }
    out.push_str("</div>\n");
    out.push_str(&server_include(style, "bottom"));
    out.push_str("</body>\n</html>\n");
    out
}

/// The MPI/ISP card selection in one of the forms shops used.
fn card_selection(rng: &mut XorShiftRng, style: Style, stale: bool) -> String {
    let (mpi, isp) = if stale {
        (
            "외환,삼성,현대,신한,롯데,하나,씨티,제주",
            "비씨,국민,수협,전북,광주,우리",
        )
    } else {
        (
            "외환,삼성,현대,신한,롯데,하나,씨티",
            "비씨,국민,수협,전북,광주,우리,제주",
        )
    };
    match rng.random_range(0..3) {
        0 => {
            let checked = server_echo(style, "checked_m");
            format!(
                "<form name=\"KSPayForm\" method=\"post\">\n<table>\n<tr>\n\t<td>거래종류(certitype)</td>\n\t<td>\n\t<input type=\"radio\" name=\"certitype\" value=\"M\" {checked}>안심클릭 (M-Visa3D인증승인)<br>\n\t&nbsp;&nbsp;{mpi}<br>\n\t<input type=\"radio\" name=\"certitype\" value=\"I\">안전결제 (ISP인증승인)<br>\n\t&nbsp;&nbsp;{isp}<br>\n\t</td>\n</tr>\n</table>\n</form>\n"
            )
        }
        1 => {
            let options = |list: &str| {
                list.split(',')
                    .map(|card| format!("\t\t<option value=\"{card}\">{card}카드</option>\n"))
                    .collect::<String>()
            };
            format!(
                "<select name=\"selectcard\">\n\t<optgroup label=\"안심클릭(MPI)\">\n{}\t</optgroup>\n\t<optgroup label=\"안전결제(ISP)\">\n{}\t</optgroup>\n</select>\n",
                options(mpi),
                options(isp)
            )
        }
        _ => format!(
            "<table class=\"card_guide\">\n<tr><th>안심클릭</th><td>{}</td></tr>\n<tr><th>안전결제(ISP)</th><td>{}</td></tr>\n</table>\n",
            mpi.replace(',', ", "),
            isp.replace(',', ", ")
        ),
    }
}

fn head(style: Style) -> String {
    let charset = if style.euc_kr { "euc-kr" } else { "utf-8" };
    let directive = match style.stack {
        Stack::Php => format!(
            "<?php\nheader('Content-Type: text/html; charset={charset}');\ninclude_once \"../lib/config.inc\";\nsession_start();\n$goods_cnt = isset($_GET['cnt']) ? (int)$_GET['cnt'] : 1;\n?>\n"
        ),
        Stack::Asp => format!(
            "<%@ Language=\"VBScript\" CodePage=\"{}\" %>\n<!-- #include virtual=\"/include/config.inc\" -->\n<%\nDim goods_cnt\ngoods_cnt = Request(\"cnt\")\nIf goods_cnt = \"\" Then goods_cnt = 1\n%>\n",
            if style.euc_kr { 949 } else { 65001 }
        ),
        Stack::Jsp => format!(
            "<%@ page contentType=\"text/html;charset={charset}\" pageEncoding=\"{charset}\" %>\n<%@ include file=\"/include/top.jspf\" %>\n<%\nString goods_cnt = request.getParameter(\"cnt\");\nif (goods_cnt == null) goods_cnt = \"1\";\n%>\n"
        ),
        Stack::Html => String::new(),
    };
    format!(
        "{directive}<!DOCTYPE html PUBLIC \"-//W3C//DTD HTML 4.01 Transitional//EN\">\n<html>\n<head>\n<meta http-equiv=\"Content-Type\" content=\"text/html; charset={charset}\">\n<title>한라상사 쇼핑몰</title>\n<link rel=\"stylesheet\" href=\"/css/style.css\">\n<script type=\"text/javascript\" src=\"/js/common.js\"></script>\n</head>\n"
    )
}

fn server_include(style: Style, name: &str) -> String {
    match style.stack {
        Stack::Php => format!("<?php include \"../include/{name}.inc\"; ?>\n"),
        Stack::Asp => format!("<!-- #include virtual=\"/include/{name}.inc\" -->\n"),
        Stack::Jsp => format!("<jsp:include page=\"/include/{name}.jspf\" />\n"),
        Stack::Html => String::new(),
    }
}

fn server_echo(style: Style, variable: &str) -> String {
    match style.stack {
        Stack::Php => format!("<?php echo ${variable}; ?>"),
        Stack::Asp => format!("<%={variable}%>"),
        Stack::Jsp => format!("<%={variable}%>"),
        Stack::Html => String::new(),
    }
}

fn include(rng: &mut XorShiftRng, style: Style) -> String {
    let mut out = String::from("<div id=\"top_menu\">\n<ul>\n");
    for menu in ["회사소개", "상품목록", "장바구니", "주문조회", "고객센터"] {
        let _ = writeln!(out, "\t<li><a href=\"#\">{menu}</a></li>");
    }
    out.push_str("</ul>\n</div>\n");
    if rng.random_bool(0.5) {
        out.push_str(&server_echo(style, "member_name"));
        out.push_str("님 환영합니다.\n");
    }
    out
}

fn script(rng: &mut XorShiftRng) -> String {
    let mut out = String::from("// 공통 스크립트\n");
    for n in 0..rng.random_range(10..60) {
        let _ = writeln!(
            out,
            "function check_form_{n}(f) {{\n\tif (f.name.value == \"\") {{ alert(\"이름을 입력하세요.\"); f.name.focus(); return false; }}\n\treturn true;\n}}"
        );
    }
    out
}

fn css(rng: &mut XorShiftRng) -> String {
    let mut out = String::new();
    for n in 0..rng.random_range(20..120) {
        let _ = writeln!(
            out,
            ".item{n} {{ margin: 0 {}px; font: 12px 돋움, Dotum; color: #{:06x}; }}",
            n % 7,
            rng.random_range(0..0xFFFFFF)
        );
    }
    out
}

/// Image and archive bytes: a real header, then noise with NUL bytes in it.
fn binary(rng: &mut XorShiftRng, relative: &str) -> Vec<u8> {
    let header: &[u8] = if relative.ends_with(".gif") {
        b"GIF89a"
    } else if relative.ends_with(".png") {
        b"\x89PNG\r\n\x1a\n"
    } else if relative.ends_with(".zip") {
        b"PK\x03\x04"
    } else {
        b"\xFF\xD8\xFF\xE0\x00\x10JFIF\x00"
    };
    let size = rng.random_range(2_000..60_000);
    let mut bytes = header.to_vec();
    bytes.extend((header.len()..size).map(|_| rng.random::<u8>()));
    bytes
}

/// A big page: an access log someone dumped into the web root as HTML.
fn large_page(rng: &mut XorShiftRng, style: Style) -> Vec<u8> {
    let lines = rng.random_range(20_000..80_000);
    let mut out = String::with_capacity(lines * 90);
    out.push_str("<html><body><pre>\n");
    for n in 0..lines {
        let _ = writeln!(
            out,
            "10.0.{}.{} - - [12/Mar/2013:10:{:02}:{:02} +0900] \"GET /shop/goods_{:03}.php HTTP/1.1\" 200 {}",
            n % 256,
            rng.random_range(1..255),
            n % 60,
            (n * 7) % 60,
            n % 200,
            rng.random_range(500..40_000)
        );
    }
    out.push_str("</pre></body></html>\n");
    encode(style, &out)
}
