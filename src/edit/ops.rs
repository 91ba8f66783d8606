//! Editing operations: each looks at the project and returns one undoable [`Edit`] (or says
//! why it cannot be done). Pure; the caller applies the edit through [`super::History`].
//!
//! On video and audio tracks overlaps are refused, not resolved by overwriting (the VOD
//! console overwrites): a drag never destroys another clip, and the ghost shows red where a
//! drop would be refused. Image and subtitle tracks hold layers placed by X/Y, so their clips
//! may overlap: drops, moves, pastes and trims there ignore the other clips.
//!
//! Before an operation touches a track, positions the service would compute (clips without
//! TimelineIn) are written down wherever they are known, so moving one clip cannot shift the
//! implicit clips after it. Clips whose place or length is unknown stay as they are.

use super::{Edit, Shifts};
use crate::model::project::{Marker, Placement, TrackKind, layout_track};
use crate::model::wire::{Area, Clip, Effect, EffectKind, Num, Sparse, TextStyle};
use crate::model::{Project, Time};
use crate::t;

mod gaps;
mod modes;
mod place;
mod plan;
mod trims;

pub use gaps::{
    close_gap, close_gaps, close_gaps_before, close_gaps_with, gap_at, gaps, lift_or_extract, lift_or_extract_with,
    marked_range, ripple_to_playhead, ripple_to_playhead_with,
};
pub use modes::{move_clips_in, move_clips_in_with, paste_insert, paste_insert_with, rearrange};
pub use place::{PlaceMode, place, place_with};
pub use trims::{ripple_trim, roll, slide, slip};

/// A clip by position: track index and index in that track's clip list.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ClipRef {
    pub track: usize,
    pub index: usize,
}

/// The shortest clip an edit may leave.
pub const MIN_LENGTH: Time = Time(1_000);

/// Why an operation cannot be done. Shown in the status line and beside a drag, so it reads
/// in the current language (formatted when shown).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refused {
    /// The track's name.
    Locked(String),
    /// The timecode of the clip that would overlap, and the track's name.
    Overlap(String, String),
    /// The clip's kind ("video", "audio", "image", "subtitle") and the track's.
    WrongKind {
        what: &'static str,
        track: TrackKind,
    },
    UnknownLength,
    /// A clip to place would be shorter than [`MIN_LENGTH`].
    TooShort,
    /// A roll needs two clips that touch.
    NotAdjacent,
    /// Slipping needs a source (pictures and subtitles have none).
    NoSource,
    /// The gap picked is no longer one.
    NotAGap,
    /// Lift and Extract need both In and Out marks.
    NoMarks,
    /// No track is targeted.
    NoTarget,
    NotInside,
    Gone,
    Nothing,
    /// No cut (two touching clips on a video track) where Ctrl+D looked.
    NoCut,
    /// The earlier clip of the cut already leads into the next with a transition.
    HasTransition,
    /// The clip carries no transition into a next clip.
    NoTransition,
    /// The two clips of a cut leave no frame for a transition.
    NoRoomForTransition,
}

impl std::fmt::Display for Refused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let text = match self {
            Refused::Locked(track) => t!("timeline-refused-locked", track = track.as_str()),
            Refused::Overlap(at, track) => t!("timeline-refused-overlap", at = at.as_str(), track = track.as_str()),
            Refused::WrongKind { what, track } => {
                let what = match *what {
                    "video" => t!("kind-video"),
                    "audio" => t!("kind-audio"),
                    "image" => t!("kind-image"),
                    _ => t!("kind-subtitle"),
                };
                t!("timeline-refused-wrong-kind", what = what, track = crate::i18n::describe::track_kind(*track))
            }
            Refused::UnknownLength => t!("timeline-refused-unknown-length"),
            Refused::TooShort => t!("timeline-refused-too-short"),
            Refused::NotAdjacent => t!("timeline-refused-not-adjacent"),
            Refused::NoSource => t!("timeline-refused-no-source"),
            Refused::NotAGap => t!("timeline-refused-not-a-gap"),
            Refused::NoMarks => t!("timeline-refused-no-marks"),
            Refused::NoTarget => t!("timeline-refused-no-target"),
            Refused::NotInside => t!("timeline-refused-not-inside"),
            Refused::Gone => t!("timeline-refused-gone"),
            Refused::Nothing => t!("timeline-refused-nothing"),
            Refused::NoCut => t!("timeline-refused-no-cut"),
            Refused::HasTransition => t!("timeline-refused-has-transition"),
            Refused::NoTransition => t!("timeline-refused-no-transition"),
            Refused::NoRoomForTransition => t!("timeline-refused-no-room-for-transition"),
        };
        f.write_str(&text)
    }
}

