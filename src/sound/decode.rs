//! A clip's sound as samples: one continuous ffmpeg decode per clip while playing (not a seek
//! per block), giving interleaved stereo f32 at the mix's rate, already at the playback speed
//! (`atempo`, which keeps the pitch). Chunks wait in a short bounded channel: decoding pauses
//! while nobody takes them, so memory stays a few hundred milliseconds of sound per clip.
//! Dropping the stream kills ffmpeg (its whole process group).
//!
//! The clips a play hears at once can share ONE ffmpeg ([`start_group`]): an ffmpeg start
//! costs ~0.07 CPU s (it links ~215 shared libraries) and four at once on two cores took
//! ~200 ms before the first sound, where one ffmpeg reading four inputs costs about what one
//! reading one does (docs/performance.md, "Sound"). Each clip still has its own input (`-ss`
//! and `-t` as alone, so the same samples to the byte) and its own output pipe, so each ends
//! when its clip does; the process goes when the last of its streams is dropped.

use super::mix::{CHANNELS, RATE};
use crate::media::decode::Ffmpeg;
use std::io::Read;
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError, SyncSender, sync_channel};
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

/// The filters that make one input's sound the mix's: stereo, at [`RATE`], at `speed`.
fn filters(speed: f64) -> String {
    let mut filters = vec![super::mix::TO_STEREO.to_owned(), format!("aresample={RATE}")];
    filters.extend(tempo_filters(speed));
    filters.join(",")
}

const QUIET: [&str; 4] = ["-hide_banner", "-nostdin", "-loglevel", "error"];

/// ffmpeg's input options to read `length` seconds of `input` from `from`.
fn input(input: &str, from: f64, length: f64) -> Vec<String> {
    let mut a =
        vec!["-ss".to_owned(), format!("{:.4}", from.max(0.0)), "-t".to_owned(), format!("{:.4}", length.max(0.0))];
    // A URL may use http(s) only, anything else is read as a plain file (the same rule as
    // every ffmpeg that reads footage: docs/security.md).
    a.extend(crate::media::decode::input_args(input));
    a
}

