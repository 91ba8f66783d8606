//! Reading JSON objects field by field, without an intermediate `Value` tree.
//!
//! Every object of the file format and of the API Timeline is read by [`json_object!`]: known
//! keys go straight into their typed fields, any other key is kept in an [`Extra`] as its
//! exact JSON text (so `12345678901234567890123`, `1e2` or `-0` come back exactly as they
//! came), a key given twice is an error, and errors say what is wrong as data ([`Wrong`],
//! [`Expected`]), never in Rust type names; the faces word them. Serde's derived `flatten`
//! would buffer each object into a generic tree first: twice the work and memory on a
//! 100 000-clip Timeline.

use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::ser::{SerializeMap, Serializer};
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use std::fmt;

mod wrong;
pub use wrong::{Expected, Found, Piece, Wrong, message_of, pieces};

/// How many fields of an object read from a file are checked for a repeated key as they come.
const CHECKED_AT_ONCE: usize = 32;

/// Fields vodcut does not know, in the order they came, each kept as its exact JSON text
/// (whitespace outside strings removed).
#[derive(Clone, Debug, Default)]
pub struct Extra(Vec<(String, Box<RawValue>)>);

impl Extra {
    pub fn new() -> Self {
        Extra(Vec::new())
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn contains_key(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    /// The JSON text of a field.
    pub fn get(&self, key: &str) -> Option<&RawValue> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, v)| &**v)
    }

    /// A field that holds a JSON string, unescaped.
    pub fn get_str(&self, key: &str) -> Option<String> {
        serde_json::from_str(self.get(key)?.get()).ok()
    }

    /// Sets a field; returns the text it replaced.
    pub fn insert(&mut self, key: String, value: Box<RawValue>) -> Option<Box<RawValue>> {
        match self.0.iter_mut().find(|(k, _)| *k == key) {
            Some((_, v)) => Some(std::mem::replace(v, value)),
            None => {
                self.0.push((key, value));
                None
            }
        }
    }

    /// Sets a field from a JSON value.
    pub fn insert_value(&mut self, key: impl Into<String>, value: &serde_json::Value) {
        // A Value always serializes.
        if let Ok(raw) = serde_json::value::to_raw_value(value) {
            self.insert(key.into(), raw);
        }
    }

    /// Removes a field; returns its text.
    pub fn remove(&mut self, key: &str) -> Option<Box<RawValue>> {
        let i = self.0.iter().position(|(k, _)| k == key)?;
        Some(self.0.remove(i).1)
    }

    /// A field as a JSON value (None when absent).
    pub fn get_value(&self, key: &str) -> Option<serde_json::Value> {
        serde_json::from_str(self.get(key)?.get()).ok()
    }

    /// Sets a field to `value`, or removes it for None. A field that keeps its value keeps
    /// its exact text (`1.50` stays `1.50`).
    pub fn set_value(&mut self, key: &str, value: Option<&serde_json::Value>) {
        match value {
            None => {
                self.remove(key);
            }
            Some(v) if self.get_value(key).as_ref() == Some(v) => {}
            Some(v) => self.insert_value(key, v),
        }
    }

    /// Adds a field as read from a file; `false` when its key is already there. Past
    /// [`CHECKED_AT_ONCE`] fields the check waits for the end of the object
    /// ([`Extra::duplicate_key`]): looking through every earlier key for each new one made an
    /// object of 500 000 unknown fields take hours.
    pub fn push_read(&mut self, key: String, value: Box<RawValue>) -> bool {
        let fresh = self.0.len() >= CHECKED_AT_ONCE || !self.contains_key(&key);
        self.0.push((key, value));
        fresh
    }

    /// A key given twice among the fields added by [`Extra::push_read`] past the ones it
    /// checked at once.
    pub fn duplicate_key(&self) -> Option<&str> {
        if self.0.len() <= CHECKED_AT_ONCE {
            return None;
        }
        let mut keys: Vec<&str> = self.0.iter().map(|(k, _)| k.as_str()).collect();
        keys.sort_unstable();
        keys.windows(2).find(|w| w[0] == w[1]).map(|w| w[0])
    }

    pub fn iter(&self) -> impl Iterator<Item = (&str, &RawValue)> {
        self.0.iter().map(|(k, v)| (k.as_str(), &**v))
    }

    /// As one JSON object, for showing to people.
    pub fn to_json_text(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

impl PartialEq for Extra {
    fn eq(&self, other: &Self) -> bool {
        self.0.len() == other.0.len()
            && self.0.iter().zip(&other.0).all(|((ka, va), (kb, vb))| ka == kb && va.get() == vb.get())
    }
}

impl Serialize for Extra {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            m.serialize_entry(k, v)?;
        }
        m.end()
    }
}

