//! The end of an import: the project, and the report of what became of every source and of
//! everything the file had that the project could not carry. Nothing is left out silently.

use super::build::build;
use super::media::{Found, Resolution};
use super::otio_write::SOURCE_FILE_FIELD;
use super::sequence::{Note, Sequence};
use crate::model::Project;
use crate::t;

/// An imported project and its report.
#[derive(Clone, Debug)]
pub struct Imported {
    pub project: Project,
    /// One line per source (with its MediaId or why it has none), then the notes.
    pub report: Vec<String>,
    /// Sources left without a MediaId (their clips fail validation until they get one).
    pub missing: usize,
    /// Clips placed, and clips among them without a MediaId.
    pub clips: usize,
    pub clips_missing: usize,
}

/// Builds the project from `seq` with the MediaIds of `res`, and writes the report.
pub fn finish(seq: &Sequence, res: &Resolution) -> Imported {
    let (mut project, notes) = build(seq, &res.ids);
    for entry in &mut project.bin {
        let source = seq.sources.iter().zip(&res.ids).find(|(_, id)| id.as_deref() == Some(entry.media_id.as_str()));
        if let Some(path) = source.and_then(|(s, _)| s.path.as_deref()) {
            entry.other_fields.insert_value(SOURCE_FILE_FIELD, &serde_json::Value::String(path.to_owned()));
        }
    }
    let rate = project.frame_rate;
    let mut report = Vec::new();
    let mut uses = vec![0usize; seq.sources.len()];
    for c in seq.tracks.iter().flat_map(|t| &t.clips) {
        if let Some(u) = uses.get_mut(c.source) {
            *u += 1;
        }
    }
    let mut missing = 0;
    for (i, s) in seq.sources.iter().enumerate() {
        let shown = s.path.clone().unwrap_or_else(|| s.name.clone());
        let line = match (&res.ids[i], &res.found[i]) {
            (Some(id), Some(how)) => {
                let how = match how {
                    Found::InFile => t!("ix-found-in-file"),
                    Found::Map => t!("ix-found-map"),
                    Found::Library(title) => t!("ix-found-library", title = title.as_str()),
                    Found::Uploaded => t!("ix-found-uploaded"),
                };
                t!("ix-report-source", file = shown, id = id.as_str(), how = how, clips = uses[i])
            }
            _ => {
                missing += 1;
                t!("ix-report-missing", file = shown, clips = uses[i])
            }
        };
        report.push(line);
    }
    report.extend(res.problems.iter().cloned());
    let all: Vec<&Note> = seq.notes.iter().chain(&notes).collect();
    report.extend(all.iter().map(|n| t!("ix-report-note", note = n.describe(rate))));
    let clips = project.clip_count();
    let clips_missing = project.tracks.iter().flat_map(|t| &t.clips).filter(|c| c.media_id.is_none()).count();
    Imported { project, report, missing, clips, clips_missing }
}
