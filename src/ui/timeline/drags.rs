//! Drags that end in an edit: media dropped from the bin or the library, moving and trimming
//! clips, scrubbing the playhead, the rubber band. Ghosts show where a drop lands (red when it
//! would be refused) and a label by the pointer says the time, or why, before release.

use super::*;
use crate::i18n::describe;

/// Why media of `media` kind cannot go on a track of `track` kind.
fn wrong_track(media: MediaKind, track: TrackKind) -> String {
    t!("timeline-media-wrong-track", media = describe::media_kind(media), track = describe::track_kind(track))
}

/// The keys held now and, if the mouse button went up this frame, when it did. A slow frame
/// can also hold a key's release just after the button's: the frame's modifiers would then
/// say the key was never held, and Ctrl-drop would overwrite instead of inserting.
fn held(ui: &egui::Ui) -> egui::Modifiers {
    ui.input(|i| {
        let release = i.events.iter().find_map(|e| match e {
            egui::Event::PointerButton { pressed: false, modifiers, .. } => Some(*modifiers),
            _ => None,
        });
        release.map_or(i.modifiers, |m| m | i.modifiers)
    })
}

#[allow(clippy::too_many_arguments)]
pub(super) fn bin_drop(
    ui: &egui::Ui,
    doc: &mut Document,
    st: &mut TimelineState,
    area: &egui::Response,
    rows: &[usize],
    pointer: Option<Pos2>,
    row_at: &dyn Fn(f32) -> Option<usize>,
    span: &dyn Fn(usize, usize) -> (f32, f32),
) {
    let Some(payload) = area.dnd_hover_payload::<MediaDrop>() else { return };
    let Some(p) = pointer else { return };
    let Some(row) = row_at(p.y) else { return };
    let entry = payload.entry.clone();
    let track = rows[row];
    let kind = doc.project().tracks[track].kind;
    let fr = doc.project().frame_rate;
    let length = match entry.kind {
        // A still has no length of its own (VOD says 0): it lasts the still duration of the
        // settings, as Premiere's still image default duration.
        MediaKind::Image => fr.snap(st.still_length).max(fr.frame_start(1)),
        // Whole frames only: a media length between frames drops its partial last frame.
        _ => fr.floor(payload.length.unwrap_or(crate::model::project::PROVISIONAL_LENGTH)),
    };
    let at = st.mapping.time_from_x(p.x).max(Time::ZERO);
    let modifiers = ui.input(|i| i.modifiers);
    let mut at = fr.snap(st.snapped(doc.project(), at, &[], modifiers).max(Time::ZERO));
    // The first clip of an empty track almost always goes at the start: the start pulls it
    // from three times the usual snapping distance.
    if st.snapping && !modifiers.alt && doc.project().tracks[track].clips.is_empty() {
        let near = st.mapping.span_of_px(3.0 * SNAP_PX);
        if at > Time::ZERO && at <= near {
            at = Time::ZERO;
            st.snap_line = Some(Time::ZERO);
        }
    }
    let known = match entry.kind {
        MediaKind::Image => Some(length),
        _ => payload.length.map(|_| length),
    };
    let clip = crate::edit::source::media_clip(&entry, kind, at, payload.source_in, known);
    let fits = entry.kind.fits(kind);
    let mode = DragMode::of(st, held(ui), false);
    // The same operation as a move in this mode: Safe refuses to cover, the others place.
    let drop = |project: &Project| match mode.place_mode() {
        Some(m) => ops::place(project, track, at, vec![clip.clone()], m),
        None => ops::insert(project, track, vec![clip.clone()]),
    };
    let why =
        if !fits { Some(wrong_track(entry.kind, kind)) } else { drop(doc.project()).err().map(|e| e.to_string()) };
    let ok = why.is_none();
    let (y0, y1) = span(row, 0);
    let ghost = Rect::from_min_max(
        Pos2::new(st.mapping.x_from_time(at), y0),
        Pos2::new(st.mapping.x_from_time(at + length), y1),
    );
    draw::ghost(&ui.painter_at(area.rect), ghost, ok);
    draw::drag_label(
        ui.ctx(),
        p,
        &mode.describe(&crate::i18n::Clock::of(doc.project().frame_rate).time(at)),
        why.as_deref(),
    );
    if area.dnd_release_payload::<MediaDrop>().is_some() {
        if !fits {
            st.message = Some(wrong_track(entry.kind, kind));
            return;
        }
        let change = match drop(doc.project()) {
            Ok(c) => c,
            Err(e) => {
                st.message = Some(e.to_string());
                return;
            }
        };
        // Media from the library joins the bin, so the project keeps its title and length.
        let mut edits = Vec::new();
        if !doc.project().bin.iter().any(|e| e.media_id == entry.media_id) {
            let mut bin = doc.project().bin.clone();
            bin.push(entry.clone());
            edits.push(crate::edit::Edit::SetBin(bin));
        }
        edits.push(change.edit);
        let label = match mode.place_mode() {
            Some(m) => crate::edit::document::place_label(m),
            None => t!("timeline-edit-add-clip"),
        };
        if doc.apply(&label, crate::edit::Edit::Batch(edits)) {
            doc.selection = change.selection;
            doc.gap = None;
        }
        st.message = (!payload.status.is_empty() && payload.status != "Normal").then(|| {
            let status = crate::api::calls::media_status_words(&payload.status);
            t!("timeline-added-not-normal", title = entry.title.as_str(), status = status)
        });
    }
}

