//! Job history: every production, recorded before it is sent and updated with its answer.
//!
//! One small JSON file per job in `<data folder>/jobs/`, each written atomically, so the
//! editor and the command line can record at the same time without a lock, and a crash
//! between send and answer leaves the record saying "pending" (the outcome to be checked).

use super::atomic::write_atomic;
/// IDs in messages are cut as everywhere (`i18n::format`).
pub use crate::i18n::format::shortened;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum JobState {
    /// Recorded, being sent. If it stays so, the program stopped before the answer came:
    /// the production may or may not exist.
    Pending,
    /// The service accepted it; IDs are known.
    Submitted,
    /// The service refused it (nothing produced, nothing billed).
    Failed,
    /// Sent, but the answer was lost: check before producing again.
    OutcomeUnknown,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct Job {
    /// Local ID: creation time in ms and a random suffix, so names sort by time.
    pub id: String,
    /// Unix seconds.
    pub created: u64,
    pub updated: u64,
    pub state: JobState,
    pub title: String,
    pub project_file: Option<PathBuf>,
    pub region: String,
    pub endpoint: String,
    pub clip_count: usize,
    #[serde(default)]
    pub request_id: Option<String>,
    #[serde(default)]
    pub media_id: Option<String>,
    #[serde(default)]
    pub project_id: Option<String>,
    #[serde(default)]
    pub error: Option<String>,
    /// GetEditingProject status: Normal | Producing | Produced | ProduceFailed.
    #[serde(default)]
    pub production_status: Option<String>,
    /// GetVideoInfo status of the produced video.
    #[serde(default)]
    pub video_status: Option<String>,
    #[serde(default)]
    pub duration: Option<f64>,
    /// Written without its query (a signed URL never reaches the history or the terminal:
    /// model::url); the one VOD gave is kept in memory to fetch the cover.
    #[serde(default, rename = "CoverURL", serialize_with = "unsigned_url")]
    pub cover_url: Option<String>,
    /// What VOD said went wrong with a failed production: every error field of its answers
    /// (`Project.ErrorCode`, `Video.ErrorMessage`...), as it said them.
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub service_errors: std::collections::BTreeMap<String, String>,
    /// Made in the sandbox (`vodcut --sandbox`): a demo production, not a real one.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub sandbox: bool,
}

fn unsigned_url<S: serde::Serializer>(url: &Option<String>, s: S) -> Result<S::Ok, S::Error> {
    use serde::Serialize;
    url.as_deref().map(crate::model::url::unsigned).serialize(s)
}

impl Job {
    /// Whether the job was produced from `file` (jobs keep their file's absolute path,
    /// `JobStore::begin`, so a relative and an absolute name of one file match).
    pub fn is_from(&self, file: &Path) -> bool {
        let file = std::path::absolute(file).unwrap_or_else(|_| file.to_owned());
        self.project_file.as_deref() == Some(file.as_path())
    }

    /// A job with nothing known yet but where it goes.
    pub fn new(id: String, state: JobState, title: &str, region: &str, endpoint: &str) -> Job {
        let now = now_secs();
        Job {
            id,
            created: now,
            updated: now,
            state,
            title: title.to_owned(),
            project_file: None,
            region: region.to_owned(),
            endpoint: endpoint.to_owned(),
            clip_count: 0,
            request_id: None,
            media_id: None,
            project_id: None,
            error: None,
            production_status: None,
            video_status: None,
            duration: None,
            cover_url: None,
            service_errors: Default::default(),
            sandbox: false,
        }
    }

    /// Is the production still going (worth polling)?
    pub fn is_active(&self) -> bool {
        self.state == JobState::Submitted
            && !matches!(self.production_status.as_deref(), Some("Produced" | "ProduceFailed"))
            || self.state == JobState::Submitted
                // i18n-exempt: the API's status value
                && self.production_status.as_deref() == Some("Produced")
                && !matches!(self.video_status.as_deref(), Some("Normal" | "TranscodeFail" | "UploadFail" | "Blocked"))
    }

    /// Any of our or the service's IDs for this job matches `id`.
    pub fn matches(&self, id: &str) -> bool {
        self.id == id || [&self.request_id, &self.media_id, &self.project_id].iter().any(|v| v.as_deref() == Some(id))
    }
}

/// A job ID as [`JobStore::begin`] makes them: 13 digits of milliseconds, `-`, 6 hex digits.
pub fn is_job_id(id: &str) -> bool {
    let b = id.as_bytes();
    b.len() == 20
        && b[..13].iter().all(u8::is_ascii_digit)
        && b[13] == b'-'
        && b[14..].iter().all(u8::is_ascii_hexdigit)
}

/// What kind of ID a user gave to look a job up by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LookupId {
    /// One of our job IDs.
    Job,
    /// A MediaId or ProjectId: 32 hexadecimal digits, the form VOD gives them.
    Service,
    /// Anything else of an ID's form (letters, digits and `-`, at most 64): a RequestId
    /// (`25818875-5F78-...`), which only the history can answer for.
    Request,
}

