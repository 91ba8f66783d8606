//! Prompts and notices: save changes, errors, recovery offers, toasts.

use super::*;

/// The answer to "Save changes?".
#[derive(Clone, Copy, PartialEq, Eq)]
enum SaveChoice {
    Save,
    Discard,
    Cancel,
}

impl Editor {
    /// Offers unsaved work found at start; never blocks: "Later" keeps the files for next time.
    pub(super) fn recovery_ui(&mut self, ctx: &egui::Context) {
        if self.recovery_offer.is_empty() {
            return;
        }
        let mut restore = None;
        let mut delete = None;
        let mut later = false;
        egui::Window::new(crate::t!("shell-recover-title"))
            .id(egui::Id::unique("recover-window"))
            .collapsible(false)
            .default_width(480.0)
            .anchor(egui::Align2::CENTER_CENTER, [0.0, -80.0])
            .show(ctx, |ui| {
                ui.label(crate::t!("shell-recover-intro"));
                for (i, c) in self.recovery_offer.iter().enumerate() {
                    ui.separator();
                    let when = crate::when::local(c.saved_at);
                    match &c.project {
                        Ok(p) => {
                            let from = c
                                .original
                                .as_ref()
                                .map(|o| o.display().to_string())
                                .unwrap_or_else(|| crate::t!("shell-recover-never-saved"));
                            ui.label(crate::t!(
                                "shell-recover-item",
                                title = crate::i18n::describe::project_title(p),
                                clips = p.clip_count(),
                                when = when,
                                from = from
                            ));
                            ui.horizontal(|ui| {
                                if ui.button(crate::t!("shell-restore")).clicked() {
                                    restore = Some(i);
                                }
                                if ui.button(crate::t!("ui-discard")).clicked() {
                                    delete = Some(i);
                                }
                            });
                        }
                        Err(why) => {
                            ui.colored_label(ui.visuals().warn_fg_color, format!("{}: {why}", c.file.display()));
                            if ui.button(crate::t!("ui-delete")).clicked() {
                                delete = Some(i);
                            }
                        }
                    }
                }
                ui.separator();
                if crate::ui::dialog::default_button(ui, &crate::t!("shell-later"))
                    .on_hover_text(crate::t!("shell-later-tip"))
                    .clicked()
                    || crate::ui::dialog::escape(ui)
                {
                    later = true;
                }
            });
        if let Some(i) = delete {
            let c = self.recovery_offer.remove(i);
            if let Some(rec) = self.cloud.recovery() {
                self.cloud.in_background(move || rec.remove(&c.file));
            }
        }
        if let Some(i) = restore {
            let c = self.recovery_offer.remove(i);
            if let Ok(p) = c.project {
                self.incoming = Some((*p, c.original, true));
                self.request(Pending::Incoming);
            }
        }
        if later {
            self.recovery_offer.clear();
        }
    }

    pub(super) fn toast_ui(&mut self, ctx: &egui::Context, now: f64) {
        let Some((text, until)) = self.cloud.toast.clone() else { return };
        if now > until {
            self.cloud.toast = None;
            return;
        }
        ctx.request_repaint_after(std::time::Duration::from_millis(250));
        egui::Area::new(egui::Id::unique("toast")).anchor(egui::Align2::RIGHT_BOTTOM, [-16.0, -40.0]).show(ctx, |ui| {
            egui::Frame::popup(ui.style()).show(ui, |ui| {
                ui.label(egui::RichText::new(text).strong());
            });
        });
    }

