//! The right panel's Problems and Markers tabs: the project's problems (a click selects the
//! clip) and its markers (go to, rename, delete).

use super::*;
use crate::template::editor::Check;

impl Editor {
    /// The project's problems, always a tab away; clicking one selects its clip.
    pub(super) fn problems_ui(&mut self, ui: &mut egui::Ui, problems: &[Problem], template: Option<&Check>) {
        egui::ScrollArea::vertical().id_salt("problems").show(ui, |ui| {
            let samples = template.map_or(0, |c| c.template.len() + c.samples.len());
            if let Some(c) = template {
                self.template_problems_ui(ui, c);
            }
            if problems.is_empty() && samples == 0 && self.doc.project().clip_count() == 0 {
                ui.label(super::welcome::empty_hint());
            } else if problems.is_empty() && samples == 0 {
                ui.label(crate::t!("shell-no-problems"));
            }
            for p in problems.iter().take(200) {
                let colour = match p.severity {
                    Severity::Error => ui.visuals().error_fg_color,
                    Severity::Warning => ui.visuals().warn_fg_color,
                };
                let r = ui.add(
                    egui::Label::new(
                        egui::RichText::new(crate::i18n::describe::line(p, self.doc.project())).color(colour),
                    )
                    .sense(egui::Sense::click()),
                );
                // Clicking a problem selects its clip and shows it.
                if r.clicked()
                    && let (Some(track), Some(index)) = (p.location.track, p.location.clip)
                {
                    self.select_and_show(track, index);
                }
            }
            if problems.len() > 200 {
                ui.label(crate::t!("shell-more-problems", n = problems.len() - 200));
            }
        });
    }

    /// A template's own problems and its samples' (a slot without one, a value its field
    /// cannot take), each naming its slot; clicking one selects the clip the slot is in.
    fn template_problems_ui(&mut self, ui: &mut egui::Ui, check: &Check) {
        let colour = ui.visuals().error_fg_color;
        let error = crate::i18n::describe::severity(Severity::Error);
        for p in &check.template {
            ui.colored_label(
                colour,
                crate::t!("problem-line-unplaced", severity = error.as_str(), message = p.to_string()),
            );
        }
        for p in &check.samples {
            let message = match &p.column {
                Some(slot) => {
                    crate::t!("forms-template-sample-problem", name = slot.as_str(), problem = p.message.as_str())
                }
                None => p.message.clone(),
            };
            let line = crate::t!("problem-line-unplaced", severity = error.as_str(), message = message);
            let r = ui.add(egui::Label::new(egui::RichText::new(line).color(colour)).sense(egui::Sense::click()));
            if r.clicked()
                && let Some((track, index)) = p.column.as_deref().and_then(|s| check.clip_of(s))
            {
                self.select_and_show(track, index);
            }
        }
    }

    /// Selects a clip and brings the playhead (and the view) to it.
    pub(super) fn select_and_show(&mut self, track: usize, index: usize) {
        self.doc.selection = vec![crate::edit::ops::ClipRef { track, index }];
        self.timeline.ensure_indexes(&self.doc);
        if let Some(pl) = self.timeline.indexes().get(track).and_then(|i| i.placements.get(index)) {
            self.doc.set_playhead(pl.start);
            self.timeline.follow_playhead = true;
        }
    }

    /// Every marker: click its time to go there, rename or delete it.
    pub(super) fn markers_ui(&mut self, ui: &mut egui::Ui) {
        ui.heading(crate::t!("shell-markers-heading", n = self.doc.project().markers.len()));
        if self.doc.project().markers.is_empty() {
            ui.label(crate::t!("shell-no-markers", shortcut = Command::AddMarker.shortcut_text(ui.ctx())));
        }
        let clock = crate::i18n::Clock::of(self.doc.project().frame_rate);
        let (mut delete, mut goto) = (None, None);
        egui::ScrollArea::vertical().id_salt("markers").show(ui, |ui| {
            egui::Grid::new("markers-grid").striped(true).num_columns(3).show(ui, |ui| {
                for (i, m) in self.doc.project().markers.iter().enumerate() {
                    let label =
                        if m.label.is_empty() { crate::t!("shell-marker-n", n = i + 1) } else { m.label.clone() };
                    if ui.button(clock.time(m.time)).on_hover_text(crate::t!("shell-marker-goto-tip")).clicked() {
                        goto = Some(m.time);
                    }
                    ui.add(egui::Label::new(&label).truncate());
                    ui.horizontal(|ui| {
                        if ui.small_button(crate::t!("shell-rename-more")).clicked() {
                            self.timeline.renaming = Some((i, m.label.clone()));
                        }
                        let r = ui.small_button("✖").on_hover_text(crate::t!("shell-delete-marker-tip"));
                        r.widget_info(|| {
                            egui::WidgetInfo::labeled(
                                egui::Role::Button,
                                true,
                                crate::t!("shell-delete-named", name = label.as_str()),
                            )
                        });
                        if r.clicked() {
                            delete = Some(i);
                        }
                    });
                    ui.end_row();
                }
            });
        });
        // Through the document, which puts the playhead on a frame: a marker read from a file
        // may sit between two.
        if let Some(t) = goto {
            self.doc.set_playhead(t);
            self.timeline.follow_playhead = true;
        }
        if let Some(i) = delete {
            let _ = self.doc.delete_marker(i);
        }
    }
}
