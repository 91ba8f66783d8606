//! OpenTimelineIO's JSON (`.otio`), read: a Timeline's Stack of Tracks, their Clips, Gaps,
//! Transitions and nested Stacks, markers on the timeline, tracks and clips.
//!
//! OTIO times are `RationalTime {value, rate}` with floats; each becomes an exact fraction
//! ([`super::time::rate_of`] knows 23.976 and 29.97 as n*1000/1001), and positions along a
//! track are sums of exact fractions, never of rounded ticks.

use super::sequence::{Loss, Place, SeqClip, SeqMarker, SeqTrack, SeqTransition, Sequence, Source, SourceKind, Window};
use super::time::{Rat, rate_of};
use super::{ReadError, url_to_path};
use crate::model::TrackKind;
use serde_json::Value;

/// The metadata key vodcut writes its own facts under (the MediaId of each clip).
pub const METADATA_KEY: &str = "vodcut";

pub fn read(bytes: &[u8]) -> Result<Sequence, ReadError> {
    let v: Value = serde_json::from_slice(bytes)
        .map_err(|e| ReadError::new(crate::t!("ix-otio-not-json", error = e.to_string())))?;
    let schema = schema_of(&v);
    let timeline = match schema.as_str() {
        "Timeline" => &v,
        "SerializableCollection" => {
            let timelines: Vec<&Value> = list(&v, "children").iter().filter(|c| schema_of(c) == "Timeline").collect();
            let first = *timelines.first().ok_or_else(|| ReadError::new(crate::t!("ix-otio-no-timeline")))?;
            if timelines.len() > 1 {
                // Said in the report below, through the notes.
                let mut seq = read_timeline(first)?;
                seq.note(Place::file(), Loss::OtherSequences(timelines.len() - 1));
                return Ok(seq);
            }
            first
        }
        _ => return Err(ReadError::new(crate::t!("ix-otio-no-timeline"))),
    };
    read_timeline(timeline)
}

/// `"Clip.2"` -> `"Clip"`.
fn schema_of(v: &Value) -> String {
    let s = v.get("OTIO_SCHEMA").and_then(Value::as_str).unwrap_or("");
    s.split('.').next().unwrap_or("").to_owned()
}

fn list<'a>(v: &'a Value, key: &str) -> &'a [Value] {
    v.get(key).and_then(Value::as_array).map(Vec::as_slice).unwrap_or(&[])
}

fn text(v: &Value, key: &str) -> String {
    v.get(key).and_then(Value::as_str).unwrap_or("").to_owned()
}

/// A `RationalTime` as exact seconds.
fn time(v: &Value, what: &str) -> Result<Rat, ReadError> {
    let value = v.get("value").and_then(Value::as_f64);
    let rate = v.get("rate").and_then(Value::as_f64).and_then(rate_of);
    match (value.and_then(Rat::from_f64), rate) {
        (Some(value), Some(rate)) => value.div(rate).ok_or_else(|| bad_time(what, v)),
        _ => Err(bad_time(what, v)),
    }
}

fn bad_time(what: &str, v: &Value) -> ReadError {
    let shown: String = v.to_string().chars().take(120).collect();
    ReadError::new(crate::t!("ix-otio-bad-time", what = what, value = shown))
}

/// A `TimeRange` as (start, duration).
fn range(v: &Value, what: &str) -> Result<Option<(Rat, Rat)>, ReadError> {
    match v {
        Value::Null => Ok(None),
        Value::Object(_) => {
            let start = v.get("start_time").map(|t| time(t, what)).transpose()?.unwrap_or(Rat::ZERO);
            let duration = time(v.get("duration").unwrap_or(&Value::Null), what)?;
            if duration.is_negative() {
                return Err(bad_time(what, v));
            }
            Ok(Some((start, duration)))
        }
        _ => Err(bad_time(what, v)),
    }
}

/// The rate the timeline is edited at: its first clip's, else its global start's.
fn first_rate(v: &Value) -> Option<Rat> {
    let rt = v.get("source_range").and_then(|r| r.get("duration")).filter(|_| schema_of(v) == "Clip");
    if let Some(rate) = rt.and_then(|t| t.get("rate")).and_then(Value::as_f64).and_then(rate_of) {
        return Some(rate);
    }
    list(v, "children").iter().chain(v.get("tracks")).find_map(first_rate)
}

