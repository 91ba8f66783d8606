use super::*;
use crate::model::diff::{ChangeKind, diff};
use crate::model::wire::{Effect, EffectKind};

fn tl(text: &str) -> Timeline {
    serde_json::from_str(text).unwrap()
}

/// A small deterministic generator (xorshift), so the property tests try many cases and a
/// failure names its seed.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n.max(1) as u64) as usize
    }
}

/// Two video tracks and an audio track, every clip its own media and range.
fn base(rng: &mut Rng) -> Timeline {
    let mut t = Timeline::default();
    let mut n = 0;
    for (kind, tracks) in [(TrackKind::Video, 2), (TrackKind::Audio, 1)] {
        for _ in 0..tracks {
            let clips = (0..2 + rng.below(5))
                .map(|_| {
                    n += 1;
                    clip(&format!("m{n}"), n as i64)
                })
                .collect();
            push_track(&mut t, kind, clips, Extra::new());
        }
    }
    t
}

fn clip(media: &str, at: i64) -> Clip {
    Clip {
        media_id: Some(media.into()),
        r#in: Some(Time::from_secs(at)),
        out: Some(Time::from_secs(at + 3)),
        ..Default::default()
    }
}

fn video(t: &mut Timeline, k: usize) -> &mut Vec<Clip> {
    &mut t.video_tracks[k].clips
}

/// One random edit a user might make, in the editor or the console.
fn edit(t: &mut Timeline, rng: &mut Rng, tag: &str) {
    let k = rng.below(2);
    let n = video(t, k).len();
    match rng.below(7) {
        0 if n > 0 => {
            video(t, k).remove(rng.below(n));
        }
        1 => {
            let at = rng.below(n + 1);
            video(t, k).insert(at, clip(&format!("{tag}{}", rng.below(1000)), 500));
        }
        2 if n > 0 => {
            let c = &mut video(t, k)[rng.below(n)];
            c.out = c.out.map(|o| o + Time::from_secs(1));
        }
        3 if n > 0 => {
            let c = video(t, k).remove(rng.below(n));
            let other = video(t, 1 - k);
            let at = rng.below(other.len() + 1);
            other.insert(at, c);
        }
        4 if n > 0 => video(t, k)[rng.below(n)].effects.push(Effect::new(EffectKind::Volume)),
        5 if n > 1 => {
            let i = rng.below(n - 1);
            video(t, k).swap(i, i + 1);
        }
        6 => push_track(t, TrackKind::Video, vec![clip(&format!("{tag}-track"), 900)], Extra::new()),
        _ => {}
    }
}

fn edited(b: &Timeline, rng: &mut Rng, tag: &str) -> Timeline {
    let mut t = b.clone();
    for _ in 0..1 + rng.below(4) {
        edit(&mut t, rng, tag);
    }
    t
}

#[test]
fn with_one_side_unchanged_the_merge_is_the_other_side() {
    for seed in 1..400u64 {
        let mut rng = Rng(seed * 7919);
        let b = base(&mut rng);
        let x = edited(&b, &mut rng, "x");
        let m = merge(&b, &x, &b, &[]);
        assert_eq!((&m.timeline, m.conflicts.len()), (&x, 0), "merge(b, m, b) == m, seed {seed}");
        let m = merge(&b, &b, &x, &[]);
        assert_eq!((&m.timeline, m.conflicts.len()), (&x, 0), "merge(b, b, t) == t, seed {seed}");
        let m = merge(&b, &x, &x, &[]);
        assert_eq!((&m.timeline, m.conflicts.len()), (&x, 0), "the same edit on both sides, seed {seed}");
    }
}

#[test]
fn edits_of_different_clips_are_all_kept_without_conflict() {
    for seed in 1..400u64 {
        let mut rng = Rng(seed * 104_729);
        let b = base(&mut rng);
        // Each clip of the first video track goes to one side or the other; each side trims,
        // removes or changes the effects of its own clips only.
        let (mut mine, mut theirs, mut both) = (b.clone(), b.clone(), b.clone());
        let n = b.video_tracks[0].clips.len();
        let mut gone = Vec::new();
        for i in 0..n {
            let side = if rng.below(2) == 0 { &mut mine } else { &mut theirs };
            match rng.below(4) {
                0 => {
                    side.video_tracks[0].clips[i].out = Some(Time::from_secs(99));
                    both.video_tracks[0].clips[i].out = Some(Time::from_secs(99));
                }
                1 => {
                    side.video_tracks[0].clips[i].effects.push(Effect::new(EffectKind::Volume));
                    both.video_tracks[0].clips[i].effects.push(Effect::new(EffectKind::Volume));
                }
                2 => {
                    side.video_tracks[0].clips[i].media_id = Some(format!("gone{i}"));
                    gone.push(i);
                }
                _ => {}
            }
        }
        for t in [&mut mine, &mut theirs, &mut both] {
            let mut i = 0;
            t.video_tracks[0].clips.retain(|_| {
                i += 1;
                !gone.contains(&(i - 1))
            });
        }
        let m = merge(&b, &mine, &theirs, &[]);
        assert_eq!(m.conflicts, [], "seed {seed}");
        assert_eq!(m.timeline, both, "seed {seed}");
    }
}

