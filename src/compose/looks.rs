//! How the documented transitions, filters and VFX look in the local compositor: which
//! SubTypes are drawn, and with what. Pure lookups; the pixels are `filters.rs` and
//! `transition.rs`.
//!
//! VOD publishes no shader, LUT or timing for any effect (shared/vod/effects.md 8): a look is
//! drawn only where the name (or the documents) leave no doubt what it is. Most transition
//! SubTypes share their names with the open-source gl-transitions collection; where a name
//! alone is clear, its drawing follows that shader's formula and is called an approximation.
//! Everything else stays a labelled placeholder in the draft (`draft/placeholders.rs`).

use super::image::Rect;
use super::layout::length;
use crate::model::effects::Family;
use crate::model::effects::params::parse_ext_params;
use crate::model::wire::KnownEffect;

/// How faithfully vodcut draws an entry of the catalogue.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rendering {
    /// What the name defines, drawn as defined (a cross-dissolve, a hard-edged wipe, greyscale).
    Exact,
    /// Clear from the name, but the service's strength, curve or softness is unpublished.
    Approximate,
    /// Not drawn: a labelled placeholder in the draft.
    Placeholder,
}

/// The way a wipe's edge moves (gl-transitions' `wipeLeft` ... `wipeDown`: `wiperight`
/// 向右擦除 moves the edge from the left side to the right, the new picture behind it).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    Left,
    Right,
    Up,
    Down,
}

/// A transition vodcut draws.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum TransitionLook {
    /// `fade` (渐隐): a cross-dissolve.
    Dissolve,
    /// `fadecolor` (彩色渐隐): through a colour (black: gl-transitions' default).
    ThroughColour([u8; 3]),
    /// `fadegrayscale` (灰色渐隐): both pictures pass through their greyscale.
    ThroughGrey,
    /// `wipeleft` ... `wipedown`: a hard edge moving across.
    Wipe(Direction),
    /// `circleopen` (椭圆溶解): a soft-edged ellipse growing from the centre shows the new
    /// picture (gl-transitions' `circleopen`, smoothness 0.3).
    EllipseOpen,
    /// An iris: a shape closes on the old picture to a colour, then opens on the new one.
    /// `circle` (椭圆遮罩): an ellipse (the frame's shape) through dark grey (gl-transitions'
    /// `circle`); `circlecrop` (圆形遮罩): a circle through black (gl-transitions'
    /// `CircleCrop`).
    Iris { circle: bool },
    /// `simplezoom` (放大消失): the old picture grows and fades into the new one.
    Zoom,
    /// `pixelize` (像素溶解): both pictures dissolve through large pixels.
    Pixelize,
}

/// The transition drawn for `sub_type`, None when it stays a placeholder.
pub fn transition(sub_type: &str) -> Option<TransitionLook> {
    Some(match sub_type {
        "fade" => TransitionLook::Dissolve,
        "fadecolor" => TransitionLook::ThroughColour([0, 0, 0]),
        "fadegrayscale" => TransitionLook::ThroughGrey,
        "wipeleft" => TransitionLook::Wipe(Direction::Left),
        "wiperight" => TransitionLook::Wipe(Direction::Right),
        "wipeup" => TransitionLook::Wipe(Direction::Up),
        "wipedown" => TransitionLook::Wipe(Direction::Down),
        "circle" => TransitionLook::Iris { circle: false },
        "circleopen" => TransitionLook::EllipseOpen,
        "circlecrop" => TransitionLook::Iris { circle: true },
        "simplezoom" => TransitionLook::Zoom,
        "pixelize" => TransitionLook::Pixelize,
        _ => return None,
    })
}

/// The custom colour grade's values (Filter `color`, ExtParams; effects.md 3.4: third-party
/// ranges, IMS only). Zero is "no change" for each.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Grade {
    /// Added to every channel, -255..255.
    pub brightness: f32,
    /// -100..100: -100 flat grey, 100 twice the contrast.
    pub contrast: f32,
    /// -100..100: -100 greyscale, 100 twice the saturation.
    pub saturation: f32,
    /// The colour of a light at this temperature (kelvin) laid over the picture by
    /// `temperature_ratio` (0..1).
    pub kelvin: f32,
    pub temperature_ratio: f32,
    /// -100..100: towards magenta (-) or green (+).
    pub tint: f32,
    /// 0..1: how much darker the corners get.
    pub vignette: f32,
}

