use super::*;
use crate::model::export::{import_timeline_str, timeline_json};

fn sample() -> Project {
    let mut p = import_timeline_str(
        r#"{"VideoTracks":[{"VideoTrackClips":[{"MediaId":"m1","In":0.1234,"Out":5.5678,"Future":{"x":[1]}}]}]}"#,
    )
    .unwrap();
    p.title = "夏天 🎬".into(); // i18n-exempt: test data
    p
}

#[test]
fn save_then_open_gives_the_same_project() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.vodcut");
    save(&path, &sample()).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.trim_start().starts_with("{\n  \"FormatVersion\": 1,"), "version first: {}", &text[..40]);
    let opened = open(&path).unwrap();
    assert_eq!(opened.origin, Origin::Project);
    assert_eq!(opened.project, sample());
    assert!(!backup_path(&path).exists(), "no backup on first save");
}

#[test]
fn second_save_keeps_the_previous_as_backup() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.vodcut");
    let first = sample();
    save(&path, &first).unwrap();
    let mut second = sample();
    second.title = "second".into();
    save(&path, &second).unwrap();
    assert_eq!(open(&path).unwrap().project.title, "second");
    assert_eq!(open(&backup_path(&path)).unwrap().project, first);
    let leftovers: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(leftovers.len(), 2, "only the file and its backup: {leftovers:?}");
}

#[test]
fn open_reports_each_kind_of_bad_file() {
    let p = Path::new("x.vodcut");
    let msg = |b: &[u8]| from_bytes(b, p).unwrap_err().to_string();
    assert!(matches!(from_bytes(b"", p), Err(FileError::Empty { .. })));
    assert!(msg(b"hello").contains("not JSON"), "{}", msg(b"hello"));
    let full = to_bytes(&sample());
    let cut = &full[..full.len() / 2];
    assert!(matches!(from_bytes(cut, p), Err(FileError::Truncated { .. })), "{}", msg(cut));
    assert!(msg(cut).contains("x.vodcut.bak"));
    assert!(msg(b"[1,2]").contains("neither a vodcut project"));
    let wrong = br#"{"FormatVersion":1,"Tracks":[{"Kind":"Video","Clips":[{"MediaId":"a","In":"later"}]}]}"#;
    let m = msg(wrong);
    assert!(m.contains("Tracks[0].Clips[0]") && m.contains("later"), "{m}");
    let bad_kind = br#"{"FormatVersion":1,"Tracks":[{"Kind":"Hologram"}]}"#;
    let m = msg(bad_kind);
    assert!(m.contains("Tracks[0].Kind") && m.contains("expected one of Video, Audio, Image, Subtitle"), "{m}");
}

#[test]
fn newer_versions_are_refused_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("future.vodcut");
    let text = br#"{"FormatVersion":7,"SomethingNew":{"a":1},"Tracks":"a new shape"}"#;
    std::fs::write(&path, text).unwrap();
    let e = open(&path).unwrap_err();
    assert!(matches!(e, FileError::NewerVersion { found: 7, .. }));
    assert!(e.to_string().contains("newer vodcut"));
    assert_eq!(std::fs::read(&path).unwrap(), text);
    // Not where vodcut puts it, and pretty: still found.
    let late = b"{\n \"Tracks\": [],\n \"FormatVersion\": 2\n}";
    assert!(matches!(from_bytes(late, &path), Err(FileError::NewerVersion { found: 2, .. })));
}

#[test]
fn a_file_from_a_newer_vodcut_is_never_replaced() {
    let dir = tempfile::tempdir().unwrap();
    for text in [&br#"{"FormatVersion": 9, "Tracks": []}"#[..], b"{\"Title\":\"x\",\n\"FormatVersion\":2}"] {
        let path = dir.path().join("future.vodcut");
        std::fs::write(&path, text).unwrap();
        let e = save_with(&path, &sample(), SaveOptions { replace_read_only: true }).unwrap_err();
        assert!(matches!(e, FileError::WouldReplaceNewer { .. }), "{e}");
        assert!(e.to_string().contains("did not replace"), "{e}");
        assert_eq!(std::fs::read(&path).unwrap(), text);
    }
}

