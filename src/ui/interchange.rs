//! The import of another editor's edit in the editor (File > Import edit…), as `vodcut
//! import` does it: the import's dialog (an optional `file,MediaId` map; an EDL's frame rate,
//! which the file does not state), the dialog for media found nowhere (upload and place, or
//! keep as missing), and the window that shows what an import or an export to `.otio` did:
//! every source and its MediaId, and everything that could not be carried. The work itself is
//! done off the UI thread ([`crate::ui::files::FileWorker`]) by [`crate::interchange`].

use crate::interchange::Options;
use crate::interchange::report::Imported;
use crate::model::time::FrameRate;
use crate::ui::files::Waiting;
use std::path::PathBuf;

/// The rates an EDL is offered at: 29.97 both ways (the file may say which with `;`, but
/// not every tool writes it), the others as they are.
const EDL_RATES: [(FrameRate, Option<bool>); 9] = [
    (FrameRate { num: 24_000, den: 1001 }, None),
    (FrameRate { num: 24, den: 1 }, None),
    (FrameRate::FPS_25, None),
    (FrameRate { num: 30_000, den: 1001 }, Some(true)),
    (FrameRate { num: 30_000, den: 1001 }, Some(false)),
    (FrameRate { num: 30, den: 1 }, None),
    (FrameRate { num: 50, den: 1 }, None),
    (FrameRate { num: 60_000, den: 1001 }, None),
    (FrameRate { num: 60, den: 1 }, None),
];

fn rate_words(i: usize) -> String {
    match EDL_RATES[i] {
        (r, Some(true)) => crate::t!("ix-ui-rate-df", rate = r.label()),
        (r, Some(false)) => crate::t!("ix-ui-rate-ndf", rate = r.label()),
        (r, None) => r.label(),
    }
}

/// The import's dialog: what the user says before the edit is read.
#[derive(Clone, Debug, PartialEq)]
pub struct Setup {
    pub path: PathBuf,
    /// For an EDL: the index in the rates offered.
    pub rate: Option<usize>,
    pub map: Option<PathBuf>,
}

impl Setup {
    /// For the edit at `path`; an EDL's rate is the project's (`project_rate`), or 29.97
    /// drop-frame when its timecode says so (`drop_frame`).
    pub fn new(path: PathBuf, drop_frame: bool, project_rate: FrameRate) -> Setup {
        let edl = crate::interchange::Format::of_path(&path) == Some(crate::interchange::Format::Edl);
        let rate = edl.then(|| {
            let ntsc = FrameRate { num: 30_000, den: 1001 };
            let wanted = if drop_frame { (ntsc, Some(true)) } else { (project_rate, None) };
            EDL_RATES
                .iter()
                .position(|&(r, d)| r == wanted.0 && (d == wanted.1 || (wanted.1.is_none() && d != Some(true))))
                .unwrap_or(2)
        });
        Setup { path, rate, map: None }
    }

