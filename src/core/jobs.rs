//! The job history and following the productions still going: the editor's Jobs tab polls
//! them, `vodcut status` and `vodcut jobs` read and refresh them. Each job is asked about
//! where it was sent.

use super::connect::Connection;
use super::produce::{look_up, refresh};
use crate::api::{ApiError, Client};
use crate::store::jobs::{Job, JobState, JobStore};

/// How often the editor looks at jobs still producing, in seconds.
pub const POLL_EVERY: f64 = 15.0;

/// The connection that asks about `job`: where it was sent (its region; its endpoint unless
/// the environment overrides endpoints), unless the user names a region or an endpoint for
/// this call (`--region`, `--endpoint`).
pub fn connection_for(base: &Connection, job: &Job, region: Option<&str>, endpoint: Option<&str>) -> Connection {
    let endpoint = match endpoint {
        Some(e) => e.to_owned(),
        None if base.env.endpoint.is_none() => job.endpoint.clone(),
        None => String::new(),
    };
    let region = region.unwrap_or(&job.region);
    Connection { region: region.to_owned(), endpoint, ..base.clone() }
}

/// Asks about every job of `active` where it was sent and records the answers: each job as it
/// is now, with why it could not be asked.
pub async fn refresh_all(base: &Connection, store: &JobStore, active: Vec<Job>) -> Vec<(Job, Option<String>)> {
    let mut out = Vec::new();
    for mut job in active {
        let conn = connection_for(base, &job, None, None);
        let result = match conn.client() {
            Ok(client) => refresh(&client, store, &mut job).await.map_err(|e| e.to_string()),
            Err(e) => Err(e.to_string()),
        };
        out.push((job, result.err()));
    }
    out
}

/// When the editor polls next: jobs still going are looked at every [`POLL_EVERY`] seconds.
#[derive(Clone, Copy, Debug, Default)]
pub struct Polling {
    pub last: Option<f64>,
}

impl Polling {
    /// Whether a poll is due at `now` for `jobs` (none when nothing is going).
    pub fn due(&self, now: f64, jobs: &[Job]) -> bool {
        self.last.is_none_or(|t| now - t >= POLL_EVERY) && jobs.iter().any(Job::is_active)
    }

    /// Seconds until the next poll, when one will be due.
    pub fn next_in(&self, now: f64, jobs: &[Job]) -> Option<f64> {
        jobs.iter().any(Job::is_active).then(|| self.last.map_or(0.0, |t| (t + POLL_EVERY - now).max(0.0)))
    }
}

/// A production that is not in the history, by its ID: a ProjectId, or a MediaId. Asked about
/// and shown, never recorded.
pub async fn probe(client: &Client, id: &str) -> Result<Job, ApiError> {
    let mut job = Job::new(id.to_owned(), JobState::Submitted, "", "", client.endpoint().as_str());
    match client.get_editing_project(id).await {
        Ok(p) => {
            job.project_id = Some(id.to_owned());
            job.title = p.title;
        }
        Err(ApiError::Service(e)) if e.code.contains("NotFound") || e.code.starts_with("InvalidParameter") => {
            job.media_id = Some(id.to_owned());
        }
        Err(e) => return Err(e),
    }
    look_up(client, &mut job).await?;
    Ok(job)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::env::Env;
    use std::sync::Arc;

    #[test]
    fn a_job_is_asked_about_where_it_was_sent_unless_told_otherwise() {
        let dir = tempfile::tempdir().unwrap();
        let base = Connection::new(Arc::new(Env::isolated(dir.path())), "cn-shanghai");
        let job = Job::new("j".into(), JobState::Submitted, "t", "cn-beijing", "https://vod.example.com/");
        let c = connection_for(&base, &job, None, None);
        assert_eq!((c.region.as_str(), c.endpoint.as_str()), ("cn-beijing", "https://vod.example.com/"));
        let c = connection_for(&base, &job, Some("ap-southeast-1"), Some("https://other.example.com/"));
        assert_eq!((c.region.as_str(), c.endpoint.as_str()), ("ap-southeast-1", "https://other.example.com/"));
        let mut env = Env::isolated(dir.path());
        env.endpoint = Some("http://127.0.0.1:1/".into());
        let c = connection_for(&Connection::new(Arc::new(env), "cn-shanghai"), &job, None, None);
        assert_eq!(c.endpoint().unwrap().as_str(), "http://127.0.0.1:1/", "the environment's override wins");
    }

    #[test]
    fn polls_come_every_interval_while_a_job_is_going() {
        let mut going = Job::new("j".into(), JobState::Submitted, "t", "r", "e");
        going.production_status = Some("Producing".into());
        let mut p = Polling::default();
        assert!(p.due(0.0, std::slice::from_ref(&going)));
        p.last = Some(10.0);
        assert!(!p.due(20.0, std::slice::from_ref(&going)));
        assert_eq!(p.next_in(20.0, std::slice::from_ref(&going)), Some(5.0));
        assert!(p.due(25.0, std::slice::from_ref(&going)));
        going.production_status = Some("Produced".into());
        going.video_status = Some("Normal".into());
        assert!(!p.due(100.0, std::slice::from_ref(&going)) && p.next_in(100.0, &[going]).is_none());
    }
}
