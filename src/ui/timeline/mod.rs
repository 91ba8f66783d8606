//! The multitrack timeline widget: ruler, track headers, clips, playhead, markers; move,
//! trim, select, rubber band, snapping, zoom, drop from the media bin.
//!
//! Work per frame follows what is visible: clips come from per-track indexes by time range,
//! rebuilt only when the document changes.

pub mod draw;
pub mod filmstrip;
pub mod headers;
pub mod mapping;

use crate::edit::document::Document;
use crate::edit::ops::{self, ClipRef, Edge, Refused};
use crate::edit::snap::{TrackIndex, snap};
use crate::model::project::{MediaKind, TrackKind};
use crate::model::wire::Clip;
use crate::model::{Project, Time};
use egui::{Pos2, Rect, Sense, Vec2};
use mapping::TimeMapping;

pub const HEADER_W: f32 = 170.0;
pub const RULER_H: f32 = 26.0;
pub const ROW_H: f32 = 46.0;
/// Width of the trim handles at a clip's edges.
pub const EDGE_PX: f32 = 7.0;
/// Snapping radius, in pixels whatever the zoom.
pub const SNAP_PX: f32 = 10.0;

/// Media being dragged onto the timeline, from the bin or the library.
#[derive(Clone, Debug)]
pub struct MediaDrop {
    pub entry: crate::model::project::BinEntry,
    /// The library's status ("Normal", "Transcoding"...); empty when not known.
    pub status: String,
}

#[derive(Clone, Debug)]
enum Drag {
    Move { grab: Time, grab_row: usize, clips: Vec<ClipRef> },
    Trim { clip: ClipRef, edge: Edge },
    Playhead,
    Rubber { from: Pos2 },
}

/// View state of the timeline (not part of the document).
pub struct TimelineState {
    pub mapping: TimeMapping,
    scroll_y: f32,
    drag: Option<Drag>,
    indexes: Option<(u64, usize, Vec<TrackIndex>)>,
    pub snapping: bool,
    /// Where the last snap happened, drawn as a line while dragging.
    snap_line: Option<Time>,
    /// Why the last edit was refused, for the status line.
    pub message: Option<String>,
    /// Set by the Fit command; done on the next frame, when the width is known.
    pub fit_requested: bool,
    /// Thumbnails, waveforms and media titles on the clips.
    pub strips: filmstrip::Strips,
    /// While a trim handle is dragged: the clip, its edge and where the edge would go (the
    /// preview shows the frame there).
    pub trim_at: Option<(ClipRef, Edge, Time)>,
}

impl Default for TimelineState {
    fn default() -> Self {
        TimelineState {
            mapping: TimeMapping { left: HEADER_W, origin: Time::ZERO, px_per_sec: 50.0 },
            scroll_y: 0.0,
            drag: None,
            indexes: None,
            snapping: true,
            snap_line: None,
            message: None,
            fit_requested: false,
            strips: filmstrip::Strips::default(),
            trim_at: None,
        }
    }
}

/// Track indexes top-down as shown: subtitles, overlays, video (top layer first), audio.
pub fn display_order(project: &Project) -> Vec<usize> {
    let mut order = Vec::with_capacity(project.tracks.len());
    for kind in [TrackKind::Subtitle, TrackKind::Image, TrackKind::Video, TrackKind::Audio] {
        let mut of_kind: Vec<usize> = (0..project.tracks.len()).filter(|&i| project.tracks[i].kind == kind).collect();
        if kind != TrackKind::Audio {
            // The API's first track is the bottom layer: draw it lowest.
            of_kind.reverse();
        }
        order.extend(of_kind);
    }
    order
}

/// What a clip is called on screen: the bin's title, else its text or ID.
pub fn clip_title(project: &Project, clip: &Clip) -> String {
    if let Some(text) = clip.content.as_deref().filter(|t| !t.trim().is_empty()) {
        return text.replace("\\N", " ").replace('\n', " ");
    }
    let id = clip.material_id().unwrap_or("(no media)");
    project
        .bin
        .iter()
        .find(|e| e.media_id == id)
        .map(|e| e.title.clone())
        .filter(|t| !t.is_empty())
        .unwrap_or_else(|| id.to_owned())
}

