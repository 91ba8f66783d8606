use super::*;
use crate::model::export::import_timeline_str;

/// V1: a [0,4) b [6,9); A1: x [0,5); media 20 s.
fn doc() -> Document {
    let mut p = import_timeline_str(
        r#"{"VideoTracks":[{"VideoTrackClips":[{"MediaId":"a","In":0,"Out":4},{"MediaId":"b","In":0,"Out":3,"TimelineIn":6}]}],
            "AudioTracks":[{"AudioTrackClips":[{"MediaId":"x","Out":5}]}]}"#,
    )
    .unwrap();
    for id in ["a", "b", "x"] {
        p.bin.push(crate::model::project::BinEntry {
            media_id: id.into(),
            duration: Some(Time::from_secs(20)),
            ..Default::default()
        });
    }
    Document::new(p, None, false)
}

fn starts(d: &Document, track: usize) -> Vec<f64> {
    let p = &d.project;
    crate::model::project::layout_track(&p.tracks[track], &p.media_durations())
        .iter()
        .map(|q| q.start.as_secs_f64())
        .collect()
}

#[test]
fn placing_lands_on_a_frame_and_selects_what_was_placed() {
    let mut d = doc();
    let c = Clip {
        media_id: Some("b".into()),
        r#in: Some(Time::ZERO),
        out: Some(Time::from_secs(1)),
        ..Default::default()
    };
    d.place(0, Time::from_millis(4_010), vec![c], PlaceMode::Insert { all_tracks: false }).unwrap();
    assert_eq!(starts(&d, 0), vec![0.0, 7.0, 4.0], "at 4.00 (the nearest frame), b moved by 1 s");
    assert_eq!(d.selection, vec![ClipRef { track: 0, index: 2 }]);
    assert_eq!(d.history.undo_label(), Some("Insert"));
}

#[test]
fn a_picked_gap_closes_and_is_forgotten_on_undo() {
    let mut d = doc();
    d.selection = vec![ClipRef { track: 0, index: 0 }];
    assert!(d.select_gap(0, Time::from_secs(5)));
    assert!(d.selection.is_empty(), "a gap and clips are not picked together");
    assert_eq!(d.gap, Some(Gap { track: 0, start: Time::from_secs(4), end: Time::from_secs(6) }));
    d.close_selected_gap().unwrap();
    assert_eq!(starts(&d, 0), vec![0.0, 4.0]);
    assert_eq!(d.gap, None);
    d.undo();
    assert_eq!(starts(&d, 0), vec![0.0, 6.0]);
    assert!(!d.select_gap(0, Time::from_secs(2)), "inside a clip is no gap");
}

#[test]
fn marks_lift_and_extract() {
    let mut d = doc();
    d.set_playhead(Time::from_secs(1));
    d.mark(false);
    d.set_playhead(Time::from_millis(1960));
    d.mark(true);
    assert_eq!((d.project.mark_in, d.project.mark_out), (Some(Time::from_secs(1)), Some(Time::from_millis(1960))));
    // The Out mark includes its frame (as the source viewer's does): the range is [1 s, 2 s).
    assert_eq!(ops::marked_range(&d.project), Ok((Time::from_secs(1), Time::from_secs(2))));
    // In and Out on one frame mark that frame; a mark set between frames takes the frame's start.
    d.set_playhead(Time::from_millis(1010));
    d.mark(true);
    assert_eq!(ops::marked_range(&d.project), Ok((Time::from_secs(1), Time::from_millis(1040))));
    d.set_playhead(Time::from_millis(500));
    d.mark(true);
    assert_eq!(d.project.mark_in, None, "an Out before the In clears the In");
    d.clear_marks();
    assert_eq!(d.lift_or_extract(false), Err(Refused::NoMarks));
    (d.project.mark_in, d.project.mark_out) = (Some(Time::from_secs(1)), Some(Time::from_millis(1960)));
    d.set_targeted(1, false);
    d.lift_or_extract(true).unwrap();
    assert_eq!(starts(&d, 0), vec![0.0, 5.0, 1.0], "a split around the range (its tail added last), b moved left 1 s");
    assert_eq!(starts(&d, 1), vec![0.0], "the untargeted audio is untouched");
    assert_eq!((d.project.mark_in, d.project.playhead), (None, Time::from_secs(1)));
    assert_eq!(d.target_of(crate::model::TrackKind::Audio), None);
    assert_eq!(d.target_of(crate::model::TrackKind::Video), Some(0));
}

