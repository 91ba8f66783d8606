//! Opening a template in the editor. A slot in a time or number field (a clip's In and Out,
//! ProduceConfig's Width) is text where the project holds a number, so the plain reader
//! refuses the file. Here such a field opens with its slot's sample value (0 without one: the
//! Template tab says the sample is missing) and the slot's text is kept beside it, in
//! [`TEMPLATE_SLOTS_FIELD`] of its clip (or of the project, for a field outside the clips);
//! the save writes the text back in place (`store::project_file::to_bytes`). A field follows
//! its clip when clips are moved, so the slot stays where the user put it. Slots in text
//! fields need none of this: they open as they are.

use super::{Kind, SAMPLES_FIELD, Seg, Template};
use crate::model::project::TEMPLATE_SLOTS_FIELD;
use crate::store::project_file::{self, FileError, Opened};
use crate::store::stamp::Stamp;
use serde_json::{Map, Value};
use std::collections::BTreeMap;
use std::path::Path;

/// [`project_file::open_stamped`], and a template with slots in time or number fields too.
pub fn open_stamped(path: &Path) -> Result<(Opened, Stamp), FileError> {
    match project_file::open_stamped(path) {
        Err(e @ FileError::Shape { .. }) => {
            // Read again only when the plain reader found a field of the wrong type.
            let Ok(bytes) = crate::store::input::read_file(path) else { return Err(e) };
            match from_bytes(&bytes, path) {
                Some(Ok(opened)) => Ok((opened, Stamp::of_bytes(&bytes, crate::store::stamp::modified(path)))),
                Some(Err(_)) | None => Err(e),
            }
        }
        other => other,
    }
}

/// The project a template's file opens as, or None when it is not a project file (with
/// `FormatVersion`) holding slots in time or number fields.
pub fn from_bytes(bytes: &[u8], path: &Path) -> Option<Result<Opened, FileError>> {
    let template = Template::parse(bytes).ok()?;
    let typed: Vec<_> = template.uses().iter().filter(|u| matches!(u.kind, Kind::Time | Kind::Number)).collect();
    let mut value = template.value.clone();
    if typed.is_empty() || value.get("FormatVersion").is_none() {
        return None;
    }
    let filled = filled_with_samples(&template)?;
    for u in typed {
        let Some(at) = pointer(&u.place.path) else { continue };
        let (Some(text), Some(sample)) = (value.pointer(&at).cloned(), filled.pointer(&at).cloned()) else {
            continue;
        };
        let (keeper, inner) = keeper_of(&mut value, &u.place.path)?;
        let dotted: Vec<String> = inner
            .iter()
            .map(|s| match s {
                Seg::Key(k) => k.clone(),
                Seg::Index(i) => i.to_string(),
                Seg::Text => String::new(),
            })
            .collect();
        let slots = keeper.entry(TEMPLATE_SLOTS_FIELD).or_insert_with(|| Value::Object(Map::new()));
        slots.as_object_mut()?.insert(dotted.join("."), text);
        *value.pointer_mut(&at)? = sample;
    }
    if !template.samples().is_empty() {
        let samples: Map<String, Value> =
            template.samples().iter().map(|(k, v)| (k.clone(), Value::from(v.as_str()))).collect();
        value.as_object_mut()?.insert(SAMPLES_FIELD.into(), Value::Object(samples));
    }
    let bytes = serde_json::to_vec(&value).ok()?;
    Some(project_file::from_bytes(&bytes, path))
}

/// The template filled with its samples, a slot without a usable one taking "0" (every
/// path stays where it was: only Tags change shape, and they are not typed here).
fn filled_with_samples(template: &Template) -> Option<Value> {
    let mut values: BTreeMap<String, String> = template.samples().clone();
    for name in template.names() {
        values.entry(name.to_owned()).or_insert_with(|| "0".into());
    }
    match template.fill(&values) {
        Ok(v) => Some(v),
        Err(problems) => {
            for p in problems {
                if let Some(c) = p.column {
                    values.insert(c, "0".into());
                }
            }
            template.fill(&values).ok()
        }
    }
}

