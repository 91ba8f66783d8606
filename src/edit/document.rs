//! The open document: the project with its history, selection and clipboard. The UI turns
//! input into calls here; nothing here knows about egui.

use super::ops::{self, ClipRef, Edge, Refused};
use super::{Edit, History, ProjectFields, Touched};
use crate::model::wire::Clip;
use crate::model::{Project, Time};
use crate::t;
use std::path::PathBuf;

mod cutting;

pub use cutting::{Gap, place_label};

pub struct Document {
    /// Read through [`Document::project`]; changed only through `Edit`s and the setters
    /// below, which keep its invariants (times on frames, revisions bumped, undo recorded).
    project: Project,
    /// Where Save writes; `None` until saved as a project.
    pub path: Option<PathBuf>,
    pub history: History,
    pub selection: Vec<ClipRef>,
    /// A gap picked by clicking it (Delete closes it); never together with a clip selection.
    pub gap: Option<Gap>,
    clipboard: Vec<(usize, Time, Clip)>,
    /// Changes on every change (undo and redo included): caches key on it. Drawn from one
    /// process-wide counter, so a newly opened document never repeats an old one's number
    /// (caches would otherwise show the previous document).
    revision: u64,
    /// Per track: changes when that track's clips or properties change, or the tracks are
    /// rearranged (same counter as `revision`), so a 100 000-clip project rebuilds and
    /// revalidates only the track an edit touched.
    track_revs: Vec<u64>,
    /// Per track: as `track_revs`, but kept when an edit left the media the track's clips use
    /// as they were (`Touched::media`).
    media_revs: Vec<u64>,
    /// Names this document's recovery file while it has never been saved.
    pub untitled_id: String,
    /// Each track laid out, with the track revision it was laid out at (see [`Document::layouts`]).
    layout_cache: std::cell::RefCell<Vec<Option<(u64, ops::TrackLayout)>>>,
}

