//! Sound soon after Space (issue 22: within 150 ms). The clips heard at once share one ffmpeg
//! (each still gets its own samples, from the exact frame, and ends when it does). While
//! paused, the decoders a play from the playhead needs are started ahead: at once after a
//! seek, after a rest while dragging; Space takes them instead of starting its own; moving
//! the playhead kills them, and none is left running after a play or when the editor goes.
//! Each test runs ffmpeg through a link of its own, so its decoders can be counted among the
//! machine's processes (argv[0] is the link).

#[allow(dead_code)]
mod support;

use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};
use vodcut::media::decode::Ffmpeg;
use vodcut::model::Time;
use vodcut::model::export::import_timeline_str;
use vodcut::model::project::Project;
use vodcut::sound::decode::{Next, PcmStream, Stretch};
use vodcut::sound::mix::RATE;
use vodcut::sound::out::Recorder;
use vodcut::sound::player::{Locate, PlayOptions, Player};
use vodcut::sound::session::{REST, Session, Sources};
use vodcut::sound::warm::Warm;

struct Setup {
    dir: tempfile::TempDir,
    ffmpeg: PathBuf,
}

impl Setup {
    /// A folder with ffmpeg linked in under a name of its own and the tones `a.wav` (440 Hz)
    /// and `b.wav` (660 Hz), 6 s each.
    fn new() -> Setup {
        let dir = tempfile::tempdir().unwrap();
        let real = which("ffmpeg");
        let ffmpeg = dir.path().join("ffmpeg-warm-test");
        std::os::unix::fs::symlink(real, &ffmpeg).unwrap();
        for (name, hz) in [("a", 440), ("b", 660)] {
            support::media_files::sine_tone(&dir.path().join(format!("{name}.wav")), hz, 6, &["-c:a", "pcm_s16le"]);
        }
        Setup { dir, ffmpeg }
    }

    fn path(&self, id: &str) -> PathBuf {
        self.dir.path().join(format!("{id}.wav"))
    }

    fn sources(&self) -> Sources {
        let dir = self.dir.path().to_owned();
        let locate: Locate = Arc::new(move |id: &str| Ok(dir.join(format!("{id}.wav")).display().to_string()));
        Sources { ffmpeg: Some(Ffmpeg::find(Some(&self.ffmpeg)).unwrap()), locate }
    }

    /// The decoders running now: processes whose program is this test's ffmpeg link.
    fn running(&self) -> usize {
        let me = self.ffmpeg.as_os_str().as_encoded_bytes();
        std::fs::read_dir("/proc")
            .unwrap()
            .filter_map(Result::ok)
            .filter_map(|e| std::fs::read(e.path().join("cmdline")).ok())
            .filter(|c| c.split(|b| *b == 0).next() == Some(me))
            .count()
    }

    /// Waits until `n` decoders run (at most `secs`).
    fn wait_running(&self, n: usize, secs: u64) {
        let start = Instant::now();
        while self.running() != n {
            assert!(start.elapsed() < Duration::from_secs(secs), "{} decoders run, want {n}", self.running());
            std::thread::sleep(Duration::from_millis(10));
        }
    }
}

fn which(name: &str) -> PathBuf {
    std::env::var_os("PATH")
        .and_then(|p| std::env::split_paths(&p).map(|d| d.join(name)).find(|p| p.is_file()))
        .expect("ffmpeg on PATH (scripts/install-deps.sh installs it)")
}

/// Two audio tracks, `a` and `b`, from 0 to 6 s.
fn project() -> Project {
    import_timeline_str(
        r#"{"AudioTracks":[{"AudioTrackClips":[{"MediaId":"a","In":0,"Out":6,"TimelineIn":0}]},
                          {"AudioTrackClips":[{"MediaId":"b","In":0,"Out":6,"TimelineIn":0}]}]}"#,
    )
    .unwrap()
}