/// An effect from the Effects panel over the timeline: a transition onto the cut near the
/// pointer, a filter or VFX onto the video clip under it; the label says where, or why not,
/// before release; the drop is one undo step.
pub(super) fn effect_drop(
    ui: &egui::Ui,
    doc: &mut Document,
    st: &mut TimelineState,
    area: &egui::Response,
    rows: &[usize],
    pointer: Option<Pos2>,
    row_at: &dyn Fn(f32) -> Option<usize>,
) {
    let Some(payload) = area.dnd_hover_payload::<crate::ui::effects::EffectDrop>() else { return };
    let Some(p) = pointer else { return };
    let Some(row) = row_at(p.y) else { return };
    let at = st.mapping.time_from_x(p.x).max(Time::ZERO);
    // A cut is a thin target: within 12 px of the pointer.
    let reach = st.mapping.span_of_px(12.0);
    let (family, id) = (payload.family, payload.id);
    let result = crate::edit::transition::apply_catalogue_effect(doc.project(), rows[row], at, reach, family, id);
    let why = result.as_ref().err().map(|e| e.to_string());
    draw::drag_label(ui.ctx(), p, &t!("effects-drop-label", name = payload.name()), why.as_deref());
    if area.dnd_release_payload::<crate::ui::effects::EffectDrop>().is_some() {
        match result {
            Ok((edit, carrier)) => {
                if doc.apply(&t!("effects-edit-apply", name = payload.name()), edit) {
                    doc.selection = vec![carrier];
                    doc.gap = None;
                }
            }
            Err(e) => st.message = Some(e.to_string()),
        }
    }
}

