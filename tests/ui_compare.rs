//! Issue 26: "Compare with draft" as an editor uses it: a finished job in the Jobs tab, the
//! button, the window with the difference's two pictures (AccessKit labels), and "Go to".
//! The "produced" video is a draft of the edit with its second clip a second later in the
//! source (as if the service had moved it), rendered from the loopback server's colour
//! seconds video, so the only difference is known: from the cut at 4 s on.

mod support;

use egui_kittest::kittest::Queryable;
use std::sync::Arc;
use std::sync::atomic::AtomicBool;
use support::media_server::TestMedia;
use support::vod_server::{KEY_ID, KEY_SECRET, VodServer};
use vodcut::edit::document::Document;
use vodcut::model::export::import_timeline_str;
use vodcut::model::{Project, Time};

fn edit(second_in: u32) -> Project {
    let mut p = import_timeline_str(&format!(
        r#"{{"VideoTracks":[{{"VideoTrackClips":[
            {{"MediaId":"vid","In":0,"Out":4,"TimelineIn":0}},
            {{"MediaId":"vid","In":{second_in},"Out":{},"TimelineIn":4}}]}}]}}"#,
        second_in + 4
    ))
    .unwrap();
    p.produce_config.width = Some(320);
    p.produce_config.height = Some(180);
    p
}

/// `project` rendered as the draft renderer does, served as MediaId `id`.
fn serve_render(server: &VodServer, project: &Project, id: &str, dir: &std::path::Path) {
    let mut config = vodcut::api::ClientConfig::new(server.url().parse().unwrap());
    config.timeout = std::time::Duration::from_secs(10);
    let client = vodcut::api::Client::new(config, vodcut::api::Credentials::session(KEY_ID, KEY_SECRET)).unwrap();
    let options = vodcut::media::Options { cache_dir: Some(dir.join("cache")), ..Default::default() };
    let footage = Arc::new(vodcut::media::Footage::new(Ok(client), options));
    let rt = tokio::runtime::Runtime::new().unwrap();
    let out = dir.join(format!("{id}.mp4"));
    let settings = vodcut::draft::Settings { height: 180, ..Default::default() };
    vodcut::draft::render(&footage, rt.handle(), project, &out, &settings, &AtomicBool::new(false), &mut |_| {})
        .unwrap();
    server.add_video_file(id, "video", "Promo", out, 8.0);
}

#[test]
fn a_finished_job_is_compared_with_the_draft_and_the_difference_is_shown() {
    let server = VodServer::start();
    server.add_test_video("vid", "Colour seconds");
    let made = tempfile::tempdir().unwrap();
    serve_render(&server, &edit(11), "prod", made.path());

    let (e, _cache) = support::ui::footage_editor(server.url(), "", Document::new(edit(10), None, false));
    let mut h = support::ui::harness(e, egui::vec2(1280.0, 800.0));
    let mut job =
        vodcut::store::jobs::Job::new("1".into(), vodcut::store::jobs::JobState::Submitted, "Promo", "cn-shanghai", "");
    job.media_id = Some("prod".into());
    job.production_status = Some("Produced".into());
    job.video_status = Some("Normal".into());
    h.state_mut().cloud.jobs = vec![job];
    h.state_mut().tab = vodcut::ui::app::Tab::Jobs;
    h.run_steps(3);
    h.get_by_label("Compare with draft").click();
    h.run_steps(2);
    assert_eq!(h.state().error, None);
    assert!(h.state().compare.is_open(), "the window shows (waiting for the footage service, or comparing)");
    support::ui::run_until(&mut h, "the comparison", |e| e.compare.report.is_some());
    let report = h.state().compare.report.as_ref().unwrap().as_ref().expect("a report");
    let differ: Vec<f64> = report.differences().map(|c| c.point.at.as_secs_f64()).collect();
    assert_eq!(differ, vec![4.0], "only the moved clip differs");
    assert_eq!(report.checked.len(), 2, "the start and the cut");
    // The difference's two pictures, side by side in the window.
    h.get_by_label("Draft at 00:00:04:00");
    h.get_by_label("Produced at 00:00:04:00");
    h.get_by_label_contains("2 of 2 points checked; 1 differs by more than 10%");
    h.get_by_label("Go to").click();
    h.run_steps(3);
    assert_eq!(h.state().doc.project().playhead, Time::from_secs(4), "Go to put the playhead at the cut");
    drop(server);
}
