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
use support::vod_server::{Fault, KEY_ID, KEY_SECRET, VodServer};
use vodcut::edit::document::Document;
use vodcut::interchange::Options;
use vodcut::model::time::FrameRate;
use vodcut::ui::Editor;

fn fixture(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/interchange").join(name)
}

/// The editor on `doc`, File > Import edit… chosen with the dialog answering `edit`: the
/// import's dialog is up.
fn choosing(edit: std::path::PathBuf, doc: Document) -> (Arc<FakePicker>, Harness<'static, Editor>) {
    let picker = Arc::new(FakePicker::default());
    let mut h = harness(editor(picker.clone(), doc), Vec2::new(1400.0, 900.0));
    open_import(&mut h, &picker, edit);
    (picker, h)
}

/// File > Import edit…, the dialog answering `edit`, until the import's dialog is up.
fn open_import(h: &mut Harness<'static, Editor>, picker: &FakePicker, edit: std::path::PathBuf) {
    *picker.edit.lock().unwrap() = Some(edit);
    h.run();
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Import edit (OTIO, FCP XML, FCPXML, EDL)…").click();
    run_until(h, "the import's dialog", |e| e.import_setup.is_some());
    h.run();
}

/// As [`choosing`], then Import pressed in the import's dialog.
fn importing(edit: std::path::PathBuf, doc: Document) -> (Arc<FakePicker>, Harness<'static, Editor>) {
    let (picker, mut h) = choosing(edit, doc);
    h.get_by_label("Import").click();
    h.run();
    (picker, h)
}

