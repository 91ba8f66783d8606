//! Producing, and the answers of background cloud work (jobs, library, lengths).

use super::*;
use crate::t;

impl Editor {
    /// The current revision's problems (validated once per change, shared, not copied).
    pub(super) fn problems(&mut self) -> Arc<Vec<Problem>> {
        let rev = self.doc.revision();
        // A template is checked as `vodcut validate` checks it: filled with its samples. What
        // is wrong with the samples is the check's own list (see `template_check`).
        if let Some(check) = self.template_check() {
            if self.problems.as_ref().is_none_or(|(r, _)| *r != rev) {
                let problems = check.filled.as_ref().map(|(_, p)| p.clone()).unwrap_or_default();
                self.problems = Some((rev, Arc::new(problems)));
            }
            return self.problems.as_ref().map(|(_, p)| p.clone()).unwrap_or_default();
        }
        let pass = self.ctx_for_textures.cumulative_pass_nr();
        // Checked once a frame at most: the menu bar and the Problems tab both ask.
        if self.problems.as_ref().is_none_or(|(r, _)| *r != rev) && self.problems_pass != pass {
            self.problems_pass = pass;
            // Only the tracks changed since the last run are checked again, a few
            // milliseconds' worth a frame; the last complete result shows until then.
            let Some(problems) = crate::model::validate::validate_within(
                self.doc.project(),
                self.doc.track_revisions(),
                &mut self.validation,
                std::time::Duration::from_millis(4),
            ) else {
                self.ctx_for_textures.request_repaint();
                return self.problems.as_ref().map(|(_, p)| p.clone()).unwrap_or_default();
            };
            // An empty new project has nothing wrong yet: "nothing to produce" waits for
            // Produce (which still refuses it) instead of showing as a red error now.
            let empty = self.doc.project().clip_count() == 0;
            let problems =
                problems.into_iter().filter(|p| !(empty && crate::model::validate::is_nothing_to_produce(p))).collect();
            self.problems = Some((rev, Arc::new(problems)));
        }
        self.problems.as_ref().map(|(_, p)| p.clone()).unwrap_or_default()
    }

    /// The project read as a template, once per revision; None for a plain project (most: the
    /// scan that says so looks again only at the tracks an edit changed).
    pub(super) fn template_check(&mut self) -> Option<Arc<crate::template::editor::Check>> {
        let rev = self.doc.revision();
        if self.template.as_ref().is_none_or(|(r, _)| *r != rev) {
            let check = if self.slot_scan.may_hold_slots(self.doc.project(), self.doc.track_revisions()) {
                let untitled = PathBuf::from(t!("project-untitled"));
                let path = self.doc.path.as_deref().unwrap_or(untitled.as_path());
                crate::template::editor::check(self.doc.project(), path).map(Arc::new)
            } else {
                None
            };
            self.template = Some((rev, check));
        }
        self.template.as_ref().and_then(|(_, c)| c.clone())
    }

    /// Media whose length the editor does not know: bin entries without one, and clips with no
    /// Out whose media is not in the bin.
    pub(super) fn unknown_lengths(&mut self) -> Vec<String> {
        let rev = self.doc.revision();
        if let Some((r, ids)) = &self.unknown_cache
            && *r == rev
        {
            return ids.clone();
        }
        let ids = self.find_unknown_lengths();
        self.unknown_cache = Some((rev, ids.clone()));
        ids
    }

    fn find_unknown_lengths(&self) -> Vec<String> {
        let p = self.doc.project();
        let mut ids: Vec<String> = p
            .bin
            .iter()
            .filter(|e| e.duration.is_none() && e.kind != crate::model::project::MediaKind::Image)
            .map(|e| e.media_id.clone())
            .collect();
        for t in p
            .tracks
            .iter()
            .filter(|t| matches!(t.kind, crate::model::TrackKind::Video | crate::model::TrackKind::Audio))
        {
            for c in t.clips.iter().filter(|c| c.out.is_none() && c.r#type.as_deref() != Some("Image")) {
                if let Some(id) = &c.media_id
                    && !p.bin.iter().any(|e| &e.media_id == id)
                    && !ids.contains(id)
                {
                    ids.push(id.clone());
                }
            }
        }
        ids
    }

