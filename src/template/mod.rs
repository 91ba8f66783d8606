//! Templates: a project whose string fields hold `{{name}}` slots, filled from a row of values
//! to make one project per row (`vodcut batch`).
//!
//! A template is worked on as the JSON of its file, not as a [`Project`]: a slot may stand
//! where the file holds a number (`"In": "{{start}}"`), which no project can hold. Filling
//! puts each value in its place, typed by the field it fills (a time or a number becomes a
//! JSON number, a MediaId must be one word...), and the filled JSON is then opened exactly as
//! a project file is, with the same checks and the same messages.
//!
//! The template's sample values (`"TemplateSamples": {"name": "value"}` at the top of the
//! file, kept by the editor like any field it does not know) fill it for validation.

pub mod editor;
pub mod open;
pub mod rows;
pub mod variants;

use crate::model::Project;
use serde_json::{Map, Value};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The top-level field holding the sample value of each slot.
pub const SAMPLES_FIELD: &str = crate::model::project::TEMPLATE_SAMPLES_FIELD;

/// The most a template file may be (its JSON is held whole, several times over while rows are
/// filled).
pub const MAX_TEMPLATE_BYTES: u64 = 32 * 1024 * 1024;

/// What a slot fills, decided by the field it is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// MediaId, ImageId: one word, not empty.
    Media,
    /// In, Out, TimelineIn, TimelineOut, Duration: seconds or a timecode; a JSON number.
    Time,
    /// X, Y, Width, Height, FontSize, Gain...: a number; a JSON number.
    Number,
    /// An element of Tags: a comma-separated list of tags, each its own element.
    Tags,
    /// Any other text (Title, Content, a value inside UserData.Extend...).
    Text,
}

/// Where a slot is: a path into the file's JSON, and the words that place it for a person.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Place {
    pub path: Vec<Seg>,
    /// "track 2 (V1), clip 1: MediaId", "MediaMetadata.Title".
    pub shown: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Seg {
    Key(String),
    Index(usize),
    /// Inside the JSON text of a string field (UserData.Extend).
    Text,
}

/// One use of a slot in the template.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Use {
    pub name: String,
    pub kind: Kind,
    pub place: Place,
}

/// Something wrong with the template itself (whatever the rows hold).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TemplateProblem {
    pub place: String,
    pub message: String,
}

impl std::fmt::Display for TemplateProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.place, self.message)
    }
}

/// Something wrong with one row's value for a slot.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FillProblem {
    /// The column (slot name), when the problem is one value's.
    pub column: Option<String>,
    pub message: String,
}

/// A template read from its file.
#[derive(Clone, Debug)]
pub struct Template {
    value: Value,
    uses: Vec<Use>,
    samples: BTreeMap<String, String>,
}

impl Template {
    /// Reads a template from the JSON of a `.vodcut` file (or an API Timeline). A slot that is
    /// not well formed, or a time or number field holding text around its slot, is refused.
    pub fn parse(bytes: &[u8]) -> Result<Template, Vec<TemplateProblem>> {
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        // How many values and how deep, before serde_json builds them all.
        crate::interchange::bounds::check_json(bytes)
            .map_err(|e| vec![TemplateProblem { place: crate::t!("template-place-file"), message: e.to_string() }])?;
        let mut value: Value = serde_json::from_slice(bytes).map_err(|e| {
            vec![TemplateProblem {
                place: crate::t!("template-place-file"),
                message: crate::t!("template-not-json", line = e.line(), column = e.column()),
            }]
        })?;
        let Some(top) = value.as_object_mut() else {
            return Err(vec![TemplateProblem {
                place: crate::t!("template-place-file"),
                message: crate::t!("template-not-object"),
            }]);
        };
        let samples = match top.shift_remove(SAMPLES_FIELD) {
            None => BTreeMap::new(),
            Some(Value::Object(m)) => m.into_iter().filter_map(|(k, v)| Some((k, scalar_text(&v)?))).collect(),
            Some(_) => {
                return Err(vec![TemplateProblem {
                    place: SAMPLES_FIELD.into(),
                    message: crate::t!("template-samples-not-object"),
                }]);
            }
        };
        let mut scan = Scan::default();
        scan.value(&value, &mut Vec::new());
        if !scan.problems.is_empty() {
            return Err(scan.problems);
        }
        Ok(Template { value, uses: scan.uses, samples })
    }

    /// The well-formed slots of a project file's JSON, in the file's order, even when another
    /// `{{` beside them is not well formed (which makes [`Template::parse`] refuse the file):
    /// the refusal to produce a template must not be escaped by one broken slot.
    pub fn slots_of_file(bytes: &[u8]) -> Vec<Use> {
        let Ok(mut value) = serde_json::from_slice::<Value>(bytes) else { return Vec::new() };
        if let Some(top) = value.as_object_mut() {
            top.shift_remove(SAMPLES_FIELD);
        }
        let mut scan = Scan::default();
        scan.value(&value, &mut Vec::new());
        scan.uses
    }

