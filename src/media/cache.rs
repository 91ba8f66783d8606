//! Decoded pictures kept for reuse: in memory, bounded by bytes (least recently used go
//! first), and on disk in the cache folder (frames at preview size, filmstrip thumbnails,
//! waveform peaks), bounded like the covers.

use crate::compose::Image;
use crate::store::thumb_cache::ThumbCache;
use std::collections::{BTreeMap, HashMap};
use std::hash::Hash;
use std::path::Path;

/// Default bound of decoded frames in memory.
pub const DEFAULT_MEMORY_BYTES: usize = 256 * 1024 * 1024;
/// Default bound of the frame and thumbnail cache on disk.
pub const DEFAULT_DISK_BYTES: u64 = 256 * 1024 * 1024;

/// Pictures by key, at most `max_bytes` of pixels.
pub struct MemCache<K> {
    max_bytes: usize,
    bytes: usize,
    tick: u64,
    map: HashMap<K, (Image, u64)>,
    order: BTreeMap<u64, K>,
}

impl<K: Clone + Eq + Hash> MemCache<K> {
    pub fn new(max_bytes: usize) -> Self {
        MemCache { max_bytes, bytes: 0, tick: 0, map: HashMap::new(), order: BTreeMap::new() }
    }

    pub fn bytes(&self) -> usize {
        self.bytes
    }

    pub fn len(&self) -> usize {
        self.map.len()
    }

    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    pub fn get(&mut self, k: &K) -> Option<Image> {
        self.tick += 1;
        let tick = self.tick;
        let (img, used) = self.map.get_mut(k)?;
        self.order.remove(used);
        *used = tick;
        self.order.insert(tick, k.clone());
        Some(img.clone())
    }

    /// Keeps `img` (a picture larger than the whole bound is not kept).
    pub fn put(&mut self, k: K, img: Image) {
        if img.bytes() > self.max_bytes {
            return;
        }
        if let Some((old, used)) = self.map.remove(&k) {
            self.order.remove(&used);
            self.bytes -= old.bytes();
        }
        while self.bytes + img.bytes() > self.max_bytes {
            let Some((_, oldest)) = self.order.pop_first() else { break };
            if let Some((old, _)) = self.map.remove(&oldest) {
                self.bytes -= old.bytes();
            }
        }
        self.tick += 1;
        self.bytes += img.bytes();
        self.order.insert(self.tick, k.clone());
        self.map.insert(k, (img, self.tick));
    }
}

/// Frames and thumbnails on disk: a small header and the raw pixels (decoding them again is
/// a copy, no codec).
#[derive(Clone, Debug)]
pub struct DiskCache {
    store: ThumbCache,
}

const MAGIC: &[u8; 4] = b"VCF1";

impl DiskCache {
    pub fn new(cache_dir: &Path, max_bytes: u64) -> Self {
        DiskCache { store: ThumbCache::in_folder(cache_dir, "frames", max_bytes) }
    }

    pub fn get(&self, key: &str) -> Option<Image> {
        let b = self.store.get(key)?;
        if b.len() < 12 || &b[..4] != MAGIC {
            return None;
        }
        let w = u32::from_le_bytes(b[4..8].try_into().ok()?);
        let h = u32::from_le_bytes(b[8..12].try_into().ok()?);
        Image::new(w, h, b[12..].to_vec())
    }

    pub fn put(&self, key: &str, img: &Image) {
        let mut b = Vec::with_capacity(img.bytes() + 12);
        b.extend_from_slice(MAGIC);
        b.extend_from_slice(&img.width.to_le_bytes());
        b.extend_from_slice(&img.height.to_le_bytes());
        b.extend_from_slice(&img.rgba);
        if let Err(e) = self.store.put(key, &b) {
            log::info!("frame cache: {e}");
        }
    }

    pub fn get_bytes(&self, key: &str) -> Option<Vec<u8>> {
        self.store.get(key)
    }

    pub fn put_bytes(&self, key: &str, bytes: &[u8]) {
        if let Err(e) = self.store.put(key, bytes) {
            log::info!("frame cache: {e}");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn memory_stays_under_the_bound_and_drops_the_least_recently_used() {
        let mut c = MemCache::new(3 * 400);
        for k in 0..3 {
            c.put(k, Image::filled(10, 10, [k as u8, 0, 0, 255]));
        }
        assert!(c.get(&0).is_some());
        c.put(3, Image::filled(10, 10, [3, 0, 0, 255]));
        assert!(c.bytes() <= 1200 && c.len() == 3);
        assert!(c.get(&1).is_none(), "1 was the least recently used");
        assert!(c.get(&0).is_some() && c.get(&3).is_some());
        c.put(9, Image::filled(100, 100, [0; 4]));
        assert!(c.get(&9).is_none(), "too big for the bound");
    }

    #[test]
    fn disk_round_trip() {
        let dir = tempfile::tempdir().unwrap();
        let d = DiskCache::new(dir.path(), 1 << 20);
        let img = Image::filled(3, 2, [1, 2, 3, 4]);
        d.put("frame/a/1/320", &img);
        assert_eq!(d.get("frame/a/1/320"), Some(img));
        assert!(d.get("frame/a/2/320").is_none());
    }
}
