//! CMX 3600 EDL: events (`001  REEL  V  C  src-in src-out rec-in rec-out`), dissolves (`D 024`)
//! and wipes, the comments Avid, Premiere and OTIO write (`* FROM CLIP NAME:`, `* FROM CLIP:`
//! or `* FROM FILE:` for the source, `* LOC:` markers, `M2` speed changes), `FCM:` drop-frame.
//!
//! An EDL does not state its frame rate: drop-frame timecode (`;` or `FCM: DROP FRAME`) is
//! 29.97, anything else is read at the rate given (`--fps`), else 25, and the report says so.
//! Record times count from the hour the first event starts in (`01:00:00:00` sequences start
//! at 0). Source timecode is taken as time from the source's start.

use super::sequence::{Loss, Place, SeqClip, SeqMarker, SeqTrack, SeqTransition, Sequence, Source, SourceKind};
use super::time::{Rat, timecode_frames};
use super::{ReadError, url_to_path};
use crate::model::TrackKind;
use crate::model::time::FrameRate;

/// One line of an event (a dissolve has two: from, and to).
#[derive(Debug, Default)]
struct Line {
    reel: String,
    channels: String,
    /// `C`, `D`, `W012`, `K`.
    how: String,
    /// Frames of a dissolve or wipe.
    length: i64,
    times: [i64; 4],
    clip_name: Option<String>,
    file: Option<String>,
    /// (timecode frames, label)
    markers: Vec<(i64, String)>,
    /// Frames a second of an `M2` speed change.
    speed: Option<f64>,
    effects: Vec<String>,
    edit: String,
}

/// Whether the EDL counts drop-frame timecode (`FCM: DROP FRAME`, or `;` in its events).
pub fn says_drop_frame(bytes: &[u8]) -> bool {
    let text = String::from_utf8_lossy(bytes);
    text.lines().any(|l| l.trim_start().starts_with("FCM:") && l.contains("DROP FRAME") && !l.contains("NON-DROP"))
        || text.lines().any(|l| is_event(l) && l.contains(';'))
}

