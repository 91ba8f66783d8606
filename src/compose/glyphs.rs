//! Rasterized glyphs, kept between frames. Drawing a glyph's outline costs in proportion to its
//! area, and subtitles repeat the same letters at the same places frame after frame (2 000
//! subtitles at FontSize 2000 took 32 s a `still`). A glyph is always rasterized at its
//! position's fraction of a pixel and then moved by whole pixels, so a cached mask and a fresh
//! one are the same pixels: the preview and `vodcut still` agree whatever each has cached.

use ab_glyph::{Font, FontArc, GlyphId, PxScale, point};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// The largest glyph drawn, each way, in pixels (larger ones are left out).
pub const MAX_GLYPH_SIDE: u32 = 4096;

/// What the cache may hold (coverage bytes); the least recently used go first past it.
const BUDGET: usize = 96 * 1024 * 1024;

/// One glyph's coverage (0..1, `w` wide), and where its top-left lies from the whole-pixel
/// part of the pen position.
pub struct Mask {
    pub left: i32,
    pub top: i32,
    pub w: u32,
    pub h: u32,
    pub coverage: Vec<f32>,
}

/// font (its data's address), glyph, size, and the pen position's fractions (all as bits).
type Key = (usize, u16, u32, u32, u32);

#[derive(Default)]
struct Cache {
    masks: HashMap<Key, (Arc<Mask>, u64)>,
    bytes: usize,
    tick: u64,
}

fn cache() -> &'static Mutex<Cache> {
    static CACHE: std::sync::OnceLock<Mutex<Cache>> = std::sync::OnceLock::new();
    CACHE.get_or_init(Mutex::default)
}

/// The glyph `id` of `font` at `scale` with its pen at (`x`, `y`): its mask and where to draw it,
/// or None when it has no outline, is too large, or would fall outside `visible` (x0, y0, x1,
/// y1 in canvas pixels), which costs no rasterizing.
pub fn glyph(
    font: &FontArc,
    id: GlyphId,
    scale: PxScale,
    x: f32,
    y: f32,
    visible: (i32, i32, i32, i32),
) -> Option<(i32, i32, Arc<Mask>)> {
    let (ix, iy) = (x.floor(), y.floor());
    let (fx, fy) = (x - ix, y - iy);
    let key: Key = (font_key(font), id.0, scale.y.to_bits(), fx.to_bits(), fy.to_bits());
    let (ix, iy) = (ix as i32, iy as i32);
    let shows = |m: &Mask| {
        let (l, t) = (ix + m.left, iy + m.top);
        l < visible.2 && t < visible.3 && l + m.w as i32 > visible.0 && t + m.h as i32 > visible.1
    };
    {
        let mut c = cache().lock().unwrap_or_else(|e| e.into_inner());
        c.tick += 1;
        let tick = c.tick;
        if let Some((m, used)) = c.masks.get_mut(&key) {
            *used = tick;
            let m = m.clone();
            return shows(&m).then_some((ix, iy, m));
        }
    }
    let outline = font.outline_glyph(id.with_scale_and_position(scale, point(fx, fy)))?;
    let b = outline.px_bounds();
    let (w, h) = (b.width().ceil() as u32, b.height().ceil() as u32);
    if w == 0 || h == 0 || w > MAX_GLYPH_SIDE || h > MAX_GLYPH_SIDE {
        return None;
    }
    let mut mask = Mask { left: b.min.x.floor() as i32, top: b.min.y.floor() as i32, w, h, coverage: Vec::new() };
    if !shows(&mask) {
        return None;
    }
    mask.coverage = vec![0.0f32; (w * h) as usize];
    outline.draw(|gx, gy, c| {
        if gx < w && gy < h {
            mask.coverage[(gy * w + gx) as usize] = c;
        }
    });
    let mask = Arc::new(mask);
    keep(key, mask.clone());
    Some((ix, iy, mask))
}

/// A font is told by the address of its data (the fonts live for the whole run).
fn font_key(font: &FontArc) -> usize {
    font.font_data().as_ptr() as usize
}

fn keep(key: Key, mask: Arc<Mask>) {
    let size = mask.coverage.len() * 4;
    if size > BUDGET / 4 {
        return;
    }
    let mut c = cache().lock().unwrap_or_else(|e| e.into_inner());
    while c.bytes + size > BUDGET {
        let Some(oldest) = c.masks.iter().min_by_key(|(_, (_, used))| *used).map(|(k, _)| *k) else { break };
        if let Some((m, _)) = c.masks.remove(&oldest) {
            c.bytes -= m.coverage.len() * 4;
        }
    }
    let tick = c.tick;
    if c.masks.insert(key, (mask, tick)).is_none() {
        c.bytes += size;
    }
}
