//! The pixels of the filters and VFX of `looks.rs`, worked on a canvas inside an area (the
//! picture's place, or the effect's region). Only the area is read and written, so an effect
//! costs in proportion to what it covers, and only on the frames it covers.

use super::image::{Canvas, Rect};
use super::looks::{Grade, Look};

/// Canvas pixels whose centres fall in `r`: (x0, x1, y0, y1), clipped to the canvas.
pub fn span(c: &Canvas, r: Rect) -> (usize, usize, usize, usize) {
    let clamp = |v: f32, max: u32| (v.round().max(0.0) as usize).min(max as usize);
    (clamp(r.x, c.width), clamp(r.x + r.w, c.width), clamp(r.y, c.height), clamp(r.y + r.h, c.height))
}

fn scaled(r: Rect, zoom: f32) -> Rect {
    Rect { x: r.x * zoom, y: r.y * zoom, w: r.w * zoom, h: r.h * zoom }
}

fn intersect(a: Rect, b: Rect) -> Rect {
    let (x0, y0) = (a.x.max(b.x), a.y.max(b.y));
    let (x1, y1) = ((a.x + a.w).min(b.x + b.w), (a.y + a.h).min(b.y + b.h));
    Rect { x: x0, y: y0, w: (x1 - x0).max(0.0), h: (y1 - y0).max(0.0) }
}

/// BT.601 luma of 8-bit RGB.
pub fn luma(r: f32, g: f32, b: f32) -> f32 {
    0.299 * r + 0.587 * g + 0.114 * b
}

/// Applies `look` to `c` inside `area` (canvas pixels); lengths in the look are output
/// pixels, `zoom` canvas pixels per output pixel.
pub fn apply(c: &mut Canvas, look: &Look, area: Rect, zoom: f32) {
    match look {
        Look::Grey(amount) => per_pixel(c, area, |px| grey(px, *amount)),
        Look::Grade(g) => grade(c, g, area),
        Look::Blur { radius, horizontal, vertical, region } => {
            let area = region.map_or(area, |r| intersect(area, scaled(r, zoom)));
            let r = (radius * zoom).round().max(1.0) as usize;
            blur(c, area, r, *horizontal, *vertical);
        }
        Look::Mosaic { cell, region } => {
            let area = region.map_or(area, |r| intersect(area, scaled(r, zoom)));
            mosaic(c, area, (cell * zoom).round().max(1.0) as usize);
        }
        Look::Zoom(s) => zoom_in(c, area, *s),
    }
}

fn per_pixel(c: &mut Canvas, area: Rect, f: impl Fn(&mut [u8])) {
    let (x0, x1, y0, y1) = span(c, area);
    let stride = c.width as usize * 4;
    for y in y0..y1 {
        for px in c.rgba[y * stride + x0 * 4..y * stride + x1 * 4].chunks_exact_mut(4) {
            f(px);
        }
    }
}

fn grey(px: &mut [u8], amount: f32) {
    let l = luma(px[0] as f32, px[1] as f32, px[2] as f32);
    if amount >= 1.0 {
        // Exactly R = G = B: greyscale means equal channels, not nearly equal.
        let v = l.round().clamp(0.0, 255.0) as u8;
        px[..3].copy_from_slice(&[v, v, v]);
        return;
    }
    for v in &mut px[..3] {
        *v = (*v as f32 + (l - *v as f32) * amount).round().clamp(0.0, 255.0) as u8;
    }
}

/// The RGB of black-body light at `kelvin`, 0..1 (Tanner Helland's fit, good to a few
/// percent over 1000-40000 K).
fn kelvin_rgb(kelvin: f32) -> [f32; 3] {
    let t = kelvin / 100.0;
    let r = if t <= 66.0 { 255.0 } else { 329.699 * (t - 60.0).powf(-0.133_204_76) };
    let g = if t <= 66.0 { 99.470_8 * t.ln() - 161.119_57 } else { 288.122_16 * (t - 60.0).powf(-0.075_514_85) };
    let b = if t >= 66.0 {
        255.0
    } else if t <= 19.0 {
        0.0
    } else {
        138.517_73 * (t - 10.0).ln() - 305.044_8
    };
    [r, g, b].map(|v| v.clamp(0.0, 255.0) / 255.0)
}

