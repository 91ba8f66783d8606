//! The window that shows what an import of another editor's edit (File > Import edit…) or an
//! export to `.otio` (File > Export > OpenTimelineIO…) did: every source and its MediaId, and
//! everything that could not be carried. The work itself is done off the UI thread
//! ([`crate::ui::files::FileWorker`]) by [`crate::interchange`].

use crate::interchange::report::Imported;

/// What the window shows.
#[derive(Clone, Debug)]
pub struct Report {
    pub title: String,
    /// The summary line, then one line per source or note.
    pub lines: Vec<String>,
    /// For an import with sources left without a MediaId: the edit as read, where it came
    /// from, and the document revision it made (a map is offered while nothing changed since).
    pub remap: Option<Remap>,
}

#[derive(Clone, Debug)]
pub struct Remap {
    pub path: std::path::PathBuf,
    pub seq: std::sync::Arc<crate::interchange::Sequence>,
    pub revision: u64,
}

/// What the user asked of the window.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    /// Give the sources MediaIds from a `file,MediaId` map.
    ApplyMap,
}

impl Report {
    pub fn of_import(file: &str, imported: &Imported) -> Report {
        let mut lines =
            vec![crate::t!("ix-ui-import-summary", file = file, clips = imported.clips, missing = imported.missing)];
        if imported.missing > 0 {
            lines.push(crate::t!("ix-ui-missing-hint"));
        }
        lines.extend(imported.report.iter().cloned());
        Report { title: crate::t!("ix-ui-import-title"), lines, remap: None }
    }

    pub fn of_export(file: &str, notes: Vec<String>) -> Report {
        let mut lines = vec![crate::t!("ix-ui-export-summary", file = file, notes = notes.len())];
        lines.extend(notes.into_iter().map(|n| crate::t!("ix-report-note", note = n)));
        Report { title: crate::t!("ix-ui-export-title"), lines, remap: None }
    }
}

/// Shows `report` while it is there; closing the window drops it. `revision`: the document's
/// now (a map applies only to the import as it was made).
pub fn report_ui(ctx: &egui::Context, report: &mut Option<Report>, revision: u64) -> Option<Action> {
    let r = report.as_ref()?;
    let mut open = true;
    let mut close = false;
    let mut action = None;
    egui::Window::new(r.title.clone())
        .id(egui::Id::unique("interchange-report"))
        .open(&mut open)
        .collapsible(false)
        .default_width(640.0)
        .show(ctx, |ui| {
            egui::ScrollArea::vertical().max_height(360.0).show(ui, |ui| {
                for (i, line) in r.lines.iter().enumerate() {
                    let text = egui::RichText::new(line);
                    ui.label(if i == 0 { text.strong() } else { text });
                }
            });
            ui.separator();
            ui.horizontal(|ui| {
                if let Some(remap) = &r.remap {
                    let unchanged = remap.revision == revision;
                    let tip =
                        if unchanged { crate::t!("ix-ui-apply-map-tip") } else { crate::t!("ix-ui-apply-map-edited") };
                    let button = ui.add_enabled(unchanged, egui::Button::new(crate::t!("ix-ui-apply-map")));
                    if button.on_hover_text(tip.clone()).on_disabled_hover_text(tip).clicked() {
                        action = Some(Action::ApplyMap);
                    }
                }
                if ui.button(crate::t!("ui-close")).clicked() {
                    close = true;
                }
            });
        });
    if !open || close {
        *report = None;
    }
    action
}
