//! Kills a real vodcut process at random moments while it saves, and proves the project file
//! on disk is always complete: either the old version or the new one, never a mix.

use std::process::Command;
use vodcut::model::export::timeline_json;
use vodcut::model::generate::generated_project;
use vodcut::model::{Project, TrackKind};
use vodcut::store::project_file;

#[test]
fn killing_the_writer_mid_save_never_damages_the_file() {
    let dir = tempfile::tempdir().unwrap();
    // A large new version, so the write takes long enough to be interrupted.
    let big = dir.path().join("big.json");
    std::fs::write(&big, timeline_json(&generated_project(30_000, 12))).unwrap();
    let target = dir.path().join("work.vodcut");
    let mut old = Project::new_empty();
    old.title = "old version".into();
    let v = old.tracks.iter().position(|t| t.kind == TrackKind::Video).unwrap();
    old.tracks[v].clips.push(Default::default());
    let import = || {
        Command::new(env!("CARGO_BIN_EXE_vodcut"))
            .env("LC_ALL", "C.UTF-8")
            .args(["import", big.to_str().unwrap(), "-o", target.to_str().unwrap(), "--force"])
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap()
    };
    // How long one uninterrupted import takes on this machine.
    project_file::save(&target, &old).unwrap();
    let start = std::time::Instant::now();
    assert!(import().wait().unwrap().success());
    let full = start.elapsed();
    let rounds = 20u32;
    let mut outcomes = (0, 0);
    for round in 0..rounds {
        project_file::save(&target, &old).unwrap();
        let mut child = import();
        // Spread the kills over the whole run (parse, serialise, write, fsync, rename) and a
        // little past it, so both outcomes happen.
        std::thread::sleep(full.mul_f64(1.2 * f64::from(round) / f64::from(rounds - 1)));
        let _ = child.kill();
        let _ = child.wait();
        let opened =
            project_file::open(&target).unwrap_or_else(|e| panic!("round {round}: the file was damaged: {e}")).project;
        match opened.clip_count() {
            1 => {
                assert_eq!(opened, old);
                outcomes.0 += 1
            }
            30_000 => outcomes.1 += 1,
            n => panic!("round {round}: a mix of versions with {n} clips"),
        }
    }
    eprintln!("kept the old version {} times, had the new one {} times (full run {full:?})", outcomes.0, outcomes.1);
    assert!(outcomes.0 > 0 && outcomes.1 > 0, "the kills should span both outcomes: {outcomes:?}");
}
