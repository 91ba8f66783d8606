//! What the timeline says and offers beyond dragging: clip tooltips, right-click menus on
//! clips, the ruler and markers, marker flags (hover, double-click to rename), and the
//! horizontal scrollbar.

use super::*;
use crate::t;

/// The effect badges a clip may show.
pub const BADGES: [char; 7] = ['T', 'W', 'V', 'B', 'X', '↔', '?'];

/// What an effect badge on a clip stands for (the tooltip explains them).
fn badge_meaning(badge: char) -> String {
    match badge {
        'T' => t!("timeline-badge-text"),
        'W' => t!("timeline-badge-dewatermark"),
        'V' => t!("timeline-badge-volume"),
        'B' => t!("timeline-badge-background"),
        'X' => t!("timeline-badge-vfx"),
        '↔' => t!("timeline-badge-transition"),
        _ => t!("timeline-badge-unknown"),
    }
}

pub fn clip_tooltip(
    body: &egui::Response,
    project: &Project,
    r: ClipRef,
    title: &str,
    p: crate::model::project::Placement,
    no_sound: Option<&str>,
) {
    let Some(clip) = project.tracks.get(r.track).and_then(|t| t.clips.get(r.index)) else { return };
    let clock = crate::i18n::Clock::of(project.frame_rate);
    body.clone().on_hover_ui(|ui| {
        ui.set_max_width(360.0);
        ui.label(egui::RichText::new(title).strong());
        if let Some(id) = clip.material_id() {
            ui.label(t!("timeline-tip-media", id = id));
        } else if let Some(file) = clip.source_file() {
            ui.colored_label(ui.visuals().warn_fg_color, t!("timeline-tip-missing-file", file = file));
        }
        if let Some(why) = no_sound {
            ui.colored_label(ui.visuals().warn_fg_color, t!("timeline-tip-no-waveform", reason = why));
        }
        let tc = |t: Time| clock.time(t);
        ui.label(t!("timeline-tip-on-timeline", start = tc(p.start), end = tc(p.end)));
        if let (Some(i), o) = (clip.r#in, clip.out) {
            ui.label(t!("timeline-tip-source", r#in = tc(i), out = o.map_or_else(|| t!("timeline-tip-media-end"), tc)));
        }
        let len = p.end - p.start;
        let length = clock.length(len);
        if p.length_known {
            ui.label(t!("timeline-tip-duration", length = length));
        } else {
            ui.label(t!("timeline-tip-duration-unknown", length = length));
        }
        let kinds: Vec<char> = clip.effects.iter().map(|e| draw::badge(e.type_name())).collect();
        for c in BADGES {
            if kinds.contains(&c) {
                ui.label(format!("{c}: {}", badge_meaning(c)));
            }
        }
    });
}

/// Right-click on a clip: it joins (or becomes) the selection, and the usual commands act on it.
pub fn clip_menu(body: &egui::Response, doc: &mut Document, st: &mut TimelineState, r: ClipRef) {
    if body.secondary_clicked() && !doc.selection.contains(&r) {
        doc.selection = vec![r];
    }
    body.context_menu(|ui| {
        for c in [
            Command::Cut,
            Command::Copy,
            Command::Paste,
            Command::PasteInsert,
            Command::Delete,
            Command::RippleDelete,
            Command::Split,
            Command::CloseGaps,
            Command::SelectAll,
        ] {
            let b = egui::Button::new(c.text()).shortcut_text(c.shortcut_text(ui.ctx()));
            if ui.add(b).on_hover_text(c.tooltip()).clicked() {
                st.command = Some(c);
                ui.close();
            }
        }
        ui.separator();
        if ui.button(t!("timeline-playhead-to-clip-start")).clicked() {
            if let Some(p) = st.indexes().get(r.track).and_then(|i| i.placements.get(r.index)) {
                doc.set_playhead(p.start);
                st.follow_playhead = true;
            }
            ui.close();
        }
    });
}

/// Right-click on a track's empty part: close the gap there (when it is in one) or every gap
/// on the track.
pub fn gap_menu(area: &egui::Response, doc: &mut Document, st: &mut TimelineState) {
    area.context_menu(|ui| {
        let Some(track) = st.menu_track.filter(|t| *t < doc.project().tracks.len()) else {
            ui.close();
            return;
        };
        if let Some(g) = st.gap_menu
            && ui.button(t!("timeline-close-gap")).on_hover_text(t!("timeline-close-gap-tip")).clicked()
        {
            doc.gap = Some(g);
            let r = doc.close_selected_gap();
            refusal(st, r);
            ui.close();
        }
        let name = doc.project().tracks[track].name.clone();
        if ui.button(t!("timeline-close-gaps-on", track = name.as_str())).clicked() {
            let r = doc.close_gaps(Some(track));
            refusal(st, r);
            ui.close();
        }
    });
}

/// Right-click on the ruler: act at the time clicked.
pub fn ruler_menu(resp: &egui::Response, doc: &mut Document, st: &mut TimelineState) {
    resp.context_menu(|ui| {
        let at = st.menu_time;
        ui.label(egui::RichText::new(crate::i18n::Clock::of(doc.project().frame_rate).time(at)).weak());
        if ui.button(t!("timeline-move-playhead-here")).clicked() {
            doc.set_playhead(at);
            ui.close();
        }
        if ui.button(t!("timeline-add-marker-here")).clicked() {
            doc.set_playhead(at);
            st.command = Some(Command::AddMarker);
            ui.close();
        }
        if ui.button(t!("timeline-paste-here")).clicked() {
            doc.set_playhead(at);
            st.command = Some(Command::Paste);
            ui.close();
        }
        if ui.button(t!("timeline-paste-insert-here")).on_hover_text(Command::PasteInsert.tooltip()).clicked() {
            doc.set_playhead(at);
            st.command = Some(Command::PasteInsert);
            ui.close();
        }
        ui.separator();
        if ui.button(t!("timeline-cmd-zoom-fit")).clicked() {
            st.command = Some(Command::ZoomFit);
            ui.close();
        }
    });
}

/// Where the flag of a marker at `x` is drawn and clicked, on the ruler of the timeline `rect`.
fn flag_rect(x: f32, rect: Rect) -> Rect {
    Rect::from_min_max(Pos2::new(x - 6.0, rect.top() + RULER_H - 11.0), Pos2::new(x + 6.0, rect.top() + RULER_H))
}

/// Whether `pos` is on a marker's flag (a press there is the flag's, not the ruler's).
pub fn on_flag(doc: &Document, st: &TimelineState, rect: Rect, pos: Pos2) -> bool {
    let m = st.mapping;
    let markers = &doc.project().markers;
    let first = markers.partition_point(|k| m.x_from_time(k.time) < pos.x - 8.0);
    markers[first..]
        .iter()
        .map(|k| m.x_from_time(k.time))
        .take_while(|x| *x <= pos.x + 8.0)
        .any(|x| flag_rect(x, rect).contains(pos))
}

/// Marker flags on the ruler: the label on hover, double-click to rename, right-click for
/// rename, delete and go to.
pub fn markers_ui(ui: &egui::Ui, doc: &mut Document, st: &mut TimelineState, rect: Rect) {
    let m = st.mapping;
    let first = doc.project().markers.partition_point(|k| m.x_from_time(k.time) < m.left - 8.0);
    let mut delete = None;
    for i in first..doc.project().markers.len() {
        let marker = doc.project().markers[i].clone();
        let x = m.x_from_time(marker.time);
        if x > rect.right() + 8.0 {
            break;
        }
        let flag = flag_rect(x, rect);
        let label =
            if marker.label.is_empty() { t!("timeline-marker-default", n = i + 1) } else { marker.label.clone() };
        let time = crate::i18n::Clock::of(doc.project().frame_rate).time(marker.time);
        let r = ui.interact(flag, ui.scope_id().with(("marker-flag", i)), Sense::click());
        r.widget_info(|| {
            egui::WidgetInfo::labeled(
                egui::Role::Button,
                true,
                t!("timeline-marker-label", label = label.as_str(), time = time.as_str()),
            )
        });
        let r = r.on_hover_text(t!("timeline-marker-tip", label = label.as_str(), time = time.as_str()));
        if r.clicked() {
            doc.set_playhead(marker.time);
        }
        if r.double_clicked() {
            st.renaming = Some((i, marker.label.clone()));
        }
        let (t, text) = (marker.time, marker.label.clone());
        r.context_menu(|ui| {
            ui.label(egui::RichText::new(&label).strong());
            if ui.button(t!("timeline-marker-rename")).clicked() {
                st.renaming = Some((i, text.clone()));
                ui.close();
            }
            if ui.button(t!("timeline-marker-go-to")).clicked() {
                doc.set_playhead(t);
                ui.close();
            }
            if ui.button(t!("timeline-edit-delete-marker")).clicked() {
                delete = Some(i);
                ui.close();
            }
        });
    }
    if let Some(i) = delete {
        let r = doc.delete_marker(i);
        refusal(st, r);
    }
}

/// The horizontal scrollbar: the thumb is the view within everything there is to see (the
/// clips, the playhead and the view itself); drag it, or click beside it to page.
pub fn scrollbar(ui: &egui::Ui, doc: &Document, st: &mut TimelineState, rect: Rect) {
    if rect.width() < 20.0 || rect.height() < 4.0 {
        return;
    }
    let m = st.mapping;
    let view = m.span_of_px(rect.width());
    let end = st.content_end().max(doc.project().playhead).max(m.origin + view);
    let total = (end + Time(view.0 / 10)).as_secs_f64().max(1e-6);
    let px = |t: Time| rect.left() + (t.as_secs_f64() / total) as f32 * rect.width();
    let thumb_w = ((view.as_secs_f64() / total) as f32 * rect.width()).clamp(24.0, rect.width());
    let thumb = Rect::from_min_size(
        Pos2::new(px(m.origin).min(rect.right() - thumb_w), rect.top() + 2.0),
        Vec2::new(thumb_w, rect.height() - 4.0),
    );
    let r = ui.interact(rect, ui.scope_id().with("h-scrollbar"), Sense::click_and_drag());
    r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::ScrollBar, true, t!("timeline-scrollbar")));
    let secs_per_px = total / f64::from(rect.width());
    let to_origin =
        |x: f32| Time::from_secs_f64(f64::from(x - rect.left()) * secs_per_px).unwrap_or(Time::ZERO).max(Time::ZERO);
    if r.drag_started()
        && let Some(p) = r.interact_pointer_pos()
    {
        st.scroll_grab = Some(if thumb.contains(p) { p.x - thumb.left() } else { thumb_w / 2.0 });
    }
    if r.dragged()
        && let (Some(p), Some(grab)) = (r.interact_pointer_pos(), st.scroll_grab)
    {
        st.mapping.origin = to_origin(p.x - grab);
    }
    if r.drag_stopped() {
        st.scroll_grab = None;
    }
    if r.clicked()
        && let Some(p) = r.interact_pointer_pos()
        && !thumb.contains(p)
    {
        // A page towards the click.
        let page = Time(view.0 * 9 / 10);
        st.mapping.origin = if p.x < thumb.left() { (m.origin - page).max(Time::ZERO) } else { m.origin + page };
    }
    let v = ui.visuals();
    let painter = ui.painter_at(rect);
    painter.rect_filled(rect, 0.0, v.extreme_bg_color);
    let fill = if r.dragged() || r.hovered() { v.widgets.hovered.bg_fill } else { v.widgets.inactive.bg_fill };
    painter.rect_filled(thumb, 4.0, fill);
}
