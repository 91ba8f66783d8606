//! The editor's side of File > Import edit…: the import's dialog, the import becoming the
//! document, the dialog for media found nowhere, and the clips that wait for their media
//! placed by a map or an upload (each one undo step).

use super::*;
use crate::interchange::media::{MediaMap, place_waiting};
use crate::ui::files::ImportDone;
use crate::ui::interchange::{Action, Report, SetupAction, Unmatched, report_ui, setup_ui, unmatched_ui};

impl Editor {
    /// The import's dialog, the media dialog and the report window, while each is up.
    pub(super) fn interchange_ui(&mut self, ctx: &egui::Context) {
        // While vodcut's own browser chooses its map, the dialog waits behind it.
        if let Some(setup) = self.import_setup.as_mut().filter(|_| self.browser.is_none()) {
            match setup_ui(ctx, setup) {
                Some(SetupAction::ChooseMap) => {
                    self.status = crate::t!("shell-choosing-file");
                    self.files.choose_map();
                }
                Some(SetupAction::Import) => {
                    let setup = self.import_setup.take().expect("shown");
                    let region = self.doc.project().region.clone();
                    self.status = crate::t!("ix-ui-importing", file = setup.path.display().to_string());
                    let conn = Some(self.cloud.connection(&region));
                    self.files.import_edit(setup.path.clone(), setup.options(), setup.map.clone(), conn);
                }
                Some(SetupAction::Cancel) => {
                    self.import_setup = None;
                    self.status = crate::t!("shell-cancelled");
                }
                None => {}
            }
        }
        if let Some(chosen) = unmatched_ui(ctx, &mut self.unmatched) {
            self.upload_waiting(chosen);
        }
        if let Some(Action::ApplyMap) = report_ui(ctx, &mut self.interchange_report) {
            self.status = crate::t!("shell-choosing-file");
            self.files.read_map(None);
        }
    }

    /// The import made. Edited since it was asked for (it ran in the background), the
    /// document is not replaced before the unsaved-changes question is asked again.
    pub(super) fn imported(&mut self, path: PathBuf, done: ImportDone) {
        let edited = self.import_base.take() != Some(self.doc.revision());
        if edited && self.is_dirty() {
            self.import_done = Some((path, Box::new(done)));
            self.confirm = Some(Pending::ImportedEdit);
            return;
        }
        self.open_import(path, done);
    }

    /// An import finished and waits for the unsaved-changes question (tests).
    pub fn import_pending(&self) -> bool {
        self.import_done.is_some() && self.confirm == Some(Pending::ImportedEdit)
    }

    /// The import becomes the document (unsaved: Save asks for a new file, so the edit is
    /// never overwritten), with its report; sources found nowhere are asked about.
    pub(super) fn open_import(&mut self, path: PathBuf, done: ImportDone) {
        let shown = path.display().to_string();
        let ImportDone { imported, waiting } = done;
        self.status = crate::t!("ix-ui-imported", path = shown.as_str(), clips = imported.clips);
        let report = Report::of_import(&shown, &imported);
        let mut project = imported.project;
        // The region the library was searched in, and uploads go to.
        project.region = self.doc.project().region.clone();
        self.doc = Document::new(project, None, true);
        self.interchange_report = Some(report);
        self.unmatched = (!waiting.is_empty()).then(|| Unmatched::new(waiting));
        self.timeline.fit_requested = true;
        self.welcome = false;
    }

