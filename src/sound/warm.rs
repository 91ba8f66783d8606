//! Decoders started ahead of Space. Starting ffmpeg and getting its first chunk takes ~80 ms
//! on an idle machine, and a play starts one per audible clip at once: waiting for them all
//! made the first sound late (172 ms median, issue 22's goal is 150 ms). So while playback is
//! paused and the playhead has rested ([`super::session::Session::rest`]), the decoders a
//! play from there would start are started here, on a thread of their own, and wait with
//! their first chunks read ([`PcmStream`] queues a few). A play that starts at that place
//! takes them ([`Warm::take`]: same medium, same stretch, same speed, heard from the same
//! moment) and starts only what is missing. The parts heard from the same moment are warmed
//! by one ffmpeg ([`PcmStream::start_group`]).
//!
//! Bounded: at most [`MAX`] decoders, only for clips sounding within [`AHEAD`] of the
//! playhead. A playhead that moves, a play, a new request and closing the window kill them
//! (each with its process group, as dropping a [`PcmStream`] does); an edit that leaves
//! those clips as they were keeps them. A decoder reading a URL is started afresh after
//! [`REMOTE_TTL`]: an idle connection (or a signed URL) does not last for ever.

use super::decode::{PcmStream, Stretch};
use super::mix::Part;
use super::player::{Plan, PlayOptions};
use super::session::Sources;
use crate::model::{Project, Time};
use std::collections::BTreeMap;
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::time::{Duration, Instant};

/// The most decoders kept warm.
pub const MAX: usize = 8;
/// Clips starting this long after the playhead are warmed too (a play opens them at once).
pub const AHEAD: Time = Time::from_millis(500);
/// How long a play waits for a warming of its place that is under way.
pub const TAKE_WAIT: Duration = Duration::from_millis(100);
/// How long a decoder reading a URL is kept before it is started again.
pub const REMOTE_TTL: Duration = Duration::from_secs(30);

/// What a pre-started decoder decodes: a play's part from its start, at a speed, heard from
/// `at` into the play (decoders sharing an ffmpeg must be read in step: a play takes one only
/// for a part heard from the same moment).
#[derive(Clone, Debug, PartialEq)]
pub struct Key {
    pub media_id: String,
    pub source_in: Time,
    pub length: Time,
    pub speed: f64,
    pub at: Time,
}

impl Key {
    pub fn of(part: &Part, speed: f64) -> Key {
        Key { media_id: part.media_id.clone(), source_in: part.source_in, length: part.length, speed, at: part.at }
    }
}

struct Ready {
    key: Key,
    stream: PcmStream,
    /// Reads a URL (so it is started again after [`REMOTE_TTL`]).
    remote: bool,
    since: Instant,
}

/// A play to warm for: the project and the place the playhead rests at.
#[derive(Clone)]
struct Request {
    src: Sources,
    project: Arc<Project>,
    at: Time,
}

enum Todo {
    Warm(Request),
    Discard,
}

#[derive(Default)]
struct State {
    todo: Option<Todo>,
    /// Bumped by every request: work for an older one is thrown away.
    generation: u64,
    ready: Vec<Ready>,
    closed: bool,
    thread: bool,
    /// The thread is at work.
    busy: bool,
    /// Where the newest warming asked for is (None after a discard).
    warming_at: Option<Time>,
    /// Decoders started here in all.
    started: u64,
}

#[derive(Default)]
struct Inner {
    state: Mutex<State>,
    wake: Condvar,
    /// Told each time the thread has done what it was asked.
    done: Condvar,
}

impl Inner {
    fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

/// The warm decoders of one editor. Dropping it kills them.
#[derive(Default)]
pub struct Warm {
    inner: Arc<Inner>,
    ttl: Option<Duration>,
}

impl Warm {
    pub fn new() -> Warm {
        Warm::default()
    }

    /// With decoders of URLs started again after `ttl` instead of [`REMOTE_TTL`] (tests).
    pub fn with_remote_ttl(ttl: Duration) -> Warm {
        Warm { inner: Arc::default(), ttl: Some(ttl) }
    }

    /// Warms the decoders a play of `project` from `at` (at normal speed) would start, keeping
    /// those already warm for it and killing the others. Returns at once: the work is done
    /// on the warming thread.
    pub fn warm(&self, src: Sources, project: Arc<Project>, at: Time) {
        self.post(Todo::Warm(Request { src, project, at }));
    }

    /// Kills every warm decoder (and drops any warming under way). Returns at once.
    pub fn discard(&self) {
        self.post(Todo::Discard);
    }

    /// Kills every warm decoder unless something was asked for since `generation`
    /// ([`Warm::generation`]): a play that started late must not kill the decoders of a rest
    /// that came after it.
    pub fn discard_unless_newer(&self, generation: u64) {
        let st = self.inner.lock();
        if st.generation == generation {
            self.post_locked(st, Todo::Discard);
        }
    }

    /// Counts the requests (each warm or discard adds one).
    pub fn generation(&self) -> u64 {
        self.inner.lock().generation
    }

