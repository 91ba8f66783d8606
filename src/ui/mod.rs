//! THE FACE: the only place egui lives.

pub mod account;
pub mod app;
pub mod bin;
pub mod cloud;
pub mod commands;
pub mod dialog;
pub mod fields;
pub mod files;
pub mod fonts;
pub mod forms;
pub mod inspector;
pub mod jobs;
pub mod library;
pub mod preview;
pub mod produce;
pub mod timeline;
pub mod uploads;
pub mod welcome;

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
        Box::new(move |cc| {
            // After eframe's system-font provider: used only where no installed font has the
            // character (Chinese on a machine without a CJK font).
            cc.egui_ctx.add_font_provider(std::sync::Arc::new(fonts::BundledCjk::default()));
            // Settings are read once here, before the first frame: a few hundred bytes.
            let data_dir = crate::store::jobs::data_dir();
            let (settings, problem) =
                data_dir.as_deref().map(crate::store::settings::Settings::load).unwrap_or_default();
            if let Some(p) = problem {
                log::warn!("{p}");
            }
            let cloud = cloud::Cloud::new(data_dir, settings);
            let mut editor = Editor::with_cloud(
                std::sync::Arc::new(files::NativePicker),
                crate::edit::document::Document::default(),
                cloud,
            );
            editor.apply_default_region();
            // In the sandbox the library is what there is to try: show it.
            editor.show_library |= crate::sandbox::active().is_some();
            match file {
                Some(path) => editor.open_path(path),
                None => editor.welcome = true,
            }
            Ok(Box::new(editor))
        }),
    )
}
