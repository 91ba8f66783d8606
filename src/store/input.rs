//! Reading an input file within bounds: a regular file (or standard input, named `-`), at most
//! [`MAX_INPUT_BYTES`]. A device such as `/dev/zero` would be read forever and a FIFO without
//! a writer would block forever: both are refused before anything is read.

use std::fs::File;
use std::io::{self, Read};
use std::path::Path;

/// The largest input vodcut reads: far above any real project (a 100 000-clip project is
/// about 20 MB), low enough that parsing it stays within a few GB of memory.
pub const MAX_INPUT_BYTES: u64 = 256 * 1024 * 1024;

/// The name that means standard input (and, for outputs, standard output).
pub const STDIO: &str = "-";

/// Why an input could not be read.
#[derive(Debug)]
pub enum ReadError {
    Io(io::Error),
    /// What it is, as a catalog key (see [`super::atomic::kind_of`]).
    NotRegular(&'static str),
    TooLarge,
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadError::Io(e) => write!(f, "{e}"),
            ReadError::NotRegular(kind) => {
                f.write_str(&crate::t!("core-read-not-regular", kind = super::atomic::kind_words(kind)))
            }
            ReadError::TooLarge => {
                f.write_str(&crate::t!("core-read-too-large", limit = (MAX_INPUT_BYTES / (1024 * 1024)).to_string()))
            }
        }
    }
}

impl std::error::Error for ReadError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ReadError::Io(e) => Some(e),
            _ => None,
        }
    }
}

impl From<io::Error> for ReadError {
    fn from(e: io::Error) -> Self {
        ReadError::Io(e)
    }
}

/// True when `path` is `-`.
pub fn is_stdio(path: &Path) -> bool {
    path.as_os_str() == STDIO
}

/// Reads a whole regular file, refusing anything else and anything over the limit.
pub fn read_file(path: &Path) -> Result<Vec<u8>, ReadError> {
    read_file_limited(path, MAX_INPUT_BYTES)
}

/// As [`read_file`] with another limit (tests).
pub fn read_file_limited(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    let (file, len) = open_regular(path, limit)?;
    read_limited(file, limit, len)
}

/// Opens a regular file of at most `limit` bytes for reading (its size then), refusing
/// anything else before opening it. Read it with a limit too: it may grow meanwhile.
pub fn open_regular(path: &Path, limit: u64) -> Result<(File, u64), ReadError> {
    // Look before opening: opening a FIFO blocks until someone writes to it.
    let m = std::fs::metadata(path)?;
    if !m.is_file() {
        return Err(ReadError::NotRegular(super::atomic::kind_of(m.file_type())));
    }
    if m.len() > limit {
        return Err(ReadError::TooLarge);
    }
    let file = open_no_block(path)?;
    // The path may have been swapped between the look and the open: check what was opened.
    let m = file.metadata()?;
    if !m.is_file() {
        return Err(ReadError::NotRegular(super::atomic::kind_of(m.file_type())));
    }
    Ok((file, m.len()))
}

/// The most a state file of vodcut's own (settings, a job record, an upload state, the
/// sandbox's state) may hold: each is a few KB, an upload state of 10 000 parts about 1 MB.
pub const MAX_STATE_BYTES: u64 = 8 * 1024 * 1024;

/// Reads one of vodcut's state files the way project files are read (a regular file, within
/// `limit`: a FIFO, a device or a link to one is refused before anything is read, so it can
/// neither hang the program nor fill its memory). `Ok(None)` when there is no such file; the
/// error says what is wrong, in the current language.
pub fn read_state(path: &Path, limit: u64) -> Result<Option<Vec<u8>>, String> {
    match read_file_limited(path, limit) {
        Ok(bytes) => Ok(Some(bytes)),
        Err(ReadError::Io(e)) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(ReadError::TooLarge) => Err(crate::t!("core-read-over-limit", limit = size_words(limit))),
        Err(e) => Err(e.to_string()),
    }
}

/// As [`read_file_limited`], the error in words that name `limit` (not the project limit
/// [`ReadError::TooLarge`] says).
pub fn read_bounded(path: &Path, limit: u64) -> Result<Vec<u8>, String> {
    read_file_limited(path, limit).map_err(|e| match e {
        ReadError::TooLarge => crate::t!("core-read-over-limit", limit = size_words(limit)),
        e => e.to_string(),
    })
}

