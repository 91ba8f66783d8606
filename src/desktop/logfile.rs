//! The editor's log file: `<data>/logs/vodcut.log`, rotated at [`MAX_BYTES`] into
//! `vodcut.log.1` … `vodcut.log.{KEEP}` (oldest dropped), so it never grows without bound.
//! The last lines are also kept in memory for the crash report.
//!
//! The level comes from `RUST_LOG` when it is set, else from the setting (About window);
//! either way the HTTP stack and the other crates log warnings only unless `RUST_LOG` asks,
//! since their records at debug level can carry whole requests.

use std::collections::VecDeque;
use std::fs::{File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};

/// Size at which the log is rotated.
pub const MAX_BYTES: u64 = 5 << 20;
/// Old logs kept beside the current one.
pub const KEEP: usize = 3;
/// Lines kept in memory for a crash report.
pub const RECENT_LINES: usize = 200;

/// A log file that rotates itself, plus the last lines written.
pub struct RotatingFile {
    path: PathBuf,
    max_bytes: u64,
    file: Option<File>,
    written: u64,
    recent: VecDeque<String>,
    /// A line not finished by the last write.
    partial: String,
    /// Also copy every byte to stderr (the terminal the editor was started from).
    echo: bool,
}

impl RotatingFile {
    /// Opens (appending) `dir/vodcut.log`, creating the folder.
    pub fn open(dir: &Path, max_bytes: u64, echo: bool) -> std::io::Result<Self> {
        std::fs::create_dir_all(dir)?;
        let path = dir.join("vodcut.log");
        let file = OpenOptions::new().create(true).append(true).open(&path)?;
        let written = file.metadata()?.len();
        Ok(RotatingFile {
            path,
            max_bytes,
            file: Some(file),
            written,
            recent: VecDeque::new(),
            partial: String::new(),
            echo,
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// `vodcut.log.n`.
    pub fn rotated(&self, n: usize) -> PathBuf {
        let mut name = self.path.clone().into_os_string();
        name.push(format!(".{n}"));
        PathBuf::from(name)
    }

    /// The current file becomes `.1`, `.1` becomes `.2`, …; the oldest is dropped.
    fn rotate(&mut self) -> std::io::Result<()> {
        self.file = None;
        let _ = std::fs::remove_file(self.rotated(KEEP));
        for n in (1..KEEP).rev() {
            let _ = std::fs::rename(self.rotated(n), self.rotated(n + 1));
        }
        std::fs::rename(&self.path, self.rotated(1))?;
        self.file = Some(OpenOptions::new().create(true).append(true).open(&self.path)?);
        self.written = 0;
        Ok(())
    }

    /// The last lines written, oldest first.
    pub fn recent(&self) -> Vec<String> {
        self.recent.iter().cloned().collect()
    }

    fn remember_lines(&mut self, buf: &[u8]) {
        self.partial.push_str(&String::from_utf8_lossy(buf));
        while let Some(i) = self.partial.find('\n') {
            let line: String = self.partial.drain(..=i).collect();
            if self.recent.len() == RECENT_LINES {
                self.recent.pop_front();
            }
            self.recent.push_back(line.trim_end().to_owned());
        }
    }
}

impl Write for RotatingFile {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        // No secret the process holds reaches the log, the terminal or a crash report's
        // last lines, whatever a record quoted.
        let text = String::from_utf8_lossy(buf);
        let clean = crate::api::redact::scrub(&text);
        let (len, buf) = (buf.len(), clean.as_bytes());
        if self.echo {
            let _ = std::io::stderr().write_all(buf);
        }
        self.remember_lines(buf);
        if self.written > 0 && self.written + buf.len() as u64 > self.max_bytes {
            // A failed rotation keeps appending to the old file rather than losing records.
            if let Err(e) = self.rotate() {
                let path = self.path.display().to_string();
                let _ = writeln!(
                    std::io::stderr(),
                    "{}",
                    crate::t!("core-log-no-rotate", path = path, error = e.to_string())
                );
            }
        }
        if self.file.is_none() {
            self.file = Some(OpenOptions::new().create(true).append(true).open(&self.path)?);
        }
        let file = self.file.as_mut().expect("opened above");
        file.write_all(buf)?;
        self.written += buf.len() as u64;
        Ok(len)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.file.as_mut().map_or(Ok(()), |f| f.flush())
    }
}

/// The log of this process, shared between the logger and the crash hook.
#[derive(Clone)]
pub struct SharedLog(Arc<Mutex<RotatingFile>>);

impl Write for SharedLog {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        // A panic while logging must not make every later record panic too.
        let mut f = self.0.lock().unwrap_or_else(|e| e.into_inner());
        f.write(buf)
    }
    fn flush(&mut self) -> std::io::Result<()> {
        self.0.lock().unwrap_or_else(|e| e.into_inner()).flush()
    }
}

static ACTIVE: OnceLock<SharedLog> = OnceLock::new();

/// The log folder inside the data folder.
pub fn log_dir(data_dir: &Path) -> PathBuf {
    data_dir.join("logs")
}

/// The log file in use, if logging to a file started.
pub fn active_path() -> Option<PathBuf> {
    ACTIVE.get().map(|l| l.0.lock().unwrap_or_else(|e| e.into_inner()).path().to_owned())
}

/// The last lines logged by this process (for the crash report).
pub fn recent_lines() -> Vec<String> {
    ACTIVE.get().map(|l| l.0.lock().unwrap_or_else(|e| e.into_inner()).recent()).unwrap_or_default()
}

/// The level from a setting's text ("info", "debug", …); unknown text gives `Info`.
pub fn parse_level(text: &str) -> log::LevelFilter {
    text.trim().parse().unwrap_or(log::LevelFilter::Info)
}

/// The `RUST_LOG` filter logging started with, which then decides everything.
static FILTER: std::sync::OnceLock<String> = std::sync::OnceLock::new();

/// The `RUST_LOG` filter in force, if logging started with one (the About window says so).
pub fn fixed_filter() -> Option<&'static str> {
    FILTER.get().map(String::as_str)
}

