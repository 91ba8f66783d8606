//! Produce from the editor against the loopback VOD server, as a user does it.

mod support;

use egui::{Key, Modifiers, Vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::sync::Arc;
use std::time::{Duration, Instant};
use support::ui::run_until;
use support::vod_server::{Fault, KEY_ID, KEY_SECRET, VodServer};
use vodcut::api::credentials::Credentials;
use vodcut::core::produce::Step;
use vodcut::edit::document::Document;
use vodcut::model::Project;
use vodcut::model::export::import_timeline_str;
use vodcut::store::settings::{CredentialChoice, Settings};
use vodcut::ui::Editor;

fn project(timeline: &str) -> Project {
    let mut p = import_timeline_str(timeline).unwrap();
    p.title = "Loopback film".into();
    p
}

const CLEAN: &str = r#"{"VideoTracks":[{"VideoTrackClips":[{"MediaId":"5aed81b74ba84920be578cdfe004af4b","In":0,"Out":4},{"MediaId":"5aed81b74ba84920be578cdfe004af4c","In":1,"Out":3}]}]}"#;

struct Setup {
    server: VodServer,
    data: tempfile::TempDir,
}

fn harness(setup: &Setup, p: Project, secret: &str) -> Harness<'static, Editor> {
    let settings =
        Settings { credentials: CredentialChoice::Session, endpoint: setup.server.url(), ..Default::default() };
    let mut cloud = support::ui::cloud(settings);
    std::sync::Arc::make_mut(&mut cloud.env).data_dir = Some(setup.data.path().to_owned());
    cloud.session = Some(Credentials::session(KEY_ID, secret));
    cloud.timeout = Duration::from_secs(5);
    let editor = Editor::with_cloud(Arc::new(support::ui::FakePicker::default()), Document::new(p, None, false), cloud);
    support::ui::harness(editor, Vec2::new(1400.0, 900.0))
}

/// A loopback server whose library holds the media of [`CLEAN`], Normal.
fn setup() -> Setup {
    let server = VodServer::start();
    server.add_media("5aed81b74ba84920be578cdfe004af4b", "video", "Beach", 20.0, "Normal");
    server.add_media("5aed81b74ba84920be578cdfe004af4c", "video", "Harbour", 20.0, "Normal");
    Setup { server, data: tempfile::tempdir().unwrap() }
}

/// Presses the Jobs tab's "Refresh now" `times`, each time until the answers are in.
fn refresh_jobs(h: &mut Harness<'static, Editor>, times: usize) {
    for _ in 0..times {
        h.get_by_label("Refresh now").click();
        run_until(h, "the refresh", |e| {
            !e.cloud.tasks.is_running(vodcut::core::Kind::Refresh)
                && !e.cloud.tasks.is_running(vodcut::core::Kind::Jobs)
        });
    }
}

/// The top-bar button (its label carries the shortcut).
fn press_produce(h: &mut Harness<'static, Editor>) {
    // The label carries the problem count, then the shortcut.
    h.get_by(|n| n.label().is_some_and(|l| l.starts_with("Produce") && l.ends_with("Ctrl+Enter"))).click();
    h.run_steps(3);
    // VOD is asked whether the media are Normal before anything is offered for sending.
    run_until(h, "the media check", |e| !matches!(e.cloud.step, Step::Checking(_)));
    h.run_steps(2);
}

/// Produce, confirm, and wait for the result dialog.
fn produce_until_done(h: &mut Harness<'static, Editor>) {
    press_produce(h);
    confirm(h);
    run_until(h, "the answer", |e| matches!(e.cloud.step, Step::Done(_)));
}

fn confirm(h: &mut Harness<'static, Editor>) {
    assert!(
        h.query_by_label("Produce this video?").is_some() || h.query_by_value("Produce this video?").is_some(),
        "the billed confirmation shows"
    );
    h.get_by_label("Produce").click();
    h.run_steps(2);
}

