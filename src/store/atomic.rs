//! Atomic file replacement: temp file in the same folder, fsync, rename.

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Writes `bytes` to `path` so that a crash at any moment leaves either the old content or the
/// new, complete content. With `keep_backup`, the old file (if any) stays as `<name>.bak`.
pub fn write_atomic(path: &Path, bytes: &[u8], keep_backup: bool) -> io::Result<()> {
    write_atomic_with(path, keep_backup, |f| f.write_all(bytes))
}

/// As [`write_atomic`], with the content written by `fill` (tests use it to fail midway).
pub fn write_atomic_with(
    path: &Path,
    keep_backup: bool,
    fill: impl FnOnce(&mut File) -> io::Result<()>,
) -> io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_owned(),
        _ => PathBuf::from("."),
    };
    let name = path.file_name().ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "no file name"))?;
    let tmp = dir.join(format!(".{}.tmp-{}-{}", name.to_string_lossy(), std::process::id(), unique()));
    let result = (|| {
        let mut file = fs::OpenOptions::new().write(true).create_new(true).open(&tmp)?;
        fill(&mut file)?;
        file.sync_all()?;
        drop(file);
        if keep_backup && path.exists() {
            let backup = super::project_file::backup_path(path);
            // A hard link keeps the old content under the backup name at no copying cost;
            // where links are not supported, copy.
            let _ = fs::remove_file(&backup);
            if fs::hard_link(path, &backup).is_err() {
                fs::copy(path, &backup)?;
            }
        }
        fs::rename(&tmp, path)?;
        sync_dir(&dir);
        remove_stale_temps(&dir, &name.to_string_lossy());
        Ok(())
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}

/// A save killed before its rename leaves its temp file behind. Remove such leftovers of the
/// same file once they are old enough that no save can still be writing them.
fn remove_stale_temps(dir: &Path, name: &str) {
    let prefix = format!(".{name}.tmp-");
    let Ok(entries) = fs::read_dir(dir) else { return };
    let cutoff = std::time::SystemTime::now() - std::time::Duration::from_secs(600);
    for e in entries.flatten() {
        let stale = e.file_name().to_string_lossy().starts_with(&prefix)
            && e.metadata().and_then(|m| m.modified()).is_ok_and(|m| m < cutoff);
        if stale {
            let _ = fs::remove_file(e.path());
        }
    }
}

fn unique() -> u64 {
    use std::sync::atomic::{AtomicU64, Ordering};
    static NEXT: AtomicU64 = AtomicU64::new(0);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

/// Makes the rename itself durable. Best effort: not every platform can open a folder.
fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failure_midway_leaves_the_old_file_intact() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.vodcut");
        fs::write(&path, b"old complete content").unwrap();
        let r = write_atomic_with(&path, true, |f| {
            f.write_all(b"new half")?;
            Err(io::Error::other("disk full"))
        });
        assert!(r.is_err());
        assert_eq!(fs::read(&path).unwrap(), b"old complete content");
        let names: Vec<_> = fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(names, vec![std::ffi::OsString::from("p.vodcut")], "temp file cleaned up");
    }

    #[test]
    fn leftovers_of_killed_saves_are_cleaned_up_once_old() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.vodcut");
        let old = dir.path().join(".p.vodcut.tmp-999-0");
        let fresh = dir.path().join(".p.vodcut.tmp-998-0");
        let other = dir.path().join(".q.vodcut.tmp-997-0");
        for f in [&old, &fresh, &other] {
            fs::write(f, b"partial").unwrap();
        }
        let hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
        for f in [&old, &other] {
            File::options().write(true).open(f).unwrap().set_modified(hour_ago).unwrap();
        }
        write_atomic(&path, b"new", true).unwrap();
        assert!(!old.exists(), "an old leftover of this file goes");
        assert!(fresh.exists(), "a recent one may be another save in progress");
        assert!(other.exists(), "other files' leftovers are not ours to judge");
    }

    #[test]
    fn writes_into_a_missing_folder_fail_cleanly() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("no/such/folder/p.vodcut");
        assert!(write_atomic(&path, b"x", true).is_err());
    }
}
