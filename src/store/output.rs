//! Outputs that are not projects: the PNG of `still` and `frame`, the MP4 of `render` (and the
//! editor's draft). They go through the same safe writer as project saves ([`super::atomic`]:
//! devices, FIFOs and folders refused, a symlink written through, another user's planted link
//! not followed, a crash leaves the old file or the new one), and they may not replace what
//! the user made:
//!
//! - the command's own input (the project being rendered), by any name (links, hard links);
//! - a name that says project or Timeline (`.vodcut`, `.json`): a picture there is a mistake;
//! - an existing file that is not of the output's kind, told by its content (a project saved
//!   as `out.png` is still a project): refused unless `force`, and then kept as `.bak` (with
//!   older versions as `.bak.2`, `.bak.3`), as saves keep theirs.
//!
//! An empty file, or one of the output's own kind (an earlier picture or draft), is replaced.

use super::atomic::{self, BACKUPS, Staged, WriteOptions};
use super::project_file::{FileError, peek_format_version, write_error};
use std::io::Write;
use std::path::{Path, PathBuf};

/// What an output is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Png,
    Mp4,
    /// A SubRip subtitle file (`vodcut subtitles export`).
    Srt,
    /// OpenTimelineIO JSON (`export-otio`).
    Otio,
}

impl Kind {
    /// "a PNG picture", "an MP4 video", in the current language.
    fn words(self) -> String {
        match self {
            Kind::Png => crate::t!("output-kind-png"),
            Kind::Mp4 => crate::t!("output-kind-mp4"),
            Kind::Srt => crate::t!("output-kind-srt"),
            Kind::Otio => crate::t!("output-kind-otio"),
        }
    }
}

/// Where an output goes and what it may replace.
#[derive(Clone, Debug)]
pub struct Target {
    pub path: PathBuf,
    pub kind: Kind,
    /// Files the command reads (its project): never replaced, whatever `force` says.
    pub inputs: Vec<PathBuf>,
    /// Replace an existing file of another kind (and read-only files), keeping backups.
    pub force: bool,
}

impl Target {
    /// An output at `path` with no inputs to protect and no `force`.
    pub fn new(path: impl Into<PathBuf>, kind: Kind) -> Target {
        Target { path: path.into(), kind, inputs: Vec::new(), force: false }
    }
}

/// What was found where an output would go (for messages).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Found {
    Empty,
    Png,
    Mp4,
    Srt,
    /// OpenTimelineIO JSON (it names an `OTIO_SCHEMA` near its start).
    Otio,
    /// A vodcut project (it starts with its FormatVersion).
    Project,
    /// Other JSON: an API Timeline, request fields, anything else.
    Json,
    Other,
}

impl Found {
    fn is(self, kind: Kind) -> bool {
        matches!(
            (self, kind),
            (Found::Empty, _)
                | (Found::Png, Kind::Png)
                | (Found::Mp4, Kind::Mp4)
                | (Found::Srt, Kind::Srt)
                | (Found::Otio, Kind::Otio)
        )
    }

    fn words(self) -> String {
        match self {
            Found::Project => crate::t!("output-found-project"),
            Found::Json => crate::t!("output-found-json"),
            Found::Png => Kind::Png.words(),
            Found::Mp4 => Kind::Mp4.words(),
            Found::Srt => Kind::Srt.words(),
            Found::Otio => Kind::Otio.words(),
            Found::Empty | Found::Other => crate::t!("output-found-other"),
        }
    }
}

/// Why an output was not written.
#[derive(Debug)]
pub enum OutputError {
    /// The output is one of the inputs.
    IsInput { path: PathBuf },
    /// Named like a project or Timeline.
    ProjectName { path: PathBuf, kind: Kind },
    /// `-`: the caller handles standard output itself, or refuses it.
    Stdio { kind: Kind },
    /// Something of another kind is there, and `force` was not given.
    Occupied { path: PathBuf, kind: Kind, found: Found },
    /// The folder to write in does not exist.
    NoFolder { dir: PathBuf },
    /// A device, FIFO, folder or socket: never replaced.
    NotRegular { path: PathBuf, kind: &'static str },
    /// What the safe writer refused, or an I/O failure.
    Write(FileError),
}

impl std::fmt::Display for OutputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        use crate::t;
        let shown = |p: &PathBuf| p.display().to_string();
        let text = match self {
            OutputError::IsInput { path } => t!("output-is-input", path = shown(path)),
            OutputError::ProjectName { path, kind } => {
                t!("output-project-name", path = shown(path), kind = kind.words())
            }
            OutputError::Stdio { kind } => t!("output-no-stdout", kind = kind.words()),
            OutputError::Occupied { path, kind, found } => {
                let backup = atomic::backup_name(path, 1).display().to_string();
                t!("output-occupied", path = shown(path), found = found.words(), kind = kind.words(), backup = backup)
            }
            OutputError::NoFolder { dir } => t!("output-no-folder", dir = shown(dir)),
            OutputError::NotRegular { path, kind } => {
                t!("output-not-regular", path = shown(path), kind = atomic::kind_words(kind))
            }
            OutputError::Write(e) => e.to_string(),
        };
        f.write_str(&text)
    }
}

