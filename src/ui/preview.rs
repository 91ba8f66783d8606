//! The output frame at the playhead: the real picture, composed in the background by the same
//! compositor `vodcut still` uses, shown as one texture.
//!
//! Each UI frame only works out what should show (a lookup per track in the timeline's
//! indexes) and, when that changed, hands the plan to the renderer; the last picture stays
//! until a newer one arrives. Decoding, downloading and composing never run here.

mod manipulate;
mod sizes;
mod trim;

use super::timeline::TimelineState;
use crate::compose::{self, Plan};
use crate::core::Connection;
use crate::edit::document::Document;
use crate::media::playback::Playback;
use crate::media::render::{Rendered, Renderer};
use crate::media::{Footage, Options, describe_layer};
use crate::model::Time;
use egui::{Color32, FontId, Rect, Sense, Stroke, StrokeKind, Vec2};
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

/// What the preview needs to reach the footage.
#[derive(Clone, Debug)]
pub struct FootageSettings {
    pub connection: Option<Connection>,
    pub ffmpeg: Option<PathBuf>,
    pub cache_dir: Option<PathBuf>,
    pub memory_bytes: usize,
}

impl FootageSettings {
    fn key(&self) -> String {
        let c = self.connection.as_ref().map(|c| {
            format!(
                "{:?}|{}|{}|{}",
                c.choice,
                c.region,
                c.endpoint,
                c.session.as_ref().map_or("", |s| s.access_key_id.as_str())
            )
        });
        format!("{c:?}|{:?}|{:?}|{}", self.ffmpeg, self.cache_dir, self.memory_bytes)
    }
}

/// Source sizes by MediaId (None: asked, or unknown).
pub type SourceSizes = Arc<Mutex<HashMap<String, Option<(u32, u32)>>>>;

#[derive(Clone, Debug, PartialEq)]
struct Wanted {
    revision: u64,
    at: Time,
    /// While an edge is trimmed, the two frames shown instead.
    trim: Option<trim::Sides>,
    width: u32,
    size: (u32, u32),
    settings: String,
}

pub struct PreviewState {
    /// Where frames are cached on disk (None: memory only).
    pub cache_dir: Option<PathBuf>,
    /// The core's executor: the renderer, playback and filmstrips run on its runtime.
    executor: crate::core::Executor,
    renderer: Option<Renderer>,
    settings_key: String,
    texture: Option<egui::TextureHandle>,
    shown: Option<Rendered>,
    wanted: Option<Wanted>,
    /// Source sizes (for the default output size), filled in the background.
    sizes: SourceSizes,
    /// Bumped by the background each time a size arrives, so the output size is worked out
    /// again only when something it depends on changed.
    sizes_generation: Arc<std::sync::atomic::AtomicU64>,
    /// The output size as last worked out: for (document revision, sizes generation,
    /// settings, whether the footage service was there to ask for sizes). Working it out looks at every video clip: per frame, on a 100 000-clip
    /// project, that was a third of every frame's time.
    size_memo: Option<sizes::SizeMemo>,
    /// The media each track uses, for the output size.
    media_used: sizes::MediaUsed,
    /// The ffmpeg hint was closed.
    pub hint_closed: bool,
    /// Results shown (tests: the preview updates).
    pub shown_count: u64,
    /// Continuous playback (speed, document revision it plays).
    playback: Option<(Playback, f64, u64)>,
    /// The clips either side of an edge being trimmed.
    trim: trim::Neighbours,
    /// The time display under the picture (Go to timecode).
    pub time_entry: crate::ui::goto::TimeEntry,
    /// The program's picture has the keyboard (a press on it): the arrows move the selected
    /// layer.
    pub focused: bool,
    /// Where the picture was drawn in the last frame.
    frame: Option<Rect>,
    /// Image overlays' pixel sizes, as their pictures arrived.
    image_sizes: HashMap<String, (u32, u32)>,
    layers: manipulate::Layers,
    /// The layer picked last (a clip's Text effect is picked apart from its clip).
    picked: Option<crate::compose::Owner>,
    /// A layer was picked this frame (the editor shows the inspector).
    pub picked_now: bool,
    gesture: Option<manipulate::Gesture>,
    gestures: u64,
    /// The guides a drag holds to now (vertical lines' x, horizontal lines' y; output pixels).
    guides: (Vec<f32>, Vec<f32>),
    /// What a refused drag said (a locked track), for the status line.
    pub message: Option<String>,
}

