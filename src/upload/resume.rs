//! Proof that the parts already uploaded are still the file's bytes, before an upload goes on
//! and before it is completed. The size and modification time alone miss a file replaced by
//! a copy that keeps both (`cp -p`, `rsync -a`): OSS would then join old parts and new ones
//! into an object that is neither file, and report success.
//!
//! A part's ETag is the MD5 of all its bytes, but checking it means reading back everything
//! uploaded so far before every resume (a pause in the editor, a rerun of the command): 2 s
//! for 256 MB from the page cache on the shared 2-core test machine, far longer from a disk
//! (`cargo bench --bench upload -- resume_check` compares the two ways on the same file).
//! Each part sent therefore also gets a check of a few windows of its bytes (its start,
//! middle and end, with its length), kept in the upload state: checking every part reads
//! 48 KB of each 8 MB (1-14 ms for those 256 MB on the same machine, over 100 times less).
//! What it cannot see is a change inside a part that keeps the file's size and time and
//! misses the windows: a replaced file (another take, a re-export) differs everywhere. A
//! state without checks (from an older vodcut) and parts OSS confirmed after the last save
//! are checked by their ETag once.

use super::oss::{etag_of, md5_of};
use super::state::UploadState;
use sha2::Digest;
use std::fs::File;
use std::io::{self, Read, Seek, SeekFrom};
use std::path::Path;

/// The size of each window a check covers.
pub const WINDOW: u64 = 16 * 1024;

/// Where a part of `len` bytes is sampled: (offset in the part, length).
fn spans(len: u64) -> Vec<(u64, u64)> {
    if len <= 3 * WINDOW {
        vec![(0, len)]
    } else {
        vec![(0, WINDOW), ((len - WINDOW) / 2, WINDOW), (len - WINDOW, WINDOW)]
    }
}

fn finish(h: sha2::Sha256) -> String {
    h.finalize()[..16].iter().map(|b| format!("{b:02x}")).collect()
}

/// The check of a part whose bytes are all in memory (as they are when it is sent).
pub fn check_of(part: &[u8]) -> String {
    let len = part.len() as u64;
    let mut h = sha2::Sha256::new();
    h.update(len.to_le_bytes());
    for (off, n) in spans(len) {
        h.update(&part[off as usize..(off + n) as usize]);
    }
    finish(h)
}

/// The check of the part at `offset`, `len` bytes long, reading only its windows.
pub fn check_at(f: &mut File, offset: u64, len: u64) -> io::Result<String> {
    let mut h = sha2::Sha256::new();
    h.update(len.to_le_bytes());
    let mut buf = vec![0u8; len.min(3 * WINDOW) as usize];
    for (off, n) in spans(len) {
        f.seek(SeekFrom::Start(offset + off))?;
        let window = &mut buf[..n as usize];
        f.read_exact(window)?;
        h.update(&*window);
    }
    Ok(finish(h))
}

/// Checks every confirmed part of `st` against the file at `path`: by its check where it has
/// one, else by the MD5 of all its bytes against its ETag (the check is then added). Returns
/// the first part that differs. Blocking: run it off the async threads.
pub fn verify_parts(path: &Path, st: &mut UploadState) -> io::Result<Option<u32>> {
    let mut f = File::open(path)?;
    let numbers: Vec<u32> = st.parts.keys().copied().collect();
    for n in numbers {
        let (off, len) = st.part_range(n);
        match st.checks.get(&n) {
            Some(check) => {
                if *check != check_at(&mut f, off, len)? {
                    return Ok(Some(n));
                }
            }
            None => {
                let mut part = vec![0u8; len as usize];
                f.seek(SeekFrom::Start(off))?;
                f.read_exact(&mut part)?;
                if st.parts.get(&n) != Some(&etag_of(&md5_of(&part))) {
                    return Ok(Some(n));
                }
                st.checks.insert(n, check_of(&part));
            }
        }
    }
    Ok(None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_check_reads_only_its_windows_and_sees_them_change() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f");
        let data: Vec<u8> = (0..200_000u32).map(|i| (i * 7 % 251) as u8).collect();
        std::fs::write(&path, &data).unwrap();
        let mut f = File::open(&path).unwrap();
        // From memory and from the file alike, for a short part and a long one.
        for (off, len) in [(0u64, 100u64), (1000, 150_000)] {
            let part = &data[off as usize..(off + len) as usize];
            assert_eq!(check_of(part), check_at(&mut f, off, len).unwrap());
        }
        let whole = check_of(&data[1000..151_000]);
        // A change in the middle window, or the same bytes shifted by one, is seen.
        let mut changed = data.clone();
        changed[1000 + 75_000] ^= 1;
        assert_ne!(check_of(&changed[1000..151_000]), whole);
        assert_ne!(check_of(&data[1001..151_001]), whole);
    }
}
