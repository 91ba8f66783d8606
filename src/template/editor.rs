//! What the editor shows of a template: every slot with its uses and sample value, and the
//! template checked as `vodcut validate TEMPLATE` checks it (filled with its samples, then
//! validated). No egui here: the editor's Template tab and Problems tab draw these.

use super::{FillProblem, SAMPLES_FIELD, Seg, Template, TemplateProblem};
use crate::model::Project;
use crate::model::validate::{Problem, validate};
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::Path;

/// One place a slot is used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SlotUse {
    /// "track 1 (V1), clip 2: MediaId", "MediaMetadata.Title".
    pub shown: String,
    /// The clip it is in (track, clip: 0-based), when it is in one.
    pub clip: Option<(usize, usize)>,
}

/// One slot of the project.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Slot {
    pub name: String,
    /// Its value in TemplateSamples (None: it has none).
    pub sample: Option<String>,
    pub uses: Vec<SlotUse>,
}

/// A template as the editor checks it.
#[derive(Clone, Debug, Default)]
pub struct Check {
    /// Every slot, sorted by name.
    pub slots: Vec<Slot>,
    /// What is wrong with the template itself (a slot that is not well formed).
    pub template: Vec<TemplateProblem>,
    /// What is wrong with the samples (a slot without one, a value its field cannot take).
    pub samples: Vec<FillProblem>,
    /// The project the samples make, and its problems, when they make one.
    pub filled: Option<(Project, Vec<Problem>)>,
}

impl Check {
    /// How many problems block a production of the filled template (each sample and template
    /// problem is one; warnings of the filled project are not counted).
    pub fn error_count(&self) -> usize {
        let filled = self
            .filled
            .as_ref()
            .map_or(0, |(_, p)| p.iter().filter(|p| p.severity == crate::model::validate::Severity::Error).count());
        self.template.len() + self.samples.len() + filled
    }

    /// The clip a sample problem is about: the first use of its slot inside a clip.
    pub fn clip_of(&self, slot: &str) -> Option<(usize, usize)> {
        self.slots.iter().find(|s| s.name == slot)?.uses.iter().find_map(|u| u.clip)
    }
}

/// Which parts of a project hold `{{`, remembered per track revision: learning that a long
/// project holds no slot does not write it out whole after every edit, only what changed.
#[derive(Default)]
pub struct SlotScan {
    tracks: Vec<(u64, bool)>,
}

impl SlotScan {
    /// Whether the project may be a template (some field holds `{{`). `revs`: the document's
    /// track revisions (a list of another length means every track may have changed).
    pub fn may_hold_slots(&mut self, project: &Project, revs: &[u64]) -> bool {
        let known = revs.len() == project.tracks.len();
        self.tracks.resize(project.tracks.len(), (u64::MAX, false));
        for (i, (track, seen)) in project.tracks.iter().zip(self.tracks.iter_mut()).enumerate() {
            let rev = if known { revs[i] } else { u64::MAX };
            if rev == u64::MAX || seen.0 != rev {
                *seen = (rev, has_braces(&serde_json::to_vec(track).unwrap_or_default()));
            }
        }
        let p = project;
        let rest = (
            &p.title,
            &p.description,
            &p.cover_url,
            &p.app_id,
            &p.media_metadata,
            &p.produce_config,
            &p.user_data,
            &p.markers,
            &p.bin,
            &p.other_fields,
        );
        self.tracks.iter().any(|t| t.1) || has_braces(&serde_json::to_vec(&rest).unwrap_or_default())
    }
}

fn has_braces(bytes: &[u8]) -> bool {
    bytes.windows(2).any(|w| w == b"{{")
}

/// The first slot a project still holds and where it is ("track 1 (V1), clip 2: MediaId"), or
/// None for a plain project: a template is produced row by row (`vodcut batch`), never as it
/// is (the braces would be billed into a video). Read as [`check`] reads it, so the refusal
/// and the Template tab agree; a `{{` that is not a well-formed slot (a subtitle's text) does
/// not count, a well-formed one counts even beside a broken one.
pub fn first_slot(project: &Project) -> Option<(String, String)> {
    let bytes = crate::store::project_file::to_bytes(project);
    if !has_braces(&bytes) {
        return None;
    }
    Template::slots_of_file(&bytes).into_iter().next().map(|u| (u.name, u.place.shown))
}

/// The project read as a template: None when it holds no `{{slot}}` (a plain project). The
/// project is written as its file is and read back as `vodcut batch` reads a template, so the
/// editor and the command line see the same slots in the same places.
pub fn check(project: &Project, path: &Path) -> Option<Check> {
    let bytes = crate::store::project_file::to_bytes(project);
    // Most projects hold no slot: no need to read them again.
    if !has_braces(&bytes) {
        return None;
    }
    let template = match Template::parse(&bytes) {
        Ok(t) if t.has_slots() => t,
        Ok(_) => return None,
        Err(problems) => return Some(Check { template: problems, ..Default::default() }),
    };
    let slots = slots(&template);
    match template.sample_project(path) {
        Ok(filled) => {
            let problems = validate(&filled);
            Some(Check { slots, filled: Some((filled, problems)), ..Default::default() })
        }
        Err(samples) => Some(Check { slots, samples, ..Default::default() }),
    }
}

fn slots(template: &Template) -> Vec<Slot> {
    let mut out: BTreeMap<&str, Slot> = BTreeMap::new();
    for u in template.uses() {
        let slot = out.entry(u.name.as_str()).or_insert_with(|| Slot {
            name: u.name.clone(),
            sample: template.samples().get(&u.name).cloned(),
            uses: Vec::new(),
        });
        slot.uses.push(SlotUse { shown: u.place.shown.clone(), clip: clip_at(&u.place.path) });
    }
    out.into_values().collect()
}

