//! Placing layers by hand in the preview, without egui: the box each layer of a [`Plan`]
//! covers, which layer is under a point (the topmost), the eight handles, the box a drag gives
//! (Shift keeps the aspect), snapping to the frame's guides and other layers' edges, and the
//! clip with the new box written back in the form its numbers already have.
//!
//! All lengths are output pixels. The values written follow the layout's rule (a value of at
//! most 1 is a ratio of the output, a larger one pixels, layout.rs) and the inspector's check
//! (never negative; pixels whole): a fraction stays a fraction and pixels stay pixels.

use super::image::Rect;
use super::layout::{Fit, Layer, Owner, Plan, TextBox};
use crate::model::wire::{Area, Clip, Effect, Num};

/// A layer the preview can pick: what it edits and the box it covers.
#[derive(Clone, Debug, PartialEq)]
pub struct Placed {
    pub owner: Owner,
    pub rect: Rect,
    /// How the box is written back.
    pub kind: Kind,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Kind {
    /// A video fitted into its box (X/Y/Width/Height are the box).
    Boxed,
    /// An image overlay stretched to its box (a missing side follows the image).
    Stretched { has_w: bool, has_h: bool },
    /// A text: X/Y are its anchor, its size is the font's.
    Text(TextBox),
    /// A DeWatermark's region: X/Y/Width/Height of its effect are the box.
    Region,
}

/// The size an overlay's picture is taken to have until it arrives (16:9, a quarter of 1280).
const UNKNOWN_PICTURE: (u32, u32) = (320, 180);
/// The smallest box a drag makes, output pixels.
pub const MIN_SIDE: f32 = 8.0;

/// Every layer of `plan` that places a clip, bottom first. `image_size` gives an image
/// overlay's pixel size when known (its box follows it where Width or Height is missing).
pub fn placed(plan: &Plan, image_size: &dyn Fn(&str) -> Option<(u32, u32)>) -> Vec<Placed> {
    let mut out = Vec::new();
    for layer in &plan.layers {
        match layer {
            Layer::Picture(p) => {
                let owner = Owner { track: p.track, clip: p.clip, effect: None };
                let (rect, kind) = match p.fit {
                    Fit::Contain => {
                        let (w, h) = (p.w.unwrap_or(plan.width as f32), p.h.unwrap_or(plan.height as f32));
                        (Rect { x: p.x, y: p.y, w, h }, Kind::Boxed)
                    }
                    Fit::Stretch => {
                        let size = match &p.source {
                            super::Source::Image { image_id } => image_size(image_id),
                            super::Source::Video { .. } => None,
                        };
                        let (iw, ih) = size.unwrap_or(UNKNOWN_PICTURE);
                        let kind = Kind::Stretched { has_w: p.w.is_some(), has_h: p.h.is_some() };
                        (super::picture_rect(p, iw, ih), kind)
                    }
                };
                out.push(Placed { owner, rect, kind });
            }
            Layer::Text(t) => {
                if let Some(owner) = t.owner {
                    out.push(Placed { owner, rect: super::text::text_rect(t), kind: Kind::Text(t.clone()) });
                }
            }
            Layer::Region(r) => {
                out.push(Placed { owner: r.owner, rect: Rect { x: r.x, y: r.y, w: r.w, h: r.h }, kind: Kind::Region })
            }
            Layer::Look(_) => {}
        }
    }
    out
}

fn contains(r: Rect, (x, y): (f32, f32)) -> bool {
    x >= r.x && x <= r.x + r.w && y >= r.y && y <= r.y + r.h
}

/// The topmost layer under the point (an index into `placed`).
pub fn topmost(placed: &[Placed], at: (f32, f32)) -> Option<usize> {
    placed.iter().rposition(|p| contains(p.rect, at))
}

/// A handle: which edges it moves (-1 the left or top, 1 the right or bottom, 0 neither).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Handle {
    pub hx: i8,
    pub hy: i8,
}

/// The eight handles, clockwise from the top left.
pub const HANDLES: [Handle; 8] = [
    Handle { hx: -1, hy: -1 },
    Handle { hx: 0, hy: -1 },
    Handle { hx: 1, hy: -1 },
    Handle { hx: 1, hy: 0 },
    Handle { hx: 1, hy: 1 },
    Handle { hx: 0, hy: 1 },
    Handle { hx: -1, hy: 1 },
    Handle { hx: -1, hy: 0 },
];