    /// Every use of every slot, in the file's order.
    pub fn uses(&self) -> &[Use] {
        &self.uses
    }

    /// The slot names, sorted.
    pub fn names(&self) -> BTreeSet<&str> {
        self.uses.iter().map(|u| u.name.as_str()).collect()
    }

    pub fn has_slots(&self) -> bool {
        !self.uses.is_empty()
    }

    /// The sample value of each slot that has one.
    pub fn samples(&self) -> &BTreeMap<String, String> {
        &self.samples
    }

    /// The template's JSON with `values` in its slots (every problem of the row at once).
    /// Values naming no slot are not looked at (the caller warns about such columns once).
    pub fn fill(&self, values: &BTreeMap<String, String>) -> Result<Value, Vec<FillProblem>> {
        let mut problems = Vec::new();
        // Each slot's value once, typed for each of its uses.
        for name in self.names() {
            if !values.contains_key(name) {
                let at: Vec<&str> =
                    self.uses.iter().filter(|u| u.name == name).map(|u| u.place.shown.as_str()).collect();
                problems.push(FillProblem {
                    column: Some(name.to_owned()),
                    message: crate::t!("template-no-value", name = name, place = at.join("; ")),
                });
            }
        }
        let frame_rate = self.frame_rate();
        let mut out = self.value.clone();
        fill_value(&mut out, values, frame_rate, &mut Vec::new(), &mut problems);
        if problems.is_empty() { Ok(out) } else { Err(problems) }
    }

    /// The project `values` make: filled, then opened as a project file is (`path` names it
    /// in messages). The filled project is a new production: the template's ProjectId (the
    /// cloud project its own productions update) is not carried.
    pub fn project(&self, values: &BTreeMap<String, String>, path: &Path) -> Result<Project, Vec<FillProblem>> {
        let filled = self.fill(values)?;
        let bytes = serde_json::to_vec(&filled).unwrap_or_default();
        let opened = crate::store::project_file::from_bytes(&bytes, path)
            .map_err(|e| vec![FillProblem { column: None, message: e.to_string() }])?;
        let mut project = opened.project;
        project.project_id = None;
        Ok(project)
    }

    /// The template filled with its sample values (validation of the template itself).
    pub fn sample_project(&self, path: &Path) -> Result<Project, Vec<FillProblem>> {
        self.project(&self.samples, path)
    }

    fn frame_rate(&self) -> crate::model::FrameRate {
        self.value
            .get("FrameRate")
            .and_then(|v| serde_json::from_value::<crate::model::FrameRate>(v.clone()).ok())
            .unwrap_or_default()
    }
}

/// A sample or row value that is a JSON string or number, as text.
pub fn scalar_text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// The slots of one string: each `{{name}}` with its byte range, or what is wrong.
fn slots_in(s: &str) -> Result<Vec<(std::ops::Range<usize>, String)>, String> {
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(open) = s[at..].find("{{").map(|i| at + i) {
        let Some(close) = s[open + 2..].find("}}").map(|i| open + 2 + i) else {
            return Err(crate::t!("template-unclosed"));
        };
        let name = s[open + 2..close].trim();
        if !is_slot_name(name) {
            return Err(crate::t!("template-bad-name", name = crate::i18n::format::shortened(name, 40)));
        }
        out.push((open..close + 2, name.to_owned()));
        at = close + 2;
    }
    Ok(out)
}

/// The names of the well-formed slots in `s`, in order (for the editor: a clip's field).
pub fn slot_names(s: &str) -> Vec<String> {
    slots_in(s).map(|found| found.into_iter().map(|(_, name)| name).collect()).unwrap_or_default()
}

/// The slots a clip holds, with the field each is in: its MediaId/ImageId, text, and its
/// effects' text (what the editor can show of a template: its string fields).
pub fn clip_slots(clip: &crate::model::wire::Clip) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut add = |field: &str, v: Option<&str>| {
        for name in slot_names(v.unwrap_or_default()) {
            out.push((field.to_owned(), name));
        }
    };
    add("MediaId", clip.media_id.as_deref());
    add("ImageId", clip.image_id.as_deref());
    add("Content", clip.content.as_deref());
    for e in &clip.effects {
        if let crate::model::wire::Effect::Known(k) = e {
            add("Content", k.content.as_deref());
        }
    }
    // Time and number fields keep their slots beside them while the editor holds the samples
    // (template::open).
    if let Some(Value::Object(kept)) = clip.extra.get_value(crate::model::project::TEMPLATE_SLOTS_FIELD) {
        for (field, text) in kept {
            add(&field, text.as_str());
        }
    }
    out
}

