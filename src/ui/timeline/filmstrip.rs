//! Pictures on the clips: thumbnails along video clips, spaced for the zoom, a waveform on
//! audio clips and on video clips with sound, and media titles for clips whose title the bin
//! does not know.
//!
//! Only clips being drawn ask for anything; what is missing is fetched in the background
//! (the newest wishes first, a few at a time) and drawn when it arrives. Waveforms have a
//! fetch slot of their own: thumbnails of a busy timeline never keep them waiting.

use super::ROW_H;
use crate::compose::Image;
use crate::media::{Footage, grid_frame};
use crate::model::project::{Placement, TrackKind};
use crate::model::wire::Clip;
use crate::model::{Project, Time};
use egui::{Color32, Painter, Pos2, Rect};
use std::collections::{HashMap, HashSet, VecDeque};
use std::sync::atomic::AtomicBool;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Mutex};

/// Thumbnail textures kept (least recently drawn go first).
const MAX_THUMBS: usize = 600;
/// Thumbnail fetches running at once.
const PARALLEL: usize = 2;
/// Waveform and title fetches running at once (besides the thumbnails).
const PARALLEL_SOUND: usize = 1;

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum Want {
    Thumb(String, i64),
    Peaks(String),
    Title(String),
}

enum Got {
    Thumb(String, i64, Option<Image>),
    Peaks(String, Result<Arc<Vec<u8>>, String>),
    Titles(Vec<(String, String)>),
}

#[derive(Default)]
struct Queue {
    /// Newest wishes at the back.
    wants: VecDeque<Want>,
    running: usize,
    running_sound: usize,
}

impl Want {
    fn is_thumb(&self) -> bool {
        matches!(self, Want::Thumb(..))
    }
}

pub struct Strips {
    footage: Option<Arc<Footage>>,
    rt: Option<tokio::runtime::Handle>,
    thumbs: HashMap<(String, i64), (egui::TextureHandle, u64)>,
    peaks: HashMap<String, Arc<Vec<u8>>>,
    /// Why a medium's sound could not be read (shown on hover).
    sound_problems: HashMap<String, String>,
    titles: HashMap<String, String>,
    /// Media whose title was asked for (once per session).
    titles_asked: HashSet<String>,
    /// Asked for and not yet answered (or failed: not asked again this session).
    asked: HashSet<Want>,
    queue: Arc<Mutex<Queue>>,
    tx: Sender<Got>,
    rx: Receiver<Got>,
    frame: u64,
    /// Title lookups gathered this frame (sent 20 at a time).
    title_batch: Vec<String>,
    pub enabled: bool,
}

impl Default for Strips {
    fn default() -> Self {
        let (tx, rx) = channel();
        Strips {
            footage: None,
            rt: None,
            thumbs: HashMap::new(),
            peaks: HashMap::new(),
            sound_problems: HashMap::new(),
            titles: HashMap::new(),
            titles_asked: HashSet::new(),
            asked: HashSet::new(),
            queue: Arc::default(),
            tx,
            rx,
            frame: 0,
            title_batch: Vec::new(),
            enabled: true,
        }
    }
}

/// Thumbnail width on screen for a row of the timeline (16:9 in the clip's height).
pub fn thumb_width() -> f32 {
    (ROW_H - 4.0) * 16.0 / 9.0
}

impl Strips {
    /// Where pictures come from (the preview's footage service and runtime).
    pub fn set_source(&mut self, footage: Option<&Arc<Footage>>, rt: Option<tokio::runtime::Handle>) {
        if !crate::media::same_service(self.footage.as_ref(), footage) {
            self.footage = footage.cloned();
            self.asked.clear();
            self.titles_asked.clear();
            if let Ok(mut q) = self.queue.lock() {
                q.wants.clear();
            }
        }
        self.rt = rt;
    }

    /// Starts a frame: takes what arrived, turns it into textures.
    pub fn begin_frame(&mut self, ctx: &egui::Context) {
        self.frame += 1;
        for got in self.rx.try_iter().collect::<Vec<_>>() {
            match got {
                Got::Thumb(id, f, Some(img)) => {
                    let colour =
                        // Decoded frames are opaque: no premultiplying needed.
                        egui::ColorImage::from_rgba_premultiplied([img.width as usize, img.height as usize], &img.rgba);
                    let tex = ctx.load_texture(format!("thumb-{id}-{f}"), colour, egui::TextureOptions::LINEAR);
                    self.asked.remove(&Want::Thumb(id.clone(), f));
                    self.thumbs.insert((id, f), (tex, self.frame));
                }
                Got::Thumb(..) => {}
                Got::Peaks(id, Ok(p)) if p.is_empty() => {
                    self.sound_problems.insert(id, crate::t!("timeline-no-sound-in-media"));
                }
                Got::Peaks(id, Ok(p)) => {
                    self.peaks.insert(id, p);
                }
                Got::Peaks(id, Err(why)) => {
                    self.sound_problems.insert(id, why);
                }
                Got::Titles(found) => self.titles.extend(found),
            }
        }
        if self.thumbs.len() > MAX_THUMBS {
            let mut by_age: Vec<_> = self.thumbs.iter().map(|(k, (_, used))| (*used, k.clone())).collect();
            by_age.sort();
            for (_, k) in by_age.into_iter().take(self.thumbs.len() - MAX_THUMBS * 9 / 10) {
                self.thumbs.remove(&k);
            }
        }
        // Wishes from earlier frames that were not renewed are for clips no longer in view.
        if let Ok(mut q) = self.queue.lock() {
            let keep = q.wants.len().min(64);
            let drop = q.wants.len() - keep;
            for w in q.wants.drain(..drop) {
                self.asked.remove(&w);
            }
        }
    }