impl<'de> Deserialize<'de> for Extra {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Extra;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(&Expected::Object.token())
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Extra, A::Error> {
                let mut out = Extra::new();
                while let Some(key) = map.next_key::<Key>()? {
                    crate::model::budget::take::<A::Error>()?;
                    let value = map.next_value_seed(RawSeed)?;
                    if !out.push_read(key.as_str().to_owned(), value) {
                        return Err(duplicate(key.as_str()));
                    }
                }
                if let Some(key) = out.duplicate_key() {
                    return Err(duplicate(key));
                }
                Ok(out)
            }
        }
        d.deserialize_map(V)
    }
}

/// An object key, borrowed from the input where it has no escapes.
pub struct Key<'de>(pub std::borrow::Cow<'de, str>);

impl Key<'_> {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl<'de> Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Key<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(&Expected::Key.token())
            }
            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Key<'de>, E> {
                Ok(Key(v.into()))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Key<'de>, E> {
                Ok(Key(v.to_owned().into()))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Key<'de>, E> {
                Ok(Key(v.into()))
            }
        }
        d.deserialize_str(V)
    }
}

/// Reads any JSON value as its compact text.
pub struct RawSeed;

impl<'de> de::DeserializeSeed<'de> for RawSeed {
    type Value = Box<RawValue>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Box<RawValue>, D::Error> {
        raw_value(d)
    }
}

/// Reads any JSON value as its compact text.
pub fn raw_value<'de, D: Deserializer<'de>>(d: D) -> Result<Box<RawValue>, D::Error> {
    let raw = Box::<RawValue>::deserialize(d)?;
    Ok(compact(raw))
}

/// The same JSON text without whitespace outside strings (a value copied from an indented
/// file would otherwise carry its indentation into the compact API Timeline).
pub fn compact(raw: Box<RawValue>) -> Box<RawValue> {
    let text = raw.get();
    if !text.bytes().any(|b| b.is_ascii_whitespace()) {
        return raw;
    }
    let mut out = String::with_capacity(text.len());
    let (mut in_string, mut escaped) = (false, false);
    for c in text.chars() {
        if in_string {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
        } else if c == '"' {
            in_string = true;
            out.push(c);
        } else if !c.is_ascii_whitespace() {
            out.push(c);
        }
    }
    // Removing whitespace between tokens of valid JSON leaves valid JSON.
    RawValue::from_string(out).unwrap_or(raw)
}

/// The error for a key given twice in one object.
pub fn duplicate<E: de::Error>(key: &str) -> E {
    Wrong::Duplicate { key: key.to_owned() }.error()
}

/// The error for a required key that is missing.
pub fn missing<E: de::Error>(key: &str) -> E {
    Wrong::Missing { field: key.to_owned() }.error()
}

/// A whole number (format version, pixels) that says `what` it is when it is not one.
pub fn whole_number<'de, D: Deserializer<'de>, T: TryFrom<u64>>(d: D, what: Expected) -> Result<T, D::Error> {
    struct V(Expected);
    impl<'de> Visitor<'de> for V {
        type Value = u64;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str(&self.0.token())
        }
        fn visit_u64<E: de::Error>(self, v: u64) -> Result<u64, E> {
            Ok(v)
        }
        fn visit_i64<E: de::Error>(self, v: i64) -> Result<u64, E> {
            u64::try_from(v).map_err(|_| Wrong::Negative { v, expected: self.0 }.error())
        }
        fn visit_f64<E: de::Error>(self, v: f64) -> Result<u64, E> {
            if v.fract() == 0.0 && (0.0..=u64::MAX as f64).contains(&v) {
                Ok(v as u64)
            } else {
                Err(Wrong::NotWhat { v, what: self.0 }.error())
            }
        }
    }
    let n = d.deserialize_any(V(what.clone()))?;
    T::try_from(n).map_err(|_| Wrong::TooLarge { n, what }.error())
}

