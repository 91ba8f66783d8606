//! Fades and ducking written as VOD can take them. Pure.
//!
//! VOD documents no audio fade: `AFade` is an IMS effect (shared/vod/effects.md), and the only
//! documented sound effect is `Volume` with `Gain`, over a clip or over its `In`/`Out`
//! (api.md 2.9). So a fade is a staircase of ranged Volume effects, each step a constant gain,
//! the step count a setting (docs/unsure.md). A fade-in is recognised again as a run of such
//! steps from the clip's start with rising gains, a fade-out as a run ending at the clip's end
//! with falling gains; that is how the inspector and the clip's corner handles find them.
//!
//! Ducking lowers a music clip under each voice clip by a number of dB, ramping down over a
//! lead time before the voice and back up over a tail after it, with the same steps.

use super::mix::gain_from_db;
use crate::model::Time;
use crate::model::project::Placement;
use crate::model::wire::{Clip, Effect, EffectKind, KnownEffect, Num};

/// Default number of steps in a fade.
pub const DEFAULT_STEPS: u32 = crate::store::settings::DEFAULT_FADE_STEPS;
/// Steps allowed in a fade (a setting).
pub const MAX_STEPS: u32 = 64;

fn gain_num(g: f64) -> Num {
    let rounded = (g * 10_000.0).round() / 10_000.0;
    let number = serde_json::Number::from_f64(rounded).unwrap_or_else(|| 0.into());
    Num { number, quoted: false }
}

/// A Volume effect of gain `g` over `from..to` of its clip.
pub fn ranged_volume(from: Time, to: Time, g: f64) -> Effect {
    let mut e = Effect::new(EffectKind::Volume);
    if let Effect::Known(k) = &mut e {
        k.gain = Some(gain_num(g));
        k.r#in = Some(from);
        k.out = Some(to);
    }
    e
}

/// Steps of a ramp over `from..to` from gain `a` towards `b`: each step holds the gain the
/// straight line has at its middle, so the staircase follows the line.
pub fn ramp(from: Time, to: Time, a: f64, b: f64, steps: u32) -> Vec<Effect> {
    let steps = steps.clamp(1, MAX_STEPS) as i64;
    let len = to - from;
    if len <= Time::ZERO {
        return Vec::new();
    }
    (0..steps)
        .filter_map(|k| {
            let s = from + Time(len.0 * k / steps);
            let e = from + Time(len.0 * (k + 1) / steps);
            let mid = (k as f64 + 0.5) / steps as f64;
            (e > s).then(|| ranged_volume(s, e, a + (b - a) * mid))
        })
        .collect()
}

