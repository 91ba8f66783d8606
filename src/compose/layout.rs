//! What the output frame at a time is made of: which clips show, which source time of each,
//! where they go, and which texts are drawn, bottom layer first. Pure model logic.
//!
//! Rules (shared/vod/api.md 2.3, 2.5, 2.7, 3.1):
//! - Video tracks stack in API order (the first is the bottom), then image-overlay tracks,
//!   then subtitle tracks. Hidden tracks are left out, as in the export.
//! - A video clip without X/Y/Width/Height fills the output, scaled to fit with black bars
//!   where aspect ratios differ. With a box, it is fitted into that box the same way (the
//!   legacy doc pads; IMS's AdaptMode default would stretch: UNSURE, padding keeps the picture
//!   undistorted).
//! - X/Y/Width/Height are a ratio of the output when at most 1, else output pixels.
//! - Image overlays are stretched to their box; a missing Width or Height keeps the image's
//!   aspect, and with neither it keeps its pixel size.
//! - Texts (Text effects active on a shown clip, subtitle clips) anchor their Alignment point
//!   at X/Y (TopLeft when no Alignment is given).

use super::looks::{self, Look, TransitionLook};
use crate::model::project::{Project, TrackKind, clip_length, layout_track, transition_length};
use crate::model::wire::{Clip, Effect, Num};
use crate::model::{Time, wire::KnownEffect};

/// The output size when neither ProduceConfig nor any known source gives one.
pub const FALLBACK_SIZE: (u32, u32) = (1280, 720);
/// Text size when a Text effect or subtitle gives none (the docs' default).
pub const DEFAULT_FONT_SIZE: f32 = 20.0;

/// Where a picture comes from.
#[derive(Clone, Debug, PartialEq)]
pub enum Source {
    /// A frame of a video at a source time.
    Video { media_id: String, at: Time },
    /// A still image (image overlays, Type=Image video clips).
    Image { image_id: String },
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Fit {
    /// Scaled into the box keeping its aspect, centred (black bars around it).
    Contain,
    /// Stretched to the box; a missing side follows the picture's aspect.
    Stretch,
}

/// A picture layer. Lengths are output pixels; `None` width/height mean "from the picture".
#[derive(Clone, Debug, PartialEq)]
pub struct Picture {
    pub source: Source,
    pub track: usize,
    pub clip: usize,
    pub x: f32,
    pub y: f32,
    pub w: Option<f32>,
    pub h: Option<f32>,
    pub fit: Fit,
    /// The clip's filters and VFX acting now, drawn on this picture only.
    pub looks: Vec<Look>,
    /// A transition this picture is half of.
    pub transition: Option<Transit>,
}

/// One half of a transition: the outgoing clip's picture comes first in the plan, the
/// incoming one's next.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Transit {
    pub look: TransitionLook,
    /// 0 at the start of the overlap, 1 at its end.
    pub progress: f32,
    pub incoming: bool,
}

