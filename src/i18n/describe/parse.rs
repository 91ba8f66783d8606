//! The words for what is wrong with a JSON file (locales/*/core.ftl): serde_json's syntax
//! errors, and the shape errors vodcut's readers give as data (`model::json::Wrong`).

use crate::i18n::tr;
use crate::model::import::{ImportError, ShapeError};
use crate::model::json::{Expected, Found, Piece, Wrong, message_of, pieces};
use crate::t;

/// JSON's own word for nothing, the same in every language.
const JSON_NULL: &str = "null"; // i18n-exempt: JSON's own word

/// Why a Timeline could not be imported, in a sentence.
pub fn import_error(e: &ImportError) -> String {
    match e {
        ImportError::NotJson(e) => t!("core-import-not-json", error = syntax(e)),
        ImportError::Shape(e) => t!("core-import-shape", at = shape_at(e), message = shape(e)),
        ImportError::NotATimeline => t!("core-import-not-timeline"),
    }
}

/// Where a shape error is: its JSON path, or "the top level".
pub fn shape_at(e: &ShapeError) -> String {
    if e.path.is_empty() { t!("core-json-top-level") } else { e.path.clone() }
}

/// What a shape error says, with its line and column when known.
pub fn shape(e: &ShapeError) -> String {
    let words = wrong(&e.wrong);
    if e.line > 0 { t!("core-json-at-line", message = words, line = e.line, column = e.column) } else { words }
}

/// What is wrong with a value, in words.
pub fn wrong(w: &Wrong) -> String {
    match w {
        Wrong::Duplicate { key } => t!("core-json-duplicate", key = key.as_str()),
        Wrong::Missing { field } => t!("core-json-missing", field = field.as_str()),
        Wrong::Found { found: f, expected: None } => t!("core-json-found", found = found(f)),
        Wrong::Found { found: f, expected: Some(e) } => {
            t!("core-json-found-expected", found = found(f), expected = expected(e))
        }
        Wrong::Negative { v, expected: e } => t!("core-json-negative", v = v.to_string(), expected = expected(e)),
        Wrong::NotWhat { v, what } => t!("core-json-not-what", v = v.to_string(), what = expected(what)),
        Wrong::TooLarge { n, what } => t!("core-json-too-large", n = n.to_string(), what = expected(what)),
        Wrong::NotOneOf { text, what, choices } => {
            t!("core-json-not-one-of", text = text.as_str(), what = expected(what), list = choices.join(", "))
        }
        Wrong::ExpectedOneOf { what, choices } => {
            t!("core-json-expected-one-of", what = expected(what), list = choices.join(", "))
        }
        Wrong::NotANumber { text } => t!("core-json-not-a-number", text = text.as_str()),
        Wrong::ExpectedNumber { found: f } => t!("core-json-expected-number", found = found(f)),
        Wrong::TimeUnusable { v } => t!("core-time-unusable", v = v.to_string()),
        Wrong::TimeNotSeconds { text } => t!("core-time-not-seconds", text = text.as_str()),
        Wrong::NotFrameRate { v } => t!("core-time-not-frame-rate", v = v.as_str()),
        Wrong::ExpectedJsonObject => t!("core-json-expected-json-object"),
        Wrong::TooManyPieces { max } => t!("core-json-too-many-pieces", max = *max),
        Wrong::ExpectedWholeFound { found } => t!("core-json-expected-whole-found", found = found.as_str()),
        Wrong::Expected { expected: e } => t!("core-json-expected", expected = expected(e)),
        Wrong::InField { key, inner } => format!("{key}: {}", wrong(inner)),
        Wrong::Serde { text } => serde_words(text),
    }
}

/// What serde found, in words: an object, the text "x", the number 5, null.
fn found(f: &Found) -> String {
    match f {
        Found::Object => t!("core-json-an-object"),
        Found::List => t!("core-json-a-list"),
        Found::Null => JSON_NULL.to_owned(),
        Found::Number => t!("core-json-a-number"),
        Found::String => t!("core-json-a-string"),
        Found::Boolean => "true/false".to_owned(),
        Found::Text(text) => t!("core-json-the-text", text = text.as_str()),
        Found::TheNumber(n) => t!("core-json-the-number", n = n.as_str()),
        Found::Word(w) => w.clone(),
    }
}

