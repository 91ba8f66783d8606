//! Hearing the mix: one continuous decode per audible clip (the next ones opened a second
//! before they start; those heard from the same moment share one ffmpeg, so a play starts one
//! process, not one per track), mixed block by block on a thread of its own with the gains of
//! [`super::mix`], handed to the output through a short queue. Nothing here runs on the UI
//! thread, and nothing here waits on the output device.
//!
//! The clock: the frames of mix the listener has heard ([`super::out::Stream::heard`]), so the
//! playhead (and with it the picture) follows the sound, not the other way round. Before the
//! first block is heard the clock stands at the start: picture and sound start together.
//! Speed: each decoder gives its clip already at the playback speed with ffmpeg's `atempo`,
//! which keeps the pitch. Backwards play is silent.

use super::decode::{Next, PcmStream, Stretch};
use super::mix::{self, CHANNELS, Levels, Part, RATE, Span};
use super::out::{Fill, Output, Stream};
use super::warm::Warm;
use crate::edit::snap::TrackIndex;
use crate::media::decode::Ffmpeg;
use crate::model::{Project, Time};
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, SyncSender, TryRecvError, sync_channel};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Frames in one mixed block (20 ms).
const BLOCK: usize = (RATE / 50) as usize;
/// Blocks queued between the mixer and the output (60 ms).
const QUEUED: usize = 3;
/// Decoders are opened this long (of output time) before their clip starts.
const PREFETCH: f64 = 1.0;
/// The longest wait for a decoder's first sound at the start; later, for a late chunk.
const FIRST_WAIT: Duration = Duration::from_secs(3);
const LATE_WAIT: Duration = Duration::from_millis(150);

/// A play URL (or file) for a MediaId; asked off the UI thread.
pub type Locate = Arc<dyn Fn(&str) -> Result<String, String> + Send + Sync>;

/// What to play.
#[derive(Clone, Debug, PartialEq)]
pub struct PlayOptions {
    pub from: Time,
    /// Timeline seconds per second (more than 0).
    pub speed: f64,
    /// Stop after this much timeline time (a scrubbing snippet); None: to the end.
    pub limit: Option<Time>,
    /// The output device; None or empty: the default.
    pub device: Option<String>,
}

/// What a play from `opts.from` mixes: its audible parts, the speed and its length in output
/// frames. One definition for the player and for the decoders warmed ahead of it.
pub struct Plan {
    pub parts: Vec<Part>,
    pub speed: f64,
    pub total: u64,
}

impl Plan {
    pub fn of(project: &Project, opts: &PlayOptions) -> Plan {
        let placements: Vec<_> = (0..project.tracks.len()).map(|t| TrackIndex::build(project, t).placements).collect();
        let end = placements.iter().flat_map(|p| p.iter().map(|x| x.end)).max().unwrap_or(Time::ZERO);
        let speed = opts.speed.max(0.01);
        let to = opts.limit.map_or(end, |l| (opts.from + l).min(end));
        let span = Span { from: opts.from, to: to.max(opts.from) };
        let parts: Vec<Part> = mix::parts(project, &placements, span).into_iter().filter(|p| !p.is_silent()).collect();
        let total = (mix::frames(span.to - span.from) as f64 / speed).round() as u64;
        Plan { parts, speed, total }
    }
}

#[derive(Default)]
struct Shared {
    /// Decoders taken warm ([`super::warm`]) and decoders started here.
    warm_used: AtomicUsize,
    cold_starts: AtomicUsize,
    /// ffmpeg processes started here (several decoders may share one).
    processes: AtomicUsize,
    levels: Mutex<Levels>,
    /// Frames of mix handed to the output.
    handed: AtomicU64,
    mixed_all: AtomicBool,
    /// Parts whose sound could not be had, and why (for the note).
    problems: Mutex<Vec<String>>,
}

pub struct Player {
    from: Time,
    speed: f64,
    stream: Option<Box<dyn Stream>>,
    shared: Arc<Shared>,
    stop: Arc<AtomicBool>,
    total: u64,
    /// Why nothing is heard (no sound device), when that is so.
    pub note: Option<String>,
}

impl Player {
    /// Starts playing `project` (its clip places from `indexes`' placements) into `out`;
    /// with no device there, into [`super::out::Silent`], and `note` says why.
    pub fn start(
        ffmpeg: Option<Ffmpeg>,
        locate: Locate,
        project: &Project,
        opts: &PlayOptions,
        out: &dyn Output,
    ) -> Player {
        Player::start_warm(ffmpeg, locate, project, opts, out, None)
    }

