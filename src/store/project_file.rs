//! `.vodcut` project files: atomic saves with a backup, and opening with clear errors.

use super::atomic::write_atomic;
use crate::model::export::{ImportError, import_timeline_value, looks_like_timeline};
use crate::model::project::{FORMAT_VERSION, Project};
use serde::Deserialize;
use serde::de::IgnoredAny;
use std::path::{Path, PathBuf};

pub const EXTENSION: &str = "vodcut";

/// Why a project file could not be opened or saved. Every message names the file.
#[derive(Debug, thiserror::Error)]
pub enum FileError {
    #[error("{path}: cannot read the file: {source}")]
    Read { path: PathBuf, source: std::io::Error },
    #[error("{path}: cannot write the file: {source}. The previous version on disk is unchanged.")]
    Write { path: PathBuf, source: std::io::Error },
    #[error("{path}: the file is empty")]
    Empty { path: PathBuf },
    #[error(
        "{path}: the file is cut short (it ends at line {line}, column {column}); it may have been copied or saved incompletely. A backup may exist beside it as {backup}"
    )]
    Truncated { path: PathBuf, line: usize, column: usize, backup: String },
    #[error("{path}: not JSON: {message} (line {line}, column {column})")]
    NotJson { path: PathBuf, message: String, line: usize, column: usize },
    #[error("{path}: at {at}: {message}")]
    Shape { path: PathBuf, at: String, message: String },
    #[error(
        "{path}: written by a newer vodcut (format version {found}; this one reads up to {supported}). Update vodcut to open it; it has not been changed."
    )]
    NewerVersion { path: PathBuf, found: u64, supported: u32 },
    #[error(
        "{path}: neither a vodcut project (no FormatVersion) nor an API Timeline (no VideoTracks, AudioTracks, ImageTracks or SubtitleTracks)"
    )]
    Unrecognised { path: PathBuf },
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

/// The backup kept beside a project: the version before the last save.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".bak");
    path.with_file_name(name)
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
    // Plain data with string keys: serialization cannot fail.
    serde_json::to_vec_pretty(p).unwrap_or_default()
}

/// Saves atomically: the new content goes to a temporary file in the same folder, is flushed
/// to disk, then renamed over the old file; the old file is kept as `<name>.bak`. A crash at
/// any point leaves either the old or the new file, never a mix.
pub fn save(path: &Path, project: &Project) -> Result<(), FileError> {
    let bytes = to_bytes(project);
    write_atomic(path, &bytes, true).map_err(|source| FileError::Write { path: path.to_owned(), source })
}

/// Opens a project file, or a bare API Timeline, which it imports.
pub fn open(path: &Path) -> Result<Opened, FileError> {
    let bytes = std::fs::read(path).map_err(|source| FileError::Read { path: path.to_owned(), source })?;
    from_bytes(&bytes, path)
}

#[derive(Deserialize)]
struct Probe {
    #[serde(rename = "FormatVersion")]
    format_version: Option<serde_json::Value>,
    #[serde(rename = "Timeline")]
    timeline: Option<IgnoredAny>,
    #[serde(rename = "VideoTracks")]
    video: Option<IgnoredAny>,
    #[serde(rename = "AudioTracks")]
    audio: Option<IgnoredAny>,
    #[serde(rename = "ImageTracks")]
    image: Option<IgnoredAny>,
    #[serde(rename = "SubtitleTracks")]
    subtitle: Option<IgnoredAny>,
}

