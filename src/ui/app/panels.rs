//! Menus, the side panels and the status line.

use super::*;

/// How long a status message stays.
const STATUS_SECONDS: f64 = 8.0;

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
                let problems = self.problems();
                // A template's samples that make no project are errors too.
                let samples = self.template_check().map_or(0, |c| c.template.len() + c.samples.len());
                let errors = problems.iter().filter(|p| p.severity == Severity::Error).count() + samples;
                let label = match (producing, errors, problems.len() + samples) {
                    (true, ..) => crate::t!("shell-producing"),
                    (false, _, 0) => crate::t!("shell-produce"),
                    // The count and its sign follow the word in both languages.
                    (false, 0, n) => format!("{} · {n} ⚠", crate::t!("shell-produce")),
                    (false, e, _) => format!("{} · {e} ✖", crate::t!("shell-produce")),
                };
                let button = egui::Button::new(egui::RichText::new(label).strong())
                    .shortcut_text(Command::Produce.shortcut_text(ui.ctx()));
                let tip = match problems.len() + samples {
                    0 => Command::Produce.tooltip().to_owned(),
                    n => format!(
                        "{}\n{}",
                        Command::Produce.tooltip(),
                        crate::t!("shell-produce-problems", errors = errors, warnings = n - errors)
                    ),
                };
                if ui.add_enabled(!producing, button).on_hover_text(tip).clicked() {
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
            ui.menu_button(crate::t!("shell-menu-file"), |ui| {
                for c in [Command::New, Command::Open, Command::Save, Command::SaveAs] {
                    self.menu_item(ui, c, true);
                }
                let recent = self.cloud.settings.recent.clone();
                ui.menu_button(crate::t!("shell-menu-open-recent"), |ui| {
                    if recent.is_empty() {
                        ui.label(crate::t!("shell-no-recent-files"));
                    }
                    for p in recent.iter() {
                        if ui.button(p.display().to_string()).clicked() {
                            self.request(Pending::OpenPath(p.clone()));
                            ui.close();
                        }
                    }
                });
                // Typed paths work where no desktop file dialog is available.
                if ui
                    .button(crate::t!("shell-menu-open-path"))
                    .on_hover_text(crate::t!("shell-menu-open-path-tip"))
                    .clicked()
                {
                    self.path_prompt =
                        Some(PathPrompt { purpose: PathPurpose::Open, text: String::new(), fresh: true, note: None });
                    ui.close();
                }
                if ui
                    .button(crate::t!("shell-menu-save-path"))
                    .on_hover_text(crate::t!("shell-menu-save-path-tip"))
                    .clicked()
                {
                    let text = self.doc.path.as_ref().map(|p| p.display().to_string()).unwrap_or_default();
                    self.path_prompt = Some(PathPrompt { purpose: PathPurpose::SaveAs, text, fresh: true, note: None });
                    ui.close();
                }
                ui.separator();
                if ui.button(crate::t!("ix-ui-menu-import")).on_hover_text(crate::t!("ix-ui-menu-import-tip")).clicked()
                {
                    self.request(Pending::ImportEdit);
                    ui.close();
                }
                // Where a Premiere user looks for output (File > Export > Media).
                ui.menu_button(crate::t!("shell-menu-export"), |ui| {
                    self.menu_item(ui, Command::RenderDraft, true);
                    if ui
                        .button(crate::t!("ix-ui-menu-export"))
                        .on_hover_text(crate::t!("ix-ui-menu-export-tip"))
                        .clicked()
                    {
                        self.export_otio(None);
                        ui.close();
                    }
                });
                if ui.button(crate::t!("shell-menu-upload")).on_hover_text(crate::t!("shell-menu-upload-tip")).clicked()
                {
                    self.uploads.window_open = true;
                    ui.close();
                }
                if ui
                    .button(crate::t!("subtitles-menu-import"))
                    .on_hover_text(crate::t!("subtitles-menu-import-tip"))
                    .clicked()
                {
                    self.files.read_subtitles(None, None);
                    ui.close();
                }
                if ui
                    .button(crate::t!("subtitles-menu-export"))
                    .on_hover_text(crate::t!("subtitles-menu-export-tip"))
                    .clicked()
                {
                    self.export_subtitles();
                    ui.close();
                }
                ui.separator();
                let saving = self.cloud.tasks.is_running(crate::core::Kind::SaveToCloud);
                let save = ui.add_enabled(!saving, egui::Button::new(crate::t!("cloudproj-menu-save")));
                if save.on_hover_text(crate::t!("cloudproj-menu-save-tip")).clicked() {
                    self.cloudproj.as_new = false;
                    self.cloudproj.confirm_save = true;
                    ui.close();
                }
                if ui
                    .button(crate::t!("cloudproj-menu-browse"))
                    .on_hover_text(crate::t!("cloudproj-menu-browse-tip"))
                    .clicked()
                {
                    self.open_cloud_browser();
                    ui.close();
                }
                ui.separator();
                if ui.button(crate::t!("shell-menu-account")).clicked() {
                    self.cloud.settings_open = true;
                    ui.close();
                }
                ui.separator();
                if ui.button(crate::t!("shell-menu-quit")).clicked() {
                    self.request(Pending::Close);
                }
            });
            ui.menu_button(crate::t!("shell-menu-edit"), |ui| {
                let (can_undo, can_redo) = (self.doc.history.can_undo(), self.doc.history.can_redo());
                self.menu_item(ui, Command::Undo, can_undo);
                self.menu_item(ui, Command::Redo, can_redo);
                ui.separator();
                let any = !self.doc.selection.is_empty();
                let gap = self.doc.gap.is_some();
                for (c, on) in [
                    (Command::Cut, any),
                    (Command::Copy, any),
                    (Command::Paste, true),
                    (Command::PasteInsert, true),
                    (Command::Delete, any || gap),
                    (Command::RippleDelete, any),
                    (Command::CloseGaps, true),
                    (Command::SelectAll, true),
                    (Command::Split, true),
                ] {
                    self.menu_item(ui, c, on);
                }
                ui.separator();
                let marked = crate::edit::ops::marked_range(self.doc.project()).is_ok();
                for (c, on) in [
                    (Command::MarkIn, true),
                    (Command::MarkOut, true),
                    (Command::ClearMarks, true),
                    (Command::InsertSource, self.source.open.is_some()),
                    (Command::OverwriteSource, self.source.open.is_some()),
                    (Command::Lift, marked),
                    (Command::Extract, marked),
                    (Command::RippleTrimPrev, true),
                    (Command::RippleTrimNext, true),
                ] {
                    self.menu_item(ui, c, on);
                }
            });
            ui.menu_button(crate::t!("shell-menu-view"), |ui| {
                for c in [Command::ZoomIn, Command::ZoomOut, Command::ZoomFit] {
                    self.menu_item(ui, c, true);
                }
                ui.separator();
                let mut seconds = self.cloud.settings.time_unit == crate::model::time::TimeUnit::Seconds;
                let c = Command::TimesInSeconds;
                if ui.checkbox(&mut seconds, c.text()).on_hover_text(c.tooltip()).clicked() {
                    self.run(c);
                }
                self.menu_item(ui, Command::TemplateSlots, true);
                ui.separator();
                theme_choice(ui);
                ui.separator();
                crate::ui::language::menu(ui, &mut self.cloud);
            });
            ui.menu_button(crate::t!("shell-menu-timeline"), |ui| {
                for c in [
                    Command::PlayPause,
                    Command::GoToTimecode,
                    Command::Home,
                    Command::End,
                    Command::AddMarker,
                    Command::AddSubtitle,
                    Command::AddTransition,
                    Command::NudgeBack,
                    Command::NudgeForward,
                ] {
                    self.menu_item(ui, c, true);
                }
                ui.separator();
                for tool in crate::ui::timeline::Tool::ALL {
                    self.menu_item(ui, tool.command(), self.timeline.tool != tool);
                }
                ui.separator();
                // The edit mode drops and moves use (the toolbar shows it too).
                for mode in crate::ui::timeline::EditMode::ALL {
                    let on = self.timeline.mode == mode;
                    if ui.radio(on, mode.name()).on_hover_text(mode.tip()).clicked() {
                        self.timeline.mode = mode;
                        ui.close();
                    }
                }
                ui.checkbox(&mut self.timeline.insert_all_tracks, crate::t!("timeline-insert-all-tracks"))
                    .on_hover_text(crate::t!("timeline-insert-all-tracks-tip"));
                ui.separator();
                self.menu_item(ui, Command::Produce, !self.cloud.producing());
                self.menu_item(ui, Command::RenderDraft, true);
                let mut snap = self.timeline.snapping;
                if ui
                    .checkbox(
                        &mut snap,
                        crate::t!("shell-menu-snapping", shortcut = Command::ToggleSnap.shortcut_text(ui.ctx())),
                    )
                    .clicked()
                {
                    self.run(Command::ToggleSnap);
                }
                ui.separator();
                let mut scrub = self.cloud.settings.sound.scrub;
                if ui
                    .checkbox(&mut scrub, crate::t!("sound-scrub-menu"))
                    .on_hover_text(crate::t!("sound-scrub-tip"))
                    .clicked()
                {
                    self.cloud.settings.sound.scrub = scrub;
                    self.cloud.save_settings();
                }
                if ui.button(crate::t!("sound-duck-menu")).clicked() {
                    self.duck = Some(crate::ui::sound::DuckForm::new(self.doc.project()));
                    ui.close();
                }
            });
            self.help_menu(ui);
        }
    }

    pub(super) fn status_ui(&mut self, ui: &mut egui::Ui, now: f64) {
        // Messages are transient: each result replaces the last, and one fades after a while
        // so a refusal does not outlive the problem it was about.
        let shown = self.timeline.message.clone().unwrap_or_else(|| self.status.clone());
        if shown != self.status_shown.0 {
            self.status_shown = (shown, now);
        } else if !shown.is_empty() && now - self.status_shown.1 > STATUS_SECONDS {
            self.timeline.message = None;
            self.status.clear();
            self.status_shown = (String::new(), now);
        }
        if !self.status_shown.0.is_empty() {
            ui.ctx().request_repaint_after(std::time::Duration::from_secs_f64(STATUS_SECONDS + 0.1));
        }
        ui.horizontal(|ui| {
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                let p = self.doc.project();
                ui.label(crate::t!(
                    "shell-status-counts",
                    clips = p.clip_count(),
                    tracks = p.tracks.len(),
                    fps = p.frame_rate.label(),
                    playhead = crate::i18n::Clock::of(p.frame_rate).time(p.playhead),
                    snap = if self.timeline.snapping { crate::t!("ui-on") } else { crate::t!("ui-off") }
                ));
                ui.with_layout(egui::Layout::left_to_right(egui::Align::Center), |ui| {
                    if self.is_busy() || self.cloud.tasks.any_running() {
                        ui.spinner();
                    }
                    let status = match &self.timeline.message {
                        Some(m) => egui::RichText::new(m).color(ui.visuals().warn_fg_color),
                        None => egui::RichText::new(&self.status),
                    };
                    // Long messages are cut to the space left of the counters (whole on hover)
                    // instead of widening the window.
                    let r = ui.add(egui::Label::new(status).truncate());
                    if !self.status_shown.0.is_empty() {
                        r.on_hover_text(&self.status_shown.0);
                    }
                });
            });
        });
    }

    pub(super) fn left_ui(&mut self, ui: &mut egui::Ui) {
        ui.heading(crate::t!("shell-project"));
        let doc = &mut self.doc;
        // i18n-exempt: the fields' keys (undo grouping), never shown
        for key in ["title", "description"] {
            let (label, tip, undo) = if key == "title" {
                (crate::t!("shell-project-title"), crate::t!("shell-project-title-tip"), crate::t!("shell-edit-title"))
            } else {
                (
                    crate::t!("shell-description"),
                    crate::t!("shell-description-tip"),
                    crate::t!("shell-edit-description"),
                )
            };
            let l = ui.label(label).on_hover_text(tip);
            let mut text = if key == "title" { doc.project().title.clone() } else { doc.project().description.clone() };
            let edit = if key == "title" {
                egui::TextEdit::singleline(&mut text).hint_text(crate::t!("project-untitled"))
            } else {
                egui::TextEdit::multiline(&mut text).desired_rows(1)
            };
            let r = ui.add(edit.desired_width(f32::INFINITY)).labelled_by(l.id);
            if r.changed() {
                doc.set_fields(&undo, key, |f| if key == "title" { f.title = text } else { f.description = text });
            }
            if crate::ui::fields::cancelled(ui, &r) {
                doc.cancel_typing(key);
            }
            if r.lost_focus() {
                doc.seal();
            }
        }
        // Two titles exist in VOD: the project's (above) and the produced video's. Say which
        // the video gets, so nobody mistakes one for the other.
        let video_title = doc.project().media_metadata.title.trim();
        ui.weak(if video_title.is_empty() {
            crate::t!("shell-video-title-unset")
        } else {
            crate::t!("shell-video-title", title = video_title)
        })
        .on_hover_text(crate::t!("shell-video-title-tip"));
        // The console's name for it ("华东2（上海）"), the ID people type and scripts use on hover.
        let id = doc.project().region.as_str();
        let shown = crate::model::regions::find(id).map_or_else(|| id.to_owned(), crate::i18n::describe::region_name);
        ui.label(crate::t!("shell-region", region = shown)).on_hover_text(id);
        if let Some(id) = &doc.project().project_id {
            ui.label(crate::t!("shell-cloud-project", id = id.as_str()));
        }
        ui.separator();
        ui.horizontal(|ui| {
            let (library, effects) = (self.show_library, self.show_effects);
            if ui.selectable_label(!library && !effects, crate::t!("shell-media-bin")).clicked() {
                (self.show_library, self.show_effects) = (false, false);
            }
            if ui.selectable_label(library && !effects, crate::t!("shell-vod-library")).clicked() {
                (self.show_library, self.show_effects) = (true, false);
            }
            if ui.selectable_label(effects, crate::t!("effects-tab")).clicked() {
                self.show_effects = true;
            }
        });
        if self.show_effects {
            crate::ui::effects::effects_ui(ui, &mut self.effects);
            return;
        }
        if self.show_library {
            // The library scrolls its own rows and gets the rest of the panel's height.
            let (region, pid) = (self.doc.project().region.clone(), self.doc.project().project_id.clone());
            let clock = crate::i18n::Clock::of(self.doc.project().frame_rate);
            // The project's AppId narrows the search, as it directs uploads and production;
            // a list of another application's media is asked for again.
            if self.library.list.set_app(&self.doc.project().app_id) && self.library.opened {
                self.library.search(&mut self.cloud, 0, &region);
            }
            let opened =
                crate::ui::library::library_ui(ui, &mut self.library, &mut self.cloud, &region, pid.as_deref(), clock);
            if let Some(entry) = opened {
                self.open_source(entry);
            }
            return;
        }
        egui::ScrollArea::vertical().id_salt("left").show(ui, |ui| {
            if let Some(entry) = bin_ui(ui, &mut self.doc, &mut self.bin_form, &self.uploads.states()) {
                self.open_source(entry);
            }
            let unknown = self.unknown_lengths();
            if !unknown.is_empty()
                && ui
                    .button(crate::t!("shell-refresh-lengths", n = unknown.len()))
                    .on_hover_text(crate::t!("shell-refresh-lengths-tip"))
                    .clicked()
            {
                let region = self.doc.project().region.clone();
                self.cloud.video_infos(unknown, &region);
                self.status = crate::t!("shell-asking-lengths");
            }
        });
    }

    pub(super) fn right_ui(&mut self, ui: &mut egui::Ui) {
        let problems = self.problems();
        let template = self.template_check();
        let samples = template.as_ref().map_or(0, |c| c.template.len() + c.samples.len());
        ui.horizontal_wrapped(|ui| {
            for (tab, name) in [
                (Tab::Inspector, crate::t!("shell-tab-inspector")),
                (Tab::Project, crate::t!("shell-project")),
                (Tab::Output, crate::t!("shell-tab-output")),
                (Tab::Markers, crate::t!("shell-tab-markers")),
                (Tab::Problems, crate::t!("shell-tab-problems", n = problems.len() + samples)),
                (Tab::Jobs, crate::t!("shell-tab-jobs")),
                (Tab::Template, crate::t!("forms-template-tab")),
            ] {
                if ui.selectable_label(self.tab == tab, name).clicked() {
                    self.tab = tab;
                }
            }
        });
        ui.separator();
        match self.tab {
            Tab::Inspector => {}
            Tab::Project | Tab::Output => {
                let lists = crate::ui::forms::Lists {
                    account: &self.cloud.account,
                    loading: self.cloud.tasks.is_running(crate::core::Kind::Account),
                };
                let asked = if self.tab == Tab::Project {
                    egui::ScrollArea::vertical()
                        .id_salt("project-form")
                        .show(ui, |ui| crate::ui::forms::project_form_ui(ui, &mut self.doc, &problems, &lists))
                        .inner
                } else {
                    egui::ScrollArea::vertical()
                        .id_salt("output-form")
                        .show(ui, |ui| crate::ui::forms::output_form_ui(ui, &mut self.doc, &problems, &lists))
                        .inner
                };
                // Asked for in the background: the cache folder first, VOD on a refresh.
                if asked.fetch || asked.refresh {
                    let region = self.doc.project().region.clone();
                    self.cloud.fetch_account(&region, asked.refresh);
                }
                return;
            }
            Tab::Markers => {
                self.markers_ui(ui);
                return;
            }
            Tab::Problems => {
                self.problems_ui(ui, &problems, template.as_deref());
                return;
            }
            Tab::Template => {
                if let Some((track, index)) = crate::ui::template::template_ui(ui, &mut self.doc, template.as_deref()) {
                    self.select_and_show(track, index);
                }
                return;
            }
            Tab::Jobs => {
                let clock = crate::i18n::Clock::of(self.doc.project().frame_rate);
                match crate::ui::jobs::jobs_ui(ui, &mut self.cloud, &mut self.library, clock) {
                    crate::ui::jobs::JobAction::None => {}
                    crate::ui::jobs::JobAction::OpenCloudProject { project_id, region } => {
                        self.cloud.open_cloud_project(project_id, region);
                    }
                    crate::ui::jobs::JobAction::Watch(entry) => {
                        self.open_source(entry);
                        self.show_source(true);
                    }
                    crate::ui::jobs::JobAction::Compare { media_id, title, produced_from } => {
                        self.start_compare(media_id, title, produced_from);
                    }
                }
                return;
            }
        }
        let placement = self
            .doc
            .single_selected()
            .and_then(|(r, _)| self.timeline.indexes().get(r.track)?.placements.get(r.index).copied());
        let steps = self.cloud.settings.sound.fade_steps;
        if let Some(m) = crate::ui::sound::clip_sound_ui(ui, &mut self.doc, placement, steps) {
            self.timeline.message = Some(m);
        }
        if let Some(m) = crate::ui::inspector::inspector_ui(ui, &mut self.doc) {
            self.timeline.message = Some(m);
        }
    }
}

/// System, dark or light look, named from the catalog (egui's own buttons say it in English).
fn theme_choice(ui: &mut egui::Ui) {
    use egui::ThemePreference as T;
    let before = ui.ctx().options(|o| o.theme_preference);
    let mut pref = before;
    ui.horizontal(|ui| {
        ui.selectable_value(&mut pref, T::System, crate::t!("shell-theme-system"));
        ui.selectable_value(&mut pref, T::Dark, crate::t!("shell-theme-dark"));
        ui.selectable_value(&mut pref, T::Light, crate::t!("shell-theme-light"));
    });
    if pref != before {
        ui.ctx().set_theme(pref);
    }
}
