//! A batch's manifest (`vodcut batch --out DIR`): `DIR/manifest.jsonl`, one JSON line per
//! state change of a row (in a shape, with `--variants`), appended and flushed to disk before
//! the step it records goes on. The last line of a row is its state: a second run reads it
//! and never sends a row twice.
//!
//! A crash mid-line leaves a last line cut short, which is passed over (the step it would have
//! recorded did not begin: each line is on disk before its step). A lock (`DIR/manifest.lock`)
//! keeps two batches from working on one folder at once.

use super::input;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

/// The manifest's file name in the batch's folder.
pub const FILE: &str = "manifest.jsonl";
const LOCK: &str = "manifest.lock";
/// The most a manifest may be (about 100 000 rows, several lines each).
pub const MAX_MANIFEST_BYTES: u64 = 256 * 1024 * 1024;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum RowState {
    /// Recorded before the request leaves. If it is a row's last line, the answer never came.
    Sending,
    /// VOD took it: its IDs are known.
    Submitted,
    /// VOD refused it (nothing produced, nothing billed), or it was not sent.
    Failed,
    /// Sent, the answer lost: to be checked before anything else happens to the row.
    Unknown,
    /// Checked after a lost answer: VOD shows no production of it.
    NotFound,
    /// The production finished (`--wait`).
    Produced,
    /// The production failed (`--wait`).
    ProduceFailed,
}

impl RowState {
    /// The production exists (or existed): the row is never sent again.
    pub fn is_sent(self) -> bool {
        matches!(self, RowState::Submitted | RowState::Produced | RowState::ProduceFailed)
    }

    /// A word for the catalog's selectors (not shown as is).
    // i18n-exempt: selector values
    pub fn word(self) -> &'static str {
        match self {
            RowState::Sending => "sending",
            RowState::Submitted => "submitted",
            RowState::Failed => "failed",
            RowState::Unknown => "unknown",
            RowState::NotFound => "not-found",
            RowState::Produced => "produced",
            RowState::ProduceFailed => "produce-failed",
        }
    }
}

/// One line: a row's state from then on, with what is known of its production.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct Entry {
    /// The row's number in the rows file (the first row of values is 1).
    pub row: usize,
    /// The shape (`9:16`), with `--variants`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub variant: Option<String>,
    pub state: RowState,
    /// Unix seconds of this line.
    pub at: u64,
    /// What the row makes (a hash of the request), so a changed row is noticed.
    pub fingerprint: String,
    #[serde(default)]
    pub title: String,
    /// When the request left (Unix seconds): a lost answer is looked for from then on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sent_at: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub media_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project_id: Option<String>,
    /// The job history's record of the request (`vodcut status JOB`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub job_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

/// A row in a shape: the manifest's key.
pub type Key = (usize, Option<String>);

impl Entry {
    pub fn key(&self) -> Key {
        (self.row, self.variant.clone())
    }
}

/// The manifest of one batch folder, open for appending (and locked) while it lives.
#[derive(Debug)]
pub struct Manifest {
    path: PathBuf,
    file: Box<dyn Sink>,
    /// The length of the file after its last whole line.
    good_len: u64,
    /// An append failed and its part-line could not be cut off: nothing more is appended
    /// (it would be glued onto the torn line, and the manifest unreadable).
    torn: bool,
    _lock: std::fs::File,
    scrub: super::jobs::Scrub,
    last: BTreeMap<Key, Entry>,
}

