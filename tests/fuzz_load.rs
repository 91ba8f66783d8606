//! Random bytes and random JSON fed to the project loader and the Timeline importer:
//! never a panic, always an error or a project.

use proptest::prelude::*;
use serde_json::{Value, json};
use std::path::Path;
use vodcut::model::export::{import_timeline_str, import_timeline_value, timeline_json};
use vodcut::model::validate::validate;
use vodcut::store::project_file::{from_bytes, to_bytes};

fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        any::<f64>().prop_filter("finite", |f| f.is_finite()).prop_map(|f| json!(f)),
        "[a-zA-Z0-9 .#\"视]{0,8}".prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        let keys = prop_oneof![
            Just("VideoTracks".to_string()),
            Just("AudioTracks".to_string()),
            Just("ImageTracks".to_string()),
            Just("SubtitleTracks".to_string()),
            Just("VideoTrackClips".to_string()),
            Just("AudioTrackClips".to_string()),
            Just("MediaId".to_string()),
            Just("In".to_string()),
            Just("Out".to_string()),
            Just("TimelineIn".to_string()),
            Just("Effects".to_string()),
            Just("Type".to_string()),
            Just("Gain".to_string()),
            Just("X".to_string()),
            Just("FormatVersion".to_string()),
            Just("Tracks".to_string()),
            Just("Kind".to_string()),
            Just("Clips".to_string()),
            "[A-Za-z]{1,6}",
        ];
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::vec((keys, inner), 0..6).prop_map(|kv| Value::Object(kv.into_iter().collect())),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn random_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        let _ = from_bytes(&bytes, Path::new("fuzz.vodcut"));
        if let Ok(s) = std::str::from_utf8(&bytes) {
            let _ = import_timeline_str(s);
        }
    }

    #[test]
    fn random_json_never_panics(v in any_json()) {
        let text = serde_json::to_vec(&v).unwrap();
        if let Ok(opened) = from_bytes(&text, Path::new("fuzz.vodcut")) {
            // Whatever loads can be validated, exported and saved.
            let _ = validate(&opened.project);
            let _ = timeline_json(&opened.project);
            let again = from_bytes(&to_bytes(&opened.project), Path::new("again.vodcut")).unwrap();
            prop_assert_eq!(again.project, opened.project);
        }
        if let Ok(p) = import_timeline_value(v) {
            let _ = validate(&p);
            let _ = timeline_json(&p);
        }
    }

    #[test]
    fn truncated_projects_are_errors(cut in 0usize..10_000) {
        let sample = br#"{"FormatVersion":1,"Title":"t","Tracks":[{"Kind":"Video","Name":"V1","Clips":[{"MediaId":"m","In":1.5,"Out":4,"Effects":[{"Type":"Volume","Gain":"0.5"}]}]}],"Markers":[{"Time":2,"Label":"x"}]}"#;
        let cut = cut % sample.len();
        prop_assert!(from_bytes(&sample[..cut], Path::new("t.vodcut")).is_err());
    }
}

/// Found by `random_json_never_panics`: an extreme float in an unknown field changed its last
/// digit through save and load before serde_json's exact float parsing was enabled.
#[test]
fn extreme_floats_in_unknown_fields_round_trip_exactly() {
    let text =
        br#"{"VideoTracks":[],"VideoTrackClips":-2.3516706854082843e+111,"Tiny":5e-324,"Big":1.7976931348623157e308}"#;
    let first = from_bytes(text, Path::new("a.json")).unwrap().project;
    let again = from_bytes(&to_bytes(&first), Path::new("b.vodcut")).unwrap().project;
    assert_eq!(again, first);
    assert_eq!(timeline_json(&again), timeline_json(&first));
}
