//! THREE-POINT EDITING from the source viewer: a medium's marks and playhead, which part of it
//! goes where on the timeline, and the clip that carries it there. Pure (no egui): the
//! editor's source viewer keeps the marks, Insert (,) and Overwrite (.) ask here what to place.
//!
//! Marks are frames, as in Premiere: the Out mark is the last frame included, so In at
//! 00:00:00:00 and Out at 00:00:04:24 (25 fps) is five seconds.

use super::Edit;
use super::document::{Document, place_label};
use super::ops::{PlaceMode, place};
use crate::model::project::{BinEntry, MediaKind, PROVISIONAL_LENGTH, TrackKind};
use crate::model::wire::Clip;
use crate::model::{FrameRate, Time};

/// A medium's state in the source viewer, remembered per medium for the session.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SourceMarks {
    /// The source time shown (a frame start).
    pub playhead: Time,
    /// The first frame of the marked range.
    pub mark_in: Option<Time>,
    /// The last frame of the marked range (included).
    pub mark_out: Option<Time>,
}

impl SourceMarks {
    /// Marks In at `t`; an Out before it is cleared (Premiere does the same).
    pub fn set_in(&mut self, t: Time) {
        self.mark_in = Some(t);
        if self.mark_out.is_some_and(|o| o < t) {
            self.mark_out = None;
        }
    }

    /// Marks Out at `t` (the frame at `t` is the last one included); an In after it is cleared.
    pub fn set_out(&mut self, t: Time) {
        self.mark_out = Some(t);
        if self.mark_in.is_some_and(|i| i > t) {
            self.mark_in = None;
        }
    }

    pub fn clear(&mut self) {
        self.mark_in = None;
        self.mark_out = None;
    }

    /// Where the marked range ends (exclusive): one frame after the Out mark.
    pub fn end(&self, fr: FrameRate) -> Option<Time> {
        self.mark_out.map(|o| fr.frame_start(fr.frame_at(o) + 1))
    }

    /// The marked range's length, when both marks are set.
    pub fn marked_length(&self, fr: FrameRate) -> Option<Time> {
        Some(self.end(fr)? - self.mark_in?)
    }
}

/// The last frame a medium of `length` has (where the source playhead stops).
pub fn last_frame(fr: FrameRate, length: Time) -> Time {
    let end = fr.floor(length);
    if end <= Time::ZERO { Time::ZERO } else { fr.frame_start(fr.frame_at(end) - 1) }
}

/// The length a source has in the viewer: its known duration, or for a picture the length a
/// still gets when it is placed.
pub fn source_length(entry: &BinEntry) -> Option<Time> {
    match entry.kind {
        MediaKind::Image => Some(entry.duration.filter(|d| *d > Time::ZERO).unwrap_or(PROVISIONAL_LENGTH)),
        _ => entry.duration.filter(|d| *d > Time::ZERO),
    }
}

/// What a three-point edit places: the source time at its start, where it goes on the
/// timeline, and how long it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Placing {
    pub at: Time,
    pub source_in: Time,
    pub length: Time,
}

/// Why the source's range cannot be placed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SourceRefused {
    /// Nothing is open in the source viewer.
    NothingOpen,
    /// No Out mark and the medium's length is unknown.
    UnknownLength,
    /// The range is empty (marks at the same frame, or a timeline range before zero).
    Empty,
    /// No unlocked track takes this kind of medium.
    NoTrack(MediaKind),
    /// The placing operation refused (locked, would overlap…).
    Place(super::ops::Refused),
}

impl std::fmt::Display for SourceRefused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let text = match self {
            SourceRefused::NothingOpen => crate::t!("source-refused-nothing-open"),
            SourceRefused::UnknownLength => crate::t!("source-refused-unknown-length"),
            SourceRefused::Empty => crate::t!("source-refused-empty"),
            SourceRefused::NoTrack(kind) => {
                crate::t!("source-refused-no-track", kind = crate::i18n::describe::media_kind(*kind))
            }
            SourceRefused::Place(r) => r.to_string(),
        };
        f.write_str(&text)
    }
}

