//! Sync without surprises in the editor: Produce (and Save to cloud) with a ProjectId first
//! reads the cloud project (off the UI thread, `Cloud::check_sync`); if it changed since the last sync the
//! difference dialog (`ui::sync`) offers Keep mine, Take theirs or Merge, each taken as one
//! undo step.

use super::Editor;
use crate::core::produce::Step;
use crate::core::sync::{Sync, take_merge, take_theirs};
use crate::edit::{Edit, ProjectFields};
use crate::t;
use crate::ui::sync::{SyncChoice, sync_dialog};

impl Editor {
    /// Starts reading the cloud project; the answer goes on with the production, or opens
    /// the difference dialog.
    pub(super) fn check_sync_first(&mut self) {
        self.cloud.step = Step::SyncChecking;
        if !self.cloud.check_sync(self.doc.project().clone()) {
            let why = self.cloud.executor().error().unwrap_or_else(|| t!("cloud-no-runtime"));
            self.sync_checked(Err(why));
        }
    }

    /// The cloud project was read.
    pub(super) fn sync_checked(&mut self, result: Result<(Box<Sync>, String), String>) {
        if !matches!(self.cloud.step, Step::SyncChecking) {
            return; // cancelled meanwhile
        }
        match result {
            Ok((sync, _)) if matches!(*sync, Sync::Unchanged) => self.after_sync(),
            Ok((sync, theirs_hash)) => {
                self.sync_view.reset();
                self.sync_view.saving = self.cloudproj.save_after_sync;
                self.cloud.step = Step::Differs { sync, theirs_hash };
            }
            Err(e) => {
                // Nothing is sent when the cloud project cannot be read.
                self.cloud.step = Step::Idle;
                self.cloudproj.save_after_sync = false;
                self.error = Some(t!("sync-check-failed", error = e));
            }
        }
    }

    /// Draws the difference dialog while it is open, and carries out the choice.
    pub(super) fn sync_dialog_ui(&mut self, ctx: &egui::Context) {
        let Step::Differs { sync, .. } = &self.cloud.step else { return };
        let choice = sync_dialog(ctx, sync, self.doc.project(), &mut self.sync_view);
        match choice {
            SyncChoice::None => {}
            SyncChoice::Cancel => {
                self.cloud.step = Step::Idle;
                self.cloudproj.save_after_sync = false;
            }
            SyncChoice::Select(r) => {
                // The dialog stays: the clip is shown selected behind it, the playhead at its
                // start so the timeline scrolls to it.
                let p = self.doc.project();
                let durations = p.media_durations();
                let start = p
                    .tracks
                    .get(r.track)
                    .and_then(|t| crate::model::project::layout_track(t, &durations).get(r.index).map(|pl| pl.start));
                self.doc.selection = vec![r];
                if let Some(t) = start {
                    self.go_to(t);
                }
            }
            SyncChoice::KeepMine => self.after_sync(),
            SyncChoice::TakeTheirs | SyncChoice::Merge(_) => self.settle(choice),
        }
    }

    /// Goes on with what the check was for: the production's pre-flight, or the save.
    fn after_sync(&mut self) {
        if std::mem::take(&mut self.cloudproj.save_after_sync) {
            self.cloud.step = Step::Idle;
            self.send_to_cloud(false);
        } else {
            self.preflight_produce();
        }
    }

    /// Takes theirs, or the merge, into the document as one undo step noting the cloud's
    /// Timeline as the base; nothing is sent.
    fn settle(&mut self, choice: SyncChoice) {
        self.cloudproj.save_after_sync = false;
        let Step::Differs { sync, theirs_hash } = std::mem::take(&mut self.cloud.step) else { return };
        let Some(theirs) = sync.theirs().cloned() else { return };
        let project = self.doc.project();
        let (edit, errors, label) = match (&choice, &*sync) {
            (SyncChoice::Merge(choices), Sync::CloudChanged { base, .. }) => {
                let (edit, errors) = take_merge(project, base, &theirs, choices);
                (edit, errors, t!("sync-undo-merge"))
            }
            _ => (take_theirs(project, &theirs), Vec::new(), t!("sync-undo-take-theirs")),
        };
        let mut fields = ProjectFields::of(project);
        fields.sync_base = Some(theirs_hash);
        let mut edits: Vec<Edit> = edit.into_iter().collect();
        edits.push(Edit::SetFields(Box::new(fields)));
        self.doc.apply(&label, Edit::Batch(edits));
        self.doc.seal();
        let (pid, region) = (project_id(self), self.doc.project().region.clone());
        self.cloud.keep_base(pid, region, theirs);
        self.status =
            if errors.is_empty() { t!("sync-settled") } else { t!("sync-settled-with-errors", n = errors.len()) };
    }
}

fn project_id(e: &Editor) -> String {
    e.doc.project().project_id.clone().unwrap_or_default()
}
