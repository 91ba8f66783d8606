//! One timecode, as a user meets it: Go to timecode (Ctrl+G, or a click on the preview's time
//! display) puts the playhead exactly where typed, relative entries move from it, drop-frame
//! at 29.97, and View > Times in seconds shows seconds everywhere instead (and is remembered).
//!
//! The unit is process-wide (like the language), so the tests of this file take turns (`TURN`).

use egui::{Key, Modifiers, Vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::sync::{Arc, Mutex, MutexGuard};
use vodcut::edit::document::Document;
use vodcut::model::export::import_timeline_str;
use vodcut::model::{FrameRate, Project, Time};
use vodcut::store::settings::Settings;
use vodcut::ui::Editor;

mod support;

static TURN: Mutex<()> = Mutex::new(());

fn turn() -> MutexGuard<'static, ()> {
    TURN.lock().unwrap_or_else(|e| e.into_inner())
}

/// V1: a [0,4) b [6,9).
fn project(rate: FrameRate) -> Project {
    let mut p = import_timeline_str(
        r#"{"VideoTracks":[{"VideoTrackClips":[{"MediaId":"a","In":0,"Out":4},{"MediaId":"b","In":0,"Out":3,"TimelineIn":6}]}]}"#,
    )
    .unwrap();
    p.zoom = 50.0;
    p.frame_rate = rate;
    p
}

fn harness_with(p: Project, settings: Settings) -> Harness<'static, Editor> {
    let cloud = support::ui::cloud(settings);
    let editor = Editor::with_cloud(Arc::new(support::ui::FakePicker::default()), Document::new(p, None, false), cloud);
    support::ui::harness(editor, Vec2::new(1400.0, 900.0))
}

fn harness(p: Project) -> Harness<'static, Editor> {
    harness_with(p, Settings::default())
}

/// Types `text` into the open Go to field and presses Enter.
fn go(h: &mut Harness<'static, Editor>, text: &str) {
    h.get_by_label("Go to timecode").type_text(text);
    h.run();
    h.key_press(Key::Enter);
    h.run();
}

fn secs(s: &str) -> Time {
    Time::parse_secs(s).unwrap()
}

#[test]
fn ctrl_g_and_a_typed_timecode_put_the_playhead_on_that_frame() {
    let _turn = turn();
    let mut h = harness(project(FrameRate::FPS_25));
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::G);
    h.run();
    assert!(h.query_by_label("Go to timecode").is_some(), "Ctrl+G opened the field");
    go(&mut h, "00:00:05:12");
    assert_eq!(h.state().doc.project().playhead, secs("5.48"), "frame 12 of second 5 at 25 fps");
    assert!(h.query_by_label("Go to timecode").is_none(), "Enter closed the field");
    assert!(h.query_by_label_contains("playhead 00:00:05:12").is_some(), "the status bar says so");
    assert!(h.query_by_label("Playhead 00:00:05:12").is_some(), "and so does the display");

    // A click on the display opens it too; the text typed replaces what it held.
    h.get_by_label("Playhead 00:00:05:12").click();
    h.run();
    go(&mut h, "+10");
    assert_eq!(h.state().doc.project().playhead, secs("5.88"), "ten frames on");
    h.get_by_label("Playhead 00:00:05:22").click();
    h.run();
    go(&mut h, "-1:00");
    assert_eq!(h.state().doc.project().playhead, secs("4.88"), "one second back");
    h.key_press_modifiers(Modifiers::COMMAND, Key::G);
    h.run();
    go(&mut h, "1213");
    assert_eq!(h.state().doc.project().playhead, secs("12.52"), "no colons: 00:00:12:13");
    h.key_press_modifiers(Modifiers::COMMAND, Key::G);
    h.run();
    go(&mut h, "62.48");
    assert_eq!(h.state().doc.project().playhead, secs("62.48"), "seconds");

    // Nonsense stays in the field with the reason; Esc leaves the playhead where it was.
    h.key_press_modifiers(Modifiers::COMMAND, Key::G);
    h.run();
    go(&mut h, "soon");
    assert!(h.query_by_label_contains("not a time").is_some(), "the reason shows");
    assert!(h.query_by_label("Go to timecode").is_some(), "the field stays open");
    h.key_press(Key::Escape);
    h.run();
    assert!(h.query_by_label("Go to timecode").is_none());
    assert_eq!(h.state().doc.project().playhead, secs("62.48"), "nothing moved");
    h.key_press_modifiers(Modifiers::COMMAND, Key::G);
    h.run();
    go(&mut h, "-99:00:00:00");
    assert_eq!(h.state().doc.project().playhead, Time::ZERO, "never before the start");
    // What is typed never reaches the timeline's single-key commands ("-" zooms out).
    assert_eq!(h.state().doc.project().zoom, 50.0, "no key acted on the timeline");
}

