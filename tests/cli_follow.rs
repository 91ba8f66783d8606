//! `vodcut submit --wait` and `vodcut status ID --wait` as a user runs them, against the
//! loopback VOD server told how its productions end: 0 the video is ready, 4 the production
//! failed (VOD's statuses and error fields printed), 5 the time given ran out.

mod support;

#[path = "support/cli.rs"]
mod cli;

use cli::Env;
use std::path::PathBuf;
use std::process::Output;
use vodcut::sandbox::service::Fate;

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

const CLEAN: &str =
    r#"{"VideoTracks":[{"VideoTrackClips":[{"MediaId":"5aed81b74ba84920be578cdfe004af4b","In":0,"Out":4}]}]}"#;

fn project(env: &Env) -> PathBuf {
    let path = env.home.path().join("film.vodcut");
    let mut p = vodcut::model::export::import_timeline_str(CLEAN).unwrap();
    p.title = "Film".into();
    vodcut::store::project_file::save(&path, &p).unwrap();
    path
}

fn run(env: &Env, args: &[&str]) -> Output {
    env.command_with_keys(args).env("VODCUT_POLL_MS", "20").output().unwrap()
}

#[test]
fn submit_wait_exits_0_once_the_video_is_ready() {
    let env = Env::new();
    env.server.state.lock().unwrap().polls_until_produced = 3;
    let file = project(&env);
    let out = run(&env, &["submit", file.to_str().unwrap(), "--wait"]);
    let (o, e) = (text(&out.stdout), text(&out.stderr));
    assert_eq!(out.status.code(), Some(0), "{o}{e}");
    assert!(e.contains("now: producing") && e.contains("now: produced, ready"), "each status as it came: {e}");
    assert!(o.contains("Production: produced") && o.contains("Video:      ready"), "{o}");
    assert!(env.server.handled("GetEditingProject") >= 4, "it asked until Produced");
    assert_eq!(env.server.handled("ProduceEditingProjectVideo"), 1);
}

#[test]
fn a_failed_production_exits_4_with_every_error_field_vod_gave() {
    let env = Env::new();
    env.server.state.lock().unwrap().fate = Fate::Fail;
    let file = project(&env);
    let out = run(&env, &["submit", file.to_str().unwrap(), "--wait", "--json"]);
    let (o, e) = (text(&out.stdout), text(&out.stderr));
    assert_eq!(out.status.code(), Some(4), "{o}{e}");
    let job: serde_json::Value = serde_json::from_str(&o).unwrap();
    assert_eq!(job["Ending"], "failed");
    assert_eq!(job["ProductionStatus"], "ProduceFailed");
    assert_eq!(job["ServiceErrors"]["Project.ErrorCode"], "InvalidParameter.ResourceContentBad");
    assert_eq!(job["ServiceErrors"]["Project.ErrorMessage"], "The resource operated InputFile is bad");
    assert!(e.contains("failed"), "{e}");

    // status --wait of the recorded job says the same in words, and the history keeps it.
    let id = job["MediaId"].as_str().unwrap();
    let out = run(&env, &["status", id, "--wait"]);
    let o = text(&out.stdout);
    assert_eq!(out.status.code(), Some(4), "{o}{}", text(&out.stderr));
    assert!(o.contains("Production: production failed"), "{o}");
    assert!(o.contains("Project.ErrorCode: InvalidParameter.ResourceContentBad"), "{o}");
    let out = run(&env, &["jobs", "--json"]);
    let jobs: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(jobs[0]["ServiceErrors"]["Project.ErrorCode"], "InvalidParameter.ResourceContentBad");
}

#[test]
fn a_production_still_going_exits_5_when_the_time_runs_out() {
    let env = Env::new();
    env.server.state.lock().unwrap().fate = Fate::StayProducing;
    let file = project(&env);
    let start = std::time::Instant::now();
    let out = run(&env, &["submit", file.to_str().unwrap(), "--wait", "--wait-timeout", "1s"]);
    let e = text(&out.stderr);
    assert_eq!(out.status.code(), Some(5), "{e}");
    assert!(start.elapsed().as_secs() < 20, "it gave up at its time-out");
    assert!(e.contains("still going after") && e.contains("status"), "{e}");

    // The same production, followed again by its ProjectId (not in the history's words: VOD's).
    let project_id = vodcut::store::project_file::open(&file).unwrap().project.project_id.unwrap();
    env.server.state.lock().unwrap().fate = Fate::Produce;
    let out = run(&env, &["status", &project_id, "--wait", "--wait-timeout", "30s"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
}

#[test]
fn a_bad_wait_timeout_is_refused_before_anything_is_sent() {
    let env = Env::new();
    let file = project(&env);
    let out = run(&env, &["submit", file.to_str().unwrap(), "--wait", "--wait-timeout", "soon"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    assert!(text(&out.stderr).contains("\"soon\" is not a duration"));
    assert_eq!(env.server.received("ProduceEditingProjectVideo"), 0);
}
