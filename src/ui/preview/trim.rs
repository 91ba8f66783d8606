//! The trim preview: while a clip edge is dragged, the program preview shows the outgoing
//! clip's last frame and the incoming clip's first frame side by side, as Premiere's trim
//! monitor does, each labelled with its time. Both are composed in one background render (a
//! picture twice the output's width); back to the playhead's frame when the drag ends.

use crate::compose::{self, Layer, Plan};
use crate::edit::document::Document;
use crate::edit::ops::{ClipRef, Edge};
use crate::model::{FrameRate, Time};
use crate::ui::timeline::TimelineState;
use egui::{Color32, FontId, Pos2, Rect};

/// One side: which clip, where it starts on the timeline, and the timeline time whose frame
/// shows (for a dragged start, before the clip's present start).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Side {
    pub clip: ClipRef,
    pub start: Time,
    pub at: Time,
}

/// The two sides of the edit being trimmed; a side without a clip (the start of a track, the
/// last clip's end) shows black.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sides {
    pub outgoing: Option<Side>,
    pub incoming: Option<Side>,
    /// Where the dragged edge is now (the picture's time: tests wait for it).
    pub edge: Time,
}

/// A clip and where it is on the timeline (start, end).
type Placed = (ClipRef, Time, Time);

/// The neighbours of the clip being trimmed, found once per drag (a scan of its track), by
/// (clip, document revision).
#[derive(Default)]
pub struct Neighbours {
    key: Option<(ClipRef, u64)>,
    /// The clip ending last before it starts, and the one starting first after it ends.
    found: (Option<Placed>, Option<Placed>),
}

/// The start of the last frame before `end`.
fn last_frame_before(fr: FrameRate, end: Time) -> Time {
    fr.frame_start(fr.frame_at(end - Time(1)))
}

impl Neighbours {
    fn of(&mut self, doc: &Document, timeline: &TimelineState, r: ClipRef) -> Option<(Time, Time)> {
        let places = &timeline.indexes().get(r.track)?.placements;
        let me = *places.get(r.index)?;
        if self.key != Some((r, doc.revision())) {
            self.key = Some((r, doc.revision()));
            let mut before: Option<Placed> = None;
            let mut after: Option<Placed> = None;
            for (i, p) in places.iter().enumerate().filter(|(i, _)| *i != r.index) {
                let c = ClipRef { track: r.track, index: i };
                if p.end <= me.start && before.is_none_or(|(_, _, e)| p.end > e) {
                    before = Some((c, p.start, p.end));
                }
                if p.start >= me.end && after.is_none_or(|(_, s, _)| p.start < s) {
                    after = Some((c, p.start, p.end));
                }
            }
            self.found = (before, after);
        }
        Some((me.start, me.end))
    }

    /// The two sides of the edge being dragged to its new place, if an edge is (or of the
    /// clip being slipped or slid).
    pub fn sides(&mut self, doc: &Document, timeline: &TimelineState) -> Option<Sides> {
        if let Some((r, delta, slide)) = timeline.slip_at {
            return if slide {
                self.slide_sides(doc, timeline, r, delta)
            } else {
                self.slip_sides(doc, timeline, r, delta)
            };
        }
        let (r, edge, to) = timeline.trim_at?;
        let fr = doc.project().frame_rate;
        let (start, _) = self.of(doc, timeline, r)?;
        let (before, after) = self.found;
        Some(match edge {
            // The clip's new first frame comes in after the previous clip's last.
            Edge::Start => Sides {
                outgoing: before.map(|(c, s, e)| Side { clip: c, start: s, at: last_frame_before(fr, e) }),
                incoming: Some(Side { clip: r, start, at: to }),
                edge: to,
            },
            // The clip's new last frame goes out before the next clip's first (in a roll, the
            // next clip's frame at the new cut: its start moves with it).
            Edge::End => Sides {
                outgoing: Some(Side { clip: r, start, at: last_frame_before(fr, to) }),
                incoming: after.map(|(c, s, _)| Side { clip: c, start: s, at: if timeline.rolling { to } else { s } }),
                edge: to,
            },
        })
    }
}

