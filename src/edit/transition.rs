//! Ctrl+D: the default cross-dissolve on a cut (Premiere's key). VOD writes a transition in
//! the Effects of the EARLIER clip of the cut, blending into the next one over `Duration`
//! (shared/vod/effects.md 2.1), and the next clip overlaps it by that much (the working model,
//! UNSURE for VOD: the output gets shorter). So the edit adds the effect to the earlier clip
//! and, where the next clips have their own TimelineIn, moves them earlier by the Duration;
//! a next clip without TimelineIn follows by itself (`layout_track`). One undo step.

use super::Edit;
use super::document::Document;
use super::ops::{ClipRef, Refused};
use crate::model::effects::{DEFAULT_TRANSITION, DEFAULT_TRANSITION_SECS};
use crate::model::project::{Placement, Project, TrackKind, layout_track, transition_length};
use crate::model::time::Time;
use crate::model::wire::{Effect, EffectKind, KnownEffect};

/// A cut on a video track: clip `earlier` ends where clip `earlier + 1` starts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cut {
    pub track: usize,
    pub earlier: usize,
    pub at: Time,
}

/// The cuts of track `t`: consecutive clips that touch (the next starting where the earlier
/// ends), both of known length.
pub fn cuts(project: &Project, t: usize) -> Vec<Cut> {
    let Some(track) = project.tracks.get(t).filter(|tr| tr.kind == TrackKind::Video) else {
        return Vec::new();
    };
    let places = layout_track(track, &project.media_durations());
    let known = |p: &Placement| !p.is_provisional();
    places
        .windows(2)
        .enumerate()
        .filter(|(_, w)| known(&w[0]) && known(&w[1]) && w[1].start == w[0].end)
        .map(|(i, w)| Cut { track: t, earlier: i, at: w[0].end })
        .collect()
}

/// The cut Ctrl+D acts on: two touching selected clips, the cut between them; one selected
/// video clip, the cut at its start or its end, whichever is nearer the playhead; else the cut
/// nearest the playhead on the targeted video track.
pub fn pick_cut(doc: &Document) -> Result<Cut, Refused> {
    let p = doc.project();
    let playhead = p.playhead;
    let nearest = |cuts: Vec<Cut>| cuts.into_iter().min_by_key(|c| (c.at - playhead).ticks().abs());
    let found = match doc.selection.as_slice() {
        [a, b] if a.track == b.track && a.index.abs_diff(b.index) == 1 => {
            let earlier = a.index.min(b.index);
            cuts(p, a.track).into_iter().find(|c| c.earlier == earlier)
        }
        [r] => {
            nearest(cuts(p, r.track).into_iter().filter(|c| c.earlier == r.index || c.earlier + 1 == r.index).collect())
        }
        _ => {
            let t = doc.target_of(TrackKind::Video).ok_or(Refused::NoTarget)?;
            nearest(cuts(p, t))
        }
    };
    found.ok_or(Refused::NoCut)
}

/// The edit that puts the default transition (`fade`, 1 s, or half the shorter clip when a
/// clip is shorter than 2 s, on frames) on `cut`, and the earlier clip to select.
pub fn default_transition(project: &Project, cut: Cut) -> Result<(Edit, ClipRef), Refused> {
    transition_on(project, cut, DEFAULT_TRANSITION)
}

/// As [`default_transition`], with the transition `sub_type` (one dragged from the Effects
/// panel).
pub fn transition_on(project: &Project, cut: Cut, sub_type: &str) -> Result<(Edit, ClipRef), Refused> {
    let track = &project.tracks[cut.track];
    if track.locked {
        return Err(Refused::Locked(track.name.clone()));
    }
    let earlier = &track.clips[cut.earlier];
    if earlier.effects.iter().any(|e| e.kind() == Some(EffectKind::Transition)) {
        return Err(Refused::HasTransition);
    }
    let places = layout_track(track, &project.media_durations());
    let shorter = (places[cut.earlier].end - places[cut.earlier].start)
        .min(places[cut.earlier + 1].end - places[cut.earlier + 1].start);
    let fr = project.frame_rate;
    let d = fr.floor(Time::from_secs(DEFAULT_TRANSITION_SECS).min(Time::from_ticks(shorter.ticks() / 2)));
    if d <= Time::ZERO {
        return Err(Refused::TooShort);
    }
    let mut with = earlier.clone();
    with.effects.push(Effect::Known(Box::new(KnownEffect {
        r#type: "Transition".into(),
        sub_type: Some(sub_type.into()),
        duration: Some(d),
        ..Default::default()
    })));
    let mut edits = vec![Edit::SetClip { track: cut.track, index: cut.earlier, clip: Box::new(with) }];
    // Clips placed by their own TimelineIn do not follow the layout: move them to make the
    // overlap (ShiftClips moves only clips whose times are set; its inverse moves them back).
    if track.clips[cut.earlier + 1].timeline_in.is_some() {
        let mut shifts = super::Shifts::default();
        (cut.earlier + 1..track.clips.len()).for_each(|i| shifts.push(i, Time::ZERO - d));
        edits.push(Edit::ShiftClips { track: cut.track, shifts });
    }
    Ok((Edit::Batch(edits), ClipRef { track: cut.track, index: cut.earlier }))
}

