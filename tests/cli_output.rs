//! What the command line prints when things go wrong or text is hostile: escaped control
//! characters, JSON errors with `--json`, credentials messages that say the next step,
//! warnings for tracks left out; and the documented samples and the V3 signature against
//! the loopback server. The real binary, as a user runs it.

mod support;

use std::path::{Path, PathBuf};

#[path = "support/cli.rs"]
mod cli_env;
use cli_env::Env;
use vodcut::store::project_file;

/// Project files in the test's home folder.
trait Projects {
    fn project(&self, name: &str, timeline: &str, edit: impl FnOnce(&mut vodcut::model::Project)) -> PathBuf;
}

impl Projects for Env {
    fn project(&self, name: &str, timeline: &str, edit: impl FnOnce(&mut vodcut::model::Project)) -> PathBuf {
        let path = self.home.path().join(name);
        let mut p = vodcut::model::export::import_timeline_str(timeline).unwrap();
        p.title = "Film".into();
        edit(&mut p);
        project_file::save(&path, &p).unwrap();
        path
    }
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn p(path: &Path) -> &str {
    path.to_str().unwrap()
}

const CLEAN: &str =
    r#"{"VideoTracks":[{"VideoTrackClips":[{"MediaId":"5aed81b74ba84920be578cdfe004af4b","In":0,"Out":4}]}]}"#;

/// No byte that a terminal would act on: C0 controls other than newline and tab, DEL, and the
/// C1 controls (UTF-8 `C2 80`..`C2 9F`).
fn assert_inert(what: &str, bytes: &[u8]) {
    for (i, &b) in bytes.iter().enumerate() {
        let c0 = b < 0x20 && b != b'\n' && b != b'\t';
        let c1 = b == 0xC2 && bytes.get(i + 1).is_some_and(|n| (0x80..0xA0).contains(n));
        assert!(!(c0 || b == 0x7f || c1), "{what} has control byte {b:#x} at {i}: {:?}", text(bytes));
    }
}

#[test]
fn text_from_files_and_servers_cannot_drive_the_terminal() {
    let env = Env::new();
    let evil = "\u{1b}]0;pwned\u{7}\u{1b}[2J\r\u{9b}31m";
    env.server.add_media("5aed81b74ba84920be578cdfe004af4b", "video", &format!("beach {evil}"), 12.0, "Normal");
    // A media title from the server.
    let out = env.run(&["media", "search", "beach"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_inert("media search", &out.stdout);
    assert!(text(&out.stdout).contains("beach \\u001b]0;pwned\\u0007"), "{}", text(&out.stdout));
    let out = env.run(&["media", "search", "beach", "--json"]);
    assert_inert("media search --json", &out.stdout);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["MediaList"][0]["Title"], format!("beach {evil}"), "the JSON still means the same text");
    // A title and a font name from the file, shown by validate, submit and jobs.
    let file = env.project("evil.vodcut", CLEAN, |pr| {
        pr.title = format!("Film {evil}");
        pr.tracks[0].clips[0].style.font = Some(format!("Sim{evil}Sun"));
    });
    let out = env.run(&["validate", p(&file)]);
    assert_eq!(out.status.code(), Some(0));
    assert!(text(&out.stdout).contains("Sim\\u001b"), "{}", text(&out.stdout));
    assert_inert("validate", &out.stdout);
    let out = env.run(&["submit", p(&file), "--yes"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_inert("submit stdout", &out.stdout);
    assert_inert("submit stderr", &out.stderr);
    let out = env.run(&["jobs"]);
    assert_inert("jobs", &out.stdout);
    assert!(text(&out.stdout).contains("Film \\u001b]0;pwned"), "{}", text(&out.stdout));
    let out = env.run(&["timeline", p(&file)]);
    assert_inert("timeline", &out.stdout);
}

#[test]
fn json_failures_are_json_on_stdout() {
    let env = Env::new();
    let file = env.project("film.vodcut", CLEAN, |_| {});
    let missing = env.home.path().join("missing.vodcut");
    let closed = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        format!("http://{}/", l.local_addr().unwrap())
    };
    let cases: Vec<(Vec<&str>, i32, &str, bool)> = vec![
        (vec!["validate", p(&missing), "--json"], 2, "bad_input", true),
        (vec!["submit", p(&missing), "--json"], 2, "bad_input", true),
        (vec!["submit", p(&file), "--json"], 4, "settings", false),
        (vec!["status", "5aed81b74ba84920be578cdfe004af4b", "--json"], 4, "settings", false),
        (vec!["media", "search", "x", "--json"], 4, "settings", false),
        (vec!["media", "info", "5aed81b74ba84920be578cdfe004af4b", "--json"], 4, "settings", false),
        (vec!["media", "search", "x", "--json", "--endpoint", &closed, "--timeout", "1"], 6, "network", true),
    ];
    for (args, code, kind, with_keys) in cases {
        let out = if with_keys { env.run(&args) } else { env.command(&args).output().unwrap() };
        assert_eq!(out.status.code(), Some(code), "{args:?}: {}", text(&out.stderr));
        let v: serde_json::Value = serde_json::from_slice(&out.stdout)
            .unwrap_or_else(|e| panic!("{args:?}: stdout is not JSON ({e}): {}", text(&out.stdout)));
        assert_eq!(v["error"]["kind"], kind, "{args:?}: {v}");
        assert_eq!(v["error"]["exit_code"], code);
        assert!(!v["error"]["message"].as_str().unwrap().is_empty());
        assert!(text(&out.stderr).contains("vodcut: "), "the person watching still reads it");
    }
    // Blocking problems too.
    let bad = env.project(
        "bad.vodcut",
        r#"{"VideoTracks":[{"VideoTrackClips":[{"MediaId":"5aed81b74ba84920be578cdfe004af4b","In":5,"Out":2}]}]}"#,
        |_| {},
    );
    let out = env.run(&["submit", p(&bad), "--json"]);
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["error"]["kind"], "problems");
    assert_eq!(env.server.requests().len(), 0);
}

#[test]
fn credentials_messages_say_what_to_do() {
    let env = Env::new();
    let file = env.project("film.vodcut", CLEAN, |_| {});
    let out = env.command(&["submit", p(&file)]).output().unwrap();
    assert_eq!(out.status.code(), Some(4));
    let err = text(&out.stderr);
    assert!(err.contains("aliyun configure") && err.contains("ALIBABA_CLOUD_ACCESS_KEY_SECRET"), "{err}");

    let config = env.home.path().join(".aliyun/config.json");
    std::fs::create_dir_all(config.parent().unwrap()).unwrap();
    std::fs::write(
        &config,
        r#"{"current":"default","profiles":[{"name":"default","mode":"AK","access_key_id":"a","access_key_secret":"b"},
            {"name":"work","mode":"AK","access_key_id":"c","access_key_secret":"d"}]}"#,
    )
    .unwrap();
    let out = env.command(&["submit", p(&file), "--profile", "other"]).output().unwrap();
    assert_eq!(out.status.code(), Some(4));
    let err = text(&out.stderr);
    assert!(err.contains("\"other\"") && err.contains("default") && err.contains("work"), "{err}");
    assert_eq!(env.server.requests().len(), 0);
}

