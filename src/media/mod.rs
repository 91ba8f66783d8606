//! THE FOOTAGE: where the pictures of a MediaId come from, for the preview, the timeline and
//! `vodcut still`/`frame` alike.
//!
//! [`Footage`] answers "the picture of this medium at this time, this wide": a decoded frame
//! when ffmpeg is there, else the nearest snapshot or the cover VOD already has. Everything
//! here runs off the UI thread (async calls; decoding on blocking threads), is cached in
//! memory (bounded by bytes) and on disk, and can be cancelled when it is no longer wanted.

pub mod cache;
pub mod decode;
pub mod playback;
pub mod render;
pub mod source;

use crate::api::{ApiError, Client};
use crate::compose::{Image, Layer, Plan, Source};
use crate::model::Time;
use cache::{DiskCache, MemCache};
use decode::{DecodeError, Ffmpeg};
use source::{Sources, nearest_snapshot};
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// Source times are decoded on a grid of this many frames per second (the editor's frame
/// step); nearby times share a cached frame.
pub const GRID_FPS: f64 = 25.0;

/// Why a picture could not be had, in words for the user.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct MediaError(pub String);

impl From<ApiError> for MediaError {
    fn from(e: ApiError) -> Self {
        MediaError(e.to_string())
    }
}

impl From<DecodeError> for MediaError {
    fn from(e: DecodeError) -> Self {
        MediaError(e.to_string())
    }
}

/// How good a picture is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Exactness {
    /// The decoded frame at the wanted time.
    Exact,
    /// A cover or snapshot standing in (no ffmpeg).
    Still,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum Key {
    Frame(String, i64, u32),
    Image(String),
    Still(String, usize),
}

/// Settings of the footage service.
#[derive(Clone, Debug)]
pub struct Options {
    /// ffmpeg's path; None or empty: `ffmpeg` on PATH.
    pub ffmpeg: Option<PathBuf>,
    /// Where frames are cached on disk (the environment's cache folder); None: memory only.
    pub cache_dir: Option<PathBuf>,
    pub memory_bytes: usize,
    pub disk_bytes: u64,
    /// Longest wait for one frame.
    pub timeout: Duration,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            ffmpeg: None,
            cache_dir: None,
            memory_bytes: cache::DEFAULT_MEMORY_BYTES,
            disk_bytes: cache::DEFAULT_DISK_BYTES,
            timeout: Duration::from_secs(30),
        }
    }
}

pub struct Footage {
    sources: Result<Sources, String>,
    ffmpeg: Result<Ffmpeg, DecodeError>,
    mem: Mutex<MemCache<Key>>,
    disk: Option<DiskCache>,
    http: reqwest::Client,
    timeout: Duration,
    /// Frames ffmpeg was asked to decode (what scrubbing costs).
    pub decodes: AtomicUsize,
    sizes: Mutex<HashMap<String, Option<(u32, u32)>>>,
    peaks: Mutex<HashMap<String, Arc<Vec<u8>>>>,
    /// Whose media these are: a MediaId names a medium within one account at one endpoint,
    /// so cached frames are kept apart by both (see [`cache_scope`]).
    scope: String,
}

/// The cache scope of a connection: a hash of its endpoint and AccessKey ID (the ID itself is
/// never written anywhere), so another account or endpoint never gets this one's frames.
pub fn cache_scope(client: Option<&Client>) -> String {
    use sha2::Digest;
    let Some(c) = client else { return "none".to_owned() };
    let mut h = sha2::Sha256::new();
    h.update(c.endpoint().as_str().as_bytes());
    h.update(b"\n");
    h.update(c.credentials().access_key_id.as_bytes());
    h.finalize().iter().take(12).map(|b| format!("{b:02x}")).collect()
}

/// Waveform resolution: peaks per second of audio.
pub const PEAKS_PER_SECOND: u32 = 50;
/// The range of levels a peak byte holds, in dB below full scale: a byte is a level on a dB
/// scale (0 silence, 255 full scale), so quiet passages keep their shape (a linear byte
/// rounded everything under -48 dBFS to nothing).
pub const PEAK_RANGE_DB: f64 = 96.0;

/// A peak byte from a linear level (1 = full scale).
pub fn peak_byte(level: f64) -> u8 {
    if level <= 0.0 {
        return 0;
    }
    let db = 20.0 * level.log10();
    (((db + PEAK_RANGE_DB) / PEAK_RANGE_DB).clamp(0.0, 1.0) * 255.0).round() as u8
}

