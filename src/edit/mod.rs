//! EDITING: every change to the document is an [`Edit`] applied in one place, which returns
//! its inverse so [`History`] can undo and redo it. No egui here.

pub mod document;
pub mod history;
pub mod merge;
pub mod ops;
pub mod snap;
pub mod source;
pub mod transition;

pub use history::History;

use crate::model::project::{BinEntry, Marker, MediaMetadata, ProduceConfig, Track, UserData};
use crate::model::wire::Clip;
use crate::model::{Project, Time};
use std::ops::Range;

/// The project-level fields the forms edit, replaced as a whole.
#[derive(Clone, Debug, PartialEq)]
pub struct ProjectFields {
    pub title: String,
    pub description: String,
    pub cover_url: String,
    pub project_id: Option<String>,
    /// The hash of the Timeline last synced with the cloud project (`Project::sync_base`).
    pub sync_base: Option<String>,
    pub app_id: String,
    pub region: String,
    pub media_metadata: MediaMetadata,
    pub produce_config: ProduceConfig,
    pub user_data: UserData,
    pub frame_rate: crate::model::FrameRate,
    /// A template's sample values (its TemplateSamples field, kept among the fields the
    /// project does not otherwise know): None when the file has none.
    pub template_samples: Option<serde_json::Value>,
}

impl ProjectFields {
    pub fn of(p: &Project) -> Self {
        ProjectFields {
            title: p.title.clone(),
            description: p.description.clone(),
            cover_url: p.cover_url.clone(),
            project_id: p.project_id.clone(),
            sync_base: p.sync_base.clone(),
            app_id: p.app_id.clone(),
            region: p.region.clone(),
            media_metadata: p.media_metadata.clone(),
            produce_config: p.produce_config.clone(),
            user_data: p.user_data.clone(),
            frame_rate: p.frame_rate,
            template_samples: p.other_fields.get_value(crate::model::project::TEMPLATE_SAMPLES_FIELD),
        }
    }

    fn put(self, p: &mut Project) {
        p.title = self.title;
        p.description = self.description;
        p.cover_url = self.cover_url;
        p.project_id = self.project_id;
        p.sync_base = self.sync_base;
        p.app_id = self.app_id;
        p.region = self.region;
        p.media_metadata = self.media_metadata;
        p.produce_config = self.produce_config;
        p.user_data = self.user_data;
        p.frame_rate = self.frame_rate;
        p.other_fields.set_value(crate::model::project::TEMPLATE_SAMPLES_FIELD, self.template_samples.as_ref());
    }
}

/// A change to the document. Indexes are positions at the moment the edit applies.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    /// Replace one clip (trim, time change, inspector fields). Per-clip edits keep the undo
    /// history small: a step stores only the clips it changed.
    SetClip {
        track: usize,
        index: usize,
        clip: Box<Clip>,
    },
    InsertClip {
        track: usize,
        index: usize,
        clip: Box<Clip>,
    },
    RemoveClip {
        track: usize,
        index: usize,
    },
    /// Moves clips of one track on the output (TimelineIn/Out and their effects' timeline
    /// times, where those are set), each run of indexes by its own distance. A ripple delete
    /// or Extract shifts thousands of clips; this does it in place, without a copy of each,
    /// and its inverse is the opposite shift.
    ShiftClips {
        track: usize,
        shifts: Shifts,
    },
    /// Track name, lock, hide/mute (clips untouched).
    SetTrackProps {
        track: usize,
        name: String,
        locked: bool,
        hidden: bool,
    },
    InsertTrack {
        index: usize,
        track: Track,
    },
    RemoveTrack {
        index: usize,
    },
    MoveTrack {
        from: usize,
        to: usize,
    },
    SetFields(Box<ProjectFields>),
    SetMarkers(Vec<Marker>),
    SetBin(Vec<BinEntry>),
    /// The Timeline's own fields vodcut does not model (taking the cloud's Timeline).
    SetTimelineExtra(crate::model::wire::Extra),
    /// Several edits as one step, applied in order.
    Batch(Vec<Edit>),
}

