//! Gaps and three-point editing: closing one gap or all of a track's, Lift and Extract of the
//! In/Out range on the targeted tracks, and Q/W (ripple trim the previous / next edit to the
//! playhead).
//!
//! A gap is a stretch of a track before its last clip where no clip plays (from zero: black
//! at the start is a gap too). On image and subtitle tracks, whose clips may overlap, it is
//! where none of them plays.

use super::plan::{TrackPlan, cut, merged};
use super::{Change, ClipRef, Edit, Layouts, Refused, TrackLayout, check_unlocked, placements};
use crate::model::project::Placement;
use crate::model::{Project, Time};

/// The gaps among `places`, in time order.
pub fn gaps(places: &[Placement]) -> Vec<(Time, Time)> {
    let mut spans: Vec<(Time, Time)> = places.iter().map(|p| (p.start, p.end)).collect();
    spans.sort_unstable();
    let mut out = Vec::new();
    let mut reached = Time::ZERO;
    for (s, e) in spans {
        if s > reached {
            out.push((reached, s));
        }
        reached = reached.max(e);
    }
    out
}

/// The gap on `track` around `t`, if `t` is in one.
pub fn gap_at(project: &Project, track: usize, t: Time) -> Option<(Time, Time)> {
    let places = placements(project, track);
    gaps(&places).into_iter().find(|(s, e)| *s <= t && t < *e)
}

/// Takes `ranges` out of each of `tracks` (closing them up with `close`), as one edit.
/// With `close`, refused where the closing would move clips by a guess (a clip of unknown
/// place or length before the last range's end: the gap's extent depends on it).
fn cut_tracks(
    project: &Project,
    layouts: &Layouts,
    tracks: &[usize],
    ranges: &[(Time, Time)],
    close: bool,
) -> Result<Change, Refused> {
    let mut edits = Vec::new();
    for &t in tracks {
        let layout = layouts.get(project, t);
        if close
            && let Some(&(_, last)) = ranges.last()
            && layout.first_provisional.is_some_and(|p| p < last)
        {
            return Err(Refused::UnknownLength);
        }
        let mut plan = TrackPlan::new(t);
        cut(project, &mut plan, &layout, ranges, close, &|_| false)?;
        edits.extend(plan.edits(project, &layout));
    }
    if edits.is_empty() {
        return Err(Refused::Nothing);
    }
    Ok(Change { edit: Edit::Batch(edits), selection: Vec::new() })
}

/// Closes the gap `[from, to)` on `track`: the clips after it move left by its length.
/// Refused if clips have come into it since it was picked.
pub fn close_gap(project: &Project, track: usize, from: Time, to: Time) -> Result<Change, Refused> {
    check_unlocked(project, track)?;
    let places = placements(project, track);
    if from >= to || places.iter().any(|p| p.start < to && from < p.end) || places.iter().all(|p| p.start < to) {
        return Err(Refused::NotAGap);
    }
    cut_tracks(project, &Layouts::default(), &[track], &[(from, to)], true)
}

/// Closes every gap on each of `tracks` (the clips pack towards zero, in their order).
pub fn close_gaps(project: &Project, tracks: &[usize]) -> Result<Change, Refused> {
    close_gaps_with(project, &Layouts::default(), tracks)
}

/// [`close_gaps`] with the tracks already laid out (`Document::layouts`).
pub fn close_gaps_with(project: &Project, layouts: &Layouts, tracks: &[usize]) -> Result<Change, Refused> {
    let mut edits = Vec::new();
    for &t in tracks {
        check_unlocked(project, t)?;
        let ranges = gaps(&layouts.get(project, t).places);
        if !ranges.is_empty() {
            edits.push(cut_tracks(project, layouts, &[t], &ranges, true)?.edit);
        }
    }
    if edits.is_empty() {
        return Err(Refused::Nothing);
    }
    Ok(Change { edit: Edit::Batch(edits), selection: Vec::new() })
}

/// Closes the gap right before each of `clips`: it and what follows on its track move left.
pub fn close_gaps_before(project: &Project, clips: &[ClipRef]) -> Result<Change, Refused> {
    let mut tracks: Vec<usize> = clips.iter().map(|r| r.track).collect();
    tracks.sort_unstable();
    tracks.dedup();
    let mut edits = Vec::new();
    for t in tracks {
        check_unlocked(project, t)?;
        let places = placements(project, t);
        let all = gaps(&places);
        let ranges: Vec<(Time, Time)> = clips
            .iter()
            .filter(|r| r.track == t)
            .filter_map(|r| places.get(r.index))
            .filter_map(|p| all.iter().find(|(_, e)| *e == p.start).copied())
            .collect();
        let ranges = merged(ranges);
        if !ranges.is_empty() {
            edits.push(cut_tracks(project, &Layouts::default(), &[t], &ranges, true)?.edit);
        }
    }
    if edits.is_empty() {
        return Err(Refused::Nothing);
    }
    Ok(Change { edit: Edit::Batch(edits), selection: clips.to_vec() })
}

