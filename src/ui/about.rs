//! Help > About: version, licence, the folders vodcut writes to (data, cache, logs, crash
//! reports), and the log level.

use crate::desktop::{Folders, LICENSE, VERSION};

/// Draws the About window while `open`. Returns a new log level when the user picked one.
pub fn about_ui(ctx: &egui::Context, open: &mut bool, folders: &Folders, log_level: &str) -> Option<String> {
    if !*open {
        return None;
    }
    let mut picked = None;
    let mut close = false;
    egui::Modal::new(egui::Id::unique("about-vodcut")).show(ctx, |ui| {
        ui.set_width(520.0);
        ui.horizontal(|ui| {
            if let Some(tex) = icon_texture(ui.ctx()) {
                ui.add(egui::Image::new(&tex).fit_to_exact_size(egui::vec2(48.0, 48.0)));
            }
            ui.vertical(|ui| {
                ui.heading(format!("vodcut {VERSION}"));
                ui.label(crate::t!("shell-about-tagline"));
            });
        });
        ui.label(crate::t!("shell-licence", licence = LICENSE));
        ui.separator();
        egui::Grid::new("about-folders").num_columns(2).spacing([12.0, 6.0]).show(ui, |ui| {
            let shown = |p: &Option<std::path::PathBuf>| {
                p.as_ref().map(|p| p.display().to_string()).unwrap_or_else(|| crate::t!("shell-no-folder"))
            };
            for (label, path) in [
                (crate::t!("shell-data-folder"), &folders.data),
                (crate::t!("shell-cache-folder"), &folders.cache),
                (crate::t!("shell-log-folder"), &folders.logs),
                (crate::t!("shell-crash-reports"), &folders.crashes),
            ] {
                ui.label(label);
                let text = shown(path);
                // Selectable, so the path can be copied into a file manager or a bug report.
                ui.add(egui::Label::new(egui::RichText::new(&text).monospace()).selectable(true)).on_hover_text(&text);
                ui.end_row();
            }
        });
        ui.separator();
        ui.horizontal(|ui| {
            let l = ui.label(crate::t!("shell-log-level"));
            let from_env = crate::desktop::logfile::fixed_filter();
            ui.add_enabled_ui(from_env.is_none(), |ui| {
                egui::ComboBox::from_id_salt("log-level")
                    .selected_text(level_label(log_level))
                    .show_ui(ui, |ui| {
                        for level in LEVELS {
                            if ui.selectable_label(log_level == level, level_label(level)).clicked() {
                                picked = Some(level.to_owned());
                            }
                        }
                    })
                    .response
                    .labelled_by(l.id);
            });
            if let Some(v) = from_env {
                ui.label(crate::t!("shell-rust-log-decides", value = v));
            }
        });
        ui.separator();
        if crate::ui::dialog::default_button(ui, &crate::t!("ui-close")).clicked() || crate::ui::dialog::escape(ui) {
            close = true;
        }
    });
    if close {
        *open = false;
    }
    picked
}

/// The log levels, as the settings and RUST_LOG write them.
const LEVELS: [&str; 5] = ["error", "warn", "info", "debug", "trace"]; // i18n-exempt: setting values, shown by level_label

/// A log level as people read it.
fn level_label(level: &str) -> String {
    match level {
        "error" => crate::t!("shell-level-error"),
        "warn" => crate::t!("shell-level-warn"),
        "info" => crate::t!("shell-level-info"),
        "debug" => crate::t!("shell-level-debug"),
        "trace" => crate::t!("shell-level-trace"),
        other => other.to_owned(),
    }
}

/// The application icon, 64 px (bundled in the binary; for the window icon see `ui::run`).
pub const ICON_64: &[u8] = include_bytes!("../../assets/icon/vodcut-64.png");
pub const ICON_256: &[u8] = include_bytes!("../../assets/icon/vodcut-256.png");

/// The icon as a texture, decoded once (a few kB, from memory).
fn icon_texture(ctx: &egui::Context) -> Option<egui::TextureHandle> {
    let key = egui::Id::unique("vodcut-icon-texture");
    if let Some(t) = ctx.data(|d| d.get_temp::<egui::TextureHandle>(key)) {
        return Some(t);
    }
    let img = image::load_from_memory(ICON_64).ok()?.to_rgba8();
    let size = [img.width() as usize, img.height() as usize];
    let color = egui::ColorImage::from_rgba_unmultiplied(size, img.as_raw());
    let tex = ctx.load_texture("vodcut-icon", color, egui::TextureOptions::LINEAR);
    ctx.data_mut(|d| d.insert_temp(key, tex.clone()));
    Some(tex)
}

/// The window icon (eframe's viewport icon).
pub fn window_icon() -> Option<egui::IconData> {
    let img = image::load_from_memory(ICON_256).ok()?.to_rgba8();
    Some(egui::IconData { width: img.width(), height: img.height(), rgba: img.into_raw() })
}
