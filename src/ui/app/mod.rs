//! The editor window: its state and the frame loop. The rest of `Editor` lives beside it:
//! `files` (documents, saving, autosave), `cloud_events` (producing, jobs, library results),
//! `panels` (menus, side panels, status line), `dialogs` (prompts, recovery, toasts),
//! `playback` (speeds, the sound, scrubbing).

mod cloud_events;
mod cloudproj;
mod compare;
mod desktop;
mod dialogs;
mod disk;
mod files;
mod interchange;
mod panels;
mod playback;
mod problems;
mod run;
mod source;
mod sync;
mod uploads;
mod welcome;

use super::account::{AccountForm, account_ui};
use super::bin::{AddForm, bin_ui};
use super::commands::{Command, pressed};
use super::files::{FileEvent, FileWorker, Picker};
use super::produce::{Choice, produce_dialogs};
use super::timeline::{TimelineState, timeline_ui};
use crate::core::cloud::{Cloud, Event};
use crate::core::produce::{Outcome, Step};
use crate::edit::document::Document;
use crate::model::Time;
use crate::model::validate::{Problem, Severity};
use crate::store::Origin;
use egui::Key;
use std::path::{Path, PathBuf};
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
    /// Import an edit from another editor (File > Import edit…).
    ImportEdit,
    /// An import finished after the document was edited: it replaces the document only
    /// once asked again.
    ImportedEdit,
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
    /// Why the prompt is shown instead of a file dialog, if that is why.
    pub note: Option<String>,
}

/// The right panel's tabs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tab {
    Inspector,
    Project,
    Output,
    Markers,
    Problems,
    Jobs,
    /// A template's slots and their sample values.
    Template,
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
    /// The project read as a template (None: it holds no slot), once per revision.
    template: Option<(u64, Option<Arc<crate::template::editor::Check>>)>,
    slot_scan: crate::template::editor::SlotScan,
    /// The frame (pass) that last checked the project for problems.
    problems_pass: u64,
    /// Per-track validation results, reused for tracks an edit did not touch.
    validation: crate::model::validate::ValidationCache,
    window_title: String,
    bin_form: AddForm,
    /// Playing since (clock time, playhead then): the playhead is worked out from the clock
    /// each frame, so snapping it to frames never slows playback down.
    playing: Option<(f64, Time)>,
    /// Playback speed: 0 stopped, 1 real time, 2/4/8 faster, negative backwards (J/K/L).
    pub play_speed: f64,
    /// The sound: the mix played in time with the picture (its clock drives the playhead),
    /// scrubbing snippets, the meters. Tests put a recorder in its output.
    pub sound: crate::sound::session::Session,
    /// The playhead last frame (scrubbing plays a snippet when a drag moves it).
    last_playhead: Time,
    /// "Duck music under voice", while its dialog is open.
    pub duck: Option<crate::ui::sound::DuckForm>,
    /// Save to cloud and the cloud project browser.
    pub cloudproj: crate::ui::cloudproj::CloudProjects,
    pub cloud: Cloud,
    /// The difference dialog's state (`ui::sync`), while the cloud project differs.
    pub sync_view: crate::ui::sync::SyncView,
    account_form: AccountForm,
    pub tab: Tab,
    /// A project waiting to replace the document (after the unsaved-changes prompt): from the
    /// cloud, or recovered work (true) with the file it belongs to.
    incoming: Option<(crate::model::Project, Option<PathBuf>, bool)>,
    /// The document's revision when an import was asked for (it runs in the background, and
    /// the editor stays usable meanwhile), and an import waiting for the question again.
    import_base: Option<u64>,
    import_done: Option<(PathBuf, Box<crate::ui::files::ImportDone>)>,
    started: bool,
    /// Seconds between autosaves of a dirty document to the recovery folder.
    pub autosave_every: f64,
    last_autosave: f64,
    autosaved_revision: u64,
    /// Unsaved work found at start, offered back.
    pub recovery_offer: Vec<crate::store::recovery::Candidate>,
    pub library: crate::ui::library::LibraryPanel,
    /// The left panel shows the library (else the bin).
    pub show_library: bool,
    /// The Effects tab is shown in the left panel (over the bin or the library).
    pub show_effects: bool,
    pub effects: crate::ui::effects::EffectsPanel,
    ctx_for_textures: egui::Context,
    /// The typed-path prompt (works without a desktop file dialog), when open.
    pub path_prompt: Option<PathPrompt>,
    /// The status line's text and since when it has shown (messages fade).
    status_shown: (String, f64),
    /// Media of unknown length, worked out once per document revision (not every frame).
    unknown_cache: Option<(u64, Vec<String>)>,
    /// Local files going to VOD (File > Upload media…, files dropped on the window).
    pub uploads: crate::core::uploads::Uploads,
    /// The real output frame at the playhead (background renderer, texture).
    pub preview: crate::ui::preview::PreviewState,
    /// The source viewer: a medium opened from the bin or the library, shown in the preview
    /// area instead of the program when chosen.
    pub source: crate::ui::source::SourceViewer,
    /// Render draft: the background render, its window and where drafts open.
    pub draft: crate::ui::draft::DraftState,
    /// Compare with draft (Jobs tab): the comparison running or its report.
    pub compare: crate::ui::compare::CompareView,
    /// The in-app file browser (where no desktop file dialog can appear), when open.
    pub browser: Option<crate::ui::browser::Browser>,
    /// Help > About.
    pub about_open: bool,
    /// Crash reports of earlier runs not shown yet (found at start, off the UI thread).
    pub crash_reports: Vec<PathBuf>,
    crash_scan: Option<std::sync::mpsc::Receiver<Vec<PathBuf>>>,
    /// Test switch: panic in the first frame after this many seconds (see `guarded_ui`).
    #[doc(hidden)]
    pub crash_after: Option<f64>,
    /// The welcome screen is up (a window opened without a project).
    pub welcome: bool,
    account_probe: Option<crate::ui::welcome::AccountProbe>,
    /// Opens a sandbox window (Help > Try the sandbox); tests put a recorder here.
    pub sandbox_launcher: Arc<dyn Fn() -> Result<(), String> + Send + Sync>,
    /// The file the document was last read from or written to, as it was then (see `disk`).
    disk: Option<(PathBuf, crate::store::stamp::Stamp)>,
    /// That file changed on disk meanwhile: the question asked.
    pub disk_conflict: Option<disk::DiskConflict>,
    /// The report of the last import or `.otio` export, while its window is open.
    pub interchange_report: Option<crate::ui::interchange::Report>,
    /// The import's dialog (a map, an EDL's rate), once an edit is chosen.
    pub import_setup: Option<crate::ui::interchange::Setup>,
    /// The dialog for an import's sources found nowhere: upload or keep as missing.
    pub unmatched: Option<crate::ui::interchange::Unmatched>,
    /// Uploads started from that dialog: the item, the file its clips wait for, and whether
    /// the report said its upload failed (it may be retried from the Uploads window).
    pub import_uploads: std::collections::HashMap<u64, (String, bool)>,
}

