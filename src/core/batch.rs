//! Sending a batch (`vodcut batch`): one production per row (in each shape), through the same
//! [`produce::send`] as `submit` (its job record first, then the request once), with the
//! batch's manifest as the record of every row.
//!
//! The order of things for a row: its "sending" line is on disk before the request leaves; the
//! answer's line after. A row whose last line says "sending" or "unknown" (the program
//! stopped, or the answer was lost) is looked for at VOD before anything else happens to it:
//! the editing projects made since it was sent with its title, whose Timeline is the one the
//! row sends (SearchEditingProject, GetEditingProject). Found: it is the row's production.
//! Not found: the row waits for the user (`--resend-unknown`), since a production may
//! appear late, and a second one is billed.
//!
//! Throttling (Throttling.User...) that outlasts the client's own retries pauses every row
//! of the batch for a backoff that doubles, then the row goes again (the throttled request
//! was not carried out). At most `concurrency` requests are in flight. A cancel (Ctrl+C)
//! starts nothing new; what is in flight finishes and is recorded.

use super::produce;
mod plan;
use crate::api::calls::ProjectQuery;
use crate::api::{ApiError, Client};
use crate::model::Project;
use crate::model::export::timeline_json;
use crate::store::jobs::{JobStore, now_secs};
use crate::store::manifest::{Entry, Key, Manifest, RowState};
use futures_util::StreamExt;
pub use plan::{Item, Maker, Plan, VARIANT_SLOT, plan, row_words};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

/// What a row makes, as a short hash of the request: a row changed since the manifest
/// recorded it is noticed instead of being taken for the one sent.
pub fn fingerprint(project: &Project) -> String {
    use sha2::Digest;
    let fields = crate::model::export::request_fields(project).to_json_object();
    let digest = sha2::Sha256::digest(serde_json::to_vec(&fields).unwrap_or_default());
    digest.iter().take(12).map(|b| format!("{b:02x}")).collect()
}

#[derive(Clone, Debug)]
pub struct Options {
    pub concurrency: usize,
    pub wait: bool,
    /// How long `wait` follows the productions at most.
    pub wait_timeout: Duration,
    /// Send again the rows whose lost answer was looked for and not found.
    pub resend_unknown: bool,
    /// How often `wait` asks about the productions.
    pub poll: Duration,
    /// The first pause after throttling (doubled each time, at most a minute).
    pub throttle_pause: Duration,
    /// Times one row is tried again after throttling.
    pub throttle_tries: u32,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            concurrency: 2,
            wait: false,
            wait_timeout: Duration::from_secs(7200),
            resend_unknown: false,
            poll: Duration::from_secs(5),
            throttle_pause: Duration::from_secs(2),
            throttle_tries: 6,
        }
    }
}

/// A change of one row, for the progress line.
#[derive(Clone, Debug)]
pub struct Change {
    pub entry: Entry,
    /// Rows sent (or found) so far, in flight, and in all.
    pub done: usize,
    pub in_flight: usize,
    pub total: usize,
}

/// Everything a run shares between its rows.
struct Shared<'a> {
    client: &'a Client,
    maker: &'a Maker,
    jobs: &'a JobStore,
    region: &'a str,
    manifest: &'a Mutex<Manifest>,
    cancel: &'a AtomicBool,
    progress: &'a dyn Fn(Change),
    opts: &'a Options,
    in_flight: std::sync::atomic::AtomicUsize,
    total: usize,
    /// Until when every row waits (throttling), as milliseconds since `epoch`.
    paused_until: std::sync::atomic::AtomicU64,
    epoch: tokio::time::Instant,
    /// A manifest line that could not be written: the batch stops (its record would lie).
    broken: Mutex<Option<String>>,
}

