//! Three-way merge of Timelines: the base (what vodcut last synced), mine (the project now)
//! and theirs (the cloud now, edited in the console since). Changes on both sides that do not
//! touch the same clip are all kept; a clip both sides changed differently is a conflict,
//! settled by a [`Choice`] each. Then the result goes into the project as one undo step
//! ([`replace_timeline`]). No egui, no I/O.
//!
//! The result is built on mine: my tracks and clip order stay, and theirs' changes are carried
//! over: a clip they changed in place is replaced in place, one they moved (to another track,
//! or to another place in the order) or added goes after the clip that precedes it on their
//! track, one they removed goes.

use super::Edit;
use crate::model::diff::{ClipAt, TrackAt, clip_at, matching, track_count, tracks_of};
use crate::model::project::{Track, TrackKind};
use crate::model::wire::{AudioTrack, Clip, Extra, ImageTrack, SubtitleTrack, Timeline, VideoTrack};
use crate::model::{Project, Time};
use std::collections::HashMap;

/// Which side a conflict keeps.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Choice {
    #[default]
    Mine,
    Theirs,
}

/// A clip of the base that both sides changed, differently. `None`: that side removed it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Conflict {
    pub base: ClipAt,
    pub mine: Option<ClipAt>,
    pub theirs: Option<ClipAt>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Merged {
    pub timeline: Timeline,
    /// Every conflict, in a fixed order (the index of `choices`).
    pub conflicts: Vec<Conflict>,
}

/// Merges theirs' changes since `base` into mine. Conflict `k` is settled by `choices[k]`
/// (mine when there is no such choice): call once with no choices to list the conflicts.
pub fn merge(base: &Timeline, mine: &Timeline, theirs: &Timeline, choices: &[Choice]) -> Merged {
    let mut m = Merger::new(base, mine, theirs, choices);
    for (track, clips, _) in tracks_of(theirs) {
        m.carry_track(track, clips.len());
    }
    m.carry_removals();
    let timeline = m.finish();
    Merged { timeline, conflicts: m.conflicts }
}

/// Where a clip goes in a result track: first (before mine's first clip) or after mine's clip
/// at a slot, after what was already put there.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Anchor {
    Head,
    After(usize),
}

/// A result track: mine's clips (a slot each, emptied when the clip goes) and what theirs
/// puts before or after them.
#[derive(Default)]
struct Lane {
    head: Vec<Clip>,
    slots: Vec<(Option<Clip>, Vec<Clip>)>,
}

struct Merger<'a> {
    base: &'a Timeline,
    mine: &'a Timeline,
    theirs: &'a Timeline,
    choices: &'a [Choice],
    /// Base clip -> mine's and theirs' clip.
    to_mine: HashMap<ClipAt, Option<ClipAt>>,
    to_theirs: HashMap<ClipAt, Option<ClipAt>>,
    /// Theirs' clip -> the base's.
    from_theirs: HashMap<ClipAt, ClipAt>,
    /// Mine's added clips by where they are and what they show (the same clip added on both
    /// sides is one), each taken once.
    mine_added: HashMap<(TrackAt, Option<String>, Option<Time>), Vec<ClipAt>>,
    /// Base clip -> the nearest earlier clip of its track still on that track in theirs.
    survivor_before: HashMap<ClipAt, Option<ClipAt>>,
    /// Theirs' tracks the base did not have -> their result track, and back.
    added_lanes: HashMap<TrackAt, TrackAt>,
    added_from: HashMap<TrackAt, TrackAt>,
    lanes: HashMap<TrackAt, Lane>,
    conflicts: Vec<Conflict>,
}