#[test]
fn a_clip_moved_by_them_and_another_trimmed_by_me_both_happen() {
    let b = tl(
        r#"{"VideoTracks":[{"VideoTrackClips":[{"MediaId":"a","In":0,"Out":4},{"MediaId":"b","In":0,"Out":4},{"MediaId":"c","In":0,"Out":4}]},{}]}"#,
    );
    let mine = tl(
        r#"{"VideoTracks":[{"VideoTrackClips":[{"MediaId":"a","In":0,"Out":2},{"MediaId":"b","In":0,"Out":4},{"MediaId":"c","In":0,"Out":4}]},{}]}"#,
    );
    let theirs = tl(
        r#"{"VideoTracks":[{"VideoTrackClips":[{"MediaId":"a","In":0,"Out":4},{"MediaId":"c","In":0,"Out":4}]},{"VideoTrackClips":[{"MediaId":"b","In":0,"Out":4}]}]}"#,
    );
    let want = tl(
        r#"{"VideoTracks":[{"VideoTrackClips":[{"MediaId":"a","In":0,"Out":2},{"MediaId":"c","In":0,"Out":4}]},{"VideoTrackClips":[{"MediaId":"b","In":0,"Out":4}]}]}"#,
    );
    let m = merge(&b, &mine, &theirs, &[]);
    assert_eq!((m.timeline, m.conflicts), (want, vec![]));
}

