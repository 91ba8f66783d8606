//! COMPARE WITH DRAFT: the produced video checked against the local compositor.
//!
//! The service composes the Timeline its own way; where it ignored an effect, clamped an Out
//! (moving every later clip) or stacked the layers otherwise, the produced video differs
//! from what the editor showed. At every cut of a picture track, every marker and the start,
//! a frame of the produced video (decoded from its GetPlayInfo, like any media) is set
//! against the compositor's frame at the same time (the preview's and `vodcut still`'s), and
//! the points where they differ by more than a threshold are listed with both pictures.
//!
//! How two frames differ: each is cut into a 16 x 9 grid of cells (fractions of the frame,
//! so a produced video of another size still lines up) and each cell's mean colour is
//! compared (the largest of its red, green and blue differences). Averaging over cells makes the encoder's noise and a pixel of scaling vanish,
//! while a missing logo or a different clip moves whole cells; the score is the worst cell's
//! difference in percent of full scale, and the cell is kept to be pointed at.
//!
//! Each point is looked at three frames after it (halfway to the next point when that is
//! nearer): exactly at a cut, a frame of difference between two encoders' timing would show
//! the clip before the cut on one side and the one after it on the other.

use crate::compose::Image;
use crate::draft::timing;
use crate::media::{Exactness, Footage, describe_layer};
use crate::model::project::{Placement, Project, TrackKind};
use crate::model::{FrameRate, Time};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

/// The most points one comparison looks at (each decodes a frame of the produced video and
/// composes one); a longer list is thinned evenly and the report says how many there were.
pub const MAX_POINTS: usize = 400;
/// The most differences whose pictures are kept (320 x 180 each, about 230 KB a picture).
pub const MAX_PICTURES: usize = 100;
/// A worst cell that differs by more than this (percent of full scale) is a difference.
pub const DEFAULT_THRESHOLD: f32 = 10.0;
/// The width both frames are looked at.
pub const DEFAULT_WIDTH: u32 = 320;
/// Cells across and down.
const GRID: (u32, u32) = (16, 9);
/// How far after a point it is looked at, in frames of the project's rate.
const SETTLE_FRAMES: i64 = 3;

/// Why a time is looked at.
#[derive(Clone, Debug, PartialEq)]
pub enum Why {
    Start,
    /// A clip of a picture track (video, image, subtitle) starts or ends here.
    Cut,
    /// A marker, with its label.
    Marker(String),
}

impl Why {
    /// In words, as a list of differences shows it (the editor's and the command line's).
    pub fn words(&self) -> String {
        match self {
            Why::Start => crate::t!("compare-why-start"),
            Why::Cut => crate::t!("compare-why-cut"),
            Why::Marker(label) => crate::t!("compare-why-marker", label = label.as_str()),
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Point {
    /// The cut's, marker's or start's time.
    pub at: Time,
    /// Where both frames are taken (see the module's note).
    pub sample: Time,
    pub why: Why,
}

/// How two frames differ.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Difference {
    /// The worst cell's difference, 0 to 100.
    pub score: f32,
    /// The mean over all cells, 0 to 100.
    pub mean: f32,
    /// The worst cell: x, y, width, height as fractions of the frame.
    pub worst: [f32; 4],
}

/// One point looked at.
#[derive(Clone, Debug)]
pub struct Checked {
    pub point: Point,
    pub difference: Difference,
    /// Both pictures, kept for differences over the threshold (the first [`MAX_PICTURES`]).
    pub draft: Option<Image>,
    /// `None` for a point past the produced video's end.
    pub produced: Option<Image>,
    /// The point lies past the end of the produced video.
    pub past_end: bool,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Options {
    pub width: u32,
    pub threshold: f32,
}

impl Default for Options {
    fn default() -> Self {
        Options { width: DEFAULT_WIDTH, threshold: DEFAULT_THRESHOLD }
    }
}

#[derive(Clone, Debug, Default)]
pub struct Report {
    pub media_id: String,
    pub threshold: f32,
    /// Every point looked at, in time order.
    pub checked: Vec<Checked>,
    /// How many points there were before thinning (see [`MAX_POINTS`]).
    pub points_found: usize,
    /// Where the draft ends, and the produced video as VOD gives its length.
    pub draft_end: Time,
    pub produced_end: Option<Time>,
    /// What the comparison could not do (a layer's picture missing, a frame not decoded,
    /// lengths that differ).
    pub notes: Vec<String>,
}

impl Report {
    /// The points that differ by more than the threshold.
    pub fn differences(&self) -> impl Iterator<Item = &Checked> {
        self.checked.iter().filter(|c| c.difference.score > self.threshold)
    }
}

#[derive(Debug, PartialEq)]
pub enum CompareError {
    /// ffmpeg is needed to decode the produced video (and the footage).
    NoFfmpeg(String),
    /// The produced video's first frame could not be had (not produced yet, no stream...).
    Produced(String),
    Cancelled,
}

impl std::fmt::Display for CompareError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CompareError::NoFfmpeg(e) | CompareError::Produced(e) => f.write_str(e),
            CompareError::Cancelled => f.write_str(&crate::t!("compare-cancelled")),
        }
    }
}