impl std::error::Error for SourceRefused {}

/// Three-point editing, as Premiere does it. The source range runs from its In (else the
/// medium's start) to the end of its Out frame (else the medium's end); the timeline range
/// is the timeline's In/Out marks (`timeline_end` exclusive), else the playhead.
///
/// - No timeline marks: the source range goes at the playhead.
/// - Timeline In only: the source range starts there.
/// - Timeline Out only: the source range ends there (backtimed); if it would start before
///   zero, its head is left out.
/// - Timeline In and Out: the range fills them, source In at timeline In. When the source has
///   only an Out mark, the Outs line up instead (backtimed). When both ranges are marked and
///   differ in length, the shorter decides (Premiere would ask; vodcut does not interrupt).
pub fn three_point(
    fr: FrameRate,
    source: &SourceMarks,
    media_length: Option<Time>,
    timeline_in: Option<Time>,
    timeline_end: Option<Time>,
    playhead: Time,
) -> Result<Placing, SourceRefused> {
    let start = source.mark_in.unwrap_or(Time::ZERO);
    let end = source.end(fr).or(media_length.map(|l| fr.floor(l)));
    let avail = end.map(|e| e - start);
    let placing = match (timeline_in, timeline_end) {
        (Some(a), Some(b)) => {
            let want = b - a;
            if source.mark_in.is_none()
                && let Some(out) = source.end(fr)
            {
                // Backtimed from the source Out: the Outs line up.
                let length = want.min(out);
                Placing { at: b - length, source_in: out - length, length }
            } else {
                let length = avail.map_or(want, |v| v.min(want));
                Placing { at: a, source_in: start, length }
            }
        }
        (Some(a), None) => Placing { at: a, source_in: start, length: avail.ok_or(SourceRefused::UnknownLength)? },
        (None, Some(b)) => {
            let length = avail.ok_or(SourceRefused::UnknownLength)?.min(b);
            let end = end.ok_or(SourceRefused::UnknownLength)?;
            Placing { at: b - length, source_in: end - length, length }
        }
        (None, None) => Placing { at: playhead, source_in: start, length: avail.ok_or(SourceRefused::UnknownLength)? },
    };
    if placing.length <= Time::ZERO || placing.at < Time::ZERO {
        return Err(SourceRefused::Empty);
    }
    Ok(placing)
}

/// The clip that places `length` of `entry` from `source_in`, starting at `at` on a track of
/// `track` kind (a picture has no source range: it is placed by its timeline times). Drops
/// from the bin and the library make their clips here too.
pub fn media_clip(entry: &BinEntry, track: TrackKind, at: Time, source_in: Time, length: Option<Time>) -> Clip {
    let mut clip = Clip { timeline_in: Some(at), ..Default::default() };
    match (entry.kind, track) {
        (MediaKind::Image, TrackKind::Image) => {
            clip.image_id = Some(entry.media_id.clone());
            clip.timeline_out = Some(at + length.unwrap_or(PROVISIONAL_LENGTH));
        }
        (MediaKind::Image, _) => {
            clip.media_id = Some(entry.media_id.clone());
            clip.r#type = Some("Image".into());
            clip.timeline_out = Some(at + length.unwrap_or(PROVISIONAL_LENGTH));
        }
        _ => {
            clip.media_id = Some(entry.media_id.clone());
            clip.r#in = Some(source_in);
            clip.out = length.map(|l| source_in + l);
        }
    }
    clip
}

/// The track a source of `kind` goes on: the first targeted, unlocked track that takes it
/// (the target toggles on the track headers; V1 before V2, as Premiere patches a source to V1
/// and A1). A picture goes on a video track, else an image-overlay one, as a still does in
/// Premiere. Video goes on video tracks only: VOD plays a video clip's sound with it.
pub fn target_track(doc: &Document, kind: MediaKind) -> Option<usize> {
    match kind {
        MediaKind::Video => doc.target_of(TrackKind::Video),
        MediaKind::Audio => doc.target_of(TrackKind::Audio),
        MediaKind::Image => doc.target_of(TrackKind::Video).or_else(|| doc.target_of(TrackKind::Image)),
    }
}

