//! Frames and time, driven the way a person does it: random drags, trims and ruler clicks at
//! random zooms all land on frame boundaries; overlapping overlays sit in sub-rows where each
//! can be seen, clicked and edited; time fields take what the ruler shows.

use egui::{Key, Modifiers, Pos2, Vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use proptest::prelude::*;
use std::sync::Arc;
use vodcut::edit::document::Document;
use vodcut::model::export::import_timeline_str;
use vodcut::model::project::{BinEntry, MediaKind, layout_track};
use vodcut::model::{FrameRate, Project, Time};
use vodcut::ui::Editor;
use vodcut::ui::files::NativePicker;

mod support;

fn harness(p: Project) -> Harness<'static, Editor> {
    let editor = support::ui::editor(Arc::new(NativePicker::default()), Document::new(p, None, false));
    support::ui::harness(editor, Vec2::new(1400.0, 900.0))
}

/// V1: a [0,4) b [6,9) (sources 20 s long), at frame rate `fr`.
fn project(fr: FrameRate, zoom: f32) -> Project {
    let mut p = import_timeline_str(
        r#"{"VideoTracks":[{"VideoTrackClips":[{"MediaId":"a","In":0,"Out":4},{"MediaId":"b","In":0,"Out":3,"TimelineIn":6}]}]}"#,
    )
    .unwrap();
    for id in ["a", "b"] {
        p.bin.push(BinEntry {
            media_id: id.into(),
            title: id.into(),
            duration: Some(Time::from_secs(20)),
            kind: MediaKind::Video,
            ..Default::default()
        });
    }
    p.frame_rate = fr;
    p.zoom = zoom;
    p
}

