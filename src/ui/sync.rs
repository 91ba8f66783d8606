//! The difference dialog: before Produce with a ProjectId, when the cloud project changed since
//! the last sync (`core::sync`). It lists the changes (each row selects its clip on the
//! timeline) and offers Keep mine, Take theirs and Merge (conflicts listed, each chosen).

use crate::core::sync::{Sync, change_words, lines, normal};
use crate::edit::merge::Choice as Side;
use crate::edit::ops::ClipRef;
use crate::model::Project;
use crate::model::diff::{ChangeKind, ClipAt, clip_at, matching};
use crate::model::wire::Timeline;
use crate::t;
use crate::ui::dialog::escape;
use std::collections::HashMap;

/// What the user chose this frame.
#[derive(Clone, Debug, PartialEq)]
pub enum SyncChoice {
    None,
    Cancel,
    KeepMine,
    TakeTheirs,
    /// Merge settled by the conflicts' choices.
    Merge(Vec<Side>),
    Select(ClipRef),
}

/// One row of the list: its words, its kind, and the clip it selects in the project.
struct Row {
    text: String,
    kind: Option<ChangeKind>,
    select: Option<ClipRef>,
}

/// The dialog's own state: the rows (worked out once per difference), and the merge's choices.
#[derive(Default)]
pub struct SyncView {
    rows: Option<Vec<Row>>,
    conflicts: Option<Vec<String>>,
    pub merging: bool,
    pub choices: Vec<Side>,
    /// The check is for a Save to cloud, not a production: the words say so.
    pub saving: bool,
}

impl SyncView {
    /// A fresh view for a new difference.
    pub fn reset(&mut self) {
        *self = SyncView::default();
    }
}

/// The project's track and clip of a Timeline clip (the produced tracks of its kind, in order:
/// hidden ones are not in the Timeline).
pub fn clip_ref(project: &Project, at: ClipAt) -> Option<ClipRef> {
    let track = project
        .tracks
        .iter()
        .enumerate()
        .filter(|(_, t)| t.kind == at.track.kind && !t.hidden)
        .nth(at.track.ordinal)
        .map(|(i, _)| i)?;
    (at.index < project.tracks[track].clips.len()).then_some(ClipRef { track, index: at.index })
}

fn rows(sync: &Sync, project: &Project) -> Vec<Row> {
    let mine = normal(project);
    // Where each clip of the difference's old side is in mine (the base's clips through the
    // base -> mine matching; without a base the old side is mine).
    let (old, new, to_mine): (&Timeline, &Timeline, Option<HashMap<ClipAt, Option<ClipAt>>>) = match sync {
        Sync::Unchanged => return Vec::new(),
        Sync::CloudChanged { base, theirs, .. } => {
            let m = matching(base, &mine).into_iter().filter_map(|(b, m)| Some((b?, m))).collect();
            (base, theirs, Some(m))
        }
        Sync::NoBase { theirs, .. } => (&mine, theirs, None),
    };
    let Some(diff) = sync.diff() else { return Vec::new() };
    let mut out: Vec<Row> = diff
        .clips
        .iter()
        .map(|c| {
            let in_mine = match &to_mine {
                Some(m) => c.old.and_then(|o| m.get(&o).copied().flatten()),
                None => c.old,
            };
            Row {
                text: change_words(project, old, new, c),
                kind: Some(c.kind()),
                select: in_mine.and_then(|at| clip_ref(project, at)),
            }
        })
        .collect();
    // Track and Timeline rows: the words `lines` gives after the clips'.
    out.extend(lines(sync, project).into_iter().skip(diff.clips.len()).map(|text| Row {
        text,
        kind: None,
        select: None,
    }));
    out
}

fn conflict_rows(sync: &Sync, project: &Project) -> Vec<String> {
    let Sync::CloudChanged { base, merge, .. } = sync else { return Vec::new() };
    merge
        .conflicts
        .iter()
        .map(|c| {
            let what =
                clip_at(base, c.base).map(|clip| crate::core::sync::clip_words(project, clip)).unwrap_or_default();
            t!(
                "sync-conflict-row",
                track = crate::core::sync::track_name(c.base.track),
                index = c.base.index + 1,
                what = what,
                mine = if c.mine.is_some() { t!("sync-side-changed") } else { t!("sync-kind-removed") },
                theirs = if c.theirs.is_some() { t!("sync-side-changed") } else { t!("sync-kind-removed") }
            )
        })
        .collect()
}

fn kind_colour(ui: &egui::Ui, kind: Option<ChangeKind>) -> egui::Color32 {
    match kind {
        Some(ChangeKind::Added) => egui::Color32::from_rgb(90, 180, 100),
        Some(ChangeKind::Removed) => ui.visuals().error_fg_color,
        Some(_) => ui.visuals().warn_fg_color,
        None => ui.visuals().text_color(),
    }
}

