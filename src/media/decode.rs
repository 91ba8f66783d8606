//! The `ffmpeg` program: one frame at a time, a continuous stream of frames for playback, and
//! audio peaks for waveforms. Found once (a configured path, else PATH); absent is a normal
//! state the callers handle (covers and snapshots instead).
//!
//! Frames come back as PPM over a pipe (`image2pipe`), which carries its own size, so no
//! probing is needed. Every run has a deadline and can be cancelled; the child is killed then.
//! ffmpeg's messages can repeat the input URL, whose query is a signature: they are scrubbed
//! before they reach any error text.

use crate::compose::Image;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};
use std::time::{Duration, Instant};

/// How to install ffmpeg, for the hint shown when it is missing, in the user's language.
pub fn install_hint() -> String {
    crate::t!("media-ffmpeg-install-hint")
}

#[derive(Clone, Debug, PartialEq)]
pub enum DecodeError {
    Missing(String),
    Timeout(u64),
    Cancelled,
    /// The server refused the URL (403): a signed URL that expired.
    Forbidden,
    NoFrame {
        at: f64,
    },
    Failed(String),
}

impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let text = match self {
            DecodeError::Missing(why) => crate::t!("media-ffmpeg-missing", reason = why.as_str()),
            DecodeError::Timeout(secs) => crate::t!("media-ffmpeg-timeout", secs = *secs),
            DecodeError::Cancelled => crate::t!("media-cancelled"),
            DecodeError::Forbidden => crate::t!("media-url-expired"),
            DecodeError::NoFrame { at } => {
                let at = crate::i18n::Clock::without_project().length_secs(*at);
                crate::t!("media-no-frame-at", at = at)
            }
            DecodeError::Failed(e) => crate::t!("media-ffmpeg-failed", error = e.as_str()),
        };
        f.write_str(&text)
    }
}

impl std::error::Error for DecodeError {}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ffmpeg {
    path: PathBuf,
}

/// Removes URLs (and so their signatures) from ffmpeg's messages.
pub fn scrub(text: &str, input: &str) -> String {
    let mut s = text.replace(input, "<media URL>");
    for scheme in ["https://", "http://"] {
        while let Some(i) = s.find(scheme) {
            let end = s[i..].find(|c: char| c.is_whitespace() || c == '\'' || c == '"').map_or(s.len(), |e| i + e);
            s.replace_range(i..end, "<media URL>");
        }
    }
    s
}

/// Why ffmpeg could not be started: absent (or not runnable), or refused by the system for
/// another reason (arguments too long), which installing ffmpeg would not cure.
fn spawn_failed(e: &std::io::Error) -> DecodeError {
    match e.kind() {
        std::io::ErrorKind::NotFound | std::io::ErrorKind::PermissionDenied => DecodeError::Missing(e.to_string()),
        _ => DecodeError::Failed(e.to_string()),
    }
}

fn last_lines(stderr: &str, n: usize) -> String {
    let lines: Vec<&str> = stderr.lines().filter(|l| !l.trim().is_empty()).collect();
    lines[lines.len().saturating_sub(n)..].join("; ")
}

fn classify(stderr: &str, input: &str) -> DecodeError {
    if stderr.contains("403 Forbidden") || stderr.contains("HTTP error 403") {
        return DecodeError::Forbidden;
    }
    DecodeError::Failed(scrub(&last_lines(stderr, 3), input))
}