#[test]
fn drop_frame_timecode_at_29_97() {
    let _turn = turn();
    let ntsc = FrameRate { num: 30_000, den: 1001 };
    let mut h = harness(project(ntsc));
    h.run();
    assert!(h.query_by_label("Clip a on V1 at 00:00:00;00").is_some(), "drop-frame writes ;");
    h.key_press_modifiers(Modifiers::COMMAND, Key::G);
    h.run();
    go(&mut h, "00:01:00;02");
    assert_eq!(h.state().doc.project().playhead, ntsc.frame_start(1800), "the minute's first label is frame 1800");
    assert!(h.query_by_label("Playhead 00:01:00;02").is_some());
    h.key_press(Key::ArrowLeft);
    h.run();
    assert!(h.query_by_label("Playhead 00:00:59;29").is_some(), "the frame before: ;00 and ;01 do not exist");
}

#[test]
fn times_in_seconds_shows_seconds_everywhere_and_is_remembered() {
    let _turn = turn();
    let mut h = harness(project(FrameRate::FPS_25));
    h.run();
    h.state_mut().doc.set_playhead(secs("5.48"));
    h.get_by_label("View").click();
    h.run();
    h.get_by_label("Times in seconds").click();
    h.run();
    let seconds = vodcut::model::time::TimeUnit::Seconds;
    assert_eq!(h.state().cloud.settings.time_unit, seconds);
    assert!(h.query_by_label_contains("playhead 5.48 s").is_some(), "the status bar");
    assert!(h.query_by_label("Playhead 5.48 s").is_some(), "the preview's display");
    assert!(h.query_by_label("Clip b on V1 at 6 s").is_some(), "the clips");
    h.get_by_label("Clip b on V1 at 6 s").click();
    h.run();
    assert_eq!(h.get_by_label("TimelineIn").value().as_deref(), Some("6 s"), "the inspector");
    // Timecode still reads in a field.
    h.get_by_label("TimelineIn").click();
    h.run();
    h.key_combination_modifiers(Modifiers::COMMAND, &[Key::A]);
    h.get_by_label("TimelineIn").type_text("00:00:07:12");
    h.run();
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(h.state().doc.project().tracks[0].clips[1].timeline_in, Some(secs("7.48")));
    // Saved: a new window opens in seconds.
    let data = h.state().cloud.data_dir().unwrap().to_owned();
    let start = std::time::Instant::now();
    while Settings::load(&data).0.time_unit != seconds {
        assert!(start.elapsed() < std::time::Duration::from_secs(10), "the unit was not saved");
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    // Ctrl+click on the display switches back, as Premiere's Ctrl+click switches its display.
    h.get_by_label("Playhead 5.48 s").click_modifiers(Modifiers::COMMAND);
    h.run();
    assert!(h.query_by_label("Playhead 00:00:05:12").is_some());
    assert_eq!(h.state().cloud.settings.time_unit, vodcut::model::time::TimeUnit::Timecode);
    drop(h);
    // Back to what the other tests expect, whatever happened above.
    vodcut::i18n::clock::set_unit(vodcut::model::time::TimeUnit::Timecode);
}
