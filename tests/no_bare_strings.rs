//! No sentence a user reads bypasses the message catalog: every string literal in the editor
//! (`src/ui/`) and in what the command line prints (`src/cli/`, `src/main.rs`) that holds
//! words must be a catalog key (`t!("key")`), or sit where users never see it.
//!
//! A literal is fine when:
//! - it has no letters once `{placeholders}` are taken out ("{n}", "⏶", "—", "{a} / {b}");
//! - it is an API or file-format name the code spells as the service does ("MediaId",
//!   "TimelineIn"): any `rename = "…"` in `src/model/`. The documentation and the console show
//!   these names in both languages, so they are never translated;
//! - it is an identifier: lowercase ASCII with no spaces, with at least one of `-_:./`
//!   ("inspector-new-effect", "clip:{}:{}", "timeline.json");
//! - it is an argument of a call users never see: ids (`Id::new`, `id_salt`, `push_id`,
//!   panels), logs (`log::warn!`), assertions and panics, `expect`, `env!`, `t!` itself, paths,
//!   commands and their arguments, string matching (`starts_with`, `strip_prefix`, `==`, match
//!   arms);
//! - it is in a test (`#[cfg(test)]`, `#[test]`);
//! - its line, or the line above, says `i18n-exempt:` with the reason (a brand name, a sample
//!   value, a file filter's extension list).
//!
//! The scanner is a small Rust lexer (strings, raw strings, chars, comments, brackets): it
//! knows, for every literal, the call or macro whose parentheses hold it.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// Calls and macros whose string arguments users never read.
const QUIET_CALLS: &[&str] = &[
    // ids and memory
    "Id::new",
    "Id::unique",
    "id_salt",
    "from_id_salt",
    "push_id",
    "with_id",
    "id_source",
    "insert_temp",
    "get_temp",
    "remove_temp",
    "insert_persisted",
    "get_persisted",
    "Panel::top",
    "Panel::bottom",
    "Panel::left",
    "Panel::right",
    "TopBottomPanel::top",
    "TopBottomPanel::bottom",
    "SidePanel::left",
    "SidePanel::right",
    "with_app_id",
    "Area::new",
    "make_persistent_id",
    "auto_id_with",
    // logs, assertions, panics, build-time text
    "log::trace!",
    "log::debug!",
    "log::info!",
    "log::warn!",
    "log::error!",
    "trace!",
    "debug!",
    "info!",
    "warn!",
    "error!",
    "assert!",
    "assert_eq!",
    "assert_ne!",
    "debug_assert!",
    "debug_assert_eq!",
    "debug_assert_ne!",
    "panic!",
    "unreachable!",
    "todo!",
    "unimplemented!",
    "expect",
    "expect_err",
    "env!",
    "option_env!",
    "json!",
    "serde_json::json!",
    "include_str!",
    "include_bytes!",
    "concat!",
    "t!",
    "field",
    "with",
    "strftime",
    "tr_in",
    "tr_args",
    "cfg!",
    "matches!",
    // the environment, paths, processes
    "var",
    "var_os",
    "env::var",
    "env::var_os",
    "set_var",
    "remove_var",
    "Path::new",
    "PathBuf::from",
    "join",
    "with_extension",
    "set_extension",
    "with_file_name",
    "Command::new",
    "arg",
    "args",
    "env",
    // string matching and building keys
    "starts_with",
    "ends_with",
    "strip_prefix",
    "strip_suffix",
    "contains",
    "find",
    "rfind",
    "split",
    "splitn",
    "rsplit",
    "split_once",
    "rsplit_once",
    "trim_matches",
    "trim_start_matches",
    "trim_end_matches",
    "eq",
    "eq_ignore_ascii_case",
    "index[]",
    "parse_duration_key",
];

#[derive(Debug)]
struct Literal {
    line: usize,
    text: String,
    /// The calls and macros whose brackets hold it, innermost first, up to the nearest block
    /// (`ui.label(format!(..))` → ["format!", "label"]).
    callees: Vec<String>,
    /// `==`, `!=` before it, or `=>`, `|` after it: compared, not shown.
    compared: bool,
    /// `name = "…"`: a named argument (of `t!`, shown inside its message).
    argument: bool,
}

