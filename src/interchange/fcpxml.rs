//! FCPXML (Final Cut Pro X, 1.x): the first project's sequence. The primary storyline (the
//! spine) is V1; connected clips go to tracks by their `lane` (video lanes above, audio lanes
//! below, as Final Cut draws them); transitions in the spine, markers, compound clips
//! (`ref-clip`, flattened) and what is left out (titles, filters, retiming, multicam).
//!
//! FCPXML times are rational seconds (`1001/30000s`), exact as they are. Every element has
//! its own local time: an element at `offset` in its parent whose own time starts at `start`
//! shows its local time `t` at the parent's `offset + (t - start)` (Apple's FCPXML reference,
//! "Story Elements" / "Timing Attributes").

use super::sequence::{Loss, Place, SeqClip, SeqMarker, SeqTrack, SeqTransition, Sequence, Source, SourceKind, Window};
use super::time::Rat;
use super::xml::{child, children, line_of};
use super::{ReadError, url_to_path};
use crate::model::TrackKind;
use roxmltree::Node;
use std::collections::{BTreeMap, HashMap};

struct Ctx<'a, 'i> {
    seq: Sequence,
    resources: HashMap<&'a str, Node<'a, 'i>>,
    /// Clips by track: (kind, lane).
    tracks: BTreeMap<(u8, i64), SeqTrack>,
}

/// `"1001/30000s"`, `"5s"`, `"0s"` as seconds.
fn time(text: &str) -> Option<Rat> {
    let t = text.trim().strip_suffix('s')?;
    let (n, d) = t.split_once('/').unwrap_or((t, "1"));
    let (n, d) = (n.parse::<i64>().ok()?, d.parse::<i64>().ok()?);
    (d > 0).then(|| Rat::new(n.into(), d.into())).flatten()
}

fn attr_time(n: Node, name: &str) -> Result<Option<Rat>, ReadError> {
    match n.attribute(name) {
        None => Ok(None),
        Some(v) => time(v).map(Some).ok_or_else(|| {
            ReadError::new(crate::t!(
                "ix-fcpxml-bad-time",
                what = name,
                text = v,
                element = n.tag_name().name(),
                line = line_of(n)
            ))
        }),
    }
}

fn lane(n: Node) -> i64 {
    n.attribute("lane").and_then(|l| l.parse().ok()).unwrap_or(0)
}

pub(super) fn read(root: Node) -> Result<Sequence, ReadError> {
    let resources = child(root, "resources")
        .map(|r| r.children().filter(|c| c.is_element()).filter_map(|c| Some((c.attribute("id")?, c))).collect())
        .unwrap_or_default();
    let projects: Vec<Node> = root.descendants().filter(|n| n.has_tag_name("project")).collect();
    let project = projects.first().ok_or_else(|| ReadError::new(crate::t!("ix-fcpxml-no-project")))?;
    let sequence = child(*project, "sequence").ok_or_else(|| ReadError::new(crate::t!("ix-fcpxml-no-project")))?;
    let spine = child(sequence, "spine").ok_or_else(|| ReadError::new(crate::t!("ix-fcpxml-no-project")))?;
    let mut cx = Ctx { seq: Sequence::default(), resources, tracks: BTreeMap::new() };
    if projects.len() > 1 {
        cx.seq.note(Place::file(), Loss::OtherSequences(projects.len() - 1));
    }
    cx.seq.name = project.attribute("name").unwrap_or("").to_owned();
    let format = sequence.attribute("format").and_then(|f| cx.resources.get(f).copied());
    // frameDuration "1001/30000s" is 30000/1001 frames a second.
    cx.seq.rate = format.and_then(|f| f.attribute("frameDuration")).and_then(time).and_then(|d| Rat::secs(1).div(d));
    // The spine counts from the sequence's start timecode when its offsets do.
    let tc_start = attr_time(sequence, "tcStart")?.unwrap_or(Rat::ZERO);
    let first = spine.children().filter(|c| c.is_element()).find_map(|c| attr_time(c, "offset").ok().flatten());
    let origin = if first.is_some_and(|f| f >= tc_start) { tc_start } else { Rat::ZERO };
    let window = Window { from: origin, to: None, record: Rat::ZERO };
    storyline(&mut cx, spine, window, 0, 0)?;
    let tracks = std::mem::take(&mut cx.tracks);
    let (mut v, mut a) = (0, 0);
    for ((kind, _), mut t) in tracks {
        let n = if kind == 0 { &mut v } else { &mut a };
        *n += 1;
        t.name = format!("{}{n}", t.kind.letter());
        cx.seq.tracks.push(t);
    }
    Ok(cx.seq)
}

