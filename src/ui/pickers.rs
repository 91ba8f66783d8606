//! The production form's pickers: TemplateGroupId, CateId (a tree), AppId, from the account's
//! lists (`core::account`, fetched in the background when a picker is first opened, kept in
//! the cache folder, refreshed on request). Each sits beside its text field, which stays the
//! way to type any value, and the only one when the lists cannot be had.

use crate::core::cloud::AccountState;
use crate::model::account::AccountLists;
use crate::t;

/// What a picker asked of the lists' owner.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Asked {
    /// The lists are wanted (the picker was opened and has none for this region).
    pub fetch: bool,
    /// Fetch them again from VOD.
    pub refresh: bool,
}

impl Asked {
    pub fn or(self, other: Asked) -> Asked {
        Asked { fetch: self.fetch || other.fetch, refresh: self.refresh || other.refresh }
    }
}

/// One entry: the value it sets, what it shows, how deep in a tree it is.
pub struct Item {
    pub value: String,
    pub shown: String,
    pub depth: usize,
}

/// The template groups of `app_id` (empty: the default application's).
pub fn template_items(lists: &AccountLists, app_id: &str) -> Vec<Item> {
    let app = if app_id.trim().is_empty() { "app-1000000" } else { app_id.trim() }; // i18n-exempt: VOD's default AppId
    lists
        .templates
        .iter()
        .filter(|g| g.app_id.is_empty() || g.app_id == app)
        .map(|g| {
            let default = if g.is_default() { format!(" {}", t!("cli-account-default")) } else { String::new() };
            Item {
                value: g.transcode_template_group_id.clone(),
                shown: format!("{} ({}){default}", g.name, g.transcode_template_group_id),
                depth: 0,
            }
        })
        .collect()
}

/// The categories, each under its parent.
pub fn category_items(lists: &AccountLists) -> Vec<Item> {
    let item = |(c, depth): (&crate::model::account::Category, usize)| Item {
        value: c.cate_id.to_string(),
        shown: format!("{} ({})", c.cate_name, c.cate_id),
        depth,
    };
    lists.category_tree().into_iter().map(item).collect()
}

pub fn app_items(lists: &AccountLists) -> Vec<Item> {
    lists
        .apps
        .iter()
        .map(|a| Item { value: a.app_id.clone(), shown: format!("{} ({})", a.app_name, a.app_id), depth: 0 })
        .collect()
}

/// A "Choose…" button beside a field's label (`button` names it for screen readers and
/// tests): its list, or why there is none, and a refresh. The value chosen, if one was.
pub fn picker(
    ui: &mut egui::Ui,
    button: &str,
    account: &AccountState,
    region: &str,
    loading: bool,
    items: impl FnOnce(&AccountLists) -> Vec<Item>,
    asked: &mut Asked,
) -> Option<String> {
    let mut chosen = None;
    let r = ui.menu_button(t!("forms-pick"), |ui| {
        let current = account.region.as_deref() == Some(region);
        if !current && !loading {
            asked.fetch = true;
        }
        match (&account.lists, &account.error) {
            _ if loading => {
                ui.horizontal(|ui| {
                    ui.spinner();
                    ui.label(t!("forms-pick-loading"));
                });
            }
            (_, Some(e)) if current => {
                ui.colored_label(ui.visuals().error_fg_color, t!("forms-pick-failed", error = e.as_str()));
            }
            (Some(lists), _) if current => {
                let items = items(lists);
                if items.is_empty() {
                    ui.label(t!("forms-pick-none"));
                }
                egui::ScrollArea::vertical().max_height(320.0).show(ui, |ui| {
                    for item in items {
                        ui.horizontal(|ui| {
                            ui.add_space(item.depth as f32 * 16.0);
                            if ui.selectable_label(false, &item.shown).clicked() {
                                chosen = Some(item.value.clone());
                                ui.close();
                            }
                        });
                    }
                });
            }
            _ => {
                ui.label(t!("forms-pick-loading"));
            }
        }
        ui.separator();
        if ui.button(t!("forms-pick-refresh")).on_hover_text(t!("forms-pick-refresh-tip")).clicked() {
            asked.refresh = true;
        }
    });
    r.response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, button));
    r.response.on_hover_text(format!("{button}\n{}", t!("forms-pick-tip")));
    chosen
}
