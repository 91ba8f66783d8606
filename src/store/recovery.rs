//! Autosave to a recovery folder, never over the user's file, and finding what to offer back
//! after a crash.
//!
//! A recovery file holds the project and where it came from. It is written (atomically) while
//! a document has unsaved changes and removed when the document is saved or closed cleanly,
//! so whatever is left after a crash is work that only exists there.

use super::atomic::write_atomic;
use super::jobs::now_secs;
use crate::model::Project;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct RecoveryFile {
    /// The project file this is unsaved work of; `None` for a never-saved document.
    pub original: Option<PathBuf>,
    /// Unix seconds.
    pub saved_at: u64,
    pub project: Project,
}

/// Something found in the recovery folder at start.
#[derive(Clone, Debug)]
pub struct Candidate {
    pub file: PathBuf,
    pub original: Option<PathBuf>,
    pub saved_at: u64,
    /// The project, or why the recovery file cannot be read (then it can only be deleted).
    pub project: Result<Box<Project>, String>,
}

#[derive(Clone, Debug)]
pub struct Recovery {
    dir: PathBuf,
}

impl Recovery {
    pub fn new(data_dir: &Path) -> Self {
        Recovery { dir: data_dir.join("recovery") }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The recovery file of a document: by its path, or by a per-document id when unsaved.
    pub fn file_for(&self, original: Option<&Path>, untitled_id: &str) -> PathBuf {
        let name = match original {
            Some(p) => {
                use std::hash::{Hash, Hasher};
                let mut h = std::collections::hash_map::DefaultHasher::new();
                p.hash(&mut h);
                let stem = p.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
                let stem: String =
                    stem.chars().filter(|c| c.is_alphanumeric() || *c == '-' || *c == '_').take(40).collect();
                format!("{stem}-{:016x}.json", h.finish())
            }
            None => format!("untitled-{untitled_id}.json"),
        };
        self.dir.join(name)
    }

    pub fn write(&self, file: &Path, original: Option<&Path>, project: &Project) -> std::io::Result<()> {
        std::fs::create_dir_all(&self.dir)?;
        let r = RecoveryFile { original: original.map(Path::to_owned), saved_at: now_secs(), project: project.clone() };
        let bytes = serde_json::to_vec(&r).map_err(std::io::Error::other)?;
        write_atomic(file, &bytes, false)
    }

    pub fn remove(&self, file: &Path) {
        let _ = std::fs::remove_file(file);
    }

    /// Recovery files worth offering: newer than their project file (or with no project file),
    /// and different from it. Files identical to their project are deleted quietly. Unreadable
    /// ones are listed with the reason, so start-up never fails on them.
    pub fn scan(&self) -> Vec<Candidate> {
        let Ok(entries) = std::fs::read_dir(&self.dir) else { return Vec::new() };
        let mut out = Vec::new();
        for e in entries.flatten() {
            let file = e.path();
            if file.extension().is_none_or(|x| x != "json") {
                continue;
            }
            // A recovery file holds a whole project: read as one is (bounded, regular files).
            let read = super::input::read_state(&file, super::input::MAX_INPUT_BYTES);
            let parsed = read.and_then(|b| {
                serde_json::from_slice::<RecoveryFile>(&b.unwrap_or_default())
                    .map_err(|e| crate::t!("core-recovery-unreadable", error = e.to_string()))
            });
            let r = match parsed {
                Ok(r) => r,
                Err(why) => {
                    out.push(Candidate { file, original: None, saved_at: 0, project: Err(why) });
                    continue;
                }
            };
            if let Some(orig) = &r.original {
                let modified = std::fs::metadata(orig).and_then(|m| m.modified()).ok();
                let newer = modified
                    .and_then(|m| m.duration_since(std::time::UNIX_EPOCH).ok())
                    .is_none_or(|m| r.saved_at >= m.as_secs());
                let same = super::project_file::open(orig).is_ok_and(|o| o.project == r.project);
                if same || !newer {
                    self.remove(&file);
                    continue;
                }
            }
            out.push(Candidate { file, original: r.original, saved_at: r.saved_at, project: Ok(Box::new(r.project)) });
        }
        out.sort_by_key(|c| std::cmp::Reverse(c.saved_at));
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::project_file;

    #[test]
    fn offers_unsaved_work_and_drops_what_is_on_disk() {
        let data = tempfile::tempdir().unwrap();
        let work = tempfile::tempdir().unwrap();
        let rec = Recovery::new(data.path());
        let path = work.path().join("film.vodcut");
        let mut saved = Project::new_empty();
        saved.title = "saved".into();
        project_file::save(&path, &saved).unwrap();

        // Unsaved changes of a saved project, and of a never-saved one.
        let mut changed = saved.clone();
        changed.title = "changed, not saved".into();
        let f1 = rec.file_for(Some(&path), "x");
        rec.write(&f1, Some(&path), &changed).unwrap();
        let f2 = rec.file_for(None, "abc");
        rec.write(&f2, None, &Project::new_empty()).unwrap();
        // A recovery identical to its project is not worth offering.
        let path3 = work.path().join("same.vodcut");
        project_file::save(&path3, &saved).unwrap();
        let f3 = rec.file_for(Some(&path3), "y");
        rec.write(&f3, Some(&path3), &saved).unwrap();
        // And a broken one must not stop anything.
        std::fs::write(rec.dir().join("broken.json"), "{").unwrap();

        let found = rec.scan();
        assert_eq!(found.len(), 3, "{found:?}");
        let titles: Vec<String> =
            found.iter().filter_map(|c| c.project.as_ref().ok().map(|p| p.title.clone())).collect();
        assert!(titles.contains(&"changed, not saved".to_owned()));
        assert!(found.iter().any(|c| c.project.is_err()));
        assert!(!f3.exists(), "the identical one was removed");
        assert_ne!(f1, rec.file_for(Some(&work.path().join("other.vodcut")), "x"));
    }
}
