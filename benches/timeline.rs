//! Frame cost of the timeline (and of the whole editor window) with 100, 10 000 and 100 000
//! clips at a typical zoom, over `egui::Context::run_ui` with no renderer.
//! Run: `cargo bench --bench timeline`. The cost should follow the clips in view, not the total.

use egui::{Pos2, RawInput, Rect, Vec2};
use std::sync::Arc;
use vodcut::edit::document::Document;
use vodcut::model::generate::generated_project;
use vodcut::ui::Editor;
use vodcut::ui::files::NativePicker;
use vodcut::ui::timeline::{TimelineState, timeline_ui};

fn main() {
    divan::main();
}

const SIZES: [usize; 3] = [100, 10_000, 100_000];

fn input(frame: u64, size: Vec2) -> RawInput {
    RawInput {
        screen_rect: Some(Rect::from_min_size(Pos2::ZERO, size)),
        time: Some(frame as f64 / 60.0),
        ..Default::default()
    }
}

fn document(clips: usize) -> Document {
    let mut p = generated_project(clips, 20);
    // Typical zoom: 50 px/s shows about 22 s, some 9 clips per track.
    p.zoom = 50.0;
    p.playhead = vodcut::model::Time::from_secs(5);
    Document::new(p, None, false)
}

#[divan::bench(args = SIZES, sample_count = 30)]
fn timeline_frame(b: divan::Bencher, clips: usize) {
    let ctx = egui::Context::default();
    let mut doc = document(clips);
    let mut st = TimelineState::default();
    let mut frame = 0;
    let size = Vec2::new(1280.0, 400.0);
    // Warm up: the first frame builds the per-track indexes (once per change, not per frame).
    for _ in 0..3 {
        frame += 1;
        ctx.run_ui(input(frame, size), |ui| timeline_ui(ui, &mut doc, &mut st)).drop_without_applying_deltas();
    }
    b.bench_local(|| {
        frame += 1;
        let out = ctx.run_ui(input(frame, size), |ui| timeline_ui(ui, &mut doc, &mut st));
        let n = out.shapes.len();
        out.drop_without_applying_deltas();
        n
    });
}

#[divan::bench(args = SIZES, sample_count = 30)]
fn editor_window_frame(b: divan::Bencher, clips: usize) {
    let ctx = egui::Context::default();
    let mut editor = Editor::with_document(
        Arc::new(NativePicker::default()),
        document(clips),
        vodcut::core::Env::isolated(&std::env::temp_dir().join("vodcut-bench-timeline")),
    );
    let mut frame = 0;
    let size = Vec2::new(1280.0, 800.0);
    for _ in 0..3 {
        frame += 1;
        ctx.run_ui(input(frame, size), |ui| editor.ui(ui)).drop_without_applying_deltas();
    }
    b.bench_local(|| {
        frame += 1;
        let out = ctx.run_ui(input(frame, size), |ui| editor.ui(ui));
        let n = out.shapes.len();
        out.drop_without_applying_deltas();
        n
    });
}
