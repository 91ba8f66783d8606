//! The layers hold: which top-level module of `src/` may use which, checked on the source text
//! the way `tests/no_bare_strings.rs` checks words.
//!
//! The rules (docs/architecture.md says why):
//! - egui, eframe and the egui_* crates only in `ui/` (the one face that draws);
//! - `model/` uses no other module of the crate: plain data and pure functions, no words
//!   (problems are codes; the faces make the sentences), no I/O;
//! - the leaves `api/` (the cloud) and `store/` (the disk) use only `model` and `i18n`: never the
//!   sandbox (it supplies an environment; nothing asks it "am I on?"), nor anything above them;
//! - nothing uses the faces `ui/` and `cli/` (only `main.rs` and `lib.rs` name them), and `ui`
//!   and `cli` do not use each other;
//! - no circle between top-level modules.
//!
//! A use is any path `crate::NAME` (also inside `use crate::{…}` groups), `super::…` that leaves
//! the module, or a path starting with an external crate's name. Comments and string literals
//! are skipped. `KNOWN` lists the uses that break a rule today and are being removed (issue 23):
//! the test fails on any other, and on an entry of `KNOWN` that no longer occurs, so the list
//! only shrinks.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Breaks of the rules that exist today, as `(from, to)` ("egui" for the egui crates). Remove
/// an entry when its last use goes; never add one.
const KNOWN: &[(&str, &str)] = &[];

const FACES: [&str; 2] = ["ui", "cli"];
const LEAVES: [&str; 2] = ["api", "store"];
const LEAF_MAY_USE: [&str; 2] = ["model", "i18n"];
const EGUI_CRATES: [&str; 4] = ["egui", "eframe", "egui_extras", "epaint"];
/// Macros a module exports at the crate root, as `(macro, module)`: `t!("key")` and
/// `crate::t!` are uses of i18n although no path names it.
const MACROS: [(&str, &str); 1] = [("t", "i18n")];

fn macro_module(name: &str) -> Option<&'static str> {
    MACROS.iter().find(|(m, _)| *m == name).map(|(_, module)| *module)
}

/// Source text with comments and the contents of string and char literals blanked out.
fn code_only(src: &str) -> String {
    let b = src.as_bytes();
    let mut out = String::with_capacity(src.len());
    let mut i = 0;
    while i < b.len() {
        let rest = &src[i..];
        if rest.starts_with("//") {
            let end = rest.find('\n').map_or(b.len(), |n| i + n);
            i = end;
        } else if rest.starts_with("/*") {
            // Nested block comments, as Rust has them.
            let (mut depth, mut j) = (0usize, i);
            while j < b.len() {
                if src[j..].starts_with("/*") {
                    depth += 1;
                    j += 2;
                } else if src[j..].starts_with("*/") {
                    depth -= 1;
                    j += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    j += 1;
                }
            }
            out.push(' ');
            i = j;
        } else if let Some(end) = raw_string_end(rest) {
            out.push_str("\"\"");
            i += end;
        } else if b[i] == b'"' {
            let mut j = i + 1;
            while j < b.len() && b[j] != b'"' {
                j += if b[j] == b'\\' { 2 } else { 1 };
            }
            out.push_str("\"\"");
            i = j + 1;
        } else if b[i] == b'\'' {
            // A char literal ('a', '\n', '\u{1F600}') or a lifetime ('a): only the former is
            // closed by a quote within a few characters.
            let close = rest[1..].char_indices().take(11).find(|&(_, c)| c == '\'').map(|(n, _)| n + 1);
            match close {
                Some(n) if n > 1 && (rest.as_bytes()[1] == b'\\' || rest[1..n].chars().count() == 1) => {
                    out.push_str("' '");
                    i += n + 1;
                }
                _ => {
                    out.push('\'');
                    i += 1;
                }
            }
        } else {
            let c = rest.chars().next().unwrap();
            out.push(c);
            i += c.len_utf8();
        }
    }
    out
}

/// The length of a raw string literal (`r"…"`, `r#"…"#`, `br"…"`) at the start of `s`.
fn raw_string_end(s: &str) -> Option<usize> {
    let start = if s.starts_with("br") {
        2
    } else if s.starts_with('r') {
        1
    } else {
        return None;
    };
    let hashes = s[start..].bytes().take_while(|&c| c == b'#').count();
    if s.as_bytes().get(start + hashes) != Some(&b'"') {
        return None;
    }
    let close = format!("\"{}", "#".repeat(hashes));
    let body = start + hashes + 1;
    s[body..].find(&close).map(|n| body + n + close.len())
}

