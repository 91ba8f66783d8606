//! Producing, the same way from the editor and the command line: the pre-flight (validation,
//! then VOD's word on the media used), the confirmation's facts, sending once, following.
//!
//! ProduceEditingProjectVideo is billed and not idempotent. Media still uploading or
//! transcoding make a production fail after it is billed, so VOD is asked about them first
//! (GetVideoInfos) and a media that is not Normal blocks, named at its first clip, in both
//! faces (the command line's `--force-status` overrides that part only). The job is recorded
//! before the request leaves, so a crash mid-flight leaves a pending job that says "check
//! before producing again".

use super::connect::Connection;
use super::env::Env;
use crate::api::calls::{ProduceResult, VideoInfo};
use crate::api::{ApiError, Client};
use crate::model::Project;
use crate::model::export::request_fields;
use crate::model::validate::{
    Issue, Location, Problem, Severity, has_errors, media_status_problems, status_checked_media, validate,
};
use crate::store::jobs::{Job, JobState, JobStore, now_secs};
use std::collections::HashMap;
use std::path::Path;

/// GetVideoInfos' answer: the media found and the IDs VOD does not know, or why it failed.
pub type InfosResult = Result<(Vec<VideoInfo>, Vec<String>), String>;

/// The checks before a production, begun on the spot: validation, and which media VOD is to
/// be asked about. The editor asks in the background (its "Checking" step can be cancelled),
/// the command line waits; both finish with [`Preflight::finish`].
#[derive(Clone, Debug)]
pub struct Preflight {
    /// Validation's problems.
    pub problems: Vec<Problem>,
    /// The video and audio media to ask VOD about; none when validation's errors block
    /// already (nothing would be sent whatever VOD says) or nothing is used.
    pub media: Vec<String>,
}

/// What the pre-flight found: validation's problems, and the status check's.
#[derive(Clone, Debug, Default)]
pub struct Checked {
    pub problems: Vec<Problem>,
    /// Media not Normal (errors), unknown to VOD or not checked (warnings).
    pub status: Vec<Problem>,
}

impl Checked {
    /// Every problem, validation's first.
    pub fn all(&self) -> Vec<Problem> {
        self.problems.iter().chain(&self.status).cloned().collect()
    }
}

impl Preflight {
    /// Validation, at once (no network).
    pub fn start(project: &Project) -> Preflight {
        let mut problems = validate(project);
        if let Some((slot, place)) = crate::template::editor::first_slot(project) {
            problems.push(Problem {
                severity: Severity::Error,
                location: Location::default(),
                issue: Issue::TemplateUnfilled { slot, place },
            });
        }
        let media = if has_errors(&problems) { Vec::new() } else { status_checked_media(project) };
        Preflight { problems, media }
    }

    /// Whether VOD must be asked before the confirmation.
    pub fn asks_vod(&self) -> bool {
        !self.media.is_empty()
    }

    /// Validation's problems and what `answer` (to [`ask_status`], asked in `region`) makes of
    /// the media used.
    pub fn finish(self, project: &Project, region: &str, answer: Option<&InfosResult>) -> Checked {
        let status = match answer {
            None => Vec::new(),
            Some(Ok((infos, missing))) => {
                let known: HashMap<String, (String, String)> =
                    infos.iter().map(|v| (v.video_id.clone(), (v.title.clone(), v.status.clone()))).collect();
                media_status_problems(project, region, Ok((&known, missing)))
            }
            Some(Err(e)) => media_status_problems(project, region, Err(e)),
        };
        Checked { problems: self.problems, status }
    }
}

/// Asks VOD for the status of `media` (GetVideoInfos, 20 at a time) through `conn`; a client
/// that cannot be made is an answer too (the check could not be made: a warning).
pub async fn ask_status(conn: &Connection, media: &[String]) -> InfosResult {
    let client = conn.client().map_err(|e| e.to_string())?;
    client.get_video_infos_batched(media).await.map_err(|e| e.to_string())
}

/// What the problems allow: errors block, warnings ask, nothing goes on to the confirmation.
#[derive(Clone, Debug)]
pub enum Verdict {
    Blocked(Vec<Problem>),
    Warned(Vec<Problem>),
    Clear,
}

pub fn verdict(problems: Vec<Problem>) -> Verdict {
    if has_errors(&problems) {
        Verdict::Blocked(problems)
    } else if !problems.is_empty() {
        Verdict::Warned(problems)
    } else {
        Verdict::Clear
    }
}

/// What the confirmation of a production states.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Facts {
    pub title: String,
    /// Clips of the tracks that are produced (hidden and muted ones are left out).
    pub clips: usize,
    pub region: String,
    /// The cloud project it updates; None: it makes a new one.
    pub updates: Option<String>,
    /// To the sandbox: a demo, not billed.
    pub sandbox: bool,
}

pub fn facts(project: &Project, env: &Env) -> Facts {
    Facts {
        title: crate::i18n::describe::project_title(project),
        clips: project.tracks.iter().filter(|t| !t.hidden).map(|t| t.clips.len()).sum(),
        region: project.region.clone(),
        updates: project.project_id.clone(),
        sandbox: env.is_sandbox(),
    }
}