    /// The files chosen in the media dialog go to the upload queue; each one's clips get its
    /// MediaId when VOD gives it ([`Editor::place_uploaded_source`]).
    fn upload_waiting(&mut self, chosen: Vec<(PathBuf, String)>) {
        if chosen.is_empty() {
            return;
        }
        self.uploads.ffmpeg =
            Some(PathBuf::from(self.cloud.settings.ffmpeg_path.trim())).filter(|p| !p.as_os_str().is_empty());
        let mut refused = Vec::new();
        let mut started = 0;
        for (path, file) in chosen {
            let request = crate::upload::FileRequest {
                path: path.clone(),
                title: None,
                tags: None,
                cate_id: None,
                // The project's AppId, as every upload of the editor ([`Uploads::app_id`]).
                app_id: None,
                restart: false,
            };
            match self.uploads.add_request(request) {
                Ok(id) => {
                    self.import_uploads.insert(id, (file, false));
                    started += 1;
                }
                Err(why) => refused.push(why),
            }
        }
        self.status = crate::t!("ix-ui-uploading", n = started);
        if !refused.is_empty() {
            self.error = Some(crate::t!("cloud-not-uploaded", list = refused.join("\n")));
        }
    }

    /// An upload from the media dialog has its MediaId: the clips waiting for its file get
    /// it (one undo step) and the report says so. False when the upload was not one of those.
    /// `entry`: its bin entry, should no clip wait for it any more.
    pub(super) fn place_uploaded_source(&mut self, item: u64, entry: crate::model::project::BinEntry) -> bool {
        let Some((file, _)) = self.import_uploads.remove(&item) else { return false };
        let media_id = entry.media_id.clone();
        let placed = place_waiting(self.doc.project(), |f| (f == file).then(|| media_id.clone()));
        let clips = match placed {
            Some((edit, clips, _)) => {
                self.doc.apply(&crate::t!("ix-ui-undo-place"), edit);
                clips
            }
            None => {
                // The clips were deleted meanwhile: the media joins the bin all the same.
                if !self.doc.project().bin.iter().any(|e| e.media_id == media_id) {
                    let mut bin = self.doc.project().bin.clone();
                    bin.push(entry);
                    self.doc.apply(&crate::t!("cloud-undo-add-uploaded"), crate::edit::Edit::SetBin(bin));
                }
                0
            }
        };
        let line = crate::t!("ix-ui-report-uploaded", file = file.as_str(), id = media_id.as_str(), clips = clips);
        self.status = line.clone();
        self.note_in_report(line);
        true
    }

    /// An upload from the media dialog that failed or was cancelled is said in the report
    /// once (its clips keep waiting; a retry from the Uploads window still places them).
    pub(super) fn note_failed_import_uploads(&mut self) {
        let mut lines = Vec::new();
        for (id, (file, noted)) in &mut self.import_uploads {
            let Some(item) = self.uploads.items.iter().find(|i| i.id == *id) else { continue };
            let why = match &item.state {
                crate::core::uploads::ItemState::Failed(why) => why.clone(),
                crate::core::uploads::ItemState::Cancelled => item.label(),
                _ => {
                    *noted = false;
                    continue;
                }
            };
            if !*noted {
                *noted = true;
                lines.push(crate::t!("ix-ui-report-upload-failed", file = file.as_str(), error = why));
            }
        }
        for line in lines {
            self.status = line.clone();
            self.note_in_report(line);
        }
    }

    /// The report's Apply a media map…: the clips waiting for a file the map names get its
    /// MediaId (one undo step), whatever was edited since the import.
    pub(super) fn apply_map(&mut self, path: &std::path::Path, map: &MediaMap) {
        let shown = path.display().to_string();
        let line = match place_waiting(self.doc.project(), |f| map.find_file(f).map(str::to_owned)) {
            Some((edit, clips, files)) => {
                self.doc.apply(&crate::t!("ix-ui-undo-map"), edit);
                crate::t!("ix-ui-map-applied", file = shown, clips = clips, files = files.len())
            }
            None => crate::t!("ix-ui-map-nothing", file = shown),
        };
        self.status = line.clone();
        self.note_in_report(line);
    }

    /// A line added to the import's report, and whether clips still wait for media.
    fn note_in_report(&mut self, line: String) {
        let waiting = self.doc.project().tracks.iter().flat_map(|t| &t.clips).any(|c| c.source_file().is_some());
        if let Some(r) = self.interchange_report.as_mut().filter(|r| r.import) {
            r.lines.push(line);
            r.map_offer = waiting;
        }
    }
}
