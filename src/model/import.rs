//! API Timeline JSON (or a whole set of request fields) -> a new project. Pure functions.
//!
//! The Timeline is read straight into its typed form (no intermediate `Value` tree): a
//! 100 000-clip Timeline opens in about the time and memory of a bare JSON parse.

use super::json::{Expected, Extra, Key, Wrong};
use super::project::{MediaMetadata, ProduceConfig, Project, Track, TrackKind, UserData};
use super::wire::{Clip, Timeline};
use serde::Deserializer;
use serde::de::{DeserializeOwned, IgnoredAny, MapAccess, Visitor};
use serde_json::{Map, Value};
use std::fmt;

/// Why a Timeline could not be imported (the faces word it: `i18n::describe`).
#[derive(Debug)]
pub enum ImportError {
    /// Not JSON at all: serde_json's syntax error, with its line and column.
    NotJson(serde_json::Error),
    Shape(ShapeError),
    NotATimeline,
}

/// JSON of the wrong shape: where (`path`, like `Tracks[2].Clips[5].In`; empty at the top
/// level), what is wrong, and the line and column (0 when not known).
#[derive(Clone, Debug, PartialEq)]
pub struct ShapeError {
    pub path: String,
    pub wrong: Wrong,
    pub line: usize,
    pub column: usize,
}

impl ShapeError {
    /// A shape error found without a parser's position.
    pub fn at(path: impl Into<String>, wrong: Wrong) -> ShapeError {
        ShapeError { path: path.into(), wrong, line: 0, column: 0 }
    }
}

pub const TRACK_KEYS: [&str; 4] = ["VideoTracks", "AudioTracks", "ImageTracks", "SubtitleTracks"];

/// True when a JSON object looks like an API Timeline.
pub fn looks_like_timeline(v: &Value) -> bool {
    v.as_object().is_some_and(|o| TRACK_KEYS.iter().any(|k| o.contains_key(*k)))
}

/// What the top level of a JSON document holds, found by one light pass that builds nothing.
#[derive(Debug, Default)]
pub struct TopLevel {
    /// `FormatVersion` (the largest, if given more than once): a vodcut project.
    pub format_version: Option<Value>,
    /// One of VideoTracks, AudioTracks, ImageTracks, SubtitleTracks: an API Timeline.
    pub has_tracks: bool,
    /// `Timeline`: request fields as `vodcut export` prints them.
    pub has_timeline: bool,
}

/// Reads only the top-level keys (and FormatVersion's value). Fails with a data error when
/// the document is not an object.
pub fn probe(bytes: &[u8]) -> serde_json::Result<TopLevel> {
    struct V;
    impl<'de> Visitor<'de> for V {
        type Value = TopLevel;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str(&Expected::Object.token())
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<TopLevel, A::Error> {
            let mut top = TopLevel::default();
            while let Some(key) = map.next_key::<Key>()? {
                match key.as_str() {
                    "FormatVersion" => {
                        let v: Value = map.next_value()?;
                        let newer = match (&top.format_version, v.as_u64()) {
                            (Some(old), Some(n)) => old.as_u64().is_some_and(|o| n > o),
                            _ => true,
                        };
                        if newer {
                            top.format_version = Some(v);
                        }
                    }
                    k => {
                        top.has_tracks |= TRACK_KEYS.contains(&k);
                        top.has_timeline |= k == "Timeline";
                        map.next_value::<IgnoredAny>()?;
                    }
                }
            }
            Ok(top)
        }
    }
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let top = de.deserialize_map(V)?;
    de.end()?;
    Ok(top)
}

/// Why typed reading failed: not JSON at all, or JSON of the wrong shape (with where).
#[derive(Debug)]
pub enum ParseError {
    Json(serde_json::Error),
    Shape(ShapeError),
}

/// Reads `bytes` as a `T`. The fast pass keeps no path; only when it fails on the shape is
/// the text read again, tracking where, so the message can say `Tracks[2].Clips[5].In`.
pub fn parse_typed<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, ParseError> {
    // Counted per parse: the second one below (for the error's path) starts afresh.
    let budget = super::budget::Budget::new(super::budget::MAX_PIECES);
    let e = match serde_json::from_slice::<T>(bytes) {
        Ok(v) => return Ok(v),
        Err(e) if e.classify() == serde_json::error::Category::Data => e,
        Err(e) => return Err(ParseError::Json(e)),
    };
    drop(budget);
    let _budget = super::budget::Budget::new(super::budget::MAX_PIECES);
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let (path, inner) = match serde_path_to_error::deserialize::<_, T>(&mut de) {
        Err(pe) => (pe.path().to_string(), pe.into_inner()),
        Ok(_) => (String::new(), e),
    };
    let path = if path == "." { String::new() } else { path };
    Err(ParseError::Shape(ShapeError { path, wrong: Wrong::of(&inner), line: inner.line(), column: inner.column() }))
}

