//! Painting the timeline (no interaction here). Colours and sizes in one place.

use super::ROW_H;
use super::mapping::TimeMapping;
use crate::edit::document::Document;
use crate::edit::ops::ClipRef;
use crate::model::project::{Placement, TrackKind};
use crate::model::wire::Clip;
use crate::model::{Project, Time};
use egui::{Align2, Color32, FontId, Painter, Pos2, Rect, Stroke, StrokeKind, Vec2};

pub const SELECTED: Color32 = Color32::from_rgb(255, 214, 80);
pub const SNAP_COLOUR: Color32 = Color32::from_rgb(80, 220, 255);
pub const PLAYHEAD: Color32 = Color32::from_rgb(255, 80, 80);
pub const RUBBER_FILL: Color32 = Color32::from_rgba_premultiplied(60, 50, 20, 40);
const GHOST_OK: Color32 = Color32::from_rgba_premultiplied(120, 120, 120, 90);
const GHOST_BAD: Color32 = Color32::from_rgba_premultiplied(160, 30, 30, 110);

pub fn kind_colour(kind: TrackKind) -> Color32 {
    match kind {
        TrackKind::Video => Color32::from_rgb(58, 104, 168),
        TrackKind::Audio => Color32::from_rgb(52, 132, 92),
        TrackKind::Image => Color32::from_rgb(128, 82, 160),
        TrackKind::Subtitle => Color32::from_rgb(168, 120, 40),
    }
}

/// Row backgrounds follow the theme (dark or light); locked rows are tinted red.
pub fn rows(
    painter: &Painter,
    v: &egui::Visuals,
    doc: &Document,
    rows: &[usize],
    area: Rect,
    scroll: f32,
    time_left: f32,
) {
    for (row, &ti) in rows.iter().enumerate() {
        let top = area.top() + row as f32 * ROW_H - scroll;
        if top + ROW_H < area.top() || top > area.bottom() {
            continue;
        }
        let r = Rect::from_min_max(Pos2::new(time_left, top), Pos2::new(area.right(), top + ROW_H));
        let t = &doc.project.tracks[ti];
        let mut fill = if row % 2 == 0 { v.extreme_bg_color } else { v.faint_bg_color };
        if t.locked {
            fill = fill.lerp_to_gamma(Color32::from_rgb(160, 40, 40), 0.15);
        }
        painter.rect_filled(r, 0.0, fill);
        painter.hline(r.x_range(), r.bottom(), Stroke::new(1.0, v.widgets.noninteractive.bg_stroke.color));
    }
}

/// One clip block: colour by kind, title, length, effect badges; dimmed on hidden tracks;
/// a provisional length is drawn with a dashed end and "≈".
#[allow(clippy::too_many_arguments)]
pub fn clip(
    painter: &Painter,
    project: &Project,
    r: ClipRef,
    clip: &Clip,
    title: &str,
    p: Placement,
    rect: Rect,
    selected: bool,
    clip_to: Rect,
) {
    let track = &project.tracks[r.track];
    let painter = painter.with_clip_rect(clip_to.intersect(painter.clip_rect()));
    let mut fill = kind_colour(track.kind);
    if track.hidden {
        fill = fill.gamma_multiply(0.35);
    }
    if !p.length_known {
        fill = fill.gamma_multiply(0.6);
    }
    painter.rect_filled(rect, 3.0, fill);
    let stroke = if selected { Stroke::new(2.0, SELECTED) } else { Stroke::new(1.0, Color32::from_black_alpha(120)) };
    painter.rect_stroke(rect, 3.0, stroke, StrokeKind::Inside);
    if !p.length_known {
        // Dashes along the unknown end: "this length is a stand-in".
        let x = rect.right() - 2.0;
        let mut y = rect.top();
        while y < rect.bottom() {
            painter.line_segment(
                [Pos2::new(x, y), Pos2::new(x, (y + 4.0).min(rect.bottom()))],
                Stroke::new(2.0, Color32::WHITE),
            );
            y += 8.0;
        }
    }
    if rect.width() < 14.0 {
        return;
    }
    let text_colour = if track.hidden { Color32::from_gray(150) } else { Color32::WHITE };
    let text_clip = rect.shrink2(Vec2::new(4.0, 2.0));
    let tp = painter.with_clip_rect(text_clip.intersect(painter.clip_rect()));
    let left = rect.left().max(clip_to.left()) + 5.0;
    tp.text(Pos2::new(left, rect.top() + 4.0), Align2::LEFT_TOP, title, FontId::proportional(13.0), text_colour);
    let len = p.end - p.start;
    let mut info = if p.length_known { format!("{} s", len) } else { format!("≈{} s (length unknown)", len) };
    if !p.start_known {
        info.push_str(", place follows an unknown clip");
    }
    tp.text(
        Pos2::new(left, rect.bottom() - 4.0),
        Align2::LEFT_BOTTOM,
        info,
        FontId::proportional(11.0),
        text_colour.gamma_multiply(0.8),
    );
    let badges: String = clip
        .effects
        .iter()
        .map(|e| match e.type_name() {
            "Text" => 'T',
            "DeWatermark" => 'W',
            "Volume" => 'V',
            "Background" => 'B',
            "VFX" => 'X',
            "Transition" => '↔',
            _ => '?',
        })
        .collect();
    if !badges.is_empty() && rect.width() > 60.0 {
        tp.text(
            Pos2::new(rect.right() - 5.0, rect.top() + 4.0),
            Align2::RIGHT_TOP,
            badges,
            FontId::monospace(11.0),
            SELECTED,
        );
    }
}

