//! The Template tab: every `{{slot}}` of the project, where each is used (a click selects the
//! clip), its sample value (edited here, kept in the file's TemplateSamples, one undo step per
//! edit) and what is wrong with it.

use crate::edit::document::Document;
use crate::t;
use crate::template::editor::{Check, with_sample};

/// Draws the tab; returns the clip (track, index) a click on a use asks to select.
pub fn template_ui(ui: &mut egui::Ui, doc: &mut Document, check: Option<&Check>) -> Option<(usize, usize)> {
    let Some(check) = check else {
        ui.label(t!("forms-template-none"));
        return None;
    };
    let mut select = None;
    egui::ScrollArea::vertical().id_salt("template-slots").show(ui, |ui| {
        ui.heading(t!("forms-template-heading", n = check.slots.len()));
        ui.weak(t!("forms-template-intro"));
        // A slot that is not well formed: no slot can be listed until it is fixed.
        for p in &check.template {
            ui.colored_label(ui.visuals().error_fg_color, p.to_string());
        }
        let samples = crate::template::samples_of(doc.project());
        for slot in &check.slots {
            ui.separator();
            let name = slot.name.as_str();
            let l = ui.label(egui::RichText::new(t!("forms-template-slot-name", name = name)).strong());
            let mut text = samples.get(name).cloned().unwrap_or_default();
            let edit = egui::TextEdit::singleline(&mut text)
                .hint_text(t!("forms-template-no-sample-hint"))
                .desired_width(f32::INFINITY);
            let r = ui.add(edit).labelled_by(l.id).on_hover_text(t!("forms-template-sample-tip"));
            // i18n-exempt: an undo-grouping key, never shown
            let key = format!("template-sample:{name}");
            if r.changed() {
                doc.set_fields(&t!("forms-template-undo-sample", name = name), &key, |f| {
                    f.template_samples = Some(with_sample(f.template_samples.as_ref(), name, &text));
                });
            }
            if crate::ui::fields::cancelled(ui, &r) {
                doc.cancel_typing(&key);
            }
            if r.lost_focus() {
                doc.seal();
            }
            if !samples.contains_key(name) {
                ui.colored_label(ui.visuals().warn_fg_color, t!("forms-template-no-sample", name = name));
            } else {
                // What is wrong with the sample, beside it (the Problems tab lists it too).
                for p in check.samples.iter().filter(|p| p.column.as_deref() == Some(name)) {
                    ui.colored_label(ui.visuals().error_fg_color, p.message.as_str());
                }
            }
            for u in &slot.uses {
                let text = t!("forms-template-use", place = u.shown.as_str());
                match u.clip {
                    Some(clip) => {
                        if ui.link(text).on_hover_text(t!("forms-template-use-tip")).clicked() {
                            select = Some(clip);
                        }
                    }
                    None => {
                        ui.label(text);
                    }
                }
            }
        }
    });
    select
}