/// The times to look at: the start, every cut of a visible picture track and every marker
/// before `end`, one per time (a marker's label wins), thinned evenly to [`MAX_POINTS`].
/// Returns them and how many there were before thinning.
pub fn points(project: &Project, placements: &[Vec<Placement>], end: Time) -> (Vec<Point>, usize) {
    let mut times: Vec<(Time, Why)> = vec![(Time::ZERO, Why::Start)];
    for (track, places) in project.tracks.iter().zip(placements) {
        if track.hidden || track.kind == TrackKind::Audio {
            continue;
        }
        times.extend(places.iter().flat_map(|p| [(p.start, Why::Cut), (p.end, Why::Cut)]));
    }
    times.extend(project.markers.iter().map(|m| (m.time, Why::Marker(m.label.clone()))));
    times.retain(|(t, _)| *t >= Time::ZERO && *t < end);
    let rank = |w: &Why| match w {
        Why::Marker(_) => 0,
        Why::Start => 1,
        Why::Cut => 2,
    };
    times.sort_by(|a, b| a.0.cmp(&b.0).then(rank(&a.1).cmp(&rank(&b.1))));
    times.dedup_by(|later, kept| later.0 == kept.0);
    let found = times.len();
    if found > MAX_POINTS {
        times = (0..MAX_POINTS).map(|i| times[i * found / MAX_POINTS].clone()).collect();
    }
    let points = (0..times.len())
        .map(|i| {
            let at = times[i].0;
            let next = times.get(i + 1).map_or(end, |n| n.0);
            Point { at, sample: sample_time(at, next, end, project.frame_rate), why: times[i].1.clone() }
        })
        .collect();
    (points, found)
}

/// Where a point at `at` is looked at: [`SETTLE_FRAMES`] later, but no further than halfway
/// to the next point and inside the output.
fn sample_time(at: Time, next: Time, end: Time, rate: FrameRate) -> Time {
    let settle = at + rate.frame_start(SETTLE_FRAMES);
    let halfway = at + Time::from_ticks((next - at).ticks() / 2);
    let last = end.saturating_sub(rate.frame_start(1)).max(at);
    settle.min(halfway).min(last).max(at)
}

