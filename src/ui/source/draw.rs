//! Drawing the source viewer: the picture (or an audio medium's waveform), the scrub bar with
//! the marked range, the timecodes, and the buttons that mark and place.

use super::{SourceViewer, display_title};
use crate::edit::source::last_frame;
use crate::media::PEAKS_PER_SECOND;
use crate::model::project::{BinEntry, MediaKind};
use crate::model::{FrameRate, Time};
use crate::t;
use crate::ui::commands::Command;
use crate::ui::timeline::MediaDrop;
use egui::{Align2, Color32, FontId, Pos2, Rect, Sense, Stroke, StrokeKind, Vec2};

/// Height of what sits under the picture: scrub bar, timecodes, buttons.
const BELOW: f32 = 76.0;
/// The marked range on the scrub bar.
const RANGE_FILL: Color32 = Color32::from_rgba_premultiplied(40, 90, 150, 160);
const PLAYHEAD: Color32 = Color32::from_rgb(230, 70, 60);

/// The viewer in the space left in `ui`. Returns the command a button asked for that the
/// editor carries out (Insert and Overwrite act on the timeline).
pub fn source_ui(ui: &mut egui::Ui, v: &mut SourceViewer, fr: FrameRate) -> Option<Command> {
    let avail = ui.available_rect_before_wrap().shrink(12.0);
    v.rect = Some(avail.expand(12.0));
    ui.advance_cursor_after_rect(avail);
    let (Some(entry), Some(marks)) = (v.open.clone(), v.marks()) else {
        let r = ui.put(avail, egui::Label::new(egui::RichText::new(t!("source-empty")).weak()).wrap());
        if r.clicked() {
            v.focused = true;
        }
        return None;
    };
    let ctx = ui.ctx().clone();
    let (w, h) = v.size(&entry);
    let room = Rect::from_min_max(avail.min, Pos2::new(avail.max.x, (avail.max.y - BELOW).max(avail.min.y + 10.0)));
    let scale = (room.width() / w as f32).min(room.height() / h as f32).max(0.001);
    let frame = Rect::from_center_size(room.center(), Vec2::new(w as f32 * scale, h as f32 * scale));
    let painter = ui.painter_at(avail.expand(12.0));
    painter.rect_filled(frame, 0.0, Color32::BLACK);
    let length = v.length();
    if entry.kind == MediaKind::Audio {
        waveform(&painter, v.peaks(&ctx, &entry.media_id).as_deref(), frame, length, marks.playhead);
    } else {
        let px_w = ((frame.width() * ctx.pixels_per_point()).round() as u32).clamp(16, w.max(16));
        v.update_picture(&ctx, &entry, (w, h), px_w);
        if let Some(t) = &v.texture {
            let uv = Rect::from_min_max(Pos2::ZERO, Pos2::new(1.0, 1.0));
            painter.image(t.id(), frame, uv, Color32::WHITE);
        }
    }
    painter.rect_stroke(frame, 0.0, Stroke::new(1.0, Color32::from_gray(90)), StrokeKind::Outside);
    let title = display_title(&entry);
    picture_ui(ui, v, fr, &entry, frame);
    let bar = Rect::from_min_size(Pos2::new(frame.left(), frame.bottom() + 6.0), Vec2::new(frame.width(), 14.0));
    scrub_bar(ui, v, fr, bar, length);
    let marks = v.marks()?;
    let y = caption_ui(ui, &painter, caption(fr, &title, marks, length), frame, bar.bottom() + 4.0);
    problems_ui(ui, &painter, v, frame);
    let buttons = Rect::from_min_size(Pos2::new(frame.left(), y), Vec2::new(frame.width().max(360.0), 22.0));
    let asked = buttons_ui(ui, v, fr, buttons);
    if v.focused {
        // The panel with the keyboard is outlined, as Premiere outlines it.
        let ring = ui.visuals().selection.stroke.color;
        painter.rect_stroke(avail.expand(6.0), 4.0, Stroke::new(2.0, ring), StrokeKind::Inside);
    }
    asked
}

/// The picture: a click gives the viewer the keyboard; a drag places the marked range on a
/// track, as a drag from the bin places the whole medium.
fn picture_ui(ui: &mut egui::Ui, v: &mut SourceViewer, fr: FrameRate, entry: &BinEntry, frame: Rect) {
    let ctx = ui.ctx().clone();
    let Some(marks) = v.marks() else { return };
    let pic = ui.interact(frame, ui.scope_id().with("source-picture"), Sense::click_and_drag());
    let label = t!(
        "source-picture-label",
        title = display_title(entry),
        time = crate::i18n::Clock::of(fr).time(marks.playhead)
    );
    pic.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, &label));
    if pic.clicked() || pic.drag_started() {
        v.focused = true;
    }
    if pic.dragged() {
        let (source_in, length) = v.marked_range(fr);
        let payload = MediaDrop { entry: entry.clone(), status: String::new(), source_in, length };
        egui::DragAndDrop::set_payload(&ctx, payload);
        ctx.set_cursor_icon(egui::CursorIcon::Grabbing);
    }
    let pic = pic.on_hover_text(t!("source-picture-tip"));
    if pic.hovered() && !pic.dragged() {
        ctx.set_cursor_icon(egui::CursorIcon::Grab);
    }
}