fn is_ident(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// The top-level modules a file uses. `module_path` is the file's module below the crate root
/// (`["ui", "timeline", "draw"]`), used to resolve `super::`.
fn uses(code: &str, module_path: &[String], top_modules: &BTreeSet<String>) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let chars: Vec<(usize, char)> = code.char_indices().collect();
    let starts_word = |n: usize| n == 0 || !is_ident(chars[n - 1].1) && chars[n - 1].1 != ':';
    let word_at = |pos: usize| -> &str {
        let end = code[pos..].find(|c: char| !is_ident(c)).map_or(code.len(), |e| pos + e);
        &code[pos..end]
    };
    for (n, &(pos, _)) in chars.iter().enumerate() {
        if !starts_word(n) {
            continue;
        }
        let word = word_at(pos);
        if word.is_empty() {
            continue;
        }
        let after = &code[pos + word.len()..];
        // `t!(…)` but not `t != x`.
        let bang = after.trim_start().starts_with('!') && !after.trim_start().starts_with("!=");
        if let Some(module) = macro_module(word).filter(|_| bang) {
            found.insert(module.to_owned());
            continue;
        }
        if !after.trim_start().starts_with("::") {
            // `use egui;` or `extern crate egui` are uses of the crate too.
            if EGUI_CRATES.contains(&word) && code[..pos].trim_end().ends_with("use") {
                found.insert("egui".to_owned());
            }
            continue;
        }
        let rest = after.trim_start()[2..].trim_start();
        match word {
            "crate" => {
                if let Some(group) = rest.strip_prefix('{') {
                    let end = matching_brace(group);
                    for item in split_top_level(&group[..end]) {
                        let name: String = item.trim().chars().take_while(|&c| is_ident(c)).collect();
                        if let Some(module) = macro_module(&name) {
                            found.insert(module.to_owned());
                        } else if top_modules.contains(&name) {
                            found.insert(name);
                        }
                    }
                } else {
                    let name: String = rest.chars().take_while(|&c| is_ident(c)).collect();
                    if let Some(module) = macro_module(&name) {
                        found.insert(module.to_owned());
                    } else if top_modules.contains(&name) {
                        found.insert(name);
                    }
                }
            }
            "super" => {
                // Count the `super::` chain, then the module it lands in.
                let mut ups = 1;
                let mut tail = rest;
                while let Some(t) = tail.strip_prefix("super") {
                    let t = t.trim_start();
                    if let Some(t) = t.strip_prefix("::") {
                        ups += 1;
                        tail = t.trim_start();
                    } else {
                        break;
                    }
                }
                if ups >= module_path.len() {
                    let name: String = tail.chars().take_while(|&c| is_ident(c)).collect();
                    if top_modules.contains(&name) {
                        found.insert(name);
                    }
                }
            }
            w if EGUI_CRATES.contains(&w) => {
                found.insert("egui".to_owned());
            }
            _ => {}
        }
    }
    found
}

fn matching_brace(s: &str) -> usize {
    let mut depth = 1;
    for (i, c) in s.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                if depth == 0 {
                    return i;
                }
            }
            _ => {}
        }
    }
    s.len()
}

