//! vodcut's own state files (settings, credentials files, the sandbox's state, upload states)
//! replaced by something hostile: a FIFO would block a plain read forever, a link to
//! /dev/zero would read until memory runs out. Each is refused with the reason, never waited
//! on, and the command goes on (or stops) with a clear note. Every run is killed after 30 s,
//! so a hang fails the test instead of stalling the suite.

#![cfg(unix)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn mkfifo(path: &Path) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let c = std::ffi::CString::new(path.to_str().unwrap()).unwrap();
    // SAFETY: a valid C string; mkfifo only reads it.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0, "mkfifo {}", path.display());
}

struct Home {
    dir: tempfile::TempDir,
}

impl Home {
    fn new() -> Self {
        Home { dir: tempfile::tempdir().unwrap() }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// `vodcut ARGS` with an empty environment but PATH, HOME and the data folder in this home;
    /// killed after 30 s.
    fn run(&self, args: &[&str], env: &[(&str, &str)]) -> Output {
        let mut c = Command::new(env!("CARGO_BIN_EXE_vodcut"));
        c.args(args)
            .env_clear()
            .env("LC_ALL", "C.UTF-8")
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", self.dir.path())
            .env("VODCUT_DATA_DIR", self.path("data"))
            .env("VODCUT_CACHE_DIR", self.path("cache"))
            .env("XDG_RUNTIME_DIR", self.path("run"))
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        for (k, v) in env {
            c.env(k, v);
        }
        let mut child = c.spawn().unwrap();
        let start = Instant::now();
        while child.try_wait().unwrap().is_none() {
            if start.elapsed() > Duration::from_secs(30) {
                child.kill().unwrap();
                let _ = child.wait();
                panic!("vodcut {args:?} hung");
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        child.wait_with_output().unwrap()
    }
}

#[test]
fn a_fifo_as_settings_does_not_hang_the_editor_at_start() {
    let home = Home::new();
    mkfifo(&home.path("data/settings.json"));
    // No display: the editor cannot open a window and says so. Before that it reads the
    // settings for its language; a FIFO there used to block it for ever.
    let out = home.run(&[], &[]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    assert!(text(&out.stderr).contains("window"), "{}", text(&out.stderr));
}

#[test]
fn a_fifo_or_a_device_as_a_credentials_file_is_refused_with_the_reason() {
    let home = Home::new();
    mkfifo(&home.path(".aliyun/config.json"));
    let out = home.run(&["media", "search", "x", "--endpoint", "http://127.0.0.1:9/"], &[]);
    assert_eq!(out.status.code(), Some(4), "{}", text(&out.stderr));
    let err = text(&out.stderr);
    assert!(err.contains("config.json") && err.contains("FIFO"), "{err}");
    std::fs::remove_file(home.path(".aliyun/config.json")).unwrap();
    std::os::unix::fs::symlink("/dev/zero", home.path(".aliyun/config.json")).unwrap();
    let out = home.run(&["media", "search", "x", "--endpoint", "http://127.0.0.1:9/"], &[]);
    assert_eq!(out.status.code(), Some(4), "{}", text(&out.stderr));
    assert!(text(&out.stderr).contains("device"), "{}", text(&out.stderr));
}

#[test]
fn a_fifo_as_the_sandbox_state_is_moved_aside_and_the_sandbox_runs() {
    let home = Home::new();
    let dir = home.path("sandbox");
    mkfifo(&dir.join("service/state.json"));
    let sandbox = dir.to_str().unwrap();
    let out = home.run(&["--sandbox", "media", "search", "--json"], &[("VODCUT_SANDBOX_DIR", sandbox)]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(v["Total"].as_u64().unwrap() > 0, "the seeded library: {v}");
    // Kept aside (renamed, not deleted): nothing the user had is lost.
    let aside = std::fs::symlink_metadata(dir.join("service/state.json.unreadable")).unwrap();
    assert!(std::os::unix::fs::FileTypeExt::is_fifo(&aside.file_type()));
}
