//! The editor as a desktop citizen, driven as a user does: project files dropped on the
//! window open (after the unsaved-changes question), the in-app file browser navigates, saves
//! and opens, Open Recent survives a restart, keys are remembered in (a mock of) the system
//! keychain and read back at the next start, and About shows the folders.

use egui::{Key, Modifiers, Vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use vodcut::desktop::keychain::{KeyStore, MemoryKeyStore};
use vodcut::edit::document::Document;
use vodcut::model::Project;
use vodcut::model::export::import_timeline_str;
use vodcut::store::project_file;
use vodcut::store::settings::{CredentialChoice, Settings};
use vodcut::ui::Editor;
use vodcut::ui::commands::Command;

mod support;
use support::ui::run_until;

fn project(title: &str) -> Project {
    let mut p =
        import_timeline_str(r#"{"VideoTracks":[{"VideoTrackClips":[{"MediaId":"a","In":0,"Out":4}]}]}"#).unwrap();
    p.title = title.into();
    p
}

fn harness(editor: Editor) -> Harness<'static, Editor> {
    support::ui::harness(editor, Vec2::new(1400.0, 900.0))
}

/// A file as the desktop hands it over (egui-winit's NativeFile does the same).
#[derive(Debug)]
struct Dropped(PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &Path {
        &self.0
    }
    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

fn drop_files(h: &mut Harness<'static, Editor>, paths: &[PathBuf]) {
    h.hover_at(egui::pos2(700.0, 300.0));
    h.run();
    for p in paths {
        h.input_mut().dropped_files.push(Arc::new(Dropped(p.clone())));
    }
    h.run();
}

/// Clicks into a field (as a user does) and types.
fn type_into(h: &mut Harness<'static, Editor>, label: &str, text: &str) {
    h.get_by_label(label).focus();
    h.run();
    h.get_by_label(label).type_text(text);
    h.run();
}

/// The first frames: start-up work (job history, recovery scan) spins until done.
fn settle(h: &mut Harness<'static, Editor>) {
    run_until(h, "start-up", |e| !e.cloud.tasks.any_running());
}

fn key(h: &mut Harness<'static, Editor>, key: Key) {
    h.key_press(key);
    h.run();
}

#[test]
fn a_dropped_project_opens_after_the_unsaved_changes_question() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("dropped.vodcut");
    project_file::save(&file, &project("Dropped film")).unwrap();
    // Unsaved work in the window: dropping asks first.
    let editor =
        support::ui::editor(Arc::new(support::ui::FakePicker::default()), Document::new(project("Mine"), None, true));
    let mut h = harness(editor);
    settle(&mut h);
    drop_files(&mut h, std::slice::from_ref(&file));
    run_until(&mut h, "the question", |e| e.confirm_prompt().is_some());
    assert!(h.query_by_label_contains("has unsaved changes").is_some());
    assert_eq!(h.state().uploads.items.len(), 0, "a project file is not uploaded");
    h.get_by_label("Discard").click();
    run_until(&mut h, "the dropped project", |e| e.doc.path.as_deref() == Some(file.as_path()));
    assert_eq!(h.state().doc.project().title, "Dropped film");
    assert!(!h.state().is_dirty());

    // An API Timeline .json imports as a new, unsaved project (no question: nothing unsaved).
    let timeline = dir.path().join("timeline.json");
    std::fs::write(
        &timeline,
        r#"{"VideoTracks":[{"VideoTrackClips":[{"MediaId":"x","In":0,"Out":2},{"MediaId":"y","In":0,"Out":2}]}]}"#,
    )
    .unwrap();
    drop_files(&mut h, &[timeline]);
    run_until(&mut h, "the imported Timeline", |e| e.doc.path.is_none() && e.doc.project().clip_count() == 2);
    assert!(h.state().is_dirty(), "an import is unsaved, so Save asks for a .vodcut path");
}

fn browser_dir(e: &Editor) -> Option<PathBuf> {
    e.browser.as_ref().filter(|b| !b.loading()).map(|b| b.dir.clone())
}

#[test]
fn the_in_app_browser_navigates_saves_and_opens() {
    let dir = tempfile::tempdir().unwrap();
    let films = dir.path().join("films");
    std::fs::create_dir(&films).unwrap();
    std::fs::write(films.join("notes.txt"), "not a project").unwrap();
    std::fs::write(films.join("old.vodcut"), "{}").unwrap();
    let editor = support::ui::editor(Arc::new(support::ui::NoDialogs), Document::new(project("Browsed"), None, true));
    let mut h = harness(editor);
    settle(&mut h);
    h.state_mut().run(Command::SaveAs);
    run_until(&mut h, "the browser", |e| e.browser.is_some());
    assert!(h.query_all_by_label_contains("No file dialog on this desktop").next().is_some(), "it says why");
    assert!(h.query_by_label("Places").is_some());
    assert!(h.query_by_label_contains("🏠 Home").is_some(), "home is a place");

    // The path bar has the focus, its text selected: typing a folder and Enter goes there.
    type_into(&mut h, "Path", dir.path().to_str().unwrap());
    h.run();
    key(&mut h, Key::Enter);
    run_until(&mut h, "the folder", |e| browser_dir(e).as_deref() == Some(dir.path()));
    // Into a folder with a click.
    h.get_by_label("📁 films/").click();
    h.run();
    run_until(&mut h, "the subfolder", |e| browser_dir(e).as_deref() == Some(films.as_path()));
    assert!(h.query_by_label_contains("old.vodcut").is_some());
    assert!(h.query_by_label_contains("notes.txt").is_none(), "the type filter hides other files");
    // The name filter.
    type_into(&mut h, "Names containing", "zzz");
    h.run();
    assert!(h.query_by_label_contains("old.vodcut").is_none());
    assert!(h.query_by_label("Nothing here matches the filter").is_some());
    h.get_by_label("Names containing").focus();
    h.key_combination_modifiers(Modifiers::COMMAND, &[Key::A]);
    key(&mut h, Key::Backspace);
    // The type filter: all files.
    h.get_by_label("Show").click();
    h.run();
    h.get_by_label("All files").click();
    h.run();
    assert!(h.query_by_label_contains("notes.txt").is_some(), "all files are listed");

    // The file name: choosing an existing file names it, and says it would be replaced.
    h.get_by_label_contains("old.vodcut").click();
    h.run();
    assert!(h.query_by_label_contains("exists: saving replaces it").is_some());
    h.get_by_label("File name").focus();
    h.key_combination_modifiers(Modifiers::COMMAND, &[Key::A]);
    type_into(&mut h, "File name", "cut");
    h.run();
    h.get_by_label("Save").click();
    let saved = films.join("cut.vodcut");
    run_until(&mut h, "the save", |e| e.doc.path.as_deref() == Some(saved.as_path()) && !e.is_dirty());
    assert!(h.state().browser.is_none());
    assert_eq!(project_file::open(&saved).unwrap().project.title, "Browsed");

    // Open: the folder of the recent file is a place; pick the file and open it.
    let other = films.join("other.vodcut");
    project_file::save(&other, &project("Other film")).unwrap();
    h.state_mut().run(Command::Open);
    run_until(&mut h, "the browser", |e| browser_dir(e).is_some());
    h.get_by_label("🕘 films").click();
    h.run();
    run_until(&mut h, "the recent place", |e| browser_dir(e).as_deref() == Some(films.as_path()));
    h.get_by_label_contains("other.vodcut").click();
    h.run();
    h.get_by_label("Open").click();
    run_until(&mut h, "the opened file", |e| e.doc.path.as_deref() == Some(other.as_path()));
    assert_eq!(h.state().doc.project().title, "Other film");

    // Esc cancels.
    h.state_mut().run(Command::Open);
    run_until(&mut h, "the browser", |e| e.browser.is_some());
    key(&mut h, Key::Escape);
    run_until(&mut h, "closed", |e| e.browser.is_none());
}

#[test]
fn without_a_desktop_dialog_upload_uses_the_browser() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("clip.mp4"), vec![0u8; 1000]).unwrap();
    std::fs::write(dir.path().join("notes.txt"), "x").unwrap();
    let editor = support::ui::editor(Arc::new(support::ui::NoDialogs), Document::new(project("Up"), None, false));
    let mut h = harness(editor);
    settle(&mut h);
    // The picker says no dialog can be shown: Choose files… opens the typed-path browser.
    h.state_mut().uploads.window_open = true;
    h.run();
    h.get_by_label("Choose files…").click();
    run_until(&mut h, "the browser", |e| e.browser.is_some());
    type_into(&mut h, "Path", dir.path().to_str().unwrap());
    h.run();
    key(&mut h, Key::Enter);
    run_until(&mut h, "the folder", |e| browser_dir(e).as_deref() == Some(dir.path()));
    assert!(h.query_by_label_contains("notes.txt").is_none(), "only media are listed");
    h.get_by_label_contains("clip.mp4").click();
    h.run();
    h.get_by_label("Upload chosen").click();
    h.run();
    run_until(&mut h, "the upload queued", |e| e.browser.is_none() && !e.uploads.items.is_empty());
    assert_eq!(h.state().uploads.items[0].path, dir.path().join("clip.mp4"));
}

