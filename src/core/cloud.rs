//! The editor's session with the cloud: its settings, the background calls (on the core's
//! executor) and their answers, the produce steps, the jobs list and its polling. The editor
//! draws them (`ui/produce.rs`, `ui/jobs.rs`, `ui/account.rs`); nothing here draws.

use super::connect::Connection;
use super::env::Env;
use super::executor::{Executor, Kind, Tasks};
use super::jobs::Polling;
use super::lost::Earlier;
use super::produce::{InfosResult, Step};
use crate::api::calls::ProduceResult;
use crate::api::credentials::Credentials;
use crate::api::{ApiError, calls::ProjectQuery};
use crate::model::Project;
use crate::store::jobs::{Job, JobStore};
use crate::store::settings::Settings;
use crate::t;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

pub enum Event {
    Produced {
        job: Box<Job>,
        result: Result<ProduceResult, String>,
        unknown: bool,
        /// What an earlier send whose answer was lost became (`core::lost`): nothing was sent.
        earlier: bool,
        /// The hash of the Timeline sent, kept as the cloud project's base (`core::sync`);
        /// None when it could not be kept (the next check is then two-way).
        base: Option<String>,
    },
    /// The cloud project read before its Timeline is replaced, compared with the base, and
    /// the hash of the cloud's Timeline.
    SyncChecked(Result<(Box<super::sync::Sync>, String), String>),
    /// A Timeline taken from the cloud was kept as the base: its hash (or why not).
    BaseKept(Result<String, String>),
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
    /// Fresh lengths and titles of media (GetVideoInfos): found media, and the IDs VOD says
    /// do not exist.
    Infos(InfosResult),
    /// The status check before Produce (GetVideoInfos of the media used).
    MediaChecked(InfosResult),
    /// The settings were written (or why not).
    SettingsSaved(Result<(), String>),
    /// The account's lists for the pickers (template groups, categories, applications).
    Account(Result<Box<crate::model::account::AccountLists>, String>),
    /// Save to cloud finished: what it did and the hash of the Timeline saved, kept as the
    /// base (None when it could not be kept), or why nothing (known) was saved.
    SavedToCloud(Result<(super::cloudproj::Pushed, Option<String>), String>),
    /// A page of cloud projects (the total that match, the page), or why not.
    CloudProjects(Result<(u64, Vec<crate::api::calls::EditingProject>), String>),
    /// A cloud project was deleted (its title), or why not.
    CloudProjectDeleted(Result<String, String>),
}

pub struct Cloud {
    /// Where this runs: folders, endpoint, credential source, real or sandbox.
    pub env: Arc<Env>,
    pub tasks: Tasks<Event>,
    pub settings: Settings,
    /// Credentials typed in for this session; never written anywhere.
    pub session: Option<Credentials>,
    pub step: Step,
    pub jobs: Vec<Job>,
    pub polling: Polling,
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
    pub keychain: super::keys::Keychain,
    /// Talking to the sandbox (`vodcut --sandbox`): said in the title, the menu bar and jobs.
    pub sandbox: bool,
    /// What the production form's pickers offer.
    pub account: AccountState,
}

/// The account's lists as the pickers see them: the last ones had, why the last asking
/// failed, and for which region they were asked (another region is another list).
#[derive(Clone, Debug, Default)]
pub struct AccountState {
    pub lists: Option<crate::model::account::AccountLists>,
    pub error: Option<String>,
    /// The region the lists (or the error) are of; `None`: never asked.
    pub region: Option<String>,
}

impl Cloud {
    /// The session in `env`, its background work on a new executor.
    pub fn new(env: Env, settings: Settings) -> Self {
        Cloud::on(Executor::new(), env, settings)
    }

    /// The session in `env`, its background work on `executor`.
    pub fn on(executor: Executor, env: Env, settings: Settings) -> Self {
        let thumbs = env
            .cache_dir
            .as_deref()
            .map(|d| crate::store::thumb_cache::ThumbCache::new(d, crate::store::thumb_cache::DEFAULT_MAX_BYTES));
        Cloud {
            sandbox: env.is_sandbox(),
            keychain: super::keys::Keychain::new(executor.clone()),
            tasks: Tasks::new(executor),
            env: Arc::new(env),
            settings,
            session: None,
            step: Step::Idle,
            jobs: Vec::new(),
            polling: Polling::default(),
            test_result: None,
            toast: None,
            settings_open: false,
            timeout: Duration::from_secs(30),
            thumbs,
            http: Some(crate::api::http::download_client(Duration::from_secs(20))),
            footage: true,
            account: AccountState::default(),
        }
    }

