//! `vodcut render`: the draft of a whole production, rendered here (see `draft/`), with a
//! progress bar on stderr and a clean stop on Ctrl+C.

use super::{CliResult, Connection, EXIT_BAD_INPUT, EXIT_OK, EXIT_REFUSED, EXIT_SETTINGS, EXIT_WRITE_FAILED, Shell};
use crate::draft::{self, DraftError, Progress, Settings};
use crate::i18n::Clock;
use crate::model::FrameRate;
use crate::store::{output, project_file};
use crate::upload::human_duration;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, OnceLock};
use std::time::{Duration, Instant};

/// Exit code of a render stopped by Ctrl+C (the shells' 128 + SIGINT).
pub const EXIT_CANCELLED: i32 = 130;

pub struct RenderArgs {
    pub file: PathBuf,
    pub output: PathBuf,
    pub height: u32,
    pub fps: Option<String>,
    pub from: Option<String>,
    pub to: Option<String>,
    pub ffmpeg: Option<PathBuf>,
    pub force: bool,
    pub audio_only: bool,
}

/// The cancel flag Ctrl+C sets (read by the signal handler, so set before it is installed).
static CANCEL: OnceLock<Arc<AtomicBool>> = OnceLock::new();

#[cfg(unix)]
extern "C" fn on_sigint(_: libc::c_int) {
    // Only an atomic store: all a signal handler may safely do.
    if let Some(c) = CANCEL.get() {
        c.store(true, Ordering::SeqCst);
    }
}

/// Ctrl+C (or SIGTERM) sets the returned flag instead of killing the process mid-write: a
/// render removes its file, a batch sends nothing more and keeps its manifest true.
pub(crate) fn catch_ctrl_c() -> Arc<AtomicBool> {
    let flag = CANCEL.get_or_init(|| Arc::new(AtomicBool::new(false))).clone();
    #[cfg(unix)]
    // SAFETY: installs a handler that performs one atomic store; sigaction is given a zeroed,
    // fully initialised struct.
    unsafe {
        let mut action: libc::sigaction = std::mem::zeroed();
        action.sa_sigaction = on_sigint as *const () as libc::sighandler_t;
        libc::sigemptyset(&mut action.sa_mask);
        action.sa_flags = libc::SA_RESTART;
        libc::sigaction(libc::SIGINT, &action, std::ptr::null_mut());
        libc::sigaction(libc::SIGTERM, &action, std::ptr::null_mut());
    }
    flag
}

pub(crate) fn parse_fps(text: &str) -> Result<FrameRate, (i32, String)> {
    text.trim()
        .parse::<f64>()
        .ok()
        .and_then(FrameRate::from_fps)
        .ok_or_else(|| (EXIT_BAD_INPUT, crate::t!("cli-bad-fps", text = text)))
}

fn bar(p: &Progress) -> String {
    let width = 24usize;
    let filled = ((p.fraction() * width as f32) as usize).min(width);
    let at = |f: u64| Clock::of(p.rate).length(p.rate.frame_start(f as i64));
    let left = p.eta().map(|d| crate::t!("cli-up-left", time = human_duration(d))).unwrap_or_default();
    let speed = crate::t!("cli-render-speed", speed = format!("{:.2}", p.speed()));
    // "render" names the command, like `upload` names its file: not a word to translate.
    format!(
        "render [{}{}] {:>3}%  {}/{}  {speed}{left}", // i18n-exempt: the command's name
        "#".repeat(filled),
        "-".repeat(width - filled),
        (p.fraction() * 100.0) as u32,
        at(p.frame),
        at(p.frames),
    )
}

