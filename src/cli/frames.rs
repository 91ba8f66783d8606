//! `still` (the composed output frame at a time) and `frame` (one source frame), through the
//! same footage service and compositor the editor's preview uses.

use super::cloud::client;
use super::{CliResult, Connection, EXIT_BAD_INPUT, EXIT_OK, EXIT_REFUSED, EXIT_SETTINGS, EXIT_WRITE_FAILED, Shell};
use crate::compose::Image;
use crate::media::{Footage, Options, describe_layer};
use crate::store::{input, output, project_file};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::AtomicBool;

/// The footage service the editor's preview uses, in the shell's environment: its cache
/// folder, `VODCUT_FFMPEG` before `--ffmpeg`.
pub(super) fn footage_of(sh: &Shell, conn: &Connection, region: Option<&str>, ffmpeg: Option<&Path>) -> Footage {
    let client = client(sh, conn, region).map(|(c, _)| c).map_err(|(_, e)| e);
    let options =
        Options { ffmpeg: sh.env.ffmpeg_or(ffmpeg), cache_dir: sh.env.cache_dir.clone(), ..Options::default() };
    Footage::new(client, options)
}

pub(super) fn footage(
    sh: &Shell,
    conn: &Connection,
    region: Option<&str>,
    ffmpeg: Option<&Path>,
) -> Result<Arc<Footage>, (i32, String)> {
    let f = footage_of(sh, conn, region, ffmpeg);
    if let Err(e) = f.ffmpeg() {
        return Err((EXIT_SETTINGS, format!("{e}; {}", crate::media::decode::install_hint())));
    }
    Ok(Arc::new(f))
}

/// Refuses a project whose output size breaks the documented rules (each side 128 to 4096,
/// the shorter at most 2160) before any picture of that size is made.
pub(super) fn check_output_size(project: &crate::model::Project) -> Result<(), (i32, String)> {
    match crate::model::validate::output_size_problems(project).first() {
        Some(p) => {
            Err((EXIT_BAD_INPUT, crate::t!("cli-bad-output-size", problem = crate::i18n::describe::line(p, project))))
        }
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

/// Where a picture goes: a file (through [`output::write`]: never the project, never a file
/// of another kind without `--force`), or standard output for `-`.
pub struct PngOut<'a> {
    pub target: output::Target,
    /// The process's real standard output, unescaped (a PNG is binary).
    pub stdout: &'a mut dyn Write,
}

impl PngOut<'_> {
    pub(super) fn new<'a>(path: &Path, inputs: Vec<PathBuf>, force: bool, stdout: &'a mut dyn Write) -> PngOut<'a> {
        let target = output::Target { path: path.to_owned(), kind: output::Kind::Png, inputs, force };
        PngOut { target, stdout }
    }

    fn to_stdout(&self) -> bool {
        input::is_stdio(&self.target.path)
    }

    /// Refuses what can be refused before the (slow) picture is made: a binary picture to a
    /// terminal, an output that may not be replaced (staged, then dropped: nothing is left).
    fn check(&self) -> Result<(), (i32, String)> {
        if self.to_stdout() {
            if std::io::stdout().is_terminal() {
                return Err((EXIT_BAD_INPUT, crate::t!("cli-png-to-terminal")));
            }
            return Ok(());
        }
        output::stage(&self.target).map(drop).map_err(|e| (exit_for(&e), e.to_string()))
    }

    pub(super) fn write(&mut self, img: &Image) -> Result<(), (i32, String)> {
        let bytes = png(img).map_err(|e| (EXIT_WRITE_FAILED, crate::t!("cli-png-encode", error = e.to_string())))?;
        if self.to_stdout() {
            return self
                .stdout
                .write_all(&bytes)
                .and_then(|()| self.stdout.flush())
                .map_err(|e| (EXIT_WRITE_FAILED, crate::t!("cli-cannot-write", error = e.to_string())));
        }
        output::write(&self.target, &bytes).map_err(|e| (exit_for(&e), e.to_string()))
    }

    /// The name to report: the file, or "standard output".
    fn shown(&self) -> String {
        if self.to_stdout() { crate::t!("cli-stdout") } else { self.target.path.display().to_string() }
    }
}

