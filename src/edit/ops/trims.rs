//! The editor's trims beyond a plain edge drag: ripple (later clips follow), roll (the cut
//! between two clips moves), slip (new source range, same place) and slide (the clip moves,
//! its neighbours absorb it). All stay within the media's known length and leave clips at
//! least [`MIN_LENGTH`] long, rounded to the project's frames so a trim held at the minimum
//! still lands on a frame.

use super::plan::{TrackPlan, piece};
use super::{Change, ClipRef, Edge, MIN_LENGTH, Refused, TrackLayout, check_unlocked, clip, end_by_timeline_out};
use crate::model::project::Placement;
use crate::model::wire::Clip;
use crate::model::{Project, Time};

/// How far a clip's source reaches around its place: the earliest start its In allows and the
/// latest end its media's length allows (none for pictures and subtitles, which have no
/// source, or media of unknown length).
fn source_reach(project: &Project, track: usize, c: &Clip, p: Placement) -> (Option<Time>, Option<Time>) {
    if end_by_timeline_out(c, project.tracks[track].kind) {
        return (None, None);
    }
    let source_in = c.r#in.unwrap_or(Time::ZERO);
    let duration = c.material_id().and_then(|id| project.media_durations().get(id).copied());
    (Some(p.start - source_in), duration.map(|d| p.start + (d - source_in)))
}

fn known(p: &Placement) -> Result<(), Refused> {
    if p.is_provisional() { Err(Refused::UnknownLength) } else { Ok(()) }
}

/// Ripple trim: the edge moves to `to` and the clips after this one on its track follow, so
/// no gap opens and none closes. Trimming the start keeps the clip where it starts and takes
/// frames off (or gives them back to) its head, as editors do: the clip plays from a new In
/// and everything after it moves by the difference.
pub fn ripple_trim(project: &Project, r: ClipRef, edge: Edge, to: Time) -> Result<Change, Refused> {
    check_unlocked(project, r.track)?;
    let kind = project.tracks[r.track].kind;
    let c = clip(project, r)?;
    let layout = TrackLayout::of(project, r.track);
    let places = &layout.places;
    let p = *places.get(r.index).ok_or(Refused::Gone)?;
    known(&p)?;
    let (earliest, latest) = source_reach(project, r.track, c, p);
    let fr = project.frame_rate;
    // The change in length (positive: longer) and the clip afterwards.
    let (grow, new) = match edge {
        Edge::End => {
            let mut end = to.max(fr.ceil(p.start + MIN_LENGTH));
            if let Some(l) = latest {
                end = end.min(l);
            }
            (end - p.end, piece(c, p, kind, p.start, end, Time::ZERO))
        }
        Edge::Start => {
            // Frames taken off the head (negative: given back, as far as the source allows).
            let mut cut = (to - p.start).min(fr.floor(p.end - MIN_LENGTH) - p.start);
            if let Some(e) = earliest {
                cut = cut.max(e - p.start);
            }
            let mut n = piece(c, p, kind, p.start + cut, p.end, -cut);
            n.timeline_in = Some(p.start);
            (-cut, n)
        }
    };
    if grow == Time::ZERO {
        return Err(Refused::Nothing);
    }
    let mut plan = TrackPlan::new(r.track);
    plan.set(r.index, new);
    for (i, q) in places.iter().enumerate() {
        if i != r.index && q.start >= p.end && q.start_known {
            plan.shift(i, grow);
        }
    }
    Ok(Change { edit: super::Edit::Batch(plan.edits(project, &layout)), selection: vec![r] })
}

/// Roll: the cut between `left` and the clip right after it (`right`, starting where `left`
/// ends) moves to `to`; one gets longer by what the other loses, so nothing else moves.
pub fn roll(project: &Project, left: ClipRef, right: ClipRef, to: Time) -> Result<Change, Refused> {
    if left.track != right.track || left == right {
        return Err(Refused::NotAdjacent);
    }
    check_unlocked(project, left.track)?;
    let kind = project.tracks[left.track].kind;
    let layout = TrackLayout::of(project, left.track);
    let places = &layout.places;
    let (pl, pr) = (*places.get(left.index).ok_or(Refused::Gone)?, *places.get(right.index).ok_or(Refused::Gone)?);
    if pl.end != pr.start {
        return Err(Refused::NotAdjacent);
    }
    known(&pl)?;
    known(&pr)?;
    let (cl, cr) = (clip(project, left)?, clip(project, right)?);
    // The shortest clip is MIN_LENGTH, kept on a frame (the cut lands on one).
    let fr = project.frame_rate;
    let (mut lo, mut hi) = (fr.ceil(pl.start + MIN_LENGTH), fr.floor(pr.end - MIN_LENGTH));
    if let (_, Some(latest)) = source_reach(project, left.track, cl, pl) {
        hi = hi.min(latest);
    }
    if let (Some(earliest), _) = source_reach(project, right.track, cr, pr) {
        lo = lo.max(earliest);
    }
    let to = to.max(lo).min(hi);
    if lo > hi || to == pl.end {
        return Err(Refused::Nothing);
    }
    let mut plan = TrackPlan::new(left.track);
    plan.set(left.index, piece(cl, pl, kind, pl.start, to, Time::ZERO));
    plan.set(right.index, piece(cr, pr, kind, to, pr.end, Time::ZERO));
    Ok(Change { edit: super::Edit::Batch(plan.edits(project, &layout)), selection: vec![left, right] })
}