    fn post(&self, todo: Todo) {
        self.post_locked(self.inner.lock(), todo);
    }

    fn post_locked(&self, mut st: MutexGuard<'_, State>, todo: Todo) {
        st.generation += 1;
        st.warming_at = match &todo {
            Todo::Warm(r) => Some(r.at),
            Todo::Discard => None,
        };
        st.todo = Some(todo);
        if !st.thread {
            let inner = self.inner.clone();
            let ttl = self.ttl.unwrap_or(REMOTE_TTL);
            let spawned = std::thread::Builder::new().name("vodcut-sound-warm".into()).spawn(move || run(&inner, ttl));
            match spawned {
                Ok(_) => st.thread = true,
                Err(e) => log::warn!("sound: no warming thread: {e}"),
            }
        }
        self.inner.wake.notify_all();
    }

    /// Takes the warm decoders for `parts` played at `speed` from `from`, by part (None: none
    /// there). When the warming for that very place is still under way (Space right after a
    /// seek), waits for it up to [`TAKE_WAIT`]: its decoders are moments from starting, and
    /// starting the same ones again beside them would only make both slower.
    pub fn take(&self, parts: &[Part], speed: f64, from: Time) -> Vec<Option<PcmStream>> {
        let mut st = self.inner.lock();
        let deadline = Instant::now() + TAKE_WAIT;
        while st.warming_at == Some(from) && speed == 1.0 && (st.busy || st.todo.is_some()) && !st.closed {
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                break;
            }
            st = self.inner.done.wait_timeout(st, left).map_or_else(|e| e.into_inner().0, |r| r.0);
        }
        parts
            .iter()
            .map(|p| {
                let key = Key::of(p, speed);
                let i = st.ready.iter().position(|r| r.key == key)?;
                Some(st.ready.swap_remove(i).stream)
            })
            .collect()
    }

    /// The decoders warm now.
    pub fn ready(&self) -> Vec<Key> {
        self.inner.lock().ready.iter().map(|r| r.key.clone()).collect()
    }

    /// How many of the warm decoders have their first sound waiting (a play taking them
    /// waits for nothing).
    pub fn primed(&self) -> usize {
        self.inner.lock().ready.iter().filter(|r| r.stream.has_started()).count()
    }

    /// Nothing asked for is still being done.
    pub fn settled(&self) -> bool {
        let st = self.inner.lock();
        st.todo.is_none() && !st.busy
    }

    /// Decoders started here so far.
    pub fn started(&self) -> u64 {
        self.inner.lock().started
    }
}

impl Drop for Warm {
    fn drop(&mut self) {
        let ready = {
            let mut st = self.inner.lock();
            st.closed = true;
            st.generation += 1;
            std::mem::take(&mut st.ready)
        };
        self.inner.wake.notify_all();
        // Killed here, not left to the thread: the window may be closing with the process.
        drop(ready);
    }
}

/// The warming thread: does the newest request, and starts decoders of URLs afresh when
/// they have waited [`REMOTE_TTL`] (`ttl`).
fn run(inner: &Inner, ttl: Duration) {
    let mut last: Option<Request> = None;
    loop {
        let mut st = inner.lock();
        st.busy = false;
        inner.done.notify_all();
        let todo = loop {
            if st.closed {
                let ready = std::mem::take(&mut st.ready);
                drop(st);
                drop(ready);
                return;
            }
            if let Some(t) = st.todo.take() {
                break Some(t);
            }
            let now = Instant::now();
            match st.ready.iter().filter(|r| r.remote).map(|r| r.since + ttl).min() {
                Some(due) if due <= now => break None,
                Some(due) => st = inner.wake.wait_timeout(st, due - now).map_or_else(|e| e.into_inner().0, |r| r.0),
                None => st = inner.wake.wait(st).unwrap_or_else(std::sync::PoisonError::into_inner),
            }
        };
        let generation = st.generation;
        st.busy = true;
        match todo {
            Some(Todo::Discard) => {
                last = None;
                let ready = std::mem::take(&mut st.ready);
                drop(st);
                drop(ready);
            }
            Some(Todo::Warm(r)) => {
                drop(st);
                warm(inner, &r, generation);
                last = Some(r);
            }
            None => {
                let now = Instant::now();
                let (stale, fresh) =
                    std::mem::take(&mut st.ready).into_iter().partition(|r| r.remote && r.since + ttl <= now);
                st.ready = fresh;
                drop(st);
                drop::<Vec<Ready>>(stale);
                if let Some(r) = &last {
                    warm(inner, r, generation);
                }
            }
        }
    }
}

/// The parts a play from `at` opens at once, the first [`MAX`] of them by start.
fn wanted(project: &Project, at: Time) -> Vec<(Key, Part)> {
    let opts = PlayOptions { from: at, speed: 1.0, limit: None, device: None };
    let plan = Plan::of(project, &opts);
    let mut parts: Vec<Part> = plan.parts.into_iter().filter(|p| p.at < AHEAD).collect();
    parts.sort_by_key(|p| p.at);
    parts.truncate(MAX);
    parts.into_iter().map(|p| (Key::of(&p, plan.speed), p)).collect()
}

