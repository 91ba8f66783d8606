//! Atomic file replacement: temp file beside the real file, fsync, rename.
//!
//! What a path points at is never destroyed: a symlink is saved through (the link stays, its
//! target gets the new content), anything that is not a regular file (device, FIFO, folder,
//! socket) is refused, the old file's mode and owner carry over to the new one, and a
//! read-only file is replaced only when the caller says so.

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// How many previous versions a save with backups keeps: `<name>.bak` (the newest), then
/// `<name>.bak.2` ... `<name>.bak.N`.
pub const BACKUPS: usize = 3;

/// Why a save was refused or failed.
#[derive(Debug)]
pub enum WriteError {
    Io(io::Error),
    /// The path names something other than a regular file: replacing it would destroy it.
    /// What it is, as a catalog key (see [`kind_of`]).
    NotRegular(&'static str),
    /// The file is read-only and the caller did not ask to replace read-only files.
    ReadOnly,
}

impl std::fmt::Display for WriteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            WriteError::Io(e) => write!(f, "{e}"),
            WriteError::NotRegular(kind) => f.write_str(&crate::t!("core-write-not-regular", kind = kind_words(kind))),
            WriteError::ReadOnly => f.write_str(&crate::t!("core-write-read-only")),
        }
    }
}

impl std::error::Error for WriteError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            WriteError::Io(e) => Some(e),
            _ => None,
        }
    }
}

impl From<io::Error> for WriteError {
    fn from(e: io::Error) -> Self {
        WriteError::Io(e)
    }
}

impl From<WriteError> for io::Error {
    fn from(e: WriteError) -> io::Error {
        match e {
            WriteError::Io(e) => e,
            other => io::Error::new(io::ErrorKind::InvalidInput, other.to_string()),
        }
    }
}

/// Options of [`write_atomic_opts`].
#[derive(Clone, Copy, Debug, Default)]
pub struct WriteOptions {
    /// Previous versions to keep beside the file (0: none; see [`BACKUPS`]).
    pub backups: usize,
    /// Replace a read-only file (keeping it read-only) instead of refusing.
    pub replace_read_only: bool,
}

/// Writes `bytes` to `path` so that a crash at any moment leaves either the old content or the
/// new, complete content. With `keep_backup`, the previous versions stay as `<name>.bak`,
/// `<name>.bak.2`... ([`BACKUPS`] of them).
pub fn write_atomic(path: &Path, bytes: &[u8], keep_backup: bool) -> io::Result<()> {
    let options = WriteOptions { backups: if keep_backup { BACKUPS } else { 0 }, replace_read_only: false };
    write_atomic_opts(path, options, |f| f.write_all(bytes)).map_err(io::Error::from)
}

/// As [`write_atomic`], with the content written by `fill` (tests use it to fail midway).
pub fn write_atomic_with(
    path: &Path,
    keep_backup: bool,
    fill: impl FnOnce(&mut File) -> io::Result<()>,
) -> io::Result<()> {
    let options = WriteOptions { backups: if keep_backup { BACKUPS } else { 0 }, replace_read_only: false };
    write_atomic_opts(path, options, fill).map_err(io::Error::from)
}

/// The file a save to `path` really replaces: `path` itself, or the end of its chain of
/// symlinks (which need not exist yet: saving through a dangling link creates its target).
pub fn resolve_target(path: &Path) -> io::Result<PathBuf> {
    let mut p = path.to_owned();
    // The kernel's own limit on nested links (ELOOP) is 40.
    for _ in 0..40 {
        match fs::symlink_metadata(&p) {
            Ok(m) if m.file_type().is_symlink() => {
                let target = fs::read_link(&p)?;
                p = match p.parent() {
                    Some(dir) if target.is_relative() => dir.join(target),
                    _ => target,
                };
            }
            _ => return Ok(p),
        }
    }
    Err(io::Error::new(io::ErrorKind::InvalidInput, crate::t!("core-too-many-links")))
}

/// What kind of thing a non-regular file is: the catalog key of its words (shown with
/// [`kind_words`]).
pub fn kind_of(ft: fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if ft.is_fifo() {
            return "file-kind-fifo";
        }
        if ft.is_char_device() || ft.is_block_device() {
            return "file-kind-device";
        }
        if ft.is_socket() {
            return "file-kind-socket";
        }
    }
    if ft.is_dir() { "file-kind-folder" } else { "core-file-kind-other" }
}

/// "a device", "a FIFO (named pipe)": what [`kind_of`] found, in the current language.
pub fn kind_words(kind: &str) -> String {
    crate::i18n::tr(kind)
}