/// Every time the user can have moved: clip places, source In/Out, the playhead.
fn off_frame_times(e: &Editor) -> Vec<(String, Time)> {
    let p = e.doc.project();
    let fr = p.frame_rate;
    let mut out = Vec::new();
    let mut check = |what: String, t: Option<Time>| {
        if let Some(t) = t
            && !fr.is_boundary(t)
        {
            out.push((what, t));
        }
    };
    check("playhead".into(), Some(p.playhead));
    for (ti, t) in p.tracks.iter().enumerate() {
        for (ci, (c, pl)) in t.clips.iter().zip(layout_track(t, &p.media_durations())).enumerate() {
            check(format!("{ti}.{ci} start"), Some(pl.start));
            check(format!("{ti}.{ci} end"), Some(pl.end));
            check(format!("{ti}.{ci} In"), c.r#in);
            check(format!("{ti}.{ci} Out"), c.out);
        }
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn drags_trims_and_clicks_land_on_frames(
        zoom in 3.0f32..900.0,
        fps in prop::sample::select(vec![25u32, 50]),
        move_px in -400.0f32..400.0,
        trim_px in -300.0f32..300.0,
        click_px in 0.0f32..1000.0,
        snapping in any::<bool>(),
    ) {
        let mut h = harness(project(FrameRate { num: fps, den: 1 }, zoom));
        h.state_mut().timeline.snapping = snapping;
        h.run();
        // Move b.
        if let Some(b) = h.query_by_label("Clip b on V1 at 00:00:06:00").map(|n| n.rect()) {
            let from = Pos2::new(b.center().x.clamp(b.left() + 1.0, b.right() - 1.0), b.center().y);
            support::ui::drag(&mut h, from, from + Vec2::new(move_px, 0.0));
        }
        // Trim a's end.
        if let Some(handle) = h.query_by_label("Trim end of a on V1").map(|n| n.rect()) {
            support::ui::drag(&mut h, handle.center(), handle.center() + Vec2::new(trim_px, 0.0));
        }
        // Click the ruler.
        let ruler = h.get_by_label("Timeline ruler").rect();
        let at = Pos2::new((ruler.left() + click_px).min(ruler.right() - 2.0), ruler.center().y);
        h.hover_at(at);
        h.run();
        h.drag_at(at);
        h.run();
        h.drop_at(at);
        h.run();
        // Nudge what is selected and step the playhead.
        h.key_press_modifiers(Modifiers::ALT, Key::ArrowRight);
        h.key_press(Key::ArrowRight);
        h.run();
        let off = off_frame_times(h.state());
        prop_assert!(off.is_empty(), "off frame at zoom {zoom}: {off:?}");
    }
}

#[test]
fn a_paste_and_a_drop_land_on_frames() {
    let mut p = project(FrameRate::FPS_25, 50.0);
    p.tracks[0].clips[1].timeline_in = Some(Time::parse_secs("6.2").unwrap());
    p.bin.push(BinEntry {
        media_id: "odd".into(),
        title: "Odd length".into(),
        duration: Some(Time::parse_secs("14.6257").unwrap()),
        kind: MediaKind::Video,
        ..Default::default()
    });
    p.playhead = Time::parse_secs("12.3456").unwrap(); // as an old file may hold
    let mut h = harness(p);
    h.run();
    h.get_by_label("Clip b on V1 at 00:00:06:05").click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::C);
    h.key_press_modifiers(Modifiers::COMMAND, Key::V);
    h.run();
    let v1 = &h.state().doc.project().tracks[0];
    assert_eq!(v1.clips.len(), 3, "{:?}", h.state().timeline.message);
    assert_eq!(v1.clips[2].timeline_in, Some(Time::parse_secs("12.36").unwrap()), "the frame nearest 12.3456 + 0");
    // A drop of media whose length is between frames keeps whole frames.
    let a = h.get_by_label("Clip a on V1 at 00:00:00:00").rect();
    let from = h.get_by_label("Media Odd length").rect().center();
    support::ui::drag(&mut h, from, Pos2::new(a.left() + 20.3 * 50.0, a.center().y));
    let v1 = &h.state().doc.project().tracks[0];
    assert_eq!(v1.clips.len(), 4, "{:?}", h.state().timeline.message);
    assert_eq!(v1.clips[3].out, Some(Time::parse_secs("14.6").unwrap()), "the partial last frame is left out");
    let off = off_frame_times(h.state());
    assert!(
        off.iter().all(|(w, _)| w.starts_with("0.1 ") || w == "playhead"),
        "only the old off-frame clip b and playhead: {off:?}"
    );
}

#[test]
fn time_fields_take_timecodes_and_refuse_out_past_the_media() {
    let mut h = harness(project(FrameRate::FPS_25, 50.0));
    h.run();
    h.get_by_label("Clip b on V1 at 00:00:06:00").click();
    h.run();
    let field = |h: &mut Harness<'static, Editor>, label: &str, text: &str| {
        h.get_by_label(label).click();
        h.run();
        h.key_combination_modifiers(Modifiers::COMMAND, &[Key::A]);
        h.get_by_label(label).type_text(text);
        h.run();
        h.key_press(Key::Enter);
        h.run();
    };
    let timeline_in = |h: &Harness<'static, Editor>| h.state().doc.project().tracks[0].clips[1].timeline_in;
    let secs = |s: &str| Some(Time::parse_secs(s).unwrap());
    field(&mut h, "TimelineIn", "00:00:10:12");
    assert_eq!(timeline_in(&h), secs("10.48"));
    assert_eq!(h.get_by_label("TimelineIn").value().as_deref(), Some("00:00:10:12"), "shown as timecode");
    field(&mut h, "TimelineIn", "11.0123");
    assert_eq!(timeline_in(&h), secs("11.0"), "seconds, snapped");
    // Premiere's shortcuts: no colons, relative moves from the field's value, a frame count.
    field(&mut h, "TimelineIn", "1213");
    assert_eq!(timeline_in(&h), secs("12.52"), "1213 is 00:00:12:13");
    field(&mut h, "TimelineIn", "+10");
    assert_eq!(timeline_in(&h), secs("12.92"), "ten frames later");
    field(&mut h, "TimelineIn", "-1:00");
    assert_eq!(timeline_in(&h), secs("11.92"), "one second earlier");
    field(&mut h, "TimelineIn", "-1.");
    assert_eq!(timeline_in(&h), secs("11.88"), "one frame earlier");
    field(&mut h, "TimelineIn", "250.");
    assert_eq!(timeline_in(&h), secs("10"), "frame 250");
    h.get_by_label("TimelineIn").click();
    h.run();
    h.key_combination_modifiers(Modifiers::COMMAND, &[Key::A]);
    h.get_by_label("TimelineIn").type_text("-20:00");
    h.run();
    assert!(h.query_by_label_contains("cannot be negative").is_some(), "before 0 is refused by the field");
    h.key_press(Key::Escape);
    h.run();
    assert_eq!(timeline_in(&h), secs("10"), "and nothing changed");
    h.get_by_label("Out").click();
    h.run();
    h.key_combination_modifiers(Modifiers::COMMAND, &[Key::A]);
    h.get_by_label("Out").type_text("25:00");
    h.run();
    assert!(
        h.query_by_label_contains("past the media's end (00:00:20:00)").is_some(),
        "the refusal shows by the field"
    );
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(h.state().doc.project().tracks[0].clips[1].out, Some(Time::from_secs(3)), "nothing past the end");
}

