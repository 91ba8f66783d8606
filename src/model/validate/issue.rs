//! What a problem is, as data: a stable code and its typed arguments. The words are made by
//! the faces (`i18n::describe`), in the user's language, when a problem is shown; here there
//! are none, so validation gives the same result whatever the language, and `validate --json`
//! can print the code for programs to act on. docs/problems.md lists every code.

use crate::model::TrackKind;
use crate::model::effects::{Evidence, Family};
use crate::model::time::Time;
use crate::model::wire::Num;
use serde::Serialize;

/// A piece of text from a file or a service (an ID) kept short for a message: at most
/// [`Quoted::MAX_CHARS`] characters, with the whole text's length in bytes, so a 50 MB
/// "MediaId" costs a problem 64 characters, not 50 MB (and floods no terminal).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Quoted {
    /// The first characters of the text.
    pub text: String,
    /// The length of the whole text, in bytes.
    pub bytes: usize,
}

impl Quoted {
    pub const MAX_CHARS: usize = 64;

    pub fn of(text: &str) -> Quoted {
        Quoted { text: cut(text, Quoted::MAX_CHARS).to_owned(), bytes: text.len() }
    }

    /// Whether `text` is the whole of what was quoted.
    pub fn is_whole(&self) -> bool {
        self.text.len() == self.bytes
    }
}

/// The first `max` characters of `text` (all of it when shorter).
pub fn cut(text: &str, max: usize) -> &str {
    match text.char_indices().nth(max) {
        Some((i, _)) => &text[..i],
        None => text,
    }
}

/// Which text field a byte limit or an address rule is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum TextField {
    ProjectTitle,
    ProjectDescription,
    ProjectCover,
    VideoTitle,
    VideoDescription,
    VideoCover,
}

