//! The editor in the sandbox, in-process (`vodcut --sandbox` without the window): the library
//! lists the seeded media, a library video dragged onto a track becomes a clip, Produce sends
//! it to the sandbox and the job, marked Sandbox, is followed to Normal. The sandbox is active
//! for this whole test process, so this file holds one test.

use egui_kittest::kittest::Queryable;
use std::sync::Arc;
use vodcut::core::produce::Step;
use vodcut::edit::document::Document;
use vodcut::model::TrackKind;
use vodcut::store::settings::Settings;
use vodcut::ui::Editor;

mod support;
use support::ui::{FakePicker, drag, run_until};

#[test]
fn drag_a_library_video_onto_a_track_and_produce_in_the_sandbox() {
    let dir = tempfile::tempdir().unwrap();
    let sandbox = vodcut::sandbox::Sandbox::start_in(dir.path(), false, None).unwrap();
    // What `vodcut --sandbox` does: folders, credentials and endpoint come from the sandbox.
    let env = vodcut::core::Env::isolated(&dir.path().join("machine")).in_sandbox(sandbox.info());
    let data = env.data_dir.clone().unwrap();
    assert_eq!(data, dir.path().join("data"));
    let mut cloud = vodcut::core::cloud::Cloud::new(env, Settings::default());
    cloud.footage = false;
    assert!(cloud.sandbox);
    let mut e = Editor::with_cloud(Arc::new(FakePicker::default()), Document::default(), cloud);
    e.show_library = true;
    let mut h = support::ui::harness(e, egui::Vec2::new(1400.0, 900.0));
    // The library starts listing at once (a spinner): step, do not wait for it to settle.
    h.run_steps(2);
    assert_eq!(h.state().title(), "Untitled — vodcut — Sandbox");
    run_until(&mut h, "the seeded library", |e| e.library.list.rows.len() >= 4 && !e.library.list.loading);
    run_until(&mut h, "the covers", |e| e.library.thumbs_ready() >= 4);
    assert!(h.state().library.list.rows.iter().any(|r| r.title == "海边的一天 A day at the beach"));

    // Drop the video at the start of V1.
    let v1 = h.state().doc.project().tracks.iter().position(|t| t.kind == TrackKind::Video).unwrap();
    let lane = h.get_by_label("Track V1").rect();
    let from = h.get_by_label("Library 海边的一天 A day at the beach").rect().center();
    drag(&mut h, from, egui::Pos2::new(lane.right() + 40.0, lane.center().y));
    let clips = &h.state().doc.project().tracks[v1].clips;
    assert_eq!(clips.len(), 1, "{:?}", h.state().timeline.message);
    assert_eq!(clips[0].media_id.as_deref(), Some("5a9d0000000000000000000000000001"));

    // Produce, confirm, and follow the job to Normal.
    h.state_mut().start_produce();
    run_until(&mut h, "the confirmation", |e| matches!(e.cloud.step, Step::Confirm | Step::Warned(_)));
    if matches!(h.state().cloud.step, Step::Warned(_)) {
        h.state_mut().cloud.step = Step::Confirm;
    }
    h.run_steps(3);
    let says = "to the sandbox: a demo, not billed";
    assert!(
        h.query_all_by(|n| n.label().or(n.value()).is_some_and(|t| t.contains(says))).next().is_some(),
        "the confirmation says it is the sandbox, not billed"
    );
    h.get_by_label("Produce").click();
    run_until(&mut h, "the answer", |e| matches!(e.cloud.step, Step::Done(_)));
    let Step::Done(outcome) = h.state().cloud.step.clone() else { unreachable!() };
    assert!(outcome.error.is_none(), "{:?}", outcome.error);
    let media = outcome.ids.unwrap().media_id;
    let jobs = vodcut::core::env::job_store_in(&data, true).list().0;
    assert_eq!(jobs.len(), 1);
    assert!(jobs[0].sandbox && jobs[0].media_id.as_deref() == Some(media.as_str()), "{:?}", jobs[0]);
    std::thread::sleep(vodcut::sandbox::PRODUCE_TIME);
    let job = &mut jobs.into_iter().next().unwrap();
    let client = h.state().cloud.connection("cn-shanghai").client().unwrap();
    assert_eq!(client.endpoint().as_str(), sandbox.endpoint(), "the sandbox's endpoint, whatever the settings");
    let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    rt.block_on(vodcut::core::produce::refresh(&client, &vodcut::core::env::job_store_in(&data, true), job)).unwrap();
    assert_eq!(job.production_status.as_deref(), Some("Produced"));
    assert_eq!(job.video_status.as_deref(), Some("Normal"));
    // Nothing was signed with anything but the sandbox's own keys.
    let keys: Vec<String> =
        sandbox.server().requests().iter().filter_map(|r| r.params.get("AccessKeyId").cloned()).collect();
    let own = &sandbox.info().keys.access_key_id;
    assert!(!keys.is_empty() && keys.iter().all(|k| k == own), "{keys:?}");
    assert_ne!(own, support::vod_server::KEY_ID, "not the public test key");
}