    /// Fresh lengths from GetVideoInfos go into the bin (one undo step), so the timeline
    /// shows real lengths and trims stop at the source's end.
    pub(super) fn apply_infos(&mut self, result: Result<(Vec<crate::api::calls::VideoInfo>, Vec<String>), String>) {
        let (infos, missing) = match result {
            Ok(i) => i,
            Err(e) => {
                self.status = t!("cloud-no-lengths", error = e);
                return;
            }
        };
        let mut bin = self.doc.project().bin.clone();
        let mut n = 0;
        for v in infos {
            let Some(d) = v.duration.and_then(Time::from_secs_f64) else { continue };
            match bin.iter_mut().find(|e| e.media_id == v.video_id) {
                Some(e) => {
                    e.duration = Some(d);
                    if e.title.is_empty() {
                        e.title = v.title.clone();
                    }
                }
                None => bin.push(crate::model::project::BinEntry {
                    media_id: v.video_id.clone(),
                    title: v.title.clone(),
                    duration: Some(d),
                    kind: crate::model::project::MediaKind::Video,
                    ..Default::default()
                }),
            }
            n += 1;
        }
        self.doc.apply(&t!("cloud-undo-refresh-lengths"), crate::edit::Edit::SetBin(bin));
        self.status = t!("cloud-lengths-updated", n = n);
        if !missing.is_empty() {
            // A clip naming media VOD does not have would fail the production: say so now.
            let shown: Vec<&str> = missing.iter().take(5).map(String::as_str).collect();
            let (n, ids) = (missing.len(), shown.join(", "));
            self.timeline.message = Some(if n > 5 {
                t!("cloud-unknown-ids-more", n = n, ids = ids, more = n - 5)
            } else {
                t!("cloud-unknown-ids", n = n, ids = ids)
            });
        }
    }

    /// A new document takes the region chosen in the settings.
    pub fn apply_default_region(&mut self) {
        let r = self.cloud.settings.default_region.trim();
        if !r.is_empty() {
            self.doc.set_default_region(r);
        }
    }

    /// The core's pre-flight, as `vodcut submit` makes it: validation first (errors block,
    /// warnings ask), then VOD's word on the media used, then the billed confirmation.
    pub fn start_produce(&mut self) {
        if self.cloud.producing() {
            self.status = t!("cloud-producing-already");
            return;
        }
        self.doc.seal();
        if let Some(waiting) = self.uploads_not_ready() {
            self.error = Some(waiting);
            return;
        }
        if self.doc.project().project_id.is_some() {
            // The production replaces the cloud project's Timeline: look at it first.
            self.check_sync_first();
            return;
        }
        self.preflight_produce();
    }

    /// The pre-flight after the cloud project was looked at: validation, then VOD's word on
    /// the media used, then the billed confirmation.
    pub(super) fn preflight_produce(&mut self) {
        let pre = crate::core::produce::Preflight::start(self.doc.project());
        if !pre.asks_vod() {
            self.cloud.step = Step::after(pre.finish(self.doc.project(), "", None).all());
            return;
        }
        // Media still processing would fail the production after it is billed: ask VOD
        // first, in the background (the Checking dialog can be cancelled).
        let media = pre.media.clone();
        self.cloud.step = Step::Checking(pre);
        if !self.cloud.check_media(media, &self.doc.project().region) {
            let why = self.cloud.executor().error().unwrap_or_else(|| t!("cloud-no-runtime"));
            self.media_checked(Err(why));
        }
    }

    /// The status check answered: its problems join validation's.
    fn media_checked(&mut self, answer: crate::core::produce::InfosResult) {
        let Step::Checking(pre) = std::mem::take(&mut self.cloud.step) else {
            return; // cancelled meanwhile
        };
        // The check was asked in the project's region (`check_media` above).
        let region = self.doc.project().region.clone();
        self.cloud.step = Step::after(pre.finish(self.doc.project(), &region, Some(&answer)).all());
    }

    pub(super) fn send_production(&mut self, anyway: bool) {
        let file = self.doc.path.clone();
        let project = self.doc.project().clone();
        let started = if anyway { self.cloud.produce_anyway(project, file) } else { self.cloud.produce(project, file) };
        if started {
            self.status = t!("cloud-producing", region = self.doc.project().region.as_str());
        }
    }