impl std::error::Error for Refused {}

/// The result of an operation: the edit and the selection afterwards.
#[derive(Clone, Debug, PartialEq)]
pub struct Change {
    pub edit: Edit,
    pub selection: Vec<ClipRef>,
}

/// One track laid out: where each clip sits, and whether any clip's start is implicit (then
/// an edit first writes the starts down, see [`materialize`]).
#[derive(Clone, Debug)]
pub struct TrackLayout {
    pub places: std::sync::Arc<Vec<Placement>>,
    pub implicit: bool,
    /// The earliest start of a clip whose place or length is a stand-in, if any.
    pub first_provisional: Option<Time>,
    /// Every place known and of no negative length, in index order, each ending before the
    /// next starts (as on a track cut in vodcut): starts and ends both ascend, so the planners find an edit point by
    /// binary search instead of looking at every clip.
    pub ordered: bool,
}

impl TrackLayout {
    pub fn of(project: &Project, track: usize) -> Self {
        let (places, implicit) =
            crate::model::project::layout_track_noting(&project.tracks[track], &project.media_durations());
        let first_provisional = places.iter().filter(|p| p.is_provisional()).map(|p| p.start).min();
        let ordered = first_provisional.is_none()
            && places.iter().all(|p| p.start <= p.end)
            && places.windows(2).all(|w| w[0].end <= w[1].start);
        TrackLayout { places: std::sync::Arc::new(places), implicit, first_provisional, ordered }
    }
}

/// Tracks already laid out, by track index, for operations that touch many tracks: the
/// document keeps each track's layout until the track changes, so Insert on every track of a
/// 100 000-clip project does not lay out 100 000 clips (about a millisecond per pass over
/// them, each clip being ~450 bytes) before editing. A track missing here (or whose clip
/// count differs) is laid out when asked; `Layouts::default()` lays out everything.
#[derive(Clone, Debug, Default)]
pub struct Layouts(pub Vec<Option<TrackLayout>>);

impl Layouts {
    pub fn get(&self, project: &Project, track: usize) -> TrackLayout {
        match self.0.get(track) {
            Some(Some(l)) if l.places.len() == project.tracks[track].clips.len() => l.clone(),
            _ => TrackLayout::of(project, track),
        }
    }
}

fn placements(project: &Project, track: usize) -> Vec<Placement> {
    layout_track(&project.tracks[track], &project.media_durations())
}

pub(super) fn placement(project: &Project, r: ClipRef) -> Result<Placement, Refused> {
    placements(project, r.track).get(r.index).copied().ok_or(Refused::Gone)
}

fn clip(project: &Project, r: ClipRef) -> Result<&Clip, Refused> {
    project.tracks.get(r.track).and_then(|t| t.clips.get(r.index)).ok_or(Refused::Gone)
}

fn check_unlocked(project: &Project, track: usize) -> Result<(), Refused> {
    let t = project.tracks.get(track).ok_or(Refused::Gone)?;
    if t.locked { Err(Refused::Locked(t.name.clone())) } else { Ok(()) }
}

/// SetClip edits giving every clip of `track` whose start is known but implicit an explicit
/// TimelineIn. Positions do not change.
pub fn materialize(project: &Project, track: usize) -> Vec<Edit> {
    // Most tracks have every start written down already: no layout needed.
    if project.tracks[track].clips.iter().all(|c| c.timeline_in.is_some()) {
        return Vec::new();
    }
    materialize_laid(project, track, &placements(project, track))
}

/// [`materialize`] for a track already laid out (`places`).
fn materialize_laid(project: &Project, track: usize, places: &[Placement]) -> Vec<Edit> {
    project.tracks[track]
        .clips
        .iter()
        .zip(places)
        .enumerate()
        .filter(|(_, (c, p))| c.timeline_in.is_none() && p.start_known)
        .map(|(index, (c, p))| {
            let mut c = c.clone();
            c.timeline_in = Some(p.start);
            Edit::SetClip { track, index, clip: Box::new(c) }
        })
        .collect()
}