impl std::error::Error for OutputError {}

/// True when both paths name the same existing file (through links, hard links, or two
/// spellings).
pub fn same_file(a: &Path, b: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        match (std::fs::metadata(a), std::fs::metadata(b)) {
            (Ok(x), Ok(y)) => x.dev() == y.dev() && x.ino() == y.ino(),
            _ => false,
        }
    }
    #[cfg(not(unix))]
    {
        matches!((std::fs::canonicalize(a), std::fs::canonicalize(b)), (Ok(x), Ok(y)) if x == y)
    }
}

/// Starts writing an output: every check is made now, before anything is produced; the
/// content goes to [`Staged::file`] and [`Staged::commit`] puts it in place.
pub fn stage(t: &Target) -> Result<Staged, OutputError> {
    let path = &t.path;
    if super::input::is_stdio(path) {
        return Err(OutputError::Stdio { kind: t.kind });
    }
    if t.inputs.iter().any(|i| same_file(i, path)) {
        return Err(OutputError::IsInput { path: path.clone() });
    }
    let project_like = ["vodcut", "json"]; // i18n-exempt: file extensions
    if path.extension().is_some_and(|e| project_like.iter().any(|p| e.eq_ignore_ascii_case(p))) {
        return Err(OutputError::ProjectName { path: path.clone(), kind: t.kind });
    }
    let options = WriteOptions { backups: 0, replace_read_only: t.force, ..Default::default() };
    let resolved = atomic::resolve_target(path).unwrap_or_else(|_| path.clone());
    let existed = std::fs::metadata(&resolved).is_ok_and(|m| m.is_file());
    let mut staged = atomic::stage(path, options).map_err(|e| match e {
        atomic::WriteError::NotRegular(kind) => OutputError::NotRegular { path: path.clone(), kind },
        atomic::WriteError::Io(e) if e.kind() == std::io::ErrorKind::NotFound => match resolved.parent() {
            Some(dir) if !dir.as_os_str().is_empty() && !dir.is_dir() => OutputError::NoFolder { dir: dir.to_owned() },
            _ => OutputError::Write(write_error(atomic::WriteError::Io(e), path, existed)),
        },
        e => OutputError::Write(write_error(e, path, existed)),
    })?;
    if staged.existed() {
        let found = what_is(staged.target());
        if !found.is(t.kind) {
            if !t.force {
                return Err(OutputError::Occupied { path: path.clone(), kind: t.kind, found });
            }
            staged.set_backups(BACKUPS);
        }
    }
    Ok(staged)
}

/// Writes a whole output at once (a picture).
pub fn write(t: &Target, bytes: &[u8]) -> Result<(), OutputError> {
    let mut staged = stage(t)?;
    let existed = staged.existed();
    staged
        .file()
        .write_all(bytes)
        .and_then(|()| staged.commit())
        .map_err(|e| OutputError::Write(FileError::Write { path: t.path.clone(), source: e, existed }))
}

/// What the regular file at `path` holds, from its first bytes.
pub fn what_is(path: &Path) -> Found {
    use std::io::Read;
    let mut head = Vec::new();
    // The file was checked to be a regular file; reading its head cannot block.
    if std::fs::File::open(path).and_then(|f| f.take(4096).read_to_end(&mut head)).is_err() {
        return Found::Other;
    }
    classify(&head)
}

