//! The saved project: format version, project fields, output settings, tracks, bin, markers.
//!
//! Plain data. The API-facing parts of a clip are the wire [`Clip`] itself so that anything an
//! imported Timeline carried survives; everything else here (names, lock, hide, markers, view,
//! bin) is editor-only and never reaches the API.

use super::budget::counted_list;
use super::json::{Expected, number_f32, one_of, optional_whole, whole_number};
use super::time::Time;
use super::wire::{Clip, Extra};
use crate::json_object;
use serde::{Deserialize, Deserializer, Serialize};
use std::collections::HashMap;

/// Version of the `.vodcut` format this build writes. Files with a larger number were written
/// by a newer vodcut and are refused for editing rather than silently damaged.
pub const FORMAT_VERSION: u32 = 1;

/// The region used when nothing else is chosen: the one region where ProduceConfig may omit
/// StorageLocation.
pub const DEFAULT_REGION: &str = "cn-shanghai";

/// The four kinds of track the API knows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub enum TrackKind {
    Video,
    Audio,
    Image,
    Subtitle,
}

impl<'de> Deserialize<'de> for TrackKind {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        const CHOICES: &[(&str, TrackKind)] = &[
            ("Video", TrackKind::Video),
            ("Audio", TrackKind::Audio),
            ("Image", TrackKind::Image),
            ("Subtitle", TrackKind::Subtitle),
        ];
        one_of(d, CHOICES, Expected::TrackKind)
    }
}

impl TrackKind {
    pub const ALL: [TrackKind; 4] = [TrackKind::Video, TrackKind::Audio, TrackKind::Image, TrackKind::Subtitle];

    /// Name prefix for new tracks: V1, A1, I1, S1.
    pub fn letter(self) -> char {
        match self {
            TrackKind::Video => 'V',
            TrackKind::Audio => 'A',
            TrackKind::Image => 'I',
            TrackKind::Subtitle => 'S',
        }
    }

    /// Audio is muted, pictures are hidden.
    pub fn is_audible(self) -> bool {
        self == TrackKind::Audio
    }

    /// Overlays and subtitles are layers placed by X/Y, so clips on one such track may play
    /// at the same time (the official image-overlay sample puts two logos on one track).
    /// Video and audio clips on one track play one after another: the documents are silent
    /// on overlap there, so it is a warning and the editor never creates one.
    pub fn allows_overlap(self) -> bool {
        matches!(self, TrackKind::Image | TrackKind::Subtitle)
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct Track {
    pub kind: TrackKind,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub locked: bool,
    /// Hidden (video, image, subtitle) or muted (audio): left out of the export.
    #[serde(default)]
    pub hidden: bool,
    /// Lift, Extract, Q/W and the source viewer's Insert/Overwrite act on targeted tracks (the
    /// target toggle on the header). Every track is targeted until switched off, so the file
    /// says so only for tracks that are not.
    #[serde(skip_serializing_if = "is_true")]
    pub targeted: bool,
    #[serde(default)]
    pub clips: Vec<Clip>,
    /// Unknown fields of the track object in an imported Timeline (sent back to the API).
    #[serde(default, skip_serializing_if = "Extra::is_empty")]
    pub extra: Extra,
    /// Fields of the `.vodcut` track this version does not know (a newer minor version,
    /// another tool): kept on every rewrite, never sent to the API.
    #[serde(flatten)]
    pub other_fields: Extra,
}

impl Track {
    pub fn new(kind: TrackKind, name: impl Into<String>) -> Self {
        Track {
            kind,
            name: name.into(),
            locked: false,
            hidden: false,
            targeted: true,
            clips: Vec::new(),
            extra: Extra::new(),
            other_fields: Extra::new(),
        }
    }
}

json_object!(Track, Expected::Track, init: Track::new(TrackKind::Video, ""), extra: other_fields, required: ["Kind"], {
    "Kind" => kind,
    "Name" => name,
    "Locked" => locked,
    "Hidden" => hidden,
    "Targeted" => targeted,
    "Clips" => clips with counted_list,
    "Extra" => extra,
});

fn is_true(b: &bool) -> bool {
    *b
}

/// Metadata of the produced video (MediaMetadata).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct MediaMetadata {
    pub title: String,
    pub description: String,
    #[serde(rename = "CoverURL")]
    pub cover_url: String,
    pub cate_id: String,
    pub tags: Vec<String>,
    /// Fields this version does not know: kept on every rewrite.
    #[serde(flatten)]
    pub other_fields: Extra,
}

json_object!(MediaMetadata, Expected::MediaMetadata, init: MediaMetadata::default(), extra: other_fields, required: [], {
    "Title" => title,
    "Description" => description,
    "CoverURL" => cover_url,
    "CateId" => cate_id,
    "Tags" => tags with counted_list,
});

/// Production settings (ProduceConfig).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct ProduceConfig {
    pub template_group_id: String,
    pub template_id: String,
    pub width: Option<u32>,
    pub height: Option<u32>,
    pub storage_location: String,
    /// Fields this version does not know: kept on every rewrite.
    #[serde(flatten)]
    pub other_fields: Extra,
}

