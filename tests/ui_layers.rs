//! Layers placed by hand in the program's picture, through egui_kittest as a user does it: a
//! click selects the logo (the timeline's selection follows), a handle resizes it, a drag
//! moves it and snaps to the title-safe line (Alt: no snapping), the arrows nudge it; each
//! gesture is one undo step and the numbers keep their form.

use egui::{Modifiers, Pos2, Vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::sync::Arc;
use vodcut::edit::document::Document;
use vodcut::edit::ops::ClipRef;
use vodcut::model::export::import_timeline_str;
use vodcut::model::{Project, TrackKind};
use vodcut::ui::Editor;

mod support;

/// A 1280x720 output: V1 fills it, the logo (an image overlay) sits at 640,180, 320x180, in
/// ratios; a picture-in-picture in pixels at 40,400, 320x180.
fn project() -> Project {
    let mut p = import_timeline_str(
        r#"{"VideoTracks":[{"VideoTrackClips":[{"MediaId":"a","Out":4}]},
                           {"VideoTrackClips":[{"MediaId":"b","Out":4,"X":40,"Y":400,"Width":320,"Height":180}]}],
            "ImageTracks":[{"ImageTrackClips":[{"ImageId":"logo","X":0.5,"Y":0.25,"Width":0.25,"Height":0.25,"TimelineIn":0,"TimelineOut":4}]}]}"#,
    )
    .unwrap();
    p.produce_config.width = Some(1280);
    p.produce_config.height = Some(720);
    p
}

fn harness() -> Harness<'static, Editor> {
    support::ui::project_harness(project(), Vec2::new(1400.0, 900.0))
}

fn logo_track(e: &Editor) -> usize {
    e.doc.project().tracks.iter().position(|t| t.kind == TrackKind::Image).unwrap()
}

/// The logo's X, Y, Width and Height as written in the project.
fn logo(e: &Editor) -> [String; 4] {
    let a = &e.doc.project().tracks[logo_track(e)].clips[0].area;
    [&a.x, &a.y, &a.width, &a.height].map(|n| n.as_ref().map(|n| n.to_string()).unwrap_or_default())
}

/// The picture on screen and its scale (screen points per output pixel).
fn picture(h: &Harness<'static, Editor>) -> (egui::Rect, f32) {
    support::ui::preview_picture(h, 1280.0)
}

fn at(h: &Harness<'static, Editor>, x: f32, y: f32) -> Pos2 {
    support::ui::preview_at(h, 1280.0, (x, y))
}

fn select_logo(h: &mut Harness<'static, Editor>) {
    let centre = at(h, 800.0, 270.0);
    support::ui::click_at(h, centre);
    h.run();
    let t = logo_track(h.state());
    assert_eq!(h.state().doc.selection, vec![ClipRef { track: t, index: 0 }], "the logo is selected");
}

#[test]
fn a_handle_resizes_the_logo_in_one_undo_step_and_its_ratios_stay_ratios() {
    let mut h = harness();
    assert!(h.query_by_label("Resize handle: bottom right").is_none(), "no handles before a selection");
    select_logo(&mut h);
    for name in ["top left", "top", "top right", "right", "bottom right", "bottom", "bottom left", "left"] {
        assert!(h.query_by_label(&format!("Resize handle: {name}")).is_some(), "{name}");
    }
    if let Some(shots) = std::env::var_os("VODCUT_UI_SHOTS") {
        h.render().unwrap().save(std::path::Path::new(&shots).join("preview-layer-selected.png")).unwrap();
    }
    let handle = h.get_by_label("Resize handle: bottom right").rect().center();
    assert!((handle - at(&h, 960.0, 360.0)).length() < 1.0, "on the logo's corner: {handle:?}");
    let (_, s) = picture(&h);
    let revision = h.state().doc.revision();
    // 80x90 output pixels further: nothing to snap to near 1040,450.
    support::ui::drag(&mut h, handle, handle + Vec2::new(80.0, 90.0) * s);
    assert_eq!(logo(h.state()), ["0.5", "0.25", "0.3125", "0.375"]);
    assert_ne!(h.state().doc.revision(), revision);
    h.state_mut().doc.undo();
    assert_eq!(logo(h.state()), ["0.5", "0.25", "0.25", "0.25"], "the whole drag was one step");
    h.run();
    // Shift keeps the aspect: the right handle pulled 160 px makes it 480x270 about its centre.
    let right = h.get_by_label("Resize handle: right").rect().center();
    h.event(egui::Event::ModifiersChanged(Modifiers::SHIFT));
    support::ui::drag(&mut h, right, right + Vec2::new(160.0, 0.0) * s);
    h.event(egui::Event::ModifiersChanged(Modifiers::NONE));
    h.run();
    assert_eq!(logo(h.state()), ["0.5", "0.1875", "0.375", "0.375"]);
}

