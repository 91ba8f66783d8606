//! The sandbox's state on disk: the media uploaded and the productions made, so that
//! separate commands (each its own process) and later sessions see the same service. The
//! seeded library is not saved: it is seeded again at every start.

use super::oss::Upload;
use super::service::{Media, State, StoredProject};
use serde_json::{Value, json};
use std::path::Path;

/// The statuses and kinds the service uses, as the `&'static str` its state holds.
fn known(s: &str) -> &'static str {
    const ALL: &[&str] = &[
        "video",
        "audio",
        "image",
        "Uploading",
        "UploadSucc",
        "Transcoding",
        "Normal",
        "UploadFail",
        "TranscodeFail",
        "Producing",
        "Produced",
        "ProduceFailed",
    ];
    ALL.iter().find(|k| **k == s).copied().unwrap_or("Normal")
}

pub fn save(st: &State, path: &Path) -> std::io::Result<()> {
    let media: Vec<Value> = st
        .media
        .iter()
        .filter(|m| !super::seed::is_seed(&m.id))
        .map(|m| json!({"Id": m.id, "Kind": m.kind, "Title": m.title, "Duration": m.duration, "Status": m.status}))
        .collect();
    let projects: Vec<Value> = st
        .projects
        .values()
        .map(|p| {
            json!({"ProjectId": p.project_id, "Title": p.title, "Description": p.description, "Timeline": p.timeline,
                "MediaIds": p.media_ids, "Status": p.status, "SubmittedMs": p.submitted_ms, "CreatedMs": p.created_ms,
                "ModifiedMs": p.modified_ms, "CoverURL": p.cover_url, "Materials": st.materials.get(&p.project_id)})
        })
        .collect();
    let uploads: Vec<Value> = st
        .oss
        .uploads
        .values()
        .map(
            |u| json!({"MediaId": u.media_id, "Key": u.key, "Kind": u.kind, "Title": u.title, "FileName": u.file_name}),
        )
        .collect();
    let playable: Vec<Value> = st
        .oss
        .probed
        .iter()
        .filter_map(|(id, secs)| Some(json!({"Id": id, "Path": st.files.videos.get(id)?, "Seconds": secs})))
        .collect();
    let v = json!({"FormatVersion": 1, "Counter": st.counter, "OssCounter": st.oss.counter, "Media": media,
        "Projects": projects, "Uploads": uploads, "Finishing": st.oss.finishing, "Arrived": st.oss.arrived,
        "Playable": playable, "DeletedProjects": st.deleted_projects});
    let bytes = serde_json::to_vec_pretty(&v).map_err(std::io::Error::other)?;
    crate::store::atomic::write_atomic(path, &bytes, false)
}

