//! The Produce dialogs: problems that block, warnings to confirm, the billed-production
//! confirmation, progress, and the result with the IDs to copy.

use crate::core::produce::{Facts, Outcome, Step};
use crate::edit::ops::ClipRef;
use crate::model::Project;
use crate::model::validate::{Problem, Severity};
use crate::t;
use crate::ui::dialog::{default_button, escape};

/// What the user chose in a dialog this frame.
pub enum Choice {
    None,
    Close,
    /// Warnings read: go on to the confirmation.
    Continue,
    /// Confirmed: send the production.
    Send,
    /// An earlier send's production is in doubt and the user sends all the same.
    SendAnyway,
    /// A problem was clicked: select its clip (and close).
    Select(ClipRef),
}

fn problem_list(ui: &mut egui::Ui, problems: &[Problem], project: &Project, choice: &mut Choice) {
    egui::ScrollArea::vertical().max_height(300.0).show(ui, |ui| {
        for p in problems {
            let colour =
                if p.severity == Severity::Error { ui.visuals().error_fg_color } else { ui.visuals().warn_fg_color };
            let r = ui.add(
                egui::Label::new(egui::RichText::new(crate::i18n::describe::line(p, project)).color(colour))
                    .sense(egui::Sense::click()),
            );
            if let (Some(track), Some(index)) = (p.location.track, p.location.clip)
                && r.on_hover_text(t!("cloud-select-clip-tip")).clicked()
            {
                *choice = Choice::Select(ClipRef { track, index });
            }
        }
    });
}

/// Draws the dialog for the current step and returns what the user chose. `project`: where
/// the problems are; `facts`: what the
/// confirmation states (the core's, as the command line's `submit` reports them).
pub fn produce_dialogs(ctx: &egui::Context, step: &Step, project: &Project, facts: impl FnOnce() -> Facts) -> Choice {
    let mut choice = Choice::None;
    let modal = |title: &str, body: &mut dyn FnMut(&mut egui::Ui)| {
        egui::Modal::new(egui::Id::unique(("produce", title))).show(ctx, |ui| {
            ui.set_max_width(600.0);
            ui.heading(title);
            body(ui);
        });
    };
    match step {
        // The difference dialog is ui::sync's.
        Step::Idle | Step::Differs { .. } => {}
        Step::SyncChecking => modal(&t!("sync-checking-title"), &mut |ui| {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label(t!("sync-checking"));
            });
            if default_button(ui, &t!("ui-cancel")).clicked() || escape(ui) {
                choice = Choice::Close;
            }
        }),
        Step::Blocked(problems) => modal(&t!("cloud-blocked-title"), &mut |ui| {
            let n = problems.iter().filter(|p| p.severity == Severity::Error).count();
            ui.label(t!("cloud-blocked", n = n));
            problem_list(ui, problems, project, &mut choice);
            if default_button(ui, &t!("ui-close")).clicked() || escape(ui) {
                choice = Choice::Close;
            }
        }),
        Step::Warned(problems) => modal(&t!("cloud-warned-title"), &mut |ui| {
            problem_list(ui, problems, project, &mut choice);
            ui.horizontal(|ui| {
                if default_button(ui, &t!("cloud-continue")).clicked() {
                    choice = Choice::Continue;
                }
                if ui.button(t!("ui-cancel")).clicked() || escape(ui) {
                    choice = Choice::Close;
                }
            });
        }),
        Step::Checking(_) => modal(&t!("cloud-checking-title"), &mut |ui| {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label(t!("cloud-checking"));
            });
            if default_button(ui, &t!("ui-cancel")).clicked() || escape(ui) {
                choice = Choice::Close;
            }
        }),
        Step::Confirm => {
            let f = facts();
            modal(&t!("cloud-confirm-title"), &mut |ui| {
                let (title, clips) = (f.title.as_str(), f.clips);
                if f.sandbox {
                    ui.label(t!("cloud-confirm-sandbox", title = title, clips = clips));
                } else {
                    ui.label(t!("cloud-confirm-billed", title = title, clips = clips, region = f.region.as_str()));
                }
                match &f.updates {
                    Some(id) => ui.label(t!("cloud-confirm-updates", id = id.as_str())),
                    None => ui.label(t!("cloud-confirm-creates")),
                };
                ui.label(t!("cloud-confirm-once"));
                // Billed and not idempotent: Enter must not send it, so Cancel is the default.
                ui.horizontal(|ui| {
                    if ui.button(t!("cloud-produce")).clicked() {
                        choice = Choice::Send;
                    }
                    if default_button(ui, &t!("ui-cancel")).clicked() || escape(ui) {
                        choice = Choice::Close;
                    }
                });
            })
        }
        Step::InFlight => {}
        Step::Done(outcome) => modal(&title_of(outcome), &mut |ui| {
            result_ui(ui, outcome);
            ui.horizontal(|ui| {
                // Billed again, maybe twice: never the default button, never Enter.
                if outcome.earlier && outcome.ids.is_none() && ui.button(t!("cloud-produce-anyway")).clicked() {
                    choice = Choice::SendAnyway;
                }
                if default_button(ui, &t!("ui-close")).clicked() || escape(ui) {
                    choice = Choice::Close;
                }
            });
        }),
    }
    choice
}

fn title_of(o: &Outcome) -> String {
    match (&o.ids, o.unknown) {
        (Some(_), _) => t!("cloud-submitted-title"),
        (None, true) => t!("cloud-unknown-title"),
        (None, false) => t!("cloud-production-refused"),
    }
}

fn id_row(ui: &mut egui::Ui, name: &str, value: &str) {
    ui.horizontal(|ui| {
        ui.add_sized([80.0, 18.0], egui::Label::new(name));
        ui.add(egui::Label::new(egui::RichText::new(value).monospace()).selectable(true));
        if ui.small_button(t!("ui-copy")).on_hover_text(t!("cloud-copy-tip", name = name)).clicked() {
            ui.ctx().copy_text(value.to_owned());
        }
    });
}

pub fn result_ui(ui: &mut egui::Ui, o: &Outcome) {
    if let Some(ids) = &o.ids {
        if o.earlier {
            ui.label(t!("cloud-earlier-found"));
        } else {
            ui.label(t!("cloud-accepted"));
        }
        id_row(ui, "RequestId", &ids.request_id);
        id_row(ui, "MediaId", &ids.media_id);
        id_row(ui, "ProjectId", &ids.project_id);
        ui.label(t!("cloud-project-stored"));
    } else {
        if o.unknown && !o.earlier {
            ui.colored_label(ui.visuals().warn_fg_color, t!("cloud-no-answer"));
        }
        ui.add(egui::Label::new(o.error.clone().unwrap_or_default()).selectable(true));
    }
    ui.label(egui::RichText::new(t!("cloud-job-in-history", job = o.job_id.as_str())).weak());
}
