use super::*;
use crate::edit::ops::tests::{check, has_overlap, overlay_project, project, r, s, spans};

#[test]
fn ripple_trimming_the_end_moves_what_follows() {
    let p = project(); // V1: a [0,4) In 2, b [4,7) In 0, c [10,13) In 1; media 20 s
    let q = check(&p, ripple_trim(&p, r(0, 0), Edge::End, s(3)).unwrap());
    assert_eq!(spans(&q, 0), vec![(0, 30), (30, 60), (90, 120)]);
    assert_eq!(q.tracks[0].clips[0].out, Some(s(5)));
    assert_eq!(spans(&q, 2), vec![(0, 50)], "other tracks stay");
    // Longer: the others make room. It stops at the media's end (In 2 + 20 s media: 18 s).
    let q = check(&p, ripple_trim(&p, r(0, 0), Edge::End, s(100)).unwrap());
    assert_eq!(spans(&q, 0), vec![(0, 180), (180, 210), (240, 270)]);
    assert!(!has_overlap(&q));
}

#[test]
fn ripple_trimming_the_start_keeps_the_clip_in_place_and_moves_what_follows() {
    let p = project();
    let q = check(&p, ripple_trim(&p, r(0, 0), Edge::Start, s(1)).unwrap());
    let a = &q.tracks[0].clips[0];
    assert_eq!((a.r#in, a.out, a.timeline_in), (Some(s(3)), Some(s(6)), Some(s(0))));
    assert_eq!(spans(&q, 0), vec![(0, 30), (30, 60), (90, 120)]);
    // Back out as far as the source goes: In 2 gives 2 s more at the head.
    let q = check(&p, ripple_trim(&p, r(0, 0), Edge::Start, s(-10)).unwrap());
    assert_eq!(q.tracks[0].clips[0].r#in, Some(s(0)));
    assert_eq!(spans(&q, 0), vec![(0, 60), (60, 90), (120, 150)]);
    assert_eq!(ripple_trim(&p, r(0, 1), Edge::Start, s(-3)), Err(Refused::Nothing), "b starts at In 0");
}

#[test]
fn roll_moves_the_cut_between_two_touching_clips() {
    let p = project();
    let q = check(&p, roll(&p, r(0, 0), r(0, 1), s(5)).unwrap());
    assert_eq!(spans(&q, 0), vec![(0, 50), (50, 70), (100, 130)]);
    let (a, b) = (&q.tracks[0].clips[0], &q.tracks[0].clips[1]);
    assert_eq!((a.r#in, a.out, b.r#in, b.out), (Some(s(2)), Some(s(7)), Some(s(1)), Some(s(3))));
    // b plays from its In 0: the cut cannot go earlier, b has no frames before.
    assert_eq!(roll(&p, r(0, 0), r(0, 1), s(2)), Err(Refused::Nothing));
    // From the other side: b given a later In can take the cut back to 3.
    let mut p2 = p.clone();
    p2.tracks[0].clips[1].r#in = Some(s(1));
    p2.tracks[0].clips[1].out = Some(s(4));
    let q = check(&p2, roll(&p2, r(0, 0), r(0, 1), s(2)).unwrap());
    assert_eq!(spans(&q, 0)[..2], [(0, 30), (30, 70)][..]);
    assert_eq!(roll(&p, r(0, 1), r(0, 2), s(8)), Err(Refused::NotAdjacent), "b and c do not touch");
}

#[test]
fn slip_changes_the_source_range_but_not_the_place() {
    let p = project();
    let q = check(&p, slip(&p, r(0, 0), s(3)).unwrap());
    let a = &q.tracks[0].clips[0];
    assert_eq!((a.r#in, a.out), (Some(s(5)), Some(s(9))));
    assert_eq!(spans(&q, 0), spans(&p, 0));
    // Within the media: In cannot go below 0, Out not past 20.
    let q = check(&p, slip(&p, r(0, 0), s(-9)).unwrap());
    assert_eq!(q.tracks[0].clips[0].r#in, Some(s(0)));
    let q = check(&p, slip(&p, r(0, 0), s(90)).unwrap());
    assert_eq!(q.tracks[0].clips[0].out, Some(s(20)));
    let o = overlay_project();
    assert_eq!(slip(&o, r(1, 0), s(1)), Err(Refused::NoSource));
}

#[test]
fn slide_moves_the_clip_and_its_neighbours_absorb_it() {
    let p = project(); // a [0,4) b [4,7) c [10,13)
    // b slides 1 s later: a grows to 5, the gap after b shrinks (c does not touch b).
    let change = slide(&p, r(0, 1), s(1)).unwrap();
    assert_eq!(change.selection, vec![r(0, 0), r(0, 1)]);
    let q = check(&p, change);
    assert_eq!(spans(&q, 0), vec![(0, 50), (50, 80), (100, 130)]);
    assert_eq!(q.tracks[0].clips[1].r#in, Some(s(0)), "b plays the same frames");
    // Up to c and no further: the gap absorbs 3 s.
    let q = check(&p, slide(&p, r(0, 1), s(10)).unwrap());
    assert_eq!(spans(&q, 0), vec![(0, 70), (70, 100), (100, 130)]);
    // Earlier: a shrinks, to at most its minimum length.
    let q = check(&p, slide(&p, r(0, 1), s(-10)).unwrap());
    assert_eq!(spans(&q, 0)[0], (0, MIN_LENGTH.0 / 1000));
    assert!(!has_overlap(&q));
}