/// A filter or VFX vodcut draws on a picture (a clip's effect) or on the frame (an effect
/// track's item). Lengths are output pixels.
#[derive(Clone, Debug, PartialEq)]
pub enum Look {
    /// Towards greyscale by this much (0..1; BT.601 luma).
    Grey(f32),
    /// A gaussian-like blur (three box passes) of this radius, in one or both directions,
    /// over `region` (None: the whole picture).
    Blur {
        radius: f32,
        horizontal: bool,
        vertical: bool,
        region: Option<Rect>,
    },
    /// Cells of this side, each the mean of its pixels, over `region`.
    Mosaic {
        cell: f32,
        region: Option<Rect>,
    },
    Grade(Grade),
    /// The picture scaled by this about its centre, cropped to where it was.
    Zoom(f32),
}

/// Blur radius and mosaic cell as a share of the output's height (GUESS: the service's
/// strength is unpublished; these read clearly at every preview size).
const BLUR_SHARE: f32 = 0.02;
const MOSAIC_SHARE: f32 = 0.04;
/// How far `zoom` (逐渐放大) and `zoomslight` (轻微放大) have zoomed at their end (GUESS).
const ZOOM_END: f32 = 1.3;
const ZOOM_SLIGHT_END: f32 = 1.1;

/// Whether the look of this Filter/VFX SubType changes over its span (the caller then
/// works out how far through it `t` is).
pub fn changes_over_time(sub_type: &str) -> bool {
    matches!(sub_type, "color_to_grey" | "grey_to_color" | "zoom" | "zoomslight")
}

/// The look of a `Filter` or `VFX` effect `progress` (0..1) of the way through its span, on
/// an output of `size`; None when it stays a placeholder.
pub fn look(e: &KnownEffect, progress: f32, size: (f32, f32)) -> Option<Look> {
    let sub = e.sub_type.as_deref()?;
    let p = progress.clamp(0.0, 1.0);
    let h = size.1;
    let region = || {
        let (x, y) = (length(e.x.as_ref(), size.0).unwrap_or(0.0), length(e.y.as_ref(), size.1).unwrap_or(0.0));
        let (w, hh) = (length(e.width.as_ref(), size.0)?, length(e.height.as_ref(), size.1)?);
        Some(Rect { x, y, w, h: hh })
    };
    let blur =
        |horizontal, vertical, region| Look::Blur { radius: (h * BLUR_SHARE).max(1.0), horizontal, vertical, region };
    match (e.r#type.as_str(), sub) {
        ("Filter", "pfb" | "pv6") => Some(Look::Grey(1.0)),
        ("Filter", "color") => Some(Look::Grade(grade(e.extra.get_str("ExtParams").as_deref().unwrap_or("")))),
        ("VFX", "blur") => Some(blur(true, true, region())),
        ("VFX", "h_blur") => Some(blur(true, false, None)),
        ("VFX", "v_blur") => Some(blur(false, true, None)),
        ("VFX", "mosaic_rect") => Some(Look::Mosaic { cell: (h * MOSAIC_SHARE).max(2.0), region: region() }),
        ("VFX", "color_to_grey") => Some(Look::Grey(p)),
        ("VFX", "grey_to_color") => Some(Look::Grey(1.0 - p)),
        ("VFX", "zoom") => Some(Look::Zoom(1.0 + (ZOOM_END - 1.0) * p)),
        ("VFX", "zoomslight") => Some(Look::Zoom(1.0 + (ZOOM_SLIGHT_END - 1.0) * p)),
        _ => None,
    }
}

/// The grade of an `ExtParams` text (`effect=color,brightness=-10,...`); unreadable values
/// count as 0, values past the documented ranges are held to them.
pub fn grade(ext_params: &str) -> Grade {
    let mut g = Grade { kelvin: 6500.0, ..Grade::default() };
    for (k, v) in parse_ext_params(ext_params) {
        let Some(v) = v.parse::<f32>().ok().filter(|v| v.is_finite()) else { continue };
        match k.as_str() {
            "brightness" => g.brightness = v.clamp(-255.0, 255.0),
            "contrast" => g.contrast = v.clamp(-100.0, 100.0),
            "saturation" => g.saturation = v.clamp(-100.0, 100.0),
            "kelvin_temperature" => g.kelvin = v.clamp(1000.0, 40000.0),
            "temperature_ratio" => g.temperature_ratio = v.clamp(0.0, 100.0) / 100.0,
            "tint" => g.tint = v.clamp(-100.0, 100.0),
            "dark_corner_ratio" => g.vignette = v.clamp(0.0, 100.0) / 100.0,
            _ => {}
        }
    }
    g
}

