//! Clips too narrow to draw one by one, drawn merged into runs.
//!
//! At the fitted zoom of a 100 000-clip project every clip is in view. Drawn one by one (a
//! block, an outline, an interaction and an AccessKit node each) one such frame made a mesh
//! whose GPU buffer took 134 MB, and egui keeps its buffers at their largest: the window held
//! 500 MiB (issue 28). Touching clips narrower than [`DENSE_PX`] in one lane are drawn as one
//! block instead, so the work and the mesh follow the pixels shown, not the clips. A run says
//! how many clips it holds; a double-click zooms in on it, where they are drawn one by one.

use super::draw::{SELECTED, kind_colour};
use crate::model::{Project, Time};
use crate::t;
use egui::{Color32, Rect, Sense, Stroke, StrokeKind};

/// Clips narrower than this on screen (points) join a run.
pub const DENSE_PX: f32 = 4.0;

/// Touching narrow clips of one lane of a track.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Run {
    pub track: usize,
    pub rect: Rect,
    pub clips: usize,
    /// How many of them are selected.
    pub selected: usize,
    pub start: Time,
    pub end: Time,
}

/// Runs being gathered, one open per lane (clips come in start order, lanes interleaved).
#[derive(Default)]
pub struct Runs {
    open: Vec<(usize, Run)>,
    pub done: Vec<Run>,
}

impl Runs {
    /// Adds a narrow clip of `track` in `lane` drawn over `rect`, from `start` to `end`.
    pub fn add(&mut self, lane: usize, track: usize, rect: Rect, (start, end): (Time, Time), selected: bool) {
        let one = Run { track, rect, clips: 1, selected: usize::from(selected), start, end };
        let Some(i) = self.open.iter().position(|(l, r)| *l == lane && r.track == track) else {
            self.open.push((lane, one));
            return;
        };
        let run = &mut self.open[i].1;
        // Touching (within a point): the same block.
        if rect.left() <= run.rect.right() + 1.0 {
            run.rect = run.rect.union(rect);
            run.clips += 1;
            run.selected += usize::from(selected);
            run.end = run.end.max(end);
        } else {
            self.done.push(std::mem::replace(run, one));
        }
    }

    /// Closes the open runs (at the end of a row).
    pub fn finish(&mut self) {
        self.done.extend(self.open.drain(..).map(|(_, r)| r));
    }
}

/// How wide a run's clips are on average after a double-click zooms in on it (points).
const ZOOMED_CLIP_PX: f64 = 40.0;

/// Draws `runs` and lets them be pointed at; for a run double-clicked, returns where (x) and
/// the zoom (points a second) that shows its clips one by one.
pub fn runs_ui(
    ui: &egui::Ui,
    painter: &egui::Painter,
    project: &Project,
    runs: &[Run],
    clip_to: Rect,
) -> Option<(f32, f32)> {
    let painter = painter.with_clip_rect(clip_to.intersect(painter.clip_rect()));
    let mut zoom_to = None;
    for run in runs {
        let Some(track) = project.tracks.get(run.track) else { continue };
        let mut fill = kind_colour(track.kind).gamma_multiply(0.85);
        if track.hidden {
            fill = fill.gamma_multiply(0.35);
        }
        painter.rect_filled(run.rect, 1.0, fill);
        let stroke =
            if run.selected > 0 { Stroke::new(2.0, SELECTED) } else { Stroke::new(1.0, Color32::from_black_alpha(90)) };
        painter.rect_stroke(run.rect, 1.0, stroke, StrokeKind::Inside);
        let id = ui.scope_id().with(("dense-run", run.track, run.start.ticks()));
        let resp = ui.interact(run.rect.intersect(clip_to), id, Sense::click());
        let label = t!("timeline-dense-label", clips = run.clips, track = track.name.as_str());
        resp.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &label));
        if resp.double_clicked() {
            let average = (run.end - run.start).as_secs_f64() / run.clips.max(1) as f64;
            let x = resp.interact_pointer_pos().map_or(run.rect.center().x, |p| p.x);
            zoom_to = Some((x, (ZOOMED_CLIP_PX / average.max(1e-3)) as f32));
        }
        resp.on_hover_text(t!("timeline-dense-tip", clips = run.clips, selected = run.selected));
    }
    zoom_to
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::Pos2;

    fn r(x0: f32, x1: f32) -> Rect {
        Rect::from_min_max(Pos2::new(x0, 0.0), Pos2::new(x1, 10.0))
    }

    #[test]
    fn touching_narrow_clips_join_and_a_gap_starts_a_new_run() {
        let t = Time::from_secs;
        let mut runs = Runs::default();
        runs.add(0, 3, r(10.0, 11.0), (t(0), t(1)), false);
        runs.add(1, 3, r(10.0, 12.0), (t(0), t(2)), false); // another lane
        runs.add(0, 3, r(11.0, 12.5), (t(1), t(2)), true);
        runs.add(0, 3, r(20.0, 21.0), (t(9), t(10)), false); // a gap of 7.5 points
        runs.finish();
        let got: Vec<(f32, f32, usize, usize)> =
            runs.done.iter().map(|x| (x.rect.left(), x.rect.right(), x.clips, x.selected)).collect();
        assert_eq!(got, vec![(10.0, 12.5, 2, 1), (20.0, 21.0, 1, 0), (10.0, 12.0, 1, 0)]);
        assert_eq!((runs.done[0].start, runs.done[0].end), (t(0), t(2)));
    }
}
