//! Headless commands over the same model and store the editor uses.
//!
//! Exit codes: 0 success; 1 the project has errors (or warnings not confirmed with --yes);
//! 2 unreadable input or bad usage; 3 the output could not be written; 4 credentials or
//! connection settings; 5 the service refused the request; 6 the network failed (for a
//! production: nothing was sent); 7 a production's outcome is unknown (check before retrying);
//! with `--wait` (submit, status, batch), 4 a production failed; 5 (submit, status) it was
//! still going when the time ran out;
//! 130 a draft render stopped by Ctrl+C.

mod account;
mod args;
mod batch;
mod cloud;
mod compare;
mod follow;
mod frames;
mod interchange;
mod projects;
mod render;
mod subtitles;
pub mod terminal;
mod upload;
mod validate;

use crate::core::Env;
use crate::i18n::describe;
use crate::model::export::{request_fields, timeline};
use crate::model::validate::{Severity, validate};
use crate::store::{input, project_file};
pub use args::{
    AccountCommand, AccountList, Cli, Command, Connection, Globals, MediaCommand, ProjectsCommand, SubtitlesCommand,
};
use std::io::Write;
use std::path::{Path, PathBuf};

pub const EXIT_OK: i32 = 0;
pub const EXIT_PROBLEMS: i32 = 1;
pub const EXIT_BAD_INPUT: i32 = 2;
pub const EXIT_WRITE_FAILED: i32 = 3;
pub const EXIT_SETTINGS: i32 = 4;
pub const EXIT_REFUSED: i32 = 5;
pub const EXIT_NETWORK: i32 = 6;
pub const EXIT_OUTCOME_UNKNOWN: i32 = 7;
/// `submit`, `projects push`: the cloud project changed since the last sync. Exits 3, the
/// issue's number, which an output that could not be written uses too: inside the program it
/// is a code of its own (see [`exit_code`]), so `--json` says `"kind": "cloud_changed"`.
pub const EXIT_CLOUD_CHANGED: i32 = 103;
/// `--wait`: the production failed (ProduceFailed, or its video will never be ready). Exits
/// 4, shared with the settings; `--json` says `produce_failed`.
pub const EXIT_PRODUCE_FAILED: i32 = 104;
/// `submit --wait`, `status --wait`: still going when the time given ran out. Exits 5,
/// shared with a refusal; `--json` says `timed_out`.
pub const EXIT_TIMED_OUT: i32 = 105;

/// The process's exit code for a command's code: the shared ones above exit with the
/// number they share.
pub fn exit_code(code: i32) -> i32 {
    if (100..110).contains(&code) { code - 100 } else { code }
}

impl Command {
    /// Whether the command was asked for JSON output (then failures are JSON too).
    fn json(&self) -> bool {
        match self {
            Command::Validate { json, .. }
            | Command::Submit { json, .. }
            | Command::Status { json, .. }
            | Command::Jobs { json, .. }
            | Command::Compare { json, .. }
            | Command::Media {
                command:
                    MediaCommand::Search { json, .. } | MediaCommand::Info { json, .. } | MediaCommand::Upload { json, .. },
            } => *json,
            Command::Account { command } => command.list().json,
            Command::Projects { command: ProjectsCommand::List { json, .. } | ProjectsCommand::Push { json, .. } } => {
                *json
            }
            Command::Projects { command: ProjectsCommand::Pull { .. } | ProjectsCommand::Delete { .. } } => false,
            Command::Timeline { .. }
            | Command::Batch { .. }
            | Command::Export { .. }
            | Command::Import { .. }
            | Command::ExportOtio { .. }
            | Command::Still { .. }
            | Command::Render { .. }
            | Command::Frame { .. }
            | Command::Subtitles { .. } => false,
        }
    }