impl Handle {
    /// Where the handle sits on `r`.
    pub fn point(self, r: Rect) -> (f32, f32) {
        (r.x + r.w * (f32::from(self.hx) + 1.0) / 2.0, r.y + r.h * (f32::from(self.hy) + 1.0) / 2.0)
    }
}

/// The box `start` becomes when dragged by `(dx, dy)`: moved (no handle), or resized by
/// `handle`, the opposite edges staying where they are. `keep_aspect` (Shift) keeps the
/// start's aspect: a corner scales both sides by the larger change, a side handle scales the
/// other side about the centre.
pub fn dragged(start: Rect, handle: Option<Handle>, (dx, dy): (f32, f32), keep_aspect: bool) -> Rect {
    let Some(h) = handle else { return Rect { x: start.x + dx, y: start.y + dy, ..start } };
    let (mut x0, mut x1) = (start.x, start.x + start.w);
    let (mut y0, mut y1) = (start.y, start.y + start.h);
    match h.hx {
        -1 => x0 = (x0 + dx).min(x1 - MIN_SIDE),
        1 => x1 = (x1 + dx).max(x0 + MIN_SIDE),
        _ => {}
    }
    match h.hy {
        -1 => y0 = (y0 + dy).min(y1 - MIN_SIDE),
        1 => y1 = (y1 + dy).max(y0 + MIN_SIDE),
        _ => {}
    }
    let r = Rect { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
    if !keep_aspect || start.w <= 0.0 || start.h <= 0.0 {
        return r;
    }
    let aspect = start.w / start.h;
    match (h.hx, h.hy) {
        (0, _) => {
            let w = r.h * aspect;
            Rect { x: start.x + (start.w - w) / 2.0, w, ..r }
        }
        (_, 0) => {
            let h = r.w / aspect;
            Rect { y: start.y + (start.h - h) / 2.0, h, ..r }
        }
        _ => {
            let s = (r.w / start.w).max(r.h / start.h);
            let (w, hh) = (start.w * s, start.h * s);
            // The corner opposite the handle stays put.
            let x = if h.hx < 0 { start.x + start.w - w } else { start.x };
            let y = if h.hy < 0 { start.y + start.h - hh } else { start.y };
            Rect { x, y, w, h: hh }
        }
    }
}

/// The lines a box snaps to on a `width`x`height` output: the frame's edges and centre, the
/// action-safe (5 %) and title-safe (10 %) margins, and the edges and centres of `others`.
/// (vertical lines' x, horizontal lines' y)
pub fn snap_lines((width, height): (f32, f32), others: &[Rect]) -> (Vec<f32>, Vec<f32>) {
    let frame = |full: f32| vec![0.0, full * 0.05, full * 0.1, full * 0.5, full * 0.9, full * 0.95, full];
    let (mut xs, mut ys) = (frame(width), frame(height));
    for r in others {
        xs.extend([r.x, r.x + r.w / 2.0, r.x + r.w]);
        ys.extend([r.y, r.y + r.h / 2.0, r.y + r.h]);
    }
    (xs, ys)
}

/// The nearest line to any of `edges` within `within`: (the shift that puts the edge on it).
fn nearest(edges: &[f32], lines: &[f32], within: f32) -> Option<f32> {
    let mut best: Option<f32> = None;
    for e in edges {
        for l in lines {
            let d = l - e;
            if d.abs() <= within && best.is_none_or(|b| d.abs() < b.abs()) {
                best = Some(d);
            }
        }
    }
    best
}

/// `r` (as a drag with `handle` made it) snapped to the nearest of `lines` within `within`
/// pixels in each direction: a move shifts the box so an edge or its centre lies on a line; a
/// resize moves only the edges the handle moves. Returns the box and the lines it lies on
/// (the guides to draw).
pub fn snap(r: Rect, handle: Option<Handle>, lines: &(Vec<f32>, Vec<f32>), within: f32) -> (Rect, Vec<f32>, Vec<f32>) {
    let mut r = r;
    match handle {
        None => {
            if let Some(d) = nearest(&[r.x, r.x + r.w / 2.0, r.x + r.w], &lines.0, within) {
                r.x += d;
            }
            if let Some(d) = nearest(&[r.y, r.y + r.h / 2.0, r.y + r.h], &lines.1, within) {
                r.y += d;
            }
        }
        Some(h) => {
            let (x1, y1) = (r.x + r.w, r.y + r.h);
            match h.hx {
                -1 => {
                    if let Some(d) = nearest(&[r.x], &lines.0, within).filter(|d| r.w - d >= MIN_SIDE) {
                        r.x += d;
                        r.w = x1 - r.x;
                    }
                }
                1 => {
                    if let Some(d) = nearest(&[x1], &lines.0, within).filter(|d| r.w + d >= MIN_SIDE) {
                        r.w += d;
                    }
                }
                _ => {}
            }
            match h.hy {
                -1 => {
                    if let Some(d) = nearest(&[r.y], &lines.1, within).filter(|d| r.h - d >= MIN_SIDE) {
                        r.y += d;
                        r.h = y1 - r.y;
                    }
                }
                1 => {
                    if let Some(d) = nearest(&[y1], &lines.1, within).filter(|d| r.h + d >= MIN_SIDE) {
                        r.h += d;
                    }
                }
                _ => {}
            }
        }
    }
    let on = |edges: [f32; 3], lines: &[f32]| -> Vec<f32> {
        let mut v: Vec<f32> = lines.iter().copied().filter(|l| edges.iter().any(|e| (e - l).abs() < 0.5)).collect();
        v.sort_by(f32::total_cmp);
        v.dedup_by(|a, b| (*a - *b).abs() < 0.5);
        v
    };
    let xs = on([r.x, r.x + r.w / 2.0, r.x + r.w], &lines.0);
    let ys = on([r.y, r.y + r.h / 2.0, r.y + r.h], &lines.1);
    (r, xs, ys)
}

/// Whether a number, as the layout reads it, is a ratio (at most 1) rather than pixels.
fn is_ratio(n: &Num) -> bool {
    n.value().abs() <= 1.0
}

/// Whether the fields of a box, taken together, are written as ratios: pixels as soon as one
/// non-zero value is pixels (0 says nothing: it is both); ratios when nothing says.
fn ratios(fields: &[Option<&Num>]) -> bool {
    !fields.iter().flatten().any(|n| n.value() != 0.0 && !is_ratio(n))
}

/// `px` output pixels of a side `full` long, in the form `slot` has (or `ratio` when it says
/// nothing): a ratio rounded to 6 places (a pixel of an 8K frame), or whole pixels. Never
/// negative; pixels of 1 or less would read as a ratio, so they become 0.
fn write(slot: &mut Option<Num>, px: f32, full: f32, ratio: bool) {
    let px = f64::from(px.max(0.0));
    let full = f64::from(full.max(1.0));
    let quoted = slot.as_ref().is_some_and(|n| n.quoted);
    let ratio = match slot.as_ref() {
        Some(n) if n.value() != 0.0 => is_ratio(n),
        _ => ratio,
    };
    let n = if ratio && px <= full {
        Num::float(((px / full) * 1e6).round() / 1e6)
    } else {
        let v = px.round();
        Some(Num::int(if v <= 1.0 { 0 } else { v as i64 }))
    };
    if let Some(mut n) = n {
        n.quoted = quoted;
        *slot = Some(n);
    }
}

/// `clip` with the layer `p` placed at `to` on a `frame` (width, height) output; `resized` when
/// the size changed (a text's font then scales with it).
pub fn placed_clip(clip: &Clip, p: &Placed, to: Rect, frame: (f32, f32), resized: bool) -> Clip {
    let mut c = clip.clone();
    let (fw, fh) = frame;
    match &p.kind {
        Kind::Boxed | Kind::Stretched { .. } => {
            let area: &mut Area = &mut c.area;
            let ratio = ratios(&[area.x.as_ref(), area.y.as_ref(), area.width.as_ref(), area.height.as_ref()]);
            write(&mut area.x, to.x, fw, ratio);
            write(&mut area.y, to.y, fh, ratio);
            // A fitted video without both sides fills the frame from 0,0 whatever X/Y say, so
            // its box is written whole; an overlay keeps following its image until resized.
            let (w, h) = match p.kind {
                Kind::Stretched { has_w, has_h } => (resized || has_w, resized || has_h),
                _ => (true, true),
            };
            if w {
                write(&mut area.width, to.w, fw, ratio);
            }
            if h {
                write(&mut area.height, to.h, fh, ratio);
            }
        }
        Kind::Region => {
            let Some(Effect::Known(k)) = p.owner.effect.and_then(|i| c.effects.get_mut(i)) else { return c };
            let ratio = ratios(&[k.x.as_ref(), k.y.as_ref(), k.width.as_ref(), k.height.as_ref()]);
            write(&mut k.x, to.x, fw, ratio);
            write(&mut k.y, to.y, fh, ratio);
            write(&mut k.width, to.w, fw, ratio);
            write(&mut k.height, to.h, fh, ratio);
        }
        Kind::Text(t) => {
            let (ax, ay) = (to.x + t.anchor.0 * to.w, to.y + t.anchor.1 * to.h);
            let scale = if (to.h - p.rect.h).abs() > 0.01 && p.rect.h > 0.0 {
                to.h / p.rect.h
            } else if p.rect.w > 0.0 {
                to.w / p.rect.w
            } else {
                1.0
            };
            let size =
                (resized && (scale - 1.0).abs() > 1e-3).then(|| Num::int((t.size * scale).round().max(1.0) as i64));
            let (x, y, font_size) = match p.owner.effect {
                Some(i) => match c.effects.get_mut(i) {
                    Some(Effect::Known(k)) => (&mut k.x, &mut k.y, &mut k.font_size),
                    _ => return c,
                },
                None => {
                    let style = &mut *c.style;
                    let font_size = &mut style.font_size;
                    let area = &mut *c.area;
                    (&mut area.x, &mut area.y, font_size)
                }
            };
            let ratio = ratios(&[x.as_ref(), y.as_ref()]);
            write(x, ax, fw, ratio);
            write(y, ay, fh, ratio);
            if let Some(s) = size {
                *font_size = Some(s);
            }
        }
    }
    c
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compose::{active_by_layout, plan_at};
    use crate::model::Time;
    use crate::model::export::import_timeline_str;

    const TIMELINE: &str = r#"{"VideoTracks":[{"VideoTrackClips":[{"MediaId":"a","Out":4,
            "Effects":[{"Type":"Text","Content":"Hi","X":0.5,"Y":0.1,"FontSize":40,"Alignment":"TopCenter"}]}]},
          {"VideoTrackClips":[{"MediaId":"b","Out":4,"X":100,"Y":50,"Width":640,"Height":360}]}],
        "ImageTracks":[{"ImageTrackClips":[{"ImageId":"logo","X":0.75,"Y":0.05,"Width":0.2,"Height":0.2,"TimelineIn":0,"TimelineOut":4}]}]}"#;

    fn layers() -> (crate::model::Project, Vec<Placed>) {
        let p = import_timeline_str(TIMELINE).unwrap();
        let t = Time::from_secs(1);
        let plan = plan_at(&p, t, (1280, 720), &active_by_layout(&p, t));
        let placed = placed(&plan, &|_| None);
        (p, placed)
    }

    fn close(a: Rect, b: Rect) -> bool {
        (a.x - b.x).abs() < 0.01 && (a.y - b.y).abs() < 0.01 && (a.w - b.w).abs() < 0.01 && (a.h - b.h).abs() < 0.01
    }

    #[test]
    fn the_topmost_layer_under_the_point_is_picked() {
        let (_, l) = layers();
        let owners: Vec<_> = l.iter().map(|p| (p.owner.track, p.owner.effect)).collect();
        // V1's picture, its text, V2's picture in a box, the overlay (tracks: V1, V2, the image track).
        assert_eq!(owners, vec![(0, None), (0, Some(0)), (1, None), (2, None)]);
        assert!(close(l[2].rect, Rect { x: 100.0, y: 50.0, w: 640.0, h: 360.0 }), "{:?}", l[2].rect);
        assert!(close(l[3].rect, Rect { x: 960.0, y: 36.0, w: 256.0, h: 144.0 }), "{:?}", l[3].rect);
        assert_eq!(topmost(&l, (1000.0, 100.0)), Some(3), "the overlay");
        assert_eq!(topmost(&l, (200.0, 200.0)), Some(2), "the picture-in-picture over V1");
        assert_eq!(topmost(&l, (20.0, 700.0)), Some(0), "V1 alone at the bottom left");
        let text = l[1].rect;
        assert!(text.w > 20.0 && text.h > 20.0 && (text.x + text.w / 2.0 - 640.0).abs() < 1.0, "{text:?}");
        // The text's box is under the picture-in-picture where they overlap, on top elsewhere.
        assert_eq!(topmost(&l, (640.0, text.y + text.h / 2.0)), Some(2));
    }

    #[test]
    fn handles_resize_from_the_opposite_edge_and_shift_keeps_the_aspect() {
        let r = Rect { x: 100.0, y: 100.0, w: 200.0, h: 100.0 };
        let br = Handle { hx: 1, hy: 1 };
        assert!(close(dragged(r, None, (10.0, -5.0), false), Rect { x: 110.0, y: 95.0, ..r }));
        assert!(close(dragged(r, Some(br), (50.0, 10.0), false), Rect { w: 250.0, h: 110.0, ..r }));
        assert!(close(dragged(r, Some(br), (50.0, 10.0), true), Rect { w: 250.0, h: 125.0, ..r }), "x1.25");
        let tl = Handle { hx: -1, hy: -1 };
        assert!(close(dragged(r, Some(tl), (-20.0, 0.0), true), Rect { x: 80.0, y: 90.0, w: 220.0, h: 110.0 }));
        let right = Handle { hx: 1, hy: 0 };
        assert!(close(dragged(r, Some(right), (100.0, 0.0), true), Rect { x: 100.0, y: 75.0, w: 300.0, h: 150.0 }));
        let left = Handle { hx: -1, hy: 0 };
        assert!(
            close(dragged(r, Some(left), (500.0, 0.0), false), Rect { x: 292.0, w: MIN_SIDE, ..r }),
            "never inside out"
        );
        let top = HANDLES[1];
        assert_eq!(top.point(r), (200.0, 100.0));
    }

    #[test]
    fn snapping_takes_the_nearest_guide_and_names_the_lines_held() {
        let lines = snap_lines((1280.0, 720.0), &[Rect { x: 400.0, y: 400.0, w: 100.0, h: 100.0 }]);
        // A move: the centre 4 px right of the frame's centre line, the top 3 px below 5 %.
        let r = Rect { x: 544.0, y: 39.0, w: 200.0, h: 100.0 };
        let (s, xs, ys) = snap(r, None, &lines, 6.0);
        assert!(close(s, Rect { x: 540.0, y: 36.0, ..r }), "{s:?}");
        assert_eq!((xs, ys), (vec![640.0], vec![36.0]));
        // Out of reach: nothing moves, nothing is drawn.
        let (s, xs, ys) = snap(Rect { x: 700.0, y: 200.0, ..r }, None, &lines, 6.0);
        assert_eq!((s.x, s.y, xs.len(), ys.len()), (700.0, 200.0, 0, 0));
        // A resize by the right handle: only the right edge snaps, to the other layer's left.
        let r = Rect { x: 100.0, y: 200.0, w: 297.0, h: 50.0 };
        let (s, xs, _) = snap(r, Some(Handle { hx: 1, hy: 0 }), &lines, 6.0);
        assert!(close(s, Rect { w: 300.0, ..r }), "{s:?}");
        assert_eq!(xs, vec![400.0]);
    }

    #[test]
    fn a_box_is_written_in_the_form_its_numbers_have() {
        let (p, l) = layers();
        let frame = (1280.0, 720.0);
        // The overlay is in ratios: it stays in ratios.
        let logo = &p.tracks[2].clips[0];
        let moved = placed_clip(logo, &l[3], Rect { x: 640.0, y: 72.0, ..l[3].rect }, frame, false);
        let v = |n: &Option<Num>| n.as_ref().map(|n| n.to_string());
        assert_eq!((v(&moved.area.x), v(&moved.area.y)), (Some("0.5".into()), Some("0.1".into())));
        assert_eq!(v(&moved.area.width), Some("0.2".into()), "untouched");
        // The picture-in-picture is in pixels: whole pixels.
        let pip = &p.tracks[1].clips[0];
        let to = Rect { x: 120.4, y: 60.0, w: 320.0, h: 180.0 };
        let resized = placed_clip(pip, &l[2], to, frame, true);
        let got: Vec<_> = [&resized.area.x, &resized.area.y, &resized.area.width, &resized.area.height].map(v).into();
        assert_eq!(got, ["120", "60", "320", "180"].map(|s| Some(s.to_owned())));
        // Moved to the very edge: 1 px would read as the whole frame, so it is 0.
        let edge = placed_clip(pip, &l[2], Rect { x: 0.8, ..to }, frame, false);
        assert_eq!(v(&edge.area.x), Some("0".into()));
        // A ratio pushed past the frame is written in pixels (a ratio cannot say it).
        let past = placed_clip(logo, &l[3], Rect { x: 1300.0, ..l[3].rect }, frame, false);
        assert_eq!(v(&past.area.x), Some("1300".into()));
        // A full-frame video moved gets its whole box (without it X/Y are ignored).
        let main = &p.tracks[0].clips[0];
        let m = placed_clip(main, &l[0], Rect { x: 64.0, y: 36.0, w: 640.0, h: 360.0 }, frame, true);
        let got: Vec<_> = [&m.area.x, &m.area.y, &m.area.width, &m.area.height].map(v).into();
        assert_eq!(got, ["0.05", "0.05", "0.5", "0.5"].map(|s| Some(s.to_owned())));
    }

    #[test]
    fn a_text_moves_its_anchor_and_a_resize_scales_its_font() {
        let (p, l) = layers();
        let main = &p.tracks[0].clips[0];
        let r = l[1].rect;
        let moved = placed_clip(main, &l[1], Rect { x: r.x + 128.0, y: r.y + 36.0, ..r }, (1280.0, 720.0), false);
        let Effect::Known(k) = &moved.effects[0] else { panic!() };
        assert_eq!((k.x.as_ref().map(Num::value), k.y.as_ref().map(Num::value)), (Some(0.6), Some(0.15)));
        assert_eq!(k.font_size.as_ref().map(Num::value), Some(40.0), "a move keeps the size");
        let twice = dragged(r, Some(Handle { hx: 1, hy: 1 }), (r.w, r.h), true);
        let bigger = placed_clip(main, &l[1], twice, (1280.0, 720.0), true);
        let Effect::Known(k) = &bigger.effects[0] else { panic!() };
        assert_eq!(k.font_size.as_ref().map(Num::value), Some(80.0));
    }

    #[test]
    fn a_dewatermark_region_is_a_layer_placed_by_its_box_and_drawn_by_nothing() {
        let p = import_timeline_str(
            r#"{"VideoTracks":[{"VideoTrackClips":[{"MediaId":"a","Out":4,"Effects":[{"Type":"DeWatermark","SubType":"Delogo_Blur","X":960,"Y":36,"Width":0.2},{"Type":"DeWatermark","TimelineIn":3}]}]}]}"#,
        )
        .unwrap();
        let t = Time::from_secs(1);
        let plan = plan_at(&p, t, (1280, 720), &active_by_layout(&p, t));
        let all = placed(&plan, &|_| None);
        // The clip's picture, then its region above it (picked first); the second starts at 3 s.
        assert_eq!(all.len(), 2, "{all:?}");
        let r = &all[1];
        assert_eq!((r.kind.clone(), r.owner.effect), (Kind::Region, Some(0)));
        assert!(close(r.rect, Rect { x: 960.0, y: 36.0, w: 256.0, h: 72.0 }), "no Height: a tenth of the frame");
        assert_eq!(topmost(&all, (1000.0, 50.0)), Some(1));
        let moved =
            placed_clip(&p.tracks[0].clips[0], r, Rect { x: 900.0, y: 40.0, w: 128.0, h: 90.0 }, (1280.0, 720.0), true);
        let Effect::Known(k) = &moved.effects[0] else { panic!() };
        let got = [&k.x, &k.y, &k.width, &k.height].map(|n| n.as_ref().map(|n| n.to_string()).unwrap_or_default());
        assert_eq!(got, ["900", "40", "0.1", "90"], "each keeps its form; the missing Height takes the box's (pixels)");
        // Nothing is drawn for it: the still is the same without it.
        let without = crate::compose::Plan { layers: plan.layers[..1].to_vec(), ..plan.clone() };
        let none = std::collections::HashMap::new();
        assert_eq!(crate::compose::compose(&plan, &none, None), crate::compose::compose(&without, &none, None));
    }
}
