//! The document's file changed on disk since the editor read or wrote it: `vodcut submit`
//! saved a ProjectId into it, another editor or a sync tool replaced it. The editor keeps the
//! file's stamp (size, time, content hash: `store::stamp`), compares it off the UI thread
//! before every save and whenever the window comes back to the front, and asks before
//! anything is overwritten: reload from disk, keep mine (overwrite), or save as another file.

use super::*;
use crate::store::stamp::Stamp;

/// A change found on disk, waiting for the user's word.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DiskConflict {
    pub path: PathBuf,
    /// Found by a save (which then wrote nothing), else when the window came to the front.
    pub saving: bool,
}

/// The answer to "changed on disk".
#[derive(Clone, Copy, PartialEq, Eq)]
enum Answer {
    Reload,
    KeepMine,
    SaveAs,
    Cancel,
}

impl Editor {
    /// The stamp of the document's file as it was read or written, if the document still
    /// belongs to that file.
    pub(super) fn known_stamp(&self) -> Option<Stamp> {
        match (&self.disk, &self.doc.path) {
            (Some((file, stamp)), Some(path)) if file == path => Some(stamp.clone()),
            _ => None,
        }
    }

    /// When the window comes back to the front, looks (off the UI thread) whether the file
    /// changed meanwhile.
    pub(super) fn check_disk_on_focus(&mut self, ctx: &egui::Context) {
        let regained = ctx.input(|i| i.events.iter().any(|e| matches!(e, egui::Event::WindowFocused(true))));
        if !regained || self.disk_conflict.is_some() {
            return;
        }
        if let (Some(path), Some(stamp)) = (self.doc.path.clone(), self.known_stamp()) {
            self.files.check(path, stamp);
        }
    }

    /// A change was found: ask, if the document still belongs to that file.
    pub(super) fn disk_changed(&mut self, path: PathBuf, saving: bool) {
        if self.doc.path.as_ref() != Some(&path) {
            return;
        }
        if saving {
            self.status = crate::t!("shell-disk-not-saved", path = path.display().to_string());
        }
        self.disk_conflict = Some(DiskConflict { path, saving });
    }

    pub(super) fn disk_conflict_ui(&mut self, ctx: &egui::Context) {
        let Some(conflict) = self.disk_conflict.clone() else { return };
        let dirty = self.is_dirty();
        let mut answer = None;
        egui::Modal::new(egui::Id::unique("changed-on-disk")).show(ctx, |ui| {
            ui.set_max_width(520.0);
            ui.heading(crate::t!("shell-disk-changed-title"));
            ui.label(crate::t!("shell-disk-changed", path = conflict.path.display().to_string()));
            ui.horizontal_wrapped(|ui| {
                let reload =
                    if dirty { crate::t!("shell-disk-reload-discard") } else { crate::t!("shell-disk-reload") };
                if ui.button(reload).clicked() {
                    answer = Some(Answer::Reload);
                }
                if ui.button(crate::t!("shell-disk-keep-mine")).clicked() {
                    answer = Some(Answer::KeepMine);
                }
                if ui.button(crate::t!("shell-disk-save-as")).clicked() {
                    answer = Some(Answer::SaveAs);
                }
                if ui.button(crate::t!("ui-cancel")).clicked() || ui.input(|i| i.key_pressed(Key::Escape)) {
                    answer = Some(Answer::Cancel);
                }
            });
        });
        let Some(answer) = answer else { return };
        self.disk_conflict = None;
        match answer {
            Answer::Reload => {
                self.after_save = None;
                if dirty {
                    self.drop_recovery();
                }
                self.open_path(conflict.path);
            }
            Answer::KeepMine => {
                // The user's word: write over whatever is there now.
                self.status = crate::t!("shell-saving");
                self.doc.seal();
                self.files.save(self.doc.project().clone(), self.doc.history.state_id(), Some(conflict.path), None);
            }
            Answer::SaveAs => self.save_as(),
            Answer::Cancel => {
                self.after_save = None;
                if conflict.saving {
                    self.status = crate::t!("shell-disk-not-saved", path = conflict.path.display().to_string());
                }
            }
        }
    }
}