    /// A connection option the sandbox cannot honour (it has its own endpoint and keys).
    fn sandbox_conflict(&self) -> Option<String> {
        let conn = self.conn()?;
        let flag = if conn.profile.is_some() {
            "--profile"
        } else if conn.endpoint.is_some() {
            "--endpoint"
        } else {
            return None;
        };
        Some(crate::t!("cli-sandbox-conflict", flag = flag))
    }

    fn conn(&self) -> Option<&Connection> {
        match self {
            Command::Submit { conn, .. }
            | Command::Batch { conn, .. }
            | Command::Status { conn, .. }
            | Command::Still { conn, .. }
            | Command::Frame { conn, .. }
            | Command::Compare { conn, .. }
            | Command::Import { conn, .. }
            | Command::Media {
                command:
                    MediaCommand::Search { conn, .. } | MediaCommand::Info { conn, .. } | MediaCommand::Upload { conn, .. },
            }
            | Command::Projects {
                command:
                    ProjectsCommand::List { conn, .. }
                    | ProjectsCommand::Pull { conn, .. }
                    | ProjectsCommand::Push { conn, .. }
                    | ProjectsCommand::Delete { conn, .. },
            } => Some(conn),
            Command::Account { command } => Some(&command.list().conn),
            _ => None,
        }
    }

    fn set_globals(&mut self, g: Globals) {
        let conn = match self {
            Command::Submit { conn, .. }
            | Command::Batch { conn, .. }
            | Command::Status { conn, .. }
            | Command::Still { conn, .. }
            | Command::Render { conn, .. }
            | Command::Frame { conn, .. }
            | Command::Compare { conn, .. }
            | Command::Import { conn, .. }
            | Command::Media {
                command:
                    MediaCommand::Search { conn, .. } | MediaCommand::Info { conn, .. } | MediaCommand::Upload { conn, .. },
            }
            | Command::Projects {
                command:
                    ProjectsCommand::List { conn, .. }
                    | ProjectsCommand::Pull { conn, .. }
                    | ProjectsCommand::Push { conn, .. }
                    | ProjectsCommand::Delete { conn, .. },
            } => conn,
            Command::Account { command } => &mut command.list_mut().conn,
            _ => return,
        };
        conn.signature = g.signature;
        conn.globals = g;
    }
}

/// Exit code -> a word for scripts reading a JSON error (not translated: scripts match it).
// i18n-exempt: the words are JSON values for scripts
fn error_kind(code: i32) -> &'static str {
    match code {
        EXIT_PROBLEMS => "problems",
        EXIT_BAD_INPUT => "bad_input",
        EXIT_WRITE_FAILED => "write_failed",
        EXIT_SETTINGS => "settings",
        EXIT_REFUSED => "refused",
        EXIT_NETWORK => "network",
        EXIT_OUTCOME_UNKNOWN => "outcome_unknown",
        EXIT_CLOUD_CHANGED => "cloud_changed",
        EXIT_PRODUCE_FAILED => "produce_failed",
        EXIT_TIMED_OUT => "timed_out",
        _ => "failed",
    }
}

/// Runs a headless command in `env` with the default global options.
pub fn run(env: &Env, command: Command, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    run_with(env, command, Globals::default(), out, err)
}

/// Runs a headless command in `env` (its folders, endpoint, credentials: a sandbox's when
/// `globals.sandbox`), writing to `out`/`err`. Returns the process exit code.
///
/// Everything written passes through [`terminal::Escaping`]: text from files and servers
/// cannot send control sequences to the terminal. With `--json`, a failure is also a JSON
/// object on stdout (`{"error": {"kind", "exit_code", "message"}}`), so a script reading
/// stdout always gets JSON; the message still goes to stderr for the person watching.
pub fn run_with(env: &Env, mut command: Command, globals: Globals, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let (out, err) = (&mut terminal::Escaping(out), &mut terminal::Escaping(err));
    let json = command.json();
    command.set_globals(globals);
    let conflict = globals.sandbox.then(|| command.sandbox_conflict()).flatten();
    let result = match conflict {
        Some(message) => Err((EXIT_BAD_INPUT, message)),
        None => {
            run_inner(&Shell { env: std::sync::Arc::new(env.clone()), executor: Default::default() }, command, out, err)
        }
    };
    match result {
        Ok(code) => exit_code(code),
        Err((code, message)) => {
            if json {
                let v = serde_json::json!({"error": {"kind": error_kind(code), "exit_code": exit_code(code), "message": message}});
                let _ = writeln!(out, "{}", serde_json::to_string_pretty(&v).unwrap_or_default());
            }
            let _ = writeln!(err, "vodcut: {message}");
            exit_code(code)
        }
    }
}

