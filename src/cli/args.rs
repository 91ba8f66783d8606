//! The command line's grammar (clap): the commands, their options and the global ones.

use crate::api::sign::SignatureVersion;
use clap::{Parser, Subcommand};
use std::path::PathBuf;

mod groups;
pub use groups::{AccountCommand, AccountList, MediaCommand, ProjectsCommand, SubtitlesCommand};

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
    /// Make a project from an API Timeline (.json; - reads standard input) or from an edit
    /// made in another editor: OpenTimelineIO (.otio), Final Cut Pro 7 XML (.xml, what
    /// Premiere exports), FCPXML (.fcpxml) or CMX 3600 (.edl). Exit 1 when a source is left
    /// without a MediaId (the project is written; its clips keep their place).
    Import {
        #[arg(value_name = "FILE")]
        timeline: PathBuf,
        /// The project file to write (- writes it to standard output). Default for an edit:
        /// FILE with the extension .vodcut.
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Replace OUTPUT if it exists, even when read-only (the old versions are kept as
        /// OUTPUT.bak, OUTPUT.bak.2, OUTPUT.bak.3). A file from a newer vodcut is never replaced.
        #[arg(long)]
        force: bool,
        /// A CSV with the header `file,MediaId`: each source's file name (or path) and the VOD
        /// media it is.
        #[arg(long, value_name = "MAP.csv")]
        media: Option<PathBuf>,
        /// Upload the sources found neither in the map nor in the library (their files, where
        /// the edit says they are) and place their clips.
        #[arg(long)]
        upload: bool,
        /// Do not look the unmapped sources up in the VOD library (no network).
        #[arg(long, conflicts_with = "upload")]
        offline: bool,
        /// The frame rate of an EDL, which does not state it (23.976, 24, 25, 29.97, 30...):
        /// default 29.97 for drop-frame timecode, else 25.
        #[arg(long, value_name = "RATE")]
        fps: Option<String>,
        #[command(flatten)]
        conn: Connection,
    },
    /// Write a project as an OpenTimelineIO file (.otio) for other editors.
    ExportOtio {
        file: PathBuf,
        /// The .otio file to write.
        #[arg(short, long)]
        output: PathBuf,
        /// Replace OUTPUT when it is not an .otio file already (it is kept as OUTPUT.bak), or
        /// is read-only. Never the project itself.
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
        /// Submit even when an earlier submission of this project lost its answer and its
        /// production could not be found at VOD (it may then be made, and billed, twice).
        #[arg(long)]
        resend_unknown: bool,
        #[command(flatten)]
        side: Side,
        /// Print the result as JSON.
        #[arg(long)]
        json: bool,
        /// Follow the production until its video is ready (exit 0), it failed (exit 4, with
        /// every error field VOD gives) or --wait-timeout passed (exit 5; it goes on at VOD).
        #[arg(long)]
        wait: bool,
        /// With --wait: give up following after this long: seconds (90) or with units (30m,
        /// 2h, 1h30m). Default 2h. (`--timeout` is each call's own limit.)
        #[arg(long, value_name = "DURATION", requires = "wait")]
        wait_timeout: Option<String>,
    },
    /// One production per row of ROWS from a template (a project whose fields hold {{name}}
    /// slots): every row filled and validated before anything is sent, a manifest in --out
    /// recording each row, so a second run continues and never sends a row twice. Billed.
    Batch {
        template: PathBuf,
        /// A CSV file (its header names the slots) or a JSON file (an array of objects).
        rows: PathBuf,
        /// Fill and validate every row and say what would be sent; send nothing.
        #[arg(long)]
        dry_run: bool,
        /// Productions sent at once.
        #[arg(long, default_value_t = 2, value_parser = clap::value_parser!(u16).range(1..=16))]
        concurrency: u16,
        /// Follow the productions until each has finished.
        #[arg(long)]
        wait: bool,
        /// With --wait: give up following after this many seconds (exit 6; the productions go
        /// on, `vodcut status` follows them).
        #[arg(long, value_name = "SECONDS", default_value_t = 7200)]
        wait_timeout: u64,
        /// The batch's folder (its manifest.jsonl). Default: ROWS with the extension .batch.
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
        /// Leave out the rows that cannot be filled or validated and send the others.
        #[arg(long)]
        skip_bad: bool,
        /// Each row in each of these shapes (16:9,9:16,1:1).
        #[arg(long, value_name = "W:H,...", value_delimiter = ',')]
        variants: Vec<String>,
        /// How video clips meet a frame of another shape: fit (the whole picture, bars) or
        /// fill (the frame covered, the picture cropped).
        #[arg(long, value_parser = ["fit", "fill"], default_value = "fit")]
        fit: String,
        /// Go ahead despite warnings.
        #[arg(long)]
        yes: bool,
        /// Send again the rows whose answer was lost and which VOD was asked about and does
        /// not show (a production may still appear: it would then be made twice).
        #[arg(long)]
        resend_unknown: bool,
        #[command(flatten)]
        conn: Connection,
    },
    /// Show how a production is doing (by MediaId, ProjectId, RequestId or job ID).
    Status {
        id: String,
        #[command(flatten)]
        conn: Connection,
        #[arg(long)]
        json: bool,
        /// Follow the production until its video is ready (exit 0), it failed (exit 4, with
        /// every error field VOD gives) or --wait-timeout passed (exit 5; it goes on at VOD).
        #[arg(long)]
        wait: bool,
        /// With --wait: give up following after this long: seconds (90) or with units (30m,
        /// 2h, 1h30m). Default 2h. (`--timeout` is each call's own limit.)
        #[arg(long, value_name = "DURATION", requires = "wait")]
        wait_timeout: Option<String>,
    },
    /// Browse the VOD media library.
    Media {
        #[command(subcommand)]
        command: MediaCommand,
    },
    /// Cloud editing projects: save a project to the cloud (not billed), list, pull, delete.
    Projects {
        #[command(subcommand)]
        command: ProjectsCommand,
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
    /// Compare a produced video with the draft: frames at the start, every cut and every
    /// marker, set against the compositor's; exit 1 when some differ over the threshold.
    Compare {
        file: PathBuf,
        /// The produced video's MediaId (default: FILE's newest finished production in the
        /// job history).
        #[arg(long)]
        media: Option<String>,
        /// Write each difference as a PNG (draft left, produced right) into this folder.
        #[arg(long)]
        pictures: Option<PathBuf>,
        /// How much a region may differ, in percent of full scale, before it is listed.
        #[arg(long, default_value_t = crate::core::compare::DEFAULT_THRESHOLD)]
        threshold: f32,
        #[arg(long)]
        json: bool,
        #[arg(long)]
        ffmpeg: Option<PathBuf>,
        #[command(flatten)]
        conn: Connection,
    },
    /// Subtitle files: bring an .srt, .vtt or .ass into a project, or write a subtitle track
    /// out as .srt.
    Subtitles {
        #[command(subcommand)]
        command: SubtitlesCommand,
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
    /// What the account offers a production: its transcoding template groups, its categories
    /// (a tree) and its applications (AppId). Kept in the cache folder per account and region;
    /// --refresh asks VOD again.
    Account {
        #[command(subcommand)]
        command: AccountCommand,
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
pub(super) fn shell_word(s: &str) -> String {
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

/// What to do when the cloud project was changed since the last sync (an edit in the VOD
/// console): `submit` and `projects push` alike.
#[derive(Debug, Clone, Copy, clap::Args)]
pub struct Side {
    /// Send or save this project anyway, replacing the cloud's changes.
    #[arg(long, conflicts_with = "theirs")]
    pub mine: bool,
    /// Write the cloud's timeline into the project file instead, and send or save nothing.
    #[arg(long)]
    pub theirs: bool,
}

impl Side {
    pub fn choice(self) -> Option<crate::edit::merge::Choice> {
        use crate::edit::merge::Choice;
        match (self.mine, self.theirs) {
            (true, _) => Some(Choice::Mine),
            (_, true) => Some(Choice::Theirs),
            _ => None,
        }
    }
}
