//! The sandbox's library: videos, audio and images with Chinese and English titles, each with
//! a cover, and (where ffmpeg is installed) real media to play, made once into the sandbox's
//! folder. IDs are fixed, so the README's tour can name them.

use super::VodServer;
use super::media::{SECONDS, write_seconds_video};
use std::path::{Path, PathBuf};

/// (MediaId, kind, title, seconds, which file plays it, cover colours).
type Seed = (&'static str, &'static str, &'static str, f64, Clip, [[u8; 3]; 2]);

#[derive(Clone, Copy, PartialEq, Eq)]
enum Clip {
    /// The colour-seconds video (each second a colour).
    Seconds,
    /// ffmpeg's test pattern with a moving gradient.
    Pattern,
    /// An audio-only tone.
    Tone,
    /// An image (no file: drawn here).
    Picture,
}

const SEEDS: &[Seed] = &[
    (
        "5a9d0000000000000000000000000001",
        "video",
        "海边的一天 A day at the beach",
        SECONDS as f64,
        Clip::Seconds,
        [[0, 120, 200], [240, 200, 120]],
    ),
    (
        "5a9d0000000000000000000000000002",
        "video",
        "City lights 城市夜景",
        SECONDS as f64,
        Clip::Pattern,
        [[20, 20, 60], [230, 160, 40]],
    ),
    (
        "5a9d0000000000000000000000000003",
        "video",
        "产品发布会 Product launch",
        SECONDS as f64,
        Clip::Pattern,
        [[200, 40, 60], [250, 250, 250]],
    ),
    (
        "5a9d0000000000000000000000000004",
        "video",
        "Mountain timelapse 山间延时",
        SECONDS as f64,
        Clip::Seconds,
        [[40, 110, 60], [200, 220, 240]],
    ),
    (
        "5a9d0000000000000000000000000005",
        "audio",
        "Morning piano 晨间钢琴",
        30.0,
        Clip::Tone,
        [[90, 60, 140], [220, 200, 240]],
    ),
    (
        "5a9d0000000000000000000000000006",
        "audio",
        "雨声 Rain ambience",
        30.0,
        Clip::Tone,
        [[60, 80, 90], [160, 190, 200]],
    ),
    (
        "5a9d0000000000000000000000000007",
        "image",
        "vodcut logo 标志",
        0.0,
        Clip::Picture,
        [[240, 90, 30], [250, 210, 60]],
    ),
    (
        "5a9d0000000000000000000000000008",
        "image",
        "Title card 片头字幕卡",
        0.0,
        Clip::Picture,
        [[30, 30, 30], [90, 90, 120]],
    ),
];

/// Whether `id` is one of the seeded media (kept out of the saved state: always re-seeded).
pub fn is_seed(id: &str) -> bool {
    SEEDS.iter().any(|s| s.0 == id)
}

/// A picture going diagonally from one colour to the other.
pub(crate) fn gradient(w: u32, h: u32, [a, b]: [[u8; 3]; 2]) -> Vec<u8> {
    let img = image::RgbImage::from_fn(w, h, |x, y| {
        let t = (x as f32 / w as f32 + y as f32 / h as f32) / 2.0;
        image::Rgb(std::array::from_fn(|k| (a[k] as f32 + (b[k] as f32 - a[k] as f32) * t) as u8))
    });
    let mut out = std::io::Cursor::new(Vec::new());
    // Encoding a small in-memory picture cannot fail short of running out of memory.
    let _ = img.write_to(&mut out, image::ImageFormat::Png);
    out.into_inner()
}

/// A picture drawn once and kept in `dir` (drawing and encoding them at every start took
/// most of a sandbox command's time).
fn drawn(dir: &Path, name: &str, draw: impl FnOnce() -> Vec<u8>) -> Vec<u8> {
    let path = dir.join(name);
    if let Ok(Some(bytes)) = crate::store::input::read_state(&path, crate::store::input::MAX_STATE_BYTES) {
        return bytes;
    }
    let bytes = draw();
    // Kept for next time when it can be; drawn again otherwise.
    let _ = crate::store::atomic::write_atomic(&path, &bytes, false);
    bytes
}

pub(crate) fn cannot_run(program: &Path, e: std::io::Error) -> String {
    crate::t!("sandbox-cannot-run", program = program.display().to_string(), error = e.to_string())
}

/// Makes the ffmpeg media into `dir` (once). Returns the files, or why there are none.
fn make_media(dir: &Path, ffmpeg: Option<&Path>) -> Result<[PathBuf; 3], String> {
    let ffmpeg = ffmpeg.ok_or_else(|| crate::t!("sandbox-no-ffmpeg"))?;
    let seconds = dir.join("seconds.mp4");
    write_seconds_video(ffmpeg, &seconds)?;
    let pattern = dir.join("pattern.mp4");
    lavfi(
        ffmpeg,
        &pattern,
        &[
            "-f",
            "lavfi",
            "-i",
            &format!("testsrc2=size=320x180:rate=25:duration={SECONDS}"),
            "-f",
            "lavfi",
            "-i",
            &format!("sine=frequency=330:sample_rate=16000:duration={SECONDS}"),
            "-c:v",
            "libx264",
            "-preset",
            "ultrafast",
            "-pix_fmt",
            "yuv420p",
            "-g",
            "25",
        ],
    )?;
    let tone = dir.join("tone.mp4");
    lavfi(ffmpeg, &tone, &["-f", "lavfi", "-i", "sine=frequency=262:sample_rate=16000:duration=30"])?;
    Ok([seconds, pattern, tone])
}

fn lavfi(ffmpeg: &Path, path: &Path, args: &[&str]) -> Result<(), String> {
    if path.exists() {
        return Ok(());
    }
    let tmp = path.with_extension(format!("{}.part.mp4", std::process::id()));
    let mut cmd = std::process::Command::new(ffmpeg);
    cmd.args(["-hide_banner", "-loglevel", "error", "-nostdin", "-y"])
        .args(args)
        .args(["-c:a", "aac", "-shortest", "-movflags", "+faststart"])
        .arg(&tmp)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped());
    let child = crate::process::own_group(&mut cmd).spawn().map_err(|e| cannot_run(ffmpeg, e))?;
    super::finish_ffmpeg(child, &tmp, path)
}

