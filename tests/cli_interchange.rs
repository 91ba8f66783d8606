//! `vodcut import FILE.otio|.xml|.fcpxml|.edl` and `vodcut export-otio`, as a user runs them:
//! the real binary, an empty home, the official tools' files (tests/fixtures/interchange).

mod support;

use std::path::{Path, PathBuf};
use std::process::Output;
use vodcut::model::Project;

struct Env {
    home: tempfile::TempDir,
}

impl Env {
    fn new() -> Self {
        Env { home: tempfile::tempdir().unwrap() }
    }

    fn run(&self, args: &[&str]) -> Output {
        support::isolated(env!("CARGO_BIN_EXE_vodcut"), self.home.path())
            .args(args)
            .env("VODCUT_SANDBOX_DIR", self.home.path().join("sandbox"))
            .output()
            .unwrap()
    }

    fn path(&self, name: &str) -> PathBuf {
        self.home.path().join(name)
    }

    /// A fixture copied into the home (so a default output lands beside it).
    fn fixture(&self, name: &str) -> PathBuf {
        let to = self.path(name);
        std::fs::copy(fixtures().join(name), &to).unwrap();
        to
    }

    /// The map of the sample's four files.
    fn sample_map(&self) -> PathBuf {
        let map = self.path("map.csv");
        let rows: String = SAMPLE_FILES.iter().map(|(f, id)| format!("{f},{id}\n")).collect();
        std::fs::write(&map, format!("file,MediaId\n{rows}")).unwrap();
        map
    }
}

const SAMPLE_FILES: [(&str, &str); 3] = [
    ("harbour.mov", "5aed81b74ba84920be578cdfe004af4b"),
    ("market.mov", "789f9b4d7cf14dc7b83b0e801cbe0002"),
    ("/media/shots/bridge.mov", "11111111111111111111111111111111"),
];

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/interchange")
}

fn p(path: &Path) -> &str {
    path.to_str().unwrap()
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn open(path: &Path) -> Project {
    vodcut::store::project_file::open(path).unwrap_or_else(|e| panic!("{}: {e}", path.display())).project
}

/// A clip as compared: track, MediaId, TimelineIn, In, Out, effects' JSON.
type Row = (String, Option<String>, Option<i64>, Option<i64>, Option<i64>, String);

fn clips(project: &Project) -> Vec<Row> {
    project
        .tracks
        .iter()
        .flat_map(|t| {
            t.clips.iter().map(move |c| {
                (
                    t.name.clone(),
                    c.media_id.clone(),
                    c.timeline_in.map(|t| t.0),
                    c.r#in.map(|t| t.0),
                    c.out.map(|t| t.0),
                    serde_json::to_string(&c.effects).unwrap(),
                )
            })
        })
        .collect()
}

#[test]
fn an_edit_imports_with_a_map_to_a_project_beside_it() {
    let env = Env::new();
    let otio = env.fixture("sample.otio");
    let map = env.sample_map();
    let out = env.run(&["import", p(&otio), "--media", p(&map)]);
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{err}");
    // The report: every source with its MediaId and how it was found, and the project written.
    assert!(
        err.contains("/media/shots/harbour.mov -> 5aed81b74ba84920be578cdfe004af4b (from the map; 2 clips)"),
        "{err}"
    );
    assert!(err.contains("wrote ") && err.contains("sample.vodcut"), "{err}");
    let project = open(&env.path("sample.vodcut"));
    assert_eq!(project.frame_rate, vodcut::model::FrameRate { num: 24_000, den: 1001 });
    let c = clips(&project);
    assert_eq!(c.len(), 4, "{c:?}");
    assert_eq!(c[0].1.as_deref(), Some("5aed81b74ba84920be578cdfe004af4b"));
    assert_eq!(c[2].1.as_deref(), Some("11111111111111111111111111111111"), "mapped by its path");
    assert!(c[1].5.contains("\"Transition\"") && c[1].5.contains("\"fade\""), "{:?}", c[1]);
    assert_eq!(project.markers.len(), 1);
    // A second import does not replace the first without --force.
    let again = env.run(&["import", p(&otio), "--media", p(&map)]);
    assert_eq!(again.status.code(), Some(3), "{}", text(&again.stderr));
    assert!(text(&again.stderr).contains("--force"));
    let forced = env.run(&["import", p(&otio), "--media", p(&map), "--force"]);
    assert_eq!(forced.status.code(), Some(0), "{}", text(&forced.stderr));
    assert!(env.path("sample.vodcut.bak").exists());
}

#[test]
fn unmapped_sources_are_listed_and_the_project_is_still_written() {
    let env = Env::new();
    let edl = env.fixture("sample.edl");
    let out_path = env.path("cut.vodcut");
    let out = env.run(&["import", p(&edl), "--fps", "23.976", "--offline", "-o", p(&out_path)]);
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("harbour.mov: no media found (2 clips keep their place without a MediaId)"), "{err}");
    assert!(err.contains("3 sources have no MediaId yet (4 clips"), "{err}");
    let project = open(&out_path);
    assert_eq!(project.clip_count(), 4);
    assert!(clips(&project).iter().all(|c| c.1.is_none()));
    // validate says what is missing.
    let v = env.run(&["validate", p(&out_path)]);
    assert_eq!(v.status.code(), Some(1));
    let said = format!("{}{}", text(&v.stdout), text(&v.stderr));
    assert!(said.contains("waits for its file, /media/shots/bridge.mov"), "{said}");
    let v = env.run(&["validate", p(&out_path), "--json"]);
    assert!(text(&v.stdout).contains("clip.waiting-for-file"), "{}", text(&v.stdout));
    // Each clip keeps its source's file (so a map or an upload can place it later).
    let files: Vec<_> = project.tracks[0].clips.iter().map(|c| c.source_file()).collect();
    assert_eq!(files[0].as_deref(), Some("/media/shots/harbour.mov"));
    assert_eq!(files[2].as_deref(), Some("/media/shots/bridge.mov"));
    // Exported as it is, each clip without media is said, not dropped silently, and written
    // with its file: another editor (and vodcut) finds the file again.
    let otio = env.path("cut.otio");
    let out = env.run(&["export-otio", p(&out_path), "-o", p(&otio)]);
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert_eq!(err.matches("a clip without a MediaId written with its file only").count(), 4, "{err}");
    assert!(err.contains("(/media/shots/bridge.mov)"), "{err}");
    let back = env.path("back.vodcut");
    let out = env.run(&["import", p(&otio), "--offline", "-o", p(&back)]);
    assert!(
        text(&out.stderr).contains("/media/shots/bridge.mov: no media found (its clip keeps its place"),
        "{}",
        text(&out.stderr)
    );
    let again: Vec<_> = open(&back).tracks[0].clips.iter().map(|c| c.source_file()).collect();
    assert_eq!(again, files, "the files travel through the .otio");
}

