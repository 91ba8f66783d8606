//! `vodcut render` as a user runs it against the loopback VOD server: the draft's duration,
//! size and frame rate (ffprobe), its pictures (the test video's every second is a colour
//! naming that second), its sound (silent where Gain is 0, heard elsewhere), placeholders,
//! Ctrl+C and a cancel halfway leaving nothing behind, and the message without ffmpeg.

mod support;

use std::io::BufRead;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};
use support::media_server::{MAGENTA, close, colour_library, second_of};
use support::vod_server::{KEY_ID, KEY_SECRET, VodServer};
use vodcut::api::{Client, ClientConfig, Credentials};
use vodcut::compose::Image;
use vodcut::draft::{self, DraftError, Settings};
use vodcut::media::decode::Ffmpeg;
use vodcut::media::{Footage, Options};

const TOL: i32 = 20;

/// Two video tracks (V2 a picture-in-picture in the bottom-right quarter), an image overlay,
/// a text effect, a VFX the draft cannot imitate, and two audio tracks. Every video clip is
/// muted (Gain 0); A1 plays the loud part of the tone at 2–4 s, A2 at 6–8 s muted for its
/// first second: sound at 2–4 s and 7–8 s only. The output (640x360) lasts 8 s.
const TIMELINE: &str = r##"{
  "VideoTracks":[
    {"VideoTrackClips":[
      {"MediaId":"vid","In":12,"Out":16,"TimelineIn":0,"TimelineOut":4,
       "Effects":[{"Type":"Volume","Gain":"0"},
                  {"Type":"Text","Content":"HELLO","X":0.05,"Y":0.55,"FontSize":40,"FontColor":"#FFFFFF","TimelineIn":0,"TimelineOut":1}]},
      {"MediaId":"vid","In":2,"Out":6,"TimelineIn":4,"TimelineOut":8,
       "Effects":[{"Type":"Volume","Gain":0},{"Type":"VFX","SubType":"snow","TimelineIn":5,"TimelineOut":6}]}]},
    {"VideoTrackClips":[
      {"MediaId":"vid","In":0,"Out":3,"TimelineIn":1,"TimelineOut":4,"X":0.5,"Y":0.5,"Width":0.5,"Height":0.5,
       "Effects":[{"Type":"Volume","Gain":"0"}]}]}],
  "ImageTracks":[{"ImageTrackClips":[{"ImageId":"logo","X":0,"Y":0,"Width":0.25,"Height":0.25,"TimelineIn":0,"TimelineOut":8}]}],
  "AudioTracks":[
    {"AudioTrackClips":[{"MediaId":"vid","In":10,"Out":12,"TimelineIn":2,"TimelineOut":4}]},
    {"AudioTrackClips":[{"MediaId":"vid","In":14,"Out":16,"TimelineIn":6,"TimelineOut":8,
                         "Effects":[{"Type":"Volume","Gain":"0","In":0,"Out":1}]}]}]
}"##;

fn setup() -> (VodServer, tempfile::TempDir) {
    (colour_library(), tempfile::tempdir().unwrap())
}

fn command(server: &VodServer, home: &Path, path: &str, args: &[&str]) -> Command {
    let mut c = support::isolated(env!("CARGO_BIN_EXE_vodcut"), home);
    c.args(args)
        .env("PATH", path)
        .env("VODCUT_ENDPOINT", server.url())
        .env("ALIBABA_CLOUD_ACCESS_KEY_ID", KEY_ID)
        .env("ALIBABA_CLOUD_ACCESS_KEY_SECRET", KEY_SECRET);
    c
}

fn run(server: &VodServer, home: &Path, args: &[&str]) -> Output {
    command(server, home, &std::env::var("PATH").unwrap_or_default(), args).output().unwrap()
}

use support::output_text as text;

/// A folder holding only the project, where drafts are written.
fn project_dir(timeline: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let project = support::media_server::write_project(dir.path(), timeline, 640, 360);
    (dir, project)
}

fn files_in(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> =
        std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    v.sort();
    v
}

fn probe(path: &Path) -> serde_json::Value {
    let o = Command::new("ffprobe")
        .args(["-v", "error", "-show_entries", "stream=codec_type,codec_name,width,height,r_frame_rate,nb_frames"])
        .args(["-show_entries", "format=duration", "-of", "json"])
        .arg(path)
        .output()
        .expect("ffprobe (it comes with ffmpeg)");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    serde_json::from_slice(&o.stdout).unwrap()
}

fn frame(path: &Path, at: f64) -> Image {
    let ff = Ffmpeg::find(None).unwrap();
    ff.frame_at(path.to_str().unwrap(), at, 0, Duration::from_secs(30), &AtomicBool::new(false)).unwrap()
}

