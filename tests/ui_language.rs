//! The editor in both languages: the language picked in the settings changes the open window
//! at once and is remembered; the main window in English and in Chinese (snapshots, drawn
//! with the bundled Chinese font only, so they are the same on every machine); and in both
//! languages, on the main screens, no text runs off the window or over other text.
//!
//! The language is process-wide, so the tests of this file take turns (`LANGUAGE`).

mod support;

use egui::Vec2;
use egui_kittest::kittest::{NodeT, Queryable};
use egui_kittest::{Harness, Node};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use vodcut::edit::document::Document;
use vodcut::i18n::{self, Lang};
use vodcut::store::settings::Settings;
use vodcut::ui::Editor;
use vodcut::ui::files::NativePicker;

static LANGUAGE: Mutex<()> = Mutex::new(());

/// The demo project, as a user opens it.
fn demo() -> Document {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/samples/demo.vodcut");
    let opened = vodcut::store::project_file::open(&path).unwrap();
    Document::new(opened.project, Some(path), false)
}

/// A harness at the editor's default window size, with the bundled Chinese font as the only
/// source of CJK glyphs (what a machine without CJK fonts shows, and the same everywhere).
fn harness(editor: Editor) -> Harness<'static, Editor> {
    Harness::builder()
        .with_size(Vec2::new(1280.0, 800.0))
        .with_max_steps(64)
        .with_context_setup(|ctx| ctx.add_font_provider(Arc::new(vodcut::ui::fonts::BundledCjk::default())))
        .wgpu()
        .build_ui_state(|ui, e: &mut Editor| e.ui(ui), editor)
}

/// Runs until the preview has drawn its picture (composed in the background), so a snapshot
/// does not depend on the machine's speed.
fn settle(h: &mut Harness<'static, Editor>) {
    let start = Instant::now();
    h.run_steps(2);
    while h.state().preview.busy() {
        assert!(start.elapsed() < Duration::from_secs(15), "the preview never settled");
        std::thread::sleep(Duration::from_millis(5));
        h.step();
    }
    h.state_mut().status.clear();
    h.run_steps(2);
}

#[test]
fn picking_a_language_in_the_settings_changes_the_open_window_and_is_remembered() {
    let _turn = LANGUAGE.lock().unwrap_or_else(|e| e.into_inner());
    i18n::set(Lang::En);
    let cloud = support::ui::cloud(Settings::default());
    let data = cloud.data_dir().unwrap().to_owned();
    let editor = Editor::with_cloud(Arc::new(NativePicker::default()), demo(), cloud);
    let mut h = support::ui::harness(editor, Vec2::new(1280.0, 800.0));
    settle(&mut h);
    assert!(h.query_by_label("File").is_some());
    // The preview says why a layer has no picture (drawn under the frame), in English for now.
    let why = |h: &Harness<'static, Editor>| {
        h.state().preview.shown().map(|(r, _)| r.problems.join("; ")).unwrap_or_default()
    };
    assert!(why(&h).starts_with("track V1, clip 1"), "{}", why(&h));
    h.get_by_label("File").click();
    h.run_steps(2);
    h.get_by_label("Account settings…").click();
    h.run_steps(3);
    support::ui::hold_still(&mut h, "Language");
    h.get_by_label("Language").click();
    h.run_steps(2);
    h.get_by_label("中文（简体）").click();
    h.run_steps(3);
    assert_eq!(h.state().cloud.settings.language, Some(Lang::Zh));
    // The window changed at once (the frames right after the click): its menus, the settings
    // window.
    assert!(h.query_by_label("文件").is_some(), "the File menu is in Chinese at once");
    assert!(h.query_by_label("File").is_none(), "no English menu is left");
    assert!(h.query_by_label("语言").is_some(), "the settings window is in Chinese at once");
    // Text made before the switch is made again: the preview's reasons too.
    settle(&mut h);
    assert!(why(&h).starts_with("轨道 V1，第 1 个片段") && !why(&h).contains("track"), "{}", why(&h));
    h.key_press(egui::Key::Escape);
    h.run_steps(2);
    let behind = texts(&h);
    h.get_by_label("文件").click();
    h.run_steps(2);
    h.get_by_label_contains("账号设置").click();
    h.run_steps(3);
    assert_text_fits(&h, "the settings window", &behind);
    // Remembered for the next start (saved in the background).
    let start = Instant::now();
    while Settings::load(&data).0.language != Some(Lang::Zh) {
        assert!(start.elapsed() < Duration::from_secs(10), "the language was not saved");
        std::thread::sleep(Duration::from_millis(20));
    }
    // And back, from the View menu this time, in Chinese words: its name is in its own
    // language, so a user who cannot read the current one still finds theirs.
    h.key_press(egui::Key::Escape);
    h.run_steps(2);
    h.get_by_label("视图").click();
    h.run_steps(2);
    h.get_by_label("🌐 语言").click();
    h.run_steps(2);
    h.get_by_label("English").click();
    h.run_steps(3);
    assert!(h.query_by_label("File").is_some(), "English again at once");
    assert_eq!(h.state().cloud.settings.language, Some(Lang::En));
    i18n::set(Lang::En);
}