/// Puts a composed frame in `texture` (made the first time, named `name`).
pub fn put_frame(ctx: &egui::Context, texture: &mut Option<egui::TextureHandle>, name: &str, img: &compose::Image) {
    // Composed frames are opaque (alpha 255 everywhere), so premultiplying changes nothing:
    // a plain copy, the cheapest work for the UI thread.
    let colour = egui::ColorImage::from_rgba_premultiplied([img.width as usize, img.height as usize], &img.rgba);
    match texture {
        Some(t) => t.set(colour, egui::TextureOptions::LINEAR),
        None => *texture = Some(ctx.load_texture(name, colour, egui::TextureOptions::LINEAR)),
    }
}

/// Frame rate of playback in the preview.
pub const PLAYBACK_FPS: f64 = 25.0;

impl PreviewState {
    pub fn new(cache_dir: Option<PathBuf>, executor: crate::core::Executor) -> Self {
        PreviewState {
            cache_dir,
            executor,
            renderer: None,
            settings_key: String::new(),
            texture: None,
            shown: None,
            wanted: None,
            sizes: Arc::default(),
            sizes_generation: Arc::default(),
            size_memo: None,
            media_used: Default::default(),
            hint_closed: false,
            shown_count: 0,
            playback: None,
            trim: Default::default(),
            time_entry: Default::default(),
            focused: false,
            frame: None,
            image_sizes: HashMap::new(),
            layers: Default::default(),
            picked: None,
            picked_now: false,
            gesture: None,
            gestures: 0,
            guides: Default::default(),
            message: None,
        }
    }

    /// The picture on screen: its time and whether it is exact.
    pub fn shown(&self) -> Option<(&Rendered, bool)> {
        self.shown.as_ref().map(|r| (r, r.exact))
    }

    pub fn footage(&self) -> Option<&Arc<Footage>> {
        self.renderer.as_ref()?.footage()
    }

    /// The output size the preview last worked with (None before the first frame).
    pub fn output_size_known(&self) -> Option<(u32, u32)> {
        self.size_memo.as_ref().map(sizes::SizeMemo::size)
    }

    /// Whether a render is running or waiting.
    pub fn busy(&self) -> bool {
        self.renderer.as_ref().is_some_and(Renderer::busy)
    }

    /// Whether frames come from a continuous decode now.
    pub fn is_streaming(&self) -> bool {
        self.playback.is_some()
    }

    /// Playback frames composed and dropped for lateness, while playing.
    pub fn playback_stats(&self) -> Option<(u64, u64)> {
        self.playback.as_ref().and_then(|(p, _, _)| p.stats.lock().ok().map(|s| *s))
    }

    /// The runtime background picture work runs on (the timeline's filmstrips use it too).
    pub fn runtime(&self) -> Option<tokio::runtime::Handle> {
        self.renderer.as_ref().map(|r| r.runtime().clone())
    }

    fn show(&mut self, ctx: &egui::Context, r: Rendered) {
        put_frame(ctx, &mut self.texture, "preview-frame", &r.image);
        for (id, size) in &r.image_sizes {
            if self.image_sizes.get(id) != Some(size) {
                self.image_sizes.insert(id.clone(), *size);
                // The boxes that follow an image's size are worked out again.
                self.layers = Default::default();
            }
        }
        self.shown = Some(r);
        self.shown_count += 1;
    }

    /// Plays forward from a continuous decode while `speed` > 0 and ffmpeg is there; true
    /// when it did (the renderer is not asked then).
    fn play(&mut self, ctx: &egui::Context, doc: &Document, speed: f64, size: (u32, u32), width: u32) -> bool {
        let footage = self.footage().filter(|f| f.has_ffmpeg()).cloned();
        let (Some(footage), Some(rt), true) = (footage, self.runtime(), speed > 0.0) else {
            self.playback = None;
            return false;
        };
        let at = doc.project().playhead;
        let stale = self.playback.as_ref().is_none_or(|(_, s, rev)| *s != speed || *rev != doc.revision());
        if stale {
            let c = ctx.clone();
            let project = Arc::new(doc.project().clone());
            let pb = Playback::start(footage, rt, project, size, at, PLAYBACK_FPS, speed, width, move || {
                c.request_repaint()
            });
            self.playback = Some((pb, speed, doc.revision()));
        }
        let Some((pb, _, _)) = self.playback.as_mut() else { return false };
        pb.set_clock(at);
        if let Some(f) = pb.frame_for(at) {
            av_log("picture", f.at); // i18n-exempt: a word in a log for a script
            self.show(ctx, Rendered::from(f));
        }
        // Asked again after playback stops.
        self.wanted = None;
        true
    }

