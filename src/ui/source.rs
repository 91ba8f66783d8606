//! The source viewer: a medium from the media bin or the VOD library, opened in the preview
//! area (a Source / Program switch, as in Premiere) with its own playhead, In/Out marks and
//! J/K/L. Its frames come from the program preview's footage service (the same caches and
//! connection, a renderer of its own); playing forwards reads a continuous decode, as the
//! program does. Marks and playhead are remembered per medium for the session.
//!
//! What the marks place and where is `edit::source` (pure); this is the viewer.

mod draw;

pub use draw::source_ui;

use crate::compose::{Fit, Layer, Picture, Plan, Source};
use crate::edit::source::{SourceMarks, last_frame, source_length};
use crate::media::Footage;
use crate::media::playback::Playback;
use crate::media::render::{Rendered, Renderer};
use crate::model::project::{BinEntry, MediaKind, Track, TrackKind};
use crate::model::wire::Clip;
use crate::model::{FrameRate, Project, Time};
use crate::ui::commands::Command;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// How long a medium of unknown length is taken to be while it plays (it stops at its end).
const UNKNOWN_PLAY_LENGTH: Time = Time::from_secs(24 * 3600);

/// What the viewer last asked its renderer for.
#[derive(Clone, Debug, PartialEq)]
struct Wanted {
    media: String,
    at: Time,
    width: u32,
    size: (u32, u32),
}

/// Peaks of audio media (None: asked, or none to be had).
type Peaks = Arc<Mutex<HashMap<String, Option<Arc<Vec<u8>>>>>>;

pub struct SourceViewer {
    /// The medium open, if any.
    pub open: Option<BinEntry>,
    /// Marks and playhead by MediaId, for the session.
    marks: HashMap<String, SourceMarks>,
    /// The preview area shows the source (else the program).
    pub showing: bool,
    /// The viewer has the keyboard: I, O, Ctrl+Shift+X, J/K/L, Space, Left/Right act on it.
    pub focused: bool,
    /// Playback speed (as the program's: 0 stopped, negative backwards).
    pub speed: f64,
    /// Playing since (clock time, playhead then).
    playing: Option<(f64, Time)>,
    renderer: Option<Renderer>,
    footage: Option<Arc<Footage>>,
    runtime: Option<tokio::runtime::Handle>,
    texture: Option<egui::TextureHandle>,
    shown: Option<Rendered>,
    wanted: Option<Wanted>,
    /// Continuous playback (speed, medium).
    playback: Option<(Playback, f64, String)>,
    sizes: crate::ui::preview::SourceSizes,
    peaks: Peaks,
    /// Pictures shown (tests: the viewer updates).
    pub shown_count: u64,
    /// Where the viewer was drawn in the last frame: a press inside gives it the keyboard.
    pub rect: Option<egui::Rect>,
}

impl Default for SourceViewer {
    fn default() -> Self {
        SourceViewer {
            open: None,
            marks: HashMap::new(),
            showing: false,
            focused: false,
            speed: 0.0,
            playing: None,
            renderer: None,
            footage: None,
            runtime: None,
            texture: None,
            shown: None,
            wanted: None,
            playback: None,
            sizes: Arc::default(),
            peaks: Arc::default(),
            shown_count: 0,
            rect: None,
        }
    }
}

/// Whether `command` is one the viewer answers when it has the keyboard.
fn is_viewer_command(command: Command) -> bool {
    matches!(
        command,
        Command::PlayPause
            | Command::ShuttleBack
            | Command::ShuttleStop
            | Command::ShuttleForward
            | Command::StepBack
            | Command::StepForward
            | Command::Home
            | Command::End
            | Command::MarkIn
            | Command::MarkOut
            | Command::ClearMarks
    )
}

