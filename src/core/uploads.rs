//! The upload queue: local files going to VOD, run one file at a time in the background (its
//! parts in parallel), each followed after the upload until VOD says Normal. Resumable: an
//! interrupted file continues from its confirmed parts (the checkpoints in the data folder).
//! The editor drives it every frame (its Uploads window shows per-file and total progress,
//! speed, time left, pause, resume and cancel; the bin shows each new media's state);
//! `vodcut media upload` drives it until every file is done. Nothing here waits on disk or
//! network: the work runs on the core's executor, which wakes the face.

use super::connect::Connection;
use super::executor::Executor;
use crate::api::calls::VideoInfo;
use crate::model::Time;
use crate::t;
use crate::upload::check::check_file;
use crate::upload::{
    Control, FileRequest, MediaKind, Progress, Speed, StateStore, UploadConfig, UploadError, Uploaded,
};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::sync::mpsc::{Receiver, Sender, channel};

/// How often a media still processing is looked at.
pub const FOLLOW_EVERY: f64 = 3.0;

/// Where a file dropped on a track goes once its MediaId is known. Several files dropped
/// together follow each other: each after the one dropped before it (`after`, an item id),
/// wherever that one's clip ends up.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Placement {
    pub track: usize,
    pub at: Time,
    pub after: Option<u64>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ItemState {
    Queued,
    Uploading,
    Paused,
    /// The file changed since its upload began: the user decides.
    Changed(String),
    /// Uploaded; VOD's status while it processes (UploadSucc, Transcoding...).
    Processing(String),
    Ready,
    Failed(String),
    Cancelled,
}

pub struct Item {
    pub id: u64,
    pub path: PathBuf,
    pub name: String,
    pub kind: Option<MediaKind>,
    pub progress: Arc<Progress>,
    control: Arc<Control>,
    pub state: ItemState,
    speed: Speed,
    pub media_id: Option<String>,
    pub placement: Option<Placement>,
    restart: bool,
    next_follow: f64,
    pub duration: Option<f64>,
    /// The length ffmpeg reads from the local file (before VOD knows it): the clip dropped on
    /// a track gets its real length at once.
    pub local_duration: Option<Time>,
    /// Whether the local length was looked for (images and a missing ffmpeg count as looked).
    pub probed: bool,
    /// Whether the editor was told of its MediaId ([`Happening::Created`]).
    announced: bool,
    /// What to send beyond the path (a title, tags), when the face asked for more.
    request: Option<FileRequest>,
    /// When its upload began and ended (the face reports the speed).
    pub started: Option<std::time::Instant>,
    pub finished: Option<std::time::Instant>,
    /// What VOD made of it, once uploaded (size, parts, parts an earlier run had sent).
    pub uploaded: Option<Uploaded>,
    /// Why its last upload failed (the command line's exit code says which kind).
    pub failure: Option<UploadError>,
}

impl Item {
    /// The word the bin shows: `uploading 42 %`, `transcoding`, `ready`…
    pub fn label(&self) -> String {
        match &self.state {
            ItemState::Queued => t!("cloud-up-queued"),
            ItemState::Uploading if self.media_id.is_none() => t!("cloud-up-starting"),
            ItemState::Uploading if self.progress.fraction() >= 1.0 => t!("cloud-up-finishing"),
            ItemState::Uploading => t!("cloud-up-uploading", percent = percent(self.progress.fraction())),
            ItemState::Paused => t!("cloud-up-paused-at", percent = percent(self.progress.fraction())),
            ItemState::Changed(_) => t!("cloud-up-changed"),
            ItemState::Processing(s) => crate::api::calls::media_status_words(s),
            ItemState::Ready => t!("cloud-up-ready"),
            ItemState::Failed(_) => t!("cloud-up-failed"),
            ItemState::Cancelled => t!("cloud-up-cancelled"),
        }
    }

    /// Waiting to become a clip on the track it was dropped on (drawn there meanwhile).
    pub fn awaiting_clip(&self) -> bool {
        self.placement.is_some()
            && !self.announced
            && !matches!(self.state, ItemState::Failed(_) | ItemState::Cancelled)
    }

