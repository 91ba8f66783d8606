use super::*;
use crate::edit::ops::tests::{check, has_overlap, project, r, s, spans};

fn same(t: usize) -> impl Fn(usize) -> Option<usize> {
    move |_| Some(t)
}

#[test]
fn an_overwrite_move_replaces_what_it_lands_on_and_leaves_its_gap() {
    let p = project(); // V1: a [0,4) b [4,7) c [10,13)
    // b moved 5 s later lands over c's first two seconds.
    let change = move_clips_in(&p, &[r(0, 1)], s(5), &same(0), PlaceMode::Overwrite).unwrap();
    assert_eq!(change.selection, vec![r(0, 1)]);
    let q = check(&p, change);
    assert_eq!(spans(&q, 0), vec![(0, 40), (90, 120), (120, 130)]);
    assert_eq!(q.tracks[0].clips[2].r#in, Some(s(3)), "c lost its first two seconds");
    // Onto another track: b leaves V1 and covers nothing on the empty V2.
    let q = check(&p, move_clips_in(&p, &[r(0, 1)], s(0), &same(1), PlaceMode::Overwrite).unwrap());
    assert_eq!((spans(&q, 0), spans(&q, 1)), (vec![(0, 40), (100, 130)], vec![(40, 70)]));
    // c wholly over b: b goes, and the selection follows c's new index.
    let c = move_clips_in(&p, &[r(0, 2)], s(-6), &same(0), PlaceMode::Overwrite).unwrap();
    assert_eq!(c.selection, vec![r(0, 1)]);
    let q = check(&p, c);
    assert_eq!(spans(&q, 0), vec![(0, 40), (40, 70)]);
    assert_eq!(q.tracks[0].clips[1].media_id.as_deref(), Some("c"));
}

#[test]
fn an_insert_move_pushes_later_clips_and_leaves_its_gap() {
    let p = project();
    // a moved to start at 10 (before c): c moves right by a's 4 s; a's old place stays empty.
    let q = check(&p, move_clips_in(&p, &[r(0, 0)], s(10), &same(0), PlaceMode::Insert { all_tracks: false }).unwrap());
    assert_eq!(spans(&q, 0), vec![(100, 140), (40, 70), (140, 170)]);
    // Into the middle of a (at 2 s): a is split, the rest moves by b's 3 s.
    let q = check(&p, move_clips_in(&p, &[r(0, 2)], s(-8), &same(0), PlaceMode::Insert { all_tracks: false }).unwrap());
    assert_eq!(spans(&q, 0), vec![(0, 20), (70, 100), (20, 50), (50, 70)]);
    assert!(!has_overlap(&q));
    // With every track: the audio is split at 2 s as well.
    let q = check(&p, move_clips_in(&p, &[r(0, 2)], s(-8), &same(0), PlaceMode::Insert { all_tracks: true }).unwrap());
    assert_eq!(spans(&q, 2), vec![(0, 20), (50, 80)]);
}

#[test]
fn moves_in_any_mode_refuse_other_kinds_locks_and_nothing() {
    let mut p = project();
    for mode in [PlaceMode::Overwrite, PlaceMode::Insert { all_tracks: false }] {
        assert!(matches!(move_clips_in(&p, &[r(0, 0)], s(0), &|_| Some(2), mode), Err(Refused::WrongKind { .. })));
        assert_eq!(move_clips_in(&p, &[r(0, 0)], s(0), &same(0), mode), Err(Refused::Nothing));
    }
    assert!(matches!(rearrange(&mut p, &[r(0, 0)], s(0), &|_| Some(2)), Err(Refused::WrongKind { .. })));
    p.tracks[1].locked = true;
    assert!(matches!(move_clips_in(&p, &[r(0, 0)], s(0), &same(1), PlaceMode::Overwrite), Err(Refused::Locked(_))));
}

#[test]
fn rearrange_takes_the_clip_out_closes_its_gap_and_inserts_it() {
    let mut p = project(); // a [0,4) b [4,7) c [10,13)
    let before = p.clone();
    // a dragged to c's end (13): taken out, b and c close up ([0,3), [6,9)); a goes after c.
    let change = rearrange(&mut p, &[r(0, 0)], s(13), &same(0)).unwrap();
    assert_eq!(p, before, "planning left the project as it was");
    let q = check(&p, change.clone());
    assert_eq!(spans(&q, 0), vec![(0, 30), (60, 90), (90, 130)]);
    assert_eq!(change.selection, vec![r(0, 2)]);
    assert_eq!(q.tracks[0].clips[2].media_id.as_deref(), Some("a"));
    // c dragged to the start: everything else moves right by its 3 s, c's gap closes.
    let c = rearrange(&mut p, &[r(0, 2)], s(-10), &same(0)).unwrap();
    let q = check(&p, c);
    assert_eq!(spans(&q, 0), vec![(30, 70), (70, 100), (0, 30)]);
    assert!(!has_overlap(&q));
    // Onto the empty V2: V1 closes up, V2 gets the clip where it was dropped.
    let c = rearrange(&mut p, &[r(0, 0)], s(2), &same(1)).unwrap();
    let q = check(&p, c);
    assert_eq!((spans(&q, 0), spans(&q, 1)), (vec![(0, 30), (60, 90)], vec![(20, 60)]));
}

#[test]
fn paste_insert_pushes_what_follows_on_the_copied_tracks() {
    let p = project();
    let copied = crate::edit::ops::copy(&p, &[r(0, 1)]); // b, 3 s
    let change = paste_insert(&p, &copied, s(2), false).unwrap();
    assert_eq!(change.selection, vec![r(0, 4)]);
    let q = check(&p, change);
    assert_eq!(spans(&q, 0), vec![(0, 20), (70, 100), (130, 160), (50, 70), (20, 50)]);
    assert_eq!(spans(&q, 2), vec![(0, 50)]);
    let q = check(&p, paste_insert(&p, &copied, s(2), true).unwrap());
    assert_eq!(spans(&q, 2), vec![(0, 20), (50, 80)]);
    assert_eq!(paste_insert(&p, &[], s(2), true), Err(Refused::Nothing));
}