impl Ffmpeg {
    /// The program at `configured` (when set and non-empty), else `ffmpeg` on PATH; checked by
    /// running `ffmpeg -version` (at most 20 s: a loaded machine can be slow to start it).
    pub fn find(configured: Option<&Path>) -> Result<Ffmpeg, DecodeError> {
        let path =
            configured.filter(|p| !p.as_os_str().is_empty()).map_or_else(|| PathBuf::from("ffmpeg"), Path::to_owned);
        let f = Ffmpeg { path };
        let cancel = AtomicBool::new(false);
        match f.run(&["-hide_banner", "-version"], Duration::from_secs(20), 1 << 16, &cancel, "") {
            Ok((out, _)) if String::from_utf8_lossy(&out).contains("ffmpeg version") => Ok(f),
            Ok(_) => Err(DecodeError::Missing(crate::t!("media-not-ffmpeg", path = f.path.display().to_string()))),
            Err(DecodeError::Failed(e)) | Err(DecodeError::Missing(e)) => {
                Err(DecodeError::Missing(crate::t!("media-cannot-run", path = f.path.display().to_string(), error = e)))
            }
            Err(e) => Err(DecodeError::Missing(e.to_string())),
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    fn command(&self, args: &[&str]) -> Command {
        let mut c = Command::new(&self.path);
        c.args(args).stdin(Stdio::null()).stdout(Stdio::piped()).stderr(Stdio::piped());
        crate::process::own_group(&mut c);
        c
    }

    /// Runs ffmpeg to completion: stdout (at most `max_out` bytes) and stderr. On timeout or
    /// cancel its whole process group is killed, and its output is awaited no longer than
    /// the deadline (a process it left behind may hold the pipes open).
    fn run(
        &self,
        args: &[&str],
        timeout: Duration,
        max_out: usize,
        cancel: &AtomicBool,
        input: &str,
    ) -> Result<(Vec<u8>, String), DecodeError> {
        use crate::process::{Ended, Pipe, drain, wait};
        let mut child = self.command(args).spawn().map_err(|e| spawn_failed(&e))?;
        let mut out = Pipe::read(child.stdout.take(), max_out);
        let mut err = Pipe::read(child.stderr.take(), 1 << 20);
        let deadline = Instant::now() + timeout;
        let ended = wait(&mut child, deadline, cancel);
        let complete = drain(child.id(), &mut [&mut out, &mut err], deadline);
        let status = match ended {
            Ended::Exited(s) => s,
            Ended::TimedOut => return Err(DecodeError::Timeout(timeout.as_secs())),
            Ended::Cancelled => return Err(DecodeError::Cancelled),
            Ended::Failed(e) => return Err(DecodeError::Failed(e.to_string())),
        };
        if !complete {
            // The program ended but something it started kept the pipes past the deadline.
            return Err(DecodeError::Timeout(timeout.as_secs()));
        }
        let (out, err) = (out.take(), String::from_utf8_lossy(&err.take()).into_owned());
        if !status.success() && out.is_empty() {
            return Err(classify(&err, input));
        }
        Ok((out, err))
    }

    /// The length in seconds of a local media file, as ffmpeg reads it from the container
    /// (None for a still image, a file it cannot read, or after `timeout`).
    pub fn duration_of(&self, file: &Path, timeout: Duration) -> Option<f64> {
        let input = file.to_str()?;
        let cancel = AtomicBool::new(false);
        // `-t 0 -f null -`: open the input, print what it is, write nothing.
        let mut args = vec!["-hide_banner", "-nostdin"];
        let input_args = input_args(input);
        args.extend(input_args.iter().map(String::as_str));
        args.extend(["-t", "0", "-f", "null", "-"]);
        let (_, err) = self.run(&args, timeout, 1 << 10, &cancel, input).ok()?;
        parse_duration(&err)
    }

    /// The frame at `at` seconds of `input` (a URL or a file), `width` pixels wide (0: as the
    /// source is).
    pub fn frame_at(
        &self,
        input: &str,
        at: f64,
        width: u32,
        timeout: Duration,
        cancel: &AtomicBool,
    ) -> Result<Image, DecodeError> {
        let at_s = format!("{:.4}", at.max(0.0));
        let scale = if width == 0 {
            "scale=min(iw\\,4096):-2".to_owned()
        } else {
            format!("scale={}:-2:flags=bilinear", width.clamp(16, 4096) & !1)
        };
        let args = ppm_args(&at_s, input, &["-frames:v", "1", "-vf", &scale]);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let (out, err) = self.run(&args, timeout, 4096 * 4096 * 3 + 64, cancel, input)?;
        if out.is_empty() {
            if err.contains("403") {
                return Err(DecodeError::Forbidden);
            }
            return Err(DecodeError::NoFrame { at });
        }
        let mut cursor = out.as_slice();
        parse_ppm(&mut cursor).ok_or_else(|| DecodeError::Failed(crate::t!("media-frame-unreadable")))
    }

    /// Frames from `from` seconds on at `fps`, `width` wide, as ffmpeg decodes them (one
    /// process, no seek per frame). At most a few frames wait in the channel: decoding
    /// pauses while nobody takes them.
    pub fn stream(&self, input: &str, from: f64, fps: f64, width: u32) -> Result<FrameStream, DecodeError> {
        let at_s = format!("{:.4}", from.max(0.0));
        let vf = format!("fps={fps:.3},scale={}:-2:flags=bilinear", width.clamp(16, 4096) & !1);
        let args = ppm_args(&at_s, input, &["-vf", &vf]);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let mut child = self.command(&args).stderr(Stdio::null()).spawn().map_err(|e| spawn_failed(&e))?;
        let stdout = child.stdout.take();
        let (tx, rx) = sync_channel(3);
        let stop = Arc::new(AtomicBool::new(false));
        let stop2 = stop.clone();
        std::thread::spawn(move || {
            let Some(mut out) = stdout else { return };
            let mut buf = std::io::BufReader::with_capacity(1 << 16, &mut out);
            pump(&mut buf, &tx, &stop2);
        });
        Ok(FrameStream { child: std::sync::Mutex::new(child), exited: std::sync::Mutex::new(None), rx, stop, fps })
    }

    /// Audio peaks of `input`: the loudest sample of each 1/`per_second` s, mono, as
    /// [`super::peak_byte`]s.
    /// Reads the decoded audio as it streams; stops after `max_secs`.
    pub fn peaks(
        &self,
        input: &str,
        per_second: u32,
        max_secs: u32,
        timeout: Duration,
        cancel: &AtomicBool,
    ) -> Result<Vec<u8>, DecodeError> {
        const RATE: u32 = 8000;
        let per_second = per_second.clamp(1, RATE);
        let limit = max_secs.to_string();
        let mut args = vec!["-hide_banner", "-nostdin", "-loglevel", "error"];
        let input_args = input_args(input);
        args.extend(input_args.iter().map(String::as_str));
        args.extend(["-t", &limit, "-vn", "-ac", "1", "-ar", "8000", "-f", "s16le", "pipe:1"]);
        let max = (max_secs as usize) * RATE as usize * 2;
        let (pcm, _) = self.run(&args, timeout, max, cancel, input)?;
        let bucket = (RATE / per_second) as usize;
        Ok(pcm
            .chunks(bucket * 2)
            .map(|c| {
                let peak =
                    c.chunks_exact(2).map(|s| i16::from_le_bytes([s[0], s[1]]).unsigned_abs()).max().unwrap_or(0);
                super::peak_byte(f64::from(peak) / 32768.0)
            })
            .collect())
    }
}

/// "  Duration: 00:01:02.50, start: ..." in ffmpeg's report -> 62.5 (also the sandbox's).
pub fn parse_duration(stderr: &str) -> Option<f64> {
    let rest = &stderr[stderr.find("Duration: ")? + "Duration: ".len()..];
    let text = rest.split([',', '\n']).next()?.trim();
    let mut parts = text.split(':');
    let (h, m, s) = (parts.next()?, parts.next()?, parts.next()?);
    let secs = h.parse::<f64>().ok()? * 3600.0 + m.parse::<f64>().ok()? * 60.0 + s.parse::<f64>().ok()?;
    (secs.is_finite() && secs > 0.0).then_some(secs)
}

/// The protocols ffmpeg may use for a URL from the service: HTTP(S) and what it runs on, and
/// `crypto` for encrypted HLS segments (HLS is read over the same protocols). Nothing else:
/// `file:`, `concat:`, `subfile:`, `gopher:`... would read local files or reach local ports.
pub const URL_PROTOCOLS: &str = "http,https,tcp,tls,crypto";

/// ffmpeg's input options for `input` and the input itself: a URL (http or https: checked
/// where the service gave it) with only [`URL_PROTOCOLS`] allowed and a network timeout, or a
/// local file read as a file and nothing else (`file:` before the name, so a name like
/// `concat:a|b` is no protocol).
pub fn input_args(input: &str) -> Vec<String> {
    let mut a: Vec<String> = Vec::with_capacity(6);
    if input.starts_with("http://") || input.starts_with("https://") {
        a.extend(["-protocol_whitelist", URL_PROTOCOLS, "-rw_timeout", "15000000", "-i"].map(String::from));
        a.push(input.to_owned());
    } else {
        a.extend(["-protocol_whitelist", "file", "-i"].map(String::from));
        a.push(format!("file:{input}"));
    }
    a
}

/// ffmpeg's arguments to seek `input` to `at_s` seconds, take its video through `filters`
/// and write PPM frames to standard output (shared by single frames and streams).
fn ppm_args(at_s: &str, input: &str, filters: &[&str]) -> Vec<String> {
    let mut args: Vec<String> =
        ["-hide_banner", "-nostdin", "-loglevel", "error", "-ss", at_s].map(String::from).into();
    args.extend(input_args(input));
    args.push("-an".into());
    args.extend(filters.iter().map(|f| f.to_string()));
    args.extend(["-f", "image2pipe", "-c:v", "ppm", "pipe:1"].map(String::from));
    args
}

fn pump(r: &mut impl Read, tx: &SyncSender<Image>, stop: &AtomicBool) {
    while !stop.load(Ordering::Relaxed) {
        let Some(img) = parse_ppm(r) else { return };
        if tx.send(img).is_err() {
            return;
        }
    }
}

/// One binary PPM (P6, maxval 255) from `r`.
pub fn parse_ppm(r: &mut impl Read) -> Option<Image> {
    let mut fields = Vec::new();
    let mut cur = Vec::new();
    let mut byte = [0u8; 1];
    while fields.len() < 4 {
        r.read_exact(&mut byte).ok()?;
        let b = byte[0];
        if b == b'#' {
            while byte[0] != b'\n' {
                r.read_exact(&mut byte).ok()?;
            }
            continue;
        }
        if b.is_ascii_whitespace() {
            if !cur.is_empty() {
                fields.push(String::from_utf8(std::mem::take(&mut cur)).ok()?);
            }
        } else {
            cur.push(b);
            if cur.len() > 16 {
                return None;
            }
        }
    }
    let (w, h): (u32, u32) = (fields[1].parse().ok()?, fields[2].parse().ok()?);
    if fields[0] != "P6" || fields[3] != "255" || w == 0 || h == 0 || w > 8192 || h > 8192 {
        return None;
    }
    let mut rgb = vec![0u8; (w * h * 3) as usize];
    r.read_exact(&mut rgb).ok()?;
    Image::from_rgb(w, h, &rgb)
}

/// A running decode for playback. Dropping it stops ffmpeg (and what it started).
pub struct FrameStream {
    child: std::sync::Mutex<Child>,
    /// When the program was first seen ended while its output had not (a process it left
    /// behind holding the pipe).
    exited: std::sync::Mutex<Option<Instant>>,
    rx: Receiver<Image>,
    stop: Arc<AtomicBool>,
    pub fps: f64,
}

impl FrameStream {
    /// The next frame, waiting at most `wait`. `None` at the end or on a stall.
    pub fn next_within(&self, wait: Duration) -> Option<Image> {
        self.rx.recv_timeout(wait).ok()
    }

    /// Like [`FrameStream::next_within`], telling a stall from the end: `Some(None)` when no
    /// frame came within `wait` yet, `None` when the decode has ended.
    pub fn poll(&self, wait: Duration) -> Option<Option<Image>> {
        match self.rx.recv_timeout(wait) {
            Ok(img) => Some(Some(img)),
            Err(std::sync::mpsc::RecvTimeoutError::Timeout) if self.left_behind() => None,
            Err(std::sync::mpsc::RecvTimeoutError::Timeout) => Some(None),
            Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => None,
        }
    }

    /// True once the program has ended [`crate::process::GRACE`] ago and its output still
    /// has not: whatever holds the pipe is ended too, and the decode counts as over.
    fn left_behind(&self) -> bool {
        let (Ok(mut child), Ok(mut exited)) = (self.child.lock(), self.exited.lock()) else { return false };
        if !matches!(child.try_wait(), Ok(Some(_))) {
            return false;
        }
        let since = *exited.get_or_insert_with(Instant::now);
        if since.elapsed() < crate::process::GRACE {
            return false;
        }
        crate::process::end_leftovers(child.id());
        true
    }
}

impl Drop for FrameStream {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        let Ok(child) = self.child.get_mut() else { return };
        match child.try_wait() {
            Ok(None) => crate::process::kill_group(child),
            // Reaped already; a reader still waiting means something of its group holds the
            // pipe: end it.
            _ if matches!(self.rx.try_recv(), Err(std::sync::mpsc::TryRecvError::Empty) | Ok(_)) => {
                crate::process::end_leftovers(child.id());
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signed_urls_never_reach_messages() {
        let url = "https://cdn.example.com/v.mp4?auth_key=1700000000-0-0-abcdef";
        let msg = format!("[https @ 0x1] HTTP error 404 Not Found\n{url}: Server returned 404 Not Found");
        let s = scrub(&msg, url);
        assert!(!s.contains("auth_key") && !s.contains("cdn.example.com"), "{s}");
        assert_eq!(classify("Server returned 403 Forbidden (access denied)", url), DecodeError::Forbidden);
    }

    #[test]
    fn ppm_frames_parse_back_to_back() {
        let mut bytes = b"P6\n2 1\n255\n".to_vec();
        bytes.extend_from_slice(&[255, 0, 0, 0, 0, 255]);
        bytes.extend_from_slice(b"P6 1 1 255 ");
        bytes.extend_from_slice(&[1, 2, 3]);
        let mut r = bytes.as_slice();
        let a = parse_ppm(&mut r).unwrap();
        assert_eq!((a.width, a.pixel(1, 0)), (2, [0, 0, 255, 255]));
        let b = parse_ppm(&mut r).unwrap();
        assert_eq!(b.pixel(0, 0), [1, 2, 3, 255]);
        assert!(parse_ppm(&mut r).is_none());
        assert!(parse_ppm(&mut b"P6 99999 1 255 ".as_slice()).is_none(), "absurd sizes are refused");
    }

    #[test]
    fn durations_are_read_from_the_report() {
        let report = "Input #0, mov,mp4, from 'a.mp4':\n  Duration: 00:01:02.50, start: 0.000000, bitrate: 9 kb/s\n";
        assert_eq!(parse_duration(report), Some(62.5));
        assert_eq!(parse_duration("  Duration: 01:00:00.04, start"), Some(3600.04));
        assert_eq!(parse_duration("  Duration: N/A, bitrate: N/A"), None);
        assert_eq!(parse_duration("no such line"), None);
    }

    #[test]
    fn missing_program_is_a_typed_error() {
        let e = Ffmpeg::find(Some(Path::new("/nonexistent/ffmpeg"))).unwrap_err();
        assert!(matches!(e, DecodeError::Missing(_)), "{e}");
    }
}
