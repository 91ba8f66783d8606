//! `vodcut --sandbox` from the command line, as a newcomer without an account runs it: search
//! the seeded library, upload a file, produce, follow the production until its video is
//! Normal, list the jobs; and the sandbox's jobs stay out of the real history.

mod support;

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Output;
use std::time::{Duration, Instant};

struct Env {
    home: tempfile::TempDir,
}

/// A real-looking key in the environment: were it used, the sandbox would refuse it
/// (InvalidAccessKeyId), so success proves the demo keys signed.
const REAL_KEY: &str = "LTAI5tRealUserKey0000001";

impl Env {
    fn new() -> Self {
        let home = tempfile::tempdir().unwrap();
        // A broken aliyun config: reading it would fail the command ("not JSON").
        std::fs::create_dir_all(home.path().join(".aliyun")).unwrap();
        std::fs::write(home.path().join(".aliyun/config.json"), "{broken").unwrap();
        Env { home }
    }

    fn run(&self, args: &[&str]) -> Output {
        support::isolated(env!("CARGO_BIN_EXE_vodcut"), self.home.path())
            .args(args)
            .env("VODCUT_SANDBOX_DIR", self.home.path().join("sandbox"))
            .env("ALIBABA_CLOUD_ACCESS_KEY_ID", REAL_KEY)
            .env("ALIBABA_CLOUD_ACCESS_KEY_SECRET", "real-secret-never-sent")
            .output()
            .unwrap()
    }

    fn ok(&self, args: &[&str]) -> Output {
        let out = self.run(args);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}{}", text(&out.stdout), text(&out.stderr));
        out
    }

    fn json(&self, args: &[&str]) -> Value {
        let out = self.ok(args);
        serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{args:?}: {e}: {}", text(&out.stdout)))
    }

    fn path(&self, name: &str) -> PathBuf {
        self.home.path().join(name)
    }
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn p(path: &Path) -> &str {
    path.to_str().unwrap()
}