/// Draws the dialog for `sync` and returns what the user chose.
pub fn sync_dialog(ctx: &egui::Context, sync: &Sync, project: &Project, view: &mut SyncView) -> SyncChoice {
    let mut choice = SyncChoice::None;
    if view.rows.is_none() {
        view.rows = Some(rows(sync, project));
        let conflicts = conflict_rows(sync, project);
        view.choices = vec![Side::Mine; conflicts.len()];
        view.conflicts = Some(conflicts);
    }
    let pid = project.project_id.clone().unwrap_or_default();
    egui::Modal::new(egui::Id::unique("sync-difference")).show(ctx, |ui| {
        ui.set_max_width(640.0);
        ui.heading(t!("sync-dialog-title"));
        let intro = match sync {
            Sync::NoBase { .. } => t!("sync-dialog-no-base", id = pid.as_str()),
            _ if view.saving => t!("sync-dialog-changed-save", id = pid.as_str()),
            _ => t!("sync-dialog-changed", id = pid.as_str()),
        };
        if !view.merging {
            ui.label(intro);
            ui.add_space(4.0);
        }
        if view.merging {
            merge_ui(ui, view, &mut choice);
        } else {
            // Only the rows in view are laid out: a difference can list thousands of clips.
            let rows = view.rows.as_deref().unwrap_or_default();
            let height = ui.text_style_height(&egui::TextStyle::Body);
            egui::ScrollArea::vertical().max_height(280.0).id_salt("sync-rows").show_rows(
                ui,
                height,
                rows.len(),
                |ui, range| {
                    for row in &rows[range] {
                        let text = egui::RichText::new(&row.text).color(kind_colour(ui, row.kind));
                        let r = ui.add(egui::Label::new(text).truncate().sense(egui::Sense::click()));
                        if let Some(c) = row.select
                            && r.on_hover_text(t!("cloud-select-clip-tip")).clicked()
                        {
                            choice = SyncChoice::Select(c);
                        }
                    }
                },
            );
            ui.add_space(6.0);
            let n = view.choices.len();
            if n > 0 {
                ui.label(t!("sync-conflicts", count = n));
            }
            ui.horizontal(|ui| {
                let tip = if view.saving { t!("sync-keep-mine-tip-save") } else { t!("sync-keep-mine-tip") };
                if ui.button(t!("sync-keep-mine")).on_hover_text(tip).clicked() {
                    choice = SyncChoice::KeepMine;
                }
                if ui.button(t!("sync-take-theirs")).on_hover_text(t!("sync-take-theirs-tip")).clicked() {
                    choice = SyncChoice::TakeTheirs;
                }
                let can_merge = matches!(sync, Sync::CloudChanged { .. });
                let merge = ui.add_enabled(can_merge, egui::Button::new(t!("sync-merge")));
                let merge = if can_merge {
                    merge.on_hover_text(t!("sync-merge-tip"))
                } else {
                    merge.on_disabled_hover_text(t!("sync-merge-no-base"))
                };
                if merge.clicked() {
                    if n == 0 {
                        choice = SyncChoice::Merge(Vec::new());
                    } else {
                        view.merging = true;
                    }
                }
                if ui.button(t!("ui-cancel")).clicked() || escape(ui) {
                    choice = SyncChoice::Cancel;
                }
            });
        }
    });
    choice
}

/// The conflicts, each with its choice, and Apply.
fn merge_ui(ui: &mut egui::Ui, view: &mut SyncView, choice: &mut SyncChoice) {
    ui.label(t!("sync-merge-intro"));
    let conflicts = view.conflicts.clone().unwrap_or_default();
    egui::ScrollArea::vertical().max_height(280.0).id_salt("sync-conflicts").show(ui, |ui| {
        for (k, text) in conflicts.iter().enumerate() {
            ui.label(text);
            ui.horizontal(|ui| {
                if let Some(side) = view.choices.get_mut(k) {
                    ui.radio_value(side, Side::Mine, t!("sync-choose-mine"));
                    ui.radio_value(side, Side::Theirs, t!("sync-choose-theirs"));
                }
            });
        }
    });
    ui.horizontal(|ui| {
        if ui.button(t!("sync-apply-merge")).clicked() {
            *choice = SyncChoice::Merge(view.choices.clone());
        }
        if ui.button(t!("sync-back")).clicked() {
            view.merging = false;
        }
        if ui.button(t!("ui-cancel")).clicked() || escape(ui) {
            *choice = SyncChoice::Cancel;
        }
    });
}
