//! `vodcut compare` as a user runs it against the loopback VOD server: the "produced" videos
//! are drafts of the project as the service might have made it (the same edit, the logo
//! left out, an Out clamped), rendered with `vodcut render` from the colour-seconds test
//! video, so every difference is known. And the whole round: submit --wait, the produced
//! video in the library, compare with no --media (the job history names it).

mod support;

#[path = "support/cli.rs"]
mod cli;

use cli::Env;
use std::path::{Path, PathBuf};
use std::process::Output;
use support::media_server::{MAGENTA, TestMedia};

/// V1: seconds 12-16 of the test video, then 2-6; a logo in the top-left quarter all along;
/// a marker at 5.5 s. The output is 640x360 and 8 s long.
const EDIT: &str = r#"{"VideoTracks":[{"VideoTrackClips":[
    {"MediaId":"vid","In":12,"Out":16,"TimelineIn":0,"TimelineOut":4},
    {"MediaId":"vid","In":2,"Out":6,"TimelineIn":4,"TimelineOut":8}]}],
  "ImageTracks":[{"ImageTrackClips":[{"ImageId":"logo","X":0,"Y":0,"Width":0.25,"Height":0.25,"TimelineIn":0,"TimelineOut":8}]}]}"#;

/// The service ignored the logo.
const NO_LOGO: &str = r#"{"VideoTracks":[{"VideoTrackClips":[
    {"MediaId":"vid","In":12,"Out":16,"TimelineIn":0,"TimelineOut":4},
    {"MediaId":"vid","In":2,"Out":6,"TimelineIn":4,"TimelineOut":8}]}]}"#;

/// The service clamped the first clip's Out to 15 s: the second clip starts a second early
/// and the video is 7 s long.
const CLAMPED: &str = r#"{"VideoTracks":[{"VideoTrackClips":[
    {"MediaId":"vid","In":12,"Out":15},
    {"MediaId":"vid","In":2,"Out":6}]}],
  "ImageTracks":[{"ImageTrackClips":[{"ImageId":"logo","X":0,"Y":0,"Width":0.25,"Height":0.25,"TimelineIn":0,"TimelineOut":7}]}]}"#;

fn env() -> Env {
    let env = Env::new();
    env.server.add_test_video("vid", "Colour seconds");
    env.server.add_test_image("logo", "Logo", 64, 32, MAGENTA);
    env
}

fn text(o: &Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&o.stdout), String::from_utf8_lossy(&o.stderr))
}

fn project(dir: &Path, name: &str, timeline: &str, marker: bool) -> PathBuf {
    let mut p = vodcut::model::export::import_timeline_str(timeline).unwrap();
    p.produce_config.width = Some(640);
    p.produce_config.height = Some(360);
    p.title = "Film".into();
    if marker {
        p.markers.push(vodcut::model::project::Marker {
            time: vodcut::model::Time::from_millis(5500),
            label: "logo check".into(),
            ..Default::default()
        });
    }
    let path = dir.join(name);
    vodcut::store::project_file::save(&path, &p).unwrap();
    path
}

/// `timeline` rendered as the service's video, served as MediaId `id`.
fn produced(env: &Env, id: &str, timeline: &str, seconds: f64) {
    let dir = env.home.path().join(format!("made-{id}"));
    std::fs::create_dir_all(&dir).unwrap();
    let file = project(&dir, "service.vodcut", timeline, false);
    let mp4 = dir.join("produced.mp4");
    let o = env.command_with_keys(&["render", file.to_str().unwrap(), "-o", mp4.to_str().unwrap()]).output().unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    env.server.add_video_file(id, "video", "Produced", mp4, seconds);
}

/// Every file under `dir`.
fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let p = e.path();
        if p.is_dir() { out.extend(walk(&p)) } else { out.push(p) }
    }
    out
}