impl TimelineState {
    pub fn ensure_indexes(&mut self, doc: &Document) {
        let key = (doc.revision(), doc.project.tracks.len());
        if self.indexes.as_ref().is_none_or(|(r, n, _)| (*r, *n) != key) {
            let idx = (0..doc.project.tracks.len()).map(|t| TrackIndex::build(&doc.project, t)).collect();
            self.indexes = Some((key.0, key.1, idx));
        }
    }

    /// The index of each track as of the last frame (the preview reads it too).
    pub fn indexes(&self) -> &[TrackIndex] {
        self.indexes.as_ref().map(|(_, _, v)| v.as_slice()).unwrap_or_default()
    }

    /// The end of the last clip on any track.
    pub fn content_end(&self) -> Time {
        self.indexes().iter().map(TrackIndex::end).max().unwrap_or(Time::ZERO)
    }

    fn snapped(&mut self, project: &Project, t: Time, exclude: &[Time], modifiers: egui::Modifiers) -> Time {
        // Holding Alt turns snapping off for this drag, as in most editors.
        if !self.snapping || modifiers.alt {
            self.snap_line = None;
            return t;
        }
        let radius = self.mapping.span_of_px(SNAP_PX);
        let s = snap(self.indexes(), project, t, radius, exclude);
        self.snap_line = s;
        s.unwrap_or(t)
    }
}

fn refusal(st: &mut TimelineState, r: Result<(), Refused>) {
    st.message = r.err().map(|e| e.to_string());
}