    /// The typed-path prompt for Open and Save.
    pub(super) fn path_prompt_ui(&mut self, ctx: &egui::Context) {
        let Some(prompt) = self.path_prompt.as_mut() else { return };
        let (title, verb) = match prompt.purpose {
            PathPurpose::Open => (crate::t!("shell-open-by-path"), crate::t!("ui-open")),
            PathPurpose::SaveAs => (crate::t!("shell-save-to-path"), crate::t!("ui-save")),
        };
        let mut done = None;
        egui::Modal::new(egui::Id::unique("path-prompt")).show(ctx, |ui| {
            ui.set_min_width(480.0);
            ui.heading(title);
            if let Some(note) = &prompt.note {
                ui.colored_label(ui.visuals().warn_fg_color, note);
            }
            let out = egui::TextEdit::singleline(&mut prompt.text)
                .hint_text("/home/me/film.vodcut")
                .desired_width(460.0)
                .show(ui);
            let r = out.response.response.clone();
            r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, crate::t!("shell-path")));
            // Enter ends a one-line field: take it as "submit" whether the field reports the
            // focus as just lost or (refocused every frame) still held.
            let enter = (r.lost_focus() || r.has_focus()) && ui.input(|i| i.key_pressed(Key::Enter));
            r.request_focus();
            if prompt.fresh {
                prompt.fresh = false;
                let mut state = out.state;
                let n = prompt.text.chars().count();
                let all = egui::text::CCursorRange::two(egui::text::CCursor::new(0), egui::text::CCursor::new(n));
                state.cursor.set_char_range(Some(all));
                state.store(ui.ctx(), r.id);
            }
            ui.horizontal(|ui| {
                if ui.button(verb).clicked() || enter {
                    done = Some(true);
                }
                if ui.button(crate::t!("ui-cancel")).clicked() || ui.input(|i| i.key_pressed(Key::Escape)) {
                    done = Some(false);
                }
            });
        });
        match done {
            Some(true) => {
                let Some(prompt) = self.path_prompt.take() else { return };
                let text = prompt.text.trim();
                if text.is_empty() {
                    return;
                }
                let path = PathBuf::from(text);
                match prompt.purpose {
                    PathPurpose::Open => self.request(Pending::OpenPath(path)),
                    PathPurpose::SaveAs => {
                        let path = if path.extension().is_none() {
                            path.with_extension(crate::store::project_file::EXTENSION)
                        } else {
                            path
                        };
                        self.start_save(Some(path));
                    }
                }
            }
            Some(false) => {
                self.path_prompt = None;
                // A save that was to be followed by New/Open/Close did not happen.
                self.after_save = None;
            }
            None => {}
        }
    }

    pub(super) fn confirm_ui(&mut self, ctx: &egui::Context) {
        let Some(action) = self.confirm.clone() else { return };
        let title = crate::i18n::describe::project_title(self.doc.project());
        let question = match action {
            Pending::New => crate::t!("shell-unsaved-before-new", title = title),
            Pending::Open | Pending::OpenPath(_) | Pending::Incoming | Pending::ImportEdit | Pending::ImportedEdit => {
                crate::t!("shell-unsaved-before-open", title = title)
            }
            Pending::Close => crate::t!("shell-unsaved-before-close", title = title),
        };
        let mut choice = None;
        egui::Modal::new(egui::Id::unique("save-changes")).show(ctx, |ui| {
            ui.heading(crate::t!("shell-save-changes"));
            ui.label(question);
            ui.horizontal(|ui| {
                if crate::ui::dialog::default_button(ui, &crate::t!("ui-save")).clicked() {
                    choice = Some(SaveChoice::Save);
                }
                if ui.button(crate::t!("ui-discard")).clicked() {
                    choice = Some(SaveChoice::Discard);
                }
                if ui.button(crate::t!("ui-cancel")).clicked() || ui.input(|i| i.key_pressed(Key::Escape)) {
                    choice = Some(SaveChoice::Cancel);
                }
            });
        });
        match choice {
            Some(SaveChoice::Save) => {
                self.confirm = None;
                self.after_save = Some(action);
                self.save();
            }
            Some(SaveChoice::Discard) => {
                self.confirm = None;
                self.perform(action);
            }
            Some(_) => {
                self.confirm = None;
                // An import kept waiting for this answer is not wanted any more.
                self.import_done = None;
            }
            None => {}
        }
    }

    /// Renaming a marker (double-click or right-click on it, or the Markers tab).
    pub(super) fn rename_marker_ui(&mut self, ctx: &egui::Context) {
        let Some((i, text)) = self.timeline.renaming.as_mut() else { return };
        let i = *i;
        let mut done = None;
        egui::Modal::new(egui::Id::unique("rename-marker")).show(ctx, |ui| {
            ui.set_min_width(360.0);
            ui.heading(crate::t!("shell-rename-marker"));
            let out = egui::TextEdit::singleline(text).desired_width(340.0).show(ui);
            let r = out.response.response.clone();
            r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, crate::t!("shell-marker-name")));
            if crate::ui::dialog::just_opened(ui, r.id) {
                let mut state = out.state;
                let n = text.chars().count();
                let all = egui::text::CCursorRange::two(egui::text::CCursor::new(0), egui::text::CCursor::new(n));
                state.cursor.set_char_range(Some(all));
                state.store(ui.ctx(), r.id);
            }
            let enter = (r.lost_focus() || r.has_focus()) && ui.input(|i| i.key_pressed(Key::Enter));
            r.request_focus();
            ui.horizontal(|ui| {
                if ui.button(crate::t!("ui-rename")).clicked() || enter {
                    done = Some(true);
                }
                if ui.button(crate::t!("ui-cancel")).clicked() || crate::ui::dialog::escape(ui) {
                    done = Some(false);
                }
            });
        });
        match done {
            Some(true) => {
                if let Some((_, text)) = self.timeline.renaming.take()
                    && let Err(e) = self.doc.rename_marker(i, text.trim())
                    && e != crate::edit::ops::Refused::Nothing
                {
                    self.timeline.message = Some(e.to_string());
                }
            }
            Some(false) => self.timeline.renaming = None,
            None => {}
        }
    }

    pub(super) fn error_ui(&mut self, ctx: &egui::Context) {
        let Some(message) = self.error.clone() else { return };
        egui::Modal::new(egui::Id::unique("error")).show(ctx, |ui| {
            ui.set_max_width(520.0);
            ui.heading(crate::t!("shell-error-title"));
            ui.label(message);
            // Enter presses the focused OK button; Esc closes too.
            if crate::ui::dialog::default_button(ui, &crate::t!("ui-ok")).clicked() || crate::ui::dialog::escape(ui) {
                self.error = None;
            }
        });
    }
}