#[test]
fn the_version_is_read_from_the_head() {
    assert_eq!(peek_format_version(b"{\n  \"FormatVersion\": 1,\n"), Some(1));
    assert_eq!(peek_format_version(b"\xEF\xBB\xBF {\"FormatVersion\":12}"), Some(12));
    assert_eq!(peek_format_version(b"{\"FormatVersion\":99999999999999999999999,"), Some(u64::MAX));
    assert_eq!(peek_format_version(b"{\"Title\":1,\"FormatVersion\":1}"), None);
    assert_eq!(peek_format_version(b"{\"FormatVersion\":1.5}"), None);
    assert_eq!(peek_format_version(b"{\"FormatVersion\":\"1\"}"), None);
}

#[test]
fn a_bare_timeline_is_imported() {
    let o = from_bytes(br#"{"VideoTracks":[{"VideoTrackClips":[{"MediaId":"a"}]}]}"#, Path::new("t.json")).unwrap();
    assert_eq!(o.origin, Origin::ImportedTimeline);
    assert_eq!(o.project.clip_count(), 1);
}

#[test]
fn unknown_fields_of_the_project_and_its_tracks_survive_a_rewrite() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("newer-minor.vodcut");
    let text = r##"{"FormatVersion":1,"Title":"t","Tracks":[{"Kind":"Video","Name":"V1","Color":"#ff0000","Clips":[{"MediaId":"m","Out":2}]}],"Grading":{"Lut":"warm","Strength":12345678901234567890123},"ProduceConfig":{"Width":1280,"Fps":1e2},"MediaMetadata":{"Rating":-0},"UserData":{"Note":"n"}}"##;
    std::fs::write(&path, text).unwrap();
    let mut p = open(&path).unwrap().project;
    p.project_id = Some("proj-1".into());
    save(&path, &p).unwrap();
    let back: serde_json::Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    assert_eq!(back["Tracks"][0]["Color"], "#ff0000");
    assert_eq!(back["Grading"]["Lut"], "warm");
    assert_eq!(back["ProjectId"], "proj-1");
    let saved = std::fs::read_to_string(&path).unwrap();
    assert!(saved.contains(r#""Strength":12345678901234567890123"#), "{saved}");
    assert!(saved.contains(r#""Fps": 1e2"#) && saved.contains(r#""Rating": -0"#), "{saved}");
    assert_eq!(back["UserData"]["Note"], "n");
    // Kept out of what goes to the API.
    assert!(!timeline_json(&p).contains("Color"));
    // And stable on the next round.
    assert_eq!(open(&path).unwrap().project, p);
}

#[test]
fn unknown_fields_of_markers_and_bin_entries_survive_a_rewrite() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("newer-minor.vodcut");
    let text = r##"{"FormatVersion":1,"Title":"t","Tracks":[],
        "Markers":[{"Time":2,"Label":"Intro","Colour":"#00ff00","Chapter":{"Level":1}}],
        "Bin":[{"MediaId":"5aed81b74ba84920be578cdfe004af4b","Title":"Beach","Kind":"Video","Rating":5,"Proxy":"beach_low.mp4"}]}"##;
    std::fs::write(&path, text).unwrap();
    let mut p = open(&path).unwrap().project;
    assert_eq!(p.markers[0].label, "Intro");
    assert_eq!(p.bin[0].title, "Beach");
    p.markers[0].label = "Opening".into();
    save(&path, &p).unwrap();
    let back: serde_json::Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    assert_eq!(back["Markers"][0]["Label"], "Opening");
    assert_eq!(back["Markers"][0]["Colour"], "#00ff00");
    assert_eq!(back["Markers"][0]["Chapter"]["Level"], 1);
    assert_eq!(back["Bin"][0]["Rating"], 5);
    assert_eq!(back["Bin"][0]["Proxy"], "beach_low.mp4");
    // Required fields are still required, with their place named.
    let bad = r#"{"FormatVersion":1,"Title":"t","Tracks":[],"Bin":[{"Title":"no id","Kind":"Video"}]}"#;
    let e = from_bytes(bad.as_bytes(), Path::new("b.vodcut")).unwrap_err().to_string();
    assert!(e.contains("Bin[0]") && e.contains("MediaId"), "{e}");
    // And stable on the next round.
    assert_eq!(open(&path).unwrap().project, p);
}

#[test]
fn a_utf8_byte_order_mark_is_accepted_and_utf16_is_named() {
    let p = Path::new("x.json");
    let body = r#"{"VideoTracks":[{"VideoTrackClips":[{"MediaId":"a"}]}]}"#;
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend_from_slice(body.as_bytes());
    assert_eq!(from_bytes(&bom, p).unwrap().project.clip_count(), 1);
    let mut bom_project = b"\xEF\xBB\xBF".to_vec();
    bom_project.extend_from_slice(&to_bytes(&sample()));
    assert_eq!(from_bytes(&bom_project, p).unwrap().project, sample());
    let le: Vec<u8> = body.encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
    let be: Vec<u8> = body.encode_utf16().flat_map(|u| u.to_be_bytes()).collect();
    for (bytes, name) in [
        ([&[0xFF, 0xFE][..], &le].concat(), "UTF-16 (little-endian)"),
        ([&[0xFE, 0xFF][..], &be].concat(), "UTF-16 (big-endian)"),
        (le.clone(), "UTF-16 (little-endian)"),
        (be.clone(), "UTF-16 (big-endian)"),
    ] {
        let e = from_bytes(&bytes, p).unwrap_err().to_string();
        assert!(e.contains(name) && e.contains("UTF-8"), "{e}");
    }
}

#[test]
fn a_duplicated_key_is_named_as_such() {
    let p = Path::new("d.vodcut");
    for text in [
        &br#"{"FormatVersion":1,"FormatVersion":1,"Tracks":[]}"#[..],
        br#"{"FormatVersion":1,"Title":"a","Title":"b"}"#,
        br#"{"Title":"a","FormatVersion":1,"Tracks":[],"Tracks":[]}"#,
        br#"{"VideoTracks":[],"VideoTracks":[]}"#,
    ] {
        let e = from_bytes(text, p).unwrap_err().to_string();
        assert!(e.contains("appears twice") && !e.contains("no FormatVersion"), "{e}");
    }
}

/// Rust words that must never reach a person.
fn rust_words(m: &str) -> Option<&'static str> {
    // i18n-exempt: test data
    let words = {
        [
            "u8", "u16", "u32", "u64", "i32", "i64", "f32", "f64", "usize", "struct", "enum", "variant", "Option",
            "Vec", "map", "sequence", "unit", "String",
        ]
    };
    let tokens: Vec<&str> = m.split(|c: char| !c.is_alphanumeric()).collect();
    words.into_iter().find(|w| tokens.contains(w))
}

#[test]
fn messages_say_what_is_expected_in_words() {
    let project_fields = [
        ("FormatVersion", "\"one\""),
        ("FormatVersion", "-1"),
        ("Title", "[1]"),
        ("ProjectId", "{}"),
        ("Region", "7"),
        ("MediaMetadata", "[]"),
        ("MediaMetadata", "{\"Tags\":{}}"),
        ("ProduceConfig", "{\"Width\":\"wide\"}"),
        ("ProduceConfig", "{\"Width\":-5}"),
        ("ProduceConfig", "{\"Height\":1.5}"),
        ("ProduceConfig", "{\"Height\":99999999999}"),
        ("UserData", "{\"Extend\":{}}"),
        ("Tracks", "{}"),
        ("Tracks", "[1]"),
        ("Tracks", "[{}]"),
        ("Tracks", "[{\"Kind\":\"Hologram\"}]"),
        ("Tracks", "[{\"Kind\":3}]"),
        ("Tracks", "[{\"Kind\":\"Video\",\"Locked\":\"yes\"}]"),
        ("Tracks", "[{\"Kind\":\"Video\",\"Clips\":{}}]"),
        ("Tracks", "[{\"Kind\":\"Video\",\"Clips\":[[]]}]"),
        ("Tracks", "[{\"Kind\":\"Video\",\"Clips\":[{\"X\":[]}]}]"),
        ("Tracks", "[{\"Kind\":\"Video\",\"Clips\":[{\"Effects\":{}}]}]"),
        ("Tracks", "[{\"Kind\":\"Video\",\"Clips\":[{\"Effects\":[{\"Type\":\"Volume\",\"Gain\":true}]}]}]"),
        ("Tracks", "[{\"Kind\":\"Video\",\"Clips\":[{\"FontFace\":{\"Bold\":1}}]}]"),
        ("Tracks", "[{\"Kind\":\"Video\",\"Extra\":[]}]"),
        ("Markers", "[{}]"),
        ("Markers", "[{\"Time\":\"x\"}]"),
        ("Markers", "[5]"),
        ("Playhead", "null"),
        ("Zoom", "\"big\""),
        ("Bin", "[{\"MediaId\":\"a\",\"Kind\":\"Hologram\"}]"),
        ("Bin", "[{\"MediaId\":\"a\"}]"),
        ("Bin", "[{\"MediaId\":1,\"Kind\":\"Video\"}]"),
        ("Bin", "\"\""),
    ];
    for (field, value) in project_fields {
        let text = format!("{{\"FormatVersion\":1,\"{field}\":{value}}}");
        let e = from_bytes(text.as_bytes(), Path::new("p.vodcut")).unwrap_err().to_string();
        assert!(rust_words(&e).is_none(), "{text}: {e} says {:?}", rust_words(&e));
    }
    for timeline in [
        r#"{"VideoTracks":{}}"#,
        r#"{"VideoTracks":[[]]}"#,
        r#"{"VideoTracks":[{"VideoTrackClips":"x"}]}"#,
        r#"{"VideoTracks":[{"VideoTrackClips":[1]}]}"#,
        r#"{"VideoTracks":[{"VideoTrackClips":[{"MediaId":5}]}]}"#,
        r#"{"VideoTracks":[{"VideoTrackClips":[{"In":[]}]}]}"#,
        r#"{"AudioTracks":[{"AudioTrackClips":[{"Effects":[{"Type":"Volume","Gain":{}}]}]}]}"#,
        r#"{"ImageTracks":[{"ImageTrackClips":[{"Width":"wide"}]}]}"#,
        r#"{"SubtitleTracks":[{"SubtitleTrackClips":[{"FontFace":[]}]}]}"#,
        r#"{"Timeline":5}"#,
        r#"{"Timeline":{"VideoTracks":[{"VideoTrackClips":[{"Out":{}}]}]}}"#,
    ] {
        let e = from_bytes(timeline.as_bytes(), Path::new("t.json")).unwrap_err().to_string();
        assert!(rust_words(&e).is_none(), "{timeline}: {e} says {:?}", rust_words(&e));
    }
}

#[test]
fn reading_refuses_devices_fifos_and_folders() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("p.vodcut");
    crate::store::atomic::tests::mkfifo(&fifo);
    let e = open(&fifo).unwrap_err().to_string();
    assert!(e.contains("FIFO") && e.contains("not a regular file"), "{e}");
    if let Some(zero) = crate::store::atomic::tests::char_device(dir.path(), "zero", 5) {
        let e = open(&zero).unwrap_err().to_string();
        assert!(e.contains("a device"), "{e}");
    }
}