/// The timeline. Edits go through `doc`; view state lives in `st`.
pub fn timeline_ui(ui: &mut egui::Ui, doc: &mut Document, st: &mut TimelineState) {
    st.ensure_indexes(doc);
    st.strips.begin_frame(ui.ctx());
    let rect = ui.available_rect_before_wrap();
    let bg = ui.interact(rect, ui.scope_id().with("timeline-bg"), Sense::hover());
    let time_left = rect.left() + HEADER_W;
    st.mapping.left = time_left;
    st.mapping.px_per_sec = doc.project.zoom.clamp(mapping::MIN_PX_PER_SEC, mapping::MAX_PX_PER_SEC);
    if st.fit_requested {
        st.fit_requested = false;
        st.mapping.fit(st.content_end(), rect.right() - time_left);
    }
    let rows = display_order(&doc.project);
    let rows_h = rows.len() as f32 * ROW_H;
    let rows_area = Rect::from_min_max(Pos2::new(rect.left(), rect.top() + RULER_H), rect.max);
    st.scroll_y = st.scroll_y.clamp(0.0, (rows_h - rows_area.height()).max(0.0));

    wheel(ui, &bg, st, rows_h > rows_area.height());
    st.scroll_y = st.scroll_y.clamp(0.0, (rows_h - rows_area.height()).max(0.0));
    let scroll = st.scroll_y;
    let row_top = |row: usize, scroll: f32| rows_area.top() + row as f32 * ROW_H - scroll;
    let row_at = |y: f32, scroll: f32| -> Option<usize> {
        let r = ((y - rows_area.top() + scroll) / ROW_H).floor();
        (r >= 0.0 && (r as usize) < rows.len()).then_some(r as usize)
    };
    let time_area = Rect::from_min_max(Pos2::new(time_left, rows_area.top()), rows_area.max);
    let (t0, t1) = (st.mapping.time_from_x(time_left), st.mapping.time_from_x(rect.right()));
    let painter = ui.painter_at(rect);
    let modifiers = ui.input(|i| i.modifiers);
    let pointer = ui.input(|i| i.pointer.interact_pos().or(i.pointer.hover_pos()));

    // Background of the time area: click clears the selection, drag draws a rubber band,
    // double-click on a subtitle track adds a subtitle, media dropped from the bin lands here.
    let area = ui.interact(time_area, ui.scope_id().with("timeline-area"), Sense::click_and_drag());
    area.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Group, true, "Timeline tracks"));
    draw::rows(&painter, ui.visuals(), doc, &rows, rows_area, st.scroll_y, time_left);

    // Clips: only those in the visible range of visible rows.
    let mut clip_hits: Vec<(ClipRef, Rect)> = Vec::new();
    for (row, &ti) in rows.iter().enumerate() {
        let top = row_top(row, st.scroll_y);
        if top + ROW_H < rows_area.top() || top > rows_area.bottom() {
            continue;
        }
        let Some(index) = st.indexes().get(ti) else { continue };
        for (s, e, ci) in index.in_range(t0, t1) {
            let x0 = st.mapping.x_from_time(s).max(time_left - 2.0);
            let x1 = st.mapping.x_from_time(e).min(rect.right() + 2.0).max(x0 + 2.0);
            clip_hits.push((
                ClipRef { track: ti, index: ci },
                Rect::from_min_max(Pos2::new(x0, top + 3.0), Pos2::new(x1, top + ROW_H - 3.0)),
            ));
        }
    }
    for &(r, crect) in &clip_hits {
        let clip = &doc.project.tracks[r.track].clips[r.index];
        let placement = st.indexes()[r.track].placements[r.index];
        let title = st.strips.title(&doc.project, clip);
        let track_name = doc.project.tracks[r.track].name.clone();
        draw::clip(&painter, &doc.project, r, clip, &title, placement, crect, doc.selection.contains(&r), time_area);
        let full = Rect::from_x_y_ranges(
            st.mapping.x_from_time(placement.start)..=st.mapping.x_from_time(placement.end),
            crect.y_range(),
        );
        let px_per_sec = st.mapping.px_per_sec;
        st.strips.paint(
            &painter,
            &doc.project,
            r.track,
            clip,
            &title,
            placement,
            full,
            crect.intersect(time_area),
            px_per_sec,
        );
        let id = ui.scope_id().with(("clip", r.track, r.index));
        let body = ui.interact(crect.intersect(time_area), id, Sense::click_and_drag());
        let label = format!("Clip {title} on {track_name} at {}", placement.start.timecode());
        body.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &label));
        clip_interaction(
            ui,
            doc,
            st,
            r,
            &body,
            modifiers,
            row_at(body.interact_pointer_pos().map_or(crect.center().y, |p| p.y), st.scroll_y),
        );
        if crect.width() > 3.0 * EDGE_PX {
            for (edge, x) in [(Edge::Start, crect.left()), (Edge::End, crect.right() - EDGE_PX)] {
                let er = Rect::from_min_size(Pos2::new(x, crect.top()), Vec2::new(EDGE_PX, crect.height()))
                    .intersect(time_area);
                let resp = ui
                    .interact(er, id.with(edge as u8), Sense::drag())
                    .on_hover_cursor(egui::CursorIcon::ResizeHorizontal);
                let which = if edge == Edge::Start { "start" } else { "end" };
                let label = format!("Trim {which} of {title} on {track_name}");
                resp.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &label));
                if resp.drag_started() {
                    doc.selection = vec![r];
                    st.drag = Some(Drag::Trim { clip: r, edge });
                }
            }
        }
    }

    let (at_y, top_of) = (|y| row_at(y, scroll), |row| row_top(row, scroll));
    background_interaction(ui, doc, st, &area, &rows, &at_y, modifiers);
    bin_drop(ui, doc, st, &area, &rows, pointer, &at_y, &top_of);
    finish_drags(ui, doc, st, &rows, pointer, modifiers, &at_y, &top_of, &painter, time_area);

    // Ruler on top of everything in the time area; headers on the left.
    ruler(
        ui,
        doc,
        st,
        Rect::from_min_max(Pos2::new(time_left, rect.top()), Pos2::new(rect.right(), rect.top() + RULER_H)),
        &painter,
    );
    draw::playhead_and_markers(&painter, doc, &st.mapping, rect, RULER_H);
    if let (Some(t), Some(_)) = (st.snap_line, &st.drag) {
        let x = st.mapping.x_from_time(t);
        painter.vline(x, rows_area.y_range(), egui::Stroke::new(1.5, draw::SNAP_COLOUR));
    }
    headers::headers_ui(
        ui,
        doc,
        &rows,
        Rect::from_min_max(rows_area.min, Pos2::new(time_left, rows_area.bottom())),
        st.scroll_y,
    );
    // Keep the zoom in the project (view state, saved with it, not an undo step).
    doc.project.zoom = st.mapping.px_per_sec;
    st.strips.end_frame();
    ui.advance_cursor_after_rect(rect);
}

