//! The one ffmpeg process that encodes the draft: raw RGBA frames on its standard input,
//! the sound read by ffmpeg itself from the media URLs and mixed by a filter graph, H.264 +
//! AAC in MP4. Frames go through a small queue to a writer thread, so a stuck encoder never
//! blocks the caller past its deadline, and cancelling kills it at once.
//!
//! The media URLs are signed: they are scrubbed from everything ffmpeg says before it can
//! reach an error message.

use crate::compose::Image;
use crate::media::decode::{input_args, scrub};
use crate::model::{FrameRate, Time};
use crate::process::{Ended, Pipe};
use std::fs::File;
use std::io::Write;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{SyncSender, TrySendError, sync_channel};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// Longest the encoder may refuse a frame (or take to finish) before it counts as stuck.
pub const STALL: Duration = Duration::from_secs(120);

/// One input of sound: the medium's URL and the stretch of it to read.
pub struct AudioInput {
    pub url: String,
    pub from: Time,
    pub length: Time,
}

fn secs(t: Time) -> String {
    format!("{:.4}", t.as_secs_f64())
}

/// ffmpeg's arguments: frames `size` at `rate` from stdin, `audio` inputs mixed by `graph`
/// (which ends in `[aout]`), written as MP4 to `output`.
pub fn args(size: (u32, u32), rate: FrameRate, audio: &[AudioInput], graph: &str, output: &Path) -> Vec<String> {
    let mut a: Vec<String> = ["-hide_banner", "-loglevel", "error", "-y", "-f", "rawvideo", "-pix_fmt", "rgba"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    a.extend([
        "-s".into(),
        format!("{}x{}", size.0, size.1),
        "-framerate".into(),
        format!("{}/{}", rate.num, rate.den),
    ]);
    a.extend(["-thread_queue_size".into(), "64".into(), "-i".into(), "pipe:0".into()]);
    for input in audio {
        a.extend(["-ss".into(), secs(input.from), "-t".into(), secs(input.length), "-vn".into()]);
        a.extend(input_args(&input.url));
    }
    a.extend(["-filter_complex".into(), graph.to_owned(), "-map".into(), "0:v".into(), "-map".into(), "[aout]".into()]);
    for s in [
        "-c:v",
        "libx264",
        "-preset",
        "veryfast",
        "-crf",
        "23",
        "-pix_fmt",
        "yuv420p",
        "-c:a",
        "aac",
        "-b:a",
        "128k",
        "-movflags",
        "+faststart",
        "-f",
        "mp4",
    ] {
        a.push(s.into());
    }
    a.push(output.display().to_string());
    a
}

/// ffmpeg's arguments for the sound alone (`render --audio-only`): the `audio` inputs mixed by
/// `graph` (numbered from 0, ending in `[aout]`), AAC in an MP4 (M4A) file at `output`.
pub fn audio_args(audio: &[AudioInput], graph: &str, output: &Path) -> Vec<String> {
    let mut a: Vec<String> = ["-hide_banner", "-loglevel", "error", "-y"].iter().map(|s| s.to_string()).collect();
    for input in audio {
        a.extend(["-ss".into(), secs(input.from), "-t".into(), secs(input.length), "-vn".into()]);
        a.extend(input_args(&input.url));
    }
    a.extend(["-filter_complex".into(), graph.to_owned(), "-map".into(), "[aout]".into()]);
    for s in ["-c:a", "aac", "-b:a", "192k", "-movflags", "+faststart", "-f", "mp4"] {
        a.push(s.into());
    }
    a.push(output.display().to_string());
    a
}

pub struct Encoder {
    child: Child,
    frames: Option<SyncSender<Image>>,
    writer: Option<JoinHandle<Result<(), String>>>,
    stderr: Pipe,
    urls: Vec<String>,
}

impl Encoder {
    /// Starts `ffmpeg` with `args`; `urls` are scrubbed from its messages. `out` becomes its
    /// standard output (the draft's file, which `args` name as `/dev/stdout`).
    pub fn start(ffmpeg: &Path, args: &[String], urls: Vec<String>, out: Option<File>) -> Result<Encoder, String> {
        let mut cmd = Command::new(ffmpeg);
        let stdout = out.map_or_else(Stdio::null, Stdio::from);
        cmd.args(args).stdin(Stdio::piped()).stdout(stdout).stderr(Stdio::piped());
        // A group of its own: Ctrl+C in a terminal reaches the terminal's group, and vodcut
        // stops the encoder itself (and removes its file), so it must not die half-way on its
        // own; and a stop kills everything the program started.
        crate::process::own_group(&mut cmd);
        let mut child = cmd.spawn().map_err(|e| cannot_start(ffmpeg, e))?;
        let mut stdin = child.stdin.take().ok_or_else(|| crate::t!("media-no-input-pipe"))?;
        let stderr = Pipe::read(child.stderr.take(), 1 << 20);
        let (tx, rx) = sync_channel::<Image>(2);
        let writer = std::thread::spawn(move || {
            for img in rx {
                stdin.write_all(&img.rgba).map_err(|e| e.to_string())?;
            }
            Ok(())
        });
        Ok(Encoder { child, frames: Some(tx), writer: Some(writer), stderr, urls })
    }

    /// What ffmpeg said, without URLs (once it ended; a process it left behind holding the
    /// pipe is not waited for long).
    fn said(&mut self) -> String {
        crate::process::drain(self.child.id(), &mut [&mut self.stderr], Instant::now() + crate::process::GRACE);
        let text = String::from_utf8_lossy(&self.stderr.take()).into_owned();
        let mut s = text.lines().filter(|l| !l.trim().is_empty()).collect::<Vec<_>>().join("; ");
        for u in &self.urls {
            s = scrub(&s, u);
        }
        // Any other URL too (scrub removes every http(s) URL whatever its first argument).
        scrub(&s, "\0")
    }

    fn fail(&mut self, what: &str) -> String {
        crate::process::kill_group(&mut self.child);
        self.frames = None;
        // Its stdin closed with the group; the writer ends (and is not waited for if not).
        join_within(self.writer.take(), Instant::now() + Duration::from_secs(1));
        let said = self.said();
        if said.is_empty() { what.to_owned() } else { crate::t!("media-detail", what = what, detail = said) }
    }

    /// Queues one frame (exactly width*height RGBA pixels), waiting while the encoder is busy.
    pub fn write(&mut self, frame: Image, cancel: &AtomicBool) -> Result<(), String> {
        let Some(tx) = self.frames.as_ref() else { return Err(crate::t!("media-encoder-closed")) };
        let since = Instant::now();
        let mut frame = frame;
        loop {
            match tx.try_send(frame) {
                Ok(()) => return Ok(()),
                Err(TrySendError::Full(f)) => {
                    if cancel.load(Ordering::Relaxed) {
                        return Err(self.fail(&crate::t!("media-cancelled")));
                    }
                    if since.elapsed() > STALL {
                        return Err(self.fail(&crate::t!("media-encoder-stalled", secs = STALL.as_secs())));
                    }
                    frame = f;
                    std::thread::sleep(Duration::from_millis(2));
                }
                Err(TrySendError::Disconnected(_)) => return Err(self.fail(&crate::t!("media-encoder-stopped"))),
            }
        }
    }

    /// Ends the input and waits for ffmpeg to finish the file.
    pub fn finish(mut self, cancel: &AtomicBool) -> Result<(), String> {
        self.frames = None;
        let deadline = Instant::now() + STALL;
        // The writer ends when the last frame is in the pipe; an encoder that stopped reading
        // (or a process it left holding its input) must not keep us past the deadline.
        let written = match join_within(self.writer.take(), deadline) {
            Some(r) => r,
            None => return Err(self.fail(&crate::t!("media-encoder-unfinished"))),
        };
        let status = match crate::process::wait(&mut self.child, deadline, cancel) {
            Ended::Exited(s) => s,
            Ended::Cancelled => return Err(self.fail(&crate::t!("media-cancelled"))),
            Ended::TimedOut => return Err(self.fail(&crate::t!("media-encoder-unfinished"))),
            Ended::Failed(e) => return Err(self.fail(&e.to_string())),
        };
        // Ended: a process it left holding its stderr is given the grace and then ended.
        crate::process::drain(self.child.id(), &mut [&mut self.stderr], Instant::now() + crate::process::GRACE);
        if !status.success() {
            let said = self.said();
            return Err(crate::t!("media-encode-failed", status = status.to_string(), said = said));
        }
        if let Err(e) = written {
            return Err(crate::t!("media-frames-not-sent", error = e));
        }
        Ok(())
    }
}

/// The writer's result, if it ends by `deadline` (a thread that panicked counts as stopped).
fn join_within(writer: Option<JoinHandle<Result<(), String>>>, deadline: Instant) -> Option<Result<(), String>> {
    let Some(w) = writer else { return Some(Ok(())) };
    while !w.is_finished() {
        if Instant::now() >= deadline {
            return None;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    Some(w.join().unwrap_or_else(|_| Err(crate::t!("media-writer-stopped"))))
}

impl Drop for Encoder {
    fn drop(&mut self) {
        self.frames = None;
        // Finished or not, nothing the encoder started outlives it.
        crate::process::kill_group(&mut self.child);
    }
}

/// "cannot start /usr/bin/ffmpeg: …".
fn cannot_start(program: &Path, e: std::io::Error) -> String {
    crate::t!("media-cannot-start", program = program.display().to_string(), error = e.to_string())
}

/// Whether `url` has a sound stream (ffmpeg lists the streams of its input; at most 30 s).
pub fn has_audio(ffmpeg: &Path, url: &str) -> Result<bool, String> {
    let mut cmd = Command::new(ffmpeg);
    cmd.args(["-hide_banner", "-nostdin"]).args(input_args(url));
    cmd.stdin(Stdio::null()).stdout(Stdio::null()).stderr(Stdio::piped());
    let mut child = crate::process::own_group(&mut cmd).spawn().map_err(|e| cannot_start(ffmpeg, e))?;
    let mut err = Pipe::read(child.stderr.take(), 1 << 20);
    let deadline = Instant::now() + Duration::from_secs(30);
    let ended = crate::process::wait(&mut child, deadline, &AtomicBool::new(false));
    let complete = crate::process::drain(child.id(), &mut [&mut err], deadline);
    if matches!(ended, Ended::TimedOut) || !complete {
        return Err(crate::t!("media-probe-timeout", secs = 30));
    }
    let text = String::from_utf8_lossy(&err.take()).into_owned();
    if text.contains("Stream #") {
        return Ok(text.lines().any(|l| l.contains("Stream #") && l.contains("Audio:")));
    }
    match text.lines().rev().find(|l| !l.trim().is_empty()) {
        Some(last) => Err(scrub(last, url)),
        None => Err(crate::t!("media-no-answer")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arguments_read_frames_and_each_sound_with_its_own_seek() {
        let audio = vec![
            AudioInput {
                url: "https://cdn/x.mp4?auth_key=1".into(),
                from: Time::from_millis(12_500),
                length: Time::from_secs(2),
            },
            AudioInput { url: "/tmp/a.m4a".into(), from: Time::ZERO, length: Time::from_secs(1) },
        ];
        let a = args((640, 360), FrameRate { num: 30_000, den: 1001 }, &audio, "G", Path::new("/out/.x.part"));
        let s = a.join(" ");
        assert!(s.contains("-f rawvideo -pix_fmt rgba -s 640x360 -framerate 30000/1001"), "{s}");
        // A URL may use HTTP(S) and nothing else; a local file is a file and nothing else.
        let url = "-ss 12.5000 -t 2.0000 -vn -protocol_whitelist http,https,tcp,tls,crypto -rw_timeout 15000000 -i https://cdn/x.mp4?auth_key=1";
        assert!(s.contains(url), "{s}");
        assert!(s.contains("-ss 0.0000 -t 1.0000 -vn -protocol_whitelist file -i file:/tmp/a.m4a"), "{s}");
        assert_eq!(s.matches("-rw_timeout").count(), 1, "a local file takes no network option");
        assert!(s.contains("-filter_complex G -map 0:v -map [aout] -c:v libx264"), "{s}");
        assert!(s.ends_with("-f mp4 /out/.x.part"), "{s}");
    }
}
