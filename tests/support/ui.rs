//! Helpers for driving the editor through egui_kittest.
#![allow(dead_code)]

use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use vodcut::ui::Editor;
use vodcut::ui::files::Picker;

/// Answers file dialogs with whatever the test put in.
#[derive(Default)]
pub struct FakePicker {
    pub open: Mutex<Option<PathBuf>>,
    pub save: Mutex<Option<PathBuf>>,
    /// File > Import edit…
    pub edit: Mutex<Option<PathBuf>>,
    /// File > Export > OpenTimelineIO…
    pub otio: Mutex<Option<PathBuf>>,
    /// The import report's Apply a media map…
    pub map: Mutex<Option<PathBuf>>,
}

impl Picker for FakePicker {
    fn pick_open(&self) -> Option<PathBuf> {
        self.open.lock().unwrap().clone()
    }
    fn pick_save(&self, _suggested: &str) -> Option<PathBuf> {
        self.save.lock().unwrap().clone()
    }
    fn pick_edit(&self) -> Option<PathBuf> {
        self.edit.lock().unwrap().clone()
    }
    fn pick_otio(&self, _suggested: &str) -> Option<PathBuf> {
        self.otio.lock().unwrap().clone()
    }
    fn pick_map(&self) -> Option<PathBuf> {
        self.map.lock().unwrap().clone()
    }
}

/// A desktop with no file dialog at all (no portal, no zenity): asking one is a test failure.
pub struct NoDialogs;

impl Picker for NoDialogs {
    fn pick_open(&self) -> Option<PathBuf> {
        panic!("no dialog can be shown here")
    }
    fn pick_save(&self, _: &str) -> Option<PathBuf> {
        panic!("no dialog can be shown here")
    }
    fn available(&self) -> bool {
        false
    }
}

/// An editor with a data folder of its own (job history, recovery, settings), so tests never
/// read or write the user's.
pub fn editor(picker: Arc<dyn Picker>, doc: vodcut::edit::document::Document) -> Editor {
    Editor::with_cloud(picker, doc, cloud(Default::default()))
}

/// An environment whose data folder is `data` (its cache beside it, in `data/cache`), sharing
/// nothing with the machine.
pub fn env_in(data: &std::path::Path) -> vodcut::core::Env {
    let mut env = vodcut::core::Env::isolated(data);
    env.data_dir = Some(data.to_owned());
    env
}

/// Cloud state with its own data and cache folders.
pub fn cloud(settings: vodcut::store::settings::Settings) -> vodcut::core::cloud::Cloud {
    let data = tempfile::tempdir().unwrap().keep();
    let mut c = vodcut::core::cloud::Cloud::new(env_in(&data), settings);
    c.thumbs = Some(vodcut::store::thumb_cache::ThumbCache::new(&data.join("cache"), 1 << 22));
    // Real pictures only where a test asks for them (tests/ui_frames.rs): other tests count
    // the requests their loopback server sees.
    c.footage = false;
    c
}

/// Cloud state signed in to the loopback server at `endpoint`, with real pictures (footage)
/// decoded by `ffmpeg` (a path, or "" for the one on PATH).
pub fn footage_cloud(endpoint: String, ffmpeg: &str) -> vodcut::core::cloud::Cloud {
    use vodcut::store::settings::{CredentialChoice, Settings};
    let settings =
        Settings { credentials: CredentialChoice::Session, endpoint, ffmpeg_path: ffmpeg.into(), ..Default::default() };
    let mut c = cloud(settings);
    c.footage = true;
    c.session =
        Some(vodcut::api::credentials::Credentials::session(super::vod_server::KEY_ID, super::vod_server::KEY_SECRET));
    c
}

/// A harness around `editor`, rendering Chinese like the app does.
pub fn harness(mut editor: Editor, size: egui::Vec2) -> Harness<'static, Editor> {
    // Playback in tests is silent (a test never plays through the machine's speakers); the
    // clock runs at the wall clock's pace as with no sound device.
    editor.sound = vodcut::sound::session::Session::new(Arc::new(vodcut::sound::out::Silent));
    Harness::builder()
        .with_size(size)
        .with_max_steps(64)
        .with_context_setup(|ctx| ctx.add_font_provider(Arc::new(egui_system_font_provider::SystemFontProvider::new())))
        .build_ui_state(|ui, e: &mut Editor| e.ui(ui), editor)
}