/// Ctrl+wheel (or pinch) zooms around the pointer; the wheel scrolls tracks when they
/// overflow, else time; Shift+wheel or a horizontal wheel scrolls time.
fn wheel(ui: &egui::Ui, bg: &egui::Response, st: &mut TimelineState, overflow: bool) {
    if !bg.contains_pointer() {
        return;
    }
    let (zoom, scroll, shift, pos) =
        ui.input(|i| (i.zoom_delta(), i.smooth_scroll_delta, i.modifiers.shift, i.pointer.hover_pos()));
    if zoom != 1.0 {
        st.mapping.zoom_at(pos.map_or(st.mapping.left, |p| p.x), zoom);
        return;
    }
    if scroll == Vec2::ZERO {
        return;
    }
    if shift || scroll.x != 0.0 || !overflow {
        let d = if scroll.x != 0.0 { scroll.x } else { scroll.y };
        st.mapping.pan(-d);
    } else {
        st.scroll_y -= scroll.y;
    }
}

fn clip_interaction(
    ui: &egui::Ui,
    doc: &mut Document,
    st: &mut TimelineState,
    r: ClipRef,
    body: &egui::Response,
    modifiers: egui::Modifiers,
    row: Option<usize>,
) {
    if body.clicked() {
        if modifiers.command || modifiers.shift {
            match doc.selection.iter().position(|s| *s == r) {
                Some(i) => {
                    doc.selection.remove(i);
                }
                None => doc.selection.push(r),
            }
        } else {
            doc.selection = vec![r];
        }
    }
    if body.drag_started() {
        if !doc.selection.contains(&r) {
            if modifiers.command || modifiers.shift {
                doc.selection.push(r);
            } else {
                doc.selection = vec![r];
            }
        }
        let grab = ui.input(|i| i.pointer.press_origin()).map_or(Time::ZERO, |p| st.mapping.time_from_x(p.x));
        st.drag = Some(Drag::Move { grab, grab_row: row.unwrap_or(0), clips: doc.selection.clone() });
    }
}

fn background_interaction(
    ui: &egui::Ui,
    doc: &mut Document,
    st: &mut TimelineState,
    area: &egui::Response,
    rows: &[usize],
    row_at: &dyn Fn(f32) -> Option<usize>,
    modifiers: egui::Modifiers,
) {
    if area.double_clicked()
        && let Some(p) = area.interact_pointer_pos()
        && let Some(row) = row_at(p.y)
        && doc.project.tracks[rows[row]].kind == TrackKind::Subtitle
    {
        let at = st.mapping.time_from_x(p.x).max(Time::ZERO);
        let change = ops::insert(&doc.project, rows[row], vec![ops::new_subtitle(at)]);
        let r = doc.apply_change("Add subtitle", change);
        refusal(st, r);
        return;
    }
    if area.clicked() && !(modifiers.command || modifiers.shift) {
        doc.selection.clear();
    }
    if area.drag_started()
        && let Some(from) = ui.input(|i| i.pointer.press_origin())
    {
        st.drag = Some(Drag::Rubber { from });
    }
}

