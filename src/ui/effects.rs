//! The Effects panel (a tab beside the media bin and the VOD library): every family of the
//! documented catalogue (`model::effects`), searchable in both languages at once. Transitions,
//! filters and VFX are dragged onto the timeline: a transition onto a cut, a filter or VFX
//! onto a video clip. Motions, word art and fonts are fields of a text, set in the inspector.
//!
//! Each transition, filter and VFX row shows a thumbnail: its look made by the compositor on
//! two generated pictures (`compose::sample`), on a thread of its own, only for the rows on
//! screen, once, kept in a bounded cache.

use crate::compose::looks::{Rendering, rendering};
use crate::i18n::describe::family_name;
use crate::model::effects::{Entry, Family, search};
use crate::t;
use std::collections::{HashMap, HashSet};
use std::sync::mpsc;

/// Thumbnail size in points (16:9).
pub const THUMB: egui::Vec2 = egui::vec2(64.0, 36.0);
/// Thumbnails kept at most (each at most 128x72 RGBA, 36 KB: 11 MB at worst); the least
/// recently shown goes first.
pub const THUMB_CACHE: usize = 300;

type Key = (Family, &'static str);
/// The panel's ends of the worker's channels: what to make (and how wide), what was made.
type Worker = (mpsc::Sender<(Key, u32)>, mpsc::Receiver<(Key, Option<crate::compose::Image>)>);

/// The thumbnails made so far, and the thread that makes them.
#[derive(Default)]
pub struct Thumbnails {
    textures: HashMap<Key, (egui::TextureHandle, u64)>,
    pending: HashSet<Key>,
    worker: Option<Worker>,
    frame: u64,
    /// Thumbnails made since the panel opened (tests: only visible rows are made).
    pub made: u64,
}

impl Thumbnails {
    pub fn len(&self) -> usize {
        self.textures.len()
    }

    pub fn is_empty(&self) -> bool {
        self.textures.is_empty()
    }

    pub fn has(&self, family: Family, id: &str) -> bool {
        self.textures.keys().any(|(f, i)| *f == family && *i == id)
    }

    /// Takes what the worker made (cheap: a texture upload each).
    fn receive(&mut self, ctx: &egui::Context) {
        self.frame += 1;
        let Some((_, rx)) = &self.worker else { return };
        let done: Vec<_> = rx.try_iter().collect();
        for (key, img) in done {
            self.pending.remove(&key);
            let Some(img) = img else { continue };
            let mut texture = None;
            super::preview::put_frame(ctx, &mut texture, &format!("effect-{}", key.1), &img);
            if let Some(t) = texture {
                self.made += 1;
                self.textures.insert(key, (t, self.frame));
            }
        }
        while self.textures.len() > THUMB_CACHE {
            let Some(oldest) = self.textures.iter().min_by_key(|(_, (_, used))| *used).map(|(k, _)| *k) else { break };
            self.textures.remove(&oldest);
        }
    }

    /// The thumbnail of `key`, asked of the worker the first time (None until it is made).
    fn get(&mut self, ctx: &egui::Context, key: Key) -> Option<egui::TextureHandle> {
        if let Some((t, used)) = self.textures.get_mut(&key) {
            *used = self.frame;
            return Some(t.clone());
        }
        if self.pending.contains(&key) {
            return None;
        }
        let scale = ctx.pixels_per_point().clamp(1.0, 2.0);
        let width = (THUMB.x * scale).round() as u32;
        let (tx, _) = self.worker.get_or_insert_with(|| start_worker(ctx.clone()));
        if tx.send((key, width)).is_ok() {
            self.pending.insert(key);
        }
        None
    }
}

/// The thread making thumbnails; it ends when the panel (the sender) is gone.
fn start_worker(ctx: egui::Context) -> Worker {
    let (req_tx, req_rx) = mpsc::channel::<(Key, u32)>();
    let (res_tx, res_rx) = mpsc::channel();
    let spawned = std::thread::Builder::new().name("vodcut-effect-thumbnails".into()).spawn(move || {
        while let Ok(((family, id), w)) = req_rx.recv() {
            let img = crate::compose::sample::thumbnail(family, id, w, w * 9 / 16);
            if res_tx.send(((family, id), img)).is_err() {
                return;
            }
            ctx.request_repaint();
        }
    });
    // Without a thread there are no thumbnails; the rows still work.
    drop(spawned);
    (req_tx, res_rx)
}

/// What the panel shows, kept between frames.
pub struct EffectsPanel {
    pub family: Family,
    pub query: String,
    pub thumbnails: Thumbnails,
}

impl Default for EffectsPanel {
    fn default() -> Self {
        EffectsPanel { family: Family::Transition, query: String::new(), thumbnails: Thumbnails::default() }
    }
}

/// An effect being dragged onto the timeline.
#[derive(Clone, Copy, Debug)]
pub struct EffectDrop {
    pub family: Family,
    pub id: &'static str,
}

impl EffectDrop {
    /// The name shown while dragging (the current language's, else the other's, else the
    /// SubType).
    pub fn name(&self) -> &'static str {
        self.family.find(self.id).map_or(self.id, |e| e.name(crate::i18n::current() == crate::i18n::Lang::Zh))
    }
}