/// A project's sample values (its TemplateSamples, kept by the editor as a field it does not
/// know).
pub fn samples_of(project: &Project) -> BTreeMap<String, String> {
    match project.other_fields.get_value(SAMPLES_FIELD) {
        Some(Value::Object(m)) => text_map(&m),
        _ => BTreeMap::new(),
    }
}

/// Letters (any script), digits, `_`, `-`, `.`; at most 64 characters.
pub fn is_slot_name(name: &str) -> bool {
    (1..=64).contains(&name.chars().count()) && name.chars().all(|c| c.is_alphanumeric() || "_-.".contains(c))
}

fn kind_of(path: &[Seg]) -> Kind {
    let key = path.iter().rev().find_map(|s| match s {
        Seg::Key(k) => Some(k.as_str()),
        _ => None,
    });
    if path.contains(&Seg::Text) {
        return Kind::Text;
    }
    if matches!(path.last(), Some(Seg::Index(_))) && key == Some("Tags") {
        return Kind::Tags;
    }
    match key {
        Some("MediaId" | "ImageId") => Kind::Media,
        Some("In" | "Out" | "TimelineIn" | "TimelineOut" | "Duration") => Kind::Time,
        Some("X" | "Y" | "Width" | "Height" | "FontSize" | "FontColorOpacity" | "Gain" | "Radius") => Kind::Number,
        _ => Kind::Text,
    }
}

/// Is the string at `path` the JSON text of a UserData's Extend (its values are slots' too)?
fn is_extend(path: &[Seg]) -> bool {
    matches!(path, [Seg::Key(u), Seg::Key(e)] if u == "UserData" && e == "Extend")
}

#[derive(Default)]
struct Scan {
    uses: Vec<Use>,
    problems: Vec<TemplateProblem>,
}

impl Scan {
    fn value(&mut self, v: &Value, path: &mut Vec<Seg>) {
        match v {
            Value::Object(m) => {
                for (k, v) in m {
                    path.push(Seg::Key(k.clone()));
                    self.value(v, path);
                    path.pop();
                }
            }
            Value::Array(a) => {
                for (i, v) in a.iter().enumerate() {
                    path.push(Seg::Index(i));
                    self.value(v, path);
                    path.pop();
                }
            }
            Value::String(s) if is_extend(path) => match serde_json::from_str::<Value>(s) {
                // Its values are filled inside the JSON, escaped as JSON strings.
                Ok(inner) => {
                    path.push(Seg::Text);
                    self.value(&inner, path);
                    path.pop();
                }
                Err(_) => self.string(s, path),
            },
            Value::String(s) => self.string(s, path),
            _ => {}
        }
    }

    fn string(&mut self, s: &str, path: &[Seg]) {
        if !s.contains("{{") {
            return;
        }
        let place = Place { path: path.to_vec(), shown: shown(path) };
        match slots_in(s) {
            Err(message) => self.problems.push(TemplateProblem { place: place.shown, message }),
            Ok(found) => {
                let kind = kind_of(path);
                let whole = found.len() == 1 && found[0].0 == (0..s.len());
                if matches!(kind, Kind::Time | Kind::Number | Kind::Tags) && !whole {
                    self.problems.push(TemplateProblem {
                        place: place.shown.clone(),
                        message: crate::t!("template-not-whole", text = crate::i18n::format::shortened(s, 60)),
                    });
                }
                for (_, name) in found {
                    self.uses.push(Use { name, kind, place: place.clone() });
                }
            }
        }
    }
}

/// The words placing `path` for a person: a clip's track and number, else the field's path.
fn shown(path: &[Seg]) -> String {
    let mut words = Vec::new();
    let mut i = 0;
    let mut field = Vec::new();
    while i < path.len() {
        match (&path[i], path.get(i + 1)) {
            (Seg::Key(k), Some(Seg::Index(n))) if k == "Tracks" || k.ends_with("Tracks") => {
                words.push(crate::t!("template-place-track", n = n + 1));
                i += 2;
            }
            (Seg::Key(k), Some(Seg::Index(n))) if k == "Clips" || k.ends_with("TrackClips") => {
                words.push(crate::t!("template-place-clip", n = n + 1));
                i += 2;
            }
            (Seg::Key(k), Some(Seg::Index(n))) if k == "Effects" => {
                words.push(crate::t!("template-place-effect", n = n + 1));
                i += 2;
            }
            (Seg::Key(k), Some(Seg::Index(n))) => {
                field.push(format!("{k}[{}]", n + 1));
                i += 2;
            }
            (Seg::Key(k), _) => {
                field.push(k.clone());
                i += 1;
            }
            (Seg::Index(n), _) => {
                field.push(format!("[{}]", n + 1));
                i += 1;
            }
            (Seg::Text, _) => i += 1,
        }
    }
    let field = field.join(".");
    if words.is_empty() { field } else { format!("{}: {field}", words.join(", ")) }
}