fn split_top_level(s: &str) -> Vec<&str> {
    let (mut out, mut depth, mut start) = (Vec::new(), 0, 0);
    for (i, c) in s.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                out.push(&s[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    out.push(&s[start..]);
    out
}

/// Every `(from, to)` use between top-level modules, with one file that makes it.
type Graph = BTreeMap<(String, String), String>;

fn graph_of(files: &[(String, String)]) -> Graph {
    let top_modules: BTreeSet<String> = files.iter().filter_map(|(path, _)| top_module(path)).collect();
    let mut graph = Graph::new();
    for (path, src) in files {
        let Some(from) = top_module(path) else { continue };
        let module_path = module_path(path);
        for to in uses(&code_only(src), &module_path, &top_modules) {
            if to != from {
                graph.entry((from.clone(), to)).or_insert_with(|| path.clone());
            }
        }
    }
    graph
}

/// `ui/timeline/draw.rs` → `ui`; `tasks.rs` → `tasks`; `main.rs`, `lib.rs` → none (the root).
fn top_module(path: &str) -> Option<String> {
    let first = path.split('/').next()?;
    let name = first.strip_suffix(".rs").unwrap_or(first);
    (name != "main" && name != "lib").then(|| name.to_owned())
}

/// `ui/timeline/draw.rs` → `[ui, timeline, draw]`; `ui/mod.rs` → `[ui]`.
fn module_path(path: &str) -> Vec<String> {
    let mut parts: Vec<String> = path.trim_end_matches(".rs").split('/').map(str::to_owned).collect();
    if parts.last().is_some_and(|p| p == "mod") {
        parts.pop();
    }
    parts
}

/// The rule a use breaks, if any.
fn broken_rule(from: &str, to: &str) -> Option<&'static str> {
    if to == "egui" {
        return (from != "ui").then_some("egui outside ui/");
    }
    if from == "model" {
        return Some("model/ uses another module");
    }
    if LEAVES.contains(&from) && !LEAF_MAY_USE.contains(&to) {
        return Some("a leaf (api/, store/) uses a module above it");
    }
    if FACES.contains(&to) {
        return Some("a use of a face (ui/, cli/)");
    }
    None
}

/// The circles between top-level modules (each as the modules on it, smallest first), found
/// as strongly connected components (Tarjan).
fn circles(graph: &Graph) -> Vec<Vec<String>> {
    let mut next: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for (from, to) in graph.keys() {
        if to != "egui" {
            next.entry(from).or_default().push(to);
            next.entry(to).or_default();
        }
    }
    struct Walk<'a> {
        next: &'a BTreeMap<&'a str, Vec<&'a str>>,
        index: BTreeMap<&'a str, usize>,
        low: BTreeMap<&'a str, usize>,
        stack: Vec<&'a str>,
        on_stack: BTreeSet<&'a str>,
        found: Vec<Vec<String>>,
    }
    impl<'a> Walk<'a> {
        fn visit(&mut self, v: &'a str) {
            let i = self.index.len();
            self.index.insert(v, i);
            self.low.insert(v, i);
            self.stack.push(v);
            self.on_stack.insert(v);
            for &w in &self.next[v] {
                if !self.index.contains_key(w) {
                    self.visit(w);
                    let lw = self.low[w];
                    let lv = self.low.get_mut(v).unwrap();
                    *lv = (*lv).min(lw);
                } else if self.on_stack.contains(w) {
                    let iw = self.index[w];
                    let lv = self.low.get_mut(v).unwrap();
                    *lv = (*lv).min(iw);
                }
            }
            if self.low[v] == self.index[v] {
                let mut component = Vec::new();
                while let Some(w) = self.stack.pop() {
                    self.on_stack.remove(w);
                    component.push(w.to_owned());
                    if w == v {
                        break;
                    }
                }
                if component.len() > 1 {
                    component.sort();
                    self.found.push(component);
                }
            }
        }
    }
    let mut walk = Walk {
        next: &next,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on_stack: BTreeSet::new(),
        found: Vec::new(),
    };
    for &v in next.keys() {
        if !walk.index.contains_key(v) {
            walk.visit(v);
        }
    }
    walk.found.sort();
    walk.found
}

/// Everything wrong with `files` (paths relative to `src/`), given the uses allowed for now.
fn problems(files: &[(String, String)], known: &[(&str, &str)]) -> Vec<String> {
    let graph = graph_of(files);
    let mut out = Vec::new();
    let is_known = |from: &str, to: &str| known.iter().any(|&(f, t)| f == from && t == to);
    for ((from, to), file) in &graph {
        if let Some(rule) = broken_rule(from, to)
            && !is_known(from, to)
        {
            out.push(format!("{rule}: {from} -> {to} (src/{file})"));
        }
    }
    // A circle is tolerated only while one of its uses is a known break being removed.
    for circle in circles(&graph) {
        let edges: Vec<_> = graph.keys().filter(|(f, t)| circle.contains(f) && circle.contains(t)).collect();
        if !edges.iter().any(|(f, t)| is_known(f, t)) {
            let named: Vec<String> =
                edges.iter().map(|(f, t)| format!("{f} -> {t} (src/{})", graph[&(f.clone(), t.clone())])).collect();
            out.push(format!("a circle between {}: {}", circle.join(", "), named.join("; ")));
        }
    }
    for &(from, to) in known {
        if !graph.contains_key(&(from.to_owned(), to.to_owned())) {
            out.push(format!("KNOWN lists {from} -> {to}, which no longer occurs: remove it from the list"));
        }
    }
    out
}

fn read_sources(dir: &Path, root: &Path, out: &mut Vec<(String, String)>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            read_sources(&path, root, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let rel = path.strip_prefix(root).unwrap().to_string_lossy().replace('\\', "/");
            out.push((rel, std::fs::read_to_string(&path).unwrap()));
        }
    }
}

