//! What is wrong with the shape of a JSON document, as data: the faces word it
//! (`i18n::describe`).
//!
//! serde carries a reader's error as text only (`Error::custom` takes something printable),
//! so vodcut's readers write their [`Wrong`] (and what they expect, [`Expected`]) as a token:
//! its JSON between two control characters no JSON text or message holds. [`Wrong::of`] reads
//! it back from the error serde_json gives, along with serde's own English for what serde
//! itself refuses ("invalid type: map, expected a sequence").

use serde::{Deserialize, Serialize, de};

/// Opens and closes a token in an error's text.
const OPEN: char = '\u{1}';
const CLOSE: char = '\u{2}';

/// What a reader expected, as data.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Expected {
    Object,
    Key,
    List,
    Number,
    String,
    Boolean,
    Text,
    WholeNumber,
    Pixels,
    TrackKind,
    MediaKind,
    /// A time in seconds: a number, or a string holding one.
    Time,
    // The objects of the file format and of the API Timeline.
    Track,
    MediaMetadata,
    ProduceConfig,
    UserData,
    Marker,
    BinEntry,
    Project,
    FontFace,
    Clip,
    Effect,
    Timeline,
    /// serde's own words for something rarer ("a sequence of 2 elements"), as it gave them.
    Other(String),
}

impl Expected {
    /// The text a reader's `expecting` writes: a token [`Wrong::of`] reads back.
    pub fn token(&self) -> String {
        token(self)
    }

    /// What serde's words for an expectation mean ("a sequence" is a list), or the token a
    /// vodcut reader wrote.
    fn of(text: &str) -> Expected {
        if let Some(e) = untoken(text) {
            return e;
        }
        match text {
            "a sequence" => Expected::List,
            "a map" => Expected::Object,
            "a boolean" => Expected::Boolean,
            "a string" => Expected::String,
            e if e.starts_with("struct ") || e.starts_with("enum ") => Expected::Object,
            e => Expected::Other(e.to_owned()),
        }
    }
}

/// What was found where something else was expected.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Found {
    Object,
    List,
    Null,
    /// Some number (its value not said).
    Number,
    /// Some string (its value not said).
    String,
    /// true or false.
    Boolean,
    /// The text of a string.
    Text(String),
    /// A number as written.
    TheNumber(String),
    /// serde's name for what it found, shown as it is (`true`, `newtype struct`).
    Word(String),
}

impl Found {
    /// What kind of JSON value `v` is.
    pub fn kind_of(v: &serde_json::Value) -> Found {
        use serde_json::Value;
        match v {
            Value::Null => Found::Null,
            Value::Bool(_) => Found::Boolean,
            Value::Number(_) => Found::Number,
            Value::String(_) => Found::String,
            Value::Array(_) => Found::List,
            Value::Object(_) => Found::Object,
        }
    }

    /// serde's words for what it found: "map", "string \"x\"", "integer `5`".
    fn of(found: &str) -> Found {
        let quoted = |s: &str, open: char, close: char| {
            s.strip_prefix(open).and_then(|s| s.strip_suffix(close)).map(str::to_owned)
        };
        match found {
            "map" => Found::Object,
            "sequence" => Found::List,
            "unit value" => Found::Null,
            _ => {
                if let Some(text) = found.strip_prefix("string ").and_then(|s| quoted(s, '"', '"')) {
                    Found::Text(text)
                } else if let Some(n) = found
                    .strip_prefix("integer ")
                    .or_else(|| found.strip_prefix("floating point "))
                    .and_then(|s| quoted(s, '`', '`'))
                {
                    Found::TheNumber(n)
                } else if let Some(b) = found.strip_prefix("boolean ").and_then(|s| quoted(s, '`', '`')) {
                    Found::Word(b)
                } else {
                    Found::Word(found.replace('`', ""))
                }
            }
        }
    }
}

/// What is wrong with a value of a JSON document.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Wrong {
    /// A key given twice in one object.
    Duplicate { key: String },
    /// A required key that is missing.
    Missing { field: String },
    /// A value of another kind (`expected` is `None` when serde did not say).
    Found { found: Found, expected: Option<Expected> },
    /// A negative number where a whole number is expected.
    Negative { v: i64, expected: Expected },
    /// A number that is not what is expected (a fraction where pixels are).
    NotWhat { v: f64, what: Expected },
    /// A whole number too large for what it is.
    TooLarge { n: u64, what: Expected },
    /// A name that is not one of a fixed set (track kinds).
    NotOneOf { text: String, what: Expected, choices: Vec<String> },
    /// Something other than text where one of a fixed set of names is expected.
    ExpectedOneOf { what: Expected, choices: Vec<String> },
    /// A string that does not hold a number.
    NotANumber { text: String },
    /// Another kind of value where a number is expected.
    ExpectedNumber { found: Found },
    /// A number that is no usable time (too large).
    TimeUnusable { v: f64 },
    /// A string that does not hold a time in seconds.
    TimeNotSeconds { text: String },
    /// Not a frame rate (1 to 240 frames per second); `v` is the value's JSON text.
    NotFrameRate { v: String },
    /// A field that must hold a JSON object (or a string holding one).
    ExpectedJsonObject,
    /// A field that must hold a whole number; `found` is the value's JSON text.
    ExpectedWholeFound { found: String },
    /// Something else was expected.
    Expected { expected: Expected },
    /// More clips, effects, tracks and other entries than one file may hold (`model::budget`).
    TooManyPieces { max: usize },
    /// What is wrong with one field of an object read on its own (an effect's).
    InField { key: String, inner: Box<Wrong> },
    /// serde's own words, for what vodcut has no words of its own ([`Wrong::pieces`] finds
    /// the expectations of vodcut's readers in them).
    Serde { text: String },
}

