//! The VOD media library: search (SearchMedia), kind filter, newest/oldest first, paging
//! (ScrollToken past the first 5 000 results), covers loaded only for visible rows, status
//! marks, project materials, and dragging media onto tracks.

use super::cloud::Cloud;
use super::timeline::MediaDrop;
use crate::api::calls::{MediaItem, MediaQuery};
use crate::i18n::Clock;
use crate::i18n::describe;
use crate::i18n::format;
use crate::model::Time;
use crate::model::project::{BinEntry, MediaKind};
use crate::t;
use std::collections::HashMap;

pub const PAGE_SIZE: u32 = 50;
/// PageNo/PageSize can reach this many results; beyond, only ScrollToken.
pub const PAGE_WINDOW: u32 = 5_000;
const ROW_H: f32 = 58.0;
/// Covers downloading at once.
const MAX_THUMBS_IN_FLIGHT: usize = 6;

/// One row of the list, from a search or from a project's materials.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub media_id: String,
    pub kind: MediaKind,
    pub title: String,
    pub duration: Option<Time>,
    pub status: String,
    pub size: Option<f64>,
    pub cover_url: String,
}

impl Row {
    pub fn from_item(m: &MediaItem) -> Row {
        let d = m.details().cloned().unwrap_or_default();
        Row {
            media_id: m.media_id.clone(),
            kind: kind_of(&m.media_type),
            title: d.title,
            duration: d.duration.and_then(Time::from_secs_f64),
            status: d.status,
            size: d.size,
            cover_url: d.cover_url,
        }
    }

    fn entry(&self) -> BinEntry {
        BinEntry {
            media_id: self.media_id.clone(),
            title: self.title.clone(),
            duration: self.duration,
            kind: self.kind,
            ..Default::default()
        }
    }
}

pub fn kind_of(t: &str) -> MediaKind {
    match t {
        "audio" => MediaKind::Audio,
        "image" => MediaKind::Image,
        _ => MediaKind::Video,
    }
}

enum Thumb {
    Loading,
    Ready(egui::TextureHandle),
    Failed,
}

pub struct Library {
    pub text: String,
    pub kind: MediaKind,
    pub newest_first: bool,
    /// 0-based page shown.
    pub page: usize,
    /// `tokens[p]`: the ScrollToken that fetches page `p` (from page `p - 1`'s answer).
    tokens: Vec<Option<String>>,
    pub rows: Vec<Row>,
    pub total: u64,
    pub error: Option<String>,
    pub loading: bool,
    /// The panel has been shown (the first showing lists media by itself).
    pub opened: bool,
    /// Showing the linked cloud project's materials instead of a search.
    pub materials: bool,
    /// The next page is appended to the list instead of replacing it ("Load more").
    appending: bool,
    thumbs: HashMap<String, Thumb>,
    thumbs_in_flight: usize,
}

impl Default for Library {
    fn default() -> Self {
        Library {
            text: String::new(),
            kind: MediaKind::Video,
            newest_first: true,
            page: 0,
            tokens: Vec::new(),
            rows: Vec::new(),
            total: 0,
            error: None,
            loading: false,
            opened: false,
            materials: false,
            appending: false,
            thumbs: HashMap::new(),
            thumbs_in_flight: 0,
        }
    }
}

/// The kind as SearchMedia's MediaType names it.
fn api_kind(k: MediaKind) -> &'static str {
    // i18n-exempt: SearchMedia's MediaType values, sent to VOD, never shown
    const NAMES: [&str; 3] = ["video", "audio", "image"];
    NAMES[k as usize]
}

impl Library {
    /// The query for page `page`: PageNo within the 5 000-result window, a ScrollToken past it.
    pub fn query_for(&self, page: usize) -> Option<MediaQuery> {
        let within = (page as u32 + 1) * PAGE_SIZE <= PAGE_WINDOW;
        let token = if within { None } else { Some(self.tokens.get(page).cloned().flatten()?) };
        Some(MediaQuery::search(&self.text, api_kind(self.kind), page as u32 + 1, PAGE_SIZE, token, self.newest_first))
    }

    pub fn search(&mut self, cloud: &mut Cloud, page: usize, region: &str) {
        let Some(q) = self.query_for(page) else {
            self.error = Some(t!("cloud-lib-too-far"));
            return;
        };
        if page == 0 {
            self.tokens.clear();
        }
        self.appending = false;
        self.materials = false;
        self.loading = true;
        self.error = None;
        cloud.search_media(page, q, region);
    }

    /// Appends the next page to the list (the list can grow to thousands; only rows in view
    /// are laid out and fetch covers).
    pub fn load_more(&mut self, cloud: &mut Cloud, region: &str) {
        let next = self.page + 1;
        if self.query_for(next).is_none() {
            return;
        }
        self.search(cloud, next, region);
        self.appending = true;
    }

    /// Puts rows in the list directly (project materials, tests).
    pub fn set_rows(&mut self, rows: Vec<Row>) {
        self.total = rows.len() as u64;
        self.rows = rows;
    }

