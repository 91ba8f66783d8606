//! The editing-project actions as VOD documents them (shared/vod/api.md 5.1): Add, Update,
//! Delete, Search and SetEditingProjectMaterials. Saving a project is not a production: none
//! of these makes a video or changes a project's production status.

use super::actions::{Refusal, STORAGE, creation_time, hex_id};
use super::*;

/// The statuses SearchEditingProject filters on.
const STATUSES: [&str; 4] = ["Normal", "Producing", "Produced", "ProduceFailed"];

pub(crate) fn not_found(id: &str) -> Refusal {
    (404, "InvalidProject.NotFound", format!("The project {id} does not exist."))
}

fn missing(name: &str) -> Refusal {
    (
        400,
        "MissingParameter",
        format!("The input parameter \"{name}\" that is mandatory for processing this request is not supplied."),
    )
}

fn invalid(message: String) -> Refusal {
    (400, "InvalidParameter", message)
}

/// A Timeline parameter must be a JSON object (an empty one is an empty timeline).
fn check_timeline(p: &BTreeMap<String, String>) -> Result<Option<String>, Refusal> {
    let Some(t) = p.get("Timeline") else { return Ok(None) };
    if t.trim().is_empty() {
        return Ok(Some(String::new()));
    }
    match serde_json::from_str::<Value>(t) {
        Ok(Value::Object(_)) => Ok(Some(t.clone())),
        _ => Err(invalid("The specified parameter \"Timeline\" is not valid.".into())),
    }
}

/// The default cover of a new project: the first clip's media's, as VOD picks it.
fn first_clip_cover(st: &State, timeline: &str) -> String {
    let v: Value = serde_json::from_str(timeline).unwrap_or(Value::Null);
    let first = v["VideoTracks"][0]["VideoTrackClips"][0]["MediaId"].as_str();
    first.map(|id| format!("{}cover/{id}.png", st.base_url)).unwrap_or_default()
}

/// The answer's Project as Add and Search give it (no Timeline).
fn summary(pr: &StoredProject) -> Value {
    json!({"ProjectId": pr.project_id, "Title": pr.title, "Description": pr.description, "Status": pr.status,
        "CoverURL": pr.cover_url, "CreationTime": creation_time(pr.created_ms), "ModifiedTime": creation_time(pr.modified_ms),
        "Duration": super::actions::timeline_seconds(&pr.timeline).unwrap_or(0.0), "RegionId": "cn-shanghai",
        "StorageLocation": STORAGE})
}

/// The project actions' answers, or `None` for another action.
pub(crate) fn handle(
    action: &str,
    p: &BTreeMap<String, String>,
    st: &mut State,
    rid: &str,
) -> Option<Result<Value, Refusal>> {
    Some(match action {
        "AddEditingProject" => add(p, st, rid),
        "UpdateEditingProject" => update(p, st, rid),
        "DeleteEditingProject" => delete(p, st, rid),
        "SearchEditingProject" => search(p, st, rid),
        "SetEditingProjectMaterials" => set_materials(p, st, rid),
        _ => return None,
    })
}

fn add(p: &BTreeMap<String, String>, st: &mut State, rid: &str) -> Result<Value, Refusal> {
    let title = p.get("Title").filter(|t| !t.trim().is_empty()).ok_or_else(|| missing("Title"))?.clone();
    let timeline = check_timeline(p)?.unwrap_or_default();
    let id = hex_id(st, "project");
    let now = crate::sandbox::now_ms();
    let cover_url = p.get("CoverURL").cloned().unwrap_or_else(|| first_clip_cover(st, &timeline));
    let project = StoredProject {
        project_id: id.clone(),
        title,
        description: p.get("Description").cloned().unwrap_or_default(),
        timeline,
        media_ids: Vec::new(),
        polls: 0,
        status: "Normal",
        submitted_ms: now,
        created_ms: now,
        modified_ms: now,
        cover_url,
    };
    let answer = summary(&project);
    st.projects.insert(id, project);
    Ok(json!({"RequestId": rid, "Project": {"ProjectId": answer["ProjectId"], "Title": answer["Title"],
        "Description": answer["Description"], "CreationTime": answer["CreationTime"],
        "ModifiedTime": answer["ModifiedTime"], "Status": answer["Status"]}}))
}

