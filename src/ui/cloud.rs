//! The editor's side of the cloud: settings, background calls, the produce steps, the jobs
//! list and its polling. Drawing lives in `produce.rs` and `jobs.rs`.

use crate::api::calls::ProduceResult;
use crate::api::connect::Connection;
use crate::api::credentials::Credentials;
use crate::api::{ApiError, calls::ProjectQuery};
use crate::model::Project;
use crate::model::validate::Problem;
use crate::store::jobs::{Job, JobStore};
use crate::store::settings::Settings;
use crate::t;
use crate::tasks::{Kind, Tasks};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// How often jobs still producing are looked at.
pub const POLL_EVERY: f64 = 15.0;

pub enum Event {
    Produced {
        job: Box<Job>,
        result: Result<ProduceResult, String>,
        unknown: bool,
    },
    /// The job could not even be recorded (or the client made): nothing was sent.
    NotSent(String),
    Jobs(Vec<Job>),
    Refreshed(Vec<(Job, Option<String>)>),
    Tested(Result<String, String>),
    CloudProject(Result<Box<Project>, String>),
    Recovered(Vec<crate::store::recovery::Candidate>),
    /// A SearchMedia page (the library), or why it failed.
    Media {
        page: usize,
        result: Result<crate::api::calls::SearchMediaResult, String>,
    },
    /// A decoded cover thumbnail (RGBA), or why it is not available.
    Thumb {
        url: String,
        result: Result<([usize; 2], Vec<u8>), String>,
    },
    Materials(Result<Vec<crate::api::calls::Material>, String>),
    /// Fresh lengths and titles of media (GetVideoInfos).
    /// Found media, and the IDs VOD says do not exist.
    Infos(InfosResult),
    /// The status check before Produce (GetVideoInfos of the media used).
    MediaChecked(InfosResult),
}

/// GetVideoInfos' answer: the media found and the IDs VOD does not know, or why it failed.
pub type InfosResult = Result<(Vec<crate::api::calls::VideoInfo>, Vec<String>), String>;

/// Where the Produce flow stands.
#[derive(Clone, Debug, Default)]
pub enum Step {
    #[default]
    Idle,
    /// Validation found errors: nothing can be sent.
    Blocked(Vec<Problem>),
    /// Only warnings: the user may go on.
    Warned(Vec<Problem>),
    /// Asking VOD whether the media used are Normal (before the confirmation).
    Checking,
    /// The billed-production confirmation.
    Confirm,
    InFlight,
    Done(Outcome),
}

#[derive(Clone, Debug)]
pub struct Outcome {
    pub ids: Option<ProduceResult>,
    pub error: Option<String>,
    pub unknown: bool,
    pub job_id: String,
}

pub struct Cloud {
    pub tasks: Tasks<Event>,
    pub settings: Settings,
    pub data_dir: Option<PathBuf>,
    /// Credentials typed in for this session; never written anywhere.
    pub session: Option<Credentials>,
    pub step: Step,
    pub jobs: Vec<Job>,
    pub last_poll: Option<f64>,
    pub test_result: Option<Result<String, String>>,
    pub toast: Option<(String, f64)>,
    pub settings_open: bool,
    pub timeout: Duration,
    /// Where cover thumbnails are cached on disk.
    pub thumbs: Option<crate::store::thumb_cache::ThumbCache>,
    /// For cover downloads (shared connection pool).
    pub http: Option<reqwest::Client>,
    /// Whether the preview and the clips fetch real pictures (tests of other parts turn it
    /// off, so their loopback server sees only the requests they make).
    pub footage: bool,
    /// Remembered keys in the system keychain (tests put in a memory store).
    pub keychain: crate::ui::keys::Keychain,
    /// Talking to the sandbox (`vodcut --sandbox`): said in the title, the menu bar and jobs.
    pub sandbox: bool,
}

impl Cloud {
    pub fn new(data_dir: Option<PathBuf>, settings: Settings) -> Self {
        Cloud {
            tasks: Tasks::default(),
            settings,
            data_dir,
            session: None,
            step: Step::Idle,
            jobs: Vec::new(),
            last_poll: None,
            test_result: None,
            toast: None,
            settings_open: false,
            timeout: Duration::from_secs(30),
            thumbs: crate::store::thumb_cache::cache_dir()
                .map(|d| crate::store::thumb_cache::ThumbCache::new(&d, crate::store::thumb_cache::DEFAULT_MAX_BYTES)),
            http: Some(crate::api::http::download_client(Duration::from_secs(20))),
            footage: true,
            keychain: Default::default(),
            sandbox: crate::sandbox::active().is_some(),
        }
    }