/// The ffmpeg arguments to decode `length` seconds of `input` from `from` at `speed`.
pub fn args(input_: &str, from: f64, length: f64, speed: f64) -> Vec<String> {
    let mut a: Vec<String> = QUIET.map(str::to_owned).to_vec();
    a.extend(input(input_, from, length));
    a.extend([
        "-vn".to_owned(),
        "-af".to_owned(),
        filters(speed),
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

/// One stretch of a shared decode: `length` seconds of `input` from `from`, given as exactly
/// `frames` output frames (the mix's count for it: a source that ends sooner is padded with
/// silence).
#[derive(Clone, Debug, PartialEq)]
pub struct Stretch {
    pub input: String,
    pub from: f64,
    pub length: f64,
    pub frames: u64,
}

/// The most stretches one ffmpeg decodes (more are split into several groups).
pub const GROUP_MAX: usize = 8;

/// The ffmpeg arguments to decode `stretches` at `speed` in one process: input k is stretch
/// k (its own `-ss`/`-t`, as [`args`] gives it alone) and its sound goes, through the same
/// filters, to the pipe on file descriptor `fds[k]`.
pub fn group_args(stretches: &[Stretch], speed: f64, fds: &[i32]) -> Vec<String> {
    let mut a: Vec<String> = QUIET.map(str::to_owned).to_vec();
    for s in stretches {
        a.extend(input(&s.input, s.from, s.length));
    }
    let f = filters(speed);
    // Formats pinned as [`args`] gets them with -ac/-ar and f32le. Each output is exactly
    // its frames long, and written out packet by packet: ffmpeg closes its outputs only when
    // all are done, so a stream's end is known by its count, and its last bytes must not
    // wait in ffmpeg's buffer while the mix waits for them.
    let graph: Vec<String> = stretches
        .iter()
        .enumerate()
        .map(|(k, s)| {
            let n = s.frames;
            format!(
                "[{k}:a]{f},aformat=sample_fmts=flt:sample_rates={RATE}:channel_layouts=stereo,\
                 apad=whole_len={n},atrim=end_sample={n}[a{k}]"
            )
        })
        .collect();
    a.extend(["-filter_complex".to_owned(), graph.join(";")]);
    for (k, fd) in fds.iter().enumerate().take(stretches.len()) {
        a.extend(["-map", &format!("[a{k}]"), "-flush_packets", "1", "-f", "f32le"].map(str::to_owned));
        a.push(format!("pipe:{fd}"));
    }
    a
}

/// A running ffmpeg, shared by the streams it feeds: killed (its whole process group) when
/// the last of them is dropped.
struct Process(Child);

impl Drop for Process {
    fn drop(&mut self) {
        crate::process::kill_group(&mut self.0);
    }
}

/// A running decode.
pub struct PcmStream {
    rx: Receiver<Vec<f32>>,
    /// A first chunk has been queued (or the decode has ended).
    started: Arc<AtomicBool>,
    #[allow(dead_code)] // Held: dropping the last holder kills ffmpeg.
    process: Arc<Process>,
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
        let process = Arc::new(Process(child));
        let Some(out) = out else { return Err(std::io::Error::other("ffmpeg gave no output pipe")) };
        stream(out, process, None)
    }

    /// The sound of clips that start together, decoded by one ffmpeg: a stream for each of
    /// `stretches`, in order, each as [`PcmStream::start`] would give it alone. The streams
    /// must be read at the same pace (they are: a play mixes them block by block from the
    /// same frame), since one left unread holds up the others once its queue is full.
    /// More than [`GROUP_MAX`] are split among several ffmpegs; returns how many it started.
    pub fn start_group(ff: &Ffmpeg, stretches: &[Stretch], speed: f64) -> std::io::Result<(Vec<PcmStream>, usize)> {
        let mut out = Vec::with_capacity(stretches.len());
        let mut processes = 0;
        for group in stretches.chunks(GROUP_MAX) {
            out.extend(PcmStream::start_one_group(ff, group, speed)?);
            processes += 1;
        }
        Ok((out, processes))
    }

    #[cfg(not(unix))]
    fn start_one_group(ff: &Ffmpeg, stretches: &[Stretch], speed: f64) -> std::io::Result<Vec<PcmStream>> {
        stretches.iter().map(|s| PcmStream::start(ff, &s.input, s.from, s.length, speed)).collect()
    }

    #[cfg(unix)]
    fn start_one_group(ff: &Ffmpeg, stretches: &[Stretch], speed: f64) -> std::io::Result<Vec<PcmStream>> {
        if let [s] = stretches {
            return Ok(vec![PcmStream::start(ff, &s.input, s.from, s.length, speed)?]);
        }
        let pipes = (0..stretches.len()).map(|_| std::io::pipe()).collect::<std::io::Result<Vec<_>>>()?;
        let fds: Vec<i32> = pipes.iter().map(|(_, w)| std::os::fd::AsRawFd::as_raw_fd(w)).collect();
        let mut c = Command::new(ff.path());
        c.args(group_args(stretches, speed, &fds)).stdin(Stdio::null()).stdout(Stdio::null()).stderr(Stdio::null());
        crate::process::own_group(&mut c);
        hand_down(&mut c, pipes.iter().map(|(_, w)| w));
        let child = c.spawn();
        let (readers, writers): (Vec<_>, Vec<_>) = pipes.into_iter().unzip();
        // Ours closed now: each reader sees the end when ffmpeg closes its copy.
        drop(writers);
        let process = Arc::new(Process(child?));
        readers.into_iter().zip(stretches).map(|(r, s)| stream(r, process.clone(), Some(s.frames))).collect()
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

/// A stream fed from `out` by a thread of its own; `frames`: it ends after that many (else
/// when `out` does).
fn stream(out: impl Read + Send + 'static, process: Arc<Process>, frames: Option<u64>) -> std::io::Result<PcmStream> {
    let (tx, rx) = sync_channel(QUEUED);
    let started = Arc::new(AtomicBool::new(false));
    let said = started.clone();
    let bytes = frames.map(|f| f as usize * CHANNELS * 4);
    std::thread::Builder::new().name("vodcut-sound-decode".into()).spawn(move || pump(out, tx, &said, bytes))?;
    Ok(PcmStream { rx, started, process })
}

/// Hands `out`'s sound over in chunks until it ends, or until `limit` bytes. Once nobody
/// takes them, the rest is read and dropped: ffmpeg writing into a closed pipe would die of
/// it, and with it the other streams it feeds (ffmpeg itself is killed when the last of them
/// goes).
fn pump(mut out: impl Read, tx: SyncSender<Vec<f32>>, said: &AtomicBool, limit: Option<usize>) {
    // Set however this ends: an ended decode has nothing more to wait for either.
    struct Said<'a>(&'a AtomicBool);
    impl Drop for Said<'_> {
        fn drop(&mut self) {
            self.0.store(true, Ordering::Relaxed);
        }
    }
    let said = Said(said);
    let mut bytes = vec![0u8; CHUNK_FRAMES * CHANNELS * 4];
    let mut left = limit.unwrap_or(usize::MAX);
    let mut tx = Some(tx);
    loop {
        let want = bytes.len().min(left);
        let n = read_full(&mut out, &mut bytes[..want]);
        left -= n;
        if n >= 4
            && let Some(t) = &tx
        {
            let samples: Vec<f32> =
                bytes[..n - n % 4].chunks_exact(4).map(|b| f32::from_le_bytes([b[0], b[1], b[2], b[3]])).collect();
            if t.send(samples).is_err() {
                tx = None;
            }
            said.0.store(true, Ordering::Relaxed);
        }
        if left == 0 {
            // All of it: the end for the reader; anything more is read into nothing.
            tx = None;
            said.0.store(true, Ordering::Relaxed);
            left = usize::MAX;
        }
        if n < want {
            return;
        }
    }
}

/// Lets the child of `c` keep `writers` (ffmpeg writes to them as `pipe:N`, N being the
/// descriptor's number, the same in the child). They are close-on-exec here, so no other
/// program this process starts gets them, and only the child's copies lose the flag.
#[cfg(unix)]
fn hand_down<'a>(c: &mut Command, writers: impl Iterator<Item = &'a std::io::PipeWriter>) {
    use std::os::fd::AsRawFd;
    use std::os::unix::process::CommandExt;
    let fds: Vec<i32> = writers.map(AsRawFd::as_raw_fd).collect();
    // SAFETY: between fork and exec only fcntl(2) is called (async-signal-safe), on
    // descriptors this process owns; `fds` was made before the fork (nothing is allocated).
    unsafe {
        c.pre_exec(move || {
            for fd in &fds {
                if libc::fcntl(*fd, libc::F_SETFD, 0) < 0 {
                    return Err(std::io::Error::last_os_error());
                }
            }
            Ok(())
        });
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
    fn a_group_reads_each_input_as_alone_and_writes_each_to_its_pipe() {
        let s = |input: &str, from: f64| Stretch { input: input.to_owned(), from, length: 2.0, frames: 96_000 };
        let a = group_args(
            &[s("https://cdn.example.com/a.mp4?auth=x", 1.5), s("concat:/etc/passwd|/x", 0.25)],
            2.0,
            &[7, 9],
        );
        let alone = |input: &str, from: f64| {
            let one = args(input, from, 2.0, 2.0);
            one[4..one.iter().position(|x| x == "-vn").unwrap()].to_vec()
        };
        let i = a.iter().position(|x| x == "-filter_complex").unwrap();
        let inputs =
            [alone("https://cdn.example.com/a.mp4?auth=x", 1.5), alone("concat:/etc/passwd|/x", 0.25)].concat();
        assert_eq!(a[4..i], inputs[..], "the same input options, URL rule and all, in order");
        let graph = &a[i + 1];
        assert!(graph.starts_with("[0:a]pan=") && graph.contains(";[1:a]pan="), "{graph}");
        assert!(graph.contains("atempo=2.000000") && graph.contains("atrim=end_sample=96000[a1]"), "{graph}");
        let tail: Vec<&str> = a[i + 2..].iter().map(String::as_str).collect();
        let out = ["-flush_packets", "1", "-f", "f32le"];
        assert_eq!(tail, [&["-map", "[a0]"][..], &out, &["pipe:7", "-map", "[a1]"], &out, &["pipe:9"]].concat());
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
