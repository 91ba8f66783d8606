//! "Compare with draft" from the Jobs tab: the open project against a finished production,
//! in the background (core::compare::Run), its window, and "Go to" a difference.

use super::*;

impl Editor {
    /// Compares the produced video `media_id` with the open project as it is now.
    pub(super) fn start_compare(&mut self, media_id: String, title: String, produced_from: Option<PathBuf>) {
        // The footage service starts with the first preview: a click before then waits for it.
        let (Some(footage), Some(rt)) = (self.preview.footage().cloned(), self.preview.runtime()) else {
            self.compare.wait_for_footage(media_id, title, produced_from);
            return;
        };
        if let Err(e) = footage.ffmpeg() {
            self.compare = Default::default();
            self.error = Some(format!(
                "{}\n\n{}",
                crate::t!("compare-unavailable", error = e.to_string()),
                crate::t!("shell-to-fix", hint = crate::media::decode::install_hint())
            ));
            return;
        }
        // The frames are the open project's: say so when the video was made from another file
        // (jobs keep their file's absolute path; nothing is read from the disk here).
        let open = self.doc.path.as_deref().and_then(|p| std::path::absolute(p).ok());
        let warning = produced_from
            .filter(|from| open.as_deref() != Some(from.as_path()))
            .map(|from| crate::t!("compare-other-project", file = from.display().to_string()));
        let ctx = self.ctx_for_textures.clone();
        let run = crate::core::compare::Run::start(
            &rt,
            footage,
            self.doc.project().clone(),
            media_id,
            crate::core::compare::Options::default(),
            move || ctx.request_repaint(),
        );
        self.compare.begin(run, title, warning);
    }

    /// The comparison's window; "Go to" shows the program at that time.
    pub(super) fn compare_ui(&mut self, ctx: &egui::Context) {
        if let Some((media_id, title, from)) = self.compare.waiting.take() {
            self.start_compare(media_id, title, from);
        }
        let clock = crate::i18n::Clock::of(self.doc.project().frame_rate);
        if let Some(t) = self.compare.ui(ctx, clock) {
            self.show_source(false);
            self.go_to(t);
        }
    }
}