/// Insert (,) or Overwrite (.): places the source's marked range (`marks` on `entry`, whose
/// length in the viewer is `length`) at the timeline playhead, or in the timeline's In/Out
/// marks ([`three_point`]), on the target track, as one undo step. Media not in the bin
/// joins it (the project keeps its title and length). The timeline playhead then goes to the
/// end of what was placed, ready for the next edit, and the timeline's marks, used up, are
/// cleared (as Premiere does). Returns the track placed on and what was placed.
pub fn place_source(
    doc: &mut Document,
    entry: &BinEntry,
    marks: &SourceMarks,
    length: Option<Time>,
    mode: PlaceMode,
) -> Result<(usize, Placing), SourceRefused> {
    let p = doc.project();
    let placing = three_point(p.frame_rate, marks, length, p.mark_in, p.marked_end(), p.playhead)?;
    let track = target_track(doc, entry.kind).ok_or(SourceRefused::NoTrack(entry.kind))?;
    let clip = media_clip(entry, p.tracks[track].kind, placing.at, placing.source_in, Some(placing.length));
    let change = place(p, track, placing.at, vec![clip], mode).map_err(SourceRefused::Place)?;
    let mut edits = Vec::new();
    if !p.bin.iter().any(|e| e.media_id == entry.media_id) {
        let mut bin = p.bin.clone();
        bin.push(entry.clone());
        edits.push(Edit::SetBin(bin));
    }
    edits.push(change.edit);
    if doc.apply(&place_label(mode), Edit::Batch(edits)) {
        doc.selection = change.selection;
    }
    doc.set_playhead(placing.at + placing.length);
    doc.clear_marks();
    Ok((track, placing))
}

#[cfg(test)]
mod tests {
    use super::*;

    const FR: FrameRate = FrameRate::FPS_25;

    fn s(secs: i64) -> Time {
        Time::from_secs(secs)
    }

    fn frame(n: i64) -> Time {
        FR.frame_start(n)
    }

    fn marks(i: Option<i64>, o: Option<i64>) -> SourceMarks {
        SourceMarks { playhead: Time::ZERO, mark_in: i.map(s), mark_out: o.map(|o| s(o) - frame(1)) }
    }

    fn placing(at: i64, source_in: i64, length: i64) -> Placing {
        Placing { at: s(at), source_in: s(source_in), length: s(length) }
    }

    #[test]
    fn out_marks_include_their_frame_and_marks_never_cross() {
        let mut m = SourceMarks::default();
        m.set_in(s(2));
        m.set_out(s(4));
        assert_eq!(m.marked_length(FR), Some(s(2) + frame(1)), "In 2:00 to Out 4:00 is 2 s and a frame");
        m.set_in(s(5));
        assert_eq!((m.mark_in, m.mark_out), (Some(s(5)), None), "an In after the Out clears the Out");
        m.set_out(s(3));
        assert_eq!((m.mark_in, m.mark_out), (None, Some(s(3))), "an Out before the In clears the In");
        m.clear();
        assert_eq!(m, SourceMarks::default());
        assert_eq!(last_frame(FR, s(20)), s(20) - frame(1));
        assert_eq!(last_frame(FR, Time::ZERO), Time::ZERO);
    }

    #[test]
    fn without_timeline_marks_the_range_goes_at_the_playhead() {
        let ph = s(7);
        assert_eq!(three_point(FR, &marks(Some(2), Some(5)), Some(s(20)), None, None, ph), Ok(placing(7, 2, 3)));
        // Unmarked: the whole medium from its start; In only: from the In to the end.
        assert_eq!(three_point(FR, &marks(None, None), Some(s(20)), None, None, ph), Ok(placing(7, 0, 20)));
        assert_eq!(three_point(FR, &marks(Some(15), None), Some(s(20)), None, None, ph), Ok(placing(7, 15, 5)));
        // A length between frames drops its partial last frame.
        let len = Time::from_millis(10_010);
        assert_eq!(three_point(FR, &marks(None, None), Some(len), None, None, ph), Ok(placing(7, 0, 10)));
        assert_eq!(
            three_point(FR, &marks(Some(1), None), None, None, None, ph),
            Err(SourceRefused::UnknownLength),
            "no Out and no known length"
        );
        assert_eq!(three_point(FR, &marks(None, Some(4)), None, None, None, ph), Ok(placing(7, 0, 4)));
    }