pub fn ghost(painter: &Painter, rect: Rect, ok: bool) {
    painter.rect(
        rect,
        3.0,
        if ok { GHOST_OK } else { GHOST_BAD },
        Stroke::new(1.0, Color32::WHITE),
        StrokeKind::Inside,
    );
}

pub fn ruler(painter: &Painter, v: &egui::Visuals, m: &TimeMapping, rect: Rect) {
    painter.rect_filled(rect, 0.0, v.window_fill);
    let (strong, weak) = (v.text_color(), v.weak_text_color());
    let (major, minor) = m.tick_steps(90.0);
    let t0 = m.time_from_x(rect.left());
    let t1 = m.time_from_x(rect.right());
    let first = Time((t0.0 / minor.0).max(0) * minor.0);
    let mut t = first;
    let mut guard = 0;
    while t <= t1 && guard < 2_000 {
        let x = m.x_from_time(t);
        let is_major = t.0 % major.0 == 0;
        let h = if is_major { 10.0 } else { 5.0 };
        painter.vline(x, (rect.bottom() - h)..=rect.bottom(), Stroke::new(1.0, if is_major { strong } else { weak }));
        if is_major {
            painter.text(
                Pos2::new(x + 3.0, rect.top() + 2.0),
                Align2::LEFT_TOP,
                short_timecode(t),
                FontId::monospace(10.0),
                strong,
            );
        }
        t = t + minor;
        guard += 1;
    }
}

/// "1:05", "0:02.5", "1:00:00": as short as the value allows.
pub fn short_timecode(t: Time) -> String {
    let full = t.timecode();
    let trimmed = full.trim_end_matches('0').trim_end_matches('.');
    trimmed.to_owned()
}

pub fn playhead_and_markers(painter: &Painter, doc: &Document, m: &TimeMapping, rect: Rect, ruler_h: f32) {
    let visible = |x: f32| x >= m.left && x <= rect.right();
    for marker in &doc.project.markers {
        let x = m.x_from_time(marker.time);
        if !visible(x) {
            continue;
        }
        let top = rect.top() + ruler_h - 9.0;
        painter.add(egui::Shape::convex_polygon(
            vec![Pos2::new(x - 5.0, top), Pos2::new(x + 5.0, top), Pos2::new(x, top + 8.0)],
            Color32::from_rgb(120, 200, 120),
            Stroke::NONE,
        ));
        painter.vline(
            x,
            (rect.top() + ruler_h)..=rect.bottom(),
            Stroke::new(1.0, Color32::from_rgba_premultiplied(80, 140, 80, 90)),
        );
    }
    let x = m.x_from_time(doc.project.playhead);
    if visible(x) {
        painter.vline(x, rect.y_range(), Stroke::new(1.5, PLAYHEAD));
        painter.add(egui::Shape::convex_polygon(
            vec![Pos2::new(x - 6.0, rect.top()), Pos2::new(x + 6.0, rect.top()), Pos2::new(x, rect.top() + 9.0)],
            PLAYHEAD,
            Stroke::NONE,
        ));
    }
}
