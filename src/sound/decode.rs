//! A clip's sound as samples: one continuous ffmpeg decode per clip while playing (not a seek
//! per block), giving interleaved stereo f32 at the mix's rate, already at the playback speed
//! (`atempo`, which keeps the pitch). Chunks wait in a short bounded channel: decoding pauses
//! while nobody takes them, so memory stays a few hundred milliseconds of sound per clip.
//! Dropping the stream kills ffmpeg (its whole process group).

use super::mix::{CHANNELS, RATE};
use crate::media::decode::Ffmpeg;
use std::io::Read;
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError, sync_channel};
use std::time::Duration;

/// Frames in one chunk from the decoder (100 ms).
pub const CHUNK_FRAMES: usize = (RATE / 10) as usize;
/// Chunks waiting at most (so 400 ms of sound per clip).
const QUEUED: usize = 4;

/// `atempo` filters for `speed` (each takes 0.5 to 2 on every ffmpeg version; chained for more).
pub fn tempo_filters(speed: f64) -> Vec<String> {
    let mut left = speed.clamp(0.0625, 16.0);
    let mut out = Vec::new();
    while left > 2.0 {
        out.push("atempo=2".to_owned());
        left /= 2.0;
    }
    while left < 0.5 {
        out.push("atempo=0.5".to_owned());
        left /= 0.5;
    }
    if (left - 1.0).abs() > 1e-9 {
        out.push(format!("atempo={left:.6}"));
    }
    out
}

/// The ffmpeg arguments to decode `length` seconds of `input` from `from` at `speed`.
pub fn args(input: &str, from: f64, length: f64, speed: f64) -> Vec<String> {
    let mut filters = vec![super::mix::TO_STEREO.to_owned(), format!("aresample={RATE}")];
    filters.extend(tempo_filters(speed));
    let mut a: Vec<String> = ["-hide_banner", "-nostdin", "-loglevel", "error"].map(str::to_owned).to_vec();
    a.extend(["-ss".to_owned(), format!("{:.4}", from.max(0.0)), "-t".to_owned(), format!("{:.4}", length.max(0.0))]);
    // A URL may use http(s) only, anything else is read as a plain file (the same rule as
    // every ffmpeg that reads footage: docs/security.md).
    a.extend(crate::media::decode::input_args(input));
    a.extend([
        "-vn".to_owned(),
        "-af".to_owned(),
        filters.join(","),
        "-ac".to_owned(),
        CHANNELS.to_string(),
        "-ar".to_owned(),
        RATE.to_string(),
        "-f".to_owned(),
        "f32le".to_owned(),
        "pipe:1".to_owned(),
    ]);
    a
}

/// A running decode.
pub struct PcmStream {
    child: Child,
    rx: Receiver<Vec<f32>>,
    /// A first chunk has been queued (or the decode has ended).
    started: Arc<AtomicBool>,
}

/// What [`PcmStream::next`] found.
pub enum Next {
    Chunk(Vec<f32>),
    /// Nothing yet (still starting, or the network is slow).
    NotYet,
    /// The sound has ended (or the decode failed: what is missing plays as silence).
    End,
}

impl PcmStream {
    /// Starts decoding. `input` is a URL or a file.
    pub fn start(ff: &Ffmpeg, input: &str, from: f64, length: f64, speed: f64) -> std::io::Result<PcmStream> {
        let mut c = Command::new(ff.path());
        c.args(args(input, from, length, speed)).stdin(Stdio::null()).stdout(Stdio::piped()).stderr(Stdio::null());
        // Its own process group, so stopping it stops anything it started too.
        let mut child = crate::process::own_group(&mut c).spawn()?;
        let out = child.stdout.take();
        let (tx, rx) = sync_channel(QUEUED);
        let started = Arc::new(AtomicBool::new(false));
        let said = started.clone();
        std::thread::Builder::new().name("vodcut-sound-decode".into()).spawn(move || {
            // Set however the thread ends: an ended decode has nothing more to wait for either.
            struct Said(Arc<AtomicBool>);
            impl Drop for Said {
                fn drop(&mut self) {
                    self.0.store(true, Ordering::Relaxed);
                }
            }
            let said = Said(said);
            let Some(mut out) = out else { return };
            let mut bytes = vec![0u8; CHUNK_FRAMES * CHANNELS * 4];
            loop {
                let n = read_full(&mut out, &mut bytes);
                if n < 4 {
                    return;
                }
                let samples: Vec<f32> =
                    bytes[..n - n % 4].chunks_exact(4).map(|b| f32::from_le_bytes([b[0], b[1], b[2], b[3]])).collect();
                if tx.send(samples).is_err() {
                    return;
                }
                said.0.store(true, Ordering::Relaxed);
                if n < bytes.len() {
                    return;
                }
            }
        })?;
        Ok(PcmStream { child, rx, started })
    }

    /// Whether its first sound is waiting to be taken (or the decode has ended): taking it
    /// will not wait for ffmpeg to start.
    pub fn has_started(&self) -> bool {
        self.started.load(Ordering::Relaxed)
    }

    /// The next chunk, waiting at most `wait`.
    pub fn next(&self, wait: Duration) -> Next {
        match self.rx.recv_timeout(wait) {
            Ok(c) => Next::Chunk(c),
            Err(RecvTimeoutError::Timeout) => Next::NotYet,
            Err(RecvTimeoutError::Disconnected) => Next::End,
        }
    }
}

/// Reads until `buf` is full or the input ends; the bytes read.
fn read_full(r: &mut impl Read, buf: &mut [u8]) -> usize {
    let mut n = 0;
    while n < buf.len() {
        match r.read(&mut buf[n..]) {
            Ok(0) | Err(_) => break,
            Ok(k) => n += k,
        }
    }
    n
}

impl Drop for PcmStream {
    fn drop(&mut self) {
        crate::process::kill_group(&mut self.child);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_may_use_http_only_and_anything_else_is_a_plain_file() {
        let a = args("https://cdn.example.com/a.mp4?auth=x", 1.0, 2.0, 1.0);
        let i = a.iter().position(|x| x == "-i").unwrap();
        let w = a.iter().position(|x| x == "-protocol_whitelist").unwrap();
        assert!(w < i && a[w + 1] == "http,https,tcp,tls,crypto", "{a:?}");
        let a = args("concat:/etc/passwd|/x", 0.0, 1.0, 1.0);
        let i = a.iter().position(|x| x == "-i").unwrap();
        assert_eq!(a[i - 1], "file", "only the file protocol");
        assert_eq!(a[i + 1], "file:concat:/etc/passwd|/x", "read as a file name, never as a protocol");
    }

    #[test]
    fn tempo_keeps_each_filter_in_range() {
        assert!(tempo_filters(1.0).is_empty());
        assert_eq!(tempo_filters(2.0), vec!["atempo=2.000000"]);
        assert_eq!(tempo_filters(8.0), vec!["atempo=2", "atempo=2", "atempo=2.000000"]);
        assert_eq!(tempo_filters(0.25), vec!["atempo=0.5", "atempo=0.500000"]);
        let a = args("/tmp/x.mp4", 1.5, 2.0, 1.0);
        assert!(a.windows(2).any(|w| w[0] == "-ss" && w[1] == "1.5000"), "{a:?}");
        assert!(!a.contains(&"-rw_timeout".to_owned()), "a local file takes no network option");
        assert!(args("https://x/y", 0.0, 1.0, 1.0).contains(&"-rw_timeout".to_owned()));
    }
}
