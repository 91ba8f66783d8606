//! Final Cut Pro 7 XML (`<xmeml>`), as Premiere Pro, Resolve, Avid and OTIO's `fcp_xml`
//! adapter write it: the first sequence's video and audio tracks, clipitems, transitionitems,
//! markers, nested sequences (flattened), and what is left out (generators, filters, speed).
//!
//! Times are whole frames at a `<rate>` (`<timebase>30</timebase><ntsc>TRUE</ntsc>` is
//! 30000/1001). A clipitem's `start`/`end` are in its track's rate, its `in`/`out` in its
//! own; `-1` means "at the neighbouring transition's cut" (by its alignment), as the
//! official OTIO adapter reads it.

use super::sequence::{Loss, Place, SeqClip, SeqMarker, SeqTrack, SeqTransition, Sequence, Source, SourceKind, Window};
use super::time::Rat;
use super::xml::{child, child_text, children, line_of};
use super::{ReadError, url_to_path};
use crate::model::TrackKind;
use roxmltree::Node;
use std::collections::HashMap;

struct Ctx<'a, 'i> {
    seq: Sequence,
    /// `<file id>` and `<sequence id>` definitions, for the empty elements that refer to them.
    files: HashMap<&'a str, Node<'a, 'i>>,
    sequences: HashMap<&'a str, Node<'a, 'i>>,
}

pub(super) fn read(root: Node) -> Result<Sequence, ReadError> {
    let top: Vec<Node> = root
        .descendants()
        .filter(|n| {
            n.has_tag_name("sequence") && n.has_children() && !n.ancestors().any(|a| a.has_tag_name("clipitem"))
        })
        .collect();
    let Some(&sequence) = top.first() else {
        return Err(ReadError::new(crate::t!("ix-fcp-no-sequence")));
    };
    let defined = |tag: &str| {
        root.descendants()
            .filter(|n| n.has_tag_name(tag) && n.has_children())
            .filter_map(|n| Some((n.attribute("id")?, n)))
            .collect::<HashMap<_, _>>()
    };
    let mut cx = Ctx { seq: Sequence::default(), files: defined("file"), sequences: defined("sequence") };
    if top.len() > 1 {
        cx.seq.note(Place::file(), Loss::OtherSequences(top.len() - 1));
    }
    let rate = rate_of(sequence).ok_or_else(|| missing(sequence, "rate"))?;
    cx.seq.name = child_text(sequence, "name").unwrap_or("").to_owned();
    cx.seq.rate = Some(rate);
    for m in children(sequence, "marker") {
        marker(&mut cx.seq, m, rate, Rat::ZERO, Rat::ZERO)?;
    }
    let media = child(sequence, "media").ok_or_else(|| missing(sequence, "media"))?;
    for (kind, tag) in [(TrackKind::Video, "video"), (TrackKind::Audio, "audio")] {
        let Some(m) = child(media, tag) else { continue };
        for (n, t) in children(m, "track").enumerate() {
            let mut track = SeqTrack::new(kind, format!("{}{}", kind.letter(), n + 1));
            track.enabled = child_text(t, "enabled") != Some("FALSE");
            items(&mut cx, &mut track, t, rate, Window::ALL, 0)?;
            cx.seq.tracks.push(track);
        }
    }
    Ok(cx.seq)
}

fn missing(n: Node, what: &str) -> ReadError {
    ReadError::new(crate::t!("ix-xml-missing", what = what, element = n.tag_name().name(), line = line_of(n)))
}

/// `<rate><timebase>30</timebase><ntsc>TRUE</ntsc></rate>` of `n`, as frames per second.
fn rate_of(n: Node) -> Option<Rat> {
    let r = child(n, "rate")?;
    let base: i128 =
        child_text(r, "timebase")?.parse::<f64>().ok().filter(|b| *b >= 1.0 && *b <= 1000.0)?.round() as i128;
    if child_text(r, "ntsc").is_some_and(|t| t.eq_ignore_ascii_case("TRUE")) {
        Rat::new(base * 1000, 1001)
    } else {
        Rat::new(base, 1)
    }
}

/// A whole number of frames from the child element `name`.
fn frames(n: Node, name: &str) -> Result<i64, ReadError> {
    let text = child_text(n, name).ok_or_else(|| missing(n, name))?;
    text.parse::<i64>()
        .ok()
        .filter(|v| v.abs() < 1 << 40)
        .ok_or_else(|| ReadError::new(crate::t!("ix-xml-bad-number", what = name, text = text, line = line_of(n))))
}

