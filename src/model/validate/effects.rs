//! The rules for the catalogue's effects (shared/vod/effects.md): documented SubTypes and
//! parameter ranges. A warning stays only where the documents say UNSURE (or give a value
//! from third-party notes or the sister service only); what they document plainly passes.

use super::{Issue, Location, Out, Quoted, at};
use crate::model::Time;
use crate::model::effects::params::{COLOR_GRADE_PARAMS, Kind, Misfit, TEXT_PARAMS, check, parse_ext_params};
use crate::model::effects::{Evidence, Family, is_random_choice};
use crate::model::json::Extra;
use crate::model::project::{Placement, Track, TrackKind};
use crate::model::wire::{Effect, EffectKind, KnownEffect};

/// Says what the documents leave unsure about `value` of `family`, or that they do not list
/// it at all.
fn evidence_rule(out: &mut Out, l: Location, family: Family, value: &str) {
    let issue = match family.find(value).map(|e| e.evidence) {
        Some(Evidence::Documented) => return,
        Some(evidence) => Issue::EffectUnsure { family, value: Quoted::of(value), evidence },
        None => Issue::SubtypeUnknown { family, value: Quoted::of(value) },
    };
    out.warn(l, issue);
}

/// A SubType of a transition, filter or VFX: given, and documented (a random choice or a
/// comma list is checked name by name).
fn sub_type_rule(out: &mut Out, l: impl Fn() -> Location, family: Family, sub_type: Option<&str>, type_name: &str) {
    let Some(s) = sub_type.map(str::trim).filter(|s| !s.is_empty()) else {
        out.error(l(), Issue::NeedsSubtype { r#type: type_name.to_owned() });
        return;
    };
    if is_random_choice(s) {
        out.warn(l(), Issue::SubtypeRandom { subtype: Quoted::of(s) });
        for part in s.split(',').map(str::trim).filter(|p| !p.is_empty() && *p != "random") {
            evidence_rule(out, l(), family, part);
        }
        return;
    }
    evidence_rule(out, l(), family, s);
}

/// Transitions, filters and VFX in a clip's Effects. `placements` are the track's, for the
/// clip a transition leads into.
pub(super) fn catalogue_effect_rules(
    out: &mut Out,
    track: &Track,
    (ti, ci, ei): (usize, usize, usize),
    e: &KnownEffect,
    kind: EffectKind,
) {
    let here = |field| at(ti, ci, Some(ei), field);
    let family = match kind {
        EffectKind::Transition => Family::Transition,
        EffectKind::Filter => Family::Filter,
        _ => Family::Vfx,
    };
    sub_type_rule(out, || here("SubType"), family, e.sub_type.as_deref(), &e.r#type);
    match kind {
        EffectKind::Transition => {
            match e.duration {
                None => out.warn(here("Duration"), Issue::TransitionNoDuration),
                Some(d) if d <= Time::ZERO => out.error(here("Duration"), Issue::TransitionDuration { v: d }),
                Some(_) => {}
            }
            if track.kind == TrackKind::Image {
                out.warn(here("Type"), Issue::TransitionOnImageTrack);
            }
        }
        _ => {
            region_rule(
                out,
                &here,
                e.sub_type.as_deref(),
                [&e.x, &e.y, &e.width, &e.height].iter().any(|v| v.is_some()),
            );
            if e.timeline_in.is_some() || e.timeline_out.is_some() {
                out.warn(here("TimelineIn"), Issue::EffectTimesUnsure);
            }
            // i18n-exempt: "color" is a SubType, the custom grade's
            if kind == EffectKind::Filter && e.sub_type.as_deref() == Some("color") {
                grade_rule(out, here("ExtParams"), &e.extra);
            }
        }
    }
}

/// X/Y/Width/Height are documented only for the VFX `mosaic_rect` and `blur`.
fn region_rule(out: &mut Out, here: &dyn Fn(&'static str) -> Location, sub_type: Option<&str>, has_region: bool) {
    if has_region && !matches!(sub_type, Some("mosaic_rect" | "blur")) {
        out.warn(here("X"), Issue::RegionIgnored);
    }
}

/// The custom colour grade's ExtParams: known keys, within their (third-party) ranges.
fn grade_rule(out: &mut Out, l: Location, extra: &Extra) {
    let Some(text) = extra.get_str("ExtParams") else { return };
    for (k, v) in parse_ext_params(&text) {
        let Some(p) = COLOR_GRADE_PARAMS.iter().find(|p| p.key == k) else {
            out.warn(l.clone(), Issue::GradeKeyUnknown { key: Quoted::of(&k) });
            continue;
        };
        if let Some(m) = check(p.kind, &serde_json::Value::String(v.clone())) {
            out.warn(l.clone(), misfit_issue(p.key, &v, m));
        }
    }
}

/// The problem of a value that does not fit its documented form.
pub fn misfit_issue(field: &'static str, value: &str, m: Misfit) -> Issue {
    let v = Quoted::of(value);
    match m {
        Misfit::NotANumber => Issue::ParamNotNumber { field, v },
        Misfit::NotWhole => Issue::ParamNotWhole { field, v },
        Misfit::Below(min) => Issue::ParamBelow { field, v, min },
        Misfit::Above(max) => Issue::ParamAbove { field, v, max },
        Misfit::NotColour => Issue::ParamColour { field, v },
        Misfit::NotOneOf(list) => Issue::ParamChoice { field, v, list },
        Misfit::NotPosition => Issue::ParamPosition { field, v },
    }
}

/// The Text style fields beyond every clip's (a Text effect's or a subtitle clip's `extra`):
/// each checked against its documented form; those documented only for the sister service or
/// in third-party notes warn; motions, word art and fonts are looked up in the catalogue.
pub(super) fn text_param_rules(out: &mut Out, ti: usize, ci: usize, ei: Option<usize>, extra: &Extra) {
    for p in TEXT_PARAMS {
        let Some(v) = extra.get_value(p.key) else { continue };
        let here = at(ti, ci, ei, p.key);
        if let Kind::Catalogue(family) = p.kind {
            match v.as_str() {
                Some(s) => evidence_rule(out, here, family, s),
                None => out.error(here, Issue::ParamNotText { field: p.key }),
            }
            continue;
        }
        if let Some(m) = check(p.kind, &v) {
            let shown = v.as_str().map_or_else(|| v.to_string(), str::to_owned);
            let issue = misfit_issue(p.key, &shown, m);
            if p.evidence.is_sure() { out.error(here, issue) } else { out.warn(here, issue) }
        } else if !p.evidence.is_sure() {
            let issue = if p.evidence == Evidence::ImsOnly {
                Issue::ParamImsOnly { field: p.key }
            } else {
                Issue::ParamThirdParty { field: p.key }
            };
            out.warn(here, issue);
        }
    }
    if extra.contains_key("AaiMotionLoopEffect")
        && (extra.contains_key("AaiMotionInEffect") || extra.contains_key("AaiMotionOutEffect"))
    {
        out.warn(at(ti, ci, ei, "AaiMotionLoopEffect"), Issue::MotionLoopAlone);
    }
    if extra.contains_key("EffectColorStyle")
        && (extra.contains_key("Outline") || extra.contains_key("Shadow") || extra.contains_key("OutlineColour"))
    {
        out.warn(at(ti, ci, ei, "EffectColorStyle"), Issue::WordArtOutline);
    }
}

/// A font: one of the documented values (the legacy ones warn, unknown ones too).
pub(super) fn font_rule(out: &mut Out, l: Location, font: &str) {
    if Family::Font.find(font).is_none() {
        out.warn(l, Issue::FontUnknown { font: font.to_owned() });
        return;
    }
    evidence_rule(out, l, Family::Font, font);
}

/// Transitions and the clip they lead into: the earlier clip of a cut carries it, so the last
/// clip of a track has none to lead into; the next clip should start `Duration` before this
/// one ends (the overlap the service blends; UNSURE, the working model of effects.md 2.1).
pub(super) fn transition_rules(out: &mut Out, track: &Track, ti: usize, placements: &[Placement]) {
    if track.kind != TrackKind::Video {
        return;
    }
    for (ci, clip) in track.clips.iter().enumerate() {
        for (ei, e) in clip.effects.iter().enumerate() {
            let Effect::Known(k) = e else { continue };
            if EffectKind::from_wire(&k.r#type) != Some(EffectKind::Transition) {
                continue;
            }
            let here = at(ti, ci, Some(ei), "Duration");
            let (Some(p), next) = (placements.get(ci), placements.get(ci + 1)) else { continue };
            let Some(next) = next else {
                out.warn(at(ti, ci, Some(ei), "Type"), Issue::TransitionLastClip);
                continue;
            };
            if p.is_provisional() || next.is_provisional() {
                continue;
            }
            let d = k.duration.unwrap_or(Time::from_secs(crate::model::effects::DEFAULT_TRANSITION_SECS));
            if d > p.end - p.start || d > next.end - next.start {
                out.error(here, Issue::TransitionTooLong { d });
            } else if next.start >= p.end {
                out.warn(here, Issue::TransitionNoOverlap { d });
            } else if p.end - next.start != d {
                out.warn(here, Issue::TransitionOverlapDiffers { d, overlap: p.end - next.start });
            }
        }
    }
}
