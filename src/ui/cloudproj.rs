//! File > Save to cloud (its confirmation) and the cloud project browser: title search,
//! status filter, paging, covers, Open and Delete (with a confirmation naming the project).
//! The work is the core's (`core::cloudproj`, through `core::cloud`); this only draws.

use crate::api::calls::EditingProject;
use crate::core::cloudproj::{STATUSES, Search, status_words};
use crate::t;

/// The Save to cloud confirmation's facts.
pub struct SaveFacts {
    pub title: String,
    /// The cloud project it updates (None: a new one is made).
    pub project_id: Option<String>,
    pub materials: usize,
}

#[derive(Default)]
pub struct CloudProjects {
    /// The Save to cloud confirmation is open.
    pub confirm_save: bool,
    /// Save as a new cloud project though the project names one.
    pub as_new: bool,
    pub browser_open: bool,
    /// The search being typed and the one the list shows.
    pub search: Search,
    pub total: u64,
    pub list: Vec<EditingProject>,
    pub loading: bool,
    pub error: Option<String>,
    /// The project the delete confirmation names (ID, title).
    pub confirm_delete: Option<(String, String)>,
    /// A save waits for the cloud project to be looked at (`core::sync`): it goes on when the
    /// cloud has not changed, or the user keeps theirs.
    pub save_after_sync: bool,
}

pub enum SaveAnswer {
    Open,
    Cancel,
    Save { as_new: bool },
}

/// What the user asked of the browser this frame.
pub enum BrowserAction {
    None,
    /// List the page `search` names (a new search starts at page 1).
    Search,
    Open(String),
    /// Delete (ID, title): asked, and confirmed.
    Delete(String, String),
    /// Ask before deleting (ID, title): handled by the browser itself.
    AskDelete(String, String),
    Close,
}

impl CloudProjects {
    /// Projects a page (the search's, else the default).
    pub fn page_size(&self) -> u32 {
        if self.search.page_size == 0 { crate::core::cloudproj::PAGE_SIZE } else { self.search.page_size }
    }

    pub fn pages(&self) -> u64 {
        let size = u64::from(self.page_size());
        self.total.div_ceil(size).max(1)
    }
}

/// The Save to cloud confirmation: what is sent, that it is not billed, Add or Update.
pub fn save_dialog(ctx: &egui::Context, state: &mut CloudProjects, facts: &SaveFacts) -> SaveAnswer {
    let mut answer = SaveAnswer::Open;
    egui::Window::new(t!("cloudproj-save-title")).collapsible(false).resizable(false).show(ctx, |ui| {
        ui.label(egui::RichText::new(t!("cloudproj-save-not-billed")).strong());
        let target = match (&facts.project_id, state.as_new) {
            (Some(id), false) => t!("cloudproj-save-updates", title = facts.title.as_str(), id = id.as_str()),
            _ => t!("cloudproj-save-adds", title = facts.title.as_str()),
        };
        ui.label(target);
        ui.label(t!("cloudproj-save-materials", n = facts.materials));
        if facts.project_id.is_some() {
            ui.checkbox(&mut state.as_new, t!("cloudproj-save-as-new"));
        }
        ui.horizontal(|ui| {
            if crate::ui::dialog::default_button(ui, &t!("cloudproj-save-button")).clicked() {
                answer = SaveAnswer::Save { as_new: state.as_new };
            }
            if ui.button(t!("ui-cancel")).clicked() || crate::ui::dialog::escape(ui) {
                answer = SaveAnswer::Cancel;
            }
        });
    });
    answer
}

/// The browser window. `cover` gives a loaded cover's texture (and asks for it otherwise).
pub fn browser(
    ctx: &egui::Context,
    state: &mut CloudProjects,
    mut cover: impl FnMut(&str) -> Option<egui::TextureHandle>,
) -> BrowserAction {
    let mut action = BrowserAction::None;
    let mut ask = None;
    let mut open = true;
    egui::Window::new(t!("cloudproj-browser-title"))
        .open(&mut open)
        .default_size([640.0, 480.0])
        .collapsible(false)
        .show(ctx, |ui| {
            if search_bar(ui, state) {
                action = BrowserAction::Search;
            }
            if let Some(e) = &state.error {
                ui.colored_label(ui.visuals().error_fg_color, e);
            }
            if state.loading {
                ui.spinner();
            } else if state.list.is_empty() && state.error.is_none() {
                ui.label(t!("cloudproj-browser-empty"));
            }
            let busy = state.loading || state.confirm_delete.is_some();
            egui::ScrollArea::vertical().max_height(ui.available_height() - 32.0).show(ui, |ui| {
                for p in &state.list {
                    match row(ui, p, busy, &mut cover) {
                        Some(BrowserAction::AskDelete(id, title)) => ask = Some((id, title)),
                        Some(a) => action = a,
                        None => {}
                    }
                    ui.separator();
                }
            });
            if pager(ui, state, busy) {
                action = BrowserAction::Search;
            }
        });
    if !open {
        action = BrowserAction::Close;
    }
    if ask.is_some() {
        state.confirm_delete = ask;
    }
    if let Some((id, title)) = state.confirm_delete.clone() {
        egui::Window::new(t!("cloudproj-delete-title")).collapsible(false).resizable(false).show(ctx, |ui| {
            ui.label(t!("cloudproj-delete-question", title = title.as_str(), id = id.as_str()));
            ui.horizontal(|ui| {
                if ui.button(t!("cloudproj-delete-button")).clicked() {
                    state.confirm_delete = None;
                    action = BrowserAction::Delete(id.clone(), title.clone());
                }
                // Cancel is the default: Enter does not delete.
                if crate::ui::dialog::default_button(ui, &t!("ui-cancel")).clicked() || crate::ui::dialog::escape(ui) {
                    state.confirm_delete = None;
                }
            });
        });
    }
    action
}