fn at(frames: i64, rate: Rat) -> Result<Rat, ReadError> {
    Rat::new(frames.into(), 1)
        .and_then(|f| f.div(rate))
        .ok_or_else(|| ReadError::new(crate::t!("ix-too-long", what = "frames")))
}

/// Where a transitionitem cuts, in frames of the track (its alignment: start, end, centre).
fn cut_frame(t: Node) -> Result<i64, ReadError> {
    let (start, end) = (frames(t, "start")?, frames(t, "end")?);
    Ok(match child_text(t, "alignment").unwrap_or("center") {
        "start" | "start-black" => start,
        "end" | "end-black" => end,
        _ => (start + end).div_euclid(2),
    })
}

/// A track's items onto `track`, through `window`; the number of clips placed.
fn items<'a, 'i>(
    cx: &mut Ctx<'a, 'i>,
    track: &mut SeqTrack,
    t: Node<'a, 'i>,
    rate: Rat,
    window: Window,
    depth: usize,
) -> Result<usize, ReadError> {
    let list: Vec<Node> = t
        .children()
        .filter(|c| c.is_element() && matches!(c.tag_name().name(), "clipitem" | "transitionitem" | "generatoritem"))
        .collect();
    let mut placed = 0;
    for (i, &item) in list.iter().enumerate() {
        let neighbour =
            |j: Option<usize>| j.and_then(|j| list.get(j)).copied().filter(|n| n.has_tag_name("transitionitem"));
        let (head, tail) = (neighbour(i.checked_sub(1)), neighbour(Some(i + 1)));
        match item.tag_name().name() {
            "transitionitem" => {
                let (start, end, cut) = (frames(item, "start")?, frames(item, "end")?, cut_frame(item)?);
                if window.clip(at(start, rate)?, at(end, rate)?).is_none() {
                    continue;
                }
                let effect = child(item, "effect");
                let id = effect.and_then(|e| child_text(e, "effectid")).unwrap_or("");
                let name = effect.and_then(|e| child_text(e, "name")).filter(|n| !n.is_empty()).unwrap_or(id);
                track.transitions.push(SeqTransition {
                    cut: window.map(at(cut, rate)?),
                    before: at(cut - start, rate)?,
                    after: at(end - cut, rate)?,
                    name: name.to_owned(),
                    dissolve: id.contains("Dissolve") && !id.contains("Dip") || name == "Cross Dissolve",
                });
            }
            "generatoritem" => {
                let start = frames(item, "start").unwrap_or(0).max(0);
                let name = child_text(item, "name").unwrap_or("").to_owned();
                cx.seq.note(Place::at(&track.name, window.map(at(start, rate)?)), Loss::Generator(name));
            }
            _ => placed += clipitem(cx, track, item, (head, tail), rate, window, depth)?,
        }
    }
    Ok(placed)
}