fn update(p: &BTreeMap<String, String>, st: &mut State, rid: &str) -> Result<Value, Refusal> {
    let id = p.get("ProjectId").ok_or_else(|| missing("ProjectId"))?;
    let timeline = check_timeline(p)?;
    if p.get("Title").is_some_and(|t| t.trim().is_empty()) {
        return Err(invalid("The specified parameter \"Title\" is not valid.".into()));
    }
    let pr = st.projects.get_mut(id).ok_or_else(|| not_found(id))?;
    for (key, field) in
        [("Title", &mut pr.title), ("Description", &mut pr.description), ("CoverURL", &mut pr.cover_url)]
    {
        if let Some(v) = p.get(key) {
            field.clone_from(v);
        }
    }
    if let Some(t) = timeline {
        pr.timeline = t;
    }
    // The API's times are whole seconds: an update within the second of the last change must
    // still read as a change to whoever compares ModifiedTime.
    pr.modified_ms = crate::sandbox::now_ms().max(pr.modified_ms + 1000);
    Ok(json!({"RequestId": rid}))
}

fn delete(p: &BTreeMap<String, String>, st: &mut State, rid: &str) -> Result<Value, Refusal> {
    let ids: Vec<&str> = p
        .get("ProjectIds")
        .ok_or_else(|| missing("ProjectIds"))?
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    if ids.is_empty() {
        return Err(missing("ProjectIds"));
    }
    // All or nothing: one unknown ID deletes none.
    if let Some(unknown) = ids.iter().find(|id| !st.projects.contains_key(**id)) {
        return Err(not_found(unknown));
    }
    for id in ids {
        st.projects.remove(id);
        st.materials.remove(id);
        st.deleted_projects.insert(id.to_owned());
    }
    Ok(json!({"RequestId": rid}))
}

fn set_materials(p: &BTreeMap<String, String>, st: &mut State, rid: &str) -> Result<Value, Refusal> {
    let id = p.get("ProjectId").ok_or_else(|| missing("ProjectId"))?;
    if !st.projects.contains_key(id) {
        return Err(not_found(id));
    }
    let ids: Vec<String> = p
        .get("MaterialIds")
        .map(|m| m.split(',').map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned).collect())
        .unwrap_or_default();
    if ids.len() > crate::api::calls::MAX_MATERIALS {
        return Err(invalid(format!("MaterialIds holds {} IDs; at most 200 are allowed.", ids.len())));
    }
    let known =
        |m: &String| st.media.iter().any(|x| &x.id == m) || st.projects.values().any(|pr| pr.media_ids.contains(m));
    if let Some(unknown) = ids.iter().find(|m| !known(m)) {
        return Err((404, "InvalidMaterial.NotFound", format!("The material {unknown} does not exist.")));
    }
    st.materials.insert(id.clone(), ids);
    Ok(json!({"RequestId": rid}))
}