/// Repeats `f` until it gives Some, or fails after `secs`.
fn until<T>(what: &str, secs: u64, mut f: impl FnMut() -> Option<T>) -> T {
    let start = Instant::now();
    loop {
        if let Some(v) = f() {
            return v;
        }
        assert!(start.elapsed() < Duration::from_secs(secs), "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(300));
    }
}

#[test]
fn search_upload_produce_follow_and_list_jobs_without_an_account() {
    let env = Env::new();

    // The seeded library, Chinese and English titles, each with a cover.
    let found = env.json(&["--sandbox", "media", "search", "--json"]);
    assert_eq!(found["Sandbox"], true, "results say Sandbox");
    let list = found["MediaList"].as_array().unwrap();
    assert!(list.len() >= 4, "{found}");
    assert!(list.iter().any(|m| m["Title"].as_str().unwrap().contains("海边的一天")), "{found}");
    assert!(list.iter().all(|m| m["CoverURL"].as_str().unwrap().starts_with("http://127.0.0.1:")), "{found}");
    let beach = env.json(&["--sandbox", "media", "search", "beach", "--json"]);
    assert_eq!(beach["Total"], 1, "{beach}");
    let text_out = env.ok(&["--sandbox", "media", "search", "--kind", "audio"]);
    assert!(text(&text_out.stdout).starts_with("[Sandbox] 2 audio items match"), "{}", text(&text_out.stdout));
    assert!(text(&text_out.stderr).contains("nothing is sent to Alibaba Cloud"), "{}", text(&text_out.stderr));

    // Upload a file; it goes through the simulated transcode to Normal.
    let clip = env.path("holiday.mp4");
    std::fs::write(&clip, vec![7u8; 300 * 1024]).unwrap();
    let up = env.json(&["--sandbox", "media", "upload", p(&clip), "--title", "假期 Holiday", "--json"]);
    let media_id = up[0]["MediaId"].as_str().unwrap_or_else(|| panic!("{up}")).to_owned();
    until("the upload to be Normal", 20, || {
        let info = env.json(&["--sandbox", "media", "info", &media_id, "--json"]);
        (info["VideoList"][0]["Status"] == "Normal").then_some(())
    });
    // A later command (another process) still sees it: the state lasts.
    let mine = env.json(&["--sandbox", "media", "search", "Holiday", "--json"]);
    assert_eq!(mine["MediaList"][0]["MediaId"], media_id.as_str(), "{mine}");

    // Produce a project using the upload and a library video.
    let timeline = format!(
        r#"{{"VideoTracks":[{{"VideoTrackClips":[{{"MediaId":"{media_id}","In":0,"Out":4}},{{"MediaId":"5a9d0000000000000000000000000001","In":2,"Out":6}}]}}]}}"#
    );
    std::fs::write(env.path("tl.json"), timeline).unwrap();
    let film = env.path("film.vodcut");
    env.ok(&["import", p(&env.path("tl.json")), "-o", p(&film)]);
    let sub = env.json(&["--sandbox", "submit", p(&film), "--yes", "--json"]);
    let produced = sub["MediaId"].as_str().unwrap().to_owned();
    assert_eq!(sub["Sandbox"], true, "{sub}");
    assert!(!produced.is_empty() && !sub["ProjectId"].as_str().unwrap().is_empty(), "{sub}");

    // Status until the produced video is Normal (the sandbox takes a few seconds).
    let job = until("the production to finish", 30, || {
        let s = env.json(&["--sandbox", "status", &produced, "--json"]);
        (s["VideoStatus"] == "Normal").then_some(s)
    });
    assert_eq!(job["ProductionStatus"], "Produced", "{job}");
    assert_eq!(job["Duration"], 8.0, "the Timeline's length (4 s + 4 s): {job}");
    assert_eq!(job["Sandbox"], true, "marked as a sandbox job: {job}");

    // Jobs: the sandbox lists it, marked; the real history (same data folder) does not.
    let jobs = env.json(&["--sandbox", "jobs", "--json"]);
    assert_eq!(jobs.as_array().unwrap().len(), 1, "{jobs}");
    assert_eq!(jobs[0]["MediaId"], produced.as_str());
    let listed = env.ok(&["--sandbox", "jobs"]);
    assert!(text(&listed.stdout).contains("Sandbox"), "{}", text(&listed.stdout));
    let real = env.json(&["jobs", "--json"]);
    assert_eq!(real, Value::Array(vec![]), "sandbox jobs stay out of the real history");
    let real_text = env.ok(&["jobs"]);
    assert!(!text(&real_text.stdout).contains(&produced), "{}", text(&real_text.stdout));

    // Without --sandbox the broken real config is read (and reported): the sandbox never did.
    let real = env.run(&["media", "search", "--profile", "default"]);
    assert_ne!(real.status.code(), Some(0), "{}", text(&real.stdout));
}

#[test]
fn endpoint_and_profile_are_refused_in_the_sandbox() {
    let env = Env::new();
    for (flag, value) in [("--endpoint", "https://vod.cn-shanghai.aliyuncs.com"), ("--profile", "work")] {
        let out = env.run(&["--sandbox", "media", "search", flag, value]);
        assert_eq!(out.status.code(), Some(2), "{flag}");
        let err = text(&out.stderr);
        assert!(err.contains(&format!("{flag} cannot be used with --sandbox")), "{err}");
    }
}

#[test]
fn keep_folder_holds_the_state_and_the_sandboxs_own_data() {
    let env = Env::new();
    env.ok(&["--sandbox", "media", "search"]);
    let dir = env.path("sandbox");
    assert!(dir.join("service/state.json").exists(), "the state is kept in the folder");
    assert!(dir.join("data").is_dir() && dir.join("cache").is_dir(), "its own data and cache folders");
    assert!(!env.path("data/jobs").exists(), "the real data folder is untouched");
}

/// An uploaded video plays in the sandbox (with ffmpeg): its length is the file's, and a frame
/// of it is the file's own picture.
#[test]
fn an_uploaded_video_gets_its_real_length_and_plays() {
    let env = Env::new();
    env.ok(&["--sandbox", "media", "search"]);
    // The sandbox's own colour-seconds video (each second a colour), uploaded as a new file.
    let clip = env.path("seconds-copy.mp4");
    std::fs::copy(env.path("sandbox/service/media/seconds.mp4"), &clip).expect("ffmpeg made the seeded media");
    let up = env.json(&["--sandbox", "media", "upload", p(&clip), "--json"]);
    let id = up[0]["MediaId"].as_str().unwrap().to_owned();
    let info = until("Normal", 20, || {
        let info = env.json(&["--sandbox", "media", "info", &id, "--json"]);
        (info["VideoList"][0]["Status"] == "Normal").then_some(info)
    });
    assert_eq!(info["VideoList"][0]["Duration"], 20.0, "the file's own length: {info}");
    let png = env.path("frame.png");
    env.ok(&["--sandbox", "frame", &id, "--at", "3.5", "-o", p(&png)]);
    let img = image::open(&png).unwrap().to_rgb8();
    let px = img.get_pixel(img.width() / 2, img.height() / 2).0;
    // Second 3 of the colour-seconds video is (180, 20, 200).
    let want = [180u8, 20, 200];
    assert!((0..3).all(|k| (px[k] as i32 - want[k] as i32).abs() <= 12), "{px:?}");
}

#[test]
fn the_next_command_suggested_keeps_the_global_options() {
    let env = Env::new();
    let tl = r#"{"VideoTracks":[{"VideoTrackClips":[{"MediaId":"5a9d0000000000000000000000000001","In":0,"Out":2}]}]}"#;
    std::fs::write(env.path("tl.json"), tl).unwrap();
    let film = env.path("film.vodcut");
    env.ok(&["import", p(&env.path("tl.json")), "-o", p(&film)]);

    let said = text(&env.ok(&["--sandbox", "--signature", "v3", "submit", p(&film), "--yes"]).stdout);
    let line = said.lines().find(|l| l.starts_with("Follow it with: ")).unwrap_or_else(|| panic!("{said}"));
    let command = line.trim_start_matches("Follow it with: ");
    assert!(command.starts_with("vodcut --sandbox --signature v3 status "), "{said}");
    // As printed, it works: the production is found in the sandbox.
    let args: Vec<&str> = command.split(' ').skip(1).collect();
    let status = text(&env.ok(&args).stdout);
    // Each label keeps a space before its value, the longest too.
    assert!(status.lines().any(|l| l.starts_with("Production: ")), "{status}");
    assert!(!status.contains("Production:P"), "{status}");

    let said = text(&env.ok(&["--sandbox", "--lang", "zh-CN", "submit", p(&film), "--yes"]).stdout);
    assert!(said.contains("查看进度：vodcut --sandbox --lang zh-CN status "), "{said}");

    let clip = env.path("clip.mp4");
    std::fs::write(&clip, vec![7u8; 64 * 1024]).unwrap();
    let up = env.ok(&["media", "upload", p(&clip), "--sandbox"]);
    assert!(text(&up.stderr).contains("`vodcut --sandbox media info ID`"), "{}", text(&up.stderr));
}

#[test]
fn cloud_projects_are_kept_by_the_sandbox_between_commands() {
    let env = Env::new();
    let found = env.json(&["--sandbox", "media", "search", "beach", "--json"]);
    let media = found["MediaList"][0]["MediaId"].as_str().unwrap().to_owned();
    let tl = format!(r#"{{"VideoTracks":[{{"VideoTrackClips":[{{"MediaId":"{media}","In":0,"Out":3}}]}}]}}"#);
    let mut project = vodcut::model::export::import_timeline_str(&tl).unwrap();
    project.title = "沙箱 Sandbox cut".into();
    let file = env.path("cut.vodcut");
    vodcut::store::project_file::save(&file, &project).unwrap();

    // Each command is its own process: the project, its materials and the deletion are kept.
    let pushed = env.json(&["--sandbox", "projects", "push", p(&file), "--json"]);
    assert_eq!((pushed["Created"].as_bool(), pushed["Materials"].as_u64()), (Some(true), Some(1)), "{pushed}");
    let id = pushed["ProjectId"].as_str().unwrap().to_owned();
    let again = env.json(&["--sandbox", "projects", "push", p(&file), "--json"]);
    assert_eq!((again["Created"].as_bool(), again["ProjectId"].as_str()), (Some(false), Some(id.as_str())));
    let listed = env.json(&["--sandbox", "projects", "list", "--json"]);
    assert_eq!((listed["Total"].as_u64(), listed["Sandbox"].as_bool()), (Some(1), Some(true)), "{listed}");
    assert_eq!(listed["ProjectList"][0]["Title"], "沙箱 Sandbox cut");
    assert_eq!(env.json(&["--sandbox", "jobs", "--json"]), serde_json::json!([]), "saving is not producing");
    env.ok(&["--sandbox", "projects", "delete", &id, "--yes"]);
    assert_eq!(env.json(&["--sandbox", "projects", "list", "--json"])["Total"], 0);
}

/// Issue 26: a sandbox production is a real video (the draft of what was sent), even when
/// `submit` returns at once and its process ends before the draft is made: the next command
/// takes it up. It joins the library, plays, and matches the draft cut by cut.
#[test]
fn a_sandbox_production_is_a_video_in_the_library_that_matches_the_draft() {
    let env = Env::new();
    let timeline = r#"{"VideoTracks":[{"VideoTrackClips":[
        {"MediaId":"5a9d0000000000000000000000000001","In":0,"Out":3},
        {"MediaId":"5a9d0000000000000000000000000002","In":1,"Out":4}]}]}"#;
    std::fs::write(env.path("tl.json"), timeline).unwrap();
    let film = env.path("film.vodcut");
    env.ok(&["import", p(&env.path("tl.json")), "-o", p(&film)]);
    let sub = env.json(&["--sandbox", "submit", p(&film), "--yes", "--json"]);
    let produced = sub["MediaId"].as_str().unwrap().to_owned();
    let job = env.json(&["--sandbox", "status", &produced, "--wait", "--wait-timeout", "2m", "--json"]);
    assert_eq!((job["ProductionStatus"].as_str(), job["VideoStatus"].as_str()), (Some("Produced"), Some("Normal")));

    let found = env.json(&["--sandbox", "media", "search", "--page-size", "100", "--json"]);
    assert!(found.to_string().contains(&produced), "the produced video is in the library: {found}");
    let still = env.path("produced.png");
    env.ok(&["--sandbox", "frame", &produced, "--at", "4", "-o", p(&still)]);
    assert!(image::open(&still).is_ok(), "a frame of the produced video");

    let out = env.run(&["--sandbox", "compare", p(&film), "--json"]);
    assert_eq!(out.status.code(), Some(0), "{}{}", text(&out.stdout), text(&out.stderr));
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["MediaId"], produced.as_str());
    assert_eq!(report["Differences"], 0, "{report}");
    assert_eq!(report["Points"].as_array().unwrap().len(), 2, "the start and the cut at 3 s: {report}");
}
