//! A panic in a frame (forced by the test switch the real binary reads from
//! VODCUT_TEST_CRASH_AFTER) writes a crash report without secrets into the data folder and
//! saves the open document for recovery; the next start offers the recovery and then shows
//! where the report is.
//!
//! One test: the panic hook is process-wide.

use egui::Vec2;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::sync::Arc;
use vodcut::api::credentials::Credentials;
use vodcut::edit::document::Document;
use vodcut::model::export::import_timeline_str;
use vodcut::ui::Editor;

mod support;
use support::ui::run_until;

const SECRET: &str = "crash-test-secret-value-5678";
const TOKEN: &str = "crash-test-sts-token-value-9012";

#[test]
fn a_panic_saves_the_work_writes_a_clean_report_and_the_next_start_offers_both() {
    let mut p =
        import_timeline_str(r#"{"VideoTracks":[{"VideoTrackClips":[{"MediaId":"a","In":0,"Out":4}]}]}"#).unwrap();
    p.title = "Unsaved at the crash".into();
    let mut editor = support::ui::editor(Arc::new(support::ui::FakePicker::default()), Document::new(p, None, true));
    let env = (*editor.cloud.env).clone();
    let data = env.data_dir.clone().unwrap();
    vodcut::desktop::crash::install_hook(&data);
    // Keys typed for the session, as the account settings register them.
    let mut c = Credentials::session("LTAI5tCrashTest00001", SECRET);
    c.security_token = Some(vodcut::api::credentials::Secret::new(TOKEN));
    vodcut::core::keys::protect(&c);
    editor.cloud.session = Some(c);
    let mut h = Harness::builder()
        .with_size(Vec2::new(1200.0, 800.0))
        .build_ui_state(|ui, e: &mut Editor| e.guarded_ui(ui), editor);
    // The test switch: a panic in the next frame.
    h.state_mut().crash_after = Some(0.0);
    // A panic whose message quotes the secret must not carry it into the report either.
    log::warn!("a log line before the crash");
    let crashed = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| h.run()));
    assert!(crashed.is_err(), "the forced crash happened");
    // The harness saw a panic mid-frame: do not run its checks on drop.
    std::mem::forget(h);

    let reports = vodcut::desktop::crash::unshown_reports(&data);
    assert_eq!(reports.len(), 1, "{reports:?}");
    let text = std::fs::read_to_string(&reports[0]).unwrap();
    for part in [
        "vodcut crash report",
        concat!("version: ", env!("CARGO_PKG_VERSION")),
        "OS: ",
        "panic: forced crash for testing",
        "backtrace:",
        "unsaved work: saved for recovery at",
    ] {
        assert!(text.contains(part), "{part:?} missing from the report:\n{text}");
    }
    for secret in [SECRET, TOKEN] {
        assert!(!text.contains(secret), "the report holds a secret:\n{text}");
    }
    let rec = vodcut::store::recovery::Recovery::new(&data);
    assert_eq!(rec.scan().len(), 1, "the unsaved document was saved for recovery");

    // The next start: the recovery offer first, then where the report is.
    let mut cloud = vodcut::core::cloud::Cloud::new(env, Default::default());
    cloud.footage = false;
    let editor = Editor::with_cloud(Arc::new(support::ui::FakePicker::default()), Document::default(), cloud);
    let mut h = support::ui::harness(editor, Vec2::new(1200.0, 800.0));
    run_until(&mut h, "the recovery offer", |e| !e.recovery_offer.is_empty() && !e.crash_reports.is_empty());
    assert!(h.query_by_label_contains("Unsaved at the crash").is_some());
    h.get_by_label("Restore").click();
    run_until(&mut h, "the restored work", |e| e.doc.project().title == "Unsaved at the crash");
    h.run_steps(2);
    assert!(h.query_by_label("vodcut stopped unexpectedly last time").is_some());
    let shown = reports[0].display().to_string();
    assert!(h.query_by_label(shown.as_str()).is_some(), "the report's path is shown");
    h.get_by_label("OK").click();
    run_until(&mut h, "the notice closed", |e| e.crash_reports.is_empty());
    // Shown once: the next start does not show it again.
    let start = std::time::Instant::now();
    while !vodcut::desktop::crash::unshown_reports(&data).is_empty() {
        assert!(start.elapsed().as_secs() < 10, "the report was not noted as shown");
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}