/// The time on the left, the marks on the right (under it when there is no room), from `y`.
/// Labels, so a screen reader reads them too. Returns where the next line goes.
fn caption_ui(
    ui: &mut egui::Ui,
    painter: &egui::Painter,
    (time, marked): (String, String),
    frame: Rect,
    mut y: f32,
) -> f32 {
    let grey = Color32::from_gray(170);
    let font = FontId::monospace(11.0);
    let left = painter.layout_no_wrap(time.clone(), font.clone(), grey).size();
    let right = painter.layout_no_wrap(marked.clone(), font.clone(), grey).size();
    let label = |text: String| {
        egui::Label::new(egui::RichText::new(text).font(font.clone()).color(grey)).selectable(false).extend()
    };
    ui.put(Rect::from_min_size(Pos2::new(frame.left(), y), left), label(time));
    let at = if left.x + right.x + 16.0 <= frame.width() {
        Pos2::new(frame.right() - right.x, y)
    } else {
        y += left.y + 2.0;
        Pos2::new(frame.left(), y)
    };
    ui.put(Rect::from_min_size(at, right), label(marked));
    y + right.y + 5.0
}

/// Why there is no picture, over its top: two lines at most (a credentials error lists every
/// place it looked), the rest on hover.
fn problems_ui(ui: &mut egui::Ui, painter: &egui::Painter, v: &SourceViewer, frame: Rect) {
    let Some(r) = v.shown.as_ref().filter(|r| !r.problems.is_empty()) else { return };
    let text = t!("timeline-preview-no-picture", what = r.problems.join("; "));
    let warn = ui.visuals().warn_fg_color;
    let mut job = egui::text::LayoutJob::simple(text.clone(), FontId::proportional(11.0), warn, frame.width() - 8.0);
    job.wrap.max_rows = 2;
    job.wrap.overflow_character = Some('…');
    let g = painter.layout_job(job);
    let at = Pos2::new(frame.left() + 4.0, frame.top() + 4.0);
    let rect = Rect::from_min_size(at, g.size());
    painter.rect_filled(rect.expand(2.0), 2.0, Color32::from_black_alpha(180));
    painter.galley(at, g, warn);
    ui.interact(rect, ui.scope_id().with("source-problems"), Sense::hover()).on_hover_text(text);
}

/// "Title  00:00:02:00 / 00:00:20:00" and "In … · Out … · Duration …".
fn caption(fr: FrameRate, title: &str, m: crate::edit::source::SourceMarks, length: Option<Time>) -> (String, String) {
    let dash = || "–".to_owned();
    let clock = crate::i18n::Clock::of(fr);
    let total = length.map_or_else(dash, |l| clock.length(l));
    let duration = m.marked_length(fr).or_else(|| Some(length? - m.mark_in.unwrap_or(Time::ZERO)));
    let time = t!("source-caption-time", title = title, time = clock.time(m.playhead), length = total);
    let marks = t!(
        "source-caption-marks",
        mark_in = m.mark_in.map_or_else(dash, |t| clock.time(t)),
        mark_out = m.mark_out.map_or_else(dash, |t| clock.time(t)),
        duration = duration.map_or_else(dash, |d| clock.length(d))
    );
    (time, marks)
}

