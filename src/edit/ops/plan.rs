//! Planning an edit of one track as the final state of each clip it changes, then writing it
//! as [`Edit`]s: the placing, trimming, gap and three-point operations all build on this.
//!
//! A plan is computed from the track as it is (one layout pass) and never applied twice to
//! the same clip: `cut` and `open` each look at every clip once. The edits come out in an
//! order whose indexes stay valid: explicit times for implicit clips, replaced clips, shifts
//! (in place, one per distance), removals from the highest index down, then new clips at
//! the end of the track's list.

use super::{Edit, Refused, TrackLayout, end_by_timeline_out, materialize_laid, shifted};
use crate::model::project::{Placement, TrackKind};
use crate::model::wire::{Clip, EffectKind};
use crate::model::{Project, Time};
use std::collections::{BTreeMap, BTreeSet};

/// The changes to one track.
#[derive(Debug, Default)]
pub(super) struct TrackPlan {
    pub track: usize,
    /// Final value of existing clips that change, by index.
    set: BTreeMap<usize, Clip>,
    remove: BTreeSet<usize>,
    /// Unchanged clips moving on the output: distance (ticks) to indexes.
    shift: BTreeMap<i64, Vec<usize>>,
    /// The latest distance and its indexes, not yet in `shift`.
    last_shift: Option<(i64, Vec<usize>)>,
    append: Vec<Clip>,
    /// Whether the plan changes clips other than the ones being placed or moved (a clip of
    /// unknown length may be placed only where it changes nothing else).
    pub collateral: bool,
}

/// Where clips of a plan end up: an index the plan kept (`set`) or a new one (`append`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Slot {
    Kept(usize),
    New(usize),
}

impl TrackPlan {
    pub fn new(track: usize) -> Self {
        TrackPlan { track, ..Default::default() }
    }

    pub fn is_empty(&self) -> bool {
        self.set.is_empty()
            && self.remove.is_empty()
            && self.shift.is_empty()
            && self.last_shift.is_none()
            && self.append.is_empty()
    }

    pub fn set(&mut self, index: usize, clip: Clip) -> Slot {
        self.set.insert(index, clip);
        Slot::Kept(index)
    }

    pub fn remove(&mut self, index: usize) {
        self.remove.insert(index);
    }

    pub fn shift(&mut self, index: usize, delta: Time) {
        if delta == Time::ZERO {
            return;
        }
        // Most shifts of a plan are by one distance (everything after an insert point): the
        // last one's list is found without a lookup, which 50 000 clips would notice.
        if let Some((d, list)) = &mut self.last_shift
            && *d == delta.0
        {
            list.push(index);
            return;
        }
        self.flush_shift();
        self.last_shift = Some((delta.0, vec![index]));
    }

    fn flush_shift(&mut self) {
        if let Some((d, list)) = self.last_shift.take() {
            self.shift.entry(d).or_default().extend(list);
        }
    }

    pub fn append(&mut self, clip: Clip) -> Slot {
        self.append.push(clip);
        Slot::New(self.append.len() - 1)
    }

    /// The index `slot` has once the plan is applied.
    pub fn final_index(&self, project: &Project, slot: Slot) -> usize {
        match slot {
            Slot::Kept(i) => i - self.remove.range(..i).count(),
            Slot::New(k) => project.tracks[self.track].clips.len() - self.remove.len() + k,
        }
    }

    /// The edits, in an order whose indexes hold (see the module's comment); `layout` is the
    /// track's as the plan found it.
    pub fn edits(mut self, project: &Project, layout: &TrackLayout) -> Vec<Edit> {
        if self.is_empty() {
            return Vec::new();
        }
        self.flush_shift();
        let track = self.track;
        let mut edits = if layout.implicit { materialize_laid(project, track, &layout.places) } else { Vec::new() };
        edits.extend(self.set.into_iter().map(|(index, clip)| Edit::SetClip { track, index, clip: Box::new(clip) }));
        edits.extend(self.shift.into_iter().map(|(delta, indexes)| Edit::ShiftClips {
            track,
            indexes,
            delta: Time(delta),
        }));
        edits.extend(self.remove.iter().rev().map(|&index| Edit::RemoveClip { track, index }));
        let first_new = project.tracks[track].clips.len() - self.remove.len();
        edits.extend(self.append.into_iter().enumerate().map(|(k, c)| Edit::InsertClip {
            track,
            index: first_new + k,
            clip: Box::new(c),
        }));
        edits
    }
}

/// The part `[a, b)` of a clip placed at `p`, moved by `delta`: its source In moves with its
/// start (pictures and subtitles have no source: their TimelineIn/Out are set instead).
pub(super) fn piece(c: &Clip, p: Placement, kind: TrackKind, a: Time, b: Time, delta: Time) -> Clip {
    let by_timeline = end_by_timeline_out(c, kind);
    let mut n = c.clone();
    n.timeline_in = Some(a);
    if by_timeline {
        n.timeline_out = Some(b);
    } else {
        let source_in = c.r#in.unwrap_or(Time::ZERO) + (a - p.start);
        n.r#in = Some(source_in);
        // Out is written when the end moves or the length was the media's (an implicit Out
        // would follow the new In).
        if b != p.end || c.out.is_some() || a != p.start {
            n.out = Some(source_in + (b - a));
        }
        n.timeline_out = n.timeline_out.map(|_| b);
    }
    if delta != Time::ZERO { shifted(&n, a, delta) } else { n }
}

