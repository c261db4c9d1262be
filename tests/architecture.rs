//! The module layout as a test: reads every `src/**/*.rs`, finds the references each file makes
//! to other modules of the crate, and fails when
//!
//! - two top-level modules depend on each other, directly or round a longer loop
//!   ([`cycles_between_top_level_modules`]);
//! - two children of one folder do (`scan::detect` and `scan::page`, say)
//!   ([`cycles_between_siblings`]);
//! - a top-level module uses one of its own layer or of a layer above it in [`LAYERS`]
//!   ([`layers_point_down`]).
//!
//! Nothing here names today's modules except [`LAYERS`]: the module set comes from the files, so
//! moving `src/` into stage folders needs no change here beyond that table.
//!
//! What counts as a reference: `crate::…` and `self::…`/`super::…` paths anywhere in code, in
//! `use` items (grouped forms included) and inline (`crate::walk::describe_io(e)`). Each path is
//! taken to name the longest module it starts with (`crate::report::portable_path` names
//! `report`; `crate::page::tree::NodeId` names `page::tree`). Comments, doc comments and string,
//! char and raw string literals are skipped, so doc links do not count. A bare `use items::X;`
//! (a child module in scope) is not read: it can only reach a child, which no check looks at, and
//! reaching a sibling takes a `super::` first.
//!
//! Test code counts: `#[cfg(test)] mod tests { … }` blocks are read like the rest of the file (a
//! loop through a test module is still a loop the compiler has to untangle, and the layers should
//! hold for tests too). Inline `mod x { … }` blocks are tracked so that `super::*` inside
//! `mod tests` means the file's own module, as it does for the compiler.

use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::fs;
use std::path::Path;

/// The layers, lowest first. A top-level module may use modules of strictly lower layers only;
/// two modules of one layer may not use each other. Every top-level module in `src/` must be
/// listed, and every module listed must exist.
const LAYERS: &[&[&str]] = &[
    &["diagnostics", "race_hook"],
    &["source"],
    &["rules"],
    &["scan"],
    &["fix"],
    &["pipeline"],
    &["report"],
    &["cli"],
];

#[test]
fn cycles_between_top_level_modules() {
    let refs = references(&source_files());
    let problems = cycle_problems(&edges_under(&refs, &[]));
    assert!(
        problems.is_empty(),
        "{} cycle(s) between top-level modules; break each by moving the shared piece down \
         (or the caller up), so that references run one way:\n\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn cycles_between_siblings() {
    let refs = references(&source_files());
    let mut problems = Vec::new();
    for parent in parents(&refs) {
        problems.extend(cycle_problems(&edges_under(&refs, &parent)));
    }
    assert!(
        problems.is_empty(),
        "{} cycle(s) between modules of one folder; break each so that references between \
         siblings run one way:\n\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn layers_point_down() {
    let files = source_files();
    let problems = layer_problems(LAYERS, &top_level_modules(&files), &references(&files));
    assert!(
        problems.is_empty(),
        "{} layer problem(s) (LAYERS in tests/architecture.rs, lowest first):\n\n{}",
        problems.len(),
        problems.join("\n")
    );
}

// ---------------------------------------------------------------------------------------------
// Reading the files

/// Every `.rs` file under `src/` as (path relative to the package, text), sorted by path.
fn source_files() -> Vec<(String, String)> {
    fn walk(dir: &Path, out: &mut Vec<(String, String)>) {
        let entries = fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
        for entry in entries {
            let path = entry.expect("directory entry").path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|ext| ext == "rs") {
                let text =
                    fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
                out.push((path.display().to_string(), text));
            }
        }
    }
    let package = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    walk(&package.join("src"), &mut files);
    let prefix = format!("{}/", package.display());
    let mut files: Vec<(String, String)> = files
        .into_iter()
        .map(|(path, text)| {
            let relative = path.strip_prefix(&prefix).unwrap_or(&path);
            (relative.replace('\\', "/"), text)
        })
        .collect();
    files.sort();
    files
}

/// The module a file defines: `src/a.rs` and `src/a/mod.rs` are `a`, `src/a/b.rs` and
/// `src/a/b/mod.rs` are `a::b`. `None` for the crate roots (`src/lib.rs`, `src/main.rs`) and for
/// `src/bin/`, whose files are crates of their own.
fn module_of(path: &str) -> Option<Vec<String>> {
    let relative = path.strip_prefix("src/")?.strip_suffix(".rs")?;
    let mut parts: Vec<String> = relative.split('/').map(str::to_owned).collect();
    if parts.first().is_some_and(|first| first == "bin") {
        return None;
    }
    if parts.len() == 1 && (parts[0] == "lib" || parts[0] == "main") {
        return None;
    }
    if parts.last().is_some_and(|last| last == "mod") {
        parts.pop();
    }
    (!parts.is_empty()).then_some(parts)
}

/// The first path component of every module the files define.
fn top_level_modules(files: &[(String, String)]) -> BTreeSet<String> {
    files
        .iter()
        .filter_map(|(path, _)| module_of(path))
        .map(|module| module[0].clone())
        .collect()
}

/// One path in one file that names another module of the crate.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Reference {
    /// The module of the file the path is in.
    from: Vec<String>,
    /// The module the path names.
    to: Vec<String>,
    file: String,
    line: usize,
    /// The path as written, grouped `use` forms spelled out: `crate::report::portable_path`.
    path: String,
}

