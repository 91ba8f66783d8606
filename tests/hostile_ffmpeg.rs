//! ffmpeg against hostile input: play URLs of every wrong kind from a hostile VOD (local
//! files, `concat:`, `subfile:`, `gopher://`, over-long ones), the protocols every ffmpeg is
//! allowed, and wrappers around ffmpeg that leave a child holding its output pipes or that
//! never end. The real binary, as a user runs it, where it matters.

mod support;

#[path = "support/hostile.rs"]
mod hostile;

use hostile::{Hostile, Reply};
use serde_json::json;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};
use support::media_server::{colour_library, test_video, write_project};
use support::vod_server::{KEY_ID, KEY_SECRET};
use vodcut::media::decode::{DecodeError, Ffmpeg};

fn vodcut(endpoint: &str, home: &Path, ffmpeg: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_vodcut"))
        .args(args)
        .env_clear()
        .env("LC_ALL", "C.UTF-8")
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", home)
        .env("VODCUT_DATA_DIR", home.join("data"))
        .env("VODCUT_CACHE_DIR", home.join("cache"))
        .env("VODCUT_ENDPOINT", endpoint)
        .env("VODCUT_FFMPEG", ffmpeg)
        .env("ALIBABA_CLOUD_ACCESS_KEY_ID", KEY_ID)
        .env("ALIBABA_CLOUD_ACCESS_KEY_SECRET", KEY_SECRET)
        .output()
        .unwrap()
}

use support::output_text as text;

fn script(dir: &Path, name: &str, body: &str) -> PathBuf {
    use std::os::unix::fs::PermissionsExt;
    let path = dir.join(name);
    std::fs::write(&path, format!("#!/bin/sh\n{body}\n")).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    path
}

/// A wrapper that logs its arguments (one call a line) and runs the real ffmpeg.
fn logging_ffmpeg(dir: &Path) -> (PathBuf, PathBuf) {
    let log = dir.join("calls.log");
    let ff = script(dir, "ffmpeg-logged", &format!("echo \"$*\" >> '{}'\nexec ffmpeg \"$@\"", log.display()));
    (ff, log)
}

fn alive(pid: u32) -> bool {
    // A zombie is dead too (its parent, the killed shell, is gone; init reaps it).
    std::fs::read_to_string(format!("/proc/{pid}/stat")).is_ok_and(|s| !s.contains(") Z "))
}

fn pids(file: &Path) -> Vec<u32> {
    std::fs::read_to_string(file).unwrap_or_default().lines().filter_map(|l| l.trim().parse().ok()).collect()
}

/// A hostile VOD whose GetPlayInfo gives `url` as the MP4 PlayURL (or, with `mezzanine`,
/// has no stream and gives `url` as the source file's FileURL).
fn play_url_service(url: String, mezzanine: bool) -> Hostile {
    Hostile::start(move |r| match r.action().as_str() {
        "GetPlayInfo" if mezzanine => {
            Reply::json(400, &json!({"RequestId": "R", "Code": "InvalidVideo.NoneStream", "Message": "no stream"}))
        }
        "GetPlayInfo" => Reply::json(
            200,
            &json!({"RequestId": "R", "PlayInfoList": {"PlayInfo": [
                {"PlayURL": url, "Format": "mp4", "Width": 160, "Height": 90, "Status": "Normal"}]}}),
        ),
        "GetMezzanineInfo" => Reply::json(
            200,
            &json!({"RequestId": "R", "Mezzanine": {"VideoId": "v", "FileURL": url, "Width": 160, "Height": 90}}),
        ),
        _ => Reply::json(400, &json!({"RequestId": "R", "Code": "Forbidden", "Message": "no"})),
    })
}

