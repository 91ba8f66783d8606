//! Cover thumbnails cached on disk in the platform cache folder, bounded in size; the least
//! recently used go first.

use super::atomic::write_atomic;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

pub const DEFAULT_MAX_BYTES: u64 = 64 * 1024 * 1024;

#[derive(Clone, Debug)]
pub struct ThumbCache {
    dir: PathBuf,
    max_bytes: u64,
}

impl ThumbCache {
    pub fn new(cache_dir: &Path, max_bytes: u64) -> Self {
        Self::in_folder(cache_dir, "thumbs", max_bytes) // i18n-exempt: a folder name
    }

    /// A cache of its own in `cache_dir/folder` (frames, filmstrip thumbnails, peaks), with
    /// its own bound.
    pub fn in_folder(cache_dir: &Path, folder: &str, max_bytes: u64) -> Self {
        ThumbCache { dir: cache_dir.join(folder), max_bytes }
    }

    /// The file for a URL. The query is left out of the key: CDN cover URLs carry expiring
    /// auth parameters, and the picture behind them does not change with those.
    fn file(&self, url: &str) -> PathBuf {
        use std::hash::{Hash, Hasher};
        let base = url.split('?').next().unwrap_or(url);
        let mut h = std::collections::hash_map::DefaultHasher::new();
        base.hash(&mut h);
        self.dir.join(format!("{:016x}.img", h.finish()))
    }

    /// The cached bytes, marking them recently used.
    pub fn get(&self, url: &str) -> Option<Vec<u8>> {
        let file = self.file(url);
        // No entry outgrows the whole cache; a FIFO or device planted here is not read.
        let bytes = super::input::read_state(&file, self.max_bytes).ok()??;
        if let Ok(f) = std::fs::File::options().write(true).open(&file) {
            let _ = f.set_modified(SystemTime::now());
        }
        Some(bytes)
    }

    pub fn put(&self, url: &str, bytes: &[u8]) -> std::io::Result<()> {
        std::fs::create_dir_all(&self.dir)?;
        write_atomic(&self.file(url), bytes, false)?;
        self.evict();
        Ok(())
    }

    /// Deletes the least recently used files until the cache is under 90% of its bound.
    pub fn evict(&self) {
        let Ok(entries) = std::fs::read_dir(&self.dir) else { return };
        let mut files: Vec<(SystemTime, u64, PathBuf)> = entries
            .flatten()
            .filter_map(|e| {
                let m = e.metadata().ok()?;
                m.is_file().then(|| (m.modified().unwrap_or(SystemTime::UNIX_EPOCH), m.len(), e.path()))
            })
            .collect();
        let mut total: u64 = files.iter().map(|f| f.1).sum();
        if total <= self.max_bytes {
            return;
        }
        files.sort();
        for (_, len, path) in files {
            if total <= self.max_bytes / 10 * 9 {
                break;
            }
            if std::fs::remove_file(&path).is_ok() {
                total -= len;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounded_and_least_recently_used_go_first() {
        let dir = tempfile::tempdir().unwrap();
        let c = ThumbCache::new(dir.path(), 2_500);
        c.put("https://cdn/a.jpg?auth_key=1", &[1; 1000]).unwrap();
        assert_eq!(c.get("https://cdn/a.jpg?auth_key=2").map(|b| b.len()), Some(1000), "same picture, new auth key");
        std::thread::sleep(std::time::Duration::from_millis(20));
        c.put("https://cdn/b.jpg", &[2; 1000]).unwrap();
        std::thread::sleep(std::time::Duration::from_millis(20));
        // Use a again, so b is the least recently used.
        assert!(c.get("https://cdn/a.jpg").is_some());
        std::thread::sleep(std::time::Duration::from_millis(20));
        c.put("https://cdn/c.jpg", &[3; 1000]).unwrap();
        assert!(c.get("https://cdn/b.jpg").is_none(), "b was evicted");
        assert!(c.get("https://cdn/a.jpg").is_some() && c.get("https://cdn/c.jpg").is_some());
    }
}
