//! The production form's pickers against the loopback server, as a user works with them:
//! the account's template groups (of the chosen application), its categories as a tree and
//! its applications, fetched in the background when a picker opens, kept, refreshed on
//! request; the text fields stay for any value, and the only way when the lists fail.

mod support;

use egui::Vec2;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::sync::Arc;
use support::ui::{FakePicker, harness, run_until};
use support::vod_server::{Fault, KEY_ID, KEY_SECRET, VodServer};
use vodcut::api::credentials::Credentials;
use vodcut::core::Kind;
use vodcut::edit::document::Document;
use vodcut::model::export::import_timeline_str;
use vodcut::store::settings::{CredentialChoice, Settings};
use vodcut::ui::Editor;

fn editor(server: &VodServer) -> Harness<'static, Editor> {
    let settings = Settings { credentials: CredentialChoice::Session, endpoint: server.url(), ..Default::default() };
    let mut cloud = support::ui::cloud(settings);
    cloud.session = Some(Credentials::session(KEY_ID, KEY_SECRET));
    let p = import_timeline_str(r#"{"VideoTracks":[{"VideoTrackClips":[{"MediaId":"x","In":0,"Out":2}]}]}"#).unwrap();
    let e = Editor::with_cloud(Arc::new(FakePicker::default()), Document::new(p, None, false), cloud);
    harness(e, Vec2::new(1400.0, 900.0))
}

/// A picture of the window where VODCUT_UI_SHOTS names a folder (looked at by a person).
fn shot(h: &mut Harness<'static, Editor>, name: &str) {
    if let Some(shots) = std::env::var_os("VODCUT_UI_SHOTS") {
        h.render().unwrap().save(std::path::Path::new(&shots).join(name)).unwrap();
    }
}

fn lists_idle(e: &Editor) -> bool {
    !e.cloud.tasks.is_running(Kind::Account)
}

/// Opens a picker and waits for its list.
fn open(h: &mut Harness<'static, Editor>, button: &str) {
    h.get_by_label(button).click();
    h.run_steps(2);
    run_until(h, "the lists", lists_idle);
    h.run_steps(2);
}

#[test]
fn pickers_offer_the_accounts_groups_categories_and_apps() {
    let server = VodServer::start();
    let mut h = editor(&server);
    h.run();
    h.get_by_role_and_label(egui::accesskit::Role::Button, "Output").click();
    h.run();
    assert_eq!(server.received("ListAppInfo"), 0, "nothing is asked before a picker opens");

    // The default application's groups, the default one marked.
    open(&mut h, "Choose a transcoding template group…");
    shot(&mut h, "picker-template-group.png");
    assert!(h.query_by_label("No transcoding (VOD_NO_TRANSCODE)").is_some());
    assert!(h.query_by_label_contains("Brand 4K").is_none(), "another application's group is not offered");
    h.get_by_label("Standard (HD + SD) (a7c9e0f1b2d34c5e8f6a7b8c9d0e1f2a) [default]").click();
    h.run_steps(2);
    assert_eq!(h.state().doc.project().produce_config.template_group_id, "a7c9e0f1b2d34c5e8f6a7b8c9d0e1f2a");

    // Another application: its groups follow.
    open(&mut h, "Choose an application…");
    h.get_by_label("Brand films (app-2000001)").click();
    h.run_steps(2);
    assert_eq!(h.state().doc.project().app_id, "app-2000001");
    open(&mut h, "Choose a transcoding template group…");
    assert!(h.query_by_label_contains("Brand 4K").is_some());
    assert!(h.query_by_label_contains("No transcoding").is_none());
    h.key_press(egui::Key::Escape);
    h.run_steps(2);
    assert_eq!(server.handled("ListAppInfo"), 1, "the lists were fetched once, then kept");

    // The categories as a tree: a grandchild under its parent, chosen by its ID.
    h.get_by_role_and_label(egui::accesskit::Role::Button, "Project").click();
    h.run();
    open(&mut h, "Choose a category…");
    shot(&mut h, "picker-category-tree.png");
    let harbour = h.get_by_label("Harbour (1000211)").rect().left();
    let news = h.get_by_label("News (1000002)").rect().left();
    assert!(harbour > news + 20.0, "a subcategory is indented under its parent ({harbour} vs {news})");
    h.get_by_label("Harbour (1000211)").click();
    h.run_steps(2);
    assert_eq!(h.state().doc.project().media_metadata.cate_id, "1000211");
    assert!(h.query_by_label("News / Local / Harbour").is_some(), "the category's place in the tree is shown");
    // One undo step, as typing it would be.
    h.state_mut().doc.undo();
    assert_eq!(h.state().doc.project().media_metadata.cate_id, "");

    // Refresh asks VOD again.
    open(&mut h, "Choose a category…");
    h.get_by_label("Refresh the lists").click();
    h.run_steps(2);
    run_until(&mut h, "the refresh", lists_idle);
    assert_eq!(server.handled("ListAppInfo"), 2);
}

#[test]
fn lists_that_cannot_be_had_say_why_and_the_field_still_takes_a_value() {
    let server = VodServer::start();
    server.fault_on("ListAppInfo", Fault::Error { status: 403, code: "Forbidden.RAM" });
    let mut h = editor(&server);
    h.run();
    h.get_by_role_and_label(egui::accesskit::Role::Button, "Output").click();
    h.run();
    open(&mut h, "Choose a transcoding template group…");
    assert!(h.query_by_label_contains("Forbidden.RAM").is_some(), "the reason is shown in the picker");
    h.key_press(egui::Key::Escape);
    h.run_steps(2);
    h.get_by_label("Transcoding template group ID").click();
    h.run();
    h.get_by_label("Transcoding template group ID").type_text("typed-group");
    h.run();
    assert_eq!(h.state().doc.project().produce_config.template_group_id, "typed-group");
}
