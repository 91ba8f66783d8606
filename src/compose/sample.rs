//! Sample frames for the Effects panel's thumbnails: two generated, colour-coded pictures
//! (a warm "old" one and a cool "new" one), and an entry's look made by the compositor on
//! them, the way the preview and the draft would draw it. Pure.

use super::image::{Canvas, Image, Rect};
use super::layout::{Fit, Layer, Picture, Plan, Source, Transit};
use super::looks::{self, Rendering, TransitionLook};
use crate::model::Time;
use crate::model::effects::Family;
use crate::model::wire::KnownEffect;
use std::collections::HashMap;

/// A `w`x`h` picture whose colour at each pixel `colour` gives from its place: (u, v) across
/// and down in 0..1, and the picture's size.
fn paint(w: u32, h: u32, colour: impl Fn(f32, f32, f32, f32) -> [f32; 3]) -> Image {
    let (w, h) = (w.max(1), h.max(1));
    let (fw, fh) = (w as f32, h as f32);
    let mut rgba = Vec::with_capacity((w * h * 4) as usize);
    for y in 0..h {
        for x in 0..w {
            let c = colour((x as f32 + 0.5) / fw, (y as f32 + 0.5) / fh, fw, fh);
            rgba.extend(c.map(|c| c.round().clamp(0.0, 255.0) as u8));
            rgba.push(255);
        }
    }
    Image::new(w, h, rgba).unwrap_or_else(|| Image::filled(1, 1, [0, 0, 0, 255]))
}

/// The warm picture: an orange-to-purple sky, a pale sun and dark hills; what a transition
/// leaves and what a filter is shown on. Detail (the sun's edge, the hills) shows blur and
/// mosaic.
pub fn old_picture(w: u32, h: u32) -> Image {
    paint(w, h, |u, v, fw, fh| {
        if v > 0.72 + 0.08 * (u * 9.0).sin() {
            [60.0, 30.0, 50.0]
        } else if ((u - 0.3) * fw).hypot((v - 0.4) * fh) < fh * 0.18 {
            [255.0, 235.0, 170.0]
        } else {
            [250.0 - 90.0 * v, 150.0 - 110.0 * v, 60.0 + 120.0 * v]
        }
    })
}

/// The cool picture: a blue-green sea with light diagonal waves; what a transition brings.
pub fn new_picture(w: u32, h: u32) -> Image {
    paint(w, h, |u, v, _, _| {
        let wave = ((u * 3.0 + v * 2.0) * 6.0).fract() < 0.18;
        if wave { [150.0, 230.0, 235.0] } else { [20.0 + 40.0 * u, 110.0 + 60.0 * v, 200.0] }
    })
}

fn full(source: &str, w: u32, h: u32) -> Picture {
    Picture {
        source: Source::Image { image_id: source.to_owned() },
        track: 0,
        clip: 0,
        x: 0.0,
        y: 0.0,
        w: Some(w as f32),
        h: Some(h as f32),
        fit: Fit::Stretch,
        looks: Vec::new(),
        transition: None,
    }
}

/// Where a transition's thumbnail is taken: half way, but for those that are one colour there
/// (through black, the irises), a little before, while the old picture shows.
fn telling_progress(look: TransitionLook) -> f32 {
    match look {
        TransitionLook::ThroughColour(_) => 0.35,
        TransitionLook::Iris { circle: true } => 0.2,
        TransitionLook::Iris { circle: false } => 0.3,
        _ => 0.5,
    }
}

/// The placeholder's yellow (the draft's outline colour).
pub const PLACEHOLDER: [u8; 4] = [255, 214, 0, 255];