/// The dialog for media found nowhere: every source kept as missing.
fn keep_all_missing(h: &mut Harness<'static, Editor>) {
    run_until(h, "the media dialog", |e| e.unmatched.is_some());
    h.run();
    h.get_by_label("Continue").click();
    h.run();
    assert!(h.state().unmatched.is_none());
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

    // Media found nowhere (no map, no library here, files not on this machine): kept as missing.
    assert!(h.query_by_label("Media not found").is_some());
    assert!(h.query_by_label("/media/day1/opening.mov").is_some(), "the media dialog lists the file");
    keep_all_missing(&mut h);
    // Each clip waits for its file, named by it.
    let first = &h.state().doc.project().tracks[0].clips[0];
    assert_eq!(first.source_file().as_deref(), Some("/media/day1/opening.mov"));
    assert!(
        h.query_all_by_label_contains("opening.mov (no media yet)").next().is_some(),
        "the clip is named by its file"
    );

    // The report's Apply a media map…: the clips waiting for the files get their MediaIds.
    let map = dir.path().join("map.csv");
    let names = ["opening.mov", "street.mov", "square.mov", "title card.mov", "music.wav", "voice.wav"];
    let rows: String = names.iter().enumerate().map(|(i, n)| format!("{n},{:032x}\n", i + 1)).collect();
    std::fs::write(&map, format!("file,MediaId\n{rows}")).unwrap();
    *picker.map.lock().unwrap() = Some(map);
    h.get_by_label("Apply a media map…").click();
    run_until(&mut h, "the map", |e| {
        e.doc.project().tracks.iter().all(|t| t.clips.iter().all(|c| c.media_id.is_some()))
    });
    let report = &h.state().interchange_report.as_ref().unwrap().lines;
    assert!(report.last().unwrap().ends_with("map.csv: 6 clips placed (6 files)"), "{report:?}");
    assert!(h.query_all_by_label_contains("map.csv: 6 clips placed (6 files)").next().is_some());
    let first = &h.state().doc.project().tracks[0].clips[0];
    assert_eq!(first.media_id.as_deref(), Some("00000000000000000000000000000001"));
    assert_eq!(first.source_file(), None, "placed: it waits no more");
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

/// A map applied from the report places the clips still waiting for their files whatever was
/// edited since the import (the clips keep their files), in one undo step.
#[test]
fn a_map_places_waiting_clips_after_later_edits_in_one_undo_step() {
    let dir = tempfile::tempdir().unwrap();
    let (picker, mut h) = importing(fixture("sample.otio"), Document::default());
    run_until(&mut h, "the import", |e| e.interchange_report.is_some());
    keep_all_missing(&mut h);
    // An edit after the import: the last clip deleted.
    h.state_mut().doc.selection = vec![vodcut::edit::ops::ClipRef { track: 0, index: 3 }];
    h.key_press(egui::Key::Delete);
    h.run();
    assert_eq!(h.state().doc.project().tracks[0].clips.len(), 3);
    let map = dir.path().join("map.csv");
    std::fs::write(&map, "file,MediaId\nharbour.mov,5aed81b74ba84920be578cdfe004af4b\n").unwrap();
    *picker.map.lock().unwrap() = Some(map);
    h.get_by_label("Apply a media map…").click();
    run_until(&mut h, "the map", |e| e.doc.project().tracks[0].clips[0].media_id.is_some());
    let ids: Vec<_> = h.state().doc.project().tracks[0].clips.iter().map(|c| c.media_id.clone()).collect();
    assert_eq!(ids, vec![Some("5aed81b74ba84920be578cdfe004af4b".to_owned()), None, None]);
    let report = &h.state().interchange_report.as_ref().unwrap().lines;
    assert!(report.last().unwrap().ends_with("map.csv: one clip placed (one file)"), "{report:?}");
    assert!(h.state().doc.project().bin.iter().any(|b| b.title == "harbour.mov"));
    // One undo step takes the map back (clip and bin), the deletion stays.
    h.state_mut().doc.undo();
    let p = h.state().doc.project();
    assert_eq!(p.tracks[0].clips.len(), 3);
    assert!(p.tracks[0].clips.iter().all(|c| c.media_id.is_none() && c.source_file().is_some()));
    assert!(p.bin.is_empty());
}

/// An EDL states no frame rate: the import's dialog asks, the project's rate first; the
/// timecode is read at the rate chosen.
#[test]
fn an_edl_is_read_at_the_rate_chosen_in_the_dialog() {
    let doc = Document::new(vodcut::model::Project::default(), None, false);
    let (_picker, mut h) = choosing(fixture("sample.edl"), doc);
    assert!(h.query_by_label("Frame rate:").is_some());
    assert_eq!(h.state().import_setup.as_ref().unwrap().options().edl_rate, Some(FrameRate::FPS_25), "the project's");
    h.get_by_label("Frame rate:").click();
    h.run();
    for label in ["23.976", "24", "29.97 drop-frame", "29.97 non-drop-frame", "30", "50", "59.94", "60"] {
        assert!(h.query_by_label(label).is_some(), "{label} offered");
    }
    if let Some(shots) = std::env::var_os("VODCUT_UI_SHOTS") {
        h.render().unwrap().save(std::path::Path::new(&shots).join("import-edl-rate.png")).unwrap();
    }
    h.get_by_label("23.976").click();
    h.run();
    h.get_by_label("Import").click();
    run_until(&mut h, "the import", |e| e.interchange_report.is_some());
    let film = FrameRate { num: 24_000, den: 1001 };
    let options = Options { edl_rate: Some(film), ..Default::default() };
    let seq = vodcut::interchange::read_file(&fixture("sample.edl"), &options).unwrap();
    let want = vodcut::interchange::report::finish(&seq, &vodcut::interchange::media::Resolution::new(&seq, None));
    let p = h.state().doc.project();
    assert_eq!(p.frame_rate, film);
    assert_eq!(p.tracks, want.project.tracks);
    assert!(!h.state().interchange_report.as_ref().unwrap().lines.iter().any(|l| l.contains("does not state")));
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

/// The editor signed in to the loopback VOD and OSS service `server`.
fn signed_in(server: &VodServer) -> (Arc<FakePicker>, Harness<'static, Editor>) {
    let settings = vodcut::store::settings::Settings {
        credentials: vodcut::store::settings::CredentialChoice::Session,
        endpoint: server.url(),
        ..Default::default()
    };
    let mut cloud = support::ui::cloud(settings);
    cloud.session = Some(vodcut::api::credentials::Credentials::session(KEY_ID, KEY_SECRET));
    let picker = Arc::new(FakePicker::default());
    let e = Editor::with_cloud(picker.clone(), Document::default(), cloud);
    (picker, harness(e, Vec2::new(1400.0, 900.0)))
}

/// Against the loopback VOD and OSS service: the map chosen in the import's dialog names one
/// source, the library (searched off the UI thread) has another by its file name, and the one
/// found nowhere is uploaded from the media dialog and its clip placed when VOD gives its
/// MediaId, as one undo step; the report says what became of each.
#[test]
fn the_map_the_library_and_an_upload_give_every_source_its_media() {
    let server = VodServer::start();
    let dir = tempfile::tempdir().unwrap();
    let shots = dir.path().join("shots");
    std::fs::create_dir(&shots).unwrap();
    // harbour is in the library (titled by the file's stem, as an upload titles it).
    server.add_media("5aed81b74ba84920be578cdfe004af4b", "video", "harbour", 60.0, "Normal");
    // bridge.mov is only on this machine; market.mov is in the map.
    std::fs::write(shots.join("bridge.mov"), vec![9u8; 96 * 1024]).unwrap();
    let edit = dir.path().join("edit.otio");
    let otio = std::fs::read_to_string(fixture("sample.otio")).unwrap();
    let at = format!("file://{}/", shots.display());
    std::fs::write(&edit, otio.replace("file:///media/shots/", &at)).unwrap();
    let map = dir.path().join("map.csv");
    std::fs::write(&map, "file,MediaId\nmarket.mov,789f9b4d7cf14dc7b83b0e801cbe0002\n").unwrap();

    let (picker, mut h) = signed_in(&server);
    open_import(&mut h, &picker, edit);
    // The map, chosen in the import's dialog.
    *picker.map.lock().unwrap() = Some(map);
    h.get_by_label("Choose a map…").click();
    run_until(&mut h, "the map chosen", |e| e.import_setup.as_ref().is_some_and(|s| s.map.is_some()));
    h.run();
    assert!(h.query_by_label_contains("map.csv").is_some(), "the dialog shows the map");
    h.get_by_label("Import").click();
    run_until(&mut h, "the import", |e| e.interchange_report.is_some());
    h.run();
    let report = h.state().interchange_report.as_ref().unwrap().lines.join("\n");
    assert!(
        report.contains("harbour.mov -> 5aed81b74ba84920be578cdfe004af4b (the library's \"harbour\"; 2 clips)"),
        "{report}"
    );
    assert!(report.contains("market.mov -> 789f9b4d7cf14dc7b83b0e801cbe0002 (from the map; one clip)"), "{report}");
    assert!(report.contains("bridge.mov: no media found"), "{report}");

    // bridge.mov, found nowhere: the media dialog offers its upload.
    run_until(&mut h, "the media dialog", |e| e.unmatched.is_some());
    h.run();
    assert!(h.query_by_label("Media not found").is_some());
    // VODCUT_UI_SHOTS=DIR: the dialog as drawn, to look at.
    if let Some(shots) = std::env::var_os("VODCUT_UI_SHOTS") {
        h.render().unwrap().save(std::path::Path::new(&shots).join("import-media-not-found.png")).unwrap();
    }
    let undo_before = h.state().doc.history.undo_label().map(str::to_owned);
    h.get_by_label("Upload and place").click();
    h.run();
    h.get_by_label("Continue").click();
    h.run();
    run_until(&mut h, "the upload placed", |e| e.doc.project().tracks[0].clips[2].media_id.is_some());
    h.run();
    let p = h.state().doc.project();
    let bridge = p.tracks[0].clips[2].media_id.clone().unwrap();
    assert!(server.state.lock().unwrap().media.iter().any(|m| m.id == bridge), "a real upload: VOD has {bridge}");
    assert_eq!(p.tracks[0].clips[2].source_file(), None);
    let ids: Vec<_> = p.tracks[0].clips.iter().map(|c| c.media_id.clone().unwrap()).collect();
    assert_eq!(ids[0], "5aed81b74ba84920be578cdfe004af4b");
    assert_eq!(ids[1], "789f9b4d7cf14dc7b83b0e801cbe0002");
    assert!(p.bin.iter().any(|b| b.media_id == bridge && b.title == "bridge.mov"), "{:?}", p.bin);
    let report = h.state().interchange_report.as_ref().unwrap().lines.join("\n");
    assert!(report.contains(&format!("bridge.mov as {bridge}: one clip placed")), "{report}");
    // One undo step takes the placement back: the clip waits for its file again.
    assert_eq!(h.state().doc.history.undo_label(), Some("Place uploaded media"));
    h.state_mut().doc.undo();
    let p = h.state().doc.project();
    assert_eq!(p.tracks[0].clips[2].media_id, None);
    assert!(p.tracks[0].clips[2].source_file().is_some_and(|f| f.ends_with("shots/bridge.mov")));
    assert_eq!(h.state().doc.history.undo_label().map(str::to_owned), undo_before);
}

/// Types `path` into vodcut's own browser and chooses it.
fn browse_to(h: &mut Harness<'static, Editor>, path: &Path) {
    h.get_by_label("Path").focus();
    h.run();
    h.key_combination_modifiers(egui::Modifiers::COMMAND, &[egui::Key::A]);
    h.get_by_label("Path").type_text(path.to_str().unwrap());
    h.run();
    h.key_press(egui::Key::Enter);
    h.run();
}

/// Without a file dialog, the edit and its map are chosen in vodcut's own browser (the map's
/// opens in the edit's folder, listing .csv files), and the import's dialog takes the map.
#[test]
fn without_a_file_dialog_the_edit_and_its_map_are_chosen_in_the_browser() {
    let dir = tempfile::tempdir().unwrap();
    let edit = dir.path().join("cut.otio");
    std::fs::copy(fixture("sample.otio"), &edit).unwrap();
    let map = dir.path().join("media.csv");
    let rows = "file,MediaId\nharbour.mov,5aed81b74ba84920be578cdfe004af4b\nmarket.mov,789f9b4d7cf14dc7b83b0e801cbe0002\nbridge.mov,0000000000000000000000000000000b\n";
    std::fs::write(&map, rows).unwrap();
    let mut h = harness(editor(Arc::new(support::ui::NoDialogs), Document::default()), Vec2::new(1400.0, 900.0));
    h.run();
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Import edit (OTIO, FCP XML, FCPXML, EDL)…").click();
    run_until(&mut h, "the browser", |e| e.browser.is_some());
    browse_to(&mut h, &edit);
    run_until(&mut h, "the import's dialog", |e| e.import_setup.is_some() && e.browser.is_none());
    h.run();
    h.get_by_label("Choose a map…").click();
    run_until(&mut h, "the map's browser", |e| e.browser.as_ref().is_some_and(|b| !b.loading()));
    h.run();
    assert_eq!(h.state().browser.as_ref().unwrap().dir, dir.path(), "beside the edit");
    assert!(h.query_by_label_contains("media.csv").is_some(), "maps are listed");
    assert!(h.query_by_label_contains("cut.otio").is_none(), "only maps");
    browse_to(&mut h, &map);
    run_until(&mut h, "the map chosen", |e| e.import_setup.as_ref().is_some_and(|s| s.map.as_deref() == Some(&*map)));
    h.run();
    h.get_by_label("Import").click();
    run_until(&mut h, "the import", |e| e.interchange_report.is_some());
    assert!(h.state().unmatched.is_none(), "the map named every source");
    let p = h.state().doc.project();
    assert!(p.tracks[0].clips.iter().all(|c| c.media_id.is_some() && c.source_file().is_none()));
}

/// An upload from the media dialog that fails is said in the report; its clip keeps waiting
/// for its file.
#[test]
fn a_failed_upload_is_reported_and_its_clip_keeps_waiting() {
    let server = VodServer::start();
    server.fault_on("CreateUploadVideo", Fault::Error { status: 403, code: "Forbidden.RAM" });
    let dir = tempfile::tempdir().unwrap();
    let shots = dir.path().join("shots");
    std::fs::create_dir(&shots).unwrap();
    std::fs::write(shots.join("bridge.mov"), vec![9u8; 96 * 1024]).unwrap();
    let edit = dir.path().join("edit.otio");
    let otio = std::fs::read_to_string(fixture("sample.otio")).unwrap();
    std::fs::write(&edit, otio.replace("file:///media/shots/", &format!("file://{}/", shots.display()))).unwrap();
    let (picker, mut h) = signed_in(&server);
    open_import(&mut h, &picker, edit);
    h.get_by_label("Import").click();
    run_until(&mut h, "the media dialog", |e| e.unmatched.is_some());
    h.run();
    // harbour.mov and market.mov are not on this machine: only bridge.mov can be uploaded.
    let offered: Vec<bool> =
        h.query_all_by_label("Upload and place").map(|n| !n.accesskit_node().is_disabled()).collect();
    assert_eq!(offered, [false, false, true]);
    h.query_all_by_label("Upload and place").find(|n| !n.accesskit_node().is_disabled()).unwrap().click();
    h.run();
    h.get_by_label("Continue").click();
    run_until(&mut h, "the failure", |e| {
        e.interchange_report.as_ref().is_some_and(|r| r.lines.iter().any(|l| l.contains("did not finish")))
    });
    let report = h.state().interchange_report.as_ref().unwrap().lines.join("\n");
    assert!(report.contains("the upload of ") && report.contains("bridge.mov did not finish"), "{report}");
    assert_eq!(report.matches("did not finish").count(), 1, "said once: {report}");
    let clip = &h.state().doc.project().tracks[0].clips[2];
    assert_eq!(clip.media_id, None);
    assert!(clip.source_file().is_some_and(|f| f.ends_with("bridge.mov")));
}

/// The import runs in the background while the editor stays usable: work done meanwhile is
/// not thrown away when it finishes. The unsaved-changes question is asked again; Cancel
/// keeps the work, and a second import then Discard opens the edit.
#[test]
fn work_done_during_an_import_is_asked_about_again() {
    let (picker, mut h) = choosing(fixture("tracks.xml"), Document::default());
    // Edited while the import's dialog is up (and so before its result arrives).
    h.state_mut().doc.set_fields("typed", "Title", |f| f.title = "Mine".into());
    h.get_by_label("Import").click();
    run_until(&mut h, "the question", |e| e.import_pending());
    h.run();
    assert_eq!(h.state().doc.project().title, "Mine", "not replaced behind the user's back");
    assert!(h.query_by_label("Save changes?").is_some());
    h.get_by_label("Cancel").click();
    h.run();
    assert_eq!(h.state().doc.project().title, "Mine");
    assert!(h.query_by_label("Save changes?").is_none());
    // Asked for again, with the work still unsaved: the question comes first (as before),
    // and once answered with Discard the edit opens.
    open_import_after_question(&mut h, &picker, fixture("tracks.xml"));
    h.get_by_label("Import").click();
    run_until(&mut h, "the import", |e| e.interchange_report.is_some());
    assert_eq!(h.state().doc.project().clip_count(), 6);
}

/// File > Import edit… on a dirty document: Discard at the question, then the dialog.
fn open_import_after_question(h: &mut Harness<'static, Editor>, picker: &FakePicker, edit: std::path::PathBuf) {
    *picker.edit.lock().unwrap() = Some(edit);
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Import edit (OTIO, FCP XML, FCPXML, EDL)…").click();
    h.run();
    h.get_by_label("Discard").click();
    run_until(h, "the import's dialog", |e| e.import_setup.is_some());
    h.run();
}
