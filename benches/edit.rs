//! Edits at scale: one edit and its undo in the middle of a track of a 100 000-clip project
//! (20 tracks, 5 000 clips a track), and the first editor frame after such an edit (the
//! frame that revalidates, rebuilds the snapping/drawing indexes and refreshes the caches).
//! Goals: an edit or an undo within 1 ms, that frame within 16 ms.
//!
//! Run: `cargo bench --bench edit` (each sample starts from a fresh copy of the project, made
//! outside the measurement).

use egui::{Pos2, RawInput, Rect, Vec2};
use std::sync::Arc;
use vodcut::edit::document::Document;
use vodcut::edit::ops::{self, ClipRef};
use vodcut::model::generate::generated_project;
use vodcut::model::wire::Clip;
use vodcut::model::{Project, Time};
use vodcut::ui::Editor;
use vodcut::ui::files::NativePicker;

fn main() {
    divan::main();
}

const CLIPS: usize = 100_000;
const TRACKS: usize = 20;
/// In the middle of track 0, at a clip followed by a 0.5 s gap (clip i lasts 2 s + (i % 5) *
/// 0.1 s and starts every 2.5 s).
const MIDDLE: usize = CLIPS / TRACKS / 2;

fn project() -> Project {
    let mut p = generated_project(CLIPS, TRACKS);
    p.zoom = 50.0;
    p.playhead = Time::from_millis(MIDDLE as i64 * 2_500);
    p
}

fn shared() -> &'static Project {
    static P: std::sync::OnceLock<Project> = std::sync::OnceLock::new();
    P.get_or_init(project)
}

fn document() -> Document {
    Document::new(shared().clone(), None, false)
}

#[derive(Clone, Copy, Debug)]
enum Op {
    Insert,
    Move,
    RippleDelete,
}

const OPS: [Op; 3] = [Op::Insert, Op::Move, Op::RippleDelete];

/// Applies `op` in the middle of track 0 as the editor does (operation, then one undo step).
fn edit(doc: &mut Document, op: Op) {
    let at = ClipRef { track: 0, index: MIDDLE };
    let start = Time::from_millis(MIDDLE as i64 * 2_500);
    let result = match op {
        Op::Insert => {
            let c = doc.project.tracks[0].clips[MIDDLE].clone();
            let clip = Clip {
                timeline_in: Some(start + Time::from_millis(2_100)),
                timeline_out: Some(start + Time::from_millis(2_400)),
                out: c.r#in.map(|i| i + Time::from_millis(300)),
                ..c
            };
            doc.apply_change("Insert", ops::insert(&doc.project, 0, vec![clip]))
        }
        Op::Move => {
            doc.apply_change("Move", ops::move_clips(&doc.project, &[at], Time::from_millis(200), &|t| Some(t)))
        }
        Op::RippleDelete => doc.apply_change("Ripple delete", ops::delete(&doc.project, &[at], true)),
    };
    assert!(result.is_ok(), "{op:?}: {result:?}");
}

#[divan::bench(args = OPS, sample_count = 20, sample_size = 1)]
fn one_edit(b: divan::Bencher, op: Op) {
    b.with_inputs(document).bench_local_refs(|doc| edit(doc, op));
}

#[divan::bench(args = OPS, sample_count = 20, sample_size = 1)]
fn its_undo(b: divan::Bencher, op: Op) {
    b.with_inputs(|| {
        let mut doc = document();
        edit(&mut doc, op);
        doc
    })
    .bench_local_refs(|doc| assert!(doc.undo().is_some()));
}

fn input(frame: u64) -> RawInput {
    RawInput {
        screen_rect: Some(Rect::from_min_size(Pos2::ZERO, Vec2::new(1280.0, 800.0))),
        time: Some(frame as f64 / 60.0),
        ..Default::default()
    }
}

/// The whole editor window's first frame after the edit, caches warm from the frames
/// before it (as when the user edits a project that is already open).
#[divan::bench(args = OPS, sample_count = 10, sample_size = 1)]
fn first_frame_after(b: divan::Bencher, op: Op) {
    b.with_inputs(|| {
        let ctx = egui::Context::default();
        let mut editor = Editor::with_document(Arc::new(NativePicker), document());
        for frame in 1..=3 {
            ctx.run_ui(input(frame), |ui| editor.ui(ui)).drop_without_applying_deltas();
        }
        edit(&mut editor.doc, op);
        (ctx, editor)
    })
    .bench_local_refs(|(ctx, editor)| {
        let out = ctx.run_ui(input(4), |ui| editor.ui(ui));
        let n = out.shapes.len();
        out.drop_without_applying_deltas();
        n
    });
}
