//! What VOD takes: the kind of a file from its extension, and the checks made before anything
//! is sent (missing, unreadable, a folder, empty, too large, an extension VOD refuses, a title
//! too long). Each problem names the file and says what is wrong.

use std::path::{Path, PathBuf};

#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum MediaKind {
    Video,
    Audio,
    Image,
}

impl MediaKind {
    /// The SearchMedia type and the word shown to people.
    pub fn as_str(self) -> &'static str {
        match self {
            MediaKind::Video => "video",
            MediaKind::Audio => "audio",
            MediaKind::Image => "image",
        }
    }
}

/// Video extensions VOD takes (upload.md §7). `gif` is also an image: images win, as
/// CreateUploadImage is the call that keeps a GIF an image.
pub const VIDEO_EXTS: &[&str] = &[
    "mp4", "ts", "3gp", "mpg", "mpeg", "mpe", "dat", "vob", "asf", "avi", "wmv", "flv", "f4v", "rm", "rmvb", "mov",
    "mkv", "dv", "m2t", "m4v", "mj2", "mjpeg", "mts", "ogg", "qt", "swf", "webm",
];
pub const AUDIO_EXTS: &[&str] = &["mp3", "wma", "wav", "aac", "ra", "m4a", "flac", "ape", "ac3", "amr", "caf", "acm"];
pub const IMAGE_EXTS: &[&str] = &["png", "jpg", "jpeg", "gif", "heic", "webp"];

/// Largest object PutObject takes; images go in one PUT.
pub const MAX_SIMPLE: u64 = 5 * 1024 * 1024 * 1024;
/// Largest multipart object (48.8 TB).
pub const MAX_MULTIPART: u64 = 48_800_000_000_000;
/// Title limit, in UTF-8 bytes (the docs disagree between characters and bytes: bytes is safe).
pub const MAX_TITLE_BYTES: usize = 128;

pub fn kind_of(path: &Path) -> Option<MediaKind> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    if IMAGE_EXTS.contains(&ext.as_str()) {
        Some(MediaKind::Image)
    } else if VIDEO_EXTS.contains(&ext.as_str()) {
        Some(MediaKind::Video)
    } else if AUDIO_EXTS.contains(&ext.as_str()) {
        Some(MediaKind::Audio)
    } else {
        None
    }
}

/// A file that passed the checks.
#[derive(Clone, Debug)]
pub struct Checked {
    pub path: PathBuf,
    pub kind: MediaKind,
    pub size: u64,
    /// Modification time in nanoseconds since the Unix epoch (0 when the system has none).
    pub mtime_ns: u128,
    pub ext: String,
}

pub fn mtime_ns(meta: &std::fs::Metadata) -> u128 {
    meta.modified().ok().and_then(|m| m.duration_since(std::time::UNIX_EPOCH).ok()).map(|d| d.as_nanos()).unwrap_or(0)
}

/// Checks `path` as a file to upload.
pub fn check_file(path: &Path) -> Result<Checked, String> {
    let shown = path.display().to_string();
    let unreadable = |e: std::io::Error| crate::t!("up-unreadable", file = shown.as_str(), error = e.to_string());
    let meta = std::fs::metadata(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => crate::t!("up-no-such-file", file = shown.as_str()),
        std::io::ErrorKind::PermissionDenied => crate::t!("up-permission-denied", file = shown.as_str()),
        _ => unreadable(e),
    })?;
    if meta.is_dir() {
        return Err(crate::t!("up-folder", file = shown.as_str()));
    }
    if !meta.is_file() {
        return Err(crate::t!("up-not-regular", file = shown.as_str()));
    }
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase();
    let kind = kind_of(path).ok_or_else(|| {
        if ext.is_empty() {
            crate::t!("up-no-extension", file = shown.as_str())
        } else if ext == "m3u8" {
            crate::t!("up-hls", file = shown.as_str())
        } else {
            crate::t!(
                "up-extension-refused",
                file = shown.as_str(),
                ext = ext.as_str(),
                videos = VIDEO_EXTS.join(" "),
                audio = AUDIO_EXTS.join(" "),
                images = IMAGE_EXTS.join(" ")
            )
        }
    })?;
    let size = meta.len();
    if size == 0 {
        return Err(crate::t!("up-empty", file = shown.as_str()));
    }
    let limit = if kind == MediaKind::Image { MAX_SIMPLE } else { MAX_MULTIPART };
    if size > limit {
        let limit_text = crate::i18n::format::size(limit);
        return Err(match kind {
            MediaKind::Image => crate::t!("up-too-big-image", file = shown.as_str(), size = size, limit = limit_text),
            _ => crate::t!("up-too-big-media", file = shown.as_str(), size = size, limit = limit_text),
        });
    }
    // Opening proves it is readable now (metadata alone does not).
    std::fs::File::open(path).map_err(unreadable)?;
    Ok(Checked { path: path.to_owned(), kind, size, mtime_ns: mtime_ns(&meta), ext })
}