/// A whole number or null.
pub fn optional_whole<'de, D: Deserializer<'de>, T: TryFrom<u64>>(d: D, what: Expected) -> Result<Option<T>, D::Error> {
    struct V<T>(Expected, std::marker::PhantomData<T>);
    impl<'de, T: TryFrom<u64>> Visitor<'de> for V<T> {
        type Value = Option<T>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str(&self.0.token())
        }
        fn visit_none<E: de::Error>(self) -> Result<Option<T>, E> {
            Ok(None)
        }
        fn visit_unit<E: de::Error>(self) -> Result<Option<T>, E> {
            Ok(None)
        }
        fn visit_some<D2: Deserializer<'de>>(self, d: D2) -> Result<Option<T>, D2::Error> {
            whole_number(d, self.0).map(Some)
        }
    }
    d.deserialize_option(V(what, std::marker::PhantomData))
}

/// Any JSON number, as `f32`.
pub fn number_f32<'de, D: Deserializer<'de>>(d: D) -> Result<f32, D::Error> {
    struct V;
    impl<'de> Visitor<'de> for V {
        type Value = f32;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str(&Expected::Number.token())
        }
        fn visit_u64<E: de::Error>(self, v: u64) -> Result<f32, E> {
            Ok(v as f32)
        }
        fn visit_i64<E: de::Error>(self, v: i64) -> Result<f32, E> {
            Ok(v as f32)
        }
        fn visit_f64<E: de::Error>(self, v: f64) -> Result<f32, E> {
            Ok(v as f32)
        }
    }
    d.deserialize_any(V)
}

/// One of a fixed set of names (track kinds, media kinds), saying `what` it is when not.
pub fn one_of<'de, D: Deserializer<'de>, T: Copy>(
    d: D,
    choices: &'static [(&'static str, T)],
    what: Expected,
) -> Result<T, D::Error> {
    let names = || choices.iter().map(|(n, _)| (*n).to_owned()).collect();
    match d.deserialize_any(AnyText)? {
        Some(text) => choices
            .iter()
            .find(|(n, _)| *n == text)
            .map(|(_, v)| *v)
            .ok_or_else(|| Wrong::NotOneOf { text, what, choices: names() }.error()),
        None => Err(Wrong::ExpectedOneOf { what, choices: names() }.error()),
    }
}

/// Text, or `None` for any other kind of value (skipped).
struct AnyText;

impl<'de> Visitor<'de> for AnyText {
    type Value = Option<String>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(&Expected::Text.token())
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(Some(v.to_owned()))
    }
    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_seq<A: de::SeqAccess<'de>>(self, mut s: A) -> Result<Self::Value, A::Error> {
        while s.next_element::<de::IgnoredAny>()?.is_some() {}
        Ok(None)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut m: A) -> Result<Self::Value, A::Error> {
        while m.next_entry::<de::IgnoredAny, de::IgnoredAny>()?.is_some() {}
        Ok(None)
    }
}

