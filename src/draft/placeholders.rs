//! What the service does that the draft cannot imitate (the VFX, filters and transitions
//! `compose::looks` does not draw, DeWatermark,
//! Background, templates, effect types vodcut does not know, IMS-only clip fields), found
//! once per render and drawn where and when they act as a labelled outline, so nothing is
//! silently dropped. Pure.

use crate::compose::layout::length;
use crate::compose::{Canvas, Image, Rect, TextBox, looks, text};
use crate::model::Time;
use crate::model::project::{Placement, Project, TrackKind};
use crate::model::wire::{Clip, Effect, KnownEffect, Num};

/// Clip fields of the IMS schema that change the picture or its timing (api.md 2.3, 2.8).
const PICTURE_FIELDS: [&str; 4] = ["Speed", "Opacity", "AdaptMode", "MaskVideoUrl"];

/// One thing the draft shows as a labelled placeholder.
#[derive(Clone, Debug, PartialEq)]
pub struct Placeholder {
    /// What it is, e.g. `VFX zoom`, `Transition fade`, `template 1a2b`.
    pub what: String,
    /// Where it comes from: `track V1, clip 2`, or `the production`.
    pub place: String,
    /// When it acts on the output.
    pub from: Time,
    pub to: Time,
    /// Where, in output pixels (None: the whole frame).
    pub rect: Option<Rect>,
}

impl Placeholder {
    /// The line listing it once in the output, its times on `clock`.
    pub fn line(&self, clock: crate::i18n::Clock) -> String {
        crate::t!(
            "media-placeholder-line",
            place = self.place.as_str(),
            what = self.what.as_str(),
            from = clock.time(self.from),
            to = clock.time(self.to)
        )
    }

    pub fn active(&self, t: Time) -> bool {
        self.from <= t && t < self.to
    }
}

fn clip_box(clip: &Clip, (w, h): (f32, f32)) -> Option<Rect> {
    let (x, y) = (length(clip.area.x.as_ref(), w).unwrap_or(0.0), length(clip.area.y.as_ref(), h).unwrap_or(0.0));
    match (length(clip.area.width.as_ref(), w), length(clip.area.height.as_ref(), h)) {
        (None, None) if x == 0.0 && y == 0.0 => None,
        (bw, bh) => Some(Rect { x, y, w: bw.unwrap_or(w - x), h: bh.unwrap_or(h - y) }),
    }
}

fn effect_box(x: Option<&Num>, y: Option<&Num>, bw: Option<&Num>, bh: Option<&Num>, size: (f32, f32)) -> Option<Rect> {
    let (w, h) = size;
    let (bw, bh) = (length(bw, w)?, length(bh, h)?);
    Some(Rect { x: length(x, w).unwrap_or(0.0), y: length(y, h).unwrap_or(0.0), w: bw, h: bh })
}