/// Whether `command` edits or moves about the timeline's own content (its clips, selection,
/// gaps, marks' range, markers): from the keyboard it belongs to the timeline panel, so
/// while the viewer has the keyboard its key does nothing there (Premiere's shortcuts are
/// per panel too). Menus still run it: a menu names what it acts on.
fn is_timeline_panel_command(command: Command) -> bool {
    matches!(
        command,
        Command::Split
            | Command::Delete
            | Command::RippleDelete
            | Command::Copy
            | Command::Cut
            | Command::Paste
            | Command::PasteInsert
            | Command::SelectAll
            | Command::NudgeBack
            | Command::NudgeForward
            | Command::AddSubtitle
            | Command::AddMarker
            | Command::NextMarker
            | Command::PrevMarker
            | Command::NextEdit
            | Command::PrevEdit
            | Command::SelectAtPlayhead
            | Command::SelectNextClip
            | Command::SelectPrevClip
            | Command::RippleTrimPrev
            | Command::RippleTrimNext
            | Command::Lift
            | Command::Extract
            | Command::CloseGaps
    )
}

impl SourceViewer {
    /// Opens `entry` (a double-click in the bin or the library): shown, with the keyboard,
    /// at the playhead and marks it had earlier in the session.
    pub fn open(&mut self, entry: BinEntry) {
        if self.open.as_ref().map(|e| &e.media_id) != Some(&entry.media_id) {
            self.stop();
            self.wanted = None;
            self.shown = None;
            self.texture = None;
        }
        self.marks.entry(entry.media_id.clone()).or_default();
        self.open = Some(entry);
        self.showing = true;
        self.focused = true;
    }

    /// The open medium's marks and playhead.
    pub fn marks(&self) -> Option<SourceMarks> {
        self.marks.get(&self.open.as_ref()?.media_id).copied()
    }

    fn marks_mut(&mut self) -> Option<&mut SourceMarks> {
        let id = self.open.as_ref()?.media_id.clone();
        Some(self.marks.entry(id).or_default())
    }

    /// The open medium's length in the viewer (a still's is the still length).
    pub fn length(&self) -> Option<Time> {
        source_length(self.open.as_ref()?)
    }

    /// Puts the source playhead at `t`, on a frame, within the medium.
    pub fn set_playhead(&mut self, fr: FrameRate, t: Time) {
        let last = self.length().map(|l| last_frame(fr, l));
        let Some(m) = self.marks_mut() else { return };
        let t = fr.snap(t.max(Time::ZERO));
        m.playhead = last.map_or(t, |l| t.min(l));
    }

    /// The range a drag from the picture places: the source In (else the start) and the
    /// length to the end of the Out frame (else the medium's end; None when not known).
    pub fn marked_range(&self, fr: FrameRate) -> (Time, Option<Time>) {
        let Some(m) = self.marks() else { return (Time::ZERO, None) };
        let start = m.mark_in.unwrap_or(Time::ZERO);
        let end = m.end(fr).or(self.length().map(|l| fr.floor(l)));
        (start, end.map(|e| e - start).filter(|l| *l > Time::ZERO))
    }

    /// Whether the viewer takes `command` now (it is shown, open and has the keyboard).
    pub fn takes(&self, command: Command) -> bool {
        self.showing && self.focused && self.open.is_some() && is_viewer_command(command)
    }

    /// Whether the key of `command` is held back from the timeline: the viewer has the
    /// keyboard and the command is the timeline panel's own (Delete, S, Q/W, ; and '…).
    pub fn holds_back_key(&self, command: Command) -> bool {
        self.showing && self.focused && self.open.is_some() && is_timeline_panel_command(command)
    }

    /// Stops playing.
    pub fn stop(&mut self) {
        self.speed = 0.0;
        self.playing = None;
        self.playback = None;
    }

    fn set_speed(&mut self, fr: FrameRate, speed: f64, now: f64) {
        self.speed = speed;
        if speed == 0.0 {
            self.playing = None;
            return;
        }
        let Some(m) = self.marks() else { return };
        // As the program does: a start at the end starts again from the beginning.
        if speed > 0.0 && self.length().is_some_and(|l| m.playhead >= last_frame(fr, l)) {
            self.set_playhead(fr, Time::ZERO);
        }
        self.playing = self.marks().map(|m| (now, m.playhead));
    }

