//! DRAFT RENDER: the whole production rendered on this machine, small and free, before it is
//! produced (billed) by the service.
//!
//! Every frame is the compositor's picture (`compose/`, the same as the preview and `vodcut
//! still`), with the video layers read by one continuous decode per clip (not a seek per
//! frame), piped as raw RGBA to one ffmpeg that encodes H.264 and mixes the sound itself
//! (`audio.rs`). What the service does that the draft cannot imitate is drawn as labelled
//! placeholders (`placeholders.rs`). The file is written under a temporary name beside the
//! target and renamed at the end; on an error or a cancel it is removed.
//!
//! [`render`] runs on the caller's thread (the CLI); [`Job`] runs it on a thread of its own
//! with progress and cancel (the editor).

pub mod audio;
pub mod encode;
pub mod placeholders;
pub mod timing;
mod video;

use crate::compose::{self, Image, Source};
use crate::media::{Footage, describe_layer};
use crate::model::project::clip_length;
use crate::model::{FrameRate, Project, Time, TrackKind};
use crate::store::atomic::Staged;
use crate::store::output;
use placeholders::Placeholder;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use timing::Span;
use video::{Videos, fit};

/// What to do without ffmpeg.
pub fn install_hint() -> String {
    crate::t!("media-draft-install-hint")
}

/// How to render.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Settings {
    /// Frame height (never more than the output's).
    pub height: u32,
    pub rate: FrameRate,
    /// Output times to render (None: from the start / to the end).
    pub from: Option<Time>,
    pub to: Option<Time>,
    /// The sound alone (`render --audio-only`): the same mix, AAC in an MP4 (M4A) file.
    pub audio_only: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Settings { height: 360, rate: FrameRate::FPS_25, from: None, to: None, audio_only: false }
    }
}

/// How far a render is.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Progress {
    /// Frames done, of `frames`.
    pub frame: u64,
    pub frames: u64,
    pub rate: FrameRate,
    pub elapsed: Duration,
}

impl Progress {
    pub fn fraction(&self) -> f32 {
        (self.frame as f64 / self.frames.max(1) as f64) as f32
    }

    /// Seconds of draft made per second of work (2.0: twice as fast as real time).
    pub fn speed(&self) -> f64 {
        let e = self.elapsed.as_secs_f64();
        if e <= 0.0 { 0.0 } else { self.frame as f64 / self.rate.fps() / e }
    }

    /// Time left at the speed so far.
    pub fn eta(&self) -> Option<Duration> {
        if self.frame == 0 {
            return None;
        }
        let per = self.elapsed.as_secs_f64() / self.frame as f64;
        Some(Duration::from_secs_f64(per * self.frames.saturating_sub(self.frame) as f64))
    }
}

