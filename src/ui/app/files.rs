//! Documents: new, open, save, the unsaved-changes flow, autosave to the recovery folder.

use super::*;

impl Editor {
    pub fn open_path(&mut self, path: PathBuf) {
        self.status = crate::t!("shell-opening", path = path.display().to_string());
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
    pub(super) fn drop_recovery(&self) {
        if let Some(rec) = self.cloud.recovery() {
            let file = rec.file_for(self.doc.path.as_deref(), &self.doc.untitled_id);
            self.cloud.in_background(move || rec.remove(&file));
        }
    }

    /// Writes the dirty document to the recovery folder every `autosave_every` seconds, on a
    /// thread (never over the user's file, never blocking a frame).
    pub(super) fn autosave(&mut self, now: f64) {
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
        let (original, project) = (self.doc.path.clone(), self.doc.project().clone());
        self.cloud.in_background(move || {
            if let Err(e) = rec.write(&file, original.as_deref(), &project) {
                log::warn!("autosave to {} failed: {e}", file.display());
            }
        });
    }

    pub(super) fn perform(&mut self, action: Pending) {
        if self.doc.is_dirty() {
            // Reached only after the user chose Discard.
            self.drop_recovery();
        }
        match action {
            Pending::New => {
                self.doc = Document::default();
                self.apply_default_region();
                self.status = crate::t!("shell-new-project");
            }
            Pending::Open => {
                self.status = crate::t!("shell-choosing-file");
                self.files.open(None);
            }
            Pending::OpenPath(p) => self.open_path(p),
            Pending::Incoming => {
                if let Some((p, path, restored)) = self.incoming.take() {
                    let (title, clips) = (crate::i18n::describe::project_title(&p), p.clip_count());
                    self.status = match (&path, restored) {
                        (Some(f), _) => {
                            crate::t!("shell-restored", path = f.display().to_string(), title = title, clips = clips)
                        }
                        (None, true) => crate::t!("shell-restored-untitled", title = title, clips = clips),
                        (None, false) => crate::t!("shell-loaded", title = title),
                    };
                    self.doc = Document::new(p, path, true);
                    self.timeline.fit_requested = true;
                    // The work is here: the welcome box has nothing left to offer over it.
                    self.welcome = false;
                }
            }
            Pending::ImportEdit => {
                self.import_base = Some(self.doc.revision());
                self.status = crate::t!("shell-choosing-file");
                self.files.choose_edit(None);
            }
            Pending::ImportedEdit => {
                if let Some((path, done)) = self.import_done.take() {
                    self.open_import(path, *done);
                }
            }
            Pending::Close => self.allow_close = true,
        }
    }

    /// File > Export > OpenTimelineIO…: the project as `.otio`, asking where unless `path`.
    pub fn export_otio(&mut self, path: Option<PathBuf>) {
        self.status = crate::t!("shell-choosing-file");
        self.files.export_otio(self.doc.project().clone(), self.doc.path.clone(), path);
    }

    pub fn save(&mut self) {
        self.start_save(self.doc.path.clone());
    }

    pub fn save_as(&mut self) {
        self.start_save(None);
    }

    pub(super) fn start_save(&mut self, path: Option<PathBuf>) {
        self.status = crate::t!("shell-saving");
        self.doc.seal();
        // Over the document's own file: only if it is still as it was read or written.
        let expected = path.as_ref().filter(|p| self.doc.path.as_ref() == Some(*p)).and_then(|_| self.known_stamp());
        self.files.save(self.doc.project().clone(), self.doc.history.state_id(), path, expected);
    }

    pub(super) fn handle_file_events(&mut self) {
        for event in self.files.poll() {
            match event {
                FileEvent::Opened { path, result: Ok(opened) } => {
                    let (opened, stamp) = *opened;
                    match opened.origin {
                        Origin::Project => {
                            self.status = crate::t!("shell-opened", path = path.display().to_string());
                            self.cloud.remember(&path);
                            self.disk = Some((path.clone(), stamp));
                            self.doc = Document::new(opened.project, Some(path), false);
                        }
                        Origin::ImportedTimeline => {
                            // Unsaved, and Save asks for a new file: the Timeline is never overwritten.
                            self.status = crate::t!("shell-imported", path = path.display().to_string());
                            self.doc = Document::new(opened.project, None, true);
                        }
                    }
                    self.timeline.fit_requested = true;
                }
                FileEvent::Opened { result: Err(e), .. } => {
                    self.status = crate::t!("shell-open-failed");
                    self.error = Some(e.to_string());
                }
                FileEvent::Saved { path, revision, result: Ok(stamp) } => {
                    self.disk = Some((path.clone(), stamp));
                    // Saved work needs no recovery copy (under the old name or the new one).
                    if let Some(rec) = self.cloud.recovery() {
                        let files = [
                            rec.file_for(self.doc.path.as_deref(), &self.doc.untitled_id),
                            rec.file_for(Some(&path), &self.doc.untitled_id),
                        ];
                        self.cloud.in_background(move || files.iter().for_each(|f| rec.remove(f)));
                    }
                    self.autosaved_revision = 0;
                    self.doc.history.mark_saved_state(revision);
                    self.status = crate::t!("shell-saved", path = path.display().to_string());
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
                    self.status = crate::t!("shell-save-failed");
                    self.error = Some(e.to_string());
                }
                FileEvent::ChangedOnDisk { path, saving } => self.disk_changed(path, saving),
                FileEvent::Unchanged { path, stamp: Some(stamp) } => {
                    if self.doc.path.as_ref() == Some(&path) {
                        self.disk = Some((path, stamp));
                    }
                }
                FileEvent::Unchanged { stamp: None, .. } => {}
                FileEvent::Cancelled => {
                    self.after_save = None;
                    self.status = crate::t!("shell-cancelled");
                }
                FileEvent::NoDialog { purpose } => {
                    // Nothing fails silently: the in-app browser takes over, and says why.
                    self.open_browser(purpose);
                    self.status = crate::t!("shell-no-dialog-status");
                }
                FileEvent::MediaChosen(paths) => {
                    let refused = self.uploads.add(paths, None);
                    self.uploads.error = (!refused.is_empty()).then(|| refused.join("\n"));
                }
                FileEvent::SubtitlesRead { path, track, result } => self.import_subtitles(&path, track, result),
                FileEvent::SubtitlesWritten { path, result: Ok(n) } => {
                    self.status = crate::t!("subtitles-exported", n = n, file = path.display().to_string());
                }
                FileEvent::SubtitlesWritten { result: Err(e), .. } => self.error = Some(e),
                FileEvent::EditChosen { path, drop_frame } => {
                    let rate = self.doc.project().frame_rate;
                    self.status = crate::t!("ix-ui-setup-file", file = path.display().to_string());
                    self.import_setup = Some(crate::ui::interchange::Setup::new(path, drop_frame, rate));
                }
                FileEvent::MapChosen(map) => {
                    if let Some(setup) = self.import_setup.as_mut() {
                        setup.map = Some(map);
                    }
                }
                FileEvent::Imported { path, result: Ok(done) } => self.imported(path, *done),
                FileEvent::Imported { result: Err(e), .. } => {
                    self.status = crate::t!("shell-open-failed");
                    self.error = Some(e);
                }
                FileEvent::MapRead { path, result: Ok(map) } => self.apply_map(&path, &map),
                FileEvent::MapRead { result: Err(e), .. } => self.error = Some(e),
                FileEvent::ExportedOtio { path, result: Ok(notes) } => {
                    let shown = path.display().to_string();
                    self.status = crate::t!("ix-ui-exported", path = shown.as_str());
                    self.interchange_report = Some(crate::ui::interchange::Report::of_export(&shown, notes));
                }
                FileEvent::ExportedOtio { result: Err(e), .. } => {
                    self.status = crate::t!("shell-save-failed");
                    self.error = Some(e);
                }
                FileEvent::Failed(why) => self.error = Some(why),
            }
        }
    }
}

impl Editor {
    /// Brings checked cues into the document as one undo step (a broken file, or cues that
    /// do not fit the track, change nothing and say why with the file and line).
    fn import_subtitles(
        &mut self,
        path: &std::path::Path,
        track: Option<String>,
        result: Result<Vec<crate::subtitles::Cue>, crate::subtitles::SubError>,
    ) {
        use crate::subtitles::{ImportOptions, import_edit};
        let fr = self.doc.project().frame_rate;
        let options = ImportOptions { track, ..Default::default() };
        match result.and_then(|cues| import_edit(self.doc.project(), &cues, &options).map(|e| (e, cues.len()))) {
            Ok(((edit, selection), n)) => {
                if self.doc.apply(&crate::t!("subtitles-edit-import"), edit) {
                    self.doc.selection = selection;
                    self.status = crate::t!("subtitles-imported-status", n = n, file = path.display().to_string());
                }
            }
            Err(e) => {
                self.status = crate::t!("subtitles-import-failed");
                self.error = Some(e.describe(path, fr));
            }
        }
    }

    /// File > Export subtitles…: the first subtitle track as .srt, written where the user says.
    pub(super) fn export_subtitles(&mut self) {
        let project = self.doc.project();
        match crate::subtitles::export_srt(project, None) {
            Ok(srt) => {
                let n = srt.matches(" --> ").count();
                let suggested = format!("{}.srt", crate::i18n::describe::project_title(project));
                self.files.write_subtitles(srt, n, suggested, self.doc.path.clone());
            }
            Err(e) => self.error = Some(e.describe(std::path::Path::new(""), project.frame_rate)),
        }
    }
}
