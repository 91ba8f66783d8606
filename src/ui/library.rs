//! The VOD media library: search (SearchMedia), kind filter, newest/oldest first, paging
//! (ScrollToken past the first 5 000 results), covers loaded only for visible rows, status
//! marks, project materials, and dragging media onto tracks.

use super::timeline::MediaDrop;
use crate::core::cloud::Cloud;
use crate::core::library::{Library, PAGE_SIZE, Row, TooFar};
use crate::i18n::format;
use crate::i18n::{Clock, describe};
use crate::model::project::{BinEntry, MediaKind};
use crate::t;
use std::collections::HashMap;

const ROW_H: f32 = 58.0;
/// Covers downloading at once.
const MAX_THUMBS_IN_FLIGHT: usize = 6;

enum Thumb {
    Loading,
    Ready(egui::TextureHandle),
    Failed,
}

/// The library panel: the core's listing, and the covers of the rows in view.
#[derive(Default)]
pub struct LibraryPanel {
    /// The search, the page shown and its rows (the paging rules are the core's).
    pub list: Library,
    /// The panel has been shown (the first showing lists media by itself).
    pub opened: bool,
    thumbs: HashMap<String, Thumb>,
    thumbs_in_flight: usize,
}

impl LibraryPanel {
    /// Asks for 0-based page `page` of the search (a page too far to reach says so).
    pub fn search(&mut self, cloud: &mut Cloud, page: usize, region: &str) {
        match self.list.begin(page) {
            Ok(q) => cloud.search_media(page, q, region),
            Err(TooFar { .. }) => self.list.error = Some(t!("cloud-lib-too-far")),
        }
    }

    /// Appends the next page to the list (the list can grow to thousands; only rows in view
    /// are laid out and fetch covers).
    pub fn load_more(&mut self, cloud: &mut Cloud, region: &str) {
        if let Some(q) = self.list.begin_more() {
            cloud.search_media(self.list.page + 1, q, region);
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
    panel: &mut LibraryPanel,
    cloud: &mut Cloud,
    region: &str,
    project_id: Option<&str>,
    clock: Clock,
) -> Option<BinEntry> {
    // The first time the panel shows, it lists the newest media without waiting for a search.
    let mut search = !std::mem::replace(&mut panel.opened, true);
    let lib = &mut panel.list;
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
        panel.search(cloud, 0, region);
    }
    let lib = &mut panel.list;
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
    let (mut previous, mut next, mut more_rows) = (false, false, false);
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
                previous = true;
            }
            let more = (lib.page + 1) * (PAGE_SIZE as usize) < lib.total as usize;
            if ui.add_enabled(more && !lib.loading, egui::Button::new(format!("{} ▶", t!("cloud-lib-next")))).clicked()
            {
                next = true;
            }
            if ui
                .add_enabled(more && !lib.loading, egui::Button::new(t!("cloud-lib-load-more")))
                .on_hover_text(t!("cloud-lib-load-more-tip"))
                .clicked()
            {
                more_rows = true;
            }
        });
    } else if lib.materials {
        ui.label(t!("cloud-lib-materials-count", n = lib.rows.len()));
    }
    let page = lib.page;
    if previous {
        panel.search(cloud, page - 1, region);
    } else if next {
        panel.search(cloud, page + 1, region);
    } else if more_rows {
        panel.load_more(cloud, region);
    }
    // Only the rows in view are laid out, and only their covers are fetched.
    let rows = panel.list.rows.clone();
    let mut open = None;
    egui::ScrollArea::vertical().id_salt("library").auto_shrink([false, false]).show_rows(
        ui,
        ROW_H,
        rows.len(),
        |ui, range| {
            for row in &rows[range] {
                panel.request_thumb(cloud, &row.cover_url);
                if row_ui(ui, panel, row, clock) {
                    open = Some(row.entry());
                }
            }
        },
    );
    open
}

/// One row; true when it was double-clicked to open.
fn row_ui(ui: &mut egui::Ui, lib: &LibraryPanel, row: &Row, clock: Clock) -> bool {
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
