//! A clip's waveform: its peaks on a dB scale (quiet speech and music show, not only loud
//! peaks), times the clip's gain at each moment, so Volume effects, fades and ducking are seen
//! as the ramps and steps they are. Drawn column by column over the visible part only.

use crate::media::{PEAKS_PER_SECOND, peak_level};
use crate::model::Time;
use crate::sound::mix::{Gain, db_from_gain, gain_at};
use egui::{Color32, Painter, Pos2, Rect, Stroke};

/// The quietest level drawn (dBFS): lower is the centre line.
const FLOOR_DB: f64 = -60.0;

/// Waveform colours on an audio clip and over a video clip's pictures.
pub const ON_AUDIO: Color32 = Color32::from_rgba_premultiplied(196, 250, 206, 230);
pub const ON_VIDEO: Color32 = Color32::from_rgba_premultiplied(150, 230, 255, 220);
const ENVELOPE: Color32 = Color32::from_rgb(255, 214, 80);

/// Height (0..=1) of a linear level on the dB scale.
pub fn height_of(level: f64) -> f32 {
    ((db_from_gain(level) - FLOOR_DB) / -FLOOR_DB).clamp(0.0, 1.0) as f32
}

/// Where and what to draw.
pub struct Wave<'a> {
    pub peaks: &'a [u8],
    /// The whole clip (its left edge is the clip's start).
    pub clip: Rect,
    /// The band the waveform fills (mirrored around its middle).
    pub band: Rect,
    /// The part on screen.
    pub visible: Rect,
    pub px_per_sec: f32,
    pub source_in: Time,
    /// The clip's Volume effects, in times from its start.
    pub gains: &'a [Gain],
    pub colour: Color32,
}

/// Draws the waveform, and the gain envelope where the clip has Volume effects.
pub fn paint(painter: &Painter, w: &Wave) {
    let painter = painter.with_clip_rect(w.visible.intersect(w.band).intersect(painter.clip_rect()));
    let (mid, half) = (w.band.center().y, w.band.height() / 2.0);
    let x0 = w.visible.left().floor() as i32;
    let x1 = w.visible.right().ceil() as i32;
    let pps = f64::from(w.px_per_sec);
    let per_px = (f64::from(PEAKS_PER_SECOND) / pps).ceil().max(1.0) as usize;
    let mut shapes = Vec::with_capacity((x1 - x0).max(0) as usize + 1);
    let mut envelope = Vec::new();
    for x in x0..x1 {
        let offset = f64::from(x as f32 - w.clip.left()) / pps;
        let gain = gain_at(w.gains, Time::from_secs_f64(offset.max(0.0)).unwrap_or(Time::ZERO));
        let secs = w.source_in.as_secs_f64() + offset;
        let a = (secs * f64::from(PEAKS_PER_SECOND)).max(0.0) as usize;
        let b = (a + per_px).min(w.peaks.len());
        let peak = w.peaks.get(a..b).and_then(|s| s.iter().max().copied()).unwrap_or(0);
        let h = height_of(peak_level(peak) * gain) * half;
        if h >= 0.5 {
            shapes.push(egui::Shape::line_segment(
                [Pos2::new(x as f32 + 0.5, mid - h), Pos2::new(x as f32 + 0.5, mid + h)],
                Stroke::new(1.0, w.colour),
            ));
        }
        if !w.gains.is_empty() {
            envelope.push(Pos2::new(x as f32 + 0.5, w.band.bottom() - height_of(gain) * w.band.height()));
        }
    }
    if envelope.len() > 1 {
        shapes.push(egui::Shape::line(envelope, Stroke::new(1.5, ENVELOPE)));
    }
    painter.extend(shapes);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quiet_sound_still_shows() {
        // A tone at -44 dBFS is a quarter of the height, not nothing.
        assert!(height_of(0.00625) > 0.25);
        assert_eq!(crate::media::peak_byte(1.0), 255);
        assert!((peak_level(crate::media::peak_byte(0.00625)) / 0.00625 - 1.0).abs() < 0.05);
        assert_eq!((crate::media::peak_byte(0.0), peak_level(0)), (0, 0.0));
        assert_eq!(height_of(1.0), 1.0);
        assert_eq!(height_of(0.0), 0.0);
        assert!(height_of(0.5) > height_of(0.25));
    }
}