/// The track for clips of `kind` on `lane` (video lanes from the bottom up, audio lanes from
/// the spine down).
fn track<'c>(cx: &'c mut Ctx, kind: TrackKind, lane: i64) -> &'c mut SeqTrack {
    let key = if kind == TrackKind::Audio { (1, -lane) } else { (0, lane) };
    cx.tracks.entry(key).or_insert_with(|| SeqTrack::new(kind, lane_name(kind, lane)))
}

fn lane_name(kind: TrackKind, lane: i64) -> String {
    format!("{}{}", kind.letter(), if kind == TrackKind::Audio { -lane } else { lane + 1 })
}

/// A storyline's elements (the spine, or a compound clip's), placed one after another by
/// their offsets, seen through `window`; `lane` is where its clips go.
fn storyline<'a, 'i>(
    cx: &mut Ctx<'a, 'i>,
    spine: Node<'a, 'i>,
    window: Window,
    lane: i64,
    depth: usize,
) -> Result<usize, ReadError> {
    let items: Vec<Node> = spine.children().filter(|c| c.is_element()).collect();
    let mut placed = 0;
    for (i, &el) in items.iter().enumerate() {
        if el.has_tag_name("transition") {
            transition(cx, &items, i, window, lane)?;
            continue;
        }
        placed += element(cx, el, window, lane, depth)?;
    }
    Ok(placed)
}

fn transition(cx: &mut Ctx, items: &[Node], i: usize, window: Window, lane: i64) -> Result<(), ReadError> {
    let el = items[i];
    let (Some(offset), Some(duration)) = (attr_time(el, "offset")?, attr_time(el, "duration")?) else { return Ok(()) };
    let end = offset.add(duration).unwrap_or(offset);
    // The cut is where the clip after starts (or the clip before ends).
    let next = items[i + 1..]
        .iter()
        .find(|n| !n.has_tag_name("transition"))
        .and_then(|n| attr_time(*n, "offset").ok().flatten());
    let cut = next.filter(|c| *c >= offset && *c <= end).unwrap_or(offset);
    if window.clip(offset, end).is_none() {
        return Ok(());
    }
    let name = el.attribute("name").unwrap_or("").to_owned();
    let effect = child(el, "filter-video")
        .and_then(|f| f.attribute("ref"))
        .and_then(|r| cx.resources.get(r))
        .and_then(|e| e.attribute("name"));
    let dissolve = name.contains("Cross Dissolve") || effect.is_some_and(|e| e.contains("Cross Dissolve"));
    let t = SeqTransition {
        cut: window.map(cut),
        before: cut.sub(offset).unwrap_or(Rat::ZERO),
        after: end.sub(cut).unwrap_or(Rat::ZERO),
        name: if name.is_empty() { effect.unwrap_or("").to_owned() } else { name },
        dissolve,
    };
    track(cx, TrackKind::Video, lane).transitions.push(t);
    Ok(())
}

/// The media an element plays at its local time `t`: the asset and the asset's own time,
/// through `video`/`audio` references and the containers (`clip`, `gap`) that hold them.
fn media_at<'a, 'i>(cx: &Ctx<'a, 'i>, el: Node<'a, 'i>, t: Rat) -> Option<(Node<'a, 'i>, Rat, bool)> {
    if let Some(asset) =
        el.attribute("ref").and_then(|r| cx.resources.get(r).copied()).filter(|r| r.has_tag_name("asset"))
    {
        let audio_only = el.has_tag_name("audio") || asset.attribute("hasVideo") == Some("0");
        return Some((asset, t, audio_only));
    }
    for c in
        el.children().filter(|c| c.is_element() && matches!(c.tag_name().name(), "video" | "audio" | "gap" | "clip"))
    {
        if c.has_tag_name("clip") && c.attribute("lane").is_some() {
            continue;
        }
        let offset = attr_time(c, "offset").ok().flatten().unwrap_or(Rat::ZERO);
        let start = attr_time(c, "start").ok().flatten().unwrap_or(Rat::ZERO);
        let local = start.add(t.sub(offset).unwrap_or(Rat::ZERO)).unwrap_or(start);
        if let Some(found) = media_at(cx, c, local) {
            return Some(found);
        }
    }
    None
}

