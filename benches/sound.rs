//! The sound's costs (issue 22), each against a reference measured in the same run:
//!
//! - CPU while playing a 4-track mix in real time (a paced recorder stands in for the device):
//!   the process's own CPU (mixer, output, meters) and the ffmpeg decoders', as a share of one
//!   core, against ffmpeg decoding the same four stretches flat out to nothing (the least any
//!   player pays for the decode);
//! - start latency: from "play" to the first samples handed to the output, the way a user
//!   meets it (the playhead placed while paused, half a second's rest, then Space: the
//!   decoders are warm), with no rest before Space (every decoder started by the play, one
//!   ffmpeg for the four clips) and Space two frames after a seek (the decoders started at
//!   the seek), against one bare ffmpeg decode's first chunk of the same file (and, for the
//!   old path, four bare ffmpeg started at once);
//! - the UI frame of the whole editor (timeline, preview, meters) while playing, against the
//!   same editor stopped: none may pass 16 ms;
//! - divan: mixing 1 s of 4 tracks (48 kHz stereo, fades and ducking, the meters' levels)
//!   against a plain sum of the same samples with no gains.
//!
//! Run: `cargo bench --bench sound` (about a minute; figures in docs/performance.md).

#[path = "../tests/support/mod.rs"]
#[allow(dead_code)]
mod support;

use egui::{Event, Key, Modifiers, Pos2, RawInput, Rect, Vec2};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;
use std::time::{Duration, Instant};
use support::media_server::TestMedia;
use support::vod_server::{KEY_ID, KEY_SECRET, VodServer};
use vodcut::api::Credentials;
use vodcut::edit::document::Document;
use vodcut::media::decode::Ffmpeg;
use vodcut::model::Time;
use vodcut::model::export::import_timeline_str;
use vodcut::model::project::{Placement, Project};
use vodcut::sound::decode::{Next, PcmStream};
use vodcut::sound::fades::{Duck, duck_effects, duck_ranges, with_fades};
use vodcut::sound::mix::{self, CHANNELS, Levels, RATE, Span};
use vodcut::sound::out::Recorder;
use vodcut::sound::player::{Locate, PlayOptions, Player};
use vodcut::sound::session::{Session, Sources};
use vodcut::store::settings::{CredentialChoice, Settings};

/// `cargo test --all-targets` builds this without optimisations and runs it once: then only a
/// short smoke run of each measurement. `SOUND_BENCH_FULL=1` measures fully in any build.
fn smoke() -> bool {
    cfg!(debug_assertions) && std::env::var_os("SOUND_BENCH_FULL").is_none()
}

fn n(full: usize) -> usize {
    if smoke() { 2 } else { full }
}

fn main() {
    let dir = tempfile::tempdir().unwrap();
    let media = tones(dir.path());
    cpu_while_playing(&media);
    start_latency(&media);
    ui_frames();
    divan::main();
}

/// Four 12 s AAC tones (as VOD's renditions carry sound), one per track.
fn tones(dir: &Path) -> Vec<PathBuf> {
    [220, 440, 660, 1000]
        .iter()
        .map(|hz| {
            let path = dir.join(format!("{hz}.m4a"));
            support::media_files::sine_tone(&path, *hz, 12, &["-ac", "2", "-c:a", "aac", "-b:a", "128k"]);
            path
        })
        .collect()
}

