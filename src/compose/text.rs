//! Text drawn into the output frame with a font rasterizer (ab_glyph), so the preview and
//! `vodcut still` draw identical pixels. The fonts are bundled: egui's Ubuntu Light, then for
//! Chinese the Noto Sans SC subset (`i18n/font.rs`), so the pixels are the same on every
//! machine. Only a character neither has (a rare ideograph outside GB 2312) is looked for
//! in a system CJK font, read once on first need.
//!
//! VOD renders with its own fonts (SimSun by default), so glyph shapes differ from the
//! production; size, colour, place and alignment are what the preview promises.

use super::image::Canvas;
use super::layout::TextBox;
use ab_glyph::{Font, FontArc, PxScale, ScaleFont};
use std::sync::OnceLock;

const SYSTEM_FALLBACKS: &[(&str, u32)] = &[
    ("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 2),
    ("/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc", 2),
    ("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc", 2),
    ("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 0),
    ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", 0),
    ("/System/Library/Fonts/PingFang.ttc", 0),
    ("C:\\Windows\\Fonts\\msyh.ttc", 0),
];

struct Fonts {
    primary: FontArc,
    chinese: FontArc,
}

fn fonts() -> &'static Fonts {
    static FONTS: OnceLock<Fonts> = OnceLock::new();
    FONTS.get_or_init(|| Fonts {
        primary: FontArc::try_from_slice(epaint_default_fonts::UBUNTU_LIGHT).expect("the bundled font parses"),
        chinese: FontArc::try_from_slice(crate::i18n::font::NOTO_SANS_SC_SUBSET).expect("the bundled font parses"),
    })
}

/// A system CJK font, for the rare character the bundled fonts lack (read on first need).
fn system_fallback() -> Option<&'static FontArc> {
    static SYSTEM: OnceLock<Option<FontArc>> = OnceLock::new();
    SYSTEM
        .get_or_init(|| {
            SYSTEM_FALLBACKS.iter().find_map(|(path, index)| {
                let bytes = std::fs::read(path).ok()?;
                ab_glyph::FontVec::try_from_vec_and_index(bytes, *index).ok().map(FontArc::new)
            })
        })
        .as_ref()
}

/// The font that has `c`, and its glyph.
fn pick(c: char) -> (&'static FontArc, ab_glyph::GlyphId) {
    let f = fonts();
    let id = f.primary.glyph_id(c);
    if id.0 != 0 || c.is_whitespace() {
        return (&f.primary, id);
    }
    let alt = f.chinese.glyph_id(c);
    if alt.0 != 0 {
        return (&f.chinese, alt);
    }
    if let Some(sys) = system_fallback() {
        let alt = sys.glyph_id(c);
        if alt.0 != 0 {
            return (sys, alt);
        }
    }
    (&f.primary, id)
}

fn line_width(line: &str, scale: PxScale) -> f32 {
    line.chars()
        .map(|c| {
            let (font, id) = pick(c);
            font.as_scaled(scale).h_advance(id)
        })
        .sum()
}

/// A text's lines laid out at one size.
struct Block<'a> {
    lines: Vec<&'a str>,
    widths: Vec<f32>,
    line_height: f32,
    w: f32,
    h: f32,
}

fn block(content: &str, scale: PxScale) -> Block<'_> {
    let primary = fonts().primary.as_scaled(scale);
    let line_height = primary.ascent() - primary.descent() + primary.line_gap();
    let lines: Vec<&str> = content.lines().collect();
    let widths: Vec<f32> = lines.iter().map(|l| line_width(l, scale)).collect();
    let w = widths.iter().copied().fold(0.0, f32::max);
    let h = line_height * lines.len() as f32;
    Block { lines, widths, line_height, w, h }
}

/// The box `t` covers in output pixels (x, y, width, height): where the preview outlines it.
pub fn text_rect(t: &TextBox) -> super::Rect {
    // Bounded as `draw` bounds it: a font size past any frame measures nothing useful.
    let size = t.size.clamp(1.0, 2.0 * super::MAX_CANVAS_SIDE as f32);
    let b = block(&t.content, PxScale::from(size));
    super::Rect { x: t.x - t.anchor.0 * b.w, y: t.y - t.anchor.1 * b.h, w: b.w, h: b.h }
}

