//! THE BACKGROUND EXECUTOR: one tokio runtime for the whole process, owned by the core.
//!
//! Every piece of background work of the editor runs on it (calls to VOD, uploads, frames,
//! file dialogs, disk work), and so do the commands' (they block on it). Results come back
//! over channels the face polls; after each one the executor calls the face's wake-up, a plain
//! callback: the editor hands it egui's `request_repaint`, the command line nothing (it waits
//! for what it asked). The face's thread never waits on the network, the disk or a dialog.
//!
//! The runtime starts at the first piece of work (start-up never waits for it) and stops
//! when the last handle to the executor goes, without waiting for requests in flight (their
//! outcome is in the job history already).

use std::collections::HashMap;
use std::future::Future;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Mutex, OnceLock};

/// How the executor wakes the face after a piece of work finishes.
pub type Wake = Arc<dyn Fn() + Send + Sync>;

struct Inner {
    runtime: OnceLock<Result<tokio::runtime::Runtime, String>>,
    wake: Arc<Mutex<Option<Wake>>>,
}

impl Drop for Inner {
    fn drop(&mut self) {
        if let Some(Ok(rt)) = self.runtime.take() {
            rt.shutdown_background();
        }
    }
}

/// A handle to the executor; clones share it.
#[derive(Clone)]
pub struct Executor {
    inner: Arc<Inner>,
}

impl Default for Executor {
    fn default() -> Self {
        Executor::new()
    }
}

impl std::fmt::Debug for Executor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Executor") // i18n-exempt: a debug form, never shown
    }
}

/// A waker that can be cloned into work (the executor itself is not: its last handle must
/// never be dropped on its own threads).
#[derive(Clone)]
struct Waker(Arc<Mutex<Option<Wake>>>);

impl Waker {
    fn wake(&self) {
        let wake = self.0.lock().unwrap_or_else(|e| e.into_inner()).clone();
        if let Some(w) = wake {
            w();
        }
    }
}

impl Executor {
    pub fn new() -> Executor {
        Executor { inner: Arc::new(Inner { runtime: OnceLock::new(), wake: Arc::default() }) }
    }

    /// Sets the face's wake-up (the editor: egui's `request_repaint`), replacing any before.
    pub fn set_wake(&self, wake: Wake) {
        *self.inner.wake.lock().unwrap_or_else(|e| e.into_inner()) = Some(wake);
    }

    /// Whether a wake-up is set.
    pub fn has_wake(&self) -> bool {
        self.inner.wake.lock().unwrap_or_else(|e| e.into_inner()).is_some()
    }

    /// Calls the face's wake-up now.
    pub fn wake(&self) {
        self.waker().wake();
    }

    fn waker(&self) -> Waker {
        Waker(self.inner.wake.clone())
    }

    fn runtime(&self) -> Result<&tokio::runtime::Runtime, String> {
        self.inner
            .runtime
            .get_or_init(|| {
                // Enough threads for the network and the upload's parts; ffmpeg and the disk
                // run on the blocking pool beside them.
                let threads = std::thread::available_parallelism().map_or(2, |n| n.get().clamp(2, 4));
                tokio::runtime::Builder::new_multi_thread()
                    .worker_threads(threads)
                    .thread_name("vodcut-work")
                    .enable_all()
                    .build()
                    .map_err(|e| {
                        let why = crate::t!("cli-no-runtime", error = e.to_string());
                        log::error!("{why}");
                        why
                    })
            })
            .as_ref()
            .map_err(Clone::clone)
    }

    /// Why the runtime could not start, if it could not.
    pub fn error(&self) -> Option<String> {
        match self.inner.runtime.get() {
            Some(Err(e)) => Some(e.clone()),
            _ => None,
        }
    }

    /// The runtime's handle (for the parts that spawn their own work on it: the frame
    /// renderer, filmstrips, playback, drafts), or why there is none.
    pub fn handle(&self) -> Result<tokio::runtime::Handle, String> {
        self.runtime().map(|rt| rt.handle().clone())
    }

    /// Runs `work` to its end on this thread (the command line, which has nothing else to do
    /// meanwhile; never the editor's UI thread).
    pub fn block_on<F: Future>(&self, work: F) -> Result<F::Output, String> {
        Ok(self.runtime()?.block_on(work))
    }

    /// Runs `work` in the background, then wakes the face. False (nothing runs) when no
    /// runtime could be started ([`Executor::error`] says why).
    pub fn spawn(&self, work: impl Future<Output = ()> + Send + 'static) -> bool {
        let waker = self.waker();
        match self.runtime() {
            Ok(rt) => {
                rt.spawn(async move {
                    work.await;
                    waker.wake();
                });
                true
            }
            Err(_) => false,
        }
    }

    /// Runs `work` on the blocking pool (a file dialog, the disk, a keychain call), then wakes
    /// the face. False when no runtime could be started.
    pub fn spawn_blocking(&self, work: impl FnOnce() + Send + 'static) -> bool {
        let waker = self.waker();
        match self.runtime() {
            Ok(rt) => {
                rt.spawn_blocking(move || {
                    work();
                    waker.wake();
                });
                true
            }
            Err(_) => false,
        }
    }

    /// Runs `work` on the blocking pool and sends its result to `tx` (then wakes the face).
    pub fn run_blocking<T: Send + 'static>(&self, tx: Sender<T>, work: impl FnOnce() -> T + Send + 'static) -> bool {
        self.spawn_blocking(move || {
            let _ = tx.send(work());
        })
    }
}

