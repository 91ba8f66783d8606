//! THE OUTPUT FRAME. Pure: a [`Plan`] (what shows at a time, from the project) plus the
//! pictures of its layers -> one RGBA image. The editor's preview shows this image and
//! `vodcut still` writes it, so the two are the same pixels.

pub mod filters;
pub mod glyphs;
pub mod handles;
pub mod image;
pub mod layout;
pub mod looks;
pub mod sample;
pub mod text;
pub mod transition;

pub use image::{Canvas, Image, Rect};
pub use layout::{
    Fit, Layer, MAX_CANVAS_SIDE, Owner, Picture, Plan, Source, TextBox, Transit, active_by_layout, output_size, plan_at,
};
pub use looks::{Look, Rendering, TransitionLook};

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
    // The outgoing half of a transition, drawn on its own layer, waiting for the incoming one.
    let mut outgoing: Option<(Canvas, Rect)> = None;
    for (i, layer) in plan.layers.iter().enumerate() {
        match layer {
            Layer::Picture(p) => {
                let img = pictures.get(&i);
                let Some(tr) = p.transition else {
                    let Some(img) = img else { continue };
                    let r = scaled(picture_rect(p, img.width, img.height), zoom);
                    if p.looks.is_empty() {
                        canvas.draw_image(img, r, 1.0);
                    } else {
                        let (layer, area) = with_looks(p, img, r, zoom, w, h);
                        canvas.blend_layer(&layer.rgba, area);
                    }
                    continue;
                };
                let (layer, area) = match img {
                    Some(img) => with_looks(p, img, scaled(picture_rect(p, img.width, img.height), zoom), zoom, w, h),
                    None => (Canvas::new(w, h, [0, 0, 0, 0]), scaled(box_of(p, plan), zoom)),
                };
                if !tr.incoming {
                    if let Some((prev, area)) = outgoing.replace((layer, area)) {
                        canvas.blend_layer(&prev.rgba, area);
                    }
                    continue;
                }
                let (from, from_area) = outgoing.take().unwrap_or_else(|| (Canvas::new(w, h, [0, 0, 0, 0]), area));
                transition::draw(&mut canvas, &from.rgba, &layer.rgba, union(area, from_area), tr.look, tr.progress);
            }
            Layer::Text(t) => text::draw(&mut canvas, t, zoom),
            Layer::Look(l) => {
                let whole = Rect { x: 0.0, y: 0.0, w: w as f32, h: h as f32 };
                filters::apply(&mut canvas, l, whole, zoom);
            }
            // Not imitated: docs/effects.md.
            Layer::Region(_) => {}
        }
    }
    if let Some((prev, area)) = outgoing {
        canvas.blend_layer(&prev.rgba, area);
    }
    canvas.into_image()
}

fn scaled(r: Rect, zoom: f32) -> Rect {
    Rect { x: r.x * zoom, y: r.y * zoom, w: r.w * zoom, h: r.h * zoom }
}

fn union(a: Rect, b: Rect) -> Rect {
    let (x0, y0) = (a.x.min(b.x), a.y.min(b.y));
    let (x1, y1) = ((a.x + a.w).max(b.x + b.w), (a.y + a.h).max(b.y + b.h));
    Rect { x: x0, y: y0, w: x1 - x0, h: y1 - y0 }
}

/// A picture's box in output pixels, for a picture that could not be had.
fn box_of(p: &Picture, plan: &Plan) -> Rect {
    Rect { x: p.x, y: p.y, w: p.w.unwrap_or(plan.width as f32), h: p.h.unwrap_or(plan.height as f32) }
}