impl Reference {
    fn cite(&self) -> String {
        format!("{}:{}: {}", self.file, self.line, self.path)
    }
}

/// Every reference from one module to a module of the crate, in file and line order.
fn references(files: &[(String, String)]) -> Vec<Reference> {
    let mut known: BTreeSet<Vec<String>> = BTreeSet::new();
    for (path, _) in files {
        if let Some(module) = module_of(path) {
            for len in 1..=module.len() {
                known.insert(module[..len].to_vec());
            }
        }
    }
    let mut refs = Vec::new();
    for (path, text) in files {
        let Some(module) = module_of(path) else {
            continue;
        };
        for (scope, segments, line) in paths_in(&tokens(text)) {
            let Some(to) = resolve(&module, &scope, &segments, &known) else {
                continue;
            };
            refs.push(Reference {
                from: module.clone(),
                to,
                file: path.clone(),
                line,
                path: spelled(&segments),
            });
        }
    }
    refs
}

/// A path as written, minus the `self` that ends a `use a::{self, …}` leaf.
fn spelled(segments: &[String]) -> String {
    match segments.split_last() {
        Some((last, rest)) if last == "self" && !rest.is_empty() => rest.join("::"),
        _ => segments.join("::"),
    }
}

/// The module a path names: the longest known module the path starts with, once `crate`,
/// `self` and `super` are resolved against the module the path is written in (`module` plus
/// the inline `mod x { … }` blocks around it, `scope`). `None` for items of the crate root and
/// for paths that climb out of it.
fn resolve(
    module: &[String],
    scope: &[String],
    segments: &[String],
    known: &BTreeSet<Vec<String>>,
) -> Option<Vec<String>> {
    let mut rest = segments.iter().peekable();
    let mut full: Vec<String> = match rest.next()?.as_str() {
        "crate" => Vec::new(),
        "self" => module.iter().chain(scope).cloned().collect(),
        "super" => {
            let mut here: Vec<String> = module.iter().chain(scope).cloned().collect();
            here.pop()?;
            while rest.peek().is_some_and(|s| *s == "super") {
                rest.next();
                here.pop()?;
            }
            here
        }
        _ => return None,
    };
    full.extend(rest.filter(|s| *s != "self").cloned());
    (1..=full.len())
        .rev()
        .map(|len| full[..len].to_vec())
        .find(|prefix| known.contains(prefix))
}

/// A token of Rust source with the line it starts on. Comments and literals make no tokens.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Token {
    text: String,
    line: usize,
}

