//! The sound server on Linux: PulseAudio, or PipeWire's PulseAudio service, spoken to by the
//! pure-Rust `pulseaudio` crate (no C library to build against). The server is found as
//! PulseAudio clients find it (`PULSE_SERVER`, else `$XDG_RUNTIME_DIR/pulse/native`).
//!
//! What the listener has heard is worked out from the server's timing answers: the bytes it
//! has read from this stream, less the sink's latency, moved on by the time since the answer
//! while the stream plays; less the silence this side played while the mix was late.

use super::mix::{CHANNELS, RATE};
use super::out::{Device, Fill, Output, Stream};
use pulseaudio::Client;
use pulseaudio::protocol;
use std::ffi::CString;
use std::io::BufReader;
use std::os::unix::net::UnixStream;
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
    /// (stream byte where the silence started, where it ended, total silent bytes up to its
    /// end), in stream order.
    marks: Vec<(u64, u64, u64)>,
    /// Silent bytes of marks dropped to keep the list short (all before the oldest kept).
    base: u64,
}

/// Marks kept at most; the older half is folded into `base` past this (the clock only asks
/// about the last moments).
const MAX_GAPS: usize = 4096;

impl Gaps {
    /// Notes `len` silent bytes ending at stream byte `end`.
    fn add(&mut self, end: u64, len: u64) {
        let total = self.marks.last().map_or(self.base, |m| m.2) + len;
        self.marks.push((end - len, end, total));
        if self.marks.len() > MAX_GAPS {
            let cut = MAX_GAPS / 2;
            self.base = self.marks[cut - 1].2;
            self.marks.drain(..cut);
        }
    }

    /// Silent bytes before stream byte `at`: the whole of each silence that ended by then, and
    /// the part already played of one playing at `at` (so the clock stands through it rather
    /// than running on and jumping back when it ends).
    fn before(&self, at: u64) -> u64 {
        let i = self.marks.partition_point(|(start, _, _)| *start < at);
        match i.checked_sub(1).map(|i| self.marks[i]) {
            Some((_, end, total)) => total - end.saturating_sub(at),
            None => self.base,
        }
    }
}

struct Timing {
    /// Stream bytes heard at `when` (the last answer), and whether it was playing.
    heard: u64,
    when: Instant,
    playing: bool,
}

/// The state the stream's threads share.
struct Shared {
    written: AtomicU64,
    gaps: Mutex<Gaps>,
    timing: Mutex<Option<Timing>>,
    stop: AtomicBool,
}

struct PulseStream {
    shared: Arc<Shared>,
    socket: UnixStream,
}

impl Stream for PulseStream {
    fn heard(&self) -> u64 {
        let s = &self.shared;
        let Ok(t) = s.timing.lock() else { return 0 };
        let Some(t) = t.as_ref() else { return 0 };
        let moved = if t.playing {
            (t.when.elapsed().as_secs_f64() * (f64::from(RATE) * FRAME_BYTES as f64)) as u64
        } else {
            0
        };
        let written = s.written.load(Ordering::Relaxed);
        let at = (t.heard + moved).min(written);
        let silent = s.gaps.lock().map(|g| g.before(at)).unwrap_or(0);
        at.saturating_sub(silent) / FRAME_BYTES
    }
}

impl Drop for PulseStream {
    fn drop(&mut self) {
        self.shared.stop.store(true, Ordering::Relaxed);
        // Closing the connection ends the stream on the server and the reader's wait.
        let _ = self.socket.shutdown(std::net::Shutdown::Both);
    }
}

/// Tags of this side's requests, to know the answers.
const CREATE: u32 = 2;
const TIMING: u32 = 3;

fn bad(e: impl std::fmt::Display) -> String {
    crate::t!("sound-stream-refused", error = e.to_string())
}

