//! When and how large the draft is: where each clip sits, how long the output runs, which
//! output time each frame shows, and the frame size. Pure.
//!
//! Output duration (shared/vod/api.md 2.7, 2.4): the output lasts as long as the video
//! tracks ("the output duration equals the video track's"); audio running past them is cut
//! there. Image overlays and subtitles never lengthen it. Without any video clip the output
//! is the audio's length.

use crate::i18n::Clock;
use crate::model::project::{Placement, Project, TrackKind};
use crate::model::{FrameRate, Time};

/// Where every clip of every track sits on the output (the model's layout, used by the
/// sound's mix too).
pub use crate::model::project::placements;

/// The end of the output: the last visible video clip's end, else the last audio clip's.
pub fn output_end(project: &Project, placements: &[Vec<Placement>]) -> Time {
    let end_of = |kind: TrackKind| {
        project
            .tracks
            .iter()
            .zip(placements)
            .filter(|(t, _)| t.kind == kind)
            .flat_map(|(_, p)| p.iter().map(|p| p.end))
            .max()
    };
    end_of(TrackKind::Video).or_else(|| end_of(TrackKind::Audio)).unwrap_or(Time::ZERO).max(Time::ZERO)
}

/// Image overlays and subtitles without an end last until the end of the output (api.md
/// 2.5, 2.6), where the editor shows them with a stand-in length.
pub fn extend_overlays(project: &Project, placements: &mut [Vec<Placement>], end: Time) {
    for (track, places) in project.tracks.iter().zip(placements.iter_mut()) {
        if !matches!(track.kind, TrackKind::Image | TrackKind::Subtitle) {
            continue;
        }
        for (clip, p) in track.clips.iter().zip(places.iter_mut()) {
            if clip.timeline_out.is_none() && !p.length_known && p.start < end {
                p.end = end;
                p.length_known = true;
            }
        }
    }
}

/// The stretch of output rendered (the mix's span: one definition for both).
pub use crate::sound::mix::Span;

/// Checks `--from`/`--to` against the output's end; absent ends mean the whole output.
/// Times in the messages are on `clock`.
pub fn span(end: Time, from: Option<Time>, to: Option<Time>, clock: Clock) -> Result<Span, String> {
    if end <= Time::ZERO {
        return Err(crate::t!("media-nothing-to-render"));
    }
    let from = from.unwrap_or(Time::ZERO);
    let to = to.map_or(end, |t| t.min(end));
    if from < Time::ZERO {
        return Err(crate::t!("media-from-negative", from = clock.time(from)));
    }
    if from >= end {
        return Err(crate::t!("media-from-past-end", from = clock.time(from), end = clock.time(end)));
    }
    if to <= from {
        return Err(crate::t!("media-to-before-from", to = clock.time(to), from = clock.time(from)));
    }
    Ok(Span { from, to })
}

/// Frames in `span` at `rate`: every frame that starts before its end (at least one).
pub fn frame_count(span: Span, rate: FrameRate) -> u64 {
    let len = span.to - span.from;
    let n = rate.frame_at(len) + i64::from(!rate.is_boundary(len));
    n.max(1) as u64
}

/// The output time frame `k` shows.
pub fn frame_time(span: Span, rate: FrameRate, k: u64) -> Time {
    span.from + rate.frame_start(k as i64)
}