impl Token {
    fn is(&self, text: &str) -> bool {
        self.text == text
    }

    fn is_ident(&self) -> bool {
        self.text
            .chars()
            .next()
            .is_some_and(|c| c.is_alphabetic() || c == '_')
    }
}

/// Splits Rust source into identifiers (keywords included), `::` and single punctuation
/// characters, dropping whitespace, comments (`//`, `///`, `//!`, nested `/* */`), and string,
/// byte string, C string, raw string and char literals. Lifetimes leave their name as an
/// identifier, which is harmless here.
fn tokens(text: &str) -> Vec<Token> {
    let chars: Vec<char> = text.chars().collect();
    let at = |i: usize| chars.get(i).copied().unwrap_or('\0');
    let mut out = Vec::new();
    let mut line = 1;
    let mut i = 0;
    // Skips chars[from..to], counting the newlines in them.
    let skip = |from: usize, to: usize, line: &mut usize| {
        *line += chars[from..to.min(chars.len())]
            .iter()
            .filter(|c| **c == '\n')
            .count();
        to
    };
    // The end of a quoted literal whose opening quote is at `open`: escapes unless `raw`,
    // then `hashes` `#` after the closing quote for raw strings.
    let string_end = |open: usize, raw: bool, hashes: usize| {
        let mut j = open + 1;
        while j < chars.len() {
            match chars[j] {
                '\\' if !raw => j += 2,
                '"' if (1..=hashes).all(|k| at(j + k) == '#') => return j + 1 + hashes,
                _ => j += 1,
            }
        }
        chars.len()
    };
    while i < chars.len() {
        let c = chars[i];
        if c == '\n' {
            line += 1;
            i += 1;
        } else if c.is_whitespace() {
            i += 1;
        } else if c == '/' && at(i + 1) == '/' {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && at(i + 1) == '*' {
            let mut depth = 0;
            let mut j = i;
            while j < chars.len() {
                if chars[j] == '/' && at(j + 1) == '*' {
                    depth += 1;
                    j += 2;
                } else if chars[j] == '*' && at(j + 1) == '/' {
                    depth -= 1;
                    j += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    j += 1;
                }
            }
            i = skip(i, j, &mut line);
        } else if c == '"' {
            i = skip(i, string_end(i, false, 0), &mut line);
        } else if c == '\'' {
            // A char literal ('x', '\n', '\u{1F600}', '"') or a lifetime/label ('a, 'outer:).
            if at(i + 1) == '\\' {
                let mut j = i + 3;
                while j < chars.len() && chars[j] != '\'' {
                    j += 1;
                }
                i = skip(i, j + 1, &mut line);
            } else if at(i + 2) == '\'' {
                i = skip(i, i + 3, &mut line);
            } else {
                i += 1;
            }
        } else if c.is_alphanumeric() || c == '_' {
            let start = i;
            while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                i += 1;
            }
            let word: String = chars[start..i].iter().collect();
            let next = at(i);
            if matches!(word.as_str(), "r" | "br" | "cr") && matches!(next, '"' | '#') {
                let mut hashes = 0;
                while at(i + hashes) == '#' {
                    hashes += 1;
                }
                if at(i + hashes) == '"' {
                    i = skip(i, string_end(i + hashes, true, hashes), &mut line);
                    continue;
                }
                if word == "r" && hashes == 1 {
                    // A raw identifier, r#type: the token is the identifier.
                    i += 1;
                    continue;
                }
            }
            if matches!(word.as_str(), "b" | "c") && next == '"' {
                i = skip(i, string_end(i, false, 0), &mut line);
                continue;
            }
            if word == "b" && next == '\'' {
                // A byte literal: the quote is read as a char literal next time round.
                continue;
            }
            out.push(Token { text: word, line });
        } else if c == ':' && at(i + 1) == ':' {
            out.push(Token {
                text: "::".into(),
                line,
            });
            i += 2;
        } else {
            out.push(Token {
                text: c.into(),
                line,
            });
            i += 1;
        }
    }
    out
}