    /// Carries out a viewer command (see [`SourceViewer::takes`]); `now` is the UI clock.
    pub fn run(&mut self, command: Command, fr: FrameRate, now: f64) {
        let Some(m) = self.marks() else { return };
        match command {
            Command::PlayPause => self.set_speed(fr, if self.speed == 0.0 { 1.0 } else { 0.0 }, now),
            Command::ShuttleForward => {
                let s = if self.speed <= 0.0 { 1.0 } else { (self.speed * 2.0).min(8.0) };
                self.set_speed(fr, s, now);
            }
            Command::ShuttleBack => {
                let s = if self.speed >= 0.0 { -1.0 } else { (self.speed * 2.0).max(-8.0) };
                self.set_speed(fr, s, now);
            }
            Command::ShuttleStop => self.set_speed(fr, 0.0, now),
            Command::StepBack | Command::StepForward => {
                self.stop();
                let step = if command == Command::StepBack { -1 } else { 1 };
                self.set_playhead(fr, fr.frame_start(fr.nearest_frame(m.playhead) + step));
            }
            Command::Home => {
                self.stop();
                self.set_playhead(fr, Time::ZERO);
            }
            Command::End => {
                self.stop();
                self.set_playhead(fr, self.length().unwrap_or(m.playhead));
            }
            Command::MarkIn => {
                if let Some(m) = self.marks_mut() {
                    m.set_in(m.playhead);
                }
            }
            Command::MarkOut => {
                if let Some(m) = self.marks_mut() {
                    m.set_out(m.playhead);
                }
            }
            Command::ClearMarks => {
                if let Some(m) = self.marks_mut() {
                    m.clear();
                }
            }
            _ => {}
        }
    }

    /// Moves the playhead with the clock while playing; stops at either end.
    pub fn tick(&mut self, ctx: &egui::Context, fr: FrameRate, now: f64) {
        let Some((since, from)) = self.playing else { return };
        let t = from.as_secs_f64() + (now - since) * self.speed;
        let end = self.length().map(|l| last_frame(fr, l));
        let speed = self.speed;
        let (playhead, stop) = if t <= 0.0 && speed < 0.0 {
            (Time::ZERO, true)
        } else if let Some(end) = end.filter(|e| t >= e.as_secs_f64() && speed > 0.0) {
            (end, true)
        } else {
            // Frames of the project's rate, as the program's playhead.
            (fr.floor(Time::from_secs_f64(t).unwrap_or(Time::ZERO)), false)
        };
        if let Some(m) = self.marks_mut() {
            m.playhead = playhead;
        }
        if stop {
            self.stop();
        } else {
            ctx.request_repaint();
        }
    }

    /// Uses the program preview's footage service and runtime (made again when its settings
    /// change): one connection and one cache for both.
    pub fn set_footage(&mut self, footage: Option<&Arc<Footage>>, rt: Option<tokio::runtime::Handle>) {
        if !crate::media::same_service(self.footage.as_ref(), footage) {
            self.footage = footage.cloned();
            self.renderer = None;
            self.playback = None;
            self.wanted = None;
        }
        self.runtime = rt;
    }

    fn renderer(&mut self, ctx: &egui::Context) -> Option<&mut Renderer> {
        if self.renderer.is_none() {
            let (f, rt) = (self.footage.clone()?, self.runtime.clone()?);
            let c = ctx.clone();
            self.renderer = Some(Renderer::sharing(f, &rt, move || c.request_repaint()));
        }
        self.renderer.as_mut()
    }

    /// Whether a render runs or waits.
    pub fn busy(&self) -> bool {
        self.renderer.as_ref().is_some_and(Renderer::busy)
    }

    /// The picture on screen.
    pub fn shown(&self) -> Option<&Rendered> {
        self.shown.as_ref()
    }

    /// Whether the waveform of audio `id` has arrived (tests: the viewer draws it).
    pub fn has_waveform(&self, id: &str) -> bool {
        self.peaks.lock().is_ok_and(|m| m.get(id).is_some_and(|p| p.as_ref().is_some_and(|p| !p.is_empty())))
    }

    /// Whether frames come from a continuous decode now.
    pub fn is_streaming(&self) -> bool {
        self.playback.is_some()
    }

    fn show(&mut self, ctx: &egui::Context, r: Rendered) {
        crate::ui::preview::put_frame(ctx, &mut self.texture, "source-frame", &r.image);
        self.shown = Some(r);
        self.shown_count += 1;
    }

