//! The editor as a desktop citizen: project files dropped on the window, the in-app file
//! browser, Help > About, remembered keys, crash reports of earlier runs, and saving the open
//! document when a frame panics.

use super::*;
use crate::ui::browser::{BrowseFor, Browser, Outcome};

/// Files that open as documents when dropped (the rest go to the upload path).
pub fn is_project_file(p: &std::path::Path) -> bool {
    p.extension().is_some_and(|x| {
        let x = x.to_string_lossy().to_lowercase();
        x == crate::store::project_file::EXTENSION || x == "json"
    })
}

impl Editor {
    /// Once, at the first frame: remembered keys, crash reports of earlier runs.
    pub(super) fn desktop_start(&mut self) {
        if self.cloud.settings.remember_keys && self.cloud.session.is_none() {
            self.cloud.keychain.load();
        }
        if let Some(dir) = self.cloud.data_dir().map(Path::to_owned) {
            let (tx, rx) = std::sync::mpsc::channel();
            self.crash_scan = Some(rx);
            self.cloud.executor().run_blocking(tx, move || crate::desktop::crash::unshown_reports(&dir));
        }
    }

    /// Every frame: answers from the keychain and the crash-report scan.
    pub(super) fn desktop_frame(&mut self, now: f64) {
        if !self.cloud.keychain.poll(&mut self.cloud.session) && self.cloud.settings.remember_keys {
            // No keychain here: keys stay for this session only, and the next start does not
            // look for them again.
            self.cloud.settings.remember_keys = false;
            self.cloud.save_settings();
        }
        if let Some(rx) = &self.crash_scan
            && let Ok(found) = rx.try_recv()
        {
            self.crash_scan = None;
            self.crash_reports = found;
        }
        if let Some(at) = self.crash_after
            && now >= at
        {
            self.crash_after = None;
            panic!("forced crash for testing (VODCUT_TEST_CRASH_AFTER)");
        }
    }

    /// Dropped `.vodcut` and Timeline `.json` files open (the first one, after the
    /// unsaved-changes question); they are taken out of the drop so uploads see only media.
    pub(super) fn handle_dropped_projects(&mut self, ctx: &egui::Context) {
        let projects: Vec<PathBuf> = ctx.input(|i| {
            i.raw.dropped_files.iter().map(|f| f.path().to_owned()).filter(|p| is_project_file(p)).collect()
        });
        if projects.is_empty() {
            return;
        }
        ctx.input_mut(|i| i.raw.dropped_files.retain(|f| !is_project_file(f.path())));
        if projects.len() > 1 {
            self.timeline.message =
                Some(crate::t!("shell-dropped-several", n = projects.len(), path = projects[0].display().to_string()));
        }
        self.request(Pending::OpenPath(projects[0].clone()));
    }

    /// Opens the in-app browser (no desktop dialog here).
    pub(super) fn open_browser(&mut self, purpose: BrowseFor) {
        let recent = self.cloud.settings.recent.clone();
        let start = match purpose {
            BrowseFor::Save | BrowseFor::ExportOtio => {
                self.doc.path.as_ref().and_then(|p| p.parent()).map(|p| p.to_owned())
            }
            // A map usually sits beside its edit.
            BrowseFor::Map => self.import_setup.as_ref().and_then(|s| s.path.parent()).map(|p| p.to_owned()),
            _ => None,
        }
        .or_else(|| recent.first().and_then(|p| p.parent()).map(|p| p.to_owned()));
        let name = match &self.doc.path {
            Some(p) => p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default(),
            None => format!(
                "{}.{}",
                crate::i18n::describe::project_title(self.doc.project()),
                crate::store::project_file::EXTENSION
            ),
        };
        let name = match purpose {
            BrowseFor::Save => name,
            BrowseFor::ExportOtio => {
                format!("{}.otio", crate::i18n::describe::project_title(self.doc.project())) // i18n-exempt: an extension
            }
            _ => String::new(),
        };
        let mut b = Browser::new(self.cloud.executor().clone(), purpose, start, name, &recent);
        b.note = Some(crate::t!("shell-no-dialog-note"));
        self.browser = Some(b);
    }