/// How `a` and `b` differ, cell by cell (see the module's note). Pictures of different sizes
/// are compared by fractions of their frames.
pub fn difference(a: &Image, b: &Image) -> Difference {
    let (ca, cb) = (cell_means(a), cell_means(b));
    let mut worst = (0.0f32, 0usize);
    let mut sum = 0.0f32;
    for (i, (x, y)) in ca.iter().zip(&cb).enumerate() {
        // The largest of the three channels' differences: a change of hue in one channel is
        // as plain to the eye as one in all three.
        let d = (0..3).map(|k| (x[k] - y[k]).abs()).fold(0.0f32, f32::max) / 255.0 * 100.0;
        sum += d;
        if d > worst.0 {
            worst = (d, i);
        }
    }
    let (gx, gy) = (GRID.0 as f32, GRID.1 as f32);
    let (cx, cy) = ((worst.1 as u32 % GRID.0) as f32, (worst.1 as u32 / GRID.0) as f32);
    Difference { score: worst.0, mean: sum / ca.len().max(1) as f32, worst: [cx / gx, cy / gy, 1.0 / gx, 1.0 / gy] }
}

/// The mean RGB of each cell of the grid, row by row.
fn cell_means(img: &Image) -> Vec<[f32; 3]> {
    let (w, h) = (img.width as usize, img.height as usize);
    let mut out = Vec::with_capacity((GRID.0 * GRID.1) as usize);
    for cy in 0..GRID.1 as usize {
        let (y0, y1) = (cy * h / GRID.1 as usize, ((cy + 1) * h / GRID.1 as usize).max(cy * h / GRID.1 as usize + 1));
        for cx in 0..GRID.0 as usize {
            let (x0, x1) =
                (cx * w / GRID.0 as usize, ((cx + 1) * w / GRID.0 as usize).max(cx * w / GRID.0 as usize + 1));
            let mut acc = [0u64; 3];
            let mut n = 0u64;
            for y in y0..y1.min(h) {
                for x in x0..x1.min(w) {
                    let i = (y * w + x) * 4;
                    for (k, a) in acc.iter_mut().enumerate() {
                        *a += u64::from(img.rgba.get(i + k).copied().unwrap_or(0));
                    }
                    n += 1;
                }
            }
            let n = n.max(1) as f32;
            out.push([acc[0] as f32 / n, acc[1] as f32 / n, acc[2] as f32 / n]);
        }
    }
    out
}

/// What a comparison looks at, worked out before the first frame.
struct Prepared {
    points: Vec<Point>,
    points_found: usize,
    /// Where the draft ends, and the produced video as VOD gives its length.
    end: Time,
    produced_end: Option<Time>,
    notes: Vec<String>,
}

/// The clips laid out as the draft lays them (lengths asked of VOD where the project has
/// none), the points, and the two lengths (a note when they differ by half a second).
async fn prepare(footage: &Arc<Footage>, project: &Project, media_id: &str) -> Prepared {
    let (lengths, mut notes) = crate::draft::media_lengths(project, footage).await;
    let durations = lengths.iter().map(|(k, v)| (k.as_str(), *v)).collect();
    let mut placements = timing::placements(project, &durations);
    let end = timing::output_end(project, &placements);
    timing::extend_overlays(project, &mut placements, end);
    let (points, points_found) = points(project, &placements, end);
    let produced_end = match footage.durations(&[media_id.to_owned()]).await {
        Ok(found) => found.first().and_then(|(_, s)| Time::from_secs_f64(*s)),
        Err(_) => None,
    };
    let clock = crate::i18n::Clock::of(project.frame_rate);
    if let Some(p) = produced_end
        && (p.as_secs_f64() - end.as_secs_f64()).abs() >= 0.5
    {
        notes.push(crate::t!("compare-length-differs", draft = clock.length(end), produced = clock.length(p)));
    }
    Prepared { points, points_found, end, produced_end, notes }
}

/// How far a comparison is: points looked at, of how many (0 until they are known).
#[derive(Debug, Default)]
pub struct Progress {
    pub done: AtomicUsize,
    pub total: AtomicUsize,
}