#[allow(clippy::too_many_arguments)]
fn bin_drop(
    ui: &egui::Ui,
    doc: &mut Document,
    st: &mut TimelineState,
    area: &egui::Response,
    rows: &[usize],
    pointer: Option<Pos2>,
    row_at: &dyn Fn(f32) -> Option<usize>,
    row_top: &dyn Fn(usize) -> f32,
) {
    let Some(payload) = area.dnd_hover_payload::<MediaDrop>() else { return };
    let Some(p) = pointer else { return };
    let Some(row) = row_at(p.y) else { return };
    let entry = payload.entry.clone();
    let track = rows[row];
    let kind = doc.project.tracks[track].kind;
    let length = entry.duration.unwrap_or(crate::model::project::PROVISIONAL_LENGTH);
    let at = st.mapping.time_from_x(p.x).max(Time::ZERO);
    let at = st.snapped(&doc.project, at, &[], ui.input(|i| i.modifiers)).max(Time::ZERO);
    let mut clip = Clip { timeline_in: Some(at), ..Default::default() };
    match (entry.kind, kind) {
        (MediaKind::Image, TrackKind::Image) => {
            clip.image_id = Some(entry.media_id.clone());
            clip.timeline_out = Some(at + length);
        }
        (MediaKind::Image, _) => {
            clip.media_id = Some(entry.media_id.clone());
            clip.r#type = Some("Image".into());
            clip.timeline_out = Some(at + length);
        }
        _ => {
            clip.media_id = Some(entry.media_id.clone());
            clip.r#in = Some(Time::ZERO);
            clip.out = entry.duration;
        }
    }
    let fits = entry.kind.fits(kind);
    let ok = fits && ops::insert(&doc.project, track, vec![clip.clone()]).is_ok();
    let top = row_top(row);
    let ghost = Rect::from_min_max(
        Pos2::new(st.mapping.x_from_time(at), top + 3.0),
        Pos2::new(st.mapping.x_from_time(at + length), top + ROW_H - 3.0),
    );
    draw::ghost(&ui.painter_at(area.rect), ghost, ok);
    if area.dnd_release_payload::<MediaDrop>().is_some() {
        if !fits {
            st.message = Some(format!(
                "{} media cannot go on a {} track",
                format!("{:?}", entry.kind).to_lowercase(),
                kind.label()
            ));
            return;
        }
        let change = match ops::insert(&doc.project, track, vec![clip]) {
            Ok(c) => c,
            Err(e) => {
                st.message = Some(e.to_string());
                return;
            }
        };
        // Media from the library joins the bin, so the project keeps its title and length.
        let mut edits = Vec::new();
        if !doc.project.bin.iter().any(|e| e.media_id == entry.media_id) {
            let mut bin = doc.project.bin.clone();
            bin.push(entry.clone());
            edits.push(crate::edit::Edit::SetBin(bin));
        }
        edits.push(change.edit);
        if doc.apply("Add clip", crate::edit::Edit::Batch(edits)) {
            doc.selection = change.selection;
        }
        st.message = (!payload.status.is_empty() && payload.status != "Normal").then(|| {
            format!(
                "Added, but \"{}\" is {}: VOD produces only media whose status is Normal",
                entry.title, payload.status
            )
        });
    }
}