    /// How fast it goes (sampled while it uploads).
    pub fn speed(&self) -> &Speed {
        &self.speed
    }

    pub fn active(&self) -> bool {
        matches!(self.state, ItemState::Queued | ItemState::Uploading | ItemState::Processing(_))
    }
}

/// "42" for 0.42: a whole percentage, as the progress texts show it.
pub fn percent(fraction: f32) -> String {
    format!("{:.0}", fraction * 100.0)
}

enum Msg {
    Finished(u64, Result<Uploaded, UploadError>),
    Followed(u64, Box<Result<VideoInfo, String>>),
    /// The local file's length (None: ffmpeg missing or the file has none).
    Probed(u64, Option<Time>),
}

/// What the editor should do to the document.
#[derive(Clone, Debug, PartialEq)]
pub enum Happening {
    /// VOD made the media: put it in the bin (and on its track when dropped on one).
    Created {
        /// The upload item (its placement may follow another item's clip).
        item: u64,
        media_id: String,
        kind: MediaKind,
        title: String,
        placement: Option<Placement>,
        /// The local file's length when already read.
        local_duration: Option<Time>,
    },
    /// The local file's length arrived after its MediaId: the bin entry gets it until VOD
    /// says its own.
    Measured {
        media_id: String,
        duration: Time,
    },
    /// VOD says Normal: fill in the length.
    Ready {
        info: Box<VideoInfo>,
    },
    Failed {
        name: String,
        error: String,
    },
}

pub struct Uploads {
    pub items: Vec<Item>,
    tx: Sender<Msg>,
    rx: Receiver<Msg>,
    executor: Executor,
    store: Option<StateStore>,
    pub config: UploadConfig,
    next_id: u64,
    /// The editor's Uploads window is open (it opens when files are added).
    pub window_open: bool,
    /// The typed-paths field of the window (works without a desktop file dialog).
    pub paths_text: String,
    pub error: Option<String>,
    start: Option<std::time::Instant>,
    /// The ffmpeg program that reads local lengths (empty: `ffmpeg` on PATH).
    pub ffmpeg: Option<PathBuf>,
    /// Follow each upload until VOD says Normal (the editor; `media upload` only with `--wait`).
    pub follow: bool,
    /// Read each local file's length with ffmpeg (the editor places clips with it at once).
    pub probe: bool,
    /// The application new media go to when their request names none: the editor sets the
    /// project's AppId, as production and the library search use it.
    pub app_id: String,
}

impl Uploads {
    /// A queue whose checkpoints are in `data_dir`, its work on `executor`.
    pub fn new(data_dir: Option<PathBuf>, executor: Executor) -> Self {
        let (tx, rx) = channel();
        Uploads {
            items: Vec::new(),
            tx,
            rx,
            executor,
            store: data_dir.as_deref().map(StateStore::new),
            config: UploadConfig::default(),
            next_id: 1,
            window_open: false,
            paths_text: String::new(),
            error: None,
            start: None,
            ffmpeg: None,
            follow: true,
            probe: true,
            app_id: String::new(),
        }
    }

    /// Adds files for a file request of their own (a title, tags, a category, a restart), as
    /// `media upload` does; checked and queued as [`Uploads::add`] does. The item's id.
    pub fn add_request(&mut self, req: FileRequest) -> Result<u64, String> {
        let restart = req.restart;
        let path = req.path.clone();
        if let Some(r) = self.add(vec![path], None).pop() {
            return Err(r);
        }
        let item = self.items.last_mut().expect("just added");
        item.restart = restart;
        item.request = Some(req);
        Ok(item.id)
    }