/// The lengths the transition on clip `earlier` of `track` may take: at least a frame (the
/// documents give no other bound: a Duration above 0, effects.md 2.2), and no longer than
/// either clip leaves free. The transition overlaps the end of the earlier clip with the start
/// of the next, so it may not reach into the earlier clip's own incoming transition, nor into
/// the next clip's outgoing one.
pub fn length_range(project: &Project, track: usize, earlier: usize) -> Result<(Time, Time), Refused> {
    let t = project.tracks.get(track).ok_or(Refused::Gone)?;
    let clip = t.clips.get(earlier).ok_or(Refused::Gone)?;
    if t.kind != TrackKind::Video || transition_length(clip).is_none() || earlier + 1 >= t.clips.len() {
        return Err(Refused::NoTransition);
    }
    let places = layout_track(t, &project.media_durations());
    let length = |i: usize| places[i].end - places[i].start;
    let incoming = earlier.checked_sub(1).and_then(|i| transition_length(&t.clips[i])).unwrap_or(Time::ZERO);
    let outgoing = transition_length(&t.clips[earlier + 1]).unwrap_or(Time::ZERO);
    let fr = project.frame_rate;
    let (min, max) = (fr.frame_start(1), fr.floor((length(earlier) - incoming).min(length(earlier + 1) - outgoing)));
    if max < min {
        return Err(Refused::NoRoomForTransition);
    }
    Ok((min, max))
}

/// The edit that makes the transition on clip `earlier` of `track` last `want`, on a frame
/// and within [`length_range`], and the length it gets. The next clip follows: by the layout
/// when it has no TimelineIn, moved with every later clip placed by its own otherwise (as
/// [`transition_on`] moves them). One undo step.
pub fn set_length(project: &Project, track: usize, earlier: usize, want: Time) -> Result<(Edit, Time), Refused> {
    let (min, max) = length_range(project, track, earlier)?;
    let t = &project.tracks[track];
    if t.locked {
        return Err(Refused::Locked(t.name.clone()));
    }
    let d = project.frame_rate.snap(want).clamp(min, max);
    let old = transition_length(&t.clips[earlier]).unwrap_or(Time::ZERO);
    let mut clip = t.clips[earlier].clone();
    for e in clip.effects.iter_mut() {
        if let Effect::Known(k) = e
            && k.r#type == "Transition"
        {
            k.duration = Some(d);
            break;
        }
    }
    if clip == t.clips[earlier] {
        return Err(Refused::Nothing);
    }
    let mut edits = vec![Edit::SetClip { track, index: earlier, clip: Box::new(clip) }];
    if t.clips[earlier + 1].timeline_in.is_some() && d != old {
        let mut shifts = super::Shifts::default();
        (earlier + 1..t.clips.len()).for_each(|i| shifts.push(i, old - d));
        edits.push(Edit::ShiftClips { track, shifts });
    }
    Ok((Edit::Batch(edits), d))
}

