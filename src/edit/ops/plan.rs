//! Planning an edit of one track as the final state of each clip it changes, then writing it
//! as [`Edit`]s: the placing, trimming, gap and three-point operations all build on this.
//!
//! A plan is computed from the track as it is (one layout pass) and never applied twice to
//! the same clip: `cut` and `open` each look at every clip once. The edits come out in an
//! order whose indexes stay valid: explicit times for implicit clips, replaced clips, shifts
//! (in place, one per distance), removals from the highest index down, then new clips at
//! the end of the track's list.

use super::{Edit, Refused, Shifts, TrackLayout, end_by_timeline_out, materialize_laid, shifted};
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
    /// Unchanged clips moving on the output.
    shift: Shifts,
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
        self.set.is_empty() && self.remove.is_empty() && self.shift.is_empty() && self.append.is_empty()
    }

    pub fn set(&mut self, index: usize, clip: Clip) -> Slot {
        self.set.insert(index, clip);
        Slot::Kept(index)
    }

    pub fn remove(&mut self, index: usize) {
        self.remove.insert(index);
    }

    /// Clip `index` moves by `delta`; callers go through a track in index order, so the
    /// clips after an edit point make one run.
    pub fn shift(&mut self, index: usize, delta: Time) {
        self.shift.push(index, delta);
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
    pub fn edits(self, project: &Project, layout: &TrackLayout) -> Vec<Edit> {
        if self.is_empty() {
            return Vec::new();
        }
        let track = self.track;
        let mut edits = if layout.implicit { materialize_laid(project, track, &layout.places) } else { Vec::new() };
        edits.extend(self.set.into_iter().map(|(index, clip)| Edit::SetClip { track, index, clip: Box::new(clip) }));
        if !self.shift.is_empty() {
            edits.push(Edit::ShiftClips { track, shifts: self.shift });
        }
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
    layout: &TrackLayout,
    ranges: &[(Time, Time)],
    close: bool,
    skip: &impl Fn(usize) -> bool,
) -> Result<(), Refused> {
    let Some(&(first, _)) = ranges.first() else { return Ok(()) };
    let kind = project.tracks[plan.track].kind;
    let clips = &project.tracks[plan.track].clips;
    let places = &layout.places[..];
    // Length taken out before each range, so "taken out before t" is a binary search: a
    // track can have thousands of gaps to close.
    let mut before = Vec::with_capacity(ranges.len() + 1);
    before.push(Time::ZERO);
    for (s, e) in ranges {
        before.push(*before.last().unwrap_or(&Time::ZERO) + (*e - *s));
    }
    let taken_before = |t: Time| before[ranges.partition_point(|(_, e)| *e <= t)];
    let (last, total) = (ranges[ranges.len() - 1].1, before[ranges.len()]);
    // On an ordered track the clips before the first range and after the last are found by
    // binary search; those after all move by the same length without being looked at.
    let (lo, hi) = match layout.ordered {
        true => (places.partition_point(|p| p.end <= first), places.partition_point(|p| p.start < last)),
        false => (0, places.len()),
    };
    for (i, p) in places.iter().enumerate().take(hi).skip(lo) {
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
    if close {
        shift_rest(plan, hi..places.len(), -total, skip);
    }
    Ok(())
}

/// Shifts the clips `rest` of an ordered track (all start after the edit) by `delta`, but
/// those `skip` names.
fn shift_rest(plan: &mut TrackPlan, rest: std::ops::Range<usize>, delta: Time, skip: &impl Fn(usize) -> bool) {
    for i in rest.filter(|&i| !skip(i)) {
        plan.shift(i, delta);
        plan.collateral = true;
    }
}

/// Makes room for `len` at `at`: clips starting there or later move right by `len`; with
/// `split`, a clip across `at` is split and its second part moves too (on image and
/// subtitle tracks, which hold layers, a clip across `at` stays whole). Clips for which
/// `skip` holds are left alone.
pub(super) fn open(
    project: &Project,
    plan: &mut TrackPlan,
    layout: &TrackLayout,
    at: Time,
    len: Time,
    skip: &impl Fn(usize) -> bool,
) -> Result<(), Refused> {
    let kind = project.tracks[plan.track].kind;
    let split = !kind.allows_overlap();
    let clips = &project.tracks[plan.track].clips;
    let places = &layout.places[..];
    // As in `cut`: on an ordered track, binary search past the clips wholly before `at`, and
    // shift those after it without looking at them.
    let (lo, hi) = match layout.ordered {
        true => (places.partition_point(|p| p.start < at && p.end <= at), places.partition_point(|p| p.start < at)),
        false => (0, places.len()),
    };
    for (i, p) in places.iter().enumerate().take(hi).skip(lo) {
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
    if layout.ordered {
        shift_rest(plan, hi..places.len(), len, skip);
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::ops::tests::{ordered_track, spans_strategy};
    use proptest::prelude::*;

    /// The plan's edits with the track's layout as found (ordered: the binary-search path)
    /// and with the full scan forced.
    fn both_ways(
        p: &Project,
        f: impl Fn(&mut TrackPlan, &TrackLayout) -> Result<(), Refused>,
    ) -> (Result<Vec<Edit>, Refused>, Result<Vec<Edit>, Refused>) {
        let layout = TrackLayout::of(p, 0);
        assert!(layout.ordered, "the fast path is what this compares");
        let scan = TrackLayout { ordered: false, ..layout.clone() };
        let run = |l: &TrackLayout| {
            let mut plan = TrackPlan::new(0);
            f(&mut plan, l).map(|()| plan.edits(p, l))
        };
        (run(&layout), run(&scan))
    }

    fn ms(tenths: u16) -> Time {
        Time::from_millis(i64::from(tenths) * 100)
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

        #[test]
        fn cutting_an_ordered_track_by_binary_search_plans_what_the_full_scan_plans(
            spans in spans_strategy(),
            ranges in prop::collection::vec((0u16..600, 1u16..80), 1..4),
            close: bool,
            skipped in prop::collection::btree_set(0usize..25, 0..3),
        ) {
            let p = ordered_track(&spans);
            let ranges = merged(ranges.into_iter().map(|(a, len)| (ms(a), ms(a + len))).collect());
            let skip = |i: usize| skipped.contains(&i);
            let (fast, scan) = both_ways(&p, |plan, l| cut(&p, plan, l, &ranges, close, &skip));
            prop_assert_eq!(fast, scan);
        }

        #[test]
        fn opening_an_ordered_track_by_binary_search_plans_what_the_full_scan_plans(
            spans in spans_strategy(),
            at in 0u16..600,
            len in 1u16..80,
            skipped in prop::collection::btree_set(0usize..25, 0..3),
        ) {
            let p = ordered_track(&spans);
            let skip = |i: usize| skipped.contains(&i);
            let (fast, scan) = both_ways(&p, |plan, l| open(&p, plan, l, ms(at), ms(len), &skip));
            prop_assert_eq!(fast, scan);
        }
    }

    #[test]
    fn a_track_with_clips_out_of_order_or_overlapping_is_not_ordered() {
        let mut p = ordered_track(&[(0, 10), (0, 10)]);
        assert!(TrackLayout::of(&p, 0).ordered);
        p.tracks[0].clips.swap(0, 1);
        assert!(!TrackLayout::of(&p, 0).ordered, "out of index order");
        let mut p = ordered_track(&[(0, 10), (0, 10)]);
        p.tracks[0].clips[1].timeline_in = Some(Time::from_millis(500));
        assert!(!TrackLayout::of(&p, 0).ordered, "overlapping");
        // Found by review: a clip ending before it starts (TimelineOut before TimelineIn, a
        // validation error that can still be edited) passed, and starts no longer ascended.
        let mut p = ordered_track(&[(0, 10), (0, 10)]);
        (p.tracks[0].clips[0].timeline_in, p.tracks[0].clips[0].timeline_out) =
            (Some(Time::from_secs(10)), Some(Time::from_secs(5)));
        (p.tracks[0].clips[1].timeline_in, p.tracks[0].clips[1].timeline_out) =
            (Some(Time::from_secs(6)), Some(Time::from_secs(8)));
        p.tracks[0].clips.iter_mut().for_each(|c| c.out = None);
        assert!(!TrackLayout::of(&p, 0).ordered, "negative length");
    }
}
