//! Issue 28: a 100 000-clip project fitted in the window draws runs of clips, not 100 000
//! blocks: the mesh (what egui's GPU buffers are sized by, and keep) follows the pixels. A
//! double-click on a run zooms in on it, where its clips are drawn and pointed at one by one.

mod support;

use egui::{Pos2, RawInput, Rect, Vec2};
use egui_kittest::kittest::Queryable;
use vodcut::edit::document::Document;
use vodcut::model::generate::generated_project;
use vodcut::ui::timeline::{TimelineState, timeline_ui};

fn input(frame: u64, events: Vec<egui::Event>) -> RawInput {
    RawInput {
        screen_rect: Some(Rect::from_min_size(Pos2::ZERO, Vec2::new(1280.0, 400.0))),
        time: Some(frame as f64 / 60.0),
        events,
        ..Default::default()
    }
}

/// The vertices of one frame's tessellated mesh and the AccessKit-labelled clip widgets.
fn frame(ctx: &egui::Context, doc: &mut Document, st: &mut TimelineState, n: u64, events: Vec<egui::Event>) -> usize {
    let mut out = ctx.run_ui(input(n, events), |ui| timeline_ui(ui, doc, st));
    let shapes = std::mem::take(&mut out.shapes);
    out.drop_without_applying_deltas();
    let prims = ctx.tessellate(shapes, 1.0);
    prims
        .iter()
        .map(|p| match &p.primitive {
            egui::epaint::Primitive::Mesh(m) => m.vertices.len(),
            egui::epaint::Primitive::Callback(_) => 0,
        })
        .sum()
}

#[test]
fn a_fitted_huge_timeline_draws_runs_not_every_clip() {
    let ctx = egui::Context::default();
    let mut doc = Document::new(generated_project(100_000, 20), None, false);
    let mut st = TimelineState::default();
    st.fit_requested = true;
    frame(&ctx, &mut doc, &mut st, 1, vec![]);
    let vertices = frame(&ctx, &mut doc, &mut st, 2, vec![]);
    // Every clip on screen: drawn one by one they made 643 886 vertices here; as runs, 3 310.
    assert!(vertices < 50_000, "{vertices} vertices for a fitted 100 000-clip timeline");
}

#[test]
fn a_double_click_on_a_run_zooms_in_until_its_clips_show_one_by_one() {
    let mut h = support::ui::project_harness(generated_project(20_000, 4), Vec2::new(1280.0, 800.0));
    h.state_mut().timeline.fit_requested = true;
    h.run_steps(3);
    let before = h.state().timeline.mapping.px_per_sec;
    assert_eq!(h.query_all_by_label_contains("Clip ").count(), 0, "no clip is wide enough to draw alone");
    let runs = h.get_all_by_label_contains("too narrow to show one by one").count();
    assert!(runs >= 4, "a run per track at least: {runs}");
    let at = h.get_all_by_label_contains("too narrow to show one by one").next().unwrap().rect().center();
    h.event(egui::Event::PointerMoved(at));
    h.step();
    support::ui::click_at(&mut h, at);
    support::ui::click_at(&mut h, at);
    h.run_steps(3);
    let after = h.state().timeline.mapping.px_per_sec;
    assert!(after > before * 100.0, "zoomed in: {before} -> {after} px/s");
    assert!(h.query_all_by_label_contains("Clip ").count() >= 4, "clips drawn one by one now");
}

/// At a working zoom every clip block, title and length shares the timeline's clip rectangle,
/// so the frame goes to the GPU as a few meshes (draw calls), not two per clip: a clip's
/// words are cut with "…" to its width instead of clipped by a rectangle of their own (386
/// clips here: 6 meshes; 710 before).
#[test]
fn clips_at_a_working_zoom_are_a_few_draw_calls() {
    let ctx = egui::Context::default();
    let mut doc = Document::new(generated_project(10_000, 20), None, false);
    doc.set_zoom(10.0);
    let mut st = TimelineState::default();
    let mut meshes = 0;
    let mut clips = 0;
    for n in 1..=2 {
        let mut out = ctx.run_ui(input(n, vec![]), |ui| timeline_ui(ui, &mut doc, &mut st));
        let shapes = std::mem::take(&mut out.shapes);
        out.drop_without_applying_deltas();
        clips = shapes.iter().filter(|s| matches!(s.shape, egui::Shape::Text(_))).count() / 2;
        meshes = ctx.tessellate(shapes, 1.0).len();
    }
    assert!(clips >= 100, "a working view: {clips} clips with their words");
    assert!(meshes < 40, "{meshes} meshes for {clips} clips");
}