/// Every `crate::`, `self::` and `super::` path in the tokens, grouped `use` trees spelled out
/// one path per leaf, each with the inline modules it sits in (relative to the file's module)
/// and the line of its last segment.
fn paths_in(tokens: &[Token]) -> Vec<(Vec<String>, Vec<String>, usize)> {
    let tok = |i: usize| tokens.get(i).map_or("", |t| t.text.as_str());
    let mut out = Vec::new();
    let mut depth = 0usize;
    // Inline modules open at this point, with the brace depth inside each.
    let mut scope: Vec<(String, usize)> = Vec::new();
    let mut pending_mod: Option<String> = None;
    // Tokens before this index belong to a path already read.
    let mut read_until = 0;
    for i in 0..tokens.len() {
        match tok(i) {
            "{" => {
                depth += 1;
                if let Some(name) = pending_mod.take() {
                    scope.push((name, depth));
                }
                continue;
            }
            "}" => {
                if scope.last().is_some_and(|(_, d)| *d == depth) {
                    scope.pop();
                }
                depth = depth.saturating_sub(1);
                continue;
            }
            "mod" if tokens.get(i + 1).is_some_and(Token::is_ident) && tok(i + 2) == "{" => {
                pending_mod = Some(tok(i + 1).to_owned());
                continue;
            }
            _ => {}
        }
        if i < read_until
            || !matches!(tok(i), "crate" | "self" | "super")
            || tok(i + 1) != "::"
            || (i > 0 && matches!(tok(i - 1), "::" | "$"))
            // pub(in crate::x) restricts visibility, it does not use x
            || (i >= 3 && tok(i - 1) == "in" && tok(i - 2) == "(" && tok(i - 3) == "pub")
        {
            continue;
        }
        let mut leaves = Vec::new();
        read_until = path_tree(tokens, i, Vec::new(), &mut leaves);
        let names: Vec<String> = scope.iter().map(|(name, _)| name.clone()).collect();
        out.extend(
            leaves
                .into_iter()
                .map(|(segments, line)| (names.clone(), segments, line)),
        );
    }
    out
}

/// Reads one path or `use` tree starting at `tokens[i]` below `prefix`, pushing each leaf path
/// with the line of its last token; returns the index after the tree.
fn path_tree(
    tokens: &[Token],
    mut i: usize,
    prefix: Vec<String>,
    leaves: &mut Vec<(Vec<String>, usize)>,
) -> usize {
    let tok = |i: usize| tokens.get(i).map_or("", |t| t.text.as_str());
    let mut segments = prefix;
    let mut line = tokens.get(i).map_or(0, |t| t.line);
    loop {
        let Some(token) = tokens.get(i) else {
            leaves.push((segments, line));
            return i;
        };
        if token.is("{") {
            i += 1;
            while i < tokens.len() && !tokens[i].is("}") {
                let before = i;
                i = path_tree(tokens, i, segments.clone(), leaves);
                if tok(i) == "," {
                    i += 1;
                } else if i == before || tok(i) != "}" {
                    // Not a use tree after all: leave the rest to the caller.
                    return i;
                }
            }
            return i + 1;
        }
        if token.is("*") {
            leaves.push((segments, token.line));
            return i + 1;
        }
        if !token.is_ident() {
            // `crate::a::B::<T>` and the like: the path so far is all that matters.
            leaves.push((segments, line));
            return i;
        }
        segments.push(token.text.clone());
        line = token.line;
        i += 1;
        if tok(i) == "::" {
            i += 1;
            continue;
        }
        if tok(i) == "as" {
            i += 2;
        }
        leaves.push((segments, line));
        return i;
    }
}

// ---------------------------------------------------------------------------------------------
// The graph and the checks

