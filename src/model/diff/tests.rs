use super::*;

pub(crate) fn tl(text: &str) -> Timeline {
    serde_json::from_str(text).unwrap()
}

/// Every documentation Timeline (the samples shipped with vodcut, copies of shared/vod).
pub(crate) const SAMPLES: [&str; 11] = [
    include_str!("../../../assets/samples/timelines/audio-mix.json"),
    include_str!("../../../assets/samples/timelines/cut-and-merge.json"),
    include_str!("../../../assets/samples/timelines/dewatermark-and-blur-background.json"),
    include_str!("../../../assets/samples/timelines/image-overlay.json"),
    include_str!("../../../assets/samples/timelines/merge-whole-files.json"),
    include_str!("../../../assets/samples/timelines/mute-and-dub.json"),
    include_str!("../../../assets/samples/timelines/split-screen.json"),
    include_str!("../../../assets/samples/timelines/subtitle-track.json"),
    include_str!("../../../assets/samples/timelines/text-overlay.json"),
    include_str!("../../../assets/samples/timelines/unknown-fields-kept.json"),
    include_str!("../../../assets/samples/timelines/vfx-and-transition.json"),
];

fn at(kind: TrackKind, ordinal: usize, index: usize) -> ClipAt {
    ClipAt { track: TrackAt { kind, ordinal }, index }
}

const V: TrackKind = TrackKind::Video;

const BASE: &str = r#"{"VideoTracks":[{"VideoTrackClips":[
    {"MediaId":"a","In":0,"Out":4},
    {"MediaId":"b","In":2,"Out":5},
    {"MediaId":"c","In":0,"Out":3,"Effects":[{"Type":"Volume","Gain":0.5}]}]},
    {"VideoTrackClips":[]}],
  "AudioTracks":[{"AudioTrackClips":[{"MediaId":"m","In":0,"Out":10}]}]}"#;

#[test]
fn equal_timelines_have_no_difference_and_every_clip_is_matched() {
    for text in SAMPLES.iter().copied().chain([BASE]) {
        let t = tl(text);
        assert!(diff(&t, &t).is_empty(), "{text}");
        assert!(matching(&t, &t).iter().all(|(a, b)| a.is_some() && a == b), "{text}");
    }
}

#[test]
fn added_removed_moved_trimmed_and_effect_changes_are_told_apart() {
    let new = tl(r#"{"VideoTracks":[{"VideoTrackClips":[
        {"MediaId":"b","In":2,"Out":6},
        {"MediaId":"c","In":0,"Out":3,"Effects":[{"Type":"Volume","Gain":0.8}]},
        {"MediaId":"d","In":0,"Out":1}]},
        {"VideoTrackClips":[{"MediaId":"a","In":0,"Out":4}]}],
      "AudioTracks":[]}"#);
    let d = diff(&tl(BASE), &new);
    let by_kind = |k| d.clips.iter().filter(|c| c.kind() == k).copied().collect::<Vec<_>>();
    let moved = by_kind(ChangeKind::Moved);
    assert_eq!(moved.len(), 1);
    assert_eq!((moved[0].old, moved[0].new), (Some(at(V, 0, 0)), Some(at(V, 1, 0))), "a went to the second track");
    let trimmed = by_kind(ChangeKind::Trimmed);
    assert_eq!((trimmed[0].old, trimmed[0].new), (Some(at(V, 0, 1)), Some(at(V, 0, 0))));
    let fx = by_kind(ChangeKind::EffectsChanged);
    assert_eq!((fx[0].old, fx[0].new), (Some(at(V, 0, 2)), Some(at(V, 0, 1))));
    assert_eq!(by_kind(ChangeKind::Added)[0].new, Some(at(V, 0, 2)));
    assert_eq!(by_kind(ChangeKind::Removed)[0].old, Some(at(TrackKind::Audio, 0, 0)));
    assert_eq!(d.clips.len(), 5);
    assert_eq!(d.tracks, [TrackChange::Removed(TrackAt { kind: TrackKind::Audio, ordinal: 0 })]);
    assert_eq!(d.count(ChangeKind::Added), 1);
}

