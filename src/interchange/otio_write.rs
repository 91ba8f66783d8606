//! A project as OpenTimelineIO JSON (`.otio`), for other editors: video and audio tracks
//! (image overlays as video tracks above), clips with their source ranges, the gaps between
//! them, Transition effects as OTIO Transitions, and the markers. Every clip names its media
//! (the bin's title, the file it was imported from when known) and carries its MediaId in
//! `metadata.vodcut`, so `vodcut import` brings it back to the same media.
//!
//! Times are frames at the project's frame rate: a time on a frame boundary is that whole
//! frame; any other (an API Timeline made elsewhere) is written as the exact fraction of a
//! frame it is. Nothing is silently left out: the notes list subtitles, overlay positions,
//! effects and anything else OTIO cannot hold.

use super::build::DISSOLVE_SUBTYPE;
use super::otio::METADATA_KEY;
use crate::model::project::{PROVISIONAL_LENGTH, Placement, TrackKind, layout_track};
use crate::model::time::{FrameRate, TICKS_PER_SECOND, Time};
use crate::model::wire::{Clip, Effect, EffectKind};
use crate::model::{Project, Track};
use crate::t;
use serde_json::{Value, json};

/// The bin entry field that remembers the file a source was imported from (never sent to
/// the API: the bin is the editor's).
pub const SOURCE_FILE_FIELD: &str = "SourceFile";

/// The `.otio` text of `project`, and what it could not carry (in the current language).
pub fn write(project: &Project) -> (String, Vec<String>) {
    let rate = project.frame_rate;
    let durations = project.media_durations();
    let mut notes = Vec::new();
    let mut tracks = Vec::new();
    let clock = |t: Time| rate.frame_label(rate.frame_at(t));
    for kind in [TrackKind::Video, TrackKind::Image, TrackKind::Audio, TrackKind::Subtitle] {
        for track in project.tracks.iter().filter(|t| t.kind == kind) {
            if kind == TrackKind::Subtitle {
                if !track.clips.is_empty() {
                    notes.push(t!("ix-export-subtitles", track = track.name.as_str(), clips = track.clips.len()));
                }
                continue;
            }
            let places = layout_track(track, &durations);
            for (lane_no, lane) in lanes(&places).into_iter().enumerate() {
                let name = if lane_no == 0 { track.name.clone() } else { format!("{}.{}", track.name, lane_no + 1) };
                if lane_no == 1 {
                    notes.push(t!("ix-export-overlap", track = track.name.as_str()));
                }
                tracks.push(otio_track(project, track, &name, &places, &lane, &mut notes));
            }
            if kind == TrackKind::Image
                && track.clips.iter().any(|c| c.area.x.is_some() || c.area.y.is_some() || c.area.width.is_some())
            {
                notes.push(t!("ix-export-overlay-position", track = track.name.as_str()));
            }
            for (c, p) in track.clips.iter().zip(&places) {
                let at = clock(p.start);
                if !p.length_known {
                    notes.push(t!("ix-export-length-unknown", track = track.name.as_str(), at = at.as_str()));
                }
                if c.material_id().is_none_or(str::is_empty) {
                    notes.push(match c.source_file() {
                        Some(file) => {
                            t!("ix-export-file-only", track = track.name.as_str(), at = at.as_str(), file = file)
                        }
                        None => t!("ix-export-no-media", track = track.name.as_str(), at = at.as_str()),
                    });
                }
                for e in &c.effects {
                    if e.kind() != Some(EffectKind::Transition) {
                        notes.push(t!(
                            "ix-export-effect",
                            track = track.name.as_str(),
                            at = at.as_str(),
                            effect = e.type_name()
                        ));
                    }
                }
            }
        }
    }
    let markers: Vec<Value> = project.markers.iter().map(|m| marker(rate, m.time, &m.label)).collect();
    let timeline = json!({
        "OTIO_SCHEMA": "Timeline.1",
        "metadata": {METADATA_KEY: {"FrameRate": rate.label()}},
        "name": project.title,
        "global_start_time": null,
        "tracks": {
            "OTIO_SCHEMA": "Stack.1", "metadata": {}, "name": "tracks", "source_range": null,
            "effects": [], "markers": markers, "enabled": true, "children": tracks,
        },
    });
    (serde_json::to_string_pretty(&timeline).unwrap_or_default() + "\n", notes)
}