fn pixels<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u32>, D::Error> {
    optional_whole(d, Expected::Pixels)
}

json_object!(ProduceConfig, Expected::ProduceConfig, init: ProduceConfig::default(), extra: other_fields, required: [], {
    "TemplateGroupId" => template_group_id,
    "TemplateId" => template_id,
    "Width" => width with pixels,
    "Height" => height with pixels,
    "StorageLocation" => storage_location,
});

/// Custom settings (UserData): a per-job callback and free data echoed back in events.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct UserData {
    #[serde(rename = "CallbackURL")]
    pub callback_url: String,
    /// `http` when empty (the only type the per-job override supports).
    pub callback_type: String,
    /// JSON text as the user typed it; validated, then sent as an object.
    pub extend: String,
    /// Fields this version does not know: kept on every rewrite.
    #[serde(flatten)]
    pub other_fields: Extra,
}

json_object!(UserData, Expected::UserData, init: UserData::default(), extra: other_fields, required: [], {
    "CallbackURL" => callback_url,
    "CallbackType" => callback_type,
    "Extend" => extend,
});

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct Marker {
    pub time: Time,
    pub label: String,
    /// Fields this version does not know: kept on every rewrite.
    #[serde(flatten)]
    pub other_fields: Extra,
}

json_object!(Marker, Expected::Marker, init: Marker::default(), extra: other_fields, required: ["Time"], {
    "Time" => time,
    "Label" => label,
});

/// What a piece of media is, as far as placing it goes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub enum MediaKind {
    #[default]
    Video,
    Audio,
    Image,
}

impl<'de> Deserialize<'de> for MediaKind {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        const CHOICES: &[(&str, MediaKind)] =
            &[("Video", MediaKind::Video), ("Audio", MediaKind::Audio), ("Image", MediaKind::Image)];
        one_of(d, CHOICES, Expected::MediaKind)
    }
}

impl MediaKind {
    /// Audio only on audio tracks; images on video or image tracks; video on video or audio
    /// (a video's sound can be used on an audio track).
    pub fn fits(self, track: TrackKind) -> bool {
        matches!(
            (self, track),
            (MediaKind::Video, TrackKind::Video | TrackKind::Audio)
                | (MediaKind::Audio, TrackKind::Audio)
                | (MediaKind::Image, TrackKind::Video | TrackKind::Image)
        )
    }
}

/// A piece of cloud media the user has gathered for this project.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct BinEntry {
    pub media_id: String,
    pub title: String,
    pub duration: Option<Time>,
    pub kind: MediaKind,
    /// Fields this version does not know: kept on every rewrite.
    #[serde(flatten)]
    pub other_fields: Extra,
}

json_object!(BinEntry, Expected::BinEntry, init: BinEntry::default(), extra: other_fields, required: ["MediaId", "Kind"], {
    "MediaId" => media_id,
    "Title" => title,
    "Duration" => duration,
    "Kind" => kind,
});

fn default_zoom() -> f32 {
    50.0
}

/// The top-level field of a template's project file holding the sample value of each slot
/// (`template/`): here so that the edits, below the templates, can set it.
pub const TEMPLATE_SAMPLES_FIELD: &str = "TemplateSamples";

