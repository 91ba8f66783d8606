//! The output size the preview draws at: ProduceConfig's, else the largest of the sources the
//! visible video tracks use, whose sizes are asked for in the background.
//!
//! Worked out again only when what it depends on changed. Which media a track uses is kept per
//! track and looked at again only when the media that track's clips use may have changed
//! (`Document::media_revisions`): after a ripple or a trim on a 100 000-clip project the frame
//! must not read every clip (that was a third of the frame after an edit).

use super::{PreviewState, SourceSizes};
use crate::compose;
use crate::edit::document::Document;
use crate::model::TrackKind;
use std::collections::HashSet;
use std::sync::atomic::{AtomicU64, Ordering};

/// The output size as worked out, and what it was worked out for.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct SizeMemo {
    /// Per track: the media revision.
    content: Vec<u64>,
    /// ProduceConfig's Width and Height.
    produce: (Option<u32>, Option<u32>),
    generation: u64,
    settings: String,
    asking: bool,
    size: (u32, u32),
}

impl SizeMemo {
    pub(super) fn size(&self) -> (u32, u32) {
        self.size
    }
}

/// Per track: the MediaIds its clips use, each once, with the media revision they were
/// read at.
#[derive(Default)]
pub(super) struct MediaUsed(Vec<Option<(u64, Vec<String>)>>);

impl MediaUsed {
    fn refresh(&mut self, doc: &Document) {
        let (tracks, revs) = (&doc.project().tracks, doc.media_revisions());
        self.0.resize(tracks.len(), None);
        for ((slot, track), rev) in self.0.iter_mut().zip(tracks).zip(revs) {
            if slot.as_ref().is_some_and(|(r, _)| r == rev) {
                continue;
            }
            let mut seen = HashSet::new();
            let ids = track.clips.iter().filter_map(|c| c.media_id.as_deref()).filter(|id| seen.insert(*id));
            *slot = Some((*rev, ids.map(str::to_owned).collect()));
        }
        if revs.len() != tracks.len() {
            // Tracks changed behind the document's back: nothing kept can be trusted.
            self.0.iter_mut().for_each(|s| *s = None);
        }
    }

    /// The media of the visible video tracks (a medium used on two tracks comes twice).
    fn visible<'a>(&'a self, doc: &'a Document) -> impl Iterator<Item = &'a str> + 'a {
        let tracks = &doc.project().tracks;
        let listed = self.0.iter().zip(tracks).filter(|(_, t)| t.kind == TrackKind::Video && !t.hidden);
        let fresh =
            move |slot: &'a Option<(u64, Vec<String>)>| slot.as_ref().map(|(_, ids)| ids.iter().map(String::as_str));
        listed.flat_map(move |(slot, _)| fresh(slot).into_iter().flatten())
    }
}

impl PreviewState {
    /// The output size from the source sizes known so far; asks for the missing ones in the
    /// background. Worked out again only when the media used, ProduceConfig's size, a source
    /// size or the settings changed.
    pub(super) fn output_size(&mut self, doc: &Document) -> (u32, u32) {
        let generation = self.sizes_generation.load(Ordering::Acquire);
        // The footage service is made in the background: until it is there no size can be
        // asked for, so its arrival must work the size out again.
        let asking = self.renderer.is_some() && self.footage().is_some();
        let pc = &doc.project().produce_config;
        let memo = |size| SizeMemo {
            content: doc.media_revisions().to_vec(),
            produce: (pc.width, pc.height),
            generation,
            settings: self.settings_key.clone(),
            asking,
            size,
        };
        if let Some(m) = &self.size_memo
            && *m == memo(m.size)
        {
            return m.size;
        }
        let memo = memo((0, 0));
        let size = self.work_out_output_size(doc);
        self.size_memo = Some(SizeMemo { size, ..memo });
        size
    }

    fn work_out_output_size(&mut self, doc: &Document) -> (u32, u32) {
        let p = doc.project();
        let known = self.sizes.lock().map(|m| m.clone()).unwrap_or_default();
        if let Some(size) = compose::layout::explicit_size(p) {
            return size;
        }
        self.media_used.refresh(doc);
        let size = compose::layout::largest_size(self.media_used.visible(doc), &|id| known.get(id).copied().flatten());
        let explicit = p.produce_config.width.is_some_and(|w| w > 0) && p.produce_config.height.is_some_and(|h| h > 0);
        if explicit {
            return size;
        }
        let (Some(r), Some(f)) = (self.renderer.as_ref(), self.footage().cloned()) else { return size };
        // Each medium once, however many clips use it (hidden tracks too: they may be shown).
        let tracks = self.media_used.0.iter().zip(&p.tracks).filter(|(_, t)| t.kind == TrackKind::Video);
        let missing: std::collections::BTreeSet<String> = tracks
            .flat_map(|(slot, _)| slot.iter().flat_map(|(_, ids)| ids))
            .filter(|id| !known.contains_key(*id))
            .cloned()
            .collect();
        if missing.is_empty() {
            return size;
        }
        let rt = r.runtime();
        if let Ok(mut m) = self.sizes.lock() {
            for id in &missing {
                m.insert(id.clone(), None);
            }
            let (sizes, generation) = (self.sizes.clone(), self.sizes_generation.clone());
            rt.spawn(async move {
                for id in missing {
                    let s = f.source_size(&id).await;
                    note_size(&sizes, &generation, id, s);
                }
            });
        }
        size
    }
}

/// Records a source's size (None: unknown) where the output size looks for it.
pub(super) fn note_size(sizes: &SourceSizes, generation: &AtomicU64, id: String, size: Option<(u32, u32)>) {
    if let Ok(mut m) = sizes.lock() {
        m.insert(id, size);
    }
    generation.fetch_add(1, Ordering::Release);
}