#[test]
fn the_same_clip_changed_on_both_sides_is_a_conflict_each_choice_keeps_its_side() {
    let b =
        tl(r#"{"VideoTracks":[{"VideoTrackClips":[{"MediaId":"a","In":0,"Out":4},{"MediaId":"b","In":0,"Out":4}]}]}"#);
    let mine =
        tl(r#"{"VideoTracks":[{"VideoTrackClips":[{"MediaId":"a","In":0,"Out":2},{"MediaId":"b","In":0,"Out":4}]}]}"#);
    let theirs =
        tl(r#"{"VideoTracks":[{"VideoTrackClips":[{"MediaId":"a","In":1,"Out":4},{"MediaId":"b","In":0,"Out":5}]}]}"#);
    let m = merge(&b, &mine, &theirs, &[]);
    assert_eq!(m.conflicts.len(), 1);
    let c = m.conflicts[0];
    assert_eq!((c.base.index, c.mine.map(|a| a.index), c.theirs.map(|a| a.index)), (0, Some(0), Some(0)));
    let out = |t: &Timeline| {
        (t.video_tracks[0].clips[0].r#in, t.video_tracks[0].clips[0].out, t.video_tracks[0].clips[1].out)
    };
    let s = Time::from_secs;
    assert_eq!(out(&m.timeline), (Some(s(0)), Some(s(2)), Some(s(5))), "mine by default, their trim of b kept");
    let m = merge(&b, &mine, &theirs, &[Choice::Theirs]);
    assert_eq!(out(&m.timeline), (Some(s(1)), Some(s(4)), Some(s(5))));
    // Removed on one side, changed on the other: a conflict too.
    let removed = tl(r#"{"VideoTracks":[{"VideoTrackClips":[{"MediaId":"b","In":0,"Out":4}]}]}"#);
    let m = merge(&b, &mine, &removed, &[]);
    assert_eq!((m.conflicts.len(), m.conflicts[0].theirs), (1, None));
    assert_eq!(m.timeline.video_tracks[0].clips.len(), 2);
    assert_eq!(merge(&b, &mine, &removed, &[Choice::Theirs]).timeline, removed);
}

#[test]
fn a_clip_they_only_moved_along_the_track_keeps_my_change_at_their_place() {
    let b =
        tl(r#"{"VideoTracks":[{"VideoTrackClips":[{"MediaId":"a","In":0,"Out":4},{"MediaId":"b","In":0,"Out":4}]}]}"#);
    let mine =
        tl(r#"{"VideoTracks":[{"VideoTrackClips":[{"MediaId":"a","In":0,"Out":2},{"MediaId":"b","In":0,"Out":4}]}]}"#);
    let theirs =
        tl(r#"{"VideoTracks":[{"VideoTrackClips":[{"MediaId":"b","In":0,"Out":4},{"MediaId":"a","In":0,"Out":4}]}]}"#);
    let m = merge(&b, &mine, &theirs, &[]);
    let want =
        tl(r#"{"VideoTracks":[{"VideoTrackClips":[{"MediaId":"b","In":0,"Out":4},{"MediaId":"a","In":0,"Out":2}]}]}"#);
    assert_eq!((m.timeline, m.conflicts), (want, vec![]));
}

#[test]
fn tracks_and_fields_they_added_are_kept_beside_mine() {
    let b = tl(r#"{"VideoTracks":[{"VideoTrackClips":[{"MediaId":"a","In":0,"Out":4}]}]}"#);
    let mine = tl(
        r#"{"VideoTracks":[{"VideoTrackClips":[{"MediaId":"a","In":0,"Out":4}]},{"VideoTrackClips":[{"MediaId":"m","In":0,"Out":1}]}]}"#,
    );
    let theirs = tl(
        r#"{"VideoTracks":[{"VideoTrackClips":[{"MediaId":"a","In":0,"Out":4}],"Note":1},{"VideoTrackClips":[{"MediaId":"t","In":0,"Out":1}]}],"Mood":"calm"}"#,
    );
    let m = merge(&b, &mine, &theirs, &[]);
    let want = tl(
        r#"{"VideoTracks":[{"VideoTrackClips":[{"MediaId":"a","In":0,"Out":4}],"Note":1},{"VideoTrackClips":[{"MediaId":"m","In":0,"Out":1}]},{"VideoTrackClips":[{"MediaId":"t","In":0,"Out":1}]}],"Mood":"calm"}"#,
    );
    assert_eq!((m.timeline, m.conflicts), (want, vec![]));
}

#[test]
fn the_documentation_timelines_merge_with_a_trim_on_each_side() {
    for text in crate::model::diff::tests::SAMPLES {
        let b = tl(text);
        let first: Vec<ClipAt> = matching(&b, &b).into_iter().filter_map(|(a, _)| a).collect();
        let (Some(x), Some(y)) = (first.first().copied(), first.last().copied()) else { continue };
        if x == y {
            continue;
        }
        let trim = |t: &mut Timeline, at: ClipAt| {
            let c = match at.track.kind {
                TrackKind::Video => &mut t.video_tracks[at.track.ordinal].clips[at.index],
                TrackKind::Audio => &mut t.audio_tracks[at.track.ordinal].clips[at.index],
                TrackKind::Image => &mut t.image_tracks[at.track.ordinal].clips[at.index],
                TrackKind::Subtitle => &mut t.subtitle_tracks[at.track.ordinal].clips[at.index],
            };
            c.out = Some(c.out.unwrap_or(Time::from_secs(50)) + Time::from_secs(1));
        };
        let (mut mine, mut theirs, mut both) = (b.clone(), b.clone(), b.clone());
        trim(&mut mine, x);
        trim(&mut theirs, y);
        trim(&mut both, x);
        trim(&mut both, y);
        let m = merge(&b, &mine, &theirs, &[]);
        assert_eq!((&m.timeline, m.conflicts.len()), (&both, 0), "{text}");
        assert_eq!(diff(&b, &m.timeline).count(ChangeKind::Trimmed), 2, "{text}");
    }
}

#[test]
fn replacing_the_timeline_is_one_undo_step_and_leaves_hidden_tracks_alone() {
    let mut p = crate::model::export::import_timeline_str(
        r#"{"VideoTracks":[{"VideoTrackClips":[{"MediaId":"a","In":0,"Out":4}]},{"VideoTrackClips":[{"MediaId":"h","In":0,"Out":4}]}],
            "AudioTracks":[{"AudioTrackClips":[{"MediaId":"s","In":0,"Out":4}]}]}"#,
    )
    .unwrap();
    p.tracks[1].hidden = true;
    p.tracks[0].name = "Main".into();
    let before = p.clone();
    let theirs = tl(
        r#"{"VideoTracks":[{"VideoTrackClips":[{"MediaId":"a","In":1,"Out":4}]},{"VideoTrackClips":[{"MediaId":"n","In":0,"Out":2}]}],"Extra":5}"#,
    );
    let edit = replace_timeline(&p, &theirs).unwrap();
    let undo = crate::edit::apply(&mut p, edit).unwrap();
    assert_eq!(crate::model::export::timeline(&p), theirs, "what is produced now is theirs");
    assert_eq!(p.tracks[0].name, "Main", "a replaced track keeps its name");
    assert!(p.tracks.iter().any(|t| t.hidden && t.clips[0].media_id.as_deref() == Some("h")));
    assert!(!p.tracks.iter().any(|t| t.kind == TrackKind::Audio), "the audio track they removed is gone");
    crate::edit::apply(&mut p, undo).unwrap();
    assert_eq!(p, before);
    assert_eq!(replace_timeline(&p, &crate::model::export::timeline(&p)), None);
}
