//! Every documented rule, as a list of problems with a path to the offending item.
//!
//! Errors block production; warnings ask the user to confirm. Rules the reference marks
//! UNSURE are warnings unless breaking them certainly fails, so the app never blocks a
//! production the service would accept, but never sends one without saying so.

use super::export::has_exported_clips;
use super::project::{DEFAULT_REGION, Project, TrackKind};
use clips::{clip_rules, overlap_rule};
mod issue;
mod source;
pub use issue::{Issue, Quoted, TextField, cut};
use serde_json::Value;
use std::collections::HashSet;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// Asks for confirmation before production.
    Warning,
    /// Blocks production.
    Error,
}

/// Where a problem is. Indexes are 0-based into `Project::tracks`, the track's clips and the
/// clip's effects; `field` is the API field name.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Location {
    pub track: Option<usize>,
    pub clip: Option<usize>,
    pub effect: Option<usize>,
    pub field: Option<&'static str>,
}

impl Location {
    pub fn field(field: &'static str) -> Self {
        Location { field: Some(field), ..Default::default() }
    }
}

/// One problem: how bad, where, and what (a code with its arguments). No words: the faces
/// make them (`i18n::describe`), so the same problem reads in either language.
#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    pub severity: Severity,
    pub location: Location,
    pub issue: Issue,
}

pub fn has_errors(problems: &[Problem]) -> bool {
    problems.iter().any(|p| p.severity == Severity::Error)
}

pub const MAX_TRACKS_PER_KIND: usize = 100;
pub const MAX_MATERIALS: usize = 200;
pub const MAX_TITLE_BYTES: usize = 128;
pub const MAX_DESCRIPTION_BYTES: usize = 1024;
pub const MAX_TAGS: usize = 16;
pub const MAX_TAG_BYTES: usize = 32;
pub const MIN_SIDE: u32 = 128;
pub const MAX_SIDE: u32 = 4096;
pub const MAX_SHORT_SIDE: u32 = 2160;
pub const MAX_EXTEND_BYTES: usize = 512;
/// The Java SDK's comment on UserData (UNSURE: the Extend doc allows 512 bytes on its own).
pub const USER_DATA_SOFT_LIMIT: usize = 256;

pub const ALIGNMENTS: [&str; 9] = [
    "BottomLeft",
    "BottomCenter",
    "BottomRight",
    "CenterLeft",
    "CenterCenter",
    "CenterRight",
    "TopLeft",
    "TopCenter",
    "TopRight",
];

/// Regions whose output may omit StorageLocation.
fn storage_optional(region: &str) -> bool {
    region == DEFAULT_REGION
}

struct Out<'p> {
    project: &'p Project,
    problems: Vec<Problem>,
}

impl Out<'_> {
    fn push(&mut self, severity: Severity, location: Location, issue: Issue) {
        self.problems.push(Problem { severity, location, issue });
    }

    fn error(&mut self, location: Location, issue: Issue) {
        self.push(Severity::Error, location, issue);
    }

    fn warn(&mut self, location: Location, issue: Issue) {
        self.push(Severity::Warning, location, issue);
    }
}

/// Checks the project against every rule the reference documents.
pub fn validate(project: &Project) -> Vec<Problem> {
    validate_cached(project, &[], &mut ValidationCache::default())
}

/// What one track contributed to the last validation, kept for the next.
#[derive(Clone, Debug, Default)]
struct TrackResult {
    key: u64,
    problems: Vec<Problem>,
    /// The distinct media the track's clips use.
    materials: Vec<String>,
}

/// Per-track results between runs of [`validate_cached`], so that after an edit of one
/// track of a 100 000-clip project only that track is checked again.
#[derive(Clone, Debug, Default)]
pub struct ValidationCache {
    tracks: Vec<Option<TrackResult>>,
}