/// The unlocked tracks among the targeted ones; refused when there are none.
fn targets(project: &Project) -> Result<Vec<usize>, Refused> {
    let t: Vec<usize> = (0..project.tracks.len()).filter(|&i| project.tracks[i].targeted).collect();
    if t.is_empty() {
        return Err(Refused::NoTarget);
    }
    let unlocked: Vec<usize> = t.iter().copied().filter(|&i| !project.tracks[i].locked).collect();
    match unlocked.is_empty() {
        true => Err(Refused::Locked(project.tracks[t[0]].name.clone())),
        false => Ok(unlocked),
    }
}

/// The In/Out marks as a range; refused unless both are set, In before Out.
pub fn marked_range(project: &Project) -> Result<(Time, Time), Refused> {
    match (project.mark_in, project.marked_end()) {
        (Some(i), Some(end)) if i < end => Ok((i, end)),
        _ => Err(Refused::NoMarks),
    }
}

/// Lift (;): takes the In/Out range out of the targeted tracks, leaving a gap.
/// Extract ('): the same, and what follows moves left to close it.
pub fn lift_or_extract(project: &Project, close: bool) -> Result<Change, Refused> {
    lift_or_extract_with(project, &Layouts::default(), close)
}

/// [`lift_or_extract`] with the tracks already laid out (`Document::layouts`).
pub fn lift_or_extract_with(project: &Project, layouts: &Layouts, close: bool) -> Result<Change, Refused> {
    let range = marked_range(project)?;
    let tracks = targets(project)?;
    cut_tracks(project, layouts, &tracks, &[range], close)
}

/// Q / W: ripple trim the previous (`forward` false) or next edit to the playhead: the time
/// between the playhead and the nearest clip edge that way on the targeted tracks is taken
/// out of each of them and what follows closes up, so the tracks stay in sync. Returns the
/// change and where the playhead goes (the edit, for Q; it stays for W).
pub fn ripple_to_playhead(project: &Project, at: Time, forward: bool) -> Result<(Change, Time), Refused> {
    ripple_to_playhead_with(project, &Layouts::default(), at, forward)
}

/// [`ripple_to_playhead`] with the tracks already laid out (`Document::layouts`).
pub fn ripple_to_playhead_with(
    project: &Project,
    layouts: &Layouts,
    at: Time,
    forward: bool,
) -> Result<(Change, Time), Refused> {
    let tracks = targets(project)?;
    // Laid out once here and handed on, whatever `layouts` held.
    let laid =
        Layouts((0..project.tracks.len()).map(|t| tracks.contains(&t).then(|| layouts.get(project, t))).collect());
    let nearest = tracks.iter().filter_map(|&t| nearest_edge(&laid.get(project, t), at, forward));
    let edge = if forward { nearest.min() } else { nearest.max() }.ok_or(Refused::Nothing)?;
    let range = if forward { (at, edge) } else { (edge, at) };
    let change = cut_tracks(project, &laid, &tracks, &[range], true)?;
    Ok((change, range.0))
}

/// The clip edge nearest `at` after it (`forward`) or before it: by binary search on an
/// ordered track, else a plain scan with a sentinel and no branch per edge (W on 20 tracks
/// of 5 000 clips would look at 200 000 edges).
fn nearest_edge(layout: &TrackLayout, at: Time, forward: bool) -> Option<Time> {
    let places = &layout.places[..];
    if layout.ordered {
        return if forward {
            let p = places.get(places.partition_point(|p| p.end <= at))?;
            Some(if p.start > at { p.start } else { p.end })
        } else {
            let p = places.get(places.partition_point(|p| p.start < at).checked_sub(1)?)?;
            Some(if p.end < at { p.end } else { p.start })
        };
    }
    let at = at.0;
    let best = if forward {
        places.iter().flat_map(|p| [p.start.0, p.end.0]).fold(i64::MAX, |b, e| if e > at && e < b { e } else { b })
    } else {
        places.iter().flat_map(|p| [p.start.0, p.end.0]).fold(i64::MIN, |b, e| if e < at && e > b { e } else { b })
    };
    (best != i64::MAX && best != i64::MIN).then_some(Time(best))
}

#[cfg(test)]
mod tests;
