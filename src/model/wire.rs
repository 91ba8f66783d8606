//! The API's Timeline JSON, as serde types with the API's PascalCase names.
//!
//! One [`Clip`] type serves every track kind and one [`Effect`] type every effect: the API's
//! objects are flat bags of optional fields, and keeping them that way means what came in goes
//! out unchanged. Fields the app does not know land in `extra` and are written back as they
//! came, at every level (timeline, track, clip, effect).

use super::budget::counted_list;
use super::json::{Expected, Found, Wrong};
use super::time::Time;
use crate::json_object;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::Value;

pub use super::json::Extra;

/// A number that is not a time (Gain, X, Width, FontSize, Radius...).
///
/// Keeps the JSON number as it came (integer or not) and whether it came quoted: `31` pixels
/// must not become `31.0`, and `"Gain":"0.5"` (the docs' own form) stays a string.
#[derive(Clone, Debug, PartialEq)]
pub struct Num {
    pub number: serde_json::Number,
    pub quoted: bool,
}

impl Num {
    pub fn value(&self) -> f64 {
        self.number.as_f64().unwrap_or(f64::NAN)
    }

    /// From text typed by a person: `"100"` stays an integer, `"0.5"` a decimal.
    pub fn parse(text: &str) -> Option<Num> {
        let text = text.trim();
        let number = if let Ok(i) = text.parse::<i64>() {
            serde_json::Number::from(i)
        } else {
            serde_json::Number::from_f64(text.parse::<f64>().ok()?)?
        };
        Some(Num { number, quoted: false })
    }

    pub fn int(v: i64) -> Num {
        Num { number: v.into(), quoted: false }
    }

    pub fn float(v: f64) -> Option<Num> {
        Some(Num { number: serde_json::Number::from_f64(v)?, quoted: false })
    }

    /// Whole number (pixels, font size): `31` or `31.0`.
    pub fn is_whole(&self) -> bool {
        let v = self.value();
        v.is_finite() && v.fract() == 0.0
    }
}

impl std::fmt::Display for Num {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.number)
    }
}

impl Serialize for Num {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if self.quoted { s.serialize_str(&self.number.to_string()) } else { self.number.serialize(s) }
    }
}

impl<'de> Deserialize<'de> for Num {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        match Value::deserialize(d)? {
            Value::Number(number) => Ok(Num { number, quoted: false }),
            Value::String(s) => match Num::parse(&s) {
                Some(n) => Ok(Num { number: n.number, quoted: true }),
                None => Err(Wrong::NotANumber { text: s }.error()),
            },
            other => Err(Wrong::ExpectedNumber { found: Found::kind_of(&other) }.error()),
        }
    }
}

/// Bold / Italic / Underline of banner text and subtitles.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct FontFace {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bold: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub italic: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub underline: Option<bool>,
    #[serde(flatten)]
    pub extra: Extra,
}

json_object!(FontFace, Expected::FontFace, init: FontFace::default(), extra: extra, required: [], {
    "Bold" => bold,
    "Italic" => italic,
    "Underline" => underline,
});

/// A clip on any track: VideoTrackClip (Type Video or Image), AudioTrackClip,
/// ImageTrackClip (ImageId) or SubtitleTrackClip (Type Text with Content and style).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct Clip {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub media_id: Option<String>,
    /// Image overlays name their image with ImageId.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image_id: Option<String>,
    /// `Video` (default) or `Image` on video tracks; `Text` on subtitle tracks.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub r#type: Option<String>,
    /// Start inside the source (default 0).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub r#in: Option<Time>,
    /// End inside the source (default: the source's end).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub out: Option<Time>,
    /// Start on the output timeline; absent means "right after the previous clip".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timeline_in: Option<Time>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timeline_out: Option<Time>,
    /// X, Y, Width and Height: only overlays and picture-in-picture have them.
    #[serde(flatten)]
    pub area: Sparse<Area>,
    // Subtitle text and style (SubtitleTrackClip).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content: Option<String>,
    /// Font, FontSize, FontColor, FontColorOpacity, FontFace and Alignment: only subtitles.
    #[serde(flatten)]
    pub style: Sparse<TextStyle>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub effects: Vec<Effect>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// Fields most clips leave out, behind one pointer that is only allocated when one is set.
