//! Moving around as a user does: marker keys, renaming a marker by double-click, keyboard
//! selection of clips, the view following the playhead, the horizontal scrollbar, playback
//! stopping at the end, a new Text effect scrolled into view with visible defaults.

use egui::{Key, Modifiers, Vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::sync::Arc;
use vodcut::edit::document::Document;
use vodcut::edit::ops::ClipRef;
use vodcut::model::export::import_timeline_str;
use vodcut::model::{Project, Time};
use vodcut::ui::Editor;
use vodcut::ui::files::NativePicker;

mod support;

/// V1: a [0,4) b [6,9).
fn project(zoom: f32) -> Project {
    let mut p = import_timeline_str(
        r#"{"VideoTracks":[{"VideoTrackClips":[{"MediaId":"a","In":0,"Out":4},{"MediaId":"b","In":0,"Out":3,"TimelineIn":6}]}]}"#,
    )
    .unwrap();
    p.zoom = zoom;
    p
}

fn harness(p: Project) -> Harness<'static, Editor> {
    let editor = support::ui::editor(Arc::new(NativePicker::default()), Document::new(p, None, false));
    support::ui::harness(editor, Vec2::new(1400.0, 900.0))
}

fn key(h: &mut Harness<'static, Editor>, m: Modifiers, k: Key) {
    h.key_press_modifiers(m, k);
    h.run();
}

