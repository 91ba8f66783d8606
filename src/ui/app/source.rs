//! The source viewer in the editor: opening media from the bin and the library, the Source /
//! Program switch above the preview area, which of them has the keyboard, and Insert (,) and
//! Overwrite (.) of its marked range on the timeline.

use super::*;
use crate::edit::ops::PlaceMode;
use crate::edit::source::SourceRefused;
use crate::model::project::BinEntry;
use crate::ui::source::display_title;

impl Editor {
    /// Opens `entry` in the source viewer (a double-click in the bin or the library).
    pub(super) fn open_source(&mut self, entry: BinEntry) {
        self.set_play_speed(0.0);
        self.status = crate::t!("source-opened", title = display_title(&entry));
        self.source.open(entry);
    }

    /// Shows the source (`true`) or the program in the preview area; the one shown gets the
    /// keyboard. Whatever stops being shown stops playing.
    pub(super) fn show_source(&mut self, on: bool) {
        if on && !self.source.showing {
            self.set_play_speed(0.0);
        } else if !on && self.source.showing {
            self.source.stop();
        }
        self.source.showing = on;
        self.source.focused = on;
    }

    /// The tabs above the preview area: which is shown reads at a glance, as in Premiere.
    pub(super) fn monitor_switch(&mut self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            // A long title is cut short (whole on hover): the Program tab stays in its place.
            let (source, whole) = match &self.source.open {
                Some(e) => {
                    let title = display_title(e);
                    let short = match title.char_indices().nth(40) {
                        Some((i, _)) => format!("{}…", &title[..i]),
                        None => title.clone(),
                    };
                    (crate::t!("source-tab", title = short), format!("{title}\n"))
                }
                None => (crate::t!("source-tab-empty"), String::new()),
            };
            let tip = format!("{whole}{}", crate::t!("source-tab-tip"));
            let r = ui.selectable_label(self.source.showing, source).on_hover_text(tip);
            if r.clicked() {
                self.show_source(true);
            }
            let r = ui
                .selectable_label(!self.source.showing, crate::t!("source-program-tab"))
                .on_hover_text(crate::t!("source-program-tab-tip"));
            if r.clicked() {
                self.show_source(false);
            }
        });
    }

    /// A press in the source viewer gives it the keyboard; one in the timeline or on the
    /// program takes it back. Presses in menus, dialogs and the side panels leave it where it
    /// is (a menu command acts on whichever has it).
    pub(super) fn update_focus(&mut self, ctx: &egui::Context, timeline: egui::Rect, preview: egui::Rect) {
        let press = |e: &egui::Event| match e {
            egui::Event::PointerButton { pos, pressed: true, .. } => Some(*pos),
            _ => None,
        };
        let Some(p) = ctx.input(|i| i.events.iter().find_map(press)) else { return };
        if ctx.layer_id_at(p).is_some_and(|l| l.order != egui::Order::Background) {
            return;
        }
        if self.source.showing && self.source.rect.is_some_and(|r| r.contains(p)) {
            self.source.focused = true;
        } else if timeline.contains(p) || preview.contains(p) {
            self.source.focused = false;
        }
        // The program's picture takes the keyboard (the arrows move the selected layer) when
        // pressed on; the timeline takes it back.
        if !self.source.showing && self.preview.frame_rect().is_some_and(|r| r.contains(p)) {
            self.preview.focused = true;
        } else if timeline.contains(p) || self.source.showing {
            self.preview.focused = false;
        }
    }

    /// Runs `command` in the source viewer when it has the keyboard; false when it is the
    /// timeline's. Playing the program switches the preview area to it.
    pub(super) fn run_in_source(&mut self, command: Command) -> bool {
        let fr = self.doc.project().frame_rate;
        if self.source.takes(command) {
            if matches!(
                command,
                Command::PlayPause | Command::ShuttleBack | Command::ShuttleForward | Command::ShuttleStop
            ) {
                self.set_play_speed(0.0);
            }
            let now = self.ctx_for_textures.input(|i| i.time);
            self.source.run(command, fr, now);
            return true;
        }
        if self.source.showing && matches!(command, Command::PlayPause | Command::ShuttleBack | Command::ShuttleForward)
        {
            self.show_source(false);
        }
        false
    }

    /// Insert (,) or Overwrite (.): the source's marked range at the timeline playhead (or in
    /// the timeline's In/Out) on the target track (`edit::source::place_source`).
    pub(super) fn place_source(&mut self, insert: bool) -> Result<(), SourceRefused> {
        let entry = self.source.open.clone().ok_or(SourceRefused::NothingOpen)?;
        let marks = self.source.marks().unwrap_or_default();
        let mode = if insert {
            PlaceMode::Insert { all_tracks: self.timeline.insert_all_tracks }
        } else {
            PlaceMode::Overwrite
        };
        let (track, _) = crate::edit::source::place_source(&mut self.doc, &entry, &marks, self.source.length(), mode)?;
        self.timeline.follow_playhead = true;
        let track = self.doc.project().tracks[track].name.as_str();
        self.status = crate::t!("source-placed", title = display_title(&entry), track = track);
        Ok(())
    }
}