///
/// Why: every edit that ripples writes the times of tens of thousands of clips, and on a
/// 100 000-clip project that walk is bound by how many pages the clips span; these fields
/// were two thirds of a `Clip` (456 bytes, now 224). Reading goes through an empty value, so
/// `clip.style.font` reads as before; writing allocates. A box of nothing but `None`s equals
/// (and is written as) no box.
#[derive(Clone, Debug, Default)]
pub struct Sparse<T>(Option<Box<T>>);

impl<T> Sparse<T> {
    pub fn new(value: T) -> Self {
        Sparse(Some(Box::new(value)))
    }
}

/// A value with every field unset, to read through when a [`Sparse`] holds nothing.
pub trait Empty: Default + 'static {
    fn empty() -> &'static Self;
}

impl<T: Empty> std::ops::Deref for Sparse<T> {
    type Target = T;
    fn deref(&self) -> &T {
        self.0.as_deref().unwrap_or_else(|| T::empty())
    }
}

impl<T: Empty> std::ops::DerefMut for Sparse<T> {
    fn deref_mut(&mut self) -> &mut T {
        self.0.get_or_insert_with(Box::default)
    }
}

impl<T: Empty + PartialEq> PartialEq for Sparse<T> {
    fn eq(&self, other: &Self) -> bool {
        **self == **other
    }
}

impl<T: Empty + Serialize> Serialize for Sparse<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        (**self).serialize(s)
    }
}

/// Where an overlay or a picture-in-picture goes on the output (see [`Clip::area`]).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct Area {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub x: Option<Num>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub y: Option<Num>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub width: Option<Num>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub height: Option<Num>,
}

impl Empty for Area {
    fn empty() -> &'static Self {
        static EMPTY: Area = Area { x: None, y: None, width: None, height: None };
        &EMPTY
    }
}

/// A subtitle's style (see [`Clip::style`]).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct TextStyle {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub font: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub font_size: Option<Num>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub font_color: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub font_color_opacity: Option<Num>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub font_face: Option<FontFace>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub alignment: Option<String>,
}

impl Empty for TextStyle {
    fn empty() -> &'static Self {
        static EMPTY: TextStyle = TextStyle {
            font: None,
            font_size: None,
            font_color: None,
            font_color_opacity: None,
            font_face: None,
            alignment: None,
        };
        &EMPTY
    }
}

json_object!(Clip, Expected::Clip, init: Clip::default(), extra: extra, required: [], {
    "MediaId" => media_id,
    "ImageId" => image_id,
    "Type" => r#type,
    "In" => r#in,
    "Out" => out,
    "TimelineIn" => timeline_in,
    "TimelineOut" => timeline_out,
    "X" => area.x,
    "Y" => area.y,
    "Width" => area.width,
    "Height" => area.height,
    "Content" => content,
    "Font" => style.font,
    "FontSize" => style.font_size,
    "FontColor" => style.font_color,
    "FontColorOpacity" => style.font_color_opacity,
    "FontFace" => style.font_face,
    "Alignment" => style.alignment,
    "Effects" => effects with counted_list,
});

/// The field of a clip imported from another editor without a MediaId that keeps its source
/// file's path (or name), so a map or an upload later gives it its media, the timeline names
/// it, and an `.otio` export names the file again. Editor-only: never sent to VOD (see
/// [`super::export::timeline`]); a clip that has it has no MediaId and fails validation anyway.
pub const SOURCE_FILE: &str = "SourceFile";

impl Clip {
    /// The source file an imported clip without media waits for ([`SOURCE_FILE`]).
    pub fn source_file(&self) -> Option<String> {
        self.extra.get_str(SOURCE_FILE).filter(|s| !s.trim().is_empty())
    }

    /// The material this clip uses: MediaId, or ImageId for image overlays.
    pub fn material_id(&self) -> Option<&str> {
        self.media_id.as_deref().or(self.image_id.as_deref())
    }

    pub fn is_text(&self) -> bool {
        self.r#type.as_deref() == Some("Text")
    }
}

