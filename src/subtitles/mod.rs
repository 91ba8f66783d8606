//! Subtitle files in and out (.srt, .vtt, .ass in; .srt out), for both faces: the command line
//! (`vodcut subtitles import|export`) and the editor (File menu, a file dropped on a subtitle
//! track). Reading gives cues; an import is one [`Edit`] (one undo step in the editor, applied
//! and saved by the command); nothing is changed when any cue is wrong.

mod decode;
mod parse;

pub use decode::decode;
pub use parse::parse;

use crate::edit::Edit;
use crate::edit::ops::ClipRef;
use crate::model::project::{Project, Track, TrackKind, layout_track};
use crate::model::wire::{Clip, Effect, FontFace, KnownEffect, Num};
use crate::model::{FrameRate, Time};
use std::path::Path;

/// The most a subtitle file may hold: a feature film's .srt is about 100 KB.
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// The formats read, by file name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Srt,
    Vtt,
    Ass,
}

impl Format {
    /// From the file's extension (`.srt`, `.vtt`, `.ass` or `.ssa`, any case).
    pub fn of(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "srt" => Some(Format::Srt),
            "vtt" => Some(Format::Vtt),
            "ass" | "ssa" => Some(Format::Ass),
            _ => None,
        }
    }
}

/// The style an .ass file gives a cue, as far as VOD has the same field.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Style {
    pub font: Option<String>,
    pub size: Option<i64>,
    /// `#RRGGBB`.
    pub colour: Option<String>,
    /// 0..1, when not opaque.
    pub opacity: Option<f64>,
    pub bold: Option<bool>,
    pub italic: Option<bool>,
    pub underline: Option<bool>,
    /// One of VOD's nine alignments.
    pub alignment: Option<String>,
}

/// One subtitle: its times in the file, its text, and the line of the file it starts on.
#[derive(Clone, Debug, PartialEq)]
pub struct Cue {
    pub line: usize,
    pub start: Time,
    pub end: Time,
    pub text: String,
    pub style: Option<Style>,
}

impl Cue {
    fn checked(line: usize, start: Time, end: Time, text: String, style: Option<Style>) -> Result<Cue, SubError> {
        if end <= start {
            return Err(SubError::EndBeforeStart { line });
        }
        if text.trim().is_empty() {
            return Err(SubError::Empty { line });
        }
        Ok(Cue { line, start, end, text, style })
    }
}

/// What is wrong with a subtitle file or an import, with the line where it is.
#[derive(Clone, Debug, PartialEq)]
pub enum SubError {
    UnknownFormat,
    UnknownEncoding(String),
    BadBytes {
        encoding: &'static str,
        line: usize,
    },
    NotVtt,
    NoTiming {
        line: usize,
    },
    BadTime {
        line: usize,
    },
    EndBeforeStart {
        line: usize,
    },
    Empty {
        line: usize,
    },
    /// `line` starts before the cue at `other` ends.
    Overlap {
        line: usize,
        other: usize,
    },
    /// An .ass Dialogue before its section's Format line.
    NoFormat {
        line: usize,
    },
    NoCues,
    /// Cues that, on frames of the project's rate, would last no frame.
    TooShort {
        line: usize,
    },
    NoTrack(String),
    NotSubtitleTrack(String),
    Locked(String),
    /// The import would put a cue where a subtitle already is (its time, the track).
    Occupied {
        at: Time,
        track: String,
    },
    /// `--as-text-effects`: no video clip plays when the cue starts.
    NoVideoAt {
        line: usize,
        at: Time,
    },
    NothingToExport,
    Read(String),
}

impl SubError {
    /// The sentence, in the user's language, with the file's name where the error is in it.
    pub fn describe(&self, file: &Path, rate: FrameRate) -> String {
        use crate::t;
        let file = file.display().to_string();
        let clock = crate::i18n::Clock::of(rate);
        match self {
            SubError::UnknownFormat => t!("subtitles-unknown-format", file = file),
            SubError::UnknownEncoding(e) => t!("subtitles-unknown-encoding", encoding = e.as_str()),
            SubError::BadBytes { encoding, line } => {
                t!("subtitles-bad-bytes", file = file, line = *line, encoding = *encoding)
            }
            SubError::NotVtt => t!("subtitles-not-vtt", file = file),
            SubError::NoTiming { line } => t!("subtitles-no-timing", file = file, line = *line),
            SubError::BadTime { line } => t!("subtitles-bad-time", file = file, line = *line),
            SubError::EndBeforeStart { line } => t!("subtitles-end-before-start", file = file, line = *line),
            SubError::Empty { line } => t!("subtitles-empty", file = file, line = *line),
            SubError::Overlap { line, other } => t!("subtitles-overlap", file = file, line = *line, other = *other),
            SubError::NoFormat { line } => t!("subtitles-no-format", file = file, line = *line),
            SubError::NoCues => t!("subtitles-no-cues", file = file),
            SubError::TooShort { line } => t!("subtitles-too-short", file = file, line = *line),
            SubError::NoTrack(name) => t!("subtitles-no-track", track = name.as_str()),
            SubError::NotSubtitleTrack(name) => t!("subtitles-not-subtitle-track", track = name.as_str()),
            SubError::Locked(name) => t!("subtitles-locked", track = name.as_str()),
            SubError::Occupied { at, track } => t!("subtitles-occupied", at = clock.time(*at), track = track.as_str()),
            SubError::NoVideoAt { line, at } => {
                t!("subtitles-no-video", file = file, line = *line, at = clock.time(*at))
            }
            SubError::NothingToExport => t!("subtitles-nothing-to-export"),
            SubError::Read(e) => t!("subtitles-cannot-read", file = file, error = e.as_str()),
        }
    }
}