impl<'a> Merger<'a> {
    fn new(base: &'a Timeline, mine: &'a Timeline, theirs: &'a Timeline, choices: &'a [Choice]) -> Self {
        let mut to_mine = HashMap::new();
        let mut mine_added: HashMap<_, Vec<ClipAt>> = HashMap::new();
        for (b, m) in matching(base, mine) {
            match (b, m) {
                (Some(b), m) => {
                    to_mine.insert(b, m);
                }
                (None, Some(m)) => {
                    let c = clip_at(mine, m);
                    let key =
                        (m.track, c.and_then(|c| c.material_id().map(str::to_owned)), c.and_then(|c| c.timeline_in));
                    mine_added.entry(key).or_default().push(m);
                }
                (None, None) => {}
            }
        }
        let (mut to_theirs, mut from_theirs) = (HashMap::new(), HashMap::new());
        for (b, t) in matching(base, theirs) {
            if let Some(b) = b {
                to_theirs.insert(b, t);
                if let Some(t) = t {
                    from_theirs.insert(t, b);
                }
            }
        }
        let mut survivor_before = HashMap::new();
        for (track, clips, _) in tracks_of(base) {
            let mut last = None;
            for index in 0..clips.len() {
                let b = ClipAt { track, index };
                survivor_before.insert(b, last);
                if to_theirs.get(&b).copied().flatten().is_some_and(|t| t.track == track) {
                    last = Some(b);
                }
            }
        }
        let mut lanes: HashMap<TrackAt, Lane> = HashMap::new();
        for (track, clips, _) in tracks_of(mine) {
            let slots = clips.iter().map(|c| (Some(c.clone()), Vec::new())).collect();
            lanes.insert(track, Lane { head: Vec::new(), slots });
        }
        // A track they added goes after mine's, unless mine added the very same track there.
        let (mut added_lanes, mut added_from) = (HashMap::new(), HashMap::new());
        for kind in TrackKind::ALL {
            let (nb, nm) = (track_count(base, kind), track_count(mine, kind));
            let mut next = nb.max(nm);
            for (t, clips, extra) in tracks_of(theirs).into_iter().filter(|(t, _, _)| t.kind == kind && t.ordinal >= nb)
            {
                let same = tracks_of(mine).into_iter().any(|(m, c, e)| m == t && c == clips && e == extra);
                let lane = if same {
                    t
                } else {
                    next += 1;
                    TrackAt { kind, ordinal: next - 1 }
                };
                added_lanes.insert(t, lane);
                added_from.insert(lane, t);
            }
        }
        Merger {
            added_lanes,
            added_from,
            base,
            mine,
            theirs,
            choices,
            to_mine,
            to_theirs,
            from_theirs,
            mine_added,
            survivor_before,
            lanes,
            conflicts: Vec::new(),
        }
    }

    /// The result track theirs' track goes to: the same for a track the base had, else after
    /// every track mine and the base have of that kind.
    fn lane_of(&self, t: TrackAt) -> TrackAt {
        self.added_lanes.get(&t).copied().unwrap_or(t)
    }

    fn lane(&mut self, t: TrackAt) -> &mut Lane {
        self.lanes.entry(t).or_default()
    }

    fn put(&mut self, lane: TrackAt, at: Anchor, clip: Clip) {
        let l = self.lane(lane);
        match at {
            Anchor::Head => l.head.push(clip),
            Anchor::After(i) => match l.slots.get_mut(i) {
                Some(s) => s.1.push(clip),
                None => l.head.push(clip),
            },
        }
    }

    fn take(&mut self, m: ClipAt) -> Option<Clip> {
        self.lane(m.track).slots.get_mut(m.index).and_then(|s| s.0.take())
    }

    /// Whether a side changed a base clip: removed it, moved it to another track, or changed
    /// any of its fields.
    fn changed(&self, side: &Timeline, b: ClipAt, now: Option<ClipAt>) -> bool {
        match now {
            None => true,
            Some(n) => n.track != b.track || clip_at(side, n) != clip_at(self.base, b),
        }
    }

    fn conflict(&mut self, c: Conflict) -> Choice {
        self.conflicts.push(c);
        self.choices.get(self.conflicts.len() - 1).copied().unwrap_or_default()
    }