    #[test]
    fn timeline_marks_decide_where_and_the_shorter_range_decides_how_long() {
        let m = marks(Some(2), Some(5)); // 3 s
        let tl = |a: Option<i64>, b: Option<i64>| three_point(FR, &m, Some(s(20)), a.map(s), b.map(s), s(99));
        assert_eq!(tl(Some(10), None), Ok(placing(10, 2, 3)), "timeline In: starts there");
        assert_eq!(tl(None, Some(10)), Ok(placing(7, 2, 3)), "timeline Out: ends there");
        assert_eq!(tl(None, Some(1)), Ok(placing(0, 4, 1)), "backtimed past zero: the head is left out");
        assert_eq!(tl(Some(10), Some(12)), Ok(placing(10, 2, 2)), "timeline range shorter: it decides");
        assert_eq!(tl(Some(10), Some(20)), Ok(placing(10, 2, 3)), "source range shorter: it decides");
        // Three points: timeline In and Out with the source In fills the timeline range.
        let three = |m: SourceMarks| three_point(FR, &m, Some(s(20)), Some(s(10)), Some(s(14)), s(99));
        assert_eq!(three(marks(Some(6), None)), Ok(placing(10, 6, 4)));
        assert_eq!(three(marks(Some(18), None)), Ok(placing(10, 18, 2)), "only 2 s of source left");
        // ...with the source Out instead, the Outs line up.
        assert_eq!(three(marks(None, Some(9))), Ok(placing(10, 5, 4)));
        assert_eq!(three(marks(None, Some(3))), Ok(placing(11, 0, 3)), "3 s of source before its Out");
        // Unknown length: the timeline range says how long.
        assert_eq!(three_point(FR, &marks(None, None), None, Some(s(1)), Some(s(3)), s(0)), Ok(placing(1, 0, 2)));
        assert_eq!(
            three_point(FR, &marks(None, None), Some(s(20)), Some(s(3)), Some(s(3)), s(0)),
            Err(SourceRefused::Empty)
        );
    }

