//! What VOD says about the media a project uses, as problems. VOD produces only media whose
//! status is Normal; media still uploading or transcoding, failed or blocked make the
//! production fail after it is billed, so the editor asks VOD (GetVideoInfos) before the
//! confirmation and this turns the answer into problems pointing at the first clip using each.

use super::{Issue, Location, Out, Problem, Quoted, Severity};
use crate::model::project::{Project, TrackKind};
use std::collections::HashMap;

/// The video and audio media of visible tracks, once each, in timeline order. Images are left
/// out: GetVideoInfos does not know them (they are usable once stored).
pub fn status_checked_media(project: &Project) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    let mut out = Vec::new();
    for t in project.tracks.iter().filter(|t| !t.hidden && matches!(t.kind, TrackKind::Video | TrackKind::Audio)) {
        for c in &t.clips {
            if c.r#type.as_deref() == Some("Image") {
                continue;
            }
            if let Some(id) = c.media_id.as_deref().map(str::trim)
                && !id.is_empty()
                && seen.insert(id.to_owned())
            {
                out.push(id.to_owned());
            }
        }
    }
    out
}

/// The answer of a status check: MediaId -> (title, status) for media VOD knows, and the IDs
/// it does not know. `Err` holds why the check could not be made.
pub type StatusAnswer<'a> = Result<(&'a HashMap<String, (String, String)>, &'a [String]), &'a str>;

/// Problems from a status check made in `region` (the one the connection used, which may not
/// be the project's): media not Normal are errors (the production would fail); unknown media
/// and a check that could not be made are warnings (the cause may be a region or a network
/// the user can judge; the reference does not say the service refuses them).
pub fn media_status_problems(project: &Project, region: &str, answer: StatusAnswer<'_>) -> Vec<Problem> {
    let mut out = Out { project, problems: Vec::new() };
    let (known, missing) = match answer {
        Ok(a) => a,
        Err(e) => {
            out.warn(Location::default(), Issue::StatusUnchecked { error: e.to_owned() });
            return out.problems;
        }
    };
    for id in status_checked_media(project) {
        let location = first_use(project, &id);
        if let Some((title, status)) = known.get(&id) {
            if status != "Normal" {
                let issue = Issue::NotNormal { id: id.clone(), title: title.clone(), status: status.clone() };
                out.push(Severity::Error, location, issue);
            }
        } else if missing.contains(&id) {
            out.warn(location, Issue::UnknownMedia { id: Quoted::of(&id), region: region.to_owned() });
        }
    }
    out.problems
}

fn first_use(project: &Project, id: &str) -> Location {
    for (ti, t) in project.tracks.iter().enumerate() {
        if let Some(ci) = t.clips.iter().position(|c| c.media_id.as_deref().map(str::trim) == Some(id)) {
            return Location { track: Some(ti), clip: Some(ci), effect: None, field: Some("MediaId") };
        }
    }
    Location::default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::wire::Clip;
    use crate::model::{Time, project::Track};

    fn project() -> Project {
        let clip = |id: &str, at: i64| Clip {
            media_id: Some(id.into()),
            r#in: Some(Time::ZERO),
            out: Some(Time::from_secs(2)),
            timeline_in: Some(Time::from_secs(at)),
            ..Default::default()
        };
        let mut p = Project::default();
        p.tracks
            .push(Track { clips: vec![clip("v-ready", 0), clip("v-busy", 2)], ..Track::new(TrackKind::Video, "V1") });
        p.tracks
            .push(Track { clips: vec![clip("a-gone", 0), clip("v-busy", 4)], ..Track::new(TrackKind::Audio, "A1") });
        let mut img = clip("i-1", 0);
        img.r#type = Some("Image".into());
        p.tracks.push(Track { clips: vec![img], ..Track::new(TrackKind::Video, "V2") });
        p
    }

    #[test]
    fn checks_video_and_audio_once_each_but_not_images() {
        assert_eq!(status_checked_media(&project()), ["v-ready", "v-busy", "a-gone"]);
    }

    #[test]
    fn not_normal_is_an_error_at_its_first_clip_and_unknown_a_warning() {
        let known: HashMap<String, (String, String)> = [
            ("v-ready".to_string(), ("Ready".to_string(), "Normal".to_string())),
            ("v-busy".to_string(), ("Beach".to_string(), "Transcoding".to_string())),
        ]
        .into();
        let missing = vec!["a-gone".to_string()];
        let p = media_status_problems(&project(), "cn-shanghai", Ok((&known, &missing)));
        assert_eq!(p.len(), 2, "{p:?}");
        assert_eq!(p[0].severity, Severity::Error);
        assert_eq!((p[0].location.track, p[0].location.clip), (Some(0), Some(1)));
        let (id, title, status) = ("v-busy".into(), "Beach".into(), "Transcoding".into());
        assert_eq!(p[0].issue, Issue::NotNormal { id, title, status });
        assert_eq!(p[1].severity, Severity::Warning);
        assert_eq!(p[1].issue, Issue::UnknownMedia { id: Quoted::of("a-gone"), region: "cn-shanghai".into() });
    }

    #[test]
    fn a_failed_check_warns_and_never_blocks() {
        let p = media_status_problems(&project(), "cn-shanghai", Err("connection refused"));
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].severity, Severity::Warning);
        assert_eq!(p[0].issue, Issue::StatusUnchecked { error: "connection refused".into() });
    }
}
