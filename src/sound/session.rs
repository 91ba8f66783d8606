//! The editor's sound, without egui: starts and stops the player as Space, J, K, L and edits
//! ask, plays short snippets while the playhead is dragged (scrubbing), and keeps the meters'
//! levels with a peak hold. Players are made on a thread of their own (connecting to the
//! sound server waits on a socket): until one is there, the clock stands at the start.
//! While paused, the decoders a play from the playhead needs are started ahead
//! ([`super::warm`]), so Space does not wait for them: at once when the playhead was put
//! somewhere (a click on the ruler released, a key, Go to timecode), after it has rested for
//! [`REST`] while it is dragged or moved again and again (a key held down), so those start
//! no decoder at every step.

use super::mix::{CHANNELS, Levels};
use super::out::Output;
use super::player::{Locate, PlayOptions, Player};
use super::warm::Warm;
use crate::media::decode::Ffmpeg;
use crate::model::{Project, Time};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

/// Length of a scrubbing snippet, and the least time between two.
pub const SNIPPET: Duration = Duration::from_millis(90);
/// How long the playhead rests (paused, same place, same document) before the decoders for
/// a play from there are started, when it came there by a drag, an edit, or a move right
/// after another: dragging it starts none.
pub const REST: Duration = Duration::from_millis(150);
/// Projects with more clips than this are not warmed: warming copies the project on the
/// editor's thread after every edit (a play copies it once, on Space), and a copy of 10 000
/// clips already costs a few milliseconds (100 000: tens, a visible stall after each edit).
pub const WARM_MAX_CLIPS: usize = 10_000;

/// Where the playhead rests, since when, and whether its decoders were asked for.
#[derive(Clone, Copy)]
struct Rest {
    revision: u64,
    at: Time,
    since: Instant,
    asked: bool,
    /// The pointer was held down (a drag, or a press that may become one).
    held: bool,
    /// Put there in one move after a rest (a discrete seek): warmed without waiting.
    at_once: bool,
}

enum Slot {
    Starting(Receiver<Player>),
    Running(Player),
}

impl Slot {
    fn poll(&mut self) -> Option<&Player> {
        if let Slot::Starting(rx) = self
            && let Ok(p) = rx.try_recv()
        {
            *self = Slot::Running(p);
        }
        match self {
            Slot::Running(p) => Some(p),
            Slot::Starting(_) => None,
        }
    }
}

/// Peak levels held for the meters (they fall back slowly, as meters do).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Meter {
    pub now: Levels,
    /// The highest peak of the last moments, per channel.
    pub hold: [f32; CHANNELS],
    /// A sample reached full scale since playing started.
    pub clipped: bool,
}

pub struct Session {
    out: Arc<dyn Output>,
    playing: Option<(Slot, u64)>,
    scrub: Option<Slot>,
    last_snippet: Option<(Time, Instant)>,
    meter: Meter,
    held_at: Option<Instant>,
    warm: Arc<Warm>,
    rest: Option<Rest>,
    /// Decoders were asked for and not discarded since.
    warm_held: bool,
    project: Option<(u64, Arc<Project>)>,
    /// Why playback is silent (said once per play, in one line).
    pub note: Option<String>,
}

/// What a player needs from the footage: ffmpeg and where a medium's sound is.
#[derive(Clone)]
pub struct Sources {
    pub ffmpeg: Option<Ffmpeg>,
    pub locate: Locate,
}

impl Session {
    pub fn new(out: Arc<dyn Output>) -> Session {
        Session {
            out,
            playing: None,
            scrub: None,
            last_snippet: None,
            meter: Meter::default(),
            held_at: None,
            warm: Arc::new(Warm::new()),
            rest: None,
            warm_held: false,
            project: None,
            note: None,
        }
    }

    /// With `warm` as its warm decoders (tests set their own).
    pub fn with_warm(out: Arc<dyn Output>, warm: Warm) -> Session {
        Session { warm: Arc::new(warm), ..Session::new(out) }
    }