/// Like [`validate`] (same problems, same order), reusing the cached result of every track
/// whose key is unchanged. `keys` holds one number per track that changes whenever the
/// track or anything it depends on does (see `Document::track_revisions`); without a key
/// for each track (an empty slice), every track is checked.
pub fn validate_cached(project: &Project, keys: &[u64], cache: &mut ValidationCache) -> Vec<Problem> {
    let mut out = Out { project, problems: Vec::new() };
    project_rules(&mut out);
    let durations = project.media_durations();
    if keys.len() != project.tracks.len() {
        // Nothing is kept for next time: each track's problems go straight into the one list,
        // so it is never held beside per-track copies (800 000 problems of a big Timeline are
        // hundreds of MB, most of it the problems themselves now that they hold no sentences).
        cache.tracks.clear();
        let mut materials: HashSet<String> = HashSet::new();
        for ti in 0..project.tracks.len() {
            let (problems, used) = track_rules(project, ti, &durations);
            // Grown by a quarter rather than doubled: a doubled list of 800 000 problems may
            // hold room for 600 000 more, as much as the problems themselves.
            let (len, cap) = (out.problems.len(), out.problems.capacity());
            if len + problems.len() > cap {
                out.problems.reserve_exact(problems.len().max(cap / 4));
            }
            out.problems.extend(problems);
            materials.extend(used);
        }
        whole_project_rules(&mut out, materials.len());
        return out.problems;
    }
    cache.tracks.resize(project.tracks.len(), None);
    for (ti, &key) in keys.iter().enumerate() {
        if cache.tracks[ti].as_ref().is_none_or(|r| r.key != key) {
            let (mut problems, used) = track_rules(project, ti, &durations);
            // Kept while the other tracks are checked (and between checks in the editor).
            problems.shrink_to_fit();
            cache.tracks[ti] = Some(TrackResult { key, problems, materials: used });
        }
    }
    let mut materials: HashSet<&str> = HashSet::new();
    out.problems.reserve_exact(cache.tracks.iter().flatten().map(|r| r.problems.len()).sum());
    for r in cache.tracks.iter().flatten() {
        out.problems.extend_from_slice(&r.problems);
        materials.extend(r.materials.iter().map(String::as_str));
    }
    let n = materials.len();
    drop(materials);
    whole_project_rules(&mut out, n);
    out.problems
}

/// The rules about the project as a whole that need every track's result: tracks of a kind,
/// distinct media (`materials` of them).
fn whole_project_rules(out: &mut Out, materials: usize) {
    for kind in TrackKind::ALL {
        let n = out.project.tracks.iter().filter(|t| t.kind == kind && !t.hidden).count();
        if n > MAX_TRACKS_PER_KIND {
            out.error(Location::default(), Issue::TooManyTracks { n, kind, max: MAX_TRACKS_PER_KIND });
        }
    }
    if materials > MAX_MATERIALS {
        out.error(Location::default(), Issue::TooManyMedia { n: materials, max: MAX_MATERIALS });
    }
}

/// [`validate_cached`] spread over calls: the tracks whose key changed are checked until
/// `budget` is spent and the rest on the next call (at least one per call). Returns the
/// problems once every track is current, `None` while some are left: the editor keeps
/// showing the last complete result meanwhile, so an edit of every track of a 100 000-clip
/// project (~15 ms to check them all) does not stall one frame.
pub fn validate_within(
    project: &Project,
    keys: &[u64],
    cache: &mut ValidationCache,
    budget: std::time::Duration,
) -> Option<Vec<Problem>> {
    if keys.len() != project.tracks.len() {
        return Some(validate_cached(project, keys, cache));
    }
    cache.tracks.resize(project.tracks.len(), None);
    let durations = project.media_durations();
    let start = std::time::Instant::now();
    let mut checked = 0;
    for (ti, &key) in keys.iter().enumerate() {
        if cache.tracks[ti].as_ref().is_some_and(|r| r.key == key) {
            continue;
        }
        if checked > 0 && start.elapsed() >= budget {
            return None;
        }
        checked += 1;
        let (problems, materials) = track_rules(project, ti, &durations);
        cache.tracks[ti] = Some(TrackResult { key, problems, materials });
    }
    // Every track is current: this only puts the results together.
    Some(validate_cached(project, keys, cache))
}

