//! Generated projects of any size, for benchmarks and load tests.

use super::project::{Project, TrackKind};
use super::time::Time;
use super::wire::{Clip, Effect, EffectKind, Num};

/// `clips` clips spread over `tracks` tracks (video, audio and subtitle tracks in turn), laid
/// end to end with explicit times, a few effects, Chinese text: shaped like real work.
pub fn generated_project(clips: usize, tracks: usize) -> Project {
    // i18n-exempt: sample data for benchmarks
    let mut p = Project { title: format!("generated {clips} clips"), ..Project::default() };
    let tracks = tracks.max(1);
    for t in 0..tracks {
        let kind = match t % 4 {
            3 => TrackKind::Audio,
            2 if t > 2 => TrackKind::Subtitle,
            _ => TrackKind::Video,
        };
        p.add_track(kind);
    }
    let per_track = clips.div_ceil(tracks);
    for (t, track) in p.tracks.iter_mut().enumerate() {
        let n = per_track.min(clips.saturating_sub(t * per_track));
        track.clips.reserve(n);
        for i in 0..n {
            let start = Time::from_millis(i as i64 * 2_500);
            let len = Time::from_millis(2_000 + (i % 5) as i64 * 100);
            let mut clip = Clip { timeline_in: Some(start), timeline_out: Some(start + len), ..Default::default() };
            match track.kind {
                TrackKind::Subtitle => {
                    clip.r#type = Some("Text".into());
                    // i18n-exempt: sample data for benchmarks
                    clip.content = Some(format!("第{i}句字幕 line {i}"));
                    clip.style.font_color = Some("#FFFFFF".into()); // i18n-exempt: a colour value
                    clip.style.font_size = Some(Num::int(36));
                }
                _ => {
                    clip.media_id = Some(format!("{:032x}", (i + t) % 150));
                    clip.r#in = Some(Time::from_millis((i % 7) as i64 * 1000));
                    clip.out = clip.r#in.map(|x| x + len);
                    if i % 10 == 0 {
                        clip.effects.push(Effect::new(EffectKind::Volume));
                    }
                }
            }
            track.clips.push(clip);
        }
    }
    p
}

/// The text of an API Timeline of `clips` clips shaped like real work (MediaId, In, Out,
/// TimelineIn, TimelineOut, a Volume effect on every `effect_every`-th), after a first Text
/// clip whose Content pads the text to `size` bytes: the largest input read while the model
/// holds the most it can. `None` when the clips alone are longer than `size`.
pub fn padded_timeline(clips: usize, effect_every: usize, size: usize) -> Option<Vec<u8>> {
    use std::io::Write;
    let head = br#"{"VideoTracks":[{"VideoTrackClips":[{"Type":"Text","Content":""#;
    let mut body = Vec::with_capacity(clips * 130);
    body.extend_from_slice(br#""}"#);
    for i in 0..clips {
        let t = i as f64 * 2.5;
        // Writing into a Vec cannot fail.
        let _ = write!(
            body,
            r#",{{"MediaId":"{:032x}","In":{},"Out":{},"TimelineIn":{t},"TimelineOut":{}"#,
            i % 150,
            i % 7,
            i % 7 + 2,
            t + 2.0
        );
        if i % effect_every.max(1) == 0 {
            body.extend_from_slice(br#","Effects":[{"Type":"Volume","Gain":"0.5"}]"#);
        }
        body.push(b'}');
    }
    body.extend_from_slice(b"]}]}");
    let pad = size.checked_sub(head.len() + body.len())?;
    let mut out = Vec::with_capacity(size);
    out.extend_from_slice(head);
    out.resize(head.len() + pad, b'x');
    out.extend_from_slice(&body);
    Some(out)
}

#[cfg(test)]
mod tests {
    #[test]
    fn generated_projects_are_valid_and_sized() {
        let p = super::generated_project(1_000, 20);
        assert_eq!(p.clip_count(), 1_000);
        assert_eq!(p.tracks.len(), 20);
        let problems = crate::model::validate::validate(&p);
        let errors: Vec<_> =
            problems.iter().filter(|p| p.severity == crate::model::validate::Severity::Error).take(3).collect();
        assert!(errors.is_empty(), "{errors:?}");
    }

    #[test]
    fn a_padded_timeline_has_the_size_asked_and_imports() {
        let text = super::padded_timeline(10, 2, 4000).unwrap();
        assert_eq!(text.len(), 4000);
        let p = crate::model::import::import_timeline_bytes(&text).unwrap();
        assert_eq!(p.clip_count(), 11);
        assert_eq!(p.tracks[0].clips.iter().map(|c| c.effects.len()).sum::<usize>(), 5);
        assert!(super::padded_timeline(10, 2, 100).is_none());
    }
}