impl Shared<'_> {
    fn record(&self, entry: Entry) -> bool {
        let mut m = self.manifest.lock().unwrap_or_else(|p| p.into_inner());
        if let Err(e) = m.append(entry.clone()) {
            let message =
                crate::t!("manifest-cannot-write", file = m.path().display().to_string(), error = e.to_string());
            *self.broken.lock().unwrap_or_else(|p| p.into_inner()) = Some(message);
            self.cancel.store(true, Ordering::SeqCst);
            return false;
        }
        let done = m.last().values().filter(|e| e.state.is_sent()).count();
        drop(m);
        (self.progress)(Change { entry, done, in_flight: self.in_flight.load(Ordering::SeqCst), total: self.total });
        true
    }

    fn last(&self, key: &Key) -> Option<Entry> {
        self.manifest.lock().unwrap_or_else(|p| p.into_inner()).get(key).cloned()
    }

    fn stopped(&self) -> bool {
        self.cancel.load(Ordering::SeqCst)
    }
}

/// How a run ended.
#[derive(Clone, Debug, Default)]
pub struct Summary {
    /// Why it stopped early: the manifest could not be written.
    pub broken: Option<String>,
    pub cancelled: bool,
    /// `wait` gave up (its time limit) with productions still going.
    pub wait_timed_out: bool,
}

/// A manifest line for `item` in `state`, carrying what the row's last line knew.
pub fn entry(item: &Item, state: RowState, before: Option<&Entry>) -> Entry {
    let keep = |f: fn(&Entry) -> Option<String>| before.and_then(f);
    Entry {
        row: item.row,
        variant: item.variant.clone(),
        state,
        at: now_secs(),
        fingerprint: item.fingerprint.clone(),
        title: item.title.clone(),
        sent_at: before.and_then(|b| b.sent_at),
        request_id: keep(|b| b.request_id.clone()),
        media_id: keep(|b| b.media_id.clone()),
        project_id: keep(|b| b.project_id.clone()),
        job_id: keep(|b| b.job_id.clone()),
        error: None,
    }
}

/// Sends `items` (those the manifest does not show sent), looking for lost answers first.
#[allow(clippy::too_many_arguments)]
pub async fn run(
    client: &Client,
    jobs: &JobStore,
    region: &str,
    manifest: &Mutex<Manifest>,
    items: &[Item],
    maker: &Maker,
    opts: &Options,
    cancel: &AtomicBool,
    progress: &dyn Fn(Change),
) -> Summary {
    let shared = Shared {
        client,
        maker,
        jobs,
        region,
        manifest,
        cancel,
        progress,
        opts,
        in_flight: Default::default(),
        total: items.len(),
        paused_until: Default::default(),
        epoch: tokio::time::Instant::now(),
        broken: Mutex::new(None),
    };
    // With --resend-unknown, rows "not found" before are looked for again first: a production
    // may show up late, and only those still missing are sent.
    check_lost(&shared, items, opts.resend_unknown).await;
    let to_send: Vec<&Item> = items
        .iter()
        .filter(|i| match shared.last(&i.key()).map(|e| e.state) {
            None | Some(RowState::Failed) => true,
            Some(RowState::NotFound) => opts.resend_unknown,
            Some(_) => false,
        })
        .collect();
    futures_util::stream::iter(to_send)
        .map(|item| send_row(&shared, item))
        .buffer_unordered(opts.concurrency.max(1))
        .collect::<Vec<()>>()
        .await;
    // Answers lost in this run are looked for at once (a production shows up quickly).
    check_lost(&shared, items, false).await;
    let wait_timed_out = opts.wait && !wait(&shared, items).await;
    let broken = shared.broken.lock().unwrap_or_else(|p| p.into_inner()).take();
    Summary { cancelled: cancel.load(Ordering::SeqCst) && broken.is_none(), broken, wait_timed_out }
}