/// `8 MB` for whole MiB (as [`ReadError::TooLarge`] says its limit), else `N B`.
fn size_words(n: u64) -> String {
    const MIB: u64 = 1024 * 1024;
    // i18n-exempt: units, written the same in both languages (as i18n::format::size does)
    if n >= MIB && n.is_multiple_of(MIB) { format!("{} MB", n / MIB) } else { format!("{n} B") }
}

/// As [`read_state`], for a text file: bytes that are not UTF-8 are an error.
pub fn read_state_text(path: &Path, limit: u64) -> Result<Option<String>, String> {
    match read_state(path, limit)? {
        Some(bytes) => String::from_utf8(bytes).map(Some).map_err(|e| e.utf8_error().to_string()),
        None => Ok(None),
    }
}

/// Reads standard input (whatever it is: a pipe, a file, a terminal) up to the limit.
pub fn read_stdin() -> Result<Vec<u8>, ReadError> {
    read_limited(io::stdin().lock(), MAX_INPUT_BYTES, 0)
}

/// Reads at most `limit` bytes; one byte more is an error, so a file growing while read, or
/// an endless stream, stops at the limit.
pub fn read_limited(r: impl Read, limit: u64, size_hint: u64) -> Result<Vec<u8>, ReadError> {
    let mut bytes = Vec::with_capacity(size_hint.min(limit) as usize);
    r.take(limit + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge);
    }
    Ok(bytes)
}

#[cfg(unix)]
fn open_no_block(path: &Path) -> io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    // Non-blocking open: a FIFO swapped in after the check cannot hang us. Regular files
    // ignore the flag for reading.
    std::fs::OpenOptions::new().read(true).custom_flags(libc::O_NONBLOCK).open(path)
}

#[cfg(not(unix))]
fn open_no_block(path: &Path) -> io::Result<File> {
    File::open(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn devices_fifos_and_folders_are_refused_without_reading() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("pipe.json");
        crate::store::atomic::tests::mkfifo(&fifo);
        // Would block forever if opened: no writer.
        assert!(matches!(read_file(&fifo), Err(ReadError::NotRegular("file-kind-fifo"))));
        // Would be read forever.
        if let Some(zero) = crate::store::atomic::tests::char_device(dir.path(), "zero", 5) {
            assert!(matches!(read_file(&zero), Err(ReadError::NotRegular("file-kind-device"))));
        }
        let e = read_file(dir.path()).unwrap_err();
        assert_eq!(e.to_string(), "it is a folder, not a regular file");
    }

    #[test]
    fn state_files_are_bounded_and_may_be_absent() {
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("state.json");
        assert!(read_state(&f, 10).unwrap().is_none(), "absent");
        std::fs::write(&f, b"0123456789").unwrap();
        assert_eq!(read_state(&f, 10).unwrap().unwrap().len(), 10);
        std::fs::write(&f, b"0123456789a").unwrap();
        assert_eq!(read_state(&f, 10).unwrap_err(), "it is larger than 10 B, the most vodcut reads for this file");
        assert_eq!(read_state(&f, MAX_STATE_BYTES).unwrap().unwrap().len(), 11);
        assert_eq!(size_words(MAX_STATE_BYTES), "8 MB");
        let fifo = dir.path().join("fifo.json");
        crate::store::atomic::tests::mkfifo(&fifo);
        assert_eq!(read_state(&fifo, 10).unwrap_err(), "it is a FIFO (named pipe), not a regular file");
        #[cfg(unix)]
        {
            // A link to a device is judged by what it leads to.
            let zero = dir.path().join("zero.json");
            std::os::unix::fs::symlink("/dev/zero", &zero).unwrap();
            assert!(read_state(&zero, 10).unwrap_err().contains("device"));
        }
    }

    #[test]
    fn the_size_is_capped() {
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("big.json");
        std::fs::write(&f, vec![b' '; 1001]).unwrap();
        assert!(matches!(read_file_limited(&f, 1000), Err(ReadError::TooLarge)));
        assert_eq!(read_file_limited(&f, 1001).unwrap().len(), 1001);
        // An endless stream stops at the limit.
        assert!(matches!(read_limited(io::repeat(b'x'), 1000, 0), Err(ReadError::TooLarge)));
        assert!(ReadError::TooLarge.to_string().contains("256 MB"));
    }
}