/// A refused output is a usage error (exit 2) when it names the input, a project or standard
/// output; what is there (or cannot be written) is a write failure (exit 3).
pub(crate) fn exit_for(e: &output::OutputError) -> i32 {
    use output::OutputError::{IsInput, ProjectName, Stdio};
    match e {
        IsInput { .. } | ProjectName { .. } | Stdio { .. } => EXIT_BAD_INPUT,
        _ => EXIT_WRITE_FAILED,
    }
}

pub struct StillArgs {
    pub file: PathBuf,
    pub at: String,
    pub output: PathBuf,
    pub width: Option<u32>,
    pub ffmpeg: Option<PathBuf>,
    pub force: bool,
}

pub fn still(sh: &Shell, a: StillArgs, conn: &Connection, stdout: &mut dyn Write, err: &mut dyn Write) -> CliResult {
    if a.width == Some(0) {
        return Err((EXIT_BAD_INPUT, crate::t!("cli-width-min")));
    }
    let mut out = PngOut::new(&a.output, vec![a.file.clone()], a.force, stdout);
    out.check()?;
    let project = project_file::open(&a.file).map_err(|e| (EXIT_BAD_INPUT, e.to_string()))?.project;
    check_output_size(&project)?;
    let at = super::time_arg("--at", &a.at, project.frame_rate)?;
    let footage = footage(sh, conn, Some(&project.region), a.ffmpeg.as_deref())?;
    let cancel = Arc::new(AtomicBool::new(false));
    let crate::core::still::Still { plan, pictures, image: img } = sh.block_on(async {
        let size = footage.output_size(&project).await;
        crate::core::still::compose_at(&footage, &project, size, at, a.width, &cancel).await
    })?;
    if !pictures.problems.is_empty() {
        let lines: Vec<String> =
            pictures.problems.iter().map(|(i, e)| format!("  {}: {e}", describe_layer(&project, &plan, *i))).collect();
        return Err((
            EXIT_REFUSED,
            crate::t!(
                "cli-no-frame-layers",
                at = crate::i18n::Clock::of(project.frame_rate).time(at),
                n = lines.len(),
                layers = lines.join("\n")
            ),
        ));
    }
    out.write(&img)?;
    let _ = writeln!(
        err,
        "{}",
        crate::t!(
            "cli-still-wrote",
            file = out.shown(),
            width = img.width,
            height = img.height,
            layers = plan.layers.len(),
            at = crate::i18n::Clock::of(project.frame_rate).time(at),
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
    pub force: bool,
}

pub fn frame(sh: &Shell, a: FrameArgs, conn: &Connection, stdout: &mut dyn Write, err: &mut dyn Write) -> CliResult {
    let at = super::time_arg("--at", &a.at, crate::model::FrameRate::default())?;
    let mut out = PngOut::new(&a.output, Vec::new(), a.force, stdout);
    out.check()?;
    let footage = footage(sh, conn, None, a.ffmpeg.as_deref())?;
    let width = a.width.unwrap_or(0);
    let media_id = a.media_id.as_str();
    let shown = crate::i18n::format::quoted_id(media_id);
    let cancel = Arc::new(AtomicBool::new(false));
    let (img, _) = sh.block_on(footage.video_frame(media_id, at, width, &cancel))?.map_err(|e| {
        (
            EXIT_REFUSED,
            crate::t!(
                "cli-no-frame-media",
                media = shown.as_str(),
                at = crate::i18n::Clock::without_project().time(at),
                error = e.to_string()
            ),
        )
    })?;
    out.write(&img)?;
    let _ = writeln!(
        err,
        "{}",
        crate::t!(
            "cli-frame-wrote",
            file = out.shown(),
            width = img.width,
            height = img.height,
            media = shown.as_str(),
            at = crate::i18n::Clock::without_project().time(at)
        )
    );
    Ok(EXIT_OK)
}
