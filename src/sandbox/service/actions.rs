//! The VOD actions the loopback server answers: producing, projects, the library and media
//! details (uploads are in upload_api.rs, play and image URLs in media.rs).

use super::*;

pub(crate) type Refusal = (u16, &'static str, String);

/// Where the sandbox says its projects' outputs are stored.
pub(crate) const STORAGE: &str = "outin-loopback.oss-cn-shanghai.aliyuncs.com";

pub(crate) fn hex_id(st: &mut State, salt: &str) -> String {
    st.counter += 1;
    format!("{:016x}{:016x}", st.counter.wrapping_mul(0x9E37_79B9_7F4A_7C15), salt.len() as u64 * 7919 + st.counter)
}

pub(crate) fn handle(action: &str, p: &BTreeMap<String, String>, st: &mut State, rid: &str) -> Result<Value, Refusal> {
    let missing = |name: &str| {
        (
            400u16,
            "MissingParameter",
            format!("The input parameter \"{name}\" that is mandatory for processing this request is not supplied."),
        )
    };
    if let Some(answer) = crate::sandbox::media::handle(action, p, st, rid) {
        return answer;
    }
    if let Some(answer) = super::account::handle(action, p, rid) {
        return answer;
    }
    if let Some(answer) = super::projects::handle(action, p, st, rid) {
        return answer;
    }
    match action {
        "ProduceEditingProjectVideo" => {
            let timeline = p.get("Timeline").cloned();
            if timeline.is_none() && p.get("ProjectId").is_none() {
                return Err((400, "InvalidParameter", "ProjectId and Timeline cannot both be empty.".into()));
            }
            if let Some(t) = &timeline {
                let v: Value = serde_json::from_str(t)
                    .map_err(|e| (400, "InvalidParameter", format!("Timeline is not valid JSON: {e}")))?;
                for track in v["VideoTracks"].as_array().into_iter().flatten() {
                    for clip in track["VideoTrackClips"].as_array().into_iter().flatten() {
                        if clip.get("MediaId").and_then(Value::as_str).is_none_or(str::is_empty) {
                            return Err((
                                400,
                                "InvalidParameter",
                                "The specified parameter \"Timeline.VideoTrackClips.MediaId\" is not valid.".into(),
                            ));
                        }
                    }
                }
            }
            for json_field in ["MediaMetadata", "ProduceConfig", "UserData"] {
                if let Some(v) = p.get(json_field)
                    && serde_json::from_str::<Value>(v).is_err()
                {
                    return Err((
                        400,
                        "InvalidParameter",
                        format!("The specified parameter \"{json_field}\" is not valid JSON."),
                    ));
                }
            }
            let project_id = match p.get("ProjectId") {
                Some(id) if !st.projects.contains_key(id) => {
                    return Err((404, "InvalidProject.NotFound", format!("The project {id} does not exist.")));
                }
                Some(id) => id.clone(),
                None => hex_id(st, "project"),
            };
            let media_id = hex_id(st, "media");
            // The produced video's cover: a picture of its own, as VOD makes one.
            let cover = crate::sandbox::seed::gradient(160, 90, [[30, 30, 60], [240, 140, 40]]);
            st.files.covers.insert(media_id.clone(), cover);
            let existing = st.projects.get(&project_id).cloned();
            let now = crate::sandbox::now_ms();
            let mut media_ids = existing.as_ref().map(|e| e.media_ids.clone()).unwrap_or_default();
            media_ids.push(media_id.clone());
            let project = StoredProject {
                project_id: project_id.clone(),
                title: p.get("Title").cloned().or(existing.as_ref().map(|e| e.title.clone())).unwrap_or_default(),
                description: p.get("Description").cloned().unwrap_or_default(),
                timeline: timeline.or(existing.as_ref().map(|e| e.timeline.clone())).unwrap_or_default(),
                media_ids,
                polls: 0,
                status: "Producing",
                submitted_ms: now,
                created_ms: existing.as_ref().map_or(now, |e| e.created_ms),
                modified_ms: now,
                cover_url: existing.as_ref().map(|e| e.cover_url.clone()).unwrap_or_default(),
            };
            if let Some(produce) = st.producer.clone() {
                st.rendering.insert(media_id.clone());
                produce(project.timeline.clone(), p.get("ProduceConfig").cloned(), media_id.clone());
            }
            st.projects.insert(project_id.clone(), project);
            Ok(json!({"RequestId": rid, "MediaId": media_id, "ProjectId": project_id}))
        }
        "GetEditingProject" => {
            let id = p.get("ProjectId").ok_or_else(|| missing("ProjectId"))?;
            let (until, produce_time, fate) = (st.polls_until_produced, st.produce_time, st.fate);
            take_up_draft(st, id);
            // The sandbox's video is still being drafted: not produced yet.
            let drafting =
                st.projects.get(id).and_then(|pr| pr.media_ids.last()).is_some_and(|m| st.rendering.contains(m));
            let Some(pr) = st.projects.get_mut(id) else {
                return Err((404, "InvalidProject.NotFound", format!("The project {id} does not exist.")));
            };
            pr.polls += 1;
            let done = match produce_time {
                Some(d) => crate::sandbox::now_ms() >= pr.submitted_ms + d.as_millis() as u64,
                None => pr.polls > until,
            };
            if done && !drafting && pr.status == "Producing" {
                pr.status = match fate {
                    Fate::Produce => "Produced",
                    Fate::Fail => "ProduceFailed",
                    Fate::StayProducing => "Producing",
                };
            }
            // Produced and not in the library yet (`st.media` is borrowed apart from the project).
            let new_video = (pr.status == "Produced")
                .then(|| pr.media_ids.last().cloned())
                .flatten()
                .filter(|m| !st.media.iter().any(|x| &x.id == m))
                .map(|m| (m, pr.title.clone(), pr.timeline.clone()));
            let mut project = json!({"ProjectId": pr.project_id, "Title": pr.title, "Description": pr.description,
                "Timeline": pr.timeline, "Status": pr.status, "RegionId": "cn-shanghai", "CreationTime": creation_time(pr.created_ms),
                "ModifiedTime": creation_time(pr.modified_ms), "CoverURL": pr.cover_url, "StorageLocation": STORAGE});
            if pr.status == "ProduceFailed" {
                // The error fields of VOD's ProduceMediaComplete failure event (shared/vod/api.md
                // 1.7); whether GetEditingProject carries them is not documented.
                project["ErrorCode"] = "InvalidParameter.ResourceContentBad".into();
                project["ErrorMessage"] = "The resource operated InputFile is bad".into();
            }
            if let Some((media_id, title, timeline)) = new_video {
                into_library(st, &media_id, &title, &timeline);
            }
            Ok(json!({"RequestId": rid, "Project": project}))
        }
        "GetVideoInfo" => {
            let id = p.get("VideoId").ok_or_else(|| missing("VideoId"))?;
            video(st, id)
                .map(|v| json!({"RequestId": rid, "Video": v}))
                .ok_or_else(|| (404, "InvalidVideo.NotFound", "The video does not exist.".into()))
        }
        "GetVideoInfos" => {
            let ids = p.get("VideoIds").ok_or_else(|| missing("VideoIds"))?;
            let (mut found, mut missing_ids) = (vec![], vec![]);
            for id in ids.split(',') {
                match video(st, id) {
                    Some(v) => found.push(v),
                    None => missing_ids.push(id.to_owned()),
                }
            }
            Ok(json!({"RequestId": rid, "VideoList": found, "NonExistVideoIds": missing_ids}))
        }
        "GetMezzanineInfo" => {
            let id = p.get("VideoId").ok_or_else(|| missing("VideoId"))?;
            let m = st
                .media
                .iter()
                .find(|m| &m.id == id)
                .ok_or_else(|| (404, "InvalidVideo.NotFound", "The video does not exist.".to_string()))?;
            Ok(
                json!({"RequestId": rid, "Mezzanine": {"VideoId": m.id, "FileName": format!("{}.mp4", m.title), "Duration": m.duration.to_string(),
                "Width": 1920, "Height": 1080, "Fps": "25", "Size": 1_000_000, "Status": "Normal"}}),
            )
        }
        "SearchMedia" => {
            let kind = p.get("SearchType").map(String::as_str).unwrap_or("video").to_owned();
            let wanted = match p.get("Match") {
                None => Wanted::default(),
                Some(m) => parse_match(m)
                    .ok_or_else(|| (400u16, "InvalidParameter", format!("The Match expression {m} is not valid.")))?,
            };
            let app_of = |id: &str| st.media_apps.get(id).map(String::as_str).unwrap_or(super::account::APPS[0].0);
            let page_size: usize = p.get("PageSize").and_then(|v| v.parse().ok()).unwrap_or(10).min(100);
            let page_no: usize = p.get("PageNo").and_then(|v| v.parse().ok()).unwrap_or(1).max(1);
            let matching: Vec<&Media> = st
                .media
                .iter()
                .filter(|m| m.kind == kind)
                .filter(|m| wanted.title.as_ref().is_none_or(|w| m.title.to_lowercase().contains(&w.to_lowercase())))
                .filter(|m| wanted.app_id.as_ref().is_none_or(|a| app_of(&m.id) == a))
                .collect();
            // Deep paging: a ScrollToken is the index of the next item.
            let start = match p.get("ScrollToken") {
                Some(t) => {
                    t.parse::<usize>().map_err(|_| (400u16, "InvalidParameter", "bad ScrollToken".to_string()))?
                }
                None => {
                    if page_no * page_size > 5_000 {
                        return Err((
                            400,
                            "InvalidParameter",
                            "PageNo*PageSize may not exceed 5000; use ScrollToken".into(),
                        ));
                    }
                    (page_no - 1) * page_size
                }
            };
            let base = st.base_url.clone();
            let list: Vec<Value> = matching
                .iter()
                .skip(start)
                .take(page_size)
                .map(|m| {
                    let key = match m.kind {
                        "audio" => "Audio",
                        "image" => "Image",
                        _ => "Video",
                    };
                    json!({"MediaId": m.id, "MediaType": m.kind, "CreationTime": "2026-11-01T00:00:00Z",
                       key: {"Title": m.title, "Duration": m.duration, "Status": m.status, "Size": 1_048_576,
                             "CoverURL": format!("{base}cover/{}.png", m.id)}})
                })
                .collect();
            let next = start + list.len();
            let token = (next < matching.len()).then(|| next.to_string());
            Ok(json!({"RequestId": rid, "Total": matching.len(), "ScrollToken": token, "MediaList": list}))
        }
        "GetEditingProjectMaterials" => {
            let id = p.get("ProjectId").ok_or_else(|| missing("ProjectId"))?;
            if !st.projects.contains_key(id) {
                return Err(super::projects::not_found(id));
            }
            let ids = st.materials.get(id).cloned().unwrap_or_default();
            let list: Vec<Value> = st.media.iter().filter(|m| ids.contains(&m.id)).map(|m| json!({
                "MaterialId": m.id, "MaterialType": m.kind, "Title": m.title, "Duration": m.duration, "Status": m.status, "CoverURL": ""
            })).collect();
            Ok(json!({"RequestId": rid, "MaterialList": {"Material": list}}))
        }
        other => crate::sandbox::upload_api::vod_action(other, p, st, rid)
            .unwrap_or_else(|| Err((404, "InvalidAction.NotFound", format!("Specified api {other} is not found")))),
    }
}

/// Unix milliseconds as VOD writes times (`2026-11-24T08:00:00Z`).
pub(crate) fn creation_time(ms: u64) -> String {
    let t = time::OffsetDateTime::from_unix_timestamp((ms / 1000) as i64).unwrap_or(time::OffsetDateTime::UNIX_EPOCH);
    t.format(time::macros::format_description!("[year]-[month]-[day]T[hour]:[minute]:[second]Z")).unwrap_or_default()
}

/// `Title in ('text')` with `\'` and `\\` escapes (vodcut's quoting): the text searched.
pub fn parse_title_match(m: &str) -> Option<String> {
    parse_match(m).and_then(|w| w.title)
}

/// What a Match expression vodcut writes asks for.
#[derive(Debug, Default, PartialEq)]
pub struct Wanted {
    pub title: Option<String>,
    pub app_id: Option<String>,
}

/// `Title in ('text')`, `AppId = 'app-…'`, or both joined by `and` (vodcut's Match
/// expressions; SearchMedia's AppId field is documented among the Match fields).
pub fn parse_match(m: &str) -> Option<Wanted> {
    let mut wanted = Wanted::default();
    let mut rest = m.trim();
    loop {
        let (field, tail) = if let Some(t) = rest.strip_prefix("Title in ('") {
            ("Title", t)
        } else if let Some(t) = rest.strip_prefix("AppId = '") {
            ("AppId", t)
        } else {
            return None;
        };
        let mut value = String::new();
        let mut chars = tail.chars();
        loop {
            match chars.next()? {
                '\\' => value.push(chars.next()?),
                '\'' => break,
                c => value.push(c),
            }
        }
        let mut after = chars.as_str().trim_start();
        if field == "Title" {
            after = after.strip_prefix(')')?.trim_start();
            wanted.title = Some(value);
        } else {
            wanted.app_id = Some(value);
        }
        if after.is_empty() {
            return Some(wanted);
        }
        rest = after.strip_prefix("and ")?.trim_start();
    }
}

/// The sandbox: a production whose draft was cut short (its process ended) is drafted by
/// this one (see `sandbox::produce`).
fn take_up_draft(st: &mut State, id: &str) {
    let (Some(dir), Some(produce)) = (st.produced_dir.clone(), st.producer.clone()) else { return };
    let Some(pr) = st.projects.get(id).filter(|pr| pr.status == "Producing") else { return };
    let Some(media_id) = pr.media_ids.last().cloned() else { return };
    if st.rendering.contains(&media_id) || !crate::sandbox::produce::orphaned(&dir, &media_id) {
        return;
    }
    let timeline = pr.timeline.clone();
    st.rendering.insert(media_id.clone());
    produce(timeline, None, media_id);
}

/// A finished production's video joins the library, as VOD adds it to the account's media;
/// it plays the file set with `VodServer::play_productions_from`, if any.
fn into_library(st: &mut State, media_id: &str, title: &str, timeline: &str) {
    let duration = st.produce_time.and_then(|_| timeline_seconds(timeline)).unwrap_or(12.0);
    let title = if title.is_empty() { media_id.to_owned() } else { title.to_owned() };
    st.media.push(Media { id: media_id.to_owned(), kind: "video", title, duration, status: "Normal" });
    if let Some(file) = st.produced_video.clone() {
        st.files.videos.insert(media_id.to_owned(), file);
    }
}

/// A 2x2 PNG, the covers the loopback server serves.
pub(crate) fn tiny_png() -> Vec<u8> {
    vec![
        0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00,
        0x00, 0x02, 0x00, 0x00, 0x00, 0x02, 0x08, 0x02, 0x00, 0x00, 0x00, 0xFD, 0xD4, 0x9A, 0x73, 0x00, 0x00, 0x00,
        0x10, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0xF8, 0x5F, 0xA1, 0x01, 0x44, 0x0C, 0x10, 0x0A, 0x00, 0x30,
        0xCE, 0x06, 0x7D, 0xC9, 0xCB, 0x3A, 0xE3, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60,
        0x82,
    ]
}

/// A library video, or a produced one once its project is Produced.
pub(crate) fn video(st: &State, id: &str) -> Option<Value> {
    if let Some(m) = st.media.iter().find(|m| m.id == id) {
        let mut v =
            json!({"VideoId": m.id, "Title": m.title, "Duration": m.duration, "Status": m.status, "CoverURL": ""});
        if let (Some(Value::Object(extra)), Some(obj)) =
            (crate::sandbox::media::video_extras(st, id), v.as_object_mut())
        {
            obj.extend(extra);
        }
        // A produced video's cover is the one made at its production.
        if st.files.covers.contains_key(id) {
            v["CoverURL"] = format!("{}cover/{id}.png", st.base_url).into();
        }
        return Some(v);
    }
    let pr = st.projects.values().find(|pr| pr.media_ids.iter().any(|m| m == id) && pr.status == "Produced")?;
    // The sandbox (a production time) gives the Timeline's own length; tests keep a fixed 12 s.
    let seconds = st.produce_time.and_then(|_| timeline_seconds(&pr.timeline)).unwrap_or(12.0);
    Some(
        json!({"VideoId": id, "Title": pr.title, "Duration": seconds, "Status": "Normal", "CoverURL": format!("{}cover/{id}.png", st.base_url)}),
    )
}

/// Where a Timeline ends, in seconds: clips without TimelineIn follow the previous one on
/// their track, as the service lays them out; a clip of unknown length ends nothing.
pub fn timeline_seconds(timeline: &str) -> Option<f64> {
    let v: Value = serde_json::from_str(timeline).ok()?;
    let mut end: f64 = 0.0;
    for (tracks, clips) in [
        ("VideoTracks", "VideoTrackClips"),
        ("AudioTracks", "AudioTrackClips"),
        ("ImageTracks", "ImageTrackClips"),
        ("SubtitleTracks", "SubtitleTrackClips"),
    ] {
        for track in v[tracks].as_array().into_iter().flatten() {
            let mut t = 0.0;
            for c in track[clips].as_array().into_iter().flatten() {
                let num = |k: &str| c[k].as_f64().or_else(|| c[k].as_str().and_then(|s| s.parse().ok()));
                let start = num("TimelineIn").unwrap_or(t);
                let stop = num("TimelineOut").or_else(|| Some(start + num("Out")? - num("In").unwrap_or(0.0)));
                if let Some(stop) = stop.filter(|s| *s > start) {
                    t = stop;
                    end = end.max(stop);
                }
            }
        }
    }
    (end > 0.0).then_some(end)
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_timeline_ends_where_its_last_clip_does() {
        let tl = r#"{"VideoTracks":[{"VideoTrackClips":[{"MediaId":"a","In":0,"Out":6},{"MediaId":"b","In":4,"Out":10}]}],
            "ImageTracks":[{"ImageTrackClips":[{"ImageId":"i","TimelineIn":0,"TimelineOut":13.5}]}],
            "AudioTracks":[{"AudioTrackClips":[{"MediaId":"m"}]}]}"#;
        assert_eq!(super::timeline_seconds(tl), Some(13.5));
        assert_eq!(
            super::timeline_seconds(r#"{"VideoTracks":[{"VideoTrackClips":[{"MediaId":"a","In":2,"Out":5}]}]}"#),
            Some(3.0)
        );
        assert_eq!(super::timeline_seconds(r#"{"VideoTracks":[{"VideoTrackClips":[{"MediaId":"a"}]}]}"#), None);
        assert_eq!(super::timeline_seconds("not json"), None);
    }
}
