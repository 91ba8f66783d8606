//! The welcome screen, shown when a window opens without a project: start a new project,
//! open one (recent ones by a click), import an API Timeline, try the sandbox, and see
//! which account vodcut would use.

use crate::core::Connection;
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, TryRecvError, channel};

/// What the user picked on the welcome screen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WelcomeAction {
    New,
    Open,
    OpenRecent(PathBuf),
    ImportTimeline,
    TrySandbox,
    AccountSettings,
}

/// The account line, found in the background (credential lookup reads files).
pub struct AccountProbe {
    rx: Option<Receiver<String>>,
    pub text: String,
}

impl AccountProbe {
    /// Starts looking; `text` says "Checking…" until the answer arrives.
    pub fn start(conn: Connection, executor: &crate::core::Executor) -> AccountProbe {
        let (tx, rx) = channel();
        executor.run_blocking(tx, move || describe(&conn));
        AccountProbe { rx: Some(rx), text: crate::t!("shell-account-checking") }
    }

    /// Takes the answer if it has come.
    pub fn poll(&mut self) {
        if let Some(rx) = &self.rx {
            match rx.try_recv() {
                Ok(t) => {
                    self.text = t;
                    self.rx = None;
                }
                Err(TryRecvError::Disconnected) => self.rx = None,
                Err(TryRecvError::Empty) => {}
            }
        }
    }
}

/// One line on the credentials that would sign requests (never the secret; the ID masked).
pub fn describe(conn: &Connection) -> String {
    if conn.env.is_sandbox() {
        return crate::t!("shell-account-sandbox");
    }
    match conn.credentials() {
        Ok(c) => crate::t!("shell-account-from", id = c.masked_id(), source = c.source.to_string()),
        // Where vodcut looked, and how to set keys up, is in Account settings (one click
        // away): the welcome screen only says that there are none.
        Err(_) => crate::t!("shell-account-none"),
    }
}

/// What the welcome screen shows.
pub struct WelcomeInfo<'a> {
    pub recent: &'a [PathBuf],
    pub account: &'a str,
    pub sandbox: bool,
}

/// Draws the welcome screen; returns what was picked.
pub fn welcome_ui(ctx: &egui::Context, info: &WelcomeInfo) -> Option<WelcomeAction> {
    let mut action = None;
    egui::Window::new(crate::t!("shell-welcome-title"))
        .id(egui::Id::unique("welcome-window"))
        .collapsible(false)
        .resizable(false)
        .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
        .default_width(480.0)
        .show(ctx, |ui| {
            ui.label(crate::t!("shell-welcome-tagline"));
            if info.sandbox {
                ui.add_space(4.0);
                ui.label(egui::RichText::new(crate::t!("shell-welcome-sandbox")).color(ui.visuals().warn_fg_color));
            }
            ui.add_space(8.0);
            let wide = egui::vec2(ui.available_width(), 28.0);
            let mut button = |ui: &mut egui::Ui, text: String, tip: String, a: WelcomeAction| {
                if ui.add_sized(wide, egui::Button::new(text)).on_hover_text(tip).clicked() {
                    action = Some(a);
                }
            };
            button(ui, crate::t!("shell-new-project"), crate::t!("shell-new-project-tip"), WelcomeAction::New);
            button(ui, crate::t!("shell-open-more"), crate::t!("shell-open-tip"), WelcomeAction::Open);
            button(
                ui,
                crate::t!("shell-import-timeline"),
                crate::t!("shell-import-timeline-tip"),
                WelcomeAction::ImportTimeline,
            );
            if !info.sandbox {
                button(
                    ui,
                    crate::t!("shell-try-sandbox"),
                    crate::t!("shell-try-sandbox-tip"),
                    WelcomeAction::TrySandbox,
                );
            }
            ui.add_space(8.0);
            ui.label(egui::RichText::new(crate::t!("shell-open-recent")).strong());
            if info.recent.is_empty() {
                ui.label(egui::RichText::new(crate::t!("shell-no-recent-projects")).weak());
            }
            for p in info.recent.iter().take(6) {
                let name = p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
                if ui.link(name).on_hover_text(p.display().to_string()).clicked() {
                    action = Some(WelcomeAction::OpenRecent(p.clone()));
                }
            }
            ui.separator();
            ui.label(info.account);
            if !info.sandbox && ui.button(crate::t!("shell-menu-account")).clicked() {
                action = Some(WelcomeAction::AccountSettings);
            }
        });
    action
}

/// Opens a sandbox window: this program again with `--sandbox` (the current window and its
/// work are untouched). The child is waited for on the executor's blocking pool, never the
/// UI's thread.
pub fn launch_sandbox_window(executor: &crate::core::Executor) -> Result<(), String> {
    let exe = std::env::current_exe().map_err(|e| crate::t!("shell-no-own-program", error = e.to_string()))?;
    let mut child =
        std::process::Command::new(&exe).arg("--sandbox").stdin(std::process::Stdio::null()).spawn().map_err(|e| {
            crate::t!("shell-cannot-start-sandbox", program = exe.display().to_string(), error = e.to_string())
        })?;
    executor.spawn_blocking(move || {
        let _ = child.wait();
    });
    Ok(())
}
