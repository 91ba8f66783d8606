//! The sound beside the preview: meters (peak and RMS in dBFS per channel, a held peak, a clip
//! light) while playing, and the one-line note when playback is silent.

use crate::sound::mix::db_from_gain;
use crate::sound::session::Meter;
use egui::{Align2, Color32, FontId, Pos2, Rect, Sense, Stroke, Vec2};

/// Width of the meters' strip.
pub const METERS_W: f32 = 44.0;
/// The lowest level the meters show (dBFS).
const FLOOR_DB: f64 = -60.0;

fn frac(level: f32) -> f32 {
    ((db_from_gain(f64::from(level)) - FLOOR_DB) / -FLOOR_DB).clamp(0.0, 1.0) as f32
}

fn colour(db: f64) -> Color32 {
    if db > -6.0 {
        Color32::from_rgb(230, 70, 60)
    } else if db > -18.0 {
        Color32::from_rgb(230, 200, 60)
    } else {
        Color32::from_rgb(70, 200, 100)
    }
}

/// Two bars (left, right) in `rect`: RMS filled, peak as a lighter bar, the held peak as a
/// line, scale marks every 12 dB, a clip light on top. `meter` None: not playing (empty).
pub fn meters_ui(ui: &mut egui::Ui, rect: Rect, meter: Option<Meter>) {
    let painter = ui.painter_at(rect);
    let light = Rect::from_min_size(rect.min + Vec2::new(4.0, 2.0), Vec2::new(rect.width() - 8.0, 8.0));
    let bars = Rect::from_min_max(Pos2::new(rect.left() + 4.0, light.bottom() + 4.0), rect.max - Vec2::new(16.0, 16.0));
    let m = meter.unwrap_or_default();
    let clipped = meter.is_some_and(|m| m.clipped);
    painter.rect_filled(light, 2.0, if clipped { Color32::from_rgb(240, 40, 40) } else { Color32::from_gray(50) });
    let w = (bars.width() - 2.0) / 2.0;
    for c in 0..2 {
        let bar =
            Rect::from_min_size(Pos2::new(bars.left() + c as f32 * (w + 2.0), bars.top()), Vec2::new(w, bars.height()));
        painter.rect_filled(bar, 1.0, Color32::from_gray(28));
        let y = |f: f32| bar.bottom() - f * bar.height();
        let peak = frac(m.now.peak[c]);
        let rms = frac(m.now.rms[c]);
        let pc = colour(db_from_gain(f64::from(m.now.peak[c])));
        painter.rect_filled(Rect::from_min_max(Pos2::new(bar.left(), y(peak)), bar.max), 0.0, pc.gamma_multiply(0.45));
        painter.rect_filled(Rect::from_min_max(Pos2::new(bar.left(), y(rms)), bar.max), 0.0, pc);
        if m.hold[c] > 0.0 {
            let hy = y(frac(m.hold[c]));
            painter.hline(bar.x_range(), hy, Stroke::new(1.5, Color32::WHITE));
        }
    }
    for db in [0i32, -12, -24, -36, -48] {
        let y = bars.bottom() - ((f64::from(db) - FLOOR_DB) / -FLOOR_DB) as f32 * bars.height();
        painter.text(
            Pos2::new(bars.right() + 2.0, y),
            Align2::LEFT_CENTER,
            db.abs().to_string(),
            FontId::monospace(8.0),
            Color32::from_gray(140),
        );
    }
    let label = match meter {
        Some(m) => crate::t!(
            "sound-meters-label",
            left_peak = format!("{:.1}", m.now.peak_db(0).max(-99.0)),
            right_peak = format!("{:.1}", m.now.peak_db(1).max(-99.0)),
            left_rms = format!("{:.1}", m.now.rms_db(0).max(-99.0)),
            right_rms = format!("{:.1}", m.now.rms_db(1).max(-99.0))
        ),
        None => crate::t!("sound-meters-idle"),
    };
    let r = ui.interact(rect, ui.scope_id().with("sound-meters"), Sense::hover());
    r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, &label));
    r.on_hover_text(label);
}

/// The silent-playback note, one line at the bottom of `rect`.
pub fn note_ui(ui: &mut egui::Ui, rect: Rect, note: &str) {
    let at = Pos2::new(rect.left() + 12.0, rect.bottom() - 4.0);
    let text = egui::RichText::new(note).small().color(ui.visuals().warn_fg_color);
    let r = Rect::from_min_max(Pos2::new(at.x, at.y - 16.0), Pos2::new(rect.right(), at.y));
    ui.scope_builder(egui::UiBuilder::new().max_rect(r), |ui| {
        ui.add(egui::Label::new(text).truncate());
    });
}