    /// How the file is read.
    pub fn options(&self) -> Options {
        match self.rate.map(|i| EDL_RATES[i]) {
            Some((rate, drop)) => Options { edl_rate: Some(rate), edl_drop: drop },
            None => Options::default(),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SetupAction {
    ChooseMap,
    Import,
    Cancel,
}

/// The import's dialog, while `setup` is there.
pub fn setup_ui(ctx: &egui::Context, setup: &mut Setup) -> Option<SetupAction> {
    let mut action = None;
    egui::Modal::new(egui::Id::unique("interchange-setup")).show(ctx, |ui| {
        ui.set_max_width(560.0);
        ui.heading(crate::t!("ix-ui-setup-title"));
        ui.label(crate::t!("ix-ui-setup-file", file = setup.path.display().to_string()));
        ui.add_space(6.0);
        if let Some(i) = setup.rate.as_mut() {
            ui.horizontal(|ui| {
                let l = ui.label(crate::t!("ix-ui-setup-rate"));
                egui::ComboBox::from_id_salt("interchange-edl-rate")
                    .selected_text(rate_words(*i))
                    .show_ui(ui, |ui| {
                        for k in 0..EDL_RATES.len() {
                            ui.selectable_value(i, k, rate_words(k));
                        }
                    })
                    .response
                    .labelled_by(l.id);
            });
            ui.small(crate::t!("ix-ui-setup-rate-hint"));
            ui.add_space(6.0);
        }
        ui.horizontal(|ui| {
            ui.label(crate::t!("ix-ui-setup-map"));
            match &setup.map {
                Some(m) => ui.monospace(m.display().to_string()),
                None => ui.weak(crate::t!("ix-ui-setup-no-map")),
            };
        });
        ui.horizontal(|ui| {
            if ui.button(crate::t!("ix-ui-setup-choose-map")).clicked() {
                action = Some(SetupAction::ChooseMap);
            }
            if setup.map.is_some() && ui.button(crate::t!("ix-ui-setup-clear-map")).clicked() {
                setup.map = None;
            }
        });
        ui.small(crate::t!("ix-ui-setup-map-hint"));
        ui.separator();
        ui.horizontal(|ui| {
            if crate::ui::dialog::default_button(ui, &crate::t!("ix-ui-import")).clicked() {
                action = Some(SetupAction::Import);
            }
            if ui.button(crate::t!("ui-cancel")).clicked() || crate::ui::dialog::escape(ui) {
                action = Some(SetupAction::Cancel);
            }
        });
    });
    action
}

/// The dialog for the sources the file, the map and the library gave no media: each is
/// uploaded and placed, or kept as missing.
#[derive(Clone, Debug, PartialEq)]
pub struct Unmatched {
    pub rows: Vec<(Waiting, bool)>,
}

impl Unmatched {
    /// Every source kept as missing until the user picks its upload.
    pub fn new(waiting: Vec<Waiting>) -> Unmatched {
        Unmatched { rows: waiting.into_iter().map(|w| (w, false)).collect() }
    }
}

/// Shows the dialog; on Continue, the files to upload (each with the file its clips wait for).
pub fn unmatched_ui(ctx: &egui::Context, unmatched: &mut Option<Unmatched>) -> Option<Vec<(PathBuf, String)>> {
    let u = unmatched.as_mut()?;
    let mut done = None;
    egui::Modal::new(egui::Id::unique("interchange-unmatched")).show(ctx, |ui| {
        ui.set_max_width(640.0);
        ui.heading(crate::t!("ix-ui-unmatched-title"));
        ui.label(crate::t!("ix-ui-unmatched-body"));
        ui.add_space(6.0);
        egui::ScrollArea::vertical().max_height(320.0).show(ui, |ui| {
            for (w, upload) in &mut u.rows {
                ui.separator();
                ui.horizontal(|ui| {
                    ui.add(egui::Label::new(egui::RichText::new(crate::interchange::file_name(&w.file)).strong()));
                    ui.weak(crate::t!("ix-ui-unmatched-clips", clips = w.clips));
                });
                ui.add(egui::Label::new(egui::RichText::new(&w.file).monospace().small()).wrap());
                ui.horizontal(|ui| {
                    let can = w.local.is_some();
                    let tip = if can {
                        crate::t!("ix-ui-unmatched-upload-tip")
                    } else {
                        crate::t!("ix-ui-unmatched-not-here", file = w.file.as_str())
                    };
                    let r = ui.add_enabled(can, egui::RadioButton::new(*upload, crate::t!("ix-ui-unmatched-upload")));
                    if r.on_hover_text(tip.clone()).on_disabled_hover_text(tip).clicked() {
                        *upload = true;
                    }
                    if ui.radio(!*upload, crate::t!("ix-ui-unmatched-keep")).clicked() {
                        *upload = false;
                    }
                });
            }
        });
        ui.separator();
        ui.horizontal(|ui| {
            if crate::ui::dialog::default_button(ui, &crate::t!("ix-ui-unmatched-continue")).clicked() {
                let chosen = u.rows.iter().filter(|(_, up)| *up);
                done = Some(chosen.filter_map(|(w, _)| Some((w.local.clone()?, w.file.clone()))).collect());
            }
            if crate::ui::dialog::escape(ui) {
                // Esc keeps every one as missing: nothing is sent.
                done = Some(Vec::new());
            }
        });
    });
    if done.is_some() {
        *unmatched = None;
    }
    done
}

/// What the window shows.
#[derive(Clone, Debug)]
pub struct Report {
    pub title: String,
    /// The summary line, then one line per source or note.
    pub lines: Vec<String>,
    /// Whether clips still wait for their media (a map is offered for them).
    pub map_offer: bool,
    /// An import's report (else an export's).
    pub import: bool,
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
        Report { title: crate::t!("ix-ui-import-title"), lines, map_offer: imported.clips_missing > 0, import: true }
    }

    pub fn of_export(file: &str, notes: Vec<String>) -> Report {
        let mut lines = vec![crate::t!("ix-ui-export-summary", file = file, notes = notes.len())];
        lines.extend(notes.into_iter().map(|n| crate::t!("ix-report-note", note = n)));
        Report { title: crate::t!("ix-ui-export-title"), lines, map_offer: false, import: false }
    }
}

/// Shows `report` while it is there; closing the window drops it.
pub fn report_ui(ctx: &egui::Context, report: &mut Option<Report>) -> Option<Action> {
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
                if r.map_offer
                    && ui.button(crate::t!("ix-ui-apply-map")).on_hover_text(crate::t!("ix-ui-apply-map-tip")).clicked()
                {
                    action = Some(Action::ApplyMap);
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

#[cfg(test)]
mod tests {
    use super::*;

    const NTSC: FrameRate = FrameRate { num: 30_000, den: 1001 };

    #[test]
    fn an_edl_is_offered_the_projects_rate_or_drop_frame_when_it_says_so() {
        let edl = PathBuf::from("/cuts/a.edl");
        let pick = |drop, rate| Setup::new(edl.clone(), drop, rate).options();
        assert_eq!(pick(false, FrameRate::FPS_25), Options { edl_rate: Some(FrameRate::FPS_25), edl_drop: None });
        // At 29.97, a file without drop-frame timecode is read non-drop; one with it, drop-frame.
        assert_eq!(pick(false, NTSC), Options { edl_rate: Some(NTSC), edl_drop: Some(false) });
        assert_eq!(pick(true, FrameRate::FPS_25), Options { edl_rate: Some(NTSC), edl_drop: Some(true) });
        let odd = FrameRate { num: 12, den: 1 };
        assert_eq!(pick(false, odd).edl_rate, Some(FrameRate::FPS_25), "a rate not offered: 25");
        // Other formats state their rate: nothing is asked.
        let otio = Setup::new(PathBuf::from("/cuts/a.otio"), false, NTSC);
        assert_eq!((otio.rate, otio.options()), (None, Options::default()));
    }
}