#[test]
fn open_recent_survives_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("recent.vodcut");
    project_file::save(&file, &project("Recent film")).unwrap();
    let cloud = support::ui::cloud(Settings::default());
    let data = cloud.data_dir().unwrap().to_owned();
    let editor = Editor::with_cloud(Arc::new(support::ui::FakePicker::default()), Document::default(), cloud);
    let mut h = harness(editor);
    settle(&mut h);
    h.state_mut().open_path(file.clone());
    run_until(&mut h, "the open", |e| e.doc.path.is_some());
    // The settings are written in the background: wait for the file to hold the path.
    let start = std::time::Instant::now();
    while !Settings::load(&data).0.recent.contains(&file) {
        assert!(start.elapsed().as_secs() < 10, "the recent list was not saved");
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    drop(h);

    // The next start reads the settings from the same data folder.
    let (settings, problem) = Settings::load(&data);
    assert!(problem.is_none());
    let mut cloud = support::ui::cloud(settings);
    std::sync::Arc::make_mut(&mut cloud.env).data_dir = Some(data);
    let editor = Editor::with_cloud(Arc::new(support::ui::FakePicker::default()), Document::default(), cloud);
    let mut h = harness(editor);
    // Start-up work (job history, recovery scan) shows a spinner until it is done.
    run_until(&mut h, "start-up", |e| !e.cloud.tasks.any_running());
    h.get_by_label("File").click();
    h.run_steps(2);
    h.get_by_label("Open Recent").hover();
    h.run_steps(3);
    h.get_by_label(file.display().to_string().as_str()).click();
    run_until(&mut h, "the recent file", |e| e.doc.path.as_deref() == Some(file.as_path()));
    assert_eq!(h.state().doc.project().title, "Recent film");
}