/// The field (of a clip, or at the top) keeping the slots of a template's time and number
/// fields while the editor holds their sample values: `{"In": "{{start}}"}`, a path inside
/// the clip (or the project) and the text the file holds there. The file is written with the
/// text in place and without this field (`store::project_file::to_bytes`), so `vodcut batch`
/// reads the template the editor saved.
pub const TEMPLATE_SLOTS_FIELD: &str = "TemplateSlots";

/// A vodcut project: everything the user made, saved as a `.vodcut` file.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct Project {
    /// First in the file so a reader can check it before anything else.
    pub format_version: u32,
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub description: String,
    #[serde(default, rename = "CoverURL")]
    pub cover_url: String,
    /// The cloud project, once a production created it; later productions update it.
    #[serde(default)]
    pub project_id: Option<String>,
    /// The hash of the Timeline this file last synced with the cloud project (sent or
    /// received; the Timeline itself is in the data folder, `store::sync_base`). A file
    /// moved to another machine, or a copy that did not sync, finds no base with this hash
    /// there and is compared two-way.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sync_base: Option<String>,
    #[serde(default)]
    pub app_id: String,
    #[serde(default = "default_region")]
    pub region: String,
    #[serde(default)]
    pub media_metadata: MediaMetadata,
    #[serde(default)]
    pub produce_config: ProduceConfig,
    #[serde(default)]
    pub user_data: UserData,
    /// In the API's stacking order within each kind: the first video track is the bottom layer.
    #[serde(default)]
    pub tracks: Vec<Track>,
    /// Unknown top-level fields of an imported Timeline.
    #[serde(default, skip_serializing_if = "Extra::is_empty")]
    pub timeline_extra: Extra,
    // Editor-only state.
    #[serde(default)]
    pub markers: Vec<Marker>,
    #[serde(default)]
    pub playhead: Time,
    /// The timeline's In and Out marks (I, O): the range Lift and Extract take out. Both are
    /// frames, as in Premiere and the source viewer: the Out mark is the last frame included
    /// (see [`Project::marked_end`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mark_in: Option<Time>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mark_out: Option<Time>,
    /// Pixels per second on the timeline.
    #[serde(default = "default_zoom")]
    pub zoom: f32,
    #[serde(default)]
    pub bin: Vec<BinEntry>,
    /// The editing frame rate: every edit lands on its frame boundaries. VOD's ProduceConfig
    /// has no frame rate (the output's is not known), so 25 unless the user sets another;
    /// files from before this setting open at 25.
    #[serde(default)]
    pub frame_rate: super::time::FrameRate,
    /// Top-level fields this version does not know (a newer minor version, another tool):
    /// kept on every rewrite, never sent to the API.
    #[serde(flatten)]
    pub other_fields: Extra,
}

fn format_version<'de, D: Deserializer<'de>>(d: D) -> Result<u32, D::Error> {
    whole_number(d, Expected::WholeNumber)
}

json_object!(Project, Expected::Project, init: Project::default(), extra: other_fields, required: ["FormatVersion"], {
    "FormatVersion" => format_version with format_version,
    "Title" => title,
    "Description" => description,
    "CoverURL" => cover_url,
    "ProjectId" => project_id,
    "SyncBase" => sync_base,
    "AppId" => app_id,
    "Region" => region,
    "MediaMetadata" => media_metadata,
    "ProduceConfig" => produce_config,
    "UserData" => user_data,
    "Tracks" => tracks with counted_list,
    "TimelineExtra" => timeline_extra,
    "Markers" => markers with counted_list,
    "Playhead" => playhead,
    "MarkIn" => mark_in,
    "MarkOut" => mark_out,
    "Zoom" => zoom with number_f32,
    "Bin" => bin with counted_list,
    "FrameRate" => frame_rate,
});

fn default_region() -> String {
    DEFAULT_REGION.to_owned()
}

impl Default for Project {
    fn default() -> Self {
        Project {
            format_version: FORMAT_VERSION,
            title: String::new(),
            description: String::new(),
            cover_url: String::new(),
            project_id: None,
            sync_base: None,
            app_id: String::new(),
            region: default_region(),
            media_metadata: MediaMetadata::default(),
            produce_config: ProduceConfig::default(),
            user_data: UserData::default(),
            tracks: Vec::new(),
            timeline_extra: Extra::new(),
            markers: Vec::new(),
            playhead: Time::ZERO,
            mark_in: None,
            mark_out: None,
            zoom: default_zoom(),
            bin: Vec::new(),
            frame_rate: Default::default(),
            other_fields: Extra::new(),
        }
    }
}