/// What a file starting with `head` is.
pub fn classify(head: &[u8]) -> Found {
    if head.is_empty() {
        return Found::Empty;
    }
    if head.starts_with(b"\x89PNG\r\n\x1a\n") {
        return Found::Png;
    }
    // ISO base media (MP4, MOV): a box size, then the box type; ffmpeg starts with `ftyp`.
    if head.get(4..8).is_some_and(|t| t == b"ftyp") {
        return Found::Mp4;
    }
    if peek_format_version(head).is_some() {
        return Found::Project;
    }
    let text = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head).trim_ascii_start();
    if text.starts_with(b"{") && head.windows(13).any(|w| w == b"\"OTIO_SCHEMA\"") {
        return Found::Otio;
    }
    if text.starts_with(b"{") || text.starts_with(b"[") {
        return Found::Json;
    }
    // SubRip: a cue number, then its times (`00:00:01,000 --> ...`) on the next line.
    let first = text.split(|b| *b == b'\n').next().unwrap_or_default().trim_ascii();
    if !first.is_empty() && first.iter().all(u8::is_ascii_digit) && text.windows(3).any(|w| w == b"-->") {
        return Found::Srt;
    }
    Found::Other
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_are_told_by_content() {
        assert_eq!(classify(b""), Found::Empty);
        assert_eq!(classify(b"\x89PNG\r\n\x1a\n...."), Found::Png);
        assert_eq!(classify(b"\0\0\0\x20ftypisom"), Found::Mp4);
        assert_eq!(classify(b"{\n  \"FormatVersion\": 1,\n"), Found::Project);
        assert_eq!(classify(b"\xEF\xBB\xBF {\"VideoTracks\":[]}"), Found::Json);
        assert_eq!(classify(b"hello"), Found::Other);
        assert_eq!(classify(b"\xEF\xBB\xBF1\r\n00:00:01,000 --> 00:00:02,000\r\nhi"), Found::Srt);
        assert_eq!(classify(b"12 monkeys --> a film"), Found::Other);
        assert_eq!(classify(b"{\n    \"OTIO_SCHEMA\": \"Timeline.1\","), Found::Otio);
        assert!(Found::Empty.is(Kind::Png) && Found::Png.is(Kind::Png) && !Found::Png.is(Kind::Mp4));
    }

    #[test]
    fn an_output_never_replaces_its_input_a_project_or_a_file_of_another_kind() {
        let dir = tempfile::tempdir().unwrap();
        let project = dir.path().join("film.data");
        std::fs::write(&project, b"{\"FormatVersion\":1}").unwrap();
        let link = dir.path().join("alias.png");
        std::os::unix::fs::symlink(&project, &link).unwrap();
        let t = |path: &Path, force: bool| Target {
            path: path.to_owned(),
            kind: Kind::Png,
            inputs: vec![project.clone()],
            force,
        };
        for force in [false, true] {
            assert!(matches!(write(&t(&project, force), b"PNG"), Err(OutputError::IsInput { .. })));
            assert!(matches!(write(&t(&link, force), b"PNG"), Err(OutputError::IsInput { .. })));
            let named = dir.path().join("x.vodcut");
            assert!(matches!(write(&t(&named, force), b"PNG"), Err(OutputError::ProjectName { .. })));
            assert!(!named.exists());
        }
        // Another project under a picture's name: refused, then replaced with a backup.
        let other = dir.path().join("other.png");
        std::fs::write(&other, b"{\"FormatVersion\":1,\"Title\":\"keep\"}").unwrap();
        let e = write(&t(&other, false), b"PNG").unwrap_err();
        assert!(matches!(e, OutputError::Occupied { found: Found::Project, .. }), "{e}");
        assert!(e.to_string().contains("--force") && e.to_string().contains("other.png.bak"), "{e}");
        write(&t(&other, true), b"\x89PNG\r\n\x1a\n").unwrap();
        assert_eq!(
            std::fs::read(dir.path().join("other.png.bak")).unwrap(),
            b"{\"FormatVersion\":1,\"Title\":\"keep\"}"
        );
        // An earlier picture is simply replaced: no backup.
        write(&t(&other, false), b"\x89PNG\r\n\x1a\nnew").unwrap();
        assert!(std::fs::read(&other).unwrap().ends_with(b"new"));
        assert!(!dir.path().join("other.png.bak.2").exists());
        assert_eq!(std::fs::read(&project).unwrap(), b"{\"FormatVersion\":1}");
        assert!(matches!(write(&t(Path::new("-"), true), b"PNG"), Err(OutputError::Stdio { .. })));
        let e = write(&t(&dir.path().join("no/such/x.png"), false), b"PNG").unwrap_err();
        assert!(matches!(e, OutputError::NoFolder { .. }) && e.to_string().contains("does not exist"), "{e}");
        let e = write(&t(dir.path(), true), b"PNG").unwrap_err();
        assert!(e.to_string().contains("it is a folder, not a regular file"), "{e}");
    }
}