/// The loudest sample between `from` and `to` seconds, in dB (volumedetect).
fn max_volume(path: &Path, from: f64, to: f64) -> f64 {
    let o = Command::new("ffmpeg")
        .args(["-hide_banner", "-nostdin", "-ss", &from.to_string(), "-t", &(to - from).to_string(), "-i"])
        .arg(path)
        .args(["-vn", "-af", "volumedetect", "-f", "null", "-"])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&o.stderr);
    let line = err.lines().find(|l| l.contains("max_volume:")).unwrap_or_else(|| panic!("no level: {err}"));
    let v = line.split("max_volume:").nth(1).unwrap().trim().trim_end_matches("dB").trim();
    if v == "-inf" { -200.0 } else { v.parse().unwrap() }
}

#[test]
fn the_draft_has_the_right_length_size_pictures_and_sound() {
    let (server, _home) = setup();
    let (dir, project) = project_dir(TIMELINE);
    let out = dir.path().join("draft.mp4");
    let o = run(
        &server,
        dir.path(),
        &["render", project.to_str().unwrap(), "-o", out.to_str().unwrap(), "--height", "180"],
    );
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    let said = text(&o);
    assert!(
        said.contains("wrote") && said.contains("320x180, 25 fps, 00:00:08:00 from 00:00:00:00, 200 frames"),
        "{said}"
    );
    // The VFX is listed once, with its place and time.
    assert_eq!(said.matches("VFX snow").count(), 1, "{said}");
    assert!(said.contains("track V1, clip 2: VFX snow (00:00:05:00–00:00:06:00)"), "{said}");
    assert_eq!(files_in(dir.path()), vec!["draft.mp4", "film.vodcut"], "no temporary file is left");

    let info = probe(&out);
    let streams = info["streams"].as_array().unwrap();
    let video = streams.iter().find(|s| s["codec_type"] == "video").unwrap();
    let audio = streams.iter().find(|s| s["codec_type"] == "audio").unwrap();
    assert_eq!((video["codec_name"].as_str(), audio["codec_name"].as_str()), (Some("h264"), Some("aac")));
    assert_eq!((video["width"].as_u64(), video["height"].as_u64()), (Some(320), Some(180)));
    assert_eq!(video["r_frame_rate"], "25/1");
    assert_eq!(video["nb_frames"], "200");
    let duration: f64 = info["format"]["duration"].as_str().unwrap().parse().unwrap();
    assert!((duration - 8.0).abs() < 0.1, "duration {duration}");

    let px = |img: &Image, x: u32, y: u32| img.pixel(x, y);
    // 0.5 s: V1 shows source second 12, the logo covers the top-left quarter, the text is drawn.
    let img = frame(&out, 0.5);
    assert_eq!((img.width, img.height), (320, 180));
    assert_eq!(second_of(px(&img, 240, 60), TOL), Some(12), "{:?}", px(&img, 240, 60));
    assert!(close(px(&img, 40, 22), MAGENTA, TOL), "logo: {:?}", px(&img, 40, 22));
    let white = |img: &Image| {
        (16..140)
            .flat_map(|x| (99..130).map(move |y| (x, y)))
            .filter(|(x, y)| close(img.pixel(*x, *y), [255; 3], 50))
            .count()
    };
    assert!(white(&img) > 30, "the text effect is drawn ({} white pixels)", white(&img));
    // 2.5 s: V2's picture-in-picture (In 0 at 1 s) shows second 1 in its quarter; V1 second 14.
    let img = frame(&out, 2.5);
    assert_eq!(second_of(px(&img, 240, 135), TOL), Some(1), "{:?}", px(&img, 240, 135));
    assert_eq!(second_of(px(&img, 100, 100), TOL), Some(14), "{:?}", px(&img, 100, 100));
    assert_eq!(white(&img), 0, "the text ended at 1 s");
    // 5.5 s: V1's second clip (In 2 at 4 s): second 3 everywhere but the logo, with the VFX
    // outlined in yellow at the frame's edge.
    let img = frame(&out, 5.5);
    assert_eq!(second_of(px(&img, 240, 135), TOL), Some(3), "{:?}", px(&img, 240, 135));
    let yellow = |img: &Image| (40..180).filter(|y| close(img.pixel(0, *y), [255, 214, 0], 60)).count();
    assert!(yellow(&img) > 100, "the placeholder's outline ({} px)", yellow(&img));
    let img = frame(&out, 7.9);
    assert_eq!(second_of(px(&img, 240, 135), TOL), Some(5), "{:?}", px(&img, 240, 135));
    assert_eq!(yellow(&img), 0, "the VFX ended at 6 s");

    // The sound: the tone's loud half (about -20 dB) where an audio clip plays at full gain,
    // silence where every clip is muted.
    for (from, to) in [(0.2, 1.8), (4.2, 5.8), (6.2, 6.8)] {
        let v = max_volume(&out, from, to);
        assert!(v < -50.0, "silent at {from}–{to} s, got {v} dB");
    }
    // The loud half of the tone peaks at 0.1 (-20 dB): the mix keeps that level (the muted
    // clips mixed with it do not scale it down).
    for (from, to) in [(2.2, 3.8), (7.2, 7.8)] {
        let v = max_volume(&out, from, to);
        assert!((-23.0..-17.0).contains(&v), "the tone at {from}–{to} s, got {v} dB");
    }
}

