//! Resumable upload state, one small JSON file per local file in `<data>/uploads/`, replaced
//! atomically each time a part is confirmed. It holds what is needed to continue (VideoId,
//! UploadAddress, UploadId, part size, confirmed parts) and what tells whether the file changed
//! (size, modification time, a check of each confirmed part's bytes). Never the temporary
//! credentials: a resume asks for new ones.
//!
//! A state file is read bounded (a regular file of at most a few MB) and checked before it is
//! trusted: a part size outside OSS's limits, too many parts or parts outside the file make it
//! unusable, never a reason to send a wrong object. An advisory lock beside it lets one
//! upload of a file run at a time.

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
    /// Part number -> a check of the bytes sent (see [`super::resume::check_of`]), so a resume
    /// can tell cheaply that those bytes are still the file's. Absent in older states.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub checks: BTreeMap<u32, String>,
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

    /// Why this state cannot be what vodcut wrote for an upload (a damaged or tampered file):
    /// resuming it could send a wrong object, or report an upload done that is not.
    pub fn problem(&self) -> Option<String> {
        use crate::t;
        let hex = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_hexdigit());
        let multipart = self.upload_id.is_some() || self.part_size < self.size;
        if self.version != 1 {
            return Some(t!("cloud-state-bad-version", version = self.version));
        }
        if self.size == 0 {
            return Some(t!("cloud-state-bad-size"));
        }
        if multipart && !(MIN_PART..=MAX_PART).contains(&self.part_size) {
            return Some(t!(
                "cloud-state-bad-part-size",
                size = self.part_size.to_string(),
                min = MIN_PART.to_string(),
                max = MAX_PART.to_string()
            ));
        }
        if !multipart && self.part_size != self.size {
            return Some(t!("cloud-state-bad-part-size-single", size = self.part_size.to_string()));
        }
        if multipart && self.size.div_ceil(self.part_size) > u64::from(MAX_PARTS) {
            return Some(t!("cloud-state-too-many-parts", max = MAX_PARTS.to_string()));
        }
        let count = self.part_count();
        if let Some(n) = self.parts.keys().chain(self.checks.keys()).find(|n| **n == 0 || **n > count) {
            return Some(t!("cloud-state-bad-part", n = *n, count = count));
        }
        if let Some((n, _)) = self.parts.iter().find(|(_, e)| !hex(e, 32)) {
            return Some(t!("cloud-state-bad-etag", n = *n));
        }
        let id_like =
            |s: &str| (1..=64).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-');
        if !id_like(&self.media_id) {
            return Some(t!("cloud-state-bad-media"));
        }
        None
    }
}

/// OSS's limits on a multipart upload: parts of at least 100 KB (all but the last) and at
/// most 5 GB, at most 10 000 of them.
pub const MIN_PART: u64 = 100 * 1024;
pub const MAX_PART: u64 = 5 * 1024 * 1024 * 1024;
pub const MAX_PARTS: u32 = 10_000;

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

    /// The saved state of `path`, if any. A state file that cannot be read, or whose content
    /// cannot be a real upload's, is reported (what is wrong, where), not trusted.
    pub fn load(&self, path: &Path) -> Result<Option<UploadState>, String> {
        let file = self.file(path);
        let shown = file.display().to_string();
        let bytes = match crate::store::input::read_state(&file, crate::store::input::MAX_STATE_BYTES) {
            Ok(Some(b)) => b,
            Ok(None) => return Ok(None),
            Err(error) => return Err(crate::t!("cloud-state-unreadable", file = shown, error = error)),
        };
        match serde_json::from_slice::<UploadState>(&bytes) {
            Ok(s) if s.path != path => Ok(None), // another path with the same hash: not ours
            Ok(s) => match s.problem() {
                Some(error) => Err(crate::t!("cloud-state-damaged", file = shown, error = error)),
                None => Ok(Some(s)),
            },
            Err(e) => Err(crate::t!("cloud-state-damaged", file = shown, error = e.to_string())),
        }
    }

    /// Renames an unusable state file to `NAME.unreadable` (replacing an older one there), so
    /// that a new upload can start while what was there is kept to look at. Returns the new
    /// name.
    pub fn move_aside(&self, path: &Path) -> std::io::Result<PathBuf> {
        let file = self.file(path);
        let aside = file.with_extension("json.unreadable");
        std::fs::rename(&file, &aside)?;
        Ok(aside)
    }

    /// Takes the upload of `path` for this process: `Ok(None)` when another upload of the same
    /// file (another window, another command) holds it. Released when the lock is dropped.
    pub fn lock(&self, path: &Path) -> Result<Option<UploadLock>, String> {
        std::fs::create_dir_all(&self.dir).map_err(|e| {
            crate::t!("cloud-state-no-folder", folder = self.dir.display().to_string(), error = e.to_string())
        })?;
        let at = self.file(path).with_extension("lock");
        let failed = |e: std::io::Error| {
            crate::t!("cloud-state-no-lock", file = at.display().to_string(), error = e.to_string())
        };
        // A holder removes the lock file as it lets go: retry when the file we locked was
        // removed meanwhile (another process may have made and locked a new one).
        for _ in 0..100 {
            let file =
                std::fs::OpenOptions::new().create(true).truncate(false).write(true).open(&at).map_err(failed)?;
            match file.try_lock() {
                Ok(()) => {}
                Err(std::fs::TryLockError::WouldBlock) => return Ok(None),
                Err(std::fs::TryLockError::Error(e)) => return Err(failed(e)),
            }
            if same_file(&file, &at) {
                return Ok(Some(UploadLock { file, path: at }));
            }
        }
        Err(failed(std::io::Error::other("the lock file keeps changing")))
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

    /// Every usable saved state (unfinished uploads), for listing.
    pub fn list(&self) -> Vec<UploadState> {
        let Ok(entries) = std::fs::read_dir(&self.dir) else { return vec![] };
        let limit = crate::store::input::MAX_STATE_BYTES;
        entries
            .flatten()
            .filter(|e| e.path().extension().is_some_and(|x| x == "json"))
            .filter_map(|e| crate::store::input::read_state(&e.path(), limit).ok()?)
            .filter_map(|b| serde_json::from_slice::<UploadState>(&b).ok())
            .filter(|s| s.problem().is_none())
            .collect()
    }
}

