//! Sub-rows: clips that overlap on one track (overlays and subtitles placed by X/Y are layers,
//! so they may) are drawn in lanes within the track's row, so every clip can be seen, clicked
//! and dragged. Lanes are display only: the clips stay on their track, in their order, and
//! the export is unchanged.

use super::ROW_H;
use crate::model::project::Placement;

/// Height of one lane when a track needs more than one.
pub const LANE_H: f32 = 34.0;

/// The lane of each clip of one track (by clip index) and how many lanes the track needs.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Lanes {
    pub lane: Vec<u16>,
    pub count: usize,
}

impl Lanes {
    /// Greedy interval partitioning in start order: each clip takes the lowest lane that is
    /// free at its start. This uses as few lanes as the deepest overlap; two heaps keep it
    /// O(n log n) however deep the overlap is.
    /// One lane for every clip: for tracks whose clips never overlap (every video and audio
    /// track), without sorting them again.
    pub fn single(clips: usize) -> Lanes {
        Lanes { lane: vec![0; clips], count: 1 }
    }

    pub fn assign(placements: &[Placement]) -> Lanes {
        use std::cmp::Reverse;
        use std::collections::BinaryHeap;
        let mut order: Vec<usize> = (0..placements.len()).collect();
        order.sort_by_key(|&i| (placements[i].start, i));
        // Lanes in use by (end, lane), and lanes free again, lowest first.
        let mut busy: BinaryHeap<Reverse<(crate::model::Time, usize)>> = BinaryHeap::new();
        let mut free: BinaryHeap<Reverse<usize>> = BinaryHeap::new();
        let mut count = 0usize;
        let mut lane = vec![0u16; placements.len()];
        for i in order {
            let p = placements[i];
            while let Some(Reverse((end, l))) = busy.peek().copied() {
                if end > p.start {
                    break;
                }
                busy.pop();
                free.push(Reverse(l));
            }
            let l = match free.pop() {
                Some(Reverse(l)) => l,
                None => {
                    count += 1;
                    count - 1
                }
            };
            busy.push(Reverse((p.end.max(p.start), l)));
            // Past 65 535 simultaneous clips, the rest are drawn in the last lane.
            lane[i] = l.min(usize::from(u16::MAX)) as u16;
        }
        Lanes { lane, count: count.clamp(1, usize::from(u16::MAX) + 1) }
    }
}

/// Vertical layout of the track rows: a row is [`ROW_H`] tall, or [`LANE_H`] per lane when
/// its track has overlapping clips.
#[derive(Clone, Debug, Default)]
pub struct RowLayout {
    /// Top of each row relative to the first, and the bottom of the last at the end.
    tops: Vec<f32>,
    lanes: Vec<usize>,
}

impl RowLayout {
    pub fn new(lanes: impl Iterator<Item = usize>) -> Self {
        let mut tops = vec![0.0];
        let mut counts = Vec::new();
        for n in lanes {
            let n = n.max(1);
            let h = if n == 1 { ROW_H } else { n as f32 * LANE_H };
            tops.push(tops.last().copied().unwrap_or(0.0) + h);
            counts.push(n);
        }
        RowLayout { tops, lanes: counts }
    }

    pub fn rows(&self) -> usize {
        self.lanes.len()
    }

    pub fn top(&self, row: usize) -> f32 {
        self.tops.get(row).copied().unwrap_or_else(|| self.total())
    }

    pub fn height(&self, row: usize) -> f32 {
        self.top(row + 1) - self.top(row)
    }

    pub fn total(&self) -> f32 {
        self.tops.last().copied().unwrap_or(0.0)
    }

    pub fn lanes(&self, row: usize) -> usize {
        self.lanes.get(row).copied().unwrap_or(1)
    }

    /// The height of one lane of `row`.
    pub fn lane_h(&self, row: usize) -> f32 {
        self.height(row) / self.lanes(row) as f32
    }

    /// The row at `y` (relative to the first row's top).
    pub fn row_at(&self, y: f32) -> Option<usize> {
        if y < 0.0 || y >= self.total() {
            return None;
        }
        Some(self.tops.partition_point(|t| *t <= y).saturating_sub(1).min(self.rows().saturating_sub(1)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Time;

    fn p(s: i64, e: i64) -> Placement {
        Placement { start: Time::from_secs(s), end: Time::from_secs(e), start_known: true, length_known: true }
    }

    #[test]
    fn overlapping_clips_get_their_own_lane() {
        // Two logos at the same time, a third after both, a fourth overlapping only the first.
        let l = Lanes::assign(&[p(0, 5), p(0, 5), p(5, 8), p(3, 4)]);
        assert_eq!(l.count, 3);
        assert_eq!(l.lane, vec![0, 1, 0, 2]);
        let l = Lanes::assign(&[p(0, 2), p(2, 4), p(4, 6)]);
        assert_eq!((l.count, l.lane), (1, vec![0, 0, 0]), "touching is not overlapping");
        assert_eq!(Lanes::assign(&[]).count, 1);
    }

    #[test]
    fn rows_stack_by_their_lanes() {
        let r = RowLayout::new([1, 2, 1].into_iter());
        assert_eq!(r.top(1), ROW_H);
        assert_eq!(r.height(1), 2.0 * LANE_H);
        assert_eq!(r.lane_h(1), LANE_H);
        assert_eq!(r.row_at(0.0), Some(0));
        assert_eq!(r.row_at(ROW_H + 1.0), Some(1));
        assert_eq!(r.row_at(ROW_H + 2.0 * LANE_H + 1.0), Some(2));
        assert_eq!(r.row_at(r.total()), None);
        assert_eq!(r.row_at(-1.0), None);
    }
}
