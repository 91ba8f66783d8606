//! Project -> API request fields, and API Timeline -> project. Pure functions.

use super::project::{MediaMetadata, ProduceConfig, Project, TrackKind, UserData};
use super::wire::{AudioTrack, ImageTrack, SubtitleTrack, Timeline, VideoTrack};
use serde_json::{Map, Value};

// Import lives in its own module; these names stay here for callers.
pub use super::import::{
    ImportError, import_timeline_bytes, import_timeline_str, import_timeline_value, looks_like_timeline,
    project_from_timeline,
};

/// Builds the API Timeline. Hidden/muted tracks are left out; within each kind the project's
/// order is the API's stacking order (first video track = bottom layer).
pub fn timeline(project: &Project) -> Timeline {
    let mut tl = Timeline { extra: project.timeline_extra.clone(), ..Default::default() };
    for track in project.tracks.iter().filter(|t| !t.hidden) {
        let (mut clips, extra) = (track.clips.clone(), track.extra.clone());
        for c in &mut clips {
            // The editor's own note of an imported clip's file is not the API's.
            if !c.extra.is_empty() {
                c.extra.remove(super::wire::SOURCE_FILE);
            }
        }
        match track.kind {
            TrackKind::Video => tl.video_tracks.push(VideoTrack { clips, extra }),
            TrackKind::Audio => tl.audio_tracks.push(AudioTrack { clips, extra }),
            TrackKind::Image => tl.image_tracks.push(ImageTrack { clips, extra }),
            TrackKind::Subtitle => tl.subtitle_tracks.push(SubtitleTrack { clips, extra }),
        }
    }
    tl
}

/// The Timeline as the JSON text the API's `Timeline` parameter carries.
pub fn timeline_json(project: &Project) -> String {
    to_json(&timeline(project))
}

fn to_json<T: serde::Serialize>(v: &T) -> String {
    // Serializing these plain data types cannot fail: every map key is a string and every
    // number finite by construction.
    serde_json::to_string(v).unwrap_or_default()
}

/// True when at least one visible track holds a clip.
pub fn has_exported_clips(project: &Project) -> bool {
    project.tracks.iter().any(|t| !t.hidden && !t.clips.is_empty())
}

/// The request parameters of ProduceEditingProjectVideo, each a string as sent, in a fixed
/// order. Empty optional values are left out.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RequestFields(pub Vec<(&'static str, String)>);

impl RequestFields {
    pub fn get(&self, name: &str) -> Option<&str> {
        self.0.iter().find(|(k, _)| *k == name).map(|(_, v)| v.as_str())
    }

    /// As a JSON object of strings (what `vodcut export` prints).
    pub fn to_json_object(&self) -> Value {
        Value::Object(self.0.iter().map(|(k, v)| (k.to_string(), Value::String(v.clone()))).collect())
    }
}

pub fn media_metadata_json(m: &MediaMetadata) -> Option<Value> {
    let mut o = Map::new();
    put(&mut o, "Title", &m.title);
    put(&mut o, "Description", &m.description);
    put(&mut o, "CoverURL", &m.cover_url);
    put(&mut o, "CateId", &m.cate_id);
    let tags: Vec<&str> = m.tags.iter().map(|t| t.trim()).filter(|t| !t.is_empty()).collect();
    put(&mut o, "Tags", &tags.join(","));
    (!o.is_empty()).then_some(Value::Object(o))
}

pub fn produce_config_json(c: &ProduceConfig) -> Option<Value> {
    let mut o = Map::new();
    put(&mut o, "TemplateGroupId", &c.template_group_id);
    put(&mut o, "TemplateId", &c.template_id);
    if let Some(w) = c.width {
        o.insert("Width".into(), w.into());
    }
    if let Some(h) = c.height {
        o.insert("Height".into(), h.into());
    }
    put(&mut o, "StorageLocation", &c.storage_location);
    (!o.is_empty()).then_some(Value::Object(o))
}

pub fn user_data_json(u: &UserData) -> Option<Value> {
    let mut o = Map::new();
    if !u.callback_url.trim().is_empty() {
        // i18n-exempt: the API's CallbackType value
        let kind = if u.callback_type.trim().is_empty() { "http" } else { u.callback_type.trim() };
        let mut cb = Map::new();
        cb.insert("CallbackURL".into(), u.callback_url.trim().into());
        cb.insert("CallbackType".into(), kind.into());
        o.insert("MessageCallback".into(), Value::Object(cb));
    }
    let extend = u.extend.trim();
    if !extend.is_empty() {
        // Valid JSON goes as the object the docs show; anything else (which validation
        // reports as an error) as the text itself, so nothing the user typed is dropped.
        let v = serde_json::from_str(extend).unwrap_or_else(|_| Value::String(extend.into()));
        o.insert("Extend".into(), v);
    }
    (!o.is_empty()).then_some(Value::Object(o))
}

fn put(o: &mut Map<String, Value>, key: &str, value: &str) {
    let value = value.trim();
    if !value.is_empty() {
        o.insert(key.into(), value.into());
    }
}