/// What a layer edits when it is moved in the preview: a clip, or one of its Text effects.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Owner {
    pub track: usize,
    pub clip: usize,
    /// The index of the Text effect in the clip's Effects (None: the clip itself).
    pub effect: Option<usize>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct TextBox {
    pub content: String,
    /// The anchor, output pixels.
    pub x: f32,
    pub y: f32,
    /// Which point of the text block sits on the anchor: 0 left/top, 0.5 centre, 1 right/bottom.
    pub anchor: (f32, f32),
    /// Line alignment inside the block (same scale as `anchor.0`).
    pub size: f32,
    pub colour: [u8; 3],
    pub opacity: f32,
    /// The clip or effect it comes from (None: drawn by vodcut itself, a draft's label).
    pub owner: Option<Owner>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Layer {
    Picture(Picture),
    Text(TextBox),
    /// An effect track's filter or VFX: acts on the frame as drawn so far (the video tracks).
    Look(Look),
    /// A DeWatermark's region: nothing is drawn for it (its blur is not imitated: a placeholder
    /// in the draft); the preview picks, places and outlines it.
    Region(Region),
}

/// The box a DeWatermark effect covers, output pixels, and the effect it is.
#[derive(Clone, Debug, PartialEq)]
pub struct Region {
    pub x: f32,
    pub y: f32,
    pub w: f32,
    pub h: f32,
    pub owner: Owner,
}

/// A region's side when its Width or Height is not given: a tenth of the frame's (so it can be
/// seen and taken hold of; the service's default is not documented).
const REGION_DEFAULT_SIDE: f32 = 0.1;

/// The output frame at one time, ready to compose.
#[derive(Clone, Debug, PartialEq)]
pub struct Plan {
    pub width: u32,
    pub height: u32,
    pub at: Time,
    pub layers: Vec<Layer>,
}

impl Plan {
    pub fn pictures(&self) -> impl Iterator<Item = (usize, &Picture)> {
        self.layers.iter().enumerate().filter_map(|(i, l)| match l {
            Layer::Picture(p) => Some((i, p)),
            Layer::Text(_) | Layer::Look(_) | Layer::Region(_) => None,
        })
    }
}

/// The largest side of a picture vodcut makes or takes (8K; the service's documented output
/// maximum is 4096, api.md 2.7): a size past it, from a hand-edited ProduceConfig or a
/// service's answer, is never allocated (4294967295 x 4294967295 used to abort `still`).
pub const MAX_CANVAS_SIDE: u32 = 8192;

fn drawable(w: u32, h: u32) -> bool {
    (1..=MAX_CANVAS_SIDE).contains(&w) && (1..=MAX_CANVAS_SIDE).contains(&h)
}

/// Output size: ProduceConfig Width/Height, else the largest width and the largest height of
/// the sources used (api.md 2.7), else [`FALLBACK_SIZE`]. Sizes past [`MAX_CANVAS_SIDE`] are
/// passed over (the validator calls such a ProduceConfig an error; `still` and `render` refuse
/// it first, see `validate::output_size_problems`).
pub fn output_size(project: &Project, source_size: &dyn Fn(&str) -> Option<(u32, u32)>) -> (u32, u32) {
    let used = project.tracks.iter().filter(|t| t.kind == TrackKind::Video && !t.hidden).flat_map(|t| &t.clips);
    explicit_size(project).unwrap_or_else(|| largest_size(used.filter_map(|c| c.media_id.as_deref()), source_size))
}

/// ProduceConfig's Width and Height, when both are given and drawable.
pub fn explicit_size(project: &Project) -> Option<(u32, u32)> {
    let (w, h) = (project.produce_config.width?, project.produce_config.height?);
    drawable(w, h).then_some((w, h))
}

/// The largest width and the largest height of the sources `ids` (each may come more than
/// once), else [`FALLBACK_SIZE`]: the rule of [`output_size`] for callers that keep the media
/// of the visible video tracks themselves.
pub fn largest_size<'a>(
    ids: impl IntoIterator<Item = &'a str>,
    source_size: &dyn Fn(&str) -> Option<(u32, u32)>,
) -> (u32, u32) {
    let mut best: Option<(u32, u32)> = None;
    for (w, h) in ids.into_iter().filter_map(source_size).filter(|(w, h)| drawable(*w, *h)) {
        let (bw, bh) = best.unwrap_or((0, 0));
        best = Some((bw.max(w), bh.max(h)));
    }
    best.filter(|(w, h)| *w > 0 && *h > 0).unwrap_or(FALLBACK_SIZE)
}

/// Ratio of `full` when at most 1, else pixels.
pub fn length(n: Option<&Num>, full: f32) -> Option<f32> {
    let v = n?.value();
    if !v.is_finite() {
        return None;
    }
    Some(if v.abs() <= 1.0 { v as f32 * full } else { v as f32 })
}

pub fn anchor(alignment: Option<&str>) -> (f32, f32) {
    let a = alignment.unwrap_or("TopLeft");
    let h = if a.ends_with("Left") {
        0.0
    } else if a.ends_with("Right") {
        1.0
    } else {
        0.5
    };
    let v = if a.starts_with("Top") {
        0.0
    } else if a.starts_with("Bottom") {
        1.0
    } else {
        0.5
    };
    (h, v)
}

/// `#rrggbb` (or `rrggbb`); white when unreadable, the documented default.
pub fn colour(hex: Option<&str>) -> [u8; 3] {
    let s = hex.unwrap_or("").trim().trim_start_matches('#');
    if s.len() == 6
        && let Ok(v) = u32::from_str_radix(s, 16)
    {
        return [(v >> 16) as u8, (v >> 8) as u8, v as u8];
    }
    [255, 255, 255]
}

fn text_content(s: Option<&str>) -> String {
    s.unwrap_or_default().replace("\\N", "\n").replace("\\n", "\n")
}

