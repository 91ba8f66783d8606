//! CLOUD PROJECTS: the editor's project kept as a VOD editing project, for both faces (the
//! editor's File > Save to cloud and project browser, the command line's `vodcut projects`).
//!
//! [`push`] saves: AddEditingProject the first time (the caller keeps the new ProjectId in
//! the project), UpdateEditingProject after, then SetEditingProjectMaterials with every media
//! the Timeline uses. Saving is not producing: nothing here calls Produce, and nothing here
//! is billed. [`pull`] makes a project of a cloud project's Timeline; [`list`] and [`delete`]
//! browse and remove them.

use crate::api::calls::{EditingProject, MAX_MATERIALS, ProjectFields, ProjectQuery};
use crate::api::{ApiError, Client};
use crate::model::Project;
use crate::t;

/// The statuses a cloud project can have (SearchEditingProject's Status filter).
pub const STATUSES: [&str; 4] = ["Normal", "Producing", "Produced", "ProduceFailed"];

/// Projects per page of the browser and `vodcut projects list` (the service's most is 100).
pub const PAGE_SIZE: u32 = 20;

/// What a save did.
#[derive(Clone, Debug, PartialEq)]
pub struct Pushed {
    pub project_id: String,
    /// Added now (the project had no ProjectId): the caller keeps `project_id` in it.
    pub created: bool,
    pub title: String,
    /// The materials set, or why they could not be (the project itself is saved either way).
    pub materials: Result<usize, String>,
}

/// Why a save did not happen (nothing, or nothing known, was saved).
#[derive(Debug)]
pub enum PushError {
    /// Refused before anything was sent (too many materials, no title).
    Refused(String),
    /// The service said no, or could not be reached.
    Api(ApiError),
    /// The project's ProjectId names a cloud project that no longer exists.
    Gone { project_id: String },
    /// AddEditingProject may have made a project whose ID we never heard.
    Unknown { title: String, detail: String },
}

impl std::fmt::Display for PushError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&match self {
            PushError::Refused(s) => s.clone(),
            PushError::Api(e) => e.to_string(),
            PushError::Gone { project_id } => t!("cloudproj-gone", id = project_id.as_str()),
            PushError::Unknown { title, detail } => {
                t!("cloudproj-add-unknown", title = title.as_str(), detail = detail.as_str())
            }
        })
    }
}

/// Why a list, pull or delete failed: what to say, and the service's error when there was one
/// (the command line's exit code follows it).
#[derive(Debug)]
pub struct Failure {
    pub message: String,
    pub api: Option<ApiError>,
}

impl Failure {
    fn local(message: String) -> Self {
        Failure { message, api: None }
    }

    fn api(e: ApiError, project_id: Option<&str>) -> Self {
        let message = match project_id {
            Some(id) if is_not_found(&e) => t!("cloudproj-not-found", id = id),
            _ => e.to_string(),
        };
        Failure { message, api: Some(e) }
    }
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

/// Every media (and image) the exported Timeline uses, once each, in timeline order: the
/// project's materials.
pub fn material_ids(project: &Project) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    let mut out = Vec::new();
    for track in project.tracks.iter().filter(|t| !t.hidden) {
        for id in track.clips.iter().filter_map(|c| c.material_id()).map(str::trim) {
            if !id.is_empty() && seen.insert(id) {
                out.push(id.to_owned());
            }
        }
    }
    out
}

/// The title a save sends: the project's, else `fallback` (a file's name), else "Untitled".
pub fn title_for(project: &Project, fallback: &str) -> String {
    [project.title.trim(), fallback.trim()]
        .into_iter()
        .find(|s| !s.is_empty())
        .map_or_else(|| t!("cloudproj-untitled"), str::to_owned)
}