/// Runs frames until `done` holds (background work finishes on other threads).
pub fn run_until(h: &mut Harness<'static, Editor>, what: &str, done: impl Fn(&Editor) -> bool) {
    let start = Instant::now();
    while !done(h.state()) {
        assert!(start.elapsed() < Duration::from_secs(15), "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(5));
        h.step();
    }
    h.run_steps(3);
}

/// A drag as a hand does it: press, move in steps, release.
pub fn drag(h: &mut Harness<'static, Editor>, from: egui::Pos2, to: egui::Pos2) {
    hold_drag(h, from, to);
    h.drop_at(to);
    h.run();
}

/// The first part of a drag: press at `from` and move to `to` in steps, still holding (what
/// a drag shows before release can be checked, then `drop_at` ends it).
pub fn hold_drag(h: &mut Harness<'static, Editor>, from: egui::Pos2, to: egui::Pos2) {
    h.hover_at(from);
    h.run();
    h.drag_at(from);
    h.run();
    for i in 1..=5 {
        h.hover_at(from + (to - from) * (i as f32 / 5.0));
        h.run();
    }
}

/// Presses and releases the primary button at `at` in one frame. (`Harness::event` runs a
/// frame per event, 0.25 s of simulated time each, which spreads two clicks past egui's 0.3 s
/// double-click window: two of these make a double-click.)
pub fn click_at(h: &mut Harness<'static, Editor>, at: egui::Pos2) {
    for pressed in [true, false] {
        h.input_mut().events.push(egui::Event::PointerButton {
            pos: at,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: egui::Modifiers::NONE,
        });
    }
    h.step();
}

/// An editor on `doc` signed in to the loopback server at `endpoint` with real pictures
/// (ffmpeg on PATH, or at `ffmpeg`), its frame cache in a folder of its own (kept as long as
/// the returned guard).
pub fn footage_editor(
    endpoint: String,
    ffmpeg: &str,
    doc: vodcut::edit::document::Document,
) -> (Editor, tempfile::TempDir) {
    let cache = tempfile::tempdir().unwrap();
    let mut e = Editor::with_cloud(Arc::new(FakePicker::default()), doc, footage_cloud(endpoint, ffmpeg));
    e.preview.cache_dir = Some(cache.path().to_owned());
    (e, cache)
}

/// Steps until the widget labelled `label` stays in place: the settings window is centred, and
/// it grows when its background look for credentials answers, moving what is in it. A click
/// aimed at the old place would miss.
pub fn hold_still(h: &mut Harness<'static, Editor>, label: &str) {
    let start = Instant::now();
    let mut last = None;
    loop {
        let now = h.get_by_label(label).accesskit_node().bounding_box();
        if now.is_some() && now == last {
            return;
        }
        assert!(start.elapsed() < Duration::from_secs(10), "{label} never held still");
        last = now;
        std::thread::sleep(Duration::from_millis(20));
        h.step();
    }
}

/// A file as the desktop hands it over when dropped on the window (egui-winit's NativeFile
/// does the same).
#[derive(Debug)]
pub struct Dropped(pub PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &std::path::Path {
        &self.0
    }
    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

/// Opens the File menu and chooses `item` (its label as shown: "Open… Ctrl+O").
pub fn file_menu(h: &mut Harness<'static, Editor>, item: &str) {
    h.get_by_label("File").click();
    h.run_steps(2);
    h.get_by_label(item).click();
    h.run_steps(2);
}

/// The program's picture of a `width`-pixel-wide output on screen, and its scale (screen
/// points per output pixel).
pub fn preview_picture(h: &Harness<'static, Editor>, width: f32) -> (egui::Rect, f32) {
    let r = h.get_by_label_contains("Output preview").rect();
    (r, r.width() / width)
}

/// The point on screen of output pixel (x, y) of a `width`-pixel-wide output.
pub fn preview_at(h: &Harness<'static, Editor>, width: f32, (x, y): (f32, f32)) -> egui::Pos2 {
    let (r, s) = preview_picture(h, width);
    r.min + egui::Vec2::new(x, y) * s
}

/// A harness on an editor with `project` (no files picked), `size` big, its first frame run.
pub fn project_harness(project: vodcut::model::Project, size: egui::Vec2) -> Harness<'static, Editor> {
    let doc = vodcut::edit::document::Document::new(project, None, false);
    let mut h = harness(editor(Arc::new(FakePicker::default()), doc), size);
    h.run();
    h
}
