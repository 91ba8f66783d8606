//! The language picker: in the settings and the View menu. A change applies to the open
//! window at once (every label is looked up when drawn) and is remembered in the settings.

use crate::core::cloud::Cloud;
use crate::i18n::{self, Lang};
use crate::t;

/// What a choice is called, in its own language so anyone can find theirs: "English",
/// "中文（简体）", and "System (English)" for following the system.
fn choice_name(choice: Option<Lang>, system: Lang) -> String {
    match choice {
        Some(l) => l.native_name().to_owned(),
        None => t!("language-system", lang = system.native_name()),
    }
}

/// Switches to `choice` (None: the system's language) now, and remembers it.
pub fn choose(ctx: &egui::Context, cloud: &mut Cloud, choice: Option<Lang>) {
    cloud.settings.language = choice;
    i18n::set(choice.unwrap_or(cloud.env.system_lang));
    cloud.save_settings();
    ctx.request_repaint();
}

/// The choices as selectable rows (for a menu or a combo box). True when one was picked.
fn rows(ui: &mut egui::Ui, cloud: &mut Cloud) -> bool {
    let now = cloud.settings.language;
    for choice in [None, Some(Lang::En), Some(Lang::Zh)] {
        if ui.selectable_label(now == choice, choice_name(choice, cloud.env.system_lang)).clicked() {
            choose(ui.ctx(), cloud, choice);
            return true;
        }
    }
    false
}

/// A "Language" row with a combo box (the settings window).
pub fn setting(ui: &mut egui::Ui, cloud: &mut Cloud) {
    ui.horizontal(|ui| {
        let label = ui.label(t!("language-label"));
        egui::ComboBox::from_id_salt("language")
            .selected_text(choice_name(cloud.settings.language, cloud.env.system_lang))
            .show_ui(ui, |ui| {
                rows(ui, cloud);
            })
            .response
            .labelled_by(label.id);
    });
}

/// A "Language" submenu (the View menu): reachable from any screen, in any language, since
/// the globe marks the menu and each language is written in its own words (only "System (…)"
/// is in the current one).
pub fn menu(ui: &mut egui::Ui, cloud: &mut Cloud) {
    ui.menu_button(format!("🌐 {}", t!("language-label")), |ui| {
        if rows(ui, cloud) {
            ui.close();
        }
    });
}