fn compare(env: &Env, file: &Path, extra: &[&str]) -> (Option<i32>, serde_json::Value, String) {
    let mut args = vec!["compare", file.to_str().unwrap(), "--json"];
    args.extend_from_slice(extra);
    let o = env.command_with_keys(&args).output().unwrap();
    let v = serde_json::from_slice(&o.stdout).unwrap_or(serde_json::Value::Null);
    (o.status.code(), v, text(&o))
}

#[test]
fn the_same_edit_produced_matches_at_every_cut_and_marker() {
    let env = env();
    let file = project(env.home.path(), "film.vodcut", EDIT, true);
    produced(&env, "same", EDIT, 8.0);
    let (code, v, said) = compare(&env, &file, &["--media", "same"]);
    assert_eq!(code, Some(0), "{said}");
    let points: Vec<(&str, f64)> = v["Points"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p["Kind"].as_str().unwrap(), p["Seconds"].as_f64().unwrap()))
        .collect();
    assert_eq!(points, vec![("start", 0.0), ("cut", 4.0), ("marker", 5.5)], "{said}");
    assert_eq!(v["Differences"], 0, "{said}");
    for p in v["Points"].as_array().unwrap() {
        assert!(p["Difference"].as_f64().unwrap() < 5.0, "an encoder's noise only: {p}");
    }
}

#[test]
fn a_logo_the_service_left_out_is_listed_with_both_pictures() {
    let env = env();
    let file = project(env.home.path(), "film.vodcut", EDIT, true);
    produced(&env, "nologo", NO_LOGO, 8.0);
    let pictures = env.home.path().join("differences");
    let (code, v, said) = compare(&env, &file, &["--media", "nologo", "--pictures", pictures.to_str().unwrap()]);
    assert_eq!(code, Some(1), "differences exit 1: {said}");
    assert_eq!(v["Differences"], 3, "the logo is missing at every point: {said}");
    for p in v["Points"].as_array().unwrap() {
        let worst = p["Worst"].as_array().unwrap();
        assert!(worst[0].as_f64().unwrap() < 0.25 && worst[1].as_f64().unwrap() < 0.25, "top left: {p}");
        let png = PathBuf::from(p["Picture"].as_str().unwrap());
        let img = image::open(&png).unwrap().to_rgba8();
        // The draft left, the produced video right, both 320 wide, 8 pixels apart.
        assert_eq!(img.dimensions(), (648, 180), "{}", png.display());
        let magenta = |x: u32, y: u32| {
            let px = img.get_pixel(x, y).0;
            (px[0] as i32 - 230).abs() < 40 && px[1] < 60 && (px[2] as i32 - 230).abs() < 40
        };
        assert!(magenta(30, 20), "the logo in the draft");
        assert!(!magenta(328 + 30, 20), "no logo in the produced video");
    }
    let mut names: Vec<String> =
        std::fs::read_dir(&pictures).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    assert_eq!(
        names,
        vec!["compare-001-00_00_00_00.png", "compare-002-00_00_04_00.png", "compare-003-00_00_05_12.png"]
    );

    // In words: each difference on a line, and the sum.
    let o = env.command_with_keys(&["compare", file.to_str().unwrap(), "--media", "nologo"]).output().unwrap();
    let said = text(&o);
    assert_eq!(o.status.code(), Some(1), "{said}");
    assert!(said.contains("00:00:05:12  marker \"logo check\""), "{said}");
    assert!(said.contains("3 of 3 points checked; 3 differ by more than 10.0%"), "{said}");
}

#[test]
fn a_clamped_out_that_moved_the_later_clip_is_found_at_the_cut() {
    let env = env();
    let file = project(env.home.path(), "film.vodcut", EDIT, true);
    produced(&env, "clamped", CLAMPED, 7.0);
    let (code, v, said) = compare(&env, &file, &["--media", "clamped"]);
    assert_eq!(code, Some(1), "{said}");
    let differs: Vec<(f64, bool)> = v["Points"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p["Seconds"].as_f64().unwrap(), p["Differs"].as_bool().unwrap()))
        .collect();
    // At the start both show second 12; from 4 s on the produced video is a second ahead.
    assert_eq!(differs, vec![(0.0, false), (4.0, true), (5.5, true)], "{said}");
    assert!(said.contains("the produced video is 00:00:07:00 long, the draft 00:00:08:00"), "{said}");
}

