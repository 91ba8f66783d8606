//! What a project file was when the editor last read or wrote it: its size, modification time
//! and a hash of its content. Before saving over it (and when its window comes back to the
//! front) the editor compares the file with its stamp, off the UI thread: a file changed
//! meanwhile (`vodcut submit` saving a ProjectId into it, another editor, a sync tool) is
//! never overwritten without asking.
//!
//! The hash decides: a copy with the same size and time but other content (`cp -p`,
//! `rsync -a`) is a change, and a file only touched is not.

use super::input::{self, ReadError};
use sha2::{Digest, Sha256};
use std::path::Path;
use std::time::SystemTime;

#[derive(Clone, PartialEq, Eq)]
pub struct Stamp {
    pub len: u64,
    pub modified: Option<SystemTime>,
    pub hash: [u8; 32],
}

impl std::fmt::Debug for Stamp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let short: String = self.hash[..6].iter().map(|b| format!("{b:02x}")).collect();
        write!(f, "Stamp({} bytes, {:?}, {short}…)", self.len, self.modified) // i18n-exempt: Debug, for developers
    }
}

impl Stamp {
    /// The stamp of content `bytes` written or read at `modified`.
    pub fn of_bytes(bytes: &[u8], modified: Option<SystemTime>) -> Stamp {
        Stamp { len: bytes.len() as u64, modified, hash: Sha256::digest(bytes).into() }
    }
}

/// The modification time of the file at `path` (through links), if it can be had.
pub fn modified(path: &Path) -> Option<SystemTime> {
    std::fs::metadata(path).and_then(|m| m.modified()).ok()
}

/// How the file compares with its stamp.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Change {
    /// As stamped.
    Same,
    /// The same content with another time (touched, or copied back): the new stamp.
    Touched(Stamp),
    /// Other content.
    Changed,
    /// Nothing there any more (moved away or deleted): saving would not replace anything.
    Gone,
    /// It cannot be read now (a folder or device took its place, permissions, too large):
    /// not knowing is treated as a change by callers that would overwrite.
    Unreadable(String),
}

/// The stamp of the file at `path` now, hashed as it is read (a megabyte at a time, within
/// vodcut's read limit: never the whole file in memory).
pub fn of_file(path: &Path) -> Result<Stamp, ReadError> {
    use std::io::Read;
    let before = modified(path);
    let (file, _) = input::open_regular(path, input::MAX_INPUT_BYTES)?;
    let mut hasher = Sha256::new();
    let mut reader = file.take(input::MAX_INPUT_BYTES + 1);
    let mut buf = vec![0u8; 1 << 20];
    let mut len = 0u64;
    loop {
        let n = reader.read(&mut buf)?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
        len += n as u64;
    }
    if len > input::MAX_INPUT_BYTES {
        return Err(ReadError::TooLarge);
    }
    Ok(Stamp { len, modified: before, hash: hasher.finalize().into() })
}

/// Compares the file at `path` with `known`. Reads it whole to hash it: call it off the UI
/// thread.
pub fn compare(path: &Path, known: &Stamp) -> Change {
    let now = match of_file(path) {
        Ok(s) => s,
        Err(ReadError::Io(e)) if e.kind() == std::io::ErrorKind::NotFound => return Change::Gone,
        Err(e) => return Change::Unreadable(e.to_string()),
    };
    if now.len != known.len || now.hash != known.hash {
        Change::Changed
    } else if now.modified != known.modified {
        Change::Touched(now)
    } else {
        Change::Same
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_content_decides_not_the_time() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.vodcut");
        std::fs::write(&path, b"{\"FormatVersion\":1}").unwrap();
        let stamp = Stamp::of_bytes(&std::fs::read(&path).unwrap(), modified(&path));
        assert_eq!(of_file(&path).unwrap(), stamp, "hashed as read: the same stamp");
        assert_eq!(compare(&path, &stamp), Change::Same);
        // Touched: the same content at another time.
        let later = SystemTime::now() + std::time::Duration::from_secs(60);
        std::fs::File::options().write(true).open(&path).unwrap().set_modified(later).unwrap();
        let Change::Touched(touched) = compare(&path, &stamp) else { panic!("touched") };
        assert_eq!(touched.hash, stamp.hash);
        // Same size and time, other content (cp -p, rsync -a): a change.
        std::fs::write(&path, b"{\"FormatVersion\":2}").unwrap();
        std::fs::File::options().write(true).open(&path).unwrap().set_modified(later).unwrap();
        assert_eq!(compare(&path, &touched), Change::Changed);
        std::fs::remove_file(&path).unwrap();
        assert_eq!(compare(&path, &touched), Change::Gone);
        std::fs::create_dir(&path).unwrap();
        assert!(matches!(compare(&path, &touched), Change::Unreadable(_)));
        assert!(!format!("{stamp:?}").is_empty());
    }
}