/// Frames of a paused editor (every 10 ms) at `at` until `n` decoders are warm there.
fn rest_until_warm(s: &mut Session, setup: &Setup, p: &Arc<Project>, revision: u64, at: Time, n: usize) {
    let start = Instant::now();
    loop {
        s.rest(revision, at, false, || setup.sources(), || Project::clone(p));
        let ready = s.warm().ready();
        if ready.len() == n && ready.iter().all(|k| k.source_in == at) {
            return;
        }
        assert!(start.elapsed() < Duration::from_secs(20), "warm at {at}: {ready:?}");
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// The amplitude of a `hz` tone in the left channel of `s` (Goertzel).
fn tone(s: &[f32], hz: f64) -> f64 {
    let w = 2.0 * std::f64::consts::PI * hz / f64::from(RATE);
    let (mut a, mut b) = (0.0f64, 0.0f64);
    let n = s.len() / 2;
    for f in s.chunks_exact(2) {
        let y = f64::from(f[0]) + 2.0 * w.cos() * a - b;
        b = a;
        a = y;
    }
    (a * a + b * b - 2.0 * w.cos() * a * b).sqrt() * 2.0 / n as f64
}

/// Waits until the warming thread has done what it was asked.
fn settle(s: &Session) {
    let start = Instant::now();
    while !s.warm().settled() {
        assert!(start.elapsed() < Duration::from_secs(20), "the warming thread never settled");
        std::thread::sleep(Duration::from_millis(5));
    }
}

fn play_from(s: &mut Session, setup: &Setup, p: &Arc<Project>, revision: u64, at: Time) {
    s.play(setup.sources(), p.clone(), revision, PlayOptions { from: at, speed: 1.0, limit: None, device: None });
}

fn wait_heard(rec: &Recorder, secs: f64) -> Vec<f32> {
    let start = Instant::now();
    loop {
        let got = rec.take();
        if got.len() as f64 / 2.0 >= secs * f64::from(RATE) {
            return got;
        }
        assert!(start.elapsed() < Duration::from_secs(20), "{} frames heard", got.len() / 2);
        std::thread::sleep(Duration::from_millis(10));
    }
}

#[test]
fn space_after_a_rest_plays_from_the_warm_decoders() {
    let setup = Setup::new();
    let rec = Recorder::default();
    let mut s = Session::new(Arc::new(rec.clone()));
    let p = Arc::new(project());
    let at = Time::from_secs(1);
    // The first paused frame asks for another one after the rest, and starts nothing yet.
    assert_eq!(s.rest(1, at, false, || setup.sources(), || Project::clone(&p)), Some(REST));
    std::thread::sleep(REST / 2);
    s.rest(1, at, false, || setup.sources(), || Project::clone(&p));
    assert_eq!((s.warm().started(), setup.running()), (0, 0), "nothing starts before the rest is over");
    rest_until_warm(&mut s, &setup, &p, 1, at, 2);
    setup.wait_running(1, 10); // one ffmpeg for both clips: they start together
    // Their first sound waits to be taken (so each has opened its file).
    let start = Instant::now();
    while s.warm().primed() < 2 {
        assert!(start.elapsed() < Duration::from_secs(20), "no first sound from the warm decoders");
        std::thread::sleep(Duration::from_millis(10));
    }

    // The files change under their names: decoders started now would play the new ones
    // (1000 Hz); the warm ones opened the old files (440 and 660 Hz) and play those.
    for id in ["a", "b"] {
        let new = setup.dir.path().join(format!("{id}-new.wav"));
        support::media_files::sine_tone(&new, 1000, 6, &["-c:a", "pcm_s16le"]);
        std::fs::rename(&new, setup.path(id)).unwrap();
    }
    play_from(&mut s, &setup, &p, 1, at);
    let heard = wait_heard(&rec, 1.0);
    let first = &heard[..RATE as usize]; // the first 0.5 s (interleaved stereo)
    let (a, b, new) = (tone(first, 440.0), tone(first, 660.0), tone(first, 1000.0));
    assert!(
        a > 0.05 && b > 0.05 && new < 0.005,
        "both warm tones from the first samples, not the new files: {a} {b} {new}"
    );
    assert_eq!(s.decoders(), Some((2, 0)), "both taken warm, none started by the play");
    assert_eq!(s.warm().started(), 2);
    assert!(s.warm().ready().is_empty(), "the play took them");
    s.stop();
    setup.wait_running(0, 10);
}

#[test]
fn moving_the_playhead_kills_them_and_a_rest_warms_the_new_place() {
    let setup = Setup::new();
    let mut s = Session::new(Arc::new(Recorder::default()));
    let p = Arc::new(project());
    rest_until_warm(&mut s, &setup, &p, 1, Time::from_secs(1), 2);
    setup.wait_running(1, 10);

    // Dragging: a new place every 20 ms for 0.6 s kills them and starts none.
    let started = s.warm().started();
    let start = Instant::now();
    let mut ms = 1000;
    while start.elapsed() < Duration::from_millis(600) {
        ms += 40;
        s.rest(1, Time::from_millis(ms), true, || setup.sources(), || Project::clone(&p));
        std::thread::sleep(Duration::from_millis(20));
    }
    assert_eq!(s.warm().started(), started, "no decoder starts while the playhead moves");
    setup.wait_running(0, 10);
    assert!(s.warm().ready().is_empty());

    // Resting at the new place warms it.
    let here = Time::from_millis(ms);
    rest_until_warm(&mut s, &setup, &p, 1, here, 2);
    setup.wait_running(1, 10);
    assert_eq!(s.warm().started(), started + 2);

    // An edit elsewhere (a new revision, the same clips here) keeps them ...
    s.rest(2, here, false, || setup.sources(), || Project::clone(&p));
    std::thread::sleep(REST + Duration::from_millis(20));
    s.rest(2, here, false, || setup.sources(), || Project::clone(&p));
    settle(&s);
    assert_eq!(s.warm().started(), started + 2, "nothing started again");
    assert_eq!(s.warm().ready().len(), 2);
    // ... one that changes a clip there replaces its decoder only.
    let mut edited = project();
    edited.tracks[1].clips[0].r#in = Some(Time::from_millis(500));
    let edited = Arc::new(edited);
    let start = Instant::now();
    while s.warm().started() < started + 3 || s.warm().ready().len() != 2 {
        assert!(start.elapsed() < Duration::from_secs(20), "not warmed again: {:?}", s.warm().ready());
        s.rest(3, here, false, || setup.sources(), || Project::clone(&edited));
        std::thread::sleep(Duration::from_millis(10));
    }
    let ready = s.warm().ready();
    let b = ready.iter().find(|k| k.media_id == "b").unwrap();
    assert_eq!(b.source_in, here + Time::from_millis(500), "the edited clip's new stretch");
    setup.wait_running(2, 10); // the first (still decoding "a") and the new "b"
    assert_eq!(s.warm().started(), started + 3);
}

#[test]
fn no_decoder_is_left_running_after_a_play_or_when_the_editor_goes() {
    let setup = Setup::new();
    let rec = Recorder { paced: true, ..Default::default() };
    let mut s = Session::new(Arc::new(rec.clone()));
    let p = Arc::new(project());
    rest_until_warm(&mut s, &setup, &p, 1, Time::ZERO, 2);
    setup.wait_running(1, 10);
    // A play from elsewhere: the warm ones are of no use and are killed; its own end with it.
    play_from(&mut s, &setup, &p, 1, Time::from_secs(3));
    wait_heard(&rec, 0.3);
    assert_eq!(s.decoders(), Some((0, 2)));
    assert_eq!(s.processes(), Some(1), "one ffmpeg for both clips");
    assert!(s.warm().ready().is_empty());
    s.stop();
    setup.wait_running(0, 10);

    // Warm again, then the editor goes (its session is dropped).
    rest_until_warm(&mut s, &setup, &p, 1, Time::from_secs(2), 2);
    setup.wait_running(1, 10);
    drop(s);
    assert_eq!(setup.running(), 0, "killed when the session goes, not later");

    // Closing while decoders are being started: those are killed as they come.
    let mut s = Session::new(Arc::new(Recorder::default()));
    let start = Instant::now();
    while s.warm().started() == 0 {
        assert!(start.elapsed() < Duration::from_secs(20), "never warmed");
        s.rest(1, Time::from_secs(1), false, || setup.sources(), || Project::clone(&p));
        std::thread::sleep(Duration::from_millis(1));
    }
    drop(s);
    setup.wait_running(0, 10);
    std::thread::sleep(Duration::from_millis(300));
    assert_eq!(setup.running(), 0, "none started after the session went");
}

#[test]
fn decoders_of_urls_are_started_again_after_a_while_and_files_are_not() {
    let setup = Setup::new();
    let (ttl, dir) = (Duration::from_millis(400), setup.dir.path().to_owned());
    let mut s = Session::with_warm(Arc::new(Recorder::default()), Warm::with_remote_ttl(ttl));
    // "a" is read over http (from a port nobody listens on: ffmpeg ends at once, which is
    // all this needs), "b" from its file.
    let locate: Locate = Arc::new(move |id: &str| match id {
        "a" => Ok("http://127.0.0.1:9/a.wav".to_owned()),
        _ => Ok(dir.join(format!("{id}.wav")).display().to_string()),
    });
    let src = Sources { ffmpeg: Some(Ffmpeg::find(Some(&setup.ffmpeg)).unwrap()), locate };
    let p = Arc::new(project());
    let start = Instant::now();
    while s.warm().ready().len() < 2 {
        assert!(start.elapsed() < Duration::from_secs(20));
        s.rest(1, Time::ZERO, false, || src.clone(), || Project::clone(&p));
        std::thread::sleep(Duration::from_millis(10));
    }
    assert_eq!(s.warm().started(), 2);
    std::thread::sleep(ttl * 3 + Duration::from_millis(200));
    let started = s.warm().started();
    // Started again about every 400 ms: the URL's decoder only.
    assert!((4..=7).contains(&started), "{started} starts in 1.4 s (each refresh of both would make 8)");
    assert_eq!(s.warm().ready().len(), 2);
    drop(s);
    setup.wait_running(0, 10);
}

/// A 48 kHz stereo WAV of `secs` seconds whose frame n says n: the left sample is
/// `base + n / 32768`, the right `n % 32768` (as 16-bit integers).
fn index_wav(path: &std::path::Path, secs: u32, base: i16) {
    let frames = secs * RATE;
    let data = frames * 4;
    let mut b = Vec::with_capacity(44 + data as usize);
    b.extend_from_slice(b"RIFF");
    b.extend_from_slice(&(36 + data).to_le_bytes());
    b.extend_from_slice(b"WAVEfmt ");
    b.extend_from_slice(&16u32.to_le_bytes());
    b.extend_from_slice(&1u16.to_le_bytes()); // PCM
    b.extend_from_slice(&2u16.to_le_bytes());
    b.extend_from_slice(&RATE.to_le_bytes());
    b.extend_from_slice(&(RATE * 4).to_le_bytes());
    b.extend_from_slice(&4u16.to_le_bytes());
    b.extend_from_slice(&16u16.to_le_bytes());
    b.extend_from_slice(b"data");
    b.extend_from_slice(&data.to_le_bytes());
    for n in 0..frames {
        b.extend_from_slice(&(base + (n >> 15) as i16).to_le_bytes());
        b.extend_from_slice(&((n & 0x7fff) as i16).to_le_bytes());
    }
    std::fs::write(path, b).unwrap();
}

/// The frame of an [`index_wav`] file that decoded frame `f` (left, right) is.
fn index_of(f: &[f32], base: i16) -> i64 {
    let s = |x: f32| (f64::from(x) * 32768.0).round() as i64;
    ((s(f[0]) - i64::from(base)) << 15) + s(f[1])
}

/// Everything `s` gives, to its end.
fn read_all(s: &PcmStream) -> Vec<f32> {
    let mut out = Vec::new();
    loop {
        match s.next(Duration::from_secs(20)) {
            Next::Chunk(c) => out.extend(c),
            Next::End => return out,
            Next::NotYet => panic!("no sound for 20 s"),
        }
    }
}

#[test]
fn one_ffmpeg_gives_each_clip_its_own_samples_from_the_exact_frame() {
    let setup = Setup::new();
    let ff = Ffmpeg::find(Some(&setup.ffmpeg)).unwrap();
    let file = |k: usize| setup.dir.path().join(format!("i{k}.wav"));
    for k in 0..4 {
        index_wav(&file(k), 6, k as i16 * 8);
    }
    // Mid-clip starts; the second ends first (0.75 s), the fourth is dropped after a chunk.
    let wanted = [(1.2345, 2.0), (0.5125, 0.75), (3.0625, 1.5), (2.0, 2.0)];
    let stretches: Vec<Stretch> = wanted
        .iter()
        .enumerate()
        .map(|(k, &(from, length))| {
            let frames = (length * f64::from(RATE)).round() as u64;
            Stretch { input: file(k).display().to_string(), from, length, frames }
        })
        .collect();
    let (streams, processes) = PcmStream::start_group(&ff, &stretches, 1.0).unwrap();
    assert_eq!((streams.len(), processes), (4, 1));
    assert_eq!(setup.running(), 1, "one ffmpeg for the four");
    // Read in step, as the mixer reads them; the fourth goes after its first chunk: the
    // others go on (ffmpeg keeps decoding it into nothing).
    let mut streams: Vec<Option<PcmStream>> = streams.into_iter().map(Some).collect();
    let mut got = vec![Vec::new(); 4];
    let mut ended = [false, false, false, true];
    assert!(matches!(streams[3].as_ref().unwrap().next(Duration::from_secs(20)), Next::Chunk(_)));
    streams[3] = None;
    while ended.iter().any(|e| !e) {
        for k in 0..3 {
            if ended[k] {
                continue;
            }
            match streams[k].as_ref().unwrap().next(Duration::from_secs(20)) {
                Next::Chunk(c) => got[k].extend(c),
                Next::End => ended[k] = true,
                Next::NotYet => panic!("stream {k} stalled"),
            }
        }
    }
    for (k, &(from, length)) in wanted.iter().enumerate().take(3) {
        let frames: Vec<&[f32]> = got[k].chunks_exact(2).collect();
        assert_eq!(frames.len() as f64, (length * f64::from(RATE)).round(), "stream {k} ends with its clip");
        let first = (from * f64::from(RATE)).round() as i64;
        for (i, f) in frames.iter().enumerate() {
            assert_eq!(index_of(f, k as i16 * 8), first + i as i64, "stream {k}, frame {i}");
        }
        // The very samples a decoder of its own gives.
        let alone = PcmStream::start(&ff, &stretches[k].input, from, length, 1.0).unwrap();
        assert!(read_all(&alone) == got[k], "stream {k} differs from its own decode");
    }
    drop(streams);
    setup.wait_running(0, 10);
}

#[test]
fn a_play_starts_one_ffmpeg_for_the_clips_heard_at_once_and_each_at_its_frame() {
    let setup = Setup::new();
    for k in 0..3 {
        index_wav(&setup.dir.path().join(format!("i{k}.wav")), 6, k as i16 * 8);
    }
    // Played from 0.5 s: i0 entered 1.5 s into its medium, i1 2.25 s in and ending 1.25 s
    // later (before the others), i2 from its start, and i0 again from 1 s (0.5 s into the
    // play: opened ahead, by an ffmpeg of its own).
    let p = import_timeline_str(
        r#"{"AudioTracks":[{"AudioTrackClips":[{"MediaId":"i0","In":1,"Out":5,"TimelineIn":0}]},
                          {"AudioTrackClips":[{"MediaId":"i1","In":2,"Out":3.5,"TimelineIn":0.25}]},
                          {"AudioTrackClips":[{"MediaId":"i2","In":0,"Out":3,"TimelineIn":0.5}]},
                          {"AudioTrackClips":[{"MediaId":"i0","In":0,"Out":1,"TimelineIn":1}]}]}"#,
    )
    .unwrap();
    let dir = setup.dir.path().to_owned();
    let locate: Locate = Arc::new(move |id: &str| Ok(dir.join(format!("{id}.wav")).display().to_string()));
    let ff = Ffmpeg::find(Some(&setup.ffmpeg)).unwrap();
    let rec = Recorder::default();
    let opts = PlayOptions { from: Time::from_millis(500), speed: 1.0, limit: None, device: None };
    let player = Player::start(Some(ff.clone()), locate, &p, &opts, &rec);
    let start = Instant::now();
    while !player.finished() {
        assert!(start.elapsed() < Duration::from_secs(30), "the play never ended");
        std::thread::sleep(Duration::from_millis(5));
    }
    assert_eq!(player.processes(), 2, "one ffmpeg for the three heard at once, one for the later clip");
    assert_eq!(player.decoders(), (0, 4));
    let heard = rec.take();
    assert_eq!(heard.len() / 2, (3.5 * f64::from(RATE)) as usize);

    // What the old path gave: each stretch decoded alone, added in at its frame.
    let mut want = vec![0f32; heard.len()];
    for (media, from, length, at) in
        [("i0", 1.5, 3.5, 0.0), ("i1", 2.25, 1.25, 0.0), ("i2", 0.0, 3.0, 0.0), ("i0", 0.0, 1.0, 0.5)]
    {
        let path = setup.dir.path().join(format!("{media}.wav")).display().to_string();
        let alone = read_all(&PcmStream::start(&ff, &path, from, length, 1.0).unwrap());
        assert_eq!(alone.len() as f64 / 2.0, (length * f64::from(RATE)).round());
        let at = (at * f64::from(RATE)) as usize * 2;
        for (w, x) in want[at..].iter_mut().zip(&alone) {
            *w += x;
        }
    }
    let off = heard.iter().zip(&want).position(|(h, w)| (h - w).abs() > 1e-6);
    assert_eq!(off, None, "the mix differs from the stretches decoded alone at sample {off:?}");
    // i1's last frame is at 1.25 s; after it, only i0 and i2 (whose left samples are i0's
    // base 0 plus i2's base 16, in steps of 1/32768).
    let f = (1.25 * f64::from(RATE)) as usize;
    let i1_base = 8.0 / 32768.0;
    assert!(heard[(f - 1) * 2] >= i1_base && heard[f * 2] < i1_base + 16.0 / 32768.0, "i1 ends at 1.25 s");
    drop(player);
    setup.wait_running(0, 10);
}