/// The same fields come from a Text effect and from a subtitle clip.
#[allow(clippy::too_many_arguments)]
fn text_box(
    content: Option<&str>,
    x: Option<&Num>,
    y: Option<&Num>,
    align: Option<&str>,
    size: Option<&Num>,
    fg: Option<&str>,
    opacity: Option<&Num>,
    (w, h): (f32, f32),
    owner: Owner,
) -> Option<TextBox> {
    let content = text_content(content);
    if content.trim().is_empty() {
        return None;
    }
    Some(TextBox {
        content,
        x: length(x, w).unwrap_or(0.0),
        y: length(y, h).unwrap_or(0.0),
        anchor: anchor(align),
        size: size.map(|n| n.value() as f32).filter(|s| s.is_finite() && *s > 0.0).unwrap_or(DEFAULT_FONT_SIZE),
        colour: colour(fg),
        opacity: opacity.map(|n| n.value() as f32).filter(|o| o.is_finite()).unwrap_or(1.0).clamp(0.0, 1.0),
        owner: Some(owner),
    })
}

/// A Text effect shows at `t` on a clip placed at `start`: TimelineIn/Out (output times) win,
/// else In/Out relative to the clip, else the whole clip.
fn effect_active(e: &KnownEffect, start: Time, t: Time) -> bool {
    let from = e.timeline_in.or(e.r#in.map(|i| start + i));
    let to = e.timeline_out.or(e.out.map(|o| start + o));
    from.is_none_or(|f| f <= t) && to.is_none_or(|o| t < o)
}

fn picture(
    clip: &Clip,
    kind: TrackKind,
    track: usize,
    ci: usize,
    start: Time,
    t: Time,
    size: (f32, f32),
) -> Option<Picture> {
    let (w, h) = size;
    let is_image = kind == TrackKind::Image || clip.r#type.as_deref() == Some("Image");
    let source = if is_image {
        Source::Image { image_id: clip.material_id()?.to_owned() }
    } else {
        let media_id = clip.media_id.clone()?;
        let at = clip.r#in.unwrap_or(Time::ZERO) + (t - start);
        Source::Video { media_id, at }
    };
    let (bw, bh) = (length(clip.area.width.as_ref(), w), length(clip.area.height.as_ref(), h));
    let (x, y) = (length(clip.area.x.as_ref(), w).unwrap_or(0.0), length(clip.area.y.as_ref(), h).unwrap_or(0.0));
    let (x, y, w, h, fit) = match (is_image && kind == TrackKind::Image, bw, bh) {
        (true, bw, bh) => (x, y, bw, bh, Fit::Stretch),
        (false, None, None) => (0.0, 0.0, Some(w), Some(h), Fit::Contain),
        (false, bw, bh) => (x, y, Some(bw.unwrap_or(w - x)), Some(bh.unwrap_or(h - y)), Fit::Contain),
    };
    Some(Picture { source, track, clip: ci, x, y, w, h, fit, looks: Vec::new(), transition: None })
}

/// The plan of the output frame at `t`, `width`x`height`. `active(track)` lists the clips of a
/// track that cover `t` as (start on the output, clip index) — from an index in the editor,
/// from [`active_by_layout`] elsewhere.
pub fn plan_at(
    project: &Project,
    t: Time,
    (width, height): (u32, u32),
    active: &dyn Fn(usize) -> Vec<(Time, usize)>,
) -> Plan {
    let size = (width as f32, height as f32);
    let mut ends = Ends::new(project);
    let mut layers = Vec::new();
    for kind in [TrackKind::Video, TrackKind::Image, TrackKind::Subtitle] {
        for (ti, track) in project.tracks.iter().enumerate().filter(|(_, tr)| tr.kind == kind && !tr.hidden) {
            let mut shown: Vec<Shown> = Vec::new();
            for (start, ci) in active(ti) {
                let Some(clip) = track.clips.get(ci) else { continue };
                if kind == TrackKind::Subtitle || clip.is_text() {
                    let b = text_box(
                        clip.content.as_deref(),
                        clip.area.x.as_ref(),
                        clip.area.y.as_ref(),
                        clip.style.alignment.as_deref(),
                        clip.style.font_size.as_ref(),
                        clip.style.font_color.as_deref(),
                        clip.style.font_color_opacity.as_ref(),
                        size,
                        Owner { track: ti, clip: ci, effect: None },
                    );
                    layers.extend(b.map(Layer::Text));
                    continue;
                }
                let picture = picture(clip, kind, ti, ci, start, t, size).map(|mut p| {
                    p.looks = clip_looks(clip, start, t, size, &mut ends);
                    p
                });
                let mut texts = clip_texts(clip, (ti, ci), start, t, size);
                texts.extend(clip_regions(clip, (ti, ci), start, t, size).into_iter().map(Layer::Region));
                shown.push(Shown { ci, start, picture, texts, done: false });
            }
            if kind == TrackKind::Video {
                pair_transitions(track, &mut shown, t);
            }
            emit(&mut shown, &mut layers);
        }
        if kind == TrackKind::Video {
            layers.extend(effect_track_looks(project, t, size, &mut ends).into_iter().map(Layer::Look));
        }
    }
    Plan { width, height, at: t, layers }
}

/// A clip showing now: its picture and its texts, before they are put in order.
struct Shown {
    ci: usize,
    start: Time,
    picture: Option<Picture>,
    texts: Vec<Layer>,
    done: bool,
}

/// The Text effects of a clip placed at `start` that show at `t`.
fn clip_texts(clip: &Clip, (track, ci): (usize, usize), start: Time, t: Time, size: (f32, f32)) -> Vec<Layer> {
    let mut out = Vec::new();
    for (ei, e) in clip.effects.iter().enumerate() {
        if let Effect::Known(k) = e
            && k.r#type == "Text"
            && effect_active(k, start, t)
        {
            let b = text_box(
                k.content.as_deref(),
                k.x.as_ref(),
                k.y.as_ref(),
                k.alignment.as_deref(),
                k.font_size.as_ref(),
                k.font_color.as_deref(),
                k.font_color_opacity.as_ref(),
                size,
                Owner { track, clip: ci, effect: Some(ei) },
            );
            out.extend(b.map(Layer::Text));
        }
    }
    out
}

/// The DeWatermark regions of a clip placed at `start` that act at `t` (X/Y/Width/Height
/// ratios of the output or pixels, as a text's X/Y).
fn clip_regions(clip: &Clip, (track, ci): (usize, usize), start: Time, t: Time, (w, h): (f32, f32)) -> Vec<Region> {
    let mut out = Vec::new();
    for (ei, e) in clip.effects.iter().enumerate() {
        if let Effect::Known(k) = e
            && k.r#type == "DeWatermark"
            && effect_active(k, start, t)
        {
            out.push(Region {
                x: length(k.x.as_ref(), w).unwrap_or(0.0),
                y: length(k.y.as_ref(), h).unwrap_or(0.0),
                w: length(k.width.as_ref(), w).unwrap_or(w * REGION_DEFAULT_SIDE),
                h: length(k.height.as_ref(), h).unwrap_or(h * REGION_DEFAULT_SIDE),
                owner: Owner { track, clip: ci, effect: Some(ei) },
            });
        }
    }
    out
}

/// Clip and output lengths, worked out only when an effect that changes over time needs them.
struct Ends<'a> {
    project: &'a Project,
    durations: Option<std::collections::HashMap<&'a str, Time>>,
    output_end: Option<Option<Time>>,
}