/// Project -> the request fields of ProduceEditingProjectVideo.
///
/// The Timeline is left out when no visible track holds a clip: with a ProjectId that means
/// "produce the cloud project's saved timeline", where an empty Timeline would overwrite it.
pub fn request_fields(project: &Project) -> RequestFields {
    let mut f = Vec::new();
    let mut push = |k: &'static str, v: &str| {
        if !v.trim().is_empty() {
            f.push((k, v.trim().to_owned()));
        }
    };
    push("ProjectId", project.project_id.as_deref().unwrap_or(""));
    if has_exported_clips(project) {
        push("Timeline", &timeline_json(project));
    }
    push("Title", &project.title);
    push("Description", &project.description);
    push("CoverURL", &project.cover_url);
    let json = |v: Option<Value>| v.map(|v| to_json(&v)).unwrap_or_default();
    push("MediaMetadata", &json(media_metadata_json(&project.media_metadata)));
    push("ProduceConfig", &json(produce_config_json(&project.produce_config)));
    push("UserData", &json(user_data_json(&project.user_data)));
    push("AppId", &project.app_id);
    RequestFields(f)
}

#[cfg(test)]
mod tests {
    use super::*;

    const CUT: &str =
        r#"{"VideoTracks":[{"VideoTrackClips":[{"MediaId":"m1","In":12,"Out":16},{"MediaId":"m1","In":4,"Out":7}]}]}"#;

    #[test]
    fn timeline_round_trips_exactly() {
        let p = import_timeline_str(CUT).unwrap();
        assert_eq!(p.tracks.len(), 1);
        assert_eq!(timeline_json(&p), CUT);
    }

    #[test]
    fn hidden_tracks_are_left_out_and_order_kept() {
        let text = r#"{"VideoTracks":[{"VideoTrackClips":[{"MediaId":"bottom"}]},{"VideoTrackClips":[{"MediaId":"top"}]}],"AudioTracks":[{"AudioTrackClips":[{"MediaId":"a"}]}]}"#;
        let mut p = import_timeline_str(text).unwrap();
        assert_eq!(timeline_json(&p), text);
        p.tracks[2].hidden = true;
        assert_eq!(
            timeline_json(&p),
            r#"{"VideoTracks":[{"VideoTrackClips":[{"MediaId":"bottom"}]},{"VideoTrackClips":[{"MediaId":"top"}]}]}"#
        );
    }

    #[test]
    fn request_fields_leave_out_empty_values() {
        let mut p = import_timeline_str(CUT).unwrap();
        let f = request_fields(&p);
        assert_eq!(f.0.iter().map(|(k, _)| *k).collect::<Vec<_>>(), vec!["Timeline"]);
        p.title = "夏天 trip".into();
        p.media_metadata.tags = vec!["a".into(), " ".into(), "b".into()];
        p.produce_config.width = Some(1280);
        p.produce_config.height = Some(720);
        p.user_data.callback_url = "https://example.com/cb".into();
        p.user_data.extend = r#"{"id":7}"#.into();
        p.project_id = Some("proj1".into());
        p.app_id = "app-1000000".into();
        let f = request_fields(&p);
        assert_eq!(f.get("Title"), Some("夏天 trip"));
        assert_eq!(f.get("MediaMetadata"), Some(r#"{"Tags":"a,b"}"#));
        assert_eq!(f.get("ProduceConfig"), Some(r#"{"Width":1280,"Height":720}"#));
        assert_eq!(
            f.get("UserData"),
            Some(
                r#"{"MessageCallback":{"CallbackURL":"https://example.com/cb","CallbackType":"http"},"Extend":{"id":7}}"#
            )
        );
        assert_eq!(f.get("ProjectId"), Some("proj1"));
        assert_eq!(f.get("Description"), None);
    }

    #[test]
    fn project_id_without_clips_sends_no_timeline() {
        let p = Project { project_id: Some("p".into()), ..Project::new_empty() };
        let f = request_fields(&p);
        assert_eq!(f.get("Timeline"), None);
        assert_eq!(f.get("ProjectId"), Some("p"));
    }

    #[test]
    fn request_fields_import_back() {
        let mut p = import_timeline_str(CUT).unwrap();
        p.title = "T".into();
        p.media_metadata.title = "M".into();
        p.media_metadata.tags = vec!["x".into(), "y".into()];
        p.produce_config.width = Some(720);
        p.produce_config.height = Some(1280);
        p.produce_config.storage_location = "outin-1.oss-ap-southeast-1.aliyuncs.com".into();
        p.user_data.callback_url = "https://e.com".into();
        p.user_data.callback_type = "http".into();
        p.user_data.extend = r#"{"k":"v"}"#.into();
        p.app_id = "app-1".into();
        p.project_id = Some("pid".into());
        let text = request_fields(&p).to_json_object().to_string();
        let back = import_timeline_str(&text).unwrap();
        assert_eq!(request_fields(&back), request_fields(&p));
    }

    #[test]
    fn import_errors_name_the_place() {
        let e = import_timeline_str(r#"{"VideoTracks":[{"VideoTrackClips":[{"MediaId":"a"},{"In":"soon"}]}]}"#)
            .unwrap_err();
        let ImportError::Shape(e) = e else { panic!("{e:?}") };
        assert_eq!((e.path.as_str(), e.line), ("VideoTracks[0].VideoTrackClips[1].In", 1));
        assert!(matches!(import_timeline_str("[1,2]"), Err(ImportError::NotATimeline)));
        assert!(matches!(import_timeline_str("{\"Vid"), Err(ImportError::NotJson(_))));
    }

    #[test]
    fn timeline_given_as_a_string_is_accepted() {
        let p = import_timeline_value(Value::String(CUT.into())).unwrap();
        assert_eq!(timeline_json(&p), CUT);
    }
}