    pub fn connection(&self, region: &str) -> Connection {
        Connection {
            choice: self.settings.credentials.clone(),
            session: self.session.clone(),
            region: region.to_owned(),
            endpoint: self.settings.endpoint.clone(),
            allow_insecure_http: self.settings.allow_insecure_http,
            timeout: self.timeout,
            signature: self.settings.signature,
        }
    }

    fn store(&self) -> Option<JobStore> {
        self.data_dir.as_deref().map(JobStore::new)
    }

    pub fn producing(&self) -> bool {
        self.tasks.is_running(Kind::Produce) || matches!(self.step, Step::InFlight)
    }

    /// Sends the production. Returns false if one is already in flight (a double click sends
    /// one request).
    pub fn produce(&mut self, project: Project, file: Option<PathBuf>) -> bool {
        if self.producing() {
            return false;
        }
        let conn = self.connection(&project.region);
        let store = self.store();
        let started = self.tasks.spawn(Kind::Produce, true, async move {
            let Some(store) = store else { return Event::NotSent(t!("cloud-no-data-folder-jobs")) };
            let client = match conn.client() {
                Ok(c) => c,
                Err(e) => return Event::NotSent(e.to_string()),
            };
            match crate::workflow::produce(&client, &store, &project, file.as_deref(), &conn.region).await {
                Err(e) => Event::NotSent(t!("cloud-not-recorded", error = e.to_string())),
                Ok(p) => {
                    let unknown = matches!(p.result, Err(ApiError::OutcomeUnknown { .. }));
                    Event::Produced { job: Box::new(p.job), result: p.result.map_err(|e| e.to_string()), unknown }
                }
            }
        });
        if started {
            self.step = Step::InFlight;
        }
        started
    }

    pub fn load_jobs(&mut self) {
        let Some(store) = self.store() else { return };
        self.tasks.spawn(Kind::Jobs, true, async move { Event::Jobs(store.list().0) });
    }

    /// Asks the service about every job still producing.
    pub fn refresh_jobs(&mut self, now: f64) {
        let active: Vec<Job> = self.jobs.iter().filter(|j| j.is_active()).cloned().collect();
        let Some(store) = self.store() else { return };
        if active.is_empty() {
            return;
        }
        self.last_poll = Some(now);
        let base = self.connection("cn-shanghai");
        self.tasks.spawn(Kind::Refresh, true, async move {
            let mut out = Vec::new();
            for mut job in active {
                // Ask where the job was sent.
                let conn = Connection { region: job.region.clone(), endpoint: job.endpoint.clone(), ..base.clone() };
                let result = match conn.client() {
                    Ok(client) => crate::workflow::refresh(&client, &store, &mut job).await.map_err(|e| e.to_string()),
                    Err(e) => Err(e.to_string()),
                };
                out.push((job, result.err()));
            }
            Event::Refreshed(out)
        });
    }

    /// Polls while anything is producing.
    pub fn poll_if_due(&mut self, now: f64) {
        let due = self.last_poll.is_none_or(|t| now - t >= POLL_EVERY);
        if due && !self.tasks.is_running(Kind::Refresh) && self.jobs.iter().any(Job::is_active) {
            self.refresh_jobs(now);
        }
    }

    pub fn test_connection(&mut self, region: &str) {
        let conn = self.connection(region);
        self.test_result = None;
        self.tasks.spawn(Kind::TestConnection, true, async move {
            let client = match conn.client() {
                Ok(c) => c,
                Err(e) => return Event::Tested(Err(e.to_string())),
            };
            let query = ProjectQuery { page_size: Some(1), ..Default::default() };
            Event::Tested(match client.search_editing_project(&query).await {
                Ok((total, _)) => Ok(t!(
                    "cloud-connected",
                    endpoint = client.endpoint().to_string(),
                    id = client.credentials().masked_id(),
                    total = total
                )),
                Err(e) => Err(e.to_string()),
            })
        });
    }

    /// Loads a cloud project's Timeline (GetEditingProject) into a new document.
    pub fn open_cloud_project(&mut self, project_id: String, region: String) {
        let conn = self.connection(&region);
        self.tasks.spawn(Kind::OpenCloudProject, true, async move {
            let result = async {
                let client = conn.client().map_err(|e| e.to_string())?;
                let p = client.get_editing_project(&project_id).await.map_err(|e| e.to_string())?;
                let timeline = p.timeline.filter(|t| !t.trim().is_empty()).ok_or_else(|| t!("cloud-no-timeline"))?;
                let mut project = crate::model::export::import_timeline_value(serde_json::Value::String(timeline))
                    .map_err(|e| crate::i18n::describe::import_error(&e))?;
                project.project_id = Some(project_id);
                project.title = p.title;
                project.description = p.description;
                project.region = conn.region.clone();
                Ok(Box::new(project))
            };
            Event::CloudProject(result.await)
        });
    }