#[test]
fn fill_the_form_produce_confirm_and_see_the_ids() {
    let s = setup();
    let mut h = harness(&s, project(CLEAN), KEY_SECRET);
    h.run();
    h.get_by_role_and_label(egui::accesskit::Role::Button, "Project").click();
    h.run();
    h.get_by_label("Video title").click();
    h.run();
    h.get_by_label("Video title").type_text("海边 summer");
    h.run();
    assert_eq!(h.state().doc.project().media_metadata.title, "海边 summer");
    h.get_by_role_and_label(egui::accesskit::Role::Button, "Output").click();
    h.run();
    h.get_by_label("Callback URL").click();
    h.run();
    h.get_by_label("Callback URL").type_text("https://example.com/cb");
    h.run();
    // The type is a choice of the one documented value; choosing it stores it explicitly.
    h.get_by_label("Callback type").click();
    h.run();
    h.get_by_label("http").click();
    h.run();
    assert_eq!(h.state().doc.project().user_data.callback_type, "http");
    produce_until_done(&mut h);
    let Step::Done(outcome) = &h.state().cloud.step else { unreachable!() };
    let ids = outcome.ids.clone().expect("IDs");
    // The three IDs are on screen as selectable text, with copy buttons.
    for id in [&ids.request_id, &ids.media_id, &ids.project_id] {
        assert!(h.query_all_by_value(id).next().is_some(), "{id} shown");
    }
    assert_eq!(h.query_all_by_label("Copy").count(), 3, "a copy button per ID");
    // Stored in the project (which is now unsaved), sent once, with the form's metadata.
    assert_eq!(h.state().doc.project().project_id.as_deref(), Some(ids.project_id.as_str()));
    assert!(h.state().is_dirty());
    assert_eq!(s.server.received("ProduceEditingProjectVideo"), 1);
    // Polling of the new job may already have sent GetEditingProject: find the production.
    let sent = s.server.requests().into_iter().find(|r| r.action == "ProduceEditingProjectVideo").unwrap().params;
    assert_eq!(
        sent.get("MediaMetadata").map(String::as_str),
        Some(r#"{"Title":"海边 summer"}"#),
        "{:?}",
        sent.keys().collect::<Vec<_>>()
    );
    // The job history has it, and the Jobs tab shows it.
    h.get_by_label("Close").click();
    h.run();
    h.get_by_role_and_label(egui::accesskit::Role::Button, "Jobs").click();
    run_until(&mut h, "the job list", |e| !e.cloud.jobs.is_empty());
    assert!(h.query_all_by_value(&ids.media_id).next().is_some());
}

#[test]
fn a_wrong_secret_is_explained_in_words() {
    let s = setup();
    let mut h = harness(&s, project(CLEAN), "not-the-secret");
    h.run();
    press_produce(&mut h);
    // The media check is refused first: a warning says so in words, the user may go on.
    let Step::Warned(problems) = &h.state().cloud.step else { panic!("{:?}", h.state().cloud.step) };
    let said = vodcut::i18n::describe::line(&problems[0], h.state().doc.project());
    assert!(said.contains("could not ask VOD") && said.contains("check the secret"), "{said}");
    h.get_by_label("Continue").click();
    h.run_steps(3);
    confirm(&mut h);
    run_until(&mut h, "the refusal", |e| matches!(e.cloud.step, Step::Done(_)));
    assert!(h.query_all_by_label("Production refused").next().is_some(), "the dialog says so");
    let Step::Done(o) = &h.state().cloud.step else { unreachable!() };
    let text = o.error.clone().unwrap();
    assert!(text.contains("SignatureDoesNotMatch") && text.contains("check the secret"), "{text}");
    assert!(!text.contains("not-the-secret"));
    assert!(h.state().doc.project().project_id.is_none());
}

#[test]
fn a_slow_server_keeps_the_ui_answering_and_a_second_click_sends_nothing() {
    let s = setup();
    let mut h = harness(&s, project(CLEAN), KEY_SECRET);
    h.run();
    press_produce(&mut h);
    // After the media check: the production itself is slow.
    s.server.fault(Fault::Delay(Duration::from_millis(2_500)));
    confirm(&mut h);
    assert!(h.state().cloud.producing());
    // Frames keep coming while the server thinks: 30 frames well within the delay.
    let start = Instant::now();
    for _ in 0..30 {
        h.step();
    }
    assert!(start.elapsed() < Duration::from_millis(2_000), "frames took {:?}", start.elapsed());
    assert!(h.state().cloud.producing(), "still waiting for the slow server");
    // The button is disabled and the shortcut does nothing: no second dialog, no request.
    h.get_by_label("Producing… Ctrl+Enter").click();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Enter);
    h.run_steps(3);
    assert!(h.query_by_label("Produce this video?").is_none() && h.query_by_value("Produce this video?").is_none());
    run_until(&mut h, "the slow answer", |e| matches!(e.cloud.step, Step::Done(_)));
    assert_eq!(s.server.received("ProduceEditingProjectVideo"), 1, "exactly one request");
}

