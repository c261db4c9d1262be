//! The pages of the generated hosting trees, shared by the corpus generator
//! (`benches/gen_corpus.rs`) and the tests that scan a generated fleet (`tests/fleet.rs`), so
//! that the tree a test scans is the one the benchmark and the README describe.
//!
//! Everything here is driven by the caller's seeded generator: the same seed gives the same
//! bytes, and a change to the order of the generator's calls changes every tree after it.
#![allow(dead_code)] // the generator and the tests each use their own part

use std::fmt::Write as _;
use std::fs;
use std::path::Path;

use encoding_rs::EUC_KR;
use rand::{RngExt, SeedableRng};
use rand_xorshift::XorShiftRng;

/// The server language of a tenant's shop.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Stack {
    Php,
    Asp,
    Jsp,
    Html,
}

impl Stack {
    pub fn extension(self) -> &'static str {
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
pub struct Style {
    pub stack: Stack,
    pub euc_kr: bool,
    pub crlf: bool,
}

/// What kind of page to write.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Content {
    Plain,
    Stale,
    Migrated,
    Trap,
}

#[derive(Default)]
pub struct Counts {
    pub files: usize,
    pub bytes: u64,
    pub stale: usize,
    pub migrated: usize,
    pub traps: usize,
    pub binaries: usize,
    pub large: usize,
}

/// A tenant's stack, encoding and line endings, in the mix a hosting company of the time had.
pub fn pick_style(rng: &mut XorShiftRng) -> Style {
    let stack = match rng.random_range(0..10) {
        0..=4 => Stack::Php,
        5..=6 => Stack::Asp,
        7 => Stack::Jsp,
        _ => Stack::Html,
    };
    // Shops of the time were EUC-KR and CRLF (edited on Windows); a third moved to UTF-8.
    let euc_kr = rng.random_bool(0.65);
    Style {
        stack,
        euc_kr,
        crlf: if euc_kr {
            rng.random_bool(0.85)
        } else {
            rng.random_bool(0.3)
        },
    }
}

