//! What another editor's file says, in vodcut's terms, before any source has a MediaId: the
//! one shape every reader (OTIO, FCP 7 XML, FCPXML, CMX 3600) produces, so that what follows
//! (transitions, the Timeline, the report) is decided once for all of them.

use super::time::Rat;
use crate::model::TrackKind;
use crate::model::time::FrameRate;

/// A sequence read from a file.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Sequence {
    pub name: String,
    /// The editing rate the file states (frames per second), if it states one.
    pub rate: Option<Rat>,
    pub tracks: Vec<SeqTrack>,
    /// On the output timeline (clip markers are moved there by the readers).
    pub markers: Vec<SeqMarker>,
    pub sources: Vec<Source>,
    /// What could not be carried, found while reading.
    pub notes: Vec<Note>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct SeqTrack {
    /// Video or Audio.
    pub kind: TrackKind,
    pub name: String,
    /// A track switched off in the other editor arrives hidden (or muted).
    pub enabled: bool,
    pub clips: Vec<SeqClip>,
    pub transitions: Vec<SeqTransition>,
}

impl SeqTrack {
    pub fn new(kind: TrackKind, name: impl Into<String>) -> Self {
        SeqTrack { kind, name: name.into(), enabled: true, clips: Vec::new(), transitions: Vec::new() }
    }
}

/// A clip at its place on the output.
#[derive(Clone, Debug, PartialEq)]
pub struct SeqClip {
    /// Index into [`Sequence::sources`].
    pub source: usize,
    pub name: String,
    pub start: Rat,
    pub duration: Rat,
    /// Where it starts in its source, from the source's first frame.
    pub source_in: Rat,
    /// A cross-dissolve into the next clip, this long (set by [`settle_transitions`]).
    pub transition: Option<Rat>,
}

impl SeqClip {
    pub fn end(&self) -> Option<Rat> {
        self.start.add(self.duration)
    }
}

/// A transition as the file has it: around the cut between two clips (`cut`, where one ends
/// and the next begins), from `before` it to `after` it.
#[derive(Clone, Debug, PartialEq)]
pub struct SeqTransition {
    pub cut: Rat,
    pub before: Rat,
    pub after: Rat,
    /// As the file names it ("Cross Dissolve", "SMPTE_Wipe").
    pub name: String,
    /// A plain cross-dissolve (anything else becomes one, and the report says so).
    pub dissolve: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct SeqMarker {
    pub at: Rat,
    pub label: String,
}

/// What a source is, as far as placing it goes: by its file's extension.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SourceKind {
    Video,
    Audio,
    Image,
}

impl SourceKind {
    /// From a file name's extension (video when unknown: most sources are).
    pub fn of_name(name: &str) -> SourceKind {
        let ext = name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).unwrap_or_default();
        match ext.as_str() {
            "wav" | "mp3" | "aac" | "m4a" | "flac" | "ogg" | "aif" | "aiff" | "wma" | "amr" | "ape" => {
                SourceKind::Audio
            }
            "png" | "jpg" | "jpeg" | "gif" | "bmp" | "tif" | "tiff" | "webp" | "psd" | "heic" => SourceKind::Image,
            _ => SourceKind::Video,
        }
    }

    /// SearchMedia's `SearchType` for this kind.
    pub fn search_type(self) -> &'static str {
        match self {
            SourceKind::Video => "video",
            SourceKind::Audio => "audio",
            SourceKind::Image => "image",
        }
    }
}

/// A piece of media the sequence uses, by what the file says of it.
#[derive(Clone, Debug, PartialEq)]
pub struct Source {
    /// The clip or file name the other editor showed.
    pub name: String,
    /// The file's path (a `file://` URL decoded) or URL, when the file names one.
    pub path: Option<String>,
    pub kind: SourceKind,
    /// The whole source's length, when the file says it.
    pub duration: Option<Rat>,
    /// A MediaId the file carries itself (an .otio vodcut wrote).
    pub media_id: Option<String>,
}

impl Source {
    /// What a clip without media keeps of its source ([`crate::model::wire::SOURCE_FILE`]):
    /// the path, else the name.
    pub fn key(&self) -> &str {
        self.path.as_deref().unwrap_or(&self.name)
    }