/// The general form: see [`WriteOptions`].
pub fn write_atomic_opts(
    path: &Path,
    options: WriteOptions,
    fill: impl FnOnce(&mut File) -> io::Result<()>,
) -> Result<(), WriteError> {
    let target = resolve_target(path)?;
    let existing = match fs::metadata(&target) {
        Ok(m) if !m.is_file() => return Err(WriteError::NotRegular(kind_of(m.file_type()))),
        Ok(m) => Some(m),
        Err(e) if e.kind() == io::ErrorKind::NotFound => None,
        Err(e) => return Err(e.into()),
    };
    if let Some(m) = &existing
        && !options.replace_read_only
        && is_read_only(&target, m)
    {
        return Err(WriteError::ReadOnly);
    }
    let dir = match target.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_owned(),
        _ => PathBuf::from("."),
    };
    let name = target
        .file_name()
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, crate::t!("core-no-file-name")))?;
    let tmp = dir.join(format!(".{}.tmp-{}-{}", name.to_string_lossy(), std::process::id(), unique()));
    let result = (|| {
        let mut file = fs::OpenOptions::new().write(true).create_new(true).open(&tmp)?;
        if let Some(m) = &existing {
            keep_owner_and_mode(&file, m)?;
        }
        fill(&mut file)?;
        file.sync_all()?;
        drop(file);
        if options.backups > 0 && existing.is_some() {
            keep_backups(&target, options.backups)?;
        }
        fs::rename(&tmp, &target)?;
        sync_dir(&dir);
        remove_stale_temps(&dir);
        Ok(())
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result.map_err(WriteError::Io)
}

/// The `n`th backup of `target` (1 = the newest, `<name>.bak`).
pub fn backup_name(target: &Path, n: usize) -> PathBuf {
    let mut name = target.file_name().unwrap_or_default().to_os_string();
    name.push(".bak");
    if n > 1 {
        name.push(format!(".{n}"));
    }
    target.with_file_name(name)
}

/// Shifts the backups one generation older and makes the current file the newest backup.
/// Hard links keep the old content at no copying cost (and with its mode and owner); where
/// links are not supported, copy.
fn keep_backups(target: &Path, generations: usize) -> io::Result<()> {
    for n in (1..generations).rev() {
        let from = backup_name(target, n);
        if fs::symlink_metadata(&from).is_ok() {
            fs::rename(&from, backup_name(target, n + 1))?;
        }
    }
    let newest = backup_name(target, 1);
    let _ = fs::remove_file(&newest);
    if fs::hard_link(target, &newest).is_err() {
        fs::copy(target, &newest)?;
    }
    Ok(())
}

#[cfg(unix)]
fn keep_owner_and_mode(file: &File, old: &fs::Metadata) -> io::Result<()> {
    use std::os::unix::fs::MetadataExt;
    // Best effort: only root (or the owner, for a group it belongs to) may give the file away;
    // otherwise the new file is ours, as with any editor that saves by renaming.
    let _ = std::os::unix::fs::fchown(file, Some(old.uid()), Some(old.gid()));
    // After the chown, which may clear set-id bits.
    file.set_permissions(old.permissions())
}

#[cfg(not(unix))]
fn keep_owner_and_mode(file: &File, old: &fs::Metadata) -> io::Result<()> {
    file.set_permissions(old.permissions())
}

/// Read-only for us: no write permission bit for anyone, or (not root) the kernel says we may
/// not write it.
#[cfg(unix)]
fn is_read_only(path: &Path, m: &fs::Metadata) -> bool {
    use std::os::unix::ffi::OsStrExt;
    use std::os::unix::fs::PermissionsExt;
    if m.permissions().mode() & 0o222 == 0 {
        return true;
    }
    let Ok(c) = std::ffi::CString::new(path.as_os_str().as_bytes()) else { return false };
    // SAFETY: `c` is a valid NUL-terminated path that outlives the call.
    unsafe { libc::access(c.as_ptr(), libc::W_OK) != 0 }
}

#[cfg(not(unix))]
fn is_read_only(_path: &Path, m: &fs::Metadata) -> bool {
    m.permissions().readonly()
}

/// True for the name of a temp file this module writes: `.<name>.tmp-<pid>-<n>`.
fn is_our_temp(name: &str) -> bool {
    let Some(rest) = name.strip_prefix('.') else { return false };
    let Some((base, tail)) = rest.rsplit_once(".tmp-") else { return false };
    let Some((pid, n)) = tail.split_once('-') else { return false };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    !base.is_empty() && digits(pid) && digits(n)
}

/// A save killed before its rename leaves its temp file behind. Remove such leftovers in the
/// folder, whatever file they were for, once they are old enough that no save can still be
/// writing them.
fn remove_stale_temps(dir: &Path) {
    let Ok(entries) = fs::read_dir(dir) else { return };
    let cutoff = std::time::SystemTime::now() - std::time::Duration::from_secs(600);
    for e in entries.flatten() {
        let stale = is_our_temp(&e.file_name().to_string_lossy())
            && e.metadata().is_ok_and(|m| m.is_file() && m.modified().is_ok_and(|t| t < cutoff));
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
pub(crate) mod tests;
