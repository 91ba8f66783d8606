//! The preview's renderer: composes output frames in the background, newest wish first.
//!
//! The UI hands in a plan whenever the wanted frame changes (scrubbing sends one per UI
//! frame). One render runs at a time; wishes that arrive meanwhile replace each other, so only
//! the newest is rendered next and a fast drag costs a handful of decodes, not one per
//! position. The running render is left to finish, so a long drag still updates the picture.
//! The UI keeps showing the last result until a newer one arrives, and never waits.

use super::{Footage, MediaError};
use crate::compose::{self, Image, Plan};
use crate::model::Time;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Mutex, OnceLock};

/// A composed frame.
#[derive(Clone, Debug)]
pub struct Rendered {
    /// The number [`Renderer::request`] returned for it.
    pub serial: u64,
    pub at: Time,
    pub image: Image,
    /// Layers left out, with why ("track V1, clip 2 (media …): …").
    pub problems: Vec<String>,
    /// False when covers or snapshots stand in for frames (no ffmpeg).
    pub exact: bool,
    /// The pixel size of each image overlay's picture by ImageId (the preview's handles sit
    /// on an overlay whose box follows its image).
    pub image_sizes: Vec<(String, (u32, u32))>,
}

impl From<super::playback::PlayFrame> for Rendered {
    /// A frame of continuous playback: exact (decoded, not a stand-in), with nothing left out.
    fn from(f: super::playback::PlayFrame) -> Self {
        Rendered { serial: 0, at: f.at, image: f.image, problems: Vec::new(), exact: true, image_sizes: Vec::new() }
    }
}

/// A wish: serial, plan, width, layer labels.
type Wish = (u64, Plan, u32, Vec<String>);

struct Shared {
    pending: Mutex<Option<Wish>>,
    notify: tokio::sync::Notify,
    footage: OnceLock<Arc<Footage>>,
    busy: AtomicBool,
    /// Renders carried out (tests and benchmarks: coalescing works when this stays small).
    renders: AtomicU64,
    /// The renderer is gone: a worker on a shared runtime stops.
    closed: AtomicBool,
}

impl Shared {
    fn new() -> Shared {
        Shared {
            pending: Mutex::new(None),
            notify: tokio::sync::Notify::new(),
            footage: OnceLock::new(),
            busy: AtomicBool::new(false),
            renders: AtomicU64::new(0),
            closed: AtomicBool::new(false),
        }
    }
}

pub struct Renderer {
    rt: tokio::runtime::Handle,
    shared: Arc<Shared>,
    rx: Receiver<Rendered>,
    serial: u64,
}

impl Renderer {
    /// Starts the worker on `rt` (the core's runtime). `make` builds the footage service on a
    /// blocking thread (it looks for ffmpeg and credentials: process and disk work the UI
    /// thread must not do); `wake` is called after each result (the UI's repaint).
    pub fn new(
        make: impl FnOnce() -> Footage + Send + 'static,
        rt: &tokio::runtime::Handle,
        wake: impl Fn() + Send + Sync + 'static,
    ) -> Renderer {
        let shared = Arc::new(Shared::new());
        let (tx, rx) = channel();
        let s = shared.clone();
        rt.spawn(async move {
            let Ok(footage) = tokio::task::spawn_blocking(make).await else { return };
            let footage = Arc::new(footage);
            let _ = s.footage.set(footage.clone());
            wake();
            worker(s, footage, tx, wake).await;
        });
        Renderer { rt: rt.clone(), shared, rx, serial: 0 }
    }

    /// A second renderer on another's footage and runtime (the source viewer beside the
    /// program preview): the same caches and connection, its own wishes and results.
    pub fn sharing(
        footage: Arc<Footage>,
        rt: &tokio::runtime::Handle,
        wake: impl Fn() + Send + Sync + 'static,
    ) -> Renderer {
        let shared = Arc::new(Shared::new());
        let _ = shared.footage.set(footage.clone());
        let (tx, rx) = channel();
        rt.spawn(worker(shared.clone(), footage, tx, wake));
        Renderer { rt: rt.clone(), shared, rx, serial: 0 }
    }