#[test]
fn play_urls_that_are_not_http_are_refused_before_ffmpeg_sees_them() {
    let video = test_video();
    let v = video.to_str().unwrap();
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    listener.set_nonblocking(true).unwrap();
    let port = listener.local_addr().unwrap().port();
    let kinds = [
        format!("file://{v}"),
        format!("file:{v}"),
        v.to_owned(),
        format!("concat:{v}|{v}"),
        format!("subfile:,,start,0,end,0,:{v}"),
        format!("gopher://127.0.0.1:{port}/_HELO%20evil"),
        format!("ftp://127.0.0.1:{port}/a.mp4"),
        "data:video/mp4;base64,AAAA".to_owned(),
    ];
    let home = tempfile::tempdir().unwrap();
    let (ff, log) = logging_ffmpeg(home.path());
    for mezzanine in [false, true] {
        for url in &kinds {
            let server = play_url_service(url.clone(), mezzanine);
            let out = home.path().join("f.png");
            let o =
                vodcut(&server.url(), home.path(), &ff, &["frame", "vid", "--at", "1", "-o", out.to_str().unwrap()]);
            let said = text(&o);
            assert_eq!(o.status.code(), Some(5), "{url} (mezzanine {mezzanine}): {said}");
            assert!(said.contains("is not an http or https URL"), "{url}: {said}");
            let which = if mezzanine { "FileURL" } else { "PlayURL" };
            assert!(said.contains(which), "names the URL: {said}");
            assert!(!out.exists(), "{url}: no picture was made");
        }
    }
    let calls = std::fs::read_to_string(&log).unwrap_or_default();
    assert!(calls.lines().all(|l| l.contains("-version")), "ffmpeg only ever checked its version:\n{calls}");
    assert!(listener.accept().is_err(), "nothing connected to the local port");

    // A URL too long to pass as an argument is refused, not "ffmpeg is not available".
    let long = format!("https://cdn.example.com/v.mp4?auth_key={}", "a".repeat(200_000));
    let server = play_url_service(long, false);
    let out = home.path().join("long.png");
    let o = vodcut(&server.url(), home.path(), &ff, &["frame", "vid", "--at", "1", "-o", out.to_str().unwrap()]);
    let said = text(&o);
    assert_eq!(o.status.code(), Some(5), "{said}");
    assert!(said.contains("PlayURL") && said.contains("at most 32.0 KB"), "{said}");
    assert!(!said.contains("not available") && said.len() < 2000, "{said}");
}

