//! The open project's file changed on disk (`vodcut submit` saved a ProjectId into it while
//! the editor had it open): Ctrl+S, and the window coming back to the front, ask before
//! anything is overwritten (reload, keep mine, save as), and nothing is written until the
//! user chooses.

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;
use vodcut::store::project_file;
use vodcut::ui::Editor;

mod support;
use support::ui::{FakePicker, run_until};

const FILE: &str =
    r#"{"FormatVersion":1,"Title":"Film","Tracks":[{"Kind":"Video","Name":"V1","Clips":[{"MediaId":"m","Out":2}]}]}"#;
const PROJECT_ID: &str = "9b1c7f0e2d3a4b5c6d7e8f9012345678";

fn menu(h: &mut Harness<'static, Editor>, item: &str) {
    h.get_by_label("File").click();
    h.run_steps(2);
    h.get_by_label(item).click();
    h.run_steps(2);
}

/// A folder with the project, and the editor with it open.
fn open(picker: Arc<FakePicker>) -> (tempfile::TempDir, PathBuf, Harness<'static, Editor>) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("film.vodcut");
    std::fs::write(&path, FILE).unwrap();
    *picker.open.lock().unwrap() = Some(path.clone());
    let editor = support::ui::editor(picker, vodcut::edit::document::Document::default());
    let mut h = support::ui::harness(editor, egui::Vec2::new(1280.0, 800.0));
    h.run();
    menu(&mut h, "Open… Ctrl+O");
    run_until(&mut h, "the open", |e| e.doc.path.is_some());
    (dir, path, h)
}

fn retitle(h: &mut Harness<'static, Editor>, title: &str) {
    h.get_by_label("Project title").click();
    h.run();
    h.get_by_label("Project title").type_text(title);
    h.run();
    assert!(h.state().is_dirty());
}

/// What `vodcut submit` does after a production: reads the file, links it to the cloud
/// project, saves it (the same store code).
fn submit_links(path: &Path) {
    let mut p = project_file::open(path).unwrap().project;
    p.project_id = Some(PROJECT_ID.into());
    project_file::save(path, &p).unwrap();
}

fn on_disk(path: &Path) -> vodcut::model::Project {
    project_file::open(path).unwrap().project
}

/// Ctrl+S on the changed file: the question, and the file as `submit` left it.
fn ctrl_s_asks(h: &mut Harness<'static, Editor>, path: &Path) {
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    run_until(h, "the question", |e| e.disk_conflict.is_some());
    assert!(h.query_by_label("Changed on disk").is_some());
    // Nothing is written while the question is open.
    for _ in 0..10 {
        std::thread::sleep(Duration::from_millis(20));
        h.step();
    }
    let disk = on_disk(path);
    assert_eq!(disk.project_id.as_deref(), Some(PROJECT_ID), "submit's ProjectId is still there");
    assert_eq!(disk.title, "Film");
    assert!(h.state().is_dirty());
    assert!(h.state().status.contains("Not saved"), "{}", h.state().status);
}

#[test]
fn ctrl_s_over_a_file_submit_changed_asks_and_keep_mine_overwrites_with_a_backup() {
    let (dir, path, mut h) = open(Arc::new(FakePicker::default()));
    retitle(&mut h, "mine");
    submit_links(&path);
    ctrl_s_asks(&mut h, &path);
    h.get_by_label("Keep mine (overwrite)").click();
    run_until(&mut h, "the save", |e| !e.is_dirty());
    let disk = on_disk(&path);
    assert_eq!((disk.title.as_str(), disk.project_id.as_deref()), ("Filmmine", None), "the user's word");
    let bak = project_file::open(&dir.path().join("film.vodcut.bak")).unwrap().project;
    assert_eq!(bak.project_id.as_deref(), Some(PROJECT_ID), "the replaced version is kept");
    // Saved by us: the next Ctrl+S does not ask.
    retitle(&mut h, "2");
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    run_until(&mut h, "the second save", |e| !e.is_dirty() && !e.is_busy());
    assert!(h.state().disk_conflict.is_none());
    assert_eq!(on_disk(&path).title, "Filmmine2");
}

#[test]
fn reload_takes_the_file_as_it_is_now() {
    let (_dir, path, mut h) = open(Arc::new(FakePicker::default()));
    retitle(&mut h, "mine");
    submit_links(&path);
    ctrl_s_asks(&mut h, &path);
    h.get_by_label("Reload (discard my changes)").click();
    run_until(&mut h, "the reload", |e| e.doc.project().project_id.is_some());
    assert!(!h.state().is_dirty());
    assert_eq!(h.state().doc.project().title, "Film");
    assert_eq!(on_disk(&path).project_id.as_deref(), Some(PROJECT_ID));
}

#[test]
fn save_as_leaves_the_changed_file_alone() {
    let picker = Arc::new(FakePicker::default());
    let (dir, path, mut h) = open(picker.clone());
    let other = dir.path().join("mine.vodcut");
    *picker.save.lock().unwrap() = Some(other.clone());
    retitle(&mut h, "mine");
    submit_links(&path);
    ctrl_s_asks(&mut h, &path);
    h.get_by_label("Save as another file…").click();
    run_until(&mut h, "the save as", |e| e.doc.path.as_deref() == Some(other.as_path()) && !e.is_dirty());
    assert_eq!(on_disk(&other).title, "Filmmine");
    assert_eq!(on_disk(&path).project_id.as_deref(), Some(PROJECT_ID), "untouched");
}

#[test]
fn coming_back_to_the_window_notices_a_change_and_not_our_own_save() {
    let (_dir, path, mut h) = open(Arc::new(FakePicker::default()));
    // Our own save, then the window comes back: nothing to ask.
    retitle(&mut h, "mine");
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    run_until(&mut h, "the save", |e| !e.is_dirty() && !e.is_busy());
    h.event(egui::Event::WindowFocused(true));
    h.step();
    run_until(&mut h, "the check", |e| !e.is_busy());
    assert!(h.state().disk_conflict.is_none(), "our own save is no change");
    // `cp -p`-style: the same size and time, other content.
    let before = std::fs::metadata(&path).unwrap().modified().unwrap();
    let text = std::fs::read_to_string(&path).unwrap().replace("Filmmine", "Filmtheir");
    std::fs::write(&path, text).unwrap();
    std::fs::File::options().write(true).open(&path).unwrap().set_modified(before).unwrap();
    h.event(egui::Event::WindowFocused(true));
    h.step();
    run_until(&mut h, "the question", |e| e.disk_conflict.is_some());
    assert!(!h.state().disk_conflict.as_ref().unwrap().saving);
    h.get_by_label("Reload from disk").click();
    run_until(&mut h, "the reload", |e| e.doc.project().title == "Filmtheir");
    assert!(!h.state().is_dirty());
}