#[test]
fn a_seek_warms_at_once_and_a_drag_or_a_held_key_waits_for_the_rest() {
    let setup = Setup::new();
    let mut s = Session::new(Arc::new(Recorder::default()));
    let p = Arc::new(project());
    // Found once: finding ffmpeg runs it, which would make the frames slow.
    let src = setup.sources();
    let rest = |s: &mut Session, ms: i64, held: bool| {
        s.rest(1, Time::from_millis(ms), held, || src.clone(), || Project::clone(&p))
    };
    // Opened at 1 s: warmed after the rest.
    assert_eq!(rest(&mut s, 1000, false), Some(REST));
    std::thread::sleep(REST);
    assert_eq!(rest(&mut s, 1000, false), None);
    settle(&s);
    assert_eq!(s.warm().started(), 2);

    // A seek (Home, Go to timecode, a click let go): warmed in the same frame, no rest.
    assert_eq!(rest(&mut s, 2000, false), None, "nothing to wait for");
    settle(&s);
    assert_eq!(s.warm().started(), 4);
    assert!(s.warm().ready().iter().all(|k| k.source_in == Time::from_secs(2)));
    std::thread::sleep(REST);

    // A press on the ruler moves it but may become a drag: nothing until it is let go ...
    assert_eq!(rest(&mut s, 3000, true), Some(REST));
    for k in 1..10 {
        std::thread::sleep(Duration::from_millis(20));
        assert!(rest(&mut s, 3000 + k * 40, true).is_some(), "dragging: no decoder");
    }
    assert_eq!(s.warm().started(), 4);
    // ... and let go where it was dragged to: warmed at once.
    assert_eq!(rest(&mut s, 3360, false), None);
    settle(&s);
    assert_eq!(s.warm().started(), 6);
    assert!(s.warm().ready().iter().all(|k| k.source_in == Time::from_millis(3360)));
    std::thread::sleep(REST);

    // A key held down (a new place every 30 ms): the first step is a seek, the others wait.
    for k in 1..15 {
        rest(&mut s, 3360 + k * 40, false);
        std::thread::sleep(Duration::from_millis(30));
    }
    settle(&s);
    assert!(s.warm().started() <= 8, "{} decoders started for a held key", s.warm().started());
    // Once it rests, its last place is warmed.
    let last = 3360 + 14 * 40;
    let start = Instant::now();
    while !s.warm().ready().iter().any(|k| k.source_in == Time::from_millis(last)) {
        assert!(start.elapsed() < Duration::from_secs(20), "the last place never warmed");
        rest(&mut s, last, false);
        std::thread::sleep(Duration::from_millis(10));
    }
    std::thread::sleep(REST);

    // Space at once after a seek: the play waits for the decoders being started there
    // rather than starting the same ones beside them.
    assert_eq!(rest(&mut s, 1500, false), None);
    play_from(&mut s, &setup, &p, 1, Time::from_millis(1500));
    let start = Instant::now();
    // The player counts its decoders as its thread takes or starts them: wait for both (on a
    // loaded machine the player is there well before they are counted).
    while s.decoders().is_none_or(|(warm, cold)| warm + cold < 2) {
        assert!(start.elapsed() < Duration::from_secs(20), "the player never came: {:?}", s.decoders());
        std::thread::sleep(Duration::from_millis(5));
    }
    assert_eq!(s.decoders(), Some((2, 0)), "both taken from the warming, none started by the play");
    setup.wait_running(1, 10);
    s.stop();
    drop(s);
    setup.wait_running(0, 10);
}