    /// Asks for the account's lists for `region` in the background: from the cache folder
    /// unless `refresh` (or there are none), else from VOD. Nothing when an asking is going.
    pub fn fetch_account(&mut self, region: &str, refresh: bool) {
        if self.tasks.is_running(Kind::Account) {
            return;
        }
        self.account.region = Some(region.to_owned());
        self.account.error = None;
        let conn = self.connection(region);
        self.tasks.spawn(Kind::Account, false, async move {
            let r = super::account::lists(&conn, refresh).await;
            Event::Account(r.map(|(lists, _)| Box::new(lists)).map_err(|e| e.to_string()))
        });
    }

    /// Takes in the lists (or why they could not be had).
    pub fn on_account(&mut self, result: Result<Box<crate::model::account::AccountLists>, String>) {
        match result {
            Ok(lists) => self.account.lists = Some(*lists),
            Err(e) => self.account.error = Some(e),
        }
    }

    /// The executor all the editor's background work runs on.
    pub fn executor(&self) -> &Executor {
        self.tasks.executor()
    }

    /// The data folder (job history, settings, recovery, upload checkpoints).
    pub fn data_dir(&self) -> Option<&Path> {
        self.env.data_dir.as_deref()
    }

    pub fn connection(&self, region: &str) -> Connection {
        Connection {
            env: self.env.clone(),
            choice: self.settings.credentials.clone(),
            session: self.session.clone(),
            region: region.to_owned(),
            endpoint: self.settings.endpoint.clone(),
            allow_insecure_http: self.settings.allow_insecure_http,
            timeout: self.timeout,
            signature: self.settings.signature,
        }
    }

    /// The job history (in the data folder).
    pub fn store(&self) -> Option<JobStore> {
        self.env.job_store()
    }

    pub fn producing(&self) -> bool {
        self.tasks.is_running(Kind::Produce) || matches!(self.step, Step::InFlight)
    }

    /// Sends the production. Returns false if one is already in flight (a double click sends
    /// one request). An earlier send of the project whose answer was lost is looked for
    /// first: found or in doubt, nothing is sent (the user may then say `produce_anyway`).
    pub fn produce(&mut self, project: Project, file: Option<PathBuf>) -> bool {
        self.produce_with(project, file, false)
    }

    /// Sends the production even though an earlier send's production is in doubt (the user
    /// said so, knowing it may be billed twice).
    pub fn produce_anyway(&mut self, project: Project, file: Option<PathBuf>) -> bool {
        self.produce_with(project, file, true)
    }

    fn produce_with(&mut self, project: Project, file: Option<PathBuf>, resend: bool) -> bool {
        if self.producing() {
            return false;
        }
        let conn = self.connection(&project.region);
        let store = self.store();
        let bases = super::sync::bases(self.data_dir());
        let started = self.tasks.spawn(Kind::Produce, true, async move {
            let Some(store) = store else { return Event::NotSent(t!("cloud-no-data-folder-jobs")) };
            let client = match conn.client() {
                Ok(c) => c,
                Err(e) => return Event::NotSent(e.to_string()),
            };
            if !resend {
                match super::lost::earlier(&client, &store, &project, file.as_deref(), &conn.region).await {
                    Earlier::Clear => {}
                    Earlier::Found(job) => {
                        let ids = ProduceResult {
                            request_id: job.request_id.clone().unwrap_or_default(),
                            media_id: job.media_id.clone().unwrap_or_default(),
                            project_id: job.project_id.clone().unwrap_or_default(),
                        };
                        return Event::Produced { job, result: Ok(ids), unknown: false, earlier: true, base: None };
                    }
                    Earlier::InDoubt { job, why } => {
                        let said = t!("cloud-earlier-in-doubt", job = job.id.as_str(), why = why);
                        return Event::Produced { job, result: Err(said), unknown: true, earlier: true, base: None };
                    }
                }
            }
            match super::produce::send(&client, &store, &project, file.as_deref(), &conn.region).await {
                Err(e) => Event::NotSent(t!("cloud-not-recorded", error = e.to_string())),
                Ok(p) => {
                    let unknown = matches!(p.result, Err(ApiError::OutcomeUnknown { .. }));
                    let base = match &p.result {
                        Ok(r) => keep_sent_base(bases.clone(), &project, &r.project_id, &conn.region).await,
                        Err(_) => None,
                    };
                    let result = p.result.map_err(|e| e.to_string());
                    Event::Produced { job: Box::new(p.job), result, unknown, earlier: false, base }
                }
            }
        });
        if started {
            self.step = Step::InFlight;
        }
        started
    }