fn read_timeline(tl: &Value) -> Result<Sequence, ReadError> {
    let mut seq = Sequence { name: text(tl, "name"), ..Default::default() };
    let stack = tl
        .get("tracks")
        .filter(|s| schema_of(s) == "Stack")
        .ok_or_else(|| ReadError::new(crate::t!("ix-otio-no-tracks")))?;
    seq.rate = first_rate(stack)
        .or_else(|| tl.get("global_start_time").and_then(|t| t.get("rate")).and_then(Value::as_f64).and_then(rate_of));
    for m in list(stack, "markers") {
        marker(&mut seq, m, Rat::ZERO, Rat::ZERO)?;
    }
    let (mut video, mut audio) = (0, 0);
    for t in list(stack, "children") {
        if schema_of(t) != "Track" {
            seq.note(Place::file(), Loss::Unread(schema_of(t)));
            continue;
        }
        let kind = if text(t, "kind") == "Audio" { TrackKind::Audio } else { TrackKind::Video };
        let n = if kind == TrackKind::Audio { &mut audio } else { &mut video };
        *n += 1;
        let mut name = text(t, "name");
        if name.trim().is_empty() {
            name = format!("{}{n}", kind.letter());
        }
        let mut track = SeqTrack::new(kind, name);
        track.enabled = t.get("enabled").and_then(Value::as_bool).unwrap_or(true);
        for m in list(t, "markers") {
            marker(&mut seq, m, Rat::ZERO, Rat::ZERO)?;
        }
        items(&mut seq, &mut track, list(t, "children"), Window::ALL, 0)?;
        seq.tracks.push(track);
    }
    Ok(seq)
}

fn add(a: Rat, b: Rat, what: &str) -> Result<Rat, ReadError> {
    a.add(b).ok_or_else(|| ReadError::new(crate::t!("ix-too-long", what = what)))
}

/// A track's children, in the track's own time, onto `track` through `window`. `depth` is how
/// deep in nested stacks (each reported once, at the top).
fn items(
    seq: &mut Sequence,
    track: &mut SeqTrack,
    children: &[Value],
    window: Window,
    depth: usize,
) -> Result<usize, ReadError> {
    let mut cursor = Rat::ZERO;
    let mut placed = 0;
    for child in children {
        let name = text(child, "name");
        match schema_of(child).as_str() {
            "Transition" => {
                let cut = window.map(cursor);
                let before = time(child.get("in_offset").unwrap_or(&Value::Null), "in_offset")?;
                let after = time(child.get("out_offset").unwrap_or(&Value::Null), "out_offset")?;
                let kind = text(child, "transition_type");
                let dissolve = kind == "SMPTE_Dissolve" || kind.is_empty();
                if window.clip(cursor.sub(before).unwrap_or(cursor), add(cursor, after, "out_offset")?).is_some() {
                    let name = if kind.is_empty() { name } else { kind };
                    track.transitions.push(SeqTransition { cut, before, after, name, dissolve });
                }
            }
            "Gap" => {
                let (_, d) = range(child.get("source_range").unwrap_or(&Value::Null), "Gap.source_range")?
                    .unwrap_or((Rat::ZERO, Rat::ZERO));
                cursor = add(cursor, d, "Gap")?;
            }
            "Clip" => {
                let (start, d) = clip_range(child)?;
                let end = add(cursor, d, "Clip")?;
                if let Some((a, b)) = window.clip(cursor, end) {
                    let record = window.map(a);
                    let place = Place::clip(&track.name, record, &name);
                    if child.get("enabled").and_then(Value::as_bool) == Some(false) {
                        seq.note(place, Loss::DisabledClip);
                    } else if let Some(source) = clip_source(seq, child, &place) {
                        let media_start = media_start(child);
                        let source_in = start
                            .add(a.sub(cursor).unwrap_or(Rat::ZERO))
                            .and_then(|s| s.sub(media_start))
                            .unwrap_or(start);
                        let duration = b.sub(a).unwrap_or(Rat::ZERO);
                        for m in list(child, "markers") {
                            // Clip markers are in the clip's source time.
                            marker(seq, m, start, record.sub(a.sub(cursor).unwrap_or(Rat::ZERO)).unwrap_or(record))?;
                        }
                        effects(seq, child, &place);
                        track.clips.push(SeqClip {
                            source,
                            name,
                            start: record,
                            duration,
                            source_in,
                            transition: None,
                        });
                        placed += 1;
                    }
                }
                cursor = end;
            }
            "Stack" => {
                let stack_range = range(child.get("source_range").unwrap_or(&Value::Null), "Stack.source_range")?;
                let d = match stack_range {
                    Some((_, d)) => d,
                    None => stack_length(child)?,
                };
                let end = add(cursor, d, "Stack")?;
                if let Some((a, b)) = window.clip(cursor, end) {
                    let own_start = stack_range.map_or(Rat::ZERO, |(s, _)| s);
                    let inner = window.inner(a, b, add(own_start, a.sub(cursor).unwrap_or(Rat::ZERO), "Stack")?);
                    let audio = track.kind == TrackKind::Audio;
                    let mut same_kind = list(child, "children")
                        .iter()
                        .filter(|t| schema_of(t) == "Track" && (text(t, "kind") == "Audio") == audio);
                    let first = same_kind.next();
                    let n = match first {
                        Some(t) => items(seq, track, list(t, "children"), inner, depth + 1)?,
                        None => 0,
                    };
                    let left: usize =
                        same_kind.map(|t| list(t, "children").iter().filter(|c| schema_of(c) == "Clip").count()).sum();
                    let place = Place::at(&track.name, window.map(a));
                    if depth == 0 {
                        seq.note(place.clone(), Loss::Nested { name: name.clone(), clips: n });
                    }
                    if left > 0 {
                        seq.note(place, Loss::NestedTracksLeft { name, clips: left });
                    }
                    placed += n;
                }
                cursor = end;
            }
            other => {
                seq.note(Place::at(&track.name, window.map(cursor)), Loss::Unread(other.to_owned()));
            }
        }
    }
    Ok(placed)
}