impl Project {
    /// Where the marked range ends (exclusive): the end of the Out mark's frame.
    pub fn marked_end(&self) -> Option<Time> {
        let fr = self.frame_rate;
        self.mark_out.map(|o| fr.frame_start(fr.frame_at(o) + 1))
    }

    /// An empty project ready for editing: an image, a video and an audio track. No subtitle
    /// track: VOD's support for SubtitleTracks is UNSURE (a warning at first use), and Text
    /// effects are the documented way (shared/vod/effects.md 7); one is added when the user
    /// asks for it (the track menu, Add subtitle) or imports subtitles.
    pub fn new_empty() -> Self {
        let mut p = Project::default();
        for kind in [TrackKind::Image, TrackKind::Video, TrackKind::Audio] {
            p.add_track(kind);
        }
        p
    }

    /// Appends a track of `kind` named with the next free number (V1, V2...). Returns its index.
    pub fn add_track(&mut self, kind: TrackKind) -> usize {
        let n = self.tracks.iter().filter(|t| t.kind == kind).count() + 1;
        self.tracks.push(Track::new(kind, format!("{}{n}", kind.letter())));
        self.tracks.len() - 1
    }

    pub fn clip_count(&self) -> usize {
        self.tracks.iter().map(|t| t.clips.len()).sum()
    }

    /// Known source durations by MediaId, from the bin.
    pub fn media_durations(&self) -> HashMap<&str, Time> {
        self.bin.iter().filter_map(|e| Some((e.media_id.as_str(), e.duration?))).collect()
    }

    /// The title to show for a project (window title, job history, suggested file names),
    /// `None` when it has none (the faces say "Untitled": `i18n::describe::project_title`).
    pub fn shown_title(&self) -> Option<&str> {
        Some(self.title.trim()).filter(|t| !t.is_empty())
    }
}

/// Length shown for a clip whose real length cannot be known (no Out, no known media
/// duration). The editor marks it as provisional; the export never uses it.
pub const PROVISIONAL_LENGTH: Time = Time::from_secs(5);

/// Where a clip sits on the output timeline, as the editor shows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Placement {
    pub start: Time,
    pub end: Time,
    /// False when the start follows a clip whose length is unknown.
    pub start_known: bool,
    /// False when the length is a stand-in ([`PROVISIONAL_LENGTH`]).
    pub length_known: bool,
}

impl Placement {
    pub fn is_provisional(&self) -> bool {
        !(self.start_known && self.length_known)
    }
}

/// The length a clip will have in the output, if it can be known.
/// TimelineIn/TimelineOut win; then Out - In; then the source's duration - In.
pub fn clip_length(clip: &Clip, source_duration: Option<Time>) -> Option<Time> {
    if let (Some(a), Some(b)) = (clip.timeline_in, clip.timeline_out) {
        return Some(b - a);
    }
    let source_in = clip.r#in.unwrap_or(Time::ZERO);
    let source_out = clip.out.or(source_duration)?;
    Some(source_out - source_in)
}

/// Where every clip of every track sits on the output (empty for hidden or muted tracks,
/// which the production leaves out), with the media lengths known so far.
pub fn placements(project: &Project, durations: &std::collections::HashMap<&str, Time>) -> Vec<Vec<Placement>> {
    project.tracks.iter().map(|t| if t.hidden { Vec::new() } else { layout_track(t, durations) }).collect()
}

/// The length of the Transition a clip leads into the next with (Duration, 1 s when not
/// given), if it has one.
pub fn transition_length(clip: &Clip) -> Option<Time> {
    clip.effects.iter().find_map(|e| match e {
        super::wire::Effect::Known(k) if k.r#type == "Transition" => {
            Some(k.duration.unwrap_or(Time::from_secs(crate::model::effects::DEFAULT_TRANSITION_SECS)).max(Time::ZERO))
        }
        _ => None,
    })
}