/// Makes the warm decoders those of `r`: kills the others, starts the missing ones (each
/// handed over as soon as it runs, so a play meanwhile takes what is there).
fn warm(inner: &Inner, r: &Request, generation: u64) {
    let Some(ff) = r.src.ffmpeg.as_ref() else { return };
    let want = wanted(&r.project, r.at);
    let (old, missing) = {
        let mut st = inner.lock();
        if st.generation != generation || st.closed {
            return;
        }
        let (keep, old): (Vec<Ready>, Vec<Ready>) =
            std::mem::take(&mut st.ready).into_iter().partition(|x| want.iter().any(|(k, _)| *k == x.key));
        let missing: Vec<&(Key, Part)> = want.iter().filter(|(k, _)| !keep.iter().any(|x| x.key == *k)).collect();
        st.ready = keep;
        (old, missing)
    };
    drop(old);
    // Located first (a VOD play URL is a request to the service; asked here, off the UI
    // thread), then started together: the parts heard from the same moment share one
    // ffmpeg ([`PcmStream::start_group`]), those read over the network apart from files
    // (they are started again after a while, files are not).
    let mut together: BTreeMap<(Time, bool), Vec<(Key, Stretch)>> = BTreeMap::new();
    for (key, part) in missing {
        if inner.lock().generation != generation {
            return;
        }
        match (r.src.locate)(&part.media_id) {
            Ok(input) => {
                let remote = input.starts_with("http://") || input.starts_with("https://");
                let (from, length) = (part.source_in.as_secs_f64(), part.length.as_secs_f64());
                let s = Stretch { input, from, length, frames: super::mix::out_frames(part.length, key.speed) };
                together.entry((part.at, remote)).or_default().push((key.clone(), s));
            }
            Err(e) => log::debug!("sound: not warming {}: {e}", part.media_id),
        }
    }
    for ((_, remote), group) in together {
        if inner.lock().generation != generation {
            return;
        }
        let (keys, stretches): (Vec<Key>, Vec<Stretch>) = group.into_iter().unzip();
        let streams = match PcmStream::start_group(ff, &stretches, keys[0].speed) {
            Ok((s, _)) => s,
            Err(e) => {
                log::debug!("sound: not warming {keys:?}: {e}");
                continue;
            }
        };
        let mut st = inner.lock();
        st.started += streams.len() as u64;
        if st.generation != generation || st.closed {
            drop(st);
            drop(streams);
            return;
        }
        let since = Instant::now();
        st.ready.extend(keys.into_iter().zip(streams).map(|(key, stream)| Ready { key, stream, remote, since }));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::export::import_timeline_str;

    #[test]
    fn a_late_play_does_not_discard_what_a_newer_rest_asked_for() {
        let w = Warm::new();
        let before = w.generation();
        let locate: super::super::player::Locate = Arc::new(|_: &str| Err("none".to_owned()));
        w.warm(Sources { ffmpeg: None, locate }, Arc::new(Project::default()), Time::ZERO);
        let asked = w.generation();
        w.discard_unless_newer(before);
        assert_eq!(w.generation(), asked, "the rest's request stands");
        w.discard_unless_newer(asked);
        assert_eq!(w.generation(), asked + 1, "nothing newer: discarded");
    }

    #[test]
    fn only_clips_sounding_soon_are_warmed_and_at_most_max() {
        // Ten tracks with a clip at 0 s, one clip starting at 0.4 s and one at 0.6 s.
        let clip = |id: &str, at: f64| {
            format!(r#"{{"AudioTrackClips":[{{"MediaId":"{id}","In":0,"Out":5,"TimelineIn":{at}}}]}}"#)
        };
        let mut tracks: Vec<String> = (0..10).map(|k| clip(&format!("m{k}"), 1.0)).collect();
        tracks.push(clip("soon", 1.4));
        tracks.push(clip("later", 1.6));
        let p = import_timeline_str(&format!(r#"{{"AudioTracks":[{}]}}"#, tracks.join(","))).unwrap();
        let w = wanted(&p, Time::from_secs(1));
        assert_eq!(w.len(), MAX);
        assert!(w.iter().all(|(k, _)| k.media_id.starts_with('m') && k.speed == 1.0));
        // Past the clips' starts, fewer sound: the one 0.4 s ahead is in, the 0.6 s one is not.
        let mut few = p.clone();
        for t in &mut few.tracks[2..10] {
            t.hidden = true;
        }
        let ids: Vec<String> = wanted(&few, Time::from_secs(1)).into_iter().map(|(k, _)| k.media_id).collect();
        assert_eq!(ids, ["m0", "m1", "soon"]);
        let w = wanted(&few, Time::from_secs(1));
        assert_eq!((w[2].0.source_in, w[2].0.length), (Time::ZERO, Time::from_secs(5)));
    }
}