/// One story element (a clip of any kind, a gap, a title...) and what is connected to it.
fn element<'a, 'i>(
    cx: &mut Ctx<'a, 'i>,
    el: Node<'a, 'i>,
    window: Window,
    lane: i64,
    depth: usize,
) -> Result<usize, ReadError> {
    let tag = el.tag_name().name();
    if matches!(tag, "marker" | "chapter-marker" | "keyword" | "rating" | "note" | "conform-rate" | "timeMap")
        || tag.starts_with("filter")
        || tag.starts_with("adjust")
    {
        return Ok(0);
    }
    let offset = attr_time(el, "offset")?.unwrap_or(Rat::ZERO);
    let duration = match attr_time(el, "duration")? {
        Some(d) => d,
        None => return Ok(0),
    };
    // A secondary storyline's children count in its parent's time.
    let start = if tag == "spine" { offset } else { attr_time(el, "start")?.unwrap_or(Rat::ZERO) };
    let end = offset.add(duration).unwrap_or(offset);
    let Some((a, b)) = window.clip(offset, end) else { return Ok(0) };
    let local = window.inner(a, b, start.add(a.sub(offset).unwrap_or(Rat::ZERO)).unwrap_or(start));
    let name = el.attribute("name").unwrap_or("").to_owned();
    let kind_of_track = |audio: bool| if audio { TrackKind::Audio } else { TrackKind::Video };
    let place = Place::clip(&lane_name(TrackKind::Video, lane), local.record, &name);
    let mut placed = 0;
    match tag {
        "gap" => {}
        "spine" => placed += storyline(cx, el, local, lane, depth)?,
        "title" | "generator" => cx.seq.note(place.clone(), Loss::Generator(name.clone())),
        "mc-clip" | "sync-clip" if depth > 8 => {}
        "mc-clip" => cx.seq.note(place.clone(), Loss::Unread(tag.to_owned())),
        "ref-clip" => {
            let media = el.attribute("ref").and_then(|r| cx.resources.get(r).copied());
            let inner = media.and_then(|m| child(m, "sequence")).and_then(|s| child(s, "spine"));
            if let Some(inner) = inner {
                let n = storyline(cx, inner, local, lane, depth + 1)?;
                if depth == 0 {
                    cx.seq.note(
                        Place::at(&lane_name(TrackKind::Video, lane), local.record),
                        Loss::Nested { name: name.clone(), clips: n },
                    );
                }
                placed += n;
            }
        }
        _ => {
            if el.attribute("enabled") == Some("0") {
                cx.seq.note(place.clone(), Loss::DisabledClip);
            } else if let Some((asset, media_time, audio_only)) = media_at(cx, el, local.from) {
                let source = asset_source(cx, asset, &name);
                let asset_start = attr_time(asset, "start")?.unwrap_or(Rat::ZERO);
                let source_in = media_time.sub(asset_start).unwrap_or(media_time);
                let clip = SeqClip {
                    source,
                    name: name.clone(),
                    start: local.record,
                    duration: b.sub(a).unwrap_or(Rat::ZERO),
                    source_in,
                    transition: None,
                };
                track(cx, kind_of_track(audio_only), lane).clips.push(clip);
                placed += 1;
            } else {
                cx.seq.note(place.clone(), Loss::NoSource);
            }
        }
    }
    retiming_and_filters(cx, el, &place);
    for m in el.children().filter(|c| c.has_tag_name("marker") || c.has_tag_name("chapter-marker")) {
        if let Some(at) = attr_time(m, "start")? {
            let label = m.attribute("value").unwrap_or("").to_owned();
            cx.seq.markers.push(SeqMarker { at: local.map(at), label });
        }
    }
    // Connected clips, by lane: anchored in this element's own time, but not cut to its
    // length (a music bed connected to a two-second clip plays on): only the outer window
    // bounds them. Parent time `window.from` is `start + (window.from - offset)` here.
    let here = |t: Rat| t.sub(offset).and_then(|d| start.add(d));
    let connected =
        Window { from: here(window.from).unwrap_or(local.from), to: window.to.and_then(here), record: window.record };
    for c in el.children().filter(|c| {
        c.is_element() && c.attribute("lane").is_some() && !c.has_tag_name("audio") && !c.has_tag_name("video")
    }) {
        let n = element(cx, c, connected, lane + self::lane(c), depth)?;
        placed += n;
    }
    Ok(placed)
}

fn asset_source(cx: &mut Ctx, asset: Node, clip_name: &str) -> usize {
    let src = asset.attribute("src").or_else(|| child(asset, "media-rep").and_then(|m| m.attribute("src")));
    let path = src.filter(|s| !s.is_empty()).map(url_to_path);
    let name = asset.attribute("name").filter(|n| !n.is_empty()).unwrap_or(clip_name).to_owned();
    let kind = match path.as_deref() {
        Some(p) => SourceKind::of_name(p),
        None if asset.attribute("hasVideo") == Some("0") => SourceKind::Audio,
        None => SourceKind::of_name(&name),
    };
    let duration = attr_time(asset, "duration").ok().flatten().filter(|d| !d.is_zero());
    cx.seq.source(Source { name, path, kind, duration, media_id: None })
}

