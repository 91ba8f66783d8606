//! Headless commands over the same model and store the editor uses.
//!
//! Exit codes: 0 success; 1 the project has errors (or warnings not confirmed with --yes);
//! 2 unreadable input or bad usage; 3 the output could not be written; 4 credentials or
//! connection settings; 5 the service refused the request; 6 the network failed (for a
//! production: nothing was sent); 7 a production's outcome is unknown (check before retrying);
//! 130 a draft render stopped by Ctrl+C.

mod cloud;
mod frames;
mod render;
pub mod terminal;
mod upload;
mod validate;

use crate::api::sign::SignatureVersion;
use crate::core::Env;
use crate::i18n::describe;
use crate::model::export::{request_fields, timeline};
use crate::model::validate::{Severity, validate};
use crate::store::{input, project_file};
use clap::{Parser, Subcommand};
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

#[derive(Debug, Parser)]
#[command(
    name = "vodcut",
    version,
    about = "A timeline editor for Alibaba Cloud ApsaraVideo VOD productions",
    long_about = "Without a command, opens the editor (on FILE if given: a .vodcut project, or an API Timeline .json which it imports).",
    subcommand_negates_reqs = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// How requests are signed: v1 (HMAC-SHA1, the default) or v3 (ACS3-HMAC-SHA256, which
    /// Alibaba Cloud recommends for new code).
    #[arg(long, global = true, value_name = "VERSION", default_value = "v1", value_parser = parse_signature)]
    pub signature: SignatureVersion,
    /// Run against the sandbox: a demo VOD service on this machine with a seeded library and
    /// demo keys; no account needed, nothing leaves the machine, real credentials are never
    /// read. Its state lasts for the login session (see --sandbox-keep).
    #[arg(long, global = true)]
    pub sandbox: bool,
    /// As --sandbox, keeping the sandbox's state in the data folder (`<data>/sandbox`) until
    /// deleted. VODCUT_SANDBOX_DIR names another folder.
    #[arg(long, global = true)]
    pub sandbox_keep: bool,
    /// The language of messages: en (English) or zh-CN (简体中文). Default: LC_ALL/LANG; the
    /// editor's own language setting comes before them.
    #[arg(long, global = true, value_name = "LANG", value_parser = parse_lang)]
    pub lang: Option<crate::i18n::Lang>,
    /// A project (.vodcut) or an API Timeline (.json) to open in the editor.
    pub file: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check a project against every documented rule; exit 1 when it has errors.
    Validate {
        file: PathBuf,
        /// Print the problems as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Print the API Timeline JSON of a project (exit 1, printing nothing, when it has errors).
    Timeline {
        file: PathBuf,
        /// Indent the output.
        #[arg(long)]
        pretty: bool,
        /// Print even when the project has errors (they are still listed on stderr).
        #[arg(long)]
        force: bool,
    },
    /// Print every ProduceEditingProjectVideo request field, as the strings sent (exit 1,
    /// printing nothing, when the project has errors).
    Export {
        file: PathBuf,
        /// Print even when the project has errors (they are still listed on stderr).
        #[arg(long)]
        force: bool,
    },
    /// Make a project from an API Timeline (- reads standard input).
    Import {
        timeline: PathBuf,
        /// The project file to write (- writes it to standard output).
        #[arg(short, long)]
        output: PathBuf,
        /// Replace OUTPUT if it exists, even when read-only (the old versions are kept as
        /// OUTPUT.bak, OUTPUT.bak.2, OUTPUT.bak.3). A file from a newer vodcut is never replaced.
        #[arg(long)]
        force: bool,
    },
    /// Validate, ask VOD whether the media used are Normal, and submit a production
    /// (ProduceEditingProjectVideo) once. Billed.
    Submit {
        file: PathBuf,
        #[command(flatten)]
        conn: Connection,
        /// Go ahead despite warnings.
        #[arg(long)]
        yes: bool,
        /// Submit even when VOD says a media used is not Normal yet (uploading, transcoding,
        /// failed): the production may then fail after it is billed.
        #[arg(long)]
        force_status: bool,
        /// Print the result as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Show how a production is doing (by MediaId, ProjectId, RequestId or job ID).
    Status {
        id: String,
        #[command(flatten)]
        conn: Connection,
        #[arg(long)]
        json: bool,
    },
    /// Browse the VOD media library.
    Media {
        #[command(subcommand)]
        command: MediaCommand,
    },
    /// Write the composed output frame of a project at a time as a PNG (the preview's picture).
    Still {
        file: PathBuf,
        /// The time on the output timeline, in seconds.
        #[arg(long, allow_hyphen_values = true)]
        at: String,
        /// The PNG to write (- writes it to standard output).
        #[arg(short, long)]
        output: PathBuf,
        /// Width of the picture (default: the output's width; never larger).
        #[arg(long)]
        width: Option<u32>,
        /// The ffmpeg program (default: VODCUT_FFMPEG, else ffmpeg on PATH).
        #[arg(long)]
        ffmpeg: Option<PathBuf>,
        /// Replace OUTPUT even when it is not a PNG (a project saved under that name...) or is
        /// read-only; the old file is kept as OUTPUT.bak. Never the project itself.
        #[arg(long)]
        force: bool,
        #[command(flatten)]
        conn: Connection,
    },
    /// Write one frame of a VOD video at a source time as a PNG.
    Frame {
        media_id: String,
        /// The time in the source, in seconds.
        #[arg(long, allow_hyphen_values = true)]
        at: String,
        /// The PNG to write (- writes it to standard output).
        #[arg(short, long)]
        output: PathBuf,
        /// Width of the picture (default: the stream's own).
        #[arg(long)]
        width: Option<u32>,
        #[arg(long)]
        ffmpeg: Option<PathBuf>,
        /// Replace OUTPUT even when it is not a PNG or is read-only (kept as OUTPUT.bak).
        #[arg(long)]
        force: bool,
        #[command(flatten)]
        conn: Connection,
    },
    /// Render a low-resolution draft of the whole output (H.264 + AAC MP4) on this machine,
    /// free: every track composed as the preview shows it, the sound mixed with its Volume
    /// effects. Ctrl+C stops cleanly and leaves no file.
    Render {
        file: PathBuf,
        /// The MP4 to write (written under a temporary name beside it, renamed at the end; not
        /// standard output: an MP4 needs a file it can seek in).
        #[arg(short, long)]
        output: PathBuf,
        /// Frame height in pixels (never more than the output's; the width keeps the aspect).
        #[arg(long, default_value_t = 360)]
        height: u32,
        /// Frames per second (default: the project's frame rate, 25 unless set).
        #[arg(long)]
        fps: Option<String>,
        /// Start at this output time, in seconds.
        #[arg(long, allow_hyphen_values = true)]
        from: Option<String>,
        /// End at this output time, in seconds.
        #[arg(long, allow_hyphen_values = true)]
        to: Option<String>,
        /// The ffmpeg program (default: VODCUT_FFMPEG, else ffmpeg on PATH).
        #[arg(long)]
        ffmpeg: Option<PathBuf>,
        /// Replace OUTPUT even when it is not an MP4 or is read-only (kept as OUTPUT.bak).
        /// Never the project itself.
        #[arg(long)]
        force: bool,
        /// Write the sound alone: the mix the draft and playback use, AAC in an MP4 (.m4a).
        #[arg(long)]
        audio_only: bool,
        #[command(flatten)]
        conn: Connection,
    },
    /// List the job history, newest first.
    Jobs {
        #[arg(long)]
        json: bool,
        /// Show at most this many (1 or more).
        #[arg(long, default_value_t = 50, value_parser = clap::value_parser!(u32).range(1..))]
        limit: u32,
    },
}

#[derive(Debug, Subcommand)]
pub enum MediaCommand {
    /// Search media by title (SearchMedia).
    Search {
        /// Words of the title (quotes and parentheses are fine).
        text: Option<String>,
        #[arg(long, value_parser = ["video", "audio", "image"], default_value = "video")]
        kind: String,
        /// Page number, from 1.
        #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(u32).range(1..))]
        page: u32,
        /// Results per page, 1 to 100 (SearchMedia's range).
        #[arg(long, default_value_t = 20, value_parser = clap::value_parser!(u32).range(1..=100))]
        page_size: u32,
        /// Continue past the first 5 000 results with the token a previous page printed.
        #[arg(long)]
        scroll_token: Option<String>,
        /// Oldest first (default: newest first).
        #[arg(long)]
        oldest_first: bool,
        #[command(flatten)]
        conn: Connection,
        #[arg(long)]
        json: bool,
    },
    /// Upload local video, audio or image files to VOD and print their MediaIds. Running the
    /// same command again after an interruption continues from the confirmed parts.
    Upload {
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Title of the new media (default: each file's name without its extension).
        #[arg(long)]
        title: Option<String>,
        /// Comma-separated tags (at most 16, 32 bytes each).
        #[arg(long)]
        tags: Option<String>,
        /// VOD category ID.
        #[arg(long)]
        cate_id: Option<i64>,
        /// Start over a file that changed since its upload began (as a new media).
        #[arg(long)]
        restart: bool,
        /// Parts sent at once for large files.
        #[arg(long, default_value_t = 4, value_parser = clap::value_parser!(u16).range(1..=16))]
        parallel: u16,
        /// Wait until VOD has processed each upload (its status Normal: usable in a
        /// production), as the editor does.
        #[arg(long)]
        wait: bool,
        #[command(flatten)]
        conn: Connection,
        #[arg(long)]
        json: bool,
    },
    /// Details of media by ID (GetVideoInfos, 20 per call).
    Info {
        #[arg(required = true)]
        ids: Vec<String>,
        #[command(flatten)]
        conn: Connection,
        #[arg(long)]
        json: bool,
    },
}

/// Where and as whom to connect.
#[derive(Debug, Clone, clap::Args)]
pub struct Connection {
    /// VOD region, e.g. cn-shanghai, ap-southeast-1 (default: the project's, else the
    /// credentials', else cn-shanghai).
    #[arg(long)]
    pub region: Option<String>,
    /// Credentials profile (aliyun CLI config, then ~/.alibabacloud/credentials).
    #[arg(long)]
    pub profile: Option<String>,
    /// Endpoint override, e.g. for a private endpoint (default: VODCUT_ENDPOINT, else the
    /// region's).
    #[arg(long)]
    pub endpoint: Option<String>,
    /// Allow a plain-http endpoint that is not on this machine.
    #[arg(long)]
    pub allow_insecure_http: bool,
    /// Seconds one call may take: connection, answer and retries together.
    #[arg(long, default_value_t = 30)]
    pub timeout: u64,
    /// From the global `--signature`.
    #[arg(skip)]
    pub signature: SignatureVersion,
    /// The global options in force, for the commands a result suggests next.
    #[arg(skip)]
    pub globals: Globals,
}

impl Connection {
    /// The command line to run `rest` next in the same place, as the same user, in the same
    /// language: the global options in force, then `rest`, then this connection's options
    /// (`region`: the region this command used, which the next one may not default to).
    pub fn next_command(&self, rest: &[&str], region: Option<&str>) -> String {
        let mut words: Vec<String> = vec!["vodcut".into()];
        words.extend(self.globals.args());
        words.extend(rest.iter().map(|w| (*w).to_owned()));
        let region = if self.globals.sandbox { None } else { self.region.as_deref().or(region) };
        for (flag, value) in
            [("--region", region), ("--profile", self.profile.as_deref()), ("--endpoint", self.endpoint.as_deref())]
        {
            if let Some(v) = value {
                words.push(flag.into());
                words.push(shell_word(v));
            }
        }
        if self.allow_insecure_http {
            words.push("--allow-insecure-http".into());
        }
        words.join(" ")
    }
}

/// A word as a POSIX shell reads it back: as is when plain, else single-quoted.
fn shell_word(s: &str) -> String {
    if !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || "-_./:=@,+".contains(c)) {
        s.to_owned()
    } else {
        format!("'{}'", s.replace('\'', "'\\''"))
    }
}

fn parse_signature(s: &str) -> Result<SignatureVersion, String> {
    s.parse()
}

fn parse_lang(s: &str) -> Result<crate::i18n::Lang, String> {
    match s.trim().to_ascii_lowercase().as_str() {
        "en" | "en-us" | "english" => Ok(crate::i18n::Lang::En),
        "zh" | "zh-cn" | "zh-hans" | "chinese" => Ok(crate::i18n::Lang::Zh),
        // main() chose the language from the raw arguments already: `--lang fr` is English.
        _ => Err(crate::t!("cli-bad-lang", text = s)),
    }
}

/// Options that apply to every command.
#[derive(Clone, Copy, Debug, Default)]
pub struct Globals {
    pub signature: SignatureVersion,
    /// Running against the sandbox (it is started and activated by the caller).
    pub sandbox: bool,
    /// ...whose state is kept (`--sandbox-keep` rather than `--sandbox`).
    pub sandbox_keep: bool,
    /// `--lang`, when given.
    pub lang: Option<crate::i18n::Lang>,
}

impl Globals {
    /// The options as they would be typed again (`--sandbox --signature v3 --lang zh-CN`);
    /// the defaults are left out.
    // i18n-exempt: command-line options
    pub fn args(&self) -> Vec<String> {
        let mut a = Vec::new();
        if self.sandbox_keep {
            a.push("--sandbox-keep".to_owned());
        } else if self.sandbox {
            a.push("--sandbox".to_owned());
        }
        if self.signature == SignatureVersion::V3 {
            a.extend(["--signature".to_owned(), "v3".to_owned()]);
        }
        if let Some(l) = self.lang {
            a.extend(["--lang".to_owned(), l.code().to_owned()]);
        }
        a
    }
}

impl Command {
    /// Whether the command was asked for JSON output (then failures are JSON too).
    fn json(&self) -> bool {
        match self {
            Command::Validate { json, .. }
            | Command::Submit { json, .. }
            | Command::Status { json, .. }
            | Command::Jobs { json, .. }
            | Command::Media {
                command:
                    MediaCommand::Search { json, .. } | MediaCommand::Info { json, .. } | MediaCommand::Upload { json, .. },
            } => *json,
            Command::Timeline { .. }
            | Command::Export { .. }
            | Command::Import { .. }
            | Command::Still { .. }
            | Command::Render { .. }
            | Command::Frame { .. } => false,
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
            | Command::Status { conn, .. }
            | Command::Still { conn, .. }
            | Command::Frame { conn, .. }
            | Command::Media {
                command:
                    MediaCommand::Search { conn, .. } | MediaCommand::Info { conn, .. } | MediaCommand::Upload { conn, .. },
            } => Some(conn),
            _ => None,
        }
    }

    fn set_globals(&mut self, g: Globals) {
        let conn = match self {
            Command::Submit { conn, .. }
            | Command::Status { conn, .. }
            | Command::Still { conn, .. }
            | Command::Render { conn, .. }
            | Command::Frame { conn, .. }
            | Command::Media {
                command:
                    MediaCommand::Search { conn, .. } | MediaCommand::Info { conn, .. } | MediaCommand::Upload { conn, .. },
            } => conn,
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
        Ok(code) => code,
        Err((code, message)) => {
            if json {
                let v = serde_json::json!({"error": {"kind": error_kind(code), "exit_code": code, "message": message}});
                let _ = writeln!(out, "{}", serde_json::to_string_pretty(&v).unwrap_or_default());
            }
            let _ = writeln!(err, "vodcut: {message}");
            code
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
    use crate::i18n::Clock;
    use crate::model::Time;
    use crate::model::time::TimeUnit;
    let t = if text.contains([':', ';']) {
        Clock::new(rate, TimeUnit::Timecode).parse(text, Time::ZERO).ok()
    } else {
        Time::parse_secs(text)
    };
    match t {
        Some(t) if t >= Time::ZERO => Ok(t),
        _ => Err((EXIT_BAD_INPUT, crate::t!("cli-bad-time", flag = flag, text = text))),
    }
}

pub(crate) fn print(out: &mut dyn Write, text: &str) -> CliResult {
    writeln!(out, "{text}").map_err(|e| (EXIT_WRITE_FAILED, crate::t!("cli-cannot-write", error = e.to_string())))?;
    Ok(EXIT_OK)
}

/// `out` escapes what passes through it; `out.0` is the raw standard output, for binary
/// output (a PNG to `-o -`).
fn run_inner(sh: &Shell, command: Command, out: &mut terminal::Escaping, err: &mut dyn Write) -> CliResult {
    match command {
        Command::Submit { file, conn, yes, force_status, json } => {
            cloud::submit(sh, &file, &conn, cloud::SubmitOptions { yes, force_status, json }, out, err)
        }
        Command::Status { id, conn, json } => cloud::status(sh, &id, &conn, json, out),
        Command::Jobs { json, limit } => cloud::jobs(sh, json, limit as usize, out, err),
        Command::Media { command } => cloud::media(sh, command, out, err),
        Command::Still { file, at, output, width, ffmpeg, force, conn } => {
            frames::still(sh, frames::StillArgs { file, at, output, width, ffmpeg, force }, &conn, out.0, err)
        }
        Command::Render { file, output, height, fps, from, to, ffmpeg, force, audio_only, conn } => {
            let a = render::RenderArgs { file, output, height, fps, from, to, ffmpeg, force, audio_only };
            render::render(sh, a, &conn, err)
        }
        Command::Frame { media_id, at, output, width, ffmpeg, force, conn } => {
            frames::frame(sh, frames::FrameArgs { media_id, at, output, width, ffmpeg, force }, &conn, out.0, err)
        }
        Command::Validate { file, json } => validate::run(&file, json, out, err),
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
        Command::Import { timeline, output, force } => {
            if !input::is_stdio(&timeline)
                && !input::is_stdio(&output)
                && crate::store::output::same_file(&timeline, &output)
            {
                return Err((EXIT_BAD_INPUT, crate::t!("cli-import-same-file", file = output.display().to_string())));
            }
            let project = load(&timeline)?;
            if input::is_stdio(&output) {
                let bytes = project_file::to_bytes(&project);
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
            if std::fs::metadata(&output).is_ok_and(|m| m.is_file()) && !force {
                return Err((EXIT_WRITE_FAILED, crate::t!("cli-import-exists", file = output.display().to_string())));
            }
            let options = project_file::SaveOptions { replace_read_only: force };
            project_file::save_with(&output, &project, options).map_err(|e| (EXIT_WRITE_FAILED, e.to_string()))?;
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
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
