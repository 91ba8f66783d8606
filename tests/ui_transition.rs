//! Ctrl+D through egui_kittest: the default cross-dissolve on the cut next to a selected clip,
//! on its EARLIER clip, the next clips moved to overlap it, one undo step; refused with a
//! reason where there is no cut; the Timeline menu names the key.

use egui::{Key, Modifiers, Vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::sync::Arc;
use vodcut::edit::document::Document;
use vodcut::model::export::import_timeline_str;
use vodcut::model::wire::Effect;
use vodcut::model::{Project, Time};
use vodcut::ui::Editor;

mod support;

/// V1: a [0,4) b [4,7) c [9,10): a cut at 4 s, a gap before c.
fn project() -> Project {
    let mut p = import_timeline_str(
        r#"{"VideoTracks":[{"VideoTrackClips":[{"MediaId":"a","Out":4,"TimelineIn":0},{"MediaId":"b","Out":3,"TimelineIn":4},{"MediaId":"c","Out":1,"TimelineIn":9}]}]}"#,
    )
    .unwrap();
    p.zoom = 50.0;
    p
}

fn harness(p: Project) -> Harness<'static, Editor> {
    let editor = support::ui::editor(Arc::new(support::ui::FakePicker::default()), Document::new(p, None, false));
    support::ui::harness(editor, Vec2::new(1400.0, 900.0))
}

fn starts(e: &Editor) -> Vec<Time> {
    let p = e.doc.project();
    vodcut::model::project::layout_track(&p.tracks[0], &p.media_durations()).iter().map(|x| x.start).collect()
}

#[test]
fn ctrl_d_puts_a_fade_on_the_earlier_clip_of_the_cut_and_undo_takes_it_back() {
    let mut h = harness(project());
    h.run();
    // Select b by clicking it, as a user would.
    let b = h.get_by_label("Clip b on V1 at 00:00:04:00").rect().center();
    support::ui::click_at(&mut h, b);
    assert_eq!(h.state().doc.selection.len(), 1);
    let before = h.state().doc.project().clone();
    h.key_press_modifiers(Modifiers::COMMAND, Key::D);
    h.run();
    let e = h.state();
    let a = &e.doc.project().tracks[0].clips[0];
    let Some(Effect::Known(t)) = a.effects.first() else { panic!("no transition on a: {:?}", a.effects) };
    assert_eq!(
        (t.r#type.as_str(), t.sub_type.as_deref(), t.duration),
        ("Transition", Some("fade"), Some(Time::from_secs(1)))
    );
    assert!(e.doc.project().tracks[0].clips[1].effects.is_empty(), "not on the later clip");
    assert_eq!(starts(e), [0, 3, 8].map(Time::from_secs), "b overlaps a by the Duration; c keeps its distance");
    assert_eq!(e.doc.selection, vec![vodcut::edit::ops::ClipRef { track: 0, index: 0 }], "the carrier is selected");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().doc.project(), &before, "one undo step");
}

#[test]
fn without_a_cut_ctrl_d_says_why_and_the_menu_names_the_key() {
    let mut h = harness(project());
    h.run();
    // c stands alone after a gap: no cut at either of its edges.
    let c = h.get_by_label("Clip c on V1 at 00:00:09:00").rect().center();
    support::ui::click_at(&mut h, c);
    h.key_press_modifiers(Modifiers::COMMAND, Key::D);
    h.run();
    let said = h.state().timeline.message.clone().unwrap_or_default();
    assert!(said.starts_with("no cut there"), "{said}");
    assert!(h.state().doc.project().tracks[0].clips.iter().all(|c| c.effects.is_empty()));
    h.get_by_label("Timeline").click();
    h.run_steps(2);
    let item = h.get_by_label("Apply default transition Ctrl+D");
    item.click();
    h.run_steps(2);
    // From the menu, with c still selected: the same refusal, nothing changed.
    assert!(h.state().doc.project().tracks[0].clips.iter().all(|c| c.effects.is_empty()));
}

