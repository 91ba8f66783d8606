//! THE MIX, one definition for playback, scrubbing, the draft and `render --audio-only`: which
//! stretch of which medium sounds when, and at what gain. Pure: no egui, no I/O.
//!
//! Every visible video clip brings its medium's sound and every audio clip of a visible audio
//! track is mixed in (api.md 2.4: "Multiple AudioTracks are mixed"); a hidden (muted) track is
//! silent, as it is left out of the production. Image and text clips have no sound. Volume
//! effects apply over the clip, or over their In/Out (relative to the clip) or
//! TimelineIn/TimelineOut (output times); effects that overlap multiply, as the chain of
//! ffmpeg `volume` filters the draft uses does. Fades and ducking are such ranged Volume
//! effects (see [`super::fades`]), so they need nothing of their own here. The parts are summed
//! (two tracks at Gain 1 play as loud as each is, not halved).

use crate::model::Time;
use crate::model::project::{Placement, Project, TrackKind};
use crate::model::wire::{Clip, Effect, KnownEffect};

/// The sample rate of every mix (playback, draft, audio-only render).
pub const RATE: u32 = 48_000;
/// Interleaved channels of the mix (stereo).
pub const CHANNELS: usize = 2;

/// The ffmpeg filter that makes any source stereo for the mix: a mono source plays at its
/// level on both sides (ffmpeg's own up-mix would lower it by 3 dB), a stereo one as it is.
/// Playback and the draft both use it, so they sound the same.
pub const TO_STEREO: &str = "pan=stereo|FL=FL+FC|FR=FR+FC";

/// The loudest and quietest gains the inspector takes, in dB (0 dB is Gain 1).
pub const MIN_DB: f64 = -60.0;
pub const MAX_DB: f64 = 20.0;

/// A linear gain (VOD's `Gain`) in dB; silence is minus infinity.
pub fn db_from_gain(gain: f64) -> f64 {
    if gain > 0.0 { 20.0 * gain.log10() } else { f64::NEG_INFINITY }
}

/// A level in dB as the linear gain VOD takes.
pub fn gain_from_db(db: f64) -> f64 {
    10f64.powf(db / 20.0)
}

/// A stretch of output time, from the start of the timeline.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Span {
    pub from: Time,
    pub to: Time,
}

/// A gain over the whole part (None) or over a stretch of it (times from the part's start).
pub type Gain = (Option<(Time, Time)>, f64);

/// One stretch of sound in the mix.
#[derive(Clone, Debug, PartialEq)]
pub struct Part {
    pub media_id: String,
    pub track: usize,
    pub clip: usize,
    /// Where reading starts in the medium.
    pub source_in: Time,
    pub length: Time,
    /// Where it plays, from the start of the span.
    pub at: Time,
    pub gains: Vec<Gain>,
}

impl Part {
    /// The gain at `t` from the part's start: the product of the gains acting then.
    pub fn gain_at(&self, t: Time) -> f64 {
        gain_at(&self.gains, t)
    }

    /// Whether it is silent all along (a muted clip): nothing to decode.
    pub fn is_silent(&self) -> bool {
        self.gains.iter().any(|(r, g)| r.is_none() && *g == 0.0)
    }

    /// Times (from the part's start) where the gain may change, sorted, without 0.
    pub fn gain_changes(&self) -> Vec<Time> {
        let mut out: Vec<Time> = self
            .gains
            .iter()
            .filter_map(|(r, _)| *r)
            .flat_map(|(a, b)| [a, b])
            .filter(|t| *t > Time::ZERO && *t < self.length)
            .collect();
        out.sort();
        out.dedup();
        out
    }
}

/// The product of `gains` acting at `t` (a range acts from its start up to, not at, its end).
pub fn gain_at(gains: &[Gain], t: Time) -> f64 {
    gains.iter().filter(|(r, _)| r.is_none_or(|(a, b)| t >= a && t < b)).map(|(_, g)| *g).product()
}