/// The title for a file: the one given, else the file name without its extension, cut at a
/// character boundary to fit 128 bytes. A given title that is too long is refused (a title the
/// user typed is not silently cut).
pub fn title_for(path: &Path, given: Option<&str>) -> Result<String, String> {
    if let Some(t) = given {
        let t = t.trim();
        if t.is_empty() {
            return Err(crate::t!("up-title-empty"));
        }
        if t.len() > MAX_TITLE_BYTES {
            return Err(crate::t!("up-title-long", n = t.len(), max = MAX_TITLE_BYTES));
        }
        return Ok(t.to_owned());
    }
    let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let stem = if stem.trim().is_empty() { "Untitled".to_owned() } else { stem };
    let mut cut = stem.len().min(MAX_TITLE_BYTES);
    while !stem.is_char_boundary(cut) {
        cut -= 1;
    }
    Ok(stem[..cut].to_owned())
}

/// Checks a comma list of tags: at most 16, each at most 32 bytes.
pub fn check_tags(tags: &str) -> Result<String, String> {
    let list: Vec<&str> = tags.split(',').map(str::trim).filter(|t| !t.is_empty()).collect();
    if list.len() > 16 {
        return Err(crate::t!("up-too-many-tags", n = list.len(), max = 16));
    }
    if let Some(t) = list.iter().find(|t| t.len() > 32) {
        return Err(crate::t!("up-tag-long", tag = *t, n = t.len(), max = 32));
    }
    Ok(list.join(","))
}

/// The Content-Type sent with a PUT or InitiateMultipartUpload (oss2 sets it from the
/// extension too).
pub fn content_type(ext: &str) -> &'static str {
    match ext {
        "mp4" | "m4v" => "video/mp4",
        "mov" | "qt" => "video/quicktime",
        "flv" => "video/x-flv",
        "mkv" => "video/x-matroska",
        "webm" => "video/webm",
        "avi" => "video/x-msvideo",
        "ts" | "mts" | "m2t" => "video/mp2t",
        "mpg" | "mpeg" | "mpe" => "video/mpeg",
        "mp3" => "audio/mpeg",
        "wav" => "audio/wav",
        "aac" => "audio/aac",
        "m4a" => "audio/mp4",
        "flac" => "audio/flac",
        "ogg" => "video/ogg",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "heic" => "image/heic",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_files_get_clear_answers() {
        let dir = tempfile::tempdir().unwrap();
        let e = check_file(&dir.path().join("gone.mp4")).unwrap_err();
        assert!(e.ends_with("gone.mp4: no such file"), "{e}");
        assert!(check_file(dir.path()).unwrap_err().contains("is a folder"));
        let empty = dir.path().join("empty.mp4");
        std::fs::write(&empty, b"").unwrap();
        assert!(check_file(&empty).unwrap_err().contains("is empty"));
        let doc = dir.path().join("notes.docx");
        std::fs::write(&doc, b"x").unwrap();
        let e = check_file(&doc).unwrap_err();
        assert!(e.contains("does not take .docx") && e.contains("mp4"), "{e}");
        let bare = dir.path().join("noext");
        std::fs::write(&bare, b"x").unwrap();
        assert!(check_file(&bare).unwrap_err().contains("no file extension"));
        let ok = dir.path().join("Clip.MOV");
        std::fs::write(&ok, b"abc").unwrap();
        let c = check_file(&ok).unwrap();
        assert_eq!((c.kind, c.size, c.ext.as_str()), (MediaKind::Video, 3, "mov"));
        assert_eq!(kind_of(Path::new("a.GIF")), Some(MediaKind::Image));
        assert_eq!(kind_of(Path::new("a.flac")), Some(MediaKind::Audio));
    }

    #[test]
    fn titles_and_tags() {
        assert_eq!(title_for(Path::new("/x/Beach day.mp4"), None).unwrap(), "Beach day");
        let long = "海".repeat(60);
        let t = title_for(Path::new(&format!("{long}.mp4")), None).unwrap();
        assert!(t.len() <= 128 && t.chars().all(|c| c == '海'));
        assert!(title_for(Path::new("a.mp4"), Some(&"x".repeat(129))).unwrap_err().contains("129 bytes"));
        assert_eq!(check_tags(" a, b ,,c").unwrap(), "a,b,c");
        assert!(check_tags(&vec!["t"; 17].join(",")).unwrap_err().contains("17 tags"));
    }
}
