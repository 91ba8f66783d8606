//! "Compare with draft" (Jobs tab): the window that follows a comparison (core::compare)
//! and lists the points where the produced video differs from the draft, both pictures side
//! by side with the worst region outlined, each a click away on the timeline.

use crate::core::compare::{Checked, Report, Run};
use crate::i18n::Clock;
use crate::model::Time;
use crate::t;
use std::sync::atomic::Ordering;

/// Both pictures' width in the list.
const PICTURE_WIDTH: f32 = 240.0;

#[derive(Default)]
pub struct CompareView {
    pub run: Option<Run>,
    pub report: Option<Result<Report, String>>,
    /// The produced video's title (the job's).
    pub title: String,
    /// Said above the list (the open project is not the one produced...).
    pub warning: Option<String>,
    /// The pictures of each difference, made when the report arrives.
    textures: Vec<(Option<egui::TextureHandle>, Option<egui::TextureHandle>)>,
    /// Asked for before the footage service was up: the produced video, its title, the
    /// file it was produced from (started as soon as the service is).
    pub waiting: Option<(String, String, Option<std::path::PathBuf>)>,
}

impl CompareView {
    /// Follows `run` (a new comparison replaces the one before; dropping that stops it).
    pub fn begin(&mut self, run: Run, title: String, warning: Option<String>) {
        *self = CompareView { run: Some(run), title, warning, ..CompareView::default() };
    }

    /// Shows the window, waiting for the footage service before comparing.
    pub fn wait_for_footage(&mut self, media_id: String, title: String, from: Option<std::path::PathBuf>) {
        *self = CompareView { title: title.clone(), waiting: Some((media_id, title, from)), ..CompareView::default() };
    }

    /// The window shows while something waits, runs or has been reported.
    pub fn is_open(&self) -> bool {
        self.waiting.is_some() || self.run.is_some() || self.report.is_some()
    }

    /// Takes the report when it is ready.
    pub fn poll(&mut self, ctx: &egui::Context) {
        let Some(result) = self.run.as_ref().and_then(Run::poll) else { return };
        self.run = None;
        match result {
            Ok(report) => {
                self.textures = report
                    .differences()
                    .enumerate()
                    .map(|(i, c)| {
                        let tex = |img: &Option<crate::compose::Image>, side: &str| {
                            img.as_ref().map(|img| {
                                let size = [img.width as usize, img.height as usize];
                                let pic = egui::ColorImage::from_rgba_unmultiplied(size, &img.rgba);
                                ctx.load_texture(format!("compare-{side}-{i}"), pic, egui::TextureOptions::LINEAR)
                            })
                        };
                        // Texture names, never shown.
                        (tex(&c.draft, "draft"), tex(&c.produced, "produced")) // i18n-exempt: texture names
                    })
                    .collect();
                self.report = Some(Ok(report));
            }
            Err(e) => self.report = Some(Err(e.to_string())),
        }
    }

    /// The window; returns a time to move the playhead to.
    pub fn ui(&mut self, ctx: &egui::Context, clock: Clock) -> Option<Time> {
        if !self.is_open() {
            return None;
        }
        self.poll(ctx);
        let mut open = true;
        let mut go = None;
        egui::Window::new(t!("compare-window", title = self.title.as_str()))
            .id(egui::Id::unique("compare-window"))
            .open(&mut open)
            .default_width(560.0)
            .default_height(480.0)
            .show(ctx, |ui| {
                if let Some(w) = &self.warning {
                    ui.colored_label(ui.visuals().warn_fg_color, w);
                }
                if self.waiting.is_some() {
                    ui.add(egui::ProgressBar::new(0.0).text(t!("compare-starting")).animate(true));
                    ctx.request_repaint_after(std::time::Duration::from_millis(100));
                    return;
                }
                if let Some(run) = &self.run {
                    let (done, total) =
                        (run.progress.done.load(Ordering::Relaxed), run.progress.total.load(Ordering::Relaxed));
                    let fraction = if total == 0 { 0.0 } else { done as f32 / total as f32 };
                    ui.add(egui::ProgressBar::new(fraction).text(t!("compare-progress", done = done, total = total)));
                    if ui.button(t!("ui-cancel")).clicked() {
                        run.cancel();
                    }
                    // Progress is counted off the UI thread: look again soon.
                    ctx.request_repaint_after(std::time::Duration::from_millis(200));
                    return;
                }
                match &self.report {
                    Some(Ok(report)) => go = report_ui(ui, report, &self.textures, clock),
                    Some(Err(e)) => {
                        ui.colored_label(ui.visuals().error_fg_color, e);
                    }
                    None => {}
                }
            });
        if !open {
            // Closing stops a comparison still going (the run is dropped).
            *self = CompareView::default();
        }
        go
    }
}