/// Every placeholder of `project` laid out as `placements` say, for an output of `size`.
pub fn find(project: &Project, placements: &[Vec<Placement>], end: Time, size: (u32, u32)) -> Vec<Placeholder> {
    let size = (size.0 as f32, size.1 as f32);
    let mut out = Vec::new();
    let production = crate::t!("media-place-production");
    for (group, id) in [(false, &project.produce_config.template_id), (true, &project.produce_config.template_group_id)]
    {
        if !id.trim().is_empty() {
            let id = id.trim();
            out.push(Placeholder {
                what: if group {
                    crate::t!("media-placeholder-template-group", id = id)
                } else {
                    crate::t!("media-placeholder-template", id = id)
                },
                place: production.clone(),
                from: Time::ZERO,
                to: end,
                rect: None,
            });
        }
    }
    effect_tracks(project, end, size, &mut out);
    for (ti, track) in project.tracks.iter().enumerate() {
        if track.hidden || track.kind == TrackKind::Subtitle {
            continue;
        }
        for (ci, clip) in track.clips.iter().enumerate() {
            let Some(p) = placements.get(ti).and_then(|p| p.get(ci)) else { continue };
            let place = crate::t!("media-place-clip", track = track.name.as_str(), n = ci + 1);
            let seen = if track.kind == TrackKind::Audio { None } else { clip_box(clip, size) };
            for field in PICTURE_FIELDS {
                if let Some(v) = clip.extra.get(field) {
                    out.push(Placeholder {
                        what: format!("{field} {}", v.get()),
                        place: place.clone(),
                        from: p.start,
                        to: p.end,
                        rect: seen,
                    });
                }
            }
            for e in &clip.effects {
                let k = match e {
                    Effect::Known(k) => k,
                    Effect::Other(_) => {
                        let what = crate::t!("media-placeholder-effect", r#type = e.type_name());
                        out.push(Placeholder { what, place: place.clone(), from: p.start, to: p.end, rect: seen });
                        continue;
                    }
                };
                let (from, to) = (
                    k.timeline_in.or(k.r#in.map(|i| p.start + i)).unwrap_or(p.start),
                    k.timeline_out.or(k.out.map(|o| p.start + o)).unwrap_or(p.end),
                );
                let sub = k.sub_type.as_deref().map(|s| format!(" {s}")).unwrap_or_default();
                if looks::is_drawn(&k.r#type, k.sub_type.as_deref()) {
                    // The compositor draws it (`compose::looks`).
                    continue;
                }
                let (what, from, to, rect) = match k.r#type.as_str() {
                    "Text" | "Volume" => continue,
                    "Transition" => {
                        let d = k.duration.filter(|d| *d > Time::ZERO).unwrap_or(Time::from_secs(1));
                        (format!("Transition{sub}"), p.start, (p.start + d).min(p.end), seen)
                    }
                    "DeWatermark" => {
                        let r = effect_box(k.x.as_ref(), k.y.as_ref(), k.width.as_ref(), k.height.as_ref(), size);
                        (format!("DeWatermark{sub}"), from, to, r.or(seen))
                    }
                    other => (format!("{other}{sub}"), from, to, seen),
                };
                out.push(Placeholder { what, place: place.clone(), from, to: to.min(end), rect });
            }
        }
    }
    out.retain(|p| p.from < p.to.min(end));
    out
}

/// The items of `EffectTracks` the compositor does not draw, each where and when it acts
/// (TimelineIn, else 0; TimelineOut, else for Duration, else to the end: effects.md 1.1). A
/// list that cannot be read is one placeholder for the whole production.
fn effect_tracks(project: &Project, end: Time, size: (f32, f32), out: &mut Vec<Placeholder>) {
    let Some(raw) = project.timeline_extra.get("EffectTracks") else { return };
    let Ok(tracks) = serde_json::from_str::<Vec<serde_json::Value>>(raw.get()) else {
        let place = crate::t!("media-place-production");
        out.push(Placeholder { what: "EffectTracks".into(), place, from: Time::ZERO, to: end, rect: None });
        return;
    };
    for (n, track) in tracks.iter().enumerate() {
        let items = track.get("EffectTrackItems").and_then(|i| i.as_array()).map(Vec::as_slice).unwrap_or_default();
        for item in items {
            let place = crate::t!("media-place-effect-track", n = n + 1);
            let Ok(k) = serde_json::from_value::<KnownEffect>(item.clone()) else {
                out.push(Placeholder { what: "EffectTrackItem".into(), place, from: Time::ZERO, to: end, rect: None });
                continue;
            };
            if looks::is_drawn(&k.r#type, k.sub_type.as_deref()) {
                continue;
            }
            let from = k.timeline_in.unwrap_or(Time::ZERO);
            let to = k.timeline_out.or(k.duration.map(|d| from + d)).unwrap_or(end).min(end);
            let sub = k.sub_type.as_deref().map(|s| format!(" {s}")).unwrap_or_default();
            let rect = effect_box(k.x.as_ref(), k.y.as_ref(), k.width.as_ref(), k.height.as_ref(), size);
            out.push(Placeholder { what: format!("{}{sub}", k.r#type), place, from, to, rect });
        }
    }
}

const YELLOW: [u8; 4] = [255, 214, 0, 255];

/// Draws the placeholders active on this frame: a yellow outline where each acts and a label
/// strip (dark band, yellow text) at its top; labels of one place stack downwards.
/// `zoom` is canvas pixels per output pixel.
pub fn draw(canvas: &mut Canvas, active: &[&Placeholder], zoom: f32) {
    let (cw, ch) = (canvas.width as f32, canvas.height as f32);
    let size = (ch * 0.06).clamp(9.0, 28.0);
    let band = Image::filled(1, 1, [0, 0, 0, 170]);
    let yellow = Image::filled(1, 1, YELLOW);
    let mut stacked: Vec<(Option<(i32, i32)>, f32)> = Vec::new();
    for p in active {
        let r = p.rect.map_or(Rect { x: 0.0, y: 0.0, w: cw, h: ch }, |r| Rect {
            x: r.x * zoom,
            y: r.y * zoom,
            w: r.w * zoom,
            h: r.h * zoom,
        });
        // At least 2 px: a 1 px line does not survive 4:2:0 chroma subsampling.
        let t = (ch / 90.0).round().max(2.0);
        for edge in [
            Rect { x: r.x, y: r.y, w: r.w, h: t },
            Rect { x: r.x, y: r.y + r.h - t, w: r.w, h: t },
            Rect { x: r.x, y: r.y, w: t, h: r.h },
            Rect { x: r.x + r.w - t, y: r.y, w: t, h: r.h },
        ] {
            canvas.draw_image(&yellow, edge, 1.0);
        }
        let key = p.rect.map(|r| (r.x as i32, r.y as i32));
        let row = match stacked.iter_mut().find(|(k, _)| *k == key) {
            Some((_, n)) => {
                *n += 1.0;
                *n
            }
            None => {
                stacked.push((key, 0.0));
                0.0
            }
        };
        let top = r.y + t + row * size * 1.3;
        let label = crate::t!("media-not-in-draft", what = p.what.as_str());
        canvas.draw_image(&band, Rect { x: r.x + t, y: top, w: (r.w - 2.0 * t).max(0.0), h: size * 1.3 }, 1.0);
        let tb = TextBox {
            content: label,
            x: r.x + t + size * 0.3,
            y: top + size * 0.1,
            anchor: (0.0, 0.0),
            size,
            colour: [YELLOW[0], YELLOW[1], YELLOW[2]],
            opacity: 1.0,
            owner: None,
        };
        text::draw(canvas, &tb, 1.0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draft::timing::placements;
    use crate::model::export::import_timeline_str;
    use std::collections::HashMap;

    #[test]
    fn unsupported_features_are_found_once_with_their_place_and_time() {
        let mut p = import_timeline_str(
            r#"{"VideoTracks":[{"VideoTrackClips":[
                  {"MediaId":"a","In":0,"Out":4,"Effects":[{"Type":"Text","Content":"ok"},{"Type":"VFX","SubType":"snow","TimelineIn":1,"TimelineOut":2}]},
                  {"MediaId":"a","In":0,"Out":4,"Speed":2,"Effects":[{"Type":"Transition","SubType":"directional","Duration":0.5},{"Type":"Filter","SubType":"warm"},
                                                          {"Type":"DeWatermark","X":10,"Y":10,"Width":100,"Height":50}]}]}],
                "AudioTracks":[{"AudioTrackClips":[{"MediaId":"b","Out":8,"Effects":[{"Type":"Volume","Gain":0},{"Type":"AFade","SubType":"In"}]}]}],
                "EffectTracks":[{"EffectTrackItems":[]}]}"#,
        )
        .unwrap();
        p.produce_config.template_id = "tpl1".into();
        let pl = placements(&p, &HashMap::new());
        let found = find(&p, &pl, Time::from_secs(8), (1280, 720));
        let lines: Vec<String> = found.iter().map(|f| f.line(crate::i18n::Clock::of(p.frame_rate))).collect();
        let s = |x: i64| Time::from_millis(x);
        assert_eq!(found.len(), 7, "{lines:#?}");
        assert_eq!((found[0].what.as_str(), found[0].from, found[0].to), ("template tpl1", Time::ZERO, s(8000)));
        assert_eq!((found[1].what.as_str(), found[1].from, found[1].to), ("VFX snow", s(1000), s(2000)));
        assert_eq!(found[1].place, "track V1, clip 1");
        assert_eq!((found[2].what.as_str(), found[2].from, found[2].to), ("Speed 2", s(4000), s(8000)));
        assert_eq!((found[3].what.as_str(), found[3].from, found[3].to), ("Transition directional", s(4000), s(4500)));
        assert_eq!(found[4].what, "Filter warm", "a filter is a known effect now: named by its SubType");
        assert_eq!(found[5].rect, Some(Rect { x: 10.0, y: 10.0, w: 100.0, h: 50.0 }));
        assert_eq!((found[6].what.as_str(), found[6].place.as_str()), ("effect AFade", "track A1, clip 1"));
        assert!(lines[1].contains("track V1, clip 1: VFX snow (00:00:01:00–00:00:02:00)"), "{}", lines[1]);
    }

    #[test]
    fn what_the_compositor_draws_is_no_placeholder_and_effect_track_items_are_placed() {
        let p = import_timeline_str(
            r#"{"VideoTracks":[{"VideoTrackClips":[
                  {"MediaId":"a","In":0,"Out":4,"Effects":[{"Type":"Transition","SubType":"fade"},{"Type":"Filter","SubType":"pfb"},
                                                          {"Type":"VFX","SubType":"blur"},{"Type":"VFX","SubType":"no-such-vfx"}]},
                  {"MediaId":"a","In":0,"Out":4}]}],
                "EffectTracks":[{"EffectTrackItems":[{"Type":"VFX","SubType":"mosaic_rect","X":0.1,"Y":0.1,"Width":0.2,"Height":0.2},
                                                     {"Type":"VFX","SubType":"snow","TimelineIn":2,"Duration":3}]},
                                {"EffectTrackItems":[{"Type":"Filter","SubType":"pf3","TimelineIn":1,"TimelineOut":9}]}]}"#,
        )
        .unwrap();
        let pl = placements(&p, &HashMap::new());
        let found = find(&p, &pl, Time::from_secs(7), (1280, 720));
        let what: Vec<(&str, &str, Time, Time)> =
            found.iter().map(|f| (f.what.as_str(), f.place.as_str(), f.from, f.to)).collect();
        let s = Time::from_secs;
        assert_eq!(
            what,
            vec![
                ("VFX snow", "effect track 1", s(2), s(5)),
                ("Filter pf3", "effect track 2", s(1), s(7)),
                ("VFX no-such-vfx", "track V1, clip 1", s(0), s(4)),
            ]
        );
    }

    #[test]
    fn a_placeholder_is_drawn_as_an_outline_with_a_label() {
        let mut c = Canvas::new(320, 180, [0, 0, 200, 255]);
        let p = Placeholder {
            what: "VFX zoom".into(),
            place: "track V1, clip 1".into(),
            from: Time::ZERO,
            to: Time::from_secs(1),
            rect: Some(Rect { x: 100.0, y: 50.0, w: 100.0, h: 80.0 }),
        };
        draw(&mut c, &[&p], 0.5);
        let img = c.into_image();
        assert_eq!(img.pixel(50, 50), YELLOW, "outline at the box's left edge, scaled");
        assert_eq!(img.pixel(75, 55), [0, 0, 200, 255], "the picture stays visible inside");
        assert_eq!(img.pixel(10, 10), [0, 0, 200, 255], "nothing outside");
        let yellowish =
            (52..99).flat_map(|x| (26..38).map(move |y| (x, y))).filter(|(x, y)| img.pixel(*x, *y)[0] > 100).count();
        assert!(yellowish > 20, "the label is written ({yellowish} pixels)");
    }
}
