//! Menus, the side panels and the status line.

use super::*;

impl Editor {
    pub(super) fn menu_item(&mut self, ui: &mut egui::Ui, command: Command, enabled: bool) {
        let button = egui::Button::new(command.text()).shortcut_text(command.shortcut_text(ui.ctx()));
        if ui.add_enabled(enabled, button).on_hover_text(command.tooltip()).clicked() {
            self.run(command);
            ui.close();
        }
    }

    pub(super) fn menu_ui(&mut self, ui: &mut egui::Ui) {
        egui::MenuBar::new().ui(ui, |ui| {
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                let producing = self.cloud.producing();
                let label = if producing { "Producing…" } else { "Produce" };
                let button = egui::Button::new(egui::RichText::new(label).strong())
                    .shortcut_text(Command::Produce.shortcut_text(ui.ctx()));
                if ui.add_enabled(!producing, button).on_hover_text(Command::Produce.tooltip()).clicked() {
                    self.start_produce();
                }
                if producing {
                    ui.spinner();
                }
                ui.with_layout(egui::Layout::left_to_right(egui::Align::Center), |ui| self.menus_ui(ui));
            });
        });
    }

    pub(super) fn menus_ui(&mut self, ui: &mut egui::Ui) {
        {
            ui.menu_button("File", |ui| {
                for c in [Command::New, Command::Open, Command::Save, Command::SaveAs] {
                    self.menu_item(ui, c, true);
                }
                let recent = self.cloud.settings.recent.clone();
                ui.menu_button("Open Recent", |ui| {
                    if recent.is_empty() {
                        ui.label("No recent files");
                    }
                    for p in recent.iter() {
                        if ui.button(p.display().to_string()).clicked() {
                            self.request(Pending::OpenPath(p.clone()));
                            ui.close();
                        }
                    }
                });
                // Typed paths work where no desktop file dialog is available.
                if ui.button("Open path…").on_hover_text("Type the path of a project or Timeline to open").clicked() {
                    self.path_prompt =
                        Some(PathPrompt { purpose: PathPurpose::Open, text: String::new(), fresh: true });
                    ui.close();
                }
                if ui.button("Save to path…").on_hover_text("Type where to save the project").clicked() {
                    let text = self.doc.path.as_ref().map(|p| p.display().to_string()).unwrap_or_default();
                    self.path_prompt = Some(PathPrompt { purpose: PathPurpose::SaveAs, text, fresh: true });
                    ui.close();
                }
                ui.separator();
                if ui.button("Upload media…").on_hover_text("Upload video, audio or image files to VOD").clicked() {
                    self.uploads.window_open = true;
                    ui.close();
                }
                if ui.button("Account settings…").clicked() {
                    self.cloud.settings_open = true;
                    ui.close();
                }
                ui.separator();
                if ui.button("Quit").clicked() {
                    self.request(Pending::Close);
                }
            });
            ui.menu_button("Edit", |ui| {
                let (can_undo, can_redo) = (self.doc.history.can_undo(), self.doc.history.can_redo());
                self.menu_item(ui, Command::Undo, can_undo);
                self.menu_item(ui, Command::Redo, can_redo);
                ui.separator();
                let any = !self.doc.selection.is_empty();
                for (c, on) in [
                    (Command::Cut, any),
                    (Command::Copy, any),
                    (Command::Paste, true),
                    (Command::Delete, any),
                    (Command::RippleDelete, any),
                    (Command::SelectAll, true),
                    (Command::Split, true),
                ] {
                    self.menu_item(ui, c, on);
                }
            });
            ui.menu_button("View", |ui| {
                for c in [Command::ZoomIn, Command::ZoomOut, Command::ZoomFit] {
                    self.menu_item(ui, c, true);
                }
                ui.separator();
                egui::widgets::global_theme_preference_buttons(ui);
            });
            ui.menu_button("Timeline", |ui| {
                for c in [
                    Command::PlayPause,
                    Command::Home,
                    Command::End,
                    Command::AddMarker,
                    Command::AddSubtitle,
                    Command::NudgeBack,
                    Command::NudgeForward,
                ] {
                    self.menu_item(ui, c, true);
                }
                ui.separator();
                self.menu_item(ui, Command::Produce, !self.cloud.producing());
                let mut snap = self.timeline.snapping;
                if ui
                    .checkbox(&mut snap, format!("Snapping ({})", Command::ToggleSnap.shortcut_text(ui.ctx())))
                    .clicked()
                {
                    self.run(Command::ToggleSnap);
                }
            });
        }
    }

    pub(super) fn status_ui(&mut self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            if self.is_busy() || self.cloud.tasks.any_running() {
                ui.spinner();
            }
            match &self.timeline.message {
                Some(m) => ui.colored_label(ui.visuals().warn_fg_color, m),
                None => ui.label(&self.status),
            };
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                let p = &self.doc.project;
                ui.label(format!(
                    "{} clips on {} tracks · playhead {} · snapping {}",
                    p.clip_count(),
                    p.tracks.len(),
                    p.playhead.timecode(),
                    if self.timeline.snapping { "on" } else { "off" }
                ));
            });
        });
    }

    pub(super) fn left_ui(&mut self, ui: &mut egui::Ui) {
        egui::ScrollArea::vertical().id_salt("left").show(ui, |ui| {
            ui.heading("Project");
            let doc = &mut self.doc;
            for (label, key) in [("Title", "title"), ("Description", "description")] {
                let l = ui.label(label);
                let mut text = if key == "title" { doc.project.title.clone() } else { doc.project.description.clone() };
                let edit = if key == "title" {
                    egui::TextEdit::singleline(&mut text).hint_text("Untitled")
                } else {
                    egui::TextEdit::multiline(&mut text).desired_rows(2)
                };
                let r = ui.add(edit).labelled_by(l.id);
                if r.changed() {
                    doc.set_fields(&format!("Edit {}", label.to_lowercase()), key, |f| {
                        if key == "title" { f.title = text } else { f.description = text }
                    });
                }
                if r.lost_focus() {
                    doc.seal();
                }
            }
            ui.label(format!("Region: {}", doc.project.region));
            if let Some(id) = &doc.project.project_id {
                ui.label(format!("Cloud project: {id}"));
            }
            ui.separator();
            ui.horizontal(|ui| {
                if ui.selectable_label(!self.show_library, "Media bin").clicked() {
                    self.show_library = false;
                }
                if ui.selectable_label(self.show_library, "VOD library").clicked() {
                    self.show_library = true;
                }
            });
            if self.show_library {
                let (region, pid) = (self.doc.project.region.clone(), self.doc.project.project_id.clone());
                crate::ui::library::library_ui(ui, &mut self.library, &mut self.cloud, &region, pid.as_deref());
            } else {
                bin_ui(ui, &mut self.doc, &mut self.bin_form, &self.uploads.states());
                let unknown = self.unknown_lengths();
                if !unknown.is_empty()
                    && ui
                        .button(format!("Refresh {} unknown length(s) from VOD", unknown.len()))
                        .on_hover_text("GetVideoInfos, 20 at a time")
                        .clicked()
                {
                    let region = self.doc.project.region.clone();
                    self.cloud.video_infos(unknown, &region);
                    self.status = "Asking VOD for media lengths…".into();
                }
            }
        });
    }

    pub(super) fn right_ui(&mut self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            for (tab, name) in
                [(Tab::Inspector, "Inspector"), (Tab::Project, "Project"), (Tab::Output, "Output"), (Tab::Jobs, "Jobs")]
            {
                if ui.selectable_label(self.tab == tab, name).clicked() {
                    self.tab = tab;
                }
            }
        });
        ui.separator();
        let problems = self.problems();
        match self.tab {
            Tab::Inspector => {}
            Tab::Project => {
                egui::ScrollArea::vertical()
                    .id_salt("project-form")
                    .show(ui, |ui| crate::ui::forms::project_form_ui(ui, &mut self.doc, &problems));
                return;
            }
            Tab::Output => {
                egui::ScrollArea::vertical()
                    .id_salt("output-form")
                    .show(ui, |ui| crate::ui::forms::output_form_ui(ui, &mut self.doc, &problems));
                return;
            }
            Tab::Jobs => {
                if let crate::ui::jobs::JobAction::OpenCloudProject { project_id, region } =
                    crate::ui::jobs::jobs_ui(ui, &mut self.cloud, &mut self.library)
                {
                    self.cloud.open_cloud_project(project_id, region);
                }
                return;
            }
        }
        if let Some(m) = crate::ui::inspector::inspector_ui(ui, &mut self.doc) {
            self.timeline.message = Some(m);
        }
        ui.separator();
        ui.heading(format!("Problems ({})", problems.len()));
        egui::ScrollArea::vertical().id_salt("problems").show(ui, |ui| {
            if problems.is_empty() {
                ui.label("None: ready to produce.");
            }
            for p in problems.iter().take(200) {
                let colour = match p.severity {
                    Severity::Error => ui.visuals().error_fg_color,
                    Severity::Warning => ui.visuals().warn_fg_color,
                };
                let r = ui.add(
                    egui::Label::new(egui::RichText::new(p.to_string()).color(colour)).sense(egui::Sense::click()),
                );
                // Clicking a problem selects its clip.
                if r.clicked()
                    && let (Some(track), Some(index)) = (p.location.track, p.location.clip)
                {
                    self.doc.selection = vec![crate::edit::ops::ClipRef { track, index }];
                }
            }
            if problems.len() > 200 {
                ui.label(format!("…and {} more", problems.len() - 200));
            }
        });
    }
}