/// `img` drawn at `r` on a clear layer of the canvas's size, with the picture's looks on it:
/// the layer and the area it covers.
fn with_looks(p: &Picture, img: &Image, r: Rect, zoom: f32, w: u32, h: u32) -> (Canvas, Rect) {
    let mut layer = Canvas::new(w, h, [0, 0, 0, 0]);
    layer.draw_image(img, r, 1.0);
    for look in &p.looks {
        filters::apply(&mut layer, look, r, zoom);
    }
    (layer, r)
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
                    looks: Vec::new(),
                    transition: None,
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
                    looks: Vec::new(),
                    transition: None,
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

    use crate::model::export::import_timeline_str;

    const RED: [u8; 4] = [240, 0, 0, 255];
    const BLUE: [u8; 4] = [0, 0, 240, 255];

    /// The frame of `timeline` at `secs` on a 64x36 output, media "a" red and "b" blue.
    fn frame(timeline: &str, secs: f64) -> (Plan, Image) {
        let p = import_timeline_str(timeline).unwrap();
        let t = Time::from_secs_f64(secs).unwrap();
        let plan = plan_at(&p, t, (64, 36), &active_by_layout(&p, t));
        let pics = plan
            .pictures()
            .map(|(i, pic)| {
                let colour = match &pic.source {
                    Source::Video { media_id, .. } if media_id == "a" => RED,
                    _ => BLUE,
                };
                (i, Image::filled(16, 9, colour))
            })
            .collect();
        let img = compose(&plan, &pics, None);
        (plan, img)
    }

    fn cut(transition: &str) -> String {
        format!(
            r#"{{"VideoTracks":[{{"VideoTrackClips":[
                {{"MediaId":"a","In":0,"Out":4,"Effects":[{{"Type":"Transition","SubType":"{transition}","Duration":1}},
                                                  {{"Type":"Text","Content":"A","X":0,"Y":0,"FontSize":8}}]}},
                {{"MediaId":"b","In":0,"Out":4}}]}}]}}"#
        )
    }

    #[test]
    fn a_cross_dissolve_mixes_the_two_clips_of_a_cut_over_the_overlap() {
        let (plan, img) = frame(&cut("fade"), 3.5);
        let Layer::Picture(out) = &plan.layers[0] else { panic!("{:?}", plan.layers) };
        let Layer::Picture(into) = &plan.layers[1] else { panic!("{:?}", plan.layers) };
        let (a, b) = (out.transition.unwrap(), into.transition.unwrap());
        assert_eq!((a.incoming, b.incoming, a.progress), (false, true, 0.5));
        assert!(matches!(plan.layers[2], Layer::Text(_)), "the outgoing clip's text after both pictures");
        assert_eq!(img.pixel(40, 30), [120, 0, 120, 255], "the mean of red and blue");
        assert_eq!(frame(&cut("fade"), 3.1).1.pixel(40, 30)[0], 216, "a tenth of the way: mostly red");
        assert_eq!(frame(&cut("fade"), 2.5).1.pixel(40, 30), RED, "before the overlap");
        assert_eq!(frame(&cut("fade"), 4.5).1.pixel(40, 30), BLUE, "after it");
    }

    #[test]
    fn a_wipe_right_splits_the_frame_at_its_progress_old_on_the_right() {
        let (_, img) = frame(&cut("wiperight"), 3.5);
        assert_eq!((img.pixel(5, 30), img.pixel(31, 30)), (BLUE, BLUE));
        assert_eq!((img.pixel(32, 30), img.pixel(60, 30)), (RED, RED));
    }

    #[test]
    fn a_transition_drawn_as_a_placeholder_keeps_the_plain_overlap() {
        let (plan, img) = frame(&cut("directional"), 3.5);
        assert!(plan.pictures().all(|(_, p)| p.transition.is_none()));
        assert_eq!(img.pixel(40, 30), BLUE, "the next clip on top, as before");
        let (_, img) = frame(&cut("no-such-transition"), 3.5);
        assert_eq!(img.pixel(40, 30), BLUE, "an unknown SubType: no panic, no drawing");
    }

    #[test]
    fn clip_filters_act_on_their_clip_only_and_effect_tracks_on_the_frame_in_their_range() {
        let timeline = r#"{"VideoTracks":[
              {"VideoTrackClips":[{"MediaId":"a","In":0,"Out":4,"Effects":[{"Type":"Filter","SubType":"pfb"}]}]},
              {"VideoTrackClips":[{"MediaId":"b","In":0,"Out":4,"X":0,"Y":0,"Width":0.25,"Height":0.25}]}],
            "EffectTracks":[{"EffectTrackItems":[{"Type":"VFX","SubType":"grey_to_color","TimelineIn":2,"TimelineOut":3},
                                                 {"Type":"VFX","SubType":"snow"}]}]}"#;
        let (plan, img) = frame(timeline, 1.0);
        let grey = img.pixel(40, 30);
        assert!(grey[0] == grey[1] && grey[1] == grey[2] && grey[0] > 50, "the filtered clip: {grey:?}");
        assert_eq!(img.pixel(4, 2), BLUE, "the clip above keeps its colour");
        assert!(!plan.layers.iter().any(|l| matches!(l, Layer::Look(_))), "the effect track's item starts at 2 s");
        let (plan, img) = frame(timeline, 2.5);
        assert_eq!(plan.layers.iter().filter(|l| matches!(l, Layer::Look(_))).count(), 1, "snow is not drawn");
        // Blue (0, 0, 240) has a luma of 27: half way from it to grey, on the clip above too.
        assert_eq!(img.pixel(4, 2), [14, 14, 134, 255]);
    }
}