/// Four audio tracks of `secs` seconds: fades in and out on each (8 steps), and the music (the
/// first track) ducked 12 dB under the voice clips of the second.
fn four_tracks(secs: i64) -> Project {
    let clip = |k: usize| format!(r#"{{"AudioTrackClips":[{{"MediaId":"m{k}","In":0,"Out":{secs},"TimelineIn":0}}]}}"#);
    let json = format!(r#"{{"AudioTracks":[{}]}}"#, (0..4).map(clip).collect::<Vec<_>>().join(","));
    let mut p = import_timeline_str(&json).unwrap();
    let length = Time::from_secs(secs);
    for t in &mut p.tracks {
        let c = &mut t.clips[0];
        *c = with_fades(c, length, Time::from_millis(500), Time::from_millis(500), 8);
    }
    let d = Duck { depth_db: 12.0, lead: Time::from_millis(200), tail: Time::from_millis(300), steps: 4 };
    // A voice line in every other second: the music's gain steps down and up again each time.
    let voices: Vec<(Time, Time)> =
        (0..secs).step_by(2).map(|s| (Time::from_millis(s * 1000 + 300), Time::from_millis(s * 1000 + 900))).collect();
    let place = Placement { start: Time::ZERO, end: length, start_known: true, length_known: true };
    let effects = duck_effects(place, &duck_ranges(&voices, &d), &d);
    p.tracks[0].clips[0].effects.extend(effects);
    p
}

fn locate(media: &[PathBuf]) -> Locate {
    let media = media.to_vec();
    Arc::new(move |id: &str| {
        let k: usize = id.trim_start_matches('m').parse().map_err(|_| format!("no medium {id}"))?;
        media.get(k).map(|p| p.display().to_string()).ok_or_else(|| format!("no medium {id}"))
    })
}

/// CPU seconds (user + system) of this process and of its waited-for children.
fn cpu() -> (f64, f64) {
    let of = |who| {
        // SAFETY: getrusage(2) writes only into `u`, a zeroed rusage we own.
        let mut u: libc::rusage = unsafe { std::mem::zeroed() };
        unsafe { libc::getrusage(who, &mut u) };
        let secs = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
        secs(u.ru_utime) + secs(u.ru_stime)
    };
    (of(libc::RUSAGE_SELF), of(libc::RUSAGE_CHILDREN))
}

fn cpu_while_playing(media: &[PathBuf]) {
    let secs = if smoke() { 1 } else { 10 };
    let ffmpeg = Ffmpeg::find(None).expect("ffmpeg (scripts/install-deps.sh installs it)");
    // The reference: the same four stretches decoded as the player asks (stereo f32 at 48 kHz),
    // flat out, into nothing.
    let (self0, kids0) = cpu();
    for m in media {
        let mut a = vodcut::sound::decode::args(&m.display().to_string(), 0.0, secs as f64, 1.0);
        a.pop();
        a.extend(["-y".into(), "/dev/null".into()]);
        assert!(Command::new(ffmpeg.path()).args(&a).status().unwrap().success());
    }
    let (self1, kids1) = cpu();
    let decode_only = (kids1 - kids0) + (self1 - self0);

    let p = four_tracks(secs);
    let rec = Recorder { paced: true, ..Default::default() };
    let opts = PlayOptions { from: Time::ZERO, speed: 1.0, limit: None, device: None };
    let start = Instant::now();
    let player = Player::start(Some(ffmpeg.clone()), locate(media), &p, &opts, &rec);
    while !player.finished() {
        assert!(start.elapsed() < Duration::from_secs(secs as u64 * 4 + 10), "the mix never ended");
        std::thread::sleep(Duration::from_millis(20));
    }
    let wall = start.elapsed().as_secs_f64();
    // Dropping the player stops its threads; its decoders have ended and been waited for.
    drop(player);
    std::thread::sleep(Duration::from_millis(100));
    let (self2, kids2) = cpu();
    let (own, decoders) = (self2 - self1, kids2 - kids1);
    let heard = rec.take().len() / CHANNELS;
    assert_eq!(heard, secs as usize * RATE as usize, "every frame of the mix reached the output");
    println!(
        "CPU playing 4 tracks for {secs} s in real time ({wall:.2} s wall): vodcut's threads {:.1}% of one core, \
         ffmpeg decoders {:.1}%, together {:.1}%; reference, the same decodes flat out: {:.2} CPU s \
         (playing costs {:.2}x that)",
        own / wall * 100.0,
        decoders / wall * 100.0,
        (own + decoders) / wall * 100.0,
        decode_only,
        (own + decoders) / decode_only.max(1e-9),
    );
}

fn percentile(v: &mut [Duration], p: f64) -> Duration {
    v.sort();
    v[((v.len() - 1) as f64 * p).round() as usize]
}

/// How long the bench's user leaves the playhead before pressing Space (the warming starts
/// after [`vodcut::sound::session::REST`] of it); `SOUND_BENCH_REST_MS` sets another.
fn user_rest() -> Duration {
    let ms = std::env::var("SOUND_BENCH_REST_MS").ok().and_then(|v| v.parse().ok()).unwrap_or(500);
    Duration::from_millis(ms)
}

/// Frames of a paused editor at `from` (one each 16 ms, each telling the session where the
/// playhead rests) for [`user_rest`], as the editor does before Space. Returns when the
/// four decoders had their first sound waiting, if they had by then.
fn rest(session: &mut Session, src: &Sources, p: &Arc<Project>, from: Time) -> Option<Duration> {
    let t0 = Instant::now();
    let mut warm = None;
    while t0.elapsed() < user_rest() {
        session.rest(0, from, false, || src.clone(), || Project::clone(p));
        std::thread::sleep(Duration::from_millis(16));
        if warm.is_none() && session.warm().primed() == 4 {
            warm = Some(t0.elapsed());
        }
    }
    warm
}

/// From `play` to the first samples at the output of `rec`.
fn first_sound(session: &mut Session, rec: &Recorder, src: &Sources, p: &Arc<Project>, from: Time) -> Duration {
    let t0 = Instant::now();
    session.play(src.clone(), p.clone(), 0, PlayOptions { from, speed: 1.0, limit: None, device: None });
    while rec.samples.lock().unwrap().is_empty() {
        assert!(t0.elapsed() < Duration::from_secs(10), "no sound within 10 s");
        std::thread::sleep(Duration::from_micros(200));
    }
    t0.elapsed()
}

/// A seek (the playhead put at `from` in one move after resting elsewhere), then Space after
/// `frames` paused frames of 16 ms: the decoders start at the seek, not after a rest.
fn seek_then_play(session: &mut Session, rec: &Recorder, src: &Sources, p: &Arc<Project>, from: Time) -> Duration {
    let elsewhere = from + Time::from_secs(1);
    session.rest(0, elsewhere, false, || src.clone(), || Project::clone(p));
    std::thread::sleep(vodcut::sound::session::REST);
    // Rested there long enough for the next move to be a seek; nothing warmed there yet
    // (that needs another frame), so nothing of it is killed.
    for _ in 0..2 {
        session.rest(0, from, false, || src.clone(), || Project::clone(p));
        std::thread::sleep(Duration::from_millis(16));
    }
    first_sound(session, rec, src, p, from)
}

/// The old path's cost: four ffmpeg started at once, one per clip, until each has its first
/// chunk.
fn four_bare(ffmpeg: &Ffmpeg, media: &[PathBuf], from: Time) -> Duration {
    let t0 = Instant::now();
    let streams: Vec<PcmStream> = media
        .iter()
        .map(|m| PcmStream::start(ffmpeg, &m.display().to_string(), from.as_secs_f64(), 1.0, 1.0).unwrap())
        .collect();
    for s in &streams {
        assert!(matches!(s.next(Duration::from_secs(10)), Next::Chunk(_)), "no chunk");
    }
    t0.elapsed()
}

fn start_latency(media: &[PathBuf]) {
    let ffmpeg = Ffmpeg::find(None).unwrap();
    let src = Sources { ffmpeg: Some(ffmpeg.clone()), locate: locate(media) };
    let p = Arc::new(four_tracks(10));
    let (mut warm, mut cold, mut seek, mut bare, mut four) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let (mut taken, mut started, mut processes) = (0, 0, 0);
    let mut warmed = Vec::new();
    for i in 0..n(20) {
        // From a different place each time, as a user presses Space wherever the playhead is.
        let from = Time::from_millis(i as i64 * 370 % 8000);
        // The user's path: the playhead placed (paused), a moment's rest, then Space.
        let rec = Recorder { paced: true, ..Default::default() };
        let mut session = Session::new(Arc::new(rec.clone()));
        warmed.extend(rest(&mut session, &src, &p, from));
        warm.push(first_sound(&mut session, &rec, &src, &p, from));
        let (w, c) = session.decoders().unwrap_or_default();
        (taken, started) = (taken + w, started + c);
        session.stop();
        drop(session);

        // Space with no rest before it (the session never saw the playhead there): the play
        // starts every decoder, one ffmpeg for the four clips.
        let rec = Recorder { paced: true, ..Default::default() };
        let mut session = Session::new(Arc::new(rec.clone()));
        cold.push(first_sound(&mut session, &rec, &src, &p, from));
        processes += session.processes().unwrap_or_default();
        session.stop();
        drop(session);

        // A seek, then Space two frames later.
        let rec = Recorder { paced: true, ..Default::default() };
        let mut session = Session::new(Arc::new(rec.clone()));
        seek.push(seek_then_play(&mut session, &rec, &src, &p, from));
        session.stop();
        drop(session);

        let t0 = Instant::now();
        let s = PcmStream::start(&ffmpeg, &media[1].display().to_string(), from.as_secs_f64(), 1.0, 1.0).unwrap();
        while !matches!(s.next(Duration::from_secs(10)), Next::Chunk(_)) {
            assert!(t0.elapsed() < Duration::from_secs(10), "no chunk");
        }
        bare.push(t0.elapsed());
        drop(s);
        four.push(four_bare(&ffmpeg, media, from));
    }
    let (bm, bp95) = (percentile(&mut bare, 0.5), percentile(&mut bare, 0.95));
    for (label, v) in [
        (format!("after a {} ms rest (warm decoders)", user_rest().as_millis()), &mut warm),
        ("with no rest (the play starts the decoders: one ffmpeg for the 4 clips)".to_owned(), &mut cold),
        ("after a seek, Space 2 frames (33 ms) later".to_owned(), &mut seek),
    ] {
        let (m, p95) = (percentile(v, 0.5), percentile(v, 0.95));
        println!(
            "start latency {label}, play -> first samples at the output (4 tracks): median {m:.1?}, p95 {p95:.1?}, \
             max {:.1?}; reference, one bare ffmpeg decode's first chunk (100 ms): median {bm:.1?}, p95 {bp95:.1?} \
             (ratio of medians {:.2}); {} starts",
            *v.iter().max().unwrap(),
            m.as_secs_f64() / bm.as_secs_f64(),
            v.len()
        );
    }
    let (fm, fp95) = (percentile(&mut four, 0.5), percentile(&mut four, 0.95));
    println!(
        "reference 2, the old no-rest path's cost: four bare ffmpeg started at once, until each has its first \
         chunk: median {fm:.1?}, p95 {fp95:.1?} (ratio to one bare ffmpeg's first chunk {:.2})",
        fm.as_secs_f64() / bm.as_secs_f64()
    );
    let ready = if warmed.is_empty() {
        "never".to_owned()
    } else {
        let k = warmed.len();
        format!("after a median {:.0?} of the rest in {k} of {}", percentile(&mut warmed, 0.5), warm.len())
    };
    println!(
        "decoders of the plays after a rest: {taken} taken warm, {started} started by the play; \
         all four with their first sound waiting (checked each 16 ms) {ready}; \
         ffmpeg processes started by the {} plays with no rest: {processes}",
        cold.len()
    );
}

fn input(size: Vec2, t: f64, events: Vec<Event>) -> RawInput {
    RawInput { screen_rect: Some(Rect::from_min_size(Pos2::ZERO, size)), time: Some(t), events, ..Default::default() }
}

fn key(k: Key) -> Vec<Event> {
    [true, false]
        .map(|pressed| Event::Key { key: k, physical_key: None, pressed, repeat: false, modifiers: Modifiers::NONE })
        .to_vec()
}

/// The whole editor (timeline, preview, meters) frame by frame at 60 Hz, stopped and then while
/// playing 4 tracks (two video clips with sound, two audio clips) into a paced recorder.
fn ui_frames() {
    let server = VodServer::start();
    server.add_test_video("vid", "Colour seconds");
    let settings = Settings { credentials: CredentialChoice::Session, endpoint: server.url(), ..Default::default() };
    let cache = tempfile::tempdir().unwrap();
    let mut env = vodcut::core::Env::isolated(cache.path());
    env.data_dir = None;
    let mut cloud = vodcut::core::cloud::Cloud::new(env, settings);
    cloud.session = Some(Credentials::session(KEY_ID, KEY_SECRET));
    let clip = r#"{"MediaId":"vid","In":10,"Out":18,"TimelineIn":0}"#;
    let mut p = import_timeline_str(&format!(
        r#"{{"VideoTracks":[{{"VideoTrackClips":[{clip}]}},{{"VideoTrackClips":[{clip}]}}],
            "AudioTracks":[{{"AudioTrackClips":[{clip}]}},{{"AudioTrackClips":[{clip}]}}]}}"#
    ))
    .unwrap();
    p.produce_config.width = Some(1280);
    p.produce_config.height = Some(720);
    p.zoom = 40.0;
    let mut e = vodcut::ui::Editor::with_cloud(
        Arc::new(vodcut::ui::files::NativePicker::default()),
        Document::new(p, None, false),
        cloud,
    );
    e.preview.cache_dir = Some(cache.path().to_owned());
    let rec = Recorder { paced: true, ..Default::default() };
    e.sound = Session::new(Arc::new(rec.clone()));
    let ctx = egui::Context::default();
    let size = Vec2::new(1280.0, 800.0);
    let start = Instant::now();
    let step = |e: &mut vodcut::ui::Editor, events: Vec<Event>| {
        let t0 = Instant::now();
        let out = ctx.run_ui(input(size, start.elapsed().as_secs_f64(), events), |ui| e.ui(ui));
        out.drop_without_applying_deltas();
        let took = t0.elapsed();
        std::thread::sleep(Duration::from_millis(16));
        took
    };
    // Warm up: the footage service, the waveforms and the first picture.
    while e.preview.footage().is_none() || start.elapsed() < Duration::from_secs(2) {
        assert!(start.elapsed() < Duration::from_secs(30), "no footage service");
        step(&mut e, Vec::new());
    }
    let frames = n(300);
    let mut stopped: Vec<Duration> = (0..frames).map(|_| step(&mut e, Vec::new())).collect();
    let mut playing = vec![step(&mut e, key(Key::Space))];
    let t0 = Instant::now();
    while rec.samples.lock().unwrap().is_empty() {
        assert!(t0.elapsed() < Duration::from_secs(20), "no sound while playing");
        playing.push(step(&mut e, Vec::new()));
    }
    // Counted from the first sound on (the frames while the decoders start are in it too).
    while playing.len() < frames {
        playing.push(step(&mut e, Vec::new()));
    }
    let heard = rec.take().len() / CHANNELS;
    assert!(e.sound.meter().is_some(), "the meters are up while playing");
    step(&mut e, key(Key::K));
    for (label, v) in [("stopped", &mut stopped), ("playing 4 tracks", &mut playing)] {
        let (m, p99, max) = (percentile(v, 0.5), percentile(v, 0.99), *v.iter().max().unwrap());
        println!(
            "UI frame {label} ({} frames, whole editor with meters, 1280x800): median {m:.2?}, p99 {p99:.2?}, \
             max {max:.2?}, {} over 16 ms",
            v.len(),
            v.iter().filter(|d| d.as_millis() > 16).count()
        );
    }
    println!(
        "while playing: {:.2} s of sound reached the output; frame ratio playing/stopped (medians) {:.2}",
        heard as f64 / f64::from(RATE),
        percentile(&mut playing, 0.5).as_secs_f64() / percentile(&mut stopped, 0.5).as_secs_f64()
    );
}