/// The upload of one file, held by this process (see [`StateStore::lock`]).
pub struct UploadLock {
    file: std::fs::File,
    path: PathBuf,
}

impl Drop for UploadLock {
    fn drop(&mut self) {
        // Removed while still held, so no one can lock this file after we are done with it;
        // a process that opened it before then finds it removed and tries again.
        if cfg!(unix) {
            let _ = std::fs::remove_file(&self.path);
        }
        let _ = self.file.unlock();
    }
}

/// `file` is what `path` names now.
fn same_file(file: &std::fs::File, path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        match (file.metadata(), std::fs::metadata(path)) {
            (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
            _ => false,
        }
    }
    #[cfg(not(unix))]
    {
        let _ = (file, path);
        true
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
        let mib = 1024 * 1024;
        let mut s = state(&path, 2 * mib + mib / 2, mib);
        s.parts.insert(2, "0123456789ABCDEF0123456789ABCDEF".into());
        store.save(&s).unwrap();
        assert_eq!(store.load(&path).unwrap(), Some(s.clone()));
        assert_eq!((s.part_count(), s.part_range(3), s.confirmed_bytes()), (3, (2 * mib, mib / 2), mib));
        assert_eq!(store.list().len(), 1);
        std::fs::write(store.file(&path), b"{").unwrap();
        assert!(store.load(&path).unwrap_err().contains("cannot be used: EOF"));
        store.remove(&path);
        assert_eq!(store.load(&path).unwrap(), None);
    }

    fn state(path: &Path, size: u64, part_size: u64) -> UploadState {
        UploadState {
            version: 1,
            path: path.to_owned(),
            size,
            mtime_ns: "1".into(),
            kind: MediaKind::Video,
            media_id: "0123456789abcdef0123456789abcdef".into(),
            title: "a".into(),
            address: UploadAddress { endpoint: "https://e".into(), bucket: "b".into(), file_name: "k".into() },
            upload_id: Some("U".into()),
            part_size,
            parts: BTreeMap::new(),
            checks: BTreeMap::new(),
            started: 1,
        }
    }

    #[test]
    fn a_tampered_state_is_unusable_with_the_reason() {
        let dir = tempfile::tempdir().unwrap();
        let store = StateStore::new(dir.path());
        let path = dir.path().join("a.mp4");
        let mib = 1024 * 1024;
        let good = state(&path, 30 * mib, 8 * mib);
        store.save(&good).unwrap();
        assert_eq!(store.load(&path).unwrap(), Some(good.clone()));
        assert_eq!(store.list().len(), 1);
        let cases: Vec<(UploadState, &str)> = vec![
            (UploadState { part_size: 0, ..good.clone() }, "part size 0"),
            (UploadState { part_size: 1, ..good.clone() }, "part size 1"),
            // With one part "covering" 30 MB, the first 8 MiB part would complete the object.
            (UploadState { part_size: u64::MAX, ..good.clone() }, "part size 18446744073709551615"),
            (UploadState { part_size: 200 * 1024, size: 1 << 40, ..good.clone() }, "more than 10000 parts"),
            (UploadState { version: 7, ..good.clone() }, "version 7"),
            (UploadState { media_id: "../x".into(), ..good.clone() }, "MediaId"),
            (UploadState { parts: [(5, "A".repeat(32))].into(), ..good.clone() }, "part 5"),
            (UploadState { parts: [(1, "x".into())].into(), ..good.clone() }, "ETag"),
            (UploadState { upload_id: None, part_size: 31 * mib, ..good.clone() }, "one request"),
        ];
        for (bad, says) in cases {
            store.save(&bad).unwrap();
            let e = store.load(&path).unwrap_err();
            assert!(e.contains(says) && e.contains(&store.file(&path).display().to_string()), "{says}: {e}");
            assert!(store.list().is_empty(), "{says}");
        }
        // A FIFO in its place is refused at once, and can be moved aside.
        std::fs::remove_file(store.file(&path)).unwrap();
        crate::store::atomic::tests::mkfifo(&store.file(&path));
        assert!(store.load(&path).unwrap_err().contains("FIFO"));
        let aside = store.move_aside(&path).unwrap();
        assert!(aside.to_string_lossy().ends_with(".json.unreadable"));
        assert_eq!(store.load(&path).unwrap(), None);
    }

    #[test]
    fn one_upload_of_a_file_at_a_time() {
        let dir = tempfile::tempdir().unwrap();
        let store = StateStore::new(dir.path());
        let (a, b) = (dir.path().join("a.mp4"), dir.path().join("b.mp4"));
        let held = store.lock(&a).unwrap().expect("free");
        assert!(store.lock(&a).unwrap().is_none(), "held elsewhere");
        let other = store.lock(&b).unwrap();
        assert!(other.is_some(), "another file is free");
        drop(held);
        assert!(store.lock(&a).unwrap().is_some(), "free again once dropped");
    }
}
