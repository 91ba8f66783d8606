//! Track headers: kind, name, lock, hide/mute, add/remove/reorder.

use super::lanes::RowLayout;
use crate::edit::Edit;
use crate::edit::document::Document;
use crate::model::TrackKind;
use crate::model::project::Track;
use crate::t;
use egui::{Pos2, Rect, Vec2};

struct HeaderView {
    kind: TrackKind,
    name: String,
    locked: bool,
    hidden: bool,
}

/// The track kinds' menu entries: "video track" under the headers, "Add video track" in a
/// track's menu.
fn kind_track(kind: TrackKind) -> String {
    match kind {
        TrackKind::Video => t!("timeline-video-track"),
        TrackKind::Audio => t!("timeline-audio-track"),
        TrackKind::Image => t!("timeline-image-track"),
        TrackKind::Subtitle => t!("timeline-subtitle-track"),
    }
}

fn add_kind_track(kind: TrackKind) -> String {
    match kind {
        TrackKind::Video => t!("timeline-add-video-track"),
        TrackKind::Audio => t!("timeline-add-audio-track"),
        TrackKind::Image => t!("timeline-add-image-track"),
        TrackKind::Subtitle => t!("timeline-add-subtitle-track"),
    }
}

/// The lock button's words, which also name its undo step.
fn lock_step(locked: bool) -> String {
    if locked { t!("timeline-unlock-track") } else { t!("timeline-lock-track") }
}

/// The hide or mute button's words (audio is muted, pictures are hidden), which also name
/// its undo step.
fn hide_step(kind: TrackKind, hidden: bool) -> String {
    match (kind.is_audible(), hidden) {
        (true, false) => t!("timeline-mute-track"),
        (true, true) => t!("timeline-unmute-track"),
        (false, false) => t!("timeline-hide-track"),
        (false, true) => t!("timeline-show-track"),
    }
}

fn labelled(ui: &mut egui::Ui, text: &str, label: String, tip: &str) -> egui::Response {
    let r = ui.add(egui::Button::new(text).small().frame(false)).on_hover_text(tip);
    r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &label));
    r
}