#[test]
fn a_clip_ffmpeg_cannot_read_does_not_silence_those_sharing_its_ffmpeg() {
    let setup = Setup::new();
    index_wav(&setup.dir.path().join("i0.wav"), 3, 0);
    // "gone" names a file that is not there: the shared ffmpeg fails for both clips.
    let p = import_timeline_str(
        r#"{"AudioTracks":[{"AudioTrackClips":[{"MediaId":"i0","In":0.5,"Out":2.5,"TimelineIn":0}]},
                          {"AudioTrackClips":[{"MediaId":"gone","In":0,"Out":2,"TimelineIn":0}]}]}"#,
    )
    .unwrap();
    let dir = setup.dir.path().to_owned();
    let locate: Locate = Arc::new(move |id: &str| Ok(dir.join(format!("{id}.wav")).display().to_string()));
    let ff = Ffmpeg::find(Some(&setup.ffmpeg)).unwrap();
    let rec = Recorder::default();
    let opts = PlayOptions { from: Time::ZERO, speed: 1.0, limit: None, device: None };
    let player = Player::start(Some(ff.clone()), locate, &p, &opts, &rec);
    let start = Instant::now();
    while !player.finished() {
        assert!(start.elapsed() < Duration::from_secs(30), "the play never ended");
        std::thread::sleep(Duration::from_millis(5));
    }
    // Each clip then had a decoder of its own (the retry): i0 is heard whole, from its frame.
    assert_eq!(player.processes(), 3, "the shared one, then one each");
    let heard = rec.take();
    let path = setup.dir.path().join("i0.wav").display().to_string();
    let alone = read_all(&PcmStream::start(&ff, &path, 0.5, 2.0, 1.0).unwrap());
    assert_eq!(heard.len(), alone.len());
    assert!(heard == alone, "i0 as decoded alone, the missing clip silent");
    drop(player);
    setup.wait_running(0, 10);
}
