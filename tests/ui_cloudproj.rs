//! File > Save to cloud and the cloud project browser, as a user works with them, against the
//! loopback VOD server (which counts every call: saving must never produce).

mod support;

use egui::Vec2;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::sync::Arc;
use support::ui::{FakePicker, file_menu, harness, run_until};
use support::vod_server::{KEY_ID, KEY_SECRET, VodServer};
use vodcut::api::credentials::Credentials;
use vodcut::core::Kind;
use vodcut::edit::document::Document;
use vodcut::model::Project;
use vodcut::model::export::import_timeline_str;
use vodcut::store::settings::{CredentialChoice, Settings};
use vodcut::ui::Editor;

const MEDIA: &str = "5aed81b74ba84920be578cdfe004af4b";

fn editor(server: &VodServer, p: Project) -> Harness<'static, Editor> {
    let settings = Settings { credentials: CredentialChoice::Session, endpoint: server.url(), ..Default::default() };
    let mut cloud = support::ui::cloud(settings);
    cloud.session = Some(Credentials::session(KEY_ID, KEY_SECRET));
    let e = Editor::with_cloud(Arc::new(FakePicker::default()), Document::new(p, None, false), cloud);
    harness(e, Vec2::new(1400.0, 900.0))
}

fn project(title: &str) -> Project {
    let tl = format!(r#"{{"VideoTracks":[{{"VideoTrackClips":[{{"MediaId":"{MEDIA}","In":0,"Out":4}}]}}]}}"#);
    let mut p = import_timeline_str(&tl).unwrap();
    p.title = title.into();
    p
}

fn button(h: &mut Harness<'static, Editor>, label: &str) {
    // Apart from the click before (egui takes two quick clicks on one spot as a double click).
    h.run_steps(30);
    h.get_by_role_and_label(Role::Button, label).click();
    h.run_steps(2);
}

/// No save under way: neither the look at the cloud project before it nor the save itself.
fn save_settled(e: &Editor) -> bool {
    !e.cloudproj.save_after_sync && !e.cloud.tasks.is_running(Kind::SaveToCloud)
}

fn save_to_cloud(h: &mut Harness<'static, Editor>) {
    file_menu(h, "Save to cloud…");
    assert!(h.query_by_label("Saving is not billed: nothing is produced.").is_some(), "the confirmation says so");
    button(h, "Save to cloud");
    run_until(h, "the save", save_settled);
}

fn browser_idle(e: &Editor) -> bool {
    !e.cloudproj.loading && !e.cloud.tasks.is_running(Kind::CloudProjects)
}

#[test]
fn save_to_cloud_adds_then_updates_one_project_and_never_produces() {
    let server = VodServer::start();
    server.add_media(MEDIA, "video", "Beach", 20.0, "Normal");
    let mut h = editor(&server, project("Harbour"));

    // Cancel sends nothing.
    file_menu(&mut h, "Save to cloud…");
    assert!(h.query_by_label_contains("saved as a new editing project").is_some());
    button(&mut h, "Cancel");
    assert!(!h.state().cloudproj.confirm_save);
    assert_eq!(server.received("AddEditingProject"), 0);

    save_to_cloud(&mut h);
    let id = h.state().doc.project().project_id.clone().expect("the document names its cloud project");
    assert!(h.state().status.contains(&id) && h.state().status.contains("not billed"), "{}", h.state().status);
    assert_eq!(server.handled("AddEditingProject"), 1);
    assert_eq!(server.state.lock().unwrap().materials[&id], vec![MEDIA.to_string()]);

    // Edited, saved again: the confirmation names the project it updates; one project still.
    h.state_mut().doc.set_fields("retitle", "Title", |f| f.title = "Harbour at dusk".into());
    file_menu(&mut h, "Save to cloud…");
    assert!(h.query_by_label_contains(&format!("updates cloud project {id}")).is_some());
    button(&mut h, "Save to cloud");
    // The cloud project is looked at first (unchanged since the first save), then updated.
    run_until(&mut h, "the update", save_settled);
    assert_eq!((server.handled("AddEditingProject"), server.handled("UpdateEditingProject")), (1, 1));
    assert_eq!(server.state.lock().unwrap().projects[&id].title, "Harbour at dusk");

    // The browser finds it, with its cover (the first clip's) through the thumbnail loader.
    file_menu(&mut h, "Cloud projects…");
    run_until(&mut h, "the list", |e| browser_idle(e) && e.cloudproj.list.len() == 1);
    assert_eq!(h.state().cloudproj.list[0].project_id, id);
    let cover = h.state().cloudproj.list[0].cover_url.clone();
    assert!(cover.contains(MEDIA), "{cover}");
    run_until(&mut h, "the cover", |e| e.library.texture(&cover).is_some());
    assert!(h.query_by_label("Harbour at dusk").is_some());
    assert_eq!(server.received("ProduceEditingProjectVideo"), 0, "saving never produces");
}

#[test]
fn a_failed_save_is_said_and_the_document_keeps_no_project_id() {
    let server = VodServer::start();
    server.fault_on("AddEditingProject", support::vod_server::Fault::Error { status: 403, code: "Forbidden.RAM" });
    let mut h = editor(&server, project("Denied"));
    save_to_cloud(&mut h);
    assert!(h.state().doc.project().project_id.is_none());
    let error = h.state().error.clone().expect("an error dialog");
    assert!(error.contains("Forbidden.RAM"), "{error}");
}

#[test]
fn the_browser_searches_filters_pages_opens_and_deletes() {
    let server = VodServer::start();
    for i in 0..25 {
        let tl = format!(r#"{{"VideoTracks":[{{"VideoTrackClips":[{{"MediaId":"m{i}","In":0,"Out":3}}]}}]}}"#);
        server.add_project(&format!("p{i:02}"), &format!("Episode {i:02}"), &tl, 1_700_000_000_000 + i * 1000);
    }
    server.add_project("q1", "Trailer", r#"{"VideoTracks":[]}"#, 1_600_000_000_000);
    let mut h = editor(&server, project("Local"));
    file_menu(&mut h, "Cloud projects…");
    run_until(&mut h, "the first page", browser_idle);
    assert_eq!((h.state().cloudproj.total, h.state().cloudproj.list.len()), (26, 20));
    assert_eq!(h.state().cloudproj.list[0].title, "Episode 24", "newest first");
    assert!(h.query_by_label("Page 1 of 2 (26 projects)").is_some());
    button(&mut h, "Next ▶");
    run_until(&mut h, "page 2", browser_idle);
    assert_eq!(h.state().cloudproj.list.len(), 6);
    assert_eq!(
        server.requests().into_iter().rfind(|r| r.action == "SearchEditingProject").unwrap().params["PageNo"],
        "2"
    );

    // Title search (from page 1 again).
    h.get_by_label("Title").click();
    h.run_steps(1);
    h.get_by_label("Title").type_text("Trailer");
    button(&mut h, "Search");
    run_until(&mut h, "the search", browser_idle);
    assert_eq!(h.state().cloudproj.list.iter().map(|p| p.title.as_str()).collect::<Vec<_>>(), ["Trailer"]);

    // Status filter: nothing here has failed.
    h.get_by_label("Status").click();
    h.run_steps(2);
    h.get_by_label("production failed").click();
    h.run_steps(2);
    run_until(&mut h, "the filter", browser_idle);
    assert!(
        h.state().cloudproj.list.is_empty(),
        "{:?} {:?}",
        h.state().cloudproj.list.iter().map(|p| (&p.title, &p.status)).collect::<Vec<_>>(),
        h.state().cloudproj.error
    );
    assert!(h.query_by_label("No cloud projects match.").is_some());
    let sent = server.requests().into_iter().rfind(|r| r.action == "SearchEditingProject").unwrap().params;
    assert_eq!((sent["Status"].as_str(), sent["Title"].as_str()), ("ProduceFailed", "Trailer"));

    // Delete asks first, naming the project; Cancel keeps it, Delete removes it.
    h.run_steps(30);
    h.get_by_label("Status").click();
    h.run_steps(2);
    h.get_by_label("All").click();
    h.run_steps(2);
    run_until(&mut h, "the list", browser_idle);
    button(&mut h, "Delete…");
    assert!(h.query_by_label_contains("Delete “Trailer” (q1)").is_some(), "the confirmation names it");
    button(&mut h, "Cancel");
    assert_eq!(server.received("DeleteEditingProject"), 0);
    button(&mut h, "Delete…");
    button(&mut h, "Delete");
    run_until(&mut h, "the delete", |e| browser_idle(e) && e.cloudproj.list.is_empty());
    assert!(!server.state.lock().unwrap().projects.contains_key("q1"));
    assert!(h.state().status.contains("Trailer"), "{}", h.state().status);

    // Open: the cloud project becomes the document.
    h.get_by_label("Title").click();
    h.run_steps(1);
    h.state_mut().cloudproj.search.title = "Episode 07".into();
    button(&mut h, "Search");
    run_until(&mut h, "episode 7", |e| browser_idle(e) && e.cloudproj.list.len() == 1);
    button(&mut h, "Open");
    run_until(&mut h, "the project opens", |e| e.doc.project().project_id.as_deref() == Some("p07"));
    assert_eq!(h.state().doc.project().title, "Episode 07");
    assert!(!h.state().cloudproj.browser_open);
    assert_eq!(server.received("ProduceEditingProjectVideo"), 0);
}

/// Issue 26: Save to cloud over a cloud project first reads it; an edit made in the console
/// since the last sync opens the difference dialog (in the words of a save), and nothing is
/// saved until the user keeps theirs. Unchanged, the save goes on by itself.
#[test]
fn save_to_cloud_looks_at_the_cloud_project_first() {
    let server = VodServer::start();
    server.add_media(MEDIA, "video", "Beach", 20.0, "Normal");
    let mut h = editor(&server, project("Harbour"));
    save_to_cloud(&mut h);
    let id = h.state().doc.project().project_id.clone().unwrap();
    assert!(h.state().doc.project().sync_base.is_some(), "the Timeline saved is the base");

    // Someone trims the clip in the console; Save to cloud again.
    let theirs = format!(r#"{{"VideoTracks":[{{"VideoTrackClips":[{{"MediaId":"{MEDIA}","In":1,"Out":4}}]}}]}}"#);
    assert!(server.edit_project_timeline(&id, &theirs));
    file_menu(&mut h, "Save to cloud…");
    button(&mut h, "Save to cloud");
    run_until(&mut h, "the difference", |e| matches!(e.cloud.step, vodcut::core::produce::Step::Differs { .. }));
    h.run_steps(2);
    assert!(h.query_all_by(|n| n.value().is_some_and(|v| v.contains("Saving now would replace"))).count() > 0);
    // VODCUT_UI_SHOTS=DIR: the dialog as drawn, to look at.
    if let Some(dir) = std::env::var_os("VODCUT_UI_SHOTS") {
        h.render().unwrap().save(std::path::Path::new(&dir).join("save-differs.png")).unwrap();
    }
    assert_eq!(server.handled("UpdateEditingProject"), 0, "nothing saved while asking");
    button(&mut h, "Keep mine");
    run_until(&mut h, "the update", |e| server.handled("UpdateEditingProject") == 1 && save_settled(e));
    let cloud: serde_json::Value = serde_json::from_str(&server.state.lock().unwrap().projects[&id].timeline).unwrap();
    assert_eq!(cloud["VideoTracks"][0]["VideoTrackClips"][0]["In"], 0, "mine is in the cloud");
    assert_eq!(server.received("ProduceEditingProjectVideo"), 0, "saving never produces");
}
