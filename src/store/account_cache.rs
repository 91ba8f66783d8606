//! The account's lists (template groups, categories, applications) kept in the cache folder,
//! one file per account and region: named by a hash of the AccessKey ID (never the secret,
//! nor the ID itself: the folder may be shared or backed up) and the region, so another
//! account or region never shows this one's lists.

use super::atomic::write_atomic;
use crate::model::account::AccountLists;
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};

/// A cache file bigger than this is not read (thousands of categories fit in far less).
pub const MAX_BYTES: u64 = 4 * 1024 * 1024;

#[derive(Clone, Debug)]
pub struct AccountCache {
    file: PathBuf,
}

impl AccountCache {
    /// The cache of the account `access_key_id` in `region`, in `cache_dir/account/`.
    pub fn new(cache_dir: &Path, access_key_id: &str, region: &str) -> Self {
        let hash = Sha256::digest(access_key_id.as_bytes());
        let hex: String = hash.iter().take(12).map(|b| format!("{b:02x}")).collect();
        // A region is letters, digits and dashes; anything else cannot name a folder.
        let region: String = region.chars().filter(|c| c.is_ascii_alphanumeric() || *c == '-').take(40).collect();
        AccountCache { file: cache_dir.join("account").join(format!("{hex}-{region}.json")) } // i18n-exempt: file names
    }

    pub fn path(&self) -> &Path {
        &self.file
    }

    /// The lists last saved, if any can be read (a damaged file is as none: they are fetched
    /// again).
    pub fn load(&self) -> Option<AccountLists> {
        let bytes = super::input::read_state(&self.file, MAX_BYTES).ok()??;
        serde_json::from_slice(&bytes).ok()
    }

    pub fn save(&self, lists: &AccountLists) -> std::io::Result<()> {
        if let Some(dir) = self.file.parent() {
            std::fs::create_dir_all(dir)?;
        }
        let bytes = serde_json::to_vec(lists).map_err(std::io::Error::other)?;
        write_atomic(&self.file, &bytes, false)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::account::AppInfo;

    #[test]
    fn lists_are_kept_per_account_and_region_and_never_name_the_key() {
        let dir = tempfile::tempdir().unwrap();
        let a = AccountCache::new(dir.path(), "LTAI5tAccountOne", "cn-shanghai");
        let lists = AccountLists {
            fetched: 7,
            apps: vec![AppInfo { app_id: "app-1".into(), ..Default::default() }],
            ..Default::default()
        };
        a.save(&lists).unwrap();
        assert_eq!(a.load(), Some(lists));
        assert!(!a.path().to_string_lossy().contains("LTAI5t"), "{}", a.path().display());
        assert_eq!(AccountCache::new(dir.path(), "LTAI5tAccountTwo", "cn-shanghai").load(), None);
        assert_eq!(AccountCache::new(dir.path(), "LTAI5tAccountOne", "cn-beijing").load(), None);
        std::fs::write(a.path(), b"{not json").unwrap();
        assert_eq!(a.load(), None, "a damaged file is as none");
    }
}
