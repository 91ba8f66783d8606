//! The editor's sound as a user meets it: Space plays the mix (recorded here instead of a
//! device) and the playhead follows what is heard; the meters show the level; the inspector's
//! Sound section mutes a clip in one undo step; "Duck music under voice" shows its ranges and
//! lowers the music in one undo step.

mod support;

use egui::{Key, Modifiers, Vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::sync::Arc;
use std::time::{Duration, Instant};
use support::media_server::TestMedia;
use support::ui::{FakePicker, harness};
use support::vod_server::VodServer;
use vodcut::edit::document::Document;
use vodcut::edit::ops::ClipRef;
use vodcut::model::Time;
use vodcut::model::export::import_timeline_str;
use vodcut::sound::mix::RATE;
use vodcut::sound::out::Recorder;
use vodcut::ui::Editor;

const TIMELINE: &str = r#"{"VideoTracks":[{"VideoTrackClips":[{"MediaId":"vid","In":10,"Out":18,"TimelineIn":0}]}],
  "AudioTracks":[{"AudioTrackClips":[{"MediaId":"vid","In":10,"Out":18,"TimelineIn":0}]},
                 {"AudioTrackClips":[{"MediaId":"vid","In":10,"Out":12,"TimelineIn":2}]}]}"#;

fn editor() -> (VodServer, tempfile::TempDir, Harness<'static, Editor>, Recorder) {
    let server = VodServer::start();
    server.add_test_video("vid", "Colour seconds");
    let cloud = support::ui::footage_cloud(server.url(), "");
    let mut p = import_timeline_str(TIMELINE).unwrap();
    p.produce_config.width = Some(320);
    p.produce_config.height = Some(180);
    p.zoom = 40.0;
    let cache = tempfile::tempdir().unwrap();
    let mut e = Editor::with_cloud(Arc::new(FakePicker::default()), Document::new(p, None, false), cloud);
    e.preview.cache_dir = Some(cache.path().to_owned());
    let mut h = harness(e, Vec2::new(1280.0, 800.0));
    // A recorder that plays in real time, like a device.
    let rec = Recorder { paced: true, ..Default::default() };
    h.state_mut().sound = vodcut::sound::session::Session::new(Arc::new(rec.clone()));
    (server, cache, h, rec)
}

#[test]
fn space_plays_the_mix_and_the_playhead_follows_the_sound() {
    let (_s, _c, mut h, rec) = editor();
    // The preview's footage service is made in the background on the first frames.
    let start = Instant::now();
    while h.state().preview.footage().is_none() {
        assert!(start.elapsed() < Duration::from_secs(20), "no footage service");
        std::thread::sleep(Duration::from_millis(10));
        h.step();
    }
    h.key_press(Key::Space);
    h.step();
    let start = Instant::now();
    while rec.take().len() < RATE as usize * 2 {
        assert!(start.elapsed() < Duration::from_secs(20), "no sound reached the output");
        std::thread::sleep(Duration::from_millis(20));
        h.step();
    }
    // Half a second more, then compare the playhead with what was heard.
    let t0 = Instant::now();
    while t0.elapsed() < Duration::from_millis(500) {
        std::thread::sleep(Duration::from_millis(20));
        h.step();
    }
    let heard = rec.take().len() as f64 / 2.0 / f64::from(RATE);
    let playhead = h.state().doc.project().playhead.as_secs_f64();
    // The recorder's count runs a block (10 ms) ahead of the frame, and the playhead snaps to
    // 25 fps frames: within two frames.
    assert!((playhead - heard).abs() < 0.09, "playhead {playhead:.3} s, sound heard {heard:.3} s");
    // The loud stretch of the test tone (In 10 s on, -20 dBFS) on two tracks: about -14 dBFS.
    let s = rec.take();
    let peak = s.iter().fold(0f32, |m, x| m.max(x.abs()));
    assert!(peak > 0.15 && peak < 0.3, "the mix of two clips of the tone: peak {peak}");
    assert!(h.query_by_label_contains("Sound meters: peak").is_some(), "the meters show levels while playing");
    h.key_press(Key::K);
    h.step();
    assert_eq!(h.state().play_speed, 0.0);
    assert!(h.query_by_label_contains("Sound meters (not playing)").is_some());
}

#[test]
fn a_key_that_moves_the_playhead_starts_the_decoders_in_the_same_frame() {
    let (_s, _c, mut h, _rec) = editor();
    let start = Instant::now();
    while h.state().preview.footage().is_none() || start.elapsed() < Duration::from_millis(400) {
        assert!(start.elapsed() < Duration::from_secs(20), "no footage service");
        std::thread::sleep(Duration::from_millis(16));
        h.step();
    }
    // Down: to the next edit point (2 s, where A2's clip starts), then ONE frame; no more
    // frames while waiting, so a decoder there was asked for in that frame, not after a rest.
    h.key_press(Key::ArrowDown);
    h.step();
    assert_eq!(h.state().doc.project().playhead, Time::from_secs(2));
    let start = Instant::now();
    let at_two = |h: &Harness<'static, Editor>| {
        h.state().sound.warm().ready().iter().filter(|k| k.source_in == Time::from_secs(12)).count()
    };
    while at_two(&h) < 2 {
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "no decoder warmed at the new place: {:?}",
            h.state().sound.warm().ready()
        );
        std::thread::sleep(Duration::from_millis(10));
    }
    // The video's sound, A1 (12 s into the medium) and A2 (from its In, 10 s).
    let keys = h.state().sound.warm().ready();
    assert_eq!(keys.len(), 3, "{keys:?}");
}

