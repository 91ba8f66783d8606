//! The pixels of a transition: the outgoing and the incoming clip, each drawn on a clear
//! layer of its own, made into one layer by the transition's rule at its progress, then laid
//! on the frame. Only the area the two pictures cover is worked on.

use super::filters::{luma, span};
use super::image::{Canvas, Rect};
use super::looks::{Direction, TransitionLook};

/// Straight RGBA, 0..255 as floats.
type Px = [f32; 4];

fn px(buf: &[u8], i: usize) -> Px {
    [buf[i] as f32, buf[i + 1] as f32, buf[i + 2] as f32, buf[i + 3] as f32]
}

/// `a` and `b` mixed by `w` (0: a, 1: b), weighting colours by their alpha so a clear pixel
/// lends no colour.
fn mix(a: Px, b: Px, w: f32) -> Px {
    let w = w.clamp(0.0, 1.0);
    let alpha = a[3] * (1.0 - w) + b[3] * w;
    if alpha <= 0.0 {
        return [0.0; 4];
    }
    let mut out = [0.0; 4];
    for k in 0..3 {
        out[k] = (a[k] * a[3] * (1.0 - w) + b[k] * b[3] * w) / alpha;
    }
    out[3] = alpha;
    out
}

fn grey(p: Px) -> Px {
    let l = luma(p[0], p[1], p[2]);
    [l, l, l, p[3]]
}

fn smoothstep(e0: f32, e1: f32, x: f32) -> f32 {
    let t = ((x - e0) / (e1 - e0)).clamp(0.0, 1.0);
    t * t * (3.0 - 2.0 * t)
}

/// The layer pixel at canvas position (x, y) with continuous coordinates `at` sampled
/// (nearest), clear outside the canvas.
fn at(buf: &[u8], w: usize, h: usize, fx: f32, fy: f32) -> Px {
    if fx < 0.0 || fy < 0.0 {
        return [0.0; 4];
    }
    let (x, y) = (fx as usize, fy as usize);
    if x >= w || y >= h { [0.0; 4] } else { px(buf, (y * w + x) * 4) }
}

