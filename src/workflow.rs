//! The production workflow shared by the editor and the command line: record the job as
//! pending, send once, record the answer.

use crate::api::calls::ProduceResult;
use crate::api::{ApiError, Client};
use crate::model::Project;
use crate::model::export::request_fields;
use crate::store::jobs::{Job, JobState, JobStore, now_secs};
use std::path::Path;

/// How a production attempt ended, with its job record (already saved).
pub struct Produced {
    pub job: Job,
    pub result: Result<ProduceResult, ApiError>,
}

/// Records the job, submits the project once (the client's own rules decide the rare safe
/// repeat), and records the outcome. The record is on disk before the request leaves, so a
/// crash mid-flight leaves a pending job that says "check before producing again".
pub async fn produce(
    client: &Client,
    jobs: &JobStore,
    project: &Project,
    project_file: Option<&Path>,
    region: &str,
) -> Result<Produced, std::io::Error> {
    let fields = request_fields(project);
    let mut job = jobs.begin(
        &crate::i18n::describe::project_title(project),
        project_file,
        region,
        client.endpoint().as_str(),
        project.clip_count(),
    )?;
    let result = client.produce(&fields).await;
    job.updated = now_secs();
    match &result {
        Ok(r) => {
            job.state = JobState::Submitted;
            job.request_id = Some(r.request_id.clone()).filter(|s| !s.is_empty());
            job.media_id = Some(r.media_id.clone()).filter(|s| !s.is_empty());
            job.project_id = Some(r.project_id.clone()).filter(|s| !s.is_empty());
        }
        Err(e) => {
            job.state = match e {
                ApiError::OutcomeUnknown { .. } => JobState::OutcomeUnknown,
                _ => JobState::Failed,
            };
            job.request_id = e.service().and_then(|s| s.request_id.clone());
            job.error = Some(e.to_string());
        }
    }
    // The answer matters more than its record: if this write fails the caller still gets the
    // IDs to show; the pending record then says to check.
    if let Err(e) = jobs.save(&job) {
        log::warn!("could not update job {}: {e}", job.id);
    }
    Ok(Produced { job, result })
}

/// Asks the service how a job is doing and records the answer.
pub async fn refresh(client: &Client, jobs: &JobStore, job: &mut Job) -> Result<(), ApiError> {
    look_up(client, job).await?;
    if let Err(e) = jobs.save(job) {
        log::warn!("could not update job {}: {e}", job.id);
    }
    Ok(())
}

/// Asks the service how a job is doing, recording nothing (a job not in the history stays
/// out of it).
pub async fn look_up(client: &Client, job: &mut Job) -> Result<(), ApiError> {
    if let Some(pid) = job.project_id.clone() {
        let p = client.get_editing_project(&pid).await?;
        job.production_status = Some(p.status).filter(|s| !s.is_empty());
        if job.duration.is_none() {
            job.duration = p.duration;
        }
    }
    if let Some(mid) = job.media_id.clone() {
        match client.get_video_info(&mid).await {
            Ok(v) => {
                job.video_status = Some(v.status).filter(|s| !s.is_empty());
                job.duration = v.duration.or(job.duration);
                job.cover_url = Some(v.cover_url).filter(|s| !s.is_empty()).or(job.cover_url.take());
            }
            // The output is registered only once production finishes.
            Err(ApiError::Service(e)) if e.code.contains("NotFound") => job.video_status = None,
            Err(e) => return Err(e),
        }
    }
    job.updated = now_secs();
    Ok(())
}