/// Sends one row, again after throttling, until it is sent, refused or lost.
async fn send_row(sh: &Shared<'_>, item: &Item) {
    let mut pause = sh.opts.throttle_pause;
    for attempt in 0..=sh.opts.throttle_tries {
        let until = sh.epoch + Duration::from_millis(sh.paused_until.load(Ordering::SeqCst));
        tokio::time::sleep_until(until).await;
        if sh.stopped() {
            return;
        }
        let project = match sh.maker.project(item) {
            Ok(p) => p,
            Err(why) => {
                let mut failed = entry(item, RowState::Failed, None);
                failed.error = Some(why);
                sh.record(failed);
                return;
            }
        };
        // A new attempt: nothing of an earlier one (its JobId, RequestId) is this one's.
        let mut sending = entry(item, RowState::Sending, None);
        sending.sent_at = Some(now_secs());
        if !sh.record(sending.clone()) {
            return;
        }
        sh.in_flight.fetch_add(1, Ordering::SeqCst);
        let produced = produce::send(sh.client, sh.jobs, &project, None, sh.region).await;
        sh.in_flight.fetch_sub(1, Ordering::SeqCst);
        let produced = match produced {
            Ok(p) => p,
            Err(e) => {
                // The job could not be recorded, so nothing was sent.
                let mut failed = entry(item, RowState::Failed, Some(&sending));
                failed.error = Some(crate::t!("cli-job-not-recorded", error = e.to_string()));
                sh.record(failed);
                return;
            }
        };
        let job_id = Some(produced.job.id.clone());
        let throttled = matches!(&produced.result, Err(ApiError::Service(e)) if e.is_throttling());
        let mut next = match &produced.result {
            Ok(r) => {
                let mut e = entry(item, RowState::Submitted, Some(&sending));
                e.request_id = Some(r.request_id.clone()).filter(|s| !s.is_empty());
                e.media_id = Some(r.media_id.clone()).filter(|s| !s.is_empty());
                e.project_id = Some(r.project_id.clone()).filter(|s| !s.is_empty());
                e
            }
            Err(err) => {
                let state =
                    if matches!(err, ApiError::OutcomeUnknown { .. }) { RowState::Unknown } else { RowState::Failed };
                let mut e = entry(item, state, Some(&sending));
                e.request_id = err.service().and_then(|s| s.request_id.clone());
                e.error = Some(err.to_string());
                e
            }
        };
        next.job_id = job_id;
        if !sh.record(next) || !throttled || attempt == sh.opts.throttle_tries {
            return;
        }
        // Every row waits: the account, not this row, is over its rate.
        let wake = (tokio::time::Instant::now() + pause).duration_since(sh.epoch).as_millis() as u64;
        sh.paused_until.fetch_max(wake, Ordering::SeqCst);
        pause = (pause * 2).min(Duration::from_secs(60));
    }
}

/// Looks for the productions of rows whose answer was lost (last line "sending" or
/// "unknown"; with `again`, "not found" too) and records what was found. Every lost row is
/// looked up first and decided after: a production two lost rows could be (the same title and
/// Timeline), or a row two productions could be, is taken for neither ("unknown"): a guess
/// would record another row's production, and a row believed missing is billed again.
async fn check_lost(sh: &Shared<'_>, items: &[Item], again: bool) {
    // (the row, its last line, the projects it could be or why that is not known)
    type Lost<'i> = (&'i Item, Entry, Result<Vec<String>, String>);
    let mut lost: Vec<Lost> = Vec::new();
    for item in items {
        if sh.stopped() {
            return;
        }
        let Some(before) = sh.last(&item.key()) else { continue };
        let is_lost = matches!(before.state, RowState::Sending | RowState::Unknown)
            || (again && before.state == RowState::NotFound);
        if !is_lost {
            continue;
        }
        let claimed: Vec<String> = {
            let m = sh.manifest.lock().unwrap_or_else(|p| p.into_inner());
            m.last().values().filter(|e| e.key() != item.key()).filter_map(|e| e.project_id.clone()).collect()
        };
        let sent_at = before.sent_at.unwrap_or(before.at);
        let found = match sh.maker.project(item) {
            Err(why) => Err(why),
            Ok(project) => match find_production(sh.client, &project, sent_at, &claimed).await {
                Ok(Search::Done(ids)) => Ok(ids),
                Ok(Search::TooMany) => Err(crate::t!("batch-check-too-many", count = MAX_LOOKED_AT)),
                Err(err) => Err(crate::t!("batch-check-failed", error = err.to_string())),
            },
        };
        lost.push((item, before, found));
    }
    let mut wanted: std::collections::HashMap<&str, usize> = Default::default();
    for id in lost.iter().filter_map(|(.., f)| f.as_ref().ok()).flatten() {
        *wanted.entry(id.as_str()).or_default() += 1;
    }
    for (item, before, found) in &lost {
        let e = match found {
            Ok(ids) if ids.is_empty() => entry(item, RowState::NotFound, Some(before)),
            Ok(ids) if ids.len() == 1 && wanted[ids[0].as_str()] == 1 => {
                let mut e = entry(item, RowState::Submitted, Some(before));
                e.project_id = Some(ids[0].clone());
                e
            }
            Ok(ids) => {
                let mut e = entry(item, RowState::Unknown, Some(before));
                e.error = Some(crate::t!("batch-check-ambiguous", projects = ids.join(", ")));
                e
            }
            Err(message) => {
                // Not known either way: the row stays lost, and is not sent.
                let mut e = entry(item, RowState::Unknown, Some(before));
                e.error = Some(message.clone());
                e
            }
        };
        sh.record(e);
    }
}