/// The problems of one track, and the distinct media it uses (none when it is hidden: it
/// is not produced).
fn track_rules(
    project: &Project,
    ti: usize,
    durations: &std::collections::HashMap<&str, super::time::Time>,
) -> (Vec<Problem>, Vec<String>) {
    let mut out = Out { project, problems: Vec::new() };
    let track = &project.tracks[ti];
    if track.hidden {
        if !track.clips.is_empty() {
            let n = track.clips.len();
            out.warn(
                Location { track: Some(ti), ..Default::default() },
                if track.kind.is_audible() { Issue::TrackMutedLeftOut { n } } else { Issue::TrackHiddenLeftOut { n } },
            );
        }
        return (out.problems, Vec::new());
    }
    if track.kind == TrackKind::Subtitle && !track.clips.is_empty() {
        out.warn(Location { track: Some(ti), ..Default::default() }, Issue::SubtitleUnconfirmed);
    }
    let mut materials: HashSet<&str> = HashSet::new();
    for (ci, clip) in track.clips.iter().enumerate() {
        if let Some(id) = clip.material_id() {
            materials.insert(id);
        }
        clip_rules(&mut out, track, ti, ci, clip);
    }
    overlap_rule(&mut out, track, ti, durations);
    source::length_rule(&mut out, track, ti, durations);
    let materials = materials.into_iter().map(str::to_owned).collect();
    (out.problems, materials)
}

/// The "nothing to produce" error (the editor shows an empty new project a calm hint instead,
/// until Produce).
pub fn is_nothing_to_produce(p: &Problem) -> bool {
    p.issue == Issue::NothingToProduce
}