fn next_revision() -> u64 {
    use std::sync::atomic::{AtomicU64, Ordering};
    static NEXT: AtomicU64 = AtomicU64::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

impl Default for Document {
    fn default() -> Self {
        Document::new(Project::new_empty(), None, false)
    }
}

impl Document {
    pub fn new(mut project: Project, path: Option<PathBuf>, dirty: bool) -> Self {
        // Room for clips an edit adds at the end of a track (a split's second part, a drop):
        // a track read from a file has no spare capacity, and the first clip added would copy
        // the whole track (5 000 clips of ~450 bytes: 2 MB; 40 MB for an insert on 20 tracks).
        for t in &mut project.tracks {
            t.clips.reserve(16.max(t.clips.len() / 16));
        }
        let mut history = History::default();
        history.reset(dirty);
        let mut r = [0u8; 6];
        let _ = getrandom::fill(&mut r);
        let untitled_id = r.iter().map(|b| format!("{b:02x}")).collect();
        let track_revs: Vec<u64> = project.tracks.iter().map(|_| next_revision()).collect();
        let media_revs = track_revs.clone();
        Document {
            project,
            path,
            history,
            selection: Vec::new(),
            gap: None,
            clipboard: Vec::new(),
            revision: next_revision(),
            track_revs,
            media_revs,
            untitled_id,
            layout_cache: Default::default(),
        }
    }

    /// The project as it stands.
    pub fn project(&self) -> &Project {
        &self.project
    }

    /// The timeline's zoom, in pixels per second (view state: not an undo step, but saved
    /// with the project).
    pub fn set_zoom(&mut self, px_per_sec: f32) {
        self.project.zoom = px_per_sec;
    }

    /// The region chosen in the settings, given to a new document that nothing has been done
    /// to yet (not an undo step: there is nothing before it to go back to).
    pub fn set_default_region(&mut self, region: &str) -> bool {
        if self.project.clip_count() > 0 || self.is_dirty() {
            return false;
        }
        self.project.region = region.to_owned();
        true
    }

    /// Plans a Rearrange move (`ops::rearrange` takes the clips out and back in while it
    /// plans; the project is as before when it returns).
    pub fn plan_rearrange(
        &mut self,
        clips: &[ClipRef],
        delta: Time,
        target: &dyn Fn(usize) -> Option<usize>,
    ) -> Result<ops::Change, Refused> {
        ops::rearrange(&mut self.project, clips, delta, target)
    }

    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// One number per track that changes whenever that track may have (see `track_revs`).
    /// If its length differs from the track count, tracks were changed behind the document's
    /// back (a direct write to `project`): callers then treat every track as changed.
    pub fn track_revisions(&self) -> &[u64] {
        &self.track_revs
    }

    /// As [`Document::track_revisions`], but unchanged when an edit left the media a track's
    /// clips use as they were (moved clips, trims): for what depends on those alone.
    pub fn media_revisions(&self) -> &[u64] {
        &self.media_revs
    }

    /// Track `t` laid out, kept until the track changes: the timeline's index and the edits
    /// that touch many tracks share it, so a track is laid out once per change (a pass over
    /// 5 000 clips of ~450 bytes costs ~0.1 ms; over 100 000, a millisecond or more).
    pub fn track_layout(&self, t: usize) -> ops::TrackLayout {
        let Some(&rev) = self.track_revs.get(t).filter(|_| self.track_revs.len() == self.project.tracks.len()) else {
            // Tracks changed behind the document's back: nothing kept can be trusted.
            return ops::TrackLayout::of(&self.project, t);
        };
        let mut cache = self.layout_cache.borrow_mut();
        cache.resize(self.project.tracks.len(), None);
        match &cache[t] {
            Some((r, l)) if *r == rev => l.clone(),
            _ => {
                let l = ops::TrackLayout::of(&self.project, t);
                cache[t] = Some((rev, l.clone()));
                l
            }
        }
    }

    /// Every track laid out (see [`Document::track_layout`]), for the operations that touch
    /// many tracks.
    pub fn layouts(&self) -> ops::Layouts {
        ops::Layouts((0..self.project.tracks.len()).map(|t| Some(self.track_layout(t))).collect())
    }

    fn note(&mut self, touched: &Touched) {
        self.revision = next_revision();
        if touched.all
            || self.track_revs.len() != self.project.tracks.len()
            || self.media_revs.len() != self.track_revs.len()
        {
            self.track_revs = self.project.tracks.iter().map(|_| next_revision()).collect();
            self.media_revs = self.track_revs.clone();
            return;
        }
        for (revs, tracks) in [(&mut self.track_revs, &touched.tracks), (&mut self.media_revs, &touched.media)] {
            for &t in tracks {
                if let Some(r) = revs.get_mut(t) {
                    *r = next_revision();
                }
            }
        }
    }

    pub fn is_dirty(&self) -> bool {
        self.history.is_dirty()
    }

    /// Applies an edit as one undo step. `label` names the step in the status line ("Undid
    /// Move"): callers pass it translated (`t!`), at the moment the edit is made. A step keeps
    /// its words if the language changes later; that is rare, and storing keys instead would
    /// not do for labels built from field names ("Edit Title").
    pub fn apply(&mut self, label: &str, edit: Edit) -> bool {
        let touched = edit.touched_on(&self.project);
        let done = self.history.apply(&mut self.project, label, edit);
        if done {
            self.note(&touched);
        }
        done
    }

    /// Applies an operation's result and takes its selection.
    pub fn apply_change(&mut self, label: &str, change: Result<ops::Change, Refused>) -> Result<(), Refused> {
        let change = change?;
        if self.apply(label, change.edit) {
            self.selection = change.selection;
            self.gap = None;
        }
        Ok(())
    }

    /// Sets the project-level fields (forms); typing into one field is one undo step.
    pub fn set_fields(&mut self, label: &str, merge_key: &str, change: impl FnOnce(&mut ProjectFields)) {
        let mut fields = ProjectFields::of(&self.project);
        change(&mut fields);
        if fields != ProjectFields::of(&self.project)
            && self.history.apply_merging(&mut self.project, label, Edit::SetFields(Box::new(fields)), merge_key)
        {
            self.note(&Touched::default());
        }
    }

    /// Replaces one clip (inspector); typing into one field is one undo step.
    pub fn set_clip(&mut self, r: ClipRef, merge_key: &str, clip: Clip) -> Result<(), Refused> {
        let track = self.project.tracks.get(r.track).ok_or(Refused::Gone)?;
        if track.locked {
            return Err(Refused::Locked(track.name.clone()));
        }
        if track.clips.get(r.index) == Some(&clip) {
            return Ok(());
        }
        let edit = Edit::SetClip { track: r.track, index: r.index, clip: Box::new(clip) };
        let touched = edit.touched_on(&self.project);
        if self.history.apply_merging(&mut self.project, t!("timeline-edit-clip"), edit, merge_key) {
            self.note(&touched);
        }
        Ok(())
    }

    /// Esc in a field: puts back what the field held before typing began (`merge_key` is the
    /// key the typing was applied with).
    pub fn cancel_typing(&mut self, merge_key: &str) {
        // The caches kept per track (layouts, validation, the media used) must see it too.
        if let Some(touched) = self.history.cancel_open(&mut self.project, merge_key) {
            self.note(&touched);
            self.prune_selection();
        }
    }

    /// Ends the current typing step (focus left the field).
    pub fn seal(&mut self) {
        self.history.seal();
    }

    pub fn undo(&mut self) -> Option<String> {
        let touched = self.history.next_undo()?.touched_on(&self.project);
        let label = self.history.undo(&mut self.project)?;
        self.after_history_jump(&touched);
        Some(label)
    }

    pub fn redo(&mut self) -> Option<String> {
        let touched = self.history.next_redo()?.touched_on(&self.project);
        let label = self.history.redo(&mut self.project)?;
        self.after_history_jump(&touched);
        Some(label)
    }

    fn after_history_jump(&mut self, touched: &Touched) {
        self.note(touched);
        self.prune_selection();
        self.gap = None;
    }

    /// Drops selected clips that no longer exist.
    pub fn prune_selection(&mut self) {
        let p = &self.project;
        self.selection.retain(|r| p.tracks.get(r.track).is_some_and(|t| r.index < t.clips.len()));
    }

    pub fn select_all(&mut self) {
        self.selection = self
            .project
            .tracks
            .iter()
            .enumerate()
            .flat_map(|(t, tr)| (0..tr.clips.len()).map(move |i| ClipRef { track: t, index: i }))
            .collect();
    }

    /// The clips S splits: the selection, or else every unlocked clip under the playhead.
    pub fn split_at_playhead(&mut self) -> Result<(), Refused> {
        let at = self.project.playhead;
        let targets = if self.selection.is_empty() {
            let durations = self.project.media_durations();
            self.project
                .tracks
                .iter()
                .enumerate()
                .filter(|(_, t)| !t.locked)
                .flat_map(|(ti, t)| {
                    crate::model::project::layout_track(t, &durations)
                        .into_iter()
                        .enumerate()
                        .filter(|(_, p)| p.start < at && at < p.end)
                        .map(move |(i, _)| ClipRef { track: ti, index: i })
                })
                .collect()
        } else {
            self.selection.clone()
        };
        let change = ops::split(&self.project, &targets, at);
        self.apply_change(&t!("timeline-edit-split"), change)
    }

    pub fn delete_selection(&mut self, ripple: bool) -> Result<(), Refused> {
        let change = ops::delete(&self.project, &self.selection, ripple);
        let label = if ripple { t!("timeline-edit-ripple-delete") } else { t!("timeline-edit-delete") };
        self.apply_change(&label, change)
    }

    pub fn copy(&mut self) -> usize {
        self.clipboard = ops::copy(&self.project, &self.selection);
        self.clipboard.len()
    }

    /// How many clips a paste would add.
    pub fn clipboard_len(&self) -> usize {
        self.clipboard.len()
    }

    pub fn cut(&mut self) -> Result<(), Refused> {
        if self.copy() == 0 {
            return Err(Refused::Nothing);
        }
        let change = ops::delete(&self.project, &self.selection, false);
        self.apply_change(&t!("timeline-edit-cut"), change)
    }

    /// Pastes at the playhead; each clip starts on the frame nearest where the copy put it.
    pub fn paste(&mut self) -> Result<(), Refused> {
        let at = self.project.playhead;
        let copied = self.clipboard_at(at);
        let change = ops::paste(&self.project, &copied, at);
        self.apply_change(&t!("timeline-edit-paste"), change)
    }

    /// Trims an edge to the frame boundary nearest `to`.
    pub fn trim(&mut self, r: ClipRef, edge: Edge, to: Time) -> Result<(), Refused> {
        let fr = self.project.frame_rate;
        let mut to = fr.snap(to);
        // The shortest clip is MIN_LENGTH: keep that limit on a frame too, or a trim pushed
        // past it would land between frames.
        if let Ok(p) = ops::placement(&self.project, r) {
            match edge {
                Edge::End if to < p.start + ops::MIN_LENGTH => to = fr.ceil(p.start + ops::MIN_LENGTH),
                Edge::Start if to > p.end - ops::MIN_LENGTH => to = fr.floor(p.end - ops::MIN_LENGTH),
                _ => {}
            }
        }
        let change = ops::trim(&self.project, r, edge, to);
        self.apply_change(&t!("timeline-edit-trim"), change)
    }

    /// Moves the selected clips `frames` frames on their tracks (keyboard nudge).
    pub fn nudge(&mut self, frames: i64) -> Result<(), Refused> {
        let fr = self.project.frame_rate;
        let durations = self.project.media_durations();
        // One layout per track, not per clip: a selection can hold every clip.
        let mut tracks: Vec<usize> = self.selection.iter().map(|r| r.track).collect();
        tracks.sort_unstable();
        tracks.dedup();
        let mut earliest: Option<Time> = None;
        for t in tracks {
            let Some(track) = self.project.tracks.get(t) else { continue };
            let places = crate::model::project::layout_track(track, &durations);
            for r in self.selection.iter().filter(|r| r.track == t) {
                if let Some(p) = places.get(r.index) {
                    earliest = Some(earliest.map_or(p.start, |e| e.min(p.start)));
                }
            }
        }
        let earliest = earliest.ok_or(Refused::Nothing)?;
        let delta = fr.frame_start(fr.nearest_frame(earliest) + frames) - earliest;
        let change = ops::move_clips(&self.project, &self.selection, delta, &|t| Some(t));
        self.apply_change(&t!("timeline-edit-nudge"), change)
    }

    /// Moves the playhead `frames` frames (arrow keys), from the frame it is on.
    pub fn step_playhead(&mut self, frames: i64) {
        let fr = self.project.frame_rate;
        self.set_playhead(fr.frame_start(fr.nearest_frame(self.project.playhead) + frames));
    }

    /// Adds a 3 s subtitle at the playhead on the first unlocked subtitle track (adding one if
    /// there is none) and selects it for editing.
    pub fn add_subtitle(&mut self) -> Result<(), Refused> {
        use crate::model::TrackKind;
        let subtitle = self.new_subtitle(self.project.playhead);
        let (edit, selection) =
            match self.project.tracks.iter().position(|t| t.kind == TrackKind::Subtitle && !t.locked) {
                Some(t) => {
                    let change = ops::insert(&self.project, t, vec![subtitle])?;
                    (change.edit, change.selection)
                }
                None => {
                    // A new track holding the subtitle: nothing on it to check against, and no
                    // copy of the (possibly huge) project needed to plan it.
                    let n = self.project.tracks.iter().filter(|t| t.kind == TrackKind::Subtitle).count() + 1;
                    let mut track = crate::model::project::Track::new(TrackKind::Subtitle, format!("S{n}"));
                    track.clips.push(subtitle);
                    let index = self.project.tracks.len();
                    (Edit::InsertTrack { index, track }, vec![ClipRef { track: index, index: 0 }])
                }
            };
        if self.apply(&t!("timeline-edit-add-subtitle"), edit) {
            self.selection = selection;
        }
        Ok(())
    }

    /// Ctrl+D: the default cross-dissolve on the cut [`super::transition::pick_cut`] finds,
    /// as one undo step; the clip carrying it is selected.
    pub fn add_default_transition(&mut self) -> Result<(), Refused> {
        let cut = super::transition::pick_cut(self)?;
        let (edit, carrier) = super::transition::default_transition(&self.project, cut)?;
        if self.apply(&t!("timeline-edit-add-transition"), edit) {
            self.selection = vec![carrier];
            self.gap = None;
        }
        Ok(())
    }

    /// A transition's length, set by its handle on the timeline: on a frame, clamped to what
    /// the two clips allow ([`super::transition::length_range`]), one undo step. Returns the
    /// length it got.
    pub fn set_transition_length(&mut self, r: ClipRef, want: Time) -> Result<Time, Refused> {
        let (edit, d) = super::transition::set_length(&self.project, r.track, r.index, want)?;
        self.apply(&t!("timeline-edit-transition-length"), edit);
        Ok(d)
    }

    /// A transition's length typed into the inspector: as [`Document::set_transition_length`],
    /// with every keystroke of one field merged into one undo step (`merge_key`).
    pub fn type_transition_length(&mut self, r: ClipRef, merge_key: &str, want: Time) -> Result<Time, Refused> {
        let (edit, d) = super::transition::set_length(&self.project, r.track, r.index, want)?;
        let touched = edit.touched_on(&self.project);
        if self.history.apply_merging(&mut self.project, t!("timeline-edit-transition-length"), edit, merge_key) {
            self.note(&touched);
        }
        Ok(d)
    }

    pub fn add_marker(&mut self) -> Result<(), Refused> {
        let edit = ops::add_marker(&self.project, self.project.playhead)?;
        self.apply(&t!("timeline-edit-add-marker"), edit);
        Ok(())
    }

    /// Renames marker `i` (one undo step).
    pub fn rename_marker(&mut self, i: usize, label: &str) -> Result<(), Refused> {
        let mut markers = self.project.markers.clone();
        let m = markers.get_mut(i).ok_or(Refused::Gone)?;
        if m.label == label {
            return Err(Refused::Nothing);
        }
        m.label = label.to_owned();
        self.apply(&t!("timeline-edit-rename-marker"), Edit::SetMarkers(markers));
        Ok(())
    }

    pub fn delete_marker(&mut self, i: usize) -> Result<(), Refused> {
        let mut markers = self.project.markers.clone();
        if i >= markers.len() {
            return Err(Refused::Gone);
        }
        markers.remove(i);
        self.apply(&t!("timeline-edit-delete-marker"), Edit::SetMarkers(markers));
        Ok(())
    }

    /// Moves the playhead to the next (or previous) marker; false when there is none.
    pub fn jump_to_marker(&mut self, forward: bool) -> bool {
        let at = self.project.playhead;
        let target = if forward {
            self.project.markers.iter().map(|m| m.time).filter(|t| *t > at).min()
        } else {
            self.project.markers.iter().map(|m| m.time).filter(|t| *t < at).max()
        };
        target.map(|t| self.set_playhead(t)).is_some()
    }

    /// A new subtitle at the frame nearest `at`, ending on a frame too.
    pub fn new_subtitle(&self, at: Time) -> Clip {
        let fr = self.project.frame_rate;
        let mut c = ops::new_subtitle(fr.snap(at.max(Time::ZERO)));
        c.timeline_out = c.timeline_out.map(|t| fr.snap(t));
        c
    }

    /// Moves the playhead to the frame nearest `t` (view state: not an undo step, but saved
    /// with the project).
    pub fn set_playhead(&mut self, t: Time) {
        self.project.playhead = self.project.frame_rate.snap(t.max(Time::ZERO));
    }

    /// The selected clip when exactly one is selected.
    pub fn single_selected(&self) -> Option<(ClipRef, &Clip)> {
        match self.selection.as_slice() {
            [r] => self.project.tracks.get(r.track)?.clips.get(r.index).map(|c| (*r, c)),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::export::import_timeline_str;

    #[test]
    fn typing_into_one_field_is_one_step() {
        let mut d = Document::default();
        for title in ["B", "Be", "Bea", "Beach"] {
            d.set_fields("Title", "title", |f| f.title = title.into());
        }
        assert_eq!(d.history.len(), 1);
        assert!(d.is_dirty());
        d.seal();
        d.set_fields("Title", "title", |f| f.title = "Beach day".into());
        assert_eq!(d.history.len(), 2);
        d.undo();
        assert_eq!(d.project.title, "Beach");
        d.undo();
        assert_eq!(d.project.title, "");
        assert!(!d.is_dirty());
    }

    #[test]
    fn a_trim_held_at_the_shortest_length_stays_on_a_frame() {
        // Found by the frame proptest: the 0.1 s minimum sat between 25 fps frames.
        let p =
            import_timeline_str(r#"{"VideoTracks":[{"VideoTrackClips":[{"MediaId":"a","In":0,"Out":4}]}]}"#).unwrap();
        let mut d = Document::new(p.clone(), None, false);
        let fr = d.project.frame_rate;
        let r = ClipRef { track: 0, index: 0 };
        d.trim(r, Edge::End, Time::from_millis(-500)).unwrap();
        let out = d.project.tracks[0].clips[0].out.unwrap();
        assert!(fr.is_boundary(out) && out >= ops::MIN_LENGTH, "Out {out:?}");
        let mut d = Document::new(p, None, false);
        d.trim(r, Edge::Start, Time::from_secs(9)).unwrap();
        let c = &d.project.tracks[0].clips[0];
        let start = c.timeline_in.unwrap();
        assert!(fr.is_boundary(start) && fr.is_boundary(c.r#in.unwrap()), "{c:?}");
        assert!(Time::from_secs(4) - start >= ops::MIN_LENGTH);
    }

    #[test]
    fn esc_takes_back_only_the_open_typing() {
        let mut d = Document::default();
        d.set_fields("Title", "title", |f| f.title = "Beach".into());
        d.seal();
        for title in ["Beach d", "Beach da"] {
            d.set_fields("Title", "title", |f| f.title = title.into());
        }
        d.cancel_typing("title");
        assert_eq!(d.project.title, "Beach");
        assert_eq!(d.history.len(), 1, "no empty step is left behind");
        assert!(!d.history.can_redo());
        d.cancel_typing("title");
        assert_eq!(d.project.title, "Beach", "a sealed step is not taken back");
    }

    #[test]
    fn nudge_and_add_subtitle() {
        let p =
            import_timeline_str(r#"{"VideoTracks":[{"VideoTrackClips":[{"MediaId":"a","Out":4,"TimelineIn":1}]}]}"#)
                .unwrap();
        let mut d = Document::new(p, None, false);
        d.selection = vec![ClipRef { track: 0, index: 0 }];
        d.nudge(1).unwrap();
        assert_eq!(d.project.tracks[0].clips[0].timeline_in, Some(Time::from_millis(1_040)));
        // No subtitle track yet: one is added, with the subtitle, as one undo step.
        d.set_playhead(Time::from_secs(2));
        d.add_subtitle().unwrap();
        assert_eq!(d.project.tracks.len(), 2);
        let s = &d.project.tracks[1].clips[0];
        assert_eq!((s.timeline_in, s.content.as_deref()), (Some(Time::from_secs(2)), Some("New subtitle")));
        assert_eq!(d.selection, vec![ClipRef { track: 1, index: 0 }]);
        d.undo();
        assert_eq!(d.project.tracks.len(), 1);
    }

    #[test]
    fn split_without_selection_cuts_what_is_under_the_playhead() {
        let p = import_timeline_str(r#"{"VideoTracks":[{"VideoTrackClips":[{"MediaId":"a","Out":4}]}],"AudioTracks":[{"AudioTrackClips":[{"MediaId":"b","Out":8}]}]}"#).unwrap();
        let mut d = Document::new(p, None, false);
        d.set_playhead(Time::from_secs(2));
        d.split_at_playhead().unwrap();
        assert_eq!(d.project.clip_count(), 4);
        assert_eq!(d.selection.len(), 2);
        d.undo();
        assert_eq!(d.project.clip_count(), 2);
    }
}