fn grade(c: &mut Canvas, g: &Grade, area: Rect) {
    let (x0, x1, y0, y1) = span(c, area);
    let contrast = 1.0 + g.contrast / 100.0;
    let saturation = 1.0 + g.saturation / 100.0;
    let light = kelvin_rgb(g.kelvin);
    let white = kelvin_rgb(6500.0);
    let warm: [f32; 3] = std::array::from_fn(|k| 1.0 + (light[k] / white[k].max(1e-3) - 1.0) * g.temperature_ratio);
    let tint = [1.0 + g.tint / 400.0, 1.0 - g.tint / 200.0, 1.0 + g.tint / 400.0];
    let (cx, cy) = ((x0 + x1) as f32 / 2.0, (y0 + y1) as f32 / 2.0);
    let (hw, hh) = (((x1 - x0) as f32 / 2.0).max(1.0), ((y1 - y0) as f32 / 2.0).max(1.0));
    let stride = c.width as usize * 4;
    for y in y0..y1 {
        let v = (y as f32 + 0.5 - cy) / hh;
        for x in x0..x1 {
            let px = &mut c.rgba[y * stride + x * 4..][..4];
            let mut rgb = [px[0] as f32, px[1] as f32, px[2] as f32];
            for v in &mut rgb {
                *v = (*v + g.brightness - 128.0) * contrast + 128.0;
            }
            let l = luma(rgb[0], rgb[1], rgb[2]);
            let u = (x as f32 + 0.5 - cx) / hw;
            // Darker towards the corners: the full `vignette` at a corner, nothing at the centre.
            let shade = 1.0 - g.vignette * ((u * u + v * v) / 2.0).min(1.0);
            for k in 0..3 {
                let s = (l + (rgb[k] - l) * saturation) * warm[k] * tint[k] * shade;
                px[k] = s.round().clamp(0.0, 255.0) as u8;
            }
        }
    }
}

/// Three box blurs of radius `r` approach a gaussian (sigma about r).
fn blur(c: &mut Canvas, area: Rect, r: usize, horizontal: bool, vertical: bool) {
    let (x0, x1, y0, y1) = span(c, area);
    if x0 >= x1 || y0 >= y1 {
        return;
    }
    let stride = c.width as usize * 4;
    let (mut line, mut rows, mut sums) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..3 {
        if horizontal {
            for y in y0..y1 {
                box_line(&mut c.rgba, y * stride + x0 * 4, x1 - x0, r, &mut line);
            }
        }
        if vertical {
            box_columns(&mut c.rgba, stride, (x0, x1, y0, y1), r, &mut rows, &mut sums);
        }
    }
}

/// The vertical box blur of the area's columns, a whole row at a time (rows are contiguous,
/// columns are not: going down each column was most of a blur's time), one running sum per
/// byte of a row; edges held.
fn box_columns(
    buf: &mut [u8],
    stride: usize,
    (x0, x1, y0, y1): (usize, usize, usize, usize),
    r: usize,
    rows: &mut Vec<u8>,
    sums: &mut Vec<u32>,
) {
    let (w, n) = ((x1 - x0) * 4, y1 - y0);
    rows.clear();
    for y in y0..y1 {
        rows.extend_from_slice(&buf[y * stride + x0 * 4..][..w]);
    }
    let row = |i: isize| {
        let i = i.clamp(0, n as isize - 1) as usize;
        &rows[i * w..(i + 1) * w]
    };
    let (ri, width) = (r as isize, (2 * r + 1) as u32);
    sums.clear();
    sums.resize(w, 0);
    for i in -ri..=ri {
        for (s, v) in sums.iter_mut().zip(row(i)) {
            *s += u32::from(*v);
        }
    }
    for i in 0..n {
        let out = &mut buf[(y0 + i) * stride + x0 * 4..][..w];
        for (o, s) in out.iter_mut().zip(sums.iter()) {
            *o = ((s + width / 2) / width) as u8;
        }
        let (add, sub) = (row(i as isize + ri + 1), row(i as isize - ri));
        for ((s, a), b) in sums.iter_mut().zip(add).zip(sub) {
            *s = *s + u32::from(*a) - u32::from(*b);
        }
    }
}

/// A running-sum box blur of the `n` pixels of a row from `start` (edges held).
fn box_line(buf: &mut [u8], start: usize, n: usize, r: usize, line: &mut Vec<[u32; 4]>) {
    let step = 4;
    line.clear();
    line.extend((0..n).map(|i| {
        let p = &buf[start + i * step..][..4];
        [p[0] as u32, p[1] as u32, p[2] as u32, p[3] as u32]
    }));
    let at = |i: isize| line[i.clamp(0, n as isize - 1) as usize];
    let (ri, width) = (r as isize, (2 * r + 1) as u32);
    let mut sum = [0u32; 4];
    for i in -ri..=ri {
        let p = at(i);
        for k in 0..4 {
            sum[k] += p[k];
        }
    }
    for i in 0..n {
        let p = &mut buf[start + i * step..][..4];
        for k in 0..4 {
            p[k] = ((sum[k] + width / 2) / width) as u8;
        }
        let (add, sub) = (at(i as isize + ri + 1), at(i as isize - ri));
        for k in 0..4 {
            sum[k] = sum[k] + add[k] - sub[k];
        }
    }
}