#[test]
fn the_layers_hold() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    read_sources(&root, &root, &mut files);
    assert!(files.len() > 50, "read the sources");
    let found = problems(&files, KNOWN);
    assert!(found.is_empty(), "the layers are broken:\n{}", found.join("\n"));
}

fn files(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter().map(|(p, s)| (p.to_string(), s.to_string())).collect()
}

/// A small crate that keeps every rule, to which each case below adds one break.
fn clean() -> Vec<(&'static str, &'static str)> {
    vec![
        ("main.rs", "fn main() { vodcut::ui::run(); vodcut::cli::run(); }"),
        ("model/mod.rs", "pub mod time; pub struct Project;"),
        ("model/time.rs", "use super::Project; // crate::store in a comment\nconst S: &str = \"crate::ui\";"),
        ("i18n/mod.rs", "pub fn t() {}"),
        ("api/mod.rs", "use crate::model::Project; use crate::i18n::t;"),
        ("store/mod.rs", "use crate::{model::{self, Project}, i18n};"),
        ("core/mod.rs", "use crate::{api, store}; use crate::sandbox::Env;"),
        ("sandbox/mod.rs", "use crate::api::sign; pub struct Env;"),
        ("ui/mod.rs", "use egui::Ui; use crate::core; fn f<'a>(x: &'a str) -> char { 'x' }"),
        ("ui/timeline/draw.rs", "use super::super::core::Thing; use eframe::App;"),
        ("cli/mod.rs", "use crate::core::produce;"),
    ]
}

fn with(extra: &[(&'static str, &'static str)]) -> Vec<String> {
    let mut list = clean();
    for &(path, src) in extra {
        list.retain(|(p, _)| *p != path);
        list.push((path, src));
    }
    problems(&files(&list), &[])
}

#[test]
fn the_check_passes_a_clean_crate_and_catches_each_break() {
    assert_eq!(with(&[]), Vec::<String>::new(), "the clean crate keeps every rule");
    let cases: [(&str, &str, &str); 12] = [
        ("store/cache.rs", "fn f(c: &egui::Context) {}", "egui outside ui/: store -> egui"),
        ("core/tasks.rs", "use eframe;", "egui outside ui/: core -> egui"),
        (
            "api/region.rs",
            "fn f() { crate::sandbox::active(); }",
            "a leaf (api/, store/) uses a module above it: api -> sandbox",
        ),
        (
            "store/jobs.rs",
            "use crate::{model, sandbox::Env};",
            "a leaf (api/, store/) uses a module above it: store -> sandbox",
        ),
        ("model/validate.rs", "fn f() { crate::i18n::t(); }", "model/ uses another module: model -> i18n"),
        ("model/validate.rs", "fn f() { crate::t!(\"v-opacity\"); }", "model/ uses another module: model -> i18n"),
        (
            "model/json.rs",
            "use crate::t;\nfn f() { t!(\"core-json-a-key\"); }",
            "model/ uses another module: model -> i18n",
        ),
        ("model/time.rs", "fn f() { t ! (\"x\"); }", "model/ uses another module: model -> i18n"),
        ("core/mod.rs", "use crate::ui::Editor;", "a use of a face (ui/, cli/): core -> ui"),
        ("cli/mod.rs", "use crate::ui::Editor;", "a use of a face (ui/, cli/): cli -> ui"),
        ("sandbox/mod.rs", "use crate::core::Thing;", "a circle between core, sandbox"),
        ("i18n/font.rs", "use super::super::store::x;", "i18n -> store"),
    ];
    for (path, src, expected) in cases {
        let found = with(&[(path, src)]);
        assert!(found.iter().any(|p| p.contains(expected)), "{path}: `{src}` is not caught as {expected}: {found:?}");
    }
    // i18n -> store is no rule of its own, but store uses i18n: a circle.
    assert!(
        with(&[("i18n/font.rs", "use super::super::store::x;")])
            .iter()
            .any(|p| p.starts_with("a circle between i18n, store"))
    );
}

#[test]
fn comments_strings_and_lifetimes_are_not_uses() {
    let found = with(&[(
        "api/mod.rs",
        "/* crate::ui /* nested */ crate::sandbox */ fn f<'a>(s: &'a str) { let _ = r#\"crate::cli\"#; let _ = '\"'; crate::model::x(); }",
    )]);
    assert_eq!(found, Vec::<String>::new());
}

#[test]
fn known_entries_must_still_occur() {
    let found = problems(&files(&clean()), &[("api", "sandbox")]);
    assert_eq!(found, vec!["KNOWN lists api -> sandbox, which no longer occurs: remove it from the list".to_owned()]);
}