#[allow(clippy::too_many_arguments)]
fn finish_drags(
    ui: &egui::Ui,
    doc: &mut Document,
    st: &mut TimelineState,
    rows: &[usize],
    pointer: Option<Pos2>,
    modifiers: egui::Modifiers,
    row_at: &dyn Fn(f32) -> Option<usize>,
    row_top: &dyn Fn(usize) -> f32,
    painter: &egui::Painter,
    time_area: Rect,
) {
    let Some(drag) = st.drag.clone() else { return };
    let released = ui.input(|i| i.pointer.any_released() || !i.pointer.any_down());
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
            if st.snapping && !modifiers.alt {
                // Snap whichever moved edge is nearest a candidate.
                let own: Vec<Time> = spans.iter().flat_map(|(s, e)| [*s, *e]).collect();
                let radius = st.mapping.span_of_px(SNAP_PX);
                let best = spans
                    .iter()
                    .flat_map(|(s, e)| [*s, *e])
                    .filter_map(|edge| snap(st.indexes(), &doc.project, edge + delta, radius, &own).map(|to| to - edge))
                    .min_by_key(|d| (*d - delta).0.abs());
                st.snap_line = best.and_then(|d| {
                    let moved: Vec<Time> = own.iter().map(|e| *e + d).collect();
                    moved.into_iter().find(|m| snap(st.indexes(), &doc.project, *m, radius, &own) == Some(*m))
                });
                if let Some(d) = best {
                    delta = d.max(-earliest);
                }
            } else {
                st.snap_line = None;
            }
            let offset = row_at(p.y).map_or(0, |r| r as i64 - grab_row as i64);
            let target = |track: usize| -> Option<usize> {
                let r = row_of(track)? as i64 + offset;
                (r >= 0).then(|| rows.get(r as usize).copied()).flatten()
            };
            let result = ops::move_clips(&doc.project, &clips, delta, &target);
            let ok = result.is_ok();
            for (r, (s, e)) in clips.iter().zip(&spans) {
                let Some(row) = target(r.track).and_then(row_of) else { continue };
                let top = row_top(row);
                let g = Rect::from_min_max(
                    Pos2::new(st.mapping.x_from_time(*s + delta), top + 3.0),
                    Pos2::new(st.mapping.x_from_time(*e + delta), top + ROW_H - 3.0),
                );
                draw::ghost(painter, g.intersect(time_area), ok);
            }
            if released {
                st.drag = None;
                st.snap_line = None;
                match result {
                    Ok(change) => {
                        let r = doc.apply_change("Move", Ok(change));
                        refusal(st, r);
                    }
                    Err(Refused::Nothing) => {}
                    Err(e) => st.message = Some(format!("Move refused: {e}")),
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
            let t = st.snapped(&doc.project, t, &[own], modifiers);
            if let Some(row) = row_of(clip.track) {
                let top = row_top(row);
                let (s, e) = if edge == Edge::Start { (t.min(pl.end), pl.end) } else { (pl.start, t.max(pl.start)) };
                let g = Rect::from_min_max(
                    Pos2::new(st.mapping.x_from_time(s), top + 3.0),
                    Pos2::new(st.mapping.x_from_time(e), top + ROW_H - 3.0),
                );
                draw::ghost(painter, g.intersect(time_area), true);
            }
            st.trim_at = (!released).then_some((clip, edge, t));
            if released {
                st.drag = None;
                st.snap_line = None;
                let r = doc.trim(clip, edge, t);
                refusal(st, r.or_else(|e| if e == Refused::Nothing { Ok(()) } else { Err(e) }));
            }
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
                    let top = row_top(row);
                    if top + ROW_H < band.top() || top > band.bottom() {
                        continue;
                    }
                    picked.extend(st.indexes()[ti].in_range(a, b).map(|(_, _, i)| ClipRef { track: ti, index: i }));
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

fn ruler(ui: &egui::Ui, doc: &mut Document, st: &mut TimelineState, rect: Rect, painter: &egui::Painter) {
    let resp = ui.interact(rect, ui.scope_id().with("ruler"), Sense::click_and_drag());
    resp.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Slider, true, "Timeline ruler"));
    if (resp.clicked() || resp.drag_started())
        && let Some(p) = resp.interact_pointer_pos()
    {
        doc.set_playhead(st.mapping.time_from_x(p.x));
        if resp.drag_started() {
            st.drag = Some(Drag::Playhead);
        }
    }
    draw::ruler(painter, ui.visuals(), &st.mapping, rect);
}