/// The thumbnail of catalogue entry `id` of `family`, `w`x`h`: a transition half way between
/// the two pictures (see [`telling_progress`]), a filter or VFX on the warm one (at the middle of its span), an entry
/// drawn as a placeholder the warm picture in the placeholder's yellow outline. None for the
/// families that are fields of a text (motions, word art, fonts: no look of their own here).
pub fn thumbnail(family: Family, id: &str, w: u32, h: u32) -> Option<Image> {
    let effect_type = family.effect_type()?;
    let (w, h) = (w.clamp(8, 512), h.clamp(8, 512));
    let mut pictures = HashMap::from([(0, old_picture(w, h))]);
    let mut first = full("old", w, h);
    let mut layers = Vec::new();
    let drawn = looks::rendering(family, id) != Rendering::Placeholder;
    if drawn && family == Family::Transition {
        let look = looks::transition(id)?;
        let progress = telling_progress(look);
        first.transition = Some(Transit { look, progress, incoming: false });
        let mut second = full("new", w, h);
        second.transition = Some(Transit { look, progress, incoming: true });
        pictures.insert(1, new_picture(w, h));
        layers.push(Layer::Picture(first));
        layers.push(Layer::Picture(second));
    } else {
        if drawn {
            let e =
                KnownEffect { r#type: effect_type.to_owned(), sub_type: Some(id.to_owned()), ..KnownEffect::default() };
            first.looks.extend(looks::look(&e, 0.5, (w as f32, h as f32)));
        }
        layers.push(Layer::Picture(first));
    }
    let plan = Plan { width: w, height: h, at: Time::ZERO, layers };
    let img = super::compose(&plan, &pictures, None);
    if drawn {
        return Some(img);
    }
    let mut c = Canvas { width: img.width, height: img.height, rgba: img.rgba.to_vec() };
    let yellow = Image::filled(1, 1, PLACEHOLDER);
    let t = (h as f32 / 18.0).round().max(2.0);
    let (fw, fh) = (w as f32, h as f32);
    for edge in [
        Rect { x: 0.0, y: 0.0, w: fw, h: t },
        Rect { x: 0.0, y: fh - t, w: fw, h: t },
        Rect { x: 0.0, y: 0.0, w: t, h: fh },
        Rect { x: fw - t, y: 0.0, w: t, h: fh },
    ] {
        c.draw_image(&yellow, edge, 1.0);
    }
    Some(c.into_image())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_dissolve_thumbnail_is_the_two_pictures_mean_and_a_wipe_is_split() {
        let (a, b) = (old_picture(96, 54), new_picture(96, 54));
        let fade = thumbnail(Family::Transition, "fade", 96, 54).unwrap();
        for (x, y) in [(10, 10), (48, 27), (90, 50)] {
            let (pa, pb, m) = (a.pixel(x, y), b.pixel(x, y), fade.pixel(x, y));
            for k in 0..3 {
                let mean = (pa[k] as i32 + pb[k] as i32) / 2;
                assert!((m[k] as i32 - mean).abs() <= 1, "({x}, {y}) channel {k}: {m:?} from {pa:?} and {pb:?}");
            }
        }
        let wipe = thumbnail(Family::Transition, "wiperight", 96, 54).unwrap();
        assert_eq!((wipe.pixel(10, 10), wipe.pixel(80, 10)), (b.pixel(10, 10), a.pixel(80, 10)));
    }

    #[test]
    fn filters_show_on_the_warm_picture_and_placeholders_are_outlined() {
        let grey = thumbnail(Family::Filter, "pfb", 96, 54).unwrap();
        assert!(grey.rgba.chunks_exact(4).all(|p| p[0] == p[1] && p[1] == p[2]));
        let snow = thumbnail(Family::Vfx, "snow", 96, 54).unwrap();
        assert_eq!(snow.pixel(0, 0), PLACEHOLDER);
        let black = thumbnail(Family::Transition, "fadecolor", 96, 54).unwrap();
        assert!(black.pixel(48, 27)[0] > 40, "not all black: the old picture on its way to black");
        assert_eq!(snow.pixel(48, 27), old_picture(96, 54).pixel(48, 27), "the picture itself unchanged");
        let unknown = thumbnail(Family::Transition, "no-such", 96, 54).unwrap();
        assert_eq!(unknown.pixel(95, 53), PLACEHOLDER);
        let blur = thumbnail(Family::Vfx, "blur", 96, 54).unwrap();
        assert_ne!(blur, thumbnail(Family::Vfx, "snow", 96, 54).unwrap());
        assert!(thumbnail(Family::Font, "SimSun", 96, 54).is_none());
        assert!(thumbnail(Family::MotionIn, "fade_in", 96, 54).is_none());
    }
}