    pub fn on_page(&mut self, page: usize, result: Result<crate::api::calls::SearchMediaResult, String>) {
        self.loading = false;
        match result {
            Ok(r) => {
                self.page = page;
                self.total = r.total;
                let rows = r.media_list.iter().map(Row::from_item);
                if self.appending {
                    self.rows.extend(rows);
                } else {
                    self.rows = rows.collect();
                }
                self.appending = false;
                if self.tokens.len() <= page + 1 {
                    self.tokens.resize(page + 2, None);
                }
                self.tokens[page + 1] = r.scroll_token.filter(|t| !t.is_empty());
                self.error = None;
            }
            Err(e) => self.error = Some(e),
        }
    }

    pub fn on_materials(&mut self, result: Result<Vec<crate::api::calls::Material>, String>) {
        self.loading = false;
        match result {
            Ok(list) => {
                self.materials = true;
                let rows = list
                    .iter()
                    .map(|m| Row {
                        media_id: m.material_id.clone(),
                        kind: kind_of(&m.material_type),
                        title: m.title.clone(),
                        duration: m.duration.and_then(Time::from_secs_f64),
                        status: m.status.clone(),
                        size: m.size,
                        cover_url: m.cover_url.clone(),
                    })
                    .collect();
                self.set_rows(rows);
            }
            Err(e) => self.error = Some(e),
        }
    }

    pub fn on_thumb(&mut self, ctx: &egui::Context, url: String, result: Result<([usize; 2], Vec<u8>), String>) {
        self.thumbs_in_flight = self.thumbs_in_flight.saturating_sub(1);
        let thumb = match result {
            Ok((size, rgba)) => {
                let image = egui::ColorImage::from_rgba_unmultiplied(size, &rgba);
                Thumb::Ready(ctx.load_texture(format!("cover:{url}"), image, egui::TextureOptions::LINEAR))
            }
            Err(_) => Thumb::Failed,
        };
        self.thumbs.insert(url, thumb);
    }

    /// The cover's texture once loaded.
    pub fn texture(&self, url: &str) -> Option<&egui::TextureHandle> {
        match self.thumbs.get(url) {
            Some(Thumb::Ready(t)) => Some(t),
            _ => None,
        }
    }

    pub fn request_thumb(&mut self, cloud: &mut Cloud, url: &str) {
        if url.is_empty() || self.thumbs.contains_key(url) || self.thumbs_in_flight >= MAX_THUMBS_IN_FLIGHT {
            return;
        }
        if cloud.load_thumb(url.to_owned()) {
            self.thumbs_in_flight += 1;
            self.thumbs.insert(url.to_owned(), Thumb::Loading);
        }
    }

    /// How many covers have been asked for (tests).
    pub fn thumbs_requested(&self) -> usize {
        self.thumbs.len()
    }

    pub fn thumbs_ready(&self) -> usize {
        self.thumbs.values().filter(|t| matches!(t, Thumb::Ready(_))).count()
    }
}