/// Puts the library into `server`; returns a note when the media could not be made.
pub fn seed(server: &VodServer, dir: &Path, ffmpeg: Option<&Path>) -> Option<String> {
    let files = make_media(dir, ffmpeg);
    let note = files.as_ref().err().cloned();
    for &(id, kind, title, seconds, clip, colours) in SEEDS {
        let file = match (&files, clip) {
            (Ok([s, _, _]), Clip::Seconds) => Some(s.clone()),
            (Ok([_, p, _]), Clip::Pattern) => Some(p.clone()),
            (Ok([_, _, t]), Clip::Tone) => Some(t.clone()),
            _ => None,
        };
        match (clip, file) {
            (Clip::Picture, _) => {
                let (w, h) = if title.starts_with("vodcut") { (400, 200) } else { (1280, 720) };
                server.add_media(id, "image", title, 0.0, "Normal");
                let png = drawn(dir, &format!("image-{id}.png"), || gradient(w, h, colours));
                server.state.lock().unwrap().files.images.insert(id.into(), (png, w, h));
            }
            (_, Some(f)) => server.add_video_file(id, kind, title, f, seconds),
            (_, None) => server.add_media(id, kind, title, seconds, "Normal"),
        }
        let cover = drawn(dir, &format!("cover-{id}.png"), || gradient(160, 90, colours));
        server.state.lock().unwrap().files.covers.insert(id.into(), cover);
    }
    note
}
