//! A transition on the timeline: a band over the part the two clips share (the last
//! `Duration` of the earlier clip, where the next one starts), with a handle at its start.
//! Dragging the handle sets the length, clamped to what the two clips allow
//! (`edit::transition::length_range`); the release is one undo step.

use super::*;
use crate::model::project::transition_length;

/// Height of the band, at the bottom of the earlier clip.
const BAND_H: f32 = 14.0;
const BAND_FILL: egui::Color32 = egui::Color32::from_rgba_premultiplied(40, 40, 80, 200);
const BAND_EDGE: egui::Color32 = egui::Color32::from_rgb(170, 170, 255);

/// The band of the transition on clip `r` whose earlier clip is drawn at `crect` and ends at
/// `end`, at length `d`.
fn band(st: &TimelineState, crect: Rect, end: Time, d: Time) -> Rect {
    let (x0, x1) = (st.mapping.x_from_time(end - d), st.mapping.x_from_time(end));
    Rect::from_x_y_ranges(x0..=x1.max(x0 + 2.0), (crect.bottom() - BAND_H)..=crect.bottom())
}

/// Bands and handles for the transitions of the clips drawn (`clips`: each clip and its rect).
/// Called after the clips' own handles, so a transition's handle is on top where they meet.
pub(super) fn transition_handles(
    ui: &egui::Ui,
    doc: &mut Document,
    st: &mut TimelineState,
    clips: &[(ClipRef, Rect)],
    time_area: Rect,
    painter: &egui::Painter,
) {
    for &(r, crect) in clips {
        let project = doc.project();
        let track = &project.tracks[r.track];
        if track.kind != TrackKind::Video || r.index + 1 >= track.clips.len() {
            continue;
        }
        let Some(d) = transition_length(&track.clips[r.index]) else { continue };
        let Some(p) = st.indexes().get(r.track).and_then(|i| i.placements.get(r.index)).copied() else { continue };
        let b = band(st, crect, p.end, d);
        let shown = b.intersect(time_area);
        if !shown.is_positive() {
            continue;
        }
        painter.rect(shown, 2.0, BAND_FILL, egui::Stroke::new(1.0, BAND_EDGE), egui::StrokeKind::Inside);
        if shown.width() > 14.0 {
            painter.with_clip_rect(shown).text(
                shown.center(),
                egui::Align2::CENTER_CENTER,
                draw::badge("Transition"),
                egui::FontId::proportional(11.0),
                BAND_EDGE,
            );
        }
        let hr = Rect::from_x_y_ranges((b.left() - ROLL_PX)..=(b.left() + ROLL_PX), b.y_range()).intersect(time_area);
        if !hr.is_positive() {
            continue;
        }
        painter.vline(b.left(), b.y_range(), egui::Stroke::new(2.0, BAND_EDGE));
        let id = ui.scope_id().with(("transition-handle", r.track, r.index));
        let resp = ui.interact(hr, id, Sense::drag()).on_hover_cursor(egui::CursorIcon::ResizeColumn);
        let title = |i: usize| clip_title(project, &track.clips[i]);
        let (left, right) = (title(r.index), title(r.index + 1));
        let label = t!("timeline-transition-length-label", left = left.as_str(), right = right.as_str());
        resp.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Splitter, true, &label));
        if resp.drag_started() {
            doc.selection = vec![r];
            doc.gap = None;
            st.drag = Some(Drag::TransitionLength { clip: r });
        }
    }
}

/// While the handle of the transition on `clip` is dragged: the band at the length the
/// pointer asks for (clamped), the length by the pointer; on release, the edit.
#[allow(clippy::too_many_arguments)]
pub(super) fn drag_length(
    ui: &egui::Ui,
    doc: &mut Document,
    st: &mut TimelineState,
    clip: ClipRef,
    p: Pos2,
    released: bool,
    span: Option<(f32, f32)>,
    painter: &egui::Painter,
    time_area: Rect,
) {
    let Some(pl) = st.indexes().get(clip.track).and_then(|i| i.placements.get(clip.index)).copied() else {
        st.drag = None;
        return;
    };
    let range = crate::edit::transition::length_range(doc.project(), clip.track, clip.index);
    let want = pl.end - st.mapping.time_from_x(p.x);
    let d = match range {
        Ok((min, max)) => doc.project().frame_rate.snap(want).clamp(min, max),
        Err(e) => {
            st.message = Some(e.to_string());
            st.drag = None;
            return;
        }
    };
    if let Some((y0, y1)) = span {
        let g = band(st, Rect::from_x_y_ranges(0.0..=0.0, y0..=y1), pl.end, d);
        draw::ghost(painter, g.intersect(time_area), true);
    }
    let length = crate::i18n::Clock::of(doc.project().frame_rate).length(d);
    draw::drag_label(ui.ctx(), p, &t!("timeline-drag-transition-length", length = length), None);
    if released {
        st.drag = None;
        st.snap_line = None;
        let r = doc.set_transition_length(clip, d).map(|_| ());
        refusal(st, r.or_else(|e| if e == Refused::Nothing { Ok(()) } else { Err(e) }));
    }
}