/// The linear level (1 = full scale) a peak byte stands for.
pub fn peak_level(byte: u8) -> f64 {
    if byte == 0 {
        return 0.0;
    }
    10f64.powf((f64::from(byte) / 255.0 * PEAK_RANGE_DB - PEAK_RANGE_DB) / 20.0)
}
/// Longest audio a waveform covers (6 h: 1 MB of peaks).
pub const MAX_PEAK_SECONDS: u32 = 6 * 3600;

/// The grid frame nearest to `at`.
pub fn grid_frame(at: Time) -> i64 {
    (at.as_secs_f64() * GRID_FPS).round() as i64
}

fn even_width(w: u32) -> u32 {
    if w == 0 {
        return 0; // the source's own width
    }
    // Rounded up to a multiple of 32: a resized preview reuses frames of nearby widths.
    (w.clamp(16, 4096).div_ceil(32) * 32).min(4096)
}

impl Footage {
    /// `client` is the VOD connection (or why there is none).
    pub fn new(client: Result<Client, String>, options: Options) -> Footage {
        let scope = cache_scope(client.as_ref().ok());
        Footage {
            sources: client.map(Sources::new),
            ffmpeg: Ffmpeg::find(options.ffmpeg.as_deref()),
            mem: Mutex::new(MemCache::new(options.memory_bytes)),
            disk: options.cache_dir.as_deref().map(|d| DiskCache::new(d, options.disk_bytes)),
            http: crate::api::http::download_client(Duration::from_secs(30)),
            timeout: options.timeout,
            decodes: AtomicUsize::new(0),
            sizes: Mutex::new(HashMap::new()),
            peaks: Mutex::new(HashMap::new()),
            scope,
        }
    }

    /// `id` within this connection's scope, as cache keys name it (`?` and `%` escaped: the
    /// disk cache ignores what follows a `?`).
    fn scoped(&self, id: &str) -> String {
        format!("{}/{}", self.scope, id.replace('%', "%25").replace('?', "%3F"))
    }

    /// ffmpeg, or why it cannot be used.
    pub fn ffmpeg(&self) -> Result<&Ffmpeg, &DecodeError> {
        self.ffmpeg.as_ref()
    }

    pub fn has_ffmpeg(&self) -> bool {
        self.ffmpeg.is_ok()
    }

    /// Bytes of decoded pictures held in memory.
    pub fn memory_bytes(&self) -> usize {
        self.mem.lock().map(|m| m.bytes()).unwrap_or(0)
    }

    fn sources(&self) -> Result<&Sources, MediaError> {
        self.sources.as_ref().map_err(|e| MediaError(crate::t!("media-no-connection", error = e.to_string())))
    }

    fn remembered(&self, k: &Key) -> Option<Image> {
        self.mem.lock().ok()?.get(k)
    }

    fn remember(&self, k: Key, img: &Image) {
        if let Ok(mut m) = self.mem.lock() {
            m.put(k, img.clone());
        }
    }

    /// The frame of video `id` at source time `at`, `width` wide (0: the source's width): decoded when ffmpeg is
    /// there, else the nearest snapshot or the cover.
    pub async fn video_frame(
        &self,
        id: &str,
        at: Time,
        width: u32,
        cancel: &Arc<AtomicBool>,
    ) -> Result<(Image, Exactness), MediaError> {
        let Ok(ff) = self.ffmpeg.as_ref() else {
            return self.nearest_still(id, at).await.map(|i| (i, Exactness::Still));
        };
        let (frame, width) = (grid_frame(at), even_width(width));
        let key = Key::Frame(self.scoped(id), frame, width);
        if let Some(img) = self.remembered(&key) {
            return Ok((img, Exactness::Exact));
        }
        let disk_key = format!("v/{}/{frame}/{width}", self.scoped(id));
        if let Some(d) = self.disk.clone() {
            let k = disk_key.clone();
            if let Ok(Some(img)) = tokio::task::spawn_blocking(move || d.get(&k)).await {
                self.remember(key, &img);
                return Ok((img, Exactness::Exact));
            }
        }
        let sources = self.sources()?;
        let mut refreshed = false;
        loop {
            let url = sources.play_url(id).await?;
            if cancel.load(Ordering::Relaxed) {
                return Err(DecodeError::Cancelled.into());
            }
            self.decodes.fetch_add(1, Ordering::Relaxed);
            let (ff, c, timeout) = (ff.clone(), cancel.clone(), self.timeout);
            let secs = frame as f64 / GRID_FPS;
            let result = tokio::task::spawn_blocking(move || ff.frame_at(&url.url, secs, width, timeout, &c))
                .await
                .map_err(|e| MediaError(crate::t!("media-decoder-stopped", error = e.to_string())))?;
            match result {
                Ok(img) => {
                    self.remember(key, &img);
                    if let Some(d) = self.disk.clone() {
                        let img2 = img.clone();
                        let _ = tokio::task::spawn_blocking(move || d.put(&disk_key, &img2)).await;
                    }
                    return Ok((img, Exactness::Exact));
                }
                Err(DecodeError::Forbidden) if !refreshed => {
                    log::info!("play URL of {id} expired; asking for a new one");
                    sources.expired(id);
                    refreshed = true;
                }
                Err(e) => return Err(e.into()),
            }
        }
    }