/// Saves `project` as a cloud editing project: Add when it has no ProjectId, Update when it
/// has one; then its materials. `fallback_title` names it when it has no title of its own.
///
/// THE ONE SAVE: both faces call this (the sync check, when there is one, goes in front of it).
pub async fn push(client: &Client, project: &Project, fallback_title: &str) -> Result<Pushed, PushError> {
    let materials = material_ids(project);
    if materials.len() > MAX_MATERIALS {
        return Err(PushError::Refused(t!("cloudproj-too-many-materials", n = materials.len(), max = MAX_MATERIALS)));
    }
    let fields = ProjectFields {
        title: title_for(project, fallback_title),
        description: project.description.clone(),
        timeline: crate::model::export::timeline_json(project),
        cover_url: project.cover_url.clone(),
    };
    let existing = project.project_id.as_deref().map(str::trim).filter(|id| !id.is_empty());
    let (project_id, created) = match existing {
        Some(id) => match client.update_editing_project(id, &fields).await {
            Ok(_) => (id.to_owned(), false),
            Err(e) if is_not_found(&e) => return Err(PushError::Gone { project_id: id.to_owned() }),
            Err(e) => return Err(PushError::Api(e)),
        },
        None => match client.add_editing_project(&fields).await {
            Ok(p) => (p.project_id, true),
            Err(ApiError::OutcomeUnknown { detail, .. }) => {
                return Err(PushError::Unknown { title: fields.title, detail });
            }
            Err(e) => return Err(PushError::Api(e)),
        },
    };
    let materials = client
        .set_editing_project_materials(&project_id, &materials)
        .await
        .map(|_| materials.len())
        .map_err(|e| t!("cloudproj-materials-failed", id = project_id.as_str(), error = e.to_string()));
    Ok(Pushed { project_id, created, title: fields.title, materials })
}

/// Whether VOD says the cloud project does not exist (deleted in the console, say).
pub fn is_not_found(e: &ApiError) -> bool {
    e.service().is_some_and(|s| s.code == "InvalidProject.NotFound")
}

/// A cloud project as a project: its Timeline (an empty one is an empty project), title,
/// description, cover and ProjectId; `region` is where it was read.
pub fn project_of(p: EditingProject, region: &str) -> Result<Project, String> {
    let timeline = p.timeline.unwrap_or_default();
    let mut project = match crate::model::export::import_timeline_str(&timeline) {
        Ok(project) => project,
        // A project saved empty (AddEditingProject without a Timeline, or with no tracks).
        Err(_) if is_empty_timeline(&timeline) => crate::model::export::project_from_timeline(Default::default()),
        Err(e) => {
            let error = crate::i18n::describe::import_error(&e);
            return Err(t!("cloudproj-bad-timeline", id = p.project_id.as_str(), error = error));
        }
    };
    project.project_id = Some(p.project_id);
    project.title = p.title;
    project.description = p.description;
    project.cover_url = p.cover_url;
    project.region = region.to_owned();
    Ok(project)
}

/// Nothing, or a JSON object with no tracks in it.
fn is_empty_timeline(text: &str) -> bool {
    text.trim().is_empty() || serde_json::from_str::<serde_json::Map<String, serde_json::Value>>(text).is_ok()
}

/// GetEditingProject as a project (see [`project_of`]).
pub async fn pull(client: &Client, project_id: &str, region: &str) -> Result<Project, Failure> {
    let p = client.get_editing_project(project_id).await.map_err(|e| Failure::api(e, Some(project_id)))?;
    project_of(p, region).map_err(Failure::local)
}

/// The cloud project `project_id` as listed (no Timeline), to name it before deleting it.
pub async fn look_up(client: &Client, project_id: &str) -> Result<EditingProject, Failure> {
    let mut p = client.get_editing_project(project_id).await.map_err(|e| Failure::api(e, Some(project_id)))?;
    p.timeline = None;
    Ok(p)
}

/// What the browser and `vodcut projects list` ask for.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Search {
    pub title: String,
    /// One of [`STATUSES`], or empty for all.
    pub status: String,
    /// From 1.
    pub page: u32,
    pub page_size: u32,
}