/// Compares the produced video `media_id` with `project` as the compositor draws it (see
/// the module's note). `progress` counts the points looked at; setting `cancel` stops soon
/// after.
pub async fn compare(
    footage: &Arc<Footage>,
    project: &Project,
    media_id: &str,
    opts: &Options,
    cancel: &Arc<AtomicBool>,
    progress: &Progress,
) -> Result<Report, CompareError> {
    let done = &progress.done;
    if let Err(e) = footage.ffmpeg() {
        return Err(CompareError::NoFfmpeg(format!("{e}; {}", crate::media::decode::install_hint())));
    }
    let Prepared { points, points_found, end, produced_end, mut notes } = prepare(footage, project, media_id).await;
    progress.total.store(points.len(), Ordering::Relaxed);
    let clock = crate::i18n::Clock::of(project.frame_rate);
    let size = footage.output_size(project).await;
    let mut report =
        Report { media_id: media_id.to_owned(), threshold: opts.threshold, points_found, ..Default::default() };
    report.draft_end = end;
    report.produced_end = produced_end;
    let mut kept = 0;
    for point in points {
        if cancel.load(Ordering::Relaxed) {
            return Err(CompareError::Cancelled);
        }
        let past_end = produced_end.is_some_and(|p| point.sample >= p);
        let (still, produced) = tokio::join!(
            super::still::compose_at(footage, project, size, point.sample, Some(opts.width), cancel),
            async {
                if past_end {
                    None
                } else {
                    Some(footage.video_frame(media_id, point.sample, opts.width, cancel).await)
                }
            }
        );
        for (layer, e) in &still.pictures.problems {
            let layer = describe_layer(project, &still.plan, *layer);
            notes.push(crate::t!(
                "compare-layer-missing",
                at = clock.time(point.sample),
                layer = layer,
                error = e.to_string()
            ));
        }
        let produced = match produced {
            None => None,
            Some(Ok((img, Exactness::Exact))) => Some(img),
            Some(Ok((_, Exactness::Still))) => {
                return Err(CompareError::NoFfmpeg(crate::media::decode::install_hint()));
            }
            Some(Err(e)) if report.checked.is_empty() => {
                return Err(CompareError::Produced(crate::t!(
                    "compare-produced-unreadable",
                    media = crate::i18n::format::quoted_id(media_id),
                    error = e.to_string()
                )));
            }
            Some(Err(e)) => {
                notes.push(crate::t!("compare-frame-failed", at = clock.time(point.sample), error = e.to_string()));
                done.fetch_add(1, Ordering::Relaxed);
                continue;
            }
        };
        let difference = match &produced {
            Some(img) => difference(&still.image, img),
            None => Difference { score: 100.0, mean: 100.0, worst: [0.0, 0.0, 1.0, 1.0] },
        };
        let keep = difference.score > opts.threshold && kept < MAX_PICTURES;
        kept += usize::from(keep);
        report.checked.push(Checked {
            point,
            difference,
            draft: keep.then_some(still.image),
            produced: if keep { produced } else { None },
            past_end,
        });
        done.fetch_add(1, Ordering::Relaxed);
    }
    notes.dedup();
    report.notes = notes;
    Ok(report)
}

/// A comparison running in the background (the editor): poll it for the report.
pub struct Run {
    pub media_id: String,
    pub progress: Arc<Progress>,
    cancel: Arc<AtomicBool>,
    rx: std::sync::mpsc::Receiver<Result<Report, CompareError>>,
}

impl Run {
    /// Starts comparing on `rt` (the footage's runtime); `wake` is called when it ends.
    pub fn start(
        rt: &tokio::runtime::Handle,
        footage: Arc<Footage>,
        project: Project,
        media_id: String,
        opts: Options,
        wake: impl Fn() + Send + 'static,
    ) -> Run {
        let (tx, rx) = std::sync::mpsc::channel();
        let (progress, cancel) = (Arc::new(Progress::default()), Arc::new(AtomicBool::new(false)));
        let (p, c, id) = (progress.clone(), cancel.clone(), media_id.clone());
        rt.spawn(async move {
            let _ = tx.send(compare(&footage, &project, &id, &opts, &c, &p).await);
            wake();
        });
        Run { media_id, progress, cancel, rx }
    }