/// Hidden and muted tracks are not part of what `timeline`/`export` print: say so, as
/// `validate` does, so a missing track is never a silent surprise.
fn warn_left_out(project: &crate::model::Project, err: &mut dyn Write) {
    for (i, t) in project.tracks.iter().enumerate().filter(|(_, t)| t.hidden) {
        let (n, name, clips) = (i + 1, t.name.as_str(), t.clips.len());
        let line = if t.kind.is_audible() {
            crate::t!("cli-track-muted", n = n, name = name, clips = clips)
        } else {
            crate::t!("cli-track-hidden", n = n, name = name, clips = clips)
        };
        let _ = writeln!(err, "{line}");
    }
}

/// `timeline` and `export` print what a production would send. A project with errors
/// (nothing to produce is one) would be refused, so its errors go to stderr and nothing is
/// printed (exit 1), unless `force` asks to print anyway: never a silent `{}` with exit 0.
fn check_printable(project: &crate::model::Project, file: &Path, force: bool, err: &mut dyn Write) -> CliResult {
    let problems = validate(project);
    let errors: Vec<_> = problems.iter().filter(|p| p.severity == Severity::Error).collect();
    if errors.is_empty() {
        return Ok(EXIT_OK);
    }
    for p in &errors {
        let _ = writeln!(err, "{}", describe::line(p, project));
    }
    let file = file.display().to_string();
    if force {
        let _ = writeln!(err, "{}", crate::t!("cli-printed-with-errors", file = file.as_str(), errors = errors.len()));
        return Ok(EXIT_OK);
    }
    Err((EXIT_PROBLEMS, crate::t!("cli-not-printed-errors", file = file, errors = errors.len())))
}

pub(crate) type CliResult = Result<i32, (i32, String)>;

/// What every command runs with: the environment it was given, and the core's executor (the
/// command blocks on it).
pub(crate) struct Shell {
    pub env: std::sync::Arc<Env>,
    pub executor: crate::core::Executor,
}

impl Shell {
    /// Runs `work` to its end (the command has nothing else to do meanwhile).
    pub fn block_on<F: std::future::Future>(&self, work: F) -> Result<F::Output, (i32, String)> {
        self.executor.block_on(work).map_err(|e| (EXIT_SETTINGS, e))
    }
}

/// How long `--wait` follows: `None` without it.
fn wait_for(wait: bool, timeout: Option<&str>) -> Result<Option<std::time::Duration>, (i32, String)> {
    if !wait {
        return Ok(None);
    }
    match timeout {
        None => Ok(Some(follow::DEFAULT_WAIT)),
        Some(t) => follow::parse_duration(t).map(Some).map_err(|e| (EXIT_BAD_INPUT, e)),
    }
}

/// Opens a project or Timeline file, or standard input for `-`.
pub(crate) fn open_input(path: &Path) -> Result<project_file::Opened, (i32, String)> {
    let opened = if input::is_stdio(path) {
        project_file::open_stdin(Path::new(&crate::t!("cli-stdin")))
    } else {
        project_file::open(path)
    };
    opened.map_err(|e| (EXIT_BAD_INPUT, e.to_string()))
}