impl Search {
    /// The query sent, or what is wrong with the search (said before anything is sent).
    pub fn query(&self) -> Result<ProjectQuery, String> {
        let status = self.status.trim();
        if !status.is_empty() && !status.split(',').all(|s| STATUSES.contains(&s.trim())) {
            return Err(t!("cloudproj-bad-status", status = status, known = STATUSES.join(", ")));
        }
        let title = self.title.trim();
        Ok(ProjectQuery {
            title: (!title.is_empty()).then(|| title.to_owned()),
            status: (!status.is_empty()).then(|| status.to_owned()),
            page_no: Some(self.page.max(1)),
            page_size: Some(if self.page_size == 0 { PAGE_SIZE } else { self.page_size.min(100) }),
            ..Default::default()
        })
    }
}

/// One page of the account's cloud projects: the total that match and the page.
pub async fn list(client: &Client, search: &Search) -> Result<(u64, Vec<EditingProject>), Failure> {
    let query = search.query().map_err(Failure::local)?;
    client.search_editing_project(&query).await.map_err(|e| Failure::api(e, None))
}

/// Deletes cloud projects (all or none, as the service does).
pub async fn delete(client: &Client, project_ids: &[String]) -> Result<(), Failure> {
    let one = match project_ids {
        [one] => Some(one.as_str()),
        _ => None,
    };
    client.delete_editing_project(project_ids).await.map(drop).map_err(|e| Failure::api(e, one))
}

/// A cloud project's Status in words ("not produced", "producing"...).
pub fn status_words(status: &str) -> String {
    match status {
        "Normal" => t!("cloudproj-status-normal"),
        other => crate::api::calls::production_status_words(other),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn materials_are_every_media_and_image_of_visible_tracks_once() {
        let tl = r#"{"VideoTracks":[{"VideoTrackClips":[{"MediaId":"a","In":0,"Out":2},{"MediaId":"b","In":0,"Out":2},{"MediaId":"a","In":3,"Out":4}]}],
            "AudioTracks":[{"AudioTrackClips":[{"MediaId":"m","In":0,"Out":2}]}],
            "ImageTracks":[{"ImageTrackClips":[{"ImageId":"i","TimelineIn":0,"TimelineOut":2}]}]}"#;
        let mut p = crate::model::export::import_timeline_str(tl).unwrap();
        assert_eq!(material_ids(&p), ["a", "b", "m", "i"]);
        p.tracks[1].hidden = true;
        assert!(!material_ids(&p).contains(&"m".to_string()), "a hidden track is not sent, nor its media");
    }

    #[test]
    fn a_search_is_checked_before_it_is_sent() {
        let s = Search { title: " trip ".into(), status: "Produced".into(), page: 0, page_size: 500 };
        let q = s.query().unwrap();
        assert_eq!((q.title.as_deref(), q.page_no, q.page_size), (Some("trip"), Some(1), Some(100)));
        let e = Search { status: "Draft".into(), ..Default::default() }.query().unwrap_err();
        assert!(e.contains("Draft") && e.contains("ProduceFailed"), "{e}");
    }

    #[test]
    fn an_empty_cloud_timeline_is_an_empty_project() {
        let p = EditingProject { project_id: "p1".into(), title: "T".into(), ..Default::default() };
        let project = project_of(p, "cn-beijing").unwrap();
        assert_eq!((project.project_id.as_deref(), project.title.as_str()), (Some("p1"), "T"));
        assert!(project.tracks.iter().all(|t| t.clips.is_empty()));
        let empty = EditingProject { timeline: Some("{}".into()), ..Default::default() };
        assert!(project_of(empty, "cn-beijing").is_ok(), "as an empty project is saved");
        let bad = EditingProject { project_id: "p2".into(), timeline: Some("[".into()), ..Default::default() };
        assert!(project_of(bad, "cn-beijing").unwrap_err().contains("p2"));
    }
}