#[test]
fn q_moves_the_playhead_to_the_edit_and_w_keeps_it() {
    let mut d = doc();
    d.set_targeted(1, false);
    d.set_playhead(Time::from_secs(7));
    d.ripple_to_playhead(false).unwrap();
    assert_eq!(d.project.playhead, Time::from_secs(6));
    assert_eq!(d.project.tracks[0].clips[1].r#in, Some(Time::from_secs(1)), "b lost its first second");
    d.set_playhead(Time::from_secs(1));
    d.ripple_to_playhead(true).unwrap();
    assert_eq!(d.project.playhead, Time::from_secs(1));
    assert_eq!(starts(&d, 0), vec![0.0, 3.0]);
}

#[test]
fn paste_insert_and_rearrange_through_the_document() {
    let mut d = doc();
    d.selection = vec![ClipRef { track: 0, index: 1 }];
    d.copy();
    d.set_playhead(Time::from_secs(2));
    d.paste_insert(false).unwrap();
    assert_eq!(starts(&d, 0), vec![0.0, 9.0, 5.0, 2.0]);
    d.undo();
    // b dragged before a with Ctrl+Alt: it goes first, a follows, b's old gap closes.
    d.move_in_mode(&[ClipRef { track: 0, index: 1 }], Time::from_secs(-6), &|t| Some(t), PlaceMode::Overwrite, true)
        .unwrap();
    assert_eq!(starts(&d, 0), vec![3.0, 0.0]);
    assert_eq!(d.history.undo_label(), Some("Rearrange"));
}

#[test]
fn trims_held_at_the_shortest_length_stay_on_frames() {
    // Found by the UI proptest: a ripple trim pushed past the 0.1 s minimum ended between
    // 25 fps frames (0.1 s is not a whole number of frames).
    let (a, b) = (ClipRef { track: 0, index: 0 }, ClipRef { track: 0, index: 1 });
    let on_frames = |d: &Document| {
        let fr = d.project.frame_rate;
        let p = &d.project;
        let places = crate::model::project::layout_track(&p.tracks[0], &p.media_durations());
        places.iter().all(|q| fr.is_boundary(q.start) && fr.is_boundary(q.end))
            && p.tracks[0]
                .clips
                .iter()
                .all(|c| c.r#in.is_none_or(|t| fr.is_boundary(t)) && c.out.is_none_or(|t| fr.is_boundary(t)))
    };
    let mut d = doc();
    d.ripple_trim(a, Edge::End, Time::ZERO).unwrap();
    assert!(on_frames(&d), "{:?}", d.project.tracks[0].clips);
    let mut d = doc();
    d.ripple_trim(a, Edge::Start, Time::from_secs(9)).unwrap();
    assert!(on_frames(&d), "{:?}", d.project.tracks[0].clips);
    // b touching a (and playing from 10 s of its media, so it can reach back): the cut
    // rolled and b slid as far as they go.
    let mut d = doc();
    let c = &mut d.project.tracks[0].clips[1];
    (c.timeline_in, c.r#in, c.out) = (Some(Time::from_secs(4)), Some(Time::from_secs(10)), Some(Time::from_secs(13)));
    d.roll(a, b, Time::ZERO).unwrap();
    assert!(on_frames(&d), "{:?}", d.project.tracks[0].clips);
    let mut d = doc();
    d.project.tracks[0].clips[1].timeline_in = Some(Time::from_secs(4));
    d.slide(b, Time::from_secs(-9)).unwrap();
    assert!(on_frames(&d), "{:?}", d.project.tracks[0].clips);
}

/// A ripple that only moves clips, and a trim, leave the track's media revision alone (what
/// depends on the media a track uses is not looked at again); another medium bumps it.
#[test]
fn moving_and_trimming_keep_the_media_revision() {
    let mut d = doc();
    // Every clip placed by its TimelineIn (an implicit place is written out by the first edit).
    d.project.tracks[0].clips[0].timeline_in = Some(Time::ZERO);
    let mut d = Document::new(d.project, None, false);
    let (revs, media) = (d.track_revisions().to_vec(), d.media_revisions().to_vec());
    assert!(d.select_gap(0, Time::from_secs(5)));
    d.close_selected_gap().unwrap();
    assert_ne!(d.track_revisions()[0], revs[0], "the track changed");
    assert_eq!(d.media_revisions(), media, "but only its clips' places");
    assert_eq!(d.track_revisions()[1], revs[1]);
    d.undo();
    assert_eq!(d.media_revisions(), media, "nor does its undo");
    d.slip(ClipRef { track: 0, index: 0 }, Time::from_secs(1)).unwrap();
    assert_eq!(d.media_revisions(), media, "a slip keeps the medium");
    let mut c = d.project.tracks[0].clips[1].clone();
    c.media_id = Some("x".into());
    d.set_clip(ClipRef { track: 0, index: 1 }, "media", c).unwrap();
    assert_ne!(d.media_revisions()[0], media[0], "another medium");
    assert_eq!(d.media_revisions()[1], media[1]);
    let now = d.media_revisions().to_vec();
    d.undo();
    assert_ne!(d.media_revisions()[0], now[0], "and its undo");
    d.apply("lift", crate::edit::Edit::RemoveClip { track: 1, index: 0 });
    assert_ne!(d.media_revisions()[1], media[1], "a clip removed");
}

/// Esc after typing another MediaId puts the old one back, and the per-track caches hear of
/// it (before, only the document's revision moved: the layouts, the validation and the media
/// used of that track stayed as typed).
#[test]
fn esc_after_typing_bumps_the_track_revisions() {
    let mut d = doc();
    let mut c = d.project.tracks[0].clips[0].clone();
    c.media_id = Some("x".into());
    d.set_clip(ClipRef { track: 0, index: 0 }, "typing:MediaId", c).unwrap();
    let (revs, media) = (d.track_revisions().to_vec(), d.media_revisions().to_vec());
    d.cancel_typing("typing:MediaId");
    assert_eq!(d.project.tracks[0].clips[0].media_id.as_deref(), Some("a"));
    assert_ne!(d.track_revisions()[0], revs[0]);
    assert_ne!(d.media_revisions()[0], media[0]);
    assert_eq!(d.track_revisions()[1], revs[1], "the other track is untouched");
}