fn load(path: &Path) -> Result<crate::model::Project, (i32, String)> {
    open_input(path).map(|o| o.project)
}

/// A time given on the command line (`--at`, `--from`, `--to`): seconds (`12.5`), or the
/// timecode the commands print (`00:00:12:12`) at `rate`; 0 or more.
pub(crate) fn time_arg(
    flag: &str,
    text: &str,
    rate: crate::model::FrameRate,
) -> Result<crate::model::Time, (i32, String)> {
    // The one reading of a time the templates' In and Out slots use too.
    crate::template::parse_time(text, rate)
        .ok_or_else(|| (EXIT_BAD_INPUT, crate::t!("cli-bad-time", flag = flag, text = text)))
}

pub(crate) fn print(out: &mut dyn Write, text: &str) -> CliResult {
    writeln!(out, "{text}").map_err(|e| (EXIT_WRITE_FAILED, crate::t!("cli-cannot-write", error = e.to_string())))?;
    Ok(EXIT_OK)
}

/// `out` escapes what passes through it; `out.0` is the raw standard output, for binary
/// output (a PNG to `-o -`).
fn run_inner(sh: &Shell, command: Command, out: &mut terminal::Escaping, err: &mut dyn Write) -> CliResult {
    match command {
        Command::Submit { file, conn, yes, force_status, side, resend_unknown, json, wait, wait_timeout } => {
            let side = side.choice();
            let wait = wait_for(wait, wait_timeout.as_deref())?;
            let o = cloud::SubmitOptions { yes, force_status, side, resend_unknown, json, wait };
            cloud::submit(sh, &file, &conn, o, out, err)
        }
        Command::Batch {
            template,
            rows,
            dry_run,
            concurrency,
            wait,
            wait_timeout,
            out: folder,
            skip_bad,
            variants,
            fit,
            yes,
            resend_unknown,
            conn,
        } => {
            let a = batch::Args {
                template,
                rows,
                dry_run,
                concurrency: usize::from(concurrency),
                wait,
                wait_timeout: std::time::Duration::from_secs(wait_timeout),
                out: folder,
                skip_bad,
                variants,
                fill: fit == "fill",
                yes,
                resend_unknown,
            };
            batch::run(sh, a, &conn, out, err)
        }
        Command::Status { id, conn, json, wait, wait_timeout } => {
            let wait = wait_for(wait, wait_timeout.as_deref())?;
            cloud::status(sh, &id, &conn, json, wait, out, err)
        }
        Command::Account { command } => account::run(sh, command, out, err),
        Command::Jobs { json, limit } => cloud::jobs(sh, json, limit as usize, out, err),
        Command::Media { command } => cloud::media(sh, command, out, err),
        Command::Projects { command } => projects::run(sh, command, out, err),
        Command::Still { file, at, output, width, ffmpeg, force, conn } => {
            frames::still(sh, frames::StillArgs { file, at, output, width, ffmpeg, force }, &conn, out.0, err)
        }
        Command::Render { file, output, height, fps, from, to, ffmpeg, force, audio_only, conn } => {
            let a = render::RenderArgs { file, output, height, fps, from, to, ffmpeg, force, audio_only };
            render::render(sh, a, &conn, err)
        }
        Command::Compare { file, media, pictures, threshold, json, ffmpeg, conn } => {
            let a = compare::CompareArgs { file, media, pictures, threshold, json, ffmpeg };
            compare::compare(sh, a, &conn, out.0, err)
        }
        Command::Frame { media_id, at, output, width, ffmpeg, force, conn } => {
            frames::frame(sh, frames::FrameArgs { media_id, at, output, width, ffmpeg, force }, &conn, out.0, err)
        }
        Command::Validate { file, json } => validate::run(&file, json, out, err),
        Command::Subtitles { command } => subtitles::run(command, out),
        Command::Timeline { file, pretty, force } => {
            let project = load(&file)?;
            warn_left_out(&project, err);
            check_printable(&project, &file, force, err)?;
            let tl = timeline(&project);
            let text = if pretty { serde_json::to_string_pretty(&tl) } else { serde_json::to_string(&tl) };
            print(out, &text.unwrap_or_default())
        }
        Command::Export { file, force } => {
            let project = load(&file)?;
            warn_left_out(&project, err);
            check_printable(&project, &file, force, err)?;
            let fields = request_fields(&project);
            print(out, &serde_json::to_string_pretty(&fields.to_json_object()).unwrap_or_default())
        }
        Command::Import { timeline, output, force, media, upload, offline, fps, conn } => {
            let a = interchange::ImportArgs { file: timeline, output, force, media, upload, offline, fps };
            interchange::import(sh, a, &conn, out, err)
        }
        Command::ExportOtio { file, output, force } => interchange::export_otio(&file, &output, force, err),
    }
}

