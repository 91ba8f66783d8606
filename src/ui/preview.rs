//! The output frame at the playhead: the clips, overlays and subtitles active there, drawn as
//! labelled boxes where their X/Y/Width/Height put them (no video decoding).

use super::timeline::TimelineState;
use super::timeline::draw::kind_colour;
use crate::edit::document::Document;
use crate::model::TrackKind;
use crate::model::wire::{Effect, Num};
use egui::{Align2, Color32, FontId, Pos2, Rect, Stroke, StrokeKind, Vec2};

/// A coordinate: ratio of the frame (0..1) or whole pixels of the output.
fn coord(n: Option<&Num>, full: f32, default: f32) -> f32 {
    match n.map(Num::value) {
        Some(v) if (0.0..=1.0).contains(&v) => v as f32 * full,
        Some(v) => v as f32 * full / 1.0_f32.max(full),
        None => default,
    }
}

/// `timeline` supplies the per-track indexes, so finding what plays at the playhead costs a
/// lookup per track, not a walk over every clip.
pub fn preview_ui(ui: &mut egui::Ui, doc: &Document, timeline: &mut TimelineState) {
    timeline.ensure_indexes(doc);
    let p = &doc.project;
    let (w, h) = match (p.produce_config.width, p.produce_config.height) {
        (Some(w), Some(h)) if w > 0 && h > 0 => (w as f32, h as f32),
        _ => (1920.0, 1080.0),
    };
    let avail = ui.available_rect_before_wrap().shrink(12.0);
    let scale = (avail.width() / w).min(avail.height() / h).max(0.01);
    let frame = Rect::from_center_size(avail.center(), Vec2::new(w * scale, h * scale));
    let painter = ui.painter_at(avail.expand(12.0));
    painter.rect_filled(frame, 0.0, Color32::BLACK);
    painter.rect_stroke(frame, 0.0, Stroke::new(1.0, Color32::from_gray(90)), StrokeKind::Outside);
    let px = |v: f32, full: f32| v / full; // pixels of the output -> ratio
    let at = p.playhead;
    // Where box titles went, so a title never lands on another (full-frame layers share a corner).
    let mut titles: Vec<Rect> = Vec::new();
    // Bottom layer first: video tracks in API order, then overlays, then subtitles.
    for kind in [TrackKind::Video, TrackKind::Image, TrackKind::Subtitle] {
        for (ti, t) in p.tracks.iter().enumerate().filter(|(_, t)| t.kind == kind && !t.hidden) {
            let Some(index) = timeline.indexes().get(ti) else { continue };
            for (_, _, ci) in index.in_range(at, at + crate::model::Time(1)) {
                let c = &t.clips[ci];
                let title = super::timeline::clip_title(p, c);
                let x = coord(c.x.as_ref(), 1.0, 0.0);
                let y = coord(c.y.as_ref(), 1.0, 0.0);
                let fix = |n: Option<&Num>, full: f32, d: f32| match n.map(Num::value) {
                    Some(v) if v > 1.0 => px(v as f32, full),
                    _ => coord(n, 1.0, d),
                };
                let (x, y) = (fix(c.x.as_ref(), w, x), fix(c.y.as_ref(), h, y));
                if kind == TrackKind::Subtitle {
                    let size = c.font_size.as_ref().map_or(36.0, |n| n.value() as f32) * scale;
                    let pos = frame.min + Vec2::new(x * frame.width(), y * frame.height());
                    let align = match c.alignment.as_deref().unwrap_or("BottomCenter") {
                        a if a.starts_with("Top") => Align2([align_x(a), egui::Align::Min]),
                        a if a.starts_with("Center") => Align2([align_x(a), egui::Align::Center]),
                        a => Align2([align_x(a), egui::Align::Max]),
                    };
                    let colour =
                        c.font_color.as_deref().and_then(|s| Color32::from_hex(s).ok()).unwrap_or(Color32::WHITE);
                    let text = c.content.clone().unwrap_or_default().replace("\\N", "\n").replace("\\n", "\n");
                    painter.text(pos, align, text, FontId::proportional(size.max(6.0)), colour);
                    continue;
                }
                let cw = fix(c.width.as_ref(), w, 1.0);
                let ch = fix(c.height.as_ref(), h, 1.0);
                let r = Rect::from_min_size(
                    frame.min + Vec2::new(x * frame.width(), y * frame.height()),
                    Vec2::new(cw * frame.width(), ch * frame.height()),
                );
                painter.rect(
                    r,
                    2.0,
                    kind_colour(kind).gamma_multiply(0.35),
                    Stroke::new(1.5, kind_colour(kind)),
                    StrokeKind::Inside,
                );
                box_title(&painter, &mut titles, r.left_top() + Vec2::new(6.0, 4.0), title);
                // Banner text effects active now.
                for e in &c.effects {
                    if let Effect::Known(k) = e
                        && k.r#type == "Text"
                        && k.timeline_in.is_none_or(|t| t <= at)
                        && k.timeline_out.is_none_or(|t| at < t)
                    {
                        let ex = fix(k.x.as_ref(), w, 0.1);
                        let ey = fix(k.y.as_ref(), h, 0.1);
                        let size = k.font_size.as_ref().map_or(20.0, |n| n.value() as f32) * scale;
                        let colour =
                            k.font_color.as_deref().and_then(|s| Color32::from_hex(s).ok()).unwrap_or(Color32::WHITE);
                        let pos = frame.min + Vec2::new(ex * frame.width(), ey * frame.height());
                        painter.text(
                            pos,
                            Align2::LEFT_TOP,
                            k.content.clone().unwrap_or_default(),
                            FontId::proportional(size.max(6.0)),
                            colour,
                        );
                    }
                }
            }
        }
    }
    painter.text(
        frame.left_bottom() + Vec2::new(0.0, 4.0),
        Align2::LEFT_TOP,
        format!("{}x{} at {}", w as u32, h as u32, at.timecode()),
        FontId::monospace(11.0),
        Color32::from_gray(150),
    );
    let _ = Pos2::ZERO;
    ui.advance_cursor_after_rect(avail);
}

fn align_x(a: &str) -> egui::Align {
    if a.ends_with("Left") {
        egui::Align::Min
    } else if a.ends_with("Right") {
        egui::Align::Max
    } else {
        egui::Align::Center
    }
}

/// A box's title at `pos`, moved down below any title already drawn there.
fn box_title(painter: &egui::Painter, used: &mut Vec<Rect>, pos: Pos2, title: String) {
    let galley = painter.layout_no_wrap(title, FontId::proportional(13.0), Color32::WHITE);
    let mut r = Rect::from_min_size(pos, galley.size());
    // At most as many moves as titles so far: this always ends.
    for _ in 0..=used.len() {
        match used.iter().find(|u| u.intersects(r)) {
            Some(u) => r = r.translate(Vec2::new(0.0, u.bottom() - r.top() + 2.0)),
            None => break,
        }
    }
    painter.galley(r.min, galley, Color32::WHITE);
    used.push(r);
}