    /// Carries theirs' clips of one track over, in their order.
    fn carry_track(&mut self, track: TrackAt, len: usize) {
        let lane = self.lane_of(track);
        let mut anchor = Anchor::Head;
        // The base clip of the last of theirs' clips here that came from the same base track.
        let mut last_same: Option<ClipAt> = None;
        for index in 0..len {
            let t = ClipAt { track, index };
            let Some(clip) = clip_at(self.theirs, t).cloned() else { continue };
            let Some(b) = self.from_theirs.get(&t).copied() else {
                anchor = self.carry_added(lane, anchor, clip);
                continue;
            };
            let reordered = b.track == track && self.survivor_before.get(&b).copied().flatten() != last_same;
            if b.track == track {
                last_same = Some(b);
            }
            let m = self.to_mine.get(&b).copied().flatten();
            let content = self.changed(self.theirs, b, Some(t));
            let mine_changed = self.changed(self.mine, b, m);
            let in_place = |m: Option<ClipAt>| m.filter(|m| m.track == lane);
            if !content && !reordered {
                // Untouched by theirs: mine's stands, and anchors what follows if it is here.
                anchor = in_place(m).map_or(anchor, |m| Anchor::After(m.index));
                continue;
            }
            let same_outcome = m.is_some_and(|m| m.track == lane && clip_at(self.mine, m) == Some(&clip));
            let take_theirs = if !mine_changed {
                true
            } else if let Some(here) = in_place(m).filter(|_| same_outcome || !content) {
                // Both made the clip the same, or they only moved it along the track and mine
                // changed it: mine's clip, at theirs' place.
                if reordered {
                    if let Some(mine_clip) = self.take(here) {
                        self.put(lane, anchor, mine_clip);
                    }
                } else {
                    anchor = Anchor::After(here.index);
                }
                continue;
            } else if same_outcome {
                false
            } else {
                self.conflict(Conflict { base: b, mine: m, theirs: Some(t) }) == Choice::Theirs
            };
            if !take_theirs {
                anchor = in_place(m).map_or(anchor, |m| Anchor::After(m.index));
                continue;
            }
            match in_place(m) {
                Some(m) if !reordered => {
                    self.lane(lane).slots[m.index].0 = Some(clip);
                    anchor = Anchor::After(m.index);
                }
                _ => {
                    if let Some(m) = m {
                        self.take(m);
                    }
                    self.put(lane, anchor, clip);
                }
            }
        }
    }

    /// A clip only theirs has: kept after `anchor`, unless mine added the same clip there.
    fn carry_added(&mut self, lane: TrackAt, anchor: Anchor, clip: Clip) -> Anchor {
        let key = (lane, clip.material_id().map(str::to_owned), clip.timeline_in);
        let same = self.mine_added.get(&key).and_then(|v| v.iter().position(|m| clip_at(self.mine, *m) == Some(&clip)));
        if let Some(pos) = same
            && let Some(m) = self.mine_added.get_mut(&key).map(|v| v.remove(pos))
        {
            return Anchor::After(m.index);
        }
        self.put(lane, anchor, clip);
        anchor
    }

    /// Base clips theirs removed: gone, unless mine changed them (a conflict).
    fn carry_removals(&mut self) {
        let mut removed: Vec<ClipAt> = self.to_theirs.iter().filter(|(_, t)| t.is_none()).map(|(b, _)| *b).collect();
        removed.sort_by_key(|b| (b.track.kind as usize, b.track.ordinal, b.index));
        for b in removed {
            let m = self.to_mine.get(&b).copied().flatten();
            let Some(mc) = m else { continue };
            let take = !self.changed(self.mine, b, m)
                || self.conflict(Conflict { base: b, mine: Some(mc), theirs: None }) == Choice::Theirs;
            if take {
                self.take(mc);
            }
        }
    }

    /// The result: each kind's lanes in order, the lanes a side removed left out when nothing
    /// is on them, the track and Timeline fields theirs changed taken.
    fn finish(&mut self) -> Timeline {
        let (base, mine, theirs) = (self.base, self.mine, self.theirs);
        let pick = |b: Option<&Extra>, m: Option<&Extra>, t: Option<&Extra>| match (m, t) {
            (Some(m), Some(t)) if m == b.unwrap_or(m) && t != m => t.clone(),
            (Some(m), _) => m.clone(),
            (None, t) => t.cloned().unwrap_or_default(),
        };
        let extras = |tl| tracks_of(tl).into_iter().map(|(at, _, e)| (at, e.clone())).collect::<HashMap<_, _>>();
        let (eb, em, et) = (extras(base), extras(mine), extras(theirs));
        let mut out =
            Timeline { extra: pick(Some(&base.extra), Some(&mine.extra), Some(&theirs.extra)), ..Default::default() };
        for kind in TrackKind::ALL {
            let (nb, nm, nt) = (track_count(base, kind), track_count(mine, kind), track_count(theirs, kind));
            let lanes =
                nb.max(nm) + self.added_from.keys().filter(|l| l.kind == kind && l.ordinal >= nb.max(nm)).count();
            for ordinal in 0..lanes {
                let at = TrackAt { kind, ordinal };
                let lane = self.lanes.remove(&at).unwrap_or_default();
                let clips: Vec<Clip> = lane
                    .head
                    .into_iter()
                    .chain(lane.slots.into_iter().flat_map(|(c, after)| c.into_iter().chain(after)))
                    .collect();
                let removed = ordinal < nb && (ordinal >= nm || ordinal >= nt);
                if removed && clips.is_empty() {
                    continue;
                }
                let theirs_at = if ordinal < nb { Some(at) } else { None };
                let extra = match theirs_at {
                    Some(_) => pick(eb.get(&at), em.get(&at), et.get(&at)),
                    // A lane after the base's: mine's own, or the one theirs added.
                    None if ordinal < nm => em.get(&at).cloned().unwrap_or_default(),
                    None => self.added_from.get(&at).and_then(|t| et.get(t)).cloned().unwrap_or_default(),
                };
                push_track(&mut out, kind, clips, extra);
            }
        }
        out
    }
}