/// Every string literal of `src` outside tests, with its context.
fn literals(src: &str) -> Vec<Literal> {
    let b = src.as_bytes();
    let mut out = Vec::new();
    // One entry per open bracket: the callee before it (empty for blocks and non-calls), and
    // whether the bracket starts a test item (skipped).
    let mut stack: Vec<(String, bool, bool)> = Vec::new(); // (callee, is a `{` block, test)
    let mut line = 1;
    let mut i = 0;
    let mut path = String::new(); // the path being read: `egui::Id::new`, `log::warn!`
    let mut last_path = String::new(); // the path right before the current token
    let mut attr_test = false; // a `#[cfg(test)]` or `#[test]` is waiting for its item
    let mut prev_op = String::new(); // the last punctuation token
    let in_test = |stack: &Vec<(String, bool, bool)>| stack.iter().any(|(_, _, t)| *t);
    while i < b.len() {
        let c = b[i];
        if c == b'\n' {
            line += 1;
            i += 1;
            continue;
        }
        if c.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        // comments
        if src[i..].starts_with("//") {
            while i < b.len() && b[i] != b'\n' {
                i += 1;
            }
            continue;
        }
        if src[i..].starts_with("/*") {
            let end = src[i + 2..].find("*/").map_or(b.len(), |e| i + 2 + e + 2);
            line += src[i..end].matches('\n').count();
            i = end;
            continue;
        }
        // string literals: "..", r".." r#".."#, b"..", br".."
        let raw = if src[i..].starts_with("r\"") || src[i..].starts_with("r#") {
            Some(i + 1)
        } else if src[i..].starts_with("br\"") || src[i..].starts_with("br#") {
            Some(i + 2)
        } else {
            None
        };
        if c == b'"' || (c == b'b' && b.get(i + 1) == Some(&b'"')) || raw.is_some() {
            let start_line = line;
            let (text, end) = if let Some(h) = raw {
                let hashes = src[h..].bytes().take_while(|&x| x == b'#').count();
                if src.as_bytes().get(h + hashes) != Some(&b'"') {
                    // `r#ident`, not a string
                    i = h + hashes;
                    continue;
                }
                let close = format!("\"{}", "#".repeat(hashes));
                let body_start = h + hashes + 1;
                let e = src[body_start..].find(&close).map_or(b.len(), |e| body_start + e);
                (src[body_start..e].to_owned(), e + close.len())
            } else {
                let body_start = if c == b'b' { i + 2 } else { i + 1 };
                let mut j = body_start;
                while j < b.len() && b[j] != b'"' {
                    j += if b[j] == b'\\' { 2 } else { 1 };
                }
                (src[body_start..j.min(b.len())].to_owned(), j + 1)
            };
            line += text.matches('\n').count();
            let after = src[end.min(b.len())..].trim_start();
            let compared = matches!(prev_op.as_str(), "==" | "!=")
                || after.starts_with("=>")
                || (after.starts_with('|') && !after.starts_with("||"));
            // `extern "C"` names an ABI
            if !in_test(&stack) && !attr_test && last_path != "extern" {
                let callees =
                    stack.iter().rev().take_while(|(_, block, _)| !block).map(|(c, _, _)| c.clone()).collect();
                out.push(Literal { line: start_line, text, callees, compared, argument: prev_op == "=" });
            }
            i = end;
            path.clear();
            last_path.clear();
            prev_op.clear();
            continue;
        }
        // char literals and lifetimes
        if c == b'\'' {
            let rest = &src[i + 1..];
            let mut chars = rest.chars();
            let first = chars.next().unwrap_or(' ');
            if first == '\\' {
                // `'\n'`, `'\''`, `'\u{1F600}'`: the backslash, the escaped character, then
                // the closing quote.
                let escaped = rest[1..].chars().next().map_or(0, char::len_utf8);
                let from = i + 2 + escaped;
                i = from + src[from..].find('\'').map_or(src.len() - from, |e| e + 1);
            } else if chars.next() == Some('\'') {
                i += 1 + first.len_utf8() + 1;
            } else {
                i += 1; // a lifetime
            }
            continue;
        }
        // identifiers and paths
        if c.is_ascii_alphabetic() || c == b'_' {
            let s = i;
            while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'_') {
                i += 1;
            }
            let ident = &src[s..i];
            if !path.ends_with("::") {
                path.clear();
            }
            path.push_str(ident);
            if b.get(i) == Some(&b'!') && b.get(i + 1) != Some(&b'=') {
                path.push('!');
                i += 1;
            }
            last_path = path.clone();
            continue;
        }
        if src[i..].starts_with("::") {
            path.push_str("::");
            i += 2;
            continue;
        }
        // attributes: `#[cfg(test)]`, `#[test]` mark the next item as a test
        if c == b'#' && (src[i..].starts_with("#[") || src[i..].starts_with("#![")) {
            let open = i + src[i..].find('[').unwrap();
            let mut depth = 0;
            let mut j = open;
            while j < b.len() {
                match b[j] {
                    b'[' => depth += 1,
                    b']' => {
                        depth -= 1;
                        if depth == 0 {
                            break;
                        }
                    }
                    b'\n' => line += 1,
                    _ => {}
                }
                j += 1;
            }
            let attr: String = src[open + 1..j].chars().filter(|c| !c.is_whitespace()).collect();
            if attr == "cfg(test)" || attr == "test" || attr.starts_with("cfg(all(test") {
                attr_test = true;
            }
            i = j + 1;
            continue;
        }
        match c {
            b'(' | b'[' | b'{' => {
                const KEYWORDS: [&str; 8] = ["in", "return", "break", "else", "match", "if", "while", "yield"];
                let indexing =
                    !last_path.is_empty() && !last_path.ends_with('!') && !KEYWORDS.contains(&last_path.as_str());
                let callee = if c == b'[' && indexing {
                    "index[]".to_owned() // `v["Sandbox"]`: a key
                } else if c == b'(' || (c == b'[' || c == b'{') && last_path.ends_with('!') {
                    // `a.b::c(` → "b::c"; keep the last two path segments
                    let segs: Vec<&str> = last_path.split("::").collect();
                    let n = segs.len();
                    if n >= 2 && !last_path.ends_with('!') {
                        format!("{}::{}", segs[n - 2], segs[n - 1])
                    } else {
                        last_path.clone()
                    }
                } else {
                    String::new()
                };
                // A test item's body starts at its first `{` (a `mod tests {` or `fn x() {`).
                // So does the body of a function (or impl, mod) whose line above is a comment
                // of its own saying `i18n-exempt:` (a function returning words for scripts or
                // catalog selectors). Other blocks are not covered: a closure's would hide
                // every label in it.
                let line_text = |n: usize| src.lines().nth(n.wrapping_sub(1)).unwrap_or("");
                let opener = line_text(line).trim_start();
                let item = ["fn ", "pub fn ", "pub(crate) fn ", "pub(super) fn ", "impl", "mod ", "pub mod "]
                    .iter()
                    .any(|k| opener.starts_with(k));
                let exempt_block =
                    c == b'{' && item && line_text(line.wrapping_sub(1)).trim_start().starts_with("// i18n-exempt:");
                let test = c == b'{' && (attr_test || exempt_block);
                if test {
                    attr_test = false;
                }
                // A macro call inherits nothing; a plain block inherits its parent's callee
                // only for calls, so a closure's body is not "inside" the call.
                // Inside a macro's arguments (`json!({ "a": 1 })`) a brace is data, not a block.
                let in_macro = stack.iter().rev().take_while(|(_, block, _)| !block).any(|(c, _, _)| c.ends_with('!'));
                stack.push((callee, c == b'{' && !last_path.ends_with('!') && !in_macro, test));
                i += 1;
            }
            b')' | b']' | b'}' => {
                stack.pop();
                // `#[cfg(test)] Variant,` or a field: the attribute was for that alone
                if c == b'}' {
                    attr_test = false;
                }
                i += 1;
            }
            b',' if attr_test && stack.last().is_none_or(|(c, _, _)| c.is_empty()) => {
                attr_test = false;
                i += 1;
            }
            b';' => {
                attr_test = false;
                i += 1;
            }
            _ => {
                let s = i;
                while i < b.len() && b"=!<>|&+-*/%^.,?:@".contains(&b[i]) {
                    i += 1;
                }
                if i == s {
                    i += src[i..].chars().next().map_or(1, char::len_utf8);
                }
                prev_op = src[s..i].to_owned();
                if prev_op != "." {
                    path.clear();
                }
                last_path.clear();
                continue;
            }
        }
        path.clear();
        last_path.clear();
        prev_op.clear();
    }
    out
}