    /// The source's picture size (asked for once in the background; 16:9 until known).
    fn size(&self, entry: &BinEntry) -> (u32, u32) {
        let known = self.sizes.lock().ok().and_then(|m| m.get(&entry.media_id).copied());
        if let Some(s) = known {
            return s.unwrap_or(crate::compose::layout::FALLBACK_SIZE);
        }
        if entry.kind == MediaKind::Video
            && let (Some(f), Some(rt), Ok(mut m)) = (self.footage.clone(), self.runtime.clone(), self.sizes.lock())
        {
            m.insert(entry.media_id.clone(), None);
            let (sizes, id) = (self.sizes.clone(), entry.media_id.clone());
            rt.spawn(async move {
                let s = f.source_size(&id).await;
                if let Ok(mut m) = sizes.lock() {
                    m.insert(id, s);
                }
            });
        }
        crate::compose::layout::FALLBACK_SIZE
    }

    /// The waveform of audio `id`, asked for in the background the first time.
    fn peaks(&self, ctx: &egui::Context, id: &str) -> Option<Arc<Vec<u8>>> {
        let mut m = self.peaks.lock().ok()?;
        if let Some(p) = m.get(id) {
            return p.clone();
        }
        let (f, rt) = (self.footage.clone()?, self.runtime.clone()?);
        m.insert(id.to_owned(), None);
        let (peaks, id, c) = (self.peaks.clone(), id.to_owned(), ctx.clone());
        rt.spawn(async move {
            let never = Arc::new(std::sync::atomic::AtomicBool::new(false));
            let p = f.peaks(&id, &never).await.ok();
            if let Ok(mut m) = peaks.lock() {
                m.insert(id, p);
            }
            c.request_repaint();
        });
        None
    }

    /// Plays forwards from a continuous decode while the speed is above 0 (true when it did).
    fn play(&mut self, ctx: &egui::Context, entry: &BinEntry, size: (u32, u32), width: u32) -> bool {
        let footage = self.footage.clone().filter(|f| f.has_ffmpeg());
        let (Some(footage), Some(rt), Some(m)) = (footage, self.runtime.clone(), self.marks()) else {
            self.playback = None;
            return false;
        };
        if self.speed <= 0.0 || entry.kind != MediaKind::Video {
            self.playback = None;
            return false;
        }
        let stale = self.playback.as_ref().is_none_or(|(_, s, id)| *s != self.speed || *id != entry.media_id);
        if stale {
            let c = ctx.clone();
            let project = Arc::new(playing_project(entry, self.length()));
            let fps = crate::ui::preview::PLAYBACK_FPS;
            let pb = Playback::start(footage, rt, project, size, m.playhead, fps, self.speed, width, move || {
                c.request_repaint()
            });
            self.playback = Some((pb, self.speed, entry.media_id.clone()));
        }
        let Some((pb, _, _)) = self.playback.as_mut() else { return false };
        pb.set_clock(m.playhead);
        if let Some(f) = pb.frame_for(m.playhead) {
            self.show(ctx, Rendered::from(f));
        }
        self.wanted = None;
        true
    }

    /// Asks for the picture at the source playhead when it changed (never waits for it).
    fn update_picture(&mut self, ctx: &egui::Context, entry: &BinEntry, size: (u32, u32), width: u32) {
        let Some(m) = self.marks() else { return };
        let streaming = self.play(ctx, entry, size, width);
        let wanted = Wanted { media: entry.media_id.clone(), at: m.playhead, width, size };
        if !streaming && self.wanted.as_ref() != Some(&wanted) {
            let plan = picture_plan(entry, m.playhead, size);
            let label = crate::t!("source-layer", title = display_title(entry));
            if let Some(r) = self.renderer(ctx) {
                r.request(plan, width, vec![label]);
                self.wanted = Some(wanted);
            }
        }
        if let Some(r) = self.renderer.as_mut().and_then(Renderer::poll)
            && !streaming
        {
            self.show(ctx, r);
        }
    }
}

/// The medium's title, else its ID.
pub fn display_title(entry: &BinEntry) -> String {
    if entry.title.trim().is_empty() { entry.media_id.clone() } else { entry.title.clone() }
}

