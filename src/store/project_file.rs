//! `.vodcut` project files: atomic saves with backups, and opening with clear errors.

use super::atomic::{BACKUPS, WriteError, WriteOptions, backup_name, resolve_target, write_atomic_opts};
use super::input::{self, ReadError};
use super::stamp::{self, Stamp};
use crate::i18n::describe;
use crate::model::import::{ImportError, ParseError, ShapeError, import_timeline_bytes, parse_typed, probe};
use crate::model::json::Wrong;
use crate::model::project::{FORMAT_VERSION, Project};
use std::io::Write;
use std::path::{Path, PathBuf};

pub const EXTENSION: &str = "vodcut";

/// Why a project file could not be opened or saved. Every message names the file.
#[derive(Debug)]
pub enum FileError {
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    /// `existed`: a previous version was there (and is unchanged).
    Write {
        path: PathBuf,
        source: std::io::Error,
        existed: bool,
    },
    NotRegularInput {
        path: PathBuf,
        kind: &'static str,
    },
    NotRegularOutput {
        path: PathBuf,
        kind: &'static str,
    },
    ReadOnly {
        path: PathBuf,
    },
    /// A symlink on the way belongs to another user in a folder others may write to.
    UntrustedLink {
        path: PathBuf,
        link: PathBuf,
    },
    TooLarge {
        path: PathBuf,
        limit_mb: u64,
    },
    Encoding {
        path: PathBuf,
        encoding: &'static str,
    },
    Empty {
        path: PathBuf,
    },
    Truncated {
        path: PathBuf,
        line: usize,
        column: usize,
        backup: String,
    },
    NotJson {
        path: PathBuf,
        error: serde_json::Error,
    },
    Shape {
        path: PathBuf,
        /// Boxed: it is large, and every `Result` of this module carries a `FileError`.
        error: Box<ShapeError>,
    },
    NewerVersion {
        path: PathBuf,
        found: u64,
        supported: u32,
    },
    WouldReplaceNewer {
        path: PathBuf,
        found: u64,
        supported: u32,
    },
    Unrecognised {
        path: PathBuf,
    },
}

impl std::fmt::Display for FileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        use crate::t;
        let shown = |p: &PathBuf| p.display().to_string();
        let text = match self {
            FileError::Read { path, source } => t!("file-read", path = shown(path), error = source.to_string()),
            FileError::Write { path, source, existed: true } => {
                t!("file-write", path = shown(path), error = source.to_string())
            }
            FileError::Write { path, source, existed: false } => {
                t!("file-write-new", path = shown(path), error = source.to_string())
            }
            FileError::NotRegularInput { path, kind } => {
                t!("file-not-regular-input", path = shown(path), kind = kind_word(kind))
            }
            FileError::NotRegularOutput { path, kind } => {
                t!("file-not-regular-output", path = shown(path), kind = kind_word(kind))
            }
            FileError::ReadOnly { path } => t!("file-read-only", path = shown(path)),
            FileError::UntrustedLink { path, link } => {
                t!("file-untrusted-link", path = shown(path), link = shown(link))
            }
            FileError::TooLarge { path, limit_mb } => t!("file-too-large", path = shown(path), limit = *limit_mb),
            FileError::Encoding { path, encoding } => {
                t!("file-encoding", path = shown(path), encoding = crate::i18n::tr(encoding))
            }
            FileError::Empty { path } => t!("file-empty", path = shown(path)),
            FileError::Truncated { path, line, column, backup } => {
                t!("file-truncated", path = shown(path), line = *line, column = *column, backup = backup.as_str())
            }
            FileError::NotJson { path, error } => {
                let message = describe::syntax_words(&crate::model::json::message_of(error));
                t!("file-not-json", path = shown(path), message = message, line = error.line(), column = error.column())
            }
            FileError::Shape { path, error } => {
                t!("file-shape", path = shown(path), at = describe::shape_at(error), message = describe::shape(error))
            }
            FileError::NewerVersion { path, found, supported } => {
                t!("file-newer", path = shown(path), found = *found, supported = *supported)
            }
            FileError::WouldReplaceNewer { path, found, supported } => {
                t!("file-would-replace-newer", path = shown(path), found = *found, supported = *supported)
            }
            FileError::Unrecognised { path } => t!("file-unrecognised", path = shown(path)),
        };
        f.write_str(&text)
    }
}