/// Edges between the children of `parent` (the empty path for the top level): `a -> b` when a
/// module at or below `parent::a` refers to one at or below `parent::b`, with the first such
/// reference as the example. A module referring to its own ancestor or descendant makes no
/// edge (a child using its parent's `mod.rs` is fine).
fn edges_under(refs: &[Reference], parent: &[String]) -> BTreeMap<(String, String), Reference> {
    let mut edges = BTreeMap::new();
    for r in refs {
        let common = r.from.iter().zip(&r.to).take_while(|(a, b)| a == b).count();
        if common != parent.len()
            || r.from[..common] != *parent
            || common == r.from.len()
            || common == r.to.len()
        {
            continue;
        }
        edges
            .entry((r.from[common].clone(), r.to[common].clone()))
            .or_insert_with(|| r.clone());
    }
    edges
}

/// Every module with two or more children that refer to one another.
fn parents(refs: &[Reference]) -> BTreeSet<Vec<String>> {
    refs.iter()
        .filter_map(|r| {
            let common = r.from.iter().zip(&r.to).take_while(|(a, b)| a == b).count();
            (common > 0 && common < r.from.len() && common < r.to.len())
                .then(|| r.from[..common].to_vec())
        })
        .collect()
}

/// Cycles in a graph, as lists of nodes with the first repeated at the end: the shortest cycle
/// through each edge that is on one, each cycle once (started at its least node). Every edge
/// that has to be broken appears in at least one of them, without listing every one of the
/// (possibly exponentially many) longer loops.
fn cycles(edges: &BTreeMap<(String, String), Reference>) -> Vec<Vec<String>> {
    let mut next: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for (a, b) in edges.keys() {
        next.entry(a.as_str()).or_default().push(b.as_str());
    }
    let mut found: BTreeSet<Vec<String>> = BTreeSet::new();
    for (a, b) in edges.keys() {
        // The shortest way back from b to a, breadth first.
        let mut came_from: BTreeMap<&str, &str> = BTreeMap::new();
        let mut queue = VecDeque::from([b.as_str()]);
        came_from.insert(b, b);
        while let Some(node) = queue.pop_front() {
            if node == a {
                break;
            }
            for &n in next.get(node).into_iter().flatten() {
                if !came_from.contains_key(n) {
                    came_from.insert(n, node);
                    queue.push_back(n);
                }
            }
        }
        if !came_from.contains_key(a.as_str()) {
            continue;
        }
        let mut back = vec![a.as_str()];
        while *back.last().expect("not empty") != b {
            back.push(came_from[back.last().expect("not empty")]);
        }
        // back runs a, ..., b; the cycle runs a -> b -> ... -> a.
        let mut cycle: Vec<String> = std::iter::once(a.as_str())
            .chain(back.into_iter().rev())
            .map(str::to_owned)
            .collect();
        cycle.pop();
        let least = (0..cycle.len())
            .min_by_key(|&k| &cycle[k])
            .expect("not empty");
        cycle.rotate_left(least);
        cycle.push(cycle[0].clone());
        found.insert(cycle);
    }
    let mut found: Vec<Vec<String>> = found.into_iter().collect();
    found.sort_by(|x, y| x.len().cmp(&y.len()).then_with(|| x.cmp(y)));
    found
}

/// One message per cycle among the edges: the loop, then one reference for each step of it.
fn cycle_problems(edges: &BTreeMap<(String, String), Reference>) -> Vec<String> {
    let Some(example) = edges.values().next() else {
        return Vec::new();
    };
    let common = example
        .from
        .iter()
        .zip(&example.to)
        .take_while(|(a, b)| a == b)
        .count();
    let name = |child: &str| {
        example.from[..common]
            .iter()
            .map(String::as_str)
            .chain([child])
            .collect::<Vec<_>>()
            .join("::")
    };
    cycles(edges)
        .into_iter()
        .map(|cycle| {
            let mut message = cycle
                .iter()
                .map(|node| name(node))
                .collect::<Vec<_>>()
                .join(" -> ");
            for step in cycle.windows(2) {
                let r = &edges[&(step[0].clone(), step[1].clone())];
                message += &format!(
                    "\n    {} -> {} ({})",
                    name(&step[0]),
                    name(&step[1]),
                    r.cite()
                );
            }
            message
        })
        .collect()
}