/// Times as the API takes them (`2026-11-24T08:00:00Z`, UTC).
const API_TIME: &[time::format_description::BorrowedFormatItem<'_>] =
    // i18n-exempt: the API's time format
    time::macros::format_description!("[year]-[month]-[day]T[hour]:[minute]:[second]Z");

/// How far from the time a row was sent its production is looked for, either side: clocks
/// that differ, and a request that took long to be carried out.
const SEARCH_MARGIN_SECS: u64 = 600;

/// Projects of a row's title in its search window looked through at most; past that the
/// row is "unknown", never "not found".
pub const MAX_LOOKED_AT: u32 = 5000;

/// What a search for a lost row's production saw.
#[derive(Debug, PartialEq)]
pub enum Search {
    /// Every project in the window was looked at: these are the row's (none, one or more).
    Done(Vec<String>),
    /// More projects than [`MAX_LOOKED_AT`] in the window: not all were looked at.
    TooMany,
}

/// The editing projects a send of `project` may have made: made within ten minutes of
/// `sent_at` (either side), with its title, whose Timeline is the one sent, and that no other
/// row of the manifest has. Every project of the window is looked at (oldest first), so
/// "none" means none.
pub async fn find_production(
    client: &Client,
    project: &Project,
    sent_at: u64,
    claimed: &[String],
) -> Result<Search, ApiError> {
    let title = project.title.trim().to_owned();
    let ours: Option<serde_json::Value> = serde_json::from_str(&timeline_json(project)).ok();
    let at = |secs: u64| {
        time::OffsetDateTime::from_unix_timestamp(secs.min(i64::MAX as u64) as i64)
            .ok()
            .and_then(|t| t.format(API_TIME).ok())
    };
    let mut found = Vec::new();
    const PAGE: u32 = 100;
    for page in 1..=MAX_LOOKED_AT / PAGE {
        let query = ProjectQuery {
            title: Some(title.clone()).filter(|t| !t.is_empty()),
            page_no: Some(page),
            page_size: Some(PAGE),
            start_time: at(sent_at.saturating_sub(SEARCH_MARGIN_SECS)),
            end_time: at(sent_at.saturating_add(SEARCH_MARGIN_SECS)),
            // Oldest first: projects made while the search pages on come last, not in between.
            // i18n-exempt: the API's SortBy value
            sort_by: Some("CreationTime:Asc".into()),
            ..Default::default()
        };
        let (_, list) = client.search_editing_project(&query).await?;
        for p in &list {
            if (!title.is_empty() && p.title.trim() != title)
                || claimed.contains(&p.project_id)
                || found.contains(&p.project_id)
            {
                continue;
            }
            let full = client.get_editing_project(&p.project_id).await?;
            let theirs: Option<serde_json::Value> = full.timeline.as_deref().and_then(|t| serde_json::from_str(t).ok());
            if let (Some(theirs), Some(ours)) = (&theirs, &ours)
                && same_timeline(ours, theirs)
            {
                found.push(p.project_id.clone());
            }
        }
        if list.len() < PAGE as usize {
            return Ok(Search::Done(found));
        }
    }
    Ok(Search::TooMany)
}

/// Whether the Timeline VOD keeps (`theirs`) is the one sent (`ours`): every field sent is
/// there with its value, numbers compared as numbers (`4` is `4.0`); fields VOD may add are
/// not held against it.
fn same_timeline(ours: &serde_json::Value, theirs: &serde_json::Value) -> bool {
    use serde_json::Value;
    match (ours, theirs) {
        (Value::Number(a), Value::Number(b)) => close(a.as_f64(), b.as_f64()),
        // A number the service keeps as text, or the other way round.
        (Value::Number(a), Value::String(b)) | (Value::String(b), Value::Number(a)) => {
            close(b.trim().parse::<f64>().ok(), a.as_f64())
        }
        (Value::Array(a), Value::Array(b)) => a.len() == b.len() && a.iter().zip(b).all(|(x, y)| same_timeline(x, y)),
        (Value::Object(a), Value::Object(b)) => a.iter().all(|(k, v)| b.get(k).is_some_and(|w| same_timeline(v, w))),
        (a, b) => a == b,
    }
}

/// Numbers the same within 1e-4 (a tenth of a millisecond, for times): the service may keep
/// `4.1` as `4.0999999`.
fn close(a: Option<f64>, b: Option<f64>) -> bool {
    matches!((a, b), (Some(a), Some(b)) if (a - b).abs() <= 1e-4)
}

/// Follows the rows sent until each production has finished (or the cancel); false when
/// its time limit came first. A row with neither ProjectId nor MediaId cannot be asked about
/// and is not followed.
async fn wait(sh: &Shared<'_>, items: &[Item]) -> bool {
    let give_up = tokio::time::Instant::now() + sh.opts.wait_timeout;
    loop {
        let going: Vec<(&Item, Entry)> = items
            .iter()
            .filter_map(|i| sh.last(&i.key()).filter(|e| e.state == RowState::Submitted).map(|e| (i, e)))
            .filter(|(_, e)| e.project_id.is_some() || e.media_id.is_some())
            .collect();
        if going.is_empty() || sh.stopped() {
            return true;
        }
        if tokio::time::Instant::now() >= give_up {
            return false;
        }
        for (item, e) in going {
            let mut job = crate::store::jobs::Job::new(
                e.job_id.clone().unwrap_or_default(),
                crate::store::jobs::JobState::Submitted,
                &e.title,
                sh.region,
                "",
            );
            job.project_id = e.project_id.clone();
            job.media_id = e.media_id.clone();
            if produce::look_up(sh.client, &mut job).await.is_err() {
                continue;
            }
            // The one reading of "finished" that submit --wait and status --wait use.
            let next = match super::follow::ending(&job) {
                Some(super::follow::Ending::Finished) => entry(item, RowState::Produced, Some(&e)),
                Some(_) => {
                    let mut f = entry(item, RowState::ProduceFailed, Some(&e));
                    f.error = Some(super::follow::why_failed(&job));
                    f
                }
                None => continue,
            };
            sh.record(next);
        }
        let deadline = tokio::time::Instant::now() + sh.opts.poll;
        while tokio::time::Instant::now() < deadline.min(give_up) && !sh.stopped() {
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::same_timeline;
    use serde_json::json;

    #[test]
    fn a_kept_timeline_matches_what_was_sent_despite_number_forms_and_added_fields() {
        let sent = json!({"VideoTracks":[{"VideoTrackClips":[{"MediaId":"a","In":0,"Out":4}]}]});
        let kept = json!({"VideoTracks":[{"VideoTrackClips":[{"MediaId":"a","In":0.0,"Out":"4","Id":"c1"}]}]});
        assert!(same_timeline(&sent, &kept));
        let other = json!({"VideoTracks":[{"VideoTrackClips":[{"MediaId":"a","In":0,"Out":5}]}]});
        assert!(!same_timeline(&sent, &other));
        let more = json!({"VideoTracks":[{"VideoTrackClips":[{"MediaId":"a","In":0,"Out":4},{"MediaId":"b"}]}]});
        assert!(!same_timeline(&sent, &more), "another clip is another production");
        let near = json!({"VideoTracks":[{"VideoTrackClips":[{"MediaId":"a","In":0.00004,"Out":"3.99995"}]}]});
        assert!(same_timeline(&sent, &near), "kept to a tenth of a millisecond");
        let off = json!({"VideoTracks":[{"VideoTrackClips":[{"MediaId":"a","In":0,"Out":4.001}]}]});
        assert!(!same_timeline(&sent, &off));
    }
}