/// Connects and says who we are (as the crate's blocking example does): the socket and the
/// protocol version agreed.
fn handshake() -> Result<(BufReader<UnixStream>, u16), String> {
    let path = pulseaudio::socket_path_from_env().ok_or_else(|| crate::t!("sound-no-server", error = "-"))?;
    let sock = UnixStream::connect(&path).map_err(|e| crate::t!("sound-no-server", error = e.to_string()))?;
    // A server that never answers must not hold the sound's thread for ever.
    sock.set_read_timeout(Some(Duration::from_secs(5))).map_err(bad)?;
    let mut sock = BufReader::new(sock);
    let cookie = pulseaudio::cookie_path_from_env().and_then(|p| std::fs::read(p).ok()).unwrap_or_default();
    let auth =
        protocol::AuthParams { version: protocol::MAX_VERSION, supports_shm: false, supports_memfd: false, cookie };
    protocol::write_command_message(sock.get_mut(), 0, &protocol::Command::Auth(auth), protocol::MAX_VERSION)
        .map_err(bad)?;
    let (_, reply) =
        protocol::read_reply_message::<protocol::AuthReply>(&mut sock, protocol::MAX_VERSION).map_err(bad)?;
    let version = protocol::MAX_VERSION.min(reply.version);
    let mut props = protocol::Props::new();
    props.set(protocol::Prop::ApplicationName, c"vodcut");
    protocol::write_command_message(sock.get_mut(), 1, &protocol::Command::SetClientName(props), version)
        .map_err(bad)?;
    protocol::read_reply_message::<protocol::SetClientNameReply>(&mut sock, version).map_err(bad)?;
    Ok((sock, version))
}