/// One clipitem: a clip, or a nested sequence flattened.
fn clipitem<'a, 'i>(
    cx: &mut Ctx<'a, 'i>,
    track: &mut SeqTrack,
    item: Node<'a, 'i>,
    (head, tail): (Option<Node>, Option<Node>),
    rate: Rat,
    window: Window,
    depth: usize,
) -> Result<usize, ReadError> {
    let own_rate = rate_of(item).unwrap_or(rate);
    let (start, end, src_in, src_out) =
        (frames(item, "start")?, frames(item, "end")?, frames(item, "in")?, frames(item, "out")?);
    let mut source_in = at(src_in, own_rate)?;
    let length = at(src_out - src_in, own_rate)?;
    let record_start = match (start, head) {
        (-1, Some(h)) => {
            let cut = cut_frame(h)?;
            // The media from the transition's start to its cut is handle: the clip starts later.
            source_in = source_in.add(at(cut - frames(h, "start")?, rate)?).unwrap_or(source_in);
            at(cut, rate)?
        }
        (-1, None) => match end {
            -1 => return Err(missing(item, "start")),
            e => at(e, rate)?.sub(length).unwrap_or(Rat::ZERO),
        },
        (s, _) => at(s, rate)?,
    };
    let record_end = match (end, tail) {
        (-1, Some(t)) => at(cut_frame(t)?, rate)?,
        (-1, None) => record_start.add(length).unwrap_or(record_start),
        (e, _) => at(e, rate)?,
    };
    let name = child_text(item, "name").unwrap_or("").to_owned();
    let Some((a, b)) = window.clip(record_start, record_end) else { return Ok(0) };
    let shown_from = a.sub(record_start).unwrap_or(Rat::ZERO);
    let record = window.map(a);
    let place = Place::clip(&track.name, record, &name);
    if child_text(item, "enabled") == Some("FALSE") {
        cx.seq.note(place, Loss::DisabledClip);
        return Ok(0);
    }
    if let Some(nested) = child(item, "sequence") {
        let nested = nested
            .attribute("id")
            .filter(|_| !nested.has_children())
            .and_then(|id| cx.sequences.get(id).copied())
            .unwrap_or(nested);
        let inner = window.inner(a, b, source_in.add(shown_from).unwrap_or(source_in));
        return flatten(cx, track, nested, inner, &place, &name, depth);
    }
    filters(&mut cx.seq, item, &place);
    let Some(source) = source(cx, item, &name) else {
        cx.seq.note(place, Loss::NoSource);
        return Ok(0);
    };
    for m in children(item, "marker") {
        // Clip markers count frames of the source.
        let origin = record.sub(source_in.add(shown_from).unwrap_or(source_in)).unwrap_or(record);
        marker(&mut cx.seq, m, own_rate, Rat::ZERO, origin)?;
    }
    let duration = b.sub(a).unwrap_or(Rat::ZERO);
    let source_in = source_in.add(shown_from).unwrap_or(source_in);
    track.clips.push(SeqClip { source, name, start: record, duration, source_in, transition: None });
    Ok(1)
}

fn flatten<'a, 'i>(
    cx: &mut Ctx<'a, 'i>,
    track: &mut SeqTrack,
    nested: Node<'a, 'i>,
    inner: Window,
    place: &Place,
    name: &str,
    depth: usize,
) -> Result<usize, ReadError> {
    let nested_rate = rate_of(nested).ok_or_else(|| missing(nested, "rate"))?;
    let tag = if track.kind == TrackKind::Audio { "audio" } else { "video" };
    let tracks: Vec<Node> =
        child(nested, "media").and_then(|m| child(m, tag)).map(|m| children(m, "track").collect()).unwrap_or_default();
    let mut placed = 0;
    if let Some(&first) = tracks.first() {
        placed = items(cx, track, first, nested_rate, inner, depth + 1)?;
    }
    let left: usize = tracks.iter().skip(1).map(|t| children(*t, "clipitem").count()).sum();
    let at = Place { clip: None, ..place.clone() };
    if depth == 0 {
        cx.seq.note(at.clone(), Loss::Nested { name: name.to_owned(), clips: placed });
    }
    if left > 0 {
        cx.seq.note(at, Loss::NestedTracksLeft { name: name.to_owned(), clips: left });
    }
    Ok(placed)
}

/// The clipitem's `<file>` (defined here or earlier by its id) as a source.
fn source(cx: &mut Ctx, item: Node, clip_name: &str) -> Option<usize> {
    let file = child(item, "file")?;
    let file =
        if file.has_children() { file } else { file.attribute("id").and_then(|id| cx.files.get(id).copied())? };
    let path = child_text(file, "pathurl").filter(|u| !u.is_empty()).map(url_to_path);
    let name = child_text(file, "name").filter(|n| !n.is_empty()).unwrap_or(clip_name).to_owned();
    if path.is_none() && name.trim().is_empty() {
        return None;
    }
    let kind = SourceKind::of_name(path.as_deref().unwrap_or(&name));
    let duration = match (child_text(file, "duration").and_then(|d| d.parse::<i64>().ok()), rate_of(file)) {
        (Some(d), Some(r)) if d > 0 => at(d, r).ok(),
        _ => None,
    };
    Some(cx.seq.source(Source { name, path, kind, duration, media_id: None }))
}