    /// Ends a frame: asks for the titles gathered, starts fetches.
    pub fn end_frame(&mut self) {
        if !self.title_batch.is_empty() {
            let ids = std::mem::take(&mut self.title_batch);
            for chunk in ids.chunks(20) {
                self.push(Want::Title(chunk.join(",")));
            }
        }
        self.pump();
    }

    fn push(&mut self, w: Want) {
        if self.footage.is_none() || !self.asked.insert(w.clone()) {
            return;
        }
        if let Ok(mut q) = self.queue.lock() {
            q.wants.push_back(w);
        }
    }

    fn pump(&self) {
        let (Some(f), Some(rt)) = (self.footage.clone(), self.rt.clone()) else { return };
        let mut q = match self.queue.lock() {
            Ok(q) => q,
            Err(_) => return,
        };
        loop {
            // The newest wish whose lane has room: thumbnails, or sound and titles.
            let (thumbs, sound) = (q.running < PARALLEL, q.running_sound < PARALLEL_SOUND);
            let Some(i) = q.wants.iter().rposition(|w| if w.is_thumb() { thumbs } else { sound }) else { break };
            let Some(w) = q.wants.remove(i) else { break };
            let thumb = w.is_thumb();
            if thumb {
                q.running += 1;
            } else {
                q.running_sound += 1;
            }
            let (f, tx, queue) = (f.clone(), self.tx.clone(), self.queue.clone());
            rt.spawn(async move {
                let never = Arc::new(AtomicBool::new(false));
                let got = match w {
                    Want::Thumb(id, frame) => {
                        let at = Time::from_secs_f64(frame as f64 / crate::media::GRID_FPS).unwrap_or(Time::ZERO);
                        let w = (thumb_width() * 2.0) as u32;
                        let img = f.video_frame(&id, at, w, &never).await.ok().map(|(i, _)| i);
                        Got::Thumb(id, frame, img)
                    }
                    Want::Peaks(id) => Got::Peaks(id.clone(), f.peaks(&id, &never).await.map_err(|e| e.to_string())),
                    Want::Title(ids) => {
                        let ids: Vec<String> = ids.split(',').map(str::to_owned).collect();
                        // Not found or failed: the ID stays (asked once per session).
                        Got::Titles(f.titles(&ids).await.unwrap_or_default())
                    }
                };
                let _ = tx.send(got);
                if let Ok(mut q) = queue.lock() {
                    if thumb {
                        q.running -= 1;
                    } else {
                        q.running_sound -= 1;
                    }
                }
            });
        }
    }

    /// The title to show for `clip`: the bin's, else the one VOD gave, else its ID (and the
    /// title is asked for).
    pub fn title(&mut self, project: &Project, clip: &Clip) -> String {
        let shown = super::clip_title(project, clip);
        let Some(id) = clip.media_id.as_deref().filter(|id| shown == *id) else { return shown };
        if let Some(t) = self.titles.get(id).filter(|t| !t.is_empty()) {
            return t.clone();
        }
        if self.footage.is_some() && self.titles_asked.insert(id.to_owned()) {
            self.title_batch.push(id.to_owned());
        }
        shown
    }

