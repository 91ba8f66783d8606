//! Placing clips on the timeline in an edit mode: what a drop from the bin or the source
//! viewer, a paste-insert and a move in Overwrite or Insert mode have in common.
//!
//! - **Overwrite**: the new clips replace what they cover on video and audio tracks (covered
//!   clips are trimmed, split around them, or removed when wholly covered). On image and
//!   subtitle tracks, whose clips are layers placed by X/Y, nothing is covered: the new clip
//!   is one more layer, as before.
//! - **Insert**: clips at or after the insert point move right by the length placed, on the
//!   tracks placed on (or on every unlocked track, so sync holds); a clip across the point
//!   is split there, except on image and subtitle tracks where a layer across it stays whole.

use super::plan::{TrackPlan, cut, merged, open};
use super::{Change, ClipRef, Edit, Layouts, MIN_LENGTH, Refused, TrackLayout, check_unlocked, shifted};
use crate::model::project::{PROVISIONAL_LENGTH, clip_length};
use crate::model::wire::Clip;
use crate::model::{Project, Time};
use std::collections::BTreeMap;

/// How placed clips treat what is already there (Safe, which refuses to cover anything, is
/// [`super::insert`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlaceMode {
    Overwrite,
    Insert {
        /// Later clips move on every unlocked track, not only the ones placed on.
        all_tracks: bool,
    },
}

/// One clip to place: where, and (for a move) where it comes from.
#[derive(Clone, Debug)]
pub(super) struct Item {
    pub track: usize,
    pub start: Time,
    pub end: Time,
    /// False when the length is a stand-in (the clip's media length is unknown).
    pub length_known: bool,
    /// The clip, already at `start`.
    pub clip: Clip,
    /// The clip being moved, if this is a move: it is taken from there.
    pub from: Option<ClipRef>,
}

/// The clip's length on the output, or a stand-in (false) when it cannot be known.
pub(super) fn length_of(project: &Project, c: &Clip) -> (Time, bool) {
    let durations = project.media_durations();
    match clip_length(c, c.material_id().and_then(|id| durations.get(id).copied())) {
        Some(len) => (len, true),
        None => (PROVISIONAL_LENGTH, false),
    }
}

/// `c` moved to start at `start`, with its TimelineOut and timeline-relative effects.
fn at_start(c: Clip, start: Time) -> Clip {
    match c.timeline_in {
        Some(s) => shifted(&c, s, start - s),
        None => Clip { timeline_in: Some(start), ..c },
    }
}

/// Places `clips` on `track` end to end from `at`, in `mode`. Each clip's In/Out (or, for
/// pictures and subtitles, TimelineIn/TimelineOut) give its length; its own TimelineIn is
/// replaced. Refused if the track is locked or gone, a clip is shorter than
/// [`MIN_LENGTH`], or a clip whose length is unknown would change other clips. The selection
/// afterwards is the placed clips.
pub fn place(project: &Project, track: usize, at: Time, clips: Vec<Clip>, mode: PlaceMode) -> Result<Change, Refused> {
    place_with(project, &Layouts::default(), track, at, clips, mode)
}

/// [`place`] with the tracks already laid out (`Document::layouts`).
pub fn place_with(
    project: &Project,
    layouts: &Layouts,
    track: usize,
    at: Time,
    clips: Vec<Clip>,
    mode: PlaceMode,
) -> Result<Change, Refused> {
    if clips.is_empty() {
        return Err(Refused::Nothing);
    }
    check_unlocked(project, track)?;
    let mut cursor = at.max(Time::ZERO);
    let mut items = Vec::with_capacity(clips.len());
    for c in clips {
        let (len, length_known) = length_of(project, &c);
        if len < MIN_LENGTH {
            return Err(Refused::TooShort);
        }
        let clip = at_start(c, cursor);
        items.push(Item { track, start: cursor, end: cursor + len, length_known, clip, from: None });
        cursor = cursor + len;
    }
    place_items(project, layouts, items, mode)
}

/// Places items (new clips, or clips being moved) in `mode`. A moved clip that stays on its
/// track keeps its index; one that changes track is removed there and added to the other.
pub(super) fn place_items(
    project: &Project,
    layouts: &Layouts,
    items: Vec<Item>,
    mode: PlaceMode,
) -> Result<Change, Refused> {
    if items.is_empty() {
        return Err(Refused::Nothing);
    }
    for it in &items {
        check_unlocked(project, it.track)?;
        if let Some(r) = it.from {
            check_unlocked(project, r.track)?;
        }
    }
    // Clips being moved are neither covered nor pushed along: they are placed anew.
    let mut moving: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for r in items.iter().filter_map(|it| it.from) {
        moving.entry(r.track).or_default().push(r.index);
    }
    // Tracks placed on (and, for Insert on every track, the other unlocked ones) are cut or
    // opened; tracks clips only leave just lose them.
    let mut targets: Vec<usize> = items.iter().map(|it| it.track).collect();
    if let PlaceMode::Insert { all_tracks: true } = mode {
        targets.extend((0..project.tracks.len()).filter(|&t| !project.tracks[t].locked));
    }
    targets.sort_unstable();
    targets.dedup();
    let mut plans: BTreeMap<usize, TrackPlan> = moving.keys().map(|&t| (t, TrackPlan::new(t))).collect();
    let (at, end) = (
        items.iter().map(|it| it.start).min().unwrap_or(Time::ZERO),
        items.iter().map(|it| it.end).max().unwrap_or(Time::ZERO),
    );
    let mut laid: BTreeMap<usize, TrackLayout> = BTreeMap::new();
    for &t in &targets {
        let mut plan = plans.remove(&t).unwrap_or_else(|| TrackPlan::new(t));
        let skip_list = moving.get(&t).cloned().unwrap_or_default();
        let skip = |i: usize| skip_list.contains(&i);
        let layout = laid.entry(t).or_insert_with(|| layouts.get(project, t));
        match mode {
            PlaceMode::Overwrite if !project.tracks[t].kind.allows_overlap() => {
                let ranges = merged(items.iter().filter(|it| it.track == t).map(|it| (it.start, it.end)).collect());
                cut(project, &mut plan, layout, &ranges, false, &skip)?;
            }
            PlaceMode::Overwrite => {}
            PlaceMode::Insert { .. } => open(project, &mut plan, layout, at, end - at, &skip)?,
        }
        plans.insert(t, plan);
    }
    if items.iter().any(|it| !it.length_known) && plans.values().any(|p| p.collateral) {
        return Err(Refused::UnknownLength);
    }
    // The placed clips: same track keeps its index, others leave theirs and join the target.
    let mut slots = Vec::with_capacity(items.len());
    for it in items {
        if let Some(r) = it.from
            && r.track != it.track
        {
            plans.get_mut(&r.track).ok_or(Refused::Gone)?.remove(r.index);
        }
        let plan = plans.get_mut(&it.track).ok_or(Refused::Gone)?;
        let slot = match it.from {
            Some(r) if r.track == it.track => plan.set(r.index, it.clip),
            _ => plan.append(it.clip),
        };
        slots.push((it.track, slot));
    }
    let selection =
        slots.iter().map(|&(t, slot)| ClipRef { track: t, index: plans[&t].final_index(project, slot) }).collect();
    let mut edits: Vec<Edit> = Vec::new();
    for plan in plans.into_values() {
        let layout = laid.remove(&plan.track).unwrap_or_else(|| layouts.get(project, plan.track));
        edits.extend(plan.edits(project, &layout));
    }
    Ok(Change { edit: Edit::Batch(edits), selection })
}

#[cfg(test)]
mod tests;
