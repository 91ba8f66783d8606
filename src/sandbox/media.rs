//! The loopback server's media side: GetPlayInfo and GetImageInfo answers with URLs it serves
//! itself (Range requests, expiring like signed CDN URLs), covers and snapshots, and the
//! colour-seconds media: an MP4 made with ffmpeg whose every second is a solid colour naming that
//! second, with a tone that is quiet for 10 s then loud.

use super::service::{State, VodServer};
use serde_json::{Value, json};
use std::collections::{BTreeMap, HashMap};
use std::io::Write;
use std::net::TcpStream;
use std::path::{Path, PathBuf};

pub const W: u32 = 160;
pub const H: u32 = 90;
pub const FPS: u32 = 10;
pub const SECONDS: u32 = 20;

/// The colour of source second `s`: a 5x4 grid of well separated colours (60 apart), so
/// compression noise never turns one second into another.
pub fn colour_of_second(s: u32) -> [u8; 3] {
    [(s % 5 * 60) as u8, (s / 5 * 60 + 20) as u8, 200]
}

/// The source second a pixel shows, if it is one of ours (within `tol` on each channel).
pub fn second_of(px: [u8; 4], tol: i32) -> Option<u32> {
    (0..SECONDS).find(|s| {
        let c = colour_of_second(*s);
        (0..3).all(|k| (c[k] as i32 - px[k] as i32).abs() <= tol)
    })
}

pub fn close(px: [u8; 4], want: [u8; 3], tol: i32) -> bool {
    (0..3).all(|k| (want[k] as i32 - px[k] as i32).abs() <= tol)
}

/// Writes the colour-seconds video (every second a solid colour naming that second, a tone
/// quiet for 10 s then loud) to `path` with ffmpeg, unless it is there already. Written under
/// a temporary name and renamed, so parallel runs never see half a file.
pub fn write_seconds_video(ffmpeg: &Path, path: &Path) -> Result<(), String> {
    if path.exists() {
        return Ok(());
    }
    let tmp = path.with_extension(format!("{}.part.mp4", std::process::id()));
    let mut cmd = std::process::Command::new(ffmpeg);
    cmd.args(["-hide_banner", "-loglevel", "error", "-nostdin", "-y", "-f", "rawvideo", "-pix_fmt", "rgb24", "-s"])
        .arg(format!("{W}x{H}"))
        .args(["-r", &FPS.to_string(), "-i", "-", "-f", "lavfi", "-i"])
        .arg(format!("sine=frequency=440:sample_rate=16000:duration={SECONDS}"))
        .args(["-filter:a", "volume='if(lt(t,10),0.05,0.8)':eval=frame"])
        .args(["-c:v", "libx264", "-preset", "ultrafast", "-qp", "8", "-pix_fmt", "yuv420p", "-g"])
        .arg(FPS.to_string())
        .args(["-c:a", "aac", "-shortest", "-movflags", "+faststart"])
        .arg(&tmp)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped());
    let mut child = crate::process::own_group(&mut cmd).spawn().map_err(|e| super::seed::cannot_run(ffmpeg, e))?;
    if let Some(mut stdin) = child.stdin.take() {
        for s in 0..SECONDS {
            let c = colour_of_second(s);
            let frame: Vec<u8> = c.iter().copied().cycle().take((W * H * 3) as usize).collect();
            for _ in 0..FPS {
                // A write fails when ffmpeg stopped early; its exit status says why.
                if stdin.write_all(&frame).is_err() {
                    break;
                }
            }
        }
    }
    super::finish_ffmpeg(child, &tmp, path)
}

/// A PNG of one colour.
pub fn png(w: u32, h: u32, rgb: [u8; 3]) -> Vec<u8> {
    let img = image::RgbImage::from_fn(w, h, |_, _| image::Rgb(rgb));
    let mut out = std::io::Cursor::new(Vec::new());
    img.write_to(&mut out, image::ImageFormat::Png).unwrap();
    out.into_inner()
}

/// What the media side serves and what happened.
#[derive(Default)]
pub struct Files {
    /// MediaId -> MP4 file.
    pub videos: HashMap<String, PathBuf>,
    /// ImageId -> PNG bytes and size.
    pub images: HashMap<String, (Vec<u8>, u32, u32)>,
    /// URLs carry the epoch they were signed in; older ones are refused (403).
    pub epoch: u64,
    /// The key of the URLs' signatures (random per server): a URL is good only as handed out.
    pub url_secret: String,
    /// Media GETs served (200/206).
    pub served: u32,
    /// Media GETs refused as expired.
    pub refused: u32,
    /// Snapshot and cover GETs.
    pub stills_served: u32,
    /// MediaId -> the PNG its CoverURL serves (else a 2x2 picture).
    pub covers: HashMap<String, Vec<u8>>,
}

impl VodServer {
    /// Adds a video backed by an MP4 file of `seconds` (played at W x H).
    pub fn add_video_file(&self, id: &str, kind: &'static str, title: &str, path: PathBuf, seconds: f64) {
        self.add_media(id, kind, title, seconds, "Normal");
        self.state.lock().unwrap().files.videos.insert(id.into(), path);
    }