/// The kind of `id`, or why it is no ID at all (said with the ID shortened, so a pasted
/// megabyte does not fill the terminal).
pub fn lookup_id(id: &str) -> Result<LookupId, String> {
    if is_job_id(id) {
        return Ok(LookupId::Job);
    }
    if crate::model::validate::is_media_id(id) {
        return Ok(LookupId::Service);
    }
    if (1..=64).contains(&id.len()) && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') {
        return Ok(LookupId::Request);
    }
    Err(crate::t!("core-job-bad-id", id = shortened(id, 64), chars = id.chars().count()))
}

pub fn now_secs() -> u64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0)
}

/// What takes the secrets this process holds out of a record's text before it is written
/// (the network layer knows them: the core hands its `redact::scrub` in, so the disk layer
/// needs nothing above it).
pub type Scrub = fn(&str) -> String;

#[derive(Clone, Debug)]
pub struct JobStore {
    dir: PathBuf,
    scrub: Scrub,
    sandbox: bool,
}

impl JobStore {
    /// The history in `<data_dir>/jobs`; every record written passes through `scrub` first.
    pub fn new(data_dir: &Path, scrub: Scrub) -> Self {
        JobStore { dir: data_dir.join("jobs"), scrub, sandbox: false }
    }

    /// Jobs begun from now on are marked as the sandbox's (demo productions, not billed).
    pub fn in_sandbox(self, sandbox: bool) -> Self {
        JobStore { sandbox, ..self }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Creates a pending record (written to disk before anything is sent).
    #[allow(clippy::too_many_arguments)]
    pub fn begin(
        &self,
        title: &str,
        project_file: Option<&Path>,
        region: &str,
        endpoint: &str,
        clip_count: usize,
    ) -> std::io::Result<Job> {
        let millis =
            std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_millis()).unwrap_or(0);
        let mut r = [0u8; 3];
        let _ = getrandom::fill(&mut r);
        let id = format!("{millis:013}-{:02x}{:02x}{:02x}", r[0], r[1], r[2]);
        // Absolute: the history is read from anywhere, and a job must say which file it was.
        let project_file = project_file.map(|p| std::path::absolute(p).unwrap_or_else(|_| p.to_owned()));
        let job = Job {
            project_file,
            clip_count,
            sandbox: self.sandbox,
            ..Job::new(id, JobState::Pending, title, region, endpoint)
        };
        self.save(&job)?;
        Ok(job)
    }

    /// Writes the record `<id>.json`. The ID names the file, so only the forms vodcut makes
    /// are written (a job ID; 32 hex digits for records older versions made by `status`):
    /// never a name with `/` or `..` in it.
    pub fn save(&self, job: &Job) -> std::io::Result<()> {
        if !is_job_id(&job.id) && !crate::model::validate::is_media_id(&job.id) {
            return Err(std::io::Error::new(
                std::io::ErrorKind::InvalidInput,
                crate::t!("core-job-bad-id", id = shortened(&job.id, 64), chars = job.id.chars().count()),
            ));
        }
        std::fs::create_dir_all(&self.dir)?;
        let text = serde_json::to_string_pretty(job).map_err(std::io::Error::other)?;
        // No secret the process holds reaches the history, however an error quoted it.
        let bytes = (self.scrub)(&text).into_bytes();
        write_atomic(&self.dir.join(format!("{}.json", job.id)), &bytes, false)
    }

    /// All jobs, newest first. Unreadable records (not JSON of a job, not a regular file,
    /// larger than a record can be) are skipped, and named with the reason in the second list.
    pub fn list(&self) -> (Vec<Job>, Vec<String>) {
        let mut jobs = Vec::new();
        let mut broken = Vec::new();
        let Ok(entries) = std::fs::read_dir(&self.dir) else { return (jobs, broken) };
        for e in entries.flatten() {
            let path = e.path();
            if path.extension().is_none_or(|x| x != "json") {
                continue;
            }
            let read = super::input::read_state(&path, super::input::MAX_STATE_BYTES)
                .and_then(|b| serde_json::from_slice::<Job>(&b.unwrap_or_default()).map_err(|e| e.to_string()));
            match read {
                Ok(j) => jobs.push(j),
                Err(why) => broken.push(format!("{}: {why}", path.display())),
            }
        }
        jobs.sort_by(|a, b| b.id.cmp(&a.id));
        (jobs, broken)
    }

