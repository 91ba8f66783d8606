//! `vodcut media upload FILE...`: every file checked first, then uploaded one after another
//! (large ones in parallel parts), a progress line on stderr when it is a terminal, the new
//! MediaIds on stdout. Interrupted uploads continue when the same command runs again.

use super::cloud::{client, exit_for, runtime};
use super::{
    CliResult, Connection, EXIT_BAD_INPUT, EXIT_NETWORK, EXIT_OK, EXIT_REFUSED, EXIT_SETTINGS, EXIT_WRITE_FAILED, print,
};
use crate::upload::check::{check_file, check_tags, title_for};
use crate::upload::oss::OssError;
use crate::upload::{
    Control, FileRequest, Progress, Speed, StateStore, UploadConfig, UploadError, human_bytes, human_duration,
    upload_file,
};
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

pub struct Options {
    pub title: Option<String>,
    pub tags: Option<String>,
    pub cate_id: Option<i64>,
    pub restart: bool,
    pub parallel: usize,
    pub json: bool,
}

fn exit_for_upload(e: &UploadError) -> i32 {
    match e {
        UploadError::Input(_) | UploadError::Changed { .. } | UploadError::StateUnusable { .. } => EXIT_BAD_INPUT,
        UploadError::Busy { .. } => EXIT_BAD_INPUT,
        UploadError::Api { error, .. } => exit_for(error),
        UploadError::Oss { error: OssError::Network(_), .. } => EXIT_NETWORK,
        UploadError::Oss { .. } => EXIT_REFUSED,
        UploadError::Io { .. } => EXIT_WRITE_FAILED,
        UploadError::Paused | UploadError::Cancelled => EXIT_NETWORK,
    }
}

/// Redraws `name  42%  120 MB of 290 MB  35.2 MB/s  0:05 left` every quarter second.
fn progress_line(name: String, progress: Arc<Progress>, stop: Arc<AtomicBool>) -> std::thread::JoinHandle<()> {
    std::thread::spawn(move || {
        let start = Instant::now();
        let mut speed = Speed::default();
        let mut err = std::io::stderr();
        while !stop.load(Ordering::SeqCst) {
            let (done, total) = (progress.done.load(Ordering::Relaxed), progress.total.load(Ordering::Relaxed));
            speed.sample(start.elapsed().as_secs_f64(), done);
            let pct = (done * 100).checked_div(total).unwrap_or(0);
            let width = 24usize;
            let filled = (pct as usize * width / 100).min(width);
            let rate =
                speed.bytes_per_sec().map(|s| crate::t!("cli-up-rate", size = human_bytes(s))).unwrap_or_default();
            let left = speed
                .time_left(total.saturating_sub(done))
                .map(|d| crate::t!("cli-up-left", time = human_duration(d)))
                .unwrap_or_default();
            let amount = crate::t!("cli-up-amount", done = human_bytes(done as f64), total = human_bytes(total as f64));
            let _ = write!(
                err,
                "\r\x1b[2K{name}  [{}{}] {pct:>3}%  {amount}{rate}{left}",
                "#".repeat(filled),
                "-".repeat(width - filled),
            );
            let _ = err.flush();
            std::thread::sleep(Duration::from_millis(250));
        }
        let _ = write!(err, "\r\x1b[2K");
        let _ = err.flush();
    })
}

pub fn run(
    files: &[PathBuf],
    opts: &Options,
    conn: &Connection,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> CliResult {
    // Every file is checked before anything is sent, so one bad name does not leave half a
    // batch uploaded.
    let mut problems = Vec::new();
    for f in files {
        if let Err(e) = check_file(f) {
            problems.push(e);
        } else if let Err(e) = title_for(f, opts.title.as_deref()) {
            problems.push(format!("{}: {e}", f.display()));
        }
    }
    if let Some(t) = &opts.tags
        && let Err(e) = check_tags(t)
    {
        problems.push(format!("--tags: {e}")); // i18n-exempt: the option's name
    }
    if !problems.is_empty() {
        return Err((EXIT_BAD_INPUT, crate::t!("cli-up-nothing", problems = problems.join("\n  "))));
    }
    let (client, region) = client(conn, None)?;
    let data = crate::store::jobs::data_dir().ok_or_else(|| (EXIT_SETTINGS, crate::t!("cli-no-data-folder")))?;
    let store = StateStore::new(&data);
    let cfg = UploadConfig {
        parts_in_flight: opts.parallel.max(1),
        allow_insecure_http: conn.allow_insecure_http,
        ..UploadConfig::default()
    };
    let rt = runtime()?;
    let ctl = Control::default();
    let tty = std::io::stderr().is_terminal();
    let mut results = Vec::new();
    let mut first_failure = None;
    for f in files {
        let req = FileRequest {
            path: f.clone(),
            title: opts.title.clone(),
            tags: opts.tags.clone(),
            cate_id: opts.cate_id,
            restart: opts.restart,
        };
        let progress = Arc::new(Progress::default());
        let stop = Arc::new(AtomicBool::new(false));
        let name = f.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let drawer = tty.then(|| progress_line(name, progress.clone(), stop.clone()));
        let started = Instant::now();
        let r = rt.block_on(upload_file(&client, &store, &req, &cfg, &ctl, &progress));
        stop.store(true, Ordering::SeqCst);
        if let Some(d) = drawer {
            let _ = d.join();
        }
        match r {
            Ok(u) => {
                let secs = started.elapsed().as_secs_f64().max(0.001);
                let resumed = if u.resumed_parts > 0 {
                    crate::t!("cli-up-resumed", resumed = u.resumed_parts, parts = u.parts)
                } else {
                    String::new()
                };
                let _ = writeln!(
                    err,
                    "{}",
                    crate::t!(
                        "cli-up-done",
                        file = f.display().to_string(),
                        size = human_bytes(u.size as f64),
                        secs = format!("{secs:.1}"),
                        speed = human_bytes(u.size as f64 / secs),
                        resumed = resumed
                    )
                );
                if !opts.json {
                    print(out, &format!("{}  {:<5}  {}", u.media_id, u.kind.as_str(), f.display()))?;
                }
                results.push(serde_json::json!({"File": f, "MediaId": u.media_id, "MediaType": u.kind.as_str(),
                    "Title": u.title, "Size": u.size, "Parts": u.parts, "ResumedParts": u.resumed_parts}));
            }
            Err(e) => {
                let _ = writeln!(err, "vodcut: {e}");
                first_failure.get_or_insert(exit_for_upload(&e));
                let mut v = serde_json::json!({"File": f, "Error": e.to_string()});
                if let Some(id) = progress.media_id() {
                    v["MediaId"] = id.into();
                }
                results.push(v);
            }
        }
    }
    if opts.json {
        print(out, &serde_json::to_string_pretty(&results).unwrap_or_default())?;
    }
    match first_failure {
        None => {
            if !opts.json {
                // i18n-exempt: a command line
                let next = conn.next_command(&["media", "info", "ID"], Some(&region));
                let _ = writeln!(err, "{}", crate::t!("cli-up-follow", command = next));
            }
            Ok(EXIT_OK)
        }
        Some(code) => Err((
            code,
            crate::t!(
                "cli-up-failed",
                failed = results.iter().filter(|r| r.get("Error").is_some()).count(),
                files = files.len()
            ),
        )),
    }
}