#[test]
fn bad_input_is_refused_before_anything_is_written() {
    let env = Env::new();
    let otio = env.fixture("sample.otio");
    let map = env.path("bad.csv");
    std::fs::write(&map, "file,MediaId\nharbour.mov,5aed81b74ba84920be578cdfe004af4b\nmarket.mov,nope\n").unwrap();
    let out = env.run(&["import", p(&otio), "--media", p(&map), "--offline"]);
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("bad.csv: line 3: nope is not a MediaId"), "{err}");
    assert!(!env.path("sample.vodcut").exists());
    // The output may be neither the edit nor the map, whatever --force says.
    let good = env.sample_map();
    let before = std::fs::read(&good).unwrap();
    for target in [&otio, &good] {
        let out = env.run(&["import", p(&otio), "--media", p(&good), "-o", p(target), "--force"]);
        assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    }
    assert_eq!(std::fs::read(&otio).unwrap(), std::fs::read(fixtures().join("sample.otio")).unwrap());
    assert_eq!(std::fs::read(&good).unwrap(), before);
    // Not an edit: said, exit 2.
    let junk = env.path("junk.edl");
    std::fs::write(&junk, "001  AX  V  C  00:00:00:00 00:00:01:99 00:00:00:00 00:00:01:00\n").unwrap();
    let out = env.run(&["import", p(&junk), "--offline"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("line 1"), "{}", text(&out.stderr));
    // --fps is the EDL's: other formats state their rate.
    let out = env.run(&["import", p(&otio), "--offline", "--fps", "25"]);
    assert_eq!(out.status.code(), Some(2));
    // An API Timeline still needs -o.
    let tl = env.path("tl.json");
    std::fs::write(&tl, r#"{"VideoTracks":[]}"#).unwrap();
    let out = env.run(&["import", p(&tl)]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
}

/// Import, export-otio, import again: the same Timeline (the MediaIds travel in the .otio's
/// metadata, so the second import needs no map). No Python needed.
#[test]
fn an_exported_otio_imports_back_to_the_same_project() {
    let env = Env::new();
    let map = env.sample_map();
    let project_path = env.path("first.vodcut");
    let out = env.run(&["import", p(&env.fixture("sample.otio")), "--media", p(&map), "-o", p(&project_path)]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let exported = env.path("back.otio");
    let out = env.run(&["export-otio", p(&project_path), "-o", p(&exported)]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stderr).contains("back.otio"));
    let second = env.path("second.vodcut");
    let out = env.run(&["import", p(&exported), "--offline", "-o", p(&second)]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stderr).contains("named in the file"), "{}", text(&out.stderr));
    let (a, b) = (open(&project_path), open(&second));
    assert_eq!(clips(&a), clips(&b));
    assert_eq!(
        a.markers.iter().map(|m| (m.time, &m.label)).collect::<Vec<_>>(),
        b.markers.iter().map(|m| (m.time, &m.label)).collect::<Vec<_>>()
    );
    assert_eq!(a.frame_rate, b.frame_rate);
    // export-otio never writes over its project, nor a project by name, nor another kind of file.
    let out = env.run(&["export-otio", p(&project_path), "-o", p(&project_path), "--force"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    let png = env.path("shot.otio");
    std::fs::write(&png, b"\x89PNG\r\n\x1a\nxxxx").unwrap();
    let out = env.run(&["export-otio", p(&project_path), "-o", p(&png)]);
    assert_eq!(out.status.code(), Some(3), "{}", text(&out.stderr));
    // An earlier export is simply replaced.
    let out = env.run(&["export-otio", p(&project_path), "-o", p(&exported)]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
}

/// The official library reads the exported .otio and finds the project's clips where vodcut
/// put them (record and source frames), each with its file, and the MediaId of those that have
/// one (voice.wav, left out of the map, is written with its file only). Needs python3 with opentimelineio (VODCUT_TEST_PYTHON
/// names another interpreter); skipped, saying so, without it.
#[test]
fn the_official_library_reads_an_exported_otio() {
    let python = std::env::var("VODCUT_TEST_PYTHON").unwrap_or_else(|_| "python3".into());
    let has = std::process::Command::new(&python).args(["-c", "import opentimelineio"]).output();
    if !has.is_ok_and(|o| o.status.success()) {
        eprintln!(
            "SKIPPED the_official_library_reads_an_exported_otio: {python} cannot import opentimelineio (pip install -r tests/fixtures/interchange/requirements.txt, or set VODCUT_TEST_PYTHON)"
        );
        return;
    }
    let env = Env::new();
    let project_path = env.path("p.vodcut");
    let map = env.path("map.csv");
    std::fs::write(&map, "file,MediaId\nopening.mov,00000000000000000000000000000001\nstreet.mov,00000000000000000000000000000002\nsquare.mov,00000000000000000000000000000003\ntitle card.mov,00000000000000000000000000000004\nmusic.wav,00000000000000000000000000000005\n").unwrap();
    let fixture = env.fixture("tracks.otio");
    let out = env.run(&["import", p(&fixture), "--media", p(&map), "--offline", "-o", p(&project_path)]);
    assert_eq!(out.status.code(), Some(1), "voice.wav has no MediaId: {}", text(&out.stderr));
    let exported = env.path("e.otio");
    let out = env.run(&["export-otio", p(&project_path), "-o", p(&exported)]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let script = r#"
import json, sys
import opentimelineio as otio
tl = otio.adapters.read_from_file(sys.argv[1])
out = []
for t in tl.tracks:
    for c in t.find_clips(shallow_search=True):
        r = c.range_in_parent()
        out.append([t.name, c.metadata.get("vodcut", {}).get("MediaId"), c.media_reference.target_url, r.start_time.value, c.source_range.start_time.value, c.source_range.duration.value, r.start_time.rate])
print(json.dumps({"clips": out, "markers": [[m.name, m.marked_range.start_time.value] for m in tl.tracks.markers]}))
"#;
    let got = std::process::Command::new(&python).args(["-c", script, p(&exported)]).output().unwrap();
    assert!(got.status.success(), "{}", text(&got.stderr));
    let v: serde_json::Value = serde_json::from_slice(&got.stdout).unwrap();
    let project = open(&project_path);
    let rate = project.frame_rate;
    let mut want = Vec::new();
    for t in &project.tracks {
        for c in &t.clips {
            let (start, src, out) = (c.timeline_in.unwrap(), c.r#in.unwrap(), c.out.unwrap());
            let file = c.source_file().or_else(|| {
                let entry = project.bin.iter().find(|b| Some(&b.media_id) == c.media_id.as_ref());
                entry.and_then(|b| b.other_fields.get_str("SourceFile"))
            });
            want.push(serde_json::json!([
                t.name,
                c.media_id.clone(),
                format!("file://{}", file.unwrap().replace(' ', "%20")),
                rate.frame_at(start) as f64,
                rate.frame_at(src) as f64,
                (rate.frame_at(start + (out - src)) - rate.frame_at(start)) as f64,
                rate.fps()
            ]));
        }
    }
    assert!(want.iter().any(|c| c[1].is_null() && c[2] == "file:///media/audio/voice.wav"), "{want:?}");
    assert_eq!(v["clips"], serde_json::Value::Array(want), "{v}");
    let markers: Vec<serde_json::Value> =
        project.markers.iter().map(|m| serde_json::json!([m.label, rate.frame_at(m.time) as f64])).collect();
    assert_eq!(v["markers"], serde_json::Value::Array(markers), "{v}");
}

/// Against the sandbox (the loopback VOD and OSS service, as `--sandbox` runs it): a source
/// the map does not name is found in the library by its file name, and one found nowhere is
/// uploaded from where the edit says it is and its clips placed.
#[test]
fn the_library_and_uploads_give_the_sources_the_map_does_not() {
    let env = Env::new();
    let shots = env.path("shots");
    std::fs::create_dir(&shots).unwrap();
    // harbour.mov is in the library already (uploaded earlier: its title is the file's stem).
    let harbour = shots.join("harbour.mov");
    std::fs::write(&harbour, vec![7u8; 64 * 1024]).unwrap();
    let up = env.run(&["--sandbox", "media", "upload", p(&harbour), "--json"]);
    assert_eq!(up.status.code(), Some(0), "{}", text(&up.stderr));
    let up: serde_json::Value = serde_json::from_slice(&up.stdout).unwrap();
    let harbour_id = up[0]["MediaId"].as_str().unwrap().to_owned();
    // bridge.mov is only on this machine; market.mov is in the map.
    std::fs::write(shots.join("bridge.mov"), vec![9u8; 96 * 1024]).unwrap();
    let edit = env.path("edit.otio");
    let otio = std::fs::read_to_string(fixtures().join("sample.otio")).unwrap();
    std::fs::write(&edit, otio.replace("file:///media/shots/", &format!("file://{}/", p(&shots)))).unwrap();
    let map = env.path("map.csv");
    std::fs::write(&map, "file,MediaId\nmarket.mov,789f9b4d7cf14dc7b83b0e801cbe0002\n").unwrap();

    // Without --upload: harbour from the library, bridge listed (exit 1).
    let first = env.path("first.vodcut");
    let out = env.run(&["--sandbox", "import", p(&edit), "--media", p(&map), "-o", p(&first)]);
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains(&format!("harbour.mov -> {harbour_id} (the library's \"harbour\"; 2 clips)")), "{err}");
    assert!(err.contains("bridge.mov: no media found"), "{err}");

    // With --upload: bridge.mov is uploaded and its clip placed.
    let second = env.path("second.vodcut");
    let out = env.run(&["--sandbox", "import", p(&edit), "--media", p(&map), "--upload", "-o", p(&second)]);
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(err.contains("bridge.mov -> ") && err.contains("(uploaded; one clip)"), "{err}");
    let project = open(&second);
    let ids: Vec<Option<String>> = project.tracks[0].clips.iter().map(|c| c.media_id.clone()).collect();
    assert_eq!(ids[0].as_deref(), Some(harbour_id.as_str()));
    assert_eq!(ids[1].as_deref(), Some("789f9b4d7cf14dc7b83b0e801cbe0002"));
    let bridge_id = ids[2].clone().expect("the uploaded file's clip has its MediaId");
    assert_ne!(bridge_id, harbour_id);
    assert_eq!(ids[3].as_deref(), Some(harbour_id.as_str()));
    // The upload is a real one: the library knows it by the file's name now.
    let found = env.run(&["--sandbox", "media", "search", "bridge", "--json"]);
    let found: serde_json::Value = serde_json::from_slice(&found.stdout).unwrap();
    assert_eq!(found["MediaList"][0]["MediaId"], bridge_id.as_str(), "{found}");
    // The bin names the files the media came from (export-otio writes them back).
    assert!(project.bin.iter().any(|b| b.media_id == bridge_id), "{:?}", project.bin);

    // Two media of the name: neither is guessed; both are named, for the map.
    let other = env.path("harbour.mp4");
    std::fs::write(&other, vec![5u8; 32 * 1024]).unwrap();
    let up = env.run(&["--sandbox", "media", "upload", p(&other), "--json"]);
    assert_eq!(up.status.code(), Some(0), "{}", text(&up.stderr));
    let out = env.run(&["--sandbox", "import", p(&edit), "--media", p(&map), "-o", p(&env.path("third.vodcut"))]);
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("harbour.mov: several media in the library have this name") && err.contains(&harbour_id),
        "{err}"
    );
}