/// Everything wrong with the layering: top-level modules missing from `layers`, names in
/// `layers` with no module (or listed twice), and each edge from a module to one of its own
/// layer or a higher one.
fn layer_problems(
    layers: &[&[&str]],
    modules: &BTreeSet<String>,
    refs: &[Reference],
) -> Vec<String> {
    let mut problems = Vec::new();
    let mut layer_of: BTreeMap<&str, usize> = BTreeMap::new();
    for (index, layer) in layers.iter().enumerate() {
        for &name in *layer {
            if layer_of.insert(name, index).is_some() {
                problems.push(format!("`{name}` is listed in LAYERS more than once"));
            }
            if !modules.contains(name) {
                problems.push(format!(
                    "`{name}` is in LAYERS (layer {index}) but there is no such module in src/: \
                     the table is stale, remove or rename it"
                ));
            }
        }
    }
    for module in modules {
        if !layer_of.contains_key(module.as_str()) {
            problems.push(format!(
                "`{module}` is a top-level module in src/ but not in LAYERS: add it to LAYERS"
            ));
        }
    }
    for ((a, b), r) in edges_under(refs, &[]) {
        let (Some(&from), Some(&to)) = (layer_of.get(a.as_str()), layer_of.get(b.as_str())) else {
            continue;
        };
        if to >= from {
            let how = if to == from {
                "the same layer"
            } else {
                "a higher layer"
            };
            problems.push(format!(
                "{a} -> {b}: {a} (layer {from}) uses {b} on {how} (layer {to}) ({})",
                r.cite()
            ));
        }
    }
    problems
}

// ---------------------------------------------------------------------------------------------
// The checker's own tests, on made-up files

mod checker {
    use super::*;