/// V1: a [0,4) with a 1 s fade into b [3,6), c [8,9) after a gap; every start its own.
fn with_fade() -> Project {
    let mut p = import_timeline_str(
        r#"{"VideoTracks":[{"VideoTrackClips":[{"MediaId":"a","Out":4,"TimelineIn":0,"Effects":[{"Type":"Transition","SubType":"fade","Duration":1}]},{"MediaId":"b","Out":3,"TimelineIn":3},{"MediaId":"c","Out":1,"TimelineIn":8}]}]}"#,
    )
    .unwrap();
    p.zoom = 50.0;
    p
}

/// The inspector's Duration field (the bin's form has a Duration too, on the left).
fn duration<'a>(h: &'a Harness<'static, Editor>) -> egui_kittest::Node<'a> {
    h.query_all_by_label("Duration").max_by(|a, b| a.rect().left().total_cmp(&b.rect().left())).unwrap()
}

fn fade_length(e: &Editor) -> Option<Time> {
    match e.doc.project().tracks[0].clips[0].effects.first() {
        Some(Effect::Known(t)) => t.duration,
        _ => None,
    }
}

#[test]
fn dragging_a_transitions_handle_sets_its_length_within_what_the_clips_allow_in_one_undo_step() {
    let mut h = harness(with_fade());
    h.run();
    let handle = || "Transition length between a and b";
    let at = h.get_by_label(handle()).rect().center();
    // 50 px a second: a second to the left makes it 2 s; b and c move a second earlier.
    support::ui::drag(&mut h, at, at - Vec2::new(50.0, 0.0));
    assert_eq!(fade_length(h.state()), Some(Time::from_secs(2)), "{:?}", h.state().timeline.message);
    assert_eq!(starts(h.state()), [0, 2, 7].map(Time::from_secs));
    if let Some(shots) = std::env::var_os("VODCUT_UI_SHOTS") {
        h.render().unwrap().save(std::path::Path::new(&shots).join("transition-handle.png")).unwrap();
    }
    assert_eq!(h.state().doc.selection, vec![vodcut::edit::ops::ClipRef { track: 0, index: 0 }]);
    // Far past b's start: no longer than b (3 s).
    let at = h.get_by_label(handle()).rect().center();
    support::ui::drag(&mut h, at, at - Vec2::new(400.0, 0.0));
    assert_eq!(fade_length(h.state()), Some(Time::from_secs(3)), "clamped to b's length");
    assert_eq!(starts(h.state()), [0, 1, 6].map(Time::from_secs));
    // Far to the right: a frame at least, never none.
    let at = h.get_by_label(handle()).rect().center();
    support::ui::drag(&mut h, at, at + Vec2::new(600.0, 0.0));
    assert_eq!(fade_length(h.state()), Some(Time::from_millis(40)), "one frame at 25 fps");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(fade_length(h.state()), Some(Time::from_secs(3)), "each drag is one undo step");
    assert_eq!(starts(h.state()), [0, 1, 6].map(Time::from_secs));
}

#[test]
fn the_inspectors_duration_moves_the_next_clips_and_is_clamped_alike() {
    let mut h = harness(with_fade());
    h.run();
    let a = h.get_by_label("Clip a on V1 at 00:00:00:00").rect().center();
    support::ui::click_at(&mut h, a);
    h.run();
    duration(&h).focus();
    h.run();
    h.key_combination_modifiers(Modifiers::COMMAND, &[Key::A]);
    duration(&h).type_text("2.00");
    h.run();
    assert_eq!(fade_length(h.state()), Some(Time::from_secs(2)));
    assert_eq!(starts(h.state()), [0, 2, 7].map(Time::from_secs), "b and c follow as with the handle");
    // Typed again as 10 s: held to b's 3 s, and said.
    h.key_combination_modifiers(Modifiers::COMMAND, &[Key::A]);
    duration(&h).type_text("10.00");
    h.run();
    let said = h.state().timeline.message.clone();
    assert!(format!("{said:?}").contains("the most (or least) the two clips allow"), "{said:?}");
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(fade_length(h.state()), Some(Time::from_secs(3)));
    assert_eq!(starts(h.state()), [0, 1, 6].map(Time::from_secs));
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(fade_length(h.state()), Some(Time::from_secs(1)), "the typing was one undo step");
    assert_eq!(starts(h.state()), [0, 3, 8].map(Time::from_secs));
}