/// `drop`: drop-frame or not, as the user said (else as the file says).
pub(super) fn read(bytes: &[u8], rate: Option<FrameRate>, drop: Option<bool>) -> Result<Sequence, ReadError> {
    let text = String::from_utf8_lossy(bytes);
    let drop_frame = drop.unwrap_or_else(|| says_drop_frame(bytes));
    let mut seq = Sequence::default();
    let rate = match rate {
        Some(r) => r,
        None if drop_frame => FrameRate { num: 30_000, den: 1001 },
        None => {
            seq.note(Place::file(), Loss::RateAssumed(FrameRate::FPS_25));
            FrameRate::FPS_25
        }
    };
    seq.rate = Rat::new(rate.num.into(), rate.den.into());
    let base = rate.timecode_base();
    let drop = drop_frame && rate.is_drop_frame();
    let lines = parse(&text, base, drop)?;
    // The hour the first event starts in (drop-frame hours hold the same frames each).
    let hour = timecode_frames("01:00:00:00", base, drop).unwrap_or(base * 3600).max(1);
    let origin = lines.iter().map(|l| l.times[2]).min().map_or(0, |f| f - f % hour);
    let mut tracks: Vec<SeqTrack> = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        let secs =
            |f: i64| Rat::frames(f, rate).ok_or_else(|| ReadError::new(crate::t!("ix-too-long", what = "timecode")));
        let (src_in, src_out, rec_in, rec_out) = (l.times[0], l.times[1], l.times[2] - origin, l.times[3] - origin);
        for kind in kinds(&l.channels) {
            let name = track_name(kind, &l.channels);
            let at = match tracks.iter().position(|t| t.name == name) {
                Some(i) => i,
                None => {
                    tracks.push(SeqTrack::new(kind, name));
                    tracks.len() - 1
                }
            };
            let track = &mut tracks[at];
            // A dissolve's first line is the clip it comes from: black (`BL`) means a fade
            // from black, which VOD's transitions (between two clips) cannot be.
            let from_black = i > 0 && lines[i - 1].edit == l.edit && is_black(&lines[i - 1].reel);
            if (l.how.starts_with('D') || l.how.starts_with('W')) && from_black {
                seq.note(Place::at(&track.name, secs(rec_in)?), Loss::TransitionAlone);
            } else if l.how.starts_with('D') || l.how.starts_with('W') {
                let dissolve = l.how.starts_with('D');
                let name = if dissolve { "Dissolve".to_owned() } else { format!("Wipe {}", &l.how[1..]) }; // i18n-exempt: EDL's own names
                track.transitions.push(SeqTransition {
                    cut: secs(rec_in)?,
                    before: Rat::ZERO,
                    after: secs(l.length)?,
                    name,
                    dissolve,
                });
            } else if l.how.starts_with('K') {
                seq.note(Place::at(&track.name, secs(rec_in)?), Loss::Unread("K".into())); // i18n-exempt: EDL's key edit
            }
            if rec_out <= rec_in || is_black(&l.reel) {
                continue;
            }
            let clip_name = l.clip_name.clone().unwrap_or_else(|| l.reel.clone());
            let place = Place::clip(&track.name, secs(rec_in)?, &clip_name);
            if let Some(fps) = l.speed {
                seq.notes.push(super::Note {
                    place: place.clone(),
                    what: Loss::Speed(format!("{}", (fps / rate.fps() * 1000.0).round() / 10.0)),
                });
            }
            for e in &l.effects {
                seq.notes.push(super::Note { place: place.clone(), what: Loss::Effect(e.clone()) });
            }
            let path = l.file.as_deref().map(url_to_path);
            let kind_of = SourceKind::of_name(path.as_deref().unwrap_or(&clip_name));
            let source =
                seq.source(Source { name: clip_name.clone(), path, kind: kind_of, duration: None, media_id: None });
            for (tc, label) in &l.markers {
                // OTIO and Avid write a LOC in the source's timecode; some tools the record's.
                let at = if (src_in..=src_out).contains(tc) { rec_in + (tc - src_in) } else { tc - origin };
                seq.markers.push(SeqMarker { at: secs(at)?, label: label.clone() });
            }
            track.clips.push(SeqClip {
                source,
                name: clip_name,
                start: secs(rec_in)?,
                duration: secs(rec_out - rec_in)?,
                source_in: secs(src_in)?,
                transition: None,
            });
        }
    }
    // Video tracks first, as the file lists them.
    tracks.sort_by_key(|t| t.kind == TrackKind::Audio);
    seq.tracks = tracks;
    Ok(seq)
}

/// The reel names EDLs use for black.
fn is_black(reel: &str) -> bool {
    reel.eq_ignore_ascii_case("BL") || reel.eq_ignore_ascii_case("BLK")
}

/// `001  REEL  V  C ...`: a line that starts with an edit number.
fn is_event(l: &str) -> bool {
    l.split_whitespace().next().is_some_and(|w| w.len() >= 3 && w.bytes().all(|b| b.is_ascii_digit()))
}

fn kinds(channels: &str) -> Vec<TrackKind> {
    let c = channels.to_ascii_uppercase();
    let video = c.contains('V') || c == "B";
    let audio = c.contains('A') || c == "B";
    // A video event's sound plays with it; an audio-only event gets an audio track.
    if video {
        vec![TrackKind::Video]
    } else if audio {
        vec![TrackKind::Audio]
    } else {
        vec![]
    }
}

fn track_name(kind: TrackKind, channels: &str) -> String {
    if kind == TrackKind::Video {
        return "V1".into(); // i18n-exempt: a track name
    }
    let n: String = channels.chars().filter(char::is_ascii_digit).collect();
    format!("A{}", if n.is_empty() { "1" } else { &n })
}

