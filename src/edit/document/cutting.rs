//! The document's side of cutting like an editor: placing in an edit mode, the trims, gaps,
//! In/Out marks, targets and the three-point commands. Times land on frame boundaries here,
//! as for every other edit.

use super::Document;
use crate::edit::ops::{self, ClipRef, Edge, PlaceMode, Refused};
use crate::model::wire::Clip;
use crate::model::{Project, Time};
use crate::t;

/// A gap picked on a track: `[start, end)` where no clip plays.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Gap {
    pub track: usize,
    pub start: Time,
    pub end: Time,
}

/// The undo step's name for a placement in `mode`.
pub fn place_label(mode: PlaceMode) -> String {
    match mode {
        PlaceMode::Overwrite => t!("timeline-edit-overwrite"),
        PlaceMode::Insert { .. } => t!("timeline-edit-insert"),
    }
}

impl Document {
    /// The layouts an edit in `mode` may need: every track's for Insert on all tracks (kept
    /// by the document), none otherwise (the few tracks touched are laid out when asked).
    fn layouts_for(&self, mode: PlaceMode) -> ops::Layouts {
        match mode {
            PlaceMode::Insert { all_tracks: true } => self.layouts(),
            _ => ops::Layouts::default(),
        }
    }

    /// The clipboard as pasted at `at`: each clip on the frame nearest where the copy put it.
    pub(super) fn clipboard_at(&self, at: Time) -> Vec<(usize, Time, Clip)> {
        let fr = self.project.frame_rate;
        self.clipboard.iter().map(|(t, offset, c)| (*t, fr.snap(at + *offset) - at, c.clone())).collect()
    }

    /// Places clips end to end on `track` from the frame nearest `at`, in `mode` (one undo
    /// step named after the mode); they are selected afterwards.
    pub fn place(&mut self, track: usize, at: Time, clips: Vec<Clip>, mode: PlaceMode) -> Result<(), Refused> {
        let at = self.project.frame_rate.snap(at.max(Time::ZERO));
        let change = ops::place_with(&self.project, &self.layouts_for(mode), track, at, clips, mode);
        self.apply_change(&place_label(mode), change)
    }

    /// Paste insert (Ctrl+Shift+V): the copied clips go in at the playhead and what follows
    /// moves right, on their tracks or (`all_tracks`) every unlocked one.
    pub fn paste_insert(&mut self, all_tracks: bool) -> Result<(), Refused> {
        let at = self.project.playhead;
        let copied = self.clipboard_at(at);
        let layouts = if all_tracks { self.layouts() } else { ops::Layouts::default() };
        let change = ops::paste_insert_with(&self.project, &layouts, &copied, at, all_tracks);
        self.apply_change(&t!("timeline-edit-paste-insert"), change)
    }

    /// Moves clips as dragged, in an edit mode: Overwrite or Insert (`rearrange` false), or
    /// Rearrange. `delta` is already on a frame.
    pub fn move_in_mode(
        &mut self,
        clips: &[ClipRef],
        delta: Time,
        target: &dyn Fn(usize) -> Option<usize>,
        mode: PlaceMode,
        rearrange: bool,
    ) -> Result<(), Refused> {
        let (change, label) = if rearrange {
            (ops::rearrange(&mut self.project, clips, delta, target), t!("timeline-edit-rearrange"))
        } else {
            let layouts = self.layouts_for(mode);
            (ops::move_clips_in_with(&self.project, &layouts, clips, delta, target, mode), place_label(mode))
        };
        self.apply_change(&label, change)
    }

    /// Ripple trim of an edge to the frame nearest `to`: the clips after it follow.
    pub fn ripple_trim(&mut self, r: ClipRef, edge: Edge, to: Time) -> Result<(), Refused> {
        let to = self.project.frame_rate.snap(to);
        let change = ops::ripple_trim(&self.project, r, edge, to);
        self.apply_change(&t!("timeline-edit-ripple-trim"), change)
    }

    /// Roll: the cut between `left` and `right` to the frame nearest `to`.
    pub fn roll(&mut self, left: ClipRef, right: ClipRef, to: Time) -> Result<(), Refused> {
        let to = self.project.frame_rate.snap(to);
        let change = ops::roll(&self.project, left, right, to);
        self.apply_change(&t!("timeline-edit-roll"), change)
    }

    /// Slip by a whole number of frames (`delta` is rounded to one).
    pub fn slip(&mut self, r: ClipRef, delta: Time) -> Result<(), Refused> {
        let delta = self.project.frame_rate.snap(delta);
        let change = ops::slip(&self.project, r, delta);
        self.apply_change(&t!("timeline-edit-slip"), change)
    }

