//! Every sample Timeline opens, exports and round-trips; exports match the golden files.

use serde_json::Value;
use std::path::{Path, PathBuf};
use vodcut::model::export::{import_timeline_str, request_fields, timeline_json};
use vodcut::store::project_file;

fn sample_files() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    // Our copy, and the shared reference folder when it is beside the checkout (as in CI), so
    // samples added there are covered without a code change.
    for dir in [root.join("assets/samples/timelines"), root.join("../shared/vod/timelines")] {
        if let Ok(entries) = std::fs::read_dir(&dir) {
            for e in entries.flatten() {
                if e.path().extension().is_some_and(|x| x == "json") {
                    files.push(e.path());
                }
            }
        }
    }
    files.sort();
    assert!(files.len() >= 11, "the sample timelines are missing: {files:?}");
    files
}

/// Numbers compared by value (4 and 4.0 are the same time); everything else exactly.
fn normalise(v: Value) -> Value {
    match v {
        Value::Number(n) => serde_json::json!(n.as_f64()),
        Value::Array(a) => Value::Array(a.into_iter().map(normalise).collect()),
        Value::Object(o) => Value::Object(o.into_iter().map(|(k, v)| (k, normalise(v))).collect()),
        other => other,
    }
}

#[test]
fn every_sample_imports_exports_and_round_trips() {
    for path in sample_files() {
        let text = std::fs::read_to_string(&path).unwrap();
        let project = import_timeline_str(&text).unwrap_or_else(|e| panic!("{}: {e:?}", path.display()));
        let exported = timeline_json(&project);
        // Semantically equal to the original: same clips, times, effects, unknown fields.
        let original: Value = serde_json::from_str(&text).unwrap();
        let back: Value = serde_json::from_str(&exported).unwrap();
        assert_eq!(normalise(back), normalise(original), "{}", path.display());
        // Import again: an equal project.
        let again = import_timeline_str(&exported).unwrap();
        assert_eq!(again, project, "{}", path.display());
        // Through a project file on disk and back.
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("p.vodcut");
        project_file::save(&file, &project).unwrap();
        assert_eq!(project_file::open(&file).unwrap().project, project, "{}", path.display());
        // The request fields carry that same Timeline.
        assert_eq!(request_fields(&project).get("Timeline"), Some(exported.as_str()));
    }
}

#[test]
fn exports_match_the_golden_files() {
    let golden_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    for path in sample_files() {
        if !path.starts_with(Path::new(env!("CARGO_MANIFEST_DIR")).join("assets")) {
            continue;
        }
        let project = import_timeline_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let exported = format!("{}\n", timeline_json(&project));
        let golden = golden_dir.join(path.file_name().unwrap());
        if update {
            std::fs::write(&golden, &exported).unwrap();
        }
        let expected = std::fs::read_to_string(&golden)
            .unwrap_or_else(|_| panic!("missing {}; run with UPDATE_GOLDEN=1 and review it", golden.display()));
        assert_eq!(exported, expected, "{} differs from its golden export", path.display());
    }
}

#[test]
fn chinese_text_and_emoji_survive_exactly() {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/samples/timelines/text-overlay.json"),
    )
    .unwrap();
    let exported = timeline_json(&import_timeline_str(&text).unwrap());
    assert!(exported.contains("视频字幕 ✨"), "{exported}");
}

#[test]
fn four_decimal_times_are_written_without_noise() {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/samples/timelines/unknown-fields-kept.json"),
    )
    .unwrap();
    let exported = timeline_json(&import_timeline_str(&text).unwrap());
    assert!(exported.contains(r#""In":0.1234,"Out":5.5678,"TimelineIn":0,"TimelineOut":5.4444"#), "{exported}");
    assert!(exported.contains(r#""FutureClipField":{"Nested":[1,2,3]}"#));
    assert!(exported.contains(r#""FutureTrackField":"kept""#));
    assert!(exported.contains(r#""FutureTopLevelTrackKind":[{"Anything":true}]"#));
}

#[test]
fn the_demo_project_opens_and_has_no_errors() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/samples/demo.vodcut");
    let opened = project_file::open(&path).unwrap();
    assert_eq!(opened.origin, vodcut::store::Origin::Project);
    let problems = vodcut::model::validate::validate(&opened.project);
    assert!(!vodcut::model::validate::has_errors(&problems), "{problems:?}");
    assert_eq!(opened.project.clip_count(), 7);
}