    /// A picture's bytes (`what` names it for messages), streamed with the picture cap.
    async fn download(&self, what: &str, url: &str) -> Result<Vec<u8>, (u16, String)> {
        crate::api::http::download(&self.http, what, url, crate::api::http::PICTURE_CAP).await
    }

    async fn decode_picture(bytes: Vec<u8>) -> Result<Image, MediaError> {
        tokio::task::spawn_blocking(move || {
            let img = image::load_from_memory(&bytes)
                .map_err(|e| MediaError(crate::t!("media-picture-unreadable", error = e.to_string())))?;
            // Bound the pixels kept: overlays never need more than a 4K frame.
            let img = if img.width() > 4096 || img.height() > 4096 { img.thumbnail(4096, 4096) } else { img };
            let rgba = img.to_rgba8();
            Image::new(rgba.width(), rgba.height(), rgba.into_raw())
                .ok_or_else(|| MediaError(crate::t!("media-picture-empty")))
        })
        .await
        .map_err(|e| MediaError(crate::t!("media-decoder-stopped", error = e.to_string())))?
    }

    /// Image `id` (GetImageInfo, then its URL), full size up to 4096 px.
    pub async fn image(&self, id: &str) -> Result<Image, MediaError> {
        let key = Key::Image(self.scoped(id));
        if let Some(img) = self.remembered(&key) {
            return Ok(img);
        }
        let sources = self.sources()?;
        let mut refreshed = false;
        loop {
            let url = sources.image_url(id).await?;
            let what = crate::t!("media-url-of-image", id = crate::i18n::format::quoted_id(id));
            match self.download(&what, &url.url).await {
                Ok(bytes) => {
                    let img = Self::decode_picture(bytes).await?;
                    self.remember(key, &img);
                    return Ok(img);
                }
                Err((403, _)) if !refreshed => {
                    sources.expired(id);
                    refreshed = true;
                }
                Err((_, e)) => return Err(MediaError(e)),
            }
        }
    }

    /// The snapshot nearest to `at`, else the cover.
    pub async fn nearest_still(&self, id: &str, at: Time) -> Result<Image, MediaError> {
        let stills = self.sources()?.stills(id).await?;
        let pick = nearest_snapshot(stills.snapshots.len(), stills.duration, at.as_secs_f64());
        let (index, url) = match pick {
            Some(i) => (i, stills.snapshots[i].clone()),
            None if !stills.cover_url.is_empty() => (usize::MAX, stills.cover_url.clone()),
            None => {
                return Err(MediaError(crate::t!(
                    "media-no-ffmpeg-no-stills",
                    id = crate::i18n::format::quoted_id(id)
                )));
            }
        };
        let key = Key::Still(self.scoped(id), index);
        if let Some(img) = self.remembered(&key) {
            return Ok(img);
        }
        let what = crate::t!("media-url-of-still", id = crate::i18n::format::quoted_id(id));
        let bytes = self.download(&what, &url).await.map_err(|(_, e)| MediaError(e))?;
        let img = Self::decode_picture(bytes).await?;
        self.remember(key, &img);
        Ok(img)
    }

