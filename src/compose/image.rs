//! An RGBA picture and the two operations the compositor needs: scaled drawing into a
//! rectangle (bilinear, clipped to the canvas) and blending a coverage mask in one colour.

use std::sync::Arc;

/// Straight (not premultiplied) RGBA, rows top to bottom. Cheap to clone: pixels are shared.
#[derive(Clone, PartialEq, Eq)]
pub struct Image {
    pub width: u32,
    pub height: u32,
    pub rgba: Arc<Vec<u8>>,
}

impl std::fmt::Debug for Image {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Image({}x{})", self.width, self.height)
    }
}

impl Image {
    /// `None` unless `rgba` holds exactly width*height pixels.
    pub fn new(width: u32, height: u32, rgba: Vec<u8>) -> Option<Image> {
        (width > 0 && height > 0 && rgba.len() as u64 == u64::from(width) * u64::from(height) * 4).then(|| Image {
            width,
            height,
            rgba: Arc::new(rgba),
        })
    }

    pub fn filled(width: u32, height: u32, px: [u8; 4]) -> Image {
        let n = width as usize * height as usize;
        Image { width, height, rgba: Arc::new(px.iter().copied().cycle().take(n * 4).collect()) }
    }

    /// From 8-bit RGB (PPM bodies).
    pub fn from_rgb(width: u32, height: u32, rgb: &[u8]) -> Option<Image> {
        if rgb.len() as u64 != u64::from(width) * u64::from(height) * 3 {
            return None;
        }
        let mut out = Vec::with_capacity(rgb.len() / 3 * 4);
        for px in rgb.chunks_exact(3) {
            out.extend_from_slice(&[px[0], px[1], px[2], 255]);
        }
        Image::new(width, height, out)
    }

    pub fn bytes(&self) -> usize {
        self.rgba.len()
    }

    pub fn pixel(&self, x: u32, y: u32) -> [u8; 4] {
        let i = (y as usize * self.width as usize + x as usize) * 4;
        [self.rgba[i], self.rgba[i + 1], self.rgba[i + 2], self.rgba[i + 3]]
    }

    /// Bilinear sample at continuous pixel coordinates (pixel centres at +0.5).
    pub(crate) fn sample(&self, fx: f32, fy: f32) -> [f32; 4] {
        let x = (fx - 0.5).clamp(0.0, (self.width - 1) as f32);
        let y = (fy - 0.5).clamp(0.0, (self.height - 1) as f32);
        let (x0, y0) = (x.floor() as u32, y.floor() as u32);
        let (x1, y1) = ((x0 + 1).min(self.width - 1), (y0 + 1).min(self.height - 1));
        let (tx, ty) = (x - x0 as f32, y - y0 as f32);
        let (a, b, c, d) = (self.pixel(x0, y0), self.pixel(x1, y0), self.pixel(x0, y1), self.pixel(x1, y1));
        let mut out = [0.0; 4];
        for k in 0..4 {
            let top = a[k] as f32 * (1.0 - tx) + b[k] as f32 * tx;
            let bottom = c[k] as f32 * (1.0 - tx) + d[k] as f32 * tx;
            out[k] = top * (1.0 - ty) + bottom * ty;
        }
        out
    }
}

/// A picture being drawn into.
pub struct Canvas {
    pub width: u32,
    pub height: u32,
    pub rgba: Vec<u8>,
}

/// A rectangle in canvas pixels (may reach outside the canvas).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rect {
    pub x: f32,
    pub y: f32,
    pub w: f32,
    pub h: f32,
}

impl Rect {
    /// The largest rectangle of aspect `aw:ah` centred in `self` (black bars around it).
    pub fn contain(self, aw: f32, ah: f32) -> Rect {
        if aw <= 0.0 || ah <= 0.0 || self.w <= 0.0 || self.h <= 0.0 {
            return self;
        }
        let s = (self.w / aw).min(self.h / ah);
        let (w, h) = (aw * s, ah * s);
        Rect { x: self.x + (self.w - w) / 2.0, y: self.y + (self.h - h) / 2.0, w, h }
    }
}

