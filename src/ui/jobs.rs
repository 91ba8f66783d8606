//! The job history (shared with the command line), newest first, refreshed while anything is
//! still producing.

use crate::core::Kind;
use crate::core::cloud::Cloud;
use crate::store::jobs::{Job, JobState};
use crate::t;

/// What the user asked for in the panel.
pub enum JobAction {
    None,
    OpenCloudProject {
        project_id: String,
        region: String,
    },
    /// Play the produced video in the source viewer (from its GetPlayInfo, as any media).
    Watch(crate::model::project::BinEntry),
    /// Compare with draft: the produced video, its title, the file it was produced from.
    Compare {
        media_id: String,
        title: String,
        produced_from: Option<std::path::PathBuf>,
    },
}

/// "5 min ago (2026-12-02 14:00 CST)": how long ago and the local time, its zone named.
fn when(unix: u64) -> String {
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
    crate::when::ago_and_local(unix, now)
}

fn state_text(j: &Job) -> String {
    use crate::api::calls::{media_status_words, production_status_words};
    match j.state {
        JobState::Pending => t!("cloud-job-pending"),
        JobState::Failed => t!("cloud-job-refused"),
        JobState::OutcomeUnknown => t!("cloud-job-unknown"),
        JobState::Submitted => match (j.production_status.as_deref(), j.video_status.as_deref()) {
            // i18n-exempt: VOD's ProductionStatus, matched, not shown
            (Some("ProduceFailed"), _) => t!("cloud-job-failed"),
            // i18n-exempt: VOD's ProductionStatus and video Status, matched, not shown
            (Some("Produced"), Some("Normal")) => t!("cloud-job-ready"),
            (Some(p), Some(v)) => {
                let (production, video) = (production_status_words(p), media_status_words(v));
                t!("cloud-job-status-video", production = production, video = video)
            }
            (Some(p), None) => production_status_words(p),
            (None, _) => t!("cloud-job-submitted"),
        },
    }
}

pub fn jobs_ui(
    ui: &mut egui::Ui,
    cloud: &mut Cloud,
    covers: &mut crate::ui::library::LibraryPanel,
    clock: crate::i18n::Clock,
) -> JobAction {
    let mut action = JobAction::None;
    ui.horizontal(|ui| {
        ui.heading(t!("cloud-jobs"));
        let busy = cloud.tasks.is_running(Kind::Refresh) || cloud.tasks.is_running(Kind::Jobs);
        if ui.add_enabled(!busy, egui::Button::new(t!("cloud-jobs-refresh"))).clicked() {
            let now = ui.input(|i| i.time);
            cloud.refresh_jobs(now);
            cloud.load_jobs();
        }
        if busy {
            ui.spinner();
        }
    });
    if cloud.jobs.iter().any(Job::is_active) {
        let every = crate::core::jobs::POLL_EVERY;
        ui.label(egui::RichText::new(t!("cloud-jobs-following", every = every)).weak());
    }
    if cloud.jobs.is_empty() {
        ui.label(t!("cloud-jobs-none"));
    }
    let jobs = cloud.jobs.clone();
    egui::ScrollArea::vertical().id_salt("jobs").show(ui, |ui| {
        for j in &jobs {
            egui::Frame::group(ui.style()).show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.label(egui::RichText::new(format!("{}  ·  {}", j.title, when(j.created))).strong());
                let place = if j.sandbox { t!("cloud-jobs-sandbox") } else { j.region.clone() };
                ui.label(format!("{place} · {}", state_text(j)));
                for (k, v) in [("MediaId", &j.media_id), ("ProjectId", &j.project_id), ("RequestId", &j.request_id)] {
                    if let Some(v) = v {
                        ui.horizontal(|ui| {
                            ui.label(k);
                            ui.add(egui::Label::new(egui::RichText::new(v).monospace()).selectable(true));
                        });
                    }
                }
                if let Some(d) = j.duration {
                    ui.label(t!("cloud-jobs-duration", duration = clock.length_secs(d)));
                }
                if let Some(c) = &j.cover_url {
                    // The produced video's cover, through the library's thumbnail cache.
                    covers.request_thumb(cloud, c);
                    match covers.texture(c) {
                        Some(t) => {
                            ui.add(egui::Image::new(t).fit_to_exact_size(egui::vec2(128.0, 72.0)));
                        }
                        None => {
                            ui.hyperlink_to(t!("cloud-jobs-cover"), c);
                        }
                    }
                }
                if let Some(f) = &j.project_file {
                    ui.label(egui::RichText::new(f.display().to_string()).weak());
                }
                if let Some(e) = &j.error {
                    ui.colored_label(ui.visuals().error_fg_color, e);
                }
                // A production VOD took and then failed: why, in VOD's own fields.
                if crate::core::follow::ending(j) == Some(crate::core::follow::Ending::Failed) {
                    let why = crate::core::follow::why_failed(j);
                    let label = ui.colored_label(ui.visuals().error_fg_color, t!("cloud-jobs-why", why = why));
                    label.on_hover_text(t!("cloud-jobs-why-tip"));
                }
                // A finished production's video is a media like any other: watch it.
                if crate::core::follow::ending(j) == Some(crate::core::follow::Ending::Finished)
                    && let Some(media_id) = &j.media_id
                    && ui.small_button(t!("cloud-jobs-watch")).on_hover_text(t!("cloud-jobs-watch-tip")).clicked()
                {
                    action = JobAction::Watch(crate::model::project::BinEntry {
                        media_id: media_id.clone(),
                        title: j.title.clone(),
                        duration: j.duration.and_then(crate::model::Time::from_secs_f64),
                        kind: crate::model::project::MediaKind::Video,
                        other_fields: Default::default(),
                    });
                }
                // The produced video against the draft of the open project, cut by cut.
                if crate::core::follow::ending(j) == Some(crate::core::follow::Ending::Finished)
                    && let Some(media_id) = &j.media_id
                    && ui.small_button(t!("cloud-jobs-compare")).on_hover_text(t!("cloud-jobs-compare-tip")).clicked()
                {
                    action = JobAction::Compare {
                        media_id: media_id.clone(),
                        title: j.title.clone(),
                        produced_from: j.project_file.clone(),
                    };
                }
                if let Some(pid) = &j.project_id
                    && ui.small_button(t!("cloud-jobs-open")).on_hover_text(t!("cloud-jobs-open-tip")).clicked()
                {
                    action = JobAction::OpenCloudProject { project_id: pid.clone(), region: j.region.clone() };
                }
            });
        }
    });
    action
}