fn import_error(e: ParseError, prefix: &str) -> ImportError {
    match e {
        ParseError::Json(e) => ImportError::NotJson(e),
        ParseError::Shape(mut e) => {
            e.path = match (prefix.is_empty(), e.path.is_empty()) {
                (true, _) => e.path,
                (false, true) => prefix.to_owned(),
                (false, false) => format!("{prefix}.{}", e.path),
            };
            ImportError::Shape(e)
        }
    }
}

/// API Timeline JSON text -> a new project.
pub fn import_timeline_str(text: &str) -> Result<Project, ImportError> {
    import_timeline_bytes(text.as_bytes())
}

/// API Timeline JSON (an object, a string holding one, or request fields as `vodcut export`
/// prints them) -> a new project.
pub fn import_timeline_bytes(bytes: &[u8]) -> Result<Project, ImportError> {
    import_at(bytes, "")
}

fn import_at(bytes: &[u8], prefix: &str) -> Result<Project, ImportError> {
    let top = match probe(bytes) {
        Ok(top) => top,
        Err(e) if e.classify() == serde_json::error::Category::Data => {
            // A string holding the Timeline, as GetEditingProject returns it.
            if let Ok(inner) = serde_json::from_slice::<String>(bytes) {
                return import_at(inner.as_bytes(), prefix);
            }
            return Err(ImportError::NotATimeline);
        }
        Err(e) => return Err(ImportError::NotJson(e)),
    };
    if top.has_timeline && !top.has_tracks {
        return import_request_fields(bytes);
    }
    if !top.has_tracks {
        return Err(ImportError::NotATimeline);
    }
    let tl: Timeline = parse_typed(bytes).map_err(|e| import_error(e, prefix))?;
    Ok(project_from_timeline(tl))
}

/// A JSON value holding a Timeline -> a new project.
pub fn import_timeline_value(value: Value) -> Result<Project, ImportError> {
    match value {
        Value::String(s) => import_timeline_str(&s),
        v => import_timeline_str(&v.to_string()),
    }
}

/// Linear in the number of tracks: each track's name comes from a running count per kind.
pub fn project_from_timeline(tl: Timeline) -> Project {
    let mut p = Project { timeline_extra: tl.extra, ..Project::default() };
    p.tracks.reserve(tl.video_tracks.len() + tl.audio_tracks.len() + tl.image_tracks.len() + tl.subtitle_tracks.len());
    let mut counts = [0usize; 4];
    let mut add = |kind: TrackKind, clips: Vec<Clip>, extra: Extra| {
        let n = &mut counts[kind as usize];
        *n += 1;
        let mut t = Track::new(kind, format!("{}{n}", kind.letter()));
        t.clips = clips;
        t.extra = extra;
        p.tracks.push(t);
    };
    // Display order is the UI's business; the model keeps the API's order per kind.
    for t in tl.video_tracks {
        add(TrackKind::Video, t.clips, t.extra);
    }
    for t in tl.audio_tracks {
        add(TrackKind::Audio, t.clips, t.extra);
    }
    for t in tl.image_tracks {
        add(TrackKind::Image, t.clips, t.extra);
    }
    for t in tl.subtitle_tracks {
        add(TrackKind::Subtitle, t.clips, t.extra);
    }
    p
}

/// Request fields as `vodcut export` prints them. The Timeline, most of the text, is borrowed
/// from it: a copy would double what opening the largest input holds.
struct RequestFields<'a> {
    timeline: Option<&'a serde_json::value::RawValue>,
    other: Extra,
}

impl<'de> serde::Deserialize<'de> for RequestFields<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = RequestFields<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(&Expected::Object.token())
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut out = RequestFields { timeline: None, other: Extra::new() };
                while let Some(key) = map.next_key::<Key>()? {
                    super::budget::take::<A::Error>()?;
                    let fresh = if key.as_str() == "Timeline" {
                        out.timeline.replace(map.next_value()?).is_none()
                    } else {
                        out.other.push_read(key.as_str().to_owned(), map.next_value_seed(super::json::RawSeed)?)
                    };
                    if !fresh {
                        return Err(super::json::duplicate(key.as_str()));
                    }
                }
                match out.other.duplicate_key() {
                    Some(key) => Err(super::json::duplicate(key)),
                    None => Ok(out),
                }
            }
        }
        d.deserialize_map(V)
    }
}