    /// Draws thumbnails or a waveform into clip `rect` (only its part inside `view`).
    #[allow(clippy::too_many_arguments)]
    pub fn paint(
        &mut self,
        painter: &Painter,
        project: &Project,
        track: usize,
        clip: &Clip,
        title: &str,
        p: Placement,
        rect: Rect,
        view: Rect,
        px_per_sec: f32,
    ) {
        if !self.enabled || self.footage.is_none() || px_per_sec <= 0.0 {
            return;
        }
        let Some(kind) = project.tracks.get(track).map(|t| t.kind) else { return };
        let Some(id) = clip.media_id.clone() else { return };
        let visible = rect.intersect(view);
        if visible.width() < 2.0 || clip.r#type.as_deref() == Some("Image") {
            return;
        }
        let source_in = clip.r#in.unwrap_or(Time::ZERO);
        let gains = crate::sound::mix::clip_gains(clip, p);
        let wave = |strips: &mut Self, band: Rect, colour: Color32| -> bool {
            let Some(peaks) = strips.peaks.get(&id).cloned() else {
                if !strips.sound_problems.contains_key(&id) {
                    strips.push(Want::Peaks(id.clone()));
                }
                return false;
            };
            let w = super::waveform::Wave {
                peaks: &peaks,
                clip: rect,
                band,
                visible,
                px_per_sec,
                source_in,
                gains: &gains,
                colour,
            };
            super::waveform::paint(painter, &w);
            true
        };
        // The picture band, above the clip's info line, which stays readable.
        let band =
            Rect::from_min_max(Pos2::new(rect.left(), rect.top() + 2.0), Pos2::new(rect.right(), rect.bottom() - 15.0));
        let drew = match kind {
            TrackKind::Video => {
                let thumbs = self.paint_thumbs(painter, &id, source_in, p, rect, band, visible, view, px_per_sec);
                // The sound under the pictures, in the band's lower half.
                let low = Rect::from_min_max(Pos2::new(band.left(), band.center().y), band.max);
                let sound = !clip.is_text() && wave(self, low, super::waveform::ON_VIDEO);
                thumbs || sound
            }
            // The whole height: a row is too short to leave room for the words.
            TrackKind::Audio => wave(self, rect.shrink2(egui::vec2(1.0, 2.0)), super::waveform::ON_AUDIO),
            _ => false,
        };
        if drew {
            // The title again, on a dark plate over the pictures or the sound.
            // Same font and place as the clip's own title, which the plate covers.
            let font = egui::FontId::proportional(13.0);
            let at = Pos2::new(visible.left() + 5.0, rect.top() + 4.0);
            let g = painter.layout_no_wrap(title.to_owned(), font, Color32::WHITE);
            let plate = Rect::from_min_size(at, g.size()).expand(2.0).intersect(band);
            let p = painter.with_clip_rect(band.intersect(view).intersect(painter.clip_rect()));
            p.rect_filled(plate, 2.0, Color32::from_black_alpha(170));
            p.galley(at, g, Color32::WHITE);
        }
    }

    /// Thumbnails along a video clip; true when any was drawn.
    #[allow(clippy::too_many_arguments)]
    fn paint_thumbs(
        &mut self,
        painter: &Painter,
        id: &str,
        source_in: Time,
        p: Placement,
        rect: Rect,
        band: Rect,
        visible: Rect,
        view: Rect,
        px_per_sec: f32,
    ) -> bool {
        let tw = thumb_width();
        let band_painter = painter.with_clip_rect(band.intersect(view).intersect(painter.clip_rect()));
        let mut drew = false;
        let first = (((visible.left() - rect.left()) / tw).floor().max(0.0)) as i64;
        let last = ((visible.right() - rect.left()) / tw).ceil() as i64;
        for k in first..last.min(first + 200) {
            let x = rect.left() + k as f32 * tw;
            let offset = Time::from_secs_f64(f64::from(k as f32 * tw / px_per_sec)).unwrap_or(Time::ZERO);
            if p.start + offset >= p.end {
                break;
            }
            let frame = grid_frame(source_in + offset);
            let r = Rect::from_min_size(Pos2::new(x, band.top()), egui::vec2(tw, band.height()));
            match self.thumbs.get_mut(&(id.to_owned(), frame)) {
                Some((tex, used)) => {
                    *used = self.frame;
                    let uv = Rect::from_min_max(Pos2::ZERO, Pos2::new(1.0, 1.0));
                    band_painter.image(tex.id(), r, uv, Color32::WHITE);
                    drew = true;
                }
                None => self.push(Want::Thumb(id.to_owned(), frame)),
            }
        }
        drew
    }

    /// Why the sound of medium `id` cannot be shown, when it could not be read.
    pub fn sound_problem(&self, id: &str) -> Option<&str> {
        self.sound_problems.get(id).map(String::as_str)
    }

    /// Thumbnails and waveforms held (tests).
    pub fn counts(&self) -> (usize, usize) {
        (self.thumbs.len(), self.peaks.len())
    }

    /// Media whose pictures were asked for (tests: only visible clips load).
    pub fn asked_media(&self) -> HashSet<String> {
        let mut out: HashSet<String> = self.thumbs.keys().map(|(id, _)| id.clone()).collect();
        out.extend(self.peaks.keys().cloned());
        for w in &self.asked {
            if let Want::Thumb(id, _) | Want::Peaks(id) = w {
                out.insert(id.clone());
            }
        }
        out
    }
}
