//! Subtitle styles and motions from the inspector, through egui_kittest: a subtitle clip's
//! and a Text effect's entrance motion and word art chosen from lists searched in either
//! language, their documented numbers typed and checked, an unknown value kept as written and
//! marked; the inspector fits its panel. Both languages (the language is process-wide, so the
//! tests here take turns).

mod support;

use egui::Vec2;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::sync::{Arc, Mutex};
use vodcut::edit::document::Document;
use vodcut::i18n::{self, Lang};
use vodcut::model::Project;
use vodcut::model::export::import_timeline_str;
use vodcut::model::wire::Effect;
use vodcut::ui::Editor;

static LANGUAGE: Mutex<()> = Mutex::new(());

/// V1: a with a Text effect; S1: one subtitle whose word art the documents do not list.
fn project() -> Project {
    let mut p = import_timeline_str(
        r#"{"VideoTracks":[{"VideoTrackClips":[{"MediaId":"a","Out":4,"Effects":[{"Type":"Text","Content":"Title","FontSize":40}]}]}],
            "SubtitleTracks":[{"SubtitleTrackClips":[{"Type":"Text","Content":"Hello","TimelineIn":0,"TimelineOut":3,"EffectColorStyle":"CS9999-000001"}]}]}"#,
    )
    .unwrap();
    p.zoom = 50.0;
    p
}

fn harness() -> Harness<'static, Editor> {
    let editor =
        support::ui::editor(Arc::new(support::ui::FakePicker::default()), Document::new(project(), None, false));
    support::ui::harness(editor, Vec2::new(1400.0, 1000.0))
}

fn subtitle(e: &Editor) -> &vodcut::model::wire::Clip {
    let p = e.doc.project();
    &p.tracks.iter().find(|t| t.kind == vodcut::model::TrackKind::Subtitle).unwrap().clips[0]
}

/// Opens the list of the field `label`, searches for `query` and picks `item`.
fn pick(h: &mut Harness<'static, Editor>, label: &str, query: &str, item: &str) {
    h.get_by_label(label).scroll_to_me();
    h.run();
    h.get_by_label(label).click();
    h.run();
    h.get_by_label(label).type_text(query);
    h.run();
    // The search box has the focus: what is typed goes there.
    h.run();
    if !item.starts_with("Use ") {
        // A query that names an entry is not offered to be used as written.
        assert!(h.query_by_label_contains("as written").is_none(), "{query}");
    }
    let found = h.get_by_label(item);
    found.scroll_to_me();
    h.run();
    h.get_by_label(item).click();
    h.run();
}

fn type_into(h: &mut Harness<'static, Editor>, label: &str, text: &str) {
    h.get_by_label(label).scroll_to_me();
    h.run();
    h.get_by_label(label).focus();
    h.run();
    h.get_by_label(label).type_text(text);
    h.run();
}

/// The editor in English with the subtitle selected by a click, and where the inspector's
/// panel began before (its left edge).
fn subtitle_selected() -> (Harness<'static, Editor>, f32) {
    i18n::set(Lang::En);
    let mut h = harness();
    h.run();
    let panel = h.get_by_label("Inspector").rect().left();
    h.get_by_label("Clip Hello on S1 at 00:00:00:00").click();
    h.run();
    (h, panel)
}