    /// [`Player::start`], taking from `warm` the decoders it pre-started for these parts
    /// (same medium, same stretch, same speed); the others start as usual.
    pub fn start_warm(
        ffmpeg: Option<Ffmpeg>,
        locate: Locate,
        project: &Project,
        opts: &PlayOptions,
        out: &dyn Output,
        warm: Option<&Warm>,
    ) -> Player {
        let Plan { parts, speed, total } = Plan::of(project, opts);
        let warm = match warm {
            Some(w) => w.take(&parts, speed, opts.from),
            None => Vec::new(),
        };
        if !warm.is_empty() {
            let n = warm.iter().filter(|s| s.is_some()).count();
            log::info!("sound: {n} of {} decoders started ahead (warm)", parts.len());
        }
        let shared = Arc::new(Shared::default());
        let stop = Arc::new(AtomicBool::new(false));
        let (tx, rx) = sync_channel::<Vec<f32>>(QUEUED);
        let (sh, st) = (shared.clone(), stop.clone());
        let mixer = Mixer { ffmpeg, locate, parts, warm, speed, total, live: Vec::new(), shared: sh, stop: st };
        let spawned = std::thread::Builder::new().name("vodcut-sound-mix".into()).spawn(move || mixer.run(tx));
        let fill = feeder(rx, shared.clone());
        let device = opts.device.as_deref().filter(|d| !d.is_empty());
        let (stream, note) = match spawned.map_err(|e| e.to_string()).and_then(|_| out.open(device, fill)) {
            Ok(s) => (Some(s), None),
            Err(why) => {
                log::info!("no sound: {why}");
                // Play on without sound, at the wall clock's pace.
                let (tx2, rx2) = sync_channel::<Vec<f32>>(QUEUED);
                drop(tx2);
                let silent = super::out::Silent.open(None, silent_feed(rx2, total, shared.clone())).ok();
                (silent, Some(crate::t!("sound-silent-note", reason = why)))
            }
        };
        Player { from: opts.from, speed, stream, shared, stop, total, note }
    }

    /// Frames of the mix heard so far.
    pub fn heard(&self) -> u64 {
        self.stream.as_ref().map_or(0, |s| s.heard())
    }

    /// Where the sound is on the timeline now: the playback clock.
    pub fn position(&self) -> Time {
        let secs = self.heard() as f64 / f64::from(RATE) * self.speed;
        self.from + Time::from_secs_f64(secs).unwrap_or(Time::ZERO)
    }

    /// All of it has been heard.
    pub fn finished(&self) -> bool {
        self.heard() >= self.total
    }

    /// The levels of the sound handed to the output last.
    pub fn levels(&self) -> Levels {
        self.shared.levels.lock().map(|l| *l).unwrap_or_default()
    }

    /// Decoders this play took warm, and decoders it had to start itself (retries included).
    pub fn decoders(&self) -> (usize, usize) {
        (self.shared.warm_used.load(Ordering::Relaxed), self.shared.cold_starts.load(Ordering::Relaxed))
    }

    /// ffmpeg processes this play started (decoders heard from the same moment share one).
    pub fn processes(&self) -> usize {
        self.shared.processes.load(Ordering::Relaxed)
    }

    /// Why parts of the mix could not be heard.
    pub fn problems(&self) -> Vec<String> {
        self.shared.problems.lock().map(|p| p.clone()).unwrap_or_default()
    }
}

impl Drop for Player {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
    }
}

/// The output's side: takes mixed blocks without waiting (an empty queue is a late mix: the
/// rest of the buffer stays silent and is not counted as heard).
fn feeder(rx: Receiver<Vec<f32>>, shared: Arc<Shared>) -> Fill {
    let mut pending: Vec<f32> = Vec::new();
    let mut at = 0usize;
    Box::new(move |buf: &mut [f32]| {
        let want = buf.len() / CHANNELS;
        let mut n = 0;
        while n < want {
            if at >= pending.len() {
                match rx.try_recv() {
                    Ok(b) => {
                        pending = b;
                        at = 0;
                    }
                    Err(TryRecvError::Empty | TryRecvError::Disconnected) => break,
                }
            }
            let take = ((pending.len() - at) / CHANNELS).min(want - n);
            buf[n * CHANNELS..(n + take) * CHANNELS].copy_from_slice(&pending[at..at + take * CHANNELS]);
            at += take * CHANNELS;
            n += take;
        }
        if n > 0 {
            if let Ok(mut l) = shared.levels.lock() {
                *l = Levels::of(&buf[..n * CHANNELS]);
            }
            shared.handed.fetch_add(n as u64, Ordering::Relaxed);
        }
        n
    })
}

