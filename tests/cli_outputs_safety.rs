//! Outputs that must not replace what they should not (issue 24, part A): `still`, `frame`
//! and `render` through the same safe writer as project saves, `-o -`, devices, FIFOs and
//! links, another user's links in shared folders, concurrent saves, and `import`'s size limit.

mod support;

use std::os::unix::fs::{FileTypeExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};
use support::media_server::colour_library;
use support::vod_server::{KEY_ID, KEY_SECRET, VodServer};

fn vodcut() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_vodcut"));
    c.env("LC_ALL", "C.UTF-8").stdin(Stdio::null());
    c
}

use support::output_text as text;

fn sample(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/samples/timelines").join(name)
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn many_concurrent_forced_imports_of_one_file_all_succeed() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("p.vodcut");
    let tl = sample("cut-and-merge.json");
    let children: Vec<_> = (0..40)
        .map(|_| {
            vodcut()
                .args(["import", s(&tl), "-o", s(&out), "--force"])
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    let failed: Vec<String> = children
        .into_iter()
        .map(|c| c.wait_with_output().unwrap())
        .filter(|o| o.status.code() != Some(0))
        .map(|o| text(&o))
        .collect();
    assert!(failed.is_empty(), "{} of 40 failed: {failed:?}", failed.len());
    assert_eq!(vodcut::store::project_file::open(&out).unwrap().project.clip_count(), 3);
}

/// One clip of the test video (4 s) with its sound, in a 320x180 output (the documented
/// smallest side is 128).
const TIMELINE: &str = r#"{"VideoTracks":[{"VideoTrackClips":[{"MediaId":"vid","In":11,"Out":15}]}]}"#;

/// `vodcut ARGS` against the loopback server, in `dir`, killed (and failed) after a minute:
/// a FIFO opened for writing would otherwise hang it forever.
fn media(server: &VodServer, dir: &Path, args: &[&str]) -> Output {
    let mut child = vodcut()
        .args(args)
        .current_dir(dir)
        .env("HOME", dir)
        .env("VODCUT_DATA_DIR", dir.join(".data"))
        .env("VODCUT_CACHE_DIR", dir.join(".cache"))
        .env("VODCUT_ENDPOINT", server.url())
        .env("ALIBABA_CLOUD_ACCESS_KEY_ID", KEY_ID)
        .env("ALIBABA_CLOUD_ACCESS_KEY_SECRET", KEY_SECRET)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > Duration::from_secs(60) {
            child.kill().unwrap();
            panic!("vodcut {args:?} still running after a minute");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

fn setup() -> (VodServer, tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let project = support::media_server::write_project(dir.path(), TIMELINE, 320, 180);
    (colour_library(), dir, project)
}

const PNG_MAGIC: &[u8] = b"\x89PNG\r\n\x1a\n";

#[test]
fn pictures_never_replace_their_project_another_project_or_a_timeline() {
    let (server, dir, project) = setup();
    let d = dir.path();
    let before = std::fs::read(&project).unwrap();
    let timeline = d.join("timeline.json");
    std::fs::write(&timeline, TIMELINE).unwrap();
    let other = d.join("other.vodcut");
    std::fs::copy(&project, &other).unwrap();
    let hard = d.join("hard.png");
    std::fs::hard_link(&project, &hard).unwrap();
    let p = s(&project);
    for force in [false, true] {
        let f: &[&str] = if force { &["--force"] } else { &[] };
        for (args, says) in [
            (vec!["still", p, "--at", "1", "-o", p], "is the input file"),
            (vec!["still", p, "--at", "1", "-o", "hard.png"], "is the input file"),
            (vec!["still", p, "--at", "1", "-o", "other.vodcut"], "project or Timeline"),
            (vec!["still", p, "--at", "1", "-o", "timeline.json"], "project or Timeline"),
            (vec!["frame", "vid", "--at", "1", "-o", "x.vodcut"], "project or Timeline"),
            (vec!["render", p, "-o", p], "is the input file"),
            (vec!["render", p, "-o", "other.vodcut"], "project or Timeline"),
        ] {
            let o = media(&server, d, &[&args[..], f].concat());
            assert_eq!(o.status.code(), Some(2), "{args:?} {f:?}: {}", text(&o));
            assert!(text(&o).contains(says), "{args:?}: {}", text(&o));
        }
    }
    assert_eq!(std::fs::read(&project).unwrap(), before);
    assert_eq!(std::fs::read(&other).unwrap(), before);
    assert_eq!(std::fs::read_to_string(&timeline).unwrap(), TIMELINE);
    assert!(!d.join("x.vodcut").exists());
    let names: Vec<String> =
        std::fs::read_dir(d).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    assert!(!names.iter().any(|n| n.contains(".bak") || n.contains(".tmp-")), "{names:?}");
}

#[test]
fn a_file_of_another_kind_needs_force_and_is_then_kept_as_a_backup() {
    let (server, dir, project) = setup();
    let d = dir.path();
    let p = s(&project);
    // A project saved under a picture's name, found by its content.
    let disguised = d.join("shot.png");
    std::fs::copy(&project, &disguised).unwrap();
    let before = std::fs::read(&disguised).unwrap();
    for args in [vec!["still", p, "--at", "1", "-o", "shot.png"], vec!["frame", "vid", "--at", "1", "-o", "shot.png"]] {
        let o = media(&server, d, &args);
        assert_eq!(o.status.code(), Some(3), "{args:?}: {}", text(&o));
        let said = text(&o);
        assert!(said.contains("a vodcut project, not a PNG picture") && said.contains("--force"), "{said}");
        assert_eq!(std::fs::read(&disguised).unwrap(), before);
    }
    let o = media(&server, d, &["still", p, "--at", "1", "-o", "shot.png", "--force"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    assert!(std::fs::read(&disguised).unwrap().starts_with(PNG_MAGIC));
    assert_eq!(std::fs::read(d.join("shot.png.bak")).unwrap(), before, "the project is kept");
    // An earlier picture is replaced without ado (and without another backup).
    let o = media(&server, d, &["frame", "vid", "--at", "2", "-o", "shot.png"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    assert!(!d.join("shot.png.bak.2").exists());
    // A draft over a text file: the same rule.
    let notes = d.join("notes.mp4");
    std::fs::write(&notes, "my notes").unwrap();
    let o = media(&server, d, &["render", p, "-o", "notes.mp4", "--height", "90", "--to", "1"]);
    assert_eq!(o.status.code(), Some(3), "{}", text(&o));
    assert!(text(&o).contains("another kind of file, not an MP4 video"), "{}", text(&o));
    assert_eq!(std::fs::read_to_string(&notes).unwrap(), "my notes");
}

#[test]
fn devices_fifos_and_folders_are_refused_and_links_written_through() {
    let (server, dir, project) = setup();
    let d = dir.path();
    let p = s(&project);
    let fifo = d.join("pipe.png");
    assert!(Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    std::fs::create_dir(d.join("folder.png")).unwrap();
    // A private twin of /dev/null: a regression must never be able to replace the real one.
    let null = d.join("null.png");
    let have_null = Command::new("mknod").args([s(&null), "c", "1", "3"]).status().is_ok_and(|st| st.success());
    let mut targets = vec!["pipe.png", "folder.png"];
    if have_null {
        targets.push("null.png");
    }
    for target in targets {
        for args in [
            vec!["still", p, "--at", "1", "-o", target, "--force"],
            vec!["frame", "vid", "--at", "1", "-o", target, "--force"],
            vec!["render", p, "-o", target, "--force", "--height", "90", "--to", "1"],
        ] {
            let o = media(&server, d, &args);
            assert_eq!(o.status.code(), Some(3), "{args:?}: {}", text(&o));
            assert!(text(&o).contains("not a regular file"), "{args:?}: {}", text(&o));
        }
    }
    assert!(std::fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo());
    assert!(d.join("folder.png").is_dir());
    if have_null {
        assert!(std::fs::symlink_metadata(&null).unwrap().file_type().is_char_device());
    }
    // A link is written through: it stays a link, its target gets the picture and the draft.
    std::fs::create_dir(d.join("real")).unwrap();
    for (name, args) in [
        ("shot.png", vec!["still", p, "--at", "1", "-o", "link.png"]),
        ("draft.mp4", vec!["render", p, "-o", "link.mp4", "--height", "90", "--to", "1"]),
    ] {
        let link = format!("link.{}", name.rsplit('.').next().unwrap());
        std::os::unix::fs::symlink(format!("real/{name}"), d.join(&link)).unwrap();
        let o = media(&server, d, &args);
        assert_eq!(o.status.code(), Some(0), "{args:?}: {}", text(&o));
        assert!(std::fs::symlink_metadata(d.join(&link)).unwrap().file_type().is_symlink());
        assert!(std::fs::metadata(d.join("real").join(name)).unwrap().len() > 100, "{name}");
    }
}

#[test]
fn dash_writes_a_picture_to_standard_output_and_render_refuses_it() {
    let (server, dir, project) = setup();
    let d = dir.path();
    let p = s(&project);
    for args in [vec!["still", p, "--at", "1", "-o", "-"], vec!["frame", "vid", "--at", "1", "-o", "-"]] {
        let o = media(&server, d, &args);
        assert_eq!(o.status.code(), Some(0), "{args:?}: {}", String::from_utf8_lossy(&o.stderr));
        assert!(o.stdout.starts_with(PNG_MAGIC), "{args:?}: the PNG itself, unescaped");
        assert!(image::load_from_memory(&o.stdout).is_ok(), "{args:?}");
        assert!(String::from_utf8_lossy(&o.stderr).contains("(standard output)"));
    }
    let o = media(&server, d, &["render", p, "-o", "-", "--height", "90", "--to", "1"]);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    assert!(text(&o).contains("standard output") && text(&o).contains("-o"), "{}", text(&o));
    assert!(!d.join("-").exists(), "never a file named -");
}

#[test]
fn a_link_another_user_planted_in_a_shared_folder_is_not_followed() {
    // SAFETY: geteuid has no preconditions.
    if unsafe { libc::geteuid() } != 0 {
        return; // only root can give a link to another user (tests run as root here)
    }
    let (server, dir, project) = setup();
    let d = dir.path();
    let victim = d.join("private.key");
    std::fs::write(&victim, "root's secret").unwrap();
    std::fs::set_permissions(&victim, std::fs::Permissions::from_mode(0o600)).unwrap();
    let shared = d.join("tmp");
    std::fs::create_dir(&shared).unwrap();
    std::fs::set_permissions(&shared, std::fs::Permissions::from_mode(0o1777)).unwrap();
    let link = shared.join("out.png");
    std::os::unix::fs::symlink(&victim, &link).unwrap();
    std::os::unix::fs::lchown(&link, Some(65534), Some(65534)).unwrap();
    let o = media(&server, d, &["still", s(&project), "--at", "1", "-o", s(&link), "--force"]);
    assert_eq!(o.status.code(), Some(3), "{}", text(&o));
    assert!(text(&o).contains("owned by another user"), "{}", text(&o));
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "root's secret");
}

#[test]
fn the_drafts_temporary_file_is_made_by_vodcut_and_ffmpeg_writes_through_it() {
    let (server, dir, project) = setup();
    let d = dir.path();
    // An ffmpeg that notes how the encoder was started (and what was in the folder then).
    let log = d.join("ffmpeg.log");
    let wrapper = d.join("ffmpeg-wrapper");
    let script = format!(
        "#!/bin/sh\nfor a in \"$@\"; do last=$a; done\nif [ \"$last\" != \"${{last%.vodcut-part}}\" ] || [ \"$last\" = /dev/stdout ]; then\n  echo \"output $last\" >> {log}\n  ls -la {dir} >> {log}\nfi\nexec ffmpeg \"$@\"\n",
        log = s(&log),
        dir = s(d)
    );
    std::fs::write(&wrapper, script).unwrap();
    std::fs::set_permissions(&wrapper, std::fs::Permissions::from_mode(0o755)).unwrap();
    let o = media(
        &server,
        d,
        &["render", s(&project), "-o", "draft.mp4", "--height", "90", "--to", "1", "--ffmpeg", s(&wrapper)],
    );
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    let log = std::fs::read_to_string(&log).unwrap();
    assert!(log.starts_with("output /dev/stdout\n"), "ffmpeg opens no name in the folder: {log}");
    // The temporary file existed before ffmpeg started: created by vodcut, exclusively,
    // private, with a random name.
    let temp = log.lines().find(|l| l.contains(".draft.mp4.tmp-")).unwrap_or_else(|| panic!("{log}"));
    assert!(temp.starts_with("-rw-------"), "{temp}");
    let name = temp.rsplit(' ').next().unwrap();
    assert_eq!(name.len(), ".draft.mp4.tmp-".len() + 16, "{name}");
    assert!(std::fs::read(d.join("draft.mp4")).unwrap().get(4..8) == Some(b"ftyp"));
}
