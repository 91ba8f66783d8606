//! The editor window: menu, document state, save-changes prompt, status line.

use super::files::{FileEvent, FileWorker, Picker};
use crate::model::validate::{Problem, Severity, validate};
use crate::model::{Project, TrackKind};
use crate::store::Origin;
use egui::{Key, KeyboardShortcut, Modifiers};
use std::path::PathBuf;
use std::sync::Arc;

/// Something that would replace or close the document, waiting for the user's word on
/// unsaved changes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pending {
    New,
    Open,
    Close,
}

pub const SHORTCUT_NEW: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::N);
pub const SHORTCUT_OPEN: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::O);
pub const SHORTCUT_SAVE: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::S);
pub const SHORTCUT_SAVE_AS: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::S);

pub struct Editor {
    pub project: Project,
    /// Where Save writes; `None` until the document has been saved as a project.
    pub path: Option<PathBuf>,
    revision: u64,
    saved_revision: u64,
    files: FileWorker,
    /// The save-changes prompt, when open.
    confirm: Option<Pending>,
    /// What to do once the save started from the prompt has succeeded.
    after_save: Option<Pending>,
    allow_close: bool,
    pub status: String,
    pub error: Option<String>,
    problems: Option<(u64, Vec<Problem>)>,
    window_title: String,
}

impl Editor {
    pub fn new(picker: Arc<dyn Picker>) -> Self {
        Editor {
            project: Project::new_empty(),
            path: None,
            revision: 0,
            saved_revision: 0,
            files: FileWorker::new(picker),
            confirm: None,
            after_save: None,
            allow_close: false,
            status: "New project".into(),
            error: None,
            problems: None,
            window_title: String::new(),
        }
    }

    pub fn is_dirty(&self) -> bool {
        self.revision != self.saved_revision
    }

    /// Marks the document changed.
    pub fn touch(&mut self) {
        self.revision += 1;
    }

    pub fn is_busy(&self) -> bool {
        self.files.is_busy()
    }

    pub fn confirm_prompt(&self) -> Option<Pending> {
        self.confirm
    }

    /// "*My film — my-film.vodcut — vodcut": dirty marker, title, file.
    pub fn title(&self) -> String {
        let dirty = if self.is_dirty() { "*" } else { "" };
        let file = self
            .path
            .as_ref()
            .and_then(|p| p.file_name())
            .map(|n| format!(" — {}", n.to_string_lossy()))
            .unwrap_or_default();
        format!("{dirty}{}{file} — vodcut", self.project.display_title())
    }

    /// Opens `path` in the background (the command line's FILE).
    pub fn open_path(&mut self, path: PathBuf) {
        self.status = format!("Opening {}…", path.display());
        self.files.open(Some(path));
    }

    /// New/Open/Close go through here so unsaved work is never dropped silently.
    pub fn request(&mut self, action: Pending) {
        if self.is_dirty() {
            self.confirm = Some(action);
        } else {
            self.perform(action);
        }
    }

    fn perform(&mut self, action: Pending) {
        match action {
            Pending::New => {
                self.project = Project::new_empty();
                self.path = None;
                self.saved_revision = self.revision;
                self.status = "New project".into();
            }
            Pending::Open => {
                self.status = "Choosing a file to open…".into();
                self.files.open(None);
            }
            Pending::Close => self.allow_close = true,
        }
    }

    pub fn save(&mut self) {
        self.start_save(self.path.clone());
    }

    pub fn save_as(&mut self) {
        self.start_save(None);
    }

    fn start_save(&mut self, path: Option<PathBuf>) {
        self.status = "Saving…".into();
        self.files.save(self.project.clone(), self.revision, path);
    }