    /// Asks for the picture wanted now when it changed, or takes it from playback; shows what
    /// arrived. Never waits for either.
    #[allow(clippy::too_many_arguments)]
    fn update_picture(
        &mut self,
        ctx: &egui::Context,
        doc: &Document,
        timeline: &TimelineState,
        sides: Option<trim::Sides>,
        (w, h): (u32, u32),
        px_w: u32,
        speed: f64,
    ) {
        let at = doc.project().playhead;
        let wanted = Wanted {
            revision: doc.revision(),
            at,
            trim: sides,
            width: px_w,
            size: (w, h),
            settings: self.settings_key.clone(),
        };
        let streaming = self.play(ctx, doc, speed, (w, h), px_w);
        if !streaming
            && self.wanted.as_ref() != Some(&wanted)
            && let Some(r) = self.renderer.as_mut()
        {
            let p = match &sides {
                Some(s) => trim::plan(doc, s, (w, h)),
                None => plan(doc, timeline, at, (w, h)),
            };
            let labels = (0..p.layers.len()).map(|i| describe_layer(doc.project(), &p, i)).collect();
            r.request(p, px_w, labels);
            self.wanted = Some(wanted);
        }
        if let Some(r) = self.renderer.as_mut().and_then(Renderer::poll)
            && !streaming
        {
            self.show(ctx, r);
        }
    }

    pub fn renders(&self) -> u64 {
        self.renderer.as_ref().map_or(0, Renderer::renders)
    }

    /// Makes the renderer (and its footage service) for these settings, or again when they
    /// changed. The source viewer shares its footage.
    pub fn ensure_renderer(&mut self, ctx: &egui::Context, settings: &FootageSettings) {
        // The language is part of the key: why a picture is missing is said when the renderer
        // is made, so a language switch makes a new one (frames on disk stay cached).
        let key = format!("{}|{}", settings.key(), crate::i18n::current().code());
        if self.renderer.is_some() && self.settings_key == key {
            return;
        }
        let Ok(rt) = self.executor.handle() else { return };
        self.settings_key = key;
        self.wanted = None;
        let s = settings.clone();
        let ctx = ctx.clone();
        self.renderer = Some(Renderer::new(
            move || {
                let client = match &s.connection {
                    Some(c) => c.client().map_err(|e| e.to_string()),
                    None => Err(crate::t!("timeline-preview-not-set-up")),
                };
                let options = Options {
                    ffmpeg: s.ffmpeg,
                    cache_dir: s.cache_dir,
                    memory_bytes: s.memory_bytes,
                    ..Options::default()
                };
                Footage::new(client, options)
            },
            &rt,
            move || ctx.request_repaint(),
        ));
    }
}

/// `VODCUT_AV_LOG=FILE`: each picture playback shows is logged as "picture <unix time> <its
/// timeline time>", and the playhead the sound's clock gives each frame as "clock <unix time>
/// <playhead>", so scripts/e2e-sound.sh can measure both against the sound it records from the
/// sound server (diagnostics; off unless the variable is set).
pub fn av_log(what: &str, at: crate::model::Time) {
    use std::io::Write;
    if let Some(Some(Ok(mut f))) = AV_LOG.get().map(|l| l.as_ref().map(Mutex::lock)) {
        let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default();
        // i18n-exempt: a log line for a script
        let _ = writeln!(f, "{what} {:.6} {:.4}", now.as_secs_f64(), at.as_secs_f64());
    }
}

static AV_LOG: std::sync::OnceLock<Option<Mutex<std::fs::File>>> = std::sync::OnceLock::new();

/// Opens the file [`av_log`] appends to (the environment's `VODCUT_AV_LOG`), once per process.
pub fn open_av_log(path: Option<&std::path::Path>) {
    AV_LOG.get_or_init(|| {
        let path = path?;
        std::fs::OpenOptions::new().create(true).append(true).open(path).ok().map(Mutex::new)
    });
}