/// The clip a path into the project file is in: `Tracks[t].Clips[c]...`.
fn clip_at(path: &[Seg]) -> Option<(usize, usize)> {
    match path {
        [Seg::Key(tracks), Seg::Index(t), Seg::Key(clips), Seg::Index(c), ..]
            if tracks == "Tracks" && clips == "Clips" =>
        {
            Some((*t, *c))
        }
        _ => None,
    }
}

/// The TemplateSamples of `samples` with `slot` set to `value`, as the file holds them (the
/// samples of slots no longer used are kept: they are the user's).
pub fn with_sample(samples: Option<&Value>, slot: &str, value: &str) -> Value {
    let mut map = match samples {
        Some(Value::Object(m)) => m.clone(),
        _ => serde_json::Map::new(),
    };
    map.insert(slot.to_owned(), Value::String(value.to_owned()));
    Value::Object(map)
}

/// The project's TemplateSamples field as JSON (None when it has none).
pub fn samples_field(project: &Project) -> Option<Value> {
    project.other_fields.get_value(SAMPLES_FIELD)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::project_file;

    fn project(text: &str) -> Project {
        project_file::from_bytes(text.as_bytes(), Path::new("t.vodcut")).unwrap().project
    }

    const TEMPLATE: &str = r#"{"FormatVersion":1,"Title":"{{title}}","Tracks":[{"Kind":"Video","Name":"V1","Clips":[
        {"MediaId":"5aed81b74ba84920be578cdfe004af4b","Out":3},
        {"MediaId":"{{media}}","Out":4,"Effects":[{"Type":"Text","Content":"Now {{price}}"}]}]}],
        "TemplateSamples":{"media":"5aed81b74ba84920be578cdfe004af4b","title":"Sample","price":"$5"}}"#;

    #[test]
    fn a_plain_project_is_no_template() {
        let p = project(r#"{"FormatVersion":1,"Title":"Plain {not a slot}","Tracks":[]}"#);
        assert!(check(&p, Path::new("p.vodcut")).is_none());
    }

    #[test]
    fn slots_are_listed_with_their_clips_and_samples() {
        let c = check(&project(TEMPLATE), Path::new("t.vodcut")).unwrap();
        let names: Vec<&str> = c.slots.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["media", "price", "title"]);
        assert_eq!(c.slots[0].uses, [SlotUse { shown: "track 1, clip 2: MediaId".into(), clip: Some((0, 1)) }]);
        assert_eq!(c.slots[1].uses[0].clip, Some((0, 1)));
        assert_eq!(c.slots[2].uses, [SlotUse { shown: "Title".into(), clip: None }]);
        assert_eq!(c.slots[1].sample.as_deref(), Some("$5"));
        // Good samples: the filled project is checked, and it is fine.
        assert!(c.samples.is_empty() && c.template.is_empty());
        let (filled, problems) = c.filled.as_ref().unwrap();
        assert_eq!(filled.title, "Sample");
        assert_eq!(c.error_count(), 0, "{problems:?}");
    }

    #[test]
    fn a_bad_or_missing_sample_is_a_problem_naming_its_slot() {
        let mut p = project(TEMPLATE);
        let samples = with_sample(samples_field(&p).as_ref(), "media", " ");
        p.other_fields.set_value(SAMPLES_FIELD, Some(&samples));
        let c = check(&p, Path::new("t.vodcut")).unwrap();
        assert!(c.filled.is_none());
        assert_eq!(c.samples.len(), 1, "{:?}", c.samples);
        assert_eq!(c.samples[0].column.as_deref(), Some("media"));
        assert!(c.samples[0].message.contains("track 1, clip 2: MediaId"), "{}", c.samples[0].message);
        assert_eq!(c.clip_of("media"), Some((0, 1)));
        assert_eq!(c.error_count(), 1);
        // A slot without a sample says so.
        p.other_fields
            .set_value(SAMPLES_FIELD, Some(&serde_json::json!({"media": "5aed81b74ba84920be578cdfe004af4b"})));
        let c = check(&p, Path::new("t.vodcut")).unwrap();
        let cols: Vec<_> = c.samples.iter().filter_map(|s| s.column.as_deref()).collect();
        assert_eq!(cols, ["price", "title"]);
        assert_eq!(c.slots[1].sample, None);
    }

    #[test]
    fn the_scan_finds_slots_where_they_are_and_rescans_changed_tracks_only() {
        let mut p = project(TEMPLATE);
        let mut scan = SlotScan::default();
        assert!(scan.may_hold_slots(&p, &[1]));
        p.title = "Plain".into();
        p.tracks[0].clips[1].media_id = Some("5aed81b74ba84920be578cdfe004af4b".into());
        // The track's revision did not change: what was seen in it stands.
        assert!(scan.may_hold_slots(&p, &[1]));
        let effects = std::mem::take(&mut p.tracks[0].clips[1].effects);
        assert!(!scan.may_hold_slots(&p, &[2]));
        p.tracks[0].clips[1].effects = effects;
        assert!(scan.may_hold_slots(&p, &[3]));
        assert!(!SlotScan::default().may_hold_slots(&project(r#"{"FormatVersion":1,"Tracks":[]}"#), &[]));
    }

    #[test]
    fn setting_a_sample_keeps_the_others() {
        let v = with_sample(Some(&serde_json::json!({"a": "1", "old": 2})), "b", "x");
        assert_eq!(v, serde_json::json!({"a": "1", "old": 2, "b": "x"}));
        assert_eq!(with_sample(None, "b", ""), serde_json::json!({"b": ""}));
    }
}