/// The source's whole length, the marked range and the playhead; click or drag to move it.
fn scrub_bar(ui: &mut egui::Ui, v: &mut SourceViewer, fr: FrameRate, bar: Rect, length: Option<Time>) {
    let Some(m) = v.marks() else { return };
    let span = length.filter(|l| *l > Time::ZERO).unwrap_or(Time::from_secs(60)).max(m.playhead);
    let x_of = |t: Time| bar.left() + (t.as_secs_f64() / span.as_secs_f64()) as f32 * bar.width();
    let resp = ui.interact(bar, ui.scope_id().with("source-scrub"), Sense::click_and_drag());
    resp.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Slider, true, t!("source-scrub-label")));
    if (resp.clicked() || resp.dragged())
        && let Some(p) = resp.interact_pointer_pos()
    {
        v.focused = true;
        v.stop();
        let f = ((p.x - bar.left()) / bar.width()).clamp(0.0, 1.0) as f64;
        v.set_playhead(fr, Time::from_secs_f64(f * span.as_secs_f64()).unwrap_or(Time::ZERO));
    }
    let Some(m) = v.marks() else { return };
    let painter = ui.painter_at(bar.expand(4.0));
    painter.rect_filled(bar, 2.0, ui.visuals().extreme_bg_color);
    if m.mark_in.is_some() || m.mark_out.is_some() {
        let a = m.mark_in.unwrap_or(Time::ZERO);
        let b = m.end(fr).unwrap_or(span);
        let r = Rect::from_x_y_ranges(x_of(a)..=x_of(b).max(x_of(a) + 1.0), bar.y_range());
        painter.rect_filled(r, 0.0, RANGE_FILL);
    }
    // In and Out as brackets at their frames' edges, as Premiere draws them.
    let bracket = Stroke::new(2.0, Color32::from_gray(230));
    if let Some(a) = m.mark_in {
        let x = x_of(a);
        painter.line_segment([Pos2::new(x, bar.top()), Pos2::new(x, bar.bottom())], bracket);
        painter.line_segment([Pos2::new(x, bar.top()), Pos2::new(x + 4.0, bar.top())], bracket);
        painter.line_segment([Pos2::new(x, bar.bottom()), Pos2::new(x + 4.0, bar.bottom())], bracket);
    }
    if let Some(b) = m.end(fr) {
        let x = x_of(b);
        painter.line_segment([Pos2::new(x, bar.top()), Pos2::new(x, bar.bottom())], bracket);
        painter.line_segment([Pos2::new(x - 4.0, bar.top()), Pos2::new(x, bar.top())], bracket);
        painter.line_segment([Pos2::new(x - 4.0, bar.bottom()), Pos2::new(x, bar.bottom())], bracket);
    }
    let x = x_of(m.playhead);
    painter.line_segment([Pos2::new(x, bar.top() - 3.0), Pos2::new(x, bar.bottom() + 3.0)], Stroke::new(2.0, PLAYHEAD));
    if let Some(end) = length.map(|l| last_frame(fr, l)).filter(|e| m.playhead >= *e) {
        // At the last frame: say so, as the timecode alone does not.
        painter.text(
            Pos2::new(x_of(end) - 2.0, bar.center().y),
            Align2::RIGHT_CENTER,
            "▮",
            FontId::monospace(9.0),
            Color32::from_gray(200),
        );
    }
}

/// Mark In, Mark Out, Clear, Insert, Overwrite; their tooltips and keys come from the command
/// registry.
fn buttons_ui(ui: &mut egui::Ui, v: &mut SourceViewer, fr: FrameRate, rect: Rect) -> Option<Command> {
    let mut asked = None;
    ui.scope_builder(egui::UiBuilder::new().max_rect(rect), |ui| {
        ui.horizontal(|ui| {
            for c in [
                Command::MarkIn,
                Command::MarkOut,
                Command::ClearMarks,
                Command::InsertSource,
                Command::OverwriteSource,
            ] {
                // The registry's tooltips speak of the timeline's marks; these are the source's.
                let what = match c {
                    Command::MarkIn => t!("source-tip-mark-in"),
                    Command::MarkOut => t!("source-tip-mark-out"),
                    Command::ClearMarks => t!("source-tip-clear-in-out"),
                    _ => c.tooltip(),
                };
                let tip = format!("{what} ({})", c.shortcut_text(ui.ctx()));
                if ui.small_button(c.text()).on_hover_text(tip).clicked() {
                    match c {
                        Command::InsertSource | Command::OverwriteSource => asked = Some(c),
                        _ => {
                            v.focused = true;
                            v.run(c, fr, ui.input(|i| i.time));
                        }
                    }
                }
            }
        });
    });
    asked
}

/// An audio medium's waveform across the picture's place, with the playhead.
fn waveform(painter: &egui::Painter, peaks: Option<&Vec<u8>>, r: Rect, length: Option<Time>, playhead: Time) {
    let secs = length.map_or(0.0, |l| l.as_secs_f64());
    let Some(peaks) = peaks.filter(|_| secs > 0.0) else {
        painter.text(r.center(), Align2::CENTER_CENTER, "♪", FontId::proportional(32.0), Color32::from_gray(120));
        return;
    };
    let mid = r.center().y;
    let half = r.height() / 2.0 - 4.0;
    let colour = Color32::from_rgb(120, 220, 150);
    let per_px = secs * f64::from(PEAKS_PER_SECOND) / f64::from(r.width().max(1.0));
    let mut shapes = Vec::with_capacity(r.width() as usize);
    for i in 0..r.width().floor() as usize {
        let a = (i as f64 * per_px) as usize;
        let b = ((i + 1) as f64 * per_px).ceil().max(a as f64 + 1.0) as usize;
        let peak = peaks.get(a..b.min(peaks.len())).and_then(|s| s.iter().max().copied()).unwrap_or(0);
        let h = f32::from(peak) / 255.0 * half;
        let x = r.left() + i as f32 + 0.5;
        shapes.push(egui::Shape::line_segment(
            [Pos2::new(x, mid - h), Pos2::new(x, mid + h.max(0.5))],
            Stroke::new(1.0, colour),
        ));
    }
    painter.extend(shapes);
    let x = r.left() + (playhead.as_secs_f64() / secs) as f32 * r.width();
    painter.vline(x, r.y_range(), Stroke::new(2.0, PLAYHEAD));
}