/// With no device: the clock runs through the whole span at the wall clock's pace.
fn silent_feed(_rx: Receiver<Vec<f32>>, total: u64, shared: Arc<Shared>) -> Fill {
    let mut given = 0u64;
    Box::new(move |buf: &mut [f32]| {
        let n = ((buf.len() / CHANNELS) as u64).min(total.saturating_sub(given)) as usize;
        given += n as u64;
        shared.handed.fetch_add(n as u64, Ordering::Relaxed);
        n
    })
}

/// A part being heard: its decoder and the samples it gave that are not mixed yet.
struct Live {
    index: usize,
    stream: Option<PcmStream>,
    buf: Vec<f32>,
    /// The part's frame (output frames from its start) of `buf[0]`.
    first: u64,
    ended: bool,
    retried: bool,
    heard_any: bool,
}

struct Mixer {
    ffmpeg: Option<Ffmpeg>,
    locate: Locate,
    parts: Vec<Part>,
    /// Pre-started decoders, by part (empty: none), each for the part from its start.
    warm: Vec<Option<PcmStream>>,
    speed: f64,
    total: u64,
    live: Vec<Live>,
    shared: Arc<Shared>,
    stop: Arc<AtomicBool>,
}

impl Mixer {
    /// Output frames from the span's start where part `i` starts and ends.
    fn bounds(&self, i: usize) -> (u64, u64) {
        let p = &self.parts[i];
        let a = mix::out_frames(p.at, self.speed);
        (a, a + mix::out_frames(p.length, self.speed))
    }

    /// What part `i` decodes from its frame `from_frame` on (None: its medium cannot be
    /// had; the problem is kept for the note).
    fn stretch(&self, i: usize, from_frame: u64) -> Option<Stretch> {
        let p = &self.parts[i];
        let skip = from_frame as f64 / f64::from(RATE) * self.speed;
        let (a, b) = self.bounds(i);
        let (from, length) = (p.source_in.as_secs_f64() + skip, p.length.as_secs_f64() - skip);
        match (self.locate)(&p.media_id) {
            Ok(input) => Some(Stretch { input, from, length, frames: (b - a).saturating_sub(from_frame) }),
            Err(e) => {
                if let Ok(mut pr) = self.shared.problems.lock() {
                    pr.push(e);
                }
                None
            }
        }
    }

    /// A decoder of its own for part `i` from its frame `from_frame` (a retry).
    fn open(&mut self, i: usize, from_frame: u64) -> Option<PcmStream> {
        let ff = self.ffmpeg.clone()?;
        let s = self.stretch(i, from_frame)?;
        self.shared.cold_starts.fetch_add(1, Ordering::Relaxed);
        self.shared.processes.fetch_add(1, Ordering::Relaxed);
        PcmStream::start(&ff, &s.input, s.from, s.length, self.speed).ok()
    }

    /// Decoders for the parts `due` (each with its frame to start from) when the mix is at
    /// `out_frame`: warm ones where there are, and one ffmpeg for all those that are heard
    /// from the same output frame (they are mixed in step, as a shared decoder needs): at the
    /// start of a play, every part sounding there.
    fn open_due(&mut self, due: &[(usize, u64)], out_frame: u64) -> Vec<Option<PcmStream>> {
        let mut out: Vec<Option<PcmStream>> = due
            .iter()
            .map(|&(i, from)| {
                let s = if from == 0 { self.warm.get_mut(i).and_then(Option::take) } else { None };
                if s.is_some() {
                    self.shared.warm_used.fetch_add(1, Ordering::Relaxed);
                }
                s
            })
            .collect();
        let mut together: std::collections::BTreeMap<u64, Vec<usize>> = Default::default();
        for (k, &(i, _)) in due.iter().enumerate().filter(|(k, _)| out[*k].is_none()) {
            together.entry(self.bounds(i).0.max(out_frame)).or_default().push(k);
        }
        let Some(ff) = self.ffmpeg.clone() else { return out };
        for ks in together.into_values() {
            let (ks, stretches): (Vec<usize>, Vec<Stretch>) =
                ks.into_iter().filter_map(|k| Some((k, self.stretch(due[k].0, due[k].1)?))).unzip();
            if stretches.is_empty() {
                continue;
            }
            self.shared.cold_starts.fetch_add(stretches.len(), Ordering::Relaxed);
            match PcmStream::start_group(&ff, &stretches, self.speed) {
                Ok((streams, processes)) => {
                    self.shared.processes.fetch_add(processes, Ordering::Relaxed);
                    for (k, s) in ks.into_iter().zip(streams) {
                        out[k] = Some(s);
                    }
                }
                Err(e) => log::warn!("sound: ffmpeg did not start: {e}"),
            }
        }
        out
    }

