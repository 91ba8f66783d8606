//! UPLOADS: local files into VOD. `check` decides what VOD takes, `sign` signs OSS requests
//! (V1 and V4), `oss` is a small OSS client (PutObject, multipart), `state` keeps resumable
//! state on disk, `engine` runs one file's upload. Front ends (CLI, editor) drive `engine`
//! and show [`engine::Progress`] with [`Speed`].

pub mod check;
pub mod engine;
pub mod error;
pub mod oss;
pub mod resume;
pub mod sign;
pub mod state;

pub use check::MediaKind;
pub use engine::{Control, FileRequest, Progress, UploadConfig, Uploaded, upload_file};
pub use error::UploadError;
pub use state::StateStore;

use std::collections::VecDeque;
use std::time::Duration;

/// Transfer speed over the last few seconds, and the time left at that speed.
#[derive(Clone, Debug, Default)]
pub struct Speed {
    /// (seconds since some start, bytes done)
    samples: VecDeque<(f64, u64)>,
}

impl Speed {
    const WINDOW: f64 = 5.0;

    /// Records `done` bytes at time `now` (seconds, any fixed origin).
    pub fn sample(&mut self, now: f64, done: u64) {
        if let Some(&(_, last)) = self.samples.back()
            && done < last
        {
            self.samples.clear();
        }
        self.samples.push_back((now, done));
        while self.samples.len() > 2 && self.samples.front().is_some_and(|(t, _)| now - t > Self::WINDOW) {
            self.samples.pop_front();
        }
    }

    /// Bytes per second, once there is something to go on.
    pub fn bytes_per_sec(&self) -> Option<f64> {
        let (&(t0, b0), &(t1, b1)) = (self.samples.front()?, self.samples.back()?);
        (t1 - t0 >= 0.2).then(|| (b1.saturating_sub(b0)) as f64 / (t1 - t0))
    }

    pub fn time_left(&self, remaining: u64) -> Option<Duration> {
        let s = self.bytes_per_sec().filter(|s| *s > 0.0)?;
        Some(Duration::from_secs_f64((remaining as f64 / s).min(360_000.0)))
    }
}

/// `12.3 MB`, `850 KB`.
pub fn human_bytes(n: f64) -> String {
    if n >= 1e9 {
        format!("{:.2} GB", n / 1e9)
    } else if n >= 1e6 {
        format!("{:.1} MB", n / 1e6)
    } else if n >= 1e3 {
        format!("{:.0} KB", n / 1e3)
    } else {
        format!("{n:.0} B")
    }
}

/// `1:05:09`, `4:02`, `0:07`.
pub fn human_duration(d: Duration) -> String {
    let s = d.as_secs();
    if s >= 3600 {
        format!("{}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60)
    } else {
        format!("{}:{:02}", s / 60, s % 60)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn speed_and_time_left() {
        let mut s = Speed::default();
        assert_eq!(s.bytes_per_sec(), None);
        s.sample(0.0, 0);
        s.sample(1.0, 10_000_000);
        s.sample(2.0, 20_000_000);
        assert_eq!(s.bytes_per_sec(), Some(10_000_000.0));
        assert_eq!(s.time_left(50_000_000), Some(Duration::from_secs(5)));
        // Old samples leave the window: a slowdown shows within seconds.
        for t in 3u32..=10 {
            s.sample(f64::from(t), 20_000_000 + u64::from(t - 2) * 1_000_000);
        }
        assert!((s.bytes_per_sec().unwrap() - 1_000_000.0).abs() < 1.0);
        assert_eq!(human_bytes(12_345_678.0), "12.3 MB");
        assert_eq!(human_duration(Duration::from_secs(3909)), "1:05:09");
    }
}
