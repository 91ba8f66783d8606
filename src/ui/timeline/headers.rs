//! Track headers: kind, name, lock, hide/mute, add/remove/reorder.

use super::lanes::RowLayout;
use crate::edit::Edit;
use crate::edit::document::Document;
use crate::model::TrackKind;
use crate::model::project::Track;
use egui::{Pos2, Rect, Vec2};

struct HeaderView {
    kind: TrackKind,
    name: String,
    locked: bool,
    hidden: bool,
}

fn glyph(kind: TrackKind) -> &'static str {
    match kind {
        TrackKind::Video => "V",
        TrackKind::Audio => "A",
        TrackKind::Image => "I",
        TrackKind::Subtitle => "S",
    }
}

fn labelled(ui: &mut egui::Ui, text: &str, label: String, tip: &str) -> egui::Response {
    let r = ui.add(egui::Button::new(text).small().frame(false)).on_hover_text(tip);
    r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &label));
    r
}

pub fn headers_ui(ui: &mut egui::Ui, doc: &mut Document, rows: &[usize], layout: &RowLayout, area: Rect, scroll: f32) {
    let painter = ui.painter_at(area);
    painter.rect_filled(area, 0.0, ui.visuals().panel_fill);
    let mut action: Option<(String, Edit)> = None;
    for (row, &ti) in rows.iter().enumerate() {
        let top = area.top() + layout.top(row) - scroll;
        let h = layout.height(row);
        if top + h < area.top() || top > area.bottom() {
            continue;
        }
        let r = Rect::from_min_size(Pos2::new(area.left(), top), Vec2::new(area.width(), h)).intersect(area);
        // Right-click on the header: the track's menu (behind the header's own buttons).
        let menu = ui.interact(r, ui.scope_id().with(("track-header", ti)), egui::Sense::click());
        menu.widget_info(|| {
            egui::WidgetInfo::labeled(egui::Role::Group, true, format!("Track {}", doc.project.tracks[ti].name))
        });
        track_menu(&menu, doc, ti, &mut action);
        painter.rect_filled(
            Rect::from_min_size(r.min, Vec2::new(4.0, r.height())),
            0.0,
            super::draw::kind_colour(doc.project.tracks[ti].kind),
        );
        let mut child = ui.new_child(
            egui::UiBuilder::new()
                .max_rect(r.shrink2(Vec2::new(8.0, 3.0)))
                .layout(egui::Layout::top_down(egui::Align::Min)),
        );
        child.set_clip_rect(area);
        // Only what the header shows: cloning the track would copy all its clips every frame.
        let src = &doc.project.tracks[ti];
        let t = HeaderView { kind: src.kind, name: src.name.clone(), locked: src.locked, hidden: src.hidden };
        child.horizontal(|ui| {
            ui.label(egui::RichText::new(glyph(t.kind)).color(super::draw::kind_colour(t.kind)).strong());
            ui.label(egui::RichText::new(&t.name).strong());
        });
        child.horizontal(|ui| {
            let (lock, lock_tip) = if t.locked { ("🔒", "Unlock") } else { ("🔓", "Lock") };
            if labelled(ui, lock, format!("{lock_tip} {}", t.name), &format!("{lock_tip} this track")).clicked() {
                let e = Edit::SetTrackProps { track: ti, name: t.name.clone(), locked: !t.locked, hidden: t.hidden };
                action = Some((format!("{lock_tip} track"), e));
            }
            let (icon, verb) = match (t.kind.is_audible(), t.hidden) {
                (true, false) => ("🔈", "Mute"),
                (true, true) => ("🔇", "Unmute"),
                (false, false) => ("👁", "Hide"),
                (false, true) => ("🚫", "Show"),
            };
            if labelled(
                ui,
                icon,
                format!("{verb} {}", t.name),
                &format!("{verb} this track (hidden and muted tracks are left out of the production)"),
            )
            .clicked()
            {
                let e = Edit::SetTrackProps { track: ti, name: t.name.clone(), locked: t.locked, hidden: !t.hidden };
                action = Some((format!("{verb} track"), e));
            }
            // Reorder within the kind: up on screen is the higher layer (later in the API).
            let same: Vec<usize> =
                (0..doc.project.tracks.len()).filter(|&i| doc.project.tracks[i].kind == t.kind).collect();
            let pos = same.iter().position(|&i| i == ti).unwrap_or(0);
            let (up, down) = if t.kind == TrackKind::Audio {
                (pos.checked_sub(1), same.get(pos + 1))
            } else {
                (same.get(pos + 1).copied().map(Some).unwrap_or(None), pos.checked_sub(1).map(|p| &same[p]))
            };
            if let Some(to) = up
                && labelled(ui, "⏶", format!("Move {} up", t.name), "Move this track up").clicked()
            {
                let to = if t.kind == TrackKind::Audio { same[to] } else { to };
                action = Some(("Move track".into(), Edit::MoveTrack { from: ti, to }));
            }
            if let Some(&to) = down
                && labelled(ui, "⏷", format!("Move {} down", t.name), "Move this track down").clicked()
            {
                action = Some(("Move track".into(), Edit::MoveTrack { from: ti, to }));
            }
            if labelled(ui, "✖", format!("Remove {}", t.name), "Remove this track (undo brings it back)").clicked() {
                action = Some(("Remove track".into(), Edit::RemoveTrack { index: ti }));
            }
        });
    }
    // "Add track" below the last row.
    let bottom = area.top() + layout.total() - scroll + 4.0;
    if bottom < area.bottom() - 20.0 {
        let r = Rect::from_min_size(Pos2::new(area.left() + 8.0, bottom), Vec2::new(area.width() - 16.0, 22.0));
        let mut child = ui.new_child(egui::UiBuilder::new().max_rect(r));
        child.menu_button("➕ Add track", |ui| {
            for kind in [TrackKind::Video, TrackKind::Audio, TrackKind::Image, TrackKind::Subtitle] {
                if ui.button(format!("{} track", kind.label())).clicked() {
                    let n = doc.project.tracks.iter().filter(|t| t.kind == kind).count() + 1;
                    let track = Track::new(kind, format!("{}{n}", kind.letter()));
                    action = Some(("Add track".into(), Edit::InsertTrack { index: doc.project.tracks.len(), track }));
                }
            }
        });
    }
    if let Some((label, edit)) = action {
        doc.apply(&label, edit);
        doc.selection.clear();
    }
}

