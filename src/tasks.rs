//! The background runtime: the UI hands work to it, results come back over a channel and wake
//! the UI. The UI thread never waits on the network.

use std::collections::HashMap;
use std::future::Future;
use std::sync::mpsc::{Receiver, Sender, channel};

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
}

pub struct Tasks<T> {
    runtime: Option<tokio::runtime::Runtime>,
    tx: Sender<(Kind, T)>,
    rx: Receiver<(Kind, T)>,
    running: HashMap<Kind, usize>,
    repaint: Option<egui::Context>,
    error: Option<String>,
}

impl<T: Send + 'static> Default for Tasks<T> {
    fn default() -> Self {
        let (tx, rx) = channel();
        Tasks { runtime: None, tx, rx, running: HashMap::new(), repaint: None, error: None }
    }
}

impl<T: Send + 'static> Tasks<T> {
    pub fn set_context(&mut self, ctx: &egui::Context) {
        if self.repaint.is_none() {
            self.repaint = Some(ctx.clone());
        }
    }

    pub fn is_running(&self, kind: Kind) -> bool {
        self.running.get(&kind).copied().unwrap_or(0) > 0
    }

    pub fn any_running(&self) -> bool {
        self.running.values().any(|n| *n > 0)
    }

    /// Why the runtime could not start, if it could not.
    pub fn error(&self) -> Option<&str> {
        self.error.as_deref()
    }

    /// Runs `work` in the background. Returns false (and runs nothing) if a task of this kind
    /// is already running and `exclusive`, or if no runtime could be started.
    pub fn spawn(&mut self, kind: Kind, exclusive: bool, work: impl Future<Output = T> + Send + 'static) -> bool {
        if exclusive && self.is_running(kind) {
            return false;
        }
        if self.runtime.is_none() {
            match tokio::runtime::Builder::new_multi_thread()
                .worker_threads(2)
                .thread_name("vodcut-net")
                .enable_all()
                .build()
            {
                Ok(rt) => self.runtime = Some(rt),
                Err(e) => {
                    self.error = Some(crate::t!("cli-no-runtime", error = e.to_string()));
                    return false;
                }
            }
        }
        let (tx, ctx) = (self.tx.clone(), self.repaint.clone());
        *self.running.entry(kind).or_default() += 1;
        if let Some(rt) = &self.runtime {
            rt.spawn(async move {
                let result = work.await;
                let _ = tx.send((kind, result));
                if let Some(ctx) = ctx {
                    ctx.request_repaint();
                }
            });
        }
        true
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

impl<T> Drop for Tasks<T> {
    fn drop(&mut self) {
        // Do not wait for requests in flight when the window closes (their outcome is in
        // the job history already).
        if let Some(rt) = self.runtime.take() {
            rt.shutdown_background();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_exclusive_task_of_a_kind() {
        let mut t: Tasks<u32> = Tasks::default();
        assert!(t.spawn(Kind::Produce, true, async {
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
            7
        }));
        assert!(!t.spawn(Kind::Produce, true, async { 8 }), "a second production is refused while one runs");
        assert!(t.is_running(Kind::Produce));
        let start = std::time::Instant::now();
        let mut got = Vec::new();
        while got.is_empty() && start.elapsed() < std::time::Duration::from_secs(5) {
            got = t.poll();
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
        assert_eq!(got.iter().map(|(_, v)| *v).collect::<Vec<_>>(), vec![7]);
        assert!(!t.is_running(Kind::Produce));
    }
}