    pub fn find(&self, id: &str) -> Option<Job> {
        self.list().0.into_iter().find(|j| j.matches(id))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_signed_cover_url_is_written_without_its_query() {
        let mut job = Job::new("1".into(), JobState::Submitted, "Promo", "cn-shanghai", "");
        job.cover_url = Some("https://outin.oss-cn-shanghai.aliyuncs.com/c.jpg?auth_key=1-0-0-abc".into());
        let text = serde_json::to_string(&job).unwrap();
        assert!(text.contains("\"CoverURL\":\"https://outin.oss-cn-shanghai.aliyuncs.com/c.jpg?…\""), "{text}");
        assert!(!text.contains("auth_key"), "{text}");
    }

    #[test]
    fn records_survive_and_list_newest_first() {
        let dir = tempfile::tempdir().unwrap();
        let store = JobStore::new(dir.path(), str::to_owned);
        let a = store.begin("first", None, "cn-shanghai", "https://vod.cn-shanghai.aliyuncs.com/", 3).unwrap();
        std::thread::sleep(std::time::Duration::from_millis(3));
        let mut b = store.begin("second", Some(Path::new("/p.vodcut")), "cn-beijing", "e", 1).unwrap();
        // A crash here leaves b pending on disk.
        assert_eq!(store.find(&b.id).unwrap().state, JobState::Pending);
        b.state = JobState::Submitted;
        b.media_id = Some("m1".into());
        b.project_id = Some("p1".into());
        store.save(&b).unwrap();
        std::fs::write(store.dir().join("garbage.json"), "{").unwrap();
        // A FIFO would block a plain read forever; a link to /dev/zero would fill the memory.
        crate::store::atomic::tests::mkfifo(&store.dir().join("fifo.json"));
        #[cfg(unix)]
        std::os::unix::fs::symlink("/dev/zero", store.dir().join("zero.json")).unwrap();
        let (jobs, broken) = store.list();
        assert_eq!(jobs.iter().map(|j| j.title.as_str()).collect::<Vec<_>>(), vec!["second", "first"]);
        assert_eq!(broken.len(), if cfg!(unix) { 3 } else { 2 }, "{broken:?}");
        assert!(broken.iter().any(|b| b.contains("fifo.json: it is a FIFO")), "{broken:?}");
        assert_eq!(store.find("m1").unwrap().id, b.id);
        assert_eq!(store.find("p1").unwrap().id, b.id);
        assert_eq!(store.find(&a.id).unwrap().state, JobState::Pending);
        assert!(b.is_active());
        b.production_status = Some("Produced".into());
        b.video_status = Some("Normal".into());
        assert!(!b.is_active());
    }

    #[test]
    fn records_pass_through_the_scrub_and_carry_the_sandbox_mark() {
        let dir = tempfile::tempdir().unwrap();
        let store = JobStore::new(dir.path(), |t| t.replace("the-secret", "***")).in_sandbox(true);
        let mut job = store.begin("t", None, "cn-shanghai", "e", 0).unwrap();
        assert!(job.sandbox, "begun in the sandbox");
        job.error = Some("refused: the-secret".into());
        store.save(&job).unwrap();
        let text = std::fs::read_to_string(store.dir().join(format!("{}.json", job.id))).unwrap();
        assert!(!text.contains("the-secret") && text.contains("refused: ***"), "{text}");
        assert!(!JobStore::new(dir.path(), str::to_owned).begin("u", None, "r", "e", 0).unwrap().sandbox);
    }

    #[test]
    fn ids_are_checked_before_they_name_a_file() {
        let dir = tempfile::tempdir().unwrap();
        let store = JobStore::new(&dir.path().join("data"), str::to_owned);
        let job = store.begin("t", Some(Path::new("rel/p.vodcut")), "cn-shanghai", "e", 0).unwrap();
        assert!(is_job_id(&job.id), "{}", job.id);
        assert!(job.project_file.as_deref().unwrap().is_absolute(), "{:?}", job.project_file);
        for bad in ["../../escaped", "a/b", "", "x.json"] {
            let j = Job::new(bad.into(), JobState::Submitted, "", "", "");
            assert!(store.save(&j).is_err(), "{bad}");
        }
        assert!(!dir.path().join("escaped.json").exists());
        assert_eq!(store.list().0.len(), 1);
        assert_eq!(lookup_id(&job.id), Ok(LookupId::Job));
        assert_eq!(lookup_id("5aed81b74ba84920be578cdfe004af4b"), Ok(LookupId::Service));
        assert_eq!(lookup_id("25818875-5F78-4A13-BEF6-D7393642CA58"), Ok(LookupId::Request));
        let e = lookup_id(&format!("../{}", "x".repeat(1_000_000))).unwrap_err();
        assert!(e.contains("1000003 characters") && e.len() < 400, "{}", &e[..e.len().min(400)]);
    }
}
