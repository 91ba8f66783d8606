//! The video layers' pictures during a draft render: one continuous ffmpeg decode per clip,
//! kept while the clip goes on and reopened when it jumps (a cut back to the same clip) or
//! stalls (once, with a fresh URL); a medium that ends before its clip holds its last frame.

use super::DraftError;
use crate::compose::{Canvas, Image};
use crate::media::Footage;
use crate::media::decode::{Ffmpeg, FrameStream};
use crate::model::{FrameRate, Time};
use std::collections::HashMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

/// Longest wait for one frame of a clip's decode.
const FRAME_WAIT: Duration = Duration::from_secs(30);

pub(super) struct Running {
    stream: FrameStream,
    media: String,
    /// Source time of the frame the stream gives next.
    next: Time,
    last: Option<Image>,
    /// The medium ended before the clip: its last frame stays.
    ended: bool,
}

/// The video layers' pictures, one continuous decode per clip.
pub(super) struct Videos<'a> {
    pub footage: &'a Arc<Footage>,
    pub rt: &'a tokio::runtime::Handle,
    pub ff: Ffmpeg,
    pub rate: FrameRate,
    pub cancel: &'a AtomicBool,
    pub running: HashMap<(usize, usize), Running>,
}

impl Videos<'_> {
    fn step(&self) -> Time {
        self.rate.frame_start(1)
    }

    fn open(&mut self, key: (usize, usize), media: &str, at: Time, width: u32) -> Result<(), String> {
        self.running.remove(&key);
        let url = self.rt.block_on(self.footage.play_url(media)).map_err(|e| e.to_string())?;
        let stream = self.ff.stream(&url, at.as_secs_f64(), self.rate.fps(), width).map_err(|e| e.to_string())?;
        self.running.insert(key, Running { stream, media: media.to_owned(), next: at, last: None, ended: false });
        Ok(())
    }

    /// The next frame of `key`'s decode: `Ok(None)` when it ended.
    fn wait(&self, key: (usize, usize)) -> Result<Option<Image>, DraftError> {
        let Some(r) = self.running.get(&key) else { return Ok(None) };
        let since = Instant::now();
        while since.elapsed() < FRAME_WAIT {
            if self.cancel.load(Ordering::Relaxed) {
                return Err(DraftError::Cancelled);
            }
            match r.stream.poll(Duration::from_millis(100)) {
                Some(Some(img)) => return Ok(Some(img)),
                Some(None) => continue,
                None => return Ok(None),
            }
        }
        Ok(None)
    }

    /// The picture of clip `key` (medium `media`) at source time `at`, `width` wide.
    pub fn frame(
        &mut self,
        key: (usize, usize),
        media: &str,
        at: Time,
        width: u32,
        place: &dyn Fn() -> String,
        notes: &mut Vec<String>,
    ) -> Result<Image, DraftError> {
        let step = self.step();
        let continues = |r: &Running| r.media == media && (r.next - at).0.abs() * 2 <= step.0 * 3;
        if let Some(r) = self.running.get_mut(&key).filter(|r| continues(r) && r.ended)
            && let Some(img) = r.last.clone()
        {
            r.next = at + step;
            return Ok(img);
        }
        if !self.running.get(&key).is_some_and(continues) {
            self.open(key, media, at, width).map_err(|e| at_place(place, e))?;
        }
        for attempt in 0..2 {
            if let Some(img) = self.wait(key)? {
                if let Some(r) = self.running.get_mut(&key) {
                    r.next = at + step;
                    r.last = Some(img.clone());
                }
                return Ok(img);
            }
            let last = self.running.get_mut(&key).and_then(|r| r.last.take());
            if attempt == 0 {
                // Ended or stalled: once more with a fresh URL (a signed one may have expired).
                self.footage.forget_url(media);
                self.open(key, media, at, width).map_err(|e| at_place(place, e))?;
                if let Some(r) = self.running.get_mut(&key) {
                    r.last = last;
                }
                continue;
            }
            if let (Some(img), Some(r)) = (last, self.running.get_mut(&key)) {
                notes.push(crate::t!("media-medium-ends", place = place()));
                r.ended = true;
                r.next = at + step;
                r.last = Some(img.clone());
                return Ok(img);
            }
        }
        Err(DraftError::Media(crate::t!("media-no-frame", place = place())))
    }
}

/// "track V1, clip 2 (media a at 1.000 s): …".
fn at_place(place: &dyn Fn() -> String, e: impl std::fmt::Display) -> DraftError {
    DraftError::Media(crate::t!("media-detail", what = place(), detail = e.to_string()))
}

/// `img` as exactly `w`x`h` (composing rounds the height; H.264 wants even sizes).
pub(super) fn fit(img: Image, w: u32, h: u32) -> Canvas {
    if img.width == w && img.height == h {
        return Canvas { width: w, height: h, rgba: Arc::unwrap_or_clone(img.rgba) };
    }
    let mut c = Canvas::new(w, h, [0, 0, 0, 255]);
    let (cw, ch) = (img.width.min(w) as usize, img.height.min(h) as usize);
    for y in 0..ch {
        let src = &img.rgba[y * img.width as usize * 4..][..cw * 4];
        c.rgba[y * w as usize * 4..][..cw * 4].copy_from_slice(src);
    }
    c
}