/// Kinds of background work; at most one of each kind runs at a time where that matters
/// (a production above all).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    Produce,
    Jobs,
    Refresh,
    TestConnection,
    OpenCloudProject,
    Recovery,
    Library,
    Thumb,
    /// The media status check before a production.
    Check,
    /// Reading the cloud project before its Timeline is replaced (`core::sync`).
    Sync,
    /// Keeping a Timeline taken from the cloud as the base.
    SyncBase,
    /// Writing the settings.
    Settings,
    /// The account's lists for the production form's pickers.
    Account,
    /// Saving the project to the cloud (Add or Update, then its materials).
    SaveToCloud,
    /// The cloud project browser: a page of projects, or a delete.
    CloudProjects,
}

/// Work of one face's part on the executor, its results of type `T` collected by [`Tasks::poll`].
pub struct Tasks<T> {
    executor: Executor,
    tx: Sender<(Kind, T)>,
    rx: Receiver<(Kind, T)>,
    running: HashMap<Kind, usize>,
}

impl<T: Send + 'static> Tasks<T> {
    pub fn new(executor: Executor) -> Self {
        let (tx, rx) = channel();
        Tasks { executor, tx, rx, running: HashMap::new() }
    }

    pub fn executor(&self) -> &Executor {
        &self.executor
    }

    pub fn is_running(&self, kind: Kind) -> bool {
        self.running.get(&kind).copied().unwrap_or(0) > 0
    }

    pub fn any_running(&self) -> bool {
        self.running.values().any(|n| *n > 0)
    }

    /// Why the executor could not start, if it could not.
    pub fn error(&self) -> Option<String> {
        self.executor.error()
    }

    /// Runs `work` in the background. Returns false (and runs nothing) if a task of this kind
    /// is already running and `exclusive`, or if no runtime could be started.
    pub fn spawn(&mut self, kind: Kind, exclusive: bool, work: impl Future<Output = T> + Send + 'static) -> bool {
        if exclusive && self.is_running(kind) {
            return false;
        }
        let tx = self.tx.clone();
        let started = self.executor.spawn(async move {
            let _ = tx.send((kind, work.await));
        });
        if started {
            *self.running.entry(kind).or_default() += 1;
        }
        started
    }

    /// Runs blocking `work` (the disk) on the executor's blocking pool, as [`Tasks::spawn`].
    pub fn spawn_blocking(&mut self, kind: Kind, exclusive: bool, work: impl FnOnce() -> T + Send + 'static) -> bool {
        if exclusive && self.is_running(kind) {
            return false;
        }
        let tx = self.tx.clone();
        let started = self.executor.spawn_blocking(move || {
            let _ = tx.send((kind, work()));
        });
        if started {
            *self.running.entry(kind).or_default() += 1;
        }
        started
    }

    /// Results that have arrived.
    pub fn poll(&mut self) -> Vec<(Kind, T)> {
        let done: Vec<(Kind, T)> = self.rx.try_iter().collect();
        for (kind, _) in &done {
            if let Some(n) = self.running.get_mut(kind) {
                *n = n.saturating_sub(1);
            }
        }
        done
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::time::{Duration, Instant};

    fn wait_for<T: Send + 'static>(t: &mut Tasks<T>) -> Vec<(Kind, T)> {
        let start = Instant::now();
        let mut got = Vec::new();
        while got.is_empty() && start.elapsed() < Duration::from_secs(5) {
            got = t.poll();
            std::thread::sleep(Duration::from_millis(5));
        }
        got
    }

    #[test]
    fn one_exclusive_task_of_a_kind() {
        let mut t: Tasks<u32> = Tasks::new(Executor::new());
        assert!(t.spawn(Kind::Produce, true, async {
            tokio::time::sleep(Duration::from_millis(50)).await;
            7
        }));
        assert!(!t.spawn(Kind::Produce, true, async { 8 }), "a second production is refused while one runs");
        assert!(t.is_running(Kind::Produce));
        let got = wait_for(&mut t);
        assert_eq!(got.iter().map(|(_, v)| *v).collect::<Vec<_>>(), vec![7]);
        assert!(!t.is_running(Kind::Produce));
    }

    #[test]
    fn every_result_wakes_the_face_through_its_callback_and_all_share_one_runtime() {
        let executor = Executor::new();
        let woken = Arc::new(AtomicUsize::new(0));
        let w = woken.clone();
        executor.set_wake(Arc::new(move || {
            w.fetch_add(1, Ordering::SeqCst);
        }));
        let name = || std::thread::current().name().unwrap_or_default().to_owned();
        let mut a: Tasks<String> = Tasks::new(executor.clone());
        let mut b: Tasks<String> = Tasks::new(executor.clone());
        assert!(a.spawn(Kind::Library, false, async move { name() }));
        assert!(b.spawn_blocking(Kind::Recovery, false, name));
        assert_eq!(wait_for(&mut a)[0].1, "vodcut-work");
        assert_eq!(wait_for(&mut b)[0].1, "vodcut-work", "the blocking pool is the same runtime's");
        let start = Instant::now();
        while woken.load(Ordering::SeqCst) < 2 && start.elapsed() < Duration::from_secs(5) {
            std::thread::sleep(Duration::from_millis(5));
        }
        assert_eq!(woken.load(Ordering::SeqCst), 2, "one wake-up per result");
        assert_eq!(executor.block_on(async { 5 }), Ok(5), "the command line blocks on the same one");
    }
}
