//! Aspect variants (`--variants 16:9,9:16,1:1`): one project in another shape.
//!
//! The output size: the short side of the project's own output (its ProduceConfig size, else
//! 1280x720) stays, the long side follows the new aspect (1920x1080 makes 1080x1920 and
//! 1080x1080), even numbers, at most 4096 a side (the service's documented maximum).
//!
//! What is placed on the frame (image overlays, subtitles, Text effects, video clips with a
//! box) keeps its place relative to the safe area (the frame less 5 % at each edge): a thing
//! in the left third of the frame keeps its distance from the safe area's left edge, one in
//! the right third from its right edge, one in the middle from the centre; the same
//! vertically. Sizes (boxes, font sizes) scale by one factor, so nothing is stretched: the
//! smaller of the two sides' ratios. A ratio stays a ratio, pixels stay pixels.
//!
//! Video clips without a box fill the frame as the service lays them out: `Fit::Fit` leaves
//! them so (the picture whole, bars where the aspect differs); `Fit::Fill` gives each a box
//! that covers the frame (the picture cropped, no bars), centred.

use crate::model::Project;
use crate::model::project::TrackKind;
use crate::model::wire::{Effect, Num};

/// The largest output side the service documents (api.md 2.7).
pub const MAX_SIDE: u32 = 4096;
/// The longest aspect a variant may have: 4096 / 128, the documented largest and smallest sides.
pub const MAX_STRETCH: u32 = MAX_SIDE / crate::model::validate::MIN_SIDE;
/// The safe area's margin at each edge, as a share of the side.
const MARGIN: f64 = 0.05;

/// An aspect ratio as given (`9:16`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Aspect {
    pub w: u32,
    pub h: u32,
}

impl Aspect {
    /// `16:9`, `9:16`, `1:1`, `4:5`... (whole numbers 1 to 100 each side, the long side at
    /// most [`MAX_STRETCH`] times the short: a longer one would leave a side under the
    /// service's 128 px minimum once the long side is held to 4096).
    pub fn parse(text: &str) -> Option<Aspect> {
        let (a, b) = text.trim().split_once([':', 'x', '/'])?;
        let (w, h): (u32, u32) = (a.trim().parse().ok()?, b.trim().parse().ok()?);
        if !((1..=100).contains(&w) && (1..=100).contains(&h)) {
            return None;
        }
        // In lowest terms: `32:18` is `16:9`, the same production, not a second one.
        let (mut a, mut b) = (w, h);
        while b != 0 {
            (a, b) = (b, a % b);
        }
        let (w, h) = (w / a, h / a);
        if w.max(h) > MAX_STRETCH * w.min(h) {
            return None;
        }
        Some(Aspect { w, h })
    }

    /// `9:16`: the manifest's and the messages' name for it.
    pub fn label(&self) -> String {
        format!("{}:{}", self.w, self.h)
    }
}

/// How video clips without a box meet a frame of another shape.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Fit {
    /// The whole picture, bars where the aspect differs (the service's own layout).
    #[default]
    Fit,
    /// The frame covered, the picture cropped.
    Fill,
}

/// The output size of `aspect` for a project whose own output is `base`.
pub fn size_for(base: (u32, u32), aspect: Aspect) -> (u32, u32) {
    let short = f64::from(base.0.min(base.1).max(2));
    let (w, h) = if aspect.w >= aspect.h {
        (short * f64::from(aspect.w) / f64::from(aspect.h), short)
    } else {
        (short, short * f64::from(aspect.h) / f64::from(aspect.w))
    };
    let over = (w.max(h) / f64::from(MAX_SIDE)).max(1.0);
    let even = |v: f64| ((v / over / 2.0).round() as u32 * 2).max(2);
    (even(w), even(h))
}

/// The project's own output size: its ProduceConfig's, else the compositor's fallback.
pub fn base_size(project: &Project) -> (u32, u32) {
    match (project.produce_config.width, project.produce_config.height) {
        (Some(w), Some(h)) if w > 0 && h > 0 => (w, h),
        _ => crate::compose::layout::FALLBACK_SIZE,
    }
}