/// Parses file content; `path` is only used in messages.
pub fn from_bytes(bytes: &[u8], path: &Path) -> Result<Opened, FileError> {
    let path = path.to_owned();
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(FileError::Empty { path });
    }
    // A first light pass reads only the version and the shape, so a newer file is refused
    // before its content is interpreted with the wrong rules.
    let probe: Probe = match serde_json::from_slice(bytes) {
        Ok(p) => p,
        Err(e) => return Err(json_error(e, path)),
    };
    match probe.format_version {
        Some(v) => {
            let Some(found) = v.as_u64() else {
                return Err(FileError::Shape {
                    path,
                    at: "FormatVersion".into(),
                    message: format!("expected a whole number, found {v}"),
                });
            };
            if found > u64::from(FORMAT_VERSION) {
                return Err(FileError::NewerVersion { path, found, supported: FORMAT_VERSION });
            }
            let mut de = serde_json::Deserializer::from_slice(bytes);
            let project: Project = serde_path_to_error::deserialize(&mut de).map_err(|e| FileError::Shape {
                path: path.clone(),
                at: e.path().to_string(),
                message: e.into_inner().to_string(),
            })?;
            Ok(Opened { project, origin: Origin::Project })
        }
        None if probe.video.is_some()
            || probe.audio.is_some()
            || probe.image.is_some()
            || probe.subtitle.is_some()
            || probe.timeline.is_some() =>
        {
            let value: serde_json::Value = serde_json::from_slice(bytes).map_err(|e| json_error(e, path.clone()))?;
            debug_assert!(looks_like_timeline(&value) || value.get("Timeline").is_some());
            let project = import_timeline_value(value).map_err(|e| match e {
                ImportError::Shape { path: at, message } => FileError::Shape { path: path.clone(), at, message },
                ImportError::NotJson(message) => FileError::NotJson { path: path.clone(), message, line: 0, column: 0 },
                ImportError::NotATimeline => FileError::Unrecognised { path: path.clone() },
            })?;
            Ok(Opened { project, origin: Origin::ImportedTimeline })
        }
        None => Err(FileError::Unrecognised { path }),
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
        Category::Syntax | Category::Io => {
            let message = e.to_string();
            // serde_json appends " at line X column Y"; we say it our way.
            let message = message.split(" at line ").next().unwrap_or(&message).to_owned();
            FileError::NotJson { path, message, line, column }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::export::import_timeline_str;

    fn sample() -> Project {
        let mut p = import_timeline_str(
            r#"{"VideoTracks":[{"VideoTrackClips":[{"MediaId":"m1","In":0.1234,"Out":5.5678,"Future":{"x":[1]}}]}]}"#,
        )
        .unwrap();
        p.title = "夏天 🎬".into();
        p
    }

    #[test]
    fn save_then_open_gives_the_same_project() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.vodcut");
        save(&path, &sample()).unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.trim_start().starts_with("{\n  \"FormatVersion\": 1,"), "version first: {}", &text[..40]);
        let opened = open(&path).unwrap();
        assert_eq!(opened.origin, Origin::Project);
        assert_eq!(opened.project, sample());
        assert!(!backup_path(&path).exists(), "no backup on first save");
    }

    #[test]
    fn second_save_keeps_the_previous_as_backup() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.vodcut");
        let first = sample();
        save(&path, &first).unwrap();
        let mut second = sample();
        second.title = "second".into();
        save(&path, &second).unwrap();
        assert_eq!(open(&path).unwrap().project.title, "second");
        assert_eq!(open(&backup_path(&path)).unwrap().project, first);
        let leftovers: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(leftovers.len(), 2, "only the file and its backup: {leftovers:?}");
    }

    #[test]
    fn open_reports_each_kind_of_bad_file() {
        let p = Path::new("x.vodcut");
        let msg = |b: &[u8]| from_bytes(b, p).unwrap_err().to_string();
        assert!(matches!(from_bytes(b"", p), Err(FileError::Empty { .. })));
        assert!(msg(b"hello").contains("not JSON"), "{}", msg(b"hello"));
        let full = to_bytes(&sample());
        let cut = &full[..full.len() / 2];
        assert!(matches!(from_bytes(cut, p), Err(FileError::Truncated { .. })), "{}", msg(cut));
        assert!(msg(cut).contains("x.vodcut.bak"));
        assert!(msg(b"[1,2]").contains("neither a vodcut project"));
        let wrong = br#"{"FormatVersion":1,"Tracks":[{"Kind":"Video","Clips":[{"MediaId":"a","In":"later"}]}]}"#;
        let m = msg(wrong);
        assert!(m.contains("Tracks[0].Clips[0]") && m.contains("later"), "{m}");
        let bad_kind = br#"{"FormatVersion":1,"Tracks":[{"Kind":"Hologram"}]}"#;
        assert!(msg(bad_kind).contains("Tracks[0].Kind"), "{}", msg(bad_kind));
    }

    #[test]
    fn newer_versions_are_refused_and_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("future.vodcut");
        let text = br#"{"FormatVersion":7,"SomethingNew":{"a":1},"Tracks":"a new shape"}"#;
        std::fs::write(&path, text).unwrap();
        let e = open(&path).unwrap_err();
        assert!(matches!(e, FileError::NewerVersion { found: 7, .. }));
        assert!(e.to_string().contains("newer vodcut"));
        assert_eq!(std::fs::read(&path).unwrap(), text);
    }

    #[test]
    fn a_bare_timeline_is_imported() {
        let o = from_bytes(br#"{"VideoTracks":[{"VideoTrackClips":[{"MediaId":"a"}]}]}"#, Path::new("t.json")).unwrap();
        assert_eq!(o.origin, Origin::ImportedTimeline);
        assert_eq!(o.project.clip_count(), 1);
    }
}