fn project_rules(out: &mut Out) {
    let p = out.project;
    if p.project_id.as_deref().is_none_or(|s| s.trim().is_empty()) && !has_exported_clips(p) {
        out.error(Location::default(), Issue::NothingToProduce);
    }
    // The documented byte limits are for the produced video's metadata; the project's own
    // title and description are not documented, so they only warn.
    use TextField::*;
    byte_limit(out, Location::field("Title"), ProjectTitle, &p.title, MAX_TITLE_BYTES, Severity::Warning);
    byte_limit(
        out,
        Location::field("Description"),
        ProjectDescription,
        &p.description,
        MAX_DESCRIPTION_BYTES,
        Severity::Warning,
    );
    url_rule(out, Location::field("CoverURL"), ProjectCover, &p.cover_url);

    let m = &p.media_metadata;
    byte_limit(out, Location::field("MediaMetadata.Title"), VideoTitle, &m.title, MAX_TITLE_BYTES, Severity::Error);
    byte_limit(
        out,
        Location::field("MediaMetadata.Description"),
        VideoDescription,
        &m.description,
        MAX_DESCRIPTION_BYTES,
        Severity::Error,
    );
    url_rule(out, Location::field("MediaMetadata.CoverURL"), VideoCover, &m.cover_url);
    let tags: Vec<&str> = m.tags.iter().map(|t| t.trim()).filter(|t| !t.is_empty()).collect();
    if tags.len() > MAX_TAGS {
        out.error(Location::field("MediaMetadata.Tags"), Issue::TooManyTags { n: tags.len(), max: MAX_TAGS });
    }
    for tag in &tags {
        if tag.len() > MAX_TAG_BYTES {
            out.error(
                Location::field("MediaMetadata.Tags"),
                Issue::TagTooLong { tag: (*tag).to_owned(), n: tag.len(), max: MAX_TAG_BYTES },
            );
        }
        if tag.contains(',') {
            out.error(Location::field("MediaMetadata.Tags"), Issue::TagComma { tag: (*tag).to_owned() });
        }
    }
    if !m.cate_id.trim().is_empty() && !m.cate_id.trim().chars().all(|c| c.is_ascii_digit() || c == '-') {
        out.warn(
            Location::field("MediaMetadata.CateId"),
            Issue::CategoryNotNumber { category: m.cate_id.trim().to_owned() },
        );
    }

    size_rules(out);
    let c = &p.produce_config;
    if !super::regions::is_known(&p.region) {
        // submit would fail to find an endpoint for it (an --endpoint override still works,
        // but the service checks the region against the media's, so it is an error).
        out.error(Location::field("Region"), Issue::UnknownRegion { region: p.region.clone() });
    }
    if c.storage_location.trim().is_empty() && !storage_optional(&p.region) {
        out.error(Location::field("ProduceConfig.StorageLocation"), Issue::StorageNeeded { region: p.region.clone() });
    }

    let u = &p.user_data;
    let cb = u.callback_url.trim();
    if !cb.is_empty() && !is_http_url(cb) {
        out.error(
            Location::field("UserData.MessageCallback.CallbackURL"),
            Issue::CallbackNotHttp { url: cb.to_owned() },
        );
    }
    let ct = u.callback_type.trim();
    if !ct.is_empty() && !ct.eq_ignore_ascii_case("http") {
        out.error(
            Location::field("UserData.MessageCallback.CallbackType"),
            Issue::CallbackType { r#type: ct.to_owned() },
        );
    }
    let ext = u.extend.trim();
    if !ext.is_empty() {
        if ext.len() > MAX_EXTEND_BYTES {
            out.error(Location::field("UserData.Extend"), Issue::ExtendTooLong { n: ext.len(), max: MAX_EXTEND_BYTES });
        }
        if let Err(e) = serde_json::from_str::<Value>(ext) {
            out.error(Location::field("UserData.Extend"), Issue::ExtendNotJson { error: e.to_string() });
        }
    }
    if let Some(v) = super::export::user_data_json(u) {
        let n = v.to_string().chars().count();
        if n > USER_DATA_SOFT_LIMIT {
            out.warn(Location::field("UserData"), Issue::UserDataLong { n, max: USER_DATA_SOFT_LIMIT });
        }
    }
}

fn byte_limit(out: &mut Out, l: Location, what: TextField, text: &str, max: usize, sev: Severity) {
    if text.len() > max {
        out.push(sev, l, Issue::TooManyBytes { what, n: text.len(), max });
    }
}

fn url_rule(out: &mut Out, l: Location, what: TextField, url: &str) {
    let url = url.trim();
    if !url.is_empty() && !is_http_url(url) {
        out.error(l, Issue::NotHttpUrl { what, url: url.to_owned() });
    }
}

fn at(track: usize, clip: usize, effect: Option<usize>, field: &'static str) -> Location {
    Location { track: Some(track), clip: Some(clip), effect, field: Some(field) }
}

/// http:// or https:// followed by something.
pub fn is_http_url(url: &str) -> bool {
    ["http://", "https://"].iter().any(|p| url.len() > p.len() && url[..p.len()].eq_ignore_ascii_case(p))
}

pub fn is_hex_colour(c: &str) -> bool {
    c.len() == 7 && c.starts_with('#') && c[1..].chars().all(|ch| ch.is_ascii_hexdigit())
}

/// The output size rules: Width and Height come together, each within
/// [`MIN_SIDE`]..=[`MAX_SIDE`], the shorter side at most [`MAX_SHORT_SIDE`].
fn size_rules(out: &mut Out) {
    let p = out.project;
    let c = &p.produce_config;
    match (c.width, c.height) {
        (Some(_), None) => out.error(Location::field("ProduceConfig.Height"), Issue::WidthWithoutHeight),
        (None, Some(_)) => out.error(Location::field("ProduceConfig.Width"), Issue::HeightWithoutWidth),
        (Some(w), Some(h)) => {
            for (name, v) in [("ProduceConfig.Width", w), ("ProduceConfig.Height", h)] {
                if !(MIN_SIDE..=MAX_SIDE).contains(&v) {
                    out.error(Location::field(name), Issue::SideOutOfRange { v, min: MIN_SIDE, max: MAX_SIDE });
                }
            }
            // UNSURE in the reference whether the 2160 limit is on the width or the shorter
            // side; the shorter side is what the sister service documents and is the looser
            // reading of a sentence that cannot mean portrait 1080x1920 is refused.
            if w.min(h) > MAX_SHORT_SIDE {
                out.error(Location::field("ProduceConfig.Width"), Issue::ShortSide { w, h, max: MAX_SHORT_SIDE });
            }
        }
        (None, None) => {}
    }
}

/// What is wrong with the project's output size (ProduceConfig Width/Height), if anything:
/// checked before a picture of that size is made (`still`, `render`), so a size past the
/// documented maximum is a clear message, not a failed allocation.
pub fn output_size_problems(project: &Project) -> Vec<Problem> {
    let mut out = Out { project, problems: Vec::new() };
    size_rules(&mut out);
    out.problems
}

mod clips;
pub mod effects;
mod status;
pub use clips::is_media_id;
pub use status::{StatusAnswer, media_status_problems, status_checked_media};

#[cfg(test)]
mod tests;