/// A nested stack's length without a source_range: its longest track.
fn stack_length(stack: &Value) -> Result<Rat, ReadError> {
    let mut longest = Rat::ZERO;
    for t in list(stack, "children") {
        let mut total = Rat::ZERO;
        for c in list(t, "children") {
            let d = match schema_of(c).as_str() {
                "Clip" => clip_range(c)?.1,
                "Gap" => range(c.get("source_range").unwrap_or(&Value::Null), "Gap")?.map_or(Rat::ZERO, |(_, d)| d),
                "Stack" => stack_length(c)?,
                _ => Rat::ZERO,
            };
            total = add(total, d, "Stack")?;
        }
        longest = longest.max(total);
    }
    Ok(longest)
}

/// The clip's active media reference.
fn media_ref(clip: &Value) -> Option<&Value> {
    if let Some(refs) = clip.get("media_references").and_then(Value::as_object) {
        let key = clip.get("active_media_reference_key").and_then(Value::as_str).unwrap_or("DEFAULT_MEDIA");
        return refs.get(key).or_else(|| refs.values().next());
    }
    clip.get("media_reference").filter(|r| !r.is_null())
}

/// The clip's source range; without one, the media's available range.
fn clip_range(clip: &Value) -> Result<(Rat, Rat), ReadError> {
    if let Some(r) = range(clip.get("source_range").unwrap_or(&Value::Null), "Clip.source_range")? {
        return Ok(r);
    }
    let avail = media_ref(clip).and_then(|m| m.get("available_range")).unwrap_or(&Value::Null);
    range(avail, "available_range")?
        .ok_or_else(|| ReadError::new(crate::t!("ix-otio-clip-no-range", name = text(clip, "name"))))
}

/// Where the media's own time starts (source times count from there).
fn media_start(clip: &Value) -> Rat {
    let avail = media_ref(clip).and_then(|m| m.get("available_range")).unwrap_or(&Value::Null);
    range(avail, "available_range").ok().flatten().map_or(Rat::ZERO, |(s, _)| s)
}

fn vodcut_media_id(v: Option<&Value>) -> Option<String> {
    let id = v?.get("metadata")?.get(METADATA_KEY)?.get("MediaId")?.as_str()?.trim();
    (!id.is_empty()).then(|| id.to_owned())
}

fn clip_source(seq: &mut Sequence, clip: &Value, place: &Place) -> Option<usize> {
    let mref = media_ref(clip);
    let schema = mref.map(schema_of).unwrap_or_default();
    if schema == "GeneratorReference" {
        let kind = mref.map(|m| text(m, "generator_kind")).unwrap_or_default();
        seq.note(place.clone(), Loss::Generator(kind));
        return None;
    }
    let media_id = vodcut_media_id(Some(clip)).or_else(|| vodcut_media_id(mref));
    let url = mref.map(|m| text(m, "target_url")).filter(|u| !u.is_empty());
    let path = url.map(|u| url_to_path(&u));
    let name = mref.map(|m| text(m, "name")).filter(|n| !n.is_empty()).unwrap_or_else(|| text(clip, "name"));
    if path.is_none() && name.trim().is_empty() && media_id.is_none() {
        seq.note(place.clone(), Loss::NoSource);
        return None;
    }
    let kind = SourceKind::of_name(path.as_deref().unwrap_or(&name));
    let duration =
        mref.and_then(|m| range(m.get("available_range").unwrap_or(&Value::Null), "available_range").ok().flatten());
    Some(seq.source(Source { name, path, kind, duration: duration.map(|(_, d)| d), media_id }))
}

