//! The headless commands, run as a user would: the real binary, real files, exit codes.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn vodcut(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_vodcut")).env("LC_ALL", "C.UTF-8").args(args).output().expect("run vodcut")
}

fn sample(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/samples/timelines").join(name)
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

#[test]
fn import_then_validate_timeline_and_export() {
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("cut.vodcut");
    let p = project.to_str().unwrap();
    let out = vodcut(&["import", sample("cut-and-merge.json").to_str().unwrap(), "-o", p]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stderr).contains("3 clips on 1 track)"));

    let out = vodcut(&["validate", p]);
    assert_eq!(out.status.code(), Some(0), "{}{}", text(&out.stdout), text(&out.stderr));
    assert!(text(&out.stderr).contains("no problems"));

    let out = vodcut(&["timeline", p]);
    assert_eq!(out.status.code(), Some(0));
    let original: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(sample("cut-and-merge.json")).unwrap()).unwrap();
    let printed: serde_json::Value = serde_json::from_str(&text(&out.stdout)).unwrap();
    assert_eq!(printed, original);

    let out = vodcut(&["export", p]);
    assert_eq!(out.status.code(), Some(0));
    let fields: serde_json::Value = serde_json::from_str(&text(&out.stdout)).unwrap();
    let tl: serde_json::Value = serde_json::from_str(fields["Timeline"].as_str().unwrap()).unwrap();
    assert_eq!(tl, original);

    // Import refuses to overwrite without --force, and keeps a backup with it.
    let out = vodcut(&["import", sample("merge-whole-files.json").to_str().unwrap(), "-o", p]);
    assert_eq!(out.status.code(), Some(3));
    assert!(text(&out.stderr).contains("--force"));
    let out = vodcut(&["import", sample("merge-whole-files.json").to_str().unwrap(), "-o", p, "--force"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(dir.path().join("cut.vodcut.bak").exists());
}

#[test]
fn validate_reports_problems_with_exit_1() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("bad.json");
    std::fs::write(&f, r##"{"VideoTracks":[{"VideoTrackClips":[{"MediaId":"a","In":5,"Out":2},{"Out":3}]}],"SubtitleTracks":[{"SubtitleTrackClips":[{"Type":"Text","Content":"x","FontColor":"red"}]}]}"##).unwrap();
    let out = vodcut(&["validate", f.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = text(&out.stdout);
    assert!(stdout.contains("error: track 1 (V1), clip 1, field Out: Out (2 s) must be after In (5 s)"), "{stdout}");
    assert!(stdout.contains("clip 2, field MediaId"), "{stdout}");
    assert!(stdout.contains("FontColor"), "{stdout}");
    let out = vodcut(&["validate", "--json", f.to_str().unwrap()]);
    let list: Vec<serde_json::Value> = serde_json::from_str(&text(&out.stdout)).unwrap();
    assert!(list.iter().any(|p| p["field"] == "MediaId" && p["clip"] == 2 && p["severity"] == "error"));
}

/// Programs act on the code and its typed arguments (docs/problems.md); the words stay beside
/// them in the user's language.
#[test]
fn validate_json_carries_codes_and_arguments_in_either_language() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("bad.json");
    std::fs::write(&f, r#"{"VideoTracks":[{"VideoTrackClips":[{"MediaId":"a","In":5,"Out":2.5},{"Out":3}]}]}"#)
        .unwrap();
    let run = |lang: &str| {
        let out = Command::new(env!("CARGO_BIN_EXE_vodcut"))
            .env("LC_ALL", lang)
            .env("LANG", lang)
            .args(["validate", "--json", f.to_str().unwrap()])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1));
        serde_json::from_str::<Vec<serde_json::Value>>(&text(&out.stdout)).unwrap()
    };
    let en = run("C.UTF-8");
    let out = en.iter().find(|p| p["code"] == "clip.out-before-in").expect("the code is there");
    assert_eq!(out["args"], serde_json::json!({"out": 2.5, "in": 5}));
    assert_eq!(
        (&out["track"], &out["clip"], &out["field"]),
        (&serde_json::json!(1), &serde_json::json!(1), &serde_json::json!("Out"))
    );
    assert_eq!(out["message"], "Out (2.5 s) must be after In (5 s)");
    assert!(en.iter().any(|p| p["code"] == "clip.no-media-id" && p["clip"] == 2 && p["args"] == serde_json::json!({})));
    let zh = run("zh_CN.UTF-8");
    let codes = |list: &[serde_json::Value]| list.iter().map(|p| p["code"].clone()).collect::<Vec<_>>();
    assert_eq!(codes(&zh), codes(&en), "the same codes whatever the language");
    let zh_out = zh.iter().find(|p| p["code"] == "clip.out-before-in").unwrap();
    assert_eq!(zh_out["args"], out["args"]);
    assert_ne!(zh_out["message"], out["message"], "the words are in Chinese: {}", zh_out["message"]);
}

#[test]
fn unreadable_input_exits_2_with_a_clear_message() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("broken.vodcut");
    std::fs::write(&f, "{\"FormatVersion\": 1, \"Tracks\": [").unwrap();
    let out = vodcut(&["validate", f.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(err.contains("broken.vodcut") && err.contains("cut short"), "{err}");
    let out = vodcut(&["timeline", dir.path().join("missing.vodcut").to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("cannot read"));
    let out = vodcut(&["validate"]);
    assert_eq!(out.status.code(), Some(2), "usage errors exit 2");
}

#[test]
fn timeline_and_export_print_nothing_for_a_project_with_errors_unless_forced() {
    let dir = tempfile::tempdir().unwrap();
    let hidden = dir.path().join("hidden.vodcut");
    std::fs::write(&hidden, r#"{"FormatVersion":1,"Tracks":[{"Kind":"Video","Name":"V1","Hidden":true,"Clips":[{"MediaId":"m","In":0,"Out":2}]}]}"#).unwrap();
    let broken = dir.path().join("broken.vodcut");
    std::fs::write(
        &broken,
        r#"{"FormatVersion":1,"Tracks":[{"Kind":"Video","Name":"V1","Clips":[{"MediaId":"m","In":5,"Out":2}]}]}"#,
    )
    .unwrap();
    for (file, says) in [(&hidden, "nothing to produce"), (&broken, "Out (2 s) must be after In (5 s)")] {
        for cmd in ["timeline", "export"] {
            // Was `{}` (or the broken Timeline) with exit 0 and nothing said.
            let out = vodcut(&[cmd, file.to_str().unwrap()]);
            assert_eq!(out.status.code(), Some(1), "{cmd}: {}", text(&out.stderr));
            assert!(out.stdout.is_empty(), "{cmd}: {}", text(&out.stdout));
            let err = text(&out.stderr);
            assert!(err.contains(says) && err.contains("1 error (above), so nothing was printed"), "{cmd}: {err}");
            assert!(err.contains("--force"), "{err}");
            let out = vodcut(&[cmd, file.to_str().unwrap(), "--force"]);
            assert_eq!(out.status.code(), Some(0), "{cmd}: {}", text(&out.stderr));
            assert!(serde_json::from_slice::<serde_json::Value>(&out.stdout).is_ok(), "{cmd}");
            let err = text(&out.stderr);
            assert!(err.contains(says) && err.contains("printed despite 1 error (--force)"), "{cmd}: {err}");
        }
    }
}
