//! The editor's side of cloud projects: Save to cloud (confirmed, then the core's push off the
//! UI thread, the result in the status line) and the browser (listing, opening, deleting).

use super::*;
use crate::t;
use crate::ui::cloudproj::{BrowserAction, SaveAnswer, SaveFacts};

impl Editor {
    /// The document names `project_id` as its cloud project, with `base` (the hash of the
    /// Timeline just sent there) as the base the next check compares the cloud with (one undo
    /// step; nothing when both are so already).
    pub(super) fn link_cloud_project(&mut self, project_id: String, base: Option<String>) {
        let p = self.doc.project();
        if p.project_id.as_deref() == Some(project_id.as_str()) && p.sync_base == base {
            return;
        }
        self.doc.set_fields(&t!("cloud-undo-link-project"), "ProjectId", |f| {
            f.project_id = Some(project_id);
            f.sync_base = base;
        });
        self.doc.seal();
    }

    /// The title a save sends when the project has none: the file's name.
    fn file_stem(&self) -> String {
        self.doc.path.as_deref().and_then(Path::file_stem).map(|s| s.to_string_lossy().into_owned()).unwrap_or_default()
    }

    /// Saves the project to the cloud now (Add, or Update of its cloud project; `as_new`:
    /// Add whatever it names).
    pub(super) fn send_to_cloud(&mut self, as_new: bool) {
        let mut project = self.doc.project().clone();
        if as_new {
            project.project_id = None;
        }
        let title = crate::core::cloudproj::title_for(&project, &self.file_stem());
        if self.cloud.save_to_cloud(project, self.file_stem()) {
            self.status = t!("cloudproj-saving", title = title.as_str());
        }
    }

    pub(super) fn open_cloud_browser(&mut self) {
        self.cloudproj.browser_open = true;
        self.cloudproj.search.page = 1;
        self.list_cloud_projects();
    }

    fn list_cloud_projects(&mut self) {
        let region = self.doc.project().region.clone();
        if self.cloud.list_cloud_projects(self.cloudproj.search.clone(), &region) {
            self.cloudproj.loading = true;
            self.cloudproj.error = None;
        }
    }

    pub(super) fn cloudproj_ui(&mut self, ctx: &egui::Context) {
        if self.cloudproj.confirm_save {
            let p = self.doc.project();
            let facts = SaveFacts {
                title: crate::core::cloudproj::title_for(p, &self.file_stem()),
                project_id: p.project_id.clone().filter(|id| !id.trim().is_empty()),
                materials: crate::core::cloudproj::material_ids(p).len(),
            };
            match crate::ui::cloudproj::save_dialog(ctx, &mut self.cloudproj, &facts) {
                SaveAnswer::Open => {}
                SaveAnswer::Cancel => self.cloudproj.confirm_save = false,
                SaveAnswer::Save { as_new } => {
                    self.cloudproj.confirm_save = false;
                    if as_new || facts.project_id.is_none() {
                        self.send_to_cloud(as_new);
                    } else {
                        // An Update replaces the cloud project's Timeline: look at it first,
                        // as before a production (sync without surprises).
                        self.cloudproj.save_after_sync = true;
                        self.check_sync_first();
                    }
                }
            }
        }
        if !self.cloudproj.browser_open {
            return;
        }
        let (library, cloud) = (&mut self.library, &mut self.cloud);
        let cover = |url: &str| {
            library.request_thumb(cloud, url);
            library.texture(url).cloned()
        };
        match crate::ui::cloudproj::browser(ctx, &mut self.cloudproj, cover) {
            BrowserAction::None | BrowserAction::AskDelete(..) => {}
            BrowserAction::Search => self.list_cloud_projects(),
            BrowserAction::Open(id) => {
                let region = self.doc.project().region.clone();
                self.cloud.open_cloud_project(id.clone(), region);
                self.status = t!("cloudproj-opening", id = id.as_str());
                self.cloudproj.browser_open = false;
            }
            BrowserAction::Delete(id, title) => {
                let region = self.doc.project().region.clone();
                if self.cloud.delete_cloud_project(id, title, &region) {
                    self.cloudproj.loading = true;
                }
            }
            BrowserAction::Close => self.cloudproj.browser_open = false,
        }
    }

    pub(super) fn saved_to_cloud(&mut self, result: Result<(crate::core::cloudproj::Pushed, Option<String>), String>) {
        let (pushed, base) = match result {
            Ok(p) => p,
            Err(e) => {
                self.status = t!("cloudproj-save-failed-short");
                self.error = Some(t!("cloudproj-save-failed", error = e));
                return;
            }
        };
        // The document now names its cloud project (the next save updates it) and the
        // Timeline saved is the base the next check compares the cloud with. (A save that
        // reached the cloud is kept even when the project was changed meanwhile.)
        self.link_cloud_project(pushed.project_id.clone(), base);
        let (title, id) = (pushed.title.as_str(), pushed.project_id.as_str());
        self.status = match &pushed.materials {
            Ok(n) if pushed.created => t!("cloudproj-saved-new", title = title, id = id, n = *n),
            Ok(n) => t!("cloudproj-saved", title = title, id = id, n = *n),
            Err(e) => t!("cloudproj-saved-no-materials", title = title, id = id, error = e.as_str()),
        };
        if self.cloudproj.browser_open {
            self.list_cloud_projects();
        }
    }

    pub(super) fn cloud_projects_listed(
        &mut self,
        result: Result<(u64, Vec<crate::api::calls::EditingProject>), String>,
    ) {
        self.cloudproj.loading = false;
        match result {
            Ok((total, list)) => {
                self.cloudproj.total = total;
                self.cloudproj.list = list;
                self.cloudproj.error = None;
            }
            Err(e) => self.cloudproj.error = Some(e),
        }
    }

    pub(super) fn cloud_project_deleted(&mut self, result: Result<String, String>) {
        self.cloudproj.loading = false;
        match result {
            Ok(title) => {
                self.status = t!("cloudproj-deleted", title = title.as_str());
                // The page may now be past the end: the last one left is shown.
                let size = u64::from(self.cloudproj.page_size());
                let pages = self.cloudproj.total.saturating_sub(1).div_ceil(size).max(1);
                self.cloudproj.search.page = self.cloudproj.search.page.clamp(1, pages as u32);
                self.list_cloud_projects();
            }
            Err(e) => self.cloudproj.error = Some(e),
        }
    }
}