#[test]
fn overlapping_overlays_sit_in_sub_rows_and_each_can_be_edited() {
    // The reference sample (two logos at the same time on one image track), copied into the
    // test data so the test does not depend on a folder outside the repository.
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/image-overlay.json")).unwrap();
    let mut p = import_timeline_str(&text).unwrap();
    p.zoom = 8.0;
    let mut h = harness(p);
    h.run();
    let one = h.get_by_label("Clip 001d9296e8864746a0b6f32dad6e0002 on I1 at 00:00:02:00").rect();
    let two = h.get_by_label("Clip 002d9296e8864746a0b6f32dad6e0003 on I1 at 00:00:02:00").rect();
    assert_eq!(one.left(), two.left(), "same time");
    assert!(
        one.bottom() <= two.top() || two.bottom() <= one.top(),
        "stacked, not on top of each other: {one:?} {two:?}"
    );
    assert!(one.height() > 20.0 && two.height() > 20.0, "both big enough to click");
    // Each can be selected and edited on its own.
    for (label, id) in [
        ("Clip 002d9296e8864746a0b6f32dad6e0003 on I1 at 00:00:02:00", "002d9296e8864746a0b6f32dad6e0003"),
        ("Clip 001d9296e8864746a0b6f32dad6e0002 on I1 at 00:00:02:00", "001d9296e8864746a0b6f32dad6e0002"),
    ] {
        h.get_by_label(label).click();
        h.run();
        let sel = h.state().doc.selection.clone();
        assert_eq!(sel.len(), 1);
        let clip = &h.state().doc.project().tracks[sel[0].track].clips[sel[0].index];
        assert_eq!(clip.image_id.as_deref(), Some(id), "the click picked the clip drawn there");
    }
    h.get_by_label("X").click();
    h.run();
    h.key_combination_modifiers(Modifiers::COMMAND, &[Key::A]);
    h.get_by_label("X").type_text("0.5");
    h.key_press(Key::Enter);
    h.run();
    let i1 = h.state().doc.project().tracks.iter().find(|t| t.kind == vodcut::model::TrackKind::Image).unwrap();
    assert_eq!(i1.clips[0].area.x.as_ref().map(|n| n.value()), Some(0.5));
    assert_eq!(i1.clips[1].area.x.as_ref().map(|n| n.value()), Some(0.7234), "the other overlay is untouched");
    // Trim the lower one's end: it stays in its own lane and keeps its place in the track.
    let handle = h.get_by_label("Trim end of 002d9296e8864746a0b6f32dad6e0003 on I1").rect();
    support::ui::drag(&mut h, handle.center(), handle.center() - Vec2::new(8.0 * 50.0, 0.0));
    let i1 = h.state().doc.project().tracks.iter().find(|t| t.kind == vodcut::model::TrackKind::Image).unwrap();
    let out = i1.clips[1].timeline_out.unwrap().as_secs_f64();
    assert!((48.0..=52.0).contains(&out), "trimmed to about 50 s: {out}");
    assert_eq!(i1.clips[0].timeline_out, Some(Time::from_secs(100)));
    // The export still holds both, in order, on one track.
    let json = vodcut::model::export::timeline_json(h.state().doc.project());
    assert!(json.find("001d9296").unwrap() < json.find("002d9296").unwrap());
}