/// One second of the 4-track mix's parts and their decoded samples (distinct tones).
fn one_second() -> (Vec<mix::Part>, Vec<Vec<f32>>) {
    let p = four_tracks(4);
    let placements = vodcut::model::project::placements(&p, &Default::default());
    // From 1 s: inside the fades' far side, with ducked ranges starting and ending.
    let parts = mix::parts(&p, &placements, Span { from: Time::from_secs(1), to: Time::from_secs(2) });
    assert_eq!(parts.len(), 4);
    let samples = (0..4)
        .map(|k| {
            let w = 2.0 * std::f32::consts::PI * (220.0 * (k + 1) as f32) / RATE as f32;
            (0..RATE as usize).flat_map(|i| [0.1 * (w * i as f32).sin(); CHANNELS]).collect()
        })
        .collect();
    (parts, samples)
}

/// Frames per block, as the player mixes them (20 ms).
const BLOCK: usize = (RATE / 50) as usize;

#[divan::bench(sample_count = 50)]
fn mix_1s_of_4_tracks_with_fades_and_ducking(b: divan::Bencher) {
    let (parts, samples) = one_second();
    let mut block = vec![0f32; BLOCK * CHANNELS];
    b.bench_local(|| {
        let mut levels = Levels::default();
        for k in 0..(RATE as usize / BLOCK) {
            let at = (k * BLOCK) as u64;
            block.fill(0.0);
            for (part, s) in parts.iter().zip(&samples) {
                let s = &s[k * BLOCK * CHANNELS..(k + 1) * BLOCK * CHANNELS];
                mix::add_part(&mut block, at, part, s, at, 1.0);
            }
            // The output side measures every block it hands on, for the meters.
            levels = Levels::of(&block);
        }
        levels
    });
}

/// The reference: the same samples summed block by block with no gains at all.
#[divan::bench(sample_count = 50)]
fn reference_plain_sum_of_the_same_samples(b: divan::Bencher) {
    let (_, samples) = one_second();
    let mut block = vec![0f32; BLOCK * CHANNELS];
    b.bench_local(|| {
        for k in 0..(RATE as usize / BLOCK) {
            block.fill(0.0);
            for s in &samples {
                let s = &s[k * BLOCK * CHANNELS..(k + 1) * BLOCK * CHANNELS];
                for (o, x) in block.iter_mut().zip(s) {
                    *o += *x;
                }
            }
        }
        divan::black_box(block[0])
    });
}
