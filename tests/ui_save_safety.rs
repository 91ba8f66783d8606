//! The editor's Open and Save go through the same store code as the command line: a project
//! opened through a symlink is saved through it, its mode and unknown fields are kept, and a
//! read-only file is refused with the reason while the work stays in the editor.

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::os::unix::fs::PermissionsExt;
use std::sync::Arc;
use vodcut::ui::Editor;

mod support;
use support::ui::{FakePicker, run_until};

fn menu(h: &mut Harness<'static, Editor>, item: &str) {
    h.get_by_label("File").click();
    h.run_steps(2);
    h.get_by_label(item).click();
    h.run_steps(2);
}

fn open_and_retitle(path: &std::path::Path, title: &str) -> Harness<'static, Editor> {
    let picker = Arc::new(FakePicker::default());
    *picker.open.lock().unwrap() = Some(path.to_owned());
    let editor = support::ui::editor(picker, vodcut::edit::document::Document::default());
    let mut h = support::ui::harness(editor, egui::Vec2::new(1280.0, 800.0));
    h.run();
    menu(&mut h, "Open… Ctrl+O");
    run_until(&mut h, "the open", |e| e.doc.path.is_some());
    h.get_by_label("Project title").click();
    h.run();
    h.get_by_label("Project title").type_text(title);
    h.run();
    menu(&mut h, "Save Ctrl+S");
    h
}

const FILE: &str = r#"{"FormatVersion":1,"Title":"","Tracks":[{"Kind":"Video","Name":"V1","Color":"teal","Clips":[{"MediaId":"m","Out":2,"Big":12345678901234567890123}]}],"Grading":{"Gamma":1e2}}"#;

#[test]
fn ctrl_s_saves_through_a_symlink_keeping_mode_and_unknown_fields() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("store")).unwrap();
    let real = dir.path().join("store/film.vodcut");
    std::fs::write(&real, FILE).unwrap();
    std::fs::set_permissions(&real, std::fs::Permissions::from_mode(0o600)).unwrap();
    let link = dir.path().join("film.vodcut");
    std::os::unix::fs::symlink("store/film.vodcut", &link).unwrap();
    let mut h = open_and_retitle(&link, "through the link");
    run_until(&mut h, "the save", |e| !e.is_dirty());
    assert!(std::fs::symlink_metadata(&link).unwrap().file_type().is_symlink(), "the link is still a link");
    let saved = std::fs::read_to_string(&real).unwrap();
    assert!(saved.contains("through the link"), "{saved}");
    assert!(saved.contains("\"Color\": \"teal\"") && saved.contains("\"Gamma\":1e2"), "{saved}");
    assert!(saved.contains("\"Big\": 12345678901234567890123"), "{saved}");
    assert_eq!(std::fs::metadata(&real).unwrap().permissions().mode() & 0o777, 0o600);
    assert_eq!(std::fs::read_to_string(dir.path().join("store/film.vodcut.bak")).unwrap(), FILE);
}

#[test]
fn a_read_only_project_is_not_replaced_and_the_work_stays() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("locked.vodcut");
    std::fs::write(&path, FILE).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).unwrap();
    let mut h = open_and_retitle(&path, "precious edit");
    run_until(&mut h, "the refused save", |e| e.error.is_some());
    let msg = h.state().error.clone().unwrap();
    assert!(msg.contains("locked.vodcut") && msg.contains("read-only"), "{msg}");
    assert!(h.state().is_dirty());
    assert_eq!(h.state().doc.project().title, "precious edit");
    assert!(h.query_by_label("Something went wrong").is_some());
    assert_eq!(std::fs::read_to_string(&path).unwrap(), FILE);
}