impl std::error::Error for FileError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            FileError::Read { source, .. } | FileError::Write { source, .. } => Some(source),
            _ => None,
        }
    }
}

/// "a device", "a FIFO (named pipe)"... (from `store::atomic`) in the current language.
fn kind_word(kind: &str) -> String {
    super::atomic::kind_words(kind)
}

/// What an opened file turned out to be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Origin {
    /// A `.vodcut` project: saving goes back to the same file.
    Project,
    /// A bare API Timeline (or request fields) imported into a new project: saving asks for a
    /// new `.vodcut` path so the source file is never overwritten with a different format.
    ImportedTimeline,
}

#[derive(Debug)]
pub struct Opened {
    pub project: Project,
    pub origin: Origin,
}

/// The newest backup kept beside a project: the version before the last save. Older ones are
/// `<name>.bak.2` ... (see [`super::atomic::BACKUPS`]). For a symlink, beside its target.
pub fn backup_path(path: &Path) -> PathBuf {
    backup_name(&resolve_target(path).unwrap_or_else(|_| path.to_owned()), 1)
}

/// Serializes a project as saved on disk (FormatVersion first, indented for diffs).
pub fn to_bytes(project: &Project) -> Vec<u8> {
    let mut p = project;
    let fixed;
    if p.format_version != FORMAT_VERSION {
        // Always write what this build understands.
        fixed = Project { format_version: FORMAT_VERSION, ..project.clone() };
        p = &fixed;
    }
    // A template's time and number slots go back in place (slots::put_back).
    if slots::holds_slots(p) {
        let mut value = serde_json::to_value(p).unwrap_or_default();
        slots::put_back(&mut value);
        return serde_json::to_vec_pretty(&value).unwrap_or_default();
    }
    // Plain data with string keys: serialization cannot fail.
    serde_json::to_vec_pretty(p).unwrap_or_default()
}

/// How a save may treat the file it replaces.
#[derive(Clone, Copy, Debug, Default)]
pub struct SaveOptions {
    /// Replace a read-only file (it stays read-only). The command line's `--force`.
    pub replace_read_only: bool,
}

/// Saves atomically: the new content goes to a temporary file beside the file, is flushed to
/// disk, then renamed over the old file; the old versions are kept as `<name>.bak`, `.bak.2`...
/// A crash at any point leaves either the old or the new file, never a mix. A symlink is
/// saved through; a device, FIFO or folder, a read-only file and a file from a newer vodcut
/// are refused.
pub fn save(path: &Path, project: &Project) -> Result<(), FileError> {
    save_with(path, project, SaveOptions::default())
}

/// As [`save`], with options.
pub fn save_with(path: &Path, project: &Project, options: SaveOptions) -> Result<(), FileError> {
    save_within(path, project, options, input::MAX_INPUT_BYTES).map(drop)
}

/// As [`save`], returning the [`Stamp`] of what was written (the editor compares the file with
/// it before its next save).
pub fn save_stamped(path: &Path, project: &Project) -> Result<Stamp, FileError> {
    let bytes = save_within(path, project, SaveOptions::default(), input::MAX_INPUT_BYTES)?;
    Ok(Stamp::of_bytes(&bytes, stamp::modified(path)))
}

/// As [`save_with`], refusing content over `limit` bytes (tests use a small one). Returns
/// what was written.
fn save_within(path: &Path, project: &Project, options: SaveOptions, limit: u64) -> Result<Vec<u8>, FileError> {
    refuse_newer(path)?;
    let bytes = to_bytes(project);
    check_size(&bytes, path, limit)?;
    let write = WriteOptions { backups: BACKUPS, replace_read_only: options.replace_read_only, ..Default::default() };
    let existed = resolve_target(path).is_ok_and(|t| std::fs::metadata(t).is_ok_and(|m| m.is_file()));
    write_atomic_opts(path, write, |f| f.write_all(&bytes)).map_err(|e| write_error(e, path, existed))?;
    Ok(bytes)
}

/// A project is never written larger than vodcut reads ([`input::MAX_INPUT_BYTES`]): it
/// could not be opened again. Refused with the message opening it would give. (Saved
/// projects are indented, so a Timeline under the limit can make a project over it.)
pub fn check_size(bytes: &[u8], path: &Path, limit: u64) -> Result<(), FileError> {
    if bytes.len() as u64 > limit {
        return Err(read_error_within(ReadError::TooLarge, path, limit));
    }
    Ok(())
}