/// The object that keeps a slot at `path` (its clip, or the project) and the path inside it.
fn keeper_of<'v>(value: &'v mut Value, path: &'v [Seg]) -> Option<(&'v mut Map<String, Value>, &'v [Seg])> {
    match path {
        [Seg::Key(tracks), Seg::Index(t), Seg::Key(clips), Seg::Index(c), rest @ ..]
            if tracks == "Tracks" && clips == "Clips" && !rest.contains(&Seg::Text) =>
        {
            let clip = value.get_mut("Tracks")?.get_mut(*t)?.get_mut("Clips")?.get_mut(*c)?;
            Some((clip.as_object_mut()?, rest))
        }
        _ if !path.contains(&Seg::Text) => Some((value.as_object_mut()?, path)),
        _ => None,
    }
}

/// `path` as a JSON pointer (`/Tracks/0/Clips/1/In`); None for a place inside a string's JSON.
fn pointer(path: &[Seg]) -> Option<String> {
    let mut out = String::new();
    for s in path {
        match s {
            Seg::Key(k) => out.push_str(&format!("/{}", k.replace('~', "~0").replace('/', "~1"))),
            Seg::Index(i) => out.push_str(&format!("/{i}")),
            Seg::Text => return None,
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEMPLATE: &str = r#"{
  "FormatVersion": 1,
  "Title": "{{title}}",
  "Tracks": [
    {"Kind": "Video", "Name": "V1", "Clips": [{"MediaId": "{{media}}", "In": "{{start}}", "Out": "{{end}}"}]}
  ],
  "ProduceConfig": {"Width": "{{w}}", "Height": 720},
  "TemplateSamples": {"title": "Sample", "media": "00000000000000000000000000000000", "start": "1.5", "end": "4"}
}"#;

    #[test]
    fn typed_slots_open_with_their_samples_and_are_saved_back_as_slots() {
        let opened = from_bytes(TEMPLATE.as_bytes(), Path::new("t.vodcut")).expect("a template").unwrap();
        let p = &opened.project;
        let clip = &p.tracks[0].clips[0];
        assert_eq!(clip.media_id.as_deref(), Some("{{media}}"), "text slots stay as they are");
        assert_eq!(p.title, "{{title}}");
        assert_eq!((clip.r#in.map(|t| t.as_secs_f64()), clip.out.map(|t| t.as_secs_f64())), (Some(1.5), Some(4.0)));
        assert_eq!(p.produce_config.width, Some(0), "no sample: 0, and the Template tab says so");

        let saved: Value = serde_json::from_slice(&project_file::to_bytes(p)).unwrap();
        let original: Value = serde_json::from_str(TEMPLATE).unwrap();
        assert_eq!(saved["Tracks"][0]["Clips"][0]["In"], "{{start}}");
        assert_eq!(saved["Tracks"][0]["Clips"][0]["Out"], "{{end}}");
        assert_eq!(saved["ProduceConfig"]["Width"], "{{w}}");
        assert!(saved["Tracks"][0]["Clips"][0].get(TEMPLATE_SLOTS_FIELD).is_none());
        assert!(saved.get(TEMPLATE_SLOTS_FIELD).is_none());
        assert_eq!(saved["TemplateSamples"], original["TemplateSamples"]);
        // What the editor saves is the template `vodcut batch` reads: the same slots.
        let again = Template::parse(&project_file::to_bytes(p)).unwrap();
        let names: Vec<_> = again.names().into_iter().collect();
        assert_eq!(names, ["end", "media", "start", "title", "w"]);
    }

    #[test]
    fn a_plain_project_or_a_text_only_template_is_not_taken() {
        assert!(from_bytes(br#"{"FormatVersion": 1, "Title": "{{t}}", "Tracks": []}"#, Path::new("a")).is_none());
        assert!(from_bytes(br#"{"FormatVersion": 1, "Tracks": []}"#, Path::new("a")).is_none());
    }
}
