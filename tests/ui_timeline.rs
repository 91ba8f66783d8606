//! The timeline widget driven through egui_kittest the way a person uses it: dragging clips in
//! time and onto another track, trimming an edge, splitting with S, ripple delete, undo/redo,
//! snapping to a neighbour's edge, dropping media from the bin, and typing "s" in a field.

use egui::{Key, Modifiers, Pos2, Vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::sync::Arc;
use vodcut::edit::document::Document;
use vodcut::model::export::import_timeline_str;
use vodcut::model::project::{BinEntry, MediaKind};
use vodcut::model::{Project, Time, TrackKind};
use vodcut::ui::Editor;

mod support;

/// V1 (bottom): a [0,4) b [6,9); V2 (top): empty; A1: x [0,5); bin: a, b, x, "Theme" audio.
fn project() -> Project {
    let mut p = import_timeline_str(
        r#"{"VideoTracks":[{"VideoTrackClips":[{"MediaId":"a","In":0,"Out":4},{"MediaId":"b","In":0,"Out":3,"TimelineIn":6}]},{"VideoTrackClips":[]}],
            "AudioTracks":[{"AudioTrackClips":[{"MediaId":"x","Out":5}]}]}"#,
    )
    .unwrap();
    for (id, kind) in [("a", MediaKind::Video), ("b", MediaKind::Video), ("x", MediaKind::Audio)] {
        p.bin.push(BinEntry {
            media_id: id.into(),
            title: id.into(),
            duration: Some(Time::from_secs(20)),
            kind,
            ..Default::default()
        });
    }
    p.bin.push(BinEntry {
        media_id: "theme".into(),
        title: "Theme".into(),
        duration: Some(Time::from_secs(7)),
        kind: MediaKind::Audio,
        ..Default::default()
    });
    p.zoom = 50.0; // px per second
    p
}

fn harness(p: Project) -> Harness<'static, Editor> {
    let editor = support::ui::editor(Arc::new(support::ui::FakePicker::default()), Document::new(p, None, false));
    Harness::builder()
        .with_size(Vec2::new(1400.0, 900.0))
        .with_max_steps(64)
        .with_context_setup(|ctx| ctx.add_font_provider(Arc::new(egui_system_font_provider::SystemFontProvider::new())))
        .build_ui_state(|ui, e: &mut Editor| e.ui(ui), editor)
}

fn rect(h: &Harness<'static, Editor>, label: &str) -> egui::Rect {
    h.get_by_label(label).rect()
}

fn spans(e: &Editor, track: usize) -> Vec<(i64, i64)> {
    let p = e.doc.project();
    vodcut::model::project::layout_track(&p.tracks[track], &p.media_durations())
        .iter()
        .map(|q| (q.start.0 / 1000, q.end.0 / 1000))
        .collect()
}

/// Pixels per second and the x of time zero, read off clip a ([0,4)).
fn scale(h: &Harness<'static, Editor>) -> (f32, f32) {
    let a = rect(h, "Clip a on V1 at 00:00:00:00");
    (a.width() / 4.0, a.left())
}

#[test]
fn drag_a_clip_to_a_new_time_and_onto_another_track() {
    let mut h = harness(project());
    h.run();
    let (pps, _) = scale(&h);
    let b = rect(&h, "Clip b on V1 at 00:00:06:00");
    // Up one row (V2 is drawn above V1) and 2 s later.
    let from = b.center();
    support::ui::drag(&mut h, from, from + Vec2::new(2.0 * pps, -46.0));
    assert_eq!(spans(h.state(), 0), vec![(0, 40)], "b left V1");
    assert_eq!(spans(h.state(), 1), vec![(80, 110)], "b is on V2 at 8 s");
    assert!(h.query_by_label("Clip b on V2 at 00:00:08:00").is_some());
    // Undo puts it back, redo moves it again.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(spans(h.state(), 0), vec![(0, 40), (60, 90)]);
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    h.run();
    assert_eq!(spans(h.state(), 1), vec![(80, 110)]);
}