/// Reads and checks a subtitle file (at most [`MAX_FILE_BYTES`]; a device or FIFO is refused
/// by the bounded reader).
pub fn read(path: &Path, encoding: Option<&str>) -> Result<Vec<Cue>, SubError> {
    let format = Format::of(path).ok_or(SubError::UnknownFormat)?;
    let bytes =
        crate::store::input::read_file_limited(path, MAX_FILE_BYTES).map_err(|e| SubError::Read(e.to_string()))?;
    let (text, _) = decode(&bytes, encoding)?;
    let cues = parse(&text, format)?;
    if cues.is_empty() {
        return Err(SubError::NoCues);
    }
    Ok(cues)
}

/// Where and how an import puts its cues.
#[derive(Clone, Debug, Default)]
pub struct ImportOptions {
    /// The subtitle track by name (`S1`); by default the first unlocked one, or a new one.
    pub track: Option<String>,
    /// As Text effects on the video clips playing at each cue (the documented way) instead of
    /// subtitle clips (whose support VOD has not confirmed).
    pub as_text_effects: bool,
    /// Added to every cue's time.
    pub offset: Time,
}

/// The edit that brings `cues` into `project` (one undo step), and the clips it makes or
/// changes, for the selection. Cue times are moved to the project's frames.
pub fn import_edit(project: &Project, cues: &[Cue], options: &ImportOptions) -> Result<(Edit, Vec<ClipRef>), SubError> {
    let fr = project.frame_rate;
    let mut placed = Vec::with_capacity(cues.len());
    for c in cues {
        let (start, end) = (fr.snap(c.start + options.offset), fr.snap(c.end + options.offset));
        if end <= start {
            return Err(SubError::TooShort { line: c.line });
        }
        placed.push((c, start, end));
    }
    if options.as_text_effects {
        return text_effects_edit(project, &placed);
    }
    let clips: Vec<Clip> = placed.iter().map(|(c, start, end)| subtitle_clip(c, *start, *end)).collect();
    match subtitle_track(project, options.track.as_deref())? {
        Some(t) => {
            // Subtitle tracks may hold overlapping clips, but a file imported twice, or onto
            // subtitles already there, would show two texts at once: refused, with the time.
            let track = &project.tracks[t];
            let existing = layout_track(track, &project.media_durations());
            if let Some((_, at, _)) =
                placed.iter().find(|(_, a, b)| existing.iter().any(|p| p.start < *b && *a < p.end))
            {
                return Err(SubError::Occupied { at: *at, track: track.name.clone() });
            }
            let change =
                crate::edit::ops::insert(project, t, clips).map_err(|_| SubError::Locked(track.name.clone()))?;
            Ok((change.edit, change.selection))
        }
        None => {
            let n = project.tracks.iter().filter(|t| t.kind == TrackKind::Subtitle).count() + 1;
            let mut track = Track::new(TrackKind::Subtitle, format!("S{n}"));
            let index = project.tracks.len();
            let selection = (0..clips.len()).map(|i| ClipRef { track: index, index: i }).collect();
            track.clips = clips;
            Ok((Edit::InsertTrack { index, track }, selection))
        }
    }
}

/// The subtitle track `name` names (checked), or the first unlocked one; None: make one.
fn subtitle_track(project: &Project, name: Option<&str>) -> Result<Option<usize>, SubError> {
    let Some(name) = name else {
        return Ok(project.tracks.iter().position(|t| t.kind == TrackKind::Subtitle && !t.locked));
    };
    let t = project.tracks.iter().position(|t| t.name == name).ok_or_else(|| SubError::NoTrack(name.to_owned()))?;
    let track = &project.tracks[t];
    if track.kind != TrackKind::Subtitle {
        return Err(SubError::NotSubtitleTrack(name.to_owned()));
    }
    if track.locked {
        return Err(SubError::Locked(name.to_owned()));
    }
    Ok(Some(t))
}

