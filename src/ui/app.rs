//! The editor window: panels, menus and shortcuts from the command registry, the
//! save-changes prompt, background file work, the status line.

use super::account::{AccountForm, account_ui};
use super::bin::{AddForm, bin_ui};
use super::cloud::{Cloud, Event, Outcome, Step};
use super::commands::{Command, pressed};
use super::files::{FileEvent, FileWorker, Picker};
use super::produce::{Choice, produce_dialogs};
use super::timeline::{TimelineState, timeline_ui};
use crate::edit::document::Document;
use crate::model::Time;
use crate::model::validate::{Problem, Severity, validate};
use crate::store::Origin;
use egui::Key;
use std::path::PathBuf;
use std::sync::Arc;

/// Something that would replace or close the document, waiting for the user's word on
/// unsaved changes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pending {
    New,
    Open,
    /// Open a file from the recent list.
    OpenPath(usize),
    /// Replace the document with a project loaded from the cloud.
    Incoming,
    Close,
}

/// The right panel's tabs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tab {
    Inspector,
    Project,
    Output,
    Jobs,
}

pub struct Editor {
    pub doc: Document,
    pub timeline: TimelineState,
    files: FileWorker,
    confirm: Option<Pending>,
    after_save: Option<Pending>,
    allow_close: bool,
    pub status: String,
    pub error: Option<String>,
    problems: Option<(u64, Arc<Vec<Problem>>)>,
    window_title: String,
    bin_form: AddForm,
    playing: bool,
    pub cloud: Cloud,
    account_form: AccountForm,
    pub tab: Tab,
    /// A project waiting to replace the document (after the unsaved-changes prompt): from the
    /// cloud, or recovered work with the file it belongs to.
    incoming: Option<(crate::model::Project, Option<PathBuf>)>,
    started: bool,
    /// Seconds between autosaves of a dirty document to the recovery folder.
    pub autosave_every: f64,
    last_autosave: f64,
    autosaved_revision: u64,
    /// Unsaved work found at start, offered back.
    pub recovery_offer: Vec<crate::store::recovery::Candidate>,
    pub library: super::library::Library,
    /// The left panel shows the library (else the bin).
    pub show_library: bool,
    ctx_for_textures: egui::Context,
}

impl Editor {
    pub fn new(picker: Arc<dyn Picker>) -> Self {
        Editor::with_cloud(picker, Document::default(), Cloud::new(crate::store::jobs::data_dir(), Default::default()))
    }

    /// An editor on `doc` (tests, and documents opened by other means).
    pub fn with_document(picker: Arc<dyn Picker>, doc: Document) -> Self {
        Editor { doc, ..Editor::new(picker) }
    }

    /// An editor with its cloud settings and data folder given (the app, and tests against a
    /// loopback server).
    pub fn with_cloud(picker: Arc<dyn Picker>, doc: Document, cloud: Cloud) -> Self {
        Editor {
            timeline: TimelineState::default(),
            files: FileWorker::new(picker),
            confirm: None,
            after_save: None,
            allow_close: false,
            status: "New project".into(),
            error: None,
            problems: None,
            window_title: String::new(),
            bin_form: AddForm::default(),
            playing: false,
            cloud,
            account_form: AccountForm::default(),
            tab: Tab::Inspector,
            incoming: None,
            started: false,
            autosave_every: 30.0,
            last_autosave: 0.0,
            autosaved_revision: 0,
            recovery_offer: Vec::new(),
            library: Default::default(),
            show_library: false,
            ctx_for_textures: egui::Context::default(),
            doc,
        }
    }

    pub fn is_dirty(&self) -> bool {
        self.doc.is_dirty()
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
            .doc
            .path
            .as_ref()
            .and_then(|p| p.file_name())
            .map(|n| format!(" — {}", n.to_string_lossy()))
            .unwrap_or_default();
        format!("{dirty}{}{file} — vodcut", self.doc.project.display_title())
    }

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

    /// Unsaved work of the current document is being dropped on purpose: forget its recovery.
    fn drop_recovery(&self) {
        if let Some(rec) = self.cloud.recovery() {
            let file = rec.file_for(self.doc.path.as_deref(), &self.doc.untitled_id);
            std::thread::spawn(move || rec.remove(&file));
        }
    }

