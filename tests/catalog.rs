//! The message catalog is whole: every key in both languages with the same placeholders,
//! every `t!` call in the code names a key that exists with the arguments its message uses,
//! no key is left unused, and the Chinese follows the glossary (locales/glossary.md).

use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

const LANGS: [&str; 2] = ["en-US", "zh-CN"];

/// key -> (text with placeables as `{$x}`, variables), for one language.
fn catalog(lang: &str) -> BTreeMap<String, (String, BTreeSet<String>)> {
    let mut out = BTreeMap::new();
    for entry in std::fs::read_dir(Path::new("locales").join(lang)).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        let res = fluent_syntax::parser::parse(text.as_str())
            .unwrap_or_else(|(_, errors)| panic!("{}: {errors:?}", path.display()));
        for e in res.body {
            if let Entry::Message(m) = e {
                let value = m.value.unwrap_or_else(|| panic!("{} has no value", m.id.name));
                let mut vars = BTreeSet::new();
                let mut flat = String::new();
                walk(&value, &mut vars, &mut flat);
                assert!(out.insert(m.id.name.to_owned(), (flat, vars)).is_none(), "{} twice in {lang}", m.id.name);
            }
        }
    }
    out
}

fn walk(p: &Pattern<&str>, vars: &mut BTreeSet<String>, flat: &mut String) {
    for el in &p.elements {
        match el {
            PatternElement::TextElement { value } => flat.push_str(value),
            PatternElement::Placeable { expression } => match expression {
                Expression::Inline(InlineExpression::VariableReference { id }) => {
                    vars.insert(id.name.to_owned());
                    flat.push_str(&format!("{{${}}}", id.name));
                }
                Expression::Inline(InlineExpression::StringLiteral { value }) => flat.push_str(value),
                Expression::Select { selector, variants } => {
                    if let InlineExpression::VariableReference { id } = selector {
                        vars.insert(id.name.to_owned());
                    }
                    for v in variants {
                        walk(&v.value, vars, flat);
                    }
                }
                other => panic!("unexpected placeable {other:?}"),
            },
        }
    }
}

/// Every Rust source file under src/: (path, text).
fn sources() -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut stack = vec![Path::new("src").to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push((path.display().to_string(), std::fs::read_to_string(&path).unwrap()));
            }
        }
    }
    out
}

/// Every `t!("key", a = .., b = ..)` in the sources: (file, key, argument names).
fn calls() -> Vec<(String, String, BTreeSet<String>)> {
    let mut out = Vec::new();
    for (path, text) in sources() {
        let mut from = 0;
        while let Some(i) = text[from..].find("t!(").map(|i| i + from) {
            from = i + 3;
            let preceded = text[..i].chars().last();
            let line = text[..i].rsplit('\n').next().unwrap_or("");
            if preceded.is_some_and(|c| c.is_alphanumeric() || c == '_') || line.trim_start().starts_with("//") {
                continue; // e.g. `assert!(`, `print!(`, or a comment
            }
            let body = call_body(&text[from..]);
            let Some(key) = body.trim_start().strip_prefix('"').and_then(|k| k.split('"').next()) else {
                continue; // the macro's own definition
            };
            out.push((path.clone(), key.to_owned(), top_level_args(body)));
        }
    }
    out
}

/// The text up to the parenthesis closing the call (strings and nested calls skipped).
fn call_body(s: &str) -> &str {
    let (mut depth, mut in_str, mut esc) = (1, false, false);
    for (i, c) in s.char_indices() {
        match (in_str, c) {
            (true, '\\') if !esc => esc = true,
            (true, '"') if !esc => in_str = false,
            (true, _) => esc = false,
            (false, '"') => in_str = true,
            (false, '(' | '[' | '{') => depth += 1,
            (false, ')' | ']' | '}') => {
                depth -= 1;
                if depth == 0 {
                    return &s[..i];
                }
            }
            _ => {}
        }
    }
    s
}

