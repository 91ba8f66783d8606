//! The welcome screen's place in the editor, the sandbox entry in the Help menu, and the calm
//! hint an empty project shows.

use super::*;
use crate::ui::welcome::{AccountProbe, WelcomeAction, WelcomeInfo, welcome_ui};

/// What an empty project says, in place of an error: there is nothing wrong yet.
pub fn empty_hint() -> String {
    crate::t!("shell-empty-hint")
}

impl Editor {
    pub(super) fn welcome_ui(&mut self, ctx: &egui::Context) {
        if !self.welcome {
            return;
        }
        let probe = self.account_probe.get_or_insert_with(|| {
            AccountProbe::start(self.cloud.connection(&self.doc.project().region), self.cloud.executor())
        });
        probe.poll();
        let recent = self.cloud.settings.recent.clone();
        let info = WelcomeInfo { recent: &recent, account: &probe.text, sandbox: self.cloud.sandbox };
        let mut action = welcome_ui(ctx, &info);
        // Esc and Ctrl+N start an empty project, Ctrl+O opens one, as they do behind it.
        let shortcut = |key| egui::KeyboardShortcut::new(egui::Modifiers::COMMAND, key);
        if ctx.input_mut(|i| i.consume_shortcut(&shortcut(egui::Key::O))) {
            action = action.or(Some(WelcomeAction::Open));
        }
        if ctx.input_mut(|i| i.consume_shortcut(&shortcut(egui::Key::N)) || i.key_pressed(egui::Key::Escape)) {
            action = action.or(Some(WelcomeAction::New));
        }
        let Some(action) = action else { return };
        self.welcome = false;
        match action {
            WelcomeAction::New => self.status = crate::t!("shell-new-project-status"),
            WelcomeAction::Open | WelcomeAction::ImportTimeline => self.request(Pending::Open),
            WelcomeAction::OpenRecent(p) => self.request(Pending::OpenPath(p)),
            WelcomeAction::AccountSettings => self.cloud.settings_open = true,
            WelcomeAction::TrySandbox => self.try_sandbox(),
        }
    }

    /// Opens a sandbox window beside this one (this window and its work are untouched).
    pub fn try_sandbox(&mut self) {
        self.status = match (self.sandbox_launcher)() {
            Ok(()) => crate::t!("shell-opening-sandbox"),
            Err(e) => {
                self.error = Some(crate::t!("shell-sandbox-failed", error = e));
                String::new()
            }
        };
    }

    pub(super) fn help_menu(&mut self, ui: &mut egui::Ui) {
        ui.menu_button(crate::t!("shell-menu-help"), |ui| {
            if self.cloud.sandbox {
                ui.label(crate::t!("shell-help-in-sandbox"));
            } else if ui
                .button(crate::t!("shell-try-sandbox"))
                .on_hover_text(crate::t!("shell-try-sandbox-tip"))
                .clicked()
            {
                self.try_sandbox();
                ui.close();
            }
            if ui.button(crate::t!("shell-welcome-screen")).clicked() {
                self.welcome = true;
                ui.close();
            }
            if ui.button(crate::t!("shell-about")).on_hover_text(crate::t!("shell-about-tip")).clicked() {
                self.about_open = true;
                ui.close();
            }
        });
        if self.cloud.sandbox {
            ui.label(
                egui::RichText::new(format!(" {} ", crate::t!("shell-sandbox-badge")))
                    .strong()
                    .color(egui::Color32::BLACK)
                    .background_color(ui.visuals().warn_fg_color),
            )
            .on_hover_text(crate::t!("shell-sandbox-badge-tip"));
        }
    }

    /// A calm line over the empty timeline of a project without clips.
    pub(super) fn empty_hint(&self, ui: &egui::Ui, timeline: egui::Rect) {
        if self.welcome || self.doc.project().clip_count() > 0 {
            return;
        }
        // In the timeline's own layer, under any window or menu.
        ui.painter_at(timeline).text(
            timeline.center_bottom() - egui::vec2(0.0, 24.0),
            egui::Align2::CENTER_BOTTOM,
            empty_hint(),
            egui::FontId::proportional(14.0),
            ui.visuals().weak_text_color(),
        );
    }
}
