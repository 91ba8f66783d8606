//! When vodcut panics: a crash report (version, OS, where, backtrace, the last log lines) in
//! `<data>/crashes/`, scrubbed of every secret this process knows, and — from the editor, which
//! catches the panic of a frame — a recovery copy of the open document (see
//! `ui::app::Editor::guarded_ui`). The next start lists reports not yet shown.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// Secret values this process holds (typed keys, keys from the keychain): a report never
/// contains them, whatever a panic message or a log line says.
static SECRETS: Mutex<Vec<String>> = Mutex::new(Vec::new());
/// The report written for the last panic (the editor adds where the recovery copy went).
static LAST_REPORT: Mutex<Option<PathBuf>> = Mutex::new(None);
/// Where reports go (the data folder's `crashes`), once the hook is installed.
static DIR: Mutex<Option<PathBuf>> = Mutex::new(None);

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    // The hook runs during a panic: a poisoned lock still holds good data.
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// Remembers a secret value so crash reports leave it out.
pub fn remember_secret(value: &str) {
    let mut s = lock(&SECRETS);
    if !value.is_empty() && !s.iter().any(|v| v == value) {
        s.push(value.to_owned());
    }
}

/// Forgets secrets (the user cleared their keys).
pub fn forget_secrets() {
    lock(&SECRETS).clear();
}

pub fn crash_dir(data_dir: &Path) -> PathBuf {
    data_dir.join("crashes")
}

/// `PRETTY_NAME` of /etc/os-release, else the OS family; and the architecture.
fn os_description() -> String {
    let pretty = std::fs::read_to_string("/etc/os-release").ok().and_then(|t| {
        t.lines().find_map(|l| l.strip_prefix("PRETTY_NAME=")).map(|v| v.trim().trim_matches('"').to_owned())
    });
    format!("{} ({})", pretty.unwrap_or_else(|| std::env::consts::OS.to_owned()), std::env::consts::ARCH)
}

/// The report's text, secrets removed.
pub fn report_text(message: &str, place: &str, thread: &str, backtrace: &str, log_lines: &[String]) -> String {
    let now = time::OffsetDateTime::now_utc();
    let mut text = format!(
        // i18n-exempt: the crash report is for developers and stays English
        "vodcut crash report\n\
         version: {}\n\
         time (UTC): {}\n\
         OS: {}\n\
         thread: {thread}\n\
         panic: {message}\n\
         at: {place}\n\n\
         backtrace:\n{backtrace}\n\n\
         last log lines ({}):\n",
        env!("CARGO_PKG_VERSION"),
        crate::api::client::format_timestamp(now),
        os_description(),
        log_lines.len(),
    );
    for l in log_lines {
        text.push_str(l);
        text.push('\n');
    }
    let secrets = lock(&SECRETS).clone();
    let values: Vec<&str> = secrets.iter().map(String::as_str).collect();
    let text = crate::api::credentials::redact_values(&text, &values);
    // And every secret the process met (keys, tokens, upload credentials).
    crate::api::redact::scrub(&text).into_owned()
}

/// Writes a report into `dir` as `crash-<unix seconds>-<n>.txt` (never over another).
pub fn write_report(dir: &Path, text: &str) -> std::io::Result<PathBuf> {
    std::fs::create_dir_all(dir)?;
    let secs = crate::store::jobs::now_secs();
    for n in 0..1000 {
        let path = dir.join(format!("crash-{secs}-{n}.txt"));
        match std::fs::OpenOptions::new().write(true).create_new(true).open(&path) {
            Ok(mut f) => {
                use std::io::Write;
                f.write_all(text.as_bytes())?;
                f.sync_all()?;
                return Ok(path);
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
    // i18n-exempt: crash handling stays English (a report for developers, kept simple in a panic)
    Err(std::io::Error::other("too many crash reports this second"))
}

/// Installs the panic hook (keeping the default one, which prints the message to stderr).
/// Reports go to `<data_dir>/crashes`.
pub fn install_hook(data_dir: &Path) {
    *lock(&DIR) = Some(crash_dir(data_dir));
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        previous(info);
        let message = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "(no message)".into()); // i18n-exempt: part of the English report
        let place = info.location().map(|l| l.to_string()).unwrap_or_default();
        let thread = std::thread::current().name().unwrap_or("unnamed").to_owned(); // i18n-exempt: as above
        let backtrace = std::backtrace::Backtrace::force_capture().to_string();
        let text = report_text(&message, &place, &thread, &backtrace, &super::logfile::recent_lines());
        let Some(dir) = lock(&DIR).clone() else { return };
        match write_report(&dir, &text) {
            Ok(path) => {
                // i18n-exempt: said from inside a panic, where no lookup should run
                eprintln!("vodcut: a crash report was written to {}", path.display());
                *lock(&LAST_REPORT) = Some(path);
            }
            // i18n-exempt: said from inside a panic, where no lookup should run
            Err(e) => eprintln!("vodcut: could not write a crash report in {}: {e}", dir.display()),
        }
    }));
}

