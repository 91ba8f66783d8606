//! Files as a hostile user would hand them to the command line: devices, FIFOs, symlinks,
//! read-only and newer files, standard input and output, and the ProjectId save after submit.

mod support;

use std::io::Write;
use std::os::unix::fs::{FileTypeExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};
use support::vod_server::{KEY_ID, KEY_SECRET, VodServer};
use vodcut::store::project_file;

fn vodcut(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_vodcut")).env("LC_ALL", "C.UTF-8").args(args).output().expect("run vodcut")
}

/// Runs vodcut, killing it if it takes longer than `limit` (a hang is a failure, not a stuck test).
fn vodcut_within(args: &[&str], limit: Duration) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_vodcut"))
        .env("LC_ALL", "C.UTF-8")
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > limit {
            child.kill().unwrap();
            panic!("vodcut {args:?} still running after {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn sample(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/samples/timelines").join(name)
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

fn mkfifo(p: &Path) {
    assert!(Command::new("mkfifo").arg(p).status().unwrap().success());
}

#[test]
fn devices_and_fifos_are_refused_as_input_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.json");
    mkfifo(&fifo);
    for path in [Path::new("/dev/zero"), &fifo, dir.path()] {
        let out = vodcut_within(&["validate", s(path)], Duration::from_secs(10));
        assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
        let err = text(&out.stderr);
        assert!(err.contains("not a regular file") && err.contains(s(path)), "{err}");
    }
}

