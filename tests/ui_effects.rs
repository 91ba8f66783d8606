//! The Effects panel through egui_kittest: every family listed, searched in English and
//! Chinese, a transition dragged onto a cut and a filter onto a clip, each one undo step.

use egui::Vec2;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::sync::Arc;
use vodcut::edit::document::Document;
use vodcut::model::effects::Family;
use vodcut::model::export::import_timeline_str;
use vodcut::model::wire::Effect;
use vodcut::model::{Project, Time};
use vodcut::ui::Editor;

mod support;

/// V1: a [0,4) b [4,7): a cut at 4 s.
fn project() -> Project {
    let mut p = import_timeline_str(
        r#"{"VideoTracks":[{"VideoTrackClips":[{"MediaId":"a","Out":4,"TimelineIn":0},{"MediaId":"b","Out":3,"TimelineIn":4}]}]}"#,
    )
    .unwrap();
    p.zoom = 50.0;
    p
}

fn harness() -> Harness<'static, Editor> {
    let editor =
        support::ui::editor(Arc::new(support::ui::FakePicker::default()), Document::new(project(), None, false));
    let mut h = support::ui::harness(editor, Vec2::new(1400.0, 900.0));
    h.run();
    h.get_by_label("Effects").click();
    h.run();
    h
}

fn search(h: &mut Harness<'static, Editor>, text: &str) {
    h.state_mut().effects.query = text.into();
    h.run();
}

fn effect(e: &Editor, clip: usize) -> Option<(String, Option<String>)> {
    match e.doc.project().tracks[0].clips[clip].effects.first()? {
        Effect::Known(k) => Some((k.r#type.clone(), k.sub_type.clone())),
        Effect::Other(_) => None,
    }
}

#[test]
fn a_transition_found_in_chinese_is_dragged_onto_the_cut() {
    let mut h = harness();
    // Transitions first, in the documents' order (the first row is on screen, at the top).
    let first = h.get_by_label("Diagonal wipe").rect();
    let list_top = h.get_by_label_contains("64 found").rect().bottom();
    assert!(first.top() >= list_top && first.top() < list_top + 30.0, "{first:?} below {list_top}");
    search(&mut h, "向右擦除");
    assert!(h.query_by_label("Wipe right").is_some());
    assert!(h.query_by_label("Diagonal wipe").is_none(), "the search narrows the list");
    let row = h.get_by_label("Wipe right").rect().center();
    let a = h.get_by_label("Clip a on V1 at 00:00:00:00").rect();
    let cut = egui::pos2(a.right() + 2.0, a.center().y);
    support::ui::drag(&mut h, row, cut);
    assert_eq!(effect(h.state(), 0), Some(("Transition".into(), Some("wiperight".into()))), "on the earlier clip");
    assert_eq!(effect(h.state(), 1), None);
    let p = h.state().doc.project();
    let b = vodcut::model::project::layout_track(&p.tracks[0], &p.media_durations())[1];
    assert_eq!(b.start, Time::from_secs(3), "b overlaps a by the transition's 1 s");
    h.state_mut().run(vodcut::ui::commands::Command::Undo);
    h.run();
    assert_eq!(effect(h.state(), 0), None, "one undo step");
}

#[test]
fn a_filter_found_in_english_is_dragged_onto_a_clip_and_the_other_families_are_listed() {
    let mut h = harness();
    h.get_by_label("filter").click();
    h.run();
    // By SubType and category: m1 is "Vintage" of the "90s modern film" category.
    search(&mut h, "m1 90s");
    let row = h.get_by_label("Vintage").rect().center();
    let b = h.get_by_label("Clip b on V1 at 00:00:04:00").rect().center();
    support::ui::drag(&mut h, row, b);
    assert_eq!(effect(h.state(), 1), Some(("Filter".into(), Some("m1".into()))));
    // Every family has its entries (word art and fonts are set in the inspector).
    for (label, family) in [("VFX", Family::Vfx), ("entrance motion", Family::MotionIn), ("font", Family::Font)] {
        h.get_by_label(label).click();
        search(&mut h, "");
        assert_eq!(h.state().effects.family, family);
        let first = family.entries().next().unwrap().name(false);
        assert!(h.query_by_label(first).is_some(), "{label}: {first}");
    }
}

#[test]
fn thumbnails_are_made_off_the_ui_thread_for_the_rows_on_screen_once() {
    let mut h = harness();
    let made = |e: &Editor| e.effects.thumbnails.made;
    support::ui::run_until(&mut h, "the first thumbnails", |e| {
        e.effects.thumbnails.has(Family::Transition, "directional")
    });
    support::ui::run_until(&mut h, "the rows on screen", |e| {
        e.effects.thumbnails.has(Family::Transition, "simplezoom")
    });
    for _ in 0..50 {
        std::thread::sleep(std::time::Duration::from_millis(5));
        h.step();
    }
    // Each drawn thumbnail names its entry for screen readers.
    assert!(h.query_by_label("Diagonal wipe as the preview and the draft draw it").is_some());
    let on_screen = made(h.state());
    assert!((6..64).contains(&on_screen), "only the rows on screen are made, not all 64 ({on_screen})");
    assert!(!h.state().effects.thumbnails.has(Family::Transition, "wind"), "the last row is off screen");
    // A search brings other rows: theirs are made; back again, nothing is made twice.
    search(&mut h, "渐隐");
    support::ui::run_until(&mut h, "the fades' thumbnails", |e| {
        ["fade", "fadecolor", "fadegrayscale"].iter().all(|id| e.effects.thumbnails.has(Family::Transition, id))
    });
    let after = made(h.state());
    search(&mut h, "");
    for _ in 0..20 {
        h.step();
    }
    assert_eq!(made(h.state()), after, "cached: no thumbnail is made again");
    // Fonts and motions have no look of their own: no thumbnails asked for.
    h.get_by_label("font").click();
    for _ in 0..20 {
        h.step();
    }
    assert_eq!(made(h.state()), after);
}