/// A refused or failed save as a [`FileError`] naming `path`; `existed`: whether a previous
/// version was there (a failed save leaves it unchanged).
pub fn write_error(e: WriteError, path: &Path, existed: bool) -> FileError {
    let path = path.to_owned();
    match e {
        WriteError::Io(source) => FileError::Write { path, source, existed },
        WriteError::NotRegular(kind) => FileError::NotRegularOutput { path, kind },
        WriteError::ReadOnly => FileError::ReadOnly { path },
        WriteError::UntrustedLink(link) => FileError::UntrustedLink { path, link },
    }
}

/// A file written by a newer vodcut is never replaced, whatever the options: its content may
/// mean things this version cannot keep.
fn refuse_newer(path: &Path) -> Result<(), FileError> {
    let Ok(target) = resolve_target(path) else { return Ok(()) };
    if !std::fs::metadata(&target).is_ok_and(|m| m.is_file()) {
        return Ok(());
    }
    let found = match read_head(&target) {
        Some(head) => match peek_format_version(&head) {
            Some(v) => Some(v),
            // Not ours at the head (another tool's layout?): look at the whole file.
            None => input::read_file(&target)
                .ok()
                .and_then(|b| probe(strip_bom(&b)).ok())
                .and_then(|t| t.format_version)
                .and_then(|v| v.as_u64()),
        },
        None => None,
    };
    match found {
        Some(found) if found > u64::from(FORMAT_VERSION) => {
            Err(FileError::WouldReplaceNewer { path: path.to_owned(), found, supported: FORMAT_VERSION })
        }
        _ => Ok(()),
    }
}

fn read_head(path: &Path) -> Option<Vec<u8>> {
    use std::io::Read;
    let mut head = Vec::new();
    std::fs::File::open(path).ok()?.take(4096).read_to_end(&mut head).ok()?;
    Some(head)
}

fn strip_bom(bytes: &[u8]) -> &[u8] {
    bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)
}

/// The FormatVersion of a file that starts with it, as vodcut writes them
/// (`{"FormatVersion": 1, ...`), read from the first bytes only.
pub fn peek_format_version(bytes: &[u8]) -> Option<u64> {
    let rest = strip_bom(bytes).trim_ascii_start().strip_prefix(b"{")?;
    let rest = rest.trim_ascii_start().strip_prefix(b"\"FormatVersion\"")?;
    let rest = rest.trim_ascii_start().strip_prefix(b":")?.trim_ascii_start();
    let digits = rest.iter().take_while(|b| b.is_ascii_digit()).count();
    let after = rest.get(digits).copied();
    if digits == 0 || !matches!(after, Some(b',' | b'}' | b' ' | b'\n' | b'\r' | b'\t')) {
        return None;
    }
    Some(std::str::from_utf8(&rest[..digits]).ok()?.parse().unwrap_or(u64::MAX))
}

/// Opens a project file, or a bare API Timeline, which it imports. Only regular files are
/// read, up to [`input::MAX_INPUT_BYTES`].
pub fn open(path: &Path) -> Result<Opened, FileError> {
    open_stamped(path).map(|(o, _)| o)
}

/// As [`open`], with the [`Stamp`] of what was read.
pub fn open_stamped(path: &Path) -> Result<(Opened, Stamp), FileError> {
    let modified = stamp::modified(path);
    let bytes = input::read_file(path).map_err(|e| read_error(e, path))?;
    let opened = from_bytes(&bytes, path)?;
    Ok((opened, Stamp::of_bytes(&bytes, modified)))
}

/// Opens standard input as [`open`] opens a file; `name` is used in messages.
pub fn open_stdin(name: &Path) -> Result<Opened, FileError> {
    let bytes = input::read_stdin().map_err(|e| read_error(e, name))?;
    from_bytes(&bytes, name)
}

fn read_error(e: ReadError, path: &Path) -> FileError {
    read_error_within(e, path, input::MAX_INPUT_BYTES)
}

fn read_error_within(e: ReadError, path: &Path, limit: u64) -> FileError {
    let path = path.to_owned();
    match e {
        ReadError::Io(source) => FileError::Read { path, source },
        ReadError::NotRegular(kind) => FileError::NotRegularInput { path, kind },
        ReadError::TooLarge => FileError::TooLarge { path, limit_mb: limit / (1024 * 1024) },
    }
}