#[test]
fn validation_errors_block_and_clicking_one_selects_the_clip() {
    let s = setup();
    let p = project(
        r#"{"VideoTracks":[{"VideoTrackClips":[{"MediaId":"m1","In":0,"Out":4},{"MediaId":"m2","In":5,"Out":2}]}]}"#,
    );
    let mut h = harness(&s, p, KEY_SECRET);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Enter);
    h.run_steps(3);
    assert!(h.query_by_label("Cannot produce yet").is_some() || h.query_by_value("Cannot produce yet").is_some());
    let problem = "error: track 1 (V1), clip 2, field Out: Out (2 s) must be after In (5 s)";
    // Listed in the dialog (drawn last, on top) and in the Problems panel behind it.
    h.get_all_by_value(problem).last().expect("the problem is listed").click();
    h.run_steps(3);
    assert_eq!(h.state().doc.selection, vec![vodcut::edit::ops::ClipRef { track: 0, index: 1 }]);
    assert!(matches!(h.state().cloud.step, Step::Idle));
    assert_eq!(s.server.requests().len(), 0, "nothing was sent");
}

#[test]
fn media_not_normal_in_vod_block_produce_and_are_named() {
    let s = setup();
    s.server.add_media("c0ffee00c0ffee00c0ffee00c0ffee01", "video", "Still cooking", 8.0, "Transcoding");
    let p = project(
        r#"{"VideoTracks":[{"VideoTrackClips":[{"MediaId":"5aed81b74ba84920be578cdfe004af4b","In":0,"Out":4},{"MediaId":"c0ffee00c0ffee00c0ffee00c0ffee01","In":0,"Out":3}]}],
            "AudioTracks":[{"AudioTrackClips":[{"MediaId":"0000aaaa0000aaaa0000aaaa0000aaaa","In":0,"Out":4}]}]}"#,
    );
    let mut h = harness(&s, p, KEY_SECRET);
    h.run();
    press_produce(&mut h);
    assert!(h.query_by_label("Cannot produce yet").is_some() || h.query_by_value("Cannot produce yet").is_some());
    let Step::Blocked(problems) = h.state().cloud.step.clone() else { panic!("{:?}", h.state().cloud.step) };
    let text: Vec<String> = problems.iter().map(|p| vodcut::i18n::describe::line(p, h.state().doc.project())).collect();
    assert!(
        text.iter().any(|t| t.starts_with("error: track 1 (V1), clip 2, field MediaId: \"Still cooking\"")
            && t.contains("still transcoding")),
        "{text:?}"
    );
    // The one VOD does not know is a warning at its clip, the Normal one is not mentioned.
    assert!(text.iter().any(|t| t.starts_with("warning: track 2") && t.contains("0000aaaa0000aaaa0000aaaa0000aaaa")));
    assert!(!text.iter().any(|t| t.contains("5aed81b74ba84920be578cdfe004af4b")));
    // Clicking the problem selects the clip; nothing was produced.
    h.get_all_by_value(&text[text.iter().position(|t| t.contains("Still cooking")).unwrap()]).last().unwrap().click();
    h.run_steps(3);
    assert_eq!(h.state().doc.selection, vec![vodcut::edit::ops::ClipRef { track: 0, index: 1 }]);
    assert_eq!(s.server.received("ProduceEditingProjectVideo"), 0);
    assert_eq!(s.server.handled("GetVideoInfos"), 1);
}

#[test]
fn cancelling_the_media_check_sends_nothing() {
    let s = setup();
    s.server.fault(Fault::Delay(Duration::from_millis(1_500)));
    let mut h = harness(&s, project(CLEAN), KEY_SECRET);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Enter);
    h.run_steps(3);
    assert!(matches!(h.state().cloud.step, Step::Checking(_)));
    h.key_press(Key::Escape);
    h.run_steps(3);
    assert!(matches!(h.state().cloud.step, Step::Idle));
    // The late answer does not bring a dialog back.
    std::thread::sleep(Duration::from_millis(1_800));
    h.run_steps(5);
    assert!(matches!(h.state().cloud.step, Step::Idle));
    assert_eq!(s.server.received("ProduceEditingProjectVideo"), 0);
}

#[test]
fn warnings_ask_before_going_on() {
    let s = setup();
    // A VFX from VOD's 2021 list only: a warning (a current one, like zoom, passes).
    let p = project(
        r#"{"VideoTracks":[{"VideoTrackClips":[{"MediaId":"m1","Out":4,"Effects":[{"Type":"VFX","SubType":"snow"}]}]}]}"#,
    );
    let mut h = harness(&s, p, KEY_SECRET);
    h.run();
    press_produce(&mut h);
    assert!(
        h.query_by_label("Produce despite warnings?").is_some()
            || h.query_by_value("Produce despite warnings?").is_some()
    );
    h.get_by_label("Continue").click();
    h.run_steps(3);
    confirm(&mut h);
    run_until(&mut h, "the answer", |e| matches!(e.cloud.step, Step::Done(_)));
    assert_eq!(s.server.handled("ProduceEditingProjectVideo"), 1);
}