/// Fills every slot under `v` (at `path`), collecting what is wrong with the values.
fn fill_value(
    v: &mut Value,
    values: &BTreeMap<String, String>,
    rate: crate::model::FrameRate,
    path: &mut Vec<Seg>,
    problems: &mut Vec<FillProblem>,
) {
    match v {
        Value::Object(m) => {
            for (k, v) in m.iter_mut() {
                path.push(Seg::Key(k.clone()));
                fill_value(v, values, rate, path, problems);
                path.pop();
            }
        }
        Value::Array(a) => {
            let tags = path.last() == Some(&Seg::Key("Tags".into()));
            let mut out = Vec::with_capacity(a.len());
            for (i, mut item) in std::mem::take(a).into_iter().enumerate() {
                path.push(Seg::Index(i));
                if tags
                    && let Value::String(s) = &item
                    && let Ok(found) = slots_in(s)
                    && found.len() == 1
                    && found[0].0 == (0..s.len())
                {
                    // One slot standing for a whole element: its value is a list of tags.
                    if let Some(text) = values.get(&found[0].1) {
                        out.extend(text.split([',', '，']).map(str::trim).filter(|t| !t.is_empty()).map(Value::from));
                    }
                    path.pop();
                    continue;
                }
                fill_value(&mut item, values, rate, path, problems);
                out.push(item);
                path.pop();
            }
            *a = out;
        }
        Value::String(s) if s.contains("{{") || is_extend(path) => {
            if is_extend(path)
                && let Ok(mut inner) = serde_json::from_str::<Value>(s)
            {
                path.push(Seg::Text);
                fill_value(&mut inner, values, rate, path, problems);
                path.pop();
                *v = Value::String(serde_json::to_string(&inner).unwrap_or_default());
                return;
            }
            if let Some(filled) = fill_string(s, values, rate, path, problems) {
                *v = filled;
            }
        }
        _ => {}
    }
}

/// One string with its slots filled: a JSON number where the field is a time or a number.
fn fill_string(
    s: &str,
    values: &BTreeMap<String, String>,
    rate: crate::model::FrameRate,
    path: &[Seg],
    problems: &mut Vec<FillProblem>,
) -> Option<Value> {
    let found = slots_in(s).ok()?;
    let kind = kind_of(path);
    let place = shown(path);
    let mut out = String::with_capacity(s.len());
    let mut at = 0;
    for (range, name) in &found {
        out.push_str(&s[at..range.start]);
        at = range.end;
        // A missing value is said once per slot, by the caller.
        let Some(value) = values.get(name) else { continue };
        let bad = |message: String| FillProblem {
            column: Some(name.clone()),
            message: crate::t!("template-bad-value", place = place.as_str(), problem = message),
        };
        match kind {
            Kind::Media => {
                let v = value.trim();
                if v.is_empty() {
                    problems.push(bad(crate::t!("template-media-empty")));
                } else if v.chars().any(|c| c.is_whitespace() || c.is_control() || c == ',') || v.len() > 128 {
                    problems
                        .push(bad(crate::t!("template-media-not-id", text = crate::i18n::format::shortened(v, 40))));
                }
                out.push_str(v);
            }
            Kind::Time => match parse_time(value, rate) {
                Some(t) => return Some(Value::Number(t.to_json_number())),
                None => {
                    problems.push(bad(crate::t!("template-not-time", text = crate::i18n::format::shortened(value, 40))))
                }
            },
            Kind::Number => match crate::model::wire::Num::parse(value) {
                Some(n) if n.value().is_finite() => return Some(Value::Number(n.number)),
                _ => problems
                    .push(bad(crate::t!("template-not-number", text = crate::i18n::format::shortened(value, 40)))),
            },
            Kind::Tags | Kind::Text => out.push_str(value),
        }
    }
    out.push_str(&s[at..]);
    Some(Value::String(out))
}

/// Seconds (`12.5`) or a timecode at the template's frame rate (`00:00:12:12`), 0 or more.
pub fn parse_time(text: &str, rate: crate::model::FrameRate) -> Option<crate::model::Time> {
    use crate::i18n::Clock;
    use crate::model::Time;
    use crate::model::time::TimeUnit;
    let text = text.trim();
    let t = if text.contains([':', ';']) {
        Clock::new(rate, TimeUnit::Timecode).parse(text, Time::ZERO).ok()
    } else {
        Time::parse_secs(text)
    };
    t.filter(|t| *t >= Time::ZERO)
}

/// The map of a JSON object's scalar values (a sample list, a JSON row).
pub fn text_map(m: &Map<String, Value>) -> BTreeMap<String, String> {
    m.iter().filter_map(|(k, v)| Some((k.clone(), scalar_text(v)?))).collect()
}

#[cfg(test)]
mod tests;