    fn files(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(path, text)| (path.to_string(), text.to_string()))
            .collect()
    }

    /// The (from, to) module pairs of the references, as `a::b` strings.
    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        references(&files(list))
            .into_iter()
            .map(|r| (r.from.join("::"), r.to.join("::")))
            .collect()
    }

    fn pair(from: &str, to: &str) -> (String, String) {
        (from.to_owned(), to.to_owned())
    }

    #[test]
    fn files_map_to_modules() {
        let m = |p: &str| module_of(p).map(|m| m.join("::"));
        assert_eq!(m("src/a.rs").as_deref(), Some("a"));
        assert_eq!(m("src/a/mod.rs").as_deref(), Some("a"));
        assert_eq!(m("src/a/b.rs").as_deref(), Some("a::b"));
        assert_eq!(m("src/a/b/mod.rs").as_deref(), Some("a::b"));
        assert_eq!(m("src/lib.rs"), None);
        assert_eq!(m("src/main.rs"), None);
        assert_eq!(m("src/bin/tool.rs"), None);
    }

    #[test]
    fn a_two_module_cycle_is_found_with_a_reference_for_each_step() {
        let list = [
            ("src/a.rs", "use crate::b::Thing;\n"),
            ("src/b.rs", "\n\nfn f() { crate::a::helper() }\n"),
            ("src/c.rs", "use crate::a;\n"),
        ];
        let problems = cycle_problems(&edges_under(&references(&files(&list)), &[]));
        assert_eq!(
            problems,
            ["a -> b -> a\n    \
              a -> b (src/a.rs:1: crate::b::Thing)\n    \
              b -> a (src/b.rs:3: crate::a::helper)"]
        );
    }

    #[test]
    fn a_longer_cycle_is_found_and_one_way_references_are_not() {
        let list = [
            ("src/a.rs", "use crate::b;"),
            ("src/b.rs", "use crate::c;"),
            ("src/c.rs", "use crate::a; use crate::d;"),
            ("src/d.rs", ""),
        ];
        let edges = edges_under(&references(&files(&list)), &[]);
        assert_eq!(cycles(&edges), [["a", "b", "c", "a"]]);

        let list = [
            ("src/a.rs", "use crate::b;"),
            ("src/b.rs", "use crate::c;"),
            ("src/c.rs", ""),
        ];
        assert!(cycle_problems(&edges_under(&references(&files(&list)), &[])).is_empty());
    }

    #[test]
    fn grouped_use_makes_an_edge_to_each_module() {
        let list = [
            (
                "src/x.rs",
                "use crate::{a::{b}, c};\nuse crate::d::{self, D};",
            ),
            ("src/a/mod.rs", ""),
            ("src/a/b.rs", ""),
            ("src/c.rs", ""),
            ("src/d.rs", ""),
        ];
        assert_eq!(
            pairs(&list),
            [
                pair("x", "a::b"),
                pair("x", "c"),
                pair("x", "d"),
                pair("x", "d")
            ]
        );
        let edges: Vec<_> = edges_under(&references(&files(&list)), &[])
            .into_keys()
            .collect();
        assert_eq!(edges, [pair("x", "a"), pair("x", "c"), pair("x", "d")]);
        let spelled: Vec<_> = references(&files(&list))
            .into_iter()
            .map(|r| r.path)
            .collect();
        assert_eq!(
            spelled,
            ["crate::a::b", "crate::c", "crate::d", "crate::d::D"]
        );
    }

    #[test]
    fn multi_line_use_cites_the_line_of_each_leaf() {
        let list = [
            (
                "src/x.rs",
                "use crate::{\n    a::Thing,\n    c::{\n        Other as O,\n    },\n};",
            ),
            ("src/a.rs", ""),
            ("src/c.rs", ""),
        ];
        let cites: Vec<_> = references(&files(&list))
            .iter()
            .map(Reference::cite)
            .collect();
        assert_eq!(
            cites,
            ["src/x.rs:2: crate::a::Thing", "src/x.rs:4: crate::c::Other"]
        );
    }

    #[test]
    fn inline_paths_name_the_longest_module_they_start_with() {
        let list = [
            (
                "src/x.rs",
                "fn f() { crate::a::b::run(crate::a::CONST); let _ = crate::ROOT; }",
            ),
            ("src/a/mod.rs", ""),
            ("src/a/b.rs", ""),
        ];
        assert_eq!(pairs(&list), [pair("x", "a::b"), pair("x", "a")]);
    }

    #[test]
    fn super_resolves_against_the_files_module() {
        let list = [
            ("src/a/mod.rs", ""),
            ("src/a/b.rs", "use super::c::Thing;\nuse super::Shared;"),
            ("src/a/c.rs", ""),
            ("src/a/d/mod.rs", "fn f() { super::super::x::go() }"),
            ("src/a/d/e.rs", "use super::super::c;\nuse self::inner::X;"),
            ("src/x.rs", "use super::super::Nothing;"),
        ];
        assert_eq!(
            pairs(&list),
            [
                pair("a::b", "a::c"),
                pair("a::b", "a"),
                pair("a::d", "x"),
                pair("a::d::e", "a::c"),
                pair("a::d::e", "a::d::e"),
            ]
        );
        let refs = references(&files(&list));
        let siblings: Vec<_> = edges_under(&refs, &["a".to_owned()]).into_keys().collect();
        assert_eq!(siblings, [pair("b", "c"), pair("d", "c")]);
    }

    #[test]
    fn super_inside_an_inline_module_means_the_files_module() {
        let text = "fn f() {}\n\
                    #[cfg(test)]\n\
                    mod tests {\n    use super::*;\n    use super::super::c::Y;\n}\n\
                    use super::c::Z;\n";
        let list = [
            ("src/a/mod.rs", ""),
            ("src/a/b.rs", text),
            ("src/a/c.rs", ""),
        ];
        assert_eq!(
            pairs(&list),
            [
                pair("a::b", "a::b"),
                pair("a::b", "a::c"),
                pair("a::b", "a::c")
            ]
        );
    }

    #[test]
    fn comments_and_literals_are_not_references() {
        let text = r####"//! See [`crate::b`].
/// Calls [crate::b::run].
// crate::b::run();
/* crate::b /* nested crate::b */ crate::b */
const S: &str = "crate::b::run \" crate::b";
const R: &str = r#"crate::b "quoted" crate::b"#;
const B: &[u8] = b"crate::b";
const BR: &[u8] = br##"crate::b"##;
const Q: char = '"';
const E: char = '\'';
const U: u8 = b'"';
fn f<'a>(x: &'a str) -> &'a str { x }
#[doc = "crate::b"]
fn r#type() { crate::c::real() }
"####;
        let list = [("src/a.rs", text), ("src/b.rs", ""), ("src/c.rs", "")];
        let refs = references(&files(&list));
        assert_eq!(refs.len(), 1, "{refs:?}");
        assert_eq!(refs[0].cite(), "src/a.rs:14: crate::c::real");
    }

    #[test]
    fn macro_crate_and_visibility_paths_are_not_references() {
        let list = [
            (
                "src/a.rs",
                "macro_rules! m { () => { $crate::b::x() } }\npub(in crate::b) fn f() {}",
            ),
            ("src/b.rs", ""),
        ];
        assert!(pairs(&list).is_empty());
    }

    #[test]
    fn siblings_cycle_is_found_and_a_child_using_its_parent_is_not_one() {
        let list = [
            (
                "src/s/mod.rs",
                "use self::p::Page;\nuse crate::s::d::detect;",
            ),
            ("src/s/d.rs", "use super::p::Page;\nuse super::Shared;"),
            (
                "src/s/p.rs",
                "use crate::s::d::Finding;\nuse super::Shared;",
            ),
        ];
        let refs = references(&files(&list));
        assert!(cycle_problems(&edges_under(&refs, &[])).is_empty());
        assert_eq!(parents(&refs), BTreeSet::from([vec!["s".to_owned()]]));
        let problems = cycle_problems(&edges_under(&refs, &["s".to_owned()]));
        assert_eq!(
            problems,
            ["s::d -> s::p -> s::d\n    \
              s::d -> s::p (src/s/d.rs:1: super::p::Page)\n    \
              s::p -> s::d (src/s/p.rs:1: crate::s::d::Finding)"]
        );
    }

    #[test]
    fn layers_catch_upward_and_same_layer_uses_and_an_out_of_date_table() {
        let list = [
            ("src/low.rs", "use crate::high::X;"),
            ("src/high.rs", "use crate::low::Y;\nuse crate::peer::Z;"),
            ("src/peer.rs", ""),
            ("src/extra.rs", "use crate::low::Y;"),
        ];
        let layers: &[&[&str]] = &[&["low"], &["high", "peer"], &["gone"]];
        let set = files(&list);
        let problems = layer_problems(layers, &top_level_modules(&set), &references(&set));
        assert_eq!(
            problems,
            [
                "`gone` is in LAYERS (layer 2) but there is no such module in src/: the table \
                 is stale, remove or rename it",
                "`extra` is a top-level module in src/ but not in LAYERS: add it to LAYERS",
                "high -> peer: high (layer 1) uses peer on the same layer (layer 1) \
                 (src/high.rs:2: crate::peer::Z)",
                "low -> high: low (layer 0) uses high on a higher layer (layer 1) \
                 (src/low.rs:1: crate::high::X)",
            ]
        );

        let layers: &[&[&str]] = &[&["low", "peer"], &["high"], &["extra"]];
        let list = [
            ("src/low.rs", ""),
            ("src/high.rs", "use crate::low::Y;"),
            ("src/peer.rs", ""),
            ("src/extra.rs", "use crate::high::X;"),
        ];
        let set = files(&list);
        assert!(layer_problems(layers, &top_level_modules(&set), &references(&set)).is_empty());
    }
}
