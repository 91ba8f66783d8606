//! The media bin: media gathered for this project, dragged onto tracks. Media can be added by
//! MediaId by hand (the library browser comes later).

use super::timeline::MediaDrop;
use crate::edit::Edit;
use crate::edit::document::Document;
use crate::model::Time;
use crate::model::project::{BinEntry, MediaKind};
use crate::t;

/// The "add media" form's fields, kept between frames.
#[derive(Default)]
pub struct AddForm {
    pub media_id: String,
    pub title: String,
    pub duration: String,
    pub kind: Option<MediaKind>,
    pub error: Option<String>,
    /// A bin entry that clips use, waiting for "Remove anyway".
    pub confirm_remove: Option<String>,
}

/// A bin or library row: dragged onto a track it places the medium; double-clicked (or Enter
/// while it has the keyboard) it opens in the source viewer. egui's `dnd_drag_source` senses
/// drags only, so this is the same with clicks too. The Effects panel's rows drag their own
/// payload ([`crate::ui::effects::EffectDrop`]) the same way.
pub fn media_item<P: std::any::Any + Send + Sync>(
    ui: &mut egui::Ui,
    id: egui::Id,
    payload: P,
    contents: impl FnOnce(&mut egui::Ui),
) -> egui::Response {
    if ui.ctx().is_being_dragged(id) {
        egui::DragAndDrop::set_payload(ui.ctx(), payload);
        // Drawn on a layer of its own that follows the pointer.
        let layer = egui::LayerId::new(egui::Order::Tooltip, id);
        let r = ui.scope_builder(egui::UiBuilder::new().layer_id(layer), contents).response;
        if let Some(p) = ui.ctx().pointer_interact_pos() {
            ui.ctx().transform_layer_shapes(layer, egui::emath::TSTransform::from_translation(p - r.rect.center()));
        }
        r
    } else {
        let r = ui.scope(contents).response;
        ui.interact(r.rect, id, egui::Sense::click_and_drag()).on_hover_cursor(egui::CursorIcon::Grab)
    }
}

/// Whether the user asked to open a row in the source viewer.
pub fn opened_by(ui: &egui::Ui, r: &egui::Response) -> bool {
    r.double_clicked() || (r.has_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)))
}

