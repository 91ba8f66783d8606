//! The editor shell driven through egui_kittest as a user would: typing, menus, the
//! save-changes prompt, opening good and bad files.

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::path::PathBuf;
use std::sync::Arc;
use vodcut::ui::Editor;

mod support;
use support::ui::{FakePicker, run_until};

fn harness(picker: Arc<FakePicker>) -> Harness<'static, Editor> {
    support::ui::harness(
        support::ui::editor(picker, vodcut::edit::document::Document::default()),
        egui::Vec2::new(1280.0, 800.0),
    )
}

fn menu(h: &mut Harness<'static, Editor>, item: &str) {
    h.get_by_label("File").click();
    h.run_steps(2);
    h.get_by_label(item).click();
    h.run_steps(2);
}

#[test]
fn typing_marks_dirty_and_save_clears_it() {
    let dir = tempfile::tempdir().unwrap();
    let picker = Arc::new(FakePicker::default());
    *picker.save.lock().unwrap() = Some(dir.path().join("trip.vodcut"));
    let mut h = harness(picker.clone());
    h.run();
    assert_eq!(h.state().title(), "Untitled — vodcut");
    h.get_by_label("Project title").click();
    h.run();
    h.get_by_label("Project title").type_text("夏天 trip");
    h.run();
    assert_eq!(h.state().title(), "*夏天 trip — vodcut");

    menu(&mut h, "Save Ctrl+S");
    run_until(&mut h, "the save", |e| !e.is_dirty());
    assert_eq!(h.state().title(), "夏天 trip — trip.vodcut — vodcut");
    let saved = vodcut::store::project_file::open(&dir.path().join("trip.vodcut")).unwrap();
    assert_eq!(saved.project.title, "夏天 trip");
}

#[test]
fn new_with_unsaved_changes_asks_first() {
    let picker = Arc::new(FakePicker::default());
    let mut h = harness(picker);
    h.run();
    h.get_by_label("Project title").click();
    h.get_by_label("Project title").type_text("precious");
    h.run();
    menu(&mut h, "New Ctrl+N");
    assert!(h.query_by_label("Save changes?").is_some(), "the prompt shows");
    h.get_by_label("Cancel").click();
    h.run();
    assert!(h.query_by_label("Save changes?").is_none());
    assert_eq!(h.state().doc.project().title, "precious", "cancel keeps the work");

    menu(&mut h, "New Ctrl+N");
    h.get_by_label("Discard").click();
    h.run();
    assert_eq!(h.state().doc.project().title, "");
    assert!(!h.state().is_dirty());
}

#[test]
fn save_from_the_prompt_then_continues() {
    let dir = tempfile::tempdir().unwrap();
    let picker = Arc::new(FakePicker::default());
    *picker.save.lock().unwrap() = Some(dir.path().join("keep.vodcut"));
    let mut h = harness(picker);
    h.run();
    h.get_by_label("Project title").click();
    h.get_by_label("Project title").type_text("keep me");
    h.run();
    menu(&mut h, "New Ctrl+N");
    h.get_by_label("Save").click();
    h.run();
    run_until(&mut h, "save then new", |e| e.doc.project().title.is_empty() && !e.is_busy());
    assert_eq!(vodcut::store::project_file::open(&dir.path().join("keep.vodcut")).unwrap().project.title, "keep me");
}

#[test]
fn a_failed_save_keeps_the_work_and_says_why() {
    let dir = tempfile::tempdir().unwrap();
    let picker = Arc::new(FakePicker::default());
    *picker.save.lock().unwrap() = Some(dir.path().join("no/such/folder/x.vodcut"));
    let mut h = harness(picker);
    h.run();
    h.get_by_label("Project title").click();
    h.get_by_label("Project title").type_text("unsaved");
    h.run();
    menu(&mut h, "Save Ctrl+S");
    run_until(&mut h, "the failed save", |e| e.error.is_some());
    assert!(h.state().error.as_deref().unwrap().contains("x.vodcut"));
    assert!(h.state().is_dirty());
    assert_eq!(h.state().doc.project().title, "unsaved");
    assert!(h.query_by_label("Something went wrong").is_some());
}