#[test]
fn a_drag_onto_another_kind_of_track_is_refused() {
    let mut h = harness(project());
    h.run();
    let b = rect(&h, "Clip b on V1 at 00:00:06:00");
    // Down one row is the audio track.
    support::ui::drag(&mut h, b.center(), b.center() + Vec2::new(0.0, 46.0));
    assert_eq!(spans(h.state(), 0), vec![(0, 40), (60, 90)], "nothing moved");
    assert!(
        h.state().timeline.message.as_deref().unwrap_or("").contains("cannot go on"),
        "{:?}",
        h.state().timeline.message
    );
}

#[test]
fn trim_an_edge() {
    let mut h = harness(project());
    h.run();
    let (pps, _) = scale(&h);
    let handle = rect(&h, "Trim end of a on V1");
    support::ui::drag(&mut h, handle.center(), handle.center() - Vec2::new(pps, 0.0));
    let a = &h.state().doc.project().tracks[0].clips[0];
    // About a second shorter (the handle's centre is a few pixels inside the edge).
    let out = a.out.unwrap().as_secs_f64();
    assert!((2.8..3.2).contains(&out), "Out is {out}");
    assert_eq!(a.r#in, Some(Time::ZERO));
    assert_eq!(spans(h.state(), 0)[1], (60, 90), "b is untouched");
}

#[test]
fn snapping_to_a_neighbours_edge_and_off_with_n() {
    let mut h = harness(project());
    h.run();
    let (pps, _) = scale(&h);
    let b = rect(&h, "Clip b on V1 at 00:00:06:00");
    // b starts at 6; move it 1.9 s left: 4.1 s, 5 px from a's end at 4 -> snaps to exactly 4.
    support::ui::drag(&mut h, b.center(), b.center() - Vec2::new(1.9 * pps, 0.0));
    assert_eq!(h.state().doc.project().tracks[0].clips[1].timeline_in, Some(Time::from_secs(4)));
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    // With snapping off (N) the same drag lands at 4.1 s.
    h.key_press(Key::N);
    h.run();
    assert!(!h.state().timeline.snapping);
    let b = rect(&h, "Clip b on V1 at 00:00:06:00");
    support::ui::drag(&mut h, b.center(), b.center() - Vec2::new(1.9 * pps, 0.0));
    let t = h.state().doc.project().tracks[0].clips[1].timeline_in.unwrap().as_secs_f64();
    assert!((t - 4.1).abs() < 0.03, "landed at {t}");
}

#[test]
fn split_with_s_at_the_playhead_then_undo() {
    let mut h = harness(project());
    h.run();
    let (pps, x0) = scale(&h);
    // Scrub the playhead to 2 s on the ruler.
    let ruler = rect(&h, "Timeline ruler");
    let at = Pos2::new(x0 + 2.0 * pps, ruler.center().y);
    h.hover_at(at);
    h.run();
    h.drag_at(at);
    h.run();
    h.drop_at(at);
    h.run();
    let at = h.state().doc.project().playhead.as_secs_f64();
    assert!((at - 2.0).abs() < 0.05, "playhead at {at}");
    h.get_by_label("Clip a on V1 at 00:00:00:00").click();
    h.run();
    h.key_press(Key::S);
    h.run();
    assert_eq!(h.state().doc.project().tracks[0].clips.len(), 3, "a was split in two");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().doc.project().tracks[0].clips.len(), 2);
}

#[test]
fn keyboard_nudge_and_add_subtitle() {
    let mut h = harness(project());
    h.run();
    h.get_by_label("Clip b on V1 at 00:00:06:00").click();
    h.run();
    h.key_press_modifiers(Modifiers::ALT, Key::ArrowRight);
    h.run();
    assert_eq!(h.state().doc.project().tracks[0].clips[1].timeline_in, Some(Time::from_millis(6_040)));
    h.key_press(Key::ArrowRight);
    h.run();
    assert_eq!(h.state().doc.project().playhead, Time::from_millis(40), "plain arrows step the playhead");
    h.key_press(Key::T);
    h.run();
    let s1 = h.state().doc.project().tracks.iter().find(|t| t.kind == TrackKind::Subtitle).expect("a subtitle track");
    assert_eq!(s1.clips.len(), 1);
    assert!(h.query_by_label("Text").is_some(), "the inspector shows the new subtitle's text field");
}

