//! Never losing work: autosave to the recovery folder, and the offer to restore it at start.

mod support;

use egui_kittest::kittest::Queryable;
use std::sync::Arc;
use support::ui::{FakePicker, harness, run_until};
use vodcut::edit::document::Document;
use vodcut::model::Project;
use vodcut::store::project_file;
use vodcut::store::recovery::Recovery;
use vodcut::ui::Editor;

fn editor_in(data: &std::path::Path, picker: Arc<FakePicker>, doc: Document) -> Editor {
    let mut cloud = support::ui::cloud(Default::default());
    std::sync::Arc::make_mut(&mut cloud.env).data_dir = Some(data.to_owned());
    Editor::with_cloud(picker, doc, cloud)
}

fn size() -> egui::Vec2 {
    egui::Vec2::new(1280.0, 800.0)
}

#[test]
fn a_dirty_document_is_autosaved_and_the_copy_goes_once_saved() {
    let data = tempfile::tempdir().unwrap();
    let work = tempfile::tempdir().unwrap();
    let path = work.path().join("trip.vodcut");
    project_file::save(&path, &Project::new_empty()).unwrap();
    let picker = Arc::new(FakePicker::default());
    let mut e = editor_in(data.path(), picker, Document::new(Project::new_empty(), Some(path.clone()), false));
    e.autosave_every = 0.0;
    let mut h = harness(e, size());
    h.run();
    h.get_by_label("Project title").click();
    h.get_by_label("Project title").type_text("not yet saved");
    h.run();
    let rec = Recovery::new(data.path());
    let file = rec.file_for(Some(&path), "");
    run_until(&mut h, "the autosave", |_| file.exists());
    let copy: serde_json::Value = serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
    assert_eq!(copy["Project"]["Title"], "not yet saved");
    assert_eq!(project_file::open(&path).unwrap().project.title, "", "the user's file is untouched");
    // Ctrl+S: saved for real, and the recovery copy is gone.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    run_until(&mut h, "the save", |e| !e.is_dirty());
    run_until(&mut h, "the copy to go", |_| !file.exists());
    assert_eq!(project_file::open(&path).unwrap().project.title, "not yet saved");
}

#[test]
fn unsaved_work_left_by_a_crash_is_offered_and_restored() {
    let data = tempfile::tempdir().unwrap();
    let work = tempfile::tempdir().unwrap();
    let path = work.path().join("film.vodcut");
    let mut saved = Project::new_empty();
    saved.title = "as saved".into();
    project_file::save(&path, &saved).unwrap();
    // What a crashed session left behind.
    let mut lost = saved.clone();
    lost.title = "edited after the save".into();
    let rec = Recovery::new(data.path());
    rec.write(&rec.file_for(Some(&path), ""), Some(&path), &lost).unwrap();
    // And something broken, which must not stop anything.
    std::fs::write(rec.dir().join("damaged.json"), "{\"Original\":").unwrap();

    let mut h = harness(editor_in(data.path(), Arc::new(FakePicker::default()), Document::default()), size());
    run_until(&mut h, "the recovery scan", |e| !e.recovery_offer.is_empty());
    assert!(
        h.query_all_by_value("Recover unsaved work").next().is_some()
            || h.query_by_label("Recover unsaved work").is_some()
    );
    assert_eq!(h.state().recovery_offer.len(), 2);
    // The editor still works underneath: typing goes in.
    h.get_by_label("Project title").click();
    h.get_by_label("Project title").type_text("x");
    h.run();
    assert_eq!(h.state().doc.project().title, "x");
    // Restore (after discarding the scratch edit).
    h.get_by_label("Restore").click();
    h.run_steps(3);
    h.get_by_label("Discard").click();
    h.run_steps(3);
    let e = h.state();
    assert_eq!(e.doc.project().title, "edited after the save");
    assert_eq!(e.doc.path.as_deref(), Some(path.as_path()), "it belongs to its file again");
    assert!(e.is_dirty(), "restored work is unsaved until saved");
    assert_eq!(e.recovery_offer.len(), 1, "the damaged one is still listed, with Delete");
    h.get_by_label("Delete").click();
    h.run_steps(3);
    assert!(h.state().recovery_offer.is_empty());
}

#[test]
fn later_keeps_the_files_for_the_next_start() {
    let data = tempfile::tempdir().unwrap();
    let rec = Recovery::new(data.path());
    let mut p = Project::new_empty();
    p.title = "never saved".into();
    let file = rec.file_for(None, "abc");
    rec.write(&file, None, &p).unwrap();
    let mut h = harness(editor_in(data.path(), Arc::new(FakePicker::default()), Document::default()), size());
    run_until(&mut h, "the recovery scan", |e| !e.recovery_offer.is_empty());
    h.get_by_label("Later").click();
    h.run_steps(3);
    assert!(h.state().recovery_offer.is_empty());
    assert!(file.exists());
}

#[test]
fn restoring_over_the_welcome_screen_closes_it_and_says_what_came_back() {
    let data = tempfile::tempdir().unwrap();
    let rec = Recovery::new(data.path());
    let mut p = vodcut::model::export::import_timeline_str(
        r#"{"VideoTracks":[{"VideoTrackClips":[{"MediaId":"a","In":0,"Out":4},{"MediaId":"b","In":0,"Out":3}]}]}"#,
    )
    .unwrap();
    p.title = "Lost cut".into();
    rec.write(&rec.file_for(None, "abc"), None, &p).unwrap();
    // A window opened without a project: the welcome box, and the offer over it.
    let mut e = editor_in(data.path(), Arc::new(FakePicker::default()), Document::default());
    e.welcome = true;
    let mut h = harness(e, size());
    run_until(&mut h, "the recovery scan", |e| !e.recovery_offer.is_empty());
    h.get_by_label("Restore").click();
    h.run_steps(3);
    let e = h.state();
    assert_eq!(e.doc.project().title, "Lost cut");
    assert!(!e.welcome, "the welcome box closed: the work is here");
    assert!(e.status.contains("Restored unsaved work: \"Lost cut\", 2 clips"), "{}", e.status);
    // Esc (which starts a new project on the welcome screen) no longer says "New project".
    h.key_press(egui::Key::Escape);
    h.run_steps(2);
    assert!(!h.state().status.starts_with("New project"), "{}", h.state().status);
    assert_eq!(h.state().doc.project().title, "Lost cut");
}