/// A ranged Volume with In/Out only (the form fades are written in): (index, in, out, gain).
fn ranged(clip: &Clip) -> Vec<(usize, Time, Time, f64)> {
    clip.effects
        .iter()
        .enumerate()
        .filter_map(|(i, e)| match e {
            Effect::Known(k) => Some((i, k.as_ref())),
            Effect::Other(_) => None,
        })
        .filter(|(_, k): &(usize, &KnownEffect)| {
            k.r#type == "Volume" && k.timeline_in.is_none() && k.timeline_out.is_none()
        })
        .filter_map(|(i, k)| Some((i, k.r#in?, k.out?, k.gain.as_ref()?.value())))
        .filter(|(_, a, b, g)| b > a && g.is_finite() && *g < 1.0)
        .collect()
}

/// A run of at least two steps, starting at `edge` going forwards (fade-in) or ending at it
/// going backwards (fade-out), gains rising away from the edge: (effect indexes, its length).
fn run(clip: &Clip, edge: Time, forwards: bool) -> (Vec<usize>, Time) {
    let steps = ranged(clip);
    let (mut at, mut last_gain) = (edge, -1.0);
    let mut taken = Vec::new();
    loop {
        let next = steps
            .iter()
            .find(|(i, a, b, g)| !taken.contains(i) && *g > last_gain && if forwards { *a == at } else { *b == at });
        let Some(&(i, a, b, g)) = next else { break };
        taken.push(i);
        last_gain = g;
        at = if forwards { b } else { a };
    }
    if taken.len() < 2 {
        return (Vec::new(), Time::ZERO);
    }
    let len = if forwards { at - edge } else { edge - at };
    (taken, len)
}

/// The fade-in and fade-out lengths of `clip` lasting `length` (zero where there is none).
pub fn fades_of(clip: &Clip, length: Time) -> (Time, Time) {
    (run(clip, Time::ZERO, true).1, run(clip, length, false).1)
}

/// `clip` (lasting `length`) with its fades replaced: `fade_in` from its start, `fade_out` to
/// its end, in `steps` steps each (zero: no fade). Other effects are kept as they were.
pub fn with_fades(clip: &Clip, length: Time, fade_in: Time, fade_out: Time, steps: u32) -> Clip {
    let mut old = run(clip, Time::ZERO, true).0;
    old.extend(run(clip, length, false).0);
    let mut out = clip.clone();
    out.effects = clip.effects.iter().enumerate().filter(|(i, _)| !old.contains(i)).map(|(_, e)| e.clone()).collect();
    let fade_in = fade_in.clamp(Time::ZERO, length);
    let fade_out = fade_out.clamp(Time::ZERO, length - fade_in);
    out.effects.extend(ramp(Time::ZERO, fade_in, 0.0, 1.0, steps));
    out.effects.extend(ramp(length - fade_out, length, 1.0, 0.0, steps));
    out
}

/// What ducking does.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Duck {
    /// How far the music drops, in dB (positive).
    pub depth_db: f64,
    /// The ramp down before each voice clip.
    pub lead: Time,
    /// The ramp back up after it.
    pub tail: Time,
    pub steps: u32,
}

impl Default for Duck {
    fn default() -> Self {
        Duck { depth_db: 12.0, lead: Time::from_millis(300), tail: Time::from_millis(500), steps: DEFAULT_STEPS }
    }
}

/// One range where the music is lowered (output times): down over `from..down`, held until
/// `up`, back up until `to`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DuckRange {
    pub from: Time,
    pub down: Time,
    pub up: Time,
    pub to: Time,
}

/// The ranges where music drops under `voices` (output times of the voice clips, any order):
/// voices closer than a lead plus a tail are joined, so the music stays down between them
/// instead of bobbing up (and overlapping ranges never lower it twice).
pub fn duck_ranges(voices: &[(Time, Time)], duck: &Duck) -> Vec<DuckRange> {
    let mut v: Vec<(Time, Time)> = voices.iter().copied().filter(|(a, b)| b > a).collect();
    v.sort();
    let mut held: Vec<(Time, Time)> = Vec::new();
    for (a, b) in v {
        match held.last_mut() {
            Some(last) if a - duck.lead <= last.1 + duck.tail => last.1 = last.1.max(b),
            _ => held.push((a, b)),
        }
    }
    held.into_iter()
        .map(|(a, b)| DuckRange {
            from: (a - duck.lead).max(Time::ZERO),
            down: a.max(Time::ZERO),
            up: b,
            to: b + duck.tail,
        })
        .collect()
}

/// The Volume effects that duck music clip `clip` (placed at `place`) under `ranges`: for
/// each range overlapping the clip, the ramp down, the held gain and the ramp up, cut to the
/// clip (In/Out relative to it).
pub fn duck_effects(place: Placement, ranges: &[DuckRange], duck: &Duck) -> Vec<Effect> {
    let low = gain_from_db(-duck.depth_db.abs());
    let len = place.end - place.start;
    let local = |t: Time| t - place.start;
    let mut out = Vec::new();
    for r in ranges.iter().filter(|r| r.to > place.start && r.from < place.end) {
        let mut pieces = ramp(local(r.from), local(r.down), 1.0, low, duck.steps);
        pieces.push(ranged_volume(local(r.down), local(r.up), low));
        pieces.extend(ramp(local(r.up), local(r.to), low, 1.0, duck.steps));
        for e in pieces {
            let Effect::Known(mut k) = e else { continue };
            let (Some(a), Some(b)) = (k.r#in, k.out) else { continue };
            let (a, b) = (a.max(Time::ZERO), b.min(len));
            if b > a {
                k.r#in = Some(a);
                k.out = Some(b);
                out.push(Effect::Known(k));
            }
        }
    }
    out
}

/// Ducking planned for a music track under a voice track: the ranges (output times), and each
/// music clip that changes with its new effects (its old ones kept).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DuckPlan {
    pub ranges: Vec<DuckRange>,
    pub clips: Vec<(usize, Clip)>,
}

/// Plans ducking of the clips of track `music` under the clips of track `voice`; `placements`
/// are where each clip of each track lies.
pub fn duck_plan(
    project: &crate::model::Project,
    placements: &[Vec<Placement>],
    voice: usize,
    music: usize,
    duck: &Duck,
) -> DuckPlan {
    let (Some(vt), Some(mt)) = (project.tracks.get(voice), project.tracks.get(music)) else {
        return DuckPlan::default();
    };
    if voice == music {
        return DuckPlan::default();
    }
    let places = |t: usize| placements.get(t).map(Vec::as_slice).unwrap_or(&[]);
    let voices: Vec<(Time, Time)> = vt
        .clips
        .iter()
        .zip(places(voice))
        .filter(|(c, _)| c.media_id.is_some())
        .map(|(_, p)| (p.start, p.end))
        .collect();
    let ranges = duck_ranges(&voices, duck);
    let clips = mt
        .clips
        .iter()
        .zip(places(music))
        .enumerate()
        .filter_map(|(i, (c, p))| {
            let added = duck_effects(*p, &ranges, duck);
            (!added.is_empty()).then(|| {
                let mut c = c.clone();
                c.effects.extend(added);
                (i, c)
            })
        })
        .collect();
    DuckPlan { ranges, clips }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sound::mix::{clip_gains, gain_at};

    fn t(ms: i64) -> Time {
        Time::from_millis(ms)
    }

    fn place(a: i64, b: i64) -> Placement {
        Placement { start: t(a), end: t(b), start_known: true, length_known: true }
    }

    #[test]
    fn fades_are_staircases_found_again() {
        let clip =
            Clip { media_id: Some("m".into()), effects: vec![Effect::new(EffectKind::Volume)], ..Default::default() };
        let f = with_fades(&clip, t(10_000), t(1000), t(2000), 4);
        assert_eq!(f.effects.len(), 1 + 4 + 4, "the plain Volume stays");
        assert_eq!(fades_of(&f, t(10_000)), (t(1000), t(2000)));
        let g = clip_gains(&f, place(0, 10_000));
        // Rising in: 1/8, 3/8, 5/8, 7/8 of the way; falling out the same backwards.
        assert_eq!(gain_at(&g, t(0)), 0.125);
        assert_eq!(gain_at(&g, t(800)), 0.875);
        assert_eq!(gain_at(&g, t(5000)), 1.0);
        assert_eq!(gain_at(&g, t(8000)), 0.875);
        assert_eq!(gain_at(&g, t(9999)), 0.125);
        // Changing them replaces the steps; zero removes them.
        let g2 = with_fades(&f, t(10_000), t(500), Time::ZERO, 2);
        assert_eq!(fades_of(&g2, t(10_000)), (t(500), Time::ZERO));
        assert_eq!(g2.effects.len(), 1 + 2);
        assert_eq!(with_fades(&g2, t(10_000), Time::ZERO, Time::ZERO, 2).effects, clip.effects);
    }

    #[test]
    fn a_muted_stretch_is_not_a_fade() {
        let clip = Clip { effects: vec![ranged_volume(t(0), t(1000), 0.0)], ..Default::default() };
        assert_eq!(fades_of(&clip, t(5000)), (Time::ZERO, Time::ZERO));
        assert_eq!(with_fades(&clip, t(5000), Time::ZERO, Time::ZERO, 4).effects.len(), 1, "kept");
    }

    #[test]
    fn ducking_joins_close_voices_and_ramps() {
        let d = Duck { depth_db: 20.0, lead: t(500), tail: t(1000), steps: 2 };
        let r = duck_ranges(&[(t(10_000), t(12_000)), (t(2000), t(4000)), (t(4800), t(6000))], &d);
        assert_eq!(
            r,
            vec![
                DuckRange { from: t(1500), down: t(2000), up: t(6000), to: t(7000) },
                DuckRange { from: t(9500), down: t(10_000), up: t(12_000), to: t(13_000) },
            ]
        );
        // A music clip from 1 s to 11 s: the first range whole, the second cut at its end (gains
        // are read in times from the clip's start).
        let e = duck_effects(place(1000, 11_000), &r, &d);
        let music = Clip { effects: e, ..Default::default() };
        let g = clip_gains(&music, place(1000, 11_000));
        assert_eq!(gain_at(&g, t(0)), 1.0);
        assert!((gain_at(&g, t(3000)) - 0.1).abs() < 1e-9, "-20 dB under the voice");
        assert!(gain_at(&g, t(600)) < 1.0 && gain_at(&g, t(600)) > 0.1, "ramping down in the lead");
        assert!(gain_at(&g, t(5200)) > 0.1 && gain_at(&g, t(5200)) < 1.0, "ramping up in the tail");
        assert_eq!(gain_at(&g, t(7000)), 1.0);
        assert!((gain_at(&g, t(9500)) - 0.1).abs() < 1e-9);
    }
}