/// The report of the last panic, if one was written.
pub fn last_report() -> Option<PathBuf> {
    lock(&LAST_REPORT).clone()
}

/// Adds a line to a report (where the recovery copy was saved).
pub fn append_to_report(path: &Path, line: &str) {
    use std::io::Write;
    if let Ok(mut f) = std::fs::OpenOptions::new().append(true).open(path) {
        let _ = writeln!(f, "{line}");
    }
}

/// Reports newer than the last one shown, newest first. `crashes/shown` names the newest
/// report already shown.
pub fn unshown_reports(data_dir: &Path) -> Vec<PathBuf> {
    let dir = crash_dir(data_dir);
    let shown = crate::store::input::read_state_text(&dir.join("shown"), 4096).ok().flatten().unwrap_or_default();
    let key = |p: &Path| -> (u64, u64) {
        let name = p.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        let mut parts = name.trim_start_matches("crash-").split('-').map(|n| n.parse().unwrap_or(0));
        (parts.next().unwrap_or(0), parts.next().unwrap_or(0))
    };
    let shown_key = (!shown.trim().is_empty()).then(|| key(Path::new(shown.trim())));
    let mut out: Vec<PathBuf> = std::fs::read_dir(&dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.file_name().is_some_and(|n| n.to_string_lossy().starts_with("crash-"))
                && p.extension().is_some_and(|x| x == "txt")
        })
        .filter(|p| shown_key.is_none_or(|k| key(p) > k))
        .collect();
    out.sort_by_key(|p| std::cmp::Reverse(key(p)));
    out
}

/// Remembers that `report` (and everything older) was shown.
pub fn mark_shown(data_dir: &Path, report: &Path) -> std::io::Result<()> {
    let name = report.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    crate::store::atomic::write_atomic(&crash_dir(data_dir).join("shown"), name.as_bytes(), false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reports_leave_out_secrets_and_are_listed_until_shown() {
        remember_secret("s3cr3t-value-for-the-report-test");
        let text = report_text(
            "bad thing with s3cr3t-value-for-the-report-test inside",
            "src/x.rs:1:2",
            "main",
            "0: frame",
            &["INFO a line".into(), "WARN s3cr3t-value-for-the-report-test".into()],
        );
        assert!(!text.contains("s3cr3t-value-for-the-report-test"), "{text}");
        for part in [env!("CARGO_PKG_VERSION"), "OS: ", "src/x.rs:1:2", "0: frame", "INFO a line", "panic: bad thing"] {
            assert!(text.contains(part), "{part} missing from\n{text}");
        }
        let data = tempfile::tempdir().unwrap();
        assert!(unshown_reports(data.path()).is_empty());
        let a = write_report(&crash_dir(data.path()), &text).unwrap();
        let b = write_report(&crash_dir(data.path()), &text).unwrap();
        assert_ne!(a, b, "two reports in one second keep both");
        assert_eq!(unshown_reports(data.path()), vec![b.clone(), a.clone()]);
        mark_shown(data.path(), &b).unwrap();
        assert!(unshown_reports(data.path()).is_empty());
    }
}
