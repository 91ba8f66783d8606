//! The sound server on Linux: PulseAudio, or PipeWire's PulseAudio service, spoken to by the
//! pure-Rust `pulseaudio` crate (no C library to build against). The server is found as
//! PulseAudio clients find it (`PULSE_SERVER`, else `$XDG_RUNTIME_DIR/pulse/native`).
//!
//! What the listener has heard is worked out from the server's timing answers: the bytes it
//! has read from this stream, less the sink's latency, moved on by the time since the answer
//! while the stream plays; less the silence this side played while the mix was late.

use super::mix::{CHANNELS, RATE};
use super::out::{Device, Fill, Output, Stream};
use pulseaudio::protocol;
use pulseaudio::{AsPlaybackSource, Client};
use std::ffi::CString;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Bytes of one frame (stereo f32).
const FRAME_BYTES: u64 = (CHANNELS * 4) as u64;
/// The server's buffer for this stream: short, so the picture and the sound start together.
const TARGET_MS: u64 = 60;

pub struct Pulse;

fn connect() -> Result<Client, String> {
    Client::from_env(c"vodcut").map_err(|e| crate::t!("sound-no-server", error = e.to_string()))
}

fn block_on<F: std::future::Future>(f: F) -> F::Output {
    futures_executor::block_on(f)
}

/// Stream bytes played as silence while the mix was late, by where they were played.
#[derive(Default)]
struct Gaps {
    /// (stream byte where the silence ended, total silent bytes up to there).
    marks: Vec<(u64, u64)>,
}

impl Gaps {
    /// Silent bytes before stream byte `at`.
    fn before(&self, at: u64) -> u64 {
        match self.marks.iter().rposition(|(end, _)| *end <= at) {
            Some(i) => self.marks[i].1,
            None => 0,
        }
    }
}

struct Timing {
    /// Stream bytes heard at `when` (the last answer), and whether it was playing.
    heard: u64,
    when: Instant,
    playing: bool,
}

struct PulseStream {
    stream: pulseaudio::PlaybackStream,
    written: Arc<AtomicU64>,
    gaps: Arc<Mutex<Gaps>>,
    timing: Arc<Mutex<Option<Timing>>>,
    stop: Arc<AtomicBool>,
}

impl Stream for PulseStream {
    fn heard(&self) -> u64 {
        let Ok(t) = self.timing.lock() else { return 0 };
        let Some(t) = t.as_ref() else { return 0 };
        let moved = if t.playing {
            (t.when.elapsed().as_secs_f64() * (f64::from(RATE) * FRAME_BYTES as f64)) as u64
        } else {
            0
        };
        let written = self.written.load(Ordering::Relaxed);
        let at = (t.heard + moved).min(written);
        let silent = self.gaps.lock().map(|g| g.before(at)).unwrap_or(0);
        at.saturating_sub(silent) / FRAME_BYTES
    }
}

impl Drop for PulseStream {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        let s = self.stream.clone();
        // Deleting the stream asks the server; a server gone away answers with an error, which
        // changes nothing here.
        std::thread::spawn(move || {
            let _ = block_on(s.delete());
        });
    }
}

impl Output for Pulse {
    fn open(&self, device: Option<&str>, mut fill: Fill) -> Result<Box<dyn Stream>, String> {
        let client = connect()?;
        let sink_name = match device.filter(|d| !d.is_empty()) {
            Some(d) => CString::new(d).map_err(|e| e.to_string())?,
            None => protocol::DEFAULT_SINK.to_owned(),
        };
        let target = (TARGET_MS * u64::from(RATE) / 1000 * FRAME_BYTES) as u32;
        // No stream properties: PulseAudio 16 kicked the client for the crate's encoding of
        // them ("protocol error"); the client's name says who plays.
        let params = protocol::PlaybackStreamParams {
            sample_spec: protocol::SampleSpec {
                format: protocol::SampleFormat::Float32Le,
                channels: CHANNELS as u8,
                sample_rate: RATE,
            },
            channel_map: protocol::ChannelMap::stereo(),
            sink_name: Some(sink_name),
            buffer_attr: protocol::stream::BufferAttr {
                max_length: u32::MAX,
                target_length: target,
                pre_buffering: target / 2,
                minimum_request_length: u32::MAX,
                fragment_size: u32::MAX,
            },
            cvolume: Some(protocol::ChannelVolume::norm(CHANNELS as u8)),
            ..Default::default()
        };
        let written = Arc::new(AtomicU64::new(0));
        let gaps = Arc::new(Mutex::new(Gaps::default()));
        let (w, g) = (written.clone(), gaps.clone());
        let mut floats: Vec<f32> = Vec::new();
        let callback = move |buf: &mut [u8]| {
            let frames = buf.len() / FRAME_BYTES as usize;
            floats.clear();
            floats.resize(frames * CHANNELS, 0.0);
            let n = fill(&mut floats).min(frames);
            for (out, s) in buf.chunks_exact_mut(4).zip(floats.iter()) {
                out.copy_from_slice(&s.to_le_bytes());
            }
            let len = (frames as u64) * FRAME_BYTES;
            let at = w.fetch_add(len, Ordering::Relaxed) + len;
            if n < frames
                && let Ok(mut g) = g.lock()
            {
                let total = g.marks.last().map_or(0, |m| m.1) + (frames - n) as u64 * FRAME_BYTES;
                g.marks.push((at, total));
            }
            len as usize
        };
        let stream = block_on(client.create_playback_stream(params, callback.as_playback_source()))
            .map_err(|e| crate::t!("sound-stream-refused", error = e.to_string()))?;
        let timing = Arc::new(Mutex::new(None));
        let stop = Arc::new(AtomicBool::new(false));
        let (s, t, st) = (stream.clone(), timing.clone(), stop.clone());
        std::thread::Builder::new()
            .name("vodcut-sound-clock".into())
            .spawn(move || {
                while !st.load(Ordering::Relaxed) {
                    let asked = Instant::now();
                    if let Ok(l) = block_on(s.timing_info()) {
                        // The answer describes the moment between asking and hearing back.
                        let when = asked + asked.elapsed() / 2;
                        let sink = l.sink_usec as f64 / 1e6 * f64::from(RATE) * FRAME_BYTES as f64;
                        let heard = (l.read_offset.max(0) as f64 - sink).max(0.0) as u64;
                        if let Ok(mut t) = t.lock() {
                            *t = Some(Timing { heard: heard - heard % FRAME_BYTES, when, playing: l.playing });
                        }
                    }
                    std::thread::sleep(Duration::from_millis(20));
                }
            })
            .map_err(|e| e.to_string())?;
        Ok(Box::new(PulseStream { stream, written, gaps, timing, stop }))
    }

    fn devices(&self) -> Result<Vec<Device>, String> {
        let client = connect()?;
        let sinks = block_on(client.list_sinks()).map_err(|e| e.to_string())?;
        Ok(sinks
            .into_iter()
            .map(|s| {
                let name = s.name.to_string_lossy().into_owned();
                let description = s.description.map_or_else(|| name.clone(), |d| d.to_string_lossy().into_owned());
                Device { name, description }
            })
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn silence_played_while_late_is_not_heard() {
        let g = Gaps { marks: vec![(800, 80), (1600, 160)] };
        assert_eq!((g.before(0), g.before(799), g.before(800), g.before(5000)), (0, 0, 80, 160));
    }
}