    pub(super) fn handle_cloud_events(&mut self, now: f64) {
        let mut finished = false;
        for (_, event) in self.cloud.tasks.poll() {
            match event {
                Event::Produced { job, result, unknown, earlier, base } => {
                    let outcome = match result {
                        Ok(ids) => {
                            if !ids.project_id.is_empty() {
                                // Linked to the cloud project, with the Timeline sent as the
                                // base the next production compares the cloud with.
                                self.link_cloud_project(ids.project_id.clone(), base);
                            }
                            self.cloud.toast =
                                Some((t!("cloud-toast-submitted", id = ids.media_id.as_str()), now + 5.0));
                            self.status = t!(
                                "cloud-status-submitted",
                                media = ids.media_id.as_str(),
                                project = ids.project_id.as_str()
                            );
                            Outcome { ids: Some(ids), error: None, unknown: false, job_id: job.id.clone(), earlier }
                        }
                        Err(e) => {
                            self.status =
                                if unknown { t!("cloud-status-unknown") } else { t!("cloud-production-refused") };
                            Outcome { ids: None, error: Some(e), unknown, job_id: job.id.clone(), earlier }
                        }
                    };
                    self.cloud.step = Step::Done(outcome);
                    self.cloud.load_jobs();
                }
                Event::NotSent(e) => {
                    self.status = t!("cloud-nothing-sent");
                    self.cloud.step = Step::Done(Outcome {
                        ids: None,
                        error: Some(e),
                        unknown: false,
                        job_id: t!("ui-none"),
                        earlier: false,
                    });
                }
                Event::Jobs(jobs) => self.cloud.jobs = jobs,
                Event::Refreshed(list) => {
                    for (job, error) in list {
                        if let Some(e) = error {
                            self.status = t!("cloud-refresh-failed", job = job.id.as_str(), error = e);
                        }
                        if let Some(slot) = self.cloud.jobs.iter_mut().find(|j| j.id == job.id) {
                            if slot.is_active() && !job.is_active() {
                                // Say so when a production finishes, wherever the user is looking.
                                let title = job.title.as_str();
                                let text = if matches!(job.production_status.as_deref(), Some("ProduceFailed")) {
                                    t!("cloud-production-done-failed", title = title)
                                } else {
                                    t!("cloud-production-done-ready", title = title)
                                };
                                self.status = text.clone();
                                self.cloud.toast = Some((text, now + 8.0));
                                // The produced video is in the account's library now: list it.
                                finished |=
                                    crate::core::follow::ending(&job) == Some(crate::core::follow::Ending::Finished);
                            }
                            *slot = job;
                        }
                    }
                }
                Event::Tested(r) => self.cloud.test_result = Some(r),
                Event::CloudProject(Ok(p)) => {
                    self.incoming = Some((*p, None, false));
                    self.request(Pending::Incoming);
                }
                Event::Recovered(found) => self.recovery_offer = found,
                Event::Media { page, result } => self.library.list.on_page(page, result),
                Event::Materials(result) => self.library.list.on_materials(result),
                Event::Account(result) => self.cloud.on_account(result),
                Event::Thumb { url, result } => self.library.on_thumb(&self.ctx_for_textures, url, result),
                Event::Infos(result) => self.apply_infos(result),
                Event::MediaChecked(result) => self.media_checked(result),
                Event::SyncChecked(result) => self.sync_checked(result),
                Event::BaseKept(Ok(_)) => {}
                Event::BaseKept(Err(e)) => self.status = t!("sync-base-not-kept-editor", error = e),
                Event::CloudProject(Err(e)) => self.error = Some(t!("cloud-open-failed", error = e)),
                Event::SavedToCloud(result) => self.saved_to_cloud(result),
                Event::CloudProjects(result) => self.cloud_projects_listed(result),
                Event::CloudProjectDeleted(result) => self.cloud_project_deleted(result),
                Event::SettingsSaved(Ok(())) => {}
                Event::SettingsSaved(Err(e)) => self.status = t!("cloud-settings-not-saved", error = e),
            }
        }
        if finished && self.library.opened {
            let region = self.doc.project().region.clone();
            self.library.search(&mut self.cloud, 0, &region);
        }
        self.cloud.poll_if_due(now);
        if let Some(next) = self.cloud.polling.next_in(now, &self.cloud.jobs) {
            // Wake up for the next poll even when nothing else happens: the interval the Jobs
            // tab states is the one kept.
            self.ctx_for_textures.request_repaint_after(std::time::Duration::from_secs_f64(next + 0.05));
        }
    }
}
