//! Test media files written in 1 MiB chunks of a pseudo-random stream (never whole in memory),
//! with their MD5 computed on the way.
#![allow(dead_code)]

use md5::Digest;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Writes `size` bytes to `dir/name`; returns the path and the upper-case hex MD5.
pub fn write_random(dir: &Path, name: &str, size: u64, seed: u64) -> (PathBuf, String) {
    let path = dir.join(name);
    let mut f = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
    let mut h = md5::Md5::new();
    let mut x = seed | 1;
    let mut chunk = vec![0u8; 1 << 20];
    let mut left = size;
    while left > 0 {
        let n = left.min(chunk.len() as u64) as usize;
        for w in chunk[..n].chunks_mut(8) {
            // xorshift64
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let b = x.to_le_bytes();
            w.copy_from_slice(&b[..w.len()]);
        }
        h.update(&chunk[..n]);
        f.write_all(&chunk[..n]).unwrap();
        left -= n as u64;
    }
    f.flush().unwrap();
    (path, h.finalize().iter().map(|b| format!("{b:02X}")).collect())
}

/// A sine tone of `hz` lasting `secs` seconds at 48 kHz, made by ffmpeg into `path`;
/// `codec` picks the file's kind (`["-c:a", "pcm_s16le"]` for WAV, AAC options for an m4a).
pub fn sine_tone(path: &Path, hz: u32, secs: u32, codec: &[&str]) {
    let ok = std::process::Command::new("ffmpeg")
        .args(["-hide_banner", "-loglevel", "error", "-nostdin", "-y", "-f", "lavfi", "-i"])
        .arg(format!("sine=frequency={hz}:sample_rate=48000:duration={secs}"))
        .args(codec)
        .arg(path)
        .status()
        .unwrap()
        .success();
    assert!(ok, "ffmpeg makes the test tones");
}