#[test]
fn opening_a_bad_file_reports_it_and_keeps_the_document() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("broken.vodcut");
    std::fs::write(&bad, "{\"FormatVersion\":1,\"Tracks\":[{").unwrap();
    let picker = Arc::new(FakePicker::default());
    *picker.open.lock().unwrap() = Some(bad);
    let mut h = harness(picker);
    h.run();
    menu(&mut h, "Open… Ctrl+O");
    run_until(&mut h, "the open error", |e| e.error.is_some());
    let msg = h.state().error.clone().unwrap();
    assert!(msg.contains("broken.vodcut") && msg.contains("cut short"), "{msg}");
    assert_eq!(h.state().doc.project().tracks.len(), 3, "the empty project (I1, V1, A1) is still there");
}

#[test]
fn opening_a_bare_timeline_imports_it_unsaved() {
    let sample = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("assets/samples/timelines/subtitle-track.json");
    let picker = Arc::new(FakePicker::default());
    *picker.open.lock().unwrap() = Some(sample);
    let mut h = harness(picker);
    h.run();
    menu(&mut h, "Open… Ctrl+O");
    run_until(&mut h, "the import", |e| e.doc.project().clip_count() == 3);
    assert!(h.state().doc.path.is_none(), "Save must ask for a new .vodcut file");
    assert!(h.state().is_dirty());
    assert!(h.state().status.contains("Imported"));
}

#[test]
fn a_project_opened_after_the_first_frame_shows_its_clips_and_problems() {
    // The empty new project and the opened one both have four tracks: caches keyed on the
    // document must not mistake one for the other.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("four.vodcut");
    let mut p = vodcut::model::Project::new_empty();
    let v = p.tracks.iter().position(|t| t.kind == vodcut::model::TrackKind::Video).unwrap();
    p.tracks[v].clips.push(vodcut::model::wire::Clip {
        media_id: Some("m1".into()),
        out: Some(vodcut::model::Time::from_secs(3)),
        ..Default::default()
    });
    vodcut::store::project_file::save(&path, &p).unwrap();
    let picker = Arc::new(FakePicker::default());
    *picker.open.lock().unwrap() = Some(path);
    let mut h = harness(picker);
    h.run();
    h.get_by_label_contains("Problems (").click();
    h.run();
    // The empty new project shows a calm hint, not the "nothing to produce" error.
    const HINT: &str = "Drag media onto a track to begin: from the Library or the Bin on the left";
    assert!(h.query_by_label(HINT).is_some(), "the empty project's hint shows first");
    menu(&mut h, "Open… Ctrl+O");
    run_until(&mut h, "the open", |e| e.doc.project().clip_count() == 1);
    h.run();
    assert!(h.query_by_label("Clip m1 on V1 at 00:00:00:00").is_some(), "the clip is drawn");
    assert!(h.query_by_label(HINT).is_none(), "problems are the new project's");
    assert!(
        h.query_all_by(|n| n.value().is_some_and(|v| v.contains("hexadecimal"))).next().is_some(),
        "the opened project's own problem (a short MediaId) shows"
    );
}

#[test]
fn open_and_save_by_typed_path_without_a_file_dialog() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("typed.vodcut");
    let mut p = vodcut::model::Project::new_empty();
    p.title = "typed path".into();
    vodcut::store::project_file::save(&src, &p).unwrap();
    let mut h = harness(Arc::new(FakePicker::default()));
    h.run();
    h.get_by_label("File").click();
    h.run_steps(2);
    h.get_by_label("Open path…").click();
    h.run_steps(2);
    h.get_by_label("Path").type_text(src.to_str().unwrap());
    h.run();
    h.get_by_label("Open").click();
    run_until(&mut h, "the open", |e| e.doc.project().title == "typed path");
    assert_eq!(h.state().doc.path.as_deref(), Some(src.as_path()));
    // Save elsewhere, typing a name without the extension.
    h.get_by_label("File").click();
    h.run_steps(2);
    h.get_by_label("Save to path…").click();
    h.run_steps(2);
    let target = dir.path().join("copy");
    // The prefilled current path is selected: typing replaces it.
    h.get_by_label("Path").type_text(target.to_str().unwrap());
    h.run();
    h.get_by_label("Save").click();
    run_until(&mut h, "the save", |e| e.doc.path.as_deref() == Some(dir.path().join("copy.vodcut").as_path()));
    assert_eq!(vodcut::store::project_file::open(&dir.path().join("copy.vodcut")).unwrap().project.title, "typed path");
}