impl<'a> Ends<'a> {
    fn new(project: &'a Project) -> Self {
        Ends { project, durations: None, output_end: None }
    }

    fn durations(&mut self) -> &std::collections::HashMap<&'a str, Time> {
        self.durations.get_or_insert_with(|| self.project.media_durations())
    }

    /// Where a clip placed at `start` ends, if that is known.
    fn clip_end(&mut self, clip: &Clip, start: Time) -> Option<Time> {
        let media = clip.material_id().and_then(|id| self.durations().get(id).copied());
        clip_length(clip, media).map(|l| start + l)
    }

    /// The end of the visible video tracks: an effect track's item lasts to it by default.
    fn output_end(&mut self) -> Option<Time> {
        if let Some(e) = self.output_end {
            return e;
        }
        let project = self.project;
        let durations = self.durations().clone();
        let end = project
            .tracks
            .iter()
            .filter(|t| t.kind == TrackKind::Video && !t.hidden)
            .flat_map(|t| layout_track(t, &durations).into_iter().map(|p| p.end))
            .max();
        self.output_end = Some(end);
        end
    }
}

/// How far `t` is through `from..to` (0 when the end is unknown).
fn progress(from: Time, to: Option<Time>, t: Time) -> f32 {
    match to {
        Some(to) if to > from => ((t - from).as_secs_f64() / (to - from).as_secs_f64()) as f32,
        _ => 0.0,
    }
}