    /// A source known only by its file (a path when it has a slash, else a name).
    pub fn of_file(file: &str) -> Source {
        let path = file.contains(['/', '\\']).then(|| file.to_owned());
        Source { name: file.to_owned(), path, kind: SourceKind::of_name(file), duration: None, media_id: None }
    }

    /// The file name: the last part of the path, else the name.
    pub fn file_name(&self) -> &str {
        super::file_name(self.path.as_deref().unwrap_or(&self.name))
    }
}

impl Sequence {
    /// The index of the source with this path (or, without one, this name), added if new.
    pub fn source(&mut self, s: Source) -> usize {
        let same = |o: &Source| match (&o.path, &s.path) {
            (Some(a), Some(b)) => a == b,
            (None, None) => o.name == s.name,
            _ => false,
        };
        if let Some(i) = self.sources.iter().position(same) {
            let o = &mut self.sources[i];
            o.duration = o.duration.or(s.duration);
            o.media_id = o.media_id.take().or(s.media_id);
            return i;
        }
        self.sources.push(s);
        self.sources.len() - 1
    }

    pub fn note(&mut self, place: Place, what: Loss) {
        self.notes.push(Note { place, what });
    }
}

/// The part of a track's own time that shows on the output (for nested sequences, whose
/// own time is seen through the clip that holds them): `[from, to)` of the track's time lands
/// at `record` onwards.
#[derive(Clone, Copy, Debug)]
pub struct Window {
    pub from: Rat,
    pub to: Option<Rat>,
    pub record: Rat,
}

impl Window {
    /// The whole of a top-level track.
    pub const ALL: Window = Window { from: Rat::ZERO, to: None, record: Rat::ZERO };

    /// Where time `t` of the track lands on the output.
    pub fn map(self, t: Rat) -> Rat {
        self.record.add(t.sub(self.from).unwrap_or(Rat::ZERO)).unwrap_or(self.record)
    }

    /// `[a, b)` cut to the window, if any of it shows.
    pub fn clip(self, a: Rat, b: Rat) -> Option<(Rat, Rat)> {
        let a = a.max(self.from);
        let b = match self.to {
            Some(to) => b.min(to),
            None => b,
        };
        (a < b).then_some((a, b))
    }

    /// The window of a nested track whose time `[own_from, own_from + (b - a))` shows where
    /// this track's `[a, b)` does.
    pub fn inner(self, a: Rat, b: Rat, own_from: Rat) -> Window {
        let to = own_from.add(b.sub(a).unwrap_or(Rat::ZERO));
        Window { from: own_from, to, record: self.map(a) }
    }
}

/// Where a note applies: a track, a time on the output, a clip's name.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Place {
    pub track: Option<String>,
    pub at: Option<Rat>,
    pub clip: Option<String>,
}

impl Place {
    pub fn clip(track: &str, at: Rat, clip: &str) -> Place {
        Place { track: Some(track.to_owned()), at: Some(at), clip: Some(clip.to_owned()) }
    }

    pub fn at(track: &str, at: Rat) -> Place {
        Place { track: Some(track.to_owned()), at: Some(at), clip: None }
    }

    pub fn file() -> Place {
        Place::default()
    }
}

