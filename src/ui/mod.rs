//! THE FACE: the only place egui lives.

pub mod app;
pub mod bin;
pub mod commands;
pub mod fields;
pub mod files;
pub mod inspector;
pub mod preview;
pub mod timeline;

pub use app::Editor;

use std::path::PathBuf;

/// Opens the editor window (on `file` if given) and runs until it is closed.
pub fn run(file: Option<PathBuf>) -> eframe::Result {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("vodcut")
            .with_app_id("vodcut")
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([640.0, 400.0]),
        ..Default::default()
    };
    eframe::run_native(
        "vodcut",
        options,
        Box::new(move |_cc| {
            let mut editor = Editor::new(std::sync::Arc::new(files::NativePicker));
            if let Some(path) = file {
                editor.open_path(path);
            }
            Ok(Box::new(editor))
        }),
    )
}
