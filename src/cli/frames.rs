//! `still` (the composed output frame at a time) and `frame` (one source frame), through the
//! same footage service and compositor the editor's preview uses.

use super::cloud::{client, runtime};
use super::{CliResult, Connection, EXIT_BAD_INPUT, EXIT_OK, EXIT_REFUSED, EXIT_SETTINGS, EXIT_WRITE_FAILED};
use crate::compose::{self, Image};
use crate::media::{Footage, Options, describe_layer, ffmpeg_from_env};
use crate::model::Time;
use crate::store::project_file;
use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::AtomicBool;

fn parse_at(text: &str) -> Result<Time, (i32, String)> {
    match Time::parse_secs(text) {
        Some(t) if t >= Time::ZERO => Ok(t),
        _ => Err((EXIT_BAD_INPUT, crate::t!("cli-bad-time", flag = "--at", text = text))),
    }
}

fn footage(conn: &Connection, region: Option<&str>, ffmpeg: Option<&Path>) -> Result<Arc<Footage>, (i32, String)> {
    let client = client(conn, region).map(|(c, _)| c).map_err(|(_, e)| e);
    let options = Options { ffmpeg: ffmpeg_from_env(ffmpeg), ..Options::default() };
    let f = Footage::new(client, options);
    if let Err(e) = f.ffmpeg() {
        return Err((EXIT_SETTINGS, format!("{e}; {}", crate::media::decode::install_hint())));
    }
    Ok(Arc::new(f))
}

/// Refuses a project whose output size breaks the documented rules (each side 128 to 4096,
/// the shorter at most 2160) before any picture of that size is made.
pub(super) fn check_output_size(project: &crate::model::Project) -> Result<(), (i32, String)> {
    match crate::model::validate::output_size_problems(project).first() {
        Some(p) => Err((EXIT_BAD_INPUT, crate::t!("cli-bad-output-size", problem = p.to_string()))),
        None => Ok(()),
    }
}

/// PNG bytes of `img`.
pub fn png(img: &Image) -> Result<Vec<u8>, String> {
    let buf = image::RgbaImage::from_raw(img.width, img.height, img.rgba.to_vec())
        .ok_or_else(|| crate::t!("cli-picture-size-wrong"))?;
    let mut out = std::io::Cursor::new(Vec::new());
    buf.write_to(&mut out, image::ImageFormat::Png).map_err(|e| e.to_string())?;
    Ok(out.into_inner())
}

fn write_png(path: &Path, img: &Image) -> Result<(), (i32, String)> {
    let bytes = png(img).map_err(|e| (EXIT_WRITE_FAILED, crate::t!("cli-png-encode", error = e.to_string())))?;
    crate::store::atomic::write_atomic(path, &bytes, false).map_err(|e| {
        (
            EXIT_WRITE_FAILED,
            crate::t!("cli-cannot-write-file", file = path.display().to_string(), error = e.to_string()),
        )
    })
}

pub struct StillArgs {
    pub file: PathBuf,
    pub at: String,
    pub output: PathBuf,
    pub width: Option<u32>,
    pub ffmpeg: Option<PathBuf>,
}

pub fn still(a: StillArgs, conn: &Connection, err: &mut dyn Write) -> CliResult {
    let at = parse_at(&a.at)?;
    if a.width == Some(0) {
        return Err((EXIT_BAD_INPUT, crate::t!("cli-width-min")));
    }
    let project = project_file::open(&a.file).map_err(|e| (EXIT_BAD_INPUT, e.to_string()))?.project;
    check_output_size(&project)?;
    let footage = footage(conn, Some(&project.region), a.ffmpeg.as_deref())?;
    let rt = runtime()?;
    let result = rt.block_on(async {
        let needs_sizes =
            project.produce_config.width.is_none_or(|w| w == 0) || project.produce_config.height.is_none_or(|h| h == 0);
        let mut sizes = HashMap::new();
        if needs_sizes {
            for t in &project.tracks {
                for id in t.clips.iter().filter_map(|c| c.media_id.as_deref()) {
                    if !sizes.contains_key(id) {
                        sizes.insert(id.to_owned(), footage.source_size(id).await);
                    }
                }
            }
        }
        let size = compose::output_size(&project, &|id| sizes.get(id).copied().flatten());
        let plan = compose::plan_at(&project, at, size, &compose::active_by_layout(&project, at));
        let (_, _, zoom) = compose::canvas_size(size.0, size.1, a.width);
        let pictures = footage.pictures(&plan, zoom, &Arc::new(AtomicBool::new(false))).await;
        (plan, pictures)
    });
    let (plan, pictures) = result;
    if !pictures.problems.is_empty() {
        let lines: Vec<String> =
            pictures.problems.iter().map(|(i, e)| format!("  {}: {e}", describe_layer(&project, &plan, *i))).collect();
        return Err((
            EXIT_REFUSED,
            crate::t!(
                "cli-no-frame-layers",
                at = crate::i18n::format::duration(at.as_secs_f64()),
                n = lines.len(),
                layers = lines.join("\n")
            ),
        ));
    }
    let img = compose::compose(&plan, &pictures.images, a.width);
    write_png(&a.output, &img)?;
    let _ = writeln!(
        err,
        "{}",
        crate::t!(
            "cli-still-wrote",
            file = a.output.display().to_string(),
            width = img.width,
            height = img.height,
            layers = plan.layers.len(),
            at = crate::i18n::format::duration(at.as_secs_f64()),
            out_width = plan.width,
            out_height = plan.height
        )
    );
    Ok(EXIT_OK)
}

pub struct FrameArgs {
    pub media_id: String,
    pub at: String,
    pub output: PathBuf,
    pub width: Option<u32>,
    pub ffmpeg: Option<PathBuf>,
}

pub fn frame(a: FrameArgs, conn: &Connection, err: &mut dyn Write) -> CliResult {
    let at = parse_at(&a.at)?;
    let footage = footage(conn, None, a.ffmpeg.as_deref())?;
    let rt = runtime()?;
    let width = a.width.unwrap_or(0);
    let media_id = a.media_id.as_str();
    let cancel = Arc::new(AtomicBool::new(false));
    let (img, _) = rt.block_on(footage.video_frame(media_id, at, width, &cancel)).map_err(|e| {
        (
            EXIT_REFUSED,
            crate::t!(
                "cli-no-frame-media",
                media = media_id,
                at = crate::i18n::format::duration(at.as_secs_f64()),
                error = e.to_string()
            ),
        )
    })?;
    write_png(&a.output, &img)?;
    let _ = writeln!(
        err,
        "{}",
        crate::t!(
            "cli-frame-wrote",
            file = a.output.display().to_string(),
            width = img.width,
            height = img.height,
            media = media_id,
            at = crate::i18n::format::duration(at.as_secs_f64())
        )
    );
    Ok(EXIT_OK)
}
