//! File > Import edit… and File > Export > OpenTimelineIO… in the editor, driven through
//! egui_kittest as a user clicks them: the dialog answered (off the UI thread), the edit
//! becomes an unsaved project, the report shown in a window; the export written and read back.

mod support;

use egui::Vec2;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use std::path::Path;
use std::sync::Arc;
use support::ui::{FakePicker, editor, harness, run_until};
use vodcut::edit::document::Document;
use vodcut::ui::Editor;

fn fixture(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/interchange").join(name)
}

/// The editor on `doc`, File > Import edit… chosen with the dialog answering `edit`.
fn importing(edit: std::path::PathBuf, doc: Document) -> (Arc<FakePicker>, Harness<'static, Editor>) {
    let picker = Arc::new(FakePicker::default());
    *picker.edit.lock().unwrap() = Some(edit);
    let mut h = harness(editor(picker.clone(), doc), Vec2::new(1400.0, 900.0));
    h.run();
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Import edit (OTIO, FCP XML, FCPXML, EDL)…").click();
    (picker, h)
}

#[test]
fn an_edit_imports_with_its_report_and_exports_back_to_otio() {
    let dir = tempfile::tempdir().unwrap();
    let (picker, mut h) = importing(fixture("tracks.xml"), Document::default());
    run_until(&mut h, "the import", |e| e.interchange_report.is_some());
    // The edit is the document now: its tracks, unsaved, with no file of its own.
    let e = h.state();
    assert_eq!(e.doc.project().clip_count(), 6, "{:?}", e.doc.project().tracks);
    assert_eq!(e.doc.path, None, "Save asks for a new file: the edit is never overwritten");
    assert!(e.is_dirty());
    assert_eq!(e.doc.project().markers.len(), 2);
    // The report, in its window: the summary, every source, what was not carried.
    assert!(h.query_by_label("Import report").is_some());
    assert!(h.query_by_label_contains("tracks.xml: 6 clips placed; 6 sources without a MediaId").is_some());
    assert!(h.query_by_label_contains("/media/day1/opening.mov: no media found").is_some());

    // The report's Apply a media map…: the sources get their MediaIds from a file,MediaId CSV.
    let map = dir.path().join("map.csv");
    let names = ["opening.mov", "street.mov", "square.mov", "title card.mov", "music.wav", "voice.wav"];
    let rows: String = names.iter().enumerate().map(|(i, n)| format!("{n},{:032x}\n", i + 1)).collect();
    std::fs::write(&map, format!("file,MediaId\n{rows}")).unwrap();
    *picker.map.lock().unwrap() = Some(map);
    h.get_by_label("Apply a media map…").click();
    run_until(&mut h, "the map", |e| {
        e.doc.project().tracks.iter().all(|t| t.clips.iter().all(|c| c.media_id.is_some()))
    });
    assert!(h.query_by_label_contains("tracks.xml: 6 clips placed; every source has its MediaId").is_some());
    assert!(
        h.query_by_label_contains(
            "/media/day1/opening.mov -> 00000000000000000000000000000001 (from the map; one clip)"
        )
        .is_some()
    );
    assert!(h.query_by_label("Apply a media map…").is_none(), "nothing left to map");
    h.get_by_label("Close").click();
    h.run();
    assert!(h.state().interchange_report.is_none());
    assert!(h.query_by_label("Import report").is_none());
    let out = dir.path().join("back.otio");
    *picker.otio.lock().unwrap() = Some(out.clone());
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Export").click();
    h.run();
    h.get_by_label("OpenTimelineIO (.otio)…").click();
    run_until(&mut h, "the export", |e| e.interchange_report.is_some());
    assert!(h.query_by_label("Export report").is_some());
    assert!(h.query_by_label_contains("back.otio written").is_some());
    // Read back: the same clips, the same media, at the same places.
    let seq = vodcut::interchange::read_file(&out, &Default::default()).unwrap();
    let res = vodcut::interchange::media::Resolution::new(&seq, None);
    let back = vodcut::interchange::report::finish(&seq, &res);
    assert_eq!(back.missing, 0, "{:?}", back.report);
    let clips = |p: &vodcut::model::Project| {
        p.tracks
            .iter()
            .flat_map(|t| t.clips.iter().map(|c| (c.media_id.clone(), c.timeline_in, c.r#in, c.out)))
            .collect::<Vec<_>>()
    };
    assert_eq!(clips(&back.project), clips(h.state().doc.project()));
}

/// A map is for the import as it was made: once the project is edited, the button is off
/// (importing again is how to apply one).
#[test]
fn a_map_is_not_applied_over_later_edits() {
    let (_picker, mut h) = importing(fixture("sample.otio"), Document::default());
    run_until(&mut h, "the import", |e| e.interchange_report.is_some());
    assert!(!h.get_by_label("Apply a media map…").accesskit_node().is_disabled());
    // An edit (the project's title) after the import.
    let mut p = h.state().doc.project().clone();
    p.title = "retitled".into();
    h.state_mut().doc = Document::new(p, None, true);
    h.run();
    assert!(h.get_by_label("Apply a media map…").accesskit_node().is_disabled());
}

#[test]
fn an_unreadable_edit_is_said_and_the_document_kept() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("cut.edl");
    std::fs::write(&bad, "001  AX  V  C  00:00:00:00 00:00:01:99 00:00:00:00 00:00:01:00\n").unwrap();
    let doc = Document::new(vodcut::model::Project { title: "mine".into(), ..Default::default() }, None, false);
    let (_picker, mut h) = importing(bad, doc);
    run_until(&mut h, "the failure", |e| e.error.is_some());
    let error = h.state().error.clone().unwrap();
    assert!(error.contains("cut.edl") && error.contains("line 1"), "{error}");
    assert_eq!(h.state().doc.project().title, "mine");
}
