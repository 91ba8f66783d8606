//! Painting the timeline (no interaction here). Colours and sizes in one place.

use super::lanes::RowLayout;
use super::mapping::TimeMapping;
use crate::edit::document::Document;
use crate::edit::ops::ClipRef;
use crate::i18n::Clock;
use crate::model::Project;
use crate::model::Time;
use crate::model::project::{Placement, TrackKind};
use crate::model::wire::Clip;
use egui::{Align2, Color32, FontId, Painter, Pos2, Rect, Stroke, StrokeKind, Vec2};

pub const SELECTED: Color32 = Color32::from_rgb(255, 214, 80);
pub const SNAP_COLOUR: Color32 = Color32::from_rgb(80, 220, 255);
pub const PLAYHEAD: Color32 = Color32::from_rgb(255, 80, 80);
pub const MARKER: Color32 = Color32::from_rgb(120, 200, 120);
pub const RUBBER_FILL: Color32 = Color32::from_rgba_premultiplied(60, 50, 20, 40);
/// The In/Out marks and the range between them on the ruler.
pub const MARK: Color32 = Color32::from_rgb(90, 170, 255);
const MARK_FILL: Color32 = Color32::from_rgba_premultiplied(30, 60, 100, 90);
const GAP_FILL: Color32 = Color32::from_rgba_premultiplied(70, 60, 20, 70);
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
#[allow(clippy::too_many_arguments)]
pub fn rows(
    painter: &Painter,
    v: &egui::Visuals,
    doc: &Document,
    rows: &[usize],
    layout: &RowLayout,
    area: Rect,
    scroll: f32,
    time_left: f32,
) {
    for (row, &ti) in rows.iter().enumerate() {
        let top = area.top() + layout.top(row) - scroll;
        let h = layout.height(row);
        if top + h < area.top() || top > area.bottom() {
            continue;
        }
        let r = Rect::from_min_max(Pos2::new(time_left, top), Pos2::new(area.right(), top + h));
        let t = &doc.project().tracks[ti];
        let mut fill = if row % 2 == 0 { v.extreme_bg_color } else { v.faint_bg_color };
        if t.locked {
            fill = fill.lerp_to_gamma(Color32::from_rgb(160, 40, 40), 0.15);
        }
        painter.rect_filled(r, 0.0, fill);
        // Sub-rows of a track with overlapping clips: a faint line between lanes.
        for lane in 1..layout.lanes(row) {
            let y = top + lane as f32 * layout.lane_h(row);
            painter.hline(
                r.x_range(),
                y,
                Stroke::new(1.0, v.widgets.noninteractive.bg_stroke.color.gamma_multiply(0.4)),
            );
        }
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
    // The words are cut to the block's width with "…" rather than clipped by a rectangle of
    // their own: every clip then shares the painter's clip rectangle, so egui sends the
    // visible clips as a few draw calls instead of two per clip (issue 28: the software
    // renderer kept tens of MB per draw call it had seen).
    let left = rect.left().max(clip_to.left()) + 5.0;
    let room = rect.right() - 4.0 - left;
    fitted_text(
        &painter,
        Pos2::new(left, rect.top() + 4.0),
        Align2::LEFT_TOP,
        title,
        FontId::proportional(13.0),
        text_colour,
        room,
    );
    let len = p.end - p.start;
    let length = crate::i18n::Clock::of(project.frame_rate).length(len);
    let info = match (p.length_known, p.start_known) {
        (true, true) => length,
        (false, true) => crate::t!("timeline-clip-length-unknown", length = length),
        (true, false) => crate::t!("timeline-clip-place-unknown", length = length),
        (false, false) => crate::t!("timeline-clip-both-unknown", length = length),
    };
    fitted_text(
        &painter,
        Pos2::new(left, rect.bottom() - 4.0),
        Align2::LEFT_BOTTOM,
        &info,
        FontId::proportional(11.0),
        text_colour.gamma_multiply(0.8),
        room,
    );
    let badges: String = clip.effects.iter().map(|e| badge(e.type_name())).collect();
    if !badges.is_empty() && rect.width() > 60.0 {
        fitted_text(
            &painter,
            Pos2::new(rect.right() - 5.0, rect.top() + 4.0),
            Align2::RIGHT_TOP,
            &badges,
            FontId::monospace(11.0),
            SELECTED,
            room,
        );
    }
}

/// One line of `text` at `pos`, cut with "…" to `max_width`.
fn fitted_text(
    painter: &Painter,
    pos: Pos2,
    anchor: Align2,
    text: &str,
    font: FontId,
    colour: Color32,
    max_width: f32,
) {
    if max_width < 4.0 {
        return;
    }
    let mut job = egui::text::LayoutJob::simple_singleline(text.to_owned(), font, colour);
    job.wrap = egui::text::TextWrapping::truncate_at_width(max_width);
    let galley = painter.layout_job(job);
    let at = anchor.anchor_size(pos, galley.size()).min;
    painter.galley(at, galley, colour);
}

/// A file still uploading where its clip will go: dashed outline, its name and state.
pub fn pending(painter: &Painter, v: &egui::Visuals, rect: Rect, label: &str) {
    if rect.width() < 1.0 {
        return;
    }
    painter.rect_filled(rect, 3.0, v.faint_bg_color.gamma_multiply(0.8));
    let stroke = Stroke::new(1.5, v.strong_text_color().gamma_multiply(0.7));
    let pts = [rect.left_top(), rect.right_top(), rect.right_bottom(), rect.left_bottom(), rect.left_top()];
    for w in pts.windows(2) {
        painter.extend(egui::Shape::dashed_line(w, stroke, 6.0, 4.0));
    }
    let clip = painter.with_clip_rect(rect.shrink(2.0));
    clip.text(
        rect.left_center() + egui::vec2(6.0, 0.0),
        egui::Align2::LEFT_CENTER,
        label,
        FontId::proportional(12.0),
        v.text_color(),
    );
}

/// A picked gap: a tinted, outlined stretch of its track.
pub fn gap(painter: &Painter, rect: Rect) {
    if rect.width() < 1.0 {
        return;
    }
    painter.rect(rect, 3.0, GAP_FILL, Stroke::new(2.0, SELECTED), StrokeKind::Inside);
}

/// The timeline's In and Out marks on the ruler: brackets at each, the range between them
/// shaded (to the end of the view when only In is set, from its start when only Out is).
/// `mark_out` is where the range ends: the end of the Out mark's frame, which it includes.
pub fn marks(painter: &Painter, m: &TimeMapping, mark_in: Option<Time>, mark_out: Option<Time>, ruler: Rect) {
    if mark_in.is_none() && mark_out.is_none() {
        return;
    }
    let x_in = mark_in.map_or(ruler.left(), |t| m.x_from_time(t)).max(ruler.left());
    let x_out = mark_out.map_or(ruler.right(), |t| m.x_from_time(t)).min(ruler.right());
    let band = Rect::from_x_y_ranges(x_in..=x_out, (ruler.bottom() - 8.0)..=ruler.bottom());
    if band.width() > 0.0 {
        painter.rect_filled(band, 0.0, MARK_FILL);
    }
    let stroke = Stroke::new(2.0, MARK);
    let (top, bottom) = (ruler.top() + 2.0, ruler.bottom());
    for (t, dir) in [(mark_in, 1.0), (mark_out, -1.0)] {
        let Some(t) = t else { continue };
        let x = m.x_from_time(t);
        if x < ruler.left() || x > ruler.right() {
            continue;
        }
        // A bracket: [ at In, ] at Out.
        painter.line_segment([Pos2::new(x, top), Pos2::new(x, bottom)], stroke);
        painter.line_segment([Pos2::new(x, top), Pos2::new(x + 5.0 * dir, top)], stroke);
        painter.line_segment([Pos2::new(x, bottom - 1.0), Pos2::new(x + 5.0 * dir, bottom - 1.0)], stroke);
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

/// The ruler: timecode (or seconds), the same text everything else shows and the time fields
/// accept; ticks on frames when zoomed in far enough to see them.
pub fn ruler(painter: &Painter, v: &egui::Visuals, m: &TimeMapping, clock: Clock, rect: Rect) {
    painter.rect_filled(rect, 0.0, v.window_fill);
    let (strong, weak) = (v.text_color(), v.weak_text_color());
    let t0 = m.time_from_x(rect.left());
    let t1 = m.time_from_x(rect.right());
    let ticks = m.ticks(90.0, clock, t0, t1);
    for (t, is_major) in ticks {
        let x = m.x_from_time(t);
        let h = if is_major { 10.0 } else { 5.0 };
        painter.vline(x, (rect.bottom() - h)..=rect.bottom(), Stroke::new(1.0, if is_major { strong } else { weak }));
        if is_major {
            painter.text(
                Pos2::new(x + 3.0, rect.top() + 2.0),
                Align2::LEFT_TOP,
                clock.time(t),
                FontId::monospace(10.0),
                strong,
            );
        }
    }
}

/// Markers (a flag with its label on the ruler, a line through the tracks) and the playhead.
pub fn playhead_and_markers(
    painter: &Painter,
    v: &egui::Visuals,
    doc: &Document,
    m: &TimeMapping,
    rect: Rect,
    ruler_h: f32,
) {
    let visible = |x: f32| x >= m.left && x <= rect.right();
    let markers = &doc.project().markers;
    // Only the markers in view (they are kept sorted by time).
    let first = markers.partition_point(|k| m.x_from_time(k.time) < m.left - 200.0);
    for (i, marker) in markers.iter().enumerate().skip(first) {
        let x = m.x_from_time(marker.time);
        if x > rect.right() {
            break;
        }
        if !visible(x) {
            continue;
        }
        let top = rect.top() + ruler_h - 9.0;
        // The label runs up to the next marker, on the ruler's lower half.
        let next_x = markers.get(i + 1).map_or(rect.right(), |n| m.x_from_time(n.time));
        if next_x - x > 20.0 && !marker.label.is_empty() {
            let clip =
                Rect::from_min_max(Pos2::new(x + 6.0, rect.top()), Pos2::new(next_x - 2.0, rect.top() + ruler_h));
            painter.with_clip_rect(clip.intersect(painter.clip_rect())).text(
                Pos2::new(x + 7.0, rect.top() + ruler_h - 1.0),
                Align2::LEFT_BOTTOM,
                &marker.label,
                FontId::proportional(10.0),
                MARKER.lerp_to_gamma(v.text_color(), 0.3),
            );
        }
        painter.add(egui::Shape::convex_polygon(
            vec![Pos2::new(x - 5.0, top), Pos2::new(x + 5.0, top), Pos2::new(x, top + 8.0)],
            MARKER,
            Stroke::NONE,
        ));
        painter.vline(
            x,
            (rect.top() + ruler_h)..=rect.bottom(),
            Stroke::new(1.0, Color32::from_rgba_premultiplied(80, 140, 80, 90)),
        );
    }
    let x = m.x_from_time(doc.project().playhead);
    if visible(x) {
        painter.vline(x, rect.y_range(), Stroke::new(1.5, PLAYHEAD));
        painter.add(egui::Shape::convex_polygon(
            vec![Pos2::new(x - 6.0, rect.top()), Pos2::new(x + 6.0, rect.top()), Pos2::new(x, rect.top() + 9.0)],
            PLAYHEAD,
            Stroke::NONE,
        ));
    }
}

/// The letter drawn on a clip for an effect (explained in the clip's tooltip).
pub fn badge(type_name: &str) -> char {
    match type_name {
        "Text" => 'T',
        "DeWatermark" => 'W',
        "Volume" => 'V',
        "Background" => 'B',
        "VFX" => 'X',
        "Transition" => '↔',
        _ => '?',
    }
}

/// Beside the pointer while dragging: what the drop will do and where, and why it would be
/// refused. Drawn above everything (media dragged from the bin is drawn over the timeline)
/// and below the pointer, where the dragged media's picture is not.
pub fn drag_label(ctx: &egui::Context, at: Pos2, time: &str, refused: Option<&str>) {
    let painter = ctx.layer_painter(egui::LayerId::new(egui::Order::Tooltip, egui::Id::unique("timeline-drag-label")));
    let text = match refused {
        Some(why) => format!("{time}  ✖ {why}"),
        None => time.to_owned(),
    };
    let colour = if refused.is_some() { Color32::from_rgb(255, 150, 150) } else { Color32::WHITE };
    let galley = painter.layout_no_wrap(text, FontId::proportional(12.0), colour);
    let mut pos = at + Vec2::new(14.0, 16.0);
    // Kept on screen: a drop near the right edge shows its words to the left of the pointer.
    let screen = ctx.content_rect();
    pos.x = pos.x.min(screen.right() - galley.size().x - 6.0).max(screen.left() + 3.0);
    pos.y = pos.y.min(screen.bottom() - galley.size().y - 6.0);
    let bg = Rect::from_min_size(pos, galley.size()).expand(3.0);
    painter.rect_filled(bg, 3.0, Color32::from_black_alpha(200));
    painter.galley(pos, galley, colour);
}