/// Lays `from` and `into` (clear layers the canvas's size) on `canvas` as `look` at
/// `progress` (0: all `from`, 1: all `into`), inside `area` (canvas pixels).
pub fn draw(canvas: &mut Canvas, from: &[u8], into: &[u8], area: Rect, look: TransitionLook, progress: f32) {
    let p = progress.clamp(0.0, 1.0);
    let (x0, x1, y0, y1) = span(canvas, area);
    let (w, h) = (canvas.width as usize, canvas.height as usize);
    let (aw, ah) = ((x1 - x0) as f32, (y1 - y0) as f32);
    let (cx, cy) = (x0 as f32 + aw / 2.0, y0 as f32 + ah / 2.0);
    for y in y0..y1 {
        for x in x0..x1 {
            let i = (y * w + x) * 4;
            let (a, b) = (px(from, i), px(into, i));
            let (fx, fy) = (x as f32 + 0.5, y as f32 + 0.5);
            // Position in the area, 0..1 across and down.
            let (u, v) = ((fx - x0 as f32) / aw.max(1.0), (fy - y0 as f32) / ah.max(1.0));
            let out = match look {
                TransitionLook::Dissolve => mix(a, b, p),
                TransitionLook::ThroughColour(c) => {
                    let colour = [c[0] as f32, c[1] as f32, c[2] as f32, 255.0];
                    if p < 0.5 { mix(a, colour, p * 2.0) } else { mix(colour, b, p * 2.0 - 1.0) }
                }
                // gl-transitions' fadegrayscale (intensity 0.3).
                TransitionLook::ThroughGrey => {
                    mix(mix(grey(a), a, smoothstep(0.7, 0.0, p)), mix(grey(b), b, smoothstep(0.3, 1.0, p)), p)
                }
                TransitionLook::Wipe(d) => {
                    let reached = match d {
                        Direction::Right => u < p,
                        Direction::Left => 1.0 - u < p,
                        Direction::Down => v < p,
                        Direction::Up => 1.0 - v < p,
                    };
                    if reached { b } else { a }
                }
                // gl-transitions' circleopen: distances in the frame's own units (an ellipse).
                TransitionLook::EllipseOpen => {
                    let d = 2f32.sqrt() * ((u - 0.5).powi(2) + (v - 0.5).powi(2)).sqrt();
                    mix(a, b, 1.0 - smoothstep(-0.3, 0.0, d - p * 1.3))
                }
                TransitionLook::Iris { circle } => {
                    // gl-transitions' CircleCrop (a circle, its radius in widths, cubic) and
                    // circle (an ellipse, linear), each through its colour at the middle.
                    let (inside, colour) = if circle {
                        let d = ((fx - cx).powi(2) + (fy - cy).powi(2)).sqrt() / aw.max(1.0);
                        (d < (2.0 * (p - 0.5).abs()).powi(3), [0.0, 0.0, 0.0, 255.0])
                    } else {
                        let d = ((u - 0.5).powi(2) + (v - 0.5).powi(2)).sqrt();
                        (d < 8f32.sqrt() * (p - 0.5).abs(), [25.5, 25.5, 25.5, 255.0])
                    };
                    match (inside, p < 0.5) {
                        (false, _) => colour,
                        (true, true) => a,
                        (true, false) => b,
                    }
                }
                // gl-transitions' simplezoom (zoom_quickness 0.8).
                TransitionLook::Zoom => {
                    let z = 1.0 - smoothstep(0.0, 0.8, p);
                    let zoomed = at(from, w, h, cx + (fx - cx) * z, cy + (fy - cy) * z);
                    mix(zoomed, b, smoothstep(0.6, 1.0, p))
                }
                // gl-transitions' pixelize (20 squares at the least, 50 steps).
                TransitionLook::Pixelize => {
                    let d = p.min(1.0 - p);
                    let dist = (d * 50.0).ceil() / 50.0;
                    if dist <= 0.0 {
                        mix(a, b, p)
                    } else {
                        let size = 2.0 * dist / 20.0;
                        let (su, sv) = (((u / size).floor() + 0.5) * size, ((v / size).floor() + 0.5) * size);
                        let (sx, sy) = (x0 as f32 + su * aw, y0 as f32 + sv * ah);
                        mix(at(from, w, h, sx, sy), at(into, w, h, sx, sy), p)
                    }
                }
            };
            blend_px(&mut canvas.rgba[i..i + 4], out);
        }
    }
}

/// Lays a straight-alpha pixel on an opaque canvas pixel.
fn blend_px(dst: &mut [u8], src: Px) {
    let a = (src[3] / 255.0).clamp(0.0, 1.0);
    if a <= 0.0 {
        return;
    }
    for k in 0..3 {
        dst[k] = (src[k] * a + dst[k] as f32 * (1.0 - a)).round().clamp(0.0, 255.0) as u8;
    }
    dst[3] = 255;
}

#[cfg(test)]
mod tests {
    use super::*;

    const RED: [u8; 4] = [250, 0, 0, 255];
    const BLUE: [u8; 4] = [0, 0, 250, 255];

    fn run(look: TransitionLook, p: f32) -> Canvas {
        let (from, into) = (Canvas::new(40, 20, RED), Canvas::new(40, 20, BLUE));
        let mut c = Canvas::new(40, 20, [0, 0, 0, 255]);
        draw(&mut c, &from.rgba, &into.rgba, Rect { x: 0.0, y: 0.0, w: 40.0, h: 20.0 }, look, p);
        c
    }

    fn at(c: &Canvas, x: usize, y: usize) -> [u8; 4] {
        let i = (y * c.width as usize + x) * 4;
        [c.rgba[i], c.rgba[i + 1], c.rgba[i + 2], c.rgba[i + 3]]
    }

    #[test]
    fn a_cross_dissolve_is_the_mean_at_its_middle_and_each_end_is_one_picture() {
        assert_eq!(at(&run(TransitionLook::Dissolve, 0.5), 10, 10), [125, 0, 125, 255]);
        assert_eq!(at(&run(TransitionLook::Dissolve, 0.0), 10, 10), RED);
        assert_eq!(at(&run(TransitionLook::Dissolve, 1.0), 10, 10), BLUE);
    }

