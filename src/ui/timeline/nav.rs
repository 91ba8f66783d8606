//! Moving around from the keyboard: edit points, the clips under the playhead, the next or
//! previous clip. Pure functions over the per-track indexes.

use crate::edit::ops::ClipRef;
use crate::edit::snap::TrackIndex;
use crate::model::Time;

/// The nearest clip edge on any track after (or before) `at`.
pub fn edit_point(indexes: &[TrackIndex], at: Time, forward: bool) -> Option<Time> {
    let edges = indexes.iter().flat_map(|i| i.placements.iter().flat_map(|p| [p.start, p.end]));
    if forward { edges.filter(|t| *t > at).min() } else { edges.filter(|t| *t < at).max() }
}

/// Every clip under `at` (start <= at < end), track by track.
pub fn clips_at(indexes: &[TrackIndex], at: Time) -> Vec<ClipRef> {
    indexes
        .iter()
        .enumerate()
        .flat_map(|(track, idx)| idx.in_range(at, at + Time(1)).map(move |(_, _, index)| ClipRef { track, index }))
        .collect()
}

/// The clip after (or before) `from` on its track, by start time; with nothing selected, the
/// first clip starting at or after the playhead (or before it) on the topmost track that has
/// one. Returns the clip and its start.
pub fn neighbour(
    indexes: &[TrackIndex],
    display_order: &[usize],
    from: Option<ClipRef>,
    playhead: Time,
    forward: bool,
) -> Option<(ClipRef, Time)> {
    let pick = |track: usize, after: Time, skip: Option<usize>| -> Option<(ClipRef, Time)> {
        let idx = indexes.get(track)?;
        let starts = idx.placements.iter().enumerate().filter(|(i, _)| Some(*i) != skip);
        let best = if forward {
            starts.filter(|(_, p)| p.start >= after).min_by_key(|(i, p)| (p.start, *i))
        } else {
            starts.filter(|(_, p)| p.start <= after).max_by_key(|(i, p)| (p.start, *i))
        };
        best.map(|(index, p)| (ClipRef { track, index }, p.start))
    };
    match from {
        Some(r) => {
            let p = indexes.get(r.track)?.placements.get(r.index)?;
            // Ties (overlapping clips starting together) go by clip order.
            let same_start = indexes[r.track]
                .placements
                .iter()
                .enumerate()
                .filter(|(i, q)| q.start == p.start && if forward { *i > r.index } else { *i < r.index })
                .map(|(i, _)| i);
            let tie = if forward { same_start.min() } else { same_start.max() };
            if let Some(index) = tie {
                return Some((ClipRef { track: r.track, index }, p.start));
            }
            let after = if forward { p.start + Time(1) } else { p.start - Time(1) };
            pick(r.track, after, Some(r.index))
        }
        None => display_order.iter().find_map(|&t| pick(t, playhead, None)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::export::import_timeline_str;

    #[test]
    fn edit_points_clips_and_neighbours() {
        let p = import_timeline_str(
            r#"{"VideoTracks":[{"VideoTrackClips":[{"MediaId":"a","Out":4},{"MediaId":"b","Out":3,"TimelineIn":10}]}],
                "AudioTracks":[{"AudioTrackClips":[{"MediaId":"c","Out":2,"TimelineIn":6}]}]}"#,
        )
        .unwrap();
        let idx: Vec<TrackIndex> = (0..2).map(|t| TrackIndex::build(&p, t)).collect();
        let s = Time::from_secs;
        assert_eq!(edit_point(&idx, s(4), true), Some(s(6)));
        assert_eq!(edit_point(&idx, s(6), false), Some(s(4)));
        assert_eq!(edit_point(&idx, s(13), true), None);
        assert_eq!(clips_at(&idx, s(7)), vec![ClipRef { track: 1, index: 0 }]);
        assert_eq!(clips_at(&idx, s(4)), vec![], "an end is not inside");
        let a = ClipRef { track: 0, index: 0 };
        let b = ClipRef { track: 0, index: 1 };
        assert_eq!(neighbour(&idx, &[0, 1], Some(a), s(0), true), Some((b, s(10))));
        assert_eq!(neighbour(&idx, &[0, 1], Some(b), s(0), false), Some((a, s(0))));
        assert_eq!(neighbour(&idx, &[0, 1], Some(b), s(0), true), None);
        assert_eq!(neighbour(&idx, &[1, 0], None, s(5), true), Some((ClipRef { track: 1, index: 0 }, s(6))));
    }
}