/// The track headers. Returns why an action from them was refused, for the status line.
pub fn headers_ui(
    ui: &mut egui::Ui,
    doc: &mut Document,
    rows: &[usize],
    layout: &RowLayout,
    area: Rect,
    scroll: f32,
) -> Option<String> {
    let painter = ui.painter_at(area);
    painter.rect_filled(area, 0.0, ui.visuals().panel_fill);
    let mut action: Option<(String, Edit)> = None;
    let mut close_gaps: Option<usize> = None;
    let mut target: Option<(usize, bool)> = None;
    for (row, &ti) in rows.iter().enumerate() {
        let top = area.top() + layout.top(row) - scroll;
        let h = layout.height(row);
        if top + h < area.top() || top > area.bottom() {
            continue;
        }
        let whole = Rect::from_min_size(Pos2::new(area.left(), top), Vec2::new(area.width(), h));
        let r = whole.intersect(area);
        // Right-click on the header: the track's menu (behind the header's own buttons).
        let menu = ui.interact(r, ui.scope_id().with(("track-header", ti)), egui::Sense::click());
        menu.widget_info(|| {
            egui::WidgetInfo::labeled(
                egui::Role::Group,
                true,
                t!("timeline-track-group", name = doc.project().tracks[ti].name.as_str()),
            )
        });
        track_menu(&menu, doc, ti, &mut action, &mut close_gaps);
        painter.rect_filled(
            Rect::from_min_size(r.min, Vec2::new(4.0, r.height())),
            0.0,
            super::draw::kind_colour(doc.project().tracks[ti].kind),
        );
        // Laid out in the whole row and clipped to the area: a row scrolled partly out of view
        // keeps its contents where its lane is, never pushed down over the next row's.
        let mut child = ui.new_child(
            egui::UiBuilder::new()
                .max_rect(whole.shrink2(Vec2::new(8.0, 3.0)))
                .layout(egui::Layout::top_down(egui::Align::Min)),
        );
        child.set_clip_rect(area);
        // Only what the header shows: cloning the track would copy all its clips every frame.
        let src = &doc.project().tracks[ti];
        let t = HeaderView { kind: src.kind, name: src.name.clone(), locked: src.locked, hidden: src.hidden };
        let targeted = src.targeted;
        child.horizontal(|ui| {
            // The target toggle, as in Premiere: the kind's letter, filled while targeted.
            let colour = super::draw::kind_colour(t.kind);
            let letter = egui::RichText::new(t.kind.letter().to_string()).strong();
            let button = if targeted {
                egui::Button::new(letter.color(egui::Color32::WHITE)).fill(colour)
            } else {
                egui::Button::new(letter.color(colour)).fill(egui::Color32::TRANSPARENT)
            };
            let (label, tip) = if targeted {
                (t!("timeline-untarget-named", name = t.name.as_str()), t!("timeline-target-on-tip"))
            } else {
                (t!("timeline-target-named", name = t.name.as_str()), t!("timeline-target-off-tip"))
            };
            let r = ui.add(button.small().stroke(egui::Stroke::new(1.0, colour))).on_hover_text(tip);
            r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &label));
            if r.clicked() {
                target = Some((ti, !targeted));
            }
            ui.label(egui::RichText::new(&t.name).strong());
        });
        child.horizontal(|ui| {
            let name = t.name.as_str();
            let (lock, label, tip) = if t.locked {
                ("🔒", t!("timeline-unlock-named", name = name), t!("timeline-unlock-tip"))
            } else {
                ("🔓", t!("timeline-lock-named", name = name), t!("timeline-lock-tip"))
            };
            if labelled(ui, lock, label, &tip).clicked() {
                let e = Edit::SetTrackProps { track: ti, name: t.name.clone(), locked: !t.locked, hidden: t.hidden };
                action = Some((lock_step(t.locked), e));
            }
            let (icon, label, tip) = match (t.kind.is_audible(), t.hidden) {
                (true, false) => ("🔈", t!("timeline-mute-named", name = name), t!("timeline-mute-tip")),
                (true, true) => ("🔇", t!("timeline-unmute-named", name = name), t!("timeline-unmute-tip")),
                (false, false) => ("👁", t!("timeline-hide-named", name = name), t!("timeline-hide-tip")),
                (false, true) => ("🚫", t!("timeline-show-named", name = name), t!("timeline-show-tip")),
            };
            if labelled(ui, icon, label, &tip).clicked() {
                let e = Edit::SetTrackProps { track: ti, name: t.name.clone(), locked: t.locked, hidden: !t.hidden };
                action = Some((hide_step(t.kind, t.hidden), e));
            }
            // Reorder within the kind: up on screen is the higher layer (later in the API).
            let same: Vec<usize> =
                (0..doc.project().tracks.len()).filter(|&i| doc.project().tracks[i].kind == t.kind).collect();
            let pos = same.iter().position(|&i| i == ti).unwrap_or(0);
            let (up, down) = if t.kind == TrackKind::Audio {
                (pos.checked_sub(1), same.get(pos + 1))
            } else {
                (same.get(pos + 1).copied().map(Some).unwrap_or(None), pos.checked_sub(1).map(|p| &same[p]))
            };
            if let Some(to) = up
                && labelled(ui, "⏶", t!("timeline-move-up-named", name = name), &t!("timeline-move-up-tip")).clicked()
            {
                let to = if t.kind == TrackKind::Audio { same[to] } else { to };
                action = Some((t!("timeline-move-track"), Edit::MoveTrack { from: ti, to }));
            }
            if let Some(&to) = down
                && labelled(ui, "⏷", t!("timeline-move-down-named", name = name), &t!("timeline-move-down-tip"))
                    .clicked()
            {
                action = Some((t!("timeline-move-track"), Edit::MoveTrack { from: ti, to }));
            }
            if labelled(ui, "✖", t!("timeline-remove-named", name = name), &t!("timeline-remove-tip")).clicked() {
                action = Some((t!("timeline-remove-track"), Edit::RemoveTrack { index: ti }));
            }
        });
    }
    // "Add track" below the last row.
    let bottom = area.top() + layout.total() - scroll + 4.0;
    if bottom < area.bottom() - 20.0 {
        let r = Rect::from_min_size(Pos2::new(area.left() + 8.0, bottom), Vec2::new(area.width() - 16.0, 22.0));
        let mut child = ui.new_child(egui::UiBuilder::new().max_rect(r));
        child.menu_button(format!("➕ {}", t!("timeline-add-track")), |ui| {
            for kind in [TrackKind::Video, TrackKind::Audio, TrackKind::Image, TrackKind::Subtitle] {
                if ui.button(kind_track(kind)).clicked() {
                    let n = doc.project().tracks.iter().filter(|t| t.kind == kind).count() + 1;
                    let track = Track::new(kind, format!("{}{n}", kind.letter()));
                    action = Some((
                        t!("timeline-add-track"),
                        Edit::InsertTrack { index: doc.project().tracks.len(), track },
                    ));
                }
            }
        });
    }
    if let Some((t, on)) = target {
        doc.set_targeted(t, on);
    }
    if let Some((label, edit)) = action {
        doc.apply(&label, edit);
        doc.selection.clear();
    }
    close_gaps.and_then(|t| doc.close_gaps(Some(t)).err()).map(|e| e.to_string())
}

/// The track's context menu: lock, hide, add a track of its kind, select its clips, remove.
fn track_menu(
    r: &egui::Response,
    doc: &mut Document,
    ti: usize,
    action: &mut Option<(String, Edit)>,
    close_gaps: &mut Option<usize>,
) {
    r.context_menu(|ui| {
        let t = &doc.project().tracks[ti];
        let (name, locked, hidden, kind) = (t.name.clone(), t.locked, t.hidden, t.kind);
        let lock = lock_step(locked);
        if ui.button(&lock).clicked() {
            *action = Some((lock, Edit::SetTrackProps { track: ti, name: name.clone(), locked: !locked, hidden }));
            ui.close();
        }
        let hide = hide_step(kind, hidden);
        if ui.button(&hide).clicked() {
            *action = Some((hide, Edit::SetTrackProps { track: ti, name: name.clone(), locked, hidden: !hidden }));
            ui.close();
        }
        if ui.button(t!("timeline-close-gaps-on", track = name.as_str())).clicked() {
            *close_gaps = Some(ti);
            ui.close();
        }
        if ui.button(t!("timeline-select-track-clips")).clicked() {
            let n = doc.project().tracks[ti].clips.len();
            doc.selection = (0..n).map(|index| crate::edit::ops::ClipRef { track: ti, index }).collect();
            ui.close();
        }
        ui.separator();
        if ui.button(add_kind_track(kind)).clicked() {
            let n = doc.project().tracks.iter().filter(|t| t.kind == kind).count() + 1;
            let track = Track::new(kind, format!("{}{n}", kind.letter()));
            *action = Some((t!("timeline-add-track"), Edit::InsertTrack { index: doc.project().tracks.len(), track }));
            ui.close();
        }
        if ui
            .button(t!("timeline-remove-named", name = name.as_str()))
            .on_hover_text(t!("timeline-undo-brings-back"))
            .clicked()
        {
            *action = Some((t!("timeline-remove-track"), Edit::RemoveTrack { index: ti }));
            ui.close();
        }
    });
}
