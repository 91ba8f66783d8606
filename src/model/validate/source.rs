//! In and Out against the source's known length (from the media bin): the service cannot
//! play past the end of a file, and the editor refuses it when trimming or typing.

use super::{Issue, Out, at};
use crate::model::project::{Track, TrackKind};
use crate::model::time::Time;
use std::collections::HashMap;

pub(super) fn length_rule(out: &mut Out, track: &Track, ti: usize, durations: &HashMap<&str, Time>) {
    if !matches!(track.kind, TrackKind::Video | TrackKind::Audio) {
        return;
    }
    for (ci, clip) in track.clips.iter().enumerate() {
        if clip.r#type.as_deref() == Some("Image") {
            continue;
        }
        let Some(length) = clip.material_id().and_then(|id| durations.get(id).copied()) else { continue };
        for (field, v) in [("In", clip.r#in), ("Out", clip.out)] {
            if let Some(t) = v
                && t > length
            {
                out.error(at(ti, ci, None, field), Issue::PastMediaEnd { field, t, length });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::model::export::import_timeline_str;
    use crate::model::project::{BinEntry, MediaKind};
    use crate::model::time::Time;
    use crate::model::validate::{Issue, Severity, validate};

    #[test]
    fn out_past_the_known_length_is_an_error() {
        let mut p = import_timeline_str(
            r#"{"VideoTracks":[{"VideoTrackClips":[{"MediaId":"m","In":0,"Out":20},{"MediaId":"u","In":0,"Out":20}]}]}"#,
        )
        .unwrap();
        p.bin.push(BinEntry {
            media_id: "m".into(),
            title: "m".into(),
            duration: Some(Time::parse_secs("12.5").unwrap()),
            kind: MediaKind::Video,
            ..Default::default()
        });
        let problems = validate(&p);
        let past: Vec<_> = problems.iter().filter(|p| matches!(p.issue, Issue::PastMediaEnd { .. })).collect();
        assert_eq!(past.len(), 1, "{problems:?}");
        assert_eq!(past[0].severity, Severity::Error);
        assert_eq!((past[0].location.clip, past[0].location.field), (Some(0), Some("Out")));
        let (t, length) = (Time::from_secs(20), Time::parse_secs("12.5").unwrap());
        assert_eq!(past[0].issue, Issue::PastMediaEnd { field: "Out", t, length });
    }
}
