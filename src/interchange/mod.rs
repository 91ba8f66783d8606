//! Edits from other editors, and back: OpenTimelineIO (`.otio`), Final Cut Pro 7 XML (what
//! Premiere exports, `.xml`), FCPXML (`.fcpxml`) and CMX 3600 EDL (`.edl`) in; `.otio` out.
//!
//! Pure and egui-free: each reader turns bytes into a [`Sequence`] (tracks, clips, gaps,
//! markers, transitions, the sources they use, and notes of what could not be carried);
//! [`media`] gives its sources MediaIds (a map, the library, uploads); [`build::build`]
//! makes the project; [`Report`] says what happened to every source and everything left out.
//! The command line (`vodcut import`, `vodcut export-otio`) and the editor's File menu both
//! use these.

pub mod bounds;
pub mod build;
pub mod edl;
pub mod fcp7;
pub mod fcpxml;
pub mod media;
pub mod otio;
pub mod otio_write;
pub mod report;
pub mod sequence;
pub mod time;
mod xml;

pub use sequence::{Loss, Note, Sequence};

use crate::model::time::FrameRate;
use std::path::Path;

/// Why a file could not be read as an edit: one sentence saying what and where.
#[derive(Clone, Debug, PartialEq)]
pub struct ReadError(String);

impl ReadError {
    pub fn new(message: String) -> Self {
        ReadError(message)
    }
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ReadError {}

/// The formats read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Otio,
    /// Final Cut Pro 7 XML (xmeml), as Premiere Pro, Resolve and Avid write it.
    Fcp7,
    Fcpxml,
    Edl,
}

impl Format {
    /// By the file's extension (`.xml` may hold FCPXML too: the reader looks).
    pub fn of_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "otio" => Some(Format::Otio),
            "xml" => Some(Format::Fcp7),
            "fcpxml" => Some(Format::Fcpxml),
            "edl" => Some(Format::Edl),
            _ => None,
        }
    }

    /// The format's own name (the same in every language).
    pub fn name(self) -> &'static str {
        // i18n-exempt: product and format names
        match self {
            Format::Otio => "OpenTimelineIO",
            Format::Fcp7 => "Final Cut Pro 7 XML",
            Format::Fcpxml => "FCPXML",
            Format::Edl => "CMX 3600 EDL",
        }
    }
}

/// How a file is read.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Options {
    /// The frame rate of an EDL, which does not say its own (29.97 when its timecode is
    /// drop-frame, else 25 unless given).
    pub edl_rate: Option<FrameRate>,
    /// Whether an EDL's timecode is drop-frame (at 29.97 and 59.94), as the user said; else
    /// as the file says (`;` or `FCM: DROP FRAME`).
    pub edl_drop: Option<bool>,
}

/// Reads an edit from `bytes` in `format`, with its transitions settled
/// ([`sequence::settle_transitions`]).
pub fn read(bytes: &[u8], format: Format, options: &Options) -> Result<Sequence, ReadError> {
    let mut seq = match format {
        Format::Otio => {
            bounds::check_json(bytes)?;
            otio::read(bytes)?
        }
        Format::Fcp7 | Format::Fcpxml => xml::read(bytes)?,
        Format::Edl => edl::read(bytes, options.edl_rate, options.edl_drop)?,
    };
    sequence::settle_transitions(&mut seq);
    Ok(seq)
}

/// Reads an edit from a file: a regular file of at most [`bounds::MAX_BYTES`], by its
/// extension.
pub fn read_file(path: &Path, options: &Options) -> Result<Sequence, ReadError> {
    let shown = path.display().to_string();
    let format =
        Format::of_path(path).ok_or_else(|| ReadError::new(crate::t!("ix-unknown-format", file = shown.as_str())))?;
    let bytes = crate::store::input::read_bounded(path, bounds::MAX_BYTES)
        .map_err(|e| ReadError::new(crate::t!("ix-cannot-read", file = shown.as_str(), error = e)))?;
    read(&bytes, format, options)
        .map_err(|e| ReadError::new(crate::t!("ix-in-file", file = shown, error = e.to_string())))
}

/// The last part of a path (`/media/a.mov` -> `a.mov`, either slash).
pub fn file_name(path: &str) -> &str {
    let p = path.trim_end_matches(['/', '\\']);
    p.rsplit(['/', '\\']).next().unwrap_or(p)
}

/// A path from a URL the file names: `file://` URLs become the local path they name
/// (percent-escapes decoded, `localhost` dropped); other URLs and plain paths stay as written.
pub fn url_to_path(url: &str) -> String {
    let url = url.trim();
    let Some(rest) = url.strip_prefix("file://").or_else(|| url.strip_prefix("FILE://")) else {
        return url.to_owned();
    };
    let rest = rest.strip_prefix("localhost").unwrap_or(rest);
    let decoded = percent_decode(rest);
    // file:///C:/media/a.mov names C:/media/a.mov.
    let b = decoded.as_bytes();
    if b.len() > 3 && b[0] == b'/' && b[1].is_ascii_alphabetic() && b[2] == b':' {
        return decoded[1..].to_owned();
    }
    decoded
}

fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%'
            && i + 2 < b.len()
            && let (Some(h), Some(l)) = ((b[i + 1] as char).to_digit(16), (b[i + 2] as char).to_digit(16))
        {
            out.push((h * 16 + l) as u8);
            i += 3;
            continue;
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8(out).unwrap_or_else(|_| s.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_urls_become_paths() {
        assert_eq!(url_to_path("file:///media/title%20card.mov"), "/media/title card.mov");
        assert_eq!(url_to_path("file://localhost/Volumes/A/b.mov"), "/Volumes/A/b.mov");
        assert_eq!(url_to_path("file:///C:/media/a.mov"), "C:/media/a.mov");
        assert_eq!(url_to_path("https://x.test/a.mov"), "https://x.test/a.mov");
        assert_eq!(url_to_path("/plain/path.mov"), "/plain/path.mov");
        assert_eq!(url_to_path("file:///bad%ZZ%"), "/bad%ZZ%");
        assert_eq!(url_to_path("file:///%E4%B8%AD.mov"), "/中.mov");
    }

    #[test]
    fn formats_by_extension() {
        assert_eq!(Format::of_path(Path::new("a.OTIO")), Some(Format::Otio));
        assert_eq!(Format::of_path(Path::new("cut.fcpxml")), Some(Format::Fcpxml));
        assert_eq!(Format::of_path(Path::new("cut.edl")), Some(Format::Edl));
        assert_eq!(Format::of_path(Path::new("cut.json")), None);
    }
}
