//! The sentence for each problem code (locales/*/validate.ftl).

use crate::i18n::Clock;
use crate::i18n::format::quoted;
use crate::model::effects::params::COLOR_GRADE_PARAMS;
use crate::model::effects::{Evidence, Family, documented_fonts};
use crate::model::project::{DEFAULT_REGION, Project};
use crate::model::regions::REGIONS;
use crate::model::validate::{ALIGNMENTS, Issue, Problem, TextField};
use crate::t;

/// What is wrong, as a plain sentence in the user's language. Times the user placed on the
/// timeline read in the project's clock (timecode, or seconds when chosen); times of the API's
/// fields read as the fields hold them (seconds).
pub fn message(p: &Problem, project: &Project) -> String {
    let clock = Clock::of(project.frame_rate);
    match &p.issue {
        Issue::NothingToProduce => t!("v-nothing-to-produce"),
        Issue::TooManyTracks { n, kind, max } => {
            t!("v-too-many-tracks", n = *n, kind = super::kind_name(*kind), max = *max)
        }
        Issue::TooManyMedia { n, max } => t!("v-too-many-media", n = *n, max = *max),
        Issue::TooManyBytes { what, n, max } => t!("v-too-many-bytes", what = field(*what), n = *n, max = *max),
        Issue::NotHttpUrl { what, url } => t!("v-not-http-url", what = field(*what), url = url.as_str()),
        Issue::TooManyTags { n, max } => t!("v-too-many-tags", n = *n, max = *max),
        Issue::TagTooLong { tag, n, max } => t!("v-tag-too-long", tag = tag.as_str(), n = *n, max = *max),
        Issue::TagComma { tag } => t!("v-tag-comma", tag = tag.as_str()),
        Issue::CategoryNotNumber { category } => t!("v-category-not-number", category = category.as_str()),
        Issue::WidthWithoutHeight => t!("v-width-without-height"),
        Issue::HeightWithoutWidth => t!("v-height-without-width"),
        Issue::SideOutOfRange { v, min, max } => t!("v-side-out-of-range", v = *v, min = *min, max = *max),
        Issue::ShortSide { w, h, max } => t!("v-short-side", w = *w, h = *h, max = *max),
        Issue::UnknownRegion { region } => {
            let list = REGIONS.iter().map(|r| r.id).collect::<Vec<_>>().join(", ");
            t!("v-unknown-region", region = region.as_str(), list = list)
        }
        Issue::StorageNeeded { region } => t!("v-storage-needed", region = region.as_str(), default = DEFAULT_REGION),
        Issue::CallbackNotHttp { url } => t!("v-callback-not-http", url = url.as_str()),
        Issue::CallbackType { r#type } => t!("v-callback-type", r#type = r#type.as_str()),
        Issue::ExtendTooLong { n, max } => t!("v-extend-too-long", n = *n, max = *max),
        Issue::ExtendNotJson { error } => t!("v-extend-not-json", error = error.as_str()),
        Issue::UserDataLong { n, max } => t!("v-user-data-long", n = *n, max = *max),
        Issue::TrackMutedLeftOut { n } => t!("v-track-muted-left-out", n = *n),
        Issue::TrackHiddenLeftOut { n } => t!("v-track-hidden-left-out", n = *n),
        Issue::SubtitleUnconfirmed => t!("v-subtitle-unconfirmed"),
        Issue::NoMediaId => t!("v-no-media-id"),
        Issue::WaitingForFile { file } => t!("v-waiting-for-file", file = quoted(file)),
        Issue::NoImageId => t!("v-no-image-id"),
        Issue::SubtitleNoText => t!("v-subtitle-no-text"),
        Issue::SubtitleType { r#type } => t!("v-subtitle-type", r#type = r#type.as_str()),
        Issue::IdShape { field, id } => t!("v-id-shape", field = *field, id = quoted(id)),
        Issue::VideoClipType { r#type } => t!("v-video-clip-type", r#type = r#type.as_str()),
        Issue::NegativeTime { name, v } => t!("v-negative-time", name = *name, v = v.to_string()),
        Issue::OutBeforeIn { out, r#in } => t!("v-out-before-in", out = out.to_string(), r#in = r#in.to_string()),
        Issue::TimelineOutBeforeIn { out, r#in } => {
            t!("v-timeline-out-before-in", out = out.to_string(), r#in = r#in.to_string())
        }
        Issue::LayoutNotRatio { name, v } => t!("v-layout-not-ratio", name = *name, v = v.to_string()),
        Issue::LayoutSmallPixels { name, v } => t!("v-layout-small-pixels", name = *name, v = v.to_string()),
        Issue::Colour { colour } => t!("v-colour", colour = colour.as_str()),
        Issue::Opacity { v } => t!("v-opacity", v = v.to_string()),
        Issue::FontSize { v } => t!("v-font-size", v = v.to_string()),
        Issue::Alignment { alignment } => {
            t!("v-alignment", alignment = alignment.as_str(), list = ALIGNMENTS.join(", "))
        }
        Issue::FontUnknown { font } => {
            t!("v-font-unknown", font = font.as_str(), list = documented_fonts().collect::<Vec<_>>().join(", "))
        }
        Issue::Overlap { start, other, from, to, kind } => t!(
            "v-overlap",
            start = clock.time(*start),
            other = *other,
            from = clock.time(*from),
            to = clock.time(*to),
            kind = super::kind_name(*kind),
        ),
        Issue::PastMediaEnd { field, t, length } => {
            t!("v-past-media-end", field = *field, t = t.to_string(), length = clock.length(*length))
        }
        Issue::UnknownEffect { r#type } => t!("v-unknown-effect", r#type = r#type.as_str()),
        Issue::TextNoText => t!("v-text-no-text"),
        Issue::DelogoSubtype => t!("v-delogo-subtype"),
        Issue::VolumeNoGain => t!("v-volume-no-gain"),
        Issue::GainNegative { v } => t!("v-gain-negative", v = v.to_string()),
        Issue::BlurRadius { v } => t!("v-blur-radius", v = v.to_string()),
        Issue::BackgroundSubtype { subtype } => {
            let subtype = subtype.clone().unwrap_or_else(|| t!("v-nothing"));
            t!("v-background-subtype", subtype = subtype)
        }
        Issue::NeedsSubtype { r#type } => t!("v-needs-subtype", r#type = r#type.as_str()),
        Issue::EffectOnAudio { r#type } => t!("v-audio-effect", r#type = r#type.as_str()),
        Issue::SubtypeUnknown { family, value } => {
            t!("v-subtype-unknown", what = family_name(*family), value = quoted(value))
        }
        Issue::EffectUnsure { family, value, evidence } => {
            let (what, value) = (family_name(*family), quoted(value));
            match evidence {
                Evidence::ThirdParty => t!("v-evidence-third-party", what = what, value = value),
                Evidence::ImsOnly => t!("v-evidence-ims", what = what, value = value),
                Evidence::Legacy2021 => t!("v-evidence-legacy", what = what, value = value),
                Evidence::Unsure | Evidence::Documented => t!("v-evidence-unsure", what = what, value = value),
            }
        }
        Issue::SubtypeRandom { subtype } => t!("v-subtype-random", subtype = quoted(subtype)),
        Issue::RegionIgnored => t!("v-region-only"),
        Issue::EffectTimesUnsure => t!("v-effect-times-unsure"),
        Issue::GradeKeyUnknown { key } => {
            let list = COLOR_GRADE_PARAMS.iter().map(|p| p.key).collect::<Vec<_>>().join(", ");
            t!("v-grade-key-unknown", key = quoted(key), list = list)
        }
        Issue::TransitionNoDuration => t!("v-transition-no-duration"),
        Issue::TransitionDuration { v } => t!("v-transition-duration", v = v.to_string()),
        Issue::TransitionOnImageTrack => t!("v-transition-track"),
        Issue::TransitionLastClip => t!("v-transition-last"),
        Issue::TransitionTooLong { d } => t!("v-transition-longer", d = clock.length(*d)),
        Issue::TransitionNoOverlap { d } => t!("v-transition-no-overlap", d = clock.length(*d)),
        Issue::TransitionOverlapDiffers { d, overlap } => {
            t!("v-transition-overlap-differs", d = clock.length(*d), overlap = clock.length(*overlap))
        }
        Issue::ParamNotNumber { field, v } => t!("v-param-not-number", field = *field, v = quoted(v)),
        Issue::ParamNotWhole { field, v } => t!("v-param-not-whole", field = *field, v = quoted(v)),
        Issue::ParamBelow { field, v, min } => t!("v-param-below", field = *field, v = quoted(v), min = min.as_str()),
        Issue::ParamAbove { field, v, max } => t!("v-param-above", field = *field, v = quoted(v), max = max.as_str()),
        Issue::ParamColour { field, v } => t!("v-param-colour", field = *field, v = quoted(v)),
        Issue::ParamChoice { field, v, list } => {
            t!("v-param-choice", field = *field, v = quoted(v), list = list.join(", "))
        }
        Issue::ParamPosition { field, v } => t!("v-param-position", field = *field, v = quoted(v)),
        Issue::ParamNotText { field } => t!("v-param-not-text", field = *field),
        Issue::ParamImsOnly { field } => t!("v-field-ims", field = *field),
        Issue::ParamThirdParty { field } => t!("v-field-third-party", field = *field),
        Issue::MotionLoopAlone => t!("v-motion-loop-alone"),
        Issue::WordArtOutline => t!("v-word-art-outline"),
        Issue::StatusUnchecked { error } => t!("v-status-unchecked", error = error.as_str()),
        Issue::NotNormal { id, title, status } => {
            let name = if title.is_empty() { id.clone() } else { format!("\"{title}\" ({id})") };
            t!("v-not-normal", name = name, state = state(status))
        }
        Issue::UnknownMedia { id, region } => t!("v-unknown-media", id = quoted(id), region = region.as_str()),
        Issue::TemplateUnfilled { slot, place } => {
            t!("v-template-unfilled", slot = slot.as_str(), place = place.as_str())
        }
    }
}

/// "the video title": which field a limit is about.
fn field(what: TextField) -> String {
    match what {
        TextField::ProjectTitle => t!("what-project-title"),
        TextField::ProjectDescription => t!("what-project-description"),
        TextField::ProjectCover => t!("what-project-cover"),
        TextField::VideoTitle => t!("what-video-title"),
        TextField::VideoDescription => t!("what-video-description"),
        TextField::VideoCover => t!("what-video-cover"),
    }
}

/// "still transcoding": a VOD media status in words.
fn state(status: &str) -> String {
    match status {
        "Uploading" => t!("v-state-uploading"),
        "UploadSucc" | "Transcoding" => t!("v-state-transcoding"),
        "TranscodeFail" => t!("v-state-transcode-fail"),
        "UploadFail" => t!("v-state-upload-fail"),
        "Blocked" => t!("v-state-blocked"),
        "Checking" => t!("v-state-checking"),
        other => t!("v-state-other", status = other),
    }
}

/// "transition", "滤镜": a family of the effects catalogue in the user's language.
pub fn family_name(family: Family) -> String {
    match family {
        Family::Transition => t!("family-transition"),
        Family::Filter => t!("family-filter"),
        Family::Vfx => t!("family-vfx"),
        Family::MotionIn => t!("family-motion-in"),
        Family::MotionOut => t!("family-motion-out"),
        Family::MotionLoop => t!("family-motion-loop"),
        Family::WordArt => t!("family-word-art"),
        Family::Font => t!("family-font"),
    }
}
