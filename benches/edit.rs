//! Edits at scale: one edit and its undo in the middle of a track of a 100 000-clip project
//! (20 tracks, 5 000 clips a track), and the first editor frame after such an edit (the
//! frame that revalidates, rebuilds the snapping/drawing indexes and refreshes the caches).
//! Goals: an edit or an undo within 1 ms, that frame within 16 ms, for every edit in every
//! mode: the placing operation (Overwrite, Insert, Insert on all tracks), moves in each mode,
//! ripple/roll/slip/slide, gap closing, Lift/Extract, Q/W and paste insert.
//!
//! Run: `cargo bench --bench edit` (each sample starts from a fresh copy of the project, made
//! outside the measurement).

use egui::{Pos2, RawInput, Rect, Vec2};
use std::sync::Arc;
use vodcut::edit::document::Document;
use vodcut::edit::ops::{self, ClipRef, Edge, PlaceMode};
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
    /// The placing operation (a drop, the source viewer's `.`): covers the end of one clip.
    PlaceOverwrite,
    /// The source viewer's `,`: splits the middle clip, 2 500 later clips move.
    PlaceInsert,
    /// The same on every track: 20 clips split, 50 000 move.
    PlaceInsertAllTracks,
    MoveOverwrite,
    MoveInsert,
    /// Taken out (its gap closes) and inserted 10 clips later.
    Rearrange,
    RippleTrim,
    /// The cut between the middle clip and the next (made to touch, outside the measurement).
    Roll,
    Slip,
    Slide,
    CloseGap,
    /// Every gap of track 0 (its 5 000 clips each move by a different distance).
    CloseGapsOnTrack,
    /// In/Out across the middle clip on every track (all are targeted).
    Lift,
    Extract,
    /// W in the middle clip, on every track.
    RippleToPlayhead,
    PasteInsert,
}

const OPS: [Op; 19] = [
    Op::Insert,
    Op::Move,
    Op::RippleDelete,
    Op::PlaceOverwrite,
    Op::PlaceInsert,
    Op::PlaceInsertAllTracks,
    Op::MoveOverwrite,
    Op::MoveInsert,
    Op::Rearrange,
    Op::RippleTrim,
    Op::Roll,
    Op::Slip,
    Op::Slide,
    Op::CloseGap,
    Op::CloseGapsOnTrack,
    Op::Lift,
    Op::Extract,
    Op::RippleToPlayhead,
    Op::PasteInsert,
];

/// The document an op starts from: the shared project, with the middle clip's neighbour
/// touching it for Roll, the marks around it for Lift and Extract, the middle clip copied for
/// Paste insert, its tracks laid out (all outside the measurement).
fn document_for(op: Op) -> Document {
    let mut doc = match op {
        Op::Roll => {
            let mut p = shared().clone();
            let clips = &mut p.tracks[0].clips;
            let end = clips[MIDDLE].timeline_out.unwrap();
            let next = &mut clips[MIDDLE + 1];
            let len = next.timeline_out.unwrap() - next.timeline_in.unwrap();
            (next.timeline_in, next.timeline_out) = (Some(end), Some(end + len));
            Document::new(p, None, false)
        }
        _ => document(),
    };
    let start = Time::from_millis(MIDDLE as i64 * 2_500);
    match op {
        Op::Lift | Op::Extract => {
            doc.set_playhead(start + Time::from_millis(500));
            doc.mark(false);
            doc.set_playhead(start + Time::from_millis(1_500));
            doc.mark(true);
        }
        Op::PasteInsert => {
            doc.selection = vec![ClipRef { track: 0, index: MIDDLE }];
            doc.copy();
        }
        Op::RippleToPlayhead => doc.set_playhead(start + Time::from_millis(1_000)),
        _ => {}
    }
    // As in the editor, whose every frame has the tracks laid out (the timeline's index reads
    // the document's layouts): edits of many tracks start from them.
    doc.layouts();
    doc
}