    /// Writes the dirty document to the recovery folder every `autosave_every` seconds, on a
    /// thread (never over the user's file, never blocking a frame).
    fn autosave(&mut self, now: f64) {
        if !self.doc.is_dirty()
            || self.doc.revision() == self.autosaved_revision
            || now - self.last_autosave < self.autosave_every
        {
            return;
        }
        let Some(rec) = self.cloud.recovery() else { return };
        self.last_autosave = now;
        self.autosaved_revision = self.doc.revision();
        let file = rec.file_for(self.doc.path.as_deref(), &self.doc.untitled_id);
        let (original, project) = (self.doc.path.clone(), self.doc.project.clone());
        std::thread::spawn(move || {
            if let Err(e) = rec.write(&file, original.as_deref(), &project) {
                log::warn!("autosave to {} failed: {e}", file.display());
            }
        });
    }

    fn perform(&mut self, action: Pending) {
        if self.doc.is_dirty() {
            // Reached only after the user chose Discard.
            self.drop_recovery();
        }
        match action {
            Pending::New => {
                self.doc = Document::default();
                self.apply_default_region();
                self.status = "New project".into();
            }
            Pending::Open => {
                self.status = "Choosing a file to open…".into();
                self.files.open(None);
            }
            Pending::OpenPath(i) => {
                if let Some(p) = self.cloud.settings.recent.get(i).cloned() {
                    self.open_path(p);
                }
            }
            Pending::Incoming => {
                if let Some((p, path)) = self.incoming.take() {
                    self.status = match &path {
                        Some(f) => format!("Restored unsaved work of {}; save to keep it", f.display()),
                        None => format!("Loaded {}; save it to keep a local copy", p.display_title()),
                    };
                    self.doc = Document::new(p, path, true);
                    self.timeline.fit_requested = true;
                }
            }
            Pending::Close => self.allow_close = true,
        }
    }

    pub fn save(&mut self) {
        self.start_save(self.doc.path.clone());
    }

    pub fn save_as(&mut self) {
        self.start_save(None);
    }

    fn start_save(&mut self, path: Option<PathBuf>) {
        self.status = "Saving…".into();
        self.doc.seal();
        self.files.save(self.doc.project.clone(), self.doc.history.state_id(), path);
    }

