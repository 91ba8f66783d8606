//! Render draft in the editor: the render runs on a thread of its own (`draft::Job`) while
//! editing goes on; a small window shows its progress with a Cancel button, then where the
//! draft is and what it shows as placeholders, and the draft opens in the system's player
//! (started on the core's executor, off the UI thread). A second render cancels the first.

use crate::draft::{self, DraftError, Job, JobState, Report, Settings};
use crate::i18n::Clock;
use crate::media::Footage;
use crate::model::Project;
use crate::upload::human_duration;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Opens a finished draft (the system's player by default; tests record the call). Calls the
/// second argument, from any thread, with why no player could be started.
pub type Opener = Arc<dyn Fn(&Path, OpenFailed) + Send + Sync>;

/// Takes why a draft could not be opened.
pub type OpenFailed = Box<dyn FnOnce(String) + Send>;

/// The system's player for `path`: `xdg-open`, `open` on macOS, `start` on Windows.
// i18n-exempt: program names
pub fn system_open(path: &Path, failed: OpenFailed) {
    let program = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(windows) {
        "cmd"
    } else {
        "xdg-open"
    };
    open_with(Path::new(program), path, failed);
}

/// Opens `path` with `program`, waiting a few seconds to see it start (the editor calls the
/// opener on its executor's blocking pool: the UI never waits on a child process). `failed`
/// hears when it cannot be started, or ends at once saying it failed (xdg-open finding no
/// player). A player still running after a few seconds is the user's: it is left alone.
pub fn open_with(program: &Path, path: &Path, failed: OpenFailed) {
    let mut cmd = std::process::Command::new(program);
    if cfg!(windows) {
        cmd.args(["/C", "start", ""]);
    }
    cmd.arg(path)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null());
    // A group of its own, like every program vodcut starts: the player is the user's now,
    // and Ctrl+C in the editor's terminal is not meant for it.
    let why = match crate::process::own_group(&mut cmd).spawn() {
        Err(e) => {
            Some(crate::t!("shell-no-player-start", program = program.display().to_string(), error = e.to_string()))
        }
        Ok(mut child) => {
            let start = std::time::Instant::now();
            loop {
                match child.try_wait() {
                    Ok(Some(s)) if !s.success() => {
                        let code = s.code().map_or_else(|| "-".to_owned(), |c| c.to_string());
                        break Some(crate::t!(
                            "shell-no-player-exit",
                            program = program.display().to_string(),
                            code = code
                        ));
                    }
                    Ok(Some(_)) | Err(_) => break None,
                    Ok(None) if start.elapsed() > std::time::Duration::from_secs(10) => {
                        // Playing: reap it whenever it ends, without holding anyone up.
                        let _ = child.wait();
                        break None;
                    }
                    Ok(None) => std::thread::sleep(std::time::Duration::from_millis(50)),
                }
            }
        }
    };
    if let Some(why) = why {
        log::warn!("cannot open {} with a player: {why}", path.display());
        failed(why);
    }
}

pub struct DraftState {
    job: Option<Job>,
    /// The last render's outcome, shown until the window is closed.
    pub outcome: Option<Result<Report, DraftError>>,
    pub window_open: bool,
    pub opener: Opener,
    /// Why the draft could not be opened last time (the opener says so from its thread).
    pub open_failed: Arc<std::sync::Mutex<Option<String>>>,
    /// The opener runs on the core's executor, which wakes the window after it.
    executor: crate::core::Executor,
    /// Renders started (tests).
    pub started: u64,
}

impl DraftState {
    pub fn new(executor: crate::core::Executor) -> Self {
        DraftState {
            job: None,
            outcome: None,
            window_open: false,
            opener: Arc::new(system_open),
            open_failed: Arc::default(),
            executor,
            started: 0,
        }
    }
}

/// Where the draft of a project goes: `<name>.draft.mp4` beside its file, else in the cache
/// folder's `drafts` (an unsaved project).
pub fn draft_path(project_file: Option<&Path>, title: &str, cache_dir: Option<&Path>) -> PathBuf {
    if let Some(p) = project_file {
        // i18n-exempt: a file name
        let stem = p.file_stem().map_or_else(|| "project".into(), |s| s.to_string_lossy().into_owned());
        return p.with_file_name(format!("{stem}.draft.mp4"));
    }
    let safe: String =
        title.chars().map(|c| if c.is_alphanumeric() || c == '-' || c == '_' { c } else { '_' }).take(60).collect();
    let dir = cache_dir.map_or_else(std::env::temp_dir, Path::to_owned).join("drafts");
    dir.join(format!("{}.draft.mp4", if safe.is_empty() { "untitled".into() } else { safe }))
}

impl DraftState {
    pub fn is_running(&self) -> bool {
        self.job.as_ref().is_some_and(Job::is_running)
    }

    /// Starts rendering `project` to `target` (cancelling a render still going).
    pub fn start(
        &mut self,
        ctx: &egui::Context,
        footage: Arc<Footage>,
        rt: tokio::runtime::Handle,
        project: Project,
        target: PathBuf,
    ) {
        let settings = Settings { rate: project.frame_rate, ..Settings::default() };
        let c = ctx.clone();
        // Replacing the job drops the old one, which cancels it.
        self.job = Some(Job::start(footage, rt, project, target, settings, move || c.request_repaint()));
        self.outcome = None;
        self.window_open = true;
        self.started += 1;
    }

    /// Opens the draft at `path` in the player; a failure shows in the window.
    pub fn open(&self, path: &Path) {
        if let Ok(mut f) = self.open_failed.lock() {
            *f = None;
        }
        let (slot, opener, path) = (self.open_failed.clone(), self.opener.clone(), path.to_owned());
        self.executor.spawn_blocking(move || {
            opener(
                &path,
                Box::new(move |why| {
                    if let Ok(mut f) = slot.lock() {
                        *f = Some(why);
                    }
                }),
            )
        });
    }