fn blend(dst: &mut [u8], src: [f32; 4], alpha: f32) {
    let a = (src[3] / 255.0 * alpha).clamp(0.0, 1.0);
    if dst[3] == 255 {
        for k in 0..3 {
            dst[k] = (src[k] * a + dst[k] as f32 * (1.0 - a)).round().clamp(0.0, 255.0) as u8;
        }
        return;
    }
    // A clear layer (a picture with an effect or in a transition is drawn on one first): the
    // colours are weighted by their alpha, so a clear pixel lends no black.
    let da = dst[3] as f32 / 255.0 * (1.0 - a);
    let out = a + da;
    if out <= 0.0 {
        return;
    }
    for k in 0..3 {
        dst[k] = ((src[k] * a + dst[k] as f32 * da) / out).round().clamp(0.0, 255.0) as u8;
    }
    dst[3] = (out * 255.0).round().clamp(0.0, 255.0) as u8;
}

impl Canvas {
    pub fn new(width: u32, height: u32, px: [u8; 4]) -> Canvas {
        let img = Image::filled(width.max(1), height.max(1), px);
        Canvas { width: img.width, height: img.height, rgba: Arc::unwrap_or_clone(img.rgba) }
    }

    pub fn into_image(self) -> Image {
        Image { width: self.width, height: self.height, rgba: Arc::new(self.rgba) }
    }

    /// Canvas pixels whose centres fall in `r`: x range and y range.
    fn span(&self, r: Rect) -> (u32, u32, u32, u32) {
        let clamp = |v: f32, max: u32| (v.round().max(0.0) as u32).min(max);
        (clamp(r.x, self.width), clamp(r.x + r.w, self.width), clamp(r.y, self.height), clamp(r.y + r.h, self.height))
    }

    /// Draws `img` stretched to `r`, blending by its alpha times `opacity`.
    pub fn draw_image(&mut self, img: &Image, r: Rect, opacity: f32) {
        if r.w <= 0.0 || r.h <= 0.0 {
            return;
        }
        if self.copy_exact(img, r, opacity) {
            return;
        }
        let (x0, x1, y0, y1) = self.span(r);
        let (sx, sy) = (img.width as f32 / r.w, img.height as f32 / r.h);
        let stride = self.width as usize * 4;
        for y in y0..y1 {
            let fy = (y as f32 + 0.5 - r.y) * sy;
            let row = &mut self.rgba[y as usize * stride..(y as usize + 1) * stride];
            for x in x0..x1 {
                let fx = (x as f32 + 0.5 - r.x) * sx;
                let i = x as usize * 4;
                blend(&mut row[i..i + 4], img.sample(fx, fy), opacity);
            }
        }
    }

    /// An opaque picture drawn at its own size on whole pixels is a copy of its rows (the
    /// usual case for video frames decoded at the size they are shown, e.g. every frame of a
    /// draft render): the same pixels the sampling below gives, without sampling. False
    /// when the case does not apply.
    fn copy_exact(&mut self, img: &Image, r: Rect, opacity: f32) -> bool {
        let whole = |v: f32| (v - v.round()).abs() < 1e-3;
        let fits = opacity >= 1.0
            && whole(r.x)
            && whole(r.y)
            && (r.w - img.width as f32).abs() < 1e-3
            && (r.h - img.height as f32).abs() < 1e-3;
        if !fits || img.rgba.chunks_exact(4).any(|p| p[3] != 255) {
            return false;
        }
        let (x0, y0) = (r.x.round() as i64, r.y.round() as i64);
        let (iw, cw) = (img.width as i64, self.width as i64);
        let (from_x, to_x) = (x0.max(0), (x0 + iw).min(cw));
        if from_x >= to_x {
            return true;
        }
        for row in 0..img.height as i64 {
            let y = y0 + row;
            if y < 0 || y >= self.height as i64 {
                continue;
            }
            let src = ((row * iw + (from_x - x0)) * 4) as usize;
            let dst = ((y * cw + from_x) * 4) as usize;
            let n = ((to_x - from_x) * 4) as usize;
            self.rgba[dst..dst + n].copy_from_slice(&img.rgba[src..src + n]);
        }
        true
    }

    /// Lays `layer` (straight RGBA, the canvas's size) on the canvas inside `area`.
    pub fn blend_layer(&mut self, layer: &[u8], area: Rect) {
        let (x0, x1, y0, y1) = self.span(area);
        let stride = self.width as usize * 4;
        for y in y0 as usize..y1 as usize {
            let row = y * stride;
            for x in x0 as usize..x1 as usize {
                let i = row + x * 4;
                let src = &layer[i..i + 4];
                match src[3] {
                    0 => {}
                    255 => self.rgba[i..i + 4].copy_from_slice(src),
                    _ => blend(
                        &mut self.rgba[i..i + 4],
                        [src[0] as f32, src[1] as f32, src[2] as f32, src[3] as f32],
                        1.0,
                    ),
                }
            }
        }
    }