/// Title, status and Search; true when a new search (from page 1) is asked for.
fn search_bar(ui: &mut egui::Ui, state: &mut CloudProjects) -> bool {
    let mut search = false;
    ui.horizontal(|ui| {
        let l = ui.label(t!("cloudproj-browser-search"));
        let field = ui.text_edit_singleline(&mut state.search.title).labelled_by(l.id);
        let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        let all = t!("cloudproj-status-all");
        let shown = if state.search.status.is_empty() { all.clone() } else { status_words(&state.search.status) };
        let before = state.search.status.clone();
        egui::ComboBox::from_label(t!("cloudproj-browser-status")).selected_text(shown).show_ui(ui, |ui| {
            ui.selectable_value(&mut state.search.status, String::new(), all);
            for s in STATUSES {
                ui.selectable_value(&mut state.search.status, s.to_owned(), status_words(s));
            }
        });
        let go = ui.add_enabled(!state.loading, egui::Button::new(t!("cloudproj-browser-go"))).clicked();
        if (go || entered || before != state.search.status) && !state.loading {
            state.search.page = 1;
            search = true;
        }
    });
    search
}

/// Previous, "Page N of M", Next; true when another page is asked for.
fn pager(ui: &mut egui::Ui, state: &mut CloudProjects, busy: bool) -> bool {
    let mut turned = false;
    ui.horizontal(|ui| {
        let page = state.search.page.max(1);
        let prev = ui.add_enabled(!busy && page > 1, egui::Button::new(t!("cloudproj-browser-prev")));
        ui.label(t!("cloudproj-browser-page", page = page, pages = state.pages(), total = state.total));
        let more = u64::from(page) < state.pages();
        let next = ui.add_enabled(!busy && more, egui::Button::new(t!("cloudproj-browser-next")));
        if prev.clicked() {
            state.search.page = page - 1;
            turned = true;
        } else if next.clicked() {
            state.search.page = page + 1;
            turned = true;
        }
    });
    turned
}

/// One project: cover, title, ID, status, times, Open and Delete.
fn row(
    ui: &mut egui::Ui,
    p: &EditingProject,
    busy: bool,
    cover: &mut impl FnMut(&str) -> Option<egui::TextureHandle>,
) -> Option<BrowserAction> {
    let mut action = None;
    ui.horizontal(|ui| {
        let size = egui::vec2(96.0, 54.0);
        match cover(&p.cover_url) {
            Some(tex) => {
                ui.add(egui::Image::new(&tex).fit_to_exact_size(size));
            }
            None => {
                ui.allocate_exact_size(size, egui::Sense::hover());
            }
        }
        ui.vertical(|ui| {
            let title = if p.title.is_empty() { t!("cloudproj-untitled") } else { p.title.clone() };
            ui.label(egui::RichText::new(title).strong());
            ui.label(t!(
                "cloudproj-browser-row",
                id = p.project_id.as_str(),
                status = status_words(&p.status),
                modified = p.modified_time.as_str()
            ));
            ui.horizontal(|ui| {
                let open = ui.add_enabled(!busy, egui::Button::new(t!("cloudproj-browser-open")));
                if open.on_hover_text(t!("cloudproj-browser-open-tip", id = p.project_id.as_str())).clicked() {
                    action = Some(BrowserAction::Open(p.project_id.clone()));
                }
                let delete = ui.add_enabled(!busy, egui::Button::new(t!("cloudproj-browser-delete")));
                if delete.on_hover_text(t!("cloudproj-browser-delete-tip", id = p.project_id.as_str())).clicked() {
                    let title = if p.title.is_empty() { t!("cloudproj-untitled") } else { p.title.clone() };
                    action = Some(BrowserAction::AskDelete(p.project_id.clone(), title));
                }
            });
        });
    });
    action
}
