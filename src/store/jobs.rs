//! Job history: every production, recorded before it is sent and updated with its answer.
//!
//! One small JSON file per job in `<data folder>/jobs/`, each written atomically, so the
//! editor and the command line can record at the same time without a lock, and a crash
//! between send and answer leaves the record saying "pending" (the outcome to be checked).

use super::atomic::write_atomic;
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
    #[serde(default, rename = "CoverURL")]
    pub cover_url: Option<String>,
    /// Made in the sandbox (`vodcut --sandbox`): a demo production, not a real one.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub sandbox: bool,
}

impl Job {
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
            sandbox: crate::sandbox::active().is_some(),
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

pub fn now_secs() -> u64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0)
}

/// The folder for vodcut's data: `VODCUT_DATA_DIR` if set (tests, portable installs), else
/// the platform's (e.g. `~/.local/share/vodcut` on Linux). In the sandbox, the sandbox's own.
pub fn data_dir() -> Option<PathBuf> {
    if let Some(sandbox) = crate::sandbox::active() {
        return Some(sandbox.dir.join("data"));
    }
    if let Some(d) = std::env::var_os("VODCUT_DATA_DIR").filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(d));
    }
    // i18n-exempt: the app's qualifier for the platform's folders
    directories::ProjectDirs::from("com", "vodcut", "vodcut").map(|p| p.data_dir().to_owned())
}

#[derive(Clone, Debug)]
pub struct JobStore {
    dir: PathBuf,
}

impl JobStore {
    pub fn new(data_dir: &Path) -> Self {
        JobStore { dir: data_dir.join("jobs") }
    }

    pub fn open_default() -> std::io::Result<Self> {
        let dir = data_dir().ok_or_else(|| std::io::Error::other(crate::t!("core-no-data-folder")))?;
        Ok(JobStore::new(&dir))
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
        let job = Job {
            project_file: project_file.map(Path::to_owned),
            clip_count,
            ..Job::new(id, JobState::Pending, title, region, endpoint)
        };
        self.save(&job)?;
        Ok(job)
    }

    pub fn save(&self, job: &Job) -> std::io::Result<()> {
        std::fs::create_dir_all(&self.dir)?;
        let bytes = serde_json::to_vec_pretty(job).map_err(std::io::Error::other)?;
        write_atomic(&self.dir.join(format!("{}.json", job.id)), &bytes, false)
    }

    /// All jobs, newest first. Unreadable records are skipped (and named in the second list).
    pub fn list(&self) -> (Vec<Job>, Vec<String>) {
        let mut jobs = Vec::new();
        let mut broken = Vec::new();
        let Ok(entries) = std::fs::read_dir(&self.dir) else { return (jobs, broken) };
        for e in entries.flatten() {
            let path = e.path();
            if path.extension().is_none_or(|x| x != "json") {
                continue;
            }
            match std::fs::read(&path).ok().and_then(|b| serde_json::from_slice::<Job>(&b).ok()) {
                Some(j) => jobs.push(j),
                None => broken.push(path.display().to_string()),
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
    fn records_survive_and_list_newest_first() {
        let dir = tempfile::tempdir().unwrap();
        let store = JobStore::new(dir.path());
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
        let (jobs, broken) = store.list();
        assert_eq!(jobs.iter().map(|j| j.title.as_str()).collect::<Vec<_>>(), vec!["second", "first"]);
        assert_eq!(broken.len(), 1);
        assert_eq!(store.find("m1").unwrap().id, b.id);
        assert_eq!(store.find("p1").unwrap().id, b.id);
        assert_eq!(store.find(&a.id).unwrap().state, JobState::Pending);
        assert!(b.is_active());
        b.production_status = Some("Produced".into());
        b.video_status = Some("Normal".into());
        assert!(!b.is_active());
    }
}