/// A finished draft.
#[derive(Clone, Debug)]
pub struct Report {
    pub output: PathBuf,
    pub size: (u32, u32),
    pub rate: FrameRate,
    pub span: Span,
    pub frames: u64,
    /// What the draft shows as labelled placeholders (listed once).
    pub placeholders: Vec<Placeholder>,
    /// Other things worth knowing (a medium without sound, a clip held on its last frame).
    pub notes: Vec<String>,
    pub elapsed: Duration,
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DraftError {
    /// ffmpeg cannot be run (the message says how to install it).
    #[error("{0}")]
    NoFfmpeg(String),
    /// The project or the settings (nothing to render, a bad range, an unusable target).
    #[error("{0}")]
    Input(String),
    /// A layer's picture or sound could not be had.
    #[error("{0}")]
    Media(String),
    #[error("{0}")]
    Encoder(String),
    #[error("{0}")]
    Write(String),
    #[error("{}", crate::t!("media-cancelled"))]
    Cancelled,
}

/// A path in a message.
fn shown(p: &Path) -> String {
    p.display().to_string()
}

/// Why the target cannot be written, as the draft's error (a refusal is about the input).
fn output_error(e: output::OutputError) -> DraftError {
    match e {
        output::OutputError::Write(_) => DraftError::Write(e.to_string()),
        _ => DraftError::Input(e.to_string()),
    }
}

/// What ffmpeg is told to write to, and the file it gets as its standard output. The draft's
/// temporary file was created by vodcut exclusively (a name no one could plant a link at);
/// ffmpeg writes to it through `/dev/stdout`, which reopens that very file (seekable, as
/// MP4's index needs), so ffmpeg never opens a path in the target's folder by name.
fn ffmpeg_output(staged: &mut Staged) -> Result<(PathBuf, Option<std::fs::File>), DraftError> {
    #[cfg(unix)]
    {
        let file = staged.file().try_clone().map_err(|e| {
            DraftError::Write(crate::t!("media-write-failed", path = shown(staged.target()), error = e.to_string()))
        })?;
        Ok((PathBuf::from("/dev/stdout"), Some(file)))
    }
    #[cfg(not(unix))]
    Ok((staged.temp_path().to_owned(), None))
}

/// Lengths of clips the project cannot give (no Out, no known media length), asked of VOD
/// (the draft and "Compare with draft" lay the clips out alike).
pub async fn media_lengths(project: &Project, footage: &Footage) -> (HashMap<String, Time>, Vec<String>) {
    let known = project.media_durations();
    let mut wanted: Vec<String> = Vec::new();
    // Overlays and subtitles without an end last to the output's end instead.
    for t in project.tracks.iter().filter(|t| !t.hidden && matches!(t.kind, TrackKind::Video | TrackKind::Audio)) {
        for c in &t.clips {
            let Some(id) = c.material_id() else { continue };
            if clip_length(c, known.get(id).copied()).is_none() && !wanted.iter().any(|w| w == id) {
                wanted.push(id.to_owned());
            }
        }
    }
    let mut out: HashMap<String, Time> = known.iter().map(|(k, v)| ((*k).to_owned(), *v)).collect();
    let mut notes = Vec::new();
    if !wanted.is_empty() {
        match footage.durations(&wanted).await {
            Ok(found) => {
                for (id, secs) in found {
                    if let Some(t) = Time::from_secs_f64(secs).filter(|t| *t > Time::ZERO) {
                        out.insert(id, t);
                    }
                }
            }
            Err(e) => notes.push(crate::t!("media-lengths-not-asked", error = e.to_string())),
        }
    }
    (out, notes)
}

/// Renders `project` to `target` (an MP4) as `settings` say. `progress` is called after every
/// frame; setting `cancel` stops the render soon after (no file is left then). Must not run
/// on a thread of `rt`.
pub fn render(
    footage: &Arc<Footage>,
    rt: &tokio::runtime::Handle,
    project: &Project,
    target: &Path,
    settings: &Settings,
    cancel: &AtomicBool,
    progress: &mut dyn FnMut(&Progress),
) -> Result<Report, DraftError> {
    let target = output::Target::new(target, output::Kind::Mp4);
    render_to(footage, rt, project, &target, settings, cancel, progress)
}

/// As [`render`], to a target that says what it may replace (the project it renders, a file
/// of another kind with `force`: see [`output`]).
pub fn render_to(
    footage: &Arc<Footage>,
    rt: &tokio::runtime::Handle,
    project: &Project,
    target: &output::Target,
    settings: &Settings,
    cancel: &AtomicBool,
    progress: &mut dyn FnMut(&Progress),
) -> Result<Report, DraftError> {
    // Ctrl+C also stops the decoders (they share the terminal's process group), which can
    // look like a failure a moment before the flag is seen: once cancelled, it is a cancel.
    render_inner(footage, rt, project, target, settings, cancel, progress)
        .map_err(|e| if cancel.load(Ordering::SeqCst) { DraftError::Cancelled } else { e })
}

fn render_inner(
    footage: &Arc<Footage>,
    rt: &tokio::runtime::Handle,
    project: &Project,
    target: &output::Target,
    settings: &Settings,
    cancel: &AtomicBool,
    progress: &mut dyn FnMut(&Progress),
) -> Result<Report, DraftError> {
    let started = Instant::now();
    let ff = footage.ffmpeg().map_err(|e| DraftError::NoFfmpeg(format!("{e}; {}", install_hint())))?.clone();
    let rate = settings.rate;
    if settings.height < 2 {
        return Err(DraftError::Input(crate::t!("media-height-too-small")));
    }
    // Every check on the target now, before any work; dropped unfinished, it leaves nothing.
    let mut staged = output::stage(target).map_err(output_error)?;

    let (lengths, mut notes) = rt.block_on(media_lengths(project, footage));
    let durations: HashMap<&str, Time> = lengths.iter().map(|(k, v)| (k.as_str(), *v)).collect();
    let mut placements = timing::placements(project, &durations);
    let end = timing::output_end(project, &placements);
    timing::extend_overlays(project, &mut placements, end);
    let span =
        timing::span(end, settings.from, settings.to, crate::i18n::Clock::of(rate)).map_err(DraftError::Input)?;
    let frames = timing::frame_count(span, rate);
    let length = rate.frame_start(frames as i64);

    let out_size = rt.block_on(footage.output_size(project));
    let (w, h) = timing::draft_size(out_size, settings.height);
    let zoom = w as f32 / out_size.0 as f32;
    let found = placeholders::find(project, &placements, end, out_size);

    // The sound: a URL per medium, and only media that have sound.
    let parts = audio::parts(project, &placements, Span { from: span.from, to: span.from + length });
    let mut urls: HashMap<String, Option<String>> = HashMap::new();
    let mut inputs = Vec::new();
    let mut heard = Vec::new();
    for p in parts {
        if cancel.load(Ordering::Relaxed) {
            return Err(DraftError::Cancelled);
        }
        let track = &project.tracks[p.track];
        let place = crate::t!(
            "media-place-clip-media",
            track = track.name.as_str(),
            n = p.clip + 1,
            media = p.media_id.as_str()
        );
        let at_place = |e: String| DraftError::Media(crate::t!("media-detail", what = place.as_str(), detail = e));
        if !urls.contains_key(&p.media_id) {
            let url = rt.block_on(footage.play_url(&p.media_id)).map_err(|e| at_place(e.to_string()))?;
            let sound = encode::has_audio(ff.path(), &url).map_err(at_place)?;
            urls.insert(p.media_id.clone(), sound.then_some(url));
        }
        match urls.get(&p.media_id).cloned().flatten() {
            Some(url) => {
                inputs.push(encode::AudioInput { url, from: p.source_in, length: p.length });
                heard.push(p);
            }
            None if track.kind == TrackKind::Audio => notes.push(crate::t!("media-no-sound", place = place.as_str())),
            None => {}
        }
    }
    let secret_urls: Vec<String> = urls.values().flatten().cloned().collect();
    let (written_to, file) = ffmpeg_output(&mut staged)?;
    if settings.audio_only {
        let graph = audio::filter_graph(&heard, 0, length);
        let args = encode::audio_args(&inputs, &graph, &written_to);
        let encoder = encode::Encoder::start(ff.path(), &args, secret_urls, file).map_err(DraftError::Encoder)?;
        let report = Report {
            output: target.path.clone(),
            size: (0, 0),
            rate,
            span: Span { from: span.from, to: span.from + length },
            frames: 0,
            placeholders: Vec::new(),
            notes,
            elapsed: started.elapsed(),
        };
        return finish(encoder, staged, &target.path, cancel, report);
    }
    let graph = audio::filter_graph(&heard, 1, length);
    let args = encode::args((w, h), rate, &inputs, &graph, &written_to);
    let mut encoder = encode::Encoder::start(ff.path(), &args, secret_urls, file).map_err(DraftError::Encoder)?;

    let mut videos = Videos { footage, rt, ff, rate, cancel, running: HashMap::new() };
    let mut images: HashMap<String, Image> = HashMap::new();
    for k in 0..frames {
        if cancel.load(Ordering::Relaxed) {
            return Err(DraftError::Cancelled);
        }
        let t = timing::frame_time(span, rate, k);
        let plan = compose::plan_at(project, t, out_size, &|ti| {
            placements
                .get(ti)
                .map(|p| {
                    p.iter()
                        .enumerate()
                        .filter(|(_, p)| p.start <= t && t < p.end)
                        .map(|(ci, p)| (p.start, ci))
                        .collect()
                })
                .unwrap_or_default()
        });
        let mut pictures = HashMap::new();
        let mut live = Vec::new();
        for (li, p) in plan.pictures() {
            let place = || describe_layer(project, &plan, li);
            let img = match &p.source {
                Source::Video { media_id, at } => {
                    live.push((p.track, p.clip));
                    let width = (p.w.unwrap_or(out_size.0 as f32) * zoom).ceil().max(16.0) as u32;
                    videos.frame((p.track, p.clip), media_id, *at, width, &place, &mut notes)?
                }
                Source::Image { image_id } => match images.get(image_id) {
                    Some(img) => img.clone(),
                    None => {
                        let img = rt.block_on(footage.image(image_id)).map_err(|e| {
                            DraftError::Media(crate::t!("media-detail", what = place(), detail = e.to_string()))
                        })?;
                        images.insert(image_id.clone(), img.clone());
                        img
                    }
                },
            };
            pictures.insert(li, img);
        }
        videos.running.retain(|key, _| live.contains(key));
        let mut canvas = fit(compose::compose(&plan, &pictures, Some(w)), w, h);
        let active: Vec<&Placeholder> = found.iter().filter(|p| p.active(t)).collect();
        placeholders::draw(&mut canvas, &active, zoom);
        encoder
            .write(canvas.into_image(), cancel)
            .map_err(|e| if cancel.load(Ordering::Relaxed) { DraftError::Cancelled } else { DraftError::Encoder(e) })?;
        progress(&Progress { frame: k + 1, frames, rate, elapsed: started.elapsed() });
    }
    drop(videos);
    let report = Report {
        output: target.path.clone(),
        size: (w, h),
        rate,
        span: Span { from: span.from, to: span.from + length },
        frames,
        placeholders: found,
        notes,
        elapsed: started.elapsed(),
    };
    finish(encoder, staged, &target.path, cancel, report)
}

/// Ends the encode and puts the file in place.
fn finish(
    encoder: encode::Encoder,
    staged: Staged,
    target: &Path,
    cancel: &AtomicBool,
    mut report: Report,
) -> Result<Report, DraftError> {
    encoder
        .finish(cancel)
        .map_err(|e| if cancel.load(Ordering::Relaxed) { DraftError::Cancelled } else { DraftError::Encoder(e) })?;
    if cancel.load(Ordering::Relaxed) {
        return Err(DraftError::Cancelled);
    }
    staged
        .commit()
        .map_err(|e| DraftError::Write(crate::t!("media-write-failed", path = shown(target), error = e.to_string())))?;
    report.notes.dedup();
    Ok(report)
}

/// Where a [`Job`] is.
#[derive(Clone, Debug)]
pub enum JobState {
    Running(Option<Progress>),
    Done(Result<Report, DraftError>),
}

/// A render on a thread of its own. Dropping it cancels the render (the thread then removes
/// its temporary file and ends by itself; nobody waits for it).
pub struct Job {
    cancel: Arc<AtomicBool>,
    state: Arc<Mutex<JobState>>,
    pub target: PathBuf,
}

impl Job {
    /// Starts rendering `project` to `target`; `wake` is called on progress and at the end.
    pub fn start(
        footage: Arc<Footage>,
        rt: tokio::runtime::Handle,
        project: Project,
        target: PathBuf,
        settings: Settings,
        wake: impl Fn() + Send + 'static,
    ) -> Job {
        let cancel = Arc::new(AtomicBool::new(false));
        let state = Arc::new(Mutex::new(JobState::Running(None)));
        let (c, s, t) = (cancel.clone(), state.clone(), target.clone());
        let spawned = std::thread::Builder::new().name("vodcut-draft".into()).spawn(move || {
            // The editor's default place (the cache's drafts folder) may not exist yet.
            if let Some(dir) = t.parent().filter(|d| !d.as_os_str().is_empty()) {
                let _ = std::fs::create_dir_all(dir);
            }
            let mut last = Instant::now() - Duration::from_secs(1);
            let result = render(&footage, &rt, &project, &t, &settings, &c, &mut |p| {
                // A few updates a second are plenty for a progress bar.
                if last.elapsed() >= Duration::from_millis(100) || p.frame == p.frames {
                    last = Instant::now();
                    if let Ok(mut st) = s.lock() {
                        *st = JobState::Running(Some(*p));
                    }
                    wake();
                }
            });
            if let Ok(mut st) = s.lock() {
                *st = JobState::Done(result);
            }
            wake();
        });
        if let Err(e) = spawned
            && let Ok(mut st) = state.lock()
        {
            *st =
                JobState::Done(Err(DraftError::Encoder(crate::t!("media-cannot-start-render", error = e.to_string()))));
        }
        Job { cancel, state, target }
    }

