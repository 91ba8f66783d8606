//! The welcome screen and the empty project's calm hint, driven through egui_kittest.

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use vodcut::api::credentials::Credentials;
use vodcut::core::produce::Step;
use vodcut::edit::document::Document;
use vodcut::store::settings::{CredentialChoice, Settings};
use vodcut::ui::Editor;

mod support;
use support::ui::{FakePicker, run_until};

fn welcome(settings: Settings, sandbox: bool) -> (Harness<'static, Editor>, Arc<AtomicUsize>) {
    let mut cloud = support::ui::cloud(settings);
    cloud.session = Some(Credentials::session("LTAI5tWelcomeKey0001", "welcome-secret"));
    cloud.sandbox = sandbox;
    let mut e = Editor::with_cloud(Arc::new(FakePicker::default()), Document::default(), cloud);
    e.welcome = true;
    let launched = Arc::new(AtomicUsize::new(0));
    let l = launched.clone();
    e.sandbox_launcher = Arc::new(move || {
        l.fetch_add(1, Ordering::SeqCst);
        Ok(())
    });
    (support::ui::harness(e, egui::Vec2::new(1280.0, 800.0)), launched)
}

fn session() -> Settings {
    Settings { credentials: CredentialChoice::Session, ..Default::default() }
}

#[test]
fn welcome_offers_every_start_and_the_account() {
    let dir = tempfile::tempdir().unwrap();
    let recent = dir.path().join("holiday.vodcut");
    vodcut::store::project_file::save(&recent, &vodcut::model::Project { title: "假期".into(), ..Default::default() })
        .unwrap();
    let (mut h, _) = welcome(Settings { recent: vec![recent.clone()], ..session() }, false);
    h.run();
    assert!(h.query_by_label("Welcome to vodcut").is_some());
    for label in ["New project", "Open…", "Import a Timeline JSON…", "Try the sandbox"] {
        assert!(h.query_by_role_and_label(Role::Button, label).is_some(), "{label} is offered");
    }
    let account = "Account: LTAI****0001 from entered for this session";
    run_until(&mut h, "the account probe", |e| e.welcome);
    let start = std::time::Instant::now();
    while h.query_by_label(account).is_none() && start.elapsed().as_secs() < 10 {
        std::thread::sleep(std::time::Duration::from_millis(20));
        h.run();
    }
    assert!(h.query_by_label(account).is_some(), "the account status shows, its ID masked");
    assert!(h.query_by_label_contains("welcome-secret").is_none());

    // Open recent: one click opens it.
    h.get_by_label("holiday.vodcut").click();
    h.run_steps(2);
    run_until(&mut h, "the recent project to open", |e| e.doc.path.as_deref() == Some(recent.as_path()));
    assert!(!h.state().welcome);
    assert_eq!(h.state().title(), "假期 — holiday.vodcut — vodcut");
}

#[test]
fn new_project_is_calm_until_produce() {
    let (mut h, _) = welcome(session(), false);
    h.run();
    h.get_by_role_and_label(Role::Button, "New project").click();
    h.run_steps(2);
    assert!(!h.state().welcome, "the welcome screen closes");
    // No red error: the Produce button counts nothing, the Problems tab holds the hint.
    assert!(h.query_by_label("Produce Ctrl+Enter").is_some(), "Produce shows no error count");
    assert!(h.query_by_label_contains("✖").is_none());
    h.get_by_label_contains("Problems").click();
    h.run_steps(2);
    assert!(
        h.query_all_by_label("Drag media onto a track to begin: from the Library or the Bin on the left").count() >= 1
    );
    // Produce still refuses it, with the reason.
    h.state_mut().start_produce();
    h.run_steps(2);
    match &h.state().cloud.step {
        Step::Blocked(p) => assert!(p.iter().any(vodcut::model::validate::is_nothing_to_produce), "{p:?}"),
        other => panic!("an empty project must not reach the confirmation: {other:?}"),
    }
}

#[test]
fn a_new_project_has_no_subtitle_track_until_the_user_adds_one() {
    let (mut h, _) = welcome(session(), false);
    h.run();
    h.get_by_role_and_label(Role::Button, "New project").click();
    h.run_steps(2);
    // Text effects are the documented way; a subtitle track warns at first use (UNSURE).
    let names = |e: &Editor| e.doc.project().tracks.iter().map(|t| t.name.clone()).collect::<Vec<_>>();
    assert_eq!(names(h.state()), ["I1", "V1", "A1"]);
    h.get_by_label("➕ Add track").click();
    h.run_steps(2);
    h.get_by_label("subtitle track").click();
    h.run_steps(2);
    assert_eq!(names(h.state()), ["I1", "V1", "A1", "S1"], "the track menu adds one");
}

#[test]
fn try_the_sandbox_opens_a_sandbox_window_from_welcome_and_help() {
    let (mut h, launched) = welcome(session(), false);
    h.run();
    h.get_by_label("Try the sandbox").click();
    h.run_steps(2);
    assert_eq!(launched.load(Ordering::SeqCst), 1, "a sandbox window is opened");
    assert!(!h.state().welcome);
    assert_eq!(h.state().title(), "Untitled — vodcut", "this window stays as it was");
    h.get_by_label("Help").click();
    h.run_steps(2);
    h.get_by_label("Try the sandbox").click();
    h.run_steps(2);
    assert_eq!(launched.load(Ordering::SeqCst), 2);
    // Esc on the welcome screen starts an empty project.
    h.state_mut().welcome = true;
    h.run();
    h.key_press(egui::Key::Escape);
    h.run_steps(2);
    assert!(!h.state().welcome);
}

#[test]
fn in_the_sandbox_the_title_and_menu_say_so() {
    let (mut h, launched) = welcome(session(), true);
    h.run();
    assert_eq!(h.state().title(), "Untitled — vodcut — Sandbox");
    assert!(h.query_by_label("Try the sandbox").is_none(), "already in it");
    assert!(h.query_by_label_contains("Sandbox: a demo VOD service on this machine").is_some());
    h.get_by_role_and_label(Role::Button, "New project").click();
    h.run_steps(2);
    assert!(h.query_by_label(" SANDBOX ").is_some(), "the menu bar is marked");
    h.get_by_label("Help").click();
    h.run_steps(2);
    assert!(h.query_by_label_contains("This window is the sandbox").is_some());
    assert_eq!(launched.load(Ordering::SeqCst), 0);
    h.key_press(egui::Key::Escape);
    h.run_steps(2);
    h.state_mut().cloud.settings_open = true;
    h.run_steps(2);
    assert!(h.query_by_label_contains("its demo keys and endpoint are used whatever is chosen here").is_some());
}