/// Declares [`Issue`] with one variant per code, its `code()` and the list of codes, so the
/// three cannot disagree.
macro_rules! issues {
    ($( $(#[$doc:meta])* $code:literal => $name:ident $({ $($field:ident : $ty:ty),* $(,)? })? ),* $(,)?) => {
        /// One kind of problem with its arguments. Serialized (for `validate --json`) as
        /// `{"code": "...", "args": {...}}`; times as seconds, track kinds as the API names them.
        #[derive(Clone, Debug, PartialEq, Serialize)]
        #[serde(tag = "code", content = "args")]
        pub enum Issue {
            $( $(#[$doc])* #[serde(rename = $code)] $name $({ $($field: $ty),* })? ),*
        }

        impl Issue {
            /// Every code, in the order of the declaration.
            pub const CODES: &'static [&'static str] = &[$($code),*];

            /// The stable code: `clip.out-before-in`.
            pub fn code(&self) -> &'static str {
                match self {
                    $( Issue::$name { .. } => $code ),*
                }
            }
        }
    };
}

issues! {
    /// No clip on a visible track and no cloud project to produce.
    "project.nothing-to-produce" => NothingToProduce,
    /// More visible tracks of one kind than a production takes.
    "project.too-many-tracks" => TooManyTracks { n: usize, kind: TrackKind, max: usize },
    /// More distinct media than a production takes.
    "project.too-many-media" => TooManyMedia { n: usize, max: usize },
    /// A title or description past its limit in bytes.
    "project.too-many-bytes" => TooManyBytes { what: TextField, n: usize, max: usize },
    /// A cover address that is not http(s).
    "project.not-http-url" => NotHttpUrl { what: TextField, url: String },
    "project.too-many-tags" => TooManyTags { n: usize, max: usize },
    "project.tag-too-long" => TagTooLong { tag: String, n: usize, max: usize },
    "project.tag-comma" => TagComma { tag: String },
    "project.category-not-number" => CategoryNotNumber { category: String },
    "output.width-without-height" => WidthWithoutHeight,
    "output.height-without-width" => HeightWithoutWidth,
    "output.side-out-of-range" => SideOutOfRange { v: u32, min: u32, max: u32 },
    "output.short-side" => ShortSide { w: u32, h: u32, max: u32 },
    "output.unknown-region" => UnknownRegion { region: String },
    /// Outside the default region the output's storage location must be given.
    "output.storage-needed" => StorageNeeded { region: String },
    "callback.not-http" => CallbackNotHttp { url: String },
    "callback.type" => CallbackType { r#type: String },
    "user-data.extend-too-long" => ExtendTooLong { n: usize, max: usize },
    "user-data.extend-not-json" => ExtendNotJson { error: String },
    "user-data.long" => UserDataLong { n: usize, max: usize },

    /// A muted audio track's clips are left out of the production.
    "track.muted-left-out" => TrackMutedLeftOut { n: usize },
    /// A hidden track's clips are left out of the production.
    "track.hidden-left-out" => TrackHiddenLeftOut { n: usize },
    "track.subtitle-unconfirmed" => SubtitleUnconfirmed,

    "clip.no-media-id" => NoMediaId,
    /// A clip imported from another editor without a MediaId, waiting for its source file
    /// (`SourceFile`: a map or an upload gives it its media).
    "clip.waiting-for-file" => WaitingForFile { file: Quoted },
    "clip.no-image-id" => NoImageId,
    "clip.subtitle-no-text" => SubtitleNoText,
    "clip.subtitle-type" => SubtitleType { r#type: String },
    /// A MediaId or ImageId that is not 32 hexadecimal digits.
    "clip.id-shape" => IdShape { field: &'static str, id: Quoted },
    "clip.video-type" => VideoClipType { r#type: String },
    /// A time field (In, Out, TimelineIn, TimelineOut) below zero.
    "clip.negative-time" => NegativeTime { name: &'static str, v: Time },
    "clip.out-before-in" => OutBeforeIn { out: Time, r#in: Time },
    "clip.timeline-out-before-in" => TimelineOutBeforeIn { out: Time, r#in: Time },
    /// X, Y, Width or Height neither a ratio of the frame nor whole pixels.
    "clip.layout-not-ratio" => LayoutNotRatio { name: &'static str, v: Num },
    "clip.layout-small-pixels" => LayoutSmallPixels { name: &'static str, v: Num },
    "clip.colour" => Colour { colour: String },
    "clip.opacity" => Opacity { v: Num },
    "clip.font-size" => FontSize { v: Num },
    "clip.alignment" => Alignment { alignment: String },
    "clip.font-unknown" => FontUnknown { font: String },
    /// On a video or audio track, a clip starting inside another (`other` counts from 1).
    "clip.overlap" => Overlap { start: Time, other: usize, from: Time, to: Time, kind: TrackKind },
    /// In or Out past the end of the media (its length known from the media bin).
    "clip.past-media-end" => PastMediaEnd { field: &'static str, t: Time, length: Time },

    "effect.unknown" => UnknownEffect { r#type: String },
    "effect.text-no-text" => TextNoText,
    "effect.delogo-subtype" => DelogoSubtype,
    "effect.volume-no-gain" => VolumeNoGain,
    "effect.gain-negative" => GainNegative { v: Num },
    "effect.blur-radius" => BlurRadius { v: Num },
    /// `subtype` is `None` when the effect has none.
    "effect.background-subtype" => BackgroundSubtype { subtype: Option<String> },
    "effect.needs-subtype" => NeedsSubtype { r#type: String },
    "effect.on-audio" => EffectOnAudio { r#type: String },
    /// A SubType (or a motion, word-art style or font) the documents do not list: sent as
    /// written (warning).
    "effect.subtype-unknown" => SubtypeUnknown { family: Family, value: Quoted },
    /// A value the documents list but are not sure of (`evidence` says why) (warning).
    "effect.unsure" => EffectUnsure { family: Family, value: Quoted, evidence: Evidence },
    /// SubType `random` or a comma list: the service picks one (IMS only) (warning).
    "effect.subtype-random" => SubtypeRandom { subtype: Quoted },
    /// X/Y/Width/Height on a VFX other than mosaic_rect and blur (warning).
    "effect.region-ignored" => RegionIgnored,
    /// TimelineIn/TimelineOut inside a clip's effect: their frame is not documented (warning).
    "effect.times-unsure" => EffectTimesUnsure,
    /// A key of the colour grade's ExtParams that is not one of its documented keys (warning).
    "effect.grade-key-unknown" => GradeKeyUnknown { key: Quoted },

    "transition.no-duration" => TransitionNoDuration,
    "transition.duration" => TransitionDuration { v: Time },
    "transition.image-track" => TransitionOnImageTrack,
    "transition.last-clip" => TransitionLastClip,
    "transition.too-long" => TransitionTooLong { d: Time },
    "transition.no-overlap" => TransitionNoOverlap { d: Time },
    "transition.overlap-differs" => TransitionOverlapDiffers { d: Time, overlap: Time },

    /// A documented parameter whose value is not of its documented form (`field` is the key;
    /// error where the documents are sure of the field, warning else).
    "param.not-number" => ParamNotNumber { field: &'static str, v: Quoted },
    "param.not-whole" => ParamNotWhole { field: &'static str, v: Quoted },
    "param.below" => ParamBelow { field: &'static str, v: Quoted, min: String },
    "param.above" => ParamAbove { field: &'static str, v: Quoted, max: String },
    "param.colour" => ParamColour { field: &'static str, v: Quoted },
    "param.choice" => ParamChoice { field: &'static str, v: Quoted, list: &'static [&'static str] },
    "param.position" => ParamPosition { field: &'static str, v: Quoted },
    "param.not-text" => ParamNotText { field: &'static str },
    /// A field documented for the sister service (IMS) only (warning).
    "param.ims-only" => ParamImsOnly { field: &'static str },
    /// A field known from third-party notes only (warning).
    "param.third-party" => ParamThirdParty { field: &'static str },
    "text.motion-loop-alone" => MotionLoopAlone,
    "text.word-art-outline" => WordArtOutline,

    /// VOD could not be asked whether the media are ready (`error` is why, in words).
    "media.status-unchecked" => StatusUnchecked { error: String },
    /// A media VOD has not made Normal yet (`status` is VOD's: Uploading, Transcoding…).
    "media.not-normal" => NotNormal { id: String, title: String, status: String },
    "media.unknown" => UnknownMedia { id: Quoted, region: String },

    /// The project is a template: a field still holds `{{slot}}` (the first one, and where).
    /// Producing it would bill a video with the braces in it.
    "template.unfilled" => TemplateUnfilled { slot: String, place: String },
}