/// The clips of a track in lanes that do not overlap (one lane unless clips overlap).
fn lanes(places: &[Placement]) -> Vec<Vec<usize>> {
    let mut order: Vec<usize> = (0..places.len()).collect();
    order.sort_by_key(|&i| places[i].start);
    let mut lanes: Vec<(Time, Vec<usize>)> = Vec::new();
    for i in order {
        match lanes.iter_mut().find(|(end, _)| *end <= places[i].start) {
            Some((end, l)) => {
                *end = places[i].end;
                l.push(i);
            }
            None => lanes.push((places[i].end, vec![i])),
        }
    }
    if lanes.is_empty() {
        lanes.push((Time::ZERO, Vec::new()));
    }
    lanes.into_iter().map(|(_, l)| l).collect()
}

/// A time as OTIO's `RationalTime`: whole frames when on a frame boundary.
fn rt(rate: FrameRate, t: Time) -> Value {
    let n = rate.nearest_frame(t);
    let value = if rate.frame_start(n) == t {
        n as f64
    } else {
        t.0 as f64 * f64::from(rate.num) / (f64::from(rate.den) * TICKS_PER_SECOND as f64)
    };
    json!({"OTIO_SCHEMA": "RationalTime.1", "rate": rate.fps(), "value": value})
}

fn range(rate: FrameRate, start: Time, duration: Time) -> Value {
    json!({"OTIO_SCHEMA": "TimeRange.1", "duration": rt(rate, duration), "start_time": rt(rate, start)})
}

fn marker(rate: FrameRate, at: Time, label: &str) -> Value {
    json!({"OTIO_SCHEMA": "Marker.2", "metadata": {}, "name": label, "color": "RED", "comment": "",
        "marked_range": range(rate, at, Time::ZERO)})
}

fn gap(rate: FrameRate, length: Time) -> Value {
    json!({"OTIO_SCHEMA": "Gap.1", "metadata": {}, "name": "", "source_range": range(rate, Time::ZERO, length),
        "effects": [], "markers": [], "enabled": true})
}

fn otio_track(
    project: &Project,
    track: &Track,
    name: &str,
    places: &[Placement],
    lane: &[usize],
    notes: &mut Vec<String>,
) -> Value {
    let rate = project.frame_rate;
    let kind = if track.kind == TrackKind::Audio { "Audio" } else { "Video" };
    let mut children = Vec::new();
    let mut cursor = Time::ZERO;
    for (k, &i) in lane.iter().enumerate() {
        let (clip, place) = (&track.clips[i], places[i]);
        if place.start > cursor {
            children.push(gap(rate, place.start - cursor));
        }
        let length = if place.length_known { place.end - place.start } else { PROVISIONAL_LENGTH };
        children.push(otio_clip(project, clip, length));
        cursor = place.start + length;
        if let Some((d, sub_type)) = transition_of(clip) {
            let next_touches = lane.get(k + 1).is_some_and(|&j| places[j].start == cursor);
            let at = rate.frame_label(rate.frame_at(place.start));
            if sub_type.as_deref().is_some_and(|s| s != DISSOLVE_SUBTYPE) {
                let kind = sub_type.unwrap_or_default();
                notes.push(t!("ix-export-transition-kind", track = track.name.as_str(), at = at.as_str(), kind = kind));
            }
            if next_touches {
                children.push(json!({"OTIO_SCHEMA": "Transition.1", "metadata": {}, "name": "",
                    "transition_type": "SMPTE_Dissolve", "in_offset": rt(rate, Time::ZERO), "out_offset": rt(rate, d)}));
            } else {
                notes.push(t!("ix-export-transition-alone", track = track.name.as_str(), at = at.as_str()));
            }
        }
    }
    json!({"OTIO_SCHEMA": "Track.1", "metadata": {}, "name": name, "source_range": null, "effects": [], "markers": [],
        "enabled": !track.hidden, "kind": kind, "children": children})
}