#[test]
fn saving_refuses_what_is_not_a_regular_file() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("p.vodcut");
    crate::store::atomic::tests::mkfifo(&fifo);
    let e = save_with(&fifo, &sample(), SaveOptions { replace_read_only: true }).unwrap_err().to_string();
    assert!(e.contains("FIFO") && e.contains("-o -"), "{e}");
    if let Some(null) = crate::store::atomic::tests::char_device(dir.path(), "null", 3) {
        let e = save(&null, &sample()).unwrap_err().to_string();
        assert!(e.contains("a device"), "{e}");
    }
}

/// The Rust field names and the JSON names must agree: every key a value writes is a key it
/// reads back (a field added to a struct but not to its reader would land among the unknown
/// fields and be written twice).
#[test]
fn every_written_key_is_read_back() {
    use crate::model::project::{MediaMetadata, ProduceConfig, Track, TrackKind, UserData};
    let keys = |v: serde_json::Value| -> Vec<String> { v.as_object().unwrap().keys().cloned().collect() };
    let mut project = sample();
    project.project_id = Some("p".into());
    for k in keys(serde_json::to_value(&project).unwrap()) {
        assert!(Project::FIELD_NAMES.contains(&k.as_str()), "Project writes {k} but does not read it");
    }
    for k in keys(serde_json::to_value(Track::new(TrackKind::Audio, "A")).unwrap()) {
        assert!(Track::FIELD_NAMES.contains(&k.as_str()), "Track writes {k} but does not read it");
    }
    let pc = ProduceConfig { width: Some(1), height: Some(2), ..Default::default() };
    for k in keys(serde_json::to_value(pc).unwrap()) {
        assert!(ProduceConfig::FIELD_NAMES.contains(&k.as_str()), "ProduceConfig: {k}");
    }
    for k in keys(serde_json::to_value(MediaMetadata::default()).unwrap()) {
        assert!(MediaMetadata::FIELD_NAMES.contains(&k.as_str()), "MediaMetadata: {k}");
    }
    for k in keys(serde_json::to_value(UserData::default()).unwrap()) {
        assert!(UserData::FIELD_NAMES.contains(&k.as_str()), "UserData: {k}");
    }
    for k in keys(serde_json::to_value(crate::model::project::Marker::default()).unwrap()) {
        assert!(crate::model::project::Marker::FIELD_NAMES.contains(&k.as_str()), "Marker: {k}");
    }
    for k in keys(serde_json::to_value(crate::model::project::BinEntry::default()).unwrap()) {
        assert!(crate::model::project::BinEntry::FIELD_NAMES.contains(&k.as_str()), "BinEntry: {k}");
    }
    let again = from_bytes(&to_bytes(&project), Path::new("a.vodcut")).unwrap().project;
    assert!(again.other_fields.is_empty() && again.tracks.iter().all(|t| t.other_fields.is_empty()));
}