/// `project` in the shape of `aspect`.
pub fn apply(project: &Project, aspect: Aspect, fit: Fit) -> Project {
    let base = base_size(project);
    let size = size_for(base, aspect);
    let mut p = project.clone();
    p.produce_config.width = Some(size.0);
    p.produce_config.height = Some(size.1);
    let m = Mapping::new(base, size);
    for track in &mut p.tracks {
        for clip in &mut track.clips {
            let boxed = clip.area.width.is_some()
                || clip.area.height.is_some()
                || clip.area.x.is_some()
                || clip.area.y.is_some();
            match track.kind {
                TrackKind::Video if !boxed && fit == Fit::Fill => m.cover(clip),
                TrackKind::Video | TrackKind::Image if boxed => {
                    let area = &mut *clip.area;
                    m.place_box(&mut area.x, &mut area.width, true);
                    m.place_box(&mut area.y, &mut area.height, false);
                }
                TrackKind::Subtitle => {
                    m.place_box(&mut clip.area.x, &mut None, true);
                    m.place_box(&mut clip.area.y, &mut None, false);
                    m.scale(&mut clip.style.font_size);
                }
                _ => {}
            }
            for e in &mut clip.effects {
                if let Effect::Known(e) = e
                    && e.r#type == "Text"
                {
                    m.place_box(&mut e.x, &mut None, true);
                    m.place_box(&mut e.y, &mut None, false);
                    m.scale(&mut e.font_size);
                }
            }
        }
    }
    p
}

struct Mapping {
    base: (f64, f64),
    size: (f64, f64),
    /// Lengths scale by this (the smaller side ratio: nothing grows out of the frame).
    s: f64,
}

impl Mapping {
    fn new(base: (u32, u32), size: (u32, u32)) -> Mapping {
        let base = (f64::from(base.0), f64::from(base.1));
        let size = (f64::from(size.0), f64::from(size.1));
        Mapping { base, size, s: (size.0 / base.0).min(size.1 / base.1) }
    }

    /// Moves a position and its length (pixels or ratios of the side) along one axis.
    fn place_box(&self, pos: &mut Option<Num>, len: &mut Option<Num>, horizontal: bool) {
        let (old, new) = if horizontal { (self.base.0, self.size.0) } else { (self.base.1, self.size.1) };
        let px = |n: &Num, full: f64| if n.value().abs() <= 1.0 { n.value() * full } else { n.value() };
        let length = len.as_ref().map(|n| px(n, old)).unwrap_or(0.0);
        if let Some(p) = pos.as_mut() {
            let x = px(p, old);
            let centre = x + length / 2.0;
            let new_x = if centre < old / 3.0 {
                MARGIN * new + (x - MARGIN * old) * self.s
            } else if centre > old * 2.0 / 3.0 {
                let gap = (old - MARGIN * old) - (x + length);
                new - MARGIN * new - gap * self.s - length * self.s
            } else {
                new / 2.0 + (centre - old / 2.0) * self.s - length * self.s / 2.0
            };
            *p = write(p, new_x, new);
        }
        if let Some(l) = len.as_mut() {
            *l = write(l, length * self.s, new);
        }
    }

    fn scale(&self, n: &mut Option<Num>) {
        if let Some(n) = n.as_mut()
            && let Some(v) = Num::float(n.value() * self.s)
        {
            *n = if n.number.is_f64() { v } else { Num::int((n.value() * self.s).round() as i64) };
        }
    }

    /// A video clip's box covering the whole frame (its picture taken to have the base
    /// output's shape, which the template was made for), centred.
    fn cover(&self, clip: &mut crate::model::wire::Clip) {
        let k = (self.size.0 / self.base.0).max(self.size.1 / self.base.1);
        let (w, h) = (self.base.0 * k, self.base.1 * k);
        let px = |v: f64| Num::int(avoid_ratio(v.round() as i64));
        clip.area.x = Some(px((self.size.0 - w) / 2.0));
        clip.area.y = Some(px((self.size.1 - h) / 2.0));
        clip.area.width = Some(px(w));
        clip.area.height = Some(px(h));
    }
}