/// The effect types the app understands; anything else is [`EffectKind::Other`] and is kept
/// exactly as it came.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EffectKind {
    Text,
    DeWatermark,
    Volume,
    Background,
    Vfx,
    Transition,
    Filter,
}

impl EffectKind {
    pub const ALL: [EffectKind; 7] = [
        EffectKind::Text,
        EffectKind::DeWatermark,
        EffectKind::Volume,
        EffectKind::Background,
        EffectKind::Vfx,
        EffectKind::Transition,
        EffectKind::Filter,
    ];

    pub fn wire_name(self) -> &'static str {
        match self {
            EffectKind::Text => "Text",
            EffectKind::DeWatermark => "DeWatermark",
            EffectKind::Volume => "Volume",
            EffectKind::Background => "Background",
            EffectKind::Vfx => "VFX", // i18n-exempt: the API's Type name
            EffectKind::Transition => "Transition",
            EffectKind::Filter => "Filter",
        }
    }

    pub fn from_wire(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.wire_name() == name)
    }
}

/// One entry of a clip's `Effects`.
#[derive(Clone, Debug, PartialEq)]
pub enum Effect {
    Known(Box<KnownEffect>),
    /// An effect type the app does not model: kept verbatim.
    Other(Extra),
}

/// Fields of the known effect types (Text, DeWatermark, Volume, Background, VFX, Transition,
/// Filter). Documented fields without a place here (a Text effect's Outline, a VFX's
/// ExtParams...) are in `extra`, read and written through `model::effects::params`.
/// `In`/`Out` are relative to the clip, `TimelineIn`/`TimelineOut` to the output.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct KnownEffect {
    pub r#type: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sub_type: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub r#in: Option<Time>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub out: Option<Time>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timeline_in: Option<Time>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timeline_out: Option<Time>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub x: Option<Num>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub y: Option<Num>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub width: Option<Num>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub height: Option<Num>,
    /// Volume: 0 mute, 1 original, >1 louder.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gain: Option<Num>,
    /// Background Blur radius.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub radius: Option<Num>,
    /// Background Color.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub color: Option<String>,
    /// Transition length in seconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration: Option<Time>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub font: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub font_size: Option<Num>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub font_color: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub font_color_opacity: Option<Num>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub font_face: Option<FontFace>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alignment: Option<String>,
    #[serde(flatten)]
    pub extra: Extra,
}

json_object!(KnownEffect, Expected::Effect, init: KnownEffect::default(), extra: extra, required: ["Type"], {
    "Type" => r#type,
    "SubType" => sub_type,
    "In" => r#in,
    "Out" => out,
    "TimelineIn" => timeline_in,
    "TimelineOut" => timeline_out,
    "X" => x,
    "Y" => y,
    "Width" => width,
    "Height" => height,
    "Gain" => gain,
    "Radius" => radius,
    "Color" => color,
    "Duration" => duration,
    "Content" => content,
    "Font" => font,
    "FontSize" => font_size,
    "FontColor" => font_color,
    "FontColorOpacity" => font_color_opacity,
    "FontFace" => font_face,
    "Alignment" => alignment,
});

impl Effect {
    /// A new effect of a known kind with nothing but its Type (and the one SubType the
    /// DeWatermark effect has).
    pub fn new(kind: EffectKind) -> Effect {
        let mut e = KnownEffect { r#type: kind.wire_name().to_owned(), ..Default::default() };
        match kind {
            // i18n-exempt: the API's SubType name
            EffectKind::DeWatermark => e.sub_type = Some("Delogo_Blur".into()),
            EffectKind::Volume => e.gain = Some(Num { number: 1.into(), quoted: true }),
            EffectKind::Background => e.sub_type = Some("Blur".into()),
            _ => {}
        }
        Effect::Known(Box::new(e))
    }

    pub fn kind(&self) -> Option<EffectKind> {
        match self {
            Effect::Known(e) => EffectKind::from_wire(&e.r#type),
            Effect::Other(_) => None,
        }
    }

    /// The `Type` as written (also for effects the app does not model).
    pub fn type_name(&self) -> &str {
        match self {
            Effect::Known(e) => &e.r#type,
            Effect::Other(m) => match m.get("Type").map(|t| t.get()) {
                // A plain JSON string without escapes is its own text between the quotes.
                Some(t) if t.len() >= 2 && t.starts_with('"') && t.ends_with('"') && !t.contains('\\') => {
                    &t[1..t.len() - 1]
                }
                _ => "?",
            },
        }
    }
}

impl Serialize for Effect {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Effect::Known(e) => e.serialize(s),
            Effect::Other(m) => m.serialize(s),
        }
    }
}

