//! A DeWatermark's region placed by hand in the program's picture, through egui_kittest: a
//! click picks it (its clip is selected), it is outlined dashed with eight handles, a drag
//! moves it, a handle resizes it; each gesture is one undo step and X/Y/Width/Height keep the
//! form they had (ratios stay ratios, pixels whole pixels).

use egui::{Modifiers, Pos2, Vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use vodcut::edit::ops::ClipRef;
use vodcut::model::Project;
use vodcut::model::export::import_timeline_str;
use vodcut::model::wire::Effect;
use vodcut::ui::Editor;

mod support;

/// A 1280x720 output: V1 fills it and hides the logo at 960,36 (256x72) in ratios; V2, a
/// picture-in-picture at 40,400 (320x180), hides one at 60,420 (100x40) in pixels.
fn project() -> Project {
    let mut p = import_timeline_str(
        r#"{"VideoTracks":[{"VideoTrackClips":[{"MediaId":"a","Out":4,"Effects":[{"Type":"DeWatermark","SubType":"Delogo_Blur","X":0.75,"Y":0.05,"Width":0.2,"Height":0.1}]}]},
                           {"VideoTrackClips":[{"MediaId":"b","Out":4,"X":40,"Y":400,"Width":320,"Height":180,"Effects":[{"Type":"DeWatermark","SubType":"Delogo_Blur","X":60,"Y":420,"Width":100,"Height":40}]}]}]}"#,
    )
    .unwrap();
    p.produce_config.width = Some(1280);
    p.produce_config.height = Some(720);
    p
}

fn harness() -> Harness<'static, Editor> {
    support::ui::project_harness(project(), Vec2::new(1400.0, 900.0))
}

/// The region of the DeWatermark on track `t`'s clip as written: X, Y, Width, Height.
fn region(e: &Editor, t: usize) -> [String; 4] {
    let Some(Effect::Known(k)) = e.doc.project().tracks[t].clips[0].effects.first() else { panic!() };
    [&k.x, &k.y, &k.width, &k.height].map(|n| n.as_ref().map(|n| n.to_string()).unwrap_or_default())
}

fn picture(h: &Harness<'static, Editor>) -> (egui::Rect, f32) {
    support::ui::preview_picture(h, 1280.0)
}

fn at(h: &Harness<'static, Editor>, x: f32, y: f32) -> Pos2 {
    support::ui::preview_at(h, 1280.0, (x, y))
}

#[test]
fn a_dewatermark_region_is_picked_moved_and_resized_in_the_preview_keeping_its_form() {
    let mut h = harness();
    // A click inside the region picks it, not the picture under it.
    let inside = at(&h, 1088.0, 72.0);
    support::ui::click_at(&mut h, inside);
    h.run();
    assert_eq!(h.state().doc.selection, vec![ClipRef { track: 0, index: 0 }]);
    let corner = h.get_by_label("Resize handle: bottom right").rect().center();
    assert!((corner - at(&h, 1216.0, 108.0)).length() < 1.0, "on the region's corner, not the clip's: {corner:?}");
    if let Some(shots) = std::env::var_os("VODCUT_UI_SHOTS") {
        h.render().unwrap().save(std::path::Path::new(&shots).join("dewatermark-selected.png")).unwrap();
    }
    let (_, s) = picture(&h);
    // Moved 100 px left and 50 down (Alt: no snapping): X/Y change, the size stays.
    h.event(egui::Event::ModifiersChanged(Modifiers::ALT));
    let from = at(&h, 1088.0, 72.0);
    support::ui::drag(&mut h, from, from + Vec2::new(-100.0, 50.0) * s);
    h.event(egui::Event::ModifiersChanged(Modifiers::NONE));
    h.run();
    assert_eq!(region(h.state(), 0), ["0.671875", "0.119444", "0.2", "0.1"]);
    // Its handle resizes it: 64x36 px bigger.
    let corner = h.get_by_label("Resize handle: bottom right").rect().center();
    h.event(egui::Event::ModifiersChanged(Modifiers::ALT));
    support::ui::drag(&mut h, corner, corner + Vec2::new(64.0, 36.0) * s);
    h.event(egui::Event::ModifiersChanged(Modifiers::NONE));
    h.run();
    assert_eq!(region(h.state(), 0), ["0.671875", "0.119444", "0.25", "0.15"]);
    h.state_mut().doc.undo();
    assert_eq!(region(h.state(), 0), ["0.671875", "0.119444", "0.2", "0.1"], "one undo step a gesture");
    h.run();
    // The one in pixels, over the picture-in-picture: whole pixels.
    let from = at(&h, 110.0, 440.0);
    h.event(egui::Event::ModifiersChanged(Modifiers::ALT));
    support::ui::drag(&mut h, from, from + Vec2::new(30.0, -20.0) * s);
    h.event(egui::Event::ModifiersChanged(Modifiers::NONE));
    h.run();
    assert_eq!(h.state().doc.selection, vec![ClipRef { track: 1, index: 0 }]);
    assert_eq!(region(h.state(), 1), ["90", "400", "100", "40"]);
    let pip = &h.state().doc.project().tracks[1].clips[0].area;
    assert_eq!(pip.x.as_ref().map(|n| n.to_string()).as_deref(), Some("40"), "the picture under it stays");
}
