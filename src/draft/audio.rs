//! The draft's sound: which stretch of which medium plays when, at what gain, and the ffmpeg
//! filter graph that mixes them. Pure.
//!
//! Every visible video clip brings its medium's sound (a Volume effect with Gain 0 is how
//! the docs mute it, api.md 2.9) and every audio clip of an unmuted audio track is mixed in
//! (2.4: "Multiple AudioTracks are mixed"). Volume effects apply over the clip, or over
//! their In/Out (relative to the clip) or TimelineIn/TimelineOut (output times). Each part is
//! read with its own seek (`-ss`/`-t` on the input), delayed to its place and padded to the
//! draft's length, and the parts are summed (two tracks at Gain 1 play as loud as each is,
//! not halved), so the sound ends where the video does.

use super::timing::Span;
use crate::model::Time;
use crate::model::project::{Placement, Project, TrackKind};
use crate::model::wire::{Effect, KnownEffect};

/// The sample rate of the mix.
pub const RATE: u32 = 48_000;

/// One stretch of sound in the draft.
#[derive(Clone, Debug, PartialEq)]
pub struct Part {
    pub media_id: String,
    pub track: usize,
    pub clip: usize,
    /// Where reading starts in the medium.
    pub source_in: Time,
    pub length: Time,
    /// Where it plays, from the start of the draft.
    pub at: Time,
    /// Gains: over the whole part (None), or over a stretch of it (times from the part's start).
    pub gains: Vec<(Option<(Time, Time)>, f64)>,
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

/// The parts of the sound between `span.from` and `span.to`.
pub fn parts(project: &Project, placements: &[Vec<Placement>], span: Span) -> Vec<Part> {
    let mut out = Vec::new();
    for (ti, track) in project.tracks.iter().enumerate() {
        if track.hidden || !matches!(track.kind, TrackKind::Video | TrackKind::Audio) {
            continue;
        }
        for (ci, clip) in track.clips.iter().enumerate() {
            let Some(place) = placements.get(ti).and_then(|p| p.get(ci)) else { continue };
            let Some(media_id) = clip.media_id.clone() else { continue };
            if track.kind == TrackKind::Video && (clip.r#type.as_deref() == Some("Image") || clip.is_text()) {
                continue;
            }
            let (start, end) = (place.start.max(span.from), place.end.min(span.to));
            if end <= start {
                continue;
            }
            let skip = start - place.start;
            let length = end - start;
            let mut gains = Vec::new();
            for e in &clip.effects {
                let Effect::Known(k) = e else { continue };
                if k.r#type != "Volume" {
                    continue;
                }
                let Some(gain) = k.gain.as_ref().map(|g| g.value()).filter(|g| g.is_finite() && *g >= 0.0) else {
                    continue;
                };
                match effect_range(k, place.start, place.end - place.start) {
                    None => gains.push((None, gain)),
                    Some((a, b)) => {
                        let (a, b) = ((a - skip).max(Time::ZERO), (b - skip).min(length));
                        if b > a {
                            gains.push((Some((a, b)), gain));
                        }
                    }
                }
            }
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

fn secs(t: Time) -> String {
    format!("{:.4}", t.as_secs_f64())
}

/// The ffmpeg filter graph mixing `parts` (ffmpeg inputs `first_input`, `first_input + 1`…)
/// into `[aout]`, exactly `length` long.
pub fn filter_graph(parts: &[Part], first_input: usize, length: Time) -> String {
    let end = secs(length);
    let total = (length.as_secs_f64() * f64::from(RATE)).round() as u64;
    if parts.is_empty() {
        return format!("anullsrc=r={RATE}:cl=stereo,atrim=end={end}[aout]");
    }
    let mut g = String::new();
    for (i, p) in parts.iter().enumerate() {
        g.push_str(&format!(
            "[{}:a]aresample={RATE},aformat=sample_fmts=fltp:channel_layouts=stereo,",
            first_input + i
        ));
        for (range, gain) in &p.gains {
            match range {
                None => g.push_str(&format!("volume={gain},")),
                Some((a, b)) => {
                    g.push_str(&format!("volume=volume={gain}:enable='between(t,{},{})',", secs(*a), secs(*b)))
                }
            }
        }
        let delay = (p.at.as_secs_f64() * f64::from(RATE)).round() as u64;
        g.push_str(&format!("adelay=delays={delay}S:all=1,apad=whole_len={total}[p{i}];"));
    }
    for i in 0..parts.len() {
        g.push_str(&format!("[p{i}]"));
    }
    // amix divides by the number of inputs playing; padded to one length they all play to
    // the end, so multiplying by that number back gives the plain sum (the same on ffmpeg
    // versions without amix's `normalize` option).
    let n = parts.len();
    g.push_str(&format!("amix=inputs={n}:duration=longest:dropout_transition=0,volume={n},atrim=end={end}[aout]"));
    g
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draft::timing::placements;
    use crate::model::export::import_timeline_str;
    use std::collections::HashMap;

    fn t(ms: i64) -> Time {
        Time::from_millis(ms)
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
        assert_eq!((all[1].source_in, all[1].length, all[1].at), (t(5000), t(4000), t(2000)));
        assert_eq!(all[1].gains, vec![(Some((t(1000), t(2000))), 0.0), (Some((t(3000), t(4000))), 2.0)]);

        // From 3.5 s: the audio clip is entered 1.5 s in, its ranges move with it.
        let late = parts(&p, &pl, Span { from: t(3500), to: t(6000) });
        assert_eq!((late[0].source_in, late[0].length, late[0].at), (t(13_500), t(500), Time::ZERO));
        assert_eq!((late[1].source_in, late[1].length, late[1].at), (t(6500), t(2500), Time::ZERO));
        assert_eq!(late[1].gains, vec![(Some((Time::ZERO, t(500))), 0.0), (Some((t(1500), t(2500))), 2.0)]);

        let mut muted = p.clone();
        muted.tracks[1].hidden = true;
        assert_eq!(
            parts(&muted, &placements(&muted, &HashMap::new()), Span { from: Time::ZERO, to: t(6000) }).len(),
            1
        );
    }

    #[test]
    fn the_graph_delays_gains_and_mixes() {
        let parts = vec![
            Part {
                media_id: "v".into(),
                track: 0,
                clip: 0,
                source_in: Time::ZERO,
                length: t(2000),
                at: t(500),
                gains: vec![(None, 0.5), (Some((t(1000), t(1500))), 0.0)],
            },
            Part {
                media_id: "a".into(),
                track: 1,
                clip: 0,
                source_in: t(1000),
                length: t(1000),
                at: Time::ZERO,
                gains: vec![],
            },
        ];
        let g = filter_graph(&parts, 1, t(3000));
        assert!(g.starts_with("[1:a]aresample=48000,"), "{g}");
        let p0 = "volume=0.5,volume=volume=0:enable='between(t,1.0000,1.5000)',adelay=delays=24000S:all=1,apad=whole_len=144000[p0];";
        assert!(g.contains(p0), "{g}");
        assert!(g.contains("[2:a]") && g.contains("adelay=delays=0S:all=1,apad=whole_len=144000[p1];"), "{g}");
        let mix = "[p0][p1]amix=inputs=2:duration=longest:dropout_transition=0,volume=2,atrim=end=3.0000[aout]";
        assert!(g.ends_with(mix), "{g}");
        assert_eq!(filter_graph(&[], 1, t(2500)), "anullsrc=r=48000:cl=stereo,atrim=end=2.5000[aout]");
    }
}
