//! Render draft in the editor, driven as a user would: Timeline > Render draft renders in the
//! background with a progress window, the draft opens in the player (recorded here), a
//! second render (Ctrl+R) cancels the first, and without ffmpeg the item explains how to
//! install it.

mod support;

use egui::{Key, Modifiers, Vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use support::media_server::TestMedia;
use support::ui::{FakePicker, harness};
use support::vod_server::VodServer;
use vodcut::edit::document::Document;
use vodcut::model::export::import_timeline_str;
use vodcut::ui::Editor;

struct Setup {
    _server: VodServer,
    dir: tempfile::TempDir,
    opened: Arc<Mutex<Vec<PathBuf>>>,
}

fn editor(ffmpeg: &str, seconds: u32) -> (Setup, Harness<'static, Editor>) {
    let server = VodServer::start();
    server.add_test_video("vid", "Colour seconds");
    let cloud = support::ui::footage_cloud(server.url(), ffmpeg);
    let mut p = import_timeline_str(&format!(
        r#"{{"VideoTracks":[{{"VideoTrackClips":[{{"MediaId":"vid","In":0,"Out":{seconds}}}]}}]}}"#
    ))
    .unwrap();
    p.produce_config.width = Some(320);
    p.produce_config.height = Some(180);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("trip.vodcut");
    vodcut::store::project_file::save(&path, &p).unwrap();
    let mut e = Editor::with_cloud(Arc::new(FakePicker::default()), Document::new(p, Some(path), false), cloud);
    e.preview.cache_dir = Some(dir.path().join("cache"));
    let opened = Arc::new(Mutex::new(Vec::new()));
    let o = opened.clone();
    e.draft.opener = Arc::new(move |p: &Path, _: vodcut::ui::draft::OpenFailed| o.lock().unwrap().push(p.to_owned()));
    let h = harness(e, Vec2::new(1280.0, 800.0));
    (Setup { _server: server, dir, opened }, h)
}

fn wait(h: &mut Harness<'static, Editor>, what: &str, secs: u64, done: impl Fn(&Editor) -> bool) {
    let start = Instant::now();
    while !done(h.state()) {
        assert!(start.elapsed() < Duration::from_secs(secs), "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(10));
        h.step();
    }
    h.run_steps(2);
}

fn files(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> =
        std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    v.sort();
    v
}

fn menu_render(h: &mut Harness<'static, Editor>) {
    h.get_by_label("Timeline").click();
    h.run_steps(2);
    h.get_by_label("Render draft Ctrl+R").click();
    h.run_steps(2);
}

#[test]
fn render_draft_from_the_menu_runs_in_the_background_and_opens_the_result() {
    let (s, mut h) = editor("", 4);
    wait(&mut h, "the footage service", 20, |e| e.preview.footage().is_some());
    menu_render(&mut h);
    assert!(h.state().draft.is_running(), "the render started");
    assert!(h.query_by_label("Draft render").is_some() || h.query_by_value("Draft render").is_some());
    // Editing goes on meanwhile: the document takes an edit while the draft renders.
    h.key_press(Key::M);
    h.run_steps(2);
    assert_eq!(h.state().doc.project().markers.len(), 1, "a marker was added while rendering");
    wait(&mut h, "the draft", 60, |e| e.draft.outcome.is_some());
    let outcome = h.state().draft.outcome.clone().unwrap();
    let report = outcome.unwrap_or_else(|e| panic!("render failed: {e}"));
    let want = s.dir.path().join("trip.draft.mp4");
    assert_eq!(report.output, want);
    assert_eq!((report.size, report.frames), ((320, 180), 100));
    assert!(std::fs::metadata(&want).unwrap().len() > 1000);
    assert_eq!(*s.opened.lock().unwrap(), vec![want.clone()], "the draft opened in the player once");
    assert!(h.query_by_label_contains("Draft written to").is_some(), "the window says where the draft is");
    assert!(h.state().status.contains("Draft ready"), "{}", h.state().status);
}

#[test]
fn a_second_render_cancels_the_first() {
    let (s, mut h) = editor("", 20);
    wait(&mut h, "the footage service", 20, |e| e.preview.footage().is_some());
    h.key_press_modifiers(Modifiers::COMMAND, Key::R);
    h.run_steps(2);
    assert!(h.state().draft.is_running());
    std::thread::sleep(Duration::from_millis(300));
    h.key_press_modifiers(Modifiers::COMMAND, Key::R);
    h.run_steps(2);
    assert_eq!(h.state().draft.started, 2);
    // Cancel the second too, from the window's button: nothing is written at all.
    h.get_by_label("Cancel").click();
    wait(&mut h, "the cancel", 30, |e| e.draft.outcome.is_some());
    assert!(matches!(h.state().draft.outcome, Some(Err(vodcut::draft::DraftError::Cancelled))));
    let start = Instant::now();
    while files(s.dir.path()).iter().any(|f| f.contains("vodcut-part")) {
        assert!(start.elapsed() < Duration::from_secs(20), "temporary files stay: {:?}", files(s.dir.path()));
        std::thread::sleep(Duration::from_millis(50));
    }
    // Had the first render gone on, its draft would appear by now.
    std::thread::sleep(Duration::from_millis(1500));
    assert!(
        !files(s.dir.path()).iter().any(|f| f.ends_with(".mp4") || f.contains("vodcut-part")),
        "{:?}",
        files(s.dir.path())
    );
    assert!(s.opened.lock().unwrap().is_empty(), "nothing to open");
    assert!(h.query_by_label_contains("cancelled; nothing was written").is_some());
}

#[test]
fn without_ffmpeg_render_draft_says_how_to_install_it() {
    let (s, mut h) = editor("/nonexistent/ffmpeg", 4);
    wait(&mut h, "the footage service", 20, |e| e.preview.footage().is_some());
    menu_render(&mut h);
    let e = h.state().error.clone().expect("an explanation");
    assert!(e.contains("sudo apt install ffmpeg") && e.contains("brew install ffmpeg"), "{e}");
    assert!(!h.state().draft.is_running());
    assert_eq!(
        files(s.dir.path()),
        vec!["cache", "trip.vodcut"]
            .into_iter()
            .filter(|f| s.dir.path().join(f).exists())
            .map(String::from)
            .collect::<Vec<_>>()
    );
}

#[test]
fn file_export_renders_and_says_when_no_player_can_be_started() {
    let (s, mut h) = editor("", 2);
    // No player on this machine: the real opener, with a program that does not exist.
    h.state_mut().draft.opener = Arc::new(|p: &Path, failed: vodcut::ui::draft::OpenFailed| {
        vodcut::ui::draft::open_with(Path::new("/nonexistent/xdg-open"), p, failed)
    });
    wait(&mut h, "the footage service", 20, |e| e.preview.footage().is_some());
    // File > Export > Render draft, where a Premiere user looks.
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Export").click();
    h.run();
    h.get_by_label("Render draft Ctrl+R").click();
    h.run_steps(2);
    assert_eq!(h.state().draft.started, 1, "the menu item started a render");
    wait(&mut h, "the draft", 60, |e| e.draft.outcome.is_some());
    assert!(s.dir.path().join("trip.draft.mp4").exists());
    wait(&mut h, "the player's failure", 20, |e| e.draft.open_failed.lock().unwrap().is_some());
    assert!(h.query_by_label_contains("No player could be started").is_some(), "the window says so");
    // Open again says so again (not silence).
    *h.state().draft.open_failed.lock().unwrap() = None;
    h.run();
    assert!(h.query_by_label_contains("No player could be started").is_none());
    // The window (anchored at its bottom right) settles to its new size first.
    h.run_steps(5);
    h.get_by_label("Open again").click();
    wait(&mut h, "the player's failure", 20, |e| e.draft.open_failed.lock().unwrap().is_some());
    let said = h.state().draft.open_failed.lock().unwrap().clone().unwrap();
    assert!(said.contains("/nonexistent/xdg-open could not be started"), "{said}");
    assert!(h.query_by_label_contains("trip.draft.mp4: open it with a player of your choice").is_some());
}