/// Filters: a speed change (`timeremap`) and anything else are left out, and said.
fn filters(seq: &mut Sequence, item: Node, place: &Place) {
    for f in children(item, "filter").filter(|f| child_text(*f, "enabled") != Some("FALSE")) {
        let Some(effect) = child(f, "effect") else { continue };
        let id = child_text(effect, "effectid").unwrap_or("");
        let name = child_text(effect, "name").filter(|n| !n.is_empty()).unwrap_or(id);
        if id == "timeremap" {
            let speed = children(effect, "parameter")
                .find(|p| child_text(*p, "parameterid") == Some("speed"))
                .and_then(|p| child_text(p, "value"))
                .and_then(|v| v.parse::<f64>().ok())
                .unwrap_or(100.0);
            if speed != 100.0 {
                seq.note(place.clone(), Loss::Speed(format!("{speed}")));
            }
            continue;
        }
        seq.note(place.clone(), Loss::Effect(name.to_owned()));
    }
}

/// A `<marker>` at frame `in` (of `rate`), counted from `own`, placed from `record`.
fn marker(seq: &mut Sequence, m: Node, rate: Rat, own: Rat, record: Rat) -> Result<(), ReadError> {
    let Ok(f) = frames(m, "in") else { return Ok(()) };
    let t = at(f, rate)?;
    let at = record.add(t.sub(own).unwrap_or(t)).unwrap_or(record);
    let name = child_text(m, "name").unwrap_or("");
    let comment = child_text(m, "comment").unwrap_or("");
    let label = match (name.is_empty(), comment.is_empty()) {
        (false, false) => format!("{name}: {comment}"),
        (true, _) => comment.to_owned(),
        (false, true) => name.to_owned(),
    };
    seq.markers.push(SeqMarker { at, label });
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::{Format, Options, read as read_any};
    use super::*;

    fn clipitem(id: &str, file: &str, (start, end, i, o): (i64, i64, i64, i64), inner: &str) -> String {
        format!(
            "<clipitem id=\"{id}\"><name>{id}</name><rate><timebase>25</timebase></rate><start>{start}</start><end>{end}</end>\
             <in>{i}</in><out>{o}</out>{file}{inner}</clipitem>"
        )
    }

    fn doc(video: &str) -> String {
        format!(
            "<?xml version=\"1.0\"?><!DOCTYPE xmeml><xmeml version=\"5\"><sequence id=\"s\"><name>Cut</name>\
             <rate><timebase>25</timebase><ntsc>FALSE</ntsc></rate><media><video><track>{video}</track></video></media></sequence></xmeml>"
        )
    }

    #[test]
    fn premiere_speed_filters_and_generators_are_reported() {
        let file = "<file id=\"f1\"><name>a.mov</name><pathurl>file://localhost/m/a%20b.mov</pathurl></file>";
        let speed = "<filter><effect><name>Time Remap</name><effectid>timeremap</effectid>\
                     <parameter><parameterid>speed</parameterid><value>50</value></parameter></effect></filter>\
                     <filter><effect><name>Gaussian Blur</name><effectid>GaussianBlur</effectid></effect></filter>";
        let video = clipitem("one", file, (0, 50, 10, 35), speed)
            + "<generatoritem><name>Color Matte</name><start>50</start><end>75</end></generatoritem>"
            + &clipitem("two", "<file id=\"f1\"/>", (75, 100, 0, 25), "");
        let seq = read_any(doc(&video).as_bytes(), Format::Fcp7, &Options::default()).unwrap();
        let what: Vec<_> = seq.notes.iter().map(|n| n.what.clone()).collect();
        assert_eq!(
            what,
            vec![Loss::Speed("50".into()), Loss::Effect("Gaussian Blur".into()), Loss::Generator("Color Matte".into())]
        );
        assert_eq!(seq.sources.len(), 1, "the second clip refers to the same file by id");
        assert_eq!(seq.sources[0].path.as_deref(), Some("/m/a b.mov"));
        assert_eq!(seq.tracks[0].clips[1].start, Rat::secs(3));
    }

    #[test]
    fn bad_numbers_name_the_element_and_line() {
        let video = clipitem("one", "<file id=\"f\"><name>a.mov</name></file>", (0, 50, 0, 50), "")
            .replace("<end>50</end>", "<end>fifty</end>");
        let e = read_any(doc(&video).as_bytes(), Format::Fcp7, &Options::default()).unwrap_err().to_string();
        assert!(e.contains("end") && e.contains("fifty") && e.contains('1'), "{e}");
        let e = read_any(b"<xmeml version=\"4\"/>", Format::Fcp7, &Options::default()).unwrap_err().to_string();
        assert!(e.contains("sequence"), "{e}");
    }
}