#[test]
fn jobs_are_followed_until_ready_and_a_cloud_project_opens() {
    let s = setup();
    let mut h = harness(&s, project(CLEAN), KEY_SECRET);
    h.run();
    produce_until_done(&mut h);
    h.get_by_label("Close").click();
    // The job is being followed (a spinner): step rather than wait for the UI to settle,
    // which a loaded machine may not do within the harness's step limit.
    h.run_steps(2);
    h.get_by_role_and_label(egui::accesskit::Role::Button, "Jobs").click();
    run_until(&mut h, "the job list", |e| !e.cloud.jobs.is_empty());
    // The loopback project is Producing at first, Produced with its video Normal after.
    refresh_jobs(&mut h, 3);
    let job = h.state().cloud.jobs[0].clone();
    // The finish is announced wherever the user is looking: a toast and the status line.
    let toast = h.state().cloud.toast.clone().map(|t| t.0).unwrap_or_default();
    assert_eq!(toast, "Production \"Loopback film\" is ready (Jobs tab)");
    assert!(h.query_all_by_value(&toast).next().is_some() || h.query_by_label(&toast).is_some(), "the toast is shown");
    assert_eq!(job.production_status.as_deref(), Some("Produced"));
    assert_eq!(job.video_status.as_deref(), Some("Normal"));
    assert!(!job.is_active());
    assert!(h.query_all_by_value("Duration: 00:00:12:00").next().is_some(), "a finished job shows its duration");
    run_until(&mut h, "the cover", |e| e.library.thumbs_ready() >= 1);
    // A finished production can be watched (tests/ui_source.rs plays it).
    assert!(h.query_by_label("Watch").is_some());
    // Open the cloud project: the document has unsaved changes (the linked ProjectId).
    h.get_by_label("Open cloud project").click();
    run_until(&mut h, "the prompt", |e| e.confirm_prompt().is_some());
    h.get_by_label("Discard").click();
    run_until(&mut h, "the cloud project", |e| e.doc.path.is_none() && e.doc.project().clip_count() == 2);
    assert_eq!(h.state().doc.project().project_id, job.project_id);
    assert_eq!(h.state().doc.project().title, "Loopback film");
}

#[test]
fn test_connection_reports_in_words() {
    let s = setup();
    let mut h = harness(&s, project(CLEAN), KEY_SECRET);
    h.run();
    h.get_by_label("File").click();
    h.run_steps(2);
    h.get_by_label("Account settings…").click();
    h.run_steps(3);
    // The active credentials, masked; never the secret.
    assert!(h.query_all_by_value("Active: entered for this session, AccessKey ID LTAI****y001").next().is_some());
    h.get_by_label("Test connection").click();
    run_until(&mut h, "the test", |e| e.cloud.test_result.is_some());
    let r = h.state().cloud.test_result.clone().unwrap();
    let text = r.unwrap();
    assert!(text.contains("Connected to") && text.contains("LTAI****y001"), "{text}");
    assert!(!text.contains(KEY_SECRET));
}

