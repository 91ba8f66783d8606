//! Layers placed by hand in the program's picture: a click picks the topmost layer under the
//! pointer (the timeline's selection follows), the selected one is outlined with eight
//! handles; a drag moves it, a handle resizes it (Shift keeps the aspect), snapping to the
//! frame's centre, edges and safe areas and to other layers' edges with the guides drawn (Alt:
//! no snapping). Each gesture is one undo step. The geometry is `compose::handles` (egui-free);
//! this file turns the pointer into its calls.

use super::PreviewState;
use super::TimelineState;
use crate::compose::handles::{self, HANDLES, Handle, Placed};
use crate::compose::{Owner, Rect as OutRect};
use crate::edit::document::Document;
use crate::edit::ops::ClipRef;
use crate::model::wire::Clip;
use egui::{Color32, Pos2, Rect, Sense, Stroke, StrokeKind, Vec2};

/// Handles' side on screen, points.
const HANDLE: f32 = 9.0;
/// How near a guide pulls, screen points.
const SNAP: f32 = 6.0;
const OUTLINE: Color32 = Color32::from_rgb(80, 170, 255);
const GUIDE: Color32 = Color32::from_rgb(255, 60, 200);

/// A drag under way: one undo step (its own merge key), from the clip as it was.
pub(super) struct Gesture {
    r: ClipRef,
    placed: Placed,
    handle: Option<Handle>,
    origin: Pos2,
    clip: Clip,
    key: String,
    lines: (Vec<f32>, Vec<f32>),
    now: OutRect,
}

/// The layers at the playhead, kept while nothing they depend on changes.
#[derive(Default)]
pub(super) struct Layers {
    key: Option<(u64, crate::model::Time, (u32, u32), usize)>,
    placed: Vec<Placed>,
}

impl PreviewState {
    /// Where the program's picture was drawn in the last frame.
    pub fn frame_rect(&self) -> Option<Rect> {
        self.frame
    }

    fn layers(&mut self, doc: &Document, timeline: &mut TimelineState, size: (u32, u32)) -> Vec<Placed> {
        timeline.ensure_indexes(doc);
        let at = doc.project().playhead;
        let key = Some((doc.revision(), at, size, self.image_sizes.len()));
        if self.layers.key != key {
            let plan = super::plan(doc, timeline, at, size);
            let sizes = &self.image_sizes;
            self.layers.placed = handles::placed(&plan, &|id| sizes.get(id).copied());
            self.layers.key = key;
        }
        self.layers.placed.clone()
    }

    /// The selected layer among `placed`: the one picked last if it is still the selection,
    /// else the selected clip's own picture or text.
    fn selected(&self, doc: &Document, placed: &[Placed]) -> Option<(ClipRef, usize)> {
        let (r, _) = doc.single_selected()?;
        let of_clip = |o: &Owner| o.track == r.track && o.clip == r.index;
        let picked = self.picked.filter(of_clip).and_then(|o| placed.iter().position(|p| p.owner == o));
        let i = picked
            .or_else(|| placed.iter().position(|p| of_clip(&p.owner) && p.owner.effect.is_none()))
            .or_else(|| placed.iter().position(|p| of_clip(&p.owner)))?;
        Some((r, i))
    }

    /// Moves the selected layer by `(dx, dy)` output pixels (the arrow keys): one undo step.
    /// What to tell the user when nothing moved.
    pub fn nudge(&mut self, doc: &mut Document, timeline: &mut TimelineState, dx: f32, dy: f32) -> Option<String> {
        let size = self.output_size_known()?;
        let placed = self.layers(doc, timeline, size);
        let Some((r, i)) = self.selected(doc, &placed) else { return Some(crate::t!("preview-nothing-to-nudge")) };
        let p = &placed[i];
        let clip = doc.project().tracks[r.track].clips[r.index].clone();
        let to = OutRect { x: p.rect.x + dx, y: p.rect.y + dy, ..p.rect };
        let frame = (size.0 as f32, size.1 as f32);
        let moved = handles::placed_clip(&clip, p, to, frame, false);
        let said = doc.set_clip(r, "preview-nudge", moved).err().map(|e| e.to_string());
        doc.seal();
        said
    }
}