/// How vodcut draws the catalogue entry `id` of `family` (motions, word art and fonts are
/// fields of a text: their look is the text's, placeholders for the motion and style).
pub fn rendering(family: Family, id: &str) -> Rendering {
    match family {
        Family::Transition => match transition(id) {
            Some(TransitionLook::Dissolve | TransitionLook::Wipe(_)) => Rendering::Exact,
            Some(_) => Rendering::Approximate,
            None => Rendering::Placeholder,
        },
        Family::Filter | Family::Vfx => {
            let e = KnownEffect {
                r#type: family.effect_type().unwrap_or_default().to_owned(),
                sub_type: Some(id.to_owned()),
                ..KnownEffect::default()
            };
            match look(&e, 0.5, (100.0, 100.0)) {
                Some(Look::Grey(_)) if !changes_over_time(id) => Rendering::Exact,
                Some(_) => Rendering::Approximate,
                None => Rendering::Placeholder,
            }
        }
        _ => Rendering::Placeholder,
    }
}

/// Whether an effect of `effect_type` and `sub_type` is drawn (not a placeholder).
pub fn is_drawn(effect_type: &str, sub_type: Option<&str>) -> bool {
    let Some(family) = Family::of_type(effect_type) else { return false };
    sub_type.is_some_and(|s| rendering(family, s) != Rendering::Placeholder)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_names_that_leave_no_doubt_are_drawn() {
        assert_eq!(rendering(Family::Transition, "fade"), Rendering::Exact);
        assert_eq!(rendering(Family::Transition, "wiperight"), Rendering::Exact);
        assert_eq!(rendering(Family::Transition, "circleopen"), Rendering::Approximate);
        assert_eq!(rendering(Family::Transition, "directional"), Rendering::Placeholder, "a push? a wipe? unsure");
        assert_eq!(rendering(Family::Transition, "no-such-thing"), Rendering::Placeholder);
        assert_eq!(rendering(Family::Filter, "pfb"), Rendering::Exact);
        assert_eq!(rendering(Family::Filter, "pv6"), Rendering::Exact);
        assert_eq!(rendering(Family::Filter, "pf3"), Rendering::Placeholder, "warm: no published LUT");
        assert_eq!(rendering(Family::Filter, "color"), Rendering::Approximate);
        assert_eq!(rendering(Family::Vfx, "blur"), Rendering::Approximate);
        assert_eq!(rendering(Family::Vfx, "color_to_grey"), Rendering::Approximate);
        assert_eq!(rendering(Family::Vfx, "snow"), Rendering::Placeholder);
        assert_eq!(rendering(Family::MotionIn, "fade_in"), Rendering::Placeholder);
        assert!(is_drawn("VFX", Some("mosaic_rect")));
        assert!(!is_drawn("VFX", None));
        assert!(!is_drawn("Transition", Some("random")), "the service picks one: unknowable");
        assert!(!is_drawn("DeWatermark", Some("Delogo_Blur")));
    }

    #[test]
    fn the_colour_grade_reads_ext_params_and_holds_values_to_their_ranges() {
        let g = grade("effect=color,brightness=-10,contrast=500,saturation=x,dark_corner_ratio=50");
        assert_eq!((g.brightness, g.contrast, g.saturation, g.vignette), (-10.0, 100.0, 0.0, 0.5));
        assert_eq!(grade(""), Grade { kelvin: 6500.0, ..Grade::default() });
    }

    #[test]
    fn a_region_is_a_ratio_of_the_output_or_pixels() {
        let e: KnownEffect =
            serde_json::from_str(r#"{"Type":"VFX","SubType":"mosaic_rect","X":0.5,"Y":10,"Width":0.25,"Height":0.5}"#)
                .unwrap();
        let Some(Look::Mosaic { region, .. }) = look(&e, 0.0, (200.0, 100.0)) else { panic!() };
        assert_eq!(region, Some(Rect { x: 100.0, y: 10.0, w: 50.0, h: 50.0 }));
        let zoom: KnownEffect = serde_json::from_str(r#"{"Type":"VFX","SubType":"zoom"}"#).unwrap();
        assert_eq!(look(&zoom, 0.0, (1.0, 1.0)), Some(Look::Zoom(1.0)));
        assert_eq!(look(&zoom, 2.0, (1.0, 1.0)), Some(Look::Zoom(ZOOM_END)), "held to the span");
    }
}
