//! A [`Sequence`] becomes a vodcut project once its sources have MediaIds (or not: a clip
//! without one keeps its place and is an error for `validate` until it gets one).
//!
//! Times: every edit point (a clip's start on the output, its start in the source, and its
//! end on the output) is converted from its exact value to ticks once. A clip's `Out` is its
//! `In` plus its length *on the output in ticks*, so clips that touch in the file touch in
//! the Timeline (no one-tick gaps from rounding two ends differently), and every clip carries
//! its own `TimelineIn`, so nothing is placed by adding lengths up: the last clip of an hour
//! at 29.97 sits on its frame's own tick.

use super::sequence::{Loss, Note, Place, SeqClip, SeqTrack, Sequence, SourceKind};
use super::time::{Rat, frame_rate_of};
use crate::model::project::{BinEntry, MediaKind, Track};
use crate::model::time::FrameRate;
use crate::model::wire::{Clip, Effect, EffectKind};
use crate::model::{Project, TrackKind};

/// The SubType a cross-dissolve becomes: `fade` ("渐隐", shared/vod/effects.md §2.4).
pub const DISSOLVE_SUBTYPE: &str = "fade";

/// The project and what was noted on the way (besides the sequence's own notes).
pub fn build(seq: &Sequence, ids: &[Option<String>]) -> (Project, Vec<Note>) {
    let mut notes = Vec::new();
    let rate = frame_rate(seq, &mut notes);
    let tracks = merged_audio(seq, &mut notes);
    let mut project = Project { title: seq.name.trim().to_owned(), frame_rate: rate, ..Project::default() };
    let mut counts = [0usize; 2];
    for kind in [TrackKind::Video, TrackKind::Audio] {
        for t in tracks.iter().filter(|t| t.kind == kind) {
            let n = &mut counts[usize::from(kind == TrackKind::Audio)];
            *n += 1;
            let name =
                if t.name.trim().is_empty() { format!("{}{n}", kind.letter()) } else { t.name.trim().to_owned() };
            let mut track = Track::new(kind, name);
            track.hidden = !t.enabled;
            let mut clips: Vec<&SeqClip> = t.clips.iter().collect();
            clips.sort_by_key(|c| c.start);
            track.clips = clips.into_iter().map(|c| wire_clip(seq, ids, c)).collect();
            project.tracks.push(track);
        }
    }
    for m in &seq.markers {
        project.markers.push(crate::model::project::Marker {
            time: m.at.ticks(),
            label: m.label.clone(),
            ..Default::default()
        });
    }
    project.markers.sort_by_key(|m| m.time);
    for (i, s) in seq.sources.iter().enumerate() {
        let Some(id) = ids.get(i).cloned().flatten() else { continue };
        if project.bin.iter().any(|b| b.media_id == id) || !tracks.iter().any(|t| t.clips.iter().any(|c| c.source == i))
        {
            continue;
        }
        let kind = match s.kind {
            SourceKind::Video => MediaKind::Video,
            SourceKind::Audio => MediaKind::Audio,
            SourceKind::Image => MediaKind::Image,
        };
        let title = s.file_name().to_owned();
        project.bin.push(BinEntry {
            media_id: id,
            title,
            duration: s.duration.map(Rat::ticks),
            kind,
            ..Default::default()
        });
    }
    (project, notes)
}

fn wire_clip(seq: &Sequence, ids: &[Option<String>], c: &SeqClip) -> Clip {
    let start = c.start.ticks();
    let end = c.end().map_or(start, Rat::ticks);
    let mut clip = Clip { media_id: ids.get(c.source).cloned().flatten(), timeline_in: Some(start), ..Clip::default() };
    if clip.media_id.is_none()
        && let Some(s) = seq.sources.get(c.source)
    {
        // Kept so a map or an upload can place it later, and the timeline can name it.
        clip.extra.insert_value(crate::model::wire::SOURCE_FILE, &serde_json::Value::String(s.key().to_owned()));
    }
    if seq.sources.get(c.source).is_some_and(|s| s.kind == SourceKind::Image) {
        // A still has no source times: its place on the output is all there is.
        clip.r#type = Some("Image".into()); // i18n-exempt: the API's Type value
        clip.timeline_out = Some(end);
    } else {
        let source_in = c.source_in.ticks();
        clip.r#in = Some(source_in);
        clip.out = Some(source_in + (end - start));
    }
    if let Some(d) = c.transition {
        let mut e = crate::model::wire::KnownEffect {
            r#type: EffectKind::Transition.wire_name().to_owned(),
            sub_type: Some(DISSOLVE_SUBTYPE.to_owned()),
            duration: Some(d.ticks()),
            ..Default::default()
        };
        e.extra = Default::default();
        clip.effects.push(Effect::Known(Box::new(e)));
    }
    clip
}