/// Shifts a clip's place on the output by `delta`, with its timeline-relative effects.
fn shifted(c: &Clip, start: Time, delta: Time) -> Clip {
    let mut c = c.clone();
    c.timeline_in = Some(start + delta);
    c.timeline_out = c.timeline_out.map(|t| t + delta);
    for e in &mut c.effects {
        if let Effect::Known(e) = e {
            e.timeline_in = e.timeline_in.map(|t| t + delta);
            e.timeline_out = e.timeline_out.map(|t| t + delta);
        }
    }
    c
}

fn kind_of(c: &Clip, track: TrackKind) -> &'static str {
    match track {
        TrackKind::Subtitle => "subtitle",
        TrackKind::Image => "image",
        TrackKind::Audio => "audio",
        TrackKind::Video if c.r#type.as_deref() == Some("Image") => "image",
        TrackKind::Video => "video",
    }
}

/// Spans on `track` that stay put, for overlap checks (the displayed spans, provisional ones
/// included: the user sees them there). None on tracks whose clips may overlap.
fn fixed_spans(project: &Project, track: usize, moving: &[ClipRef]) -> Vec<(Time, Time)> {
    if project.tracks.get(track).is_none_or(|t| t.kind.allows_overlap()) {
        return Vec::new();
    }
    placements(project, track)
        .into_iter()
        .enumerate()
        .filter(|(i, _)| !moving.contains(&ClipRef { track, index: *i }))
        .map(|(_, p)| (p.start, p.end))
        .collect()
}

fn overlaps(spans: &[(Time, Time)], start: Time, end: Time) -> bool {
    spans.iter().any(|&(s, e)| start < e && s < end)
}

