//! Cutting like an editor, driven through egui_kittest as a user does it: drops and moves
//! with Ctrl (insert) and Ctrl+Alt (rearrange), the toolbar's modes, ripple trims (Ctrl on an
//! edge, the Ripple tool, Q and W), rolling a cut, Slip and Slide, picking a gap and closing
//! it, In/Out marks with Lift and Extract on targeted tracks, and paste insert. Each test
//! checks the document afterwards.

use egui::{Event, Key, Modifiers, Pos2, Vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::sync::Arc;
use vodcut::edit::document::Document;
use vodcut::model::export::import_timeline_str;
use vodcut::model::project::{BinEntry, MediaKind};
use vodcut::model::{Project, Time};
use vodcut::ui::Editor;

mod support;

/// V1 (bottom): a [0,4) b [6,9); V2: empty; A1: x [0,5); bin: a, b, x (20 s), "Theme" (7 s
/// audio). `touching` puts b right after a ([4,7)).
fn project(touching: bool) -> Project {
    let b_at = if touching { 4 } else { 6 };
    let mut p = import_timeline_str(&format!(
        r#"{{"VideoTracks":[{{"VideoTrackClips":[{{"MediaId":"a","In":0,"Out":4}},{{"MediaId":"b","In":2,"Out":5,"TimelineIn":{b_at}}}]}},{{"VideoTrackClips":[]}}],
            "AudioTracks":[{{"AudioTrackClips":[{{"MediaId":"x","Out":5}}]}}]}}"#
    ))
    .unwrap();
    for (id, kind, secs) in [
        ("a", MediaKind::Video, 20),
        ("b", MediaKind::Video, 20),
        ("x", MediaKind::Audio, 20),
        ("theme", MediaKind::Audio, 7),
    ] {
        let title = if id == "theme" { "Theme".into() } else { id.into() };
        p.bin.push(BinEntry {
            media_id: id.into(),
            title,
            duration: Some(Time::from_secs(secs)),
            kind,
            ..Default::default()
        });
    }
    p.zoom = 50.0;
    p
}

fn harness(p: Project) -> Harness<'static, Editor> {
    let editor = support::ui::editor(Arc::new(support::ui::FakePicker::default()), Document::new(p, None, false));
    let mut h = support::ui::harness(editor, Vec2::new(1400.0, 900.0));
    h.run();
    h
}

/// The rectangle of the widget whose label starts with `label` (clip labels end with a time).
fn rect(h: &Harness<'static, Editor>, label: &str) -> egui::Rect {
    h.get_by_label_contains(label).rect()
}

/// Start and end of each clip of a track, in tenths of a second.
fn spans(h: &Harness<'static, Editor>, track: usize) -> Vec<(i64, i64)> {
    let p = h.state().doc.project();
    vodcut::model::project::layout_track(&p.tracks[track], &p.media_durations())
        .iter()
        .map(|q| (q.start.0 / 1000, q.end.0 / 1000))
        .collect()
}

fn sorted(mut v: Vec<(i64, i64)>) -> Vec<(i64, i64)> {
    v.sort_unstable();
    v
}

/// Pixels per second and the x of time zero, read off clip a ([0,4)).
fn scale(h: &Harness<'static, Editor>) -> (f32, f32) {
    let a = rect(h, "Clip a on V1");
    (a.width() / 4.0, a.left())
}

/// A drag with modifier keys held from before the press until after the release.
fn drag_holding(h: &mut Harness<'static, Editor>, m: Modifiers, from: Pos2, to: Pos2) {
    h.event(Event::ModifiersChanged(m));
    h.run();
    support::ui::drag(h, from, to);
    h.event(Event::ModifiersChanged(Modifiers::NONE));
    h.run();
}

fn key(h: &mut Harness<'static, Editor>, k: Key) {
    h.key_press(k);
    h.run();
}

fn key_with(h: &mut Harness<'static, Editor>, m: Modifiers, k: Key) {
    h.key_press_modifiers(m, k);
    h.run();
}

