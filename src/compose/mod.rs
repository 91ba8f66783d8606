//! THE OUTPUT FRAME. Pure: a [`Plan`] (what shows at a time, from the project) plus the
//! pictures of its layers -> one RGBA image. The editor's preview shows this image and
//! `vodcut still` writes it, so the two are the same pixels.

pub mod glyphs;
pub mod image;
pub mod layout;
pub mod text;

pub use image::{Canvas, Image, Rect};
pub use layout::{Fit, Layer, MAX_CANVAS_SIDE, Picture, Plan, Source, TextBox, active_by_layout, output_size, plan_at};

use std::collections::HashMap;

/// The canvas size for an output of `width`x`height` drawn `target_width` wide (never wider
/// than the output itself: a preview does not upscale).
pub fn canvas_size(width: u32, height: u32, target_width: Option<u32>) -> (u32, u32, f32) {
    let w = target_width.unwrap_or(width).clamp(1, width.max(1));
    let zoom = w as f32 / width.max(1) as f32;
    let h = ((height as f32 * zoom).round() as u32).max(1);
    // Every canvas is made at this size: it never exceeds the largest drawable picture, even
    // for a size no caller checked ([`output_size`] keeps within it already).
    (w.min(layout::MAX_CANVAS_SIDE), h.min(layout::MAX_CANVAS_SIDE), zoom)
}

/// Where a picture of `img_w`x`img_h` lands in output pixels.
pub fn picture_rect(p: &Picture, img_w: u32, img_h: u32) -> Rect {
    let (iw, ih) = (img_w.max(1) as f32, img_h.max(1) as f32);
    match p.fit {
        Fit::Contain => Rect { x: p.x, y: p.y, w: p.w.unwrap_or(iw), h: p.h.unwrap_or(ih) }.contain(iw, ih),
        Fit::Stretch => {
            let (w, h) = match (p.w, p.h) {
                (Some(w), Some(h)) => (w, h),
                (Some(w), None) => (w, w * ih / iw),
                (None, Some(h)) => (h * iw / ih, h),
                (None, None) => (iw, ih),
            };
            Rect { x: p.x, y: p.y, w, h }
        }
    }
}

/// Composes the plan at `target_width` (None = the output's size). `pictures` holds a picture
/// for each picture layer (by layer index) that could be had; layers without one are left out.
pub fn compose(plan: &Plan, pictures: &HashMap<usize, Image>, target_width: Option<u32>) -> Image {
    let (w, h, zoom) = canvas_size(plan.width, plan.height, target_width);
    let mut canvas = Canvas::new(w, h, [0, 0, 0, 255]);
    for (i, layer) in plan.layers.iter().enumerate() {
        match layer {
            Layer::Picture(p) => {
                let Some(img) = pictures.get(&i) else { continue };
                let r = picture_rect(p, img.width, img.height);
                let r = Rect { x: r.x * zoom, y: r.y * zoom, w: r.w * zoom, h: r.h * zoom };
                canvas.draw_image(img, r, 1.0);
            }
            Layer::Text(t) => text::draw(&mut canvas, t, zoom),
        }
    }
    canvas.into_image()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Time;

    #[test]
    fn portrait_output_gets_bars_and_overlays_sit_on_top() {
        let plan = Plan {
            width: 90,
            height: 160,
            at: Time::ZERO,
            layers: vec![
                Layer::Picture(Picture {
                    source: Source::Video { media_id: "v".into(), at: Time::ZERO },
                    track: 0,
                    clip: 0,
                    x: 0.0,
                    y: 0.0,
                    w: Some(90.0),
                    h: Some(160.0),
                    fit: Fit::Contain,
                }),
                Layer::Picture(Picture {
                    source: Source::Image { image_id: "i".into() },
                    track: 1,
                    clip: 0,
                    x: 0.0,
                    y: 0.0,
                    w: Some(10.0),
                    h: None,
                    fit: Fit::Stretch,
                }),
            ],
        };
        let pics =
            HashMap::from([(0, Image::filled(16, 9, [0, 200, 0, 255])), (1, Image::filled(4, 2, [0, 0, 250, 255]))]);
        let img = compose(&plan, &pics, None);
        assert_eq!((img.width, img.height), (90, 160));
        assert_eq!(img.pixel(45, 80), [0, 200, 0, 255], "the video in the middle");
        assert_eq!(img.pixel(45, 20), [0, 0, 0, 255], "a black bar above");
        assert_eq!(img.pixel(45, 140), [0, 0, 0, 255], "and below");
        assert_eq!(img.pixel(3, 2), [0, 0, 250, 255], "the overlay keeps its aspect: 10x5");
        assert_eq!(img.pixel(3, 7), [0, 0, 0, 255]);
        let half = compose(&plan, &pics, Some(45));
        assert_eq!((half.width, half.height), (45, 80));
        assert_eq!(half.pixel(22, 40), [0, 200, 0, 255]);
    }
}