    /// Queues files; the ones VOD cannot take are refused here with the reason. With a
    /// placement, the first file goes there and each next one after the one before.
    pub fn add(&mut self, paths: Vec<PathBuf>, placement: Option<Placement>) -> Vec<String> {
        let mut refused = Vec::new();
        let mut placement = placement;
        for path in paths {
            // The cheap checks (extension) here; the file itself is checked in the background.
            let kind = crate::upload::check::kind_of(&path);
            if kind.is_none() {
                refused.push(
                    check_file(&path)
                        .err()
                        .unwrap_or_else(|| t!("cloud-up-not-media", file = path.display().to_string())),
                );
                continue;
            }
            let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            self.items.push(Item {
                id: self.next_id,
                path,
                name,
                kind,
                progress: Arc::new(Progress::default()),
                control: Arc::new(Control::default()),
                state: ItemState::Queued,
                speed: Speed::default(),
                media_id: None,
                placement,
                restart: false,
                next_follow: 0.0,
                duration: None,
                local_duration: None,
                probed: kind == Some(MediaKind::Image) || !self.probe,
                announced: false,
                request: None,
                started: None,
                finished: None,
                uploaded: None,
                failure: None,
            });
            if kind != Some(MediaKind::Image) && self.probe {
                self.probe(self.next_id);
            }
            placement = placement.map(|p| Placement { after: Some(self.next_id), ..p });
            self.next_id += 1;
        }
        self.window_open = true;
        refused
    }

    /// Reads the local file's length with ffmpeg in the background (a missing ffmpeg only
    /// means the length waits for VOD).
    fn probe(&mut self, id: u64) {
        let Some(path) = self.items.iter().find(|i| i.id == id).map(|i| i.path.clone()) else { return };
        let (tx, ffmpeg) = (self.tx.clone(), self.ffmpeg.clone());
        let started = self.executor.spawn_blocking(move || {
            let length = crate::media::decode::Ffmpeg::find(ffmpeg.as_deref())
                .ok()
                .and_then(|f| f.duration_of(&path, std::time::Duration::from_secs(20)))
                .and_then(Time::from_secs_f64);
            let _ = tx.send(Msg::Probed(id, length));
        });
        if !started {
            self.no_executor();
        }
    }

    /// The executor could not start: nothing can go on in the background (said once).
    fn no_executor(&mut self) {
        let why = self.executor.error().unwrap_or_default();
        self.error.get_or_insert_with(|| t!("cloud-up-no-runtime", error = why));
    }

    /// media_id -> the state word, for the bin.
    pub fn states(&self) -> std::collections::HashMap<String, String> {
        self.items.iter().filter_map(|i| Some((i.media_id.clone()?, i.label()))).collect()
    }