fn editor_with_keychain(store: Arc<MemoryKeyStore>, settings: Settings, data: Option<PathBuf>) -> Editor {
    let mut cloud = support::ui::cloud(settings);
    if let Some(d) = data {
        std::sync::Arc::make_mut(&mut cloud.env).data_dir = Some(d);
    }
    cloud.keychain = vodcut::core::keys::Keychain::with_store(store, cloud.executor().clone());
    Editor::with_cloud(Arc::new(support::ui::FakePicker::default()), Document::default(), cloud)
}

const KEY_ID: &str = "LTAI5tDesktopTest0001";
const SECRET: &str = "desktop-test-secret-value-1234";

/// In Account settings: types the keys, ticks "Remember in system keychain", clicks Use these.
fn type_keys_and_remember(h: &mut Harness<'static, Editor>) {
    settle(h);
    h.state_mut().cloud.settings_open = true;
    h.run_steps(2);
    type_into(h, "AccessKey ID", KEY_ID);
    type_into(h, "AccessKey secret", SECRET);
    h.get_by_label("Remember in system keychain").click();
    h.run();
    h.get_by_label("Use these").click();
}

#[test]
fn keys_remembered_in_the_keychain_come_back_at_the_next_start() {
    let store = Arc::new(MemoryKeyStore::default());
    let settings = Settings { credentials: CredentialChoice::Session, ..Default::default() };
    let mut h = harness(editor_with_keychain(store.clone(), settings, None));
    type_keys_and_remember(&mut h);
    run_until(&mut h, "the keychain", |e| e.cloud.keychain.busy == 0 && e.cloud.keychain.note.is_some());
    assert!(h.query_by_label("Remembered in the system keychain").is_some());
    let stored = store.load().unwrap().expect("stored");
    assert_eq!((stored.access_key_id.as_str(), stored.secret.expose()), (KEY_ID, SECRET));
    let data = h.state().cloud.data_dir().unwrap().to_owned();
    // Never in a file vodcut owns: not the settings, nothing in the data folder.
    let start = std::time::Instant::now();
    while !Settings::load(&data).0.remember_keys {
        assert!(start.elapsed().as_secs() < 10, "the setting was not saved");
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    for e in walk(&data) {
        let text = String::from_utf8_lossy(&std::fs::read(&e).unwrap()).into_owned();
        assert!(!text.contains(SECRET), "{} holds the secret", e.display());
    }
    drop(h);

    // The next start: the settings say "remember", the keys come from the keychain.
    let (settings, _) = Settings::load(&data);
    let mut h = harness(editor_with_keychain(store.clone(), settings, Some(data.clone())));
    run_until(&mut h, "the keys", |e| e.cloud.session.is_some());
    let c = h.state().cloud.session.clone().unwrap();
    assert_eq!((c.access_key_id.as_str(), c.secret.expose()), (KEY_ID, SECRET));

    // Unticking removes them from the keychain.
    h.state_mut().cloud.settings_open = true;
    h.run_steps(2);
    h.get_by_label("Remember in system keychain").click();
    run_until(&mut h, "the removal", |e| e.cloud.keychain.note.as_deref() == Some("Removed from the system keychain"));
    assert_eq!(store.load().unwrap(), None);
    assert!(h.query_by_label("Removed from the system keychain").is_some());
}

#[test]
fn without_a_keychain_service_the_keys_stay_for_the_session_and_it_says_so() {
    let store = Arc::new(MemoryKeyStore::unavailable());
    let settings = Settings { credentials: CredentialChoice::Session, ..Default::default() };
    let mut h = harness(editor_with_keychain(store, settings, None));
    type_keys_and_remember(&mut h);
    run_until(&mut h, "the keychain's answer", |e| e.cloud.keychain.busy == 0 && e.cloud.keychain.note.is_some());
    assert!(h.query_by_label_contains("kept for this session only").is_some());
    assert!(h.state().cloud.session.is_some(), "the keys work for this session");
    assert!(!h.state().cloud.settings.remember_keys, "the next start does not look for them");
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}

#[test]
fn about_shows_version_licence_and_folders() {
    let editor = support::ui::editor(Arc::new(support::ui::FakePicker::default()), Document::default());
    let data = editor.cloud.data_dir().unwrap().to_owned();
    let mut h = harness(editor);
    settle(&mut h);
    h.get_by_label("Help").click();
    h.run();
    h.get_by_label("About vodcut").click();
    h.run_steps(2);
    assert!(h.query_by_label(&format!("vodcut {}", env!("CARGO_PKG_VERSION"))).is_some());
    assert!(h.query_by_label_contains("MIT OR Apache-2.0").is_some());
    for p in [data.clone(), data.join("logs"), data.join("crashes")] {
        assert!(h.query_by_label(p.display().to_string().as_str()).is_some(), "{} not shown", p.display());
    }
    key(&mut h, Key::Escape);
    assert!(!h.state().about_open);
}