impl Neighbours {
    /// Slip (the clip's source moves `delta` earlier, as the pointer goes right): its new
    /// first frame on the left and its new last frame on the right, as Premiere's slip shows
    /// them between the neighbours. The clip is shown as if it started `delta` later, which
    /// plays its source from In - `delta` at its present start.
    fn slip_sides(&mut self, doc: &Document, timeline: &TimelineState, r: ClipRef, delta: Time) -> Option<Sides> {
        let fr = doc.project().frame_rate;
        let (start, end) = self.of(doc, timeline, r)?;
        let source_in = doc.project().tracks[r.track].clips.get(r.index)?.r#in.unwrap_or(Time::ZERO);
        // The source does not start before 0 (the slip stops there too).
        let shifted = start + delta.min(source_in);
        Some(Sides {
            outgoing: Some(Side { clip: r, start: shifted, at: start }),
            incoming: Some(Side { clip: r, start: shifted, at: last_frame_before(fr, end) }),
            edge: start,
        })
    }

    /// Slide (the clip moves `delta`; touching neighbours absorb it): the clip before it at
    /// its new last frame on the left, the clip after it at its new first frame on the right.
    /// A neighbour across a gap does not change (the gap absorbs the move): its own frame.
    fn slide_sides(&mut self, doc: &Document, timeline: &TimelineState, r: ClipRef, delta: Time) -> Option<Sides> {
        let fr = doc.project().frame_rate;
        let (start, end) = self.of(doc, timeline, r)?;
        let (before, after) = self.found;
        // Never past a touching neighbour's other end, nor before the timeline's start.
        let mut delta = delta.max(-start);
        if let Some((_, s, e)) = before.filter(|(_, _, e)| *e == start) {
            delta = delta.max(fr.ceil(s + Time(1)) - e);
        }
        if let Some((_, s, e)) = after.filter(|(_, s, _)| *s == end) {
            delta = delta.min(last_frame_before(fr, e) - s);
        }
        let cut_in = start + delta;
        let cut_out = end + delta;
        Some(Sides {
            outgoing: before.map(|(c, s, e)| {
                let new_end = if e == start { cut_in } else { e };
                Side { clip: c, start: s, at: last_frame_before(fr, new_end) }
            }),
            incoming: after.map(|(c, s, _)| Side { clip: c, start: s, at: if s == end { cut_out } else { s } }),
            edge: cut_in,
        })
    }
}

/// One picture twice the output's width: the outgoing side on the left, the incoming on the
/// right, each only its own clip (as the trim monitor shows them, not the layers above).
pub fn plan(doc: &Document, sides: &Sides, (w, h): (u32, u32)) -> Plan {
    let mut layers = Vec::new();
    for (side, dx) in [(sides.outgoing, 0.0), (sides.incoming, w as f32)] {
        let Some(s) = side else { continue };
        let one = compose::plan_at(doc.project(), s.at, (w, h), &|ti| {
            if ti == s.clip.track { vec![(s.start, s.clip.index)] } else { Vec::new() }
        });
        for mut l in one.layers {
            match &mut l {
                Layer::Picture(p) => p.x += dx,
                Layer::Text(t) => t.x += dx,
                Layer::Region(r) => r.x += dx,
                // An effect track's look acts on the whole frame: the trim monitor shows each
                // clip alone.
                Layer::Look(_) => continue,
            }
            layers.push(l);
        }
    }
    Plan { width: w * 2, height: h, at: sides.edge, layers }
}

/// The time under each half and a line between them.
pub fn labels(painter: &egui::Painter, frame: Rect, sides: &Sides, clock: crate::i18n::Clock) {
    let half = frame.width() / 2.0;
    painter.vline(frame.center().x, frame.y_range(), egui::Stroke::new(2.0, Color32::from_gray(60)));
    for (i, side) in [sides.outgoing, sides.incoming].into_iter().enumerate() {
        let text = match (i, side) {
            (0, Some(s)) => crate::t!("preview-trim-outgoing", time = clock.time(s.at)),
            (_, Some(s)) => crate::t!("preview-trim-incoming", time = clock.time(s.at)),
            (0, None) => crate::t!("preview-trim-no-outgoing"),
            (_, None) => crate::t!("preview-trim-no-incoming"),
        };
        let at = Pos2::new(frame.left() + half * i as f32 + 6.0, frame.top() + 6.0);
        let g = painter.layout_no_wrap(text, FontId::monospace(12.0), Color32::WHITE);
        painter.rect_filled(Rect::from_min_size(at, g.size()).expand(3.0), 2.0, Color32::from_black_alpha(170));
        painter.galley(at, g, Color32::WHITE);
    }
}