/// Clicks the ruler at `secs` (the playhead goes there).
fn playhead_to(h: &mut Harness<'static, Editor>, secs: f32) {
    let (pps, x0) = scale(h);
    let at = Pos2::new(x0 + secs * pps, rect(h, "Timeline ruler").center().y);
    h.hover_at(at);
    h.run();
    h.drag_at(at);
    h.run();
    h.drop_at(at);
    h.run();
    let got = h.state().doc.project().playhead.as_secs_f64();
    assert!((got - f64::from(secs)).abs() < 0.05, "playhead at {got}, wanted {secs}");
}

fn message(h: &Harness<'static, Editor>) -> String {
    h.state().timeline.message.clone().unwrap_or_default()
}

#[test]
fn a_drop_overwrites_by_default_inserts_with_ctrl_and_is_refused_in_safe_mode() {
    let mut h = harness(project(false));
    let (pps, x0) = scale(&h);
    let audio_row = rect(&h, "Clip x on A1").center().y;
    let theme = rect(&h, "Media Theme").center();
    let at = Pos2::new(x0 + 2.0 * pps, audio_row);
    // Overwrite (the default): x keeps [0,2), Theme covers [2,9).
    support::ui::drag(&mut h, theme, at);
    assert_eq!(sorted(spans(&h, 2)), vec![(0, 20), (20, 90)], "{}", message(&h));
    assert_eq!(h.state().doc.history.undo_label(), Some("Overwrite"));
    key_with(&mut h, Modifiers::COMMAND, Key::Z);
    // Ctrl: inserted; x is split at 2 s and its second part follows Theme.
    drag_holding(&mut h, Modifiers::COMMAND, theme, at);
    assert_eq!(sorted(spans(&h, 2)), vec![(0, 20), (20, 90), (90, 120)], "{}", message(&h));
    assert_eq!(spans(&h, 0), vec![(0, 40), (60, 90)], "other tracks stay (Insert on all tracks is off)");
    key_with(&mut h, Modifiers::COMMAND, Key::Z);
    // Safe, chosen on the toolbar: refused, nothing changes.
    h.get_by_label("Safe").click();
    h.run();
    support::ui::drag(&mut h, theme, at);
    assert_eq!(spans(&h, 2), vec![(0, 50)]);
    assert!(message(&h).contains("overlap"), "{}", message(&h));
}

#[test]
fn insert_on_all_tracks_keeps_the_video_in_sync() {
    let mut h = harness(project(false));
    h.get_by_label("Insert on all tracks").click();
    h.run();
    let (pps, x0) = scale(&h);
    let theme = rect(&h, "Media Theme").center();
    let at = Pos2::new(x0 + 5.0 * pps, rect(&h, "Clip x on A1").center().y);
    drag_holding(&mut h, Modifiers::COMMAND, theme, at);
    assert_eq!(spans(&h, 0), vec![(0, 40), (130, 160)], "b moved by Theme's 7 s too");
}

#[test]
fn ctrl_moves_insert_and_ctrl_alt_rearranges() {
    let mut h = harness(project(false));
    let (pps, _) = scale(&h);
    // b dragged with Ctrl to start at 2 s: a is split there, its tail follows b.
    let from = rect(&h, "Clip b on V1").center();
    drag_holding(&mut h, Modifiers::COMMAND, from, from - Vec2::new(4.0 * pps, 0.0));
    assert_eq!(sorted(spans(&h, 0)), vec![(0, 20), (20, 50), (50, 70)], "{}", message(&h));
    assert_eq!(h.state().doc.history.undo_label(), Some("Insert"));
    key_with(&mut h, Modifiers::COMMAND, Key::Z);
    // a dragged with Ctrl+Alt to b's end (9 s): a leaves (b closes up to [2,5)) and goes in
    // after b.
    let from = rect(&h, "Clip a on V1").center();
    drag_holding(&mut h, Modifiers::COMMAND | Modifiers::ALT, from, from + Vec2::new(9.0 * pps, 0.0));
    assert_eq!(sorted(spans(&h, 0)), vec![(20, 50), (50, 90)], "{}", message(&h));
    assert_eq!(h.state().doc.project().tracks[0].clips[1].media_id.as_deref(), Some("a"));
    assert_eq!(h.state().doc.history.undo_label(), Some("Rearrange"));
}