/// An effect's fields are read as JSON text first, because its `Type` (which decides how the
/// rest is read) may come last. Effects are few next to clips.
impl<'de> Deserialize<'de> for Effect {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let map = Extra::deserialize(d)?;
        let known = map.get_str("Type").and_then(|t| EffectKind::from_wire(&t));
        if known.is_none() {
            return Ok(Effect::Other(map));
        }
        let mut e = KnownEffect::default();
        for (key, raw) in map.iter() {
            e.read_field(key, raw)
                .map_err(|err| Wrong::InField { key: key.to_owned(), inner: Box::new(Wrong::of(&err)) }.error())?;
        }
        Ok(Effect::Known(Box::new(e)))
    }
}

macro_rules! track_type {
    ($(#[$doc:meta])* $name:ident, $field:literal) => {
        $(#[$doc])*
        #[derive(Clone, Debug, Default, PartialEq, Serialize)]
        pub struct $name {
            #[serde(rename = $field)]
            pub clips: Vec<Clip>,
            #[serde(flatten)]
            pub extra: Extra,
        }
        json_object!($name, Expected::Track, init: $name::default(), extra: extra, required: [], {
            $field => clips with counted_list,
        });
    };
}

track_type!(
    /// `{"VideoTrackClips":[...]}`
    VideoTrack,
    "VideoTrackClips"
);
track_type!(
    /// `{"AudioTrackClips":[...]}`
    AudioTrack,
    "AudioTrackClips"
);
track_type!(
    /// `{"ImageTrackClips":[...]}`
    ImageTrack,
    "ImageTrackClips"
);
track_type!(
    /// `{"SubtitleTrackClips":[...]}`
    SubtitleTrack,
    "SubtitleTrackClips"
);

/// The `Timeline` request parameter. Track arrays stack in order: the first VideoTrack is the
/// bottom layer.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct Timeline {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub video_tracks: Vec<VideoTrack>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub audio_tracks: Vec<AudioTrack>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub image_tracks: Vec<ImageTrack>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub subtitle_tracks: Vec<SubtitleTrack>,
    #[serde(flatten)]
    pub extra: Extra,
}

json_object!(Timeline, Expected::Timeline, init: Timeline::default(), extra: extra, required: [], {
    "VideoTracks" => video_tracks with counted_list,
    "AudioTracks" => audio_tracks with counted_list,
    "ImageTracks" => image_tracks with counted_list,
    "SubtitleTracks" => subtitle_tracks with counted_list,
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn num_keeps_integer_and_quotes() {
        let n: Num = serde_json::from_str("31").unwrap();
        assert_eq!(serde_json::to_string(&n).unwrap(), "31");
        let n: Num = serde_json::from_str("\"0.5\"").unwrap();
        assert!(n.quoted);
        assert_eq!(n.value(), 0.5);
        assert_eq!(serde_json::to_string(&n).unwrap(), "\"0.5\"");
        assert!(serde_json::from_str::<Num>("\"loud\"").is_err());
        assert!(serde_json::from_str::<Num>("[1]").is_err());
    }

    #[test]
    fn unknown_effect_is_kept_verbatim() {
        let text = r#"{"Type":"AFade","SubType":"In","Whatever":{"a":[1,"x"]},"Gain":"not a number"}"#;
        let e: Effect = serde_json::from_str(text).unwrap();
        assert!(matches!(e, Effect::Other(_)));
        assert_eq!(serde_json::to_string(&e).unwrap(), text);
    }

    #[test]
    fn known_effect_keeps_unknown_fields() {
        let text = r#"{"Type":"Volume","Gain":"0.5","In":8,"Out":"60","Fancy":true}"#;
        let e: Effect = serde_json::from_str(text).unwrap();
        let Effect::Known(k) = &e else { panic!("Volume is known") };
        assert_eq!(k.out, Some(Time::from_secs(60)));
        assert_eq!(k.extra.get("Fancy").map(|v| v.get()), Some("true"));
        assert_eq!(
            serde_json::to_string(&e).unwrap(),
            r#"{"Type":"Volume","In":8,"Out":60,"Gain":"0.5","Fancy":true}"#
        );
    }

    /// Every field filled (a struct literal, so a new field must be added here): each key
    /// written is read back into its field, none lands among the unknown ones.
    #[test]
    fn every_written_key_is_read_back() {
        let n = || Some(Num::int(1));
        let t = || Some(Time::from_secs(1));
        let s = || Some("s".to_owned());
        let face = FontFace { bold: Some(true), italic: Some(false), underline: Some(true), extra: Extra::new() };
        let effect = KnownEffect {
            r#type: "Text".into(),
            sub_type: s(),
            r#in: t(),
            out: t(),
            timeline_in: t(),
            timeline_out: t(),
            x: n(),
            y: n(),
            width: n(),
            height: n(),
            gain: n(),
            radius: n(),
            color: s(),
            duration: t(),
            content: s(),
            font: s(),
            font_size: n(),
            font_color: s(),
            font_color_opacity: n(),
            font_face: Some(face.clone()),
            alignment: s(),
            extra: Extra::new(),
        };
        let clip = Clip {
            media_id: s(),
            image_id: s(),
            r#type: s(),
            r#in: t(),
            out: t(),
            timeline_in: t(),
            timeline_out: t(),
            area: Sparse::new(Area { x: n(), y: n(), width: n(), height: n() }),
            content: s(),
            style: Sparse::new(TextStyle {
                font: s(),
                font_size: n(),
                font_color: s(),
                font_color_opacity: n(),
                font_face: Some(face),
                alignment: s(),
            }),
            effects: vec![Effect::Known(Box::new(effect))],
            extra: Extra::new(),
        };
        let text = serde_json::to_string(&clip).unwrap();
        let back: Clip = serde_json::from_str(&text).unwrap();
        assert_eq!(back, clip, "{text}");
        assert_eq!(serde_json::to_string(&back).unwrap(), text);
    }

    /// The rarely set fields sit behind one pointer: a clip without them is small, reads
    /// them as unset, is written without them, and equals a clip whose box holds nothing.
    #[test]
    fn rare_fields_cost_a_pointer_and_read_as_unset() {
        assert!(std::mem::size_of::<Clip>() <= 232, "Clip is {} bytes", std::mem::size_of::<Clip>());
        let plain: Clip = serde_json::from_str(r#"{"MediaId":"m","In":0,"Out":2}"#).unwrap();
        assert!(plain.area.0.is_none() && plain.style.0.is_none(), "nothing allocated for a plain clip");
        assert_eq!((plain.area.x.clone(), plain.style.font.clone()), (None, None));
        let mut touched = plain.clone();
        touched.style.font = None;
        assert!(touched.style.0.is_some());
        assert_eq!(touched, plain);
        assert_eq!(serde_json::to_string(&touched).unwrap(), r#"{"MediaId":"m","In":0,"Out":2}"#);
        // The keys keep their place among the others when written back.
        let text = r#"{"MediaId":"m","X":0.1,"Height":0.5,"Content":"hi","FontSize":30,"Alignment":"TopLeft","Effects":[{"Type":"Volume","Gain":1}],"Zed":1}"#;
        let clip: Clip = serde_json::from_str(text).unwrap();
        assert_eq!(clip.area.height, Some(Num::float(0.5).unwrap()));
        assert_eq!(serde_json::to_string(&clip).unwrap(), text);
        let twice = serde_json::from_str::<Clip>(r#"{"FontSize":30,"FontSize":31}"#);
        assert!(twice.is_err(), "a repeated key inside a boxed group is still refused");
    }

    #[test]
    fn known_effect_with_bad_field_is_an_error() {
        let r = serde_json::from_str::<Effect>(r#"{"Type":"Volume","Gain":"loud"}"#);
        let wrong = Wrong::of(&r.unwrap_err());
        let inner = Box::new(Wrong::NotANumber { text: "loud".into() });
        assert_eq!(wrong, Wrong::InField { key: "Gain".into(), inner });
    }
}