/// Adds what `path` holds to the freshly seeded `st`. A missing file is a first start.
pub fn load(st: &mut State, path: &Path) -> Result<(), String> {
    // As a project file is read: a FIFO, a device or a huge file in its place is refused
    // (then moved aside by the caller), never waited on or read whole.
    let bytes = match crate::store::input::read_state(path, crate::store::input::MAX_INPUT_BYTES) {
        Ok(Some(b)) => b,
        Ok(None) => return Ok(()),
        Err(e) => return Err(format!("cannot read {}: {e}", path.display())),
    };
    let v: Value =
        serde_json::from_slice(&bytes).map_err(|e| format!("{} is not readable JSON: {e}", path.display()))?;
    let s = |v: &Value, k: &str| v[k].as_str().unwrap_or_default().to_owned();
    st.counter = st.counter.max(v["Counter"].as_u64().unwrap_or(0));
    st.oss.counter = st.oss.counter.max(v["OssCounter"].as_u64().unwrap_or(0));
    for m in v["Media"].as_array().into_iter().flatten() {
        let id = s(m, "Id");
        if id.is_empty() || st.media.iter().any(|x| x.id == id) {
            continue;
        }
        st.media.push(Media {
            id,
            kind: known(&s(m, "Kind")),
            title: s(m, "Title"),
            duration: m["Duration"].as_f64().unwrap_or(0.0),
            status: known(&s(m, "Status")),
        });
    }
    let strings = |v: &Value| -> Vec<String> {
        v.as_array().into_iter().flatten().filter_map(|m| m.as_str().map(str::to_owned)).collect()
    };
    st.deleted_projects.extend(strings(&v["DeletedProjects"]));
    for id in &st.deleted_projects {
        st.projects.remove(id);
        st.materials.remove(id);
    }
    for p in v["Projects"].as_array().into_iter().flatten() {
        let project_id = s(p, "ProjectId");
        let submitted_ms = p["SubmittedMs"].as_u64().unwrap_or(0);
        // (States written before these were kept: the submission time stands in.)
        let created_ms = p["CreatedMs"].as_u64().unwrap_or(submitted_ms);
        let modified_ms = p["ModifiedMs"].as_u64().unwrap_or(submitted_ms);
        // Deleted here or elsewhere stays deleted; an older copy never replaces a newer one.
        if project_id.is_empty()
            || st.deleted_projects.contains(&project_id)
            || st.projects.get(&project_id).is_some_and(|known| known.modified_ms > modified_ms)
        {
            continue;
        }
        if !p["Materials"].is_null() {
            st.materials.insert(project_id.clone(), strings(&p["Materials"]));
        }
        st.projects.insert(
            project_id.clone(),
            StoredProject {
                project_id,
                title: s(p, "Title"),
                description: s(p, "Description"),
                timeline: s(p, "Timeline"),
                media_ids: strings(&p["MediaIds"]),
                polls: 0,
                status: known(&s(p, "Status")),
                submitted_ms,
                created_ms,
                modified_ms,
                cover_url: s(p, "CoverURL"),
            },
        );
    }
    for u in v["Uploads"].as_array().into_iter().flatten() {
        let media_id = s(u, "MediaId");
        st.oss.uploads.insert(
            media_id.clone(),
            Upload {
                media_id,
                key: s(u, "Key"),
                kind: known(&s(u, "Kind")),
                title: s(u, "Title"),
                file_name: s(u, "FileName"),
            },
        );
    }
    for (id, path) in v["Arrived"].as_object().into_iter().flatten() {
        if let Some(path) = path.as_str() {
            st.oss.arrived.entry(id.clone()).or_insert_with(|| path.into());
        }
    }
    for p in v["Playable"].as_array().into_iter().flatten() {
        let (id, path) = (s(p, "Id"), std::path::PathBuf::from(s(p, "Path")));
        if let Some(secs) = p["Seconds"].as_f64()
            && path.is_file()
        {
            st.oss.probed.insert(id.clone(), secs);
            st.files.videos.insert(id, path);
        }
    }
    for f in v["Finishing"].as_array().into_iter().flatten() {
        if let (Some(id), Some(since)) = (f[0].as_str(), f[1].as_u64())
            && !st.oss.finishing.iter().any(|(known, _)| known == id)
        {
            st.oss.finishing.push((id.to_owned(), since));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn state_survives_a_restart() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.json");
        let mut st = State::default();
        st.media.push(Media {
            id: "up1".into(),
            kind: "video",
            title: "上传 upload".into(),
            duration: 0.0,
            status: "Transcoding",
        });
        st.projects.insert(
            "p1".into(),
            StoredProject {
                project_id: "p1".into(),
                title: "Film".into(),
                description: String::new(),
                timeline: "{}".into(),
                media_ids: vec!["m1".into()],
                polls: 3,
                status: "Producing",
                submitted_ms: 42,
                created_ms: 40,
                modified_ms: 42,
                cover_url: "http://x/c.png".into(),
            },
        );
        st.materials.insert("p1".into(), vec!["up1".into()]);
        st.oss.finishing.push(("up1".into(), 7));
        st.counter = 9;
        save(&st, &path).unwrap();
        let mut back = State::default();
        load(&mut back, &path).unwrap();
        assert_eq!(back.media.len(), 1);
        assert_eq!((back.media[0].title.as_str(), back.media[0].status), ("上传 upload", "Transcoding"));
        let p = &back.projects["p1"];
        assert_eq!((p.media_ids.clone(), p.status, p.submitted_ms), (vec!["m1".to_string()], "Producing", 42));
        assert_eq!((p.created_ms, p.modified_ms, p.cover_url.as_str()), (40, 42, "http://x/c.png"));
        assert_eq!(back.materials["p1"], vec!["up1".to_string()]);
        assert_eq!(back.oss.finishing, vec![("up1".to_string(), 7)]);
        assert_eq!(back.counter, 9);
    }

    #[test]
    fn another_process_s_additions_are_merged_not_lost() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.json");
        let (mut editor, mut cli) = (State::default(), State::default());
        editor.save_to = Some(path.clone());
        cli.save_to = Some(path.clone());
        let media =
            |id: &str| Media { id: id.into(), kind: "video", title: id.into(), duration: 1.0, status: "Normal" };
        editor.media.push(media("from-editor"));
        editor.changed();
        cli.sync();
        cli.media.push(media("from-cli"));
        cli.oss.finishing.push(("from-cli".into(), 5));
        cli.changed();
        editor.sync();
        editor.sync();
        let ids: Vec<&str> = editor.media.iter().map(|m| m.id.as_str()).collect();
        assert_eq!(ids, ["from-editor", "from-cli"]);
        assert_eq!(editor.oss.finishing.len(), 1, "merged once");
        editor.changed();
        let mut fresh = State::default();
        load(&mut fresh, &path).unwrap();
        assert_eq!(fresh.media.len(), 2, "the editor's save kept the CLI's upload");
    }

    #[test]
    fn a_project_deleted_in_one_process_is_not_brought_back_by_another() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.json");
        let project = |id: &str, modified_ms: u64| StoredProject {
            project_id: id.into(),
            title: id.into(),
            description: String::new(),
            timeline: String::new(),
            media_ids: vec![],
            polls: 0,
            status: "Normal",
            submitted_ms: 1,
            created_ms: 1,
            modified_ms,
            cover_url: String::new(),
        };
        let (mut editor, mut cli) = (State::default(), State::default());
        editor.save_to = Some(path.clone());
        cli.save_to = Some(path.clone());
        editor.projects.insert("gone".into(), project("gone", 1));
        editor.projects.insert("kept".into(), project("kept", 5));
        editor.changed();
        cli.sync();
        // The CLI deletes one; the editor, which still holds it, saves something of its own.
        cli.projects.remove("gone");
        cli.deleted_projects.insert("gone".into());
        cli.projects.insert("kept".into(), project("kept", 3));
        cli.changed();
        editor.sync();
        assert!(!editor.projects.contains_key("gone"), "the deletion is taken in");
        assert_eq!(editor.projects["kept"].modified_ms, 5, "an older copy does not replace a newer one");
        editor.changed();
        let mut fresh = State::default();
        load(&mut fresh, &path).unwrap();
        assert!(!fresh.projects.contains_key("gone"));
    }

    #[test]
    fn a_broken_file_is_kept_aside_not_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.json");
        std::fs::write(&path, b"{half a state").unwrap();
        let mut st = State::default();
        st.save_to = Some(path.clone());
        st.sync();
        st.changed();
        assert_eq!(std::fs::read(dir.path().join("state.json.unreadable")).unwrap(), b"{half a state");
        assert!(load(&mut State::default(), &path).is_ok(), "a fresh state was written");
    }

    #[test]
    fn a_broken_file_is_reported_not_fatal() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.json");
        std::fs::write(&path, b"{not json").unwrap();
        let mut st = State::default();
        let e = load(&mut st, &path).unwrap_err();
        assert!(e.contains("state.json") && e.contains("not readable JSON"), "{e}");
        assert!(load(&mut st, &dir.path().join("missing.json")).is_ok());
    }
}