/// Something the file has that vodcut could not carry as it was, or a guess it had to make.
#[derive(Clone, Debug, PartialEq)]
pub enum Loss {
    /// A speed change (percent of normal speed): played at normal speed, same length.
    Speed(String),
    FreezeFrame,
    /// A nested sequence flattened onto its track, with this many clips.
    Nested {
        name: String,
        clips: usize,
    },
    /// Tracks inside a nested sequence beyond the one flattened: their clips are left out.
    NestedTracksLeft {
        name: String,
        clips: usize,
    },
    /// An effect or filter left out.
    Effect(String),
    /// A transition that is not a cross-dissolve, carried as one.
    TransitionAsFade(String),
    /// A transition from or to nothing (a fade from or to black): VOD's transitions join two clips.
    TransitionAlone,
    /// A transition on an audio track (VOD's transitions are for video clips).
    AudioTransition,
    /// The clip after a transition has no media before its In: the cut stays where it was.
    TransitionNoHandles,
    /// A generated clip (colour, slug, text, title) left out.
    Generator(String),
    /// A clip switched off in the other editor, left out.
    DisabledClip,
    /// A clip whose media could not be told (no file, no name), left out.
    NoSource,
    /// Audio clips that are the sound of a video clip (the same file and times) are played
    /// by the video clip; this many were merged.
    LinkedAudio(usize),
    /// Another channel of a stereo pair already placed (same file and times): merged.
    StereoPair(usize),
    /// The file does not state its frame rate: this one was used.
    RateAssumed(FrameRate),
    /// Times in the file fall between frames of the rate used: kept exact, not snapped.
    OffFrame,
    /// A part of the file vodcut does not read (its element or schema name).
    Unread(String),
    /// Several sequences: the first (or the one named) was imported.
    OtherSequences(usize),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Note {
    pub place: Place,
    pub what: Loss,
}

impl Note {
    /// The note in the current language, times as timecode at `rate`.
    pub fn describe(&self, rate: FrameRate) -> String {
        use crate::t;
        let what = match &self.what {
            Loss::Speed(p) => t!("ix-loss-speed", percent = p.as_str()),
            Loss::FreezeFrame => t!("ix-loss-freeze"),
            Loss::Nested { name, clips } => t!("ix-loss-nested", name = name.as_str(), clips = *clips),
            Loss::NestedTracksLeft { name, clips } => t!("ix-loss-nested-tracks", name = name.as_str(), clips = *clips),
            Loss::Effect(name) => t!("ix-loss-effect", name = name.as_str()),
            Loss::TransitionAsFade(name) => t!("ix-loss-transition-fade", name = name.as_str()),
            Loss::TransitionAlone => t!("ix-loss-transition-alone"),
            Loss::AudioTransition => t!("ix-loss-audio-transition"),
            Loss::TransitionNoHandles => t!("ix-loss-transition-handles"),
            Loss::Generator(name) => t!("ix-loss-generator", name = name.as_str()),
            Loss::DisabledClip => t!("ix-loss-disabled"),
            Loss::NoSource => t!("ix-loss-no-source"),
            Loss::LinkedAudio(n) => t!("ix-loss-linked-audio", clips = *n),
            Loss::StereoPair(n) => t!("ix-loss-stereo", clips = *n),
            Loss::RateAssumed(r) => t!("ix-loss-rate", rate = r.label()),
            Loss::OffFrame => t!("ix-loss-off-frame", rate = rate.label()),
            Loss::Unread(what) => t!("ix-loss-unread", what = what.as_str()),
            Loss::OtherSequences(n) => t!("ix-loss-other-sequences", n = *n),
        };
        let mut place = Vec::new();
        if let Some(track) = &self.place.track {
            place.push(track.clone());
        }
        if let Some(at) = self.place.at {
            place.push(rate.frame_label(rate.frame_at(at.ticks())));
        }
        if let Some(clip) = &self.place.clip {
            place.push(t!("ix-place-clip", name = clip.as_str()));
        }
        if place.is_empty() { what } else { format!("{}: {what}", place.join(" ")) }
    }
}

/// Moves each transition's cut to where the transition begins, the way a CMX 3600 EDL writes
/// it (and the OTIO adapters for EDL and FCP 7 XML do): the clip before ends there and the
/// clip after starts there, from that much earlier in its source, and the clip before carries
/// the transition for its whole length. Every format then gives the same Timeline, whether
/// it centres its transitions on the cut (OTIO, FCP, FCPXML) or starts them there (EDL).
pub fn settle_transitions(seq: &mut Sequence) {
    let mut notes = Vec::new();
    for track in &mut seq.tracks {
        let transitions = std::mem::take(&mut track.transitions);
        for t in transitions {
            let place = Place::at(&track.name, t.cut.sub(t.before).unwrap_or(t.cut));
            let a = track.clips.iter().position(|c| c.end() == Some(t.cut));
            let b = track.clips.iter().position(|c| c.start == t.cut);
            let (Some(a), Some(b)) = (a, b) else {
                notes.push(Note { place, what: Loss::TransitionAlone });
                continue;
            };
            let room = track.clips[b].source_in >= t.before && track.clips[a].duration > t.before;
            if room {
                let before = t.before;
                let ca = &mut track.clips[a];
                ca.duration = ca.duration.sub(before).unwrap_or(ca.duration);
                let cb = &mut track.clips[b];
                cb.start = cb.start.sub(before).unwrap_or(cb.start);
                cb.source_in = cb.source_in.sub(before).unwrap_or(cb.source_in);
                cb.duration = cb.duration.add(before).unwrap_or(cb.duration);
            } else {
                notes.push(Note { place: place.clone(), what: Loss::TransitionNoHandles });
            }
            if track.kind == TrackKind::Audio {
                notes.push(Note { place, what: Loss::AudioTransition });
                continue;
            }
            track.clips[a].transition = t.before.add(t.after);
            if !t.dissolve {
                notes.push(Note { place, what: Loss::TransitionAsFade(t.name.clone()) });
            }
        }
    }
    seq.notes.extend(notes);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(n: i64) -> Rat {
        Rat::secs(n)
    }

    fn clip(start: i64, duration: i64, source_in: i64) -> SeqClip {
        SeqClip {
            source: 0,
            name: String::new(),
            start: r(start),
            duration: r(duration),
            source_in: r(source_in),
            transition: None,
        }
    }

    #[test]
    fn a_centred_dissolve_moves_the_cut_to_its_start() {
        let mut seq = Sequence::default();
        let mut t = SeqTrack::new(TrackKind::Video, "V1");
        t.clips = vec![clip(0, 10, 100), clip(10, 5, 50)];
        let dissolve =
            |name: &str, dissolve| SeqTransition { cut: r(10), before: r(2), after: r(2), name: name.into(), dissolve };
        t.transitions = vec![dissolve("Cross Dissolve", true)];
        seq.tracks.push(t.clone());
        settle_transitions(&mut seq);
        let c = &seq.tracks[0].clips;
        assert_eq!((c[0].start, c[0].duration, c[0].transition), (r(0), r(8), Some(r(4))));
        assert_eq!((c[1].start, c[1].duration, c[1].source_in), (r(8), r(7), r(48)));
        assert!(seq.notes.is_empty());

        // A wipe is carried as a dissolve, and said so; one without media before is left.
        t.transitions = vec![dissolve("Wipe", false)];
        t.clips[1].source_in = r(1);
        let mut seq = Sequence { tracks: vec![t], ..Default::default() };
        settle_transitions(&mut seq);
        assert_eq!(seq.tracks[0].clips[1].start, r(10), "no media before: the cut stays");
        let what: Vec<_> = seq.notes.iter().map(|n| n.what.clone()).collect();
        assert_eq!(what, vec![Loss::TransitionNoHandles, Loss::TransitionAsFade("Wipe".into())]);
    }

    #[test]
    fn a_fade_from_black_or_on_audio_is_reported() {
        let mut v = SeqTrack::new(TrackKind::Video, "V1");
        v.clips = vec![clip(5, 10, 100)];
        v.transitions = vec![SeqTransition { cut: r(5), before: r(0), after: r(1), name: "x".into(), dissolve: true }];
        let mut a = SeqTrack::new(TrackKind::Audio, "A1");
        a.clips = vec![clip(0, 10, 100), clip(10, 5, 50)];
        a.transitions = vec![SeqTransition { cut: r(10), before: r(1), after: r(1), name: "x".into(), dissolve: true }];
        let mut seq = Sequence { tracks: vec![v, a], ..Default::default() };
        settle_transitions(&mut seq);
        let what: Vec<_> = seq.notes.iter().map(|n| n.what.clone()).collect();
        assert_eq!(what, vec![Loss::TransitionAlone, Loss::AudioTransition]);
        assert_eq!(seq.tracks[1].clips[0].transition, None);
        assert_eq!(seq.tracks[0].clips[0].start, r(5));
    }

    #[test]
    fn sources_are_shared_by_path_and_named_by_file() {
        let mut seq = Sequence::default();
        let s = |path: Option<&str>, name: &str| Source {
            name: name.into(),
            path: path.map(Into::into),
            kind: SourceKind::Video,
            duration: None,
            media_id: None,
        };
        let a = seq.source(s(Some("/m/a.mov"), "a"));
        assert_eq!(seq.source(s(Some("/m/a.mov"), "other name")), a);
        assert_ne!(seq.source(s(Some("/n/a.mov"), "a")), a);
        assert_eq!(seq.sources[a].file_name(), "a.mov");
        assert_eq!(s(Some(r"C:\media\b.MOV"), "b").file_name(), "b.MOV");
        assert_eq!(s(None, "reel 3").file_name(), "reel 3");
        assert_eq!(SourceKind::of_name("x.WAV"), SourceKind::Audio);
        assert_eq!(SourceKind::of_name("logo.png"), SourceKind::Image);
    }
}