/// `{"Timeline": "...", "Title": "...", "MediaMetadata": "{...}", ...}` -> project.
fn import_request_fields(bytes: &[u8]) -> Result<Project, ImportError> {
    let budget = super::budget::Budget::new(super::budget::MAX_PIECES);
    let read: serde_json::Result<RequestFields> = serde_json::from_slice(bytes);
    drop(budget);
    let RequestFields { timeline, other: fields } = read.map_err(|e| {
        if e.classify() == serde_json::error::Category::Data {
            ImportError::Shape(ShapeError {
                path: String::new(),
                wrong: Wrong::of(&e),
                line: e.line(),
                column: e.column(),
            })
        } else {
            ImportError::NotJson(e)
        }
    })?;
    let timeline = timeline.map(|r| r.get()).unwrap_or("null"); // i18n-exempt: JSON
    let mut p = import_at(timeline.as_bytes(), "Timeline")?;
    let o: Map<String, Value> = fields
        .iter()
        .filter(|(k, _)| *k != "Timeline")
        .filter_map(|(k, raw)| Some((k.to_owned(), serde_json::from_str(raw.get()).ok()?)))
        .collect();
    let text = |k: &str| o.get(k).and_then(Value::as_str).unwrap_or("").to_owned();
    // Nested JSON either as an object or as the string the API carries.
    let object = |k: &str| -> Result<Map<String, Value>, ImportError> {
        match o.get(k) {
            None | Some(Value::Null) => Ok(Map::new()),
            Some(Value::Object(m)) => Ok(m.clone()),
            Some(Value::String(s)) if s.trim().is_empty() => Ok(Map::new()),
            Some(Value::String(s)) => match serde_json::from_str(s) {
                Ok(Value::Object(m)) => Ok(m),
                _ => Err(ImportError::Shape(ShapeError::at(k, Wrong::ExpectedJsonObject))),
            },
            Some(_) => Err(ImportError::Shape(ShapeError::at(k, Wrong::ExpectedJsonObject))),
        }
    };
    p.title = text("Title");
    p.description = text("Description");
    p.cover_url = text("CoverURL");
    p.app_id = text("AppId");
    p.project_id = Some(text("ProjectId")).filter(|s| !s.is_empty());
    let mm = object("MediaMetadata")?;
    let s = |m: &Map<String, Value>, k: &str| m.get(k).and_then(Value::as_str).unwrap_or("").to_owned();
    p.media_metadata = MediaMetadata {
        title: s(&mm, "Title"),
        description: s(&mm, "Description"),
        cover_url: s(&mm, "CoverURL"),
        cate_id: match mm.get("CateId") {
            Some(Value::Number(n)) => n.to_string(),
            _ => s(&mm, "CateId"),
        },
        tags: s(&mm, "Tags").split(',').map(str::trim).filter(|t| !t.is_empty()).map(String::from).collect(),
        other_fields: Extra::new(),
    };
    let pc = object("ProduceConfig")?;
    let dim = |k: &str| -> Result<Option<u32>, ImportError> {
        match pc.get(k) {
            None => Ok(None),
            Some(v) => v.as_u64().and_then(|n| u32::try_from(n).ok()).map(Some).ok_or_else(|| {
                ImportError::Shape(ShapeError::at(
                    format!("ProduceConfig.{k}"),
                    Wrong::Expected { expected: Expected::Pixels },
                ))
            }),
        }
    };
    p.produce_config = ProduceConfig {
        template_group_id: s(&pc, "TemplateGroupId"),
        template_id: s(&pc, "TemplateId"),
        width: dim("Width")?,
        height: dim("Height")?,
        storage_location: s(&pc, "StorageLocation"),
        other_fields: Extra::new(),
    };
    let ud = object("UserData")?;
    let cb = ud.get("MessageCallback").and_then(Value::as_object).cloned().unwrap_or_default();
    p.user_data = UserData {
        callback_url: s(&cb, "CallbackURL"),
        callback_type: s(&cb, "CallbackType"),
        extend: match ud.get("Extend") {
            None | Some(Value::Null) => String::new(),
            Some(Value::String(s)) => s.clone(),
            Some(v) => serde_json::to_string(v).unwrap_or_default(),
        },
        other_fields: Extra::new(),
    };
    Ok(p)
}

#[cfg(test)]
mod tests;