/// The calls that decide whether a literal is read: all that hold it, except that a message's
/// argument (`t!("key", what = "…")`) is shown inside the message, so `t!` does not quiet it.
fn shown_through(lit: &Literal) -> &[String] {
    let message = lit.callees.first().is_some_and(|c| c.ends_with("t!") || c.ends_with("tr_args"));
    if lit.argument && message { &lit.callees[1..] } else { &lit.callees }
}

/// Whether any of the calls holding a literal is one users never read.
fn quiet(callees: &[String]) -> bool {
    callees.iter().any(|callee| {
        let last = callee.rsplit("::").next().unwrap_or(callee);
        QUIET_CALLS.iter().any(|q| *q == callee || *q == last || callee.ends_with(&format!("::{q}")))
    })
}

/// `{n}`, `{:.2}`, `{name:?}` taken out: what is left is what the user reads.
fn without_placeholders(s: &str) -> String {
    let mut out = String::new();
    let mut depth = 0;
    for c in s.chars() {
        match c {
            '{' => depth += 1,
            '}' if depth > 0 => depth -= 1,
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

fn is_identifier(s: &str) -> bool {
    !s.is_empty()
        && s.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "-_:./{}#".contains(c))
        && s.chars().any(|c| "-_:./".contains(c))
}

/// The names the API and file formats use, spelled as the service spells them: the field
/// names of the model's wire formats (`rename = "…"`, and the keys of `json_object!`:
/// `"MediaId" => media_id`), and the response fields the code reads by name
/// (`.get("Title")`, `pointer("/PlayInfoList/PlayInfo")`).
fn api_names() -> BTreeSet<String> {
    // The documented values and actions the code sends or compares as the service spells
    // them (shared/vod/api.md): clip and effect types, alignments, media states, fonts.
    let mut out: BTreeSet<String> = [
        "Video",
        "Audio",
        "Image",
        "Subtitle",
        "Text",
        "Blur",
        "Color",
        "DeWatermark",
        "Volume",
        "Background",
        "VFX",
        "TopLeft",
        "TopCenter",
        "TopRight",
        "CenterLeft",
        "CenterCenter",
        "CenterRight",
        "BottomLeft",
        "BottomCenter",
        "BottomRight",
        "Normal",
        "Uploading",
        "UploadSucc",
        "Transcoding",
        "SimSun",
        "RequestId",
        "ProjectId",
        "MediaId",
        "JobId",
        "GetEditingProjectMaterials",
        "GetVideoInfos",
        "VideoTrackClips",
    ]
    .map(str::to_owned)
    .into();
    let word =
        |w: &str| w.starts_with(|c: char| c.is_ascii_uppercase()) && w.chars().all(|c| c.is_ascii_alphanumeric());
    for root in ["src/model", "src/api"] {
        for (_, text) in rust_files(Path::new(root)) {
            for (open, close) in [("rename = \"", "\""), ("\"", "\" =>"), ("get(\"", "\")"), ("field(\"", "\")")] {
                let mut rest = text.as_str();
                while let Some(a) = rest.find(open) {
                    rest = &rest[a + open.len()..];
                    if let Some(b) = rest.find(close)
                        && word(&rest[..b])
                    {
                        out.insert(rest[..b].to_owned());
                    }
                }
            }
            let mut rest = text.as_str();
            while let Some(a) = rest.find("pointer(\"") {
                rest = &rest[a + 9..];
                let end = rest.find('"').unwrap_or(0);
                out.extend(rest[..end].split('/').filter(|w| word(w)).map(str::to_owned));
            }
        }
    }
    out
}

/// What a literal shows: escapes (`\n`, `\x1b`, `\u{..}`) and `{placeholders}` taken out.
fn shown(s: &str) -> String {
    let mut plain = String::new();
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            plain.push(c);
            continue;
        }
        match chars.next() {
            Some('x') => {
                let code: String = chars.by_ref().take(2).collect();
                // A terminal control sequence (`\x1b[2K`) ends at its first letter.
                if code == "1b" && chars.clone().next() == Some('[') {
                    for c in chars.by_ref() {
                        if c.is_ascii_alphabetic() {
                            break;
                        }
                    }
                }
            }
            Some('u') => {
                for c in chars.by_ref() {
                    if c == '}' {
                        break;
                    }
                }
            }
            Some('n' | 'r' | 't') => plain.push(' '),
            Some(other) => plain.push(other),
            None => {}
        }
    }
    without_placeholders(&plain)
}