    /// Blends `colour` where `coverage` (0..1 per pixel, `w` wide) says, placed at (x, y).
    pub fn draw_mask(&mut self, x: i32, y: i32, w: u32, coverage: &[f32], colour: [u8; 3], opacity: f32) {
        if w == 0 {
            return;
        }
        let src = [colour[0] as f32, colour[1] as f32, colour[2] as f32, 255.0];
        // Only the rows and columns on the canvas are visited: a glyph at FontSize 2000 is
        // mostly off a small frame.
        let rows = coverage.len() / w as usize;
        let (j0, j1) = ((-y).max(0) as usize, (self.height as i64 - y as i64).clamp(0, rows as i64) as usize);
        let (i0, i1) = ((-x).max(0) as usize, (self.width as i64 - x as i64).clamp(0, w as i64) as usize);
        if i0 >= i1 {
            return;
        }
        for j in j0..j1 {
            let row = &coverage[j * w as usize..][i0..i1];
            let start = ((y as i64 + j as i64) as usize * self.width as usize + (x as i64 + i0 as i64) as usize) * 4;
            for (i, c) in row.iter().enumerate().filter(|(_, c)| **c > 0.0) {
                let k = start + i * 4;
                let a = c.min(1.0) * opacity;
                if a >= 1.0 {
                    // What blend gives at full cover, without its arithmetic: most of a glyph.
                    self.rgba[k..k + 4].copy_from_slice(&[colour[0], colour[1], colour[2], 255]);
                } else {
                    blend(&mut self.rgba[k..k + 4], src, a);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contain_adds_bars_on_the_long_side() {
        let r = Rect { x: 0.0, y: 0.0, w: 100.0, h: 100.0 }.contain(16.0, 9.0);
        assert_eq!((r.x, r.w), (0.0, 100.0));
        assert!((r.y - 21.875).abs() < 1e-3 && (r.h - 56.25).abs() < 1e-3);
    }

    #[test]
    fn an_opaque_picture_at_its_own_size_is_copied_exactly_and_clipped() {
        let mut rgba = Vec::new();
        for i in 0..12u8 {
            rgba.extend_from_slice(&[i * 20, 255 - i * 20, i, 255]);
        }
        let img = Image::new(4, 3, rgba).unwrap();
        // The copy gives what sampling gives.
        let mut sampled = Canvas::new(6, 5, [0, 0, 0, 255]);
        sampled.draw_image(&img, Rect { x: 1.0, y: 1.0, w: 4.0, h: 3.0 }, 0.999_999);
        let mut copied = Canvas::new(6, 5, [0, 0, 0, 255]);
        copied.draw_image(&img, Rect { x: 1.0, y: 1.0, w: 4.0, h: 3.0 }, 1.0);
        assert_eq!(copied.rgba, sampled.rgba);
        // Hanging off the top-left corner: only the part inside is drawn.
        let mut c = Canvas::new(3, 2, [0, 0, 0, 255]);
        c.draw_image(&img, Rect { x: -2.0, y: -1.0, w: 4.0, h: 3.0 }, 1.0);
        let out = c.into_image();
        assert_eq!(out.pixel(0, 0), img.pixel(2, 1));
        assert_eq!(out.pixel(1, 1), img.pixel(3, 2));
        assert_eq!(out.pixel(2, 0), [0, 0, 0, 255]);
    }

    #[test]
    fn scaled_drawing_keeps_colours_and_clips() {
        let mut c = Canvas::new(10, 10, [0, 0, 0, 255]);
        let red = Image::filled(2, 2, [255, 0, 0, 255]);
        c.draw_image(&red, Rect { x: 5.0, y: -5.0, w: 20.0, h: 10.0 }, 1.0);
        let img = c.into_image();
        assert_eq!(img.pixel(7, 2), [255, 0, 0, 255]);
        assert_eq!(img.pixel(2, 2), [0, 0, 0, 255]);
        assert_eq!(img.pixel(7, 7), [0, 0, 0, 255]);
    }
}
