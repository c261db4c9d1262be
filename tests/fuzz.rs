//! A fuzzing harness over the page pipeline (cargo-fuzz needs a nightly toolchain, so this is
//! proptest): real pages from `samples/` and `tests/cases/`, mutated the ways real pages break
//! (server code in odd places, unclosed tags, truncated multibyte characters, mixed line
//! endings, stray bytes), scanned and fixed. It must never panic, and every fix it makes must
//! hold: the fixed file decodes, a second fix changes nothing, and no byte outside the
//! findings' edits changes.
//!
//! `PROPTEST_CASES=20000 cargo test --release --test fuzz` runs it for longer; failures found
//! that way are kept in `tests/fuzz.proptest-regressions` and replayed on every run.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use proptest::prelude::*;

use kspay_migrate::pipeline::{Mode, Options, Pipeline};
use kspay_migrate::rules;
use kspay_migrate::source::encoding::EncodingChoice;

static PAGES: LazyLock<Vec<(PathBuf, Vec<u8>)>> = LazyLock::new(|| {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut pages = Vec::new();
    for dir in ["samples", "tests/cases"] {
        for entry in walkdir::WalkDir::new(root.join(dir)).sort_by_file_name() {
            let entry = entry.unwrap();
            let name = entry.file_name().to_string_lossy();
            // Pages only: not notes, findings lists or the cases' report snapshots (`.snap`).
            let page = [".md", ".txt", ".snap", ".snap.new"]
                .iter()
                .all(|suffix| !name.ends_with(suffix));
            if entry.file_type().is_file() && page {
                pages.push((entry.path().to_path_buf(), fs::read(entry.path()).unwrap()));
            }
        }
    }
    pages
});

static SCANNER: LazyLock<Pipeline> = LazyLock::new(|| {
    Pipeline::new(
        rules::embedded().unwrap(),
        Options {
            encoding: EncodingChoice::Auto,
            max_filesize: 8 << 20,
            unsafe_fixes: true,
            mode: Mode::Fix,
            max_findings: kspay_migrate::scan::MAX_FINDINGS_PER_FILE,
        },
    )
});

/// Pieces real pages break with.
const SNIPPETS: &[&str] = &[
    "<?php if ($certitype == \"M\") { ?>",
    "<?php } ?>",
    "<% If certitype = \"I\" Then %>",
    "<% End If %>",
    "<%-- ",
    " --%>",
    "<!--",
    "-->",
    "<?= $x ?>",
    "<td",
    "<select name=\"mpi_card\">",
    "<optgroup label=\"안전결제(ISP)\">",
    "</option>",
    "<option value=\"13\">제주카드",
    "<br>",
    "제주, ",
    "안심클릭 : ",
    "<script>",
    "</script>",
    "/*",
    "&#51228;&#51452;",
    "\"",
    "'",
    "<!-- kspay-migrate: ignore -->\n",
    "<% ' kspay-migrate: ignore jeju-mpi-to-isp -- x %>",
    "// kspay-migrate: ignore-file",
    "kspay-migrate: ingore",
];

#[derive(Debug, Clone)]
enum Mutation {
    /// Insert a snippet at a fraction of the length.
    Insert(f64, usize),
    /// Cut the page at a fraction (may split a multibyte character).
    Truncate(f64),
    /// Delete a run of bytes.
    Delete(f64, usize),
    /// Turn CRLF into LF (or LF into CRLF) from a point on.
    LineEndings(f64),
    /// Overwrite one byte.
    Byte(f64, u8),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        4 => (0.0..1.0, 0..SNIPPETS.len()).prop_map(|(at, i)| Mutation::Insert(at, i)),
        1 => (0.0..1.0).prop_map(Mutation::Truncate),
        2 => (0.0..1.0, 1usize..40).prop_map(|(at, n)| Mutation::Delete(at, n)),
        1 => (0.0..1.0).prop_map(Mutation::LineEndings),
        2 => (0.0..1.0, any::<u8>()).prop_map(|(at, b)| Mutation::Byte(at, b)),
    ]
}

