//! Atomic file replacement: temp file beside the real file, fsync, rename.
//!
//! What a path points at is never destroyed: a symlink is saved through (the link stays, its
//! target gets the new content), anything that is not a regular file (device, FIFO, folder,
//! socket) is refused, the old file's mode and owner carry over to the new one, and a
//! read-only file is replaced only when the caller says so.
//!
//! Another user on the machine cannot steer a save: the temporary name is random and created
//! exclusively (O_EXCL: never opened through a link someone planted), it stays readable by us
//! only until it takes the final name, and a symlink another user owns in a folder others may
//! write to is not followed ([`may_follow`]), as the kernel's `protected_symlinks` would not
//! follow it in a sticky folder, which a save that resolves links itself would bypass.

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
    /// A symlink on the way is owned by another user, in a folder others may write to: it may
    /// have been planted to redirect the save (see [`may_follow`]).
    UntrustedLink(PathBuf),
}

impl std::fmt::Display for WriteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            WriteError::Io(e) => write!(f, "{e}"),
            WriteError::NotRegular(kind) => f.write_str(&crate::t!("core-write-not-regular", kind = kind_words(kind))),
            WriteError::ReadOnly => f.write_str(&crate::t!("core-write-read-only")),
            WriteError::UntrustedLink(link) => {
                f.write_str(&crate::t!("core-write-untrusted-link", link = link.display().to_string()))
            }
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
            WriteError::UntrustedLink(_) => io::Error::new(io::ErrorKind::PermissionDenied, e.to_string()),
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
    /// The mode of a new file (default: 0666 less the umask). A replaced file keeps its own.
    pub new_mode: Option<u32>,
}

/// Writes `bytes` to `path` so that a crash at any moment leaves either the old content or the
/// new, complete content. With `keep_backup`, the previous versions stay as `<name>.bak`,
/// `<name>.bak.2`... ([`BACKUPS`] of them).
pub fn write_atomic(path: &Path, bytes: &[u8], keep_backup: bool) -> io::Result<()> {
    let options = WriteOptions { backups: if keep_backup { BACKUPS } else { 0 }, ..Default::default() };
    write_atomic_opts(path, options, |f| f.write_all(bytes)).map_err(io::Error::from)
}

/// As [`write_atomic`], with the content written by `fill` (tests use it to fail midway).
pub fn write_atomic_with(
    path: &Path,
    keep_backup: bool,
    fill: impl FnOnce(&mut File) -> io::Result<()>,
) -> io::Result<()> {
    let options = WriteOptions { backups: if keep_backup { BACKUPS } else { 0 }, ..Default::default() };
    write_atomic_opts(path, options, fill).map_err(io::Error::from)
}

/// The file a save to `path` really replaces: `path` itself, or the end of its chain of
/// symlinks (which need not exist yet: saving through a dangling link creates its target).
/// A link [`may_follow`] refuses is an error (PermissionDenied).
pub fn resolve_target(path: &Path) -> io::Result<PathBuf> {
    resolve_checked(path).map_err(io::Error::from)
}

fn resolve_checked(path: &Path) -> Result<PathBuf, WriteError> {
    let mut p = path.to_owned();
    // The kernel's own limit on nested links (ELOOP) is 40.
    for _ in 0..40 {
        match fs::symlink_metadata(&p) {
            Ok(m) if m.file_type().is_symlink() => {
                if !may_follow(&p, &m) {
                    return Err(WriteError::UntrustedLink(p));
                }
                let target = fs::read_link(&p)?;
                p = match p.parent() {
                    Some(dir) if target.is_relative() => dir.join(target),
                    _ => target,
                };
            }
            _ => return Ok(p),
        }
    }
    Err(io::Error::new(io::ErrorKind::InvalidInput, crate::t!("core-too-many-links")).into())
}

/// The folder `path` is in ("." for a bare name).
fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_owned(),
        _ => PathBuf::from("."),
    }
}

/// Whether a save may follow the symlink at `link` (whose own metadata is `m`). Not when the
/// link belongs to another user and its folder is sticky or writable by group or others:
/// whoever can write there could have planted it to make our save replace a file of ours
/// (the kernel's `protected_symlinks` refuses the sticky case to every open; a save that
/// resolves links itself must refuse it too). Stricter than the kernel: a group-writable
/// folder counts, and the folder's owner gets no exception.
#[cfg(unix)]
pub fn may_follow(link: &Path, m: &fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    let Ok(dir) = fs::metadata(folder_of(link)) else { return false };
    // 0o1000: the sticky bit; 0o022: writable by group or others.
    let shared = dir.mode() & 0o1022 != 0;
    !shared || m.uid() == euid()
}

#[cfg(not(unix))]
pub fn may_follow(_link: &Path, _m: &fs::Metadata) -> bool {
    true
}

#[cfg(unix)]
fn euid() -> u32 {
    // SAFETY: geteuid has no preconditions.
    unsafe { libc::geteuid() }
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
    let mut staged = stage(path, options)?;
    fill(staged.file())?;
    staged.commit().map_err(WriteError::Io)
}