/// Moves clips by `delta` in time and `track_offset` tracks (among tracks of the same kind in
/// the project order: each clip lands on the track `track_offset` places from its own within
/// its kind). Refused if a target is locked, of another kind, or would overlap.
pub fn move_clips(
    project: &Project,
    clips: &[ClipRef],
    delta: Time,
    target_track: &dyn Fn(usize) -> Option<usize>,
) -> Result<Change, Refused> {
    if clips.is_empty() {
        return Err(Refused::Nothing);
    }
    let mut plan = Vec::new(); // (from, to_track, new clip, start, end)
    for &r in clips {
        let p = placement(project, r)?;
        let c = clip(project, r)?;
        let to = target_track(r.track).ok_or(Refused::Gone)?;
        let (from_kind, to_kind) = (project.tracks[r.track].kind, project.tracks.get(to).ok_or(Refused::Gone)?.kind);
        if from_kind != to_kind {
            return Err(Refused::WrongKind { what: kind_of(c, from_kind), track: to_kind });
        }
        check_unlocked(project, r.track)?;
        check_unlocked(project, to)?;
        let delta = delta.max(-p.start); // never before zero
        plan.push((r, to, shifted(c, p.start, delta), p.start + delta, p.end + delta));
    }
    let unchanged = |(r, to, _, s, _): &(ClipRef, usize, Clip, Time, Time)| {
        r.track == *to && placement(project, *r).is_ok_and(|p| p.start == *s)
    };
    if plan.iter().all(unchanged) {
        return Err(Refused::Nothing);
    }
    // Overlaps with clips that stay, and among the moved ones.
    for (i, (_, to, _, s, e)) in plan.iter().enumerate() {
        let fixed = fixed_spans(project, *to, clips);
        let layered = project.tracks[*to].kind.allows_overlap();
        let others: Vec<(Time, Time)> = plan
            .iter()
            .enumerate()
            .filter(|(j, p)| !layered && *j != i && p.1 == *to)
            .map(|(_, p)| (p.3, p.4))
            .collect();
        if overlaps(&fixed, *s, *e) || overlaps(&others, *s, *e) {
            return Err(Refused::Overlap(
                crate::i18n::Clock::of(project.frame_rate).time(*s),
                project.tracks[*to].name.clone(),
            ));
        }
    }
    let mut edits = Vec::new();
    let mut tracks: Vec<usize> = plan.iter().flat_map(|(r, to, ..)| [r.track, *to]).collect();
    tracks.sort_unstable();
    tracks.dedup();
    for &t in &tracks {
        edits.extend(materialize(project, t));
    }
    // Same-track moves replace in place; cross-track moves remove (highest index first, so
    // the others stay valid) and then append to the target.
    let mut removals: Vec<ClipRef> = Vec::new();
    let mut appends: Vec<(usize, Clip)> = Vec::new();
    for (r, to, c, ..) in plan {
        if r.track == to {
            edits.push(Edit::SetClip { track: r.track, index: r.index, clip: Box::new(c) });
        } else {
            removals.push(r);
            appends.push((to, c));
        }
    }
    removals.sort_unstable_by(|a, b| b.cmp(a));
    let mut selection: Vec<ClipRef> = clips.iter().copied().filter(|r| !removals.contains(r)).collect();
    for r in &removals {
        edits.push(Edit::RemoveClip { track: r.track, index: r.index });
        // Same-track selections after a removed clip shift down.
        for s in selection.iter_mut().filter(|s| s.track == r.track && s.index > r.index) {
            s.index -= 1;
        }
    }
    let mut lengths: std::collections::HashMap<usize, usize> = std::collections::HashMap::new();
    for (to, c) in appends {
        let removed_here = removals.iter().filter(|r| r.track == to).count();
        let len = lengths.entry(to).or_insert(project.tracks[to].clips.len() - removed_here);
        edits.push(Edit::InsertClip { track: to, index: *len, clip: Box::new(c) });
        selection.push(ClipRef { track: to, index: *len });
        *len += 1;
    }
    Ok(Change { edit: Edit::Batch(edits), selection })
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Edge {
    Start,
    End,
}

/// Whether a clip's end is set with TimelineOut (pictures without a source length) or Out.
/// A video or audio clip that has an Out is trimmed through its source, even when it also
/// carries a TimelineOut: otherwise trimming its start would only move it.
fn end_by_timeline_out(c: &Clip, kind: TrackKind) -> bool {
    matches!(kind, TrackKind::Subtitle | TrackKind::Image)
        || c.r#type.as_deref() == Some("Image")
        || (c.timeline_out.is_some() && c.out.is_none())
}

/// Trims one edge to `to` (clamped: within the source, after zero, not into a neighbour, at
/// least [`MIN_LENGTH`] long). Changes In/Out and TimelineIn/TimelineOut together.
pub fn trim(project: &Project, r: ClipRef, edge: Edge, to: Time) -> Result<Change, Refused> {
    check_unlocked(project, r.track)?;
    let kind = project.tracks[r.track].kind;
    let c = clip(project, r)?;
    let p = placement(project, r)?;
    let neighbours = fixed_spans(project, r.track, &[r]);
    let source_in = c.r#in.unwrap_or(Time::ZERO);
    let duration = c.material_id().and_then(|id| project.media_durations().get(id).copied());
    let by_timeline = end_by_timeline_out(c, kind);
    let mut new = c.clone();
    match edge {
        Edge::Start => {
            let prev_end =
                neighbours.iter().filter(|(_, e)| *e <= p.start).map(|(_, e)| *e).max().unwrap_or(Time::ZERO);
            let mut lo = prev_end;
            if !by_timeline {
                lo = lo.max(p.start - source_in); // the source cannot start before 0
            }
            // A clip already shorter than the minimum (an overwrite can leave one) next to a
            // neighbour has no room either way: without this the minimum would win and push
            // the edge into the neighbour.
            if p.end - MIN_LENGTH < lo {
                return Err(Refused::Nothing);
            }
            let to = to.max(lo).min(p.end - MIN_LENGTH);
            let delta = to - p.start;
            if delta == Time::ZERO {
                return Err(Refused::Nothing);
            }
            new.timeline_in = Some(to);
            if !by_timeline {
                new.r#in = Some(source_in + delta);
            }
        }
        Edge::End => {
            // Trimming an unknown length makes it known: the user sets it here.
            let next_start = neighbours.iter().filter(|(s, _)| *s >= p.end).map(|(s, _)| *s).min();
            let mut hi = next_start.unwrap_or(Time::MAX);
            if !by_timeline && let Some(d) = duration {
                hi = hi.min(p.start + (d - source_in));
            }
            if p.start + MIN_LENGTH > hi {
                return Err(Refused::Nothing);
            }
            let to = to.min(hi).max(p.start + MIN_LENGTH);
            let delta = to - p.end;
            if delta == Time::ZERO {
                return Err(Refused::Nothing);
            }
            new.timeline_in = Some(p.start);
            if by_timeline {
                new.timeline_out = Some(to);
            } else {
                new.out = Some(source_in + (to - p.start));
                new.timeline_out = new.timeline_out.map(|_| to);
            }
        }
    }
    let mut edits = materialize(project, r.track);
    edits.push(Edit::SetClip { track: r.track, index: r.index, clip: Box::new(new) });
    Ok(Change { edit: Edit::Batch(edits), selection: vec![r] })
}

/// Splits clips at `at` into two that play back to back. Transitions stay on the first part
/// (they lead into the clip).
pub fn split(project: &Project, clips: &[ClipRef], at: Time) -> Result<Change, Refused> {
    let mut targets: Vec<ClipRef> = Vec::new();
    for &r in clips {
        let p = placement(project, r)?;
        if p.start < at && at < p.end {
            if !p.length_known {
                return Err(Refused::UnknownLength);
            }
            check_unlocked(project, r.track)?;
            targets.push(r);
        }
    }
    if targets.is_empty() {
        return Err(Refused::NotInside);
    }
    // Highest index first so inserting after one does not move the others' indexes.
    targets.sort_unstable_by(|a, b| b.cmp(a));
    let mut edits = Vec::new();
    let mut tracks: Vec<usize> = targets.iter().map(|r| r.track).collect();
    tracks.dedup();
    for &t in &tracks {
        edits.extend(materialize(project, t));
    }
    let mut selection = Vec::new();
    for r in targets {
        let kind = project.tracks[r.track].kind;
        let c = clip(project, r)?;
        let p = placement(project, r)?;
        let offset = at - p.start;
        let source_in = c.r#in.unwrap_or(Time::ZERO);
        let by_timeline = end_by_timeline_out(c, kind);
        let mut first = c.clone();
        let mut second = c.clone();
        first.timeline_in = Some(p.start);
        second.timeline_in = Some(at);
        if by_timeline {
            first.timeline_out = Some(at);
            second.timeline_out = Some(p.end);
        } else {
            first.out = Some(source_in + offset);
            first.timeline_out = first.timeline_out.map(|_| at);
            second.r#in = Some(source_in + offset);
        }
        second.effects.retain(|e| e.kind() != Some(EffectKind::Transition));
        edits.push(Edit::SetClip { track: r.track, index: r.index, clip: Box::new(first) });
        edits.push(Edit::InsertClip { track: r.track, index: r.index + 1, clip: Box::new(second) });
        selection.push(ClipRef { track: r.track, index: r.index + 1 });
    }
    Ok(Change { edit: Edit::Batch(edits), selection })
}

/// Deletes clips, leaving the gap. With `ripple`, later clips on the same track move left to
/// close it.
pub fn delete(project: &Project, clips: &[ClipRef], ripple: bool) -> Result<Change, Refused> {
    if clips.is_empty() {
        return Err(Refused::Nothing);
    }
    let mut targets = clips.to_vec();
    targets.sort_unstable();
    targets.dedup();
    for r in &targets {
        check_unlocked(project, r.track)?;
        clip(project, *r)?;
    }
    let mut edits = Vec::new();
    let mut tracks: Vec<usize> = targets.iter().map(|r| r.track).collect();
    tracks.dedup();
    for &t in &tracks {
        edits.extend(materialize(project, t));
        if ripple {
            // Each remaining clip moves left by the total length removed before it.
            let places = placements(project, t);
            let removed: Vec<(Time, Time)> =
                targets.iter().filter(|r| r.track == t).map(|r| (places[r.index].start, places[r.index].end)).collect();
            let here: std::collections::HashSet<usize> =
                targets.iter().filter(|r| r.track == t).map(|r| r.index).collect();
            // Every later clip moves in place (materialize above gave every clip whose start
            // is known an explicit TimelineIn to shift), in runs of one distance.
            let mut shifts = Shifts::default();
            for (i, place) in places.iter().enumerate() {
                if here.contains(&i) || !place.start_known {
                    continue;
                }
                let shift: i64 = removed.iter().filter(|(_, e)| *e <= place.start).map(|(s, e)| (*e - *s).0).sum();
                shifts.push(i, Time(-shift));
            }
            if !shifts.is_empty() {
                edits.push(Edit::ShiftClips { track: t, shifts });
            }
        }
    }
    for r in targets.iter().rev() {
        edits.push(Edit::RemoveClip { track: r.track, index: r.index });
    }
    Ok(Change { edit: Edit::Batch(edits), selection: Vec::new() })
}

/// Adds clips to a track with explicit times (a drop from the bin, a paste). Refused if the
/// track is locked or a clip would overlap.
pub fn insert(project: &Project, track: usize, new_clips: Vec<Clip>) -> Result<Change, Refused> {
    check_unlocked(project, track)?;
    let mut spans = fixed_spans(project, track, &[]);
    let durations = project.media_durations();
    let mut edits = materialize(project, track);
    let mut selection = Vec::new();
    for (index, c) in (project.tracks[track].clips.len()..).zip(new_clips) {
        let start = c.timeline_in.unwrap_or(Time::ZERO);
        let len = crate::model::project::clip_length(&c, c.material_id().and_then(|id| durations.get(id).copied()))
            .unwrap_or(crate::model::project::PROVISIONAL_LENGTH);
        if overlaps(&spans, start, start + len) {
            return Err(Refused::Overlap(
                crate::i18n::Clock::of(project.frame_rate).time(start),
                project.tracks[track].name.clone(),
            ));
        }
        if !project.tracks[track].kind.allows_overlap() {
            spans.push((start, start + len));
        }
        edits.push(Edit::InsertClip { track, index, clip: Box::new(c) });
        selection.push(ClipRef { track, index });
    }
    Ok(Change { edit: Edit::Batch(edits), selection })
}

/// Copies clips for a later paste: each with its start relative to the earliest one.
pub fn copy(project: &Project, clips: &[ClipRef]) -> Vec<(usize, Time, Clip)> {
    let Some(first) = clips.iter().filter_map(|r| placement(project, *r).ok()).map(|p| p.start).min() else {
        return Vec::new();
    };
    clips
        .iter()
        .filter_map(|r| Some((r.track, placement(project, *r).ok()?.start - first, clip(project, *r).ok()?.clone())))
        .collect()
}

/// Pastes copied clips at `at` on their original tracks.
pub fn paste(project: &Project, copied: &[(usize, Time, Clip)], at: Time) -> Result<Change, Refused> {
    if copied.is_empty() {
        return Err(Refused::Nothing);
    }
    let mut edits = Vec::new();
    let mut selection = Vec::new();
    let mut by_track: std::collections::BTreeMap<usize, Vec<Clip>> = Default::default();
    for (track, offset, c) in copied {
        let start = c.timeline_in.unwrap_or(Time::ZERO);
        let p_start = at + *offset;
        let mut c = shifted(c, start, p_start - start);
        c.timeline_in = Some(p_start);
        by_track.entry(*track).or_default().push(c);
    }
    // Each track's insert is planned on the project as it is: an edit of one track leaves the
    // others' indexes alone, so no copy of the (possibly huge) project is needed.
    for (track, clips) in by_track {
        if track >= project.tracks.len() {
            return Err(Refused::Gone);
        }
        let change = insert(project, track, clips)?;
        edits.push(change.edit);
        selection.extend(change.selection);
    }
    Ok(Change { edit: Edit::Batch(edits), selection })
}

/// A 3 s subtitle starting at `at`, in the documented default style, centred at the bottom.
/// Its words are a placeholder in the user's language, to be typed over.
pub fn new_subtitle(at: Time) -> Clip {
    Clip {
        r#type: Some("Text".into()),
        content: Some(t!("timeline-new-subtitle")),
        timeline_in: Some(at),
        timeline_out: Some(at + Time::from_secs(3)),
        style: Sparse::new(TextStyle {
            font_size: Some(Num::int(36)),
            font_color: Some("#FFFFFF".into()),
            alignment: Some("BottomCenter".into()),
            ..Default::default()
        }),
        area: Sparse::new(Area { x: Num::float(0.5), y: Num::float(0.9), ..Default::default() }),
        ..Default::default()
    }
}

/// Adds a marker at `at` (none twice at the same time).
pub fn add_marker(project: &Project, at: Time) -> Result<Edit, Refused> {
    if project.markers.iter().any(|m| m.time == at) {
        return Err(Refused::Nothing);
    }
    let mut markers = project.markers.clone();
    markers.push(Marker { time: at, label: format!("M{}", markers.len() + 1), ..Default::default() });
    markers.sort_by_key(|m| m.time);
    Ok(Edit::SetMarkers(markers))
}

#[cfg(test)]
mod tests;