/// Cells of `cell` pixels (from the area's corner), each filled with its mean.
fn mosaic(c: &mut Canvas, area: Rect, cell: usize) {
    let (x0, x1, y0, y1) = span(c, area);
    let stride = c.width as usize * 4;
    for cy in (y0..y1).step_by(cell.max(1)) {
        for cx in (x0..x1).step_by(cell.max(1)) {
            let (ex, ey) = ((cx + cell).min(x1), (cy + cell).min(y1));
            let mut sum = [0u64; 4];
            for y in cy..ey {
                for p in c.rgba[y * stride + cx * 4..y * stride + ex * 4].chunks_exact(4) {
                    for k in 0..4 {
                        sum[k] += p[k] as u64;
                    }
                }
            }
            let n = ((ex - cx) * (ey - cy)) as u64;
            let mean = sum.map(|s| ((s + n / 2) / n.max(1)) as u8);
            for y in cy..ey {
                for p in c.rgba[y * stride + cx * 4..y * stride + ex * 4].chunks_exact_mut(4) {
                    p.copy_from_slice(&mean);
                }
            }
        }
    }
}

/// The area's pixels scaled by `s` about its centre (bilinear), cropped to the area.
fn zoom_in(c: &mut Canvas, area: Rect, s: f32) {
    if s <= 1.0 {
        return;
    }
    let (x0, x1, y0, y1) = span(c, area);
    if x0 >= x1 || y0 >= y1 {
        return;
    }
    let (w, h) = (x1 - x0, y1 - y0);
    let stride = c.width as usize * 4;
    let mut src = Vec::with_capacity(w * h * 4);
    for y in y0..y1 {
        src.extend_from_slice(&c.rgba[y * stride + x0 * 4..y * stride + x1 * 4]);
    }
    let Some(img) = super::Image::new(w as u32, h as u32, src) else { return };
    let (cx, cy) = (w as f32 / 2.0, h as f32 / 2.0);
    for y in 0..h {
        let fy = cy + (y as f32 + 0.5 - cy) / s;
        for x in 0..w {
            let fx = cx + (x as f32 + 0.5 - cx) / s;
            let v = img.sample(fx, fy);
            let p = &mut c.rgba[(y0 + y) * stride + (x0 + x) * 4..][..4];
            for k in 0..4 {
                p[k] = v[k].round().clamp(0.0, 255.0) as u8;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compose::Image;

    fn stripes(w: u32, h: u32) -> Canvas {
        let mut rgba = Vec::new();
        for y in 0..h {
            for x in 0..w {
                let v = if (x / 2 + y / 2) % 2 == 0 { 240 } else { 10 };
                rgba.extend_from_slice(&[v, (x * 7 % 256) as u8, 100, 255]);
            }
        }
        let img = Image::new(w, h, rgba).unwrap();
        Canvas { width: w, height: h, rgba: img.rgba.to_vec() }
    }

    fn whole(c: &Canvas) -> Rect {
        Rect { x: 0.0, y: 0.0, w: c.width as f32, h: c.height as f32 }
    }

    #[test]
    fn greyscale_makes_every_channel_equal_and_half_is_between() {
        let mut c = stripes(8, 8);
        let before = c.rgba.clone();
        let area = whole(&c);
        apply(&mut c, &Look::Grey(1.0), area, 1.0);
        assert!(c.rgba.chunks_exact(4).all(|p| p[0] == p[1] && p[1] == p[2] && p[3] == 255));
        let mut half = stripes(8, 8);
        let area = whole(&half);
        apply(&mut half, &Look::Grey(0.5), area, 1.0);
        let (o, g, h) = (&before[..4], &c.rgba[..4], &half.rgba[..4]);
        for k in 0..3 {
            let (lo, hi) = (o[k].min(g[k]), o[k].max(g[k]));
            assert!((lo..=hi).contains(&h[k]), "channel {k}: {h:?} between {o:?} and {g:?}");
        }
    }

    #[test]
    fn blur_keeps_the_mean_smooths_the_detail_and_stays_in_its_area() {
        let mut c = stripes(32, 16);
        let area = Rect { x: 0.0, y: 0.0, w: 16.0, h: 16.0 };
        let right_before: Vec<u8> = c.rgba.clone();
        apply(&mut c, &Look::Blur { radius: 3.0, horizontal: true, vertical: true, region: None }, area, 1.0);
        let red = |c: &Canvas, x: u32, y: u32| c.rgba[((y * c.width + x) * 4) as usize] as i32;
        let spread = (4..12).map(|x| red(&c, x, 8)).max().unwrap() - (4..12).map(|x| red(&c, x, 8)).min().unwrap();
        assert!(spread < 40, "the stripes (0..230 apart) are smoothed: {spread}");
        assert!((red(&c, 8, 8) - 125).abs() < 20, "the mean stays: {}", red(&c, 8, 8));
        let i = ((8 * 32 + 20) * 4) as usize;
        assert_eq!(c.rgba[i..i + 4], right_before[i..i + 4], "outside the area: untouched");
        // Horizontal only: columns keep their values down the picture.
        let mut h = stripes(16, 16);
        let area = whole(&h);
        apply(&mut h, &Look::Blur { radius: 3.0, horizontal: true, vertical: false, region: None }, area, 1.0);
        assert_ne!(red(&h, 8, 0), red(&h, 8, 2), "rows differ: no vertical blur");
        // Vertical only: down a column the stripes are smoothed, along a row they stay.
        let mut v = stripes(16, 16);
        let area = whole(&v);
        apply(&mut v, &Look::Blur { radius: 3.0, horizontal: false, vertical: true, region: None }, area, 1.0);
        let down = (4..12).map(|y| red(&v, 8, y)).collect::<Vec<_>>();
        assert!(down.iter().max().unwrap() - down.iter().min().unwrap() < 40, "smoothed down: {down:?}");
        assert_ne!(red(&v, 8, 8), red(&v, 10, 8), "columns differ: no horizontal blur");
    }

    #[test]
    fn mosaic_fills_cells_with_their_mean_inside_the_region_only() {
        let mut c = stripes(16, 16);
        let before = c.rgba.clone();
        let region = Some(Rect { x: 4.0, y: 4.0, w: 8.0, h: 8.0 });
        let area = whole(&c);
        apply(&mut c, &Look::Mosaic { cell: 2.0, region }, area, 2.0);
        // Zoom 2: the region is 8..16 on the canvas, cells of 4.
        let px = |c: &Canvas, x: u32, y: u32| c.rgba[((y * 16 + x) * 4) as usize..][..4].to_vec();
        assert_eq!(px(&c, 8, 8), px(&c, 11, 11), "one cell, one colour");
        assert_ne!(px(&c, 8, 8), px(&c, 12, 8), "the next cell differs");
        assert_eq!(c.rgba[..4 * 16 * 8], before[..4 * 16 * 8], "above the region: untouched");
    }

    #[test]
    fn the_grade_brightens_desaturates_and_darkens_corners() {
        let mut c = Canvas::new(20, 20, [100, 50, 200, 255]);
        let area = whole(&c);
        apply(&mut c, &Look::Grade(Grade { brightness: 20.0, kelvin: 6500.0, ..Grade::default() }), area, 1.0);
        assert_eq!(&c.rgba[..3], &[120, 70, 220]);
        apply(&mut c, &Look::Grade(Grade { saturation: -100.0, kelvin: 6500.0, ..Grade::default() }), area, 1.0);
        assert!(c.rgba[0] == c.rgba[1] && c.rgba[1] == c.rgba[2], "{:?}", &c.rgba[..3]);
        let mut v = Canvas::new(20, 20, [200, 200, 200, 255]);
        apply(&mut v, &Look::Grade(Grade { vignette: 1.0, kelvin: 6500.0, ..Grade::default() }), area, 1.0);
        let at = |x: usize, y: usize| v.rgba[(y * 20 + x) * 4];
        assert!(at(0, 0) <= 25 && at(10, 10) > 195, "corner {} centre {}", at(0, 0), at(10, 10));
        let mut warm = Canvas::new(4, 4, [128, 128, 128, 255]);
        let g = Grade { kelvin: 3000.0, temperature_ratio: 1.0, ..Grade::default() };
        apply(&mut warm, &Look::Grade(g), area, 1.0);
        assert!(warm.rgba[0] > warm.rgba[2] + 30, "3000 K is warm: {:?}", &warm.rgba[..3]);
    }

    #[test]
    fn zoom_enlarges_about_the_centre() {
        let mut c = Canvas::new(20, 20, [0, 0, 0, 255]);
        for y in 8..12 {
            for x in 8..12 {
                c.rgba[(y * 20 + x) * 4] = 255;
            }
        }
        let area = whole(&c);
        apply(&mut c, &Look::Zoom(2.0), area, 1.0);
        assert_eq!(c.rgba[(10 * 20 + 7) * 4], 255, "the 4 px square is 8 px now");
        assert_eq!(c.rgba[(10 * 20 + 4) * 4], 0);
    }
}