    fn handle_file_events(&mut self) {
        for event in self.files.poll() {
            match event {
                FileEvent::Opened { path, result: Ok(opened) } => {
                    self.project = opened.project;
                    self.revision += 1;
                    match opened.origin {
                        Origin::Project => {
                            self.saved_revision = self.revision;
                            self.status = format!("Opened {}", path.display());
                            self.path = Some(path);
                        }
                        Origin::ImportedTimeline => {
                            // Not saved as a project yet: dirty, and Save asks for a new file
                            // so the Timeline file itself is never overwritten.
                            self.path = None;
                            self.status = format!(
                                "Imported the API Timeline {}; save it as a project to keep your work",
                                path.display()
                            );
                        }
                    }
                }
                FileEvent::Opened { result: Err(e), .. } => {
                    self.status = "Open failed".into();
                    self.error = Some(e.to_string());
                }
                FileEvent::Saved { path, revision, result: Ok(()) } => {
                    self.saved_revision = revision;
                    self.status = format!("Saved {}", path.display());
                    self.path = Some(path);
                    if let Some(next) = self.after_save.take() {
                        // Only go on if nothing changed while saving.
                        if self.is_dirty() {
                            self.confirm = Some(next);
                        } else {
                            self.perform(next);
                        }
                    }
                }
                FileEvent::Saved { result: Err(e), .. } => {
                    self.after_save = None;
                    self.status = "Save failed: your work is still here, unsaved".into();
                    self.error = Some(e.to_string());
                }
                FileEvent::Cancelled => {
                    self.after_save = None;
                    self.status = "Cancelled".into();
                }
            }
        }
    }

    /// Problems of the current revision, recomputed only after a change.
    fn problems(&mut self) -> &[Problem] {
        if self.problems.as_ref().is_none_or(|(r, _)| *r != self.revision) {
            self.problems = Some((self.revision, validate(&self.project)));
        }
        self.problems.as_ref().map(|(_, p)| p.as_slice()).unwrap_or_default()
    }

    fn shortcuts(&mut self, ctx: &egui::Context) {
        // Shift+Ctrl+S first: the plain Ctrl+S shortcut would also match it.
        if ctx.input_mut(|i| i.consume_shortcut(&SHORTCUT_SAVE_AS)) {
            self.save_as();
        }
        if ctx.input_mut(|i| i.consume_shortcut(&SHORTCUT_SAVE)) {
            self.save();
        }
        if ctx.input_mut(|i| i.consume_shortcut(&SHORTCUT_OPEN)) {
            self.request(Pending::Open);
        }
        if ctx.input_mut(|i| i.consume_shortcut(&SHORTCUT_NEW)) {
            self.request(Pending::New);
        }
    }

    /// The whole window. Called by eframe each frame, and by tests through egui_kittest.
    pub fn ui(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        self.files.set_context(&ctx);
        self.handle_file_events();
        if ctx.input(|i| i.viewport().close_requested()) && !self.allow_close {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.request(Pending::Close);
        }
        if self.allow_close {
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
        if self.confirm.is_none() && self.error.is_none() {
            self.shortcuts(&ctx);
        }
        let title = self.title();
        if title != self.window_title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.window_title = title;
        }

        egui::Panel::top("menu").show(ui, |ui| self.menu_ui(ui));
        egui::Panel::bottom("status").show(ui, |ui| self.status_ui(ui));
        egui::Panel::left("project").resizable(true).default_size(260.0).show(ui, |ui| self.project_ui(ui));
        egui::CentralPanel::default_margins().show(ui, |ui| self.tracks_ui(ui));
        self.confirm_ui(&ctx);
        self.error_ui(&ctx);
    }

