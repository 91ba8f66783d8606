//! Choosing the V3 signature in Account settings: the choice is saved, and the next call is
//! signed with V3 and accepted by the loopback server.

mod support;

use egui::Vec2;
use egui_kittest::kittest::Queryable;
use std::sync::Arc;
use std::time::{Duration, Instant};
use support::ui::run_until;
use support::vod_server::{KEY_ID, KEY_SECRET, VodServer};
use vodcut::api::credentials::Credentials;
use vodcut::api::sign::SignatureVersion;
use vodcut::edit::document::Document;
use vodcut::store::settings::{CredentialChoice, Settings};
use vodcut::ui::Editor;

#[test]
fn picking_v3_in_account_settings_signs_with_v3() {
    let server = VodServer::start();
    let settings = Settings { credentials: CredentialChoice::Session, endpoint: server.url(), ..Default::default() };
    assert_eq!(settings.signature, SignatureVersion::V1, "V1 by default");
    let mut cloud = support::ui::cloud(settings);
    cloud.session = Some(Credentials::session(KEY_ID, KEY_SECRET));
    cloud.timeout = Duration::from_secs(5);
    let data = cloud.data_dir().unwrap().to_owned();
    let editor = Editor::with_cloud(Arc::new(support::ui::FakePicker::default()), Document::default(), cloud);
    let mut h = support::ui::harness(editor, Vec2::new(1400.0, 900.0));
    h.run();
    h.get_by_label("File").click();
    h.run_steps(2);
    h.get_by_label("Account settings…").click();
    h.run_steps(3);
    support::ui::hold_still(&mut h, "Request signature");
    h.get_by_label("Request signature").click();
    h.run_steps(2);
    h.get_by_label("V3 (ACS3-HMAC-SHA256)").click();
    h.run_steps(2);
    assert_eq!(h.state().cloud.settings.signature, SignatureVersion::V3);
    // Saved in the background, for the next start.
    let start = Instant::now();
    while Settings::load(&data).0.signature != SignatureVersion::V3 {
        assert!(start.elapsed() < Duration::from_secs(10), "the choice was saved");
        std::thread::sleep(Duration::from_millis(20));
    }
    h.get_by_label("Test connection").click();
    run_until(&mut h, "the test", |e| e.cloud.test_result.is_some());
    let result = h.state().cloud.test_result.clone().unwrap();
    assert!(result.is_ok(), "{result:?}");
    let reqs = server.requests();
    assert!(!reqs.is_empty() && reqs.iter().all(|r| r.signature == "v3" && r.handled), "{reqs:?}");
}