    /// Starts a player; `warm`: it takes the warm decoders it can use, and the others are
    /// killed.
    fn spawn(&self, src: Sources, project: Arc<Project>, opts: PlayOptions, warm: bool) -> Slot {
        let (tx, rx) = channel();
        let out = self.out.clone();
        let warm = warm.then(|| self.warm.clone());
        let asked = self.warm.generation();
        let spawned = std::thread::Builder::new().name("vodcut-sound-start".into()).spawn(move || {
            let p = Player::start_warm(src.ffmpeg, src.locate, &project, &opts, out.as_ref(), warm.as_deref());
            if let Some(w) = warm {
                w.discard_unless_newer(asked);
            }
            let _ = tx.send(p);
        });
        if let Err(e) = spawned {
            log::warn!("sound: {e}");
        }
        Slot::Starting(rx)
    }

    /// Plays `project` (at document revision `revision`) from `opts.from`.
    pub fn play(&mut self, src: Sources, project: Arc<Project>, revision: u64, opts: PlayOptions) {
        log::info!("sound: playing from {} at {}x (revision {revision})", opts.from, opts.speed);
        self.scrub = None;
        self.meter = Meter::default();
        self.note = None;
        self.rest = None;
        // The player takes what it can use and discards the rest.
        self.warm_held = false;
        self.playing = Some((self.spawn(src, project, opts, true), revision));
    }

    /// Called each frame while paused, with the document's revision, the playhead, and
    /// whether the pointer is held down (`held`: the playhead may be dragged). The decoders for
    /// a play from there are started off this thread (`sources` and `project` give what they
    /// need, asked only then; the project is copied once per revision, see
    /// [`Session::project`]): at once when the playhead was put there in one move after a
    /// rest and is not held (a seek), or when it is let go where it was held; else once
    /// playhead and revision have stayed the same for [`REST`]. A playhead that moves kills
    /// them. Returns how long until it wants the next frame (to start them), if so.
    pub fn rest(
        &mut self,
        revision: u64,
        at: Time,
        held: bool,
        sources: impl FnOnce() -> Sources,
        project: impl FnOnce() -> Project,
    ) -> Option<Duration> {
        if self.playing.is_some() {
            return None;
        }
        let now = Instant::now();
        match self.rest.as_mut() {
            Some(r) if r.revision == revision && r.at == at => {
                // Let go where it was pressed or dragged to: the seek is over.
                r.at_once |= r.held && !held;
                r.held = held;
            }
            Some(r) => {
                if self.warm_held && r.at != at {
                    // Moved away: they are of no use now.
                    self.warm.discard();
                    self.warm_held = false;
                }
                // One move after a rest is a seek; a move right after another (a drag, a key
                // held down) waits for the rest. An edit alone keeps the decoders until the
                // rest is over: warming again keeps those whose clips it left as they were.
                let seek = r.at != at && !held && now.duration_since(r.since) >= REST;
                self.rest = Some(Rest { revision, at, since: now, asked: false, held, at_once: seek });
            }
            None => self.rest = Some(Rest { revision, at, since: now, asked: false, held, at_once: false }),
        }
        let r = self.rest.as_mut()?;
        if r.asked {
            return None;
        }
        let left = REST.saturating_sub(now.duration_since(r.since));
        if !left.is_zero() && !r.at_once {
            return Some(left);
        }
        let src = sources();
        // Nothing to decode with (yet): asked again on a later frame.
        src.ffmpeg.as_ref()?;
        r.asked = true;
        self.warm_held = true;
        let project = self.project(revision, project);
        self.warm.warm(src, project, at);
        None
    }

    /// No rest is followed any more (the project is too big to warm): decoders still warm
    /// are killed. Cheap when there are none, so it may be called every frame.
    pub fn forget_rest(&mut self) {
        self.rest = None;
        if self.warm_held {
            self.warm.discard();
            self.warm_held = false;
        }
    }

