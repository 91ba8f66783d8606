//! Playback: output frames composed at the preview's frame rate from continuous decodes (one
//! ffmpeg per visible video clip, reading on), not a seek per frame.
//!
//! The worker runs ahead of the clock by at most a few frames (a bounded channel); when it
//! falls behind (slow network, slow machine) it drops frames to catch up, as players do.
//! Stopping drops the worker, which stops the decoders.

use super::Footage;
use super::decode::FrameStream;
use crate::compose::{self, Image, Plan, Source};
use crate::edit::snap::TrackIndex;
use crate::model::{Project, Time};
use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, AtomicI64, Ordering};
use std::sync::mpsc::{Receiver, SyncSender, TrySendError, sync_channel};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// A composed playback frame.
#[derive(Clone, Debug)]
pub struct PlayFrame {
    pub at: Time,
    pub image: Image,
}

pub struct Playback {
    rx: Receiver<PlayFrame>,
    stop: Arc<AtomicBool>,
    /// Where the editor's clock is (ticks), so the worker can skip what is already late.
    clock: Arc<AtomicI64>,
    pub fps: f64,
    /// Frames composed and frames dropped for lateness (benchmarks, tests).
    pub stats: Arc<Mutex<(u64, u64)>>,
    /// A frame taken from the channel before it was due.
    early: Option<PlayFrame>,
}

struct Running {
    stream: FrameStream,
    /// Source time of the next frame the stream will give.
    next: f64,
    media: String,
}

impl Playback {
    /// Plays `project` from `from` at `fps` frames a second, `speed` times real time (more
    /// than 0), composing `width` wide. Needs ffmpeg.
    #[allow(clippy::too_many_arguments)]
    pub fn start(
        footage: Arc<Footage>,
        rt: tokio::runtime::Handle,
        project: Arc<Project>,
        size: (u32, u32),
        from: Time,
        fps: f64,
        speed: f64,
        width: u32,
        wake: impl Fn() + Send + 'static,
    ) -> Playback {
        let (tx, rx) = sync_channel(4);
        let stop = Arc::new(AtomicBool::new(false));
        let clock = Arc::new(AtomicI64::new(from.ticks()));
        let stats = Arc::new(Mutex::new((0, 0)));
        let (s, c, st) = (stop.clone(), clock.clone(), stats.clone());
        std::thread::Builder::new()
            .name("vodcut-playback".into())
            .spawn(move || run(footage, rt, project, size, from, fps, speed.max(0.01), width, tx, s, c, st, wake))
            .ok();
        Playback { rx, stop, clock, fps, stats, early: None }
    }

    /// Tells the worker where the playhead is now.
    pub fn set_clock(&self, t: Time) {
        self.clock.store(t.ticks(), Ordering::Relaxed);
    }

    /// The newest frame due at or before `now` (older ones are dropped); frames ahead of
    /// `now` stay queued.
    pub fn frame_for(&mut self, now: Time) -> Option<PlayFrame> {
        let mut best = None;
        while let Some(f) = self.early.take().or_else(|| self.rx.try_recv().ok()) {
            if f.at <= now {
                best = Some(f);
            } else {
                self.early = Some(f);
                break;
            }
        }
        best
    }
}

impl Drop for Playback {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
    }
}

#[allow(clippy::too_many_arguments)]
fn run(
    footage: Arc<Footage>,
    rt: tokio::runtime::Handle,
    project: Arc<Project>,
    size: (u32, u32),
    from: Time,
    fps: f64,
    speed: f64,
    width: u32,
    tx: SyncSender<PlayFrame>,
    stop: Arc<AtomicBool>,
    clock: Arc<AtomicI64>,
    stats: Arc<Mutex<(u64, u64)>>,
    wake: impl Fn(),
) {
    let Ok(ff) = footage.ffmpeg().cloned() else { return };
    let indexes: Vec<TrackIndex> = (0..project.tracks.len()).map(|t| TrackIndex::build(&project, t)).collect();
    let end = indexes.iter().map(TrackIndex::end).max().unwrap_or(Time::ZERO);
    let (_, _, zoom) = compose::canvas_size(size.0, size.1, Some(width));
    let mut streams: HashMap<(usize, usize), Running> = HashMap::new();
    // Output (and source) time between two frames; the stream delivers frames that far apart.
    let step = speed / fps;
    let mut k: i64 = 0;
    while !stop.load(Ordering::Relaxed) {
        let at = from + Time::from_secs_f64(k as f64 * step).unwrap_or(Time::ZERO);
        k += 1;
        if at > end {
            return;
        }
        let now = Time(clock.load(Ordering::Relaxed));
        let late = now - at > Time::from_secs_f64(2.0 * step).unwrap_or(Time::ZERO);
        let plan: Plan = compose::plan_at(&project, at, size, &|ti| {
            indexes
                .get(ti)
                .map(|ix| ix.in_range(at, at + Time(1)).map(|(s, _, ci)| (s, ci)).collect())
                .unwrap_or_default()
        });
        let mut pictures = HashMap::new();
        let mut live = Vec::new();
        for (li, p) in plan.pictures() {
            match &p.source {
                Source::Video { media_id, at: src } => {
                    let key = (p.track, p.clip);
                    live.push(key);
                    let want = src.as_secs_f64();
                    let reopen =
                        streams.get(&key).is_none_or(|r| (r.next - want).abs() > 1.5 * step || r.media != *media_id);
                    if reopen {
                        streams.remove(&key);
                        let w = (p.w.unwrap_or(size.0 as f32) * zoom).ceil().max(16.0) as u32;
                        let (f, id) = (footage.clone(), media_id.clone());
                        let Some(Ok(url)) = super::wait_on(&rt, async move { f.play_url(&id).await }) else {
                            continue;
                        };
                        match ff.stream(&url, want, fps / speed, w) {
                            Ok(stream) => {
                                streams.insert(key, Running { stream, next: want, media: media_id.clone() });
                            }
                            Err(_) => continue,
                        }
                    }
                    if let Some(r) = streams.get_mut(&key) {
                        match r.stream.next_within(Duration::from_secs(10)) {
                            Some(img) => {
                                pictures.insert(li, img);
                                r.next += step;
                            }
                            None => {
                                // Ended, stalled or refused (an expired URL): start again with a
                                // fresh URL at the next frame.
                                streams.remove(&key);
                                footage.forget_url(media_id);
                            }
                        }
                    }
                }
                Source::Image { image_id } => {
                    let (f, id) = (footage.clone(), image_id.clone());
                    if let Some(Ok(img)) = super::wait_on(&rt, async move { f.image(&id).await }) {
                        pictures.insert(li, img);
                    }
                }
            }
        }
        streams.retain(|k, _| live.contains(k));
        if late {
            if let Ok(mut s) = stats.lock() {
                s.1 += 1;
            }
            continue;
        }
        let image = compose::compose(&plan, &pictures, Some(width));
        if let Ok(mut s) = stats.lock() {
            s.0 += 1;
        }
        let mut frame = PlayFrame { at, image };
        loop {
            match tx.try_send(frame) {
                Ok(()) => break,
                Err(TrySendError::Full(f)) => {
                    if stop.load(Ordering::Relaxed) {
                        return;
                    }
                    frame = f;
                    std::thread::sleep(Duration::from_millis(5));
                }
                Err(TrySendError::Disconnected(_)) => return,
            }
        }
        wake();
    }
}