/// Lays a track's clips out as the service does: a clip without TimelineIn starts where the
/// previous one ended (less a transition's length, which the two clips share).
pub fn layout_track(track: &Track, durations: &HashMap<&str, Time>) -> Vec<Placement> {
    layout_track_noting(track, durations).0
}

/// [`layout_track`], and whether any clip's start is implicit (no TimelineIn), found in the
/// same pass: a second pass over 100 000 clips costs about as much as the layout.
pub fn layout_track_noting(track: &Track, durations: &HashMap<&str, Time>) -> (Vec<Placement>, bool) {
    let mut cursor = Time::ZERO;
    let mut cursor_known = true;
    let mut implicit = false;
    let places = track
        .clips
        .iter()
        .map(|clip| {
            implicit |= clip.timeline_in.is_none();
            let (start, start_known) = match clip.timeline_in {
                Some(t) => (t, true),
                None => (cursor, cursor_known),
            };
            // The media's length is looked up only when the clip's own times do not give its
            // length: hashing every clip's ID made laying out 100 000 clips cost milliseconds.
            let own = clip.timeline_in.is_some() && clip.timeline_out.is_some() || clip.out.is_some();
            let duration = if own { None } else { clip.material_id().and_then(|id| durations.get(id).copied()) };
            let (length, length_known) = match clip_length(clip, duration) {
                Some(len) => (len, true),
                None => match clip.timeline_out {
                    Some(out) if clip.timeline_in.is_some() => (out - start, true),
                    _ => (PROVISIONAL_LENGTH, false),
                },
            };
            let end = start.saturating_add(length);
            // A transition overlaps the next clip laid end to end with this one's last
            // `Duration` (the working model of effects.md 2.1: the output gets shorter).
            cursor = match transition_length(clip) {
                Some(d) if track.kind == TrackKind::Video => (end - d).max(start),
                _ => end,
            };
            cursor_known = start_known && length_known;
            Placement { start, end, start_known, length_known }
        })
        .collect();
    (places, implicit)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clip(media: &str, r#in: Option<i64>, out: Option<i64>, tin: Option<i64>) -> Clip {
        Clip {
            media_id: Some(media.into()),
            r#in: r#in.map(Time::from_secs),
            out: out.map(Time::from_secs),
            timeline_in: tin.map(Time::from_secs),
            ..Default::default()
        }
    }

    #[test]
    fn clips_without_timeline_in_are_laid_end_to_end() {
        let mut t = Track::new(TrackKind::Video, "V1");
        t.clips = vec![
            clip("a", Some(12), Some(16), None),
            clip("a", Some(4), Some(7), None),
            clip("b", None, Some(8), Some(20)),
            clip("c", Some(1), Some(2), None),
        ];
        let p = layout_track(&t, &HashMap::new());
        let spans: Vec<_> = p.iter().map(|p| (p.start.0 / 10_000, p.end.0 / 10_000, p.is_provisional())).collect();
        assert_eq!(spans, vec![(0, 4, false), (4, 7, false), (20, 28, false), (28, 29, false)]);
    }

    #[test]
    fn unknown_length_is_provisional_and_so_is_what_follows() {
        let mut t = Track::new(TrackKind::Video, "V1");
        t.clips =
            vec![clip("a", None, None, None), clip("b", None, Some(3), None), clip("c", None, Some(3), Some(100))];
        let p = layout_track(&t, &HashMap::new());
        assert!(!p[0].length_known && p[0].start_known);
        assert_eq!(p[0].end - p[0].start, PROVISIONAL_LENGTH);
        assert!(!p[1].start_known && p[1].length_known);
        assert!(!p[2].is_provisional(), "an explicit TimelineIn is known again");
        // A known media duration makes the first clip real.
        let durations = HashMap::from([("a", Time::from_secs(9))]);
        let p = layout_track(&t, &durations);
        assert!(!p[0].is_provisional() && !p[1].is_provisional());
        assert_eq!(p[1].start, Time::from_secs(9));
    }

    #[test]
    fn media_kinds_fit_tracks() {
        assert!(MediaKind::Audio.fits(TrackKind::Audio));
        assert!(!MediaKind::Audio.fits(TrackKind::Video));
        assert!(MediaKind::Image.fits(TrackKind::Image));
        assert!(!MediaKind::Image.fits(TrackKind::Subtitle));
    }
}
