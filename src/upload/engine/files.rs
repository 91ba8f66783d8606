//! Reading the file being uploaded, off the async threads: a part with its MD5 and check,
//! the MD5 of the whole file, and whether the file changed since a saved state (its size,
//! its time, or the bytes of a part already sent).

use super::super::check::Checked;
use super::super::error::UploadError;
use super::super::oss::md5_of;
use super::super::resume::{check_of, verify_parts};
use super::super::state::UploadState;
use std::path::Path;

/// A part read from the file: its bytes, their MD5 and their check ([`check_of`]).
pub(super) struct Part {
    pub data: bytes::Bytes,
    pub md5: [u8; 16],
    pub check: String,
}

/// Reads `len` bytes at `offset` off the async threads, with their MD5 and check.
pub(super) async fn read_part(path: &Path, offset: u64, len: u64) -> Result<Part, UploadError> {
    let p = path.to_owned();
    let shown = path.display().to_string();
    let r = tokio::task::spawn_blocking(move || -> std::io::Result<Part> {
        use std::io::{Read, Seek, SeekFrom};
        let mut f = std::fs::File::open(&p)?;
        f.seek(SeekFrom::Start(offset))?;
        let mut buf = vec![0u8; len as usize];
        f.read_exact(&mut buf)?;
        let (md5, check) = (md5_of(&buf), check_of(&buf));
        Ok(Part { data: bytes::Bytes::from(buf), md5, check })
    })
    .await;
    read_result(shown, r)
}

/// A file read on a blocking thread, as the engine's error naming the file.
#[allow(clippy::result_large_err)] // the error every engine step returns, not boxed here alone
fn read_result<T>(shown: String, r: Result<std::io::Result<T>, tokio::task::JoinError>) -> Result<T, UploadError> {
    match r {
        Ok(Ok(v)) => Ok(v),
        Ok(Err(e)) => {
            Err(UploadError::Io { path: shown, detail: crate::t!("cloud-up-read-failed", error = e.to_string()) })
        }
        Err(e) => {
            Err(UploadError::Io { path: shown, detail: crate::t!("cloud-up-read-stopped", error = e.to_string()) })
        }
    }
}

/// The MD5 of the first `len` bytes of `path`, read in pieces off the async threads.
pub(super) async fn file_md5(path: &Path, len: u64) -> Result<[u8; 16], UploadError> {
    let p = path.to_owned();
    let shown = path.display().to_string();
    let r = tokio::task::spawn_blocking(move || -> std::io::Result<[u8; 16]> {
        use md5::Digest;
        use std::io::Read;
        let mut f = std::fs::File::open(&p)?.take(len);
        let mut hash = md5::Md5::new();
        let mut buf = vec![0u8; 1 << 20];
        let mut read = 0u64;
        loop {
            let n = f.read(&mut buf)?;
            if n == 0 {
                break;
            }
            read += n as u64;
            hash.update(&buf[..n]);
        }
        if read != len {
            return Err(std::io::Error::new(
                std::io::ErrorKind::UnexpectedEof,
                crate::t!("cloud-file-shrank", len = len, sent = read),
            ));
        }
        Ok(hash.finalize().into())
    })
    .await;
    read_result(shown, r)
}

pub(super) fn changed(checked: &Checked, state: &UploadState) -> Option<String> {
    if checked.size != state.size {
        return Some(crate::t!("cloud-up-size-changed", was = state.size, now = checked.size));
    }
    if checked.mtime_ns.to_string() != state.mtime_ns {
        return Some(crate::t!("cloud-up-modified"));
    }
    None
}

/// Whether the file still holds the bytes of the parts `st` lists (see [`super::resume`]):
/// `Ok(Some(why))` when one differs. Checks added on the way are kept in `st`.
pub(super) async fn parts_changed(path: &Path, st: &mut UploadState) -> Result<Option<String>, UploadError> {
    let (p, mut copy) = (path.to_owned(), st.clone());
    let shown = path.display().to_string();
    let r = tokio::task::spawn_blocking(move || verify_parts(&p, &mut copy).map(|d| (d, copy))).await;
    let (differs, checked) = read_result(shown, r)?;
    *st = checked;
    Ok(differs.map(|n| crate::t!("cloud-up-part-differs", n = n)))
}