/// Runs of consecutive clip indexes of one track, each with the distance it moves: one
/// [`Edit::ShiftClips`] carries every move of a track however many clips move (Extract on a
/// 100 000-clip project moves 50 000 of them; one run each per track, not an index each).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Shifts(Vec<(Range<usize>, Time)>);

impl Shifts {
    /// Adds clip `index` moving by `delta`; it joins the last run when it follows it at the
    /// same distance (the planners add indexes in order). A zero move is no move.
    pub fn push(&mut self, index: usize, delta: Time) {
        if delta == Time::ZERO {
            return;
        }
        match self.0.last_mut() {
            Some((r, d)) if *d == delta && r.end == index => r.end += 1,
            _ => self.0.push((index..index + 1, delta)),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn runs(&self) -> &[(Range<usize>, Time)] {
        &self.0
    }

    fn negated(mut self) -> Self {
        self.0.iter_mut().for_each(|(_, d)| *d = -*d);
        self
    }
}

/// Which tracks an edit changes, for caches kept per track (drawing indexes, validation).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Touched {
    /// Tracks whose clips or properties change.
    pub tracks: Vec<usize>,
    /// Every track may change: tracks added, removed or reordered (indexes shift), or the bin
    /// changed (media lengths lay out every track).
    pub all: bool,
    /// Of `tracks`, those whose clips may now use other media (or whose properties changed):
    /// not a `ShiftClips` (a ripple moves thousands of clips and nothing else), nor, seen by
    /// [`Edit::touched_on`], a `SetClip` keeping the clip's medium (a trim). What depends on
    /// the media a track uses (the output size) need not read its clips again.
    pub media: Vec<usize>,
}

impl Edit {
    pub fn touched(&self) -> Touched {
        self.touched_with(None)
    }

    /// [`Edit::touched`], with `project` as it stands before the edit: a `SetClip` that keeps
    /// the clip's medium does not count as touching the track's media.
    pub fn touched_on(&self, project: &Project) -> Touched {
        self.touched_with(Some(project))
    }

    fn touched_with(&self, before: Option<&Project>) -> Touched {
        let mut t = Touched::default();
        self.collect_touched(before, &mut t);
        t.tracks.sort_unstable();
        t.tracks.dedup();
        t.media.sort_unstable();
        t.media.dedup();
        t
    }