impl Output for Pulse {
    /// Drives the protocol itself on two threads (the crate's own stream reactor stopped
    /// asking for data after an underrun on a loaded machine): one reads the server's messages
    /// and answers each request for data with the mix, one asks for the timing every 20 ms.
    fn open(&self, device: Option<&str>, mut fill: Fill) -> Result<Box<dyn Stream>, String> {
        let (mut sock, version) = handshake()?;
        let sink_name = match device.filter(|d| !d.is_empty()) {
            Some(d) => CString::new(d).map_err(|e| e.to_string())?,
            None => protocol::DEFAULT_SINK.to_owned(),
        };
        let target = (TARGET_MS * u64::from(RATE) / 1000 * FRAME_BYTES) as u32;
        let params = protocol::PlaybackStreamParams {
            sample_spec: protocol::SampleSpec {
                format: protocol::SampleFormat::Float32Le,
                channels: CHANNELS as u8,
                sample_rate: RATE,
            },
            channel_map: protocol::ChannelMap::stereo(),
            sink_name: Some(sink_name),
            // Starts at once, and plays on through an underrun (the clock stands meanwhile).
            buffer_attr: protocol::stream::BufferAttr {
                max_length: u32::MAX,
                target_length: target,
                pre_buffering: 0,
                minimum_request_length: u32::MAX,
                fragment_size: u32::MAX,
            },
            cvolume: Some(protocol::ChannelVolume::norm(CHANNELS as u8)),
            ..Default::default()
        };
        protocol::write_command_message(
            sock.get_mut(),
            CREATE,
            &protocol::Command::CreatePlaybackStream(params),
            version,
        )
        .map_err(bad)?;
        let (_, info) =
            protocol::read_reply_message::<protocol::CreatePlaybackStreamReply>(&mut sock, version).map_err(bad)?;
        sock.get_ref().set_read_timeout(None).map_err(bad)?;
        let shared = Arc::new(Shared {
            written: AtomicU64::new(0),
            gaps: Mutex::new(Gaps::default()),
            timing: Mutex::new(None),
            stop: AtomicBool::new(false),
        });
        let writer = Arc::new(Mutex::new(sock.get_ref().try_clone().map_err(bad)?));
        let control = sock.get_ref().try_clone().map_err(bad)?;
        let channel = info.channel;
        let mut floats: Vec<f32> = Vec::new();
        let mut bytes: Vec<u8> = Vec::new();
        // Sends `length` bytes of mix (whole frames; the server asks in frames).
        let mut send = {
            let (shared, writer) = (shared.clone(), writer.clone());
            move |length: u32| -> std::io::Result<()> {
                let frames = length as usize / FRAME_BYTES as usize;
                if frames == 0 {
                    return Ok(());
                }
                floats.clear();
                floats.resize(frames * CHANNELS, 0.0);
                let n = fill(&mut floats).min(frames);
                bytes.clear();
                bytes.extend(floats.iter().flat_map(|s| s.to_le_bytes()));
                let len = bytes.len() as u64;
                let end = shared.written.fetch_add(len, Ordering::Relaxed) + len;
                if n < frames
                    && let Ok(mut g) = shared.gaps.lock()
                {
                    g.add(end, (frames - n) as u64 * FRAME_BYTES);
                }
                let mut w = writer.lock().map_err(|_| std::io::Error::other("poisoned"))?;
                protocol::write_memblock(&mut *w, channel, &bytes, 0).map_err(std::io::Error::other)
            }
        };
        send(info.requested_bytes).map_err(bad)?;
        let (sh, asked) = (shared.clone(), Arc::new(Mutex::new(Instant::now())));
        let asked2 = asked.clone();
        std::thread::Builder::new()
            .name("vodcut-sound-server".into())
            .spawn(move || {
                while !sh.stop.load(Ordering::Relaxed) {
                    let Ok((seq, msg)) = protocol::read_command_message(&mut sock, version) else { return };
                    match msg {
                        // A request for data is answered in the guard; only a failed send ends.
                        protocol::Command::Request(r) if r.channel == channel && send(r.length).is_err() => return,
                        protocol::Command::Reply if seq == TIMING => {
                            let mut ts = protocol::TagStructReader::new(&mut sock, version);
                            let Ok(l) = ts.read::<protocol::PlaybackLatency>() else { return };
                            // The answer describes the moment between asking and hearing back.
                            let at = asked2.lock().map(|a| *a).unwrap_or_else(|_| Instant::now());
                            let when = at + at.elapsed() / 2;
                            let sink = l.sink_usec as f64 / 1e6 * f64::from(RATE) * FRAME_BYTES as f64;
                            let heard = (l.read_offset.max(0) as f64 - sink).max(0.0) as u64;
                            if let Ok(mut t) = sh.timing.lock() {
                                *t = Some(Timing { heard: heard - heard % FRAME_BYTES, when, playing: l.playing });
                            }
                        }
                        protocol::Command::Error(e) => {
                            log::info!("sound server: {e:?}");
                            return;
                        }
                        // Started, underflow notices and other replies change nothing here.
                        _ => {}
                    }
                }
            })
            .map_err(bad)?;
        let sh = shared.clone();
        std::thread::Builder::new()
            .name("vodcut-sound-clock".into())
            .spawn(move || {
                while !sh.stop.load(Ordering::Relaxed) {
                    if let Ok(mut a) = asked.lock() {
                        *a = Instant::now();
                    }
                    let cmd = protocol::Command::GetPlaybackLatency(protocol::LatencyParams {
                        channel,
                        now: std::time::SystemTime::now(),
                    });
                    let Ok(mut w) = writer.lock() else { return };
                    if protocol::write_command_message(&mut *w, TIMING, &cmd, version).is_err() {
                        return;
                    }
                    drop(w);
                    std::thread::sleep(Duration::from_millis(20));
                }
            })
            .map_err(bad)?;
        Ok(Box::new(PulseStream { shared, socket: control }))
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
        let mut g = Gaps::default();
        g.add(800, 80);
        g.add(1600, 80);
        assert_eq!((g.before(0), g.before(720), g.before(800), g.before(1000), g.before(5000)), (0, 0, 80, 80, 160));
        // While a silence plays the clock stands: the silence played so far is not heard (the
        // old count left it out until the silence ended, so the clock ran on, then jumped back).
        assert_eq!((g.before(760), g.before(1560)), (40, 120));
        let heard = |at: u64| at - g.before(at);
        assert!((700..1700).all(|at| heard(at) <= heard(at + 1)), "the clock never goes back");
    }

    #[test]
    fn the_gaps_stay_few_over_a_long_play() {
        let mut g = Gaps::default();
        for k in 1..=10_000u64 {
            g.add(k * 1000, 10);
        }
        assert!(g.marks.len() <= MAX_GAPS);
        assert_eq!((g.before(10_000_000), g.before(9_999_995)), (100_000, 99_995));
    }
}