fn rust_files(dir: &Path) -> Vec<(PathBuf, String)> {
    let mut out = Vec::new();
    if dir.is_file() {
        out.push((dir.to_owned(), std::fs::read_to_string(dir).unwrap()));
        return out;
    }
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(d).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).unwrap();
                out.push((path, text));
            }
        }
    }
    out.sort();
    out
}

/// The user-facing literals of the files under `roots` that bypass the catalog.
fn bare_strings(roots: &[&str]) -> Vec<String> {
    let api = api_names();
    let mut bad = Vec::new();
    for root in roots {
        for (path, text) in rust_files(Path::new(root)) {
            let lines: Vec<&str> = text.lines().collect();
            // The protocol layers spell the service's parameters, actions and fields in every
            // other line ("PageNo", "SearchMedia"): there, one PascalCase word is a name.
            let protocol = path.starts_with("src/api") || path.starts_with("src/model");
            // A module's tests in a file of their own (`#[cfg(test)] mod tests;`).
            if path.file_name().is_some_and(|n| n == "tests.rs") {
                continue;
            }
            for lit in literals(&text) {
                let shown = shown(&lit.text);
                let exempt = |n: usize| n >= 1 && lines.get(n - 1).is_some_and(|l| l.contains("i18n-exempt:"));
                let words: Vec<&str> = shown
                    .split(|c: char| !c.is_alphanumeric())
                    .filter(|w| w.chars().any(char::is_alphabetic))
                    .collect();
                // (words of a name only: "UploadAuth.{name}", "{action} UploadAddress")
                let one_name = protocol
                    && !words.is_empty()
                    && words.iter().all(|w| w.starts_with(|c: char| c.is_ascii_uppercase()));
                if one_name
                    || words.iter().all(|w| api.contains(*w) || *w == "vodcut")
                    || is_identifier(&lit.text)
                    || lit.compared
                    || quiet(shown_through(&lit))
                    || exempt(lit.line)
                    || exempt(lit.line - 1)
                {
                    continue;
                }
                bad.push(format!("{}:{}: {:?} (in {})", path.display(), lit.line, lit.text, lit.callees.join(" < ")));
            }
        }
    }
    bad
}