fn parse(text: &str, base: i64, drop: bool) -> Result<Vec<Line>, ReadError> {
    let mut lines: Vec<Line> = Vec::new();
    // The line comments apply to: an event's first line, until a `TO` comment (a dissolve's
    // second line, the clip it dissolves to) starts the comments of its last one.
    let mut target = 0;
    for (n, raw) in text.lines().enumerate() {
        let l = raw.trim();
        if is_event(l) {
            let w: Vec<&str> = l.split_whitespace().collect();
            if lines.last().is_none_or(|p: &Line| w[0] != p.edit) {
                target = lines.len();
            }
            lines.push(event(&w, base, drop, n + 1)?);
            continue;
        }
        if lines.is_empty() {
            continue;
        }
        if let Some(rest) = l.strip_prefix('*') {
            let rest = rest.trim();
            let (key, value) = rest.split_once(':').map_or((rest, ""), |(k, v)| (k.trim(), v.trim()));
            if key.starts_with("TO ") {
                target = lines.len() - 1;
            }
            let key = key.trim_start_matches("FROM ").trim_start_matches("TO ");
            let line = &mut lines[target];
            match key {
                "CLIP NAME" => line.clip_name = Some(value.to_owned()),
                "CLIP" | "FILE" | "SOURCE FILE" => line.file = Some(value.to_owned()),
                "LOC" => {
                    let tc = value.split_whitespace().next().unwrap_or("");
                    let rest = value[tc.len()..].trim();
                    // After the timecode comes a colour word (usually), then the text.
                    let label = match rest.split_once(char::is_whitespace) {
                        Some((c, t)) if is_colour(c) => t.trim(),
                        None if is_colour(rest) => "",
                        _ => rest,
                    };
                    if let Some(f) = timecode_frames(tc, base, drop) {
                        line.markers.push((f, label.to_owned()));
                    }
                }
                k if k.starts_with("ASC_") => line.effects.push("ASC CDL".into()), // i18n-exempt: a format's name
                _ => {}
            }
        } else if let Some(rest) = l.strip_prefix("M2") {
            // M2  REEL  fps  timecode: the event's last line plays at that many frames a second.
            let w: Vec<&str> = rest.split_whitespace().collect();
            if let Some(fps) = w.iter().rev().nth(1).and_then(|v| v.parse::<f64>().ok()) {
                let last = lines.len() - 1;
                lines[last].speed = Some(fps);
            }
        }
    }
    Ok(lines)
}

/// Avid's marker colours.
fn is_colour(word: &str) -> bool {
    const COLOURS: [&str; 11] =
        ["RED", "GREEN", "BLUE", "CYAN", "MAGENTA", "YELLOW", "BLACK", "WHITE", "PINK", "PURPLE", "ORANGE"];
    COLOURS.iter().any(|c| c.eq_ignore_ascii_case(word))
}

fn event(w: &[&str], base: i64, drop: bool, line: usize) -> Result<Line, ReadError> {
    let bad = || ReadError::new(crate::t!("ix-edl-bad-event", line = line));
    // Edit, reel, channels, transition, [length], four timecodes.
    if w.len() < 8 {
        return Err(bad());
    }
    let how = w[3].to_ascii_uppercase();
    let with_length = (how.starts_with('D') || how.starts_with('W')) && w.len() >= 9;
    let length = if with_length { w[4].parse::<i64>().map_err(|_| bad())? } else { 0 };
    let tcs = &w[w.len() - 4..];
    let mut times = [0i64; 4];
    for (i, tc) in tcs.iter().enumerate() {
        times[i] = timecode_frames(tc, base, drop)
            .ok_or_else(|| ReadError::new(crate::t!("ix-edl-bad-timecode", text = *tc, line = line, base = base)))?;
    }
    if times[1] < times[0] || times[3] < times[2] {
        return Err(ReadError::new(crate::t!("ix-edl-backwards", line = line)));
    }
    Ok(Line {
        edit: w[0].to_owned(),
        reel: w[1].to_owned(),
        channels: w[2].to_owned(),
        how,
        length,
        times,
        ..Line::default()
    })
}

#[cfg(test)]
mod tests {
    use super::super::{Format, Options, read as read_any};
    use super::*;

