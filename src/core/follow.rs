//! Following a production to its end, for `submit --wait`, `status --wait` and `batch
//! --wait`: asked about with a growing pause until its video is ready, it failed, or the
//! time given runs out.

use super::produce::look_up;
use crate::api::{ApiError, Client};
use crate::store::jobs::{Job, JobStore};
use std::time::Duration;

/// How a followed production ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ending {
    /// Produced, and its video Normal (playable, usable).
    Finished,
    /// ProduceFailed, or its video will never be Normal (TranscodeFail, UploadFail, Blocked).
    Failed,
    /// Still going when the time given ran out (it goes on at VOD).
    TimedOut,
}

/// Where `job` stands: `None` while it is still going.
pub fn ending(job: &Job) -> Option<Ending> {
    // i18n-exempt: the API's status values
    match (job.production_status.as_deref(), job.video_status.as_deref()) {
        (Some("ProduceFailed"), _) => Some(Ending::Failed),
        (_, Some("TranscodeFail" | "UploadFail" | "Blocked")) => Some(Ending::Failed),
        (Some("Produced"), Some("Normal")) => Some(Ending::Finished),
        // Followed by ProjectId alone: the project's word is all there is.
        (Some("Produced"), None) if job.media_id.is_none() => Some(Ending::Finished),
        // A MediaId alone (no project asked): the video's word.
        (None, Some("Normal")) if job.project_id.is_none() => Some(Ending::Finished),
        _ => None,
    }
}

/// Why a production failed, in one line: VOD's error fields as it gave them, else the
/// statuses in words.
pub fn why_failed(job: &Job) -> String {
    if !job.service_errors.is_empty() {
        return job.service_errors.iter().map(|(k, v)| format!("{k}: {v}")).collect::<Vec<_>>().join("; ");
    }
    let words = [
        job.production_status.as_deref().map(crate::api::calls::production_status_words),
        job.video_status.as_deref().map(crate::api::calls::media_status_words),
    ];
    words.into_iter().flatten().collect::<Vec<_>>().join(", ")
}

/// The pauses between questions: 2 s, growing by half each time, at most 30 s (VODCUT_POLL_MS
/// sets the first and the most, for tests).
#[derive(Clone, Copy, Debug)]
pub struct Backoff {
    pub first: Duration,
    pub most: Duration,
}

impl Default for Backoff {
    fn default() -> Self {
        Backoff { first: Duration::from_secs(2), most: Duration::from_secs(30) }
    }
}

impl Backoff {
    /// The default, or VODCUT_POLL_MS's pause throughout.
    pub fn from_env(env: &super::Env) -> Self {
        match env.var("VODCUT_POLL_MS").and_then(|v| v.parse::<u64>().ok()) {
            Some(ms) => {
                let d = Duration::from_millis(ms.clamp(10, 600_000));
                Backoff { first: d, most: d }
            }
            None => Backoff::default(),
        }
    }

    /// The pause after `pause`.
    pub fn next(&self, pause: Duration) -> Duration {
        pause.mul_f64(1.5).min(self.most).max(self.first)
    }
}

/// Asks about `job` until it ends or `timeout` has passed, recording each answer in `store`
/// when given, telling `progress` each new status. Network trouble on the way is waited out
/// (until the time-out); a refusal (a wrong key, a project that does not exist) ends it.
pub async fn follow(
    client: &Client,
    store: Option<&JobStore>,
    job: &mut Job,
    timeout: Duration,
    backoff: Backoff,
    progress: &mut (dyn FnMut(&Job) + Send),
) -> Result<Ending, ApiError> {
    let give_up = tokio::time::Instant::now() + timeout;
    let mut pause = backoff.first;
    let mut said: Option<(Option<String>, Option<String>)> = None;
    loop {
        match look_up(client, job).await {
            Ok(()) => {
                if let Some(store) = store
                    && let Err(e) = store.save(job)
                {
                    log::warn!("could not update job {}: {e}", job.id);
                }
                let now = (job.production_status.clone(), job.video_status.clone());
                if said.as_ref() != Some(&now) {
                    progress(job);
                    said = Some(now);
                }
                if let Some(end) = ending(job) {
                    return Ok(end);
                }
            }
            Err(e @ (ApiError::Network { .. } | ApiError::Connect { .. })) => {
                log::warn!("following {}: {e}; asking again", job.id);
            }
            Err(e) => return Err(e),
        }
        let now = tokio::time::Instant::now();
        if now >= give_up {
            return Ok(Ending::TimedOut);
        }
        tokio::time::sleep(pause.min(give_up - now)).await;
        pause = backoff.next(pause);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::jobs::JobState;

    fn job(production: Option<&str>, video: Option<&str>) -> Job {
        let mut j = Job::new("j".into(), JobState::Submitted, "t", "r", "e");
        j.project_id = Some("p".into());
        j.media_id = Some("m".into());
        j.production_status = production.map(str::to_owned);
        j.video_status = video.map(str::to_owned);
        j
    }

    #[test]
    fn a_production_ends_when_its_video_is_normal_or_it_failed() {
        assert_eq!(ending(&job(Some("Producing"), None)), None);
        assert_eq!(ending(&job(Some("Produced"), Some("Transcoding"))), None);
        assert_eq!(ending(&job(Some("Produced"), Some("Normal"))), Some(Ending::Finished));
        assert_eq!(ending(&job(Some("ProduceFailed"), None)), Some(Ending::Failed));
        assert_eq!(ending(&job(Some("Produced"), Some("TranscodeFail"))), Some(Ending::Failed));
        let mut by_project = job(Some("Produced"), None);
        by_project.media_id = None;
        assert_eq!(ending(&by_project), Some(Ending::Finished));
    }

    #[test]
    fn pauses_grow_to_their_most() {
        let b = Backoff::default();
        let mut p = b.first;
        let mut seen = vec![];
        for _ in 0..8 {
            seen.push(p.as_secs_f64());
            p = b.next(p);
        }
        assert_eq!(seen[..4], [2.0, 3.0, 4.5, 6.75]);
        assert_eq!(*seen.last().unwrap(), 30.0);
    }
}