    /// The footage service, once it is set up.
    pub fn footage(&self) -> Option<&Arc<Footage>> {
        self.shared.footage.get()
    }

    /// Asks for `plan` composed `width` wide; replaces any wish not yet started. `labels`
    /// name the plan's layers for messages. Returns the request's serial number.
    pub fn request(&mut self, plan: Plan, width: u32, labels: Vec<String>) -> u64 {
        self.serial += 1;
        if let Ok(mut p) = self.shared.pending.lock() {
            *p = Some((self.serial, plan, width, labels));
        }
        self.shared.notify.notify_one();
        self.serial
    }

    /// The newest result that arrived since the last call.
    pub fn poll(&mut self) -> Option<Rendered> {
        self.rx.try_iter().last()
    }

    /// Whether a render runs or waits.
    pub fn busy(&self) -> bool {
        self.shared.busy.load(Ordering::Relaxed) || self.shared.pending.lock().map(|p| p.is_some()).unwrap_or(false)
    }

    pub fn renders(&self) -> u64 {
        self.shared.renders.load(Ordering::Relaxed)
    }

    /// The runtime the renderer's work runs on (filmstrips and playback share it).
    pub fn runtime(&self) -> &tokio::runtime::Handle {
        &self.rt
    }
}

impl Drop for Renderer {
    /// The worker stops at its next turn (the runtime is the core's: it goes on).
    fn drop(&mut self) {
        self.shared.closed.store(true, Ordering::Relaxed);
        self.shared.notify.notify_one();
    }
}

async fn worker(s: Arc<Shared>, footage: Arc<Footage>, tx: Sender<Rendered>, wake: impl Fn()) {
    while !s.closed.load(Ordering::Relaxed) {
        let next = s.pending.lock().ok().and_then(|mut p| {
            let n = p.take();
            if n.is_some() {
                s.busy.store(true, Ordering::Relaxed);
            }
            n
        });
        let Some((serial, plan, width, labels)) = next else {
            s.notify.notified().await;
            continue;
        };
        s.renders.fetch_add(1, Ordering::Relaxed);
        let r = render(&footage, plan, width, &labels).await;
        s.busy.store(false, Ordering::Relaxed);
        if let Some(mut r) = r {
            r.serial = serial;
            if tx.send(r).is_err() {
                return;
            }
            wake();
        }
    }
}

/// Fetches the plan's pictures and composes it (off the async threads).
pub async fn render(footage: &Arc<Footage>, plan: Plan, width: u32, labels: &[String]) -> Option<Rendered> {
    let (_, _, zoom) = compose::canvas_size(plan.width, plan.height, Some(width));
    let never = Arc::new(AtomicBool::new(false));
    let pictures = footage.pictures(&plan, zoom, &never).await;
    let problems = pictures
        .problems
        .iter()
        .map(|(i, e): &(usize, MediaError)| {
            let what = labels.get(*i).cloned().unwrap_or_else(|| crate::t!("media-layer", n = i + 1));
            crate::t!("media-detail", what = what, detail = e.to_string())
        })
        .collect();
    let exact = pictures.all_exact;
    let at = plan.at;
    let image_sizes = plan
        .pictures()
        .filter_map(|(i, p)| match (&p.source, pictures.images.get(&i)) {
            (compose::Source::Image { image_id }, Some(img)) => Some((image_id.clone(), (img.width, img.height))),
            _ => None,
        })
        .collect();
    let image =
        tokio::task::spawn_blocking(move || compose::compose(&plan, &pictures.images, Some(width))).await.ok()?;
    Some(Rendered { serial: 0, at, image, problems, exact, image_sizes })
}