/// The track's context menu: lock, hide, add a track of its kind, select its clips, remove.
fn track_menu(r: &egui::Response, doc: &mut Document, ti: usize, action: &mut Option<(String, Edit)>) {
    r.context_menu(|ui| {
        let t = &doc.project.tracks[ti];
        let (name, locked, hidden, kind) = (t.name.clone(), t.locked, t.hidden, t.kind);
        let lock = if locked { "Unlock track" } else { "Lock track" };
        if ui.button(lock).clicked() {
            *action =
                Some((lock.into(), Edit::SetTrackProps { track: ti, name: name.clone(), locked: !locked, hidden }));
            ui.close();
        }
        let hide = match (kind.is_audible(), hidden) {
            (true, false) => "Mute track",
            (true, true) => "Unmute track",
            (false, false) => "Hide track",
            (false, true) => "Show track",
        };
        if ui.button(hide).clicked() {
            *action =
                Some((hide.into(), Edit::SetTrackProps { track: ti, name: name.clone(), locked, hidden: !hidden }));
            ui.close();
        }
        if ui.button("Select all clips on this track").clicked() {
            let n = doc.project.tracks[ti].clips.len();
            doc.selection = (0..n).map(|index| crate::edit::ops::ClipRef { track: ti, index }).collect();
            ui.close();
        }
        ui.separator();
        if ui.button(format!("Add {} track", kind.label())).clicked() {
            let n = doc.project.tracks.iter().filter(|t| t.kind == kind).count() + 1;
            let track = Track::new(kind, format!("{}{n}", kind.letter()));
            *action = Some(("Add track".into(), Edit::InsertTrack { index: doc.project.tracks.len(), track }));
            ui.close();
        }
        if ui.button(format!("Remove {name}")).on_hover_text("Undo brings it back").clicked() {
            *action = Some(("Remove track".into(), Edit::RemoveTrack { index: ti }));
            ui.close();
        }
    });
}