/// A clip cut in two: the second part has no transition (one leads into the clip's first
/// frame, which stays with the first part).
fn later_part(mut c: Clip) -> Clip {
    c.effects.retain(|e| e.kind() != Some(EffectKind::Transition));
    c
}

/// Why a clip whose place or length is a stand-in cannot be cut.
fn known(p: &Placement) -> Result<(), Refused> {
    if p.is_provisional() { Err(Refused::UnknownLength) } else { Ok(()) }
}

/// Takes the time ranges `ranges` (sorted, disjoint) out of the track: clips inside go, clips
/// across a range's end are trimmed, a clip across a whole range is split around it. With
/// `close`, what follows each range moves left by the length taken out before it; otherwise
/// the ranges stay as gaps. Clips for which `skip` holds are left alone.
pub(super) fn cut(
    project: &Project,
    plan: &mut TrackPlan,
    places: &[Placement],
    ranges: &[(Time, Time)],
    close: bool,
    skip: &dyn Fn(usize) -> bool,
) -> Result<(), Refused> {
    let Some(&(first, _)) = ranges.first() else { return Ok(()) };
    let kind = project.tracks[plan.track].kind;
    let clips = &project.tracks[plan.track].clips;
    // Length taken out before each range, so "taken out before t" is a binary search: a
    // track can have thousands of gaps to close.
    let mut before = Vec::with_capacity(ranges.len() + 1);
    before.push(Time::ZERO);
    for (s, e) in ranges {
        before.push(*before.last().unwrap_or(&Time::ZERO) + (*e - *s));
    }
    let taken_before = |t: Time| before[ranges.partition_point(|(_, e)| *e <= t)];
    let (last, total) = (ranges[ranges.len() - 1].1, before[ranges.len()]);
    for (i, p) in places.iter().enumerate() {
        if p.end <= first || skip(i) {
            continue;
        }
        // After every range (most of a track, for a cut in its middle): a shift or nothing.
        if p.start >= last {
            if close && p.start_known {
                plan.shift(i, -total);
                plan.collateral = true;
            }
            continue;
        }
        let lo = ranges.partition_point(|(_, e)| *e <= p.start);
        let hi = ranges.partition_point(|(s, _)| *s < p.end);
        let touched = &ranges[lo..hi.max(lo)];
        if touched.is_empty() {
            if close && p.start_known {
                let d = taken_before(p.start);
                if d != Time::ZERO {
                    plan.shift(i, -d);
                    plan.collateral = true;
                }
            }
            continue;
        }
        known(p)?;
        plan.collateral = true;
        // What is left of [start, end) once the ranges are taken out.
        let mut pieces = Vec::new();
        let mut from = p.start;
        for &(s, e) in touched {
            if s > from {
                pieces.push((from, s));
            }
            from = from.max(e);
        }
        if from < p.end {
            pieces.push((from, p.end));
        }
        let c = &clips[i];
        let moved = |a: Time| if close { -taken_before(a) } else { Time::ZERO };
        let mut pieces = pieces.into_iter();
        match pieces.next() {
            Some((a, b)) => {
                plan.set(i, piece(c, *p, kind, a, b, moved(a)));
            }
            None => plan.remove(i),
        }
        for (a, b) in pieces {
            plan.append(later_part(piece(c, *p, kind, a, b, moved(a))));
        }
    }
    Ok(())
}

/// Makes room for `len` at `at`: clips starting there or later move right by `len`; with
/// `split`, a clip across `at` is split and its second part moves too (on image and
/// subtitle tracks, which hold layers, a clip across `at` stays whole). Clips for which
/// `skip` holds are left alone.
pub(super) fn open(
    project: &Project,
    plan: &mut TrackPlan,
    places: &[Placement],
    at: Time,
    len: Time,
    skip: &dyn Fn(usize) -> bool,
) -> Result<(), Refused> {
    let kind = project.tracks[plan.track].kind;
    let split = !kind.allows_overlap();
    let clips = &project.tracks[plan.track].clips;
    for (i, p) in places.iter().enumerate() {
        if skip(i) {
            continue;
        }
        if p.start >= at {
            if p.start_known {
                plan.shift(i, len);
                plan.collateral = true;
            }
        } else if split && at < p.end {
            known(p)?;
            plan.collateral = true;
            let c = &clips[i];
            plan.set(i, piece(c, *p, kind, p.start, at, Time::ZERO));
            plan.append(later_part(piece(c, *p, kind, at, p.end, len)));
        }
    }
    Ok(())
}

/// Merges time ranges into sorted, disjoint ones (empty ones dropped).
pub(super) fn merged(mut ranges: Vec<(Time, Time)>) -> Vec<(Time, Time)> {
    ranges.retain(|(s, e)| s < e);
    ranges.sort_unstable();
    let mut out: Vec<(Time, Time)> = Vec::with_capacity(ranges.len());
    for (s, e) in ranges {
        match out.last_mut() {
            Some(last) if s <= last.1 => last.1 = last.1.max(e),
            _ => out.push((s, e)),
        }
    }
    out
}