#[test]
fn bad_requests_are_refused_with_what_is_wrong() {
    let env = env();
    let file = project(env.home.path(), "film.vodcut", EDIT, false);
    // No production of this file in the job history, and none named.
    let o = env.command_with_keys(&["compare", file.to_str().unwrap()]).output().unwrap();
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    assert!(text(&o).contains("no finished production of") && text(&o).contains("--media"), "{}", text(&o));
    let o = env
        .command_with_keys(&["compare", file.to_str().unwrap(), "--media", "x", "--threshold", "0"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o).contains("--threshold must be more than 0"), "{}", text(&o));
    // A video that does not exist: its name and VOD's word.
    let o = env.command_with_keys(&["compare", file.to_str().unwrap(), "--media", "nosuch"]).output().unwrap();
    assert_eq!(o.status.code(), Some(5), "{}", text(&o));
    assert!(text(&o).contains("the produced video nosuch cannot be read: InvalidVideo.NotFound"), "{}", text(&o));
    // The pictures' folder is a file: refused before any work.
    let blocker = env.home.path().join("afile");
    std::fs::write(&blocker, "mine").unwrap();
    let o = env
        .command_with_keys(&[
            "compare",
            file.to_str().unwrap(),
            "--media",
            "x",
            "--pictures",
            blocker.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    assert_eq!(std::fs::read_to_string(&blocker).unwrap(), "mine");
}

#[test]
fn a_finished_production_joins_the_library_and_is_compared_from_the_job_history() {
    let env = env();
    let file = project(env.home.path(), "film.vodcut", EDIT, true);
    // What every production plays: the same edit, as the service made it.
    let dir = env.home.path().join("service");
    std::fs::create_dir_all(&dir).unwrap();
    let service = project(&dir, "service.vodcut", EDIT, false);
    let mp4 = dir.join("produced.mp4");
    let o =
        env.command_with_keys(&["render", service.to_str().unwrap(), "-o", mp4.to_str().unwrap()]).output().unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    env.server.play_productions_from(mp4);

    let o = env
        .command_with_keys(&["submit", file.to_str().unwrap(), "--yes", "--wait"])
        .env("VODCUT_POLL_MS", "20")
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    // A cover URL the service signs (auth_key; the test video's) is shown without its query,
    // never whole: not in the terminal, not with --json, not in any file.
    let info = env.command_with_keys(&["media", "info", "vid", "--json"]).output().unwrap();
    assert!(text(&info).contains("/still/vid/0.png?…"), "{}", text(&info));
    let mut files = String::new();
    for e in walk(env.home.path()) {
        files.push_str(&std::fs::read_to_string(e).unwrap_or_default());
    }
    assert!(files.contains("\"CoverURL\""), "the job history keeps the cover");
    for (what, said) in [("submit", text(&o)), ("media info", text(&info)), ("the home folder", files)] {
        assert!(!said.contains("auth_key"), "a signed URL in {what}: {said}");
    }
    let search = env.command_with_keys(&["media", "search", "Film", "--json"]).output().unwrap();
    let found: serde_json::Value = serde_json::from_slice(&search.stdout).unwrap_or_default();
    let media = env.server.state.lock().unwrap().projects.values().next().unwrap().media_ids[0].clone();
    assert!(found.to_string().contains(&media), "the produced video is in the library: {}", text(&search));

    let (code, v, said) = compare(&env, &file, &[]);
    assert_eq!(code, Some(0), "{said}");
    assert_eq!(v["MediaId"], media.as_str());
    assert_eq!(v["Differences"], 0, "{said}");
}
