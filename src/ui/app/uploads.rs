//! The editor's side of uploads: files dropped on the window, new media into the bin and onto
//! the track they were dropped on, lengths filled in when VOD knows them, and Produce refusing
//! media that are not Normal yet.

use super::*;
use crate::core::uploads::{Happening, Placement};
use crate::i18n::describe;
use crate::model::project::{BinEntry, MediaKind as BinKind};
use crate::t;
use crate::upload::MediaKind;

fn bin_kind(k: MediaKind) -> BinKind {
    match k {
        MediaKind::Video => BinKind::Video,
        MediaKind::Audio => BinKind::Audio,
        MediaKind::Image => BinKind::Image,
    }
}

impl Editor {
    /// Files dropped from the desktop: on a track, the first lands at the drop point and each
    /// next one after it, drawn there at once and becoming clips as VOD gives their MediaIds;
    /// dropped elsewhere, they go to the bin.
    pub(super) fn handle_dropped_files(&mut self, ctx: &egui::Context) {
        let (dropped, hovering, pos) =
            ctx.input(|i| (i.raw.dropped_files.clone(), !i.raw.hovered_files.is_empty(), i.pointer.latest_pos()));
        if hovering {
            let screen = ctx.content_rect();
            let painter =
                ctx.layer_painter(egui::LayerId::new(egui::Order::Foreground, egui::Id::unique("drop-files")));
            painter.rect_filled(screen, 0.0, egui::Color32::from_black_alpha(120));
            painter.text(
                screen.center(),
                egui::Align2::CENTER_CENTER,
                t!("cloud-drop-hint"),
                egui::FontId::proportional(22.0),
                egui::Color32::WHITE,
            );
        }
        if dropped.is_empty() {
            return;
        }
        let (subtitles, paths): (Vec<PathBuf>, Vec<PathBuf>) = dropped
            .iter()
            .map(|f| f.path().to_owned())
            .filter(|p| !p.as_os_str().is_empty())
            .partition(|p| crate::subtitles::Format::of(p).is_some());
        let target = pos.and_then(|p| self.timeline.track_at(p));
        if !subtitles.is_empty() {
            // Subtitle files are read into the subtitle track they were dropped on (else the
            // first one, or a new one), not uploaded.
            let project = self.doc.project();
            let track = target
                .and_then(|(t, _)| project.tracks.get(t))
                .filter(|t| t.kind == crate::model::TrackKind::Subtitle)
                .map(|t| t.name.clone());
            for path in subtitles {
                self.files.read_subtitles(Some(path), track.clone());
            }
            if paths.is_empty() {
                return;
            }
        }
        if paths.is_empty() {
            self.status = t!("cloud-drop-no-path");
            return;
        }
        let fr = self.doc.project().frame_rate;
        let placement = target.map(|(track, at)| Placement { track, at: fr.snap(at), after: None });
        let count = paths.len();
        self.uploads.ffmpeg =
            Some(PathBuf::from(self.cloud.settings.ffmpeg_path.trim())).filter(|p| !p.as_os_str().is_empty());
        let refused = self.uploads.add(paths, placement);
        self.status = match (count - refused.len(), target.is_some()) {
            (0, _) => t!("cloud-drop-nothing"),
            (n, true) => t!("cloud-drop-placed", n = n),
            (n, false) => t!("cloud-drop-to-vod", n = n),
        };
        if !refused.is_empty() {
            self.error = Some(t!("cloud-not-uploaded", list = refused.join("\n")));
        }
    }

    pub(super) fn handle_uploads(&mut self, ctx: &egui::Context) {
        let conn = self.cloud.connection(&self.doc.project().region);
        // New media go to the project's application, as its production does.
        self.uploads.app_id.clone_from(&self.doc.project().app_id);
        let happened = self.uploads.update(conn);
        if self.uploads.busy() {
            // Progress, speed and time left move on between results.
            ctx.request_repaint_after(std::time::Duration::from_millis(250));
        }
        for h in happened {
            match h {
                Happening::Created { item, media_id, kind, title, placement, local_duration } => {
                    let at = self.upload_slot(item).map(|(_, start, _)| start);
                    let placement = placement.map(|p| Placement { at: at.unwrap_or(p.at), ..p });
                    let entry = BinEntry {
                        media_id,
                        title,
                        duration: local_duration,
                        kind: bin_kind(kind),
                        ..Default::default()
                    };
                    // A source of an imported edit: its clips wait for it by its file.
                    if !self.place_uploaded_source(item, entry.clone()) {
                        self.place_upload(entry, placement)
                    }
                }
                Happening::Measured { media_id, duration } => {
                    // Until VOD says its own length, the local file's is the best known.
                    let mut bin = self.doc.project().bin.clone();
                    if let Some(e) = bin.iter_mut().find(|e| e.media_id == media_id && e.duration.is_none()) {
                        e.duration = Some(duration);
                        self.doc.apply(&t!("cloud-undo-media-length"), crate::edit::Edit::SetBin(bin));
                    }
                }
                Happening::Ready { info } => {
                    let title = info.title.clone();
                    self.apply_infos(Ok((vec![*info], Vec::new())));
                    self.status = t!("cloud-upload-ready", title = title);
                }
                Happening::Failed { name, error } => {
                    self.status = t!("cloud-upload-failed", name = name, error = error)
                }
            }
        }
        self.note_failed_import_uploads();
        self.timeline.pending = self.pending_clips();
    }

