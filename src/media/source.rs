//! Where a medium's pictures come from: the play URL of a video (GetPlayInfo's smallest MP4,
//! else GetMezzanineInfo's FileURL), the URL of an image (GetImageInfo), the cover and
//! snapshots (GetVideoInfo). Signed URLs expire: one is reused until most of its lifetime has
//! passed, and dropped at once when the server refuses it, so the next ask gets a fresh one.

use crate::api::play::{AUTH_TIMEOUT_SECS, Stills, smallest_mp4};
use crate::api::{ApiError, Client};
use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// A URL is asked for again after this share of its lifetime (the clocks of this machine and
/// the CDN need not agree to the second).
const REUSE_FOR: Duration = Duration::from_secs(AUTH_TIMEOUT_SECS * 3 / 4);

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlayUrl {
    pub url: String,
    /// The rendition's size, when the service said.
    pub size: Option<(u32, u32)>,
}

pub struct Sources {
    client: Client,
    plays: Mutex<HashMap<String, (PlayUrl, Instant)>>,
    images: Mutex<HashMap<String, (PlayUrl, Instant)>>,
    stills: Mutex<HashMap<String, Stills>>,
}

fn size(w: Option<u64>, h: Option<u64>) -> Option<(u32, u32)> {
    match (w, h) {
        (Some(w), Some(h)) if w > 0 && h > 0 => Some((w.min(u32::MAX as u64) as u32, h.min(u32::MAX as u64) as u32)),
        _ => None,
    }
}

/// A URL from the service that ffmpeg or the downloader may follow (http or https only: see
/// [`crate::api::http::check_service_url`]); refused as a bad answer otherwise.
fn checked(what: &str, url: &str) -> Result<(), ApiError> {
    crate::api::http::check_service_url(what, url).map_err(|detail| ApiError::BadResponse { status: 200, detail })
}

fn fresh(map: &Mutex<HashMap<String, (PlayUrl, Instant)>>, id: &str) -> Option<PlayUrl> {
    let m = map.lock().ok()?;
    m.get(id).filter(|(_, got)| got.elapsed() < REUSE_FOR).map(|(u, _)| u.clone())
}

impl Sources {
    pub fn new(client: Client) -> Self {
        Sources {
            client,
            plays: Mutex::new(HashMap::new()),
            images: Mutex::new(HashMap::new()),
            stills: Mutex::new(HashMap::new()),
        }
    }

    pub fn client(&self) -> &Client {
        &self.client
    }

    /// A playable URL of video `id`.
    pub async fn play_url(&self, id: &str) -> Result<PlayUrl, ApiError> {
        if let Some(u) = fresh(&self.plays, id) {
            return Ok(u);
        }
        let from_play_info = match self.client.get_play_info(id).await {
            Ok(list) => smallest_mp4(&list).map(|p| PlayUrl { url: p.play_url.clone(), size: size(p.width, p.height) }),
            // No transcoded stream yet (or none in MP4): the source file may still do.
            Err(ApiError::Service(e)) if e.code.starts_with("InvalidVideo.NoneStream") => None,
            Err(e) => return Err(e),
        };
        let shown = crate::i18n::format::quoted_id(id);
        let url = match from_play_info {
            Some(u) => {
                checked(&crate::t!("media-url-of-play", id = shown.as_str()), &u.url)?;
                u
            }
            None => {
                let m = self.client.get_mezzanine_file(id).await?;
                if m.file_url.is_empty() {
                    return Err(ApiError::Config(crate::t!("media-no-stream", id = shown)));
                }
                checked(&crate::t!("media-url-of-file", id = shown.as_str()), &m.file_url)?;
                PlayUrl { url: m.file_url, size: size(m.width, m.height) }
            }
        };
        if let Ok(mut m) = self.plays.lock() {
            m.insert(id.to_owned(), (url.clone(), Instant::now()));
        }
        Ok(url)
    }

    /// The URL of image `id`.
    pub async fn image_url(&self, id: &str) -> Result<PlayUrl, ApiError> {
        if let Some(u) = fresh(&self.images, id) {
            return Ok(u);
        }
        let info = self.client.get_image_info(id).await?;
        let shown = crate::i18n::format::quoted_id(id);
        if info.url.is_empty() {
            return Err(ApiError::Config(crate::t!(
                "media-image-no-url",
                id = shown.as_str(),
                status = info.status.as_str()
            )));
        }
        checked(&crate::t!("media-url-of-image", id = shown), &info.url)?;
        let url = PlayUrl { url: info.url, size: size(info.width, info.height) };
        if let Ok(mut m) = self.images.lock() {
            m.insert(id.to_owned(), (url.clone(), Instant::now()));
        }
        Ok(url)
    }

    /// The server refused a URL: forget it, so the next ask fetches a new one.
    pub fn expired(&self, id: &str) {
        for map in [&self.plays, &self.images] {
            if let Ok(mut m) = map.lock() {
                m.remove(id);
            }
        }
    }

    /// Cover and snapshots of video `id` (asked once per run).
    pub async fn stills(&self, id: &str) -> Result<Stills, ApiError> {
        if let Some(s) = self.stills.lock().ok().and_then(|m| m.get(id).cloned()) {
            return Ok(s);
        }
        let s = self.client.get_video_stills(id).await?;
        if let Ok(mut m) = self.stills.lock() {
            m.insert(id.to_owned(), s.clone());
        }
        Ok(s)
    }
}

/// The snapshot nearest to `at` among `n` snapshots of a video `duration` long. VOD does not
/// say when each snapshot was taken; snapshot templates space them evenly from the start, so
/// that is assumed (UNSURE).
pub fn nearest_snapshot(n: usize, duration: Option<f64>, at: f64) -> Option<usize> {
    if n == 0 {
        return None;
    }
    let d = duration.filter(|d| *d > 0.0)?;
    let step = d / n as f64;
    Some(((at / step).round().max(0.0) as usize).min(n - 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snapshots_are_assumed_evenly_spaced() {
        assert_eq!(nearest_snapshot(4, Some(20.0), 0.0), Some(0));
        assert_eq!(nearest_snapshot(4, Some(20.0), 11.0), Some(2));
        assert_eq!(nearest_snapshot(4, Some(20.0), 99.0), Some(3));
        assert_eq!(nearest_snapshot(0, Some(20.0), 1.0), None);
        assert_eq!(nearest_snapshot(3, None, 1.0), None);
    }
}