#[test]
fn a_200_answer_without_ids_is_an_unknown_outcome_not_a_refusal() {
    let s = setup();
    let mut h = harness(&s, project(CLEAN), KEY_SECRET);
    h.run();
    press_produce(&mut h);
    // The service takes the production but its answer names nothing: it may be producing
    // (and billing) all the same, so "refused" would invite a second, billed submission.
    s.server.fault(Fault::Answer(r#"{"RequestId":"R-NO-IDS"}"#));
    confirm(&mut h);
    run_until(&mut h, "the answer", |e| matches!(e.cloud.step, Step::Done(_)));
    assert!(h.query_all_by_label("Outcome unknown").next().is_some(), "the dialog says the outcome is unknown");
    assert!(h.query_all_by_label("Production refused").next().is_none());
    let Step::Done(o) = &h.state().cloud.step else { unreachable!() };
    assert!(o.unknown, "{:?}", o.error);
    assert!(o.error.as_deref().unwrap_or_default().contains("R-NO-IDS"), "{:?}", o.error);
    let jobs = vodcut::core::env::job_store_in(s.data.path(), false).list().0;
    assert_eq!(jobs[0].state, vodcut::store::jobs::JobState::OutcomeUnknown);
}

/// A template (a project still holding a `{{slot}}`) is not produced as it is, from the editor
/// either: the same refusal as `vodcut submit`, and nothing is sent.
#[test]
fn an_unfilled_template_is_refused_and_nothing_is_sent() {
    let s = setup();
    let mut p = project(CLEAN);
    p.title = "{{title}}".into();
    let mut h = harness(&s, p, KEY_SECRET);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Enter);
    h.run_steps(5);
    assert!(h.query_all_by_value("Cannot produce yet").count() > 0, "the blocked dialog shows");
    let said = h.query_all_by(|n| n.value().is_some_and(|v| v.contains("{{title}} in Title is not filled")));
    assert!(said.count() > 0, "the slot and its place are named");
    assert!(matches!(h.state().cloud.step, Step::Blocked(_)));
    assert_eq!(s.server.requests().len(), 0, "nothing was sent, not even the media check");
}

/// A production whose answer was lost may exist, billed: producing the project again looks
/// for it first. Found, it is shown and nothing is sent; in doubt, nothing is sent until the
/// user chooses "Produce anyway" (never the default button).
#[test]
fn producing_again_after_a_lost_answer_looks_for_the_production_first() {
    let s = setup();
    s.server.fault_on("ProduceEditingProjectVideo", Fault::DropAfterHandling);
    let mut h = harness(&s, project(CLEAN), KEY_SECRET);
    h.run();
    produce_until_done(&mut h);
    h.get_by_label("Close").click();
    h.run();
    produce_until_done(&mut h);
    let Step::Done(outcome) = &h.state().cloud.step else { unreachable!() };
    assert!(outcome.earlier, "{outcome:?}");
    let project_id = outcome.ids.clone().expect("the earlier production's IDs").project_id;
    assert!(!project_id.is_empty());
    assert!(h.query_all_by_value(&project_id).next().is_some(), "its ProjectId is shown");
    assert!(h.query_by_label("Produce anyway").is_none());
    assert_eq!(s.server.received("ProduceEditingProjectVideo"), 1, "not sent again");
    assert_eq!(h.state().doc.project().project_id.as_deref(), Some(project_id.as_str()), "linked");

    // Lost before VOD carried it out: in doubt, so it waits for the user's word.
    let s = setup();
    s.server.fault_on("ProduceEditingProjectVideo", Fault::DropBeforeHandling);
    let mut h = harness(&s, project(CLEAN), KEY_SECRET);
    h.run();
    produce_until_done(&mut h);
    h.get_by_label("Close").click();
    h.run();
    produce_until_done(&mut h);
    assert_eq!(s.server.received("ProduceEditingProjectVideo"), 1, "nothing sent while in doubt");
    let said = h.query_all_by(|n| n.value().is_some_and(|v| v.contains("may have been made, and billed")));
    assert!(said.count() > 0, "the doubt is said");
    // VODCUT_UI_SHOTS=DIR: the dialog as drawn, to look at.
    if let Some(dir) = std::env::var_os("VODCUT_UI_SHOTS") {
        h.render().unwrap().save(std::path::Path::new(&dir).join("produce-in-doubt.png")).unwrap();
    }
    h.get_by_label("Produce anyway").click();
    h.run_steps(2);
    run_until(&mut h, "the answer", |e| matches!(&e.cloud.step, Step::Done(o) if !o.earlier));
    assert_eq!(s.server.received("ProduceEditingProjectVideo"), 2, "sent when the user said so");
}

#[test]
fn the_job_list_says_why_a_production_failed() {
    let s = setup();
    s.server.state.lock().unwrap().fate = vodcut::sandbox::service::Fate::Fail;
    let mut h = harness(&s, project(CLEAN), KEY_SECRET);
    h.run();
    produce_until_done(&mut h);
    h.get_by_label("Close").click();
    h.run_steps(2);
    h.get_by_role_and_label(egui::accesskit::Role::Button, "Jobs").click();
    run_until(&mut h, "the job list", |e| !e.cloud.jobs.is_empty());
    refresh_jobs(&mut h, 3);
    assert_eq!(h.state().cloud.jobs[0].production_status.as_deref(), Some("ProduceFailed"));
    h.run_steps(2);
    let why = "Why it failed: Project.ErrorCode: InvalidParameter.ResourceContentBad; \
               Project.ErrorMessage: The resource operated InputFile is bad";
    assert!(h.query_by_label(why).is_some() || h.query_all_by_value(why).next().is_some(), "the reason is shown");
}