/// An effect of the catalogue dropped on track `track` at `at`: a transition goes on the cut
/// within `reach` of `at`; a filter or VFX on the video clip under `at` (for the whole clip:
/// no TimelineIn/Out, whose meaning inside a clip's Effects is not documented). Other families
/// are fields of a text, set in the inspector.
pub fn apply_catalogue_effect(
    project: &Project,
    track: usize,
    at: Time,
    reach: Time,
    family: crate::model::effects::Family,
    sub_type: &str,
) -> Result<(Edit, ClipRef), Refused> {
    use crate::model::effects::Family;
    let t = project.tracks.get(track).ok_or(Refused::Gone)?;
    if t.kind != TrackKind::Video {
        return Err(Refused::WrongKind { what: "video", track: t.kind });
    }
    if family == Family::Transition {
        let cut = cuts(project, track)
            .into_iter()
            .filter(|c| (c.at - at).ticks().abs() <= reach.ticks())
            .min_by_key(|c| (c.at - at).ticks().abs())
            .ok_or(Refused::NoCut)?;
        return transition_on(project, cut, sub_type);
    }
    let r#type = family.effect_type().ok_or(Refused::Nothing)?;
    if t.locked {
        return Err(Refused::Locked(t.name.clone()));
    }
    let places = layout_track(t, &project.media_durations());
    let index = places.iter().rposition(|p| p.start <= at && at < p.end).ok_or(Refused::NotInside)?;
    let mut clip = t.clips[index].clone();
    clip.effects.push(Effect::Known(Box::new(KnownEffect {
        r#type: r#type.into(),
        sub_type: Some(sub_type.into()),
        ..Default::default()
    })));
    Ok((Edit::SetClip { track, index, clip: Box::new(clip) }, ClipRef { track, index }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::export::import_timeline_str;

    fn project(timeline_ins: bool) -> Project {
        let t = if timeline_ins { [r#","TimelineIn":0"#, r#","TimelineIn":4"#, r#","TimelineIn":7"#] } else { [""; 3] };
        import_timeline_str(&format!(
            r#"{{"VideoTracks":[{{"VideoTrackClips":[{{"MediaId":"a","Out":4{}}},{{"MediaId":"b","Out":3{}}},{{"MediaId":"c","Out":1{}}}]}}]}}"#,
            t[0], t[1], t[2]
        ))
        .unwrap()
    }

    fn starts(p: &Project) -> Vec<Time> {
        layout_track(&p.tracks[0], &p.media_durations()).iter().map(|x| x.start).collect()
    }

    #[test]
    fn the_nearest_cut_gets_a_fade_on_its_earlier_clip_and_undo_puts_all_back() {
        for explicit in [false, true] {
            let mut doc = Document::new(project(explicit), None, false);
            doc.set_playhead(Time::from_secs(3));
            let cut = pick_cut(&doc).unwrap();
            assert_eq!(cut, Cut { track: 0, earlier: 0, at: Time::from_secs(4) });
            let before = doc.project().clone();
            let (edit, select) = default_transition(doc.project(), cut).unwrap();
            assert_eq!(select, ClipRef { track: 0, index: 0 });
            assert!(doc.apply("t", edit));
            let p = doc.project();
            let Effect::Known(e) = &p.tracks[0].clips[0].effects[0] else { panic!() };
            assert_eq!(
                (e.r#type.as_str(), e.sub_type.as_deref(), e.duration),
                ("Transition", Some("fade"), Some(Time::from_secs(1)))
            );
            // The next clip overlaps the earlier by the Duration, the rest follow.
            assert_eq!(starts(p), [0, 3, 6].map(Time::from_secs), "explicit TimelineIn: {explicit}");
            assert!(crate::model::validate::validate(p).iter().all(|x| x.location.effect.is_none()), "{explicit}");
            doc.undo();
            assert_eq!(doc.project(), &before);
        }
    }

    #[test]
    fn a_short_clip_gets_half_its_length_and_a_second_ctrl_d_is_refused() {
        let mut doc = Document::new(project(false), None, false);
        doc.selection = vec![ClipRef { track: 0, index: 2 }];
        let cut = pick_cut(&doc).unwrap();
        assert_eq!(cut.earlier, 1, "the 1 s clip's only cut is at its start");
        let (edit, _) = default_transition(doc.project(), cut).unwrap();
        doc.apply("t", edit);
        let Effect::Known(e) = &doc.project().tracks[0].clips[1].effects[0] else { panic!() };
        assert_eq!(e.duration, Some(Time::from_millis(480)), "half of 1 s, on a frame at 25 fps");
        let cut = pick_cut(&doc);
        assert_eq!(cut, Err(Refused::NoCut), "the clips overlap now: no cut left there");
        doc.selection = vec![ClipRef { track: 0, index: 0 }, ClipRef { track: 0, index: 1 }];
        let cut = pick_cut(&doc).unwrap();
        doc.apply("t", default_transition(doc.project(), cut).unwrap().0);
        assert_eq!(default_transition(doc.project(), cut).map(|_| ()), Err(Refused::HasTransition));
    }

    #[test]
    fn dropped_effects_go_on_the_cut_or_the_clip_under_the_pointer() {
        use crate::model::effects::Family;
        let p = project(true);
        let reach = Time::from_millis(200);
        let (edit, r) =
            apply_catalogue_effect(&p, 0, Time::from_millis(3900), reach, Family::Transition, "wiperight").unwrap();
        assert_eq!(r, ClipRef { track: 0, index: 0 });
        let mut q = p.clone();
        crate::edit::apply(&mut q, edit);
        let Effect::Known(e) = &q.tracks[0].clips[0].effects[0] else { panic!() };
        assert_eq!(e.sub_type.as_deref(), Some("wiperight"));
        let far = apply_catalogue_effect(&p, 0, Time::from_secs(2), reach, Family::Transition, "fade");
        assert_eq!(far.map(|_| ()), Err(Refused::NoCut));
        let (edit, r) = apply_catalogue_effect(&q, 0, Time::from_secs(5), reach, Family::Filter, "m1").unwrap();
        assert_eq!(r, ClipRef { track: 0, index: 1 });
        crate::edit::apply(&mut q, edit);
        let Effect::Known(e) = &q.tracks[0].clips[1].effects[0] else { panic!() };
        assert_eq!((e.r#type.as_str(), e.sub_type.as_deref()), ("Filter", Some("m1")));
        let problems = crate::model::validate::validate(&q);
        assert!(problems.iter().all(|x| x.location.effect.is_none()), "{problems:?}");
        let outside = apply_catalogue_effect(&p, 0, Time::from_secs(30), reach, Family::Vfx, "zoom");
        assert_eq!(outside.map(|_| ()), Err(Refused::NotInside));
    }

    #[test]
    fn a_transition_length_is_clamped_to_what_both_clips_leave_and_moves_the_next_clips() {
        // a 4 s, b 3 s, c 1 s end to end; a->b 1 s, b->c 0.48 s (half of c).
        let mut doc = Document::new(project(false), None, false);
        for earlier in [0, 1] {
            let cut = cuts(doc.project(), 0).into_iter().find(|c| c.earlier == earlier).unwrap();
            doc.apply("t", default_transition(doc.project(), cut).unwrap().0);
        }
        let p = doc.project();
        // a's may take all of a, but not the part of b that b's own transition into c uses.
        assert_eq!(length_range(p, 0, 0), Ok((Time::from_millis(40), Time::from_millis(2520))));
        // b's may not reach into a's, which takes b's first second.
        assert_eq!(length_range(p, 0, 1), Ok((Time::from_millis(40), Time::from_secs(1))));
        assert_eq!(length_range(p, 0, 2), Err(Refused::NoTransition), "c has none, and no next clip");
        let (edit, d) = set_length(p, 0, 0, Time::from_secs(10)).unwrap();
        assert_eq!(d, Time::from_millis(2520), "clamped to the most");
        let mut q = p.clone();
        crate::edit::apply(&mut q, edit);
        assert_eq!(starts(&q), [0, 1480, 4000].map(Time::from_millis), "b overlaps a by 2.52 s now");
        assert_eq!(set_length(p, 0, 0, Time::ZERO).unwrap().1, Time::from_millis(40), "at least a frame");
        assert_eq!(set_length(p, 0, 0, Time::from_millis(1530)).unwrap().1, Time::from_millis(1520), "on a frame");
        assert_eq!(set_length(p, 0, 0, Time::from_secs(1)).map(|_| ()), Err(Refused::Nothing));
    }

    #[test]
    fn clips_placed_by_their_own_times_move_with_the_length_and_typing_is_one_undo_step() {
        let mut doc = Document::new(project(true), None, false);
        let cut = cuts(doc.project(), 0)[0];
        doc.apply("t", default_transition(doc.project(), cut).unwrap().0);
        assert_eq!(starts(doc.project()), [0, 3, 6].map(Time::from_secs));
        let before = doc.project().clone();
        let r = ClipRef { track: 0, index: 0 };
        // Typed "2", then "2.5", then "25" (clamped to b's 3 s): one step for the field.
        for want in [2000, 2500, 25000] {
            doc.type_transition_length(r, "clip:0:0:effect:Duration", Time::from_millis(want)).unwrap();
        }
        assert_eq!(starts(doc.project()), [0, 1, 4].map(Time::from_secs), "b and c follow");
        doc.undo();
        assert_eq!(doc.project(), &before, "every keystroke's move undone at once");
        doc.redo();
        assert_eq!(starts(doc.project()), [0, 1, 4].map(Time::from_secs));
    }
}