    /// The report, once (`None` while running or after it was taken).
    pub fn poll(&self) -> Option<Result<Report, CompareError>> {
        self.rx.try_recv().ok()
    }

    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::Relaxed);
    }
}

impl Drop for Run {
    /// A comparison nobody waits for stops.
    fn drop(&mut self) {
        self.cancel();
    }
}

/// The finished production of `project_file` made last, from the job history: its MediaId.
pub fn newest_production(jobs: &[crate::store::jobs::Job], project_file: &std::path::Path) -> Option<String> {
    jobs.iter()
        .filter(|j| super::follow::ending(j) == Some(super::follow::Ending::Finished))
        .filter(|j| j.is_from(project_file))
        .max_by_key(|j| (j.updated, j.created))
        .and_then(|j| j.media_id.clone())
}

/// Both pictures of a difference side by side (the draft left, the produced video right,
/// a black frame where there is none), the worst cell outlined in red on each.
pub fn side_by_side(c: &Checked) -> Option<Image> {
    let draft = c.draft.as_ref()?;
    let gap = 8u32;
    let right_w = c.produced.as_ref().map_or(draft.width, |p| p.width);
    let height = draft.height.max(c.produced.as_ref().map_or(0, |p| p.height));
    let mut canvas = crate::compose::Canvas::new(draft.width + gap + right_w, height, [24, 24, 24, 255]);
    let black = Image::filled(right_w, draft.height, [0, 0, 0, 255]);
    let right = c.produced.as_ref().unwrap_or(&black);
    for (img, x0) in [(draft, 0u32), (right, draft.width + gap)] {
        let r = crate::compose::Rect { x: x0 as f32, y: 0.0, w: img.width as f32, h: img.height as f32 };
        canvas.draw_image(img, r, 1.0);
        let [fx, fy, fw, fh] = c.difference.worst;
        let (w, h) = (img.width as f32, img.height as f32);
        outline(&mut canvas, x0 as f32 + fx * w, fy * h, fw * w, fh * h);
    }
    Some(canvas.into_image())
}