    /// Where upload `item` sits on its track (track, start, end) while it waits to become a
    /// clip, or where its clip goes: after the clip (or placeholder) of the file dropped before
    /// it, else at the drop point.
    fn upload_slot(&self, item: u64) -> Option<(usize, Time, Time)> {
        let it = self.uploads.items.iter().find(|i| i.id == item)?;
        let p = it.placement?;
        let start = match p.after.and_then(|prev| self.uploads.items.iter().find(|i| i.id == prev)) {
            None => p.at,
            Some(prev) => {
                let placed = prev.media_id.as_deref().and_then(|id| self.clip_end_on(p.track, id));
                match placed {
                    Some(end) => end,
                    None if prev.awaiting_clip() => self.upload_slot(prev.id).map_or(p.at, |s| s.2),
                    // Failed, cancelled or not placed: its slot closes up.
                    None => self.upload_slot(prev.id).map_or(p.at, |s| s.1),
                }
            }
        };
        let length = it.local_duration.unwrap_or(crate::model::project::PROVISIONAL_LENGTH);
        Some((p.track, start, start + length))
    }

    /// The end of the last clip on `track` using `media_id`.
    fn clip_end_on(&self, track: usize, media_id: &str) -> Option<Time> {
        let t = self.doc.project().tracks.get(track)?;
        let durations = self.doc.project().media_durations();
        let places = crate::model::project::layout_track(t, &durations);
        t.clips.iter().zip(places).filter(|(c, _)| c.material_id() == Some(media_id)).map(|(_, pl)| pl.end).max()
    }

    /// Placeholders on the tracks for files dropped there that are not clips yet.
    pub(super) fn pending_clips(&self) -> Vec<crate::ui::timeline::PendingClip> {
        self.uploads
            .items
            .iter()
            .filter(|i| i.awaiting_clip())
            .filter_map(|i| {
                let (track, start, end) = self.upload_slot(i.id)?;
                Some(crate::ui::timeline::PendingClip {
                    track,
                    start,
                    end,
                    label: format!("{} · {}", i.name, i.label()),
                })
            })
            .collect()
    }

    /// The new media joins the bin and, when dropped on a track, is placed there (one undo step).
    fn place_upload(&mut self, entry: BinEntry, placement: Option<Placement>) {
        let mut edits = Vec::new();
        if !self.doc.project().bin.iter().any(|e| e.media_id == entry.media_id) {
            let mut bin = self.doc.project().bin.clone();
            bin.push(entry.clone());
            edits.push(crate::edit::Edit::SetBin(bin));
        }
        let mut selection = None;
        if let Some(p) = placement
            && let Some(track) = self.doc.project().tracks.get(p.track)
        {
            let kind = track.kind;
            let mut clip = crate::model::wire::Clip { timeline_in: Some(p.at), ..Default::default() };
            match (entry.kind, kind) {
                (BinKind::Image, crate::model::TrackKind::Image) => {
                    clip.image_id = Some(entry.media_id.clone());
                    clip.timeline_out = Some(p.at + crate::model::project::PROVISIONAL_LENGTH);
                }
                (BinKind::Image, _) => {
                    clip.media_id = Some(entry.media_id.clone());
                    clip.r#type = Some("Image".into());
                    clip.timeline_out = Some(p.at + crate::model::project::PROVISIONAL_LENGTH);
                }
                _ => {
                    clip.media_id = Some(entry.media_id.clone());
                    // No Out: the clip follows the media's length (the local file's until VOD
                    // says its own, which may differ by milliseconds).
                    clip.r#in = Some(Time::ZERO);
                }
            }
            if !entry.kind.fits(kind) {
                self.timeline.message = Some(t!(
                    "cloud-upload-wrong-track",
                    title = entry.title.as_str(),
                    kind = describe::media_kind(entry.kind),
                    track = describe::track_kind(kind)
                ));
            } else {
                match crate::edit::ops::insert(self.doc.project(), p.track, vec![clip]) {
                    Ok(change) => {
                        edits.push(change.edit);
                        selection = Some(change.selection);
                    }
                    Err(e) => {
                        self.timeline.message =
                            Some(t!("cloud-upload-not-placed", title = entry.title.as_str(), error = e.to_string()))
                    }
                }
            }
        }
        if !edits.is_empty()
            && self.doc.apply(&t!("cloud-undo-add-uploaded"), crate::edit::Edit::Batch(edits))
            && let Some(s) = selection
        {
            self.doc.selection = s;
        }
    }

    /// Media this project uses that an upload of this session has not brought to Normal.
    pub(super) fn uploads_not_ready(&self) -> Option<String> {
        let ids = self.doc.project().tracks.iter().flat_map(|t| t.clips.iter()).filter_map(|c| c.material_id());
        let waiting = self.uploads.not_ready(ids);
        (!waiting.is_empty()).then(|| {
            let list = waiting.iter().map(|(n, s)| format!("{n} ({s})")).collect::<Vec<_>>().join(", ");
            t!("cloud-not-ready", list = list)
        })
    }
}