    /// Reads the cloud project of `project` and compares it with the base this machine keeps
    /// (answer: [`Event::SyncChecked`]); the disk and the network off the UI thread.
    pub fn check_sync(&mut self, project: Project) -> bool {
        let conn = self.connection(&project.region);
        let bases = super::sync::bases(self.data_dir());
        // Not exclusive: a check still running after its dialog was cancelled must not stop
        // the next one (its answer, about the same cloud project, serves either).
        self.tasks.spawn(Kind::Sync, false, async move {
            let result = async {
                let client = conn.client().map_err(|e| e.to_string())?;
                let (p, region) = (project.clone(), conn.region.clone());
                let base = tokio::task::spawn_blocking(move || {
                    bases.as_ref().and_then(|b| super::sync::load_base(b, &p, &region))
                })
                .await
                .ok()
                .flatten();
                let sync = super::sync::check(&client, &project, base.as_ref()).await.map_err(|e| e.to_string())?;
                // Hashing a large Timeline is work the UI thread should not do.
                let hash = sync.theirs().map(super::sync::hash_of).unwrap_or_default();
                Ok((Box::new(sync), hash))
            };
            Event::SyncChecked(result.await)
        })
    }

    /// Keeps `tl` (taken from the cloud) as the base of `project_id` (answer:
    /// [`Event::BaseKept`] with its hash for the project).
    pub fn keep_base(&mut self, project_id: String, region: String, tl: crate::model::wire::Timeline) {
        let bases = super::sync::bases(self.data_dir());
        self.tasks.spawn_blocking(Kind::SyncBase, false, move || {
            let Some(bases) = bases else { return Event::BaseKept(Err(t!("core-no-data-folder"))) };
            let mut p = Project { project_id: Some(project_id), ..Project::default() };
            Event::BaseKept(
                super::sync::record(&bases, &mut p, &region, &tl)
                    .map(|()| p.sync_base.unwrap_or_default())
                    .map_err(|e| e.to_string()),
            )
        });
    }

    pub fn load_jobs(&mut self) {
        let Some(store) = self.store() else { return };
        self.tasks.spawn_blocking(Kind::Jobs, true, move || Event::Jobs(store.list().0));
    }

    /// Asks the service about every job still producing.
    pub fn refresh_jobs(&mut self, now: f64) {
        let active: Vec<Job> = self.jobs.iter().filter(|j| j.is_active()).cloned().collect();
        let Some(store) = self.store() else { return };
        if active.is_empty() {
            return;
        }
        self.polling.last = Some(now);
        let base = self.connection(crate::model::project::DEFAULT_REGION);
        self.tasks.spawn(Kind::Refresh, true, async move {
            Event::Refreshed(super::jobs::refresh_all(&base, &store, active).await)
        });
    }