#[test]
fn a_range_renders_that_part_only() {
    let (server, _home) = setup();
    let (dir, project) = project_dir(TIMELINE);
    let out = dir.path().join("part.mp4");
    let p = project.to_str().unwrap();
    let o = run(
        &server,
        dir.path(),
        &["render", p, "-o", out.to_str().unwrap(), "--height", "90", "--from", "2", "--to", "4", "--fps", "10"],
    );
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    let info = probe(&out);
    let video = info["streams"].as_array().unwrap().iter().find(|s| s["codec_type"] == "video").unwrap().clone();
    assert_eq!(
        (video["width"].as_u64(), video["height"].as_u64(), video["r_frame_rate"].as_str()),
        (Some(160), Some(90), Some("10/1"))
    );
    assert_eq!(video["nb_frames"], "20");
    let img = frame(&out, 0.55);
    assert_eq!(second_of(img.pixel(120, 67), TOL), Some(1), "2.55 s of the output: {:?}", img.pixel(120, 67));
    assert!(max_volume(&out, 0.2, 1.8) > -30.0, "A1 plays at 2–4 s");

    for (args, needle) in [
        (vec!["--from", "9"], "past the end of the output (00:00:08:00)"),
        (vec!["--from", "00:00:09:00"], "past the end of the output (00:00:08:00)"),
        (vec!["--from", "3", "--to", "2"], "must come after"),
        (vec!["--fps", "0"], "--fps 0"),
        (vec!["--height", "1"], "--height 1"),
        (vec!["-o", p], "is the input file"),
    ] {
        let mut all = vec!["render", p];
        if !args.contains(&"-o") {
            all.extend(["-o", "x.mp4"]);
        }
        all.extend(args);
        let o = run(&server, dir.path(), &all);
        assert_eq!(o.status.code(), Some(2), "{}", text(&o));
        assert!(text(&o).contains(needle), "{}", text(&o));
    }
    assert_eq!(files_in(dir.path()), vec!["film.vodcut", "part.mp4"], "the project is untouched");
    assert!(vodcut::store::project_file::open(&project).is_ok());
}

fn footage(server: &VodServer, cache: &Path) -> Arc<Footage> {
    let mut config = ClientConfig::new(server.url().parse().unwrap());
    config.timeout = Duration::from_secs(10);
    let client = Client::new(config, Credentials::session(KEY_ID, KEY_SECRET)).unwrap();
    Arc::new(Footage::new(Ok(client), Options { cache_dir: Some(cache.to_owned()), ..Options::default() }))
}

#[test]
fn cancelling_halfway_leaves_no_file() {
    let (server, home) = setup();
    let (dir, project) = project_dir(TIMELINE);
    let p = vodcut::store::project_file::open(&project).unwrap().project;
    let f = footage(&server, home.path());
    let rt = tokio::runtime::Runtime::new().unwrap();
    let target = dir.path().join("draft.mp4");
    let cancel = AtomicBool::new(false);
    let mut seen = 0;
    let settings = Settings { height: 90, ..Settings::default() };
    let r = draft::render(&f, rt.handle(), &p, &target, &settings, &cancel, &mut |pr| {
        seen = pr.frame;
        if pr.frame * 2 >= pr.frames {
            cancel.store(true, Ordering::Relaxed);
        }
    });
    assert_eq!(r.unwrap_err(), DraftError::Cancelled);
    assert_eq!(seen, 100, "stopped at the frame it was asked to");
    assert_eq!(files_in(dir.path()), vec!["film.vodcut"], "no draft, no temporary file");
}

