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
                    clip.font_color = Some("#FFFFFF".into()); // i18n-exempt: a colour value
                    clip.font_size = Some(Num::int(36));
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
}