/// Where the editor's Produce flow stands (the command line goes through the same stages
/// without stopping).
#[derive(Clone, Debug, Default)]
pub enum Step {
    #[default]
    Idle,
    /// Reading the cloud project before its Timeline is replaced (`core::sync`).
    SyncChecking,
    /// The cloud project changed since the last sync: the difference dialog (keep mine, take
    /// theirs, merge). `theirs_hash`: the hash the project notes when it takes theirs.
    Differs {
        sync: Box<super::sync::Sync>,
        theirs_hash: String,
    },
    /// Validation found errors: nothing can be sent.
    Blocked(Vec<Problem>),
    /// Only warnings: the user may go on.
    Warned(Vec<Problem>),
    /// Asking VOD whether the media used are Normal (before the confirmation).
    Checking(Preflight),
    /// The billed-production confirmation.
    Confirm,
    InFlight,
    Done(Outcome),
}

impl Step {
    /// The step the problems lead to.
    pub fn after(problems: Vec<Problem>) -> Step {
        match verdict(problems) {
            Verdict::Blocked(p) => Step::Blocked(p),
            Verdict::Warned(p) => Step::Warned(p),
            Verdict::Clear => Step::Confirm,
        }
    }

    pub fn is_checking(&self) -> bool {
        matches!(self, Step::Checking(_))
    }
}

/// How a production ended, for the editor's result dialog.
#[derive(Clone, Debug)]
pub struct Outcome {
    pub ids: Option<ProduceResult>,
    pub error: Option<String>,
    pub unknown: bool,
    pub job_id: String,
    /// About an earlier send whose answer was lost (`core::lost`), not this one: its
    /// production found (ids) or in doubt (error), and nothing sent this time.
    pub earlier: bool,
}

/// How a production attempt ended, with its job record (already saved).
pub struct Produced {
    pub job: Job,
    pub result: Result<ProduceResult, ApiError>,
}

/// Records the job, submits the project once (the client's own rules decide the rare safe
/// repeat), and records the outcome. The record is on disk before the request leaves, so a
/// crash mid-flight leaves a pending job that says "check before producing again".
pub async fn send(
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
        job.service_errors.retain(|k, _| !k.starts_with("Project."));
        job.service_errors.extend(crate::api::calls::error_fields("Project", &p.extra));
        job.production_status = Some(p.status).filter(|s| !s.is_empty());
        if job.duration.is_none() {
            job.duration = p.duration;
        }
    }
    if let Some(mid) = job.media_id.clone() {
        match client.get_video_info(&mid).await {
            Ok(v) => {
                job.service_errors.retain(|k, _| !k.starts_with("Video."));
                job.service_errors.extend(crate::api::calls::error_fields("Video", &v.extra));
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::export::import_timeline_str;

    fn project(timeline: &str) -> Project {
        import_timeline_str(timeline).unwrap()
    }

    #[test]
    fn errors_block_before_vod_is_asked_and_a_clean_project_asks_about_its_media() {
        let bad = project(r#"{"VideoTracks":[{"VideoTrackClips":[{"MediaId":"m1","In":5,"Out":2}]}]}"#);
        let pre = Preflight::start(&bad);
        assert!(has_errors(&pre.problems) && !pre.asks_vod(), "nothing is asked when errors block");
        let good = project(
            r#"{"VideoTracks":[{"VideoTrackClips":[{"MediaId":"5aed81b74ba84920be578cdfe004af4b","In":0,"Out":4}]}]}"#,
        );
        let pre = Preflight::start(&good);
        assert_eq!(pre.media, ["5aed81b74ba84920be578cdfe004af4b"]);
        let uploading = VideoInfo {
            video_id: "5aed81b74ba84920be578cdfe004af4b".into(),
            title: "Beach".into(),
            status: "Uploading".into(),
            ..Default::default()
        };
        let checked = pre.finish(&good, "cn-shanghai", Some(&Ok((vec![uploading], Vec::new()))));
        assert!(checked.problems.is_empty());
        assert!(matches!(verdict(checked.all()), Verdict::Blocked(_)), "{:?}", checked.status);
        let said = crate::i18n::describe::line(&checked.status[0], &good);
        assert!(said.contains("\"Beach\""), "{said}");
    }

    #[test]
    fn the_facts_count_produced_clips_and_say_sandbox_or_billed() {
        let mut p = project(
            r#"{"VideoTracks":[{"VideoTrackClips":[{"MediaId":"a","In":0,"Out":4},{"MediaId":"b","In":0,"Out":4}]}],
                "AudioTracks":[{"AudioTrackClips":[{"MediaId":"c","In":0,"Out":4}]}]}"#,
        );
        p.title = "Film".into();
        p.tracks[1].hidden = true;
        let dir = tempfile::tempdir().unwrap();
        let f = facts(&p, &Env::isolated(dir.path()));
        assert_eq!((f.title.as_str(), f.clips, f.sandbox, f.updates), ("Film", 2, false, None));
    }
}