/// A 2-pixel red frame around a box.
fn outline(canvas: &mut crate::compose::Canvas, x: f32, y: f32, w: f32, h: f32) {
    let red = Image::filled(1, 1, [230, 30, 30, 255]);
    for r in [(x, y, w, 2.0), (x, y + h - 2.0, w, 2.0), (x, y, 2.0, h), (x + w - 2.0, y, 2.0, h)] {
        canvas.draw_image(&red, crate::compose::Rect { x: r.0, y: r.1, w: r.2, h: r.3 }, 1.0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::project::{Marker, Track};
    use crate::model::wire::Clip;

    fn img(w: u32, h: u32, f: impl Fn(u32, u32) -> [u8; 3]) -> Image {
        let mut px = Vec::with_capacity((w * h * 4) as usize);
        for y in 0..h {
            for x in 0..w {
                let c = f(x, y);
                px.extend_from_slice(&[c[0], c[1], c[2], 255]);
            }
        }
        Image::new(w, h, px).unwrap()
    }

    #[test]
    fn the_same_picture_at_another_size_does_not_differ() {
        let a = img(320, 180, |x, _| if x < 160 { [200, 40, 40] } else { [20, 20, 200] });
        let b = img(640, 360, |x, _| if x < 320 { [200, 40, 40] } else { [20, 20, 200] });
        assert!(difference(&a, &b).score < 0.5, "{:?}", difference(&a, &b));
    }

    #[test]
    fn a_missing_corner_logo_is_found_where_it_is() {
        let plain = img(320, 180, |_, _| [40, 40, 40]);
        let logo = img(320, 180, |x, y| if x >= 280 && y < 40 { [250, 250, 250] } else { [40, 40, 40] });
        let d = difference(&plain, &logo);
        assert!(d.score > 50.0, "{d:?}");
        assert!(d.mean < 10.0, "a small logo moves few cells: {d:?}");
        assert!(d.worst[0] >= 0.85 && d.worst[1] < 0.2, "the worst cell is top right: {d:?}");
        // Noise of a few levels everywhere (an encoder's) stays far below the threshold.
        let noisy = img(320, 180, |x, y| {
            let n = ((x * 7 + y * 13) % 9) as u8;
            [36 + n, 36 + n, 36 + n]
        });
        assert!(difference(&plain, &noisy).score < 3.0);
    }

    fn clip(media: &str, tin: f64, tout: f64) -> Clip {
        Clip {
            media_id: Some(media.into()),
            r#in: Some(Time::ZERO),
            out: Time::from_secs_f64(tout - tin),
            timeline_in: Time::from_secs_f64(tin),
            timeline_out: Time::from_secs_f64(tout),
            ..Clip::default()
        }
    }

    #[test]
    fn points_are_the_start_the_cuts_and_the_markers_once_each() {
        let mut p = Project::default();
        let mut v = Track::new(TrackKind::Video, "V1");
        v.clips = vec![clip("a", 0.0, 4.0), clip("b", 4.0, 10.0)];
        let mut a = Track::new(TrackKind::Audio, "A1");
        a.clips = vec![clip("m", 0.0, 7.0)];
        p.tracks = vec![v, a];
        p.markers = vec![
            Marker { time: Time::from_secs(4), label: "swap".into(), ..Marker::default() },
            Marker { time: Time::from_secs(6), label: "logo".into(), ..Marker::default() },
            Marker { time: Time::from_secs(12), label: "after the end".into(), ..Marker::default() },
        ];
        let placements = timing::placements(&p, &p.media_durations());
        let end = timing::output_end(&p, &placements);
        let (points, found) = points(&p, &placements, end);
        let got: Vec<(f64, Why)> = points.iter().map(|p| (p.at.as_secs_f64(), p.why.clone())).collect();
        // The audio's end (7 s) is no cut of the picture; the marker at the cut keeps its label.
        assert_eq!(got, vec![(0.0, Why::Start), (4.0, Why::Marker("swap".into())), (6.0, Why::Marker("logo".into()))]);
        assert_eq!(found, 3);
        // Three frames at 25 fps after each point.
        assert_eq!(points[1].sample, Time::from_millis(4120));
    }

    #[test]
    fn a_point_close_to_the_next_is_looked_at_halfway_and_never_past_the_end() {
        let rate = FrameRate::FPS_25;
        let s = |at: f64, next: f64, end: f64| {
            sample_time(
                Time::from_millis((at * 1000.0) as i64),
                Time::from_millis((next * 1000.0) as i64),
                Time::from_millis((end * 1000.0) as i64),
                rate,
            )
            .as_secs_f64()
        };
        assert_eq!(s(1.0, 1.04, 10.0), 1.02);
        assert_eq!(s(9.98, 10.0, 10.0), 9.98, "inside the output");
        assert_eq!(s(2.0, 5.0, 10.0), 2.12);
    }

    #[test]
    fn a_long_list_of_points_is_thinned_evenly() {
        let mut p = Project::default();
        let mut v = Track::new(TrackKind::Video, "V1");
        v.clips = (0..1000).map(|i| clip("a", f64::from(i), f64::from(i + 1))).collect();
        p.tracks = vec![v];
        let placements = timing::placements(&p, &p.media_durations());
        let (points, found) = points(&p, &placements, Time::from_secs(1000));
        assert_eq!((points.len(), found), (MAX_POINTS, 1000));
        assert!(points.last().unwrap().at > Time::from_secs(990), "the end is looked at too");
    }
}