fn effects(seq: &mut Sequence, clip: &Value, place: &Place) {
    for e in list(clip, "effects") {
        let what = match schema_of(e).as_str() {
            "LinearTimeWarp" => {
                let scalar = e.get("time_scalar").and_then(Value::as_f64).unwrap_or(1.0);
                if scalar == 1.0 {
                    continue;
                }
                Loss::Speed(format!("{}", (scalar * 1000.0).round() / 10.0))
            }
            "FreezeFrame" => Loss::FreezeFrame,
            _ => {
                let name = text(e, "effect_name");
                Loss::Effect(if name.is_empty() { text(e, "name") } else { name })
            }
        };
        seq.note(place.clone(), what);
    }
}

/// A marker at `marked_range.start_time` of an item whose own time `own` lands at `record`.
fn marker(seq: &mut Sequence, m: &Value, own: Rat, record: Rat) -> Result<(), ReadError> {
    let Some((start, _)) = range(m.get("marked_range").unwrap_or(&Value::Null), "Marker.marked_range")? else {
        return Ok(());
    };
    let at = record.add(start.sub(own).unwrap_or(Rat::ZERO)).unwrap_or(record);
    let mut label = text(m, "name");
    let comment = text(m, "comment");
    if label.trim().is_empty() {
        label = comment;
    } else if !comment.trim().is_empty() {
        label = format!("{label}: {comment}");
    }
    seq.markers.push(SeqMarker { at, label });
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rt(value: f64, rate: f64) -> Value {
        serde_json::json!({"OTIO_SCHEMA": "RationalTime.1", "value": value, "rate": rate})
    }

    fn tr(start: f64, dur: f64, rate: f64) -> Value {
        serde_json::json!({"OTIO_SCHEMA": "TimeRange.1", "start_time": rt(start, rate), "duration": rt(dur, rate)})
    }

    #[test]
    fn a_nested_stack_is_flattened_through_its_range_and_reported() {
        let clip = |name: &str, s: f64, d: f64| {
            serde_json::json!({"OTIO_SCHEMA": "Clip.2", "name": name, "source_range": tr(s, d, 25.0),
                "media_references": {"DEFAULT_MEDIA": {"OTIO_SCHEMA": "ExternalReference.1", "target_url": format!("file:///m/{name}.mov")}},
                "active_media_reference_key": "DEFAULT_MEDIA"})
        };
        let inner = serde_json::json!({"OTIO_SCHEMA": "Track.1", "kind": "Video", "children": [clip("x", 0.0, 30.0), clip("y", 100.0, 30.0)]});
        let tl = serde_json::json!({"OTIO_SCHEMA": "Timeline.1", "name": "n", "tracks": {"OTIO_SCHEMA": "Stack.1", "children": [
            {"OTIO_SCHEMA": "Track.1", "kind": "Video", "name": "V1", "children": [
                clip("a", 10.0, 25.0),
                {"OTIO_SCHEMA": "Stack.1", "name": "nest", "source_range": tr(20.0, 20.0, 25.0), "children": [inner]},
                {"OTIO_SCHEMA": "Gap.1", "source_range": tr(0.0, 5.0, 25.0)},
                clip("b", 0.0, 25.0)]}]}});
        let seq = read(tl.to_string().as_bytes()).unwrap();
        let c = &seq.tracks[0].clips;
        let secs = |f: i64| Rat::new(f.into(), 25).unwrap();
        // x shows its frames 20..30 at 25..35; y its frames 100..110 at 35..45; b at 50.
        let got: Vec<_> = c.iter().map(|c| (c.name.as_str(), c.start, c.duration, c.source_in)).collect();
        assert_eq!(
            got,
            vec![
                ("a", secs(0), secs(25), secs(10)),
                ("x", secs(25), secs(10), secs(20)),
                ("y", secs(35), secs(10), secs(100)),
                ("b", secs(50), secs(25), secs(0)),
            ]
        );
        assert_eq!(seq.notes[0].what, Loss::Nested { name: "nest".into(), clips: 2 });
        assert_eq!(seq.sources[c[1].source].path.as_deref(), Some("/m/x.mov"));
    }

    #[test]
    fn bad_times_say_what_is_wrong() {
        let tl = serde_json::json!({"OTIO_SCHEMA": "Timeline.1", "tracks": {"OTIO_SCHEMA": "Stack.1", "children": [
            {"OTIO_SCHEMA": "Track.1", "kind": "Video", "children": [{"OTIO_SCHEMA": "Gap.1", "source_range": tr(0.0, 5.0, 0.0)}]}]}});
        let e = read(tl.to_string().as_bytes()).unwrap_err().to_string();
        assert!(e.contains("Gap.source_range"), "{e}");
        assert!(read(b"{\"OTIO_SCHEMA\": \"Clip.2\"}").is_err());
        assert!(read(b"not json").unwrap_err().to_string().contains("JSON"));
    }
}