#[test]
fn a_failed_save_says_unchanged_only_when_there_was_a_previous_version() {
    let dir = tempfile::tempdir().unwrap();
    // Nothing there before: nothing was written, nothing to be unchanged.
    let missing = dir.path().join("no/such/folder/p.vodcut");
    let e = save(&missing, &sample()).unwrap_err().to_string();
    assert!(e.contains("Nothing was written") && !e.contains("previous version"), "{e}");
    // A previous version that stays: said so.
    let e = write_error(WriteError::Io(std::io::Error::other("disk full")), Path::new("p.vodcut"), true).to_string();
    assert!(e.contains("disk full") && e.contains("previous version on disk is unchanged"), "{e}");
}

#[test]
fn a_project_too_large_to_open_again_is_not_written() {
    // `import` wrote a 392 MB project that opening then refused (over 256 MB).
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.vodcut");
    let project = sample();
    let size = to_bytes(&project).len() as u64;
    let mb = 1024 * 1024;
    let e = save_within(&path, &project, SaveOptions::default(), size - 1).unwrap_err();
    assert!(!path.exists(), "nothing written");
    // The same words opening gives for a file over the limit.
    std::fs::write(&path, to_bytes(&project)).unwrap();
    let opened = input::read_file_limited(&path, size - 1).map_err(|e| read_error_within(e, &path, size - 1));
    assert_eq!(e.to_string(), opened.unwrap_err().to_string());
    std::fs::remove_file(&path).unwrap();
    save_within(&path, &project, SaveOptions::default(), size).unwrap();
    assert!(
        check_size(&vec![b' '; (256 * mb) as usize + 1], &path, input::MAX_INPUT_BYTES)
            .unwrap_err()
            .to_string()
            .contains("larger than 256 MB")
    );
}