fn plan(doc: &Document, timeline: &TimelineState, at: Time, size: (u32, u32)) -> Plan {
    let indexes = timeline.indexes();
    compose::plan_at(doc.project(), at, size, &|ti| {
        indexes.get(ti).map(|ix| ix.in_range(at, at + Time(1)).map(|(s, _, ci)| (s, ci)).collect()).unwrap_or_default()
    })
}

/// Draws the preview into the available space, and under it the time display (what it asks
/// for is returned: the editor moves the playhead).
/// `speed`: playback speed (0 stopped, 1 real time, negative backwards).
pub fn preview_ui(
    ui: &mut egui::Ui,
    doc: &mut Document,
    timeline: &mut TimelineState,
    state: &mut PreviewState,
    settings: &FootageSettings,
    speed: f64,
) -> crate::ui::goto::Outcome {
    timeline.ensure_indexes(doc);
    let ctx = ui.ctx().clone();
    state.ensure_renderer(&ctx, settings);
    let (w, h) = state.output_size(doc);
    // While an edge is trimmed: the outgoing and incoming frames side by side, one picture
    // twice as wide.
    let sides = state.trim.sides(doc, timeline);
    let fw = if sides.is_some() { w * 2 } else { w };
    let avail = ui.available_rect_before_wrap().shrink(12.0);
    let reserve = 40.0; // the time display and a line of reasons under the frame
    let room = Rect::from_min_max(avail.min, egui::pos2(avail.max.x, (avail.max.y - reserve).max(avail.min.y + 10.0)));
    let scale = (room.width() / fw as f32).min(room.height() / h as f32).max(0.001);
    let frame = Rect::from_center_size(room.center(), Vec2::new(fw as f32 * scale, h as f32 * scale));
    let at = doc.project().playhead;
    // Physical pixels of the frame on screen, never more than the output has.
    let px_w = ((frame.width() * ctx.pixels_per_point()).round() as u32).clamp(16, fw.max(16));
    let speed = if sides.is_some() { 0.0 } else { speed };
    state.update_picture(&ctx, doc, timeline, sides, (w, h), px_w, speed);

    let painter = ui.painter_at(avail.expand(12.0));
    painter.rect_filled(frame, 0.0, Color32::BLACK);
    if let Some(t) = &state.texture {
        painter.image(t.id(), frame, Rect::from_min_max(egui::pos2(0.0, 0.0), egui::pos2(1.0, 1.0)), Color32::WHITE);
    }
    painter.rect_stroke(frame, 0.0, Stroke::new(1.0, Color32::from_gray(90)), StrokeKind::Outside);
    let clock = crate::i18n::Clock::of(doc.project().frame_rate);
    if let Some(s) = &sides {
        trim::labels(&painter, frame, s, clock);
    }
    let response = ui.interact(frame, ui.scope_id().with("preview-frame"), Sense::click_and_drag());
    let shown_at = state.shown.as_ref().map(|r| r.at);
    let label = match &sides {
        Some(s) => crate::t!(
            "preview-trim-label",
            outgoing = s.outgoing.map_or_else(|| "–".to_owned(), |o| clock.time(o.at)),
            incoming = s.incoming.map_or_else(|| "–".to_owned(), |i| clock.time(i.at))
        ),
        None => crate::t!(
            "timeline-preview-label",
            width = w.to_string(),
            height = h.to_string(),
            time = clock.time(shown_at.unwrap_or(at))
        ),
    };
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, &label));
    let (width, height) = (w.to_string(), h.to_string());
    let caption = if state.busy() {
        crate::t!("timeline-preview-caption-loading", width = width, height = height)
    } else {
        crate::t!("timeline-preview-caption", width = width, height = height)
    };
    // The time display, then the output's size: the playhead's place under the picture.
    let row = Rect::from_min_size(frame.left_bottom() + Vec2::new(0.0, 2.0), Vec2::new(frame.width().max(320.0), 20.0));
    let outcome = ui
        .scope_builder(egui::UiBuilder::new().max_rect(row), |ui| {
            ui.horizontal(|ui| {
                let out = state.time_entry.ui(ui, clock, at, doc.project().playhead);
                ui.label(egui::RichText::new(caption).monospace().small().color(Color32::from_gray(150)));
                out
            })
            .inner
        })
        .inner;
    notes_ui(ui, state, &painter, frame);
    let still = sides.is_none() && speed == 0.0;
    manipulate::manipulate(ui, doc, timeline, state, (frame, (w, h)), &response, still);
    ui.advance_cursor_after_rect(avail);
    outcome
}