/// What a reader expected, in words.
fn expected(e: &Expected) -> String {
    let key = match e {
        Expected::Object => "core-json-an-object",
        Expected::Key => "core-json-a-key",
        Expected::List => "core-json-a-list",
        Expected::Number => "core-json-a-number",
        Expected::String => "core-json-a-string",
        Expected::Boolean => "core-json-a-boolean",
        Expected::Text => "core-json-text",
        Expected::WholeNumber => "core-what-whole-number",
        Expected::Pixels => "core-what-pixels",
        Expected::TrackKind => "core-what-track-kind",
        Expected::MediaKind => "core-what-media-kind",
        Expected::Time => "core-time-expecting",
        Expected::Track => "core-what-track",
        Expected::MediaMetadata => "core-what-media-metadata",
        Expected::ProduceConfig => "core-what-produce-config",
        Expected::UserData => "core-what-user-data",
        Expected::Marker => "core-what-marker",
        Expected::BinEntry => "core-what-bin-entry",
        Expected::Project => "core-what-project",
        Expected::FontFace => "core-what-font-face",
        Expected::Clip => "core-what-clip",
        Expected::Effect => "core-what-effect",
        Expected::Timeline => "core-what-timeline",
        // Rarer forms ("a sequence of 2 elements") stay serde's English, in plain words.
        // i18n-exempt: serde's own English (rare forms), only made plainer
        Expected::Other(e) => return e.replace("a sequence", "a list").replace("a map", "an object"),
    };
    tr(key)
}

/// serde's own words for a rarer shape error, made plainer, with what vodcut's readers expect
/// in the user's language.
fn serde_words(text: &str) -> String {
    let mut out = String::new();
    for piece in pieces(text) {
        match piece {
            Piece::Text(t) => out.push_str(t),
            Piece::Expected(e) => out.push_str(&expected(&e)),
        }
    }
    // Derived readers name their Rust type ("expected struct Marker"): say "an object".
    if let Some(at) = out.find("expected struct ").or_else(|| out.find("expected enum ")) {
        let expected = t!("core-json-expected", expected = t!("core-json-an-object"));
        return format!("{}{expected}", &out[..at]);
    }
    // i18n-exempt: serde's own English (rare forms), only made plainer
    out.replace("expected a sequence", "expected a list").replace("expected a map", "expected an object")
}

/// serde_json's words for a syntax error (its position cut off), in the current language.
pub fn syntax_words(text: &str) -> String {
    let key = match text {
        "EOF while parsing a list" => "core-syntax-eof-list",
        "EOF while parsing an object" => "core-syntax-eof-object",
        "EOF while parsing a string" => "core-syntax-eof-string",
        "EOF while parsing a value" => "core-syntax-eof-value",
        "expected `:`" => "core-syntax-colon",
        "expected `,` or `]`" => "core-syntax-comma-list",
        "expected `,` or `}`" => "core-syntax-comma-object",
        "expected ident" => "core-syntax-ident",
        "expected value" => "core-syntax-value",
        "invalid escape" => "core-syntax-escape",
        "invalid number" => "core-syntax-number",
        "number out of range" => "core-syntax-range",
        "invalid unicode code point" => "core-syntax-unicode",
        "control character (\\u0000-\\u001F) found while parsing a string" => "core-syntax-control",
        "key must be a string" => "core-syntax-key",
        "lone leading surrogate in hex escape" => "core-syntax-surrogate",
        "trailing comma" => "core-syntax-trailing-comma",
        "trailing characters" => "core-syntax-trailing",
        "unexpected end of hex escape" => "core-syntax-hex-end",
        "recursion limit exceeded" => "core-syntax-recursion",
        other => return other.to_owned(),
    };
    tr(key)
}

/// A syntax error with where it is: "expected value at line 1 column 5".
pub fn syntax(e: &serde_json::Error) -> String {
    let words = syntax_words(&message_of(e));
    if e.line() > 0 { t!("core-json-syntax-at", message = words, line = e.line(), column = e.column()) } else { words }
}