#[test]
fn every_url_ffmpeg_reads_may_use_http_only() {
    let bytes = std::fs::read(test_video()).unwrap();
    let me = std::sync::Arc::new(std::sync::OnceLock::<String>::new());
    let m = me.clone();
    let server = Hostile::start(move |r| match r.action().as_str() {
        "GetPlayInfo" => Reply::json(
            200,
            &json!({"RequestId": "R", "PlayInfoList": {"PlayInfo": [
                {"PlayURL": format!("{}v.mp4?auth_key=1-0-0-x", m.get().unwrap()), "Format": "mp4", "Status": "Normal"}]}}),
        ),
        _ => {
            Reply::Full { status: 200, headers: vec![("Content-Type".into(), "video/mp4".into())], body: bytes.clone() }
        }
    });
    me.set(server.url()).unwrap();
    let home = tempfile::tempdir().unwrap();
    let (ff, log) = logging_ffmpeg(home.path());
    let out = home.path().join("f.png");
    let o = vodcut(&server.url(), home.path(), &ff, &["frame", "vid", "--at", "1", "-o", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    let calls = std::fs::read_to_string(&log).unwrap();
    let decode = calls.lines().find(|l| l.contains(" -i ")).unwrap();
    let want = format!("-protocol_whitelist http,https,tcp,tls,crypto -rw_timeout 15000000 -i {}v.mp4", server.url());
    assert!(decode.contains(&want), "{decode}");
}

#[test]
fn a_name_that_is_not_a_url_is_read_as_a_file_and_nothing_else() {
    let ff = Ffmpeg::find(None).expect("ffmpeg (scripts/install-deps.sh installs it)");
    let video = test_video();
    let v = video.to_str().unwrap();
    let never = AtomicBool::new(false);
    let t = Duration::from_secs(30);
    assert!(ff.frame_at(v, 1.0, 0, t, &never).is_ok(), "a local file still decodes");
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    listener.set_nonblocking(true).unwrap();
    let port = listener.local_addr().unwrap().port();
    for input in
        [format!("concat:{v}|{v}"), format!("subfile:,,start,0,end,0,:{v}"), format!("gopher://127.0.0.1:{port}/_HELO")]
    {
        let e = ff.frame_at(&input, 1.0, 0, t, &never).unwrap_err();
        assert!(matches!(e, DecodeError::Failed(_) | DecodeError::NoFrame { .. }), "{input}: {e}");
    }
    assert!(listener.accept().is_err(), "gopher:// reached no port");
}

/// The wrapper people put in place of ffmpeg (to set an environment, a nice level): it starts
/// something that inherits the output pipes and outlives it.
fn wrapper_with_child(dir: &Path) -> (PathBuf, PathBuf) {
    let pids = dir.join("children");
    let ff =
        script(dir, "ffmpeg-wrapper", &format!("sleep 100 &\necho $! >> '{}'\nexec ffmpeg \"$@\"", pids.display()));
    (ff, pids)
}

#[test]
fn a_wrapper_whose_child_keeps_the_pipes_open_hangs_neither_frame_nor_render() {
    let server = colour_library();
    let home = tempfile::tempdir().unwrap();
    let (ff, children) = wrapper_with_child(home.path());
    let out = home.path().join("f.png");
    let t = Instant::now();
    let o = vodcut(&server.url(), home.path(), &ff, &["frame", "vid", "--at", "3", "-o", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    assert!(t.elapsed() < Duration::from_secs(40), "frame took {:?}", t.elapsed());
    assert!(image::open(&out).is_ok());

    let project = write_project(
        home.path(),
        r#"{"VideoTracks":[{"VideoTrackClips":[{"MediaId":"vid","In":0,"Out":2}]}]}"#,
        320,
        180,
    );
    let mp4 = home.path().join("draft.mp4");
    let t = Instant::now();
    let o = vodcut(
        &server.url(),
        home.path(),
        &ff,
        &["render", project.to_str().unwrap(), "-o", mp4.to_str().unwrap(), "--height", "90", "--fps", "10"],
    );
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    assert!(t.elapsed() < Duration::from_secs(90), "render took {:?}", t.elapsed());
    assert!(std::fs::metadata(&mp4).is_ok_and(|m| m.len() > 0));
    std::thread::sleep(Duration::from_millis(300));
    let left: Vec<u32> = pids(&children).into_iter().filter(|p| alive(*p)).collect();
    assert!(pids(&children).len() >= 3, "the wrapper ran for the version, the frame and the render");
    assert!(left.is_empty(), "children left running: {left:?}");
}

#[test]
fn a_timeout_ends_the_wrapper_and_everything_it_started() {
    let dir = tempfile::tempdir().unwrap();
    let children = dir.path().join("children");
    let ff = script(
        dir.path(),
        "ffmpeg-stuck",
        &format!(
            "case \"$*\" in *-version*) echo 'ffmpeg version 9-stuck'; exit 0;; esac\nsleep 100 &\necho $! >> '{}'\nsleep 100",
            children.display()
        ),
    );
    let f = Ffmpeg::find(Some(&ff)).unwrap();
    let t = Instant::now();
    let e = f.frame_at("https://cdn.example.com/v.mp4", 1.0, 0, Duration::from_secs(1), &AtomicBool::new(false));
    assert_eq!(e.unwrap_err(), DecodeError::Timeout(1));
    assert!(t.elapsed() < Duration::from_secs(6), "took {:?}", t.elapsed());
    std::thread::sleep(Duration::from_millis(300));
    let pids = pids(&children);
    assert_eq!(pids.len(), 1);
    assert!(!alive(pids[0]), "the wrapper's child was killed with it");
}
