//! The sandbox's productions are real videos: the Timeline sent is drafted on this machine
//! (the draft renderer, reading the sandbox's own media through its own API), so a finished
//! production can be watched, found in the library and compared with the draft like one of
//! VOD's. The service's own composition is not imitated: this is the editor's draft, which is
//! why "Compare with draft" finds no difference in the sandbox (docs/cli.md, "Compare with
//! draft", says so).
//!
//! The render runs on a thread of its own in the process that took the production; until it
//! ends the project stays Producing. Its file is named by the MediaId in the sandbox's media
//! folder, so another process (a later `vodcut --sandbox` command) finds it too. A render
//! cut short (`vodcut --sandbox submit` returns at once and its process ends) is taken up by
//! the next process that asks about the project: a marker file beside the video, touched
//! while the render goes on, tells a live render from a dead one. A render that failed
//! leaves a `.failed` marker, and the video is Produced without a stream.

use super::service::State;
use crate::api::credentials::Credentials;
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;
use std::sync::{Arc, Mutex, Weak};

/// Starts drafting a production (the Timeline and ProduceConfig as sent, the MediaId).
pub type Producer = Arc<dyn Fn(String, Option<String>, String) + Send + Sync>;

/// Where the produced video `media_id` is kept in `dir`.
pub fn produced_file(dir: &Path, media_id: &str) -> PathBuf {
    // MediaIds are the sandbox's own hex: nothing in them can leave the folder.
    let safe: String = media_id.chars().filter(char::is_ascii_alphanumeric).collect();
    dir.join(format!("produced-{safe}.mp4"))
}

/// Whether the production `media_id` needs drafting by this process: no video, no failed
/// draft, and no render touched its marker in the last 4 s (none is going on elsewhere).
pub fn orphaned(dir: &Path, media_id: &str) -> bool {
    let video = produced_file(dir, media_id);
    let marker = video.with_extension("rendering");
    let live = std::fs::metadata(&marker)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| t.elapsed().ok())
        .is_some_and(|age| age < std::time::Duration::from_secs(4));
    !video.is_file() && !video.with_extension("failed").exists() && !live
}

/// What a draft needs: the sandbox's endpoint and keys, its media folder, ffmpeg.
#[derive(Clone)]
struct Drafter {
    endpoint: String,
    keys: Credentials,
    dir: PathBuf,
    ffmpeg: PathBuf,
}

/// A producer that drafts into `dir` with `ffmpeg`, reading media from the sandbox at
/// `endpoint` with its `keys`, and tells `state` when each video is there.
pub fn producer(
    state: Weak<Mutex<State>>,
    endpoint: String,
    keys: Credentials,
    dir: PathBuf,
    ffmpeg: PathBuf,
) -> Producer {
    let drafter = Drafter { endpoint, keys, dir, ffmpeg };
    Arc::new(move |timeline: String, config: Option<String>, media_id: String| {
        let (state, drafter) = (state.clone(), drafter.clone());
        let started = std::thread::Builder::new().name("vodcut-sandbox-produce".into()).spawn(move || {
            let target = produced_file(&drafter.dir, &media_id);
            let marker = target.with_extension("rendering");
            let _ = std::fs::write(&marker, b"");
            let result = drafter.draft(&timeline, config.as_deref(), &target, &marker);
            let _ = std::fs::remove_file(&marker);
            if let Err(e) = &result {
                log::warn!("sandbox: the production {media_id} was not drafted: {e}");
                let _ = std::fs::write(target.with_extension("failed"), e.as_bytes());
            }
            if let Some(state) = state.upgrade() {
                let mut st = state.lock().unwrap_or_else(|e| e.into_inner());
                st.rendering.remove(&media_id);
                if result.is_ok() {
                    st.files.videos.insert(media_id, target);
                }
            }
        });
        if let Err(e) = started {
            log::warn!("sandbox: no thread to draft a production: {e}");
        }
    })
}

impl Drafter {
    /// The draft of `timeline` at the ProduceConfig's size (else its sources'), 360 high, to
    /// `target`; `marker` is touched while it goes on.
    fn draft(&self, timeline: &str, config: Option<&str>, target: &Path, marker: &Path) -> Result<(), String> {
        let Drafter { endpoint, keys, dir, ffmpeg } = self;
        let mut project = crate::model::export::import_timeline_str(timeline).map_err(|e| format!("{e:?}"))?;
        if let Some(c) = config.and_then(|c| serde_json::from_str::<serde_json::Value>(c).ok()) {
            let side = |k: &str| c[k].as_u64().and_then(|v| u32::try_from(v).ok()).filter(|v| *v > 0);
            project.produce_config.width = side("Width");
            project.produce_config.height = side("Height");
        }
        let url = endpoint.parse().map_err(|e| format!("{e}"))?;
        let client =
            crate::api::Client::new(crate::api::ClientConfig::new(url), keys.clone()).map_err(|e| e.to_string())?;
        let options = crate::media::Options {
            ffmpeg: Some(ffmpeg.clone()),
            cache_dir: Some(dir.join("draft-cache")),
            ..Default::default()
        };
        let footage = Arc::new(crate::media::Footage::new(Ok(client), options));
        // The renderer blocks on the runtime from this thread (never one of the runtime's own).
        let rt = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .enable_all()
            .build()
            .map_err(|e| e.to_string())?;
        let settings = crate::draft::Settings::default();
        let mut touched = std::time::Instant::now();
        let mut alive = |_: &crate::draft::Progress| {
            // Another process reads a marker touched in the last seconds as a live render.
            if touched.elapsed() >= std::time::Duration::from_secs(1) {
                touched = std::time::Instant::now();
                let _ = std::fs::write(marker, b"");
            }
        };
        let result = crate::draft::render(
            &footage,
            rt.handle(),
            &project,
            target,
            &settings,
            &AtomicBool::new(false),
            &mut alive,
        )
        .map(drop)
        .map_err(|e| e.to_string());
        rt.shutdown_background();
        result
    }
}