#[test]
fn dragging_moves_the_topmost_layer_snaps_to_the_title_safe_line_and_alt_turns_snapping_off() {
    let mut h = harness();
    let (_, s) = picture(&h);
    // The picture-in-picture, in pixels, over V1: it is the one picked and moved.
    let from = at(&h, 200.0, 490.0);
    support::ui::drag(&mut h, from, from + Vec2::new(110.0, -100.0) * s);
    let pip = &h.state().doc.project().tracks[1].clips[0];
    assert_eq!(h.state().doc.selection, vec![ClipRef { track: 1, index: 0 }]);
    let got = [&pip.area.x, &pip.area.y].map(|n| n.as_ref().map(|n| n.to_string()));
    assert_eq!(got, [Some("150".into()), Some("300".into())], "pixels stay whole pixels");
    // The logo's right edge brought 4 px short of the title-safe line (x = 1152) lands on it.
    let from = at(&h, 800.0, 270.0);
    support::ui::hold_drag(&mut h, from, from + Vec2::new(188.0, 0.0) * s);
    if let Some(shots) = std::env::var_os("VODCUT_UI_SHOTS") {
        h.render().unwrap().save(std::path::Path::new(&shots).join("preview-layer-snapped.png")).unwrap();
    }
    h.drop_at(from + Vec2::new(188.0, 0.0) * s);
    h.run();
    assert_eq!(logo(h.state())[0], "0.65", "snapped: 832 + 320 = 1152");
    h.state_mut().doc.undo();
    h.run();
    h.event(egui::Event::ModifiersChanged(Modifiers::ALT));
    support::ui::drag(&mut h, from, from + Vec2::new(188.0, 0.0) * s);
    h.event(egui::Event::ModifiersChanged(Modifiers::NONE));
    assert_eq!(logo(h.state())[0], "0.646875", "with Alt: where the pointer put it (828)");
    // Snapping turned off (N, the editor's one setting): the same, without Alt.
    h.state_mut().doc.undo();
    h.state_mut().timeline.snapping = false;
    h.run();
    support::ui::drag(&mut h, from, from + Vec2::new(188.0, 0.0) * s);
    assert_eq!(logo(h.state())[0], "0.646875", "snapping off");
}

#[test]
fn with_the_picture_clicked_the_arrows_nudge_the_selected_layer_by_output_pixels() {
    let mut h = harness();
    select_logo(&mut h);
    let playhead = h.state().doc.project().playhead;
    h.key_press(egui::Key::ArrowRight);
    h.run();
    h.key_press_modifiers(Modifiers::SHIFT, egui::Key::ArrowDown);
    h.run();
    // 641/1280 and 190/720.
    assert_eq!(logo(h.state())[..2], ["0.500781".to_owned(), "0.263889".to_owned()]);
    assert_eq!(h.state().doc.project().playhead, playhead, "the arrows moved the layer, not the playhead");
    h.state_mut().doc.undo();
    assert_eq!(logo(h.state())[..2], ["0.500781".to_owned(), "0.25".to_owned()], "one step per press");
    // A click on the timeline takes the keyboard back: Right steps the playhead again.
    let timeline = h.get_by_label_contains("Clip a on V1").rect().center();
    support::ui::click_at(&mut h, timeline);
    h.run();
    h.key_press(egui::Key::ArrowRight);
    h.run();
    assert!(h.state().doc.project().playhead > playhead, "the playhead moved");
}

/// The inspector's colour fields have a picker beside them: a drag in its colour area writes
/// a `#RRGGBB` value (one the picker chose, not the white it started from), and the hex is
/// still typable.
#[test]
fn a_colour_picked_beside_font_color_is_written_as_hex() {
    let mut p = import_timeline_str(
        r##"{"VideoTracks":[{"VideoTrackClips":[{"MediaId":"a","Out":4,
              "Effects":[{"Type":"Text","Content":"Hi","X":0.5,"Y":0.1,"FontSize":40,"FontColor":"#FFFFFF"}]}]}]}"##,
    )
    .unwrap();
    p.produce_config.width = Some(1280);
    p.produce_config.height = Some(720);
    let editor = support::ui::editor(Arc::new(support::ui::FakePicker::default()), Document::new(p, None, false));
    let mut h = support::ui::harness(editor, Vec2::new(1400.0, 1800.0));
    h.state_mut().doc.selection = vec![ClipRef { track: 0, index: 0 }];
    h.run();
    let colour = |e: &Editor| match &e.doc.project().tracks[0].clips[0].effects[0] {
        vodcut::model::wire::Effect::Known(k) => k.font_color.clone(),
        vodcut::model::wire::Effect::Other(_) => None,
    };
    let button = h.get_by_label("Pick a colour for FontColor").rect();
    support::ui::click_at(&mut h, button.center());
    h.run();
    if let Some(shots) = std::env::var_os("VODCUT_UI_SHOTS") {
        h.render().unwrap().save(std::path::Path::new(&shots).join("colour-picker.png")).unwrap();
    }
    // The picker opens under its button, to its left; its colour area is its widest part.
    let area = button.right_bottom() + Vec2::new(-140.0, 150.0);
    support::ui::drag(&mut h, area, area + Vec2::new(20.0, 30.0));
    let got = colour(h.state()).unwrap();
    assert!(got.len() == 7 && got.starts_with('#') && got != "#FFFFFF", "{got}");
    assert!(u32::from_str_radix(&got[1..], 16).is_ok(), "{got}");
}