    fn handle_file_events(&mut self) {
        for event in self.files.poll() {
            match event {
                FileEvent::Opened { path, result: Ok(opened) } => {
                    let opened = *opened;
                    match opened.origin {
                        Origin::Project => {
                            self.status = format!("Opened {}", path.display());
                            self.cloud.remember(&path);
                            self.doc = Document::new(opened.project, Some(path), false);
                        }
                        Origin::ImportedTimeline => {
                            // Unsaved, and Save asks for a new file: the Timeline is never overwritten.
                            self.status = format!(
                                "Imported the API Timeline {}; save it as a project to keep your work",
                                path.display()
                            );
                            self.doc = Document::new(opened.project, None, true);
                        }
                    }
                    self.timeline.fit_requested = true;
                }
                FileEvent::Opened { result: Err(e), .. } => {
                    self.status = "Open failed".into();
                    self.error = Some(e.to_string());
                }
                FileEvent::Saved { path, revision, result: Ok(()) } => {
                    // Saved work needs no recovery copy (under the old name or the new one).
                    if let Some(rec) = self.cloud.recovery() {
                        let files = [
                            rec.file_for(self.doc.path.as_deref(), &self.doc.untitled_id),
                            rec.file_for(Some(&path), &self.doc.untitled_id),
                        ];
                        std::thread::spawn(move || files.iter().for_each(|f| rec.remove(f)));
                    }
                    self.autosaved_revision = 0;
                    self.doc.history.mark_saved_state(revision);
                    self.status = format!("Saved {}", path.display());
                    self.cloud.remember(&path);
                    self.doc.path = Some(path);
                    if let Some(next) = self.after_save.take() {
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

    /// The current revision's problems (validated once per change, shared, not copied).
    fn problems(&mut self) -> Arc<Vec<Problem>> {
        let rev = self.doc.revision();
        if self.problems.as_ref().is_none_or(|(r, _)| *r != rev) {
            self.problems = Some((rev, Arc::new(validate(&self.doc.project))));
        }
        self.problems.as_ref().map(|(_, p)| p.clone()).unwrap_or_default()
    }

    /// Runs a command from a menu, a button or the keyboard.
    pub fn run(&mut self, command: Command) {
        let result = match command {
            Command::New => {
                self.request(Pending::New);
                Ok(())
            }
            Command::Open => {
                self.request(Pending::Open);
                Ok(())
            }
            Command::Save => {
                self.save();
                Ok(())
            }
            Command::SaveAs => {
                self.save_as();
                Ok(())
            }
            Command::Undo => {
                self.status = self.doc.undo().map_or("Nothing to undo".into(), |l| format!("Undid {l}"));
                Ok(())
            }
            Command::Redo => {
                self.status = self.doc.redo().map_or("Nothing to redo".into(), |l| format!("Redid {l}"));
                Ok(())
            }
            Command::Split => self.doc.split_at_playhead(),
            Command::Delete => self.doc.delete_selection(false),
            Command::RippleDelete => self.doc.delete_selection(true),
            Command::Copy => {
                let n = self.doc.copy();
                self.status = format!("Copied {n} clip(s)");
                Ok(())
            }
            Command::Cut => self.doc.cut(),
            Command::Paste => self.doc.paste(),
            Command::SelectAll => {
                self.doc.select_all();
                Ok(())
            }
            Command::ZoomIn | Command::ZoomOut => {
                let factor = if command == Command::ZoomIn { 1.25 } else { 0.8 };
                let x = self.timeline.mapping.x_from_time(self.doc.project.playhead);
                self.timeline.mapping.zoom_at(x, factor);
                self.doc.project.zoom = self.timeline.mapping.px_per_sec;
                Ok(())
            }
            Command::ZoomFit => {
                self.timeline.fit_requested = true;
                Ok(())
            }
            Command::PlayPause => {
                self.playing = !self.playing;
                Ok(())
            }
            Command::Home => {
                self.doc.set_playhead(Time::ZERO);
                Ok(())
            }
            Command::End => {
                self.doc.set_playhead(self.timeline.content_end());
                Ok(())
            }
            Command::StepBack | Command::StepForward => {
                // One frame at 25 fps.
                let step = Time::from_millis(40);
                let p = self.doc.project.playhead;
                self.doc.set_playhead(if command == Command::StepBack { p - step } else { p + step });
                Ok(())
            }
            Command::NudgeBack => self.doc.nudge(Time::from_millis(-40)),
            Command::NudgeForward => self.doc.nudge(Time::from_millis(40)),
            Command::AddSubtitle => self.doc.add_subtitle(),
            Command::AddMarker => self.doc.add_marker(),
            Command::ToggleSnap => {
                self.timeline.snapping = !self.timeline.snapping;
                self.status = format!("Snapping {}", if self.timeline.snapping { "on" } else { "off" });
                Ok(())
            }
            Command::Produce => {
                self.start_produce();
                Ok(())
            }
        };
        if let Err(e) = result {
            self.timeline.message = Some(e.to_string());
        }
    }

    /// Media whose length the editor does not know: bin entries without one, and clips with no
    /// Out whose media is not in the bin.
    fn unknown_lengths(&self) -> Vec<String> {
        let p = &self.doc.project;
        let mut ids: Vec<String> = p
            .bin
            .iter()
            .filter(|e| e.duration.is_none() && e.kind != crate::model::project::MediaKind::Image)
            .map(|e| e.media_id.clone())
            .collect();
        for t in p
            .tracks
            .iter()
            .filter(|t| matches!(t.kind, crate::model::TrackKind::Video | crate::model::TrackKind::Audio))
        {
            for c in t.clips.iter().filter(|c| c.out.is_none() && c.r#type.as_deref() != Some("Image")) {
                if let Some(id) = &c.media_id
                    && !p.bin.iter().any(|e| &e.media_id == id)
                    && !ids.contains(id)
                {
                    ids.push(id.clone());
                }
            }
        }
        ids
    }

    /// Fresh lengths from GetVideoInfos go into the bin (one undo step), so the timeline
    /// shows real lengths and trims stop at the source's end.
    fn apply_infos(&mut self, result: Result<Vec<crate::api::calls::VideoInfo>, String>) {
        let infos = match result {
            Ok(i) => i,
            Err(e) => {
                self.status = format!("Could not get media lengths: {e}");
                return;
            }
        };
        let mut bin = self.doc.project.bin.clone();
        let mut n = 0;
        for v in infos {
            let Some(d) = v.duration.and_then(Time::from_secs_f64) else { continue };
            match bin.iter_mut().find(|e| e.media_id == v.video_id) {
                Some(e) => {
                    e.duration = Some(d);
                    if e.title.is_empty() {
                        e.title = v.title.clone();
                    }
                }
                None => bin.push(crate::model::project::BinEntry {
                    media_id: v.video_id.clone(),
                    title: v.title.clone(),
                    duration: Some(d),
                    kind: crate::model::project::MediaKind::Video,
                }),
            }
            n += 1;
        }
        self.doc.apply("Refresh media lengths", crate::edit::Edit::SetBin(bin));
        self.status = format!("Updated the length of {n} media");
    }

    /// A new document takes the region chosen in the settings.
    pub fn apply_default_region(&mut self) {
        let r = self.cloud.settings.default_region.trim();
        if !r.is_empty() && self.doc.project.clip_count() == 0 && !self.doc.is_dirty() {
            self.doc.project.region = r.to_owned();
        }
    }

    /// Validation first: errors block, warnings ask, then the billed confirmation.
    pub fn start_produce(&mut self) {
        if self.cloud.producing() {
            self.status = "A production is already being sent".into();
            return;
        }
        self.doc.seal();
        let problems = validate(&self.doc.project);
        self.cloud.step = if crate::model::validate::has_errors(&problems) {
            Step::Blocked(problems)
        } else if !problems.is_empty() {
            Step::Warned(problems)
        } else {
            Step::Confirm
        };
    }

    fn send_production(&mut self) {
        let file = self.doc.path.clone();
        if self.cloud.produce(self.doc.project.clone(), file) {
            self.status = format!("Producing: waiting for VOD in {}…", self.doc.project.region);
        }
    }

    fn handle_cloud_events(&mut self, now: f64) {
        for (_, event) in self.cloud.tasks.poll() {
            match event {
                Event::Produced { job, result, unknown } => {
                    let outcome = match result {
                        Ok(ids) => {
                            if !ids.project_id.is_empty()
                                && self.doc.project.project_id.as_deref() != Some(ids.project_id.as_str())
                            {
                                let pid = ids.project_id.clone();
                                self.doc.set_fields("Link cloud project", "ProjectId", |f| f.project_id = Some(pid));
                                self.doc.seal();
                            }
                            self.cloud.toast =
                                Some((format!("Production submitted: MediaId {}", ids.media_id), now + 5.0));
                            self.status = format!("Submitted: MediaId {}, ProjectId {}", ids.media_id, ids.project_id);
                            Outcome { ids: Some(ids), error: None, unknown: false, job_id: job.id.clone() }
                        }
                        Err(e) => {
                            self.status = if unknown {
                                "Production outcome unknown: check the Jobs tab".into()
                            } else {
                                "Production refused".into()
                            };
                            Outcome { ids: None, error: Some(e), unknown, job_id: job.id.clone() }
                        }
                    };
                    self.cloud.step = Step::Done(outcome);
                    self.cloud.load_jobs();
                }
                Event::NotSent(e) => {
                    self.status = "Nothing was sent".into();
                    self.cloud.step =
                        Step::Done(Outcome { ids: None, error: Some(e), unknown: false, job_id: "(none)".into() });
                }
                Event::Jobs(jobs) => self.cloud.jobs = jobs,
                Event::Refreshed(list) => {
                    for (job, error) in list {
                        if let Some(e) = error {
                            self.status = format!("Could not refresh job {}: {e}", job.id);
                        }
                        if let Some(slot) = self.cloud.jobs.iter_mut().find(|j| j.id == job.id) {
                            *slot = job;
                        }
                    }
                }
                Event::Tested(r) => self.cloud.test_result = Some(r),
                Event::CloudProject(Ok(p)) => {
                    self.incoming = Some((*p, None));
                    self.request(Pending::Incoming);
                }
                Event::Recovered(found) => self.recovery_offer = found,
                Event::Media { page, result } => self.library.on_page(page, result),
                Event::Materials(result) => self.library.on_materials(result),
                Event::Thumb { url, result } => self.library.on_thumb(&self.ctx_for_textures, url, result),
                Event::Infos(result) => self.apply_infos(result),
                Event::CloudProject(Err(e)) => self.error = Some(format!("Could not open the cloud project: {e}")),
            }
        }
        self.cloud.poll_if_due(now);
    }

    /// The whole window. Called by eframe each frame, and by tests through egui_kittest.
    pub fn ui(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        self.ctx_for_textures = ctx.clone();
        let now = ctx.input(|i| i.time);
        self.files.set_context(&ctx);
        self.cloud.tasks.set_context(&ctx);
        if !self.started {
            self.started = true;
            self.last_autosave = now;
            self.cloud.load_jobs();
            self.cloud.scan_recovery();
        }
        self.handle_file_events();
        self.handle_cloud_events(now);
        self.autosave(now);
        if self.doc.is_dirty() {
            // Wake up for the next autosave even when idle.
            ctx.request_repaint_after(std::time::Duration::from_secs_f64(self.autosave_every.max(1.0)));
        }
        if ctx.input(|i| i.viewport().close_requested()) && !self.allow_close {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.request(Pending::Close);
        }
        if self.allow_close {
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
        if self.confirm.is_none() && self.error.is_none() {
            for command in pressed(&ctx) {
                self.run(command);
            }
        }
        if self.playing {
            let dt = ctx.input(|i| i.stable_dt).min(0.1);
            let p = self.doc.project.playhead;
            self.doc.set_playhead(p + Time::from_secs_f64(f64::from(dt)).unwrap_or(Time::ZERO));
            ctx.request_repaint();
        }
        let title = self.title();
        if title != self.window_title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.window_title = title;
        }

        egui::Panel::top("menu").show(ui, |ui| self.menu_ui(ui));
        egui::Panel::bottom("status").show(ui, |ui| self.status_ui(ui));
        egui::Panel::bottom("timeline").resizable(true).default_size(300.0).min_size(120.0).show(ui, |ui| {
            timeline_ui(ui, &mut self.doc, &mut self.timeline);
        });
        egui::Panel::left("left").resizable(true).default_size(270.0).show(ui, |ui| self.left_ui(ui));
        egui::Panel::right("inspector").resizable(true).default_size(320.0).show(ui, |ui| self.right_ui(ui));
        egui::CentralPanel::default_margins()
            .show(ui, |ui| super::preview::preview_ui(ui, &self.doc, &mut self.timeline));
        let region = self.doc.project.region.clone();
        account_ui(&ctx, &mut self.cloud, &mut self.account_form, &region);
        match produce_dialogs(&ctx, &self.cloud.step, &self.doc.project) {
            Choice::None => {}
            Choice::Close => self.cloud.step = Step::Idle,
            Choice::Continue => self.cloud.step = Step::Confirm,
            Choice::Send => self.send_production(),
            Choice::Select(r) => {
                self.doc.selection = vec![r];
                self.tab = Tab::Inspector;
                self.cloud.step = Step::Idle;
            }
        }
        self.toast_ui(&ctx, now);
        self.recovery_ui(&ctx);
        self.confirm_ui(&ctx);
        self.error_ui(&ctx);
    }

    /// Offers unsaved work found at start; never blocks: "Later" keeps the files for next time.
    fn recovery_ui(&mut self, ctx: &egui::Context) {
        if self.recovery_offer.is_empty() {
            return;
        }
        let mut restore = None;
        let mut delete = None;
        let mut later = false;
        egui::Window::new("Recover unsaved work")
            .collapsible(false)
            .default_width(480.0)
            .anchor(egui::Align2::CENTER_CENTER, [0.0, -80.0])
            .show(ctx, |ui| {
                ui.label("vodcut did not close cleanly last time. This unsaved work was kept:");
                for (i, c) in self.recovery_offer.iter().enumerate() {
                    ui.separator();
                    let when = time::OffsetDateTime::from_unix_timestamp(c.saved_at as i64)
                        .map(crate::api::client::format_timestamp)
                        .unwrap_or_default();
                    match &c.project {
                        Ok(p) => {
                            let from = c
                                .original
                                .as_ref()
                                .map(|o| o.display().to_string())
                                .unwrap_or_else(|| "a project never saved".into());
                            ui.label(format!(
                                "\"{}\" ({} clips), autosaved {when}, of {from}",
                                p.display_title(),
                                p.clip_count()
                            ));
                            ui.horizontal(|ui| {
                                if ui.button("Restore").clicked() {
                                    restore = Some(i);
                                }
                                if ui.button("Discard").clicked() {
                                    delete = Some(i);
                                }
                            });
                        }
                        Err(why) => {
                            ui.colored_label(ui.visuals().warn_fg_color, format!("{}: {why}", c.file.display()));
                            if ui.button("Delete").clicked() {
                                delete = Some(i);
                            }
                        }
                    }
                }
                ui.separator();
                if ui.button("Later").on_hover_text("Keep these for the next start").clicked() {
                    later = true;
                }
            });
        if let Some(i) = delete {
            let c = self.recovery_offer.remove(i);
            if let Some(rec) = self.cloud.recovery() {
                std::thread::spawn(move || rec.remove(&c.file));
            }
        }
        if let Some(i) = restore {
            let c = self.recovery_offer.remove(i);
            if let Ok(p) = c.project {
                self.incoming = Some((*p, c.original));
                self.request(Pending::Incoming);
            }
        }
        if later {
            self.recovery_offer.clear();
        }
    }

    fn toast_ui(&mut self, ctx: &egui::Context, now: f64) {
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

    fn menu_item(&mut self, ui: &mut egui::Ui, command: Command, enabled: bool) {
        let button = egui::Button::new(command.text()).shortcut_text(command.shortcut_text(ui.ctx()));
        if ui.add_enabled(enabled, button).on_hover_text(command.tooltip()).clicked() {
            self.run(command);
            ui.close();
        }
    }

    fn menu_ui(&mut self, ui: &mut egui::Ui) {
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

    fn menus_ui(&mut self, ui: &mut egui::Ui) {
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
                    for (i, p) in recent.iter().enumerate() {
                        if ui.button(p.display().to_string()).clicked() {
                            self.request(Pending::OpenPath(i));
                            ui.close();
                        }
                    }
                });
                ui.separator();
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

    fn status_ui(&mut self, ui: &mut egui::Ui) {
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

    fn left_ui(&mut self, ui: &mut egui::Ui) {
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
                super::library::library_ui(ui, &mut self.library, &mut self.cloud, &region, pid.as_deref());
            } else {
                bin_ui(ui, &mut self.doc, &mut self.bin_form);
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

    fn right_ui(&mut self, ui: &mut egui::Ui) {
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
                    .show(ui, |ui| super::forms::project_form_ui(ui, &mut self.doc, &problems));
                return;
            }
            Tab::Output => {
                egui::ScrollArea::vertical()
                    .id_salt("output-form")
                    .show(ui, |ui| super::forms::output_form_ui(ui, &mut self.doc, &problems));
                return;
            }
            Tab::Jobs => {
                if let super::jobs::JobAction::OpenCloudProject { project_id, region } =
                    super::jobs::jobs_ui(ui, &mut self.cloud)
                {
                    self.cloud.open_cloud_project(project_id, region);
                }
                return;
            }
        }
        if let Some(m) = super::inspector::inspector_ui(ui, &mut self.doc) {
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

    fn confirm_ui(&mut self, ctx: &egui::Context) {
        let Some(action) = self.confirm else { return };
        let verb = match action {
            Pending::New => "starting a new project",
            Pending::Open | Pending::OpenPath(_) | Pending::Incoming => "opening another project",
            Pending::Close => "closing",
        };
        let mut choice = None;
        egui::Modal::new(egui::Id::unique("save-changes")).show(ctx, |ui| {
            ui.heading("Save changes?");
            ui.label(format!("\"{}\" has unsaved changes. Save them before {verb}?", self.doc.project.display_title()));
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
