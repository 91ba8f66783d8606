//! Outputs that must not replace what they should not (issue 24, part A): `still`, `frame`
//! and `render` through the same safe writer as project saves, `-o -`, devices, FIFOs and
//! links, another user's links in shared folders, concurrent saves, and `import`'s size limit.

mod support;

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn vodcut() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_vodcut"));
    c.env("LC_ALL", "C.UTF-8").stdin(Stdio::null());
    c
}

fn run(args: &[&str]) -> Output {
    vodcut().args(args).output().expect("run vodcut")
}

fn text(o: &Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&o.stdout), String::from_utf8_lossy(&o.stderr))
}

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