impl Wrong {
    /// This as a serde error (its token as the text).
    pub fn error<E: de::Error>(&self) -> E {
        E::custom(token(self))
    }

    /// What is wrong, read from a serde_json error: a vodcut reader's token, or serde's own
    /// words.
    pub fn of(e: &serde_json::Error) -> Wrong {
        Wrong::of_message(&message_of(e))
    }

    fn of_message(text: &str) -> Wrong {
        if let Some(w) = untoken(text) {
            return w;
        }
        if let Some(rest) = text.strip_prefix("invalid type: ") {
            let (found, expected) = match rest.split_once(", expected ") {
                Some((f, e)) => (f, Some(Expected::of(e))),
                None => (rest, None),
            };
            return Wrong::Found { found: Found::of(found), expected };
        }
        if let Some(field) = text.strip_prefix("missing field `").and_then(|r| r.strip_suffix('`')) {
            return Wrong::Missing { field: field.to_owned() };
        }
        Wrong::Serde { text: text.to_owned() }
    }
}

/// A piece of serde's words: text as it is, or a vodcut reader's expectation.
#[derive(Clone, Debug, PartialEq)]
pub enum Piece<'a> {
    Text(&'a str),
    Expected(Expected),
}

/// serde's words (`Wrong::Serde`) cut around the tokens vodcut's readers put in them.
pub fn pieces(text: &str) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(a) = rest.find(OPEN) {
        let Some(b) = rest[a..].find(CLOSE).map(|b| a + b) else { break };
        if a > 0 {
            out.push(Piece::Text(&rest[..a]));
        }
        match untoken::<Expected>(&rest[a..=b]) {
            Some(e) => out.push(Piece::Expected(e)),
            None => out.push(Piece::Text(&rest[a + 1..b])),
        }
        rest = &rest[b + 1..];
    }
    if !rest.is_empty() {
        out.push(Piece::Text(rest));
    }
    out
}

/// A serde_json error's text without the " at line L column C" it adds (the position is
/// `e.line()`, `e.column()`).
pub fn message_of(e: &serde_json::Error) -> String {
    let text = e.to_string();
    if e.line() == 0 {
        return text;
    }
    let at = format!(" at line {} column {}", e.line(), e.column()); // i18n-exempt: serde_json's own suffix, taken off
    match text.strip_suffix(&at) {
        Some(t) => t.to_owned(),
        None => text,
    }
}

fn token<T: Serialize>(v: &T) -> String {
    // Enums of plain fields always serialize.
    format!("{OPEN}{}{CLOSE}", serde_json::to_string(v).unwrap_or_default())
}

/// The value of a text that is exactly one token.
fn untoken<T: for<'de> Deserialize<'de>>(text: &str) -> Option<T> {
    let body = text.strip_prefix(OPEN)?.strip_suffix(CLOSE)?;
    serde_json::from_str(body).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wrong_of<T: for<'de> Deserialize<'de> + std::fmt::Debug>(json: &str) -> Wrong {
        Wrong::of(&serde_json::from_str::<T>(json).unwrap_err())
    }

    #[test]
    fn tokens_come_back_whole_through_serde() {
        let w = Wrong::Duplicate { key: "In \u{2} \"x\"".into() };
        let e: serde_json::Error = w.error();
        assert_eq!(Wrong::of(&e), w);
        assert_eq!(wrong_of::<crate::model::Time>("\"soon\""), Wrong::TimeNotSeconds { text: "soon".into() });
    }

    #[test]
    fn serde_words_become_data() {
        assert_eq!(wrong_of::<Vec<u8>>("{}"), Wrong::Found { found: Found::Object, expected: Some(Expected::List) });
        assert_eq!(
            wrong_of::<bool>("\"x\""),
            Wrong::Found { found: Found::Text("x".into()), expected: Some(Expected::Boolean) }
        );
        assert_eq!(
            wrong_of::<crate::model::project::Track>("[]"),
            Wrong::Found { found: Found::List, expected: Some(Expected::Track) }
        );
        assert_eq!(wrong_of::<crate::model::project::Track>("{}"), Wrong::Missing { field: "Kind".into() });
    }

    #[test]
    fn pieces_find_expectations_in_serde_words() {
        let text = format!("invalid length 2, expected {}", Expected::Pixels.token());
        assert_eq!(pieces(&text), vec![Piece::Text("invalid length 2, expected "), Piece::Expected(Expected::Pixels)]);
        assert_eq!(pieces("plain"), vec![Piece::Text("plain")]);
    }
}