    /// Audio peaks of medium `id`, [`PEAKS_PER_SECOND`] a second ([`peak_byte`]s), computed
    /// once with ffmpeg and kept on disk.
    pub async fn peaks(&self, id: &str, cancel: &Arc<AtomicBool>) -> Result<Arc<Vec<u8>>, MediaError> {
        if let Some(p) = self.peaks.lock().ok().and_then(|m| m.get(id).cloned()) {
            return Ok(p);
        }
        // "p2": peaks on the dB scale (the "p/" entries of older versions were linear), per
        // account and endpoint as every cached frame.
        let key = format!("p2/{}/{PEAKS_PER_SECOND}", self.scoped(id));
        if let Some(d) = self.disk.clone() {
            let k = key.clone();
            if let Ok(Some(bytes)) = tokio::task::spawn_blocking(move || d.get_bytes(&k)).await {
                let p = Arc::new(bytes);
                if let Ok(mut m) = self.peaks.lock() {
                    m.insert(id.to_owned(), p.clone());
                }
                return Ok(p);
            }
        }
        let ff = self.ffmpeg.as_ref().map_err(|e| MediaError(e.to_string()))?.clone();
        let sources = self.sources()?;
        let mut refreshed = false;
        let peaks = loop {
            let url = sources.play_url(id).await?;
            let (ff, c) = (ff.clone(), cancel.clone());
            let r = tokio::task::spawn_blocking(move || {
                ff.peaks(&url.url, PEAKS_PER_SECOND, MAX_PEAK_SECONDS, Duration::from_secs(300), &c)
            })
            .await
            .map_err(|e| MediaError(crate::t!("media-decoder-stopped", error = e.to_string())))?;
            match r {
                Ok(p) => break p,
                Err(DecodeError::Forbidden) if !refreshed => {
                    sources.expired(id);
                    refreshed = true;
                }
                Err(e) => return Err(e.into()),
            }
        };
        if let Some(d) = self.disk.clone() {
            let b = peaks.clone();
            let _ = tokio::task::spawn_blocking(move || d.put_bytes(&key, &b)).await;
        }
        let p = Arc::new(peaks);
        if let Ok(mut m) = self.peaks.lock() {
            m.insert(id.to_owned(), p.clone());
        }
        Ok(p)
    }

    /// Drops the remembered URLs of `id` (a stream found it refused).
    pub fn forget_url(&self, id: &str) {
        if let Ok(s) = self.sources() {
            s.expired(id);
        }
    }

    /// The play URL of video `id` (kept in memory only: it is signed).
    pub async fn play_url(&self, id: &str) -> Result<String, MediaError> {
        Ok(self.sources()?.play_url(id).await?.url)
    }

    /// Titles of up to 20 media (GetVideoInfos).
    pub async fn titles(&self, ids: &[String]) -> Result<Vec<(String, String)>, MediaError> {
        let (found, _) = self.sources()?.client().get_video_infos(ids).await?;
        Ok(found.into_iter().map(|v| (v.video_id, v.title)).collect())
    }

    /// Lengths in seconds of media (GetVideoInfos, 20 IDs a call): for clips whose length the
    /// project does not give (the draft render lays them out as the service will).
    pub async fn durations(&self, ids: &[String]) -> Result<Vec<(String, f64)>, MediaError> {
        let (found, _) = self.sources()?.client().get_video_infos_batched(ids).await?;
        Ok(found.into_iter().filter_map(|v| Some((v.video_id, v.duration?))).collect())
    }

    /// The size of video `id`'s source (for the default output size), asked once.
    pub async fn source_size(&self, id: &str) -> Option<(u32, u32)> {
        if let Some(s) = self.sizes.lock().ok().and_then(|m| m.get(id).copied()) {
            return s;
        }
        let s = match self.sources().ok()?.client().get_mezzanine_file(id).await {
            Ok(m) => match (m.width, m.height) {
                (Some(w), Some(h)) if w > 0 && h > 0 => Some((w as u32, h as u32)),
                _ => None,
            },
            Err(_) => None,
        };
        if let Ok(mut m) = self.sizes.lock() {
            m.insert(id.to_owned(), s);
        }
        s
    }

