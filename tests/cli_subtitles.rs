//! `vodcut subtitles import|export` as a user runs them: files in the encodings Chinese
//! subtitles come in, broken ones that must change nothing, .vtt and .ass, Text effects.

mod support;

use std::path::{Path, PathBuf};
use std::process::Output;
use vodcut::model::project::{Project, TrackKind};
use vodcut::model::wire::Effect;
use vodcut::model::{FrameRate, Time};
use vodcut::store::project_file;
use vodcut::subtitles::{Format, parse};

struct Dir(tempfile::TempDir);

impl Dir {
    fn new() -> Dir {
        Dir(tempfile::tempdir().unwrap())
    }

    fn path(&self, name: &str) -> PathBuf {
        self.0.path().join(name)
    }

    /// A new project (one track of each kind) saved as `name`, or `timeline` imported.
    fn project(&self, name: &str, timeline: Option<&str>) -> PathBuf {
        let p = match timeline {
            Some(t) => vodcut::model::export::import_timeline_str(t).unwrap(),
            None => Project::new_empty(),
        };
        let path = self.path(name);
        project_file::save(&path, &p).unwrap();
        path
    }

    fn run(&self, args: &[&str]) -> Output {
        let mut c = support::isolated(env!("CARGO_BIN_EXE_vodcut"), &self.path("home"));
        c.env("LC_ALL", "C.UTF-8").args(args).output().unwrap()
    }
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn open(path: &Path) -> Project {
    project_file::open(path).unwrap().project
}

/// Three cues whose times are not all on frames at 25 fps (1.010 s, 4.321 s).
const SRT: &str = "1\r\n00:00:01,010 --> 00:00:03,000\r\n第一句字幕\r\n\r\n2\r\n00:00:03,500 --> 00:00:04,321\r\n第二句，\r\n有两行\r\n\r\n3\r\n00:01:05,000 --> 00:01:07,960\r\n最后一句\r\n";

#[test]
fn a_gbk_srt_imports_as_three_clips_and_exports_back_to_the_frame() {
    let d = Dir::new();
    let project = d.project("p.vodcut", None);
    let (gbk, _, unmappable) = encoding_rs::GBK.encode(SRT);
    assert!(!unmappable);
    let srt = d.path("中文.srt");
    std::fs::write(&srt, &gbk).unwrap();
    let out = d.run(&["subtitles", "import", s(&project), s(&srt)]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("imported 3 subtitles into track S1"), "{}", text(&out.stdout));
    assert!(project_file::backup_path(&project).exists(), "the old version is kept");

    let p = open(&project);
    let s1 = p.tracks.iter().find(|t| t.kind == TrackKind::Subtitle).unwrap();
    assert_eq!(s1.clips.len(), 3);
    let texts: Vec<&str> = s1.clips.iter().map(|c| c.content.as_deref().unwrap()).collect();
    assert_eq!(texts, ["第一句字幕", "第二句，\n有两行", "最后一句"]);
    let fr = FrameRate::default();
    let cues = parse(SRT, Format::Srt).unwrap();
    for (clip, cue) in s1.clips.iter().zip(&cues) {
        assert_eq!(clip.timeline_in, Some(fr.snap(cue.start)), "on the frame nearest the cue's start");
        assert_eq!(clip.timeline_out, Some(fr.snap(cue.end)));
    }

    let back = d.path("back.srt");
    let out = d.run(&["subtitles", "export", s(&project), "-o", s(&back)]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let written = std::fs::read_to_string(&back).unwrap();
    let again = parse(&written, Format::Srt).unwrap();
    assert_eq!(again.len(), 3);
    let frame = Time::from_millis(20); // half a frame at 25 fps
    for (a, b) in again.iter().zip(&cues) {
        assert_eq!(a.text, b.text);
        assert!((a.start.ticks() - b.start.ticks()).abs() <= frame.ticks(), "{:?} vs {:?}", a.start, b.start);
        assert!((a.end.ticks() - b.end.ticks()).abs() <= frame.ticks(), "{:?} vs {:?}", a.end, b.end);
    }
    // Standard output too; never over the project itself.
    let out = d.run(&["subtitles", "export", s(&project), "-o", "-"]);
    assert_eq!(text(&out.stdout), written);
    let out = d.run(&["subtitles", "export", s(&project), "-o", s(&project)]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    assert_eq!(open(&project), p);
}

#[test]
fn a_broken_file_names_its_line_and_writes_nothing() {
    let d = Dir::new();
    let project = d.project("p.vodcut", None);
    let before = std::fs::read(&project).unwrap();
    let cases = [
        (SRT.replace("00:00:03,500 -->", "00:00:03.5OO -->"), "line 6: a time that cannot be read"),
        (
            SRT.replace("00:01:05,000 --> 00:01:07,960", "00:01:05,000 --> 00:01:04,000"),
            "line 11: the cue ends before it starts",
        ),
        (SRT.replace("00:00:03,500 -->", "00:00:02,500 -->"), "line 6: the cue starts before the one at line 2 ends"),
        (SRT.replace("最后一句", " "), "line 11: the cue has no text"),
    ];
    for (content, said) in cases {
        let srt = d.path("bad.srt");
        std::fs::write(&srt, content).unwrap();
        let out = d.run(&["subtitles", "import", s(&project), s(&srt)]);
        assert_eq!(out.status.code(), Some(2));
        let err = text(&out.stderr);
        assert!(err.contains(&format!("{}, {said}", srt.display())), "{err}");
    }
    // Bytes that are not UTF-8 when the user says they are.
    let srt = d.path("bad.srt");
    std::fs::write(&srt, encoding_rs::GBK.encode(SRT).0).unwrap();
    let out = d.run(&["subtitles", "import", s(&project), s(&srt), "--encoding", "utf-8"]);
    assert!(text(&out.stderr).contains("line 3: bytes that are not UTF-8"), "{}", text(&out.stderr));
    assert_eq!(std::fs::read(&project).unwrap(), before, "nothing written");
    assert!(!project_file::backup_path(&project).exists());
}

#[test]
fn a_utf16_vtt_goes_on_a_named_track_with_an_offset() {
    let d = Dir::new();
    let project = d.project("p.vodcut", None);
    // A new project has no subtitle track: the user adds S1 (the track menu).
    let mut p = open(&project);
    assert!(!p.tracks.iter().any(|t| t.kind == vodcut::model::TrackKind::Subtitle));
    p.add_track(vodcut::model::TrackKind::Subtitle);
    project_file::save(&project, &p).unwrap();
    let vtt = "WEBVTT\n\nNOTE made by hand\n\n00:01.000 --> 00:02.000 line:0\nこんにちは\n";
    let bytes: Vec<u8> = [0xFEFFu16].into_iter().chain(vtt.encode_utf16()).flat_map(u16::to_le_bytes).collect();
    let file = d.path("a.vtt");
    std::fs::write(&file, bytes).unwrap();
    let out = d.run(&["subtitles", "import", s(&project), s(&file), "--track", "S1", "--offset", "00:00:10:00"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let p = open(&project);
    let clip = &p.tracks.iter().find(|t| t.name == "S1").unwrap().clips[0];
    assert_eq!((clip.timeline_in, clip.content.as_deref()), (Some(Time::from_secs(11)), Some("こんにちは")));
    let out = d.run(&["subtitles", "import", s(&project), s(&file), "--track", "V1"]);
    assert!(text(&out.stderr).contains("V1 is not a subtitle track"), "{}", text(&out.stderr));
    let out = d.run(&["subtitles", "import", s(&project), s(&file), "--offset", "00:00:10:00"]);
    assert!(text(&out.stderr).contains("track S1 already has a subtitle at 00:00:11:00"), "{}", text(&out.stderr));
}

#[test]
fn an_ass_keeps_its_style_and_text_effects_go_on_the_video() {
    let d = Dir::new();
    let project = d.project("p.vodcut", Some(r#"{"VideoTracks":[{"VideoTrackClips":[{"MediaId":"a","Out":10}]}]}"#));
    let ass = "[V4+ Styles]\nFormat: Name, Fontname, Fontsize, PrimaryColour, Bold, Alignment\nStyle: Big,KaiTi,60,&H000000FF,1,5\n\n[Events]\nFormat: Layer, Start, End, Style, Text\nDialogue: 0,0:00:01.00,0:00:02.00,Big,{\\i1}红色{\\i0}\n";
    let file = d.path("a.ass");
    std::fs::write(&file, ass).unwrap();
    let out = d.run(&["subtitles", "import", s(&project), s(&file), "--as-text-effects"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let p = open(&project);
    assert!(p.tracks.iter().all(|t| t.kind != TrackKind::Subtitle), "no subtitle track made");
    let Effect::Known(e) = &p.tracks[0].clips[0].effects[0] else { panic!("not a known effect") };
    assert_eq!((e.r#type.as_str(), e.content.as_deref()), ("Text", Some("红色")));
    assert_eq!(
        (e.font.as_deref(), e.font_color.as_deref(), e.alignment.as_deref()),
        (Some("KaiTi"), Some("#FF0000"), Some("CenterCenter"))
    );
    assert_eq!((e.timeline_in, e.timeline_out), (Some(Time::from_secs(1)), Some(Time::from_secs(2))));
    assert!(vodcut::model::validate::validate(&p).iter().all(|x| x.location.effect.is_none()), "a clean Text effect");
}