    pub fn cancel(&mut self) {
        if let Some(j) = &self.job {
            j.cancel();
        }
    }

    /// Takes a finished render's outcome; opens a finished draft. Returns a status line.
    pub fn poll(&mut self) -> Option<String> {
        let state = self.job.as_ref()?.state();
        let JobState::Done(result) = state else { return None };
        self.job = None;
        let line = match &result {
            Ok(r) => {
                self.open(&r.output);
                crate::t!("shell-draft-ready", path = r.output.display().to_string())
            }
            Err(DraftError::Cancelled) => crate::t!("shell-draft-cancelled"),
            Err(e) => crate::t!("shell-draft-failed", error = e.to_string()),
        };
        self.outcome = Some(result);
        Some(line)
    }
}

/// The Draft render window (not modal: editing goes on).
pub fn draft_window(ctx: &egui::Context, state: &mut DraftState) {
    if !state.window_open {
        return;
    }
    let mut open = true;
    let mut cancel = false;
    let mut reopen: Option<PathBuf> = None;
    let running = state.job.is_some();
    // Bottom right, above the status line: the menus, the panels and the preview stay in view.
    let corner = ctx.content_rect().right_bottom() - egui::vec2(16.0, 40.0);
    // A fixed id: the title changes with the language, the window's place must not.
    let mut window = egui::Window::new(crate::t!("shell-draft-window"))
        .id(egui::Id::unique("draft-window"))
        .resizable(false)
        .default_width(380.0)
        .pivot(egui::Align2::RIGHT_BOTTOM)
        .default_pos(corner);
    if !running {
        // While rendering the window stays (Cancel stops it); afterwards it can be closed.
        window = window.open(&mut open);
    }
    window.show(ctx, |ui| {
        ui.set_max_width(420.0);
        if let Some(job) = &state.job {
            ui.label(crate::t!("shell-rendering-to", path = job.target.display().to_string()));
            match job.state() {
                JobState::Running(Some(p)) => {
                    let (percent, speed) = (format!("{:.0}", p.fraction() * 100.0), format!("{:.2}", p.speed()));
                    let text = match p.eta() {
                        Some(d) => crate::t!(
                            "shell-draft-progress-left",
                            percent = percent,
                            speed = speed,
                            left = human_duration(d)
                        ),
                        None => crate::t!("shell-draft-progress", percent = percent, speed = speed),
                    };
                    ui.add(egui::ProgressBar::new(p.fraction()).text(text));
                }
                _ => {
                    ui.add(egui::ProgressBar::new(0.0).text(crate::t!("shell-preparing")).animate(true));
                }
            }
            if ui.button(crate::t!("ui-cancel")).on_hover_text(crate::t!("shell-stop-render-tip")).clicked() {
                cancel = true;
            }
            return;
        }
        match &state.outcome {
            Some(Ok(r)) => {
                let secs = r.span.to - r.span.from;
                ui.label(crate::t!(
                    "shell-draft-written",
                    path = r.output.display().to_string(),
                    width = r.size.0,
                    height = r.size.1,
                    fps = r.rate.label(),
                    length = Clock::of(r.rate).length(secs),
                    elapsed = human_duration(r.elapsed)
                ));
                if !r.placeholders.is_empty() {
                    ui.label(crate::t!("shell-placeholders-intro"));
                    for p in &r.placeholders {
                        ui.label(format!("• {}", p.line(Clock::of(r.rate))));
                    }
                }
                for n in &r.notes {
                    ui.label(crate::t!("shell-note", note = n.as_str()));
                }
                if ui.button(crate::t!("shell-open-again")).on_hover_text(crate::t!("shell-open-again-tip")).clicked() {
                    reopen = Some(r.output.clone());
                }
                let failed = state.open_failed.lock().ok().and_then(|f| f.clone());
                if let Some(why) = failed {
                    let text = crate::t!("shell-no-player", why = why, path = r.output.display().to_string());
                    ui.colored_label(ui.visuals().warn_fg_color, text);
                }
            }
            Some(Err(DraftError::Cancelled)) => {
                ui.label(crate::t!("shell-render-cancelled"));
            }
            Some(Err(e)) => {
                ui.colored_label(ui.visuals().error_fg_color, e.to_string());
            }
            None => {}
        }
    });
    if cancel {
        state.cancel();
    }
    if let Some(p) = reopen {
        state.open(&p);
    }
    if !open {
        state.window_open = false;
    }
}

/// Why a draft cannot be rendered, with what to do (ffmpeg missing).
pub fn unavailable(footage: Option<&Arc<Footage>>) -> Option<String> {
    match footage.map(|f| f.ffmpeg().map(|_| ())) {
        Some(Ok(())) => None,
        Some(Err(e)) => Some(format!(
            "{}\n\n{}",
            crate::t!("shell-draft-unavailable", error = e.to_string()),
            crate::t!("shell-to-fix", hint = draft::install_hint())
        )),
        None => Some(crate::t!("shell-draft-starting")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drafts_go_beside_the_project_or_in_the_cache() {
        let p = draft_path(Some(Path::new("/films/beach.vodcut")), "Beach", None);
        assert_eq!(p, Path::new("/films/beach.draft.mp4"));
        let p = draft_path(None, "Beach day/1", Some(Path::new("/cache")));
        assert_eq!(p, Path::new("/cache/drafts/Beach_day_1.draft.mp4"));
        assert!(draft_path(None, "", Some(Path::new("/c"))).ends_with("untitled.draft.mp4"));
    }
}