fn push_track(tl: &mut Timeline, kind: TrackKind, clips: Vec<Clip>, extra: Extra) {
    match kind {
        TrackKind::Video => tl.video_tracks.push(VideoTrack { clips, extra }),
        TrackKind::Audio => tl.audio_tracks.push(AudioTrack { clips, extra }),
        TrackKind::Image => tl.image_tracks.push(ImageTrack { clips, extra }),
        TrackKind::Subtitle => tl.subtitle_tracks.push(SubtitleTrack { clips, extra }),
    }
}

/// The edit that makes the project's produced tracks (those not hidden or muted) hold `tl`:
/// a track whose clips or fields differ is replaced (its name, lock and target kept), tracks
/// `tl` has more of are added after the last of their kind, those it has fewer of removed.
/// Hidden tracks are not part of the Timeline and stay as they are. `None` when nothing
/// differs. One [`Edit::Batch`]: one undo step.
pub fn replace_timeline(project: &Project, tl: &Timeline) -> Option<Edit> {
    let wanted = tracks_of(tl);
    let mut edits = Vec::new();
    let mut removals = Vec::new();
    let mut appended: Vec<(usize, Track)> = Vec::new();
    for kind in TrackKind::ALL {
        let mine: Vec<usize> =
            project.tracks.iter().enumerate().filter(|(_, t)| t.kind == kind && !t.hidden).map(|(i, _)| i).collect();
        let theirs: Vec<_> = wanted.iter().filter(|(at, _, _)| at.kind == kind).collect();
        for (k, (_, clips, extra)) in theirs.iter().enumerate() {
            match mine.get(k) {
                Some(&i) => {
                    let old = &project.tracks[i];
                    if old.clips.as_slice() != *clips || &old.extra != *extra {
                        let track = Track { clips: clips.to_vec(), extra: (*extra).clone(), ..old.clone() };
                        edits.push(Edit::RemoveTrack { index: i });
                        edits.push(Edit::InsertTrack { index: i, track });
                    }
                }
                None => {
                    let n = project.tracks.iter().filter(|t| t.kind == kind).count() + k - mine.len() + 1;
                    let mut track = Track::new(kind, format!("{}{n}", kind.letter()));
                    track.clips = clips.to_vec();
                    track.extra = (*extra).clone();
                    let after =
                        project.tracks.iter().rposition(|t| t.kind == kind).map_or(project.tracks.len(), |i| i + 1);
                    appended.push((after, track));
                }
            }
        }
        removals.extend(mine.iter().skip(theirs.len()).copied());
    }
    // Removals from the last index down, then additions from the last place down: each index
    // still means what it meant in the project as it was.
    removals.sort_unstable_by(|a, b| b.cmp(a));
    let mut places: Vec<(usize, Track)> = Vec::new();
    for (after, track) in appended {
        let shift = removals.iter().filter(|&&r| r < after).count();
        places.push((after - shift, track));
    }
    edits.extend(removals.into_iter().map(|index| Edit::RemoveTrack { index }));
    // Several new tracks at one place go in their order: inserting each at the same index
    // would reverse them.
    places.sort_by_key(|(index, _)| *index);
    for (index, track) in places.into_iter().rev() {
        edits.push(Edit::InsertTrack { index, track });
    }
    if project.timeline_extra != tl.extra {
        edits.push(Edit::SetTimelineExtra(tl.extra.clone()));
    }
    (!edits.is_empty()).then_some(Edit::Batch(edits))
}

#[cfg(test)]
mod tests;