    fn run(mut self, tx: SyncSender<Vec<f32>>) {
        let mut out_frame = 0u64;
        let mut opened = vec![false; self.parts.len()];
        while out_frame < self.total && !self.stop.load(Ordering::Relaxed) {
            let prefetch = out_frame + (PREFETCH * f64::from(RATE)) as u64;
            let mut due = Vec::new();
            for (i, opened) in opened.iter_mut().enumerate() {
                let (a, b) = self.bounds(i);
                if !*opened && a <= prefetch && b > out_frame {
                    *opened = true;
                    due.push((i, out_frame.saturating_sub(a)));
                }
            }
            let streams = self.open_due(&due, out_frame);
            for ((index, first), stream) in due.into_iter().zip(streams) {
                let ended = stream.is_none();
                let live = Live { index, stream, buf: Vec::new(), first, ended, retried: false, heard_any: false };
                self.live.push(live);
            }
            let n = BLOCK.min((self.total - out_frame) as usize);
            let mut block = vec![0f32; n * CHANNELS];
            // The first block waits for every first clip's sound (the clock waits with it);
            // later a late clip is silent for a block rather than holding the whole mix.
            let wait = if out_frame == 0 { FIRST_WAIT } else { LATE_WAIT };
            for k in 0..self.live.len() {
                self.mix_one(k, out_frame, &mut block, wait);
            }
            let ends: Vec<u64> = self.live.iter().map(|l| self.bounds(l.index).1).collect();
            let mut ends = ends.into_iter();
            self.live.retain(|_| ends.next().is_some_and(|b| b > out_frame + n as u64));
            if tx.send(block).is_err() {
                return;
            }
            out_frame += n as u64;
        }
        self.shared.mixed_all.store(true, Ordering::Relaxed);
    }

    /// Adds live part `k`'s sound for the block at `out_frame` into `block`.
    fn mix_one(&mut self, k: usize, out_frame: u64, block: &mut [f32], wait: Duration) {
        let i = self.live[k].index;
        let (a, b) = self.bounds(i);
        let n = (block.len() / CHANNELS) as u64;
        let (lo, hi) = (out_frame.max(a), (out_frame + n).min(b));
        if lo >= hi {
            return;
        }
        let (need_from, need_to) = (lo - a, hi - a);
        let deadline = Instant::now() + wait;
        loop {
            let l = &mut self.live[k];
            let have_to = l.first + (l.buf.len() / CHANNELS) as u64;
            if have_to >= need_to || l.ended {
                break;
            }
            let left = deadline.saturating_duration_since(Instant::now());
            let next = match &l.stream {
                Some(s) => s.next(left),
                None => Next::End,
            };
            match next {
                Next::Chunk(c) => {
                    l.heard_any = true;
                    l.buf.extend_from_slice(&c);
                }
                Next::NotYet => {
                    log::debug!("sound: {} late at output frame {out_frame}", self.parts[i].media_id);
                    break;
                }
                Next::End => {
                    // Ended early: an expired URL or a hiccup; one new decode from here.
                    let short = have_to < need_to && have_to + (RATE as u64) / 10 < b - a;
                    if short && !l.retried && self.ffmpeg.is_some() {
                        let from = need_from.max(have_to);
                        let retried = self.open(i, from);
                        let l = &mut self.live[k];
                        l.retried = true;
                        l.buf.clear();
                        l.first = from;
                        l.stream = retried;
                        l.ended = l.stream.is_none();
                    } else {
                        l.ended = true;
                    }
                }
            }
        }
        let part = &self.parts[i];
        let l = &mut self.live[k];
        // Samples for frames already past (a late decoder) are dropped, keeping it in step.
        if l.first < need_from {
            let drop = ((need_from - l.first) as usize * CHANNELS).min(l.buf.len());
            l.buf.drain(..drop);
            l.first += (drop / CHANNELS) as u64;
        }
        let avail = (l.buf.len() / CHANNELS) as u64;
        let start = l.first.max(need_from);
        let end = (l.first + avail).min(need_to);
        if end > start {
            let s = ((start - l.first) as usize) * CHANNELS;
            let e = ((end - l.first) as usize) * CHANNELS;
            mix::add_part(block, out_frame, part, &l.buf[s..e], start, self.speed);
            l.buf.drain(..e);
            l.first = end;
        }
        // Frames this part could not give in time stay silent; `first` keeps following the
        // decoder, so what it gives late is dropped above, keeping it in step.
    }
}
