//! Moves and pastes in an edit mode: Overwrite and Insert go through the placing operation
//! ([`super::place`]); Rearrange takes the clips out (their gap closes) and inserts them.

use super::place::{Item, PlaceMode, length_of, place_items};
use super::{Change, ClipRef, Edit, Layouts, Refused, check_unlocked, clip, delete, kind_of, placement, shifted};
use crate::model::{Project, Time};

/// What a dragged clip becomes where it lands: `delta` later, on track `target(its track)`.
/// Checks what every mode refuses: another kind of track, a locked track, a move that moves
/// nothing. The whole group stops at zero together (it keeps its shape).
fn moved_items(
    project: &Project,
    clips: &[ClipRef],
    delta: Time,
    target: &dyn Fn(usize) -> Option<usize>,
) -> Result<Vec<Item>, Refused> {
    if clips.is_empty() {
        return Err(Refused::Nothing);
    }
    let mut places = Vec::with_capacity(clips.len());
    for &r in clips {
        places.push(placement(project, r)?);
    }
    let earliest = places.iter().map(|p| p.start).min().unwrap_or(Time::ZERO);
    let delta = delta.max(-earliest);
    let mut items = Vec::with_capacity(clips.len());
    for (&r, p) in clips.iter().zip(&places) {
        let c = clip(project, r)?;
        let to = target(r.track).ok_or(Refused::Gone)?;
        let (from_kind, to_kind) = (project.tracks[r.track].kind, project.tracks.get(to).ok_or(Refused::Gone)?.kind);
        if from_kind != to_kind {
            return Err(Refused::WrongKind { what: kind_of(c, from_kind), track: to_kind });
        }
        check_unlocked(project, r.track)?;
        check_unlocked(project, to)?;
        items.push(Item {
            track: to,
            start: p.start + delta,
            end: p.end + delta,
            length_known: p.length_known,
            clip: shifted(c, p.start, delta),
            from: Some(r),
        });
    }
    if delta == Time::ZERO && items.iter().all(|it| it.from.is_some_and(|r| r.track == it.track)) {
        return Err(Refused::Nothing);
    }
    Ok(items)
}

/// Moves clips `delta` later and onto `target(track)` in Overwrite or Insert mode: in
/// Overwrite they replace what they land on; in Insert the clips at and after where they land
/// move right by the group's length. Where they came from stays empty.
pub fn move_clips_in(
    project: &Project,
    clips: &[ClipRef],
    delta: Time,
    target: &dyn Fn(usize) -> Option<usize>,
    mode: PlaceMode,
) -> Result<Change, Refused> {
    move_clips_in_with(project, &Layouts::default(), clips, delta, target, mode)
}

/// [`move_clips_in`] with the tracks already laid out (`Document::layouts`).
pub fn move_clips_in_with(
    project: &Project,
    layouts: &Layouts,
    clips: &[ClipRef],
    delta: Time,
    target: &dyn Fn(usize) -> Option<usize>,
    mode: PlaceMode,
) -> Result<Change, Refused> {
    let items = moved_items(project, clips, delta, target)?;
    place_items(project, layouts, items, mode)
}

/// Rearrange (Ctrl+Alt while moving): the clips are taken out of their tracks, the gaps they
/// leave close, and they go in at the drop point as an Insert on the tracks they land on.
/// The drop point is where the pointer was, on the timeline as it was: it is moved left by
/// what was taken out before it on the landing track, so "after clip c" stays after c.
///
/// Planned on the project with the clips taken out, which is why it takes `&mut Project`: the
/// taking out is applied, the insert planned, and the taking out undone again (an exact
/// inverse) before returning, so the project is as it was.
pub fn rearrange(
    project: &mut Project,
    clips: &[ClipRef],
    delta: Time,
    target: &dyn Fn(usize) -> Option<usize>,
) -> Result<Change, Refused> {
    let mut items = moved_items(project, clips, delta, target)?;
    // The anchor (the earliest landing clip) and what leaves its landing track before it.
    let anchor = items.iter().min_by_key(|it| it.start).map(|it| (it.track, it.start)).ok_or(Refused::Nothing)?;
    let mut taken = Time::ZERO;
    for r in clips.iter().filter(|r| r.track == anchor.0) {
        let p = placement(project, *r)?;
        taken = taken + (anchor.1 - p.start).max(Time::ZERO).min(p.end - p.start);
    }
    for it in &mut items {
        it.from = None;
        let start = it.start - taken;
        it.clip = shifted(&it.clip, it.start, -taken);
        (it.start, it.end) = (start, it.end - taken);
    }
    let out = delete(project, clips, true)?;
    let inverse = super::super::apply(project, out.edit.clone()).ok_or(Refused::Gone)?;
    // Planned on the project with the clips taken out: nothing laid out before holds.
    let placed = place_items(project, &Layouts::default(), items, PlaceMode::Insert { all_tracks: false });
    let _ = super::super::apply(project, inverse);
    let placed = placed?;
    Ok(Change { edit: Edit::Batch(vec![out.edit, placed.edit]), selection: placed.selection })
}

/// Paste insert (Ctrl+Shift+V): copied clips go in at `at` on their tracks (keeping their
/// distances) and what is at or after `at` moves right by their span, on those tracks or on
/// every unlocked one.
pub fn paste_insert(
    project: &Project,
    copied: &[(usize, Time, crate::model::wire::Clip)],
    at: Time,
    all_tracks: bool,
) -> Result<Change, Refused> {
    paste_insert_with(project, &Layouts::default(), copied, at, all_tracks)
}

/// [`paste_insert`] with the tracks already laid out (`Document::layouts`).
pub fn paste_insert_with(
    project: &Project,
    layouts: &Layouts,
    copied: &[(usize, Time, crate::model::wire::Clip)],
    at: Time,
    all_tracks: bool,
) -> Result<Change, Refused> {
    if copied.is_empty() {
        return Err(Refused::Nothing);
    }
    let mut items = Vec::with_capacity(copied.len());
    for (track, offset, c) in copied {
        if *track >= project.tracks.len() {
            return Err(Refused::Gone);
        }
        let start = at + *offset;
        let (len, length_known) = length_of(project, c);
        let clip = match c.timeline_in {
            Some(s) => shifted(c, s, start - s),
            None => crate::model::wire::Clip { timeline_in: Some(start), ..c.clone() },
        };
        items.push(Item { track: *track, start, end: start + len, length_known, clip, from: None });
    }
    place_items(project, layouts, items, PlaceMode::Insert { all_tracks })
}

#[cfg(test)]
mod tests;
