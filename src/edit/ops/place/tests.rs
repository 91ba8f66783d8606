use super::*;
use crate::edit::ops::tests::{check, has_overlap, overlay_project, project, r, s, spans};

fn ms(ms: i64) -> Time {
    Time::from_millis(ms)
}

/// `len` seconds of media "b" from its start.
fn media(len: i64) -> Clip {
    Clip { media_id: Some("b".into()), r#in: Some(Time::ZERO), out: Some(s(len)), ..Default::default() }
}

const INSERT: PlaceMode = PlaceMode::Insert { all_tracks: false };
const INSERT_ALL: PlaceMode = PlaceMode::Insert { all_tracks: true };

#[test]
fn overwrite_trims_the_clips_it_covers_on_either_side() {
    let p = project(); // V1: a [0,4) In 2, b [4,7) In 0, c [10,13)
    let change = place(&p, 0, s(3), vec![media(2)], PlaceMode::Overwrite).unwrap();
    let q = check(&p, change.clone());
    assert_eq!(spans(&q, 0), vec![(0, 30), (50, 70), (100, 130), (30, 50)]);
    let (a, b) = (&q.tracks[0].clips[0], &q.tracks[0].clips[1]);
    assert_eq!((a.r#in, a.out), (Some(s(2)), Some(s(5))), "a keeps its start, loses its last second");
    assert_eq!((b.r#in, b.out), (Some(s(1)), Some(s(3))), "b loses its first second");
    assert_eq!(change.selection, vec![r(0, 3)]);
    assert_eq!(q.tracks[0].clips[3].timeline_in, Some(s(3)));
    assert!(!has_overlap(&q));
}

#[test]
fn overwrite_removes_what_it_covers_wholly_and_splits_what_it_lands_inside() {
    let p = project();
    let change = place(&p, 0, s(4), vec![media(3)], PlaceMode::Overwrite).unwrap();
    let q = check(&p, change.clone());
    assert_eq!(spans(&q, 0), vec![(0, 40), (100, 130), (40, 70)], "b is gone");
    assert_eq!(change.selection, vec![r(0, 2)], "the new clip's index after b left");
    // One second inside a [0,4) In 2: a is split around it.
    let q = check(&p, place(&p, 0, s(1), vec![media(1)], PlaceMode::Overwrite).unwrap());
    assert_eq!(spans(&q, 0), vec![(0, 10), (40, 70), (100, 130), (20, 40), (10, 20)]);
    let tail = &q.tracks[0].clips[3];
    assert_eq!((tail.r#in, tail.out), (Some(s(4)), Some(s(6))), "the tail plays on from where it was");
    assert!(!has_overlap(&q));
}

#[test]
fn overwrite_on_an_empty_stretch_just_adds() {
    let p = project();
    let q = check(&p, place(&p, 0, s(7), vec![media(2), media(1)], PlaceMode::Overwrite).unwrap());
    assert_eq!(spans(&q, 0), vec![(0, 40), (40, 70), (100, 130), (70, 90), (90, 100)], "end to end from 7");
}

#[test]
fn insert_splits_at_the_point_and_moves_later_clips_on_that_track() {
    let p = project();
    let change = place(&p, 0, s(2), vec![media(2)], INSERT).unwrap();
    let q = check(&p, change.clone());
    assert_eq!(spans(&q, 0), vec![(0, 20), (60, 90), (120, 150), (40, 60), (20, 40)]);
    let tail = &q.tracks[0].clips[3];
    assert_eq!((tail.r#in, tail.out), (Some(s(4)), Some(s(6))));
    assert_eq!(spans(&q, 2), vec![(0, 50)], "the audio track did not move");
    assert_eq!(change.selection, vec![r(0, 4)]);
    // Between b and c only c moves.
    let q = check(&p, place(&p, 0, s(8), vec![media(1)], INSERT).unwrap());
    assert_eq!(spans(&q, 0), vec![(0, 40), (40, 70), (110, 140), (80, 90)]);
}

#[test]
fn insert_on_every_track_keeps_sync() {
    let p = project();
    let q = check(&p, place(&p, 0, s(2), vec![media(2)], INSERT_ALL).unwrap());
    assert_eq!(spans(&q, 2), vec![(0, 20), (40, 70)], "x is split and its second part moves too");
    let mut p = project();
    p.tracks[2].locked = true;
    let q = check(&p, place(&p, 0, s(2), vec![media(2)], INSERT_ALL).unwrap());
    assert_eq!(spans(&q, 2), vec![(0, 50)], "a locked track stays");
}

#[test]
fn layers_are_never_covered_and_a_layer_across_an_insert_stays_whole() {
    let p = overlay_project(); // I1: logo1 [2,6), logo2 [8,12)
    let logo = |len| Clip {
        image_id: Some("i3".into()),
        timeline_in: Some(Time::ZERO),
        timeline_out: Some(s(len)),
        ..Default::default()
    };
    let q = check(&p, place(&p, 1, s(3), vec![logo(2)], PlaceMode::Overwrite).unwrap());
    assert_eq!(spans(&q, 1), vec![(20, 60), (80, 120), (30, 50)]);
    let q = check(&p, place(&p, 1, s(4), vec![logo(1)], INSERT).unwrap());
    assert_eq!(spans(&q, 1), vec![(20, 60), (90, 130), (40, 50)], "logo1 across 4 s stays whole");
}

#[test]
fn unknown_lengths_and_locks_and_tiny_clips_are_refused() {
    let p = project();
    let unknown = Clip { media_id: Some("new".into()), ..Default::default() };
    assert_eq!(place(&p, 0, s(5), vec![unknown.clone()], PlaceMode::Overwrite), Err(Refused::UnknownLength));
    assert_eq!(place(&p, 0, s(8), vec![unknown.clone()], INSERT), Err(Refused::UnknownLength), "c would move");
    // Where it changes nothing else it goes in, as a drop always could.
    let q = check(&p, place(&p, 0, s(20), vec![unknown], INSERT).unwrap());
    assert_eq!(q.tracks[0].clips.len(), 4);
    let tiny = Clip { out: Some(ms(50)), ..media(1) };
    assert_eq!(place(&p, 0, s(20), vec![tiny], PlaceMode::Overwrite), Err(Refused::TooShort));
    let mut p = project();
    p.tracks[0].locked = true;
    assert!(matches!(place(&p, 0, s(20), vec![media(1)], PlaceMode::Overwrite), Err(Refused::Locked(_))));
    assert_eq!(place(&p, 9, s(20), vec![media(1)], PlaceMode::Overwrite), Err(Refused::Gone));
}

#[test]
fn a_placed_clip_brings_its_timeline_relative_effects_along() {
    let p = project();
    let mut c = media(2);
    c.timeline_in = Some(s(100));
    let mut fx = crate::model::wire::KnownEffect { r#type: "Text".into(), ..Default::default() };
    fx.timeline_in = Some(s(100));
    fx.timeline_out = Some(s(101));
    c.effects.push(crate::model::wire::Effect::Known(Box::new(fx)));
    let q = check(&p, place(&p, 1, s(3), vec![c], PlaceMode::Overwrite).unwrap());
    let crate::model::wire::Effect::Known(e) = &q.tracks[1].clips[0].effects[0] else { panic!() };
    assert_eq!((e.timeline_in, e.timeline_out), (Some(s(3)), Some(s(4))));
}