fn apply(page: &mut Vec<u8>, mutation: &Mutation) {
    let at = |fraction: f64, len: usize| ((len as f64) * fraction) as usize;
    match *mutation {
        Mutation::Insert(f, i) => {
            let pos = at(f, page.len());
            page.splice(pos..pos, SNIPPETS[i].bytes());
        }
        Mutation::Truncate(f) => page.truncate(at(f, page.len())),
        Mutation::Delete(f, n) => {
            let pos = at(f, page.len());
            let end = (pos + n).min(page.len());
            page.drain(pos..end);
        }
        Mutation::LineEndings(f) => {
            let pos = at(f, page.len());
            let tail = page.split_off(pos);
            let text = String::from_utf8_lossy(&tail).into_owned();
            let swapped = if tail.windows(2).any(|w| w == b"\r\n") {
                tail.iter()
                    .copied()
                    .filter(|&b| b != b'\r')
                    .collect::<Vec<u8>>()
            } else if text.len() == tail.len() {
                text.replace('\n', "\r\n").into_bytes()
            } else {
                tail
            };
            page.extend(swapped);
        }
        Mutation::Byte(f, b) => {
            if !page.is_empty() {
                let pos = at(f, page.len()).min(page.len() - 1);
                page[pos] = b;
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 256,
        ..ProptestConfig::default()
    })]

    #[test]
    fn mutated_pages_never_panic_and_their_fixes_hold(
        index in 0..PAGES.len(),
        mutations in proptest::collection::vec(mutation(), 1..6),
    ) {
        let (path, original) = &PAGES[index];
        let mut page = original.clone();
        for m in &mutations {
            apply(&mut page, m);
        }
        let report = SCANNER.process_bytes(path, page.clone());
        let Some(change) = &report.change else {
            return Ok(());
        };
        prop_assert!(report.error.is_none());

        // The fixed file scans cleanly and a second fix changes nothing.
        let again = SCANNER.process_bytes(path, change.fixed.clone());
        prop_assert!(again.error.is_none(), "fixed file fails: {:?}", again.error);
        prop_assert!(again.change.is_none(), "a second fix changes the file again");

        // UTF-8 pages without a BOM: decoded offsets are byte offsets, so the bytes outside
        // every finding's edits must all be in the fixed file, in order, with the first and
        // last stretches at its very start and end.
        let plain_utf8 = std::str::from_utf8(&page).is_ok() && !page.starts_with(b"\xEF\xBB\xBF");
        if plain_utf8 {
            let mut edits: Vec<std::ops::Range<usize>> = report
                .findings
                .iter()
                .flat_map(|f| f.finding.edits.iter().map(|e| e.range.clone()))
                .collect();
            edits.sort_by_key(|e| e.start);
            let mut kept = Vec::new();
            let mut from = 0;
            for edit in &edits {
                if edit.start > from {
                    kept.push(from..edit.start);
                }
                from = from.max(edit.end);
            }
            kept.push(from..page.len());
            let fixed = &change.fixed;
            prop_assert!(fixed.starts_with(&page[kept[0].clone()]), "the start changed");
            prop_assert!(fixed.ends_with(&page[kept[kept.len() - 1].clone()]), "the end changed");
            let mut at = 0;
            for stretch in kept.iter().filter(|s| !s.is_empty()) {
                let bytes = &page[stretch.clone()];
                let found = fixed[at..].windows(bytes.len()).position(|w| w == bytes);
                prop_assert!(found.is_some(), "bytes {:?} outside the edits changed", stretch);
                at += found.unwrap() + bytes.len();
            }
        }
    }
}

/// Inputs the harness found crashes with, kept by name (the seeds in the regressions file
/// index pages by position, which moves when pages are added).
#[test]
fn crashes_found_by_fuzzing_stay_fixed() {
    let page = |suffix: &str| {
        PAGES
            .iter()
            .find(|(path, _)| path.ends_with(suffix))
            .unwrap_or_else(|| panic!("{suffix} not found"))
            .clone()
    };
    let cases = [
        // A PHP block cut before its `?>`: the code range split the last character.
        (
            "samples/php-shop/pay/KSPayCreditFormIM.php",
            vec![
                Mutation::Truncate(0.2279769832809574),
                Mutation::Insert(0.41040365215216085, 22),
            ],
        ),
        // A script cut inside an array: the unclosed bracket's range split a character.
        (
            "tests/cases/script-chain-comment-code-asp-euckr/input.asp",
            vec![
                Mutation::Delete(0.9599666931257314, 2),
                Mutation::Insert(0.6288531431317622, 2),
                Mutation::Truncate(0.3639421820816248),
            ],
        ),
    ];
    for (suffix, mutations) in cases {
        let (path, mut bytes) = page(suffix);
        for m in &mutations {
            apply(&mut bytes, m);
        }
        let report = SCANNER.process_bytes(&path, bytes);
        assert!(report.error.is_none() || report.change.is_none());
    }
}