#[test]
fn the_inspector_mutes_a_clip_in_one_undo_step() {
    let (_s, _c, mut h, _rec) = editor();
    h.state_mut().doc.selection = vec![ClipRef { track: 1, index: 0 }];
    h.run_steps(2);
    assert!(h.query_by_label("Level").is_some(), "the Sound section shows the level in dB");
    h.get_by_label("Mute clip").click();
    h.run_steps(2);
    let clip = &h.state().doc.project().tracks[1].clips[0];
    assert!(vodcut::sound::levels::is_muted(clip), "{:?}", clip.effects);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run_steps(2);
    assert!(h.state().doc.project().tracks[1].clips[0].effects.is_empty(), "one undo step");
}

#[test]
fn ducking_shows_its_ranges_and_lowers_the_music_in_one_undo_step() {
    let (_s, _c, mut h, _rec) = editor();
    let form = vodcut::ui::sound::DuckForm { voice: 2, music: 1, depth_db: 20.0, lead: 0.5, tail: 0.5 };
    h.state_mut().duck = Some(form);
    h.run_steps(2);
    assert!(h.query_by_label_contains("1 range lowers the music").is_some());
    assert!(
        h.query_by_label_contains("0:00:02:00 – 0:00:04:00").is_some() || h.query_by_label_contains(" – ").is_some()
    );
    h.get_by_label("Duck").click();
    h.run_steps(2);
    let music = h.state().doc.project().tracks[1].clips[0].clone();
    let place = vodcut::model::project::Placement {
        start: Time::ZERO,
        end: Time::from_secs(8),
        start_known: true,
        length_known: true,
    };
    let g = vodcut::sound::mix::clip_gains(&music, place);
    let at = |s: f64| vodcut::sound::mix::gain_at(&g, Time::from_secs_f64(s).unwrap());
    assert!((at(3.0) - 0.1).abs() < 1e-3, "-20 dB under the voice: {}", at(3.0));
    assert_eq!((at(1.0), at(5.0)), (1.0, 1.0));
    assert!(h.state().duck.is_none(), "the dialog closes");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run_steps(2);
    assert!(h.state().doc.project().tracks[1].clips[0].effects.is_empty(), "one undo step");
}

#[test]
fn space_after_the_playhead_rests_plays_from_decoders_started_ahead() {
    let (_s, _c, mut h, rec) = editor();
    let wait_warm = |h: &mut Harness<'static, Editor>, at: Time| {
        // V1's sound and A1 from `at` (both In 10 s at 0 s); A2 starts at 2 s, too far ahead.
        let want = Time::from_secs(10) + at;
        let start = Instant::now();
        loop {
            let ready = h.state().sound.warm().ready();
            if ready.len() == 2 && ready.iter().all(|k| k.source_in == want) {
                return;
            }
            assert!(start.elapsed() < Duration::from_secs(20), "not warm at {at}: {ready:?}");
            std::thread::sleep(Duration::from_millis(20));
            h.step();
        }
    };
    wait_warm(&mut h, Time::ZERO);
    h.key_press(Key::Space);
    h.step();
    let start = Instant::now();
    while rec.take().len() < RATE as usize / 5 {
        assert!(start.elapsed() < Duration::from_secs(20), "no sound reached the output");
        std::thread::sleep(Duration::from_millis(20));
        h.step();
    }
    let (warm, _) = h.state_mut().sound.decoders().expect("playing");
    assert_eq!(warm, 2, "the play took both warm decoders");
    assert!(h.state().sound.warm().ready().is_empty(), "none kept warm while playing");
    h.key_press(Key::K);
    h.step();
    // Paused elsewhere now: a rest there warms that place.
    let at = h.state().doc.project().playhead;
    assert!(at > Time::ZERO);
    wait_warm(&mut h, at);
}

/// Warming copies the project on the editor's thread after each edit: a project over
/// WARM_MAX_CLIPS is not warmed (Space starts its decoders as before) and the decoders warm
/// before it grew past the limit are killed; a small one is warmed.
#[test]
fn a_project_too_big_to_copy_after_every_edit_is_not_warmed() {
    let (_s, _c, mut h, _rec) = editor();
    let mut p = h.state().doc.project().clone();
    let filler = p.tracks[2].clips[0].clone();
    let extra = vodcut::sound::session::WARM_MAX_CLIPS;
    p.tracks[2].clips.extend((0..extra).map(|i| vodcut::model::wire::Clip {
        timeline_in: Some(Time::from_secs(100 + i as i64 * 2)),
        timeline_out: None,
        ..filler.clone()
    }));
    // Warm with the small project first: growing past the limit kills those decoders.
    let start = Instant::now();
    while h.state().sound.warm().ready().is_empty() {
        assert!(start.elapsed() < Duration::from_secs(20), "the small project was not warmed");
        std::thread::sleep(Duration::from_millis(20));
        h.step();
    }
    h.state_mut().doc = Document::new(p, None, false);
    let start = Instant::now();
    while !h.state().sound.warm().ready().is_empty() {
        assert!(start.elapsed() < Duration::from_secs(10), "warm decoders kept past the limit");
        std::thread::sleep(Duration::from_millis(20));
        h.step();
    }
    let before = h.state().sound.warm().generation();
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(2) {
        std::thread::sleep(Duration::from_millis(20));
        h.step();
    }
    assert!(h.state().preview.footage().is_some(), "the footage service was there to warm with");
    assert_eq!(h.state().sound.warm().generation(), before, "nothing was warmed");
    // The same editor with the small project warms within the same time.
    let small = import_timeline_str(TIMELINE).unwrap();
    h.state_mut().doc = Document::new(small, None, false);
    let start = Instant::now();
    while h.state().sound.warm().generation() == before {
        assert!(start.elapsed() < Duration::from_secs(20), "the small project was not warmed");
        std::thread::sleep(Duration::from_millis(20));
        h.step();
    }
}
