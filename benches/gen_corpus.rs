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
//! `--profile fleet --tenants N` writes a shared web host instead (issue 15):
//! `home/userNNNNN/public_html/` for N users, one or two small pages each, about 1% of them
//! stale (see `tests/common/corpus.rs`); `tests/fleet.rs` scans the same tree in shards.
//!
//! `--profile traps --files N` writes the default tree as real Korean shops write it (issue 16):
//! nearly half the pages carry a shipping note (`제주/도서산간 지역 추가 배송비`), a quarter of the
//! tenants put a Jeju address in every footer, payment guides say 안심클릭 without listing a
//! card, and region pickers and bank lists name 제주. About 35% of the files then contain 제주
//! and 17% 안심클릭 (the rates measured on a real 20,000-file tree); still about 1% are stale. The
//! summary gives the rates written.
//!
//! `--hostile KIND --size BYTES OUT_FILE` writes one hostile page instead (issue 12: long-line,
//! nested-tables, radio-lists, options, open-divs), the same page the scaling tests scan.

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

use rand::{RngExt, SeedableRng};
use rand_xorshift::XorShiftRng;

#[path = "../tests/common/hostile.rs"]
mod hostile;

#[path = "../tests/common/corpus.rs"]
mod corpus;
use corpus::{Content, Counts, Stack, Style, encode, page, server_echo};

/// Which tree to write.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Profile {
    /// `tenantNNNNN/www/` shops of many files each, `--files` in all (the benchmark's tree).
    Default,
    /// `home/userNNNNN/public_html/`, `--tenants` users of one or two pages each.
    Fleet,
    /// The default tree with the traps of real Korean shops as common as there.
    Traps,
}

struct Options {
    profile: Profile,
    files: usize,
    tenants: usize,
    seed: u64,
    out: PathBuf,
    /// `--hostile KIND --size BYTES`: one hostile page of that size instead of a tree.
    hostile: Option<(hostile::Kind, usize)>,
}

const USAGE: &str = "usage: gen_corpus [--profile traps] [--files N] [--seed S] OUT_DIR | gen_corpus --profile fleet [--tenants N] [--seed S] OUT_DIR | gen_corpus --hostile KIND --size BYTES OUT_FILE";