impl Manifest {
    /// Opens (or begins) the manifest in `dir`, made if missing. Fails when another batch
    /// holds the folder, or the manifest cannot be read (a line that is not one of ours, not
    /// a regular file, over the limit): nothing is guessed about what was sent.
    pub fn open(dir: &Path, scrub: super::jobs::Scrub) -> Result<Manifest, String> {
        let shown = |p: &Path| p.display().to_string();
        std::fs::create_dir_all(dir)
            .map_err(|e| crate::t!("manifest-cannot-write", file = shown(dir), error = e.to_string()))?;
        let lock = lock(&dir.join(LOCK)).map_err(|e| match e {
            None => crate::t!("manifest-locked", folder = shown(dir)),
            Some(e) => crate::t!("manifest-cannot-write", file = shown(&dir.join(LOCK)), error = e.to_string()),
        })?;
        let path = dir.join(FILE);
        let (last, whole) = read(&path)?;
        let file = open_append(&path)
            .map_err(|e| crate::t!("manifest-cannot-write", file = shown(&path), error = e.to_string()))?;
        if let Some(whole) = whole {
            // The cut line goes: the step it would have recorded never began.
            file.set_len(whole)
                .map_err(|e| crate::t!("manifest-cannot-write", file = shown(&path), error = e.to_string()))?;
        }
        let good_len = file
            .metadata()
            .map_err(|e| crate::t!("manifest-cannot-write", file = shown(&path), error = e.to_string()))?
            .len();
        Ok(Manifest { path, file: Box::new(file), good_len, torn: false, _lock: lock, scrub, last })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The last state of every row recorded.
    pub fn last(&self) -> &BTreeMap<Key, Entry> {
        &self.last
    }

    pub fn get(&self, key: &Key) -> Option<&Entry> {
        self.last.get(key)
    }

    /// Appends `entry` and flushes it to disk before returning: the step it records may go on.
    /// A failed append cuts what it wrote off again; when that fails too, every later append
    /// is refused (the manifest stays readable: its last line is cut short, passed over).
    pub fn append(&mut self, entry: Entry) -> std::io::Result<()> {
        if self.torn {
            return Err(std::io::Error::other(crate::t!("manifest-torn")));
        }
        let text = serde_json::to_string(&entry).map_err(std::io::Error::other)?;
        // No secret the process holds reaches the manifest, however an error quoted it.
        let mut line = (self.scrub)(&text).replace('\n', " ");
        line.push('\n');
        let written = self.file.write_all(line.as_bytes()).and_then(|()| self.file.sync());
        if let Err(e) = written {
            if self.file.truncate(self.good_len).is_err() {
                self.torn = true;
            }
            return Err(e);
        }
        self.good_len += line.len() as u64;
        self.last.insert(entry.key(), entry);
        Ok(())
    }
}

/// Where the manifest's lines go: its file (a test's failing writer in tests).
trait Sink: Write + Send + std::fmt::Debug {
    /// Flushes what was written to disk.
    fn sync(&mut self) -> std::io::Result<()>;
    /// Cuts the file back to `len` bytes.
    fn truncate(&mut self, len: u64) -> std::io::Result<()>;
}

impl Sink for std::fs::File {
    fn sync(&mut self) -> std::io::Result<()> {
        self.sync_data()
    }

    fn truncate(&mut self, len: u64) -> std::io::Result<()> {
        self.set_len(len)
    }
}

/// The last state of every row recorded in `dir`, read only (nothing made, nothing locked):
/// what `--dry-run` shows. None recorded when there is no manifest.
pub fn peek(dir: &Path) -> Result<BTreeMap<Key, Entry>, String> {
    read(&dir.join(FILE)).map(|(last, _)| last)
}

/// Reads the last entry of every row; when the file ends with a line cut short, the length
/// of what comes before it.
fn read(path: &Path) -> Result<(BTreeMap<Key, Entry>, Option<u64>), String> {
    let shown = path.display().to_string();
    let bytes = input::read_state(path, MAX_MANIFEST_BYTES)
        .map_err(|e| crate::t!("manifest-unreadable", file = shown.as_str(), error = e))?
        .unwrap_or_default();
    let text = String::from_utf8_lossy(&bytes);
    let torn = (!bytes.is_empty() && !bytes.ends_with(b"\n"))
        .then(|| bytes.iter().rposition(|b| *b == b'\n').map_or(0, |i| i as u64 + 1));
    let mut last = BTreeMap::new();
    let lines: Vec<&str> = text.split('\n').collect();
    let complete = lines.len().saturating_sub(1);
    for (i, line) in lines.iter().enumerate().take(complete) {
        if line.trim().is_empty() {
            continue;
        }
        let entry: Entry = serde_json::from_str(line)
            .map_err(|e| crate::t!("manifest-bad-line", file = shown.as_str(), line = i + 1, error = e.to_string()))?;
        last.insert(entry.key(), entry);
    }
    Ok((last, torn))
}

/// Opens the manifest for appending: a regular file or none, never through a link, a FIFO or
/// a device.
fn open_append(path: &Path) -> std::io::Result<std::fs::File> {
    if let Ok(m) = std::fs::symlink_metadata(path)
        && !m.is_file()
    {
        return Err(std::io::Error::other(super::atomic::kind_words(super::atomic::kind_of(m.file_type()))));
    }
    let mut o = std::fs::OpenOptions::new();
    o.append(true).create(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        o.custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK);
    }
    o.open(path)
}