    /// The browser, the About window and the crash notice.
    pub(super) fn desktop_ui(&mut self, ctx: &egui::Context) {
        if let Some(b) = self.browser.as_mut() {
            let purpose = b.purpose;
            match b.show(ctx) {
                Outcome::Pending => {}
                Outcome::Cancelled => {
                    self.browser = None;
                    // A save that was to be followed by New/Open/Close did not happen.
                    self.after_save = None;
                    self.status = crate::t!("shell-cancelled");
                }
                Outcome::Chosen(paths) => {
                    self.browser = None;
                    match purpose {
                        BrowseFor::Open => {
                            if let Some(p) = paths.into_iter().next() {
                                // The unsaved-changes question was asked before the browser opened.
                                self.open_path(p);
                            }
                        }
                        BrowseFor::Save => {
                            if let Some(p) = paths.into_iter().next() {
                                self.start_save(Some(p));
                            }
                        }
                        BrowseFor::ImportEdit => {
                            if let Some(p) = paths.into_iter().next() {
                                self.files.choose_edit(Some(p));
                            }
                        }
                        BrowseFor::ExportOtio => {
                            if let Some(p) = paths.into_iter().next() {
                                self.export_otio(Some(p));
                            }
                        }
                        BrowseFor::Map => {
                            if let Some(p) = paths.into_iter().next() {
                                match self.import_setup.as_mut() {
                                    Some(setup) => setup.map = Some(p),
                                    None => self.files.read_map(Some(p)),
                                }
                            }
                        }
                        BrowseFor::Upload => {
                            let refused = self.uploads.add(paths, None);
                            self.uploads.error = (!refused.is_empty()).then(|| refused.join("\n"));
                        }
                    }
                }
            }
        }
        self.interchange_ui(ctx);
        let folders = crate::desktop::Folders::of(self.cloud.env.data_dir.clone(), self.cloud.env.cache_dir.clone());
        let level = match self.cloud.settings.log_level.as_str() {
            "" => "info".to_owned(), // i18n-exempt: a log level's setting value, shown through its label
            l => l.to_owned(),
        };
        if let Some(new) = crate::ui::about::about_ui(ctx, &mut self.about_open, &folders, &level) {
            crate::desktop::logfile::set_level(crate::desktop::logfile::parse_level(&new));
            self.cloud.settings.log_level = new;
            self.cloud.save_settings();
        }
        self.crash_notice_ui(ctx);
    }

    /// "vodcut stopped unexpectedly": where the report is. Shown after the recovery offer (the
    /// report's path is in that window too), once per report.
    fn crash_notice_ui(&mut self, ctx: &egui::Context) {
        if self.crash_reports.is_empty()
            || !self.recovery_offer.is_empty()
            || self.cloud.tasks.is_running(crate::core::Kind::Recovery)
        {
            return;
        }
        let mut close = false;
        egui::Modal::new(egui::Id::unique("crash-notice")).show(ctx, |ui| {
            ui.set_max_width(560.0);
            ui.heading(crate::t!("shell-crash-title"));
            ui.label(crate::t!("shell-crash-body"));
            for r in &self.crash_reports {
                let text = r.display().to_string();
                ui.horizontal(|ui| {
                    ui.add(egui::Label::new(egui::RichText::new(&text).monospace()).selectable(true));
                    if ui.small_button(crate::t!("shell-copy-path")).clicked() {
                        ui.ctx().copy_text(text.clone());
                    }
                });
            }
            if crate::ui::dialog::default_button(ui, &crate::t!("ui-ok")).clicked() || crate::ui::dialog::escape(ui) {
                close = true;
            }
        });
        if close {
            let reports = std::mem::take(&mut self.crash_reports);
            if let (Some(dir), Some(newest)) = (self.cloud.data_dir().map(Path::to_owned), reports.first().cloned()) {
                self.cloud.in_background(move || {
                    if let Err(e) = crate::desktop::crash::mark_shown(&dir, &newest) {
                        log::warn!("cannot note the crash report as shown: {e}");
                    }
                });
            }
        }
    }

    /// Saves the open document for recovery now, on this thread (a panic is unwinding: no
    /// thread can be trusted to finish later). Returns where.
    pub fn save_recovery_now(&self) -> Option<PathBuf> {
        if !self.doc.is_dirty() {
            return None;
        }
        let rec = self.cloud.recovery()?;
        let file = rec.file_for(self.doc.path.as_deref(), &self.doc.untitled_id);
        match rec.write(&file, self.doc.path.as_deref(), self.doc.project()) {
            Ok(()) => Some(file),
            Err(e) => {
                let path = file.display().to_string();
                eprintln!("{}", crate::t!("shell-recovery-save-failed", path = path, error = e.to_string()));
                None
            }
        }
    }

    /// One frame, with the document saved for recovery if it panics; the panic then goes on
    /// (the process ends, as it would have). eframe calls this; tests may too.
    pub fn guarded_ui(&mut self, ui: &mut egui::Ui) {
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| Editor::ui(self, ui)));
        if let Err(payload) = result {
            let saved = self.save_recovery_now();
            if let Some(report) = crate::desktop::crash::last_report() {
                let line = match &saved {
                    Some(f) => format!("\n{}", crate::t!("shell-crash-unsaved-saved", path = f.display().to_string())),
                    None => format!("\n{}", crate::t!("shell-crash-unsaved-none")),
                };
                crate::desktop::crash::append_to_report(&report, &line);
            }
            std::panic::resume_unwind(payload);
        }
    }
}