    /// Polls while anything is producing.
    pub fn poll_if_due(&mut self, now: f64) {
        if !self.tasks.is_running(Kind::Refresh) && self.polling.due(now, &self.jobs) {
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
        let bases = super::sync::bases(self.data_dir());
        self.tasks.spawn(Kind::OpenCloudProject, true, async move {
            let result = async {
                let client = conn.client().map_err(|e| e.to_string())?;
                let mut project =
                    super::cloudproj::pull(&client, &project_id, &conn.region).await.map_err(|e| e.message)?;
                // What was received is the base the next production compares the cloud with.
                if let Some(bases) = &bases {
                    let tl = super::sync::normal(&project);
                    if let Err(e) = super::sync::record(bases, &mut project, &conn.region, &tl) {
                        log::warn!("sync base not kept: {e}");
                    }
                }
                Ok(Box::new(project))
            };
            Event::CloudProject(result.await)
        });
    }

    /// Saves `project` to the cloud (not billed: never produces). False if a save is already
    /// under way (a double click saves once).
    pub fn save_to_cloud(&mut self, project: Project, fallback_title: String) -> bool {
        let conn = self.connection(&project.region);
        let bases = super::sync::bases(self.data_dir());
        self.tasks.spawn(Kind::SaveToCloud, true, async move {
            let result = async {
                let client = conn.client().map_err(|e| e.to_string())?;
                let pushed =
                    super::cloudproj::push(&client, &project, &fallback_title).await.map_err(|e| e.to_string())?;
                let base = keep_sent_base(bases, &project, &pushed.project_id, &conn.region).await;
                Ok((pushed, base))
            };
            Event::SavedToCloud(result.await)
        })
    }

    /// A page of the account's cloud projects (answer: [`Event::CloudProjects`]).
    pub fn list_cloud_projects(&mut self, search: super::cloudproj::Search, region: &str) -> bool {
        let conn = self.connection(region);
        self.tasks.spawn(Kind::CloudProjects, true, async move {
            let result = async {
                let client = conn.client().map_err(|e| e.to_string())?;
                super::cloudproj::list(&client, &search).await.map_err(|e| e.message)
            };
            Event::CloudProjects(result.await)
        })
    }

    /// Deletes one cloud project (answer: [`Event::CloudProjectDeleted`], with `title`).
    pub fn delete_cloud_project(&mut self, project_id: String, title: String, region: &str) -> bool {
        let conn = self.connection(region);
        self.tasks.spawn(Kind::CloudProjects, true, async move {
            let result = async {
                let client = conn.client().map_err(|e| e.to_string())?;
                super::cloudproj::delete(&client, &[project_id]).await.map(|()| title).map_err(|e| e.message)
            };
            Event::CloudProjectDeleted(result.await)
        })
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

    /// Asks VOD for the status of the media of `preflight` before Produce (answer:
    /// [`Event::MediaChecked`]), as the command line's `submit` does.
    pub fn check_media(&mut self, media: Vec<String>, region: &str) -> bool {
        let conn = self.connection(region);
        self.tasks.spawn(Kind::Check, false, async move {
            Event::MediaChecked(super::produce::ask_status(&conn, &media).await)
        })
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
        self.data_dir().map(crate::store::recovery::Recovery::new)
    }

    /// Looks for unsaved work left by an earlier run (in the background: start-up never waits).
    pub fn scan_recovery(&mut self) {
        let Some(rec) = self.recovery() else { return };
        self.tasks.spawn_blocking(Kind::Recovery, true, move || Event::Recovered(rec.scan()));
    }

    /// Saves the settings in the background (never on the UI thread).
    pub fn save_settings(&mut self) {
        let (settings, dir) = (self.settings.clone(), self.data_dir().map(Path::to_owned));
        if let Some(dir) = dir {
            self.tasks.spawn_blocking(Kind::Settings, false, move || {
                let saved = settings.save(&dir).map_err(|e| e.to_string());
                if let Err(e) = &saved {
                    log::warn!("could not save settings: {e}");
                }
                Event::SettingsSaved(saved)
            });
        }
    }

    /// Runs `work` on the executor's blocking pool (the disk), its outcome only logged.
    pub fn in_background(&self, work: impl FnOnce() + Send + 'static) {
        if !self.executor().spawn_blocking(work) {
            log::warn!("{}", self.executor().error().unwrap_or_default());
        }
    }

    pub fn remember(&mut self, path: &Path) {
        self.settings.remember(path);
        self.save_settings();
    }
}

/// Decodes a cover and shrinks it to a thumbnail (at most 160 px wide).
/// Keeps the Timeline of `project`, just sent to the cloud project `project_id` (by a
/// production or a save), as that project's base (`core::sync`), off the async threads: its
/// hash, or None when it could not be kept (the next check is then two-way).
async fn keep_sent_base(
    bases: Option<crate::store::sync_base::SyncBases>,
    project: &Project,
    project_id: &str,
    region: &str,
) -> Option<String> {
    let bases = bases.filter(|_| !project_id.is_empty())?;
    let mut sent = project.clone();
    sent.project_id = Some(project_id.to_owned());
    let tl = super::sync::normal(&sent);
    let region = region.to_owned();
    let kept = tokio::task::spawn_blocking(move || {
        super::sync::record(&bases, &mut sent, &region, &tl).map(|()| sent.sync_base)
    })
    .await;
    match kept {
        Ok(Ok(hash)) => hash,
        Ok(Err(e)) => {
            log::warn!("sync base not kept: {e}");
            None
        }
        Err(_) => None,
    }
}

pub fn decode_thumb(bytes: &[u8]) -> Result<([usize; 2], Vec<u8>), String> {
    let img = image::load_from_memory(bytes).map_err(|e| t!("cloud-thumb-not-picture", error = e.to_string()))?;
    let img = if img.width() > 160 { img.thumbnail(160, 160) } else { img };
    let rgba = img.to_rgba8();
    Ok(([rgba.width() as usize, rgba.height() as usize], rgba.into_raw()))
}