impl Editor {
    /// An editor on `doc` in `env`, with the default settings (benchmarks, tests).
    pub fn with_document(picker: Arc<dyn Picker>, doc: Document, env: crate::core::Env) -> Self {
        Editor::with_cloud(picker, doc, Cloud::new(env, Default::default()))
    }

    /// An editor with its cloud session given (its environment, settings and executor: the
    /// app, and tests against a loopback server). All its background work runs on the
    /// session's executor.
    pub fn with_cloud(picker: Arc<dyn Picker>, doc: Document, cloud: Cloud) -> Self {
        let executor = cloud.executor().clone();
        let uploads = crate::core::uploads::Uploads::new(cloud.data_dir().map(Path::to_owned), executor.clone());
        let launcher = executor.clone();
        let cache_dir = cloud.env.cache_dir.clone();
        Editor {
            timeline: TimelineState::default(),
            files: FileWorker::new(picker, executor.clone()),
            confirm: None,
            after_save: None,
            allow_close: false,
            status: crate::t!("shell-new-project"),
            sync_view: Default::default(),
            error: None,
            problems: None,
            template: None,
            slot_scan: Default::default(),
            problems_pass: u64::MAX,
            validation: Default::default(),
            window_title: String::new(),
            bin_form: AddForm::default(),
            playing: None,
            play_speed: 0.0,
            sound: crate::sound::session::Session::new(crate::sound::out::system()),
            last_playhead: Time::ZERO,
            duck: None,
            cloudproj: Default::default(),
            cloud,
            account_form: AccountForm::default(),
            tab: Tab::Inspector,
            incoming: None,
            import_base: None,
            import_done: None,
            started: false,
            autosave_every: 30.0,
            last_autosave: 0.0,
            autosaved_revision: 0,
            recovery_offer: Vec::new(),
            library: Default::default(),
            show_library: false,
            show_effects: false,
            effects: Default::default(),
            ctx_for_textures: egui::Context::default(),
            unknown_cache: None,
            status_shown: (String::new(), 0.0),
            path_prompt: None,
            uploads,
            preview: crate::ui::preview::PreviewState::new(cache_dir, executor.clone()),
            source: Default::default(),
            draft: crate::ui::draft::DraftState::new(executor),
            compare: Default::default(),
            browser: None,
            about_open: false,
            crash_reports: Vec::new(),
            crash_scan: None,
            crash_after: None,
            welcome: false,
            account_probe: None,
            sandbox_launcher: Arc::new(move || crate::ui::welcome::launch_sandbox_window(&launcher)),
            disk: None,
            disk_conflict: None,
            interchange_report: None,
            import_setup: None,
            unmatched: None,
            import_uploads: Default::default(),
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
        let title = crate::i18n::describe::project_title(self.doc.project());
        if self.cloud.sandbox {
            crate::t!("shell-window-title-sandbox", dirty = dirty, title = title, file = file)
        } else {
            crate::t!("shell-window-title", dirty = dirty, title = title, file = file)
        }
    }

    /// Puts a line on the system clipboard too: the desktop sends Ctrl+V as a Paste event
    /// only when the clipboard holds text, so an empty clipboard would swallow the paste.
    fn note_clipboard(&self, n: usize) {
        if n > 0 {
            self.ctx_for_textures.copy_text(crate::t!("shell-clipboard-clips", n = n));
        }
    }

    /// Whether a dialog is open (it then takes every key).
    pub fn dialog_open(&self) -> bool {
        self.welcome
            || self.confirm.is_some()
            || self.error.is_some()
            || self.path_prompt.is_some()
            || !self.recovery_offer.is_empty()
            || self.cloud.settings_open
            || self.timeline.renaming.is_some()
            || self.duck.is_some()
            || self.cloudproj.confirm_save
            || self.cloudproj.confirm_delete.is_some()
            || self.browser.is_some()
            || self.about_open
            || !self.crash_reports.is_empty()
            || self.disk_conflict.is_some()
            || !matches!(self.cloud.step, Step::Idle | Step::InFlight)
    }

    /// Where the preview's pictures come from: the VOD connection, ffmpeg, the cache.
    fn footage_settings(&self) -> crate::ui::preview::FootageSettings {
        let s = &self.cloud.settings;
        crate::ui::preview::FootageSettings {
            connection: self.cloud.footage.then(|| self.cloud.connection(&self.doc.project().region)),
            ffmpeg: Some(s.ffmpeg_path.trim()).filter(|p| !p.is_empty()).map(PathBuf::from),
            cache_dir: self.preview.cache_dir.clone(),
            memory_bytes: match s.frame_memory_mb {
                0 => crate::media::cache::DEFAULT_MEMORY_BYTES,
                mb => (mb as usize).saturating_mul(1 << 20),
            },
        }
    }

    /// Renders a draft of the document as it is now, in the background (Render draft).
    fn start_draft(&mut self) {
        let footage = self.preview.footage().cloned();
        if let Some(why) = crate::ui::draft::unavailable(footage.as_ref()) {
            self.error = Some(why);
            return;
        }
        let (Some(footage), Some(rt)) = (footage, self.preview.runtime()) else { return };
        let target = crate::ui::draft::draft_path(
            self.doc.path.as_deref(),
            &crate::i18n::describe::project_title(self.doc.project()),
            self.preview.cache_dir.as_deref(),
        );
        let ctx = self.ctx_for_textures.clone();
        self.draft.start(&ctx, footage, rt, self.doc.project().clone(), target.clone());
        self.status = crate::t!("shell-rendering-draft", path = target.display().to_string());
    }

    /// Shows times in the unit of the settings (the View menu, the settings window and the
    /// preview's time display change it there). Text made in the other unit is made again.
    fn apply_time_unit(&mut self) {
        let unit = self.cloud.settings.time_unit;
        if unit != crate::i18n::clock::unit() {
            crate::i18n::clock::set_unit(unit);
            self.problems = None;
        }
    }

    /// Puts the playhead at `t` (Go to timecode), playback going on from there.
    pub(super) fn go_to(&mut self, t: Time) {
        self.doc.set_playhead(t);
        // The playhead is no edit (no new revision): ask for the frame that shows it.
        self.ctx_for_textures.request_repaint();
        self.timeline.follow_playhead = true;
        if self.play_speed != 0.0 {
            self.set_play_speed(self.play_speed);
        }
    }

    /// The whole window. Called by eframe each frame, and by tests through egui_kittest.
    pub fn ui(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        self.ctx_for_textures = ctx.clone();
        let now = ctx.input(|i| i.time);
        if !self.cloud.executor().has_wake() {
            // The executor wakes this window after each piece of background work.
            let c = ctx.clone();
            self.cloud.executor().set_wake(Arc::new(move || c.request_repaint()));
        }
        if !self.started {
            self.started = true;
            self.last_autosave = now;
            self.cloud.load_jobs();
            self.cloud.scan_recovery();
            self.desktop_start();
        }
        self.desktop_frame(now);
        self.check_disk_on_focus(&ctx);
        self.apply_time_unit();
        self.timeline.still_length = self.cloud.settings.still_duration();
        self.handle_file_events();
        self.handle_cloud_events(now);
        self.handle_uploads(&ctx);
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
        // What this frame changes after drawing it (a dialog answered, an edit from a menu)
        // must be drawn too: egui repaints only on input or when asked.
        let before = (self.dialog_open(), self.doc.revision(), self.tab);
        let said = (self.status.clone(), selection_key(&self.doc.selection));
        // A dialog takes all input: no shortcut reaches the document behind it.
        if !self.dialog_open() {
            let preview_keys = self.preview.focused && !self.source.showing;
            for command in pressed(&ctx, preview_keys) {
                if self.source.holds_back_key(command) {
                    // The key is the timeline's and the source viewer has the keyboard.
                    self.status = crate::t!("source-key-is-the-timelines");
                    continue;
                }
                self.run(command);
            }
        }
        if let Some((since, from)) = self.playing {
            // The playhead follows the clock at the playback speed; the preview shows the
            // frame due at it.
            self.follow_clock(&ctx, now, since, from);
        }
        self.timeline.strips.set_source(self.preview.footage(), self.preview.runtime());
        self.source.set_footage(self.preview.footage(), self.preview.runtime());
        self.source.tick(&ctx, self.doc.project().frame_rate, now);
        let title = self.title();
        if title != self.window_title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.window_title = title;
        }

        let menu_bar = egui::Panel::top("menu").show(ui, |ui| self.menu_ui(ui)).response.rect;
        egui::Panel::bottom("status").show(ui, |ui| self.status_ui(ui, now));
        // The timeline's panel takes its place now, but its contents are drawn after the side
        // panels: Tab moves through widgets in the order they are drawn, and on screen the
        // timeline comes after the panels above it.
        let timeline_rect = egui::Panel::bottom("timeline")
            .resizable(true)
            .default_size(300.0)
            .min_size(120.0)
            .show(ui, |ui| {
                let r = ui.available_rect_before_wrap();
                ui.advance_cursor_after_rect(r);
                r
            })
            .inner;
        // Fixed widths (still resizable by hand): content, errors and long messages wrap
        // inside instead of pushing the panels wider.
        egui::Panel::left("left")
            .resizable(true)
            .default_size(270.0)
            .size_range(200.0..=520.0)
            .show(ui, |ui| self.left_ui(ui));
        egui::Panel::right("inspector")
            .resizable(true)
            .default_size(340.0)
            .size_range(260.0..=640.0)
            .show(ui, |ui| self.right_ui(ui));
        let footage = self.footage_settings();
        let speed = self.play_speed;
        // The preview area shows the source viewer or the program; while a clip edge is being
        // trimmed, slipped or slid it shows the program (the trim's two frames) whichever is
        // chosen.
        let program = !self.source.showing || self.timeline.trim_at.is_some() || self.timeline.slip_at.is_some();
        let fr = self.doc.project().frame_rate;
        let meter = self.sound.meter();
        let note = self.sound.note.clone().filter(|_| self.play_speed > 0.0);
        let (asked, went, preview_rect) = egui::CentralPanel::default_margins()
            .show(ui, |ui| {
                let rect = ui.max_rect();
                self.monitor_switch(ui);
                // The meters stand beside the picture, on the right.
                let full = ui.available_rect_before_wrap();
                let split = full.right() - crate::ui::sound::METERS_W;
                let meters = egui::Rect::from_min_max(egui::pos2(split, full.top() + 12.0), full.max);
                let mut pv = ui.new_child(
                    egui::UiBuilder::new()
                        .max_rect(egui::Rect::from_min_max(full.min, egui::pos2(split, full.bottom()))),
                );
                let shown = if program {
                    self.source.rect = None;
                    let went = crate::ui::preview::preview_ui(
                        &mut pv,
                        &mut self.doc,
                        &mut self.timeline,
                        &mut self.preview,
                        &footage,
                        speed,
                    );
                    (None, Some(went), rect)
                } else {
                    // The program's renderer stays current: the viewer uses its footage.
                    self.preview.ensure_renderer(&ctx, &footage);
                    (crate::ui::source::source_ui(&mut pv, &mut self.source, fr), None, rect)
                };
                crate::ui::sound::meters_ui(ui, meters, meter);
                if let Some(n) = &note {
                    crate::ui::sound::note_ui(ui, full, n);
                }
                ui.advance_cursor_after_rect(full);
                shown
            })
            .inner;
        if let Some(m) = self.preview.message.take() {
            self.status = m;
        }
        if std::mem::take(&mut self.preview.picked_now) {
            // A layer picked in the picture: its numbers are the inspector's.
            self.tab = Tab::Inspector;
        }
        if let Some(went) = went {
            if let Some(t) = went.go_to {
                self.go_to(t);
            }
            if went.toggle_unit {
                self.run(Command::TimesInSeconds);
            }
        }
        if let Some(c) = asked {
            self.run(c);
        }
        let mut tl = ui.new_child(egui::UiBuilder::new().max_rect(timeline_rect).id_salt("timeline-contents"));
        tl.set_clip_rect(timeline_rect);
        timeline_ui(&mut tl, &mut self.doc, &mut self.timeline);
        self.scrub_sound();
        self.warm_sound(&ctx);
        if let Some(c) = self.timeline.command.take() {
            self.run(c);
        }
        let region = self.doc.project().region.clone();
        account_ui(&ctx, &mut self.cloud, &mut self.account_form, &region);
        let facts = || crate::core::produce::facts(self.doc.project(), &self.cloud.env);
        match produce_dialogs(&ctx, &self.cloud.step, self.doc.project(), facts) {
            Choice::None => {}
            Choice::Close => self.cloud.step = Step::Idle,
            Choice::Continue => self.cloud.step = Step::Confirm,
            Choice::Send => self.send_production(false),
            Choice::SendAnyway => self.send_production(true),
            Choice::Select(r) => {
                self.doc.selection = vec![r];
                self.tab = Tab::Inspector;
                self.cloud.step = Step::Idle;
            }
        }
        self.sync_dialog_ui(&ctx);
        if let Some(line) = self.draft.poll() {
            self.status = line;
        }
        crate::ui::draft::draft_window(&ctx, &mut self.draft);
        self.compare_ui(&ctx);
        self.handle_dropped_projects(&ctx);
        self.empty_hint(ui, timeline_rect);
        self.welcome_ui(&ctx);
        self.handle_dropped_files(&ctx);
        if crate::ui::uploads::uploads_window(&ctx, &mut self.uploads, menu_bar.bottom()) {
            self.files.choose_media();
        }
        self.toast_ui(&ctx, now);
        self.rename_marker_ui(&ctx);
        self.duck_ui(&ctx);
        self.cloudproj_ui(&ctx);
        self.recovery_ui(&ctx);
        self.desktop_ui(&ctx);
        self.path_prompt_ui(&ctx);
        self.confirm_ui(&ctx);
        self.disk_conflict_ui(&ctx);
        self.error_ui(&ctx);
        self.update_focus(&ctx, timeline_rect, preview_rect);
        focus_ring(&ctx);
        // An edit or a new selection made by hand (a drag, a click, a field) is the next
        // action: a status about an earlier one goes, unless this frame said something new.
        let acted = before.1 != self.doc.revision() || said.1 != selection_key(&self.doc.selection);
        if acted && self.status == said.0 {
            self.status.clear();
        }
        if before != (self.dialog_open(), self.doc.revision(), self.tab) {
            ctx.request_repaint();
        }
    }
}

/// What tells one selection from the next without copying it (it may hold 100 000 clips).
fn selection_key(
    s: &[crate::edit::ops::ClipRef],
) -> (usize, Option<crate::edit::ops::ClipRef>, Option<crate::edit::ops::ClipRef>) {
    (s.len(), s.first().copied(), s.last().copied())
}

/// A visible ring around the widget with keyboard focus (egui draws a focused button like a
/// pressed one, which is easy to miss). Text fields show their own cursor.
fn focus_ring(ctx: &egui::Context) {
    let Some(id) = ctx.memory(|m| m.focused()) else { return };
    if ctx.text_edit_focused() {
        return;
    }
    let Some(r) = ctx.read_response(id) else { return };
    let stroke = egui::Stroke::new(2.0, ctx.global_style().visuals.selection.stroke.color);
    ctx.layer_painter(r.layer_id).rect_stroke(r.rect.expand(2.0), 3.0, stroke, egui::StrokeKind::Outside);
}

impl eframe::App for Editor {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        // A panic in a frame saves the open document for recovery before the process ends.
        self.guarded_ui(ui);
    }
}
