//! The Uploads window: choose or type files, see every file's progress, speed and time left,
//! and pause, resume, restart or cancel each (the queue itself is the core's).

use crate::core::uploads::{ItemState, Uploads, percent};
use crate::t;
use std::path::PathBuf;
use std::sync::atomic::Ordering;

/// What a button of the window asked for.
#[derive(Clone, Copy)]
enum Action {
    Pause,
    Resume,
    Restart,
    Cancel,
}

/// The Uploads window. True when "Choose files…" was pressed (the editor asks its picker).
/// `below`: where the menu bar ends; the window first opens under it (egui's own first place,
/// the window's top left corner, would cover the menus).
pub fn uploads_window(ctx: &egui::Context, up: &mut Uploads, below: f32) -> bool {
    if !up.window_open {
        return false;
    }
    let mut choose = false;
    let mut open = true;
    egui::Window::new(t!("cloud-up-title"))
        .id(egui::Id::unique("uploads-window"))
        .open(&mut open)
        .default_width(460.0)
        .default_pos(egui::pos2(ctx.content_rect().left() + 24.0, below + 24.0))
        .resizable(true)
        .show(ctx, |ui| {
            ui.horizontal(|ui| {
                if ui.button(t!("cloud-up-choose")).on_hover_text(t!("cloud-up-choose-tip")).clicked() {
                    choose = true;
                }
                let l = ui.label(t!("cloud-up-or-paths"));
                ui.add(
                    egui::TextEdit::singleline(&mut up.paths_text)
                        // i18n-exempt: sample paths
                        .hint_text("/path/a.mp4; /path/b.jpg")
                        .desired_width(200.0),
                )
                .labelled_by(l.id);
                if ui.button(t!("cloud-up-upload")).clicked() {
                    let paths: Vec<PathBuf> =
                        up.paths_text.split(';').map(str::trim).filter(|s| !s.is_empty()).map(PathBuf::from).collect();
                    let refused = up.add(paths, None);
                    up.error = (!refused.is_empty()).then(|| refused.join("\n"));
                    if up.error.is_none() {
                        up.paths_text.clear();
                    }
                }
            });
            if let Some(e) = &up.error {
                ui.colored_label(ui.visuals().error_fg_color, e);
            }
            let (done, total) = up.totals();
            if total > 0 {
                let f = done as f32 / total as f32;
                let size = crate::i18n::format::size;
                ui.add(egui::ProgressBar::new(f).text(t!("cloud-up-all", done = size(done), total = size(total))))
                    .widget_info(|| {
                        egui::WidgetInfo::labeled(
                            egui::Role::ProgressIndicator,
                            true,
                            t!("cloud-up-all-label", percent = percent(f)),
                        )
                    });
            }
            ui.separator();
            if up.items.is_empty() {
                ui.label(t!("cloud-up-empty"));
            }
            let mut actions: Vec<(u64, Action)> = Vec::new();
            egui::ScrollArea::vertical().max_height(320.0).show(ui, |ui| {
                for item in &up.items {
                    ui.horizontal(|ui| {
                        ui.strong(&item.name);
                        if let Some(id) = &item.media_id {
                            ui.weak(id).on_hover_text("MediaId");
                        }
                    });
                    let f = item.progress.fraction();
                    let total = item.progress.total.load(Ordering::Relaxed);
                    let state = item.label();
                    let mut text = state.clone();
                    if item.state == ItemState::Uploading
                        && f < 1.0
                        && let Some(s) = item.speed().bytes_per_sec()
                    {
                        let speed = crate::i18n::format::size(s as u64);
                        let left = total.saturating_sub(item.progress.done.load(Ordering::Relaxed));
                        text = match item.speed().time_left(left) {
                            Some(left) => t!(
                                "cloud-up-speed-left",
                                state = state.as_str(),
                                speed = speed,
                                left = crate::upload::human_duration(left)
                            ),
                            None => t!("cloud-up-speed", state = state.as_str(), speed = speed),
                        };
                    }
                    let label = t!("cloud-up-item-label", name = item.name.as_str(), state = state);
                    ui.add(egui::ProgressBar::new(f).text(text))
                        .widget_info(|| egui::WidgetInfo::labeled(egui::Role::ProgressIndicator, true, &label));
                    ui.horizontal(|ui| {
                        let button = match &item.state {
                            ItemState::Uploading | ItemState::Queued => {
                                Some((t!("cloud-up-pause"), Action::Pause, None))
                            }
                            ItemState::Paused | ItemState::Failed(_) => {
                                Some((t!("cloud-up-resume"), Action::Resume, None))
                            }
                            ItemState::Changed(_) => {
                                Some((t!("cloud-up-restart"), Action::Restart, Some(t!("cloud-up-restart-tip"))))
                            }
                            _ => None,
                        };
                        if let Some((b, action, hint)) = button {
                            let r = ui.small_button(b);
                            let r = match hint {
                                Some(hint) => r.on_hover_text(hint),
                                None => r,
                            };
                            if r.clicked() {
                                actions.push((item.id, action));
                            }
                        }
                        if matches!(
                            item.state,
                            ItemState::Uploading
                                | ItemState::Queued
                                | ItemState::Paused
                                | ItemState::Changed(_)
                                | ItemState::Failed(_)
                        ) && ui.small_button(t!("ui-cancel")).clicked()
                        {
                            actions.push((item.id, Action::Cancel));
                        }
                    });
                    match &item.state {
                        ItemState::Failed(e) | ItemState::Changed(e) => {
                            ui.colored_label(ui.visuals().error_fg_color, e);
                        }
                        _ => {}
                    }
                    ui.separator();
                }
            });
            for (id, a) in actions {
                match a {
                    Action::Pause => up.pause(id),
                    Action::Resume => up.resume(id),
                    Action::Restart => up.restart(id),
                    Action::Cancel => up.cancel(id),
                }
            }
        });
    up.window_open = open;
    choose
}