#[test]
fn timeline_and_export_warn_about_tracks_left_out() {
    let env = Env::new();
    let file = env.project(
        "film.vodcut",
        r#"{"VideoTracks":[{"VideoTrackClips":[{"MediaId":"5aed81b74ba84920be578cdfe004af4b","Out":4}]},{"VideoTrackClips":[{"MediaId":"5aed81b74ba84920be578cdfe004af4c","Out":4}]}],
            "AudioTracks":[{"AudioTrackClips":[{"MediaId":"5aed81b74ba84920be578cdfe004af4d","Out":4}]}]}"#,
        |pr| {
            pr.tracks[1].hidden = true;
            pr.tracks[2].hidden = true;
        },
    );
    for cmd in ["timeline", "export"] {
        let out = env.run(&[cmd, p(&file)]);
        assert_eq!(out.status.code(), Some(0));
        let err = text(&out.stderr);
        assert!(err.contains("track 2 (V2) is hidden: its clip is left out"), "{cmd}: {err}");
        assert!(err.contains("track 3 (A1) is muted"), "{cmd}: {err}");
        assert!(!text(&out.stdout).contains("af4c"), "the hidden clip is not exported");
    }
    let shown = env.project("shown.vodcut", CLEAN, |_| {});
    let out = env.run(&["timeline", p(&shown)]);
    assert!(out.stderr.is_empty(), "{}", text(&out.stderr));
}