/// Takes the folder's lock: `Err(None)` when another process holds it.
fn lock(path: &Path) -> Result<std::fs::File, Option<std::io::Error>> {
    let mut o = std::fs::OpenOptions::new();
    o.read(true).write(true).create(true).truncate(false);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        o.custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK);
    }
    let file = o.open(path).map_err(Some)?;
    #[cfg(unix)]
    {
        use std::os::unix::io::AsRawFd;
        // SAFETY: flock on a descriptor this function owns; released when the file closes.
        if unsafe { libc::flock(file.as_raw_fd(), libc::LOCK_EX | libc::LOCK_NB) } != 0 {
            return Err(None);
        }
    }
    Ok(file)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(row: usize, state: RowState) -> Entry {
        Entry {
            row,
            variant: None,
            state,
            at: 1,
            fingerprint: "f".into(),
            title: "t".into(),
            sent_at: None,
            request_id: None,
            media_id: None,
            project_id: None,
            job_id: None,
            error: Some("with the-secret".into()),
        }
    }

    #[test]
    fn the_last_line_of_a_row_wins_and_a_cut_line_is_passed_over() {
        let dir = tempfile::tempdir().unwrap();
        let scrub: super::super::jobs::Scrub = |t| t.replace("the-secret", "***");
        {
            let mut m = Manifest::open(dir.path(), scrub).unwrap();
            assert!(Manifest::open(dir.path(), scrub).unwrap_err().contains("another"), "locked");
            m.append(entry(1, RowState::Sending)).unwrap();
            m.append(entry(1, RowState::Submitted)).unwrap();
            m.append(entry(2, RowState::Sending)).unwrap();
        }
        let path = dir.path().join(FILE);
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(!text.contains("the-secret") && text.lines().count() == 3, "{text}");
        // A crash mid-line.
        std::fs::write(&path, format!("{text}{{\"Row\":3,\"Sta")).unwrap();
        let mut m = Manifest::open(dir.path(), scrub).unwrap();
        assert_eq!(m.get(&(1, None)).unwrap().state, RowState::Submitted);
        assert_eq!(m.get(&(2, None)).unwrap().state, RowState::Sending);
        assert!(m.get(&(3, None)).is_none());
        m.append(entry(3, RowState::Failed)).unwrap();
        drop(m);
        let m = Manifest::open(dir.path(), scrub).unwrap();
        assert_eq!(m.get(&(3, None)).unwrap().state, RowState::Failed, "the next line starts on its own");
        drop(m);
        std::fs::write(&path, "{\"Row\":1}\n").unwrap();
        assert!(Manifest::open(dir.path(), scrub).unwrap_err().contains("line 1"));
    }

    /// Writes the first `cut` bytes of the next write, then fails; cutting back fails when
    /// `truncate_fails`.
    #[derive(Debug)]
    struct FailsMidLine {
        file: std::fs::File,
        cut: Option<usize>,
        truncate_fails: bool,
    }

    impl Write for FailsMidLine {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            match self.cut.take() {
                Some(n) => {
                    self.file.write_all(&buf[..n.min(buf.len())])?;
                    Err(std::io::Error::other("disk full"))
                }
                None => self.file.write(buf),
            }
        }

        fn flush(&mut self) -> std::io::Result<()> {
            self.file.flush()
        }
    }

    impl Sink for FailsMidLine {
        fn sync(&mut self) -> std::io::Result<()> {
            self.file.sync_data()
        }

        fn truncate(&mut self, len: u64) -> std::io::Result<()> {
            if self.truncate_fails {
                return Err(std::io::Error::other("read-only"));
            }
            self.file.set_len(len)
        }
    }

    #[test]
    fn a_failed_append_leaves_no_torn_line_for_the_next_to_glue_onto() {
        let scrub: super::super::jobs::Scrub = |t| t.to_owned();
        for truncate_fails in [false, true] {
            let dir = tempfile::tempdir().unwrap();
            let mut m = Manifest::open(dir.path(), scrub).unwrap();
            m.append(entry(1, RowState::Submitted)).unwrap();
            let file = open_append(&dir.path().join(FILE)).unwrap();
            m.file = Box::new(FailsMidLine { file, cut: Some(10), truncate_fails });
            assert!(m.append(entry(2, RowState::Sending)).is_err());
            let next = m.append(entry(3, RowState::Sending));
            assert_eq!(next.is_err(), truncate_fails, "refused only when the torn line stays");
            drop(m);
            let m = Manifest::open(dir.path(), scrub).unwrap_or_else(|e| panic!("{truncate_fails}: {e}"));
            assert_eq!(m.get(&(1, None)).unwrap().state, RowState::Submitted);
            assert!(m.get(&(2, None)).is_none());
            assert_eq!(m.get(&(3, None)).is_some(), !truncate_fails);
        }
    }
}