/// The range of a Volume effect in times from its clip's start (None: the whole clip).
fn effect_range(e: &KnownEffect, start: Time, length: Time) -> Option<(Time, Time)> {
    let from = e.timeline_in.map(|t| t - start).or(e.r#in);
    let to = e.timeline_out.map(|t| t - start).or(e.out);
    if from.is_none() && to.is_none() {
        return None;
    }
    Some((from.unwrap_or(Time::ZERO), to.unwrap_or(length)))
}

/// The Volume effects of `clip` placed at `place`, as gains in times from the clip's start.
/// Gains that are not numbers, or negative, are left out (validation reports them).
pub fn clip_gains(clip: &Clip, place: Placement) -> Vec<Gain> {
    let length = place.end - place.start;
    clip.effects
        .iter()
        .filter_map(|e| match e {
            Effect::Known(k) if k.r#type == "Volume" => Some(k),
            _ => None,
        })
        .filter_map(|k| {
            let gain = k.gain.as_ref().map(|g| g.value()).filter(|g| g.is_finite() && *g >= 0.0)?;
            Some((effect_range(k, place.start, length), gain))
        })
        .collect()
}

/// Whether clip `clip` of track `track` sounds at all: on a visible video or audio track, with
/// a medium, and not an image or text.
pub fn has_sound(project: &Project, track: usize, clip: &Clip) -> bool {
    let Some(t) = project.tracks.get(track) else { return false };
    if t.hidden || !matches!(t.kind, TrackKind::Video | TrackKind::Audio) || clip.media_id.is_none() {
        return false;
    }
    !(t.kind == TrackKind::Video && (clip.r#type.as_deref() == Some("Image") || clip.is_text()))
}

/// The parts of the sound between `span.from` and `span.to`, `placements` being where each
/// clip of each track lies ([`crate::edit::snap::TrackIndex`] or the draft's timing).
pub fn parts(project: &Project, placements: &[Vec<Placement>], span: Span) -> Vec<Part> {
    let mut out = Vec::new();
    for (ti, track) in project.tracks.iter().enumerate() {
        for (ci, clip) in track.clips.iter().enumerate() {
            if !has_sound(project, ti, clip) {
                continue;
            }
            let Some(&place) = placements.get(ti).and_then(|p| p.get(ci)) else { continue };
            let Some(media_id) = clip.media_id.clone() else { continue };
            let (start, end) = (place.start.max(span.from), place.end.min(span.to));
            if end <= start {
                continue;
            }
            let skip = start - place.start;
            let length = end - start;
            let gains = clip_gains(clip, place)
                .into_iter()
                .filter_map(|(range, gain)| match range {
                    None => Some((None, gain)),
                    Some((a, b)) => {
                        let (a, b) = ((a - skip).max(Time::ZERO), (b - skip).min(length));
                        (b > a).then_some((Some((a, b)), gain))
                    }
                })
                .collect();
            out.push(Part {
                media_id,
                track: ti,
                clip: ci,
                source_in: clip.r#in.unwrap_or(Time::ZERO).max(Time::ZERO) + skip,
                length,
                at: start - span.from,
                gains,
            });
        }
    }
    out
}

/// Output frames (at [`RATE`]) in `t`, rounded to the nearest.
pub fn frames(t: Time) -> u64 {
    (t.as_secs_f64().max(0.0) * f64::from(RATE)).round() as u64
}

/// Output frames that `t` of timeline time lasts when played at `speed`.
pub fn out_frames(t: Time, speed: f64) -> u64 {
    (frames(t) as f64 / speed).round() as u64
}

/// Adds `samples` of `part` into `out`, with its gains. Both are interleaved stereo;
/// `out[0]` is output frame `out_frame` (from the span's start), `samples[0]` is frame
/// `part_frame` of the part (from its start). `speed`: timeline seconds per output second (the
/// decoders give the part's sound already at that speed), so gains move with timeline time.
pub fn add_part(out: &mut [f32], out_frame: u64, part: &Part, samples: &[f32], part_frame: u64, speed: f64) {
    let at = frames(part.at) as f64 / speed.max(1e-6);
    // The output index of `samples[0]`.
    let first = at.round() as i64 + part_frame as i64 - out_frame as i64;
    let n_out = out.len() / CHANNELS;
    let n_in = samples.len() / CHANNELS;
    let lo = first.max(0).min(n_out as i64) as usize;
    let hi = (first + n_in as i64).clamp(0, n_out as i64) as usize;
    if lo >= hi {
        return;
    }
    let tick = speed / f64::from(RATE);
    let mut i = lo;
    while i < hi {
        let part_t = (part_frame as i64 + (i as i64 - first)) as f64 * tick;
        let t = Time::from_secs_f64(part_t).unwrap_or(Time::ZERO);
        let gain = part.gain_at(t) as f32;
        // The gain holds until the next change: one lookup per stretch, not per sample.
        let until = part.gain_changes().into_iter().find(|c| *c > t).map_or(hi, |c| {
            let f = (c.as_secs_f64() / tick).ceil() as i64 - part_frame as i64 + first;
            (f.max(i as i64 + 1) as usize).min(hi)
        });
        for j in i..until {
            let s = (j as i64 - first) as usize;
            for c in 0..CHANNELS {
                out[j * CHANNELS + c] += samples[s * CHANNELS + c] * gain;
            }
        }
        i = until;
    }
}

/// Peak and RMS of each channel of a block of interleaved stereo samples (linear, 1 = full
/// scale), and whether any sample reached full scale (clipping).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Levels {
    pub peak: [f32; CHANNELS],
    pub rms: [f32; CHANNELS],
    pub clipped: bool,
}

impl Levels {
    pub fn of(samples: &[f32]) -> Levels {
        let mut l = Levels::default();
        let mut sq = [0f64; CHANNELS];
        let n = samples.len() / CHANNELS;
        for f in samples.chunks_exact(CHANNELS) {
            for c in 0..CHANNELS {
                let a = f[c].abs();
                l.peak[c] = l.peak[c].max(a);
                sq[c] += f64::from(f[c]) * f64::from(f[c]);
            }
        }
        for (rms, sq) in l.rms.iter_mut().zip(sq) {
            *rms = if n == 0 { 0.0 } else { (sq / n as f64).sqrt() as f32 };
        }
        l.clipped = l.peak.iter().any(|p| *p >= 1.0);
        l
    }

    /// Peak in dBFS of channel `c`.
    pub fn peak_db(&self, c: usize) -> f64 {
        db_from_gain(f64::from(self.peak[c]))
    }

    /// RMS in dBFS of channel `c`.
    pub fn rms_db(&self, c: usize) -> f64 {
        db_from_gain(f64::from(self.rms[c]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::export::import_timeline_str;
    use crate::model::project::placements;
    use std::collections::HashMap;

    fn t(ms: i64) -> Time {
        Time::from_millis(ms)
    }

    #[test]
    fn decibels_and_gains() {
        assert_eq!(db_from_gain(1.0), 0.0);
        assert!((db_from_gain(0.5) + 6.0206).abs() < 1e-3);
        assert!((gain_from_db(-6.0206) - 0.5).abs() < 1e-4);
        assert!((gain_from_db(20.0) - 10.0).abs() < 1e-9);
        assert_eq!(db_from_gain(0.0), f64::NEG_INFINITY);
    }

    #[test]
    fn parts_follow_clips_effects_and_the_span() {
        let p = import_timeline_str(
            r#"{"VideoTracks":[{"VideoTrackClips":[
                  {"MediaId":"v","In":10,"Out":14,"Effects":[{"Type":"Volume","Gain":"0"}]},
                  {"MediaId":"img","Type":"Image","TimelineIn":4,"TimelineOut":6}]}],
                "AudioTracks":[{"AudioTrackClips":[
                  {"MediaId":"a","In":5,"Out":9,"TimelineIn":2,
                   "Effects":[{"Type":"Volume","Gain":"0","In":1,"Out":2},{"Type":"Volume","Gain":2,"TimelineIn":5}]}]}]}"#,
        )
        .unwrap();
        let pl = placements(&p, &HashMap::new());
        let all = parts(&p, &pl, Span { from: Time::ZERO, to: t(6000) });
        assert_eq!(all.len(), 2, "the image clip has no sound: {all:?}");
        assert_eq!((all[0].source_in, all[0].length, all[0].at), (t(10_000), t(4000), Time::ZERO));
        assert_eq!(all[0].gains, vec![(None, 0.0)]);
        assert!(all[0].is_silent() && !all[1].is_silent());
        assert_eq!((all[1].source_in, all[1].length, all[1].at), (t(5000), t(4000), t(2000)));
        assert_eq!(all[1].gains, vec![(Some((t(1000), t(2000))), 0.0), (Some((t(3000), t(4000))), 2.0)]);
        assert_eq!(all[1].gain_changes(), vec![t(1000), t(2000), t(3000)]);
        assert_eq!((all[1].gain_at(t(500)), all[1].gain_at(t(1000)), all[1].gain_at(t(3500))), (1.0, 0.0, 2.0));

        // From 3.5 s: the audio clip is entered 1.5 s in, its ranges move with it.
        let late = parts(&p, &pl, Span { from: t(3500), to: t(6000) });
        assert_eq!((late[0].source_in, late[0].length, late[0].at), (t(13_500), t(500), Time::ZERO));
        assert_eq!((late[1].source_in, late[1].length, late[1].at), (t(6500), t(2500), Time::ZERO));
        assert_eq!(late[1].gains, vec![(Some((Time::ZERO, t(500))), 0.0), (Some((t(1500), t(2500))), 2.0)]);

        let mut muted = p.clone();
        muted.tracks[1].hidden = true;
        assert_eq!(
            parts(&muted, &placements(&muted, &HashMap::new()), Span { from: Time::ZERO, to: t(6000) }).len(),
            1,
            "a muted track is silent"
        );
    }

    fn part(at: i64, gains: Vec<Gain>) -> Part {
        Part { media_id: "m".into(), track: 0, clip: 0, source_in: Time::ZERO, length: t(1000), at: t(at), gains }
    }

    #[test]
    fn parts_add_at_their_place_with_their_gains() {
        // A part at 10 ms whose second half (from 5 ms of the part) is at gain 0.5.
        let p = part(10, vec![(Some((t(5), t(1000))), 0.5)]);
        let ones = vec![1.0f32; 2 * 960];
        let mut out = vec![0.0f32; 2 * 960];
        add_part(&mut out, 0, &p, &ones, 0, 1.0);
        let at = |ms: usize| out[ms * 48 * 2];
        assert_eq!((at(0), at(9)), (0.0, 0.0), "silent before the part");
        assert_eq!((at(10), at(14)), (1.0, 1.0));
        assert_eq!((at(15), at(19)), (0.5, 0.5), "the ranged gain from 5 ms into the part");
        // The next block continues where this one ended, in both buffers.
        let mut next = vec![0.0f32; 2 * 960];
        add_part(&mut next, 960, &p, &ones, 960 - 480, 1.0);
        assert_eq!(next[0], 0.5);
        // At double speed, 5 ms of the part pass in 2.5 ms of output.
        let mut fast = vec![0.0f32; 2 * 960];
        add_part(&mut fast, 0, &part(0, vec![(Some((t(5), t(1000))), 0.5)]), &ones, 0, 2.0);
        assert_eq!((fast[2 * 119], fast[2 * 120]), (1.0, 0.5));
    }

    #[test]
    fn levels_in_dbfs() {
        let s: Vec<f32> = (0..960).flat_map(|i| [if i % 2 == 0 { 0.5 } else { -0.5 }, 1.0]).collect();
        let l = Levels::of(&s);
        assert!((l.peak_db(0) + 6.02).abs() < 0.01 && (l.rms_db(0) + 6.02).abs() < 0.01);
        assert_eq!(l.peak_db(1), 0.0);
        assert!(l.clipped, "full scale is a clip");
        assert!(!Levels::of(&[0.1, 0.1]).clipped);
    }
}