#[test]
fn the_saved_language_comes_before_the_system_and_the_flag_before_both() {
    assert_eq!(i18n::startup(None, None, Lang::Zh), Lang::Zh, "the system's by default");
    assert_eq!(i18n::startup(None, Some(Lang::En), Lang::Zh), Lang::En, "the setting wins over the system");
    assert_eq!(i18n::startup(Some(Lang::Zh), Some(Lang::En), Lang::En), Lang::Zh, "--lang wins for the run");
}

/// Where a node is drawn (the harness draws at 1 pixel per point); None for nodes with no place.
fn rect(n: &Node<'_>) -> Option<egui::Rect> {
    let b = n.accesskit_node().bounding_box()?;
    Some(egui::Rect::from_min_max(egui::pos2(b.x0 as f32, b.y0 as f32), egui::pos2(b.x1 as f32, b.y1 as f32)))
}

/// Every piece of text on screen: its words and where they are drawn.
fn texts(h: &Harness<'static, Editor>) -> Vec<(String, egui::Rect)> {
    use egui::accesskit::Role;
    h.root()
        .children_recursive()
        .filter(|n| {
            matches!(
                n.accesskit_node().role(),
                Role::Label | Role::Button | Role::CheckBox | Role::RadioButton | Role::MenuItem
            )
        })
        .filter_map(|n| {
            let ak = n.accesskit_node();
            let words = ak.label().or_else(|| ak.value()).filter(|l| !l.trim().is_empty())?;
            Some((words, rect(&n)?))
        })
        .collect()
}

/// No text runs off the window, and no two texts are drawn over each other. With `behind`
/// (the texts before a menu or dialog opened), only what opened is checked: it covers what
/// is behind it by design.
fn assert_text_fits(h: &Harness<'static, Editor>, screen: &str, behind: &[(String, egui::Rect)]) {
    let window = egui::Rect::from_min_size(egui::Pos2::ZERO, Vec2::new(1280.0, 800.0));
    let all: Vec<_> = texts(h).into_iter().filter(|t| !behind.contains(t)).collect();
    assert!(all.len() > 2, "{screen}: found only {} texts", all.len());
    let mut bad = Vec::new();
    for (i, (a, ra)) in all.iter().enumerate() {
        // Texts inside scroll areas may be scrolled out of view: only what is on screen counts.
        if !ra.intersects(window) {
            continue;
        }
        if !window.expand(1.0).contains_rect(*ra) {
            bad.push(format!("{a:?} runs off the window ({ra:?})"));
        }
        for (b, rb) in &all[i + 1..] {
            let overlap = ra.intersect(*rb);
            // Touching or anti-aliasing slivers are not overlaps; a glyph's height is. A widget
            // inside another (a clip's trim handles) is a design, not an overlap.
            let nested = ra.contains_rect(*rb) || rb.contains_rect(*ra);
            if !nested && overlap.is_positive() && overlap.width() > 2.0 && overlap.height() > 4.0 {
                bad.push(format!("{a:?} ({ra:?}) is drawn over {b:?} ({rb:?})"));
            }
        }
    }
    assert!(bad.is_empty(), "{screen} in {:?}:\n{}", i18n::current(), bad.join("\n"));
}

