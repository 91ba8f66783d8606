//! The base of each cloud project: the Timeline vodcut last synced with it (sent in a
//! production, or received when it was opened or taken), against which a later change in the
//! cloud (an edit in the VOD console) is told from a change of mine.
//!
//! Where, and why: in the data folder, one file per cloud project keyed by region + ProjectId
//! (a ProjectId is only unique within its region). The base belongs to the cloud project as
//! this machine last saw it, so it is not kept in the `.vodcut` file: the file carries only the
//! base's hash (`SyncBase`). A file moved to another machine, or a copy that did not take part
//! in the last sync, finds no base with its hash and is compared two-way (asked about, never
//! merged against a base it never had).

use super::atomic::write_atomic;
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};

/// The most read back (as much as GetEditingProject's answer may hold).
pub const BASE_CAP: u64 = 64 << 20;

/// The bases in a data folder.
#[derive(Clone, Debug)]
pub struct SyncBases {
    dir: PathBuf,
}

#[derive(serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "PascalCase")]
struct Stored {
    region: String,
    project_id: String,
    /// The Timeline as vodcut writes it (`export::timeline_json`).
    timeline: String,
}

/// The hash a project file keeps of its base Timeline.
pub fn hash(timeline: &str) -> String {
    let digest = Sha256::digest(timeline.as_bytes());
    let hex: String = digest.iter().take(16).map(|b| format!("{b:02x}")).collect();
    format!("sha256:{hex}") // i18n-exempt: a hash's name
}

impl SyncBases {
    pub fn new(data_dir: &Path) -> Self {
        SyncBases { dir: data_dir.join("sync-base") } // i18n-exempt: a folder name
    }

    /// The file of a cloud project: named by a hash, since IDs read from a file may hold
    /// anything (a `/`, `..`).
    fn file(&self, region: &str, project_id: &str) -> PathBuf {
        let name = hash(&format!("{region}\n{project_id}"));
        self.dir.join(format!("{}.json", name.trim_start_matches("sha256:")))
    }

    /// The base Timeline of `project_id` in `region` if this machine has one with hash
    /// `wanted`. `Ok(None)`: no base (none kept, or another one). An unreadable base is an
    /// error in words.
    pub fn load(&self, region: &str, project_id: &str, wanted: &str) -> Result<Option<String>, String> {
        let Some(text) = super::input::read_state_text(&self.file(region, project_id), BASE_CAP)? else {
            return Ok(None);
        };
        let stored: Stored = serde_json::from_str(&text).map_err(|e| e.to_string())?;
        let same = stored.region == region && stored.project_id == project_id && hash(&stored.timeline) == wanted;
        Ok(same.then_some(stored.timeline))
    }

    /// Keeps `timeline` as the base of `project_id` in `region` (safely: a crash leaves the old
    /// base or the new). Returns its hash, for the project file.
    pub fn save(&self, region: &str, project_id: &str, timeline: &str) -> std::io::Result<String> {
        std::fs::create_dir_all(&self.dir)?;
        let stored = Stored { region: region.into(), project_id: project_id.into(), timeline: timeline.into() };
        let text = serde_json::to_string(&stored).map_err(std::io::Error::other)?;
        write_atomic(&self.file(region, project_id), text.as_bytes(), false)?;
        Ok(hash(timeline))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_base_is_found_by_region_id_and_hash_only() {
        let dir = tempfile::tempdir().unwrap();
        let bases = SyncBases::new(dir.path());
        let tl = r#"{"VideoTracks":[]}"#;
        let h = bases.save("cn-shanghai", "p1", tl).unwrap();
        assert_eq!(h, hash(tl));
        assert_eq!(bases.load("cn-shanghai", "p1", &h).unwrap().as_deref(), Some(tl));
        assert_eq!(bases.load("cn-beijing", "p1", &h).unwrap(), None, "another region");
        assert_eq!(bases.load("cn-shanghai", "p1", &hash("{}")).unwrap(), None, "a file that synced another base");
        assert_eq!(bases.load("cn-shanghai", "../p2", &h).unwrap(), None);
        // A newer sync replaces it.
        let h2 = bases.save("cn-shanghai", "p1", "{}").unwrap();
        assert_eq!(bases.load("cn-shanghai", "p1", &h).unwrap(), None);
        assert_eq!(bases.load("cn-shanghai", "p1", &h2).unwrap().as_deref(), Some("{}"));
    }

    #[test]
    fn an_unreadable_base_is_an_error_not_a_panic() {
        let dir = tempfile::tempdir().unwrap();
        let bases = SyncBases::new(dir.path());
        bases.save("r", "p", "{}").unwrap();
        let file = bases.file("r", "p");
        std::fs::write(&file, b"not json").unwrap();
        assert!(bases.load("r", "p", &hash("{}")).is_err());
        std::fs::remove_file(&file).unwrap();
        #[cfg(unix)]
        {
            // A FIFO planted there is refused, never read (it would hang).
            let status = std::process::Command::new("mkfifo").arg(&file).status();
            if status.is_ok_and(|s| s.success()) {
                assert!(bases.load("r", "p", &hash("{}")).is_err());
            }
        }
    }
}