/// The encoding of text that is not UTF-8 (the catalog key of its name), told by its byte
/// order mark or, for JSON (whose first character is ASCII), by where its zero bytes are.
fn foreign_encoding(b: &[u8]) -> Option<&'static str> {
    let at = |i: usize| b.get(i).copied();
    // Without a mark, only a JSON start ({, [ or space) next to zero bytes counts.
    let json_start = |x: u8| matches!(x, b'{' | b'[' | b' ' | b'\t' | b'\r' | b'\n');
    match (at(0), at(1), at(2), at(3)) {
        (Some(0), Some(0), Some(0xFE), Some(0xFF)) => Some("core-enc-utf32-be"),
        (Some(0xFF), Some(0xFE), Some(0), Some(0)) => Some("core-enc-utf32-le"),
        (Some(0xFE), Some(0xFF), ..) => Some("core-enc-utf16-be"),
        (Some(0xFF), Some(0xFE), ..) => Some("core-enc-utf16-le"),
        (Some(0), Some(0), Some(0), Some(x)) if json_start(x) => Some("core-enc-utf32-be"),
        (Some(x), Some(0), Some(0), Some(0)) if json_start(x) => Some("core-enc-utf32-le"),
        (Some(0), Some(x), ..) if json_start(x) => Some("core-enc-utf16-be"),
        (Some(x), Some(0), ..) if json_start(x) => Some("core-enc-utf16-le"),
        _ => None,
    }
}

/// Parses file content; `path` is only used in messages. A UTF-8 byte order mark is skipped.
pub fn from_bytes(bytes: &[u8], path: &Path) -> Result<Opened, FileError> {
    let path = path.to_owned();
    if let Some(encoding) = foreign_encoding(bytes) {
        return Err(FileError::Encoding { path, encoding });
    }
    let bytes = strip_bom(bytes);
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(FileError::Empty { path });
    }
    // A version at the head (as vodcut writes files) decides at once; otherwise one light
    // pass reads the top-level keys. Either way a newer file is refused before its content
    // is interpreted with the wrong rules.
    let version = match peek_format_version(bytes) {
        Some(v) => Some(v),
        None => {
            let top = probe(bytes).map_err(|e| json_error(e, path.clone()))?;
            match top.format_version {
                Some(v) => Some(v.as_u64().ok_or_else(|| FileError::Shape {
                    path: path.clone(),
                    error: Box::new(ShapeError::at(
                        "FormatVersion",
                        Wrong::ExpectedWholeFound { found: v.to_string() },
                    )),
                })?),
                None if top.has_tracks || top.has_timeline => None,
                None => return Err(FileError::Unrecognised { path }),
            }
        }
    };
    match version {
        Some(found) if found > u64::from(FORMAT_VERSION) => {
            Err(FileError::NewerVersion { path, found, supported: FORMAT_VERSION })
        }
        Some(_) => match parse_typed::<Project>(bytes) {
            Ok(project) => Ok(Opened { project, origin: Origin::Project }),
            Err(ParseError::Json(e)) => Err(json_error(e, path)),
            Err(ParseError::Shape(error)) => Err(FileError::Shape { path, error: Box::new(error) }),
        },
        None => {
            let project = import_timeline_bytes(bytes).map_err(|e| match e {
                ImportError::Shape(error) => FileError::Shape { path: path.clone(), error: Box::new(error) },
                ImportError::NotJson(error) => FileError::NotJson { path: path.clone(), error },
                ImportError::NotATimeline => FileError::Unrecognised { path: path.clone() },
            })?;
            Ok(Opened { project, origin: Origin::ImportedTimeline })
        }
    }
}

fn json_error(e: serde_json::Error, path: PathBuf) -> FileError {
    use serde_json::error::Category;
    let (line, column) = (e.line(), e.column());
    match e.classify() {
        Category::Eof => {
            let backup = backup_path(&path).file_name().unwrap_or_default().to_string_lossy().into_owned();
            FileError::Truncated { path, line, column, backup }
        }
        // A well-formed JSON value that is not an object (a list, a number...).
        Category::Data => FileError::Unrecognised { path },
        Category::Syntax | Category::Io => FileError::NotJson { path, error: e },
    }
}

mod slots;
#[cfg(test)]
mod tests;