    /// In a batch every `SetClip` is compared with the project before the whole batch: that
    /// can only count a track as touched when it is not, never miss one, as long as an insert
    /// or removal (which shifts indexes) counts its track whatever happens.
    fn collect_touched(&self, before: Option<&Project>, out: &mut Touched) {
        match self {
            Edit::ShiftClips { track, .. } => out.tracks.push(*track),
            Edit::SetClip { track, index, clip } => {
                out.tracks.push(*track);
                let old = before.and_then(|p| p.tracks.get(*track)?.clips.get(*index));
                if old.is_none_or(|old| old.material_id() != clip.material_id() || old.r#type != clip.r#type) {
                    out.media.push(*track);
                }
            }
            Edit::InsertClip { track, .. } | Edit::RemoveClip { track, .. } | Edit::SetTrackProps { track, .. } => {
                out.tracks.push(*track);
                out.media.push(*track);
            }
            Edit::InsertTrack { .. } | Edit::RemoveTrack { .. } | Edit::MoveTrack { .. } | Edit::SetBin(_) => {
                out.all = true
            }
            Edit::SetFields(_) | Edit::SetMarkers(_) | Edit::SetTimelineExtra(_) => {}
            Edit::Batch(edits) => edits.iter().for_each(|e| e.collect_touched(before, out)),
        }
    }
}

/// Applies `edit`; returns the edit that undoes it, or `None` if it was invalid (an index out
/// of range) and nothing changed.
pub fn apply(project: &mut Project, edit: Edit) -> Option<Edit> {
    match edit {
        Edit::SetClip { track, index, clip } => {
            let slot = project.tracks.get_mut(track)?.clips.get_mut(index)?;
            let old = std::mem::replace(slot, *clip);
            Some(Edit::SetClip { track, index, clip: Box::new(old) })
        }
        Edit::InsertClip { track, index, clip } => {
            let t = project.tracks.get_mut(track)?;
            if index > t.clips.len() {
                return None;
            }
            t.clips.insert(index, *clip);
            Some(Edit::RemoveClip { track, index })
        }
        Edit::RemoveClip { track, index } => {
            let t = project.tracks.get_mut(track)?;
            if index >= t.clips.len() {
                return None;
            }
            let clip = t.clips.remove(index);
            Some(Edit::InsertClip { track, index, clip: Box::new(clip) })
        }
        Edit::ShiftClips { track, shifts } => {
            let clips = &mut project.tracks.get_mut(track)?.clips;
            if shifts.0.iter().any(|(r, _)| r.start > r.end || r.end > clips.len()) {
                return None;
            }
            for (range, delta) in &shifts.0 {
                let by = |t: Option<Time>| t.map(|t| t + *delta);
                for c in &mut clips[range.clone()] {
                    c.timeline_in = by(c.timeline_in);
                    c.timeline_out = by(c.timeline_out);
                    for e in &mut c.effects {
                        if let crate::model::wire::Effect::Known(e) = e {
                            e.timeline_in = by(e.timeline_in);
                            e.timeline_out = by(e.timeline_out);
                        }
                    }
                }
            }
            Some(Edit::ShiftClips { track, shifts: shifts.negated() })
        }
        Edit::SetTrackProps { track, name, locked, hidden } => {
            let t = project.tracks.get_mut(track)?;
            let old = Edit::SetTrackProps { track, name: t.name.clone(), locked: t.locked, hidden: t.hidden };
            (t.name, t.locked, t.hidden) = (name, locked, hidden);
            Some(old)
        }
        Edit::InsertTrack { index, track } => {
            if index > project.tracks.len() {
                return None;
            }
            project.tracks.insert(index, track);
            Some(Edit::RemoveTrack { index })
        }
        Edit::RemoveTrack { index } => {
            if index >= project.tracks.len() {
                return None;
            }
            let track = project.tracks.remove(index);
            Some(Edit::InsertTrack { index, track })
        }
        Edit::MoveTrack { from, to } => {
            let n = project.tracks.len();
            if from >= n || to >= n {
                return None;
            }
            let t = project.tracks.remove(from);
            project.tracks.insert(to, t);
            Some(Edit::MoveTrack { from: to, to: from })
        }
        Edit::SetFields(fields) => {
            let old = ProjectFields::of(project);
            fields.put(project);
            Some(Edit::SetFields(Box::new(old)))
        }
        Edit::SetMarkers(markers) => Some(Edit::SetMarkers(std::mem::replace(&mut project.markers, markers))),
        Edit::SetBin(bin) => Some(Edit::SetBin(std::mem::replace(&mut project.bin, bin))),
        Edit::SetTimelineExtra(extra) => {
            Some(Edit::SetTimelineExtra(std::mem::replace(&mut project.timeline_extra, extra)))
        }
        Edit::Batch(edits) => {
            let mut inverses = Vec::with_capacity(edits.len());
            for e in edits {
                match apply(project, e) {
                    Some(inv) => inverses.push(inv),
                    None => {
                        // Roll back what this batch already did: all or nothing.
                        for inv in inverses.into_iter().rev() {
                            let _ = apply(project, inv);
                        }
                        return None;
                    }
                }
            }
            inverses.reverse();
            Some(Edit::Batch(inverses))
        }
    }
}