fn parse_args() -> Result<Options, String> {
    let mut profile = Profile::Default;
    let mut files = None;
    let mut tenants = None;
    let mut seed = 1;
    let mut out = None;
    let mut kind = None;
    let mut size = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = |name: &str| args.next().ok_or_else(|| format!("{name} needs a value"));
        match arg.as_str() {
            "--profile" => {
                profile = match value("--profile")?.as_str() {
                    "default" => Profile::Default,
                    "fleet" => Profile::Fleet,
                    "traps" => Profile::Traps,
                    other => {
                        return Err(format!("--profile {other}: choose default, fleet or traps"));
                    }
                }
            }
            "--files" => {
                files = Some(
                    value("--files")?
                        .replace('_', "")
                        .parse()
                        .map_err(|e| format!("--files: {e}"))?,
                )
            }
            "--tenants" => {
                tenants = Some(
                    value("--tenants")?
                        .replace('_', "")
                        .parse()
                        .map_err(|e| format!("--tenants: {e}"))?,
                )
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
    // Each profile counts its size in its own unit; the other's is a mistake, not ignored.
    match (profile, files, tenants) {
        (Profile::Default | Profile::Traps, _, Some(_)) => {
            return Err("--tenants goes with --profile fleet".into());
        }
        (Profile::Fleet, Some(_), _) => {
            return Err("--profile fleet counts --tenants, not --files".into());
        }
        _ => {}
    }
    let files = files.unwrap_or(10_000);
    let tenants = tenants.unwrap_or(20_000);
    if hostile.is_none() && profile != Profile::Fleet && !(1_000..=1_000_000).contains(&files) {
        return Err(format!("--files {files}: choose between 1000 and 1000000"));
    }
    if hostile.is_none() && profile == Profile::Fleet && !(1..=1_000_000).contains(&tenants) {
        return Err(format!("--tenants {tenants}: choose between 1 and 1000000"));
    }
    Ok(Options {
        profile,
        files,
        tenants,
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
    if options.profile == Profile::Fleet {
        let counts = corpus::write_fleet(&options.out, options.tenants, options.seed);
        println!(
            "{} files ({:.1} MiB) in {} tenants under {}: {} stale pages, {} migrated, {} traps (fleet, seed {})",
            counts.files,
            counts.bytes as f64 / (1 << 20) as f64,
            options.tenants,
            options.out.join("home").display(),
            counts.stale,
            counts.migrated,
            counts.traps,
            options.seed
        );
        return;
    }
    let mut rng = XorShiftRng::seed_from_u64(options.seed);
    let mut counts = Counts::default();
    let mut mentions = Mentions::default();
    let traps = options.profile == Profile::Traps;
    let mut tenant = 0;
    while counts.files < options.files {
        let left = options.files - counts.files;
        let root = options.out.join(format!("tenant{tenant:05}/www"));
        let tenant_traps = traps.then(|| TenantTraps::pick(&mut rng));
        write_tenant(
            &mut rng,
            &root,
            left,
            &mut counts,
            tenant_traps,
            &mut mentions,
        );
        tenant += 1;
    }
    if traps {
        println!(
            "{} of {} files ({:.0}%) contain 제주, {} ({:.0}%) contain 안심클릭",
            mentions.card,
            counts.files,
            100.0 * mentions.card as f64 / counts.files as f64,
            mentions.title,
            100.0 * mentions.title as f64 / counts.files as f64,
        );
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

/// How many files name the card and the `from` scheme's title (`--profile traps` reports it).
#[derive(Default)]
struct Mentions {
    card: usize,
    title: usize,
}

/// How one tenant of the traps profile writes about Jeju where nothing is wrong.
#[derive(Clone, Copy)]
struct TenantTraps {
    /// The shop's address, in every page's footer, is on Jeju.
    jeju_address: bool,
}

impl TenantTraps {
    fn pick(rng: &mut XorShiftRng) -> TenantTraps {
        TenantTraps {
            jeju_address: rng.random_bool(0.25),
        }
    }
}

/// Shipping notes, as nearly every product and order page of a Korean shop carries one.
const SHIPPING_NOTES: &[&str] = &[
    "<p class=\"delivery\">제주/도서산간 지역 추가 배송비 3,000원</p>",
    "<li>※ 제주 및 도서산간 지역은 배송이 2~3일 더 걸립니다.</li>",
    "<td class=\"ship\">기본 2,500원 (제주/도서산간 5,000원)</td>",
    "<p>제주도 및 산간지역은 추가 운임이 부과됩니다.</p>",
];

/// Payment guides that name 안심클릭 without listing a card.
const GUIDES: &[&str] = &[
    "<p class=\"guide\">30만원 이상 카드 결제 시 안심클릭 또는 공인인증서 인증이 필요합니다.</p>",
    "<li>안심클릭 결제창이 뜨지 않으면 팝업 차단을 해제해 주세요.</li>",
    "<p>신용카드 결제는 안심클릭, 안전결제(ISP) 중 카드사가 정한 방식으로 진행됩니다.</p>",
];

const REGION_PICKER: &str = "<select name=\"sido\"><option>서울특별시</option><option>경기도</option><option>부산광역시</option><option>제주특별자치도</option></select>";

const BANK_LIST: &str = "<p>무통장 입금: 국민은행 123-45-6789, 농협 301-0000-0000-00, 제주은행 12-34-567890 (예금주 (주)한라상사)</p>";

/// The traps a page of the traps profile gets, at the rates of real shops.
fn page_traps(rng: &mut XorShiftRng, tenant: TenantTraps) -> String {
    let mut out = String::new();
    if rng.random_bool(0.45) {
        out.push_str(SHIPPING_NOTES[rng.random_range(0..SHIPPING_NOTES.len())]);
        out.push('\n');
    }
    if rng.random_bool(0.28) {
        out.push_str(GUIDES[rng.random_range(0..GUIDES.len())]);
        out.push('\n');
    }
    if rng.random_bool(0.05) {
        out.push_str(REGION_PICKER);
        out.push('\n');
    }
    if rng.random_bool(0.05) {
        out.push_str(BANK_LIST);
        out.push('\n');
    }
    if tenant.jeju_address {
        out.push_str("<div class=\"footer\">(주)한라상사 | 제주특별자치도 제주시 중앙로 123 | Tel 064-000-0000</div>\n");
    }
    out
}

/// Writes one tenant's site, at most `budget` files; `traps` (the traps profile) adds what
/// real shops write about Jeju to its pages.
fn write_tenant(
    rng: &mut XorShiftRng,
    root: &Path,
    budget: usize,
    counts: &mut Counts,
    traps: Option<TenantTraps>,
    mentions: &mut Mentions,
) {
    let style = corpus::pick_style(rng);
    let stack = style.stack;
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
                let mut text = page(rng, style, content);
                if let Some(tenant) = traps {
                    let at = text.rfind("</div>").unwrap_or(text.len());
                    text.insert_str(at, &page_traps(rng, tenant));
                }
                mentions.card += usize::from(text.contains("제주"));
                mentions.title += usize::from(text.contains("안심클릭"));
                encode(style, &text)
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