/// The rate the file states; else the lowest common rate every time in it falls on; else 25.
fn frame_rate(seq: &Sequence, notes: &mut Vec<Note>) -> FrameRate {
    let times: Vec<Rat> = seq
        .tracks
        .iter()
        .flat_map(|t| t.clips.iter().flat_map(|c| [c.start, c.duration, c.source_in]))
        .chain(seq.markers.iter().map(|m| m.at))
        .collect();
    let fits = |r: FrameRate| times.iter().all(|t| t.whole_frames(r).is_some());
    if let Some(r) = seq.rate.and_then(frame_rate_of) {
        if !fits(r) {
            notes.push(Note { place: Place::file(), what: Loss::OffFrame });
        }
        return r;
    }
    let mut common = FrameRate::COMMON;
    common.sort_by(|a, b| a.fps().total_cmp(&b.fps()));
    let rate = common.into_iter().find(|&r| fits(r)).unwrap_or_default();
    notes.push(Note { place: Place::file(), what: Loss::RateAssumed(rate) });
    rate
}

/// The tracks with audio clips that repeat another clip left out: the sound of a video clip
/// (the same source and times on a video track: VOD plays a video clip's sound with it), and
/// the other channels of a stereo pair (Premiere writes one audio clip per channel).
fn merged_audio(seq: &Sequence, notes: &mut Vec<Note>) -> Vec<SeqTrack> {
    let key = |c: &SeqClip| (c.source, c.start, c.duration, c.source_in);
    let video: std::collections::HashSet<_> =
        seq.tracks.iter().filter(|t| t.kind == TrackKind::Video).flat_map(|t| t.clips.iter().map(key)).collect();
    let mut heard = std::collections::HashSet::new();
    let (mut linked, mut stereo) = (0, 0);
    let tracks: Vec<SeqTrack> = seq
        .tracks
        .iter()
        .map(|t| {
            if t.kind != TrackKind::Audio {
                return t.clone();
            }
            let mut t = t.clone();
            t.clips.retain(|c| {
                if video.contains(&key(c)) {
                    linked += 1;
                    false
                } else if !heard.insert(key(c)) {
                    stereo += 1;
                    false
                } else {
                    true
                }
            });
            t
        })
        .collect();
    if linked > 0 {
        notes.push(Note { place: Place::file(), what: Loss::LinkedAudio(linked) });
    }
    if stereo > 0 {
        notes.push(Note { place: Place::file(), what: Loss::StereoPair(stereo) });
    }
    // A track emptied this way was only ever a copy: it is not kept.
    tracks
        .into_iter()
        .zip(&seq.tracks)
        .filter(|(t, was)| !t.clips.is_empty() || was.clips.is_empty())
        .map(|(t, _)| t)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::sequence::{SeqMarker, Source};
    use super::*;
    use crate::model::Time;

    const NTSC: FrameRate = FrameRate { num: 30_000, den: 1001 };

    fn f(n: i64) -> Rat {
        Rat::frames(n, NTSC).unwrap()
    }

    fn seq_with(clips: Vec<(i64, i64, i64)>) -> Sequence {
        let mut seq = Sequence { rate: Some(Rat::new(30_000, 1001).unwrap()), ..Default::default() };
        seq.sources.push(Source {
            name: "a".into(),
            path: Some("/m/a.mov".into()),
            kind: SourceKind::Video,
            duration: Some(f(200_000)),
            media_id: None,
        });
        let mut t = SeqTrack::new(TrackKind::Video, "");
        for (start, len, src) in clips {
            t.clips.push(SeqClip {
                source: 0,
                name: "a".into(),
                start: f(start),
                duration: f(len),
                source_in: f(src),
                transition: None,
            });
        }
        seq.tracks.push(t);
        seq
    }

    #[test]
    fn touching_clips_touch_and_each_starts_on_its_frame() {
        // 100 clips of 1 001 frames at 29.97: ends rounded separately would leave gaps.
        let seq = seq_with((0..100).map(|k| (k * 1001, 1001, 7 * k + 1)).collect());
        let (p, notes) = build(&seq, &[Some("m".repeat(32))]);
        assert!(notes.is_empty(), "{notes:?}");
        assert_eq!(p.frame_rate, NTSC);
        assert_eq!(p.tracks[0].name, "V1");
        let clips = &p.tracks[0].clips;
        for (k, c) in clips.iter().enumerate() {
            let k = k as i64;
            assert_eq!(c.timeline_in, Some(NTSC.frame_start(k * 1001)));
            assert_eq!(c.r#in, Some(NTSC.frame_start(7 * k + 1)));
            let end = c.timeline_in.unwrap() + (c.out.unwrap() - c.r#in.unwrap());
            assert_eq!(end, NTSC.frame_start((k + 1) * 1001), "clip {k} ends where the next starts");
        }
        assert_eq!(p.bin.len(), 1);
        assert_eq!((p.bin[0].title.as_str(), p.bin[0].duration), ("a.mov", Some(NTSC.frame_start(200_000))));
    }

    #[test]
    fn without_a_stated_rate_the_lowest_that_fits_is_used_and_said() {
        let mut seq = seq_with(vec![(0, 24, 0), (24, 48, 10)]);
        seq.rate = None;
        for c in &mut seq.tracks[0].clips {
            // Re-express the frames at 23.976.
            let film = FrameRate { num: 24_000, den: 1001 };
            c.start = Rat::frames(c.start.whole_frames(NTSC).unwrap(), film).unwrap();
            c.duration = Rat::frames(c.duration.whole_frames(NTSC).unwrap(), film).unwrap();
            c.source_in = Rat::frames(c.source_in.whole_frames(NTSC).unwrap(), film).unwrap();
        }
        let (p, notes) = build(&seq, &[None]);
        assert_eq!(p.frame_rate, FrameRate { num: 24_000, den: 1001 });
        assert_eq!(notes[0].what, Loss::RateAssumed(p.frame_rate));
        assert_eq!(p.tracks[0].clips[0].media_id, None, "no MediaId yet: the clip keeps its place");
        assert_eq!(p.tracks[0].clips[0].source_file().as_deref(), Some("/m/a.mov"), "and its file");
        let sent = crate::model::export::timeline_json(&p);
        assert!(!sent.contains("SourceFile") && !sent.contains("/m/a.mov"), "{sent}");
        assert!(p.bin.is_empty());
    }

    #[test]
    fn linked_audio_and_stereo_pairs_are_merged_and_counted() {
        let mut seq = seq_with(vec![(0, 30, 0)]);
        let c = seq.tracks[0].clips[0].clone();
        let mut a1 = SeqTrack::new(TrackKind::Audio, "A1");
        a1.clips.push(c.clone());
        let mut a2 = SeqTrack::new(TrackKind::Audio, "A2");
        a2.clips.push(SeqClip { source: 0, start: f(60), ..c.clone() });
        let mut a3 = SeqTrack::new(TrackKind::Audio, "A3");
        a3.clips.push(SeqClip { source: 0, start: f(60), ..c });
        seq.tracks.extend([a1, a2, a3]);
        seq.markers.push(SeqMarker { at: f(15), label: "here".into() });
        let (p, notes) = build(&seq, &[None]);
        let names: Vec<_> = p.tracks.iter().map(|t| t.name.as_str()).collect();
        assert_eq!(names, ["V1", "A2"], "tracks that only held copies are not kept");
        let what: Vec<_> = notes.into_iter().map(|n| n.what).collect();
        assert_eq!(what, vec![Loss::LinkedAudio(1), Loss::StereoPair(1)]);
        assert_eq!(p.markers[0].time, NTSC.frame_start(15));
        assert_eq!(p.markers[0].label, "here");
        assert_eq!(p.tracks[1].clips[0].timeline_in, Some(Time(20_020)));
    }
}
