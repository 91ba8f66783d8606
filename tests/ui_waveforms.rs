//! Waveforms as a user sees them: pixels on an audio clip and on a video clip with sound, a
//! quiet stretch visible too, and a clip whose sound cannot be read saying why on hover.
//! (Issue 22: the old waveform was 8 px tall, linear, and on audio clips only, so the quiet
//! part of a clip, or any normal music, drew under one pixel: users never saw a waveform.)

mod support;

use egui::{Pos2, Rect, Vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::sync::Arc;
use std::time::{Duration, Instant};
use support::media_server::TestMedia;
use support::ui::{FakePicker, harness};
use support::vod_server::VodServer;
use vodcut::edit::document::Document;
use vodcut::model::export::import_timeline_str;
use vodcut::ui::Editor;

/// The test video on V1 and as sound on A1 (its tone is quiet, -44 dBFS, for 10 s, then at -20 dBFS),
/// and on A2 a medium the server does not have.
const TIMELINE: &str = r#"{"VideoTracks":[{"VideoTrackClips":[{"MediaId":"vid","In":0,"Out":20,"TimelineIn":0}]}],
  "AudioTracks":[{"AudioTrackClips":[{"MediaId":"vid","In":0,"Out":20,"TimelineIn":0}]},
                 {"AudioTrackClips":[{"MediaId":"gone","In":0,"Out":5,"TimelineIn":0}]}]}"#;

fn editor() -> (VodServer, tempfile::TempDir, Harness<'static, Editor>) {
    let server = VodServer::start();
    server.add_test_video("vid", "Colour seconds");
    let cloud = support::ui::footage_cloud(server.url(), "");
    let mut p = import_timeline_str(TIMELINE).unwrap();
    p.zoom = 40.0;
    let cache = tempfile::tempdir().unwrap();
    let mut e = Editor::with_cloud(Arc::new(FakePicker::default()), Document::new(p, None, false), cloud);
    e.preview.cache_dir = Some(cache.path().to_owned());
    (server, cache, harness(e, Vec2::new(1280.0, 800.0)))
}

/// The clip on `track` (its label names the media's title once VOD gave it, else its ID).
fn clip_rect(h: &Harness<'static, Editor>, track: &str) -> Rect {
    let labels = ["Colour seconds", "vid", "gone"].map(|t| format!("Clip {t} on {track}"));
    let r = labels
        .iter()
        .find_map(|l| h.query_by_label_contains(l).map(|n| n.rect()))
        .unwrap_or_else(|| panic!("no clip on {track}"));
    Rect::from_min_max(Pos2::new(r.min.x, r.min.y), Pos2::new(r.max.x, r.max.y))
}

/// Columns from `x0` to `x1` (seconds of the clip) and how tall the tallest run of pixels
/// matching `is_wave` is in each.
fn heights(img: &image::RgbaImage, clip: Rect, secs: (f32, f32), is_wave: impl Fn([u8; 4]) -> bool) -> Vec<u32> {
    let (x0, x1) = ((clip.left() + secs.0 * 40.0) as u32, (clip.left() + secs.1 * 40.0) as u32);
    (x0..x1)
        .map(|x| (clip.top() as u32..clip.bottom() as u32).filter(|&y| is_wave(img.get_pixel(x, y).0)).count() as u32)
        .collect()
}

fn median(mut v: Vec<u32>) -> u32 {
    v.sort();
    v[v.len() / 2]
}

#[test]
fn waveforms_show_on_audio_clips_and_video_clips_with_sound() {
    let (_server, _cache, mut h) = editor();
    let start = Instant::now();
    let mut shot;
    loop {
        // Peaks and thumbnails arrive in the background; look at the screen until they show.
        h.run_steps(2);
        shot = h.render().expect("the harness renders (WGPU_BACKEND=vulkan, lavapipe)");
        let audio = clip_rect(&h, "A1");
        let ready = median(heights(&shot, audio, (12.0, 18.0), |p| p[1] > 200 && p[0] < 240 && p[0] > 150)) > 0;
        if ready || start.elapsed() > Duration::from_secs(30) {
            break;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let _ = shot.save(concat!(env!("CARGO_TARGET_TMPDIR"), "/ui_waveforms.png"));
    let audio = clip_rect(&h, "A1");
    let video = clip_rect(&h, "V1");
    // Waveform pixels on the audio clip (light green, not the white of its words), past its title.
    let on_audio = |p: [u8; 4]| p[1] > 200 && p[0] > 150 && p[0] < 240;
    let quiet = median(heights(&shot, audio, (4.0, 9.5), on_audio));
    let loud = median(heights(&shot, audio, (10.5, 19.5), on_audio));
    assert!(quiet >= 6, "the quiet stretch (-44 dBFS) shows, {quiet} px tall (loud: {loud} px)");
    assert!(loud > quiet + 4, "louder is taller: {loud} px against {quiet} px");
    // On the video clip, light blue over its pictures (whose colours never reach this blue).
    let on_video = |p: [u8; 4]| p[1] > 210 && p[2] > 225 && p[0] > 120 && p[0] < 200;
    let v = median(heights(&shot, video, (10.5, 19.5), on_video));
    assert!(v >= 4, "the video clip's sound shows under its pictures, {v} px tall");

    // The medium the server does not know: hovering its clip says why there is no waveform.
    let gone = clip_rect(&h, "A2");
    let start = Instant::now();
    // Held still (a pointer that moves hides tooltips), past the tooltip delay.
    h.hover_at(gone.center() + Vec2::new(40.0, 0.0));
    loop {
        h.run_steps(2);
        if h.query_by_label_contains("No waveform:").is_some() {
            break;
        }
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "no reason on hover for the clip without sound (tooltip shown: {})",
            h.query_by_label_contains("Media: gone").is_some()
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}