pub fn render(sh: &Shell, a: RenderArgs, conn: &Connection, err: &mut dyn Write) -> CliResult {
    if !(2..=4320).contains(&a.height) {
        return Err((EXIT_BAD_INPUT, crate::t!("cli-render-height", height = a.height)));
    }
    // The draft replaces what is at OUTPUT: never the project, a file of another kind only
    // with --force (and kept), never standard output (an MP4 needs a file it can seek in).
    let target = output::Target {
        path: a.output.clone(),
        kind: output::Kind::Mp4,
        inputs: vec![a.file.clone()],
        force: a.force,
    };
    output::stage(&target).map_err(|e| (super::frames::exit_for(&e), e.to_string()))?;
    let project = project_file::open(&a.file).map_err(|e| (EXIT_BAD_INPUT, e.to_string()))?.project;
    super::frames::check_output_size(&project)?;
    // Timecodes are the project's, as the commands print them.
    let time = |flag: &str, text: Option<&str>| text.map(|t| super::time_arg(flag, t, project.frame_rate)).transpose();
    let (from, to) = (time("--from", a.from.as_deref())?, time("--to", a.to.as_deref())?);
    if let (Some(f), Some(t)) = (from, to)
        && t <= f
    {
        let clock = crate::i18n::Clock::of(project.frame_rate);
        return Err((EXIT_BAD_INPUT, crate::t!("cli-render-range", to = clock.time(t), from = clock.time(f))));
    }
    let rate = match a.fps.as_deref() {
        Some(f) => parse_fps(f)?,
        None => project.frame_rate,
    };
    let settings = Settings { height: a.height, rate, from, to, audio_only: a.audio_only };

    let footage = Arc::new(super::frames::footage_of(sh, conn, Some(&project.region), a.ffmpeg.as_deref()));
    if let Err(e) = footage.ffmpeg() {
        return Err((EXIT_SETTINGS, format!("{e}; {}", draft::install_hint())));
    }
    // The core's runtime has threads of its own: the render waits on it from this thread.
    let rt = sh.executor.handle().map_err(|e| (EXIT_SETTINGS, e))?;
    let cancel = catch_ctrl_c();

    let tty = std::io::stderr().is_terminal();
    let mut last_draw = Instant::now() - Duration::from_secs(1);
    let mut next_line = 10u32;
    let result = draft::render_to(&footage, &rt, &project, &target, &settings, &cancel, &mut |p| {
        if tty {
            if last_draw.elapsed() >= Duration::from_millis(200) || p.frame == p.frames {
                last_draw = Instant::now();
                let mut e = std::io::stderr();
                let _ = write!(e, "\r\x1b[2K{}", bar(p));
                let _ = e.flush();
            }
        } else {
            // Without a terminal (logs, scripts): a plain line every tenth.
            let pct = (p.fraction() * 100.0) as u32;
            if pct >= next_line {
                next_line = (pct / 10 + 1) * 10;
                let _ = writeln!(err, "{}", bar(p));
            }
        }
    });
    if tty {
        let mut e = std::io::stderr();
        let _ = write!(e, "\r\x1b[2K");
        let _ = e.flush();
    }
    let report = match result {
        Ok(r) => r,
        Err(DraftError::Cancelled) => {
            let _ = writeln!(err, "{}", crate::t!("cli-render-stopped", file = a.output.display().to_string()));
            return Ok(EXIT_CANCELLED);
        }
        Err(e @ DraftError::NoFfmpeg(_)) => return Err((EXIT_SETTINGS, e.to_string())),
        Err(e @ DraftError::Input(_)) => return Err((EXIT_BAD_INPUT, e.to_string())),
        Err(e @ DraftError::Media(_)) => {
            return Err((EXIT_REFUSED, crate::t!("cli-nothing-written", error = e.to_string())));
        }
        Err(e @ (DraftError::Encoder(_) | DraftError::Write(_))) => {
            return Err((EXIT_WRITE_FAILED, crate::t!("cli-nothing-written", error = e.to_string())));
        }
    };
    if !report.placeholders.is_empty() {
        let _ = writeln!(err, "{}", crate::t!("cli-render-placeholders"));
        for p in &report.placeholders {
            let _ = writeln!(err, "  {}", p.line(Clock::of(report.rate)));
        }
    }
    for n in &report.notes {
        let _ = writeln!(err, "{}", crate::t!("cli-note", note = n.as_str()));
    }
    let secs = report.span.to - report.span.from;
    let took = report.elapsed.as_secs_f64();
    if a.audio_only {
        let _ = writeln!(
            err,
            "{}",
            crate::t!(
                "cli-render-wrote-sound",
                file = report.output.display().to_string(),
                length = Clock::of(report.rate).length(secs),
                from = Clock::of(report.rate).time(report.span.from),
                took = human_duration(report.elapsed)
            )
        );
        return Ok(EXIT_OK);
    }
    let _ = writeln!(
        err,
        "{}",
        crate::t!(
            "cli-render-wrote",
            file = report.output.display().to_string(),
            width = report.size.0,
            height = report.size.1,
            fps = report.rate.label(),
            length = Clock::of(report.rate).length(secs),
            from = Clock::of(report.rate).time(report.span.from),
            frames = report.frames,
            took = human_duration(report.elapsed),
            speed = format!("{:.2}", if took > 0.0 { secs.as_secs_f64() / took } else { 0.0 })
        )
    );
    Ok(EXIT_OK)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Time;

    #[test]
    fn the_bar_says_how_far_how_fast_and_how_long() {
        let p = Progress { frame: 50, frames: 100, rate: FrameRate::FPS_25, elapsed: Duration::from_secs(1) };
        let b = bar(&p);
        assert!(
            b.contains("[############------------]  50%  00:00:02:00/00:00:04:00  2.00x real time  0:01 left"),
            "{b}"
        );
        assert!(parse_fps("29.97").is_ok_and(|r| r == FrameRate { num: 30_000, den: 1001 }));
        assert!(parse_fps("0").is_err() && parse_fps("x").is_err());
        let r = FrameRate::FPS_25;
        assert!(super::super::time_arg("--from", "-1", r).is_err());
        assert_eq!(super::super::time_arg("--to", "2.5", r), Ok(Time::from_millis(2500)));
        assert_eq!(super::super::time_arg("--to", "00:00:05:12", r), Ok(Time::from_millis(5480)));
    }
}