    const EDL: &str = "TITLE: cut\nFCM: NON-DROP FRAME\n\n\
001  AX       V     C        00:00:10:00 00:00:14:00 01:00:00:00 01:00:04:00\n\
* FROM CLIP NAME:  a.mov\n\
* LOC: 01:00:02:00 RED     RECORD TIME\n\
002  AX       AA    C        00:00:00:00 00:00:08:00 01:00:00:00 01:00:08:00\n\
* FROM CLIP NAME:  music.wav\n\
003  AX       V     C        00:00:20:00 00:00:22:00 01:00:05:00 01:00:07:00\n\
M2   AX       050.0                00:00:20:00\n\
* FROM CLIP NAME:  slow.mov\n\
004  BL       V     C        00:00:00:00 00:00:00:00 01:00:07:00 01:00:07:00\n\
004  AX       V     W001 010 00:00:30:00 00:00:32:00 01:00:07:00 01:00:09:00\n\
* TO CLIP NAME:  wiped.mov\n";

    #[test]
    fn events_audio_speed_and_wipes_from_black() {
        let seq =
            read_any(EDL.as_bytes(), Format::Edl, &Options { edl_rate: Some(FrameRate::FPS_25), ..Default::default() })
                .unwrap();
        let names: Vec<_> = seq.tracks.iter().map(|t| (t.name.as_str(), t.clips.len())).collect();
        assert_eq!(names, [("V1", 3), ("A1", 1)]);
        let v = &seq.tracks[0].clips;
        assert_eq!((v[0].start, v[0].source_in, v[0].duration), (Rat::ZERO, Rat::secs(10), Rat::secs(4)));
        assert_eq!(v[1].start, Rat::secs(5), "a gap of a second is kept");
        assert_eq!(seq.sources[v[2].source].name, "wiped.mov");
        assert_eq!(seq.markers, vec![SeqMarker { at: Rat::secs(2), label: "RECORD TIME".into() }]);
        let what: Vec<_> = seq.notes.iter().map(|n| n.what.clone()).collect();
        assert_eq!(what, vec![Loss::Speed("200".into()), Loss::TransitionAlone]);
    }

    #[test]
    fn the_users_drop_frame_choice_wins_over_the_files() {
        // `;` says drop-frame; read as non-drop, 00:01:00;02 is two frames later than as drop.
        let text = "001  AX  V  C  00:00:00:00 00:01:00;02 01:00:00:00 01:01:00;02\n* FROM CLIP NAME: a.mov\n";
        let at = |drop| {
            let rate = FrameRate { num: 30_000, den: 1001 };
            let seq = read(text.as_bytes(), Some(rate), drop).unwrap();
            seq.tracks[0].clips[0].duration.whole_frames(rate).unwrap()
        };
        assert_eq!(at(None), 1800, "as the file says: drop-frame");
        assert_eq!(at(Some(true)), 1800);
        assert_eq!(at(Some(false)), 1802);
    }

    #[test]
    fn without_a_rate_25_is_assumed_and_drop_frame_is_29_97() {
        let seq = read_any(EDL.as_bytes(), Format::Edl, &Options::default()).unwrap();
        assert_eq!(seq.notes[0].what, Loss::RateAssumed(FrameRate::FPS_25));
        let df = "001  AX  V  C  00:00:00;00 00:01:00;02 00:00:00;00 00:01:00;02\n";
        let seq = read_any(df.as_bytes(), Format::Edl, &Options::default()).unwrap();
        assert_eq!(seq.rate, Rat::new(30_000, 1001));
        assert_eq!(seq.tracks[0].clips[0].duration, Rat::frames(1800, FrameRate { num: 30_000, den: 1001 }).unwrap());
    }

    #[test]
    fn bad_lines_are_named() {
        let e = read_any(
            b"001  AX  V  C  00:00:00:00 00:00:01:40 00:00:00:00 00:00:01:00\n",
            Format::Edl,
            &Options::default(),
        );
        let e = e.unwrap_err().to_string();
        assert!(e.contains("00:00:01:40") && e.contains('1'), "{e}");
        let e = read_any(
            b"x\n002  AX  V  C  00:00:02:00 00:00:01:00 00:00:00:00 00:00:01:00\n",
            Format::Edl,
            &Options::default(),
        );
        assert!(e.unwrap_err().to_string().contains('2'));
        assert!(read_any(b"001 AX V\n", Format::Edl, &Options::default()).is_err());
    }
}
