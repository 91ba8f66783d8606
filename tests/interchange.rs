//! Files written by the official OpenTimelineIO library and its adapters (made by
//! tests/fixtures/interchange/make_fixtures.py, committed) import to the Timeline the library
//! itself computes (expected.json: every clip's frames, every transition, every marker), the
//! same from every format, times to the frame (an hour and more at 29.97 drop-frame included).

use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use vodcut::interchange::media::{MediaMap, Resolution, parse_map};
use vodcut::interchange::report::{Imported, finish};
use vodcut::interchange::{Loss, Options, read_file};
use vodcut::model::TrackKind;
use vodcut::model::time::{FrameRate, Time};
use vodcut::model::wire::{Effect, EffectKind};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/interchange")
}

fn expected() -> Value {
    let text = std::fs::read_to_string(fixtures().join("expected.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}

/// A MediaId for each file name (any 32 hex digits will do; the same name, the same id).
fn id_of(file: &str) -> String {
    let mut h: u128 = 0xcbf2_9ce4_8422_2325;
    for b in file.bytes() {
        h = (h ^ u128::from(b)).wrapping_mul(0x1_0000_0000_0000_0000_0000_013b);
    }
    format!("{h:032x}")
}

/// The map of every file the fixtures use, by file name, as a user would write it.
fn map(expected: &Value) -> MediaMap {
    let mut files: Vec<String> = Vec::new();
    for tl in expected["timelines"].as_object().unwrap().values() {
        for t in tl["tracks"].as_array().unwrap() {
            for c in t["clips"].as_array().unwrap() {
                files.push(c["file"].as_str().unwrap().replace("%20", " "));
            }
        }
    }
    files.sort();
    files.dedup();
    let mut csv = String::from("file,MediaId\n");
    for f in &files {
        csv.push_str(&format!("{f},{}\n", id_of(f)));
    }
    parse_map(&csv).unwrap()
}

fn rate_of(fps: f64) -> FrameRate {
    if (fps - fps.round()).abs() < 1e-9 {
        FrameRate { num: fps.round() as u32, den: 1 }
    } else {
        FrameRate { num: ((fps * 1.001).round() as u32) * 1000, den: 1001 }
    }
}

/// A clip as compared: MediaId, TimelineIn, In, Out, and the length of its transition.
type Cut = (String, Time, Time, Time, Option<Time>);

/// The Timeline expected of one track, from the library's own frames: each transition's cut
/// moves to where it starts (the clip before is shorter by its in_offset, the clip after starts
/// that much earlier in its source), and the clip before carries it, its whole length.
fn expected_track(track: &Value, with_transitions: bool) -> (FrameRate, Vec<Cut>) {
    let mut rate = FrameRate::FPS_25;
    let mut clips: Vec<(String, i64, i64, i64, Option<i64>)> = Vec::new();
    for c in track["clips"].as_array().unwrap() {
        rate = rate_of(c["rate"].as_f64().unwrap());
        let n = |k: &str| c[k].as_f64().unwrap() as i64;
        let file = c["file"].as_str().unwrap().replace("%20", " ");
        clips.push((id_of(&file), n("record_start"), n("source_start"), n("length"), None));
    }
    for t in track["transitions"].as_array().unwrap().iter().filter(|_| with_transitions) {
        let n = |k: &str| t[k].as_f64().unwrap() as i64;
        let (cut, before, after) = (n("cut"), n("in_offset"), n("out_offset"));
        let a = clips.iter().position(|c| c.1 + c.3 == cut).unwrap();
        let b = clips.iter().position(|c| c.1 == cut).unwrap();
        clips[a].3 -= before;
        clips[a].4 = Some(before + after);
        clips[b].1 -= before;
        clips[b].2 -= before;
        clips[b].3 += before;
    }
    let cuts = clips
        .into_iter()
        .map(|(id, rec, src, len, tr)| {
            let (start, end) = (rate.frame_start(rec), rate.frame_start(rec + len));
            let src = rate.frame_start(src);
            (id, start, src, src + (end - start), tr.map(|f| rate.frame_start(f)))
        })
        .collect();
    (rate, cuts)
}

fn import(file: &str, map: &MediaMap) -> Imported {
    // An EDL does not say its rate: the user gives it (`--fps`), unless its timecode is
    // drop-frame (29.97).
    let edl_rate = (file == "sample.edl").then_some(FrameRate { num: 24_000, den: 1001 });
    let seq = read_file(&fixtures().join(file), &Options { edl_rate, ..Default::default() })
        .unwrap_or_else(|e| panic!("{file}: {e}"));
    let res = Resolution::new(&seq, Some(map));
    finish(&seq, &res)
}

fn cuts(project: &vodcut::model::Project, track: usize) -> Vec<Cut> {
    project.tracks[track]
        .clips
        .iter()
        .map(|c| {
            let transition = c.effects.iter().find_map(|e| match e {
                Effect::Known(k) if k.r#type == EffectKind::Transition.wire_name() => {
                    assert_eq!(k.sub_type.as_deref(), Some("fade"));
                    k.duration
                }
                _ => None,
            });
            (
                c.media_id.clone().unwrap_or_default(),
                c.timeline_in.unwrap(),
                c.r#in.unwrap(),
                c.out.unwrap(),
                transition,
            )
        })
        .collect()
}

fn markers(project: &vodcut::model::Project) -> Vec<(Time, String)> {
    project.markers.iter().map(|m| (m.time, m.label.clone())).collect()
}

/// The markers of the timeline (unless `clips_only`) and of its clips.
fn expected_markers(tl: &Value, rate: FrameRate, clips_only: bool) -> Vec<(Time, String)> {
    let all = tl["markers"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|_| !clips_only)
        .chain(tl["tracks"].as_array().unwrap().iter().flat_map(|t| t["markers"].as_array().unwrap().iter()));
    let mut m: Vec<(Time, String)> = all
        .map(|m| (rate.frame_start(m["record"].as_f64().unwrap() as i64), m["name"].as_str().unwrap().to_owned()))
        .collect();
    m.sort();
    m
}

/// Each format of `stem` imports to the library's Timeline: every track's clips (media by the
/// map), transitions and markers, to the tick of their frame.
fn same_timeline(stem: &str, formats: &[&str], audio_tracks: bool) {
    let expected = expected();
    let map = map(&expected);
    let tl = &expected["timelines"][stem];
    for ext in formats {
        let file = format!("{stem}.{ext}");
        let got = import(&file, &map);
        assert_eq!(got.missing, 0, "{file}: {:?}", got.report);
        let p = &got.project;
        let mut at = BTreeMap::new();
        for (i, t) in p.tracks.iter().enumerate() {
            at.insert((t.kind == TrackKind::Audio, i), i);
        }
        let mut rate = FrameRate::FPS_25;
        let (mut video, mut audio) = (0, 0);
        for t in tl["tracks"].as_array().unwrap() {
            let is_audio = t["kind"] == "Audio";
            if is_audio && !audio_tracks {
                continue;
            }
            // The official FCPXML adapter (otio-fcpx-xml-adapter 1.0.0) writes no transitions:
            // its files hold the clips as cut, without them (see the fixtures).
            let (r, want) = expected_track(t, *ext != "fcpxml");
            rate = r;
            // Tracks in the project: video first, then audio, each in the file's order.
            let index = if is_audio {
                p.tracks.iter().enumerate().filter(|(_, t)| t.kind == TrackKind::Audio).nth(audio).map(|(i, _)| i)
            } else {
                p.tracks.iter().enumerate().filter(|(_, t)| t.kind == TrackKind::Video).nth(video).map(|(i, _)| i)
            };
            if is_audio {
                audio += 1;
            } else {
                video += 1;
            }
            let index = index.unwrap_or_else(|| panic!("{file}: no track for {}", t["name"]));
            assert_eq!(cuts(p, index), want, "{file}: track {}", t["name"]);
        }
        assert_eq!(p.frame_rate, rate, "{file}");
        // Nor does it write the timeline's own markers (only the clips').
        assert_eq!(markers(p), expected_markers(tl, rate, *ext == "fcpxml"), "{file}: markers");
    }
}

#[test]
fn the_sample_imports_the_same_from_every_format() {
    same_timeline("sample", &["otio", "edl", "xml", "fcpxml"], true);
}

#[test]
fn several_tracks_import_the_same_from_every_format() {
    same_timeline("tracks", &["otio", "xml", "fcpxml"], true);
}

#[test]
fn an_hour_at_29_97_drop_frame_lands_to_the_frame_from_every_format() {
    same_timeline("hour", &["otio", "edl", "xml", "fcpxml"], true);
    // The last clip ends past the hour, on its own frame's tick.
    let got = import("hour.edl", &map(&expected()));
    let last = got.project.tracks[0].clips.last().unwrap();
    let end = last.timeline_in.unwrap() + (last.out.unwrap() - last.r#in.unwrap());
    let ntsc = FrameRate { num: 30_000, den: 1001 };
    assert!(end > Time(36_000_000), "{end:?}");
    assert_eq!(ntsc.frame_start(ntsc.frame_at(end)), end);
}

#[test]
fn what_cannot_be_carried_is_reported() {
    let map = map(&expected());
    let what = |file: &str| {
        let seq = read_file(&fixtures().join(file), &Options::default()).unwrap();
        seq.notes.into_iter().map(|n| n.what).collect::<Vec<Loss>>()
    };
    let otio = what("lossy.otio");
    assert!(otio.contains(&Loss::Speed("200".into())), "{otio:?}");
    assert!(otio.contains(&Loss::Nested { name: "nested sequence".into(), clips: 2 }), "{otio:?}");
    assert!(otio.contains(&Loss::TransitionAsFade("SMPTE_Wipe".into())), "{otio:?}");
    assert!(otio.contains(&Loss::Effect("Gaussian Blur".into())), "{otio:?}");
    // The official FCP 7 adapter (otio-fcp-adapter 1.0.0) writes neither the speed change nor
    // the filter, and the wipe as a Cross Dissolve: what its file still has to lose is the
    // nested sequence.
    assert_eq!(what("lossy.xml"), vec![Loss::Nested { name: "nested sequence".into(), clips: 2 }]);
    for file in ["lossy.otio", "lossy.xml"] {
        let report = import(file, &map).report.join("\n");
        assert!(report.contains("nested sequence"), "{file}: {report}");
    }
    let report = import("lossy.otio", &map).report.join("\n");
    for word in ["200", "SMPTE_Wipe", "Gaussian Blur"] {
        assert!(report.contains(word), "{word}: {report}");
    }
}

#[test]
fn only_regular_files_are_read() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("cut.otio");
    std::fs::create_dir(&folder).unwrap();
    assert!(read_file(&folder, &Options::default()).is_err());
    // A FIFO would hang a reader that opened it: it is refused before that.
    let fifo = dir.path().join("pipe.edl");
    if std::process::Command::new("mkfifo").arg(&fifo).status().is_ok_and(|s| s.success()) {
        let e = read_file(&fifo, &Options::default()).unwrap_err().to_string();
        assert!(e.contains("pipe.edl"), "{e}");
    }
    let e = read_file(&dir.path().join("cut.mp4"), &Options::default()).unwrap_err().to_string();
    assert!(e.contains("cut.mp4") && e.contains(".otio"), "{e}");
}

/// Hostile files are refused by the bounds check before any parser builds a tree: the message
/// names the file, the line and column, and the limit. On the old code each assertion fails:
/// the attributes went to roxmltree, which checks each against every earlier one (5 * 10^11
/// comparisons: it does not finish), the values and the wide XML were parsed whole (the error
/// was only "no Timeline"), and the deep JSON got serde_json's "recursion limit exceeded"
/// without the limit.
#[test]
fn hostile_files_are_refused_with_the_file_the_place_and_the_limit() {
    use vodcut::interchange::bounds;
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, text: String| {
        let p = dir.path().join(name);
        std::fs::write(&p, text).unwrap();
        p
    };
    let refused = |path: &Path| read_file(path, &Options::default()).unwrap_err().to_string();

    let attrs: String = (0..1_000_000).map(|k| format!(" a{k}=\"\"")).collect();
    let e = refused(&write("attrs.xml", format!("<?xml version=\"1.0\"?>\n<xmeml>\n  <clipitem{attrs}/></xmeml>")));
    assert!(e.contains("attrs.xml") && e.contains("line 3, column") && e.contains("256 attributes"), "{e}");

    let e = refused(&write("deep.xml", format!("<xmeml>{}", "<sequence>".repeat(100_000))));
    assert!(e.contains("deep.xml") && e.contains("line 1, column") && e.contains("256 deep"), "{e}");

    // Many small elements, attributes counted with them: past the node limit.
    let many = "<a b=\"\"/>".repeat(bounds::MAX_XML_NODES / 2 + 1);
    let e = refused(&write("wide.fcpxml", format!("<fcpxml>\n{many}</fcpxml>")));
    assert!(e.contains("wide.fcpxml") && e.contains("line 2, column") && e.contains("elements, attributes"), "{e}");

    let e =
        refused(&write("deep.otio", format!("{{\"OTIO_SCHEMA\": \"Timeline.1\", \"x\": {}", "[".repeat(1_000_000))));
    assert!(e.contains("deep.otio") && e.contains("line 1, column") && e.contains("100 deep"), "{e}");

    let e = refused(&write("values.otio", format!("[{}0]", "0,".repeat(bounds::MAX_JSON_VALUES))));
    assert!(e.contains("values.otio") && e.contains("line 1, column") && e.contains("values"), "{e}");
}