#[test]
fn the_editor_and_the_command_line_say_nothing_outside_the_catalog() {
    // BARE_STRINGS_ONLY=src/ui/timeline,src/ui/forms.rs checks only those (while converting).
    let only = std::env::var("BARE_STRINGS_ONLY").unwrap_or_default();
    let roots: Vec<&str> = if only.is_empty() {
        vec!["src/ui", "src/cli", "src/main.rs", "src/model", "src/api", "src/store", "src/desktop", "src/core"]
    } else {
        only.split(',').collect()
    };
    let bad = bare_strings(&roots);
    assert!(
        bad.is_empty(),
        "{} user-facing strings bypass the catalog (use t!(\"key\"), or mark the line \
         `// i18n-exempt: why`):\n{}",
        bad.len(),
        bad.join("\n")
    );
}

// The scanner itself: it must find what a user would read and only that.

#[test]
fn the_scanner_finds_shown_text_and_skips_what_users_never_read() {
    let src = r####"
        fn ui(ui: &mut Ui) {
            ui.label("Shown to the user");
            ui.label(format!("{} clips", n));
            let id = egui::Id::new("quiet-id");
            log::warn!("a log line {x}");
            if s == "Compared" { }
            match k { "Arm" => {}, _ => {} }
            let r = r#"Raw "quoted" text"#;
            let c = '"'; let l: &'static str = "after a char";
            let q = '\''; let n = '\n'; ui.label("after escaped chars");
            x.expect("never shown");
            x.expect(&format!("never shown {y}"));
            // i18n-exempt: a brand
            ui.label("Alibaba Cloud");
            ui.label("{n}");
            ui.label(t!("some-key", n = 3));
            ui.label(t!("some-key", what = "An argument shown in the message"));
            ui.label("clip:{}:{}");
            ui.horizontal(|ui| ui.label("Inside a closure"));
            for (label, v) in [("Frame rate", 25)] { ui.label(label); }
        }
        enum Source { Keychain, #[cfg(test)] Fake, }
        fn after_a_test_variant() { ui.label("After a test variant"); }
        #[cfg(test)]
        mod tests {
            fn t() { ui.label("In a test"); }
        }
        fn after() { ui.label("After the tests"); }
    "####;
    let found: Vec<String> = literals(src)
        .into_iter()
        .filter(|l| {
            let shown = shown(&l.text);
            shown.chars().any(char::is_alphabetic) && !is_identifier(&l.text) && !l.compared && !quiet(shown_through(l))
        })
        .map(|l| l.text)
        .collect();
    assert_eq!(
        found,
        [
            "Shown to the user",
            "{} clips",
            "Raw \"quoted\" text",
            "after a char",
            "after escaped chars",
            "Alibaba Cloud", // the exemption is a comment checked by bare_strings, not here
            "An argument shown in the message",
            "Inside a closure",
            "Frame rate",
            "After a test variant",
            "After the tests",
        ]
    );
}