    #[test]
    fn wipes_move_their_edge_the_named_way() {
        // Wipe right (向右擦除): the new picture comes in from the left; the old stays right.
        let c = run(TransitionLook::Wipe(Direction::Right), 0.5);
        assert_eq!((at(&c, 5, 10), at(&c, 19, 10), at(&c, 20, 10), at(&c, 35, 10)), (BLUE, BLUE, RED, RED));
        let c = run(TransitionLook::Wipe(Direction::Left), 0.25);
        assert_eq!((at(&c, 5, 10), at(&c, 29, 10), at(&c, 31, 10)), (RED, RED, BLUE));
        let c = run(TransitionLook::Wipe(Direction::Down), 0.5);
        assert_eq!((at(&c, 20, 2), at(&c, 20, 17)), (BLUE, RED), "down: the new one from the top");
        let c = run(TransitionLook::Wipe(Direction::Up), 0.5);
        assert_eq!((at(&c, 20, 2), at(&c, 20, 17)), (RED, BLUE), "up: the new one from the bottom");
    }

    #[test]
    fn fades_through_black_and_grey() {
        let c = run(TransitionLook::ThroughColour([0, 0, 0]), 0.5);
        assert_eq!(at(&c, 10, 10), [0, 0, 0, 255], "black at the middle");
        let quarter = at(&run(TransitionLook::ThroughColour([0, 0, 0]), 0.25), 10, 10);
        assert_eq!(quarter, [125, 0, 0, 255], "half way to black: the old picture, darker");
        let g = at(&run(TransitionLook::ThroughGrey, 0.5), 10, 10);
        assert!(g[0].abs_diff(g[2]) < 20 && g[1] > 40, "greyish at the middle: {g:?}");
    }

    #[test]
    fn shapes_open_from_the_centre() {
        let c = run(TransitionLook::EllipseOpen, 0.5);
        assert_eq!((at(&c, 20, 10), at(&c, 0, 0)), (BLUE, RED), "the new one inside the ellipse");
        assert_eq!(at(&run(TransitionLook::EllipseOpen, 1.0), 0, 0), BLUE, "all of it at the end");
        let c = run(TransitionLook::Iris { circle: true }, 0.25);
        assert_eq!((at(&c, 20, 10), at(&c, 0, 0)), (RED, [0, 0, 0, 255]), "closing on the old one");
        let c = run(TransitionLook::Iris { circle: true }, 0.75);
        assert_eq!((at(&c, 20, 10), at(&c, 0, 0)), (BLUE, [0, 0, 0, 255]), "opening on the new one");
        assert_eq!(at(&run(TransitionLook::Iris { circle: true }, 0.0), 0, 0), RED, "the whole frame at first");
        let c = run(TransitionLook::Iris { circle: false }, 0.5);
        assert_eq!(at(&c, 20, 10), [26, 26, 26, 255], "dark grey at the middle");
        let c = run(TransitionLook::Iris { circle: false }, 0.7);
        assert_eq!((at(&c, 20, 10), at(&c, 0, 0)), (BLUE, [26, 26, 26, 255]));
        assert_eq!(at(&run(TransitionLook::Zoom, 1.0), 3, 3), BLUE);
        assert_eq!(at(&run(TransitionLook::Zoom, 0.0), 3, 3), RED);
        assert_eq!(at(&run(TransitionLook::Pixelize, 0.5), 20, 10), [125, 0, 125, 255]);
    }

    #[test]
    fn clear_parts_of_a_layer_lend_no_colour() {
        let from = Canvas::new(4, 4, [0, 0, 0, 0]);
        let into = Canvas::new(4, 4, BLUE);
        let mut c = Canvas::new(4, 4, [0, 200, 0, 255]);
        draw(&mut c, &from.rgba, &into.rgba, Rect { x: 0.0, y: 0.0, w: 4.0, h: 4.0 }, TransitionLook::Dissolve, 0.5);
        assert_eq!(at(&c, 1, 1), [0, 100, 125, 255], "half blue over the green below, no black");
    }
}