#[allow(clippy::too_many_arguments)]
pub(super) fn finish_drags(
    ui: &egui::Ui,
    doc: &mut Document,
    st: &mut TimelineState,
    rows: &[usize],
    pointer: Option<Pos2>,
    modifiers: egui::Modifiers,
    row_at: &dyn Fn(f32) -> Option<usize>,
    span: &dyn Fn(usize, usize) -> (f32, f32),
    painter: &egui::Painter,
    time_area: Rect,
) {
    let Some(drag) = st.drag.clone() else { return };
    let released = ui.input(|i| i.pointer.any_released() || !i.pointer.any_down());
    let modifiers = if released { held(ui) } else { modifiers };
    let Some(p) = pointer else {
        if released {
            st.drag = None;
        }
        return;
    };
    let row_of = |track: usize| rows.iter().position(|t| *t == track);
    match drag {
        Drag::Move { grab, grab_row, clips } => {
            let indexes = st.indexes();
            let spans: Vec<(Time, Time)> = clips
                .iter()
                .filter_map(|r| indexes.get(r.track)?.placements.get(r.index))
                .map(|p| (p.start, p.end))
                .collect();
            let raw = st.mapping.time_from_x(p.x) - grab;
            let earliest = spans.iter().map(|s| s.0).min().unwrap_or(Time::ZERO);
            let mut delta = raw.max(-earliest);
            if st.snapping && !toolbar::snap_off(modifiers) {
                // Snap whichever moved edge is nearest a candidate.
                let own: Vec<Time> = spans.iter().flat_map(|(s, e)| [*s, *e]).collect();
                let radius = st.mapping.span_of_px(SNAP_PX);
                let best = spans
                    .iter()
                    .flat_map(|(s, e)| [*s, *e])
                    .filter_map(|edge| {
                        snap(st.indexes(), doc.project(), edge + delta, radius, &own).map(|to| to - edge)
                    })
                    .min_by_key(|d| (*d - delta).0.abs());
                st.snap_line = best.and_then(|d| {
                    let moved: Vec<Time> = own.iter().map(|e| *e + d).collect();
                    moved.into_iter().find(|m| snap(st.indexes(), doc.project(), *m, radius, &own) == Some(*m))
                });
                if let Some(d) = best {
                    delta = d.max(-earliest);
                }
            } else {
                st.snap_line = None;
            }
            // The earliest clip lands on a frame boundary.
            delta = doc.project().frame_rate.snap((earliest + delta).max(Time::ZERO)) - earliest;
            let offset = row_at(p.y).map_or(0, |r| r as i64 - grab_row as i64);
            let target = |track: usize| -> Option<usize> {
                let r = row_of(track)? as i64 + offset;
                (r >= 0).then(|| rows.get(r as usize).copied()).flatten()
            };
            let mode = DragMode::of(st, modifiers, true);
            let result = match mode {
                DragMode::Safe => ops::move_clips(doc.project(), &clips, delta, &target),
                DragMode::Rearrange => doc.plan_rearrange(&clips, delta, &target),
                DragMode::Overwrite | DragMode::Insert { .. } => {
                    let m = mode.place_mode().unwrap_or(ops::PlaceMode::Overwrite);
                    ops::move_clips_in(doc.project(), &clips, delta, &target, m)
                }
            };
            let ok = result.is_ok();
            let why = match &result {
                Err(Refused::Nothing) | Ok(_) => None,
                Err(e) => Some(e.to_string()),
            };
            let when = mode.describe(&crate::i18n::Clock::of(doc.project().frame_rate).time(earliest + delta));
            draw::drag_label(ui.ctx(), p, &when, why.as_deref());
            for (r, (s, e)) in clips.iter().zip(&spans) {
                let Some(row) = target(r.track).and_then(row_of) else { continue };
                let (y0, y1) = span(row, if row_of(r.track) == Some(row) { st.lane_of(*r) } else { 0 });
                let g = Rect::from_min_max(
                    Pos2::new(st.mapping.x_from_time(*s + delta), y0),
                    Pos2::new(st.mapping.x_from_time(*e + delta), y1),
                );
                draw::ghost(painter, g.intersect(time_area), ok);
            }
            if released {
                st.drag = None;
                st.snap_line = None;
                let label = match mode {
                    DragMode::Safe => t!("timeline-edit-move"),
                    DragMode::Rearrange => t!("timeline-edit-rearrange"),
                    DragMode::Overwrite | DragMode::Insert { .. } => {
                        crate::edit::document::place_label(mode.place_mode().unwrap_or(ops::PlaceMode::Overwrite))
                    }
                };
                match result {
                    Ok(change) => {
                        let r = doc.apply_change(&label, Ok(change));
                        refusal(st, r);
                    }
                    Err(Refused::Nothing) => {}
                    Err(e) => st.message = Some(t!("timeline-move-refused", reason = e.to_string())),
                }
            }
        }
        Drag::Trim { clip, edge } => {
            let Some(pl) = st.indexes().get(clip.track).and_then(|i| i.placements.get(clip.index)).copied() else {
                st.drag = None;
                return;
            };
            let own = if edge == Edge::Start { pl.start } else { pl.end };
            let t = st.mapping.time_from_x(p.x).max(Time::ZERO);
            let t = doc.project().frame_rate.snap(st.snapped(doc.project(), t, &[own], modifiers));
            // The Ripple tool, or Ctrl held, ripples: the later clips follow the edge.
            let ripple = st.tool == Tool::Ripple || modifiers.command;
            if let Some(row) = row_of(clip.track) {
                let (y0, y1) = span(row, st.lane_of(clip));
                let (s, e) = match (edge, ripple) {
                    (Edge::Start, false) => (t.min(pl.end), pl.end),
                    // A rippled start keeps the clip where it starts: it loses (or gains) length.
                    (Edge::Start, true) => (pl.start, (pl.end - (t - pl.start)).max(pl.start)),
                    (Edge::End, _) => (pl.start, t.max(pl.start)),
                };
                let g = Rect::from_min_max(
                    Pos2::new(st.mapping.x_from_time(s), y0),
                    Pos2::new(st.mapping.x_from_time(e), y1),
                );
                draw::ghost(painter, g.intersect(time_area), true);
                let time = crate::i18n::Clock::of(doc.project().frame_rate).time(t);
                let text = if ripple { t!("timeline-drag-ripple", time = time) } else { time };
                draw::drag_label(ui.ctx(), p, &text, None);
            }
            // The preview shows the frame at the edge being dragged.
            st.trim_at = (!released).then_some((clip, edge, t));
            st.rolling = false;
            if released {
                st.drag = None;
                st.snap_line = None;
                let r = if ripple { doc.ripple_trim(clip, edge, t) } else { doc.trim(clip, edge, t) };
                refusal(st, r.or_else(|e| if e == Refused::Nothing { Ok(()) } else { Err(e) }));
            }
        }
        Drag::Roll { left, right } => {
            let Some(cut) = st.indexes().get(left.track).and_then(|i| i.placements.get(left.index)).map(|p| p.end)
            else {
                st.drag = None;
                return;
            };
            let t = st.mapping.time_from_x(p.x).max(Time::ZERO);
            let t = doc.project().frame_rate.snap(st.snapped(doc.project(), t, &[cut], modifiers));
            if let Some(row) = row_of(left.track) {
                let (y0, y1) = span(row, 0);
                painter.vline(st.mapping.x_from_time(t), y0..=y1, egui::Stroke::new(2.0, draw::SELECTED));
            }
            let time = crate::i18n::Clock::of(doc.project().frame_rate).time(t);
            draw::drag_label(ui.ctx(), p, &t!("timeline-drag-roll", time = time), None);
            // The preview shows the outgoing clip's last frame at the new cut.
            st.trim_at = (!released).then_some((left, Edge::End, t));
            st.rolling = true;
            if released {
                st.drag = None;
                st.snap_line = None;
                let r = doc.roll(left, right, t);
                refusal(st, r.or_else(|e| if e == Refused::Nothing { Ok(()) } else { Err(e) }));
            }
        }
        Drag::Slip { clip, grab } | Drag::Slide { clip, grab } => {
            let slide = matches!(drag, Drag::Slide { .. });
            let Some(pl) = st.indexes().get(clip.track).and_then(|i| i.placements.get(clip.index)).copied() else {
                st.drag = None;
                return;
            };
            let fr = doc.project().frame_rate;
            let delta = fr.snap(st.mapping.time_from_x(p.x) - grab);
            let source_in =
                doc.project().tracks[clip.track].clips.get(clip.index).and_then(|c| c.r#in).unwrap_or(Time::ZERO);
            let text = if slide {
                t!(
                    "timeline-drag-slide",
                    time = crate::i18n::Clock::of(doc.project().frame_rate).time((pl.start + delta).max(Time::ZERO))
                )
            } else {
                // The picture follows the pointer: dragging right shows earlier frames.
                t!(
                    "timeline-drag-slip",
                    time = crate::i18n::Clock::of(doc.project().frame_rate).time((source_in - delta).max(Time::ZERO))
                )
            };
            if let Some(row) = row_of(clip.track) {
                let (y0, y1) = span(row, st.lane_of(clip));
                let shift = if slide { delta } else { Time::ZERO };
                let g = Rect::from_min_max(
                    Pos2::new(st.mapping.x_from_time(pl.start + shift), y0),
                    Pos2::new(st.mapping.x_from_time(pl.end + shift), y1),
                );
                draw::ghost(painter, g.intersect(time_area), true);
            }
            draw::drag_label(ui.ctx(), p, &text, None);
            // The preview shows the frames the slip or slide changes.
            st.slip_at = (!released).then_some((clip, delta, slide));
            if released {
                st.drag = None;
                let r = if slide { doc.slide(clip, delta) } else { doc.slip(clip, -delta) };
                refusal(st, r.or_else(|e| if e == Refused::Nothing { Ok(()) } else { Err(e) }));
            }
        }
        Drag::TransitionLength { clip } => {
            let span = row_of(clip.track).map(|row| span(row, st.lane_of(clip)));
            super::transitions::drag_length(ui, doc, st, clip, p, released, span, painter, time_area);
        }
        Drag::Playhead => {
            doc.set_playhead(st.mapping.time_from_x(p.x));
            if released {
                st.drag = None;
            }
        }
        Drag::Rubber { from } => {
            let band = Rect::from_two_pos(from, p);
            painter.rect(
                band,
                0.0,
                draw::RUBBER_FILL,
                egui::Stroke::new(1.0, draw::SELECTED),
                egui::StrokeKind::Inside,
            );
            if released {
                st.drag = None;
                let (a, b) = (st.mapping.time_from_x(band.left()), st.mapping.time_from_x(band.right()));
                let mut picked = Vec::new();
                for (row, &ti) in rows.iter().enumerate() {
                    for (_, _, i) in st.indexes()[ti].in_range(a, b) {
                        let r = ClipRef { track: ti, index: i };
                        let (y0, y1) = span(row, st.lane_of(r));
                        if y1 >= band.top() && y0 <= band.bottom() {
                            picked.push(r);
                        }
                    }
                }
                if modifiers.command || modifiers.shift {
                    for r in picked {
                        if !doc.selection.contains(&r) {
                            doc.selection.push(r);
                        }
                    }
                } else {
                    doc.selection = picked;
                }
            }
        }
    }
}