    /// Media used by `ids` that are not Normal yet: (name, state) to name in a refusal.
    pub fn not_ready<'a>(&self, ids: impl Iterator<Item = &'a str>) -> Vec<(String, String)> {
        let ids: std::collections::HashSet<&str> = ids.collect();
        self.items
            .iter()
            .filter(|i| i.media_id.as_deref().is_some_and(|m| ids.contains(m)) && i.state != ItemState::Ready)
            .map(|i| (i.name.clone(), i.label()))
            .collect()
    }

    fn now(&mut self) -> f64 {
        self.start.get_or_insert_with(std::time::Instant::now).elapsed().as_secs_f64()
    }

    /// Whether anything is still going (uploading, queued, or processing in VOD): the face
    /// keeps calling [`Uploads::update`] meanwhile (the editor repaints every quarter second).
    pub fn busy(&self) -> bool {
        self.items.iter().any(|i| i.active() && (self.follow || !matches!(i.state, ItemState::Processing(_))))
    }

    /// Called every frame: collects results, starts the next file, follows processing media.
    pub fn update(&mut self, conn: Connection) -> Vec<Happening> {
        let now = self.now();
        let mut out = Vec::new();
        while let Ok(msg) = self.rx.try_recv() {
            match msg {
                Msg::Finished(id, r) => {
                    let Some(item) = self.items.iter_mut().find(|i| i.id == id) else { continue };
                    item.finished = Some(std::time::Instant::now());
                    item.state = match r {
                        Ok(u) => {
                            item.media_id = Some(u.media_id.clone());
                            item.progress.done.store(u.size, Ordering::Relaxed);
                            item.uploaded = Some(u.clone());
                            if u.kind == MediaKind::Image {
                                // Images are usable once stored (GetVideoInfo does not know them).
                                ItemState::Ready
                            } else {
                                item.next_follow = now;
                                ItemState::Processing("UploadSucc".into())
                            }
                        }
                        Err(UploadError::Paused) => ItemState::Paused,
                        Err(UploadError::Cancelled) => ItemState::Cancelled,
                        Err(e) if e.needs_restart() => {
                            let state = ItemState::Changed(e.to_string());
                            item.failure = Some(e);
                            state
                        }
                        Err(e) => {
                            out.push(Happening::Failed { name: item.name.clone(), error: e.to_string() });
                            let state = ItemState::Failed(e.to_string());
                            item.failure = Some(e);
                            state
                        }
                    };
                }
                Msg::Probed(id, length) => {
                    let Some(item) = self.items.iter_mut().find(|i| i.id == id) else { continue };
                    item.local_duration = length;
                    item.probed = true;
                    if let (Some(media_id), Some(duration)) = (item.media_id.clone(), length) {
                        out.push(Happening::Measured { media_id, duration });
                    }
                }
                Msg::Followed(id, r) => {
                    let Some(item) = self.items.iter_mut().find(|i| i.id == id) else { continue };
                    match *r {
                        Ok(info) if info.status == "Normal" => {
                            item.state = ItemState::Ready;
                            item.duration = info.duration;
                            out.push(Happening::Ready { info: Box::new(info) });
                        }
                        Ok(info) if matches!(info.status.as_str(), "TranscodeFail" | "UploadFail" | "Blocked") => {
                            let status = crate::api::calls::media_status_words(&info.status);
                            item.state = ItemState::Failed(t!("cloud-up-vod-failed", status = status));
                        }
                        Ok(info) => item.state = ItemState::Processing(info.status),
                        // A failed look is tried again at the next turn.
                        Err(e) => log::info!("following {}: {e}", item.name),
                    }
                    item.next_follow = now + FOLLOW_EVERY;
                }
            }
        }
        // A new MediaId: the bin (and the track it was dropped on) gets it at once; a file
        // dropped after others waits until their lengths are read, so it lands right after them.
        let unprobed: Vec<u64> = self.items.iter().filter(|i| !i.probed).map(|i| i.id).collect();
        for item in &mut self.items {
            let waits = item.placement.is_some_and(|p| p.after.is_some()) && unprobed.iter().any(|&u| u < item.id);
            if !item.announced
                && !waits
                && let Some(id) = item.media_id.clone().or_else(|| item.progress.media_id())
            {
                item.announced = true;
                item.media_id = Some(id.clone());
                let title = crate::upload::check::title_for(&item.path, None).unwrap_or_default();
                out.push(Happening::Created {
                    item: item.id,
                    media_id: id,
                    kind: item.kind.unwrap_or(MediaKind::Video),
                    title,
                    placement: item.placement,
                    local_duration: item.local_duration,
                });
            }
            if item.state == ItemState::Uploading {
                item.speed.sample(now, item.progress.done.load(Ordering::Relaxed));
            }
        }
        if !self.items.iter().any(|i| i.state == ItemState::Uploading)
            && let Some(idx) = self.items.iter().position(|i| i.state == ItemState::Queued)
        {
            self.launch(idx, conn.clone());
        }
        let due: Vec<(u64, String)> = self
            .items
            .iter_mut()
            .filter(|i| matches!(i.state, ItemState::Processing(_)) && i.next_follow <= now)
            .filter_map(|i| {
                i.next_follow = now + 3600.0; // until the answer comes
                Some((i.id, i.media_id.clone()?))
            })
            .collect();
        if self.follow {
            for (id, media_id) in due {
                self.follow(id, media_id, conn.clone());
            }
        }
        out
    }

    fn launch(&mut self, idx: usize, conn: Connection) {
        let Some(store) = self.store.clone() else {
            self.items[idx].state = ItemState::Failed(t!("cloud-up-no-data-folder"));
            return;
        };
        let cfg = UploadConfig { allow_insecure_http: conn.allow_insecure_http, ..self.config.clone() };
        let app_id = Some(self.app_id.trim().to_owned()).filter(|a| !a.is_empty());
        let item = &mut self.items[idx];
        item.state = ItemState::Uploading;
        item.started.get_or_insert_with(std::time::Instant::now);
        item.control.resume();
        let base = item.request.clone().unwrap_or_default();
        let mut req = FileRequest { path: item.path.clone(), restart: std::mem::take(&mut item.restart), ..base };
        req.app_id = req.app_id.or(app_id);
        let (id, progress, control) = (item.id, item.progress.clone(), item.control.clone());
        let tx = self.tx.clone();
        let started = self.executor.spawn(async move {
            let r = match conn.client() {
                Ok(client) => crate::upload::upload_file(&client, &store, &req, &cfg, &control, &progress).await,
                Err(error) => Err(UploadError::Api { path: req.path.display().to_string(), error }),
            };
            let _ = tx.send(Msg::Finished(id, r));
        });
        if !started {
            self.items[idx].state = ItemState::Failed(self.executor.error().unwrap_or_default());
            self.no_executor();
        }
    }

    fn follow(&mut self, id: u64, media_id: String, conn: Connection) {
        let tx = self.tx.clone();
        let started = self.executor.spawn(async move {
            let r = async { conn.client()?.get_video_info(&media_id).await }.await.map_err(|e| e.to_string());
            let _ = tx.send(Msg::Followed(id, Box::new(r)));
        });
        if !started {
            self.no_executor();
        }
    }

    pub fn pause(&mut self, id: u64) {
        if let Some(i) = self.items.iter_mut().find(|i| i.id == id) {
            match i.state {
                ItemState::Uploading => i.control.pause(),
                ItemState::Queued => i.state = ItemState::Paused,
                _ => {}
            }
        }
    }

    pub fn resume(&mut self, id: u64) {
        if let Some(i) = self.items.iter_mut().find(|i| i.id == id)
            && matches!(i.state, ItemState::Paused | ItemState::Failed(_))
        {
            i.state = ItemState::Queued;
        }
    }

    /// Start over a file that changed (the user agreed).
    pub fn restart(&mut self, id: u64) {
        if let Some(i) = self.items.iter_mut().find(|i| i.id == id) {
            i.restart = true;
            i.media_id = None;
            i.announced = false;
            *i.progress.media_id.lock().unwrap_or_else(|e| e.into_inner()) = None;
            i.state = ItemState::Queued;
        }
    }

    pub fn cancel(&mut self, id: u64) {
        if let Some(i) = self.items.iter_mut().find(|i| i.id == id) {
            i.control.cancel();
            match i.state {
                ItemState::Uploading => {}
                // A paused or failed multipart upload is aborted on OSS by running it once
                // more with cancel set (it renews the credentials, then aborts).
                ItemState::Paused | ItemState::Failed(_) if i.media_id.is_some() => i.state = ItemState::Queued,
                ItemState::Queued | ItemState::Paused | ItemState::Changed(_) | ItemState::Failed(_) => {
                    // Nothing on OSS to abort, or a changed file (its parts expire in 7 days).
                    i.state = ItemState::Cancelled;
                    if let Some(store) = &self.store
                        && let Ok(abs) = std::path::absolute(&i.path)
                    {
                        store.remove(&abs);
                    }
                }
                _ => {}
            }
        }
    }

    /// Bytes done and total over the files still going or done this session.
    pub fn totals(&self) -> (u64, u64) {
        self.items.iter().filter(|i| !matches!(i.state, ItemState::Cancelled)).fold((0, 0), |(d, t), i| {
            (d + i.progress.done.load(Ordering::Relaxed), t + i.progress.total.load(Ordering::Relaxed))
        })
    }
}