/// Slip: the clip stays where it is and shows another part of its source, `delta` later in
/// the media (In and Out both move), within the media.
pub fn slip(project: &Project, r: ClipRef, delta: Time) -> Result<Change, Refused> {
    check_unlocked(project, r.track)?;
    let c = clip(project, r)?;
    let layout = TrackLayout::of(project, r.track);
    let p = layout.places.get(r.index).copied().ok_or(Refused::Gone)?;
    known(&p)?;
    let (Some(earliest), latest) = source_reach(project, r.track, c, p) else {
        return Err(Refused::NoSource);
    };
    // The source range [In, Out) moves by delta: In >= 0, Out within the media.
    let source_in = p.start - earliest;
    let mut delta = delta.max(-source_in);
    if let Some(l) = latest {
        delta = delta.min(l - p.end);
    }
    if delta == Time::ZERO {
        return Err(Refused::Nothing);
    }
    let mut n = c.clone();
    n.timeline_in = Some(p.start);
    n.r#in = Some(source_in + delta);
    n.out = Some(source_in + delta + (p.end - p.start));
    let mut plan = TrackPlan::new(r.track);
    plan.set(r.index, n);
    Ok(Change { edit: super::Edit::Batch(plan.edits(project, &layout)), selection: vec![r] })
}

/// Slide: the clip moves `delta` along its track with the same source range, and the clips
/// touching it absorb the move: the one before it ends where it now starts, the one after it
/// starts where it now ends. On a side with a gap instead, the gap absorbs it, up to the
/// next clip. Returns the clip and its neighbours, selected.
pub fn slide(project: &Project, r: ClipRef, delta: Time) -> Result<Change, Refused> {
    check_unlocked(project, r.track)?;
    let kind = project.tracks[r.track].kind;
    let layered = kind.allows_overlap();
    let c = clip(project, r)?;
    let layout = TrackLayout::of(project, r.track);
    let places = &layout.places;
    let p = *places.get(r.index).ok_or(Refused::Gone)?;
    known(&p)?;
    let others = || places.iter().enumerate().filter(|(i, _)| *i != r.index);
    let prev = others().find(|(_, q)| q.end == p.start && q.start < p.start).map(|(i, q)| (i, *q));
    let next = others().find(|(_, q)| q.start == p.end && q.end > p.end).map(|(i, q)| (i, *q));
    let (mut lo, mut hi) = (-p.start, Time::MAX);
    match prev {
        Some((i, q)) => {
            known(&q)?;
            lo = lo.max(project.frame_rate.ceil(q.start + MIN_LENGTH) - p.start);
            if let (_, Some(latest)) = source_reach(project, r.track, &project.tracks[r.track].clips[i], q) {
                hi = hi.min(latest - q.end);
            }
        }
        None if !layered => {
            let before = others().filter(|(_, q)| q.end <= p.start).map(|(_, q)| q.end).max();
            lo = lo.max(before.unwrap_or(Time::ZERO) - p.start);
        }
        None => {}
    }
    match next {
        Some((i, q)) => {
            known(&q)?;
            hi = hi.min(project.frame_rate.floor(q.end - MIN_LENGTH) - p.end);
            if let (Some(earliest), _) = source_reach(project, r.track, &project.tracks[r.track].clips[i], q) {
                lo = lo.max(earliest - q.start);
            }
        }
        None if !layered => {
            if let Some(after) = others().filter(|(_, q)| q.start >= p.end).map(|(_, q)| q.start).min() {
                hi = hi.min(after - p.end);
            }
        }
        None => {}
    }
    let delta = delta.max(lo).min(hi);
    if delta == Time::ZERO || lo > hi {
        return Err(Refused::Nothing);
    }
    let mut plan = TrackPlan::new(r.track);
    plan.set(r.index, piece(c, p, kind, p.start, p.end, delta));
    let mut selection = vec![r];
    let clips = &project.tracks[r.track].clips;
    if let Some((i, q)) = prev {
        plan.set(i, piece(&clips[i], q, kind, q.start, q.end + delta, Time::ZERO));
        selection.push(ClipRef { track: r.track, index: i });
    }
    if let Some((i, q)) = next {
        plan.set(i, piece(&clips[i], q, kind, q.start + delta, q.end, Time::ZERO));
        selection.push(ClipRef { track: r.track, index: i });
    }
    selection.sort_unstable();
    Ok(Change { edit: super::Edit::Batch(plan.edits(project, &layout)), selection })
}

#[cfg(test)]
mod tests;
