//! The Effects panel (a tab beside the media bin and the VOD library): every family of the
//! documented catalogue (`model::effects`), searchable in both languages at once. Transitions,
//! filters and VFX are dragged onto the timeline: a transition onto a cut, a filter or VFX
//! onto a video clip. Motions, word art and fonts are fields of a text, set in the inspector.

use crate::i18n::describe::family_name;
use crate::model::effects::{Entry, Family, search};
use crate::t;

/// What the panel shows, kept between frames.
pub struct EffectsPanel {
    pub family: Family,
    pub query: String,
}

impl Default for EffectsPanel {
    fn default() -> Self {
        EffectsPanel { family: Family::Transition, query: String::new() }
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
    egui::ScrollArea::vertical().id_salt("effects").show(ui, |ui| {
        for e in found {
            let id = egui::Id::unique(("effect", e.family, e.id));
            let r = if draggable {
                super::bin::media_item(ui, id, EffectDrop { family: e.family, id: e.id }, |ui| row(ui, e))
            } else {
                ui.scope(|ui| row(ui, e)).response
            };
            if !e.evidence.is_sure() {
                r.on_hover_text(t!("effects-unsure-tip"));
            }
        }
    });
}

/// One entry: its name, its SubType, its category, and a mark when the documents are unsure.
fn row(ui: &mut egui::Ui, e: &Entry) {
    let zh = crate::i18n::current() == crate::i18n::Lang::Zh;
    ui.horizontal(|ui| {
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
