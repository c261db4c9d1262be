//! The HTML report as a browser shows it: the binary writes the page, headless Chromium loads
//! it from a file, runs its script and dumps the DOM, and the tests read that: the counts
//! against the JSON report of the same run, the tables' first pages, a finding's text and
//! source line, that the script finished (`<body data-ready="1">`) and recorded no error or
//! blocked load (`<html data-errors="0">`), and that tenant content hostile to a browser shows
//! as text and makes no element.
//!
//! Chromium is required, not optional: a missing browser fails these tests (Debian: `apt-get
//! install chromium`, which `.ci/run` does). `KSPAY_MIGRATE_CHROMIUM` names another binary.

mod common;
mod report_schema;
use common::{root, tool};
use report_schema::assert_valid_report;

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use encoding_rs::EUC_KR;
use regex::Regex;
use serde_json::Value;

/// How long one page may take to load, script included, on a loaded CI machine.
const BROWSER_DEADLINE: Duration = Duration::from_secs(180);

/// What the README promises of a 20,000-tenant run's page.
const TWENTY_K_TENANTS_BOUND: u64 = 600 * 1024;

/// The DOM of `page` after its script ran, as headless Chromium serializes it.
fn dump_dom(page: &Path) -> String {
    let browser = std::env::var("KSPAY_MIGRATE_CHROMIUM").unwrap_or_else(|_| "chromium".into());
    let profile = tempfile::tempdir().unwrap();
    let out = tempfile::NamedTempFile::new().unwrap();
    let err = tempfile::NamedTempFile::new().unwrap();
    let url = format!("file://{}", page.canonicalize().unwrap().display());
    let mut child = Command::new(&browser)
        .args([
            "--headless",
            // Tests run as root in CI containers, where Chromium's sandbox cannot start.
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--no-first-run",
            "--disable-extensions",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg("--dump-dom")
        .arg(&url)
        .stdin(Stdio::null())
        .stdout(out.reopen().unwrap())
        .stderr(err.reopen().unwrap())
        .spawn()
        .unwrap_or_else(|e| {
            panic!(
                "cannot start {browser:?}: {e}. The HTML report tests need Chromium: \
                 `apt-get install chromium` (Debian; .ci/run installs it), or set \
                 KSPAY_MIGRATE_CHROMIUM to a Chromium binary"
            )
        });
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > BROWSER_DEADLINE {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{browser} did not dump {url} within {BROWSER_DEADLINE:?}");
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let dom = fs::read_to_string(out.path()).unwrap();
    assert!(
        status.success() && dom.contains("</html>"),
        "{browser} failed on {url} ({status}):\n{}",
        fs::read_to_string(err.path()).unwrap_or_default()
    );
    dom
}

/// Asserts the page's script ran to its end and recorded no script error and no load or
/// script that the page's policy blocked.
fn assert_script_ran_cleanly(dom: &str) {
    assert!(
        dom.contains("data-ready=\"1\""),
        "the script did not finish:\n{}",
        head_of(dom)
    );
    let errors = Regex::new(r#"<ul id="script-errors"[^>]*>(.*?)</ul>"#)
        .unwrap()
        .captures(dom)
        .expect("the page has its error list")[1]
        .to_string();
    assert!(errors.is_empty(), "the page recorded errors: {errors}");
    assert!(dom.contains("data-errors=\"0\""), "{}", head_of(dom));
}

fn head_of(dom: &str) -> &str {
    &dom[..dom.len().min(3000)]
}

/// The summary's counts, by the JSON summary's names.
fn counts(dom: &str) -> BTreeMap<String, u64> {
    Regex::new(r#"<dd data-count="(\w+)">(\d+)</dd>"#)
        .unwrap()
        .captures_iter(dom)
        .map(|c| (c[1].to_string(), c[2].parse().unwrap()))
        .collect()
}

/// The markup of `<section id="ID">`.
fn section<'d>(dom: &'d str, id: &str) -> &'d str {
    let start = dom
        .find(&format!("<section id=\"{id}\">"))
        .unwrap_or_else(|| panic!("no section {id}"));
    let end = dom[start..].find("</section>").unwrap();
    &dom[start..start + end]
}

/// The rows a table shows (its page), and how many rows it holds in all (`data-rows`).
fn table_rows(dom: &str, id: &str) -> (Vec<String>, usize) {
    let markup = section(dom, id);
    let body = markup
        .split_once("<tbody>")
        .unwrap_or_else(|| panic!("table {id} was not built"))
        .1;
    let body = body.split_once("</tbody>").unwrap().0;
    let rows = body
        .split("<tr>")
        .skip(1)
        .map(|row| row.trim_end_matches("</tr>").to_string())
        .collect();
    let total = Regex::new(r#"data-rows="(\d+)""#)
        .unwrap()
        .captures(markup)
        .unwrap()[1]
        .parse()
        .unwrap();
    (rows, total)
}

/// Text as the DOM serializer writes it between tags.
fn as_dom_text(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('\u{a0}', "&nbsp;")
}

/// Runs the tool in `dir`, expecting exit code `code`.
fn run_tool(dir: &Path, args: &[&str], code: i32) {
    let output = tool().current_dir(dir).args(args).output().unwrap();
    assert_eq!(
        output.status.code(),
        Some(code),
        "{args:?}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// The JSON report at `path`, valid against its schema.
fn json_report(path: &Path) -> Value {
    let report: Value = serde_json::from_str(&fs::read_to_string(path).unwrap()).unwrap();
    assert_valid_report(&report);
    report
}

/// Asserts every count of the JSON summary that the page shows equals it, and that the page
/// shows the main ones.
fn assert_counts_match(dom: &str, json: &Value) {
    let shown = counts(dom);
    for key in [
        "files_scanned",
        "files_with_findings",
        "findings",
        "fixable",
        "errors",
        "suppressed",
        "baselined",
        "fixes_dropped",
    ] {
        assert!(shown.contains_key(key), "the page does not show {key}");
    }
    for (key, value) in json["summary"].as_object().unwrap() {
        if let Some(count) = shown.get(key) {
            assert_eq!(Some(*count), value.as_u64(), "summary {key}");
        }
    }
}

/// A page's line `number` (1-based), decoded as the report decodes it.
fn page_line(path: &Path, number: usize) -> String {
    let bytes = fs::read(path).unwrap();
    let text = match std::str::from_utf8(&bytes) {
        Ok(text) => text.trim_start_matches('\u{feff}').to_string(),
        Err(_) => EUC_KR.decode_without_bom_handling(&bytes).0.into_owned(),
    };
    let line = text.split('\n').nth(number - 1).unwrap();
    line.strip_suffix('\r').unwrap_or(line).to_string()
}

#[test]
fn the_samples_report_shows_the_json_reports_counts_tables_and_source_lines() {
    let out = tempfile::tempdir().unwrap();
    let (html, json, csv) = (
        out.path().join("report.html"),
        out.path().join("report.json"),
        out.path().join("tenants.csv"),
    );
    run_tool(
        &root(),
        &[
            "check",
            "samples",
            "--output",
            &format!("html={}", html.display()),
            "--output",
            &format!("json={}", json.display()),
            "--output",
            &format!("tenants={}", csv.display()),
        ],
        1,
    );
    let page = fs::read_to_string(&html).unwrap();
    // Self-contained: a policy that allows no load, one script, no link, no source to fetch.
    assert!(page.contains("content=\"default-src 'none'; script-src 'sha256-"));
    assert_eq!(
        page.matches("<script").count(),
        2,
        "the script and the data"
    );
    // Tenant text holds such words too, but only escaped, outside any tag.
    let tags = Regex::new(r"<[a-zA-Z][^>]*>").unwrap();
    for tag in tags.find_iter(&page).map(|tag| tag.as_str()) {
        assert!(!tag.starts_with("<link"), "the page links out: {tag}");
        for attribute in [" src=", " href=", " srcset=", " action=", " data="] {
            assert!(!tag.contains(attribute), "the page refers out: {tag}");
        }
    }
    let style = page.split_once("<style>").unwrap().1;
    let style = style.split_once("</style>").unwrap().0;
    assert!(!style.contains("url(") && !style.contains("@import"));

    let dom = dump_dom(&html);
    assert_script_ran_cleanly(&dom);
    let report = json_report(&json);
    assert_counts_match(&dom, &report);

    // The tenants table: every tenant of the CSV, the most findings first.
    let tenants = fs::read_to_string(&csv).unwrap();
    let tenant_count = tenants.lines().count() - 1;
    let (rows, total) = table_rows(&dom, "tenants");
    assert_eq!((rows.len(), total), (tenant_count, tenant_count));
    assert_eq!(counts(&dom)["tenants"], tenant_count as u64);
    assert!(
        rows[0].starts_with("<td>samples/asp-shop</td>"),
        "{}",
        rows[0]
    );

    // The findings table: one row per finding, in report order.
    let findings = report["findings"].as_array().unwrap();
    let (rows, total) = table_rows(&dom, "findings");
    assert_eq!((rows.len(), total), (findings.len(), findings.len()));
    let first = &findings[0];
    assert!(
        rows[0].contains(&format!(
            ">{}</a></td><td class=\"num\">{}:{}</td>",
            first["path"].as_str().unwrap(),
            first["line"],
            first["column"]
        )),
        "{}",
        rows[0]
    );
    assert!(rows[0].contains(&as_dom_text(first["message"].as_str().unwrap())));

    // Each finding's details: its message, and its source line decoded with the finding marked.
    let details = section(&dom, "details");
    for finding in findings {
        let path = finding["path"].as_str().unwrap();
        let (line, column) = (
            finding["line"].as_u64().unwrap() as usize,
            finding["column"].as_u64().unwrap() as usize,
        );
        let end = finding["end_column"].as_u64().unwrap() as usize;
        let source = page_line(&root().join(path), line);
        let chars: Vec<char> = source.chars().collect();
        let end = if finding["end_line"] == finding["line"] {
            end - 1
        } else {
            chars.len()
        };
        let part =
            |from: usize, to: usize| as_dom_text(&chars[from..to].iter().collect::<String>());
        let marked = format!(
            "<span class=\"ln\">{line}</span>{}<mark>{}</mark>{}</pre>",
            part(0, column - 1),
            part(column - 1, end),
            part(end, chars.len())
        );
        assert!(details.contains(&marked), "{path}:{line}: no {marked}");
        let head = format!("<span class=\"where\">{line}:{column}</span>");
        assert!(details.contains(&head), "{path}: no {head}");
        assert!(details.contains(&as_dom_text(finding["message"].as_str().unwrap())));
    }
    // `check` shows each fix as its edits: KSPayForm.php's Jeju leaves line 81 for line 85.
    assert!(
        details.contains("<span class=\"where\">81:49–81:55</span> remove <q>, 제주카드</q>"),
        "{details}"
    );
    assert!(details.contains("<span class=\"where\">85:35</span> insert <q>, 제주카드</q>"));
}

#[test]
fn a_fix_run_shows_each_changed_files_diff() {
    let out = tempfile::tempdir().unwrap();
    let (html, json) = (out.path().join("fix.html"), out.path().join("fix.json"));
    // A dry run: the diffs are shown, nothing is written.
    run_tool(
        &root(),
        &[
            "fix",
            "samples",
            "--output",
            &format!("html={}", html.display()),
            "--output",
            &format!("json={}", json.display()),
        ],
        1,
    );
    let dom = dump_dom(&html);
    assert_script_ran_cleanly(&dom);
    assert_counts_match(&dom, &json_report(&json));
    let shown = counts(&dom);
    let details = section(&dom, "details");
    assert_eq!(
        details.matches("<pre class=\"diff\">").count() as u64,
        shown["changed_files"]
    );
    assert!(details.contains(
        "<span class=\"head\">--- a/samples/php-shop/pay/KSPayForm.php (EUC-KR, shown as UTF-8)</span>"
    ));
    assert!(
        details.contains("<span class=\"del\">-\t\t&lt;td&gt;외환카드, 삼성카드, 현대카드, 신한카드, 롯데카드, 하나SK카드, 씨티카드, 제주카드&lt;/td&gt;</span>"),
        "{details}"
    );
    let (rows, _) = table_rows(&dom, "findings");
    let would_fix = rows
        .iter()
        .filter(|row| row.contains(">would fix<"))
        .count();
    assert_eq!(would_fix as u64, shown["fixed_findings"]);
}

/// A tenant folder, a file name and a page line that would run script, load an image or end
/// the data block if any of them reached the page as markup.
const HOSTILE_TENANT: &str = "<img src=x onerror=document.body.dataset.pwned=1>";
const HOSTILE_FILE: &str = "<script>document.body.dataset.pwned=2<!--x.html";
const HOSTILE_LINE: &str = "<p><input type=\"radio\" name=\"certitype\" value=\"M\"> 안심클릭 : 삼성/현대/제주<br><img src=x onerror=\"document.body.dataset.pwned=3\"><script>document.body.dataset.pwned=4</script><b>bold</b>";

#[test]
fn hostile_names_and_lines_show_as_text_and_make_no_element() {
    let tree = tempfile::tempdir().unwrap();
    let tenant = tree.path().join(HOSTILE_TENANT);
    fs::create_dir(&tenant).unwrap();
    let page = format!(
        "<html><body>\n{HOSTILE_LINE}\n<input type=\"radio\" name=\"certitype\" value=\"I\"> 안전결제(ISP) : 비씨/국민<br></p>\n</body></html>\n"
    );
    fs::write(tenant.join(HOSTILE_FILE), page).unwrap();
    let out = tempfile::tempdir().unwrap();
    let html = out.path().join("report.html");
    run_tool(
        tree.path(),
        &[
            "check",
            ".",
            "--output",
            &format!("html={}", html.display()),
        ],
        1,
    );
    let dom = dump_dom(&html);
    // Nothing ran and nothing was blocked: had markup got through, the policy would have
    // blocked it and the page recorded it.
    assert_script_ran_cleanly(&dom);
    assert!(!dom.contains("pwned=\""), "a hostile script ran");
    for element in ["<img", "<b>", "<p><input"] {
        assert!(!dom.contains(element), "{element} made an element");
    }
    assert_eq!(dom.matches("<script").count(), 2, "the script and the data");

    // The tenant, the file and the line show as text, in the tables and the details.
    let (rows, _) = table_rows(&dom, "tenants");
    assert!(rows[0].starts_with(&format!("<td>{}</td>", as_dom_text(HOSTILE_TENANT))));
    let path = as_dom_text(&format!("{HOSTILE_TENANT}/{HOSTILE_FILE}"));
    let (rows, total) = table_rows(&dom, "findings");
    assert_eq!(total, 1);
    assert!(rows[0].contains(&format!(">{path}</a>")), "{}", rows[0]);
    let details = section(&dom, "details");
    assert!(details.contains(&format!("<span class=\"path\">{path}</span>")));
    let (before, after) = HOSTILE_LINE.split_once("제주").unwrap();
    let marked = format!(
        "{}<mark>제주</mark>{}</pre>",
        as_dom_text(before),
        as_dom_text(after)
    );
    assert!(details.contains(&marked), "{details}");
}

#[test]
fn markup_that_got_into_the_page_would_be_blocked_and_recorded() {
    // The check above relies on the page recording what its policy blocks: a report with
    // markup put in by hand must show the error, and still not run it.
    let out = tempfile::tempdir().unwrap();
    let html = out.path().join("report.html");
    run_tool(
        &root(),
        &[
            "check",
            "samples/php-shop",
            "--output",
            &format!("html={}", html.display()),
        ],
        1,
    );
    let page = fs::read_to_string(&html).unwrap();
    let injected = page.replacen(
        "<body>",
        "<body><img src=x onerror=\"document.body.dataset.pwned=1\"><script>document.body.dataset.pwned=2</script>",
        1,
    );
    fs::write(&html, injected).unwrap();
    let dom = dump_dom(&html);
    assert!(dom.contains("data-ready=\"1\""));
    assert!(!dom.contains("pwned=\""), "injected script ran");
    assert!(
        !dom.contains("data-errors=\"0\""),
        "nothing recorded:\n{}",
        head_of(&dom)
    );
    assert!(dom.contains("blocked by the page's security policy: script-src"));
}

/// A hosting tree: `tenants` tenant folders with one small page each, one in a hundred of them
/// still listing Jeju under MPI as the samples' radio list does.
fn hosting_tree(dir: &Path, tenants: usize) -> usize {
    let stale = "<html><body>\n<form>\n<p><input type=\"radio\" name=\"certitype\" value=\"M\"> 안심클릭 : 삼성/현대/제주<br>\n<input type=\"radio\" name=\"certitype\" value=\"I\"> 안전결제(ISP) : 비씨/국민<br></p>\n</form>\n</body></html>\n";
    let clean = "<html><body>\n<p>주문이 완료되었습니다. 제주/도서산간 지역은 추가 배송비가 있습니다.</p>\n</body></html>\n";
    let mut stale_count = 0;
    for i in 0..tenants {
        let folder = dir.join(format!("t{i:05}"));
        fs::create_dir_all(&folder).unwrap();
        let page = if i % 100 == 7 {
            stale_count += 1;
            stale
        } else {
            clean
        };
        fs::write(folder.join("index.html"), page).unwrap();
    }
    stale_count
}

#[test]
fn a_twenty_thousand_tenant_report_opens_a_page_at_a_time_and_stays_small() {
    let dir = tempfile::tempdir().unwrap();
    let stale = hosting_tree(&dir.path().join("www"), 20_000);
    let (html, json) = (dir.path().join("r.html"), dir.path().join("r.json"));
    run_tool(
        dir.path(),
        &[
            "check",
            "www",
            "--output",
            &format!("html={}", html.display()),
            "--output",
            &format!("json={}", json.display()),
        ],
        1,
    );
    let size = fs::metadata(&html).unwrap().len();
    println!("the 20,000-tenant report: {size} bytes");
    assert!(
        size < TWENTY_K_TENANTS_BOUND,
        "{size} bytes is over the README's bound"
    );

    let dom = dump_dom(&html);
    assert_script_ran_cleanly(&dom);
    assert_counts_match(&dom, &json_report(&json));
    let shown = counts(&dom);
    assert_eq!(shown["tenants"], 20_000);
    assert_eq!(shown["stale_tenants"], stale as u64);

    // One page of 100 rows, the stale tenants first.
    let (rows, total) = table_rows(&dom, "tenants");
    assert_eq!((rows.len(), total), (100, 20_000));
    assert!(rows[0].starts_with("<td>www/t00007</td>"), "{}", rows[0]);
    let (rows, total) = table_rows(&dom, "findings");
    assert_eq!((rows.len(), total), (100, stale));

    // Details for the first files only, and a note that says where the rest are.
    let details = section(&dom, "details");
    let embedded = details.matches("<details class=\"file\"").count();
    assert_eq!(embedded, 100);
    assert!(details.contains(&format!(
        "id=\"details-capped\" data-left=\"{}\"",
        stale - embedded
    )));
}