    pub fn add_test_image(&self, id: &str, title: &str, w: u32, h: u32, rgb: [u8; 3]) {
        self.add_media(id, "image", title, 0.0, "Normal");
        self.state.lock().unwrap().files.images.insert(id.into(), (png(w, h, rgb), w, h));
    }

    /// Every finished production plays `path` from now on (see `State::produced_video`).
    pub fn play_productions_from(&self, path: PathBuf) {
        self.state.lock().unwrap().produced_video = Some(path);
    }

    /// Every URL handed out so far stops working, as signed URLs do when they expire.
    pub fn expire_urls(&self) {
        self.state.lock().unwrap().files.epoch += 1;
    }

    pub fn media_served(&self) -> u32 {
        self.state.lock().unwrap().files.served
    }

    pub fn media_refused(&self) -> u32 {
        self.state.lock().unwrap().files.refused
    }
}

/// The signature of `path` (no leading `/`) in `epoch`: HMAC-SHA256 with the server's random
/// secret, as a CDN signs its URLs. Without it, another local user could read the uploads
/// by guessing URLs (the epoch alone is a counter).
fn signature(st: &State, path: &str, epoch: u64) -> String {
    use hmac::{Hmac, Mac};
    let Ok(mut mac) = Hmac::<sha2::Sha256>::new_from_slice(st.files.url_secret.as_bytes()) else {
        return String::new();
    };
    mac.update(format!("{epoch}:{path}").as_bytes());
    mac.finalize().into_bytes()[..16].iter().map(|b| format!("{b:02x}")).collect()
}

fn signed(st: &State, path: &str) -> String {
    let epoch = st.files.epoch;
    format!("{}{path}?auth_key={epoch}-0-0-{}", st.base_url, signature(st, path, epoch))
}

/// Whether `auth_key` (`epoch-0-0-signature`) is a URL the server handed out for `path` in the
/// current epoch. The comparison takes the same time wherever the first difference is.
fn good_auth_key(st: &State, path: &str, auth_key: Option<&str>) -> bool {
    let Some(mut parts) = auth_key.map(|k| k.split('-')) else { return false };
    let epoch = parts.next().and_then(|e| e.parse::<u64>().ok());
    let given = parts.nth(2).unwrap_or_default();
    let want = signature(st, path.trim_start_matches('/'), st.files.epoch);
    epoch == Some(st.files.epoch)
        && given.len() == want.len()
        && !want.is_empty()
        && given.bytes().zip(want.bytes()).fold(0u8, |acc, (a, b)| acc | (a ^ b)) == 0
}

/// The API side: answers GetPlayInfo, GetImageInfo; `None` for other actions.
pub fn handle(
    action: &str,
    p: &BTreeMap<String, String>,
    st: &mut State,
    rid: &str,
) -> Option<Result<Value, (u16, &'static str, String)>> {
    Some(match action {
        "GetPlayInfo" => {
            let Some(id) = p.get("VideoId") else {
                return Some(Err((400, "MissingParameter", "The input parameter \"VideoId\" is not supplied.".into())));
            };
            if !st.media.iter().any(|m| &m.id == id) {
                return Some(Err((404, "InvalidVideo.NotFound", "The video does not exist.".into())));
            }
            // A production another process drafted (the sandbox): its file is there.
            if !st.files.videos.contains_key(id)
                && let Some(file) = st.produced_dir.as_deref().map(|d| super::produce::produced_file(d, id))
                && file.is_file()
            {
                st.files.videos.insert(id.clone(), file);
            }
            if !st.files.videos.contains_key(id) {
                return Some(Err((404, "InvalidVideo.NoneStream", "The video has no stream to play.".into())));
            }
            let size = std::fs::metadata(&st.files.videos[id]).map(|m| m.len()).unwrap_or(0);
            let seconds = st.media.iter().find(|m| &m.id == id).map_or(SECONDS as f64, |m| m.duration);
            let d = format!("{seconds:.1}");
            // A larger rendition and an HLS one too: the client must pick the smallest MP4 (the
            // others are not served).
            Ok(
                json!({"RequestId": rid, "VideoBase": {"VideoId": id, "Duration": d, "Status": "Normal", "MediaType": "video"},
                "PlayInfoList": {"PlayInfo": [
                {"PlayURL": signed(st, &format!("media/{id}/hd.mp4")), "Definition": "HD", "Format": "mp4", "Width": 1280, "Height": 720,
                 "Size": size * 20, "Duration": d, "Bitrate": "2000", "Fps": "10", "Status": "Normal", "StreamType": "video"},
                {"PlayURL": signed(st, &format!("media/{id}/ld.m3u8")), "Definition": "LD", "Format": "m3u8", "Width": 160, "Height": 90,
                 "Size": 100, "Duration": d, "Bitrate": "100", "Fps": "10", "Status": "Normal", "StreamType": "video"},
                {"PlayURL": signed(st, &format!("media/{id}/ld.mp4")), "Definition": "LD", "Format": "mp4", "Width": W, "Height": H,
                 "Size": size, "Duration": d, "Bitrate": "100", "Fps": "10", "Status": "Normal", "StreamType": "video"}]}}),
            )
        }
        "GetImageInfo" => {
            let Some(id) = p.get("ImageId") else {
                return Some(Err((400, "MissingParameter", "The input parameter \"ImageId\" is not supplied.".into())));
            };
            let Some((_, w, h)) = st.files.images.get(id).cloned() else {
                return Some(Err((404, "InvalidImage.NotFound", "The image does not exist.".into())));
            };
            Ok(
                json!({"RequestId": rid, "ImageInfo": {"ImageId": id, "Title": id, "URL": signed(st, &format!("image/{id}.png")),
                "Width": w, "Height": h, "Status": "Normal", "ImageType": "default", "Mezzanine": {"Width": w, "Height": h}}}),
            )
        }
        _ => return None,
    })
}