    #[test]
    fn clips_carry_the_range_by_source_or_by_timeline_for_pictures() {
        let video = BinEntry { media_id: "v".into(), kind: MediaKind::Video, ..Default::default() };
        let c = media_clip(&video, TrackKind::Video, s(7), s(2), Some(s(3)));
        assert_eq!(
            (c.media_id.as_deref(), c.r#in, c.out, c.timeline_in),
            (Some("v"), Some(s(2)), Some(s(5)), Some(s(7)))
        );
        assert_eq!(c.timeline_out, None);
        let pic = BinEntry { media_id: "p".into(), kind: MediaKind::Image, ..Default::default() };
        let c = media_clip(&pic, TrackKind::Video, s(1), Time::ZERO, Some(s(2)));
        assert_eq!((c.r#type.as_deref(), c.timeline_in, c.timeline_out), (Some("Image"), Some(s(1)), Some(s(3))));
        let c = media_clip(&pic, TrackKind::Image, s(1), Time::ZERO, None);
        assert_eq!((c.image_id.as_deref(), c.timeline_out), (Some("p"), Some(s(1) + PROVISIONAL_LENGTH)));
        assert_eq!(source_length(&pic), Some(PROVISIONAL_LENGTH), "a still has the still length");
    }

    #[test]
    fn the_target_is_the_first_targeted_unlocked_track_that_takes_the_media() {
        let mut p = crate::model::Project::new_empty(); // I1, V1, A1
        let v2 = p.add_track(TrackKind::Video);
        let mut doc = Document::new(p, None, false);
        let (i1, v1, a1) = (0, 1, 2);
        assert_eq!(target_track(&doc, MediaKind::Video), Some(v1));
        assert_eq!(target_track(&doc, MediaKind::Audio), Some(a1));
        assert_eq!(target_track(&doc, MediaKind::Image), Some(v1), "a still goes on video first");
        doc.set_targeted(v1, false);
        assert_eq!(target_track(&doc, MediaKind::Video), Some(v2), "V1's target is off");
        let lock = |doc: &mut Document, track: usize| {
            let name = doc.project().tracks[track].name.clone();
            assert!(doc.apply("lock", crate::edit::Edit::SetTrackProps { track, name, locked: true, hidden: false }));
        };
        lock(&mut doc, v2);
        assert_eq!(target_track(&doc, MediaKind::Video), None, "locked tracks are passed over");
        assert_eq!(target_track(&doc, MediaKind::Image), Some(i1), "then an image-overlay track");
    }

    /// V1: a [0,4) b [4,8); the bin holds a and b (20 s).
    fn doc() -> Document {
        let mut p = crate::model::export::import_timeline_str(
            r#"{"VideoTracks":[{"VideoTrackClips":[{"MediaId":"a","In":0,"Out":4},{"MediaId":"b","In":0,"Out":4}]}]}"#,
        )
        .unwrap();
        for id in ["a", "b"] {
            p.bin.push(BinEntry { media_id: id.into(), duration: Some(s(20)), ..Default::default() });
        }
        Document::new(p, None, false)
    }

    fn spans(d: &Document) -> Vec<(i64, i64, Option<String>)> {
        let p = &d.project();
        let mut v: Vec<_> = crate::model::project::layout_track(&p.tracks[0], &p.media_durations())
            .iter()
            .zip(&p.tracks[0].clips)
            .map(|(q, c)| (q.start.0 / 10_000, q.end.0 / 10_000, c.media_id.clone()))
            .collect();
        v.sort();
        v
    }

    #[test]
    fn insert_and_overwrite_place_the_range_as_one_undo_step() {
        let lib = BinEntry { media_id: "lib".into(), duration: Some(s(30)), ..Default::default() };
        let m = marks(Some(10), Some(12)); // 2 s
        let some = |id: &str| Some(id.to_owned());
        let mut d = doc();
        let before = d.project().clone();
        d.set_playhead(s(2));
        let ins = PlaceMode::Insert { all_tracks: false };
        assert_eq!(place_source(&mut d, &lib, &m, Some(s(30)), ins), Ok((0, placing(2, 10, 2))));
        assert_eq!(spans(&d), vec![(0, 2, some("a")), (2, 4, some("lib")), (4, 6, some("a")), (6, 10, some("b"))]);
        assert_eq!(d.project().playhead, s(4), "the playhead goes to the end of what was placed");
        assert!(d.project().bin.iter().any(|e| e.media_id == "lib"), "library media joins the bin");
        d.undo();
        assert_eq!(d.project().tracks, before.tracks, "one undo step takes it all back");
        assert_eq!(d.project().bin, before.bin);
        // Overwrite in the timeline's In/Out (3 s to the frame before 5 s, which the Out mark
        // includes): the range fills them, what it covers is cut.
        d.set_playhead(s(3));
        d.mark(false);
        d.set_playhead(s(5) - frame(1));
        d.mark(true);
        assert_eq!(
            place_source(&mut d, &lib, &marks(Some(10), None), Some(s(30)), PlaceMode::Overwrite),
            Ok((0, placing(3, 10, 2)))
        );
        assert_eq!(spans(&d), vec![(0, 3, some("a")), (3, 5, some("lib")), (5, 8, some("b"))]);
        assert_eq!((d.project().mark_in, d.project().mark_out), (None, None), "the marks are used up");
        let name = d.project().tracks[0].name.clone();
        assert!(d.apply("lock", crate::edit::Edit::SetTrackProps { track: 0, name, locked: true, hidden: false }));
        assert_eq!(
            place_source(&mut d, &lib, &m, Some(s(30)), PlaceMode::Overwrite),
            Err(SourceRefused::NoTrack(MediaKind::Video))
        );
    }
}
