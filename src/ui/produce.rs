//! The Produce dialogs: problems that block, warnings to confirm, the billed-production
//! confirmation, progress, and the result with the IDs to copy.

use super::cloud::{Outcome, Step};
use crate::edit::ops::ClipRef;
use crate::model::Project;
use crate::model::validate::{Problem, Severity};
use crate::ui::dialog::{default_button, escape};

/// What the user chose in a dialog this frame.
pub enum Choice {
    None,
    Close,
    /// Warnings read: go on to the confirmation.
    Continue,
    /// Confirmed: send the production.
    Send,
    /// A problem was clicked: select its clip (and close).
    Select(ClipRef),
}

fn problem_list(ui: &mut egui::Ui, problems: &[Problem], choice: &mut Choice) {
    egui::ScrollArea::vertical().max_height(300.0).show(ui, |ui| {
        for p in problems {
            let colour =
                if p.severity == Severity::Error { ui.visuals().error_fg_color } else { ui.visuals().warn_fg_color };
            let r =
                ui.add(egui::Label::new(egui::RichText::new(p.to_string()).color(colour)).sense(egui::Sense::click()));
            if let (Some(track), Some(index)) = (p.location.track, p.location.clip)
                && r.on_hover_text("Click to select this clip").clicked()
            {
                *choice = Choice::Select(ClipRef { track, index });
            }
        }
    });
}

/// Draws the dialog for the current step and returns what the user chose.
pub fn produce_dialogs(ctx: &egui::Context, step: &Step, project: &Project) -> Choice {
    let mut choice = Choice::None;
    let modal = |title: &str, body: &mut dyn FnMut(&mut egui::Ui)| {
        egui::Modal::new(egui::Id::unique(("produce", title))).show(ctx, |ui| {
            ui.set_max_width(600.0);
            ui.heading(title);
            body(ui);
        });
    };
    match step {
        Step::Idle => {}
        Step::Blocked(problems) => modal("Cannot produce yet", &mut |ui| {
            let n = problems.iter().filter(|p| p.severity == Severity::Error).count();
            ui.label(format!("{n} error(s) must be fixed first. Nothing was sent."));
            problem_list(ui, problems, &mut choice);
            if default_button(ui, "Close").clicked() || escape(ui) {
                choice = Choice::Close;
            }
        }),
        Step::Warned(problems) => modal("Produce despite warnings?", &mut |ui| {
            problem_list(ui, problems, &mut choice);
            ui.horizontal(|ui| {
                if default_button(ui, "Continue").clicked() {
                    choice = Choice::Continue;
                }
                if ui.button("Cancel").clicked() || escape(ui) {
                    choice = Choice::Close;
                }
            });
        }),
        Step::Checking => modal("Checking the media in VOD…", &mut |ui| {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label("Asking VOD whether every video and audio is ready (status Normal). Nothing is sent yet.");
            });
            if default_button(ui, "Cancel").clicked() || escape(ui) {
                choice = Choice::Close;
            }
        }),
        Step::Confirm => {
            modal("Produce this video?", &mut |ui| {
                let clips = project.tracks.iter().filter(|t| !t.hidden).map(|t| t.clips.len()).sum::<usize>();
                if crate::sandbox::active().is_some() {
                    ui.label(format!(
                        "This submits a production of \"{}\" ({clips} clips) to the sandbox: a demo, not \
                         billed, nothing leaves this machine.",
                        project.display_title()
                    ));
                } else {
                    ui.label(format!(
                        "This submits a billed production of \"{}\" ({clips} clips) to VOD in {}.",
                        project.display_title(),
                        project.region
                    ));
                }
                match &project.project_id {
                    Some(id) => ui.label(format!("It updates cloud project {id}.")),
                    None => ui.label("It creates a new cloud project."),
                };
                ui.label("It is sent once: if the answer is lost, vodcut will tell you how to check rather than send it again.");
                // Billed and not idempotent: Enter must not send it, so Cancel is the default.
                ui.horizontal(|ui| {
                    if ui.button("Produce").clicked() {
                        choice = Choice::Send;
                    }
                    if default_button(ui, "Cancel").clicked() || escape(ui) {
                        choice = Choice::Close;
                    }
                });
            })
        }
        Step::InFlight => {}
        Step::Done(outcome) => modal(title_of(outcome), &mut |ui| {
            result_ui(ui, outcome);
            if default_button(ui, "Close").clicked() || escape(ui) {
                choice = Choice::Close;
            }
        }),
    }
    choice
}

fn title_of(o: &Outcome) -> &'static str {
    match (&o.ids, o.unknown) {
        (Some(_), _) => "Production submitted",
        (None, true) => "Outcome unknown",
        (None, false) => "Production refused",
    }
}

fn id_row(ui: &mut egui::Ui, name: &str, value: &str) {
    ui.horizontal(|ui| {
        ui.add_sized([80.0, 18.0], egui::Label::new(name));
        ui.add(egui::Label::new(egui::RichText::new(value).monospace()).selectable(true));
        if ui.small_button("Copy").on_hover_text(format!("Copy the {name}")).clicked() {
            ui.ctx().copy_text(value.to_owned());
        }
    });
}

pub fn result_ui(ui: &mut egui::Ui, o: &Outcome) {
    if let Some(ids) = &o.ids {
        ui.label(
            "VOD accepted the production. It runs in the cloud; the Jobs tab follows it until the video is ready.",
        );
        id_row(ui, "RequestId", &ids.request_id);
        id_row(ui, "MediaId", &ids.media_id);
        id_row(ui, "ProjectId", &ids.project_id);
        ui.label("The ProjectId is stored in the project: the next production updates the same cloud project.");
    } else {
        if o.unknown {
            ui.colored_label(
                ui.visuals().warn_fg_color,
                "The request may have reached VOD, but no answer came back. It will not be sent again by itself.",
            );
        }
        ui.add(egui::Label::new(o.error.clone().unwrap_or_default()).selectable(true));
    }
    ui.label(egui::RichText::new(format!("Job {} in the history", o.job_id)).weak());
}
