//! The command groups' grammar: `projects`, `media`, `account` and `subtitles` (split from
//! args.rs, which holds the commands and the options they share).

use super::*;
#[derive(Debug, Subcommand)]
pub enum ProjectsCommand {
    /// List the account's cloud editing projects, newest first (SearchEditingProject).
    List {
        /// Words of the title.
        #[arg(long)]
        title: Option<String>,
        /// Normal, Producing, Produced or ProduceFailed (a comma list for several).
        #[arg(long)]
        status: Option<String>,
        /// Page number, from 1.
        #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(u32).range(1..))]
        page: u32,
        /// Projects per page, 1 to 100.
        #[arg(long, default_value_t = 20, value_parser = clap::value_parser!(u32).range(1..=100))]
        page_size: u32,
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        conn: Connection,
    },
    /// Write a cloud project (GetEditingProject) as a .vodcut project file.
    Pull {
        project_id: String,
        /// The project file to write (- writes it to standard output).
        #[arg(short, long)]
        output: PathBuf,
        /// Replace OUTPUT if it exists, even when read-only (the old versions are kept as
        /// OUTPUT.bak, OUTPUT.bak.2, OUTPUT.bak.3). A file from a newer vodcut is never replaced.
        #[arg(long)]
        force: bool,
        #[command(flatten)]
        conn: Connection,
    },
    /// Save a project to the cloud: AddEditingProject the first time (the new ProjectId is
    /// written into the file), UpdateEditingProject after; then its materials. Not billed:
    /// nothing is produced.
    Push {
        project: PathBuf,
        /// Save as a new cloud project even when the file names one (its ProjectId is replaced).
        #[arg(long)]
        new: bool,
        #[command(flatten)]
        side: Side,
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        conn: Connection,
    },
    /// Delete cloud projects (asks first, naming each; without a terminal, needs --yes).
    Delete {
        #[arg(required = true)]
        project_ids: Vec<String>,
        /// Do not ask.
        #[arg(long)]
        yes: bool,
        #[command(flatten)]
        conn: Connection,
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
        /// Only the media of this application.
        #[arg(long, value_name = "APP_ID")]
        app_id: Option<String>,
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
        /// VOD category ID (`vodcut account categories` lists them).
        #[arg(long)]
        cate_id: Option<i64>,
        /// The application the new media belong to (default: the account's default one;
        /// `vodcut account apps` lists them).
        #[arg(long, value_name = "APP_ID")]
        app_id: Option<String>,
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

#[derive(Debug, Subcommand)]
pub enum AccountCommand {
    /// The transcoding template groups (ListTranscodeTemplateGroup), for TemplateGroupId.
    Templates {
        /// Only the groups of this application (default: every application's).
        #[arg(long, value_name = "APP_ID")]
        app_id: Option<String>,
        #[command(flatten)]
        list: AccountList,
    },
    /// The categories as a tree (GetCategories), for CateId.
    Categories {
        #[command(flatten)]
        list: AccountList,
    },
    /// The applications (ListAppInfo), for AppId.
    Apps {
        #[command(flatten)]
        list: AccountList,
    },
}

/// What every `account` list takes.
#[derive(Debug, Clone, clap::Args)]
pub struct AccountList {
    /// Ask VOD again instead of reading the lists kept from last time.
    #[arg(long)]
    pub refresh: bool,
    /// Print the list as JSON.
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub conn: Connection,
}

impl AccountCommand {
    pub fn list(&self) -> &AccountList {
        match self {
            AccountCommand::Templates { list, .. }
            | AccountCommand::Categories { list }
            | AccountCommand::Apps { list } => list,
        }
    }

    pub fn list_mut(&mut self) -> &mut AccountList {
        match self {
            AccountCommand::Templates { list, .. }
            | AccountCommand::Categories { list }
            | AccountCommand::Apps { list } => list,
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum SubtitlesCommand {
    /// Add the cues of a subtitle file (.srt, .vtt, .ass) to a project, as subtitle clips (or
    /// Text effects); the project is saved in place (the old version kept as PROJECT.bak).
    /// Nothing is written when any cue is wrong.
    Import {
        project: PathBuf,
        file: PathBuf,
        /// The subtitle track to add to (by name: S1); default the first unlocked one, or a new
        /// one.
        #[arg(long, value_name = "NAME")]
        track: Option<String>,
        /// Add each cue as a Text effect on the video clip playing when it starts (the way
        /// the documents are sure of) instead of as a subtitle clip.
        #[arg(long)]
        as_text_effects: bool,
        /// Move every cue later by this much: seconds (12.5) or a timecode (00:00:12:12).
        #[arg(long, value_name = "TIMECODE")]
        offset: Option<String>,
        /// The file's encoding (utf-8, utf-16le, gbk, gb18030, big5...); default: detected.
        #[arg(long, value_name = "E")]
        encoding: Option<String>,
    },
    /// Write a subtitle track's text and times as a SubRip (.srt, UTF-8) file.
    Export {
        project: PathBuf,
        /// The .srt to write (- writes it to standard output).
        #[arg(short, long)]
        output: PathBuf,
        /// The subtitle track (by name: S1); default the first one.
        #[arg(long, value_name = "NAME")]
        track: Option<String>,
        /// Replace OUTPUT even when it is not an .srt or is read-only (kept as OUTPUT.bak).
        #[arg(long)]
        force: bool,
    },
}