    fn menu_ui(&mut self, ui: &mut egui::Ui) {
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("File", |ui| {
                let fmt = |s: &KeyboardShortcut| ui.ctx().format_shortcut(s);
                let (n, o, s, sa) =
                    (fmt(&SHORTCUT_NEW), fmt(&SHORTCUT_OPEN), fmt(&SHORTCUT_SAVE), fmt(&SHORTCUT_SAVE_AS));
                if ui.add(egui::Button::new("New").shortcut_text(n)).clicked() {
                    self.request(Pending::New);
                }
                if ui.add(egui::Button::new("Open…").shortcut_text(o)).clicked() {
                    self.request(Pending::Open);
                }
                if ui.add(egui::Button::new("Save").shortcut_text(s)).clicked() {
                    self.save();
                }
                if ui.add(egui::Button::new("Save As…").shortcut_text(sa)).clicked() {
                    self.save_as();
                }
                ui.separator();
                if ui.button("Quit").clicked() {
                    self.request(Pending::Close);
                }
            });
        });
    }

    fn status_ui(&mut self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            if self.is_busy() {
                ui.spinner();
            }
            ui.label(&self.status);
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                ui.label(format!("{} clips on {} tracks", self.project.clip_count(), self.project.tracks.len()));
            });
        });
    }

    fn project_ui(&mut self, ui: &mut egui::Ui) {
        ui.heading("Project");
        let label = ui.label("Title");
        let r = ui.add(egui::TextEdit::singleline(&mut self.project.title).hint_text("Untitled")).labelled_by(label.id);
        if r.changed() {
            self.touch();
        }
        let label = ui.label("Description");
        let r = ui.add(egui::TextEdit::multiline(&mut self.project.description).desired_rows(3)).labelled_by(label.id);
        if r.changed() {
            self.touch();
        }
        ui.label(format!("Region: {}", self.project.region));
        if let Some(id) = &self.project.project_id {
            ui.label(format!("Cloud project: {id}"));
        }
        ui.separator();
        ui.heading("Problems");
        let problems = self.problems().to_vec();
        egui::ScrollArea::vertical().id_salt("problems").show(ui, |ui| {
            if problems.is_empty() {
                ui.label("None: ready to produce.");
            }
            for p in problems.iter().take(200) {
                let colour = match p.severity {
                    Severity::Error => ui.visuals().error_fg_color,
                    Severity::Warning => ui.visuals().warn_fg_color,
                };
                ui.colored_label(colour, p.to_string());
            }
            if problems.len() > 200 {
                ui.label(format!("…and {} more", problems.len() - 200));
            }
        });
    }

    fn tracks_ui(&mut self, ui: &mut egui::Ui) {
        ui.heading("Tracks");
        // Top-down as an editor shows them: subtitles, overlays, video (top layer first), audio.
        let mut order: Vec<usize> = Vec::new();
        for kind in [TrackKind::Subtitle, TrackKind::Image, TrackKind::Video, TrackKind::Audio] {
            let mut of_kind: Vec<usize> =
                (0..self.project.tracks.len()).filter(|&i| self.project.tracks[i].kind == kind).collect();
            if kind != TrackKind::Audio {
                of_kind.reverse();
            }
            order.extend(of_kind);
        }
        egui::Grid::new("tracks").striped(true).show(ui, |ui| {
            for i in order {
                let t = &self.project.tracks[i];
                ui.label(&t.name);
                ui.label(t.kind.label());
                ui.label(format!("{} clips", t.clips.len()));
                ui.label(match (t.hidden, t.kind.is_audible()) {
                    (true, true) => "muted",
                    (true, false) => "hidden",
                    _ => "",
                });
                ui.end_row();
            }
        });
    }

    fn confirm_ui(&mut self, ctx: &egui::Context) {
        let Some(action) = self.confirm else { return };
        let verb = match action {
            Pending::New => "starting a new project",
            Pending::Open => "opening another file",
            Pending::Close => "closing",
        };
        let mut choice = None;
        egui::Modal::new(egui::Id::unique("save-changes")).show(ctx, |ui| {
            ui.heading("Save changes?");
            ui.label(format!("\"{}\" has unsaved changes. Save them before {verb}?", self.project.display_title()));
            ui.horizontal(|ui| {
                if ui.button("Save").clicked() {
                    choice = Some("save");
                }
                if ui.button("Discard").clicked() {
                    choice = Some("discard");
                }
                if ui.button("Cancel").clicked() || ui.input(|i| i.key_pressed(Key::Escape)) {
                    choice = Some("cancel");
                }
            });
        });
        match choice {
            Some("save") => {
                self.confirm = None;
                self.after_save = Some(action);
                self.save();
            }
            Some("discard") => {
                self.confirm = None;
                self.saved_revision = self.revision;
                self.perform(action);
            }
            Some(_) => self.confirm = None,
            None => {}
        }
    }

    fn error_ui(&mut self, ctx: &egui::Context) {
        let Some(message) = self.error.clone() else { return };
        egui::Modal::new(egui::Id::unique("error")).show(ctx, |ui| {
            ui.set_max_width(520.0);
            ui.heading("Something went wrong");
            ui.label(message);
            if ui.button("OK").clicked() || ui.input(|i| i.key_pressed(Key::Escape) || i.key_pressed(Key::Enter)) {
                self.error = None;
            }
        });
    }
}

impl eframe::App for Editor {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        Editor::ui(self, ui);
    }
}
