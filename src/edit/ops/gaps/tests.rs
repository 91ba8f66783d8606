use super::*;
use crate::edit::ops::tests::{check, has_overlap, project, r, s, spans};

#[test]
fn gaps_are_found_from_zero_to_the_last_clip() {
    let p = project(); // V1: a [0,4) b [4,7) c [10,13); V2 empty
    assert_eq!(gaps(&placements(&p, 0)), vec![(s(7), s(10))]);
    assert_eq!(gap_at(&p, 0, s(8)), Some((s(7), s(10))));
    assert_eq!(gap_at(&p, 0, s(15)), None, "after the last clip is not a gap");
    assert_eq!(gap_at(&p, 0, s(2)), None);
}

#[test]
fn closing_a_gap_moves_the_later_clips_left() {
    let p = project();
    let q = check(&p, close_gap(&p, 0, s(7), s(10)).unwrap());
    assert_eq!(spans(&q, 0), vec![(0, 40), (40, 70), (70, 100)]);
    assert_eq!(close_gap(&p, 0, s(6), s(10)), Err(Refused::NotAGap), "b is in it");
    let mut l = p.clone();
    l.tracks[0].locked = true;
    assert!(matches!(close_gap(&l, 0, s(7), s(10)), Err(Refused::Locked(_))));
}

#[test]
fn close_gaps_packs_a_track_and_the_selection_closes_only_the_gaps_before_it() {
    let mut p = project();
    p.tracks[0].clips[0].timeline_in = Some(s(1)); // a [1,5) b [5,8) c [10,13)
    let q = check(&p, close_gaps(&p, &[0]).unwrap());
    assert_eq!(spans(&q, 0), vec![(0, 40), (40, 70), (70, 100)]);
    let q = check(&p, close_gaps_before(&p, &[r(0, 2)]).unwrap());
    assert_eq!(spans(&q, 0), vec![(10, 50), (50, 80), (80, 110)]);
    assert_eq!(close_gaps(&p, &[1]), Err(Refused::Nothing), "an empty track has no gap");
}

#[test]
fn lift_leaves_a_gap_and_extract_closes_it_on_targeted_tracks() {
    let mut p = project();
    assert_eq!(lift_or_extract(&p, false), Err(Refused::NoMarks));
    (p.mark_in, p.mark_out) = (Some(s(3)), Some(Time::from_millis(4960))); // Out includes its frame
    let q = check(&p, lift_or_extract(&p, false).unwrap());
    assert_eq!(spans(&q, 0), vec![(0, 30), (50, 70), (100, 130)]);
    assert_eq!(spans(&q, 2), vec![(0, 30)], "x [0,5) loses 3-5: nothing of it is left after the range");
    let q = check(&p, lift_or_extract(&p, true).unwrap());
    assert_eq!(spans(&q, 0), vec![(0, 30), (30, 50), (80, 110)]);
    assert_eq!(spans(&q, 2), vec![(0, 30)], "x lost 3-5 and its tail has nothing to close up to");
    // Only targeted tracks.
    p.tracks[2].targeted = false;
    let q = check(&p, lift_or_extract(&p, true).unwrap());
    assert_eq!(spans(&q, 2), vec![(0, 50)]);
    for t in &mut p.tracks {
        t.targeted = false;
    }
    assert_eq!(lift_or_extract(&p, true), Err(Refused::NoTarget));
}

#[test]
fn q_and_w_ripple_the_nearest_edit_to_the_playhead_on_every_targeted_track() {
    let mut p = project(); // V1: a [0,4) b [4,7) c [10,13); A1: x [0,5)
    p.tracks[2].targeted = false;
    // W at 2: the next edit is a's end at 4; [2,4) goes.
    let (change, playhead) = ripple_to_playhead(&p, s(2), true).unwrap();
    assert_eq!(playhead, s(2));
    let q = check(&p, change);
    assert_eq!(spans(&q, 0), vec![(0, 20), (20, 50), (80, 110)]);
    // Q at 6: the previous edit is b's start at 4; [4,6) goes and the playhead goes to 4.
    let (change, playhead) = ripple_to_playhead(&p, s(6), false).unwrap();
    assert_eq!(playhead, s(4));
    let q = check(&p, change);
    assert_eq!(spans(&q, 0), vec![(0, 40), (40, 50), (80, 110)]);
    assert_eq!(q.tracks[0].clips[1].r#in, Some(s(2)));
    assert!(!has_overlap(&q));
    assert_eq!(ripple_to_playhead(&p, s(20), true).map(|_| ()), Err(Refused::Nothing));
}

#[test]
fn a_gap_after_a_clip_of_unknown_length_is_not_closed() {
    // u's length is not known (drawn 5 s long): the gap before b depends on it.
    let p = crate::model::export::import_timeline_str(
        r#"{"VideoTracks":[{"VideoTrackClips":[{"MediaId":"u"},{"MediaId":"b","Out":3,"TimelineIn":10}]}]}"#,
    )
    .unwrap();
    assert_eq!(close_gaps(&p, &[0]), Err(Refused::UnknownLength));
    assert_eq!(close_gap(&p, 0, s(5), s(10)), Err(Refused::UnknownLength));
    // Lift leaves gaps: it needs no lengths beyond the range's.
    let mut p = p;
    (p.mark_in, p.mark_out) = (Some(s(11)), Some(Time::from_millis(11_960)));
    assert!(lift_or_extract(&p, false).is_ok());
    assert_eq!(lift_or_extract(&p, true), Err(Refused::UnknownLength));
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 300, ..Default::default() })]

    /// Q and W find the nearest edge by binary search on an ordered track: the same edge as
    /// looking at every clip.
    #[test]
    fn the_nearest_edge_by_binary_search_is_the_one_a_full_scan_finds(
        spans in crate::edit::ops::tests::spans_strategy(),
        at in 0i64..700,
        forward: bool,
    ) {
        let p = crate::edit::ops::tests::ordered_track(&spans);
        let layout = TrackLayout::of(&p, 0);
        proptest::prop_assert!(layout.ordered);
        let at = Time::from_millis(at * 100 + 50 * (at % 2));
        let scan = TrackLayout { ordered: false, ..layout.clone() };
        proptest::prop_assert_eq!(nearest_edge(&layout, at, forward), nearest_edge(&scan, at, forward));
    }
}