/// Applies `op` in the middle of track 0 as the editor does (operation, then one undo step).
fn edit(doc: &mut Document, op: Op) {
    let at = ClipRef { track: 0, index: MIDDLE };
    let start = Time::from_millis(MIDDLE as i64 * 2_500);
    let same = |t: usize| Some(t);
    let new_clip = |doc: &Document| {
        let c = doc.project().tracks[0].clips[MIDDLE].clone();
        Clip { timeline_in: None, timeline_out: None, out: c.r#in.map(|i| i + Time::from_millis(1_000)), ..c }
    };
    let result = match op {
        Op::Insert => {
            let c = doc.project().tracks[0].clips[MIDDLE].clone();
            let clip = Clip {
                timeline_in: Some(start + Time::from_millis(2_100)),
                timeline_out: Some(start + Time::from_millis(2_400)),
                out: c.r#in.map(|i| i + Time::from_millis(300)),
                ..c
            };
            doc.apply_change("Insert", ops::insert(doc.project(), 0, vec![clip]))
        }
        Op::Move => {
            doc.apply_change("Move", ops::move_clips(doc.project(), &[at], Time::from_millis(200), &|t| Some(t)))
        }
        Op::RippleDelete => doc.apply_change("Ripple delete", ops::delete(doc.project(), &[at], true)),
        Op::PlaceOverwrite => {
            let c = new_clip(doc);
            doc.place(0, start + Time::from_millis(1_600), vec![c], PlaceMode::Overwrite)
        }
        Op::PlaceInsert | Op::PlaceInsertAllTracks => {
            let c = new_clip(doc);
            let all_tracks = matches!(op, Op::PlaceInsertAllTracks);
            doc.place(0, start + Time::from_millis(1_000), vec![c], PlaceMode::Insert { all_tracks })
        }
        Op::MoveOverwrite => doc.move_in_mode(&[at], Time::from_millis(1_000), &same, PlaceMode::Overwrite, false),
        Op::MoveInsert => {
            doc.move_in_mode(&[at], Time::from_millis(1_000), &same, PlaceMode::Insert { all_tracks: false }, false)
        }
        Op::Rearrange => doc.move_in_mode(&[at], Time::from_millis(25_000), &same, PlaceMode::Overwrite, true),
        Op::RippleTrim => doc.ripple_trim(at, Edge::End, start + Time::from_millis(1_000)),
        Op::Roll => {
            let right = ClipRef { track: 0, index: MIDDLE + 1 };
            doc.roll(at, right, start + Time::from_millis(1_600))
        }
        Op::Slip => doc.slip(at, Time::from_millis(400)),
        Op::Slide => doc.slide(at, Time::from_millis(200)),
        Op::CloseGap => {
            let end = doc.project().tracks[0].clips[MIDDLE].timeline_out.unwrap();
            doc.select_gap(0, end + Time::from_millis(100));
            doc.close_selected_gap()
        }
        Op::CloseGapsOnTrack => doc.close_gaps(Some(0)),
        Op::Lift => doc.lift_or_extract(false),
        Op::Extract => doc.lift_or_extract(true),
        Op::RippleToPlayhead => doc.ripple_to_playhead(true),
        Op::PasteInsert => doc.paste_insert(false),
    };
    assert!(result.is_ok(), "{op:?}: {result:?}");
}

#[divan::bench(args = OPS, sample_count = 20, sample_size = 1)]
fn one_edit(b: divan::Bencher, op: Op) {
    b.with_inputs(|| document_for(op)).bench_local_refs(|doc| edit(doc, op));
}

#[divan::bench(args = OPS, sample_count = 20, sample_size = 1)]
fn its_undo(b: divan::Bencher, op: Op) {
    b.with_inputs(|| {
        let mut doc = document_for(op);
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
        let mut editor = Editor::with_document(
            Arc::new(NativePicker::default()),
            document_for(op),
            vodcut::core::Env::isolated(&std::env::temp_dir().join("vodcut-bench-edit")),
        );
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