/// The frame of `entry` at source time `at`, filling `size` (a picture scaled to fit).
fn picture_plan(entry: &BinEntry, at: Time, (width, height): (u32, u32)) -> Plan {
    let source = match entry.kind {
        MediaKind::Image => Source::Image { image_id: entry.media_id.clone() },
        _ => Source::Video { media_id: entry.media_id.clone(), at },
    };
    let picture = Picture {
        source,
        track: 0,
        clip: 0,
        x: 0.0,
        y: 0.0,
        w: Some(width as f32),
        h: Some(height as f32),
        fit: Fit::Contain,
        looks: Vec::new(),
        transition: None,
    };
    Plan { width, height, at, layers: vec![Layer::Picture(picture)] }
}

/// A project holding only the medium from its start, so that the program's playback plays it:
/// project time is source time.
fn playing_project(entry: &BinEntry, length: Option<Time>) -> Project {
    let mut track = Track::new(TrackKind::Video, String::new());
    track.clips.push(Clip {
        media_id: Some(entry.media_id.clone()),
        r#in: Some(Time::ZERO),
        out: Some(length.unwrap_or(UNKNOWN_PLAY_LENGTH)),
        timeline_in: Some(Time::ZERO),
        ..Default::default()
    });
    Project { tracks: vec![track], ..Project::default() }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn video(len: Option<i64>) -> BinEntry {
        BinEntry {
            media_id: "v".into(),
            title: "V".into(),
            duration: len.map(Time::from_secs),
            kind: MediaKind::Video,
            ..Default::default()
        }
    }

    #[test]
    fn marks_and_playhead_are_kept_per_medium_and_keys_act_on_them() {
        let fr = FrameRate::FPS_25;
        let mut v = SourceViewer::default();
        v.open(video(Some(10)));
        assert!(v.takes(Command::MarkIn) && !v.takes(Command::Split));
        v.set_playhead(fr, Time::from_secs(2));
        v.run(Command::MarkIn, fr, 0.0);
        for _ in 0..25 {
            v.run(Command::StepForward, fr, 0.0);
        }
        v.run(Command::MarkOut, fr, 0.0);
        let m = v.marks().unwrap();
        assert_eq!((m.mark_in, m.mark_out), (Some(Time::from_secs(2)), Some(Time::from_secs(3))));
        v.run(Command::End, fr, 0.0);
        assert_eq!(v.marks().unwrap().playhead, Time::from_secs(10) - fr.frame_start(1), "the last frame");
        v.set_playhead(fr, Time::from_secs(99));
        assert_eq!(v.marks().unwrap().playhead, Time::from_secs(10) - fr.frame_start(1), "never past it");
        // Another medium has marks of its own; coming back finds these again.
        v.open(BinEntry { media_id: "w".into(), ..video(Some(5)) });
        assert_eq!(v.marks(), Some(SourceMarks::default()));
        v.open(video(Some(10)));
        assert_eq!(v.marks().unwrap().mark_in, Some(Time::from_secs(2)));
        v.run(Command::ClearMarks, fr, 0.0);
        assert_eq!((v.marks().unwrap().mark_in, v.marks().unwrap().mark_out), (None, None));
        v.focused = false;
        assert!(!v.takes(Command::MarkIn), "without the keyboard the timeline gets the key");
    }

    #[test]
    fn playing_follows_the_clock_and_stops_at_the_end() {
        let fr = FrameRate::FPS_25;
        let ctx = egui::Context::default();
        let mut v = SourceViewer::default();
        v.open(video(Some(4)));
        v.run(Command::PlayPause, fr, 10.0);
        v.tick(&ctx, fr, 12.0);
        assert_eq!(v.marks().unwrap().playhead, Time::from_secs(2));
        v.run(Command::ShuttleForward, fr, 12.0);
        assert_eq!(v.speed, 2.0);
        v.tick(&ctx, fr, 20.0);
        assert_eq!((v.speed, v.marks().unwrap().playhead), (0.0, Time::from_secs(4) - fr.frame_start(1)));
        // Space at the end starts again from the beginning; J plays backwards to zero.
        v.run(Command::PlayPause, fr, 30.0);
        v.tick(&ctx, fr, 31.0);
        assert_eq!(v.marks().unwrap().playhead, Time::from_secs(1));
        v.run(Command::ShuttleBack, fr, 31.0);
        v.tick(&ctx, fr, 33.0);
        assert_eq!((v.speed, v.marks().unwrap().playhead), (0.0, Time::ZERO));
    }
}
