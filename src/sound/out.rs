//! Where the mix goes: one small trait over the sound device. On Linux the sound server
//! (PulseAudio, or PipeWire's PulseAudio service) through a pure-Rust client ([`super::pulse`]);
//! with no device, [`Silent`] consumes the mix at the wall clock's pace, so playback goes on
//! without sound; tests use [`Recorder`], which keeps every sample.
//!
//! A stream pulls the mix through a [`Fill`] on its own thread and says how many frames of
//! the mix the listener has heard so far ([`Stream::heard`]): that count is the playback clock
//! the picture follows. Silence a stream plays while the mix is late (an underrun) is not
//! counted, so the clock waits for the sound instead of running ahead of it.

use super::mix::{CHANNELS, RATE};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Fills an interleaved stereo buffer with the mix; returns how many frames of it are mix
/// (from the start; the rest is left as silence): fewer when the mix is late or has ended.
pub type Fill = Box<dyn FnMut(&mut [f32]) -> usize + Send>;

/// A sound output device.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Device {
    /// The name to open it by (kept in the settings).
    pub name: String,
    /// What to show.
    pub description: String,
}

/// A sound output: opens streams and lists devices.
pub trait Output: Send + Sync {
    /// Opens a stream on `device` (None or empty: the default one) that pulls from `fill`.
    fn open(&self, device: Option<&str>, fill: Fill) -> Result<Box<dyn Stream>, String>;
    /// The devices there are.
    fn devices(&self) -> Result<Vec<Device>, String>;
}

/// A running stream. Dropping it stops the sound.
pub trait Stream: Send {
    /// Frames of the mix heard so far.
    fn heard(&self) -> u64;
}

/// No device: the mix is taken at the pace of the wall clock and thrown away.
pub struct Silent;

struct Paced {
    heard: Arc<AtomicU64>,
    stop: Arc<AtomicBool>,
}

impl Stream for Paced {
    fn heard(&self) -> u64 {
        self.heard.load(Ordering::Relaxed)
    }
}

impl Drop for Paced {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
    }
}

/// Takes the mix in 10 ms blocks as fast as `pace` allows, counting the frames of mix.
fn pull_thread(mut fill: Fill, paced: bool, keep: Option<Arc<Mutex<Vec<f32>>>>) -> Result<Box<dyn Stream>, String> {
    let heard = Arc::new(AtomicU64::new(0));
    let stop = Arc::new(AtomicBool::new(false));
    let (h, s) = (heard.clone(), stop.clone());
    std::thread::Builder::new()
        .name("vodcut-sound-out".into())
        .spawn(move || {
            let block = (RATE / 100) as usize;
            let mut buf = vec![0f32; block * CHANNELS];
            let start = Instant::now();
            let mut pulled = 0u64;
            while !s.load(Ordering::Relaxed) {
                if paced {
                    let due = (start.elapsed().as_secs_f64() * f64::from(RATE)) as u64;
                    if pulled + block as u64 > due {
                        std::thread::sleep(Duration::from_millis(2));
                        continue;
                    }
                }
                buf.fill(0.0);
                let n = fill(&mut buf).min(block);
                pulled += block as u64;
                if let Some(k) = &keep
                    && let Ok(mut v) = k.lock()
                {
                    v.extend_from_slice(&buf[..n * CHANNELS]);
                }
                h.fetch_add(n as u64, Ordering::Relaxed);
                if n == 0 && !paced {
                    // Nothing to take yet (decoders starting): a recorder does not keep silence.
                    std::thread::sleep(Duration::from_millis(1));
                }
            }
        })
        .map_err(|e| e.to_string())?;
    Ok(Box::new(Paced { heard, stop }))
}

impl Output for Silent {
    fn open(&self, _device: Option<&str>, fill: Fill) -> Result<Box<dyn Stream>, String> {
        pull_thread(fill, true, None)
    }

    fn devices(&self) -> Result<Vec<Device>, String> {
        Ok(Vec::new())
    }
}

/// A test sink: keeps every frame of mix it is given. Unpaced by default (it takes the mix as
/// fast as it is made, so a test of a minute of sound runs in seconds); paced, it plays in
/// real time like a device.
#[derive(Clone, Default)]
pub struct Recorder {
    pub samples: Arc<Mutex<Vec<f32>>>,
    pub paced: bool,
}

impl Recorder {
    /// The frames recorded so far (interleaved stereo).
    pub fn take(&self) -> Vec<f32> {
        self.samples.lock().map(|v| v.clone()).unwrap_or_default()
    }
}

impl Output for Recorder {
    fn open(&self, _device: Option<&str>, fill: Fill) -> Result<Box<dyn Stream>, String> {
        pull_thread(fill, self.paced, Some(self.samples.clone()))
    }

    fn devices(&self) -> Result<Vec<Device>, String> {
        Ok(vec![Device { name: "recorder".into(), description: "Test recorder".into() }])
    }
}

/// The system's sound output: the sound server on Linux; none elsewhere yet (playback is
/// silent there, with the note saying so).
pub fn system() -> Arc<dyn Output> {
    #[cfg(target_os = "linux")]
    {
        Arc::new(super::pulse::Pulse)
    }
    #[cfg(not(target_os = "linux"))]
    {
        Arc::new(Unsupported)
    }
}

/// Where no sound output is built in.
#[cfg(not(target_os = "linux"))]
pub struct Unsupported;

#[cfg(not(target_os = "linux"))]
impl Output for Unsupported {
    fn open(&self, _device: Option<&str>, _fill: Fill) -> Result<Box<dyn Stream>, String> {
        Err(crate::t!("sound-no-output-here"))
    }

    fn devices(&self) -> Result<Vec<Device>, String> {
        Ok(Vec::new())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_recorder_keeps_the_mix_and_counts_only_it() {
        let r = Recorder::default();
        let mut given = 0u64;
        let fill: Fill = Box::new(move |buf: &mut [f32]| {
            // 30 ms of mix, then nothing (the mix is late, then over).
            let frames = (buf.len() / CHANNELS).min(1440u64.saturating_sub(given) as usize);
            buf[..frames * CHANNELS].fill(0.25);
            given += frames as u64;
            frames
        });
        let s = r.open(None, fill).unwrap();
        let start = Instant::now();
        while s.heard() < 1440 {
            assert!(start.elapsed() < Duration::from_secs(5));
            std::thread::sleep(Duration::from_millis(1));
        }
        std::thread::sleep(Duration::from_millis(20));
        assert_eq!(s.heard(), 1440, "silence after the mix is not counted");
        assert_eq!(r.take(), vec![0.25; 1440 * CHANNELS]);
    }

    #[test]
    fn silent_play_follows_the_wall_clock() {
        let fill: Fill = Box::new(|buf: &mut [f32]| buf.len() / CHANNELS);
        let s = Silent.open(None, fill).unwrap();
        std::thread::sleep(Duration::from_millis(200));
        let heard = s.heard() as f64 / f64::from(RATE);
        assert!((0.1..0.35).contains(&heard), "{heard} s heard in 0.2 s");
    }
}
