use super::*;
use crate::model::export::timeline_json;

#[test]
fn track_names_count_per_kind() {
    let p = import_timeline_str(
        r#"{"AudioTracks":[{},{}],"VideoTracks":[{},{"VideoTrackClips":[]}],"SubtitleTracks":[{}],"ImageTracks":[{}]}"#,
    )
    .unwrap();
    let names: Vec<_> = p.tracks.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(names, ["V1", "V2", "A1", "A2", "I1", "S1"]);
}

#[test]
fn unknown_numbers_keep_their_text() {
    let text = r#"{"VideoTracks":[{"VideoTrackClips":[{"MediaId":"m","Future":12345678901234567890123,"E":1e2,"Z":-0,"Deep":{"n":[1.50,-0.0]}}],"T":1E+2}],"Top":0.1}"#;
    let p = import_timeline_str(text).unwrap();
    assert_eq!(timeline_json(&p), text);
}

#[test]
fn duplicate_keys_are_named() {
    let shape = |text: &str| match import_timeline_str(text) {
        Err(ImportError::Shape(e)) => e,
        other => panic!("{other:?}"),
    };
    let e = shape(r#"{"VideoTracks":[{"VideoTrackClips":[{"MediaId":"a","In":1,"In":2}]}]}"#);
    assert!(e.path.starts_with("VideoTracks[0].VideoTrackClips[0]"), "{e:?}");
    assert_eq!(e.wrong, Wrong::Duplicate { key: "In".into() });
    let e = shape(r#"{"VideoTracks":[],"Future":1,"Future":2}"#);
    assert_eq!(e.wrong, Wrong::Duplicate { key: "Future".into() });
}

#[test]
fn a_timeline_inside_request_fields_keeps_its_numbers() {
    let tl = r#"{"VideoTracks":[{"VideoTrackClips":[{"MediaId":"m","N":1e2}]}]}"#;
    let fields = serde_json::json!({ "Timeline": tl, "Title": "t" }).to_string();
    let p = import_timeline_str(&fields).unwrap();
    assert_eq!(timeline_json(&p), tl);
    assert_eq!(p.title, "t");
    let e = import_timeline_str(r#"{"Timeline":{"VideoTracks":[{"VideoTrackClips":[{"In":"x"}]}]}}"#).unwrap_err();
    let ImportError::Shape(e) = e else { panic!("{e:?}") };
    assert_eq!(e.path, "Timeline.VideoTracks[0].VideoTrackClips[0].In");
    assert_eq!(e.wrong, Wrong::TimeNotSeconds { text: "x".into() });
}
