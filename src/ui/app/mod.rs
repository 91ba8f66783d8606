//! The editor window: its state and the frame loop. The rest of `Editor` lives beside it:
//! `files` (documents, saving, autosave), `cloud_events` (producing, jobs, library results),
//! `panels` (menus, side panels, status line), `dialogs` (prompts, recovery, toasts).

mod cloud_events;
mod dialogs;
mod files;
mod panels;

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
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Pending {
    New,
    Open,
    /// Open this file (recent list, typed path).
    OpenPath(PathBuf),
    /// Replace the document with a project loaded from the cloud.
    Incoming,
    Close,
}

/// What a typed path is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PathPurpose {
    Open,
    SaveAs,
}

#[derive(Clone, Debug)]
pub struct PathPrompt {
    pub purpose: PathPurpose,
    pub text: String,
    /// Just opened: select the prefilled text so typing replaces it.
    pub fresh: bool,
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
    /// Playback speed: 0 stopped, 1 real time, 2/4/8 faster, negative backwards (J/K/L).
    pub play_speed: f64,
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
    pub library: crate::ui::library::Library,
    /// The left panel shows the library (else the bin).
    pub show_library: bool,
    ctx_for_textures: egui::Context,
    /// The typed-path prompt (works without a desktop file dialog), when open.
    pub path_prompt: Option<PathPrompt>,
    /// Media of unknown length, worked out once per document revision (not every frame).
    unknown_cache: Option<(u64, Vec<String>)>,
    /// The real output frame at the playhead (background renderer, texture).
    pub preview: crate::ui::preview::PreviewState,
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
            play_speed: 0.0,
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
            unknown_cache: None,
            path_prompt: None,
            preview: crate::ui::preview::PreviewState::new(crate::store::thumb_cache::cache_dir()),
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
        self.confirm.clone()
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

    /// Where the preview's pictures come from: the VOD connection, ffmpeg, the cache.
    fn footage_settings(&self) -> crate::ui::preview::FootageSettings {
        let s = &self.cloud.settings;
        crate::ui::preview::FootageSettings {
            connection: self.cloud.footage.then(|| self.cloud.connection(&self.doc.project.region)),
            ffmpeg: Some(s.ffmpeg_path.trim()).filter(|p| !p.is_empty()).map(PathBuf::from),
            cache_dir: self.preview.cache_dir.clone(),
            memory_bytes: match s.frame_memory_mb {
                0 => crate::media::cache::DEFAULT_MEMORY_BYTES,
                mb => (mb as usize).saturating_mul(1 << 20),
            },
        }
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
                self.play_speed = if self.play_speed == 0.0 { 1.0 } else { 0.0 };
                Ok(())
            }
            Command::ShuttleForward => {
                self.play_speed = if self.play_speed <= 0.0 { 1.0 } else { (self.play_speed * 2.0).min(8.0) };
                Ok(())
            }
            Command::ShuttleBack => {
                self.play_speed = if self.play_speed >= 0.0 { -1.0 } else { (self.play_speed * 2.0).max(-8.0) };
                Ok(())
            }
            Command::ShuttleStop => {
                self.play_speed = 0.0;
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
        if self.play_speed != 0.0 {
            // The playhead follows the clock; the preview shows the frame due at it.
            let dt = f64::from(ctx.input(|i| i.stable_dt).min(0.1));
            let p = self.doc.project.playhead;
            let next = p + Time::from_secs_f64(dt * self.play_speed).unwrap_or(Time::ZERO);
            let end = self.timeline.content_end();
            if next <= Time::ZERO || (self.play_speed > 0.0 && next >= end) {
                self.doc.set_playhead(if self.play_speed > 0.0 { end } else { Time::ZERO });
                self.play_speed = 0.0;
            } else {
                self.doc.set_playhead(next);
            }
            ctx.request_repaint();
        }
        self.timeline.strips.set_source(self.preview.footage(), self.preview.runtime());
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
        let footage = self.footage_settings();
        let speed = self.play_speed;
        egui::CentralPanel::default_margins().show(ui, |ui| {
            crate::ui::preview::preview_ui(ui, &self.doc, &mut self.timeline, &mut self.preview, &footage, speed)
        });
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
        self.path_prompt_ui(&ctx);
        self.confirm_ui(&ctx);
        self.error_ui(&ctx);
    }
}

impl eframe::App for Editor {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        Editor::ui(self, ui);
    }
}