/// A subtitle clip as the editor makes one (ops::new_subtitle), with the cue's text, times
/// and style.
fn subtitle_clip(c: &Cue, start: Time, end: Time) -> Clip {
    let mut clip = crate::edit::ops::new_subtitle(start);
    clip.timeline_out = Some(end);
    clip.content = Some(c.text.clone());
    if let Some(s) = &c.style {
        let style = &mut *clip.style;
        style.font = s.font.clone().or(style.font.take());
        style.font_size = s.size.map(Num::int).or(style.font_size.take());
        style.font_color = s.colour.clone().or(style.font_color.take());
        style.font_color_opacity = s.opacity.and_then(Num::float).or(style.font_color_opacity.take());
        style.alignment = s.alignment.clone().or(style.alignment.take());
        style.font_face = face(s);
    }
    clip
}

fn face(s: &Style) -> Option<FontFace> {
    (s.bold.is_some() || s.italic.is_some() || s.underline.is_some()).then(|| FontFace {
        bold: s.bold,
        italic: s.italic,
        underline: s.underline,
        ..Default::default()
    })
}

/// `--as-text-effects`: each cue a Text effect (output times) on the clip of the first
/// visible video track playing when it starts.
fn text_effects_edit(project: &Project, placed: &[(&Cue, Time, Time)]) -> Result<(Edit, Vec<ClipRef>), SubError> {
    let durations = project.media_durations();
    let video = project.tracks.iter().position(|t| t.kind == TrackKind::Video && !t.hidden);
    let places = video.map(|t| layout_track(&project.tracks[t], &durations)).unwrap_or_default();
    let mut changed: Vec<(usize, Clip)> = Vec::new();
    for (c, start, end) in placed {
        let Some(i) = places.iter().position(|p| p.start <= *start && *start < p.end) else {
            return Err(SubError::NoVideoAt { line: c.line, at: *start });
        };
        let t = video.unwrap_or_default();
        if project.tracks[t].locked {
            return Err(SubError::Locked(project.tracks[t].name.clone()));
        }
        let slot = match changed.iter().position(|(ci, _)| *ci == i) {
            Some(k) => k,
            None => {
                changed.push((i, project.tracks[t].clips[i].clone()));
                changed.len() - 1
            }
        };
        let style = c.style.clone().unwrap_or_default();
        changed[slot].1.effects.push(Effect::Known(Box::new(KnownEffect {
            r#type: "Text".into(),
            content: Some(c.text.clone()),
            timeline_in: Some(*start),
            timeline_out: Some(*end),
            font: style.font.clone(),
            font_size: Some(Num::int(style.size.unwrap_or(36))),
            font_color: Some(style.colour.clone().unwrap_or_else(|| "#FFFFFF".into())),
            font_color_opacity: style.opacity.and_then(Num::float),
            font_face: face(&style),
            alignment: Some(style.alignment.clone().unwrap_or_else(|| "BottomCenter".into())),
            ..Default::default()
        })));
    }
    let t = video.unwrap_or_default();
    let selection = changed.iter().map(|(i, _)| ClipRef { track: t, index: *i }).collect();
    let edits = changed.into_iter().map(|(index, clip)| Edit::SetClip { track: t, index, clip: Box::new(clip) });
    Ok((Edit::Batch(edits.collect()), selection))
}

/// The subtitles of a track as .srt text (UTF-8): the track `name` names, or the first
/// subtitle track; cues in time order, numbered from 1.
pub fn export_srt(project: &Project, name: Option<&str>) -> Result<String, SubError> {
    let t = match name {
        Some(n) => {
            let t = project.tracks.iter().position(|t| t.name == n).ok_or_else(|| SubError::NoTrack(n.to_owned()))?;
            if project.tracks[t].kind != TrackKind::Subtitle {
                return Err(SubError::NotSubtitleTrack(n.to_owned()));
            }
            t
        }
        None => project.tracks.iter().position(|t| t.kind == TrackKind::Subtitle).ok_or(SubError::NothingToExport)?,
    };
    let track = &project.tracks[t];
    let places = layout_track(track, &project.media_durations());
    let mut cues: Vec<(Time, Time, &str)> = track
        .clips
        .iter()
        .zip(&places)
        .filter_map(|(c, p)| Some((p.start, p.end, c.content.as_deref().filter(|s| !s.trim().is_empty())?)))
        .collect();
    if cues.is_empty() {
        return Err(SubError::NothingToExport);
    }
    cues.sort_by_key(|c| (c.0, c.1));
    let mut out = String::new();
    for (n, (start, end, text)) in cues.iter().enumerate() {
        out.push_str(&format!("{}\n{} --> {}\n{}\n\n", n + 1, srt_time(*start), srt_time(*end), text.trim()));
    }
    Ok(out)
}

/// `HH:MM:SS,mmm`, to the nearest millisecond.
fn srt_time(t: Time) -> String {
    let ms = (t.ticks().max(0) + 5) / 10;
    let (h, m, s, ms) = (ms / 3_600_000, ms / 60_000 % 60, ms / 1000 % 60, ms % 1000);
    format!("{h:02}:{m:02}:{s:02},{ms:03}")
}

#[cfg(test)]
mod tests;