#[test]
fn ripple_delete_closes_the_gap() {
    let mut p = project();
    p.tracks[0].clips.push(vodcut::model::wire::Clip {
        media_id: Some("a".into()),
        r#in: Some(Time::ZERO),
        out: Some(Time::from_secs(2)),
        timeline_in: Some(Time::from_secs(12)),
        ..Default::default()
    });
    let mut h = harness(p);
    h.run();
    h.get_by_label("Clip b on V1 at 00:00:06:00").click();
    h.run();
    h.key_press_modifiers(Modifiers::SHIFT, Key::Delete);
    h.run();
    assert_eq!(spans(h.state(), 0), vec![(0, 40), (90, 110)], "the later clip moved left by b's 3 s");
    assert_eq!(spans(h.state(), 2), vec![(0, 50)], "other tracks stay");
    h.key_press(Key::Delete);
    h.run();
    assert_eq!(h.state().doc.project().clip_count(), 3, "plain Delete with nothing selected does nothing");
}

#[test]
fn drop_media_from_the_bin_onto_a_track() {
    let mut h = harness(project());
    h.run();
    let (pps, x0) = scale(&h);
    let audio_row = rect(&h, "Clip x on A1 at 00:00:00:00").center().y;
    let from = rect(&h, "Media Theme").center();
    support::ui::drag(&mut h, from, Pos2::new(x0 + 10.0 * pps, audio_row));
    let a1 = &h.state().doc.project().tracks[2];
    assert_eq!(a1.clips.len(), 2, "{:?}", h.state().timeline.message);
    let c = &a1.clips[1];
    assert_eq!(c.media_id.as_deref(), Some("theme"));
    assert_eq!(c.out, Some(Time::from_secs(7)), "the bin's duration");
    let start = c.timeline_in.unwrap().as_secs_f64();
    assert!((start - 10.0).abs() < 0.05, "dropped at {start}");
    // Audio cannot go on a video track.
    let v1_row = rect(&h, "Clip a on V1 at 00:00:00:00").center().y;
    support::ui::drag(&mut h, from, Pos2::new(x0 + 12.0 * pps, v1_row));
    assert_eq!(h.state().doc.project().tracks[0].clips.len(), 2);
    assert!(h.state().timeline.message.as_deref().unwrap_or("").contains("cannot go on"));
}

#[test]
fn typing_s_in_the_inspector_does_not_split() {
    let mut h = harness(project());
    h.run();
    h.get_by_label("Clip a on V1 at 00:00:00:00").click();
    h.run();
    h.get_by_label("MediaId").click();
    h.run();
    h.get_by_label("MediaId").type_text("s");
    h.run();
    let v1 = &h.state().doc.project().tracks[0];
    assert_eq!(v1.clips.len(), 2, "no split");
    assert_eq!(v1.clips[0].media_id.as_deref(), Some("as"), "the s went into the field");
    // One undo step for the typing.
    h.key_press(Key::Escape);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().doc.project().tracks[0].clips[0].media_id.as_deref(), Some("a"));
}

#[test]
fn inspector_shows_problems_beside_fields_and_commits_valid_values() {
    let mut h = harness(project());
    h.run();
    h.get_by_label("Clip b on V1 at 00:00:06:00").click();
    h.run();
    let field = h.get_by_label("TimelineIn");
    field.click();
    h.run();
    h.key_combination_modifiers(Modifiers::COMMAND, &[Key::A]);
    h.get_by_label("TimelineIn").type_text("soon");
    h.run();
    assert!(h.query_by_label_contains("not a time: type a timecode").is_some());
    assert_eq!(
        h.state().doc.project().tracks[0].clips[1].timeline_in,
        Some(Time::from_secs(6)),
        "invalid text is not committed"
    );
}