    /// One page of the library.
    pub fn search_media(&mut self, page: usize, query: crate::api::calls::MediaQuery, region: &str) {
        let conn = self.connection(region);
        self.tasks.spawn(Kind::Library, false, async move {
            let result = async { conn.client()?.search_media(&query).await }.await.map_err(|e| e.to_string());
            Event::Media { page, result }
        });
    }

    /// Downloads (or reads from the disk cache) and decodes one cover, off the UI thread.
    pub fn load_thumb(&mut self, url: String) -> bool {
        let (cache, http) = (self.thumbs.clone(), self.http.clone());
        self.tasks.spawn(Kind::Thumb, false, async move {
            let result = async {
                let cached = match &cache {
                    Some(c) => {
                        let (c, u) = (c.clone(), url.clone());
                        tokio::task::spawn_blocking(move || c.get(&u)).await.ok().flatten()
                    }
                    None => None,
                };
                let bytes = match cached {
                    Some(b) => b,
                    None => {
                        let http = http.ok_or_else(|| t!("cloud-thumb-no-http"))?;
                        // Checked (http or https only), streamed and capped like every picture.
                        let what = t!("cloud-thumb-url");
                        let cap = crate::api::http::PICTURE_CAP;
                        let b = crate::api::http::download(&http, &what, &url, cap).await.map_err(|(_, e)| e)?;
                        if let Some(c) = &cache {
                            let (c, u, b2) = (c.clone(), url.clone(), b.clone());
                            let _ = tokio::task::spawn_blocking(move || c.put(&u, &b2)).await;
                        }
                        b
                    }
                };
                tokio::task::spawn_blocking(move || decode_thumb(&bytes)).await.map_err(|e| e.to_string())?
            }
            .await;
            Event::Thumb { url, result }
        })
    }

    pub fn project_materials(&mut self, project_id: String, region: &str) {
        let conn = self.connection(region);
        self.tasks.spawn(Kind::Library, false, async move {
            Event::Materials(
                async { conn.client()?.get_editing_project_materials(&project_id).await }
                    .await
                    .map_err(|e| e.to_string()),
            )
        });
    }

    /// Fresh lengths and titles of media (answer: [`Event::Infos`]).
    pub fn video_infos(&mut self, ids: Vec<String>, region: &str) {
        self.get_video_infos(ids, region, Event::Infos);
    }

    /// Asks VOD for the status of `ids` before Produce (answer: [`Event::MediaChecked`]).
    pub fn check_media(&mut self, ids: Vec<String>, region: &str) -> bool {
        self.get_video_infos(ids, region, Event::MediaChecked)
    }

    /// GetVideoInfos of `ids` in the background, the answer wrapped by `event`.
    fn get_video_infos(&mut self, ids: Vec<String>, region: &str, event: fn(InfosResult) -> Event) -> bool {
        let conn = self.connection(region);
        self.tasks.spawn(Kind::Library, false, async move {
            let result = match conn.client() {
                Ok(client) => client.get_video_infos_batched(&ids).await.map_err(|e| e.to_string()),
                Err(e) => Err(e.to_string()),
            };
            event(result)
        })
    }

    pub fn recovery(&self) -> Option<crate::store::recovery::Recovery> {
        self.data_dir.as_deref().map(crate::store::recovery::Recovery::new)
    }

    /// Looks for unsaved work left by an earlier run (in the background: start-up never waits).
    pub fn scan_recovery(&mut self) {
        let Some(rec) = self.recovery() else { return };
        self.tasks.spawn(Kind::Recovery, true, async move { Event::Recovered(rec.scan()) });
    }

    /// Saves the settings in the background (never on the UI thread).
    pub fn save_settings(&self) {
        let (settings, dir) = (self.settings.clone(), self.data_dir.clone());
        if let Some(dir) = dir {
            std::thread::spawn(move || {
                if let Err(e) = settings.save(&dir) {
                    log::warn!("could not save settings: {e}");
                }
            });
        }
    }

    pub fn remember(&mut self, path: &Path) {
        self.settings.remember(path);
        self.save_settings();
    }
}

/// Decodes a cover and shrinks it to a thumbnail (at most 160 px wide).
pub fn decode_thumb(bytes: &[u8]) -> Result<([usize; 2], Vec<u8>), String> {
    let img = image::load_from_memory(bytes).map_err(|e| t!("cloud-thumb-not-picture", error = e.to_string()))?;
    let img = if img.width() > 160 { img.thumbnail(160, 160) } else { img };
    let rgba = img.to_rgba8();
    Ok(([rgba.width() as usize, rgba.height() as usize], rgba.into_raw()))
}