/// Fields GetVideoInfo adds for a video with test media: the cover and four snapshots (at
/// 0, 5, 10 and 15 s), and the mezzanine size.
pub fn video_extras(st: &State, id: &str) -> Option<Value> {
    st.files.videos.get(id)?;
    let snaps: Vec<String> = (0..4).map(|i| signed(st, &format!("still/{id}/{}.png", i * 5))).collect();
    Some(json!({"CoverURL": signed(st, &format!("still/{id}/0.png")), "Snapshots": {"Snapshot": snaps}}))
}

fn head(conn: &mut &TcpStream, status: &str, kind: &str, len: usize, extra: &str) {
    let _ = write!(
        conn,
        "HTTP/1.1 {status}\r\nContent-Type: {kind}\r\nContent-Length: {len}\r\nAccept-Ranges: bytes\r\n{extra}Connection: close\r\n\r\n"
    );
}

/// Serves media GETs (`/media/`, `/image/`, `/still/`); false when the path is not ours.
pub fn serve(conn: &TcpStream, path: &str, query: &str, range: Option<&str>, state: &std::sync::Mutex<State>) -> bool {
    let ours = ["/media/", "/image/", "/still/"].iter().any(|p| path.starts_with(p));
    if !ours {
        return false;
    }
    let mut c = conn;
    let (epoch_ok, body) = {
        let mut st = state.lock().unwrap();
        let auth_key = query.split('&').find_map(|kv| kv.strip_prefix("auth_key="));
        let epoch_ok = good_auth_key(&st, path, auth_key);
        let parts: Vec<&str> = path.trim_start_matches('/').split('/').collect();
        let found: Option<(Vec<u8>, &str)> = match parts.as_slice() {
            ["media", id, "ld.mp4"] => {
                st.files.videos.get(*id).and_then(|p| std::fs::read(p).ok()).map(|b| (b, "video/mp4"))
            }
            ["image", file] => {
                let id = file.trim_end_matches(".png");
                st.files.images.get(id).map(|(b, _, _)| (b.clone(), "image/png"))
            }
            ["still", id, file] if st.files.videos.contains_key(*id) => {
                let s: u32 = file.trim_end_matches(".png").parse().unwrap_or(0);
                st.files.stills_served += 1;
                Some((png(W, H, colour_of_second(s.min(SECONDS - 1))), "image/png"))
            }
            _ => None,
        };
        if !epoch_ok {
            st.files.refused += 1;
        } else if found.is_some() {
            st.files.served += 1;
        }
        (epoch_ok, found)
    };
    if !epoch_ok {
        let msg = b"<Error><Code>AccessDenied</Code><Message>auth_key expired</Message></Error>";
        head(&mut c, "403 Forbidden", "application/xml", msg.len(), "");
        let _ = c.write_all(msg);
        return true;
    }
    let Some((bytes, kind)) = body else {
        head(&mut c, "404 Not Found", "text/plain", 9, "");
        let _ = c.write_all(b"not found");
        return true;
    };
    let total = bytes.len();
    let range = range.and_then(|r| r.trim().strip_prefix("bytes=")).and_then(|r| {
        let (a, b) = r.split_once('-')?;
        let start: usize = a.trim().parse().ok()?;
        let end: usize = if b.trim().is_empty() { total.checked_sub(1)? } else { b.trim().parse().ok()? };
        Some((start, end.min(total.saturating_sub(1))))
    });
    match range {
        Some((start, _)) if start >= total => {
            head(&mut c, "416 Range Not Satisfiable", kind, 0, &format!("Content-Range: bytes */{total}\r\n"));
        }
        Some((start, end)) => {
            let part = &bytes[start..=end.max(start)];
            head(
                &mut c,
                "206 Partial Content",
                kind,
                part.len(),
                &format!("Content-Range: bytes {start}-{end}/{total}\r\n"),
            );
            let _ = c.write_all(part);
        }
        None => {
            head(&mut c, "200 OK", kind, total, "");
            let _ = c.write_all(&bytes);
        }
    }
    let _ = c.flush();
    true
}