#[test]
fn whole_window_snapshot_with_a_sample_project() {
    let text =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/samples/timelines/subtitle-track.json"))
            .unwrap();
    let mut p = import_timeline_str(&text).unwrap();
    p.title = "字幕 sample".into();
    p.playhead = Time::from_secs(1);
    p.zoom = 80.0;
    let i = p.add_track(TrackKind::Audio);
    let _ = i;
    let editor = support::ui::editor(Arc::new(support::ui::FakePicker::default()), Document::new(p, None, false));
    let mut h = Harness::builder()
        .with_size(Vec2::new(1280.0, 800.0))
        .with_max_steps(64)
        .with_context_setup(|ctx| ctx.add_font_provider(Arc::new(egui_system_font_provider::SystemFontProvider::new())))
        .wgpu()
        .build_ui_state(|ui, e: &mut Editor| e.ui(ui), editor);
    h.run();
    h.get_by_label("Clip ea9a6f9bdb68419abfd36a7113cf0001 on V1 at 00:00:00:00").click();
    h.run();
    // The preview composes in the background: wait for its picture so the snapshot is stable.
    let start = std::time::Instant::now();
    while h.state().preview.busy() || h.state().preview.shown().is_none() {
        assert!(start.elapsed() < std::time::Duration::from_secs(15), "the preview never arrived");
        std::thread::sleep(std::time::Duration::from_millis(5));
        h.step();
    }
    // Status messages fade after a time that depends on how many steps the wait above took:
    // clear it so the picture does not depend on the machine's speed.
    h.state_mut().status.clear();
    h.run();
    h.snapshot("editor_with_subtitle_sample");
}

