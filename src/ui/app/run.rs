//! What each command does: the menus, buttons and keys all end here.

use super::{Editor, Pending, Tab};
use crate::model::Time;
use crate::ui::commands::Command;

impl Editor {
    /// Runs a command from a menu, a button or the keyboard. Its result replaces whatever the
    /// status line said before.
    pub fn run(&mut self, command: Command) {
        // What the status line said was about an earlier action.
        self.timeline.message = None;
        self.status.clear();
        if self.run_in_source(command) {
            return;
        }
        if matches!(
            command,
            Command::Home
                | Command::End
                | Command::NextMarker
                | Command::PrevMarker
                | Command::NextEdit
                | Command::PrevEdit
                | Command::StepBack
                | Command::StepForward
                | Command::SelectNextClip
                | Command::SelectPrevClip
                | Command::Paste
                | Command::PasteInsert
                | Command::RippleTrimPrev
                | Command::Lift
                | Command::Extract
        ) {
            self.timeline.follow_playhead = true;
        }
        let result = match command {
            Command::New => {
                self.request(Pending::New);
                Ok(())
            }
            Command::Open => {
                self.request(Pending::Open);
                Ok(())
            }
            Command::Save => {
                self.save();
                Ok(())
            }
            Command::SaveAs => {
                self.save_as();
                Ok(())
            }
            Command::Undo => {
                self.status = self
                    .doc
                    .undo()
                    .map_or(crate::t!("shell-nothing-to-undo"), |l| crate::t!("shell-undid", action = l));
                Ok(())
            }
            Command::Redo => {
                self.status = self
                    .doc
                    .redo()
                    .map_or(crate::t!("shell-nothing-to-redo"), |l| crate::t!("shell-redid", action = l));
                Ok(())
            }
            Command::Split => self.doc.split_at_playhead(),
            // A picked gap is closed; clips are deleted leaving their gap.
            Command::Delete if self.doc.gap.is_some() => self.doc.close_selected_gap(),
            Command::Delete => self.doc.delete_selection(false),
            Command::RippleDelete => self.doc.delete_selection(true),
            Command::Copy => {
                let n = self.doc.copy();
                self.note_clipboard(n);
                self.status = crate::t!("shell-copied", n = n);
                Ok(())
            }
            Command::Cut => {
                let r = self.doc.cut();
                if r.is_ok() {
                    self.note_clipboard(self.doc.clipboard_len());
                }
                r
            }
            Command::Paste => self.doc.paste(),
            Command::SelectAll => {
                self.doc.select_all();
                Ok(())
            }
            Command::ZoomIn | Command::ZoomOut => {
                let factor = if command == Command::ZoomIn { 1.25 } else { 0.8 };
                let x = self.timeline.mapping.x_from_time(self.doc.project().playhead);
                self.timeline.mapping.zoom_at(x, factor);
                self.doc.set_zoom(self.timeline.mapping.px_per_sec);
                Ok(())
            }
            Command::ZoomFit => {
                self.timeline.fit_requested = true;
                Ok(())
            }
            Command::PlayPause => {
                let speed = if self.play_speed == 0.0 { 1.0 } else { 0.0 };
                self.set_play_speed(speed);
                Ok(())
            }
            Command::ShuttleForward => {
                let speed = if self.play_speed <= 0.0 { 1.0 } else { (self.play_speed * 2.0).min(8.0) };
                self.set_play_speed(speed);
                Ok(())
            }
            Command::ShuttleBack => {
                let speed = if self.play_speed >= 0.0 { -1.0 } else { (self.play_speed * 2.0).max(-8.0) };
                self.set_play_speed(speed);
                Ok(())
            }
            Command::ShuttleStop => {
                self.set_play_speed(0.0);
                Ok(())
            }
            Command::Home => {
                self.doc.set_playhead(Time::ZERO);
                Ok(())
            }
            Command::End => {
                self.doc.set_playhead(self.timeline.content_end());
                Ok(())
            }
            Command::StepBack | Command::StepForward => {
                self.doc.step_playhead(if command == Command::StepBack { -1 } else { 1 });
                Ok(())
            }
            Command::NudgeBack => self.doc.nudge(-1),
            Command::NudgeForward => self.doc.nudge(1),
            Command::AddSubtitle => self.doc.add_subtitle(),
            Command::AddMarker => self.doc.add_marker(),
            Command::AddTransition => self.doc.add_default_transition(),
            Command::ToggleSnap => {
                self.timeline.snapping = !self.timeline.snapping;
                self.status = if self.timeline.snapping {
                    crate::t!("shell-snapping-on")
                } else {
                    crate::t!("shell-snapping-off")
                };
                Ok(())
            }
            Command::Produce => {
                self.start_produce();
                Ok(())
            }
            Command::RenderDraft => {
                self.start_draft();
                Ok(())
            }
            Command::GoToTimecode => {
                let p = self.doc.project();
                self.preview.time_entry.open(crate::i18n::Clock::of(p.frame_rate).time(p.playhead));
                self.ctx_for_textures.request_repaint();
                Ok(())
            }
            Command::TemplateSlots => {
                self.tab = Tab::Template;
                Ok(())
            }
            Command::TimesInSeconds => {
                use crate::model::time::TimeUnit;
                let seconds = self.cloud.settings.time_unit != TimeUnit::Seconds;
                self.cloud.settings.time_unit = if seconds { TimeUnit::Seconds } else { TimeUnit::Timecode };
                self.cloud.save_settings();
                self.apply_time_unit();
                self.status =
                    if seconds { crate::t!("shell-times-in-seconds") } else { crate::t!("shell-times-in-timecode") };
                Ok(())
            }
            Command::ToolSelect | Command::ToolRipple | Command::ToolSlip | Command::ToolSlide => {
                use crate::ui::timeline::Tool;
                self.timeline.tool = match command {
                    Command::ToolRipple => Tool::Ripple,
                    Command::ToolSlip => Tool::Slip,
                    Command::ToolSlide => Tool::Slide,
                    _ => Tool::Select,
                };
                Ok(())
            }
            Command::RippleTrimPrev | Command::RippleTrimNext => {
                self.doc.ripple_to_playhead(command == Command::RippleTrimNext)
            }
            Command::MarkIn | Command::MarkOut => {
                self.doc.mark(command == Command::MarkOut);
                Ok(())
            }
            Command::ClearMarks => {
                self.doc.clear_marks();
                Ok(())
            }
            Command::Lift | Command::Extract => self.doc.lift_or_extract(command == Command::Extract),
            Command::PasteInsert => self.doc.paste_insert(self.timeline.insert_all_tracks),
            Command::InsertSource | Command::OverwriteSource => {
                if let Err(e) = self.place_source(command == Command::InsertSource) {
                    self.timeline.message = Some(e.to_string());
                }
                Ok(())
            }
            Command::LayerLeft
            | Command::LayerRight
            | Command::LayerUp
            | Command::LayerDown
            | Command::LayerLeftFar
            | Command::LayerRightFar
            | Command::LayerUpFar
            | Command::LayerDownFar => {
                let (dx, dy) = command.layer_nudge().unwrap_or_default();
                if let Some(message) = self.preview.nudge(&mut self.doc, &mut self.timeline, dx, dy) {
                    self.status = message;
                }
                Ok(())
            }
            Command::CloseGaps if self.doc.gap.is_some() => self.doc.close_selected_gap(),
            Command::CloseGaps => self.doc.close_gaps(None),
            Command::NextMarker | Command::PrevMarker => {
                if !self.doc.jump_to_marker(command == Command::NextMarker) {
                    self.status = crate::t!("shell-no-marker-that-way");
                }
                Ok(())
            }
            Command::NextEdit | Command::PrevEdit => {
                self.timeline.ensure_indexes(&self.doc);
                match crate::ui::timeline::nav::edit_point(
                    self.timeline.indexes(),
                    self.doc.project().playhead,
                    command == Command::NextEdit,
                ) {
                    Some(t) => self.doc.set_playhead(t),
                    None => self.status = crate::t!("shell-no-edge-that-way"),
                }
                Ok(())
            }
            Command::SelectAtPlayhead => {
                self.timeline.ensure_indexes(&self.doc);
                let under = crate::ui::timeline::nav::clips_at(self.timeline.indexes(), self.doc.project().playhead);
                if under.is_empty() {
                    self.status = crate::t!("shell-no-clip-under-playhead");
                }
                self.doc.selection = under;
                Ok(())
            }
            Command::SelectNextClip | Command::SelectPrevClip => {
                self.timeline.ensure_indexes(&self.doc);
                let order = crate::ui::timeline::display_order(self.doc.project());
                match crate::ui::timeline::nav::neighbour(
                    self.timeline.indexes(),
                    &order,
                    self.doc.selection.last().copied(),
                    self.doc.project().playhead,
                    command == Command::SelectNextClip,
                ) {
                    Some((r, start)) => {
                        self.doc.selection = vec![r];
                        self.doc.set_playhead(start);
                    }
                    None => self.status = crate::t!("shell-no-clip-that-way"),
                }
                Ok(())
            }
        };
        if let Err(e) = result {
            self.timeline.message = Some(e.to_string());
        }
    }
}