/// The drawn filters and VFX of a clip placed at `start`, acting at `t`.
fn clip_looks(clip: &Clip, start: Time, t: Time, size: (f32, f32), ends: &mut Ends) -> Vec<Look> {
    let mut out = Vec::new();
    for e in &clip.effects {
        let Effect::Known(k) = e else { continue };
        if !matches!(k.r#type.as_str(), "Filter" | "VFX") || !effect_active(k, start, t) {
            continue;
        }
        let sub = k.sub_type.as_deref().unwrap_or_default();
        let p = if looks::changes_over_time(sub) {
            let from = k.timeline_in.or(k.r#in.map(|i| start + i)).unwrap_or(start);
            let to = k.timeline_out.or(k.out.map(|o| start + o)).or_else(|| ends.clip_end(clip, start));
            progress(from, to, t)
        } else {
            0.0
        };
        out.extend(looks::look(k, p, size));
    }
    out
}

/// The filters and VFX of `EffectTracks` acting at `t`: from TimelineIn (0 when absent) to
/// TimelineOut, else for Duration, else to the end of the video (effects.md 1.1).
fn effect_track_looks(project: &Project, t: Time, size: (f32, f32), ends: &mut Ends) -> Vec<Look> {
    let Some(raw) = project.timeline_extra.get("EffectTracks") else { return Vec::new() };
    let Ok(tracks) = serde_json::from_str::<Vec<serde_json::Value>>(raw.get()) else { return Vec::new() };
    let mut out = Vec::new();
    for track in &tracks {
        let Some(items) = track.get("EffectTrackItems").and_then(|i| i.as_array()) else { continue };
        for item in items {
            let Ok(k) = serde_json::from_value::<KnownEffect>(item.clone()) else { continue };
            let from = k.timeline_in.unwrap_or(Time::ZERO);
            let to = k.timeline_out.or(k.duration.map(|d| from + d));
            if t < from || to.is_some_and(|to| t >= to) {
                continue;
            }
            let p = if k.sub_type.as_deref().is_some_and(looks::changes_over_time) {
                let to = to.or_else(|| ends.output_end());
                progress(from, to, t)
            } else {
                0.0
            };
            out.extend(looks::look(&k, p, size));
        }
    }
    out
}

/// Marks the two pictures of each drawn transition showing now: the clip carrying it (the
/// earlier of the cut, effects.md 2.1) and the next clip, which started `Duration` before
/// the earlier one ends.
fn pair_transitions(track: &crate::model::project::Track, shown: &mut [Shown], t: Time) {
    for i in 0..shown.len() {
        let ci = shown[i].ci;
        let Some(clip) = track.clips.get(ci) else { continue };
        let Some(look) = clip.effects.iter().find_map(|e| match e {
            Effect::Known(k) if k.r#type == "Transition" => k.sub_type.as_deref().and_then(looks::transition),
            _ => None,
        }) else {
            continue;
        };
        let Some(j) = shown.iter().position(|s| s.ci == ci + 1) else { continue };
        if shown[i].picture.is_none() || shown[j].picture.is_none() {
            continue;
        }
        let d = transition_length(clip).unwrap_or(Time::ZERO);
        let p = if d > Time::ZERO { progress(shown[j].start, Some(shown[j].start + d), t) } else { 1.0 };
        let p = p.clamp(0.0, 1.0);
        for (k, incoming) in [(i, false), (j, true)] {
            if let Some(pic) = shown[k].picture.as_mut() {
                pic.transition = Some(Transit { look, progress: p, incoming });
            }
        }
    }
}

/// The clips' layers in order; the two pictures of a transition next to each other (the
/// outgoing first), their texts after both.
fn emit(shown: &mut [Shown], layers: &mut Vec<Layer>) {
    for i in 0..shown.len() {
        if shown[i].done {
            continue;
        }
        let partner = shown[i].picture.as_ref().and_then(|p| p.transition).and_then(|tr| {
            let want = if tr.incoming { shown[i].ci.checked_sub(1)? } else { shown[i].ci + 1 };
            shown.iter().position(|s| s.ci == want && !s.done)
        });
        let order = match partner {
            Some(j) if shown[i].picture.as_ref().is_some_and(|p| p.transition.is_some_and(|t| t.incoming)) => {
                vec![j, i]
            }
            Some(j) => vec![i, j],
            None => vec![i],
        };
        for &k in &order {
            layers.extend(shown[k].picture.take().map(Layer::Picture));
        }
        for &k in &order {
            layers.append(&mut shown[k].texts);
            shown[k].done = true;
        }
    }
}

/// For callers without the editor's indexes: lays each track out (linear in the clips).
pub fn active_by_layout(project: &Project, t: Time) -> impl Fn(usize) -> Vec<(Time, usize)> + '_ {
    let durations = project.media_durations();
    let placements: Vec<_> = project.tracks.iter().map(|tr| layout_track(tr, &durations)).collect();
    move |ti| {
        placements
            .get(ti)
            .into_iter()
            .flatten()
            .enumerate()
            .filter(|(_, p)| p.start <= t && t < p.end)
            .map(|(ci, p)| (p.start, ci))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::export::import_timeline_str;

    #[test]
    fn trimmed_clip_shows_the_right_source_time_and_layers_stack() {
        let p = import_timeline_str(
            r##"{"VideoTracks":[{"VideoTrackClips":[{"MediaId":"a","In":12,"Out":16,"TimelineIn":3,"TimelineOut":7,
                 "Effects":[{"Type":"Text","Content":"Hi","X":0.5,"Y":10,"FontSize":40,"FontColor":"#ff0000","Alignment":"TopCenter","TimelineIn":4,"TimelineOut":5}]}]}],
                "ImageTracks":[{"ImageTrackClips":[{"ImageId":"img","X":0.75,"Y":0,"Width":0.25,"Height":0.25,"TimelineIn":0,"TimelineOut":10}]}]}"##,
        )
        .unwrap();
        let t = Time::from_millis(4500);
        let plan = plan_at(&p, t, (1280, 720), &active_by_layout(&p, t));
        assert_eq!(plan.layers.len(), 3, "{:?}", plan.layers);
        let Layer::Picture(v) = &plan.layers[0] else { panic!() };
        assert_eq!(v.source, Source::Video { media_id: "a".into(), at: Time::from_millis(13_500) });
        assert_eq!((v.w, v.h, v.fit), (Some(1280.0), Some(720.0), Fit::Contain));
        let Layer::Text(txt) = &plan.layers[1] else { panic!() };
        assert_eq!((txt.x, txt.y, txt.anchor, txt.size, txt.colour), (640.0, 10.0, (0.5, 0.0), 40.0, [255, 0, 0]));
        let Layer::Picture(i) = &plan.layers[2] else { panic!() };
        assert_eq!((i.x, i.w, i.h, i.fit), (960.0, Some(320.0), Some(180.0), Fit::Stretch));
        // The text effect is over at 5 s; before 3 s only the overlay shows.
        let t = Time::from_secs(5);
        assert_eq!(plan_at(&p, t, (1280, 720), &active_by_layout(&p, t)).layers.len(), 2);
        let t = Time::from_secs(1);
        assert_eq!(plan_at(&p, t, (1280, 720), &active_by_layout(&p, t)).layers.len(), 1);
    }

    #[test]
    fn output_size_rule() {
        let mut p =
            import_timeline_str(r#"{"VideoTracks":[{"VideoTrackClips":[{"MediaId":"a"},{"MediaId":"b"}]}]}"#).unwrap();
        let sizes = |id: &str| match id {
            "a" => Some((1280, 720)),
            "b" => Some((720, 1280)),
            _ => None,
        };
        assert_eq!(output_size(&p, &sizes), (1280, 1280));
        assert_eq!(output_size(&p, &|_| None), FALLBACK_SIZE);
        p.produce_config.width = Some(1080);
        p.produce_config.height = Some(1920);
        assert_eq!(output_size(&p, &sizes), (1080, 1920));
        // Past what can be drawn: passed over, never allocated.
        p.produce_config.width = Some(u32::MAX);
        p.produce_config.height = Some(u32::MAX);
        assert_eq!(output_size(&p, &sizes), (1280, 1280));
        assert_eq!(output_size(&p, &|_| Some((u32::MAX, 10))), FALLBACK_SIZE);
    }

    #[test]
    fn colours_and_anchors() {
        assert_eq!(colour(Some("#00ff80")), [0, 255, 128]);
        assert_eq!(colour(Some("red")), [255, 255, 255]);
        assert_eq!(anchor(Some("BottomRight")), (1.0, 1.0));
        assert_eq!(anchor(Some("CenterCenter")), (0.5, 0.5));
        assert_eq!(anchor(None), (0.0, 0.0));
    }
}