/// `value` pixels written the way `like` was: a ratio of `full` (4 decimals) or whole pixels.
fn write(like: &Num, value: f64, full: f64) -> Num {
    if like.value().abs() <= 1.0 {
        let r = (value / full * 10_000.0).round() / 10_000.0;
        Num::float(r.clamp(-1.0, 1.0)).unwrap_or_else(|| Num::int(0))
    } else {
        Num::int(avoid_ratio(value.round() as i64))
    }
}

/// A pixel value of 1 (or -1) would read as a ratio (the whole side): 2 instead.
fn avoid_ratio(v: i64) -> i64 {
    match v {
        1 => 2,
        -1 => -2,
        v => v,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::export::import_timeline_str;

    #[test]
    fn sizes_keep_the_short_side() {
        let a = |t: &str| Aspect::parse(t).unwrap();
        assert_eq!(size_for((1920, 1080), a("9:16")), (1080, 1920));
        assert_eq!(a("32:18"), a("16:9"), "one shape, however it is written");
        assert_eq!(a("32:18").label(), "16:9");
        assert_eq!(size_for((1920, 1080), a("1:1")), (1080, 1080));
        assert_eq!(size_for((1280, 720), a("16:9")), (1280, 720));
        assert_eq!(size_for((1280, 720), a("4:5")), (720, 900));
        assert_eq!(size_for((4096, 2304), a("9:16")), (2304, 4096));
        assert_eq!(size_for((3000, 3000), a("16:9")).0, 4096, "capped");
        assert!(Aspect::parse("0:9").is_none() && Aspect::parse("wide").is_none());
        // 32:1 is the longest shape whose short side stays at least 128 px at 4096 long.
        assert_eq!(size_for((1920, 1080), a("32:1")), (4096, 128));
        assert_eq!(size_for((1280, 720), a("1:32")), (128, 4096));
        assert!(Aspect::parse("33:1").is_none() && Aspect::parse("1:100").is_none());
    }

    #[test]
    fn overlays_keep_their_place_relative_to_the_safe_area() {
        let mut p = import_timeline_str(
            r#"{"VideoTracks":[{"VideoTrackClips":[{"MediaId":"m","Out":4,"Effects":[{"Type":"Text","Content":"Hi","X":0.5,"Y":0.9,"FontSize":40}]}]}],
               "ImageTracks":[{"ImageTrackClips":[{"ImageId":"logo","X":1696,"Y":64,"Width":160,"Height":90}]}]}"#,
        )
        .unwrap();
        p.produce_config.width = Some(1920);
        p.produce_config.height = Some(1080);
        let q = apply(&p, Aspect { w: 9, h: 16 }, Fit::Fit);
        assert_eq!((q.produce_config.width, q.produce_config.height), (Some(1080), Some(1920)));
        let logo = &q.tracks.iter().find(|t| t.kind == TrackKind::Image).unwrap().clips[0];
        // Top right: the same gap to the safe area's right and top edges, scaled by 1080/1920.
        let (x, w) = (logo.area.x.as_ref().unwrap().value(), logo.area.width.as_ref().unwrap().value());
        assert_eq!(w, 90.0);
        let right_gap = (1080.0 - 54.0) - (x + w);
        assert!((right_gap - (1920.0 - 96.0 - 1856.0) * 0.5625).abs() <= 1.0, "{x} {w}");
        assert!(logo.area.y.as_ref().unwrap().value() < 150.0);
        let text = match &q.tracks[0].clips[0].effects[0] {
            Effect::Known(e) => e,
            _ => unreachable!(),
        };
        assert_eq!(text.x.as_ref().unwrap().value(), 0.5, "centred stays centred");
        assert!(text.y.as_ref().unwrap().value() > 0.9, "near the bottom, kept near the bottom");
        assert_eq!(text.font_size.as_ref().unwrap().value(), 23.0);
        let filled = apply(&p, Aspect { w: 9, h: 16 }, Fit::Fill);
        let v = &filled.tracks[0].clips[0];
        assert_eq!(v.area.height.as_ref().unwrap().value(), 1920.0);
        assert_eq!(v.area.x.as_ref().unwrap().value(), ((1080.0 - 3413.0) / 2.0_f64).round());
    }
}