/// Returns the row double-clicked to open in the source viewer.
pub fn library_ui(
    ui: &mut egui::Ui,
    lib: &mut Library,
    cloud: &mut Cloud,
    region: &str,
    project_id: Option<&str>,
    clock: Clock,
) -> Option<BinEntry> {
    // The first time the panel shows, it lists the newest media without waiting for a search.
    let mut search = !std::mem::replace(&mut lib.opened, true);
    ui.horizontal(|ui| {
        let r = ui
            .add(egui::TextEdit::singleline(&mut lib.text).hint_text(t!("cloud-lib-search-hint")).desired_width(150.0));
        r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::SearchInput, true, t!("cloud-lib-search-label")));
        search |= r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        search |= ui.button(t!("cloud-lib-search")).clicked();
    });
    // Rows that wrap rather than widen the panel (the preview beside it would jump).
    ui.horizontal_wrapped(|ui| {
        for k in [MediaKind::Video, MediaKind::Audio, MediaKind::Image] {
            if ui.selectable_label(lib.kind == k, describe::media_kind(k)).clicked() && lib.kind != k {
                lib.kind = k;
                search = true;
            }
        }
        let order = if lib.newest_first { t!("cloud-lib-newest") } else { t!("cloud-lib-oldest") };
        if ui.button(order).on_hover_text(t!("cloud-lib-sort-tip")).clicked() {
            lib.newest_first = !lib.newest_first;
            search = true;
        }
    });
    if let Some(pid) = project_id
        && ui.button(t!("cloud-lib-materials")).on_hover_text("GetEditingProjectMaterials").clicked()
    {
        lib.loading = true;
        cloud.project_materials(pid.to_owned(), region);
    }
    if search {
        lib.search(cloud, 0, region);
    }
    if lib.loading {
        ui.horizontal(|ui| {
            ui.spinner();
            ui.label(t!("cloud-asking-vod"));
        });
    }
    if let Some(e) = &lib.error {
        // Offline, no credentials, refused: said here, the rest of the editor unaffected.
        ui.colored_label(ui.visuals().error_fg_color, e);
    }
    if !lib.materials && (lib.total > 0 || lib.page > 0) {
        ui.horizontal_wrapped(|ui| {
            let first = lib.page * PAGE_SIZE as usize + 1;
            ui.label(t!(
                "cloud-lib-range",
                first = first.min(lib.total as usize),
                last = first + lib.rows.len().saturating_sub(1),
                total = lib.total
            ));
            if ui
                .add_enabled(lib.page > 0 && !lib.loading, egui::Button::new(format!("◀ {}", t!("cloud-lib-previous"))))
                .clicked()
            {
                let p = lib.page - 1;
                lib.search(cloud, p, region);
            }
            let more = (lib.page + 1) * (PAGE_SIZE as usize) < lib.total as usize;
            if ui.add_enabled(more && !lib.loading, egui::Button::new(format!("{} ▶", t!("cloud-lib-next")))).clicked()
            {
                let p = lib.page + 1;
                lib.search(cloud, p, region);
            }
            if ui
                .add_enabled(more && !lib.loading, egui::Button::new(t!("cloud-lib-load-more")))
                .on_hover_text(t!("cloud-lib-load-more-tip"))
                .clicked()
            {
                lib.load_more(cloud, region);
            }
        });
    } else if lib.materials {
        ui.label(t!("cloud-lib-materials-count", n = lib.rows.len()));
    }
    // Only the rows in view are laid out, and only their covers are fetched.
    let rows = lib.rows.clone();
    let mut open = None;
    egui::ScrollArea::vertical().id_salt("library").auto_shrink([false, false]).show_rows(
        ui,
        ROW_H,
        rows.len(),
        |ui, range| {
            for row in &rows[range] {
                lib.request_thumb(cloud, &row.cover_url);
                if row_ui(ui, lib, row, clock) {
                    open = Some(row.entry());
                }
            }
        },
    );
    open
}

/// One row; true when it was double-clicked to open.
fn row_ui(ui: &mut egui::Ui, lib: &Library, row: &Row, clock: Clock) -> bool {
    let id = egui::Id::unique(("library-row", &row.media_id));
    let payload = MediaDrop::whole(row.entry(), row.status.clone());
    let r = super::bin::media_item(ui, id, payload, |ui| {
        ui.set_min_height(ROW_H - 6.0);
        ui.horizontal(|ui| {
            let (rect, _) = ui.allocate_exact_size(egui::vec2(80.0, 45.0), egui::Sense::hover());
            match lib.thumbs.get(&row.cover_url) {
                Some(Thumb::Ready(t)) => {
                    egui::Image::new(t).fit_to_exact_size(rect.size()).paint_at(ui, rect);
                }
                _ => {
                    ui.painter().rect_filled(rect, 2.0, ui.visuals().extreme_bg_color);
                }
            }
            ui.vertical(|ui| {
                ui.label(egui::RichText::new(if row.title.is_empty() { &row.media_id } else { &row.title }).strong());
                let length = match row.duration {
                    Some(d) => clock.length(d),
                    None => t!("cloud-lib-length-unknown"),
                };
                let kind = describe::media_kind(row.kind);
                let size = row.size.map(|s| format::size(s as u64));
                // A still has no length of its own: "image", never "00:00:00:00".
                ui.label(match (row.kind, size) {
                    (MediaKind::Image, Some(size)) => t!("cloud-lib-row-still-size", kind = kind, size = size),
                    (MediaKind::Image, None) => kind,
                    (_, Some(size)) => t!("cloud-lib-row-size", kind = kind, length = length, size = size),
                    (_, None) => t!("cloud-lib-row", kind = kind, length = length),
                });
                if !row.status.is_empty() && row.status != "Normal" {
                    ui.colored_label(
                        ui.visuals().warn_fg_color,
                        t!("cloud-lib-not-normal", status = crate::api::calls::media_status_words(&row.status)),
                    );
                }
            });
        });
    });
    let opened = super::bin::opened_by(ui, &r);
    let title = if row.title.is_empty() { &row.media_id } else { &row.title };
    let label = t!("cloud-lib-row-label", title = title.as_str());
    r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &label));
    r.on_hover_text(t!("cloud-lib-row-tip", id = row.media_id.as_str()));
    opened
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_past_the_window_use_scroll_tokens() {
        let mut lib = Library::default();
        let q = lib.query_for(3).unwrap();
        assert_eq!((q.page_no, q.scroll_token.as_deref()), (Some(4), None));
        // Page 100 (results 5 001-5 050) needs the token page 99's answer gave.
        assert!(lib.query_for(100).is_none(), "no token yet");
        lib.tokens = vec![None; 101];
        lib.tokens[100] = Some("tok".into());
        let q = lib.query_for(100).unwrap();
        assert_eq!((q.page_no, q.scroll_token.as_deref()), (None, Some("tok")));
    }
}