#[test]
fn a_head_trim_is_a_trim_and_a_slide_is_a_move() {
    let old = tl(
        r#"{"VideoTracks":[{"VideoTrackClips":[{"MediaId":"a","In":0,"Out":4,"TimelineIn":10,"TimelineOut":14}]}]}"#,
    );
    let head = tl(
        r#"{"VideoTracks":[{"VideoTrackClips":[{"MediaId":"a","In":1,"Out":4,"TimelineIn":11,"TimelineOut":14}]}]}"#,
    );
    assert_eq!(diff(&old, &head).clips[0].kinds(), [ChangeKind::Trimmed]);
    let slid = tl(
        r#"{"VideoTracks":[{"VideoTrackClips":[{"MediaId":"a","In":0,"Out":4,"TimelineIn":20,"TimelineOut":24}]}]}"#,
    );
    assert_eq!(diff(&old, &slid).clips[0].kinds(), [ChangeKind::Moved]);
    let both = tl(
        r#"{"VideoTracks":[{},{"VideoTrackClips":[{"MediaId":"a","In":0,"Out":2,"TimelineIn":20,"TimelineOut":22}]}]}"#,
    );
    let d = diff(&old, &both);
    assert_eq!(d.clips[0].kinds(), [ChangeKind::Moved, ChangeKind::Trimmed]);
    assert_eq!(d.tracks, [TrackChange::Added(TrackAt { kind: V, ordinal: 1 })]);
}

#[test]
fn the_same_media_twice_pairs_each_use_with_its_own() {
    // cut-and-merge uses one media twice: trimming the second use is one trim of that use.
    let old = tl(SAMPLES[1]);
    let mut new = old.clone();
    new.video_tracks[0].clips[1].out = Some(Time::from_secs(6));
    let d = diff(&old, &new);
    assert_eq!(d.clips.len(), 1);
    assert_eq!(
        (d.clips[0].old, d.clips[0].new, d.clips[0].kind()),
        (Some(at(V, 0, 1)), Some(at(V, 0, 1)), ChangeKind::Trimmed)
    );
}

#[test]
fn subtitles_whose_words_changed_are_changed_not_removed_and_added() {
    let old = tl(SAMPLES[7]);
    let mut new = old.clone();
    let clip = &mut new.subtitle_tracks[0].clips[0];
    clip.content = Some(format!("{} (edited)", clip.content.clone().unwrap_or_default()));
    let d = diff(&old, &new);
    assert_eq!(d.clips.len(), 1, "{d:?}");
    assert_eq!(d.clips[0].kind(), ChangeKind::Changed);
}

#[test]
fn every_documentation_timeline_against_an_empty_one_is_all_added_then_all_removed() {
    let empty = Timeline::default();
    for text in SAMPLES {
        let t = tl(text);
        let n = tracks_of(&t).iter().map(|(_, c, _)| c.len()).sum::<usize>();
        let d = diff(&empty, &t);
        assert_eq!(d.count(ChangeKind::Added), n, "{text}");
        assert_eq!(diff(&t, &empty).count(ChangeKind::Removed), n, "{text}");
        assert_eq!(d.tracks.len(), tracks_of(&t).len());
    }
}

#[test]
fn unknown_fields_of_a_clip_are_a_change_and_of_the_timeline_too() {
    let old = tl(SAMPLES[9]);
    let mut new = old.clone();
    new.extra = Extra::new();
    assert!(diff(&old, &new).timeline || old.extra.is_empty());
    let mut new = old.clone();
    if let Some(c) = new.video_tracks.get_mut(0).and_then(|t| t.clips.get_mut(0)) {
        c.area = crate::model::wire::Sparse::new(crate::model::wire::Area {
            x: Some(crate::model::wire::Num::int(7)),
            ..Default::default()
        });
        assert_eq!(diff(&old, &new).clips[0].kinds(), [ChangeKind::Changed]);
    }
}

#[test]
fn matching_many_clips_stays_about_linear() {
    // 20 000 clips of one media, each a different range: a quadratic matcher would take
    // seconds here (the tests run it in debug builds).
    let clips: Vec<String> = (0..20_000).map(|i| format!(r#"{{"MediaId":"a","In":{i},"Out":{}}}"#, i + 1)).collect();
    let old = tl(&format!(r#"{{"VideoTracks":[{{"VideoTrackClips":[{}]}}]}}"#, clips.join(",")));
    let mut new = old.clone();
    new.video_tracks[0].clips.remove(0);
    let d = diff(&old, &new);
    assert_eq!((d.clips.len(), d.clips[0].kind()), (1, ChangeKind::Removed));
}