    /// The project at `revision` for a player, copied (by `make`) only when the revision is
    /// new: resting and then playing copy it once, not twice.
    pub fn project(&mut self, revision: u64, make: impl FnOnce() -> Project) -> Arc<Project> {
        match &self.project {
            Some((r, p)) if *r == revision => p.clone(),
            _ => {
                let p = Arc::new(make());
                self.project = Some((revision, p.clone()));
                p
            }
        }
    }

    /// The decoders warm now, waiting for a play.
    pub fn warm(&self) -> &Warm {
        &self.warm
    }

    /// The player's decoders: how many it took warm and how many it started (None before
    /// it is there).
    pub fn decoders(&mut self) -> Option<(usize, usize)> {
        let (slot, _) = self.playing.as_mut()?;
        slot.poll().map(Player::decoders)
    }

    /// The ffmpeg processes the player started (None before it is there).
    pub fn processes(&mut self) -> Option<usize> {
        let (slot, _) = self.playing.as_mut()?;
        slot.poll().map(Player::processes)
    }

    pub fn stop(&mut self) {
        if self.playing.is_some() {
            log::info!("sound: stopped");
        }
        self.playing = None;
        self.meter = Meter::default();
    }

    /// The document revision being played, while playing.
    pub fn playing_revision(&self) -> Option<u64> {
        self.playing.as_ref().map(|(_, r)| *r)
    }

    /// Where the sound is now while playing: None while the player is starting (the clock
    /// stands), else its position; and whether all of it has been heard.
    pub fn position(&mut self) -> Option<(Time, bool)> {
        let (slot, _) = self.playing.as_mut()?;
        let p = slot.poll()?;
        if self.note.is_none() {
            self.note.clone_from(&p.note);
        }
        let levels = p.levels();
        let at = (p.position(), p.finished());
        self.take_levels(levels);
        Some(at)
    }

    fn take_levels(&mut self, l: Levels) {
        let now = Instant::now();
        let fall = self.held_at.map_or(0.0, |t| now.duration_since(t).as_secs_f32());
        self.held_at = Some(now);
        for c in 0..CHANNELS {
            // The hold falls 20 dB a second (a factor of 10).
            let fallen = self.meter.hold[c] * 10f32.powf(-fall);
            self.meter.hold[c] = fallen.max(l.peak[c]);
        }
        self.meter.clipped |= l.clipped;
        self.meter.now = l;
    }

    /// The meters while playing.
    pub fn meter(&self) -> Option<Meter> {
        self.playing.as_ref().map(|_| self.meter)
    }

    /// The playhead was dragged to `at` (not playing): a short snippet from there, at most one
    /// per [`SNIPPET`], the newest replacing the one before.
    pub fn scrub(&mut self, src: Sources, project: Arc<Project>, at: Time, device: Option<String>) {
        if self.playing.is_some() {
            return;
        }
        let recent = self.last_snippet.is_some_and(|(t, when)| t == at || when.elapsed() < SNIPPET);
        if recent {
            return;
        }
        self.last_snippet = Some((at, Instant::now()));
        let limit = Time::from_secs_f64(SNIPPET.as_secs_f64()).unwrap_or(Time::ZERO);
        let opts = PlayOptions { from: at, speed: 1.0, limit: Some(limit), device };
        self.scrub = Some(self.spawn(src, project, opts, false));
    }

    /// Drops a finished snippet (its stream closes).
    pub fn tidy(&mut self) {
        if let Some(s) = self.scrub.as_mut()
            && s.poll().is_some_and(Player::finished)
        {
            self.scrub = None;
        }
    }

    /// Whether anything is playing or starting (the UI keeps repainting then).
    pub fn active(&self) -> bool {
        self.playing.is_some() || self.scrub.is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_project_is_copied_once_per_revision() {
        let mut s = Session::new(Arc::new(super::super::out::Recorder::default()));
        let mut copies = 0;
        let mut copy = || {
            copies += 1;
            Project::default()
        };
        let a = s.project(1, &mut copy);
        let b = s.project(1, &mut copy);
        assert!(Arc::ptr_eq(&a, &b));
        let c = s.project(2, &mut copy);
        assert!(!Arc::ptr_eq(&a, &c));
        assert_eq!(copies, 2);
    }
}