/// Starts logging to `<data>/logs/vodcut.log` (and to stderr, as before). `rust_log` (the
/// environment's `RUST_LOG`), when set, decides everything; otherwise vodcut's own records at
/// `level` and other crates' warnings. Without a writable data folder, logs go to stderr only
/// (said there).
pub fn init(data_dir: Option<&Path>, level: log::LevelFilter, rust_log: Option<&str>) -> Option<PathBuf> {
    let rust_log = rust_log.map(str::to_owned).filter(|v| !v.trim().is_empty());
    let mut builder = env_logger::Builder::new();
    match &rust_log {
        Some(spec) => {
            builder.parse_filters(spec);
        }
        None => {
            // Every level passes the filter for vodcut; `log::set_max_level` below (and the
            // About window later) decides, so the level can change while running.
            builder.filter_level(log::LevelFilter::Warn).filter_module("vodcut", log::LevelFilter::Trace);
        }
    }
    let file = data_dir.map(|d| RotatingFile::open(&log_dir(d), MAX_BYTES, true));
    let path = match file {
        Some(Ok(f)) => {
            let path = f.path().to_owned();
            let shared = SharedLog(Arc::new(Mutex::new(f)));
            let _ = ACTIVE.set(shared.clone());
            builder.target(env_logger::Target::Pipe(Box::new(shared)));
            Some(path)
        }
        Some(Err(e)) => {
            eprintln!("{}", crate::t!("core-log-no-file", error = e.to_string()));
            None
        }
        None => None,
    };
    if builder.try_init().is_err() {
        return path;
    }
    match rust_log {
        Some(spec) => {
            let _ = FILTER.set(spec);
        }
        None => log::set_max_level(level),
    }
    path
}

/// Changes the level while running (the About window's setting). `RUST_LOG` wins when set.
pub fn set_level(level: log::LevelFilter) {
    if fixed_filter().is_none() {
        log::set_max_level(level);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rotates_and_keeps_a_bounded_number_of_files() {
        let dir = tempfile::tempdir().unwrap();
        let mut log = RotatingFile::open(dir.path(), 1000, false).unwrap();
        // 100 lines of 100 bytes: 10 kB through a 1 kB file.
        for i in 0..100 {
            let line = format!("{i:04} {}\n", "x".repeat(94));
            log.write_all(line.as_bytes()).unwrap();
        }
        log.flush().unwrap();
        let cur = std::fs::metadata(log.path()).unwrap().len();
        assert!(cur <= 1000, "current log {cur} bytes");
        for n in 1..=KEEP {
            let len = std::fs::metadata(log.rotated(n)).unwrap().len();
            assert!(len > 0 && len <= 1000, ".{n} is {len} bytes");
        }
        assert!(!log.rotated(KEEP + 1).exists(), "only {KEEP} old logs are kept");
        // The newest line is in the current file; the oldest are gone.
        let text = std::fs::read_to_string(log.path()).unwrap();
        assert!(text.contains("0099 "), "{text}");
        let all: String = (1..=KEEP).map(|n| std::fs::read_to_string(log.rotated(n)).unwrap()).collect();
        assert!(!all.contains("0000 ") && !text.contains("0000 "));
        // The last lines are kept whole in memory, split at line ends.
        let recent = log.recent();
        assert_eq!(recent.len(), 100);
        assert!(recent.last().unwrap().starts_with("0099 "));
    }

    #[test]
    fn reopening_appends_and_counts_the_existing_size() {
        let dir = tempfile::tempdir().unwrap();
        {
            let mut log = RotatingFile::open(dir.path(), 45, false).unwrap();
            log.write_all(b"first run, forty bytes of text here ..\n").unwrap();
        }
        let mut log = RotatingFile::open(dir.path(), 45, false).unwrap();
        log.write_all(b"second run\n").unwrap();
        // 39 + 11 > 45: the first run's log moved to .1.
        assert_eq!(std::fs::read_to_string(log.path()).unwrap(), "second run\n");
        assert!(std::fs::read_to_string(log.rotated(1)).unwrap().starts_with("first run"));
    }

    #[test]
    fn levels_from_settings() {
        assert_eq!(parse_level("debug"), log::LevelFilter::Debug);
        assert_eq!(parse_level(" WARN "), log::LevelFilter::Warn);
        assert_eq!(parse_level("nonsense"), log::LevelFilter::Info);
    }
}