fn handle_label(h: Handle) -> String {
    match (h.hx, h.hy) {
        (-1, -1) => crate::t!("preview-handle-top-left"),
        (0, -1) => crate::t!("preview-handle-top"),
        (1, -1) => crate::t!("preview-handle-top-right"),
        (1, 0) => crate::t!("preview-handle-right"),
        (1, 1) => crate::t!("preview-handle-bottom-right"),
        (0, 1) => crate::t!("preview-handle-bottom"),
        (-1, 1) => crate::t!("preview-handle-bottom-left"),
        _ => crate::t!("preview-handle-left"),
    }
}

fn cursor(h: Handle) -> egui::CursorIcon {
    match (h.hx, h.hy) {
        (-1, -1) | (1, 1) => egui::CursorIcon::ResizeNwSe,
        (1, -1) | (-1, 1) => egui::CursorIcon::ResizeNeSw,
        (0, _) => egui::CursorIcon::ResizeVertical,
        _ => egui::CursorIcon::ResizeHorizontal,
    }
}

/// Output pixels to screen and back for the picture drawn at `frame`.
#[derive(Clone, Copy)]
struct View {
    frame: Rect,
    scale: f32,
}

impl View {
    fn to_screen(self, (x, y): (f32, f32)) -> Pos2 {
        self.frame.min + Vec2::new(x, y) * self.scale
    }
    fn rect(self, r: OutRect) -> Rect {
        Rect::from_min_size(self.to_screen((r.x, r.y)), Vec2::new(r.w, r.h) * self.scale)
    }
    fn to_output(self, p: Pos2) -> (f32, f32) {
        let v = (p - self.frame.min) / self.scale;
        (v.x, v.y)
    }
}

/// Picks, drags and draws on the program's picture at `frame` (`response`: its interaction).
/// `enabled`: not while playing or trimming (the picture is not the playhead's frame then).
pub(super) fn manipulate(
    ui: &mut egui::Ui,
    doc: &mut Document,
    timeline: &mut TimelineState,
    state: &mut PreviewState,
    (frame, size): (Rect, (u32, u32)),
    response: &egui::Response,
    enabled: bool,
) {
    state.frame = Some(frame);
    if !enabled {
        end_gesture(doc, state);
        return;
    }
    let view = View { frame, scale: frame.width() / size.0.max(1) as f32 };
    let placed = state.layers(doc, timeline, size);
    let selected = state.selected(doc, &placed);
    // The handles come after the picture's own interaction: on top of it, they take the press.
    if let Some((r, i)) = &selected {
        let rect = state.gesture.as_ref().map_or(placed[*i].rect, |g| g.now);
        for (k, h) in HANDLES.iter().enumerate() {
            let at = Rect::from_center_size(view.to_screen(h.point(rect)), Vec2::splat(HANDLE));
            let hr =
                ui.interact(at, ui.scope_id().with(("preview-handle", k)), Sense::drag()).on_hover_cursor(cursor(*h));
            let label = handle_label(*h);
            hr.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &label));
            if hr.drag_started() {
                start(ui, doc, state, *r, placed[*i].clone(), Some(*h), &placed);
            }
        }
    }
    if response.drag_started() {
        let origin = ui.input(|i| i.pointer.press_origin()).unwrap_or(frame.center());
        if let Some(i) = handles::topmost(&placed, view.to_output(origin)) {
            let r = pick(doc, state, placed[i].owner);
            start(ui, doc, state, r, placed[i].clone(), None, &placed);
        }
    } else if response.clicked()
        && let Some(at) = response.interact_pointer_pos()
        && let Some(i) = handles::topmost(&placed, view.to_output(at))
    {
        pick(doc, state, placed[i].owner);
    }
    // The editor's one snapping setting (N, shown in the status line) holds here too.
    follow(ui, doc, state, view, size, timeline.snapping);
    draw(ui, doc, state, view, &placed);
}

/// Selects the clip `owner` belongs to (the timeline and the inspector follow).
fn pick(doc: &mut Document, state: &mut PreviewState, owner: Owner) -> ClipRef {
    let r = ClipRef { track: owner.track, index: owner.clip };
    doc.selection = vec![r];
    doc.gap = None;
    state.picked = Some(owner);
    state.picked_now = true;
    r
}