pub fn effects_ui(ui: &mut egui::Ui, panel: &mut EffectsPanel) {
    ui.horizontal_wrapped(|ui| {
        for f in Family::ALL {
            if ui.selectable_label(panel.family == f, family_name(f)).clicked() {
                panel.family = f;
            }
        }
    });
    ui.add(
        egui::TextEdit::singleline(&mut panel.query).hint_text(t!("effects-search-hint")).desired_width(f32::INFINITY),
    );
    let found = search(panel.family, &panel.query);
    let draggable = panel.family.effect_type().is_some();
    ui.weak(if draggable {
        t!("effects-drag-hint", n = found.len())
    } else {
        t!("effects-inspector-hint", n = found.len())
    });
    let thumbs = panel.family.effect_type().is_some();
    let row_height = if thumbs { THUMB.y } else { ui.spacing().interact_size.y };
    panel.thumbnails.receive(ui.ctx());
    let thumbnails = &mut panel.thumbnails;
    // Only the rows on screen are built (and only they ask for thumbnails).
    egui::ScrollArea::vertical().id_salt("effects").show_rows(ui, row_height, found.len(), |ui, range| {
        for e in &found[range] {
            let id = egui::Id::unique(("effect", e.family, e.id));
            let thumb = if thumbs { Some(thumbnails.get(ui.ctx(), (e.family, e.id))) } else { None };
            let r = if draggable {
                super::bin::media_item(ui, id, EffectDrop { family: e.family, id: e.id }, |ui| {
                    row(ui, e, thumb.clone(), row_height)
                })
            } else {
                ui.scope(|ui| row(ui, e, thumb.clone(), row_height)).response
            };
            let mut tip = Vec::new();
            if thumbs {
                tip.push(match rendering(e.family, e.id) {
                    Rendering::Exact => t!("effects-exact-tip"),
                    Rendering::Approximate => t!("effects-approximate-tip"),
                    Rendering::Placeholder => t!("effects-placeholder-tip"),
                });
            }
            if !e.evidence.is_sure() {
                tip.push(t!("effects-unsure-tip"));
            }
            if !tip.is_empty() {
                r.on_hover_text(tip.join("\n"));
            }
        }
    });
}

/// One entry: its thumbnail (a blank of the same size while it is made), its name, its
/// SubType, its category, and a mark when the documents are unsure. Always `height` high.
fn row(ui: &mut egui::Ui, e: &Entry, thumb: Option<Option<egui::TextureHandle>>, height: f32) {
    let zh = crate::i18n::current() == crate::i18n::Lang::Zh;
    ui.horizontal(|ui| {
        ui.set_height(height);
        match thumb {
            Some(Some(t)) => {
                let alt = t!("effects-thumbnail", name = e.name(zh));
                ui.add(egui::Image::new(&t).fit_to_exact_size(THUMB).alt_text(alt));
            }
            Some(None) => {
                let (r, _) = ui.allocate_exact_size(THUMB, egui::Sense::hover());
                ui.painter().rect_filled(r, 2.0, ui.visuals().faint_bg_color);
            }
            None => {}
        }
        ui.label(e.name(zh));
        ui.weak(e.id);
        let category = e.category_name(zh);
        if !category.is_empty() {
            ui.weak(format!("· {category}"));
        }
        if !e.evidence.is_sure() {
            ui.weak("?");
        }
    });
}