#[test]
fn ctrl_c_stops_the_command_cleanly() {
    let (server, _home) = setup();
    // 20 s of output, so the render is still going when it is interrupted.
    let (dir, project) = project_dir(r#"{"VideoTracks":[{"VideoTrackClips":[{"MediaId":"vid","In":0,"Out":20}]}]}"#);
    let out = dir.path().join("draft.mp4");
    let mut child = command(
        &server,
        dir.path(),
        &std::env::var("PATH").unwrap_or_default(),
        &["render", project.to_str().unwrap(), "-o", out.to_str().unwrap(), "--height", "90"],
    )
    .stderr(Stdio::piped())
    .spawn()
    .unwrap();
    let mut lines = std::io::BufReader::new(child.stderr.take().unwrap()).lines();
    let start = Instant::now();
    let mut progress = Vec::new();
    for line in lines.by_ref() {
        let line = line.unwrap();
        progress.push(line.clone());
        if line.contains(" 30%") {
            break;
        }
        assert!(start.elapsed() < Duration::from_secs(60), "no progress: {progress:?}");
    }
    assert!(progress.iter().any(|l| l.contains("real time")), "progress says how fast: {progress:?}");
    let temp_seen = files_in(dir.path()).iter().any(|f| f.starts_with(".draft.mp4.tmp-"));
    // SAFETY: sends SIGINT (what Ctrl+C sends) to the child we started.
    unsafe { libc::kill(child.id() as i32, libc::SIGINT) };
    let status = child.wait().unwrap();
    let rest: Vec<String> = lines.map_while(Result::ok).collect();
    assert_eq!(status.code(), Some(130), "{progress:?} {rest:?}");
    assert!(rest.iter().any(|l| l.contains("render stopped; nothing was written")), "{rest:?}");
    assert!(temp_seen, "the draft was being written beside the target");
    assert_eq!(files_in(dir.path()), vec!["film.vodcut"], "no draft, no temporary file");
}

#[test]
fn a_clip_without_footage_is_named_and_nothing_is_written() {
    let (server, _home) = setup();
    let (dir, project) = project_dir(
        r#"{"VideoTracks":[{"VideoTrackClips":[{"MediaId":"vid","In":0,"Out":2},{"MediaId":"gone","In":0,"Out":2}]}]}"#,
    );
    let out = dir.path().join("draft.mp4");
    let o =
        run(&server, dir.path(), &["render", project.to_str().unwrap(), "-o", out.to_str().unwrap(), "--height", "90"]);
    assert_eq!(o.status.code(), Some(5), "{}", text(&o));
    let said = text(&o);
    assert!(said.contains("nothing written") && said.contains("track V1, clip 2") && said.contains("gone"), "{said}");
    assert!(!said.contains("auth_key"), "no signed URL in messages: {said}");
    assert_eq!(files_in(dir.path()), vec!["film.vodcut"]);
}

#[test]
fn without_ffmpeg_render_says_how_to_install_it() {
    let (server, home) = setup();
    let (dir, project) = project_dir(TIMELINE);
    let empty = tempfile::tempdir().unwrap();
    let out = dir.path().join("draft.mp4");
    let o = command(
        &server,
        home.path(),
        empty.path().to_str().unwrap(),
        &["render", project.to_str().unwrap(), "-o", out.to_str().unwrap()],
    )
    .output()
    .unwrap();
    assert_eq!(o.status.code(), Some(4), "{}", text(&o));
    assert!(text(&o).contains("sudo apt install ffmpeg"), "{}", text(&o));
    assert_eq!(files_in(dir.path()), vec!["film.vodcut"]);
}

#[test]
fn audio_only_writes_the_same_mix_alone() {
    let (server, _home) = setup();
    let (dir, project) = project_dir(TIMELINE);
    let out = dir.path().join("mix.m4a");
    let o =
        run(&server, dir.path(), &["render", project.to_str().unwrap(), "-o", out.to_str().unwrap(), "--audio-only"]);
    assert!(o.status.success(), "{}", text(&o));
    assert!(text(&o).contains("the sound alone"), "{}", text(&o));
    let info = probe(&out);
    let streams = info["streams"].as_array().unwrap();
    assert_eq!(streams.len(), 1, "sound only: {info}");
    assert_eq!(streams[0]["codec_type"], "audio");
    let length: f64 = info["format"]["duration"].as_str().unwrap().parse().unwrap();
    assert!((length - 8.0).abs() < 0.1, "as long as the production: {length} s");
    // The same mix as the draft's: silent where every clip is muted, the tone elsewhere.
    for (from, to) in [(0.2, 1.8), (4.2, 5.8), (6.2, 6.8)] {
        assert!(max_volume(&out, from, to) < -50.0, "silent at {from}–{to} s");
    }
    for (from, to) in [(2.2, 3.8), (7.2, 7.8)] {
        let v = max_volume(&out, from, to);
        assert!((-23.0..-17.0).contains(&v), "the tone at {from}–{to} s, got {v} dB");
    }
    assert_eq!(files_in(dir.path()), vec!["film.vodcut", "mix.m4a"], "no temporary file left");
}