    /// The output's size: ProduceConfig's Width and Height, else the largest visible video
    /// source's (each asked of VOD once; a project with both given asks nothing). The draft,
    /// `vodcut still` and "Compare with draft" size their frames by it.
    pub async fn output_size(&self, project: &crate::model::Project) -> (u32, u32) {
        let needs_sizes =
            project.produce_config.width.is_none_or(|w| w == 0) || project.produce_config.height.is_none_or(|h| h == 0);
        let mut sizes = HashMap::new();
        if needs_sizes {
            let video = project.tracks.iter().filter(|t| t.kind == crate::model::TrackKind::Video && !t.hidden);
            for id in video.flat_map(|t| &t.clips).filter_map(|c| c.media_id.as_deref()) {
                if !sizes.contains_key(id) {
                    sizes.insert(id.to_owned(), self.source_size(id).await);
                }
            }
        }
        crate::compose::output_size(project, &|id| sizes.get(id).copied().flatten())
    }

    /// The pictures of a plan's layers for a canvas `zoom` times the output size. Layers
    /// whose picture cannot be had are reported with the reason; the rest are fetched at the
    /// same time.
    pub async fn pictures(self: &Arc<Self>, plan: &Plan, zoom: f32, cancel: &Arc<AtomicBool>) -> Pictures {
        let mut set = tokio::task::JoinSet::new();
        for (i, p) in plan.pictures() {
            let (me, c, source) = (self.clone(), cancel.clone(), p.source.clone());
            let width = (p.w.unwrap_or(plan.width as f32) * zoom).ceil().max(16.0) as u32;
            set.spawn(async move {
                let r = match &source {
                    Source::Video { media_id, at } => me.video_frame(media_id, *at, width, &c).await,
                    Source::Image { image_id } => me.image(image_id).await.map(|i| (i, Exactness::Exact)),
                };
                (i, r)
            });
        }
        let mut out = Pictures::default();
        while let Some(done) = set.join_next().await {
            let Ok((i, r)) = done else { continue };
            match r {
                Ok((img, exact)) => {
                    out.all_exact &= exact == Exactness::Exact;
                    out.images.insert(i, img);
                }
                Err(e) => out.problems.push((i, e)),
            }
        }
        out.problems.sort_by_key(|(i, _)| *i);
        out
    }
}

/// What [`Footage::pictures`] found.
#[derive(Debug)]
pub struct Pictures {
    pub images: HashMap<usize, Image>,
    /// Layer index and why its picture is missing.
    pub problems: Vec<(usize, MediaError)>,
    /// False when a cover or snapshot stands in for a frame.
    pub all_exact: bool,
}

impl Default for Pictures {
    fn default() -> Self {
        Pictures { images: HashMap::new(), problems: Vec::new(), all_exact: true }
    }
}

/// Whether two holders of an optional footage service hold the same one (both none counts):
/// what shares the preview's service makes its own again only when that changed.
pub fn same_service(a: Option<&Arc<Footage>>, b: Option<&Arc<Footage>>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => Arc::ptr_eq(a, b),
        (None, None) => true,
        _ => false,
    }
}

/// "track V1, clip 2 (media abc)": where a layer of a plan comes from, for messages.
pub fn describe_layer(project: &crate::model::Project, plan: &Plan, layer: usize) -> String {
    match plan.layers.get(layer) {
        Some(Layer::Picture(p)) => {
            let track = project.tracks.get(p.track).map_or("?", |t| t.name.as_str());
            match &p.source {
                Source::Video { media_id, at } => crate::t!(
                    "media-layer-video",
                    track = track,
                    n = p.clip + 1,
                    media = crate::i18n::format::quoted_id(media_id),
                    at = crate::i18n::Clock::of(project.frame_rate).time(*at)
                ),
                Source::Image { image_id } => {
                    crate::t!(
                        "media-layer-image",
                        track = track,
                        n = p.clip + 1,
                        image = crate::i18n::format::quoted_id(image_id)
                    )
                }
            }
        }
        _ => crate::t!("media-layer", n = layer + 1),
    }
}

/// Runs `work` on the runtime and waits for it on this thread; None if the runtime went away
/// meanwhile. Not `Handle::block_on`: that polls the future here, and a timer polled after the
/// runtime began shutting down (the editor closed while a request waited to retry) panics,
/// which writes a crash report; a task spawned on the runtime is dropped at its shutdown.
pub fn wait_on<T: Send + 'static>(
    rt: &tokio::runtime::Handle,
    work: impl std::future::Future<Output = T> + Send + 'static,
) -> Option<T> {
    futures_executor::block_on(rt.spawn(work)).ok()
}