type Pictures = (Option<egui::TextureHandle>, Option<egui::TextureHandle>);

fn report_ui(ui: &mut egui::Ui, report: &Report, textures: &[Pictures], clock: Clock) -> Option<Time> {
    let differ = report.differences().count();
    ui.label(t!(
        "compare-summary",
        checked = report.checked.len(),
        found = report.points_found,
        differ = differ,
        threshold = format!("{:.0}", report.threshold)
    ));
    for n in &report.notes {
        ui.colored_label(ui.visuals().warn_fg_color, n);
    }
    if differ == 0 {
        ui.label(t!("compare-all-alike"));
        return None;
    }
    let mut go = None;
    ui.separator();
    ui.horizontal(|ui| {
        ui.add_sized([PICTURE_WIDTH, 14.0], egui::Label::new(egui::RichText::new(t!("compare-draft")).strong()));
        ui.add_sized([PICTURE_WIDTH, 14.0], egui::Label::new(egui::RichText::new(t!("compare-produced")).strong()));
    });
    egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
        for (i, c) in report.differences().enumerate() {
            ui.push_id(i, |ui| {
                if row_ui(ui, c, textures.get(i), clock) {
                    go = Some(c.point.at);
                }
            });
            ui.separator();
        }
    });
    go
}

/// One difference: when and why, how much, both pictures; true when "Go to" was clicked.
fn row_ui(ui: &mut egui::Ui, c: &Checked, pictures: Option<&Pictures>, clock: Clock) -> bool {
    let at = clock.time(c.point.at);
    let why = c.point.why.words();
    let how = if c.past_end {
        t!("compare-past-end")
    } else {
        t!("compare-differs", percent = format!("{:.0}", c.difference.score))
    };
    let mut clicked = false;
    ui.horizontal(|ui| {
        ui.strong(&at);
        ui.label(why);
        ui.label(how);
        clicked = ui.small_button(t!("compare-go")).on_hover_text(t!("compare-go-tip")).clicked();
    });
    ui.horizontal(|ui| {
        let (draft, produced) = pictures.map_or((None, None), |(d, p)| (d.as_ref(), p.as_ref()));
        picture(ui, draft, c, t!("compare-draft-at", at = at.as_str()));
        picture(ui, produced, c, t!("compare-produced-at", at = at.as_str()));
    });
    clicked
}

/// A picture with the worst region outlined, labelled for screen readers (and tests).
fn picture(ui: &mut egui::Ui, tex: Option<&egui::TextureHandle>, c: &Checked, label: String) {
    let aspect = tex.map_or(9.0 / 16.0, |t| t.size()[1] as f32 / t.size()[0].max(1) as f32);
    let size = egui::vec2(PICTURE_WIDTH, PICTURE_WIDTH * aspect);
    let (rect, response) = ui.allocate_exact_size(size, egui::Sense::hover());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, &label));
    let painter = ui.painter_at(rect);
    match tex {
        Some(t) => {
            let uv = egui::Rect::from_min_max(egui::pos2(0.0, 0.0), egui::pos2(1.0, 1.0));
            painter.image(t.id(), rect, uv, egui::Color32::WHITE);
        }
        None => {
            painter.rect_filled(rect, 0.0, egui::Color32::BLACK);
            painter.text(
                rect.center(),
                egui::Align2::CENTER_CENTER,
                t!("compare-no-picture"),
                egui::FontId::proportional(12.0),
                egui::Color32::GRAY,
            );
            return;
        }
    }
    let [x, y, w, h] = c.difference.worst;
    let worst = egui::Rect::from_min_size(
        rect.min + egui::vec2(x * rect.width(), y * rect.height()),
        egui::vec2(w * rect.width(), h * rect.height()),
    );
    painter.rect_stroke(worst, 0.0, egui::Stroke::new(2.0, egui::Color32::RED), egui::StrokeKind::Inside);
}