fn start(
    ui: &egui::Ui,
    doc: &Document,
    state: &mut PreviewState,
    r: ClipRef,
    placed: Placed,
    handle: Option<Handle>,
    all: &[Placed],
) {
    let Some(clip) = doc.project().tracks.get(r.track).and_then(|t| t.clips.get(r.index)).cloned() else { return };
    let origin = ui.input(|i| i.pointer.press_origin()).unwrap_or_default();
    let others: Vec<OutRect> = all.iter().filter(|p| p.owner != placed.owner).map(|p| p.rect).collect();
    let (w, h) = state.output_size_known().unwrap_or(crate::compose::layout::FALLBACK_SIZE);
    state.gestures += 1;
    state.gesture = Some(Gesture {
        r,
        now: placed.rect,
        placed,
        handle,
        origin,
        clip,
        key: format!("preview-drag:{}", state.gestures),
        lines: handles::snap_lines((w as f32, h as f32), &others),
    });
}

/// While the button is down: the layer follows the pointer. On release: the step is sealed.
fn follow(ui: &egui::Ui, doc: &mut Document, state: &mut PreviewState, view: View, size: (u32, u32), snapping: bool) {
    let Some(g) = state.gesture.as_mut() else { return };
    let (down, pos, m) = ui.input(|i| (i.pointer.primary_down(), i.pointer.latest_pos(), i.modifiers));
    if let Some(pos) = pos {
        let d = (pos - g.origin) / view.scale;
        let mut to = handles::dragged(g.placed.rect, g.handle, (d.x, d.y), m.shift);
        state.guides = (Vec::new(), Vec::new());
        // Snapping moves a side on its own: with the aspect kept it would break it.
        let aspect_kept = m.shift && g.handle.is_some();
        if snapping && !(m.alt || aspect_kept) {
            let (snapped, xs, ys) = handles::snap(to, g.handle, &g.lines, SNAP / view.scale);
            to = snapped;
            state.guides = (xs, ys);
        }
        g.now = to;
        let frame = (size.0 as f32, size.1 as f32);
        let clip = handles::placed_clip(&g.clip, &g.placed, to, frame, g.handle.is_some());
        if let Err(e) = doc.set_clip(g.r, &g.key, clip) {
            state.message = Some(e.to_string());
            state.gesture = None;
            return;
        }
    }
    if !down {
        end_gesture(doc, state);
    }
}

fn end_gesture(doc: &mut Document, state: &mut PreviewState) {
    if state.gesture.take().is_some() {
        doc.seal();
    }
    state.guides = (Vec::new(), Vec::new());
}

fn draw(ui: &egui::Ui, doc: &Document, state: &PreviewState, view: View, placed: &[Placed]) {
    let painter = ui.painter_at(view.frame.expand(HANDLE));
    for x in &state.guides.0 {
        let sx = view.to_screen((*x, 0.0)).x;
        painter.vline(sx, view.frame.y_range(), Stroke::new(1.0, GUIDE));
    }
    for y in &state.guides.1 {
        let sy = view.to_screen((0.0, *y)).y;
        painter.hline(view.frame.x_range(), sy, Stroke::new(1.0, GUIDE));
    }
    let Some((_, i)) = state.selected(doc, placed) else { return };
    let rect = state.gesture.as_ref().map_or(placed[i].rect, |g| g.now);
    let r = view.rect(rect);
    if placed[i].kind == handles::Kind::Region {
        // A DeWatermark's region is no picture: its outline is dashed, dark under light so it
        // shows on any footage.
        let corners = [r.left_top(), r.right_top(), r.right_bottom(), r.left_bottom(), r.left_top()];
        painter.add(egui::Shape::line(corners.to_vec(), Stroke::new(2.5, Color32::from_black_alpha(160))));
        painter.extend(egui::Shape::dashed_line(&corners, Stroke::new(1.5, OUTLINE), 6.0, 4.0));
    } else {
        painter.rect_stroke(r, 0.0, Stroke::new(1.5, OUTLINE), StrokeKind::Middle);
    }
    for h in HANDLES {
        let at = Rect::from_center_size(view.to_screen(h.point(rect)), Vec2::splat(HANDLE - 2.0));
        painter.rect_filled(at, 1.0, Color32::WHITE);
        painter.rect_stroke(at, 1.0, Stroke::new(1.0, OUTLINE), StrokeKind::Outside);
    }
}
