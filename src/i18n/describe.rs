//! The words for what the model says as data: problems (a code, its arguments, a place), the
//! errors of reading JSON files, and the names of kinds, regions and untitled projects. One
//! function for each, used alike by the editor and the commands, so both say the same thing in
//! the user's language. docs/problems.md lists the problem codes.

use crate::model::project::{MediaKind, Project, TrackKind};
use crate::model::regions::Region;
use crate::model::validate::{Location, Problem, Severity};
use crate::t;

mod issue;
mod parse;

pub use issue::{family_name, message};
pub use parse::{import_error, shape, shape_at, syntax, syntax_words, wrong};

/// "error: track 2 (V1), clip 5, field Out: Out (5 s) must be after In (6 s)": a problem as
/// one line, as `validate` prints it and the editor lists it.
pub fn line(p: &Problem, project: &Project) -> String {
    let severity = severity(p.severity);
    let message = message(p, project);
    let place = place(&p.location, project);
    if place.is_empty() {
        t!("problem-line-unplaced", severity = severity, message = message)
    } else {
        t!("problem-line", severity = severity, place = place, message = message)
    }
}

/// "error", "warning".
pub fn severity(s: Severity) -> String {
    match s {
        Severity::Error => t!("problem-error"),
        Severity::Warning => t!("problem-warning"),
    }
}

/// "track 2 (V1), clip 5, effect 1 (Volume), field Out": where a problem is, naming the track
/// and the effect as `project` has them (empty for the project as a whole).
pub fn place(l: &Location, project: &Project) -> String {
    let mut parts = Vec::new();
    if let Some(t) = l.track {
        let name = project.tracks.get(t).map(|t| t.name.as_str()).unwrap_or("");
        parts.push(if name.is_empty() {
            t!("place-track", n = t + 1)
        } else {
            t!("place-track-named", n = t + 1, name = name)
        });
    }
    if let Some(c) = l.clip {
        parts.push(t!("place-clip", n = c + 1));
    }
    if let Some(e) = l.effect {
        let kind = l
            .track
            .zip(l.clip)
            .and_then(|(t, c)| project.tracks.get(t)?.clips.get(c)?.effects.get(e))
            .map(|e| e.type_name().to_owned())
            .unwrap_or_default();
        parts.push(t!("place-effect", n = e + 1, kind = kind));
    }
    if let Some(f) = l.field {
        parts.push(t!("place-field", field = f));
    }
    parts.join(&t!("place-separator"))
}

/// "video", "视频": a track kind as a word of a sentence ("the same video track").
pub fn kind_name(kind: TrackKind) -> String {
    match kind {
        TrackKind::Video => t!("kind-video"),
        TrackKind::Audio => t!("kind-audio"),
        TrackKind::Image => t!("kind-image"),
        TrackKind::Subtitle => t!("kind-subtitle"),
    }
}

/// "video", "image overlay": a track kind as a label (menus, the wrong-track refusal).
pub fn track_kind(kind: TrackKind) -> String {
    match kind {
        TrackKind::Video => t!("core-track-kind-video"),
        TrackKind::Audio => t!("core-track-kind-audio"),
        TrackKind::Image => t!("core-track-kind-image"),
        TrackKind::Subtitle => t!("core-track-kind-subtitle"),
    }
}

/// "video", "audio", "image": a kind of media.
pub fn media_kind(kind: MediaKind) -> String {
    match kind {
        MediaKind::Video => t!("kind-video"),
        MediaKind::Audio => t!("kind-audio"),
        MediaKind::Image => t!("kind-image"),
    }
}

/// A project's title, or "Untitled" (window title, job history, suggested file names).
pub fn project_title(project: &Project) -> String {
    project.shown_title().map_or_else(|| t!("project-untitled"), str::to_owned)
}

/// The console's name of a region ("China (Shanghai)"), or its ID when vodcut has none.
pub fn region_name(region: &Region) -> String {
    let key = match region.id {
        "cn-shanghai" => "core-region-shanghai",
        "cn-beijing" => "core-region-beijing",
        "cn-shenzhen" => "core-region-shenzhen",
        "cn-hangzhou" => "core-region-hangzhou",
        "cn-hongkong" => "core-region-hongkong",
        "ap-southeast-1" => "core-region-singapore",
        "ap-northeast-1" => "core-region-tokyo",
        "ap-southeast-5" => "core-region-jakarta",
        "ap-south-1" => "core-region-mumbai",
        "us-west-1" => "core-region-silicon-valley",
        "eu-central-1" => "core-region-frankfurt",
        "me-central-1" => "core-region-riyadh",
        "cn-north-2-gov-1" => "core-region-gov",
        other => return other.to_owned(),
    };
    super::tr(key)
}

#[cfg(test)]
mod tests;
