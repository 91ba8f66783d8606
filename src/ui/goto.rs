//! The preview's time display: the playhead's timecode, which becomes a field to type a time
//! in when clicked or on Go to timecode (Ctrl+G), as Premiere's playhead position does.
//! Enter puts the playhead there; Esc, or a click elsewhere, leaves it where it was.
//! Ctrl+click switches between timecode and seconds (Premiere switches timecode and frames so).

use crate::i18n::Clock;
use crate::model::Time;
use crate::t;

/// The display's state between frames.
#[derive(Default)]
pub struct TimeEntry {
    /// What is typed, while the display is a field.
    text: Option<String>,
    /// The field has just opened: focus it and select what it holds, so typing replaces it.
    fresh: bool,
    /// Why the last Enter did not go anywhere.
    error: Option<String>,
}

/// What the display asks of the editor this frame.
#[derive(Default, Debug, PartialEq, Eq)]
pub struct Outcome {
    /// Move the playhead here (already on a frame boundary, never before 0).
    pub go_to: Option<Time>,
    /// Ctrl+click: switch between timecode and seconds.
    pub toggle_unit: bool,
}

impl TimeEntry {
    /// Opens the field holding `shown` (the time displayed), all of it selected.
    pub fn open(&mut self, shown: String) {
        self.text = Some(shown);
        self.fresh = true;
        self.error = None;
    }

    pub fn is_open(&self) -> bool {
        self.text.is_some()
    }

    /// Reads what was typed: a time on `clock`, or a move from `playhead` (`+10`, `-1:00`);
    /// the playhead lands on the frame, never before 0 (as Premiere clamps it).
    fn read(text: &str, clock: Clock, playhead: Time) -> Result<Time, String> {
        clock.parse(text, playhead).map(|t| clock.rate.snap(t.max(Time::ZERO)))
    }

    /// Draws the display (or the field) at the start of `ui`'s row. `at`: the time shown.
    pub fn ui(&mut self, ui: &mut egui::Ui, clock: Clock, at: Time, playhead: Time) -> Outcome {
        let mut out = Outcome::default();
        let font = egui::FontId::monospace(13.0);
        let Some(text) = self.text.as_mut() else {
            let shown = clock.time(at);
            let button = egui::Button::new(egui::RichText::new(&shown).font(font).strong()).frame(false);
            let r = ui.add(button).on_hover_text(t!("timeline-goto-display-tip"));
            r.widget_info(|| {
                egui::WidgetInfo::labeled(
                    egui::Role::Button,
                    true,
                    t!("timeline-goto-display-label", time = shown.as_str()),
                )
            });
            if r.clicked() {
                // Ctrl as the button went up (the key may be up again by the end of the frame).
                let ctrl = ui.input(|i| {
                    i.modifiers.command
                        || i.events.iter().any(
                            |e| matches!(e, egui::Event::PointerButton { pressed: false, modifiers, .. } if modifiers.command),
                        )
                });
                if ctrl {
                    out.toggle_unit = true;
                } else {
                    self.open(shown);
                }
                ui.ctx().request_repaint();
            }
            return out;
        };
        let id = ui.make_persistent_id("go-to-timecode");
        let edit = egui::TextEdit::singleline(text).id(id).font(font).desired_width(130.0);
        let mut output = edit.show(ui);
        let r = output.response.clone();
        r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, t!("timeline-goto-field-label")));
        if self.fresh {
            self.fresh = false;
            r.request_focus();
            let all = egui::text::CCursorRange::two(egui::text::CCursor::new(0), egui::text::CCursor::new(text.len()));
            output.state.cursor.set_char_range(Some(all));
            output.state.store(ui.ctx(), id);
        }
        if let Some(e) = &self.error {
            ui.colored_label(ui.visuals().error_fg_color, e);
        }
        if r.changed() {
            self.error = None;
        }
        if r.lost_focus() {
            // The field closes (or shows why not) in the next frame, with nothing else to
            // wake it.
            ui.ctx().request_repaint();
            let (enter, escape) = ui.input(|i| (i.key_pressed(egui::Key::Enter), i.key_pressed(egui::Key::Escape)));
            if enter && !escape {
                match Self::read(text, clock, playhead) {
                    Ok(t) => {
                        out.go_to = Some(t);
                        self.text = None;
                    }
                    Err(e) => {
                        // Stay open with the reason, as a field that refuses its text does.
                        self.error = Some(e);
                        self.fresh = true;
                    }
                }
            } else {
                self.text = None;
                self.error = None;
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::FrameRate;
    use crate::model::time::TimeUnit;

    #[test]
    fn typed_times_land_on_frames_and_never_before_zero() {
        let c = Clock::new(FrameRate::FPS_25, TimeUnit::Timecode);
        let at = Time::from_secs(2);
        assert_eq!(TimeEntry::read("00:00:05:12", c, at), Ok(Time::parse_secs("5.48").unwrap()));
        assert_eq!(TimeEntry::read("5.4999", c, at), Ok(Time::parse_secs("5.48").unwrap()));
        assert_eq!(TimeEntry::read("-10:00", c, at), Ok(Time::ZERO));
        assert_eq!(TimeEntry::read("+1.", c, at), Ok(Time::parse_secs("2.04").unwrap()));
        assert!(TimeEntry::read("soon", c, at).is_err());
    }
}