/// Implements `Deserialize` for a struct with a `Default`-like start value (`$what`, the
/// [`Expected`] saying what it is in errors): each known key,
/// by its wire name, is read straight into its field (optionally through a function), every
/// other key goes to the `Extra` field, a key given twice is an error, and the listed
/// required keys must be present. `$ty::FIELD_NAMES` lists the wire names.
#[macro_export]
macro_rules! json_object {
    (
        $ty:ty, $what:expr, init: $init:expr, extra: $extra:ident, required: [$($req:literal),*],
        { $($name:literal => $($field:ident).+ $(with $with:expr)?),* $(,)? }
    ) => {
        impl $ty {
            /// The keys this object reads, as written in JSON.
            pub const FIELD_NAMES: &'static [&'static str] = &[$($name),*];

            /// Reads the value of `key` into its field (or the extra fields). Returns the
            /// field's index in `FIELD_NAMES`, or `None` for an extra field.
            pub fn read_field<'de, D: serde::Deserializer<'de>>(
                &mut self,
                key: &str,
                d: D,
            ) -> Result<Option<usize>, D::Error> {
                let mut _i = 0usize;
                $(
                    if key == $name {
                        self.$($field).+ = $crate::json_object!(@read d $(, $with)?);
                        return Ok(Some(_i));
                    }
                    _i += 1;
                )*
                let raw = $crate::model::json::raw_value(d)?;
                if !self.$extra.push_read(key.to_owned(), raw) {
                    return Err($crate::model::json::duplicate(key));
                }
                Ok(None)
            }
        }

        impl<'de> serde::Deserialize<'de> for $ty {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                struct Seed<'a>(&'a mut $ty, &'a str);
                impl<'de> serde::de::DeserializeSeed<'de> for Seed<'_> {
                    type Value = Option<usize>;
                    fn deserialize<D2: serde::Deserializer<'de>>(self, d: D2) -> Result<Option<usize>, D2::Error> {
                        self.0.read_field(self.1, d)
                    }
                }
                struct V;
                impl<'de> serde::de::Visitor<'de> for V {
                    type Value = $ty;
                    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                        f.write_str(&$what.token())
                    }
                    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<$ty, A::Error> {
                        let mut out: $ty = $init;
                        let mut seen = 0u64;
                        while let Some(key) = map.next_key::<$crate::model::json::Key>()? {
                            match map.next_value_seed(Seed(&mut out, key.as_str()))? {
                                Some(i) => {
                                    if seen & (1 << i) != 0 {
                                        return Err($crate::model::json::duplicate(key.as_str()));
                                    }
                                    seen |= 1 << i;
                                }
                                // An unknown field: kept, so counted (see model::budget).
                                None => $crate::model::budget::take::<A::Error>()?,
                            }
                        }
                        if let Some(key) = out.$extra.duplicate_key() {
                            return Err($crate::model::json::duplicate(key));
                        }
                        $(
                            let i = <$ty>::FIELD_NAMES.iter().position(|n| *n == $req).unwrap_or(0);
                            if seen & (1 << i) == 0 {
                                return Err($crate::model::json::missing($req));
                            }
                        )*
                        let _ = seen;
                        Ok(out)
                    }
                }
                d.deserialize_map(V)
            }
        }
    };
    (@read $d:ident) => { serde::Deserialize::deserialize($d)? };
    (@read $d:ident, $with:expr) => { ($with)($d)? };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extra_keeps_number_text_exactly() {
        let text = r#"{"Big":12345678901234567890123,"E":1e2,"Z":-0,"F":1.50,"N":{"a": [1, 2 ], "s":"x y"}}"#;
        let e: Extra = serde_json::from_str(text).unwrap();
        assert_eq!(
            serde_json::to_string(&e).unwrap(),
            r#"{"Big":12345678901234567890123,"E":1e2,"Z":-0,"F":1.50,"N":{"a":[1,2],"s":"x y"}}"#
        );
        assert_eq!(e.get_str("N"), None);
        let twice = serde_json::from_str::<Extra>(r#"{"a":1,"a":2}"#).unwrap_err();
        assert_eq!(Wrong::of(&twice), Wrong::Duplicate { key: "a".into() });
    }

    /// A repeated key is found however many fields come before it, and an object of many
    /// fields is read in n log n (it was quadratic: 500 000 fields took hours).
    #[test]
    fn a_repeated_key_among_many_fields_is_an_error() {
        let many = |repeat: bool| {
            let mut text: String = (0..100_000).map(|i| format!("\"k{i}\":1,")).collect();
            text.push_str(if repeat { "\"k5\":2" } else { "\"last\":2" });
            format!("{{{text}}}")
        };
        let e: Extra = serde_json::from_str(&many(false)).unwrap();
        assert_eq!(e.len(), 100_001);
        let err = serde_json::from_str::<Extra>(&many(true)).unwrap_err();
        assert_eq!(Wrong::of(&err), Wrong::Duplicate { key: "k5".into() });
        let clip = format!(r#"{{"VideoTracks":[{{"VideoTrackClips":[{}]}}]}}"#, many(true));
        let err = serde_json::from_str::<crate::model::wire::Timeline>(&clip).unwrap_err();
        assert_eq!(Wrong::of(&err), Wrong::Duplicate { key: "k5".into() });
    }
}
