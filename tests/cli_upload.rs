//! `vodcut media upload` as a user runs it: the real binary against the loopback VOD + OSS
//! server, killed with SIGKILL halfway and run again.

mod support;

use std::process::Stdio;
use std::time::{Duration, Instant};
use support::media_files::write_random;
#[path = "support/cli.rs"]
mod cli_env;
use cli_env::Env;

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

#[test]
fn uploads_print_media_ids_and_appear_in_search() {
    let env = Env::new();
    let (a, _) = write_random(env.home.path(), "sunset.mp4", 40_000, 1);
    let (b, _) = write_random(env.home.path(), "theme.mp3", 30_000, 2);
    let out = env.run(&["media", "upload", a.to_str().unwrap(), b.to_str().unwrap(), "--tags", "trip,2026"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let lines: Vec<String> = text(&out.stdout).lines().map(str::to_owned).collect();
    assert_eq!(lines.len(), 2, "{lines:?}");
    assert!(lines[0].contains("video") && lines[0].ends_with("sunset.mp4"));
    assert!(lines[1].contains("audio") && lines[1].ends_with("theme.mp3"));
    let id = lines[0].split_whitespace().next().unwrap();
    assert!(text(&out.stderr).contains("uploaded"), "{}", text(&out.stderr));
    // The same media through the CLI search, by title.
    let out = env.run(&["media", "search", "sunset", "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["MediaList"][0]["MediaId"], id);
    let out = env.run(&["media", "search", "theme", "--kind", "audio", "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["Total"], 1);
}

#[test]
fn bad_input_gets_clear_answers_and_nothing_is_sent() {
    let env = Env::new();
    let dir = env.home.path();
    std::fs::write(dir.join("empty.mp4"), b"").unwrap();
    std::fs::write(dir.join("notes.docx"), b"x").unwrap();
    let (ok, _) = write_random(dir, "fine.mp4", 1000, 3);
    let p = |n: &str| dir.join(n).to_str().unwrap().to_owned();
    let out = env.run(&[
        "media",
        "upload",
        ok.to_str().unwrap(),
        &p("gone.mp4"),
        &p("empty.mp4"),
        &p("notes.docx"),
        dir.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    let e = text(&out.stderr);
    for want in
        ["gone.mp4: no such file", "empty.mp4 is empty", "does not take .docx", "is a folder", "nothing was uploaded"]
    {
        assert!(e.contains(want), "missing {want:?} in {e}");
    }
    assert_eq!(env.server.received("CreateUploadVideo"), 0);
    let out = env.run(&["media", "upload", ok.to_str().unwrap(), "--title", &"t".repeat(200)]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("at most 128"), "{}", text(&out.stderr));

    // No credentials anywhere.
    let out = env
        .command_with_keys(&["media", "upload", ok.to_str().unwrap()])
        .env_remove("ALIBABA_CLOUD_ACCESS_KEY_ID")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(4), "{}", text(&out.stderr));
    // The network is down.
    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap();
    let out = env
        .command_with_keys(&["media", "upload", ok.to_str().unwrap()])
        .env("VODCUT_ENDPOINT", format!("http://{closed}/"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(6), "{}", text(&out.stderr));
    assert!(text(&out.stderr).contains("could not connect"), "{}", text(&out.stderr));
}

#[test]
fn killed_mid_upload_then_run_again_it_completes_without_resending_confirmed_parts() {
    let env = Env::new();
    let size = 100 * 1024 * 1024 + 777;
    let (file, md5) = write_random(env.home.path(), "big.mp4", size, 4);
    env.server.oss().oss.part_delay = Duration::from_millis(150);
    let mut child = env
        .command_with_keys(&["media", "upload", file.to_str().unwrap(), "--json"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let ok_parts = |env: &Env| env.server.oss_log().iter().filter(|l| l.op == "UploadPart" && l.status == 200).count();
    let start = Instant::now();
    while ok_parts(&env) < 5 {
        assert!(start.elapsed() < Duration::from_secs(60), "no progress");
        assert!(child.try_wait().unwrap().is_none(), "finished before the kill");
        std::thread::sleep(Duration::from_millis(10));
    }
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
    // Let the server finish reading what the dead client had already written to the socket
    // (it may still confirm a part the client never heard about).
    std::thread::sleep(Duration::from_millis(800));
    let confirmed_before: Vec<u32> = env
        .server
        .oss_log()
        .iter()
        .filter(|l| l.op == "UploadPart" && l.status == 200)
        .filter_map(|l| l.part)
        .collect();
    assert!(confirmed_before.len() < 13, "the kill came too late to test anything");
    // What the client had saved as confirmed: all of it is on the server.
    // (A save killed halfway may leave a temp file beside it; it is not the state.)
    let states: Vec<_> = std::fs::read_dir(env.home.path().join("data/uploads"))
        .unwrap()
        .flatten()
        .filter(|e| {
            e.file_name().to_string_lossy().ends_with(".json") && !e.file_name().to_string_lossy().starts_with('.')
        })
        .collect();
    assert_eq!(states.len(), 1, "one saved upload state");
    let state: serde_json::Value = serde_json::from_slice(&std::fs::read(states[0].path()).unwrap()).unwrap();
    let saved: Vec<u32> = state["Parts"].as_object().unwrap().keys().map(|k| k.parse().unwrap()).collect();
    assert!(
        saved.len() >= 4 && saved.iter().all(|n| confirmed_before.contains(n)),
        "{saved:?} vs {confirmed_before:?}"
    );

    env.server.oss().oss.part_delay = Duration::ZERO;
    let out = env.run(&["media", "upload", file.to_str().unwrap(), "--json"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let id = v[0]["MediaId"].as_str().unwrap();
    assert!(v[0]["ResumedParts"].as_u64().unwrap() >= 5, "{v}");
    assert_eq!(env.server.handled("CreateUploadVideo"), 1, "resumed the same media");
    assert!(env.server.handled("RefreshUploadVideo") >= 1, "fresh credentials for the resume");
    // No part OSS had confirmed was sent again, and every part arrived.
    let log = env.server.oss_log();
    for n in 1..=13u32 {
        let sent = log.iter().filter(|l| l.op == "UploadPart" && l.part == Some(n)).count();
        let oks = log.iter().filter(|l| l.op == "UploadPart" && l.part == Some(n) && l.status == 200).count();
        assert!(oks >= 1, "part {n} missing");
        if confirmed_before.contains(&n) {
            assert_eq!(sent, 1, "confirmed part {n} sent again");
        }
    }
    assert_eq!(env.server.object_md5_from_disk(id).as_deref(), Some(md5.as_str()));
}

#[test]
fn a_second_upload_of_the_same_file_says_it_is_already_being_uploaded() {
    let env = Env::new();
    let (file, md5) = write_random(env.home.path(), "twice.mp4", 30 * 1024 * 1024, 5);
    env.server.oss().oss.part_delay = Duration::from_millis(150);
    let first = env
        .command_with_keys(&["media", "upload", file.to_str().unwrap(), "--json"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let start = Instant::now();
    while !env.server.oss_log().iter().any(|l| l.op == "UploadPart" && l.status == 200) {
        assert!(start.elapsed() < Duration::from_secs(60), "no progress");
        std::thread::sleep(Duration::from_millis(10));
    }
    // Both used to send every part, the second ending in NoSuchUpload with a wrong hint.
    let out = env.run(&["media", "upload", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    assert!(text(&out.stderr).contains("is already being uploaded"), "{}", text(&out.stderr));
    env.server.oss().oss.part_delay = Duration::ZERO;
    let out = first.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(env.server.object_md5_from_disk(v[0]["MediaId"].as_str().unwrap()).as_deref(), Some(md5.as_str()));
    assert_eq!(env.server.handled("CreateUploadVideo"), 1);
}