/// A save under way: the new content goes to [`Staged::file`] (a temporary file beside the
/// target), and [`Staged::commit`] puts it in place. Dropped without a commit, the temporary
/// file is removed and the target is untouched.
#[derive(Debug)]
pub struct Staged {
    file: File,
    tmp: PathBuf,
    target: PathBuf,
    existing: Option<fs::Metadata>,
    options: WriteOptions,
    committed: bool,
}

/// Starts a save to `path`: the checks of [`write_atomic_opts`] (what is there, links,
/// read-only) are made now, before any content is produced.
pub fn stage(path: &Path, options: WriteOptions) -> Result<Staged, WriteError> {
    let target = resolve_checked(path)?;
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
    let name = target
        .file_name()
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, crate::t!("core-no-file-name")))?
        .to_owned();
    let (file, tmp) = create_temp(&folder_of(&target), &name.to_string_lossy())?;
    Ok(Staged { file, tmp, target, existing, options, committed: false })
}

impl Staged {
    /// Where the content goes.
    pub fn file(&mut self) -> &mut File {
        &mut self.file
    }

    /// The temporary file's name (random, beside the target).
    pub fn temp_path(&self) -> &Path {
        &self.tmp
    }

    /// The file that will be replaced (the end of the link chain).
    pub fn target(&self) -> &Path {
        &self.target
    }

    /// Keeps `n` previous versions at the commit (see [`BACKUPS`]).
    pub fn set_backups(&mut self, n: usize) {
        self.options.backups = n;
    }

    /// Whether a file was there to replace.
    pub fn existed(&self) -> bool {
        self.existing.is_some()
    }

    /// Flushes the content to disk, gives it the old file's owner and mode (or the default
    /// mode of a new file), keeps the backups asked for, and renames it over the target.
    pub fn commit(mut self) -> io::Result<()> {
        self.file.sync_all()?;
        match &self.existing {
            Some(m) => keep_owner_and_mode(&self.file, m, &self.target)?,
            None => set_new_mode(&self.file, self.options.new_mode)?,
        }
        if self.options.backups > 0 && self.existing.is_some() {
            keep_backups(&self.target, self.options.backups)?;
        }
        fs::rename(&self.tmp, &self.target)?;
        self.committed = true;
        let dir = folder_of(&self.target);
        sync_dir(&dir);
        remove_stale_temps(&dir);
        Ok(())
    }
}

impl Drop for Staged {
    fn drop(&mut self) {
        if !self.committed {
            let _ = fs::remove_file(&self.tmp);
        }
    }
}

