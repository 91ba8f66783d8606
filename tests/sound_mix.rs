//! The mix as samples, through the player and a recording sink (the way playback hears it):
//! the right tone for each medium, the gain in dB, silence where muted, fades as ramps and
//! ducked ranges. The media are tones made with ffmpeg; the player decodes them with ffmpeg as
//! it does in the editor, and the recorder keeps every sample it is handed.

#[allow(dead_code)]
mod support;

use std::path::PathBuf;
use std::sync::{Arc, OnceLock};
use std::time::{Duration, Instant};
use vodcut::media::decode::Ffmpeg;
use vodcut::model::Time;
use vodcut::model::export::import_timeline_str;
use vodcut::model::project::Project;
use vodcut::sound::mix::RATE;
use vodcut::sound::out::Recorder;
use vodcut::sound::player::{PlayOptions, Player};

/// Tones at full-scale amplitude 0.125 (-18 dBFS): "low" 440 Hz, "high" 1000 Hz, 8 s each.
fn tones() -> &'static (PathBuf, PathBuf) {
    static T: OnceLock<(PathBuf, PathBuf)> = OnceLock::new();
    T.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap().keep();
        let make = |name: &str, hz: u32| {
            let path = dir.join(format!("{name}.wav"));
            support::media_files::sine_tone(&path, hz, 8, &["-c:a", "pcm_s16le"]);
            path
        };
        (make("low", 440), make("high", 1000))
    })
}

/// Plays all of `project` into a recorder (as fast as it mixes) and returns the left channel.
fn play(project: &Project, speed: f64) -> Vec<f32> {
    let (low, high) = tones().clone();
    let locate: vodcut::sound::player::Locate = Arc::new(move |id: &str| match id {
        "low" => Ok(low.display().to_string()),
        "high" => Ok(high.display().to_string()),
        other => Err(format!("no medium {other}")),
    });
    let rec = Recorder::default();
    let opts = PlayOptions { from: Time::ZERO, speed, limit: None, device: None };
    let p = Player::start(Ffmpeg::find(None).ok(), locate, project, &opts, &rec);
    assert!(p.note.is_none(), "{:?}", p.note);
    let start = Instant::now();
    while !p.finished() {
        assert!(start.elapsed() < Duration::from_secs(60), "the mix never ended ({} frames heard)", p.heard());
        std::thread::sleep(Duration::from_millis(5));
    }
    rec.take().chunks_exact(2).map(|f| f[0]).collect()
}

/// The amplitude of a `hz` tone in `s` (Goertzel).
fn tone(s: &[f32], hz: f64) -> f64 {
    let w = 2.0 * std::f64::consts::PI * hz / f64::from(RATE);
    let (mut a, mut b) = (0.0f64, 0.0f64);
    for &x in s {
        let y = f64::from(x) + 2.0 * w.cos() * a - b;
        b = a;
        a = y;
    }
    let power = a * a + b * b - 2.0 * w.cos() * a * b;
    2.0 * power.sqrt() / s.len() as f64
}

/// The window from `a` to `b` seconds.
fn at(s: &[f32], a: f64, b: f64) -> &[f32] {
    let r = f64::from(RATE);
    &s[(a * r) as usize..((b * r) as usize).min(s.len())]
}

fn db(x: f64) -> f64 {
    20.0 * x.log10()
}

fn project(json: &str) -> Project {
    import_timeline_str(json).unwrap()
}

#[test]
fn each_medium_sounds_at_its_gain_and_muted_is_silent() {
    let p = project(
        r#"{"AudioTracks":[
          {"AudioTrackClips":[{"MediaId":"low","In":0,"Out":2,"TimelineIn":0,"Effects":[{"Type":"Volume","Gain":0.5}]}]},
          {"AudioTrackClips":[{"MediaId":"high","In":0,"Out":2,"TimelineIn":2}]},
          {"AudioTrackClips":[{"MediaId":"high","In":0,"Out":2,"TimelineIn":0,"Effects":[{"Type":"Volume","Gain":"0"}]}]}]}"#,
    );
    let s = play(&p, 1.0);
    assert_eq!(s.len(), 4 * RATE as usize, "4 s of sound, every frame");
    let first = at(&s, 0.2, 1.8);
    // 0.125 at -6 dB: -24 dBFS; the muted 1000 Hz clip adds nothing.
    assert!((db(tone(first, 440.0)) + 24.08).abs() < 0.5, "{} dBFS", db(tone(first, 440.0)));
    assert!(tone(first, 1000.0) < 0.001, "the muted clip is silent");
    let second = at(&s, 2.2, 3.8);
    assert!((db(tone(second, 1000.0)) + 18.06).abs() < 0.5, "{} dBFS", db(tone(second, 1000.0)));
    assert!(tone(second, 440.0) < 0.001);

    // A muted track is silent too.
    let mut muted = p.clone();
    muted.tracks[0].hidden = true;
    let s = play(&muted, 1.0);
    assert!(tone(at(&s, 0.2, 1.8), 440.0) < 0.001);
}