fn shared_sample(name: &str) -> PathBuf {
    let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/vod/timelines").join(name);
    if shared.exists() {
        shared
    } else {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/samples/timelines").join(name)
    }
}

#[test]
fn the_official_image_overlay_sample_validates_and_produces() {
    let env = Env::new();
    let sample = shared_sample("image-overlay.json");
    env.server.add_media("222d9296e8864746a0b6f32dad6e0001", "video", "Sample", 60.0, "Normal");
    let out = env.run(&["validate", p(&sample)]);
    assert_eq!(out.status.code(), Some(0), "{}{}", text(&out.stdout), text(&out.stderr));
    assert!(text(&out.stderr).contains("no problems"), "{}{}", text(&out.stdout), text(&out.stderr));
    // Produced without --yes: nothing to confirm.
    let out = env.run(&["submit", p(&sample), "--json"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let sent = env.server.requests().into_iter().find(|r| r.action == "ProduceEditingProjectVideo").unwrap();
    assert!(sent.handled);
    let tl: serde_json::Value = serde_json::from_str(&sent.params["Timeline"]).unwrap();
    let original: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&sample).unwrap()).unwrap();
    assert_eq!(tl, original, "both overlapping logos are sent as they are");
}

#[test]
fn submit_and_status_with_the_v3_signature() {
    let env = Env::new();
    let file = env.project("film.vodcut", CLEAN, |_| {});
    // A global option: after any command.
    let out = env.run(&["submit", p(&file), "--json", "--signature", "v3"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let ids: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let out = env.run(&["status", ids["MediaId"].as_str().unwrap(), "--signature", "v3"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let reqs = env.server.requests();
    assert!(reqs.len() >= 2 && reqs.iter().all(|r| r.signature == "v3" && r.handled), "{reqs:?}");
    // V1 without the option; an unknown version is refused before anything is sent.
    env.run(&["jobs"]);
    let out = env.run(&["submit", p(&file), "--signature", "v2"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("v1 or v3"), "{}", text(&out.stderr));
    let n = env.server.requests().len();
    let out = env.run(&["status", ids["MediaId"].as_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    assert!(env.server.requests()[n..].iter().all(|r| r.signature == "v1"));
}

#[test]
fn a_huge_media_id_is_quoted_briefly() {
    let env = Env::new();
    // Any length is cut the same way; 8 MB keeps the test quick (the report had 50 MB).
    let huge = "f".repeat(8 << 20);
    let timeline = format!(r#"{{"VideoTracks":[{{"VideoTrackClips":[{{"MediaId":"{huge}","In":0,"Out":4}}]}}]}}"#);
    let file = env.home.path().join("huge.json");
    std::fs::write(&file, timeline).unwrap();
    let out = env.run(&["validate", p(&file)]);
    let all = format!("{}{}", text(&out.stdout), text(&out.stderr));
    assert!(all.contains(&format!("{}… (8.00 MB)", "f".repeat(64))), "{}", all.chars().take(500).collect::<String>());
    assert!(all.len() < 10_000, "{} bytes printed", all.len());
    let out = env.run(&["submit", p(&file), "--yes"]);
    let all = format!("{}{}", text(&out.stdout), text(&out.stderr));
    assert!(all.len() < 10_000, "submit printed {} bytes", all.len());
}
