//! Playback and sound: Space/J/K/L speeds, the sound's clock driving the playhead, audio
//! scrubbing, the decoders warmed while the playhead rests, and the ducking dialog.

use super::Editor;
use crate::model::Time;
use std::sync::Arc;

impl Editor {
    /// Starts, changes or stops playback. The clock restarts from the playhead at each change,
    /// and a start at the end of the timeline starts from the beginning, as players do.
    pub(super) fn set_play_speed(&mut self, speed: f64) {
        self.play_speed = speed;
        if speed == 0.0 {
            self.playing = None;
            self.sound.stop();
            return;
        }
        if speed > 0.0 && self.doc.project().playhead >= self.timeline.content_end() {
            self.doc.set_playhead(Time::ZERO);
        }
        let now = self.ctx_for_textures.input(|i| i.time);
        self.playing = Some((now, self.doc.project().playhead));
        if speed > 0.0 {
            self.play_sound(self.doc.project().playhead, speed);
        } else {
            // Backwards play is silent (the picture alone, on the wall clock).
            self.sound.stop();
        }
    }

    /// [`sound_sources`] of this window's preview.
    pub(super) fn sound_sources(&self) -> crate::sound::session::Sources {
        sound_sources(&self.preview)
    }

    pub(super) fn play_sound(&mut self, from: Time, speed: f64) {
        let device = Some(self.cloud.settings.sound.device.clone());
        let opts = crate::sound::player::PlayOptions { from, speed, limit: None, device };
        let doc = &self.doc;
        let project = self.sound.project(doc.revision(), || doc.project().clone());
        self.sound.play(self.sound_sources(), project, self.doc.revision(), opts);
    }

    /// The playhead while playing: the sound's clock going forwards (the picture follows it),
    /// the wall clock backwards. An edit while playing restarts the sound from the playhead.
    pub(super) fn follow_clock(&mut self, ctx: &egui::Context, now: f64, since: f64, from: Time) {
        let end = self.timeline.content_end();
        if self.play_speed > 0.0 && self.sound.playing_revision().is_some_and(|r| r != self.doc.revision()) {
            self.play_sound(self.doc.project().playhead, self.play_speed);
        }
        let (t, heard_all) = match self.sound.position() {
            Some((at, done)) if self.play_speed > 0.0 => {
                crate::ui::preview::av_log("clock", at); // i18n-exempt: a word in a log for a script
                (at.as_secs_f64(), done)
            }
            // The sound is starting: the clock stands at the start until it is heard.
            None if self.play_speed > 0.0 && self.sound.playing_revision().is_some() => {
                ctx.request_repaint();
                return;
            }
            _ => (from.as_secs_f64() + (now - since) * self.play_speed, false),
        };
        if t <= 0.0 && self.play_speed < 0.0 {
            self.doc.set_playhead(Time::ZERO);
            self.set_play_speed(0.0);
        } else if (heard_all || t >= end.as_secs_f64()) && self.play_speed > 0.0 {
            // Playback stops at the end of the timeline.
            self.doc.set_playhead(end);
            self.set_play_speed(0.0);
        } else {
            self.doc.set_playhead(Time::from_secs_f64(t).unwrap_or(Time::ZERO));
            ctx.request_repaint();
        }
        self.timeline.follow_playhead = true;
    }

