//! Resumable upload state, one small JSON file per local file in `<data>/uploads/`, replaced
//! atomically each time a part is confirmed. It holds what is needed to continue (VideoId,
//! UploadAddress, UploadId, part size, confirmed parts) and what tells whether the file changed
//! (size, modification time). Never the temporary credentials: a resume asks for new ones.

use super::check::MediaKind;
use crate::api::upload_calls::UploadAddress;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct UploadState {
    pub version: u32,
    /// The absolute path uploaded.
    pub path: PathBuf,
    pub size: u64,
    /// Modification time (ns since the Unix epoch), as a string: JSON numbers lose digits.
    pub mtime_ns: String,
    pub kind: MediaKind,
    pub media_id: String,
    pub title: String,
    pub address: UploadAddress,
    /// None for a single PUT, or before InitiateMultipartUpload answered.
    pub upload_id: Option<String>,
    pub part_size: u64,
    /// Part number -> ETag (upper-case hex MD5), for parts OSS confirmed.
    pub parts: BTreeMap<u32, String>,
    /// Unix seconds when the upload began.
    pub started: u64,
}

impl UploadState {
    pub fn part_count(&self) -> u32 {
        if self.upload_id.is_none() && self.part_size >= self.size {
            return 1;
        }
        self.size.div_ceil(self.part_size.max(1)) as u32
    }

    /// Byte range of part `n` (1-based).
    pub fn part_range(&self, n: u32) -> (u64, u64) {
        let start = u64::from(n - 1) * self.part_size;
        (start, (start + self.part_size).min(self.size) - start)
    }

    pub fn confirmed_bytes(&self) -> u64 {
        self.parts.keys().map(|n| self.part_range(*n).1).sum()
    }
}

/// The folder of state files.
#[derive(Clone, Debug)]
pub struct StateStore {
    dir: PathBuf,
}

/// A stable file name for a path (FNV-1a of its bytes; the path itself is inside).
fn name_for(path: &Path) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in path.as_os_str().as_encoded_bytes() {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}.json")
}

impl StateStore {
    pub fn new(data_dir: &Path) -> Self {
        StateStore { dir: data_dir.join("uploads") }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    fn file(&self, path: &Path) -> PathBuf {
        self.dir.join(name_for(path))
    }

    /// The saved state of `path`, if any. A damaged state file is reported, not trusted.
    pub fn load(&self, path: &Path) -> Result<Option<UploadState>, String> {
        let file = self.file(path);
        let bytes = match std::fs::read(&file) {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => {
                return Err(crate::t!(
                    "cloud-state-unreadable",
                    file = file.display().to_string(),
                    error = e.to_string()
                ));
            }
        };
        match serde_json::from_slice::<UploadState>(&bytes) {
            Ok(s) if s.path == path => Ok(Some(s)),
            // Another path with the same hash: not ours.
            Ok(_) => Ok(None),
            Err(e) => Err(crate::t!("cloud-state-damaged", file = file.display().to_string(), error = e.to_string())),
        }
    }

    pub fn save(&self, state: &UploadState) -> Result<(), String> {
        std::fs::create_dir_all(&self.dir).map_err(|e| {
            crate::t!("cloud-state-no-folder", folder = self.dir.display().to_string(), error = e.to_string())
        })?;
        let file = self.file(&state.path);
        let bytes = serde_json::to_vec_pretty(state).unwrap_or_default();
        crate::store::atomic::write_atomic(&file, &bytes, false)
            .map_err(|e| crate::t!("cloud-state-not-saved", file = file.display().to_string(), error = e.to_string()))
    }

    pub fn remove(&self, path: &Path) {
        let _ = std::fs::remove_file(self.file(path));
    }

    /// Every saved state (unfinished uploads), for listing.
    pub fn list(&self) -> Vec<UploadState> {
        let Ok(entries) = std::fs::read_dir(&self.dir) else { return vec![] };
        entries
            .flatten()
            .filter(|e| e.path().extension().is_some_and(|x| x == "json"))
            .filter_map(|e| serde_json::from_slice(&std::fs::read(e.path()).ok()?).ok())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn saves_and_loads_without_secrets() {
        let dir = tempfile::tempdir().unwrap();
        let store = StateStore::new(dir.path());
        let path = dir.path().join("a.mp4");
        assert_eq!(store.load(&path).unwrap(), None);
        let mut s = UploadState {
            version: 1,
            path: path.clone(),
            size: 25,
            mtime_ns: "1700000000123456789".into(),
            kind: MediaKind::Video,
            media_id: "v1".into(),
            title: "a".into(),
            address: UploadAddress { endpoint: "https://e".into(), bucket: "b".into(), file_name: "k".into() },
            upload_id: Some("U".into()),
            part_size: 10,
            parts: BTreeMap::new(),
            started: 1,
        };
        s.parts.insert(2, "AB".into());
        store.save(&s).unwrap();
        assert_eq!(store.load(&path).unwrap(), Some(s.clone()));
        assert_eq!((s.part_count(), s.part_range(3), s.confirmed_bytes()), (3, (20, 5), 10));
        assert_eq!(store.list().len(), 1);
        std::fs::write(store.file(&path), b"{").unwrap();
        assert!(store.load(&path).unwrap_err().contains("damaged"));
        store.remove(&path);
        assert_eq!(store.load(&path).unwrap(), None);
    }
}