/// Retiming (`timeMap`) and filters are left out, and said.
fn retiming_and_filters(cx: &mut Ctx, el: Node, place: &Place) {
    if let Some(map) = child(el, "timeMap") {
        let last = children(map, "timept").last();
        let speed = last.and_then(|p| Some((time(p.attribute("time")?)?, time(p.attribute("value")?)?)));
        let percent = match speed {
            Some((t, v)) if !t.is_zero() => format!("{}", (v.div(t).map_or(1.0, Rat::as_f64) * 1000.0).round() / 10.0),
            _ => "?".to_owned(),
        };
        if percent != "100" {
            cx.seq.note(place.clone(), Loss::Speed(percent));
        }
    }
    for f in el.children().filter(|c| c.has_tag_name("filter-video") || c.has_tag_name("filter-audio")) {
        let name = f
            .attribute("name")
            .or_else(|| f.attribute("ref").and_then(|r| cx.resources.get(r)).and_then(|e| e.attribute("name")));
        cx.seq.note(place.clone(), Loss::Effect(name.unwrap_or("?").to_owned()));
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Format, Options, read as read_any};
    use super::*;

    #[test]
    fn absurd_denominators_are_refused_not_overflowed() {
        // Ordering two such times multiplied numerators by denominators past i128.
        let xml = r#"<fcpxml version="1.10"><resources><format id="r1" frameDuration="1/25s"/>
<asset id="r2" name="a" src="file:///m/a.mov" start="0s" duration="100s" hasVideo="1"/></resources>
<library><event><project name="P"><sequence format="r1" duration="10s"><spine>
<asset-clip ref="r2" offset="4000000000000000000/9000000000000000001s" start="0s" duration="3999999999999999999/9000000000000000000s"/>
<asset-clip ref="r2" offset="4000000000000000001/9000000000000000002s" start="0s" duration="1s"/>
</spine></sequence></project></event></library></fcpxml>"#;
        let e = read_any(xml.as_bytes(), Format::Fcpxml, &Options::default()).unwrap_err().to_string();
        assert!(e.contains("offset") && e.contains("line 4"), "{e}");
    }

    #[test]
    fn times_are_exact_rationals() {
        assert_eq!(time("1001/30000s"), Rat::new(1001, 30_000));
        assert_eq!(time("3600s"), Some(Rat::secs(3600)));
        assert_eq!(time("5"), None);
        assert_eq!(time("1/0s"), None);
    }

    #[test]
    fn compound_clips_titles_and_retiming_are_reported() {
        let xml = r#"<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE fcpxml>
<fcpxml version="1.10"><resources>
 <format id="r1" frameDuration="1/25s"/>
 <asset id="r2" name="a" start="3600s" duration="100s" hasVideo="1"><media-rep kind="original-media" src="file:///m/a.mov"/></asset>
 <media id="r3" name="Compound"><sequence format="r1" duration="4s"><spine>
   <asset-clip ref="r2" offset="0s" start="3610s" duration="2s"/><asset-clip ref="r2" offset="2s" start="3620s" duration="2s"/>
 </spine></sequence></media>
 <effect id="r4" name="Gaussian Blur" uid="x"/>
</resources><library><event><project name="P"><sequence format="r1" tcStart="3600s" duration="10s"><spine>
 <asset-clip ref="r2" offset="3600s" start="3601s" duration="2s" name="a"><timeMap><timept time="0s" value="0s"/><timept time="2s" value="4s"/></timeMap><filter-video ref="r4"/></asset-clip>
 <ref-clip ref="r3" offset="3602s" start="1s" duration="3s" name="Compound"/>
 <title offset="3605s" duration="1s" name="Lower Third"/>
</spine></sequence></project></event></library></fcpxml>"#;
        let seq = read_any(xml.as_bytes(), Format::Fcpxml, &Options::default()).unwrap();
        assert_eq!(seq.rate, Some(Rat::secs(25)));
        let c = &seq.tracks[0].clips;
        let got: Vec<_> = c.iter().map(|c| (c.start, c.duration, c.source_in)).collect();
        let s = Rat::secs;
        // The compound clip shows its own seconds 1..4: the first inner clip's 1..2, the second's 0..2.
        assert_eq!(got, vec![(s(0), s(2), s(1)), (s(2), s(1), s(11)), (s(3), s(2), s(20))]);
        let what: Vec<_> = seq.notes.iter().map(|n| n.what.clone()).collect();
        assert_eq!(
            what,
            vec![
                Loss::Speed("200".into()),
                Loss::Effect("Gaussian Blur".into()),
                Loss::Nested { name: "Compound".into(), clips: 2 },
                Loss::Generator("Lower Third".into())
            ]
        );
        assert_eq!(seq.sources[0].path.as_deref(), Some("/m/a.mov"));
    }
}