    pub fn state(&self) -> JobState {
        self.state.lock().map(|s| s.clone()).unwrap_or(JobState::Running(None))
    }

    pub fn is_running(&self) -> bool {
        matches!(self.state(), JobState::Running(_))
    }

    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::Relaxed);
    }
}

impl Drop for Job {
    fn drop(&mut self) {
        self.cancel();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn progress_speed_and_time_left() {
        let p = Progress { frame: 50, frames: 200, rate: FrameRate::FPS_25, elapsed: Duration::from_secs(1) };
        assert_eq!(p.fraction(), 0.25);
        assert_eq!(p.speed(), 2.0, "2 s of draft in 1 s");
        assert_eq!(p.eta(), Some(Duration::from_secs(3)));
        assert_eq!(Progress { frame: 0, ..p }.eta(), None);
    }

    #[test]
    fn frames_are_fitted_to_even_sizes() {
        let img = Image::filled(5, 3, [9, 9, 9, 255]);
        let c = fit(img, 6, 2);
        assert_eq!((c.width, c.height, c.rgba.len()), (6, 2, 48));
        assert_eq!(&c.rgba[16..20], &[9, 9, 9, 255]);
        assert_eq!(&c.rgba[20..24], &[0, 0, 0, 255], "the added column is black");
    }
}