#[test]
fn fades_ramp_and_ducking_lowers_the_music_under_the_voice() {
    use vodcut::sound::fades::{Duck, duck_effects, duck_ranges, with_fades};
    let mut p = project(
        r#"{"AudioTracks":[
          {"AudioTrackClips":[{"MediaId":"low","In":0,"Out":6,"TimelineIn":0}]},
          {"AudioTrackClips":[{"MediaId":"high","In":0,"Out":1,"TimelineIn":3}]}]}"#,
    );
    // The music fades in over its first second, in 4 steps.
    let music = &mut p.tracks[0].clips[0];
    *music = with_fades(music, Time::from_secs(6), Time::from_secs(1), Time::ZERO, 4);
    // Ducked 20 dB under the voice (3 s to 4 s), a 0.5 s lead and tail in 2 steps each.
    let d = Duck { depth_db: 20.0, lead: Time::from_millis(500), tail: Time::from_millis(500), steps: 2 };
    let ranges = duck_ranges(&[(Time::from_secs(3), Time::from_secs(4))], &d);
    let place = vodcut::model::project::Placement {
        start: Time::ZERO,
        end: Time::from_secs(6),
        start_known: true,
        length_known: true,
    };
    p.tracks[0].clips[0].effects.extend(duck_effects(place, &ranges, &d));
    let s = play(&p, 1.0);
    let level = |a: f64, b: f64| db(tone(at(&s, a, b), 440.0)) + 18.06;
    // The fade: 1/8, 3/8, 5/8, 7/8 of the level, a quarter second each.
    for (k, g) in [0.125f64, 0.375, 0.625, 0.875].iter().enumerate() {
        let a = k as f64 * 0.25;
        let got = level(a + 0.03, a + 0.22);
        assert!((got - db(*g)).abs() < 0.6, "fade step {k}: {got:.2} dB, want {:.2}", db(*g));
    }
    assert!(level(1.2, 2.4).abs() < 0.5, "full level after the fade");
    // Lead: halfway down in two steps (the staircase's middle gains), then -20 dB under the voice.
    let lead = level(2.55, 2.7);
    assert!(lead < -1.0 && lead > -20.0, "ramping down before the voice: {lead:.2} dB");
    let under = level(3.1, 3.9);
    assert!((under + 20.0).abs() < 0.6, "ducked: {under:.2} dB");
    assert!((db(tone(at(&s, 3.1, 3.9), 1000.0)) + 18.06).abs() < 0.5, "the voice at its own level");
    assert!(level(4.6, 5.9).abs() < 0.5, "back up after the tail");
}

#[test]
fn double_speed_keeps_the_pitch_and_halves_the_time() {
    let p = project(r#"{"AudioTracks":[{"AudioTrackClips":[{"MediaId":"low","In":0,"Out":4,"TimelineIn":0}]}]}"#);
    let s = play(&p, 2.0);
    let n = s.len() as f64 / f64::from(RATE);
    assert!((n - 2.0).abs() < 0.01, "4 s at 2x last 2 s: {n}");
    assert!(db(tone(at(&s, 0.3, 1.7), 440.0)) > -19.0, "still 440 Hz (atempo keeps the pitch)");
    assert!(tone(at(&s, 0.3, 1.7), 880.0) < 0.005, "not an octave up");
}

#[test]
fn a_medium_that_cannot_be_found_is_silence_not_a_stop() {
    let p = project(
        r#"{"AudioTracks":[{"AudioTrackClips":[{"MediaId":"gone","In":0,"Out":1,"TimelineIn":0},
                                               {"MediaId":"low","In":0,"Out":1,"TimelineIn":1}]}]}"#,
    );
    let s = play(&p, 1.0);
    assert!(tone(at(&s, 0.1, 0.9), 440.0) < 0.001);
    assert!(db(tone(at(&s, 1.1, 1.9), 440.0)) > -18.6);
}
