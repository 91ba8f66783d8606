//! Snapping and the per-track index that keeps hit-testing, snapping and drawing proportional
//! to what is near, not to the project's size.

use crate::model::project::{Placement, layout_track};
use crate::model::{Project, Time};

/// One track's clips sorted by start, with the longest length, so the clips touching any
/// time range are found by binary search.
#[derive(Clone, Debug, Default)]
pub struct TrackIndex {
    /// (start, end, clip index), sorted by start.
    spans: Vec<(Time, Time, usize)>,
    /// Placements by clip index (provisional flags for drawing).
    pub placements: Vec<Placement>,
    longest: Time,
    /// Sorted clip edges (starts and ends), for snapping.
    edges: Vec<Time>,
}

impl TrackIndex {
    pub fn build(project: &Project, track: usize) -> Self {
        Self::from_placements(layout_track(&project.tracks[track], &project.media_durations()))
    }

    /// The index of a track already laid out (the document keeps each track's layout).
    pub fn from_placements(placements: Vec<Placement>) -> Self {
        let mut spans: Vec<(Time, Time, usize)> =
            placements.iter().enumerate().map(|(i, p)| (p.start, p.end, i)).collect();
        spans.sort_unstable();
        let longest = spans.iter().map(|(s, e, _)| *e - *s).max().unwrap_or(Time::ZERO);
        let mut edges: Vec<Time> = spans.iter().flat_map(|(s, e, _)| [*s, *e]).collect();
        edges.sort_unstable();
        edges.dedup();
        TrackIndex { spans, placements, longest, edges }
    }

    /// Whether any two clips of the track play at the same time. Sorted by start, two
    /// overlapping clips mean two neighbours in that order overlap.
    pub fn any_overlap(&self) -> bool {
        self.spans.windows(2).any(|w| w[1].0 < w[0].1)
    }

    /// Clip indexes whose span touches `[from, to)`, in start order.
    pub fn in_range(&self, from: Time, to: Time) -> impl Iterator<Item = (Time, Time, usize)> + '_ {
        let first = self.spans.partition_point(|(s, _, _)| *s < from - self.longest);
        self.spans[first..].iter().take_while(move |(s, _, _)| *s < to).filter(move |(_, e, _)| *e > from).copied()
    }

    /// The clip under `t`, if any.
    pub fn at(&self, t: Time) -> Option<usize> {
        self.in_range(t, t + Time(1)).last().map(|(_, _, i)| i)
    }

    /// The end of the last clip.
    pub fn end(&self) -> Time {
        self.spans.iter().map(|(_, e, _)| *e).max().unwrap_or(Time::ZERO)
    }

    /// Clip edges within `radius` of `t`, nearest first... found by binary search.
    fn nearest_edge(&self, t: Time, radius: Time, exclude: &[Time]) -> Option<Time> {
        let lo = self.edges.partition_point(|e| *e < t - radius);
        self.edges[lo..]
            .iter()
            .take_while(|e| **e <= t + radius)
            .filter(|e| !exclude.contains(e))
            .min_by_key(|e| (**e - t).0.abs())
            .copied()
    }
}

/// Snaps `t` to the nearest candidate within `radius`: clip edges on every track (except
/// `exclude`, the dragged clip's own edges), the playhead, markers and zero.
pub fn snap(indexes: &[TrackIndex], project: &Project, t: Time, radius: Time, exclude: &[Time]) -> Option<Time> {
    let mut best: Option<Time> = None;
    let mut consider = |c: Time| {
        if (c - t).0.abs() <= radius.0 && best.is_none_or(|b| (c - t).0.abs() < (b - t).0.abs()) {
            best = Some(c);
        }
    };
    consider(Time::ZERO);
    consider(project.playhead);
    let m = project.markers.partition_point(|m| m.time < t - radius);
    for marker in project.markers[m..].iter().take_while(|m| m.time <= t + radius) {
        consider(marker.time);
    }
    for idx in indexes {
        if let Some(e) = idx.nearest_edge(t, radius, exclude) {
            consider(e);
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::export::import_timeline_str;

    fn project() -> Project {
        import_timeline_str(r#"{"VideoTracks":[{"VideoTrackClips":[{"MediaId":"a","Out":4},{"MediaId":"b","Out":3,"TimelineIn":10}]}],"AudioTracks":[{"AudioTrackClips":[{"MediaId":"c","Out":2,"TimelineIn":6}]}]}"#).unwrap()
    }

    #[test]
    fn range_queries_and_hits() {
        let p = project();
        let idx = TrackIndex::build(&p, 0);
        let found: Vec<usize> = idx.in_range(Time::from_secs(3), Time::from_secs(11)).map(|(_, _, i)| i).collect();
        assert_eq!(found, vec![0, 1]);
        assert_eq!(idx.at(Time::from_secs(11)), Some(1));
        assert_eq!(idx.at(Time::from_secs(5)), None);
        assert_eq!(idx.end(), Time::from_secs(13));
        assert!(!idx.any_overlap());
        // A long clip over two later ones overlaps the first of them (the neighbour in start order).
        let o = import_timeline_str(r#"{"ImageTracks":[{"ImageTrackClips":[{"ImageId":"a","TimelineIn":0,"TimelineOut":9},{"ImageId":"b","TimelineIn":5,"TimelineOut":6},{"ImageId":"c","TimelineIn":1,"TimelineOut":2}]}]}"#).unwrap();
        assert!(TrackIndex::build(&o, 0).any_overlap());
    }

    #[test]
    fn snapping_finds_the_nearest_edge_anywhere() {
        let mut p = project();
        let idx = vec![TrackIndex::build(&p, 0), TrackIndex::build(&p, 1)];
        let r = Time::from_millis(300);
        assert_eq!(snap(&idx, &p, Time::from_millis(6_200), r, &[]), Some(Time::from_secs(6)), "audio clip start");
        assert_eq!(snap(&idx, &p, Time::from_millis(4_100), r, &[]), Some(Time::from_secs(4)));
        assert_eq!(snap(&idx, &p, Time::from_millis(5_000), r, &[]), None);
        assert_eq!(snap(&idx, &p, Time::from_millis(4_100), r, &[Time::from_secs(4)]), None, "own edges excluded");
        p.playhead = Time::from_millis(5_100);
        assert_eq!(snap(&idx, &p, Time::from_millis(5_000), r, &[]), Some(Time::from_millis(5_100)));
        p.markers.push(crate::model::project::Marker {
            time: Time::from_millis(4_950),
            label: "m".into(),
            ..Default::default()
        });
        assert_eq!(snap(&idx, &p, Time::from_millis(5_000), r, &[]), Some(Time::from_millis(4_950)));
    }
}