/// `name = value` pairs at the top level of a call body, by name.
fn top_level_args(body: &str) -> BTreeSet<String> {
    let (mut depth, mut in_str, mut esc, mut start) = (0, false, false, 0);
    let mut parts = Vec::new();
    for (i, c) in body.char_indices() {
        match (in_str, c) {
            (true, '\\') if !esc => esc = true,
            (true, '"') if !esc => in_str = false,
            (true, _) => esc = false,
            (false, '"') => in_str = true,
            (false, '(' | '[' | '{' | '|') if c != '|' => depth += 1,
            (false, ')' | ']' | '}') => depth -= 1,
            (false, ',') if depth == 0 => {
                parts.push(&body[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&body[start..]);
    parts
        .iter()
        .skip(1)
        .filter_map(|p| {
            let (name, _) = p.split_once('=')?;
            let name = name.trim().trim_start_matches("r#");
            (!name.is_empty() && name.chars().all(|c| c.is_alphanumeric() || c == '_')).then(|| name.to_owned())
        })
        .collect()
}

#[test]
fn both_languages_have_every_key_with_the_same_placeholders() {
    let (en, zh) = (catalog(LANGS[0]), catalog(LANGS[1]));
    assert!(!en.is_empty());
    let missing_zh: Vec<_> = en.keys().filter(|k| !zh.contains_key(*k)).collect();
    let missing_en: Vec<_> = zh.keys().filter(|k| !en.contains_key(*k)).collect();
    assert!(
        missing_zh.is_empty() && missing_en.is_empty(),
        "not in zh-CN: {missing_zh:?}; not in en-US: {missing_en:?}"
    );
    for (k, (_, vars)) in &en {
        assert_eq!(vars, &zh[k].1, "{k}: the two languages use different placeholders");
    }
}

#[test]
fn every_call_names_a_key_with_the_arguments_its_message_uses() {
    let en = catalog("en-US");
    let calls = calls();
    assert!(calls.len() > 50, "found only {} calls", calls.len());
    for (file, key, args) in &calls {
        let Some((_, vars)) = en.get(key) else { panic!("{file}: t!(\"{key}\") is not in the catalog") };
        assert_eq!(args, vars, "{file}: t!(\"{key}\") passes {args:?}, the message uses {vars:?}");
    }
}

#[test]
fn no_key_is_left_unused() {
    let sources: String = sources().into_iter().map(|(_, text)| text).collect();
    let unused: Vec<String> = catalog("en-US").into_keys().filter(|k| !sources.contains(&format!("\"{k}\""))).collect();
    assert!(unused.is_empty(), "keys no code uses: {unused:?}");
}

#[test]
fn the_chinese_uses_the_glossary_terms() {
    let glossary = std::fs::read_to_string("locales/glossary.md").unwrap();
    let terms: Vec<(String, String)> = glossary
        .lines()
        .filter(|l| l.starts_with("| ") && !l.starts_with("| English") && !l.starts_with("| ---"))
        .map(|l| {
            let cells: Vec<&str> = l.split('|').map(str::trim).collect();
            (cells[1].to_lowercase(), cells[2].to_owned())
        })
        .collect();
    assert!(terms.len() >= 20, "{terms:?}");
    let (en, zh) = (catalog("en-US"), catalog("zh-CN"));
    let mut wrong = Vec::new();
    for (k, (text, _)) in &en {
        // Placeholders (`{$region}`), commands in backticks (`vodcut media info`) and paths
        // (`~/.alibabacloud/credentials`) are names, not words of the sentence.
        let mut words: String =
            text.to_lowercase().split(' ').map(|w| if w.contains('/') { "" } else { w }).collect::<Vec<_>>().join(" ");
        for (open, close) in [("{$", '}'), ("`", '`')] {
            while let Some(a) = words.find(open) {
                let from = a + open.len();
                let b = words[from..].find(close).map_or(words.len(), |b| from + b + 1);
                words.replace_range(a..b, " ");
            }
        }
        for (term, chinese) in &terms {
            let whole_word = words.match_indices(term.as_str()).any(|(i, _)| {
                let before = words[..i].chars().last();
                let after = words[i + term.len()..].chars().next();
                !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(|c| c.is_alphanumeric())
            });
            if whole_word && !zh[k].0.contains(chinese.as_str()) {
                wrong.push(format!("{k}: \"{term}\" should be {chinese} in \"{}\"", zh[k].0));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn the_effects_panel_and_vfx_have_distinct_chinese_names() {
    // The VOD console calls VFX 特效; the panel (and effects in general) is 效果, so a user
    // can tell the tab from the family in it.
    let zh = catalog("zh-CN");
    let word = |k: &str| zh[k].0.clone();
    assert_eq!(word("family-vfx"), "特效");
    assert_eq!(word("effects-tab"), "效果");
    for k in ["forms-effects-heading", "forms-add-effect", "place-effect"] {
        assert!(!word(k).contains("特效"), "{k}: {}", word(k));
    }
}