/// A new, empty file in `dir` named after `name` with a random tail, created exclusively
/// (never through an existing name or link) and readable by us only until its commit.
fn create_temp(dir: &Path, name: &str) -> io::Result<(File, PathBuf)> {
    let mut last = None;
    // A clash of 64 random bits means someone is guessing; a few tries, then give up.
    for _ in 0..4 {
        let tmp = temp_name(dir, name);
        let mut o = fs::OpenOptions::new();
        o.write(true).create_new(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut o, 0o600);
        match o.open(&tmp) {
            Ok(f) => return Ok((f, tmp)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => last = Some(e),
            Err(e) => return Err(e),
        }
    }
    Err(last.unwrap_or_else(|| io::Error::from(io::ErrorKind::AlreadyExists)))
}

/// `.<name>.tmp-<16 random hex digits>` in `dir`: a name no one can guess in advance.
fn temp_name(dir: &Path, name: &str) -> PathBuf {
    dir.join(format!(".{name}.tmp-{:016x}", random_u64()))
}

/// 64 unpredictable bits (the system's random source; time and counter only if it fails).
pub fn random_u64() -> u64 {
    let mut b = [0u8; 8];
    if getrandom::fill(&mut b).is_ok() {
        return u64::from_le_bytes(b);
    }
    use std::sync::atomic::{AtomicU64, Ordering};
    static NEXT: AtomicU64 = AtomicU64::new(0);
    let t = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_nanos()).unwrap_or(0);
    (t as u64) ^ (u64::from(std::process::id()) << 32) ^ NEXT.fetch_add(1, Ordering::Relaxed).rotate_left(17)
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
///
/// Several saves of one file may run at once (scripts, the editor and a CLI command): a
/// backup another save moved meanwhile is no error, and the newest backup is made under a
/// temporary name and renamed into place, never written by name (that name may be a hard link
/// to the current file, made a moment ago by another save, which a copy would truncate). Hard
/// links keep the old content at no copying cost (and with its mode and owner); where links
/// are not supported, copy.
fn keep_backups(target: &Path, generations: usize) -> io::Result<()> {
    for n in (1..generations).rev() {
        match fs::rename(backup_name(target, n), backup_name(target, n + 1)) {
            Err(e) if e.kind() != io::ErrorKind::NotFound => return Err(e),
            _ => {}
        }
    }
    let newest = backup_name(target, 1);
    let dir = folder_of(target);
    let name = newest.file_name().unwrap_or_default().to_string_lossy().into_owned();
    // link(2) never replaces or follows what is at its new name: exclusive, like O_EXCL.
    let tmp = temp_name(&dir, &name);
    let made = match fs::hard_link(target, &tmp) {
        Ok(()) => Ok(tmp),
        // The file went away meanwhile (another save renamed over it): nothing to keep.
        Err(e) if e.kind() == io::ErrorKind::NotFound && !target.exists() => return Ok(()),
        Err(_) => copy_to_temp(target, &dir, &name),
    };
    let tmp = made?;
    let done = fs::rename(&tmp, &newest);
    // Also after a success: when another save has just made the backup a link to the same
    // file, rename(2) does nothing and leaves `tmp` in place.
    let _ = fs::remove_file(&tmp);
    done
}

/// A copy of `from` (with its mode) under a new temporary name in `dir`.
fn copy_to_temp(from: &Path, dir: &Path, name: &str) -> io::Result<PathBuf> {
    let (mut file, tmp) = create_temp(dir, name)?;
    let copied = (|| {
        let mut src = File::open(from)?;
        io::copy(&mut src, &mut file)?;
        file.set_permissions(src.metadata()?.permissions())?;
        file.sync_all()
    })();
    match copied {
        Ok(()) => Ok(tmp),
        Err(e) => {
            let _ = fs::remove_file(&tmp);
            Err(e)
        }
    }
}

#[cfg(unix)]
fn keep_owner_and_mode(file: &File, old: &fs::Metadata, target: &Path) -> io::Result<()> {
    use std::os::unix::fs::MetadataExt;
    // Best effort: only root (or the owner, for a group it belongs to) may give the file away;
    // otherwise the new file is ours, as with any editor that saves by renaming. Not to a
    // stranger who put the old file in a folder anyone may write to: our output stays ours.
    let stranger = old.uid() != euid() && fs::metadata(folder_of(target)).is_ok_and(|d| d.mode() & 0o022 != 0);
    if !stranger {
        let _ = std::os::unix::fs::fchown(file, Some(old.uid()), Some(old.gid()));
    }
    // After the chown, which may clear set-id bits.
    file.set_permissions(old.permissions())
}

#[cfg(not(unix))]
fn keep_owner_and_mode(file: &File, old: &fs::Metadata, _target: &Path) -> io::Result<()> {
    file.set_permissions(old.permissions())
}

/// A new file gets the mode asked for, else the mode any program's new file gets (0666 less
/// the umask); the temporary file was private until now.
#[cfg(unix)]
fn set_new_mode(file: &File, mode: Option<u32>) -> io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    file.set_permissions(fs::Permissions::from_mode(mode.unwrap_or(0o666 & !umask())))
}

#[cfg(not(unix))]
fn set_new_mode(_file: &File, _mode: Option<u32>) -> io::Result<()> {
    Ok(())
}

/// The process's umask, read without changing it (umask(2) can only set it, which would race
/// with other threads creating files): Linux shows it in /proc/self/status. Elsewhere, or
/// when that cannot be read, the common 022.
#[cfg(unix)]
fn umask() -> u32 {
    let status = fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("Umask:"))
        .and_then(|v| u32::from_str_radix(v.trim(), 8).ok())
        .unwrap_or(0o022)
        & 0o777
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

/// True for the name of a temp file this module writes: `.<name>.tmp-<16 hex digits>`, or the
/// `.<name>.tmp-<pid>-<n>` of earlier versions.
fn is_our_temp(name: &str) -> bool {
    let Some(rest) = name.strip_prefix('.') else { return false };
    let Some((base, tail)) = rest.rsplit_once(".tmp-") else { return false };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let random = tail.len() == 16 && tail.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'));
    let old = tail.split_once('-').is_some_and(|(pid, n)| digits(pid) && digits(n));
    !base.is_empty() && (random || old)
}

/// A save killed before its rename leaves its temp file behind. Remove such leftovers in the
/// folder, whatever file they were for, once they are old enough that no save can still be
/// writing them; only our own (in a shared folder, another user's files are not ours to
/// remove).
fn remove_stale_temps(dir: &Path) {
    let Ok(entries) = fs::read_dir(dir) else { return };
    let cutoff = std::time::SystemTime::now() - std::time::Duration::from_secs(600);
    for e in entries.flatten() {
        let stale = is_our_temp(&e.file_name().to_string_lossy())
            && e.metadata().is_ok_and(|m| m.is_file() && m.modified().is_ok_and(|t| t < cutoff) && is_mine(&m));
        if stale {
            let _ = fs::remove_file(e.path());
        }
    }
}

#[cfg(unix)]
fn is_mine(m: &fs::Metadata) -> bool {
    std::os::unix::fs::MetadataExt::uid(m) == euid()
}

#[cfg(not(unix))]
fn is_mine(_m: &fs::Metadata) -> bool {
    true
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
