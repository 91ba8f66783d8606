//! THE FACE: the only place egui lives.

pub mod about;
pub mod account;
pub mod app;
pub mod bin;
pub mod browser;
pub mod cloudproj;
pub mod commands;
pub mod compare;
pub mod dialog;
pub mod draft;
pub mod effects;
pub mod fields;
pub mod files;
pub mod fonts;
pub mod forms;
pub mod goto;
pub mod inspector;
pub mod interchange;
pub mod jobs;
pub mod language;
pub mod library;
pub mod pickers;
pub mod preview;
pub mod produce;
pub mod sound;
pub mod source;
pub mod sync;
pub mod template;
pub mod text_style;
pub mod timeline;
pub mod uploads;
pub mod welcome;

pub use app::Editor;

use std::path::PathBuf;

/// Opens the editor window (on `file` if given) in `env` and runs until it is closed, in the
/// language main() chose (`--lang`, else the saved setting, else the system's).
pub fn run(env: crate::core::Env, file: Option<PathBuf>) -> eframe::Result {
    // Settings are read once here, before the window: a few hundred bytes. They set the log
    // level, and logging and the crash hook start before anything else can fail.
    let data_dir = env.data_dir.clone();
    let (settings, problem) = data_dir.as_deref().map(crate::store::settings::Settings::load).unwrap_or_default();
    let level = crate::desktop::logfile::parse_level(&settings.log_level);
    crate::desktop::logfile::init(data_dir.as_deref(), level, env.log_filter.as_deref());
    if let Some(d) = &data_dir {
        crate::desktop::crash::install_hook(d);
    }
    // Secrets from the environment are known from the start: a report never holds them.
    for var in crate::api::credentials::ENV_SECRET.iter().chain(&crate::api::credentials::ENV_TOKEN) {
        if let Some(v) = env.var(var) {
            crate::desktop::crash::remember_secret(&v);
        }
    }
    preview::open_av_log(env.av_log.as_deref());
    if let Some(p) = problem {
        log::warn!("{p}");
    }
    log::info!("vodcut {} starting", env!("CARGO_PKG_VERSION"));
    let mut viewport = egui::ViewportBuilder::default()
        .with_title("vodcut")
        .with_app_id("vodcut")
        .with_inner_size([1280.0, 800.0])
        .with_min_inner_size([640.0, 400.0]);
    if let Some(icon) = about::window_icon() {
        viewport = viewport.with_icon(icon);
    }
    let options = eframe::NativeOptions { viewport, ..Default::default() };
    eframe::run_native(
        "vodcut",
        options,
        Box::new(move |cc| {
            // After eframe's system-font provider: used only where no installed font has the
            // character (Chinese on a machine without a CJK font).
            cc.egui_ctx.add_font_provider(std::sync::Arc::new(fonts::BundledCjk::default()));
            let picker = std::sync::Arc::new(files::NativePicker::new(&env));
            // A hidden switch for the crash test (scripts/e2e-crash.sh): panic after N seconds.
            let crash_after = env.crash_after;
            // In the sandbox the library is what there is to try: show it.
            let sandbox = env.is_sandbox();
            let cloud = crate::core::cloud::Cloud::new(env, settings);
            let mut editor = Editor::with_cloud(picker, crate::edit::document::Document::default(), cloud);
            editor.apply_default_region();
            editor.crash_after = crash_after;
            editor.show_library |= sandbox;
            match file {
                Some(path) => editor.open_path(path),
                None => editor.welcome = true,
            }
            Ok(Box::new(editor))
        }),
    )
}

#[cfg(test)]
mod tests {
    use crate::i18n::{FluentValue, Lang, tr_in};

    #[test]
    fn the_status_line_counts_in_both_languages() {
        let args = |clips: usize, tracks: usize| {
            [
                ("clips", FluentValue::from(clips)),
                ("tracks", FluentValue::from(tracks)),
                ("fps", FluentValue::from("25")),
                ("playhead", FluentValue::from("00:00:01:00")),
                ("snap", FluentValue::from("on")),
            ]
        };
        assert_eq!(
            tr_in(Lang::En, "shell-status-counts", &args(1, 2)),
            "1 clip on 2 tracks · 25 fps · playhead 00:00:01:00 · snapping on"
        );
        assert_eq!(
            tr_in(Lang::En, "shell-status-counts", &args(3, 1)),
            "3 clips on 1 track · 25 fps · playhead 00:00:01:00 · snapping on"
        );
        assert!(tr_in(Lang::Zh, "shell-status-counts", &args(3, 1)).starts_with("3 个片段，1 条轨道"));
        let problems = [("errors", FluentValue::from(1)), ("warnings", FluentValue::from(2))];
        assert_eq!(tr_in(Lang::En, "shell-produce-problems", &problems), "1 error, 2 warnings: see the Problems tab");
        let item = [
            ("title", FluentValue::from("Beach")),
            ("clips", FluentValue::from(1)),
            ("when", FluentValue::from("2026-12-02 14:05 CST")),
            ("from", FluentValue::from("/films/beach.vodcut")),
        ];
        assert_eq!(
            tr_in(Lang::En, "shell-recover-item", &item),
            "\"Beach\" (1 clip), autosaved 2026-12-02 14:05 CST, of /films/beach.vodcut"
        );
    }
}