#[test]
fn the_main_window_in_english_and_in_chinese() {
    let _turn = LANGUAGE.lock().unwrap_or_else(|e| e.into_inner());
    let mut results = egui_kittest::SnapshotResults::new();
    for (lang, name) in [(Lang::En, "main_window_en"), (Lang::Zh, "main_window_zh")] {
        i18n::set(lang);
        let editor = support::ui::editor(Arc::new(NativePicker::default()), demo());
        let mut h = harness(editor);
        settle(&mut h);
        assert_text_fits(&h, "the main window", &[]);
        h.snapshot(name);
        results.extend_harness(&mut h);
    }
    i18n::set(Lang::En);
    results.unwrap();
}

#[test]
fn menus_and_dialogs_fit_in_both_languages() {
    let _turn = LANGUAGE.lock().unwrap_or_else(|e| e.into_inner());
    for lang in Lang::ALL {
        i18n::set(lang);
        let editor = support::ui::editor(Arc::new(NativePicker::default()), demo());
        let mut h = harness(editor);
        settle(&mut h);
        let menus: Vec<String> = h
            .root()
            .children_recursive()
            .filter(|n| n.accesskit_node().role() == egui::accesskit::Role::Button)
            // The menus, at the top left (the Produce button is at the top right: not a menu).
            .filter(|n| rect(n).is_some_and(|r| r.max.y <= 32.0 && r.min.x < 600.0))
            .filter_map(|n| n.accesskit_node().label())
            .collect();
        assert!(menus.len() >= 5, "the menu bar: {menus:?}");
        let behind = texts(&h);
        for menu in &menus {
            h.get_by_label(menu).click();
            h.run_steps(2);
            assert_text_fits(&h, &format!("the {menu} menu"), &behind);
            h.key_press(egui::Key::Escape);
            h.run_steps(2);
        }
        // Dialogs: the settings and About, opened from their menus as a user does.
        for (menu, item) in [("shell-menu-file", "shell-menu-account"), ("shell-menu-help", "shell-about")] {
            h.get_by_label(&i18n::tr(menu)).click();
            h.run_steps(2);
            h.get_by_label_contains(&i18n::tr(item)).click();
            h.run_steps(3);
            assert_text_fits(&h, &i18n::tr(item), &behind);
            h.key_press(egui::Key::Escape);
            h.run_steps(2);
        }
    }
    i18n::set(Lang::En);
}

#[test]
fn the_source_viewer_fits_in_both_languages() {
    let _turn = LANGUAGE.lock().unwrap_or_else(|e| e.into_inner());
    for lang in Lang::ALL {
        i18n::set(lang);
        let doc = demo();
        let mut entry = doc.project().bin[0].clone();
        let editor = support::ui::editor(Arc::new(NativePicker::default()), doc);
        let mut h = harness(editor);
        settle(&mut h);
        // Marked, so every line under the picture has its longest words.
        h.state_mut().source.open(entry.clone());
        let fr = h.state().doc.project().frame_rate;
        for c in [vodcut::ui::commands::Command::MarkIn, vodcut::ui::commands::Command::MarkOut] {
            h.state_mut().source.run(c, fr, 0.0);
        }
        h.run_steps(3);
        assert_text_fits(&h, "the source viewer", &[]);
        // A long title too.
        entry.title = "A rather long title for a shot of the beach at dawn".into();
        let entry_title = entry.title.clone();
        h.state_mut().source.open(entry);
        h.run_steps(3);
        assert!(texts(&h).iter().any(|(t, _)| t.starts_with(&entry_title)), "the caption is seen");
        assert_text_fits(&h, "the source viewer with a long title", &[]);
    }
    i18n::set(Lang::En);
}

#[test]
fn the_welcome_screen_fits_in_both_languages() {
    let _turn = LANGUAGE.lock().unwrap_or_else(|e| e.into_inner());
    for lang in Lang::ALL {
        i18n::set(lang);
        let editor = support::ui::editor(Arc::new(NativePicker::default()), Document::default());
        let mut h = harness(editor);
        h.run_steps(4);
        // The welcome box is a modal over the window: only what it shows is checked.
        let behind = texts(&h);
        h.state_mut().welcome = true;
        h.run_steps(4);
        assert!(h.query_by_label_contains(&i18n::tr("shell-menu-file")).is_some());
        assert_text_fits(&h, "the welcome screen", &behind);
    }
    i18n::set(Lang::En);
}