#[test]
fn markers_keys_rename_and_list() {
    let mut h = harness(project(50.0));
    h.run();
    for t in [2, 6] {
        h.state_mut().doc.set_playhead(Time::from_secs(t));
        key(&mut h, Modifiers::NONE, Key::M);
    }
    assert_eq!(h.state().doc.project().markers.len(), 2);
    key(&mut h, Modifiers::NONE, Key::Home);
    key(&mut h, Modifiers::NONE, Key::PageDown);
    assert_eq!(h.state().doc.project().playhead, Time::from_secs(2));
    key(&mut h, Modifiers::NONE, Key::PageDown);
    assert_eq!(h.state().doc.project().playhead, Time::from_secs(6));
    key(&mut h, Modifiers::NONE, Key::PageUp);
    assert_eq!(h.state().doc.project().playhead, Time::from_secs(2));
    // Rename from the Markers tab (the flag's double-click opens the same dialog).
    assert!(h.query_by_label("Marker M1 at 00:00:02:00").is_some(), "the flag is on the ruler");
    h.state_mut().tab = vodcut::ui::app::Tab::Markers;
    h.run();
    h.get_all_by_label("Rename…").next().unwrap().click();
    h.run();
    assert!(h.query_by_label("Rename marker").is_some(), "the rename dialog opened");
    h.key_combination_modifiers(Modifiers::COMMAND, &[Key::A]);
    h.get_by_label("Marker name").type_text("Intro");
    h.run();
    key(&mut h, Modifiers::NONE, Key::Enter);
    h.run();
    assert_eq!(h.state().doc.project().markers[0].label, "Intro");
    assert!(h.query_by_label("Marker Intro at 00:00:02:00").is_some(), "the flag is labelled");
    // Deleting one in the Markers tab is one undo step.
    h.get_by_label("Delete Intro").click();
    h.run();
    assert_eq!(h.state().doc.project().markers.len(), 1);
    key(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(h.state().doc.project().markers.len(), 2);
}

/// A marker from a file may sit between two frames; going to it from the Markers tab puts the
/// playhead on the nearest frame, as every other way of moving it does.
#[test]
fn going_to_a_marker_from_the_markers_tab_lands_on_a_frame() {
    let mut p = project(50.0);
    p.markers.push(vodcut::model::project::Marker { time: Time::from_millis(1010), ..Default::default() });
    let mut h = harness(p);
    h.state_mut().tab = vodcut::ui::app::Tab::Markers;
    h.run();
    h.get_by_label("00:00:01:00").click();
    h.run();
    let at = h.state().doc.project().playhead;
    assert_eq!(at, Time::from_secs(1), "the frame nearest 1.010 s at 25 fps");
}

#[test]
fn clips_from_the_keyboard() {
    let mut h = harness(project(50.0));
    h.run();
    key(&mut h, Modifiers::NONE, Key::D);
    assert_eq!(h.state().doc.selection, vec![ClipRef { track: 0, index: 0 }], "the clip under the playhead");
    key(&mut h, Modifiers::COMMAND, Key::ArrowRight);
    assert_eq!(h.state().doc.selection, vec![ClipRef { track: 0, index: 1 }]);
    assert_eq!(h.state().doc.project().playhead, Time::from_secs(6), "the playhead goes with it");
    key(&mut h, Modifiers::NONE, Key::ArrowDown);
    assert_eq!(h.state().doc.project().playhead, Time::from_secs(9), "the next edit point");
    key(&mut h, Modifiers::NONE, Key::ArrowUp);
    key(&mut h, Modifiers::NONE, Key::ArrowUp);
    assert_eq!(h.state().doc.project().playhead, Time::from_secs(4));
    key(&mut h, Modifiers::COMMAND, Key::ArrowLeft);
    assert_eq!(h.state().doc.selection, vec![ClipRef { track: 0, index: 0 }]);
}

#[test]
fn the_view_follows_the_playhead_and_scrolls_with_its_bar() {
    // 400 px/s: about 3 s in view, the clips end at 9 s.
    let mut h = harness(project(400.0));
    h.run();
    assert_eq!(h.state().timeline.mapping.origin, Time::ZERO);
    key(&mut h, Modifiers::NONE, Key::End);
    h.run();
    let origin = h.state().timeline.mapping.origin;
    assert!(origin > Time::from_secs(5), "End brought 9 s into view: origin {origin:?}");
    let x = h.state().timeline.mapping.x_from_time(Time::from_secs(9));
    assert!(x > h.state().timeline.mapping.left && x < 1400.0, "the playhead is on screen at {x}");
    key(&mut h, Modifiers::NONE, Key::Home);
    h.run();
    assert_eq!(h.state().timeline.mapping.origin, Time::ZERO);
    // Drag the scrollbar's thumb to the right.
    let bar = h.get_by_label("Timeline scrollbar").rect();
    let from = egui::Pos2::new(bar.left() + 20.0, bar.center().y);
    support::ui::drag(&mut h, from, from + Vec2::new(300.0, 0.0));
    assert!(h.state().timeline.mapping.origin > Time::from_secs(1), "{:?}", h.state().timeline.mapping.origin);
}

#[test]
fn double_clicking_a_marker_flag_renames_it() {
    let mut h = harness(project(50.0));
    h.run();
    h.state_mut().doc.set_playhead(Time::from_secs(2));
    key(&mut h, Modifiers::NONE, Key::M);
    let flag = h.get_by_label("Marker M1 at 00:00:02:00").rect().center();
    h.event(egui::Event::PointerMoved(flag));
    h.step();
    support::ui::click_at(&mut h, flag);
    support::ui::click_at(&mut h, flag);
    h.run();
    assert!(h.query_by_label("Rename marker").is_some(), "a double-click on the flag opens the rename dialog");
    h.get_by_label("Marker name").type_text("Chorus");
    h.run();
    key(&mut h, Modifiers::NONE, Key::Enter);
    assert_eq!(h.state().doc.project().markers[0].label, "Chorus");
    assert!(h.query_by_label("Marker Chorus at 00:00:02:00").is_some());
    // A single click only moves the playhead there.
    h.state_mut().doc.set_playhead(Time::ZERO);
    h.run();
    let flag = h.get_by_label("Marker Chorus at 00:00:02:00").rect().center();
    support::ui::click_at(&mut h, flag);
    h.run();
    assert_eq!(h.state().doc.project().playhead, Time::from_secs(2));
    assert!(h.query_by_label("Rename marker").is_none());
}

#[test]
fn a_new_text_effect_shows_something_and_scrolls_into_view() {
    // Enough effects already that the inspector is taller than the window.
    let effects = r#"[{"Type":"Background","SubType":"Blur"},{"Type":"DeWatermark","SubType":"Delogo_Blur"},
        {"Type":"Background","SubType":"Blur"},{"Type":"DeWatermark","SubType":"Delogo_Blur"},
        {"Type":"Background","SubType":"Blur"},{"Type":"DeWatermark","SubType":"Delogo_Blur"}]"#;
    let mut p = import_timeline_str(&format!(
        r#"{{"VideoTracks":[{{"VideoTrackClips":[{{"MediaId":"a","In":0,"Out":4,"Effects":{effects}}}]}}]}}"#
    ))
    .unwrap();
    p.zoom = 50.0;
    let mut h = harness(p);
    h.run();
    h.state_mut().doc.selection = vec![ClipRef { track: 0, index: 0 }];
    h.run();
    h.get_by_label("➕ Add effect").click();
    h.run();
    h.get_by_role_and_label(egui::accesskit::Role::Button, "Text").click();
    h.run_steps(4);
    let effects = h.state().doc.project().tracks[0].clips[0].effects.clone();
    assert_eq!(effects.len(), 7);
    let vodcut::model::wire::Effect::Known(text) = &effects[6] else { panic!("{:?}", effects[6]) };
    assert_eq!(text.content.as_deref(), Some("New text"), "a visible caption, not an empty one");
    assert_eq!(text.font_color.as_deref(), Some("#FFFFFF"));
    assert!(text.font_size.is_some() && text.alignment.is_some());
    // Its header is on screen (the inspector scrolled to it), not below the window.
    let header = h.get_by_label("7. Text").rect();
    assert!(header.top() >= 0.0 && header.bottom() <= 900.0, "the new effect is in view at {header:?}");
    // One undo step takes it away.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().doc.project().tracks[0].clips[0].effects.len(), 6);
}

#[test]
fn playback_stops_at_the_end_and_plays_again_from_the_start() {
    let mut h = harness(project(50.0));
    h.run();
    h.state_mut().doc.set_playhead(Time::from_secs(8));
    h.run();
    // One frame per step here: `run` would play many simulated seconds while settling.
    let space = |h: &mut Harness<'static, Editor>| {
        h.key_press(Key::Space);
        h.step();
    };
    space(&mut h);
    assert_eq!(h.state().play_speed, 1.0, "playing");
    // The playhead follows the sound's clock (a silent output here: the wall clock): the 1 s
    // left plays in about a second.
    let start = std::time::Instant::now();
    while h.state().play_speed != 0.0 && start.elapsed() < std::time::Duration::from_secs(20) {
        std::thread::sleep(std::time::Duration::from_millis(20));
        h.step();
    }
    assert_eq!(h.state().play_speed, 0.0, "stopped by itself");
    assert_eq!(h.state().doc.project().playhead, Time::from_secs(9), "on the end, not past it");
    // Space at the end starts again from the beginning, as players do.
    space(&mut h);
    assert_eq!(h.state().play_speed, 1.0);
    assert!(h.state().doc.project().playhead < Time::from_secs(2), "{:?}", h.state().doc.project().playhead);
    space(&mut h);
    assert_eq!(h.state().play_speed, 0.0);
}