#[test]
fn standard_input_and_output_are_dash() {
    let dir = tempfile::tempdir().unwrap();
    let timeline = std::fs::read(sample("cut-and-merge.json")).unwrap();
    let run_with_stdin = |args: &[&str]| {
        let mut child = Command::new(env!("CARGO_BIN_EXE_vodcut"))
            .env("LC_ALL", "C.UTF-8")
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        child.stdin.take().unwrap().write_all(&timeline).unwrap();
        child.wait_with_output().unwrap()
    };
    let out = run_with_stdin(&["validate", "-"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    // Project to standard output: nothing is created, the bytes are a project.
    let out = run_with_stdin(&["import", "-", "-o", "-"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let opened = project_file::from_bytes(&out.stdout, Path::new("stdout")).unwrap();
    assert_eq!(opened.origin, project_file::Origin::Project);
    assert_eq!(opened.project.clip_count(), 3);
    let file = dir.path().join("from-stdin.vodcut");
    let out = run_with_stdin(&["import", "-", "-o", s(&file)]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(project_file::open(&file).unwrap().project.clip_count(), 3);
}

#[test]
fn import_never_replaces_a_device_or_fifo() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("out.vodcut");
    mkfifo(&fifo);
    let tl = sample("cut-and-merge.json");
    // A private twin of /dev/null: a regression must never be able to replace the real one.
    let null = dir.path().join("null");
    let have_null = Command::new("mknod").args([s(&null), "c", "1", "3"]).status().is_ok_and(|st| st.success());
    let targets: Vec<&Path> = if have_null { vec![&null, &fifo] } else { vec![&fifo] };
    for target in targets {
        for force in [true, false] {
            let mut args = vec!["import", s(&tl), "-o", s(target)];
            args.extend(force.then_some("--force"));
            let out = vodcut_within(&args, Duration::from_secs(10));
            assert_eq!(out.status.code(), Some(3), "{}", text(&out.stderr));
            assert!(text(&out.stderr).contains("not a regular file"), "{}", text(&out.stderr));
        }
    }
    if have_null {
        assert!(std::fs::symlink_metadata(&null).unwrap().file_type().is_char_device());
    }
    assert!(std::fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo());
}

#[test]
fn import_through_a_symlink_writes_the_target() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("projects")).unwrap();
    let real = dir.path().join("projects/real.vodcut");
    let link = dir.path().join("link.vodcut");
    let tl = sample("cut-and-merge.json");
    assert_eq!(vodcut(&["import", s(&tl), "-o", s(&real)]).status.code(), Some(0));
    std::os::unix::fs::symlink("projects/real.vodcut", &link).unwrap();
    let out = vodcut(&["import", s(&sample("merge-whole-files.json")), "-o", s(&link), "--force"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(std::fs::symlink_metadata(&link).unwrap().file_type().is_symlink(), "still a link");
    let through_link = project_file::open(&link).unwrap().project;
    let direct = project_file::open(&real).unwrap().project;
    assert_eq!(through_link, direct);
    assert_ne!(direct.clip_count(), 3, "the target has the new content");
    assert_eq!(project_file::open(&dir.path().join("projects/real.vodcut.bak")).unwrap().project.clip_count(), 3);
}

#[test]
fn modes_are_kept_and_read_only_needs_force() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("p.vodcut");
    let tl = s(&sample("cut-and-merge.json")).to_owned();
    assert_eq!(vodcut(&["import", &tl, "-o", s(&file)]).status.code(), Some(0));
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o600)).unwrap();
    assert_eq!(vodcut(&["import", &tl, "-o", s(&file), "--force"]).status.code(), Some(0));
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&file), 0o600);

    let ro = dir.path().join("ro.vodcut");
    std::fs::write(&ro, b"{\"FormatVersion\":1,\"Title\":\"keep\"}").unwrap();
    std::fs::set_permissions(&ro, std::fs::Permissions::from_mode(0o444)).unwrap();
    // Submit's ProjectId save, the editor's Ctrl+S: the same store code, no --force.
    let e = project_file::save(&ro, &vodcut::model::Project::new_empty()).unwrap_err().to_string();
    assert!(e.contains("read-only"), "{e}");
    let out = vodcut(&["import", &tl, "-o", s(&ro), "--force"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(mode(&ro), 0o444, "replaced on request, still read-only");
    assert_eq!(project_file::open(&ro).unwrap().project.clip_count(), 3);
}

#[test]
fn force_replaces_existing_files_only() {
    let dir = tempfile::tempdir().unwrap();
    let tl = s(&sample("cut-and-merge.json")).to_owned();
    // A newer vodcut's file: never replaced.
    let future = dir.path().join("future.vodcut");
    let future_text = b"{\"FormatVersion\": 2, \"Tracks\": \"new things\"}";
    std::fs::write(&future, future_text).unwrap();
    let out = vodcut(&["import", &tl, "-o", s(&future), "--force"]);
    assert_eq!(out.status.code(), Some(3), "{}", text(&out.stderr));
    assert!(text(&out.stderr).contains("newer vodcut"), "{}", text(&out.stderr));
    assert_eq!(std::fs::read(&future).unwrap(), future_text);
    // The input as the output: refused, the file is unchanged.
    let project = dir.path().join("p.vodcut");
    assert_eq!(vodcut(&["import", &tl, "-o", s(&project)]).status.code(), Some(0));
    let before = std::fs::read(&project).unwrap();
    let out = vodcut(&["import", s(&project), "-o", s(&project), "--force"]);
    assert_ne!(out.status.code(), Some(0));
    assert!(text(&out.stderr).contains("is the input"), "{}", text(&out.stderr));
    let alias = dir.path().join("alias.vodcut");
    std::os::unix::fs::symlink(&project, &alias).unwrap();
    assert_ne!(vodcut(&["import", s(&alias), "-o", s(&project), "--force"]).status.code(), Some(0));
    assert_eq!(std::fs::read(&project).unwrap(), before);
    // Two forced saves keep the original among the numbered backups.
    for other in ["merge-whole-files.json", "cut-and-merge.json"] {
        let out = vodcut(&["import", s(&sample(other)), "-o", s(&project), "--force"]);
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    }
    assert_eq!(std::fs::read(dir.path().join("p.vodcut.bak.2")).unwrap(), before);
}

#[test]
fn the_project_id_save_after_submit_keeps_unknown_fields() {
    let server = VodServer::start();
    let home = tempfile::tempdir().unwrap();
    let file = home.path().join("film.vodcut");
    let original = r#"{"FormatVersion":1,"Title":"Film","Tracks":[{"Kind":"Video","Name":"V1","Color":"teal","Clips":[{"MediaId":"m1","In":0,"Out":4,"Future":12345678901234567890123}]}],"Grading":{"Lut":"warm","Gamma":1e2}}"#;
    std::fs::write(&file, original).unwrap();
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o640)).unwrap();
    let out = support::isolated(env!("CARGO_BIN_EXE_vodcut"), home.path())
        .args(["submit", s(&file), "--json", "--yes"])
        .env("VODCUT_ENDPOINT", server.url())
        .env("ALIBABA_CLOUD_ACCESS_KEY_ID", KEY_ID)
        .env("ALIBABA_CLOUD_ACCESS_KEY_SECRET", KEY_SECRET)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}{}", text(&out.stdout), text(&out.stderr));
    let saved = std::fs::read_to_string(&file).unwrap();
    let v: serde_json::Value = serde_json::from_str(&saved).unwrap();
    assert!(v["ProjectId"].as_str().is_some_and(|p| !p.is_empty()), "{saved}");
    assert_eq!(v["Tracks"][0]["Color"], "teal", "{saved}");
    assert_eq!(v["Grading"]["Lut"], "warm", "{saved}");
    assert!(saved.contains("\"Gamma\":1e2") && saved.contains("\"Future\": 12345678901234567890123"), "{saved}");
    assert_eq!(std::fs::metadata(&file).unwrap().permissions().mode() & 0o777, 0o640);
    // What was sent carries the clip's unknown field exactly, and not the editor's.
    let sent = server.requests().last().unwrap().params.clone();
    let timeline = sent.get("Timeline").unwrap();
    assert!(timeline.contains("\"Future\":12345678901234567890123") && !timeline.contains("teal"), "{timeline}");
}

#[test]
fn encodings_and_duplicate_keys_are_explained() {
    let dir = tempfile::tempdir().unwrap();
    let body = std::fs::read_to_string(sample("cut-and-merge.json")).unwrap();
    let bom = dir.path().join("bom.json");
    std::fs::write(&bom, [&b"\xEF\xBB\xBF"[..], body.as_bytes()].concat()).unwrap();
    let out = vodcut(&["validate", s(&bom)]);
    assert_eq!(out.status.code(), Some(0), "a UTF-8 BOM is fine: {}", text(&out.stderr));
    let utf16 = dir.path().join("utf16.json");
    let units: Vec<u8> = [0xFF, 0xFE].into_iter().chain(body.encode_utf16().flat_map(|u| u.to_le_bytes())).collect();
    std::fs::write(&utf16, units).unwrap();
    let out = vodcut(&["validate", s(&utf16)]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("UTF-16 (little-endian)"), "{}", text(&out.stderr));
    let dup = dir.path().join("dup.vodcut");
    std::fs::write(&dup, r#"{"FormatVersion":1,"Tracks":[],"Tracks":[]}"#).unwrap();
    let out = vodcut(&["validate", s(&dup)]);
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(err.contains("\"Tracks\" appears twice") && !err.contains("no FormatVersion"), "{err}");
}