/// Draws `t` with every length multiplied by `zoom` (canvas pixels per output pixel).
pub fn draw(canvas: &mut Canvas, t: &TextBox, zoom: f32) {
    let size = t.size * zoom;
    if size < 1.0 || t.opacity <= 0.0 {
        return;
    }
    // Bounds: a font size past the frame's height draws nothing useful and costs memory.
    let size = size.min(canvas.height as f32 * 2.0);
    let scale = PxScale::from(size);
    let primary = fonts().primary.as_scaled(scale);
    let Block { lines, widths, line_height, w: block_w, h: block_h } = block(&t.content, scale);
    let left = t.x * zoom - t.anchor.0 * block_w;
    let top = t.y * zoom - t.anchor.1 * block_h;
    let visible = (0, 0, canvas.width as i32, canvas.height as i32);
    for (i, line) in lines.iter().enumerate() {
        let mut x = left + (block_w - widths[i]) * t.anchor.0;
        let baseline = top + line_height * i as f32 + primary.ascent();
        for c in line.chars() {
            let (font, id) = pick(c);
            let (pen_x, advance) = (x, font.as_scaled(scale).h_advance(id));
            x += advance;
            // Rasterized once (cached), and not at all when off the canvas.
            let Some((ix, iy, m)) = super::glyphs::glyph(font, id, scale, pen_x, baseline, visible) else { continue };
            canvas.draw_mask(ix + m.left, iy + m.top, m.w, &m.coverage, t.colour, t.opacity);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(content: &str, anchor: (f32, f32)) -> TextBox {
        TextBox {
            content: content.into(),
            x: 50.0,
            y: 20.0,
            anchor,
            size: 16.0,
            colour: [255, 0, 0],
            opacity: 1.0,
            owner: None,
        }
    }

    fn red_columns(c: &Canvas) -> (u32, u32) {
        let mut xs = (u32::MAX, 0);
        for y in 0..c.height {
            for x in 0..c.width {
                let i = ((y * c.width + x) * 4) as usize;
                if c.rgba[i] > 128 {
                    xs = (xs.0.min(x), xs.1.max(x));
                }
            }
        }
        xs
    }

    #[test]
    fn anchors_place_the_text() {
        let mut left = Canvas::new(100, 40, [0, 0, 0, 255]);
        draw(&mut left, &text("Hello", (0.0, 0.0)), 1.0);
        let (l0, l1) = red_columns(&left);
        assert!((50..54).contains(&l0) && l1 > l0 + 20, "{l0}..{l1}");
        let mut right = Canvas::new(100, 40, [0, 0, 0, 255]);
        draw(&mut right, &text("Hello", (1.0, 0.0)), 1.0);
        let (r0, r1) = red_columns(&right);
        assert!((46..=50).contains(&r1), "{r0}..{r1}");
        let mut small = Canvas::new(100, 40, [0, 0, 0, 255]);
        draw(&mut small, &text("Hello", (0.0, 0.0)), 0.5);
        let (s0, s1) = red_columns(&small);
        assert!((s1 - s0) * 2 <= (l1 - l0) + 2, "half the zoom, half the width");
    }

    #[test]
    fn cached_glyphs_are_the_same_pixels_moved_by_whole_pixels() {
        // The second line's glyphs come from the cache the first filled (same fractions of a
        // pixel): the picture is the first one moved 10 pixels right, exactly.
        let at = |x: f32| {
            let mut c = Canvas::new(120, 40, [0, 0, 0, 255]);
            draw(&mut c, &TextBox { x, ..text("Hey 你好", (0.0, 0.0)) }, 1.0);
            c
        };
        let (a, b) = (at(20.25), at(30.25));
        for y in 0..40 {
            for x in 0..100 {
                let i = ((y * 120 + x) * 4) as usize;
                let j = ((y * 120 + x + 10) * 4) as usize;
                assert_eq!(a.rgba[i..i + 4], b.rgba[j..j + 4], "({x}, {y})");
            }
        }
        assert_ne!(red_columns(&a), (u32::MAX, 0), "something was drawn");
    }

    #[test]
    fn huge_text_draws_what_shows_and_skips_the_rest() {
        // FontSize 2000 on a small frame: only the first glyph reaches the canvas.
        let mut c = Canvas::new(160, 90, [0, 0, 0, 255]);
        let big = TextBox { size: 2000.0, x: 0.0, y: 0.0, ..text("HHHHHHHHHHHHHHHHHHHH", (0.0, 0.0)) };
        draw(&mut c, &big, 1.0);
        assert!(c.rgba.chunks(4).any(|p| p[0] > 128), "the visible part is drawn");
    }
}
