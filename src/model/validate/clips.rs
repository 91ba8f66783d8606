//! The rules for clips and their effects, and overlaps on a track.

use super::effects::{catalogue_effect_rules, font_rule, text_param_rules, transition_rules};
use super::{ALIGNMENTS, Issue, Location, Out, Quoted, at, is_hex_colour};
use crate::model::project::{Track, TrackKind, layout_track};
use crate::model::wire::{Clip, Effect, EffectKind, FontFace, KnownEffect, Num};

pub(super) fn clip_rules(out: &mut Out, track: &Track, ti: usize, ci: usize, clip: &Clip) {
    let here = |field| at(ti, ci, None, field);
    match track.kind {
        TrackKind::Video | TrackKind::Audio => {
            if clip.media_id.as_deref().is_none_or(|s| s.trim().is_empty()) {
                let issue = match clip.source_file() {
                    Some(file) => Issue::WaitingForFile { file: Quoted::of(&file) },
                    None => Issue::NoMediaId,
                };
                out.error(here("MediaId"), issue);
            }
        }
        TrackKind::Image => {
            if clip.image_id.as_deref().is_none_or(|s| s.trim().is_empty()) {
                out.error(here("ImageId"), Issue::NoImageId);
            }
        }
        TrackKind::Subtitle => {
            if clip.content.as_deref().is_none_or(|s| s.trim().is_empty()) {
                out.error(here("Content"), Issue::SubtitleNoText);
            }
            if let Some(t) = clip.r#type.as_deref().filter(|t| *t != "Text") {
                out.error(here("Type"), Issue::SubtitleType { r#type: t.to_owned() });
            }
            text_param_rules(out, ti, ci, None, &clip.extra);
        }
    }
    for (field, id) in [("MediaId", &clip.media_id), ("ImageId", &clip.image_id)] {
        if let Some(id) = id.as_deref().map(str::trim).filter(|id| !id.is_empty())
            && !is_media_id(id)
        {
            out.warn(here(field), Issue::IdShape { field, id: Quoted::of(id) });
        }
    }
    if track.kind == TrackKind::Video
        && let Some(t) = clip.r#type.as_deref()
        && !matches!(t, "Video" | "Image")
    {
        out.error(here("Type"), Issue::VideoClipType { r#type: t.to_owned() });
    }
    times_rule(out, ti, ci, None, clip.r#in, clip.out, clip.timeline_in, clip.timeline_out);
    geometry_rule(out, ti, ci, None, [&clip.area.x, &clip.area.y, &clip.area.width, &clip.area.height]);
    text_style_rule(
        out,
        ti,
        ci,
        None,
        TextStyle {
            font: clip.style.font.as_deref(),
            font_size: clip.style.font_size.as_ref(),
            font_color: clip.style.font_color.as_deref(),
            opacity: clip.style.font_color_opacity.as_ref(),
            alignment: clip.style.alignment.as_deref(),
            face: clip.style.font_face.as_ref(),
        },
    );
    for (ei, effect) in clip.effects.iter().enumerate() {
        match effect {
            Effect::Known(e) => effect_rules(out, track, ti, ci, ei, e),
            Effect::Other(_) => {
                out.warn(at(ti, ci, Some(ei), "Type"), Issue::UnknownEffect { r#type: effect.type_name().to_owned() })
            }
        }
    }
}

/// VOD media IDs are 32 hexadecimal digits (e.g. `5aed81b74ba84920be578cdfe004af4b`).
pub fn is_media_id(id: &str) -> bool {
    id.len() == 32 && id.bytes().all(|b| b.is_ascii_hexdigit())
}

#[allow(clippy::too_many_arguments)]
fn times_rule(
    out: &mut Out,
    ti: usize,
    ci: usize,
    ei: Option<usize>,
    r#in: Option<crate::model::time::Time>,
    o: Option<crate::model::time::Time>,
    tin: Option<crate::model::time::Time>,
    tout: Option<crate::model::time::Time>,
) {
    use crate::model::time::Time;
    for (name, v) in [("In", r#in), ("Out", o), ("TimelineIn", tin), ("TimelineOut", tout)] {
        if let Some(v) = v
            && v < Time::ZERO
        {
            out.error(at(ti, ci, ei, name), Issue::NegativeTime { name, v });
        }
    }
    if let Some(o) = o
        && o <= r#in.unwrap_or(Time::ZERO)
    {
        out.error(at(ti, ci, ei, "Out"), Issue::OutBeforeIn { out: o, r#in: r#in.unwrap_or(Time::ZERO) });
    }
    if let (Some(a), Some(b)) = (tin, tout)
        && b <= a
    {
        out.error(at(ti, ci, ei, "TimelineOut"), Issue::TimelineOutBeforeIn { out: b, r#in: a });
    }
}

/// X/Y/Width/Height: a ratio of the output frame (0..1) or whole pixels.
fn geometry_rule(out: &mut Out, ti: usize, ci: usize, ei: Option<usize>, values: [&Option<Num>; 4]) {
    for (name, v) in ["X", "Y", "Width", "Height"].into_iter().zip(values) {
        let Some(n) = v else { continue };
        let x = n.value();
        let ratio = (0.0..=1.0).contains(&x);
        let pixels = x > 1.0 && n.is_whole();
        if !(ratio || pixels) {
            out.error(at(ti, ci, ei, name), Issue::LayoutNotRatio { name, v: n.clone() });
        } else if pixels && x < 8.0 {
            out.warn(at(ti, ci, ei, name), Issue::LayoutSmallPixels { name, v: n.clone() });
        }
    }
}

struct TextStyle<'a> {
    font: Option<&'a str>,
    font_size: Option<&'a Num>,
    font_color: Option<&'a str>,
    opacity: Option<&'a Num>,
    alignment: Option<&'a str>,
    face: Option<&'a FontFace>,
}

fn text_style_rule(out: &mut Out, ti: usize, ci: usize, ei: Option<usize>, s: TextStyle) {
    let _ = s.face; // Bold/Italic/Underline are booleans by type; nothing more to check.
    if let Some(c) = s.font_color
        && !is_hex_colour(c)
    {
        out.error(at(ti, ci, ei, "FontColor"), Issue::Colour { colour: c.to_owned() });
    }
    if let Some(o) = s.opacity
        && !(0.0..=1.0).contains(&o.value())
    {
        out.error(at(ti, ci, ei, "FontColorOpacity"), Issue::Opacity { v: o.clone() });
    }
    if let Some(n) = s.font_size
        && !(n.value() > 0.0 && n.is_whole())
    {
        out.error(at(ti, ci, ei, "FontSize"), Issue::FontSize { v: n.clone() });
    }
    if let Some(a) = s.alignment
        && !ALIGNMENTS.contains(&a)
    {
        out.error(at(ti, ci, ei, "Alignment"), Issue::Alignment { alignment: a.to_owned() });
    }
    if let Some(f) = s.font {
        font_rule(out, at(ti, ci, ei, "Font"), f);
    }
}

fn effect_rules(out: &mut Out, track: &Track, ti: usize, ci: usize, ei: usize, e: &KnownEffect) {
    let here = |field| at(ti, ci, Some(ei), field);
    times_rule(out, ti, ci, Some(ei), e.r#in, e.out, e.timeline_in, e.timeline_out);
    geometry_rule(out, ti, ci, Some(ei), [&e.x, &e.y, &e.width, &e.height]);
    let Some(kind) = EffectKind::from_wire(&e.r#type) else { return };
    match kind {
        EffectKind::Text => {
            if e.content.as_deref().is_none_or(|s| s.trim().is_empty()) {
                out.error(here("Content"), Issue::TextNoText);
            }
            text_style_rule(
                out,
                ti,
                ci,
                Some(ei),
                TextStyle {
                    font: e.font.as_deref(),
                    font_size: e.font_size.as_ref(),
                    font_color: e.font_color.as_deref(),
                    opacity: e.font_color_opacity.as_ref(),
                    alignment: e.alignment.as_deref(),
                    face: e.font_face.as_ref(),
                },
            );
            text_param_rules(out, ti, ci, Some(ei), &e.extra);
        }
        EffectKind::DeWatermark => {
            if e.sub_type.as_deref().is_some_and(|s| s != "Delogo_Blur") {
                out.error(here("SubType"), Issue::DelogoSubtype);
            }
        }
        EffectKind::Volume => match &e.gain {
            None => out.error(here("Gain"), Issue::VolumeNoGain),
            Some(g) if g.value().is_nan() || g.value() < 0.0 => {
                out.error(here("Gain"), Issue::GainNegative { v: g.clone() })
            }
            _ => {}
        },
        EffectKind::Background => match e.sub_type.as_deref() {
            Some("Blur") => {
                if let Some(r) = &e.radius
                    && !(0.0..=1.0).contains(&r.value())
                {
                    out.error(here("Radius"), Issue::BlurRadius { v: r.clone() });
                }
            }
            Some("Color") => {
                if let Some(c) = e.color.as_deref()
                    && !is_hex_colour(c)
                {
                    out.error(here("Color"), Issue::Colour { colour: c.to_owned() });
                }
            }
            other => out.error(here("SubType"), Issue::BackgroundSubtype { subtype: other.map(str::to_owned) }),
        },
        EffectKind::Vfx | EffectKind::Transition | EffectKind::Filter => {
            catalogue_effect_rules(out, track, (ti, ci, ei), e, kind)
        }
    }
    if kind != EffectKind::Volume && track.kind == TrackKind::Audio {
        out.error(here("Type"), Issue::EffectOnAudio { r#type: e.r#type.clone() });
    }
}

/// Clips on one video or audio track should not overlap: the documents are silent on what
/// VOD does then (the console overwrites), so it is a warning. Image and subtitle clips are
/// layers and may overlap freely. Clips whose place is provisional are skipped: their real
/// place is not known, and the service will lay them out itself.
pub(super) fn overlap_rule(
    out: &mut Out,
    track: &Track,
    ti: usize,
    durations: &std::collections::HashMap<&str, crate::model::time::Time>,
) {
    let placements = layout_track(track, durations);
    transition_rules(out, track, ti, &placements);
    if track.kind.allows_overlap() {
        return;
    }
    let mut order: Vec<usize> = (0..placements.len()).filter(|&i| !placements[i].is_provisional()).collect();
    order.sort_by_key(|&i| (placements[i].start, placements[i].end));
    let mut reach: Option<usize> = None; // the clip that ends last so far
    for i in order {
        // A transition's overlap with the clip it leads into is no overlap: the service
        // blends the two there (transition_rules checks its length).
        let blended = |r: usize| r + 1 == i && has_transition(&track.clips[r]);
        if let Some(r) = reach
            && placements[i].start < placements[r].end
            && !blended(r)
        {
            out.warn(
                Location { track: Some(ti), clip: Some(i), effect: None, field: Some("TimelineIn") },
                Issue::Overlap {
                    start: placements[i].start,
                    other: r + 1,
                    from: placements[r].start,
                    to: placements[r].end,
                    kind: track.kind,
                },
            );
        }
        if reach.is_none_or(|r| placements[i].end > placements[r].end) {
            reach = Some(i);
        }
    }
}

/// Whether a clip carries a Transition effect (into the clip after it).
pub fn has_transition(clip: &Clip) -> bool {
    clip.effects.iter().any(|e| e.kind() == Some(EffectKind::Transition))
}