/// Text in the tenant's encoding and line endings.
pub fn encode(style: Style, text: &str) -> Vec<u8> {
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

pub const GOODS: &[&str] = &[
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

pub const NOTICES: &[&str] = &[
    "주문하신 상품은 결제 확인 후 2~3일 이내에 발송됩니다.",
    "교환 및 반품은 상품 수령 후 7일 이내에 가능합니다.",
    "무통장 입금은 주문 후 3일 이내에 입금하셔야 합니다.",
    "회원 가입 시 적립금 2,000원을 드립니다.",
    "고객센터 운영시간: 평일 09:00 ~ 18:00 (점심 12:00 ~ 13:00)",
];

/// What a trap page says about Jeju: nothing wrong with any of it.
pub const TRAPS: &[&str] = &[
    "<p class=\"notice\">제주/도서산간 지역은 추가 배송비 3,000원이 부과됩니다.</p>",
    "<td>결제주문번호</td><td><input type=\"text\" name=\"ordno\"></td>",
    "<p>제주도 배송은 2~3일이 더 걸릴 수 있습니다.</p>",
    "<select name=\"bank\"><option value=\"04\">국민은행</option><option value=\"35\">제주은행</option><option value=\"20\">우리은행</option></select>",
    "<div class=\"footer\">(주)한라상사 | 제주특별자치도 제주시 중앙로 123 | 사업자등록번호 616-81-00000</div>",
    "<p>제주항공 마일리지 적립 이벤트 진행 중</p>",
    "<!-- 안심클릭: 외환,삼성,현대,신한,롯데,하나,씨티,제주 (2012 이전 목록) -->",
];

pub fn page(rng: &mut XorShiftRng, style: Style, content: Content) -> String {
    page_of(rng, style, content, 4..30)
}

/// A shop page listing a number of goods in `rows` (a fleet's pages list fewer than the
/// benchmark's, so that a test over 20,000 tenants stays short).
pub fn page_of(
    rng: &mut XorShiftRng,
    style: Style,
    content: Content,
    rows: std::ops::Range<u32>,
) -> String {
    let mut out = String::with_capacity(8 * 1024);
    out.push_str(&head(style));
    out.push_str("<body>\n");
    out.push_str(&server_include(style, "top"));
    out.push_str("<div id=\"container\">\n<table width=\"900\" border=\"0\" cellspacing=\"0\" cellpadding=\"0\">\n");
    for _ in 0..rng.random_range(rows) {
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
pub fn card_selection(rng: &mut XorShiftRng, style: Style, stale: bool) -> String {
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

pub fn head(style: Style) -> String {
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

pub fn server_include(style: Style, name: &str) -> String {
    match style.stack {
        Stack::Php => format!("<?php include \"../include/{name}.inc\"; ?>\n"),
        Stack::Asp => format!("<!-- #include virtual=\"/include/{name}.inc\" -->\n"),
        Stack::Jsp => format!("<jsp:include page=\"/include/{name}.jspf\" />\n"),
        Stack::Html => String::new(),
    }
}

pub fn server_echo(style: Style, variable: &str) -> String {
    match style.stack {
        Stack::Php => format!("<?php echo ${variable}; ?>"),
        Stack::Asp => format!("<%={variable}%>"),
        Stack::Jsp => format!("<%={variable}%>"),
        Stack::Html => String::new(),
    }
}

/// The user name of fleet tenant `n` (1-based): `user00042`, whose folder is `home/user00042`.
pub fn fleet_user(n: usize) -> String {
    format!("user{n:05}")
}

/// Writes the `fleet` profile under `out`: a shared web host's `home/userNNNNN/public_html/`,
/// `tenants` users, each with one or two small pages in the user's stack, encoding and line
/// endings (EUC-KR with CRLF for about half, as shops edited on Windows were). Every user has an
/// `index` page; a third also has an order form, and about 3% run KSNET's module and have its
/// entry page. About 1% of the pages still list Jeju under MPI; a few % are traps or already
/// migrated. Few files per tenant, so a run's cost is in the tenants (walking their folders,
/// naming them, sharding them), which is what the fleet tests and `--profile fleet` measure.
pub fn write_fleet(out: &Path, tenants: usize, seed: u64) -> Counts {
    let mut rng = XorShiftRng::seed_from_u64(seed);
    let mut counts = Counts::default();
    for n in 1..=tenants {
        let style = pick_style(&mut rng);
        let ext = style.stack.extension();
        let root = out.join("home").join(fleet_user(n)).join("public_html");
        let mut planned = vec![(format!("index.{ext}"), fleet_content(&mut rng, false))];
        let roll: f64 = rng.random();
        if roll < 0.03 {
            let content = fleet_content(&mut rng, true);
            planned.push((format!("kspay/KSPayForm.{ext}"), content));
        } else if roll < 0.35 {
            let content = fleet_content(&mut rng, false);
            planned.push((format!("order/order_form.{ext}"), content));
        }
        for (relative, content) in planned {
            match content {
                Content::Stale => counts.stale += 1,
                Content::Migrated => counts.migrated += 1,
                Content::Trap => counts.traps += 1,
                Content::Plain => {}
            }
            let bytes = encode(style, &page_of(&mut rng, style, content, 2..8));
            let path = root.join(relative);
            fs::create_dir_all(path.parent().expect("a page has a folder")).expect("create folder");
            fs::write(&path, &bytes).expect("write page");
            counts.files += 1;
            counts.bytes += bytes.len() as u64;
        }
    }
    counts
}

/// What a fleet page holds: a payment page is stale a quarter of the time (the module's entry
/// page as KSNET shipped it before 2013), any other page in one of 200.
fn fleet_content(rng: &mut XorShiftRng, payment: bool) -> Content {
    let roll: f64 = rng.random();
    match payment {
        true if roll < 0.25 => Content::Stale,
        true if roll < 0.6 => Content::Migrated,
        true => Content::Trap,
        false if roll < 0.005 => Content::Stale,
        false if roll < 0.035 => Content::Trap,
        false => Content::Plain,
    }
}