/// Writes an imported project to `output` (`-`: standard output): never over one of `inputs`,
/// an existing file only with `force` (keeping backups), never a device or FIFO.
pub(crate) fn write_project(
    project: &crate::model::Project,
    inputs: &[&Path],
    output: &Path,
    force: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> CliResult {
    for input in inputs {
        if !input::is_stdio(input) && !input::is_stdio(output) && crate::store::output::same_file(input, output) {
            return Err((EXIT_BAD_INPUT, crate::t!("cli-import-same-file", file = output.display().to_string())));
        }
    }
    if input::is_stdio(output) {
        let bytes = project_file::to_bytes(project);
        // What could not be opened again is not written anywhere.
        let stdout = PathBuf::from(crate::t!("cli-stdout"));
        project_file::check_size(&bytes, &stdout, input::MAX_INPUT_BYTES)
            .map_err(|e| (EXIT_WRITE_FAILED, e.to_string()))?;
        out.write_all(&bytes)
            .and_then(|()| out.flush())
            .map_err(|e| (EXIT_WRITE_FAILED, crate::t!("cli-cannot-write", error = e.to_string())))?;
        return Ok(EXIT_OK);
    }
    // A device, FIFO or folder is refused by the save itself, with the reason.
    if std::fs::metadata(output).is_ok_and(|m| m.is_file()) && !force {
        return Err((EXIT_WRITE_FAILED, crate::t!("cli-import-exists", file = output.display().to_string())));
    }
    let options = project_file::SaveOptions { replace_read_only: force };
    project_file::save_with(output, project, options).map_err(|e| (EXIT_WRITE_FAILED, e.to_string()))?;
    let _ = writeln!(
        err,
        "{}",
        crate::t!(
            "cli-wrote",
            file = output.display().to_string(),
            clips = project.clip_count(),
            tracks = project.tracks.len()
        )
    );
    Ok(EXIT_OK)
}

#[cfg(test)]
mod tests {
    use super::args::shell_word;
    use super::*;
    use crate::api::sign::SignatureVersion;

    #[test]
    fn the_next_command_keeps_the_region_profile_and_language_quoted_for_a_shell() {
        let c = Connection {
            region: None,
            profile: Some("my work".into()),
            endpoint: None,
            allow_insecure_http: false,
            timeout: 30,
            signature: SignatureVersion::V3,
            globals: Globals {
                signature: SignatureVersion::V3,
                lang: Some(crate::i18n::Lang::Zh),
                ..Default::default()
            },
        };
        assert_eq!(
            c.next_command(&["status", "M1"], Some("cn-beijing")),
            "vodcut --signature v3 --lang zh-CN status M1 --region cn-beijing --profile 'my work'"
        );
        assert_eq!(shell_word("it's"), r"'it'\''s'");
        let keep = Globals { sandbox: true, sandbox_keep: true, ..Default::default() };
        assert_eq!(keep.args(), ["--sandbox-keep"], "one sandbox flag, the one typed");
    }
}