/// The draft's frame size for an output of `out`: `height` pixels high (never more than the
/// output: a draft does not upscale), the width keeping the aspect; both even, as H.264's
/// 4:2:0 pictures need.
pub fn draft_size(out: (u32, u32), height: u32) -> (u32, u32) {
    let (ow, oh) = (out.0.max(1), out.1.max(1));
    let h = height.min(oh).max(2) & !1;
    let w = f64::from(ow) * f64::from(h) / f64::from(oh);
    (((w / 2.0).round() as u32 * 2).max(2), h)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::export::import_timeline_str;
    use std::collections::HashMap;

    #[test]
    fn the_output_lasts_as_long_as_the_video_tracks() {
        let p = import_timeline_str(
            r#"{"VideoTracks":[{"VideoTrackClips":[{"MediaId":"a","In":0,"Out":4},{"MediaId":"a","In":2,"Out":5}]},
                               {"VideoTrackClips":[{"MediaId":"a","Out":2,"TimelineIn":1}]}],
                "AudioTracks":[{"AudioTrackClips":[{"MediaId":"b","In":0,"Out":30}]}],
                "ImageTracks":[{"ImageTrackClips":[{"ImageId":"i","TimelineIn":0,"TimelineOut":50}]}]}"#,
        )
        .unwrap();
        let pl = placements(&p, &HashMap::new());
        assert_eq!(output_end(&p, &pl), Time::from_secs(7), "audio and overlays past the video are cut");
        let audio_only = import_timeline_str(
            r#"{"AudioTracks":[{"AudioTrackClips":[{"MediaId":"b","In":1,"Out":4,"TimelineIn":2}]}]}"#,
        )
        .unwrap();
        assert_eq!(output_end(&audio_only, &placements(&audio_only, &HashMap::new())), Time::from_secs(5));
        let mut hidden = p.clone();
        for t in hidden.tracks.iter_mut().filter(|t| t.kind == TrackKind::Video) {
            t.hidden = true;
        }
        assert_eq!(output_end(&hidden, &placements(&hidden, &HashMap::new())), Time::from_secs(30));
    }

    #[test]
    fn overlays_without_an_end_last_to_the_end_of_the_output() {
        let p = import_timeline_str(
            r#"{"VideoTracks":[{"VideoTrackClips":[{"MediaId":"a","In":0,"Out":12}]}],
                "ImageTracks":[{"ImageTrackClips":[{"ImageId":"i","TimelineIn":2},{"ImageId":"j","TimelineIn":1,"TimelineOut":3}]}]}"#,
        )
        .unwrap();
        let mut pl = placements(&p, &HashMap::new());
        let end = output_end(&p, &pl);
        extend_overlays(&p, &mut pl, end);
        assert_eq!((pl[1][0].start, pl[1][0].end), (Time::from_secs(2), Time::from_secs(12)));
        assert_eq!(pl[1][1].end, Time::from_secs(3), "an explicit end stays");
    }

    #[test]
    fn spans_and_frames() {
        let end = Time::from_secs(10);
        let c = Clock::new(FrameRate::FPS_25, crate::model::time::TimeUnit::Timecode);
        assert_eq!(span(end, None, None, c), Ok(Span { from: Time::ZERO, to: end }));
        assert_eq!(span(end, Some(Time::from_secs(2)), Some(Time::from_secs(99)), c).unwrap().to, end);
        assert!(span(end, Some(Time::from_secs(10)), None, c).unwrap_err().contains("past the end"));
        assert!(span(end, Some(Time::from_secs(5)), Some(Time::from_secs(4)), c).unwrap_err().contains("after"));
        assert!(span(Time::ZERO, None, None, c).unwrap_err().contains("nothing to render"));
        let s = Span { from: Time::from_secs(1), to: Time::from_secs(3) };
        assert_eq!(frame_count(s, FrameRate::FPS_25), 50);
        assert_eq!(frame_time(s, FrameRate::FPS_25, 25), Time::from_secs(2));
        let ragged = Span { from: Time::ZERO, to: Time::from_millis(1010) };
        assert_eq!(frame_count(ragged, FrameRate::FPS_25), 26, "a started frame counts");
        let ntsc = FrameRate { num: 30_000, den: 1001 };
        assert_eq!(frame_count(Span { from: Time::ZERO, to: Time::from_secs(10) }, ntsc), 300);
    }

    #[test]
    fn draft_sizes_are_even_and_never_upscaled() {
        assert_eq!(draft_size((1920, 1080), 360), (640, 360));
        assert_eq!(draft_size((1080, 1920), 360), (202, 360));
        assert_eq!(draft_size((320, 180), 360), (320, 180));
        assert_eq!(draft_size((1001, 501), 1000), (1000, 500));
        assert_eq!(draft_size((4000, 3), 360), (2666, 2));
    }
}