fn search(p: &BTreeMap<String, String>, st: &State, rid: &str) -> Result<Value, Refusal> {
    // Title (words of it), Status (a comma list), StartTime and EndTime (made at or after, at
    // or before), SortBy and paging, as VOD.
    let time_of = |key: &'static str| {
        p.get(key).map(|t| {
            time::OffsetDateTime::parse(t, &time::format_description::well_known::Rfc3339)
                .map(|t| (t.unix_timestamp() * 1000) as u64)
                .map_err(|_| invalid(format!("{key} {t} is malformed.")))
        })
    };
    let since = time_of("StartTime").transpose()?.unwrap_or(0);
    // The API's times are whole seconds: "at or before" takes in that whole second.
    let until = time_of("EndTime").transpose()?.map_or(u64::MAX, |t| t + 999);
    let statuses: Option<Vec<&str>> =
        p.get("Status").map(|s| s.split(',').map(str::trim).filter(|s| !s.is_empty()).collect());
    if let Some(bad) = statuses.iter().flatten().find(|s| !STATUSES.contains(s)) {
        return Err(invalid(format!("The specified parameter \"Status\" value {bad} is not valid.")));
    }
    let sort = p.get("SortBy").map(String::as_str).unwrap_or("CreationTime:Desc");
    if !["CreationTime:Desc", "CreationTime:Asc"].contains(&sort) {
        return Err(invalid(format!("The specified parameter \"SortBy\" value {sort} is not valid.")));
    }
    let number = |key: &str, default: usize| match p.get(key) {
        None => Ok(default),
        Some(v) => {
            v.parse::<usize>().ok().filter(|n| *n >= 1).ok_or_else(|| invalid(format!("{key} {v} is not valid.")))
        }
    };
    let page_size = number("PageSize", 10)?;
    if page_size > 100 {
        return Err(invalid(format!("PageSize {page_size} is not valid: at most 100.")));
    }
    let page_no = number("PageNo", 1)?;
    let mut found: Vec<&StoredProject> = st
        .projects
        .values()
        .filter(|pr| p.get("Title").is_none_or(|t| pr.title.contains(t.as_str())))
        .filter(|pr| statuses.as_ref().is_none_or(|s| s.contains(&pr.status)))
        .filter(|pr| pr.created_ms >= since && pr.created_ms <= until)
        .collect();
    // Ties (made in the same millisecond) in ID order, so pages never overlap.
    found.sort_by(|a, b| a.created_ms.cmp(&b.created_ms).then_with(|| a.project_id.cmp(&b.project_id)));
    if sort == "CreationTime:Desc" {
        found.reverse();
    }
    let list: Vec<Value> =
        found.iter().skip((page_no - 1).saturating_mul(page_size)).take(page_size).map(|pr| summary(pr)).collect();
    Ok(json!({"RequestId": rid, "Total": found.len(), "ProjectList": {"Project": list}}))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn call(st: &mut State, action: &str, params: &[(&str, &str)]) -> Result<Value, Refusal> {
        let p: BTreeMap<String, String> = params.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        handle(action, &p, st, "R").unwrap()
    }

    fn state() -> State {
        let mut st = State { base_url: "http://127.0.0.1:1/".into(), ..Default::default() };
        st.media.push(Media { id: "m1".into(), kind: "video", title: "m".into(), duration: 5.0, status: "Normal" });
        st
    }

    const TL: &str = r#"{"VideoTracks":[{"VideoTrackClips":[{"MediaId":"m1","In":0,"Out":4}]}]}"#;

    #[test]
    fn add_update_search_and_delete_as_the_service_does() {
        let mut st = state();
        let added = call(&mut st, "AddEditingProject", &[("Title", "Trip"), ("Timeline", TL)]).unwrap();
        let id = added["Project"]["ProjectId"].as_str().unwrap().to_owned();
        assert_eq!(added["Project"]["Status"], "Normal");
        assert_eq!(st.projects[&id].cover_url, "http://127.0.0.1:1/cover/m1.png", "the first clip's cover");
        let before = st.projects[&id].modified_ms;
        call(&mut st, "UpdateEditingProject", &[("ProjectId", &id), ("Title", "Trip 2"), ("Timeline", "{}")]).unwrap();
        let pr = &st.projects[&id];
        assert_eq!((pr.title.as_str(), pr.timeline.as_str(), pr.status), ("Trip 2", "{}", "Normal"));
        assert!(pr.modified_ms >= before + 1000 && pr.created_ms <= before, "ModifiedTime moves, CreationTime stays");
        call(&mut st, "AddEditingProject", &[("Title", "Other")]).unwrap();
        // Made a second later (this test runs within one millisecond).
        st.projects.values_mut().find(|p| p.title == "Other").unwrap().created_ms += 1000;

        let found = call(&mut st, "SearchEditingProject", &[("Title", "Trip")]).unwrap();
        assert_eq!(
            (found["Total"].as_u64(), found["ProjectList"]["Project"][0]["Title"].as_str()),
            (Some(1), Some("Trip 2"))
        );
        assert!(found["ProjectList"]["Project"][0].get("Timeline").is_none(), "no Timeline in results");
        let none = call(&mut st, "SearchEditingProject", &[("Status", "Produced,ProduceFailed")]).unwrap();
        assert_eq!(none["Total"], 0);
        let page = call(
            &mut st,
            "SearchEditingProject",
            &[("PageSize", "1"), ("PageNo", "2"), ("SortBy", "CreationTime:Asc")],
        );
        assert_eq!(page.unwrap()["ProjectList"]["Project"][0]["Title"], "Other");
        for bad in [("PageSize", "101"), ("Status", "Draft"), ("SortBy", "Title"), ("PageNo", "0")] {
            assert_eq!(call(&mut st, "SearchEditingProject", &[bad]).unwrap_err().1, "InvalidParameter", "{bad:?}");
        }

        let e = call(&mut st, "DeleteEditingProject", &[("ProjectIds", &format!("{id},nope"))]).unwrap_err();
        assert_eq!((e.0, e.1), (404, "InvalidProject.NotFound"));
        assert_eq!(st.projects.len(), 2, "one unknown ID deletes none");
        let other = st.projects.keys().find(|k| **k != id).unwrap().clone();
        call(&mut st, "DeleteEditingProject", &[("ProjectIds", &format!("{id},{other}"))]).unwrap();
        assert!(st.projects.is_empty() && st.deleted_projects.contains(&id));
        let e = call(&mut st, "UpdateEditingProject", &[("ProjectId", &id), ("Title", "x")]).unwrap_err();
        assert_eq!(e.1, "InvalidProject.NotFound");
    }

    #[test]
    fn bad_requests_are_refused_with_the_documented_errors() {
        let mut st = state();
        assert_eq!(call(&mut st, "AddEditingProject", &[]).unwrap_err().1, "MissingParameter");
        let e = call(&mut st, "AddEditingProject", &[("Title", "t"), ("Timeline", "[1,")]).unwrap_err();
        assert_eq!(e.1, "InvalidParameter");
        assert!(st.projects.is_empty());
    }

    #[test]
    fn materials_are_stored_checked_and_bounded() {
        let mut st = state();
        let id = call(&mut st, "AddEditingProject", &[("Title", "t")]).unwrap()["Project"]["ProjectId"]
            .as_str()
            .unwrap()
            .to_owned();
        call(&mut st, "SetEditingProjectMaterials", &[("ProjectId", &id), ("MaterialIds", "m1")]).unwrap();
        assert_eq!(st.materials[&id], vec!["m1".to_string()]);
        let e =
            call(&mut st, "SetEditingProjectMaterials", &[("ProjectId", &id), ("MaterialIds", "m1,zz")]).unwrap_err();
        assert_eq!(e.1, "InvalidMaterial.NotFound");
        let many = vec!["m1"; 201].join(",");
        let e = call(&mut st, "SetEditingProjectMaterials", &[("ProjectId", &id), ("MaterialIds", &many)]).unwrap_err();
        assert_eq!(e.1, "InvalidParameter");
        let e =
            call(&mut st, "SetEditingProjectMaterials", &[("ProjectId", "nope"), ("MaterialIds", "m1")]).unwrap_err();
        assert_eq!(e.1, "InvalidProject.NotFound");
        assert_eq!(st.materials[&id], vec!["m1".to_string()], "a refused call changes nothing");
    }
}