/// A Transition effect's length (VOD's default, one second, when it names none) and SubType.
fn transition_of(clip: &Clip) -> Option<(Time, Option<String>)> {
    clip.effects.iter().find_map(|e| match e {
        Effect::Known(k) if k.r#type == EffectKind::Transition.wire_name() => {
            Some((k.duration.unwrap_or(Time::from_secs(1)), k.sub_type.clone()))
        }
        _ => None,
    })
}

fn otio_clip(project: &Project, clip: &Clip, length: Time) -> Value {
    let rate = project.frame_rate;
    let id = clip.material_id().unwrap_or("");
    let entry = project.bin.iter().find(|b| b.media_id == id);
    // A clip imported without media names its file (kept on the clip), and no MediaId.
    let waiting = clip.source_file().filter(|_| id.is_empty());
    let title = match &waiting {
        Some(file) => super::file_name(file).to_owned(),
        None => entry.map(|b| b.title.clone()).filter(|t| !t.is_empty()).unwrap_or_else(|| id.to_owned()),
    };
    let source_file = waiting.clone().or_else(|| entry.and_then(|b| b.other_fields.get_str(SOURCE_FILE_FIELD)));
    let meta = if waiting.is_some() { json!({}) } else { json!({METADATA_KEY: {"MediaId": id}}) };
    let available = entry.and_then(|b| b.duration).map_or(Value::Null, |d| range(rate, Time::ZERO, d));
    let reference = match source_file {
        Some(path) => json!({"OTIO_SCHEMA": "ExternalReference.1", "metadata": meta, "name": title,
            "available_range": available, "target_url": file_url(&path)}),
        None => {
            json!({"OTIO_SCHEMA": "MissingReference.1", "metadata": meta, "name": title, "available_range": available})
        }
    };
    let source_in = if clip.r#type.as_deref() == Some("Image") { Time::ZERO } else { clip.r#in.unwrap_or(Time::ZERO) };
    json!({
        "OTIO_SCHEMA": "Clip.2", "metadata": meta, "name": title,
        "source_range": range(rate, source_in, length),
        "effects": [], "markers": [], "enabled": true,
        "media_references": {"DEFAULT_MEDIA": reference},
        "active_media_reference_key": "DEFAULT_MEDIA",
    })
}

/// A local path as a `file://` URL (other URLs stay as they are).
fn file_url(path: &str) -> String {
    if path.contains("://") {
        return path.to_owned();
    }
    let mut out = String::from("file://");
    if !path.starts_with('/') {
        out.push('/');
    }
    for b in path.replace('\\', "/").bytes() {
        if b.is_ascii_alphanumeric() || b"/-_.~:".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_become_file_urls_and_back() {
        for p in ["/media/title card.mov", "/m/中.mov", "C:/media/a.mov"] {
            assert_eq!(super::super::url_to_path(&file_url(p)), p);
        }
        assert_eq!(file_url("https://x.test/a.mov"), "https://x.test/a.mov");
    }

    #[test]
    fn overlapping_clips_take_a_second_lane() {
        let p = |s: i64, e: i64| Placement {
            start: Time::from_secs(s),
            end: Time::from_secs(e),
            start_known: true,
            length_known: true,
        };
        assert_eq!(lanes(&[p(0, 5), p(3, 8), p(5, 9)]), vec![vec![0, 2], vec![1]]);
        assert_eq!(lanes(&[]), vec![Vec::<usize>::new()]);
    }

    #[test]
    fn off_frame_times_are_exact_fractions_of_a_frame() {
        let r = FrameRate::FPS_25;
        assert_eq!(rt(r, Time(400))["value"], 1.0);
        assert_eq!(rt(r, Time(500))["value"], 1.25);
        let ntsc = FrameRate { num: 30_000, den: 1001 };
        assert_eq!(rt(ntsc, ntsc.frame_start(107_892))["value"], 107_892.0);
    }
}