#[test]
fn a_plain_move_overwrites_what_it_lands_on() {
    let mut h = harness(project(false));
    let (pps, _) = scale(&h);
    let b = rect(&h, "Clip b on V1");
    // b 3 s earlier lands on a's last second.
    support::ui::drag(&mut h, b.center(), b.center() - Vec2::new(3.0 * pps, 0.0));
    assert_eq!(spans(&h, 0), vec![(0, 30), (30, 60)], "{}", message(&h));
    assert_eq!(h.state().doc.project().tracks[0].clips[0].out, Some(Time::from_secs(3)));
}

#[test]
fn ctrl_on_an_edge_and_the_ripple_tool_ripple() {
    let mut h = harness(project(false));
    let (pps, _) = scale(&h);
    // Ctrl while dragging a's end 1 s left: b follows.
    let handle = rect(&h, "Trim end of a on V1");
    let from = Pos2::new(handle.right() - 1.0, handle.center().y);
    drag_holding(&mut h, Modifiers::COMMAND, from, from - Vec2::new(pps, 0.0));
    assert_eq!(spans(&h, 0), vec![(0, 30), (50, 80)], "{}", message(&h));
    key_with(&mut h, Modifiers::COMMAND, Key::Z);
    // B picks the Ripple tool: a plain drag of b's start 1 s right keeps b at 6, plays it
    // from In 3 and pulls nothing (nothing follows b).
    key(&mut h, Key::B);
    assert_eq!(h.state().timeline.tool, vodcut::ui::timeline::Tool::Ripple);
    let handle = rect(&h, "Trim start of b on V1");
    let from = Pos2::new(handle.left() + 0.4, handle.center().y);
    support::ui::drag(&mut h, from, from + Vec2::new(pps, 0.0));
    let b = &h.state().doc.project().tracks[0].clips[1];
    assert_eq!((b.timeline_in, b.r#in), (Some(Time::from_secs(6)), Some(Time::from_secs(3))));
}

#[test]
fn dragging_the_cut_between_touching_clips_rolls_it() {
    let mut h = harness(project(true));
    let (pps, _) = scale(&h);
    let cut = rect(&h, "Roll the cut between a and b").center();
    support::ui::drag(&mut h, cut, cut + Vec2::new(pps, 0.0));
    assert_eq!(spans(&h, 0), vec![(0, 50), (50, 70)], "{}", message(&h));
    let b = &h.state().doc.project().tracks[0].clips[1];
    assert_eq!((b.r#in, b.out), (Some(Time::from_secs(3)), Some(Time::from_secs(5))), "b's source follows the cut");
}

#[test]
fn slip_and_slide_tools() {
    let mut h = harness(project(true));
    let (pps, _) = scale(&h);
    // Y: b dragged 1 s left shows one second later of its media, in the same place.
    key(&mut h, Key::Y);
    let b = rect(&h, "Clip b on V1").center();
    support::ui::drag(&mut h, b, b - Vec2::new(pps, 0.0));
    let c = &h.state().doc.project().tracks[0].clips[1];
    assert_eq!(
        (c.timeline_in, c.r#in, c.out),
        (Some(Time::from_secs(4)), Some(Time::from_secs(3)), Some(Time::from_secs(6)))
    );
    // U: b slid 1 s right: a grows to 5 s, b plays the same frames from 5.
    key(&mut h, Key::U);
    let b = rect(&h, "Clip b on V1").center();
    support::ui::drag(&mut h, b, b + Vec2::new(pps, 0.0));
    assert_eq!(spans(&h, 0), vec![(0, 50), (50, 80)], "{}", message(&h));
    assert_eq!(h.state().doc.project().tracks[0].clips[1].r#in, Some(Time::from_secs(3)));
}

#[test]
fn a_clicked_gap_is_drawn_selected_and_delete_closes_it() {
    let mut h = harness(project(false));
    let (pps, x0) = scale(&h);
    let row = rect(&h, "Clip a on V1").center().y;
    h.get_by_label_contains("Clip a on V1").click();
    h.run();
    // A click at 5 s on V1, between a and b.
    let at = Pos2::new(x0 + 5.0 * pps, row);
    h.hover_at(at);
    h.run();
    h.event(Event::PointerButton {
        pos: at,
        button: egui::PointerButton::Primary,
        pressed: true,
        modifiers: Modifiers::NONE,
    });
    h.event(Event::PointerButton {
        pos: at,
        button: egui::PointerButton::Primary,
        pressed: false,
        modifiers: Modifiers::NONE,
    });
    h.run();
    assert!(h.state().doc.selection.is_empty(), "picking a gap drops the clip selection");
    assert!(h.query_by_label_contains("Selected gap on V1").is_some(), "the gap is drawn selected");
    key(&mut h, Key::Delete);
    assert_eq!(spans(&h, 0), vec![(0, 40), (40, 70)]);
    assert!(h.query_by_label_contains("Selected gap").is_none());
    key_with(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(spans(&h, 0), vec![(0, 40), (60, 90)]);
}

#[test]
fn right_clicking_a_gap_offers_to_close_it_or_every_gap_on_the_track() {
    let mut h = harness(project(false));
    let (pps, x0) = scale(&h);
    let at = Pos2::new(x0 + 5.0 * pps, rect(&h, "Clip a on V1").center().y);
    h.hover_at(at);
    h.run();
    h.event(Event::PointerButton {
        pos: at,
        button: egui::PointerButton::Secondary,
        pressed: true,
        modifiers: Modifiers::NONE,
    });
    h.event(Event::PointerButton {
        pos: at,
        button: egui::PointerButton::Secondary,
        pressed: false,
        modifiers: Modifiers::NONE,
    });
    h.run();
    assert!(h.query_by_label("Close gaps on V1").is_some());
    h.get_by_label("Close gap").click();
    h.run();
    assert_eq!(spans(&h, 0), vec![(0, 40), (40, 70)]);
}

#[test]
fn marks_lift_and_extract_on_targeted_tracks() {
    let mut h = harness(project(false));
    // Lift and Extract need both marks.
    key(&mut h, Key::Semicolon);
    assert!(message(&h).contains("In and an Out"), "{}", message(&h));
    playhead_to(&mut h, 1.0);
    key(&mut h, Key::I);
    // Out on the last frame wanted (it is included, as in Premiere): one frame before 3 s.
    playhead_to(&mut h, 3.0);
    key(&mut h, Key::ArrowLeft);
    key(&mut h, Key::O);
    assert_eq!(h.state().doc.project().mark_in, Some(Time::from_secs(1)));
    assert_eq!(h.state().doc.project().mark_out, Some(Time::from_millis(2960)));
    // Lift (;) on every track (all are targeted): gaps where the range was.
    key(&mut h, Key::Semicolon);
    assert_eq!(sorted(spans(&h, 0)), vec![(0, 10), (30, 40), (60, 90)]);
    assert_eq!(sorted(spans(&h, 2)), vec![(0, 10), (30, 50)]);
    assert_eq!(h.state().doc.project().mark_in, None, "the marks go with the range");
    key_with(&mut h, Modifiers::COMMAND, Key::Z);
    // A1 untargeted on its header, then Extract (') of the same range: V1 closes up, A1 stays.
    h.get_by_label("Untarget A1").click();
    h.run();
    assert!(!h.state().doc.project().tracks[2].targeted);
    playhead_to(&mut h, 1.0);
    key(&mut h, Key::I);
    playhead_to(&mut h, 3.0);
    key(&mut h, Key::ArrowLeft);
    key(&mut h, Key::O);
    key(&mut h, Key::Quote);
    assert_eq!(sorted(spans(&h, 0)), vec![(0, 10), (10, 20), (40, 70)]);
    assert_eq!(spans(&h, 2), vec![(0, 50)]);
    // Ctrl+Shift+X clears marks.
    key(&mut h, Key::I);
    key_with(&mut h, Modifiers::COMMAND | Modifiers::SHIFT, Key::X);
    assert_eq!((h.state().doc.project().mark_in, h.state().doc.project().mark_out), (None, None));
}

#[test]
fn q_and_w_ripple_trim_to_the_playhead() {
    let mut h = harness(project(false));
    h.get_by_label("Untarget A1").click();
    h.run();
    // W at 7 s (inside b): b's last 2 s go.
    playhead_to(&mut h, 7.0);
    key(&mut h, Key::W);
    assert_eq!(spans(&h, 0), vec![(0, 40), (60, 70)], "{}", message(&h));
    // Q at 2 s (inside a): a's first 2 s go, what follows moves left, the playhead to 0.
    playhead_to(&mut h, 2.0);
    key(&mut h, Key::Q);
    assert_eq!(spans(&h, 0), vec![(0, 20), (40, 50)], "{}", message(&h));
    assert_eq!(h.state().doc.project().playhead, Time::ZERO);
    assert_eq!(h.state().doc.project().tracks[0].clips[0].r#in, Some(Time::from_secs(2)));
}

#[test]
fn ctrl_shift_v_pastes_inserting() {
    let mut h = harness(project(false));
    h.get_by_label_contains("Clip b on V1").click();
    h.run();
    key_with(&mut h, Modifiers::COMMAND, Key::C);
    assert_eq!(h.state().doc.clipboard_len(), 1);
    playhead_to(&mut h, 2.0);
    key_with(&mut h, Modifiers::COMMAND | Modifiers::SHIFT, Key::V);
    assert_eq!(sorted(spans(&h, 0)), vec![(0, 20), (20, 50), (50, 70), (90, 120)], "{}", message(&h));
    assert_eq!(spans(&h, 2), vec![(0, 50)]);
    assert_eq!(h.state().doc.history.undo_label(), Some("Paste insert"));
}

#[test]
fn keys_seen_in_one_slow_frame_act_in_the_order_they_were_pressed() {
    let mut h = harness(project(false));
    h.get_by_label_contains("Clip b on V1").click();
    h.run();
    key_with(&mut h, Modifiers::COMMAND, Key::C);
    playhead_to(&mut h, 2.0);
    // Home, then Ctrl+Shift+V, arriving together (a slow frame): the paste goes in at 0.
    let press = |key, modifiers| Event::Key { key, physical_key: None, pressed: true, repeat: false, modifiers };
    let shift_ctrl = Modifiers::COMMAND | Modifiers::SHIFT;
    h.input_mut().events.extend([press(Key::Home, Modifiers::NONE), press(Key::V, shift_ctrl)]);
    h.step();
    h.run();
    assert_eq!(sorted(spans(&h, 0)), vec![(0, 30), (30, 70), (90, 120)], "{}", message(&h));
}

#[test]
fn ctrl_released_in_the_same_frame_as_the_mouse_still_inserts() {
    let mut h = harness(project(false));
    let (pps, _) = scale(&h);
    let from = rect(&h, "Clip b on V1").center();
    let to = from - Vec2::new(4.0 * pps, 0.0);
    h.event(Event::ModifiersChanged(Modifiers::COMMAND));
    h.hover_at(from);
    h.run();
    h.drag_at(from);
    h.run();
    for i in 1..=5 {
        h.hover_at(from + (to - from) * (i as f32 / 5.0));
        h.run();
    }
    // The button goes up with Ctrl held, and Ctrl goes up before the next frame.
    let up = Event::PointerButton {
        pos: to,
        button: egui::PointerButton::Primary,
        pressed: false,
        modifiers: Modifiers::COMMAND,
    };
    h.input_mut().events.extend([up, Event::ModifiersChanged(Modifiers::NONE)]);
    h.step();
    h.run();
    assert_eq!(sorted(spans(&h, 0)), vec![(0, 20), (20, 50), (50, 70)], "inserted: {}", message(&h));
}

/// Every time the user can have moved (clip places, source In/Out) that is off a frame.
fn off_frame_times(e: &Editor) -> Vec<(String, Time)> {
    let p = e.doc.project();
    let fr = p.frame_rate;
    let mut out = Vec::new();
    for (ti, t) in p.tracks.iter().enumerate() {
        for (ci, (c, pl)) in
            t.clips.iter().zip(vodcut::model::project::layout_track(t, &p.media_durations())).enumerate()
        {
            for (what, t) in [("start", Some(pl.start)), ("end", Some(pl.end)), ("In", c.r#in), ("Out", c.out)] {
                if let Some(t) = t.filter(|t| !fr.is_boundary(*t)) {
                    out.push((format!("{ti}.{ci} {what}"), t));
                }
            }
        }
    }
    out
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 16, failure_persistence: None, ..Default::default() })]

    /// Drags in every mode and with every tool, as a hand does them at random distances:
    /// every place and source time stays on a frame, no two video clips overlap, and undoing
    /// everything gives the project back exactly.
    #[test]
    fn drags_in_every_mode_and_tool_land_on_frames_and_undo_back(
        touching in proptest::prelude::any::<bool>(),
        keys in 0..3u8,
        tool in 0..4u8,
        move_px in -300.0f32..300.0,
        edge_px in -150.0f32..150.0,
    ) {
        let original = project(touching);
        let mut h = harness(original.clone());
        let held = [Modifiers::NONE, Modifiers::COMMAND, Modifiers::COMMAND | Modifiers::ALT][keys as usize];
        // A move in the mode the keys ask for.
        let b = rect(&h, "Clip b on V1").center();
        drag_holding(&mut h, held, b, b + Vec2::new(move_px, 0.0));
        // An edge (or, for Slip and Slide, a body) dragged with a tool.
        key(&mut h, [Key::V, Key::B, Key::Y, Key::U][tool as usize]);
        // After a split there can be two clips of a: the first one found.
        let first = |h: &Harness<'static, Editor>, label: &str| h.query_all_by_label_contains(label).next().map(|n| n.rect());
        if let (Some(a), Some(body)) = (first(&h, "Trim end of a on V1"), first(&h, "Clip a on V1")) {
            let from = if tool >= 2 { body.center() } else { a.center() };
            drag_holding(&mut h, Modifiers::NONE, from, from + Vec2::new(edge_px, 0.0));
        }
        let off = off_frame_times(h.state());
        proptest::prop_assert!(off.is_empty(), "off frame: {off:?}");
        let problems = vodcut::model::validate::validate(h.state().doc.project());
        proptest::prop_assert!(!problems.iter().any(|p| matches!(p.issue, vodcut::model::validate::Issue::Overlap { .. })), "{problems:?}");
        while h.state().doc.history.can_undo() {
            key_with(&mut h, Modifiers::COMMAND, Key::Z);
        }
        let mut back = h.state().doc.project().clone();
        (back.playhead, back.zoom) = (original.playhead, original.zoom);
        proptest::prop_assert_eq!(back, original);
    }
}

/// A press on the ruler held still for about egui's click time (neither a click nor yet a
/// drag) still puts the playhead there: it moves at the press. Held for 4 harness steps of a
/// quarter second (what a busy machine's background repaints gave), the playhead stayed put:
/// `ui_cut`'s tests that move the playhead failed now and then under load.
#[test]
fn a_press_on_the_ruler_held_still_moves_the_playhead() {
    let mut failed = Vec::new();
    for held in 0..8 {
        let mut h = harness(project(false));
        let (pps, x0) = scale(&h);
        let at = Pos2::new(x0 + 3.0 * pps, rect(&h, "Timeline ruler").center().y);
        h.hover_at(at);
        h.run();
        h.drag_at(at);
        h.run_steps(held);
        h.drop_at(at);
        h.run();
        let got = h.state().doc.project().playhead.as_secs_f64();
        if (got - 3.0).abs() > 0.05 {
            failed.push((held, got));
        }
    }
    assert!(failed.is_empty(), "steps held, playhead: {failed:?}");
}

/// A press on a marker's flag belongs to the flag: it does not move the playhead to the
/// pointer (a click goes to the marker's time). Found by review of the press-moves-the-
/// playhead change: the flag sits on the ruler, and both saw the press.
#[test]
fn a_press_on_a_marker_flag_does_not_move_the_playhead_to_the_pointer() {
    let mut h = harness(project(false));
    let marker = vodcut::model::project::Marker { time: Time::from_secs(3), ..Default::default() };
    h.state_mut().doc.apply("marker", vodcut::edit::Edit::SetMarkers(vec![marker]));
    h.run();
    let (pps, x0) = scale(&h);
    let ruler = rect(&h, "Timeline ruler");
    let at = Pos2::new(x0 + 3.0 * pps + 4.0, ruler.bottom() - 4.0);
    h.hover_at(at);
    h.run();
    h.drag_at(at);
    h.run_steps(4);
    h.drop_at(at);
    h.run();
    let got = h.state().doc.project().playhead;
    assert!(got == Time::ZERO || got == Time::from_secs(3), "playhead at {got:?}");
}