/// Under the picture's caption: why layers have no picture, and the ffmpeg hint.
fn notes_ui(ui: &mut egui::Ui, state: &mut PreviewState, painter: &egui::Painter, frame: Rect) {
    let mut line = frame.left_bottom().y + 24.0;
    if let Some(r) = &state.shown
        && !r.problems.is_empty()
    {
        let text = crate::t!("timeline-preview-no-picture", what = r.problems.join("; "));
        let warn = ui.visuals().warn_fg_color;
        // Two lines at most (the space under the frame is that), the rest on hover: a
        // credentials error lists every place it looked and would run off the panel.
        let mut job =
            egui::text::LayoutJob::simple(text.clone(), FontId::proportional(11.0), warn, frame.width().max(200.0));
        job.wrap.max_rows = 2;
        job.wrap.overflow_character = Some('…');
        let g = painter.layout_job(job);
        let at = egui::pos2(frame.left(), line);
        let rect = Rect::from_min_size(at, g.size());
        painter.galley(at, g, warn);
        ui.interact(rect, ui.scope_id().with("preview-problems"), egui::Sense::hover()).on_hover_text(text);
        line += rect.height() + 2.0;
    }
    let no_ffmpeg = state.footage().is_some_and(|f| !f.has_ffmpeg());
    if no_ffmpeg && !state.hint_closed {
        let hint_rect = Rect::from_min_size(egui::pos2(frame.left(), line), Vec2::new(frame.width().max(260.0), 16.0));
        ui.scope_builder(egui::UiBuilder::new().max_rect(hint_rect), |ui| {
            ui.horizontal(|ui| {
                ui.label(egui::RichText::new(crate::t!("timeline-preview-ffmpeg-hint")).small().weak())
                    .on_hover_text(crate::media::decode::install_hint());
                if ui.small_button("×").on_hover_text(crate::t!("timeline-preview-hide-hint")).clicked() {
                    state.hint_closed = true;
                }
            });
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::export::import_timeline_str;

    fn doc() -> Document {
        let p = import_timeline_str(r#"{"VideoTracks":[{"VideoTrackClips":[{"MediaId":"m","Out":2}]}]}"#).unwrap();
        Document::new(p, None, false)
    }

    /// The output size is kept between frames, but a source size arriving and an edit (and
    /// its undo) each make it worked out again.
    #[test]
    fn the_kept_output_size_follows_arriving_sizes_and_edits() {
        let mut state = PreviewState::new(None, crate::core::Executor::new());
        let mut d = doc();
        assert_eq!(state.output_size(&d), crate::compose::layout::FALLBACK_SIZE);
        sizes::note_size(&state.sizes, &state.sizes_generation, "m".into(), Some((1080, 1920)));
        assert_eq!(state.output_size(&d), (1080, 1920), "a size that arrived is used");
        d.set_fields("size", "size", |f| (f.produce_config.width, f.produce_config.height) = (Some(640), Some(360)));
        assert_eq!(state.output_size(&d), (640, 360), "an edit is seen");
        d.undo();
        assert_eq!(state.output_size(&d), (1080, 1920), "and its undo");
        // The media a track uses are kept per track: a clip given another medium, and the
        // track hidden, are each seen.
        sizes::note_size(&state.sizes, &state.sizes_generation, "n".into(), Some((640, 480)));
        let mut clip = d.project().tracks[0].clips[0].clone();
        clip.media_id = Some("n".into());
        d.set_clip(crate::edit::ops::ClipRef { track: 0, index: 0 }, "media", clip).unwrap();
        assert_eq!(state.output_size(&d), (640, 480), "the new medium's size");
        let name = d.project().tracks[0].name.clone();
        assert!(d.apply("hide", crate::edit::Edit::SetTrackProps { track: 0, name, locked: false, hidden: true }));
        assert_eq!(state.output_size(&d), crate::compose::layout::FALLBACK_SIZE, "no visible video");
    }
}