/// `states`: MediaId -> upload state word (`uploading 42 %`, `transcoding`, `ready`). Returns
/// the entry double-clicked to open in the source viewer.
pub fn bin_ui(
    ui: &mut egui::Ui,
    doc: &mut Document,
    form: &mut AddForm,
    states: &std::collections::HashMap<String, String>,
) -> Option<BinEntry> {
    ui.heading(t!("forms-bin-heading"));
    if doc.project().bin.is_empty() {
        ui.label(t!("forms-bin-empty"));
    }
    let mut remove = None;
    let mut open = None;
    for (i, e) in doc.project().bin.iter().enumerate() {
        let id = egui::Id::unique(("bin-entry", i, &e.media_id));
        let kind = crate::i18n::describe::media_kind(e.kind);
        // A still has no length of its own (it lasts as long as its clip is made to).
        let len = match (e.kind, e.duration) {
            (MediaKind::Image, _) => String::new(),
            (_, Some(d)) => format!("  ·  {}", crate::i18n::Clock::of(doc.project().frame_rate).length(d)),
            (_, None) => format!("  ·  {}", t!("forms-bin-length-unknown")),
        };
        let title = if e.title.is_empty() { e.media_id.clone() } else { e.title.clone() };
        let state = states.get(&e.media_id).map(|s| format!("  ·  {s}")).unwrap_or_default();
        let text = format!("☰ {title}  ·  {kind}{len}{state}");
        // The remove button at the right end first, then the row in what is left, cut to fit
        // (whole on hover): a long title must not widen the panel (the preview would jump).
        let row = egui::vec2(ui.available_width(), ui.spacing().interact_size.y);
        ui.allocate_ui_with_layout(row, egui::Layout::right_to_left(egui::Align::Center), |ui| {
            let r = ui.small_button("✖").on_hover_text(t!("forms-bin-remove-hint"));
            let label = t!("forms-bin-remove-entry", title = title.as_str());
            r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &label));
            if r.clicked() {
                remove = Some((i, false));
            }
            ui.with_layout(egui::Layout::left_to_right(egui::Align::Center), |ui| {
                let r = media_item(ui, id, MediaDrop::whole(e.clone(), String::new()), |ui| {
                    ui.add(egui::Label::new(&text).truncate());
                });
                if opened_by(ui, &r) {
                    open = Some(e.clone());
                }
                let label = t!("forms-bin-entry", title = title.as_str(), state = state.as_str());
                r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &label));
                r.on_hover_text(format!("{text}\n{}\n{}", e.media_id, t!("forms-bin-drag-hint")));
            });
        });
        if form.confirm_remove.as_deref() == Some(e.media_id.as_str()) {
            // Clips use it: its title and length would be lost to them, so ask first.
            let users = doc
                .project()
                .tracks
                .iter()
                .flat_map(|t| &t.clips)
                .filter(|c| c.material_id() == Some(&e.media_id))
                .count();
            ui.colored_label(ui.visuals().warn_fg_color, t!("forms-bin-in-use", n = users, title = title.as_str()));
            ui.horizontal(|ui| {
                if ui.button(t!("forms-bin-remove-anyway")).clicked() {
                    remove = Some((i, true));
                }
                if crate::ui::dialog::default_button(ui, &t!("forms-bin-keep")).clicked()
                    || crate::ui::dialog::escape(ui)
                {
                    form.confirm_remove = None;
                }
            });
        }
    }
    if let Some((i, confirmed)) = remove {
        let id = doc.project().bin[i].media_id.clone();
        let used = doc.project().tracks.iter().flat_map(|t| &t.clips).any(|c| c.material_id() == Some(id.as_str()));
        if used && !confirmed {
            form.confirm_remove = Some(id);
        } else {
            let mut bin = doc.project().bin.clone();
            bin.remove(i);
            doc.apply(&t!("forms-bin-undo-remove"), Edit::SetBin(bin));
            form.confirm_remove = None;
        }
    }
    ui.separator();
    egui::CollapsingHeader::new(t!("forms-bin-add-by-id")).default_open(doc.project().bin.is_empty()).show(ui, |ui| {
        let row = |ui: &mut egui::Ui, label: &str, text: &mut String, hint: &str| {
            ui.horizontal(|ui| {
                let l = ui.add_sized([70.0, 18.0], egui::Label::new(label));
                ui.add(egui::TextEdit::singleline(text).hint_text(hint).desired_width(150.0)).labelled_by(l.id);
            });
        };
        row(ui, "MediaId", &mut form.media_id, &t!("forms-bin-id-hint"));
        row(ui, &t!("forms-bin-media-title"), &mut form.title, &t!("forms-bin-optional"));
        row(ui, &t!("forms-bin-duration"), &mut form.duration, &t!("forms-bin-duration-hint"));
        ui.horizontal(|ui| {
            let kinds = [
                (MediaKind::Video, t!("forms-value-video")),
                (MediaKind::Audio, t!("forms-value-audio")),
                (MediaKind::Image, t!("forms-value-image")),
            ];
            for (k, name) in kinds {
                if ui.radio(form.kind.unwrap_or(MediaKind::Video) == k, name).clicked() {
                    form.kind = Some(k);
                }
            }
        });
        if ui.button(t!("forms-bin-add")).clicked() {
            let id = form.media_id.trim();
            let duration = if form.duration.trim().is_empty() {
                Ok(None)
            } else {
                Time::parse_secs(&form.duration).filter(|d| *d > Time::ZERO).map(Some).ok_or(())
            };
            form.error = match duration {
                _ if id.is_empty() => Some(t!("forms-bin-need-id")),
                _ if doc.project().bin.iter().any(|e| e.media_id == id) => Some(t!("forms-bin-already")),
                Err(()) => Some(t!("forms-bin-bad-duration")),
                Ok(duration) => {
                    let mut bin = doc.project().bin.clone();
                    bin.push(BinEntry {
                        media_id: id.to_owned(),
                        title: form.title.trim().to_owned(),
                        duration,
                        kind: form.kind.unwrap_or(MediaKind::Video),
                        ..Default::default()
                    });
                    doc.apply(&t!("forms-bin-undo-add"), Edit::SetBin(bin));
                    *form = AddForm { kind: form.kind, ..Default::default() };
                    None
                }
            };
        }
        if let Some(e) = &form.error {
            ui.colored_label(ui.visuals().error_fg_color, e);
        }
    });
    open
}