    /// Slide by a whole number of frames (`delta` is rounded to one).
    pub fn slide(&mut self, r: ClipRef, delta: Time) -> Result<(), Refused> {
        let delta = self.project.frame_rate.snap(delta);
        let change = ops::slide(&self.project, r, delta);
        self.apply_change(&t!("timeline-edit-slide"), change)
    }

    /// Q (`forward` false) and W: ripple trim the previous / next edit to the playhead on the
    /// targeted tracks; after Q the playhead is at the edit, where the material now continues.
    pub fn ripple_to_playhead(&mut self, forward: bool) -> Result<(), Refused> {
        let layouts = self.layouts();
        let (change, playhead) = ops::ripple_to_playhead_with(&self.project, &layouts, self.project.playhead, forward)?;
        self.apply_change(&t!("timeline-edit-ripple-trim"), Ok(change))?;
        self.set_playhead(playhead);
        Ok(())
    }

    /// Picks the gap at `t` on `track` (clicking it); false when there is none there.
    pub fn select_gap(&mut self, track: usize, t: Time) -> bool {
        self.gap = ops::gap_at(&self.project, track, t).map(|(start, end)| Gap { track, start, end });
        if self.gap.is_some() {
            self.selection.clear();
        }
        self.gap.is_some()
    }

    /// Closes the picked gap (Delete with a gap picked).
    pub fn close_selected_gap(&mut self) -> Result<(), Refused> {
        let g = self.gap.ok_or(Refused::Nothing)?;
        let change = ops::close_gap(&self.project, g.track, g.start, g.end);
        self.apply_change(&t!("timeline-edit-close-gap"), change)
    }

    /// Close gaps: before each selected clip; with none selected, every gap on the targeted
    /// unlocked tracks; `track` given (a track's menu), every gap on it.
    pub fn close_gaps(&mut self, track: Option<usize>) -> Result<(), Refused> {
        let change = match track {
            Some(t) => ops::close_gaps(&self.project, &[t]),
            None if !self.selection.is_empty() => ops::close_gaps_before(&self.project, &self.selection),
            None => {
                let tracks: Vec<usize> = (0..self.project.tracks.len())
                    .filter(|&t| self.project.tracks[t].targeted && !self.project.tracks[t].locked)
                    .collect();
                if tracks.is_empty() {
                    return Err(Refused::NoTarget);
                }
                ops::close_gaps_with(&self.project, &self.layouts(), &tracks)
            }
        };
        self.apply_change(&t!("timeline-edit-close-gaps"), change)
    }

    /// I / O: the timeline's In or Out mark at the playhead's frame (view state, saved with
    /// the project, not an undo step). The Out mark includes its frame, as in Premiere and the
    /// source viewer: In and Out on the same frame mark that one frame. A mark set past the
    /// other one clears that one.
    pub fn mark(&mut self, out: bool) {
        let fr = self.project.frame_rate;
        let at = fr.floor(self.project.playhead);
        let p = &mut self.project;
        if out {
            p.mark_out = Some(at);
            if p.mark_in.is_some_and(|i| i > at) {
                p.mark_in = None;
            }
        } else {
            p.mark_in = Some(at);
            if p.mark_out.is_some_and(|o| o < at) {
                p.mark_out = None;
            }
        }
    }

    /// Ctrl+Shift+X: clears both marks.
    pub fn clear_marks(&mut self) {
        (self.project.mark_in, self.project.mark_out) = (None, None);
    }

    /// Lift (;) leaves the In/Out range as a gap on the targeted tracks; Extract (') closes
    /// it. The marks are cleared afterwards, as the range is gone.
    pub fn lift_or_extract(&mut self, close: bool) -> Result<(), Refused> {
        let change = ops::lift_or_extract_with(&self.project, &self.layouts(), close);
        let label = if close { t!("timeline-edit-extract") } else { t!("timeline-edit-lift") };
        self.apply_change(&label, change)?;
        if let Ok((start, _)) = ops::marked_range(&self.project) {
            self.set_playhead(start);
        }
        self.clear_marks();
        Ok(())
    }

    /// Turns a track's target on or off (view state like the playhead: saved, not undone).
    pub fn set_targeted(&mut self, track: usize, on: bool) {
        if let Some(t) = self.project.tracks.get_mut(track) {
            t.targeted = on;
        }
    }

    /// The first targeted, unlocked track of a kind in the project's order (V1 before V2, as
    /// Premiere patches a source to V1 and A1): where the source viewer's Insert and
    /// Overwrite place.
    pub fn target_of(&self, kind: crate::model::TrackKind) -> Option<usize> {
        target_of(&self.project, kind)
    }
}

fn target_of(project: &Project, kind: crate::model::TrackKind) -> Option<usize> {
    (0..project.tracks.len())
        .find(|&t| project.tracks[t].kind == kind && project.tracks[t].targeted && !project.tracks[t].locked)
}

#[cfg(test)]
mod tests;