#[test]
fn a_subtitles_motion_and_word_art_come_from_searchable_lists_and_numbers_are_checked() {
    let _turn = LANGUAGE.lock().unwrap_or_else(|e| e.into_inner());
    let (mut h, panel) = subtitle_selected();
    // The word art the documents do not list is shown as written, marked, and kept.
    let shown = h.get_by_label("EffectColorStyle").value();
    assert_eq!(shown.as_deref(), Some("CS9999-000001 (not in the documents)"));
    // An entrance motion found by its Chinese name in the English window.
    pick(&mut h, "AaiMotionInEffect", "渐显", "Fade in · fade_in");
    let s = subtitle(h.state());
    assert_eq!(s.extra.get_str("AaiMotionInEffect").as_deref(), Some("fade_in"));
    assert_eq!(s.extra.get_str("EffectColorStyle").as_deref(), Some("CS9999-000001"), "kept verbatim");
    // Its length, typed: a number is written as a number; a negative one is refused.
    type_into(&mut h, "AaiMotionIn", "0.5");
    assert_eq!(subtitle(h.state()).extra.get("AaiMotionIn").map(|r| r.get().to_owned()).as_deref(), Some("0.5"));
    h.key_press(egui::Key::Enter);
    h.run();
    type_into(&mut h, "Outline", "-2");
    assert!(h.query_by_label_contains("at least 0").is_some(), "the documented bound is said");
    if let Some(shots) = std::env::var_os("VODCUT_UI_SHOTS") {
        h.render().unwrap().save(std::path::Path::new(&shots).join("text-style-error.png")).unwrap();
    }
    assert_eq!(h.get_by_label("Inspector").rect().left(), panel, "said under the field: the panel keeps its width");
    assert!(!subtitle(h.state()).extra.contains_key("Outline"), "nothing invalid reaches the clip");
    h.key_press(egui::Key::Escape);
    h.run();
    // A word art picked by its id replaces the unknown one; one undo step puts it back.
    pick(&mut h, "EffectColorStyle", "CS0001-000004", "CS0001-000004");
    assert_eq!(subtitle(h.state()).extra.get_str("EffectColorStyle").as_deref(), Some("CS0001-000004"));
    h.state_mut().doc.undo();
    h.run();
    assert_eq!(subtitle(h.state()).extra.get_str("EffectColorStyle").as_deref(), Some("CS9999-000001"));
    // A value typed that the documents do not list can be used as written.
    pick(&mut h, "AaiMotionOutEffect", "spin_out", "Use \"spin_out\" as written");
    assert_eq!(subtitle(h.state()).extra.get_str("AaiMotionOutEffect").as_deref(), Some("spin_out"));
    let said = vodcut::model::validate::validate(h.state().doc.project());
    assert!(said.iter().any(|p| p.location.field == Some("AaiMotionOutEffect")), "warned: {said:?}");

    // The same lists in Chinese, on a Text effect of a video clip.
    i18n::set(Lang::Zh);
    h.run();
    h.get_by_label("片段 a，位于 V1 的 00:00:00:00 处").click();
    h.run();
    if let Some(shots) = std::env::var_os("VODCUT_UI_SHOTS") {
        h.render().unwrap().save(std::path::Path::new(&shots).join("text-style-zh.png")).unwrap();
    }
    pick(&mut h, "AaiMotionInEffect", "typewriter", "打字机I · typewriter1_in");
    let a = &h.state().doc.project().tracks[0].clips[0];
    let Some(Effect::Known(t)) = a.effects.first() else { panic!("{:?}", a.effects) };
    assert_eq!(t.extra.get_str("AaiMotionInEffect").as_deref(), Some("typewriter1_in"));
    i18n::set(Lang::En);
}

#[test]
fn the_subtitle_inspector_fits_its_panel() {
    let _turn = LANGUAGE.lock().unwrap_or_else(|e| e.into_inner());
    let (mut h, panel) = subtitle_selected();
    if let Some(shots) = std::env::var_os("VODCUT_UI_SHOTS") {
        h.render().unwrap().save(std::path::Path::new(&shots).join("subtitle-inspector.png")).unwrap();
    }
    assert_eq!(h.get_by_label("Inspector").rect().left(), panel, "the panel keeps its width");
    // Every field of the inspector ends inside the window (the right panel is its last
    // column): none is cut off at the right edge.
    let right = 1400.0;
    for label in ["Text", "FontColor", "AaiMotionInEffect", "EffectColorStyle", "OutlineColour", "BorderStyle"] {
        let node = h.get_by_label(label);
        assert!(node.rect().right() <= right - 4.0, "{label} ends at {} past the panel", node.rect().right());
        assert!(node.rect().left() >= panel, "{label} starts at {} outside the panel", node.rect().left());
    }
    // A Text effect's fields too (one level in, under the effect's header), in both languages.
    for (lang, clip) in [(Lang::En, "Clip a on V1 at 00:00:00:00"), (Lang::Zh, "片段 a，位于 V1 的 00:00:00:00 处")]
    {
        i18n::set(lang);
        h.run();
        h.get_by_label(clip).click();
        h.run();
        for label in ["FontColor", "AaiMotionInEffect", "OutlineColour", "BackColour"] {
            h.get_by_label(label).scroll_to_me();
            h.run();
        }
        if let Some(shots) = std::env::var_os("VODCUT_UI_SHOTS") {
            let name = format!("text-effect-inspector-{}.png", lang.code());
            h.render().unwrap().save(std::path::Path::new(&shots).join(name)).unwrap();
        }
        let tab = if lang == Lang::En { "Inspector" } else { "属性" };
        assert_eq!(h.get_by_label(tab).rect().left(), panel, "{lang:?}: the panel keeps its width");
    }
    i18n::set(Lang::En);
}
