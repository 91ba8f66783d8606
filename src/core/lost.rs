//! Before producing a project again: an earlier send of it whose answer was lost (its job left
//! Pending or OutcomeUnknown) may have made a production, billed. Sending again would bill a
//! second one, so both faces look for it first, the way a batch looks for a lost row
//! (`batch::find_production`: the editing projects made around the send with its title and
//! its Timeline). Found: the job is completed with the production's ID and nothing is sent.
//! Not found, or not knowable: the send waits for the user's word (`--resend-unknown`), since
//! a production may still appear.

use super::batch::{MAX_LOOKED_AT, Search, find_production};
use crate::api::Client;
use crate::i18n::describe::project_title;
use crate::model::Project;
use crate::store::jobs::{Job, JobState, JobStore, now_secs};
use std::path::Path;

/// How long a lost send is looked for: older ones are the user's to settle (`vodcut jobs`).
const LOOK_BACK_SECS: u64 = 24 * 3600;

/// What became of the earlier sends of a project.
#[derive(Debug)]
pub enum Earlier {
    /// None is in doubt.
    Clear,
    /// An earlier send made this production: its job now says so (Submitted, its ProjectId).
    Found(Box<Job>),
    /// An earlier send may have made a production that could not be found; `why` says what
    /// was seen.
    InDoubt { job: Box<Job>, why: String },
}

/// The jobs of `project` (its file's, or for a project without one, its title's) in `region`
/// whose answer was lost in the last day, newest first, among `all` (the history).
fn lost_jobs(all: &[Job], project: &Project, file: Option<&Path>, region: &str) -> Vec<Job> {
    let title = project_title(project);
    let since = now_secs().saturating_sub(LOOK_BACK_SECS);
    all.iter()
        .filter(|j| matches!(j.state, JobState::Pending | JobState::OutcomeUnknown))
        .filter(|j| j.created >= since && j.region == region)
        .filter(|j| match file {
            Some(f) => j.is_from(f),
            None => j.project_file.is_none() && j.title == title,
        })
        .cloned()
        .collect()
}

/// Looks for the production of each lost send of `project` and records what is found.
pub async fn earlier(
    client: &Client,
    jobs: &JobStore,
    project: &Project,
    file: Option<&Path>,
    region: &str,
) -> Earlier {
    // The history, read once (a file per job).
    let all = jobs.list().0;
    let lost = lost_jobs(&all, project, file, region);
    let Some(newest) = lost.first() else { return Earlier::Clear };
    if let Some(pid) = project.project_id.as_deref() {
        // A production of an existing cloud project makes no new one to find: only the
        // project's own status can tell, and only "Producing" says a send took.
        return match client.get_editing_project(pid).await {
            Ok(p) if p.status == "Producing" => complete(jobs, newest.clone(), pid),
            Ok(p) => in_doubt(newest, crate::t!("lost-existing-project", id = pid, status = p.status.as_str())),
            Err(e) => in_doubt(newest, crate::t!("lost-check-failed", error = e.to_string())),
        };
    }
    let claimed: Vec<String> = all.iter().filter_map(|j| j.project_id.clone()).collect();
    match find_production(client, project, newest.created, &claimed).await {
        Ok(Search::Done(ids)) if ids.len() == 1 => complete(jobs, newest.clone(), &ids[0]),
        Ok(Search::Done(ids)) if ids.is_empty() => in_doubt(newest, crate::t!("lost-not-found")),
        Ok(Search::Done(ids)) => in_doubt(newest, crate::t!("lost-ambiguous", projects = ids.join(", "))),
        Ok(Search::TooMany) => in_doubt(newest, crate::t!("lost-too-many", count = MAX_LOOKED_AT)),
        Err(e) => in_doubt(newest, crate::t!("lost-check-failed", error = e.to_string())),
    }
}

fn complete(jobs: &JobStore, mut job: Job, project_id: &str) -> Earlier {
    job.state = JobState::Submitted;
    job.project_id = Some(project_id.to_owned());
    job.error = None;
    job.updated = now_secs();
    if let Err(e) = jobs.save(&job) {
        log::warn!("could not update job {}: {e}", job.id);
    }
    Earlier::Found(Box::new(job))
}

fn in_doubt(job: &Job, why: String) -> Earlier {
    Earlier::InDoubt { job: Box::new(job.clone()), why }
}