#[test]
fn track_headers_stay_beside_their_lanes_after_a_partial_scroll() {
    // Ten video tracks, a clip on each: more than the timeline shows.
    let tracks: Vec<String> =
        (0..10).map(|i| format!(r#"{{"VideoTrackClips":[{{"MediaId":"m{i}","In":0,"Out":4}}]}}"#)).collect();
    let p = import_timeline_str(&format!(r#"{{"VideoTracks":[{}]}}"#, tracks.join(","))).unwrap();
    let mut h = harness(p);
    h.run();
    // Scroll the rows by part of a row, with the wheel over them.
    let over = rect(&h, "Clip m9 on V10 at 00:00:00:00").center();
    h.hover_at(Pos2::new(over.x + 200.0, over.y));
    h.run();
    h.event(egui::Event::MouseWheel {
        unit: egui::MouseWheelUnit::Point,
        delta: Vec2::new(0.0, -30.0),
        modifiers: Modifiers::NONE,
        phase: egui::TouchPhase::Move,
        source: egui::MouseWheelSource::Wheel,
    });
    for _ in 0..20 {
        h.run();
    }
    let clips: Vec<(usize, egui::Rect)> = (0..10)
        .filter_map(|i| Some((i + 1, h.query_by_label(&format!("Clip m{i} on V{} at 00:00:00:00", i + 1))?.rect())))
        .collect();
    let full = clips.iter().map(|(_, r)| r.height()).fold(0.0, f32::max);
    let locks: Vec<(usize, f32)> =
        (1..=10).filter_map(|n| Some((n, h.query_by_label(&format!("Lock V{n}"))?.rect().center().y))).collect();
    let mut checked = 0;
    for (n, clip) in clips.iter().filter(|(_, r)| r.height() == full) {
        // Beside a lane (its 3 px margin put back), the lock button of that track and no other.
        let lane = clip.expand2(Vec2::new(0.0, 3.0)).y_range();
        let beside: Vec<usize> = locks.iter().filter(|(_, y)| lane.contains(*y)).map(|(m, _)| *m).collect();
        assert_eq!(beside, [*n], "beside V{n}'s lane {lane:?}: {locks:?}");
        checked += 1;
    }
    assert!(checked >= 3, "only {checked} tracks in view");
}

#[test]
fn the_first_clip_dropped_near_zero_on_an_empty_track_snaps_to_zero() {
    let mut h = harness(project());
    h.run();
    let (pps, x0) = scale(&h);
    let v2_row = rect(&h, "Track V2").center().y;
    let from = rect(&h, "Media a").center();
    // A hand aims at the start and misses by a little more than the snapping distance (10 px).
    support::ui::drag(&mut h, from, Pos2::new(x0 + 24.0, v2_row));
    let v2 = &h.state().doc.project().tracks[1];
    assert_eq!(v2.clips.len(), 1, "{:?}", h.state().timeline.message);
    assert_eq!(v2.clips[0].timeline_in, Some(Time::ZERO), "snapped to the start ({pps} px/s)");

    // A new, empty project: nothing on any track yet.
    let mut p = Project::new_empty();
    p.bin = project().bin;
    let mut h = harness(p);
    h.run();
    let x0 = rect(&h, "Timeline ruler").left();
    let v1_row = rect(&h, "Track V1").center().y;
    let from = rect(&h, "Media a").center();
    support::ui::drag(&mut h, from, Pos2::new(x0 + 24.0, v1_row));
    let v1 = h.state().doc.project().tracks.iter().position(|t| t.name == "V1").unwrap();
    let clips = &h.state().doc.project().tracks[v1].clips;
    assert_eq!(clips.len(), 1, "{:?}", h.state().timeline.message);
    assert_eq!(clips[0].timeline_in, Some(Time::ZERO), "snapped to the start");
    // The next one lands where dropped (the track is not empty now): snapping as usual.
    support::ui::drag(&mut h, from, Pos2::new(x0 + 24.0 + 21.0 * pps, v1_row));
    let second = h.state().doc.project().tracks[v1].clips[1].timeline_in.unwrap().as_secs_f64();
    assert!((second - 21.48).abs() < 0.05, "at {second}");
    // Alt turns snapping off: the drop lands where the hand let go.
    let a1 = h.state().doc.project().tracks.iter().position(|t| t.name == "A1").unwrap();
    let a1_row = rect(&h, "Track A1").center().y;
    h.hover_at(from);
    h.run();
    h.drag_at(from);
    h.run();
    h.event(egui::Event::ModifiersChanged(Modifiers::ALT));
    for i in 1..=5 {
        h.hover_at(from + (Pos2::new(x0 + 24.0, a1_row) - from) * (i as f32 / 5.0));
        h.run();
    }
    h.drop_at(Pos2::new(x0 + 24.0, a1_row));
    h.run();
    h.event(egui::Event::ModifiersChanged(Modifiers::NONE));
    h.run();
    let free = h.state().doc.project().tracks[a1].clips[0].timeline_in.unwrap().as_secs_f64();
    assert!((free - 0.48).abs() < 0.05, "Alt: at {free}");
}

#[test]
fn a_status_about_an_earlier_action_goes_with_the_next_one() {
    let mut h = harness(project());
    h.run();
    let (pps, _) = scale(&h);
    h.get_by_label("Clip b on V1 at 00:00:06:00").click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::C);
    h.run();
    assert_eq!(h.state().status, "Copied 1 clip");
    // A drag is the next action.
    let b = rect(&h, "Clip b on V1 at 00:00:06:00").center();
    support::ui::drag(&mut h, b, b + Vec2::new(2.0 * pps, 0.0));
    assert_eq!(spans(h.state(), 0), vec![(0, 40), (80, 110)], "moved");
    assert_eq!(h.state().status, "", "\"Copied\" was about the copy, not the move");
    // So is a key that acts without saying anything (a step of the playhead).
    h.key_press_modifiers(Modifiers::COMMAND, Key::C);
    h.run();
    assert_eq!(h.state().status, "Copied 1 clip");
    h.key_press(Key::ArrowRight);
    h.run();
    assert_eq!(h.state().status, "");
    // A click that selects another clip is one too.
    h.key_press_modifiers(Modifiers::COMMAND, Key::C);
    h.run();
    h.get_by_label("Clip a on V1 at 00:00:00:00").click();
    h.run();
    assert_eq!(h.state().status, "");
}