    /// The ducking dialog: the plan is worked out from the form each frame it is open (a
    /// lookup per clip of two tracks), applied as one undo step.
    pub(super) fn duck_ui(&mut self, ctx: &egui::Context) {
        let Some(form) = self.duck.as_mut() else { return };
        let duck = crate::sound::fades::Duck {
            depth_db: form.depth_db,
            lead: Time::from_secs_f64(form.lead).unwrap_or(Time::ZERO),
            tail: Time::from_secs_f64(form.tail).unwrap_or(Time::ZERO),
            steps: self.cloud.settings.sound.fade_steps,
        };
        self.timeline.ensure_indexes(&self.doc);
        let placements: Vec<_> = self.timeline.indexes().iter().map(|i| i.placements.clone()).collect();
        let plan = crate::sound::fades::duck_plan(self.doc.project(), &placements, form.voice, form.music, &duck);
        match crate::ui::sound::duck_dialog(ctx, form, self.doc.project(), &plan) {
            crate::ui::sound::DuckAnswer::Open => {}
            crate::ui::sound::DuckAnswer::Cancel => self.duck = None,
            crate::ui::sound::DuckAnswer::Apply => {
                let music = form.music;
                if let Some(t) = self.doc.project().tracks.get(music).filter(|t| t.locked) {
                    self.timeline.message = Some(crate::edit::ops::Refused::Locked(t.name.clone()).to_string());
                } else {
                    let edits = plan
                        .clips
                        .into_iter()
                        .map(|(index, clip)| crate::edit::Edit::SetClip { track: music, index, clip: Box::new(clip) })
                        .collect();
                    self.doc.apply(&crate::t!("sound-duck-edit"), crate::edit::Edit::Batch(edits));
                }
                self.duck = None;
            }
        }
    }

    /// Dragging the playhead plays short snippets (when scrubbing is on in the settings).
    pub(super) fn scrub_sound(&mut self) {
        let at = self.doc.project().playhead;
        let moved = at != self.last_playhead;
        self.last_playhead = at;
        if self.playing.is_none() && moved && self.timeline.scrubbing() && self.cloud.settings.sound.scrub {
            let device = Some(self.cloud.settings.sound.device.clone());
            let project = Arc::new(self.doc.project().clone());
            self.sound.scrub(self.sound_sources(), project, at, device);
        }
        self.sound.tidy();
    }

    /// While paused, the decoders a play from the playhead needs are started (off this
    /// thread), so Space is heard sooner: at once after a seek, after a rest while the
    /// pointer is held (dragging); a frame is asked for when the rest is over.
    /// Not on big projects (see [`crate::sound::session::WARM_MAX_CLIPS`]).
    pub(super) fn warm_sound(&mut self, ctx: &egui::Context) {
        let clips: usize = self.doc.project().tracks.iter().map(|t| t.clips.len()).sum();
        if clips > crate::sound::session::WARM_MAX_CLIPS {
            // Grown past the limit while decoders were warm (a paste): they go now, not at
            // the next Space.
            self.sound.forget_rest();
            return;
        }
        if self.playing.is_some() {
            return;
        }
        let (revision, at) = (self.doc.revision(), self.doc.project().playhead);
        let (preview, doc) = (&self.preview, &self.doc);
        // A press on the ruler moves the playhead and may become a drag: it waits until let go.
        let held = self.timeline.scrubbing() || ctx.input(|i| i.pointer.primary_down());
        let wait = self.sound.rest(revision, at, held, || sound_sources(preview), || doc.project().clone());
        if let Some(wait) = wait {
            ctx.request_repaint_after(wait);
        }
    }
}

/// What the sound needs from the footage: ffmpeg, and play URLs asked on the sound's own
/// threads (never the UI's).
fn sound_sources(preview: &crate::ui::preview::PreviewState) -> crate::sound::session::Sources {
    let footage = preview.footage().cloned();
    let rt = preview.runtime();
    let ffmpeg = footage.as_ref().and_then(|f| f.ffmpeg().ok().cloned());
    let locate: crate::sound::player::Locate = Arc::new(move |id: &str| match (&footage, &rt) {
        (Some(f), Some(rt)) => {
            let (f, id) = (f.clone(), id.to_owned());
            match crate::media::wait_on(rt, async move { f.play_url(&id).await }) {
                Some(url) => url.map_err(|e| e.to_string()),
                None => Err(crate::t!("timeline-preview-not-set-up")),
            }
        }
        _ => Err(crate::t!("timeline-preview-not-set-up")),
    });
    crate::sound::session::Sources { ffmpeg, locate }
}
